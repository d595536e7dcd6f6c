"""What a thank-you note is about, per language: the stems of its meaningful words
(English and Spanish) or the two-character pieces of what a Chinese note names, and its
length (words; characters for Chinese). ``thanks_check`` compares these with the debrief's
words (S2-S4).
"""

from __future__ import annotations

from collections.abc import Iterable

from . import thanks_words_es, thanks_words_zh
from .safe import plain_text as _text
from .text import fold, stem, word_count
from .thanks import MAX_CHECK
from .thanks_words import GENERIC, WORD_RE

__all__ = ["known_words", "marks", "note_length", "specific_count"]


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


def _stems_es(text: str, drop: Iterable[str] = frozenset()) -> set[str]:
    """Spanish stems of a text: three letters or more, accents folded, plural and gender
    endings dropped, no stop or thank-you words."""
    drop = set(drop)
    found = set()
    for word in thanks_words_es.WORD_RE.findall(fold(_text(text)[:MAX_CHECK])):
        word = word.strip("'")
        if len(word) < 3 or word in thanks_words_es.GENERIC or word in drop:
            continue
        found.add(thanks_words_es.stem_es(word))
    return found


def _left_zh(text: str, drop: Iterable[str]) -> tuple[list[str], str]:
    """The runs of Chinese characters left once the phrases any thank-you has (and the
    names in ``drop``) are taken out, and the text's other (Latin-letter) words."""
    folded = fold(_text(text)[:MAX_CHECK])
    names = sorted((d for d in drop if thanks_words_zh.CJK_RE.search(d)), key=len, reverse=True)
    for phrase in (*names, *thanks_words_zh.GENERIC):
        folded = folded.replace(phrase, " ")
    runs = [r for r in thanks_words_zh.CJK_RUN_RE.findall(folded) if len(r) >= 2]
    return runs, thanks_words_zh.CJK_RE.sub(" ", folded)


def _marks_zh(text: str, drop: Iterable[str] = frozenset()) -> set[str]:
    """What a Chinese note names: every two characters of what is left once the phrases any
    thank-you has are taken out (no stemming), plus the stems of its Latin-letter words (an
    English tool or title named in a Chinese note)."""
    drop = set(drop)
    runs, latin = _left_zh(text, drop)
    found = {run[i : i + 2] for run in runs for i in range(len(run) - 1)}
    return found | _stems(latin, drop)


def marks(text: str, lang: str, drop: Iterable[str] = frozenset()) -> set[str]:
    """The words (stems, or two Chinese characters) that say what a text is about."""
    if lang == "es":
        return _stems_es(text, drop)
    if lang == "zh":
        return _marks_zh(text, drop)
    return _stems(text, drop)


def specific_count(text: str, lang: str, drop: Iterable[str] = frozenset()) -> int:
    """How many words a note has beyond what any thank-you says (a Chinese note's leftover
    characters count as words of two characters)."""
    if lang != "zh":
        return len(marks(text, lang, drop))
    drop = set(drop)
    runs, latin = _left_zh(text, drop)
    return sum((len(r) + 1) // 2 for r in runs) + len(_stems(latin, drop))


def known_words(values: Iterable[str]) -> set[str]:
    """Folded single words of names and organizations (never proof of a personal note)."""
    words = set()
    for value in values:
        folded = fold(_text(value)[:10_000])
        words.update(w.strip("'") for w in WORD_RE.findall(folded))
        words.update(thanks_words_zh.CJK_RUN_RE.findall(folded))
    return words


def note_length(text: str, lang: str) -> int:
    """Words, or for Chinese characters (each Latin-letter word counting one)."""
    if lang != "zh":
        return word_count(text)
    return len(thanks_words_zh.CJK_RE.findall(text)) + word_count(
        thanks_words_zh.CJK_RE.sub(" ", text)
    )
