"""Step 2's contact form (T2, T3, T5, T6): add someone by hand, or correct what was worked out.

The targets page composes one (its ``contact_form_section``) and keeps every widget as a page
attribute; the contact table puts a person into it. The user's choices (connection, seniority,
focus, in person) override the classification, and the form shows each reason. The form saves
as it is typed; a new person once they have a name.
"""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as widgets

from .. import classification
from .. import targets as tg
from ..clock import time_zone_names
from ..i18n import LANGUAGE_NAMES, LANGUAGES, _
from ..ranking import score_text
from ..records import (
    CONNECTION_LABELS,
    CONNECTIONS,
    FOCUSES,
    SENIORITIES,
    SENIORITY_LABELS,
    Contact,
)
from ..safe import escape
from ..workspace import Workspace
from .autosave import NotSaved, state_view
from .controls import controls
from .details import Details
from .feedback import message_html
from .page import Page
from .target_fields import LABEL, dropdown, text_field

__all__ = ["ContactForm"]

_css, _button = controls("targets")  # the widgets are the page's: ii-targets-<name>


class ContactForm:
    """One person: their details and the overrides, with why the workbook ranked them so."""

    def __init__(self, page: Page):
        self.page = page
        self.c_first, self.c_last = (
            text_field("c-first", _("First name")),
            text_field("c-last", _("Last name")),
        )
        self.c_email, self.c_url = (
            text_field("c-email", _("Email")),
            text_field("c-url", _("Profile URL"), placeholder=_("https://www.linkedin.com/in/...")),
        )
        self.c_org, self.c_position = (
            text_field("c-organization", _("Organization")),
            text_field("c-position", _("Job title")),
        )
        self.c_alt = text_field(
            "c-alt-titles", _("Other titles for the same work (comma-separated)")
        )
        self.c_location, self.c_phone = (
            text_field("c-location", _("Location (city)")),
            text_field("c-phone", _("Phone")),
        )
        self.c_connection = dropdown(
            "c-connection",
            _("Connection"),
            [(_("work it out for me"), "")] + [(_(CONNECTION_LABELS[c]), c) for c in CONNECTIONS],
        )
        self.c_via = text_field("c-via", _("Who can introduce you (second-degree)"))
        self.c_warm = text_field("c-warm", _("Shared link that makes them warm (school, club...)"))
        self.c_seniority = dropdown(
            "c-seniority",
            _("Seniority"),
            [(_("work it out from the title"), "")]
            + [(_(SENIORITY_LABELS[s]), s) for s in SENIORITIES],
        )
        self.c_years = text_field("c-years", _("Years in the industry (if you know)"))
        self.c_focus = dropdown(
            "c-focus",
            _("Focus"),
            [
                (_("work it out from step 1"), ""),
                (_("both a role and an organization you want"), "both"),
                (_("a position you want"), "position"),
                (_("an organization you want"), "organization"),
                (_("neither"), "neither"),
            ],
        )
        self.c_local = dropdown(
            "c-local",
            _("Could you meet in person?"),
            [(_("work it out from the location"), None), (_("yes, local"), True), (_("no"), False)],
        )
        # Issue 16: the language to write to them in, and the zone they read their mail in
        self.c_language = dropdown(
            "c-language",
            _("Write to them in"),
            [(_("Same as the workbook"), "")]
            + [(LANGUAGE_NAMES[code], code) for code in LANGUAGES],
        )
        self.c_time_zone = _css(
            widgets.Combobox(
                description=_("Their time zone"),
                options=time_zone_names(),
                placeholder=_("e.g. Europe/Madrid; left empty: guessed from their city"),
                ensure_option=False,
                style=LABEL,
                layout=widgets.Layout(width="95%"),
            ),
            "c-time-zone",
        )
        self.c_notes = _css(
            widgets.Textarea(
                description=_("Notes"), style=LABEL, layout=widgets.Layout(width="95%")
            ),
            "c-notes",
        )
        self.editing = Contact(source="form")  # the person in the form, as saved or new
        self._filling = False
        # No Save button: the form saves as it is typed (a new person once they have a name).
        self.contact_form = page.autosave(self._save_contact, active=lambda: not self._filling)
        self.contact_form.watch(*self._fields())
        self.c_save_state = state_view(self.contact_form.state, "ii-targets-c-save-state")
        # A button: starting another record is a choice, not an edit of this one.
        self.c_new = _button("c-new", _("Start a new person"))
        self.c_new.on_click(lambda _click: self.page.edit_contact(Contact(source="form")))
        self.c_status = _css(widgets.HTML(), "c-status")
        self.c_why = _css(widgets.HTML(), "c-why")
        # The form is folded away until it is asked for, or a person is put into it.
        self.details = Details(
            _("Show the form: add someone, or correct a person's details"), [], "ii-targets-c-form"
        )

    @property
    def ws(self) -> Workspace:
        """The page's workspace."""
        return self.page.ws

    def _fields(self) -> list[widgets.Widget]:
        return [
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
            self.c_language,
            self.c_time_zone,
            self.c_notes,
        ]

    def widgets(self) -> widgets.VBox:
        """Add someone by hand, or correct what the workbook worked out about them."""
        form = widgets.VBox([*self._fields(), self.c_save_state, self.c_status, self.c_why])
        form.add_class("ii-fields")  # short fields side by side where there is room
        self.details.body.children = (form,)
        return widgets.VBox([widgets.HBox([self.c_new]), self.details])

    def edit_contact(self, contact: Contact) -> bool:
        """Put a person into the form, once what was typed for the one shown is saved; if it
        can't be saved, the form stays as it is (the state says why). True when switched."""
        if not self.contact_form.flush():
            self.c_status.value = message_html(
                _("Fix what is above first (or empty those fields): your text is still there."),
                "warning",
            )
            return False
        self.editing = contact
        self._filling = True  # putting a person into the form is not an edit
        try:
            self._fill(contact)
        finally:
            self._filling = False
        self.contact_form.discard()
        self._show_why()
        self.c_status.value = message_html(
            _("Editing {name}.").format(name=contact.full_name)
            if contact.id
            else _("A new person."),
            "note",
        )
        self.details.set_open(True)
        return True

    def _fill(self, contact: Contact) -> None:
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
        self.c_language.value = contact.language if contact.language in LANGUAGES else ""
        self.c_time_zone.value = contact.time_zone or ""
        self.c_years.value = (
            "" if contact.years_in_industry is None else f"{contact.years_in_industry:g}"
        )

    def _show_why(self) -> None:
        contact = self.editing
        found = (
            next((a for a in self.page.assessed if a.contact.id == contact.id), None)
            if contact.id
            else None
        )
        self.c_why.value = self._why_html(found) if found else ""

    def _why_html(self, a: classification.Assessment) -> str:
        items = [
            (_("Connection"), a.connection_why),
            (_("Warm or cold"), a.warm_why),
            (_("Seniority"), a.seniority_why),
            (_("Focus"), a.focus_why),
            (_("In person?"), a.local_why),
            (_("Offer"), modes_text(a.modes)),
            (_("Rank {rank}, score {score}").format(rank=a.rank, score=score_text(a.score)), a.why),
        ]
        return (
            "<ul class='ii-why'>"
            + "".join(
                "<li><strong>"
                + escape(_("{label}:").format(label=k))
                + f"</strong> {escape(v)}</li>"
                for k, v in items
            )
            + "</ul>"
        )

    def _save_contact(self) -> bool:
        """The form's autosave: add or update the person (one transaction); a new person waits
        for a name. Ranks everyone again when something the ranking reads changed."""
        years_text = self.c_years.value.strip().replace(",", ".")
        try:
            years = float(years_text) if years_text else None
        except ValueError as exc:
            raise NotSaved(_("years in the industry should be a number, like 4 or 2.5")) from exc
        base = self.editing
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
            language=self.c_language.value or "",
            time_zone=self.c_time_zone.value.strip(),
            notes=self.c_notes.value,
        )
        if contact.id is None and not (contact.first_name or contact.last_name):
            if contact == Contact(source=base.source):
                return False  # nothing typed: nothing to keep
            raise NotSaved(_("add a name to save this person"))
        try:
            contact.id = tg.save_contact(self.ws, contact, tg.FORM_FIELDS)
        except ValueError as exc:
            raise NotSaved(str(exc)) from exc
        self.editing = contact
        unranked = ("notes", "phone", "email", "profile_url", "language", "time_zone")
        if {k: v for k, v in vars(contact).items() if k not in unranked} != {
            k: v for k, v in vars(base).items() if k not in unranked
        }:
            self.page.recompute()
        else:  # the ranking is the same: the list's copy of the person only needs the new text
            for a in self.page.assessed:
                if a.contact.id == contact.id:
                    for name in unranked:
                        setattr(a.contact, name, getattr(contact, name))
        self._show_why()
        self.c_status.value = message_html(
            _("Editing {name}.").format(name=contact.full_name), "note"
        )
        return True


def modes_text(modes: str) -> str:
    """ "in person, video, phone" (the stored modes, MODES) in the language in use."""
    return _(", ").join(_(m.strip()) for m in modes.split(",") if m.strip())
