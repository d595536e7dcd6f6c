"""The assignment write-up as files: one held meeting's parts laid out as a document, then as
an editable Word file or as Markdown.

Why this module exists: ``writeup`` says what the parts are and which are empty; this one says
how they read, in the order courses ask for (``writeup.PARTS``), each empty part saying where to
fill it in, and turns them into files. The participant's text is copied literally: the Markdown
escapes every Markdown-significant character (the prep sheet's escaping, ``prep_sheet``) and
keeps runs of spaces and tabs as typed (as no-break spaces), the .docx holds plain runs only
(``exports.docx_bytes``), and control characters become visible stand-ins in both
(``exports.visible_text``).
"""

from __future__ import annotations

import re
from datetime import datetime

from . import action_items as ai
from . import debrief as db
from .checklists import organization_name, person_name
from .clock import iso_day, parse_time, zone
from .exports.document import Block, Document, Part, docx_bytes, visible_text
from .i18n import _
from .meetings import MODE_LABELS
from .prep_sheet import md_block, md_inline, name_slug
from .records import KIND_LABELS
from .safe import one_line
from .writeup import (
    CheckItem,
    Interview,
    answers,
    checklist,
    day_in_words,
    filled,
    reflection_answers,
    research_done,
)

__all__ = ["writeup_document", "writeup_markdown", "writeup_docx", "writeup_filename"]


def _empty(item: CheckItem) -> Block:
    return Block(
        "note", _("Still empty: add it in {where}, then download again.").format(where=item.where)
    )


def _title(iv: Interview) -> str:
    return _("Informational interview with {who}").format(
        who=person_name(iv.contact) or _("someone")
    )


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
            _("By {name}").format(name=iv.profile.name.strip()) if filled(iv.profile.name) else "",
            iv.course,
            _("Written up on {day}").format(day=day_in_words(now, tz)),
        )
        if line
    )
    org = organization_name(c, iv.organization)
    person = [
        Block("field", person_name(c) or _("(no name yet)"), _("Interviewee")),
        Block("field", c.position.strip() or _("not known yet"), _("Role")),
        Block("field", org or _("not known yet"), _("Organization")),
        Block("field", day_in_words(iv.met_at, tz), _("Date")),
        Block(
            "field",
            _("{how}, {minutes} minutes").format(
                how=_(MODE_LABELS.get(m.mode, m.mode)), minutes=m.minutes
            ),
            _("Format"),
        ),
    ]
    via = _("introduced by {name}").format(name=c.via.strip()) if filled(c.via) else ""
    link = [c.warm_reason.strip(), via]
    if any(link):
        person.append(Block("field", "; ".join(p for p in link if p), _("How we are connected")))
    if not status["person"].done:
        person.append(_empty(status["person"]))

    o = iv.objective
    objective = []
    if o.kinds:
        about = "; ".join(_(KIND_LABELS.get(k, k)) for k in o.kinds)
        objective.append(Block("field", about, _("What I wanted to learn about")))
    for label, value in (
        (_("Field"), o.field_of_interest),
        (_("Roles"), ", ".join(o.roles)),
        (_("Organizations"), ", ".join(o.organizations)),
    ):
        if filled(value):
            objective.append(Block("field", value, label))
    objective += [Block("bullet", g) for g in o.goals if filled(g)]
    if filled(iv.profile.pitch):  # O4: how you introduced yourself
        objective += [
            Block("heading", _("How I introduced myself")),
            Block("text", iv.profile.pitch),
        ]
    if not status["objective"].done:
        objective.append(_empty(status["objective"]))

    research = [Block("bullet", t) for t in research_done(iv)]
    if filled(m.notes):
        research += [Block("heading", _("What I found out")), Block("text", m.notes)]
    org_notes = getattr(iv.organization, "notes", "")
    if filled(org_notes):
        research += [
            Block("heading", _("Notes on {organization}").format(organization=org)),
            Block("text", org_notes),
        ]
    if filled(m.offer):
        research.append(Block("field", m.offer, _("What I offered in return")))
    if not status["research"].done:
        research.append(_empty(status["research"]))

    qa = []
    for n, (question, answer) in enumerate(answers(iv), 1):
        qa.append(Block("heading", f"{n}. {one_line(question, None)}"))
        qa.append(Block("text", answer) if filled(answer) else Block("note", _("No notes yet.")))
    if not status["questions"].done:
        qa.append(_empty(status["questions"]))
    elif not status["answers"].done:
        qa.append(_empty(status["answers"]))

    learned = []
    if filled(d.insights):
        learned.append(Block("text", d.insights))
    else:
        learned.append(_empty(status["learned"]))
    if filled(d.surprises):
        learned += [Block("heading", _("What surprised me")), Block("text", d.surprises)]

    reflection = []
    for question, answer in reflection_answers(iv):
        reflection += [Block("heading", question), Block("text", answer)]
    for label, rating in (
        (_("How well the role fits me"), d.role_fit),
        (_("How well the organization fits me"), d.org_fit),
    ):
        if db.fit_rating(rating):
            reflection.append(Block("field", _("{n} out of 5").format(n=rating), label))
    if not status["reflection"].done:
        reflection.append(_empty(status["reflection"]))

    steps = [Block("bullet", _action_line(item, tz)) for item in iv.items]
    for r in iv.referrals:
        where = ", ".join(p for p in (r.position.strip(), r.organization.strip()) if p)
        name = (
            _("{name} ({organization})").format(name=r.full_name, organization=where)
            if where
            else r.full_name
        )
        said = _("Talk to {name}{about}, whom they suggested").format(name=name, about="")
        steps.append(Block("bullet", said))
    if filled(d.next_changes):
        steps += [Block("heading", _("What I will change")), Block("text", d.next_changes)]
    if not status["next_steps"].done:
        steps.append(_empty(status["next_steps"]))

    thanks = []
    if iv.thanks and iv.thanks.sent_at:
        thanks.append(
            Block(
                "field",
                _("{text} ({detail})").format(
                    text=day_in_words(iv.thanks.sent_at, tz), detail=_(iv.thanks.status)
                ),
                _("Sent"),
            )
        )
    if filled(iv.thanks_body):
        thanks += [
            Block(
                "heading", _("The note") if status["thanks"].done else _("The note (not sent yet)")
            ),
            Block("text", iv.thanks_body),
        ]
    if not status["thanks"].done:
        thanks.append(_empty(status["thanks"]))

    parts = (
        Part(_("The interview"), tuple(person)),
        Part(_("My objective"), tuple(objective)),
        Part(_("Research beforehand"), tuple(research)),
        Part(_("Questions and answers"), tuple(qa)),
        Part(_("What I learned"), tuple(learned)),
        Part(_("Reflection"), tuple(reflection)),
        Part(_("Next steps"), tuple(steps)),
        Part(_("Thank-you"), tuple(thanks)),
    )
    return Document(_title(iv), byline, parts, author=iv.profile.name.strip())


def _action_line(item: ai.ActionItem, tz: str) -> str:
    """D4: an action item, with when it is due or when it was done."""
    done, due = parse_time(item.done_at), iso_day(item.due)
    if done is not None:
        when = _("done {day}").format(day=day_in_words(done, tz))
    else:
        when = _("by {day}").format(day=day_in_words(due)) if due else _("no date yet")
    return f"{one_line(item.text, None)} ({when})"


# ----------------------------------------------------------------- the files


_RUNS = ("bullet", "number", "field")  # blocks written line after line, without a blank line


def writeup_markdown(document: Document) -> str:
    """The document as Markdown: its structure is the workbook's, every text is escaped so any
    viewer shows it literally (``*``, ``_``, brackets, backticks, ``<``, ``$``, ``#``, line-start
    markers), runs of spaces and tabs kept (``prep_sheet.md_inline``'s ``keep_spaces``), control
    characters shown as visible stand-ins."""

    def inline(text) -> str:
        return md_inline(visible_text(text), keep_spaces=True)

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
                label = inline(_("{label}:").format(label=block.label))
                lines.append(f"**{label}** {inline(block.text)}  ")
            elif block.kind == "note":
                lines += [f"*{inline(block.text)}*", ""]
            else:
                lines += [md_block(visible_text(block.text), keep_spaces=True), ""]
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
    stem = "-".join(p for p in ("interview-write-up", name_slug(iv.contact)) if p)
    suffix = ext if ext in ("docx", "md") else "md"
    return f"{stem}-{start:%Y-%m-%d}.{suffix}"
