"""The advisor report's sections: an overview, then what each of the six steps holds.

Each builder reads ``ReportData`` (the workspace read once) and returns an HTML fragment made
with ``report_markup``, so every value is escaped. Facts come from the logic layer's one
derivation of each (progress, agenda, stages, actions, thank-you status), like the pages'.
"""

from __future__ import annotations

from . import action_items, classification, organizations, pipeline, ranking, stages
from . import comparison as cmp
from . import coverage as cv
from . import debrief as db
from . import meetings as mt
from . import questions as qs
from . import targets as tg
from .checklists import meeting_research
from .clock import parse_time
from .i18n import N_, _, ngettext, pgettext
from .objectives import pitch_stats, plan_mix
from .records import (
    CONNECTION_LABELS,
    KIND_LABELS,
    SENIORITY_LABELS,
    STEPS,
    Plan,
)
from .report_markup import (
    ReportData,
    _decimal,
    _h3,
    _percent,
    answer_label,
    chart_block,
    columns,
    date_text,
    fact_table,
    html_list,
    html_table,
    long_list_caption,
    none_yet,
    paragraph,
    text_html,
    time_text,
    with_detail,
)
from .safe import escape, link, one_line

STEP_TITLES: dict[int, str] = {s.number: s.title for s in STEPS if s.number}


TOP_ORGANIZATIONS = 10  # the long list's top ten, sorted (T1)


def step1(d: ReportData) -> str:
    """Step 1: the profile, the objective, the goals and the plan."""
    p, o = d.profile, d.objective
    out = [_h3(_("Who is asking"))]
    stats = pitch_stats(p.pitch)
    out.append(
        fact_table(
            [
                (_("Name"), text_html(p.name) or _("(no name yet)")),
                (_("Email"), text_html(p.email) or _("(none yet)")),
                (_("City"), text_html(p.location) or _("(not given)")),
                (_("Time zone"), text_html(p.timezone) or _("(not given)")),
            ]
        )
    )
    out.append(_h3(_("Their 30-second pitch")))
    if p.pitch.strip():
        out.append(f"<blockquote>{text_html(p.pitch)}</blockquote>")
        out.append(
            paragraph(
                escape(
                    _("{words} words, about {seconds} seconds spoken.").format(
                        words=stats.words, seconds=f"{stats.seconds:g}"
                    )
                )
            )
        )
    else:
        out.append(none_yet(_("No pitch written yet.")))
    out.append(_h3(_("What they want to learn about")))
    kinds = [_(KIND_LABELS[k]) for k in o.kinds if k in KIND_LABELS]
    out.append(
        fact_table(
            [
                (_("Kind of learning"), escape("; ".join(kinds)) or _("(not chosen yet)")),
                (_("Field"), text_html(o.field_of_interest) or _("(not said yet)")),
                (
                    _("Roles"),
                    html_list(text_html(r) for r in o.roles) if o.roles else _("(none listed)"),
                ),
                (
                    _("Organizations"),
                    html_list(text_html(n) for n in o.organizations)
                    if o.organizations
                    else _("(none listed)"),
                ),
            ]
        )
    )
    out.append(_h3(_("Learning goals")))
    goals = [g for g in o.goals if g.strip()]
    out.append(
        html_list((text_html(g) for g in goals), ordered=True)
        if goals
        else none_yet(_("No goals written yet."))
    )
    out.append(_h3(_("Interview plan")))
    if d.objective_saved:
        out.append(
            paragraph(
                escape(
                    ngettext(
                        "{n} conversation planned, with this mix of people:",
                        "{n} conversations planned, with this mix of people:",
                        o.plan.total,
                    ).format(n=o.plan.total)
                )
            )
        )
        mix = [(_(label), n) for label, n in plan_mix(o.plan)]
        out.append(chart_block(mix, _("The planned interview mix")))
    else:
        out.append(none_yet(_("No plan saved yet.")))
    return "".join(out)


def step2(d: ReportData) -> str:
    """Step 2: the long list, the ranked targets and the mix."""
    out = [_h3(_("Organizations"))]
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
                _("yes") if org.advocacy else _("no"),
                link(org.website, org.website) if org.website.strip() else "",
                text_html(org.notes),
            ]
            for place, org in places[:TOP_ORGANIZATIONS]
        ]
        caption = long_list_caption(len(places), min(TOP_ORGANIZATIONS, len(places)))
        out.append(
            html_table(
                caption,
                columns("org industry size location interest openings contact_there website notes"),
                rows,
            )
        )
    else:
        out.append(none_yet(_("No organizations on the long list yet.")))

    out.append(_h3(_("People they chose to ask")))
    ctx = tg.context(d.ws)
    assessed = classification.classify(list(d.contacts.values()), ctx)
    chosen = classification.mix_of([a for a in assessed if a.contact.target])
    ranked = [a for a in ranking.rank(assessed, ctx, chosen) if a.contact.target]
    out.append(
        paragraph(
            escape(
                _("{people} people in their contact list, {picked} picked as targets.").format(
                    people=len(assessed), picked=len(ranked)
                )
            )
        )
    )
    if ranked:
        rows = []
        for a in ranked:
            c = a.contact
            connection = _(CONNECTION_LABELS.get(a.connection, a.connection)) + (
                " " + _("(warm)") if a.warm and a.connection == "cold" else ""
            )
            rows.append(
                [
                    text_html(c.full_name),
                    text_html(c.organization),
                    text_html(c.position),
                    escape(connection),
                    escape(_(SENIORITY_LABELS.get(a.seniority, a.seniority))),
                    escape(_(stages.STAGE_LABELS[stages.stage(d.events.get(c.id, []))])),
                    escape(a.why),
                    text_html(c.notes),
                ]
            )
        out.append(
            html_table(
                _("Targets, in the order the workbook ranks them"),
                columns("person org job_title connection seniority stage why_them notes"),
                rows,
            )
        )
        plan = ctx.plan if ctx.plan is not None else Plan()
        mix = classification.mix_rows(plan, chosen)
        out.append(
            chart_block(
                [(_(label), planned) for label, planned, _actual in mix],
                _("The plan (solid) and the targets so far (dashed)"),
                compare=[actual for _label, _planned, actual in mix],
            )
        )
        out.append(
            paragraph(
                escape(
                    _("Warm {warm}, cold {cold} among the {total} targets.").format(
                        warm=chosen.warm, cold=chosen.cold, total=chosen.total
                    )
                )
            )
        )
        out.append(html_list(escape(t) for t in classification.mix_suggestions(plan, chosen)))
    else:
        out.append(none_yet(_("No one picked yet.")))
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
                escape(_(stage)),
                str(stages.attempts(events)),
                escape(date_text(first, d.tz)) or "-",
                escape(answer_label(answers[-1])) if answers else "-",
                (
                    (("<strong>" + escape(_("Overdue")) + "</strong>: ") if nxt.overdue else "")
                    + escape(with_detail(nxt.text, date_text(nxt.due, d.tz)))
                )
                if nxt
                else (_("Write the request.") if not events else _("Nothing planned.")),
            ]
        )
    if not rows:
        return none_yet(_("No requests yet: nobody has been picked or asked."))
    stats = pipeline.response_stats(d.events)
    out = [
        html_table(
            _("Requests and follow-ups"),
            columns("person org stage attempts first_asked answer next"),
            rows,
        )
    ]
    if stats.rate is None:
        said = _("No requests sent yet.")
    elif stats.median_days is None:
        said = _("Responses: {replies} of {requests} answered ({rate}).").format(
            replies=stats.replies, requests=stats.requests, rate=_percent(stats.rate)
        )
    else:
        said = _(
            "Responses: {replies} of {requests} answered ({rate}), after {days} days (median)."
        ).format(
            replies=stats.replies,
            requests=stats.requests,
            rate=_percent(stats.rate),
            days=_decimal(stats.median_days),
        )
    out.append(paragraph(escape(said)))
    order = [label for key, label in stages.STAGE_LABELS.items() if label in stage_counts]
    out.append(
        chart_block(
            [(_(label), stage_counts[label]) for label in order], _("Where each person stands")
        )
    )
    return "".join(out)


def step4(d: ReportData) -> str:
    """Step 4: the meetings, their preparation and questions."""
    meetings = mt.load_meetings(d.ws)
    if not meetings:
        return none_yet(_("No meeting booked yet."))
    rows = []
    for m in meetings:
        entries = qs.shown_entries([e for e in m.questions if isinstance(e, dict)])
        texts = [e.get("text", "") for e in entries]
        themes = [
            _(qs.THEMES.get(e.get("theme", ""), "")) if qs.THEMES.get(e.get("theme", "")) else ""
            for e in entries
        ]
        asked = (
            html_list(
                (
                    text_html(t) + (f" <small>({escape(th)})</small>" if th else "")
                    for t, th in zip(texts, themes, strict=True)
                ),
                ordered=True,
            )
            if texts
            else _("(no questions chosen)")
        )
        studied = meeting_research(d.ws, m)  # Q3, as step 4's progress and the write-up say
        research = (
            (_("Done: ") if studied.done else "") + studied.detail
            if studied.ticked or studied.noted
            else _("not started")
        )
        when = time_text(parse_time(m.starts_at), d.tz) if m.starts_at else _("no time set")
        how = _(mt.MODE_LABELS.get(m.mode, m.mode))
        if m.minutes:
            how = _("{how}, {minutes} minutes").format(how=how, minutes=m.minutes)
        rows.append(
            [
                text_html(d.name(m.contact_id))
                + (("<br><small>" + escape(_("(cancelled)")) + "</small>") if m.cancelled else ""),
                escape(when),
                escape(how) + (f"<br>{text_html(m.place)}" if m.place.strip() else ""),
                asked,
                escape(research) + (f"<br>{text_html(m.notes)}" if m.notes.strip() else ""),
                text_html(m.offer) or "-",
            ]
        )
    return html_table(
        _("Meetings and the questions prepared for them"),
        columns("with when how questions_in_order research offer_in_return"),
        rows,
    )


def step5(d: ReportData) -> str:
    """Step 5: the debriefs, insights, action items and the comparison."""
    debriefs = db.load_debriefs(d.ws)
    items = action_items.load_action_items(d.ws)
    goals = cv.load_coverage(d.ws, with_suggestions=False)
    if not debriefs and not items and not goals:
        return none_yet(_("No meeting debriefed yet."))
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
                _("Meetings side by side, best fit first (fit from 1 to 5)"),
                columns("person org role role_fit organization_fit insights"),
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
                [(label, role) for label, role, _org in chart],
                _("Role fit (solid) and organization fit (dashed), 1-5"),
                compare=[org for _label, _role, org in chart],
                names=(N_("role fit"), N_("organization fit")),  # the chart translates them
            )
        )
        recurring = _(", ").join(
            escape(_("{term} ({count})").format(term=word, count=count))
            for word, count in comparison.recurring
        )
        out.append(
            paragraph(
                ("<strong>" + escape(_("Came up in more than one meeting:")) + "</strong> ")
                + (recurring or escape(_("nothing yet")))
            )
        )
        if comparison.suggestions:
            out.append(
                _h3(_("What the workbook suggests next"))
                + html_list(escape(t) for t in comparison.suggestions)
            )
        meetings = {m.id: m for m in mt.load_meetings(d.ws)}
        for deb in debriefs:
            m = meetings.get(deb.meeting_id)
            texts = db.question_texts(m.questions) if m else []
            answers = [(q, db.answer_for(deb, i, q)) for i, q in enumerate(texts)]
            reflection = [
                (_(question), deb.reflection.get(key, ""))
                for key, question in db.REFLECTION_QUESTIONS
            ]
            pairs = [
                (_("Insights"), text_html(deb.insights) or "-"),
                (_("Surprises"), text_html(deb.surprises) or "-"),
            ]
            pairs += [(q, text_html(a)) for q, a in answers if str(a).strip()]
            pairs += [(q, text_html(a)) for q, a in reflection if str(a).strip()]
            if deb.next_changes.strip():
                pairs.append((_("What they will change next"), text_html(deb.next_changes)))
            heading = escape(_("Notes from the meeting with {name}")).format(
                name=text_html(d.name(deb.contact_id))
            )
            out.append(f"<h3>{heading}</h3>" + fact_table(pairs))
    if items:
        rows = [
            [
                text_html(i.text),
                text_html(d.name(i.contact_id)) if i.contact_id else "-",
                escape(i.due) or "-",
                escape(_("done") if i.done else pgettext("action item", "open")),
            ]
            for i in items
        ]
        out.append(
            html_table(
                _("Things they were advised to do"),
                [_("Action"), _("Suggested by"), _("Due"), _("Status")],
                rows,
            )
        )
    return "".join(out)


def _goals_answered(goals: list) -> str:
    """D5.1-D5.3: each learning goal of step 1, answered, partly answered or open, and by whom."""
    lines = []
    for g in goals:
        by = _(", ").join(
            _("{name} (answered)").format(name=a.name)
            if a.extent == cv.ANSWERED
            else _("{name} (partly)").format(name=a.name)
            for a in g.answers
        )
        status = _(cv.STATUS_LABELS[g.status])
        status = status[:1].upper() + status[1:]
        said = (
            _("{status}: {goal} (by {by})").format(status=status, goal=g.goal, by=by)
            if by
            else _("{status}: {goal}").format(status=status, goal=g.goal)
        )
        lines.append(escape(said))
    line = cv.summarize(goals).line
    return _h3(_("Learning goals: {line}").format(line=line)) + html_list(lines)


def step6(d: ReportData) -> str:
    """Step 6: thanks, introducers and staying in touch."""
    overview = pipeline.thanks_overview(d.contacts, d.events, d.now, d.settings)
    if not overview:
        return none_yet(_("Nobody met yet, so nobody to thank."))
    rows = []
    for r in overview:
        c, ty = r.contact, r.thank_you
        rows.append(
            [
                text_html(c.full_name),
                escape(date_text(ty.met_at, d.tz)),
                escape(with_detail(_(ty.status), date_text(ty.sent_at, d.tz))),
                escape(
                    (_("thanked") if r.introducer_thanked else _("not yet"))
                    if r.introduced
                    else "-"
                ),
                str(r.updates_sent),
                escape(date_text(r.next_update, d.tz))
                if r.next_update
                else (_("off") if c.cadence_days == 0 else "-"),
            ]
        )
    return html_table(
        _("Everyone they met"),
        columns("person met thank_you_note introducer_thanked updates_sent next_update"),
        rows,
    )


BUILDERS = {1: step1, 2: step2, 3: step3, 4: step4, 5: step5, 6: step6}
