"""Mixed-language text in the people checks (issue 16): a Chinese thank-you naming an English
tool, a Spanish note with English terms, a Spanish goal with an English job title, hints in one
language and the note in another, and the participant's language apart from the note's."""

from __future__ import annotations

import pytest

from infoint import i18n
from infoint.goals import check_goal
from infoint.thanks_check import check_thanks

NOT_HINTED = "It doesn't mention anything from your notes"
GENERIC = "This reads like a note anyone could send"
NO_THANKS = "It doesn't actually say thank you."


def mine(text, **kwargs):
    return [f.message for f in check_thanks(text, **kwargs) if f.rule in ("S2", "S3", "S4")]


def has(messages, start):
    return any(start in m for m in messages)


@pytest.mark.parametrize(
    "text",
    [
        "李女士您好，谢谢您分享用Tableau做可视化看板的经验。",
        "感谢您推荐我学Tableau，我这周开始看官方教程。",
        "谢谢您！您讲的Tableau dashboard设计思路对我很有启发。",
        "非常感谢您介绍怎么用Tableau给客户做周报。",
    ],
)
def test_chinese_note_naming_an_english_tool_meets_english_hints(text):
    hints = ["She recommended learning Tableau for client dashboards"]
    assert not has(mine(text, specific_hints=hints), NOT_HINTED)


def test_chinese_note_meets_chinese_hints_with_an_english_word():
    hints = ["推荐学Figma做原型"]
    assert not has(mine("谢谢您！我已经开始用Figma画原型了。", specific_hints=hints), NOT_HINTED)
    assert has(mine("谢谢您的时间和耐心。", specific_hints=hints), NOT_HINTED)


@pytest.mark.parametrize(
    "text",
    [
        "Muchas gracias por explicarme cómo usas Power BI en los reportes de ventas.",
        "Gracias por la charla sobre el onboarding de clientes en la startup.",
        "Te agradezco los tips sobre cómo preparar el case interview de consultoría.",
    ],
)
def test_spanish_note_with_english_terms_is_specific(text):
    assert not has(mine(text), GENERIC)
    assert not has(mine(text), NO_THANKS)


def test_spanish_note_meets_english_hints_through_shared_terms():
    hints = ["Power BI dashboards for the sales team"]
    text = "Muchas gracias por enseñarme tus dashboards de Power BI."
    assert not has(mine(text, specific_hints=hints), NOT_HINTED)


def test_note_language_is_guessed_each_time():
    # Chinese note, Spanish note, English note: each with its own word lists.
    assert not has(mine("非常感谢您介绍医院药剂科的轮班制度。"), NO_THANKS)
    assert not has(mine("Gracias por explicarme los turnos de farmacia."), NO_THANKS)
    assert not has(mine("Thank you for explaining the pharmacy shifts."), NO_THANKS)


def test_english_thanks_inside_a_chinese_note_counts():
    assert not has(mine("王经理，thank you! 您讲的审计流程很有用。"), NO_THANKS)


def test_explicit_language_wins_over_the_guess():
    # A very short Spanish note the guess can't place: the caller knows its recipient's language.
    assert not has(mine("¡Gracias!", language="es"), NO_THANKS)


@pytest.mark.parametrize(
    "goal, language",
    [
        ("Qué habilidades necesita un UX designer junior", "es"),
        ("Cómo es el día a día de un product manager en una startup", None),
        ("Qué hace un data engineer en su primer año", "es"),
        ("Product manager每天的工作内容是什么", None),
        ("Data scientist需要掌握哪些工具", "zh"),
    ],
)
def test_goals_with_english_job_titles_are_concrete(goal, language):
    assert check_goal(goal, language) == []


@pytest.mark.parametrize(
    "goal, language",
    [
        ("Conseguir un internship en Google", "es"),
        ("Preguntar si hay job openings en su equipo", "es"),
        ("找一份software engineer的工作", "zh"),
        ("问问有没有open positions", "zh"),
    ],
)
def test_mixed_job_asks_are_flagged(goal, language):
    assert check_goal(goal, language)[0].message.startswith("This sounds like asking for a job")


def test_participant_language_differs_from_the_note():
    # A workbook in Chinese; a note written in Spanish to a Spanish-speaking contact.
    with i18n.using("zh"):
        found = check_thanks("Hola, nos vemos pronto.", kind="thanks", language="es")
    thanks = next(f for f in found if f.rule == "S2" and "谢谢" in f.message)
    assert "Gracias por" in thanks.fix  # the example phrase is in the note's language
    with i18n.using("es"):
        found = check_thanks("Hi, see you soon.", kind="thanks", language="en")
    thanks = next(f for f in found if f.message == "En realidad no da las gracias.")
    assert "Thank you for" in thanks.fix
