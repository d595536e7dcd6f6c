"""Step 2's page: organizations, importing contacts, the ranked list, picking targets, the mix.

``TargetsPage`` is what the notebook calls; its sections are built by sub-views, each in its
own module: the long list (``long_list``), the import (``contact_import``), the contact form
(``contact_form``) and the ranked table (``contacts_table``). The page keeps the ranked list
(``assessed``) and the plan they all read, every widget as a page attribute, and the mix (O3).
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import classification, ranking
from .. import targets as tg
from ..charts import bar_chart
from ..i18n import N_, _
from ..records import Contact, Objective
from ..safe import escape
from ..workspace import Workspace
from .contact_form import ContactForm
from .contact_import import ContactImport
from .contacts_table import ContactsTable
from .controls import controls
from .feedback import STYLE
from .long_list import LongList
from .page import Page
from .quick_capture import QuickCapture
from .section import section
from .upload import as_upload
from .vcard_export import VcardExport

__all__ = ["TargetsPage"]

_css, _button = controls("targets")  # the mix: ii-targets-mix-chart, ii-targets-mix-tips


class TargetsPage(Page):
    """The views of 02_build_target_list, bound to one workspace."""

    # The sections in the order the notebook shows them, each with its heading in the app
    # (tests/test_hygiene.py: the notebook calls exactly these, in this order).
    SECTIONS = (
        ("organizations_section", N_("Organizations: your long list")),
        ("import_section", N_("Bring in the people you know")),
        ("contacts_section", N_("Ranked for you")),
        ("contact_form_section", N_("Add or correct a person")),
        ("mix_section", N_("Does your list match your plan?")),
    )

    def __init__(self, ws: Workspace):
        self.ws = ws
        self.assessed: list[classification.Assessment] = []
        self.plan = None
        # T1: the long list; tests and notebooks reach its widgets as page attributes
        self.long_list = LongList(self)
        ll = self.long_list
        self.org_pick, self.org_name, self.org_industry = ll.org_pick, ll.org_name, ll.org_industry
        self.org_size, self.org_location, self.org_website = (
            ll.org_size,
            ll.org_location,
            ll.org_website,
        )
        self.org_motivation, self.org_postings = ll.org_motivation, ll.org_postings
        self.org_advocacy, self.org_notes = ll.org_advocacy, ll.org_notes
        self.org_new, self.org_archive = ll.org_new, ll.org_archive
        self.org_form, self.org_save_state = ll.org_form, ll.org_save_state
        self.org_show_archived, self.org_status = ll.org_show_archived, ll.org_status
        self.org_table, self.org_upload = ll.org_table, ll.org_upload
        # T8: importing contacts
        self.contact_import = ContactImport(self)
        ci = self.contact_import
        self.upload, self.import_path = ci.upload, ci.import_path
        self.import_path_button, self.mapping_box = ci.import_path_button, ci.mapping_box
        self.import_button, self.import_status = ci.import_button, ci.import_status
        # issue 15: quick capture of pasted text, and the contacts as vCard (behind toggles)
        self.quick_capture = QuickCapture(self)
        self.vcard_export = VcardExport(self)
        # T2, T3, T5, T6: one person
        self.contact_form = ContactForm(self)
        cf = self.contact_form
        self.c_first, self.c_last, self.c_email, self.c_url = (
            cf.c_first,
            cf.c_last,
            cf.c_email,
            cf.c_url,
        )
        self.c_org, self.c_position, self.c_alt = cf.c_org, cf.c_position, cf.c_alt
        self.c_location, self.c_phone, self.c_connection = (
            cf.c_location,
            cf.c_phone,
            cf.c_connection,
        )
        self.c_via, self.c_warm, self.c_seniority = cf.c_via, cf.c_warm, cf.c_seniority
        self.c_years, self.c_focus, self.c_local = cf.c_years, cf.c_focus, cf.c_local
        self.c_notes, self.c_new = cf.c_notes, cf.c_new
        self.c_language, self.c_time_zone = cf.c_language, cf.c_time_zone
        self.person_form, self.c_save_state = cf.contact_form, cf.c_save_state
        self.c_status, self.c_why = cf.c_status, cf.c_why
        # the ranked list and targets
        self.contacts_table = ContactsTable(self)
        ct = self.contacts_table
        self.f_text, self.f_org, self.f_seniority = ct.f_text, ct.f_org, ct.f_seniority
        self.f_connection, self.f_focus, self.f_targets = ct.f_connection, ct.f_focus, ct.f_targets
        self.table, self.page_label = ct.table, ct.page_label
        self.prev_button, self.next_button, self.row_pick = (
            ct.prev_button,
            ct.next_button,
            ct.row_pick,
        )
        self.pick_button, self.drop_button, self.edit_button = (
            ct.pick_button,
            ct.drop_button,
            ct.edit_button,
        )
        self.pick_top_button, self.table_status = ct.pick_top_button, ct.table_status
        self.csv_button, self.xlsx_button = ct.csv_button, ct.xlsx_button
        # O3: the mix
        self.mix_chart = _css(widgets.HTML(), "mix-chart")
        self.mix_tips = _css(widgets.HTML(), "mix-tips")
        self.refresh_organizations()
        self.recompute()

    # The sub-views' state, read through the page as before the split.
    @property
    def filtered(self) -> list[classification.Assessment]:
        """The ranked list as the table's filters leave it."""
        return self.contacts_table.filtered

    @property
    def page(self) -> int:
        """The table page shown (0 for the first)."""
        return self.contacts_table.page_number

    @property
    def mapping(self) -> dict[str, widgets.Dropdown]:
        """The import's column mapping: contact field -> the dropdown choosing its column."""
        return self.contact_import.mapping

    @property
    def last_report(self) -> tg.ImportReport | None:
        """What the last import did (None before the first)."""
        return self.contact_import.last_report

    @property
    def _editing_contact(self) -> Contact:
        return self.contact_form.editing

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
        # then the phone's contacts (one already known, two new) and a pasted email signature
        self.upload.value = as_upload("contacts.vcf", (folder / "contacts.vcf").read_bytes())
        self.import_button.click()
        self.quick_capture.run_demo((folder / "signature.txt").read_text(encoding="utf-8"))

    @section
    def organizations_section(self) -> widgets.VBox:
        """T1: the long list, rated and sorted, with the top five marked."""
        return self.long_list.widgets()

    @section
    def import_section(self) -> widgets.VBox:
        """Upload a LinkedIn export, a vCard file or any contact list, map its columns, import
        all rows or none; paste a signature (quick capture); save the contacts as vCard."""
        return widgets.VBox(
            [
                self.contact_import.widgets(),
                self.quick_capture.widgets(),
                self.vcard_export.widgets(),
            ]
        )

    @section
    def contact_form_section(self) -> widgets.VBox:
        """Add someone by hand, or correct what the workbook worked out about them."""
        return self.contact_form.widgets()

    @section
    def contacts_section(self) -> widgets.VBox:
        """The ranked list: filters, one page at a time, and picking targets."""
        return self.contacts_table.widgets()

    @section
    def mix_section(self) -> widgets.VBox:
        """O3: the plan against the chosen targets, with what is missing."""
        return widgets.VBox([self.mix_chart, self.mix_tips])

    def refresh_organizations(self) -> None:
        """Redraw the sorted list and the edit picker from the workspace."""
        self.long_list.refresh()

    def prepare_import(self, name: str, data: bytes) -> None:
        """Read the file, show what was found and (for other lists) the column mapping."""
        self.contact_import.prepare_import(name, data)

    def edit_contact(self, contact: Contact) -> bool:
        """Put a person into the form (once what was typed for the one shown is saved)."""
        return self.contact_form.edit_contact(contact)

    def live_refresh(self) -> None:
        """The long list and the ranked list follow changes made elsewhere (a referral in
        step 5, another tab); the forms keep what is being typed."""
        self.refresh_organizations()
        self.recompute()

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
        self.vcard_export.refresh()  # its download shows once there is someone to put in it

    def apply_filters(self, keep_page: bool = False) -> None:
        """Filter the ranked list and show the first (or the current) page."""
        self.contacts_table.apply_filters(keep_page)

    def show_page(self, page: int) -> None:
        """Render one page of the filtered list (never thousands of rows at once)."""
        self.contacts_table.show_page(page)

    def _show_mix(self, chosen: classification.Mix) -> None:
        plan = self.plan or Objective().plan
        rows = classification.mix_rows(plan, chosen)
        self.mix_chart.value = bar_chart(
            [(label, planned) for label, planned, _actual in rows],
            _("Your plan and your targets so far"),
            compare=[actual for _label, _planned, actual in rows],
        )
        warm = "<p>{}</p>".format(
            escape(
                _("Warm {warm}, cold {cold} among your {total} targets.").format(
                    warm=chosen.warm, cold=chosen.cold, total=chosen.total
                )
            )
        )
        self.mix_tips.value = (
            STYLE
            + warm
            + "<ul>"
            + "".join(f"<li>{escape(t)}</li>" for t in classification.mix_suggestions(plan, chosen))
            + "</ul>"
        )
