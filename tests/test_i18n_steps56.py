"""Steps 5 and 6 in Spanish and Chinese: findings, comparison sentences, agenda lines,
reminders, event labels and the two pages speak the participant's language; English is as
it always was; every string of these steps is in both catalogs."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from infoint import catalogs, i18n
from infoint import debrief as db
from infoint.action_items import ActionItem, action_agenda, check_action_item
from infoint.comparison import compare
from infoint.events import EVENT_KINDS, THANKS_SENT, Event
from infoint.records import Contact
from infoint.referrals import Referral, referral_contacts
from infoint.stay_in_touch import stay_in_touch_calendar, stay_in_touch_reminders
from infoint.thanks_log import set_cadence
from infoint.ui.thanks_table import moment_text, status_label

PACKAGE = Path(i18n.__file__).resolve().parent
FILES = [
    PACKAGE / name
    for name in (
        "ui/debrief.py",
        "ui/meeting_form.py",
        "ui/notes.py",
        "ui/action_items.py",
        "ui/referrals.py",
        "ui/thanks.py",
        "ui/thanks_table.py",
        "ui/comparison_table.py",
        "debrief.py",
        "comparison.py",
        "referrals.py",
        "action_items.py",
        "thanks_log.py",
        "stay_in_touch.py",
        "events.py",
    )
]
NOW = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
LANGUAGES = ("es", "zh")
# English words that give a sentence away as untranslated (none is a name used below).
ENGLISH = re.compile(
    r"\b(the|your|you|with|and|from|meeting|rate|write|talk|next|more|date|update)\b", re.I
)
HAN = re.compile(r"[\u4e00-\u9fff]")


def english_left(text: str) -> list[str]:
    return ENGLISH.findall(text)


def speaks(code: str, text: str) -> bool:
    """``text`` reads as ``code``: no English giveaway; Chinese has Han characters, Spanish
    has none."""
    if english_left(text):
        return False
    return bool(HAN.search(text)) == (code == "zh")


def people() -> dict[int, Contact]:
    amara = Contact(
        id=1, first_name="Amara", last_name="Osei", organization="Tidewater", position="UX Lead"
    )
    rosa = Contact(
        id=2, first_name="Rosa", last_name="Delgado", organization="Innkeep", position="Researcher"
    )
    nadia = Contact(
        id=3, first_name="Nadia", last_name="Okafor", organization="Harbour", referred_by=1
    )
    lee = Contact(id=4, first_name="Li", last_name="Wei", referred_by=2)
    return {c.id: c for c in (amara, rosa, nadia, lee)}


def debriefs() -> list[db.Debrief]:
    return [
        db.Debrief(1, 1, insights="Portfolio review matters.", role_fit=5, org_fit=5),
        db.Debrief(2, 1, insights="Portfolio review again.", role_fit=4, org_fit=4),
        db.Debrief(3, 2, insights="Portfolio review, yes.", role_fit=2, org_fit=1),
        db.Debrief(4, 2, insights="", role_fit=None, org_fit=2),
    ]


# ----------------------------------------------------------------- the catalogs


def test_every_string_of_steps_5_and_6_is_translated_in_both_languages():
    assert catalogs.check(FILES) == []


def test_no_translation_is_marked_inside_an_f_string():
    """Babel's extractor can't see ``_()`` inside an f-string: the string would stay English."""
    inside = re.compile(r"""f(["']).*\{[^}]*\b_\(""")
    found = [
        f"{path.name}:{n}"
        for path in FILES
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if inside.search(line)
    ]
    assert found == []


# ----------------------------------------------------------------- D1, D2, D4 findings


@pytest.mark.parametrize("code", LANGUAGES)
def test_debrief_findings_are_in_the_participants_language(code):
    empty = db.Debrief(1, 1, role_fit="seven")
    with i18n.using(code):
        found = db.check_debrief(empty, ["How did you start?", "What do you look for?"])
    assert {f.rule for f in found} == {"D1", "D2"}
    assert len(found) == 6  # two questions, insights, reflection, two ratings
    for f in found:
        assert speaks(code, f.message), f.message
        assert speaks(code, f.fix), f.fix
    # the question itself is the participant's own words, kept as typed
    assert found[0].subject == "How did you start?"


def test_debrief_findings_in_english_are_as_before():
    found = db.check_debrief(db.Debrief(1, 1, insights="x", org_fit=3), [])
    assert [f.message for f in found] == [
        "Take a few minutes to reflect on the meeting: it is how each conversation changes your "
        "next step.",
        "Rate how well the role fits you, from 1 to 5, so you can compare your meetings side by "
        "side.",
    ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_reflection_questions_are_translated_where_shown(code):
    with i18n.using(code):
        shown = [i18n._(q) for _key, q in db.REFLECTION_QUESTIONS]
    assert all(speaks(code, q) for q in shown), shown
    assert all(q.endswith(("?", "？")) for q in shown)
    # the stored keys never change
    assert [k for k, _q in db.REFLECTION_QUESTIONS][0] == "field"


@pytest.mark.parametrize(
    "item",
    [
        ActionItem(""),
        ActionItem("Read it", due="soon"),
        ActionItem("Read it", due="2026-03-01"),
    ],
)
@pytest.mark.parametrize("code", LANGUAGES)
def test_action_item_findings_are_translated(code, item):
    with i18n.using(code):
        found = check_action_item(item, date(2026, 3, 10))
    assert found
    for f in found:
        assert speaks(code, f.message) and speaks(code, f.fix), (f.message, f.fix)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "Action item from your meeting with Amara Osei: Read the book"),
        ("es", "Tarea de tu reunión con Amara Osei: Read the book"),
        ("zh", "来自与Amara Osei会面的待办事项：Read the book"),
    ],
)
def test_agenda_lines_of_action_items(code, expected):
    items = [
        ActionItem("Read the book", due="2026-03-12", contact_id=1),
        ActionItem("", "2026-03-12"),
    ]
    with i18n.using(code):
        agenda = action_agenda(items, NOW, "America/Toronto", {1: "Amara Osei"})
    assert expected in [a.text for a in agenda]
    assert any(a.text.endswith(i18n.translate(code, "(no description)")) for a in agenda)


# ----------------------------------------------------------------- D5 the comparison


@pytest.mark.parametrize("code", LANGUAGES)
def test_comparison_suggestions_are_whole_sentences_in_the_language(code):
    with i18n.using(code):
        result = compare(debriefs(), people(), contacted={1, 2})
    assert len(result.suggestions) >= 6
    for tip in result.suggestions:
        # names and organizations stay as typed; the sentence around them is translated
        plain = re.sub(
            r"Amara|Osei|Rosa|Delgado|Nadia|Okafor|Li|Wei|Tidewater|Innkeep|Harbour", "", tip
        )
        plain = re.sub(r"UX Lead|Researcher|portfolio review|“[^”]*”", "", plain)
        assert speaks(code, plain), tip


def test_comparison_numbers_and_lists_follow_the_language():
    with i18n.using("es"):
        es = compare(debriefs(), people(), contacted={1, 2}).suggestions
    with i18n.using("zh"):
        zh = compare(debriefs(), people(), contacted={1, 2}).suggestions
    en = compare(debriefs(), people(), contacted={1, 2}).suggestions
    assert any("4.5/5 on average" in t for t in en)
    assert any("4,5/5 de media" in t for t in es)
    assert any("平均 4.5/5" in t for t in zh)
    assert any(
        "Both meetings at Tidewater rated the organization 4.5/5 on average" in t for t in en
    )
    assert any(t.startswith("Tus dos reuniones en Tidewater") for t in es)
    assert any("Talk to Nadia Okafor at Harbour next: Amara Osei suggested them." == t for t in en)
    assert any(t == "Habla después con Li Wei: te lo sugirió Rosa Delgado." for t in es)
    assert any(t == "接下来和Harbour的Nadia Okafor聊聊：Amara Osei推荐了这个人。" for t in zh)


def test_three_themes_are_joined_as_each_language_does():
    notes = [
        "Portfolio review, case study and hiring freeze.",
        "Portfolio review, case study, hiring freeze.",
    ]
    ds = [db.Debrief(i, 1, insights=n, role_fit=3, org_fit=3) for i, n in enumerate(notes)]
    en = compare(ds, people()).suggestions
    with i18n.using("es"):
        es = compare(ds, people()).suggestions
    with i18n.using("zh"):
        zh = compare(ds, people()).suggestions
    assert any(", “" in t and "” and “" in t for t in en)
    assert any("” y “" in t for t in es)
    assert any("”和“" in t for t in zh)


def test_spanish_small_words_are_not_themes():
    notes = [
        "Para ellos la revisión del portafolio es lo que más pesa, más que los títulos.",
        "Me dijo que para entrar la revisión del portafolio es clave y que los títulos no.",
    ]
    ds = [db.Debrief(i, 1, insights=n) for i, n in enumerate(notes)]
    themes = [t for t, _n in compare(ds, {}).recurring]
    assert {"portafolio", "revision", "titulos"} <= set(themes)
    assert not {"para", "que", "los", "del", "es", "lo"} & set(themes)


# ----------------------------------------------------------------- D3, S4 and the event labels


@pytest.mark.parametrize("code", LANGUAGES)
def test_referrals_read_in_the_participants_language(code):
    amara = people()[1]
    with i18n.using(code):
        plan = referral_contacts([Referral("Nadia"), Referral(""), Referral("Nadia")], amara)
    [(_line, nadia)] = plan.contacts
    assert "Amara Osei" in nadia.warm_reason and not english_left(nadia.warm_reason)
    assert [line for line, _why in plan.skipped] == [2, 3]
    assert all(not english_left(why) for _line, why in plan.skipped)


def test_referral_wording_in_english_is_as_before():
    plan = referral_contacts([Referral("Nadia")], people()[1])
    assert plan.contacts[0][1].warm_reason == "referred by Amara Osei"


def _thanked() -> tuple[list[Contact], dict[int, list[Event]]]:
    amara = people()[1]
    at = NOW - timedelta(days=100)
    return [amara], {1: [Event(1, at, THANKS_SENT, 1, {})]}


@pytest.mark.parametrize("code", LANGUAGES)
def test_stay_in_touch_reminders_are_in_the_participants_language(code):
    contacts, events = _thanked()
    with i18n.using(code):
        [reminder] = stay_in_touch_reminders(contacts, events, NOW, "America/Toronto")
    assert "Amara Osei" in reminder.summary and "Tidewater" in reminder.description
    assert speaks(code, reminder.summary.replace("Amara Osei", ""))
    assert speaks(
        code,
        reminder.description.replace("Amara Osei", "")
        .replace("Tidewater", "")
        .replace("06_send_thanks", ""),
    )


def test_stay_in_touch_reminders_in_english_are_as_before():
    contacts, events = _thanked()
    [reminder] = stay_in_touch_reminders(contacts, events, NOW, "America/Toronto")
    assert reminder.summary == "Send Amara Osei a short update"
    assert reminder.description.startswith(
        "It has been a while since you were last in touch with Amara Osei (Tidewater).\n"
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_why_there_is_no_calendar_is_said_in_the_language(code):
    with i18n.using(code), pytest.raises(ValueError) as info:
        stay_in_touch_calendar([people()[1]], {}, NOW, "America/Toronto")
    assert speaks(code, str(info.value))


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_cadence_out_of_range_is_refused_in_the_language(code):
    with i18n.using(code), pytest.raises(ValueError) as info:
        set_cadence(None, 1, 99999)
    assert "3650" in str(info.value) and speaks(code, str(info.value).replace("3650", ""))


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_event_label_is_translated(code):
    with i18n.using(code):
        labels = [i18n._(label) for label in EVENT_KINDS.values()]
    assert all(label not in EVENT_KINDS.values() for label in labels)
    assert all(speaks(code, label) for label in labels), labels


# ----------------------------------------------------------------- dates and statuses


def test_moments_are_written_per_language_and_english_is_unchanged():
    moment = datetime(2026, 3, 10, 9, 5, tzinfo=UTC)
    assert moment_text(moment, "short") == "Tue 10 Mar 2026 09:05"
    assert moment_text(moment, "day_time") == "Tuesday 10 March, 09:05"
    assert moment_text(moment, "day_at") == "Tuesday 10 March at 09:05"
    with i18n.using("es"):
        assert moment_text(moment, "day_time") == "martes 10 de marzo, 9:05"
        assert moment_text(moment, "day") == "martes 10 de marzo de 2026"
    with i18n.using("zh"):
        assert moment_text(moment, "day_time") == "3月10日星期二 09:05"
        assert moment_text(moment, "date") == "2026年3月10日"
    with i18n.using(i18n.PSEUDO):
        assert moment_text(moment, "date").startswith(i18n.PSEUDO_OPEN)


@pytest.mark.parametrize("status", ["due", "overdue", "sent on time", "sent late"])
def test_thank_you_statuses_are_shown_translated(status):
    assert status_label(status) == status
    with i18n.using("zh"):
        assert HAN.search(status_label(status))
    with i18n.using("es"):
        assert status_label(status) != status


# ----------------------------------------------------------------- the pages


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_two_pages_speak_the_language(ws, code):
    from infoint import action_items
    from infoint.demo import apply_persona
    from infoint.ui.debrief import DebriefPage
    from infoint.ui.thanks import ThanksPage
    from tests.test_ui_thanks import contact_id, met

    apply_persona(ws)
    amara = contact_id(ws, "Amara")
    meeting_id = met(ws, amara)
    db.save_debrief(ws, db.Debrief(meeting_id=meeting_id, contact_id=amara, insights="x"))
    action_items.save_action_item(
        ws, action_items.ActionItem("Read it", due="2026-03-14", contact_id=amara)
    )
    with i18n.using(code):
        debrief = DebriefPage(ws, now=NOW)
        thanks = ThanksPage(ws, now=NOW)
    labels = [
        debrief.insights.description,
        debrief.role_fit.description,
        debrief.held_button.description,
        debrief.item_add.description,
        debrief.ref_add.description,
        debrief.meeting_note.value,
        thanks.person.description,
        thanks.compose_button.description,
        thanks.note.sent.description,
        thanks.cadence.options[1][0],
        thanks.deadline.value,
        thanks.next_update.value,
    ]
    for label in labels:
        assert speaks(code, re.sub(r"<[^>]+>|Amara|Osei|Tidewater Travel Group", "", label)), label
    assert debrief.items_list.options[0][0].startswith("Read it")
    assert "2026" in debrief.items_list.options[0][0]
    assert thanks.cadence.options[1][1] == 91  # the value kept is the number of days


def test_notes_are_written_in_the_persons_language_and_the_choice_is_kept(ws):
    from infoint import outreach_log
    from infoint.demo import apply_persona
    from infoint.ui.thanks import ThanksPage
    from tests.test_ui_thanks import contact_id, met

    apply_persona(ws)
    amara = contact_id(ws, "Amara")
    met(ws, amara)
    ws.write(updates={"contacts": [(amara, {"language": "es"})]})
    page = ThanksPage(ws, now=NOW)
    assert page.written_in.value == "es"
    assert "Spanish" in page.written_in.hint.value  # the page's own word for it (English here)
    assert "Muchas gracias" in page.note.body.value
    assert not HAN.search(page.note.body.value)
    page.written_in.choice.value = "zh"  # nothing saved yet: new drafts in Chinese
    assert HAN.search(page.note.body.value) and HAN.search(page.update.body.value)
    page.flush()
    again = ThanksPage(ws, now=NOW)
    assert again.written_in.value == "zh"  # kept with what was typed for this person
    assert outreach_log.load_draft(ws, amara, "thanks") is None or HAN.search(again.note.body.value)
    # a note the participant saved stays as written when the language changes
    again.note.body.value = "Dear Amara, thank you for the portfolio advice."
    again.note.save_draft()
    again.written_in.choice.value = "en"
    assert again.note.body.value == "Dear Amara, thank you for the portfolio advice."
    assert "kept as they are" in again.written_in.hint.value


def test_chinese_notes_have_themes_too_the_longest_that_recur():
    notes = [
        "她说作品集比学历更重要，用户研究的岗位很看重沟通。",
        "他也提到作品集，还有用户研究团队的招聘节奏。",
        "作品集要有真实项目。",
    ]
    ds = [db.Debrief(i, 1, insights=n) for i, n in enumerate(notes)]
    assert compare(ds, {}).recurring[:2] == [("作品集", 3), ("用户研究", 2)]
    with i18n.using("zh"):
        tips = compare(ds, {}).suggestions
    assert any("“作品集”和“用户研究”" in t for t in tips), tips
