"""The advisor report's sections: an overview, then what each of the six steps holds.

Each builder reads ``ReportData`` (the workspace read once) and returns an HTML fragment made
with ``report_markup``, so every value is escaped. Facts come from the logic layer's one
derivation of each (progress, agenda, stages, actions, thank-you status), like the pages'.
"""

from __future__ import annotations

from datetime import datetime

from . import action_items, classification, organizations, pipeline, ranking, stages
from . import comparison as cmp
from . import coverage as cv
from . import debrief as db
from . import meetings as mt
from . import questions as qs
from . import targets as tg
from .checklists import meeting_research
from .clock import parse_time
from .objectives import pitch_stats, plan_mix
from .progress import pipeline_settings
from .records import (
    CONNECTION_LABELS,
    KIND_LABELS,
    SENIORITY_LABELS,
    STEPS,
    Objective,
    Plan,
    Profile,
)
from .report_markup import (
    chart_block,
    date_text,
    fact_table,
    html_list,
    html_table,
    none_yet,
    paragraph,
    text_html,
    time_text,
)
from .safe import escape, link, one_line

STEP_TITLES: dict[int, str] = {s.number: s.title for s in STEPS if s.number}


TOP_ORGANIZATIONS = 10  # the long list's top ten, sorted (T1)


class ReportData:
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
        """The full name of a contact by id, or a stand-in for one that is gone."""
        contact = self.contacts.get(contact_id)
        return contact.full_name if contact else "(unknown contact)"


def step1(d: ReportData) -> str:
    """Step 1: the profile, the objective, the goals and the plan."""
    p, o = d.profile, d.objective
    out = ["<h3>Who is asking</h3>"]
    stats = pitch_stats(p.pitch)
    out.append(
        fact_table(
            [
                ("Name", text_html(p.name) or "(no name yet)"),
                ("Email", text_html(p.email) or "(none yet)"),
                ("City", text_html(p.location) or "(not given)"),
                ("Time zone", text_html(p.timezone) or "(not given)"),
            ]
        )
    )
    out.append("<h3>Their 30-second pitch</h3>")
    if p.pitch.strip():
        out.append(f"<blockquote>{text_html(p.pitch)}</blockquote>")
        out.append(
            paragraph(escape(f"{stats.words} words, about {stats.seconds:g} seconds spoken."))
        )
    else:
        out.append(none_yet("No pitch written yet."))
    out.append("<h3>What they want to learn about</h3>")
    kinds = [KIND_LABELS[k] for k in o.kinds if k in KIND_LABELS]
    out.append(
        fact_table(
            [
                ("Kind of learning", escape("; ".join(kinds)) or "(not chosen yet)"),
                ("Field", text_html(o.field_of_interest) or "(not said yet)"),
                ("Roles", html_list(text_html(r) for r in o.roles) if o.roles else "(none listed)"),
                (
                    "Organizations",
                    html_list(text_html(n) for n in o.organizations)
                    if o.organizations
                    else "(none listed)",
                ),
            ]
        )
    )
    out.append("<h3>Learning goals</h3>")
    goals = [g for g in o.goals if g.strip()]
    out.append(
        html_list((text_html(g) for g in goals), ordered=True)
        if goals
        else none_yet("No goals written yet.")
    )
    out.append("<h3>Interview plan</h3>")
    if d.objective_saved:
        out.append(
            paragraph(escape(f"{o.plan.total} conversations planned, with this mix of people:"))
        )
        out.append(chart_block(plan_mix(o.plan), "The planned interview mix"))
    else:
        out.append(none_yet("No plan saved yet."))
    return "".join(out)


def step2(d: ReportData) -> str:
    """Step 2: the long list, the ranked targets and the mix."""
    out = ["<h3>Organizations</h3>"]
    places = organizations.sort_organizations(organizations.load_organizations(d.ws))
    if places:
        rows = [
            [
                escape(f"{place}. ") + text_html(org.name),
                text_html(org.industry),
                escape(org.size),
                text_html(org.location),
                escape(f"{org.motivation}/5" if org.motivation else "-"),
                escape(f"{org.postings}/3" if org.postings else "-"),
                "yes" if org.advocacy else "no",
                link(org.website, org.website) if org.website.strip() else "",
                text_html(org.notes),
            ]
            for place, org in places[:TOP_ORGANIZATIONS]
        ]
        caption = (
            f"The long list, best first ({len(places)} organizations; "
            f"the top {min(TOP_ORGANIZATIONS, len(places))} shown)"
        )
        out.append(
            html_table(
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
        out.append(none_yet("No organizations on the long list yet."))

    out.append("<h3>People they chose to ask</h3>")
    ctx = tg.context(d.ws)
    assessed = classification.classify(list(d.contacts.values()), ctx)
    chosen = classification.mix_of([a for a in assessed if a.contact.target])
    ranked = [a for a in ranking.rank(assessed, ctx, chosen) if a.contact.target]
    out.append(
        paragraph(
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
                    text_html(c.full_name),
                    text_html(c.organization),
                    text_html(c.position),
                    escape(connection),
                    escape(SENIORITY_LABELS.get(a.seniority, a.seniority)),
                    escape(stages.STAGE_LABELS[stages.stage(d.events.get(c.id, []))]),
                    escape(a.why),
                    text_html(c.notes),
                ]
            )
        out.append(
            html_table(
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
            chart_block(
                [(label, planned) for label, planned, _ in mix],
                "The plan (solid) and the targets so far (dashed)",
                compare=[actual for _, _, actual in mix],
            )
        )
        out.append(
            paragraph(
                escape(f"Warm {chosen.warm}, cold {chosen.cold} among the {chosen.total} targets.")
            )
        )
        out.append(html_list(escape(t) for t in classification.mix_suggestions(plan, chosen)))
    else:
        out.append(none_yet("No one picked yet."))
    return "".join(out)


def step3(d: ReportData) -> str:
    """Step 3: everyone written to, where they stand, response figures."""
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
                text_html(c.full_name),
                text_html(c.organization),
                escape(stage),
                str(stages.attempts(events)),
                escape(date_text(first, d.tz)) or "-",
                escape(str(answers[-1])) if answers else "-",
                (
                    ("<strong>Overdue</strong>: " if nxt.overdue else "")
                    + escape(f"{nxt.text} ({date_text(nxt.due, d.tz)})")
                )
                if nxt
                else ("Write the request." if not events else "Nothing planned."),
            ]
        )
    if not rows:
        return none_yet("No requests yet: nobody has been picked or asked.")
    stats = pipeline.response_stats(d.events)
    out = [
        html_table(
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
    out.append(paragraph(escape(f"Responses: {rate}{median}." if stats.rate is not None else rate)))
    order = [label for key, label in stages.STAGE_LABELS.items() if label in stage_counts]
    out.append(
        chart_block([(label, stage_counts[label]) for label in order], "Where each person stands")
    )
    return "".join(out)


def step4(d: ReportData) -> str:
    """Step 4: the meetings, their preparation and questions."""
    meetings = mt.load_meetings(d.ws)
    if not meetings:
        return none_yet("No meeting booked yet.")
    rows = []
    for m in meetings:
        texts = [e.get("text", "") for e in m.questions if isinstance(e, dict)]
        themes = [qs.THEMES.get(e.get("theme", ""), "") for e in m.questions if isinstance(e, dict)]
        asked = (
            html_list(
                (
                    text_html(t) + (f" <small>({escape(th)})</small>" if th else "")
                    for t, th in zip(texts, themes, strict=True)
                ),
                ordered=True,
            )
            if texts
            else "(no questions chosen)"
        )
        studied = meeting_research(d.ws, m)  # Q3, as step 4's progress and the write-up say
        research = (
            ("Done: " if studied.done else "") + studied.detail
            if studied.ticked or studied.noted
            else "not started"
        )
        when = time_text(parse_time(m.starts_at), d.tz) if m.starts_at else "no time set"
        how = mt.MODE_LABELS.get(m.mode, m.mode) + (f", {m.minutes} minutes" if m.minutes else "")
        rows.append(
            [
                text_html(d.name(m.contact_id))
                + ("<br><small>(cancelled)</small>" if m.cancelled else ""),
                escape(when),
                escape(how) + (f"<br>{text_html(m.place)}" if m.place.strip() else ""),
                asked,
                escape(research) + (f"<br>{text_html(m.notes)}" if m.notes.strip() else ""),
                text_html(m.offer) or "-",
            ]
        )
    return html_table(
        "Meetings and the questions prepared for them",
        ["With", "When", "How", "Questions, in order", "Research", "Offer in return"],
        rows,
    )


def step5(d: ReportData) -> str:
    """Step 5: the debriefs, insights, action items and the comparison."""
    debriefs = db.load_debriefs(d.ws)
    items = action_items.load_action_items(d.ws)
    goals = cv.load_coverage(d.ws, with_suggestions=False)
    if not debriefs and not items and not goals:
        return none_yet("No meeting debriefed yet.")
    out = [_goals_answered(goals)] if goals else []
    if debriefs:
        comparison = cmp.compare(debriefs, d.contacts, contacted=set(d.events))
        rows = [
            [
                text_html(r["name"]),
                text_html(r["organization"]),
                text_html(r["position"]),
                escape(r["role_fit"] or "-"),
                escape(r["org_fit"] or "-"),
                text_html(r["insights"]),
            ]
            for r in comparison.rows
        ]
        out.append(
            html_table(
                "Meetings side by side, best fit first (fit from 1 to 5)",
                ["Person", "Organization", "Role", "Role fit", "Organization fit", "Insights"],
                rows,
            )
        )
        # Names only: the chart's label column is narrow, and the table above names the
        # organizations.
        chart = [
            (one_line(r["name"], 28), r["role_fit"] or 0, r["org_fit"] or 0)
            for r in comparison.rows
        ]
        out.append(
            chart_block(
                [(label, role) for label, role, _ in chart],
                "Role fit (solid) and organization fit (dashed), 1-5",
                compare=[org for _, _, org in chart],
            )
        )
        recurring = ", ".join(f"{escape(word)} ({count})" for word, count in comparison.recurring)
        out.append(
            paragraph(
                "<strong>Came up in more than one meeting:</strong> " + (recurring or "nothing yet")
            )
        )
        if comparison.suggestions:
            out.append(
                "<h3>What the workbook suggests next</h3>"
                + html_list(escape(t) for t in comparison.suggestions)
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
                ("Insights", text_html(deb.insights) or "-"),
                ("Surprises", text_html(deb.surprises) or "-"),
            ]
            pairs += [(q, text_html(a)) for q, a in answers if str(a).strip()]
            pairs += [(q, text_html(a)) for q, a in reflection if str(a).strip()]
            if deb.next_changes.strip():
                pairs.append(("What they will change next", text_html(deb.next_changes)))
            out.append(
                f"<h3>Notes from the meeting with {text_html(d.name(deb.contact_id))}</h3>"
                + fact_table(pairs)
            )
    if items:
        rows = [
            [
                text_html(i.text),
                text_html(d.name(i.contact_id)) if i.contact_id else "-",
                escape(i.due) or "-",
                escape("done" if i.done else "open"),
            ]
            for i in items
        ]
        out.append(
            html_table(
                "Things they were advised to do", ["Action", "Suggested by", "Due", "Status"], rows
            )
        )
    return "".join(out)


def _goals_answered(goals: list) -> str:
    """D5.1-D5.3: each learning goal of step 1, answered, partly answered or open, and by whom."""
    lines = []
    for g in goals:
        by = ", ".join(
            f"{a.name} ({'answered' if a.extent == cv.ANSWERED else 'partly'})" for a in g.answers
        )
        said = f"{cv.STATUS_LABELS[g.status].capitalize()}: {g.goal}" + (
            f" (by {by})" if by else ""
        )
        lines.append(escape(said))
    return f"<h3>Learning goals: {escape(cv.summarize(goals).line)}</h3>" + html_list(lines)


def step6(d: ReportData) -> str:
    """Step 6: thanks, introducers and staying in touch."""
    overview = pipeline.thanks_overview(d.contacts, d.events, d.now, d.settings)
    if not overview:
        return none_yet("Nobody met yet, so nobody to thank.")
    rows = []
    for r in overview:
        c, ty = r.contact, r.thank_you
        rows.append(
            [
                text_html(c.full_name),
                escape(date_text(ty.met_at, d.tz)),
                escape(ty.status)
                + (escape(f" ({date_text(ty.sent_at, d.tz)})") if ty.sent_at else ""),
                escape(("thanked" if r.introducer_thanked else "not yet") if r.introduced else "-"),
                str(r.updates_sent),
                escape(date_text(r.next_update, d.tz))
                if r.next_update
                else ("off" if c.cadence_days == 0 else "-"),
            ]
        )
    return html_table(
        "Everyone they met",
        ["Person", "Met", "Thank-you note", "Introducer thanked", "Updates sent", "Next update"],
        rows,
    )


BUILDERS = {1: step1, 2: step2, 3: step3, 4: step4, 5: step5, 6: step6}
