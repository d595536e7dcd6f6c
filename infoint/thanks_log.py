"""Step 6's actions: a thank-you, an introducer's thanks or an update logged as sent, the
stay-in-touch rhythm per person, and any other contact that restarts it.

Each function is one user action in one transaction. The wording the user sent is kept with
step 3's drafts (``outreach_log.save_draft``), so the page shows it again next time; what they
typed to have the notes written for them (``NOTE_INPUTS``) is kept per person too.
"""

from __future__ import annotations

import json
from datetime import datetime

from .events import CONTACT_LOGGED, INTRO_THANKS_SENT, THANKS_SENT, UPDATE_SENT
from .i18n import _
from .outreach_log import save_draft
from .safe import plain_text as _text
from .safe import whole_number

__all__ = [
    "NOTE_EVENTS",
    "NOTE_INPUTS",
    "load_note_inputs",
    "log_contact",
    "log_note_sent",
    "save_note_inputs",
    "set_cadence",
]

# What "I sent it" logs for each note of step 6 (S1-S4).
NOTE_EVENTS = {"thanks": THANKS_SENT, "intro_thanks": INTRO_THANKS_SENT, "update": UPDATE_SENT}
MAX_CADENCE_DAYS = 3650
# What the page asks before writing the notes for the user: something specific (S2), their
# suggestion and what came of it, the card (and its text), what came of the introduction (S3),
# their news since (S4), and the language the notes are written in. "card" is yes or no; the
# others are text.
NOTE_INPUTS = (
    "specific",
    "suggestion",
    "suggestion_status",
    "card",
    "card_text",
    "outcome",
    "progress",
    "language",
)


def _inputs_key(contact_id: int) -> str:
    # A workbook fact per person: what was typed to write their notes.
    return f"thanks.inputs.{int(contact_id)}"


def load_note_inputs(ws, contact_id: int) -> dict:
    """What was typed to write one person's notes (``NOTE_INPUTS``); {} when nothing was."""
    try:
        value = json.loads(ws.get_meta(_inputs_key(contact_id)) or "{}")
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {
        k: (bool(value[k]) if k == "card" else _text(value[k])) for k in NOTE_INPUTS if k in value
    }


def save_note_inputs(ws, contact_id: int, inputs: dict) -> None:
    """Keep what was typed to write one person's notes (only ``NOTE_INPUTS``)."""
    kept = {
        k: (bool(v) if k == "card" else _text(v)) for k, v in inputs.items() if k in NOTE_INPUTS
    }
    ws.set_meta(_inputs_key(contact_id), json.dumps(kept, sort_keys=True))


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
            raise ValueError(
                _("Choose 0 to {days} days between updates.").format(days=MAX_CADENCE_DAYS)
            )
        days = number
    ws.write(updates={"contacts": [(contact_id, {"cadence_days": days})]})


def log_contact(ws, contact_id: int, *, at: datetime) -> int:
    """S4: any other exchange with the person (a call, a coffee): the next update moves on."""
    return ws.append_event(CONTACT_LOGGED, contact_id, {}, at=at.isoformat())
