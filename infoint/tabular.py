"""Step 2, T8: a contact file's bytes as a header and rows of text, or a plain refusal.

Reading is its own job: decoding (UTF-8, UTF-16, cp1252, latin-1), splitting CSV with the
right delimiter, reading .xlsx cached values without running formulas, and the size limits
that keep a wrong or hostile file from exhausting memory. Every cell stays text; turning rows
into contacts is ``imports.py``'s job.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import islice
from typing import Any

from .bulk import paused_gc
from .headings import column_names, find_header, is_linkedin
from .i18n import _

__all__ = ["MAX_CELL_CHARS", "MAX_FILE_BYTES", "ImportFailed", "ParsedFile", "read_table"]


MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_CELL_CHARS = 10_000

# Limits that keep a wrong or hostile file from exhausting memory; a contact list is far below them
# (LinkedIn caps connections at 30,000).
_MAX_COLUMNS = 1_000
_MAX_ROWS = 200_000
_MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # an .xlsx's declared uncompressed size: refuses ZIP bombs
_MAX_LINE_CHARS = _MAX_COLUMNS * 100  # a header line longer than this is not split into cells
# In bigger files, absurd lines are refused before csv builds them.
_CHECK_LINES_FROM = 8 * 1024 * 1024
_HEADER_SCAN = 50  # lines searched for the header (LinkedIn puts a few lines of notes first)
_DELIMITERS = (",", ";", "\t")  # in order of preference when two give as many cells


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
    # "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1" or "xlsx"
    encoding: str
    delimiter: str  # ",", ";", "\t" ("" for xlsx)
    header_line: int  # 1-based line (or spreadsheet row) of the header
    columns: list[str]
    # (1-based line or row, cells padded/truncated to the columns)
    rows: list[tuple[int, list[str]]]


def _unit(unit: str) -> str:
    """ "row" (a spreadsheet's) or "line" (a text file's), in the language in use."""
    return _("row") if unit == "row" else _("line")


def _fail(name: str, text: str, line: int | None = None) -> ImportFailed:
    return ImportFailed(text, file=name, line=line)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


def _garbage(name: str) -> ImportFailed:
    return _fail(
        name,
        _(
            "{file} doesn't look like a CSV or Excel file. Choose your contact list itself: a "
            ".csv file (for LinkedIn, Connections.csv) or an .xlsx spreadsheet."
        ).format(file=name),
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
                _(
                    "{file} looks like UTF-16 text but part of it is damaged (near byte "
                    '{byte}). Open it in a spreadsheet program, save it again as "CSV UTF-8", '
                    "and import that file."
                ).format(file=name, byte=exc.start),
            ) from None
    else:
        if encoding == "utf-8-sig":
            data = data[3:]  # so that the fallbacks below don't read the BOM as text
        for candidate in (encoding or "utf-8", "cp1252", "latin-1"):
            try:
                text = data.decode(candidate)  # latin-1 reads any byte: the loop always ends here
                encoding = candidate
                break
            except UnicodeDecodeError:
                continue
    sample = text[:65536]
    if "\x00" in text or len(_CONTROL.findall(sample)) * 10 > len(sample):
        raise _garbage(name)
    return text, encoding


def _utf16_without_bom(data: bytes) -> str:
    """ "utf-16-le" or "utf-16-be" when NUL bytes sit in every other place (ASCII in UTF-16),
    else ""."""
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
        _(
            "{file}: a cell on {unit} {number} is longer than {limit:,} characters; this "
            "doesn't look like a contact list. Check that you chose the right file (if you did, "
            'look on {unit} {number} for a quote mark " that is never closed).'
        ).format(file=name, unit=_unit(unit), number=number, limit=MAX_CELL_CHARS),
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
                _(
                    "{file} has more than {limit:,} rows (at {unit} {number}), more than a "
                    "contact list holds. Split it into smaller files and import them one after "
                    "the other."
                ).format(file=self.name, limit=_MAX_ROWS, unit=_unit(self.unit), number=number),
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
            _(
                "{file}: the header on {unit} {number} has more than {limit:,} columns; this "
                "doesn't look like a contact list. Check that you chose the right file."
            ).format(file=name, unit=_unit(unit), number=line, limit=_MAX_COLUMNS),
            line,
        )
    if any(len(cell) > MAX_CELL_CHARS for cell in columns):
        raise _long_cell(name, unit, line)


def _kind(columns: list[str]) -> str:
    return "linkedin" if is_linkedin(columns) else "table"


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
    index = find_header([_split_line(line)[0] for line in islice(_lines(text), _HEADER_SCAN)])
    if index is None:
        index = next((i for i, line in enumerate(_lines(text)) if any(_split_line(line)[0])), None)
    if index is None:
        raise _fail(
            name,
            _("{file} holds only blank lines. Choose the file that has your contacts.").format(
                file=name
            ),
        )
    start = 0  # where the header line starts
    for _line in range(index):
        start = text.index("\n", start) + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    header, delimiter = _split_line(text[start:end])
    header_line = index + 1
    columns = column_names(header)
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
            _(
                "{file}: line {line} can't be read as CSV ({error}). Open the file in a "
                "spreadsheet program, correct or delete that line, save it as CSV and import it "
                "again."
            ).format(file=name, line=line, error=exc),
            line,
        ) from None
    return ParsedFile(
        name, _kind(columns), encoding, delimiter, header_line, columns, collected.rows
    )


def _bounded_lines(lines: Iterable[str], name: str, header_line: int, ncols: int) -> Iterator[str]:
    """The lines, refusing one longer than a row of this many columns can be (memory stays
    bounded)."""
    limit = (ncols + 1) * (MAX_CELL_CHARS + 3)
    for number, line in enumerate(lines, start=header_line + 1):
        if len(line) > limit:
            length = len(line.rstrip("\n"))
            raise _fail(
                name,
                _(
                    "{file}: line {line} is {length:,} characters long, too long for a contact "
                    "list with {columns} columns. Check that you chose the right file."
                ).format(file=name, line=number, length=length, columns=ncols),
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
    unreadable = _(
        "{file} looks like a ZIP/Excel file but can't be read (it may be damaged or "
        "password-protected). Open it in Excel, LibreOffice or Google Sheets, save it again as "
        ".xlsx or CSV, and import that file."
    ).format(file=name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception:  # noqa: BLE001 - any damage in an untrusted archive means "can't be read"
        raise _fail(name, unreadable) from None
    if any(m.filename.rsplit("/", 1)[-1].casefold() == "connections.csv" for m in members):
        raise _fail(
            name,
            _(
                "{file} is LinkedIn's download (a ZIP archive). Unzip it (double-click it) and "
                "import the file Connections.csv from inside."
            ).format(file=name),
        )
    if sum(m.file_size for m in members) > _MAX_UNPACKED_BYTES:
        raise _fail(
            name,
            _(
                "{file} is too large once unpacked to be a contact list. Check that you chose "
                "the right file."
            ).format(file=name),
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
            name,
            _(
                "{file} has no sheets with cells. Choose the spreadsheet that has your contacts."
            ).format(file=name),
        )
    chosen = fallback = None
    for sheet in sheets:
        sheet.reset_dimensions()  # trust the cells, not the size the file claims
        top = [
            [_cell_text(v) for v in row]
            for row in sheet.iter_rows(min_row=1, max_row=_HEADER_SCAN, values_only=True)
        ]
        index = find_header(top)
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
            _(
                "{file} has no text in the first {rows} rows of any sheet. Put the column "
                "names in the first row of the sheet with your contacts, save, and import it "
                "again."
            ).format(file=name, rows=_HEADER_SCAN),
        )
    sheet, top, index = chosen
    header_row = index + 1
    columns = column_names(top[index])
    _check_columns(name, columns, header_row, "row")
    collected = _Rows(name, len(columns), "row")
    if columns:
        rows = sheet.iter_rows(min_row=header_row + 1, max_col=len(columns), values_only=True)
        for number, row in enumerate(rows, start=header_row + 1):
            collected.add(number, [_cell_text(v) for v in row])
    return ParsedFile(name, _kind(columns), "xlsx", "", header_row, columns, collected.rows)


@paused_gc()
def read_table(data: bytes, name: str) -> ParsedFile:
    """Read a CSV or .xlsx file's header and rows as text, or refuse it with a plain-language
    ImportFailed.

    CSV: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the text is mostly
    ASCII), else cp1252 as Excel on Windows writes it, else latin-1; comma, semicolon or tab;
    the header may sit below a preamble (LinkedIn's "Notes:"). Cells are trimmed, never
    interpreted. XLSX: the first sheet with a recognisable header; cached values only, so
    formulas are never run.
    """
    if not data:
        raise _fail(
            name,
            _(
                "{file} is empty. Choose the file again; if it is a LinkedIn export, download it "
                "again."
            ).format(file=name),
        )
    if len(data) > MAX_FILE_BYTES:
        raise _fail(
            name,
            _(
                "{file} is {size:.0f} MB, more than the {limit} MB the workbook can import at "
                "once. Split it into smaller files (for example by copying half the rows into a "
                "new spreadsheet) and import them one after the other."
            ).format(file=name, size=len(data) / 1024 / 1024, limit=MAX_FILE_BYTES // 1024 // 1024),
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _fail(
            name,
            _(
                "{file} is an old-style Excel file (.xls), which the workbook can't read. Open "
                "it in Excel, LibreOffice or Google Sheets, save it as .xlsx or CSV, and import "
                "that file."
            ).format(file=name),
        )
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, name)
    return _read_csv(data, name)
