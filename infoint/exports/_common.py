"""Text cleaning the mail drafts, calendar files and spreadsheets share: control characters out.

Every name, subject and note may come from an imported file; these helpers remove what could
break a header, a property or a cell (docs/security.md "Untrusted text").
"""

from __future__ import annotations

import unicodedata

# Bidirectional controls can make a name display as something else (spoofing); line and
# paragraph separators act as line breaks in some clients.
_INVISIBLE_CONTROLS = frozenset(
    "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)


def no_controls(text: object, keep: str = "") -> str:
    """``text`` without control characters (C0, DEL, C1) and invisible direction marks."""
    value = "" if text is None else str(text)
    return "".join(
        ch
        for ch in value
        if ch in keep or not (unicodedata.category(ch) in ("Cc", "Cs") or ch in _INVISIBLE_CONTROLS)
    )


def clean_text(text: object) -> str:
    """Multi-line text (a body, a description): line breaks made uniform, other controls removed."""
    value = "" if text is None else str(text)
    return no_controls(value.replace("\r\n", "\n").replace("\r", "\n"), keep="\n\t")
