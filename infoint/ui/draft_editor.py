"""Step 3's draft editor: the message for one person, the request checker, when to send, files.

The outreach page composes one. The editor reads its page's chosen person and what the
workbook knows (``contact``, ``events``, ``organizations``, ``profile``, ``objective``,
``settings``, ``known_words``, ``_loading``); drafts and settings are kept through the logic
layer's ``outreach_log`` actions. The draft saves as it is typed (there is no Save button),
always for the person and kind it was loaded for.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import exports, outreach, outreach_log, pipeline, request_check, send_time, stages
from .. import targets as tg
from ..safe import escape
from .autosave import state_view
from .controls import controls
from .download import DownloadButton
from .feedback import findings_html, message_html
from .page import Page

__all__ = ["DraftEditor"]

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")

_css, _button = controls("outreach")  # the editor's widgets are the page's: ii-outreach-<name>


class DraftEditor:
    """The draft, editable, with the checker's findings as you type, send-time advice, the
    .eml draft, the mailto link and a follow-up reminder (.ics)."""

    def __init__(self, page: Page):
        self.page = page
        ws = page.ws
        self.kind = _css(
            widgets.Dropdown(
                description="Kind of message",
                options=[(outreach.DRAFT_LABELS[k], k) for k in outreach.DRAFT_KINDS],
                style=_LABEL,
                layout=widgets.Layout(width="70%"),
            ),
            "kind",
        )
        self.kind.observe(lambda _: self.load(), names="value")
        self.linkedin_plan = _css(
            widgets.ToggleButtons(
                description="Your LinkedIn account",
                options=[("free (200 characters)", "free"), ("Premium (300)", "premium")],
                style=_LABEL,
            ),
            "linkedin-plan",
        )
        self.linkedin_plan.value = outreach_log.load_setting(ws, "outreach.linkedin_plan", "free")
        self.linkedin_plan.observe(self._on_setting, names="value")
        self.strict = _css(
            widgets.Checkbox(
                description="Stricter length: aim for 75 words",
                indent=False,
                value=outreach_log.load_setting(ws, "outreach.strict") == "1",
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
        # No Save button: the draft saves as it is typed, for the person and kind shown.
        self._editing: tuple[int, str] | None = None  # (contact id, kind) the fields hold
        self._default_to = ""  # the address the workbook knows for them (kept only if changed)
        self.draft_form = page.autosave(self._save, active=lambda: not page._loading)
        for w in (self.to, self.subject, self.body, self.forwardable):
            w.observe(self._changed, names="value")
        self.advice = _css(widgets.HTML(), "advice")
        self.draft_status = _css(widgets.HTML(), "draft-status")
        self.save_status = state_view(self.draft_form.state, "ii-outreach-save-state")
        self.eml_button = _css(
            DownloadButton(
                "Download as an email draft (.eml)",
                self._eml_file,
                on_error=self._output_failed,
                button_style="primary",  # the send section's one main action
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

    def draft_widgets(self) -> list:
        """The editor's widgets, in the order the page's draft section shows them."""
        return [
            self.kind,
            self.linkedin_plan,
            self.strict,
            widgets.HBox([self.compose_button]),
            self.to,
            self.subject,
            self.body,
            self.forwardable,
            self.findings,
            self.save_status,
            self.draft_status,
        ]

    def send_widgets(self) -> list:
        """When to send (R5), and the files and link that take the draft to a mail program."""
        return [self.advice, self.eml_button, self.mailto, self.ics_button]

    def load(self) -> None:
        """Show the saved draft of the chosen kind for the chosen person, else a first draft."""
        page = self.page
        self.draft_form.flush()  # what was typed is kept for the person and kind it was for
        if page.contact is None:
            return
        kind = self.kind.value
        self.forwardable.layout.display = None if kind == "request_intro" else "none"
        self.linkedin_plan.layout.display = None if kind == "linkedin_note" else "none"
        saved = outreach_log.load_draft(page.ws, page.contact.id, kind)
        page._loading = True
        try:
            if saved:
                self.subject.value, self.body.value, self.forwardable.value = (
                    saved.draft.subject,
                    saved.draft.body,
                    saved.draft.forwardable,
                )
                self.draft_status.value = message_html(
                    f"Your saved draft ({saved.saved_at[:16].replace('T', ' ')} UTC). "
                    "Every change saves as you type.",
                    "note",
                )
            else:
                self._fill(self._compose())
                self.draft_status.value = message_html(
                    "A first draft from the workbook: make it yours. It saves as you type.",
                    "note",
                )
            self._default_to = "" if kind == "request_intro" else page.contact.email
            self.to.value = (saved.draft.to if saved else "") or self._default_to
        finally:
            page._loading = False
        self._editing = (page.contact.id, kind)
        self.draft_form.discard()
        self.update_feedback()

    def _compose(self) -> outreach.Draft:
        page = self.page
        org = page.organizations.get(tg.org_key(page.contact.organization))
        attempt = stages.attempts(page.events.get(page.contact.id, [])) + 1
        return outreach.compose(
            self.kind.value,
            page.profile,
            page.objective,
            page.contact,
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
        page = self.page
        if page.contact is None:
            return
        page._loading = True
        try:
            self._fill(self._compose())
        finally:
            page._loading = False
        self.update_feedback()
        self.draft_status.value = message_html(
            "A fresh first draft. Your saved draft stays until you change this one: "
            "then this one is saved instead.",
            "note",
        )

    def _changed(self, _=None) -> None:
        if self.page._loading:
            return
        self.update_feedback()
        self.draft_form.changed()

    def update_feedback(self) -> None:
        """Run the checker on the text (R1-R4, R6, R7, O5) and refresh send time and mailto link."""
        page = self.page
        if page.contact is None:
            return
        text = (
            self.body.value
            if self.kind.value != "request_intro"
            else self.body.value + "\n\n" + self.forwardable.value
        )
        findings = request_check.check_request(
            text,
            profile=page.profile,
            objective=page.objective,
            contact=page.contact,
            kind=self.kind.value,
            strict=self.strict.value,
            known_words=page.known_words,
            sender=page.profile.email,
            linkedin_plan=self.linkedin_plan.value,
        )
        words = len(self.body.value.split())
        self.findings.value = (
            f"<p class='ii-outreach-count'>{words} words, {len(self.body.value)} characters.</p>"
            + findings_html(findings, "Nothing to fix: this reads well.")
        )
        advice = send_time.send_time_advice(page.now(), page.settings.tz)
        verdict = "A good time to send." if advice.now_ok else "Better to wait."
        self.advice.value = message_html(
            f"{verdict} {advice.note} (Times are in {page.settings.tz}.)", "note"
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
            self.mailto.value = (
                f'<p><a href="{escape(url)}" class="ii-mailto-link">Open in my mail program</a>.'
                f"{escape(note)}</p>"
            )

    def save_draft(self, _=None) -> bool:
        """Write the user's edits now (typing does this by itself); True when they are kept."""
        return self.draft_form.flush()

    def _save(self) -> None:
        """The autosave: the fields as one draft of the person and kind they were loaded for
        (one transaction), the address typed included."""
        if self._editing is None:
            return
        contact_id, kind = self._editing
        outreach_log.save_draft(
            self.page.ws,
            contact_id,
            kind,
            subject=self.subject.value,
            body=self.body.value,
            forwardable=self.forwardable.value,
            to="" if self.to.value.strip() == self._default_to.strip() else self.to.value,
        )

    def _on_setting(self, change) -> None:
        owner = change["owner"]
        if owner is self.strict:
            outreach_log.save_setting(
                self.page.ws, "outreach.strict", "1" if change["new"] else "0"
            )
        elif owner is self.linkedin_plan:
            outreach_log.save_setting(self.page.ws, "outreach.linkedin_plan", change["new"])
        self.update_feedback()

    # -- outputs ---------------------------------------------------------------------------------
    def _eml_file(self) -> tuple[str, str, bytes]:
        page = self.page
        c = page.contact
        self.save_draft()
        body = self.body.value + (
            ("\n\n" + self.forwardable.value)
            if self.kind.value == "request_intro" and self.forwardable.value
            else ""
        )
        data = exports.eml_draft(
            sender=page.profile.email,
            sender_name=page.profile.name,
            to=self.to.value,
            to_name="" if self.kind.value == "request_intro" else c.full_name,
            subject=self.subject.value,
            body=body,
        )
        return exports.eml_filename(c.full_name, self.kind.value), "message/rfc822", data

    def _ics_file(self) -> tuple[str, str, bytes]:
        page = self.page
        c = page.contact
        events = page.events.get(c.id, [])
        actions = [a for a in pipeline.actions_for(c, events, page.now(), page.settings)]
        if not actions:  # not sent yet: remind about the follow-up a week after today
            start = pipeline.add_days(page.now(), page.settings.follow_up_days, page.settings.tz)
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
            exports.ics_reminders(reminders, page.settings.tz),
        )

    def _output_failed(self, exc: Exception) -> None:
        self.draft_status.value = message_html(f"The file could not be made: {exc}", "warning")
