"""Step 3, the request checker's rules one by one (R1 opening, learning and "about them", R2,
R4, R6, R7, T6), for ``request_check``, which runs them in reading order.

Each takes the folded draft, the word lists to search (``request_words`` and its Spanish and
Chinese counterparts, the draft's first) and the draft's language, and returns findings whose
reasons are in the participant's language (``_()``) and whose examples are in the draft's
(``example``). Pure: no widgets, files or network.
"""

from __future__ import annotations

import re

from . import request_words, request_words_es, request_words_zh
from .i18n import N_, _, translate
from .outreach import word_stems as _stems
from .records import ERROR, INFO, WARNING, Contact, Finding, Objective, finding_subject
from .safe import plain_text as _text
from .safe import text_list as _as_list
from .text import fold as _fold

__all__ = [
    "VOCABS",
    "about_them_findings",
    "ask_findings",
    "example",
    "learning_findings",
    "opening_findings",
    "search",
    "time_findings",
]

VOCABS = {"en": request_words, "es": request_words_es, "zh": request_words_zh}
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")

_FLATTERY_MILD_LIMIT = 3  # one plain compliment = 1, an intensified one = 2

_SELF_SHARE = 0.08  # R1: first person above 8% of the words, and more often than "you"
_CHARACTERS_PER_WORD = 1.7  # R1: Chinese characters per word, to weigh 我 against the words

# The words a finding names, in the draft's language (quoted as they appear in it).
_SELF_WORDS = {"en": "'I' and 'my'", "es": "'yo', 'me', 'mi'", "zh": "'我'"}
_OTHER_WORDS = {"en": "'you' and 'your'", "es": "'usted', 'su', 'le'", "zh": "'您', '你'"}
_SELF_LABEL = {"en": "I/me/my", "es": "yo/me/mi", "zh": "我"}
_OTHER_LABEL = {"en": "you/your", "es": "usted/su/le", "zh": "您/你"}

# Examples to put into the draft: English here, and in the catalogs the same example written
# natively in Spanish and Chinese (shown in the DRAFT's language, see ``example``).
_EX_LINK = N_("'Sam Lee suggested I contact you' or 'I found your name on your team's page'")
_EX_INTRO = N_("'Would you be willing to introduce us, or to forward the note below?'")
_EX_FOLLOW_UP = N_("'I'm following up on my note from last week.'")
_EX_TIME = N_("'a 20-minute call'")
_EX_MODES = N_("'a short phone or video call'")
_EX_IN_PERSON = N_("'or a coffee near your work, if you prefer'")
_EX_FLEXIBLE = N_("'I can work around your schedule.'")
_EX_ABOUT_THEM = N_("'Your work on X is what I hope to learn about'")
_EX_ABOUT_ME = N_("'I am interested in X'")


def example(language: str, sentence: str) -> str:
    """An example sentence in the draft's language (the participant reads the advice in theirs)."""
    return translate(language, sentence)


def search(vocabs: list, name: str, text: str) -> re.Match | None:
    """The first match of the pattern ``name`` of any of ``vocabs`` in ``text``."""
    for vocab in vocabs:
        pattern = getattr(vocab, name, None)
        match = pattern.search(text) if pattern is not None else None
        if match:
            return match
    return None


def _finding_for(
    rule: str, severity: str, message: str, match: re.Match | None, fix: str, subject: str = ""
) -> Finding:
    """A finding whose subject is the matched words (shortened)."""
    return Finding(
        rule, severity, message, finding_subject(subject or (match.group(0) if match else "")), fix
    )


# ----------------------------------------------------------------- check_request


def _objective_stems(objective: Objective, language: str) -> set[str]:
    """R1: the meaningful words of the objective (roles, field, goals): 4+ letters, not generic
    (in a Spanish draft, Spanish generic words such as "aprender" or "trabajo" too)."""
    stems = {s for s in _stems(_objective_text(objective)) if len(s) >= 4}
    if language == "es":
        stems -= request_words_es.GENERIC_STEMS
    return stems


def _objective_text(objective: Objective) -> str:
    return " ".join(
        [_text(objective.field_of_interest), *_as_list(objective.roles), *_as_list(objective.goals)]
    )[:20_000]


def _objective_pairs(objective: Objective) -> set[str]:
    """R1: the objective's Chinese words, as pairs of characters ("数据分析" -> 数据, 据分, 分析),
    after its generic words ("了解", "工作") are cut out; a Chinese draft that holds one of
    them names the objective."""
    pairs = set()
    for run in _CJK_RUN.findall(_fold(_objective_text(objective))):
        for generic in request_words_zh.GENERIC_PAIRS:
            run = run.replace(generic, " ")
        for segment in run.split():
            pairs.update(segment[i : i + 2] for i in range(len(segment) - 1))
    return pairs - request_words_zh.GENERIC_PAIRS


def _pronoun_counts(folded: str, language: str) -> tuple[int, int, float]:
    """R1: (first person, second person, words) in the draft's language."""
    if language == "zh":
        mine = len(request_words_zh.FIRST_PERSON_RE.findall(folded))
        yours = len(request_words_zh.SECOND_PERSON_RE.findall(folded))
        latin = len(re.findall(r"[a-z]+", folded))
        return mine, yours, len(_CJK.findall(folded)) / _CHARACTERS_PER_WORD + latin
    vocab = VOCABS[language]
    mine = yours = total = 0
    for word in vocab.PRONOUN_RE.findall(folded):
        total += 1
        if word in vocab.FIRST_PERSON:
            mine += 1
        elif word in vocab.SECOND_PERSON:
            yours += 1
    return mine, yours, total


def opening_findings(kind: str, folded: str, head: str, vocabs: list, lang: str) -> list[Finding]:
    """R1 connection first (R6 for an introduction request, R7 for a follow-up)."""
    if kind == "request_intro":
        if search(vocabs, "INTRO_ASK_RE", folded):
            return []
        return [
            Finding(
                "R6",
                WARNING,
                _(
                    "It doesn't ask them to introduce you or to forward your note, which is the "
                    "point of writing to the person you both know."
                ),
                fix=_("Ask, for example: {example}").format(example=example(lang, _EX_INTRO)),
            )
        ]
    if kind == "follow_up":
        if search(vocabs, "FOLLOW_UP_REF_RE", folded):
            return []
        return [
            Finding(
                "R7",
                WARNING,
                _("It doesn't mention your first message, so it reads like a new request."),
                finding_subject(head),
                _("Open with, for example: {example}").format(example=example(lang, _EX_FOLLOW_UP)),
            )
        ]
    if search(vocabs, "CONNECTION_RE", head):
        return []
    return [
        Finding(
            "R1",
            WARNING,
            _(
                "The opening doesn't say how you got their name. Saying it first tells them why "
                "you are writing to them in particular, and people answer that more often."
            ),
            finding_subject(head),
            _("Start with the link, for example: {example}.").format(
                example=example(lang, _EX_LINK)
            ),
        )
    ]


def learning_findings(objective: Objective, folded: str, vocabs: list, lang: str) -> list[Finding]:
    """R1 what you want to learn, tied to the objective (its words in any language)."""
    wanted = _objective_stems(objective, lang)
    pairs = _objective_pairs(objective)
    if wanted or pairs:
        if (_stems(folded[:50_000]) & wanted) or any(p in folded for p in pairs):
            return []
        return [
            Finding(
                "R1",
                WARNING,
                _(
                    "It doesn't say what you want to learn: none of the words of your objective "
                    "(field, roles or goals) appear in it."
                ),
                fix=_(
                    "Name one thing you want to learn from them, taken from your goals in step 1."
                ),
            )
        ]
    if search(vocabs, "LEARN_RE", folded):
        return []
    return [
        Finding(
            "R1",
            WARNING,
            _("It doesn't say what you want to learn."),
            fix=_("Add one sentence on what you hope to learn from them (and fill in step 1)."),
        )
    ]


def time_findings(
    kind: str, folded: str, contact: Contact | None, vocabs: list, lang: str
) -> list[Finding]:
    """R4 how much time; R4, T6 how to meet, and when."""
    found = []
    too_much = search(vocabs, "TIME_TOO_MUCH_RE", folded)
    if too_much:
        found.append(
            _finding_for(
                "R4",
                WARNING,
                _(
                    "This asks for a lot of their time (or a meal). Twenty to thirty minutes is "
                    "easier to say yes to."
                ),
                too_much,
                _("Ask for 20-30 minutes; they can always offer more, and coffee is enough."),
            )
        )
    elif not search(vocabs, "TIME_OK_RE", folded):
        found.append(
            Finding(
                "R4",
                WARNING,
                _(
                    "It doesn't say how much of their time you are asking for. Naming 20-30 "
                    "minutes shows you will respect it."
                ),
                fix=_("Add it to your question, e.g. {example}.").format(
                    example=example(lang, _EX_TIME)
                ),
            )
        )
    if kind not in ("voicemail",) and not search(vocabs, "MODES_RE", folded):
        found.append(
            Finding(
                "R4",
                INFO,
                _(
                    "It doesn't offer a phone or video call, which is the easiest thing to say "
                    "yes to."
                ),
                fix=_("Offer both, e.g. {example}.").format(example=example(lang, _EX_MODES)),
            )
        )
    social = search(vocabs, "SOCIAL_VIDEO_RE", folded)
    if social:
        found.append(
            _finding_for(
                "T6",
                INFO,
                _(
                    "Video tools tied to a social network mix private life and work, and "
                    "not everyone has an account."
                ),
                social,
                _("Offer a phone call or a common video tool instead."),
            )
        )
    in_person = search(vocabs, "IN_PERSON_RE", folded)
    local = getattr(contact, "local", None) if contact is not None else None
    if in_person and local is False:
        found.append(
            _finding_for(
                "T6",
                INFO,
                _("It offers to meet in person, but they don't seem to be nearby."),
                in_person,
                _("Offer a phone or video call instead."),
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
                INFO,
                _("They are nearby, so you could also offer to meet in person."),
                fix=_("Add, for example: {example}.").format(example=example(lang, _EX_IN_PERSON)),
            )
        )
    if kind in ("request_direct", "request_cold", "follow_up") and not search(
        vocabs, "FLEXIBLE_RE", folded
    ):
        found.append(
            Finding(
                "R4",
                INFO,
                _("It doesn't say you are flexible about times."),
                fix=_("Add, for example: {example}").format(example=example(lang, _EX_FLEXIBLE)),
            )
        )
    return found


def ask_findings(folded: str, vocabs: list) -> list[Finding]:
    """R2 no job ask, no flattery (in any language of the draft)."""
    found = []
    spans: list[tuple[int, int]] = []
    seen_jobs: set[str] = set()
    patterns = [p for vocab in vocabs for p in vocab.JOB_ASK_RES]
    for pattern in patterns:
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
                    ERROR,
                    _(
                        "This asks for a job, an opening or a referral. An informational "
                        "interview is only for learning, and asking turns it into an application "
                        "most people turn down. If they know of something, they will tell you."
                    ),
                    match,
                    _(
                        "Remove it; ask what you want to learn instead, e.g. how people in their "
                        "role got hired."
                    ),
                )
            )
            if len(spans) >= 5:
                break
    strong = search(vocabs, "FLATTERY_STRONG_RE", folded)
    mild = [m for vocab in vocabs for m in vocab.FLATTERY_MILD_RE.finditer(folded[:50_000])]
    mild_score = sum(2 if m.group(1) else 1 for m in mild)
    if strong or mild_score >= _FLATTERY_MILD_LIMIT:
        subject = strong.group(0) if strong else ", ".join(dict.fromkeys(m.group(0) for m in mild))
        found.append(
            Finding(
                "R2",
                WARNING,
                _(
                    "This praise is strong for someone who doesn't know you yet, and can sound "
                    "insincere. One honest, specific compliment is plenty."
                ),
                finding_subject(subject),
                _(
                    "Keep one concrete compliment, e.g. what you found useful in a talk or "
                    "article of theirs."
                ),
            )
        )
    return found


def about_them_findings(folded: str, lang: str) -> list[Finding]:
    """R1 more than half about them."""
    mine, yours, total = _pronoun_counts(folded, lang)
    if not (mine > yours and mine > _SELF_SHARE * total):
        return []
    return [
        Finding(
            "R1",
            WARNING,
            _(
                "This is mostly about you: {mine} words like {me} against {yours} like {you}. "
                "People answer more readily when a request is about them."
            ).format(mine=mine, yours=yours, me=_SELF_WORDS[lang], you=_OTHER_WORDS[lang]),
            _("{me}: {mine}; {you}: {yours}").format(
                me=_SELF_LABEL[lang], mine=mine, you=_OTHER_LABEL[lang], yours=yours
            ),
            _("Turn a sentence around, e.g. {better} instead of {worse}.").format(
                better=example(lang, _EX_ABOUT_THEM), worse=example(lang, _EX_ABOUT_ME)
            ),
        )
    ]
