"""Drafts in the recipient's language: every kind of request and thank-you has its own Spanish
and Chinese template (written natively, not translated), greets them as chosen, keeps its
language's length limit and passes its own language's checks; English stays as it was; the
draft editor offers 'Written in' and 'How to address them'."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from infoint import i18n, outreach, request_check, thanks
from infoint.records import Contact, Objective, Profile

PROFILE = Profile(name="Ana Torres", email="ana.torres@mail.utoronto.ca")
OBJECTIVE = Objective(
    field_of_interest="ciencia de datos",
    roles=["científica de datos"],
    goals=[
        "Quiero saber cómo es un día normal de un científico de datos",
        "了解数据科学家的日常工作",
        "Learn how data teams decide what to build",
    ],
    kinds=["role"],
)
SPANISH = Contact(
    "María", "García López", email="mgarcia@example.es", organization="Telefónica",
    position="científica de datos", location="Madrid", language="es",
)  # fmt: skip
CHINESE = Contact(
    "伟", "李", email="liwei@example.cn", organization="腾讯", position="数据科学家",
    location="深圳", language="zh",
)  # fmt: skip
EMAIL_KINDS = ("request_direct", "request_cold", "follow_up", "voicemail", "request_intro")


def _contact(base: Contact, kind: str, **changes) -> Contact:
    values = {**base.__dict__, **changes}
    if kind == "request_intro":
        values.update(via="Luis Pérez", connection="second")
    if kind == "linkedin_note":
        values.update(source="linkedin", connection="first")
    return Contact(**values)


MARKERS = {  # what a native note of each kind says, in each language
    "es": {
        "request_direct": ("Buenos días, María García:", "¿Tendría 20 o 30 minutos", "saludo"),
        "request_cold": ("Buenos días, María García:", "videollamada", "Un cordial saludo"),
        "follow_up": ("la semana pasada", "20 o 30 minutos", "saludo"),
        "voicemail": ("le habla Ana Torres", "Se lo repito", "[tu número de teléfono]"),
        "request_intro": ("Hola, Luis:", "presentarnos", "le pedí a Luis"),
        "linkedin_note": ("¡Hola, María!", "20 minutos", "Gracias, Ana"),
    },
    "zh": {
        "request_direct": ("李伟您好：", "20到30分钟", "电话或视频"),
        "request_cold": ("李伟您好：", "此致", "敬礼"),
        "follow_up": ("上周给您发过一封邮件", "20到30分钟", "谢谢您"),
        "voicemail": ("李伟您好，我是Ana Torres", "再说一遍", "[你的电话号码]"),
        "request_intro": ("Luis，您好！", "引荐", "李伟您好！我是Ana Torres"),
        "linkedin_note": ("李伟您好！", "20分钟", "领英"),
    },
}


@pytest.mark.parametrize("lang, base", [("es", SPANISH), ("zh", CHINESE)])
@pytest.mark.parametrize("kind", outreach.DRAFT_KINDS)
def test_each_kind_is_written_natively_in_the_recipients_language(lang, base, kind):
    draft = outreach.compose(kind, PROFILE, OBJECTIVE, _contact(base, kind))
    text = "\n".join([draft.subject, draft.body, draft.forwardable])
    for marker in MARKERS[lang][kind]:
        assert marker in text, (marker, text)
    assert "I'm exploring" not in text and "Would you" not in text and "Hi " not in text
    if kind not in ("voicemail", "linkedin_note"):
        assert draft.subject
    if lang == "zh":
        assert " 您" not in draft.body  # no spaces between Chinese sentences
        assert "伟您好" not in draft.body.replace("李伟您好", "")  # never the given name alone


@pytest.mark.parametrize("lang, base", [("es", SPANISH), ("zh", CHINESE)])
@pytest.mark.parametrize("kind", outreach.DRAFT_KINDS)
def test_each_draft_keeps_its_languages_length(lang, base, kind):
    long_org = "Organización Internacional de Investigación " * 3
    contact = _contact(base, kind, organization=long_org, position="analista " * 8)
    draft = outreach.compose(kind, PROFILE, OBJECTIVE, contact)
    if kind == "linkedin_note":
        assert outreach.utf16_len(draft.body) <= outreach.LINKEDIN_LIMITS["free"]
    else:
        limit = outreach.LENGTH_LIMITS[lang][kind][0]
        assert outreach.draft_length(draft.body, lang) <= limit


@pytest.mark.parametrize("lang, base", [("es", SPANISH), ("zh", CHINESE)])
@pytest.mark.parametrize("kind", ["request_direct", "request_cold", "follow_up"])
def test_a_composed_draft_passes_its_own_languages_checks(lang, base, kind):
    contact = _contact(base, kind)
    draft = outreach.compose(kind, PROFILE, OBJECTIVE, contact)
    findings = request_check.check_request(
        draft.body, profile=PROFILE, objective=OBJECTIVE, contact=contact, kind=kind,
        language=lang, sender=PROFILE.email,
    )  # fmt: skip
    serious = [f for f in findings if f.severity != "info" and f.rule != "R3"]
    assert serious == [], serious


def test_the_language_follows_the_contact_then_the_workbook():
    plain = Contact("Priya", "Raman", organization="Shopify")
    english = outreach.compose("request_direct", PROFILE, OBJECTIVE, plain)
    assert english.body.startswith("Hi Priya,")
    with i18n.using("es"):  # the workbook in Spanish: a contact without a language gets Spanish
        assert outreach.compose("request_direct", PROFILE, OBJECTIVE, plain).body.startswith(
            "Buenos días, Priya Raman:"
        )
        chinese = Contact("Wei", "Li", language="zh")
        assert "您好" in outreach.compose("request_direct", PROFILE, OBJECTIVE, chinese).body
    override = outreach.compose("request_direct", PROFILE, OBJECTIVE, SPANISH, language="en")
    assert override.body.startswith("Hi María,")


def test_english_is_unchanged_by_the_address_choice():
    plain = Contact("Priya", "Raman", organization="Shopify")
    a = outreach.compose("request_direct", PROFILE, OBJECTIVE, plain)
    b = outreach.compose("request_direct", PROFILE, OBJECTIVE, plain, address="ms")
    assert a == b


@pytest.mark.parametrize(
    "base, address, title, greeting",
    [
        (SPANISH, "ms", "", "Estimada Sra. García:"),
        (SPANISH, "title", "Dra.", "Buenos días, Dra. García:"),
        (Contact("Juan", "de la Cruz", language="es"), "mr", "", "Estimado Sr. de la Cruz:"),
        (CHINESE, "mr", "", "李先生您好："),
        (CHINESE, "ms", "", "李女士您好："),
        (CHINESE, "title", "经理", "李经理您好："),
    ],
)
def test_the_chosen_address_opens_the_draft(base, address, title, greeting):
    draft = outreach.compose("request_cold", PROFILE, OBJECTIVE, base, address=address, title=title)
    assert draft.body.splitlines()[0] == greeting
    note = thanks.compose_thanks(PROFILE, base, address=address, title=title)
    assert note.body.splitlines()[0] == greeting


def test_the_goal_in_the_drafts_language_is_the_topic():
    es = outreach.compose("request_direct", PROFILE, OBJECTIVE, SPANISH)
    assert "sobre todo cómo es un día normal de un científico de datos" in es.body
    zh = outreach.compose("request_direct", PROFILE, OBJECTIVE, CHINESE)
    assert "特别是数据科学家的日常工作" in zh.body
    only_english = Objective(goals=["Learn how data teams decide what to build"], kinds=["role"])
    es = outreach.compose("request_direct", PROFILE, only_english, SPANISH)
    assert "cómo es una semana normal en su puesto" in es.body  # not an English phrase


@pytest.mark.parametrize("lang, base", [("es", SPANISH), ("zh", CHINESE)])
def test_thanks_drafts_in_the_recipients_language(lang, base):
    note = thanks.compose_thanks(PROFILE, base)
    card = thanks.compose_thanks(PROFILE, base, card=True)
    intro = thanks.compose_intro_thanks(PROFILE, "Luis Pérez", base)
    update = thanks.compose_update(PROFILE, base)
    words = {"es": ("Gracias", "gracias"), "zh": ("感谢", "谢谢")}[lang]
    for draft in (note, card, intro, update):
        assert any(w in draft.body for w in words) or draft is update
        assert "Thank you" not in draft.body and "[something" not in draft.body
        assert "[" in draft.body  # the placeholders, in the draft's language
    assert note.subject and intro.subject and update.subject and not card.subject
    assert note.to == base.email


def test_english_thanks_are_unchanged():
    contact = Contact("Priya", "Raman", organization="Shopify")
    with i18n.using("es"):
        spanish_workbook = thanks.compose_thanks(PROFILE, contact, language="en")
    assert spanish_workbook == thanks.compose_thanks(PROFILE, contact)
    assert spanish_workbook.body.startswith("Hi Priya,")
    assert thanks.SPECIFIC_PLACEHOLDER in spanish_workbook.body


@pytest.mark.parametrize("lang", ["es", "zh"])
@pytest.mark.parametrize("kind", outreach.DRAFT_KINDS)
def test_hostile_values_stay_literal_in_every_language(lang, kind):
    contact = _contact(
        Contact(language=lang), kind, first_name="{{7*7}}", last_name="{% raw %}",
        organization="<script>\nx", position="a\x00b",
    )  # fmt: skip
    draft = outreach.compose(kind, PROFILE, OBJECTIVE, contact)
    text = draft.subject + draft.body + draft.forwardable
    assert "49" not in text and "{{7*7}}" in text and "\x00" not in draft.subject
    assert "\n" not in draft.subject


# ----------------------------------------------------------------- the draft editor


@pytest.fixture
def demo_ws(ws):
    from infoint.demo import apply_persona

    apply_persona(ws)
    rows = ws.rows("contacts")
    first = next(r for r in rows if r["first_name"] == "Amara")
    ws.write(updates={"contacts": [(first["id"], {"target": 1, "language": "es"})]})
    return ws


def _page(ws):
    from infoint.ui.outreach import OutreachPage

    page = OutreachPage(ws, now=datetime(2026, 3, 10, 14, 0, tzinfo=UTC))
    page.person.value = next(v for label, v in page.person.options if "Amara" in label)
    return page


def test_the_editor_writes_in_the_contacts_language_and_offers_a_change(demo_ws):
    page = _page(demo_ws)
    editor = page.draft_editor
    assert editor.written_in.value == "es"
    assert page.body.value.startswith("Buenos días, Amara") or page.body.value.startswith("Hola")
    assert "Spanish" in editor.language_hint.value and "Español" not in editor.language_hint.value
    assert editor.address.layout.display is None
    editor.address.value = "ms"
    assert page.body.value.splitlines()[0].startswith("Estimada Sra.")
    editor.written_in.value = "zh"
    assert "您好" in page.body.value.splitlines()[0]
    editor.written_in.value = "en"
    assert page.body.value.startswith("Hi Amara,")
    assert editor.address.layout.display == "none"


def test_the_editor_speaks_the_participants_language(demo_ws):
    with i18n.using("zh"):
        page = _page(demo_ws)
        editor = page.draft_editor
        assert editor.written_in.description == "撰写语言"
        assert editor.address.description == "如何称呼对方"
        assert "草稿" in editor.language_hint.value
        assert page.body.value.startswith(("Buenos días", "Hola"))  # the draft stays Spanish


def test_the_editor_in_the_pseudo_language_marks_its_labels(demo_ws):
    with i18n.using(i18n.PSEUDO):
        editor = _page(demo_ws).draft_editor
        for widget in (editor.written_in, editor.address, editor.title, editor.kind):
            assert widget.description.startswith(i18n.PSEUDO_OPEN)
        assert all(label.startswith(i18n.PSEUDO_OPEN) for label, _ in editor.address.options)


# ----------------------------------------------------------------- every draft passes its checks

ENGLISH = Contact(
    "Priya", "Raman", email="priya.raman@example.ca", organization="Shopify",
    position="data scientist", location="Toronto", language="en",
)  # fmt: skip
OBJECTIVES = {  # what a participant writing in each language would put in step 1
    "en": Objective(
        field_of_interest="data science", roles=["data scientist"],
        goals=["Learn how data teams decide what to build"], kinds=["role"],
    ),
    "es": Objective(
        field_of_interest="ciencia de datos", roles=["científica de datos"],
        goals=["Quiero saber cómo es un día normal de un científico de datos"], kinds=["role"],
    ),
    "zh": Objective(
        field_of_interest="数据科学", roles=["数据科学家"],
        goals=["了解数据科学家的日常工作"], kinds=["role"],
    ),
}  # fmt: skip
BASES = {"en": ENGLISH, "es": SPANISH, "zh": CHINESE}
THANKS_VALUES = {  # (specific, suggestion, what you did, the introduction's outcome, progress)
    "en": (
        "your advice on analysis projects", "the book you recommended",
        "I've ordered it and will read it this week",
        "she suggested a portfolio review, and I've booked one",
        "I finished the course you recommended",
    ),
    "es": (
        "su consejo sobre los proyectos de análisis", "el libro que me recomendó",
        "ya lo he pedido y lo leeré esta semana",
        "me sugirió revisar mi portafolio y ya lo he hecho",
        "he terminado el curso que me recomendó",
    ),
    "zh": (
        "您关于数据分析项目的建议", "您推荐的那本书", "我已经买了，这周就读",
        "她建议我完善作品集，我已经做了", "我完成了您推荐的课程",
    ),
}  # fmt: skip


def _serious(findings):
    return [(f.rule, f.severity, f.message, f.subject) for f in findings if f.severity != "info"]


@pytest.mark.parametrize("attempt", [1, 2, 3])
@pytest.mark.parametrize("kind", outreach.DRAFT_KINDS)
@pytest.mark.parametrize("lang", ["es", "zh", "en"])
def test_every_request_the_workbook_writes_passes_its_own_checks(lang, kind, attempt):
    contact, objective = _contact(BASES[lang], kind), OBJECTIVES[lang]
    draft = outreach.compose(kind, PROFILE, objective, contact, attempt=attempt)
    text = draft.body  # an introduction request quotes its forwardable note in the body
    assert not draft.forwardable or draft.forwardable in text
    findings = request_check.check_request(
        text, profile=PROFILE, objective=objective, contact=contact, kind=kind,
        language=lang, sender=PROFILE.email,
    )  # fmt: skip
    assert _serious(findings) == [], text


@pytest.mark.parametrize("lang", ["es", "zh", "en"])
def test_every_thank_you_the_workbook_writes_passes_its_own_checks(lang):
    from infoint import thanks_check

    contact = BASES[lang]
    specific, suggestion, status, outcome, progress = THANKS_VALUES[lang]
    known = [contact.first_name, contact.last_name, contact.organization, PROFILE.name, "Luis"]
    notes = (
        (thanks.compose_thanks(PROFILE, contact, specific=specific, suggestion=suggestion,
                               suggestion_status=status), "thanks", [specific], [suggestion]),
        (thanks.compose_thanks(PROFILE, contact, specific=specific, suggestion=suggestion,
                               suggestion_status=status, card=True), "card", [specific],
         [suggestion]),
        (thanks.compose_intro_thanks(PROFILE, "Luis Pérez", contact, outcome=outcome),
         "intro_thanks", [outcome], []),
        (thanks.compose_update(PROFILE, contact, progress=progress), "update", [progress], []),
    )  # fmt: skip
    for draft, kind, hints, suggestions in notes:
        findings = thanks_check.check_thanks(
            draft.body, kind=kind, specific_hints=hints, suggestion_hints=suggestions,
            known_words=known, language=lang,
        )  # fmt: skip
        assert _serious(findings) == [], (kind, draft.body)


@pytest.mark.parametrize(
    "lang, text, rule",
    [
        ("es", "Me adapto al momento que mejor le venga.", "R4"),
        ("es", "Le escribo por última vez sobre mis mensajes anteriores.", "R7"),
        ("zh", "我想应聘这个岗位。", "R2"),
    ],
)
def test_the_phrases_the_templates_use_are_understood(lang, text, rule):
    from infoint import request_words_es, request_words_zh

    folded = text.lower().replace("ú", "u")
    if rule == "R4":
        assert request_words_es.FLEXIBLE_RE.search(folded)
    elif rule == "R7":
        assert request_words_es.FOLLOW_UP_REF_RE.search(folded)
    else:
        assert any(p.search(folded) for p in request_words_zh.JOB_ASK_RES)


def test_sentences_name_the_language_in_the_pages_language(demo_ws):
    with i18n.using("es"):
        editor = _page(demo_ws).draft_editor
        assert "Tu borrador está en español." in editor.language_hint.value
        assert ("Español", "es") in editor.written_in.options  # the picker keeps the endonym
    with i18n.using("zh"):
        editor = _page(demo_ws).draft_editor
        assert "西班牙文" in editor.language_hint.value and "Español" not in (
            editor.language_hint.value
        )


def test_the_checker_judges_the_text_in_the_language_it_is_written_in(demo_ws):
    page = _page(demo_ws)
    editor = page.draft_editor
    editor.written_in.value = "zh"
    assert "No spell check runs on Chinese text" in page.findings.value
    english = outreach.compose("request_direct", PROFILE, OBJECTIVE, page.contact, language="en")
    page.body.value = english.body  # typed in English under the Chinese choice
    assert editor.written_in.value == "zh"
    assert "No spell check runs on Chinese text" not in page.findings.value  # judged as English


def test_the_send_advice_names_places_not_zone_ids(demo_ws):
    from infoint.ui.draft_words import send_time_line

    madrid = Contact("María", "García", location="Madrid")
    at = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
    with i18n.using("es"):
        line = send_time_line(at, "America/Toronto", madrid)
        assert "Madrid" in line and "America/" not in line and "Europe/" not in line
        own = send_time_line(at, "America/Toronto", Contact("Ana", "Ruiz"))
        assert "Toronto" in own and "America/Toronto" not in own
    with i18n.using("zh"):
        assert "America/" not in send_time_line(at, "America/Toronto", Contact("伟", "李"))
    assert "(Times are in America/Toronto.)" in send_time_line(
        at, "America/Toronto", Contact("Priya", "Raman")
    )  # English as it was
    page = _page(demo_ws)
    with i18n.using("es"):
        page.draft_editor.update_feedback()
        assert "America/" not in page.draft_editor.advice.value


@pytest.mark.parametrize("lang", ["en", "es", "zh"])
def test_the_phone_placeholder_of_each_language_counts_as_the_number(lang):
    """R7 counts the voicemail's number; a draft written before the profile has one carries the
    placeholder in its own language, which must count too."""
    from infoint.i18n import translate
    from infoint.request_words import PHONE_RE
    from infoint.text import fold

    placeholder = translate(lang, outreach.PHONE_PLACEHOLDER)
    assert placeholder.startswith("[") and PHONE_RE.fullmatch(fold(placeholder))
