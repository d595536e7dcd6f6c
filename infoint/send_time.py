"""R5, when to send: email is best, on a Tuesday or Wednesday morning in the sender's zone;
Monday, Thursday afternoon, Friday and weekends are avoided. Proposes the next good time.

Pure: a moment and a zone in, advice in plain words out (``clock.spoken``, locale-free).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .clock import DAY_NAMES, find_zone, spoken


@dataclass(frozen=True)
class SendAdvice:
    """R5: whether now is a good time to send, why in one plain sentence, and the next good time.

    ``next_good`` is an aware datetime in the user's time zone: now, when it is already
    Tuesday or Wednesday between 8:00 and 11:00, else the next Tuesday or Wednesday at 9:00.
    """

    now_ok: bool
    note: str
    next_good: datetime


_GOOD_DAYS = (1, 2)  # Tuesday, Wednesday


_MORNING = (8, 11)  # 08:00 <= hour < 11:00


_SEND_HOUR = 9


def send_time_advice(now: datetime, tz: str) -> SendAdvice:
    """R5: is now a good time to send a request, and when is the next good one?

    Judged in the user's time zone (``tz``, an IANA name; an empty or unknown one counts as UTC,
    and the note says so). A naive ``now`` is read as local time in that zone. Tuesday and
    Wednesday are the best days, mornings best of all; Thursday morning is acceptable; Monday
    (full inboxes), Thursday afternoon, Friday and the weekend (mail gets buried) are not.
    ``next_good`` is correct across daylight-saving changes: 9:00 local on the day, whatever
    the offset.
    """
    zone = find_zone(tz)
    prefix = ""
    if zone is None:
        zone = UTC
        prefix = (
            "Your time zone isn't set or isn't recognised, so these times are in UTC "
            "(choose it in step 1). "
        )
    if now.tzinfo is None or now.utcoffset() is None:
        local = now.replace(tzinfo=zone)
    else:
        local = now.astimezone(zone)
    day, hour = local.weekday(), local.hour
    in_morning = _MORNING[0] <= hour < _MORNING[1]

    if day in _GOOD_DAYS and in_morning:
        next_good = local
    else:
        start = 0 if (day in _GOOD_DAYS and hour < _SEND_HOUR) else 1
        next_good = None
        for offset in range(start, 8):
            date = (local + timedelta(days=offset)).date()
            if date.weekday() in _GOOD_DAYS:
                next_good = datetime(date.year, date.month, date.day, _SEND_HOUR, tzinfo=zone)
                break
    next_words = spoken(next_good)
    today = DAY_NAMES[day]

    if day in _GOOD_DAYS and in_morning:
        ok, note = (
            True,
            (
                f"{today} morning is one of the best times to send: people have "
                "settled into the week and aren't yet swamped."
            ),
        )
    elif day in _GOOD_DAYS:
        ok, note = (
            True,
            (
                f"{today} is a good day to send. A morning (8 to 11) is even better, "
                f"as your note lands near the top of the inbox; the next one is "
                f"{next_words}."
            ),
        )
    elif day == 3 and hour < 12:
        ok, note = (
            True,
            (
                "Thursday morning is fine. Tuesday and Wednesday are best, so if it "
                f"can wait, the next one is {next_words}."
            ),
        )
    elif day == 0:
        ok, note = (
            False,
            (
                "On Mondays inboxes are full after the weekend and a new request "
                f"easily gets lost. Wait for {next_words}."
            ),
        )
    elif day == 3:
        ok, note = (
            False,
            (
                "By Thursday afternoon people are wrapping up their week, and new "
                f"requests get put off. Better: {next_words}."
            ),
        )
    elif day == 4:
        ok, note = (
            False,
            (
                "On Fridays people are finishing the week, and a note sent now is "
                f"often buried by Monday. Better: {next_words}."
            ),
        )
    else:
        ok, note = (
            False,
            (
                "Weekend mail piles up and is skimmed on Monday, so a request sent "
                f"now easily gets lost. Better: {next_words}."
            ),
        )
    return SendAdvice(now_ok=ok, note=prefix + note, next_good=next_good)
