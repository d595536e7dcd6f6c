"""Step 6's overview table: everyone you met, the thank-you, the introducer, the next update."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from .. import pipeline
from ..safe import escape
from .feedback import STYLE, labelled_table

__all__ = ["thanks_table_html"]


def thanks_table_html(
    contacts: Mapping, events: Mapping, now: datetime, settings: pipeline.Settings
) -> str:
    """The overview of ``pipeline.thanks_overview`` (contacts and events by contact id) as
    escaped HTML, with the page style; a line saying nobody yet when no one was met."""
    tz = pipeline.zone(settings.tz)
    rows = []
    for r in pipeline.thanks_overview(contacts, events, now, settings):
        intro = ("thanked" if r.introducer_thanked else "not yet") if r.introduced else "-"
        update = "" if r.next_update is None else f"{r.next_update.astimezone(tz):%d %b %Y}"
        rows.append(
            f"<tr><th scope='row'>{escape(r.contact.full_name)}</th>"
            f"<td>{r.thank_you.met_at.astimezone(tz):%d %b %Y}</td>"
            f"<td>{escape(r.thank_you.status)}</td><td>{escape(intro)}</td>"
            f"<td>{update}</td></tr>"
        )
    head = "".join(
        f"<th scope='col'>{h}</th>"
        for h in ("Person", "Met", "Thank-you", "Introducer thanked", "Next update")
    )
    return STYLE + (
        labelled_table(
            "<table class='ii-table'><caption>Everyone you met</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
        if rows
        else "<p>Nobody yet.</p>"
    )
