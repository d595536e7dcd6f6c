"""Step 4's meeting form (R8): date, start, length, mode and place, Book, Cancel, the .ics file.

The questions page composes one. The form reads its page's chosen person and saved meeting
(``contact``, ``meeting``, ``tz``, ``_loading``) and the meeting as the whole page shows it
(``_meeting_from_form()``, preparation and questions included). Everything typed saves as it
is typed through the page's ``prep_form`` (a time not booked yet is kept as proposed); booking
and cancelling are events, through the logic layer's ``meetings_log`` actions.
"""

from __future__ import annotations

from datetime import date, datetime, time

import ipywidgets as widgets

from .. import meetings as mt
from .. import meetings_log as mt_log
from .. import pipeline, stages
from .. import prep_sheet as ps
from ..i18n import _
from ..schema import WorkspaceError
from .controls import controls
from .download import DownloadButton
from .feedback import findings_html, message_html
from .page import Page
from .thanks_table import moment_text

__all__ = ["MeetingForm"]

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")

_css, _button = controls("questions")  # the form's widgets are the page's: ii-questions-<name>


class MeetingForm:
    """R8: when, how long, how and where; saving it moves them to "scheduled"."""

    def __init__(self, page: Page):
        self.page = page
        self.date = _css(widgets.DatePicker(description=_("Date"), style=_LABEL), "date")
        self.start = _css(
            widgets.Text(description=_("Start time (24-hour clock, e.g. 14:30)"), style=_LABEL),
            "start",
        )
        self.minutes = _css(
            widgets.BoundedIntText(
                description=_("Length in minutes"), value=30, min=10, max=120, style=_LABEL
            ),
            "minutes",
        )
        self.mode = _css(
            widgets.ToggleButtons(
                description=_("How"),
                options=[(_(mt.MODE_LABELS[m]), m) for m in mt.MODES],
                value="video",
                style=_LABEL,
            ),
            "mode",
        )
        self.place = _css(
            widgets.Text(
                description=_("Where: address, video link or phone number"),
                style=_LABEL,
                layout=_WIDE,
            ),
            "place",
        )
        self.workplace = _css(
            widgets.Checkbox(
                description=_("They offered to meet at their workplace"), indent=False
            ),
            "workplace",
        )
        self.recognise = _css(
            widgets.Text(
                description=_("How they will recognise you (in person)"), style=_LABEL, layout=_WIDE
            ),
            "recognise",
        )
        for w in (
            self.date,
            self.start,
            self.minutes,
            self.mode,
            self.place,
            self.workplace,
            self.recognise,
        ):
            w.observe(self._meeting_changed, names="value")
        self.meeting_findings = _css(widgets.HTML(), "meeting-findings")
        # A button: the time is agreed with the other person, so booking it is an event (it
        # moves them to "scheduled"); a time typed but not booked is kept as proposed.
        self.save_button = _button("save-meeting", _("Book this meeting"), button_style="primary")
        self.save_button.on_click(self.save_meeting)
        self.book_button = self.save_button
        # A button: the meeting won't happen at that time, which only the user knows; shown
        # only while a meeting is booked.
        self.cancel_button = _button("cancel-meeting", _("The meeting is cancelled"))
        self.cancel_button.layout.display = "none"
        self.cancel_button.on_click(self._on_cancel)
        self.meeting_status = _css(widgets.HTML(), "meeting-status")
        self.ics_button = _css(
            DownloadButton(
                _("Add it to my calendar (.ics)"), self._ics_file, on_error=page._failed
            ),
            "ics",
        )

    def widgets(self) -> list:
        """The form's widgets, in the order the page shows them."""
        return [
            self.date,
            self.start,
            self.minutes,
            self.mode,
            self.place,
            self.workplace,
            self.recognise,
            self.meeting_findings,
            widgets.HBox([self.save_button, self.cancel_button]),
            self.meeting_status,
            self.ics_button,
        ]

    def show(self, m: mt.Meeting, local: bool, proposed: dict | None = None) -> None:
        """Fill the form from a meeting (a new one: in person if ``local``, else by video),
        with the time typed but not booked yet when there is one (``proposed``)."""
        start = mt.start_time(m.starts_at, self.page.tz)
        self.date.value = start.date() if start else None
        self.start.value = start.strftime("%H:%M") if start else ""
        self.minutes.value = max(10, min(120, m.minutes or 30))
        if proposed is not None:
            try:
                self.date.value = date.fromisoformat(proposed["date"]) if proposed["date"] else None
            except ValueError:
                self.date.value = None
            self.start.value = proposed["start"]
            self.minutes.value = max(10, min(120, proposed["minutes"]))
        self.mode.value = (
            m.mode
            if m.id is not None and m.mode in mt.MODES
            else ("in person" if local else "video")
        )
        self.place.value, self.workplace.value, self.recognise.value = (
            m.place,
            m.their_workplace,
            m.recognise,
        )

    def starts_at(self) -> str:
        """The start the form shows, as an ISO time in the page's zone; "" if incomplete."""
        starts_at = ""
        if self.date.value is not None:
            try:
                clock = (
                    time.fromisoformat(self.start.value.strip())
                    if self.start.value.strip()
                    else None
                )
            except ValueError:
                clock = None
            if clock is not None:
                starts_at = datetime.combine(
                    self.date.value, clock, pipeline.zone(self.page.tz)
                ).isoformat()
        return starts_at

    def proposed(self) -> dict | None:
        """The time the form shows when it is not the booked one (date, start as typed,
        minutes), else None: what is kept until it is booked."""
        page = self.page
        booked = page.meeting
        start_text = self.start.value.strip()
        if booked is None or (self.date.value is None and not start_text and not booked.starts_at):
            return None
        if self.starts_at() == booked.starts_at and int(self.minutes.value) == booked.minutes:
            return None
        return {
            "date": self.date.value.isoformat() if self.date.value else "",
            "start": start_text,
            "minutes": int(self.minutes.value),
        }

    def show_booking(self) -> None:
        """Say whether the time shown is booked, or typed and still to book."""
        if self.proposed() is not None:
            text = _(
                "Kept, not booked yet: when you have agreed this time with them, "
                "press Book this meeting."
            )
        elif self._booked():
            text = _("Booked.")
        else:
            text = _("No meeting booked yet: fill in the date, time and place.")
        self.meeting_status.value = message_html(text, "note")
        self.cancel_button.layout.display = None if self._booked() else "none"

    def _booked(self) -> bool:
        meeting = self.page.meeting
        return meeting is not None and meeting.id is not None and bool(meeting.starts_at)

    def _meeting_changed(self, change=None) -> None:
        page = self.page
        if page._loading or page.meeting is None:
            return
        self.update_meeting_findings()
        if change is not None and change["owner"] in (self.mode, self.workplace):
            page._draw_checklists(page._meeting_from_form())
        page.prep_form.changed()
        self.show_booking()

    def update_meeting_findings(self) -> None:
        """Check the meeting as the form shows it (R8) and show what is missing."""
        page = self.page
        meeting = page._meeting_from_form()
        problems = mt.check_meeting(meeting, page.tz, page.now())
        if self.date.value is not None and self.start.value.strip() and not meeting.starts_at:
            self.meeting_findings.value = message_html(
                _("Write the start time like 14:30 (24-hour clock)."), "warning"
            )
            return
        self.meeting_findings.value = findings_html(
            problems, _("Everything needed for the meeting is here.")
        )

    def save_meeting(self, _click=None) -> bool:
        """Book the meeting (the whole form, preparation included); a new or moved start time
        is logged so the pipeline shows "scheduled"."""
        page = self.page
        if page.contact is None:
            return False
        meeting = page._meeting_from_form()
        if not meeting.starts_at:
            self.meeting_status.value = message_html(
                _("Add the date and the start time first."), "warning"
            )
            return False
        try:
            mt_log.book_meeting(page.ws, meeting, at=page.now())
        except WorkspaceError as exc:
            self.meeting_status.value = message_html(
                _("Not booked: {reason}").format(reason=exc), "warning"
            )
            return False
        page.meeting = meeting
        self.cancel_button.layout.display = None  # booked: it can be cancelled now
        page.prep_form.discard()  # booking wrote the whole form
        page._events = stages.events_by_contact(page.ws)
        start = mt.start_time(meeting.starts_at, page.tz)
        self.meeting_status.value = message_html(
            _("Booked: {when}, {minutes} minutes. Add it to your calendar below.").format(
                when=moment_text(start, "day_at"), minutes=meeting.minutes
            ),
            "ok",
        )
        return True

    def _on_cancel(self, _click=None) -> None:
        page = self.page
        if page.meeting is None or page.meeting.id is None:
            self.meeting_status.value = message_html(
                _("There is no booked meeting to cancel."), "warning"
            )
            return
        page.prep_form.flush()  # what was typed is kept; the booked time is what is cancelled
        try:
            mt_log.cancel_meeting(page.ws, page.meeting, at=page.now())
        except WorkspaceError as exc:
            self.meeting_status.value = message_html(
                _("Not saved: {reason}").format(reason=exc), "warning"
            )
            return
        page._events = stages.events_by_contact(page.ws)
        page.select(page.contact.id)
        self.meeting_status.value = message_html(
            _("Marked as cancelled. If you agree a new time, fill it in and book it again."), "ok"
        )

    def _ics_file(self) -> tuple[str, str, bytes]:
        page = self.page
        data = ps.meeting_ics(
            contact=page.contact,
            organization=page.organization,
            meeting=page._meeting_from_form(),
            tz=page.tz,
        )
        if data is None:
            raise ValueError(_("add the date and start time first"))
        name = ps.prep_sheet_filename(page.contact, page.meeting, "html").replace(
            "prep-sheet", "meeting", 1
        )
        return name[: -len(".html")] + ".ics", "text/calendar", data
