"""R5, when to send: email is best, on a Tuesday or Wednesday morning in the RECIPIENT's zone
(their inbox, their week); Monday, Thursday afternoon, Friday and weekends are avoided.
Proposes the next good time, in their zone with the participant's own time beside it.

Pure: a moment and zones in, advice in plain words out, in the participant's language
(``_()``), times said with ``i18n.spoken`` (English: ``clock.spoken``, locale-free).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .clock import find_zone
from .i18n import N_, _, format_time, language, spoken
from .zones import zone_for

__all__ = ["SendAdvice", "place_name", "recipient_zone", "send_time_advice"]


@dataclass(frozen=True)
class SendAdvice:
    """R5: whether now is a good time to send, why in one plain sentence, and the next good time.

    ``next_good`` is an aware datetime in the zone the advice was judged in (``zone``: the
    recipient's when known, else the user's): now, when it is already Tuesday or Wednesday
    between 8:00 and 11:00 there, else the next Tuesday or Wednesday at 9:00 there. ``yours``
    is the same moment in the user's own zone.
    """

    now_ok: bool
    note: str
    next_good: datetime
    zone: str = ""
    yours: datetime | None = None


_GOOD_DAYS = (1, 2)  # Tuesday, Wednesday
_MORNING = (8, 11)  # 08:00 <= hour < 11:00
_SEND_HOUR = 9
_BABEL = {"en": "en_CA", "es": "es", "zh": "zh_Hans_CN"}

_BEST = {
    1: N_(
        "Tuesday morning is one of the best times to send: people have settled into the week "
        "and aren't yet swamped."
    ),
    2: N_(
        "Wednesday morning is one of the best times to send: people have settled into the "
        "week and aren't yet swamped."
    ),
}
_GOOD_DAY = {
    1: N_(
        "Tuesday is a good day to send. A morning (8 to 11) is even better, as your note "
        "lands near the top of the inbox; the next one is {next}."
    ),
    2: N_(
        "Wednesday is a good day to send. A morning (8 to 11) is even better, as your note "
        "lands near the top of the inbox; the next one is {next}."
    ),
}


def place_name(tz: str) -> str:
    """A zone as a place, in the language in use: "Madrid", "Shanghái", "多伦多"; "UTC"."""
    if tz in ("", "UTC", "Etc/UTC") or "/" not in tz:
        return "UTC"
    try:
        from babel.dates import get_timezone_location  # lazy: Babel loads its data on use

        name = get_timezone_location(tz, locale=_BABEL.get(language(), "en_CA"), return_city=True)
    except Exception:  # noqa: BLE001 - an odd zone still gets a plain name
        name = ""
    return name or tz.rsplit("/", 1)[-1].replace("_", " ")


def recipient_zone(contact, own_tz: str = "") -> str | None:
    """R5: the zone ``contact`` reads mail in: their ``time_zone`` when it is a known zone,
    else the one obvious zone of their ``location`` (``zones.zone_for``), else None (use the
    user's own); None too when it is the user's own zone ``own_tz``."""
    named = str(getattr(contact, "time_zone", "") or "").strip()
    zone = find_zone(named) if named else None
    key = zone.key if zone is not None else zone_for(str(getattr(contact, "location", "") or ""))
    if not key or key == (own_tz or "").strip():
        return None
    return key


def _next_good(local: datetime) -> datetime:
    day, hour = local.weekday(), local.hour
    if day in _GOOD_DAYS and _MORNING[0] <= hour < _MORNING[1]:
        return local
    start = 0 if (day in _GOOD_DAYS and hour < _SEND_HOUR) else 1
    for offset in range(start, 8):
        date = (local + timedelta(days=offset)).date()
        if date.weekday() in _GOOD_DAYS:
            return datetime(date.year, date.month, date.day, _SEND_HOUR, tzinfo=local.tzinfo)
    raise AssertionError("a week always has a Tuesday")  # pragma: no cover


def _both(next_good: datetime, theirs: str, own, own_name: str) -> str:
    """ "Tuesday 10 March, 9:00 in Madrid — 4:00 for you in Toronto" (the day too when the
    user's date differs)."""
    yours = next_good.astimezone(own)
    your_time = format_time(yours, "H:mm") if yours.date() == next_good.date() else spoken(yours)
    return _("{their_time} in {their_place} — {your_time} for you in {your_place}").format(
        their_time=spoken(next_good),
        their_place=place_name(theirs),
        your_time=your_time,
        your_place=place_name(own_name),
    )


def send_time_advice(now: datetime, tz: str, recipient_tz: str | None = None) -> SendAdvice:
    """R5: is now a good time to send a request, and when is the next good one?

    Judged in the recipient's zone ``recipient_tz`` when it is a known zone other than the
    user's (their Tuesday morning is what counts), else in the user's zone ``tz`` (an IANA
    name; an empty or unknown one counts as UTC, and the note says so). A naive ``now`` is
    read as local time in the user's zone. Tuesday and Wednesday are the best days, mornings
    best of all; Thursday morning is acceptable; Monday (full inboxes), Thursday afternoon,
    Friday and the weekend (mail gets buried) are not. ``next_good`` is correct across
    daylight-saving changes, also when the two zones change their clocks on different dates:
    9:00 local on the day there, whatever the offsets.
    """
    own = find_zone(tz)
    prefix = ""
    if own is None:
        own = UTC
        prefix = _(
            "Your time zone isn't set or isn't recognised, so these times are in UTC "
            "(choose it in step 1). "
        )
    if now.tzinfo is None or now.utcoffset() is None:
        now = now.replace(tzinfo=own)
    theirs = find_zone(recipient_tz) if recipient_tz else None
    own_name = getattr(own, "key", "UTC")
    if theirs is not None and theirs.key == own_name:
        theirs = None
    judged = theirs or own
    local = now.astimezone(judged)
    day, hour = local.weekday(), local.hour
    next_good = _next_good(local)
    if theirs is None:
        next_words = spoken(next_good)
    else:
        next_words = _both(next_good, theirs.key, own, own_name)
        prefix += _("It is {now} for them in {place}: their week is what counts. ").format(
            now=spoken(local), place=place_name(theirs.key)
        )

    if day in _GOOD_DAYS and _MORNING[0] <= hour < _MORNING[1]:
        ok, note = True, _(_BEST[day])
    elif day in _GOOD_DAYS:
        ok, note = True, _(_GOOD_DAY[day]).format(next=next_words)
    elif day == 3 and hour < 12:
        ok, note = (
            True,
            _(
                "Thursday morning is fine. Tuesday and Wednesday are best, so if it can wait, "
                "the next one is {next}."
            ).format(next=next_words),
        )
    elif day == 0:
        ok, note = (
            False,
            _(
                "On Mondays inboxes are full after the weekend and a new request easily gets "
                "lost. Wait for {next}."
            ).format(next=next_words),
        )
    elif day == 3:
        ok, note = (
            False,
            _(
                "By Thursday afternoon people are wrapping up their week, and new requests get "
                "put off. Better: {next}."
            ).format(next=next_words),
        )
    elif day == 4:
        ok, note = (
            False,
            _(
                "On Fridays people are finishing the week, and a note sent now is often buried "
                "by Monday. Better: {next}."
            ).format(next=next_words),
        )
    else:
        ok, note = (
            False,
            _(
                "Weekend mail piles up and is skimmed on Monday, so a request sent now easily "
                "gets lost. Better: {next}."
            ).format(next=next_words),
        )
    return SendAdvice(
        now_ok=ok,
        note=prefix + note,
        next_good=next_good,
        zone=getattr(judged, "key", "UTC"),
        yours=next_good.astimezone(own),
    )
