"""The thank-you checker: is the note personal (S2), does the introducer's note say that you
met, how it went and what came of it (S3), does an update ask for nothing (S4)?

Typos (R3) and job asks (R2) are found by step 3's ``request_check.check_request``, keeping
only its R3 and R2 findings, so every step judges spelling and asks the same way. Checks
return ``Finding`` objects and never raise, whatever the text.
"""

from __future__ import annotations

from collections.abc import Iterable

from .records import ERROR, INFO, WARNING, Finding, Objective, Profile
from .request_check import check_request
from .safe import one_line as _one_line
from .safe import plain_text as _text
from .text import fold, stem, word_count
from .thanks import GIFT_GUIDANCE, MAX_CHECK, RULES, THANKS_KINDS, WORD_LIMITS
from .thanks_words import (
    ASK_RE,
    GENERIC,
    GIFT_RE,
    MET_RE,
    NAMED_REFERRAL_RE,
    OUTCOME_RE,
    PLACEHOLDER_RE,
    PROGRESS_RE,
    SENTENCE_RE,
    STATUS_RE,
    THANK_RE,
    WENT_WELL_RE,
    WORD_RE,
)


def _stems(text: str, drop: Iterable[str] = frozenset()) -> set[str]:
    """Meaningful word stems of a text: three letters or more, no stop or thank-you words."""
    drop = set(drop)
    found = set()
    for word in WORD_RE.findall(fold(_text(text)[:MAX_CHECK].replace("\u2019", "'"))):
        word = word.strip("'")
        if len(word) < 3 or word in GENERIC or word in drop:
            continue
        if word.endswith("'s"):
            word = word[:-2]
        found.add(stem(word))
    return found


def _known(values: Iterable[str]) -> set[str]:
    """Folded single words of names and organizations (never proof of a personal note)."""
    words = set()
    for value in values:
        words.update(w.strip("'") for w in WORD_RE.findall(fold(_text(value)[:10_000])))
    return words


def _kind(kind: str) -> str:
    kind = _text(kind).strip().lower()
    if kind in ("thanks_card", "card"):
        return "card"
    return kind if kind in THANKS_KINDS else "thanks"


def check_thanks(
    text: str,
    *,
    kind: str = "thanks",
    specific_hints: Iterable[str] = (),
    suggestion_hints: Iterable[str] = (),
    known_words: Iterable[str] = (),
    language: str | None = None,
) -> list[Finding]:
    """S2-S4, R3: what to improve in a thank-you, a card, an introducer's thanks or an update.

    ``kind`` is "thanks", "card" (or "thanks_card"), "intro_thanks" or "update".

    - (error) empty; [placeholders in brackets] still unfilled;
    - S2 (warning, thanks and card) it doesn't say thank you; it names nothing specific:
      none of the meaningful words of ``specific_hints`` (the debrief's insights and notes;
      names in ``known_words`` don't count) appear in it, or, without hints, there is hardly
      a word beyond what any thank-you says ("thanks for your time");
    - S2 (warning, thanks and card) ``suggestion_hints`` given, but the note doesn't mention
      the suggestion, or doesn't say what you did about it (in that sentence or the next);
    - S2 (warning, every kind) gifts, gift cards or e-card services mentioned (GIFT_GUIDANCE);
    - S2/S3/S4 (warning) longer than ``WORD_LIMITS`` (150 words, a card 80);
    - S3 (warning) an introducer's thanks that doesn't say you met, or what came of it
      (``specific_hints`` may hold the outcome); (info) doesn't say how it went;
    - S4 (warning) an update that shares no progress (when ``specific_hints`` hold the news
      you meant to share: none of their words appear), or asks for a job, an opening or a
      referral (the same detection as step 3's R2); (info) one that asks for something else;
      R2 (warning) the same asks in a thank-you;
    - R3 (warning/info) words not in the English word list; ``known_words`` (names of people
      and organizations) are accepted.

    Never raises; user text appears only in a finding's ``subject``, shortened.
    """
    try:
        return _check(
            _text(text)[:MAX_CHECK],
            _kind(kind),
            list(map(_text, specific_hints or ())),
            list(map(_text, suggestion_hints or ())),
            list(map(_text, known_words or ())),
        )
    except Exception:  # noqa: BLE001 - a checker must never take the page down
        return [
            Finding(
                RULES.get(_kind(kind), "S2"),
                INFO,
                "This note could not be checked completely.",
                fix="Read it once more yourself before sending.",
            )
        ]


def _check(
    text: str,
    kind: str,
    specific_hints: list[str],
    suggestion_hints: list[str],
    known_words: list[str],
) -> list[Finding]:
    """All the rules of ``check_thanks`` in reading order."""
    rule = RULES[kind]
    if not text.strip():
        return [
            Finding(
                rule,
                ERROR,
                "The note is empty.",
                fix="Start from the composed draft and make it yours.",
            )
        ]
    found: list[Finding] = []
    folded = fold(text.replace("\u2019", "'"))

    for match in list(dict.fromkeys(PLACEHOLDER_RE.findall(text)))[:5]:
        found.append(
            Finding(
                rule,
                ERROR,
                "Replace this placeholder before sending.",
                _one_line(match, 80),
                "Write your own words in its place, or delete the sentence.",
            )
        )

    known = _known(known_words)
    if kind in ("thanks", "card", "intro_thanks") and not THANK_RE.search(folded):
        found.append(
            Finding(
                rule,
                WARNING,
                "It doesn't actually say thank you.",
                fix="Start with a plain 'Thank you for ...'.",
            )
        )

    if kind in ("thanks", "card"):
        found.extend(_specific_findings(folded, specific_hints, known))
        found.extend(_suggestion_findings(folded, suggestion_hints))

    gift = GIFT_RE.search(folded)
    if gift:
        found.append(
            Finding(
                "S2",
                WARNING,
                "Skip gifts, gift cards and e-cards: a personal note is the thanks "
                "people value. A small token fits only after substantial help, such as a mentor or "
                "a lead that worked out.",
                _one_line(gift.group(0), 60),
                GIFT_GUIDANCE,
            )
        )

    words = word_count(text)
    limit = WORD_LIMITS[kind]
    if words > limit:
        what = "card" if kind == "card" else "note"
        found.append(
            Finding(
                rule,
                WARNING,
                f"At {words} words this is long for a {what} like this; under "
                f"{limit} words gets read in full.",
                f"{words} words",
                "Keep the thanks, the one specific thing and the news; cut the rest.",
            )
        )

    if kind == "intro_thanks":
        found.extend(_intro_findings(folded, specific_hints, known))
    progress_stems = _stems(" ".join(specific_hints), known) if kind == "update" else set()
    shares_news = (
        bool(progress_stems & _stems(folded, known))
        if progress_stems
        else bool(PROGRESS_RE.search(folded))
    )
    if kind == "update" and not shares_news:
        found.append(
            Finding(
                "S4",
                WARNING,
                "It doesn't share any news. An update is about your progress: what "
                "you did since you spoke, ideally with their advice.",
                fix="Add one or two sentences: a course, a project, a person you met, a step "
                "they suggested.",
            )
        )

    found.extend(_shared_findings(text, kind, known_words))
    return found


def _specific_findings(folded: str, hints: list[str], known: set[str]) -> list[Finding]:
    """S2: the note must name something from this conversation, not only thanks for the time."""
    hint_stems = _stems(" ".join(hints), known)
    text_stems = _stems(folded, known)
    if hint_stems:
        shared = hint_stems & text_stems
        if not shared:
            return [
                Finding(
                    "S2",
                    WARNING,
                    "It doesn't mention anything from your notes on the "
                    "conversation, so it could have been sent to anyone.",
                    _one_line(
                        hints[0] if len(hints) == 1 else " / ".join(h for h in hints if h.strip()),
                        80,
                    ),
                    "Name one thing they told you that was useful, in a sentence.",
                )
            ]
        return []
    if len(text_stems) < 3:
        return [
            Finding(
                "S2",
                WARNING,
                "This reads like a note anyone could send: it thanks them for their "
                "time but names nothing from the conversation.",
                _one_line(folded, 80),
                "Add one specific thing they said and why it helped you.",
            )
        ]
    return []


def _suggestion_findings(folded: str, hints: list[str]) -> list[Finding]:
    """S2: say what you did about something they suggested (in that sentence or the next)."""
    hints = [h for h in hints if h.strip()]
    wanted = _stems(" ".join(hints))
    if not wanted:
        return []
    sentences = [s for s in SENTENCE_RE.split(folded) if s.strip()]
    where = [i for i, s in enumerate(sentences) if _stems(s) & wanted]
    subject = _one_line(hints[0], 80)
    if not where:
        return [
            Finding(
                "S2",
                WARNING,
                "It doesn't mention what they suggested. Saying what you did about "
                "it shows you listened, and gives them a reason to help again.",
                subject,
                "Add, for example: 'I've already contacted ...' or 'I'll read ... this week'.",
            )
        ]
    if not any(STATUS_RE.search(" ".join(sentences[i : i + 2])) for i in where):
        return [
            Finding(
                "S2",
                WARNING,
                "It mentions their suggestion but not what you did, or will do, about it.",
                subject,
                "Add when: 'I've already ...' or 'I'll ... this week'.",
            )
        ]
    return []


def _intro_findings(folded: str, hints: list[str], known: set[str]) -> list[Finding]:
    """S3: that you met, how it went, and what came of it."""
    found = []
    if not MET_RE.search(folded):
        found.append(
            Finding(
                "S3",
                WARNING,
                "It doesn't say that you met. The person who introduced you wants "
                "to know their introduction worked.",
                fix="Add, for example: 'We met last week.'",
            )
        )
    if not WENT_WELL_RE.search(folded):
        found.append(
            Finding(
                "S3",
                INFO,
                "Say how it went, in a few words.",
                fix="For example: 'It was a really helpful conversation.'",
            )
        )
    hint_stems = _stems(" ".join(hints), known)
    came_of_it = (
        bool(hint_stems & _stems(folded, known)) if hint_stems else bool(OUTCOME_RE.search(folded))
    )
    if not came_of_it:
        found.append(
            Finding(
                "S3",
                WARNING,
                "It doesn't say what came of the meeting. Hearing that their "
                "introduction helped is the best thanks an introducer can get.",
                fix="Add what you learned or what you are doing next because of it.",
            )
        )
    return found


def _shared_findings(text: str, kind: str, known_words: list[str]) -> list[Finding]:
    """R3 typos and job asks, judged by step 3's ``check_request`` (only those findings kept).

    A "referral to <Name>" is a person they pointed you to (D3), not a job referral, so it is
    read as an introduction first.
    """
    softened = NAMED_REFERRAL_RE.sub(lambda m: "introduction" + ("s" if m.group(1) else ""), text)
    results = check_request(
        softened,
        profile=Profile(),
        objective=Objective(),
        known_words=known_words,
        kind="request_direct",
    )
    found = [
        f
        if "first message" not in f.message
        else Finding(
            f.rule,
            f.severity,
            "This word isn't in the spelling list. A typo can undo an otherwise careful note.",
            f.subject,
            f.fix,
        )
        for f in results
        if f.rule == "R3"
    ]
    asks = [f for f in results if f.rule == "R2" and f.severity == ERROR]
    if asks:
        subject = _one_line("; ".join(dict.fromkeys(f.subject for f in asks)), 80)
        if kind == "update":
            found.append(
                Finding(
                    "S4",
                    WARNING,
                    "An update shares news and asks for nothing. Asking for a job, "
                    "an opening or a referral here turns it into a request.",
                    subject,
                    "Remove the ask; if they know of something, they will tell you.",
                )
            )
        else:
            found.append(
                Finding(
                    "R2",
                    WARNING,
                    "A thank-you is not the place to ask for a job, an opening or a "
                    "referral; it can undo the goodwill of the meeting.",
                    subject,
                    "Remove the ask; if they know of something, they will tell you.",
                )
            )
    if kind == "update" and not asks:
        request = ASK_RE.search(fold(text))
        if request:
            found.append(
                Finding(
                    "S4",
                    INFO,
                    "This update asks for something. Updates work best when they ask "
                    "for nothing, so people enjoy hearing from you.",
                    _one_line(request.group(0), 40),
                    "Keep the request for a separate message, if you need it.",
                )
            )
    return found
