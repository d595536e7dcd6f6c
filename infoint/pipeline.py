"""The pipeline: each contact's stage and next actions, derived from the append-only event log.

Why an event log: the workspace never edits or deletes what happened (docs/architecture.md "The
workspace"). A contact's stage is not stored anywhere; it is recomputed here from the events
the notebooks append with ``Workspace.append_event(kind, contact_id, data, at)``. Undoing is an
event too (``reopened`` undoes ``moved_on``), so nothing the user did is ever lost.

This module is pure: events in, stages and actions out. No widgets, files, network or
workspace access, so the notebooks, the agenda on the start page and the tests all agree.

Rules carried here (docs/method.md):

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

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from .clock import add_business_days, add_days, aware, zone
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
    AgendaItem,
    Event,
)
from .i18n import _
from .records import STEP_NOTEBOOKS, Contact
from .stages import MAX_ATTEMPTS, REQUEST_KINDS, LogState, Settings, replay, stage_of
from .stay_in_touch import next_update
from .thanks import ThankYou, thank_you

__all__ = [
    "ACTION_KINDS",
    "ANSWERS",
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
    "ThanksRow",
    "actions_for",
    "thanks_overview",
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

ANSWER_YES_WITHIN = timedelta(hours=24)  # R8: a yes deserves a quick answer with times
INTRO_THANKS_DAYS = 7  # S3: "what came of it" takes a few days to know
BOOSTER_WITHIN = timedelta(days=2)  # R7: who counts as a fast answerer
# The method's pacing, the functions' default below (Settings is frozen: one shared instance).
_DEFAULT_SETTINGS = Settings()


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


# ----------------------------------------------------------------------------- events


# ----------------------------------------------------------------------------- replay


# ----------------------------------------------------------------------------- next actions


def _who(name: str, organization: str) -> str:
    name, organization = " ".join((name or "").split()), " ".join((organization or "").split())
    who = name or _("this contact")
    return (
        _("{name} ({organization})").format(name=who, organization=organization)
        if organization
        else who
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def next_actions(
    contact_id: int,
    events: Iterable[Event],
    now: datetime,
    settings: Settings = _DEFAULT_SETTINGS,
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
    now = aware(now)
    events = list(events)
    s = replay(events, tz)
    who = _who(name, organization)
    intro_by = " ".join((via or s.via or "").split())
    out: list[Action] = []

    def add(kind: str, due: datetime, text: str) -> None:
        out.append(Action(contact_id, kind, due, text, ACTION_KINDS[kind], now > due))

    current = stage_of(s)
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
                _(
                    "Write down the date and time agreed with {who}, "
                    "so the workbook can remind you."
                ).format(who=who),
            )
        elif now < s.meeting_start:
            add(
                "prepare",
                add_days(s.meeting_start, -1, tz),
                _(
                    "Prepare for your meeting with {who}: "
                    "research them, pick your questions, rehearse your pitch."
                ).format(who=who),
            )
        else:
            add(
                "debrief",
                s.meeting_start + timedelta(minutes=s.meeting_minutes),
                _(
                    "Was your meeting with {who} held? Note what you learned while it is fresh, "
                    "or record that it was cancelled."
                ).format(who=who),
            )
    elif current == "met":
        add(
            "thanks",
            s.met_at + timedelta(hours=max(0, settings.thanks_hours)),
            _(
                "Send {who} a thank-you note within {hours} hours of the meeting, "
                "naming something specific you learned."
            ).format(who=who, hours=settings.thanks_hours),
        )
    elif current in ("thanked", "in_touch"):
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
                _(
                    "Send {who} a short update on your progress: "
                    "it has been a while since you were last in touch."
                ).format(who=who),
            )

    if s.met_at is not None and (s.intro or intro_by) and not s.intro_thanked:
        by = intro_by or _("the person who introduced you")
        add(
            "intro_thanks",
            add_days(s.met_at, INTRO_THANKS_DAYS, tz),
            _(
                "Thank {by} for the introduction to {who}: "
                "say that you met, how it went and what came of it."
            ).format(by=by, who=who),
        )
    return sorted(out, key=lambda a: (a.due, a.kind))


def actions_for(
    contact: Contact,
    events: Iterable[Event],
    now: datetime,
    settings: Settings = _DEFAULT_SETTINGS,
) -> list[Action]:
    """What to do next for one person: ``next_actions`` with everything the contact record
    says (name, organization, introducer, their own stay-in-touch rhythm). Every page, the
    agenda and the report call this, so they all propose the same next step."""
    return next_actions(
        contact.id,
        events,
        now,
        settings,
        name=contact.full_name,
        organization=contact.organization,
        via=contact.via,
        cadence_days=contact.cadence_days,
    )


def _outreach_actions(
    s: LogState, add, who: str, organization: str, tz: ZoneInfo, settings: Settings
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
            _(
                "Your meeting with {who} was cancelled: "
                "offer new times, or let it go if they can't."
            ).format(who=who)
            if again
            else _(
                "{who} said yes: answer quickly with a few times that suit them, "
                "how long (20-30 minutes) and where."
            ).format(who=_sentence(who)),
        )
        return
    limit = min(max(int(settings.max_attempts), 1), MAX_ATTEMPTS)
    last = s.last_attempt
    if s.unanswered == 0 or last is None:
        if s.answer == "later" and s.answer_at is not None:
            add(
                "follow_up",
                add_days(s.answer_at, settings.later_days, tz),
                _("{who} asked you to come back later: send a short, friendly follow-up.").format(
                    who=_sentence(who)
                ),
            )
        return
    if s.unanswered >= limit:
        add(
            "move_on",
            add_days(last.at, settings.follow_up_days, tz),
            _(
                "No answer from {who} after {n} tries. Take it as a no and move on; "
                "don't write again. Many requests go unanswered, and that is normal."
            ).format(who=who, n=s.unanswered),
        )
        return
    if s.unanswered == limit - 1 and s.round_calls == 0:
        add(
            "call",
            add_days(last.at, settings.call_after_days, tz),
            _(
                "Still no answer from {who}: try one phone call. If you get voicemail, say your "
                "name, why you are calling and your phone number, slowly and twice."
            ).format(who=who),
        )
    else:
        if settings.mode_3b7 and s.unanswered == 1 and last.kind in REQUEST_KINDS:
            due = add_business_days(last.at, settings.follow_up_business_days, tz)
        else:
            due = add_days(last.at, settings.follow_up_days, tz)
        add(
            "follow_up",
            due,
            _("No answer from {who} yet: send a short, polite follow-up.").format(who=who),
        )
    if (
        settings.mode_3b7
        and not s.second_contact
        and s.round_request_at is not None
        and not s.answer
    ):
        where = " ".join((organization or "").split()) or _("the same organization")
        add(
            "second_contact",
            add_business_days(s.round_request_at, settings.second_contact_business_days, tz),
            _(
                "No answer from {who} in {days} business days: "
                "start a second contact at {where} as well."
            ).format(who=who, days=settings.second_contact_business_days, where=where),
        )


# ----------------------------------------------------------------------------- agenda

SHOWN_AT_ONCE = frozenset({"thanks"})  # kinds listed as soon as they exist, not only when due


def agenda(
    actions: Iterable[Action],
    extra: Iterable[AgendaItem] = (),
    now: datetime | None = None,
    within: timedelta | None = timedelta(days=1),
) -> list[AgendaItem]:
    """What to do today: every item due within the next day or already overdue, soonest first.

    Later steps (D4 action items from debriefs, for example) pass their own ``AgendaItem``s in
    ``extra``: this is the one place the start page's agenda is assembled. ``within`` widens
    the window: seven days for "my week", None for everything open (the rolling calendar).
    """
    now = aware(now if now is not None else datetime.now(UTC))
    horizon = now + within if within is not None else datetime.max.replace(tzinfo=UTC)
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
        s = replay(events, ZoneInfo("UTC"))
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


@dataclass(frozen=True)
class ThanksRow:
    """Step 6 for one person met: the thank-you (S1), the introducer (S3), updates (S4)."""

    contact: Contact
    thank_you: ThankYou
    introduced: bool
    introducer_thanked: bool
    updates_sent: int
    next_update: datetime | None  # None: no update planned (or updates turned off)


def thanks_overview(
    contacts: Mapping[int, Contact],
    events_by_contact: Mapping[int, Iterable[Event]],
    now: datetime,
    settings: Settings = _DEFAULT_SETTINGS,
) -> list[ThanksRow]:
    """Everyone met, the latest meeting first: what the step 6 page's overview and the
    report's step 6 both show, derived once."""
    rows = []
    for cid, contact in contacts.items():
        events = list(events_by_contact.get(cid, ()))
        ty = thank_you(cid, events, now, settings.tz)
        if ty is None:
            continue
        update = next(
            (a for a in actions_for(contact, events, now, settings) if a.kind == "update"), None
        )
        rows.append(
            ThanksRow(
                contact,
                ty,
                introduced=bool(contact.via.strip())
                or any(e.kind == INTRO_REQUESTED for e in events),
                introducer_thanked=any(e.kind == INTRO_THANKS_SENT for e in events),
                updates_sent=sum(1 for e in events if e.kind == UPDATE_SENT),
                next_update=None if update is None else update.due,
            )
        )
    rows.sort(key=lambda r: r.thank_you.met_at, reverse=True)
    return rows
