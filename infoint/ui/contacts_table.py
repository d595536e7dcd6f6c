"""Step 2's contact table: the ranked list, filtered and paged, picking targets, downloads.

The targets page composes one (its ``contacts_section``) and keeps every widget as a page
attribute. It shows the page's ranked ``assessed`` list ``PAGE_SIZE`` rows at a time (never
thousands of rows as one HTML table), and picks targets through ``targets`` and ``ranking``.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import classification, exports, ranking
from .. import targets as tg
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


class ContactsTable:
    """The ranked list: filters, one page at a time, and picking targets."""

    def __init__(self, page: Page):
        self.page = page
        self.filtered: list[classification.Assessment] = []
        self.page_number = 0
        self.f_text = text_field("filter-text", "Search names, titles, organizations")
        self.f_org = text_field("filter-organization", "Organization")
        self.f_seniority = dropdown(
            "filter-seniority",
            "Seniority",
            [("any", "")] + [(SENIORITY_LABELS[s], s) for s in SENIORITIES],
        )
        self.f_connection = dropdown(
            "filter-connection",
            "Connection",
            [("any", "")] + [(c + "-degree" if c != "cold" else "cold", c) for c in CONNECTIONS],
        )
        self.f_focus = dropdown("filter-focus", "Focus", [("any", "")] + [(f, f) for f in FOCUSES])
        self.f_targets = _css(
            widgets.Checkbox(description="Only my targets", indent=False), "filter-targets"
        )
        for w in (
            self.f_text,
            self.f_org,
            self.f_seniority,
            self.f_connection,
            self.f_focus,
            self.f_targets,
        ):
            w.observe(lambda _: self.apply_filters(), names="value")
        self.table = _css(widgets.HTML(), "table")
        self.page_label = _css(widgets.HTML(), "page-label")
        self.prev_button = _button("prev", "Previous page")
        self.next_button = _button("next", "Next page")
        self.prev_button.on_click(lambda _: self.show_page(self.page_number - 1))
        self.next_button.on_click(lambda _: self.show_page(self.page_number + 1))
        self.row_pick = _css(
            widgets.Select(
                description="Person on this page",
                options=[],
                rows=8,
                style=LABEL,
                layout=widgets.Layout(width="95%"),
            ),
            "row-pick",
        )
        self.pick_button = _button("pick", "Make a target", button_style="primary")
        self.drop_button = _button("drop", "Remove from targets")
        self.edit_button = _button("edit", "Edit this person")
        self.row_pick.observe(lambda _: self._sync_actions(), names="value")
        self.pick_button.on_click(lambda _: self._set_target(True))
        self.drop_button.on_click(lambda _: self._set_target(False))
        self.edit_button.on_click(self._on_edit)
        self.pick_top_button = _button("pick-top", "Pick the top suggestions for my plan")
        self.pick_top_button.on_click(self._on_pick_top)
        self.table_status = _css(widgets.HTML(), "table-status")
        self.csv_button = _css(
            DownloadButton(
                "Download the list shown (CSV)",
                lambda: self._table_file("csv"),
                on_error=self._export_failed,
            ),
            "csv",
        )
        self.xlsx_button = _css(
            DownloadButton(
                "Download it for Excel (.xlsx)",
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
        self.page_label.value = (
            f"<p>Showing {start}-{start + len(rows) - 1 if rows else 0} of {len(self.filtered)} "
            f"people (page {self.page_number + 1} of {pages}; "
            f"{len(self.page.assessed)} in all).</p>"
        )
        body = "".join(self._row_html(a) for a in rows)
        head = "".join(
            f"<th scope='col'>{h}</th>"
            for h in (
                "Rank",
                "Target",
                "Name",
                "Organization",
                "Job title",
                "Connection",
                "Seniority",
                "Focus",
                "In person?",
                "Score",
                "Why",
            )
        )
        self.table.value = (
            STYLE
            + labelled_table(
                "<table class='ii-table ii-contacts'><caption>People ranked for you (best first)"
                f"</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            )
            if rows
            else "<p>No one matches. Import your LinkedIn connections or add people below.</p>"
        )
        self.row_pick.options = [
            (
                f"{a.rank}. {a.contact.full_name}, {a.contact.position or 'no title'} at "
                f"{a.contact.organization or 'no organization'}"
                f"{' (target)' if a.contact.target else ''}",
                a.contact.id,
            )
            for a in rows
        ]
        self._sync_actions()

    @staticmethod
    def _row_html(a: classification.Assessment) -> str:
        c = a.contact
        target = "&#10003; target" if c.target else ""
        return (
            f"<tr><td>{a.rank}</td><td>{target}</td>"
            f"<th scope='row' class='ii-name'>{escape(c.full_name)}</th>"
            f"<td>{escape(c.organization)}</td><td>{escape(c.position)}</td>"
            f"<td title='{escape(a.connection_why)}'>{escape(a.connection)}"
            f"{' (warm)' if a.warm and a.connection == 'cold' else ''}</td>"
            f"<td title='{escape(a.seniority_why)}'>{escape(SENIORITY_LABELS[a.seniority])}</td>"
            f"<td title='{escape(a.focus_why)}'>{escape(a.focus)}</td>"
            f"<td>{'yes' if a.local else 'no'}</td><td>{a.score:g}</td>"
            f"<td class='ii-why'><details><summary>Why {a.score:g}</summary>"
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
        self.table_status.value = message_html(f"{len(rows)} people prepared for download.", "ok")
        return exports.export_filename("contacts", ext), mime, data

    def _export_failed(self, exc: Exception) -> None:
        self.table_status.value = message_html(f"The file could not be made: {exc}", "warning")

    def _selected(self) -> classification.Assessment | None:
        return next((a for a in self.filtered if a.contact.id == self.row_pick.value), None)

    def _set_target(self, value: bool) -> None:
        chosen = self._selected()
        if chosen is None:
            self.table_status.value = message_html("Choose a person in the list first.", "warning")
            return
        tg.set_targets(self.ws, [chosen.contact.id], value)
        self.page.recompute()
        self.table_status.value = message_html(
            f"{chosen.contact.full_name} is {'now a target' if value else 'no longer a target'}.",
            "ok",
        )

    def _on_edit(self, _=None) -> None:
        chosen = self._selected()
        if chosen is None:
            self.table_status.value = message_html("Choose a person in the list first.", "warning")
            return
        if self.page.edit_contact(chosen.contact):
            self.table_status.value = message_html(
                f"{chosen.contact.full_name} is in the form below.", "note"
            )
        else:
            self.table_status.value = message_html(
                "The form below holds changes that can't be saved yet: see what it says.",
                "warning",
            )

    def _on_pick_top(self, _=None) -> None:
        wanted = self.page.plan.total if self.page.plan is not None else 6
        have = sum(1 for a in self.page.assessed if a.contact.target)
        if have >= wanted:
            self.table_status.value = message_html(
                f"You already have {have} targets, as many as your plan ({wanted}).", "note"
            )
            return
        picks = [
            a.contact.id
            for a in ranking.suggest_targets(self.page.assessed, tg.context(self.ws), wanted - have)
        ]
        tg.set_targets(self.ws, picks, True)
        self.page.recompute()
        self.table_status.value = message_html(
            f"Picked {len(picks)} people from the top of the list. Change them as you like.", "ok"
        )
