"""The rules for untrusted text: every name, note and imported cell is shown literally.

Only the output of these functions may enter an HTML sink (``widgets.HTML``, ``display(HTML)``).
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("https", "mailto")


def escape(text: object) -> str:
    """HTML-escape any value for display, quotes included, and keep ``$`` literal.

    ``$`` becomes an entity so that a renderer that finds math in the source (Markdown
    output, exported reports) never reads ``$5M and $10M`` as a formula.
    """
    return html.escape("" if text is None else str(text), quote=True).replace("$", "&#36;")


def label_text(text: object) -> str:
    """Text for a widget ``description``: JupyterLab and Voila typeset those with MathJax, so a
    ``$`` is escaped the way MathJax expects (``\\$`` shows as ``$``) and "$5M and $10M" stays
    literal."""
    return plain_text(text).replace("$", "\\$")


def safe_url(url: str) -> str | None:
    """The URL if it is an https: or mailto: link, else None (no javascript:, data:, file:)."""
    candidate = (url or "").strip()
    if any(ord(ch) < 32 for ch in candidate):
        return None
    try:
        scheme = urlsplit(candidate).scheme.lower()
    except ValueError:
        return None
    return candidate if scheme in ALLOWED_SCHEMES else None


def link(url: str, text: str) -> str:
    """An escaped external link, or the escaped text alone when the URL isn't allowed."""
    target = safe_url(url)
    if target is None:
        return escape(text)
    return (
        f'<a href="{escape(target)}" target="_blank" rel="noopener noreferrer">{escape(text)}</a>'
    )


# Line breaks, C0/C1 controls, zero-width and bidirectional-override characters: they can break a
# mail header or disguise what a line says, so one-line values never carry them.
CONTROL_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff]"
)
MAX_LINE = 200


def plain_text(value) -> str:
    """Any value as a string (None -> ""), so code handling user data never raises on odd input."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def one_line(value, limit: int | None = MAX_LINE) -> str:
    """A value fit for one line (a subject, an agenda entry, a name in a draft).

    No line breaks or control characters, runs of spaces collapsed, and longer values shortened
    with an ellipsis; only the first few times ``limit`` characters are looked at, so a huge
    paste costs nothing.
    """
    text = CONTROL_RE.sub(" ", plain_text(value)[: 4 * (limit or 10_000)])
    text = " ".join(text.split())
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return text


def whole_number(value) -> int | None:
    """An integer from a stored or typed value, or None for anything that is not a whole number
    (bools included), so a damaged row never raises."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d{1,9}\s*", value):
        return int(value)
    return None


def text_list(value) -> list[str]:
    """A list of strings from a list, a tuple, a single string or None."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    try:
        return [plain_text(v) for v in value]
    except TypeError:
        return [plain_text(value)]
