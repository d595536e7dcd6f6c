"""Tables that leave as spreadsheets: the contacts as CSV and XLSX, never as formulas.

Spreadsheets run formulas: a cell that starts with "=", "+", "-" or "@" (and, in some
programs, a tab or line break before one) is read as a formula, and a formula can fetch
URLs or run commands (CSV injection). docs/security.md "Untrusted text": every cell that starts
with one of these characters gets a leading "'" (which Excel, LibreOffice and Google Sheets
show as text), every CSV field is quoted, and XLSX cells are written as strings, never as
formulas. openpyxl is imported only when an XLSX file is made.
"""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import datetime
from typing import Any

from ..i18n import N_, _, language
from ..records import CONNECTION_LABELS, SENIORITY_LABELS
from ._common import no_controls

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
XLSX_MAX_CELL = 32_767  # Excel's limit on the characters in one cell; longer text is cut there

CONTACT_COLUMNS = (
    ("name", N_("Name")),
    ("email", N_("Email")),
    ("organization", N_("Organization")),
    ("position", N_("Position")),
    ("connection", N_("Connection")),
    ("seniority", N_("Seniority")),
    ("focus", N_("Focus")),
    ("target", N_("Target")),
    ("notes", N_("Notes")),
    ("source", N_("Source")),
    ("connected_on", N_("Connected on")),
)

# What the focus and source codes are called in the participant's language (the contact
# form's words); an English table keeps the codes, as it always has.
FOCUS_LABELS = {
    "both": N_("both a role and an organization you want"),
    "position": N_("a position you want"),
    "organization": N_("an organization you want"),
    "neither": N_("neither"),
}
SOURCE_LABELS = {
    "linkedin": "LinkedIn",
    "form": N_("the contact form"),
    "referral": N_("a referral"),
}


def code_label(labels: dict[str, str], code: str) -> str:
    """A stored code as the table says it: the code in English, its translated label otherwise
    (a code without a label, such as an import's file name, as it is)."""
    if language() == "en" or code not in labels:
        return code
    return _(labels[code])


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
    source, connected on. ``assessed`` (``classification.Assessment`` objects, e.g. from
    ``classify``) gives the derived connection, seniority and focus of the contacts it covers
    (matched by contact id, else by the contact object itself); without it those columns hold the
    user's own settings, which are empty when the workbook derives them. Values are not
    neutralised here: ``table_csv`` and ``table_xlsx`` do that on the way out.
    """
    by_id: dict[int, Any] = {}
    by_object: dict[int, Any] = {}
    for a in assessed or ():
        if a.contact.id is not None:
            by_id[a.contact.id] = a
        by_object[id(a.contact)] = a
    header = [_(label) for _key, label in CONTACT_COLUMNS]  # the participant's language
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
                code_label(CONNECTION_LABELS, a.connection if a else c.connection),
                code_label(SENIORITY_LABELS, a.seniority if a else c.seniority),
                code_label(FOCUS_LABELS, a.focus if a else c.focus),
                _("yes") if c.target else "",
                c.notes,
                code_label(SOURCE_LABELS, c.source),
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


def table_xlsx(header, rows, sheet: str = "") -> bytes:
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
    ws.title = _sheet_title(sheet or _("Contacts"))
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
    title = re.sub(r"[\[\]:*?/\\]", " ", no_controls(name)).strip().strip("'")[:31].strip()
    return title or _("Sheet")


def export_filename(kind: str, ext: str, when: datetime | None = None) -> str:
    """A dated download name such as ``infoint-contacts-2026-03-04.csv`` (ASCII letters, digits,
    ``-``)."""
    plain = unicodedata.normalize("NFKD", kind or "").encode("ascii", "ignore").decode("ascii")
    stem = "-".join(re.findall(r"[A-Za-z0-9]+", plain.lower()))[:40].strip("-") or "export"
    suffix = "".join(re.findall(r"[A-Za-z0-9]+", (ext or "").lower())) or "txt"
    return f"infoint-{stem}-{(when or datetime.now()).strftime('%Y-%m-%d')}.{suffix}"
