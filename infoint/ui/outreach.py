"""Step 3's page: drafts for each target, the request checker, send times, logging, the pipeline.

The draft editor (with its checker, send-time advice and files) is ui/draft_editor.py's and
the pipeline table's HTML ui/pipeline_table.py's; the page holds the person, logging and the
3B7 setting.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import ipywidgets as widgets

from .. import classification, organizations, outreach, outreach_log, pipeline, stages
from .. import targets as tg
from ..i18n import N_, _
from ..objectives import load_objective, load_profile
from ..progress import pipeline_settings
from ..safe import escape
from ..schema import WorkspaceError
from ..workspace import Workspace
from .contact_form import modes_text
from .controls import controls
from .draft_editor import DraftEditor
from .feedback import STYLE, message_html
from .page import Page
from .pipeline_table import pipeline_table_html, response_stats_html, short_day
from .section import section

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


_css, _button = controls("outreach")


class OutreachPage(Page):
    """The views of 03_compose_requests, bound to one workspace."""

    # The sections in the order the notebook shows them, each with its heading in the app
    # (tests/test_hygiene.py: the notebook calls exactly these, in this order).
    SECTIONS = (
        ("choose_section", N_("Whom are you writing to?")),
        ("draft_section", N_("Your message")),
        ("send_section", N_("Send it yourself")),
        ("log_section", N_("What happened?")),
        ("pipeline_section", N_("Everyone you are writing to")),
    )

    def __init__(self, ws: Workspace, now: datetime | None = None):
        self.ws = ws
        self._now = now
        self.profile = load_profile(ws)
        self.objective = load_objective(ws)
        self.settings = pipeline_settings(ws)
        self.contacts: dict[int, tg.Contact] = {}
        self.organizations = {tg.org_key(o.name): o for o in organizations.load_organizations(ws)}
        self.contact: tg.Contact | None = None
        self._loading = False
        self.person = _css(
            widgets.Dropdown(
                description=_("Person to write to"),
                options=[],
                style=_LABEL,
                layout=widgets.Layout(width="80%"),
            ),
            "person",
        )
        self.person.observe(lambda _click: self.select(self.person.value), names="value")
        self.facts = _css(widgets.HTML(), "facts")
        self.draft_editor = DraftEditor(self)
        ed = self.draft_editor  # tests and notebooks reach its widgets as page attributes
        self.kind, self.linkedin_plan, self.strict = ed.kind, ed.linkedin_plan, ed.strict
        self.compose_button, self.to, self.subject = ed.compose_button, ed.to, ed.subject
        self.body, self.forwardable, self.findings = ed.body, ed.forwardable, ed.findings
        self.advice, self.draft_status = ed.advice, ed.draft_status
        self.draft_form, self.save_status = ed.draft_form, ed.save_status
        self.eml_button, self.mailto, self.ics_button = ed.eml_button, ed.mailto, ed.ics_button
        self.when = _css(
            widgets.DatePicker(description=_("When (leave empty for now)"), style=_LABEL), "when"
        )
        self.sent_button = _button("sent", _("I sent it"), button_style="primary")
        self.sent_button.on_click(self._on_sent)
        self.answer = _css(
            widgets.ToggleButtons(
                description=_("Their answer"),
                options=[(_("yes"), "yes"), (_("no"), "no"), (_("ask me later"), "later")],
                style=_LABEL,
            ),
            "answer",
        )
        self.answer_button = _button("log-answer", _("Log their answer"))
        self.answer_button.on_click(self._on_answer)
        self.voicemail = _css(
            widgets.Checkbox(description=_("I left a voicemail"), indent=False, value=True),
            "voicemail",
        )
        self.call_button = _button("log-call", _("Log a phone call"))
        self.call_button.on_click(self._on_call)
        self.move_on_button = _button("move-on", _("Move on from this person"))
        self.move_on_button.on_click(
            lambda _click: self._log(
                lambda c, at: outreach_log.move_on(self.ws, c.id, at=at),
                _("You moved on. That's normal: many requests go unanswered."),
            )
        )
        self.reopen_button = _button("reopen", _("Reopen"))  # shown once they were moved on from
        self.reopen_button.layout.display = "none"
        self.reopen_button.on_click(
            lambda _click: self._log(
                lambda c, at: outreach_log.reopen(self.ws, c.id, at=at), _("Reopened.")
            )
        )
        self.log_status = _css(widgets.HTML(), "log-status")
        self.mode_3b7 = _css(
            widgets.Checkbox(
                description=_(
                    "3B7 routine: count business days, and suggest a second contact after 3 days"
                ),
                indent=False,
                value=self.settings.mode_3b7,
            ),
            "3b7",
        )
        self.mode_3b7.observe(self._on_setting, names="value")
        self.table = _css(widgets.HTML(), "pipeline")
        self.stats = _css(widgets.HTML(), "stats")
        self.known_words = self._known_words()
        self.refresh()

    def run_demo(self) -> None:
        """Drive the page as a person would: three requests, one answered, one long overdue."""
        today = self.now().astimezone(pipeline.zone(self.settings.tz)).date()
        people = [cid for _label, cid in self.person.options][:3]
        for index, contact_id in enumerate(people):
            self.person.value = contact_id
            self.compose_button.click()
            self.when.value = today - timedelta(days=(9, 3, 0)[index])
            self.sent_button.click()
            if index == 1:
                self.answer.value = "yes"
                self.when.value = today - timedelta(days=1)
                self.answer_button.click()
        self.when.value = None

    # -- sections ------------------------------------------------------------------------------
    @section
    def choose_section(self) -> widgets.VBox:
        """Whom to write to, and what the workbook knows about them."""
        return widgets.VBox([widgets.HTML(STYLE), self.person, self.facts])

    @section
    def draft_section(self) -> widgets.VBox:
        """The draft, editable, with the checker's findings as you type."""
        box = widgets.VBox(self.draft_editor.draft_widgets())
        box.add_class("ii-fields")  # the kind and the address beside the subject, with room
        return box

    @section
    def send_section(self) -> widgets.VBox:
        """When to send (R5), and the files and link that take the draft to your own mail client."""
        return widgets.VBox(self.draft_editor.send_widgets())

    @section
    def log_section(self) -> widgets.VBox:
        """Record what happened: sent, answered, called, moved on."""
        return widgets.VBox(
            [
                self.when,
                widgets.HBox([self.sent_button]),
                widgets.HBox([self.answer, self.answer_button]),
                widgets.HBox([self.voicemail, self.call_button]),
                widgets.HBox([self.move_on_button, self.reopen_button]),
                self.log_status,
            ]
        )

    @section
    def pipeline_section(self) -> widgets.VBox:
        """Everyone you are writing to, their stage and what comes next; response statistics."""
        return widgets.VBox([self.mode_3b7, self.stats, self.table])

    # -- state ---------------------------------------------------------------------------------
    def _known_words(self) -> set[str]:
        return outreach_log.known_words(self.ws, self.profile.name)

    def refresh(self) -> None:
        """Reload contacts and events; redraw the person list, the pipeline table and statistics."""
        self.contacts = {c.id: c for c in tg.load_contacts(self.ws) if not c.archived}
        self.events = stages.events_by_contact(self.ws)
        options = self._person_options()
        current = self.person.value
        self._loading = True
        self.person.options = options
        self._loading = False
        ids = [value for _label, value in options]
        if current in ids:
            self.select(current)
        elif ids:
            self.person.value = ids[0]
        else:
            self.facts.value = message_html(
                _("No targets yet: pick the people you want to ask in step 2."), "note"
            )
        self._draw_pipeline()

    def select(self, contact_id: int | None) -> None:
        """Show one person: facts, the draft kind that fits them, any saved draft."""
        if self._loading or contact_id is None or contact_id not in self.contacts:
            return
        self.contact = self.contacts[contact_id]
        events = self.events.get(contact_id, [])
        done = stages.attempts(events)
        kind = (
            outreach.suggested_kind(self.contact)
            if not done
            else "follow_up"
            if done < 2
            else "voicemail"
        )
        self._draw_facts()
        if self.kind.value == kind:
            self.draft_editor.load()
        else:
            self.kind.value = kind  # its observer loads the draft

    def _draw_facts(self) -> None:
        c = self.contact
        events = self.events.get(c.id, [])
        ctx = tg.context(self.ws, self.profile, self.objective)
        a = classification.Classifier(ctx).assess(c)
        actions = pipeline.actions_for(c, events, self.now(), self.settings)
        tz = pipeline.zone(self.settings.tz)
        next_text = (
            _("{action} (due {day})").format(
                action=actions[0].text, day=short_day(actions[0].due.astimezone(tz))
            )
            if actions
            else _("Nothing planned.")
        )
        rows = [
            (_("Stage"), _(stages.STAGE_LABELS[stages.stage(events)])),
            (
                _("Attempts so far"),
                _("{done} of {most}").format(
                    done=stages.attempts(events), most=pipeline.MAX_ATTEMPTS
                ),
            ),
            (_("Connection"), a.connection_why),
            (
                _("Email"),
                c.email or _("not known: find it on their profile or the organization's site"),
            ),
            (_("Offer to meet by"), modes_text(a.modes)),
            (_("Next"), next_text),
        ]
        moved_on = stages.stage(events) == "moved_on"  # only one of the two applies
        self.move_on_button.layout.display = "none" if moved_on else None
        self.reopen_button.layout.display = None if moved_on else "none"
        self.facts.value = (
            "<ul class='ii-facts'>"
            + "".join(
                "<li><strong>{key}</strong> {value}</li>".format(
                    key=escape(_("{label}:").format(label=k)), value=escape(v)
                )
                for k, v in rows
            )
            + "</ul>"
        )

    def update_feedback(self) -> None:
        """Run the checker on the text (R1-R4, R6, R7, O5) and refresh send time and mailto link."""
        self.draft_editor.update_feedback()

    def save_draft(self, _click=None) -> bool:
        """Write the user's edits now (typing does this by itself); True when they are kept."""
        return self.draft_editor.save_draft()

    # -- logging ---------------------------------------------------------------------------------
    def _at(self) -> datetime:
        """When the logged thing happened: the chosen day at noon local time, or now."""
        if self.when.value is None:
            return self.now()
        day: date = self.when.value
        local = datetime.combine(day, time(12, 0), pipeline.zone(self.settings.tz))
        return min(local.astimezone(UTC), self.now())

    def _log(self, action, message: str) -> bool:
        """Run one logging action of step 3 (``outreach_log``) for the chosen person."""
        if self.contact is None:
            self.log_status.value = message_html(_("Choose a person first."), "warning")
            return False
        try:
            action(self.contact, self._at())
        except WorkspaceError as exc:
            self.log_status.value = message_html(
                _("Not recorded: {reason}").format(reason=exc), "warning"
            )
            return False
        self.log_status.value = message_html(message, "ok")
        self.refresh()
        return True

    def _on_sent(self, _click=None) -> None:
        # A button: sending happens outside the workbook, so only the user can say it happened.
        if self.contact is None:
            return
        self.save_draft()  # the address typed is kept too
        kind = self.kind.value
        texts = (self.subject.value, self.body.value, self.forwardable.value)
        logged = self._log(
            lambda contact, at: outreach_log.log_sent(self.ws, contact, kind, *texts, at=at),
            _(
                "Recorded: {draft} to {name}. "
                "The follow-up will appear on the start page when it is due."
            ).format(draft=_(outreach.DRAFT_LABELS[kind]), name=self.contact.full_name),
        )
        if logged:
            self.draft_status.value = message_html(_("Draft saved."), "ok")

    def _on_answer(self, _click=None) -> None:
        answer = self.answer.value
        text = {
            "yes": N_(
                "They said yes! Agree on a time and place that suits them, then prepare in step 4."
            ),
            "no": N_("They said no. Thank them for answering; it still counts as practice."),
            "later": N_(
                "They asked you to come back later: the workbook will remind you in two weeks."
            ),
        }[answer]
        text = _(text)
        self._log(lambda c, at: outreach_log.log_answer(self.ws, c.id, answer, at=at), text)

    def _on_call(self, _click=None) -> None:
        voicemail = bool(self.voicemail.value)
        self._log(
            lambda c, at: outreach_log.log_call(self.ws, c.id, voicemail, at=at),
            _("Call recorded."),
        )

    def _on_setting(self, change) -> None:
        # The 3B7 routine; the draft's own settings (strict, LinkedIn plan) are the editor's.
        outreach_log.save_setting(self.ws, "pipeline.mode_3b7", "1" if change["new"] else "0")
        self.settings = pipeline_settings(self.ws)
        self._draw_pipeline()
        self.update_feedback()

    def _person_options(self) -> list[tuple[str, int]]:
        """Targets first, then everyone written to, each with their stage."""
        people = [c for c in self.contacts.values() if c.target or c.id in self.events]
        people.sort(key=lambda c: (not c.target, tg.fold(c.full_name)))
        return [
            (
                _("{name} ({organization}): {stage}").format(
                    name=c.full_name,
                    organization=c.organization or _("no organization"),
                    stage=_(stages.STAGE_LABELS[stages.stage(self.events.get(c.id, []))]),
                ),
                c.id,
            )
            for c in people
        ]

    def live_refresh(self) -> None:
        """The people to write to (a target picked in step 2 joins them), their stages, the
        pipeline table and the statistics follow changes made elsewhere; the draft shown is
        left as it is."""
        self.contacts = {c.id: c for c in tg.load_contacts(self.ws) if not c.archived}
        self.events = stages.events_by_contact(self.ws)
        if not self.keep_choice(self.person, self._person_options()):
            self.refresh()  # the person shown is gone (archived): show the first one
            return
        self._draw_pipeline()

    def _draw_pipeline(self) -> None:
        stats = pipeline.response_stats(self.events)
        self.table.value = pipeline_table_html(
            self.contacts, self.events, stats, self.now(), self.settings
        )
        self.stats.value = response_stats_html(stats)
