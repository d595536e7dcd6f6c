"""Text helpers every step shares: folding, word counts, stems and stop words, one of each.

Ground floor: imports nothing of the package. Untrusted-text rules (escaping, one-line values)
live in ``safe``; this module only compares and counts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["STOP_WORDS", "fold", "stem", "utf16_len", "word_count", "words_re"]

_PLAIN = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2010": "-"}
)


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes and dashes made plain, spaces
    collapsed: how names, goals and notes are compared ("Résumé’s" -> "resume's")."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def words_re(words: Iterable[str]) -> re.Pattern:
    """One precompiled, word-bounded alternation of regular-expression parts (linear time)."""
    return re.compile(r"\b(?:" + "|".join(words) + r")\b")


def stem(word: str) -> str:
    """A crude stem (plural -s dropped, first six letters), so "researcher" meets "research"
    and "tests" meets "testing"."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:6]


def word_count(text: str) -> int:
    """Words separated by white space that hold at least one letter or digit ("20-30" is one)."""
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


def utf16_len(text: str) -> int:
    """Length as a browser's text box counts it (UTF-16 units: an emoji counts as two)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


# Words that say nothing on their own: topic checks (R1), comparisons (D5) and the thank-you
# checker (S2) skip them.
STOP_WORDS = frozenset(
    """
a about above across after again against all almost also although always am among an and any
anyone anything are aren't around as at away back be became because become been before being
below best better between both but by came can can't cannot come comes could couldn't did
didn't do does doesn't doing don't done down during each either else enough even ever every
everyone everything few first for from further get gets getting give given go goes going gone
good got great had hadn't has hasn't have haven't having he he'd he's her here hers herself him
himself his how however i i'd i'll i'm i've if in into is isn't it it's its itself just keep
kind know known last least less let like lot lots made make makes many may maybe me might mine
more most much must my myself need needs never new next no nor not nothing now of off often on
once one only or other others otherwise our ours ourselves out over own part people person
pretty put quite rather really right said same say says see seem seems she she'd she's should
shouldn't since so some someone something sometimes still such sure take tell than that that's
the their theirs them themselves then there there's these they they'd they're they've thing
things think this those though thought through thus time times to today told too took two under
until up upon us use used very want wanted was wasn't way ways we we'd we're we've well went
were weren't what what's when where whether which while who whole whom whose why will with
within without won't would wouldn't yes yet you you'd you'll you're you've your yours yourself
also etc e g ie eg
""".split()
)
