"""What a page shows, as text, and which of it never went through the translation catalogs.

In the pseudo-language ``i18n.PSEUDO`` every translated string (and every date or number that
``i18n`` formats) comes back inside ``⟦ ⟧``. A page built in it shows only bracketed text, the
participant's own data and a few names that are the same in every language; anything else is
English that a Spanish or Chinese reader would also see.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import ipywidgets as widgets

from infoint.clock import time_zone_names
from infoint.i18n import LANGUAGE_NAMES, PSEUDO_CLOSE, PSEUDO_OPEN

# Names a page may show untranslated: products, file formats, and the languages' own names.
SAME_IN_EVERY_LANGUAGE = frozenset(
    {
        "LinkedIn",
        "vCard",
        "CSV",
        "Excel",
        "Markdown",
        "Word",
        "Google",
        "Gmail",
        "Outlook",
        "Apple",
        "iCloud",
        "Zoom",
        "Teams",
        "UTC",
        "PDF",
        "URL",
        "HTML",
        "JSON",
        "ics",
        "eml",
        "docx",
        "vcf",
        "csv",
        "xlsx",
        "md",
        "Voila",
        "Jupyter",
        "JupyterLab",
        "JupyterHub",
        "Binder",
        "infoint",
        *LANGUAGE_NAMES.values(),
    }
)
# The innermost bracketed text: a translated sentence may hold translated or formatted parts.
_BRACKETS = re.escape(PSEUDO_OPEN + PSEUDO_CLOSE)
_MARKED = re.compile(f"{re.escape(PSEUDO_OPEN)}[^{_BRACKETS}]*{re.escape(PSEUDO_CLOSE)}")
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# A file's path or a web address shown as it is (the workbook's own file, a link).
_PATH = re.compile(r"\S*[/\\]\S*")
_ZONES = frozenset(time_zone_names())


class _Text(HTMLParser):
    """The text a reader sees in an HTML fragment, and the attributes read aloud or shown."""

    SPOKEN = ("aria-label", "title", "alt", "placeholder", "aria-description")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1
        for name, value in attrs:
            if name in self.SPOKEN and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data)


def html_texts(fragment: str) -> list[str]:
    """The visible and spoken text of an HTML fragment."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return parser.parts


def _children(widget) -> list:
    found = list(getattr(widget, "children", ()) or ())
    return [w for w in found if isinstance(w, widgets.Widget)]


def visible_texts(root: widgets.Widget) -> list[tuple[str, str]]:
    """``(where, text)`` for every label, placeholder, tooltip, option, title and piece of HTML
    under ``root`` (what the participant reads; the values they typed are left out)."""
    out: list[tuple[str, str]] = []
    seen: set[int] = set()

    def where(widget) -> str:
        classes = [c for c in getattr(widget, "_dom_classes", ()) if c.startswith("ii-")]
        return f"{type(widget).__name__}[{' '.join(classes)}]"

    def visit(widget) -> None:
        if id(widget) in seen or "ii-app-probe" in getattr(widget, "_dom_classes", ()):
            return  # the probe is the benchmarks' own, never shown
        seen.add(id(widget))
        here = where(widget)
        for name in ("description", "placeholder", "tooltip", "button_style_label"):
            value = getattr(widget, name, None)
            if isinstance(value, str) and value.strip():
                out.append((f"{here}.{name}", value))
        if isinstance(widget, widgets.HTML | widgets.HTMLMath | widgets.Label):
            # one piece of HTML is read as one text: a translated sentence may hold markup
            parts = (
                [widget.value] if isinstance(widget, widgets.Label) else html_texts(widget.value)
            )
            if " ".join(parts).strip():
                out.append((f"{here}.value", " ".join(parts)))
        labels = getattr(widget, "_options_labels", None)
        if labels and not (set(labels) <= _ZONES):
            out.extend((f"{here}.option", label) for label in labels)
        for title in getattr(widget, "titles", ()) or ():
            if title:
                out.append((f"{here}.title", title))
        for name in ("title", "label", "aria_label"):  # the app's own widgets' spoken names
            value = getattr(widget, name, None)
            if isinstance(value, str) and value.strip():
                out.append((f"{here}.{name}", value))
        for child in _children(widget):
            visit(child)

    visit(root)
    return out


def data_words(ws) -> frozenset[str]:
    """Every word of every text the workspace holds (its tables' values, JSON strings one by
    one), lower-cased: what a page may show in the participant's own words."""
    words: set[str] = set()

    def strings(value):
        if isinstance(value, str):
            yield value
            try:
                parsed = json.loads(value)
            except (ValueError, TypeError):
                return
            if not isinstance(parsed, str):
                yield from strings_of(parsed)

    def strings_of(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from strings_of(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings_of(v)

    for table in ws.tables():
        for row in ws.query(f'SELECT * FROM "{table}"'):
            for value in row.values():
                for text in strings(value):
                    words.update(w.lower() for w in _WORD.findall(html.unescape(text)))
    return frozenset(words)


def unmarked(
    texts: list[tuple[str, str]], allowed_words: frozenset[str] = frozenset()
) -> list[str]:
    """The texts that still hold a word after the bracketed (translated) parts, the allowed
    words (the participant's data) and the names in ``SAME_IN_EVERY_LANGUAGE`` are taken out."""
    same = {w.lower() for w in SAME_IN_EVERY_LANGUAGE}
    problems = []
    for where, text in texts:
        rest, before = text, None
        while rest != before:  # take out the innermost brackets until none is left
            before, rest = rest, _MARKED.sub(" ", rest)
        rest = _PATH.sub(" ", rest)
        words = [
            w
            for w in _WORD.findall(rest)
            if w.lower() not in same and w.lower() not in allowed_words
        ]
        if words and not any(text.strip() == zone for zone in _ZONES):
            problems.append(f"{where}: {text.strip()[:120]!r}")
    return problems
