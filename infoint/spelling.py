"""Step 3, R3: words missing from the draft language's word list, with a likely correction.

The spell checker is its own job: an offline word list (pyspellchecker's English one, or its
Spanish one with the inflections ``spelling_es`` adds) loaded on the first check and cached;
for Chinese no spell check runs, and one info finding says so plainly. The words a workbook
already knows (names, organizations, titles) are accepted, and findings tell a probable typo
(a warning) from a probable name or term (info). The request checker (``request_check``) runs
it on every draft, and step 6 on every note through it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .i18n import _, ngettext
from .records import Contact, Finding, Objective, Profile, finding_subject
from .safe import plain_text as _text
from .safe import text_list as _as_list
from .spelling_es import (
    EXTRA_WORDS,
    accent_only,
    accented_form,
    known_spanish,
    likely_typo,
    spanish_checker,
    suggest_spanish,
)
from .text_language import text_language

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
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+|\n+")  # not inside links: "a.example/x"
_LATIN_RE = re.compile(r"^[A-Za-z\u00c0-\u024f']+$")  # Latin letters, accents and ñ included


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


def _add_candidate(
    original: str, known: set[str], candidates: dict[str, tuple[str, str]], language: str = "en"
) -> None:
    """Record a word to look up (R3) unless it is a name, an acronym, a number or already known.

    English words are ASCII; Spanish ones may hold accents and ñ (never Chinese characters)."""
    if "_" in original or any(c.isdigit() for c in original):
        return
    if not (original.isascii() if language == "en" else bool(_LATIN_RE.match(original))):
        return
    base = _SUFFIX_RE.sub("", original) if language == "en" else original
    if not 3 <= len(base) <= _MAX_WORD or any(c.isupper() for c in base[1:]):
        return
    key = base.lower()
    if key in known or original.lower() in known or key in candidates:
        return
    candidates[key] = (original, language)


def _chunks(text: str, language: str):
    """(chunk of text, its language): the draft's, or for a sentence plainly in the other
    language of the two (an English note with one Spanish sentence), that one."""
    for sentence in _SENTENCE_SPLIT_RE.split(text):
        if sentence.strip():
            yield sentence, text_language(sentence, default=language)


def _unknown(key: str, language: str) -> bool:
    if language == "es":
        spell = spanish_checker()
        if known_spanish(key, spell) or key in EXTRA_WORDS:
            return False
        # an English word in a Spanish note is a title or a term ("marketing", "data"), unless
        # it is a Spanish word that lost its accent ("reunion")
        return accented_form(key, spell) or key not in spell_checker()
    return key not in spell_checker()


def typo_findings(text: str, known: set[str], language: str | None = None) -> list[Finding]:
    """R3: words not in the draft language's word list, skipping names, acronyms, links and
    numbers. ``language`` is the draft's ("en", "es", "zh"; None: guessed from the text).

    A word is checked when it has three or more letters (ASCII in English; accents and ñ in
    Spanish), no digit, and no capital letter after its first (so "iPhone", "McKinsey" and "NASA"
    pass). Each distinct word is looked up once. Lower-case unknown words with a likely
    correction are warnings (probably typos); the others, capitalized or without a suggestion
    (probably names or jargon), are info. In Spanish the likely correction of a word that lost
    its accent is the accented word ("informacion" -> "información"); a sentence of the other
    language (English in a Spanish note, Spanish in an English one) is checked in its own.
    A Chinese draft gets one info finding: no spell check runs on Chinese.
    """
    language = language if language in ("en", "es", "zh") else text_language(text[:20_000])
    if language == "zh":
        return [
            Finding(
                "R3",
                _INFO,
                _("No spell check runs on Chinese text: read it once aloud before sending."),
                fix=_("Check the characters of names and titles especially."),
            )
        ]
    candidates: dict[str, tuple[str, str]] = {}
    for part, part_language in _chunks(text.replace("\u2019", "'"), language):
        if part_language == "zh":
            continue
        for chunk in part.split():
            if (
                len(chunk) > 2 * _MAX_WORD
                or "@" in chunk
                or "://" in chunk
                or "www." in chunk
                or _DOTTED_RE.search(chunk)
            ):
                continue  # links, addresses and run-on strings are not spelled words
            for token in _WORD_RE.finditer(chunk):
                _add_candidate(token.group(0), known, candidates, part_language)
    if not candidates:
        return []
    try:
        spell = spell_checker()
        unknown = [k for k, (_o, lang) in candidates.items() if _unknown(k, lang)]
    except Exception:  # noqa: BLE001 - no word list: say so instead of failing the whole check
        return [
            Finding(
                "R3",
                _INFO,
                _("The spelling could not be checked on this computer."),
                fix=_("Read the message out loud once before sending it."),
            )
        ]
    found = []
    for key in unknown[:_SPELL_MAX_FINDINGS]:
        original, lang = candidates[key]
        suggestion = (
            suggest_spanish(key, spanish_checker()) if lang == "es" else _suggest(spell, key)
        )
        capitalized = original[:1].isupper()
        typo = bool(suggestion) and (
            lang != "es" or likely_typo(key, suggestion, spanish_checker())
        )
        if lang == "es" and not typo:
            suggestion = ""  # the Spanish list lacks many terms: no far-fetched correction
        if lang == "es" and typo and capitalized and key.isascii() and accent_only(key, suggestion):
            capitalized = False  # "Tambien" opening a sentence is a lost accent, not a name
            suggestion = suggestion[:1].upper() + suggestion[1:]
        severity = _WARNING if typo and not capitalized else _INFO
        message = _(
            "This word isn't in the spelling list. A typo in a first message can make a "
            "careful person look careless."
        )
        if capitalized:
            message = _(
                "This word isn't in the spelling list. If it is a name, it is probably "
                "fine; otherwise check it."
            )
        fix = (
            _("Did you mean \u201c{suggestion}\u201d?").format(suggestion=suggestion)
            if suggestion
            else _("Check how it is spelled.")
        )
        found.append(Finding("R3", severity, message, finding_subject(original, 40), fix))
    if len(unknown) > _SPELL_MAX_FINDINGS:
        more = len(unknown) - _SPELL_MAX_FINDINGS
        found.append(
            Finding(
                "R3",
                _INFO,
                ngettext(
                    "{n} more words are not in the spelling list.",
                    "{n} more words are not in the spelling list.",
                    more,
                ).format(n=more),
                fix=_("Fix the ones above, then check again."),
            )
        )
    return found
