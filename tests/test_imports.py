"""Importing contact lists (T8): LinkedIn's export as exported, other CSV and .xlsx files read as
text, whole-file refusals with plain messages, and re-imports that never duplicate anyone."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from infoint import headings, tabular
from infoint.headings import LINKEDIN_HEADER, suggest_mapping
from infoint.imports import (
    FIELD_LABELS,
    IMPORT_FIELDS,
    ImportPlan,
    MergePlan,
    plan_merge,
    read_contacts,
    to_contacts,
)
from infoint.records import Contact
from infoint.tabular import MAX_CELL_CHARS, ImportFailed, read_table

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo" / "Connections.csv"
HEADER = ",".join(LINKEDIN_HEADER)
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\n\n'
)


def linkedin(*rows: str, header: str = HEADER, preamble: str = PREAMBLE) -> str:
    """A LinkedIn-shaped export's text."""
    return preamble + header + "\n" + "".join(row + "\n" for row in rows)


def xlsx(*sheets: list[list[object]], text_cells: tuple[tuple[int, int, int], ...] = ()) -> bytes:
    """An .xlsx file written with openpyxl; text_cells are (sheet, row, column) forced to text."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for index, rows in enumerate(sheets):
        sheet = workbook.create_sheet(f"Sheet{index + 1}")
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    cell = sheet.cell(row=r, column=c, value=value)
                    if (index, r, c) in text_cells:
                        cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def names(plan: ImportPlan) -> list[tuple[int, str, str]]:
    return [(line, c.first_name, c.last_name) for line, c in plan.contacts]


# ---------------------------------------------------------------------------------------------
# The demo export, exactly as LinkedIn writes it


def test_demo_connections_csv():
    data = DEMO.read_bytes()
    parsed = read_table(data, "Connections.csv")
    assert (parsed.kind, parsed.encoding, parsed.delimiter, parsed.header_line) == (
        "linkedin",
        "utf-8",
        ",",
        4,
    )
    assert parsed.columns == list(LINKEDIN_HEADER)
    assert len(parsed.rows) == 30
    assert [line for line, _ in parsed.rows] == list(range(5, 35))

    plan = read_contacts(data, "Connections.csv")
    assert plan.file == "Connections.csv"
    assert len(plan.contacts) == 28
    assert plan.skipped == [(25, "no name"), (26, "blank row")]
    by_last = {c.last_name: c for _, c in plan.contacts}
    assert by_last["Vance"].first_name == "Ale$$andra"
    assert by_last["Marchetti"].first_name == "<b>Theo</b>"
    assert by_last["Lachance-Bélanger"].first_name == "Zoë"
    assert by_last["Ñúñez-Ortega"].first_name == "José"
    assert by_last["Yıldız"].first_name == "Elif"
    assert (
        by_last["Rahimi"].position
        == "Senior Product Designer | growing SaaS lines between $5M and $10M ARR"
    )
    assert by_last["Chandrasekar"].organization == "Maple, Birch & Co."
    assert by_last["Chandrasekar"].position == "Associate Consultant, Customer Experience"
    assert by_last["Osei"].email == "amara.osei@tidewatertravel.example"
    assert by_last["Osei"].profile_url == "https://www.linkedin.com/in/amara-osei-ux"
    assert by_last["Osei"].connected_on == "2019-09-14"
    assert {c.source for _, c in plan.contacts} == {"linkedin"}
    assert sum(1 for _, c in plan.contacts if c.email) == 5


# ---------------------------------------------------------------------------------------------
# Encodings, delimiters, line ends, quoting


ROW = "Zoë,Lachance-Bélanger,https://www.linkedin.com/in/zoe,,€uro Bank,Analyst,12 Mar 2021"


@pytest.mark.parametrize(
    "codec, bom, expected",
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("utf-16-le", b"\xff\xfe", "utf-16"),
        ("utf-16-be", b"\xfe\xff", "utf-16"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
        ("cp1252", b"", "cp1252"),
    ],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_encodings(codec, bom, expected, newline):
    data = bom + linkedin(ROW).replace("\n", newline).encode(codec)
    parsed = read_table(data, "Connections.csv")
    assert (parsed.encoding, parsed.kind, parsed.header_line, parsed.columns) == (
        expected,
        "linkedin",
        4,
        list(LINKEDIN_HEADER),
    )
    plan = read_contacts(data, "Connections.csv")
    [(line, contact)] = plan.contacts
    assert (line, contact.first_name, contact.last_name, contact.organization) == (
        5,
        "Zoë",
        "Lachance-Bélanger",
        "€uro Bank",
    )


def test_latin1_when_cp1252_cannot_read_it():
    data = "First Name,Last Name,Company\nZoë,Dupré,Caf\x90\n".encode("latin-1")
    parsed = read_table(data, "old.csv")
    assert parsed.encoding == "latin-1"
    assert parsed.rows == [(2, ["Zoë", "Dupré", "Caf\x90"])]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_delimiters_quotes_and_line_ends(delimiter, newline):
    rows = [
        ["First Name", "Last Name", "Company", "Position", "Notes"],
        ["Grace", "Linwood", "Maple, Birch; & Co.", 'The "lead"\tdesigner', "line one\nline two"],
        ["Ravi", "Chandrasekar", "Saltbox", "Consultant", ""],
    ]
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(
        rows
    )
    data = out.getvalue().replace("\n", newline).encode("utf-8")
    parsed = read_table(data, "list.csv")
    assert parsed.delimiter == delimiter
    assert parsed.columns == rows[0]
    # the second record starts on line 4: the first one spans lines 2 and 3
    assert parsed.rows == [(2, rows[1]), (4, rows[2])]
    plan = read_contacts(data, "list.csv")
    assert plan.contacts[0][1].notes == "line one\nline two"
    assert plan.contacts[0][1].source == "list.csv"


@pytest.mark.parametrize(
    "text, delimiter, cells",
    [
        ("Name\nLima, Ana\n", ",", ["Lima"]),
        ("Name;Notes\nLima, Ana;x\n", ";", ["Lima, Ana", "x"]),
        ("Name\tNotes\nLima, Ana\tx; y\n", "\t", ["Lima, Ana", "x; y"]),
        ('"Name;Email",Notes\n"Ana;a@x.org",x\n', ",", ["Ana;a@x.org", "x"]),
        (
            "Name,Email;Company;Position\nAna,a@x.org;Acme;Lead\n",
            ";",
            ["Ana,a@x.org", "Acme", "Lead"],
        ),
    ],
)
def test_delimiter_gives_the_most_cells_ties_to_comma(text, delimiter, cells):
    parsed = read_table(text.encode(), "f.csv")
    assert parsed.delimiter == delimiter
    assert parsed.rows[0][1] == cells


def test_semicolon_export_with_preamble():
    text = linkedin(
        "Ana;Lima;https://www.linkedin.com/in/ana;;Acme;Designer;01 Feb 2020",
        header=HEADER.replace(",", ";"),
    )
    parsed = read_table(text.encode(), "Connections.csv")
    assert (parsed.delimiter, parsed.header_line, parsed.kind) == (";", 4, "linkedin")
    assert parsed.rows == [
        (
            5,
            [
                "Ana",
                "Lima",
                "https://www.linkedin.com/in/ana",
                "",
                "Acme",
                "Designer",
                "01 Feb 2020",
            ],
        )
    ]


@pytest.mark.parametrize(
    "text, header_line",
    [
        (HEADER + "\nAna,Lima,,,Acme,Designer,\n", 1),
        (linkedin("Ana,Lima,,,Acme,Designer,"), 4),
        ("Notes:\n\n\n" + HEADER + "\nAna,Lima,,,Acme,Designer,\n", 4),
        ("\ufeffNotes:\n" + '"a, b, c"\n' + HEADER + "\nAna,Lima,,,Acme,Designer,\n", 3),
        ("My contacts\nexported today\n\nName,Email,Company\nAna Lima,,Acme\n", 4),
        ("Contacts from the fair\n\nGuest,Organisation,Where\nAna Lima,Acme,Lyon\n", 1),
        ("\n\n\nGuest,Employer,Where\nAna Lima,Acme,Lyon\n", 4),
    ],
    ids=[
        "no-preamble",
        "linkedin",
        "blank-notes",
        "bom-and-quoted-commas",
        "preamble-then-header",
        "unknown-header",
        "leading-blanks",
    ],
)
def test_header_is_found_below_any_preamble(text, header_line):
    assert read_table(text.encode(), "f.csv").header_line == header_line


@pytest.mark.parametrize(
    "header, kind, mapped",
    [
        (HEADER, "linkedin", set(headings.LINKEDIN_FIELDS)),
        (
            "First Name,Last Name,Email Address,Company,Position,Connected On",
            "linkedin",
            {"first_name", "last_name", "email", "organization", "position", "connected_on"},
        ),
        (
            "First Name,Last Name,URL,Company,Position,Connected On",
            "linkedin",
            {"first_name", "last_name", "profile_url", "organization", "position", "connected_on"},
        ),
        (
            "First Name,Last Name,Company,Position",
            "linkedin",
            {"first_name", "last_name", "organization", "position"},
        ),
        (HEADER + ",Tags", "linkedin", set(headings.LINKEDIN_FIELDS)),
        ("First Name,Last Name,Company", "table", {"first_name", "last_name", "organization"}),
        (
            "First Name,Last Name,Company,Position,Phone",
            "table",
            {"first_name", "last_name", "organization", "position", "phone"},
        ),
    ],
)
def test_older_linkedin_exports_and_lookalikes(header, kind, mapped):
    width = header.count(",") + 1
    row = ",".join(["Ana", "Lima"] + ["x"] * (width - 2))
    data = linkedin(row, header=header).encode()
    parsed = read_table(data, "Connections.csv")
    assert parsed.kind == kind
    plan = read_contacts(data, "Connections.csv")
    [(line, contact)] = plan.contacts
    assert (line, contact.first_name, contact.last_name) == (5, "Ana", "Lima")
    assert contact.source == ("linkedin" if kind == "linkedin" else "Connections.csv")
    assert {
        f for f in IMPORT_FIELDS if f != "full_name" and getattr(contact, f) not in ("", None)
    } == mapped - {"connected_on"}


@pytest.mark.parametrize(
    "header, columns",
    [
        ("Name,Email,Email,,Notes", ["Name", "Email", "Email (2)", "Column 4", "Notes"]),
        ("Name,email,EMAIL,Email (2)", ["Name", "email", "EMAIL (2)", "Email (2) (2)"]),
        ("Name,,Column 2,", ["Name", "Column 2", "Column 2 (2)"]),
        (" Name , Company ,,,", ["Name", "Company"]),
    ],
)
def test_duplicate_and_empty_header_names(header, columns):
    parsed = read_table(f"{header}\nAna Lima,a@x.org,b@x.org,c,d,e\n".encode(), "f.csv")
    assert parsed.columns == columns
    assert all(len(cells) == len(columns) for _, cells in parsed.rows)
    assert suggest_mapping(parsed.columns)["full_name"] == "Name"


@pytest.mark.parametrize(
    "cell",
    [
        "NA",
        "N/A",
        "None",
        "null",
        "NULL",
        "nan",
        "02139",
        "0012",
        "1e5",
        "TRUE",
        "=1+1",
        "+33 1 23",
        "-",
        "$5M",
        "<img src=x onerror=alert(1)>",
    ],
)
def test_cells_are_kept_as_text(cell):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [["First Name", "Last Name", "Location", "Phone"], ["NA", cell, cell, cell]]
    )
    parsed = read_table(out.getvalue().encode(), "f.csv")
    assert parsed.rows == [(2, ["NA", cell, cell, cell])]
    [(_, contact)] = read_contacts(out.getvalue().encode(), "f.csv").contacts
    assert (contact.first_name, contact.last_name, contact.location, contact.phone) == (
        "NA",
        cell,
        cell,
        cell,
    )


def test_cells_are_trimmed_and_rows_padded_or_cut():
    parsed = read_table(
        b"Name,Email,Notes\n  Ana Lima  ,\t a@x.org \n Bo Ng,b@x.org,n,extra,more\n", "f.csv"
    )
    assert parsed.rows == [(2, ["Ana Lima", "a@x.org", ""]), (3, ["Bo Ng", "b@x.org", "n"])]


def test_trailing_blank_rows_are_dropped_and_inner_ones_kept():
    parsed = read_table(b"Name,Email\nAna,\n\n,\nBo,\n,\n\n\n", "f.csv")
    assert parsed.rows == [(2, ["Ana", ""]), (3, ["", ""]), (4, ["", ""]), (5, ["Bo", ""])]


# ---------------------------------------------------------------------------------------------
# Spreadsheets


def test_xlsx_cells_become_text_and_formulas_are_never_run():
    data = xlsx(
        [
            ["Contacts from the spring fair"],
            [],
            ["Name", "Company", "Zip", "Years in industry", "Met on", "Notes", "Calc"],
            ["Ana Lima", "Acme", 2139, 3.5, dt.date(2021, 3, 12), "=1+1", "=1+1"],
            [],
            ["Bo Ng", 42, 4.0, 0.1 + 0.2, dt.datetime(2021, 3, 12, 10, 30), "02139", None],
            ["Cy Oh", True, "NA", 12345678901234, dt.datetime(2021, 3, 12), None, "=A4&B4"],
            ["Di Wu", 1 / 3, 1e20, -0.5, dt.time(9, 30), 2.5e-7, None],
        ],
        text_cells=((0, 4, 6),),
    )
    parsed = read_table(data, "fair.xlsx")
    assert (parsed.kind, parsed.encoding, parsed.delimiter, parsed.header_line) == (
        "table",
        "xlsx",
        "",
        3,
    )
    assert parsed.columns == [
        "Name",
        "Company",
        "Zip",
        "Years in industry",
        "Met on",
        "Notes",
        "Calc",
    ]
    assert parsed.rows == [
        (4, ["Ana Lima", "Acme", "2139", "3.5", "2021-03-12", "=1+1", ""]),
        (5, [""] * 7),
        (6, ["Bo Ng", "42", "4", "0.3", "2021-03-12 10:30:00", "02139", ""]),
        (7, ["Cy Oh", "TRUE", "NA", "12345678901234", "2021-03-12", "", ""]),
        (8, ["Di Wu", "0.333333333333333", "1e+20", "-0.5", "09:30:00", "2.5e-07", ""]),
    ]
    plan = read_contacts(data, "fair.xlsx")
    assert names(plan) == [(4, "Ana", "Lima"), (6, "Bo", "Ng"), (7, "Cy", "Oh"), (8, "Di", "Wu")]
    assert plan.skipped == [(5, "blank row")]
    assert plan.contacts[0][1].notes == "=1+1"
    assert plan.contacts[0][1].years_in_industry == 3.5


def test_xlsx_uses_the_first_sheet_with_a_header():
    data = xlsx(
        [["Read me first"], ["This workbook lists people"]],
        [["x"], list(LINKEDIN_HEADER), ["Ana", "Lima", "", "", "Acme", "Designer", "12 Mar 2021"]],
    )
    parsed = read_table(data, "Connections.xlsx")
    assert (parsed.kind, parsed.header_line) == ("linkedin", 2)
    plan = read_contacts(data, "Connections.xlsx")
    assert [(line, c.first_name, c.connected_on, c.source) for line, c in plan.contacts] == [
        (3, "Ana", "2021-03-12", "linkedin")
    ]


def test_xlsx_without_a_known_header_falls_back_to_the_first_filled_row():
    parsed = read_table(xlsx([[], ["Guest", "Where"], ["Ana", "Lyon"]]), "g.xlsx")
    assert (parsed.header_line, parsed.columns, parsed.rows) == (
        2,
        ["Guest", "Where"],
        [(3, ["Ana", "Lyon"])],
    )


def test_xlsx_duplicate_people_are_reported_by_row():
    plan = read_contacts(
        xlsx([["Name", "Email"], ["Ana Lima", "a@x.org"], ["Ana L.", "A@X.org"]]), "g.xlsx"
    )
    assert plan.skipped == [(3, "same person as row 2")]


# ---------------------------------------------------------------------------------------------
# Whole-file refusals


def linkedin_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Basic_LinkedInDataExport/Connections.csv", linkedin("Ana,Lima,,,,,"))
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, fragment, line",
    [
        (b"", "is empty", None),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "save it as .xlsx or CSV", None),
        (
            b"PK\x03\x04" + b"\x00garbage" * 20,
            "looks like a ZIP/Excel file but can't be read",
            None,
        ),
        (linkedin_zip(), "Unzip it", None),
        (bytes(range(256)) * 4, "doesn't look like a CSV or Excel file", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "doesn't look like a CSV or Excel file", None),
        (b"\x01\x02\x03\x04\x05\x06 abc\x07\x08", "doesn't look like a CSV or Excel file", None),
        (
            b"Name,Email\nAna Lima,a\x00@x.org\n" + b"Bo Ng,b@x.org\n" * 50,
            "doesn't look like a CSV or Excel file",
            None,
        ),
        (b"\n \n\t\n", "only blank lines", None),
        (b"\xff\xfeN\x00a\x00m\x00e", "damaged", None),
        (
            ("Name,Notes\nAna,ok\nBo," + "x" * (MAX_CELL_CHARS + 1) + "\n").encode(),
            "a cell on line 3 is longer than 10,000 characters",
            3,
        ),
        (
            ('Name,Notes\nAna,ok\nBo,"never closed\n' + ("y" * 100 + "\n") * 1500).encode(),
            "a cell on line 3 is longer than 10,000 characters",
            3,
        ),
        (("x" * (MAX_CELL_CHARS + 1) + ",Name\nAna,b\n").encode(), "a cell on line 1 is longer", 1),
        (("Name" + ",x" * 1200 + "\nAna\n").encode(), "more than 1,000 columns", 1),
    ],
    ids=[
        "empty",
        "xls",
        "broken-zip",
        "linkedin-zip",
        "binary",
        "png",
        "controls",
        "one-nul",
        "blank",
        "utf16-odd",
        "huge-cell",
        "unclosed-quote",
        "huge-header",
        "wide",
    ],
)
def test_refusals_name_the_file_and_line(data, fragment, line):
    with pytest.raises(ImportFailed) as caught:
        read_contacts(data, "my file.csv")
    message = str(caught.value)
    assert fragment in message
    assert "my file.csv" in message
    assert (caught.value.file, caught.value.line) == ("my file.csv", line)


def test_too_big_says_what_to_do(monkeypatch):
    monkeypatch.setattr(tabular, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ImportFailed, match=r"big\.csv .*Split it into smaller files"):
        read_table(b"Name\n" + b"Ana\n" * 300, "big.csv")
    assert read_table(b"Name\n" + b"Ana\n" * 200, "ok.csv").rows[-1] == (201, ["Ana"])


def test_too_many_rows(monkeypatch):
    monkeypatch.setattr(tabular, "_MAX_ROWS", 10)
    with pytest.raises(ImportFailed, match=r"more than 10 rows \(at line 12\)"):
        read_table(b"Name\n" + b"Ana\n" * 30, "long.csv")


def test_xlsx_too_large_unpacked(monkeypatch):
    monkeypatch.setattr(tabular, "_MAX_UNPACKED_BYTES", 100)
    with pytest.raises(ImportFailed, match="too large once unpacked"):
        read_table(xlsx([["Name"], ["Ana"]]), "big.xlsx")


# ---------------------------------------------------------------------------------------------
# Mapping and rows to contacts


@pytest.mark.parametrize(
    "column, field",
    [
        ("First Name", "first_name"),
        ("Last Name", "last_name"),
        ("URL", "profile_url"),
        ("Email Address", "email"),
        ("Company", "organization"),
        ("Position", "position"),
        ("Connected On", "connected_on"),
        ("Name", "full_name"),
        ("full name", "full_name"),
        ("E-mail", "email"),
        ("EMAIL", "email"),
        ("Email address", "email"),
        ("Organisation", "organization"),
        ("Organization", "organization"),
        ("Employer", "organization"),
        ("Title", "position"),
        ("Job title", "position"),
        ("Role", "position"),
        ("LinkedIn", "profile_url"),
        ("Profile", "profile_url"),
        ("Profile URL", "profile_url"),
        ("Location", "location"),
        ("City", "location"),
        ("Phone", "phone"),
        ("Mobile", "phone"),
        ("Notes", "notes"),
        ("Comments", "notes"),
        ("Introduced by", "via"),
        ("Via", "via"),
        ("Mutual connection", "via"),
        ("How we met", "warm_reason"),
        ("Shared link", "warm_reason"),
        ("Years in industry", "years_in_industry"),
        ("Years of experience", "years_in_industry"),
        ("  Société  ", None),
        ("Prénom Nom", None),
        ("", None),
    ],
)
def test_suggest_mapping_synonyms(column, field):
    mapping = suggest_mapping(["Something else", column])
    assert mapping == ({field: column} if field else {})


def test_suggest_mapping_first_column_wins_and_accents_dont_matter():
    assert suggest_mapping(["ORGANISATIÓN", "Company", "Nâme"]) == {
        "organization": "ORGANISATIÓN",
        "full_name": "Nâme",
    }


def test_field_labels_cover_every_field():
    assert set(FIELD_LABELS) == set(IMPORT_FIELDS)
    assert all(label and label[0].isupper() for label in FIELD_LABELS.values())


def table(*rows: list[str], columns: list[str] | None = None, encoding: str = "utf-8"):
    columns = columns or [
        "Name",
        "First",
        "Last",
        "Email",
        "Profile",
        "Company",
        "Met",
        "Years",
        "Via",
        "Notes",
    ]
    return tabular.ParsedFile(
        "f.csv",
        "table",
        encoding,
        ",",
        1,
        columns,
        [(n, list(r) + [""] * (len(columns) - len(r))) for n, r in enumerate(rows, start=2)],
    )


@pytest.mark.parametrize(
    "full, first, last",
    [
        ("Mary Ann Smith", "Mary Ann", "Smith"),
        ("Cher", "Cher", ""),
        ("  Ana   de   Souza ", "Ana de", "Souza"),
        ("<b>Theo</b> Marchetti", "<b>Theo</b>", "Marchetti"),
    ],
)
def test_full_name_is_split_on_the_last_space(full, first, last):
    plan = to_contacts(table([full]), {"full_name": "Name"}, "f.csv")
    assert names(plan) == [(2, first, last)]


def test_first_and_last_win_over_full_name():
    plan = to_contacts(
        table(["Full Name", "Ana", ""], ["Bo Ng", "", ""]),
        {"full_name": "Name", "first_name": "First", "last_name": "Last"},
        "f.csv",
    )
    assert names(plan) == [(2, "Ana", ""), (3, "Bo", "Ng")]


@pytest.mark.parametrize(
    "text, iso",
    [
        ("12 Mar 2021", "2021-03-12"),
        ("02 Feb 2023", "2023-02-02"),
        ("1 September 2020", "2020-09-01"),
        ("2021-03-12", "2021-03-12"),
        ("2021-03-12 10:00:00", "2021-03-12"),
        ("2021-03-12T10:00:00Z", "2021-03-12"),
        ("31 Feb 2021", ""),
        ("12 Foo 2021", ""),
        ("2021-13-01", ""),
        ("12/03/2021", ""),
        ("yesterday", ""),
        ("", ""),
    ],
)
def test_dates_and_a_bad_date_keeps_the_row(text, iso):
    plan = to_contacts(
        table(["Ana Lima", "", "", "", "", "", text]),
        {"full_name": "Name", "connected_on": "Met"},
        "f.csv",
    )
    assert [c.connected_on for _, c in plan.contacts] == [iso]


@pytest.mark.parametrize(
    "text, years",
    [
        ("3", 3.0),
        ("3.5", 3.5),
        ("3,5", 3.5),
        (" 12 ", 12.0),
        ("0", 0.0),
        ("three", None),
        ("-1", None),
        ("nan", None),
        ("1e3", None),
        ("5 years", None),
        ("", None),
        ("250", None),
    ],
)
def test_years_in_industry(text, years):
    plan = to_contacts(
        table(["Ana Lima", "", "", "", "", "", "", text.strip()]),
        {"full_name": "Name", "years_in_industry": "Years"},
        "f.csv",
    )
    assert [c.years_in_industry for _, c in plan.contacts] == [years]


def test_blank_and_nameless_rows_are_skipped_with_reasons():
    plan = to_contacts(
        table([], ["", "", "", "a@x.org", "", "Acme"], ["Ana Lima"]),
        {"full_name": "Name", "email": "Email"},
        "f.csv",
    )
    assert plan.skipped == [(2, "blank row"), (3, "no name")]
    assert names(plan) == [(4, "Ana", "Lima")]


def test_header_only_file_is_an_empty_plan():
    plan = read_contacts(linkedin().encode(), "Connections.csv")
    assert (plan.file, plan.contacts, plan.skipped) == ("Connections.csv", [], [])
    merge = plan_merge([Contact(first_name="A", id=1)], plan)
    assert (merge.add, merge.update, merge.unchanged, merge.skipped) == ([], [], [], [])


@pytest.mark.parametrize(
    "mapping, fragment",
    [
        ({"email": "Email"}, "choose which column holds the names"),
        ({}, "choose which column holds the names"),
        ({"full_name": "Nom"}, "has no column called 'Nom'"),
        ({"full_name": "Name", "email": "Courriel", "position": "Titre"}, "'Courriel', 'Titre'"),
        ({"shoe_size": "Name"}, "no contact field called 'shoe_size'"),
    ],
)
def test_bad_mappings_are_refused(mapping, fragment):
    with pytest.raises(ImportFailed, match=fragment) as caught:
        to_contacts(table(["Ana Lima"]), mapping, "f.csv")
    assert "f.csv" in str(caught.value)


def test_unnamed_columns_need_a_mapping():
    data = b"Guest,Where\nAna Lima,Lyon\n"
    with pytest.raises(ImportFailed, match="choose which column holds the names"):
        read_contacts(data, "fair.csv")
    plan = read_contacts(data, "fair.csv", {"full_name": "Guest", "location": "Where", "email": ""})
    assert [(c.first_name, c.last_name, c.location, c.source) for _, c in plan.contacts] == [
        ("Ana", "Lima", "Lyon", "fair.csv")
    ]


@pytest.mark.parametrize(
    "rows, skipped",
    [
        # same profile, written differently
        (
            [
                ["Ana Lima", "", "", "", "https://www.linkedin.com/in/ana/"],
                ["Ana B. Lima", "", "", "", "http://LinkedIn.com/in/ana?trk=x"],
            ],
            [(3, "same person as line 2")],
        ),
        # same email (no URLs)
        (
            [["Ana Lima", "", "", "ana@x.org"], ["A. Lima", "", "", " ANA@x.org "]],
            [(3, "same person as line 2")],
        ),
        # same name and organization (one has no URL)
        (
            [
                ["Ana Lima", "", "", "", "https://www.linkedin.com/in/ana", "Acme Inc."],
                ["ana  LIMA", "", "", "", "", "ACME"],
            ],
            [(3, "same person as line 2")],
        ),
        (
            [
                ["Ana Lima", "", "", "", "", "Acme"],
                ["Ana Lima", "", "", "", "https://www.linkedin.com/in/ana", "Acme"],
            ],
            [(3, "same person as line 2")],
        ),
        # same email, the profile URL changed: still one person
        (
            [
                ["Ana Lima", "", "", "a@x.org", "https://www.linkedin.com/in/ana-1"],
                ["Ana Lima", "", "", "a@x.org", "https://www.linkedin.com/in/ana-lima"],
            ],
            [(3, "same person as line 2")],
        ),
        # namesakes: two different profiles are two people
        (
            [
                ["Ana Lima", "", "", "", "https://www.linkedin.com/in/ana-1", "Acme"],
                ["Ana Lima", "", "", "", "https://www.linkedin.com/in/ana-2", "Acme"],
            ],
            [],
        ),
        ([["Ana Lima", "", "", "", "", "Acme"], ["Ana Lima", "", "", "", "", "Globex"]], []),
        # a third line names the first person again
        (
            [["Ana Lima", "", "", "a@x.org"], ["Bo Ng"], ["Ana Lima", "", "", "a@x.org"]],
            [(4, "same person as line 2")],
        ),
    ],
)
def test_same_person_twice_in_one_file(rows, skipped):
    plan = to_contacts(
        table(*rows),
        {
            "full_name": "Name",
            "email": "Email",
            "profile_url": "Profile",
            "organization": "Company",
        },
        "f.csv",
    )
    assert plan.skipped == skipped
    assert len(plan.contacts) == len(rows) - len(skipped)


# ---------------------------------------------------------------------------------------------
# Merging with the saved contacts: re-import never duplicates


def saved(plan: ImportPlan) -> list[Contact]:
    """The contacts as the workspace would hold them after the import (with ids)."""
    return [replace(c, id=i) for i, (_, c) in enumerate(plan.contacts, start=100)]


def apply(existing: list[Contact], merge: MergePlan) -> list[Contact]:
    """What the workspace does with a merge plan (for the round-trip checks)."""
    by_id = {c.id: c for c in existing}
    for _, cid, changes in merge.update:
        by_id[cid] = replace(by_id[cid], **changes)
    new_id = max(by_id, default=0) + 1
    for offset, (_, contact) in enumerate(merge.add):
        by_id[new_id + offset] = replace(contact, id=new_id + offset)
    return list(by_id.values())


def test_reimporting_the_same_file_changes_nothing():
    plan = read_contacts(DEMO.read_bytes(), "Connections.csv")
    merge = plan_merge(saved(plan), plan)
    assert (merge.add, merge.update) == ([], [])
    assert merge.unchanged == [(line, i) for i, (line, _) in enumerate(plan.contacts, start=100)]
    assert merge.skipped == [(25, "no name"), (26, "blank row")]


def test_updated_export_updates_adds_and_never_duplicates():
    first = read_contacts(DEMO.read_bytes(), "Connections.csv")
    existing = saved(first)
    text = DEMO.read_text(encoding="utf-8")
    text = text.replace(
        "Senior UX Researcher,14 Sep 2019", "Lead UX Researcher,14 Sep 2019"
    )  # promoted
    text = text.replace(
        "Daniel,Whitcombe,", "Dan,Whitcombe-Ross,"
    )  # renamed: still the same profile
    text += "New,Person,https://www.linkedin.com/in/new-person,,Acme,Designer,01 Jan 2026\n"
    again = read_contacts(text.encode(), "Connections.csv")
    merge = plan_merge(existing, again)
    assert merge.add == [(35, again.contacts[-1][1])]
    assert merge.update == [
        (5, 100, {"position": "Lead UX Researcher"}),
        (6, 101, {"first_name": "Dan", "last_name": "Whitcombe-Ross"}),
    ]
    assert len(merge.unchanged) == 26
    after = apply(existing, merge)
    assert len(after) == 29
    final = plan_merge(after, again)
    assert (final.add, final.update, len(final.unchanged)) == ([], [], 29)


def ana(**fields: object) -> Contact:
    """Ana Lima, with the given fields changed."""
    return replace(Contact(first_name="Ana", last_name="Lima"), **fields)


IN = "https://www.linkedin.com/in/"


@pytest.mark.parametrize(
    "saved_contact, incoming, outcome",
    [
        # by URL, though the name changed
        (
            ana(profile_url=IN + "ana"),
            ana(last_name="Souza", profile_url="linkedin.com/in/ana/"),
            {"last_name": "Souza", "profile_url": "linkedin.com/in/ana/"},
        ),
        # by email
        (
            ana(email="ana@x.org"),
            ana(email="ANA@x.org", position="Designer"),
            {"email": "ANA@x.org", "position": "Designer"},
        ),
        (
            ana(email="ana@x.org"),
            ana(first_name="A.", email="ana@x.org", profile_url=IN + "ana"),
            {"first_name": "A.", "profile_url": IN + "ana"},
        ),
        (
            ana(email="a@x.org", profile_url=IN + "ana-1"),
            ana(email="a@x.org", profile_url=IN + "ana-lima"),
            {"profile_url": IN + "ana-lima"},
        ),
        # by name and organization
        (
            Contact(first_name="José", last_name="Núñez", organization="Saltbox Inc."),
            Contact(first_name="Jose", last_name="NUNEZ", organization="Saltbox", phone="+1 555"),
            {
                "first_name": "Jose",
                "last_name": "NUNEZ",
                "organization": "Saltbox",
                "phone": "+1 555",
            },
        ),
        # nothing new: empty values never erase
        (
            ana(email="ana@x.org", position="Designer", connected_on="2021-03-12"),
            ana(email="ana@x.org"),
            "unchanged",
        ),
        # the user's own fields: never changed, only filled when empty
        (
            ana(
                email="a@x.org",
                via="Bo",
                seniority="senior",
                connection="second",
                target=True,
                focus="both",
                modes="video",
            ),
            ana(
                email="a@x.org",
                via="Cy",
                notes="met at the fair",
                warm_reason="same school",
                years_in_industry=4.0,
                seniority="junior",
                connection="cold",
                focus="neither",
            ),
            {"notes": "met at the fair", "warm_reason": "same school", "years_in_industry": 4.0},
        ),
        (
            ana(email="a@x.org", notes="mine", years_in_industry=2.0),
            ana(email="a@x.org", notes="theirs", years_in_industry=4.0),
            "unchanged",
        ),
        # archived people are still recognised (not added again)
        (ana(email="a@x.org", archived=True), ana(email="a@x.org"), "unchanged"),
        # different profiles, same name and organization: namesakes
        (
            ana(organization="Acme", profile_url=IN + "ana-1"),
            ana(organization="Acme", profile_url=IN + "ana-2"),
            "add",
        ),
        (ana(organization="Acme"), ana(organization="Globex"), "add"),
    ],
    ids=[
        "url",
        "email",
        "email-adds-url",
        "email-new-url",
        "name-org",
        "no-erase",
        "user-fields",
        "user-fields-kept",
        "archived",
        "namesakes",
        "other-org",
    ],
)
def test_merge_matching_and_fields(saved_contact, incoming, outcome):
    existing = [
        Contact(first_name="Other", last_name="Person", email="o@x.org", id=1),
        replace(saved_contact, id=7),
    ]
    merge = plan_merge(existing, ImportPlan("f.csv", [(2, incoming)], [(3, "blank row")]))
    assert (merge.file, merge.skipped) == ("f.csv", [(3, "blank row")])
    if outcome == "add":
        assert (merge.add, merge.update, merge.unchanged) == ([(2, incoming)], [], [])
    elif outcome == "unchanged":
        assert (merge.add, merge.update, merge.unchanged) == ([], [], [(2, 7)])
    else:
        assert (merge.add, merge.update, merge.unchanged) == ([], [(2, 7, outcome)], [])


def test_the_first_saved_namesake_wins():
    existing = [
        Contact(first_name="Ana", last_name="Lima", organization="Acme", id=1),
        Contact(
            first_name="Ana",
            last_name="Lima",
            organization="Acme",
            profile_url="https://www.linkedin.com/in/ana",
            id=2,
        ),
    ]
    merge = plan_merge(
        existing,
        ImportPlan(
            "f.csv",
            [(2, Contact(first_name="Ana", last_name="Lima", organization="Acme", phone="1"))],
        ),
    )
    assert merge.update == [(2, 1, {"phone": "1"})]


def test_two_lines_matching_one_saved_contact():
    existing = [ana(organization="Acme", profile_url=IN + "ana", id=5)]
    plan = ImportPlan(
        "f.csv",
        [(2, ana(last_name="Souza", profile_url=IN + "ana")), (3, ana(organization="Acme"))],
    )
    merge = plan_merge(existing, plan)
    assert merge.update == [(2, 5, {"last_name": "Souza"})]
    assert merge.skipped == [(3, "matches the same saved contact as line 2")]


# ---------------------------------------------------------------------------------------------
# Any input: a plan or a plain refusal, nothing else


def outcome(data: bytes) -> None:
    try:
        result = read_contacts(data, "fuzz.csv")
    except ImportFailed as exc:
        assert "fuzz.csv" in str(exc)
    else:
        assert isinstance(result, ImportPlan)
        plan_merge([], result)


PREFIXES = [
    b"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"PK\x03\x04",
    HEADER.encode() + b"\n",
    b"Name;Email\n",
    b"Name\tEmail\n",
]


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2000))
def test_any_bytes_give_a_plan_or_a_plain_refusal(prefix, body):
    outcome(prefix + body)


CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            '"',
            '""',
            ",",
            ";",
            "\t",
            "\n",
            "\r\n",
            "\r",
            " ",
            "NA",
            "02139",
            "=1+1",
            "First Name",
            "Zoë",
            "€",
            "\u2028",
            "\x85",
        ]
    ),
    st.sampled_from(["https://www.linkedin.com/in/x", "a@x.org", "12 Mar 2021"]),
)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(st.lists(CELL, max_size=9), max_size=12),
    delimiter=st.sampled_from([",", ";", "\t"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]),
    header=st.sampled_from(["", HEADER, "Name,Email,Company", "Notes:\n\n" + HEADER]),
    quoted=st.booleans(),
)
def test_any_csvish_text_gives_a_plan_or_a_plain_refusal(
    rows, delimiter, newline, codec, header, quoted
):
    if quoted:
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
        body = out.getvalue()
    else:
        body = newline.join(delimiter.join(row) for row in rows)
    text = (header.replace(",", delimiter) + newline if header else "") + body
    outcome(text.encode(codec, errors="replace"))


PLAIN = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"), max_size=20
) | st.sampled_from(["", "a\nb", 'say "hi"', "x,y", "p;q", "NA", "02139"])


@settings(max_examples=examples(200), deadline=None)
@given(
    rows=st.lists(st.lists(PLAIN, min_size=7, max_size=7), max_size=10),
    codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_csv_written_by_a_program_reads_back_exactly(rows, codec):
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([list(LINKEDIN_HEADER), *rows])
    parsed = read_table(out.getvalue().encode(codec), "Connections.csv")
    expected = [[cell.strip().replace("\r", "\n") for cell in row] for row in rows]
    while expected and not any(expected[-1]):
        expected.pop()
    assert [cells for _, cells in parsed.rows] == expected
    assert parsed.kind == "linkedin"


# ---------------------------------------------------------------------------------------------
# Size: LinkedIn allows 30,000 connections


def big_export(n: int, position: str = "Designer") -> bytes:
    out = io.StringIO()
    out.write(PREAMBLE)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LINKEDIN_HEADER)
    for i in range(n):
        email = f"p{i}@example.org" if i % 10 == 0 else ""
        job = position if i % 2 else "Engineer"
        writer.writerow(
            [
                f"Fírst{i}",
                f"Last{i}",
                f"{IN}person-{i}",
                email,
                f"Org {i % 3000}, Inc.",
                job,
                "12 Mar 2021",
            ]
        )
    return out.getvalue().encode("utf-8")


def test_thirty_thousand_connections_round_trip():
    plan = read_contacts(big_export(30_000), "Connections.csv")
    assert len(plan.contacts) == 30_000 and plan.skipped == []
    assert plan.contacts[0][0] == 5 and plan.contacts[-1][0] == 30_004
    spot = plan.contacts[12_345][1]
    assert (spot.first_name, spot.organization, spot.position, spot.connected_on, spot.email) == (
        "Fírst12345",
        "Org 345, Inc.",
        "Designer",
        "2021-03-12",
        "",
    )
    assert plan.contacts[20_000][1].email == "p20000@example.org"
    existing = saved(plan)
    again = plan_merge(existing, read_contacts(big_export(30_000, "Lead"), "Connections.csv"))
    assert (len(again.add), len(again.update), len(again.unchanged)) == (0, 15_000, 15_000)
    assert again.update[0] == (6, 101, {"position": "Lead"})


def test_absurd_lines_in_big_files_are_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(tabular, "_CHECK_LINES_FROM", 0)
    ok = b"Name,Notes\nAna," + b"x" * MAX_CELL_CHARS + b"\nBo,y\n"
    assert [line for line, _ in read_table(ok, "f.csv").rows] == [2, 3]
    with pytest.raises(
        ImportFailed,
        match=r"f\.csv: line 3 is 40,000 characters long, "
        r"too long for a contact list with 2 columns",
    ) as caught:
        read_table(b"Name,Notes\nAna,ok\n" + b"," * 40_000 + b"\n", "f.csv")
    assert caught.value.line == 3
