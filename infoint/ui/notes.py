"""Step 6's note editor: one message (to, subject, body) with its checker, files and "I sent it".

The thanks page shows three: the thank-you (S2), the introducer's thanks (S3) and the
stay-in-touch update (S4). A note reads the page's chosen person, profile and the hints the
checker needs (``contact``, ``profile``, ``hints``, ``outcome``, ``progress_text``,
``suggestion_hints()``, ``known_words``) and, once sent, asks the page to ``refresh``.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import exports, outreach_log, thanks_check, thanks_log
from ..records import Draft
from ..safe import escape
from ..schema import WorkspaceError
from .controls import controls
from .download import DownloadButton
from .feedback import findings_html, message_html
from .page import Page

__all__ = ["Note"]

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")

_css, _button = controls("thanks")  # a note's widgets are the thanks page's: ii-thanks-<name>-...


class Note:
    """One editable note (subject, body), its checker findings, files and "I sent it"."""

    def __init__(self, page: Page, name: str, kind: str, sent_label: str):
        self.page, self.kind = page, kind
        self.to = _css(
            widgets.Text(description="To (email address)", style=_LABEL, layout=_WIDE), f"{name}-to"
        )
        self.subject = _css(
            widgets.Text(description="Subject", style=_LABEL, layout=_WIDE), f"{name}-subject"
        )
        self.body = _css(
            widgets.Textarea(
                description="Message",
                style=_LABEL,
                layout=widgets.Layout(width="95%", height="13em"),
            ),
            f"{name}-body",
        )
        self.findings = _css(widgets.HTML(), f"{name}-findings")
        self.eml = _css(
            DownloadButton("Download as an email draft (.eml)", self._eml, on_error=page._failed),
            f"{name}-eml",
        )
        self.mailto = _css(widgets.HTML(), f"{name}-mailto")
        self.sent = _button(f"{name}-sent", sent_label, button_style="primary")
        self.sent.on_click(self._on_sent)
        self.save = _button(f"{name}-save", "Save this draft")
        self.save.on_click(lambda _: self.save_draft("Draft saved."))
        self.status = _css(widgets.HTML(), f"{name}-status")
        self._filling = False
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
            widgets.HBox([self.save, self.sent]),
            self.status,
        ]

    def _edited(self, _change=None) -> None:
        if not self._filling:
            self.check()

    def fill(self, draft, to: str) -> None:
        """Show a draft, checked once (not once per field it changes)."""
        self._filling = True
        try:
            self.to.value, self.subject.value, self.body.value = to, draft.subject, draft.body
        finally:
            self._filling = False
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
        )
        self.findings.value = findings_html(findings, "Personal and ready to send.")
        url, shortened = exports.mailto_link(self.to.value, self.subject.value, self.body.value)
        note = (
            " (shortened to fit a link: use the .eml draft for the full text)" if shortened else ""
        )
        self.mailto.value = (
            f'<p><a href="{escape(url)}">Open in my mail program</a>{escape(note)}.</p>'
        )

    def save_draft(self, message: str = "") -> None:
        """Keep the user's own wording (the page puts it back next time)."""
        page = self.page
        if page.contact is None:
            return
        try:
            outreach_log.save_draft(
                page.ws, page.contact.id, self.kind, self.subject.value, self.body.value
            )
        except WorkspaceError as exc:
            self.status.value = message_html(f"Not saved: {exc}", "warning")
            return
        if message:
            self.status.value = message_html(message, "ok")

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
        return exports.eml_filename(self.page.contact.full_name, self.kind), "message/rfc822", data

    def _on_sent(self, _=None) -> None:
        page = self.page
        if page.contact is None:
            return
        # A button: sending happens outside the workbook, so only the user can say it happened.
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
            self.status.value = message_html(f"Not recorded: {exc}", "warning")
            return
        self.status.value = message_html("Recorded. Well done.", "ok")
        page.refresh(keep=page.contact.id)
