"""Step 2, vCard (.vcf): the contact files phones and mail programs write, read in and written.

Apple Contacts, Google Contacts and Outlook all export vCard: 3.0 mostly, 4.0 from newer
programs, 2.1 with quoted-printable values from Outlook; several people per file, long lines
folded. Reading checks the whole file before anything is used (any line it can't read refuses
the file, naming the line, as the other importers do) and hands each card to the same import
flow as a CSV (``imports.to_contacts``, then ``plan_merge``), so duplicates are recognised the
same way (T8). Parsing and writing are done by ``vobject``; what is written is one-line text
that ``vobject`` escapes, so a name can never add a line or a property to the file.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterable

import vobject
from vobject.vcard import Address, Name

from .bulk import paused_gc
from .i18n import _
from .imports import ImportPlan, to_contacts
from .records import Contact, person_name
from .safe import CONTROL_RE, one_line, safe_url
from .tabular import MAX_CELL_CHARS, MAX_FILE_BYTES, ImportFailed, ParsedFile

__all__ = ["VCARD_FIELDS", "is_vcard", "read_vcards", "vcard_bytes", "vcard_filename"]

# The contact fields a card fills, in the order of the rows handed to the import flow.
VCARD_FIELDS = (
    "first_name",
    "last_name",
    "full_name",
    "email",
    "phone",
    "organization",
    "position",
    "location",
    "profile_url",
    "notes",
)
_MAX_CARDS = 100_000
_SKIPPED = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})  # pictures and keys: never used
_QP = re.compile(r"(?:^|;)(?:ENCODING=)?QUOTED-PRINTABLE(?:;|$)", re.I)
_NEWLINES = re.compile(r"\r\n|\r|\n")
_TEXT_PROPERTIES = frozenset({"FN", "N", "ORG", "TITLE", "ROLE", "NOTE", "ADR", "LABEL"})
_UNESCAPED_COMMA = re.compile(r"(?<!\\),")
_CHARSET = re.compile(r"^CHARSET=(.+)$", re.I)
_TEXT_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _fail(name: str, text: str, line: int | None = None) -> ImportFailed:
    return ImportFailed(text, file=name, line=line)


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 as phones and Google write; else Windows-1252, as
    older Outlook versions do."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _fail(
                name, _("{file} is UTF-16 text with damaged bytes in it.").format(file=name)
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """The file's content lines, unfolded, each with the number of the line it starts on.

    A line starting with a space or tab continues the one before (folding); a quoted-printable
    value ending in "=" continues on the next line (a soft line break, as Outlook writes).
    """
    lines: list[tuple[int, str]] = []
    soft = False
    for number, line in enumerate(_NEWLINES.split(text), start=1):
        if lines and line[:1] in (" ", "\t") and not soft:
            start, before = lines[-1]
            lines[-1] = (start, before + line[1:])
        elif soft:
            start, before = lines[-1]
            lines[-1] = (start, before[:-1] + line)
        elif line.strip():
            lines.append((number, line))
        else:
            continue
        current = lines[-1][1]
        head = current.split(":", 1)[0]
        soft = current.endswith("=") and bool(_QP.search(head.split(";", 1)[-1])) and ";" in head
    return lines


def _split_head(line: str) -> tuple[str, str]:
    """A content line's name and parameters, and its value (a colon in quotes is a parameter's)."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:index], line[index + 1 :]
    return line, ""


def _normalised(line: str) -> str:
    """A line as vobject reads it reliably: a quoted-printable value decoded (in its CHARSET),
    and commas in text values escaped. vCard 2.1 never escapes commas and some 3.0 writers
    forget to, and vobject would keep only the text before the first one."""
    head, value = _split_head(line)
    parts = head.split(";")
    prop = parts[0].rsplit(".", 1)[-1].upper()
    if prop not in _TEXT_PROPERTIES:
        return line
    params = parts[1:]
    if any(_QP.search(";" + p) for p in params):
        charset = next((m.group(1) for p in params if (m := _CHARSET.match(p))), "utf-8")
        raw = quopri.decodestring(value.encode("ascii", errors="replace"))
        try:
            value = raw.decode(charset.strip('"'))
        except (LookupError, UnicodeDecodeError):
            value = raw.decode("cp1252", errors="replace")
        value = _NEWLINES.sub(lambda _: "\\n", value)
        params = [p for p in params if not _QP.search(";" + p) and not _CHARSET.match(p)]
    value = _UNESCAPED_COMMA.sub(lambda _: "\\,", value)
    return ";".join([parts[0], *params]) + ":" + value


def _cards(lines: list[tuple[int, str]], name: str) -> list[tuple[int, list[tuple[int, str]]]]:
    """The cards, each with its first line, checked line by line: every line is inside a card,
    is a property vobject can read, and every card ends."""
    cards: list[tuple[int, list[tuple[int, str]]]] = []
    current: list[tuple[int, str]] | None = None
    for number, line in lines:
        key = line.strip().upper()
        if key == "BEGIN:VCARD":
            if current is not None:
                raise _fail(
                    name,
                    _(
                        "{file}: a new card starts on line {line} before the card that starts "
                        "on line {start} ends (END:VCARD is missing). Export the contacts "
                        "again from your address book."
                    ).format(file=name, line=number, start=current[0][0]),
                    number,
                )
            current = [(number, line)]
            continue
        if current is None:
            raise _fail(
                name,
                _(
                    "{file}: line {line} is outside any card (cards start with BEGIN:VCARD). "
                    "This doesn't look like a vCard file; export your contacts again as vCard "
                    "(.vcf)."
                ).format(file=name, line=number),
                number,
            )
        property_name = key.split(":", 1)[0].split(";", 1)[0].rsplit(".", 1)[-1]
        if property_name in _SKIPPED:
            continue
        line = _normalised(line)
        try:
            vobject.base.parseLine(line, number)
        except Exception:  # noqa: BLE001 - any unreadable line refuses the file
            raise _fail(
                name,
                _(
                    "{file}: line {line} can't be read as vCard ({text}). Each line needs a "
                    "property name, a colon and a value. Export the contacts again, or correct "
                    "that line in a text editor."
                ).format(file=name, line=number, text=repr(one_line(line, 60))),
                number,
            ) from None
        current.append((number, line))
        if key == "END:VCARD":
            cards.append((current[0][0], current))
            current = None
            if len(cards) > _MAX_CARDS:
                raise _fail(
                    name,
                    _(
                        "{file} holds more than {limit:,} cards, more than an address book "
                        "does. Split it and import the parts one after the other."
                    ).format(file=name, limit=_MAX_CARDS),
                    number,
                )
    if current is not None:
        raise _fail(
            name,
            _(
                "{file}: the card that starts on line {start} never ends (END:VCARD is "
                "missing): the file may have been cut off. Export the contacts again."
            ).format(file=name, start=current[0][0]),
            current[0][0],
        )
    if not cards:
        raise _fail(
            name,
            _(
                "{file} has no contact card in it (no BEGIN:VCARD line). Choose a .vcf file "
                "exported from your phone, Apple Contacts, Google Contacts or Outlook."
            ).format(file=name),
        )
    return cards


def _text(value) -> str:
    if isinstance(value, (list, tuple)):
        return " ".join(_text(v) for v in value if _text(v))
    return one_line(value, MAX_CELL_CHARS)


def _preferred(card, prop: str):
    """The property's preferred line (TYPE=pref, PREF=1, or 2.1's bare PREF), else the first."""
    lines = card.contents.get(prop.lower(), [])
    for line in lines:
        types = [t.upper() for v in line.params.get("TYPE", []) for t in v.split(",")]
        if "PREF" in types or "PREF" in line.params or "PREF" in line.singletonparams:
            return line
    return lines[0] if lines else None


def _value(card, prop: str) -> str:
    line = _preferred(card, prop)
    return "" if line is None or isinstance(line.value, bytes) else _text(line.value)


def _place(card) -> str:
    line = _preferred(card, "adr")
    if line is None or not isinstance(line.value, Address):
        return ""
    adr = line.value
    return ", ".join(p for p in (_text(adr.city), _text(adr.region), _text(adr.country)) if p)


def _profile(card) -> str:
    """A LinkedIn profile (Apple's X-SOCIALPROFILE, any URL), else the first web address."""
    urls = [
        _text(line.value)
        for prop in ("x-socialprofile", "url")
        for line in card.contents.get(prop, [])
        if not isinstance(line.value, bytes)
    ]
    urls = [u.replace("\\:", ":") for u in urls]  # Google writes "https\://"
    web = [u for u in urls if re.match(r"https?://", u, re.I)]
    return next((u for u in web if "linkedin.com/" in u.lower()), web[0] if web else "")


def _notes(card) -> str:
    line = _preferred(card, "note")
    if line is None or isinstance(line.value, bytes):
        return ""
    text = _TEXT_CONTROL.sub(" ", str(line.value)).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()[:MAX_CELL_CHARS]


def _row(card) -> list[str]:
    name = card.contents.get("n", [None])[0]
    given = family = ""
    if name is not None and isinstance(name.value, Name):
        given, family = _text(name.value.given), _text(name.value.family)
    org = card.contents.get("org", [None])[0]
    organization = ""
    if org is not None and not isinstance(org.value, bytes):
        parts = org.value if isinstance(org.value, list) else [org.value]
        organization = _text(parts[0]) if parts else ""
    phone = re.sub(r"^tel:", "", _value(card, "tel"), flags=re.I)
    email = re.sub(r"^mailto:", "", _value(card, "email"), flags=re.I)
    position = _value(card, "title") or _value(card, "role")
    return [
        given,
        family,
        _value(card, "fn"),
        email,
        phone,
        organization,
        position,
        _place(card),
        _profile(card),
        _notes(card),
    ]


def is_vcard(name: str, data: bytes) -> bool:
    """Whether a chosen file is a vCard file (by its name, or by its first line whatever the
    name), so the import reads it as one rather than as a table."""
    if name.lower().endswith((".vcf", ".vcard")):
        return True
    start = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return start[:11].upper() == b"BEGIN:VCARD"


@paused_gc()
def read_vcards(data: bytes, name: str) -> ImportPlan:
    """The people in a .vcf file, as an import plan (``.contacts``: (line, Contact), the line
    where each card starts), or ImportFailed naming the line when any of it can't be read;
    then nothing is imported.

    Cards without a name are left out, and a person who appears twice in the file is kept once,
    as in a CSV import; each contact's source is the file name.
    """
    if not data:
        raise _fail(
            name,
            _("{file} is empty. Export your contacts again and choose that file.").format(
                file=name
            ),
        )
    if len(data) > MAX_FILE_BYTES:
        raise _fail(
            name,
            _(
                "{file} is {size:.0f} MB, more than the {limit} MB the workbook can import at once."
            ).format(file=name, size=len(data) / 1024 / 1024, limit=MAX_FILE_BYTES // 1024 // 1024),
        )
    if data.startswith(b"PK\x03\x04"):
        raise _fail(
            name,
            _("{file} is a ZIP archive. Unzip it and import the .vcf file inside.").format(
                file=name
            ),
        )
    text = _decode(data, name)
    if "\x00" in text:
        raise _fail(
            name, _("{file} isn't a text file, so it can't be a vCard file.").format(file=name)
        )
    rows: list[tuple[int, list[str]]] = []
    companies: list[tuple[int, str]] = []
    for start, lines in _cards(_logical_lines(text), name):
        try:
            card = vobject.readOne("\r\n".join(line for _, line in lines) + "\r\n")
            row = _row(card)
        except Exception as exc:  # noqa: BLE001 - vobject raises many kinds on damaged values
            raise _fail(
                name,
                _(
                    "{file}: the card that starts on line {start} can't be read ({error}). "
                    "Export the contacts again, or correct that card."
                ).format(file=name, start=start, error=one_line(exc, 80)),
                start,
            ) from None
        if _is_company(card, row):
            companies.append(
                (start, _("a card for an organization ({name}), not a person").format(name=row[5]))
            )
        else:
            rows.append((start, row))
    parsed = ParsedFile(name, "vcard", "utf-8", "", 0, list(VCARD_FIELDS), rows)
    plan = to_contacts(parsed, {f: f for f in VCARD_FIELDS}, name)
    plan.skipped = sorted(plan.skipped + companies)
    return plan


def _is_company(card, row: list[str]) -> bool:
    """Apple marks an organization's own card (X-ABShowAs:COMPANY); others leave its N empty
    and give it the organization's name."""
    shown = card.contents.get("x-abshowas", [])
    if shown and str(shown[0].value).strip().upper() == "COMPANY":
        return True
    return bool(row[5]) and not (row[0] or row[1]) and row[2].casefold() == row[5].casefold()


# ---------------------------------------------------------------------------------------------
# Writing


def vcard_filename(targets_only: bool = False) -> str:
    """The exported file's name."""
    return "infoint-targets.vcf" if targets_only else "infoint-contacts.vcf"


def _card(contact: Contact, with_notes: bool = False) -> vobject.base.Component:
    card = vobject.vCard()
    first, last = one_line(contact.first_name, None), one_line(contact.last_name, None)
    card.add("n").value = Name(family=last, given=first)
    card.add("fn").value = person_name(first, last) or _("(no name)")
    if contact.email.strip():
        line = card.add("email")
        line.value = one_line(contact.email, None)
        line.type_param = "INTERNET"
    if contact.phone.strip():
        line = card.add("tel")
        line.value = one_line(contact.phone, None)
        line.type_param = "WORK"
    if contact.organization.strip():
        card.add("org").value = [one_line(contact.organization, None)]
    if contact.position.strip():
        card.add("title").value = one_line(contact.position, None)
    if contact.location.strip():
        line = card.add("adr")
        line.value = Address(city=one_line(contact.location, None))
        line.type_param = "WORK"
    url = safe_url(contact.profile_url)
    if url and url.lower().startswith("https:"):
        card.add("url").value = url
    notes = _NEWLINES.sub("\n", contact.notes or "")
    notes = _TEXT_CONTROL.sub(" ", CONTROL_RE.sub(_keep_newline, notes)).strip()
    if notes and with_notes:
        card.add("note").value = notes
    if contact.id is not None:
        card.add("uid").value = f"infoint-contact-{contact.id}"
    return card


def _keep_newline(match: re.Match) -> str:
    return "\n" if match.group() == "\n" else " "


@paused_gc()
def vcard_bytes(contacts: Iterable[Contact], notes: bool = False) -> bytes:
    """Contacts as one vCard 3.0 file (UTF-8, CRLF, folded lines), which Apple Contacts, Google
    Contacts, Outlook and phones read. Every value is one line of text (notes keep their line
    breaks, escaped), escaped by vobject: no name can start a property or a card. The
    participant's private notes go in only with ``notes`` (a .vcf is easily shared)."""
    return "".join(_card(c, notes).serialize() for c in contacts).encode("utf-8")
