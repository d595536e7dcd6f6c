"""S4, staying in touch: a short update on your progress every few months, at most about
three a year, asking for nothing; and calendar reminders for them that ring at 9:00.

Any exchange restarts the clock (a meeting, the thank-you, an update, any contact logged).
Pure: events in, due dates out; times are aware UTC datetimes (``clock``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, time, timedelta

from .clock import add_days, aware, zone
from .events import CONTACT_LOGGED, MET, THANKS_SENT, UPDATE_SENT, Event, Reminder
from .i18n import _
from .records import DEFAULT_CADENCE_DAYS, STEP_NOTEBOOKS, Contact
from .safe import one_line as _one_line
from .stages import stage

MAX_UPDATES_PER_YEAR = 3  # S4: no more than about three a year


# S4: any exchange restarts the stay-in-touch clock (the same kinds as pipeline's last touch).
TOUCH_KINDS: tuple[str, ...] = (MET, THANKS_SENT, UPDATE_SENT, CONTACT_LOGGED)


REMINDER_HOUR = 9  # S4: calendar reminders ring at 9:00 local time, never at night


_YEAR_DAYS = 365


_MAX_CADENCE = 3650


def next_update(
    last_contact: datetime,
    cadence_days: int | None,
    updates_last_year: int | Iterable[datetime],
    tz: str,
) -> datetime | None:
    """S4: when to send the next short update, or None when you turned updates off.

    ``cadence_days`` after ``last_contact`` (counted in days in ``tz``, same clock time), the
    contact's own cadence or ``DEFAULT_CADENCE_DAYS`` (91) when None; 0 means off. At most
    ``MAX_UPDATES_PER_YEAR`` (3) updates in any 365 days: ``updates_last_year`` is the list of
    times updates were sent (exact: the next one waits until the third most recent is a year
    old), or just their number (then, at 3 or more, it waits a year from ``last_contact``,
    which is always enough). Naive times are read as local time in ``tz``; the result is too.
    """
    tzinfo = zone(tz)
    if cadence_days is None:
        days = DEFAULT_CADENCE_DAYS
    else:
        try:
            days = int(cadence_days)
        except (TypeError, ValueError, OverflowError):
            days = DEFAULT_CADENCE_DAYS
        if days == 0:
            return None
        if days < 0:
            days = DEFAULT_CADENCE_DAYS
    days = min(days, _MAX_CADENCE)
    last = aware(last_contact, tzinfo)
    due = add_days(last, days, tzinfo)
    if isinstance(updates_last_year, bool):
        updates_last_year = int(updates_last_year)
    if isinstance(updates_last_year, int):
        if updates_last_year >= MAX_UPDATES_PER_YEAR:
            due = max(due, add_days(last, _YEAR_DAYS, tzinfo))
    else:
        sent = sorted(
            aware(t, tzinfo) for t in (updates_last_year or ()) if isinstance(t, datetime)
        )
        if len(sent) >= MAX_UPDATES_PER_YEAR:
            due = max(due, add_days(sent[-MAX_UPDATES_PER_YEAR], _YEAR_DAYS, tzinfo))
    return due.astimezone(tzinfo)


def _reminder_start(due: datetime, now: datetime, tzinfo) -> datetime:
    """9:00 local on the day it is due; if that has passed, the next 9:00 after ``now``."""
    day = due.astimezone(tzinfo).date()
    start = datetime.combine(day, time(REMINDER_HOUR), tzinfo=tzinfo)
    if start < now:
        local_now = now.astimezone(tzinfo)
        start = datetime.combine(local_now.date(), time(REMINDER_HOUR), tzinfo=tzinfo)
        if start < now:
            start = datetime.combine(
                local_now.date() + timedelta(days=1), time(REMINDER_HOUR), tzinfo=tzinfo
            )
    return start


def stay_in_touch_reminders(
    contacts: Iterable[Contact],
    events_by_contact: Mapping[int, Iterable[Event]],
    now: datetime,
    tz: str,
) -> list[Reminder]:
    """S4: a calendar reminder (``exports.Reminder``, for ``exports.ics_reminders``) per person
    to send an update to, at ``next_update``.

    Only people you have thanked (a THANKS_SENT event) get one; archived contacts, contacts
    you moved on from and those with updates turned off (``cadence_days`` 0) don't. Any
    exchange in ``TOUCH_KINDS`` (met, thanks, update, logged contact) restarts the clock, and
    the updates sent count towards the three-a-year cap. Each reminder rings at 9:00 local
    time on the day (or the next 9:00 when that is already past) and keeps one UID per
    person, so a re-exported file replaces the old reminder instead of adding another.
    """
    tzinfo = zone(tz)
    now = aware(now)
    out = []
    for contact in contacts:
        if not isinstance(contact, Contact) or contact.id is None or contact.archived:
            continue
        events = [e for e in events_by_contact.get(contact.id, ()) if isinstance(e, Event)]
        if not any(e.kind == THANKS_SENT for e in events) or stage(events) == "moved_on":
            continue
        last = max(e.at for e in events if e.kind in TOUCH_KINDS)
        updates = [e.at for e in events if e.kind == UPDATE_SENT]
        due = next_update(last, contact.cadence_days, updates, tz)
        if due is None:
            continue
        name = _one_line(contact.full_name, 80)
        organization = _one_line(contact.organization, 80)
        who = (
            _("{name} ({organization})").format(name=name, organization=organization)
            if organization
            else name
        )
        # The participant's calendar: in the participant's language.
        description = "\n".join(
            [
                _("It has been a while since you were last in touch with {who}.").format(who=who),
                _(
                    "Send a short update on your progress: what you did since you spoke, "
                    "ideally with their advice. Ask for nothing; no reply needed."
                ),
                _("Draft it in step 6 of the workbook ({notebook}).").format(
                    notebook=STEP_NOTEBOOKS["thanks"]
                ),
            ]
        )
        out.append(
            Reminder(
                uid_seed=f"stay_in_touch:{contact.id}",
                summary=_("Send {name} a short update").format(name=name),
                description=description,
                start=_reminder_start(due, now, tzinfo),
            )
        )
    return sorted(out, key=lambda r: (r.start, r.uid_seed))


def stay_in_touch_calendar(
    met: Iterable[Contact],
    events_by_contact: Mapping[int, Iterable[Event]],
    now: datetime,
    tz: str,
) -> bytes:
    """S4: the stay-in-touch reminders of everyone met as one .ics file; ValueError saying why
    when there is none to put in it (nobody thanked yet, or every update turned off)."""
    from .exports import ics_reminders  # lazy: the calendar writer loads only when asked for

    people = list(met)
    reminders = stay_in_touch_reminders(people, events_by_contact, now, tz)
    if not reminders:
        thanked = [
            c for c in people if any(e.kind == THANKS_SENT for e in events_by_contact.get(c.id, []))
        ]
        if thanked and all(c.cadence_days == 0 for c in thanked):
            raise ValueError(_("every person you thanked is set to 'no updates'"))
        raise ValueError(_("no updates are planned yet: send a thank-you first"))
    return ics_reminders(reminders, tz)
