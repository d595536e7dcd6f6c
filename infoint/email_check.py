"""Step 1, O5: the sender address is valid and looks professional.

The address check has its own vocabularies (nickname and hobby words, fillers) and the only
use of ``email_validator``; step 1's profile check (``objectives.check_profile``) and the
request checker (O5 again, for a draft's sender) both call it. No network look-up: syntax and
wording only.
"""

from __future__ import annotations

import re

from .records import ERROR, WARNING, Finding, finding_subject
from .safe import plain_text as _text
from .text import fold

__all__ = ["check_email"]


_HOBBY = frozenset(
    """
gamer gaming lover fan fans cool hot hottie sexy babe bae ninja king queen princess prince dude
kitty angel devil rocks rock party binary likes crazy baby boy girl man guy gal chick geek nerd
nerdy freak fanatic addict junkie cutie cute sweetie honey bunny bear wolf dragon tiger star
rockstar superstar legend boss master lord killer slayer sniper warrior gangsta gangster thug
swag yolo lol xoxo xo xx forever love luv doll diva playboy player shorty lil babyface
""".split()
)


_FILLER = frozenset(
    """
the my mr mrs ms miss big little super mega ultra real official da im its tech music cat dog lady
life world pro best top game games code soccer football hockey ball book books art dance anime
pizza coffee tea pink blue red black dark sweet happy sunny pretty number one two four
""".split()
)


_DISTINCT = (
    "gamer",
    "gaming",
    "ninja",
    "kitty",
    "princess",
    "sexy",
    "binary",
    "devil",
    "crazy",
    "party",
    "hottie",
    "cutie",
    "likes",
    "xoxo",
)


_BAD_SYMBOL_RE = re.compile(r"[^\w.+-]")


_DIGITS_RE = re.compile(r"\d+")


_YEAR_RE = re.compile(r"(?:19|20)\d\d")


_TOKEN_RE = re.compile(r"[^\W\d_]+")


_EMAIL_FIX = (
    "Use an address made from your name, such as firstname.lastname at your school or "
    "at a major provider; keep the current one for friends."
)


_EMAIL_REASONS = (  # email_validator's reason -> our plain words (never the user's text)
    ("must have an @-sign", "It needs an @ sign, as in name@example.com."),
    ("small commercial at", "It has a look-alike @ sign; type an ordinary @ instead."),
    (
        "something after the @-sign",
        "Nothing comes after the @ sign; add the provider, e.g. gmail.com.",
    ),
    ("something before the @-sign", "Nothing comes before the @ sign."),
    ("too long", "It is too long to be an email address."),
    ("two periods in a row", "It has two dots in a row."),
    ("two dashes", "The part after the @ sign has two dashes in an unusual place."),
    ("period and a hyphen", "It has a dot and a hyphen side by side."),
    ("should have a period", "The part after the @ sign needs a dot, as in gmail.com."),
    ("top-level domain", "The ending after the last dot is not a real one (like .com or .ca)."),
    (
        "special-use or reserved",
        "The part after the @ sign is a reserved name that cannot get mail.",
    ),
    ("angle bracket", "It has extra text or brackets around it; enter the address alone."),
    ("display name", "It has extra text or brackets around it; enter the address alone."),
    ("anything after the email address", "It has extra text around it; enter the address alone."),
    ("bracket", "Use the provider's name after the @ sign, not a number in brackets."),
    ("quot", "Quotation marks are not accepted in an address here."),
    ("character", "It contains characters an address cannot have, such as spaces or symbols."),
    ("period", "A dot cannot be at the start or end of either part."),
    ("hyphen", "The part after the @ sign cannot start or end with a hyphen."),
)


_EMAIL_REASON_DEFAULT = "It is not in the usual form, like name@provider.com."


def _segment(token: str, vocab: frozenset | set) -> list[str] | None:
    """Split a run of letters into known words ("binaryman" -> binary, man), or None."""
    longest = max(map(len, vocab))
    best: list[list[str] | None] = [None] * (len(token) + 1)
    best[0] = []
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - longest), end):
            if best[start] is not None and token[start:end] in vocab:
                if best[end] is None or len(best[start]) + 1 < len(best[end]):
                    best[end] = best[start] + [token[start:end]]
    return best[len(token)]


def _hobby_words(local: str, name_parts: set[str]) -> list[str]:
    """Nickname or hobby words inside the local part, skipping any that are the person's name."""
    vocab = _HOBBY | _FILLER | name_parts
    hits: list[str] = []
    for token in _TOKEN_RE.findall(local):
        if len(token) > 64:
            continue
        words = [token] if token in _HOBBY else (_segment(token, vocab) or [])
        found = [w for w in words if w in _HOBBY]
        if not found:
            found = [w for w in _DISTINCT if w in token and not any(w in p for p in name_parts)]
        hits.extend(w for w in found if w not in name_parts and w not in hits)
    return hits


def _name_parts(name: str) -> list[str]:
    """The Latin-letter parts of a name, two letters or more, folded ("José" -> jose)."""
    return [p for p in re.findall(r"[a-z]+", fold(name)) if len(p) >= 2]


def check_email(address: str, name: str = "") -> list[Finding]:
    """O5: the address you write from must be valid and look professional.

    Syntax is checked without any network look-up. Warnings, each with its reason: long digit
    runs, what looks like a birth year, nickname or hobby words, symbols, and (when ``name`` is
    given) no part of the name in the address. The provider's domain is never judged.
    """
    address = _text(address).strip()
    subject = finding_subject(address)
    if not address:
        return [
            Finding(
                "O5",
                ERROR,
                "Your email address is needed: it is where people will answer your requests.",
                fix="Enter the address you will write from.",
            )
        ]
    if len(address) > 320:
        return [
            Finding(
                "O5",
                ERROR,
                "It is too long to be an email address.",
                subject,
                "Enter a single address.",
            )
        ]
    from email_validator import EmailNotValidError, validate_email  # light, but only needed here

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        detail = str(exc)
        reason = next((r for key, r in _EMAIL_REASONS if key in detail), _EMAIL_REASON_DEFAULT)
        return [
            Finding(
                "O5",
                ERROR,
                "This is not a valid email address. " + reason,
                subject,
                "Check it against the address your provider or school gave you.",
            )
        ]
    except Exception:  # noqa: BLE001 - a checker must never take the page down
        return [
            Finding(
                "O5",
                ERROR,
                "This address could not be checked; it may not be valid.",
                subject,
                "Check it and try again.",
            )
        ]
    local = fold(address.rpartition("@")[0])
    found = []

    def warn(message: str, what: str) -> None:
        found.append(Finding("O5", WARNING, message, finding_subject(what), _EMAIL_FIX))

    for run in dict.fromkeys(_DIGITS_RE.findall(local)):
        if len(run) == 4 and _YEAR_RE.fullmatch(run):
            warn(
                "This looks like a year, perhaps your birth year. It tells strangers your age "
                "and makes the address look personal rather than professional.",
                run,
            )
        elif len(run) >= 3:
            warn(
                "A long run of digits makes an address hard to remember and looks like a "
                "leftover from a sign-up form.",
                run,
            )
        elif len(run) == 2 and local.endswith(run):
            warn(
                "A two-digit number at the end often reads as a birth year, which looks "
                "personal rather than professional.",
                run,
            )
    parts = _name_parts(_text(name))
    for word in _hobby_words(local, set(parts)):
        warn(
            "This looks like a nickname or hobby word (unless it is part of your name). It "
            "is fine among friends, but a stranger deciding whether to reply may not take it "
            "seriously.",
            word,
        )
    symbols = "".join(dict.fromkeys(_BAD_SYMBOL_RE.findall(local)))
    if symbols:
        warn("Unusual symbols make an address hard to read out and type correctly.", symbols)
    if parts:
        letters = re.sub(r"[^a-z]", "", local)
        initials = "".join(p[0] for p in parts)
        has_initials = len(initials) >= 2 and initials in letters
        if not has_initials and not any(p in letters for p in parts):
            warn(
                "The part before the @ contains no part of your name. An address built from "
                "your name looks professional and tells people who is writing.",
                address.rpartition("@")[0],
            )
    return found
