"""The facilitator's cohort view (notebooks/facilitator_cohort.ipynb): a group's workshop cards
read, checked and summed up with their spread.

A facilitator has no workbook of their own here, so this page opens none: it reads the cards
(uploaded, several at once, or from a folder on the computer running the workbook) with
``cohort`` and shows the figures ``cohort_markup`` lays out. Nothing is written or sent.
Each widget has the class ``ii-cohort-<name>``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Self

import ipywidgets as widgets

from .. import i18n
from ..cohort import CohortRead, cohort_figures, read_cards, read_folder, sample_cards
from ..cohort_markup import figures_table, reading_html, spread_chart
from ..i18n import N_, _
from ..safe import escape
from .controls import controls
from .details import Details
from .feedback import STYLE, labelled_table, message_html
from .section import section
from .upload import as_upload

__all__ = ["CohortPage"]

_css, _button = controls("cohort")


def _html(value: str = "", name: str = "") -> widgets.HTML:
    w = widgets.HTML(value=value)
    return _css(w, name) if name else w


class CohortPage:
    """The views of facilitator_cohort; each method returns one section's widget."""

    SECTIONS = (
        ("cards", N_("Bring in the cards")),
        ("figures", N_("The cohort's figures")),
    )

    def __init__(self):
        self.read = CohortRead()
        self.upload = _css(
            widgets.FileUpload(
                accept=".json",
                multiple=True,
                description=_("Choose cards"),
                tooltip=_("Choose one or more workshop cards (.json); choose again to add more"),
                layout=widgets.Layout(width="auto"),
            ),
            "upload",
        )
        self.upload.observe(self._on_upload, names="value")
        self.folder = _css(
            widgets.Text(
                description=_("A folder of cards on the computer running the workbook"),
                placeholder=_("for example ~/workshop/cards"),
                style={"description_width": "initial"},
            ),
            "folder",
        )
        self.folder_button = _button("folder-read", _("Read the cards in this folder"))
        self.folder_button.on_click(self._on_folder)
        self.clear_button = _button("clear", _("Start again with no cards"))
        self.clear_button.on_click(self._on_clear)
        self.status = _html(name="status")
        self.figures_html = _html(name="figures-view")
        self._show()

    @classmethod
    def open(
        cls,
        workspace: str | None = None,
        demo: bool = False,
        folder: str | None = None,
        language: str | None = None,
    ) -> Self:
        """Open the view; ``folder`` reads the cards there; ``demo=True`` uploads 30 made-up
        cards (some damaged), as a facilitator would; ``language``: the notebook's own. The
        ``workspace`` is not used: no workbook is opened here."""
        if language is not None:
            i18n.set_language(language)
        page = cls()
        page._landmarks_pending = True  # the first section shown carries the page's landmarks
        if folder:
            page.folder.value = str(folder)
            page.folder_button.click()
        if demo:
            page.run_demo()
        return page

    def run_demo(self) -> None:
        """As a facilitator would: choose a group's cards (made up here) in the upload."""
        self.upload.value = tuple(f for name, data in sample_cards() for f in as_upload(name, data))

    # -- sections ------------------------------------------------------------------------------
    @section
    def cards(self) -> widgets.VBox:
        """Bring in the participants' cards: upload them, or read a folder."""
        intro = _html(
            STYLE
            + "<p>"
            + escape(
                _(
                    "Choose all the participants' workshop cards (.json "
                    "files, counts only) at once; choosing again adds more, and the same card "
                    "twice counts once. Nothing is sent anywhere: the cards are read on this "
                    "computer only and kept only while this page is open."
                )
            )
            + "</p>"
        )
        by_folder = Details(
            _("Read a folder of cards instead"),
            [widgets.HBox([self.folder, self.folder_button])],
            "ii-cohort-by-folder",
        )
        return widgets.VBox([intro, self.upload, by_folder, self.status, self.clear_button])

    @section
    def figures(self) -> widgets.VBox:
        """The cohort's outcome figures, with their spread over the participants."""
        return widgets.VBox([self.figures_html])

    # -- behaviour ------------------------------------------------------------------------------
    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        read_cards(
            ((str(f.get("name", _("a file"))), bytes(f["content"])) for f in files),
            into=self.read,
        )
        self._show()

    def _on_folder(self, _click=None) -> None:
        raw = self.folder.value.strip()
        if not raw:
            self.status.value = message_html(
                _("Type the path of a folder of cards first."), "warning"
            )
            return
        try:
            files = read_folder(raw)
        except OSError as exc:
            self.status.value = message_html(
                _("Could not read {folder}: {error}.").format(
                    folder=raw, error=exc.strerror or exc
                ),
                "warning",
            )
            return
        if not files:
            self.status.value = message_html(
                _("{folder} holds no .json files.").format(folder=raw), "warning"
            )
            return
        read_cards(files, into=self.read)
        self._show(
            _("Read {n} file(s) from {folder}.").format(n=len(files), folder=Path(raw).expanduser())
        )

    def _on_clear(self, _click=None) -> None:
        self.read = CohortRead()
        self._show()

    def _show(self, note: str = "") -> None:
        read = self.read
        # "Start again" applies only once something was read: hidden before (and after it)
        self.clear_button.layout.display = None if read.cards or read.refused else "none"
        if not read.cards and not read.refused:
            self.status.value = STYLE + (
                "<p class='ii-muted'>" + escape(_("No cards read yet.")) + "</p>"
            )
        else:
            self.status.value = (
                STYLE
                + (f"<p>{escape(note)}</p>" if note else "")
                + f"<div role='status'>{reading_html(read)}</div>"
            )
        if not read.cards:
            self.figures_html.value = STYLE + (
                "<p>"
                + escape(_("The figures appear here once at least one card is read."))
                + "</p>"
            )
            return
        figures = cohort_figures(read.cards)
        self.figures_html.value = (
            STYLE
            + labelled_table(figures_table(figures, len(read.cards)))
            + ("<h3>" + escape(_("How the participants spread")) + "</h3>")
            + "<p class='ii-muted'>"
            + escape(
                _(
                    "Each line runs from the lowest to the highest; the box holds "
                    "the middle half of the participants and the bar is the median."
                )
            )
            + "</p>"
            + f"<div class='ii-cohort-chart'>{spread_chart(figures)}</div>"
        )
