"""Step 3's page: drafts for each target, the request checker, send times, logging, the pipeline."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import ipywidgets as widgets

from .. import (
    classification,
    exports,
    organizations,
    outreach,
    outreach_log,
    pipeline,
    request_check,
    stages,
)
from .. import targets as tg
from ..progress import pipeline_settings
from ..records import Objective, Profile
from ..safe import escape
from ..workspace import Workspace, WorkspaceError
from .controls import controls
from .download import DownloadButton
from .feedback import STYLE, findings_html, message_html
from .page import Page
from .section import section

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


_css, _button = controls("outreach")


class OutreachPage(Page):
    """The views of 03_compose_requests, bound to one workspace."""

    def __init__(self, ws: Workspace, now: datetime | None = None):
        self.ws = ws
        self._now = now
        self.profile = Profile.from_row(ws.get_row("profile"))
        self.objective = Objective.from_row(ws.get_row("objective"))
        self.settings = pipeline_settings(ws)
        self.contacts: dict[int, tg.Contact] = {}
        self.organizations = {tg.org_key(o.name): o for o in organizations.load_organizations(ws)}
        self.contact: tg.Contact | None = None
        self._loading = False
        self.person = _css(
            widgets.Dropdown(
                description="Person to write to",
                options=[],
                style=_LABEL,
                layout=widgets.Layout(width="80%"),
            ),
            "person",
        )
        self.person.observe(lambda _: self.select(self.person.value), names="value")
        self.facts = _css(widgets.HTML(), "facts")
        self.kind = _css(
            widgets.Dropdown(
                description="Kind of message",
                options=[(outreach.DRAFT_LABELS[k], k) for k in outreach.DRAFT_KINDS],
                style=_LABEL,
                layout=widgets.Layout(width="70%"),
            ),
            "kind",
        )
        self.kind.observe(lambda _: self._load_draft(), names="value")
        self.linkedin_plan = _css(
            widgets.ToggleButtons(
                description="Your LinkedIn account",
                options=[("free (200 characters)", "free"), ("Premium (300)", "premium")],
                style=_LABEL,
            ),
            "linkedin-plan",
        )
        self.linkedin_plan.value = ws.get_meta("outreach.linkedin_plan") or "free"
        self.linkedin_plan.observe(self._on_setting, names="value")
        self.strict = _css(
            widgets.Checkbox(
                description="Stricter length: aim for 75 words",
                indent=False,
                value=ws.get_meta("outreach.strict") == "1",
            ),
            "strict",
        )
        self.strict.observe(self._on_setting, names="value")
        self.compose_button = _button("compose", "Write a first draft for me")
        self.compose_button.on_click(self._on_compose)
        self.to = _css(
            widgets.Text(description="Send to (email address)", style=_LABEL, layout=_WIDE), "to"
        )
        self.subject = _css(
            widgets.Text(description="Subject", style=_LABEL, layout=_WIDE), "subject"
        )
        self.body = _css(
            widgets.Textarea(
                description="Message",
                style=_LABEL,
                layout=widgets.Layout(width="95%", height="16em"),
            ),
            "body",
        )
        self.forwardable = _css(
            widgets.Textarea(
                description="Paragraph they can forward",
                style=_LABEL,
                layout=widgets.Layout(width="95%", height="8em", display="none"),
            ),
            "forwardable",
        )
        self.findings = _css(widgets.HTML(), "findings")
        for w in (self.to, self.subject, self.body, self.forwardable):
            w.observe(self._changed, names="value")
        self.advice = _css(widgets.HTML(), "advice")
        self.save_button = _button("save", "Save this draft", button_style="primary")
        self.save_button.on_click(self.save_draft)
        self.draft_status = _css(widgets.HTML(), "draft-status")
        self.eml_button = _css(
            DownloadButton(
                "Download as an email draft (.eml)", self._eml_file, on_error=self._output_failed
            ),
            "eml",
        )
        self.mailto = _css(widgets.HTML(), "mailto")
        self.ics_button = _css(
            DownloadButton(
                "Calendar reminder to follow up (.ics)",
                self._ics_file,
                on_error=self._output_failed,
            ),
            "ics",
        )
        self.when = _css(
            widgets.DatePicker(description="When (leave empty for now)", style=_LABEL), "when"
        )
        self.sent_button = _button("sent", "I sent it", button_style="primary")
        self.sent_button.on_click(self._on_sent)
        self.answer = _css(
            widgets.ToggleButtons(
                description="Their answer",
                options=[("yes", "yes"), ("no", "no"), ("ask me later", "later")],
                style=_LABEL,
            ),
            "answer",
        )
        self.answer_button = _button("log-answer", "Log their answer")
        self.answer_button.on_click(self._on_answer)
        self.voicemail = _css(
            widgets.Checkbox(description="I left a voicemail", indent=False, value=True),
            "voicemail",
        )
        self.call_button = _button("log-call", "Log a phone call")
        self.call_button.on_click(self._on_call)
        self.move_on_button = _button("move-on", "Move on from this person")
        self.move_on_button.on_click(
            lambda _: self._log(
                lambda c, at: outreach_log.move_on(self.ws, c.id, at=at),
                "You moved on. That's normal: many requests go unanswered.",
            )
        )
        self.reopen_button = _button("reopen", "Reopen")
        self.reopen_button.on_click(
            lambda _: self._log(
                lambda c, at: outreach_log.reopen(self.ws, c.id, at=at), "Reopened."
            )
        )
        self.log_status = _css(widgets.HTML(), "log-status")
        self.mode_3b7 = _css(
            widgets.Checkbox(
                description="3B7 routine: count business days, and suggest a second contact after 3 days",
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
        people = [cid for _, cid in self.person.options][:3]
        for index, contact_id in enumerate(people):
            self.person.value = contact_id
            self.compose_button.click()
            self.save_button.click()
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
        return widgets.VBox(
            [
                self.kind,
                self.linkedin_plan,
                self.strict,
                widgets.HBox([self.compose_button]),
                self.to,
                self.subject,
                self.body,
                self.forwardable,
                self.findings,
                widgets.HBox([self.save_button]),
                self.draft_status,
            ]
        )

    @section
    def send_section(self) -> widgets.VBox:
        """When to send (R5), and the files and link that take the draft to your own mail client."""
        return widgets.VBox([self.advice, self.eml_button, self.mailto, self.ics_button])

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
        self.events = stages.group_by_contact(stages.events_from_rows(self.ws.events()))
        people = [c for c in self.contacts.values() if c.target or c.id in self.events]
        people.sort(key=lambda c: (not c.target, tg.fold(c.full_name)))
        current = self.person.value
        self._loading = True
        self.person.options = [
            (
                f"{c.full_name} ({c.organization or 'no organization'}): {stages.STAGE_LABELS[stages.stage(self.events.get(c.id, []))]}",
                c.id,
            )
            for c in people
        ]
        self._loading = False
        ids = [c.id for c in people]
        if current in ids:
            self.select(current)
        elif ids:
            self.person.value = ids[0]
        else:
            self.facts.value = message_html(
                "No targets yet: pick the people you want to ask in step 2.", "note"
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
            self._load_draft()
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
            f"{actions[0].text} (due {actions[0].due.astimezone(tz):%a %d %b})"
            if actions
            else "Nothing planned."
        )
        rows = [
            ("Stage", stages.STAGE_LABELS[stages.stage(events)]),
            ("Attempts so far", f"{stages.attempts(events)} of {pipeline.MAX_ATTEMPTS}"),
            ("Connection", a.connection_why),
            ("Email", c.email or "not known: find it on their profile or the organization's site"),
            ("Offer to meet by", a.modes),
            ("Next", next_text),
        ]
        self.facts.value = (
            "<ul class='ii-facts'>"
            + "".join(f"<li><strong>{escape(k)}:</strong> {escape(v)}</li>" for k, v in rows)
            + "</ul>"
        )

    def _load_draft(self) -> None:
        if self.contact is None:
            return
        kind = self.kind.value
        self.forwardable.layout.display = None if kind == "request_intro" else "none"
        self.linkedin_plan.layout.display = None if kind == "linkedin_note" else "none"
        saved = outreach_log.load_draft(self.ws, self.contact.id, kind)
        self._loading = True
        try:
            if saved:
                self.subject.value, self.body.value, self.forwardable.value = (
                    saved.draft.subject,
                    saved.draft.body,
                    saved.draft.forwardable,
                )
                self.draft_status.value = message_html(
                    f"Your saved draft ({saved.saved_at[:16].replace('T', ' ')} UTC).",
                    "note",
                )
            else:
                self._fill(self._compose())
                self.draft_status.value = message_html(
                    "A first draft from the workbook: make it yours, then save it.", "note"
                )
            self.to.value = "" if kind == "request_intro" else self.contact.email
        finally:
            self._loading = False
        self.update_feedback()

    def _compose(self) -> outreach.Draft:
        org = self.organizations.get(tg.org_key(self.contact.organization))
        attempt = stages.attempts(self.events.get(self.contact.id, [])) + 1
        return outreach.compose(
            self.kind.value,
            self.profile,
            self.objective,
            self.contact,
            org,
            linkedin_plan=self.linkedin_plan.value,
            attempt=attempt,
        )

    def _fill(self, draft: outreach.Draft) -> None:
        self.subject.value, self.body.value, self.forwardable.value = (
            draft.subject,
            draft.body,
            draft.forwardable,
        )

    def _on_compose(self, _=None) -> None:
        if self.contact is None:
            return
        self._loading = True
        try:
            self._fill(self._compose())
        finally:
            self._loading = False
        self.update_feedback()
        self.draft_status.value = message_html(
            "A fresh first draft. Your saved draft is kept until you save this one.", "note"
        )

    def _changed(self, _=None) -> None:
        if self._loading:
            return
        self.update_feedback()
        self.draft_status.value = message_html("Unsaved changes: press Save this draft.", "note")

    def update_feedback(self) -> None:
        """Run the checker on the text (R1-R4, R6, R7, O5) and refresh send time and mailto link."""
        if self.contact is None:
            return
        text = (
            self.body.value
            if self.kind.value != "request_intro"
            else self.body.value + "\n\n" + self.forwardable.value
        )
        findings = request_check.check_request(
            text,
            profile=self.profile,
            objective=self.objective,
            contact=self.contact,
            kind=self.kind.value,
            strict=self.strict.value,
            known_words=self.known_words,
            sender=self.profile.email,
            linkedin_plan=self.linkedin_plan.value,
        )
        words = len(self.body.value.split())
        self.findings.value = (
            f"<p class='ii-outreach-count'>{words} words, {len(self.body.value)} characters.</p>"
            + findings_html(findings, "Nothing to fix: this reads well.")
        )
        advice = outreach.send_time_advice(self.now(), self.settings.tz)
        verdict = "A good time to send." if advice.now_ok else "Better to wait."
        self.advice.value = message_html(
            f"{verdict} {advice.note} (Times are in {self.settings.tz}.)", "note"
        )
        if self.kind.value in ("voicemail", "linkedin_note"):
            self.mailto.value = "<p>Copy the text above: this one isn't sent by email.</p>"
        else:
            url, shortened = exports.mailto_link(self.to.value, self.subject.value, self.body.value)
            note = (
                " The message was shortened to fit in a link: use the .eml draft for the full text."
                if shortened
                else ""
            )
            self.mailto.value = f'<p><a href="{escape(url)}" class="ii-mailto-link">Open in my mail program</a>.{escape(note)}</p>'

    def save_draft(self, _=None) -> bool:
        """Keep the user's edits for this person and kind."""
        if self.contact is None:
            return False
        values = {
            "subject": self.subject.value,
            "body": self.body.value,
            "forwardable": self.forwardable.value,
        }
        try:
            outreach_log.save_draft(self.ws, self.contact.id, self.kind.value, **values)
        except (WorkspaceError, OSError) as exc:
            self.draft_status.value = message_html(
                f"Not saved: {exc}. Your text is still here; try again.", "warning"
            )
            return False
        self.draft_status.value = message_html("Draft saved.", "ok")
        return True

    # -- outputs ---------------------------------------------------------------------------------
    def _eml_file(self) -> tuple[str, str, bytes]:
        c = self.contact
        self.save_draft()
        body = self.body.value + (
            ("\n\n" + self.forwardable.value)
            if self.kind.value == "request_intro" and self.forwardable.value
            else ""
        )
        data = exports.eml_draft(
            sender=self.profile.email,
            sender_name=self.profile.name,
            to=self.to.value,
            to_name="" if self.kind.value == "request_intro" else c.full_name,
            subject=self.subject.value,
            body=body,
        )
        return exports.eml_filename(c.full_name, self.kind.value), "message/rfc822", data

    def _ics_file(self) -> tuple[str, str, bytes]:
        c = self.contact
        events = self.events.get(c.id, [])
        actions = [a for a in pipeline.actions_for(c, events, self.now(), self.settings)]
        if not actions:  # not sent yet: remind about the follow-up a week after today
            start = pipeline.add_days(self.now(), self.settings.follow_up_days, self.settings.tz)
            actions = [
                pipeline.Action(
                    c.id,
                    "follow_up",
                    start,
                    f"Follow up with {c.full_name} if they haven't answered.",
                    pipeline.ACTION_KINDS["follow_up"],
                    False,
                )
            ]
        reminders = [
            exports.Reminder(
                uid_seed=f"{c.id}-{a.kind}-{a.due.date()}",
                summary=a.text,
                description=f"From your informational interview workbook ({a.step}).",
                start=a.due,
            )
            for a in actions
        ]
        return (
            f"reminders-{exports.eml_filename(c.full_name, 'follow-up')[:-4]}.ics",
            "text/calendar",
            exports.ics_reminders(reminders, self.settings.tz),
        )

    def _output_failed(self, exc: Exception) -> None:
        self.draft_status.value = message_html(f"The file could not be made: {exc}", "warning")

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
            self.log_status.value = message_html("Choose a person first.", "warning")
            return False
        try:
            action(self.contact, self._at())
        except WorkspaceError as exc:
            self.log_status.value = message_html(f"Not recorded: {exc}", "warning")
            return False
        self.log_status.value = message_html(message, "ok")
        self.refresh()
        return True

    def _on_sent(self, _=None) -> None:
        # A button: sending happens outside the workbook, so only the user can say it happened.
        if self.contact is None:
            return
        kind = self.kind.value
        texts = (self.subject.value, self.body.value, self.forwardable.value)
        logged = self._log(
            lambda contact, at: outreach_log.log_sent(self.ws, contact, kind, *texts, at=at),
            f"Recorded: {outreach.DRAFT_LABELS[kind]} to {self.contact.full_name}. "
            "The follow-up will appear on the start page when it is due.",
        )
        if logged:
            self.draft_status.value = message_html("Draft saved.", "ok")

    def _on_answer(self, _=None) -> None:
        answer = self.answer.value
        text = {
            "yes": "They said yes! Agree on a time and place that suits them, then prepare in "
            "step 4.",
            "no": "They said no. Thank them for answering; it still counts as practice.",
            "later": "They asked you to come back later: the workbook will remind you in two "
            "weeks.",
        }[answer]
        self._log(lambda c, at: outreach_log.log_answer(self.ws, c.id, answer, at=at), text)

    def _on_call(self, _=None) -> None:
        voicemail = bool(self.voicemail.value)
        self._log(
            lambda c, at: outreach_log.log_call(self.ws, c.id, voicemail, at=at), "Call recorded."
        )

    def _on_setting(self, change) -> None:
        owner = change["owner"]
        if owner is self.mode_3b7:
            outreach_log.save_setting(self.ws, "pipeline.mode_3b7", "1" if change["new"] else "0")
            self.settings = pipeline_settings(self.ws)
            self._draw_pipeline()
        elif owner is self.strict:
            outreach_log.save_setting(self.ws, "outreach.strict", "1" if change["new"] else "0")
        elif owner is self.linkedin_plan:
            outreach_log.save_setting(self.ws, "outreach.linkedin_plan", change["new"])
        self.update_feedback()

    def _draw_pipeline(self) -> None:
        tz = pipeline.zone(self.settings.tz)
        stats = pipeline.response_stats(self.events)
        boosters = set(stats.boosters)
        rows = []
        for c in sorted(self.contacts.values(), key=lambda c: tg.fold(c.full_name)):
            events = self.events.get(c.id, [])
            if not (c.target or events):
                continue
            actions = pipeline.actions_for(c, events, self.now(), self.settings)
            nxt = actions[0] if actions else None
            due = (
                ""
                if nxt is None
                else ("<strong>overdue</strong> " if nxt.overdue else "")
                + f"{nxt.due.astimezone(tz):%a %d %b}"
            )
            rows.append(
                f"<tr><th scope='row'>{escape(c.full_name)}{' (answers fast)' if c.id in boosters else ''}</th><td>{escape(c.organization)}</td>"
                f"<td>{escape(stages.STAGE_LABELS[stages.stage(events)])}</td><td>{stages.attempts(events)}</td>"
                f"<td>{escape(nxt.text) if nxt else 'Nothing planned.'}</td><td>{due}</td></tr>"
            )
        head = "".join(
            f"<th scope='col'>{h}</th>"
            for h in ("Person", "Organization", "Stage", "Attempts", "Next", "Due")
        )
        self.table.value = STYLE + (
            f"<table class='ii-table'><caption>Your requests</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            if rows
            else "<p>No targets yet.</p>"
        )
        rate = (
            "no requests yet"
            if stats.rate is None
            else f"{stats.replies} of {stats.requests} answered ({stats.rate:.0%})"
        )
        median = (
            ""
            if stats.median_days is None
            else f", after {stats.median_days:.1f} days on average (median)"
        )
        self.stats.value = f"<p>Responses: {escape(rate)}{escape(median)}. Many requests go unanswered or are declined: that is normal, keep going.</p>"
