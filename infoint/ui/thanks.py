"""Step 6's page: the thank-you within 48 hours, the introducer's thanks, and staying in touch.

Everything typed saves as it is typed, per person: each note (``ui/notes.py``) and what was
typed to have the notes written (``thanks_log.save_note_inputs``). There is no Save button.
"""

from __future__ import annotations

from datetime import datetime

import ipywidgets as widgets

from .. import action_items, outreach_log, pipeline, stages, stay_in_touch, thanks_log
from .. import debrief as db
from .. import targets as tg
from .. import thanks as th
from ..i18n import N_, _
from ..objectives import load_profile
from ..progress import pipeline_settings
from ..records import DEFAULT_CADENCE_DAYS
from ..safe import escape
from ..workspace import Workspace
from .autosave import state_view
from .controls import controls, fields
from .details import Details
from .download import DownloadButton
from .feedback import STYLE, message_html
from .notes import Note, WrittenIn
from .page import Page
from .section import section
from .thanks_table import (
    CADENCES,
    deadline_text,
    introducer_text,
    next_update_text,
    person_label,
    thanks_table_html,
)
from .writeup import WriteUp

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")


_css, _button = controls("thanks")


class ThanksPage(Page):
    """The views of 06_send_thanks, bound to one workspace."""

    # The sections in the order the notebook shows them, each with its heading in the app
    # (tests/test_hygiene.py: the notebook calls exactly these, in this order).
    SECTIONS = (
        ("choose_section", N_("Whom to thank")),
        ("thanks_section", N_("Your thank-you")),
        ("introducer_section", N_("Thank whoever introduced you")),
        ("stay_in_touch_section", N_("Stay in touch")),
        ("overview_section", N_("Everyone you met")),
        ("writeup_section", N_("Your assignment write-up")),
    )

    def __init__(self, ws: Workspace, now: datetime | None = None):
        self.ws = ws
        self._now = now
        self.profile = load_profile(ws)
        self.settings = pipeline_settings(ws)
        self.contact: tg.Contact | None = None
        self.hints: list[str] = []
        self.known_words = set(self.profile.name.split())
        self._loading = False
        self.person = _css(
            widgets.Dropdown(
                description=_("Person you met"),
                options=[],
                style=_LABEL,
                layout=widgets.Layout(width="80%"),
            ),
            "person",
        )
        self.person.observe(lambda _: self.select(self.person.value), names="value")
        self.deadline = _css(widgets.HTML(), "deadline")
        self.written_in = WrittenIn(self)  # the person's language, unless chosen otherwise
        self.specific = _css(
            widgets.Combobox(
                description=_("Something specific from your conversation"),
                options=[],
                ensure_option=False,
                style=_LABEL,
                layout=_WIDE,
            ),
            "specific",
        )
        self.suggestion = _css(
            widgets.Text(description=_("Something they suggested"), style=_LABEL, layout=_WIDE),
            "suggestion",
        )
        self.suggestion_status = _css(
            widgets.Text(
                description=_("What you did about it, or when you will"), style=_LABEL, layout=_WIDE
            ),
            "suggestion-status",
        )
        self.card = _css(
            widgets.Checkbox(
                description=_("I have their postal address: write a handwritten card as well"),
                indent=False,
            ),
            "card",
        )
        self.compose_button = _button("compose", _("Write the thank-you for me"))
        self.compose_button.on_click(self._on_compose)
        self.note = Note(self, "note", "thanks", _("I sent the thank-you"))
        self.card_text = _css(
            widgets.Textarea(
                description=_("Card text (to copy by hand)"),
                style=_LABEL,
                layout=widgets.Layout(width="95%", height="9em", display="none"),
            ),
            "card-text",
        )
        # What the user types to have the notes written: kept per person, as it is typed.
        self._inputs_for: int | None = None  # the person the inputs were filled for
        self.inputs_form = self.autosave(self._save_inputs, active=lambda: not self._loading)
        self.inputs_form.watch(self.specific, self.suggestion, self.suggestion_status, self.card)
        self.inputs_form.watch(self.card_text, self.written_in.choice)
        self.inputs_save_status = state_view(self.inputs_form.state, "ii-thanks-inputs-save-state")
        self.gifts = _css(widgets.HTML(STYLE + message_html(_(th.GIFT_GUIDANCE), "note")), "gifts")
        # S3
        self.intro_box = _css(widgets.VBox(), "intro")
        self.outcome = _css(
            widgets.Text(description=_("What came of it"), style=_LABEL, layout=_WIDE), "outcome"
        )
        self.inputs_form.watch(self.outcome)
        self.intro_compose = _button("intro-compose", _("Write the thank-you to the introducer"))
        self.intro_compose.on_click(self._on_intro_compose)
        self.intro = Note(self, "intro", "intro_thanks", _("I thanked the introducer"))
        # S4
        self.cadence = _css(
            widgets.Dropdown(
                description=_("Send a short update"),
                options=[(_(label), days) for label, days in CADENCES],
                value=DEFAULT_CADENCE_DAYS,
                style=_LABEL,
            ),
            "cadence",
        )
        self.cadence.observe(self._on_cadence, names="value")
        self.next_update = _css(widgets.HTML(), "next-update")
        self.progress_text = _css(
            widgets.Text(description=_("Your news since you spoke"), style=_LABEL, layout=_WIDE),
            "progress",
        )
        self.inputs_form.watch(self.progress_text)
        self.update_compose = _button("update-compose", _("Write an update for me"))
        self.update_compose.on_click(self._on_update_compose)
        self.update = Note(self, "update", "update", _("I sent the update"))
        self.logged = _button("log-contact", _("We were in touch another way"))
        self.logged.on_click(self._on_logged)
        self.reminders = _css(
            DownloadButton(
                _("Calendar reminders for all updates (.ics)"), self._ics, on_error=self._failed
            ),
            "ics",
        )
        self.table = _css(widgets.HTML(), "table")
        self.status = _css(widgets.HTML(), "status")
        self.writeup = WriteUp(self)  # the assignment write-up of one interview (ui/writeup.py)
        self.refresh()

    def run_demo(self) -> None:
        """As a person would, the day after the meeting."""
        if not self.person.options:
            return
        self.person.value = self.person.options[0][1]
        if self.specific.options:
            self.specific.value = self.specific.options[0]
        self.suggestion.value = "the book on interviewing users"
        self.suggestion_status.value = "I've ordered it and will start it this week"
        self.compose_button.click()
        self.note.sent.click()
        self.writeup.run_demo()

    # -- sections -------------------------------------------------------------------------------
    @section
    def choose_section(self) -> widgets.VBox:
        """Whom to thank, and the 48-hour deadline (S1)."""
        return widgets.VBox(
            [widgets.HTML(STYLE), self.person, self.deadline, *self.written_in.widgets()]
        )

    @section
    def thanks_section(self) -> widgets.VBox:
        """S2: a personal note: something specific, and what you did about their suggestion."""
        return fields(
            [
                self.specific,
                self.suggestion,
                self.suggestion_status,
                self.card,
                self.inputs_save_status,
                widgets.HBox([self.compose_button]),
                *self.note.widgets(),
                self.card_text,
                Details(_("Cards and gifts: what fits"), [self.gifts], "ii-thanks-gifts-more"),
            ]
        )

    @section
    def introducer_section(self) -> widgets.VBox:
        """S3: whoever introduced you hears how it went."""
        return self.intro_box

    @section
    def stay_in_touch_section(self) -> widgets.VBox:
        """S4: a short update every few months, not only when you need something."""
        return fields(
            [
                self.cadence,
                self.next_update,
                self.progress_text,
                widgets.HBox([self.update_compose]),
                *self.update.widgets(),
                widgets.HBox([self.logged]),
                self.reminders,
                self.status,
            ]
        )

    @section
    def overview_section(self) -> widgets.VBox:
        """Everyone you met: thanks on time or not, introducer thanked, next update."""
        return self.table

    @section
    def writeup_section(self) -> widgets.VBox:
        """A course assignment: one interview written up, with what is still empty."""
        return self.writeup.widgets()

    # -- state -------------------------------------------------------------------------------------
    def refresh(self, keep: int | None = None) -> None:
        """People you met, newest meeting first; the overview table."""
        self._read_met()
        met, order = self.met, self._order()
        self._loading = True
        self.person.options = [self._person_option(cid) for cid in order]
        self._loading = False
        if order:
            chosen = keep if keep in met else order[0]
            if self.person.value == chosen:
                self.select(chosen)
            else:
                self.person.value = chosen  # its observer shows them
        else:
            self.deadline.value = message_html(
                _("Nobody to thank yet: after a meeting, mark it as held in step 5."), "note"
            )
        self._draw_table()
        self.writeup.draw()

    def _read_met(self) -> None:
        """Contacts, events and everyone met with their thank-you, read again."""
        self.contacts = {c.id: c for c in tg.load_contacts(self.ws)}
        self.events = stages.events_by_contact(self.ws)
        thanked = {
            cid: th.thank_you(cid, evs, self.now(), self.settings.tz)
            for cid, evs in self.events.items()
            if cid in self.contacts
        }
        self.thanks = {cid: t for cid, t in thanked.items() if t is not None}
        self.met = {cid: t.met_at for cid, t in self.thanks.items()}
        self.known_words = outreach_log.known_words(self.ws, self.profile.name)  # R3, as step 3

    def _order(self) -> list[int]:
        """Everyone met, the newest meeting first."""
        return sorted(self.met, key=lambda cid: self.met[cid], reverse=True)

    def _sent_at(self, cid: int, kind: str):
        times = [e.at for e in self.events.get(cid, []) if e.kind == kind]
        return max(times) if times else None

    def _status(self, cid: int) -> str:
        return self.thanks[cid].status

    def _person_option(self, cid: int) -> tuple[str, int]:
        return person_label(self.contacts[cid].full_name, self._status(cid)), cid

    def select(self, contact_id) -> None:
        """Show one person: deadline, what to thank them for, the introducer, the update rhythm."""
        if self._loading or contact_id not in getattr(self, "met", {}):
            return
        self.flush()  # what was typed for the person shown so far is kept for them
        self.contact = self.contacts[contact_id]
        tz = pipeline.zone(self.settings.tz)
        due = self.thanks[contact_id].due
        status = self._status(contact_id)
        self.deadline.value = message_html(
            deadline_text(status, due.astimezone(tz)),
            "warning" if status == "overdue" else "note",
        )
        debriefs = [d for d in db.load_debriefs(self.ws) if d.contact_id == contact_id]
        self.hints = [h for d in debriefs for h in db.insight_choices(d)]
        items = action_items.load_action_items(self.ws, contact_id)
        self.specific.options = self.hints
        typed = thanks_log.load_note_inputs(self.ws, contact_id)
        self._loading = True  # what the workspace holds, not an edit
        try:
            self.specific.value = typed.get("specific", "")
            self.suggestion.value = typed.get("suggestion", items[0].text if items else "")
            self.suggestion_status.value = typed.get(
                "suggestion_status", "" if not items else (_("Done") if items[0].done else "")
            )
            self.card.value = typed.get("card", False)
            self.card_text.value = typed.get("card_text", "")
            self.card_text.layout.display = None if self.card_text.value else "none"
            self.outcome.value = typed.get("outcome", "")
            self.progress_text.value = typed.get("progress", "")
            self.written_in.show(self.contact, typed.get("language"))
        finally:
            self._loading = False
        self._inputs_for = contact_id
        self.inputs_form.discard()
        self.redraft()
        cadence = (
            DEFAULT_CADENCE_DAYS if self.contact.cadence_days is None else self.contact.cadence_days
        )
        self._loading = True
        self.cadence.value = (
            cadence if cadence in [v for _, v in CADENCES] else DEFAULT_CADENCE_DAYS
        )
        self._loading = False
        self._draw_next_update()

    def redraft(self) -> None:
        """The three notes in the language chosen: the ones saved as they are (a note says so
        on a change of language), the others written anew."""
        lang = self.written_in.value
        saved = self.note.saved_draft(), self.update.saved_draft()
        self.note.fill(
            saved[0] or th.compose_thanks(self.profile, self.contact, language=lang),
            self.contact.email,
        )
        self._draw_intro()
        self.update.fill(
            saved[1] or th.compose_update(self.profile, self.contact, language=lang),
            self.contact.email,
        )
        self.written_in.kept(any(saved) or self.intro.saved_draft() is not None)

    def suggestion_hints(self) -> list[str]:
        """The suggested item, for the S2 check that its status is mentioned."""
        return [self.suggestion.value] if self.suggestion.value.strip() else []

    def _on_compose(self, _click=None) -> None:
        if self.contact is None:
            return
        args = {
            "specific": self.specific.value.strip(),
            "suggestion": self.suggestion.value.strip(),
            "suggestion_status": self.suggestion_status.value.strip(),
        }
        self.note.fill(
            th.compose_thanks(self.profile, self.contact, language=self.written_in.value, **args),
            self.contact.email,
            written=True,
        )
        self.card_text.layout.display = None if self.card.value else "none"
        if self.card.value:
            self.card_text.value = th.compose_thanks(
                self.profile, self.contact, card=True, language=self.written_in.value, **args
            ).body

    def _save_inputs(self) -> None:
        """The autosave of what was typed to have the notes written, for the person it was
        filled for (one transaction)."""
        if self._inputs_for is None:
            return
        thanks_log.save_note_inputs(
            self.ws,
            self._inputs_for,
            {
                "specific": self.specific.value,
                "suggestion": self.suggestion.value,
                "suggestion_status": self.suggestion_status.value,
                "card": bool(self.card.value),
                "card_text": self.card_text.value,
                "outcome": self.outcome.value,
                "progress": self.progress_text.value,
                "language": self.written_in.value,
            },
        )

    # -- S3 ----------------------------------------------------------------------------------------
    def _introducer(self) -> str:
        c = self.contact
        intro = any(e.kind == pipeline.INTRO_REQUESTED for e in self.events.get(c.id, []))
        return c.via.strip() or (_("the person who introduced you") if intro else "")

    def _draw_intro(self, compose: bool = False) -> None:
        """The introducer's part: their saved note, else (or when ``compose``) one written
        from what came of it."""
        name = self._introducer()
        if not name:
            self.intro_box.children = (
                widgets.HTML("<p>" + escape(introducer_text("", False)) + "</p>"),
            )
            return
        done = self._sent_at(self.contact.id, pipeline.INTRO_THANKS_SENT)
        self.intro_box.children = (
            widgets.HTML(f"<p>{escape(introducer_text(name, bool(done)))}</p>"),
            self.outcome,
            widgets.HBox([self.intro_compose]),
            *self.intro.widgets(),
        )
        introducer = next(
            (c for c in self.contacts.values() if tg.fold(c.full_name) == tg.fold(name)), None
        )
        saved = None if compose else self.intro.saved_draft()
        self.intro.fill(
            saved
            or th.compose_intro_thanks(
                self.profile,
                name,
                self.contact,
                outcome=self.outcome.value.strip(),
                language=self.written_in.value,
            ),
            introducer.email if introducer else "",
            written=compose,
        )

    def _on_intro_compose(self, _click=None) -> None:
        if self.contact is not None:
            self._draw_intro(compose=True)

    # -- S4 ----------------------------------------------------------------------------------------
    def _draw_next_update(self) -> None:
        tz = pipeline.zone(self.settings.tz)
        actions = pipeline.actions_for(
            self.contact, self.events.get(self.contact.id, []), self.now(), self.settings
        )
        update = next((a for a in actions if a.kind == "update"), None)
        due = None if update is None else update.due.astimezone(tz)
        self.next_update.value = message_html(next_update_text(self.cadence.value, due), "note")

    def _on_cadence(self, change) -> None:
        if self._loading or self.contact is None:
            return
        thanks_log.set_cadence(self.ws, self.contact.id, change["new"])
        self.contact.cadence_days = change["new"]
        self._draw_next_update()
        self._draw_table()
        self.status.value = message_html(_("Saved."), "ok")

    def _on_update_compose(self, _click=None) -> None:
        if self.contact is not None:
            self.update.fill(
                th.compose_update(
                    self.profile,
                    self.contact,
                    progress=self.progress_text.value.strip(),
                    language=self.written_in.value,
                ),
                self.contact.email,
                written=True,
            )

    def _on_logged(self, _click=None) -> None:
        if self.contact is None:
            return
        thanks_log.log_contact(self.ws, self.contact.id, at=self.now())
        self.status.value = message_html(_("Noted: the next update moves on from today."), "ok")
        self.refresh(keep=self.contact.id)

    def _ics(self) -> tuple[str, str, bytes]:
        met = [c for c in self.contacts.values() if c.id in self.met]
        data = stay_in_touch.stay_in_touch_calendar(met, self.events, self.now(), self.settings.tz)
        return "stay-in-touch-reminders.ics", "text/calendar", data

    def _failed(self, exc: Exception) -> None:
        self.status.value = message_html(
            _("The file could not be made: {reason}").format(reason=exc), "warning"
        )

    def live_refresh(self) -> None:
        """Everyone met (a meeting marked as held in step 5 adds them), their thank-you and
        next update follow changes made elsewhere; the note shown is left as it is."""
        if self.person.value is None:
            self.refresh()
            return
        self._read_met()
        options = [self._person_option(cid) for cid in self._order()]
        if not self.keep_choice(self.person, options):
            self.refresh()
            return
        self._draw_table()
        self.writeup.draw()

    def _draw_table(self) -> None:
        self.table.value = thanks_table_html(self.contacts, self.events, self.now(), self.settings)
