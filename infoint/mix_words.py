"""What the chosen targets still lack against the plan (O3, T2), one whole sentence per group.

Ground floor beside ``classification``: the sentences only, each one msgid for its singular and
one for its plural, since word order differs between English, Spanish and Chinese.
"""

from __future__ import annotations

from .i18n import ngettext

__all__ = ["missing_sentence"]


def missing_sentence(key: str, n: int) -> str:
    """ "Add 2 more junior people, ...": one whole sentence per group (word order differs)."""
    if key == "position":
        said = ngettext(
            "Add {n} more person in a position you want.",
            "Add {n} more people in a position you want.",
            n,
        )
    elif key == "organization":
        said = ngettext(
            "Add {n} more person at an organization you want.",
            "Add {n} more people at an organization you want.",
            n,
        )
    elif key == "both":
        said = ngettext(
            "Add {n} more person who is both in a position and at an organization you want.",
            "Add {n} more people who are both in a position and at an organization you want.",
            n,
        )
    elif key == "junior":
        said = ngettext(
            "Add {n} more junior person, who remembers recent hiring well.",
            "Add {n} more junior people, who remember recent hiring well.",
            n,
        )
    else:
        said = ngettext(
            "Add {n} more mid-level or senior person, who knows what employers look for.",
            "Add {n} more mid-level or senior people, who know what employers look for.",
            n,
        )
    return said.format(n=n)
