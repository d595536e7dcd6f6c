"""Step 5's comparison (D5): every debriefed meeting side by side, as a chart and a table."""

from __future__ import annotations

from .. import comparison as cmp
from ..charts import bar_chart
from ..i18n import N_, _
from ..safe import escape
from .feedback import STYLE, labelled_table

__all__ = ["comparison_chart_html", "comparison_table_html"]


def comparison_chart_html(comparison: cmp.Comparison) -> str:
    """Role fit and organization fit per meeting, as a bar chart."""
    chart_rows = cmp.fit_chart_rows(comparison)
    return bar_chart(
        [(label, role) for label, role, _org in chart_rows],
        _("Role fit (solid) and organization fit (dashed), 1 to 5"),
        compare=[org for _label, _role, org in chart_rows],
        names=(N_("role fit"), N_("organization fit")),  # the chart translates them
    )


def comparison_table_html(comparison: cmp.Comparison) -> str:
    """The meetings, best fit first, then the words that came up more than once and the
    suggestions, as escaped HTML with the page style."""
    head = "".join(
        f"<th scope='col'>{escape(h)}</th>"
        for h in (
            _("Person"),
            _("Organization"),
            _("Role"),
            _("Role fit"),
            _("Organization fit"),
            _("Insights"),
        )
    )
    body = "".join(
        f"<tr><th scope='row'>{escape(r.get('name', ''))}</th>"
        f"<td>{escape(r.get('organization', ''))}</td><td>{escape(r.get('position', ''))}</td>"
        f"<td>{r.get('role_fit') or '-'}</td><td>{r.get('org_fit') or '-'}</td>"
        f"<td>{escape(r.get('insights', ''))}</td></tr>"
        for r in comparison.rows
    )
    recurring = _(", ").join(
        escape(_("{term} ({count})").format(term=word, count=count))
        for word, count in comparison.recurring
    ) or escape(_("none yet"))
    tips = "".join(f"<li>{escape(t)}</li>" for t in comparison.suggestions)
    caption = escape(_("Your meetings, best fit first"))
    came_up = escape(_("Came up more than once:"))
    table = labelled_table(
        f"<table class='ii-table'><caption>{caption}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
    return STYLE + table + f"<p><strong>{came_up}</strong> {recurring}</p>" + f"<ul>{tips}</ul>"
