"""The event log replayed: each contact's stage and attempt count, derived, never stored.

Why an event log: the workspace never edits or deletes what happened. A contact's stage is
recomputed here from the events the pages append (``events.Event``); undoing is an event too
(``reopened`` undoes ``moved_on``), so nothing the user did is ever lost. Step logic at the
level of step 3 (R7 counts attempts); later steps (meetings, debriefs, thanks) read stages from
here, and the cross-step ``pipeline`` turns them into next actions and the agenda.

Pure: events in, stages out. No widgets, files, network or workspace access. Times are aware
UTC datetimes (``clock``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from .clock import parse_time
from .events import (
    ANSWERS,
    CALL_MADE,
    CONTACT_LOGGED,
    FOLLOW_UP_SENT,
    INTRO_REQUESTED,
    INTRO_THANKS_SENT,
    MEETING_CANCELLED,
    MEETING_SCHEDULED,
    MET,
    MOVED_ON,
    REOPENED,
    REPLY,
    REQUEST_SENT,
    SECOND_CONTACT_STARTED,
    THANKS_SENT,
    UPDATE_SENT,
    Event,
)
from .i18n import N_
from .records import DEFAULT_CADENCE_DAYS

REQUEST_KINDS = (REQUEST_SENT, INTRO_REQUESTED)


ATTEMPT_KINDS = (REQUEST_SENT, INTRO_REQUESTED, FOLLOW_UP_SENT, CALL_MADE)


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


# What each stage reads as (shown translated: ``_(STAGE_LABELS[stage])``).
STAGE_LABELS: dict[str, str] = {
    "to_contact": N_("Not asked yet"),
    "requested": N_("Request sent"),
    "followed_up": N_("Followed up"),
    "scheduled": N_("Meeting booked"),
    "met": N_("Met"),
    "thanked": N_("Thanked"),
    "in_touch": N_("Staying in touch"),
    "declined": N_("Said no"),
    "moved_on": N_("Moved on"),
}


MAX_ATTEMPTS = 3  # R7: "Never more."


DEFAULT_MEETING_MINUTES = 30  # R4: 20-30 minutes


@dataclass(frozen=True)
class Settings:
    """The user's pacing choices. The defaults are the method's (docs/method.md) (R7, S1, S4).

    ``max_attempts`` is capped at 3 whatever is stored: R7 says never more than three attempts.
    ``later_days`` is how long to wait when someone answers "ask me later".
    ``tz`` is an IANA zone name (the profile's time zone); unknown or empty means UTC.
    """

    follow_up_days: int = 7
    call_after_days: int = 7
    max_attempts: int = 3
    mode_3b7: bool = False
    thanks_hours: int = 48
    stay_in_touch_days: int = DEFAULT_CADENCE_DAYS
    tz: str = "UTC"
    later_days: int = 14
    second_contact_business_days: int = 3
    follow_up_business_days: int = 7


def events_from_rows(rows: Iterable[Mapping]) -> list[Event]:
    """Rows as ``Workspace.events()`` returns them, as Events in time order.

    A row whose time can't be read is skipped rather than crashing the agenda: one damaged
    entry must not hide everything else. ``data`` that isn't a JSON object becomes ``{}``.
    """
    events = []
    for row in rows:
        at = parse_time(row.get("at"))
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


@dataclass
class LogState:
    """What replaying one contact's events found: attempts, answers, meetings, thanks."""

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


def replay(events: Iterable[Event], tz: ZoneInfo) -> LogState:
    """Replay one contact's events in order (day counts in ``tz``): the state every stage and
    next action is derived from."""
    s = LogState()
    previous_kind = ""
    for e in _ordered(events):
        data = e.data if isinstance(e.data, Mapping) else {}
        if str(data.get("via", "") or "").strip():
            s.intro, s.via = True, str(data["via"]).strip()
        kind = e.kind
        if kind in ATTEMPT_KINDS:
            s.total_attempts += 1
            # An introduction request and the direct message it leads to reach the contact
            # once: consecutive requests count as one attempt (R7 counts what they received).
            if not (kind in REQUEST_KINDS and previous_kind in REQUEST_KINDS):
                s.unanswered += 1
            if kind in REQUEST_KINDS:
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
            s.meeting_start = parse_time(data.get("starts_at"), tz)
            s.meeting_minutes = _minutes(data.get("minutes"))
            s.meeting_booked = e
            s.moved_on = False
        elif kind == MEETING_CANCELLED:
            s.meeting_booked, s.meeting_start, s.cancelled_at = None, None, e.at
        elif kind == MET:
            s.met_at = parse_time(data.get("at"), tz) or e.at
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


def stage_of(s: LogState) -> str:
    """The stage (one of ``STAGES``) a replayed state is in."""
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
    return stage_of(replay(events, ZoneInfo("UTC")))


def attempts(events: Iterable[Event]) -> int:
    """How many times the user reached out so far: requests, follow-ups and calls (R7)."""
    return sum(1 for e in events if e.kind in ATTEMPT_KINDS)


def events_by_contact(ws, contact_id: int | None = None) -> dict[int, list[Event]]:
    """The event log read from the workspace, each contact's events in time order (one
    contact's only when ``contact_id`` is given)."""
    return group_by_contact(events_from_rows(ws.events(contact_id)))
