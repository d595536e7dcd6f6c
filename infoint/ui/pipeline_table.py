"""Step 3's pipeline table and response statistics, as escaped HTML (R7)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from .. import i18n, pipeline, stages
from .. import targets as tg
from ..i18n import N_, _
from ..safe import escape
from .feedback import STYLE, labelled_table

__all__ = ["pipeline_table_html", "response_stats_html", "short_day"]

# Babel's pattern for a short day in each translated language ("mar 3 dic", "12月3日周二").
_SHORT_DAY = {"es": "EEE d MMM", "zh": "M月d日EEE"}


def short_day(moment: datetime) -> str:
    """A due day in a table or a line: "Tue 03 Dec" in English (as it always was), the
    language's own short form otherwise."""
    code = i18n.language()
    if code == "en":
        return f"{moment:%a %d %b}"
    return i18n.format_date(moment, _SHORT_DAY.get(code, "EEE d MMM"))


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
            else ("<strong>{}</strong> ".format(escape(_("overdue"))) if nxt.overdue else "")
            + escape(short_day(nxt.due.astimezone(tz)))
        )
        fast = escape(_(" (answers fast)")) if c.id in boosters else ""
        next_text = escape(nxt.text) if nxt else escape(_("Nothing planned."))
        rows.append(
            f"<tr><th scope='row'>{escape(c.full_name)}"
            f"{fast}</th>"
            f"<td>{escape(c.organization)}</td>"
            f"<td>{escape(_(stages.STAGE_LABELS[stages.stage(events_of)]))}</td>"
            f"<td>{escape(i18n.format_number(stages.attempts(events_of)))}</td>"
            f"<td>{next_text}</td><td>{due}</td></tr>"
        )
    head = "".join(
        f"<th scope='col'>{escape(_(h))}</th>"
        for h in (
            N_("Person"),
            N_("Organization"),
            N_("Stage"),
            N_("Attempts"),
            N_("Next"),
            N_("Due"),
        )
    )
    return STYLE + (
        labelled_table(
            "<table class='ii-table'><caption>{}</caption>".format(escape(_("Your requests")))
            + f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
        if rows
        else "<p>{}</p>".format(escape(_("No targets yet.")))
    )


def response_stats_html(stats: pipeline.ResponseStats) -> str:
    """The response rate and the median wait for an answer, with a word that silence is normal."""
    if stats.rate is None:
        rate = _("Responses: no requests yet.")
    elif stats.median_days is None:
        rate = _("Responses: {replies} of {requests} answered ({rate}).")
    else:
        rate = _(
            "Responses: {replies} of {requests} answered ({rate}), after {days} days on "
            "average (median)."
        )
    text = rate.format(
        replies=i18n.format_number(stats.replies),
        requests=i18n.format_number(stats.requests),
        rate=_percent(stats.rate),
        days=_days(stats.median_days),
    )
    return (
        f"<p>{escape(text)} "
        + escape(_("Many requests go unanswered or are declined: that is normal, keep going."))
        + "</p>"
    )


def _percent(rate: float | None) -> str:
    if rate is None:
        return ""
    return f"{rate:.0%}" if i18n.language() == "en" else i18n.format_percent(rate)


def _days(days: float | None) -> str:
    if days is None:
        return ""
    return f"{days:.1f}" if i18n.language() == "en" else i18n.format_number(round(days, 1))
