"""Small bar charts as inline SVG, so no plotting library is imported to build a page.

Each chart carries its numbers as text too (an accessible name and visible values), so colour
and length are never the only signal.
"""

from __future__ import annotations

from collections.abc import Sequence

from .i18n import N_, _
from .safe import escape

PLAN_NAMES = (N_("planned"), N_("so far"))


def bar_chart(
    rows: Sequence[tuple[str, int]],
    title: str,
    compare: Sequence[int] | None = None,
    names: tuple[str, str] = PLAN_NAMES,
) -> str:
    """Horizontal bars for labelled counts; ``compare`` adds a second bar per row.

    ``names`` say what the two bars are (a plan and what is done, or two ratings); a second
    value of 0 with names other than the default reads "not rated".
    """
    width, label_w, bar_h, gap = 460, 210, 16, 10
    per_row = bar_h * (2 if compare else 1) + gap
    height = per_row * len(rows) + 24
    top = max([v for _, v in rows] + list(compare or []) + [1])
    scale = (width - label_w - 40) / top
    first, second = _(names[0]), _(names[1])
    summary = _("; ").join(
        _("{label}: {value} {first}, {other} {second}").format(
            label=label, value=value, first=first, other=compare[i], second=second
        )
        if compare
        else _("{label}: {value}").format(label=label, value=value)
        for i, (label, value) in enumerate(rows)
    )
    spoken = _("{title}. {summary}").format(title=title, summary=summary)
    parts = [
        f'<svg role="img" aria-label="{escape(spoken)}" '
        f'width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" '
        'style="font: 12px sans-serif">',
        f"<title>{escape(title)}</title>",
    ]
    y = 4
    for i, (label, value) in enumerate(rows):
        parts.append(f'<text x="0" y="{y + 12}" fill="#1b1b1b">{escape(label)}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{value * scale:.1f}" height="{bar_h}" '
            'fill="#1d4f91"/>'
        )
        parts.append(
            f'<text x="{label_w + value * scale + 4:.1f}" y="{y + 12}" '
            f'fill="#1b1b1b">{value}</text>'
        )
        if compare:
            y2 = y + bar_h
            actual = compare[i]
            parts.append(
                f'<rect x="{label_w}" y="{y2}" width="{actual * scale:.1f}" height="{bar_h}" '
                'fill="#f0f0f0" stroke="#6b4500" stroke-dasharray="3 2"/>'
            )
            shown = (
                _("{n} {what}").format(n=actual, what=second)
                if actual or tuple(names) == PLAN_NAMES
                else _("{what} not rated").format(what=second)
            )
            parts.append(
                f'<text x="{label_w + actual * scale + 4:.1f}" y="{y2 + 12}" '
                f'fill="#1b1b1b">{escape(shown)}</text>'
            )
        y += per_row
    parts.append("</svg>")
    return "".join(parts)
