"""Step 6's note editor: one message (to, subject, body) with its checker, files and "I sent it";
and the language the person's notes are written in (``WrittenIn``).

The thanks page shows three: the thank-you (S2), the introducer's thanks (S3) and the
stay-in-touch update (S4). A note reads the page's chosen person, profile and the hints the
checker needs (``contact``, ``profile``, ``hints``, ``outcome``, ``progress_text``,
``suggestion_hints()``, ``known_words``) and, once sent, asks the page to ``refresh``. A note
saves as it is typed (there is no Save button), always for the person it was filled for.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import exports, outreach_log, thanks_check, thanks_log
from ..i18n import LANGUAGE_NAMES, LANGUAGES, _
from ..records import Draft
from ..safe import escape
from ..salutation import draft_language
from ..schema import WorkspaceError
from ..text_language import text_language
from .autosave import state_view
from .controls import controls
from .download import DownloadButton
from .draft_words import language_name
from .feedback import findings_html, message_html
from .page import Page

__all__ = ["Note", "WrittenIn"]

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")

_css, _button = controls("thanks")  # a note's widgets are the thanks page's: ii-thanks-<name>-...


class Note:
    """One editable note (subject, body), its checker findings, files and "I sent it"."""

    def __init__(self, page: Page, name: str, kind: str, sent_label: str):
        self.page, self.kind = page, kind
        self.to = _css(
            widgets.Text(description=_("To (email address)"), style=_LABEL, layout=_WIDE),
            f"{name}-to",
        )
        self.subject = _css(
            widgets.Text(description=_("Subject"), style=_LABEL, layout=_WIDE), f"{name}-subject"
        )
        self.body = _css(
            widgets.Textarea(
                description=_("Message"),
                style=_LABEL,
                layout=widgets.Layout(width="95%", height="13em"),
            ),
            f"{name}-body",
        )
        self.findings = _css(widgets.HTML(), f"{name}-findings")
        self.eml = _css(
            DownloadButton(
                _("Download as an email draft (.eml)"), self._eml, on_error=page._failed
            ),
            f"{name}-eml",
        )
        self.mailto = _css(widgets.HTML(), f"{name}-mailto")
        # A button: sending happens outside the workbook, so only the user can say it happened.
        self.sent = _button(f"{name}-sent", sent_label, button_style="primary")
        self.sent.on_click(self._on_sent)
        self.status = _css(widgets.HTML(), f"{name}-status")
        self._filling = False
        self._contact_id: int | None = None  # the person the note was filled for
        self._default_to = ""  # the address the workbook knows (kept only if changed)
        # No Save button: the note saves as it is typed.
        self.form = page.autosave(self._save, active=lambda: not self._filling)
        self.save_status = state_view(self.form.state, f"ii-thanks-{name}-save-state")
        for w in (self.to, self.subject, self.body):
            w.observe(self._edited, names="value")

    def widgets(self) -> list:
        """The note's widgets, in the order the page shows them."""
        return [
            self.to,
            self.subject,
            self.body,
            self.findings,
            self.eml,
            self.mailto,
            self.save_status,
            widgets.HBox([self.sent]),
            self.status,
        ]

    def _edited(self, _change=None) -> None:
        if not self._filling:
            self.check()
            self.form.changed()

    def fill(self, draft, to: str, written: bool = False) -> None:
        """Show a draft for the page's person, checked once (not once per field it changes):
        what the workspace holds, or (``written``) a note the user asked to have written,
        which is saved like their typing. ``to`` is the address the workbook knows; one the
        user typed and saved with the draft wins."""
        self.form.flush()  # what was typed is kept for the person it was for
        page = self.page
        self._contact_id = page.contact.id if page.contact is not None else None
        self._default_to = to
        self._filling = True
        try:
            self.to.value = getattr(draft, "to", "") or to
            self.subject.value, self.body.value = draft.subject, draft.body
        finally:
            self._filling = False
        self.form.discard()
        if written:
            self.form.changed()
            self.form.flush()
        self.check()

    def check(self) -> None:
        """Run the thank-you checker on the body and refresh the mail link."""
        page = self.page
        if page.contact is None:
            return
        hints = {
            "thanks": page.hints,
            "intro_thanks": [page.outcome.value],
            "update": [page.progress_text.value],
        }[self.kind]
        findings = thanks_check.check_thanks(
            self.body.value,
            kind=self.kind,
            specific_hints=[h for h in hints if h.strip()],
            suggestion_hints=page.suggestion_hints() if self.kind == "thanks" else [],
            known_words=page.known_words | set(page.contact.via.split()),
            # judged in the language it is written in (the one chosen when too short to tell)
            language=text_language(self.body.value, page.written_in.value),
        )
        self.findings.value = findings_html(findings, _("Personal and ready to send."))
        url, shortened = exports.mailto_link(self.to.value, self.subject.value, self.body.value)
        note = (
            _(" (shortened to fit a link: use the .eml draft for the full text)")
            if shortened
            else ""
        )
        link = escape(_("Open in my mail program"))
        self.mailto.value = f'<p><a href="{escape(url)}">{link}</a>{escape(note)}.</p>'

    def save_draft(self) -> bool:
        """Write the user's own wording now (typing does this by itself); True when kept."""
        return self.form.flush()

    def _save(self) -> None:
        """The autosave: the note as one draft of the person it was filled for (one
        transaction), with the address typed when it is not the one the workbook knows."""
        if self._contact_id is None:
            return
        typed_to = "" if self.to.value.strip() == self._default_to.strip() else self.to.value
        outreach_log.save_draft(
            self.page.ws,
            self._contact_id,
            self.kind,
            self.subject.value,
            self.body.value,
            to=typed_to,
        )

    def saved_draft(self) -> Draft | None:
        """The user's saved wording for this person and kind, if any."""
        page = self.page
        saved = outreach_log.load_draft(page.ws, page.contact.id, self.kind)
        return None if saved is None else saved.draft

    def _eml(self) -> tuple[str, str, bytes]:
        self.save_draft()
        p = self.page.profile
        data = exports.eml_draft(
            sender=p.email,
            sender_name=p.name,
            to=self.to.value,
            to_name="",
            subject=self.subject.value,
            body=self.body.value,
        )
        return (
            exports.eml_filename(self.page.contact.full_name, self.kind, self.page.contact.id),
            "message/rfc822",
            data,
        )

    def _on_sent(self, _click=None) -> None:
        page = self.page
        if page.contact is None:
            return
        self.form.flush()  # the address typed is kept too
        try:
            thanks_log.log_note_sent(
                page.ws,
                page.contact.id,
                self.kind,
                self.subject.value,
                self.body.value,
                at=page.now(),
            )
        except WorkspaceError as exc:
            self.status.value = message_html(
                _("Not recorded: {reason}").format(reason=exc), "warning"
            )
            return
        self.status.value = message_html(_("Recorded. Well done."), "ok")
        page.refresh(keep=page.contact.id)


class WrittenIn:
    """The language one person's notes are written in (S2-S4): theirs by default
    (``Contact.language``), else as chosen here; the page keeps the choice with what was
    typed for their notes and asks for new drafts in it (``page.redraft``)."""

    def __init__(self, page: Page):
        self.page = page
        self.choice = _css(
            widgets.Dropdown(
                description=_("Written in"),
                options=[(LANGUAGE_NAMES[c], c) for c in LANGUAGES],
                style=_LABEL,
            ),
            "written-in",
        )
        self.hint = _css(widgets.HTML(), "language-hint")
        self._showing = False
        self._switched = False  # the participant changed the language just now
        self.choice.observe(self._changed, names="value")

    @property
    def value(self) -> str:
        """The language chosen ("en", "es", "zh")."""
        return self.choice.value

    def widgets(self) -> list:
        """The choice and what it means, in the order the page shows them."""
        return [self.choice, self.hint]

    def show(self, contact, chosen: str | None = None) -> None:
        """The language of ``contact``'s notes: ``chosen`` when it is one, else theirs."""
        self._showing = True
        try:
            self.choice.value = draft_language(contact, chosen if chosen in LANGUAGES else None)
        finally:
            self._showing = False
        self._hint()

    def _hint(self, kept: bool = False) -> None:
        language = language_name(self.choice.value)  # in a sentence: the page's word for it
        text = _("Your notes to them are in {language}.").format(language=language)
        if kept:
            text += " " + _(
                "The notes you saved are kept as they are: press a “Write … for me” button "
                "for a new one in {language}."
            ).format(language=language)
        self.hint.value = f"<p class='ii-thanks-language'>{escape(text)}</p>"

    def kept(self, saved: bool) -> None:
        """After new drafts: say so when saved notes were kept in the language they are in."""
        self._hint(kept=saved and self._switched)
        self._switched = False

    def _changed(self, _change=None) -> None:
        self._hint()
        if not self._showing and not self.page._loading and self.page.contact is not None:
            self._switched = True
            self.page.redraft()
