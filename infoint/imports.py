"""Step 2, importing contact lists: LinkedIn's Connections.csv, other CSV files and .xlsx.

Every file here is untrusted: it is read as text only (no type guessing: "NA" is a name and
"02139" a zip code, and formulas are never evaluated), any problem refuses the whole file with
a plain-language message that names the file, the line and what to do, and importing the same
file again never adds anyone twice (T8). This module only reads bytes and plans; the UI shows the
plan and the workspace applies it in one transaction.

The flow: ``read_table`` (bytes -> header and rows of text) -> ``to_contacts`` (rows ->
contacts, with a column mapping) -> ``plan_merge`` (contacts vs the saved ones -> add, update,
unchanged). ``read_contacts`` does the first two with the automatic mapping.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import islice
from operator import attrgetter, itemgetter
from typing import Any

from .bulk import paused_gc
from .clock import MONTH_NAMES
from .records import Contact, email_key, name_org_key, url_key
from .text import fold

__all__ = [
    "CONTACT_FIELDS",
    "FIELD_LABELS",
    "LINKEDIN_HEADER",
    "MAX_CELL_CHARS",
    "MAX_FILE_BYTES",
    "ImportFailed",
    "ImportPlan",
    "MergePlan",
    "ParsedFile",
    "plan_merge",
    "read_contacts",
    "read_table",
    "suggest_mapping",
    "to_contacts",
]

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_CELL_CHARS = 10_000

# Limits that keep a wrong or hostile file from exhausting memory; a contact list is far below them
# (LinkedIn caps connections at 30,000).
_MAX_COLUMNS = 1_000
_MAX_ROWS = 200_000
_MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # an .xlsx's declared uncompressed size: refuses ZIP bombs
_MAX_LINE_CHARS = _MAX_COLUMNS * 100  # a header line longer than this is not split into cells
_CHECK_LINES_FROM = (
    8 * 1024 * 1024
)  # in bigger files, absurd lines are refused before csv builds them
_HEADER_SCAN = 50  # lines searched for the header (LinkedIn puts a few lines of notes first)
_DELIMITERS = (",", ";", "\t")  # in order of preference when two give as many cells

CONTACT_FIELDS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "full_name",
    "email",
    "profile_url",
    "organization",
    "position",
    "connected_on",
    "location",
    "phone",
    "notes",
    "via",
    "warm_reason",
    "years_in_industry",
)

FIELD_LABELS: dict[str, str] = {
    "first_name": "First name",
    "last_name": "Last name",
    "full_name": "Full name (split into first and last)",
    "email": "Email",
    "profile_url": "Profile URL (LinkedIn)",
    "organization": "Organization",
    "position": "Position (job title)",
    "connected_on": "Connected on (date)",
    "location": "Location",
    "phone": "Phone",
    "notes": "Notes",
    "via": "Introduced by (mutual connection)",
    "warm_reason": "Shared link (how you know them)",
    "years_in_industry": "Years in the industry",
}

LINKEDIN_HEADER = (
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
)
_LINKEDIN_FIELDS = (
    "first_name",
    "last_name",
    "profile_url",
    "email",
    "organization",
    "position",
    "connected_on",
)

# The fields a file keeps up to date on re-import, and the user's own fields a file may only fill.
_IMPORTED = (
    "first_name",
    "last_name",
    "email",
    "profile_url",
    "organization",
    "position",
    "connected_on",
    "location",
    "phone",
)
_FILL_IF_EMPTY = ("via", "warm_reason", "notes", "years_in_industry")
_TEXT_FIELDS = tuple(
    f for f in CONTACT_FIELDS if f not in ("full_name", "connected_on", "years_in_industry")
)


class ImportFailed(Exception):
    """Plain-language reason the whole file was refused; nothing was imported.

    ``str(exc)`` is the full message for the user (it names the file, the line when there is
    one, and what to do); ``file`` and ``line`` are there for the UI to point at.
    """

    def __init__(self, message: str, file: str = "", line: int | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line


@dataclass
class ParsedFile:
    """A file's header and rows, every cell as text: what the column-mapping UI shows."""

    name: str
    kind: str  # "linkedin" or "table"
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1" or "xlsx"
    delimiter: str  # ",", ";", "\t" ("" for xlsx)
    header_line: int  # 1-based line (or spreadsheet row) of the header
    columns: list[str]
    rows: list[
        tuple[int, list[str]]
    ]  # (1-based line or row, cells padded/truncated to the columns)


@dataclass
class ImportPlan:
    """The contacts a file holds and the rows left out (with why), before any merge."""

    file: str
    contacts: list[tuple[int, Contact]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    # The only Contact fields the file fills (the rest keep their defaults); () when not known.
    fields: tuple[str, ...] = ()


@dataclass
class MergePlan:
    """What importing would change in the saved contacts: shown to the user before it is applied."""

    add: list[tuple[int, Contact]] = field(default_factory=list)
    update: list[tuple[int, int, dict[str, Any]]] = field(default_factory=list)
    unchanged: list[tuple[int, int]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    file: str = ""  # the imported file's name, for the report after the import
    fields: tuple[
        str, ...
    ] = ()  # ImportPlan.fields: lets the new contacts be written as a lean batch


# ---------------------------------------------------------------------------------------------
# Header names


_SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": ("first name", "firstname", "first", "given name", "forename"),
    "last_name": ("last name", "lastname", "last", "surname", "family name"),
    "full_name": ("name", "full name", "fullname", "contact name"),
    "email": ("email", "e mail", "email address", "e mail address", "mail"),
    "profile_url": (
        "url",
        "linkedin",
        "profile",
        "profile url",
        "linkedin url",
        "linkedin profile",
    ),
    "organization": ("company", "organization", "organisation", "employer", "company name"),
    "position": ("title", "job title", "position", "role"),
    "connected_on": ("connected on", "connected", "date connected"),
    "location": ("location", "city"),
    "phone": ("phone", "mobile", "phone number", "telephone"),
    "notes": ("notes", "comments", "note", "comment"),
    "via": ("introduced by", "via", "mutual connection"),
    "warm_reason": ("how we met", "shared link"),
    "years_in_industry": (
        "years in industry",
        "years in the industry",
        "years of experience",
        "years experience",
        "experience years",
    ),
}
_HEADER_WORDS = {word: name for name, words in _SYNONYMS.items() for word in words}


def _header_key(text: str) -> str:
    """A header cell as compared with the synonyms: folded, punctuation as spaces."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


def suggest_mapping(columns: list[str]) -> dict[str, str]:
    """Guess which column fills which contact field from the header names, so most files need no choices.

    Case, accents and punctuation don't matter ("E-mail", "Organisation"); the first column
    that fits a field wins. The user reviews the guess in the mapping UI.
    """
    mapping: dict[str, str] = {}
    for column in columns:
        name = _HEADER_WORDS.get(_header_key(column))
        if name and name not in mapping:
            mapping[name] = column
    return mapping


def _is_linkedin(cells: list[str]) -> bool:
    """LinkedIn's header: all seven names, or an older export's subset that has the names."""
    linkedin = {_header_key(n) for n in LINKEDIN_HEADER}
    present = {_header_key(c) for c in cells if c}
    if linkedin <= present:
        return True
    return {"first name", "last name"} <= present and present <= linkedin and len(present) >= 4


def _looks_like_header(cells: list[str]) -> bool:
    """At least two cells, most of them known header names."""
    filled = [c for c in cells if c]
    known = sum(1 for c in filled if _header_key(c) in _HEADER_WORDS)
    return known >= 2 and known * 2 > len(filled)


def _find_header(candidates: list[list[str]]) -> int | None:
    """Index of the header among the first lines: "First Name" first, then a line of known names."""
    for index, cells in enumerate(candidates):
        if any(_header_key(c) == "first name" for c in cells):
            return index
    for index, cells in enumerate(candidates):
        if _looks_like_header(cells):
            return index
    return None


def _column_names(cells: list[str]) -> list[str]:
    """Header cells made usable: trailing empties dropped, empty ones named, duplicates numbered."""
    cells = [c.strip().lstrip("\ufeff").strip() for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    names: list[str] = []
    seen: set[str] = set()
    tried: dict[str, int] = {}  # last number tried per name: keeps 1,000 identical names linear
    for position, cell in enumerate(cells, start=1):
        base = cell or f"Column {position}"
        candidate, n = base, tried.get(base.casefold(), 1)
        while candidate.casefold() in seen:
            n += 1
            candidate = f"{base} ({n})"
        tried[base.casefold()] = n
        seen.add(candidate.casefold())
        names.append(candidate)
    return names


# ---------------------------------------------------------------------------------------------
# Reading bytes


def _fail(name: str, text: str, line: int | None = None) -> ImportFailed:
    return ImportFailed(text, file=name, line=line)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


def _garbage(name: str) -> ImportFailed:
    return _fail(
        name,
        f"{name} doesn't look like a CSV or Excel file. Choose your contact list itself: a .csv file "
        "(for LinkedIn, Connections.csv) or an .xlsx spreadsheet.",
    )


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """The file's text and the encoding it was read with (see ``read_table``)."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = _utf16_without_bom(data)
    if encoding.startswith("utf-16"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise _fail(
                name,
                f"{name} looks like UTF-16 text but part of it is damaged (near byte {exc.start}). Open it "
                'in a spreadsheet program, save it again as "CSV UTF-8", and import that file.',
            ) from None
    else:
        if encoding == "utf-8-sig":
            data = data[3:]  # so that the fallbacks below don't read the BOM as text
        for encoding in (encoding or "utf-8", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)  # latin-1 reads any byte: the loop always ends here
                break
            except UnicodeDecodeError:
                continue
    sample = text[:65536]
    if "\x00" in text or len(_CONTROL.findall(sample)) * 10 > len(sample):
        raise _garbage(name)
    return text, encoding


def _utf16_without_bom(data: bytes) -> str:
    """ "utf-16-le" or "utf-16-be" when NUL bytes sit in every other place (ASCII in UTF-16), else ""."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 1:
        return ""
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    if odd * 10 >= pairs * 4 and even * 10 <= odd:
        return "utf-16-le"
    if even * 10 >= pairs * 4 and odd * 10 <= even:
        return "utf-16-be"
    return ""


def _split_line(line: str) -> tuple[list[str], str]:
    """One line's cells with the delimiter that gives the most of them (ties: comma)."""
    if len(line) > _MAX_LINE_CHARS:
        return [line], ","  # not a header; refused as too long if it is ever taken for one
    best: list[str] = []
    best_delimiter = ","
    for delimiter in _DELIMITERS:
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            cells = [line]
        if len(cells) > len(best):
            best, best_delimiter = cells, delimiter
    return [c.strip() for c in best], best_delimiter


def _long_cell(name: str, unit: str, number: int) -> ImportFailed:
    return _fail(
        name,
        f"{name}: a cell on {unit} {number} is longer than {MAX_CELL_CHARS:,} characters; this doesn't look "
        "like a contact list. Check that you chose the right file (if you did, look on "
        f'{unit} {number} for a quote mark " that is never closed).',
        number,
    )


class _Rows:
    """Collects data rows: checks sizes, pads to the columns, drops the blank rows at the end."""

    def __init__(self, name: str, ncols: int, unit: str):
        self.name, self.ncols, self.unit = name, ncols, unit
        self.rows: list[tuple[int, list[str]]] = []
        self.blank_from = 0  # first line of a run of blank rows not yet kept (0: none)
        self.blank_count = 0

    def add(self, number: int, cells: list[str]) -> None:
        """Keep one row (blank rows wait until a row with text follows them)."""
        if cells and max(map(len, cells)) > MAX_CELL_CHARS:
            raise _long_cell(self.name, self.unit, number)
        if not any(cells):
            if not self.blank_count:
                self.blank_from = number
            self.blank_count += 1
            return
        if len(self.rows) + self.blank_count >= _MAX_ROWS:
            raise _fail(
                self.name,
                f"{self.name} has more than {_MAX_ROWS:,} rows (at {self.unit} {number}), more than a contact "
                "list holds. Split it into smaller files and import them one after the other.",
                number,
            )
        for offset in range(self.blank_count):
            self.rows.append((self.blank_from + offset, [""] * self.ncols))
        self.blank_count = 0
        if len(cells) < self.ncols:
            cells.extend([""] * (self.ncols - len(cells)))
        elif len(cells) > self.ncols:
            del cells[self.ncols :]
        self.rows.append((number, cells))


def _check_columns(name: str, columns: list[str], line: int, unit: str) -> None:
    if len(columns) > _MAX_COLUMNS:
        raise _fail(
            name,
            f"{name}: the header on {unit} {line} has more than {_MAX_COLUMNS:,} columns; this doesn't look "
            "like a contact list. Check that you chose the right file.",
            line,
        )
    if any(len(cell) > MAX_CELL_CHARS for cell in columns):
        raise _long_cell(name, unit, line)


def _kind(columns: list[str]) -> str:
    return "linkedin" if _is_linkedin(columns) else "table"


def _lines(text: str) -> Iterator[str]:
    """The text's lines one by one, without copying the whole text."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


def _read_csv(data: bytes, name: str) -> ParsedFile:
    text, encoding = _decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    index = _find_header([_split_line(line)[0] for line in islice(_lines(text), _HEADER_SCAN)])
    if index is None:
        index = next((i for i, line in enumerate(_lines(text)) if any(_split_line(line)[0])), None)
    if index is None:
        raise _fail(name, f"{name} holds only blank lines. Choose the file that has your contacts.")
    start = 0  # where the header line starts
    for _ in range(index):
        start = text.index("\n", start) + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    header, delimiter = _split_line(text[start:end])
    header_line = index + 1
    columns = _column_names(header)
    _check_columns(name, columns, header_line, "line")
    collected = _Rows(name, len(columns), "line")
    source = io.StringIO(text[end + 1 :], newline="\n")
    if len(text) - end > _CHECK_LINES_FROM:
        source = _bounded_lines(source, name, header_line, len(columns))
    reader = csv.reader(source, delimiter=delimiter)
    before = header_line + 1  # the line the next record starts on
    ncols, rows, strip = len(columns), collected.rows, str.strip
    try:
        for record in reader:
            number, before = before, header_line + 1 + reader.line_num
            cells = list(map(strip, record))
            if (
                len(cells) == ncols
                and any(cells)
                and not collected.blank_count
                and len(rows) < _MAX_ROWS
                and max(map(len, cells)) <= MAX_CELL_CHARS
            ):
                rows.append((number, cells))  # the common case, kept fast for 30,000 rows
            else:
                collected.add(number, cells)
    except csv.Error as exc:
        line = before  # the line where the record that failed starts
        if "field larger than field limit" in str(exc):
            raise _long_cell(name, "line", line) from None
        raise _fail(
            name,
            f"{name}: line {line} can't be read as CSV ({exc}). Open the file in a spreadsheet program, "
            "correct or delete that line, save it as CSV and import it again.",
            line,
        ) from None
    return ParsedFile(
        name, _kind(columns), encoding, delimiter, header_line, columns, collected.rows
    )


def _bounded_lines(lines: Iterable[str], name: str, header_line: int, ncols: int) -> Iterator[str]:
    """The lines, refusing one longer than a row of this many columns can be (memory stays bounded)."""
    limit = (ncols + 1) * (MAX_CELL_CHARS + 3)
    for number, line in enumerate(lines, start=header_line + 1):
        if len(line) > limit:
            length = len(line.rstrip("\n"))
            raise _fail(
                name,
                f"{name}: line {number} is {length:,} characters long, too long for a contact list with "
                f"{ncols} columns. Check that you chose the right file.",
                number,
            )
        yield line


def _cell_text(value: Any) -> str:
    """A spreadsheet value as the text a person sees: 2139 not 2139.0, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.15g}"  # Excel shows 15 significant digits: 0.1+0.2 is "0.3"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value).strip()


def _read_xlsx(data: bytes, name: str) -> ParsedFile:
    unreadable = (
        f"{name} looks like a ZIP/Excel file but can't be read (it may be damaged or password-protected). "
        "Open it in Excel, LibreOffice or Google Sheets, save it again as .xlsx or CSV, and import that file."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception:  # noqa: BLE001 - any damage in an untrusted archive means "can't be read"
        raise _fail(name, unreadable) from None
    if any(m.filename.rsplit("/", 1)[-1].casefold() == "connections.csv" for m in members):
        raise _fail(
            name,
            f"{name} is LinkedIn's download (a ZIP archive). Unzip it (double-click it) and import the file "
            "Connections.csv from inside.",
        )
    if sum(m.file_size for m in members) > _MAX_UNPACKED_BYTES:
        raise _fail(
            name,
            f"{name} is too large once unpacked to be a contact list. Check that you chose the right file.",
        )
    from openpyxl import load_workbook  # lazily: only .xlsx files need it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                return _read_workbook(workbook, name)
            finally:
                workbook.close()
    except ImportFailed:
        raise
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds of errors on damaged files
        raise _fail(name, unreadable) from None


def _read_workbook(workbook: Any, name: str) -> ParsedFile:
    sheets = list(workbook.worksheets)
    if not sheets:
        raise _fail(
            name, f"{name} has no sheets with cells. Choose the spreadsheet that has your contacts."
        )
    chosen = fallback = None
    for sheet in sheets:
        sheet.reset_dimensions()  # trust the cells, not the size the file claims
        top = [
            [_cell_text(v) for v in row]
            for row in sheet.iter_rows(min_row=1, max_row=_HEADER_SCAN, values_only=True)
        ]
        index = _find_header(top)
        if index is not None:
            chosen = (sheet, top, index)
            break
        first_filled = next((i for i, cells in enumerate(top) if any(cells)), None)
        if fallback is None and first_filled is not None:
            fallback = (sheet, top, first_filled)
    chosen = chosen or fallback
    if chosen is None:
        raise _fail(
            name,
            f"{name} has no text in the first {_HEADER_SCAN} rows of any sheet. Put the column names in the "
            "first row of the sheet with your contacts, save, and import it again.",
        )
    sheet, top, index = chosen
    header_row = index + 1
    columns = _column_names(top[index])
    _check_columns(name, columns, header_row, "row")
    collected = _Rows(name, len(columns), "row")
    if columns:
        rows = sheet.iter_rows(min_row=header_row + 1, max_col=len(columns), values_only=True)
        for number, row in enumerate(rows, start=header_row + 1):
            collected.add(number, [_cell_text(v) for v in row])
    return ParsedFile(name, _kind(columns), "xlsx", "", header_row, columns, collected.rows)


@paused_gc()
def read_table(data: bytes, name: str) -> ParsedFile:
    """Read a CSV or .xlsx file's header and rows as text, or refuse it with a plain-language ImportFailed.

    CSV: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the text is mostly
    ASCII), else cp1252 as Excel on Windows writes it, else latin-1; comma, semicolon or tab;
    the header may sit below a preamble (LinkedIn's "Notes:"). Cells are trimmed, never
    interpreted. XLSX: the first sheet with a recognisable header; cached values only, so
    formulas are never run.
    """
    if not data:
        raise _fail(
            name,
            f"{name} is empty. Choose the file again; if it is a LinkedIn export, download it again.",
        )
    if len(data) > MAX_FILE_BYTES:
        raise _fail(
            name,
            f"{name} is {len(data) / 1024 / 1024:.0f} MB, more than the {MAX_FILE_BYTES // 1024 // 1024} MB the "
            "workbook can import at once. Split it into smaller files (for example by copying half the rows "
            "into a new spreadsheet) and import them one after the other.",
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _fail(
            name,
            f"{name} is an old-style Excel file (.xls), which the workbook can't read. Open it in Excel, "
            "LibreOffice or Google Sheets, save it as .xlsx or CSV, and import that file.",
        )
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, name)
    return _read_csv(data, name)


# ---------------------------------------------------------------------------------------------
# Rows to contacts


(
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS = tuple(m.lower() for m in MONTH_NAMES)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4})")
_ISO_DATE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d+)?")


def _iso_date(text: str) -> str:
    """LinkedIn's "12 Mar 2021" or an ISO date (time ignored) as "2021-03-12"; anything else ""."""
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if match:
        day, word, year = match.groups()
        word = word.lower()
        month = next((i for i, m in enumerate(_MONTHS, start=1) if m.startswith(word)), 0)
        parts = (int(year), month, int(day))
    else:
        match = _ISO_DATE.fullmatch(text)
        if not match:
            return ""
        parts = tuple(int(p) for p in match.groups())
    try:
        return date(*parts).isoformat()
    except ValueError:
        return ""


def _years(text: str) -> float | None:
    """ "3", "3.5" or "3,5" as a number of years; anything else None."""
    if not _NUMBER.fullmatch(text):
        return None
    years = float(text.replace(",", "."))
    return years if years <= 100 else None


def _split_name(full: str) -> tuple[str, str]:
    """First and last name from a full name: the last word is the last name."""
    words = full.split()
    if len(words) < 2:
        return (words[0] if words else ""), ""
    return " ".join(words[:-1]), words[-1]


_name_org = lru_cache(maxsize=1 << 16)(name_org_key)


def _name_key(contact: Contact) -> str:
    return _name_org(contact.first_name, contact.last_name, contact.organization)


class _People:
    """Who is who: the same profile URL, else the same email, else the same name and organization.

    A name and organization never join two different profile URLs: namesakes are common in a
    30,000-connection network. (An email does: two people don't share one, while a profile URL
    changes when its owner picks a new one.) Each person is remembered with a number (a line,
    or a position in the saved list); the lowest wins.
    """

    def __init__(self) -> None:
        self.by_url: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.name_bare: dict[str, int] = {}  # name and organization of people without a URL
        self.name_any: dict[str, int] | None = (
            None  # of everyone: built when first needed (it costs the most)
        )
        self.with_url: list[tuple[int, Contact]] = []

    def add(self, value: int, contact: Contact, url: str, email: str) -> None:
        """Remember a person (url_key and email_key given) under each identity; the first one seen wins."""
        if email:
            self.by_email.setdefault(email, value)
        if url:
            self.by_url.setdefault(url, value)
            self.with_url.append((value, contact))
            if self.name_any is not None:
                self.name_any.setdefault(_name_key(contact), value)
            return
        name = _name_key(contact)
        if name:
            self.name_bare.setdefault(name, value)
            if self.name_any is not None:
                self.name_any.setdefault(name, value)

    def find(self, contact: Contact, url: str, email: str) -> int | None:
        """The number remembered for the same person, or None."""
        found = self.by_url.get(url) if url else None
        if found is None and email:
            found = self.by_email.get(email)
        if found is not None:
            return found
        if url:  # only people without a URL can match by name
            return self.name_bare.get(_name_key(contact)) if self.name_bare else None
        if not (self.name_bare or self.with_url):
            return None
        if self.name_any is None:
            self.name_any = {}
            for value, other in self.with_url:
                self.name_any.setdefault(_name_key(other), value)
            for name, value in self.name_bare.items():
                self.name_any[name] = min(value, self.name_any.get(name, value))
        name = _name_key(contact)
        return self.name_any.get(name) if name else None


def _checked_mapping(parsed: ParsedFile, mapping: dict[str, str]) -> dict[str, str]:
    used = {f: c for f, c in mapping.items() if c}
    unknown = [f for f in used if f not in CONTACT_FIELDS]
    if unknown:
        raise _fail(
            parsed.name,
            f"{parsed.name}: the workbook has no contact field called {', '.join(map(repr, unknown))}. "
            f"Choose among: {', '.join(FIELD_LABELS[f] for f in CONTACT_FIELDS)}.",
        )
    missing = sorted({c for c in used.values() if c not in parsed.columns})
    if missing:
        raise _fail(
            parsed.name,
            f"{parsed.name} has no column called {', '.join(map(repr, missing))}. Its columns are: "
            f"{', '.join(parsed.columns) or '(none)'}. Choose again from these.",
        )
    if not any(f in used for f in ("first_name", "last_name", "full_name")):
        raise _fail(
            parsed.name,
            f"{parsed.name}: choose which column holds the names (first and last name, or the full name); "
            f"the workbook couldn't tell from the headings ({', '.join(parsed.columns) or 'none'}).",
        )
    return used


@paused_gc()
def to_contacts(parsed: ParsedFile, mapping: dict[str, str], source: str) -> ImportPlan:
    """Turn rows into contacts with a column mapping (contact field -> column), keeping every row's line number.

    Blank rows, rows without any name and second appearances of a person in the same file are
    skipped with a reason the UI shows; a row with a date it can't read is still imported (the
    date stays empty). Refuses (ImportFailed) a mapping that names no column for the names or a
    column the file doesn't have.
    """
    used = _checked_mapping(parsed, mapping)
    position = {c: i for i, c in enumerate(parsed.columns)}
    text_fields = [(f, position[used[f]]) for f in _TEXT_FIELDS if f in used]
    full = position[used["full_name"]] if "full_name" in used else None
    connected = position[used["connected_on"]] if "connected_on" in used else None
    years = position[used["years_in_industry"]] if "years_in_industry" in used else None
    unit = "row" if parsed.encoding == "xlsx" else "line"
    filled = {f for f, _ in text_fields} | {"source"}
    filled |= {"first_name", "last_name"} if full is not None else set()
    filled |= {"connected_on"} if connected is not None else set()
    filled |= {"years_in_industry"} if years is not None else set()
    plan = ImportPlan(
        parsed.name, fields=tuple(f for f in CONTACT_FIELDS + ("source",) if f in filled)
    )
    people = _People()
    names = [f for f, _ in text_fields]
    pick = itemgetter(*[i for _, i in text_fields]) if len(text_fields) > 1 else None
    dates: dict[str, str] = {}  # a LinkedIn export has a few thousand distinct days for 30,000 rows
    for line, cells in parsed.rows:
        if not any(cells):
            plan.skipped.append((line, "blank row"))
            continue
        if pick is not None:
            values: dict[str, Any] = dict(zip(names, pick(cells)))
        else:
            values = {f: cells[i] for f, i in text_fields}
        if full is not None and not values.get("first_name") and not values.get("last_name"):
            values["first_name"], values["last_name"] = _split_name(cells[full])
        if not values.get("first_name") and not values.get("last_name"):
            plan.skipped.append((line, "no name"))
            continue
        if connected is not None:
            day = cells[connected]
            iso = dates.get(day)
            if iso is None:
                iso = dates[day] = _iso_date(day)
            values["connected_on"] = iso
        if years is not None:
            values["years_in_industry"] = _years(cells[years])
        contact = Contact(**values, source=source)
        url, email = url_key(contact.profile_url), email_key(contact.email) if contact.email else ""
        earlier = people.find(contact, url, email)
        if earlier is not None:
            plan.skipped.append((line, f"same person as {unit} {earlier}"))
            continue
        people.add(line, contact, url, email)
        plan.contacts.append((line, contact))
    return plan


def _linkedin_mapping(columns: list[str]) -> dict[str, str]:
    by_key = {_header_key(c): c for c in reversed(columns)}  # the first of duplicates wins
    return {
        f: by_key[_header_key(n)]
        for f, n in zip(_LINKEDIN_FIELDS, LINKEDIN_HEADER)
        if _header_key(n) in by_key
    }


@paused_gc()
def read_contacts(data: bytes, name: str, mapping: dict[str, str] | None = None) -> ImportPlan:
    """Read a file straight to contacts: LinkedIn's export with its known columns, other files with the given or guessed mapping.

    A LinkedIn export's contacts get the source "linkedin" (they are first-degree connections);
    other files' contacts get the file name, so the user can see where each person came from.
    """
    parsed = read_table(data, name)
    if parsed.kind == "linkedin":
        return to_contacts(
            parsed,
            mapping if mapping is not None else _linkedin_mapping(parsed.columns),
            "linkedin",
        )
    return to_contacts(
        parsed, mapping if mapping is not None else suggest_mapping(parsed.columns), name
    )


# ---------------------------------------------------------------------------------------------
# Merging with the saved contacts


_imported = attrgetter(*_IMPORTED)
_fillable = attrgetter(*_FILL_IF_EMPTY)
_NOTHING_TO_FILL = _fillable(Contact())  # what a new contact has in those fields


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@paused_gc()
def plan_merge(existing: list[Contact], plan: ImportPlan) -> MergePlan:
    """Match each imported contact to a saved one and say what would change, so re-importing never duplicates anyone.

    Matching: the same profile URL; else the same email; else the same name and organization,
    unless the two have different profile URLs (namesakes). A match gets the file's non-empty
    values for the fields a file owns (name, email, URL, organization, position, date,
    location, phone); the user's own fields are only filled when still empty (introduced by,
    shared link, notes, years in the industry) and never changed otherwise.
    """
    merge = MergePlan(skipped=list(plan.skipped), file=plan.file, fields=plan.fields)
    if not existing:  # a first import: nobody to match
        merge.add = list(plan.contacts)
        return merge
    saved = _People()
    for index, contact in enumerate(existing):
        saved.add(index, contact, url_key(contact.profile_url), email_key(contact.email))
    matched: dict[int, int] = {}  # index in existing -> line that matched it
    for line, contact in plan.contacts:
        index = saved.find(contact, url_key(contact.profile_url), email_key(contact.email))
        if index is None:
            merge.add.append((line, contact))
            continue
        if index in matched:
            merge.skipped.append((line, f"matches the same saved contact as line {matched[index]}"))
            continue
        matched[index] = line
        old = existing[index]
        changes: dict[str, Any] = {}
        new, before = _imported(contact), _imported(old)
        if new != before:
            changes = {
                name: value
                for name, value, was in zip(_IMPORTED, new, before)
                if value and value != was
            }
        new = _fillable(contact)
        if new != _NOTHING_TO_FILL:
            for name, value, was in zip(_FILL_IF_EMPTY, new, _fillable(old)):
                if not _is_empty(value) and _is_empty(was):
                    changes[name] = value
        if changes:
            merge.update.append((line, old.id, changes))
        else:
            merge.unchanged.append((line, old.id))
    merge.skipped.sort(key=lambda item: item[0])
    return merge
