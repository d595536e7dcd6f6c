"""Step 5 of the workbook: write down what you learned, reflect, and plan what comes next.

Right after a meeting memory fades fast, so this step captures it while it is fresh and turns
it into things the rest of the workbook can use (docs/method.md D1-D5):

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
from collections.abc import Mapping
from dataclasses import dataclass, field

from .i18n import N_, _
from .records import (
    ERROR,
    INFO,
    Finding,
    row_value,
)
from .safe import one_line as _one_line
from .safe import plain_text as _text
from .safe import whole_number as _whole
from .text import STOP_WORDS

__all__ = [
    "REFLECTION_QUESTIONS",
    "RATING_RANGE",
    "STOP_WORDS",
    "Debrief",
    "question_texts",
    "answer_for",
    "insight_choices",
    "check_debrief",
]

# D2: the reflection after each meeting, as (key, question). The keys are stored in the
# ``debriefs.reflection`` JSON object, so they never change; the wording may.
REFLECTION_QUESTIONS: list[tuple[str, str]] = [
    (
        "field",
        N_("After this conversation, does this field still feel like yours? Why, or why not?"),
    ),
    ("open_questions", N_("What do you still want to find out, and who might know?")),
    ("employer", N_("What did you notice about what you want, or don't want, in an employer?")),
    ("learned", N_("What is the most useful thing you learned?")),
    ("network", N_("Did your network grow: did they name people, groups or events to look into?")),
    ("strengths", N_("Where do you already measure up, and where would you need to grow?")),
]
RATING_RANGE = (1, 5)  # D2/D5: role fit and organization fit, 1 (poor) to 5 (great)

_MAX_ONE_LINE = 200
# ----------------------------------------------------------------- small helpers


def fit_rating(value) -> int | None:
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
            meeting_id=_whole(row_value(row, "meeting_id")) or 0,
            contact_id=_whole(row_value(row, "contact_id")) or 0,
            answers=_load_object(row_value(row, "answers")),
            insights=_text(row_value(row, "insights")),
            surprises=_text(row_value(row, "surprises")),
            reflection=_load_object(row_value(row, "reflection")),
            role_fit=_whole(row_value(row, "role_fit")),
            org_fit=_whole(row_value(row, "org_fit")),
            next_changes=_text(row_value(row, "next_changes")),
            id=_whole(row_value(row, "id")),
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
                    INFO,
                    _(
                        "No notes for this question yet. Write down what they said while "
                        "you still remember it, even a few words."
                    ),
                    _one_line(question, 80),
                    _("Jot down their answer, or 'not asked' if you ran out of time."),
                )
            )
    if not _text(debrief.insights).strip():
        found.append(
            Finding(
                "D1",
                INFO,
                _(
                    "Write down your main insights: what you learned that you couldn't "
                    "have found online."
                ),
                fix=_("Two or three sentences are enough."),
            )
        )
    reflection = debrief.reflection if isinstance(debrief.reflection, Mapping) else {}
    if not any(_text(reflection.get(key)).strip() for key, _question in REFLECTION_QUESTIONS):
        found.append(
            Finding(
                "D2",
                INFO,
                _(
                    "Take a few minutes to reflect on the meeting: it is how each "
                    "conversation changes your next step."
                ),
                fix=_("Answer one or two of the reflection questions."),
            )
        )
    # One whole sentence per rating (word order differs between languages).
    wording = {
        "role_fit": (
            N_(
                "Rate how well the role fits you, from 1 to 5, so you can compare "
                "your meetings side by side."
            ),
            N_("The rating for the role must be a whole number from 1 to 5."),
        ),
        "org_fit": (
            N_(
                "Rate how well the organization fits you, from 1 to 5, so you can compare "
                "your meetings side by side."
            ),
            N_("The rating for the organization must be a whole number from 1 to 5."),
        ),
    }
    for name, (missing, broken) in wording.items():
        value = getattr(debrief, name, None)
        if value is None or (isinstance(value, str) and not value.strip()):
            found.append(
                Finding(
                    "D2",
                    INFO,
                    _(missing),
                    fix=_("A rough rating is fine; you can change it."),
                )
            )
        elif fit_rating(value) is None:
            found.append(
                Finding(
                    "D2",
                    ERROR,
                    _(broken),
                    _one_line(value, 20),
                    _("Pick 1 (poor fit) to 5 (great fit)."),
                )
            )
    return found


# ----------------------------------------------------------------- D4 action items


# ----------------------------------------------------------------- D3 referrals


# ---------------------------------------------------------------- reading and writing the workspace
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
    debrief.id = ws.save("debriefs", debrief.id, debrief.to_row())
    return debrief.id
