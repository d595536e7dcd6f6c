"""Learning goals answered, in-process: step 5's choices per goal (saved at once, Undo when a
link is taken back, suggestions from the notes), the coverage view in steps 1 and 5, step 4's
questions for goals still open, and the start page's line (D5.1-D5.5)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from test_ui_debrief import AMARA_AT, NOW, ROSA_AT, book, contact_id  # the same meetings

from infoint import coverage as cv
from infoint import targets as tg
from infoint.demo import apply_persona, load_persona
from infoint.goals import goal_key
from infoint.objectives import load_objective, save_objectives
from infoint.progress import workbook_progress
from infoint.ui.coverage import coverage_html
from infoint.ui.debrief import DebriefPage

GOALS = load_persona()[1].goals


@pytest.fixture
def demo_ws(ws):
    """The demo persona with meetings with Rosa and Amara, and Priya and Omar as targets."""
    apply_persona(ws)
    book(ws, contact_id(ws, "Rosa"), ROSA_AT)
    book(ws, contact_id(ws, "Amara"), AMARA_AT)
    return ws


def page_for(ws, first_name: str) -> DebriefPage:
    page = DebriefPage(ws, now=NOW)
    page.pick.value = next(
        m.id for m in page.meetings.values() if m.contact_id == contact_id(ws, first_name)
    )
    return page


def test_one_choice_per_goal_saves_at_once_and_the_view_follows(demo_ws):
    page = page_for(demo_ws, "Rosa")
    links = page.goal_links
    assert len(links.choices) == len(GOALS) == 4
    assert [c.description for c in links.choices][0] == "Did this meeting answer goal 1?"
    assert "0 of 4 learning goals answered, 0 partly, 4 open." in links.view.html.value
    links.choices[0].value = cv.ANSWERED
    links.choices[1].value = cv.PARTLY
    saved = {(lk.goal_key, lk.extent) for lk in cv.load_links(demo_ws)}
    assert saved == {(goal_key(GOALS[0]), cv.ANSWERED), (goal_key(GOALS[1]), cv.PARTLY)}
    assert all(lk.meeting_id == page.meeting.id for lk in cv.load_links(demo_ws))
    assert "Saved: your meeting with Rosa" in links.goals_status.value
    html = links.view.html.value
    assert "1 of 4 learning goals answered, 1 partly, 2 open." in html
    assert "Answered by your meeting with Rosa" in html
    # another meeting starts with its own choices, and shows the same coverage
    other = page_for(demo_ws, "Amara")
    assert [c.value for c in other.goal_links.choices] == ["", "", "", ""]
    assert "1 of 4 learning goals answered" in other.goal_links.view.html.value
    # back to Rosa: the choices are what was saved
    page.pick.value = next(m.id for m in page.meetings.values() if m.id != page.meeting.id)
    rosa = contact_id(demo_ws, "Rosa")
    page.pick.value = next(m.id for m in page.meetings.values() if m.contact_id == rosa)
    assert [c.value for c in page.goal_links.choices][:2] == [cv.ANSWERED, cv.PARTLY]


def test_taking_a_link_back_offers_undo_which_puts_it_back(demo_ws):
    page = page_for(demo_ws, "Rosa")
    links = page.goal_links
    links.choices[0].value = cv.ANSWERED
    assert not links.undo.shown  # nothing was taken back
    links.choices[0].value = cv.NONE
    assert links.undo.shown and cv.coverage_summary(demo_ws).answered == 0
    links.undo.button.click()
    assert cv.coverage_summary(demo_ws).answered == 1
    assert links.choices[0].value == cv.ANSWERED  # the choice shows it again
    assert "Undone" in links.goals_status.value and not links.undo.shown


def test_notes_that_match_a_goal_suggest_it_and_never_count_by_themselves(demo_ws):
    page = page_for(demo_ws, "Rosa")
    page.insights.value = "They run usability tests and interviews every week."
    page.flush()
    hint = page.goal_links.hints[0].value
    assert "&ldquo;interviews&rdquo;" in hint and "&ldquo;usability&rdquo;" in hint
    assert "Your notes from Rosa" in page.goal_links.view.html.value
    assert cv.coverage_summary(demo_ws).answered == 0
    page.goal_links.choices[0].value = cv.PARTLY
    assert page.goal_links.hints[0].value == ""  # judged: no longer a suggestion


def test_without_goals_the_part_says_where_to_write_them(ws):
    apply_persona(ws)
    objective = load_objective(ws)
    objective.goals = []
    save_objectives(ws, tg.Profile(name="Leela"), objective)
    book(ws, contact_id(ws, "Rosa"), ROSA_AT)
    page = page_for(ws, "Rosa")
    assert page.goal_links.choices == []
    assert "Write your learning goals in step 1" in page.goal_links.box.children[0].value


def test_a_goal_changed_elsewhere_gets_its_choice(demo_ws):
    page = page_for(demo_ws, "Rosa")
    objective = load_objective(demo_ws)
    objective.goals = [*objective.goals, "Which tools the team uses for survey design"]
    save_objectives(demo_ws, tg.Profile(name="Leela"), objective)
    page.live_refresh()
    assert len(page.goal_links.choices) == 5


def test_hostile_goals_and_names_are_escaped_in_the_view():
    item = cv.GoalCoverage(
        "<img src=x onerror=alert(1)> $5M",
        "k",
        cv.PARTLY,
        (cv.Answer(1, 2, "<b>Theo</b>", cv.PARTLY),),
        (cv.Suggestion(1, "<b>Theo</b>", ("<script>",)),),
    )
    who = {"k": [cv.Candidate(3, "<i>Ana</i>", "O'Neil & Co", "<u>Lead</u>", "x<y")]}
    html = coverage_html([item], who, {"k": ["<svg onload=1>"]})
    for raw in ("<img", "<b>", "<script>", "<i>", "<u>", "<svg"):
        assert raw not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Who on your target list could answer it" in html
    assert "Questions to ask next time" in html


def test_the_start_page_progress_and_the_report_say_the_same(demo_ws):
    from infoint.report import report_html
    from infoint.ui.start import StartPage

    page = page_for(demo_ws, "Rosa")
    page.goal_links.choices[0].value = cv.ANSWERED
    line = cv.coverage_summary(demo_ws).line
    assert line == "1 of 4 learning goals answered, 0 partly, 3 open."
    step5 = next(s for s in workbook_progress(demo_ws) if s.number == 5)
    assert ("Every learning goal answered", False) in step5.parts
    assert line in StartPage(demo_ws).progress_html.value
    report = report_html(demo_ws, now=datetime(2026, 3, 10, 14, 0, tzinfo=UTC)).decode()
    assert line in report


def test_step_4_offers_questions_for_goals_still_open_and_adds_one(demo_ws):
    from infoint import meetings as mt
    from infoint.ui.questions import QuestionsPage

    rosa = contact_id(demo_ws, "Rosa")
    page = QuestionsPage(demo_ws, now=NOW)
    page.person.value = rosa
    labels = [label for label, _ in page.goal_pick.options]
    assert labels and all(label.startswith("Goal ") for label in labels)
    assert {label.split(":")[0] for label in labels} >= {"Goal 1", "Goal 2"}
    assert "0 of 4 learning goals answered" in page.goal_questions.note.value
    chosen = page.goal_questions.offered[0]
    page.goal_pick.value = 0
    page.goal_add.click()
    saved = [q["text"] for q in mt.current_meeting(demo_ws, rosa).questions]
    assert chosen.text in saved and saved.index(chosen.text) == len(saved) - 2  # before closing
    assert chosen.text not in [q.text for q in page.goal_questions.offered]  # in the list now
    # once a meeting answered goal 1, it asks nothing more about it
    meeting = next(m for m in mt.load_meetings(demo_ws) if m.contact_id == rosa)
    cv.set_link(demo_ws, meeting.id, GOALS[0], cv.ANSWERED)
    page.select(rosa)
    assert not any(label.startswith("Goal 1:") for label, _ in page.goal_pick.options)
    assert "1 of 4 learning goals answered" in page.goal_questions.note.value
    for extent_goal in GOALS[1:]:
        cv.set_link(demo_ws, meeting.id, extent_goal, cv.ANSWERED)
    page.select(rosa)
    assert page.goal_pick.options == () and page.goal_pick.layout.display == "none"
    assert "Nothing left to ask" in page.goal_questions.note.value


def test_a_hostile_goal_is_text_in_the_choices_and_the_view(demo_ws):
    hostile = "<img src=x onerror=alert(1)> which $5M tools and survey methods"
    objective = load_objective(demo_ws)
    objective.goals = [hostile]
    save_objectives(demo_ws, tg.Profile(name="Leela"), objective)
    page = page_for(demo_ws, "Rosa")
    (row,) = page.goal_links.box.children
    shown = row.children[0].value + page.goal_links.view.html.value
    assert "<img" not in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert row.children[1].description == "Did this meeting answer goal 1?"  # no user text
    page.goal_links.choices[0].value = cv.ANSWERED
    assert cv.load_links(demo_ws)[0].goal == hostile  # kept literally


def test_step_1_follows_a_link_given_in_another_kernel(demo_ws):
    from infoint.ui.live import watcher_for
    from infoint.ui.objectives import ObjectivesPage
    from infoint.workspace import Workspace

    page = ObjectivesPage(demo_ws)
    assert "0 of 4 learning goals answered, 0 partly, 4 open." in page.coverage.html.value
    watcher = watcher_for(demo_ws)
    watcher.add(page.live_refresh)  # what ObjectivesPage.open and the app do
    meeting = demo_ws.rows("meetings")[0]["id"]
    other = Workspace.open(demo_ws.path)  # step 5 in another tab's kernel
    cv.set_link(other, meeting, GOALS[3], cv.PARTLY)
    other.close()
    assert watcher.check() is True
    html = page.coverage.html.value
    assert "0 of 4 learning goals answered, 1 partly, 3 open." in html
    assert "Partly answered by your meeting with" in html


def test_step_4_in_the_app_follows_a_goal_answered_in_step_5(demo_ws):
    """Step 4 was open, then step 5 answered goal 1: back in step 4 its questions for goal 1
    are gone and the line says so, with no other person chosen by hand."""
    from infoint import meetings as mt
    from infoint.ui.app import App

    rosa = contact_id(demo_ws, "Rosa")
    app = App(demo_ws)
    app.open_step("questions")
    app.pages["questions"].person.value = rosa
    part = app.pages["questions"].goal_questions
    assert any(label.startswith("Goal 1:") for label, _ in part.pick.options)
    app.open_step("debrief")
    meeting = next(m for m in mt.load_meetings(demo_ws) if m.contact_id == rosa)
    cv.set_link(demo_ws, meeting.id, GOALS[0], cv.ANSWERED)  # as step 5's choice does
    assert app.watcher.check()
    app.open_step("questions")
    assert not any(label.startswith("Goal 1:") for label, _ in part.pick.options)
    assert "1 of 4 learning goals answered" in part.note.value
    assert app.pages["questions"].person.value == rosa
