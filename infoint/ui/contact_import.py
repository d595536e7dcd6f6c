"""Step 2's contact import (T8): a LinkedIn export or any contact list, by upload or by path.

The targets page composes one (its ``import_section``) and keeps every widget as a page
attribute. The file is read with ``tabular``, its columns mapped (``headings`` guesses), and
all its rows imported in one transaction or none; afterwards the page ranks everyone again.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from .. import headings, imports, tabular
from .. import targets as tg
from ..i18n import N_, _, ngettext
from ..safe import escape
from ..schema import WorkspaceError
from ..workspace import Workspace
from .controls import controls
from .details import Details
from .feedback import message_html
from .page import Page
from .target_fields import dropdown, text_field, uploaded

__all__ = ["UPLOAD_LIMIT_MB", "ContactImport"]

_css, _button = controls("targets")  # the widgets are the page's: ii-targets-<name>

UPLOAD_LIMIT_MB = 10
_NONE = N_("(not in this file)")


def _nothing(exc: Exception) -> str:
    """Why a file was refused, and that nothing was imported."""
    return _("{error} Nothing was imported.").format(error=exc)


class ContactImport:
    """T8: read a file, show what was found and the column mapping, import all rows or none."""

    def __init__(self, page: Page):
        self.page = page
        self.last_report: tg.ImportReport | None = None
        self._pending: tuple[str, bytes] | None = None
        self._vcards: imports.ImportPlan | None = None  # a vCard file's people, read whole
        self.upload = _css(
            widgets.FileUpload(
                accept=".csv,.xlsx,.txt,.vcf",
                multiple=False,
                description=_("Choose a contacts file"),
                layout=widgets.Layout(width="auto"),
            ),
            "upload",
        )
        self.upload.observe(self._on_upload, names="value")
        self.import_path = text_field(
            "import-path",
            _("Or the file's path on the computer running the workbook"),
            placeholder=_("e.g. ~/Downloads/Connections.csv"),
        )
        self.import_path_button = _button("import-read", _("Read that file"))
        self.import_path_button.on_click(self._on_import_path)
        self.mapping_box = _css(widgets.VBox(), "mapping")
        self.mapping_box.add_class("ii-fields")
        self.mapping: dict[str, widgets.Dropdown] = {}
        # Shown only once a file was read (there is nothing to import before).
        self.import_button = _button(
            "import", _("Import these contacts"), button_style="primary", disabled=True
        )
        self.import_button.layout.display = "none"
        self.import_button.on_click(self._on_import)
        self.import_status = _css(widgets.HTML(), "import-status")

    @property
    def ws(self) -> Workspace:
        """The page's workspace."""
        return self.page.ws

    def widgets(self) -> widgets.VBox:
        """Upload a LinkedIn export or any contact list, map its columns, import all rows or
        none."""
        note = widgets.HTML(
            "<p class='ii-muted'>"
            + escape(
                _(
                    "Files above {mb} MB can't be uploaded in the browser: type their path instead."
                ).format(mb=UPLOAD_LIMIT_MB)
            )
            + "</p>"
        )
        by_path = Details(
            _("Import from a path on this computer instead"),
            [note, widgets.HBox([self.import_path, self.import_path_button])],
            "ii-targets-import-by-path",
        )
        return widgets.VBox(
            [self.upload, by_path, self.mapping_box, self.import_status, self.import_button]
        )

    def _show_import(self, ready: bool) -> None:
        """The import button appears only while a file that was read waits to be imported."""
        self.import_button.disabled = not ready
        self.import_button.layout.display = None if ready else "none"

    def _on_upload(self, change) -> None:
        got = uploaded(change)
        if got:
            self.prepare_import(*got)

    def _on_import_path(self, _click=None) -> None:
        raw = self.import_path.value.strip()
        if not raw:
            self.import_status.value = message_html(_("Type the path of a file first."), "warning")
            return
        try:
            data = Path(raw).expanduser().read_bytes()
        except OSError as exc:
            self.import_status.value = message_html(
                _("Could not read {path}: {error}.").format(path=raw, error=exc.strerror or exc),
                "warning",
            )
            return
        self.prepare_import(Path(raw).name, data)

    def prepare_import(self, name: str, data: bytes) -> None:
        """Read the file, show what was found and (for other lists) the column mapping."""
        self._pending = None
        self._vcards = None
        self._show_import(False)
        self.mapping_box.children = ()
        from .. import vcard  # lazy: vobject loads only once a file is chosen

        if vcard.is_vcard(name, data):
            self._prepare_vcards(vcard, name, data)
            return
        try:
            parsed = tabular.read_table(data, name)
        except tabular.ImportFailed as exc:
            self.import_status.value = message_html(_nothing(exc), "warning")
            return
        self._pending = (name, data)
        rows = len(parsed.rows)
        if parsed.kind == "linkedin":
            self.import_status.value = message_html(
                ngettext(
                    "{file} is a LinkedIn export with {n} row. Press Import to add them.",
                    "{file} is a LinkedIn export with {n} rows. Press Import to add them.",
                    rows,
                ).format(file=name, n=rows),
                "note",
            )
        else:
            suggested = headings.suggest_mapping(parsed.columns)
            self.mapping = {}
            for field_name in imports.IMPORT_FIELDS:
                options = [(_(_NONE), "")] + [(c, c) for c in parsed.columns]
                dd = dropdown(f"map-{field_name}", _(imports.FIELD_LABELS[field_name]), options)
                dd.value = suggested.get(field_name, "")
                self.mapping[field_name] = dd
            intro = widgets.HTML(
                "<p>"
                + escape(
                    _(
                        "Which column holds what? The guesses below come from the column names; "
                        "correct them if needed."
                    )
                )
                + "</p>"
            )
            self.mapping_box.children = (intro, *self.mapping.values())
            self.import_status.value = message_html(
                _("{file} has {rows} rows and {columns} columns.").format(
                    file=name, rows=rows, columns=len(parsed.columns)
                ),
                "note",
            )
        self._show_import(True)

    def _prepare_vcards(self, vcard, name: str, data: bytes) -> None:
        """A vCard file: its people are read whole now (no columns to map), or it is refused."""
        try:
            plan = vcard.read_vcards(data, name)
        except tabular.ImportFailed as exc:
            self.import_status.value = message_html(_nothing(exc), "warning")
            return
        self._pending, self._vcards = (name, data), plan
        people = len(plan.contacts)
        said = (
            ngettext(
                "{file} is a vCard file with {n} person, {skipped} left out.",
                "{file} is a vCard file with {n} people, {skipped} left out.",
                people,
            )
            if plan.skipped
            else ngettext(
                "{file} is a vCard file with {n} person.",
                "{file} is a vCard file with {n} people.",
                people,
            )
        ).format(file=name, n=people, skipped=len(plan.skipped))
        said += " " + _(
            "Press Import to add them; anyone already saved is updated, not added twice."
        )
        self.import_status.value = message_html(said, "note")
        self._show_import(True)

    def _on_import(self, _click=None) -> None:
        if self._pending is None:
            self.import_status.value = message_html(_("Choose a file first."), "warning")
            return
        name, data = self._pending
        mapping = (
            {f: dd.value for f, dd in self.mapping.items() if dd.value}
            if self.mapping_box.children
            else None
        )
        try:
            plan = (
                self._vcards
                if self._vcards is not None
                else imports.read_contacts(data, name, mapping)
            )
            existing = tg.load_contacts(self.ws)
            report = tg.apply_merge(self.ws, imports.plan_merge(existing, plan), existing)
        except (tabular.ImportFailed, WorkspaceError, ValueError) as exc:
            self.import_status.value = message_html(_nothing(exc), "warning")
            return
        self._pending = self._vcards = None
        self._show_import(False)
        self.mapping_box.children = ()
        self.last_report = report
        details = "".join(
            "<li>" + escape(_("Line {line}: {why}").format(line=line, why=why)) + "</li>"
            for line, why in report.skipped[:30]
        )
        more = (
            "<li>" + escape(_("and {n} more").format(n=len(report.skipped) - 30)) + "</li>"
            if len(report.skipped) > 30
            else ""
        )
        self.import_status.value = message_html(report.summary(), "ok") + (
            f"<ul class='ii-import-skipped'>{details}{more}</ul>" if details else ""
        )
        self.page.refresh_organizations()
        self.page.recompute(report.contacts)
