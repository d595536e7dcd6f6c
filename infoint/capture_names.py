"""Step 2, quick capture: the name in a pasted text, split into first and last name.

Names are written in many orders: "Last, First", a surname in capitals, Chinese, Japanese and
Korean names family name first, Hispanic double surnames, particles ("de la"). The email's
local part, when it spells the name, settles the order of a romanised Chinese name.
"""

from __future__ import annotations

import re

from .capture_words import (
    CJK_ORG_ENDINGS,
    CJK_TITLE_ENDINGS,
    CLOSINGS,
    HONORIFICS,
    ORG_WORDS,
    PARTICLES,
    POSTNOMINALS,
    TITLE_WORDS,
)
from .text import fold

__all__ = ["cjk_kind", "has_word", "name_like", "name_order", "split_name", "strip_name", "words"]

_PARENTHESES = re.compile(r"\s*\([^()]{0,40}\)")  # "(he/him)", "(Class of '09)" beside a name
_WORD = re.compile(r"[\w'’.&+/-]+")
_CJK = re.compile(r"^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]{2,5}$")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]")
_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "令狐", "夏侯")


def words(text: str) -> list[str]:
    """The words of a text, case-folded, as the word lists are written."""
    return [w.casefold().strip(".,'’") for w in _WORD.findall(text)]


def has_word(text: str, vocabulary: frozenset[str]) -> bool:
    """Whether a word of the text (or part of a hyphenated one) is in ``vocabulary``."""
    raw = [w.casefold() for w in _WORD.findall(text)]
    raw += [part for w in raw if "-" in w for part in w.split("-")]
    return any(w in vocabulary or w.strip(".,") in vocabulary for w in raw)


def strip_name(text: str) -> str:
    """A name without honorifics, post-nominals and pronouns ("Dr. Ana Ruiz, PhD" -> "Ana Ruiz")."""
    text = _PARENTHESES.sub("", text).strip()
    words = text.replace(",", " , ").split()
    while words and words[0].casefold() in HONORIFICS:
        words.pop(0)
    while words and (words[-1].casefold().strip(",") in POSTNOMINALS or words[-1] == ","):
        words.pop()
    return " ".join(words).replace(" , ", ", ")


def cjk_kind(text: str) -> str:
    """The kind of a Chinese or Japanese title ("title") or organization ("org"), by how it
    ends; "" for anything else."""
    text = text.strip()
    if not _CJK_CHAR.search(text[-1:]):
        return ""
    if text.endswith(CJK_ORG_ENDINGS):
        return "org"
    return "title" if text.endswith(CJK_TITLE_ENDINGS) else ""


def name_like(text: str) -> bool:
    """Whether a piece of text looks like a person's name (two to four capitalised words, or
    a Chinese, Japanese or Korean name), not a title, an organization or a closing."""
    name = strip_name(text)
    if not name or len(name) > 60 or re.search(r"[\d@/:()]", name) or cjk_kind(name):
        return False
    if _CJK.match(name.replace(" ", "")) and len(name.split()) <= 2:
        return True
    parts = [p for p in name.replace(",", " ").split() if p]
    if not 2 <= len(parts) <= 4 or name.count(",") > 1:
        return False
    if (
        has_word(name, TITLE_WORDS)
        or has_word(name, ORG_WORDS)
        or all(w in CLOSINGS for w in words(name))
    ):
        return False
    return all(p[:1].isupper() or p in PARTICLES for p in parts) and parts[0][:1].isupper()


def _capitalised(word: str) -> str:
    """A surname written in capitals ("DUPONT", "O'BRIEN") in ordinary case."""
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def split_name(text: str) -> tuple[str, str]:
    """First and last name, in the order the text gives them: "Last, First"; a surname in
    capitals ("DUPONT Marie", "TANAKA Hiroshi"); Chinese, Japanese and Korean names family name
    first; particles with the surname ("Ana de la Cruz"); else the last word is the surname."""
    name = strip_name(text)
    if "," in name:
        last, _, first = name.partition(",")
        return first.strip(), last.strip()
    words = name.split()
    if _CJK_CHAR.search(name):
        if len(words) == 2:
            return words[1], words[0]
        whole = "".join(words)
        size = 2 if whole[:2] in _COMPOUND_SURNAMES or len(whole) >= 4 else 1
        return whole[size:], whole[:size]
    if not words:
        return "", ""
    caps = [w for w in words if len(w) > 1 and w.isupper()]
    if caps and len(caps) == len(words):  # "JOHN SMITH": the whole name in capitals
        words, caps = [_capitalised(w) for w in words], []
    if caps and len(caps) < len(words):
        first = " ".join(w for w in words if w not in caps)
        return first, " ".join(_capitalised(w) for w in caps)
    if len(words) == 1:
        return words[0], ""
    for index, word in enumerate(words[1:-1], start=1):
        if word.casefold() in PARTICLES:  # "Ana de la Cruz", "Mohammed Al Farsi"
            return " ".join(words[:index]), " ".join(words[index:])
    if len(words) == 4:  # "María José Fernández García": two given names, two surnames
        return " ".join(words[:2]), " ".join(words[2:])
    return " ".join(words[:-1]), words[-1]


def name_order(first: str, last: str, email: str) -> tuple[str, str]:
    """First and last name the other way round when the email spells them so ("Wang Xiaoming"
    with xiaoming.wang@, a directory's "Smith Jennifer" with jsmith09@): a romanised Chinese
    or Korean name is often written family first, a directory sorts by surname."""
    local = re.sub(r"\d+$", "", fold(email.partition("@")[0]))  # "jsmith09" -> "jsmith"
    if not (first and last and " " not in first + last):
        return first, last
    a, b = fold(first), fold(last)
    given_first = (f"{a}.{b}", f"{a}_{b}", f"{a}{b}", f"{a[0]}{b}", f"{a[0]}.{b}")
    family_first = (f"{b}.{a}", f"{b}_{a}", f"{b}{a}", f"{b[0]}{a}", f"{b[0]}.{a}")
    if local in family_first and local not in given_first:
        return last, first
    return first, last
