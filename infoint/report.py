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

from . import pipeline
from .coverage import coverage_summary
from .progress import pipeline_settings, todays_agenda, workbook_progress
from .records import Profile
from .report_markup import (
    MAX_ROWS,
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
from .safe import escape, safe_url
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


OVERVIEW = "Overview: progress and what is due"


def overview(d: ReportData) -> str:
    """The overview: each step's progress and what is due now."""
    out = []
    facts = [
        ("Student", text_html(d.profile.name) or "(no name yet)"),
        ("Exploring", text_html(d.objective.field_of_interest) or "(not said yet)"),
    ]
    out.append(fact_table(facts))
    o = outcomes(d.ws, d.now)  # the same figures as the counts-only report and the card
    out.append(
        paragraph(
            escape(
                f"At a glance: {o.targets} people picked to ask, {o.requests_sent} asked so far, "
                f"{o.meetings_held} met, {o.thanks_sent} thanked."
            )
        )
    )
    # D5.1-D5.3: the same line as on the start page
    out.append(paragraph(escape(f"Learning goals: {coverage_summary(d.ws).line}")))
    rows = []
    for status in workbook_progress(d.ws, d.now):  # the report's moment, as its figures
        rows.append(
            [
                escape(f"Step {status.number}: {status.title}"),
                escape(status.summary),
                progress_line(status.parts),
            ]
        )
    out.append(
        html_table(
            "Progress through the six steps (\u2713 done, \u25cb still to do)",
            ["Step", "Where they are", "Parts"],
            rows,
        )
    )
    items = todays_agenda(d.ws, d.now)
    if items:
        lines = []
        for item in items[:MAX_ROWS]:
            when = time_text(item.due, d.tz)
            status = (
                f"<strong>Overdue</strong> since {escape(when)}"
                if item.overdue
                else f"Due {escape(when)}"
            )
            lines.append(f"{status}: {escape(item.text)}")
        out.append("<h3>What is due now</h3>" + html_list(lines, ordered=True))
        if len(items) > MAX_ROWS:
            out.append(paragraph(escape(f"And {len(items) - MAX_ROWS} more.")))
    else:
        out.append("<h3>What is due now</h3>" + none_yet("Nothing is due."))
    return "".join(out)


def _check_step(step) -> None:
    if step is not None and (isinstance(step, bool) or step not in STEP_TITLES):
        raise ValueError(
            f"There is no step {step!r}: choose 1 to 6, or None for the whole workbook."
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
    sections = [] if step is not None else [(OVERVIEW, overview(data))]
    for number in numbers:
        sections.append((f"Step {number}: {STEP_TITLES[number]}", BUILDERS[number](data)))
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
        f"Informational interview workbook: report for {name}"
        if name
        else "Informational interview workbook: report"
    )


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()<>#+!|~$&-])")


def _md(text: str) -> str:
    """Fixed heading text made inert in Markdown (each special character backslash-escaped)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _cover(ws, step, now: datetime, level: str = EVERYTHING) -> str:
    tz = pipeline.zone(pipeline_settings(ws).tz)
    if level != EVERYTHING:
        name = _student(ws, level)
        return (
            "<p class='ii-report-cover'>Prepared "
            + (f"for <strong>{text_html(name)}</strong> " if name else "")
            + f"on {escape(time_text(now, tz))}: {escape(LEVEL_LABELS[level].lower())}.</p>"
            "<p class='ii-report-muted'>The student chose to share only this. "
            "It was exported from the informational interview workbook for an advising "
            "appointment.</p>"
        )
    name = _student(ws, level)
    scope = "the whole workbook" if step is None else f"step {step} only ({STEP_TITLES[step]})"
    return (
        "<p class='ii-report-cover'>Prepared for "
        f"<strong>{text_html(name) or '(no name yet)'}</strong> on "
        f"{escape(time_text(now, tz))}, covering {escape(scope)}.</p>"
        "<p class='ii-report-muted'>"
        "Everything here is the student's own notes, shown exactly as typed. "
        "It was exported from the informational interview workbook for an advising appointment.</p>"
    )


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
    heading = "Informational interview workbook: report" + (
        "" if step is None else f", step {step}"
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

# What the sanitizer keeps (everything else is shown as text); no style attributes, no images.
_TAGS = frozenset(
    """
a abbr b blockquote br caption code dd div dl dt em h1 h2 h3 h4 i li ol p pre small span strong
table tbody td tfoot th thead tr ul svg rect text title
""".split()
)
_ATTRIBUTES = {
    "*": ["class", "id"],
    "a": ["href", "title", "target", "rel"],
    "abbr": ["title"],
    "th": ["scope", "colspan", "rowspan"],
    "td": ["colspan", "rowspan"],
    "svg": ["role", "aria-label", "width", "height", "viewBox", "viewbox"],
    "rect": ["x", "y", "width", "height", "fill", "stroke", "stroke-dasharray"],
    "text": ["x", "y", "fill"],
}
_PROTOCOLS = ["https", "mailto"]


def _clean_html(element) -> str:
    """nbconvert's ``clean_html`` filter, with this report's allowlist (bleach, imported here)."""
    import bleach

    value = element.decode() if isinstance(element, bytes) else str(element)
    return bleach.clean(
        value,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        protocols=_PROTOCOLS,
        strip=False,
        strip_comments=True,
    )


_LOADING = {
    "script",
    "link",
    "iframe",
    "frame",
    "object",
    "embed",
    "base",
    "img",
    "image",
    "audio",
    "video",
    "source",
    "track",
    "picture",
    "form",
    "input",
    "button",
    "use",
    "foreignobject",
    "noscript",
    "template",
}
_URL_ATTRS = {
    "src",
    "srcset",
    "href",
    "xlink:href",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "ping",
    "manifest",
    "codebase",
    "cite",
    "longdesc",
    "lowsrc",
    "dynsrc",
}
_REMOTE_CSS = re.compile(r"@import|url\(\s*['\"]?(?!data:|#)", re.I)
_CSS_IMPORT = re.compile(r"@import\b[^;]*;?", re.I)
_CSS_REMOTE_URL = re.compile(r"url\(\s*(?!['\"]?(?:data:|#))[^)]*\)", re.I)


def _offline(html: str) -> str:
    """The page with anything that could load or run removed: scripts, frames, embeds, event
    handlers, non-link URLs and remote CSS. The template has none; this holds if that changes."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        name = tag.name.lower()
        if name in _LOADING or (name == "meta" and tag.get("http-equiv", "").lower() == "refresh"):
            tag.decompose()
            changed = True
            continue
        for attr in list(tag.attrs):
            key = attr.lower()
            value = tag.attrs[attr]
            value = " ".join(value) if isinstance(value, list) else str(value)
            if key.startswith("on") or key == "style" and _REMOTE_CSS.search(value):
                del tag.attrs[attr]
                changed = True
            elif key in _URL_ATTRS and not (name == "a" and key == "href" and _allowed_href(value)):
                del tag.attrs[attr]
                changed = True
        if name == "style" and _REMOTE_CSS.search(tag.get_text()):
            tag.string = _CSS_REMOTE_URL.sub("none", _CSS_IMPORT.sub("", tag.get_text()))
            changed = True
    return str(soup) if changed else html


def _allowed_href(value: str) -> bool:
    """An in-page anchor, or an https:/mailto: link."""
    return value.startswith("#") or safe_url(value) is not None


_STYLE_BLOCK = re.compile(r"(<style\b.*?</style\s*>)", re.I | re.S)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def _finish(html: str) -> str:
    """Two last touches. CSS comments go (JupyterLab's cite URLs there; with them gone, every
    "http" left in the page is a link's address). In the body's markup, outside <style>, ``$``
    becomes ``&#36;`` again (nbconvert's serializer had turned the entity back into ``$``), so
    no math renderer that might ever see the page reads "$5M and $10M" as a formula."""
    out, in_body = [], False
    for i, part in enumerate(_STYLE_BLOCK.split(html)):
        if i % 2:
            out.append(_CSS_COMMENT.sub("", part))
            continue
        if not in_body:
            head, sep, body = part.partition("<body")
            in_body = bool(sep)
            out.append(head + sep + body.replace("$", "&#36;"))
        else:
            out.append(part.replace("$", "&#36;"))
    return "".join(out)


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
    html, _ = exporter.from_notebook_node(
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
