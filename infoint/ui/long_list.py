"""Step 2's long list of organizations (T1): the sorted, rated list, its form and its import.

The targets page composes one (its ``organizations_section``) and keeps every widget as a page
attribute. The form saves as it is typed (a new organization once it has a name); saving,
archiving or importing goes through ``organizations``, and afterwards the page ranks its
contacts again, since the list's order and ratings feed the ranking.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import organizations, tabular, targets
from .. import undo as undoing
from ..i18n import N_, _, ngettext, pgettext
from ..records import SIZE_BANDS, Organization, org_key
from ..safe import escape, link
from ..schema import WorkspaceError
from ..text import fold
from ..workspace import Workspace
from .autosave import NotSaved, state_view
from .controls import controls
from .feedback import STYLE, labelled_table, message_html
from .page import Page
from .target_fields import LABEL, dropdown, text_field, uploaded
from .undo import UndoButton

__all__ = ["LongList"]

_css, _button = controls("targets")  # the widgets are the page's: ii-targets-<name>


# The long list's columns after the rank and the top-5 mark.
_COLUMNS = (
    N_("Organization"),
    N_("Industry"),
    N_("Size"),
    N_("Location"),
    N_("Motivation"),
    N_("Postings"),
    N_("Contact there"),
    N_("Your contacts"),
    N_("Website"),
)


class LongList:
    """T1: about 40 organizations, rated for motivation, postings and a likely contact."""

    def __init__(self, page: Page):
        self.page = page
        self._editing_org = Organization()  # the organization in the form, as saved or new
        self._filling = self._picking = False
        self.org_pick = dropdown("org-pick", _("Edit an organization"), [(_("(a new one)"), None)])
        self.org_pick.observe(self._on_org_pick, names="value")
        self.org_name = text_field("org-name", pgettext("organization", "Name"))
        self.org_industry = text_field("org-industry", _("Industry"))
        self.org_size = dropdown(
            "org-size", _("Size (people)"), [(_("not known"), "")] + [(b, b) for b in SIZE_BANDS]
        )
        self.org_location = text_field("org-location", _("Location (city, or remote)"))
        self.org_website = text_field("org-website", _("Website"), placeholder=_("https://..."))
        self.org_motivation = _css(
            widgets.ToggleButtons(
                description=_("Motivation: how much it interests you (1-5)"),
                options=[(_("not rated"), 0)] + [(str(i), i) for i in range(1, 6)],
                style=LABEL,
            ),
            "org-motivation",
        )
        self.org_postings = _css(
            widgets.ToggleButtons(
                description=_("Postings: relevant openings you've seen (1-3)"),
                options=[
                    (_("not rated"), 0),
                    (_("1 none"), 1),
                    (_("2 some"), 2),
                    (_("3 several"), 3),
                ],
                style=LABEL,
            ),
            "org-postings",
        )
        self.org_advocacy = _css(
            widgets.RadioButtons(
                description=_("A likely contact there?"),
                options=[(_("not sure"), None), (_("yes"), True), (_("no"), False)],
                style=LABEL,
            ),
            "org-advocacy",
        )
        self.org_notes = _css(
            widgets.Textarea(
                description=_("Notes"), style=LABEL, layout=widgets.Layout(width="95%")
            ),
            "org-notes",
        )
        # No Save button: the form saves as it is typed (a new organization once it has a name).
        self.org_form = page.autosave(self._save_org, active=lambda: not self._filling)
        self.org_form.watch(
            self.org_name,
            self.org_industry,
            self.org_size,
            self.org_location,
            self.org_website,
            self.org_motivation,
            self.org_postings,
            self.org_advocacy,
            self.org_notes,
        )
        self.org_save_state = state_view(self.org_form.state, "ii-targets-org-save-state")
        # A button: starting another record is a choice, not an edit of this one.
        self.org_new = _button("org-new", _("Start a new one"))
        self.org_new.on_click(lambda _click: self._switch_to(Organization()))
        # A button: archiving is an event (the organization leaves the list, nothing deleted);
        # shown only while a saved organization is in the form.
        self.org_archive = _button("org-archive", _("Archive it"))
        self.org_archive.layout.display = "none"
        self.org_archive.on_click(self._on_org_archive)
        self.org_show_archived = _css(
            widgets.Checkbox(description=_("Show archived organizations"), indent=False),
            "org-show-archived",
        )
        self.org_show_archived.observe(lambda _change: self.refresh(), names="value")
        self.org_status = _css(widgets.HTML(), "org-status")
        # Undo beside the confirmation, for the last organization archived (ui/undo.py).
        self.org_undo = UndoButton("ii-targets-org-undo", self.org_status, self._after_undo)
        self.org_table = _css(widgets.HTML(), "org-table")
        self.org_upload = _css(
            widgets.FileUpload(
                accept=".csv,.xlsx,.txt",
                multiple=False,
                description=_("Import organizations (CSV or Excel)"),
                layout=widgets.Layout(width="auto"),
            ),
            "org-upload",
        )
        self.org_upload.observe(self._on_org_upload, names="value")

    @property
    def ws(self) -> Workspace:
        """The page's workspace."""
        return self.page.ws

    def widgets(self) -> widgets.VBox:
        """T1: the long list, rated and sorted, with the top five marked."""
        form = _css(
            widgets.VBox(
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
                    self.org_save_state,
                    widgets.HBox([self.org_new, self.org_archive]),
                ]
            ),
            "org-form",
        )
        form.add_class("ii-fields")  # short fields side by side where there is room
        return widgets.VBox(
            [
                widgets.HTML(STYLE),
                self.org_table,
                self.org_show_archived,
                form,
                self.org_undo.row(),
                self.org_upload,
            ]
        )

    def refresh(self) -> None:
        """Redraw the sorted list and the edit picker from the workspace."""
        orgs = organizations.load_organizations(self.ws)
        active = [o for o in orgs if not o.archived]
        counts = targets.contacts_per_organization(self.ws)
        rows = []
        top5 = escape(_("Top 5"))
        for place, org in organizations.sort_organizations(orgs):
            top = "<strong>" + top5 + "</strong>" if place <= organizations.TOP else ""
            advocacy = escape({True: _("yes"), False: _("no"), None: _("not sure")}[org.advocacy])
            site = link(org.website, _("site")) if org.website else ""
            rows.append(
                f"<tr><td>{place}</td><td>{top}</td><th scope='row'>{escape(org.name)}</th>"
                f"<td>{escape(org.industry)}</td><td>{escape(org.size)}</td>"
                f"<td>{escape(org.location)}</td><td>{org.motivation or '-'}</td>"
                f"<td>{org.postings or '-'}</td><td>{advocacy}</td>"
                f"<td>{counts.get(org_key(org.name), 0)}</td><td>{site}</td></tr>"
            )
        archived = [o for o in orgs if o.archived]
        extra = ""
        if self.org_show_archived.value and archived:
            names = _(", ").join(o.name for o in archived)
            extra = "<p>" + escape(_("Archived: {names}").format(names=names)) + "</p>"
        head = "".join(
            f"<th scope='col'>{h}</th>"
            for h in (
                escape(_("Rank")),
                "<span class='ii-sr-only'>" + top5 + "</span>",
                *(escape(_(h)) for h in _COLUMNS),
            )
        )
        table = (
            labelled_table(
                "<table class='ii-table'><caption>"
                + escape(_("Sorted by motivation, then postings, then a likely contact"))
                + f"</caption><thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table>"
            )
            if rows
            else "<p>" + escape(_("No organizations yet: add the first one below.")) + "</p>"
        )
        self.org_table.value = (
            STYLE + f"<p>{escape(organizations.long_list_note(len(active)))}</p>" + table + extra
        )
        options = [(_("(a new one)"), None)] + [
            (_("{name} (archived)").format(name=o.name) if o.archived else o.name, o.id)
            for o in sorted(orgs, key=lambda o: fold(o.name))
        ]
        current = self.org_pick.value
        self._picking = True  # redrawing the picker is not choosing another organization
        try:
            self.org_pick.options = options
            self.org_pick.value = current if current in [v for _label, v in options] else None
        finally:
            self._picking = False

    def _fill_org(self, org: Organization) -> None:
        self._editing_org = org
        self._filling = True  # putting a record into the form is not an edit
        try:
            self.org_name.value, self.org_industry.value = org.name, org.industry
            self.org_size.value = org.size if org.size in SIZE_BANDS else ""
            self.org_location.value, self.org_website.value, self.org_notes.value = (
                org.location,
                org.website,
                org.notes,
            )
            self.org_motivation.value = org.motivation or 0
            self.org_postings.value = org.postings or 0
            self.org_advocacy.value = org.advocacy
        finally:
            self._filling = False
        self.org_form.discard()
        self.org_archive.description = _("Bring it back") if org.archived else _("Archive it")
        self.org_archive.layout.display = None if org.id is not None else "none"
        if self.org_pick.value != org.id:
            self._show_picked(org.id)

    def _show_picked(self, org_id: int | None) -> None:
        """Set the picker without it counting as choosing another organization."""
        self._picking = True
        try:
            self.org_pick.value = org_id
        finally:
            self._picking = False

    def _switch_to(self, org: Organization) -> bool:
        """Show another organization in the form once what was typed into this one is saved;
        if it can't be saved, stay (the text is still here, and the state says why)."""
        if not self.org_form.flush():
            self.org_status.value = message_html(
                _("Fix what is above first (or empty those fields): your text is still there."),
                "warning",
            )
            self._show_picked(self._editing_org.id)
            return False
        self._fill_org(org)
        return True

    def _on_org_pick(self, change) -> None:
        if self._picking or change["new"] == self._editing_org.id:
            return
        org = next(
            (o for o in organizations.load_organizations(self.ws) if o.id == change["new"]),
            Organization(),
        )
        self._switch_to(org)

    def _org_from_form(self) -> Organization:
        current = self._editing_org
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

    def _save_org(self) -> bool:
        """The form's autosave: add or update the organization (one transaction); a new one
        waits for its name. Redraws the list, and ranks again when a rating or the name moved."""
        org, before = self._org_from_form(), self._editing_org
        if org.id is None and not org.name:
            if org == Organization():
                return False  # nothing typed: nothing to keep
            raise NotSaved(_("add a name to save this organization"))
        try:
            org.id = organizations.save_organization(self.ws, org)
        except ValueError as exc:
            raise NotSaved(str(exc)) from exc
        self._editing_org = org
        self.org_archive.layout.display = None  # saved: it can be archived now
        self.refresh()
        if self.org_pick.value != org.id:
            self._show_picked(org.id)
        unranked = ("notes", "website")
        if {k: v for k, v in vars(org).items() if k not in unranked} != {
            k: v for k, v in vars(before).items() if k not in unranked
        }:
            self.page.recompute()
        return True

    def _on_org_archive(self, _click=None) -> None:
        if not self.org_form.flush():
            return
        org = self._editing_org
        if org.id is None:
            self.org_status.value = message_html(
                _("Choose an organization to archive first."), "warning"
            )
            return
        organizations.set_archived(self.ws, org.id, not org.archived)
        org.archived = not org.archived
        self.org_status.value = message_html(
            (
                _("{name} is archived.") if org.archived else _("{name} is back on your list.")
            ).format(name=org.name),
            "ok",
        )
        if org.archived:  # bringing it back by hand leaves nothing to undo (the message went)
            self.org_undo.offer(undoing.archived(self.ws, org))
        self.org_archive.description = _("Bring it back") if org.archived else _("Archive it")
        self.refresh()
        self.page.recompute()

    def _after_undo(self) -> None:
        """An archiving was undone: the form and the list show the organization back."""
        shown = self._editing_org
        back = {o.id: o.archived for o in organizations.load_organizations(self.ws)}
        if shown.id in back:
            shown.archived = back[shown.id]
            self.org_archive.description = _("Bring it back") if shown.archived else _("Archive it")
        self.refresh()
        self.page.recompute()

    def _on_org_upload(self, change) -> None:
        # An upload, not a field: importing a file is an event (all its rows or none).
        got = uploaded(change)
        if not got:
            return
        self.org_form.flush()
        name, data = got
        try:
            parsed = tabular.read_table(data, name)
            orgs, skipped = organizations.organizations_from_table(parsed.columns, parsed.rows)
            added, updated = organizations.merge_organizations(self.ws, orgs)
        except (tabular.ImportFailed, ValueError, WorkspaceError) as exc:
            self.org_status.value = message_html(
                _("Nothing was imported from {file}: {error}").format(file=name, error=exc),
                "warning",
            )
            return
        said = _("{file}: {added} organizations added, {updated} updated.").format(
            file=name, added=added, updated=updated
        )
        if skipped:
            said += " " + ngettext("{n} row left out.", "{n} rows left out.", len(skipped)).format(
                n=len(skipped)
            )
        self.org_status.value = message_html(said, "ok")
        self.refresh()
        self.page.recompute()
