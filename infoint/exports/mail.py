"""Mail drafts the user opens in their own mail client: .eml files and mailto: links.

Nothing is sent from here (docs/security.md "Untrusted text", Mail). Every name, subject and note
may come from an imported file, where a line break can add a recipient or a header, so each value
is cleaned (``clean_header``, ``clean_address``) before it reaches a header, and a built draft
is parsed back and checked before it leaves.
"""

from __future__ import annotations

import email
import email.errors
import email.policy
import email.utils
import re
import unicodedata
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from urllib.parse import quote

from ..i18n import N_, _
from ._common import clean_text, no_controls

MAIL_DOMAIN = "infoint.local"  # Message-ID and calendar UID domain: never looked up (no DNS)
MAX_SUBJECT = 300  # no mail client shows more; also keeps header folding simple
MAX_DISPLAY_NAME = 120
MAILTO_MAX_LENGTH = 1800  # some browsers and mail clients drop longer mailto: links
MAILTO_SHORTENED_NOTE = N_(
    "[This message was shortened to fit in a mail link. "
    "The full text is in the .eml draft and in the workbook, ready to copy.]"
)

_ADDRESS_RE = re.compile(
    r"^[A-Za-z0-9.!$'*+/=^_`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$"
)


def clean_header(text: object, limit: int = MAX_SUBJECT) -> str:
    """A value that is safe in one mail header: one line, no control characters, bounded length.

    Every control character (CR and LF included) goes, so nothing can start a new header
    ("\\r\\nBcc: ..."). Whitespace runs collapse to one space. ``=?`` becomes ``= ?``: Python's
    email package decodes RFC 2047 encoded words in the text it is given, and an encoded word
    can smuggle a line break past the first rule.
    """
    # Line breaks and tabs become spaces first (so "Ana\r\nBcc" stays two words), then the rest
    # goes.
    value = " ".join(no_controls(" ".join(("" if text is None else str(text)).split())).split())
    value = value.replace("=?", "= ?")
    if len(value) > limit:
        value = value[:limit].rstrip()
    return value


def clean_address(address: object) -> str:
    """A plain email address (``name@example.org``) or "" when it isn't one.

    Deliberately strict: spaces, line breaks, control characters, ``,`` ``;`` ``?`` ``&`` ``%``
    ``<`` ``>`` and anything else that could add a recipient or a header makes the whole address
    invalid instead of being "repaired". A non-ASCII domain is converted to its ASCII (IDNA)
    form; a non-ASCII user name is not supported by most mail systems and is refused.
    """
    value = "" if address is None else str(address).strip()
    if not value or len(value) > 254 or value.count("@") != 1:
        return ""
    local, domain = value.split("@")
    if domain and not domain.isascii():
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            return ""
    value = f"{local}@{domain.lower()}"
    if (
        not _ADDRESS_RE.match(value)
        or ".." in local
        or local.startswith(".")
        or local.endswith(".")
    ):
        return ""
    try:
        Address(addr_spec=value)
    except (ValueError, IndexError, TypeError, email.errors.MessageError):
        return ""
    return value


def _mailbox(name: object, address: object) -> Address | str:
    """An ``Address`` (display name encoded by the email package), or "" without a valid address."""
    addr = clean_address(address)
    if not addr:
        return ""
    return Address(display_name=clean_header(name, MAX_DISPLAY_NAME), addr_spec=addr)


_EML_HEADERS = ("From", "To", "Subject", "Date", "Message-ID", "X-Unsent")


def eml_draft(
    *,
    sender: str,
    sender_name: str,
    to: str,
    to_name: str,
    subject: str,
    body: str,
    when: datetime | None = None,
) -> bytes:
    """An unsent email draft (.eml) the user opens in Outlook, Thunderbird or Apple Mail.

    ``X-Unsent: 1`` makes Outlook open it as an unsent draft with a Send button; other clients
    open it as a message the user can "edit as new" and send from their own account.
    Header values are cleaned with ``clean_header``/``clean_address``; an invalid address gives
    an empty header rather than a guessed one. The result is parsed back and its header set
    checked before it is returned, so a draft with an injected header can never leave.
    """
    # No header wrapping (names are capped at 120 characters and subjects at 300): Python 3.11's
    # folding drops the quotes around a long display name, turning its commas into recipients.
    policy = email.policy.default.clone(max_line_length=998)
    msg = EmailMessage(policy=policy)
    msg["From"] = _mailbox(sender_name, sender)
    msg["To"] = _mailbox(to_name, to)
    msg["Subject"] = clean_header(subject)
    stamp = when or datetime.now(UTC)
    stamp = stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=UTC)  # naive: read as UTC
    msg["Date"] = email.utils.format_datetime(stamp.astimezone(UTC))
    msg["Message-ID"] = email.utils.make_msgid(domain=MAIL_DOMAIN)  # a domain given: no DNS look-up
    msg["X-Unsent"] = "1"
    msg.set_content(clean_text(body), charset="utf-8")
    data = msg.as_bytes()
    parsed = email.message_from_bytes(data, policy=email.policy.default)
    expected = {h.lower() for h in _EML_HEADERS} | {
        "mime-version",
        "content-type",
        "content-transfer-encoding",
    }
    names = [k.lower() for k in parsed.keys()]
    wanted = {"from": clean_address(sender), "to": clean_address(to)}
    try:
        got = {k: [a.addr_spec for a in parsed[k].addresses] for k in ("from", "to")}
    except (AttributeError, IndexError, TypeError, ValueError):
        got = None
    same_people = got is not None and all(got[k] == ([wanted[k]] if wanted[k] else []) for k in got)
    if sorted(names) != sorted(expected) or not same_people:
        raise ValueError(
            _(
                "The draft could not be built safely from this text; "
                "please simplify the names or subject."
            )
        )
    return data


def eml_filename(to_name: str, kind: str, contact_id: int | None = None) -> str:
    """A file name every system accepts: ASCII letters, digits, ``-`` and ``_``, at most 60
    characters. A name with no ASCII letters (王芳) becomes a stand-in that keeps two people's
    drafts apart without transliterating: ``contact-12`` (``contact_id``), else ``contact-``
    and a short digest of the name."""

    def part(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
        return "-".join(re.findall(r"[A-Za-z0-9]+", plain))

    who = part(to_name)
    if not who and (to_name or "").strip():
        import hashlib  # lazy: only a name without ASCII letters needs it

        digest = hashlib.sha256(to_name.strip().encode("utf-8")).hexdigest()[:8]
        who = f"contact-{contact_id}" if contact_id is not None else f"contact-{digest}"
    stem = "_".join(p for p in (part(kind), who) if p) or "draft"
    return stem[: 60 - len(".eml")].rstrip("-_") + ".eml"


def mailto_link(
    to: str, subject: str, body: str, max_length: int = MAILTO_MAX_LENGTH
) -> tuple[str, bool]:
    """A ``mailto:`` link that opens a pre-filled message, and whether the body had to be cut.

    Everything after the address is percent-encoded (``& ? = #`` and line breaks too), and an
    address that could add a recipient or a header (``,`` ``;`` ``?`` ``&`` ``%``, line breaks)
    is dropped, leaving the recipient empty. Long bodies are shortened on a word boundary
    with a note pointing to the full text, so the link stays under ``max_length``.
    """
    address = clean_address(to)
    head = "mailto:" + quote(address, safe="@")
    clean_subject = clean_header(subject)
    text = clean_text(body)

    def build(subj: str, txt: str) -> str:
        crlf = txt.replace("\n", "\r\n")  # a mail body's line ends
        return f"{head}?subject={quote(subj, safe='')}&body={quote(crlf, safe='')}"

    url = build(clean_subject, text)
    if len(url) <= max_length:
        return url, False
    note = "\n\n" + _(MAILTO_SHORTENED_NOTE)
    if len(build(clean_subject, note.lstrip())) > max_length:
        # Not even the note fits beside the subject: shorten the subject, keep the note.
        keep = _longest_fitting(clean_subject, lambda s: len(build(s, note.lstrip())) <= max_length)
        clean_subject = _word_cut(clean_subject, keep)
        return build(clean_subject, note.lstrip()), True
    keep = _longest_fitting(text, lambda t: len(build(clean_subject, t + note)) <= max_length)
    cut = _word_cut(text, keep)
    return build(clean_subject, (cut + note) if cut else note.lstrip()), True


def _longest_fitting(text: str, fits) -> int:
    """The largest n such that fits(text[:n]) (binary search; fits must be monotonic)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle]):
            low = middle
        else:
            high = middle - 1
    return low


def _word_cut(text: str, n: int) -> str:
    """``text[:n]`` ending on a word boundary when there is one, trailing spaces removed."""
    if n >= len(text):
        return text.rstrip()
    piece = text[:n]
    if not text[n].isspace():
        space = max(piece.rfind(" "), piece.rfind("\n"), piece.rfind("\t"))
        if space > 0:
            piece = piece[:space]
    return piece.rstrip()
