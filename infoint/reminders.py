"""Reminders that live outside the app: one rolling calendar file (.ics) here, and a "my week"
mail draft (.eml) to yourself (``reminders_week``).

A notebook can't notify anyone, and follow-through is where informational interviews fail, so
what is due leaves the workbook in files the user's own calendar and mail client open. Both
read the one derivation of what is due, ``progress.todays_agenda`` (follow-ups, calls,
thank-you deadlines, D4 action items, S4 updates...), only with a wider window: everything
open for the calendar, seven days for the week; and each booked meeting the pipeline is
preparing for (its "prepare" item), at its time, from step 4's record.

Why the calendar keeps a memory: a calendar replaces an event it holds only when the new copy
has the same UID and a higher SEQUENCE (RFC 5545 3.8.7.4), and it never removes an event
because a newer file lacks it. So each download records, per event, what it last sent, in
``meta`` rows ``calendar.event.<contact id>.<uid>``. A changed event goes with SEQUENCE + 1; an
event no longer due (done, cancelled, moved on from) goes with STATUS:CANCELLED and SEQUENCE + 1
and keeps going for ``KEEP_CANCELLED_DAYS`` in case a download was skipped. A calendar that
imports the file keeps a cancelled event, marked cancelled (khal lists it so); one that
subscribes to or syncs the file drops what the file no longer holds. A meeting whose time has
passed is history: it is left alone, not cancelled. When the demo is removed, what was sent
about its people stays as records tied to no one and with no name (``forget_people``), so the
next download still cancels those events.

When reminders ring (in the user's zone, ``Settings.tz``): at the due time, moved into the
day (9:00 to 20:00); a deadline (the S1 thank-you, answering a yes) two hours before it, the
evening before if that is at night; an action item at 9:00 on its day. What is already due
rings at the next quarter hour after the download, a quarter hour apart when there are several,
and keeps the time the calendar was sent until that day has passed: downloading again with
nothing changed changes nothing (and rings nothing again).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta

from . import i18n, targets
from . import meetings as mt
from .action_items import ACTION_ITEM_KIND
from .clock import aware, spoken, zone
from .exports import CalendarEntry, calendar_uid, ics_calendar
from .i18n import N_, _
from .progress import pipeline_settings, todays_agenda
from .records import STEPS
from .safe import one_line
from .text import fold
from .workspace import Workspace

CALENDAR_NAME = N_("Informational interviews: what is due")
CALENDAR_FILENAME = "informational-interviews-reminders.ics"
META_PREFIX = "calendar.event."  # + "<contact id or ->.<uid>"
KEEP_CANCELLED_DAYS = 30  # a cancellation is sent again for a month: a skipped download is fine
REMINDER_MINUTES = 15
DAY_FROM, DAY_UNTIL = time(9), time(20)  # reminders never ring at night
DEADLINE_KINDS = frozenset({"thanks", "schedule"})  # due = the last moment (S1, R8)
DEADLINE_LEAD = timedelta(hours=2)
MEETING_KIND = "meeting"
MEETING_ALARM_MINUTES = 60
REMOVED_KIND = "removed"  # what was sent about a person who is gone (the demo's): no name
REMOVED_SUMMARY = N_("A reminder from the workbook's demo (removed)")
GONE_WHY = {
    "": N_("No longer due: done, cancelled or let go in the workbook."),
    REMOVED_KIND: N_("No longer due: it came from the workbook's demo, which was removed."),
}

# A calendar title per agenda kind (pipeline.ACTION_KINDS, "request", D4 action items).
TITLES = {
    "request": N_("Write your request"),
    "follow_up": N_("Follow up"),
    "call": N_("Call"),
    "move_on": N_("Let it go"),
    "second_contact": N_("Second contact"),
    "schedule": N_("Book the meeting"),
    "prepare": N_("Prepare your meeting"),
    "debrief": N_("Debrief your meeting"),
    "thanks": N_("Thank-you due"),
    "intro_thanks": N_("Thank the introducer"),
    "update": N_("Stay-in-touch update"),
    ACTION_ITEM_KIND: N_("Action item"),
    MEETING_KIND: N_("Informational interview"),
}
_STEP_OF_NOTEBOOK = {s.notebook: s for s in STEPS}


@dataclass(frozen=True)
class DueEvent:
    """One thing due, as the calendar and the week's draft show it.

    ``due`` and ``overdue`` are the agenda's; ``start`` is when the reminder rings (or the
    meeting starts), aware UTC; ``seed`` names what it is about (``calendar_uid``).
    """

    seed: str
    kind: str
    contact_id: int | None
    summary: str
    todo: str
    step: str
    due: datetime
    overdue: bool
    start: datetime
    minutes: int = REMINDER_MINUTES
    location: str = ""
    alarm_minutes_before: int = 0
    floating: bool = False  # already due: ``start`` is the next quarter hour after now

    @property
    def uid(self) -> str:
        """The event's UID: the same thing due always gets the same one."""
        return calendar_uid(self.seed)


@dataclass(frozen=True)
class CalendarFile:
    """What a calendar download made: the file and what it tells the calendar."""

    filename: str
    data: bytes
    due: int  # events that are due (STATUS:CONFIRMED): exactly the items of ``due_events``
    new: int  # of those, sent for the first time
    changed: int  # of those, changed since the last download (SEQUENCE went up)
    cancelled: int  # events no longer due, sent as STATUS:CANCELLED


# --------------------------------------------------------------------------------- what is due


def reminder_start(kind: str, due: datetime, now: datetime, tz: str) -> datetime:
    """When a reminder for an item due at ``due`` rings (aware UTC); see the module's rules."""
    tzinfo, now = zone(tz), aware(now)
    t = _planned(kind, due, tzinfo)
    if t <= now:
        return _next_quarter(now, tzinfo)
    local = t.astimezone(tzinfo)
    if DAY_FROM <= local.time() < DAY_UNTIL:
        return t
    day = local.date()
    if kind in DEADLINE_KINDS:  # earlier, never after the deadline: the evening before
        evening = day if local.time() >= DAY_UNTIL else day - timedelta(days=1)
        moved = datetime.combine(evening, DAY_UNTIL, tzinfo=tzinfo) - timedelta(minutes=15)
        return aware(moved) if aware(moved) >= now else t
    morning = day if local.time() < DAY_FROM else day + timedelta(days=1)
    return aware(datetime.combine(morning, DAY_FROM, tzinfo=tzinfo))


def _planned(kind: str, due: datetime, tzinfo) -> datetime:
    """When the reminder would ring if nothing were already due (before the day's hours)."""
    due = aware(due)
    if kind == ACTION_ITEM_KIND:
        t = datetime.combine(due.astimezone(tzinfo).date(), DAY_FROM, tzinfo=tzinfo)
    elif kind in DEADLINE_KINDS:
        t = due - DEADLINE_LEAD
    else:
        t = due
    return aware(t).replace(second=0, microsecond=0)


def _next_quarter(now: datetime, tzinfo) -> datetime:
    """The next quarter hour after ``now``, or the next 9:00 when that is at night."""
    t = now.replace(second=0, microsecond=0) + timedelta(minutes=15 - now.minute % 15)
    local = t.astimezone(tzinfo)
    if DAY_FROM <= local.time() < DAY_UNTIL:
        return t
    day = local.date() if local.time() < DAY_FROM else local.date() + timedelta(days=1)
    return aware(datetime.combine(day, DAY_FROM, tzinfo=tzinfo))


def due_events(ws: Workspace, now: datetime | None = None, within: timedelta | None = None):
    """Everything due (``within`` None) or due within a window, soonest first: each agenda item
    of ``todays_agenda`` and each booked meeting being prepared for, as ``DueEvent``s."""
    now = aware(now or datetime.now(UTC))
    tz = pipeline_settings(ws).tz
    tzinfo = zone(tz)
    items = todays_agenda(ws, now, within)
    people = {c.id: c for c in targets.load_contacts(ws)}
    out, seen = [], Counter()
    for item in items:
        contact = people.get(item.contact_id)
        name = one_line(contact.full_name, 80) if contact else ""
        org = one_line(contact.organization, 80).strip() if contact else ""
        who = _("{name} ({organization})").format(name=name, organization=org) if org else name
        seed = _seed(item, seen)
        title = _(TITLES.get(item.kind, N_("To do")))
        out.append(
            DueEvent(
                seed=seed,
                kind=item.kind,
                contact_id=item.contact_id,
                summary=_("{title}: {who}").format(title=title, who=who) if who else title,
                todo=one_line(item.text, 600),
                step=item.step,
                due=item.due,
                overdue=item.overdue,
                start=reminder_start(item.kind, item.due, now, tz),
                floating=_planned(item.kind, item.due, tzinfo) <= now,
            )
        )
        if item.kind == "prepare" and contact is not None:
            meeting = _meeting(ws, contact, who, item, tzinfo, now)
            if meeting is not None and (within is None or meeting.start <= now + within):
                out.append(meeting)
    return sorted(_one_each(out), key=lambda e: (e.start, e.kind, e.seed))


def _one_each(events: list[DueEvent]) -> list[DueEvent]:
    """Never two events with one UID in a file: a repeated seed gets "#2", "#3"..."""
    count: Counter = Counter()
    out = []
    for event in events:
        count[event.seed] += 1
        n = count[event.seed]
        out.append(event if n == 1 else replace(event, seed=f"{event.seed}#{n}"))
    return out


def _seed(item, seen: Counter) -> str:
    """What the item is about, the same from one download to the next; the step 3 and step 6
    reminder files use the same seeds, so importing those too adds no copies."""
    cid = "-" if item.contact_id is None else item.contact_id
    if item.kind == "request":
        return f"request:{cid}"
    if item.kind == "update":
        return f"stay_in_touch:{cid}"
    if item.kind == ACTION_ITEM_KIND:
        base = f"action_item:{cid}:{fold(item.text)}"
        seen[base] += 1
        return base if seen[base] == 1 else f"{base}#{seen[base]}"
    return f"{cid}-{item.kind}-{item.due.date()}"


def _meeting(ws, contact, who: str, item, tzinfo, now) -> DueEvent | None:
    """The booked meeting the "prepare" item is about, at its time (step 4's record)."""
    meeting = mt.current_meeting(ws, contact.id)
    start = mt.start_time(meeting.starts_at, str(tzinfo))
    if meeting.id is None or start is None or aware(start) <= now:
        return None
    how = _(mt.MODE_LABELS[meeting.mode]) if mt.MODE_LABELS.get(meeting.mode) else ""
    how = how.lower() if i18n.language() in ("en", "es") else how
    place = one_line(meeting.place, 300)
    todo = (
        _("Your informational interview with {who}").format(who=who)
        + (_(", {how}").format(how=how) if how else "")
        + (_(": {place}").format(place=place) if place else "")
        + _(". Bring your questions and your pitch; debrief right after.")
    )
    return DueEvent(
        seed=f"meeting:{meeting.id}",  # the UID of step 4's meeting file: no copies
        kind=MEETING_KIND,
        contact_id=contact.id,
        summary=_("Informational interview with {who}").format(who=who),
        todo=todo,
        step=item.step,
        due=aware(start),
        overdue=False,
        start=aware(start),
        minutes=max(1, int(meeting.minutes or 30)),
        location=place if meeting.mode == "in person" else "",
        alarm_minutes_before=MEETING_ALARM_MINUTES,
    )


def where_to_do_it(step: str) -> str:
    """The step an item is done in, in words: "Step 3, Compose requests (03_....ipynb)"."""
    found = _STEP_OF_NOTEBOOK.get(step)
    if not found:
        return step
    return _("Step {number}, {title} ({notebook})").format(
        number=found.number, title=_(found.title), notebook=found.notebook
    )


def due_words(event: DueEvent, tzinfo) -> str:
    """When it is due, in words (the calendar's description and the week's draft)."""
    due = i18n.spoken(event.due.astimezone(tzinfo))
    if event.kind == MEETING_KIND:
        return _("Starts {when}, {minutes} minutes.").format(when=due, minutes=event.minutes)
    if event.kind == ACTION_ITEM_KIND:
        day = day_words(event.due.astimezone(tzinfo))
        late = _("Overdue: it was due by the end of {day}.")
        return (late if event.overdue else _("Due by the end of {day}.")).format(day=day)
    if event.kind == "request":
        return _("No deadline: the sooner you write, the sooner they can answer.")
    return (_("Overdue since {when}.") if event.overdue else _("Due {when}.")).format(when=due)


def day_words(moment: datetime) -> str:
    """The day of ``moment`` in words: "Tuesday 10 March", "martes 10 de marzo", "3月10日星期二"."""
    if i18n.language() == "en":
        return spoken(moment)[: -len(f", {moment.hour}:{moment.minute:02d}")]
    return i18n.format_date(moment, _DAY.get(i18n.language(), "EEEE d MMMM"))


_DAY = {"es": "EEEE d 'de' MMMM", "zh": "M月d日EEEE"}  # a day in a sentence (Babel patterns)


def _description(event: DueEvent, tzinfo) -> str:
    return (
        f"{event.todo}\n{due_words(event, tzinfo)}\n"
        + _("In the workbook: {where}.").format(where=where_to_do_it(event.step))
        + "\n"
        + _(
            "From your informational interview workbook; downloading the calendar again updates it."
        )
    )


# --------------------------------------------------------------------------------- the calendar


def download_calendar(ws: Workspace, now: datetime | None = None) -> CalendarFile:
    """The rolling calendar, as a download: every item due as an event (UID and SEQUENCE), and
    every event sent before that is no longer due as cancelled. Records what it sent, in one
    transaction (two tabs downloading at once each get a consistent file)."""
    now = aware(now or datetime.now(UTC))
    with ws.transaction() as tx:
        tz = pipeline_settings(ws).tz
        tzinfo = zone(tz)
        sent = {
            r["key"][len(META_PREFIX) :].split(".", 1)[1]: (r["key"], json.loads(r["value"]))
            for r in ws.query("SELECT key, value FROM meta WHERE key LIKE ?", (META_PREFIX + "%",))
            if r["key"].startswith(META_PREFIX) and r["key"].count(".") >= 3
        }
        entries, new, changed, cancelled = [], 0, 0, 0
        current = set()
        for event in _placed(due_events(ws, now), sent, now, tzinfo):
            uid = event.uid
            current.add(uid)
            description = _description(event, tzinfo)
            fingerprint = _fingerprint(event, description)
            key, before = sent.get(uid, (_key(event.contact_id, uid), None))
            sequence = 0
            if before is None:
                new += 1
            elif before.get("fp") != fingerprint or before.get("state") != "active":
                sequence = int(before.get("seq", 0)) + 1
                changed += 1
            else:
                sequence = int(before.get("seq", 0))
            record = {
                "fp": fingerprint,
                "seq": sequence,
                "state": "active",
                "kind": event.kind,
                "summary": event.summary,
                "start": event.start.isoformat(),
                "minutes": event.minutes,
                "location": event.location,
            }
            if before is None or {k: v for k, v in before.items() if k != "since"} != record:
                record["since"] = now.isoformat()  # when it was last sent changed
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, json.dumps(record, sort_keys=True)),
                )
            entries.append(
                CalendarEntry(
                    uid=uid,
                    summary=event.summary,
                    description=description,
                    start=event.start,
                    minutes=event.minutes,
                    location=event.location,
                    alarm_minutes_before=event.alarm_minutes_before,
                    sequence=sequence,
                )
            )
        for uid, (key, before) in sorted(sent.items()):
            if uid in current:
                continue
            gone = _gone(before, now)
            if gone is None:
                continue
            if gone != before:
                tx.execute(
                    "UPDATE meta SET value = ? WHERE key = ?",
                    (json.dumps(gone, sort_keys=True), key),
                )
            if gone["state"] != "cancelled":
                continue
            cancelled += 1
            removed = gone.get("kind") == REMOVED_KIND  # stored in English: said in the language
            entries.append(
                CalendarEntry(
                    uid=uid,
                    summary=_(REMOVED_SUMMARY) if removed else gone.get("summary", ""),
                    description=_(GONE_WHY.get(gone.get("kind"), GONE_WHY[""])),
                    start=datetime.fromisoformat(gone["start"]),
                    minutes=int(gone.get("minutes", REMINDER_MINUTES)),
                    location=gone.get("location", ""),
                    sequence=int(gone["seq"]),
                    cancelled=True,
                )
            )
    data = ics_calendar(entries, tz, stamp=now, name=_(CALENDAR_NAME))
    return CalendarFile(CALENDAR_FILENAME, data, len(current), new, changed, cancelled)


def _placed(events: list[DueEvent], sent: dict, now: datetime, tzinfo) -> list[DueEvent]:
    """The events with steady times for what is already due: the time sent before is kept
    until its day has passed (nothing changed: nothing to update, nothing rings again); a new
    one takes the next free quarter hour, so several never ring at once."""
    today = now.astimezone(tzinfo).date()
    taken = {e.start for e in events if not e.floating}
    out, fresh = [e for e in events if not e.floating], []
    for event in (e for e in events if e.floating):
        before = sent.get(event.uid, ("", None))[1] or {}
        kept = datetime.fromisoformat(before["start"]) if before.get("start") else None
        if (
            before.get("state") == "active"
            and kept is not None
            and kept <= event.start
            and kept.astimezone(tzinfo).date() >= today
        ):
            taken.add(kept)
            out.append(replace(event, start=kept))
        else:
            fresh.append(event)
    for event in fresh:
        start = event.start
        while start in taken:
            start = _next_quarter(start, tzinfo)
        taken.add(start)
        out.append(replace(event, start=start))
    return sorted(out, key=lambda e: (e.start, e.kind, e.seed))


def forget_people(ws: Workspace, people) -> int:
    """Before these people are deleted (the demo's removal, inside its transaction): what the
    calendar was sent about them stays, tied to no one, with no name, place or words of theirs,
    so the next download still cancels each of those events (a calendar never drops one by
    itself). Returns how many records were kept."""
    ids = {str(i) for i in people}
    kept = 0
    for r in ws.query("SELECT key, value FROM meta WHERE key LIKE ?", (META_PREFIX + "%",)):
        cid, _dot, uid = r["key"][len(META_PREFIX) :].partition(".")
        if cid not in ids or not uid:
            continue
        before = json.loads(r["value"])
        state = "cancelled" if before.get("state") == "cancelled" else "active"
        record = {
            "fp": "",
            "seq": int(before.get("seq", 0)),
            "state": state,
            "kind": REMOVED_KIND,  # a past meeting too: the demo's are cancelled all the same
            "summary": REMOVED_SUMMARY,
            "start": before.get("start") or datetime.now(UTC).isoformat(),
            "minutes": int(before.get("minutes", REMINDER_MINUTES)),
            "location": "",
            "since": before.get("since") or datetime.now(UTC).isoformat(),
        }
        ws.delete("meta", "key", [r["key"]])
        ws.set_meta(_key(None, uid), json.dumps(record, sort_keys=True))
        kept += 1
    return kept


def _key(contact_id, uid: str) -> str:
    return f"{META_PREFIX}{'-' if contact_id is None else contact_id}.{uid}"


def _fingerprint(event: DueEvent, description: str) -> str:
    what = [
        event.summary,
        description,
        event.start.isoformat(),
        event.minutes,
        event.location,
        event.alarm_minutes_before,
    ]
    return hashlib.sha256(json.dumps(what).encode("utf-8")).hexdigest()[:32]


def _gone(before: dict, now: datetime) -> dict | None:
    """What to record (and send) for an event no longer due; None: nothing to send any more.

    The first time: cancelled, SEQUENCE + 1 (a meeting already past is history instead).
    Later: cancelled again for ``KEEP_CANCELLED_DAYS``, then no longer sent.
    """
    state = before.get("state")
    if state == "active":
        start = datetime.fromisoformat(before["start"])
        ended = start + timedelta(minutes=int(before.get("minutes", 0))) <= now
        if ended and before.get("kind") == MEETING_KIND:
            return {**before, "state": "past", "since": now.isoformat()}
        return {
            **before,
            "state": "cancelled",
            "seq": int(before["seq"]) + 1,
            "since": now.isoformat(),
        }
    if state == "cancelled":
        since = datetime.fromisoformat(before["since"])
        return before if now - since <= timedelta(days=KEEP_CANCELLED_DAYS) else None
    return None
