"""Step 5 of the workbook: write down what you learned, reflect, and plan what comes next.

Right after a meeting memory fades fast, so this step captures it while it is fresh and turns
it into things the rest of the workbook can use (GUIDE.md D1-D5):

- D1 notes per question, insights and surprises (``Debrief``, ``check_debrief``);
- D2 a short reflection (``REFLECTION_QUESTIONS``) and two fit ratings, role and organization;
- D3 the people they suggested become new warm contacts with "referred by" recorded
  (``referral_contacts``; de-duplication is ``imports.plan_merge``'s job, not re-done here);
- D4 the things they suggested you do get a due date and show in the agenda
  (``ActionItem``, ``check_action_item``, ``action_agenda``);
- D5 meetings side by side, with recurring themes and plain suggestions (``compare``).

Pure functions over dataclasses: no widgets, files or network. Checks return ``Finding``
objects instead of raising. Names, notes and insights are untrusted text: they are kept
literally in every value returned here, and the UI must escape them before any HTML sink.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from .classification import fold_title
from .clock import iso_day, zone
from .events import AgendaItem
from .imports import ImportPlan, MergePlan
from .records import STEP_NOTEBOOKS, Contact, Finding, email_key, name_org_key, org_key, url_key
from .safe import one_line as _one_line
from .safe import plain_text as _text
from .safe import whole_number as _whole
from .text import STOP_WORDS, fold

__all__ = [
    "REFLECTION_QUESTIONS",
    "RATING_RANGE",
    "ACTION_ITEM_KIND",
    "STOP_WORDS",
    "Debrief",
    "ActionItem",
    "Referral",
    "Comparison",
    "question_texts",
    "answer_for",
    "insight_choices",
    "check_debrief",
    "check_action_item",
    "action_agenda",
    "referral_contacts",
    "record_referrer",
    "compare",
    "fit_chart_rows",
]

# D2: the reflection after each meeting, as (key, question). The keys are stored in the
# ``debriefs.reflection`` JSON object, so they never change; the wording may.
REFLECTION_QUESTIONS: list[tuple[str, str]] = [
    ("field", "After this conversation, does this field still feel like yours? Why, or why not?"),
    ("open_questions", "What do you still want to find out, and who might know?"),
    ("employer", "What did you notice about what you want, or don't want, in an employer?"),
    ("learned", "What is the most useful thing you learned?"),
    ("network", "Did your network grow: did they name people, groups or events to look into?"),
    ("strengths", "Where do you already measure up, and where would you need to grow?"),
]
RATING_RANGE = (1, 5)  # D2/D5: role fit and organization fit, 1 (poor) to 5 (great)
ACTION_ITEM_KIND = "action_item"  # D4: the AgendaItem kind for action items

_ERROR, _WARNING, _INFO = "error", "warning", "info"
_MAX_ONE_LINE = 200
# ----------------------------------------------------------------- small helpers


def _get(row, key):
    """``row[key]`` from a Mapping or ``sqlite3.Row``; None when missing or unreadable."""
    if row is None:
        return None
    try:
        if hasattr(row, "keys") and key not in row.keys():
            return None
        return row[key]
    except (KeyError, IndexError, TypeError):
        return None


def _rating(value) -> int | None:
    """A rating in 1-5, or None (missing or out of range: D5 never compares a broken one)."""
    number = _whole(value)
    return number if number is not None and RATING_RANGE[0] <= number <= RATING_RANGE[1] else None


def _load_object(value) -> dict[str, str]:
    """A stored JSON object of text -> text; damaged JSON or other shapes give ``{}``.

    Keys become strings (answers may be keyed by a question's index); values that are not
    text or numbers are dropped rather than failing the whole debrief.
    """
    if isinstance(value, (str, bytes, bytearray)):
        try:
            value = json.loads(value or "{}")
        except (ValueError, TypeError, RecursionError):
            return {}
    if not isinstance(value, Mapping):
        return {}
    out = {}
    for key, item in value.items():
        if isinstance(item, str):
            out[_text(key)] = item
        elif isinstance(item, (int, float)) and not isinstance(item, bool):
            out[_text(key)] = str(item)
    return out


def _dump(value) -> str:
    """A dict as JSON text for a column, accents kept."""
    return json.dumps(
        {_text(k): _text(v) for k, v in dict(value or {}).items()}, ensure_ascii=False
    )


# ----------------------------------------------------------------- D1, D2 the debrief


@dataclass
class Debrief:
    """What one meeting taught you (D1), your reflection on it (D2) and how well it fits (D5).

    ``answers`` maps a question (its text, or its index in the meeting's list as a string) to
    your notes; ``reflection`` maps a key of ``REFLECTION_QUESTIONS`` to your answer.
    ``role_fit`` and ``org_fit`` are 1-5, None when not rated yet.
    """

    meeting_id: int
    contact_id: int
    answers: dict[str, str] = field(default_factory=dict)
    insights: str = ""
    surprises: str = ""
    reflection: dict[str, str] = field(default_factory=dict)
    role_fit: int | None = None
    org_fit: int | None = None
    next_changes: str = ""
    id: int | None = None

    def to_row(self) -> dict:
        """Columns of the ``debriefs`` table (without id and timestamps); dicts as JSON text.

        Ratings are stored as the whole numbers they are (``check_debrief`` reports one out of
        range before saving); anything else is stored as no rating.
        """
        return {
            "meeting_id": _whole(self.meeting_id),
            "contact_id": _whole(self.contact_id),
            "answers": _dump(self.answers),
            "insights": _text(self.insights),
            "surprises": _text(self.surprises),
            "reflection": _dump(self.reflection),
            "role_fit": _whole(self.role_fit),
            "org_fit": _whole(self.org_fit),
            "next_changes": _text(self.next_changes),
        }

    @classmethod
    def from_row(cls, row) -> Debrief:
        """Inverse of ``to_row``, tolerant: None, missing columns or damaged JSON give defaults."""
        return cls(
            meeting_id=_whole(_get(row, "meeting_id")) or 0,
            contact_id=_whole(_get(row, "contact_id")) or 0,
            answers=_load_object(_get(row, "answers")),
            insights=_text(_get(row, "insights")),
            surprises=_text(_get(row, "surprises")),
            reflection=_load_object(_get(row, "reflection")),
            role_fit=_whole(_get(row, "role_fit")),
            org_fit=_whole(_get(row, "org_fit")),
            next_changes=_text(_get(row, "next_changes")),
            id=_whole(_get(row, "id")),
        )


def question_texts(questions) -> list[str]:
    """The question texts of a meeting, from its ``questions`` column (JSON) or a list.

    Step 4 stores ``[{"id", "text", "theme"}, ...]``; plain strings are accepted too. Damaged
    JSON, empty texts and other shapes are skipped, so a debrief can always be written.
    """
    if isinstance(questions, (str, bytes, bytearray)):
        try:
            questions = json.loads(questions or "[]")
        except (ValueError, TypeError, RecursionError):
            return []
    if not isinstance(questions, list):
        return []
    out = []
    for item in questions:
        text = item.get("text") if isinstance(item, Mapping) else item
        if isinstance(text, str) and text.strip():
            out.append(text)
    return out


def answer_for(debrief: Debrief, index: int, question: str) -> str:
    """D1: your notes on a question, looked up by its text first, then by its index."""
    answers = debrief.answers if isinstance(debrief.answers, Mapping) else {}
    found = answers.get(question)
    if not _text(found).strip():
        found = answers.get(str(index))
    return _text(found)


def insight_choices(debrief: Debrief) -> list[str]:
    """S2: the specific things you noted, one per line, for picking what to name in a thank-you.

    Lines of the insights, then the surprises, then each answer's notes; one line each,
    shortened, without repeats. The same list is what ``thanks_check.check_thanks`` takes as
    ``specific_hints``.
    """
    answers = debrief.answers if isinstance(debrief.answers, Mapping) else {}
    blocks = [_text(debrief.insights), _text(debrief.surprises), *map(_text, answers.values())]
    seen: set[str] = set()
    out = []
    for block in blocks:
        for line in block[:50_000].splitlines():
            line = _one_line(line.strip(" \t-*\u2022"))
            if line and line.casefold() not in seen:
                seen.add(line.casefold())
                out.append(line)
    return out


def check_debrief(debrief: Debrief, questions: list[str]) -> list[Finding]:
    """D1, D2: prompts for what is still missing, and errors for ratings that can't be kept.

    - D1 (info) each prepared question without notes; no insights written yet;
    - D2 (info) no reflection answered yet; a fit rating (role or organization) not given,
      which the side-by-side comparison (D5) needs;
    - D2 (error) a rating that is not a whole number from 1 to 5.

    Prompts are info, never blocking: a short debrief written now beats a full one never.
    """
    debrief = debrief if isinstance(debrief, Debrief) else Debrief(0, 0)
    found: list[Finding] = []
    for index, question in enumerate(question_texts(list(questions or []))):
        if not answer_for(debrief, index, question).strip():
            found.append(
                Finding(
                    "D1",
                    _INFO,
                    "No notes for this question yet. Write down what they said while "
                    "you still remember it, even a few words.",
                    _one_line(question, 80),
                    "Jot down their answer, or 'not asked' if you ran out of time.",
                )
            )
    if not _text(debrief.insights).strip():
        found.append(
            Finding(
                "D1",
                _INFO,
                "Write down your main insights: what you learned that you couldn't "
                "have found online.",
                fix="Two or three sentences are enough.",
            )
        )
    reflection = debrief.reflection if isinstance(debrief.reflection, Mapping) else {}
    if not any(_text(reflection.get(key)).strip() for key, _ in REFLECTION_QUESTIONS):
        found.append(
            Finding(
                "D2",
                _INFO,
                "Take a few minutes to reflect on the meeting: it is how each "
                "conversation changes your next step.",
                fix="Answer one or two of the reflection questions.",
            )
        )
    for name, label in (("role_fit", "the role"), ("org_fit", "the organization")):
        value = getattr(debrief, name, None)
        if value is None or (isinstance(value, str) and not value.strip()):
            found.append(
                Finding(
                    "D2",
                    _INFO,
                    f"Rate how well {label} fits you, from 1 to 5, so you can compare "
                    "your meetings side by side.",
                    fix="A rough rating is fine; you can change it.",
                )
            )
        elif _rating(value) is None:
            found.append(
                Finding(
                    "D2",
                    _ERROR,
                    f"The rating for {label} must be a whole number from 1 to 5.",
                    _one_line(value, 20),
                    "Pick 1 (poor fit) to 5 (great fit).",
                )
            )
    return found


# ----------------------------------------------------------------- D4 action items


@dataclass
class ActionItem:
    """Something the person suggested you do (D4), with the day you mean to do it by.

    ``due`` is an ISO date ("2026-03-10"); ``done_at`` is when you ticked it off (ISO), or ""
    while it is still open.
    """

    text: str
    due: str = ""
    done_at: str = ""
    meeting_id: int | None = None
    contact_id: int | None = None
    id: int | None = None

    @property
    def done(self) -> bool:
        """Whether it has been ticked off."""
        return bool(_text(self.done_at).strip())

    def to_row(self) -> dict:
        """Columns of the ``action_items`` table (without id and timestamps)."""
        return {
            "meeting_id": _whole(self.meeting_id),
            "contact_id": _whole(self.contact_id),
            "text": _text(self.text),
            "due": _text(self.due).strip(),
            "done_at": _text(self.done_at).strip(),
        }

    @classmethod
    def from_row(cls, row) -> ActionItem:
        """Inverse of ``to_row``; missing columns give the defaults."""
        return cls(
            text=_text(_get(row, "text")),
            due=_text(_get(row, "due")),
            done_at=_text(_get(row, "done_at")),
            meeting_id=_whole(_get(row, "meeting_id")),
            contact_id=_whole(_get(row, "contact_id")),
            id=_whole(_get(row, "id")),
        )


def check_action_item(item: ActionItem, today: date) -> list[Finding]:
    """D4: an action item needs words and a due date, or it never reaches the agenda.

    - D4 (error) no text; no due date, or one that can't be read as a date;
    - D4 (warning) the due date has passed and the item is still open.
    """
    item = item if isinstance(item, ActionItem) else ActionItem("")
    found = []
    if not _text(item.text).strip():
        found.append(
            Finding(
                "D4",
                _ERROR,
                "Say what you will do, in a few words.",
                fix="For example: 'Read the article she mentioned'.",
            )
        )
    due_text = _text(item.due).strip()
    due = iso_day(due_text)
    if not due_text:
        found.append(
            Finding(
                "D4",
                _ERROR,
                "Give it a date so it shows in your agenda.",
                fix="Pick the day you mean to do it by; sooner keeps it fresh.",
            )
        )
    elif due is None:
        found.append(
            Finding(
                "D4",
                _ERROR,
                "This is not a date the workbook can read, so it can't show in your agenda.",
                _one_line(due_text, 40),
                "Pick the date from the calendar.",
            )
        )
    elif not item.done and isinstance(today, date) and due < iso_day(today):
        found.append(
            Finding(
                "D4",
                _WARNING,
                "This date has passed and it isn't done yet.",
                due.isoformat(),
                "Do it soon, or give it a new date.",
            )
        )
    return found


def action_agenda(
    items: Iterable[ActionItem], now: datetime, tz: str, names: Mapping[int, str] | None = None
) -> list[AgendaItem]:
    """D4: every open action item as an agenda entry, due at the end of its day in ``tz``.

    Done items and items without a readable date are left out (``check_action_item`` asks for
    the date). ``overdue`` is true once that moment has passed; ``pipeline.agenda`` picks what
    is due today. ``names`` maps contact ids to names, so the entry says whose suggestion it
    was. Due times are aware UTC datetimes, like every time in the pipeline.
    """
    tzinfo = zone(tz)
    now = (now if now.tzinfo is not None else now.replace(tzinfo=UTC)).astimezone(UTC)
    names = names or {}
    out = []
    for item in items:
        if not isinstance(item, ActionItem) or item.done:
            continue
        day = iso_day(item.due)
        if day is None:
            continue
        end_of_day = datetime.combine(day, time(23, 59, 59), tzinfo=tzinfo).astimezone(UTC)
        what = _one_line(item.text) or "(no description)"
        who = _one_line(names.get(item.contact_id, ""), 80) if item.contact_id is not None else ""
        text = (
            f"Action item from your meeting with {who}: {what}" if who else f"Action item: {what}"
        )
        out.append(
            AgendaItem(
                end_of_day,
                now > end_of_day,
                text,
                STEP_NOTEBOOKS["debrief"],
                item.contact_id,
                ACTION_ITEM_KIND,
            )
        )
    return sorted(out, key=lambda a: (a.due, a.text))


# ----------------------------------------------------------------- D3 referrals


@dataclass(frozen=True)
class Referral:
    """Someone the person you met suggested you talk to (D3), as typed in the debrief."""

    first_name: str
    last_name: str = ""
    organization: str = ""
    position: str = ""
    email: str = ""
    profile_url: str = ""
    notes: str = ""


def _real_name(contact: Contact) -> str:
    """The contact's full name, or "" when it has none (``full_name`` then says "(no name)")."""
    return " ".join(p for p in (_one_line(contact.first_name), _one_line(contact.last_name)) if p)


def referral_contacts(referrals: Iterable[Referral], referrer: Contact) -> ImportPlan:
    """D3, the snowball: each referral as a new warm contact, "referred by" recorded.

    Each becomes a ``Contact`` with ``referred_by`` = the referrer's id, ``via`` = the
    referrer's name (so step 2 counts them second-degree and step 3 writes them an
    introduction request: the referrer can introduce you, R6), ``warm_reason`` "referred by
    <name>" and ``source`` "referral". Lines are numbered from 1 in the order given; nameless
    referrals and repeats within the list are skipped with a reason.

    Matching against the saved contacts is not done here: pass the result to
    ``imports.plan_merge(existing, plan)`` so someone already on your list is updated or left
    alone, never added twice (then ``record_referrer`` to note who referred them).
    """
    name = _real_name(referrer) if isinstance(referrer, Contact) else ""
    referrer_id = referrer.id if isinstance(referrer, Contact) else None
    plan = ImportPlan(f"referrals from {name}" if name else "referrals")
    by_url: dict[str, int] = {}
    by_email: dict[str, int] = {}
    name_bare: dict[str, int] = {}  # people without a profile URL
    name_any: dict[str, int] = {}
    for line, ref in enumerate(referrals, start=1):
        if not isinstance(ref, Referral):
            plan.skipped.append((line, "not a referral"))
            continue
        first, last = _one_line(ref.first_name), _one_line(ref.last_name)
        if not (first or last):
            plan.skipped.append((line, "no name"))
            continue
        contact = Contact(
            first_name=first,
            last_name=last,
            organization=_one_line(ref.organization),
            position=_one_line(ref.position),
            email=_one_line(ref.email, 320),
            profile_url=_one_line(ref.profile_url, 2000),
            notes=_text(ref.notes).strip(),
            via=name,
            warm_reason=f"referred by {name}" if name else "referred by someone you met",
            referred_by=referrer_id,
            source="referral",
        )
        # The same person twice in the list: as plan_merge matches (URL, else email, else
        # name and organization, but never across two different profile URLs).
        url, mail = url_key(contact.profile_url), email_key(contact.email)
        person = name_org_key(first, last, contact.organization)
        earlier = by_url.get(url) if url else None
        if earlier is None and mail:
            earlier = by_email.get(mail)
        if earlier is None:
            earlier = (name_bare if url else name_any).get(person)
        if earlier is not None:
            plan.skipped.append((line, f"same person as line {earlier}"))
            continue
        if url:
            by_url.setdefault(url, line)
        else:
            name_bare.setdefault(person, line)
        if mail:
            by_email.setdefault(mail, line)
        name_any.setdefault(person, line)
        plan.contacts.append((line, contact))
    return plan


def record_referrer(merge: MergePlan, existing: list[Contact], referrer: Contact) -> MergePlan:
    """D3 for referrals who were already on your list: note who referred them, change nothing else.

    ``plan_merge`` treats the referral like a file row: it would overwrite the saved name,
    organization or email with what was typed in the debrief, and it never sets
    ``referred_by``. Here, for each matched contact, changes only fill fields that are still
    empty, and ``referred_by`` is added when the contact has none yet (moving it from
    unchanged to updated). A saved first-degree contact gets no ``via``: you know them
    already, and a "via" would make them second-degree. Nobody is ever added here. Returns a
    new plan; ``targets.apply_merge`` writes it.
    """
    by_id = {c.id: c for c in existing if isinstance(c, Contact)}
    referrer_id = referrer.id if isinstance(referrer, Contact) else None
    out = MergePlan(add=list(merge.add), skipped=list(merge.skipped), file=merge.file)

    def adjusted(contact_id: int, changes: dict) -> dict:
        saved = by_id.get(contact_id)
        changes = dict(changes)
        if saved is None:
            return changes
        first_degree = saved.connection == "first" or (
            not saved.connection and not saved.via.strip() and saved.source.startswith("linkedin")
        )
        for key in list(changes):  # a name typed in a hurry never overwrites a saved one
            current = getattr(saved, key, None)
            if current is not None and not (isinstance(current, str) and not current.strip()):
                changes.pop(key)
        if first_degree:
            changes.pop("via", None)
        if referrer_id is not None and saved.referred_by is None and saved.id != referrer_id:
            changes["referred_by"] = referrer_id
        return changes

    matched = [*merge.update, *((line, contact_id, {}) for line, contact_id in merge.unchanged)]
    for line, contact_id, changes in matched:
        new = adjusted(contact_id, changes)
        if new:
            out.update.append((line, contact_id, new))
        else:
            out.unchanged.append((line, contact_id))
    out.update.sort(key=lambda u: u[0])
    out.unchanged.sort(key=lambda u: u[0])
    return out


# ----------------------------------------------------------------- D5 comparison


@dataclass(frozen=True)
class Comparison:
    """D5: debriefed meetings side by side.

    ``rows``: one dict per meeting (meeting_id, contact_id, name, organization, position,
    role_fit, org_fit, insights), best fit first; text is kept exactly as stored.
    ``recurring``: (word or two-word phrase, number of meetings it came up in), top 10.
    ``suggestions``: plain sentences on what fits, what to change and whom to talk to next.
    """

    rows: list[dict]
    recurring: list[tuple[str, int]]
    suggestions: list[str]


_TOKEN_RE = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
_CLAUSE_RE = re.compile(r"[.!?;:,()\[\]\"\n\r\u2014\u2013]+|\s-\s")
_TOP_RECURRING = 10
_MAX_TEXT = 50_000
_LOW, _HIGH = 2, 4  # D5: a rating of 2 or less is a poor fit, 4 or more a good one


def _meeting_terms(text: str, skip: set[str]) -> set[str]:
    """The meaningful words and two-word phrases of one meeting's notes (lower case).

    A word counts when it has two or more letters, isn't a stop word or a number, and isn't
    a name of the people and organizations compared (those recur trivially). A phrase is two
    such words side by side within one clause.
    """
    terms: set[str] = set()
    folded = fold(text[:_MAX_TEXT].replace("\u2019", "'"))
    for clause in _CLAUSE_RE.split(folded):
        previous = ""
        for word in _TOKEN_RE.findall(clause):
            meaningful = (
                len(word) >= 2
                and word not in STOP_WORDS
                and word not in skip
                and not word.replace("-", "").isdigit()
            )
            if not meaningful:
                previous = ""
                continue
            terms.add(word)
            if previous:
                terms.add(f"{previous} {word}")
            previous = word
    return terms


def _recurring(debriefs: list[Debrief], skip: set[str]) -> list[tuple[str, int]]:
    """D5: terms that came up in two meetings or more, with the number of meetings, top 10.

    A single word is left out when a phrase containing it came up as often (the phrase says
    more), so "portfolio review" isn't followed by "portfolio" and "review".
    """
    counts: dict[str, int] = {}
    for d in debriefs:
        answers = d.answers if isinstance(d.answers, Mapping) else {}
        text = "\n".join([_text(d.insights), _text(d.surprises), *map(_text, answers.values())])
        for term in _meeting_terms(text, skip):
            counts[term] = counts.get(term, 0) + 1
    shared = {t: n for t, n in counts.items() if n >= 2}
    covered: dict[str, int] = {}
    for term, n in shared.items():
        if " " in term:
            for word in term.split():
                covered[word] = max(covered.get(word, 0), n)
    kept = [(t, n) for t, n in shared.items() if " " in t or covered.get(t, 0) < n]
    kept.sort(key=lambda tn: (-tn[1], -len(tn[0].split()), tn[0]))
    return kept[:_TOP_RECURRING]


def _fit_score(row: dict) -> float | None:
    ratings = [r for r in (row["role_fit"], row["org_fit"]) if r is not None]
    return sum(ratings) / len(ratings) if ratings else None


def _rated(values: list[int]) -> str:
    """ "2/5", or "3.5/5 on average" when the meetings disagree."""
    if len(set(values)) == 1:
        return f"{values[0]}/5"
    return f"{sum(values) / len(values):.1f}/5 on average".replace(".0/", "/")


def _meetings_phrase(n: int, where: str) -> str:
    if n == 1:
        return f"Your meeting at {where}"
    if n == 2:
        return f"Both meetings at {where}"
    return f"All {n} meetings at {where}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def compare(
    debriefs: Iterable[Debrief],
    contacts: Mapping[int, Contact],
    *,
    contacted: Collection[int] = (),
    max_referrals: int = 5,
) -> Comparison:
    """D5: your debriefed meetings side by side, recurring themes, and what to do next.

    ``rows`` are sorted by fit (the mean of the two ratings given, best first; unrated last,
    then by name). ``recurring`` counts meetings, not mentions (see ``_recurring``).
    ``suggestions``, in plain words: the roles and organizations that fit best and worst,
    what to change next (your target list, your resume, your questions), and whom to talk to
    next: the people you were referred to (D3) that you haven't contacted yet. For that, pass
    all contacts in ``contacts`` and, in ``contacted``, the ids of those you have already
    reached out to (for example every contact with an event in the log).

    Names, organizations and insights are kept literally; escape them before any HTML sink.
    """
    debriefs = [d for d in debriefs if isinstance(d, Debrief)]
    contacts = contacts or {}
    rows = []
    skip: set[str] = set()
    for d in debriefs:
        c = contacts.get(d.contact_id)
        c = c if isinstance(c, Contact) else None
        name = c.full_name if c else "(unknown contact)"
        rows.append(
            {
                "meeting_id": d.meeting_id,
                "contact_id": d.contact_id,
                "name": name,
                "organization": c.organization if c else "",
                "position": c.position if c else "",
                "role_fit": _rating(d.role_fit),
                "org_fit": _rating(d.org_fit),
                "insights": _text(d.insights),
            }
        )
        if c:
            skip.update(_TOKEN_RE.findall(fold(f"{c.first_name} {c.last_name} {c.organization}")))
    scores = [_fit_score(r) for r in rows]
    order = sorted(
        range(len(rows)),
        key=lambda i: (scores[i] is None, -(scores[i] or 0.0), fold(rows[i]["name"])),
    )
    rows = [rows[i] for i in order]
    recurring = _recurring(debriefs, skip)
    suggestions = _suggestions(rows, recurring, contacts, set(contacted or ()), max_referrals)
    return Comparison(rows, recurring, suggestions)


def _group(rows: list[dict], key_of, label_of, rating: str) -> list[tuple[str, list[int]]]:
    """(display label, ratings) per group of rows with a key, in the rows' order."""
    groups: dict[str, tuple[str, list[int]]] = {}
    for row in rows:
        key = key_of(row)
        if not key or row[rating] is None:
            continue
        groups.setdefault(key, (label_of(row), []))[1].append(row[rating])
    return list(groups.values())


def _suggestions(
    rows: list[dict],
    recurring: list[tuple[str, int]],
    contacts: Mapping[int, Contact],
    contacted: set[int],
    max_referrals: int,
) -> list[str]:
    """D5 in plain sentences: what fits, what to change next, whom to talk to next."""
    tips: list[str] = []
    if not rows:
        tips.append("Debrief your first meeting to start comparing.")
    elif len(rows) == 1:
        tips.append("Debrief one more meeting to see what the two have in common.")

    roles = _group(
        rows,
        lambda r: fold_title(_one_line(r["position"])),
        lambda r: _one_line(r["position"]),
        "role_fit",
    )
    orgs = _group(
        rows,
        lambda r: org_key(_one_line(r["organization"])),
        lambda r: _one_line(r["organization"]),
        "org_fit",
    )
    mean = lambda values: sum(values) / len(values)  # noqa: E731

    good_roles = sorted((g for g in roles if mean(g[1]) >= _HIGH), key=lambda g: -mean(g[1]))
    if good_roles:
        names = [f"{label} ({_rated(values)})" for label, values in good_roles[:3]]
        tips.append(
            f"The role that fits you best so far: {names[0]}. "
            if len(names) == 1
            else f"The roles that fit you best so far: {_join(names)}. "
        )
        tips[-1] += (
            "Shape your resume around it: lead with the skills and experience people "
            "in that role said matter most."
            if len(names) == 1
            else "Shape your resume around them: lead with the skills and experience people "
            "in those roles said matter most."
        )
    for label, values in roles:
        if mean(values) <= _LOW:
            tips.append(
                f"You rated the role of {label} {_rated(values)}. If another "
                "conversation confirms it, take it off your target roles in step 1."
            )
    for label, values in orgs:
        if mean(values) >= _HIGH:
            tips.append(
                f"{_meetings_phrase(len(values), label)} rated the organization "
                f"{_rated(values)}: keep {label} near the top of your list, and look for "
                "another person there to talk to."
            )
    for label, values in orgs:
        if mean(values) <= _LOW:
            tips.append(
                f"{_meetings_phrase(len(values), label)} rated the organization "
                f"{_rated(values)}: consider moving {label} down your list."
            )

    unrated = sum(1 for r in rows if r["role_fit"] is None or r["org_fit"] is None)
    if unrated:
        tips.append(
            f"Rate the role and organization fit in {unrated} more "
            f"{'debrief' if unrated == 1 else 'debriefs'} to compare them fully."
        )
    if recurring:
        themes = _join([f"\u201c{t}\u201d" for t, _ in recurring[:3]])
        tips.append(
            f"More than one person brought up {themes}. Ask your next contacts about "
            "these too, and make sure your resume speaks to them."
        )

    waiting = [
        c
        for c in contacts.values()
        if isinstance(c, Contact)
        and c.referred_by is not None
        and not c.archived
        and c.id is not None
        and c.id not in contacted
    ]
    if waiting:
        fit_by_org = {org_key(_one_line(label)): mean(values) for label, values in orgs}
        waiting.sort(
            key=lambda c: (-fit_by_org.get(org_key(c.organization), 0.0), fold(c.full_name))
        )
        for c in waiting[: max(0, max_referrals)]:
            referrer = contacts.get(c.referred_by)
            by = _real_name(referrer) if isinstance(referrer, Contact) else ""
            where = f" at {_one_line(c.organization)}" if c.organization.strip() else ""
            tips.append(
                f"Talk to {_one_line(c.full_name, 80)}{where} next"
                + (f": {by} suggested them." if by else ": you were referred to them.")
            )
        extra = len(waiting) - max(0, max_referrals)
        if extra > 0:
            tips.append(
                f"You have {extra} more {'referral' if extra == 1 else 'referrals'} "
                "waiting in your contact list (step 2)."
            )
    return tips


def fit_chart_rows(comparison: Comparison) -> list[tuple[str, int, int]]:
    """D5: (label, role fit, organization fit) per meeting for a bar chart; 0 when not rated.

    The label is the person's name, with the organization in brackets when known.
    """
    out = []
    for row in comparison.rows:
        name = _one_line(row.get("name"), 60)
        organization = _one_line(row.get("organization"), 60)
        label = f"{name} ({organization})" if organization else name
        out.append((label, _rating(row.get("role_fit")) or 0, _rating(row.get("org_fit")) or 0))
    return out


# ----------------------------------------------------------------- reading and writing the workspace
# These only call the workspace's generic methods; every write is one transaction.
def load_debrief(ws, meeting_id: int, contact_id: int) -> Debrief:
    """The debrief of one meeting, or a new (unsaved) one."""
    rows = ws.rows("debriefs", "meeting_id = ?", (meeting_id,))
    return (
        Debrief.from_row(rows[0]) if rows else Debrief(meeting_id=meeting_id, contact_id=contact_id)
    )


def load_debriefs(ws) -> list[Debrief]:
    """Every saved debrief (for the comparison, D5)."""
    return [Debrief.from_row(r) for r in ws.rows("debriefs")]


def save_debrief(ws, debrief: Debrief) -> int:
    """Insert or update a debrief; returns its id (set on the object too)."""
    if debrief.id is None:
        debrief.id = ws.write(inserts={"debriefs": [debrief.to_row()]})["debriefs"][0]
    else:
        ws.write(updates={"debriefs": [(debrief.id, debrief.to_row())]})
    return debrief.id


def load_action_items(ws, contact_id: int | None = None) -> list[ActionItem]:
    """Action items (of one contact, or all), oldest first."""
    where, params = ("contact_id = ?", (contact_id,)) if contact_id is not None else ("", ())
    return [ActionItem.from_row(r) for r in ws.rows("action_items", where, params)]


def save_action_item(ws, item: ActionItem) -> int:
    """Insert or update an action item; returns its id."""
    if item.id is None:
        item.id = ws.write(inserts={"action_items": [item.to_row()]})["action_items"][0]
    else:
        ws.write(updates={"action_items": [(item.id, item.to_row())]})
    return item.id


def record_referral(ws, referral: Referral, referrer: Contact):
    """D3 as one action: the person they suggested joins the target list as a warm contact
    "referred by" them, or, if already there, gets the referrer noted; in one transaction.
    Returns the import report (``targets.ImportReport``); ValueError for a nameless referral."""
    from . import imports, targets  # lazy: step 2's import code loads only when a referral is added

    plan = referral_contacts([referral], referrer)
    if not plan.contacts:
        raise ValueError("Give the person a name first.")
    with ws.transaction():
        existing = targets.load_contacts(ws)
        merge = record_referrer(imports.plan_merge(existing, plan), existing, referrer)
        return targets.apply_merge(ws, merge, existing)
