"""Q1, the question bank: about a hundred questions in the workbook's own words
(``templates/question_bank.json``), each tagged by theme (set A, set B and TIARA), by the
objectives it serves (O1), by the seniority it suits (T3) and by the minutes it takes.

The shipped file is read once, on first use, and checked (``validate_bank``): a damaged bank
is reported, never half-used. The file is English, the source; ``load_bank`` gives each text in
the language in use (its Spanish and Chinese are in the ``steps34`` catalogs, one entry per
question, msgid the English text; tests/test_i18n_steps34.py checks that none is missing).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .i18n import LANGUAGES, N_, _, language, translate
from .records import KINDS, SENIORITIES
from .text import fold

THEMES: dict[str, str] = {
    # set A
    "showing_interest": N_("Showing interest: their story and work"),
    "job_fit": N_("Job fit: what it takes"),
    "inside_edge": N_("Inside view: what insiders know"),
    "gaining_advocates": N_("Building relationships"),
    # set B
    "position_career": N_("The position and career path"),
    "organization_industry": N_("The organization and industry"),
    "next_steps": N_("Next steps"),
    # TIARA
    "trends": N_("Trends"),
    "insights": N_("Insights"),
    "advice": N_("Advice"),
    "resources": N_("Resources"),
    "assignments": N_("Things to try"),
    # Q4
    "closing": N_("Closing ask"),
}


THEME_SETS: dict[str, tuple[str, ...]] = {
    "Showing interest / job fit / inside edge / advocates": (
        "showing_interest",
        "job_fit",
        "inside_edge",
        "gaining_advocates",
    ),
    "Position and organization": ("position_career", "organization_industry", "next_steps"),
    "TIARA": ("trends", "insights", "advice", "resources", "assignments"),
}


# Q2: the order proposals visit the themes. A conversation opens with their story and their
# job, moves to fit and the organization, then the TIARA lens; "next steps" comes last before
# the closing ask.
THEME_ORDER: tuple[str, ...] = (
    "showing_interest",
    "position_career",
    "job_fit",
    "organization_industry",
    "inside_edge",
    "trends",
    "insights",
    "advice",
    "resources",
    "assignments",
    "gaining_advocates",
    "next_steps",
)


CLOSING_MINUTES = 3  # Q4: time kept for the closing ask and the thank-you
MIN_QUESTIONS = 70  # Q1: a bank large enough to tailor from


MIN_CLOSING = 3  # Q4: people to talk to, may I follow up, LinkedIn if it went well


MIN_PER_THEME = 3  # Q1: every theme is covered by several questions


MINUTES_RANGE = (2, 5)  # Q2: a few minutes per question, follow-ups included


_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


_FIELDS = ("id", "text", "themes", "objectives", "seniority", "minutes")


@dataclass(frozen=True)
class Question:
    """One question: its main theme is the first of ``themes``; ``minutes`` include follow-ups."""

    id: str
    text: str
    themes: tuple[str, ...]
    objectives: tuple[str, ...]
    seniority: tuple[str, ...]
    minutes: int

    @property
    def theme(self) -> str:
        """The main theme (the first one), or "" for an untagged question of the user's own."""
        return self.themes[0] if self.themes else ""

    @property
    def closing(self) -> bool:
        """Whether this is one of the Q4 asks kept for the end of the meeting."""
        return "closing" in self.themes


_BANK_PATH = Path(__file__).resolve().parent / "templates" / "question_bank.json"


def _question_list(raw) -> list | None:
    """The list of entries from the file's shape ({"questions": [...]}) or a bare list."""
    if isinstance(raw, dict):
        raw = raw.get("questions")
    return raw if isinstance(raw, list) else None


@lru_cache(maxsize=1)
def _bank() -> tuple[Question, ...]:
    """Read and validate the shipped bank once (lazily: nothing is read at import time)."""
    raw = json.loads(_BANK_PATH.read_text(encoding="utf-8"))
    problems = validate_bank(raw)
    if problems:  # a broken bank is a packaging bug; the tests catch it before users do
        raise ValueError("The question bank is not valid: " + "; ".join(problems[:5]))
    return tuple(
        Question(
            e["id"],
            e["text"],
            tuple(e["themes"]),
            tuple(e["objectives"]),
            tuple(e["seniority"]),
            e["minutes"],
        )
        for e in _question_list(raw)
    )


def load_bank() -> list[Question]:
    """Q1: the shipped question bank, in file order, in the language in use.

    Read once and cached; a fresh list each call. The file is English (the source); each
    question's text is shown through ``_()`` (its Spanish and Chinese are in the ``steps34``
    catalogs), so what is proposed, and stored when chosen, is the text the participant reads.
    Ids, themes and minutes never change with the language.
    """
    bank, code = _bank(), language()
    return list(bank if code == "en" else _translated(code, bank))


@lru_cache(maxsize=8)
def _translated(code: str, bank: tuple[Question, ...]) -> tuple[Question, ...]:
    """``bank`` with its texts in ``code``, made once per language."""
    return tuple(replace(q, text=translate(code, q.text)) for q in bank)


def english_bank() -> list[Question]:
    """Q1: the shipped bank as written (English), whatever the language in use."""
    return list(_bank())


def bank_texts(qid: str) -> frozenset[str]:
    """Every text the bank gives question ``qid`` (English, Spanish, Chinese), spaces folded;
    empty for an id the bank doesn't have. A stored text among these was picked unedited."""
    return _bank_texts(_bank()).get(qid, frozenset())


def unedited(qid: str, text: str) -> bool:
    """True when ``text`` is the bank's own text for ``qid`` in one of the languages."""
    return isinstance(qid, str) and " ".join(str(text).split()) in bank_texts(qid)


def shown_text(qid: str, text: str) -> str:
    """A stored question's text as shown now: a bank question picked unedited (its text is the
    bank's in any language) in the language in use; an edited or own one as typed."""
    if unedited(qid, text):
        for q in _bank():
            if q.id == qid:
                return question_text(q.text)
    return text


@lru_cache(maxsize=2)
def _bank_texts(bank: tuple[Question, ...]) -> dict[str, frozenset[str]]:
    return {
        q.id: frozenset(" ".join(translate(code, q.text).split()) for code in LANGUAGES)
        for q in bank
    }


def question_text(english: str) -> str:
    """A bank question's text in the language in use (the English text when it has none)."""
    return _(english)


def theme_label(theme: str) -> str:
    """A theme's name in the language in use (``THEMES``), or the key when it is unknown."""
    return _(THEMES[theme]) if theme in THEMES else theme


def validate_bank(raw) -> list[str]:
    """Q1, Q2, Q4: every problem in a question bank, in plain words (an empty list means valid).

    Checks each entry's fields (a slug id, text, at least one known theme, objectives from O1,
    seniorities from T3, 2-5 minutes), duplicate ids and duplicate texts (ignoring case and
    spaces), the size of the bank, the number of closing questions (Q4) and that every theme has
    several questions. Accepts the file's shape ``{"questions": [...]}`` or the bare list.
    """
    entries = _question_list(raw)
    if entries is None:
        return ["The bank must be a list of questions."]
    problems: list[str] = []
    ids: dict[str, int] = {}
    texts: dict[str, int] = {}
    per_theme = dict.fromkeys(THEMES, 0)
    closing = 0
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            problems.append(f"Question {n} is not an object with fields.")
            continue
        qid = entry.get("id")
        where = f"Question {n} ({qid})" if isinstance(qid, str) and qid else f"Question {n}"
        for key in entry:
            if key not in _FIELDS:
                problems.append(f"{where}: unknown field {key!r}.")
        for key in _FIELDS:
            if key not in entry:
                problems.append(f"{where}: missing field {key!r}.")
        if "id" in entry:
            if not isinstance(qid, str) or not _ID_RE.fullmatch(qid):
                problems.append(
                    f"{where}: the id must be a slug of lower-case letters, digits and hyphens."
                )
            elif qid in ids:
                problems.append(f"{where}: duplicate id, already used by question {ids[qid]}.")
            else:
                ids[qid] = n
        text = entry.get("text")
        if "text" in entry:
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where}: the text is empty.")
            else:
                key = fold(text)
                if key in texts:
                    problems.append(f"{where}: duplicate text, same as question {texts[key]}.")
                else:
                    texts[key] = n
        for name, allowed, what in (
            ("themes", THEMES, "theme"),
            ("objectives", KINDS, "objective"),
            ("seniority", SENIORITIES, "seniority"),
        ):
            if name not in entry:
                continue
            values = entry[name]
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                problems.append(f"{where}: {name} must be a list of names.")
                continue
            if not values:
                problems.append(f"{where}: no {what} (each question needs at least one).")
            for value in values:
                if value not in allowed:
                    problems.append(f"{where}: unknown {what} {value!r}.")
            if len(set(values)) != len(values):
                problems.append(f"{where}: a {what} is listed twice.")
            if name == "themes":
                for value in set(values) & set(THEMES):
                    per_theme[value] += 1
        minutes = entry.get("minutes")
        if "minutes" in entry:
            low, high = MINUTES_RANGE
            if (
                isinstance(minutes, bool)
                or not isinstance(minutes, int)
                or not low <= minutes <= high
            ):
                problems.append(f"{where}: minutes must be a whole number from {low} to {high}.")
            elif (
                isinstance(entry.get("themes"), list)
                and "closing" in entry["themes"]
                and minutes > CLOSING_MINUTES
            ):
                problems.append(
                    f"{where}: a closing question must fit in the {CLOSING_MINUTES} "
                    "minutes kept for closing."
                )
        if isinstance(entry.get("themes"), list) and "closing" in entry["themes"]:
            closing += 1
    if len(entries) < MIN_QUESTIONS:
        problems.append(
            f"The bank has {len(entries)} questions; it needs at least {MIN_QUESTIONS}."
        )
    if closing < MIN_CLOSING:
        problems.append(
            f"The bank has {closing} closing questions; it needs at least {MIN_CLOSING}."
        )
    for theme, count in per_theme.items():
        if count < MIN_PER_THEME:
            problems.append(
                f"The theme {theme!r} has {count} questions; it needs at least {MIN_PER_THEME}."
            )
    return problems
