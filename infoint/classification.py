"""Step 2, T2, T3, T5, T6 and O3: what each contact is (connection, warmth, seniority, focus,
locality, meeting modes), each with its reason, and the mix of a set of contacts.

Classification is derived from a contact's fields and step 1's objective; the user's overrides
win and say so. ``Classifier`` caches what each distinct title, organization and place implies,
so 30,000 contacts classify in a fraction of a second. Ranking (``ranking.py``) builds on it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .bulk import paused_gc
from .i18n import N_, _
from .mix_words import missing_sentence
from .organizations import sort_organizations
from .records import (
    CONNECTION_LABELS,
    CONNECTIONS,
    FOCUSES,
    SENIORITIES,
    SENIORITY_LABELS,
    Contact,
    Organization,
    org_key,
)
from .text import fold

JUNIOR_WORDS = (
    "junior",
    "jr",
    "associate",
    "intern",
    "internship",
    "trainee",
    "apprentice",
    "entry level",
    "graduate",
    "assistant",
    "student",
)


SENIOR_WORDS = (
    "senior",
    "sr",
    "lead",
    "principal",
    "director",
    "head",
    "vp",
    "vice president",
    "chief",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "cmo",
    "cio",
    "president",
    "partner",
    "founder",
    "cofounder",
    "co founder",
)


TOP_MANAGER_WORDS = (
    "chief",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "cmo",
    "cio",
    "vp",
    "vice president",
    "president",
    "head",
    "director",
    "founder",
    "cofounder",
    "co founder",
    "partner",
    "executive",
)


_ROLE_STOP = (
    set(JUNIOR_WORDS)
    | set(SENIOR_WORDS)
    | {"of", "and", "the", "a", "an", "for", "in", "at", "to", "mid", "level"}
)


_SYNONYMS = (
    ("user experience", "ux"),
    ("user interface", "ui"),
    ("human resources", "hr"),
    ("&", " and "),
)


def _literal_words_re(words) -> re.Pattern:
    alternatives = "|".join(
        re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(r"\b(" + alternatives + r")\b")


_SENIOR_RE = _literal_words_re(SENIOR_WORDS)


_JUNIOR_RE = _literal_words_re(JUNIOR_WORDS)


_TOP_RE = _literal_words_re(TOP_MANAGER_WORDS)


@lru_cache(maxsize=65536)
def fold_title(text: str) -> str:
    """A title or place folded for matching: no accents or punctuation, common synonyms unified."""
    folded = re.sub(r"[^\w&]+", " ", fold(text))
    for long, short in _SYNONYMS:
        folded = folded.replace(long, short)
    return " ".join(folded.split())


def role_tokens(role: str) -> tuple[str, ...]:
    """The words of a target role that a title must contain (seniority words dropped)."""
    return tuple(t for t in fold_title(role).split() if t not in _ROLE_STOP and len(t) > 1)


@dataclass(frozen=True)
class Context:
    """What classification and ranking need besides the contacts themselves."""

    roles: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()  # of interest (step 1), matched by org_key
    home: str = ""  # the user's city (T6)
    org_ratings: Mapping[str, Organization] = field(
        default_factory=dict
    )  # org_key -> long-list entry
    plan: Any = None  # objectives.Plan
    meetings_held: int = 0  # T4: early on means before a few meetings

    @classmethod
    def build(
        cls, profile, objective, organizations: list[Organization], meetings_held: int = 0
    ) -> Context:
        """From step 1's profile and objective and the long list of organizations."""
        ratings = {org_key(o.name): o for o in organizations if not o.archived}
        return cls(
            tuple(objective.roles),
            tuple(objective.organizations),
            profile.location,
            ratings,
            objective.plan,
            meetings_held,
        )

    def interesting_orgs(self) -> dict[str, str]:
        """org_key -> why it interests you: listed in step 1, or rated 4-5 on the long list."""
        out = {
            org_key(name): _("one of the organizations you want to learn about")
            for name in self.organizations
            if org_key(name)
        }
        for key, org in self.org_ratings.items():
            if key not in out and (org.motivation or 0) >= 4:
                out[key] = _("rated {rating}/5 on your long list").format(rating=org.motivation)
        return out

    def org_places(self) -> dict[str, int]:
        """org_key -> place on the sorted long list (T1)."""
        return {
            org_key(o.name): place
            for place, o in sort_organizations(list(self.org_ratings.values()))
        }


@dataclass(slots=True)
class Assessment:
    """One contact's derived classification (each with its reason) and ranking."""

    contact: Contact
    connection: str
    connection_why: str
    warm: bool
    warm_why: str
    seniority: str
    seniority_why: str
    top_manager: bool
    focus: str
    focus_why: str
    local: bool
    local_why: str
    modes: str
    score: float = 0.0
    why: str = ""
    rank: int = 0


def _title_facts(title: str) -> tuple[str, str, bool]:
    folded = fold_title(title)
    senior = _SENIOR_RE.search(folded)
    junior = _JUNIOR_RE.search(folded)
    return (
        senior.group(1) if senior else "",
        junior.group(1) if junior else "",
        bool(_TOP_RE.search(folded)),
    )


class Classifier:
    """Classifies contacts against one context, caching what titles, organizations and places imply.

    A LinkedIn export repeats titles, employers, cities and (mostly empty) overrides a lot, so
    each part of an assessment, reason text included, is worked out once per distinct value:
    30,000 contacts take a tenth of a second without vectorised string code.
    """

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.roles = [(role, set(role_tokens(role))) for role in ctx.roles if role_tokens(role)]
        self.interesting = ctx.interesting_orgs()
        self.home = fold_title(ctx.home)
        self._titles: dict[str, tuple[str, str, bool]] = {}
        self._roles: dict[str, str] = {}
        self._places: dict[str, tuple[bool, str]] = {}
        self._orgs: dict[
            str, tuple[str, str]
        ] = {}  # organization -> (why it interests you, its long-list location)
        self._links: dict[tuple, tuple[str, str, bool, str]] = {}
        self._levels: dict[tuple, tuple[str, str]] = {}
        self._focuses: dict[tuple, tuple[str, str]] = {}

    def _role(self, text: str) -> str:
        hit = self._roles.get(text)
        if hit is None:
            words = set(fold_title(text).split())
            hit = next((role for role, tokens in self.roles if tokens <= words), "")
            self._roles[text] = hit
        return hit

    def _org(self, name: str) -> tuple[str, str]:
        found = self._orgs.get(name)
        if found is None:
            key = org_key(name)
            rated = self.ctx.org_ratings.get(key)
            found = self._orgs[name] = (
                self.interesting.get(key, ""),
                rated.location if rated else "",
            )
        return found

    def _place(self, place: str) -> tuple[bool, str]:
        found = self._places.get(place)
        if found is None:
            folded = fold_title(place)
            if not self.home:
                found = (False, _("add your city in step 1 to spot local people"))
            elif not folded:
                found = (False, _("location unknown"))
            elif (
                re.search(r"\b" + re.escape(self.home) + r"\b", folded)
                and "remote" not in folded.split()
            ):
                found = (
                    True,
                    _("local: {place} is in {home}").format(place=place, home=self.ctx.home),
                )
            else:
                found = (False, _("not local: {place}").format(place=place))
            self._places[place] = found
        return found

    @staticmethod
    def _link(chosen: str, via: str, linkedin: bool, reason: str) -> tuple[str, str, bool, str]:
        """T2: the connection and whether it is warm, each with its reason."""
        if chosen in CONNECTIONS:
            connection = chosen
            connection_why = _("set by you: {value}").format(value=_(CONNECTION_LABELS[chosen]))
        elif via:
            connection = "second"
            connection_why = _("second-degree: {via} can introduce you").format(via=via)
        elif linkedin:
            connection = "first"
            connection_why = _("first-degree: a LinkedIn connection of yours")
        else:
            connection, connection_why = "cold", _("cold: no link recorded yet")
        if reason:
            return connection, connection_why, True, _("warm: {reason}").format(reason=reason)
        if connection == "first":
            return connection, connection_why, True, _("warm: you know them")
        if connection == "second":
            through = _("warm: through {via}").format(via=via or _("a mutual contact"))
            return connection, connection_why, True, through
        return connection, connection_why, False, _("cold: no shared link")

    def _level(self, chosen: str, title: str, years: float | None) -> tuple[str, str]:
        """T3: seniority from the user's choice, else title words, else years in the industry."""
        facts = self._titles.get(title)
        if facts is None:
            facts = self._titles[title] = _title_facts(title)
        senior_word, junior_word, _top = facts
        if chosen in SENIORITIES:
            return chosen, _("set by you: {value}").format(value=_(SENIORITY_LABELS[chosen]))
        if senior_word:
            return "senior", _("senior: the title says '{word}'").format(word=senior_word)
        if junior_word:
            return "junior", _("junior: the title says '{word}'").format(word=junior_word)
        if years is not None:
            seniority = "junior" if years < 3 else "senior" if years >= 10 else "mid"
            said = (
                _("{level}: {years} years in the industry (under 3)")
                if years < 3
                else _("{level}: {years} years in the industry")
            )
            return seniority, said.format(level=_(SENIORITY_LABELS[seniority]), years=f"{years:g}")
        return "mid", _("mid-level assumed: no seniority words in the title and no years recorded")

    @staticmethod
    def _focus(chosen: str, role: str, organization: str, org_reason: str) -> tuple[str, str]:
        """O3: in a target role, at a target organization, both or neither."""
        if chosen in FOCUSES:
            return chosen, _("set by you: {value}").format(value=_(FOCUS_WORDS[chosen]))
        parts = ([_("in a position you want ({role})").format(role=role)] if role else []) + (
            [_("at {organization}, {reason}").format(organization=organization, reason=org_reason)]
            if org_reason
            else []
        )
        focus = (
            "both"
            if role and org_reason
            else "position"
            if role
            else "organization"
            if org_reason
            else "neither"
        )
        return focus, _(" and ").join(parts) or _("neither a target role nor a target organization")

    def assess(self, c: Contact) -> Assessment:
        """T2, T3, O3, T6 for one contact; the user's overrides win and say so."""
        via = c.via.strip()
        key = (c.connection, via, c.source.startswith("linkedin"), c.warm_reason.strip())
        link = self._links.get(key)
        if link is None:
            link = self._links[key] = self._link(*key)
        key = (c.seniority, c.position, c.years_in_industry)
        level = self._levels.get(key)
        if level is None:
            level = self._levels[key] = self._level(*key)
        # T5: the person's other titles count when the current one is not a target role.
        role = self._role(c.position) or (
            next((r for r in map(self._role, c.alt_titles) if r), "") if c.alt_titles else ""
        )
        org_reason, org_place = self._org(c.organization)
        key = (c.focus, role, c.organization if org_reason else "", org_reason)
        focus = self._focuses.get(key)
        if focus is None:
            focus = self._focuses[key] = self._focus(*key)
        # T6: local (the person's place, else their organization's), and the modes to offer
        if c.local is not None:
            local, local_why = (
                bool(c.local),
                _("set by you: local") if c.local else _("set by you: not local"),
            )
        else:
            local, local_why = self._place(c.location.strip() or org_place)
        modes = c.modes.strip() or ("in person, video, phone" if local else "video, phone")
        top_manager = self._titles[c.position][2]
        return Assessment(c, *link, *level, top_manager, *focus, local, local_why, modes)


@paused_gc()
def classify(contacts: list[Contact], ctx: Context) -> list[Assessment]:
    """T2, T3, O3 and T6 for every contact (archived ones left out)."""
    classifier = Classifier(ctx)
    return [classifier.assess(c) for c in contacts if not c.archived]


# ----------------------------------------------------------------------------- the mix (O3)
@dataclass(frozen=True)
class Mix:
    """Counts of a set of people along the plan's dimensions (O3) plus warmth (T2)."""

    total: int = 0
    position: int = 0  # in a position you want (both included)
    organization: int = 0  # at an organization you want (both included)
    both: int = 0
    junior: int = 0
    senior: int = 0  # mid-level or senior
    warm: int = 0
    cold: int = 0


def mix_of(assessed: list[Assessment]) -> Mix:
    """The mix of a set of assessed contacts (usually the chosen targets)."""
    return Mix(
        total=len(assessed),
        position=sum(a.focus in ("position", "both") for a in assessed),
        organization=sum(a.focus in ("organization", "both") for a in assessed),
        both=sum(a.focus == "both" for a in assessed),
        junior=sum(a.seniority == "junior" for a in assessed),
        senior=sum(a.seniority in ("mid", "senior") for a in assessed),
        warm=sum(a.warm for a in assessed),
        cold=sum(not a.warm for a in assessed),
    )


MIX_LABELS = (
    ("position", N_("In a position you want")),
    ("organization", N_("At an organization you want")),
    ("both", N_("Both")),
    ("junior", N_("Junior")),
    ("senior", N_("Mid-level or senior")),
)
# How a focus chosen by hand is said ("set by you: both"); the keys are FOCUSES.
FOCUS_WORDS = {
    "both": N_("both"),
    "position": N_("position"),
    "organization": N_("organization"),
    "neither": N_("neither"),
}


def mix_rows(plan, mix: Mix) -> list[tuple[str, int, int]]:
    """(label, planned, chosen so far) for the chart, labelled in the language in use."""
    return [
        (_(label), int(getattr(plan, key)), int(getattr(mix, key))) for key, label in MIX_LABELS
    ]


def missing_in_mix(plan, mix: Mix) -> list[str]:
    """The groups the chosen targets still lack against the plan, one sentence each."""
    tips = []
    for key in ("position", "organization", "both", "junior", "senior"):
        missing = int(getattr(plan, key)) - int(getattr(mix, key))
        if missing > 0:
            tips.append(missing_sentence(key, missing))
    return tips


def mix_suggestions(plan, mix: Mix) -> list[str]:
    """O3 and T2 in plain words: what the chosen targets still lack against the plan."""
    tips = missing_in_mix(plan, mix)
    if mix.total < plan.total:
        tips.append(
            _("You have picked {chosen} of the {planned} people your plan calls for.").format(
                chosen=mix.total, planned=plan.total
            )
        )
    elif mix.total > plan.total:
        tips.append(
            _(
                "You have picked {chosen} people, more than the {planned} in your plan: "
                "that's fine, many requests go unanswered."
            ).format(chosen=mix.total, planned=plan.total)
        )
    if mix.total and mix.cold > mix.warm:
        tips.append(
            _(
                "Most of your targets are cold. Warm contacts answer far more often: look for a "
                "shared school, club or a mutual contact first."
            )
        )
    if not tips and mix.total:
        tips.append(_("Your targets match your plan. Go on to step 3 and write your requests."))
    return tips
