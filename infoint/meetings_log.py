"""The meeting's life as actions: prepared, booked (R8), moved, cancelled, held (D1).

Each function is one user action in one transaction: the meeting row and the event the
pipeline reads are written together, so a crash never leaves a booking without its event.
Preparing (the place, the notes, the questions, a time typed but not booked yet) is saved as
it is typed and logs nothing; booking logs the time and consumes the proposed one.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from .events import MEETING_CANCELLED, MEETING_SCHEDULED, MET
from .i18n import _
from .meetings import Meeting, save_meeting, start_time
from .stages import events_from_rows

__all__ = ["book_meeting", "cancel_meeting", "mark_held", "proposed_time", "save_preparation"]


def _proposal_key(contact_id: int) -> str:
    # A time typed for the meeting but not booked yet: a workbook fact, one per person.
    return f"meeting.proposed.{int(contact_id)}"


def proposed_time(ws, contact_id: int) -> dict | None:
    """The date ("YYYY-MM-DD" or ""), start (as typed) and minutes typed for a meeting with
    this person but not booked yet; None when there is none."""
    try:
        value = json.loads(ws.get_meta(_proposal_key(contact_id)) or "null")
    except ValueError:
        return None
    if not isinstance(value, dict):
        return None
    return {
        "date": str(value.get("date") or ""),
        "start": str(value.get("start") or ""),
        "minutes": int(value["minutes"]) if str(value.get("minutes", "")).isdigit() else 30,
    }


def _drop_proposal(ws, contact_id: int) -> None:
    if ws.get_meta(_proposal_key(contact_id)):
        ws.set_meta(_proposal_key(contact_id), "")


def save_preparation(ws, meeting: Meeting, proposed: dict | None = None) -> Meeting:
    """Keep what was typed for a meeting, as it is typed: the meeting row as booked (its time
    unchanged) with its place, mode, notes, offer, ticks and questions, and a time typed but
    not booked yet (``proposed``: date, start, minutes; None clears it). Logs nothing."""
    with ws.transaction():
        save_meeting(ws, meeting)
        if proposed is None:
            _drop_proposal(ws, meeting.contact_id)
        else:
            ws.set_meta(_proposal_key(meeting.contact_id), json.dumps(proposed, sort_keys=True))
    return meeting


def _needs_logging(ws, meeting: Meeting) -> bool:
    """True when the meeting is new, was cancelled, or its time or length changed."""
    booked = [
        e
        for e in events_from_rows(ws.events(meeting.contact_id))
        if e.kind in (MEETING_SCHEDULED, MEETING_CANCELLED)
    ]
    last = booked[-1] if booked else None
    return (
        last is None
        or last.kind == MEETING_CANCELLED
        or last.data.get("starts_at") != meeting.starts_at
        or last.data.get("minutes") != meeting.minutes
    )


def book_meeting(ws, meeting: Meeting, *, at: datetime) -> Meeting:
    """R8: save the agreed meeting; a new or moved time is logged as scheduled, so the
    pipeline shows "scheduled" and the agenda prepares it. Returns it with its id."""
    if not meeting.starts_at:
        raise ValueError(_("A meeting needs its date and start time."))
    with ws.transaction():
        moved = _needs_logging(ws, meeting)
        save_meeting(ws, meeting)
        _drop_proposal(ws, meeting.contact_id)  # the time typed is the booked one now
        if moved:
            ws.append_event(
                MEETING_SCHEDULED,
                meeting.contact_id,
                {
                    "starts_at": meeting.starts_at,
                    "minutes": meeting.minutes,
                    "mode": meeting.mode,
                    "place": meeting.place,
                    "meeting_id": meeting.id,
                },
                at=at.isoformat(),
            )
    return meeting


def cancel_meeting(ws, meeting: Meeting, *, at: datetime) -> Meeting:
    """The booked meeting won't happen at that time: kept, marked cancelled, and logged."""
    cancelled = replace(meeting, cancelled=True)
    with ws.transaction():
        save_meeting(ws, cancelled)
        _drop_proposal(ws, meeting.contact_id)
        ws.append_event(
            MEETING_CANCELLED, meeting.contact_id, {"meeting_id": cancelled.id}, at=at.isoformat()
        )
    return cancelled


def mark_held(ws, meeting: Meeting, tz: str, *, at: datetime) -> bool:
    """D1: the meeting took place (at its start, or now if that is still to come). Logged now,
    after the booking, with when it happened in the data: the thank-you's 48 hours (S1) count
    from then. False when it was already marked held (nothing is written twice)."""
    with ws.transaction():
        events = events_from_rows(ws.events(meeting.contact_id))
        if any(e.kind == MET for e in events):
            return False
        start = start_time(meeting.starts_at, tz)
        held_at = min(start, at) if start else at
        ws.append_event(
            MET,
            meeting.contact_id,
            {"at": held_at.isoformat(), "meeting_id": meeting.id},
            at=at.isoformat(),
        )
    return True
