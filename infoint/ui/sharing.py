"""The start page's sharing part: the advisor report at three levels, previewed before it
downloads, and the counts-only workshop card.

The start page composes one (its ``report`` section) and keeps the widgets as page attributes
(``ii-start-report-<name>``, ``ii-start-card-<name>``). The levels, what each holds and the
figures are the logic layer's (``sharing``, ``card``); this part only shows them. The preview
is open from the start, so what the report shares is seen before it downloads (counts only: a
few figures, about 80 ms on the demo); it is made again when the choice changes while it is
open and not at all while it is closed. It shows the very sections the file will hold.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import ipywidgets as widgets

from .. import i18n
from ..card import CARD_HOLDS, CARD_MIME, card_file
from ..i18n import _
from ..progress import STEPS
from ..safe import escape
from ..sharing import COUNTS, EVERYTHING, LEVEL_HOLDS, LEVEL_LABELS, LEVELS, outcomes
from ..workspace import Workspace
from .details import Details
from .download import DownloadButton
from .feedback import STYLE, labelled_table, message_html

__all__ = ["ReportSharing", "preview_html"]

# A long report (everything) scrolls inside its own box, which the keyboard can reach and scroll.
_PREVIEW_STYLE = (
    "<style>.ii-ui .ii-report-preview { max-height: 40rem; overflow-y: auto; "
    "border: 1px solid var(--ii-line); border-radius: var(--ii-radius); "
    "padding: var(--ii-s2) var(--ii-s3); background: var(--ii-tint); }"
    ".ii-ui .ii-report-preview:focus-visible { outline: 2px solid var(--ii-primary); }"
    ".ii-ui .ii-report-preview dl.ii-report-facts { display: grid; margin: var(--ii-s2) 0; "
    "grid-template-columns: minmax(8rem, max-content) 1fr; gap: var(--ii-s1) var(--ii-s4); }"
    ".ii-ui .ii-report-preview dl.ii-report-facts :is(dt, dd) { float: none; width: auto; "
    "margin: 0; padding: 0; }"
    ".ii-ui .ii-report-preview dl.ii-report-facts dt { font-weight: 600; }"
    ".ii-ui .ii-report-preview table { width: 100%; max-width: 100%; }"
    ".ii-ui .ii-report-preview thead th { white-space: normal; }"
    ".ii-ui .ii-report-preview :is(th, td, dd, li, p) { overflow-wrap: anywhere; }"
    "@media (max-width: 40rem) { .ii-ui .ii-report-preview dl.ii-report-facts "
    "{ grid-template-columns: 1fr; gap: 0; } .ii-ui .ii-report-preview dl.ii-report-facts dd "
    "{ margin-bottom: var(--ii-s2); } }"
    "</style>"
)
_TABLE = re.compile(r"<table class='ii-report-table'>.*?</table>", re.S)


def _html(value: str = "", css: str = "") -> widgets.HTML:
    w = widgets.HTML(value=value)
    if css:
        w.add_class(css)
    return w


def preview_html(sections: list[tuple[str, str]]) -> str:
    """The report's sections as the page shows them: a heading each (h3, inside the section's
    h2), their own headings one level down, and tables that become cards on a phone."""

    def table(match: re.Match) -> str:
        return labelled_table(match.group(0).replace("'ii-report-table'", "'ii-table'", 1))

    parts = []
    for heading, html in sections:
        body = html.replace("<h3>", "<h4>").replace("</h3>", "</h4>")
        parts.append(f"<h3>{escape(heading)}</h3>{_TABLE.sub(table, body)}")
    return (
        STYLE
        + _PREVIEW_STYLE
        + "<div class='ii-report-preview' tabindex='0' role='region' "
        + ("aria-label='" + escape(_("Preview of the report")) + "'>")
        + "".join(parts)
        + "</div>"
    )


class ReportSharing:
    """The report's level (counts only by default), its scope, a preview and the download;
    then the workshop card, what it holds, and its download."""

    def __init__(self, ws: Workspace, now=None):
        self.ws = ws
        self._now = now  # a fixed "now" for tests
        self.level = widgets.RadioButtons(
            description=_("What the report shares"),
            options=[(_(LEVEL_LABELS[level]), level) for level in LEVELS],
            value=COUNTS,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"),
        )
        self.level.add_class("ii-start-report-level")
        self.holds = _html(css="ii-start-report-holds")
        self.scope = widgets.Dropdown(
            description=_("What to include"),
            options=[(_("The whole workbook"), 0)]
            + [
                (_("Step {number}: {title}").format(number=n, title=_(title)), n)
                for n, title, _notebook in STEPS
            ],
            style={"description_width": "initial"},
        )
        self.scope.add_class("ii-start-report-scope")
        self.preview_html = _html(css="ii-start-report-preview-body")
        self.preview = Details(
            _("Preview what the report shows"),
            [self.preview_html],
            "ii-start-report-preview",
            open=True,
        )
        self.preview.toggle.on_click(lambda _: self._update_preview())
        self.button = DownloadButton(
            _("Download a report to share with an advisor"),
            self._report_file,
            on_error=self._report_failed,
            button_style="primary",
        )
        self.button.add_class("ii-start-report")
        self.status = _html(css="ii-start-report-status")
        # the workshop card
        self.card_figures = _html(css="ii-start-card-figures")
        self.card_details = Details(
            _("See the figures your card would hold"), [self.card_figures], "ii-start-card-preview"
        )
        self.card_details.toggle.on_click(lambda _: self._update_card())
        self.card_button = DownloadButton(
            _("Download my workshop card (counts only)"),
            self._card_file,
            on_error=self._card_failed,
        )
        self.card_button.add_class("ii-start-card")
        self.card_status = _html(css="ii-start-card-status")
        self.level.observe(self._on_choice, names="value")
        self.scope.observe(self._on_choice, names="value")
        self._on_choice()

    def now(self) -> datetime:
        """The current time (fixed in tests)."""
        return self._now or datetime.now(UTC)

    def widgets(self) -> widgets.VBox:
        """The section's content, report first, then the card."""
        intro = _html(
            "<p>"
            + escape(
                _(
                    "A single web page about your informational interviews, for an advising "
                    "appointment: no code, and nothing on it can run. Choose how much it shares; "
                    "counts only holds no names at all. Look at the preview before "
                    "you download it, and share it only with people you choose."
                )
            )
            + "</p>"
        )
        card_intro = _html(
            ("<h3>" + escape(_("A card for your workshop")) + "</h3>")
            + ("<p>" + escape(_(CARD_HOLDS)) + "</p>")
            + "<p class='ii-muted'>"
            + escape(
                _(
                    "It is a small text file (JSON) that you can open and read "
                    "before you hand it in."
                )
            )
            + "</p>"
        )
        return widgets.VBox(
            [
                intro,
                self.level,
                self.holds,
                self.scope,
                self.preview,
                self.button,
                self.status,
                card_intro,
                self.card_details,
                self.card_button,
                self.card_status,
            ]
        )

    def run_demo(self) -> None:
        """As a person would: download the report at the level shown (counts only unless
        changed), then the workshop card; what each made is on its status line."""
        self.button.click()
        self.card_button.click()

    def live_refresh(self) -> None:
        """An open preview and the card's figures follow changes made anywhere."""
        self._update_preview()
        self._update_card()

    # -- behaviour ------------------------------------------------------------------------------
    def _choice(self) -> tuple[str, int | None]:
        level = self.level.value
        return level, (self.scope.value or None) if level == EVERYTHING else None

    def _on_choice(self, _change=None) -> None:
        level, _step = self._choice()
        self.holds.value = STYLE + ("<p class='ii-muted'>" + escape(_(LEVEL_HOLDS[level])) + "</p>")
        # one step at a time only for the whole report: the other levels are a page of figures
        self.scope.layout.display = None if level == EVERYTHING else "none"
        self._update_preview()

    def _update_preview(self) -> None:
        """Made only while the preview is open: the same sections the download holds."""
        if not self.preview.open:
            return
        from ..report import sections_for  # lazy: the report's builders load when asked for

        level, step = self._choice()
        try:
            sections = sections_for(self.ws, step, level, now=self.now())
        except Exception as exc:  # shown in words; the page stays usable
            self.preview_html.value = message_html(
                _("The preview could not be made: {error}").format(error=exc), "warning"
            )
            return
        self.preview_html.value = preview_html(sections)

    def _update_card(self) -> None:
        if not self.card_details.open:
            return
        rows = outcomes(self.ws, self.now()).rows()
        items = "".join(f"<li>{escape(what)}: {escape(value)}</li>" for what, value in rows)
        self.card_figures.value = STYLE + f"<ul class='ii-card-figures'>{items}</ul>"

    def _report_file(self) -> tuple[str, str, bytes]:
        from ..report import (  # lazy: nbconvert loads only now
            REPORT_MIME,
            report_filename,
            report_html,
        )

        level, step = self._choice()
        data = report_html(self.ws, step, now=self.now(), level=level)
        shares = _(LEVEL_LABELS[level])
        self.status.value = message_html(
            _("Your report was prepared ({shares}; {size} KB).").format(
                shares=shares.lower() if i18n.language() in ("en", "es") else shares,
                size=len(data) // 1024 + 1,
            ),
            "ok",
        )
        return report_filename(step, self.now(), level), REPORT_MIME, data

    def _report_failed(self, exc: Exception) -> None:
        self.status.value = message_html(
            _("The report could not be made: {error}").format(error=exc), "warning"
        )

    def _card_file(self) -> tuple[str, str, bytes]:
        name, data = card_file(self.ws, self.now())
        self.card_status.value = message_html(
            _("Your workshop card was prepared ({size} bytes, counts only).").format(
                size=f"{len(data):,}"
            ),
            "ok",
        )
        return name, CARD_MIME, data

    def _card_failed(self, exc: Exception) -> None:
        self.card_status.value = message_html(
            _("The card could not be made: {error}").format(error=exc), "warning"
        )
