"""Step 5's page: notes per question, insights, reflection, fit, actions, referrals, comparison.

Action items (D4) are ui/action_items.py's, referrals (D3) ui/referrals.py's and the
comparison's chart and table (D5) ui/comparison_table.py's; the page holds the meeting, the
notes, the reflection and the fit.
"""

from __future__ import annotations

from datetime import datetime

import ipywidgets as widgets

from .. import comparison as cmp
from .. import debrief as db
from .. import meetings as mt
from .. import meetings_log as mt_log
from .. import pipeline, stages
from .. import targets as tg
from ..i18n import N_, _
from ..progress import pipeline_settings
from ..safe import escape
from ..workspace import Workspace
from .action_items import ActionItems
from .autosave import state_html
from .comparison_table import comparison_chart_html, comparison_table_html
from .controls import controls
from .feedback import STYLE, findings_html, message_html
from .goal_links import GoalLinks
from .page import Page
from .referrals import Referrals
from .section import section
from .thanks_table import moment_text

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


def _ratings() -> list[tuple[str, int]]:
    return [(_("not rated"), 0)] + [(str(i), i) for i in range(1, 6)]


_css, _button = controls("debrief")


def _area(name: str, label: str, rows: int = 4) -> widgets.Textarea:
    # continuous_update: every key reaches the kernel, and the debounce saves once typing stops
    return _css(
        widgets.Textarea(
            description=label,
            style=_LABEL,
            layout=widgets.Layout(width="95%", height=f"{rows * 1.6 + 1}em"),
            continuous_update=True,
        ),
        name,
    )


class DebriefPage(Page):
    """The views of 05_debrief, bound to one workspace."""

    # The sections in the order the notebook shows them, each with its heading in the app
    # (tests/test_hygiene.py: the notebook calls exactly these, in this order).
    SECTIONS = (
        ("choose_section", N_("Which meeting?")),
        ("notes_section", N_("What you heard")),
        ("reflect_section", N_("Reflect")),
        ("goals_section", N_("Which of your goals it answered")),
        ("actions_section", N_("What they suggested you do")),
        ("referrals_section", N_("People they suggested")),
        ("compare_section", N_("Compare your meetings")),
    )

    def __init__(self, ws: Workspace, now: datetime | None = None):
        self.ws = ws
        self._now = now
        self.tz = pipeline_settings(ws).tz
        self.meeting: mt.Meeting | None = None
        self.debrief: db.Debrief | None = None
        self.contact: tg.Contact | None = None
        self._loading = False
        self.pick = _css(
            widgets.Dropdown(
                description=_("Meeting"),
                options=[],
                style=_LABEL,
                layout=widgets.Layout(width="80%"),
            ),
            "meeting",
        )
        self.pick.observe(lambda _: self.select(self.pick.value), names="value")
        # No Save button: notes, reflection and ratings save as they are typed.
        self.debrief_form = self.autosave(
            self._write, active=lambda: not self._loading and self.meeting is not None
        )
        # A button: only the user knows the meeting took place (an event: S1's 48 hours start).
        self.held_button = _button("held", _("It took place"), button_style="primary")
        self.held_button.on_click(self._on_held)
        self.meeting_note = _css(widgets.HTML(), "meeting-note")
        self.answers_box = _css(widgets.VBox(), "answers")
        self.insights = _area("insights", _("Insights: what you learned"))
        self.surprises = _area("surprises", _("Surprises: what you didn't expect"))
        self.reflection = {
            key: _area(f"reflect-{key}", _(text), 3) for key, text in db.REFLECTION_QUESTIONS
        }
        self.role_fit = _css(
            widgets.ToggleButtons(
                description=_("How well does the role fit you? (1-5)"),
                options=_ratings(),
                style=_LABEL,
            ),
            "role-fit",
        )
        self.org_fit = _css(
            widgets.ToggleButtons(
                description=_("How well does the organization fit you? (1-5)"),
                options=_ratings(),
                style=_LABEL,
            ),
            "org-fit",
        )
        self.next_changes = _area(
            "next-changes", _("What will you change next: targets, resume, questions?"), 3
        )
        for w in [
            self.insights,
            self.surprises,
            *self.reflection.values(),
            self.role_fit,
            self.org_fit,
            self.next_changes,
        ]:
            w.observe(self._changed, names="value")
        self.status = _css(_css(widgets.HTML(), "status"), "save-state")
        self._opened_note = ""
        self.save_state.observe(self._show_state, names=["text", "pending", "ok"])
        self.findings = _css(widgets.HTML(), "findings")
        # D4
        self.action_items = ActionItems(self)
        items = self.action_items  # tests and notebooks reach its widgets as page attributes
        self.item_text, self.item_due = items.item_text, items.item_due
        self.item_add, self.items_list = items.item_add, items.items_list
        self.item_done, self.items_status = items.item_done, items.items_status
        # D3
        self.referrals = Referrals(self)
        refs = self.referrals  # tests and notebooks reach its widgets as page attributes
        self.ref_first, self.ref_last, self.ref_org = refs.ref_first, refs.ref_last, refs.ref_org
        self.ref_position, self.ref_email = refs.ref_position, refs.ref_email
        self.ref_add, self.ref_status = refs.ref_add, refs.ref_status
        # D5: the goals of step 1 this meeting answered, and where all of them stand
        self.goal_links = GoalLinks(self)
        # D5
        self.compare_chart = _css(widgets.HTML(), "compare-chart")
        self.compare_table = _css(widgets.HTML(), "compare-table")
        self.refresh()

    def run_demo(self) -> None:
        """As a person would, right after the meeting."""
        from datetime import timedelta

        if not self.pick.options:
            return
        self.pick.value = self.pick.options[0][1]
        self.held_button.click()
        for i, box in enumerate(self.answer_boxes):
            box.value = (
                "Mostly usability tests and interviews with travellers; "
                "synthesis takes longer than the sessions.",
                "People who ask good questions early; curiosity over polish.",
            )[i % 2]
        self.insights.value = (
            "Research ops is a real path in; "
            "a hospitality background helps with empathy for frontline staff."
        )
        self.surprises.value = "The team hires juniors from a certificate program every spring."
        self.reflection[
            db.REFLECTION_QUESTIONS[0][0]
        ].value = "Yes, more than before: the day-to-day suits me."
        self.role_fit.value, self.org_fit.value = 4, 5
        self.flush()  # what the debounce does once typing stops
        # D5: the notes answer the first goal and part of the second; the others stay open
        if len(self.goal_links.choices) >= 2:
            self.goal_links.choices[0].value = "answered"
            self.goal_links.choices[1].value = "partly"
        self.item_text.value = "Read the book she recommended on interviewing users"
        self.item_due.value = self.now().date() + timedelta(days=7)
        self.item_add.click()
        self.ref_first.value, self.ref_last.value = "Nadia", "Okafor"
        self.ref_org.value, self.ref_position.value = "Harbourline Hotels", "Junior UX Researcher"
        self.ref_add.click()

    # -- sections --------------------------------------------------------------------------------
    @section
    def choose_section(self) -> widgets.VBox:
        """Which meeting, and whether it took place."""
        return widgets.VBox(
            [widgets.HTML(STYLE), self.pick, self.meeting_note, widgets.HBox([self.held_button])]
        )

    @section
    def notes_section(self) -> widgets.VBox:
        """D1: notes next to each prepared question, then insights and surprises."""
        return widgets.VBox([self.answers_box, self.insights, self.surprises])

    @section
    def reflect_section(self) -> widgets.VBox:
        """D2: the reflection questions and how well the role and organization fit."""
        box = widgets.VBox(
            [
                *self.reflection.values(),
                widgets.HBox([self.role_fit, self.org_fit]),
                self.next_changes,
                self.findings,
                self.status,
            ]
        )
        box.add_class("ii-fields")  # the reflections two by two where there is room
        box.add_class("ii-areas")
        return box

    @section
    def goals_section(self) -> widgets.VBox:
        """D5.1-D5.4: which goals of step 1 this meeting answered; where every goal stands."""
        return widgets.VBox(self.goal_links.widgets())

    @section
    def actions_section(self) -> widgets.VBox:
        """D4: what they suggested you do, with a date, shown on the start page until done."""
        box = widgets.VBox(self.action_items.widgets())
        box.add_class("ii-fields")
        return box

    @section
    def referrals_section(self) -> widgets.VBox:
        """D3: people they suggested become warm contacts in step 2, "referred by" recorded."""
        box = widgets.VBox(self.referrals.widgets())
        box.add_class("ii-fields")
        return box

    @section
    def compare_section(self) -> widgets.VBox:
        """D5: every debriefed meeting side by side."""
        return widgets.VBox([self.compare_chart, self.compare_table])

    # -- state ------------------------------------------------------------------------------------
    def refresh(self, keep_form: bool = False) -> None:
        """Meetings to debrief (newest first) and the comparison. ``keep_form``: a change made
        elsewhere; the meeting shown stays as it is (its form may be being typed in) unless it
        is gone from the list."""
        self.contacts = {c.id: c for c in tg.load_contacts(self.ws)}
        meetings = [
            m
            for m in mt.load_meetings(self.ws)
            if not m.cancelled and m.starts_at and m.contact_id in self.contacts
        ]
        meetings.sort(key=lambda m: m.starts_at, reverse=True)
        self.meetings = {m.id: m for m in meetings}
        options = [
            (
                _("{name}, {when}").format(
                    name=self.contacts[m.contact_id].full_name,
                    when=moment_text(mt.start_time(m.starts_at, self.tz), "short"),
                ),
                m.id,
            )
            for m in meetings
        ]
        shown = self.meeting.id if self.meeting is not None else None
        if keep_form and shown in self.meetings and options == list(self.pick.options):
            self._draw_compare()
            return
        self._loading = True
        self.pick.options = options
        if keep_form and shown in self.meetings:
            self.pick.value = shown  # the same meeting, its form untouched
            self._loading = False
            self._draw_compare()
            return
        self._loading = False
        if meetings:
            current = shown if shown in self.meetings else meetings[0].id
            if self.pick.value == current:
                self.select(current)
            else:
                self.pick.value = current  # its observer shows it
        else:
            self.meeting_note.value = message_html(
                _("No meetings yet: record one in step 4 when someone says yes."), "note"
            )
            self.goal_links.draw()
        self._draw_compare()

    def show_person(self, contact_id: int) -> bool:
        """An agenda link's person: show their meeting (the latest one, first in the list)."""
        meeting = next(
            (m for _, m in self.pick.options if self.meetings[m].contact_id == contact_id), None
        )
        if meeting is None:
            return False
        self.pick.value = meeting
        return True

    def select(self, meeting_id) -> None:
        """Show one meeting's debrief (what was typed for the one shown is written first)."""
        if self._loading or meeting_id not in getattr(self, "meetings", {}):
            return
        self.debrief_form.flush()
        self.meeting = self.meetings[meeting_id]
        self.contact = self.contacts[self.meeting.contact_id]
        self.debrief = db.load_debrief(self.ws, self.meeting.id, self.contact.id)
        events = stages.events_by_contact(self.ws, self.contact.id).get(self.contact.id, [])
        held = any(e.kind == pipeline.MET for e in events)
        self.held_button.layout.display = "none" if held else None  # it applies until it is
        organization = self.contact.organization or _("no organization")
        self.meeting_note.value = message_html(
            (
                _("Held: with {name} ({organization}).")
                if held
                else _("Not marked as held yet: with {name} ({organization}).")
            ).format(name=self.contact.full_name, organization=organization),
            "note",
        )
        self.questions = db.question_texts(self.meeting.questions)
        self._loading = True
        try:
            boxes = []
            for i, question in enumerate(self.questions):
                heading = widgets.HTML(
                    f"<p class='ii-debrief-question'><strong>{i + 1}.</strong> "
                    f"{escape(question)}</p>"
                )
                box = _area("answer", _("Your notes on question {n}").format(n=i + 1), 3)
                box.value = db.answer_for(self.debrief, i, question)
                box.observe(self._changed, names="value")
                boxes += [heading, box]
            self.answer_boxes = boxes[1::2]
            self.answers_box.children = boxes or [
                widgets.HTML(
                    "<p>"
                    + escape(
                        _(
                            "No questions were prepared for this meeting: "
                            "write your notes under Insights."
                        )
                    )
                    + "</p>"
                )
            ]
            d = self.debrief
            self.insights.value, self.surprises.value, self.next_changes.value = (
                d.insights,
                d.surprises,
                d.next_changes,
            )
            for key, box in self.reflection.items():
                box.value = d.reflection.get(key, "")
            self.role_fit.value, self.org_fit.value = d.role_fit or 0, d.org_fit or 0
        finally:
            self._loading = False
        self.action_items.draw()
        self.goal_links.draw()
        self.debrief_form.discard()  # what the form shows now is what the workspace holds
        self._opened_note = (
            _("Saved earlier. Every change saves as you type.")
            if self.debrief.id
            else _("Not started yet: your notes save as you type.")
        )
        self._show_state()
        self.findings.value = findings_html(db.check_debrief(self._collect(), self.questions))

    def _collect(self) -> db.Debrief:
        d = self.debrief
        d.answers = {
            q: box.value
            for q, box in zip(self.questions, self.answer_boxes, strict=False)
            if box.value.strip()
        }
        d.insights, d.surprises, d.next_changes = (
            self.insights.value,
            self.surprises.value,
            self.next_changes.value,
        )
        d.reflection = {key: box.value for key, box in self.reflection.items() if box.value.strip()}
        d.role_fit, d.org_fit = self.role_fit.value or None, self.org_fit.value or None
        return d

    def _changed(self, _click=None) -> None:
        if not self._loading:
            self.findings.value = findings_html(db.check_debrief(self._collect(), self.questions))
            self.debrief_form.changed()

    def save(self, _click=None) -> bool:
        """Write everything typed so far now (typing does this by itself); True when saved."""
        if self.meeting is None:
            return False
        return self.debrief_form.flush()

    def _write(self) -> None:
        """The autosave: the debrief of the meeting shown (one transaction), then the
        comparison."""
        db.save_debrief(self.ws, self._collect())
        self._draw_compare()
        self.goal_links.update()  # the suggestions follow the notes

    def _show_state(self, _change=None) -> None:
        state = self.save_state
        self.status.value = (
            state_html(state) if state.text else message_html(self._opened_note, "note")
        )

    def _on_held(self, _click=None) -> None:
        if self.meeting is None:
            return
        # A button: only the user knows the meeting took place.
        if not mt_log.mark_held(self.ws, self.meeting, self.tz, at=self.now()):
            self.meeting_note.value = message_html(
                _("Already marked as held. The thank-you is due within 48 hours: see step 6."),
                "note",
            )
            return
        self.held_button.layout.display = "none"
        self.meeting_note.value = message_html(
            _(
                "Marked as held. Write your notes now, while they are fresh, "
                "and thank {name} within 48 hours (step 6)."
            ).format(name=self.contact.full_name),
            "ok",
        )

    # -- D5 ----------------------------------------------------------------------------------------
    def live_refresh(self) -> None:
        """The meetings to debrief and their comparison follow changes made elsewhere (a
        meeting booked or cancelled in step 4); the form being typed in is left alone. The
        goals' coverage follows too (a goal written in step 1 gets its choice)."""
        self.refresh(keep_form=True)
        self.goal_links.live_refresh()

    def _draw_compare(self) -> None:
        debriefs = db.load_debriefs(self.ws)
        contacted = {cid for cid, _ in stages.events_by_contact(self.ws).items()}
        comparison = cmp.compare(debriefs, self.contacts, contacted=contacted)
        if not comparison.rows:
            self.compare_chart.value = ""
            self.compare_table.value = (
                "<p>" + escape(_("Your debriefed meetings will appear here side by side.")) + "</p>"
            )
            return
        self.compare_chart.value = comparison_chart_html(comparison)
        self.compare_table.value = comparison_table_html(comparison)
