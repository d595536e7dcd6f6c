"""The assignment write-up of one interview: what a course asks for, gathered from the workbook.

Why this module exists: many informational interviews are course assignments, handed in as a
short report: whom you met and why, the research you did, the questions you asked and what they
answered, what you learned, your reflection, your next steps and the thank-you you sent. Every
part of that is already in the workbook (steps 1, 2, 4, 5 and 6); this module gathers one held
meeting's parts (``gather``) and says which are still empty and where to fill them in
(``checklist``); ``writeup_files`` lays them out as a document that leaves as Word or Markdown.

The reflection is step 5's (D2): its questions (``debrief.REFLECTION_QUESTIONS``: is this still
your field, what is still open, what you want in an employer, what you learned, whether your
network grew, where you measure up) are what courses ask a reflection to answer, so no second
reflection field exists; its fit ratings and "what you will change next" go with it and with
the next steps. The participant's text is copied literally: Markdown special characters are
escaped (a note can't become a heading, a link or HTML) and the .docx holds plain runs only
(``exports.docx_bytes``); control characters become visible stand-ins in both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from . import action_items as ai
from . import debrief as db
from . import i18n
from .checklists import (
    ResearchStatus,
    organization_name,
    organization_of,
    person_name,
    research_status,
)
from .clock import MONTH_NAMES, zone
from .events import MET
from .i18n import N_, _, ngettext
from .meetings import Meeting, load_meetings
from .objectives import load_objective, load_profile
from .outreach_log import load_draft
from .records import Contact, Objective, Organization, Profile
from .safe import one_line, plain_text, whole_number
from .stages import events_by_contact
from .thanks import ThankYou, thank_you

__all__ = [
    "COURSE_KEY",
    "PARTS",
    "CheckItem",
    "Interview",
    "held_meetings",
    "gather",
    "checklist",
    "answers",
    "reflection_answers",
    "research",
    "research_done",
    "filled",
    "day_in_words",
    "load_course",
    "save_course",
]

COURSE_KEY = "writeup.course"  # the course or assignment the write-up is for (a workbook fact)
MAX_COURSE = 200

# What such assignments ask for, in the order of the document: (key, what it asks, where the
# workbook keeps it). The keys are the document's parts.
PARTS: tuple[tuple[str, str, str], ...] = (
    (
        "person",
        N_("Whom you interviewed: their name, role and organization"),
        N_("step 2, the person"),
    ),
    ("objective", N_("Why this interview: what you wanted to learn"), N_("step 1, your goals")),
    ("research", N_("The research you did beforehand"), N_("step 4, research notes")),
    ("questions", N_("The questions you asked"), N_("step 4, the questions")),
    ("answers", N_("What they answered"), N_("step 5, What you heard")),
    ("learned", N_("What you learned"), N_("step 5, Insights")),
    ("reflection", N_("Your reflection"), N_("step 5, Reflect")),
    (
        "next_steps",
        N_("Your next steps"),
        N_("step 5, what they suggested and what you will change"),
    ),
    ("thanks", N_("The thank-you you sent"), N_("step 6, Your thank-you")),
)


@dataclass(frozen=True)
class CheckItem:
    """One part an assignment asks for: whether the workbook has it, how much, and where to add
    it."""

    key: str
    label: str
    done: bool
    detail: str
    where: str


@dataclass
class Interview:
    """Everything the write-up of one held meeting shows, read from the workspace."""

    meeting: Meeting
    contact: Contact
    met_at: datetime
    tz: str = "UTC"
    profile: Profile = field(default_factory=Profile)
    objective: Objective = field(default_factory=Objective)
    organization: Organization | None = None
    debrief: db.Debrief | None = None
    items: list[ai.ActionItem] = field(default_factory=list)
    referrals: list[Contact] = field(default_factory=list)
    thanks: ThankYou | None = None
    thanks_body: str = ""
    course: str = ""


# ----------------------------------------------------------------- reading the workspace


def held_meetings(ws, now: datetime, tz: str = "UTC") -> list[tuple[Meeting, Contact, datetime]]:
    """The meetings that took place (step 5's "It took place"), newest first, with the person
    and when it happened (``thanks.thank_you``'s time, the one S1 counts from).

    The "met" event names its meeting; an older one without that is the person's latest
    meeting that was not cancelled.
    """
    found = []
    for cid, events in events_by_contact(ws).items():
        met = [e for e in events if e.kind == MET]
        status = thank_you(cid, events, now, tz) if met else None
        rows = ws.rows("contacts", "id = ?", (cid,)) if status else []
        if not rows or rows[0].get("archived"):
            continue
        meetings = [m for m in load_meetings(ws, cid) if not m.cancelled]
        named = {whole_number(e.data.get("meeting_id")) for e in met} - {None}
        chosen = [m for m in meetings if m.id in named] or meetings[-1:]
        found += [(m, Contact.from_row(rows[0]), status.met_at) for m in chosen]
    return sorted(found, key=lambda f: (f[2], f[0].id or 0), reverse=True)


def gather(ws, meeting_id: int, now: datetime, tz: str = "UTC") -> Interview | None:
    """The parts of one held meeting's write-up, or None when it isn't a held meeting."""
    held = next((h for h in held_meetings(ws, now, tz) if h[0].id == meeting_id), None)
    if held is None:
        return None
    meeting, contact, met_at = held
    events = events_by_contact(ws, contact.id).get(contact.id, [])
    draft = load_draft(ws, contact.id, "thanks")
    saved = ws.rows("debriefs", "meeting_id = ?", (meeting.id,))
    return Interview(
        meeting=meeting,
        contact=contact,
        met_at=met_at,
        tz=tz,
        profile=load_profile(ws),
        objective=load_objective(ws),
        organization=organization_of(ws, contact),
        debrief=db.Debrief.from_row(saved[0]) if saved else None,
        items=[
            i for i in ai.load_action_items(ws, contact.id) if i.meeting_id in (None, meeting.id)
        ],
        referrals=[
            Contact.from_row(r) for r in ws.rows("contacts", "referred_by = ?", (contact.id,))
        ],
        thanks=thank_you(contact.id, events, now, tz),
        thanks_body=draft.draft.body if draft else "",
        course=load_course(ws),
    )


def load_course(ws) -> str:
    """The course or assignment the write-up is for ("" until it is typed)."""
    return plain_text(ws.get_meta(COURSE_KEY) or "")


def save_course(ws, text: str) -> None:
    """Keep the course or assignment's name (one line, shortened to ``MAX_COURSE``)."""
    ws.set_meta(COURSE_KEY, one_line(text, MAX_COURSE))


# ----------------------------------------------------------------- what is there, what is empty


def filled(value) -> bool:
    """Whether a part has any text at all (spaces alone are empty)."""
    return bool(plain_text(value).strip())


def answers(iv: Interview) -> list[tuple[str, str]]:
    """(question, your notes on its answer) for each question of the meeting, in order."""
    questions = db.question_texts(iv.meeting.questions)
    debrief = iv.debrief or db.Debrief(0, 0)
    return [(q, db.answer_for(debrief, i, q)) for i, q in enumerate(questions)]


def reflection_answers(iv: Interview) -> list[tuple[str, str]]:
    """(question, your answer) for each reflection question you answered (D2)."""
    given = iv.debrief.reflection if iv.debrief else {}
    return [(_(q), given[k]) for k, q in db.REFLECTION_QUESTIONS if filled(given.get(k))]


def research(iv: Interview) -> ResearchStatus:
    """Q3: the meeting's research, as step 4's progress counts it (``research_status``)."""
    return research_status(iv.meeting, iv.contact, iv.organization)


def research_done(iv: Interview) -> list[str]:
    """Q3: the research steps ticked before the meeting, in the checklist's words."""
    return list(research(iv).ticked)


def checklist(iv: Interview) -> list[CheckItem]:
    """Each part the assignment asks for (``PARTS``): done or still empty, with a detail (how
    much is there) and where in the workbook to add it. The document marks the same parts
    empty."""
    c, d = iv.contact, iv.debrief or db.Debrief(0, 0)
    org = organization_name(c, iv.organization)
    missing = [n for n, v in ((_("role"), c.position), (_("organization"), org)) if not filled(v)]
    asked = answers(iv)
    noted = sum(1 for _, a in asked if filled(a))
    studied = research(iv)
    reflected = len(reflection_answers(iv))
    open_items = [i for i in iv.items if not i.done]
    status = {
        "person": (
            not missing,
            _("their {what} not known yet").format(what=_(" and ").join(missing))
            if missing
            else person_name(c),
        ),
        "objective": (
            any(map(filled, iv.objective.goals)),
            _("{n} of {total} goals written").format(
                n=sum(map(filled, iv.objective.goals)), total=len(iv.objective.goals)
            )
            if iv.objective.goals
            else _("no concrete goal written yet"),
        ),
        "research": (studied.done, studied.detail),
        "questions": (
            bool(asked),
            _("{n} of {total} questions").format(n=len(asked), total=len(asked))
            if asked
            else _("none prepared"),
        ),
        "answers": (
            bool(asked) and noted == len(asked),
            _("{n} of {total} questions have notes").format(n=noted, total=len(asked))
            if asked
            else _("no questions to answer"),
        ),
        "learned": (
            filled(d.insights),
            (_("insights and surprises written") if filled(d.surprises) else _("insights written"))
            if filled(d.insights)
            else _("no insights written yet"),
        ),
        "reflection": (
            reflected > 0,
            _("{n} of {total} reflection questions answered").format(
                n=reflected, total=len(db.REFLECTION_QUESTIONS)
            ),
        ),
        "next_steps": (
            bool(iv.items or iv.referrals) or filled(d.next_changes),
            ngettext(
                "{n} action item ({open} open)", "{n} action items ({open} open)", len(iv.items)
            ).format(n=len(iv.items), open=len(open_items))
            + _(", ")
            + ngettext(
                "{n} person they suggested", "{n} people they suggested", len(iv.referrals)
            ).format(n=len(iv.referrals))
            + (_(", changes planned") if filled(d.next_changes) else ""),
        ),
        "thanks": (
            bool(iv.thanks and iv.thanks.sent_at),
            _thanks_detail(iv),
        ),
    }
    return [CheckItem(k, _(label), *status[k], _(where)) for k, label, where in PARTS]


def day_in_words(moment: datetime | date | None, tz: str = "UTC") -> str:
    """A day as "9 March 2026" whatever the computer's locale (a moment: its day in ``tz``)."""
    if moment is None:
        return ""
    local = moment.astimezone(zone(tz)) if isinstance(moment, datetime) else moment
    if i18n.language() != "en":  # "9 de marzo de 2026", "2026年3月9日"
        return i18n.format_date(local, "long")
    return f"{local.day} {MONTH_NAMES[local.month - 1]} {local.year}"


def _thanks_detail(iv: Interview) -> str:
    """S1 in words: sent on time or late, else not sent yet and by when it is due."""
    t = iv.thanks
    if t is None:
        return _("not due yet")
    if t.sent_at is not None:
        return _(t.status)
    return _("not sent yet; {status}, by {day}").format(
        status=_(t.status), day=day_in_words(t.due, iv.tz)
    )
