"""The rules for untrusted text: every name, note and imported cell is shown literally.

Only the output of these functions may enter an HTML sink (``widgets.HTML``, ``display(HTML)``).
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("https", "mailto")


def escape(text: object) -> str:
    """HTML-escape any value for display, quotes included, and keep ``$`` literal.

    ``$`` becomes an entity so that a renderer that finds math in the source (Markdown
    output, exported reports) never reads ``$5M and $10M`` as a formula.
    """
    return html.escape("" if text is None else str(text), quote=True).replace("$", "&#36;")


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
    return f'<a href="{escape(target)}" target="_blank" rel="noopener noreferrer">{escape(text)}</a>'
