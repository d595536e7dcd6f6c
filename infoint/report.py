"""The report for an advising appointment: the workbook (or one step) as one code-free HTML page.

A student takes this page to a career counsellor: what they planned (step 1), whom they target
and why (step 2), how their requests stand (step 3), what they asked (step 4), what they learned
(step 5) and how they thanked and keep in touch (step 6), with an overview of their progress
and what is due now. It downloads from the start page in JupyterLab and in the app.

How it is made, and why it is safe to open:

- ``report_sections`` builds each part as an HTML fragment in which every value from the
  workspace went through ``safe.escape`` (``$`` included, so nothing is read as math) and every
  link through ``safe.link`` (https: and mailto: only).
- ``report_notebook`` puts those fragments into an nbformat v4 notebook: fixed headings in
  Markdown cells (never user text), the fragments as ``text/html`` display outputs of empty,
  hidden code cells.
- ``report_html`` exports it with nbconvert's HTMLExporter (JupyterLab's look, inputs and
  prompts hidden, ``sanitize_html`` on, with an allowlist that keeps tables, headings and the
  inline SVG charts), in a template without any script: no require.js, MathJax, Mermaid or
  widget loader, so nothing is fetched from a CDN. A Content-Security-Policy forbids scripts and
  every remote resource, and a last pass removes anything that could load or run.

nbconvert, nbformat and bleach (and jsonschema, through nbformat's validation) are imported only
inside the functions that make the notebook and the page, so ``import infoint.report`` and
building a page stay light (docs/architecture.md "Performance").
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from . import i18n, pipeline
from .coverage import coverage_summary
from .i18n import N_, _
from .progress import pipeline_settings, todays_agenda, workbook_progress
from .records import Profile
from .report_markup import (
    MAX_ROWS,
    _clean_html,
    _finish,
    _offline,
    fact_table,
    html_list,
    html_table,
    none_yet,
    paragraph,
    progress_line,
    text_html,
    time_text,
)
from .report_steps import BUILDERS, STEP_TITLES, ReportData
from .safe import escape
from .sharing import (
    COUNTS,
    EVERYTHING,
    LEVEL_LABELS,
    check_level,
    initials,
    level_sections,
    outcomes,
)

__all__ = [
    "STEP_TITLES",
    "REPORT_MIME",
    "CSP",
    "report_sections",
    "sections_for",
    "report_notebook",
    "report_html",
    "report_filename",
]

REPORT_MIME = "text/html"
CSP = (
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "font-src data:; connect-src 'none'; object-src 'none'; frame-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)


# ----------------------------------------------------------------- what the report reads


# ----------------------------------------------------------------- the sections


OVERVIEW = N_("Overview: progress and what is due")


def overview(d: ReportData) -> str:
    """The overview: each step's progress and what is due now."""
    out = []
    facts = [
        (_("Student"), text_html(d.profile.name) or _("(no name yet)")),
        (_("Exploring"), text_html(d.objective.field_of_interest) or _("(not said yet)")),
    ]
    out.append(fact_table(facts))
    o = outcomes(d.ws, d.now)  # the same figures as the counts-only report and the card
    out.append(
        paragraph(
            escape(
                _(
                    "At a glance: {targets} people picked to ask, {asked} asked so far, "
                    "{met} met, {thanked} thanked."
                ).format(
                    targets=o.targets,
                    asked=o.requests_sent,
                    met=o.meetings_held,
                    thanked=o.thanks_sent,
                )
            )
        )
    )
    # D5.1-D5.3: the same line as on the start page
    out.append(
        paragraph(escape(_("Learning goals: {line}").format(line=coverage_summary(d.ws).line)))
    )
    rows = []
    for status in workbook_progress(d.ws, d.now):  # the report's moment, as its figures
        rows.append(
            [
                escape(
                    _("Step {number}: {title}").format(number=status.number, title=_(status.title))
                ),
                escape(status.summary),
                progress_line(status.parts),
            ]
        )
    out.append(
        html_table(
            _("Progress through the six steps (\u2713 done, \u25cb still to do)"),
            [_("Step"), _("Where they are"), _("Parts")],
            rows,
        )
    )
    items = todays_agenda(d.ws, d.now)
    if items:
        lines = []
        for item in items[:MAX_ROWS]:
            when = time_text(item.due, d.tz)
            status = (
                "<strong>"
                + escape(_("Overdue"))
                + "</strong> "
                + escape(_("since {when}").format(when=when))
                if item.overdue
                else escape(_("Due {when}").format(when=when))
            )
            lines.append(_("{status}: {text}").format(status=status, text=escape(item.text)))
        out.append(
            ("<h3>" + escape(_("What is due now")) + "</h3>") + html_list(lines, ordered=True)
        )
        if len(items) > MAX_ROWS:
            out.append(paragraph(escape(_("And {n} more.").format(n=len(items) - MAX_ROWS))))
    else:
        out.append(
            ("<h3>" + escape(_("What is due now")) + "</h3>") + none_yet(_("Nothing is due."))
        )
    return "".join(out)


def _check_step(step) -> None:
    if step is not None and (isinstance(step, bool) or step not in STEP_TITLES):
        raise ValueError(
            _("There is no step {step}: choose 1 to 6, or None for the whole workbook.").format(
                step=repr(step)
            )
        )


def report_sections(
    ws, step: int | None = None, *, now: datetime | None = None
) -> list[tuple[str, str]]:
    """(heading, HTML fragment) per step, after an overview when ``step`` is None.

    ``step`` None is the whole workbook.

    Headings are the workbook's own words; in the fragments every workspace value is escaped
    (``safe.escape``) and links are https:/mailto: only (``safe.link``). Tables stop at
    ``MAX_ROWS`` rows and say so; long notes are shortened. ``now`` is fixed in tests.
    """
    _check_step(step)
    data = ReportData(ws, now or datetime.now(UTC))
    numbers = list(STEP_TITLES) if step is None else [step]
    sections = [] if step is not None else [(_(OVERVIEW), overview(data))]
    for number in numbers:
        title = _("Step {number}: {title}").format(number=number, title=_(STEP_TITLES[number]))
        sections.append((title, BUILDERS[number](data)))
    return sections


# ----------------------------------------------------------------- the notebook and the page


def sections_for(ws, step: int | None = None, level: str = EVERYTHING, *, now=None):
    """The sections a level shares: the whole report's, or those of ``sharing`` (no step)."""
    if check_level(level) == EVERYTHING:
        return report_sections(ws, step, now=now)
    return level_sections(ws, level, now or datetime.now(UTC))


def _student(ws, level: str) -> str:
    """The student's name as the level shares it: all of it, initials, or nothing."""
    name = Profile.from_row(ws.get_row("profile")).name.strip()
    return name if level == EVERYTHING else "" if level == COUNTS else initials(name)


def _title(ws, level: str = EVERYTHING) -> str:
    name = _student(ws, level)
    return (
        _("Informational interview workbook: report for {name}").format(name=name)
        if name
        else _("Informational interview workbook: report")
    )


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()<>#+!|~$&-])")


def _md(text: str) -> str:
    """Fixed heading text made inert in Markdown (each special character backslash-escaped)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _cover(ws, step, now: datetime, level: str = EVERYTHING) -> str:
    tz = pipeline.zone(pipeline_settings(ws).tz)
    if level != EVERYTHING:
        name = _student(ws, level)
        when, shares = escape(time_text(now, tz)), escape(_lower(_(LEVEL_LABELS[level])))
        prepared = (
            _("Prepared for {name} on {when}: {shares}.").format(
                name=f"<strong>{text_html(name)}</strong>", when=when, shares=shares
            )
            if name
            else _("Prepared on {when}: {shares}.").format(when=when, shares=shares)
        )
        return (
            f"<p class='ii-report-cover'>{prepared}</p>"
            "<p class='ii-report-muted'>"
            + _(
                "The student chose to share only this. "
                "It was exported from the informational interview workbook for an advising "
                "appointment."
            )
            + "</p>"
        )
    name = _student(ws, level)
    scope = (
        _("the whole workbook")
        if step is None
        else _("step {step} only ({title})").format(step=step, title=_(STEP_TITLES[step]))
    )
    prepared = _("Prepared for {name} on {when}, covering {scope}.").format(
        name="<strong>" + (text_html(name) or escape(_("(no name yet)"))) + "</strong>",
        when=escape(time_text(now, tz)),
        scope=escape(scope),
    )
    return (
        f"<p class='ii-report-cover'>{prepared}</p>"
        "<p class='ii-report-muted'>"
        + _(
            "Everything here is the student's own notes, shown exactly as typed. "
            "It was exported from the informational interview workbook for an advising "
            "appointment."
        )
        + "</p>"
    )


def _lower(text: str) -> str:
    """A label in running text: lowercase where the language has case."""
    return text.lower() if i18n.language() in ("en", "es") else text


def report_notebook(
    ws, step: int | None = None, *, now: datetime | None = None, level: str = EVERYTHING
):
    """The report as an nbformat v4 notebook (nbformat is imported here, not on module import).

    A title Markdown cell and, per section, a Markdown heading (fixed words only) and an empty,
    hidden code cell whose ``display_data`` output carries the section's escaped HTML. User text
    lives only in those outputs, never in Markdown. ``level`` (``sharing.LEVELS``) is how much
    it shares; below *everything* it covers the whole workbook.
    """
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    _check_step(step)
    now = now or datetime.now(UTC)
    step = step if check_level(level) == EVERYTHING else None
    heading = (
        _("Informational interview workbook: report")
        if step is None
        else _("Informational interview workbook: report, step {step}").format(step=step)
    )

    def output_cell(html: str):
        cell = new_code_cell(
            "", metadata={"jupyter": {"source_hidden": True}, "tags": ["hide-input"]}
        )
        cell.outputs = [new_output("display_data", data={"text/html": html}, metadata={})]
        return cell

    cells = [new_markdown_cell(f"# {_md(heading)}"), output_cell(_cover(ws, step, now, level))]
    for title, html in sections_for(ws, step, level, now=now):
        cells.append(new_markdown_cell(f"## {_md(title)}"))
        cells.append(output_cell(html))
    return new_notebook(
        cells=cells,
        metadata={
            "title": _title(ws, level),
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )


# The lab template without a single script: the blocks that load require.js, MathJax, Mermaid
# and the widget manager from a CDN are emptied; the CSP comes first in <head>.
_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head -%}
<meta http-equiv="Content-Security-Policy" content="{{ resources.infoint_csp }}">
<meta name="referrer" content="no-referrer">
{{ super() }}
{%- endblock html_head -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
<style type="text/css">
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
.jp-RenderedHTMLCommon table.ii-report-table { margin: 0.5em 0 1em 0; width: 100%; }
.jp-RenderedHTMLCommon table.ii-report-table th, .jp-RenderedHTMLCommon table.ii-report-table td {
  text-align: left; vertical-align: top; max-width: 28em; white-space: normal; \
overflow-wrap: anywhere; }
.jp-RenderedHTMLCommon table.ii-report-table caption { text-align: left; font-weight: bold; \
padding: 0.3em 0; }
.jp-RenderedHTMLCommon table.ii-report-table ol, .jp-RenderedHTMLCommon table.ii-report-table ul \
{ margin: 0; padding-left: 1.3em; }
.jp-OutputArea-output dl.ii-report-facts dt { float: none; width: auto; font-weight: bold; \
margin-top: 0.5em; }
.jp-OutputArea-output dl.ii-report-facts dd { float: none; width: auto; margin: 0.1em 0 0 1.5em; \
padding: 0; }
.ii-report-empty, .ii-report-muted { color: #4a4a4a; }
.ii-report-chart { margin: 0.5em 0 1em 0; }
.ii-report-chart svg { overflow: visible; margin-right: 4em; }
blockquote { border-left: 4px solid #1d4f91; margin: 0.5em 0; padding: 0.3em 0.8em; }
@media print { .jp-Cell { break-inside: avoid-page; } tr { break-inside: avoid; } }
</style>
{%- endblock extra_css -%}
"""
_TEMPLATE_NAME = "infoint_report.html.j2"


def report_html(
    ws, step: int | None = None, *, now: datetime | None = None, level: str = EVERYTHING
) -> bytes:
    """The report as one self-contained, code-free HTML page (UTF-8 bytes) for download.

    nbconvert's HTMLExporter (JupyterLab look; inputs and prompts excluded; ``sanitize_html``
    with this report's allowlist) in a template without scripts, so nothing is fetched from a
    CDN; a Content-Security-Policy forbids scripts and remote resources; the page title is
    "Informational interview workbook: report for <name>", escaped.
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    nb = report_notebook(ws, step, now=now, level=level)
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({_TEMPLATE_NAME: _TEMPLATE})],
        template_file=_TEMPLATE_NAME,
        language_code=i18n.language() if i18n.language() in i18n.LANGUAGES else "en",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
        sanitize_html=True,
        embed_images=False,
        theme="light",
        mathjax_url="",
        require_js_url="",
        mermaid_js_url="",
        filters={"clean_html": _clean_html},
    )
    html, _resources = exporter.from_notebook_node(
        nb, resources={"infoint_csp": CSP, "metadata": {"name": nb.metadata["title"]}}
    )
    return _finish(_offline(html)).encode("utf-8")


def report_filename(
    step: int | None = None, when: datetime | None = None, level: str = EVERYTHING
) -> str:
    """A dated file name.

    ``infoint-report-2026-03-04.html``, ``infoint-report-step-2-2026-03-04.html``,
    ``infoint-report-counts-2026-03-04.html`` (a level below *everything*).
    """
    _check_step(step)
    day = (when or datetime.now()).strftime("%Y-%m-%d")
    if check_level(level) != EVERYTHING:
        return f"infoint-report-{level}-{day}.html"
    return (
        f"infoint-report-{day}.html" if step is None else f"infoint-report-step-{step}-{day}.html"
    )
