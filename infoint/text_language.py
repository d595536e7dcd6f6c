"""Which of the workbook's languages a piece of text is written in, from the text alone.

Ground floor. The checks follow the draft, not the page: a student working in Spanish may write
to one person in English and to another in Chinese, and paste a line in a third. A guess from
the words is enough to pick the word lists (no model, no network): Chinese by its characters,
Spanish against English by their commonest short words and accents.
"""

from __future__ import annotations

import re

__all__ = ["cjk_share", "text_language"]

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df]")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SPANISH = frozenset(
    "el la los las un una unos unas de del al y o que en es por para con como pero su sus "
    "mi mis tu te me se le lo nos muy más ya también porque cuando sobre entre hola gracias "
    "estimado estimada saludos atentamente usted ustedes quisiera podría sería soy estoy "
    "estudiante trabajo empresa".split()
)
_ENGLISH = frozenset(
    "the a an of and or that in is for to with as but his her my your me we you it be are "
    "was were this would could should i am hello thanks thank dear regards sincerely "
    "student work company".split()
)
_ACCENTS = re.compile(r"[áéíóúñü¿¡]", re.IGNORECASE)


def cjk_share(text: str) -> float:
    """The share of the text's letters that are Chinese characters (0 for no letters)."""
    letters = len(_LETTER.findall(text))
    return len(_CJK.findall(text)) / letters if letters else 0.0


def text_language(text: str, default: str = "en") -> str:
    """ "zh", "es" or "en" for ``text``; ``default`` when it has too few words to tell.

    Chinese when at least a third of its letters are Chinese characters (a Chinese note that
    names an English company or title is still Chinese); otherwise Spanish when its Spanish
    markers (common words, accents, ¿ and ¡) outnumber its English ones.
    """
    if cjk_share(text) >= 1 / 3:
        return "zh"
    words = [w.lower() for w in _WORD.findall(text)]
    spanish = sum(w in _SPANISH for w in words) + len(_ACCENTS.findall(text))
    english = sum(w in _ENGLISH for w in words)
    if spanish == english == 0:
        return default
    if spanish > english:
        return "es"
    if english > spanish:
        return "en"
    return default
