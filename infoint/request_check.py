"""Step 3's request checker: what to improve in a request before sending it (GUIDE.md R1-R4,
R6, R7, with T6 and O5 where they meet).

Apart from composing (``outreach``) because it judges any text, the user's own as much as a
composed draft, and step 6 reuses it for typos and job asks in thank-you notes:

- ``check_request`` reviews a request, spelling included (R1-R4, R6, R7, T6, O5);
- ``linkedin_note_findings`` checks the length of a LinkedIn invitation note (R1).

Like step 1, checks return ``Finding`` objects instead of raising; user text goes into a
finding's ``subject`` (shortened), never into its ``message``. No widgets, files or network here;
the spelling list is loaded on the first check and cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .email_check import check_email
from .outreach import DRAFT_KINDS, LINKEDIN_LIMITS, WORD_LIMITS
from .outreach import word_stems as _stems
from .records import Contact, Finding, Objective, Profile, finding_subject
from .safe import plain_text as _text
from .safe import text_list as _as_list
from .text import fold as _fold
from .text import utf16_len as _utf16_len
from .text import word_count as _word_count

__all__ = ["check_request", "linkedin_note_findings"]

_ERROR, _WARNING, _INFO = "error", "warning", "info"
_SPELL_MAX_FINDINGS = 10


# ----------------------------------------------------------------- plain text helpers


# ----------------------------------------------------------------- LinkedIn note length


def linkedin_note_findings(text: str, plan: str = "free") -> list[Finding]:
    """R1: a LinkedIn invitation note must fit 200 characters (free) or 300 (premium).

    Characters are counted as a browser's text box counts them, so an emoji counts as two. An
    unknown plan is treated as "free", the stricter one.
    """
    limit = LINKEDIN_LIMITS.get(_text(plan).strip().lower(), LINKEDIN_LIMITS["free"])
    text = _text(text)
    count = _utf16_len(text)
    if count > limit:
        return [
            Finding(
                "R1",
                _ERROR,
                f"This note has {count} characters; LinkedIn accepts at most {limit} on this plan, "
                f"so {count - limit} would be cut off or the note refused.",
                finding_subject(text),
                "Keep the link between you, what you want to learn and the question; drop the rest.",
            )
        ]
    return []


# ----------------------------------------------------------------- check_request patterns

_GREETING_RE = re.compile(
    r"^\s*(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening))\b[^\n!?]{0,80}?"
    r"(?:[,:!\n]|$)"
)
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+|\n+")

_CONNECTION_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"via",
            r"introduc\w*",
            r"recommend\w*",
            r"referr\w*",
            r"refer\s+me",
            r"suggest\w*\s+(?:that\s+)?(?:i|me|we|you)\b",
            r"pointed\s+me",
            r"passed\s+(?:on\s+|along\s+)?your",
            r"gave\s+me\s+your",
            r"got\s+your\s+(?:name|details|contact|email|address|number)",
            r"your\s+name\s+(?:came|from|was)",
            r"mentioned\s+(?:you|your)",
            r"told\s+me\s+about\s+you",
            r"alumn\w*",
            r"classmates?",
            r"fellow",
            r"we\s+met",
            r"met\s+(?:you|at|in|during)",
            r"we\s+(?:last\s+)?(?:spoke|talked|worked)",
            r"worked\s+(?:with|together)",
            r"colleagues?",
            r"connected",
            r"connection",
            r"we\s+share",
            r"in\s+common",
            r"mutual",
            r"friend\s+of",
            r"both\s+(?:studied|attended|went|worked|graduated|belong|volunteer\w*)",
            r"same\s+(?:school|university|college|program|programme|club|team|company|class|course)",
            r"member\s+of",
            r"saw\s+(?:you|your)",
            r"heard\s+(?:you|your)",
            r"read\s+your",
            r"came\s+across",
            r"found\s+(?:your|you)",
            r"your\s+(?:talk|post|article|blog|podcast|book|"
            r"interview|presentation|panel|newsletter|paper|profile|bio|page|session|webinar|video)",
            r"(?:team|staff|about|company|people|leadership)\s+page",
            r"website",
            r"linkedin",
            r"at\s+the\s+(?:event|conference|meetup|fair|workshop|session)",
        ]
    )
    + r")"
)

_REQUEST_VERB_RE = re.compile(
    r"\b(?:(?:would|could|can|may|might|will)\s+(?:you|we|i)\b|would\s+it\s+be\b"
    r"|(?:are|were)\s+you\s+(?:open|willing|available|free|up\s+for)\b|do\s+you\s+have\b"
    r"|is\s+there\s+(?:a|any)\s+(?:time|chance|way)\b|be\s+(?:open|willing)\s+to\b)"
)

_TIME_OK_RE = re.compile(
    r"\b(?:(?:10|15|20|25|30|ten|fifteen|twenty|twenty-five|thirty)"
    r"(?:\s*(?:-|to|or)\s*(?:15|20|25|30|fifteen|twenty|twenty-five|thirty))?"
    r"[\s-]*(?:min(?:ute)?s?|mins)\b|half\s+an\s+hour|half-hour|half\s+hour)"
)
_TIME_TOO_MUCH_RE = re.compile(
    r"\b(?:(?:an?|one|1|full|whole|couple\s+of|few|two|2|several)\s+hours?"
    r"|(?:45|60|90|120|forty-five|sixty|ninety)[\s-]*min(?:ute)?s?"
    r"|lunch(?:es)?|dinners?|drinks?|beers?|a\s+meal|breakfast)\b"
)

_MODES_RE = re.compile(
    r"\b(?:phone|telephone|call|calls|video|zoom|teams|google\s+meet|webex"
    r"|skype|facetime|jitsi)\b"
)
_SOCIAL_VIDEO_RE = re.compile(r"\b(?:whatsapp|messenger|facebook|instagram|snapchat|tiktok)\b")
_IN_PERSON_RE = re.compile(
    r"\b(?:in\s+person|in-person|face[\s-]to[\s-]face|coffee|meet\s+up"
    r"|stop\s+by|drop\s+by|visit\s+(?:you|your)|your\s+office)\b"
)
_FLEXIBLE_RE = re.compile(
    r"\b(?:flexible|any\s+(?:day|time)|whenever|suits\s+you|works\s+for\s+you"
    r"|convenient|your\s+schedule|around\s+your|fit\s+(?:you|your)"
    r"|best\s+for\s+you|time\s+that\s+suits|early\s+mornings?|evenings?"
    r"|weekends?)\b"
)

_JOB = r"(?:jobs?|positions?|roles?|internships?|co-?ops?|openings?|vacanc(?:y|ies)|work)"
_JOB_ASK_RES = (
    re.compile(
        r"\b(?:hire|hiring|employ|employing|recruit|recruiting|take\s+on|bring\s+on)\s+"
        r"(?:me|someone\s+like\s+me)\b"
    ),
    re.compile(
        r"\b(?:job|position|role|internship|co-?op|employment)\s+(?:openings?|"
        r"opportunit(?:y|ies)|leads|vacanc(?:y|ies))\b"
    ),
    re.compile(
        r"\b(?:any|open|available|upcoming|vacant)\s+(?:openings?|positions?|roles?|jobs?"
        r"|vacanc(?:y|ies)|internships?|co-?ops?)\b"
    ),
    re.compile(
        r"\b(?:openings?|positions?|jobs?|vacanc(?:y|ies)|internships?)\s+"
        r"(?:available|open|going)\b"
    ),
    re.compile(r"\b(?:are|is)\s+(?:you|they|it|(?:your|the)\s+\w+)\s+(?:\w+\s+)?hiring\b"),
    re.compile(
        r"\b(?:if|whether)\s+(?:you|they|(?:your|the)\s+\w+)\s+(?:is|are|'re|were)\s+"
        r"(?:\w+\s+)?hiring\b"
    ),
    re.compile(
        r"\b(?:you're|you\s+are|they're|they\s+are)\s+(?:currently\s+|still\s+|now\s+)?"
        r"hiring\b"
    ),
    re.compile(
        r"\b(?:refer|recommend|put)\s+me\s+(?:for|to|forward\s+for)\s+(?:a|an|the|any|"
        r"your|their)?\s*(?:job|position|opening|role|internship|posting|hiring\s+manager"
        r"|recruiter|hr)\b"
    ),
    re.compile(r"\b(?:job|employee|internal)\s+referrals?\b"),
    re.compile(
        r"\b(?:get|give\s+me|ask(?:ing)?\s+(?:you\s+)?for|request(?:ing)?|need|want|"
        r"appreciate)\s+(?:a\s+|your\s+)?referral\b(?!\s+to\s+(?:other|more|another|"
        r"someone|people|contacts))"
    ),
    re.compile(
        r"\b(?:pass|forward|send|share|give|hand|circulate)\s+(?:along\s+|on\s+)?my\s+"
        r"(?:resume|cv|application)\b"
    ),
    re.compile(
        r"\bmy\s+(?:resume|cv|application)\s+(?:to|along|on\s+to)\s+(?:the\s+|your\s+)?"
        r"(?:hr|hiring|recruit\w*|manager|team)\b"
    ),
    re.compile(r"\b(?:attached|attaching|enclosed|enclosing)\s+(?:is\s+)?my\s+(?:resume|cv)\b"),
    re.compile(r"\bleads?\s+(?:on|for|about)\s+(?:a\s+|any\s+)?" + _JOB + r"\b"),
    re.compile(
        r"\b(?:looking|searching|applying|hoping|asking)\s+for\s+(?:a\s+|an\s+|any\s+)?"
        r"(?:job|position|internship|role|employment|opening|co-?op)\b"
    ),
    re.compile(r"\bi\s+(?:could|can|might|should)\s+apply\s+(?:for|to)\b"),
    re.compile(
        r"\b(?:for|get|land|give|offer)\s+me\s+(?:a|an|the)\s+(?:job|position|"
        r"internship|role|interview|offer)\b"
    ),
    re.compile(r"\b(?:job|position|role|internship|opening)\s+for\s+me\b"),
    re.compile(r"\b(?:consider\s+me|keep\s+me\s+in\s+mind|put\s+in\s+a\s+(?:good\s+)?word)\b"),
)

_FLATTERY_STRONG_RE = re.compile(
    r"\b(?:"
    + "|".join(
        [
            r"huge\s+fan",
            r"big(?:gest)?\s+fan",
            r"biggest\s+admirer",
            r"geni(?:us|uses)",
            r"legend(?:ary)?",
            r"(?:incredibly|amazingly|insanely|so|super|extremely|unbelievably)\s+talented",
            r"most\s+talented",
            r"amazing",
            r"awesome",
            r"incredible",
            r"phenomenal",
            r"extraordinary",
            r"unparalleled",
            r"world-class",
            r"rock\s*star",
            r"idol",
            r"my\s+hero",
            r"in\s+awe",
            r"visionary",
            r"brilliant",
            r"greatest",
            r"blown\s+away",
            r"worship",
            r"the\s+best\s+(?:\w+\s+)?in\s+(?:the\s+)?(?:industry|field|business|world|country|city)",
            r"(?:admire|love)\s+(?:you|your\s+work)\s+so\s+much",
        ]
    )
    + r")\b"
)
_FLATTERY_MILD_RE = re.compile(
    r"\b((?:so|really|truly|very|incredibly|extremely|absolutely|deeply|hugely)\s+)?"
    r"(inspir(?:ing|ed|ation|ational)|impressive|impressed|admire|admired|admiration|fascinating"
    r"|wonderful|fantastic|remarkable|outstanding)\b"
)
_FLATTERY_MILD_LIMIT = 3  # one plain compliment = 1, an intensified one = 2

_FIRST_PERSON = frozenset("i me my mine myself i'm i've i'd i'll".split())
_SECOND_PERSON = frozenset("you your yours yourself yourselves you're you've you'd you'll".split())
_PRONOUN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")
_SELF_SHARE = 0.08  # R1: first person above 8% of the words, and more often than "you"

_INTRO_ASK_RE = re.compile(
    r"\b(?:introduc\w*|forward\w*|pass\s+(?:this|it|my|the|these|along|on)\b|put\s+(?:me|us)\s+"
    r"in\s+touch|connect\s+(?:me|us)|share\s+(?:this|my)\s+(?:note|message|email))"
)
_FOLLOW_UP_REF_RE = re.compile(
    r"\b(?:follow(?:ing)?[\s-]up|my\s+(?:earlier\s+|last\s+|previous\s+|first\s+)?(?:note|message"
    r"|email|e-mail|request|notes|messages|emails)|last\s+week|(?:a|one)\s+week\s+ago"
    r"|wrote\s+(?:to\s+you\s+)?(?:last|a\s+week|earlier|recently)|reached\s+out|sent\s+you"
    r"|circling\s+back|checking\s+in|earlier\s+(?:note|message|email))\b"
)
_PHONE_RE = re.compile(r"\[your phone number\]|\+?\d[\d\s().-]{6,}\d")


def _sentences(text: str) -> list[str]:
    """The text's sentences (split at . ! ? and line breaks), after a greeting like "Hi Sam,"."""
    body = _GREETING_RE.sub("", text, count=1)
    return [s.strip() for s in _SENTENCE_SPLIT_RE.split(body) if s.strip()]


def _finding_for(
    rule: str, severity: str, message: str, match: re.Match | None, fix: str, subject: str = ""
) -> Finding:
    """A finding whose subject is the matched words (shortened)."""
    return Finding(
        rule, severity, message, finding_subject(subject or (match.group(0) if match else "")), fix
    )


# ----------------------------------------------------------------- R3 spelling


@lru_cache(maxsize=1)
def _spell():
    """The offline English word list (pyspellchecker), loaded on the first check only (R3).

    Loaded as a case-sensitive list: pyspellchecker's English list is lower case already, and so is
    every word looked up here, so the words and counts are the same while the 160,000 keys are not
    lower-cased again (over a third of the load, paid in every kernel that checks a draft).
    """
    import gzip
    import json
    import pkgutil

    from spellchecker import SpellChecker

    words = json.loads(gzip.decompress(pkgutil.get_data("spellchecker", "resources/en.json.gz")))
    spell = SpellChecker(language=None, distance=1, case_sensitive=True)
    spell.word_frequency.load_json(words)
    return spell


_DOTTED_RE = re.compile(r"[^\W_]\.[^\W_]")  # "example.org", "e.g": a link or an abbreviation
_MAX_WORD = 30  # longer runs of letters are not words (and would be slow to correct)
_WORD_RE = re.compile(r"\w+(?:'\w+)*")
_PROPER_RE = re.compile(r"\b[A-Z][\w'-]*")  # capitalized words of the pitch: places, schools
_SUFFIX_RE = re.compile(r"(?:'s|'re|'ve|'ll|'d|'m|n't|')$")


def _known_set(values: Iterable[str]) -> set[str]:
    """Lower-case words from names and titles, to be accepted as correctly spelled (R3)."""
    known = set()
    for value in values:
        for word in _WORD_RE.findall(_text(value)[:10_000].replace("\u2019", "'")):
            word = word.casefold()
            known.add(word)
            known.add(_SUFFIX_RE.sub("", word))
    return known


def _suggest(spell, word: str) -> str:
    """The most common known word one edit away, or "" (linear in the word's length)."""
    if len(word) > 20:
        return ""
    candidates = spell.known(spell.edit_distance_1(word))
    if not candidates:
        return ""
    return max(sorted(candidates), key=lambda w: spell.word_usage_frequency(w))


def _add_candidate(original: str, known: set[str], candidates: dict[str, str]) -> None:
    """Record a word to look up (R3) unless it is a name, an acronym, a number or already known."""
    if not original.isascii() or "_" in original or any(c.isdigit() for c in original):
        return
    base = _SUFFIX_RE.sub("", original)
    if not 3 <= len(base) <= _MAX_WORD or any(c.isupper() for c in base[1:]):
        return
    key = base.lower()
    if key in known or original.lower() in known or key in candidates:
        return
    candidates[key] = original


def _typo_findings(text: str, known: set[str]) -> list[Finding]:
    """R3: words not in the English word list, skipping names, acronyms, links and numbers.

    A word is checked when it has three or more ASCII letters, no digit, and no capital letter
    after its first (so "iPhone", "McKinsey" and "NASA" pass). Each distinct word is looked up
    once. Lower-case unknown words with a likely correction are warnings (probably typos); the
    others, capitalized or without a suggestion (probably names or jargon), are info.
    """
    candidates: dict[str, str] = {}
    for chunk in text.replace("\u2019", "'").split():
        if (
            len(chunk) > 2 * _MAX_WORD
            or "@" in chunk
            or "://" in chunk
            or "www." in chunk
            or _DOTTED_RE.search(chunk)
        ):
            continue  # links, addresses and run-on strings are not spelled words
        for token in _WORD_RE.finditer(chunk):
            _add_candidate(token.group(0), known, candidates)
    if not candidates:
        return []
    try:
        spell = _spell()
    except Exception:  # noqa: BLE001 - no word list: say so instead of failing the whole check
        return [
            Finding(
                "R3",
                _INFO,
                "The spelling could not be checked on this computer.",
                fix="Read the message out loud once before sending it.",
            )
        ]
    unknown = [k for k in candidates if k not in spell]
    found = []
    for key in unknown[:_SPELL_MAX_FINDINGS]:
        original = candidates[key]
        suggestion = _suggest(spell, key)
        capitalized = original[:1].isupper()
        severity = _WARNING if suggestion and not capitalized else _INFO
        message = (
            "This word isn't in the spelling list. A typo in a first message can make a "
            "careful person look careless."
        )
        if capitalized:
            message = (
                "This word isn't in the spelling list. If it is a name, it is probably "
                "fine; otherwise check it."
            )
        fix = (
            f"Did you mean \u201c{suggestion}\u201d?" if suggestion else "Check how it is spelled."
        )
        found.append(Finding("R3", severity, message, finding_subject(original, 40), fix))
    if len(unknown) > _SPELL_MAX_FINDINGS:
        found.append(
            Finding(
                "R3",
                _INFO,
                f"{len(unknown) - _SPELL_MAX_FINDINGS} more words are not in the spelling list.",
                fix="Fix the ones above, then check again.",
            )
        )
    return found


# ----------------------------------------------------------------- check_request


def _objective_stems(objective: Objective) -> set[str]:
    """R1: the meaningful words of the objective (roles, field, goals): 4+ letters, not generic."""
    words = " ".join(
        [_text(objective.field_of_interest), *_as_list(objective.roles), *_as_list(objective.goals)]
    )[:20_000]
    return {s for s in _stems(words) if len(s) >= 4}


def _check(
    text: str,
    profile: Profile,
    objective: Objective,
    contact: Contact | None,
    kind: str,
    strict: bool,
    known_words: Iterable[str],
    sender: str,
    linkedin_plan: str,
) -> list[Finding]:
    """All the rules of ``check_request`` in reading order (see there)."""
    found: list[Finding] = []
    if sender:
        found.extend(check_email(sender, profile.name))
    if not text.strip():
        found.insert(
            0,
            Finding(
                "R1",
                _ERROR,
                "The message is empty.",
                fix="Start from a composed draft, or write a few sentences.",
            ),
        )
        return found
    folded = _fold(text)
    sentences = _sentences(folded)

    # R1 length
    if kind == "linkedin_note":
        found.extend(linkedin_note_findings(text, linkedin_plan))
    else:
        limit, strict_limit = WORD_LIMITS.get(kind, (100, 75))
        words = _word_count(text)
        if words > (strict_limit if strict else limit):
            found.append(
                Finding(
                    "R1",
                    _WARNING,
                    f"At {words} words this is longer than "
                    f"{strict_limit if strict else limit} words: a busy person reads a first message "
                    "on a phone and answers a short one more often.",
                    f"{words} words",
                    "Keep the link between you, what you want to learn and the question; cut the "
                    "rest.",
                )
            )
        elif words > strict_limit:
            found.append(
                Finding(
                    "R1",
                    _INFO,
                    f"{words} words is fine; under {strict_limit} is even better.",
                    f"{words} words",
                    "See if a sentence can go.",
                )
            )

    # R1 connection first (R6 for an introduction request, R7 for a follow-up)
    head = " ".join(sentences[:2])
    if kind == "request_intro":
        if not _INTRO_ASK_RE.search(folded):
            found.append(
                Finding(
                    "R6",
                    _WARNING,
                    "It doesn't ask them to introduce you or to forward your note, which is the "
                    "point of writing to the person you both know.",
                    fix=(
                        "Ask, for example: 'Would you be willing to introduce us, or to forward the "
                        "note below?'"
                    ),
                )
            )
    elif kind == "follow_up":
        if not _FOLLOW_UP_REF_RE.search(folded):
            found.append(
                Finding(
                    "R7",
                    _WARNING,
                    "It doesn't mention your first message, so it reads like a new request.",
                    finding_subject(head),
                    "Open with, for example: 'I'm following up on my note from last week.'",
                )
            )
    elif not _CONNECTION_RE.search(head):
        found.append(
            Finding(
                "R1",
                _WARNING,
                "The opening doesn't say how you got their name. Saying it first tells them why you "
                "are writing to them in particular, and people answer that more often.",
                finding_subject(head),
                "Start with the link, for example: 'Sam Lee suggested I contact you' or 'I found "
                "your name on your team's page'.",
            )
        )

    # R1 what you want to learn, tied to the objective
    wanted = _objective_stems(objective)
    if wanted:
        if not (_stems(folded[:50_000]) & wanted):
            found.append(
                Finding(
                    "R1",
                    _WARNING,
                    "It doesn't say what you want to learn: none of the words of your objective "
                    "(field, roles or goals) appear in it.",
                    fix="Name one thing you want to learn from them, taken from your goals in step 1.",
                )
            )
    elif not re.search(
        r"\b(?:learn|hear|understand|find\s+out|ask\s+(?:you\s+)?about|curious)\b", folded
    ):
        found.append(
            Finding(
                "R1",
                _WARNING,
                "It doesn't say what you want to learn.",
                fix="Add one sentence on what you hope to learn from them (and fill in step 1).",
            )
        )

    # R1 a clear question
    questions = [s for s in sentences if "?" in s]
    if not any(_REQUEST_VERB_RE.search(s) for s in questions):
        found.append(
            Finding(
                "R1",
                _WARNING,
                "There is no clear question asking for their time. A direct question is easy to "
                "answer with a yes.",
                fix="Ask, for example: 'Would you be open to a 20-minute phone call next week?'",
            )
        )

    # R4 how much time
    too_much = _TIME_TOO_MUCH_RE.search(folded)
    if too_much:
        found.append(
            _finding_for(
                "R4",
                _WARNING,
                "This asks for a lot of their time (or a meal). Twenty to thirty minutes is easier to "
                "say yes to.",
                too_much,
                "Ask for 20-30 minutes; they can always offer more, and coffee is enough.",
            )
        )
    elif not _TIME_OK_RE.search(folded):
        found.append(
            Finding(
                "R4",
                _WARNING,
                "It doesn't say how much of their time you are asking for. Naming 20-30 minutes shows "
                "you will respect it.",
                fix="Add it to your question, e.g. 'a 20-minute call'.",
            )
        )

    # R4, T6 how to meet, and when
    if kind not in ("voicemail",) and not _MODES_RE.search(folded):
        found.append(
            Finding(
                "R4",
                _INFO,
                "It doesn't offer a phone or video call, which is the easiest thing to say yes to.",
                fix="Offer both, e.g. 'a short phone or video call'.",
            )
        )
    social = _SOCIAL_VIDEO_RE.search(folded)
    if social:
        found.append(
            _finding_for(
                "T6",
                _INFO,
                "Video tools tied to a social network mix private life and work, and "
                "not everyone has an account.",
                social,
                "Offer a phone call or a common video tool instead.",
            )
        )
    in_person = _IN_PERSON_RE.search(folded)
    local = getattr(contact, "local", None) if contact is not None else None
    if in_person and local is False:
        found.append(
            _finding_for(
                "T6",
                _INFO,
                "It offers to meet in person, but they don't seem to be nearby.",
                in_person,
                "Offer a phone or video call instead.",
            )
        )
    elif (
        not in_person
        and local is True
        and kind in ("request_direct", "request_cold", "request_intro")
    ):
        found.append(
            Finding(
                "T6",
                _INFO,
                "They are nearby, so you could also offer to meet in person.",
                fix="Add, for example: 'or a coffee near your work, if you prefer'.",
            )
        )
    if kind in ("request_direct", "request_cold", "follow_up") and not _FLEXIBLE_RE.search(folded):
        found.append(
            Finding(
                "R4",
                _INFO,
                "It doesn't say you are flexible about times.",
                fix="Add, for example: 'I can work around your schedule.'",
            )
        )

    # R2 no job ask, no flattery
    spans: list[tuple[int, int]] = []
    seen_jobs: set[str] = set()
    for pattern in _JOB_ASK_RES:
        if len(spans) >= 5:
            break
        for match in pattern.finditer(folded):
            start, end = match.span()
            words = match.group(0)
            if words in seen_jobs or any(start < e and s < end for s, e in spans):
                continue  # the same words, or words overlapping an ask already reported
            spans.append((start, end))
            seen_jobs.add(words)
            found.append(
                _finding_for(
                    "R2",
                    _ERROR,
                    "This asks for a job, an opening or a referral. An informational interview is "
                    "only for learning, and asking turns it into an application most people turn "
                    "down. If they know of something, they will tell you.",
                    match,
                    "Remove it; ask what you want to learn instead, e.g. how people in their role "
                    "got hired.",
                )
            )
            if len(spans) >= 5:
                break
    strong = _FLATTERY_STRONG_RE.search(folded)
    mild = list(_FLATTERY_MILD_RE.finditer(folded[:50_000]))
    mild_score = sum(2 if m.group(1) else 1 for m in mild)
    if strong or mild_score >= _FLATTERY_MILD_LIMIT:
        subject = strong.group(0) if strong else ", ".join(dict.fromkeys(m.group(0) for m in mild))
        found.append(
            Finding(
                "R2",
                _WARNING,
                "This praise is strong for someone who doesn't know you yet, and can sound "
                "insincere. One honest, specific compliment is plenty.",
                finding_subject(subject),
                "Keep one concrete compliment, e.g. what you found useful in a talk or article of "
                "theirs.",
            )
        )

    # R1 more than half about them
    if kind not in ("request_intro",):
        mine = yours = total = 0
        for word in _PRONOUN_RE.findall(folded):
            total += 1
            if word in _FIRST_PERSON:
                mine += 1
            elif word in _SECOND_PERSON:
                yours += 1
        if mine > yours and mine > _SELF_SHARE * total:
            found.append(
                Finding(
                    "R1",
                    _WARNING,
                    f"This is mostly about you: {mine} words like 'I' and 'my' against {yours} like "
                    "'you' and 'your'. People answer more readily when a request is about them.",
                    f"I/me/my: {mine}; you/your: {yours}",
                    "Turn a sentence around, e.g. 'Your work on X is what I hope to learn about' "
                    "instead of 'I am interested in X'.",
                )
            )

    # R7 a voicemail gives the number twice
    if kind == "voicemail":
        numbers = len(_PHONE_RE.findall(folded))
        if numbers < 2:
            found.append(
                Finding(
                    "R7",
                    _WARNING,
                    "A voicemail should give your phone number twice, slowly, so they can write it "
                    "down without replaying the message."
                    if numbers
                    else "The script doesn't give your phone number.",
                    fix="Say your number near the end, then once more: 'Again, that's ...'.",
                )
            )

    # R3 typos
    known = _known_set(
        [
            *_as_list(known_words),
            profile.name,
            *_PROPER_RE.findall(_text(profile.pitch)[:10_000]),
            objective.field_of_interest,
            *_as_list(objective.roles),
            *_as_list(objective.organizations),
            *_as_list(objective.goals),
            *(
                [
                    contact.first_name,
                    contact.last_name,
                    contact.organization,
                    contact.position,
                    contact.via,
                    contact.warm_reason,
                    contact.location,
                    *_as_list(contact.alt_titles),
                ]
                if contact is not None
                else []
            ),
        ]
    )
    found.extend(_typo_findings(text[:100_000], known))
    return found


def check_request(
    text: str,
    *,
    profile: Profile,
    objective: Objective,
    contact: Contact | None = None,
    kind: str = "request_direct",
    strict: bool = False,
    known_words: Iterable[str] = (),
    sender: str = "",
    linkedin_plan: str = "free",
) -> list[Finding]:
    """R1-R4, R6, R7, T6, O5: everything to improve in a request before sending it.

    Rules, each a ``Finding`` with the rule id, the reason and what to do:

    - R1 (error) empty; (warning) over the word limit of ``WORD_LIMITS`` (100 words, or 75 with
      ``strict``; every word of the text counts, greeting and sign-off included, since that is
      what the reader scrolls through), or over ``LINKEDIN_LIMITS[linkedin_plan]`` characters
      for a LinkedIn note (error); (info) between 75 and 100 words;
    - R1 (warning) the first two sentences after the greeting don't say how you got their name;
      for a follow-up, R7 (warning) it doesn't mention the first message; for an introduction
      request, R6 (warning) it doesn't ask to introduce you or forward your note;
    - R1 (warning) no word of the objective (field, roles, goals) appears: it doesn't say what
      you want to learn; no clear question (a sentence with "?" and "would you", "could we"...);
      more "I/me/my" than "you/your" and above 8% of the words (not for an introduction request,
      which is about you by nature);
    - R4 (warning) no 20-30 minutes named, or an hour, a meal or drinks asked for; (info) no
      phone or video offered, no flexibility about times; T6 (info) in person offered to someone
      not local, or not offered to someone local, or a social network's video tool;
    - R2 (error) any ask for a job, an opening, a referral to one, or to pass on a resume
      (learning how people get hired is fine); (warning) strong or repeated praise;
    - R7 (warning) a voicemail that doesn't give the number twice;
    - R3 (warning/info) words not in the English word list; names from ``known_words``, the
      profile, the objective and the contact are accepted;
    - O5 the sender address (``sender``), checked by ``email_check.check_email``.

    Never raises: any input (empty, huge, HTML, unicode) gives findings; work is linear in the
    length of the text.
    """
    try:
        profile = profile if isinstance(profile, Profile) else Profile()
        objective = objective if isinstance(objective, Objective) else Objective()
        contact = contact if isinstance(contact, Contact) else None
        kind = kind if kind in DRAFT_KINDS else "request_direct"
        return _check(
            _text(text),
            profile,
            objective,
            contact,
            kind,
            bool(strict),
            known_words if known_words is not None else (),
            _text(sender).strip(),
            _text(linkedin_plan).strip().lower(),
        )
    except Exception:  # noqa: BLE001 - a checker must never take the page down
        return [
            Finding(
                "R1",
                _INFO,
                "This message could not be checked completely.",
                fix="Read it once more yourself before sending.",
            )
        ]
