"""Step 4's page: record the meeting, prepare (research, checklist, offer), choose questions, print.

The meeting form (R8) is ui/meeting_form.py's and the question list (Q1, Q2, Q4)
ui/question_list.py's; the page holds the person, the preparation and the prep sheet.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import ipywidgets as widgets

from .. import checklists, classification, organizations, pipeline, stages
from .. import meetings as mt
from .. import meetings_log as mt_log
from .. import prep_sheet as ps
from .. import questions as qs
from .. import targets as tg
from ..i18n import N_, _
from ..objectives import load_objective, load_profile
from ..progress import pipeline_settings
from ..safe import escape, label_text
from ..workspace import Workspace
from .autosave import state_view
from .controls import controls
from .download import DownloadButton
from .feedback import STYLE, message_html
from .goal_questions import GoalQuestions
from .meeting_form import MeetingForm
from .page import Page
from .question_list import QuestionList
from .section import section

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


_css, _button = controls("questions")


class QuestionsPage(Page):
    """The views of 04_prepare_questions, bound to one workspace."""

    # The sections in the order the notebook shows them, each with its heading in the app
    # (tests/test_hygiene.py: the notebook calls exactly these, in this order).
    SECTIONS = (
        ("choose_section", N_("Whom are you meeting?")),
        ("meeting_section", N_("The meeting")),
        ("prepare_section", N_("Prepare")),
        ("questions_section", N_("Your questions")),
        ("sheet_section", N_("Your prep sheet")),
    )

    def __init__(self, ws: Workspace, now: datetime | None = None):
        self.ws = ws
        self._now = now
        self.profile = load_profile(ws)
        self.objective = load_objective(ws)
        self.tz = pipeline_settings(ws).tz
        self.organizations = {tg.org_key(o.name): o for o in organizations.load_organizations(ws)}
        self.contact: tg.Contact | None = None
        self.meeting: mt.Meeting | None = None
        self._loading = False
        self.person = _css(
            widgets.Dropdown(
                description=_("Meeting with"),
                options=[],
                style=_LABEL,
                layout=widgets.Layout(width="80%"),
            ),
            "person",
        )
        self.person.observe(lambda _click: self.select(self.person.value), names="value")
        self.facts = _css(widgets.HTML(), "facts")
        # Everything typed about the meeting saves as it is typed (no Save button): details,
        # a time not booked yet, research notes, the offer, ticks and questions.
        self.prep_form = self.autosave(
            self._save_prep, active=lambda: not self._loading and self.meeting is not None
        )
        # R8: the meeting
        self.meeting_form = MeetingForm(self)
        form = self.meeting_form  # tests and notebooks reach its widgets as page attributes
        self.date, self.start, self.minutes = form.date, form.start, form.minutes
        self.mode, self.place, self.workplace = form.mode, form.place, form.workplace
        self.recognise = form.recognise
        self.meeting_findings, self.meeting_status = form.meeting_findings, form.meeting_status
        self.save_button, self.cancel_button = form.save_button, form.cancel_button
        self.ics_button = form.ics_button
        # R8, Q5: checklist; Q3: research, offer
        self.checklist_box = _css(widgets.VBox(), "checklist")
        self.research_box = _css(widgets.VBox(), "research")
        for box in (self.checklist_box, self.research_box):  # two columns where there is room
            box.add_class("ii-checklist")
        self.notes = _css(
            widgets.Textarea(
                description=_("Research notes"),
                style=_LABEL,
                layout=widgets.Layout(width="95%", height="6em"),
            ),
            "notes",
        )
        self.offer = _css(
            widgets.Text(
                description=_("Something to offer in return (an article, a contact, help)"),
                style=_LABEL,
                layout=_WIDE,
            ),
            "offer",
        )
        self.prep_form.watch(self.notes, self.offer)
        # the same state in the meeting section and in the preparation section
        self.meeting_save_state = state_view(self.prep_form.state, "ii-questions-save-state")
        self.prep_save_state = state_view(self.prep_form.state, "ii-questions-prep-save-state")
        self.pitch = _css(widgets.HTML(), "pitch")
        # Q1, Q2, Q4: the questions
        self.question_list = QuestionList(self)
        ql = self.question_list  # tests and notebooks reach its widgets as page attributes
        self.propose_button, self.list = ql.propose_button, ql.list
        self.up_button, self.down_button = ql.up_button, ql.down_button
        self.swap_button, self.remove_button = ql.swap_button, ql.remove_button
        self.bank_pick, self.bank_add, self.own, self.own_add = (
            ql.bank_pick,
            ql.bank_add,
            ql.own,
            ql.own_add,
        )
        self.fit_note, self.questions_status = ql.fit_note, ql.questions_status
        # D5.3, Q2: questions for the goals of step 1 no meeting has answered yet
        self.goal_questions = GoalQuestions(self)
        ql.after_draw.append(self.goal_questions.draw)
        self.goal_pick, self.goal_add = self.goal_questions.pick, self.goal_questions.add_button
        self.sheet_html = _css(
            DownloadButton(
                _("Download the prep sheet to print (HTML)"),
                self._sheet_html,
                on_error=self._failed,
                button_style="primary",
            ),
            "sheet-html",
        )
        self.sheet_md = _css(
            DownloadButton(
                _("Download it as text (Markdown)"), self._sheet_md, on_error=self._failed
            ),
            "sheet-md",
        )
        self.refresh()

    def run_demo(self) -> None:
        """As a person would: date, time and place, book it, proposed questions, one removed,
        an offer and ticks (saved as typed), then leave the page."""
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
        if self.goal_pick.options:  # D5.3: a question for a goal still open
            self.goal_pick.value = self.goal_pick.options[0][1]
            self.goal_add.click()
        self.offer.value = "An article on hotel check-in research I wrote for a class"
        for box in list(self.checklist_box.children)[:2] + list(self.research_box.children)[:2]:
            box.value = True
        self.flush()

    # -- sections ----------------------------------------------------------------------------
    @section
    def choose_section(self) -> widgets.VBox:
        """Whom you are meeting (people who said yes come first)."""
        return widgets.VBox([widgets.HTML(STYLE), self.person, self.facts])

    @section
    def meeting_section(self) -> widgets.VBox:
        """R8: when, how long, how and where; booking it moves them to "scheduled"."""
        box = widgets.VBox([*self.meeting_form.widgets(), self.meeting_save_state])
        box.add_class("ii-fields")  # date, time and length side by side where there is room
        return box

    @section
    def prepare_section(self) -> widgets.VBox:
        """Q3, Q5: research, your pitch, something to offer, and the checklist for the day."""
        return widgets.VBox(
            [
                widgets.HTML("<p><strong>{}</strong></p>".format(escape(_("Research first")))),
                self.research_box,
                self.notes,
                self.offer,
                self.prep_save_state,
                self.pitch,
                widgets.HTML("<p><strong>{}</strong></p>".format(escape(_("On the day")))),
                self.checklist_box,
            ]
        )

    @section
    def questions_section(self) -> widgets.VBox:
        """Q1, Q2, Q4: a proposed set for this person and time, ending with the closing ask."""
        return widgets.VBox(self.question_list.widgets() + self.goal_questions.widgets())

    @section
    def sheet_section(self) -> widgets.VBox:
        """The one-page prep sheet: print it or keep it on your phone."""
        return widgets.VBox([self.sheet_html, self.sheet_md])

    # -- state --------------------------------------------------------------------------------
    def _people(self) -> list[tuple[str, int]]:
        """People to prepare for: those who said yes or have a meeting first, then other
        targets (``self.contacts`` and the events read again); the picker's options."""
        events = stages.events_by_contact(self.ws)
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
        return [
            (
                (
                    _("{name} ({organization}): said yes")
                    if c.id in met_or_yes
                    else _("{name} ({organization})")
                ).format(name=c.full_name, organization=c.organization or _("no organization")),
                c.id,
            )
            for c in contacts
        ]

    def live_refresh(self) -> None:
        """After a change made elsewhere: the people to prepare for (a yes logged in step 3
        joins them) and the questions for goals still open (a goal answered in step 5 leaves
        them); the meeting and questions shown are left as they are."""
        self.objective = load_objective(self.ws)
        if not self.keep_choice(self.person, self._people()):
            self.refresh()  # the person shown is gone (archived): show the first one
            return
        self.goal_questions.draw()

    def refresh(self) -> None:
        """People to prepare for: those who said yes or have a meeting first, then other targets."""
        options = self._people()
        contacts = list(self.contacts.values())
        self._loading = True
        self.person.options = options
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
                _("Nobody to prepare for yet: when someone says yes in step 3, they appear here."),
                "note",
            )

    def select(self, contact_id) -> None:
        """Show one person's meeting, preparation and questions (what was typed for the person
        shown so far is written first)."""
        if self._loading or contact_id not in getattr(self, "contacts", {}):
            return
        self.prep_form.flush()
        self.contact = self.contacts[contact_id]
        self.meeting = mt.current_meeting(self.ws, contact_id)
        ctx = tg.context(self.ws, self.profile, self.objective)
        self.assessment = classification.Classifier(ctx).assess(self.contact)
        self.organization = self.organizations.get(tg.org_key(self.contact.organization))
        a = self.assessment
        self.facts.value = (
            "<ul class='ii-facts'>"
            + "".join(
                "<li><strong>{key}</strong> {value}</li>".format(
                    key=escape(_("{label}:").format(label=k)), value=escape(v)
                )
                for k, v in (
                    (_("Title"), self.contact.position or _("not known")),
                    (_("Organization"), self.contact.organization or _("not known")),
                    (_("Seniority"), a.seniority_why),
                    (_("Offer to meet by"), a.modes),
                )
            )
            + "</ul>"
        )
        self._loading = True
        try:
            m = self.meeting
            self.meeting_form.show(m, a.local, mt_log.proposed_time(self.ws, contact_id))
            self.notes.value, self.offer.value = m.notes, m.offer
            self.question_list.show(m.questions)
        finally:
            self._loading = False
        pitch = escape(self.profile.pitch) or "<em>{}</em>".format(
            escape(_("not written yet: add it in step 1"))
        )
        title = "<strong>{}</strong>".format(escape(_("Your pitch")))
        self.pitch.value = "<p>{}</p>".format(
            escape(_("{title} (from step 1): {pitch}")).format(title=title, pitch=pitch)
        )
        self._draw_checklists()
        self.question_list.draw()
        self.meeting_form.update_meeting_findings()
        self.meeting_form.show_booking()
        self.prep_form.discard()  # what the form shows now is what the workspace holds

    def _meeting_from_form(self) -> mt.Meeting:
        """The meeting as the form shows it: a copy, so unsaved edits never reach the saved one."""
        return replace(
            self.meeting,
            starts_at=self.meeting_form.starts_at(),
            minutes=int(self.minutes.value),
            mode=self.mode.value,
            place=self.place.value.strip(),
            their_workplace=bool(self.workplace.value),
            recognise=self.recognise.value.strip(),
            notes=self.notes.value,
            offer=self.offer.value.strip(),
            questions=qs.to_entries(self.current),
        )

    def save_meeting(self, _click=None) -> bool:
        """Book the meeting; a new or moved start time is logged so the pipeline shows
        "scheduled" (the meeting form's *Book this meeting*)."""
        return self.meeting_form.save_meeting()

    def _save_prep(self) -> None:
        """The autosave: everything typed about the meeting, in one transaction. The booked
        time stays as booked (booking is an event); a time typed but not booked is kept as
        proposed, and comes back until it is booked."""
        form = self._meeting_from_form()
        kept = replace(form, starts_at=self.meeting.starts_at, minutes=self.meeting.minutes)
        mt_log.save_preparation(self.ws, kept, self.meeting_form.proposed())
        self.meeting = kept

    def _persist(self, message: str) -> None:
        """Write a change made with a click (a tick, the questions) at once, and say so."""
        if self.meeting is None:
            return
        self.prep_form.changed()
        if self.prep_form.flush():
            self.questions_status.value = message_html(message, "ok")
        else:
            self.questions_status.value = message_html(self.prep_form.state.text, "warning")

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

        self.checklist_box.children = boxes(
            checklists.in_person_checklist(shown), m.checklist, "check"
        )
        self.research_box.children = boxes(
            checklists.research_checklist(self.contact, self.organization), m.research, "research"
        )

    def _tick(self, store: dict, key: str, value: bool) -> None:
        store[key] = bool(value)
        self._persist(_("Ticked off and saved."))

    # -- questions ------------------------------------------------------------------------------
    @property
    def current(self) -> list[qs.Question]:
        """The questions in order, as the list shows them."""
        return self.question_list.current

    @property
    def _bank(self) -> list[qs.Question]:  # what "Add one from the question bank" offers
        return self.question_list._bank

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

    def _failed(self, exc: Exception) -> None:
        self.questions_status.value = message_html(
            _("The file could not be made: {reason}").format(reason=exc), "warning"
        )
