"""The "my week" mail draft (.eml) to yourself: the week's part of what is due
(``reminders.due_events`` with a seven-day window), by day, each with what to do and in which
step. A draft from and to your own address (step 1); nothing is ever sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .clock import aware, zone
from .exports import clean_address, eml_draft
from .i18n import _, ngettext
from .objectives import load_profile
from .progress import pipeline_settings
from .reminders import day_words, due_events, due_words, where_to_do_it
from .workspace import Workspace

WEEK = timedelta(days=7)


def week_text(ws: Workspace, now: datetime | None = None) -> tuple[str, str]:
    """The week's agenda as (subject, body) of a mail to yourself: what is overdue, then each
    day's items and meetings, each with what to do and in which step."""
    subject, body, _count = _week(ws, aware(now or datetime.now(UTC)))
    return subject, body


def _week(ws: Workspace, now: datetime) -> tuple[str, str, int]:
    tzinfo = zone(pipeline_settings(ws).tz)
    events = due_events(ws, now, WEEK)
    first, last = now.astimezone(tzinfo), (now + WEEK).astimezone(tzinfo)
    span = _("{first} to {last}").format(first=day_words(first), last=day_words(last))
    lines = [
        _("Your week in the informational interview workbook, {span}.").format(span=span),
        _("Times are in {zone}. A draft to yourself: nothing was sent.").format(zone=tzinfo.key),
    ]
    if not events:
        lines += ["", _("Nothing is due this week. Send a request or two to keep things moving.")]
    overdue = [e for e in events if e.overdue]
    groups = [(_("Overdue"), overdue)] if overdue else []
    for event in sorted((e for e in events if not e.overdue), key=lambda e: (e.due, e.seed)):
        day = day_words(max(event.due, now).astimezone(tzinfo))
        if not groups or groups[-1][0] != day:
            groups.append((day, []))
        groups[-1][1].append(event)
    number = 0
    for title, group in groups:
        lines += ["", title, "-" * _width(title)]
        for event in group:
            number += 1
            lines.append(f"{number}. {event.summary}")
            lines.append("   " + _("What to do: {todo}").format(todo=event.todo))
            where = _("In the workbook: {where}.").format(where=where_to_do_it(event.step))
            lines.append(
                "   " + _("{due} {where}").format(due=due_words(event, tzinfo), where=where)
            )
    lines += ["", _("Your calendar file from the workbook's start page holds all of this too.")]
    subject = ngettext(
        "My week: {span} ({n} to do)", "My week: {span} ({n} to do)", len(events)
    ).format(span=span, n=len(events))
    return subject, "\n".join(lines) + "\n", len(events)


def _width(title: str) -> int:
    """How wide a title is in a plain-text mail: a Chinese character takes two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in title)


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
