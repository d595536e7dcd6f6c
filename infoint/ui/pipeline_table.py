"""Step 3's pipeline table and response statistics, as escaped HTML (R7)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from .. import pipeline, stages
from .. import targets as tg
from ..safe import escape
from .feedback import STYLE, labelled_table

__all__ = ["pipeline_table_html", "response_stats_html"]


def pipeline_table_html(
    contacts: Mapping,
    events: Mapping,
    stats: pipeline.ResponseStats,
    now: datetime,
    settings: pipeline.Settings,
) -> str:
    """Everyone you are writing to (targets and anyone with events; contacts and events by
    contact id): their stage, attempts and what comes next, fast answerers marked; with the
    page style, or a line saying there are no targets yet."""
    tz = pipeline.zone(settings.tz)
    boosters = set(stats.boosters)
    rows = []
    for c in sorted(contacts.values(), key=lambda c: tg.fold(c.full_name)):
        events_of = events.get(c.id, [])
        if not (c.target or events_of):
            continue
        actions = pipeline.actions_for(c, events_of, now, settings)
        nxt = actions[0] if actions else None
        due = (
            ""
            if nxt is None
            else ("<strong>overdue</strong> " if nxt.overdue else "")
            + f"{nxt.due.astimezone(tz):%a %d %b}"
        )
        rows.append(
            f"<tr><th scope='row'>{escape(c.full_name)}"
            f"{' (answers fast)' if c.id in boosters else ''}</th>"
            f"<td>{escape(c.organization)}</td>"
            f"<td>{escape(stages.STAGE_LABELS[stages.stage(events_of)])}</td>"
            f"<td>{stages.attempts(events_of)}</td>"
            f"<td>{escape(nxt.text) if nxt else 'Nothing planned.'}</td><td>{due}</td></tr>"
        )
    head = "".join(
        f"<th scope='col'>{h}</th>"
        for h in ("Person", "Organization", "Stage", "Attempts", "Next", "Due")
    )
    return STYLE + (
        labelled_table(
            "<table class='ii-table'><caption>Your requests</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
        if rows
        else "<p>No targets yet.</p>"
    )


def response_stats_html(stats: pipeline.ResponseStats) -> str:
    """The response rate and the median wait for an answer, with a word that silence is normal."""
    rate = (
        "no requests yet"
        if stats.rate is None
        else f"{stats.replies} of {stats.requests} answered ({stats.rate:.0%})"
    )
    median = (
        ""
        if stats.median_days is None
        else f", after {stats.median_days:.1f} days on average (median)"
    )
    return (
        f"<p>Responses: {escape(rate)}{escape(median)}. "
        "Many requests go unanswered or are declined: that is normal, keep going.</p>"
    )
