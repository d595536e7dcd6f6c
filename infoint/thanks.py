"""Step 6 of the workbook: thank people promptly and personally, then stay in touch.

An informational interview is a favour. How you thank someone decides whether they remember
you well, and whether they think of you when something comes up. The rules (docs/method.md S1-S4):

- S1 a thank-you within 48 hours of the meeting (``thanks_due``, ``thanks_status``); the
  agenda's reminder comes from ``pipeline.next_actions``, which this module doesn't repeat;
- S2 the note is personal: it names something specific from the conversation and what you did
  about something they suggested; email always, a handwritten card as well when you have the
  address, never an e-card, no gifts (``compose_thanks``, ``thanks_check.check_thanks``,
  ``GIFT_GUIDANCE``);
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

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from . import salutation
from .clock import aware, zone
from .events import Event
from .i18n import N_, _, using
from .outreach import draft_language
from .records import Contact, Draft, Profile
from .render import first_word, render_block, tidy
from .safe import one_line as _one_line
from .safe import plain_text as _text
from .stages import replay

__all__ = [
    "THANKS_HOURS",
    "THANKS_STATUSES",
    "THANKS_KINDS",
    "WORD_LIMITS",
    "GIFT_GUIDANCE",
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
]

THANKS_HOURS = 48  # S1: thank within 48 hours of the meeting; sooner is better
THANKS_STATUSES: tuple[str, ...] = ("due", "overdue", "sent on time", "sent late")  # S1
THANKS_KINDS: tuple[str, ...] = ("thanks", "card", "intro_thanks", "update")
# Words: a thank-you (S2) is read in a minute; a card has room for a few sentences only.
WORD_LIMITS: dict[str, int] = {"thanks": 150, "card": 80, "intro_thanks": 150, "update": 150}
GIFT_GUIDANCE = N_(  # shown with _()
    "Always thank them by email. If you have their postal address, send a short handwritten "
    "card as well. Skip e-card services, and don't send gifts: they can make a kind favour "
    "feel like a transaction. A small token fits only after substantial help, such as a "
    "mentor who guided you for months or a lead that turned into a job."
)

# Placeholders in the English drafts; a Spanish or Chinese draft has them in its own language
# (``_()`` inside ``using(language)``), still in [brackets] for ``check_thanks`` to find.
SPECIFIC_PLACEHOLDER = N_("[something specific they said that stayed with you]")
SUGGESTION_PLACEHOLDER = N_("[something they suggested]")
STATUS_PLACEHOLDER = N_("[What you have done about it, or when you will]")
OUTCOME_PLACEHOLDER = N_("[What came of it: what you learned, or what you will do next]")
PROGRESS_PLACEHOLDER = N_(
    "[what you have done since you spoke: a course, a project, a step they suggested]"
)
NAME_PLACEHOLDER = N_("[your name]")

_TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_PHRASE = 400  # characters kept from a sentence the user wrote (an insight, progress)
MAX_CHECK = 100_000  # characters of a note that are checked
RULES = {"thanks": "S2", "card": "S2", "intro_thanks": "S3", "update": "S4"}


# ----------------------------------------------------------------- plain text helpers


def phrase(value) -> str:
    """A user's phrase ready to sit inside a sentence: one line, closing punctuation removed."""
    return _one_line(value, MAX_PHRASE).rstrip(" .,;:!?")


def capital(text: str) -> str:
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
    """(subject, body) of a template in the draft's language (``values["lang"]``): subject on
    one line, body tidied."""
    if values.get("lang") in ("es", "zh"):
        template_name = f"{values['lang']}/{template_name}"
    subject = _one_line(render_block(template_name, "subject", values), None)
    body = tidy(render_block(template_name, "body", values))
    return subject, body


def _person_values(
    profile: Profile, contact: Contact, lang: str = "en", address: str = "auto", title: str = ""
) -> dict:
    """The names every draft uses, each one line of plain text, in the draft's language (the
    caller runs inside ``using(lang)``). Chinese names are family name first; Spanish and
    Chinese drafts open with ``salutation.greeting`` (``address``, ``title``)."""
    profile = profile if isinstance(profile, Profile) else Profile()
    contact = contact if isinstance(contact, Contact) else Contact()
    first = _one_line(contact.first_name)
    full = _one_line(salutation.name_in(contact, lang))  # 李伟 in every language
    if lang == "zh":
        first = _one_line(salutation.addressee(contact, address, title=_text(title)))
    organization = _one_line(contact.organization)
    return {
        "lang": lang,
        "greeting": _one_line(salutation.greeting(contact, lang, address, title=_text(title))),
        "first": first,
        "them": first or _("[their name]"),
        "them_full": full or _("[their name]"),
        "them_full_short": _one_line(full, 40) or _("someone you know"),
        "position": _one_line(contact.position),
        "organization": organization,
        "organization_short": _one_line(organization, 40),
        "sender": _one_line(profile.name) or _(NAME_PLACEHOLDER),
    }


def _language(contact, language: str | None) -> str:
    """The draft's language: ``language``, else the contact's, else the workbook's."""
    return draft_language(contact if isinstance(contact, Contact) else None, language)


def compose_thanks(
    profile: Profile,
    contact: Contact,
    *,
    specific: str = "",
    suggestion: str = "",
    suggestion_status: str = "",
    card: bool = False,
    language: str | None = None,
    address: str = "auto",
    title: str = "",
) -> Draft:
    """S2: a personal thank-you email, or with ``card=True`` the text of a handwritten card.

    It names ``specific``, something from the conversation (pick one of the debrief's
    ``insight_choices``), and what came of something they suggested: ``suggestion`` ("the
    book Just Enough Research") and ``suggestion_status`` ("I've ordered it and will read it
    this week"). Anything left empty becomes a [placeholder in brackets], which
    ``check_thanks`` reports until it is filled. The email goes to the contact's address; the
    card has no subject and no address (it is posted). Send within 48 hours (S1).

    Written in ``language`` (else the contact's, else the workbook's: ``outreach.
    draft_language``) from ``templates/es`` or ``templates/zh``; ``address`` and ``title``
    choose the greeting (``salutation.greeting``).
    """
    lang = _language(contact, language)
    with using(lang):
        values = _person_values(profile, contact, lang, address, title)
        values.update(
            specific=phrase(specific) or _(SPECIFIC_PLACEHOLDER),
            suggestion=phrase(suggestion) or _(SUGGESTION_PLACEHOLDER),
            status=capital(phrase(suggestion_status)) or _(STATUS_PLACEHOLDER),
        )
        if card:
            _subject, body = _render("thanks_card.txt.j2", values)
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
    language: str | None = None,
) -> Draft:
    """S3: thank whoever introduced you: that you met, that it went well, what came of it.

    ``introducer_name`` is usually the contact's ``via``; ``outcome`` is what came of the
    meeting ("She suggested a portfolio review, and I've booked one"), a placeholder when
    empty. ``introducer_email`` fills the draft's recipient when you have it. In
    ``language`` (else the contact's: the introducer usually shares it).
    """
    lang = _language(contact, language)
    with using(lang):
        values = _person_values(profile, contact, lang)
        values.update(
            via_first=first_word(_one_line(introducer_name)),
            outcome=capital(phrase(outcome)) or _(OUTCOME_PLACEHOLDER),
        )
        subject, body = _render("intro_thanks.txt.j2", values)
    return Draft("intro_thanks", subject, body, _one_line(introducer_email, 320))


def compose_update(
    profile: Profile,
    contact: Contact,
    *,
    progress: str = "",
    language: str | None = None,
    address: str = "auto",
    title: str = "",
) -> Draft:
    """S4: a short update on your progress that asks for nothing (no reply needed).

    ``progress`` is what happened since you spoke ("I finished the course you recommended and
    started volunteering as a research assistant"), a placeholder when empty. In
    ``language`` (else the contact's, else the workbook's), greeted by ``address``/``title``.
    """
    lang = _language(contact, language)
    with using(lang):
        values = _person_values(profile, contact, lang, address, title)
        values.update(progress=phrase(progress) or _(PROGRESS_PLACEHOLDER))
        subject, body = _render("update.txt.j2", values)
    return Draft("update", subject, body, _one_line(getattr(contact, "email", ""), 320))


# ----------------------------------------------------------------- checking a note


# ----------------------------------------------------------------- S4 staying in touch
