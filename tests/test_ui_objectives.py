"""Step 1's form in-process: type (it saves by itself), and check what the workspace holds.

Without a running event loop a change waits for ``flush()``, which is what the debounce does
about a second after typing stops; tests/test_ui_autosave.py drives the real debounce."""

from __future__ import annotations

import json

import pytest

from infoint.records import Objective, Profile
from infoint.ui.objectives import ObjectivesPage


def type_in(page: ObjectivesPage) -> None:
    page.name.value = "Ale$$andra <b>Bold</b>"
    page.email.value = "alessandra.bold@example.edu"
    page.timezone.value = "Europe/Paris"
    page.kinds["role"].value = True
    page.kinds["career_path"].value = True
    page.field_of_interest.value = "$5M and $10M product design"
    page.roles.value = "UX researcher\n  Design researcher  \n\n"
    page.organizations.value = "Maple, Birch & Co.\n"
    page.goals.value = (
        "Which research methods a UX researcher uses day to day\n"
        "How the team hires and which experience counts"
    )
    page.plan_inputs["total"].value = 4
    page.suggest_button.click()
    page.pitch.value = (
        "I'm a hospitality manager moving into UX research and would love your view on how "
        "people start."
    )


def test_save_writes_profile_and_objective(ws):
    page = ObjectivesPage(ws)
    type_in(page)
    assert "Saving..." in page.status.value and page.save_state.pending
    assert ws.get_row("profile") is None  # nothing written per keystroke
    page.flush()
    assert "Saved " in page.status.value and not page.save_state.pending
    profile = Profile.from_row(ws.get_row("profile"))
    objective = Objective.from_row(ws.get_row("objective"))
    assert profile.name == "Ale$$andra <b>Bold</b>"
    assert profile.timezone == "Europe/Paris"
    assert objective.kinds == ["role", "career_path"]
    assert objective.roles == ["UX researcher", "Design researcher"]
    assert objective.organizations == ["Maple, Birch & Co."]
    assert len(objective.goals) == 2
    assert objective.plan.total == 4
    assert objective.plan.junior + objective.plan.senior == 4


def test_reopening_shows_what_was_saved(ws):
    first = ObjectivesPage(ws)
    type_in(first)
    first.flush()
    again = ObjectivesPage(ws)
    assert again.collect() == first.collect()
    assert "Showing what you saved" in again.status.value


def test_typing_saves_without_a_click(ws):
    assert "Nothing saved yet" in ObjectivesPage(ws).status.value
    page = ObjectivesPage(ws)
    page.name.value = "Typed, never clicked"
    assert page.flush()
    assert ws.get_row("profile")["name"] == "Typed, never clicked"
    again = ObjectivesPage(ws)
    assert again.name.value == "Typed, never clicked"
    assert "Showing what you saved" in again.status.value


def test_live_feedback_flags_and_escapes(ws):
    page = ObjectivesPage(ws)
    page.name.value = "Jane Doe"
    page.email.value = "binaryman01@gmail.com"
    assert "O5" in page.profile_feedback.value and "binary" in page.profile_feedback.value
    page.goals.value = "learn more <img src=x onerror=alert(1)>"
    assert "O2" in page.goals_feedback.value
    assert "<img" not in page.goals_feedback.value and "&lt;img" in page.goals_feedback.value
    page.plan_inputs["junior"].value = 6
    assert "O3" in page.plan_feedback.value
    page.pitch.value = " ".join(["word"] * 120)
    assert "120 words" in page.pitch_feedback.value and "O4" in page.pitch_feedback.value


def test_plan_chart_shows_numbers_as_text(ws):
    page = ObjectivesPage(ws)
    page.plan_inputs["total"].value = 6
    page.suggest_button.click()
    chart = page.plan_chart.value
    assert chart.startswith("<svg") and 'role="img"' in chart and "aria-label=" in chart
    assert ">4<" in chart  # the value "both" printed next to its bar


def test_save_with_open_points_still_saves_and_says_so(ws):
    page = ObjectivesPage(ws)
    page.email.value = "not an address"
    page.flush()
    assert "Saved " in page.status.value and "could still be improved" in page.status.value
    assert ws.get_row("profile")["email"] == "not an address"


def test_demo_types_and_its_answers_are_saved(ws):
    page = ObjectivesPage.open(None, demo=True)
    row = ws.get_row("profile")
    assert row["name"] == page.name.value != ""
    assert json.loads(ws.get_row("objective")["goals"]) == [
        g.strip() for g in page.goals.value.splitlines()
    ]


@pytest.mark.parametrize(
    "css",
    [
        "name",
        "email",
        "timezone",
        "field",
        "roles",
        "organizations",
        "goals",
        "pitch",
        "save-state",
        "status",
        "plan-total",
    ],
)
def test_every_control_has_its_css_class(ws, css):
    page = ObjectivesPage(ws)
    widgets_ = [
        page.name,
        page.email,
        page.timezone,
        page.field_of_interest,
        page.roles,
        page.organizations,
        page.goals,
        page.pitch,
        page.status,
        *page.plan_inputs.values(),
    ]
    assert any(f"ii-objectives-{css}" in w._dom_classes for w in widgets_)


def test_every_input_has_a_label(ws):
    page = ObjectivesPage(ws)
    inputs = [
        page.name,
        page.email,
        page.timezone,
        page.field_of_interest,
        page.roles,
        page.organizations,
        page.goals,
        page.pitch,
        *page.kinds.values(),
        *page.plan_inputs.values(),
    ]
    assert all(w.description.strip() for w in inputs)
