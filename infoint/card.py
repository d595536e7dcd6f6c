"""The workshop card: a participant's outcome figures as a small JSON file, counts only.

A facilitator gathers the cards of a group and sees the cohort's figures (``cohort``). The
card holds numbers and nothing anyone typed: no names, organizations, email addresses, job
titles, notes or addresses, and not even the time it was made (only the day, in the
participant's own time zone). It says so in plain words inside itself (``holds``), and the
page shows the same words. The figures come from ``sharing.outcomes``, the one derivation the
report uses too. Making a card writes only two workbook facts (meta): the workbook's random
card number the first time, and the count of cards made, so that a cohort can tell the newer
of two cards; the file leaves only when the participant downloads and hands it over.
"""

from __future__ import annotations

import json
import secrets
from datetime import datetime

from .clock import zone
from .i18n import N_, _

__all__ = [
    "CARD_FORMAT",
    "CARD_VERSION",
    "CARD_HOLDS",
    "CARD_MIME",
    "FIGURES",
    "card_content",
    "card_dict",
    "card_bytes",
    "card_file",
    "card_filename",
    "new_card_id",
]

CARD_FORMAT = "infoint-workshop-card"
CARD_VERSION = 1
CARD_MIME = "application/json"
CARD_HOLDS = N_(
    "A workshop card from the informational interview workbook. It holds counts only: "
    "the steps done, how many requests were sent and answered, the meetings held, the "
    "thank-yous sent within 48 hours of a meeting, how many learning goals are answered, "
    "the day it was made, a random number, the same on every card of this workbook, and how "
    "many cards this workbook has made, so that a workbook handed in twice counts once (its "
    "newest card). "
    "It holds no names, organizations, email addresses, job titles, notes or addresses. "
    "Hand it to your workshop's facilitator only if you want to; nothing sends it by itself."
)
# The card's figures: (key, what it counts). Every one is a whole number except the rate.
FIGURES = (
    ("steps_done", N_("steps of the six done")),
    ("steps_total", N_("steps in the workbook")),
    ("requests_sent", N_("people asked for a conversation")),
    ("replies", N_("of them who answered")),
    ("response_rate", N_("answered / asked (empty before the first request)")),
    ("meetings_held", N_("meetings marked as held")),
    ("thanks_within_48h", N_("thank-you notes sent within 48 hours of the meeting")),
    ("goals_total", N_("learning goals written in step 1")),
    ("goals_answered", N_("of them answered by a meeting")),
    ("goals_partly", N_("of them partly answered")),
)


CARD_ID_KEY = "card.id"  # the workbook's card number, drawn once (meta)
CARD_SERIAL_KEY = "card.serial"  # how many cards this workbook has made (meta)


def new_card_id() -> str:
    """A random card number (32 hex digits), derived from nothing."""
    return secrets.token_hex(16)


def workbook_card_id(ws) -> str:
    """This workbook's card number: drawn at random the first time a card is made, then the
    same on every card, so that a cohort counts a participant who hands in two cards once.
    It says nothing about the participant and is kept in the workbook only."""
    found = ws.get_meta(CARD_ID_KEY) or ""
    if len(found) == 32 and all(c in "0123456789abcdef" for c in found):
        return found
    drawn = new_card_id()
    ws.set_meta(CARD_ID_KEY, drawn)
    return drawn


def next_card_serial(ws) -> int:
    """The number of this card among the workbook's cards (1, 2, ...), counted in the workbook:
    two cards made the same day are told apart by it, the newer has the higher."""
    found = ws.get_meta(CARD_SERIAL_KEY) or ""
    serial = (int(found) if found.isdigit() and len(found) < 10 else 0) + 1
    ws.set_meta(CARD_SERIAL_KEY, str(serial))
    return serial


def card_content(figures: dict, made_on: str, card_id: str, serial: int, version: int = 0) -> dict:
    """The card's layout, the one place it is written (the cohort's sample cards use it too)."""
    return {
        "format": CARD_FORMAT,
        "version": version or CARD_VERSION,
        "what_this_card_holds": _(CARD_HOLDS),  # its words in the participant's language
        "made_on": made_on,
        "card_id": card_id,
        "card_serial": serial,
        "figures": figures,
        "what_the_figures_mean": {key: _(meaning) for key, meaning in FIGURES},
    }


def card_dict(ws, now: datetime, card_id: str | None = None) -> dict:
    """A new card as a dict: format, version, what it holds in words, the participant's day,
    the workbook's random card number and this card's serial, the figures."""
    from .progress import pipeline_settings  # lazy: the cohort view reads cards without it
    from .sharing import outcomes  # lazy: the cohort view reads cards without a workbook's views

    o = outcomes(ws, now)
    values = {
        "steps_done": o.steps_done,
        "steps_total": o.steps_total,
        "requests_sent": o.requests_sent,
        "replies": o.replies,
        "response_rate": None if o.response_rate is None else round(o.response_rate, 4),
        "meetings_held": o.meetings_held,
        "thanks_within_48h": o.thanks_on_time,
        "goals_total": o.goals.total,
        "goals_answered": o.goals.answered,
        "goals_partly": o.goals.partly,
    }
    day = now.astimezone(zone(pipeline_settings(ws).tz)).date().isoformat()
    with ws.transaction():  # one action: the number drawn (once) and the card counted
        identity = card_id or workbook_card_id(ws)
        serial = next_card_serial(ws)
    return card_content(values, day, identity, serial)


def _encode(content: dict) -> bytes:
    return (json.dumps(content, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def card_bytes(ws, now: datetime, card_id: str | None = None) -> bytes:
    """A new card as UTF-8 JSON, readable by a person (indented, keys in a fixed order)."""
    return _encode(card_dict(ws, now, card_id))


def card_file(ws, now: datetime) -> tuple[str, bytes]:
    """A new card and its file name, both with the participant's day."""
    content = card_dict(ws, now)
    return card_filename(content["made_on"]), _encode(content)


def card_filename(day: str | datetime) -> str:
    """``infoint-card-2026-03-04.json``: the day only (ISO text or a datetime), no name."""
    text = day if isinstance(day, str) else f"{day:%Y-%m-%d}"
    return f"infoint-card-{text}.json"
