"""The workbook's languages: which one is in use, its translations, and dates and numbers in it.

Ground floor. Every user-facing string is written in English in the code, wrapped in ``_()``
(or ``N_()`` where it is stored in a module-level constant and translated where it is shown);
its Spanish and Chinese live in the gettext catalogs ``infoint/locale/<language>/*.po``
(``catalogs``). English is the source of truth; a catalog only adds translations.

One kernel serves one participant, so the language is the kernel's (``set_language``, which
the pages call from the workspace's choice); ``using(language)`` switches it for one block,
for a draft written in its recipient's language.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time

__all__ = [
    "HTML_LANG",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "NP_",
    "N_",
    "PSEUDO",
    "_",
    "choose_language",
    "chosen_language",
    "format_date",
    "format_datetime",
    "format_number",
    "format_percent",
    "format_time",
    "language",
    "ngettext",
    "pgettext",
    "set_language",
    "spoken",
    "translate",
    "using",
]

LANGUAGES = ("en", "es", "zh")
LANGUAGE_NAMES = {"en": "English", "es": "Español", "zh": "简体中文"}
# What the page's ``lang`` attribute says (BCP 47): simplified Chinese script.
HTML_LANG = {"en": "en", "es": "es", "zh": "zh-Hans"}
# Babel's locale for dates and numbers in each language.
_BABEL = {"en": "en_CA", "es": "es", "zh": "zh_Hans_CN"}
# A test-only language: every translated string comes back marked, so that a test can find
# the text on a page that never went through ``_()`` (tests/test_i18n_pages.py).
PSEUDO = "qps"
PSEUDO_OPEN, PSEUDO_CLOSE = "\u27e6", "\u27e7"

_kernel_language = "en"
_block_language: ContextVar[str | None] = ContextVar("infoint_language", default=None)


def _known(code: str | None) -> str:
    return code if code in LANGUAGES or code == PSEUDO else "en"


def language() -> str:
    """The language in use now: a ``using`` block's, else the kernel's (English by default)."""
    return _block_language.get() or _kernel_language


def set_language(code: str | None) -> str:
    """Make ``code`` the kernel's language (an unknown one means English); returns it."""
    global _kernel_language
    _kernel_language = _known(code)
    return _kernel_language


@contextmanager
def using(code: str | None) -> Iterator[str]:
    """Everything inside the block speaks ``code`` (a draft in its recipient's language)."""
    token = _block_language.set(_known(code))
    try:
        yield _block_language.get()
    finally:
        _block_language.reset(token)


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name
    """Marks ``message`` for translation where it is stored; ``_()`` translates it when shown."""
    return message


class _InContext(str):
    """A label kept in a constant with its context (``NP_``), which ``_()`` passes on."""

    context = ""


def NP_(context: str, message: str) -> str:  # noqa: N802 - gettext's naming
    """``N_`` with a context: the label is translated as ``pgettext(context, message)``."""
    marked = _InContext(message)
    marked.context = context
    return marked


def translate(code: str, message: str) -> str:
    """``message`` in the language ``code`` (English when the catalog has none)."""
    if code == "en":
        return message
    if code == PSEUDO:
        return f"{PSEUDO_OPEN}{message}{PSEUDO_CLOSE}"
    from .catalogs import translations  # lazy: English never reads a catalog

    return translations(code).get(message) or message


def _(message: str) -> str:
    """``message`` in the language in use now (a label marked with ``NP_`` in its context)."""
    if isinstance(message, _InContext):
        return pgettext(message.context, str(message))
    return translate(language(), message)


def pgettext(context: str, message: str) -> str:
    """``message`` in the language in use, as meant in ``context``: one English word that two
    languages say differently ("Name" of a person, 姓名, or of an organization, 名称)."""
    code = language()
    if code == "en":
        return message
    if code == PSEUDO:
        return translate(code, message)
    return translate(code, f"{context}\x04{message}") if _has(code, context, message) else message


def _has(code: str, context: str, message: str) -> bool:
    from .catalogs import translations  # lazy

    return f"{context}\x04{message}" in translations(code)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted phrase for ``n`` in the language in use ("1 contact", "3 contacts";
    Chinese has one form). Format it afterwards: ``ngettext(...).format(n=n)``."""
    code = language()
    english = singular if n == 1 else plural
    if code == "en":
        return english
    if code == PSEUDO:
        return translate(code, english)
    from .catalogs import plural_translations  # lazy

    forms = plural_translations(code).get(singular)
    if not forms:
        return english
    # CLDR's forms: Chinese has one; Spanish has one, many (millions) and other, written alike.
    index = 0 if code == "zh" or n == 1 else len(forms) - 1
    return forms[index] or english


def _locale() -> str:
    return _BABEL.get(language(), "en_CA")


def _marked(text: str) -> str:
    return f"{PSEUDO_OPEN}{text}{PSEUDO_CLOSE}" if language() == PSEUDO else text


def format_date(value: date | datetime, form: str = "medium") -> str:
    """A date as people write it in the language in use ("3 Dec 2026", "3 dic 2026",
    "2026年12月3日"); ``form`` is Babel's (short, medium, long, full) or a pattern."""
    from babel.dates import format_date as babel_date  # lazy: Babel loads its data on use

    return _marked(babel_date(value, form, locale=_locale()))


def format_time(value: time | datetime, form: str = "short") -> str:
    """A time of day in the language in use ("9:00 a.m.", "9:00", "上午9:00")."""
    from babel.dates import format_time as babel_time  # lazy

    return _marked(babel_time(value, form, tzinfo=getattr(value, "tzinfo", None), locale=_locale()))


def format_datetime(value: datetime, form: str = "medium") -> str:
    """A moment in the language in use, in its own time zone (an aware ``value``)."""
    from babel.dates import format_datetime as babel_datetime  # lazy

    return _marked(babel_datetime(value, form, tzinfo=value.tzinfo, locale=_locale()))


def format_number(value: float | int) -> str:
    """A number with the language's separators ("1,234.5", "1234,5", "1,234.5")."""
    from babel.numbers import format_decimal  # lazy

    return _marked(format_decimal(value, locale=_locale()))


def format_percent(value: float) -> str:
    """A share (0.25) as a percentage in the language in use ("25%", "25 %")."""
    from babel.numbers import format_percent as babel_percent  # lazy

    return _marked(babel_percent(value, locale=_locale()))


# How a local moment is said in a sentence, per language (Babel patterns).
_SPOKEN = {"es": "EEEE d 'de' MMMM, H:mm", "zh": "M月d日EEEE HH:mm"}
_SPOKEN_YEAR = {"es": "EEEE d 'de' MMMM 'de' y, HH:mm", "zh": "y年M月d日EEEE HH:mm"}


def spoken(moment: datetime, *, year: bool = False) -> str:
    """A local time in words in the language in use: "Tuesday 10 March, 9:00" (``clock.spoken``,
    whatever the computer's locale), "martes 10 de marzo, 9:00", "3月10日星期二 09:00"."""
    code = language()
    if code not in _SPOKEN:
        from .clock import spoken as english  # lazy: the English form is the clock's

        return _marked(english(moment, year=year))
    from babel.dates import format_datetime as babel_datetime  # lazy

    pattern = (_SPOKEN_YEAR if year else _SPOKEN)[code]
    return babel_datetime(moment, pattern, tzinfo=moment.tzinfo, locale=_BABEL[code])


def chosen_language(ws) -> str:
    """The language the participant chose for this workbook (``meta``), English until then."""
    return _known(ws.get_meta("language", "en"))


def choose_language(ws, code: str) -> str:
    """Remember ``code`` as this workbook's language and speak it in this kernel from now."""
    code = _known(code)
    if code == PSEUDO:
        code = "en"
    ws.set_meta("language", code)
    return set_language(code)
