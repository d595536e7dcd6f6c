"""D5, comparing meetings side by side: which roles and organizations still fit, the themes
that came up again and again, and plain suggestions on what to change and whom to see next.

Pure: debriefs and contacts in, a ``Comparison`` out. Names, notes and insights are kept
literally; the pages escape them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from .classification import fold_title
from .debrief import Debrief, fit_rating
from .i18n import N_, _, format_number, ngettext
from .records import Contact, org_key
from .referrals import real_name
from .safe import one_line as _one_line
from .safe import plain_text as _text
from .text import STOP_WORDS, fold


@dataclass(frozen=True)
class Comparison:
    """D5: debriefed meetings side by side.

    ``rows``: one dict per meeting (meeting_id, contact_id, name, organization, position,
    role_fit, org_fit, insights), best fit first; text is kept exactly as stored.
    ``recurring``: (word or two-word phrase, number of meetings it came up in), top 10.
    ``suggestions``: plain sentences on what fits, what to change and whom to talk to next.
    """

    rows: list[dict]
    recurring: list[tuple[str, int]]
    suggestions: list[str]


_TOKEN_RE = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


_CLAUSE_RE = re.compile(
    r"[.!?;:,()\[\]\"\n\r\u2014\u2013\u3001\u3002\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f]+|\s-\s"
)
# Chinese has no spaces between words: its terms are two to four characters side by side
# (most words are two, terms like 用户研究 four), leaving out any with a particle or pronoun
# in them; ``_recurring`` keeps the longest that came up as often ("作品集", not "作品").
_HAN_RE = re.compile(r"[\u4e00-\u9fff]{2,}")
_HAN_SKIP = frozenset("的了吗呢吧啊着过我你他她它们这那是很也都就还和与")
_HAN_LONGEST = 4


_TOP_RECURRING = 10

# Spanish notes: the small words that recur in any text (accents folded, as ``fold`` leaves
# them), so that the themes are the words that mean something.
_SPANISH_STOP_WORDS = frozenset(
    """
al algo algun alguna algunas alguno algunos ante antes asi aunque bien cada como con contra
cual cuando de del desde donde dijo dice durante el ella ellas ellos en entre era eran es esa
esas ese eso esos esta estaba estan estar estas este esto estos fue fueron ha han hace hacer
hay la las le les lo los mas me mi mis mucho mucha muchos muchas muy nada ni no nos nosotros
otra otras otro otros para pero poco por porque puede pueden que quien se sea segun ser si
sin sobre solo son su sus tambien tan tanto te tiene tienen todo toda todos todas tu un una
uno unos unas usted y ya yo
""".split()
)
_SKIP_WORDS = STOP_WORDS | _SPANISH_STOP_WORDS


_MAX_TEXT = 50_000


_LOW, _HIGH = 2, 4  # D5: a rating of 2 or less is a poor fit, 4 or more a good one


def _meeting_terms(text: str, skip: set[str]) -> set[str]:
    """The meaningful words and two-word phrases of one meeting's notes (lower case).

    A word counts when it has two or more letters, isn't a stop word or a number, and isn't
    a name of the people and organizations compared (those recur trivially). A phrase is two
    such words side by side within one clause. In Chinese (no spaces), two to four
    characters side by side within one clause (``_HAN_RE``).
    """
    terms: set[str] = set()
    folded = fold(text[:_MAX_TEXT].replace("\u2019", "'"))
    for clause in _CLAUSE_RE.split(folded):
        previous = ""
        for word in _TOKEN_RE.findall(clause):
            meaningful = (
                len(word) >= 2
                and word not in _SKIP_WORDS
                and word not in skip
                and not word.replace("-", "").isdigit()
            )
            if not meaningful:
                previous = ""
                continue
            terms.add(word)
            if previous:
                terms.add(f"{previous} {word}")
            previous = word
        for run in _HAN_RE.findall(clause):
            terms.update(
                piece
                for size in range(2, _HAN_LONGEST + 1)
                for piece in (run[i : i + size] for i in range(len(run) - size + 1))
                if not _HAN_SKIP.intersection(piece)
            )
    return terms


def _han(term: str) -> bool:
    return bool(_HAN_RE.fullmatch(term))


def _recurring(debriefs: list[Debrief], skip: set[str]) -> list[tuple[str, int]]:
    """D5: terms that came up in two meetings or more, with the number of meetings, top 10.

    A single word is left out when a phrase containing it came up as often (the phrase says
    more), so "portfolio review" isn't followed by "portfolio" and "review".
    """
    counts: dict[str, int] = {}
    for d in debriefs:
        answers = d.answers if isinstance(d.answers, Mapping) else {}
        text = "\n".join([_text(d.insights), _text(d.surprises), *map(_text, answers.values())])
        for term in _meeting_terms(text, skip):
            counts[term] = counts.get(term, 0) + 1
    shared = {t: n for t, n in counts.items() if n >= 2}
    covered: dict[str, int] = {}
    for term, n in shared.items():
        if " " in term:
            for word in term.split():
                covered[word] = max(covered.get(word, 0), n)
        elif _han(term):  # "作品" is inside "作品集": the longer says more
            for size in range(2, len(term)):
                for i in range(len(term) - size + 1):
                    part = term[i : i + size]
                    covered[part] = max(covered.get(part, 0), n)
    kept = [(t, n) for t, n in shared.items() if " " in t or covered.get(t, 0) < n]
    kept.sort(key=lambda tn: (-tn[1], -len(tn[0].split()), tn[0]))
    return kept[:_TOP_RECURRING]


def _fit_score(row: dict) -> float | None:
    ratings = [r for r in (row["role_fit"], row["org_fit"]) if r is not None]
    return sum(ratings) / len(ratings) if ratings else None


def _rated(values: list[int]) -> str:
    """ "2/5", or "3.5/5 on average" when the meetings disagree (the number as the language
    in use writes it: "3,5/5 de media")."""
    if len(set(values)) == 1:
        return _("{rating}/5").format(rating=values[0])
    mean = round(sum(values) / len(values), 1)
    return _("{rating}/5 on average").format(rating=format_number(mean))


def _join(items: list[str]) -> str:
    """ "a, b and c" in the language in use ("a, b y c", "a、b和c")."""
    if len(items) <= 1:
        return "".join(items)
    return _("{items} and {last}").format(items=_(", ").join(items[:-1]), last=items[-1])


def _quoted(term: str) -> str:
    return _("\u201c{term}\u201d").format(term=term)


# D5 on an organization, one whole sentence per number of meetings (the word order differs
# between languages): (one meeting, two, three or more).
_GOOD_ORG = (
    N_(
        "Your meeting at {organization} rated the organization {rating}: keep "
        "{organization} near the top of your list, and look for another person there to talk to."
    ),
    N_(
        "Both meetings at {organization} rated the organization {rating}: keep "
        "{organization} near the top of your list, and look for another person there to talk to."
    ),
    N_(
        "All {n} meetings at {organization} rated the organization {rating}: keep "
        "{organization} near the top of your list, and look for another person there to talk to."
    ),
)
_POOR_ORG = (
    N_(
        "Your meeting at {organization} rated the organization {rating}: consider moving "
        "{organization} down your list."
    ),
    N_(
        "Both meetings at {organization} rated the organization {rating}: consider moving "
        "{organization} down your list."
    ),
    N_(
        "All {n} meetings at {organization} rated the organization {rating}: consider moving "
        "{organization} down your list."
    ),
)


def _about_org(sentences: tuple[str, str, str], n: int, label: str, values: list[int]) -> str:
    return _(sentences[min(n, 3) - 1]).format(n=n, organization=label, rating=_rated(values))


def compare(
    debriefs: Iterable[Debrief],
    contacts: Mapping[int, Contact],
    *,
    contacted: Collection[int] = (),
    max_referrals: int = 5,
) -> Comparison:
    """D5: your debriefed meetings side by side, recurring themes, and what to do next.

    ``rows`` are sorted by fit (the mean of the two ratings given, best first; unrated last,
    then by name). ``recurring`` counts meetings, not mentions (see ``_recurring``).
    ``suggestions``, in plain words: the roles and organizations that fit best and worst,
    what to change next (your target list, your resume, your questions), and whom to talk to
    next: the people you were referred to (D3) that you haven't contacted yet. For that, pass
    all contacts in ``contacts`` and, in ``contacted``, the ids of those you have already
    reached out to (for example every contact with an event in the log).

    Names, organizations and insights are kept literally; escape them before any HTML sink.
    """
    debriefs = [d for d in debriefs if isinstance(d, Debrief)]
    contacts = contacts or {}
    rows = []
    skip: set[str] = set()
    for d in debriefs:
        c = contacts.get(d.contact_id)
        c = c if isinstance(c, Contact) else None
        name = c.full_name if c else _("(unknown contact)")
        rows.append(
            {
                "meeting_id": d.meeting_id,
                "contact_id": d.contact_id,
                "name": name,
                "organization": c.organization if c else "",
                "position": c.position if c else "",
                "role_fit": fit_rating(d.role_fit),
                "org_fit": fit_rating(d.org_fit),
                "insights": _text(d.insights),
            }
        )
        if c:
            skip.update(_TOKEN_RE.findall(fold(f"{c.first_name} {c.last_name} {c.organization}")))
    scores = [_fit_score(r) for r in rows]
    order = sorted(
        range(len(rows)),
        key=lambda i: (scores[i] is None, -(scores[i] or 0.0), fold(rows[i]["name"])),
    )
    rows = [rows[i] for i in order]
    recurring = _recurring(debriefs, skip)
    suggestions = _suggestions(rows, recurring, contacts, set(contacted or ()), max_referrals)
    return Comparison(rows, recurring, suggestions)


def _group(rows: list[dict], key_of, label_of, rating: str) -> list[tuple[str, list[int]]]:
    """(display label, ratings) per group of rows with a key, in the rows' order."""
    groups: dict[str, tuple[str, list[int]]] = {}
    for row in rows:
        key = key_of(row)
        if not key or row[rating] is None:
            continue
        groups.setdefault(key, (label_of(row), []))[1].append(row[rating])
    return list(groups.values())


def _suggestions(
    rows: list[dict],
    recurring: list[tuple[str, int]],
    contacts: Mapping[int, Contact],
    contacted: set[int],
    max_referrals: int,
) -> list[str]:
    """D5 in plain sentences: what fits, what to change next, whom to talk to next."""
    tips: list[str] = []
    if not rows:
        tips.append(_("Debrief your first meeting to start comparing."))
    elif len(rows) == 1:
        tips.append(_("Debrief one more meeting to see what the two have in common."))

    roles = _group(
        rows,
        lambda r: fold_title(_one_line(r["position"])),
        lambda r: _one_line(r["position"]),
        "role_fit",
    )
    orgs = _group(
        rows,
        lambda r: org_key(_one_line(r["organization"])),
        lambda r: _one_line(r["organization"]),
        "org_fit",
    )
    mean = lambda values: sum(values) / len(values)  # noqa: E731

    good_roles = sorted((g for g in roles if mean(g[1]) >= _HIGH), key=lambda g: -mean(g[1]))
    if good_roles:
        names = [
            _("{role} ({rating})").format(role=label, rating=_rated(values))
            for label, values in good_roles[:3]
        ]
        tips.append(
            _(
                "The role that fits you best so far: {role}. Shape your resume around it: lead "
                "with the skills and experience people in that role said matter most."
            ).format(role=names[0])
            if len(names) == 1
            else _(
                "The roles that fit you best so far: {roles}. Shape your resume around them: "
                "lead with the skills and experience people in those roles said matter most."
            ).format(roles=_join(names))
        )
    for label, values in roles:
        if mean(values) <= _LOW:
            tips.append(
                _(
                    "You rated the role of {role} {rating}. If another conversation confirms "
                    "it, take it off your target roles in step 1."
                ).format(role=label, rating=_rated(values))
            )
    for label, values in orgs:
        if mean(values) >= _HIGH:
            tips.append(_about_org(_GOOD_ORG, len(values), label, values))
    for label, values in orgs:
        if mean(values) <= _LOW:
            tips.append(_about_org(_POOR_ORG, len(values), label, values))

    unrated = sum(1 for r in rows if r["role_fit"] is None or r["org_fit"] is None)
    if unrated:
        tips.append(
            ngettext(
                "Rate the role and organization fit in {n} more debrief to compare them fully.",
                "Rate the role and organization fit in {n} more debriefs to compare them fully.",
                unrated,
            ).format(n=unrated)
        )
    if recurring:
        themes = _join([_quoted(term) for term, _count in recurring[:3]])
        tips.append(
            _(
                "More than one person brought up {themes}. Ask your next contacts about these "
                "too, and make sure your resume speaks to them."
            ).format(themes=themes)
        )

    waiting = [
        c
        for c in contacts.values()
        if isinstance(c, Contact)
        and c.referred_by is not None
        and not c.archived
        and c.id is not None
        and c.id not in contacted
    ]
    if waiting:
        fit_by_org = {org_key(_one_line(label)): mean(values) for label, values in orgs}
        waiting.sort(
            key=lambda c: (-fit_by_org.get(org_key(c.organization), 0.0), fold(c.full_name))
        )
        for c in waiting[: max(0, max_referrals)]:
            referrer = contacts.get(c.referred_by)
            by = real_name(referrer) if isinstance(referrer, Contact) else ""
            fields = {
                "name": _one_line(c.full_name, 80),
                "organization": _one_line(c.organization),
                "referrer": by,
            }
            if c.organization.strip():
                tip = (
                    _("Talk to {name} at {organization} next: {referrer} suggested them.")
                    if by
                    else _("Talk to {name} at {organization} next: you were referred to them.")
                )
            else:
                tip = (
                    _("Talk to {name} next: {referrer} suggested them.")
                    if by
                    else _("Talk to {name} next: you were referred to them.")
                )
            tips.append(tip.format(**fields))
        extra = len(waiting) - max(0, max_referrals)
        if extra > 0:
            tips.append(
                ngettext(
                    "You have {n} more referral waiting in your contact list (step 2).",
                    "You have {n} more referrals waiting in your contact list (step 2).",
                    extra,
                ).format(n=extra)
            )
    return tips


def fit_chart_rows(comparison: Comparison) -> list[tuple[str, int, int]]:
    """D5: (label, role fit, organization fit) per meeting for a bar chart; 0 when not rated.

    The label is the person's name, with the organization in brackets when known.
    """
    out = []
    for row in comparison.rows:
        name = _one_line(row.get("name"), 60)
        organization = _one_line(row.get("organization"), 60)
        label = (
            _("{name} ({organization})").format(name=name, organization=organization)
            if organization
            else name
        )
        out.append(
            (label, fit_rating(row.get("role_fit")) or 0, fit_rating(row.get("org_fit")) or 0)
        )
    return out
