"""Step 4, prepare questions: the question bank, proposals sized to the meeting, stored questions.

Why this module exists: a student walking into a first informational interview needs a short
list of good questions that suit the person and the time they were given. The rules come from
docs/method.md:

- Q1 a bank of questions written in the workbook's own words (``templates/question_bank.json``),
  tagged by theme: set A (showing interest, job fit, inside edge, gaining advocates), set B
  (position and career, organization and industry, next steps) and TIARA (trends, insights,
  advice, resources, assignments), plus the closing asks;
- Q2 proposals tailored by objective (O1), by seniority (T3) and by the agreed time;
- Q4 the closing ask, always the last question;
- Q5 etiquette, repeated on the prep sheet.

The meeting itself (R4, R8, T6, and the Q3 research) lives in ``meetings``; the printable page
in ``prep_sheet``. Pure logic over dataclasses: no widgets, no files except reading the shipped
bank (lazily, on first use, so ``import infoint.questions`` stays light).
"""

from __future__ import annotations

import json

from .goals import goal_words
from .i18n import N_, _
from .question_bank import (
    CLOSING_MINUTES,
    MINUTES_RANGE,
    THEME_ORDER,
    THEMES,
    Question,
    english_bank,
    load_bank,
    shown_text,
    unedited,
)
from .records import KINDS, SENIORITIES

__all__ = [
    "SMALL_TALK_MINUTES",
    "CUSTOM_MINUTES",
    "CLOSING_REMINDERS",
    "ETIQUETTE",
    "AFTER_THE_MEETING",
    "question_budget",
    "propose",
    "goal_questions",
    "swap",
    "fits",
    "to_entries",
    "from_entries",
    "shown_entries",
    "custom_question",
    "as_int",
    "load_custom_questions",
    "save_custom_question",
]

# ----------------------------------------------------------------- themes (Q1)


SMALL_TALK_MINUTES = 3  # Q2: time to say hello and give your pitch
CUSTOM_MINUTES = 4  # Q2: a user's own question counts like an average bank question
_PER_QUESTION = 4.5  # Q2: about four minutes per question plus a little slack for follow-ups

CLOSING_REMINDERS: tuple[str, ...] = (  # Q4; N_: shown through _() where they are read
    N_("Ask for one or two other people you could talk to."),
    N_("Ask whether you may follow up with them later."),
    N_("Only if it went well, and only if you want to: ask to connect on LinkedIn."),
    N_("Thank them for their time before the agreed time is up."),
)
ETIQUETTE: tuple[str, ...] = (  # Q5, O6
    N_("Dress one step smarter than you think they will."),
    N_(
        "Arrive a few minutes early (or join the call early) and keep to the agreed time; "
        "let them be the one to offer more."
    ),
    N_("Listen more than you talk, ask follow-up questions, and let it become a conversation."),
    N_("Offer to buy their coffee: keep it small, about $5, no alcohol or meals, and no gifts."),
    N_("Be warm but don't over-flatter, and don't criticise their work or their employer."),
    N_("Don't ask for a job. If they mention an opening, thank them and let them lead."),
)
AFTER_THE_MEETING: tuple[str, ...] = (  # D1, S1
    N_("Today: write down their answers, what surprised you, and anything they suggested you do."),
    N_("Within 48 hours: send a short, personal thank-you note."),
)


# ----------------------------------------------------------------- the bank (Q1)


# ----------------------------------------------------------------- proposals (Q2, Q4)


def as_int(value, default: int) -> int:
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
    available = as_int(minutes, 30) - SMALL_TALK_MINUTES - CLOSING_MINUTES
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
    return [q for _key, q in sorted(scored, key=lambda pair: pair[0])]


def _closing_pick(candidates: list[Question]) -> Question | None:
    """Q4: the closing ask, preferring one that asks for one or two more people to talk to."""
    closing = [q for q in candidates if q.closing]
    people = [q for q in closing if "gaining_advocates" in q.themes and "next_steps" in q.themes]
    return (people or closing or [None])[0]


def propose(
    objective,
    seniority: str,
    minutes: int,
    *,
    bank: list[Question] | None = None,
    custom: list[Question] = (),
    exclude: set[str] = frozenset(),
) -> list[Question]:
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
    pool = _ranked(
        load_bank() if bank is None else bank,
        _kinds(objective),
        _levels(seniority),
        set(exclude or ()),
    )
    custom = list(custom or ())
    left = (
        as_int(minutes, 30)
        - SMALL_TALK_MINUTES
        - CLOSING_MINUTES
        - sum(max(0, as_int(q.minutes, CUSTOM_MINUTES)) for q in custom)
    )
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


def goal_questions(
    goal: str,
    objective,
    seniority: str,
    *,
    bank: list[Question] | None = None,
    exclude: set[str] = frozenset(),
    background: frozenset[str] = frozenset(),
    limit: int = 2,
) -> list[Question]:
    """Q2 for a learning goal still open (step 5's coverage, D5.3): bank questions about it.

    A question qualifies when it shares a distinctive word with the goal (``goals.goal_words``,
    leaving out ``background``: the words of your field and roles) and suits the objective and
    the person's seniority like ``propose``'s. The rarer the shared words among the bank's
    questions, the better the match; ties go to the most tailored. Closing asks and the texts in
    ``exclude`` (questions already in the list) are left out.
    """
    wanted = set(goal_words(goal, background))
    if not wanted:
        return []
    pool = [
        q
        for q in _ranked(
            load_bank() if bank is None else bank, _kinds(objective), _levels(seniority), ()
        )
        if not q.closing
    ]
    # A goal may be written in English while the bank is shown in another language (or the
    # reverse): a question matches on its shown text or on the bank's own English text.
    source = {q.id: q.text for q in english_bank()} if bank is None else {}
    words = [
        (set(goal_words(q.text, background)) | set(goal_words(source.get(q.id, ""), background)))
        & wanted
        for q in pool
    ]
    # A word many questions share ("team") says less about the goal than a rare one ("portfolio").
    spread = {w: sum(1 for found in words if w in found) for w in wanted}
    scored = []
    for place, (q, shared) in enumerate(zip(pool, words, strict=True)):
        if shared and q.text not in exclude:
            scored.append((-sum(1 / spread[w] for w in shared), place, q))
    return [q for *_, q in sorted(scored, key=lambda row: row[:2])[: max(0, limit)]]


def swap(
    current: list[Question],
    index: int,
    objective,
    seniority: str,
    *,
    bank=None,
    exclude: set[str] = frozenset(),
) -> list[Question]:
    """Q2: replace the question at ``index`` with the best unused one of the same main theme.

    "Best" is the most tailored question (as in ``propose``), preferring one that takes no more
    time than the one it replaces, so a list that fitted still fits. Without a same-theme
    candidate any suitable question is used. Replacing the closing question picks another
    closing ask. The closing question stays last. Questions already in the list, the removed
    one and ``exclude`` (ids removed earlier) are never proposed. When nothing suitable is
    left, or ``index`` is out of range, the list comes back unchanged (same length).
    """
    items = list(current or ())
    position = as_int(index, len(items))
    if not -len(items) <= position < len(items):
        return items
    removed = items[position]
    used = {q.id for q in items if q.id} | set(exclude or ())
    pool = _ranked(
        load_bank() if bank is None else bank, _kinds(objective), _levels(seniority), used
    )
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
    length = as_int(minutes, 0)
    if length <= 0:
        return (
            False,
            _("Agree how long the meeting will be first; then the questions can be sized to it."),
        )
    items = list(questions or ())
    if not any(not q.closing for q in items):
        return False, _("Add at least one question to ask besides the closing ask.")
    used = SMALL_TALK_MINUTES + sum(max(0, as_int(q.minutes, CUSTOM_MINUTES)) for q in items)
    if not any(q.closing for q in items):
        used += CLOSING_MINUTES
    if used <= length:
        return True, _(
            "About {used} of {length} minutes, counting small talk and the closing "
            "ask, leaving time for follow-up questions."
        ).format(used=used, length=length)
    return False, _(
        "About {used} minutes of questions for a {length}-minute meeting. Remove a "
        "question or two: keeping to the agreed time shows respect for theirs, and "
        "the rest can wait for a follow-up."
    ).format(used=used, length=length)


# ----------------------------------------------------------------- stored questions


def to_entries(questions: list[Question]) -> list[dict]:
    """The ``meetings.questions`` column's form.

    ``{"id", "text", "theme"}`` per question, in order.
    """
    return [{"id": q.id, "text": q.text, "theme": q.theme} for q in questions]


def from_entries(entries, bank: list[Question] | None = None) -> list[Question]:
    """Stored entries back as Questions: bank ids take the bank's tags and minutes; the user's
    own get ``CUSTOM_MINUTES``. A bank question's text picked unedited (the bank's own text in
    any of the workbook's languages) is shown in the language in use; an edited one stays as
    typed. Anything that isn't an entry with text is skipped."""
    by_id = {q.id: q for q in (load_bank() if bank is None else bank)}
    out = []
    for entry in entries or ():
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            continue
        qid = entry.get("id") if isinstance(entry.get("id"), str) else ""
        known = by_id.get(qid)
        if known:
            out.append(
                Question(
                    known.id,
                    known.text if unedited(qid, entry["text"]) else entry["text"],
                    known.themes,
                    known.objectives,
                    known.seniority,
                    known.minutes,
                )
            )
        else:
            out.append(custom_question(entry["text"], [entry.get("theme")]))
    return out


def shown_entries(entries) -> list[dict]:
    """Stored entries (``to_entries``' form) as the prep sheet, .ics, report and write-up show
    them: each bank question picked unedited in the language in use (``shown_text``), the rest
    as typed; anything that isn't an entry with text is skipped."""
    return [
        {**e, "text": shown_text(e.get("id") if isinstance(e.get("id"), str) else "", e["text"])}
        for e in entries or ()
        if isinstance(e, dict) and isinstance(e.get("text"), str)
    ]


def custom_question(text: str, themes=(), minutes: int = CUSTOM_MINUTES) -> Question:
    """A question of the user's own (``custom_questions`` table): id "", unknown themes dropped,
    suits every objective and seniority; its minutes count toward the time like any other."""
    kept = tuple(t for t in dict.fromkeys(themes or ()) if isinstance(t, str) and t in THEMES)
    low, high = MINUTES_RANGE
    return Question(
        "",
        str(text or ""),
        kept,
        KINDS,
        SENIORITIES,
        min(max(as_int(minutes, CUSTOM_MINUTES), low), high),
    )


# ---------------------------------------------------------------- reading and writing the workspace
# These only call the workspace's generic methods; every write is one transaction.
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
        ws.write(
            inserts={
                "custom_questions": [
                    {"text": text, "themes": json.dumps(list(themes), ensure_ascii=False)}
                ]
            }
        )
