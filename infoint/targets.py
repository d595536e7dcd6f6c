"""Step 2, build target lists: organizations and contacts, their classification and ranking.

The model here is shared by every later step (requests, meetings, thanks all name a contact).
Derived values (connection, warmth, seniority, focus, locality, meeting modes) are computed
from a contact's fields and the objectives of step 1; the user can override each one, and the
override columns hold that choice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache, partial
from operator import attrgetter, ne
from typing import Any

from .bulk import paused_gc
from .records import (
    CONNECTION_LABELS,
    CONNECTIONS,
    CONTACT_FIELDS,
    FOCUSES,
    SENIORITIES,
    SENIORITY_LABELS,
    SIZE_BANDS,
    Contact,
    Objective,
    Organization,
    Profile,
    org_key,
)
from .text import fold
from .workspace import Batch

LONG_LIST = 40  # T1: about 40 organizations on the long list
TOP = 5  # T1: work the top five first


# --------------------------------------------------------------------------- organizations (T1)
def sort_organizations(orgs: list[Organization]) -> list[tuple[int, Organization]]:
    """T1: motivation, then postings, then advocacy (unrated last); returns (place, org), archived left out."""
    active = [o for o in orgs if not o.archived]
    ranked = sorted(
        active,
        key=lambda o: (
            -(o.motivation or 0),
            -(o.postings or 0),
            -(1 if o.advocacy else 0),
            fold(o.name),
        ),
    )
    return [(i + 1, o) for i, o in enumerate(ranked)]


def check_organization(org: Organization) -> list[str]:
    """Plain reasons an organization can't be saved as entered (empty list: fine)."""
    problems = []
    if not org.name.strip():
        problems.append("Give the organization a name.")
    elif not org_key(org.name):
        problems.append("The name needs at least one letter or digit.")
    if org.motivation is not None and not 1 <= org.motivation <= 5:
        problems.append("Motivation is rated from 1 (a little) to 5 (very much).")
    if org.postings is not None and not 1 <= org.postings <= 3:
        problems.append("Postings are rated from 1 (none seen) to 3 (several relevant ones).")
    if org.size and org.size not in SIZE_BANDS:
        problems.append(f"Size is one of {', '.join(SIZE_BANDS)}.")
    return problems


def long_list_note(count: int) -> str:
    """Where the long list stands against the suggested 40 (T1)."""
    if count >= LONG_LIST:
        return f"{count} organizations: a full long list. Work the top {TOP} first."
    return (
        f"{count} of about {LONG_LIST} organizations. A long list gives you choices: "
        "add large, small and in-between ones, then rate them and work the top five first."
    )


ORG_COLUMNS = {
    "name": ("name", "organization", "organisation", "company", "employer"),
    "industry": ("industry", "sector", "field"),
    "size": ("size", "size band", "employees", "headcount"),
    "location": ("location", "city", "place"),
    "motivation": ("motivation", "interest"),
    "postings": ("postings", "posting", "openings"),
    "advocacy": ("advocacy", "alumni", "contact there"),
    "website": ("website", "site", "url", "web"),
    "notes": ("notes", "comments"),
}


def organizations_from_table(
    columns: list[str], rows: list[tuple[int, list[str]]]
) -> tuple[list[Organization], list[tuple[int, str]]]:
    """Organizations from a parsed CSV/XLSX table, with (line, reason) for rows left out."""
    index: dict[str, int] = {}
    for i, col in enumerate(columns):
        folded = fold(col)
        for field_name, names in ORG_COLUMNS.items():
            if folded in names and field_name not in index:
                index[field_name] = i
    if "name" not in index:
        raise ValueError("The file has no column for the organization's name (for example 'Name').")
    orgs, skipped, seen = [], [], {}
    for line, cells in rows:
        get = lambda f: cells[index[f]].strip() if f in index and index[f] < len(cells) else ""  # noqa: E731
        org = Organization(
            name=get("name"),
            industry=get("industry"),
            location=get("location"),
            website=get("website"),
            notes=get("notes"),
        )
        org.size = get("size") if get("size") in SIZE_BANDS else ""
        org.motivation = _rating(get("motivation"), 5)
        org.postings = _rating(get("postings"), 3)
        yes_no = fold(get("advocacy"))
        org.advocacy = (
            True
            if yes_no in ("yes", "y", "true", "1")
            else False
            if yes_no in ("no", "n", "false", "0")
            else None
        )
        if not org_key(org.name):
            skipped.append((line, "no organization name"))
        elif org_key(org.name) in seen:
            skipped.append((line, f"same organization as line {seen[org_key(org.name)]}"))
        else:
            seen[org_key(org.name)] = line
            orgs.append(org)
    return orgs, skipped


def _rating(text: str, top: int) -> int | None:
    try:
        value = int(float(text.replace(",", ".")))
    except ValueError:
        return None
    return value if 1 <= value <= top else None


# --------------------------------------------------------------------------- classification (T2, T3, T6, O3)
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
            org_key(name): "one of the organizations you want to learn about"
            for name in self.organizations
            if org_key(name)
        }
        for key, org in self.org_ratings.items():
            if key not in out and (org.motivation or 0) >= 4:
                out[key] = f"rated {org.motivation}/5 on your long list"
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
                found = (False, "add your city in step 1 to spot local people")
            elif not folded:
                found = (False, "location unknown")
            elif (
                re.search(r"\b" + re.escape(self.home) + r"\b", folded)
                and "remote" not in folded.split()
            ):
                found = (True, f"local: {place} is in {self.ctx.home}")
            else:
                found = (False, f"not local: {place}")
            self._places[place] = found
        return found

    @staticmethod
    def _link(chosen: str, via: str, linkedin: bool, reason: str) -> tuple[str, str, bool, str]:
        """T2: the connection and whether it is warm, each with its reason."""
        if chosen in CONNECTIONS:
            connection, connection_why = chosen, f"set by you: {CONNECTION_LABELS[chosen]}"
        elif via:
            connection, connection_why = "second", f"second-degree: {via} can introduce you"
        elif linkedin:
            connection, connection_why = "first", "first-degree: a LinkedIn connection of yours"
        else:
            connection, connection_why = "cold", "cold: no link recorded yet"
        if reason:
            return connection, connection_why, True, f"warm: {reason}"
        if connection == "first":
            return connection, connection_why, True, "warm: you know them"
        if connection == "second":
            return connection, connection_why, True, f"warm: through {via or 'a mutual contact'}"
        return connection, connection_why, False, "cold: no shared link"

    def _level(self, chosen: str, title: str, years: float | None) -> tuple[str, str]:
        """T3: seniority from the user's choice, else title words, else years in the industry."""
        facts = self._titles.get(title)
        if facts is None:
            facts = self._titles[title] = _title_facts(title)
        senior_word, junior_word, _ = facts
        if chosen in SENIORITIES:
            return chosen, f"set by you: {SENIORITY_LABELS[chosen]}"
        if senior_word:
            return "senior", f"senior: the title says '{senior_word}'"
        if junior_word:
            return "junior", f"junior: the title says '{junior_word}'"
        if years is not None:
            seniority = "junior" if years < 3 else "senior" if years >= 10 else "mid"
            under = " (under 3)" if years < 3 else ""
            return (
                seniority,
                f"{SENIORITY_LABELS[seniority]}: {years:g} years in the industry{under}",
            )
        return "mid", "mid-level assumed: no seniority words in the title and no years recorded"

    @staticmethod
    def _focus(chosen: str, role: str, organization: str, org_reason: str) -> tuple[str, str]:
        """O3: in a target role, at a target organization, both or neither."""
        if chosen in FOCUSES:
            return chosen, f"set by you: {chosen}"
        parts = ([f"in a position you want ({role})"] if role else []) + (
            [f"at {organization}, {org_reason}"] if org_reason else []
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
        return focus, " and ".join(parts) or "neither a target role nor a target organization"

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
                "set by you: local" if c.local else "set by you: not local",
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


# --------------------------------------------------------------------------- the mix (O3) and ranking (T4)
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
    ("position", "In a position you want"),
    ("organization", "At an organization you want"),
    ("both", "Both"),
    ("junior", "Junior"),
    ("senior", "Mid-level or senior"),
)


def mix_rows(plan, mix: Mix) -> list[tuple[str, int, int]]:
    """(label, planned, chosen so far) for the chart."""
    return [(label, int(getattr(plan, key)), int(getattr(mix, key))) for key, label in MIX_LABELS]


def mix_suggestions(plan, mix: Mix) -> list[str]:
    """O3 and T2 in plain words: what the chosen targets still lack against the plan."""
    wants = {  # (one, several)
        "position": ("person in a position you want", "people in a position you want"),
        "organization": (
            "person at an organization you want",
            "people at an organization you want",
        ),
        "both": (
            "person who is both in a position and at an organization you want",
            "people who are both in a position and at an organization you want",
        ),
        "junior": (
            "junior person, who remembers recent hiring well",
            "junior people, who remember recent hiring well",
        ),
        "senior": (
            "mid-level or senior person, who knows what employers look for",
            "mid-level or senior people, who know what employers look for",
        ),
    }
    tips = []
    for key, (one, several) in wants.items():
        missing = int(getattr(plan, key)) - int(getattr(mix, key))
        if missing > 0:
            tips.append(f"Add {missing} more {one if missing == 1 else several}.")
    if mix.total < plan.total:
        tips.append(f"You have picked {mix.total} of the {plan.total} people your plan calls for.")
    elif mix.total > plan.total:
        tips.append(
            f"You have picked {mix.total} people, more than the {plan.total} in your plan: that's fine, many requests go unanswered."
        )
    if mix.total and mix.cold > mix.warm:
        tips.append(
            "Most of your targets are cold. Warm contacts answer far more often: look for a shared school, club or a mutual contact first."
        )
    if not tips and mix.total:
        tips.append("Your targets match your plan. Go on to step 3 and write your requests.")
    return tips


def _part(points: float, text: str) -> tuple[float, str]:
    """One scored reason, its points shown in the text so the score explains itself."""
    return (points, f"{text} ({points:+g})")


_KNOW = _part(3.0, "you know them")
_INTRO = _part(2.0, "someone you know can introduce you")
_FOCUS_PARTS = {
    "both": _part(3.0, "fits a target role and a target organization"),
    "position": _part(2.0, "in a role you want to learn about"),
    "organization": _part(1.5, "at an organization you want to learn about"),
}
_NEED_JUNIOR = _part(1.5, "junior, which your plan still needs")
_NEED_SENIOR = _part(1.5, "mid-level or senior, which your plan still needs")
_NEED_ROLE = _part(1.0, "a role your plan still needs")
_NEED_ORG = _part(1.0, "an organization your plan still needs")
_TOP_MANAGER = _part(-1.5, "a top manager: early on, people in roles like yours tell you more")
_NO_REASON = "no strong reason yet: add their role, organization or how you know them"


@paused_gc()
def rank(assessed: list[Assessment], ctx: Context, chosen: Mix | None = None) -> list[Assessment]:
    """A transparent score with a one-line why for each person, best first.

    Warmth (T2), fit to the target roles and organizations (O3, T5), the organization's place
    on the long list (T1), what the plan still lacks (O3), and T4: while you have held few
    meetings, peers in roles like the one you want come before top managers. People with the
    same reasons share one score and one text, so each distinct set of reasons is worked out once.
    """
    places = ctx.org_places()
    plan, chosen = ctx.plan, chosen or Mix()
    lacking = {
        k: plan is not None and int(getattr(plan, k)) > int(getattr(chosen, k))
        for k in ("junior", "senior", "position", "organization")
    }
    early = ctx.meetings_held < 3
    org_parts: dict[
        str, tuple[float, str] | None
    ] = {}  # organization as written -> its long-list part
    scored: dict[tuple, tuple[float, str]] = {}
    for a in assessed:
        c = a.contact
        if c.organization in org_parts:
            org_part = org_parts[c.organization]
        else:
            key = org_key(c.organization)
            rated = ctx.org_ratings.get(key)
            points = (
                0.0
                if rated is None
                else max(0, (rated.motivation or 1) - 1) * 0.4
                + (0.8 if places.get(key, 99) <= TOP else 0.0)
            )
            org_part = org_parts[c.organization] = (
                _part(
                    points, f"{c.organization} is #{places.get(key)} on your list of organizations"
                )
                if points
                else None
            )
        shared = c.warm_reason.strip() if a.connection == "cold" else ""
        reasons = (
            a.connection,
            shared,
            a.focus,
            org_part,
            c.target,
            a.seniority,
            early and a.top_manager,
        )
        found = scored.get(reasons)
        if found is None:
            found = scored[reasons] = _score(reasons, lacking)
        a.score, a.why = found
    ordered = sorted(assessed, key=_rank_key)
    for i, a in enumerate(ordered, 1):
        a.rank = i
    return ordered


def _score(reasons: tuple, lacking: dict[str, bool]) -> tuple[float, str]:
    """The score and the one-line why for one set of reasons (see ``rank``)."""
    connection, shared, focus, org_part, target, seniority, top_manager = reasons
    parts = []
    if connection == "first":
        parts.append(_KNOW)
    elif connection == "second":
        parts.append(_INTRO)
    elif shared:
        parts.append(_part(1.0, f"a shared link ({shared})"))
    if focus in _FOCUS_PARTS:
        parts.append(_FOCUS_PARTS[focus])
    if org_part is not None:
        parts.append(org_part)
    if not target:
        if lacking["junior"] and seniority == "junior":
            parts.append(_NEED_JUNIOR)
        elif lacking["senior"] and seniority != "junior":
            parts.append(_NEED_SENIOR)
        if lacking["position"] and focus in ("position", "both"):
            parts.append(_NEED_ROLE)
        elif lacking["organization"] and focus in ("organization", "both"):
            parts.append(_NEED_ORG)
    if top_manager:
        parts.append(_TOP_MANAGER)
    score = round(sum(p[0] for p in parts), 1)
    # The three weightiest reasons, and always any penalty, so a low score explains itself.
    penalties = [p for p in parts if p[0] < 0]
    top = sorted((p for p in parts if p[0] > 0), key=_weight)[: 3 - len(penalties)] + penalties
    return score, "; ".join(p[1] for p in top) if top else _NO_REASON


_RECENT: dict[str, int] = {}  # ISO date -> its sort number (a few thousand distinct days at most)


def _rank_key(a: Assessment) -> tuple:
    """Best score first, then the most recent connection (ISO dates as numbers), then the name."""
    day = a.contact.connected_on
    recent = _RECENT.get(day)
    if recent is None:
        digits = day[:4] + day[5:7] + day[8:10]
        recent = -int(digits) if len(day) == 10 and digits.isdigit() else 0
        if len(_RECENT) < 100_000:
            _RECENT[day] = recent
    return (-a.score, recent, a.contact.first_name.casefold(), a.contact.last_name.casefold())


def _weight(part: tuple[float, str]) -> float:
    return -abs(part[0])


def matches(
    a: Assessment,
    *,
    text: str = "",
    organization: str = "",
    seniority: str = "",
    connection: str = "",
    focus: str = "",
    targets_only: bool = False,
) -> bool:
    """The contact table's filters: free text (name, title, organization), exact facets."""
    c = a.contact
    if targets_only and not c.target:
        return False
    if (
        seniority
        and a.seniority != seniority
        or connection
        and a.connection != connection
        or focus
        and a.focus != focus
    ):
        return False
    if organization and org_key(organization) not in org_key(c.organization):
        return False
    if text:
        haystack = fold(f"{c.first_name} {c.last_name} {c.position} {c.organization} {c.notes}")
        return all(word in haystack for word in fold(text).split())
    return True


# --------------------------------------------------------------------------- reading and writing the workspace
# These only call the workspace's generic methods; every write is one transaction.
@dataclass(frozen=True)
class ImportReport:
    """What an import did, line by line where something was left out."""

    file: str
    added: int
    updated: int
    unchanged: int
    skipped: list[tuple[int, str]]
    contacts: list[Contact] = field(
        default_factory=list, repr=False
    )  # everyone after the import, with ids

    def summary(self) -> str:
        """One sentence for the page."""
        return (
            f"{self.file}: {self.added} added, {self.updated} updated, {self.unchanged} already there, "
            f"{len(self.skipped)} left out."
        )


def load_organizations(ws) -> list[Organization]:
    """Every organization, archived ones included (the views filter)."""
    return [Organization.from_row(r) for r in ws.rows("organizations")]


def save_organization(ws, org: Organization) -> int:
    """Add or update one organization; ValueError with a plain reason when it can't be saved."""
    problems = check_organization(org)
    if problems:
        raise ValueError(" ".join(problems))
    key = org_key(org.name)
    clash = ws.query(
        "SELECT id FROM organizations WHERE name_key = ? AND id IS NOT ?", (key, org.id)
    )
    if clash:
        raise ValueError(f"{org.name} is already on your list.")
    if org.id is None:
        return ws.write(inserts={"organizations": [org.to_row()]})["organizations"][0]
    ws.write(updates={"organizations": [(org.id, org.to_row())]})
    return org.id


def set_archived(ws, org_id: int, archived: bool = True) -> None:
    """Archive (or bring back) an organization; nothing is deleted."""
    ws.write(updates={"organizations": [(org_id, {"archived": int(archived)})]})


def merge_organizations(ws, orgs: list[Organization]) -> tuple[int, int]:
    """Add new organizations and fill in known ones by name (a file or the demo); (added, updated)."""
    known = {org_key(o.name): o for o in load_organizations(ws)}
    inserts, updates = [], []
    for org in orgs:
        current = known.get(org_key(org.name))
        if current is None:
            inserts.append(org.to_row())
            continue
        changes = {
            k: v
            for k, v in org.to_row().items()
            if k not in ("name", "name_key", "archived", "notes")
            and v not in (None, "")
            and getattr(current, k, None) != v
        }
        if "advocacy" in changes and current.advocacy == bool(changes["advocacy"]):
            changes.pop("advocacy")
        if changes:
            updates.append((current.id, changes))
    ws.write(inserts={"organizations": inserts}, updates={"organizations": updates})
    return len(inserts), len(updates)


@paused_gc()
def load_contacts(ws) -> list[Contact]:
    """Every contact, archived ones included (classification leaves those out)."""
    return [Contact.from_values(v) for v in ws.values("contacts", CONTACT_FIELDS)]


def save_contact(ws, contact: Contact) -> int:
    """Add or update one contact from the form; ValueError when it has no name."""
    if not (contact.first_name.strip() or contact.last_name.strip()):
        raise ValueError("Give the person a name (first or last).")
    if contact.id is None:
        return ws.write(inserts={"contacts": [contact.to_row()]})["contacts"][0]
    ws.write(updates={"contacts": [(contact.id, contact.to_row())]})
    return contact.id


def set_targets(ws, ids, target: bool = True) -> None:
    """Pick (or drop) contacts as targets for requests."""
    ws.write(updates={"contacts": [(i, {"target": int(target)}) for i in ids]})


_ROW_FIELDS = tuple(f for f in CONTACT_FIELDS if f != "id")
_DEFAULTS = Contact()
# Whether a value differs from the field's default: for text, whether it is non-empty (the quickest test).
_FILLED = {
    f: bool if getattr(_DEFAULTS, f) == "" else partial(ne, getattr(_DEFAULTS, f))
    for f in _ROW_FIELDS
}
_STORED_AS_IS = frozenset(_ROW_FIELDS) - {
    "alt_titles",
    "local",
    "target",
    "archived",
}  # to_row converts the others


def _contact_batch(contacts: list[Contact], fields: tuple[str, ...] = ()) -> Batch | list[dict]:
    """New contacts as rows of only the columns they fill (the table's defaults are the
    dataclass's): an import of 30,000 people fills about eight of the 25 columns. ``fields``
    are those columns when the importer knows them; otherwise they are looked for."""
    columns = fields or tuple(
        f for f in _ROW_FIELDS if any(map(_FILLED[f], map(attrgetter(f), contacts)))
    )
    if not columns or not set(columns) <= _STORED_AS_IS:
        return [c.to_row() for c in contacts]
    values = attrgetter(*columns)
    if len(columns) == 1:
        return Batch(columns, [(values(c),) for c in contacts])
    return Batch(columns, list(map(values, contacts)))


@paused_gc()
def apply_merge(ws, merge, existing: list[Contact]) -> ImportReport:
    """Write a planned import (imports.plan_merge) in one transaction: all rows or none.

    The report carries every contact as it now stands, so the page can rank them without
    reading 30,000 rows back.
    """
    by_id = {c.id: c for c in existing}
    updates, merged = [], {}
    for _line, contact_id, changes in merge.update:
        contact = Contact.from_row({**by_id[contact_id].to_row(), **changes, "id": contact_id})
        merged[contact_id] = contact
        updates.append((contact_id, dict(changes)))
    added = [c for _, c in merge.add]
    ids = ws.write(
        inserts={"contacts": _contact_batch(added, getattr(merge, "fields", ()))},
        updates={"contacts": updates},
    ).get("contacts", [])
    for contact, new_id in zip(
        added, ids
    ):  # the import's own objects: give them their ids in place
        contact.id = new_id
    contacts = [merged.get(c.id, c) for c in existing] + added
    return ImportReport(
        file=getattr(merge, "file", "") or "the file",
        added=len(merge.add),
        updated=len(merge.update),
        unchanged=len(merge.unchanged),
        skipped=list(merge.skipped),
        contacts=contacts,
    )


def context(ws, profile=None, objective=None) -> Context:
    """The context for classification and ranking, read from the workspace."""

    profile = profile or Profile.from_row(ws.get_row("profile"))
    objective = objective or Objective.from_row(ws.get_row("objective"))
    held = ws.query("SELECT count(DISTINCT contact_id) AS n FROM events WHERE kind = 'met'")[0]["n"]
    return Context.build(profile, objective, load_organizations(ws), meetings_held=int(held or 0))


def suggest_targets(
    assessed: list[Assessment], ctx: Context, count: int, pool: int = 300
) -> list[Assessment]:
    """Pick ``count`` people one at a time, re-scoring after each pick so the plan's mix fills up (O3).

    Only the best ``pool`` non-targets are re-scored each round, which keeps this quick at
    30,000 contacts while still letting "what the plan lacks" change the order.
    """
    chosen = [a for a in assessed if a.contact.target]
    candidates = sorted((a for a in assessed if not a.contact.target), key=lambda a: -a.score)[
        :pool
    ]
    picks: list[Assessment] = []
    for _ in range(max(0, count)):
        if not candidates:
            break
        best = rank(candidates, ctx, mix_of(chosen + picks))[0]
        picks.append(best)
        candidates = [a for a in candidates if a is not best]
    return picks


def step_progress(
    orgs: list[Organization], contacts: int, targets_mix: Mix, plan
) -> list[tuple[str, bool]]:
    """Step 2's parts for the start page, each done or not."""
    active = [o for o in orgs if not o.archived]
    rated = [o for o in active if o.motivation]
    missing = [t for t in mix_suggestions(plan, targets_mix) if t.startswith("Add")]
    return [
        (f"At least {TOP} organizations on your long list", len(active) >= TOP),
        ("Your organizations rated for motivation", bool(active) and len(rated) == len(active)),
        ("Contacts imported or added", contacts > 0),
        (f"{plan.total} targets picked for your plan", targets_mix.total >= plan.total > 0),
        ("Targets that match your planned mix", targets_mix.total > 0 and not missing),
    ]
