"""Every file that leaves the workbook: the whole-workbook backup, mail drafts, calendar files.

A backup is a ZIP holding ``workbook.json`` (every table, lossless) and a short README,
because a ZIP opens on every computer and compresses a 30,000-contact workbook well below
the browser upload limit.

Mail drafts (.eml, mailto: links) and calendar files (.ics) carry untrusted text (names,
subjects, notes from imported files) into formats where a line break can add a recipient or
an event; the rules of DESIGN.md "Untrusted text" (Mail, Calendar) are applied here. Nothing
is sent: the user's own mail client and calendar open these files. ``icalendar`` is imported
only when a calendar file is made.
"""

from __future__ import annotations

import email
import email.errors
import email.policy
import email.utils
import io
import json
import os
import re
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .clock import now_iso, zone
from .records import Reminder
from .workspace import Workspace, WorkspaceError

BACKUP_FORMAT = "infoint-workbook-backup"
BACKUP_MEMBER = "workbook.json"
MAX_BACKUP_BYTES = 200 * 1024 * 1024  # uncompressed; a zip bomb is refused, not unpacked

_README = """This file is a backup of your informational interview workbook.
Keep it somewhere safe. To restore it, open the workbook's start page and use
"Restore from a backup". The data is in workbook.json; nothing in it is encrypted,
so treat it like any private document.
"""


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did, for the confirmation message."""

    rows: dict[str, int]
    exported_at: str
    safety_copy: Path | None


def backup_filename(when: datetime | None = None) -> str:
    """A dated file name the user will recognise in their downloads folder."""
    return f"infoint-backup-{(when or datetime.now()).strftime('%Y-%m-%d-%H%M')}.zip"


def backup_bytes(ws: Workspace) -> bytes:
    """The whole workbook as one ZIP file's bytes."""
    content = {"format": BACKUP_FORMAT, "exported_at": now_iso(), **ws.dump()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(BACKUP_MEMBER, json.dumps(content, ensure_ascii=False, indent=1))
        zf.writestr("README.txt", _README)
    return buffer.getvalue()


def read_backup(data: bytes, name: str = "the file") -> dict[str, Any]:
    """Parse a backup (a ZIP, or its bare workbook.json), or raise a plain-language WorkspaceError."""
    if not data:
        raise WorkspaceError(f"{name} is empty. Choose the .zip file the workbook downloaded.")
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                try:
                    info = zf.getinfo(BACKUP_MEMBER)
                except KeyError:
                    raise WorkspaceError(
                        f"{name} is a ZIP file but not a workbook backup (it has no {BACKUP_MEMBER})."
                    ) from None
                if info.file_size > MAX_BACKUP_BYTES:
                    raise WorkspaceError(f"{name} is too large to be a workbook backup.")
                with zf.open(info) as member:
                    raw = member.read(MAX_BACKUP_BYTES + 1)
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            OSError,
            EOFError,
            NotImplementedError,
        ) as exc:
            raise WorkspaceError(
                f"{name} is damaged and can't be opened as a ZIP file ({exc})."
            ) from exc
        if len(raw) > MAX_BACKUP_BYTES:
            raise WorkspaceError(f"{name} is too large to be a workbook backup.")
    elif len(data) > MAX_BACKUP_BYTES:
        raise WorkspaceError(f"{name} is too large to be a workbook backup.")
    else:
        raw = data
    try:
        content = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise WorkspaceError(
            f"{name} is not a workbook backup (its content is not the workbook's format)."
        ) from None
    if not isinstance(content, dict) or content.get("format") != BACKUP_FORMAT:
        raise WorkspaceError(
            f"{name} is not a workbook backup (it doesn't say it was made by this workbook)."
        )
    return content


def restore_backup(ws: Workspace, data: bytes, name: str = "the file") -> RestoreReport:
    """Restore a backup over the workspace, after saving the current state beside it.

    The safety copy means a restore of the wrong file never loses anything.
    """
    content = read_backup(data, name)
    safety = save_safety_copy(ws, "before-restore")
    rows = ws.restore(content)
    return RestoreReport(
        rows=rows, exported_at=str(content.get("exported_at", "")), safety_copy=safety
    )


def save_safety_copy(ws: Workspace, reason: str) -> Path:
    """Save a backup beside the workspace (in ``backups/``) before anything replaces its data."""
    folder = ws.path.parent / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / f"{reason}-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}.zip"
    _write_private(path, backup_bytes(ws))
    return path


def _write_private(path: Path, data: bytes) -> None:
    """Write a file only its owner can read (0600)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


# ============================================================================ mail and calendar
# Drafts and reminders the user opens in their own mail client or calendar: nothing is sent
# from here (DESIGN.md "Untrusted text", Mail and Calendar). Every name, subject and note may
# come from an imported file, so each value is cleaned before it reaches a header or property.

MAIL_DOMAIN = "infoint.local"  # Message-ID and calendar UID domain: never looked up (no DNS)
MAX_SUBJECT = 300  # no mail client shows more; also keeps header folding simple
MAX_DISPLAY_NAME = 120
MAILTO_MAX_LENGTH = 1800  # some browsers and mail clients drop longer mailto: links
MAILTO_SHORTENED_NOTE = (
    "[This message was shortened to fit in a mail link. "
    "The full text is in the .eml draft and in the workbook, ready to copy.]"
)

# Bidirectional controls can make a name display as something else (spoofing); line and
# paragraph separators act as line breaks in some clients.
_INVISIBLE_CONTROLS = frozenset(
    "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
_ADDRESS_RE = re.compile(
    r"^[A-Za-z0-9.!$'*+/=^_`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$"
)


def _no_controls(text: object, keep: str = "") -> str:
    """``text`` without control characters (C0, DEL, C1) and invisible direction marks."""
    value = "" if text is None else str(text)
    return "".join(
        ch
        for ch in value
        if ch in keep or not (unicodedata.category(ch) in ("Cc", "Cs") or ch in _INVISIBLE_CONTROLS)
    )


def _clean_text(text: object) -> str:
    """Multi-line text (a body, a description): line breaks made uniform, other controls removed."""
    value = "" if text is None else str(text)
    return _no_controls(value.replace("\r\n", "\n").replace("\r", "\n"), keep="\n\t")


def clean_header(text: object, limit: int = MAX_SUBJECT) -> str:
    """A value that is safe in one mail header: one line, no control characters, bounded length.

    Every control character (CR and LF included) goes, so nothing can start a new header
    ("\\r\\nBcc: ..."). Whitespace runs collapse to one space. ``=?`` becomes ``= ?``: Python's
    email package decodes RFC 2047 encoded words in the text it is given, and an encoded word
    can smuggle a line break past the first rule.
    """
    # Line breaks and tabs become spaces first (so "Ana\r\nBcc" stays two words), then the rest goes.
    value = " ".join(_no_controls(" ".join(("" if text is None else str(text)).split())).split())
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
    msg.set_content(_clean_text(body), charset="utf-8")
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
            "The draft could not be built safely from this text; please simplify the names or subject."
        )
    return data


def eml_filename(to_name: str, kind: str) -> str:
    """A file name every system accepts: ASCII letters, digits, ``-`` and ``_``, at most 60 characters."""

    def part(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
        return "-".join(re.findall(r"[A-Za-z0-9]+", plain))

    stem = "_".join(p for p in (part(kind), part(to_name)) if p) or "draft"
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
    text = _clean_text(body)

    def build(subj: str, txt: str) -> str:
        return f"{head}?subject={quote(subj, safe='')}&body={quote(txt.replace(chr(10), chr(13) + chr(10)), safe='')}"

    url = build(clean_subject, text)
    if len(url) <= max_length:
        return url, False
    note = "\n\n" + MAILTO_SHORTENED_NOTE
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


def calendar_uid(seed: str) -> str:
    """A stable UID for an event: the same seed always gives the same UID (RFC 5545 3.8.4.7)."""
    return f"{uuid.uuid5(_UID_NAMESPACE, str(seed))}@{MAIL_DOMAIN}"


_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, MAIL_DOMAIN)


def ics_reminders(reminders: list[Reminder], tz: str) -> bytes:
    """Reminders as one .ics calendar file, one VEVENT each, in the user's time zone ``tz``.

    Each event has UID, DTSTAMP, DTSTART/DTEND with the zone (and its VTIMEZONE), SUMMARY,
    DESCRIPTION and a display alarm. Text is escaped by ``icalendar``, so "END:VEVENT" or a
    line break in a note stays inside its property; other control characters are removed.
    An unknown or empty ``tz`` means UTC (times are written with "Z"; no VTIMEZONE is needed).
    """
    events = [
        _vevent(
            r.uid_seed,
            r.summary,
            r.description,
            r.start,
            r.minutes,
            tz,
            alarm_before=r.alarm_minutes_before,
        )
        for r in reminders
    ]
    return _vcalendar(events)


def ics_event(
    *,
    uid_seed: str,
    summary: str,
    description: str,
    start: datetime,
    minutes: int,
    tz: str,
    location: str = "",
) -> bytes:
    """One meeting as an .ics file for the user's own calendar (R8), same guarantees as ``ics_reminders``.

    It has no organizer or attendees on purpose: it goes into your calendar, it is not an
    invitation sent to the other person.
    """
    return _vcalendar(
        [
            _vevent(
                uid_seed,
                summary,
                description,
                start,
                minutes,
                tz,
                location=location,
                alarm_before=60,
            )
        ]
    )


def _vevent(seed, summary, description, start, minutes, tz, *, location="", alarm_before=60):
    from icalendar import Alarm, Event  # lazily: only the calendar export needs it

    tzinfo = zone(tz)
    if start.tzinfo is None or start.tzinfo.utcoffset(start) is None:
        start = start.replace(tzinfo=tzinfo)  # a naive time means the user's local time
    local_start = start.astimezone(tzinfo)
    length = max(1, int(minutes or 0))
    event = Event()
    event.add("uid", calendar_uid(seed))
    event.add("dtstamp", datetime.now(UTC).replace(microsecond=0))
    event.add("dtstart", local_start)
    event.add("dtend", local_start + timedelta(minutes=length))
    event.add("summary", clean_header(summary, 500))
    event.add("description", _clean_text(description))
    place = clean_header(location, 500)
    if place:
        event.add("location", place)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", clean_header(summary, 500) or "Reminder")
    alarm.add("trigger", timedelta(minutes=-max(0, int(alarm_before or 0))))
    event.add_component(alarm)
    return event


def _vcalendar(events) -> bytes:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", "-//infoint//Informational interview workbook//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    for event in events:
        cal.add_component(event)
    cal.add_missing_timezones()  # a VTIMEZONE for every TZID used (icalendar 6+)
    return cal.to_ical()


# ============================================================================ CSV and XLSX tables
# Spreadsheets run formulas: a cell that starts with "=", "+", "-" or "@" (and, in some
# programs, a tab or line break before one) is read as a formula, and a formula can fetch
# URLs or run commands (CSV injection). DESIGN.md "Untrusted text": every cell that starts
# with one of these characters gets a leading "'" (which Excel, LibreOffice and Google Sheets
# show as text), every CSV field is quoted, and XLSX cells are written as strings, never as
# formulas. openpyxl is imported only when an XLSX file is made.

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
XLSX_MAX_CELL = 32_767  # Excel's limit on the characters in one cell; longer text is cut there

CONTACT_COLUMNS = (
    ("name", "Name"),
    ("email", "Email"),
    ("organization", "Organization"),
    ("position", "Position"),
    ("connection", "Connection"),
    ("seniority", "Seniority"),
    ("focus", "Focus"),
    ("target", "Target"),
    ("notes", "Notes"),
    ("source", "Source"),
    ("connected_on", "Connected on"),
)


def neutralise_cell(value: object) -> str:
    """A cell's text that no spreadsheet reads as a formula: ``'`` before a formula prefix.

    ``None`` is an empty cell; any other value is its text (``str``). Text starting with any of
    ``FORMULA_PREFIXES`` (``= + - @``, tab, CR, LF) gets a leading ``'``, so "=1+1" shows as
    "'=1+1" in a text editor and as "=1+1" text in Excel, never as 2. A negative number given
    as text ("-5") is neutralised too: in an export of names and notes, text wins.
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def contacts_table(contacts, assessed=None) -> tuple[list[str], list[list[str]]]:
    """The contacts as a table for CSV/XLSX: a header and one row of text per contact.

    Columns: name, email, organization, position, connection, seniority, focus, target, notes,
    source, connected on. ``assessed`` (``targets.Assessment`` objects, e.g. from ``classify``)
    gives the derived connection, seniority and focus of the contacts it covers (matched by
    contact id, else by the contact object itself); without it those columns hold the user's own
    settings, which are empty when the workbook derives them. Values are not neutralised
    here: ``table_csv`` and ``table_xlsx`` do that on the way out.
    """
    by_id: dict[int, Any] = {}
    by_object: dict[int, Any] = {}
    for a in assessed or ():
        if a.contact.id is not None:
            by_id[a.contact.id] = a
        by_object[id(a.contact)] = a
    header = [label for _, label in CONTACT_COLUMNS]
    rows = []
    for c in contacts:
        a = by_id.get(c.id) if c.id is not None else None
        a = a or by_object.get(id(c))
        rows.append(
            [
                c.full_name if (c.first_name.strip() or c.last_name.strip()) else "",
                c.email,
                c.organization,
                c.position,
                a.connection if a else c.connection,
                a.seniority if a else c.seniority,
                a.focus if a else c.focus,
                "yes" if c.target else "",
                c.notes,
                c.source,
                c.connected_on,
            ]
        )
    return header, [["" if v is None else str(v) for v in row] for row in rows]


def table_csv(header, rows) -> bytes:
    """A CSV file's bytes: UTF-8 with a BOM, CRLF line ends, every field quoted and neutralised.

    The BOM makes Excel read the file as UTF-8 (accents and non-Latin names intact); quoting
    every field keeps commas, quotes and line breaks inside their cell.
    """
    import csv

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([neutralise_cell(v) for v in header])
    for row in rows:
        writer.writerow([neutralise_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_text(value: object) -> str:
    """A cell's text as it goes into an XLSX file: storable in XML, then neutralised.

    XML 1.0 can't hold most control characters (``openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE``:
    everything below space except tab, LF and CR; openpyxl refuses them), lone surrogates or
    U+FFFE/U+FFFF: they are removed (no spreadsheet shows them anyway). Line breaks become LF,
    the one Excel uses inside a cell (an XML reader turns a bare CR into LF in any case). The
    result is neutralised after the removals, so "\\x01=1+1" can't become a formula, and text
    beyond Excel's 32,767 characters per cell is cut, or Excel would refuse to open the file.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _XML_INVALID_RE.sub("", ILLEGAL_CHARACTERS_RE.sub("", text))
    return neutralise_cell(text)[:XLSX_MAX_CELL]


_XML_INVALID_RE = re.compile("[\ud800-\udfff\ufffe\uffff]")


def table_xlsx(header, rows, sheet: str = "Contacts") -> bytes:
    """An Excel workbook's bytes: one sheet, a bold header, every cell a string (never a formula).

    Cells are neutralised like the CSV (a leading ``'``) and each is typed as text after it is
    set (``data_type = "s"``), so even a value openpyxl would read as a formula stays text.
    Control characters XML can't hold are removed (see ``xlsx_text``). Columns are sized to
    their content (between 8 and 60 characters wide); the header row stays in view when
    scrolling and has filter buttons.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = _sheet_title(sheet)
    widths: dict[int, int] = {}
    bold = Font(bold=True)
    all_rows = [list(header)] + [list(r) for r in rows]
    for r, row in enumerate(all_rows, start=1):
        for c, value in enumerate(row, start=1):
            text = xlsx_text(value)
            cell = ws.cell(row=r, column=c)
            cell.value = text
            cell.data_type = "s"
            if r == 1:
                cell.font = bold
            elif "\n" in text:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            longest = max((len(line) for line in text.splitlines()), default=0)
            widths[c] = max(widths.get(c, 0), longest)
    for c, width in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = min(60, max(8, width + 2))
    if all_rows and all_rows[0]:
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(all_rows[0]))}{len(all_rows)}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_title(name: str) -> str:
    """A sheet name Excel accepts: no ``[]:*?/\\``, not blank, at most 31 characters."""
    title = re.sub(r"[\[\]:*?/\\]", " ", _no_controls(name)).strip().strip("'")[:31].strip()
    return title or "Sheet"


def export_filename(kind: str, ext: str, when: datetime | None = None) -> str:
    """A dated download name such as ``infoint-contacts-2026-03-04.csv`` (ASCII letters, digits, ``-``)."""
    plain = unicodedata.normalize("NFKD", kind or "").encode("ascii", "ignore").decode("ascii")
    stem = "-".join(re.findall(r"[A-Za-z0-9]+", plain.lower()))[:40].strip("-") or "export"
    suffix = "".join(re.findall(r"[A-Za-z0-9]+", (ext or "").lower())) or "txt"
    return f"infoint-{stem}-{(when or datetime.now()).strftime('%Y-%m-%d')}.{suffix}"
