"""Step 2's contact table: the ranked list, filtered and paged, picking targets, downloads.

The targets page composes one (its ``contacts_section``) and keeps every widget as a page
attribute. It shows the page's ranked ``assessed`` list ``PAGE_SIZE`` rows at a time (never
thousands of rows as one HTML table), and picks targets through ``targets`` and ``ranking``.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import classification, exports, ranking
from .. import targets as tg
from ..i18n import N_, _, ngettext
from ..ranking import score_text
from ..records import CONNECTIONS, FOCUSES, SENIORITIES, SENIORITY_LABELS
from ..safe import escape
from ..workspace import Workspace
from .controls import controls
from .download import DownloadButton
from .feedback import STYLE, labelled_table, message_html
from .page import Page
from .target_fields import LABEL, dropdown, text_field

__all__ = ["PAGE_SIZE", "ContactsTable"]

_css, _button = controls("targets")  # the widgets are the page's: ii-targets-<name>

PAGE_SIZE = 25
# How a connection is said in the table, and in its filter (the keys are CONNECTIONS).
_CONNECTION_WORDS = {"first": N_("first"), "second": N_("second"), "cold": N_("cold")}
_CONNECTION_FILTER = {
    "first": N_("first-degree"),
    "second": N_("second-degree"),
    "cold": N_("cold"),
}
_COLUMNS = (
    N_("Rank"),
    N_("Target"),
    N_("Name"),
    N_("Organization"),
    N_("Job title"),
    N_("Connection"),
    N_("Seniority"),
    N_("Focus"),
    N_("In person?"),
    N_("Score"),
    N_("Why"),
)


def _pick_label(a: classification.Assessment) -> str:
    """ "3. Jane Doe, Designer at Acme (target)": one person in the picker."""
    c = a.contact
    said = _("{rank}. {name}, {position} at {organization}").format(
        rank=a.rank,
        name=c.full_name,
        position=c.position or _("no title"),
        organization=c.organization or _("no organization"),
    )
    return said + _(" (target)") if c.target else said


class ContactsTable:
    """The ranked list: filters, one page at a time, and picking targets."""

    def __init__(self, page: Page):
        self.page = page
        self.filtered: list[classification.Assessment] = []
        self.page_number = 0
        self.f_text = text_field("filter-text", _("Search names, titles, organizations"))
        self.f_org = text_field("filter-organization", _("Organization"))
        self.f_seniority = dropdown(
            "filter-seniority",
            _("Seniority"),
            [(_("any"), "")] + [(_(SENIORITY_LABELS[s]), s) for s in SENIORITIES],
        )
        self.f_connection = dropdown(
            "filter-connection",
            _("Connection"),
            [(_("any"), "")] + [(_(_CONNECTION_FILTER[c]), c) for c in CONNECTIONS],
        )
        self.f_focus = dropdown(
            "filter-focus",
            _("Focus"),
            [(_("any"), "")] + [(_(classification.FOCUS_WORDS[f]), f) for f in FOCUSES],
        )
        self.f_targets = _css(
            widgets.Checkbox(description=_("Only my targets"), indent=False), "filter-targets"
        )
        for w in (
            self.f_text,
            self.f_org,
            self.f_seniority,
            self.f_connection,
            self.f_focus,
            self.f_targets,
        ):
            w.observe(lambda _change: self.apply_filters(), names="value")
        self.table = _css(widgets.HTML(), "table")
        self.page_label = _css(widgets.HTML(), "page-label")
        self.prev_button = _button("prev", _("Previous page"))
        self.next_button = _button("next", _("Next page"))
        self.prev_button.on_click(lambda _click: self.show_page(self.page_number - 1))
        self.next_button.on_click(lambda _click: self.show_page(self.page_number + 1))
        self.row_pick = _css(
            widgets.Select(
                description=_("Person on this page"),
                options=[],
                rows=8,
                style=LABEL,
                layout=widgets.Layout(width="95%"),
            ),
            "row-pick",
        )
        self.pick_button = _button("pick", _("Make a target"), button_style="primary")
        self.drop_button = _button("drop", _("Remove from targets"))
        self.edit_button = _button("edit", _("Edit this person"))
        self.row_pick.observe(lambda _change: self._sync_actions(), names="value")
        self.pick_button.on_click(lambda _click: self._set_target(True))
        self.drop_button.on_click(lambda _click: self._set_target(False))
        self.edit_button.on_click(self._on_edit)
        self.pick_top_button = _button("pick-top", _("Pick the top suggestions for my plan"))
        self.pick_top_button.on_click(self._on_pick_top)
        self.table_status = _css(widgets.HTML(), "table-status")
        self.csv_button = _css(
            DownloadButton(
                _("Download the list shown (CSV)"),
                lambda: self._table_file("csv"),
                on_error=self._export_failed,
            ),
            "csv",
        )
        self.xlsx_button = _css(
            DownloadButton(
                _("Download it for Excel (.xlsx)"),
                lambda: self._table_file("xlsx"),
                on_error=self._export_failed,
            ),
            "xlsx",
        )

    @property
    def ws(self) -> Workspace:
        """The page's workspace."""
        return self.page.ws

    def widgets(self) -> widgets.VBox:
        """The ranked list: filters, one page at a time, and picking targets."""
        filters = widgets.VBox(
            [
                self.f_text,
                self.f_org,
                widgets.HBox([self.f_seniority, self.f_connection, self.f_focus]),
                self.f_targets,
            ]
        )
        filters.add_class("ii-fields")
        actions = widgets.HBox([self.pick_button, self.drop_button, self.edit_button])
        downloads = widgets.HBox([self.csv_button, self.xlsx_button])
        return widgets.VBox(
            [
                filters,
                self.page_label,
                self.table,
                widgets.HBox([self.prev_button, self.next_button]),
                self.row_pick,
                actions,
                widgets.HBox([self.pick_top_button]),
                self.table_status,
                downloads,
            ]
        )

    def apply_filters(self, keep_page: bool = False) -> None:
        """Filter the ranked list and show the first (or the current) page."""
        self.filtered = [
            a
            for a in self.page.assessed
            if tg.matches(
                a,
                text=self.f_text.value,
                organization=self.f_org.value,
                seniority=self.f_seniority.value,
                connection=self.f_connection.value,
                focus=self.f_focus.value,
                targets_only=self.f_targets.value,
            )
        ]
        self.show_page(self.page_number if keep_page else 0)

    def show_page(self, page: int) -> None:
        """Render one page of the filtered list (never thousands of rows at once)."""
        pages = max(1, -(-len(self.filtered) // PAGE_SIZE))
        self.page_number = max(0, min(page, pages - 1))
        rows = self.filtered[self.page_number * PAGE_SIZE : (self.page_number + 1) * PAGE_SIZE]
        self.prev_button.disabled = self.page_number == 0
        self.next_button.disabled = self.page_number >= pages - 1
        start = self.page_number * PAGE_SIZE + 1 if rows else 0
        said = _(
            "Showing {first}-{last} of {shown} people (page {page} of {pages}; {all} in all)."
        ).format(
            first=start,
            last=start + len(rows) - 1 if rows else 0,
            shown=len(self.filtered),
            page=self.page_number + 1,
            pages=pages,
            all=len(self.page.assessed),
        )
        self.page_label.value = f"<p>{escape(said)}</p>"
        body = "".join(self._row_html(a) for a in rows)
        head = "".join("<th scope='col'>" + escape(_(h)) + "</th>" for h in _COLUMNS)
        self.table.value = (
            STYLE
            + labelled_table(
                "<table class='ii-table ii-contacts'><caption>"
                + escape(_("People ranked for you (best first)"))
                + f"</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            )
            if rows
            else "<p>"
            + escape(_("No one matches. Import your LinkedIn connections or add people below."))
            + "</p>"
        )
        self.row_pick.options = [(_pick_label(a), a.contact.id) for a in rows]
        self._sync_actions()

    @staticmethod
    def _row_html(a: classification.Assessment) -> str:
        c = a.contact
        target = "&#10003; " + escape(_("target")) if c.target else ""
        warm = " " + escape(_("(warm)")) if a.warm and a.connection == "cold" else ""
        local = escape(_("yes") if a.local else _("no"))
        score = escape(score_text(a.score))
        why = escape(_("Why {score}").format(score=score_text(a.score)))
        connection = escape(_(_CONNECTION_WORDS.get(a.connection, a.connection)))
        seniority = escape(_(SENIORITY_LABELS[a.seniority]))
        focus = escape(_(classification.FOCUS_WORDS.get(a.focus, a.focus)))
        return (
            f"<tr><td>{a.rank}</td><td>{target}</td>"
            f"<th scope='row' class='ii-name'>{escape(c.full_name)}</th>"
            f"<td>{escape(c.organization)}</td><td>{escape(c.position)}</td>"
            f"<td title='{escape(a.connection_why)}'>{connection}{warm}</td>"
            f"<td title='{escape(a.seniority_why)}'>{seniority}</td>"
            f"<td title='{escape(a.focus_why)}'>{focus}</td>"
            f"<td>{local}</td><td>{score}</td>"
            f"<td class='ii-why'><details><summary>{why}</summary>"
            f"{escape(a.why)}</details></td></tr>"
        )

    def _sync_actions(self) -> None:
        """Make a target or Remove from targets, whichever applies to the person chosen; none
        of the three actions while nobody is listed."""
        chosen = self._selected()
        target = chosen is not None and chosen.contact.target
        self.pick_button.layout.display = None if chosen is not None and not target else "none"
        self.drop_button.layout.display = None if target else "none"
        self.edit_button.layout.display = None if chosen is not None else "none"

    def _table_file(self, ext: str) -> tuple[str, str, bytes]:
        """Everyone matching the filters, ranked, as a spreadsheet (cells can never run as
        formulas)."""
        header, rows = exports.contacts_table([a.contact for a in self.filtered], self.filtered)
        data = exports.table_csv(header, rows) if ext == "csv" else exports.table_xlsx(header, rows)
        mime = (
            "text/csv"
            if ext == "csv"
            else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        self.table_status.value = message_html(
            ngettext(
                "{n} person prepared for download.", "{n} people prepared for download.", len(rows)
            ).format(n=len(rows)),
            "ok",
        )
        return exports.export_filename("contacts", ext), mime, data

    def _export_failed(self, exc: Exception) -> None:
        self.table_status.value = message_html(
            _("The file could not be made: {error}").format(error=exc), "warning"
        )

    def _selected(self) -> classification.Assessment | None:
        return next((a for a in self.filtered if a.contact.id == self.row_pick.value), None)

    def _set_target(self, value: bool) -> None:
        chosen = self._selected()
        if chosen is None:
            self.table_status.value = message_html(
                _("Choose a person in the list first."), "warning"
            )
            return
        tg.set_targets(self.ws, [chosen.contact.id], value)
        self.page.recompute()
        self.table_status.value = message_html(
            (_("{name} is now a target.") if value else _("{name} is no longer a target.")).format(
                name=chosen.contact.full_name
            ),
            "ok",
        )

    def _on_edit(self, _click=None) -> None:
        chosen = self._selected()
        if chosen is None:
            self.table_status.value = message_html(
                _("Choose a person in the list first."), "warning"
            )
            return
        if self.page.edit_contact(chosen.contact):
            self.table_status.value = message_html(
                _("{name} is in the form below.").format(name=chosen.contact.full_name), "note"
            )
        else:
            self.table_status.value = message_html(
                _("The form below holds changes that can't be saved yet: see what it says."),
                "warning",
            )

    def _on_pick_top(self, _click=None) -> None:
        wanted = self.page.plan.total if self.page.plan is not None else 6
        have = sum(1 for a in self.page.assessed if a.contact.target)
        if have >= wanted:
            self.table_status.value = message_html(
                _("You already have {have} targets, as many as your plan ({wanted}).").format(
                    have=have, wanted=wanted
                ),
                "note",
            )
            return
        picks = [
            a.contact.id
            for a in ranking.suggest_targets(self.page.assessed, tg.context(self.ws), wanted - have)
        ]
        tg.set_targets(self.ws, picks, True)
        self.page.recompute()
        self.table_status.value = message_html(
            ngettext(
                "Picked {n} person from the top of the list. Change them as you like.",
                "Picked {n} people from the top of the list. Change them as you like.",
                len(picks),
            ).format(n=len(picks)),
            "ok",
        )
