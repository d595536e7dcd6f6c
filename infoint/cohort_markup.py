"""The cohort view's markup: the figures table, the spread chart and the refused files.

Only constant markup is written here; every file name (the one thing a facilitator's files
bring in that is not a number) passes ``safe.escape``. The chart is inline SVG, each figure
on its own scale, with its numbers written beside it and in its accessible name, so neither
colour nor length is the only signal.
"""

from __future__ import annotations

from . import i18n
from .cohort import CohortFigure, CohortRead, Spread
from .i18n import _, ngettext
from .safe import escape

__all__ = ["number", "figures_table", "spread_chart", "reading_html"]


def number(value: float, percent: bool = False) -> str:
    """A figure as people read it: ``42%``, ``3``, ``2.5``."""
    if i18n.language() != "en":  # "42 %", "2,5" in Spanish
        return i18n.format_percent(value) if percent else i18n.format_number(round(value, 1))
    if percent:
        return f"{value:.0%}"
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _range(s: Spread, percent: bool) -> tuple[str, str]:
    to = _("{low} to {high}")
    return (
        to.format(low=number(s.q1, percent), high=number(s.q3, percent)),
        to.format(low=number(s.low, percent), high=number(s.high, percent)),
    )


def figures_table(figures: list[CohortFigure], participants: int) -> str:
    """A table of the figures: participants counted, median, middle half, range, mean, total."""
    head = [
        _("Figure"),
        _("Participants"),
        _("Median"),
        _("Middle half"),
        _("Lowest to highest"),
        _("Mean"),
        _("Group"),
    ]
    rows = []
    for f in figures:
        s = f.spread
        if s is None:
            cells = [str(0), "-", "-", "-", "-"]
        else:
            middle, whole = _range(s, f.percent)
            cells = [
                str(s.n),
                number(s.median, f.percent),
                middle,
                whole,
                number(s.mean, f.percent),
            ]
        rows.append(
            f"<tr><th scope='row'>{escape(f.label)}</th>"
            + "".join(f"<td>{escape(c)}</td>" for c in cells)
            + f"<td>{escape(f.total)}</td></tr>"
        )
    head_html = "".join(f"<th scope='col'>{escape(h)}</th>" for h in head)
    return (
        "<table class='ii-table ii-cohort-figures'>"
        "<caption>"
        + escape(
            ngettext(
                "The cohort's figures ({n} participant; the response rate counts "
                "those who sent a request)",
                "The cohort's figures ({n} participants; the response rate counts "
                "those who sent a request)",
                participants,
            ).format(n=participants)
        )
        + "</caption>"
        f"<thead><tr>{head_html}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def spread_chart(figures: list[CohortFigure], title: str = "") -> str:
    """A box plot per figure, each on its own scale (written at the right): a line from the
    lowest to the highest, a box over the middle half, a bar at the median, and the numbers
    written under it. Labels sit above their plot, so the chart reads on a phone too."""
    title = title or _("How the cohort spreads")
    width, pad, row_h = 400, 6, 72
    shown = [f for f in figures if f.spread is not None]
    height = row_h * len(shown) + 4
    area = width - 2 * pad
    summary = "; ".join(
        _("{label}: median {median}, middle half {middle}, lowest to highest {whole}").format(
            label=f.label,
            median=number(f.spread.median, f.percent),
            middle=_range(f.spread, f.percent)[0],
            whole=_range(f.spread, f.percent)[1],
        )
        for f in shown
    )
    parts = [
        f'<svg role="img" aria-label="{escape(title + ". " + summary)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" '
        'style="font: 13px sans-serif">',
        f"<title>{escape(title)}</title>",
    ]
    for i, f in enumerate(shown):
        s = f.spread
        top = 1.0 if f.percent else max(s.high, 1.0)

        def x(v, top=top):
            return pad + area * (v / top)

        y = 4 + i * row_h
        mid = y + 32
        scale = _("scale {low} to {high}").format(
            low=number(0, f.percent), high=number(top, f.percent)
        )
        parts.append(
            f'<text x="0" y="{y + 14}" fill="#1b1b1b" font-weight="bold">{escape(f.label)}</text>'
            f'<text x="{width}" y="{y + 14}" fill="#4a4a4a" text-anchor="end">'
            f"{escape(scale)}</text>"
            f'<rect x="{pad}" y="{mid}" width="{area}" height="1" fill="#949494"/>'
            f'<rect x="{x(s.low):.1f}" y="{mid - 1}" width="{max(x(s.high) - x(s.low), 1):.1f}" '
            'height="3" fill="#4a4a4a"/>'
            f'<rect x="{x(s.q1):.1f}" y="{mid - 8}" width="{max(x(s.q3) - x(s.q1), 2):.1f}" '
            'height="17" fill="#dbe6f4" stroke="#1d4f91"/>'
            f'<rect x="{x(s.median) - 1.5:.1f}" y="{mid - 10}" width="3" height="21" '
            'fill="#1d4f91"/>'
        )
        middle, whole = _range(s, f.percent)
        words = _("median {median}, middle half {middle}, range {whole}").format(
            median=number(s.median, f.percent), middle=middle, whole=whole
        )
        parts.append(f'<text x="0" y="{mid + 28}" fill="#1b1b1b">{escape(words)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def reading_html(read: CohortRead) -> str:
    """What was read, in words: cards counted, repeats, and each refused file and why."""
    n = len(read.cards)
    counted = ngettext("{n} card counted.", "{n} cards counted.", n).format(n=n)
    out = [
        f"<p><strong>{escape(counted)}</strong>"
        + (
            " "
            + escape(
                _("{n} repeated file(s) counted once: {names}.").format(
                    n=len(read.repeated), names=", ".join(read.repeated)
                )
            )
            if read.repeated
            else ""
        )
        + "</p>"
    ]
    if read.refused:
        items = "".join(f"<li>{escape(why)}</li>" for _name, why in read.refused)
        refused = ngettext(
            "{n} file refused (not counted):", "{n} files refused (not counted):", len(read.refused)
        ).format(n=len(read.refused))
        out.append(f"<p>{escape(refused)}</p><ul class='ii-cohort-refused-list'>{items}</ul>")
    return "".join(out)
