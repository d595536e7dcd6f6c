"""Step 1 of the workbook: decide what you want to learn, from whom, and how to introduce yourself.

Before anyone writes to a stranger, it pays to know what they are after. This module holds the
rules of step 1 (GUIDE.md O1-O6) as plain data and pure checks, so that the notebook, the app
and the tests all judge a profile and an objective the same way:

- O1 what kind of thing you want to learn about (industry, organization, role, career path);
- O2 concrete learning goals, with a reason whenever one is too vague or asks for a job;
- O3 a small interview plan (how many people, which mix) with sensible defaults;
- O4 a pitch of about thirty seconds;
- O5 a sender address that looks professional;
- O6 a reminder that this is not a job interview.

Every check returns a list of ``Finding`` objects instead of raising, so whatever a user types
(empty, huge, HTML, formulas, any script) the worst outcome is a plain-language message.
User text never goes into a ``message``; it goes into ``subject`` (shortened), which the UI
must escape like any other untrusted text. No widgets, files or network here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clock import known_zones
from .records import KIND_LABELS, KINDS, Finding, Objective, Plan, Profile, finding_subject
from .safe import plain_text as _text
from .safe import text_list as _as_list
from .safe import whole_number as _whole
from .text import fold, words_re

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "WORDS_PER_MINUTE",
    "O6_REMINDER",
    "Finding",
    "Profile",
    "Plan",
    "Objective",
    "PitchStats",
    "check_kinds",
    "check_goal",
    "check_goals",
    "suggest_plan",
    "check_plan",
    "plan_mix",
    "pitch_stats",
    "check_pitch",
    "check_email",
    "check_profile",
    "objective_findings",
    "step_progress",
]

WORDS_PER_MINUTE = 150  # O4: a calm speaking pace
O6_REMINDER = (
    "You are not applying for anything here: you asked for this conversation, so you lead it, "
    "you bring the questions, and for most of the time you listen."
)

_ERROR, _WARNING, _INFO = "error", "warning", "info"
_MAX_TOTAL = 20


# ----------------------------------------------------------------- small helpers


# ----------------------------------------------------------------- profile and objective


# ----------------------------------------------------------------- O1 kinds


def check_kinds(kinds) -> list[Finding]:
    """O1: pick at least one thing to learn about; a focused request gets more yeses."""
    chosen = _as_list(kinds)
    found = []
    for value in dict.fromkeys(chosen):
        if value not in KINDS:
            found.append(
                Finding(
                    "O1",
                    _WARNING,
                    "This is not one of the choices, so it will be ignored.",
                    finding_subject(value),
                    "Pick from: " + "; ".join(KIND_LABELS.values()) + ".",
                )
            )
    valid = {k for k in chosen if k in KINDS}
    if not valid:
        found.append(
            Finding(
                "O1",
                _ERROR,
                "Choose at least one thing you want to learn about. Your request is shaped around "
                "it, and people say yes more often to a clear request than to a vague one.",
                fix="Tick one or more of: " + "; ".join(KIND_LABELS.values()) + ".",
            )
        )
    elif len(valid) == len(KINDS):
        found.append(
            Finding(
                "O1",
                _INFO,
                "You picked all four. That is allowed, but one or two make a sharper request.",
                fix="Keep the one or two that matter most to you right now.",
            )
        )
    return found


# ----------------------------------------------------------------- O2 goals

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

_GOAL_FIX = (
    "Say exactly what you want to find out, for example: 'Which skills a junior "
    "<role> uses every week', 'How people at <organization> got hired and what "
    "experience counted', or 'What a typical day looks like, to see if it fits me'."
)


def check_goal(goal: str) -> list[Finding]:
    """O2: one learning goal must name something concrete; say why when it does not.

    Flags (warning) goals under four words, goals made of general wording only, goals that name
    no concrete topic, and goals that ask for a job, an opening or a referral to one (the person
    you talk to may offer leads, but you never ask).
    """
    raw = _text(goal)
    subject = finding_subject(raw)
    if not raw.strip():
        return [
            Finding(
                "O2",
                _WARNING,
                "This goal is empty.",
                subject,
                "Write what you hope to learn, or remove the line.",
            )
        ]
    text = fold(raw)
    if any(p.search(text) for p in _JOB_ASK_RES) or (
        _JOB_FOR_ME_RE.search(text) and not _HOW_OTHERS_RE.search(text)
    ):
        return [
            Finding(
                "O2",
                _WARNING,
                "This sounds like asking for a job, an opening or a referral. An informational "
                "interview is only for learning: you never ask for a job, and if they know of "
                "leads they will offer them.",
                subject,
                "Turn it into something to learn, e.g. 'How people usually get hired into this "
                "role and what experience counts most'.",
            )
        ]
    reasons = []
    words = len(text.split())
    vague = _VAGUE_RE.search(text)
    has_topic = _TOPIC_RE.search(text) is not None
    if words < 4:
        reasons.append(
            f"it is only {words} word{'s' if words != 1 else ''} long, too short to "
            "tell the other person what you want"
        )
    if vague and not has_topic:
        reasons.append(
            f"it uses general wording (\u201c{vague.group(0)}\u201d) that does not say "
            "what you actually want to find out"
        )
    elif not has_topic:
        reasons.append(
            "it names no specific topic, such as skills, team culture, how people "
            "get hired, a typical day, career paths or whether the role fits you"
        )
    if not reasons:
        return []
    return [
        Finding("O2", _WARNING, "Too vague: " + "; and ".join(reasons) + ".", subject, _GOAL_FIX)
    ]


def _goal_key(goal: str) -> str:
    """The same goal despite case, accents, spacing and end punctuation."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold(goal)).split())


def check_goals(goals) -> list[Finding]:
    """O2: at least one concrete goal; each goal checked; the same goal twice flagged.

    Blank lines are skipped: they are empty rows in the form, not goals.
    """
    items = [g for g in _as_list(goals) if g.strip()]
    if not items:
        return [
            Finding(
                "O2",
                _ERROR,
                "Write at least one thing you hope to learn. Without it your request "
                "cannot say why you are asking, and vague requests get few yeses.",
                fix=_GOAL_FIX,
            )
        ]
    found, seen = [], set()
    for goal in items:
        key = _goal_key(goal)
        if key in seen:
            found.append(
                Finding(
                    "O2",
                    _WARNING,
                    "This goal appears more than once.",
                    finding_subject(goal),
                    "Remove the copy or make it about something different.",
                )
            )
            continue
        seen.add(key)
        found.extend(check_goal(goal))
    return found


# ----------------------------------------------------------------- O3 plan


def suggest_plan(total: int = 6) -> Plan:
    """O3: a balanced plan for ``total`` people (clamped to 1-20).

    Up to 4 people who are both in a position and at an organization you want, the others split
    evenly between the two, half junior and half mid-level or senior.
    """
    n = _whole(total)
    n = 6 if n is None else max(1, min(_MAX_TOTAL, n))
    both = min(4, max(0, n - 2))
    rest = n - both
    position_only = rest - rest // 2
    return Plan(
        total=n,
        position=both + position_only,
        organization=both + rest // 2,
        both=both,
        junior=n // 2,
        senior=n - n // 2,
    )


_PLAN_LABELS = {
    "total": "the number of interviews",
    "position": "people in a position you want",
    "organization": "people at an organization you want",
    "both": "people who are both",
    "junior": "junior people",
    "senior": "mid-level or senior people",
}


def check_plan(plan: Plan) -> list[Finding]:
    """O3: the plan adds up, and follows the advice (3-6 people, half and half)."""
    plan = plan if plan is not None else Plan()
    counts, found = {}, []
    for name, label in _PLAN_LABELS.items():
        number = _whole(getattr(plan, name, None))
        if number is None:
            found.append(
                Finding(
                    "O3",
                    _ERROR,
                    f"The count of {label} must be a whole number.",
                    finding_subject(_text(getattr(plan, name, None))),
                    "Enter a number.",
                )
            )
        elif number < 0:
            found.append(
                Finding(
                    "O3",
                    _ERROR,
                    f"The count of {label} cannot be negative.",
                    str(number),
                    "Enter 0 or more.",
                )
            )
        counts[name] = number
    if found:
        return found
    t, p, o, b = counts["total"], counts["position"], counts["organization"], counts["both"]
    j, s = counts["junior"], counts["senior"]
    if not 1 <= t <= _MAX_TOTAL:
        found.append(
            Finding(
                "O3",
                _ERROR,
                f"Plan between 1 and {_MAX_TOTAL} interviews.",
                str(t),
                "Three to six is a good number.",
            )
        )
    elif t < 3:
        found.append(
            Finding(
                "O3",
                _WARNING,
                f"With {t} interview{'s' if t != 1 else ''} you have little to "
                "compare; different people see the same job differently.",
                str(t),
                "Plan three to six.",
            )
        )
    elif t > 6:
        found.append(
            Finding(
                "O3",
                _WARNING,
                f"{t} interviews is a lot: after about six, each extra one teaches you less.",
                str(t),
                "Start with three to six; add more later.",
            )
        )
    mix_errors = []
    if p > t or o > t:
        mix_errors.append(f"Neither group can be larger than the total ({t}).")
    if b > min(p, o):
        mix_errors.append(
            f"People who are both ({b}) are part of each group, so there cannot be "
            "more of them than in the smaller group."
        )
    if not mix_errors and p + o - b != t:
        mix_errors.append(
            f"The groups should add up to the total: each person is counted once, except that "
            f"people who are both count in both groups. Here {p} + {o} \u2212 {b} = {p + o - b}, "
            f"not {t}."
        )
    for message in mix_errors:
        found.append(Finding("O3", _ERROR, message, fix="Try the suggested plan for this total."))
    half = t // 2
    if not mix_errors and 1 <= t and (p < half or o < half):
        found.append(
            Finding(
                "O3",
                _WARNING,
                f"About half of the people ({half} or more) should be in a position you want, and "
                "about half at an organization you want, so you learn about both.",
                fix="Move people to the smaller group, or count more people who are both.",
            )
        )
    if j + s != t:
        found.append(
            Finding(
                "O3",
                _ERROR,
                f"Junior plus mid-level or senior ({j} + {s}) should equal the "
                f"total ({t}): everyone is one or the other.",
                fix="Change one of the two numbers.",
            )
        )
    elif abs(j - t / 2) > 1 or abs(s - t / 2) > 1:
        found.append(
            Finding(
                "O3",
                _WARNING,
                "Aim for about half junior and half mid-level or senior: junior people know how "
                "hiring works today, senior people know what employers look for.",
                fix=f"Try {t // 2} junior and {t - t // 2} mid-level or senior.",
            )
        )
    return found


def plan_mix(plan: Plan) -> list[tuple[str, int]]:
    """O3: labelled counts for a small chart of the target mix (later: the actual mix)."""
    plan = plan if plan is not None else Plan()
    labels = [
        ("In a position you want", "position"),
        ("At an organization you want", "organization"),
        ("Both", "both"),
        ("Junior", "junior"),
        ("Mid-level or senior", "senior"),
    ]
    return [(label, _whole(getattr(plan, name, 0)) or 0) for label, name in labels]


# ----------------------------------------------------------------- O4 pitch


@dataclass(frozen=True)
class PitchStats:
    """How long the pitch takes to say out loud."""

    words: int
    seconds: float


def pitch_stats(text: str) -> PitchStats:
    """O4: word count and spoken seconds at ``WORDS_PER_MINUTE``, to aim for about 30 s."""
    words = len(_text(text).split())
    return PitchStats(words, round(words * 60 / WORDS_PER_MINUTE, 1))


def check_pitch(text: str) -> list[Finding]:
    """O4: a pitch of about 30 seconds: who you are, what interests you, why you are asking."""
    stats = pitch_stats(text)
    if stats.words == 0:
        return [
            Finding(
                "O4",
                _INFO,
                "Write a short pitch: it is how you will introduce yourself in your "
                "request and at the start of the conversation.",
                fix="In three sentences: who you are, what interests you, and why you "
                "are looking for information.",
            )
        ]
    if stats.seconds > 32:
        return [
            Finding(
                "O4",
                _WARNING,
                f"Said out loud this takes about {stats.seconds:g} seconds "
                f"({stats.words} words). Aim for about 30 seconds so the other person "
                "can start talking soon.",
                fix="Keep one sentence each for who you are, what interests you, and "
                "why you are asking; cut the rest.",
            )
        ]
    if stats.words < 15:
        return [
            Finding(
                "O4",
                _INFO,
                f"At {stats.words} words this may not yet say who you are, what "
                "interests you and why you are asking.",
                fix="Check that each of the three parts is there.",
            )
        ]
    return []


# ----------------------------------------------------------------- O5 email and profile

_HOBBY = frozenset(
    """
gamer gaming lover fan fans cool hot hottie sexy babe bae ninja king queen princess prince dude
kitty angel devil rocks rock party binary likes crazy baby boy girl man guy gal chick geek nerd
nerdy freak fanatic addict junkie cutie cute sweetie honey bunny bear wolf dragon tiger star
rockstar superstar legend boss master lord killer slayer sniper warrior gangsta gangster thug
swag yolo lol xoxo xo xx forever love luv doll diva playboy player shorty lil babyface
""".split()
)
_FILLER = frozenset(
    """
the my mr mrs ms miss big little super mega ultra real official da im its tech music cat dog lady
life world pro best top game games code soccer football hockey ball book books art dance anime
pizza coffee tea pink blue red black dark sweet happy sunny pretty number one two four
""".split()
)
_DISTINCT = (
    "gamer",
    "gaming",
    "ninja",
    "kitty",
    "princess",
    "sexy",
    "binary",
    "devil",
    "crazy",
    "party",
    "hottie",
    "cutie",
    "likes",
    "xoxo",
)
_BAD_SYMBOL_RE = re.compile(r"[^\w.+-]")
_DIGITS_RE = re.compile(r"\d+")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_TOKEN_RE = re.compile(r"[^\W\d_]+")
_EMAIL_FIX = (
    "Use an address made from your name, such as firstname.lastname at your school or "
    "at a major provider; keep the current one for friends."
)

_EMAIL_REASONS = (  # email_validator's reason -> our plain words (never the user's text)
    ("must have an @-sign", "It needs an @ sign, as in name@example.com."),
    ("small commercial at", "It has a look-alike @ sign; type an ordinary @ instead."),
    (
        "something after the @-sign",
        "Nothing comes after the @ sign; add the provider, e.g. gmail.com.",
    ),
    ("something before the @-sign", "Nothing comes before the @ sign."),
    ("too long", "It is too long to be an email address."),
    ("two periods in a row", "It has two dots in a row."),
    ("two dashes", "The part after the @ sign has two dashes in an unusual place."),
    ("period and a hyphen", "It has a dot and a hyphen side by side."),
    ("should have a period", "The part after the @ sign needs a dot, as in gmail.com."),
    ("top-level domain", "The ending after the last dot is not a real one (like .com or .ca)."),
    (
        "special-use or reserved",
        "The part after the @ sign is a reserved name that cannot get mail.",
    ),
    ("angle bracket", "It has extra text or brackets around it; enter the address alone."),
    ("display name", "It has extra text or brackets around it; enter the address alone."),
    ("anything after the email address", "It has extra text around it; enter the address alone."),
    ("bracket", "Use the provider's name after the @ sign, not a number in brackets."),
    ("quot", "Quotation marks are not accepted in an address here."),
    ("character", "It contains characters an address cannot have, such as spaces or symbols."),
    ("period", "A dot cannot be at the start or end of either part."),
    ("hyphen", "The part after the @ sign cannot start or end with a hyphen."),
)
_EMAIL_REASON_DEFAULT = "It is not in the usual form, like name@provider.com."


def _segment(token: str, vocab: frozenset | set) -> list[str] | None:
    """Split a run of letters into known words ("binaryman" -> binary, man), or None."""
    longest = max(map(len, vocab))
    best: list[list[str] | None] = [None] * (len(token) + 1)
    best[0] = []
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - longest), end):
            if best[start] is not None and token[start:end] in vocab:
                if best[end] is None or len(best[start]) + 1 < len(best[end]):
                    best[end] = best[start] + [token[start:end]]
    return best[len(token)]


def _hobby_words(local: str, name_parts: set[str]) -> list[str]:
    """Nickname or hobby words inside the local part, skipping any that are the person's name."""
    vocab = _HOBBY | _FILLER | name_parts
    hits: list[str] = []
    for token in _TOKEN_RE.findall(local):
        if len(token) > 64:
            continue
        words = [token] if token in _HOBBY else (_segment(token, vocab) or [])
        found = [w for w in words if w in _HOBBY]
        if not found:
            found = [w for w in _DISTINCT if w in token and not any(w in p for p in name_parts)]
        hits.extend(w for w in found if w not in name_parts and w not in hits)
    return hits


def _name_parts(name: str) -> list[str]:
    """The Latin-letter parts of a name, two letters or more, folded ("José" -> jose)."""
    return [p for p in re.findall(r"[a-z]+", fold(name)) if len(p) >= 2]


def check_email(address: str, name: str = "") -> list[Finding]:
    """O5: the address you write from must be valid and look professional.

    Syntax is checked without any network look-up. Warnings, each with its reason: long digit
    runs, what looks like a birth year, nickname or hobby words, symbols, and (when ``name`` is
    given) no part of the name in the address. The provider's domain is never judged.
    """
    address = _text(address).strip()
    subject = finding_subject(address)
    if not address:
        return [
            Finding(
                "O5",
                _ERROR,
                "Your email address is needed: it is where people will answer your requests.",
                fix="Enter the address you will write from.",
            )
        ]
    if len(address) > 320:
        return [
            Finding(
                "O5",
                _ERROR,
                "It is too long to be an email address.",
                subject,
                "Enter a single address.",
            )
        ]
    from email_validator import EmailNotValidError, validate_email  # light, but only needed here

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        detail = str(exc)
        reason = next((r for key, r in _EMAIL_REASONS if key in detail), _EMAIL_REASON_DEFAULT)
        return [
            Finding(
                "O5",
                _ERROR,
                "This is not a valid email address. " + reason,
                subject,
                "Check it against the address your provider or school gave you.",
            )
        ]
    except Exception:  # noqa: BLE001 - a checker must never take the page down
        return [
            Finding(
                "O5",
                _ERROR,
                "This address could not be checked; it may not be valid.",
                subject,
                "Check it and try again.",
            )
        ]
    local = fold(address.rpartition("@")[0])
    found = []

    def warn(message: str, what: str) -> None:
        found.append(Finding("O5", _WARNING, message, finding_subject(what), _EMAIL_FIX))

    for run in dict.fromkeys(_DIGITS_RE.findall(local)):
        if len(run) == 4 and _YEAR_RE.fullmatch(run):
            warn(
                "This looks like a year, perhaps your birth year. It tells strangers your age "
                "and makes the address look personal rather than professional.",
                run,
            )
        elif len(run) >= 3:
            warn(
                "A long run of digits makes an address hard to remember and looks like a "
                "leftover from a sign-up form.",
                run,
            )
        elif len(run) == 2 and local.endswith(run):
            warn(
                "A two-digit number at the end often reads as a birth year, which looks "
                "personal rather than professional.",
                run,
            )
    parts = _name_parts(_text(name))
    for word in _hobby_words(local, set(parts)):
        warn(
            "This looks like a nickname or hobby word (unless it is part of your name). It "
            "is fine among friends, but a stranger deciding whether to reply may not take it "
            "seriously.",
            word,
        )
    symbols = "".join(dict.fromkeys(_BAD_SYMBOL_RE.findall(local)))
    if symbols:
        warn("Unusual symbols make an address hard to read out and type correctly.", symbols)
    if parts:
        letters = re.sub(r"[^a-z]", "", local)
        initials = "".join(p[0] for p in parts)
        has_initials = len(initials) >= 2 and initials in letters
        if not has_initials and not any(p in letters for p in parts):
            warn(
                "The part before the @ contains no part of your name. An address built from "
                "your name looks professional and tells people who is writing.",
                address.rpartition("@")[0],
            )
    return found


def check_profile(profile: Profile) -> list[Finding]:
    """O4, O5: the sender's name, a professional address and a time zone are all needed.

    The time zone is used to propose send and meeting times; the pitch is checked as in O4.
    """
    profile = profile if isinstance(profile, Profile) else Profile()
    found = []
    if not _text(profile.name).strip():
        found.append(
            Finding(
                "O5",
                _ERROR,
                "Your name is needed: it signs every request.",
                fix="Enter your name as you would sign an email.",
            )
        )
    found.extend(check_email(profile.email, profile.name))
    zone = _text(profile.timezone).strip()
    if not zone:
        found.append(
            Finding(
                "O5",
                _ERROR,
                "Choose your time zone, so suggested send and "
                "meeting times are in your local time.",
                fix="Pick the city nearest you, such as America/Toronto.",
            )
        )
    elif zone not in known_zones():
        folded = zone.casefold()
        match = next((z for z in sorted(known_zones()) if z.casefold() == folded), "")
        found.append(
            Finding(
                "O5",
                _ERROR,
                "This is not a known time zone.",
                finding_subject(zone),
                f"Did you mean {match}?"
                if match
                else "Pick one from the list, such as America/Toronto or Europe/Paris.",
            )
        )
    found.extend(check_pitch(profile.pitch))
    return found


# ----------------------------------------------------------------- step 1 overall


def objective_findings(objective: Objective) -> list[Finding]:
    """O1, O2, O3 together: everything to fix in the objective, in reading order."""
    objective = objective if isinstance(objective, Objective) else Objective()
    return check_kinds(objective.kinds) + check_goals(objective.goals) + check_plan(objective.plan)


def _blocking(findings: list[Finding], severities=(_ERROR, _WARNING)) -> bool:
    """Whether any finding has one of ``severities`` (info hints never block)."""
    return any(f.severity in severities for f in findings)


def step_progress(profile: Profile, objective: Objective) -> list[tuple[str, bool]]:
    """The parts of step 1 (O1-O5) and whether each is done, for a checklist on the page.

    A part counts as done when nothing in it still needs fixing: the profile has a name, an
    address without errors and a known time zone; at least one kind is chosen; at least one
    goal has no warning; the plan has no error; the pitch exists and is not too long.
    """
    profile = profile if isinstance(profile, Profile) else Profile()
    objective = objective if isinstance(objective, Objective) else Objective()
    profile_done = (
        bool(_text(profile.name).strip())
        and not _blocking(check_email(profile.email, profile.name), (_ERROR,))
        and _text(profile.timezone).strip() in known_zones()
    )
    goals = [g for g in _as_list(objective.goals) if g.strip()]
    pitch = _text(profile.pitch)
    return [
        ("Your details: name, email address and time zone", profile_done),
        ("What you want to learn about", any(k in KINDS for k in _as_list(objective.kinds))),
        ("At least one clear learning goal", any(not _blocking(check_goal(g)) for g in goals)),
        ("Your interview plan", not _blocking(check_plan(objective.plan), (_ERROR,))),
        (
            "Your 30-second pitch",
            bool(pitch.strip()) and not _blocking(check_pitch(pitch), (_WARNING,)),
        ),
    ]
