"""Step 5's goal links (D5.1-D5.4): which of your step-1 goals the meeting shown answered.

The debrief page composes one. For each goal a choice (not linked, answered, partly, not about
this) saves at once (``coverage.set_link``, one transaction); a goal the notes seem to answer
says so beside it (D5.4), and taking back a link offers Undo. Below, the coverage of all your
goals (``ui/coverage.CoverageView``) follows every change.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import coverage as cv
from .. import undo as undoing
from ..goals import background_stems
from ..i18n import _
from ..objectives import load_objective
from ..safe import escape
from ..schema import WorkspaceError
from .controls import controls
from .coverage import CoverageView, quoted
from .feedback import message_html
from .undo import UndoButton

__all__ = ["GoalLinks"]

_LABEL = {"description_width": "initial"}
_EXTENTS = ("", cv.ANSWERED, cv.PARTLY, cv.NONE)


def _options() -> list[tuple[str, str]]:
    """The choices for one goal, labelled in the language in use (the values stay the keys)."""
    return [(_(cv.EXTENT_LABELS[e]), e) for e in _EXTENTS]


_css, _button = controls("debrief")  # the part's widgets are the page's: ii-debrief-<name>


class GoalLinks:
    """D5: tick which goals the meeting shown answered; see where every goal stands."""

    def __init__(self, page):
        self.page = page
        self.goals: list[str] = []
        self.choices: list[widgets.Dropdown] = []
        self.hints: list[widgets.HTML] = []
        self._drawing = False
        self.box = _css(widgets.VBox(), "goals")
        self.goals_status = _css(widgets.HTML(), "goals-status")
        self.undo = UndoButton("ii-debrief-goals-undo", self.goals_status, self.update)
        self.view = CoverageView(page.ws, "ii-debrief-coverage", _("this step"))

    def widgets(self) -> list:
        """The part's widgets, in the order the page shows them."""
        intro = widgets.HTML(
            "<p>"
            + escape(
                _(
                    "Which of the goals you set in step 1 did this meeting answer? Choose "
                    "“Answered” or “Partly” for each one it did; a goal no "
                    "meeting answered stays open."
                )
            )
            + "</p>"
        )
        heading = widgets.HTML(
            "<p><strong>" + escape(_("Where all your goals stand")) + "</strong></p>"
        )
        return [intro, self.box, self.undo.row(), heading, self.view.html]

    def draw(self) -> None:
        """One choice per goal for the meeting shown, set to what you said before."""
        page = self.page
        self.goals = cv.goal_list(load_objective(page.ws).goals)
        meeting = page.meeting
        if meeting is None or not self.goals:
            self.choices, self.hints = [], []
            self.box.children = [
                widgets.HTML(
                    message_html(
                        _(
                            "Write your learning goals in step 1 to see which ones each "
                            "meeting answered."
                        )
                        if not self.goals
                        else _("Choose a meeting above first."),
                        "note",
                    )
                )
            ]
            self.view.draw()
            return
        given = {
            link.goal_key: link.extent
            for link in cv.load_links(page.ws)
            if link.meeting_id == meeting.id
        }
        rows, self.choices, self.hints = [], [], []
        self._drawing = True
        try:
            for number, goal in enumerate(self.goals, 1):
                text = widgets.HTML(
                    "<p class='ii-debrief-goal'><strong>"
                    + escape(_("Goal {number}.").format(number=number))
                    + f"</strong> {escape(goal)}</p>"
                )
                choice = _css(
                    widgets.Dropdown(
                        description=_("Did this meeting answer goal {number}?").format(
                            number=number
                        ),
                        options=_options(),
                        value=given.get(cv.goal_key(goal), ""),
                        style=_LABEL,
                    ),
                    "goal-link",
                )
                choice.observe(
                    lambda change, goal=goal: self._chosen(goal, change["old"], change["new"]),
                    names="value",
                )
                hint = _css(widgets.HTML(), "goal-hint")
                rows.append(widgets.VBox([text, choice, hint]))
                self.choices.append(choice)
                self.hints.append(hint)
        finally:
            self._drawing = False
        self.box.children = rows
        self.update()

    def live_refresh(self) -> None:
        """Goals changed in step 1 get their choices again; otherwise only what is shown."""
        if cv.goal_list(load_objective(self.page.ws).goals) != self.goals:
            self.draw()
        else:
            self.update()

    def update(self) -> None:
        """The suggestions beside each goal and the coverage of all goals, from what is saved."""
        page = self.page
        if page.meeting is not None and self.goals and page.debrief is not None:
            links = cv.load_links(page.ws)
            background = background_stems(load_objective(page.ws))
            found = cv.suggestions(self.goals, [page.debrief], links, background)
            for goal, hint in zip(self.goals, self.hints, strict=False):
                shared = found.get(cv.goal_key(goal), ())
                hint.value = (
                    "<p class='ii-muted'>"
                    + escape(_("Your notes mention {words}: they may answer this goal.")).format(
                        words=_(", ").join(quoted(w) for w in shared[0].words)
                    )
                    + "</p>"
                    if shared
                    else ""
                )
            if self.choices:
                by_key = {
                    link.goal_key: link.extent
                    for link in links
                    if link.meeting_id == page.meeting.id
                }
                self._drawing = True
                try:
                    for goal, choice in zip(self.goals, self.choices, strict=False):
                        choice.value = by_key.get(cv.goal_key(goal), "")
                finally:
                    self._drawing = False
        self.view.draw()

    def _chosen(self, goal: str, old: str, new: str) -> None:
        page = self.page
        if self._drawing or page.meeting is None:
            return
        name = page.contact.full_name if page.contact else _("this person")
        try:
            before = cv.set_link(page.ws, page.meeting.id, goal, new)
        except (WorkspaceError, ValueError) as exc:  # the choice must not claim an unsaved link
            self._drawing = True
            try:
                self.choices[self.goals.index(goal)].value = old
            finally:
                self._drawing = False
            self.goals_status.value = message_html(
                _("Not saved: {error}").format(error=exc), "warning"
            )
            return
        number = self.goals.index(goal) + 1
        said = {
            cv.ANSWERED: _("Saved: your meeting with {name} answered goal {number}."),
            cv.PARTLY: _("Saved: your meeting with {name} partly answered goal {number}."),
            cv.NONE: _("Saved: your meeting with {name} was not about goal {number}."),
            "": _("Saved: goal {number} is no longer linked to your meeting with {name}."),
        }[new].format(name=name, number=number)
        self.goals_status.value = message_html(said, "ok")
        if before.extent in (cv.ANSWERED, cv.PARTLY) and new not in (cv.ANSWERED, cv.PARTLY):
            self.undo.offer(undoing.goal_unlinked(page.ws, before, name))
        self.update()
