"""Step 4, the printable prep sheet (Q1-Q5, R8) and the meeting's calendar file.

Why this module exists: a student takes everything for one meeting on one printable page: who,
when and where, their pitch, the questions in order with room to write, the checklists, the
closing asks and the etiquette (docs/method.md Q1-Q5, R8); and the meeting goes into their own
calendar as an .ics file.

Jinja2 and the calendar library load on first use, so importing this module stays light.
Workspace text (names, notes, questions) is untrusted: the HTML sheet is rendered by Jinja2
with autoescape and ``$`` kept literal, and the Markdown sheet escapes every
Markdown-significant character (docs/security.md "Untrusted text").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from . import i18n
from .checklists import in_person_checklist, organization_name, person_name, research_checklist
from .clock import zone
from .i18n import _
from .meetings import MODE_LABELS, Meeting, start_time, stored_entries
from .objectives import O6_REMINDER, pitch_stats
from .question_bank import THEMES, load_bank
from .questions import (
    AFTER_THE_MEETING,
    CLOSING_REMINDERS,
    ETIQUETTE,
    as_int,
    fits,
    from_entries,
    shown_entries,
)
from .safe import escape, plain_text

__all__ = [
    "prep_sheet_html",
    "prep_sheet_markdown",
    "prep_sheet_filename",
    "meeting_ics",
    "md_inline",
    "md_block",
    "name_slug",
    "slug",
]


# ----------------------------------------------------------------- the prep sheet (Q1-Q5, R8)

_TEMPLATES = Path(__file__).resolve().parent / "templates"


def _when(meeting: Meeting, tz: str) -> str:
    """The start in the user's zone, in words that don't depend on the computer's locale."""
    start = start_time(meeting.starts_at, tz)
    if start is None:
        return ""
    zone_name = plain_text(tz).strip() or "UTC"
    return f"{i18n.spoken(start, year=True)} ({zone(zone_name).key})"


def _sheet(profile, contact, organization, meeting: Meeting, tz: str) -> dict:
    """Everything the two prep-sheet templates show, as plain (unescaped) values."""
    meeting = meeting if isinstance(meeting, Meeting) else Meeting(contact_id=0)
    bank = load_bank()
    questions = from_entries(meeting.questions, bank)
    entries = shown_entries(stored_entries(meeting.questions))  # bank ones in today's language
    pitch = plain_text(getattr(profile, "pitch", ""))
    asked = []
    for entry, q in zip(entries, questions, strict=False):
        asked.append(
            {
                "text": entry["text"],
                "theme": _(THEMES[entry["theme"]]) if THEMES.get(entry["theme"]) else "",
                "theme_note": _("({theme})").format(theme=_(THEMES[entry["theme"]]))
                if THEMES.get(entry["theme"])
                else "",
                "lines": 2 if q.closing else max(2, min(5, q.minutes)),
            }
        )
    in_person = meeting.mode == "in person"
    sender = plain_text(getattr(profile, "name", "")).strip()
    return {
        "t": _labels(sender),
        "lang": i18n.HTML_LANG.get(i18n.language(), "en"),
        "name": person_name(contact) or _("(no name yet)"),
        "position": plain_text(getattr(contact, "position", "")).strip(),
        "organization": organization_name(contact, organization),
        "sender": plain_text(getattr(profile, "name", "")).strip(),
        "when": _when(meeting, tz) or _("Not set yet"),
        "minutes": as_int(meeting.minutes, 30),
        "mode": _(MODE_LABELS[meeting.mode])
        if meeting.mode in MODE_LABELS
        else plain_text(meeting.mode),
        "place_label": {"video": _("Link or tool"), "phone": _("Number")}.get(
            meeting.mode, _("Where")
        ),
        "place": plain_text(meeting.place).strip() or _("Not set yet"),
        "their_workplace": in_person and bool(meeting.their_workplace),
        "recognise": plain_text(meeting.recognise).strip() if in_person else "",
        "pitch": pitch.strip(),
        "pitch_seconds": pitch_stats(pitch).seconds,
        "questions": asked,
        "time_plan": fits(questions, meeting.minutes)[1] if questions else "",
        "on_the_day": [
            (_(text), bool(meeting.checklist.get(key)))
            for key, text in in_person_checklist(meeting)
        ],
        "research": [
            (_(text), bool(meeting.research.get(key)))
            for key, text in research_checklist(contact, organization)
        ],
        "notes": plain_text(meeting.notes).strip(),
        "offer": plain_text(meeting.offer).strip(),
        "closing": [_(item) for item in CLOSING_REMINDERS],
        "etiquette": [_(item) for item in ETIQUETTE],
        "after": [_(item) for item in AFTER_THE_MEETING],
        "reminder": _(O6_REMINDER),
    }


def _labels(sender: str) -> dict:
    """The sheet's own words in the language in use: the templates show ``t.<key>``."""
    return {
        "title": _("Prep sheet: {name}"),
        "heading": _("Informational interview with {name}"),
        "when_where": _("When and where"),
        "field": _("{label}:"),  # a label before its value ("When:", "时间：")
        "when": _("When"),
        "length": _("Length"),
        "minutes": _("{n} minutes"),
        "how": _("How"),
        "their_workplace": _("(their workplace, as they offered)"),
        "recognise": _("They'll recognise you by"),
        "pitch": _("Your pitch"),
        "pitch_about": _("Your pitch (about {n} seconds)"),
        "no_pitch": _(
            "Not written yet: in three sentences, who you are, what interests you, "
            "and why you are asking."
        ),
        "questions": _("Your questions"),
        "no_questions": _("No questions chosen yet: pick them in step 4 of the workbook."),
        "notes_line": _("Notes:"),
        "before": _("Before you go"),
        "on_the_day": _("On the day"),
        "found_out": _("What you found out"),
        "nothing_yet": _("(nothing yet)"),
        "offer": _("Something to offer in return:"),
        "offer_hint": _("an article, a contact, or help with something"),
        "at_the_end": _("At the end"),
        "manners": _("Good manners"),
        "after": _("After the meeting"),
        "footer": _("Prepared by {name} with the informational interview workbook.").format(
            name=sender
        )
        if sender
        else _("Prepared with the informational interview workbook."),
    }


class _Markdown(str):
    """Text already escaped for Markdown (the Markdown counterpart of ``Markup``)."""


def _html_finalize(value):
    """Every ``{{ }}`` value is escaped with ``safe.escape`` (quotes and ``$`` too) before output.

    Autoescape alone keeps ``$`` as is; a notebook's HTML display runs MathJax, which would
    read "$5M and $10M" as a formula, so ``$`` becomes an entity here.
    """
    from markupsafe import Markup

    return value if isinstance(value, Markup) else Markup(escape(value))


# Escaped everywhere: emphasis, code, links (brackets), raw HTML and autolinks (< >), headings,
# tables, strikethrough, math ($) and entities (&). Parentheses need no escape once brackets have
# one.
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>#|~$&])")
_MD_LIST_NUMBER = re.compile(r"^(\d+)([.)])(?=\s|$)")  # "1. " or "1) " would start a list
_MD_LINE_MARK = re.compile(r"^([-+=])(?=\s|$|[-=]*\s*$)")  # a bullet, or a heading underline
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


_SPACE_RUN = re.compile(r" {2,}")


def _md_line(text: str, keep_spaces: bool = False) -> str:
    """One line of user text, shown literally by a Markdown viewer (and by Jupyter's MathJax).

    ``keep_spaces``: runs of spaces and tabs (tabs to the next multiple of four) stay as typed:
    inside a line as no-break spaces after the first one, which no viewer collapses; leading
    ones as ``&nbsp;``, which no parser strips at a line's start and none reads as indentation
    (so a line never becomes a code block or a list)."""
    indent = ""
    if keep_spaces:
        text = text.expandtabs(4).rstrip(" ")
        indent = "&nbsp;" * (len(text) - len(text.lstrip(" ")))
        text = text.lstrip(" ")
    text = _MD_ANYWHERE.sub(r"\\\1", text.strip())
    text = _MD_LIST_NUMBER.sub(r"\1\\\2", text)
    text = _MD_LINE_MARK.sub(r"\\\1", text)
    if keep_spaces:
        text = _SPACE_RUN.sub(lambda m: " " + "\u00a0" * (len(m.group()) - 1), text)
    return indent + text


def _md_text(value) -> str:
    """User text with line ends as ``\\n`` and control characters as spaces."""
    text = plain_text(value).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_RE.sub(" ", text)


def md_inline(value, keep_spaces: bool = False) -> _Markdown:
    """User text for one line of Markdown: line breaks become spaces, every special character
    is backslash-escaped, and a leading list/heading/quote marker is neutralised.

    Runs of spaces and tabs become one space, unless ``keep_spaces`` (``_md_line``)."""
    text = _md_text(value)
    if keep_spaces:
        return _Markdown(_md_line(text.replace("\n", " "), keep_spaces=True))
    return _Markdown(_md_line(" ".join(text.split())))


def md_block(value, keep_spaces: bool = False) -> _Markdown:
    """Multi-line user text (notes, the pitch): each line escaped, kept as hard line breaks, a
    blank line between paragraphs. Runs of spaces and tabs become one space and leading spaces
    are dropped, so nothing becomes a code block; with ``keep_spaces`` they stay as typed
    (``_md_line``)."""
    lines = [
        _md_line(line, keep_spaces=True) if keep_spaces else _md_line(" ".join(line.split()))
        for line in _md_text(value).split("\n")
    ]
    paragraphs, current = [], []
    for line in lines + [""]:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("  \n".join(current))
            current = []
    return _Markdown("\n\n".join(paragraphs))


def _md_finalize(value):
    """Every ``{{ }}`` value in the Markdown template is escaped unless already escaped."""
    return value if isinstance(value, _Markdown) else md_inline(value)


@lru_cache(maxsize=2)
def _env(kind: str):
    """The Jinja2 environment for one prep-sheet format (created on first use, then cached).

    HTML: autoescape on, plus ``_html_finalize`` for ``$``. Markdown: autoescape off (it would
    produce HTML entities) and ``_md_finalize`` escaping instead. Values never become template
    source, so ``{{7*7}}`` typed by a user stays text. StrictUndefined makes a missing value an
    error in the tests rather than a silent gap on the sheet.
    """
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=kind == "html",
        undefined=jinja2.StrictUndefined,
        finalize=_html_finalize if kind == "html" else _md_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    if kind == "markdown":
        env.filters["block"] = md_block
    return env


def prep_sheet_html(*, profile, contact, organization, meeting: Meeting, tz: str) -> str:
    """Q1-Q5, R8: the printable one-page prep sheet as a self-contained HTML document.

    Who, when (in ``tz``) and how long, where or how, your pitch, the questions in order with
    lines to write on, the checklists, research notes and your offer, the closing asks and the
    etiquette. Print styles (``@page`` margins, no page break inside a question) and a
    Content-Security-Policy that allows only the inline stylesheet: no scripts, fonts or images
    are loaded, so the file works offline and nothing a user typed can run.
    """
    values = _sheet(profile, contact, organization, meeting, tz)
    return _env("html").get_template("prep_sheet.html.j2").render(**values)


def prep_sheet_markdown(*, profile, contact, organization, meeting: Meeting, tz: str) -> str:
    """The same prep sheet as Markdown (for notebooks, notes apps, or printing from a viewer).

    User text is escaped so any Markdown viewer shows it literally: ``*``, ``_``, brackets,
    backticks, ``<``, ``$`` (``\\$``, so MathJax leaves it alone) and line-start markers.
    """
    values = _sheet(profile, contact, organization, meeting, tz)
    return _env("markdown").get_template("prep_sheet.md.j2").render(**values)


def slug(text: str, limit: int = 40) -> str:
    """Text as a file-name part: ASCII letters and digits in lowercase, joined by hyphens."""
    plain = (
        unicodedata.normalize("NFKD", plain_text(text)).encode("ascii", "ignore").decode("ascii")
    )
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))[:limit].strip("-")


def name_slug(contact) -> str:
    """A contact's name as a file-name part; a name with no ASCII letters (王芳) becomes a
    stand-in that keeps two people's files apart without transliterating: ``contact-12`` (the
    contact's id), else ``contact-`` and a short digest of the name."""
    name = person_name(contact)
    found = slug(name)
    if found or not name.strip():
        return found
    contact_id = getattr(contact, "id", None)
    if contact_id is not None:
        return f"contact-{contact_id}"
    import hashlib  # lazy: only a name without ASCII letters needs it

    return "contact-" + hashlib.sha256(name.strip().encode("utf-8")).hexdigest()[:8]


def prep_sheet_filename(contact, meeting: Meeting, ext: str = "html") -> str:
    """A file name every system accepts, e.g. ``prep-sheet-amara-osei-2026-03-12.html``.

    ASCII letters, digits and hyphens only; the date is the meeting's own (as entered); a
    missing name or date is left out; an odd extension becomes ``html``.
    """
    date = ""
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", plain_text(getattr(meeting, "starts_at", "")))
    if match:
        date = match.group(1)
    suffix = plain_text(ext).lower().lstrip(".")
    suffix = suffix if re.fullmatch(r"[a-z0-9]{1,8}", suffix) else "html"
    stem = "-".join(p for p in ("prep-sheet", name_slug(contact), date) if p)
    return f"{stem}.{suffix}"


def meeting_ics(*, contact, organization, meeting: Meeting, tz: str) -> bytes | None:
    """R8: the meeting as an .ics file for your own calendar (``exports.ics_event``), or None
    when the start time can't be read. The same meeting always gets the same UID, so
    exporting it again after a change updates the event instead of adding a second one."""
    start = start_time(meeting.starts_at, tz)
    if start is None:
        return None
    from .exports import ics_event  # lazy: the calendar library loads only when a file is made

    person = person_name(contact) or _("a contact")
    org = organization_name(contact, organization)
    mode = _(MODE_LABELS[meeting.mode]) if meeting.mode in MODE_LABELS else meeting.mode
    lines = [_("{mode}: {place}").format(mode=mode, place=meeting.place).strip()]
    if meeting.mode == "in person" and meeting.recognise.strip():
        lines.append(_("How they'll recognise you: {how}").format(how=meeting.recognise.strip()))
    lines += ["", _("Questions:")] + [
        f"{n}. {e['text']}"
        for n, e in enumerate(shown_entries(stored_entries(meeting.questions)), 1)
    ]
    lines += ["", _("At the end:")] + [("- " + _(r)) for r in CLOSING_REMINDERS]
    seed = (
        f"meeting:{meeting.id}"
        if meeting.id is not None
        else f"meeting:contact:{meeting.contact_id}:{meeting.starts_at}"
    )
    summary = _("Informational interview with {name}").format(name=person)
    if org:
        summary = _("{name} ({organization})").format(name=summary, organization=org)
    return ics_event(
        uid_seed=seed,
        summary=summary,
        description="\n".join(lines),
        start=start,
        minutes=max(1, as_int(meeting.minutes, 30)),
        tz=tz,
        location=meeting.place if meeting.mode == "in person" else "",
    )
