"""Step 4's questions for your goals still open (D5.3 with Q2): what to ask this person next.

The questions page composes one below its question list. For each goal of step 1 that no
meeting answered in full (``coverage``), the bank's questions about it (``questions.
goal_questions``), suited to the person's seniority and not in the list yet, are offered in one
choice; *Add it to my list* puts the chosen one before the closing ask, saved with the meeting.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import coverage as cv
from .. import questions as qs
from ..goals import background_stems
from ..i18n import _
from ..safe import escape, one_line
from .controls import controls
from .feedback import message_html

__all__ = ["GoalQuestions"]

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")

_css, _button = controls("questions")  # the part's widgets are the page's: ii-questions-<name>


class GoalQuestions:
    """D5.3, Q2: questions for the goals your meetings have not answered yet."""

    def __init__(self, page):
        self.page = page
        self.offered: list[qs.Question] = []
        self.note = _css(widgets.HTML(), "goal-note")
        self.pick = _css(
            widgets.Dropdown(
                description=_("A question for a goal still open"),
                options=[],
                style=_LABEL,
                layout=_WIDE,
            ),
            "goal-pick",
        )
        self.add_button = _button("goal-add", _("Add it to my list"))
        self.add_button.on_click(self._on_add)

    def widgets(self) -> list:
        """The part's widgets, in the order the page shows them."""
        heading = widgets.HTML(
            "<p><strong>{}</strong></p>".format(escape(_("For your goals still open")))
        )
        return [heading, self.note, self.pick, widgets.HBox([self.add_button])]

    def draw(self) -> None:
        """The goals not answered yet and, for the person chosen, a question or two for each."""
        page = self.page
        items = [i for i in cv.load_coverage(page.ws, with_suggestions=False)]
        todo = [i for i in items if i.status != cv.ANSWERED]
        self.offered = []
        options = []
        if page.contact is not None and todo:
            seniority = page.assessment.seniority
            background = background_stems(page.objective)
            used = {q.text for q in page.question_list.current}
            for number, item in enumerate(items, 1):
                if item.status == cv.ANSWERED:
                    continue
                for q in qs.goal_questions(
                    item.goal, page.objective, seniority, exclude=used, background=background
                ):
                    if q.text in {o.text for o in self.offered}:
                        continue
                    self.offered.append(q)
                    options.append(
                        (
                            _("Goal {number}: {question}").format(number=number, question=q.text),
                            len(options),
                        )
                    )
        self.pick.options = options
        shown = bool(options)
        self.pick.layout.display = None if shown else "none"
        self.add_button.layout.display = None if shown else "none"
        if shown:
            self.pick.value = 0  # the best match, ready for "Add it to my list"
        summary = cv.summarize(items)
        if not items:
            html = escape(
                _("Write your learning goals in step 1 and questions for them appear here.")
            )
        elif not todo:
            html = escape(
                _("{summary} Nothing left to ask about them.").format(summary=summary.line)
            )
        else:
            goals = "".join(
                "<li>{}</li>".format(
                    escape(
                        _("Goal {number} ({status}): {goal}").format(
                            number=n,
                            status=_(cv.STATUS_LABELS[i.status]),
                            goal=one_line(i.goal, 120),
                        )
                    )
                )
                for n, i in enumerate(items, 1)
                if i.status != cv.ANSWERED
            )
            html = "{}</p><ul>{}</ul><p>".format(
                escape(_("{summary} Still to find out:").format(summary=summary.line)), goals
            )
            if page.contact is not None and not options:
                html += escape(
                    _("The question bank has nothing more on them: write your own above.")
                )
        self.note.value = f"<p>{html}</p>".replace("<p></p>", "")

    def _on_add(self, _click=None) -> None:
        page = self.page
        if page.contact is None or self.pick.value is None:
            return
        question = self.offered[self.pick.value]
        ql = page.question_list
        if any(q.text == question.text for q in ql.current):
            ql.questions_status.value = message_html(_("That question is already in your list."))
            return
        closing_last = bool(ql.current) and ql.current[-1].closing
        ql.current.insert(len(ql.current) - 1 if closing_last else len(ql.current), question)
        ql.questions_changed(_("Added for a goal still open, and saved."))
