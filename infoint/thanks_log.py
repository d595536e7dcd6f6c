"""Step 6's actions: a thank-you, an introducer's thanks or an update logged as sent, the
stay-in-touch rhythm per person, and any other contact that restarts it.

Each function is one user action in one transaction. The wording the user sent is kept with
step 3's drafts (``outreach_log.save_draft``), so the page shows it again next time.
"""

from __future__ import annotations

from datetime import datetime

from .events import CONTACT_LOGGED, INTRO_THANKS_SENT, THANKS_SENT, UPDATE_SENT
from .outreach_log import save_draft
from .safe import plain_text as _text
from .safe import whole_number

__all__ = ["NOTE_EVENTS", "log_contact", "log_note_sent", "set_cadence"]

# What "I sent it" logs for each note of step 6 (S1-S4).
NOTE_EVENTS = {"thanks": THANKS_SENT, "intro_thanks": INTRO_THANKS_SENT, "update": UPDATE_SENT}
MAX_CADENCE_DAYS = 3650


def log_note_sent(ws, contact_id: int, kind: str, subject: str, body: str, *, at: datetime) -> int:
    """ "I sent it": the note as sent is kept and the thank-you (S1, S2), the introducer's
    thanks (S3) or the update (S4) is logged, together. Returns the event's id."""
    event = NOTE_EVENTS[kind]
    with ws.transaction():
        save_draft(ws, contact_id, kind, subject, body)
        return ws.append_event(
            event, contact_id, {"subject": _text(subject), "body": _text(body)}, at=at.isoformat()
        )


def set_cadence(ws, contact_id: int, days: int | None) -> None:
    """S4: days between stay-in-touch updates for one person (0 = none, None = the default)."""
    if days is not None:
        number = whole_number(days)
        if number is None or not 0 <= number <= MAX_CADENCE_DAYS:
            raise ValueError(f"Choose 0 to {MAX_CADENCE_DAYS} days between updates.")
        days = number
    ws.write(updates={"contacts": [(contact_id, {"cadence_days": days})]})


def log_contact(ws, contact_id: int, *, at: datetime) -> int:
    """S4: any other exchange with the person (a call, a coffee): the next update moves on."""
    return ws.append_event(CONTACT_LOGGED, contact_id, {}, at=at.isoformat())
