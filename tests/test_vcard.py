"""vCard (.vcf) import and export (issue 15): the shapes Apple Contacts, Google Contacts and
Outlook export, vCard 4.0, bad files refused by line, exports that vobject reads back and that
no name can inject into."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from infoint import read_vcards
from infoint import targets as tg
from infoint.demo import demo_dir
from infoint.imports import plan_merge, read_contacts
from infoint.records import Contact
from infoint.safe import one_line
from infoint.tabular import ImportFailed
from infoint.vcard import vcard_bytes

DATA = Path(__file__).resolve().parent / "data" / "vcard"
KEYS = ("first_name", "last_name", "email", "phone", "organization", "position", "location")

# file -> (line, first, last, email, phone, organization, title, location) for every person
EXPECTED = {
    "apple-contacts.vcf": [
        (
            1,
            "Amara",
            "Osei",
            "amara.osei@tidewatertravel.example",
            "+1 (757) 555-0134",
            "Tidewater Travel Group",
            "Senior UX Researcher",
            "Norfolk, VA, United States",
        ),
        (
            27,
            "Zoë",
            "Lachance-Bélanger",
            "zoe.lb@example.ca",
            "+1 514 555 0177",
            "Tidewater Travel Group",
            "Associate Design Researcher",
            "Montréal, QC, Canada",
        ),
    ],
    "google-contacts.vcf": [
        (
            1,
            "Kenji",
            "Halvorsen",
            "kenji@innkeep.example",
            "+1 206-555-0182",
            "Innkeep Cloud",
            "Head of Design",
            "Seattle, WA, US",
        ),
        (
            15,
            "Rosa",
            "Delgado-Fitch",
            "rosa.df@example.com",
            "(503) 555-0110",
            "Innkeep Cloud",
            "User Researcher",
            "",
        ),
        (
            25,
            "小明",
            "王",
            "xiaoming.wang@tencent.example",
            "",
            "Tencent",
            "Senior Data Analyst",
            "Shenzhen, Guangdong, China",
        ),
    ],
    "outlook.vcf": [
        (
            1,
            "Jürgen",
            "Müller",
            "juergen.mueller@stadtwerke.example",
            "+49 170 1234567",
            "Stadtwerke Leipzig GmbH",
            "Projektleiter Digitalisierung",
            "Leipzig, Deutschland",
        ),
        (
            19,
            "Marie",
            "Dupont",
            "marie.dupont@lumiere.example",
            "+33 1 23 45 67 89",
            "Groupe Lumière SA",
            "Chargée de mission RSE",
            "Paris, France",
        ),
    ],
    "vcard4.vcf": [
        (
            1,
            "Ana",
            "de la Cruz",
            "ana.delacruz@meli.example",
            "+54-11-5555-0101",
            "Mercado Libre",
            "Senior Data Analyst",
            "Buenos Aires, Argentina",
        ),
        (
            13,
            "Siobhan",
            "O'Brien",
            "",
            "",
            "National Gallery of Ireland",
            "Associate Curator",
            "Dublin, Ireland",
        ),
    ],
}


def _read(name: str):
    return read_vcards((DATA / name).read_bytes(), name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_exports_of_each_program_are_read_person_by_person(name):
    plan = _read(name)
    got = [(line, *(getattr(c, k) for k in KEYS)) for line, c in plan.contacts]
    assert got == EXPECTED[name]
    assert all(c.source == name for _, c in plan.contacts)


def test_apple_details_folded_notes_profiles_and_the_company_card():
    plan = _read("apple-contacts.vcf")
    amara = plan.contacts[0][1]
    assert amara.profile_url == "https://www.linkedin.com/in/amara-osei-ux"  # X-SOCIALPROFILE
    assert amara.notes == (
        "Met at the UXPA Boston conference in 2023, where she spoke about diary studies.\n"
        "Asked about mixed methods; follow up in spring."
    )  # a folded line, an escaped comma and newline
    assert plan.skipped == [(41, "a card for an organization (Innkeep Cloud), not a person")]


def test_google_escaped_url_and_the_nameless_card():
    plan = _read("google-contacts.vcf")
    assert plan.contacts[0][1].profile_url == "https://www.linkedin.com/in/kenji-halvorsen-7c31"
    assert plan.skipped == [(35, "no name")]


def test_outlook_quoted_printable_with_soft_line_breaks_and_charsets():
    (_, jurgen), (_, marie) = _read("outlook.vcf").contacts
    assert jurgen.notes == (
        "Kennengelernt beim Alumni-Abend, Gespräch über Digitalisierung.\nNachfassen im März."
    )
    assert jurgen.phone == "+49 170 1234567"  # the PREF number, not the first one
    assert marie.organization == "Groupe Lumière SA"  # Windows-1252 quoted-printable


def test_import_merges_with_the_linkedin_export_the_same_way(ws):
    linkedin = read_contacts((demo_dir() / "Connections.csv").read_bytes(), "Connections.csv")
    tg.apply_merge(ws, plan_merge([], linkedin), [])
    before = len(tg.load_contacts(ws))
    existing = tg.load_contacts(ws)
    report = tg.apply_merge(ws, plan_merge(existing, _read("google-contacts.vcf")), existing)
    # Kenji by his profile URL, Rosa by her email: updated, not added; only 王小明 is new
    assert (report.added, report.updated + report.unchanged) == (1, 2)
    contacts = tg.load_contacts(ws)
    assert len(contacts) == before + 1
    kenji = next(c for c in contacts if c.last_name == "Halvorsen")
    assert kenji.email == "kenji@innkeep.example" and kenji.source == "linkedin"
    existing = tg.load_contacts(ws)
    again = tg.apply_merge(ws, plan_merge(existing, _read("google-contacts.vcf")), existing)
    assert (again.added, again.updated) == (0, 0)  # re-import adds nothing twice


def _card(*lines: str) -> bytes:
    return ("\r\n".join(["BEGIN:VCARD", "VERSION:3.0", *lines, "END:VCARD"]) + "\r\n").encode()


GOOD = _card("N:Doe;Jane;;;", "FN:Jane Doe")


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"", None, "is empty"),
        (GOOD + b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Off\r\n", 6, "line 6 never ends"),
        (GOOD + _card("FN:Bad", "this line has no colon"), 9, "line 9 can't be read"),
        (
            GOOD + b"BEGIN:VCARD\r\nFN:A\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n",
            8,
            "starts on line 8",
        ),
        (b"First Name,Last Name\r\nJane,Doe\r\n", 1, "outside any card"),
        (b"\r\n\r\n", None, "no contact card"),
        (b"PK\x03\x04zipped", None, "ZIP"),
        (GOOD + b"stray text after the cards\r\n", 6, "line 6 is outside"),
    ],
)
def test_bad_files_are_refused_naming_the_line(data, line, words):
    with pytest.raises(ImportFailed) as caught:
        read_vcards(data, "contacts.vcf")
    assert caught.value.line == line and words in str(caught.value)
    assert "contacts.vcf" in str(caught.value)


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3_000) | st.text(max_size=2_000).map(lambda t: GOOD + t.encode()))
def test_any_bytes_give_people_or_the_importers_error(data):
    try:
        plan = read_vcards(data, "x.vcf")
    except ImportFailed as exc:
        assert "x.vcf" in str(exc)
        return
    assert all(c.first_name or c.last_name for _, c in plan.contacts)


PEOPLE = [
    Contact(
        first_name="Amara",
        last_name="Osei",
        email="amara@example.com",
        phone="+1 757 555 0134",
        organization="Tidewater Travel Group",
        position="Senior UX Researcher",
        location="Norfolk, VA",
        profile_url="https://www.linkedin.com/in/amara-osei-ux",
        notes="Met at UXPA.\nAsk about diary studies; and surveys, too.",
        id=7,
    ),
    Contact(first_name="Zoë", last_name="Lachance-Bélanger", organization="A; B, and C \\ Co"),
    Contact(first_name="王", last_name="", position="x" * 300),
]


def test_private_notes_are_exported_only_when_asked():
    assert PEOPLE[0].notes and b"NOTE" not in vcard_bytes(PEOPLE)
    assert b"\r\nNOTE:" in vcard_bytes(PEOPLE, notes=True)


def test_an_export_reads_back_with_vobject_and_with_the_importer():
    data = vcard_bytes(PEOPLE, notes=True)
    assert data.decode("utf-8")  # UTF-8
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded
    cards = list(vobject.readComponents(data.decode("utf-8")))
    assert len(cards) == 3
    amara = cards[0]
    assert amara.version.value == "3.0" and amara.uid.value == "infoint-contact-7"
    assert (amara.n.value.given, amara.n.value.family) == ("Amara", "Osei")
    assert amara.fn.value == "Amara Osei" and amara.email.value == "amara@example.com"
    assert amara.org.value == ["Tidewater Travel Group"] and amara.tel.value == "+1 757 555 0134"
    assert amara.note.value == PEOPLE[0].notes and amara.url.value == PEOPLE[0].profile_url
    assert cards[1].org.value == ["A; B, and C \\ Co"]  # escaped, not split
    back = [c for _, c in read_vcards(data, "back.vcf").contacts]
    for before, after in zip(PEOPLE, back, strict=True):
        for key in (*KEYS, "profile_url", "notes"):
            assert getattr(after, key) == getattr(before, key), key


def test_a_name_cannot_inject_lines_or_properties():
    evil = Contact(
        first_name="Eve\r\nEMAIL:evil@attacker.example\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Mallory",
        last_name="<img src=x onerror=alert(1)>\u202e",
        email="eve@example.com\r\nTEL:666",
        organization='=HYPERLINK("http://x")',
        profile_url="javascript:alert(1)",
        notes="line one\r\nX-EVIL:1\nline two",
    )
    data = vcard_bytes([evil], notes=True)
    cards = list(vobject.readComponents(data.decode("utf-8")))
    assert len(cards) == 1
    (card,) = cards
    assert [line.value for line in card.contents["email"]] == ["eve@example.com TEL:666"]
    assert "tel" not in card.contents and "url" not in card.contents
    assert "x-evil" not in card.contents
    assert card.n.value.given == one_line(evil.first_name, None)
    assert "\u202e" not in data.decode("utf-8")
    assert card.note.value == "line one\nX-EVIL:1\nline two"  # kept, escaped inside the value
    lines = data.split(b"\r\n")
    assert lines.count(b"BEGIN:VCARD") == 1 and lines.count(b"END:VCARD") == 1
    assert not any(line.startswith((b"EMAIL:", b"TEL:", b"X-EVIL")) for line in lines)


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.builds(
            Contact,
            first_name=st.text(min_size=1, max_size=40),
            last_name=st.text(max_size=40),
            organization=st.text(max_size=40),
            position=st.text(max_size=40),
            notes=st.text(max_size=80),
        ),
        max_size=4,
    )
)
def test_any_contacts_export_one_card_each_that_reads_back(people):
    data = vcard_bytes(people, notes=True)
    cards = list(vobject.readComponents(data.decode("utf-8"))) if people else []
    assert len(cards) == len(people)
    for person, card in zip(people, cards, strict=True):
        assert card.n.value.given == one_line(person.first_name, None)
        assert card.n.value.family == one_line(person.last_name, None)


def test_utf16_and_windows_1252_files_are_read():
    text = (DATA / "google-contacts.vcf").read_text(encoding="utf-8")
    utf16 = read_vcards(text.encode("utf-16"), "google16.vcf")  # with its byte-order mark
    assert [c.full_name for _, c in utf16.contacts][:2] == ["Kenji Halvorsen", "Rosa Delgado-Fitch"]
    legacy = _card("N:Müller;Jürgen;;;", "FN:Jürgen Müller", "ORG:Café Größe").decode()
    ((_, jurgen),) = read_vcards(legacy.encode("cp1252"), "old.vcf").contacts
    assert (jurgen.first_name, jurgen.last_name, jurgen.organization) == (
        "Jürgen",
        "Müller",
        "Café Größe",
    )


def test_a_person_twice_in_one_file_is_kept_once():
    twice = GOOD + _card("N:Doe;Jane;;;", "FN:Jane Doe", "EMAIL:jane@example.com")
    plan = read_vcards(twice, "twice.vcf")
    assert len(plan.contacts) == 1 and plan.skipped == [(6, "same person as line 1")]


def test_a_card_with_only_a_formatted_name_is_split_like_a_full_name_column():
    data = b"begin:vcard\nversion:4.0\nfn:Grace Brewster Hopper\nend:vcard\n"
    ((line, grace),) = read_vcards(data, "lower.vcf").contacts
    assert line == 1 and (grace.first_name, grace.last_name) == ("Grace Brewster", "Hopper")


def test_chinese_japanese_and_korean_names_are_written_family_name_first():
    from infoint.records import person_name

    assert person_name("小明", "王") == "王小明" and person_name("健", "佐藤") == "佐藤健"
    assert person_name("민준", "김") == "김민준" and person_name("小明", "") == "小明"
    assert person_name("Xiaoming", "Wang") == "Xiaoming Wang"
    assert person_name("小明", "Wang") == "小明 Wang"  # mixed scripts: as typed, first then last
    assert Contact(first_name="小明", last_name="王").full_name == "王小明"
    data = vcard_bytes([Contact(id=1, first_name="小明", last_name="王")])
    card = next(vobject.readComponents(data.decode("utf-8")))
    assert card.fn.value == "王小明" and (card.n.value.family, card.n.value.given) == ("王", "小明")
