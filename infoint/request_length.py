"""Step 3, R1: how long a request may be, in the language it is written in.

Apart from ``request_check`` so that each stays short. A request is measured the way its reader
reads it: English and Spanish in words, Chinese in characters. The limits give the same reading
time in each language (``length_limits``); a LinkedIn note is limited by LinkedIn itself, in
characters, whatever the language. The messages are in the participant's language (``_()``).
"""

from __future__ import annotations

import re

from .i18n import _, ngettext
from .outreach import LINKEDIN_LIMITS, WORD_LIMITS
from .records import ERROR, INFO, WARNING, Finding, finding_subject
from .safe import plain_text as _text
from .text import utf16_len as _utf16_len
from .text import word_count as _word_count

__all__ = ["length_findings", "length_limits", "length_note", "linkedin_note_findings", "measure"]

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df]")

# Spanish says the same thing in about 10-20% more words than English (articles, "de"
# phrases, longer verb forms), so 15% more words is the same reading time: 100 -> 115,
# 75 -> 85 (rounded to 5). Chinese is read in characters: a sentence translated from English
# takes about 1.6-2 characters per English word, so twice the English word limit (200 and 150
# characters for a request) is the same short message, never a longer one.
_SPANISH_FACTOR = 1.15
_CHINESE_FACTOR = 2


def _round5(value: float) -> int:
    return int(round(value / 5) * 5)


def length_limits(kind: str, language: str) -> tuple[int, int]:
    """(limit, strict limit) for a draft of ``kind`` in ``language``: words for English and
    Spanish, characters for Chinese."""
    limit, strict = WORD_LIMITS.get(kind, (100, 75))
    if language == "es":
        return _round5(limit * _SPANISH_FACTOR), _round5(strict * _SPANISH_FACTOR)
    if language == "zh":
        return limit * _CHINESE_FACTOR, strict * _CHINESE_FACTOR
    return limit, strict


def measure(text: str, language: str) -> int:
    """The draft's length in its language's unit.

    English and Spanish: words (``text.word_count``); a Chinese phrase inside counts a word per
    two characters. Chinese: its Chinese characters (punctuation not counted), and each word in
    Latin letters or digits ("Google", "2026") as two, about what it takes to read.
    """
    cjk = len(_CJK.findall(text))
    if language == "zh":
        return cjk + 2 * _word_count(_CJK.sub(" ", text))
    if not cjk:
        return _word_count(text)
    return _word_count(_CJK.sub(" ", text)) + (cjk + 1) // 2


def length_note(text: str, language: str) -> str:
    """The draft's size as the page shows it under the draft: words and characters, or for a
    Chinese draft the characters R1 counts (``measure``)."""
    if language == "zh":
        size = measure(text, "zh")
        return ngettext(
            "{n} character, as R1 counts it.", "{n} characters, as R1 counts them.", size
        ).format(n=size)
    return _("{words} words, {characters} characters.").format(
        words=len(text.split()), characters=len(text)
    )


def length_findings(text: str, kind: str, strict: bool, language: str) -> list[Finding]:
    """R1 (warning) over the limit for ``kind`` in ``language``; (info) between the strict
    limit and the limit."""
    limit, strict_limit = length_limits(kind, language)
    size = measure(text, language)
    shown = strict_limit if strict else limit
    chinese = language == "zh"
    subject = (
        _("{count} characters").format(count=size)
        if chinese
        else _("{words} words").format(words=size)
    )
    cut = _("Keep the link between you, what you want to learn and the question; cut the rest.")
    if size > shown:
        message = (
            _(
                "At {count} characters this is longer than {limit} characters: a busy person "
                "reads a first message on a phone and answers a short one more often."
            ).format(count=size, limit=shown)
            if chinese
            else _(
                "At {words} words this is longer than {limit} words: a busy person reads a "
                "first message on a phone and answers a short one more often."
            ).format(words=size, limit=shown)
        )
        return [Finding("R1", WARNING, message, subject, cut)]
    if size > strict_limit:
        message = (
            _("{count} characters is fine; under {limit} is even better.").format(
                count=size, limit=strict_limit
            )
            if chinese
            else _("{words} words is fine; under {limit} is even better.").format(
                words=size, limit=strict_limit
            )
        )
        return [Finding("R1", INFO, message, subject, _("See if a sentence can go."))]
    return []


def linkedin_note_findings(
    text: str, plan: str = "free", language: str | None = None
) -> list[Finding]:
    """R1: a LinkedIn invitation note must fit 200 characters (free) or 300 (premium).

    Characters are counted as a browser's text box counts them, so an emoji counts as two. An
    unknown plan is treated as "free", the stricter one. LinkedIn counts characters in every
    language alike, so ``language`` (the note's) changes nothing here; the message is in the
    participant's language.
    """
    limit = LINKEDIN_LIMITS.get(_text(plan).strip().lower(), LINKEDIN_LIMITS["free"])
    text = _text(text)
    count = _utf16_len(text)
    if count > limit:
        return [
            Finding(
                "R1",
                ERROR,
                _(
                    "This note has {count} characters; LinkedIn accepts at most {limit} on this "
                    "plan, so {over} would be cut off or the note refused."
                ).format(count=count, limit=limit, over=count - limit),
                finding_subject(text),
                _(
                    "Keep the link between you, what you want to learn and the question; drop "
                    "the rest."
                ),
            )
        ]
    return []
