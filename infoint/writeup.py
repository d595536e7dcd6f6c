"""The assignment write-up of one interview: what a course asks for, gathered from the workbook.

Why this module exists: many informational interviews are course assignments, handed in as a
short report: whom you met and why, the research you did, the questions you asked and what they
answered, what you learned, your reflection, your next steps and the thank-you you sent. Every
part of that is already in the workbook (steps 1, 2, 4, 5 and 6); this module gathers one held
meeting's parts (``gather``), says which are still empty and where to fill them in
(``checklist``), and lays them out as a document (``writeup_document``) that leaves as Word
(``writeup_docx``) or Markdown (``writeup_markdown``).

The reflection is step 5's (D2): its questions (``debrief.REFLECTION_QUESTIONS``: is this still
your field, what is still open, what you want in an employer, what you learned, whether your
network grew, where you measure up) are what courses ask a reflection to answer, so no second
reflection field exists; its fit ratings and "what you will change next" go with it and with
the next steps. The participant's text is copied literally: Markdown special characters are
escaped (a note can't become a heading, a link or HTML) and the .docx holds plain runs only
(``exports.docx_bytes``); control characters become visible stand-ins in both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from . import action_items as ai
from . import debrief as db
from .checklists import organization_name, person_name, research_checklist
from .clock import iso_day, parse_time, zone
from .events import MET
from .exports.document import Block, Document, Part, docx_bytes, visible_text
from .meetings import MODE_LABELS, Meeting, load_meetings
from .objectives import load_objective, load_profile
from .organizations import load_organizations
from .outreach_log import load_draft
from .prep_sheet import _md_block, _md_inline, _slug
from .records import KIND_LABELS, Contact, Objective, Organization, Profile, org_key
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
    "writeup_document",
    "writeup_markdown",
    "writeup_docx",
    "writeup_filename",
    "load_course",
    "save_course",
]

COURSE_KEY = "writeup.course"  # the course or assignment the write-up is for (a workbook fact)
MAX_COURSE = 200

# What such assignments ask for, in the order of the document: (key, what it asks, where the
# workbook keeps it). The keys are the document's parts.
PARTS: tuple[tuple[str, str, str], ...] = (
    ("person", "Whom you interviewed: their name, role and organization", "step 2, the person"),
    ("objective", "Why this interview: what you wanted to learn", "step 1, your goals"),
    ("research", "The research you did beforehand", "step 4, research notes"),
    ("questions", "The questions you asked", "step 4, the questions"),
    ("answers", "What they answered", "step 5, What you heard"),
    ("learned", "What you learned", "step 5, Insights"),
    ("reflection", "Your reflection", "step 5, Reflect"),
    ("next_steps", "Your next steps", "step 5, what they suggested and what you will change"),
    ("thanks", "The thank-you you sent", "step 6, Your thank-you"),
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


def _organization(ws, contact: Contact) -> Organization | None:
    key = org_key(contact.organization)
    if not key:
        return None
    return next((o for o in load_organizations(ws) if org_key(o.name) == key), None)


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
        organization=_organization(ws, contact),
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


def _filled(value) -> bool:
    return bool(plain_text(value).strip())


def _answers(iv: Interview) -> list[tuple[str, str]]:
    """(question, your notes on its answer) for each question of the meeting, in order."""
    questions = db.question_texts(iv.meeting.questions)
    debrief = iv.debrief or db.Debrief(0, 0)
    return [(q, db.answer_for(debrief, i, q)) for i, q in enumerate(questions)]


def _reflection(iv: Interview) -> list[tuple[str, str]]:
    """(question, your answer) for each reflection question you answered (D2)."""
    given = iv.debrief.reflection if iv.debrief else {}
    return [(q, given[k]) for k, q in db.REFLECTION_QUESTIONS if _filled(given.get(k))]


def _research_done(iv: Interview) -> list[str]:
    ticked = iv.meeting.research
    return [t for k, t in research_checklist(iv.contact, iv.organization) if ticked.get(k)]


def _count(n: int, total: int, what: str) -> str:
    return f"{n} of {total} {what}"


def _many(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


def checklist(iv: Interview) -> list[CheckItem]:
    """Each part the assignment asks for (``PARTS``): done or still empty, with a detail (how
    much is there) and where in the workbook to add it. The document marks the same parts
    empty."""
    c, d, m = iv.contact, iv.debrief or db.Debrief(0, 0), iv.meeting
    org = organization_name(c, iv.organization)
    missing = [n for n, v in (("role", c.position), ("organization", org)) if not _filled(v)]
    answers = _answers(iv)
    noted = sum(1 for _, a in answers if _filled(a))
    research = _research_done(iv)
    reflected = len(_reflection(iv))
    open_items = [i for i in iv.items if not i.done]
    status = {
        "person": (
            not missing,
            "their " + " and ".join(missing) + " not known yet" if missing else person_name(c),
        ),
        "objective": (
            any(map(_filled, iv.objective.goals)),
            _count(sum(map(_filled, iv.objective.goals)), len(iv.objective.goals), "goals written")
            if iv.objective.goals
            else "no concrete goal written yet",
        ),
        "research": (
            _filled(m.notes) or _filled(getattr(iv.organization, "notes", "")),
            _count(
                len(research), len(research_checklist(c, iv.organization)), "research steps ticked"
            )
            + ("; notes written" if _filled(m.notes) else "; no notes on what you found"),
        ),
        "questions": (
            bool(answers),
            _count(len(answers), len(answers), "questions") if answers else "none prepared",
        ),
        "answers": (
            bool(answers) and noted == len(answers),
            _count(noted, len(answers), "questions have notes")
            if answers
            else "no questions to answer",
        ),
        "learned": (
            _filled(d.insights),
            "insights" + (" and surprises" if _filled(d.surprises) else "") + " written"
            if _filled(d.insights)
            else "no insights written yet",
        ),
        "reflection": (
            reflected > 0,
            _count(reflected, len(db.REFLECTION_QUESTIONS), "reflection questions answered"),
        ),
        "next_steps": (
            bool(iv.items or iv.referrals) or _filled(d.next_changes),
            f"{_many(len(iv.items), 'action item', 'action items')} ({len(open_items)} open), "
            f"{_many(len(iv.referrals), 'person', 'people')} they suggested"
            + (", changes planned" if _filled(d.next_changes) else ""),
        ),
        "thanks": (
            bool(iv.thanks and iv.thanks.sent_at),
            iv.thanks.status if iv.thanks else "not due yet",
        ),
    }
    return [CheckItem(k, label, *status[k], where) for k, label, where in PARTS]


# ----------------------------------------------------------------- the document


def _day(moment: datetime | None, tz: str) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(zone(tz))
    return f"{local.day} {local:%B} {local.year}"


def _empty(item: CheckItem) -> Block:
    return Block("note", f"Still empty: add it in {item.where}, then download again.")


def _title(iv: Interview) -> str:
    return f"Informational interview with {person_name(iv.contact) or 'someone'}"


def writeup_document(iv: Interview, now: datetime) -> Document:
    """The write-up as a document: who and when, then one part per item of ``PARTS`` (the
    objective, the research, the questions and answers, what you learned, the reflection, the
    next steps, the thank-you), each empty one saying where to fill it in."""
    status = {item.key: item for item in checklist(iv)}
    c, m, d = iv.contact, iv.meeting, iv.debrief or db.Debrief(0, 0)
    tz = iv.tz
    byline = tuple(
        line
        for line in (
            f"By {iv.profile.name.strip()}" if _filled(iv.profile.name) else "",
            iv.course,
            f"Written up on {_day(now, tz)}",
        )
        if line
    )
    org = organization_name(c, iv.organization)
    person = [
        Block("field", person_name(c) or "(no name yet)", "Interviewee"),
        Block("field", c.position.strip() or "not known yet", "Role"),
        Block("field", org or "not known yet", "Organization"),
        Block("field", _day(iv.met_at, tz), "Date"),
        Block("field", f"{MODE_LABELS.get(m.mode, m.mode)}, {m.minutes} minutes", "Format"),
    ]
    if not status["person"].done:
        person.append(_empty(status["person"]))

    o = iv.objective
    objective = []
    if o.kinds:
        about = "; ".join(KIND_LABELS.get(k, k) for k in o.kinds)
        objective.append(Block("field", about, "What I wanted to learn about"))
    for label, value in (
        ("Field", o.field_of_interest),
        ("Roles", ", ".join(o.roles)),
        ("Organizations", ", ".join(o.organizations)),
    ):
        if _filled(value):
            objective.append(Block("field", value, label))
    objective += [Block("bullet", g) for g in o.goals if _filled(g)]
    if not status["objective"].done:
        objective.append(_empty(status["objective"]))

    research = [Block("bullet", t) for t in _research_done(iv)]
    if _filled(m.notes):
        research += [Block("heading", "What I found out"), Block("text", m.notes)]
    org_notes = getattr(iv.organization, "notes", "")
    if _filled(org_notes):
        research += [Block("heading", f"Notes on {org}"), Block("text", org_notes)]
    if _filled(m.offer):
        research.append(Block("field", m.offer, "What I offered in return"))
    if not status["research"].done:
        research.append(_empty(status["research"]))

    answers = []
    for n, (question, answer) in enumerate(_answers(iv), 1):
        answers.append(Block("heading", f"{n}. {one_line(question, None)}"))
        answers.append(Block("text", answer) if _filled(answer) else Block("note", "No notes yet."))
    if not status["questions"].done:
        answers.append(_empty(status["questions"]))
    elif not status["answers"].done:
        answers.append(_empty(status["answers"]))

    learned = []
    if _filled(d.insights):
        learned.append(Block("text", d.insights))
    else:
        learned.append(_empty(status["learned"]))
    if _filled(d.surprises):
        learned += [Block("heading", "What surprised me"), Block("text", d.surprises)]

    reflection = []
    for question, answer in _reflection(iv):
        reflection += [Block("heading", question), Block("text", answer)]
    for label, rating in (("the role", d.role_fit), ("the organization", d.org_fit)):
        if db.fit_rating(rating):
            reflection.append(Block("field", f"{rating} out of 5", f"How well {label} fits me"))
    if not status["reflection"].done:
        reflection.append(_empty(status["reflection"]))

    steps = [Block("bullet", _action_line(item, tz)) for item in iv.items]
    for r in iv.referrals:
        where = ", ".join(p for p in (r.position.strip(), r.organization.strip()) if p)
        about = f" ({where})" if where else ""
        steps.append(Block("bullet", f"Talk to {r.full_name}{about}, whom they suggested"))
    if _filled(d.next_changes):
        steps += [Block("heading", "What I will change"), Block("text", d.next_changes)]
    if not status["next_steps"].done:
        steps.append(_empty(status["next_steps"]))

    thanks = []
    if iv.thanks and iv.thanks.sent_at:
        thanks.append(Block("field", f"{_day(iv.thanks.sent_at, tz)} ({iv.thanks.status})", "Sent"))
    if _filled(iv.thanks_body):
        thanks += [
            Block("heading", "The note" if status["thanks"].done else "The note (not sent yet)"),
            Block("text", iv.thanks_body),
        ]
    if not status["thanks"].done:
        thanks.append(_empty(status["thanks"]))

    parts = (
        Part("The interview", tuple(person)),
        Part("My objective", tuple(objective)),
        Part("Research beforehand", tuple(research)),
        Part("Questions and answers", tuple(answers)),
        Part("What I learned", tuple(learned)),
        Part("Reflection", tuple(reflection)),
        Part("Next steps", tuple(steps)),
        Part("Thank-you", tuple(thanks)),
    )
    return Document(_title(iv), byline, parts, author=iv.profile.name.strip())


def _action_line(item: ai.ActionItem, tz: str) -> str:
    """D4: an action item, with when it is due or when it was done."""
    done, due = parse_time(item.done_at), iso_day(item.due)
    if done is not None:
        when = f"done {_day(done, tz)}"
    else:
        when = f"by {due.day} {due:%B} {due.year}" if due else "no date yet"
    return f"{one_line(item.text, None)} ({when})"


# ----------------------------------------------------------------- the files


_RUNS = ("bullet", "number", "field")  # blocks written line after line, without a blank line


def writeup_markdown(document: Document) -> str:
    """The document as Markdown: its structure is the workbook's, every text is escaped so any
    viewer shows it literally (``*``, ``_``, brackets, backticks, ``<``, ``$``, ``#``, line-start
    markers), control characters shown as visible stand-ins."""

    def inline(text) -> str:
        return _md_inline(visible_text(text))

    lines = [f"# {inline(document.title)}", ""]
    if document.byline:
        lines += ["  \n".join(inline(b) for b in document.byline), ""]
    for part in document.parts:
        lines += [f"## {inline(part.heading)}", ""]
        previous, number = "", 0
        for block in part.blocks:
            if block.kind != previous and previous in _RUNS:
                lines.append("")  # a list or a run of fields ends before anything else
            previous = block.kind
            number = number + 1 if block.kind == "number" else 0
            if block.kind == "heading":
                lines += [f"### {inline(block.text)}", ""]
            elif block.kind == "bullet":
                lines.append(f"- {inline(block.text)}")
            elif block.kind == "number":
                lines.append(f"{number}. {inline(block.text)}")
            elif block.kind == "field":
                lines.append(f"**{inline(block.label)}:** {inline(block.text)}  ")
            elif block.kind == "note":
                lines += [f"*{inline(block.text)}*", ""]
            else:
                lines += [_md_block(visible_text(block.text)), ""]
        lines.append("")
    text = "\n".join(line.rstrip() if not line.endswith("  ") else line for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def writeup_docx(document: Document, now: datetime) -> bytes:
    """The document as an editable Word file (``exports.docx_bytes``: plain runs only)."""
    return docx_bytes(document, created=now)


def writeup_filename(iv: Interview, ext: str) -> str:
    """``interview-write-up-amara-osei-2026-03-09.docx`` (the day it took place): ASCII
    letters, digits and hyphens only."""
    start = iv.met_at.astimezone(zone(iv.tz))
    stem = "-".join(p for p in ("interview-write-up", _slug(person_name(iv.contact))) if p)
    suffix = ext if ext in ("docx", "md") else "md"
    return f"{stem}-{start:%Y-%m-%d}.{suffix}"
