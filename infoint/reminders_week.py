"""The "my week" mail draft (.eml) to yourself: the week's part of what is due
(``reminders.due_events`` with a seven-day window), by day, each with what to do and in which
step. A draft from and to your own address (step 1); nothing is ever sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .clock import aware, zone
from .exports import clean_address, eml_draft
from .objectives import load_profile
from .progress import pipeline_settings
from .reminders import day_words, due_events, due_words, where_to_do_it
from .workspace import Workspace

WEEK = timedelta(days=7)


def week_text(ws: Workspace, now: datetime | None = None) -> tuple[str, str]:
    """The week's agenda as (subject, body) of a mail to yourself: what is overdue, then each
    day's items and meetings, each with what to do and in which step."""
    subject, body, _ = _week(ws, aware(now or datetime.now(UTC)))
    return subject, body


def _week(ws: Workspace, now: datetime) -> tuple[str, str, int]:
    tzinfo = zone(pipeline_settings(ws).tz)
    events = due_events(ws, now, WEEK)
    first, last = now.astimezone(tzinfo), (now + WEEK).astimezone(tzinfo)
    span = f"{day_words(first)} to {day_words(last)}"
    lines = [
        f"Your week in the informational interview workbook, {span}.",
        f"Times are in {tzinfo.key}. A draft to yourself: nothing was sent.",
    ]
    if not events:
        lines += ["", "Nothing is due this week. Send a request or two to keep things moving."]
    overdue = [e for e in events if e.overdue]
    groups = [("Overdue", overdue)] if overdue else []
    for event in sorted((e for e in events if not e.overdue), key=lambda e: (e.due, e.seed)):
        day = day_words(max(event.due, now).astimezone(tzinfo))
        if not groups or groups[-1][0] != day:
            groups.append((day, []))
        groups[-1][1].append(event)
    number = 0
    for title, group in groups:
        lines += ["", title, "-" * len(title)]
        for event in group:
            number += 1
            lines.append(f"{number}. {event.summary}")
            lines.append(f"   What to do: {event.todo}")
            lines.append(
                f"   {due_words(event, tzinfo)} In the workbook: {where_to_do_it(event.step)}."
            )
    lines += ["", "Your calendar file from the workbook's start page holds all of this too."]
    return f"My week: {span} ({len(events)} to do)", "\n".join(lines) + "\n", len(events)


@dataclass(frozen=True)
class WeekDraft:
    """The "my week" draft: the file, how many things it lists, whether it has your address."""

    filename: str
    data: bytes
    items: int
    addressed: bool  # False: step 1 has no valid email address, so From and To are empty


def week_draft(ws: Workspace, now: datetime | None = None) -> WeekDraft:
    """The "my week" draft (.eml) from and to your own address (step 1); never sent."""
    now = aware(now or datetime.now(UTC))
    profile = load_profile(ws)
    subject, body, items = _week(ws, now)
    data = eml_draft(
        sender=profile.email,
        sender_name=profile.name,
        to=profile.email,
        to_name=profile.name,
        subject=subject,
        body=body,
        when=now,
    )
    local = now.astimezone(zone(pipeline_settings(ws).tz))
    return WeekDraft(
        f"my-week-{local:%Y-%m-%d}.eml", data, items, bool(clean_address(profile.email))
    )
