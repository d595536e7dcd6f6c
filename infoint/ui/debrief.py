"""Step 5's page: notes per question, insights, reflection, fit, action items, referrals, comparison."""

from __future__ import annotations

from datetime import datetime

import ipywidgets as widgets

from .. import debrief as db
from .. import meetings as mt
from .. import meetings_log as mt_log
from .. import pipeline, stages
from .. import targets as tg
from ..charts import bar_chart
from ..progress import pipeline_settings
from ..safe import escape
from ..workspace import Workspace, WorkspaceError
from .controls import controls
from .feedback import STYLE, findings_html, message_html
from .page import Page
from .section import section

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")
_RATINGS = [("not rated", 0)] + [(str(i), i) for i in range(1, 6)]


_css, _button = controls("debrief")


def _area(name: str, label: str, rows: int = 4) -> widgets.Textarea:
    # continuous_update=False: saved when the box loses focus, not at every key
    return _css(
        widgets.Textarea(
            description=label,
            style=_LABEL,
            layout=widgets.Layout(width="95%", height=f"{rows * 1.6 + 1}em"),
            continuous_update=False,
        ),
        name,
    )


class DebriefPage(Page):
    """The views of 05_debrief, bound to one workspace."""

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
                description="Meeting", options=[], style=_LABEL, layout=widgets.Layout(width="80%")
            ),
            "meeting",
        )
        self.pick.observe(lambda _: self.select(self.pick.value), names="value")
        self.held_button = _button("held", "It took place", button_style="primary")
        self.held_button.on_click(self._on_held)
        self.meeting_note = _css(widgets.HTML(), "meeting-note")
        self.answers_box = _css(widgets.VBox(), "answers")
        self.insights = _area("insights", "Insights: what you learned")
        self.surprises = _area("surprises", "Surprises: what you didn't expect")
        self.reflection = {
            key: _area(f"reflect-{key}", text, 3) for key, text in db.REFLECTION_QUESTIONS
        }
        self.role_fit = _css(
            widgets.ToggleButtons(
                description="How well does the role fit you? (1-5)", options=_RATINGS, style=_LABEL
            ),
            "role-fit",
        )
        self.org_fit = _css(
            widgets.ToggleButtons(
                description="How well does the organization fit you? (1-5)",
                options=_RATINGS,
                style=_LABEL,
            ),
            "org-fit",
        )
        self.next_changes = _area(
            "next-changes", "What will you change next: targets, resume, questions?", 3
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
        self.save_button = _button("save", "Save the debrief", button_style="primary")
        self.save_button.on_click(self.save)
        self.status = _css(widgets.HTML(), "status")
        self.findings = _css(widgets.HTML(), "findings")
        # D4
        self.item_text = _css(
            widgets.Text(description="Something they suggested you do", style=_LABEL, layout=_WIDE),
            "item-text",
        )
        self.item_due = _css(widgets.DatePicker(description="Do it by", style=_LABEL), "item-due")
        self.item_add = _button("item-add", "Add the action item")
        self.item_add.on_click(self._on_item_add)
        self.items_list = _css(
            widgets.Select(
                description="Open action items", options=[], rows=5, style=_LABEL, layout=_WIDE
            ),
            "items",
        )
        self.item_done = _button("item-done", "Mark as done")
        self.item_done.on_click(self._on_item_done)
        self.items_status = _css(widgets.HTML(), "items-status")
        # D3
        self.ref_first = _css(widgets.Text(description="First name", style=_LABEL), "ref-first")
        self.ref_last = _css(widgets.Text(description="Last name", style=_LABEL), "ref-last")
        self.ref_org = _css(
            widgets.Text(description="Organization", style=_LABEL), "ref-organization"
        )
        self.ref_position = _css(
            widgets.Text(description="Job title", style=_LABEL), "ref-position"
        )
        self.ref_email = _css(
            widgets.Text(description="Email (if they gave it)", style=_LABEL), "ref-email"
        )
        self.ref_add = _button("ref-add", "Add to my list of people")
        self.ref_add.on_click(self._on_referral)
        self.ref_status = _css(widgets.HTML(), "ref-status")
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
                "Mostly usability tests and interviews with travellers; synthesis takes longer than the sessions.",
                "People who ask good questions early; curiosity over polish.",
            )[i % 2]
        self.insights.value = "Research ops is a real path in; a hospitality background helps with empathy for frontline staff."
        self.surprises.value = "The team hires juniors from a certificate program every spring."
        self.reflection[
            db.REFLECTION_QUESTIONS[0][0]
        ].value = "Yes, more than before: the day-to-day suits me."
        self.role_fit.value, self.org_fit.value = 4, 5
        self.save_button.click()
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
        return widgets.VBox(
            [
                *self.reflection.values(),
                self.role_fit,
                self.org_fit,
                self.next_changes,
                self.findings,
                widgets.HBox([self.save_button]),
                self.status,
            ]
        )

    @section
    def actions_section(self) -> widgets.VBox:
        """D4: what they suggested you do, with a date, shown on the start page until done."""
        return widgets.VBox(
            [
                self.item_text,
                self.item_due,
                widgets.HBox([self.item_add]),
                self.items_list,
                widgets.HBox([self.item_done]),
                self.items_status,
            ]
        )

    @section
    def referrals_section(self) -> widgets.VBox:
        """D3: people they suggested become warm contacts in step 2, "referred by" recorded."""
        return widgets.VBox(
            [
                self.ref_first,
                self.ref_last,
                self.ref_org,
                self.ref_position,
                self.ref_email,
                widgets.HBox([self.ref_add]),
                self.ref_status,
            ]
        )

    @section
    def compare_section(self) -> widgets.VBox:
        """D5: every debriefed meeting side by side."""
        return widgets.VBox([self.compare_chart, self.compare_table])

    # -- state ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Meetings to debrief (newest first) and the comparison."""
        self.contacts = {c.id: c for c in tg.load_contacts(self.ws)}
        meetings = [
            m
            for m in mt.load_meetings(self.ws)
            if not m.cancelled and m.starts_at and m.contact_id in self.contacts
        ]
        meetings.sort(key=lambda m: m.starts_at, reverse=True)
        self.meetings = {m.id: m for m in meetings}
        self._loading = True
        self.pick.options = [
            (
                f"{self.contacts[m.contact_id].full_name}, {mt.start_time(m.starts_at, self.tz):%a %d %b %Y %H:%M}",
                m.id,
            )
            for m in meetings
        ]
        self._loading = False
        if meetings:
            current = (
                self.meeting.id
                if self.meeting is not None and self.meeting.id in self.meetings
                else meetings[0].id
            )
            if self.pick.value == current:
                self.select(current)
            else:
                self.pick.value = current  # its observer shows it
        else:
            self.meeting_note.value = message_html(
                "No meetings yet: record one in step 4 when someone says yes.", "note"
            )
        self._draw_compare()

    def select(self, meeting_id) -> None:
        """Show one meeting's debrief."""
        if self._loading or meeting_id not in getattr(self, "meetings", {}):
            return
        self.meeting = self.meetings[meeting_id]
        self.contact = self.contacts[self.meeting.contact_id]
        self.debrief = db.load_debrief(self.ws, self.meeting.id, self.contact.id)
        events = stages.events_from_rows(self.ws.events(self.contact.id))
        held = any(e.kind == pipeline.MET for e in events)
        self.meeting_note.value = message_html(
            f"{'Held' if held else 'Not marked as held yet'}: with {self.contact.full_name} ({self.contact.organization or 'no organization'}).",
            "note",
        )
        self.questions = db.question_texts(self.meeting.questions)
        self._loading = True
        try:
            boxes = []
            for i, question in enumerate(self.questions):
                heading = widgets.HTML(
                    f"<p class='ii-debrief-question'><strong>{i + 1}.</strong> {escape(question)}</p>"
                )
                box = _area("answer", f"Your notes on question {i + 1}", 3)
                box.value = db.answer_for(self.debrief, i, question)
                box.observe(self._changed, names="value")
                boxes += [heading, box]
            self.answer_boxes = boxes[1::2]
            self.answers_box.children = boxes or [
                widgets.HTML(
                    "<p>No questions were prepared for this meeting: write your notes under Insights.</p>"
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
        self._draw_items()
        self.status.value = message_html(
            "Saved earlier." if self.debrief.id else "Not started yet: your notes save as you go.",
            "note",
        )
        self.findings.value = findings_html(db.check_debrief(self._collect(), self.questions))

    def _collect(self) -> db.Debrief:
        d = self.debrief
        d.answers = {
            q: box.value for q, box in zip(self.questions, self.answer_boxes) if box.value.strip()
        }
        d.insights, d.surprises, d.next_changes = (
            self.insights.value,
            self.surprises.value,
            self.next_changes.value,
        )
        d.reflection = {key: box.value for key, box in self.reflection.items() if box.value.strip()}
        d.role_fit, d.org_fit = self.role_fit.value or None, self.org_fit.value or None
        return d

    def _changed(self, _=None) -> None:
        if not self._loading:
            self.save()

    def save(self, _=None) -> bool:
        """Save everything typed so far (runs as each box is left, and on the button)."""
        if self.meeting is None:
            return False
        debrief = self._collect()
        try:
            db.save_debrief(self.ws, debrief)
        except (WorkspaceError, ValueError) as exc:
            self.status.value = message_html(
                f"Not saved: {exc}. Your notes are still here; try again.", "warning"
            )
            return False
        self.status.value = message_html(
            f"Saved at {self.now().astimezone(pipeline.zone(self.tz)):%H:%M}.", "ok"
        )
        self.findings.value = findings_html(db.check_debrief(debrief, self.questions))
        self._draw_compare()
        return True

    def _on_held(self, _=None) -> None:
        if self.meeting is None:
            return
        # A button: only the user knows the meeting took place.
        if not mt_log.mark_held(self.ws, self.meeting, self.tz, at=self.now()):
            self.meeting_note.value = message_html(
                "Already marked as held. The thank-you is due within 48 hours: see step 6.", "note"
            )
            return
        self.meeting_note.value = message_html(
            f"Marked as held. Write your notes now, while they are fresh, and thank {self.contact.full_name} within 48 hours (step 6).",
            "ok",
        )

    # -- D4 ---------------------------------------------------------------------------------------------
    def _draw_items(self) -> None:
        items = (
            [i for i in db.load_action_items(self.ws, self.contact.id) if not i.done]
            if self.contact
            else []
        )
        self.items_list.options = [(f"{i.text} (by {i.due or 'no date'})", i.id) for i in items]

    def _on_item_add(self, _=None) -> None:
        if self.contact is None:
            return
        item = db.ActionItem(
            text=self.item_text.value.strip(),
            due=self.item_due.value.isoformat() if self.item_due.value else "",
            meeting_id=self.meeting.id,
            contact_id=self.contact.id,
        )
        problems = [
            f for f in db.check_action_item(item, self.now().date()) if f.severity == "error"
        ]
        if problems:
            self.items_status.value = findings_html(problems)
            return
        db.save_action_item(self.ws, item)
        self.item_text.value, self.item_due.value = "", None
        self._draw_items()
        self.items_status.value = message_html(
            "Added. It shows on the start page's agenda until you mark it done.", "ok"
        )

    def _on_item_done(self, _=None) -> None:
        chosen = (
            next(
                (
                    i
                    for i in db.load_action_items(self.ws, self.contact.id)
                    if i.id == self.items_list.value
                ),
                None,
            )
            if self.contact
            else None
        )
        if chosen is None:
            self.items_status.value = message_html("Choose an action item first.", "warning")
            return
        chosen.done_at = self.now().isoformat()
        db.save_action_item(self.ws, chosen)
        self._draw_items()
        self.items_status.value = message_html(
            "Done. Mention it in your thank-you or your next update.", "ok"
        )

    # -- D3 ----------------------------------------------------------------------------------------------
    def _on_referral(self, _=None) -> None:
        if self.contact is None:
            return
        referral = db.Referral(
            first_name=self.ref_first.value.strip(),
            last_name=self.ref_last.value.strip(),
            organization=self.ref_org.value.strip(),
            position=self.ref_position.value.strip(),
            email=self.ref_email.value.strip(),
        )
        try:
            report = db.record_referral(self.ws, referral, self.contact)
        except (WorkspaceError, ValueError) as exc:
            self.ref_status.value = message_html(f"Not added: {exc}", "warning")
            return
        who = " ".join(p for p in (referral.first_name, referral.last_name) if p)
        if report.added:
            text = f"{who} is now on your list in step 2: warm, referred by {self.contact.full_name}. Rank and contact them from there."
        else:
            text = (
                f"{who} was already on your list; noted that {self.contact.full_name} referred you."
            )
        self.ref_status.value = message_html(text, "ok")
        for w in (self.ref_first, self.ref_last, self.ref_org, self.ref_position, self.ref_email):
            w.value = ""

    # -- D5 -----------------------------------------------------------------------------------------------
    def _draw_compare(self) -> None:
        debriefs = db.load_debriefs(self.ws)
        contacted = {
            cid
            for cid, _ in stages.group_by_contact(stages.events_from_rows(self.ws.events())).items()
        }
        comparison = db.compare(debriefs, self.contacts, contacted=contacted)
        if not comparison.rows:
            self.compare_chart.value = ""
            self.compare_table.value = (
                "<p>Your debriefed meetings will appear here side by side.</p>"
            )
            return
        chart_rows = db.fit_chart_rows(comparison)
        self.compare_chart.value = bar_chart(
            [(label, role) for label, role, _ in chart_rows],
            "Role fit (solid) and organization fit (dashed), 1 to 5",
            compare=[org for _, _, org in chart_rows],
            names=("role fit", "organization fit"),
        )
        head = "".join(
            f"<th scope='col'>{h}</th>"
            for h in ("Person", "Organization", "Role", "Role fit", "Organization fit", "Insights")
        )
        body = "".join(
            f"<tr><th scope='row'>{escape(r.get('name', ''))}</th><td>{escape(r.get('organization', ''))}</td><td>{escape(r.get('position', ''))}</td>"
            f"<td>{r.get('role_fit') or '-'}</td><td>{r.get('org_fit') or '-'}</td><td>{escape(r.get('insights', ''))}</td></tr>"
            for r in comparison.rows
        )
        recurring = (
            ", ".join(f"{escape(word)} ({count})" for word, count in comparison.recurring)
            or "none yet"
        )
        tips = "".join(f"<li>{escape(t)}</li>" for t in comparison.suggestions)
        self.compare_table.value = (
            STYLE
            + f"<table class='ii-table'><caption>Your meetings, best fit first</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            f"<p><strong>Came up more than once:</strong> {recurring}</p><ul>{tips}</ul>"
        )
