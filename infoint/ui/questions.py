"""Step 4's page: record the meeting, prepare (research, checklist, offer), choose questions, print."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time

import ipywidgets as widgets

from .. import classification, organizations, pipeline, stages
from .. import meetings as mt
from .. import meetings_log as mt_log
from .. import prep_sheet as ps
from .. import questions as qs
from .. import targets as tg
from ..progress import pipeline_settings
from ..records import Objective, Profile
from ..safe import escape, label_text
from ..workspace import Workspace, WorkspaceError
from .controls import controls
from .download import DownloadButton
from .feedback import STYLE, findings_html, message_html
from .page import Page
from .section import section

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


_css, _button = controls("questions")


class QuestionsPage(Page):
    """The views of 04_prepare_questions, bound to one workspace."""

    def __init__(self, ws: Workspace, now: datetime | None = None):
        self.ws = ws
        self._now = now
        self.profile = Profile.from_row(ws.get_row("profile"))
        self.objective = Objective.from_row(ws.get_row("objective"))
        self.tz = pipeline_settings(ws).tz
        self.organizations = {tg.org_key(o.name): o for o in organizations.load_organizations(ws)}
        self.contact: tg.Contact | None = None
        self.meeting: mt.Meeting | None = None
        self.current: list[qs.Question] = []
        self.removed: set[str] = set()
        self._loading = False
        self.person = _css(
            widgets.Dropdown(
                description="Meeting with",
                options=[],
                style=_LABEL,
                layout=widgets.Layout(width="80%"),
            ),
            "person",
        )
        self.person.observe(lambda _: self.select(self.person.value), names="value")
        self.facts = _css(widgets.HTML(), "facts")
        # R8: the meeting
        self.date = _css(widgets.DatePicker(description="Date", style=_LABEL), "date")
        self.start = _css(
            widgets.Text(description="Start time (24-hour clock, e.g. 14:30)", style=_LABEL),
            "start",
        )
        self.minutes = _css(
            widgets.BoundedIntText(
                description="Length in minutes", value=30, min=10, max=120, style=_LABEL
            ),
            "minutes",
        )
        self.mode = _css(
            widgets.ToggleButtons(
                description="How",
                options=[(mt.MODE_LABELS[m], m) for m in mt.MODES],
                value="video",
                style=_LABEL,
            ),
            "mode",
        )
        self.place = _css(
            widgets.Text(
                description="Where: address, video link or phone number", style=_LABEL, layout=_WIDE
            ),
            "place",
        )
        self.workplace = _css(
            widgets.Checkbox(description="They offered to meet at their workplace", indent=False),
            "workplace",
        )
        self.recognise = _css(
            widgets.Text(
                description="How they will recognise you (in person)", style=_LABEL, layout=_WIDE
            ),
            "recognise",
        )
        for w in (
            self.date,
            self.start,
            self.minutes,
            self.mode,
            self.place,
            self.workplace,
            self.recognise,
        ):
            w.observe(self._meeting_changed, names="value")
        self.meeting_findings = _css(widgets.HTML(), "meeting-findings")
        self.save_button = _button("save-meeting", "Save the meeting", button_style="primary")
        self.save_button.on_click(self.save_meeting)
        self.cancel_button = _button("cancel-meeting", "The meeting is cancelled")
        self.cancel_button.on_click(self._on_cancel)
        self.meeting_status = _css(widgets.HTML(), "meeting-status")
        self.ics_button = _css(
            DownloadButton("Add it to my calendar (.ics)", self._ics_file, on_error=self._failed),
            "ics",
        )
        # R8, Q5: checklist; Q3: research, offer
        self.checklist_box = _css(widgets.VBox(), "checklist")
        self.research_box = _css(widgets.VBox(), "research")
        self.notes = _css(
            widgets.Textarea(
                description="Research notes",
                style=_LABEL,
                layout=widgets.Layout(width="95%", height="6em"),
                continuous_update=False,
            ),
            "notes",
        )
        self.offer = _css(
            widgets.Text(
                description="Something to offer in return (an article, a contact, help)",
                style=_LABEL,
                layout=_WIDE,
                continuous_update=False,
            ),
            "offer",
        )
        self.notes.observe(self._prep_changed, names="value")
        self.offer.observe(self._prep_changed, names="value")
        self.pitch = _css(widgets.HTML(), "pitch")
        # Q1, Q2, Q4: the questions
        self.propose_button = _button(
            "propose", "Suggest questions for this person", button_style="primary"
        )
        self.propose_button.on_click(self._on_propose)
        self.list = _css(
            widgets.Select(
                description="Your questions, in order",
                options=[],
                rows=10,
                style=_LABEL,
                layout=_WIDE,
            ),
            "list",
        )
        self.up_button = _button("up", "Move up")
        self.down_button = _button("down", "Move down")
        self.swap_button = _button("swap", "Swap for another")
        self.remove_button = _button("remove", "Remove")
        self.up_button.on_click(lambda _: self._move(-1))
        self.down_button.on_click(lambda _: self._move(1))
        self.swap_button.on_click(self._on_swap)
        self.remove_button.on_click(self._on_remove)
        self.bank_pick = _css(
            widgets.Dropdown(
                description="Add one from the question bank", options=[], style=_LABEL, layout=_WIDE
            ),
            "bank-pick",
        )
        self.bank_add = _button("bank-add", "Add it")
        self.bank_add.on_click(self._on_bank_add)
        self.own = _css(
            widgets.Text(description="Or write your own question", style=_LABEL, layout=_WIDE),
            "own",
        )
        self.own_add = _button("own-add", "Add my question")
        self.own_add.on_click(self._on_own_add)
        self.fit_note = _css(widgets.HTML(), "fit")
        self.questions_status = _css(widgets.HTML(), "questions-status")
        self.sheet_html = _css(
            DownloadButton(
                "Download the prep sheet to print (HTML)", self._sheet_html, on_error=self._failed
            ),
            "sheet-html",
        )
        self.sheet_md = _css(
            DownloadButton("Download it as text (Markdown)", self._sheet_md, on_error=self._failed),
            "sheet-md",
        )
        self.refresh()

    def run_demo(self) -> None:
        """As a person would: date, time and place, save, proposed questions, one removed, ticks."""
        if not self.person.options:
            return
        from datetime import timedelta

        local_today = self.now().astimezone(pipeline.zone(self.tz)).date()
        self.person.value = self.person.options[0][1]
        self.date.value = local_today + timedelta(days=3)
        self.start.value = "10:00"
        self.mode.value = "in person"
        self.place.value = "Balzac's Coffee, 1 Trinity St, Toronto"
        self.recognise.value = "Green scarf, a notebook on the table"
        self.save_button.click()
        self.propose_button.click()
        self.list.value = 1
        self.remove_button.click()
        self.offer.value = "An article on hotel check-in research I wrote for a class"
        for box in list(self.checklist_box.children)[:2] + list(self.research_box.children)[:2]:
            box.value = True

    # -- sections ----------------------------------------------------------------------------
    @section
    def choose_section(self) -> widgets.VBox:
        """Whom you are meeting (people who said yes come first)."""
        return widgets.VBox([widgets.HTML(STYLE), self.person, self.facts])

    @section
    def meeting_section(self) -> widgets.VBox:
        """R8: when, how long, how and where; saving it moves them to "scheduled"."""
        return widgets.VBox(
            [
                self.date,
                self.start,
                self.minutes,
                self.mode,
                self.place,
                self.workplace,
                self.recognise,
                self.meeting_findings,
                widgets.HBox([self.save_button, self.cancel_button]),
                self.meeting_status,
                self.ics_button,
            ]
        )

    @section
    def prepare_section(self) -> widgets.VBox:
        """Q3, Q5: research, your pitch, something to offer, and the checklist for the day."""
        return widgets.VBox(
            [
                widgets.HTML("<p><strong>Research first</strong></p>"),
                self.research_box,
                self.notes,
                self.offer,
                self.pitch,
                widgets.HTML("<p><strong>On the day</strong></p>"),
                self.checklist_box,
            ]
        )

    @section
    def questions_section(self) -> widgets.VBox:
        """Q1, Q2, Q4: a proposed set for this person and time, ending with the closing ask."""
        return widgets.VBox(
            [
                widgets.HBox([self.propose_button]),
                self.list,
                widgets.HBox(
                    [self.up_button, self.down_button, self.swap_button, self.remove_button]
                ),
                self.bank_pick,
                widgets.HBox([self.bank_add]),
                self.own,
                widgets.HBox([self.own_add]),
                self.fit_note,
                self.questions_status,
            ]
        )

    @section
    def sheet_section(self) -> widgets.VBox:
        """The one-page prep sheet: print it or keep it on your phone."""
        return widgets.VBox([self.sheet_html, self.sheet_md])

    # -- state --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """People to prepare for: those who said yes or have a meeting first, then other targets."""
        events = stages.group_by_contact(stages.events_from_rows(self.ws.events()))
        met_or_yes = {
            cid
            for cid, evs in events.items()
            if any(e.kind == pipeline.REPLY and e.data.get("answer") == "yes" for e in evs)
        }
        met_or_yes |= {m.contact_id for m in mt.load_meetings(self.ws)}
        contacts = [
            c
            for c in tg.load_contacts(self.ws)
            if not c.archived and (c.id in met_or_yes or c.target)
        ]
        contacts.sort(key=lambda c: (c.id not in met_or_yes, tg.fold(c.full_name)))
        self.contacts = {c.id: c for c in contacts}
        self._events = events
        self._loading = True
        self.person.options = [
            (
                f"{c.full_name} ({c.organization or 'no organization'}){': said yes' if c.id in met_or_yes else ''}",
                c.id,
            )
            for c in contacts
        ]
        self._loading = False
        if contacts:
            chosen = (
                contacts[0].id
                if self.contact is None or self.contact.id not in self.contacts
                else self.contact.id
            )
            if self.person.value == chosen:
                self.select(chosen)
            else:
                self.person.value = chosen  # its observer shows them
        else:
            self.facts.value = message_html(
                "Nobody to prepare for yet: when someone says yes in step 3, they appear here.",
                "note",
            )

    def select(self, contact_id) -> None:
        """Show one person's meeting, preparation and questions."""
        if self._loading or contact_id not in getattr(self, "contacts", {}):
            return
        self.contact = self.contacts[contact_id]
        self.meeting = mt.current_meeting(self.ws, contact_id)
        ctx = tg.context(self.ws, self.profile, self.objective)
        self.assessment = classification.Classifier(ctx).assess(self.contact)
        self.organization = self.organizations.get(tg.org_key(self.contact.organization))
        a = self.assessment
        self.facts.value = (
            "<ul class='ii-facts'>"
            + "".join(
                f"<li><strong>{escape(k)}:</strong> {escape(v)}</li>"
                for k, v in (
                    ("Title", self.contact.position or "not known"),
                    ("Organization", self.contact.organization or "not known"),
                    ("Seniority", a.seniority_why),
                    ("Offer to meet by", a.modes),
                )
            )
            + "</ul>"
        )
        self._loading = True
        try:
            m = self.meeting
            start = mt.start_time(m.starts_at, self.tz)
            self.date.value = start.date() if start else None
            self.start.value = start.strftime("%H:%M") if start else ""
            self.minutes.value = max(10, min(120, m.minutes or 30))
            self.mode.value = (
                m.mode
                if m.id is not None and m.mode in mt.MODES
                else ("in person" if a.local else "video")
            )
            self.place.value, self.workplace.value, self.recognise.value = (
                m.place,
                m.their_workplace,
                m.recognise,
            )
            self.notes.value, self.offer.value = m.notes, m.offer
            self.current = qs.from_entries(m.questions)
            self.removed = set()
        finally:
            self._loading = False
        self.pitch.value = (
            "<p><strong>Your pitch</strong> (from step 1): "
            + (escape(self.profile.pitch) or "<em>not written yet: add it in step 1</em>")
            + "</p>"
        )
        self._draw_checklists()
        self._draw_questions()
        self._update_meeting_findings()
        saved = (
            "Saved meeting."
            if m.id is not None and m.starts_at
            else "No meeting saved yet: fill in the date, time and place."
        )
        self.meeting_status.value = message_html(saved, "note")

    def _meeting_from_form(self) -> mt.Meeting:
        """The meeting as the form shows it: a copy, so unsaved edits never reach the saved one."""
        starts_at = ""
        if self.date.value is not None:
            try:
                clock = (
                    time.fromisoformat(self.start.value.strip())
                    if self.start.value.strip()
                    else None
                )
            except ValueError:
                clock = None
            if clock is not None:
                starts_at = datetime.combine(
                    self.date.value, clock, pipeline.zone(self.tz)
                ).isoformat()
        return replace(
            self.meeting,
            starts_at=starts_at,
            minutes=int(self.minutes.value),
            mode=self.mode.value,
            place=self.place.value.strip(),
            their_workplace=bool(self.workplace.value),
            recognise=self.recognise.value.strip(),
            notes=self.notes.value,
            offer=self.offer.value.strip(),
            questions=qs.to_entries(self.current),
        )

    def _meeting_changed(self, change=None) -> None:
        if self._loading or self.meeting is None:
            return
        self._update_meeting_findings()
        if change is not None and change["owner"] in (self.mode, self.workplace):
            self._draw_checklists(self._meeting_from_form())
        self.meeting_status.value = message_html("Unsaved changes: press Save the meeting.", "note")

    def _update_meeting_findings(self) -> None:
        meeting = self._meeting_from_form()
        problems = mt.check_meeting(meeting, self.tz, self.now())
        if self.date.value is not None and self.start.value.strip() and not meeting.starts_at:
            self.meeting_findings.value = message_html(
                "Write the start time like 14:30 (24-hour clock).", "warning"
            )
            return
        self.meeting_findings.value = findings_html(
            problems, "Everything needed for the meeting is here."
        )

    def save_meeting(self, _=None) -> bool:
        """Save the meeting; a new or moved start time is logged so the pipeline shows "scheduled"."""
        if self.contact is None:
            return False
        meeting = self._meeting_from_form()
        if not meeting.starts_at:
            self.meeting_status.value = message_html(
                "Add the date and the start time first.", "warning"
            )
            return False
        try:
            # A button: the time is agreed with the other person, so saving it is an event.
            mt_log.book_meeting(self.ws, meeting, at=self.now())
        except WorkspaceError as exc:
            self.meeting_status.value = message_html(f"Not saved: {exc}", "warning")
            return False
        self.meeting = meeting
        self._events = stages.group_by_contact(stages.events_from_rows(self.ws.events()))
        start = mt.start_time(meeting.starts_at, self.tz)
        self.meeting_status.value = message_html(
            f"Saved: {start:%A %d %B at %H:%M}, {meeting.minutes} minutes. Add it to your calendar below.",
            "ok",
        )
        return True

    def _on_cancel(self, _=None) -> None:
        if self.meeting is None or self.meeting.id is None:
            self.meeting_status.value = message_html(
                "There is no saved meeting to cancel.", "warning"
            )
            return
        # As saved: edits in the form are not kept.
        try:
            mt_log.cancel_meeting(self.ws, self.meeting, at=self.now())
        except WorkspaceError as exc:
            self.meeting_status.value = message_html(f"Not saved: {exc}", "warning")
            return
        self._events = stages.group_by_contact(stages.events_from_rows(self.ws.events()))
        self.select(self.contact.id)
        self.meeting_status.value = message_html(
            "Marked as cancelled. If you agree a new time, fill it in and save again.", "ok"
        )

    def _persist(self, message: str) -> None:
        """Keep preparation and questions as they change (nothing is lost when the page closes).

        Only the preparation is written: a date, time or place typed but not saved stays unsaved.
        """
        if self.meeting is None:
            return
        self.meeting = replace(
            self.meeting,
            notes=self.notes.value,
            offer=self.offer.value.strip(),
            questions=qs.to_entries(self.current),
        )
        try:
            mt.save_meeting(self.ws, self.meeting)
        except WorkspaceError as exc:
            self.questions_status.value = message_html(f"Not saved: {exc}", "warning")
            return
        self.questions_status.value = message_html(message, "ok")

    def _prep_changed(self, _=None) -> None:
        if not self._loading:
            self._persist("Saved.")

    def _draw_checklists(self, shown: mt.Meeting | None = None) -> None:
        m = self.meeting
        shown = shown or m

        def boxes(items, store, name):
            out = []
            for key, text in items:
                box = _css(
                    widgets.Checkbox(
                        description=label_text(text),
                        value=bool(store.get(key)),
                        indent=False,
                        layout=_WIDE,
                    ),
                    f"{name}-item",
                )
                box.observe(
                    lambda change, key=key, store=store: self._tick(store, key, change["new"]),
                    names="value",
                )
                out.append(box)
            return out

        self.checklist_box.children = boxes(mt.in_person_checklist(shown), m.checklist, "check")
        self.research_box.children = boxes(
            mt.research_checklist(self.contact, self.organization), m.research, "research"
        )

    def _tick(self, store: dict, key: str, value: bool) -> None:
        store[key] = bool(value)
        self._persist("Ticked off and saved.")

    # -- questions ------------------------------------------------------------------------------
    def _draw_questions(self) -> None:
        self.list.options = [(f"{i}. {q.text}", i - 1) for i, q in enumerate(self.current, 1)]
        used = {q.text for q in self.current}
        seniority = self.assessment.seniority if self.contact else "mid"
        kinds = set(self.objective.kinds)
        bank = [
            q
            for q in qs.load_bank() + qs.load_custom_questions(self.ws)
            if q.text not in used
            and (not kinds or set(q.objectives) & kinds)
            and seniority in q.seniority
        ]
        self.bank_pick.options = [
            (f"{qs.THEMES.get(q.theme, q.theme)}: {q.text}", i) for i, q in enumerate(bank)
        ]
        self._bank = bank
        ok, sentence = (
            qs.fits(self.current, int(self.minutes.value))
            if self.current
            else (False, "No questions yet: press Suggest questions.")
        )
        self.fit_note.value = message_html(sentence, "ok" if ok else "note")

    def _questions_changed(self, message: str, select: int | None = None) -> None:
        self._draw_questions()
        if select is not None and 0 <= select < len(self.current):
            self.list.value = select
        self._persist(message)

    def _on_propose(self, _=None) -> None:
        if self.contact is None:
            return
        self.current = qs.propose(
            self.objective, self.assessment.seniority, int(self.minutes.value), exclude=self.removed
        )
        self._questions_changed(
            f"{len(self.current)} questions suggested for {self.contact.full_name} and {int(self.minutes.value)} minutes; the last one is the closing ask."
        )

    def _selected(self) -> int | None:
        if self.list.value is None:
            self.questions_status.value = message_html(
                "Choose a question in the list first.", "warning"
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
                "The closing ask stays last: it is how the conversation ends.", "note"
            )
            return
        if 0 <= j < len(self.current):
            self.current[i], self.current[j] = self.current[j], self.current[i]
            self._questions_changed("Order saved.", j)

    def _on_swap(self, _=None) -> None:
        i = self._selected()
        if i is None:
            return
        self.removed.add(self.current[i].id)
        self.current = qs.swap(
            self.current, i, self.objective, self.assessment.seniority, exclude=self.removed
        )
        self._questions_changed("Swapped and saved.", i)

    def _on_remove(self, _=None) -> None:
        i = self._selected()
        if i is None:
            return
        gone = self.current.pop(i)
        if gone.id:
            self.removed.add(gone.id)
        self._questions_changed("Removed and saved.", min(i, len(self.current) - 1))

    def _on_bank_add(self, _=None) -> None:
        if self.bank_pick.value is None:
            return
        question = self._bank[self.bank_pick.value]
        closing_last = self.current and self.current[-1].closing
        self.current.insert(len(self.current) - 1 if closing_last else len(self.current), question)
        self._questions_changed("Added and saved.")

    def _on_own_add(self, _=None) -> None:
        text = " ".join(self.own.value.split())
        if not text:
            self.questions_status.value = message_html("Write your question first.", "warning")
            return
        if any(q.text == text for q in self.current):
            self.questions_status.value = message_html(
                "That question is already in your list.", "note"
            )
            return
        qs.save_custom_question(self.ws, text)
        closing_last = self.current and self.current[-1].closing
        self.current.insert(
            len(self.current) - 1 if closing_last else len(self.current), qs.custom_question(text)
        )
        self.own.value = ""
        self._questions_changed("Your question was added and saved.")

    # -- files ------------------------------------------------------------------------------------
    def _sheet_args(self) -> dict:
        return {
            "profile": self.profile,
            "contact": self.contact,
            "organization": self.organization,
            "meeting": self._meeting_from_form(),
            "tz": self.tz,
        }

    def _sheet_html(self) -> tuple[str, str, bytes]:
        html = ps.prep_sheet_html(**self._sheet_args())
        return (
            ps.prep_sheet_filename(self.contact, self.meeting, "html"),
            "text/html",
            html.encode("utf-8"),
        )

    def _sheet_md(self) -> tuple[str, str, bytes]:
        text = ps.prep_sheet_markdown(**self._sheet_args())
        return (
            ps.prep_sheet_filename(self.contact, self.meeting, "md"),
            "text/markdown",
            text.encode("utf-8"),
        )

    def _ics_file(self) -> tuple[str, str, bytes]:
        data = ps.meeting_ics(
            contact=self.contact,
            organization=self.organization,
            meeting=self._meeting_from_form(),
            tz=self.tz,
        )
        if data is None:
            raise ValueError("add the date and start time first")
        name = ps.prep_sheet_filename(self.contact, self.meeting, "html").replace(
            "prep-sheet", "meeting", 1
        )
        return name[: -len(".html")] + ".ics", "text/calendar", data

    def _failed(self, exc: Exception) -> None:
        self.questions_status.value = message_html(f"The file could not be made: {exc}", "warning")
