"""The advisor report's markup: small HTML builders that escape everything they are given.

Only constant markup is written here; every value passes ``safe.escape`` (or ``safe.link``).
Tables stop at ``MAX_ROWS`` rows and say so; long notes are shortened at ``MAX_TEXT``.
"""

from __future__ import annotations

from datetime import datetime

from .charts import bar_chart
from .safe import escape

MAX_ROWS = 50  # rows per table: a report is read by a person, not scrolled through 30,000 rows
MAX_TEXT = 5000  # characters kept from one note (a 100,000-character paste stays readable)


def text_html(value) -> str:
    """Escaped text, shortened past MAX_TEXT characters; line breaks kept."""
    value = "" if value is None else str(value)
    if len(value) > MAX_TEXT:
        value = value[: MAX_TEXT - 1] + "\u2026 (shortened)"
    return escape(value).replace("\n", "<br>")


def paragraph(text: str) -> str:
    """A paragraph of already escaped text."""
    return f"<p>{text}</p>"


def none_yet(what: str) -> str:
    """The note a section shows when there is nothing yet."""
    return f"<p class='ii-report-empty'>{escape(what)}</p>"


def html_list(items, ordered: bool = False) -> str:
    """A list of already escaped items."""
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


def html_table(caption: str, head: list[str], rows: list[list[str]]) -> str:
    """A table whose first cell per row is its header; cells are already-escaped HTML.

    At most MAX_ROWS rows, and the caption says how many there are in all.
    """
    shown = rows[:MAX_ROWS]
    more = f" (the first {len(shown)} of {len(rows)})" if len(rows) > len(shown) else ""
    head_html = "".join(f"<th scope='col'>{escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + f"<th scope='row'>{row[0]}</th>"
        + "".join(f"<td>{cell}</td>" for cell in row[1:])
        + "</tr>"
        for row in shown
    )
    return (
        f"<table class='ii-report-table'><caption>{escape(caption)}{escape(more)}</caption>"
        f"<thead><tr>{head_html}</tr></thead><tbody>{body}</tbody></table>"
    )


def fact_table(pairs: list[tuple[str, str]]) -> str:
    """A definition list of (label, escaped HTML value)."""
    return (
        "<dl class='ii-report-facts'>"
        + "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in pairs)
        + "</dl>"
    )


def chart_block(rows, title: str, compare=None) -> str:
    """``charts.bar_chart`` (inline SVG, labels escaped there) under a visible title."""
    return (
        f"<div class='ii-report-chart'><p><strong>{escape(title)}</strong></p>"
        f"{bar_chart(rows, title, compare=compare)}</div>"
    )


def date_text(moment: datetime | None, tz) -> str:
    """A day in the user's zone ("Tue 10 Mar 2026"), or ""."""
    return "" if moment is None else f"{moment.astimezone(tz):%a %d %b %Y}"


def time_text(moment: datetime | None, tz) -> str:
    """A day and clock time in the user's zone, or ""."""
    return "" if moment is None else f"{moment.astimezone(tz):%a %d %b %Y, %H:%M}"


def progress_line(parts: list[tuple[str, bool]]) -> str:
    """ "n of m parts done" for one step's parts."""
    return html_list(f"{'&#10003;' if ok else '&#9675;'} {escape(name)}" for name, ok in parts)
