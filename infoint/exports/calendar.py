"""Calendar files (.ics) for the user's own calendar: reminders, the booked meeting, and the
rolling calendar of everything due (``ics_calendar``; ``reminders`` decides its SEQUENCE and
STATUS from what earlier downloads sent).

Nothing is sent: the user's calendar opens these files, and an event has no organizer or
attendees (docs/security.md "Untrusted text", Calendar). Text from imported files is escaped by
``icalendar``, so a line break or "END:VEVENT" in a note stays inside its property, and other
control characters are removed. ``icalendar`` is imported only when a calendar file is made.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..clock import zone
from ..events import Reminder
from ..i18n import _
from ._common import clean_text
from .mail import MAIL_DOMAIN, clean_header


def calendar_uid(seed: str) -> str:
    """A stable UID for an event: the same seed always gives the same UID (RFC 5545 3.8.4.7)."""
    return f"{uuid.uuid5(_UID_NAMESPACE, str(seed))}@{MAIL_DOMAIN}"


_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, MAIL_DOMAIN)


def ics_reminders(reminders: list[Reminder], tz: str) -> bytes:
    """Reminders as one .ics calendar file, one VEVENT each, in the user's time zone ``tz``.

    Each event has UID, DTSTAMP, DTSTART/DTEND with the zone (and its VTIMEZONE), SUMMARY,
    DESCRIPTION and a display alarm. Text is escaped by ``icalendar``, so "END:VEVENT" or a
    line break in a note stays inside its property; other control characters are removed.
    An unknown or empty ``tz`` means UTC (times are written with "Z"; no VTIMEZONE is needed).
    """
    events = [
        _vevent(
            r.uid_seed,
            r.summary,
            r.description,
            r.start,
            r.minutes,
            tz,
            alarm_before=r.alarm_minutes_before,
        )
        for r in reminders
    ]
    return _vcalendar(events)


def ics_event(
    *,
    uid_seed: str,
    summary: str,
    description: str,
    start: datetime,
    minutes: int,
    tz: str,
    location: str = "",
) -> bytes:
    """One meeting as an .ics file for the user's own calendar (R8), with the same guarantees as
    ``ics_reminders``.

    It has no organizer or attendees on purpose: it goes into your calendar, it is not an
    invitation sent to the other person.
    """
    return _vcalendar(
        [
            _vevent(
                uid_seed,
                summary,
                description,
                start,
                minutes,
                tz,
                location=location,
                alarm_before=60,
            )
        ]
    )


@dataclass(frozen=True)
class CalendarEntry:
    """One event of the rolling calendar (``ics_calendar``) as it goes to the user's calendar.

    ``uid`` is already made (``calendar_uid``); ``sequence`` counts its revisions (RFC 5545
    3.8.7.4: a calendar replaces an event it holds only by a higher one); ``cancelled`` sends it
    with STATUS:CANCELLED and no alarm, which is how a calendar learns it is gone.
    ``alarm_minutes_before`` None means no alarm.
    """

    uid: str
    summary: str
    description: str
    start: datetime
    minutes: int = 15
    location: str = ""
    alarm_minutes_before: int | None = 60
    sequence: int = 0
    cancelled: bool = False


def ics_calendar(entries: list[CalendarEntry], tz: str, *, stamp: datetime, name: str) -> bytes:
    """The rolling calendar: every entry as a VEVENT with its UID, SEQUENCE and STATUS, the
    file's moment ``stamp`` as every DTSTAMP, and ``name`` as the calendar's display name
    (X-WR-CALNAME). Same guarantees as ``ics_reminders`` for text and time zones."""
    events = [
        _vevent(
            "",
            e.summary,
            e.description,
            e.start,
            e.minutes,
            tz,
            location=e.location,
            alarm_before=None if e.cancelled else e.alarm_minutes_before,
            uid=e.uid,
            stamp=stamp,
            sequence=max(0, int(e.sequence)),
            status="CANCELLED" if e.cancelled else "CONFIRMED",
        )
        for e in entries
    ]
    return _vcalendar(events, name=name)


def _vevent(
    seed,
    summary,
    description,
    start,
    minutes,
    tz,
    *,
    location="",
    alarm_before=60,
    uid=None,
    stamp=None,
    sequence=None,
    status="",
):
    from icalendar import Alarm, Event  # lazy: only the calendar export needs it

    tzinfo = zone(tz)
    if start.tzinfo is None or start.tzinfo.utcoffset(start) is None:
        start = start.replace(tzinfo=tzinfo)  # a naive time means the user's local time
    local_start = start.astimezone(tzinfo)
    length = max(1, int(minutes or 0))
    event = Event()
    event.add("uid", uid or calendar_uid(seed))
    event.add("dtstamp", (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0))
    if sequence is not None:
        event.add("sequence", sequence)
    if status:
        event.add("status", status)
    event.add("dtstart", local_start)
    event.add("dtend", local_start + timedelta(minutes=length))
    event.add("summary", clean_header(summary, 500))
    event.add("description", clean_text(description))
    place = clean_header(location, 500)
    if place:
        event.add("location", place)
    if alarm_before is not None:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", clean_header(summary, 500) or _("Reminder"))
        alarm.add("trigger", timedelta(minutes=-max(0, int(alarm_before or 0))))
        event.add_component(alarm)
    return event


def _vcalendar(events, name: str = "") -> bytes:
    from icalendar import Calendar  # lazy: as above

    cal = Calendar()
    cal.add("prodid", "-//infoint//Informational interview workbook//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if clean_header(name, 200):
        cal.add("x-wr-calname", clean_header(name, 200))
    for event in events:
        cal.add_component(event)
    cal.add_missing_timezones()  # a VTIMEZONE for every TZID used (icalendar 6+)
    return cal.to_ical()
