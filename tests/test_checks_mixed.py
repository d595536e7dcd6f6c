"""Drafts that mix languages, and advice in one language about a draft in another: a Spanish
note with English job titles, a Chinese one naming English companies, an English note with one
Spanish sentence; the participant's language for the reasons, the draft's for the examples."""

from __future__ import annotations

import pytest
from test_checks_request_es import GOOD as SPANISH
from test_checks_request_es import OBJECTIVE as SPANISH_OBJECTIVE
from test_checks_request_es import draft as spanish_draft
from test_checks_request_zh import GOOD as CHINESE
from test_checks_request_zh import OBJECTIVE as CHINESE_OBJECTIVE
from test_checks_request_zh import draft as chinese_draft
from test_request_check import GOOD as ENGLISH
from test_request_check import OBJECTIVE, PROFILE

from infoint import i18n
from infoint.records import Objective
from infoint.request_check import check_request, draft_language
from infoint.spelling import typo_findings

KNOWN = ["Priya Raman", "Sam Lee", "Javier Soto", "López", "Falabella"]


def check(text, objective=OBJECTIVE, **kwargs):
    kwargs.setdefault("known_words", KNOWN)
    return check_request(text, profile=PROFILE, objective=objective, **kwargs)


def blocking(findings):
    return [f for f in findings if f.severity in ("error", "warning")]


def r2(findings):
    return [f.severity for f in findings if f.rule == "R2"]


def test_each_language_is_guessed_from_the_draft():
    assert draft_language(ENGLISH) == "en"
    assert draft_language(SPANISH) == "es"
    assert draft_language(CHINESE) == "zh"
    assert draft_language(SPANISH, "en") == "en"  # the caller's word wins
    assert draft_language(ENGLISH, "xx") == "en"  # an unknown one is guessed


def test_english_checks_are_the_same_whether_the_language_is_given_or_guessed():
    for text in (ENGLISH, ENGLISH.replace("20-minute ", ""), ENGLISH + " Are you hiring?"):
        assert check(text) == check(text, language="en")


# ----------------------------------------------------------------- Spanish with English words

SPANISH_WITH_ENGLISH = [
    "Me interesa mucho el rol de Product Manager en empresas de retail.",
    "Estoy haciendo un curso de data science y me gustaría saber cómo lo aplican.",
    "Me gustaría entender qué hace un Business Analyst en su equipo.",
    "He leído sobre el supply chain planning de Falabella.",
    "¿Cómo es el onboarding de un analista junior?",
    "Trabajé con Power BI y un poco de Python en mis prácticas.",
    "Me interesa la diferencia entre un Data Scientist y un analista de datos.",
    "Me gustaría saber cómo es trabajar en remote con equipos de otros países.",
]


@pytest.mark.parametrize("sentence", SPANISH_WITH_ENGLISH)
def test_english_titles_in_a_spanish_draft_are_not_typos(sentence):
    text = spanish_draft(extra=sentence)
    assert draft_language(text) == "es"
    found = check(text, objective=SPANISH_OBJECTIVE)
    assert [f for f in found if f.rule == "R3" and f.severity == "warning"] == []
    assert r2(found) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "¿Tienen algún internship opening para el verano?",
        "¿Podría darme un employee referral para la vacante?",
        "¿Me podría pasar mi CV a recursos humanos para el puesto de Data Analyst?",
        "¿Están hiring para el equipo de Product?",
    ],
)
def test_a_job_ask_half_in_english_is_found_in_a_spanish_draft(sentence):
    found = check(spanish_draft(extra=sentence), objective=SPANISH_OBJECTIVE)
    assert r2(found) == ["error"], sentence


# ----------------------------------------------------------------- Chinese with English names


@pytest.mark.parametrize(
    ("link", "extra"),
    [
        ("我在Google的官网上看到了您的介绍。", "我对Google的数据分析工作很好奇。"),
        ("经Shopify的张伟介绍,得知您负责数据分析。", "我学过一些Python和SQL。"),
        ("我在LinkedIn上看到您的经历。", "我想了解Product Analyst的日常工作。"),
        ("通过McKinsey的校友活动认识了您的同事。", "您在McKinsey做过哪些数据分析项目?"),
    ],
)
def test_a_chinese_draft_naming_english_companies_stays_chinese(link, extra):
    text = chinese_draft(link=link, extra=extra)
    assert draft_language(text) == "zh"
    found = check(text, objective=CHINESE_OBJECTIVE)
    assert blocking(found) == []
    assert [f.message for f in found if f.rule == "R3"] == [
        "No spell check runs on Chinese text: read it once aloud before sending."
    ]


@pytest.mark.parametrize(
    "sentence",
    ["请问Google有没有HC?", "能不能帮我内推到Amazon?", "您的经历太amazing了,真的是legend!"],
)
def test_english_words_next_to_chinese_are_still_read(sentence):
    found = check(chinese_draft(extra=sentence), objective=CHINESE_OBJECTIVE)
    assert r2(found) in (["error"], ["warning"]), sentence


# ---------------------------------------------------------- English with one Spanish sentence


def test_a_spanish_job_ask_in_an_english_draft_is_found():
    text = ENGLISH.replace("Thank you,", "¿Tienen vacantes en su equipo?\n\nThank you,")
    assert draft_language(text) == "en"
    assert r2(check(text)) == ["error"]


def test_a_spanish_sentence_in_an_english_draft_is_spelled_in_spanish():
    text = ENGLISH.replace("Thank you,", "Muchas gracias por su tiempo y su ayuda.\n\nThank you,")
    assert [f for f in check(text) if f.rule == "R3"] == []
    typo = ENGLISH.replace("Thank you,", "Le agradezco mucho su informacion.\n\nThank you,")
    found = [f for f in check(typo) if f.rule == "R3"]
    assert [(f.severity, f.subject) for f in found] == [("warning", "informacion")]
    assert "\u201cinformación\u201d" in found[0].fix


def test_a_chinese_thank_you_in_an_english_draft_is_left_alone():
    text = ENGLISH.replace("Thank you,", "谢谢您!\n\nThank you,")
    assert draft_language(text) == "en"
    assert blocking(check(text)) == []
    assert typo_findings("Thanks again. 谢谢您!", set(), "en") == []


def test_an_english_draft_to_a_spanish_objective_still_finds_its_words():
    # the objective written in Spanish, the draft in Spanish: its words are compared folded
    objective = Objective(field_of_interest="logística", goals=["planificación de la demanda"])
    assert not any(
        f.message.startswith("It doesn't say what you want to learn")
        for f in check(SPANISH, objective=objective)
    )


# ----------------------------------------------------------------- whose language says what


def test_a_spanish_workbook_gets_spanish_advice_about_an_english_draft():
    bad = ENGLISH.replace("Priya Raman suggested I contact you. ", "")
    with i18n.using("es"):
        found = check(bad)
    opening = [f for f in found if f.rule == "R1" and "vínculo" in f.message + f.fix]
    assert len(opening) == 1
    assert opening[0].message.startswith("El comienzo no dice cómo conseguiste su nombre")
    # the example is in the draft's language: words to put into an English note
    assert "'Sam Lee suggested I contact you'" in opening[0].fix


def test_an_english_workbook_gets_spanish_examples_for_a_spanish_draft():
    found = check(spanish_draft(intro="", link="Espero que esté bien."), language="es")
    opening = [f for f in found if f.message.startswith("The opening doesn't say")]
    assert len(opening) == 1
    assert "«Javier Soto me sugirió que le escribiera»" in opening[0].fix
    assert opening[0].fix.startswith("Start with the link, for example: ")


def test_a_chinese_workbook_gets_chinese_advice_with_spanish_examples():
    text = spanish_draft(ask="Me encantaría hablar con usted.")
    with i18n.using("zh"):
        found = check(text, objective=SPANISH_OBJECTIVE, language="es")
    question = [f for f in found if f.rule == "R1" and "明确" in f.message]
    assert len(question) == 1
    assert "«¿Tendría 20 minutos para una llamada la próxima semana?»" in question[0].fix


def test_every_message_is_translated_in_both_languages():
    drafts = [
        ENGLISH.replace("Priya Raman suggested I contact you. ", "") + " Are you hiring? Genius!",
        spanish_draft(flex="", ask="Quiero hablar una hora con usted.", extra="Busco trabajo."),
        chinese_draft(link="", flex="", extra="请问有没有职位空缺?我非常崇拜您。" * 8),
        "",
    ]
    for language in ("es", "zh"):
        for text in drafts:
            english = check(text, kind="follow_up")
            with i18n.using(language):
                translated = check(text, kind="follow_up")
            assert len(english) == len(translated)
            for a, b in zip(english, translated, strict=True):
                assert a.message != b.message, (language, a.message)
                assert a.fix == b.fix == "" or a.fix != b.fix, (language, a.fix)


@pytest.mark.parametrize("language", ["es", "zh", None])
def test_hostile_text_in_any_language_gives_findings_and_never_raises(language):
    from test_request_check import HOSTILE_TEXT

    from infoint.records import Finding

    extra = ["¿" * 50_000, "您" * 100_000, "我在" * 50_000, "informacion " * 10_000, "经" * 99_999]
    for text in [*HOSTILE_TEXT, *extra]:
        found = check(text, language=language)
        assert isinstance(found, list) and all(isinstance(f, Finding) for f in found)
        assert not any(f.message == "This message could not be checked completely." for f in found)
