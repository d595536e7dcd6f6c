"""How much the advisor report shares: three levels, and the outcome figures they all start from.

A student chooses what leaves the workbook. *Counts only* (the default on the start page)
holds numbers and the workbook's own words: steps done, requests sent, the response rate,
meetings held, thank-yous sent within 48 hours (S1), learning goals answered (D5.1-D5.3).
*Plus organizations and initials* adds the student's initials, the long list's best
organizations with their industry and the student's ratings, and, for each person asked or met,
their initials, organization, stage and thank-you status (``LEVEL_HOLDS`` says all of it).
*Everything* is the whole report (``report_steps``), notes included.

``outcomes`` is the one derivation of the figures: it reads them from the functions every page
uses (``progress.workbook_progress``, ``pipeline.response_stats``, ``pipeline.thanks_overview``,
``thanks.thank_you`` through it, ``coverage.coverage_summary``), so the report, the workshop
card (``card``) and the pages can never disagree; ``meetings_held`` counts the meetings marked
as held (not the people met). Nothing here writes; nothing is sent anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from . import i18n, organizations, pipeline, stages
from . import targets as tg
from .coverage import CoverageSummary, coverage_summary
from .events import MET
from .i18n import N_, _, ngettext, pgettext
from .progress import pipeline_settings, workbook_progress
from .report_markup import (
    chart_block,
    columns,
    fact_table,
    html_table,
    long_list_caption,
    none_yet,
    paragraph,
    text_html,
)
from .safe import escape, whole_number

__all__ = [
    "COUNTS",
    "ORGANIZATIONS",
    "EVERYTHING",
    "LEVELS",
    "LEVEL_LABELS",
    "LEVEL_HOLDS",
    "Outcomes",
    "outcomes",
    "initials",
    "meetings_held",
    "counts_html",
    "organizations_html",
    "check_level",
    "level_sections",
]

COUNTS = "counts"
ORGANIZATIONS = "organizations"
EVERYTHING = "everything"
LEVELS = (COUNTS, ORGANIZATIONS, EVERYTHING)
LEVEL_LABELS = {
    COUNTS: N_("Counts only (no names)"),
    ORGANIZATIONS: N_("Plus organizations and initials"),
    EVERYTHING: N_("Everything, notes included"),
}
# What each level holds and leaves out, in plain words: the page shows it beside the choice.
LEVEL_HOLDS = {
    COUNTS: N_(
        "Only numbers: the steps you have done, how many requests you sent and how many were "
        "answered, the meetings you held, the thank-yous you sent within 48 hours and how many "
        "of your learning goals your meetings answered. "
        "No names, organizations, email addresses, job titles, notes or addresses."
    ),
    ORGANIZATIONS: N_(
        "The same numbers, plus your own initials on the cover; the best ten organizations on "
        "your long list, each with its industry and your own ratings of it (your interest, "
        "1 to 5, and its openings, 1 to 3); and, for each person you asked or met, their "
        "initials, organization, where things stand and whether your thank-you note was sent "
        "(on time or late). "
        "No full names, email addresses, job titles, notes or addresses."
    ),
    EVERYTHING: N_(
        "Your whole workbook: names, organizations, job titles, your goals and pitch, "
        "the questions you prepared and everything you noted after each meeting. "
        "Share it only with someone you trust with all of that."
    ),
}
TOP_ORGANIZATIONS = 10  # the long list's best ten, as in the full report (T1)


def check_level(level: str) -> str:
    """``level`` if it is one of LEVELS, else a ValueError that lists them."""
    if level not in LEVELS:
        raise ValueError(
            _("There is no sharing level {level}: choose one of {levels}.").format(
                level=repr(level), levels=", ".join(LEVELS)
            )
        )
    return level


@dataclass(frozen=True)
class Outcomes:
    """The workbook's outcome figures: numbers only, nothing anyone typed.

    ``response_rate`` is None before the first request (``pipeline.ResponseStats``).
    """

    steps_done: int
    steps_total: int
    parts_done: int
    parts_total: int
    requests_sent: int
    replies: int
    response_rate: float | None
    meetings_held: int
    thanks_on_time: int
    goals: CoverageSummary
    targets: int = 0  # people picked to ask (step 2), archived ones left out
    thanks_sent: int = 0  # thank-you notes sent, on time or late (S1)

    def rows(self) -> list[tuple[str, str]]:
        """(what, how many) in words, for the report and the card's page."""
        of = _("{n} of {total}")
        rate = (
            _("no requests sent yet")
            if self.response_rate is None
            else _("{n} of {total} ({rate})").format(
                n=self.replies, total=self.requests_sent, rate=_percent(self.response_rate)
            )
        )
        return [
            (_("Steps done"), of.format(n=self.steps_done, total=self.steps_total)),
            (_("Parts of the steps done"), of.format(n=self.parts_done, total=self.parts_total)),
            (_("Requests sent"), str(self.requests_sent)),
            (_("Requests answered"), rate),
            (_("Meetings held"), str(self.meetings_held)),
            (
                _("Thank-yous sent within 48 hours"),
                of.format(n=self.thanks_on_time, total=self.meetings_held),
            ),
            (_("Learning goals"), self.goals.line),
        ]


def _percent(share: float) -> str:
    """A share as each language writes it; English as it always was."""
    return f"{share:.0%}" if i18n.language() == "en" else i18n.format_percent(share)


def _read(ws):
    """(contacts by id, archived ones too; events by contact; settings), read once."""
    contacts = {c.id: c for c in tg.load_contacts(ws)}
    events = stages.group_by_contact(stages.events_from_rows(ws.events()))
    return contacts, events, pipeline_settings(ws)


def meetings_held(contacts, events_by_contact) -> int:
    """The meetings marked as held ("It took place"), not the people met: each "met" event
    names its meeting, two naming the same one count once, and an older one naming none counts
    on its own. Only people in ``contacts`` count, as in the thank-you figures."""
    held = 0
    for cid in contacts:
        met = [e for e in events_by_contact.get(cid, ()) if e.kind == MET]
        named = {whole_number(e.data.get("meeting_id")) for e in met} - {None}
        held += len(named) + sum(1 for e in met if whole_number(e.data.get("meeting_id")) is None)
    return held


def outcomes(ws, now: datetime) -> Outcomes:
    """The outcome figures, each from the one function that derives it for every view."""
    contacts, events, settings = _read(ws)
    progress = [s for s in workbook_progress(ws, now) if s.built]
    stats = pipeline.response_stats(events)
    met = pipeline.thanks_overview(contacts, events, now, settings)
    return Outcomes(
        steps_done=sum(1 for s in progress if s.parts and s.done == len(s.parts)),
        steps_total=len(progress),
        parts_done=sum(s.done for s in progress),
        parts_total=sum(len(s.parts) for s in progress),
        requests_sent=stats.requests,
        replies=stats.replies,
        response_rate=stats.rate,
        meetings_held=meetings_held(contacts, events),
        thanks_on_time=sum(1 for r in met if r.thank_you.status == "sent on time"),
        goals=coverage_summary(ws),
        targets=sum(1 for c in contacts.values() if c.target and not c.archived),
        thanks_sent=sum(1 for r in met if r.thank_you.status.startswith("sent")),
    )


def initials(name: str) -> str:
    """ "A. M. L." for "Ana María López": the first letter of each word, nothing else of it."""
    letters = [next((ch for ch in word if ch.isalpha()), "") for word in str(name).split()]
    shown = [f"{ch.upper()}." for ch in letters if ch]
    return " ".join(shown[:4]) or _("(no initials)")


def counts_html(ws, now: datetime) -> str:
    """Counts only: the figures, each step's parts (the workbook's own words) and a chart."""
    figures = outcomes(ws, now)
    out = [fact_table([(what, escape(value)) for what, value in figures.rows()])]
    rows = [
        [
            escape(_("Step {number}: {title}").format(number=s.number, title=_(s.title))),
            escape(_("{n} of {total}").format(n=s.done, total=len(s.parts))),
            escape(_(", ").join(_(name) for name, ok in s.parts if ok) or _("none yet")),
        ]
        for s in workbook_progress(ws, now)
        if s.built
    ]
    out.append(
        html_table(
            _("Progress through the six steps"),
            [_("Step"), _("Parts done"), _("Which parts are done")],
            rows,
        )
    )
    out.append(
        chart_block(
            [
                (_("Requests sent"), figures.requests_sent),
                (pgettext("replies", "Answered"), figures.replies),
                (_("Meetings held"), figures.meetings_held),
                (_("Thanked within 48 hours"), figures.thanks_on_time),
            ],
            _("From requests to thank-yous"),
        )
    )
    return "".join(out)


def organizations_html(ws, now: datetime) -> str:
    """Organizations and initials: the long list's best, and each person asked or met by
    initials, organization, stage and thank-you status. No names, titles, notes or addresses."""
    contacts, events, settings = _read(ws)
    out = [("<h3>" + escape(_("Organizations on the long list")) + "</h3>")]
    places = organizations.sort_organizations(organizations.load_organizations(ws))
    if places:
        rows = [
            [
                escape(f"{place}. ") + text_html(org.name),
                text_html(org.industry) or "-",
                escape(f"{org.motivation}/5" if org.motivation else "-"),
                escape(f"{org.postings}/3" if org.postings else "-"),
            ]
            for place, org in places[:TOP_ORGANIZATIONS]
        ]
        caption = long_list_caption(len(places), min(TOP_ORGANIZATIONS, len(places)))
        out.append(html_table(caption, columns("org industry interest openings"), rows))
    else:
        out.append(none_yet(_("No organizations on the long list yet.")))
    out.append("<h3>" + escape(_("People asked or met, by initials")) + "</h3>")
    thanks = {
        r.contact.id: r.thank_you.status
        for r in pipeline.thanks_overview(contacts, events, now, settings)
    }
    people = sorted(
        (c for c in contacts.values() if events.get(c.id)),
        key=lambda c: (tg.fold(c.organization), initials(c.full_name)),
    )
    if not people:
        out.append(none_yet(_("Nobody asked yet.")))
        return "".join(out)
    rows = [
        [
            escape(initials(c.full_name)),
            text_html(c.organization) or "-",
            escape(_(stages.STAGE_LABELS[stages.stage(events.get(c.id, []))])),
            escape(_(thanks[c.id]) if c.id in thanks else "-"),
        ]
        for c in people
    ]
    out.append(
        html_table(
            _("Everyone asked or met (initials only)"),
            [_("Initials"), *columns("org stage thank_you_note")],
            rows,
        )
    )
    said = ngettext(
        "{n} person asked or met in all.", "{n} people asked or met in all.", len(people)
    )
    out.append(paragraph(escape(said.format(n=len(people)))))
    return "".join(out)


COUNTS_HEADING = N_("The figures: numbers only")
ORGANIZATIONS_HEADING = N_("Organizations and people, by initials")


def level_sections(ws, level: str, now: datetime) -> list[tuple[str, str]]:
    """(heading, HTML) of the counts-only or the organizations-and-initials report."""
    if check_level(level) == EVERYTHING:
        raise ValueError(_("The whole report's sections come from report.report_sections."))
    sections = [(_(COUNTS_HEADING), counts_html(ws, now))]
    if level == ORGANIZATIONS:
        sections.append((_(ORGANIZATIONS_HEADING), organizations_html(ws, now)))
    return sections
