"""Tests for infoint.questions: the bank (Q1), proposals (Q2, Q4) and stored questions."""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from infoint import question_bank
from infoint import questions as qm
from infoint.question_bank import (
    CLOSING_MINUTES,
    THEME_ORDER,
    THEME_SETS,
    THEMES,
    Question,
    load_bank,
    validate_bank,
)
from infoint.questions import (
    SMALL_TALK_MINUTES,
    custom_question,
    fits,
    from_entries,
    propose,
    question_budget,
    swap,
    to_entries,
)
from infoint.records import KINDS, SENIORITIES, Objective

BANK_FILE = Path(qm.__file__).parent / "templates" / "question_bank.json"
SPEC_THEMES = {
    "showing_interest",
    "job_fit",
    "inside_edge",
    "gaining_advocates",
    "position_career",
    "organization_industry",
    "next_steps",
    "trends",
    "insights",
    "advice",
    "resources",
    "assignments",
    "closing",
}
MINUTES = (15, 20, 30, 45, 60)
KIND_CHOICES = [[k] for k in KINDS] + [[], ["role", "organization"]]


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
        {"trends", "insights", "advice", "resources", "assignments"},
    ]
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
            assert any(
                kind in q.objectives and level in q.seniority and "one or two" in q.text
                for q in closing
            ), (kind, level)


JOB_ASK = re.compile(
    r"\b(hire me|hiring me|job openings?|openings?|vacanc\w+|refer me|referral"
    r"|give me a job|a job for me|any jobs?|positions? available)\b",
    re.I,
)
CRITICISE = re.compile(
    r"\b(worst|hate|dislike|bad about|wrong with|complain\w*|frustrat\w*"
    r"|your boss|toxic|annoy\w*)\b",
    re.I,
)


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
    assert question_bank._bank.cache_info().currsize == 1


def test_a_broken_shipped_bank_fails_loudly(tmp_path, monkeypatch):
    broken = tmp_path / "question_bank.json"
    broken.write_text(json.dumps({"questions": raw_bank()[:10]}), encoding="utf-8")
    monkeypatch.setattr(question_bank, "_BANK_PATH", broken)
    question_bank._bank.cache_clear()
    try:
        with pytest.raises(ValueError, match="question bank is not valid"):
            load_bank()
    finally:
        question_bank._bank.cache_clear()


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
    bank[:] = [e for e in bank if "closing" not in e["themes"]] + [
        e for e in bank if "closing" in e["themes"]
    ][:2]


def _starve_theme(bank):
    for e in bank:
        if "assignments" in e["themes"]:
            e["themes"] = [t for t in e["themes"] if t != "assignments"] or ["advice"]
    bank[0]["themes"].append("assignments")


def _not_dict(bank):
    bank[3] = "What is your job?"


@pytest.mark.parametrize(
    "change, expected",
    [
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
    ],
)
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


@pytest.mark.parametrize(
    "minutes, low, high",
    [
        (15, 2, 2),
        (20, 3, 4),
        (30, 5, 6),
        (45, 7, 9),
        (60, 11, 12),
        (90, 16, 19),
        (10, 1, 1),
        (0, 1, 1),
        (-5, 1, 1),
        ("30", 5, 6),
        (None, 5, 6),
        ("abc", 5, 6),
    ],
)
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
    assert all(a != b for a, b in zip(themes, themes[1:], strict=False))
    assert len(set(themes)) >= min(len(themes), 5)
    assert len({q.id for q in got}) == len(got)
    # deterministic
    assert propose(Objective(kinds=list(kinds)), level, minutes) == got


def test_propose_accepts_objective_shapes_and_unknown_seniority():
    everyone = propose(None, "", 30)
    assert propose(Objective(), "", 30) == everyone == propose([], "unknown", 30)
    assert (
        propose("role", "mid", 30)
        == propose(["role"], "mid", 30)
        == propose(Objective(kinds=["role"]), "mid", 30)
    )
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
    own = [
        custom_question("What does your team celebrate?", ["insights"]),
        custom_question("How do you pick projects?", ["position_career"], minutes=5),
    ]
    fewer = propose(["role"], "mid", 30, custom=own)
    assert len(fewer) - 1 == question_budget(30) - 2
    assert not any(q.id == "" for q in fewer)  # the user's own are added by the caller
    assert fits(own + fewer, 30)[0]


def test_propose_tiny_meeting_and_single_theme_bank():
    assert [q.closing for q in propose(None, "mid", 5)] == [True]
    bank = [
        Question(f"q{i}", f"Question {i}?", ("advice",), KINDS, SENIORITIES, 2) for i in range(6)
    ]
    bank.append(
        Question(
            "c",
            "Who else, one or two people?",
            ("closing", "gaining_advocates", "next_steps"),
            KINDS,
            SENIORITIES,
            2,
        )
    )
    got = propose(None, "mid", 30, bank=bank)
    assert [q.id for q in got] == ["q0", "q1", "q2", "q3", "q4", "c"]  # same theme: unavoidable
    assert (
        propose(None, "mid", 30, bank=bank[:-1])[-1].id == "q4"
    )  # no closing in the bank: none invented


# ----------------------------------------------------------------- swap


@pytest.mark.parametrize(
    "kinds, level", [(["role"], "junior"), (["industry"], "senior"), ([], "mid")]
)
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
                q for q in unused if q.theme == new.theme and q.minutes <= removed.minutes
            ]
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
    tiny = [
        Question("a", "A?", ("advice",), KINDS, SENIORITIES, 2),
        Question(
            "c",
            "C, one or two?",
            ("closing", "gaining_advocates", "next_steps"),
            KINDS,
            SENIORITIES,
            2,
        ),
    ]
    assert swap(tiny, 0, None, "mid", bank=tiny) == tiny  # nothing left: unchanged


# ----------------------------------------------------------------- fits


def _q(minutes, closing=False):
    themes = ("closing",) if closing else ("advice",)
    return Question("", "?", themes, KINDS, SENIORITIES, minutes)


@pytest.mark.parametrize(
    "items, minutes, ok, words",
    [
        ([_q(4)] * 5 + [_q(3, True)], 30, True, "About 26 of 30 minutes"),
        (
            [_q(4)] * 6 + [_q(3, True)],
            30,
            True,
            "About 30 of 30 minutes",
        ),  # exactly full still fits
        ([_q(5)] * 6 + [_q(3, True)], 30, False, "Remove a question"),
        ([_q(4)] * 6, 30, True, "About 30 of 30"),  # closing time kept even without the question
        ([_q(4)] * 7, 30, False, "Remove a question"),
        ([], 30, False, "Add at least one question"),
        ([_q(3, True)], 30, False, "Add at least one question"),
        ([_q(4)], 0, False, "Agree how long"),
        ([_q(4)], "x", False, "Agree how long"),
    ],
)
def test_fits(items, minutes, ok, words):
    got, sentence = fits(items, minutes)
    assert got is ok and words in sentence
    assert sentence.endswith(".")


# ----------------------------------------------------------------- stored questions


def test_entries_round_trip_through_the_bank():
    chosen = propose(["industry"], "senior", 45)
    entries = to_entries(chosen)
    assert all(set(e) == {"id", "text", "theme"} for e in entries)
    assert from_entries(entries) == chosen
    edited = entries + [
        {"id": "", "text": "My own?", "theme": "nonsense"},
        {"id": "gone", "text": "Old?", "theme": "advice"},
        "junk",
    ]
    back = from_entries(edited)
    assert back[-2].id == "" and back[-2].themes == () and back[-2].minutes == qm.CUSTOM_MINUTES
    assert back[-1].themes == ("advice",)


@pytest.mark.parametrize("picked_in", ["en", "es", "zh"])
def test_unedited_bank_questions_show_in_the_language_in_use(picked_in):
    from infoint.i18n import using

    with using(picked_in):
        entries = to_entries(propose(["industry"], "senior", 45))
    entries.append({"id": entries[0]["id"], "text": "My own wording?", "theme": "advice"})
    entries.append({"id": "", "text": "我自己的问题？", "theme": "advice"})
    for shown_in in ("en", "es", "zh"):
        with using(shown_in):
            bank = {q.id: q.text for q in load_bank()}
            back = from_entries(entries)
        assert [q.text for q in back[:-2]] == [bank[e["id"]] for e in entries[:-2]]
        assert back[-2].text == "My own wording?"  # edited: stays as typed
        assert back[-1].text == "我自己的问题？"  # the user's own: as typed
    with using("es"):
        assert from_entries(entries)[0].text != entries[0]["text"] or picked_in == "es"


def test_shown_entries_give_every_output_the_language_in_use():
    from infoint.i18n import using

    with using("zh"):
        entries = to_entries(propose(["role"], "mid", 30))
    entries += [{"id": entries[0]["id"], "text": "Edited?", "theme": ""}, "junk", {"id": 1}]
    with using("es"):
        spanish = {q.id: q.text for q in load_bank()}
        shown = qm.shown_entries(entries)
    assert [e["text"] for e in shown[:-1]] == [spanish[e["id"]] for e in entries[:-3]]
    assert shown[-1] == {"id": entries[0]["id"], "text": "Edited?", "theme": ""}
    english = {q.id: q.text for q in load_bank()}
    assert [e["text"] for e in qm.shown_entries(entries)[:-1]] == [
        english[e["id"]] for e in entries[:-3]
    ]
