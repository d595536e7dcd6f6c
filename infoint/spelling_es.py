"""Step 3, R3 in Spanish: which words pyspellchecker's Spanish list knows, inflections included.

pyspellchecker ships a Spanish word list (``SpellChecker(language="es")``) made of the commonest
forms: "día" but not "días", "hablar" but not "hablamos", "poder" but not "podríamos". Alone it
would call half of a correct message a typo. ``known_spanish`` accepts a word the list holds, or
one that a regular Spanish ending turns into a word it holds (a plural, a feminine, a verb form,
an infinitive with "le", "me", "lo"...). The endings are written with their accents, so a word
that has lost its accent ("informacion", "podriamos") is still unknown, and the correction the
list offers is the accented word: the typo Spanish writers make most.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "EXTRA_WORDS",
    "accent_only",
    "accented_form",
    "known_spanish",
    "likely_typo",
    "spanish_checker",
    "suggest_spanish",
]


@lru_cache(maxsize=1)
def spanish_checker():
    """The offline Spanish word list (pyspellchecker), loaded on the first Spanish check."""
    from spellchecker import SpellChecker

    return SpellChecker(language="es", distance=1)


# Pronouns joined to an infinitive, a gerund or a command ("enviarle", "contarme", "dígame").
_CLITIC = re.compile(r"(?:me|te|le|les|lo|la|los|las|nos|se)(?:lo|la|los|las)?$")
# Verb endings -> the infinitive endings they may come from.
_VERB_ENDINGS = (
    ("ábamos", ("ar",)),
    ("áramos", ("ar",)),
    ("iéramos", ("er", "ir")),
    ("ieran", ("er", "ir")),
    ("ieras", ("er", "ir")),
    ("aran", ("ar",)),
    ("aras", ("ar",)),
    ("ase", ("ar",)),
    ("iese", ("er", "ir")),
    ("aríamos", ("ar",)),
    ("eríamos", ("er",)),
    ("iríamos", ("ir",)),
    ("íamos", ("er", "ir")),
    ("asteis", ("ar",)),
    ("isteis", ("er", "ir")),
    ("aremos", ("ar",)),
    ("eremos", ("er",)),
    ("iremos", ("ir",)),
    ("ieron", ("er", "ir")),
    ("aron", ("ar",)),
    ("ando", ("ar",)),
    ("iendo", ("er", "ir")),
    ("aban", ("ar",)),
    ("abas", ("ar",)),
    ("aba", ("ar",)),
    ("ados", ("ar",)),
    ("adas", ("ar",)),
    ("idos", ("er", "ir")),
    ("idas", ("er", "ir")),
    ("ado", ("ar",)),
    ("ada", ("ar",)),
    ("ido", ("er", "ir")),
    ("ida", ("er", "ir")),
    ("amos", ("ar", "er", "ir")),
    ("emos", ("er", "ar")),
    ("imos", ("ir", "er")),
    ("áis", ("ar",)),
    ("éis", ("er", "ar")),
    ("ían", ("er", "ir")),
    ("ías", ("er", "ir")),
    ("ía", ("er", "ir")),
    ("aste", ("ar",)),
    ("iste", ("er", "ir")),
    ("ara", ("ar",)),
    ("iera", ("er", "ir")),
    ("an", ("ar", "er", "ir")),
    ("en", ("er", "ir", "ar")),
    ("as", ("ar", "er", "ir")),
    ("es", ("er", "ir", "ar")),
    ("ió", ("er", "ir")),
    ("ó", ("ar",)),
    ("é", ("ar",)),
    ("í", ("er", "ir")),
    ("o", ("ar", "er", "ir")),
    ("a", ("ar", "er", "ir")),
    ("e", ("er", "ir", "ar")),
)
# The future and conditional add these to the infinitive ("agradecería", "escribiré").
_FUTURE_ENDINGS = ("íamos", "íais", "emos", "ías", "ían", "ía", "éis", "ás", "án", "á", "é")
# Irregular future/conditional stems ("podría", "tendría", "haría").
_IRREGULAR_STEMS = {
    "podr": "poder",
    "tendr": "tener",
    "habr": "haber",
    "sabr": "saber",
    "saldr": "salir",
    "vendr": "venir",
    "pondr": "poner",
    "querr": "querer",
    "dir": "decir",
    "har": "hacer",
    "cabr": "caber",
    "valdr": "valer",
}


# Common words of students' messages that the list lacks (irregular forms, loans, titles).
EXTRA_WORDS = frozenset(
    """
    quisiera quisiéramos quisieras pudiera pudiéramos tuviera hubiera fuera fuéramos dígame
    dime hágame cuénteme videollamada videollamadas currículum curriculum vitae cv máster
    egresado egresada egresados egresadas exalumno exalumna exalumnos exalumnas email correo
    online pasantía pasantías prácticas linkedin zoom startup startups marketing feedback
    junior senior master
    qué cómo dónde cuándo cuál cuáles quién quiénes cuánto cuánta cuántos cuántas
    dio di dimos dieron fue fui fuimos fueron hizo hice hicimos dijo dije dijeron puso pude
    pudo quise quiso supe supo tuve tuvo estuve estuvo hubo vino vine traje trajo
    soy eres es somos son estoy estás está estamos están voy vas va vamos van doy sé
    he has ha hemos han hay
    logística planificación planificar optimización contactar agendar pyme pymes coordinar
    emprendimiento analítica consultoría liderazgo mentoría reclutamiento
    esté estés estén haga hagas hagan hiciera hicieras hicieran pusiera pusieras pusieran
    dales dale deles dele vez veces aún guion guiones caracteres carácter web webs premium
    portafolio portafolios sr sra dr dra lic
    """.split()
)


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _marks(word: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFD", word) if unicodedata.combining(c))


def accent_only(word: str, other: str) -> bool:
    """True when ``word`` and ``other`` differ only in accents ("informacion", "información")."""
    return word != other and _plain(word) == _plain(other)


def _known_form(word: str, has) -> bool:
    if has(word):
        return True
    # plurals and feminines: "datos" -> "dato", "meses" -> "mes", "acciones" -> "acción",
    # "interesada" -> "interesado"
    if word.endswith("iones") and has(word[:-5] + "ión"):
        return True  # "decisiones" -> "decisión"
    for ending in ("ísimo", "ísima", "ísimos", "ísimas"):
        if word.endswith(ending) and any(has(word[: -len(ending)] + v) for v in "oae"):
            return True  # "muchísimo" -> "mucho"
    if word.endswith("zco") and has(word[:-3] + "cer"):
        return True  # "agradezco" -> "agradecer", "conozco" -> "conocer"
    if word.endswith("s") and (has(word[:-1]) or (word.endswith("es") and has(word[:-2]))):
        return True
    for ending, masculine in (("a", "o"), ("as", "o"), ("as", "os")):
        if word.endswith(ending) and has(word[: -len(ending)] + masculine):
            return True
    if word.endswith("mente") and (has(word[:-5]) or has(word[:-5].replace("a", "o"))):
        return True
    for ending in _FUTURE_ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if has(stem) and stem.endswith(("ar", "er", "ir")):
                return True
            if any(stem.endswith(irregular) for irregular in _IRREGULAR_STEMS):
                return True  # "podría", and "dispondría" (disponer) like "pondría"
    for ending, infinitives in _VERB_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            if any(has(stem + inf) for inf in infinitives):
                return True
            # stem changes: "puedo" -> "poder", "quiero" -> "querer", "pido" -> "pedir"
            for changed, plain in (("ue", "o"), ("ie", "e"), ("i", "e")):
                if changed in stem:
                    base = stem[::-1].replace(changed[::-1], plain[::-1], 1)[::-1]
                    if any(has(base + inf) for inf in infinitives):
                        return True
    return False


def known_spanish(word: str, spell) -> bool:
    """True when ``word`` (lower case) is in the Spanish list, as written or as a regular form
    of a word in it; an infinitive, gerund or command with pronouns joined is accepted too."""

    def has(candidate: str) -> bool:
        return candidate in spell or candidate in EXTRA_WORDS

    if _known_form(word, has):
        return True
    clitic = _CLITIC.search(word)
    if clitic and clitic.start() >= 3:
        base = word[: clitic.start()]
        if _known_form(base, has) or _known_form(_plain(base), has):
            return True  # "enviarle", "contándome", "dígame"
    return False


@lru_cache(maxsize=1)
def _by_plain(spell) -> dict[str, tuple[str, ...]]:
    """The list's accented words by their letters without accents ("compania" -> compañía)."""
    index: dict[str, list[str]] = {}
    for word in spell.word_frequency.dictionary:
        plain = _plain(word)
        if plain != word:
            index.setdefault(plain, []).append(word)
    return {plain: tuple(sorted(words)) for plain, words in index.items()}


def suggest_spanish(word: str, spell) -> str:
    """The likeliest Spanish word one edit away ("informacion" -> "información"), or "": an
    accent put right first, then the commonest word of the list, then any regular form of one."""
    if len(word) > 20:
        return ""
    listed_accents = _by_plain(spell).get(_plain(word), ())
    if listed_accents and word not in listed_accents:
        return max(listed_accents, key=lambda w: spell.word_usage_frequency(w))
    edits = spell.edit_distance_1(word)
    accents = sorted(c for c in edits if accent_only(word, c) and known_spanish(c, spell))
    if accents:
        return max(accents, key=lambda w: spell.word_usage_frequency(w))
    listed = spell.known(edits)
    if listed:
        return max(sorted(listed), key=lambda w: spell.word_usage_frequency(w))
    forms = sorted(c for c in edits if known_spanish(c, spell))
    return forms[0] if forms else ""


_COMMON = 1000  # occurrences in the list's corpus: a word this common is a safe correction


def likely_typo(word: str, suggestion: str, spell) -> bool:
    """True when an unknown ``word`` is probably a typo of ``suggestion``: a lost or wrong accent,
    or a common word one edit away that is not just the start of ``word`` ("agendar" is not a
    typo of "agenda": the list lacks many verbs and terms, which then are only info)."""
    if not suggestion:
        return False
    if accent_only(word, suggestion):
        return _marks(suggestion) > _marks(word)  # an accent lost, not one added ("Tomás")
    if word.startswith(suggestion) or suggestion.startswith(word):
        return False
    if suggestion in spell:
        return spell[suggestion] >= _COMMON
    return len(word) >= 5  # a regular form of a listed word ("grcias" -> "gracias")


def accented_form(word: str, spell) -> bool:
    """True when the list holds ``word`` with accents ("reunion" -> "reunión"): then ``word``
    is a lost accent even if English has it."""
    return bool(_by_plain(spell).get(_plain(word)))
