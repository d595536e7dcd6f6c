"""Plain-text drafts from the Jinja2 templates in ``infoint/templates`` (requests, thanks).

Ground floor. Autoescape is off because drafts are plain text, not HTML; values are passed as
values and never become template source, so a name like ``{{7*7}}`` stays what it is.
StrictUndefined turns a missing value into an error in tests rather than a silent gap.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["TEMPLATES", "first_word", "render_block", "tidy"]

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def _env():
    import jinja2  # lazy: only composing a draft needs it

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_block(template_name: str, block: str, values: dict) -> str:
    """One block (subject, body, forwardable, ...) of a template rendered with ``values``."""
    template = _env().get_template(template_name)
    return "".join(template.blocks[block](template.new_context(values)))


def tidy(text: str) -> str:
    """Trailing spaces, doubled spaces and runs of blank lines left by optional parts removed."""
    lines = [re.sub(r"[ \t]{2,}", " ", line).rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def first_word(name: str) -> str:
    """The first word of a name ("Priya Raman" -> "Priya"), or "" for an empty one."""
    parts = name.split()
    return parts[0] if parts else ""
