"""Tests for infoint.questions: the bank (Q1), proposals (Q2, Q4), meeting checks (R4, R8, T6),
checklists (Q3, Q5) and the prep sheet with hostile workspace text."""

from __future__ import annotations

import copy
import html
import json
import re
import subprocess
import sys
from collections import Counter
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoint import questions as qm
from infoint.objectives import KINDS, Finding, Objective, Profile
from infoint.questions import (
    CLOSING_MINUTES, SMALL_TALK_MINUTES, THEME_ORDER, THEME_SETS, THEMES, Meeting,
    Question, check_meeting, custom_question, fits, from_entries, in_person_checklist,
    load_bank, meeting_ics, prep_sheet_filename, prep_sheet_html, prep_sheet_markdown, propose,
    question_budget, research_checklist, swap, to_entries, validate_bank,
)
from infoint.targets import SENIORITIES, Contact, Organization

BANK_FILE = Path(qm.__file__).parent / "templates" / "question_bank.json"
SPEC_THEMES = {"showing_interest", "job_fit", "inside_edge", "gaining_advocates", "position_career",
               "organization_industry", "next_steps", "trends", "insights", "advice", "resources",
               "assignments", "closing"}
MINUTES = (15, 20, 30, 45, 60)
KIND_CHOICES = [[k] for k in KINDS] + [[], ["role", "organization"]]
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
TZ = "America/Toronto"
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> Tom & Jerry $5M and $10M {{7*7}}"


def raw_bank() -> list[dict]:
    return json.loads(BANK_FILE.read_text(encoding="utf-8"))["questions"]


def main_themes(qs):
    return [q.theme for q in qs if not q.closing]


# ----------------------------------------------------------------- the bank (Q1)

def test_bank_loads_and_validates():
    bank = load_bank()
    assert validate_bank(raw_bank()) == []
    assert validate_bank(json.loads(BANK_FILE.read_text(encoding="utf-8"))) == []
    assert len(bank) >= 70
    assert all(isinstance(q, Question) for q in bank)
    for q in bank:
        assert q.themes and q.objectives and q.seniority, q.id
        assert set(q.themes) <= set(THEMES) and set(q.objectives) <= set(KINDS)
        assert set(q.seniority) <= set(SENIORITIES)
        assert 2 <= q.minutes <= 5
    assert len({q.id for q in bank}) == len(bank)
    assert len({" ".join(q.text.casefold().split()) for q in bank}) == len(bank)


def test_themes_match_the_guide_and_are_all_covered():
    assert set(THEMES) == SPEC_THEMES
    assert set(THEME_ORDER) == SPEC_THEMES - {"closing"}
    assert [set(v) for v in THEME_SETS.values()] == [
        {"showing_interest", "job_fit", "inside_edge", "gaining_advocates"},
        {"position_career", "organization_industry", "next_steps"},
        {"trends", "insights", "advice", "resources", "assignments"}]
    main = Counter(q.theme for q in load_bank())
    for theme in THEMES:
        assert main[theme] >= 5, theme  # several questions with it as the main theme


def test_closing_questions_cover_the_three_asks_for_every_objective():
    closing = [q for q in load_bank() if q.closing]
    assert len(closing) >= 3 and all(q.minutes <= CLOSING_MINUTES for q in closing)
    texts = " ".join(q.text.lower() for q in closing)
    assert "one or two" in texts and "follow" in texts and "linkedin" in texts
    linkedin = next(q for q in closing if "linkedin" in q.text.lower())
    assert "went well" in linkedin.text  # Q4: the user decides, only if it went well
    for kind in KINDS:
        for level in SENIORITIES:
            assert any(kind in q.objectives and level in q.seniority and "one or two" in q.text
                       for q in closing), (kind, level)


JOB_ASK = re.compile(r"\b(hire me|hiring me|job openings?|openings?|vacanc\w+|refer me|referral"
                     r"|give me a job|a job for me|any jobs?|positions? available)\b", re.I)
CRITICISE = re.compile(r"\b(worst|hate|dislike|bad about|wrong with|complain\w*|frustrat\w*"
                       r"|your boss|toxic|annoy\w*)\b", re.I)


def test_no_question_asks_for_a_job_or_invites_criticism():
    for q in load_bank():
        assert not JOB_ASK.search(q.text), q.id
        assert not CRITICISE.search(q.text), q.id
        assert q.text.rstrip().endswith("?"), q.id


def test_seniority_tailoring_exists():
    """Q2: junior people know recent hiring and the first year; senior people know what
    employers look for and how the field changed."""
    bank = load_bank()
    junior_only = [q for q in bank if q.seniority == ("junior",)]
    senior_only = [q for q in bank if q.seniority == ("senior",)]
    assert any("hir" in q.text for q in junior_only)
    assert any("employers look for" in q.text for q in senior_only)
    assert any("first year" in q.text and "senior" not in q.seniority for q in bank)
    assert any("changes" in q.text and "junior" not in q.seniority for q in bank)


def test_load_bank_is_cached_and_returns_a_fresh_list():
    first = load_bank()
    first.clear()
    second = load_bank()
    assert len(second) >= 70
    assert second[0] is load_bank()[0]  # the same cached objects
    assert qm._bank.cache_info().currsize == 1


def test_a_broken_shipped_bank_fails_loudly(tmp_path, monkeypatch):
    broken = tmp_path / "question_bank.json"
    broken.write_text(json.dumps({"questions": raw_bank()[:10]}), encoding="utf-8")
    monkeypatch.setattr(qm, "_BANK_PATH", broken)
    qm._bank.cache_clear()
    try:
        with pytest.raises(ValueError, match="question bank is not valid"):
            load_bank()
    finally:
        qm._bank.cache_clear()


def _drop(key):
    def change(bank):
        del bank[0][key]
    return change


def _set(key, value, index=0):
    def change(bank):
        bank[index][key] = value
    return change


def _dup_id(bank):
    bank[1]["id"] = bank[0]["id"]


def _dup_text(bank):
    bank[1]["text"] = "  " + bank[0]["text"].upper().replace(" ", "   ") + " "


def _shrink(bank):
    del bank[69:]


def _no_closing(bank):
    bank[:] = [e for e in bank if "closing" not in e["themes"]] + [e for e in bank if "closing" in e["themes"]][:2]


def _starve_theme(bank):
    for e in bank:
        if "assignments" in e["themes"]:
            e["themes"] = [t for t in e["themes"] if t != "assignments"] or ["advice"]
    bank[0]["themes"].append("assignments")


def _not_dict(bank):
    bank[3] = "What is your job?"


@pytest.mark.parametrize("change, expected", [
    (_drop("themes"), "missing field 'themes'"),
    (_drop("minutes"), "missing field 'minutes'"),
    (_set("extra", 1), "unknown field 'extra'"),
    (_set("id", "Not A Slug"), "the id must be a slug"),
    (_set("id", ""), "the id must be a slug"),
    (_dup_id, "duplicate id"),
    (_set("text", "   "), "the text is empty"),
    (_set("text", None), "the text is empty"),
    (_dup_text, "duplicate text"),
    (_set("themes", []), "no theme"),
    (_set("themes", ["gossip"]), "unknown theme 'gossip'"),
    (_set("themes", "advice"), "themes must be a list"),
    (_set("objectives", []), "no objective"),
    (_set("objectives", ["salary"]), "unknown objective 'salary'"),
    (_set("seniority", []), "no seniority"),
    (_set("seniority", ["intern"]), "unknown seniority 'intern'"),
    (_set("seniority", ["junior", "junior"]), "listed twice"),
    (_set("minutes", 1), "minutes must be a whole number from 2 to 5"),
    (_set("minutes", 6), "minutes must be a whole number from 2 to 5"),
    (_set("minutes", "3"), "minutes must be a whole number from 2 to 5"),
    (_set("minutes", True), "minutes must be a whole number from 2 to 5"),
    (_set("minutes", 3.5), "minutes must be a whole number from 2 to 5"),
    (_shrink, "it needs at least 70"),
    (_no_closing, "closing questions; it needs at least 3"),
    (_starve_theme, "'assignments' has 1 questions"),
    (_not_dict, "is not an object"),
])
def test_validate_bank_catches_each_problem(change, expected):
    bank = copy.deepcopy(raw_bank())
    change(bank)
    problems = validate_bank(bank)
    assert any(expected in p for p in problems), problems


def test_validate_bank_closing_question_must_fit_the_closing_time():
    bank = copy.deepcopy(raw_bank())
    entry = next(e for e in bank if "closing" in e["themes"])
    entry["minutes"] = CLOSING_MINUTES + 1
    assert any("closing question must fit" in p for p in validate_bank(bank))


@pytest.mark.parametrize("raw", [None, "questions", 42, {"questions": "x"}, {}])
def test_validate_bank_rejects_other_shapes(raw):
    assert validate_bank(raw) == ["The bank must be a list of questions."]


# ----------------------------------------------------------------- budget and proposals (Q2, Q4)

@pytest.mark.parametrize("minutes, low, high", [
    (15, 2, 2), (20, 3, 4), (30, 5, 6), (45, 7, 9), (60, 11, 12), (90, 16, 19),
    (10, 1, 1), (0, 1, 1), (-5, 1, 1), ("30", 5, 6), (None, 5, 6), ("abc", 5, 6),
])
def test_question_budget(minutes, low, high):
    assert low <= question_budget(minutes) <= high


@pytest.mark.parametrize("kinds", KIND_CHOICES, ids=lambda k: "+".join(k) or "all")
@pytest.mark.parametrize("level", SENIORITIES)
@pytest.mark.parametrize("minutes", MINUTES)
def test_propose_is_tailored_sized_varied_and_closes(kinds, level, minutes):
    objective = Objective(kinds=list(kinds))
    got = propose(objective, level, minutes)
    wanted = set(kinds) or set(KINDS)
    body, last = got[:-1], got[-1]
    # Q4: exactly one closing question, last, asking for one or two more people
    assert last.closing and not any(q.closing for q in body)
    assert "gaining_advocates" in last.themes and "one or two" in last.text
    # Q2: objective and seniority
    for q in got:
        assert wanted & set(q.objectives), q.id
        assert level in q.seniority, q.id
    # Q2: the time
    assert sum(q.minutes for q in body) <= minutes - SMALL_TALK_MINUTES - CLOSING_MINUTES
    assert len(body) == question_budget(minutes)  # the bank is large enough to fill the budget
    assert fits(got, minutes)[0]
    # a spread of themes, opening with their story or their job
    themes = main_themes(got)
    assert themes[0] in ("showing_interest", "position_career")
    assert all(a != b for a, b in zip(themes, themes[1:]))
    assert len(set(themes)) >= min(len(themes), 5)
    assert len({q.id for q in got}) == len(got)
    # deterministic
    assert propose(Objective(kinds=list(kinds)), level, minutes) == got


def test_propose_accepts_objective_shapes_and_unknown_seniority():
    everyone = propose(None, "", 30)
    assert propose(Objective(), "", 30) == everyone == propose([], "unknown", 30)
    assert propose("role", "mid", 30) == propose(["role"], "mid", 30) == propose(Objective(kinds=["role"]), "mid", 30)
    assert propose(["bogus"], "mid", 30) == propose(None, "mid", 30)
    assert everyone[-1].id == "cl-one-or-two-people"


def test_propose_tailors_by_seniority():
    junior = {q.id for q in propose(["organization"], "junior", 60)}
    senior = {q.id for q in propose(["organization"], "senior", 60)}
    assert junior != senior
    bank = {q.id: q for q in load_bank()}
    assert all("junior" in bank[i].seniority for i in junior)
    assert all("senior" in bank[i].seniority for i in senior)


def test_propose_exclude_and_custom():
    base = propose(["role"], "mid", 30)
    again = propose(["role"], "mid", 30, exclude={base[0].id, base[-1].id})
    assert base[0].id not in {q.id for q in again} and base[-1].id not in {q.id for q in again}
    assert again[-1].closing
    own = [custom_question("What does your team celebrate?", ["insights"]),
           custom_question("How do you pick projects?", ["position_career"], minutes=5)]
    fewer = propose(["role"], "mid", 30, custom=own)
    assert len(fewer) - 1 == question_budget(30) - 2
    assert not any(q.id == "" for q in fewer)  # the user's own are added by the caller
    assert fits(own + fewer, 30)[0]


def test_propose_tiny_meeting_and_single_theme_bank():
    assert [q.closing for q in propose(None, "mid", 5)] == [True]
    bank = [Question(f"q{i}", f"Question {i}?", ("advice",), KINDS, SENIORITIES, 2) for i in range(6)]
    bank.append(Question("c", "Who else, one or two people?", ("closing", "gaining_advocates", "next_steps"), KINDS, SENIORITIES, 2))
    got = propose(None, "mid", 30, bank=bank)
    assert [q.id for q in got] == ["q0", "q1", "q2", "q3", "q4", "c"]  # same theme: unavoidable
    assert propose(None, "mid", 30, bank=bank[:-1])[-1].id == "q4"  # no closing in the bank: none invented


# ----------------------------------------------------------------- swap

@pytest.mark.parametrize("kinds, level", [(["role"], "junior"), (["industry"], "senior"), ([], "mid")])
def test_swap_every_position(kinds, level):
    def suits(q):
        return level in q.seniority and bool((set(kinds) or set(KINDS)) & set(q.objectives))

    current = propose(kinds, level, 45)
    for index in range(len(current)):
        removed = current[index]
        got = swap(current, index, kinds, level)
        assert len(got) == len(current)
        assert got[-1].closing and sum(q.closing for q in got) == 1
        assert removed.id not in {q.id for q in got}
        assert len({q.id for q in got}) == len(got)
        new = next(q for q in got if q.id not in {c.id for c in current})
        assert suits(new)
        unused = [q for q in load_bank() if q not in current and suits(q) and not q.closing]
        if not removed.closing:
            assert new.theme == removed.theme or not [q for q in unused if q.theme == removed.theme]
            assert new.minutes <= removed.minutes or not [
                q for q in unused if q.theme == new.theme and q.minutes <= removed.minutes]
    assert fits(swap(current, 0, kinds, level), 45)[0]


def test_swap_keeps_closing_last_and_honours_exclude():
    current = propose(["role"], "mid", 30)
    own = custom_question("What do you read on the train?", ["resources"])
    mixed = current[:-1] + [current[-1], own]  # a closing question not last
    got = swap(mixed, 0, ["role"], "mid")
    assert got[-1].closing and got[-2] is own
    removed = {current[0].id}
    first = swap(current, 0, ["role"], "mid")
    removed.add(first[0].id)
    second = swap(first, 0, ["role"], "mid", exclude=removed)
    assert not removed & {q.id for q in second}


def test_swap_edges():
    current = propose(["role"], "mid", 20)
    assert swap(current, 99, ["role"], "mid") == current
    assert swap(current, -1, ["role"], "mid")[-1].id != current[-1].id
    assert swap([], 0, ["role"], "mid") == []
    tiny = [Question("a", "A?", ("advice",), KINDS, SENIORITIES, 2),
            Question("c", "C, one or two?", ("closing", "gaining_advocates", "next_steps"), KINDS, SENIORITIES, 2)]
    assert swap(tiny, 0, None, "mid", bank=tiny) == tiny  # nothing left: unchanged


# ----------------------------------------------------------------- fits

def _q(minutes, closing=False):
    themes = ("closing",) if closing else ("advice",)
    return Question("", "?", themes, KINDS, SENIORITIES, minutes)


@pytest.mark.parametrize("items, minutes, ok, words", [
    ([_q(4)] * 5 + [_q(3, True)], 30, True, "About 26 of 30 minutes"),
    ([_q(4)] * 6 + [_q(3, True)], 30, True, "About 30 of 30 minutes"),  # exactly full still fits
    ([_q(5)] * 6 + [_q(3, True)], 30, False, "Remove a question"),
    ([_q(4)] * 6, 30, True, "About 30 of 30"),  # closing time kept even without the question
    ([_q(4)] * 7, 30, False, "Remove a question"),
    ([], 30, False, "Add at least one question"),
    ([_q(3, True)], 30, False, "Add at least one question"),
    ([_q(4)], 0, False, "Agree how long"),
    ([_q(4)], "x", False, "Agree how long"),
])
def test_fits(items, minutes, ok, words):
    got, sentence = fits(items, minutes)
    assert got is ok and words in sentence
    assert sentence.endswith(".")


# ----------------------------------------------------------------- Meeting (R8) storage

def hostile_meeting(**changes) -> Meeting:
    values = dict(
        contact_id=7, starts_at="2026-03-12T10:00:00-04:00", minutes=30, mode="in person",
        place="Café Olé, 12 Rue <b>Main</b> & Co", their_workplace=False,
        recognise="Red scarf, *bold* _italic_ `code`",
        checklist={"coffee": True, "dress": False}, research={"profile": True},
        notes="# Not a heading\n- not a list\n    not code\n1. not a number\n" + HOSTILE,
        offer="[a link](javascript:alert(1)) " + HOSTILE,
        questions=to_entries(propose(["role"], "mid", 30)) + [
            {"id": "", "text": "Mine (Zoë): " + HOSTILE, "theme": "insights"}],
        cancelled=False, id=3)
    values.update(changes)
    return Meeting(**values)


def test_meeting_row_matches_the_table_and_round_trips(ws):
    meeting = hostile_meeting(id=None)
    row = meeting.to_row()
    table = set(ws.columns("meetings")) - {"id", "created_at", "updated_at"}
    assert set(row) == table
    assert "Olé" in row["place"] and "Zoë" in row["questions"]  # JSON keeps accents readable
    assert "\\u" not in row["questions"] and isinstance(json.loads(row["questions"]), list)
    new_id = ws.write(inserts={"meetings": [row]})["meetings"][0]
    stored = ws.rows("meetings")[0]
    back = Meeting.from_row(stored)
    meeting.id = new_id
    assert back == meeting


@pytest.mark.parametrize("row, check", [
    (None, lambda m: m == Meeting(contact_id=0)),
    ({}, lambda m: m.minutes == 30 and m.mode == "video" and m.questions == []),
    ({"checklist": "{not json", "research": "[1, 2]", "questions": "nope"},
     lambda m: m.checklist == {} and m.research == {} and m.questions == []),
    ({"checklist": json.dumps({"a": True, "b": 0, "c": "yes", "d": None}), "questions": json.dumps(
        [{"id": 5, "text": "Real?", "theme": None}, "junk", {"id": "x"}, {"text": 3}])},
     lambda m: m.checklist == {"a": True, "b": False}
     and m.questions == [{"id": "", "text": "Real?", "theme": ""}]),
    ({"minutes": "soon", "contact_id": "x", "mode": "carrier pigeon", "cancelled": "?"},
     lambda m: (m.minutes, m.contact_id, m.mode, m.cancelled) == (30, 0, "video", False)),
    ({"questions": "[" * 100_000}, lambda m: m.questions == []),
    ({"id": 4, "their_workplace": 1, "cancelled": 1}, lambda m: m.id == 4 and m.their_workplace and m.cancelled),
])
def test_meeting_from_row_is_tolerant(row, check):
    assert check(Meeting.from_row(row))


def test_entries_round_trip_through_the_bank():
    chosen = propose(["industry"], "senior", 45)
    entries = to_entries(chosen)
    assert all(set(e) == {"id", "text", "theme"} for e in entries)
    assert from_entries(entries) == chosen
    edited = entries + [{"id": "", "text": "My own?", "theme": "nonsense"}, {"id": "gone", "text": "Old?", "theme": "advice"}, "junk"]
    back = from_entries(edited)
    assert back[-2].id == "" and back[-2].themes == () and back[-2].minutes == qm.CUSTOM_MINUTES
    assert back[-1].themes == ("advice",)


# ----------------------------------------------------------------- check_meeting (R4, R8, T6)

FUTURE = "2026-03-12T10:00:00-04:00"


@pytest.mark.parametrize("changes", [
    dict(mode="in person", place="Blue Door Café, 5 King St", recognise="Green coat"),
    dict(mode="in person", place="Their office, 20 Bay St, 5th floor", their_workplace=True, recognise="Green coat"),
    dict(mode="video", place="https://zoom.us/j/123456"),
    dict(mode="video", place="Google Meet (they'll send the link)"),
    dict(mode="video", place="Microsoft Teams"),
    dict(mode="phone", place="+1 416 555 0199"),
    dict(minutes=20, mode="phone", place="(416) 555-0199, I call them"),
    dict(starts_at="2026-03-12T10:00:00", mode="phone", place="416 555 0199"),  # no offset: read in tz
])
def test_check_meeting_good(changes):
    meeting = Meeting(**{"contact_id": 1, "starts_at": FUTURE, "minutes": 30, "mode": "video", **changes})
    found = check_meeting(meeting, TZ, NOW)
    assert [f for f in found if f.severity != "info"] == [], found


@pytest.mark.parametrize("changes, rule, severity, words", [
    (dict(starts_at=""), "R8", "error", "date and time"),
    (dict(starts_at="next Tuesday"), "R8", "error", "can't be read"),
    (dict(starts_at="2026-02-01T10:00:00-05:00"), "R8", "warning", "in the past"),
    (dict(minutes=5), "R4", "error", "between 10 and 120"),
    (dict(minutes=180), "R4", "error", "between 10 and 120"),
    (dict(minutes="half an hour"), "R4", "error", "between 10 and 120"),
    (dict(minutes=12), "R4", "warning", "Under 15"),
    (dict(minutes=60), "R4", "warning", "a lot to ask"),
    (dict(minutes=45), "R4", "warning", "a lot to ask"),
    (dict(mode="carrier pigeon"), "R8", "error", "Choose how you will meet"),
    (dict(mode="in person", place="", recognise="Green coat"), "R8", "error", "where you will meet"),
    (dict(mode="in person", place="My apartment", recognise="Green coat"), "R8", "warning", "someone's home"),
    (dict(mode="in person", place="Their office on Bay St", recognise="Green coat"), "R8", "warning", "their workplace"),
    (dict(mode="in person", place="The Elm pub", recognise="Green coat"), "Q5", "warning", "bar or a meal"),
    (dict(mode="in person", place="Blue Door Café"), "R8", "warning", "recognise you"),
    (dict(mode="in person", place="Their office", their_workplace=True, recognise="x"), "R8", "info", "photo ID"),
    (dict(mode="video", place=""), "R8", "error", "link of the video call"),
    (dict(mode="video", place="we'll figure it out"), "R8", "warning", "meeting link"),
    (dict(mode="video", place="WhatsApp video"), "T6", "warning", "social network"),
    (dict(mode="video", place="Facebook Messenger"), "T6", "warning", "social network"),
    (dict(mode="video", place="instagram call"), "T6", "warning", "social network"),
    (dict(mode="phone", place="WhatsApp +1 416 555 0199"), "T6", "warning", "social network"),
    (dict(mode="phone", place=""), "R8", "error", "phone number"),
    (dict(mode="phone", place="they'll call"), "R8", "warning", "phone number"),
])
def test_check_meeting_bad(changes, rule, severity, words):
    base = dict(contact_id=1, starts_at=FUTURE, minutes=30, mode="video", place="https://meet.example.com/x")
    meeting = Meeting(**{**base, **changes})
    found = check_meeting(meeting, TZ, NOW)
    assert any(f.rule == rule and f.severity == severity and words in f.message for f in found), found
    for f in found:
        assert isinstance(f, Finding) and f.message and f.rule in ("R4", "R8", "T6", "Q5")
        if meeting.place.strip():
            assert meeting.place.strip() not in f.message  # user text only in subject


def test_check_meeting_edges():
    assert check_meeting(hostile_meeting(cancelled=True), TZ, NOW) == []
    assert check_meeting(None, TZ, NOW) == []
    naive_now = check_meeting(Meeting(1, FUTURE, 30, "phone", "416 555 0199"), "", NOW.replace(tzinfo=None))
    assert naive_now == []
    huge = Meeting(1, "x" * 100_000, 10**12, "video", "y" * 100_000)
    found = check_meeting(huge, "Not/AZone", NOW)
    assert found and all(len(f.subject) <= 80 for f in found)


# ----------------------------------------------------------------- checklists (Q3, Q5, R8)

def test_in_person_checklist():
    items = in_person_checklist(Meeting(1, mode="in person"))
    keys = [k for k, _ in items]
    assert keys == ["place", "recognise", "photo_id", "arrive_early", "coffee", "no_gifts",
                    "resume", "dress", "keep_time"]
    text = dict(items)
    assert "neutral public place" in text["place"]
    assert "$5" in text["coffee"] and "no alcohol or meals" in text["coffee"]
    assert "don't lead with it" in text["resume"]
    workplace = dict(in_person_checklist(Meeting(1, mode="in person", their_workplace=True)))
    assert "their workplace" in workplace["place"]
    assert [k for k, _ in in_person_checklist(Meeting(1, mode="in person", their_workplace=True))] == keys


@pytest.mark.parametrize("mode", ["video", "phone", "unknown"])
def test_call_checklist_is_shorter(mode):
    items = in_person_checklist(Meeting(1, mode=mode))
    assert [k for k, _ in items] == ["test_link", "quiet_place", "their_number", "keep_time"]
    assert len(items) < len(in_person_checklist(Meeting(1, mode="in person")))


def test_research_checklist():
    contact = Contact(first_name="Amara", last_name="Osei", organization="Fallback Inc")
    org = Organization(name="Northwind Health", industry="health care")
    items = research_checklist(contact, org)
    keys = [k for k, _ in items]
    assert keys == ["profile", "website", "news_organization", "news_industry", "offer", "pitch"]
    text = dict(items)
    assert "Amara Osei" in text["profile"] and "Northwind Health's website" in text["website"]
    assert "health care" in text["news_industry"] and "pitch" in text["pitch"]
    assert "Fallback Inc" in dict(research_checklist(contact, None))["website"]
    bare = dict(research_checklist(Contact(), None))
    assert [k for k, _ in research_checklist(Contact(), None)] == keys
    assert "the organization's website" in bare["website"] and "their profile" in bare["profile"]


# ----------------------------------------------------------------- the prep sheet

PROFILE = Profile(name="Jo <img src=x onerror=alert(1)>", email="jo@example.org", timezone=TZ,
                  pitch="I study <b>design</b> & data; budgets of $5M and $10M {{7*7}} `rm -rf`")
CONTACT = Contact(first_name="Amara <script>alert(1)</script>", last_name="Osei & Sons",
                  position="Senior <i>UX</i> Researcher", organization="Acme")
ORG = Organization(name="Northwind $5M & <b>Co</b>", industry="health {{7*7}}")


def render(kind, meeting=None):
    fn = prep_sheet_html if kind == "html" else prep_sheet_markdown
    return fn(profile=PROFILE, contact=CONTACT, organization=ORG,
              meeting=meeting or hostile_meeting(), tz=TZ)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


SHEET_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "section",
              "dl", "dt", "dd", "blockquote", "ol", "ul", "li", "span", "div", "strong", "footer"}


def test_prep_sheet_html_escapes_everything():
    out = render("html")
    assert "<script" not in out and "<img" not in out and "<b>" not in out and "<i>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "Osei &amp; Sons" in out and "Northwind &#36;5M &amp; &lt;b&gt;Co&lt;/b&gt;" in out
    assert "&#36;5M and &#36;10M" in out and "$5M" not in out
    assert "{{7*7}}" in out and "49" not in out
    assert "[a link](javascript:alert(1))" in out
    parser = Tags()
    parser.feed(out)
    assert set(parser.tags) <= SHEET_TAGS
    assert not [a for a, _ in parser.attrs if a.startswith("on") or a in ("src", "href", "action")]


def test_prep_sheet_html_content_and_print_styles():
    meeting = hostile_meeting()
    out = render("html", meeting)
    plain = html.unescape(out)
    assert "@page" in out and "@media print" in out and "page-break-inside: avoid" in out
    assert 'class="line"' in out
    assert not re.search(r"https?:|url\(|@import|<link|<script|<iframe|<object", out, re.I)
    assert "Content-Security-Policy" in out and "default-src 'none'" in out
    assert "Thursday 12 March 2026, 10:00 (America/Toronto)" in plain and "30 minutes" in plain
    positions = [plain.index(html.unescape(html.escape(e["text"]))) for e in meeting.questions]
    assert positions == sorted(positions)  # the questions in order
    for words in ("one or two other people", "follow up", "LinkedIn", "about $5", "no gifts",
                  "Bring photo ID", "Rehearse your 30-second pitch", "48 hours", "Senior <i>UX</i> Researcher"):
        assert words in plain, words
    assert "\u2611" in out and "\u2610" in out  # ticked and open boxes
    assert "(their workplace" not in plain


def test_prep_sheet_time_zone_and_modes():
    utc = hostile_meeting(starts_at="2026-07-01T14:30:00+00:00", mode="video",
                          place="https://zoom.us/j/1", questions=[])
    plain = html.unescape(render("html", utc))
    assert "Wednesday 1 July 2026, 10:30 (America/Toronto)" in plain
    assert "Link or tool" in plain and "https://zoom.us/j/1" in plain  # shown as text, never a link
    assert "No questions chosen yet" in plain and "Test the link" in plain
    assert "They'll recognise you by" not in plain
    assert "Not set yet" in html.unescape(render("html", hostile_meeting(starts_at="")))
    workplace = html.unescape(render("html", hostile_meeting(their_workplace=True)))
    assert "(their workplace, as they offered)" in workplace


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=200))
def test_prep_sheet_html_shows_any_text_literally(text):
    meeting = hostile_meeting(notes=text, questions=[{"id": "", "text": text, "theme": ""}])
    out = render("html", meeting)
    parser = Tags()
    parser.feed(out)
    assert set(parser.tags) <= SHEET_TAGS
    assert text.strip() in html.unescape(out)


def test_prep_sheet_markdown_escapes_everything():
    out = render("markdown")
    body = [line[2:] if line.startswith("> ") else line for line in out.splitlines()]  # our quote
    assert not [line for line in body if re.search(r"(?<!\\)[<>]", line)]  # no raw HTML
    assert "\\<script\\>alert(1)\\</script\\>" in out
    assert "\\$5M and \\$10M" in out and not re.search(r"(?<!\\)\$", out)
    assert "{{7\\*7}}" in out
    assert "\\[a link\\](javascript:alert(1))" in out
    assert "\\`rm -rf\\`" in out and "Osei \\& Sons" in out
    assert "\\*bold\\* \\_italic\\_" in out
    lines = out.splitlines()
    assert "\\# Not a heading  " in lines and "\\- not a list  " in lines
    assert "not code  " in lines and "1\\. not a number  " in lines
    assert not any(line.startswith("    ") for line in lines)  # nothing turns into a code block
    assert out.startswith("# Informational interview with ")


def test_prep_sheet_markdown_renders_literally():
    mistune = pytest.importorskip("mistune")
    render_md = mistune.create_markdown(escape=False, plugins=["strikethrough", "table", "url", "task_lists"])
    out = render_md(render("markdown"))
    plain = html.unescape(re.sub(r"<[^>]+>", "", out))
    assert "<script" not in out and "<img" not in out and 'href="javascript' not in out
    assert "Amara <script>alert(1)</script> Osei & Sons" in plain
    assert "$5M and $10M {{7*7}}" in plain and "*bold* _italic_ `code`" in plain
    assert "# Not a heading" in plain and "[a link](javascript:alert(1))" in plain
    assert "<h1>" in out and out.count("<h1>") == 1 and out.count("<h2>") >= 8


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("<>&$*_`[]()#!-+=.1 \n|~\\{}ab:/")), max_size=80))
def test_prep_sheet_markdown_never_makes_markup(text):
    mistune = pytest.importorskip("mistune")
    render_md = mistune.create_markdown(escape=False, plugins=["strikethrough", "table", "url"])
    meeting = hostile_meeting(notes=text, offer=text, questions=[{"id": "", "text": text, "theme": ""}])
    out = render_md(prep_sheet_markdown(profile=Profile(), contact=Contact(first_name=text),
                                        organization=None, meeting=meeting, tz=TZ))
    allowed = {"h1", "h2", "p", "ul", "ol", "li", "strong", "em", "blockquote", "br", "input"}
    assert set(re.findall(r"<([a-z0-9]+)", out)) <= allowed, out


@pytest.mark.parametrize("contact, starts_at, ext, expected", [
    (Contact(first_name="Amara", last_name="Osei"), "2026-03-12T10:00:00-04:00", "html",
     "prep-sheet-amara-osei-2026-03-12.html"),
    (Contact(first_name="Zoë", last_name="Ñúñez-Ærø"), "2026-03-12T10:00", ".MD", "prep-sheet-zoe-nunez-r-2026-03-12.md"),
    (Contact(first_name="../../etc", last_name="passwd"), "", "html", "prep-sheet-etc-passwd.html"),
    (Contact(), "2026-03-12", "html", "prep-sheet-2026-03-12.html"),
    (Contact(first_name="李", last_name="小龙"), "garbage", "exe/../x", "prep-sheet.html"),
    (Contact(first_name="A" * 200), "", "html", "prep-sheet-" + "a" * 40 + ".html"),
])
def test_prep_sheet_filename(contact, starts_at, ext, expected):
    name = prep_sheet_filename(contact, Meeting(1, starts_at=starts_at), ext)
    assert name == expected
    assert re.fullmatch(r"[a-z0-9.-]+", name)


def test_meeting_ics_uses_the_calendar_export():
    meeting = hostile_meeting()
    data = meeting_ics(contact=CONTACT, organization=ORG, meeting=meeting, tz=TZ)
    text = data.decode("utf-8")
    assert "BEGIN:VEVENT" in text and "UID:" in text and "DTSTAMP" in text
    assert "TZID=America/Toronto" in text and "LOCATION:" in text
    assert text.count("BEGIN:VEVENT") == 1  # a newline in a name never adds an event
    again = meeting_ics(contact=CONTACT, organization=ORG, meeting=hostile_meeting(starts_at="2026-03-13T09:00:00-04:00"), tz=TZ)
    uid = lambda b: re.search(r"UID:(\S+)", b.decode()).group(1)  # noqa: E731
    assert uid(data) == uid(again)  # a moved meeting replaces the old event
    assert meeting_ics(contact=CONTACT, organization=ORG, meeting=hostile_meeting(starts_at=""), tz=TZ) is None


def test_import_is_light():
    probe = ("import sys, json, infoint.questions as q\n"
             "heavy = ['pandas', 'ipywidgets', 'matplotlib', 'jsonschema', 'nbformat', 'jinja2', 'icalendar']\n"
             "print(json.dumps([[m for m in heavy if m in sys.modules], q._bank.cache_info().currsize]))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [[], 0]
