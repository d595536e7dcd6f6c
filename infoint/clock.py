"""Time for every step: zones, aware instants, day and business-day counts, plain dates.

Ground floor: imports nothing of the package. Every stored time is an instant; arithmetic and
comparisons happen in UTC, because Python adds a timedelta to an aware datetime on its wall
clock ("10:00 + 48 h" across a daylight-saving change would be off by an hour). Day counts
("7 days later") are counted in the user's zone, keeping the local clock time, so a reminder
set for 10:00 stays at 10:00 across a change.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "DAY_NAMES",
    "MONTH_NAMES",
    "add_business_days",
    "add_days",
    "aware",
    "find_zone",
    "iso_day",
    "known_zones",
    "local_to_utc",
    "now_iso",
    "parse_time",
    "spoken",
    "time_zone_names",
    "zone",
]

# Dates in words that don't depend on the computer's locale.
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?")


def now_iso() -> str:
    """The current instant as ISO text in UTC (seconds): how rows are time-stamped."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def find_zone(name: str | None) -> ZoneInfo | None:
    """The IANA zone called ``name``, or None when it is empty or unknown."""
    text = (name or "").strip() if isinstance(name, str | None) else ""
    if not text:
        return None
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError, TypeError):
        return None


def zone(name: str | None) -> ZoneInfo:
    """The IANA zone called ``name``, or UTC when it is empty or unknown.

    Falling back is safe because every stored time is an instant (UTC); only the local clock
    used for day counts changes.
    """
    return find_zone(name) or ZoneInfo("UTC")


@lru_cache(maxsize=1)
def time_zone_names() -> tuple[str, ...]:
    """Every name ``zoneinfo`` offers, sorted: the step 1 list to pick from.

    Read once per process: listing them walks the whole tzdata folder.
    """
    from zoneinfo import available_timezones  # lazy: walks tzdata, needed by step 1 only

    return tuple(sorted(available_timezones()))


@lru_cache(maxsize=1)
def known_zones() -> frozenset:
    """The real IANA zone names (file-system artefacts such as "posixrules" left out)."""
    return frozenset(time_zone_names()) - {"localtime", "posixrules", "Factory"}


def aware(value: datetime, tz=UTC) -> datetime:
    """The instant in UTC; a naive value is read in ``tz`` (UTC unless told)."""
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=tz)
    return value.astimezone(UTC)


def parse_time(value, tz: ZoneInfo | None = None) -> datetime | None:
    """An ISO text or datetime as an aware UTC datetime (naive means ``tz``, UTC if None), or
    None for anything unreadable: a damaged row never raises."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str) and value.strip():
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    try:
        return aware(parsed, tz or UTC)
    except (OverflowError, ValueError):
        return None


def iso_day(value) -> date | None:
    """The date of an ISO date or datetime text ("2026-03-10", "2026-03-10T09:00"), or None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = value.strip() if isinstance(value, str) else ""
    if not _ISO_DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def local_to_utc(day: date, clock: time, tz: ZoneInfo) -> datetime:
    """The instant of a local date and clock time in ``tz``, in UTC.

    A clock time that doesn't exist (the hour skipped in spring) resolves to the instant
    zoneinfo gives it (an hour later on the wall), which is what calendars do too.
    """
    return datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)


def add_days(start: datetime, days: int, tz: str | ZoneInfo = "UTC") -> datetime:
    """``days`` calendar days after ``start`` at the same local clock time in ``tz``.

    The result is in UTC.
    """
    tzinfo = tz if isinstance(tz, ZoneInfo) else zone(tz)
    local = start.astimezone(tzinfo)
    return local_to_utc(
        local.date() + timedelta(days=days), local.timetz().replace(tzinfo=None), tzinfo
    )


def add_business_days(start: datetime, days: int, tz: str | ZoneInfo = "UTC") -> datetime:
    """``days`` business days (Monday to Friday) after ``start``, same local clock time in ``tz``.

    R7's 3B7 routine counts business days where the user lives: a request sent on Friday is
    "3 business days old" on Wednesday. Public holidays are not known and count as workdays.
    """
    tzinfo = tz if isinstance(tz, ZoneInfo) else zone(tz)
    local = start.astimezone(tzinfo)
    day, left = local.date(), max(0, int(days))
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return local_to_utc(day, local.timetz().replace(tzinfo=None), tzinfo)


def spoken(moment: datetime, *, year: bool = False) -> str:
    """A local time in plain words, whatever the computer's locale: "Tuesday 10 March, 9:00"
    (with ``year``: "Tuesday 10 March 2026, 09:00")."""
    day = f"{DAY_NAMES[moment.weekday()]} {moment.day} {MONTH_NAMES[moment.month - 1]}"
    if year:
        return f"{day} {moment.year}, {moment:%H:%M}"
    return f"{day}, {moment.hour}:{moment.minute:02d}"
