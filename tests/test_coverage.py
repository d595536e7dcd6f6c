"""Tests for infoint.coverage: learning goals answered, partly answered or open (D5.1-D5.5)."""

from __future__ import annotations

import pytest

from infoint import coverage as cv
from infoint.debrief import Debrief, save_debrief
from infoint.goals import background_stems, goal_key, goal_list, goal_words
from infoint.meetings import Meeting, save_meeting
from infoint.objectives import save_objectives
from infoint.records import Contact, Objective, Profile
from infoint.targets import save_contact

SKILLS = "Which research methods and tools a junior analyst uses every week"
HIRING = "How they hire juniors and what experience counts in a portfolio"
CULTURE = "What the culture is like on small teams at Fernlight Studio"
HOSTILE = "<img src=x onerror=alert(1)> costs $5M and =SUM(A1) tools survey"


def link(meeting, goal, extent):
    return cv.GoalLink(meeting, goal_key(goal), goal, extent)


# ----------------------------------------------------------------- goal keys and words


@pytest.mark.parametrize(
    "a, b",
    [
        ("How teams hire juniors.", "how TEAMS hire juniors"),
        ("Résumé tips for  designers!", "resume tips for designers"),
        ("Culture:   values", "culture values"),
    ],
)
def test_a_goal_is_the_same_despite_case_accents_spacing_and_punctuation(a, b):
    assert goal_key(a) == goal_key(b)


def test_goal_list_drops_blanks_and_repeats_keeping_the_first_wording():
    assert goal_list(["  ", SKILLS, SKILLS.upper(), "", HIRING]) == [SKILLS, HIRING]
    assert goal_list(None) == [] and goal_list("one goal") == ["one goal"]


def test_goal_words_leave_out_framing_stop_and_background_words():
    words = goal_words("I want to learn which research methods a junior researcher uses")
    assert set(words.values()) == {"research", "methods", "junior", "uses"}  # stems collapse
    background = background_stems(Objective(field_of_interest="UX research", roles=["Analyst"]))
    assert "resear" in background and "analys" in background
    assert "resear" not in goal_words("research methods", background)
    assert set(goal_words("front-line work").values()) == {"frontline", "front"}


# ----------------------------------------------------------------- D5.1-D5.3 statuses


@pytest.mark.parametrize(
    "links, expected",
    [
        ([], cv.OPEN),
        ([link(1, SKILLS, cv.PARTLY)], cv.PARTLY),
        ([link(1, SKILLS, cv.PARTLY), link(2, SKILLS, cv.PARTLY)], cv.PARTLY),
        ([link(1, SKILLS, cv.PARTLY), link(2, SKILLS, cv.ANSWERED)], cv.ANSWERED),
        ([link(1, SKILLS, cv.NONE)], cv.OPEN),
        ([link(1, SKILLS, "")], cv.OPEN),  # unticked
        ([link(1, SKILLS.upper() + "!", cv.ANSWERED)], cv.ANSWERED),  # same goal by key
        ([link(1, HIRING, cv.ANSWERED)], cv.OPEN),  # another goal's link
    ],
)
def test_status_of_one_goal(links, expected):
    (item,) = cv.coverage([SKILLS], links)
    assert item.status == expected


def test_coverage_names_the_meetings_answered_first_and_counts():
    people = {1: (10, "Ana"), 2: (11, "Bo")}
    links = [link(2, SKILLS, cv.PARTLY), link(1, SKILLS, cv.ANSWERED), link(1, HIRING, cv.PARTLY)]
    items = cv.coverage([SKILLS, HIRING, CULTURE, ""], links, people)
    assert [i.status for i in items] == [cv.ANSWERED, cv.PARTLY, cv.OPEN]
    assert [a.name for a in items[0].answers] == ["Ana", "Bo"]
    assert [a.name for a in items[0].answered_by] == ["Ana"]
    assert [a.name for a in items[0].partly_by] == ["Bo"]
    summary = cv.summarize(items)
    assert summary == cv.CoverageSummary(total=3, answered=1, partly=1, open=1)
    assert summary.still_open == 2
    assert summary.line == "1 of 3 learning goals answered, 1 partly, 1 open."
    assert cv.CoverageSummary().line.startswith("No learning goals yet")
    # a link to a meeting that is gone still counts, named plainly
    assert cv.coverage([SKILLS], [link(9, SKILLS, cv.ANSWERED)])[0].answers[0].name == "a meeting"


def test_the_latest_word_on_a_meeting_and_goal_wins():
    links = [link(1, SKILLS, cv.ANSWERED), link(1, SKILLS, "")]
    assert cv.coverage([SKILLS], links)[0].status == cv.OPEN


# ----------------------------------------------------------------- D5.4 suggestions


def debrief(meeting_id, **text):
    return Debrief(meeting_id=meeting_id, contact_id=1, **text)


def test_a_debrief_sharing_two_distinctive_words_is_suggested_with_the_goals_words():
    notes = debrief(1, insights="They hire most juniors from a bootcamp; the portfolio matters.")
    found = cv.suggestions([HIRING, SKILLS], [notes], names={1: "Ana"})
    (hint,) = found[goal_key(HIRING)]
    assert hint.meeting_id == 1 and hint.name == "Ana"
    assert hint.words == ("hire", "juniors", "portfolio")  # in the goal's order, its wording
    assert found[goal_key(SKILLS)] == ()  # only "junior" shared: one word is not enough


def test_one_shared_word_is_not_enough_and_background_words_do_not_count():
    notes = debrief(1, insights="Research and analyst work, with a junior start.")
    background = background_stems(Objective(field_of_interest="research", roles=["analyst"]))
    assert cv.suggestions([SKILLS], [notes], background=background)[goal_key(SKILLS)] == ()
    assert cv.suggestions([SKILLS], [notes])[goal_key(SKILLS)] != ()  # without the background


def test_what_you_still_want_to_find_out_is_not_evidence():
    notes = debrief(1, reflection={"open_questions": "How they hire juniors; the portfolio"})
    assert cv.suggestions([HIRING], [notes])[goal_key(HIRING)] == ()
    notes = debrief(1, reflection={"learned": "How they hire juniors; the portfolio"})
    assert cv.suggestions([HIRING], [notes])[goal_key(HIRING)] != ()


def test_a_debrief_you_already_judged_is_not_suggested_again():
    notes = debrief(1, answers={"q": "they hire juniors with a portfolio"})
    for extent in cv.EXTENTS:
        assert cv.suggestions([HIRING], [notes], [link(1, HIRING, extent)])[goal_key(HIRING)] == ()
    assert cv.suggestions([HIRING], [notes], [link(1, HIRING, "")])[goal_key(HIRING)] != ()


def test_hostile_text_is_kept_literally_and_never_breaks_matching():
    notes = debrief(1, insights=HOSTILE * 3, surprises="\x00\x1b[31m" + "x" * 100_000)
    (hint,) = cv.suggestions([HOSTILE], [notes])[goal_key(HOSTILE)]
    assert "tools" in hint.words and "survey" in hint.words
    assert cv.coverage([HOSTILE], [link(1, HOSTILE, cv.ANSWERED)])[0].goal == HOSTILE


# ----------------------------------------------------------------- the workspace


def setup_workbook(ws, goals=(SKILLS, HIRING, CULTURE)):
    save_objectives(
        ws,
        Profile(name="Sam Lee"),
        Objective(
            kinds=["role", "organization"],
            field_of_interest="data analysis",
            roles=["Data analyst"],
            organizations=["Fernlight Studio"],
            goals=list(goals),
        ),
    )
    people = {
        "ana": Contact("Ana", "Ito", organization="Fernlight Studio", position="Office manager"),
        "bo": Contact("Bo", "Ek", organization="Acme", position="Junior data analyst"),
        "cy": Contact("Cy", "Oz", organization="Acme", position="Senior data analyst"),
        "di": Contact("Di", "Ma", organization="Other", position="Chef"),
    }
    ids = {}
    for key, person in people.items():
        person.target = True
        ids[key] = save_contact(ws, person)
    meeting = save_meeting(ws, Meeting(contact_id=ids["di"], starts_at="2026-01-13T15:00:00+00:00"))
    return ids, meeting


def test_set_link_is_one_action_that_returns_what_was_there(ws):
    ids, meeting = setup_workbook(ws)
    before = cv.set_link(ws, meeting, HIRING, cv.PARTLY)
    assert before.extent == "" and before.id is None
    again = cv.set_link(ws, meeting, HIRING.upper(), cv.ANSWERED)  # the same goal, by its key
    assert again.extent == cv.PARTLY and again.id is not None
    assert [(lk.extent, lk.goal) for lk in cv.load_links(ws)] == [(cv.ANSWERED, HIRING.upper())]
    cv.set_link(ws, meeting, HIRING, "")  # unticking keeps the row, with no extent
    assert [lk.extent for lk in cv.load_links(ws)] == [""]
    with pytest.raises(ValueError):
        cv.set_link(ws, meeting, HIRING, "mostly")
    with pytest.raises(ValueError):
        cv.set_link(ws, meeting, "  !! ", cv.ANSWERED)


def test_a_failed_write_leaves_nothing_behind(ws, monkeypatch):
    ids, meeting = setup_workbook(ws)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ws, "save", broken)
    with pytest.raises(RuntimeError):
        cv.set_link(ws, meeting, HIRING, cv.ANSWERED)
    monkeypatch.undo()
    assert cv.load_links(ws) == []


def test_coverage_summary_and_the_full_view_agree(ws):
    ids, meeting = setup_workbook(ws)
    save_debrief(ws, Debrief(meeting, ids["di"], insights="They use survey tools and methods."))
    assert cv.coverage_summary(ws) == cv.CoverageSummary(3, 0, 0, 3)
    cv.set_link(ws, meeting, SKILLS, cv.PARTLY)
    items = cv.load_coverage(ws)
    assert cv.summarize(items) == cv.coverage_summary(ws) == cv.CoverageSummary(3, 0, 1, 2)
    assert items[0].answers[0].name == "Di Ma"
    assert items[0].suggestions == ()  # judged already
    cv.set_link(ws, meeting, SKILLS, "")
    (hint,) = cv.load_coverage(ws)[0].suggestions
    assert hint.name == "Di Ma" and set(hint.words) == {"methods", "tools"}
    assert cv.load_coverage(ws, with_suggestions=False)[0].suggestions == ()


def test_an_empty_workbook_has_no_goals(ws):
    assert cv.coverage_summary(ws) == cv.CoverageSummary()
    assert cv.load_coverage(ws) == []
    assert cv.load_candidates(ws, []) == {}


# ----------------------------------------------------------------- D5.5 who could answer


def test_who_could_answer_follows_the_goals_topic_and_skips_people_met(ws):
    ids, meeting = setup_workbook(ws)
    ws.append_event("met", ids["di"])
    items = cv.load_coverage(ws)
    found = cv.load_candidates(ws, items)
    names = {key: [c.name for c in people] for key, people in found.items()}
    # the day-to-day: people in a role you want; hiring: a junior in it first
    assert names[goal_key(SKILLS)][:2] == ["Bo Ek", "Cy Oz"]
    assert names[goal_key(HIRING)][0] == "Bo Ek"
    assert "junior" in found[goal_key(HIRING)][0].why
    # culture at a named organization: the person who works there
    assert names[goal_key(CULTURE)][0] == "Ana Ito"
    assert "which this goal names" in found[goal_key(CULTURE)][0].why
    assert all("Di Ma" not in people for people in names.values())  # met already
    assert all(len(people) <= cv.CANDIDATES for people in names.values())


def test_answered_goals_need_nobody(ws):
    ids, meeting = setup_workbook(ws)
    cv.set_link(ws, meeting, SKILLS, cv.ANSWERED)
    found = cv.load_candidates(ws, cv.load_coverage(ws))
    assert goal_key(SKILLS) not in found and goal_key(HIRING) in found


def test_links_go_with_the_demo_persona(ws):
    from infoint.demo import apply_persona, load_persona, remove_persona

    apply_persona(ws)
    _, objective = load_persona()
    person = ws.query("SELECT id FROM contacts LIMIT 1")[0]["id"]
    meeting = save_meeting(ws, Meeting(contact_id=person, starts_at="2026-01-13T15:00:00+00:00"))
    cv.set_link(ws, meeting, objective.goals[0], cv.ANSWERED)
    assert cv.coverage_summary(ws).answered == 1
    remove_persona(ws, safety_copy=False)
    assert cv.load_links(ws) == []


# ----------------------------------------------------------------- step 4: questions for a goal


def test_step_4_proposes_bank_questions_sharing_the_goals_rarer_words():
    from infoint.questions import goal_questions

    objective = Objective(kinds=["role"], field_of_interest="UX research", roles=["UX researcher"])
    background = background_stems(objective)
    junior = goal_questions(HIRING, objective, "junior", background=background)
    assert len(junior) == 2 and not any(q.closing for q in junior)
    assert any("portfolio" in q.text for q in junior)  # the rarest shared word wins
    assert all("junior" in q.seniority for q in junior)
    again = goal_questions(
        HIRING, objective, "junior", background=background, exclude={junior[0].text}
    )
    assert junior[0] not in again
    assert goal_questions("the of and", objective, "mid") == []  # no distinctive word
    assert goal_questions(HIRING, objective, "mid", limit=0) == []


def test_undo_puts_a_link_taken_back_as_it_was(ws):
    from infoint import undo

    ids, meeting = setup_workbook(ws)
    cv.set_link(ws, meeting, SKILLS, cv.PARTLY)
    before = cv.set_link(ws, meeting, SKILLS, cv.NONE)
    message = undo.goal_unlinked(ws, before, "Di Ma").run()
    assert message == "Undone: your meeting with Di Ma is linked to that goal again (partly)."
    assert cv.coverage_summary(ws) == cv.CoverageSummary(3, 0, 1, 2)
