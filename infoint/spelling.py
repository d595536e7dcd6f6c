"""Step 3, R3: words missing from the English word list, with a likely correction.

The spell checker is its own job: an offline word list (pyspellchecker) loaded on the first
check and cached, the words a workbook already knows (names, organizations, titles), and
findings that tell a probable typo (a warning) from a probable name or term (info). The request
checker (``request_check``) runs it on every draft, and step 6 on every note through it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .records import Contact, Finding, Objective, Profile, finding_subject
from .safe import plain_text as _text
from .safe import text_list as _as_list

__all__ = ["accepted_words", "known_set", "spell_checker", "typo_findings"]

_INFO, _WARNING = "info", "warning"
_SPELL_MAX_FINDINGS = 10


@lru_cache(maxsize=1)
def spell_checker():
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


def known_set(values: Iterable[str]) -> set[str]:
    """Lower-case words from names and titles, to be accepted as correctly spelled (R3)."""
    known = set()
    for value in values:
        for word in _WORD_RE.findall(_text(value)[:10_000].replace("\u2019", "'")):
            word = word.casefold()
            known.add(word)
            known.add(_SUFFIX_RE.sub("", word))
    return known


def accepted_words(
    known_words: Iterable[str], profile: Profile, objective: Objective, contact: Contact | None
) -> set[str]:
    """R3: the words a draft may use as spelled: the workbook's ``known_words``, the sender's
    name and the capitalized words of the pitch, the objective, and the contact's own words."""
    return known_set(
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


def typo_findings(text: str, known: set[str], language: str | None = None) -> list[Finding]:
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
        spell = spell_checker()
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
