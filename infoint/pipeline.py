"""The pipeline: each contact's stage and next actions, derived from the append-only event log.

Why an event log: the workspace never edits or deletes what happened (DESIGN.md "The
workspace"). A contact's stage is not stored anywhere; it is recomputed here from the events
the notebooks append with ``Workspace.append_event(kind, contact_id, data, at)``. Undoing is an
event too (``reopened`` undoes ``moved_on``), so nothing the user did is ever lost.

This module is pure: events in, stages and actions out. No widgets, files, network or
workspace access, so the notebooks, the agenda on the start page and the tests all agree.

Rules carried here (GUIDE.md):

- R7 follow up after about a week without an answer, then one phone call, then after three
  attempts with no answer assume no and move on, never a fourth attempt. The "3B7" routine
  (optional) counts business days: a second contact at the same organization after 3 business
  days without an answer, the follow-up after 7. Response rates, response times and the
  "boosters" (people who answer fast) are measured by ``response_stats``.
- R8 a yes is answered promptly by booking the meeting.
- D1 debrief right after the meeting.
- S1 thank-you within 48 hours of the meeting, flagged when overdue.
- S3 thank whoever introduced you.
- S4 stay in touch with a short update every few months.

Due dates are the earliest moment to act, not a send time: the compose step (R5) proposes the
next good send time (Tuesday or Wednesday) on or after them.

Times: every timestamp is an aware datetime in UTC. Day counts ("7 days later") are counted
in the user's time zone (``Settings.tz``), keeping the local clock time, so a reminder set for
10:00 stays at 10:00 across a daylight-saving change. Hour counts (S1's 48 hours) are exact.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "ACTION_KINDS",
    "ANSWERS",
    "EVENT_KINDS",
    "STAGES",
    "STAGE_LABELS",
    "STEP_NOTEBOOKS",
    "REQUEST_SENT",
    "INTRO_REQUESTED",
    "FOLLOW_UP_SENT",
    "CALL_MADE",
    "REPLY",
    "MEETING_SCHEDULED",
    "MEETING_CANCELLED",
    "MET",
    "THANKS_SENT",
    "INTRO_THANKS_SENT",
    "UPDATE_SENT",
    "CONTACT_LOGGED",
    "MOVED_ON",
    "REOPENED",
    "SECOND_CONTACT_STARTED",
    "Event",
    "Settings",
    "Action",
    "AgendaItem",
    "ResponseStats",
    "events_from_rows",
    "group_by_contact",
    "stage",
    "attempts",
    "next_actions",
    "agenda",
    "response_stats",
    "add_days",
    "add_business_days",
    "zone",
]

# ----------------------------------------------------------------------------- event kinds
# What the notebooks append. ``data`` is a JSON object; the keys listed are the ones read here
# (anything else is kept in the log and ignored).

REQUEST_SENT = (
    "request_sent"  # data: channel ("email", "linkedin", "phone"), draft (the draft kind)
)
INTRO_REQUESTED = (
    "intro_requested"  # R6: you asked the mutual connection to introduce you; data: via
)
FOLLOW_UP_SENT = "follow_up_sent"  # R7: the follow-up message after about a week
CALL_MADE = "call_made"  # R7: the one phone call; data: left_voicemail (bool)
REPLY = "reply"  # data: answer, one of ANSWERS
MEETING_SCHEDULED = (
    "meeting_scheduled"  # R8; data: starts_at (ISO, with offset), minutes, mode, place
)
MEETING_CANCELLED = "meeting_cancelled"  # the booked meeting won't happen at that time
MET = "met"  # the meeting took place; data: at (ISO, when it happened; the event time if missing)
THANKS_SENT = "thanks_sent"  # S1/S2: the thank-you note
INTRO_THANKS_SENT = "intro_thanks_sent"  # S3: thanked whoever introduced you
UPDATE_SENT = "update_sent"  # S4: a short stay-in-touch update
CONTACT_LOGGED = "contact_logged"  # any other exchange; restarts the S4 clock
MOVED_ON = "moved_on"  # the user stops pursuing this contact
REOPENED = "reopened"  # undoes moved_on
SECOND_CONTACT_STARTED = (
    "second_contact_started"  # R7 3B7: you wrote to someone else there; data: other (contact id)
)

EVENT_KINDS: dict[str, str] = {
    REQUEST_SENT: "sent the request",
    INTRO_REQUESTED: "asked for an introduction",
    FOLLOW_UP_SENT: "sent a follow-up",
    CALL_MADE: "called",
    REPLY: "got an answer",
    MEETING_SCHEDULED: "booked the meeting",
    MEETING_CANCELLED: "meeting cancelled",
    MET: "met",
    THANKS_SENT: "sent thanks",
    INTRO_THANKS_SENT: "thanked the introducer",
    UPDATE_SENT: "sent an update",
    CONTACT_LOGGED: "were in touch",
    MOVED_ON: "moved on",
    REOPENED: "picked up again",
    SECOND_CONTACT_STARTED: "started a second contact there",
}

ANSWERS = ("yes", "no", "later")
_REQUESTS = (REQUEST_SENT, INTRO_REQUESTED)
_ATTEMPTS = (REQUEST_SENT, INTRO_REQUESTED, FOLLOW_UP_SENT, CALL_MADE)

# ----------------------------------------------------------------------------- stages
STAGES = (
    "to_contact",
    "requested",
    "followed_up",
    "scheduled",
    "met",
    "thanked",
    "in_touch",
    "declined",
    "moved_on",
)
STAGE_LABELS: dict[str, str] = {
    "to_contact": "Not asked yet",
    "requested": "Request sent",
    "followed_up": "Followed up",
    "scheduled": "Meeting booked",
    "met": "Met",
    "thanked": "Thanked",
    "in_touch": "Staying in touch",
    "declined": "Said no",
    "moved_on": "Moved on",
}

# ----------------------------------------------------------------------------- actions
STEP_NOTEBOOKS = {
    "requests": "03_compose_requests.ipynb",
    "meeting": "04_prepare_questions.ipynb",
    "debrief": "05_debrief.ipynb",
    "thanks": "06_send_thanks.ipynb",
}
ACTION_KINDS: dict[str, str] = {
    "follow_up": STEP_NOTEBOOKS["requests"],  # R7
    "call": STEP_NOTEBOOKS["requests"],  # R7
    "move_on": STEP_NOTEBOOKS["requests"],  # R7: after the last attempt
    "second_contact": STEP_NOTEBOOKS["requests"],  # R7 3B7
    "schedule": STEP_NOTEBOOKS["meeting"],  # R8
    "prepare": STEP_NOTEBOOKS["meeting"],  # Q1-Q5
    "debrief": STEP_NOTEBOOKS["debrief"],  # D1
    "thanks": STEP_NOTEBOOKS["thanks"],  # S1
    "intro_thanks": STEP_NOTEBOOKS["thanks"],  # S3
    "update": STEP_NOTEBOOKS["thanks"],  # S4
}

MAX_ATTEMPTS = 3  # R7: "Never more."
ANSWER_YES_WITHIN = timedelta(hours=24)  # R8: a yes deserves a quick answer with times
INTRO_THANKS_DAYS = 7  # S3: "what came of it" takes a few days to know
BOOSTER_WITHIN = timedelta(days=2)  # R7: who counts as a fast answerer
DEFAULT_MEETING_MINUTES = 30  # R4: 20-30 minutes


@dataclass(frozen=True)
class Event:
    """One entry of the event log, with its time parsed (aware, UTC) and its data decoded."""

    id: int
    at: datetime
    kind: str
    contact_id: int | None
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Settings:
    """The user's pacing choices. The defaults are the GUIDE's (R7, S1, S4).

    ``max_attempts`` is capped at 3 whatever is stored: R7 says never more than three attempts.
    ``later_days`` is how long to wait when someone answers "ask me later".
    ``tz`` is an IANA zone name (the profile's time zone); unknown or empty means UTC.
    """

    follow_up_days: int = 7
    call_after_days: int = 7
    max_attempts: int = 3
    mode_3b7: bool = False
    thanks_hours: int = 48
    stay_in_touch_days: int = 91
    tz: str = "UTC"
    later_days: int = 14
    second_contact_business_days: int = 3
    follow_up_business_days: int = 7


@dataclass(frozen=True)
class Action:
    """Something the user should do for one contact, by when, and in which notebook (step)."""

    contact_id: int
    kind: str
    due: datetime
    text: str
    step: str
    overdue: bool


@dataclass(frozen=True)
class AgendaItem:
    """One line of the "what to do today" agenda. Later steps add their own (D4 action items)."""

    due: datetime
    overdue: bool
    text: str
    step: str
    contact_id: int | None
    kind: str


@dataclass(frozen=True)
class ResponseStats:
    """R7: how many people were asked, how many answered, how fast, and who answered fast.

    ``rate`` is None before the first request; ``median_days`` is None before the first answer.
    """

    requests: int
    replies: int
    rate: float | None
    median_days: float | None
    boosters: list[int]


# ----------------------------------------------------------------------------- time helpers


def zone(name: str | None) -> ZoneInfo:
    """The IANA zone called ``name``, or UTC when it is empty or unknown.

    Falling back is safe because every stored time is an instant (UTC); only the local clock
    used for day counts changes.
    """
    text = (name or "").strip()
    if text:
        try:
            return ZoneInfo(text)
        except (ZoneInfoNotFoundError, ValueError, TypeError):
            pass
    return ZoneInfo("UTC")


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def _aware(value: datetime) -> datetime:
    """UTC, reading a naive datetime as UTC (callers should pass aware ones)."""
    return _utc(value if value.tzinfo is not None else value.replace(tzinfo=UTC))


def _local_to_utc(day: date, clock: time, tz: ZoneInfo) -> datetime:
    # A clock time that doesn't exist (the hour skipped in spring) resolves to the instant
    # zoneinfo gives it (an hour later on the wall), which is what calendars do too.
    return _utc(datetime.combine(day, clock, tzinfo=tz))


def add_days(start: datetime, days: int, tz: str | ZoneInfo = "UTC") -> datetime:
    """``days`` calendar days after ``start`` at the same local clock time in ``tz`` (UTC result)."""
    tzinfo = tz if isinstance(tz, ZoneInfo) else zone(tz)
    local = start.astimezone(tzinfo)
    return _local_to_utc(
        local.date() + timedelta(days=days), local.timetz().replace(tzinfo=None), tzinfo
    )


def add_business_days(start: datetime, days: int, tz: str | ZoneInfo = "UTC") -> datetime:
    """``days`` business days (Monday to Friday) after ``start``, same local clock time in ``tz``.

    R7's 3B7 routine counts business days where the user lives: a request sent on Friday is
    "3 business days old" on Wednesday. Public holidays are not known and count as workdays.
    """
    tzinfo = tz if isinstance(tz, ZoneInfo) else zone(tz)
    local = start.astimezone(tzinfo)
    day, left = local.date(), max(0, int(days))
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return _local_to_utc(day, local.timetz().replace(tzinfo=None), tzinfo)


def _parse_time(value, tz: ZoneInfo | None = None) -> datetime | None:
    """An ISO text or datetime as an aware UTC datetime; naive means ``tz`` (UTC if None)."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str) and value.strip():
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    if parsed.tzinfo is None or parsed.tzinfo.utcoffset(parsed) is None:
        parsed = parsed.replace(tzinfo=tz or UTC)
    try:
        return _utc(parsed)
    except (OverflowError, ValueError):
        return None


# ----------------------------------------------------------------------------- events


def events_from_rows(rows: Iterable[Mapping]) -> list[Event]:
    """Rows as ``Workspace.events()`` returns them, as Events in time order.

    A row whose time can't be read is skipped rather than crashing the agenda: one damaged
    entry must not hide everything else. ``data`` that isn't a JSON object becomes ``{}``.
    """
    events = []
    for row in rows:
        at = _parse_time(row.get("at"))
        if at is None:
            continue
        data = row.get("data")
        if isinstance(data, (str, bytes)):
            try:
                data = json.loads(data or "{}")
            except (ValueError, RecursionError):
                data = {}
        contact = row.get("contact_id")
        try:
            contact = None if contact is None else int(contact)
        except (TypeError, ValueError):
            contact = None
        try:
            ident = int(row.get("id") or 0)
        except (TypeError, ValueError):
            ident = 0
        events.append(
            Event(
                ident,
                at,
                str(row.get("kind") or ""),
                contact,
                dict(data) if isinstance(data, Mapping) else {},
            )
        )
    return _ordered(events)


def _ordered(events: Iterable[Event]) -> list[Event]:
    # Stored times are text; different offsets don't sort as text, instants do.
    return sorted(events, key=lambda e: (e.at, e.id))


def group_by_contact(events: Iterable[Event]) -> dict[int, list[Event]]:
    """Each contact's events in time order (events without a contact are left out)."""
    groups: dict[int, list[Event]] = {}
    for event in _ordered(events):
        if event.contact_id is not None:
            groups.setdefault(event.contact_id, []).append(event)
    return groups


# ----------------------------------------------------------------------------- replay


@dataclass
class _State:
    outreach: str = "to_contact"  # to_contact | requested | followed_up
    total_attempts: int = 0
    unanswered: int = 0  # attempts since the last answer (R7 counts these)
    round_calls: int = 0  # phone calls among them (R7: one call)
    last_attempt: Event | None = None
    round_request_at: datetime | None = None  # the request that opened this unanswered round
    answer: str = ""  # the latest answer: yes | no | later | ""
    answer_at: datetime | None = None
    first_request_at: datetime | None = None
    first_reply_at: datetime | None = None
    second_contact: bool = False
    meeting_start: datetime | None = None
    meeting_minutes: int = DEFAULT_MEETING_MINUTES
    meeting_booked: Event | None = None
    cancelled_at: datetime | None = None
    met_at: datetime | None = None
    thanked_at: datetime | None = None
    updated_at: datetime | None = None
    last_touch: datetime | None = None  # S4: the latest exchange after the meeting
    intro: bool = False
    via: str = ""
    intro_thanked: bool = False
    moved_on: bool = False


def _answer(data: Mapping) -> str:
    # Anything that isn't a clear yes or no is treated as "later": they answered, nothing decided.
    text = str(data.get("answer", "")).strip().lower()
    return text if text in ANSWERS else "later"


def _minutes(value) -> int:
    try:
        minutes = int(value)
    except (TypeError, ValueError, OverflowError):
        return DEFAULT_MEETING_MINUTES
    return min(max(minutes, 5), 8 * 60)


def _replay(events: Iterable[Event], tz: ZoneInfo) -> _State:
    s = _State()
    previous_kind = ""
    for e in _ordered(events):
        data = e.data if isinstance(e.data, Mapping) else {}
        if str(data.get("via", "") or "").strip():
            s.intro, s.via = True, str(data["via"]).strip()
        kind = e.kind
        if kind in _ATTEMPTS:
            s.total_attempts += 1
            # An introduction request and the direct message it leads to reach the contact
            # once: consecutive requests count as one attempt (R7 counts what they received).
            if not (kind in _REQUESTS and previous_kind in _REQUESTS):
                s.unanswered += 1
            if kind in _REQUESTS:
                s.first_request_at = s.first_request_at or e.at
                if s.round_request_at is None or s.unanswered == 1:
                    s.round_request_at = e.at
                if s.outreach == "to_contact":
                    s.outreach = "requested"
            else:
                s.outreach = "followed_up"
            if kind == INTRO_REQUESTED:
                s.intro = True
            if kind == CALL_MADE:
                s.round_calls += 1
            s.last_attempt = e
        elif kind == REPLY:
            s.answer, s.answer_at = _answer(data), e.at
            if s.first_request_at is not None and s.first_reply_at is None:
                s.first_reply_at = e.at
            s.unanswered, s.round_calls, s.round_request_at = 0, 0, None
            s.moved_on = False  # they answered: moving on was about their silence
            if s.answer == "no":  # a no after booking withdraws the meeting
                s.meeting_booked, s.meeting_start = None, None
            if s.outreach == "to_contact":
                s.outreach = "requested"
        elif kind == MEETING_SCHEDULED:
            s.meeting_start = _parse_time(data.get("starts_at"), tz)
            s.meeting_minutes = _minutes(data.get("minutes"))
            s.meeting_booked = e
            s.moved_on = False
        elif kind == MEETING_CANCELLED:
            s.meeting_booked, s.meeting_start, s.cancelled_at = None, None, e.at
        elif kind == MET:
            s.met_at = _parse_time(data.get("at"), tz) or e.at
            s.meeting_booked, s.meeting_start = None, None
            s.last_touch = max(s.last_touch or s.met_at, s.met_at)
            s.moved_on = False
        elif kind == THANKS_SENT:
            s.thanked_at = e.at
            s.last_touch = e.at
        elif kind == INTRO_THANKS_SENT:
            s.intro_thanked = True
        elif kind == UPDATE_SENT:
            s.updated_at = e.at
            s.last_touch = e.at
        elif kind == CONTACT_LOGGED:
            s.last_touch = e.at
        elif kind == SECOND_CONTACT_STARTED:
            s.second_contact = True
        elif kind == MOVED_ON:
            s.moved_on = True
        elif kind == REOPENED:
            s.moved_on = False
        else:
            continue  # unknown kinds (added by later steps) don't change the stage
        previous_kind = kind
    return s


def _stage_of(s: _State) -> str:
    if s.moved_on:
        return "moved_on"
    if s.meeting_booked is not None:
        return "scheduled"
    if s.met_at is not None:
        if s.thanked_at is None or s.thanked_at < s.met_at:
            return "met"
        return "in_touch" if s.updated_at is not None and s.updated_at > s.thanked_at else "thanked"
    if s.answer == "no":
        return "declined"
    return s.outreach


def stage(events: Iterable[Event]) -> str:
    """One contact's stage (one of STAGES), from its events.

    ``moved_on`` only ever comes from the user logging it (R7 suggests it, the user decides);
    an answer, a booked meeting or a meeting after that brings the contact back.
    """
    return _stage_of(_replay(events, ZoneInfo("UTC")))


def attempts(events: Iterable[Event]) -> int:
    """How many times the user reached out so far: requests, follow-ups and calls (R7)."""
    return sum(1 for e in events if e.kind in _ATTEMPTS)


# ----------------------------------------------------------------------------- next actions


def _who(name: str, organization: str) -> str:
    name, organization = " ".join((name or "").split()), " ".join((organization or "").split())
    who = name or "this contact"
    return f"{who} ({organization})" if organization else who


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def next_actions(
    contact_id: int,
    events: Iterable[Event],
    now: datetime,
    settings: Settings = Settings(),
    *,
    name: str = "",
    organization: str = "",
    via: str = "",
    cadence_days: int | None = None,
) -> list[Action]:
    """What to do next for one contact, each with a due time, soonest first.

    ``cadence_days`` is the contact's own stay-in-touch interval (S4; None = the settings'
    default, 0 = no updates); at most about three updates a year are proposed.

    Future actions are included (a calendar can show them); ``agenda`` picks what is due.
    ``via`` is the contact's introducer (Contact.via); a ``via`` in any event's data, or an
    introduction request, also marks the contact as introduced (S3).
    R7 is enforced here: after the last allowed attempt only "move on" is suggested, never a
    fourth attempt, whatever ``settings.max_attempts`` says.
    """
    tz = zone(settings.tz)
    now = _aware(now)
    events = list(events)
    s = _replay(events, tz)
    who = _who(name, organization)
    intro_by = " ".join((via or s.via or "").split())
    out: list[Action] = []

    def add(kind: str, due: datetime, text: str) -> None:
        out.append(Action(contact_id, kind, due, text, ACTION_KINDS[kind], now > due))

    current = _stage_of(s)
    if current in ("moved_on", "declined", "to_contact"):
        return []

    if current in ("requested", "followed_up"):
        _outreach_actions(s, add, who, organization, tz, settings)
    elif current == "scheduled":
        booked = s.meeting_booked
        if s.meeting_start is None:
            add(
                "schedule",
                booked.at if booked else now,
                f"Write down the date and time agreed with {who}, so the workbook can remind you.",
            )
        elif now < s.meeting_start:
            add(
                "prepare",
                add_days(s.meeting_start, -1, tz),
                f"Prepare for your meeting with {who}: research them, pick your questions, rehearse your pitch.",
            )
        else:
            add(
                "debrief",
                s.meeting_start + timedelta(minutes=s.meeting_minutes),
                f"Was your meeting with {who} held? Note what you learned while it is fresh, "
                "or record that it was cancelled.",
            )
    elif current == "met":
        add(
            "thanks",
            s.met_at + timedelta(hours=max(0, settings.thanks_hours)),
            f"Send {who} a thank-you note within {settings.thanks_hours} hours of the meeting, "
            "naming something specific you learned.",
        )
    elif current in ("thanked", "in_touch"):
        from .thanks import (
            next_update,
        )  # S4's schedule lives there; imported late (thanks uses this module)

        last = s.last_touch or s.thanked_at
        sent = [e.at for e in events if e.kind == UPDATE_SENT]
        due = next_update(
            last,
            settings.stay_in_touch_days if cadence_days is None else cadence_days,
            sent,
            settings.tz,
        )
        if due is not None:
            add(
                "update",
                due.astimezone(UTC),
                f"Send {who} a short update on your progress: it has been a while since you were last in touch.",
            )

    if s.met_at is not None and (s.intro or intro_by) and not s.intro_thanked:
        by = intro_by or "the person who introduced you"
        add(
            "intro_thanks",
            add_days(s.met_at, INTRO_THANKS_DAYS, tz),
            f"Thank {by} for the introduction to {who}: say that you met, how it went and what came of it.",
        )
    return sorted(out, key=lambda a: (a.due, a.kind))


def _outreach_actions(
    s: _State, add, who: str, organization: str, tz: ZoneInfo, settings: Settings
) -> None:
    """R7 and R8 before a meeting is booked."""
    if s.answer == "yes":  # R8: book it
        again = (
            s.cancelled_at is not None and s.answer_at is not None and s.cancelled_at >= s.answer_at
        )
        since = s.cancelled_at if again else s.answer_at
        add(
            "schedule",
            since + ANSWER_YES_WITHIN,
            f"Your meeting with {who} was cancelled: offer new times, or let it go if they can't."
            if again
            else f"{_sentence(who)} said yes: answer quickly with a few times that suit them, how long (20-30 minutes) and where.",
        )
        return
    limit = min(max(int(settings.max_attempts), 1), MAX_ATTEMPTS)
    last = s.last_attempt
    if s.unanswered == 0 or last is None:
        if s.answer == "later" and s.answer_at is not None:
            add(
                "follow_up",
                add_days(s.answer_at, settings.later_days, tz),
                f"{_sentence(who)} asked you to come back later: send a short, friendly follow-up.",
            )
        return
    if s.unanswered >= limit:
        add(
            "move_on",
            add_days(last.at, settings.follow_up_days, tz),
            f"No answer from {who} after {s.unanswered} tries. Take it as a no and move on; "
            "don't write again. Many requests go unanswered, and that is normal.",
        )
        return
    if s.unanswered == limit - 1 and s.round_calls == 0:
        add(
            "call",
            add_days(last.at, settings.call_after_days, tz),
            f"Still no answer from {who}: try one phone call. If you get voicemail, say your name, "
            "why you are calling and your phone number, slowly and twice.",
        )
    else:
        if settings.mode_3b7 and s.unanswered == 1 and last.kind in _REQUESTS:
            due = add_business_days(last.at, settings.follow_up_business_days, tz)
        else:
            due = add_days(last.at, settings.follow_up_days, tz)
        add("follow_up", due, f"No answer from {who} yet: send a short, polite follow-up.")
    if (
        settings.mode_3b7
        and not s.second_contact
        and s.round_request_at is not None
        and not s.answer
    ):
        where = " ".join((organization or "").split()) or "the same organization"
        add(
            "second_contact",
            add_business_days(s.round_request_at, settings.second_contact_business_days, tz),
            f"No answer from {who} in {settings.second_contact_business_days} business days: "
            f"start a second contact at {where} as well.",
        )


# ----------------------------------------------------------------------------- agenda

SHOWN_AT_ONCE = frozenset({"thanks"})  # kinds listed as soon as they exist, not only when due


def agenda(
    actions: Iterable[Action], extra: Iterable[AgendaItem] = (), now: datetime | None = None
) -> list[AgendaItem]:
    """What to do today: every item due within the next day or already overdue, soonest first.

    Later steps (D4 action items from debriefs, for example) pass their own ``AgendaItem``s in
    ``extra``: this is the one place the start page's agenda is assembled.
    """
    now = _aware(now if now is not None else datetime.now(UTC))
    horizon = now + timedelta(days=1)
    items = [AgendaItem(a.due, a.overdue, a.text, a.step, a.contact_id, a.kind) for a in actions]
    items.extend(extra)
    chosen = []
    for item in items:
        overdue = bool(item.overdue) or item.due < now
        # S1: a thank-you shows from the moment the meeting is over ("sooner is better").
        if overdue or item.due <= horizon or item.kind in SHOWN_AT_ONCE:
            chosen.append(
                item
                if overdue == item.overdue
                else AgendaItem(item.due, overdue, item.text, item.step, item.contact_id, item.kind)
            )
    return sorted(
        chosen, key=lambda i: (i.due, i.kind, -1 if i.contact_id is None else i.contact_id, i.text)
    )


# ----------------------------------------------------------------------------- statistics


def response_stats(events_by_contact: Mapping[int, Iterable[Event]]) -> ResponseStats:
    """R7: response rate, median days to an answer, and the boosters (answered within 2 days).

    Only contacts who were asked count: an answer from someone never asked (a friend met by
    chance) says nothing about how requests fare.
    """
    requests = replies = 0
    waits: list[float] = []
    boosters: list[int] = []
    for contact_id, events in events_by_contact.items():
        s = _replay(events, ZoneInfo("UTC"))
        if s.first_request_at is None:
            continue
        requests += 1
        if s.first_reply_at is None:
            continue
        replies += 1
        wait = s.first_reply_at - s.first_request_at
        waits.append(wait.total_seconds() / 86400)
        if wait <= BOOSTER_WITHIN:
            boosters.append(contact_id)
    return ResponseStats(
        requests=requests,
        replies=replies,
        rate=replies / requests if requests else None,
        median_days=statistics.median(waits) if waits else None,
        boosters=sorted(boosters),
    )
