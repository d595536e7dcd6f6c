"""R5 across zones: the advice is judged in the recipient's zone (their Tuesday morning), with
the participant's own time beside it, correct when Europe and North America change their
clocks on different dates, and for Shanghai, which has no daylight-saving time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from infoint import i18n
from infoint.records import Contact
from infoint.send_time import place_name, recipient_zone, send_time_advice

TORONTO, MADRID, SHANGHAI = (
    ZoneInfo(z) for z in ("America/Toronto", "Europe/Madrid", "Asia/Shanghai")
)


def _expected(local: datetime) -> datetime:
    """Brute force in the recipient's zone: now in a Tue/Wed morning, else the next 9:00."""
    if local.weekday() in (1, 2) and 8 <= local.hour < 11:
        return local
    for offset in range(8):
        day = (local + timedelta(days=offset)).date()
        candidate = datetime(day.year, day.month, day.day, 9, tzinfo=local.tzinfo)
        if day.weekday() in (1, 2) and candidate >= local:
            return candidate
    raise AssertionError


# Weeks when the offsets between the zones change: North America moves its clocks on the
# second Sunday of March (8 March 2026) and the first Sunday of November (1 November 2026),
# Europe on the last Sunday of March (29 March) and of October (25 October); Shanghai never.
WEEKS = [
    datetime(2026, 3, 5, 12, tzinfo=UTC),
    datetime(2026, 3, 12, 12, tzinfo=UTC),  # between the two March changes: 4 h to Madrid
    datetime(2026, 3, 26, 12, tzinfo=UTC),
    datetime(2026, 10, 22, 12, tzinfo=UTC),
    datetime(2026, 10, 29, 12, tzinfo=UTC),  # between the two autumn changes: 5 h to Madrid
    datetime(2026, 11, 5, 12, tzinfo=UTC),
]


@pytest.mark.parametrize("start", WEEKS)
@pytest.mark.parametrize("theirs", ["Europe/Madrid", "Asia/Shanghai"])
def test_every_hour_is_judged_in_their_zone(start, theirs):
    zone = ZoneInfo(theirs)
    for hours in range(0, 24 * 8, 1):
        now = start + timedelta(hours=hours)
        advice = send_time_advice(now, "America/Toronto", theirs)
        local = now.astimezone(zone)
        assert advice.zone == theirs
        assert advice.next_good == _expected(local)
        assert advice.next_good.tzinfo is not None and advice.next_good >= now
        if advice.next_good != local:
            assert (advice.next_good.hour, advice.next_good.minute) == (9, 0)
        assert advice.yours == advice.next_good
        assert advice.yours.tzinfo == TORONTO
        assert advice.now_ok == (
            local.weekday() in (1, 2) or (local.weekday() == 3 and local.hour < 12)
        )


@pytest.mark.parametrize(
    "now, theirs, their_hour, your_hour, gap",
    [
        # Monday 9 March, 12:00 in Toronto (clocks moved on 8 March): Madrid hasn't moved yet
        (datetime(2026, 3, 9, 12, tzinfo=TORONTO), MADRID, 9, 4, 5),
        # after 29 March both have moved: the usual 6 hours
        (datetime(2026, 3, 30, 12, tzinfo=TORONTO), MADRID, 9, 3, 6),
        # Monday 26 October: Madrid is back on winter time, Toronto not until 1 November
        (datetime(2026, 10, 26, 12, tzinfo=TORONTO), MADRID, 9, 4, 5),
        (datetime(2026, 11, 2, 12, tzinfo=TORONTO), MADRID, 9, 3, 6),
        # Shanghai: 12 hours ahead in Toronto's summer, 13 in its winter
        (datetime(2026, 3, 9, 12, tzinfo=TORONTO), SHANGHAI, 9, 21, 12),
        (datetime(2026, 11, 2, 12, tzinfo=TORONTO), SHANGHAI, 9, 20, 13),
    ],
)
def test_the_next_good_time_is_nine_there_whatever_the_offsets(
    now, theirs, their_hour, your_hour, gap
):
    advice = send_time_advice(now, "America/Toronto", theirs.key)
    assert advice.next_good.hour == their_hour and advice.next_good.weekday() == 1
    assert advice.yours.hour == your_hour
    offset = advice.next_good.utcoffset() - advice.yours.utcoffset()
    assert offset == timedelta(hours=gap)
    assert advice.next_good.tzinfo == theirs


def test_the_note_names_their_place_and_your_time():
    now = datetime(2026, 3, 9, 16, tzinfo=TORONTO)  # Monday
    madrid = send_time_advice(now, "America/Toronto", "Europe/Madrid")
    assert "Tuesday 10 March, 9:00 in Madrid — 4:00 for you in Toronto" in madrid.note
    assert "for them in Madrid" in madrid.note and not madrid.now_ok
    shanghai = send_time_advice(now, "America/Toronto", "Asia/Shanghai")
    # 4:00 on Tuesday in Shanghai: a good day; 9:00 there is 21:00 on Monday in Toronto
    assert shanghai.now_ok
    assert "Tuesday 10 March, 9:00 in Shanghai — Monday 9 March, 21:00 for you" in shanghai.note


def test_the_note_is_in_the_participants_language():
    now = datetime(2026, 3, 9, 16, tzinfo=TORONTO)
    with i18n.using("es"):
        note = send_time_advice(now, "America/Toronto", "Asia/Shanghai").note
        assert "Shanghái" in note and "para ti" in note and "martes" in note
    with i18n.using("zh"):
        note = send_time_advice(now, "America/Toronto", "Europe/Madrid").note
        assert "马德里" in note and "多伦多" in note and "周一" in note


def test_same_zone_or_unknown_zone_is_the_old_advice():
    now = datetime(2026, 3, 9, 16, tzinfo=TORONTO)
    plain = send_time_advice(now, "America/Toronto")
    assert send_time_advice(now, "America/Toronto", "America/Toronto") == plain
    assert send_time_advice(now, "America/Toronto", "Mars/Base") == plain
    assert send_time_advice(now, "America/Toronto", "") == plain
    assert plain.zone == "America/Toronto" and "for you" not in plain.note


@pytest.mark.parametrize(
    "contact, zone",
    [
        (Contact(time_zone="Europe/Madrid"), "Europe/Madrid"),
        (Contact(time_zone="Europe/Madrid", location="Shanghai"), "Europe/Madrid"),
        (Contact(location="上海"), "Asia/Shanghai"),
        (Contact(location="Madrid, España"), "Europe/Madrid"),
        (Contact(time_zone="Mars/Base", location="Ciudad de México"), "America/Mexico_City"),
        (Contact(location="Toronto, ON"), None),  # the participant's own zone
        (Contact(location="Santiago"), None),  # ambiguous
        (Contact(), None),
    ],
)
def test_recipient_zone(contact, zone):
    assert recipient_zone(contact, "America/Toronto") == zone


def test_place_names():
    assert place_name("Europe/Madrid") == "Madrid"
    assert place_name("UTC") == "UTC"
    with i18n.using("zh"):
        assert place_name("America/Toronto") == "多伦多"
