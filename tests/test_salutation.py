"""salutation: greetings per language, Spanish first surnames, Chinese family names first,
never a gender guessed from a name; zones: a place as written -> one IANA zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from infoint import salutation as sal
from infoint import zones
from infoint.records import Contact


@pytest.mark.parametrize(
    "last, first_surname",
    [
        ("García López", "García"),
        ("García", "García"),
        ("de la Cruz", "de la Cruz"),
        ("de la Cruz Ramos", "de la Cruz"),
        ("del Río Martínez", "del Río"),
        ("de los Santos", "de los Santos"),
        ("Fernández-Pacheco Ruiz", "Fernández-Pacheco"),
        ("Ortega y Gasset", "Ortega"),
        ("", ""),
    ],
)
def test_first_surname_keeps_its_particles(last, first_surname):
    assert sal.first_surname(last) == first_surname


@pytest.mark.parametrize(
    "first, last, form, title, warm, expected",
    [
        ("María", "García López", "ms", "", False, "Estimada Sra. García:"),
        ("Juan", "de la Cruz", "mr", "", False, "Estimado Sr. de la Cruz:"),
        ("José Luis", "Rodríguez Zapatero", "mr", "", False, "Estimado Sr. Rodríguez:"),
        # gender unknown: never "Estimado/a", never guessed from María
        ("María", "García López", "auto", "", False, "Buenos días, María García:"),
        ("María", "García López", "full", "", True, "Buenos días, María García:"),
        ("María", "García López", "auto", "", True, "Hola, María:"),
        ("Ana", "Pérez Gómez", "title", "Dra.", False, "Buenos días, Dra. Pérez:"),
        ("Ana", "Pérez Gómez", "title", "", False, "Buenos días, Ana Pérez:"),
        ("", "", "auto", "", False, "Buenos días:"),
        ("Carmen", "", "ms", "", False, "Buenos días, Carmen:"),
    ],
)
def test_spanish_greetings(first, last, form, title, warm, expected):
    contact = Contact(first, last)
    assert sal.greeting(contact, "es", form, title=title, warm=warm) == expected


@pytest.mark.parametrize(
    "first, last, form, title, expected",
    [
        ("伟", "李", "auto", "", "李伟您好："),  # the full name: no gender from a name
        ("伟", "李", "full", "", "李伟您好："),
        ("伟", "李", "mr", "", "李先生您好："),
        ("伟", "李", "ms", "", "李女士您好："),
        ("伟", "李", "title", "经理", "李经理您好："),
        ("芳", "王", "title", "老师", "王老师您好："),
        ("李伟", "", "mr", "", "李先生您好："),  # a full name typed in one field
        ("欧阳娜娜", "", "ms", "", "欧阳女士您好："),  # a two-character family name
        ("娜娜", "欧阳", "title", "教授", "欧阳教授您好："),
        ("Wei", "Li", "mr", "", "Li先生您好："),
        ("", "", "auto", "", "您好："),
    ],
)
def test_chinese_greetings(first, last, form, title, expected):
    assert sal.greeting(Contact(first, last), "zh", form, title=title) == expected


def test_english_greeting_is_the_templates_one():
    assert sal.greeting(Contact("Priya", "Raman"), "en") == "Hi Priya,"
    assert sal.greeting(Contact("Priya", "Raman"), "en", "ms") == "Dear Ms. Raman,"
    assert sal.greeting(Contact(), "en") == "Hello,"


def test_unknown_form_and_hostile_names():
    contact = Contact("María\n<b>", "García\x00 López")
    line = sal.greeting(contact, "es", "nonsense")
    assert "\n" not in line and "\x00" not in line and line.endswith(":")


@pytest.mark.parametrize(
    "stored, parsed",
    [
        ("ms", ("ms", "")),
        ("title:经理", ("title", "经理")),
        ("title:", ("auto", "")),
        ("", ("auto", "")),
        ("whatever", ("auto", "")),
    ],
)
def test_stored_choice(stored, parsed):
    assert sal.choice(stored) == parsed


@pytest.mark.parametrize(
    "contact, lang, form, title",
    [
        (Contact("伟", "李"), "zh", "mr", ""),
        (Contact("伟", "李"), "zh", "title", "经理"),
        (Contact("María", "García López"), "es", "ms", ""),
        (Contact("María", "García López"), "es", "title", "Lic."),
        (Contact("María", "García López"), "es", "auto", ""),
    ],
)
def test_the_choice_is_read_back_from_the_draft(contact, lang, form, title):
    text = sal.greeting(contact, lang, form, title=title) + "\n\nBody."
    assert sal.form_of(contact, lang, text) == (form, title)


def test_draft_language_and_length():
    assert sal.draft_language(Contact(language="es")) == "es"
    assert sal.draft_language(Contact(language="es"), "zh") == "zh"
    assert sal.draft_language(Contact(language="xx"), None) == "en"
    assert sal.draft_length("我在腾讯工作 Product Manager", "zh") == 6 + 2
    assert sal.draft_length("Hola, María: ¿qué tal?", "es") == 4


@pytest.mark.parametrize(
    "place, zone",
    [
        ("Madrid", "Europe/Madrid"),
        ("Madrid, Spain", "Europe/Madrid"),
        ("MADRID, ESPAÑA", "Europe/Madrid"),
        ("Barcelona", "Europe/Madrid"),
        ("Shanghai", "Asia/Shanghai"),
        ("Shanghai, China", "Asia/Shanghai"),
        ("上海", "Asia/Shanghai"),
        ("中国上海", "Asia/Shanghai"),
        ("北京市", "Asia/Shanghai"),
        ("中国香港", "Asia/Hong_Kong"),
        ("Ciudad de México", "America/Mexico_City"),
        ("CDMX", "America/Mexico_City"),
        ("Toronto, ON", "America/Toronto"),
        ("Toronto", "America/Toronto"),
        ("London, ON", "America/Toronto"),
        ("London, UK", "Europe/London"),
        ("Bogotá, Colombia", "America/Bogota"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),
        ("Santiago, Chile", "America/Santiago"),
        ("Valencia, España", "Europe/Madrid"),
        ("Springfield, IL", "America/Chicago"),
        ("Nueva York", "America/New_York"),
        ("San Francisco, CA", "America/Los_Angeles"),
        ("España", "Europe/Madrid"),
        ("Las Palmas de Gran Canaria", "Atlantic/Canary"),
    ],
)
def test_obvious_places_have_one_zone(place, zone):
    assert zones.zone_for(place) == zone


@pytest.mark.parametrize(
    "place", ["", None, "Santiago", "Valencia", "Córdoba", "Guadalajara", "Canada", "USA",
              "Australia", "Remote", "Mars", "x" * 10_000]
)  # fmt: skip
def test_ambiguous_or_unknown_places_have_none(place):
    assert zones.zone_for(place) is None


def test_every_zone_in_the_table_exists():
    for table in (zones._CITIES, zones._CJK_PLACES, zones._REGIONS):
        for name in table.values():
            ZoneInfo(name)
    assert len(zones._CITIES) >= 150


@pytest.mark.parametrize(
    "first, last, form, expected",
    [
        ("伟", "李", "auto", "Buenos días, 李伟:"),  # family name first, no space
        ("伟", "李", "full", "Buenos días, 李伟:"),
        ("娜娜", "欧阳", "auto", "Buenos días, 欧阳娜娜:"),
        ("李伟", "", "auto", "Buenos días, 李伟:"),
        ("伟", "李", "mr", "Estimado Sr. 李:"),
        ("Wei", "Li", "auto", "Buenos días, Wei Li:"),
    ],
)
def test_spanish_greetings_write_han_names_family_first(first, last, form, expected):
    assert sal.greeting(Contact(first, last), "es", form) == expected


@pytest.mark.parametrize("lang", ["en", "es", "zh"])
def test_han_names_are_written_family_first_in_every_language(lang):
    from infoint import outreach, thanks
    from infoint.records import Objective, Profile

    contact = Contact("伟", "李", organization="腾讯", via="Luis Pérez", connection="second")
    profile, objective = Profile(name="Ana Torres"), Objective(field_of_interest="datos")
    assert sal.name_in(contact, lang) == "李伟"
    drafts = [
        outreach.compose(kind, profile, objective, contact, language=lang)
        for kind in outreach.DRAFT_KINDS
    ] + [thanks.compose_thanks(profile, contact, language=lang)]
    for draft in drafts:
        assert "伟 李" not in draft.subject + draft.body + draft.forwardable
    assert sal.name_in(Contact("Priya", "Raman"), lang) == "Priya Raman"
