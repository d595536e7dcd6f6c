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
building a page stay light (DESIGN.md "Performance").
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from . import classification, organizations, pipeline, ranking, stages
from . import debrief as db
from . import meetings as mt
from . import questions as qs
from . import targets as tg
from .charts import bar_chart
from .clock import parse_time
from .objectives import pitch_stats, plan_mix
from .progress import STEPS, pipeline_settings, todays_agenda, workbook_progress
from .records import CONNECTION_LABELS, KIND_LABELS, SENIORITY_LABELS, Objective, Plan, Profile
from .safe import escape, link, one_line, safe_url

__all__ = [
    "STEP_TITLES",
    "REPORT_MIME",
    "CSP",
    "report_sections",
    "report_notebook",
    "report_html",
    "report_filename",
]

STEP_TITLES: dict[int, str] = {number: title for number, title, _ in STEPS}
REPORT_MIME = "text/html"
OVERVIEW = "Overview: progress and what is due"
TOP_ORGANIZATIONS = 10  # the long list's top ten, sorted (T1)
MAX_ROWS = 50  # rows per table: a report is read by a person, not scrolled through 30,000 rows
MAX_TEXT = 5000  # characters kept from one note (a 100,000-character paste stays readable)
CSP = (
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "font-src data:; connect-src 'none'; object-src 'none'; frame-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)


# ----------------------------------------------------------------- small HTML helpers
# Every helper escapes what it is given: only constant markup is written here.


def _text(value) -> str:
    """Escaped text, shortened past MAX_TEXT characters; line breaks kept."""
    value = "" if value is None else str(value)
    if len(value) > MAX_TEXT:
        value = value[: MAX_TEXT - 1] + "\u2026 (shortened)"
    return escape(value).replace("\n", "<br>")


def _p(text: str) -> str:
    return f"<p>{text}</p>"


def _none(what: str) -> str:
    return f"<p class='ii-report-empty'>{escape(what)}</p>"


def _list(items, ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


def _table(caption: str, head: list[str], rows: list[list[str]]) -> str:
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


def _facts(pairs: list[tuple[str, str]]) -> str:
    """A definition list of (label, escaped HTML value)."""
    return (
        "<dl class='ii-report-facts'>"
        + "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in pairs)
        + "</dl>"
    )


def _chart(rows, title: str, compare=None) -> str:
    """``charts.bar_chart`` (inline SVG, labels escaped there) under a visible title."""
    return f"<div class='ii-report-chart'><p><strong>{escape(title)}</strong></p>{bar_chart(rows, title, compare=compare)}</div>"


def _day(moment: datetime | None, tz) -> str:
    return "" if moment is None else f"{moment.astimezone(tz):%a %d %b %Y}"


def _when(moment: datetime | None, tz) -> str:
    return "" if moment is None else f"{moment.astimezone(tz):%a %d %b %Y, %H:%M}"


def _status(parts: list[tuple[str, bool]]) -> str:
    return _list(f"{'&#10003;' if ok else '&#9675;'} {escape(name)}" for name, ok in parts)


# ----------------------------------------------------------------- what the report reads


class _Data:
    """Everything the sections need, read once from the workspace."""

    def __init__(self, ws, now: datetime):
        self.ws = ws
        self.now = now
        self.profile = Profile.from_row(ws.get_row("profile"))
        row = ws.get_row("objective")
        self.objective_saved = row is not None
        self.objective = Objective.from_row(row) if row else Objective(plan=Plan(0, 0, 0, 0, 0, 0))
        self.settings = pipeline_settings(ws)
        self.tz = pipeline.zone(self.settings.tz)
        self.contacts = {c.id: c for c in tg.load_contacts(ws)}
        self.events = stages.group_by_contact(stages.events_from_rows(ws.events()))

    def name(self, contact_id) -> str:
        contact = self.contacts.get(contact_id)
        return contact.full_name if contact else "(unknown contact)"


# ----------------------------------------------------------------- the sections


def _overview(d: _Data) -> str:
    out = []
    facts = [
        ("Student", _text(d.profile.name) or "(no name yet)"),
        ("Exploring", _text(d.objective.field_of_interest) or "(not said yet)"),
    ]
    out.append(_facts(facts))
    held = sum(1 for evs in d.events.values() if any(e.kind == pipeline.MET for e in evs))
    asked = sum(1 for evs in d.events.values() if stages.attempts(evs) > 0)
    thanked = sum(
        1 for evs in d.events.values() if any(e.kind == pipeline.THANKS_SENT for e in evs)
    )
    targets = sum(1 for c in d.contacts.values() if c.target and not c.archived)
    out.append(
        _p(
            escape(
                f"At a glance: {targets} people picked to ask, {asked} asked so far, "
                f"{held} met, {thanked} thanked."
            )
        )
    )
    rows = []
    for status in workbook_progress(d.ws):
        rows.append(
            [
                escape(f"Step {status.number}: {status.title}"),
                escape(status.summary),
                _status(status.parts),
            ]
        )
    out.append(
        _table(
            "Progress through the six steps (\u2713 done, \u25cb still to do)",
            ["Step", "Where they are", "Parts"],
            rows,
        )
    )
    items = todays_agenda(d.ws, d.now)
    if items:
        lines = []
        for item in items[:MAX_ROWS]:
            when = _when(item.due, d.tz)
            status = (
                f"<strong>Overdue</strong> since {escape(when)}"
                if item.overdue
                else f"Due {escape(when)}"
            )
            lines.append(f"{status}: {escape(item.text)}")
        out.append("<h3>What is due now</h3>" + _list(lines, ordered=True))
        if len(items) > MAX_ROWS:
            out.append(_p(escape(f"And {len(items) - MAX_ROWS} more.")))
    else:
        out.append("<h3>What is due now</h3>" + _none("Nothing is due."))
    return "".join(out)


def _step1(d: _Data) -> str:
    p, o = d.profile, d.objective
    out = ["<h3>Who is asking</h3>"]
    stats = pitch_stats(p.pitch)
    out.append(
        _facts(
            [
                ("Name", _text(p.name) or "(no name yet)"),
                ("Email", _text(p.email) or "(none yet)"),
                ("City", _text(p.location) or "(not given)"),
                ("Time zone", _text(p.timezone) or "(not given)"),
            ]
        )
    )
    out.append("<h3>Their 30-second pitch</h3>")
    if p.pitch.strip():
        out.append(f"<blockquote>{_text(p.pitch)}</blockquote>")
        out.append(_p(escape(f"{stats.words} words, about {stats.seconds:g} seconds spoken.")))
    else:
        out.append(_none("No pitch written yet."))
    out.append("<h3>What they want to learn about</h3>")
    kinds = [KIND_LABELS[k] for k in o.kinds if k in KIND_LABELS]
    out.append(
        _facts(
            [
                ("Kind of learning", escape("; ".join(kinds)) or "(not chosen yet)"),
                ("Field", _text(o.field_of_interest) or "(not said yet)"),
                ("Roles", _list(_text(r) for r in o.roles) if o.roles else "(none listed)"),
                (
                    "Organizations",
                    _list(_text(n) for n in o.organizations)
                    if o.organizations
                    else "(none listed)",
                ),
            ]
        )
    )
    out.append("<h3>Learning goals</h3>")
    goals = [g for g in o.goals if g.strip()]
    out.append(
        _list((_text(g) for g in goals), ordered=True) if goals else _none("No goals written yet.")
    )
    out.append("<h3>Interview plan</h3>")
    if d.objective_saved:
        out.append(_p(escape(f"{o.plan.total} conversations planned, with this mix of people:")))
        out.append(_chart(plan_mix(o.plan), "The planned interview mix"))
    else:
        out.append(_none("No plan saved yet."))
    return "".join(out)


def _step2(d: _Data) -> str:
    out = ["<h3>Organizations</h3>"]
    places = organizations.sort_organizations(organizations.load_organizations(d.ws))
    if places:
        rows = [
            [
                escape(f"{place}. ") + _text(org.name),
                _text(org.industry),
                escape(org.size),
                _text(org.location),
                escape(f"{org.motivation}/5" if org.motivation else "-"),
                escape(f"{org.postings}/3" if org.postings else "-"),
                "yes" if org.advocacy else "no",
                link(org.website, org.website) if org.website.strip() else "",
                _text(org.notes),
            ]
            for place, org in places[:TOP_ORGANIZATIONS]
        ]
        caption = f"The long list, best first ({len(places)} organizations; the top {min(TOP_ORGANIZATIONS, len(places))} shown)"
        out.append(
            _table(
                caption,
                [
                    "Organization",
                    "Industry",
                    "Size",
                    "Location",
                    "Interest",
                    "Openings",
                    "A contact there",
                    "Website",
                    "Notes",
                ],
                rows,
            )
        )
    else:
        out.append(_none("No organizations on the long list yet."))

    out.append("<h3>People they chose to ask</h3>")
    ctx = tg.context(d.ws)
    assessed = classification.classify(list(d.contacts.values()), ctx)
    chosen = classification.mix_of([a for a in assessed if a.contact.target])
    ranked = [a for a in ranking.rank(assessed, ctx, chosen) if a.contact.target]
    out.append(
        _p(
            escape(
                f"{len(assessed)} people in their contact list, {len(ranked)} picked as targets."
            )
        )
    )
    if ranked:
        rows = []
        for a in ranked:
            c = a.contact
            connection = CONNECTION_LABELS.get(a.connection, a.connection) + (
                " (warm)" if a.warm and a.connection == "cold" else ""
            )
            rows.append(
                [
                    _text(c.full_name),
                    _text(c.organization),
                    _text(c.position),
                    escape(connection),
                    escape(SENIORITY_LABELS.get(a.seniority, a.seniority)),
                    escape(stages.STAGE_LABELS[stages.stage(d.events.get(c.id, []))]),
                    escape(a.why),
                    _text(c.notes),
                ]
            )
        out.append(
            _table(
                "Targets, in the order the workbook ranks them",
                [
                    "Person",
                    "Organization",
                    "Job title",
                    "Connection",
                    "Seniority",
                    "Stage",
                    "Why them",
                    "Notes",
                ],
                rows,
            )
        )
        plan = ctx.plan if ctx.plan is not None else Plan()
        mix = classification.mix_rows(plan, chosen)
        out.append(
            _chart(
                [(label, planned) for label, planned, _ in mix],
                "The plan (solid) and the targets so far (dashed)",
                compare=[actual for _, _, actual in mix],
            )
        )
        out.append(
            _p(escape(f"Warm {chosen.warm}, cold {chosen.cold} among the {chosen.total} targets."))
        )
        out.append(_list(escape(t) for t in classification.mix_suggestions(plan, chosen)))
    else:
        out.append(_none("No one picked yet."))
    return "".join(out)


def _step3(d: _Data) -> str:
    rows, stage_counts = [], {}
    people = sorted(
        (c for c in d.contacts.values() if (c.target and not c.archived) or d.events.get(c.id)),
        key=lambda c: tg.fold(c.full_name),
    )
    for c in people:
        events = d.events.get(c.id, [])
        stage = stages.STAGE_LABELS[stages.stage(events)]
        stage_counts[stage] = stage_counts.get(stage, 0) + 1
        first = min(
            (e.at for e in events if e.kind in (pipeline.REQUEST_SENT, pipeline.INTRO_REQUESTED)),
            default=None,
        )
        answers = [e.data.get("answer") for e in events if e.kind == pipeline.REPLY]
        actions = pipeline.actions_for(c, events, d.now, d.settings) if events else []
        nxt = actions[0] if actions else None
        rows.append(
            [
                _text(c.full_name),
                _text(c.organization),
                escape(stage),
                str(stages.attempts(events)),
                escape(_day(first, d.tz)) or "-",
                escape(str(answers[-1])) if answers else "-",
                (
                    ("<strong>Overdue</strong>: " if nxt.overdue else "")
                    + escape(f"{nxt.text} ({_day(nxt.due, d.tz)})")
                )
                if nxt
                else ("Write the request." if not events else "Nothing planned."),
            ]
        )
    if not rows:
        return _none("No requests yet: nobody has been picked or asked.")
    stats = pipeline.response_stats(d.events)
    out = [
        _table(
            "Requests and follow-ups",
            ["Person", "Organization", "Stage", "Attempts", "First asked", "Answer", "Next"],
            rows,
        )
    ]
    rate = (
        "No requests sent yet."
        if stats.rate is None
        else f"{stats.replies} of {stats.requests} answered ({stats.rate:.0%})"
    )
    median = "" if stats.median_days is None else f", after {stats.median_days:.1f} days (median)"
    out.append(_p(escape(f"Responses: {rate}{median}." if stats.rate is not None else rate)))
    order = [label for key, label in stages.STAGE_LABELS.items() if label in stage_counts]
    out.append(
        _chart([(label, stage_counts[label]) for label in order], "Where each person stands")
    )
    return "".join(out)


def _step4(d: _Data) -> str:
    meetings = mt.load_meetings(d.ws)
    if not meetings:
        return _none("No meeting booked yet.")
    rows = []
    for m in meetings:
        texts = [e.get("text", "") for e in m.questions if isinstance(e, dict)]
        themes = [qs.THEMES.get(e.get("theme", ""), "") for e in m.questions if isinstance(e, dict)]
        asked = (
            _list(
                (
                    _text(t) + (f" <small>({escape(th)})</small>" if th else "")
                    for t, th in zip(texts, themes)
                ),
                ordered=True,
            )
            if texts
            else "(no questions chosen)"
        )
        research = (
            f"{sum(1 for v in m.research.values() if v)} of {len(m.research)} checks done"
            if m.research
            else "not started"
        )
        when = _when(parse_time(m.starts_at), d.tz) if m.starts_at else "no time set"
        how = mt.MODE_LABELS.get(m.mode, m.mode) + (f", {m.minutes} minutes" if m.minutes else "")
        rows.append(
            [
                _text(d.name(m.contact_id))
                + ("<br><small>(cancelled)</small>" if m.cancelled else ""),
                escape(when),
                escape(how) + (f"<br>{_text(m.place)}" if m.place.strip() else ""),
                asked,
                escape(research) + (f"<br>{_text(m.notes)}" if m.notes.strip() else ""),
                _text(m.offer) or "-",
            ]
        )
    return _table(
        "Meetings and the questions prepared for them",
        ["With", "When", "How", "Questions, in order", "Research", "Offer in return"],
        rows,
    )


def _step5(d: _Data) -> str:
    debriefs = db.load_debriefs(d.ws)
    items = db.load_action_items(d.ws)
    if not debriefs and not items:
        return _none("No meeting debriefed yet.")
    out = []
    if debriefs:
        comparison = db.compare(debriefs, d.contacts, contacted=set(d.events))
        rows = [
            [
                _text(r["name"]),
                _text(r["organization"]),
                _text(r["position"]),
                escape(r["role_fit"] or "-"),
                escape(r["org_fit"] or "-"),
                _text(r["insights"]),
            ]
            for r in comparison.rows
        ]
        out.append(
            _table(
                "Meetings side by side, best fit first (fit from 1 to 5)",
                ["Person", "Organization", "Role", "Role fit", "Organization fit", "Insights"],
                rows,
            )
        )
        # Names only: the chart's label column is narrow, and the table above names the organizations.
        chart = [
            (one_line(r["name"], 28), r["role_fit"] or 0, r["org_fit"] or 0)
            for r in comparison.rows
        ]
        out.append(
            _chart(
                [(label, role) for label, role, _ in chart],
                "Role fit (solid) and organization fit (dashed), 1-5",
                compare=[org for _, _, org in chart],
            )
        )
        recurring = ", ".join(f"{escape(word)} ({count})" for word, count in comparison.recurring)
        out.append(
            _p("<strong>Came up in more than one meeting:</strong> " + (recurring or "nothing yet"))
        )
        if comparison.suggestions:
            out.append(
                "<h3>What the workbook suggests next</h3>"
                + _list(escape(t) for t in comparison.suggestions)
            )
        meetings = {m.id: m for m in mt.load_meetings(d.ws)}
        for deb in debriefs:
            m = meetings.get(deb.meeting_id)
            texts = db.question_texts(m.questions) if m else []
            answers = [(q, db.answer_for(deb, i, q)) for i, q in enumerate(texts)]
            reflection = [
                (question, deb.reflection.get(key, "")) for key, question in db.REFLECTION_QUESTIONS
            ]
            pairs = [
                ("Insights", _text(deb.insights) or "-"),
                ("Surprises", _text(deb.surprises) or "-"),
            ]
            pairs += [(q, _text(a)) for q, a in answers if str(a).strip()]
            pairs += [(q, _text(a)) for q, a in reflection if str(a).strip()]
            if deb.next_changes.strip():
                pairs.append(("What they will change next", _text(deb.next_changes)))
            out.append(
                f"<h3>Notes from the meeting with {_text(d.name(deb.contact_id))}</h3>"
                + _facts(pairs)
            )
    if items:
        rows = [
            [
                _text(i.text),
                _text(d.name(i.contact_id)) if i.contact_id else "-",
                escape(i.due) or "-",
                escape("done" if i.done else "open"),
            ]
            for i in items
        ]
        out.append(
            _table(
                "Things they were advised to do", ["Action", "Suggested by", "Due", "Status"], rows
            )
        )
    return "".join(out)


def _step6(d: _Data) -> str:
    overview = pipeline.thanks_overview(d.contacts, d.events, d.now, d.settings)
    if not overview:
        return _none("Nobody met yet, so nobody to thank.")
    rows = []
    for r in overview:
        c, ty = r.contact, r.thank_you
        rows.append(
            [
                _text(c.full_name),
                escape(_day(ty.met_at, d.tz)),
                escape(ty.status) + (escape(f" ({_day(ty.sent_at, d.tz)})") if ty.sent_at else ""),
                escape(("thanked" if r.introducer_thanked else "not yet") if r.introduced else "-"),
                str(r.updates_sent),
                escape(_day(r.next_update, d.tz))
                if r.next_update
                else ("off" if c.cadence_days == 0 else "-"),
            ]
        )
    return _table(
        "Everyone they met",
        ["Person", "Met", "Thank-you note", "Introducer thanked", "Updates sent", "Next update"],
        rows,
    )


_BUILDERS = {1: _step1, 2: _step2, 3: _step3, 4: _step4, 5: _step5, 6: _step6}


def _check_step(step) -> None:
    if step is not None and (isinstance(step, bool) or step not in STEP_TITLES):
        raise ValueError(
            f"There is no step {step!r}: choose 1 to 6, or None for the whole workbook."
        )


def report_sections(
    ws, step: int | None = None, *, now: datetime | None = None
) -> list[tuple[str, str]]:
    """(heading, HTML fragment) per step, after an overview when ``step`` is None (the whole workbook).

    Headings are the workbook's own words; in the fragments every workspace value is escaped
    (``safe.escape``) and links are https:/mailto: only (``safe.link``). Tables stop at
    ``MAX_ROWS`` rows and say so; long notes are shortened. ``now`` is fixed in tests.
    """
    _check_step(step)
    data = _Data(ws, now or datetime.now(UTC))
    numbers = list(STEP_TITLES) if step is None else [step]
    sections = [] if step is not None else [(OVERVIEW, _overview(data))]
    for number in numbers:
        sections.append((f"Step {number}: {STEP_TITLES[number]}", _BUILDERS[number](data)))
    return sections


# ----------------------------------------------------------------- the notebook and the page


def _title(ws) -> str:
    name = Profile.from_row(ws.get_row("profile")).name.strip()
    return (
        f"Informational interview workbook: report for {name}"
        if name
        else "Informational interview workbook: report"
    )


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()<>#+!|~$&-])")


def _md(text: str) -> str:
    """Fixed heading text made inert in Markdown (each special character backslash-escaped)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _cover(ws, step, now: datetime) -> str:
    tz = pipeline.zone(pipeline_settings(ws).tz)
    name = Profile.from_row(ws.get_row("profile")).name.strip()
    scope = "the whole workbook" if step is None else f"step {step} only ({STEP_TITLES[step]})"
    return (
        f"<p class='ii-report-cover'>Prepared for <strong>{_text(name) or '(no name yet)'}</strong> on "
        f"{escape(_when(now, tz))}, covering {escape(scope)}.</p>"
        "<p class='ii-report-muted'>Everything here is the student's own notes, shown exactly as typed. "
        "It was exported from the informational interview workbook for an advising appointment.</p>"
    )


def report_notebook(ws, step: int | None = None, *, now: datetime | None = None):
    """The report as an nbformat v4 notebook (nbformat is imported here, not on module import).

    A title Markdown cell and, per section, a Markdown heading (fixed words only) and an empty,
    hidden code cell whose ``display_data`` output carries the section's escaped HTML. User text
    lives only in those outputs, never in Markdown.
    """
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    _check_step(step)
    now = now or datetime.now(UTC)
    heading = "Informational interview workbook: report" + (
        "" if step is None else f", step {step}"
    )

    def output_cell(html: str):
        cell = new_code_cell(
            "", metadata={"jupyter": {"source_hidden": True}, "tags": ["hide-input"]}
        )
        cell.outputs = [new_output("display_data", data={"text/html": html}, metadata={})]
        return cell

    cells = [new_markdown_cell(f"# {_md(heading)}"), output_cell(_cover(ws, step, now))]
    for title, html in report_sections(ws, step, now=now):
        cells.append(new_markdown_cell(f"## {_md(title)}"))
        cells.append(output_cell(html))
    return new_notebook(
        cells=cells,
        metadata={
            "title": _title(ws),
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
  text-align: left; vertical-align: top; max-width: 28em; white-space: normal; overflow-wrap: anywhere; }
.jp-RenderedHTMLCommon table.ii-report-table caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
.jp-RenderedHTMLCommon table.ii-report-table ol, .jp-RenderedHTMLCommon table.ii-report-table ul { margin: 0; padding-left: 1.3em; }
.jp-OutputArea-output dl.ii-report-facts dt { float: none; width: auto; font-weight: bold; margin-top: 0.5em; }
.jp-OutputArea-output dl.ii-report-facts dd { float: none; width: auto; margin: 0.1em 0 0 1.5em; padding: 0; }
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


def report_html(ws, step: int | None = None, *, now: datetime | None = None) -> bytes:
    """The report as one self-contained, code-free HTML page (UTF-8 bytes) for download.

    nbconvert's HTMLExporter (JupyterLab look; inputs and prompts excluded; ``sanitize_html``
    with this report's allowlist) in a template without scripts, so nothing is fetched from a
    CDN; a Content-Security-Policy forbids scripts and remote resources; the page title is
    "Informational interview workbook: report for <name>", escaped.
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    nb = report_notebook(ws, step, now=now)
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


def report_filename(step: int | None = None, when: datetime | None = None) -> str:
    """A dated file name: ``infoint-report-2026-03-04.html``, ``infoint-report-step-2-2026-03-04.html``."""
    _check_step(step)
    day = (when or datetime.now()).strftime("%Y-%m-%d")
    return (
        f"infoint-report-{day}.html" if step is None else f"infoint-report-step-{step}-{day}.html"
    )
