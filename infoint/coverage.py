"""Step 5, D2 and D5's "what is still open?": which of your learning goals your meetings answered.

Each concrete goal of step 1 (O2) is answered, partly answered or open, from the links you
tick in each meeting's debrief (docs/method.md D5.1-D5.5):

- D5.1 **answered**: at least one meeting's debrief is linked to the goal as answering it;
- D5.2 **partly answered**: no such link, but at least one linked as answering it in part
  (two partial answers stay partial: only you can tell whether together they answer it);
- D5.3 **open**: no meeting linked to it. Suggestions never count until you tick them;
- D5.4 a **suggestion**: a debrief not yet linked to the goal (nor marked "not about this")
  whose notes share at least ``MIN_SHARED`` distinctive words with it (``goals.goal_words``:
  folded, stemmed, stop and framing words and the words of your field and roles left out);
- D5.5 **who could answer** a goal still open: people on your target list not met yet, first
  those its topic points to (an organization it names, a role you want, the seniority Q2
  says knows it best), then by their rank in step 2.

A link names its goal by ``goals.goal_key`` (case, accents and punctuation aside) and keeps
the wording it had; a goal reworded in step 1 starts open again. Links are never deleted:
unticking one stores no extent (""), so what it was can be put back (``undo``).
Pure functions over dataclasses, then the workspace's reads and the one action that writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .debrief import Debrief, load_debriefs
from .events import met_contacts
from .goals import background_stems, goal_key, goal_list, goal_words
from .i18n import N_, _, ngettext
from .records import Contact, Objective, row_value
from .safe import plain_text as _text
from .safe import whole_number as _whole
from .text import fold, words_re

__all__ = [
    "ANSWERED",
    "PARTLY",
    "NONE",
    "OPEN",
    "EXTENTS",
    "EXTENT_LABELS",
    "STATUS_LABELS",
    "MIN_SHARED",
    "GoalLink",
    "Answer",
    "Suggestion",
    "GoalCoverage",
    "CoverageSummary",
    "Candidate",
    "note_text",
    "suggestions",
    "coverage",
    "summarize",
    "candidates",
    "load_links",
    "load_coverage",
    "coverage_summary",
    "load_candidates",
    "set_link",
]

# What your choice says about one meeting and one goal.
ANSWERED = "answered"
PARTLY = "partly"
NONE = "none"
EXTENTS = (ANSWERED, PARTLY, NONE)
EXTENT_LABELS = {
    "": N_("Not linked"),
    ANSWERED: N_("Answered"),
    PARTLY: N_("Partly"),
    NONE: N_("Not about this"),
}
OPEN = "open"
STATUS_LABELS = {ANSWERED: N_("answered"), PARTLY: N_("partly answered"), OPEN: N_("open")}
MIN_SHARED = 2  # D5.4: distinctive words a debrief must share with a goal to suggest a link
CANDIDATES = 3  # D5.5: people named per open goal
# D2: what you still want to find out says what a meeting did NOT answer, and what you will
# change next is about you: neither is evidence that the notes answer a goal.
_NOT_EVIDENCE = ("open_questions",)


# ----------------------------------------------------------------- records


@dataclass(frozen=True)
class GoalLink:
    """Your word on one meeting and one goal: answered, partly, not about this, or "" (unticked)."""

    meeting_id: int
    goal_key: str
    goal: str = ""
    extent: str = ""
    id: int | None = None

    def to_row(self) -> dict:
        """Columns of the ``goal_links`` table (an unknown extent is stored as none given)."""
        return {
            "meeting_id": _whole(self.meeting_id),
            "goal_key": _text(self.goal_key),
            "goal": _text(self.goal),
            "extent": self.extent if self.extent in EXTENTS else "",
        }

    @classmethod
    def from_row(cls, row) -> GoalLink:
        """Inverse of ``to_row``, tolerant of damaged rows."""
        extent = _text(row_value(row, "extent"))
        return cls(
            meeting_id=_whole(row_value(row, "meeting_id")) or 0,
            goal_key=_text(row_value(row, "goal_key")),
            goal=_text(row_value(row, "goal")),
            extent=extent if extent in EXTENTS else "",
            id=_whole(row_value(row, "id")),
        )


@dataclass(frozen=True)
class Answer:
    """A meeting that answered a goal (in full or in part), with whom it was."""

    meeting_id: int
    contact_id: int
    name: str
    extent: str


@dataclass(frozen=True)
class Suggestion:
    """D5.4: a debrief that may answer a goal, with the goal's words its notes share."""

    meeting_id: int
    name: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class GoalCoverage:
    """One goal of step 1 and where it stands (D5.1-D5.3), with the meetings behind it."""

    goal: str
    key: str
    status: str
    answers: tuple[Answer, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()

    @property
    def answered_by(self) -> tuple[Answer, ...]:
        """The meetings that answered it in full (D5.1)."""
        return tuple(a for a in self.answers if a.extent == ANSWERED)

    @property
    def partly_by(self) -> tuple[Answer, ...]:
        """The meetings that answered part of it (D5.2)."""
        return tuple(a for a in self.answers if a.extent == PARTLY)


@dataclass(frozen=True)
class CoverageSummary:
    """Counts of goals answered, partly answered and open (D5.1-D5.3)."""

    total: int = 0
    answered: int = 0
    partly: int = 0
    open: int = 0

    @property
    def still_open(self) -> int:
        """Goals not fully answered yet: partly answered ones and open ones."""
        return self.partly + self.open

    @property
    def line(self) -> str:
        """One plain sentence, the same on the start page, in step 1 and in the report."""
        if not self.total:
            return _("No learning goals yet: write them in step 1.")
        return ngettext(
            "{answered} of {n} learning goal answered, {partly} partly, {open} open.",
            "{answered} of {n} learning goals answered, {partly} partly, {open} open.",
            self.total,
        ).format(answered=self.answered, n=self.total, partly=self.partly, open=self.open)


@dataclass(frozen=True)
class Candidate:
    """D5.5: someone on your target list who could answer an open goal, and why."""

    contact_id: int
    name: str
    organization: str
    position: str
    why: str


# ----------------------------------------------------------------- deriving coverage


def note_text(debrief: Debrief) -> str:
    """D1, D2: what a debrief says it learned: the notes per question, insights, surprises and
    the reflection, except what you still want to find out (``_NOT_EVIDENCE``)."""
    answers = debrief.answers if isinstance(debrief.answers, Mapping) else {}
    reflection = debrief.reflection if isinstance(debrief.reflection, Mapping) else {}
    parts = [*map(_text, answers.values()), _text(debrief.insights), _text(debrief.surprises)]
    parts += [_text(v) for k, v in reflection.items() if k not in _NOT_EVIDENCE]
    return "\n".join(p for p in parts if p.strip())


def _extents(links: Iterable[GoalLink]) -> dict[tuple[int, str], str]:
    """(meeting, goal key) -> the extent you gave (the latest row wins)."""
    return {(link.meeting_id, link.goal_key): link.extent for link in links}


def suggestions(
    goals: Iterable[str],
    debriefs: Iterable[Debrief],
    links: Iterable[GoalLink] = (),
    background: frozenset[str] = frozenset(),
    names: Mapping[int, str] | None = None,
) -> dict[str, tuple[Suggestion, ...]]:
    """D5.4: goal key -> the debriefs whose notes share ``MIN_SHARED`` or more of its words.

    A debrief you already linked to the goal (any extent, "not about this" included) is not
    suggested again. The words are the goal's own, in the order the goal has them.
    """
    given = {k for k, extent in _extents(links).items() if extent}
    notes = [(d.meeting_id, goal_words(note_text(d), background)) for d in debriefs]
    out: dict[str, tuple[Suggestion, ...]] = {}
    for goal in goals:
        key, words = goal_key(goal), goal_words(goal, background)
        found = []
        for meeting_id, note in notes:
            shared = tuple(word for stem, word in words.items() if stem in note)
            if len(shared) >= MIN_SHARED and (meeting_id, key) not in given:
                found.append(Suggestion(meeting_id, (names or {}).get(meeting_id, ""), shared))
        out[key] = tuple(found)
    return out


def coverage(
    goals: Iterable[str],
    links: Iterable[GoalLink],
    people: Mapping[int, tuple[int, str]] | None = None,
    suggested: Mapping[str, tuple[Suggestion, ...]] | None = None,
) -> list[GoalCoverage]:
    """D5.1-D5.3: each goal (in step 1's order, repeats and blanks left out) with its status.

    ``people`` maps a meeting to (contact id, name); a link to a meeting it doesn't know (one
    removed with the demo) still counts, named "a meeting". ``suggested`` adds D5.4's hints.
    """
    people = people or {}
    by_goal: dict[str, list[Answer]] = {}
    for (meeting_id, key), extent in sorted(_extents(links).items()):
        if extent in (ANSWERED, PARTLY):
            contact_id, name = people.get(meeting_id, (0, _("a meeting")))
            by_goal.setdefault(key, []).append(Answer(meeting_id, contact_id, name, extent))
    out = []
    for goal in goal_list(goals):
        key = goal_key(goal)
        answers = tuple(sorted(by_goal.get(key, ()), key=lambda a: (a.extent != ANSWERED, a.name)))
        status = (
            ANSWERED if any(a.extent == ANSWERED for a in answers) else PARTLY if answers else OPEN
        )
        out.append(GoalCoverage(goal, key, status, answers, (suggested or {}).get(key, ())))
    return out


def summarize(items: Iterable[GoalCoverage]) -> CoverageSummary:
    """The counts of ``coverage``'s goals per status."""
    statuses = [item.status for item in items]
    return CoverageSummary(
        total=len(statuses),
        answered=statuses.count(ANSWERED),
        partly=statuses.count(PARTLY),
        open=statuses.count(OPEN),
    )


# ----------------------------------------------------------------- D5.5 who could answer it
# Q2: junior people know how hiring goes now; senior people know what employers look for and
# how the field changed. A goal about the day-to-day points to people in a role you want, one
# about culture or teams to people at an organization you want.
_HIRING = words_re(
    [
        r"hir\w*",
        r"recruit\w*",
        r"portfolios?",
        r"resumes?",
        r"entry[- ]level",
        r"juniors?",
        r"intern\w*",
        r"applica\w*",
        r"first job",
        r"break(?:ing)? into",
        r"contrat\w*|seleccion\w*|reclut\w*|portafolios?|curriculum|practicas|becari\w*",
    ]
)
_SENIOR_VIEW = words_re(
    [
        r"trends?",
        r"future",
        r"chang\w*",
        r"outlook",
        r"look for",
        r"employers?",
        r"stand out",
        r"strateg\w*",
        r"decisions?",
        r"tendencias?|futuro|cambi\w*|perspectivas?|empleadores?|destacar|estrategi\w*|decisiones",
    ]
)
_ROLE_TOPIC = words_re(
    [
        r"skills?",
        r"tools?",
        r"day[- ]to[- ]day",
        r"typical",
        r"daily",
        r"tasks?",
        r"methods?",
        r"responsibilit\w*",
        r"fits?",
        r"suits?",
        r"uses?",
        r"habilidades|herramientas?|dia a dia|tipic\w*|diari\w*|tareas?|metodos?|responsab\w*",
    ]
)
_ORG_TOPIC = words_re(
    [
        r"culture",
        r"teams?",
        r"managers?",
        r"management",
        r"values?",
        r"environment",
        r"structure",
        r"colleagues",
        r"cultura|equipos?|jefes?|gerentes?|direccion|valores|ambiente|entorno|estructura|companeros",
    ]
)
# The same topics in Chinese, which has no spaces to bound a word: (hiring, senior view, role, org)
_TOPICS_ZH = tuple(
    re.compile(words)
    for words in (
        "招聘|录用|求职|简历|作品集|实习|应届|入行|面试|初级",
        "趋势|未来|变化|前景|用人单位|雇主|脱颖而出|战略|决策",
        "技能|工具|日常|典型|每天|任务|方法|职责|适合",
        "文化|团队|经理|管理|价值观|环境|结构|同事",
    )
)
_PUNCT = re.compile(r"[^\w&]+")


def _fit(goal: str, a) -> tuple[float, list[str]]:
    """How well one assessed person suits a goal (D5.5), with the reasons."""
    text = fold(goal)
    spaced = f" {' '.join(_PUNCT.sub(' ', text).split())} "
    c = a.contact
    points, why = 0.0, []
    org = " ".join(_PUNCT.sub(" ", fold(c.organization)).split())
    if org and f" {org} " in spaced:
        points += 3
        why.append(
            _("works at {organization}, which this goal names").format(organization=c.organization)
        )
    hiring, senior_view, role_topic, org_topic = (t.search(text) for t in _TOPICS_ZH)
    if (_ROLE_TOPIC.search(text) or role_topic) and a.focus in ("position", "both"):
        points += 2
        why.append(_("in a role you want to learn about"))
    elif (_ORG_TOPIC.search(text) or org_topic) and a.focus in ("organization", "both"):
        points += 2
        why.append(_("at an organization you want to learn about"))
    if (_HIRING.search(text) or hiring) and a.seniority == "junior":
        points += 1
        why.append(_("junior: knows how hiring goes now"))
    elif (_SENIOR_VIEW.search(text) or senior_view) and a.seniority == "senior":
        points += 1
        why.append(_("senior: knows what employers look for"))
    return points, why


def candidates(goal: str, ranked: Iterable, met: set[int], limit: int = CANDIDATES) -> list:
    """D5.5: up to ``limit`` people on your target list, not met yet, who could answer ``goal``.

    ``ranked`` are step 2's assessments (``ranking.rank``). Those the goal's topic points to
    come first (an organization it names, a role you want for the day-to-day, an organization
    you want for culture, juniors for hiring, seniors for what employers look for); then the
    ranking's order, whose reason stands in when the topic points nowhere.
    """
    scored = []
    for a in ranked:
        c = a.contact
        if not c.target or c.archived or c.id in met:
            continue
        points, why = _fit(goal, a)
        scored.append((-points, -a.score, a.rank, a, why))
    scored.sort(key=lambda row: row[:3])
    return [
        Candidate(
            a.contact.id,
            a.contact.full_name,
            a.contact.organization,
            a.contact.position,
            _("; ").join(why) if why else a.why,
        )
        for *_rest, a, why in scored[: max(0, limit)]
    ]


# ------------------------------------------------------- reading and writing the workspace
# These only call the workspace's generic methods; every write is one transaction.


def load_links(ws) -> list[GoalLink]:
    """Every link you gave, oldest first."""
    return [GoalLink.from_row(r) for r in ws.rows("goal_links")]


def _goals(ws) -> tuple[list[str], Objective]:
    objective = Objective.from_row(ws.get_row("objective"))
    return goal_list(objective.goals), objective


def coverage_summary(ws) -> CoverageSummary:
    """D5.1-D5.3 as counts for one workbook: goals answered, partly answered and open.

    Reads only step 1's goals and the links (suggestions never count), so it is cheap enough
    for a card per participant.
    """
    goals, _ = _goals(ws)
    return summarize(coverage(goals, load_links(ws)))


def _people(ws) -> dict[int, tuple[int, str]]:
    """meeting id -> (contact id, full name), reading only the people met (not 30,000)."""
    rows = ws.query(
        "SELECT m.id, m.contact_id, c.first_name, c.last_name FROM meetings m "
        "LEFT JOIN contacts c ON c.id = m.contact_id"
    )
    return {
        r["id"]: (
            r["contact_id"],
            Contact(r["first_name"] or "", r["last_name"] or "").full_name or _("someone"),
        )
        for r in rows
    }


def load_coverage(ws, with_suggestions: bool = True) -> list[GoalCoverage]:
    """Each goal's status, the meetings behind it and (D5.4) the debriefs that may answer it."""
    goals, objective = _goals(ws)
    links = load_links(ws)
    people = _people(ws)
    suggested = None
    if with_suggestions and goals:
        names = {m: name for m, (_, name) in people.items()}
        debriefs = [d for d in load_debriefs(ws) if d.meeting_id in people]
        suggested = suggestions(goals, debriefs, links, background_stems(objective), names)
    return coverage(goals, links, people, suggested)


def load_candidates(ws, items: Iterable[GoalCoverage]) -> dict[str, list[Candidate]]:
    """D5.5 for each goal not answered yet: goal key -> who on your target list could."""
    todo = [item for item in items if item.status != ANSWERED]
    if not todo:
        return {}
    from . import classification, ranking, targets  # lazy: step 2 is needed only for this

    ctx = targets.context(ws)
    # only the targets are read: a LinkedIn export may hold 30,000 other people
    picked = [Contact.from_row(r) for r in ws.rows("contacts", "target = 1 AND archived = 0")]
    ranked = ranking.rank(classification.classify(picked, ctx), ctx)
    met = met_contacts(ws)
    return {item.key: candidates(item.goal, ranked, met) for item in todo}


def set_link(ws, meeting_id: int, goal: str, extent: str) -> GoalLink:
    """Your word on whether one meeting answered one goal, in one transaction.

    ``extent`` is one of ``EXTENTS``, or "" to untick (the row stays, with no extent).
    Returns the link as it was before ("" extent when there was none), for undo.
    """
    if extent not in (*EXTENTS, ""):
        raise ValueError(f"extent must be one of {EXTENTS} or empty, not {extent!r}")
    key = goal_key(goal)
    if not key:
        raise ValueError(_("a link needs a goal with words in it"))
    with ws.transaction():
        rows = ws.rows("goal_links", "meeting_id = ? AND goal_key = ?", (int(meeting_id), key))
        before = GoalLink.from_row(rows[0]) if rows else GoalLink(int(meeting_id), key, goal)
        row = GoalLink(int(meeting_id), key, _text(goal).strip(), extent).to_row()
        ws.save("goal_links", before.id, row)
    return before
