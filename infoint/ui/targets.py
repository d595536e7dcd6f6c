"""Step 2's page: organizations, importing contacts, the ranked list, picking targets, the mix."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import ipywidgets as widgets

from .. import classification, exports, headings, imports, organizations, ranking, tabular
from .. import targets as tg
from ..charts import bar_chart
from ..records import (
    CONNECTION_LABELS,
    CONNECTIONS,
    FOCUSES,
    SENIORITIES,
    SENIORITY_LABELS,
    SIZE_BANDS,
    Contact,
    Objective,
    Organization,
    org_key,
)
from ..safe import escape, link
from ..schema import WorkspaceError
from ..text import fold
from ..workspace import Workspace
from .controls import controls
from .download import DownloadButton
from .feedback import STYLE, message_html
from .page import Page
from .section import section
from .upload import as_upload

PAGE_SIZE = 25
UPLOAD_LIMIT_MB = 10
_LABEL = {"description_width": "initial"}
_NONE = "(not in this file)"


_css, _button = controls("targets")


def _text(name: str, label: str, **kw) -> widgets.Text:
    return _css(
        widgets.Text(description=label, style=_LABEL, layout=widgets.Layout(width="95%"), **kw),
        name,
    )


def _dropdown(name: str, label: str, options, **kw) -> widgets.Dropdown:
    return _css(widgets.Dropdown(description=label, options=options, style=_LABEL, **kw), name)


def _uploaded(change) -> tuple[str, bytes] | None:
    files = change["new"]
    if not files:
        return None
    return str(files[0].get("name", "the file")), bytes(files[0]["content"])


class TargetsPage(Page):
    """The views of 02_build_target_list, bound to one workspace."""

    def __init__(self, ws: Workspace):
        self.ws = ws
        self.assessed: list[classification.Assessment] = []
        self.filtered: list[classification.Assessment] = []
        self.page = 0
        self._pending: tuple[str, bytes] | None = None
        self._build_organizations()
        self._build_import()
        self._build_contact_form()
        self._build_table()
        self.mix_chart = _css(widgets.HTML(), "mix-chart")
        self.mix_tips = _css(widgets.HTML(), "mix-tips")
        self.refresh_organizations()
        self.recompute()

    def run_demo(self) -> None:
        """As a person would: upload the demo files, import them and pick the top targets."""
        from ..demo import demo_dir  # lazy: only the demo run needs it

        folder = demo_dir()
        self.org_upload.value = as_upload(
            "organizations.csv", (folder / "organizations.csv").read_bytes()
        )
        self.upload.value = as_upload("Connections.csv", (folder / "Connections.csv").read_bytes())
        self.import_button.click()
        self.pick_top_button.click()

    # ================================================================== organizations (T1)
    def _build_organizations(self) -> None:
        self.org_pick = _dropdown("org-pick", "Edit an organization", [("(a new one)", None)])
        self.org_pick.observe(self._on_org_pick, names="value")
        self.org_name = _text("org-name", "Name")
        self.org_industry = _text("org-industry", "Industry")
        self.org_size = _dropdown(
            "org-size", "Size (people)", [("not known", "")] + [(b, b) for b in SIZE_BANDS]
        )
        self.org_location = _text("org-location", "Location (city, or remote)")
        self.org_website = _text("org-website", "Website", placeholder="https://...")
        self.org_motivation = _css(
            widgets.ToggleButtons(
                description="Motivation: how much it interests you (1-5)",
                options=[("not rated", 0)] + [(str(i), i) for i in range(1, 6)],
                style=_LABEL,
            ),
            "org-motivation",
        )
        self.org_postings = _css(
            widgets.ToggleButtons(
                description="Postings: relevant openings you've seen (1-3)",
                options=[("not rated", 0), ("1 none", 1), ("2 some", 2), ("3 several", 3)],
                style=_LABEL,
            ),
            "org-postings",
        )
        self.org_advocacy = _css(
            widgets.RadioButtons(
                description="A likely contact there?",
                options=[("not sure", None), ("yes", True), ("no", False)],
                style=_LABEL,
            ),
            "org-advocacy",
        )
        self.org_notes = _css(
            widgets.Textarea(description="Notes", style=_LABEL, layout=widgets.Layout(width="95%")),
            "org-notes",
        )
        self.org_save = _button("org-save", "Save organization", button_style="primary")
        self.org_save.on_click(self._on_org_save)
        self.org_new = _button("org-new", "Start a new one")
        self.org_new.on_click(lambda _: self._fill_org(Organization()))
        self.org_archive = _button("org-archive", "Archive it")
        self.org_archive.on_click(self._on_org_archive)
        self.org_show_archived = _css(
            widgets.Checkbox(description="Show archived organizations", indent=False),
            "org-show-archived",
        )
        self.org_show_archived.observe(lambda _: self.refresh_organizations(), names="value")
        self.org_status = _css(widgets.HTML(), "org-status")
        self.org_table = _css(widgets.HTML(), "org-table")
        self.org_upload = _css(
            widgets.FileUpload(
                accept=".csv,.xlsx,.txt",
                multiple=False,
                description="Import organizations (CSV or Excel)",
                layout=widgets.Layout(width="auto"),
            ),
            "org-upload",
        )
        self.org_upload.observe(self._on_org_upload, names="value")

    @section
    def organizations_section(self) -> widgets.VBox:
        """T1: the long list, rated and sorted, with the top five marked."""
        form = widgets.VBox(
            [
                self.org_pick,
                self.org_name,
                self.org_industry,
                self.org_size,
                self.org_location,
                self.org_website,
                self.org_motivation,
                self.org_postings,
                self.org_advocacy,
                self.org_notes,
                widgets.HBox([self.org_save, self.org_new, self.org_archive]),
            ]
        )
        return widgets.VBox(
            [
                widgets.HTML(STYLE),
                self.org_table,
                self.org_show_archived,
                form,
                self.org_status,
                self.org_upload,
            ]
        )

    def refresh_organizations(self) -> None:
        """Redraw the sorted list and the edit picker from the workspace."""
        orgs = organizations.load_organizations(self.ws)
        active = [o for o in orgs if not o.archived]
        counts: dict[str, int] = {}
        for row in self.ws.query("SELECT organization FROM contacts WHERE archived = 0"):
            key = org_key(row["organization"])
            counts[key] = counts.get(key, 0) + 1
        rows = []
        for place, org in organizations.sort_organizations(orgs):
            top = "<strong>Top 5</strong>" if place <= organizations.TOP else ""
            advocacy = {True: "yes", False: "no", None: "not sure"}[org.advocacy]
            site = link(org.website, "site") if org.website else ""
            rows.append(
                f"<tr><td>{place}</td><td>{top}</td><th scope='row'>{escape(org.name)}</th><td>{escape(org.industry)}</td>"
                f"<td>{escape(org.size)}</td><td>{escape(org.location)}</td><td>{org.motivation or '-'}</td><td>{org.postings or '-'}</td>"
                f"<td>{advocacy}</td><td>{counts.get(org_key(org.name), 0)}</td><td>{site}</td></tr>"
            )
        archived = [o for o in orgs if o.archived]
        extra = ""
        if self.org_show_archived.value and archived:
            extra = "<p>Archived: " + ", ".join(escape(o.name) for o in archived) + "</p>"
        head = "".join(
            f"<th scope='col'>{h}</th>"
            for h in (
                "#",
                "",
                "Organization",
                "Industry",
                "Size",
                "Location",
                "Motivation",
                "Postings",
                "Contact there",
                "Your contacts",
                "Website",
            )
        )
        table = (
            f"<table class='ii-table'><caption>Sorted by motivation, then postings, then a likely contact</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            if rows
            else "<p>No organizations yet: add the first one below.</p>"
        )
        self.org_table.value = (
            STYLE + f"<p>{escape(organizations.long_list_note(len(active)))}</p>" + table + extra
        )
        options = [("(a new one)", None)] + [
            (o.name + (" (archived)" if o.archived else ""), o.id)
            for o in sorted(orgs, key=lambda o: fold(o.name))
        ]
        current = self.org_pick.value
        self.org_pick.options = options
        self.org_pick.value = current if current in [v for _, v in options] else None

    def _fill_org(self, org: Organization) -> None:
        self._editing_org = org
        self.org_name.value, self.org_industry.value = org.name, org.industry
        self.org_size.value = org.size if org.size in SIZE_BANDS else ""
        self.org_location.value, self.org_website.value, self.org_notes.value = (
            org.location,
            org.website,
            org.notes,
        )
        self.org_motivation.value, self.org_postings.value = org.motivation or 0, org.postings or 0
        self.org_advocacy.value = org.advocacy
        self.org_archive.description = "Bring it back" if org.archived else "Archive it"
        if org.id is None and self.org_pick.value is not None:
            self.org_pick.value = None

    def _on_org_pick(self, change) -> None:
        if change["new"] is None:
            return
        org = next(
            (o for o in organizations.load_organizations(self.ws) if o.id == change["new"]), None
        )
        if org:
            self._fill_org(org)

    def _org_from_form(self) -> Organization:
        current = getattr(self, "_editing_org", Organization())
        return Organization(
            name=self.org_name.value.strip(),
            industry=self.org_industry.value.strip(),
            size=self.org_size.value,
            location=self.org_location.value.strip(),
            website=self.org_website.value.strip(),
            motivation=self.org_motivation.value or None,
            postings=self.org_postings.value or None,
            advocacy=self.org_advocacy.value,
            notes=self.org_notes.value,
            archived=current.archived,
            id=current.id,
        )

    def _on_org_save(self, _=None) -> None:
        org = self._org_from_form()
        try:
            org.id = organizations.save_organization(self.ws, org)
        except (ValueError, WorkspaceError) as exc:
            self.org_status.value = message_html(f"Not saved: {exc}", "warning")
            return
        self._editing_org = org
        self.org_status.value = message_html(f"Saved {org.name}.", "ok")
        self.refresh_organizations()
        self.org_pick.value = org.id
        self.recompute()

    def _on_org_archive(self, _=None) -> None:
        org = getattr(self, "_editing_org", None)
        if org is None or org.id is None:
            self.org_status.value = message_html(
                "Choose an organization to archive first.", "warning"
            )
            return
        organizations.set_archived(self.ws, org.id, not org.archived)
        org.archived = not org.archived
        self.org_status.value = message_html(
            f"{org.name} is {'archived' if org.archived else 'back on your list'}.", "ok"
        )
        self.org_archive.description = "Bring it back" if org.archived else "Archive it"
        self.refresh_organizations()
        self.recompute()

    def _on_org_upload(self, change) -> None:
        got = _uploaded(change)
        if not got:
            return
        name, data = got
        try:
            parsed = tabular.read_table(data, name)
            orgs, skipped = organizations.organizations_from_table(parsed.columns, parsed.rows)
            added, updated = organizations.merge_organizations(self.ws, orgs)
        except (tabular.ImportFailed, ValueError, WorkspaceError) as exc:
            self.org_status.value = message_html(
                f"Nothing was imported from {name}: {exc}", "warning"
            )
            return
        left_out = f" {len(skipped)} rows left out." if skipped else ""
        self.org_status.value = message_html(
            f"{name}: {added} organizations added, {updated} updated.{left_out}", "ok"
        )
        self.refresh_organizations()
        self.recompute()

    # ================================================================== importing contacts (T8)
    def _build_import(self) -> None:
        self.upload = _css(
            widgets.FileUpload(
                accept=".csv,.xlsx,.txt",
                multiple=False,
                description="Choose a contacts file",
                layout=widgets.Layout(width="auto"),
            ),
            "upload",
        )
        self.upload.observe(self._on_upload, names="value")
        self.import_path = _text(
            "import-path",
            "Or the file's path on the computer running the workbook",
            placeholder="e.g. ~/Downloads/Connections.csv",
        )
        self.import_path_button = _button("import-read", "Read that file")
        self.import_path_button.on_click(self._on_import_path)
        self.mapping_box = _css(widgets.VBox(), "mapping")
        self.mapping: dict[str, widgets.Dropdown] = {}
        self.import_button = _button(
            "import", "Import these contacts", button_style="primary", disabled=True
        )
        self.import_button.on_click(self._on_import)
        self.import_status = _css(widgets.HTML(), "import-status")

    @section
    def import_section(self) -> widgets.VBox:
        """Upload a LinkedIn export or any contact list, map its columns, import all rows or none."""
        note = widgets.HTML(
            f"<p class='ii-muted'>Files above {UPLOAD_LIMIT_MB} MB can't be uploaded in the browser: type their path instead.</p>"
        )
        return widgets.VBox(
            [
                self.upload,
                note,
                widgets.HBox([self.import_path, self.import_path_button]),
                self.mapping_box,
                self.import_button,
                self.import_status,
            ]
        )

    def _on_upload(self, change) -> None:
        got = _uploaded(change)
        if got:
            self.prepare_import(*got)

    def _on_import_path(self, _=None) -> None:
        raw = self.import_path.value.strip()
        if not raw:
            self.import_status.value = message_html("Type the path of a file first.", "warning")
            return
        try:
            data = Path(raw).expanduser().read_bytes()
        except OSError as exc:
            self.import_status.value = message_html(
                f"Could not read {raw}: {exc.strerror or exc}.", "warning"
            )
            return
        self.prepare_import(Path(raw).name, data)

    def prepare_import(self, name: str, data: bytes) -> None:
        """Read the file, show what was found and (for other lists) the column mapping."""
        self._pending = None
        self.import_button.disabled = True
        self.mapping_box.children = ()
        try:
            parsed = tabular.read_table(data, name)
        except tabular.ImportFailed as exc:
            self.import_status.value = message_html(f"{exc} Nothing was imported.", "warning")
            return
        self._pending = (name, data)
        rows = len(parsed.rows)
        if parsed.kind == "linkedin":
            self.import_status.value = message_html(
                f"{name} is a LinkedIn export with {rows} rows. Press Import to add them.", "note"
            )
        else:
            suggested = headings.suggest_mapping(parsed.columns)
            self.mapping = {}
            for field_name in imports.CONTACT_FIELDS:
                options = [(_NONE, "")] + [(c, c) for c in parsed.columns]
                dd = _dropdown(f"map-{field_name}", imports.FIELD_LABELS[field_name], options)
                dd.value = suggested.get(field_name, "")
                self.mapping[field_name] = dd
            intro = widgets.HTML(
                "<p>Which column holds what? The guesses below come from the column names; correct them if needed.</p>"
            )
            self.mapping_box.children = (intro, *self.mapping.values())
            self.import_status.value = message_html(
                f"{name} has {rows} rows and {len(parsed.columns)} columns.", "note"
            )
        self.import_button.disabled = False

    def _on_import(self, _=None) -> None:
        if self._pending is None:
            self.import_status.value = message_html("Choose a file first.", "warning")
            return
        name, data = self._pending
        mapping = (
            {f: dd.value for f, dd in self.mapping.items() if dd.value}
            if self.mapping_box.children
            else None
        )
        try:
            plan = imports.read_contacts(data, name, mapping)
            existing = tg.load_contacts(self.ws)
            report = tg.apply_merge(self.ws, imports.plan_merge(existing, plan), existing)
        except (tabular.ImportFailed, WorkspaceError, ValueError) as exc:
            self.import_status.value = message_html(f"{exc} Nothing was imported.", "warning")
            return
        self._pending = None
        self.import_button.disabled = True
        self.mapping_box.children = ()
        self.last_report = report
        details = "".join(
            f"<li>Line {line}: {escape(why)}</li>" for line, why in report.skipped[:30]
        )
        more = f"<li>and {len(report.skipped) - 30} more</li>" if len(report.skipped) > 30 else ""
        self.import_status.value = message_html(report.summary(), "ok") + (
            f"<ul class='ii-import-skipped'>{details}{more}</ul>" if details else ""
        )
        self.refresh_organizations()
        self.recompute(report.contacts)

    # ================================================================== one contact: the form (T2, T3, T5, T6)
    def _build_contact_form(self) -> None:
        self.c_first, self.c_last = _text("c-first", "First name"), _text("c-last", "Last name")
        self.c_email, self.c_url = (
            _text("c-email", "Email"),
            _text("c-url", "Profile URL", placeholder="https://www.linkedin.com/in/..."),
        )
        self.c_org, self.c_position = (
            _text("c-organization", "Organization"),
            _text("c-position", "Job title"),
        )
        self.c_alt = _text("c-alt-titles", "Other titles for the same work (comma-separated)")
        self.c_location, self.c_phone = (
            _text("c-location", "Location (city)"),
            _text("c-phone", "Phone"),
        )
        self.c_connection = _dropdown(
            "c-connection",
            "Connection",
            [("work it out for me", "")] + [(CONNECTION_LABELS[c], c) for c in CONNECTIONS],
        )
        self.c_via = _text("c-via", "Who can introduce you (second-degree)")
        self.c_warm = _text("c-warm", "Shared link that makes them warm (school, club...)")
        self.c_seniority = _dropdown(
            "c-seniority",
            "Seniority",
            [("work it out from the title", "")] + [(SENIORITY_LABELS[s], s) for s in SENIORITIES],
        )
        self.c_years = _text("c-years", "Years in the industry (if you know)")
        self.c_focus = _dropdown(
            "c-focus",
            "Focus",
            [
                ("work it out from step 1", ""),
                ("both a role and an organization you want", "both"),
                ("a position you want", "position"),
                ("an organization you want", "organization"),
                ("neither", "neither"),
            ],
        )
        self.c_local = _dropdown(
            "c-local",
            "Could you meet in person?",
            [("work it out from the location", None), ("yes, local", True), ("no", False)],
        )
        self.c_notes = _css(
            widgets.Textarea(description="Notes", style=_LABEL, layout=widgets.Layout(width="95%")),
            "c-notes",
        )
        self.c_save = _button("c-save", "Save this person", button_style="primary")
        self.c_save.on_click(self._on_contact_save)
        self.c_new = _button("c-new", "Start a new person")
        self.c_new.on_click(lambda _: self.edit_contact(Contact(source="form")))
        self.c_status = _css(widgets.HTML(), "c-status")
        self.c_why = _css(widgets.HTML(), "c-why")
        self._editing_contact = Contact(source="form")

    @section
    def contact_form_section(self) -> widgets.VBox:
        """Add someone by hand, or correct what the workbook worked out about them."""
        return widgets.VBox(
            [
                self.c_first,
                self.c_last,
                self.c_email,
                self.c_url,
                self.c_org,
                self.c_position,
                self.c_alt,
                self.c_location,
                self.c_phone,
                self.c_connection,
                self.c_via,
                self.c_warm,
                self.c_seniority,
                self.c_years,
                self.c_focus,
                self.c_local,
                self.c_notes,
                widgets.HBox([self.c_save, self.c_new]),
                self.c_status,
                self.c_why,
            ]
        )

    def edit_contact(self, contact: Contact) -> None:
        """Put a person into the form."""
        self._editing_contact = contact
        for w, v in (
            (self.c_first, contact.first_name),
            (self.c_last, contact.last_name),
            (self.c_email, contact.email),
            (self.c_url, contact.profile_url),
            (self.c_org, contact.organization),
            (self.c_position, contact.position),
            (self.c_alt, ", ".join(contact.alt_titles)),
            (self.c_location, contact.location),
            (self.c_phone, contact.phone),
            (self.c_via, contact.via),
            (self.c_warm, contact.warm_reason),
            (self.c_notes, contact.notes),
        ):
            w.value = v
        self.c_connection.value = contact.connection if contact.connection in CONNECTIONS else ""
        self.c_seniority.value = contact.seniority if contact.seniority in SENIORITIES else ""
        self.c_focus.value = contact.focus if contact.focus in FOCUSES else ""
        self.c_local.value = contact.local
        self.c_years.value = (
            "" if contact.years_in_industry is None else f"{contact.years_in_industry:g}"
        )
        found = (
            next((a for a in self.assessed if a.contact.id == contact.id), None)
            if contact.id
            else None
        )
        self.c_why.value = self._why_html(found) if found else ""
        self.c_status.value = message_html(
            f"Editing {contact.full_name}." if contact.id else "A new person.", "note"
        )

    def _why_html(self, a: classification.Assessment) -> str:
        items = [
            ("Connection", a.connection_why),
            ("Warm or cold", a.warm_why),
            ("Seniority", a.seniority_why),
            ("Focus", a.focus_why),
            ("In person?", a.local_why),
            ("Offer", a.modes),
            (f"Rank {a.rank}, score {a.score:g}", a.why),
        ]
        return (
            "<ul class='ii-why'>"
            + "".join(f"<li><strong>{escape(k)}:</strong> {escape(v)}</li>" for k, v in items)
            + "</ul>"
        )

    def _on_contact_save(self, _=None) -> None:
        years_text = self.c_years.value.strip().replace(",", ".")
        try:
            years = float(years_text) if years_text else None
        except ValueError:
            self.c_status.value = message_html(
                "Years in the industry should be a number, like 4 or 2.5.", "warning"
            )
            return
        base = self._editing_contact
        contact = replace(
            base,
            first_name=self.c_first.value.strip(),
            last_name=self.c_last.value.strip(),
            email=self.c_email.value.strip(),
            profile_url=self.c_url.value.strip(),
            organization=self.c_org.value.strip(),
            position=self.c_position.value.strip(),
            alt_titles=[t.strip() for t in self.c_alt.value.split(",") if t.strip()],
            location=self.c_location.value.strip(),
            phone=self.c_phone.value.strip(),
            connection=self.c_connection.value,
            via=self.c_via.value.strip(),
            warm_reason=self.c_warm.value.strip(),
            seniority=self.c_seniority.value,
            years_in_industry=years,
            focus=self.c_focus.value,
            local=self.c_local.value,
            notes=self.c_notes.value,
        )
        try:
            contact.id = tg.save_contact(self.ws, contact)
        except (ValueError, WorkspaceError) as exc:
            self.c_status.value = message_html(f"Not saved: {exc}", "warning")
            return
        self._editing_contact = contact
        self.recompute()
        self.edit_contact(contact)
        self.c_status.value = message_html(f"Saved {contact.full_name}.", "ok")

    # ================================================================== the ranked list and targets
    def _build_table(self) -> None:
        self.f_text = _text("filter-text", "Search names, titles, organizations")
        self.f_org = _text("filter-organization", "Organization")
        self.f_seniority = _dropdown(
            "filter-seniority",
            "Seniority",
            [("any", "")] + [(SENIORITY_LABELS[s], s) for s in SENIORITIES],
        )
        self.f_connection = _dropdown(
            "filter-connection",
            "Connection",
            [("any", "")] + [(c + "-degree" if c != "cold" else "cold", c) for c in CONNECTIONS],
        )
        self.f_focus = _dropdown("filter-focus", "Focus", [("any", "")] + [(f, f) for f in FOCUSES])
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
        self.prev_button.on_click(lambda _: self.show_page(self.page - 1))
        self.next_button.on_click(lambda _: self.show_page(self.page + 1))
        self.row_pick = _css(
            widgets.Select(
                description="Person on this page",
                options=[],
                rows=8,
                style=_LABEL,
                layout=widgets.Layout(width="95%"),
            ),
            "row-pick",
        )
        self.pick_button = _button("pick", "Make a target", button_style="primary")
        self.drop_button = _button("drop", "Remove from targets")
        self.edit_button = _button("edit", "Edit this person")
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

    @section
    def contacts_section(self) -> widgets.VBox:
        """The ranked list: filters, one page at a time, and picking targets."""
        filters = widgets.VBox(
            [
                self.f_text,
                self.f_org,
                widgets.HBox([self.f_seniority, self.f_connection, self.f_focus]),
                self.f_targets,
            ]
        )
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

    @section
    def mix_section(self) -> widgets.VBox:
        """O3: the plan against the chosen targets, with what is missing."""
        return widgets.VBox([self.mix_chart, self.mix_tips])

    def recompute(self, contacts: list[Contact] | None = None) -> None:
        """Classify and rank everyone again (after an import, an edit or a new target)."""
        ctx = tg.context(self.ws)
        assessed = classification.classify(
            contacts if contacts is not None else tg.load_contacts(self.ws), ctx
        )
        chosen = classification.mix_of([a for a in assessed if a.contact.target])
        self.assessed = ranking.rank(assessed, ctx, chosen)
        self.plan = ctx.plan
        self._show_mix(chosen)
        self.apply_filters(keep_page=True)

    def apply_filters(self, keep_page: bool = False) -> None:
        """Filter the ranked list and show the first (or the current) page."""
        self.filtered = [
            a
            for a in self.assessed
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
        self.show_page(self.page if keep_page else 0)

    def show_page(self, page: int) -> None:
        """Render one page of the filtered list (never thousands of rows at once)."""
        pages = max(1, -(-len(self.filtered) // PAGE_SIZE))
        self.page = max(0, min(page, pages - 1))
        rows = self.filtered[self.page * PAGE_SIZE : (self.page + 1) * PAGE_SIZE]
        self.prev_button.disabled = self.page == 0
        self.next_button.disabled = self.page >= pages - 1
        start = self.page * PAGE_SIZE + 1 if rows else 0
        self.page_label.value = f"<p>Showing {start}-{start + len(rows) - 1 if rows else 0} of {len(self.filtered)} people (page {self.page + 1} of {pages}; {len(self.assessed)} in all).</p>"
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
            + f"<table class='ii-table ii-contacts'><caption>People ranked for you (best first)</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            if rows
            else "<p>No one matches. Import your LinkedIn connections or add people below.</p>"
        )
        self.row_pick.options = [
            (
                f"{a.rank}. {a.contact.full_name}, {a.contact.position or 'no title'} at {a.contact.organization or 'no organization'}{' (target)' if a.contact.target else ''}",
                a.contact.id,
            )
            for a in rows
        ]

    @staticmethod
    def _row_html(a: classification.Assessment) -> str:
        c = a.contact
        target = "&#10003; target" if c.target else ""
        return (
            f"<tr><td>{a.rank}</td><td>{target}</td><th scope='row' class='ii-name'>{escape(c.full_name)}</th><td>{escape(c.organization)}</td>"
            f"<td>{escape(c.position)}</td><td title='{escape(a.connection_why)}'>{escape(a.connection)}{' (warm)' if a.warm and a.connection == 'cold' else ''}</td>"
            f"<td title='{escape(a.seniority_why)}'>{escape(SENIORITY_LABELS[a.seniority])}</td><td title='{escape(a.focus_why)}'>{escape(a.focus)}</td>"
            f"<td>{'yes' if a.local else 'no'}</td><td>{a.score:g}</td><td class='ii-why'>{escape(a.why)}</td></tr>"
        )

    def _table_file(self, ext: str) -> tuple[str, str, bytes]:
        """Everyone matching the filters, ranked, as a spreadsheet (cells can never run as formulas)."""
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
        self.recompute()
        self.table_status.value = message_html(
            f"{chosen.contact.full_name} is {'now a target' if value else 'no longer a target'}.",
            "ok",
        )

    def _on_edit(self, _=None) -> None:
        chosen = self._selected()
        if chosen is None:
            self.table_status.value = message_html("Choose a person in the list first.", "warning")
            return
        self.edit_contact(chosen.contact)
        self.table_status.value = message_html(
            f"{chosen.contact.full_name} is in the form below.", "note"
        )

    def _on_pick_top(self, _=None) -> None:
        wanted = self.plan.total if self.plan is not None else 6
        have = sum(1 for a in self.assessed if a.contact.target)
        if have >= wanted:
            self.table_status.value = message_html(
                f"You already have {have} targets, as many as your plan ({wanted}).", "note"
            )
            return
        picks = [
            a.contact.id
            for a in ranking.suggest_targets(self.assessed, tg.context(self.ws), wanted - have)
        ]
        tg.set_targets(self.ws, picks, True)
        self.recompute()
        self.table_status.value = message_html(
            f"Picked {len(picks)} people from the top of the list. Change them as you like.", "ok"
        )

    def _show_mix(self, chosen: classification.Mix) -> None:
        plan = self.plan or Objective().plan
        rows = classification.mix_rows(plan, chosen)
        self.mix_chart.value = bar_chart(
            [(label, planned) for label, planned, _ in rows],
            "Your plan and your targets so far",
            compare=[actual for _, _, actual in rows],
        )
        warm = f"<p>Warm {chosen.warm}, cold {chosen.cold} among your {chosen.total} targets.</p>"
        self.mix_tips.value = (
            STYLE
            + warm
            + "<ul>"
            + "".join(f"<li>{escape(t)}</li>" for t in classification.mix_suggestions(plan, chosen))
            + "</ul>"
        )
