"""The event log's vocabulary: the kinds of event, the answers a reply can give, an event as
read back, and what the log gives rise to (agenda lines, calendar reminders).

Ground floor: imports nothing of the package but ``i18n``. The pages append events (a kind, a
contact, a little data); ``stages`` replays them into each contact's stage, ``pipeline`` and
``progress`` into today's agenda, and ``exports.calendar`` turns reminders into .ics files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .i18n import N_

# ----------------------------------------------------------------------------- event kinds
# ``Event.kind``; the comment says what its ``data`` holds.

# data: channel ("email", "linkedin", "phone"), draft (the draft kind)
REQUEST_SENT = "request_sent"
# R6: you asked the mutual connection to introduce you; data: via
INTRO_REQUESTED = "intro_requested"
FOLLOW_UP_SENT = "follow_up_sent"  # R7: the follow-up message after about a week
CALL_MADE = "call_made"  # R7: the one phone call; data: left_voicemail (bool)
REPLY = "reply"  # data: answer, one of ANSWERS
# R8; data: starts_at (ISO, with offset), minutes, mode, place
MEETING_SCHEDULED = "meeting_scheduled"
MEETING_CANCELLED = "meeting_cancelled"  # the booked meeting won't happen at that time
# the meeting took place; data: at (ISO, when it happened; the event time if missing)
MET = "met"
THANKS_SENT = "thanks_sent"  # S1/S2: the thank-you note
INTRO_THANKS_SENT = "intro_thanks_sent"  # S3: thanked whoever introduced you
UPDATE_SENT = "update_sent"  # S4: a short stay-in-touch update
CONTACT_LOGGED = "contact_logged"  # any other exchange; restarts the S4 clock
MOVED_ON = "moved_on"  # the user stops pursuing this contact
REOPENED = "reopened"  # undoes moved_on
# R7 3B7: you wrote to someone else there; data: other (contact id)
SECOND_CONTACT_STARTED = "second_contact_started"

# What each kind reads as (shown translated: ``_(EVENT_KINDS[kind])``).
EVENT_KINDS: dict[str, str] = {
    REQUEST_SENT: N_("sent the request"),
    INTRO_REQUESTED: N_("asked for an introduction"),
    FOLLOW_UP_SENT: N_("sent a follow-up"),
    CALL_MADE: N_("called"),
    REPLY: N_("got an answer"),
    MEETING_SCHEDULED: N_("booked the meeting"),
    MEETING_CANCELLED: N_("meeting cancelled"),
    MET: N_("met"),
    THANKS_SENT: N_("sent thanks"),
    INTRO_THANKS_SENT: N_("thanked the introducer"),
    UPDATE_SENT: N_("sent an update"),
    CONTACT_LOGGED: N_("were in touch"),
    MOVED_ON: N_("moved on"),
    REOPENED: N_("picked up again"),
    SECOND_CONTACT_STARTED: N_("started a second contact there"),
}

ANSWERS = ("yes", "no", "later")  # REPLY's data["answer"]


# ----------------------------------------------------------------------------- the log and after


@dataclass(frozen=True)
class Event:
    """One entry of the event log, with its time parsed (aware, UTC) and its data decoded."""

    id: int
    at: datetime
    kind: str
    contact_id: int | None
    data: dict = field(default_factory=dict)


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
class Reminder:
    """One calendar reminder: a short event at ``start`` with an alarm before it.

    ``uid_seed`` identifies what the reminder is about (e.g. "follow_up:12:2026-03-10"), so a
    re-exported reminder replaces the old one in the calendar instead of duplicating it.
    """

    uid_seed: str
    summary: str
    description: str
    start: datetime
    minutes: int = 15
    alarm_minutes_before: int = 60


def met_contacts(ws) -> set[int]:
    """The people a meeting took place with (a ``MET`` event each, however many): one reading
    for what ranking counts as meetings held and whom "who could answer it" leaves out."""
    rows = ws.query("SELECT DISTINCT contact_id FROM events WHERE kind = ?", (MET,))
    return {int(r["contact_id"]) for r in rows if r["contact_id"] is not None}
