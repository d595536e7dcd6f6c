"""Your learning goals, answered, partly answered or open (D5.1-D5.5), as one escaped HTML view.

Steps 1 and 5 show the whole view (``CoverageView``); the start page and the report show its
one-line summary (``coverage.CoverageSummary.line``). Everything comes from ``infoint.coverage``:
this module only lays it out, escaping every goal, name and word.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import ipywidgets as widgets

from .. import coverage as cv
from ..i18n import N_, _
from ..safe import escape

__all__ = ["COVERAGE_STYLE", "CoverageView", "coverage_html", "quoted"]

# Each status has a symbol and a word, never colour alone; the colours pass 4.5:1 on white.
_MARK = {
    cv.ANSWERED: ("&#10003;", N_("Answered")),
    cv.PARTLY: ("&#9680;", N_("Partly answered")),
    cv.OPEN: ("&#9675;", N_("Open")),
}
COVERAGE_STYLE = """<style>
.ii-coverage { list-style: none; padding: 0; margin: 0.4em 0; max-width: var(--ii-measure, 46rem); }
.ii-coverage > li { border: 1px solid var(--ii-line, #d3dae3); border-radius: 8px;
padding: 0.5em 0.8em; margin: 0 0 0.6em 0; overflow-wrap: anywhere; }
.ii-coverage-status { font-weight: 600; margin-right: 0.4em; }
.ii-coverage-answered .ii-coverage-status { color: #1e5e20; }
.ii-coverage-partly .ii-coverage-status { color: #6b4500; }
.ii-coverage-open .ii-coverage-status { color: #4a4a4a; }
.ii-coverage ul { margin: 0.2em 0 0 0; padding-left: 1.2em; }
.ii-coverage p { margin: 0.3em 0 0 0; }
</style>"""


def _names(answers: Iterable[cv.Answer]) -> str:
    return _(", ").join(escape(a.name) for a in answers)


def _fill(template: str, **html: str) -> str:
    """A translated sentence, escaped, with already-escaped HTML put into its fields."""
    return escape(template).format(**html)


def _status(word: str) -> str:
    return escape(_("{status}:").format(status=_(word)))


def _where(c: cv.Candidate) -> str:
    """ ", Designer at Acme" after a name (what is known of it)."""
    text = ""
    if c.position:
        text += _(", {position}").format(position=c.position)
    if c.organization:
        text += _(" at {organization}").format(organization=c.organization)
    return escape(text)


def quoted(word: str) -> str:
    """A word in quotation marks, as HTML (the marks are the language's)."""
    return _("&ldquo;{word}&rdquo;").format(word=escape(word))


def coverage_html(
    items: list[cv.GoalCoverage],
    candidates: Mapping[str, list[cv.Candidate]] | None = None,
    questions: Mapping[str, list[str]] | None = None,
    where_to_link: str | None = None,
) -> str:
    """The summary line, then each goal with its status, who answered it, what may answer it
    (a suggestion), and for a goal not answered yet who could answer it and what to ask."""
    where_to_link = _("step 5") if where_to_link is None else where_to_link
    summary = cv.summarize(items)
    head = f"<p class='ii-coverage-summary'><strong>{escape(summary.line)}</strong></p>"
    if not items:
        return COVERAGE_STYLE + head
    rows = []
    for item in items:
        mark, word = _MARK[item.status]
        parts = [
            f"<span class='ii-coverage-status'>{mark} {_status(word)}</span>"
            f"<span class='ii-coverage-goal'>{escape(item.goal)}</span>"
        ]
        if item.answered_by:
            said = _("Answered by your meeting with {names}.")
            parts.append(f"<p>{_fill(said, names=_names(item.answered_by))}</p>")
        if item.partly_by:
            said = _("Partly answered by your meeting with {names}.")
            parts.append(f"<p>{_fill(said, names=_names(item.partly_by))}</p>")
        for hint in item.suggestions:
            words = _(", ").join(quoted(w) for w in hint.words)
            said = _(
                "Your notes from {name} mention {words}: if they answer this goal, tick it in "
                "{where}."
            )
            parts.append(
                "<p class='ii-coverage-suggestion'>"
                + _fill(said, name=escape(hint.name), words=words, where=escape(where_to_link))
                + "</p>"
            )
        people = (candidates or {}).get(item.key, [])
        if item.status != cv.ANSWERED and people:
            lines = "".join(
                f"<li><strong>{escape(c.name)}</strong>{_where(c)}"
                f" <span class='ii-muted'>({escape(c.why)})</span></li>"
                for c in people
            )
            heading = escape(_("Who on your target list could answer it:"))
            parts.append(f"<p>{heading}</p><ul>{lines}</ul>")
        elif item.status != cv.ANSWERED and candidates is not None:
            parts.append(
                "<p class='ii-muted'>"
                + escape(
                    _("Nobody on your target list is left to ask about it: add people in step 2.")
                )
                + "</p>"
            )
        asks = (questions or {}).get(item.key, [])
        if item.status != cv.ANSWERED and asks:
            lines = "".join(f"<li>{escape(q)}</li>" for q in asks)
            heading = escape(_("Questions to ask next time (step 4):"))
            parts.append(f"<p>{heading}</p><ul>{lines}</ul>")
        rows.append(f"<li class='ii-coverage-{item.status}'>{''.join(parts)}</li>")
    return COVERAGE_STYLE + head + f"<ul class='ii-coverage'>{''.join(rows)}</ul>"


class CoverageView:
    """The coverage of a workspace's goals in one HTML widget, drawn by ``draw`` (its page
    calls it when it is shown and after each change)."""

    def __init__(self, ws, css: str, where_to_link: str | None = None):
        self.ws = ws
        self.where_to_link = where_to_link
        self.html = widgets.HTML()
        self.html.add_class(css)
        self.items: list[cv.GoalCoverage] = []

    def draw(self) -> None:
        """Derive the coverage again from the workspace and show it."""
        self.items = cv.load_coverage(self.ws)
        candidates = cv.load_candidates(self.ws, self.items) if self.items else {}
        self.html.value = coverage_html(self.items, candidates, None, self.where_to_link)
