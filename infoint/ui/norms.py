"""The guide to networking norms as one compact widget (``norms.norms_guide``), for the start
page: short headed paragraphs in the language in use."""

from __future__ import annotations

import ipywidgets as widgets

from .. import i18n
from ..norms import norms_guide, norms_title
from ..safe import escape
from ..workspace import Workspace

__all__ = ["NORMS_STYLE", "norms_html", "norms_section"]

NORMS_STYLE = """<style>
.ii-norms-guide { max-width: var(--ii-measure, 46rem); }
.ii-norms-guide h3 { font-size: 1.05em; margin: 0 0 0.3em 0; }
.ii-norms-guide h4 { font-size: 1em; margin: 0.8em 0 0.15em 0; }
.ii-norms-guide p { margin: 0; }
</style>"""


def norms_html() -> str:
    """The guide as HTML: a title, then each part's heading and paragraph (escaped: the text
    is trusted, but the Chinese and Spanish hold quotes and the like)."""
    parts = [f"<h3>{escape(norms_title())}</h3>"]
    for heading, paragraph in norms_guide():
        parts.append(f"<h4>{escape(heading)}</h4><p>{escape(paragraph)}</p>")
    lang = i18n.HTML_LANG.get(i18n.language(), "en")
    return f"{NORMS_STYLE}<section class='ii-norms-guide' lang='{lang}'>{''.join(parts)}</section>"


def norms_section(ws: Workspace | None = None) -> widgets.Widget:
    """The guide in the language in use (the page sets it from ``ws``'s choice)."""
    del ws  # the language is already the workbook's (``session.open_workspace``)
    view = widgets.HTML(value=norms_html())
    view.add_class("ii-norms")
    return view
