"""Step 2's vCard export: the contacts (or only the targets) as a .vcf file that phones, Apple
Contacts, Google Contacts and Outlook import.

The targets page composes one inside its import section, folded behind a toggle. The file is
built when the button is clicked (``vcard.vcard_bytes``, so it is never stale); archived people
are left out, and so are the participant's private notes unless they tick "Include my notes".
The button shows only once there is someone to put in the file (``refresh``, after each change
to the contacts). Widgets are named ``ii-targets-vcard-<name>``.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import targets as tg
from ..i18n import _, ngettext
from ..safe import escape
from .controls import controls
from .details import Details
from .download import DownloadButton
from .feedback import message_html
from .page import Page

__all__ = ["VcardExport"]

_css, _button = controls("targets")


def _muted(text: str) -> str:
    return f"<p class='ii-muted'>{escape(text)}</p>"


class VcardExport:
    """A download of the contacts as vCard, with a choice of everyone or the targets only."""

    def __init__(self, page: Page):
        self.page = page
        self.targets_only = _css(
            widgets.Checkbox(
                value=False,
                description=_("Only the people you picked as targets"),
                indent=False,
                layout=widgets.Layout(width="auto"),
            ),
            "vcard-targets-only",
        )
        self.targets_only.observe(lambda _change: self.refresh(), names="value")
        # Notes are the participant's own: they leave only when asked (a .vcf gets shared).
        self.with_notes = _css(
            widgets.Checkbox(
                value=False,
                description=_(
                    "Include my notes (what you wrote about each person goes in the file)"
                ),
                indent=False,
                layout=widgets.Layout(width="auto"),
            ),
            "vcard-notes",
        )
        self.with_notes.observe(lambda _change: setattr(self.status, "value", ""), names="value")
        self.download = DownloadButton(
            _("Download as vCard (.vcf)"), self._file, on_error=self._failed
        )
        self.download.add_class("ii-targets-vcard-download")
        self.status = _css(widgets.HTML(), "vcard-status")
        self.waiting = _css(widgets.HTML(), "vcard-waiting")  # why there is no button yet
        self.details = Details(
            _("Put these contacts on your phone or in your mail program (vCard)"),
            [],
            "ii-targets-vcard",
        )

    def widgets(self) -> Details:
        """The toggle and, when open, the choice and the download."""
        note = widgets.HTML(
            _muted(
                _(
                    "A .vcf file opens in Apple Contacts, Google Contacts, Outlook and on "
                    "phones. It stays on your computer until you import it there."
                )
            )
        )
        self.details.body.children = (
            note,
            self.targets_only,
            self.with_notes,
            self.waiting,
            self.download,
            self.status,
        )
        self.refresh()
        return self.details

    def refresh(self) -> None:
        """The download shows when there is someone to put in the file; otherwise why not."""
        contacts = [a.contact for a in getattr(self.page, "assessed", None) or ()]
        people = [c for c in contacts if not c.archived]
        if self.targets_only.value:
            people = [c for c in people if c.target]
        self.download.layout.display = None if people else "none"
        self.status.value = ""  # a download's confirmation no longer matches the choice
        if people:
            self.waiting.value = ""
            return
        if self.targets_only.value and contacts:
            self.waiting.value = _muted(
                _(
                    "You have picked no targets yet: pick some in the list below, or untick "
                    "“Only the people you picked as targets”."
                )
            )
        else:
            self.waiting.value = _muted(
                _(
                    "No contacts yet: import your connections or paste a signature above, and "
                    "the download appears here."
                )
            )

    def _file(self) -> tuple[str, str, bytes]:
        from .. import vcard  # lazy: vobject loads only when a file is written

        only = self.targets_only.value
        people = [
            c for c in tg.load_contacts(self.page.ws) if not c.archived and (c.target or not only)
        ]
        if not people:
            raise ValueError(
                _("You have picked no targets yet.")
                if only
                else _("There are no contacts to save yet.")
            )
        name = vcard.vcard_filename(only)
        data = vcard.vcard_bytes(people, notes=self.with_notes.value)
        self.status.value = message_html(
            (
                ngettext(
                    "{file}: {n} person, with your notes. Open it with your address book to "
                    "add them.",
                    "{file}: {n} people, with your notes. Open it with your address book to "
                    "add them.",
                    len(people),
                )
                if self.with_notes.value
                else ngettext(
                    "{file}: {n} person, without your notes. Open it with your address book "
                    "to add them.",
                    "{file}: {n} people, without your notes. Open it with your address book "
                    "to add them.",
                    len(people),
                )
            ).format(file=name, n=len(people)),
            "ok",
        )
        return name, "text/vcard", data

    def _failed(self, exc: Exception) -> None:
        self.status.value = message_html(
            _("{error} Nothing was downloaded.").format(error=exc), "warning"
        )
