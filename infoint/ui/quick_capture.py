"""Step 2's quick capture: paste a signature, a profile section or a directory row, check what
the workbook proposes, save the person.

The targets page composes one inside its import section, folded behind a toggle so the page
stays short. ``capture.propose_contact`` reads the text on this computer; the fields it fills
are ordinary text fields the participant corrects; nothing is saved before "Save this person",
which is one action (``capture.save_capture``): someone already saved is updated, never added
twice, and only after the participant saw what Save will change in their saved details (a
match by email keeps their saved name unless they tick that it should change); Undo takes
such an update back. Widgets are named ``ii-targets-capture-<name>``.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import capture
from .. import targets as tg
from .. import undo as undo_actions
from ..i18n import N_, _
from ..records import Contact
from ..safe import escape
from ..schema import WorkspaceError
from ..typed import typed
from .controls import controls, fields
from .details import Details
from .feedback import message_html
from .page import Page
from .target_fields import LABEL, text_field
from .undo import UndoButton

__all__ = ["QuickCapture"]

_css, _button = controls("targets")  # the widgets are the page's: ii-targets-capture-<name>

# The proposal's fields, in the order a person reads a card: (field, css name, label)
FIELDS = (
    ("first_name", "first", N_("First name")),
    ("last_name", "last", N_("Last name")),
    ("position", "position", N_("Job title")),
    ("organization", "organization", N_("Organization")),
    ("email", "email", N_("Email")),
    ("phone", "phone", N_("Phone")),
    ("location", "location", N_("Location (city)")),
    ("profile_url", "url", N_("Profile URL")),
)
_LABELS = {f: label for f, _css_name, label in FIELDS}
# How a match is said ("same email"); the keys are ``capture.Match.by``.
_MATCHED_BY = {
    "profile URL": N_("profile URL"),
    "email": N_("email"),
    "name and organization": N_("name and organization"),
}


def _label(field: str) -> str:
    """A field's name inside a sentence ("job title"), in the language in use."""
    return _(_LABELS[field]).lower() if field in _LABELS else field


FORM = "targets.capture"  # what is pasted and corrected is kept as it is typed, until saved


class QuickCapture:
    """Paste text, get a proposed contact to confirm or correct, save it in one action."""

    # Built when the toggle first opens (or a test or the demo reaches for one): about seventy
    # widget models that a participant who never pastes anything never pays for.
    _PARTS = frozenset(
        {
            "text",
            "propose_button",
            "fields",
            "form",
            "save_button",
            "status",
            "edit_button",
            "kept",
            "rename",
            "undo",
        }
    )

    def __init__(self, page: Page):
        self.page = page
        self.last_report = None
        self.saved: Contact | None = None
        self.shown_match: tuple | None = None  # the changes to a saved person last shown
        self.details = Details(
            _("Paste a signature or profile text (quick capture)"),
            [],
            "ii-targets-capture",
        )
        self.details.toggle.on_click(lambda _click: self._build())
        if typed(page.ws, FORM):  # a paste from before a reload or a closed tab: show it again
            self.details.set_open(True)
            self._build()

    def __getattr__(self, name: str):
        if name in QuickCapture._PARTS and "details" in self.__dict__:
            self._build()
            return self.__dict__[name]
        raise AttributeError(name)

    def _build(self) -> None:
        if "text" in self.__dict__:
            return
        self.text = _css(
            widgets.Textarea(
                description=_("Pasted text"),
                placeholder=_(
                    "Paste an email signature, the top or experience section of a profile "
                    "page, or a row of an alumni directory"
                ),
                style=LABEL,
                rows=6,
                layout=widgets.Layout(width="95%"),
            ),
            "capture-text",
        )
        self.propose_button = _button("capture-propose", _("Suggest the details"))
        self.propose_button.on_click(self._on_propose)
        self.text.observe(self._show_propose, names="value")  # shown once there is text
        self.fields = {
            field: text_field(f"capture-{css}", _(label)) for field, css, label in FIELDS
        }
        self.form = fields(self.fields.values(), "ii-targets-capture-form")
        self.save_button = _button("capture-save", _("Save this person"), button_style="primary")
        self.save_button.on_click(self._on_save)
        self.status = _css(widgets.HTML(), "capture-status")
        # A match by email alone may be a misread paste: the saved name stays unless ticked.
        self.rename = _css(
            widgets.Checkbox(description=_("Also change their saved name"), indent=False),
            "capture-rename",
        )
        self.rename.layout.display = "none"
        self.rename.observe(lambda _change: self._preview(), names="value")
        self.undo = UndoButton("ii-targets-capture-undo", self.status, self._after_undo)
        # Once saved: the connection and shared link are the participant's to add (T2).
        self.edit_button = _button("capture-edit", _("Add how you know them"))
        self.edit_button.on_click(self._on_edit)
        self.edit_button.layout.display = "none"
        self.kept = self.page.keep_typed(FORM, {"text": self.text, **self.fields})
        self._show_form(any(w.value for w in self.fields.values()))
        self._show_propose()
        note = widgets.HTML(
            "<p class='ii-muted'>"
            + escape(
                _(
                    "The text is read on this computer; nothing is looked up online. Check "
                    "each field before saving: the workbook only suggests."
                )
            )
            + "</p>"
        )
        self.details.body.children = (
            note,
            self.text,
            widgets.HBox([self.propose_button]),
            self.form,
            self.undo.row(),
            self.rename,  # after the message that says what it would change
            widgets.HBox([self.save_button, self.edit_button]),
        )

    def widgets(self) -> Details:
        """The toggle; the paste box, the proposal and its Save button are built when it first
        opens."""
        return self.details

    def _show_form(self, shown: bool) -> None:
        """The fields and Save appear once there is a proposal to check."""
        self.form.layout.display = None if shown else "none"
        self.save_button.layout.display = None if shown else "none"

    def _show_propose(self, _change=None) -> None:
        """ "Suggest the details" appears once something is pasted."""
        self.propose_button.layout.display = None if self.text.value.strip() else "none"

    def _contact(self) -> Contact:
        return Contact(**{f: w.value for f, w in self.fields.items()}, source=capture.SOURCE)

    def _preview(self) -> str:
        """What Save would change in a saved person, in words ("" for someone new); it is
        remembered as shown, so Save never changes what the participant did not see."""
        match = capture.match_for(
            tg.load_contacts(self.page.ws), self._contact(), self.rename.value
        )
        self.shown_match = _key(match)
        if match is None:
            self.rename.layout.display = "none"
            return ""
        self.rename.layout.display = None if match.kept or self.rename.value else "none"
        by = _(_MATCHED_BY.get(match.by, match.by))
        text = " " + _("Matches {name}, already saved (same {by}):").format(
            name=match.saved.full_name, by=by
        )
        text += " " + (
            _("Save will change {changes}.").format(changes=_changes(match.changes))
            if match.changes
            else _("Save changes nothing.")
        )
        if match.kept:
            text += " " + _(
                "Their saved name stays (not {changes}) unless you tick "
                "'Also change their saved name'."
            ).format(changes=_changes(match.kept))
        return text

    def _on_propose(self, _click=None) -> None:
        if not self.text.value.strip():
            self.status.value = message_html(_("Paste some text first."), "warning")
            return
        proposal = capture.propose_contact(self.text.value)
        self.edit_button.layout.display = "none"
        for field, widget in self.fields.items():
            widget.value = getattr(proposal, field)
        self.rename.value = False
        self._show_form(True)
        matched = self._preview()
        found = [f for f in proposal.found() if f != "profile_url"]
        if not found:
            text = _(
                "The workbook found nothing it recognises in that text. Type the person's "
                "details below, or paste a signature or profile section instead."
            )
            self.status.value = message_html(text, "warning")
            return
        missing = [_label(f) for f, _css_name, _text in FIELDS[:7] if f not in found]
        several = (
            " "
            + _(
                "The text seems to list several people: these are the first one's details. "
                "Save them, then paste the next person (or import a whole list as a file above)."
            )
            if capture.several_people(self.text.value)
            else ""
        )
        said = (
            _(
                "Suggested {n} of 7 details (not found: {missing}). Check and correct them, "
                "then press Save this person."
            ).format(n=len(found), missing=_(", ").join(missing))
            if missing
            else _(
                "Suggested {n} of 7 details. Check and correct them, then press Save this person."
            ).format(n=len(found))
        )
        self.status.value = message_html(said + matched + several, "note")

    def _on_save(self, _click=None) -> None:
        contact = self._contact()
        try:
            match = capture.match_for(tg.load_contacts(self.page.ws), contact, self.rename.value)
            if _key(match) != self.shown_match:  # corrected since: show what Save will do now
                text = self._preview() + " " + _("Check this, then press Save this person again.")
                self.status.value = message_html(text.strip(), "note")
                return
            captured = capture.save_capture(self.page.ws, contact, self.rename.value)
        except (ValueError, WorkspaceError) as exc:
            self.status.value = message_html(
                _("{error} Nothing was saved.").format(error=exc), "warning"
            )
            return
        report = captured.report
        self.last_report, self.saved = report, captured.contact
        who = captured.contact.full_name  # as saved: an email match may keep the saved name
        if report.added:
            text = _("Saved {name} to your contacts.").format(name=who)
        elif report.updated:
            text = _("{name} was already in your contacts: changed {changes}.").format(
                name=who, changes=_changes(captured.match.changes)
            )
        else:
            text = _(
                "{name} was already in your contacts with these details; nothing changed."
            ).format(name=who)
        self.kept.done()  # the fields empty, and nothing kept for them any more
        self._show_form(False)
        self.rename.value, self.shown_match = False, None
        self.rename.layout.display = "none"
        self.status.value = message_html(
            text
            + " "
            + _("How do you know them? Add the connection and any shared link in the form."),
            "ok",
        )
        if captured.before is not None:
            changed = tuple(f for f, _was, _new in captured.match.changes)
            self.undo.offer(undo_actions.capture_updated(self.page.ws, captured.before, changed))
        self.edit_button.layout.display = None
        self.page.refresh_organizations()
        self.page.recompute(report.contacts)

    def _after_undo(self) -> None:
        self.page.refresh_organizations()
        self.page.recompute()

    def _on_edit(self, _click=None) -> None:
        """The saved person in step 2's contact form, opened, for what a paste can't say."""
        if self.saved is not None and self.page.edit_contact(self.saved):
            self.edit_button.layout.display = "none"

    def run_demo(self, text: str) -> None:
        """As a person would: open the toggle, paste, ask for the details, save them."""
        self.details.set_open(True)
        self.text.value = text
        self.propose_button.click()
        self.save_button.click()


def _key(match) -> tuple | None:
    """What a match would do, to compare what was shown with what Save would do."""
    return None if match is None else (match.saved.id, match.changes, match.kept)


def _changes(changes) -> str:
    """(field, was, becomes) in words: "first name Jennifer → Goldman, job title MD → VP"."""
    return _(", ").join(
        _("{field} {was} → {new}").format(field=_label(f), was=was or _("(empty)"), new=new)
        for f, was, new in changes
    )
