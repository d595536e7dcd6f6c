"""Step 1, O2: concrete learning goals, with a reason whenever one is too vague or asks for a job.

The vocabularies here (general wording, concrete topics, asking for a job) are the bulk of
step 1's rules and only the goal check uses them, so they live apart from the other step 1
checks in ``objectives.py``. Each check returns ``Finding`` objects; user text goes only into
``subject``.
"""

from __future__ import annotations

import re

from . import goal_words_es, goal_words_zh
from .i18n import _, ngettext
from .records import ERROR, WARNING, Finding, finding_subject
from .safe import plain_text as _text
from .safe import text_list as _as_list
from .text import STOP_WORDS, fold, stem, words_re
from .text_language import text_language

__all__ = ["background_stems", "check_goal", "check_goals", "goal_key", "goal_list", "goal_words"]


_VAGUE_RE = words_re(
    [
        r"learn more",
        r"know more",
        r"find out more",
        r"hear more",
        r"more about",
        r"about (?:the|this|that|their|an?) (?:industry|field|company|organi[sz]ation|job|role|work"
        r"|career|sector|business|area)",
        r"about (?:it|them)",
        r"stuff",
        r"things?",
        r"in general",
        r"generally",
        r"general (?:info|information|idea|sense|overview)",
        r"advice",
        r"pick (?:their|his|her|your"
        r"|someone'?s|a|the) brains?",
        r"network(?:ing)?",
        r"make (?:some |a )?connections?",
        r"get(?:ting)? to know",
        r"everything",
        r"anything",
        r"whatever",
        r"what it'?s like",
        r"insights?",
        r"tips",
        r"etc",
        r"opportunit(?:y|ies)",
        r"options",
    ]
)


_TOPIC_RE = words_re(
    [
        # knowledge, skills, abilities, tools
        r"skills?",
        r"skill ?sets?",
        r"knowledge",
        r"know-how",
        r"abilit(?:y|ies)",
        r"competenc\w*",
        r"tools?",
        r"software",
        r"technolog(?:y|ies)",
        r"tech stack",
        r"programming",
        r"languages?",
        r"methods?",
        r"methodolog(?:y|ies)",
        r"techniques?",
        # culture, values, team
        r"culture",
        r"values?",
        r"teams?",
        r"colleagues",
        r"management",
        r"managers?",
        r"leadership",
        r"environment",
        r"atmosphere",
        r"dress code",
        r"diversity",
        r"mentor\w*",
        # hiring, what experience counts, qualifications
        r"hir(?:e|ed|es|ing)",
        r"recruit\w*",
        r"interview process",
        r"applications?",
        r"apply(?:ing)?",
        r"qualifications?",
        r"qualified",
        r"certifications?",
        r"certificates?",
        r"licen[cs]es?",
        r"degrees?",
        r"diplomas?",
        r"education",
        r"training",
        r"courses?",
        r"experience",
        r"background",
        r"portfolios?",
        r"resumes?",
        r"cv",
        r"cover letters?",
        r"entry[- ]level",
        r"first job",
        r"internships?",
        r"co-?ops?",
        r"requirements?",
        r"look for",
        r"stand out",
        r"prepar(?:e|ed|ing|ation)",
        # the day-to-day
        r"day[- ]to[- ]day",
        r"typical (?:day|week)",
        r"daily",
        r"weekly",
        r"a day in",
        r"responsibilit(?:y|ies)",
        r"duties",
        r"tasks?",
        r"projects?",
        r"workload",
        r"schedules?",
        r"hours",
        r"routine",
        r"deadlines?",
        r"clients?",
        r"customers?",
        r"meetings?",
        r"travel",
        r"remote",
        r"hybrid",
        r"on[- ]call",
        r"overtime",
        r"shifts?",
        # career path
        r"career (?:paths?|moves?|changes?|ladder|progression|growth|trajectory)",
        r"paths?",
        r"progression",
        r"promot(?:ion|ions|ed)",
        r"advancement",
        r"growth",
        r"trajector(?:y|ies)",
        r"got (?:into|started)",
        r"get (?:into|started)",
        r"break into",
        r"became",
        r"transition\w*",
        r"switch(?:ed|ing)?",
        r"next steps?",
        # fit with me
        r"fits?",
        r"suit(?:s|ed|able)?",
        r"right for me",
        r"match(?:es)?",
        r"strengths?",
        r"weakness(?:es)?",
        r"whether i",
        r"if i (?:would|could|should|can|am)",
        r"someone like me",
        # conditions, trends, inside view
        r"salar(?:y|ies)",
        r"pay",
        r"wages?",
        r"compensation",
        r"benefits",
        r"work[- ]life balance",
        r"stress",
        r"pressure",
        r"stability",
        r"job security",
        r"trends?",
        r"future",
        r"outlook",
        r"changes?",
        r"changing",
        r"challenges?",
        r"difficult\w*",
        r"hardest",
        r"rewarding",
        r"worst",
        r"best part",
        r"pros and cons",
        r"like (?:most|least|best)",
        r"enjoy\w*",
        r"surpris\w*",
        r"wish\w*",
        r"mistakes?",
        r"regrets?",
        r"lessons?",
        r"associations?",
        r"publications?",
        r"conferences?",
        r"unions?",
        r"regulations?",
        r"competitors?",
        r"demand",
        r"who else",
        r"talk to",
        r"speak (?:to|with)",
        r"contacts?",
        r"structure",
        r"departments?",
        r"products?",
        r"funding",
        r"mission",
        r"strategy",
        r"speciali[sz]\w*",
        r"niche",
    ]
)


_HOW_OTHERS_RE = re.compile(
    r"\bhow (?:do |did |does )?(?:people|others|someone|they|one|candidates|new grads?|graduates"
    r"|students|newcomers)\b"
)


_JOB_ASK_RES = (
    re.compile(r"\b(?:hire|employ|recruit)\s+me\b"),
    re.compile(
        r"\b(?:job|position|role|internship)\s+"
        r"(?:openings?|offers?|leads?|vacanc(?:y|ies))\b"
    ),
    re.compile(r"\b(?:openings?|vacanc(?:y|ies)|open\s+(?:positions?|roles?|jobs?))\b"),
    re.compile(
        r"\b(?:for|get|land|secure|find|give|offer)\s+me\s+(?:a|an|the)\s+"
        r"(?:job|position|internship|role|offer|interview)\b"
    ),
    re.compile(
        r"\bask(?:ing)?\s+(?:\w+\s+){0,2}?for\s+(?:a|an|the)\s+"
        r"(?:job|position|internship|role|interview|referral)\b"
    ),
    re.compile(r"\b(?:job|employee)\s+referrals?\b"),
    re.compile(
        r"\b(?:get|ask\s+for|request)\s+(?:a\s+)?referrals?\b"
        r"(?!\s+to\s+(?:other|more|another|someone|people|contacts))"
    ),
    re.compile(
        r"\brefer\s+me\s+(?:for|to)\s+(?:a|an|the|their|any)?\s*"
        r"(?:job|position|opening|role|internship|posting|hiring|recruit\w*|hr)\b"
    ),
    re.compile(r"\b(?:if|whether)\s+(?:they|you|the\s+\w+)\s+(?:are|is|'re)\s+hiring\b"),
    re.compile(r"\b(?:are|is)\s+(?:they|you|it)\s+hiring\b"),
)


_JOB_FOR_ME_RE = re.compile(
    r"\b(?:get|land|secure|score)\s+(?:a|an|the)\s+"
    r"(?:job|internship|position|offer)\s+(?:at|with|there|from)\b"
)


def _goal_fix() -> str:
    return _(
        "Say exactly what you want to find out, for example: 'Which skills a junior "
        "<role> uses every week', 'How people at <organization> got hired and what "
        "experience counted', or 'What a typical day looks like, to see if it fits me'."
    )


# Chinese goals are measured in characters: about two make an English word.
_MIN_WORDS = 4
_MIN_CHARS_ZH = 6


def _lists(lang: str):
    """(vague, topic, job asks, job for me, how others) for the goal's language."""
    if lang == "es":
        m = goal_words_es
    elif lang == "zh":
        m = goal_words_zh
    else:
        return _VAGUE_RE, _TOPIC_RE, _JOB_ASK_RES, _JOB_FOR_ME_RE, _HOW_OTHERS_RE
    return m.VAGUE_RE, m.TOPIC_RE, m.JOB_ASK_RES, m.JOB_FOR_ME_RE, m.HOW_OTHERS_RE


def _is_job_ask(text: str, lang: str) -> bool:
    """Asks for a job, an opening or a referral, in the goal's language (and in English, for a
    Spanish or Chinese goal that names an English job title)."""
    _vague, _topic, asks, for_me, how_others = _lists(lang)
    if any(p.search(text) for p in asks) or (for_me.search(text) and not how_others.search(text)):
        return True
    return lang != "en" and _is_job_ask(goal_words_zh.CJK_RE.sub(" ", text), "en")


def check_goal(goal: str, language: str | None = None) -> list[Finding]:
    """O2: one learning goal must name something concrete; say why when it does not.

    Flags (warning) goals under four words (Chinese: six characters), goals made of general
    wording only, goals that name no concrete topic, and goals that ask for a job, an opening
    or a referral to one (the person you talk to may offer leads, but you never ask).
    ``language`` is the goal's ("en", "es", "zh"; None guesses it from the text), which picks
    the word lists; the findings speak the participant's language.
    """
    raw = _text(goal)
    subject = finding_subject(raw)
    if not raw.strip():
        return [
            Finding(
                "O2",
                WARNING,
                _("This goal is empty."),
                subject,
                _("Write what you hope to learn, or remove the line."),
            )
        ]
    text = fold(raw)
    lang = language if language in ("en", "es", "zh") else text_language(raw)
    if _is_job_ask(text, lang):
        return [
            Finding(
                "O2",
                WARNING,
                _(
                    "This sounds like asking for a job, an opening or a referral. An "
                    "informational interview is only for learning: you never ask for a job, "
                    "and if they know of leads they will offer them."
                ),
                subject,
                _(
                    "Turn it into something to learn, e.g. 'How people usually get hired into "
                    "this role and what experience counts most'."
                ),
            )
        ]
    vague_re, topic_re = _lists(lang)[:2]
    reasons = []
    vague = vague_re.search(text)
    # A Spanish or Chinese goal may name its topic in English ("el día a día de un UX designer").
    has_topic = topic_re.search(text) is not None or (
        lang != "en" and _TOPIC_RE.search(goal_words_zh.CJK_RE.sub(" ", text)) is not None
    )
    if lang == "zh":
        size = len(goal_words_zh.CJK_RE.findall(text)) + len(
            goal_words_zh.CJK_RE.sub(" ", text).split()
        )
        if size < _MIN_CHARS_ZH:
            reasons.append(
                ngettext(
                    "it is only {n} character long, too short to tell the other person what "
                    "you want",
                    "it is only {n} characters long, too short to tell the other person what "
                    "you want",
                    size,
                ).format(n=size)
            )
    else:
        words = len(text.split())
        if words < _MIN_WORDS:
            reasons.append(
                ngettext(
                    "it is only {n} word long, too short to tell the other person what you want",
                    "it is only {n} words long, too short to tell the other person what you want",
                    words,
                ).format(n=words)
            )
    if vague and not has_topic:
        reasons.append(
            _(
                "it uses general wording (\u201c{phrase}\u201d) that does not say what you "
                "actually want to find out"
            ).format(phrase=vague.group(0))
        )
    elif not has_topic:
        reasons.append(
            _(
                "it names no specific topic, such as skills, team culture, how people get "
                "hired, a typical day, career paths or whether the role fits you"
            )
        )
    if not reasons:
        return []
    message = _("Too vague: {reasons}.").format(reasons=_("; and ").join(reasons))
    return [Finding("O2", WARNING, message, subject, _goal_fix())]


def goal_key(goal: str) -> str:
    """The same goal despite case, accents, spacing and end punctuation: how a goal is told
    apart from the others (O2) and how step 5's links name it (``coverage``)."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(goal)).split())


def goal_list(goals) -> list[str]:
    """O2: the goals as the user wrote them, blank lines and repeats (by ``goal_key``) left out."""
    out, seen = [], set()
    for goal in _as_list(goals):
        key = goal_key(goal)
        if key and key not in seen:
            seen.add(key)
            out.append(goal.strip())
    return out


# Words that frame a goal or fill any note, so they prove nothing about which goal a note or a
# question is about (D5, Q2): stop words plus the vocabulary of wanting to learn and of work.
_FRAMING = STOP_WORDS | frozenset(
    """
learn learning learned find finding found understand understanding hope hoping hear heard
explore exploring discover see work works working worked job jobs role roles career careers
field fields industry industries company companies organization organisation organizations
organisations someone people person whether which also especially really much
que como los las del una unos unas para por con sobre cual cuales cuando donde mas muy ser
estar hace hacen tiene tienen puede pueden esta este estos estas ese esa sus aprender saber
conocer entender averiguar trabajo trabajar empresa empresas puesto puestos carrera gente
personas alguien
""".split()
)
_WORD_RE = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")


def goal_words(text: str, background=frozenset()) -> dict[str, str]:
    """The distinctive words of a goal, a note or a question: stem -> the first word with it.

    Folded, split into words of three letters or more, framing words dropped (``_FRAMING``)
    and then any stem in ``background`` (the words of your field and target roles, which
    every note of yours is about); a hyphenated word counts whole and as its parts of five
    letters or more ("front-line": frontline; "guest-experience": experience too). Chinese
    counts two characters at a time (``goal_words_zh.pieces``).
    """
    found: dict[str, str] = {}
    for token in _WORD_RE.findall(fold(_text(text)[:50_000])):
        token = token.strip("'")
        if token.endswith("'s"):
            token = token[:-2]
        parts = [p for p in token.split("-") if len(p) >= 5] if "-" in token else []
        for word in dict.fromkeys([token.replace("-", ""), *parts]):
            if len(word) < 3 or word in _FRAMING:
                continue
            key = stem(word)
            if key not in background:
                found.setdefault(key, word)
    plain = _text(text)
    if goal_words_zh.CJK_RE.search(plain):
        found.update(
            (k, k) for k in goal_words_zh.pieces(plain) if k not in background and k not in found
        )
    return found


def check_goals(goals, language: str | None = None) -> list[Finding]:
    """O2: at least one concrete goal; each goal checked; the same goal twice flagged.

    Blank lines are skipped: they are empty rows in the form, not goals.
    """
    items = [g for g in _as_list(goals) if g.strip()]
    if not items:
        return [
            Finding(
                "O2",
                ERROR,
                _(
                    "Write at least one thing you hope to learn. Without it your request "
                    "cannot say why you are asking, and vague requests get few yeses."
                ),
                fix=_goal_fix(),
            )
        ]
    found, seen = [], set()
    for goal in items:
        key = goal_key(goal)
        if key in seen:
            found.append(
                Finding(
                    "O2",
                    WARNING,
                    _("This goal appears more than once."),
                    finding_subject(goal),
                    _("Remove the copy or make it about something different."),
                )
            )
            continue
        seen.add(key)
        found.extend(check_goal(goal, language))
    return found


def background_stems(objective) -> frozenset[str]:
    """The stems of your field and target roles (step 1): every note and question of yours is
    about them, so ``goal_words`` leaves them out when matching a note to a goal."""
    parts = [_text(getattr(objective, "field_of_interest", ""))]
    parts += _as_list(getattr(objective, "roles", ()))
    return frozenset(goal_words(" ".join(parts)))
