"""Step 4, prepare questions and the meeting: the question bank, proposals, checks, prep sheet.

Why this module exists: a student walking into a first informational interview needs a short
list of good questions that suit the person and the time they were given, plus the practical
details of the meeting, all on one printable page. The rules come from GUIDE.md:

- Q1 a bank of questions written in the workbook's own words (``templates/question_bank.json``),
  tagged by theme: set A (showing interest, job fit, inside edge, gaining advocates), set B
  (position and career, organization and industry, next steps) and TIARA (trends, insights,
  advice, resources, assignments), plus the closing asks;
- Q2 proposals tailored by objective (O1), by seniority (T3) and by the agreed time;
- Q3 research before the meeting and something to offer in return;
- Q4 the closing ask, always the last question;
- Q5 etiquette, repeated on the prep sheet;
- R4, R8, T6 the meeting itself: length, place, how they recognise you, which video tool.

Pure logic over dataclasses: no widgets, no files except reading the shipped bank and the
templates (both lazily, on first use, so ``import infoint.questions`` stays light). Workspace
text (names, notes, questions) is untrusted: the HTML sheet is rendered by Jinja2 with autoescape
and ``$`` kept literal, the Markdown sheet escapes every Markdown-significant character, and
``Finding.message`` never contains user text (DESIGN.md "Untrusted text").
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from .objectives import KINDS, O6_REMINDER, Finding, pitch_stats
from .pipeline import zone
from .safe import escape
from .targets import MODES, SENIORITIES

__all__ = [
    "THEMES", "THEME_SETS", "THEME_ORDER", "SMALL_TALK_MINUTES", "CLOSING_MINUTES",
    "MIN_QUESTIONS", "MIN_CLOSING", "CUSTOM_MINUTES", "MODES", "MODE_LABELS",
    "CLOSING_REMINDERS", "ETIQUETTE", "AFTER_THE_MEETING",
    "Question", "Meeting",
    "load_bank", "validate_bank", "question_budget", "propose", "swap", "fits",
    "to_entries", "from_entries", "custom_question",
    "check_meeting", "in_person_checklist", "research_checklist",
    "prep_sheet_html", "prep_sheet_markdown", "prep_sheet_filename", "meeting_ics",
]

# ----------------------------------------------------------------- themes (Q1)

THEMES: dict[str, str] = {
    # set A
    "showing_interest": "Showing interest: their story and work",
    "job_fit": "Job fit: what it takes",
    "inside_edge": "Inside view: what insiders know",
    "gaining_advocates": "Building relationships",
    # set B
    "position_career": "The position and career path",
    "organization_industry": "The organization and industry",
    "next_steps": "Next steps",
    # TIARA
    "trends": "Trends",
    "insights": "Insights",
    "advice": "Advice",
    "resources": "Resources",
    "assignments": "Things to try",
    # Q4
    "closing": "Closing ask",
}
THEME_SETS: dict[str, tuple[str, ...]] = {
    "Showing interest / job fit / inside edge / advocates":
        ("showing_interest", "job_fit", "inside_edge", "gaining_advocates"),
    "Position and organization": ("position_career", "organization_industry", "next_steps"),
    "TIARA": ("trends", "insights", "advice", "resources", "assignments"),
}
# Q2: the order proposals visit the themes. A conversation opens with their story and their
# job, moves to fit and the organization, then the TIARA lens; "next steps" comes last before
# the closing ask.
THEME_ORDER: tuple[str, ...] = (
    "showing_interest", "position_career", "job_fit", "organization_industry", "inside_edge",
    "trends", "insights", "advice", "resources", "assignments", "gaining_advocates", "next_steps",
)

SMALL_TALK_MINUTES = 3  # Q2: time to say hello and give your pitch
CLOSING_MINUTES = 3  # Q4: time kept for the closing ask and the thank-you
MIN_QUESTIONS = 70  # Q1: a bank large enough to tailor from
MIN_CLOSING = 3  # Q4: people to talk to, may I follow up, LinkedIn if it went well
MIN_PER_THEME = 3  # Q1: every theme is covered by several questions
CUSTOM_MINUTES = 4  # Q2: a user's own question counts like an average bank question
_MINUTES_RANGE = (2, 5)  # Q2: a few minutes per question, follow-ups included
_PER_QUESTION = 4.5  # Q2: about four minutes per question plus a little slack for follow-ups
_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FIELDS = ("id", "text", "themes", "objectives", "seniority", "minutes")

MODE_LABELS = {"in person": "In person", "video": "Video call", "phone": "Phone call"}

CLOSING_REMINDERS: tuple[str, ...] = (  # Q4
    "Ask for one or two other people you could talk to.",
    "Ask whether you may follow up with them later.",
    "Only if it went well, and only if you want to: ask to connect on LinkedIn.",
    "Thank them for their time before the agreed time is up.",
)
ETIQUETTE: tuple[str, ...] = (  # Q5, O6
    "Dress one step smarter than you think they will.",
    "Arrive a few minutes early (or join the call early) and keep to the agreed time; "
    "let them be the one to offer more.",
    "Listen more than you talk, ask follow-up questions, and let it become a conversation.",
    "Offer to buy their coffee: keep it small, about $5, no alcohol or meals, and no gifts.",
    "Be warm but don't over-flatter, and don't criticise their work or their employer.",
    "Don't ask for a job. If they mention an opening, thank them and let them lead.",
)
AFTER_THE_MEETING: tuple[str, ...] = (  # D1, S1
    "Today: write down their answers, what surprised you, and anything they suggested you do.",
    "Within 48 hours: send a short, personal thank-you note.",
)


# ----------------------------------------------------------------- the bank (Q1)

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
        Question(e["id"], e["text"], tuple(e["themes"]), tuple(e["objectives"]),
                 tuple(e["seniority"]), e["minutes"])
        for e in _question_list(raw))


def load_bank() -> list[Question]:
    """Q1: the shipped question bank, in file order (read once and cached; a fresh list each call)."""
    return list(_bank())


def _fold_text(text: str) -> str:
    """Case- and space-insensitive form of a question, to spot the same question twice."""
    return " ".join(text.casefold().split())


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
                problems.append(f"{where}: the id must be a slug of lower-case letters, digits "
                                "and hyphens.")
            elif qid in ids:
                problems.append(f"{where}: duplicate id, already used by question {ids[qid]}.")
            else:
                ids[qid] = n
        text = entry.get("text")
        if "text" in entry:
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where}: the text is empty.")
            else:
                key = _fold_text(text)
                if key in texts:
                    problems.append(f"{where}: duplicate text, same as question {texts[key]}.")
                else:
                    texts[key] = n
        for name, allowed, what in (("themes", THEMES, "theme"), ("objectives", KINDS, "objective"),
                                    ("seniority", SENIORITIES, "seniority")):
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
            low, high = _MINUTES_RANGE
            if isinstance(minutes, bool) or not isinstance(minutes, int) or not low <= minutes <= high:
                problems.append(f"{where}: minutes must be a whole number from {low} to {high}.")
            elif isinstance(entry.get("themes"), list) and "closing" in entry["themes"] \
                    and minutes > CLOSING_MINUTES:
                problems.append(f"{where}: a closing question must fit in the {CLOSING_MINUTES} "
                                "minutes kept for closing.")
        if isinstance(entry.get("themes"), list) and "closing" in entry["themes"]:
            closing += 1
    if len(entries) < MIN_QUESTIONS:
        problems.append(f"The bank has {len(entries)} questions; it needs at least {MIN_QUESTIONS}.")
    if closing < MIN_CLOSING:
        problems.append(f"The bank has {closing} closing questions; it needs at least {MIN_CLOSING}.")
    for theme, count in per_theme.items():
        if count < MIN_PER_THEME:
            problems.append(f"The theme {theme!r} has {count} questions; it needs at least "
                            f"{MIN_PER_THEME}.")
    return problems


# ----------------------------------------------------------------- proposals (Q2, Q4)

def _int(value, default: int) -> int:
    """A whole number from user or stored input, ``default`` when it is not one."""
    if isinstance(value, bool):
        return default
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return default


def question_budget(minutes: int) -> int:
    """Q2: how many questions (besides the closing ask) fit in a meeting of ``minutes``.

    Small talk and the closing ask are set aside first; each question then takes about four
    minutes with its follow-ups, a little more to leave slack: 15 -> 2, 20 -> 3, 30 -> 5,
    45 -> 8, 60 -> 12. Never below one, so even a short call has a real question.
    """
    available = _int(minutes, 30) - SMALL_TALK_MINUTES - CLOSING_MINUTES
    return max(1, int(available // _PER_QUESTION))


def _kinds(objective) -> tuple[str, ...]:
    """O1 kinds from an Objective, a list of kinds or a single kind; none means all of them."""
    value = getattr(objective, "kinds", objective)
    if isinstance(value, str):
        value = [value]
    try:
        chosen = tuple(k for k in KINDS if k in set(value or ()))
    except TypeError:
        chosen = ()
    return chosen or KINDS


def _levels(seniority) -> tuple[str, ...]:
    """T3 seniority as a filter; unknown or empty matches everyone (the user hasn't said)."""
    return (seniority,) if seniority in SENIORITIES else SENIORITIES


def _ranked(bank, kinds, levels, exclude) -> list[Question]:
    """Q2: questions that suit the objective (any kind) and seniority, most tailored first.

    Most tailored means: matching more of the chosen kinds, then carrying fewer other kinds,
    then written for fewer seniority levels; ties keep the bank's order, so the result is
    deterministic.
    """
    scored = []
    for index, q in enumerate(bank):
        if q.id in exclude or not any(lv in q.seniority for lv in levels):
            continue
        matched = sum(1 for k in kinds if k in q.objectives)
        if matched:
            scored.append(((-matched, len(q.objectives) - matched, len(q.seniority), index), q))
    return [q for _, q in sorted(scored, key=lambda pair: pair[0])]


def _closing_pick(candidates: list[Question]) -> Question | None:
    """Q4: the closing ask, preferring one that asks for one or two more people to talk to."""
    closing = [q for q in candidates if q.closing]
    people = [q for q in closing if "gaining_advocates" in q.themes and "next_steps" in q.themes]
    return (people or closing or [None])[0]


def propose(objective, seniority: str, minutes: int, *, bank: list[Question] | None = None,
            custom: list[Question] = (), exclude: set[str] = frozenset()) -> list[Question]:
    """Q2, Q4: a tailored list of bank questions for one meeting, ending with the closing ask.

    Questions suit the objective's kinds (any; none chosen means all) and the person's
    seniority (unknown means all). They fit the time: their minutes add up to at most
    ``minutes`` minus small talk and closing, and there are at most ``question_budget`` of them.
    The user's own questions in ``custom`` are not returned (the caller adds them) but use up
    time and places first. Themes are visited round-robin in ``THEME_ORDER`` (their story and
    their job first), so the same theme never comes twice in a row unless nothing else is
    left. Exactly one closing question comes last, one that asks for one or two more people to
    talk to when the bank has one. ``exclude`` drops ids (a swap proposes again without the
    removed question). Same inputs, same list.
    """
    pool = _ranked(load_bank() if bank is None else bank, _kinds(objective), _levels(seniority),
                   set(exclude or ()))
    custom = list(custom or ())
    left = (_int(minutes, 30) - SMALL_TALK_MINUTES - CLOSING_MINUTES
            - sum(max(0, _int(q.minutes, CUSTOM_MINUTES)) for q in custom))
    count = question_budget(minutes) - len(custom)
    queues: dict[str, list[Question]] = {theme: [] for theme in THEME_ORDER}
    for q in pool:
        if not q.closing:
            queues.setdefault(q.theme, []).append(q)
    # One question per theme per round: a theme can only follow itself when it is the only
    # one with a question left that fits the time.
    order = list(queues)
    chosen: list[Question] = []
    progress = True
    while count > 0 and progress:
        progress = False
        for theme in order:
            if count <= 0:
                break
            pick = next((q for q in queues[theme] if q.minutes <= left), None)
            if pick is None:
                continue
            queues[theme].remove(pick)
            chosen.append(pick)
            left -= pick.minutes
            count -= 1
            progress = True
    closing = _closing_pick(pool)
    return chosen + ([closing] if closing else [])


def swap(current: list[Question], index: int, objective, seniority: str, *, bank=None,
         exclude: set[str] = frozenset()) -> list[Question]:
    """Q2: replace the question at ``index`` with the best unused one of the same main theme.

    "Best" is the most tailored question (as in ``propose``), preferring one that takes no more
    time than the one it replaces, so a list that fitted still fits. Without a same-theme
    candidate any suitable question is used. Replacing the closing question picks another
    closing ask. The closing question stays last. Questions already in the list, the removed
    one and ``exclude`` (ids removed earlier) are never proposed. When nothing suitable is
    left, or ``index`` is out of range, the list comes back unchanged (same length).
    """
    items = list(current or ())
    position = _int(index, len(items))
    if not -len(items) <= position < len(items):
        return items
    removed = items[position]
    used = {q.id for q in items if q.id} | set(exclude or ())
    pool = _ranked(load_bank() if bank is None else bank, _kinds(objective), _levels(seniority), used)
    if removed.closing:
        replacement = _closing_pick(pool)
    else:
        candidates = [q for q in pool if not q.closing]
        same = [q for q in candidates if q.theme == removed.theme] or candidates
        shorter = [q for q in same if q.minutes <= removed.minutes]
        replacement = (shorter or same or [None])[0]
    if replacement is None:
        return items
    items[position] = replacement
    # Q4: the closing ask stays at the end, whatever was swapped
    return [q for q in items if not q.closing] + [q for q in items if q.closing]


def fits(questions: list[Question], minutes: int) -> tuple[bool, str]:
    """Q2, Q5: whether the questions fit the agreed time, with one plain sentence saying why.

    Counted: small talk, each question's minutes (follow-ups included) and the closing ask
    (its time is kept even when no closing question is listed). Keeping to the agreed time is
    part of the etiquette (Q5): the other person may offer more, you don't take it.
    """
    length = _int(minutes, 0)
    if length <= 0:
        return False, "Agree how long the meeting will be first; then the questions can be sized to it."
    items = list(questions or ())
    if not any(not q.closing for q in items):
        return False, "Add at least one question to ask besides the closing ask."
    used = SMALL_TALK_MINUTES + sum(max(0, _int(q.minutes, CUSTOM_MINUTES)) for q in items)
    if not any(q.closing for q in items):
        used += CLOSING_MINUTES
    if used <= length:
        return True, (f"About {used} of {length} minutes, counting small talk and the closing "
                      "ask, leaving time for follow-up questions.")
    return False, (f"About {used} minutes of questions for a {length}-minute meeting. Remove a "
                   "question or two: keeping to the agreed time shows respect for theirs, and "
                   "the rest can wait for a follow-up.")


# ----------------------------------------------------------------- stored questions

def to_entries(questions: list[Question]) -> list[dict]:
    """The ``meetings.questions`` column's form: ``{"id", "text", "theme"}`` per question, in order."""
    return [{"id": q.id, "text": q.text, "theme": q.theme} for q in questions]


def from_entries(entries, bank: list[Question] | None = None) -> list[Question]:
    """Stored entries back as Questions: bank ids take the bank's tags and minutes (the text
    stays as stored, in case the user edited it); the user's own get ``CUSTOM_MINUTES``.
    Anything that isn't an entry with text is skipped."""
    by_id = {q.id: q for q in (load_bank() if bank is None else bank)}
    out = []
    for entry in entries or ():
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            continue
        qid = entry.get("id") if isinstance(entry.get("id"), str) else ""
        known = by_id.get(qid)
        if known:
            out.append(Question(known.id, entry["text"], known.themes, known.objectives,
                                known.seniority, known.minutes))
        else:
            out.append(custom_question(entry["text"], [entry.get("theme")]))
    return out


def custom_question(text: str, themes=(), minutes: int = CUSTOM_MINUTES) -> Question:
    """A question of the user's own (``custom_questions`` table): id "", unknown themes dropped,
    suits every objective and seniority; its minutes count toward the time like any other."""
    kept = tuple(t for t in dict.fromkeys(themes or ()) if isinstance(t, str) and t in THEMES)
    low, high = _MINUTES_RANGE
    return Question("", str(text or ""), kept, KINDS, SENIORITIES,
                    min(max(_int(minutes, CUSTOM_MINUTES), low), high))


# ----------------------------------------------------------------- the meeting (R4, R8, T6)

def _load(value, kind, default):
    """Decode a JSON column into ``kind``; anything else (bad JSON, wrong shape) gives ``default``."""
    if isinstance(value, (str, bytes, bytearray)):
        try:
            value = json.loads(value)
        except (ValueError, TypeError, RecursionError):
            return default
    return value if isinstance(value, kind) else default


def _flags(value) -> dict[str, bool]:
    """A checklist column: key -> ticked, keeping only string keys with yes/no values."""
    raw = _load(value, dict, {})
    return {k: bool(v) for k, v in raw.items()
            if isinstance(k, str) and (isinstance(v, bool) or v in (0, 1))}


def _entries(value) -> list[dict]:
    """A questions column: entries with text, each with string id, text and theme."""
    out = []
    for item in _load(value, list, []):
        if isinstance(item, dict) and isinstance(item.get("text"), str):
            out.append({key: item.get(key) if isinstance(item.get(key), str) else ""
                        for key in ("id", "text", "theme")})
    return out


def _str(value) -> str:
    return "" if value is None else value if isinstance(value, str) else str(value)


@dataclass
class Meeting:
    """One agreed meeting (R8): when, how long, where or how, and what you prepared for it."""

    contact_id: int
    starts_at: str = ""  # ISO 8601 with offset
    minutes: int = 30  # R4: 20-30 minutes is the usual ask
    mode: str = "video"  # one of MODES
    place: str = ""  # in person: the address; video: the link or tool; phone: the number
    their_workplace: bool = False  # R8: they offered to meet at their workplace
    recognise: str = ""  # R8: how they will recognise you
    checklist: dict[str, bool] = field(default_factory=dict)  # in_person_checklist keys
    research: dict[str, bool] = field(default_factory=dict)  # research_checklist keys
    notes: str = ""  # Q3: what you found out beforehand
    offer: str = ""  # Q3: something to offer in return
    questions: list[dict] = field(default_factory=list)  # to_entries() form, in order
    cancelled: bool = False
    id: int | None = None

    def to_row(self) -> dict:
        """The ``meetings`` table's columns (without id and timestamps), JSON with accents kept."""
        dump = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731
        return {
            "contact_id": _int(self.contact_id, 0),
            "starts_at": _str(self.starts_at),
            "minutes": _int(self.minutes, 30),
            "mode": _str(self.mode),
            "place": _str(self.place),
            "their_workplace": int(bool(self.their_workplace)),
            "recognise": _str(self.recognise),
            "checklist": dump(_flags(self.checklist)),
            "research": dump(_flags(self.research)),
            "notes": _str(self.notes),
            "offer": _str(self.offer),
            "questions": dump(_entries(self.questions)),
            "cancelled": int(bool(self.cancelled)),
        }

    @classmethod
    def from_row(cls, row) -> "Meeting":
        """Inverse of ``to_row``; never raises: a damaged column falls back to its default."""
        def get(key):
            try:
                return row[key] if row is not None and key in row.keys() else None
            except (KeyError, IndexError, TypeError, AttributeError):
                return None

        mode = get("mode")
        row_id = get("id")
        return cls(
            contact_id=_int(get("contact_id"), 0),
            starts_at=_str(get("starts_at")),
            minutes=_int(get("minutes"), 30),
            mode=mode if mode in MODES else "video",
            place=_str(get("place")),
            their_workplace=bool(_int(get("their_workplace"), 0)),
            recognise=_str(get("recognise")),
            checklist=_flags(get("checklist")),
            research=_flags(get("research")),
            notes=_str(get("notes")),
            offer=_str(get("offer")),
            questions=_entries(get("questions")),
            cancelled=bool(_int(get("cancelled"), 0)),
            id=None if row_id is None else _int(row_id, None),
        )


def _start(value, tz: str) -> datetime | None:
    """``starts_at`` as an aware datetime in ``tz`` (a time without offset is read in ``tz``)."""
    text = _str(value).strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    local = zone(tz)
    if parsed.tzinfo is None or parsed.tzinfo.utcoffset(parsed) is None:
        parsed = parsed.replace(tzinfo=local)
    try:
        return parsed.astimezone(local)
    except (OverflowError, ValueError):
        return None


_SOCIAL_RE = re.compile(r"\b(?:whats\s?app|wa\.me|facebook|fb\.com|messenger|instagram|snapchat"
                        r"|tiktok)\b", re.I)
_VIDEO_TOOL_RE = re.compile(r"\b(?:zoom|teams|google\s+meet|meet|webex|skype|jitsi|whereby|facetime"
                            r"|gotomeeting|go\s?to\s?meeting|bluejeans|signal|duo|chime)\b", re.I)
_LINK_RE = re.compile(r"(?:https?://|www\.|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|us|me|ca|co|"
                      r"app|edu|gov|uk|de|fr|eu|ly|gl)\b)", re.I)
_HOME_RE = re.compile(r"\b(?:home|house|apartment|apt|flat|condo|residence|dorm|my place|"
                      r"their place|his place|her place|bedroom)\b", re.I)
_WORKPLACE_RE = re.compile(r"\b(?:office|offices|workplace|headquarters|hq|reception|suite|"
                           r"their work)\b", re.I)
_ALCOHOL_MEAL_RE = re.compile(r"\b(?:bar|pub|brewery|brewpub|winery|wine|cocktails?|happy hour|"
                              r"lunch|dinner|brunch)\b", re.I)


def check_meeting(meeting: Meeting, tz: str, now: datetime) -> list[Finding]:
    """R4, R8, T6 (and Q5): what to fix before the meeting, in plain words; never raises.

    R8: a start time is needed (a warning once it is in the past) and a way to meet in a known
    mode. In person means a neutral public place such as a coffee shop unless they offered
    their workplace, and telling them how to recognise you; a video call needs the link or at
    least the tool; a phone call needs the number. R4: 15 to 30 minutes is the polite ask; more
    than 30 is a lot to ask of a stranger (a warning: fine if they offered), and under 10 or
    over 120 is an error. T6: video tools tied to social networks share your personal account,
    so suggest another. Q5: a bar or a meal is not the place for a first conversation. A
    cancelled meeting needs nothing. ``now`` should be aware (a naive one is read as UTC).
    """
    if not isinstance(meeting, Meeting) or meeting.cancelled:
        return []
    found: list[Finding] = []
    now = now if isinstance(now, datetime) else datetime.now(timezone.utc)
    now = now if now.tzinfo is not None else now.replace(tzinfo=timezone.utc)
    add = lambda rule, severity, message, subject="", fix="": found.append(  # noqa: E731
        Finding(rule, severity, message, _clip(subject), fix))

    # R8: when
    start = _start(meeting.starts_at, tz)
    if not _str(meeting.starts_at).strip():
        add("R8", "error", "Enter the date and time you agreed on.",
            fix="Pick the time that suits them best; be flexible, even outside business hours.")
    elif start is None:
        add("R8", "error", "This date and time can't be read.", meeting.starts_at,
            "Pick the date and time again.")
    elif start <= now:
        add("R8", "warning", "This time is in the past.",
            fix="If the meeting happened, record it in step 5; otherwise enter the new time.")

    # R4: how long
    length = _int(meeting.minutes, 0)
    if not 10 <= length <= 120:
        add("R4", "error", "A meeting lasts between 10 and 120 minutes.", str(meeting.minutes),
            "Enter the length you agreed on; 20 to 30 minutes is the usual ask.")
    elif length < 15:
        add("R4", "warning", "Under 15 minutes leaves time for only one or two questions.",
            fix="If you can, ask for 20 minutes; otherwise pick your two most important questions.")
    elif length > 30:
        add("R4", "warning", "More than 30 minutes, and an hour especially, is a lot to ask of "
            "someone who is doing you a favour.",
            fix="Fine if they offered the time. Otherwise ask for 20 to 30 minutes.")

    # R8, T6: where and how
    mode = meeting.mode
    place = _str(meeting.place).strip()
    if mode not in MODES:
        add("R8", "error", "Choose how you will meet: in person, video call or phone call.",
            _str(mode))
    elif mode == "in person":
        if not place:
            add("R8", "error", "Enter where you will meet.",
                fix="A neutral public place such as a quiet coffee shop, unless they offered "
                    "their workplace.")
        elif _HOME_RE.search(place):
            add("R8", "warning", "This sounds like someone's home. Meet in a neutral public place.",
                place, "Suggest a quiet coffee shop or a library near them.")
        elif _WORKPLACE_RE.search(place) and not meeting.their_workplace:
            add("R8", "warning", "This sounds like their workplace. Meet there only if they "
                "offered it; otherwise a neutral public place is better.", place,
                "If they offered, tick 'They offered their workplace'; if not, suggest a coffee "
                "shop near them.")
        if place and _ALCOHOL_MEAL_RE.search(place):
            add("Q5", "warning", "A bar or a meal is not the right setting for a first "
                "conversation: keep it to a coffee (about $5, you offer to pay).", place,
                "Suggest a coffee shop instead.")
        if meeting.their_workplace:
            add("R8", "info", "Their building may ask for photo ID at reception.",
                fix="Bring photo ID and arrive ten minutes early to sign in.")
        if not _str(meeting.recognise).strip():
            add("R8", "warning", "Tell them how they will recognise you.",
                fix="For example what you will wear, or that you will be at a table near the door.")
    elif mode == "video":
        if not place:
            add("R8", "error", "Enter the link of the video call, or at least which tool you will use.",
                fix="Paste the meeting link when you have it.")
        elif not (_LINK_RE.search(place) or _VIDEO_TOOL_RE.search(place) or _SOCIAL_RE.search(place)):
            add("R8", "warning", "This doesn't look like a meeting link or the name of a video tool.",
                place, "Paste the link, or write the tool, such as Zoom, Teams or Google Meet.")
    elif mode == "phone":
        if not place:
            add("R8", "error", "Enter the phone number for the call.",
                fix="Their number, or yours if they are calling you; note who calls whom.")
        elif sum(ch.isdigit() for ch in place) < 7:
            add("R8", "warning", "This doesn't look like a phone number.", place,
                "Write the full number, with the area code.")
    if mode in ("video", "phone") and _SOCIAL_RE.search(place):
        add("T6", "warning", "This tool is tied to a social network: it shares your personal "
            "account, and often your phone number or photos, with someone you are meeting "
            "professionally.", place,
            "Suggest a work tool such as Zoom, Teams or Google Meet, or a plain phone call.")
    return found


def _clip(value, limit: int = 80) -> str:
    """Shorten user text for ``Finding.subject`` so a huge paste stays readable."""
    text = " ".join(_str(value)[: 4 * limit].split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def in_person_checklist(meeting: Meeting) -> list[tuple[str, str]]:
    """R8, Q3, Q5: what to do on the day, as (stable key, plain text); ticks live in ``checklist``.

    In person: a neutral public place unless they offered their workplace, how they will
    recognise you, photo ID if their building needs it, arriving early, offering to pay for a
    small coffee (about $5, no alcohol or meals), no gifts, a resume you don't lead with,
    professional clothes and keeping to the agreed time. Video and phone calls get a shorter
    list: test the link or line, a quiet place, their number in case the link fails, the time.
    """
    mode = getattr(meeting, "mode", "video")
    if mode == "in person":
        where = ("Meeting at their workplace (they offered it): check the address and the entrance."
                 if getattr(meeting, "their_workplace", False) else
                 "Meet in a neutral public place, such as a quiet coffee shop.")
        return [
            ("place", where),
            ("recognise", "Tell them how they will recognise you (what you'll wear, where you'll sit)."),
            ("photo_id", "Bring photo ID in case their building asks for it at reception."),
            ("arrive_early", "Arrive ten minutes early."),
            ("coffee", "Offer to buy their coffee: keep it small, about $5; no alcohol or meals."),
            ("no_gifts", "No gifts: your thanks and a follow-up note are enough."),
            ("resume", "Bring a copy of your resume, but don't lead with it; share it only if asked."),
            ("dress", "Dress professionally, a little smarter than everyday."),
            ("keep_time", "Keep to the agreed time; let them offer more if they want to."),
        ]
    items = [
        ("test_link", "Test the link, your camera and your sound beforehand."
         if mode == "video" else "Check your phone is charged and has a good signal."),
        ("quiet_place", "Find a quiet place where you won't be interrupted."),
        ("their_number", "Have their number at hand in case the link fails."
         if mode == "video" else "Note who calls whom, and have their number at hand."),
        ("keep_time", "Keep to the agreed time; let them offer more if they want to."),
    ]
    return items


def _org_name(contact, organization) -> str:
    """The organization's name from the long list, else the one on the contact."""
    name = _str(getattr(organization, "name", "")).strip()
    return name or _str(getattr(contact, "organization", "")).strip()


def _person(contact) -> str:
    full = _str(getattr(contact, "full_name", "")).strip()
    return "" if full in ("", "(no name)") else full


def research_checklist(contact, organization) -> list[tuple[str, str]]:
    """Q3, O4: homework before the meeting, as (stable key, plain text); ticks live in ``research``.

    Their profile, the organization's website (named when known), recent news about the
    organization and about the industry, something to offer in return, and rehearsing your
    pitch out loud. The texts contain names from the workspace: show them escaped.
    """
    person = _person(contact)
    org = _org_name(contact, organization)
    industry = _str(getattr(organization, "industry", "")).strip()
    return [
        ("profile", f"Read {person}'s profile: their path so far and what they do now."
         if person else "Read their profile: their path so far and what they do now."),
        ("website", f"Read {org}'s website: what they do, for whom, and recent projects."
         if org else "Read the organization's website: what they do, for whom, and recent projects."),
        ("news_organization", f"Look for recent news about {org}."
         if org else "Look for recent news about the organization."),
        ("news_industry", f"Look for recent news and trends in {industry}."
         if industry else "Look for recent news and trends in the industry."),
        ("offer", "Find something to offer in return: an article, a contact, or help with something."),
        ("pitch", "Rehearse your 30-second pitch out loud."),
    ]


# ----------------------------------------------------------------- the prep sheet (Q1-Q5, R8)

_TEMPLATES = Path(__file__).resolve().parent / "templates"
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _when(meeting: Meeting, tz: str) -> str:
    """The start in the user's zone, in words that don't depend on the computer's locale."""
    start = _start(meeting.starts_at, tz)
    if start is None:
        return ""
    zone_name = _str(tz).strip() or "UTC"
    return (f"{_DAYS[start.weekday()]} {start.day} {_MONTHS[start.month - 1]} {start.year}, "
            f"{start:%H:%M} ({zone(zone_name).key})")


def _sheet(profile, contact, organization, meeting: Meeting, tz: str) -> dict:
    """Everything the two prep-sheet templates show, as plain (unescaped) values."""
    meeting = meeting if isinstance(meeting, Meeting) else Meeting(contact_id=0)
    bank = load_bank()
    questions = from_entries(meeting.questions, bank)
    entries = _entries(meeting.questions)
    pitch = _str(getattr(profile, "pitch", ""))
    asked = []
    for entry, q in zip(entries, questions):
        asked.append({"text": entry["text"], "theme": THEMES.get(entry["theme"], ""),
                      "lines": 2 if q.closing else max(2, min(5, q.minutes))})
    in_person = meeting.mode == "in person"
    return {
        "name": _person(contact) or "(no name yet)",
        "position": _str(getattr(contact, "position", "")).strip(),
        "organization": _org_name(contact, organization),
        "sender": _str(getattr(profile, "name", "")).strip(),
        "when": _when(meeting, tz) or "Not set yet",
        "minutes": _int(meeting.minutes, 30),
        "mode": MODE_LABELS.get(meeting.mode, _str(meeting.mode)),
        "place_label": {"in person": "Where", "video": "Link or tool", "phone": "Number"}.get(
            meeting.mode, "Where"),
        "place": _str(meeting.place).strip() or "Not set yet",
        "their_workplace": in_person and bool(meeting.their_workplace),
        "recognise": _str(meeting.recognise).strip() if in_person else "",
        "pitch": pitch.strip(),
        "pitch_seconds": pitch_stats(pitch).seconds,
        "questions": asked,
        "time_plan": fits(questions, meeting.minutes)[1] if questions else "",
        "on_the_day": [(text, bool(meeting.checklist.get(key)))
                       for key, text in in_person_checklist(meeting)],
        "research": [(text, bool(meeting.research.get(key)))
                     for key, text in research_checklist(contact, organization)],
        "notes": _str(meeting.notes).strip(),
        "offer": _str(meeting.offer).strip(),
        "closing": CLOSING_REMINDERS,
        "etiquette": ETIQUETTE,
        "after": AFTER_THE_MEETING,
        "reminder": O6_REMINDER,
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
# tables, strikethrough, math ($) and entities (&). Parentheses need no escape once brackets have one.
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>#|~$&])")
_MD_LIST_NUMBER = re.compile(r"^(\d+)([.)])(?=\s|$)")  # "1. " or "1) " would start a list
_MD_LINE_MARK = re.compile(r"^([-+=])(?=\s|$|[-=]*\s*$)")  # a bullet, or a heading underline
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _md_line(text: str) -> str:
    """One line of user text, shown literally by a Markdown viewer (and by Jupyter's MathJax)."""
    text = _MD_ANYWHERE.sub(r"\\\1", text.strip())
    text = _MD_LIST_NUMBER.sub(r"\1\\\2", text)
    return _MD_LINE_MARK.sub(r"\\\1", text)


def _md_inline(value) -> _Markdown:
    """User text for one line of Markdown: line breaks become spaces, every special character
    is backslash-escaped, and a leading list/heading/quote marker is neutralised."""
    text = _CONTROL_RE.sub(" ", _str(value).replace("\r\n", "\n").replace("\r", "\n"))
    return _Markdown(_md_line(" ".join(text.split())))


def _md_block(value) -> _Markdown:
    """Multi-line user text (notes, the pitch): each line escaped, kept as hard line breaks;
    leading spaces are dropped so nothing becomes a code block."""
    text = _CONTROL_RE.sub(" ", _str(value).replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_md_line(" ".join(line.split())) for line in text.split("\n")]
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
    return value if isinstance(value, _Markdown) else _md_inline(value)


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
        env.filters["block"] = _md_block
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


def _slug(text: str, limit: int = 40) -> str:
    plain = unicodedata.normalize("NFKD", _str(text)).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))[:limit].strip("-")


def prep_sheet_filename(contact, meeting: Meeting, ext: str = "html") -> str:
    """A file name every system accepts, e.g. ``prep-sheet-amara-osei-2026-03-12.html``.

    ASCII letters, digits and hyphens only; the date is the meeting's own (as entered); a
    missing name or date is left out; an odd extension becomes ``html``.
    """
    date = ""
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", _str(getattr(meeting, "starts_at", "")))
    if match:
        date = match.group(1)
    suffix = _str(ext).lower().lstrip(".")
    suffix = suffix if re.fullmatch(r"[a-z0-9]{1,8}", suffix) else "html"
    stem = "-".join(p for p in ("prep-sheet", _slug(_person(contact)), date) if p)
    return f"{stem}.{suffix}"


def meeting_ics(*, contact, organization, meeting: Meeting, tz: str) -> bytes | None:
    """R8: the meeting as an .ics file for your own calendar (``exports.ics_event``), or None
    when the start time can't be read. The same meeting always gets the same UID, so
    exporting it again after a change updates the event instead of adding a second one."""
    start = _start(meeting.starts_at, tz)
    if start is None:
        return None
    from .exports import ics_event  # the calendar library loads only when a file is made

    person = _person(contact) or "a contact"
    org = _org_name(contact, organization)
    lines = [f"{MODE_LABELS.get(meeting.mode, meeting.mode)}: {meeting.place}".strip()]
    if meeting.mode == "in person" and meeting.recognise.strip():
        lines.append(f"How they'll recognise you: {meeting.recognise.strip()}")
    lines += ["", "Questions:"] + [f"{n}. {e['text']}" for n, e in enumerate(_entries(meeting.questions), 1)]
    lines += ["", "At the end:"] + [f"- {r}" for r in CLOSING_REMINDERS]
    seed = f"meeting:{meeting.id}" if meeting.id is not None else \
        f"meeting:contact:{meeting.contact_id}:{meeting.starts_at}"
    summary = f"Informational interview with {person}" + (f" ({org})" if org else "")
    return ics_event(uid_seed=seed, summary=summary, description="\n".join(lines), start=start,
                     minutes=max(1, _int(meeting.minutes, 30)), tz=tz,
                     location=meeting.place if meeting.mode == "in person" else "")


# ----------------------------------------------------------------- reading and writing the workspace
# These only call the workspace's generic methods; every write is one transaction.
def load_meetings(ws, contact_id: int | None = None) -> list[Meeting]:
    """Meetings (of one contact, or all), oldest first; cancelled ones included."""
    where, params = ("contact_id = ?", (contact_id,)) if contact_id is not None else ("", ())
    return [Meeting.from_row(r) for r in ws.rows("meetings", where, params)]


def current_meeting(ws, contact_id: int) -> Meeting:
    """The contact's latest meeting that isn't cancelled, or a new (unsaved) one."""
    open_ones = [m for m in load_meetings(ws, contact_id) if not m.cancelled]
    return open_ones[-1] if open_ones else Meeting(contact_id=contact_id)


def save_meeting(ws, meeting: Meeting) -> int:
    """Insert or update a meeting; returns its id (set on the object too)."""
    if meeting.id is None:
        meeting.id = ws.write(inserts={"meetings": [meeting.to_row()]})["meetings"][0]
    else:
        ws.write(updates={"meetings": [(meeting.id, meeting.to_row())]})
    return meeting.id


def load_custom_questions(ws) -> list[Question]:
    """The user's own questions, kept for reuse with other people."""
    out = []
    for row in ws.rows("custom_questions"):
        try:
            themes = json.loads(row["themes"] or "[]")
        except ValueError:
            themes = []
        out.append(custom_question(row["text"], themes if isinstance(themes, list) else []))
    return out


def save_custom_question(ws, text: str, themes=()) -> None:
    """Remember one of the user's own questions (once)."""
    text = " ".join(str(text or "").split())
    if text and not ws.query("SELECT 1 FROM custom_questions WHERE text = ?", (text,)):
        ws.write(inserts={"custom_questions": [{"text": text, "themes": json.dumps(list(themes), ensure_ascii=False)}]})
