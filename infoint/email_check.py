"""Step 1, O5: the sender address is valid and looks professional.

The address check has its own vocabularies (nickname and hobby words, fillers; the Spanish
and pinyin ones, and the pinyin of Chinese names, in ``email_words``) and the only use of
``email_validator``; step 1's profile check (``objectives.check_profile``) and the
request checker (O5 again, for a draft's sender) both call it. No network look-up: syntax and
wording only.
"""

from __future__ import annotations

import re

from . import email_words
from .i18n import N_, _
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


_EMAIL_FIX = N_(
    "Use an address made from your name, such as firstname.lastname at your school or "
    "at a major provider; keep the current one for friends."
)


_EMAIL_REASONS = (  # email_validator's reason -> our plain words (never the user's text)
    ("must have an @-sign", N_("It needs an @ sign, as in name@example.com.")),
    ("small commercial at", N_("It has a look-alike @ sign; type an ordinary @ instead.")),
    (
        "something after the @-sign",
        N_("Nothing comes after the @ sign; add the provider, e.g. gmail.com."),
    ),
    ("something before the @-sign", N_("Nothing comes before the @ sign.")),
    ("too long", N_("It is too long to be an email address.")),
    ("two periods in a row", N_("It has two dots in a row.")),
    ("two dashes", N_("The part after the @ sign has two dashes in an unusual place.")),
    ("period and a hyphen", N_("It has a dot and a hyphen side by side.")),
    ("should have a period", N_("The part after the @ sign needs a dot, as in gmail.com.")),
    ("top-level domain", N_("The ending after the last dot is not a real one (like .com or .ca).")),
    (
        "special-use or reserved",
        N_("The part after the @ sign is a reserved name that cannot get mail."),
    ),
    ("angle bracket", N_("It has extra text or brackets around it; enter the address alone.")),
    ("display name", N_("It has extra text or brackets around it; enter the address alone.")),
    (
        "anything after the email address",
        N_("It has extra text around it; enter the address alone."),
    ),
    ("bracket", N_("Use the provider's name after the @ sign, not a number in brackets.")),
    ("quot", N_("Quotation marks are not accepted in an address here.")),
    ("character", N_("It contains characters an address cannot have, such as spaces or symbols.")),
    ("period", N_("A dot cannot be at the start or end of either part.")),
    ("hyphen", N_("The part after the @ sign cannot start or end with a hyphen.")),
)


_EMAIL_REASON_DEFAULT = N_("It is not in the usual form, like name@provider.com.")


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


def _hobby_in(
    local: str, name_parts: set[str], hobby: frozenset, filler: frozenset, distinct: tuple
) -> list[str]:
    """One language's nickname or hobby words inside the local part, skipping the name."""
    vocab = hobby | filler | name_parts
    hits: list[str] = []
    for token in _TOKEN_RE.findall(local):
        if len(token) > 64:
            continue
        words = [token] if token in hobby else (_segment(token, vocab) or [])
        found = [w for w in words if w in hobby]
        if not found:
            found = [w for w in distinct if w in token and not any(w in p for p in name_parts)]
        hits.extend(w for w in found if w not in name_parts and w not in hits)
    return hits


def _hobby_words(local: str, name_parts: set[str]) -> list[str]:
    """Nickname or hobby words inside the local part, skipping any that are the person's name:
    English ones, then Spanish and pinyin ones ("princesa", "xiaokeai")."""
    hits = _hobby_in(local, name_parts, _HOBBY, _FILLER, _DISTINCT)
    for hobby, filler in (
        (email_words.HOBBY_ES, email_words.FILLER_ES),
        (email_words.HOBBY_ZH, email_words.FILLER_ZH),
    ):
        distinct = tuple(w for w in email_words.DISTINCT if w in hobby)
        hits.extend(
            w for w in _hobby_in(local, name_parts, hobby, filler, distinct) if w not in hits
        )
    return hits


# Particles of Spanish (and other) names: never evidence that the address holds the name.
_PARTICLES = frozenset("de del la las los y e da das do dos di van von der den".split())
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _name_parts(name: str) -> list[str]:
    """The Latin-letter parts of a name, two letters or more, folded ("José" -> jose)."""
    return [p for p in re.findall(r"[a-z]+", fold(name)) if len(p) >= 2]


def _pinyin_name(name: str) -> tuple[str, list[str]] | None:
    """A Chinese name in pinyin: (surname, the given name's syllables), from the tables in
    ``email_words`` ("李伟" -> ("li", ["wei"]); "欧阳娜娜" -> ("ouyang", ["na", "na"])); None
    when it has no Chinese characters or one the tables lack."""
    chars = "".join(_CJK_RE.findall(name))
    if len(chars) < 2:
        return None
    cut = 2 if chars[:2] in email_words.SURNAMES and len(chars) > 2 else 1
    surname = email_words.SURNAMES.get(chars[:cut])
    given = [email_words.GIVEN.get(c) or email_words.SURNAMES.get(c) for c in chars[cut:]]
    if not surname or not given or not all(given):
        return None
    return surname, given


def _has_chinese_name(letters: str, surname: str, given: list[str]) -> bool:
    """The address holds the given name ("wei"), the initials in either order ("lw", "wl"),
    or a surname long enough to tell ("zhang", "ouyang")."""
    whole = "".join(given)
    initials = "".join(g[0] for g in given)
    return (
        whole in letters
        or surname[0] + initials in letters
        or initials + surname[0] in letters
        or (len(surname) >= 4 and surname in letters)
    )


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
                _("Your email address is needed: it is where people will answer your requests."),
                fix=_("Enter the address you will write from."),
            )
        ]
    if len(address) > 320:
        return [
            Finding(
                "O5",
                ERROR,
                _("It is too long to be an email address."),
                subject,
                _("Enter a single address."),
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
                _("This is not a valid email address. {reason}").format(reason=_(reason)),
                subject,
                _("Check it against the address your provider or school gave you."),
            )
        ]
    except Exception:  # noqa: BLE001 - a checker must never take the page down
        return [
            Finding(
                "O5",
                ERROR,
                _("This address could not be checked; it may not be valid."),
                subject,
                _("Check it and try again."),
            )
        ]
    local = fold(address.rpartition("@")[0])
    found = []

    def warn(message: str, what: str) -> None:
        found.append(Finding("O5", WARNING, message, finding_subject(what), _(_EMAIL_FIX)))

    for run in dict.fromkeys(_DIGITS_RE.findall(local)):
        if len(run) == 4 and _YEAR_RE.fullmatch(run):
            warn(
                _(
                    "This looks like a year, perhaps your birth year. It tells strangers your "
                    "age and makes the address look personal rather than professional."
                ),
                run,
            )
        elif len(run) >= 3:
            warn(
                _(
                    "A long run of digits makes an address hard to remember and looks like a "
                    "leftover from a sign-up form."
                ),
                run,
            )
        elif len(run) == 2 and local.endswith(run):
            warn(
                _(
                    "A two-digit number at the end often reads as a birth year, which looks "
                    "personal rather than professional."
                ),
                run,
            )
    parts = _name_parts(_text(name))
    chinese = _pinyin_name(_text(name))
    if chinese:
        given = "".join(chinese[1])
        whole = [chinese[0] + given, given + chinese[0]]
        parts = list(dict.fromkeys([*parts, chinese[0], given, *chinese[1], *whole]))
    for word in _hobby_words(local, set(parts)):
        warn(
            _(
                "This looks like a nickname or hobby word (unless it is part of your name). It "
                "is fine among friends, but a stranger deciding whether to reply may not take "
                "it seriously."
            ),
            word,
        )
    symbols = "".join(dict.fromkeys(_BAD_SYMBOL_RE.findall(local)))
    if symbols:
        warn(_("Unusual symbols make an address hard to read out and type correctly."), symbols)
    letters = re.sub(r"[^a-z]", "", local)
    if chinese:
        named = _has_chinese_name(letters, *chinese) or any(
            p in letters for p in _name_parts(_text(name)) if p not in _PARTICLES
        )
    elif parts:
        own = [p for p in parts if p not in _PARTICLES] or parts
        initials = "".join(p[0] for p in own)
        has_initials = len(initials) >= 2 and initials in letters
        named = has_initials or any(p in letters for p in own)
    else:
        named = True
    if not named:
        warn(
            _(
                "The part before the @ contains no part of your name. An address built from "
                "your name looks professional and tells people who is writing."
            ),
            address.rpartition("@")[0],
        )
    return found
