"""Calendar files (.ics) for the user's own calendar: reminders and the booked meeting.

Nothing is sent: the user's calendar opens these files, and an event has no organizer or
attendees (docs/security.md "Untrusted text", Calendar). Text from imported files is escaped by
``icalendar``, so a line break or "END:VEVENT" in a note stays inside its property, and other
control characters are removed. ``icalendar`` is imported only when a calendar file is made.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from ..clock import zone
from ..events import Reminder
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


def _vevent(seed, summary, description, start, minutes, tz, *, location="", alarm_before=60):
    from icalendar import Alarm, Event  # lazy: only the calendar export needs it

    tzinfo = zone(tz)
    if start.tzinfo is None or start.tzinfo.utcoffset(start) is None:
        start = start.replace(tzinfo=tzinfo)  # a naive time means the user's local time
    local_start = start.astimezone(tzinfo)
    length = max(1, int(minutes or 0))
    event = Event()
    event.add("uid", calendar_uid(seed))
    event.add("dtstamp", datetime.now(UTC).replace(microsecond=0))
    event.add("dtstart", local_start)
    event.add("dtend", local_start + timedelta(minutes=length))
    event.add("summary", clean_header(summary, 500))
    event.add("description", clean_text(description))
    place = clean_header(location, 500)
    if place:
        event.add("location", place)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", clean_header(summary, 500) or "Reminder")
    alarm.add("trigger", timedelta(minutes=-max(0, int(alarm_before or 0))))
    event.add_component(alarm)
    return event


def _vcalendar(events) -> bytes:
    from icalendar import Calendar  # lazy: as above

    cal = Calendar()
    cal.add("prodid", "-//infoint//Informational interview workbook//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    for event in events:
        cal.add_component(event)
    cal.add_missing_timezones()  # a VTIMEZONE for every TZID used (icalendar 6+)
    return cal.to_ical()
