"""Step 2's vCard export: the contacts (or only the targets) as a .vcf file that phones, Apple
Contacts, Google Contacts and Outlook import.

The targets page composes one inside its import section, folded behind a toggle. The file is
built when the button is clicked (``vcard.vcard_bytes``, so it is never stale); archived people
are left out. Widgets are named ``ii-targets-vcard-<name>``.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import targets as tg
from .controls import controls
from .details import Details
from .download import DownloadButton
from .feedback import message_html
from .page import Page

__all__ = ["VcardExport"]

_css, _ = controls("targets")


class VcardExport:
    """A download of the contacts as vCard, with a choice of everyone or the targets only."""

    def __init__(self, page: Page):
        self.page = page
        self.targets_only = _css(
            widgets.Checkbox(
                value=False,
                description="Only the people you picked as targets",
                indent=False,
                layout=widgets.Layout(width="auto"),
            ),
            "vcard-targets-only",
        )
        self.download = DownloadButton(
            "Download as vCard (.vcf)", self._file, on_error=self._failed
        )
        self.download.add_class("ii-targets-vcard-download")
        self.status = _css(widgets.HTML(), "vcard-status")
        self.details = Details(
            "Put these contacts on your phone or in your mail program (vCard)",
            [],
            "ii-targets-vcard",
        )

    def widgets(self) -> Details:
        """The toggle and, when open, the choice and the download."""
        note = widgets.HTML(
            "<p class='ii-muted'>A .vcf file opens in Apple Contacts, Google Contacts, Outlook "
            "and on phones. It stays on your computer until you import it there.</p>"
        )
        self.details.body.children = (note, self.targets_only, self.download, self.status)
        return self.details

    def _file(self) -> tuple[str, str, bytes]:
        from .. import vcard  # lazy: vobject loads only when a file is written

        only = self.targets_only.value
        people = [
            c for c in tg.load_contacts(self.page.ws) if not c.archived and (c.target or not only)
        ]
        if not people:
            raise ValueError(
                "You have picked no targets yet." if only else "There are no contacts to save yet."
            )
        name = vcard.vcard_filename(only)
        data = vcard.vcard_bytes(people)
        self.status.value = message_html(
            f"{name}: {len(people)} {'person' if len(people) == 1 else 'people'}. Open it with "
            "your address book to add them.",
            "ok",
        )
        return name, "text/vcard", data

    def _failed(self, exc: Exception) -> None:
        self.status.value = message_html(f"{exc} Nothing was downloaded.", "warning")
