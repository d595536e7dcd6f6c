"""Step 1's pitch (docs/method.md O4): about thirty seconds said out loud, in any language.

A pitch in English or Spanish is counted in words; one in Chinese, written without spaces, in
characters (a Latin name or title inside it still counts as words). Which one is read from the
text itself, not from the page's language: a student may write their pitch in either.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import _, ngettext
from .records import INFO, WARNING, Finding
from .safe import plain_text as _text
from .text_language import _CJK, _WORD

__all__ = ["CHARACTERS_PER_MINUTE", "WORDS_PER_MINUTE", "PitchStats", "check_pitch", "pitch_stats"]

WORDS_PER_MINUTE = 150  # O4: a calm speaking pace (English; Spanish words are said at about
# the same rate of words, more syllables each, so the same pace holds)
# O4 for Chinese: a pitch is counted in characters, not words. Mandarin is spoken at about four
# to five characters (syllables) a second; at 5 a second (300 a minute) thirty seconds
# is about 150 characters, and the "too long" line (32 s) falls at 160.
CHARACTERS_PER_MINUTE = 300


@dataclass(frozen=True)
class PitchStats:
    """How long the pitch takes to say out loud. ``words`` counts the words outside Chinese
    text; ``characters`` the Chinese characters (0 for a pitch without any)."""

    words: int
    seconds: float
    characters: int = 0

    @property
    def chinese(self) -> bool:
        """Whether the pitch is mostly Chinese, so its length is told in characters."""
        return self.characters > self.words

    def length(self) -> str:
        """ "75 words" or "150 个字": the pitch's length in its own unit, in the language in use."""
        if self.chinese:
            return ngettext("{n} character", "{n} characters", self.characters).format(
                n=self.characters
            )
        return ngettext("{n} word", "{n} words", self.words).format(n=self.words)


def pitch_stats(text: str) -> PitchStats:
    """O4: word count and spoken seconds, to aim for about 30 s. Words (English, Spanish, or a
    Latin name inside Chinese) at ``WORDS_PER_MINUTE``; Chinese characters, which carry no
    spaces between words, one syllable each at ``CHARACTERS_PER_MINUTE``."""
    value = _text(text)
    characters = len(_CJK.findall(value))
    if not characters:
        words = len(value.split())
        return PitchStats(words, round(words * 60 / WORDS_PER_MINUTE, 1))
    rest = _CJK.sub(" ", value)
    words = len(_WORD.findall(rest))
    seconds = characters * 60 / CHARACTERS_PER_MINUTE + words * 60 / WORDS_PER_MINUTE
    return PitchStats(words, round(seconds, 1), characters)


def check_pitch(text: str) -> list[Finding]:
    """O4: a pitch of about 30 seconds: who you are, what interests you, why you are asking."""
    stats = pitch_stats(text)
    if stats.words == 0 and stats.characters == 0:
        return [
            Finding(
                "O4",
                INFO,
                _(
                    "Write a short pitch: it is how you will introduce yourself in your "
                    "request and at the start of the conversation."
                ),
                fix=_(
                    "In three sentences: who you are, what interests you, and why you "
                    "are looking for information."
                ),
            )
        ]
    if stats.seconds > 32:
        return [
            Finding(
                "O4",
                WARNING,
                _(
                    "Said out loud this takes about {seconds} seconds ({length}). Aim for "
                    "about 30 seconds so the other person can start talking soon."
                ).format(seconds=f"{stats.seconds:g}", length=stats.length()),
                fix=_(
                    "Keep one sentence each for who you are, what interests you, and "
                    "why you are asking; cut the rest."
                ),
            )
        ]
    # About six seconds: 15 words, or 40 Chinese characters
    if (stats.characters < 40) if stats.chinese else (stats.words < 15):
        return [
            Finding(
                "O4",
                INFO,
                _(
                    "At {length} this may not yet say who you are, what interests you and "
                    "why you are asking."
                ).format(length=stats.length()),
                fix=_("Check that each of the three parts is there."),
            )
        ]
    return []
