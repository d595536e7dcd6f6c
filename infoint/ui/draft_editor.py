"""Step 3's draft editor: the message for one person, the request checker, when to send, files.

The outreach page composes one. The editor reads its page's chosen person and what the
workbook knows (``contact``, ``events``, ``organizations``, ``profile``, ``objective``,
``settings``, ``known_words``, ``_loading``); drafts and settings are kept through the logic
layer's ``outreach_log`` actions. The draft saves as it is typed (there is no Save button),
always for the person and kind it was loaded for.

A draft is "Written in" its recipient's language and greets them as chosen ("How to address
them"); the checker judges it in that language and advises in the participant's.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import (
    exports,
    outreach,
    outreach_log,
    pipeline,
    request_check,
    salutation,
    stages,
)
from .. import targets as tg
from ..i18n import LANGUAGE_NAMES, LANGUAGES, N_, _
from ..request_length import length_note
from ..safe import escape
from ..text_language import text_language
from .autosave import state_view
from .controls import controls
from .download import DownloadButton
from .draft_words import language_name, send_time_line
from .feedback import findings_html, message_html
from .page import Page

__all__ = ["DraftEditor"]

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")

_css, _button = controls("outreach")  # the editor's widgets are the page's: ii-outreach-<name>
# How to address them (salutation.FORMS): the value is stored, the label translated.
_ADDRESS = (
    ("auto", N_("As the workbook suggests")),
    ("full", N_("Full name, no title")),
    ("mr", N_("Mr (先生, Sr.)")),
    ("ms", N_("Ms (女士, Sra.)")),
    ("title", N_("Their title (经理, 老师, 教授, Dr.)")),
)


class DraftEditor:
    """The draft, editable, with the checker's findings as you type, send-time advice, the
    .eml draft, the mailto link and a follow-up reminder (.ics)."""

    def __init__(self, page: Page):
        self.page = page
        ws = page.ws
        self.kind = _css(
            widgets.Dropdown(
                description=_("Kind of message"),
                options=[(_(outreach.DRAFT_LABELS[k]), k) for k in outreach.DRAFT_KINDS],
                style=_LABEL,
                layout=widgets.Layout(width="70%"),
            ),
            "kind",
        )
        self.kind.observe(lambda _change: self.load(), names="value")
        self.written_in = _css(
            widgets.Dropdown(
                description=_("Written in"),
                options=[(LANGUAGE_NAMES[c], c) for c in LANGUAGES],
                style=_LABEL,
            ),
            "written-in",
        )
        self.written_in.observe(self._on_language, names="value")
        self.address = _css(
            widgets.Dropdown(
                description=_("How to address them"),
                options=[(_(label), form) for form, label in _ADDRESS],
                style=_LABEL,
            ),
            "address",
        )
        self.title = _css(widgets.Text(description=_("Their title"), style=_LABEL), "title")
        self.title.layout = widgets.Layout(width="40%", display="none")
        self.address.observe(self._on_address, names="value")
        self.title.observe(self._on_address, names="value")
        self.language_hint = _css(widgets.HTML(), "language-hint")
        self.linkedin_plan = _css(
            widgets.ToggleButtons(
                description=_("Your LinkedIn account"),
                options=[(_("free (200 characters)"), "free"), (_("Premium (300)"), "premium")],
                style=_LABEL,
            ),
            "linkedin-plan",
        )
        self.linkedin_plan.value = outreach_log.load_setting(ws, "outreach.linkedin_plan", "free")
        self.linkedin_plan.observe(self._on_setting, names="value")
        self.strict = _css(
            widgets.Checkbox(
                description=_("Stricter length: aim for 75 words"),
                indent=False,
                value=outreach_log.load_setting(ws, "outreach.strict") == "1",
            ),
            "strict",
        )
        self.strict.observe(self._on_setting, names="value")
        self.compose_button = _button("compose", _("Write a first draft for me"))
        self.compose_button.on_click(self._on_compose)
        self.to = _css(
            widgets.Text(description=_("Send to (email address)"), style=_LABEL, layout=_WIDE),
            "to",
        )
        self.subject = _css(
            widgets.Text(description=_("Subject"), style=_LABEL, layout=_WIDE), "subject"
        )
        self.body = _css(
            widgets.Textarea(
                description=_("Message"),
                style=_LABEL,
                layout=widgets.Layout(width="95%", height="16em"),
            ),
            "body",
        )
        self.forwardable = _css(
            widgets.Textarea(
                description=_("Paragraph they can forward"),
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
                _("Download as an email draft (.eml)"),
                self._eml_file,
                on_error=self._output_failed,
                button_style="primary",  # the send section's one main action
            ),
            "eml",
        )
        self.mailto = _css(widgets.HTML(), "mailto")
        self.ics_button = _css(
            DownloadButton(
                _("Calendar reminder to follow up (.ics)"),
                self._ics_file,
                on_error=self._output_failed,
            ),
            "ics",
        )

    def draft_widgets(self) -> list:
        """The editor's widgets, in the order the page's draft section shows them."""
        return [
            self.kind,
            widgets.HBox([self.written_in, self.address, self.title]),
            self.language_hint,
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
            self._load_choices(kind, saved)
            if saved:
                self.subject.value, self.body.value, self.forwardable.value = (
                    saved.draft.subject,
                    saved.draft.body,
                    saved.draft.forwardable,
                )
                self.draft_status.value = message_html(
                    _("Your saved draft ({time} UTC). Every change saves as you type.").format(
                        time=saved.saved_at[:16].replace("T", " ")
                    ),
                    "note",
                )
            else:
                self._fill(self._compose())
                self.draft_status.value = message_html(
                    _("A first draft from the workbook: make it yours. It saves as you type."),
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
            language=self.written_in.value,
            address=self.address.value,
            title=self.title.value,
        )

    # -- the draft's language and greeting -------------------------------------------------------
    def _language_key(self, kind: str) -> str:
        return f"outreach.language.{self.page.contact.id}.{kind}"

    def _setting(self, key: str, value: str | None = None) -> str:
        """Load (or with ``value`` keep) a choice; step 3 may not keep it: then "" (the saved
        draft's text says it again)."""
        try:
            if value is None:
                return outreach_log.load_setting(self.page.ws, key, "")
            outreach_log.save_setting(self.page.ws, key, value)
        except ValueError:
            pass
        return ""

    def _load_choices(self, kind: str, saved) -> None:
        """The language and greeting of this person's draft: as chosen (when step 3 keeps the
        choice), else read back from the saved draft, else the contact's language."""
        page = self.page
        text = saved.draft.body if saved else ""
        lang = self._setting(self._language_key(kind)) or (
            text_language(text, outreach.draft_language(page.contact)) if text else None
        )
        self.written_in.value = outreach.draft_language(page.contact, lang)
        stored = self._setting(salutation.setting_key(page.contact.id))
        if stored:
            form, title = salutation.choice(stored)
        else:
            form, title = salutation.form_of(page.contact, self.written_in.value, text)
        self.address.value, self.title.value = form, title
        self._show_choices()

    def _show_choices(self) -> None:
        lang = self.written_in.value
        self.address.layout.display = None if lang != "en" else "none"
        self.title.layout.display = (
            None if lang != "en" and self.address.value == "title" else "none"
        )
        hint = _("Your draft is in {language}.").format(language=language_name(lang))
        if lang != "en":
            hint += " " + _("It opens with: {greeting}").format(
                greeting=salutation.greeting(
                    self.page.contact, lang, self.address.value, title=self.title.value
                )
            )
        self.language_hint.value = f"<p class='ii-outreach-language'>{escape(hint)}</p>"

    def _redraft(self) -> None:
        """After a change of language or greeting: a new first draft unless one is saved."""
        page = self.page
        self._show_choices()
        if outreach_log.load_draft(page.ws, page.contact.id, self.kind.value):
            self.draft_status.value = message_html(
                _(
                    "Your saved draft is kept. Press “Write a first draft for me” for a new "
                    "one in {language}."
                ).format(language=language_name(self.written_in.value)),
                "note",
            )
            self.update_feedback()
        else:
            self._on_compose()

    def _on_language(self, change) -> None:
        if not self.page._loading and self.page.contact is not None:
            self._setting(self._language_key(self.kind.value), change["new"])
            self._redraft()

    def _on_address(self, _change=None) -> None:
        page = self.page
        if page._loading or page.contact is None:
            return
        form, title = self.address.value, self.title.value.strip()
        stored = f"title:{title}" if form == "title" and title else form
        self._setting(salutation.setting_key(page.contact.id), stored)
        if form == "title" and not title:
            self._show_choices()  # the title field opens; the draft waits for the title
            return
        self._redraft()

    def _fill(self, draft: outreach.Draft) -> None:
        self.subject.value, self.body.value, self.forwardable.value = (
            draft.subject,
            draft.body,
            draft.forwardable,
        )

    def _on_compose(self, _click=None) -> None:
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
            _(
                "A fresh first draft. Your saved draft stays until you change this one: "
                "then this one is saved instead."
            ),
            "note",
        )

    def _changed(self, _change=None) -> None:
        if self.page._loading:
            return
        self.update_feedback()
        self.draft_form.changed()

    def update_feedback(self) -> None:
        """Run the checker on the text (R1-R4, R6, R7, O5) and refresh send time and mailto link."""
        page = self.page
        if page.contact is None:
            return
        text, forwardable = self.body.value, self.forwardable.value
        if self.kind.value == "request_intro" and forwardable.strip() not in text:
            text += "\n\n" + forwardable  # checked with the note, counted once when quoted
        # judged in the language it is written in (the one chosen when too short to tell)
        lang = text_language(text, self.written_in.value)
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
            language=lang,
        )
        count = length_note(self.body.value, lang)
        self.findings.value = f"<p class='ii-outreach-count'>{escape(count)}</p>" + findings_html(
            findings, _("Nothing to fix: this reads well.")
        )
        self.advice.value = message_html(
            send_time_line(page.now(), page.settings.tz, page.contact), "note"
        )
        if self.kind.value in ("voicemail", "linkedin_note"):
            self.mailto.value = (
                "<p>" + escape(_("Copy the text above: this one isn't sent by email.")) + "</p>"
            )
        else:
            url, shortened = exports.mailto_link(self.to.value, self.subject.value, self.body.value)
            note = (
                " "
                + _(
                    "The message was shortened to fit in a link: use the .eml draft for the "
                    "full text."
                )
                if shortened
                else ""
            )
            label = _("Open in my mail program")
            self.mailto.value = (
                f'<p><a href="{escape(url)}" class="ii-mailto-link">'
                f"{escape(label)}</a>.{escape(note)}</p>"
            )

    def save_draft(self, _click=None) -> bool:
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
            if self.kind.value == "request_intro"
            and self.forwardable.value.strip() not in self.body.value  # not quoted already
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
        return exports.eml_filename(c.full_name, self.kind.value, c.id), "message/rfc822", data

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
                    _("Follow up with {name} if they haven't answered.").format(name=c.full_name),
                    pipeline.ACTION_KINDS["follow_up"],
                    False,
                )
            ]
        reminders = [
            exports.Reminder(
                uid_seed=f"{c.id}-{a.kind}-{a.due.date()}",
                summary=a.text,
                description=_("From your informational interview workbook ({step}).").format(
                    step=a.step
                ),
                start=a.due,
            )
            for a in actions
        ]
        return (
            f"reminders-{exports.eml_filename(c.full_name, 'follow-up', c.id)[:-4]}.ics",
            "text/calendar",
            exports.ics_reminders(reminders, page.settings.tz),
        )

    def _output_failed(self, exc: Exception) -> None:
        self.draft_status.value = message_html(
            _("The file could not be made: {reason}").format(reason=exc), "warning"
        )
