"""Steps 3 and 4 in Spanish and Chinese: the question bank, the meeting checks, the pages."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from infoint import catalogs, i18n, pipeline
from infoint import meetings as mt
from infoint import questions as qs
from infoint.demo import apply_persona
from infoint.question_bank import THEMES, english_bank, load_bank, theme_label
from infoint.ui.outreach import OutreachPage
from infoint.ui.pipeline_table import response_stats_html, short_day
from infoint.ui.questions import QuestionsPage

ROOT = Path(__file__).resolve().parents[1]
BANK_FILE = ROOT / "infoint" / "templates" / "question_bank.json"
FILES = [
    ROOT / "infoint" / name
    for name in (
        "ui/outreach.py",
        "ui/pipeline_table.py",
        "ui/questions.py",
        "ui/question_list.py",
        "ui/goal_questions.py",
        "outreach_log.py",
        "meetings.py",
        "meetings_log.py",
        "questions.py",
        "question_bank.py",
    )
]
NOW = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
CJK = re.compile(r"[\u4e00-\u9fff]")


def bank_texts() -> list[str]:
    return [q["text"] for q in json.loads(BANK_FILE.read_text(encoding="utf-8"))["questions"]]


@pytest.mark.parametrize("code", ["es", "zh"])
def test_every_question_of_the_bank_is_translated(code):
    table = catalogs.translations(code)
    missing = [text for text in bank_texts() if not table.get(text)]
    assert missing == []
    for text in bank_texts():
        shown = table[text]
        assert shown != text and "<" not in shown and "&" not in shown
        assert shown.rstrip().endswith(("?", "？", "。", ".")), shown
        if code == "zh":
            assert CJK.search(shown), shown
        else:
            assert "¿" in shown and not CJK.search(shown), shown


@pytest.mark.parametrize("code", ["es", "zh"])
def test_every_theme_is_translated(code):
    with i18n.using(code):
        for theme, english in THEMES.items():
            assert theme_label(theme) not in ("", english, theme)
        assert theme_label("not-a-theme") == "not-a-theme"


def test_the_strings_of_steps_3_and_4_are_translated_in_every_language():
    assert catalogs.check(FILES) == []


def test_the_bank_is_shown_in_the_language_in_use_and_stays_english_as_its_source():
    english = load_bank()
    assert [q.text for q in english] == bank_texts()
    with i18n.using("es"):
        spanish = load_bank()
    with i18n.using("zh"):
        chinese = load_bank()
    for en, es, zh in zip(english, spanish, chinese, strict=True):
        assert en.id == es.id == zh.id and en.themes == es.themes == zh.themes
        assert en.minutes == es.minutes == zh.minutes
        assert es.text == catalogs.translations("es")[en.text]
        assert zh.text == catalogs.translations("zh")[en.text]
    assert [q.text for q in english_bank()] == bank_texts()
    assert [q.text for q in load_bank()] == bank_texts()  # English again after the blocks


@pytest.mark.parametrize("code", ["es", "zh"])
def test_a_chosen_question_is_stored_as_the_participant_reads_it(code):
    with i18n.using(code):
        proposed = qs.propose(["role"], "mid", 30)
        entries = qs.to_entries(proposed)
        back = qs.from_entries(entries)
    assert proposed[-1].closing
    assert [e["text"] for e in entries] == [q.text for q in proposed]
    assert all(e["text"] not in bank_texts() for e in entries)  # what they saw, not English
    assert [q.text for q in back] == [e["text"] for e in entries]
    # read back in English, an unedited bank question is shown in English, with the bank's tags
    by_id = {q.id: q.text for q in english_bank()}
    assert [q.text for q in qs.from_entries(entries)] == [by_id[e["id"]] for e in entries]
    edited = [dict(entries[0], text=entries[0]["text"] + " ¿Y hoy?")]
    assert qs.from_entries(edited)[0].text == edited[0]["text"]  # edited: kept as typed
    assert [q.themes for q in back] == [q.themes for q in proposed]


def test_proposals_are_the_same_questions_in_every_language():
    english = [q.id for q in qs.propose(["organization"], "senior", 45)]
    for code in ("es", "zh"):
        with i18n.using(code):
            assert [q.id for q in qs.propose(["organization"], "senior", 45)] == english


def test_a_goal_written_in_english_still_finds_bank_questions_shown_in_spanish():
    goal = "Which tools or software a newcomer should learn first"
    english = qs.goal_questions(goal, ["role"], "junior")
    with i18n.using("es"):
        spanish = qs.goal_questions(goal, ["role"], "junior")
    assert english and [q.id for q in spanish] == [q.id for q in english]
    assert spanish[0].text != english[0].text


@pytest.mark.parametrize(
    ("code", "fits", "too_long"),
    [
        ("es", "Unos 14 de 30 minutos", "minutos de preguntas para una reunión de 20 minutos"),
        ("zh", "约占 30 分钟中的 14 分钟", "而会面只有 20 分钟"),
    ],
)
def test_the_time_sentence_is_in_the_language_in_use(code, fits, too_long):
    few = [qs.custom_question("A", minutes=4), qs.custom_question("B", minutes=4)]
    many = [qs.custom_question(str(n), minutes=4) for n in range(7)]
    english = [qs.fits(few, 30), qs.fits(many, 20), qs.fits([], 0), qs.fits([], 30)]
    with i18n.using(code):
        shown = [qs.fits(few, 30), qs.fits(many, 20), qs.fits([], 0), qs.fits([], 30)]
    assert (
        [ok for ok, _text in shown] == [ok for ok, _text in english] == [True, False] + [False] * 2
    )
    assert fits in shown[0][1] and too_long in shown[1][1]
    used = re.search(r"About (\d+) minutes", english[1][1]).group(1)
    assert used in shown[1][1]
    assert all(a[1] != b[1] for a, b in zip(english, shown, strict=True))


@pytest.mark.parametrize("code", ["es", "zh"])
def test_meeting_findings_and_fixes_are_in_the_participants_language(code):
    cases = [
        mt.Meeting(contact_id=1),  # no time, no place
        mt.Meeting(
            contact_id=1,
            starts_at="2026-03-12T10:00",
            minutes=60,
            mode="in person",
            place="the hotel bar",
        ),
        mt.Meeting(contact_id=1, starts_at="2026-03-12T10:00", mode="video", place="WhatsApp"),
        mt.Meeting(contact_id=1, starts_at="2026-03-12T10:00", mode="phone", place="12"),
        mt.Meeting(
            contact_id=1,
            starts_at="2026-03-12T10:00",
            minutes=5,
            mode="in person",
            place="their office",
        ),
    ]
    english = [mt.check_meeting(m, "America/Toronto", NOW) for m in cases]
    with i18n.using(code):
        shown = [mt.check_meeting(m, "America/Toronto", NOW) for m in cases]
    for en_found, found in zip(english, shown, strict=True):
        assert [(f.rule, f.severity) for f in found] == [(f.rule, f.severity) for f in en_found]
        for en_f, f in zip(en_found, found, strict=True):
            assert f.message != en_f.message and (not en_f.fix or f.fix != en_f.fix)
            if code == "zh":
                assert CJK.search(f.message)
    with i18n.using(code):
        assert i18n._(mt.MODE_LABELS["video"]) != "Video call"


def test_the_response_line_and_due_days_follow_the_locale():
    stats = pipeline.ResponseStats(requests=4, replies=1, rate=0.25, median_days=2.5, boosters=())
    assert response_stats_html(stats) == (
        "<p>Responses: 1 of 4 answered (25%), after 2.5 days on average (median). "
        "Many requests go unanswered or are declined: that is normal, keep going.</p>"
    )
    with i18n.using("es"):
        line = response_stats_html(stats)
        assert "1 de 4 contestadas (25\xa0%)" in line and "2,5 días" in line
    with i18n.using("zh"):
        assert "4 个请求中有 1 个得到回复（25%）" in response_stats_html(stats)
    day = datetime(2026, 3, 17, 12, 0, tzinfo=UTC)
    assert short_day(day) == "Tue 17 Mar"
    with i18n.using("es"):
        assert short_day(day) == "mar 17 mar"
    with i18n.using("zh"):
        assert short_day(day) == "3月17日周二"


@pytest.fixture
def demo_ws(ws):
    apply_persona(ws)
    rows = {r["first_name"]: r for r in ws.rows("contacts")}
    ws.write(
        updates={
            "contacts": [(rows["Amara"]["id"], {"target": 1}), (rows["Rosa"]["id"], {"target": 1})]
        }
    )
    ws.append_event(
        pipeline.REPLY, rows["Rosa"]["id"], {"answer": "yes"}, at="2026-03-09T15:00:00+00:00"
    )
    return ws


def test_step_4_proposes_and_stores_questions_in_spanish(demo_ws):
    with i18n.using("es"):
        page = QuestionsPage(demo_ws, now=NOW)
        assert page.propose_button.description == "Sugerir preguntas para esta persona"
        assert page.person.options[0][0].endswith(": dijo que sí")
        page.propose_button.click()
        labels = [label for label, _value in page.list.options]
        assert labels and all(
            label.split(". ", 1)[1].startswith(("¿", "(", "Si", "Más", "Por", "Cuando", "Mirando"))
            for label in labels
        )
        assert "preguntas sugeridas para" in page.questions_status.value
        bank_labels = [label for label, _value in page.bank_pick.options]
        assert bank_labels and all(": " in label for label in bank_labels)
    stored = mt.current_meeting(demo_ws, page.contact.id).questions
    assert [e["text"] for e in stored] == [label.split(". ", 1)[1] for label in labels]


def test_step_3_and_4_widgets_of_this_part_are_all_translated(demo_ws):
    """In the pseudo-language every text of these pages' own widgets comes back marked."""
    with i18n.using(i18n.PSEUDO):
        outreach = OutreachPage(demo_ws, now=NOW)
        questions = QuestionsPage(demo_ws, now=NOW)
        questions.propose_button.click()
        own = [
            outreach.person.description,
            outreach.when.description,
            outreach.sent_button.description,
            outreach.answer.description,
            *outreach.answer._options_labels,
            outreach.answer_button.description,
            outreach.voicemail.description,
            outreach.call_button.description,
            outreach.move_on_button.description,
            outreach.reopen_button.description,
            outreach.mode_3b7.description,
            questions.person.description,
            questions.notes.description,
            questions.offer.description,
            questions.propose_button.description,
            questions.list.description,
            questions.up_button.description,
            questions.down_button.description,
            questions.swap_button.description,
            questions.remove_button.description,
            questions.bank_pick.description,
            questions.bank_add.description,
            questions.own.description,
            questions.own_add.description,
            questions.goal_pick.description,
            questions.goal_add.description,
            *(i18n._(heading) for _method, heading in OutreachPage.SECTIONS),
            *(i18n._(heading) for _method, heading in QuestionsPage.SECTIONS),
        ]
        for text in own:
            assert text.startswith(i18n.PSEUDO_OPEN) and text.endswith(i18n.PSEUDO_CLOSE), text
        table = outreach.table.value
        for word in ("Your requests", "Person", "Organization", "Due"):
            assert f"{i18n.PSEUDO_OPEN}{word}{i18n.PSEUDO_CLOSE}" in table
        facts = outreach.facts.value
        assert f"{i18n.PSEUDO_OPEN}Stage{i18n.PSEUDO_CLOSE}" in facts
        assert questions.fit_note.value.count(i18n.PSEUDO_OPEN) >= 1


# R8, Q5: places typed in Spanish or Chinese are read like English ones.
PLACES = [
    # (place, what the check should say: "home", "workplace", "meal" or "" for fine)
    ("Café Tortoni, Av. de Mayo 825, Buenos Aires", ""),
    ("Cafetería de la biblioteca central, planta baja", ""),
    ("Starbucks de Paseo de la Reforma 222", ""),
    ("En mi casa, calle Mayor 12", "home"),
    ("Su domicilio en Coyoacán", "home"),
    ("El apartamento de Lucía, 3.º B", "home"),
    ("En su oficina, recepción de la planta 3", "workplace"),
    ("La sede de la empresa en Santiago", "workplace"),
    ("Bar El Tigre, a las 19:00", "meal"),
    ("Almuerzo en el restaurante de la esquina", "meal"),
    ("Una cena tranquila en Palermo", "meal"),
    ("Cervecería La Sureña", "meal"),
    ("星巴克（国贸店）", ""),
    ("学校图书馆一楼的咖啡角", ""),
    ("Manner 咖啡，静安寺店", ""),
    ("我家楼下", "home"),
    ("他的公寓，朝阳区", "home"),
    ("学生宿舍三号楼", "home"),
    ("他们公司前台", "workplace"),
    ("对方单位的会议室", "workplace"),
    ("一起吃饭，海底捞", "meal"),
    ("三里屯的一家酒吧", "meal"),
    ("午餐时间，公司附近的餐厅", "meal"),
]


@pytest.mark.parametrize(("place", "expected"), PLACES)
def test_places_in_spanish_and_chinese_are_checked_like_english_ones(place, expected):
    meeting = mt.Meeting(
        contact_id=1, starts_at="2026-03-12T10:00", mode="in person", place=place, recognise="x"
    )
    found = mt.check_meeting(meeting, "America/Toronto", NOW)
    said = {
        "home": any("home" in f.message for f in found),
        "workplace": any("workplace" in f.message for f in found),
        "meal": any(f.rule == "Q5" for f in found),
    }
    if expected:
        assert said[expected], (place, found)
    else:
        assert not any(said.values()), (place, found)


@pytest.mark.parametrize("place", ["腾讯会议 123 456 789", "钉钉视频会议", "Feishu", "飞书会议"])
def test_chinese_video_tools_are_known(place):
    meeting = mt.Meeting(contact_id=1, starts_at="2026-03-12T10:00", mode="video", place=place)
    assert mt.check_meeting(meeting, "America/Toronto", NOW) == []
