"""Step 4's question list (Q1, Q2, Q4): proposed, reordered, swapped, added from the bank or own.

The questions page composes one. The list reads its page's chosen person (``contact``,
``assessment``, ``objective``, ``ws``) and the meeting's length (``minutes``), and asks the
page to keep each change (``_persist``), which saves it with the meeting.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import questions as qs
from ..i18n import _, ngettext
from ..question_bank import theme_label
from ..schema import WorkspaceError
from ..undo import Undo
from .controls import controls
from .feedback import message_html
from .page import Page
from .undo import UndoButton

__all__ = ["QuestionList"]

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")

_css, _button = controls("questions")  # the list's widgets are the page's: ii-questions-<name>


class QuestionList:
    """Q1, Q2, Q4: a proposed set for this person and time, ending with the closing ask."""

    def __init__(self, page: Page):
        self.page = page
        self.current: list[qs.Question] = []
        self.removed: set[str] = set()
        self._bank: list[qs.Question] = []
        self.propose_button = _button(
            "propose", _("Suggest questions for this person"), button_style="primary"
        )
        self.propose_button.on_click(self._on_propose)
        self.list = _css(
            widgets.Select(
                description=_("Your questions, in order"),
                options=[],
                rows=10,
                style=_LABEL,
                layout=_WIDE,
            ),
            "list",
        )
        self.up_button = _button("up", _("Move up"))
        self.down_button = _button("down", _("Move down"))
        self.swap_button = _button("swap", _("Swap for another"))
        self.remove_button = _button("remove", _("Remove"))
        self.up_button.on_click(lambda _click: self._move(-1))
        self.down_button.on_click(lambda _click: self._move(1))
        self.swap_button.on_click(self._on_swap)
        self.remove_button.on_click(self._on_remove)
        self.bank_pick = _css(
            widgets.Dropdown(
                description=_("Add one from the question bank"),
                options=[],
                style=_LABEL,
                layout=_WIDE,
            ),
            "bank-pick",
        )
        self.bank_add = _button("bank-add", _("Add it"))
        self.bank_add.on_click(self._on_bank_add)
        self.own = _css(
            widgets.Text(description=_("Or write your own question"), style=_LABEL, layout=_WIDE),
            "own",
        )
        self.own_add = _button("own-add", _("Add my question"))
        self.own_add.on_click(self._on_own_add)
        self.typed = page.keep_typed("questions.own", {"text": self.own})
        self.fit_note = _css(widgets.HTML(), "fit")
        self.questions_status = _css(widgets.HTML(), "questions-status")
        # Undo beside the confirmation: puts back the question last removed or swapped out.
        self.undo = UndoButton("ii-questions-undo", self.questions_status)
        self.after_draw: list = []  # parts of the page that follow the list (goals still open)

    def widgets(self) -> list:
        """The list's widgets, in the order the page shows them."""
        return [
            widgets.HBox([self.propose_button]),
            self.list,
            widgets.HBox([self.up_button, self.down_button, self.swap_button, self.remove_button]),
            self.bank_pick,
            widgets.HBox([self.bank_add]),
            self.own,
            widgets.HBox([self.own_add]),
            self.fit_note,
            self.undo.row(),
        ]

    def show(self, entries) -> None:
        """Start from a meeting's saved questions, nothing removed yet."""
        self.current = qs.from_entries(entries)
        self.removed = set()
        self.undo.clear()

    def draw(self) -> None:
        """Show the list, the bank's questions not yet in it, and whether it fits the time."""
        page = self.page
        self.list.options = [
            (_("{number}. {question}").format(number=i, question=q.text), i - 1)
            for i, q in enumerate(self.current, 1)
        ]
        used = {q.text for q in self.current}
        seniority = page.assessment.seniority if page.contact else "mid"
        kinds = set(page.objective.kinds)
        bank = [
            q
            for q in qs.load_bank() + qs.load_custom_questions(page.ws)
            if q.text not in used
            and (not kinds or set(q.objectives) & kinds)
            and seniority in q.seniority
        ]
        self.bank_pick.options = [
            (_("{theme}: {question}").format(theme=theme_label(q.theme), question=q.text), i)
            for i, q in enumerate(bank)
        ]
        self._bank = bank
        ok, sentence = (
            qs.fits(self.current, int(page.minutes.value))
            if self.current
            else (False, _("No questions yet: press Suggest questions."))
        )
        self.fit_note.value = message_html(sentence, "ok" if ok else "note")
        for after in self.after_draw:
            after()

    def questions_changed(self, message: str) -> None:
        """Keep a change another part of the page made to ``current`` (saved with the meeting)."""
        self._questions_changed(message)

    def _questions_changed(self, message: str, select: int | None = None) -> None:
        self.undo.clear()  # another change: what Undo would put back no longer fits the list
        self.draw()
        if select is not None and 0 <= select < len(self.current):
            self.list.value = select
        self.page._persist(message)

    def _on_propose(self, _click=None) -> None:
        page = self.page
        if page.contact is None:
            return
        minutes = int(page.minutes.value)
        self.current = qs.propose(
            page.objective, page.assessment.seniority, minutes, exclude=self.removed
        )
        self._questions_changed(
            ngettext(
                "{n} question suggested for {name} and {minutes} minutes; the last one is the "
                "closing ask.",
                "{n} questions suggested for {name} and {minutes} minutes; the last one is the "
                "closing ask.",
                len(self.current),
            ).format(n=len(self.current), name=page.contact.full_name, minutes=minutes)
        )

    def _selected(self) -> int | None:
        if self.list.value is None:
            self.questions_status.value = message_html(
                _("Choose a question in the list first."), "warning"
            )
        return self.list.value

    def _move(self, step: int) -> None:
        i = self._selected()
        if i is None:
            return
        j = i + step
        closing_last = bool(self.current) and self.current[-1].closing
        if closing_last and len(self.current) - 1 in (i, j):
            self.questions_status.value = message_html(
                _("The closing ask stays last: it is how the conversation ends."), "note"
            )
            return
        if 0 <= j < len(self.current):
            self.current[i], self.current[j] = self.current[j], self.current[i]
            self._questions_changed(_("Order saved."), j)

    def _on_swap(self, _click=None) -> None:
        i = self._selected()
        if i is None:
            return
        before, removed = list(self.current), set(self.removed)
        self.removed.add(self.current[i].id)
        self.current = qs.swap(
            self.current,
            i,
            self.page.objective,
            self.page.assessment.seniority,
            exclude=self.removed,
        )
        self._questions_changed(_("Swapped and saved."), i)
        self._offer_put_back(before, removed, before[i], i)

    def _on_remove(self, _click=None) -> None:
        i = self._selected()
        if i is None:
            return
        before, removed = list(self.current), set(self.removed)
        gone = self.current.pop(i)
        if gone.id:
            self.removed.add(gone.id)
        self._questions_changed(_("Removed and saved."), min(i, len(self.current) - 1))
        self._offer_put_back(before, removed, gone, i)

    def _offer_put_back(self, before: list, removed: set, gone: qs.Question, i: int) -> None:
        """Offer Undo: the list as it was before ``gone`` left it, saved with the meeting."""

        def run() -> str:
            self.current, self.removed = list(before), set(removed)
            self.draw()
            self.list.value = i
            self.page._persist(_("Put back and saved."))
            if self.page.prep_form.dirty:  # not written: the state says why; Undo stays
                raise WorkspaceError(self.page.prep_form.state.text)
            return _("Undone: “{question}” is back in your list, and saved.").format(
                question=gone.text
            )

        self.undo.offer(Undo(_("removing “{question}”").format(question=gone.text), run))

    def _on_bank_add(self, _click=None) -> None:
        if self.bank_pick.value is None:
            return
        question = self._bank[self.bank_pick.value]
        closing_last = self.current and self.current[-1].closing
        self.current.insert(len(self.current) - 1 if closing_last else len(self.current), question)
        self._questions_changed(_("Added and saved."))

    def _on_own_add(self, _click=None) -> None:
        text = " ".join(self.own.value.split())
        if not text:
            self.questions_status.value = message_html(_("Write your question first."), "warning")
            return
        if any(q.text == text for q in self.current):
            self.questions_status.value = message_html(
                _("That question is already in your list."), "note"
            )
            return
        qs.save_custom_question(self.page.ws, text)
        closing_last = self.current and self.current[-1].closing
        self.current.insert(
            len(self.current) - 1 if closing_last else len(self.current), qs.custom_question(text)
        )
        self.typed.done()
        self._questions_changed(_("Your question was added and saved."))
