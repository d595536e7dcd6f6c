"""Step 6 of the workbook: thank people promptly and personally, then stay in touch.

An informational interview is a favour. How you thank someone decides whether they remember
you well, and whether they think of you when something comes up. The rules (GUIDE.md S1-S4):

- S1 a thank-you within 48 hours of the meeting (``thanks_due``, ``thanks_status``); the
  agenda's reminder comes from ``pipeline.next_actions``, which this module doesn't repeat;
- S2 the note is personal: it names something specific from the conversation and what you did
  about something they suggested; email always, a handwritten card as well when you have the
  address, never an e-card, no gifts (``compose_thanks``, ``check_thanks``, ``GIFT_GUIDANCE``);
- S3 whoever introduced you is thanked too (``compose_intro_thanks``);
- S4 a short progress update every few months, about three a year at most, asking for
  nothing (``compose_update``, ``next_update``, ``stay_in_touch_reminders``).

Drafts are plain-text Jinja2 templates (``infoint/templates/*.txt.j2``) filled with values,
never with template source, so a name like ``{{7*7}}`` stays what it is; each value is one
line of text without control characters. Checks return ``Finding`` objects and never raise.
Typos (R3) and job asks are found by step 3's ``request_check.check_request``, keeping only its
R3 and R2 findings, so every step judges spelling and asks the same way. No widgets, files or
network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterable, Mapping
from datetime import datetime, time, timedelta
from pathlib import Path

from .clock import add_days, aware, zone
from .events import CONTACT_LOGGED, MET, THANKS_SENT, UPDATE_SENT, Event, Reminder
from .records import STEP_NOTEBOOKS, Contact, Draft, Finding, Objective, Profile
from .render import first_word, render_block, tidy
from .request_check import check_request
from .safe import one_line as _one_line
from .safe import plain_text as _text
from .stages import replay, stage
from .text import STOP_WORDS, fold, stem, word_count

__all__ = [
    "THANKS_HOURS",
    "THANKS_STATUSES",
    "THANKS_KINDS",
    "WORD_LIMITS",
    "GIFT_GUIDANCE",
    "DEFAULT_CADENCE_DAYS",
    "MAX_UPDATES_PER_YEAR",
    "TOUCH_KINDS",
    "REMINDER_HOUR",
    "SPECIFIC_PLACEHOLDER",
    "SUGGESTION_PLACEHOLDER",
    "STATUS_PLACEHOLDER",
    "OUTCOME_PLACEHOLDER",
    "PROGRESS_PLACEHOLDER",
    "NAME_PLACEHOLDER",
    "thanks_due",
    "thanks_status",
    "ThankYou",
    "thank_you",
    "compose_thanks",
    "compose_intro_thanks",
    "compose_update",
    "check_thanks",
    "next_update",
    "stay_in_touch_reminders",
]

THANKS_HOURS = 48  # S1: thank within 48 hours of the meeting; sooner is better
THANKS_STATUSES: tuple[str, ...] = ("due", "overdue", "sent on time", "sent late")  # S1
THANKS_KINDS: tuple[str, ...] = ("thanks", "card", "intro_thanks", "update")
# Words: a thank-you (S2) is read in a minute; a card has room for a few sentences only.
WORD_LIMITS: dict[str, int] = {"thanks": 150, "card": 80, "intro_thanks": 150, "update": 150}
GIFT_GUIDANCE = (
    "Always thank them by email. If you have their postal address, send a short handwritten "
    "card as well. Skip e-card services, and don't send gifts: they can make a kind favour "
    "feel like a transaction. A small token fits only after substantial help, such as a "
    "mentor who guided you for months or a lead that turned into a job."
)
DEFAULT_CADENCE_DAYS = 91  # S4: an update about every three months
MAX_UPDATES_PER_YEAR = 3  # S4: no more than about three a year
# S4: any exchange restarts the stay-in-touch clock (the same kinds as pipeline's last touch).
TOUCH_KINDS: tuple[str, ...] = (MET, THANKS_SENT, UPDATE_SENT, CONTACT_LOGGED)
REMINDER_HOUR = 9  # S4: calendar reminders ring at 9:00 local time, never at night

SPECIFIC_PLACEHOLDER = "[something specific they said that stayed with you]"
SUGGESTION_PLACEHOLDER = "[something they suggested]"
STATUS_PLACEHOLDER = "[What you have done about it, or when you will]"
OUTCOME_PLACEHOLDER = "[What came of it: what you learned, or what you will do next]"
PROGRESS_PLACEHOLDER = (
    "[what you have done since you spoke: a course, a project, a step they suggested]"
)
NAME_PLACEHOLDER = "[your name]"

_ERROR, _WARNING, _INFO = "error", "warning", "info"
_TEMPLATES = Path(__file__).resolve().parent / "templates"
_MAX_PHRASE = 400  # characters kept from a sentence the user wrote (an insight, progress)
_MAX_CHECK = 100_000  # characters of a note that are checked
_RULES = {"thanks": "S2", "card": "S2", "intro_thanks": "S3", "update": "S4"}
_YEAR_DAYS = 365
_MAX_CADENCE = 3650


# ----------------------------------------------------------------- plain text helpers


def _phrase(value) -> str:
    """A user's phrase ready to sit inside a sentence: one line, closing punctuation removed."""
    return _one_line(value, _MAX_PHRASE).rstrip(" .,;:!?")


def _capital(text: str) -> str:
    """Sentence case for a phrase that starts a sentence ("i've read it" -> "I've read it")."""
    return text[:1].upper() + text[1:]


# ----------------------------------------------------------------- S1 the 48 hours


def thanks_due(met_at: datetime, tz: str, *, hours: int = THANKS_HOURS) -> datetime:
    """S1: when the thank-you is due: exactly ``hours`` (48) hours after the meeting.

    Hours are exact, so across a daylight-saving change the local clock time moves by an hour
    (a meeting at 10:00 the day before the clocks go forward is due at 11:00 two days later).
    The result is in the user's zone ``tz`` (unknown or empty: UTC); a naive ``met_at`` is
    read as local time there.
    """
    tzinfo = zone(tz)
    return (aware(met_at, tzinfo) + timedelta(hours=max(0, int(hours)))).astimezone(tzinfo)


def thanks_status(
    met_at: datetime, sent_at: datetime | None, now: datetime, *, hours: int = THANKS_HOURS
) -> str:
    """S1: "due" (not sent, still within 48 hours), "overdue", "sent on time" or "sent late".

    The deadline itself still counts as on time. Naive datetimes are read as UTC.
    """
    deadline = aware(met_at) + timedelta(hours=max(0, int(hours)))
    if sent_at is not None:
        return "sent on time" if aware(sent_at) <= deadline else "sent late"
    return "due" if aware(now) <= deadline else "overdue"


@dataclass(frozen=True)
class ThankYou:
    """S1 for one person met: when the meeting took place, when the note was due and sent
    (None: not yet), and its status (one of ``THANKS_STATUSES``)."""

    contact_id: int
    met_at: datetime
    due: datetime
    sent_at: datetime | None
    status: str


def thank_you(
    contact_id: int, events: Iterable[Event], now: datetime, tz: str = "UTC"
) -> ThankYou | None:
    """S1 as every view shows it, or None before the meeting was held.

    The meeting counts from when it took place (the ``met`` event's own time), not from when
    it was marked as held; a note counts when it was sent after that meeting. The one
    derivation the step 6 page, the start page's progress and the report all use.
    """
    state = replay(events, zone(tz))
    if state.met_at is None:
        return None
    sent = state.thanked_at if state.thanked_at and state.thanked_at >= state.met_at else None
    return ThankYou(
        contact_id,
        state.met_at,
        thanks_due(state.met_at, tz),
        sent,
        thanks_status(state.met_at, sent, now),
    )


# ----------------------------------------------------------------- S2-S4 drafts


def _render(template_name: str, values: dict) -> tuple[str, str]:
    """(subject, body) of a template: subject on one line, body tidied."""
    subject = _one_line(render_block(template_name, "subject", values), None)
    body = tidy(render_block(template_name, "body", values))
    return subject, body


def _person_values(profile: Profile, contact: Contact) -> dict:
    """The names every draft uses, each one line of plain text."""
    profile = profile if isinstance(profile, Profile) else Profile()
    contact = contact if isinstance(contact, Contact) else Contact()
    first = _one_line(contact.first_name)
    full = _one_line(f"{_text(contact.first_name)} {_text(contact.last_name)}")
    organization = _one_line(contact.organization)
    return {
        "first": first,
        "them": first or "[their name]",
        "them_full": full or "[their name]",
        "them_full_short": _one_line(full, 40) or "someone you know",
        "position": _one_line(contact.position),
        "organization": organization,
        "organization_short": _one_line(organization, 40),
        "sender": _one_line(profile.name) or NAME_PLACEHOLDER,
    }


def compose_thanks(
    profile: Profile,
    contact: Contact,
    *,
    specific: str = "",
    suggestion: str = "",
    suggestion_status: str = "",
    card: bool = False,
) -> Draft:
    """S2: a personal thank-you email, or with ``card=True`` the text of a handwritten card.

    It names ``specific``, something from the conversation (pick one of the debrief's
    ``insight_choices``), and what came of something they suggested: ``suggestion`` ("the
    book Just Enough Research") and ``suggestion_status`` ("I've ordered it and will read it
    this week"). Anything left empty becomes a [placeholder in brackets], which
    ``check_thanks`` reports until it is filled. The email goes to the contact's address; the
    card has no subject and no address (it is posted). Send within 48 hours (S1).
    """
    values = _person_values(profile, contact)
    values.update(
        specific=_phrase(specific) or SPECIFIC_PLACEHOLDER,
        suggestion=_phrase(suggestion) or SUGGESTION_PLACEHOLDER,
        status=_capital(_phrase(suggestion_status)) or STATUS_PLACEHOLDER,
    )
    if card:
        _, body = _render("thanks_card.txt.j2", values)
        return Draft("thanks_card", "", body)
    subject, body = _render("thanks.txt.j2", values)
    to = _one_line(getattr(contact, "email", ""), 320)
    return Draft("thanks", subject, body, to)


def compose_intro_thanks(
    profile: Profile,
    introducer_name: str,
    contact: Contact,
    *,
    outcome: str = "",
    introducer_email: str = "",
) -> Draft:
    """S3: thank whoever introduced you: that you met, that it went well, what came of it.

    ``introducer_name`` is usually the contact's ``via``; ``outcome`` is what came of the
    meeting ("She suggested a portfolio review, and I've booked one"), a placeholder when
    empty. ``introducer_email`` fills the draft's recipient when you have it.
    """
    values = _person_values(profile, contact)
    values.update(
        via_first=first_word(_one_line(introducer_name)),
        outcome=_capital(_phrase(outcome)) or OUTCOME_PLACEHOLDER,
    )
    subject, body = _render("intro_thanks.txt.j2", values)
    return Draft("intro_thanks", subject, body, _one_line(introducer_email, 320))


def compose_update(profile: Profile, contact: Contact, *, progress: str = "") -> Draft:
    """S4: a short update on your progress that asks for nothing (no reply needed).

    ``progress`` is what happened since you spoke ("I finished the course you recommended and
    started volunteering as a research assistant"), a placeholder when empty.
    """
    values = _person_values(profile, contact)
    values.update(progress=_phrase(progress) or PROGRESS_PLACEHOLDER)
    subject, body = _render("update.txt.j2", values)
    return Draft("update", subject, body, _one_line(getattr(contact, "email", ""), 320))


# ----------------------------------------------------------------- checking a note

# Words any thank-you note has: on their own they show nothing specific (S2).
_GENERIC = STOP_WORDS | frozenset(
    """
thank thanks thanking thankful grateful gratitude appreciate appreciated appreciating
appreciation time taking took making made spend spent spending talk talking talked chat chatted
chatting speak speaking spoke meet meeting met conversation conversations call called discussion
advice insight insights insightful help helped helping helpful useful valuable wonderful
lovely nice great good kind kindly generous generosity pleasure glad happy enjoyed enjoy
learned learnt learning learn lot yesterday today tomorrow week weekend morning afternoon
evening recently earlier hear hearing heard again truly sincerely regards best wishes warmly
warm cheers hope hoping hopefully soon touch forward look looking stay staying keep keeping
posted let know busy schedule experience experiences work working job career field industry
company organization role much many dear hello hi hey name
""".split()
)
_WORD_RE = re.compile(r"[a-z][a-z']+")
_PLACEHOLDER_RE = re.compile(r"\[[^\[\]\n]{1,160}\](?!\()")
_THANK_RE = re.compile(r"\b(?:thank|thanks|thankful|grateful|gratitude|appreciat\w*)")
_GIFT_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"e-?cards?",
            r"(?:electronic|online|digital|animated)\s+(?:greeting\s+)?cards?",
            r"gift\s*(?:cards?|certificates?|vouchers?|baskets?|box(?:es)?|codes?|cheques?|checks?)",
            r"vouchers?",
            r"hampers?",
            r"bouquets?",
            r"flowers",
            r"bottles?\s+of\s+(?:wine|champagne|prosecco|whisky|whiskey|scotch|gin)",
            r"(?:amazon|starbucks|itunes|apple|visa|tim\s+hortons|uber\s+eats|doordash)\s+"
            r"(?:card|credit|gift)s?",
            r"token\s+of\s+(?:my\s+|our\s+)?(?:appreciation|gratitude|thanks)",
            r"(?:sent|send|sending|bought|buy|buying|got|get|getting|attached|attaching|enclosed|"
            r"enclosing|included|including|mailing|mailed|ordered)\s+(?:you\s+)?"
            r"(?:a|an|this|the|some|my)?\s*(?:small\s+|little\s+)?(?:gift|present|token)s?",
            r"(?:a|my|small|little)\s+(?:little\s+)?(?:gift|present)s?"
            r"(?!\s+for\s+(?:\w+ing|explain\w*|teach\w*|words|people|it|this)\b)",
        ]
    )
    + r")\b"
)
_STATUS_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"i've",
            r"i\s+have",
            r"i'll",
            r"i\s+will",
            r"i'm",
            r"i\s+am",
            r"i'd",
            r"already",
            r"this\s+(?:week|weekend|month)",
            r"next\s+(?:week|month)",
            r"tomorrow",
            r"tonight",
            r"today",
            r"soon",
            r"plan(?:ning)?\s+to",
            r"going\s+to",
            r"started",
            r"signed\s+up",
            r"ordered",
            r"booked",
            r"contacted",
            r"reached\s+out",
            r"wrote",
            r"emailed",
            r"read",
            r"reading",
            r"bought",
            r"joined",
            r"registered",
            r"enrolled",
            r"downloaded",
            r"listened",
            r"watched",
            r"followed",
            r"subscribed",
            r"bookmarked",
            r"scheduled",
            r"set\s+up",
            r"done",
            r"finished",
            r"looked",
            r"tried",
            r"trying",
            r"applied\s+(?:it|this|that)",
        ]
    )
    + r")\b"
)
_MET_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"we\s+(?:finally\s+)?(?:met|spoke|talked|chatted|had)",
            r"met\s+(?:with|up)",
            r"(?:i|we)\s+(?:got|had)\s+to\s+(?:meet|talk|speak)",
            r"(?:spoke|talked|chatted)\s+with",
            r"(?:our|my)\s+(?:conversation|call|chat|meeting|coffee)",
            r"(?:conversation|call|chat|meeting|coffee)\s+with",
            r"i\s+met",
        ]
    )
    + r")\b"
)
_WENT_WELL_RE = re.compile(
    r"\b(?:went\s+(?:really\s+|very\s+)?well|great|helpful|useful|"
    r"enjoyed|generous|valuable|insightful|wonderful|glad|"
    r"learned|learnt|eye-opening|encouraging)\b"
)
_OUTCOME_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"as\s+a\s+result",
            r"since\s+(?:then|we\s+(?:met|spoke|talked))",
            r"thanks\s+to",
            r"because\s+of\s+(?:it|that|this|the\s+conversation|our|her|him|them|your)",
            r"(?:she|he|they)\s+(?:suggested|recommended|pointed|introduced|mentioned|offered|shared|"
            r"explained|helped|encouraged|advised|told)",
            r"i(?:'ve|\s+have)\s+(?:since|already|now|just)",
            r"i(?:'ve|\s+have)\s+(?:started|signed|"
            r"joined|contacted|reached|read|enrolled|decided|booked|updated|begun|registered|changed)",
            r"i(?:'m|\s+am)\s+(?:now|going\s+to|planning)",
            r"i\s+(?:learned|learnt|decided|now|plan|realized|realised|found\s+out)",
            r"i(?:'ll|\s+will)\s+(?:be|start|read|contact|follow|try|join|reach|update|take|sign|talk|"
            r"speak|meet|attend|apply\s+what|focus)",
            r"next\s+step",
        ]
    )
    + r")\b"
)
_PROGRESS_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"i(?:'ve|\s+have)\s+(?:\w+\s+)?(?:started|finished|completed|joined|begun|taken|signed|"
            r"enrolled|landed|accepted|moved|launched|published|built|earned|passed|been|made|run|"
            r"done|met|spoken|talked|presented|volunteered|read|applied|learned|learnt|decided)",
            r"i\s+(?:\w+\s+)?(?:started|finished|completed|joined|took|signed|enrolled|landed|accepted|"
            r"moved|launched|published|built|earned|passed|decided|began|met|presented|volunteered|"
            r"read|learned|learnt)",
            r"i(?:'m|\s+am)\s+(?:now|currently|working|taking|studying|volunteering|leading|building|"
            r"learning|starting|about\s+to|halfway|almost)",
            r"my\s+(?:\w+\s+)?(?:is|are)\s+(?:now|finally|done|live|online|ready|published|finished)",
            r"new\s+(?:role|job|position|course|project|certificate)",
        ]
    )
    + r")\b"
)
_ASK_RE = re.compile(
    r"\b(?:could|would|can|will)\s+you\b|\bwould\s+it\s+be\s+possible\b"
    r"|\bplease\s+(?:send|introduce|review|look|share|help|forward|pass)\b"
    r"|\bdo\s+you\s+(?:know|have)\b"
)
_NAMED_REFERRAL_RE = re.compile(r"\breferral(s?)(?=\s+to\s+[A-Z])")
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n+")


def _stems(text: str, drop: Iterable[str] = frozenset()) -> set[str]:
    """Meaningful word stems of a text: three letters or more, no stop or thank-you words."""
    drop = set(drop)
    found = set()
    for word in _WORD_RE.findall(fold(_text(text)[:_MAX_CHECK].replace("\u2019", "'"))):
        word = word.strip("'")
        if len(word) < 3 or word in _GENERIC or word in drop:
            continue
        if word.endswith("'s"):
            word = word[:-2]
        found.add(stem(word))
    return found


def _known(values: Iterable[str]) -> set[str]:
    """Folded single words of names and organizations (never proof of a personal note)."""
    words = set()
    for value in values:
        words.update(w.strip("'") for w in _WORD_RE.findall(fold(_text(value)[:10_000])))
    return words


def _kind(kind: str) -> str:
    kind = _text(kind).strip().lower()
    if kind in ("thanks_card", "card"):
        return "card"
    return kind if kind in THANKS_KINDS else "thanks"


def check_thanks(
    text: str,
    *,
    kind: str = "thanks",
    specific_hints: Iterable[str] = (),
    suggestion_hints: Iterable[str] = (),
    known_words: Iterable[str] = (),
) -> list[Finding]:
    """S2-S4, R3: what to improve in a thank-you, a card, an introducer's thanks or an update.

    ``kind`` is "thanks", "card" (or "thanks_card"), "intro_thanks" or "update".

    - (error) empty; [placeholders in brackets] still unfilled;
    - S2 (warning, thanks and card) it doesn't say thank you; it names nothing specific:
      none of the meaningful words of ``specific_hints`` (the debrief's insights and notes;
      names in ``known_words`` don't count) appear in it, or, without hints, there is hardly
      a word beyond what any thank-you says ("thanks for your time");
    - S2 (warning, thanks and card) ``suggestion_hints`` given, but the note doesn't mention
      the suggestion, or doesn't say what you did about it (in that sentence or the next);
    - S2 (warning, every kind) gifts, gift cards or e-card services mentioned (GIFT_GUIDANCE);
    - S2/S3/S4 (warning) longer than ``WORD_LIMITS`` (150 words, a card 80);
    - S3 (warning) an introducer's thanks that doesn't say you met, or what came of it
      (``specific_hints`` may hold the outcome); (info) doesn't say how it went;
    - S4 (warning) an update that shares no progress (when ``specific_hints`` hold the news
      you meant to share: none of their words appear), or asks for a job, an opening or a
      referral (the same detection as step 3's R2); (info) one that asks for something else;
      R2 (warning) the same asks in a thank-you;
    - R3 (warning/info) words not in the English word list; ``known_words`` (names of people
      and organizations) are accepted.

    Never raises; user text appears only in a finding's ``subject``, shortened.
    """
    try:
        return _check(
            _text(text)[:_MAX_CHECK],
            _kind(kind),
            list(map(_text, specific_hints or ())),
            list(map(_text, suggestion_hints or ())),
            list(map(_text, known_words or ())),
        )
    except Exception:  # noqa: BLE001 - a checker must never take the page down
        return [
            Finding(
                _RULES.get(_kind(kind), "S2"),
                _INFO,
                "This note could not be checked completely.",
                fix="Read it once more yourself before sending.",
            )
        ]


def _check(
    text: str,
    kind: str,
    specific_hints: list[str],
    suggestion_hints: list[str],
    known_words: list[str],
) -> list[Finding]:
    """All the rules of ``check_thanks`` in reading order."""
    rule = _RULES[kind]
    if not text.strip():
        return [
            Finding(
                rule,
                _ERROR,
                "The note is empty.",
                fix="Start from the composed draft and make it yours.",
            )
        ]
    found: list[Finding] = []
    folded = fold(text.replace("\u2019", "'"))

    for match in list(dict.fromkeys(_PLACEHOLDER_RE.findall(text)))[:5]:
        found.append(
            Finding(
                rule,
                _ERROR,
                "Replace this placeholder before sending.",
                _one_line(match, 80),
                "Write your own words in its place, or delete the sentence.",
            )
        )

    known = _known(known_words)
    if kind in ("thanks", "card", "intro_thanks") and not _THANK_RE.search(folded):
        found.append(
            Finding(
                rule,
                _WARNING,
                "It doesn't actually say thank you.",
                fix="Start with a plain 'Thank you for ...'.",
            )
        )

    if kind in ("thanks", "card"):
        found.extend(_specific_findings(folded, specific_hints, known))
        found.extend(_suggestion_findings(folded, suggestion_hints))

    gift = _GIFT_RE.search(folded)
    if gift:
        found.append(
            Finding(
                "S2",
                _WARNING,
                "Skip gifts, gift cards and e-cards: a personal note is the thanks "
                "people value. A small token fits only after substantial help, such as a mentor or "
                "a lead that worked out.",
                _one_line(gift.group(0), 60),
                GIFT_GUIDANCE,
            )
        )

    words = word_count(text)
    limit = WORD_LIMITS[kind]
    if words > limit:
        what = "card" if kind == "card" else "note"
        found.append(
            Finding(
                rule,
                _WARNING,
                f"At {words} words this is long for a {what} like this; under "
                f"{limit} words gets read in full.",
                f"{words} words",
                "Keep the thanks, the one specific thing and the news; cut the rest.",
            )
        )

    if kind == "intro_thanks":
        found.extend(_intro_findings(folded, specific_hints, known))
    progress_stems = _stems(" ".join(specific_hints), known) if kind == "update" else set()
    shares_news = (
        bool(progress_stems & _stems(folded, known))
        if progress_stems
        else bool(_PROGRESS_RE.search(folded))
    )
    if kind == "update" and not shares_news:
        found.append(
            Finding(
                "S4",
                _WARNING,
                "It doesn't share any news. An update is about your progress: what "
                "you did since you spoke, ideally with their advice.",
                fix="Add one or two sentences: a course, a project, a person you met, a step "
                "they suggested.",
            )
        )

    found.extend(_shared_findings(text, kind, known_words))
    return found


def _specific_findings(folded: str, hints: list[str], known: set[str]) -> list[Finding]:
    """S2: the note must name something from this conversation, not only thanks for the time."""
    hint_stems = _stems(" ".join(hints), known)
    text_stems = _stems(folded, known)
    if hint_stems:
        shared = hint_stems & text_stems
        if not shared:
            return [
                Finding(
                    "S2",
                    _WARNING,
                    "It doesn't mention anything from your notes on the "
                    "conversation, so it could have been sent to anyone.",
                    _one_line(
                        hints[0] if len(hints) == 1 else " / ".join(h for h in hints if h.strip()),
                        80,
                    ),
                    "Name one thing they told you that was useful, in a sentence.",
                )
            ]
        return []
    if len(text_stems) < 3:
        return [
            Finding(
                "S2",
                _WARNING,
                "This reads like a note anyone could send: it thanks them for their "
                "time but names nothing from the conversation.",
                _one_line(folded, 80),
                "Add one specific thing they said and why it helped you.",
            )
        ]
    return []


def _suggestion_findings(folded: str, hints: list[str]) -> list[Finding]:
    """S2: say what you did about something they suggested (in that sentence or the next)."""
    hints = [h for h in hints if h.strip()]
    wanted = _stems(" ".join(hints))
    if not wanted:
        return []
    sentences = [s for s in _SENTENCE_RE.split(folded) if s.strip()]
    where = [i for i, s in enumerate(sentences) if _stems(s) & wanted]
    subject = _one_line(hints[0], 80)
    if not where:
        return [
            Finding(
                "S2",
                _WARNING,
                "It doesn't mention what they suggested. Saying what you did about "
                "it shows you listened, and gives them a reason to help again.",
                subject,
                "Add, for example: 'I've already contacted ...' or 'I'll read ... this week'.",
            )
        ]
    if not any(_STATUS_RE.search(" ".join(sentences[i : i + 2])) for i in where):
        return [
            Finding(
                "S2",
                _WARNING,
                "It mentions their suggestion but not what you did, or will do, about it.",
                subject,
                "Add when: 'I've already ...' or 'I'll ... this week'.",
            )
        ]
    return []


def _intro_findings(folded: str, hints: list[str], known: set[str]) -> list[Finding]:
    """S3: that you met, how it went, and what came of it."""
    found = []
    if not _MET_RE.search(folded):
        found.append(
            Finding(
                "S3",
                _WARNING,
                "It doesn't say that you met. The person who introduced you wants "
                "to know their introduction worked.",
                fix="Add, for example: 'We met last week.'",
            )
        )
    if not _WENT_WELL_RE.search(folded):
        found.append(
            Finding(
                "S3",
                _INFO,
                "Say how it went, in a few words.",
                fix="For example: 'It was a really helpful conversation.'",
            )
        )
    hint_stems = _stems(" ".join(hints), known)
    came_of_it = (
        bool(hint_stems & _stems(folded, known)) if hint_stems else bool(_OUTCOME_RE.search(folded))
    )
    if not came_of_it:
        found.append(
            Finding(
                "S3",
                _WARNING,
                "It doesn't say what came of the meeting. Hearing that their "
                "introduction helped is the best thanks an introducer can get.",
                fix="Add what you learned or what you are doing next because of it.",
            )
        )
    return found


def _shared_findings(text: str, kind: str, known_words: list[str]) -> list[Finding]:
    """R3 typos and job asks, judged by step 3's ``check_request`` (only those findings kept).

    A "referral to <Name>" is a person they pointed you to (D3), not a job referral, so it is
    read as an introduction first.
    """
    softened = _NAMED_REFERRAL_RE.sub(lambda m: "introduction" + ("s" if m.group(1) else ""), text)
    results = check_request(
        softened,
        profile=Profile(),
        objective=Objective(),
        known_words=known_words,
        kind="request_direct",
    )
    found = [
        f
        if "first message" not in f.message
        else Finding(
            f.rule,
            f.severity,
            "This word isn't in the spelling list. A typo can undo an otherwise careful note.",
            f.subject,
            f.fix,
        )
        for f in results
        if f.rule == "R3"
    ]
    asks = [f for f in results if f.rule == "R2" and f.severity == _ERROR]
    if asks:
        subject = _one_line("; ".join(dict.fromkeys(f.subject for f in asks)), 80)
        if kind == "update":
            found.append(
                Finding(
                    "S4",
                    _WARNING,
                    "An update shares news and asks for nothing. Asking for a job, "
                    "an opening or a referral here turns it into a request.",
                    subject,
                    "Remove the ask; if they know of something, they will tell you.",
                )
            )
        else:
            found.append(
                Finding(
                    "R2",
                    _WARNING,
                    "A thank-you is not the place to ask for a job, an opening or a "
                    "referral; it can undo the goodwill of the meeting.",
                    subject,
                    "Remove the ask; if they know of something, they will tell you.",
                )
            )
    if kind == "update" and not asks:
        request = _ASK_RE.search(fold(text))
        if request:
            found.append(
                Finding(
                    "S4",
                    _INFO,
                    "This update asks for something. Updates work best when they ask "
                    "for nothing, so people enjoy hearing from you.",
                    _one_line(request.group(0), 40),
                    "Keep the request for a separate message, if you need it.",
                )
            )
    return found


# ----------------------------------------------------------------- S4 staying in touch


def next_update(
    last_contact: datetime,
    cadence_days: int | None,
    updates_last_year: int | Iterable[datetime],
    tz: str,
) -> datetime | None:
    """S4: when to send the next short update, or None when you turned updates off.

    ``cadence_days`` after ``last_contact`` (counted in days in ``tz``, same clock time), the
    contact's own cadence or ``DEFAULT_CADENCE_DAYS`` (91) when None; 0 means off. At most
    ``MAX_UPDATES_PER_YEAR`` (3) updates in any 365 days: ``updates_last_year`` is the list of
    times updates were sent (exact: the next one waits until the third most recent is a year
    old), or just their number (then, at 3 or more, it waits a year from ``last_contact``,
    which is always enough). Naive times are read as local time in ``tz``; the result is too.
    """
    tzinfo = zone(tz)
    if cadence_days is None:
        days = DEFAULT_CADENCE_DAYS
    else:
        try:
            days = int(cadence_days)
        except (TypeError, ValueError, OverflowError):
            days = DEFAULT_CADENCE_DAYS
        if days == 0:
            return None
        if days < 0:
            days = DEFAULT_CADENCE_DAYS
    days = min(days, _MAX_CADENCE)
    last = aware(last_contact, tzinfo)
    due = add_days(last, days, tzinfo)
    if isinstance(updates_last_year, bool):
        updates_last_year = int(updates_last_year)
    if isinstance(updates_last_year, int):
        if updates_last_year >= MAX_UPDATES_PER_YEAR:
            due = max(due, add_days(last, _YEAR_DAYS, tzinfo))
    else:
        sent = sorted(
            aware(t, tzinfo) for t in (updates_last_year or ()) if isinstance(t, datetime)
        )
        if len(sent) >= MAX_UPDATES_PER_YEAR:
            due = max(due, add_days(sent[-MAX_UPDATES_PER_YEAR], _YEAR_DAYS, tzinfo))
    return due.astimezone(tzinfo)


def _reminder_start(due: datetime, now: datetime, tzinfo) -> datetime:
    """9:00 local on the day it is due; if that has passed, the next 9:00 after ``now``."""
    day = due.astimezone(tzinfo).date()
    start = datetime.combine(day, time(REMINDER_HOUR), tzinfo=tzinfo)
    if start < now:
        local_now = now.astimezone(tzinfo)
        start = datetime.combine(local_now.date(), time(REMINDER_HOUR), tzinfo=tzinfo)
        if start < now:
            start = datetime.combine(
                local_now.date() + timedelta(days=1), time(REMINDER_HOUR), tzinfo=tzinfo
            )
    return start


def stay_in_touch_reminders(
    contacts: Iterable[Contact],
    events_by_contact: Mapping[int, Iterable[Event]],
    now: datetime,
    tz: str,
) -> list[Reminder]:
    """S4: a calendar reminder (``exports.Reminder``, for ``exports.ics_reminders``) per person
    to send an update to, at ``next_update``.

    Only people you have thanked (a THANKS_SENT event) get one; archived contacts, contacts
    you moved on from and those with updates turned off (``cadence_days`` 0) don't. Any
    exchange in ``TOUCH_KINDS`` (met, thanks, update, logged contact) restarts the clock, and
    the updates sent count towards the three-a-year cap. Each reminder rings at 9:00 local
    time on the day (or the next 9:00 when that is already past) and keeps one UID per
    person, so a re-exported file replaces the old reminder instead of adding another.
    """
    tzinfo = zone(tz)
    now = aware(now)
    out = []
    for contact in contacts:
        if not isinstance(contact, Contact) or contact.id is None or contact.archived:
            continue
        events = [e for e in events_by_contact.get(contact.id, ()) if isinstance(e, Event)]
        if not any(e.kind == THANKS_SENT for e in events) or stage(events) == "moved_on":
            continue
        last = max(e.at for e in events if e.kind in TOUCH_KINDS)
        updates = [e.at for e in events if e.kind == UPDATE_SENT]
        due = next_update(last, contact.cadence_days, updates, tz)
        if due is None:
            continue
        name = _one_line(contact.full_name, 80)
        organization = _one_line(contact.organization, 80)
        who = f"{name} ({organization})" if organization else name
        description = (
            f"It has been a while since you were last in touch with {who}.\n"
            "Send a short update on your progress: what you did since you spoke, ideally with "
            "their advice. Ask for nothing; no reply needed.\n"
            f"Draft it in step 6 of the workbook ({STEP_NOTEBOOKS['thanks']})."
        )
        out.append(
            Reminder(
                uid_seed=f"stay_in_touch:{contact.id}",
                summary=f"Send {name} a short update",
                description=description,
                start=_reminder_start(due, now, tzinfo),
            )
        )
    return sorted(out, key=lambda r: (r.start, r.uid_seed))
