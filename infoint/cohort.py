"""A workshop's cohort view: the participants' cards read, checked and summed up with spread.

A facilitator collects the workshop cards (``card``) of a group, uploaded or from a folder.
Each file is checked on its own: one that is not a card, was made by a newer workbook, or
holds figures that can't be true (more answers than requests) is refused with a message that
names the file, and the rest are counted. Every card of one workbook carries its number, so a
workbook handed in twice counts once: its newest card (the higher card serial, which the
workbook counts up per card; then the later day; when both are equal, the one read first). The
figures
come with their spread (median, quartiles, lowest and highest, and the mean), because a few
very busy participants would otherwise hide everyone else. Nothing in a card but its numbers
is ever read or shown; nothing is sent anywhere.
"""

from __future__ import annotations

import json
import random
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import i18n
from .card import CARD_FORMAT, CARD_VERSION, card_content
from .i18n import _, ngettext

__all__ = [
    "MAX_CARD_BYTES",
    "MAX_CARDS",
    "CardRefused",
    "Card",
    "CohortRead",
    "Spread",
    "CohortFigure",
    "read_card",
    "read_cards",
    "read_folder",
    "spread",
    "cohort_figures",
    "sample_cards",
]

MAX_CARD_BYTES = 16_384  # a card is well under 1 KB; anything big is not one
MAX_CARDS = 2_000  # files read from one folder at most
MAX_COUNT = 100_000  # a figure above this is not a person's workbook
_COUNTS = ("steps_done", "steps_total", "requests_sent", "replies", "meetings_held")
_THANKS = "thanks_within_48h"
_GOALS = ("goals_total", "goals_answered", "goals_partly")
_CARD_ID = re.compile(r"[0-9a-f]{32}")


class CardRefused(ValueError):
    """A file that is not a readable workshop card; the message names the file and why."""


@dataclass(frozen=True)
class Card:
    """One participant's figures, from the file ``name``, with the card's random number."""

    name: str
    card_id: str
    made_on: str  # YYYY-MM-DD, "" when the card gives no valid day
    figures: dict
    serial: int = 0  # the workbook's count of cards when this one was made (0: not given)

    def newer_than(self, other: Card) -> bool:
        """Whether this card of a workbook was made after ``other``: the serial first (two
        cards of one day differ only there), then the day."""
        return (self.serial, self.made_on) > (other.serial, other.made_on)


@dataclass
class CohortRead:
    """What was read: the cards counted (one per workbook, its newest), the files refused
    (name, why), and the files of a workbook counted by another of its cards."""

    cards: list[Card] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)
    _seen: set = field(default_factory=set, repr=False)

    def add(self, name: str, data: bytes) -> None:
        """Check one file and count it, refuse it, or note it as a repeat."""
        try:
            card = read_card(name, data)
        except CardRefused as exc:
            self.refused.append((name, str(exc)))
            return
        if card.card_id in self._seen:
            i = next(i for i, c in enumerate(self.cards) if c.card_id == card.card_id)
            if card.newer_than(self.cards[i]):  # the workbook's newer card counts
                self.repeated.append(self.cards[i].name)
                self.cards[i] = card
            else:
                self.repeated.append(name)
            return
        self._seen.add(card.card_id)
        self.cards.append(card)


def _whole(name: str, figures: dict, key: str) -> int:
    value = figures.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise CardRefused(
            _("{name}: the figure {key} is missing or not a whole number.").format(
                name=name, key=repr(key)
            )
        )
    if not 0 <= value <= MAX_COUNT:
        raise CardRefused(
            _("{name}: the figure {key} ({value}) is out of range.").format(
                name=name, key=repr(key), value=value
            )
        )
    return value


def read_card(name: str, data: bytes) -> Card:
    """The card in ``data`` (a file called ``name``), or CardRefused saying what is wrong."""
    if len(data) > MAX_CARD_BYTES:
        raise CardRefused(
            _("{name}: too big for a workshop card ({size} bytes).").format(
                name=name, size=f"{len(data):,}"
            )
        )
    try:
        content = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise CardRefused(
            _("{name}: not a workshop card (it is not readable JSON).").format(name=name)
        ) from None
    if not isinstance(content, dict) or content.get("format") != CARD_FORMAT:
        raise CardRefused(_("{name}: not a workshop card from the workbook.").format(name=name))
    version = content.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise CardRefused(_("{name}: the card has no valid version number.").format(name=name))
    if version > CARD_VERSION:
        raise CardRefused(
            _(
                "{name}: made by a newer version of the workbook (card version {version}); "
                "update this copy to read it."
            ).format(name=name, version=version)
        )
    card_id = content.get("card_id")
    if not isinstance(card_id, str) or not _CARD_ID.fullmatch(card_id):
        raise CardRefused(_("{name}: the card has no valid card number.").format(name=name))
    raw = content.get("figures")
    if not isinstance(raw, dict):
        raise CardRefused(_("{name}: the card holds no figures.").format(name=name))
    figures = {key: _whole(name, raw, key) for key in (*_COUNTS, _THANKS, *_GOALS)}
    if figures["steps_done"] > figures["steps_total"]:
        raise CardRefused(_("{name}: more steps done than there are steps.").format(name=name))
    if figures["replies"] > figures["requests_sent"]:
        raise CardRefused(_("{name}: more answers than requests sent.").format(name=name))
    if figures[_THANKS] > figures["meetings_held"]:
        raise CardRefused(
            _("{name}: more thank-yous on time than meetings held.").format(name=name)
        )
    if figures["goals_answered"] + figures["goals_partly"] > figures["goals_total"]:
        raise CardRefused(_("{name}: more learning goals answered than written.").format(name=name))
    rate = raw.get("response_rate")
    expected = figures["replies"] / figures["requests_sent"] if figures["requests_sent"] else None
    if (rate is None) != (expected is None) or (
        expected is not None
        and (
            isinstance(rate, bool)
            or not isinstance(rate, int | float)
            or abs(rate - expected) > 1e-3
        )
    ):
        raise CardRefused(
            _("{name}: its response rate does not match its requests and answers.").format(
                name=name
            )
        )
    figures["response_rate"] = rate
    made_on = content.get("made_on")
    valid_day = isinstance(made_on, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", made_on)
    serial = content.get("card_serial", 0)  # cards made before the serial have none
    if isinstance(serial, bool) or not isinstance(serial, int) or not 0 <= serial <= 10**9:
        raise CardRefused(
            _("{name}: the card's serial number is not a whole number.").format(name=name)
        )
    return Card(name, card_id, made_on if valid_day else "", figures, serial)


def read_cards(files: Iterable[tuple[str, bytes]], into: CohortRead | None = None) -> CohortRead:
    """Every (name, bytes) checked, counted or refused; ``into`` keeps adding to a reading."""
    read = into if into is not None else CohortRead()
    for name, data in files:
        read.add(str(name), bytes(data))
    return read


def read_folder(folder: str | Path) -> list[tuple[str, bytes]]:
    """The ``*.json`` files of a folder (not its subfolders), by name; OSError if unreadable."""
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise FileNotFoundError(_("{folder} is not a folder.").format(folder=folder))
    found = []
    for item in sorted(path.glob("*.json"))[:MAX_CARDS]:
        if item.is_file():
            with item.open("rb") as handle:
                found.append((item.name, handle.read(MAX_CARD_BYTES + 1)))
    return found


@dataclass(frozen=True)
class Spread:
    """How a figure spreads over the participants: ``n`` values from ``low`` to ``high``,
    quartiles ``q1`` and ``q3`` (inclusive method), the median and the mean."""

    n: int
    low: float
    q1: float
    median: float
    q3: float
    high: float
    mean: float


def spread(values: Iterable[float]) -> Spread | None:
    """The spread of ``values``, or None when there are none."""
    data = sorted(float(v) for v in values)
    if not data:
        return None
    q1, median, q3 = (
        statistics.quantiles(data, n=4, method="inclusive") if len(data) > 1 else data * 3
    )
    return Spread(len(data), data[0], q1, median, q3, data[-1], statistics.fmean(data))


@dataclass(frozen=True)
class CohortFigure:
    """One of the cohort's figures: what it is, its unit, its spread and the group's total."""

    key: str
    label: str
    percent: bool
    spread: Spread | None
    total: str


def cohort_figures(cards: list[Card]) -> list[CohortFigure]:
    """The cohort's outcome figures, each with its spread over the participants.

    The response rate spreads over those who sent a request (the others have none); its
    total is the whole group's answers over the whole group's requests.
    """

    def values(key):
        return [c.figures[key] for c in cards if c.figures.get(key) is not None]

    def total(key):
        return sum(values(key))

    asked, answered = total("requests_sent"), total("replies")
    met, thanked = total("meetings_held"), total(_THANKS)
    goals, answered_goals, partly = (
        total("goals_total"),
        total("goals_answered"),
        total("goals_partly"),
    )
    totals = {c.figures["steps_total"] for c in cards}
    return [
        CohortFigure(
            "steps_done",
            _("Steps done (of {total})").format(total=totals.pop())
            if len(totals) == 1
            else _("Steps done"),
            False,
            spread(values("steps_done")),
            _("{n} finished every step").format(
                n=sum(1 for c in cards if c.figures["steps_done"] == c.figures["steps_total"])
            ),
        ),
        CohortFigure(
            "requests_sent", _("Requests sent"), False, spread(values("requests_sent")), f"{asked}"
        ),
        CohortFigure(
            "response_rate",
            _("Response rate"),
            True,
            spread(values("response_rate")),
            _("{n} of {total} answered").format(n=answered, total=asked)
            + (f" ({_share(answered / asked)})" if asked else ""),
        ),
        CohortFigure(
            "meetings_held", _("Meetings held"), False, spread(values("meetings_held")), f"{met}"
        ),
        CohortFigure(
            _THANKS,
            _("Thank-yous within 48 h"),
            False,
            spread(values(_THANKS)),
            ngettext("{n} of {total} meeting", "{n} of {total} meetings", met).format(
                n=thanked, total=met
            )
            + (f" ({_share(thanked / met)})" if met else ""),
        ),
        CohortFigure(
            "goals_answered",
            _("Learning goals answered"),
            False,
            spread(values("goals_answered")),
            _("{n} of {total} goals, {partly} more partly").format(
                n=answered_goals, total=goals, partly=partly
            ),
        ),
    ]


def _share(value: float) -> str:
    """A share as each language writes it; English as it always was."""
    return f"{value:.0%}" if i18n.language() == "en" else i18n.format_percent(value)


def _card_json(figures: dict, card_id: str, version: int = CARD_VERSION) -> bytes:
    """A made-up card in the card's own layout (``card.card_content``), the first of its
    workbook."""
    return json.dumps(card_content(figures, "2026-03-04", card_id, 1, version), indent=2).encode(
        "utf-8"
    )


def sample_cards(count: int = 30, broken: int = 4, seed: int = 14) -> list[tuple[str, bytes]]:
    """Made-up cards of a workshop, for trying the view: ``count`` files, the last ``broken``
    damaged the ways hand-ins are (a note instead of a card, another program's JSON,
    impossible figures, a newer workbook's card)."""
    rng = random.Random(seed)
    files = []
    for i in range(count - broken):
        asked = rng.choice([0, 1, 2, 3, 3, 4, 5, 5, 6, 8, 12])
        replies = rng.randint(0, asked)
        met = rng.randint(replies // 2, replies)
        figures = {
            "steps_done": min(6, met + (2 if asked else rng.randint(0, 2))),
            "steps_total": 6,
            "requests_sent": asked,
            "replies": replies,
            "response_rate": round(replies / asked, 4) if asked else None,
            "meetings_held": met,
            "thanks_within_48h": rng.randint(met // 2, met),
            "goals_total": (goals := rng.randint(2, 6)),
            "goals_answered": (answered := min(goals, rng.randint(0, met + 1))),
            "goals_partly": rng.randint(0, goals - answered),
        }
        files.append(
            (f"card-{i + 1:02d}.json", _card_json(figures, f"{rng.getrandbits(128):032x}"))
        )
    impossible = {
        "steps_done": 1,
        "steps_total": 6,
        "requests_sent": 1,
        "replies": 9,
        "response_rate": 9.0,
        "meetings_held": 0,
        "thanks_within_48h": 0,
        "goals_total": 3,
        "goals_answered": 0,
        "goals_partly": 0,
    }
    damage = [
        b"Dear facilitator, here is my card!",
        json.dumps({"format": "something-else", "version": 1}).encode("utf-8"),
        _card_json(impossible, "0" * 32),
        _card_json(dict(impossible, replies=0, response_rate=0.0), "1" * 32, CARD_VERSION + 1),
    ]
    for j in range(broken):
        files.append((f"card-{count - broken + j + 1:02d}.json", damage[j % len(damage)]))
    return files
