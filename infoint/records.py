"""The shared records: the dataclasses every step passes around, their vocabularies and the
identity keys that recognise the same organization or person twice.

Ground floor: imports nothing above ``safe``, ``text``, ``clock`` and ``i18n`` (its labels are
marked with ``N_``, translated where shown). Steps import their types from here, never from
each other. A record knows how to become a row of its table and back
(``to_row``, ``from_row``), tolerating damaged or missing columns; rules live in the steps.
The event log's vocabulary (event kinds, ``Event``, agenda items, reminders) is in ``events``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from typing import Any

from .i18n import N_, _
from .safe import one_line
from .safe import plain_text as _text
from .safe import text_list as _as_list
from .safe import whole_number as _whole
from .text import fold

# ----------------------------------------------------------------------------- the steps


@dataclass(frozen=True)
class Step:
    """One page of the workbook: its key (the app's ``#key`` and CSS names), number, title and
    notebook file."""

    key: str
    number: int
    title: str
    notebook: str


STEPS: tuple[Step, ...] = (
    Step("start", 0, N_("Start here"), "00_start_here.ipynb"),
    Step("objectives", 1, N_("Define your objectives"), "01_define_objectives.ipynb"),
    Step("targets", 2, N_("Build your target lists"), "02_build_target_list.ipynb"),
    Step("outreach", 3, N_("Compose requests and follow up"), "03_compose_requests.ipynb"),
    Step("questions", 4, N_("Prepare questions and the meeting"), "04_prepare_questions.ipynb"),
    Step("debrief", 5, N_("Debrief"), "05_debrief.ipynb"),
    Step("thanks", 6, N_("Send thanks and stay in touch"), "06_send_thanks.ipynb"),
)
STEP_BY_KEY: dict[str, Step] = {s.key: s for s in STEPS}

# Where each agenda action is done (``Action.step``, ``AgendaItem.step``): a notebook file.
STEP_NOTEBOOKS = {
    "requests": STEP_BY_KEY["outreach"].notebook,
    "meeting": STEP_BY_KEY["questions"].notebook,
    "debrief": STEP_BY_KEY["debrief"].notebook,
    "thanks": STEP_BY_KEY["thanks"].notebook,
}

# ----------------------------------------------------------------------------- findings
SEVERITIES = ("error", "warning", "info")  # what blocks, what should be fixed, what to know
ERROR, WARNING, INFO = SEVERITIES

DEFAULT_CADENCE_DAYS = 91  # S4: a stay-in-touch update about every three months


KINDS: tuple[str, ...] = ("industry", "organization", "role", "career_path")  # O1


KIND_LABELS: dict[str, str] = {
    "industry": N_("an industry or field"),
    "organization": N_("a company or organization"),
    "role": N_("a role (the day-to-day)"),
    "career_path": N_("a person's career path"),
}


@dataclass(frozen=True)
class Finding:
    """One thing a check noticed, with the reason and what to do, in plain words."""

    rule: str
    severity: str
    message: str
    subject: str = ""
    fix: str = ""


def finding_subject(value, limit: int = 80) -> str:
    """User text for ``Finding.subject``: one line, shortened, so a 100k paste stays readable."""
    return one_line(value, limit)


def row_value(row, key):
    """``row[key]`` from a Mapping or an ``sqlite3.Row``; None when missing or unreadable, so a
    damaged row never raises."""
    if row is None:
        return None
    try:
        if hasattr(row, "keys") and key not in row.keys():
            return None
        return row[key]
    except (KeyError, IndexError, TypeError):
        return None


@dataclass
class Profile:
    """Who is asking: shown in every request, so it has to be complete and professional."""

    name: str = ""
    email: str = ""
    timezone: str = ""
    pitch: str = ""
    location: str = ""  # T6: your city, to tell who is local enough to meet in person

    def to_row(self) -> dict:
        """Plain strings for the ``profile`` table (keys: name, email, timezone, pitch,
        location)."""
        return {f.name: _text(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_row(cls, row) -> Profile:
        """Rebuild from a stored row; None gives an empty profile, unknown keys are ignored."""
        return cls(**{f.name: _text(row_value(row, f.name)) for f in fields(cls)})


@dataclass
class Plan:
    """O3: how many interviews, and the mix of people to talk to."""

    total: int = 6
    position: int = 5
    organization: int = 5
    both: int = 4
    junior: int = 3
    senior: int = 3


@dataclass
class Objective:
    """What you want to learn (O1, O2) and from how many people (O3)."""

    kinds: list[str] = field(default_factory=list)
    field_of_interest: str = ""
    roles: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    plan: Plan = field(default_factory=Plan)

    def to_row(self) -> dict:
        """Strings for the ``objective`` table: lists and the plan as JSON (accents kept)."""
        dump = lambda v: json.dumps(v, ensure_ascii=False, default=str)  # noqa: E731
        plan = self.plan if isinstance(self.plan, Plan) else Plan()
        return {
            "kinds": dump(_as_list(self.kinds)),
            "field_of_interest": _text(self.field_of_interest),
            "roles": dump(_as_list(self.roles)),
            "organizations": dump(_as_list(self.organizations)),
            "goals": dump(_as_list(self.goals)),
            "plan": dump(asdict(plan)),
        }

    @classmethod
    def from_row(cls, row) -> Objective:
        """Inverse of ``to_row``; a damaged column falls back to its default instead of failing."""
        stored = set(_load_list(row_value(row, "kinds")))
        return cls(
            kinds=[k for k in KINDS if k in stored],  # a set of choices, kept in the form's order
            field_of_interest=_text(row_value(row, "field_of_interest")),
            roles=_load_list(row_value(row, "roles")),
            organizations=_load_list(row_value(row, "organizations")),
            goals=_load_list(row_value(row, "goals")),
            plan=_load_plan(row_value(row, "plan")),
        )


def _load_json(value):
    """Decode a JSON column; anything broken (bad syntax, absurd nesting) gives None."""
    if not isinstance(value, (str, bytes, bytearray)):
        return value
    try:
        return json.loads(value)
    except (ValueError, TypeError, RecursionError):
        return None


def _load_list(value) -> list[str]:
    """A stored list of strings; other shapes give an empty list, non-strings are dropped."""
    value = _load_json(value)
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _load_plan(value) -> Plan:
    """A stored plan; missing or unreadable counts take the default value."""
    value = _load_json(value)
    if not isinstance(value, dict):
        return Plan()
    default = Plan()
    counts = {}
    for f in fields(Plan):
        number = _whole(value.get(f.name))
        counts[f.name] = getattr(default, f.name) if number is None else number
    return Plan(**counts)


CONNECTIONS = ("first", "second", "cold")  # T2


CONNECTION_LABELS = {
    "first": N_("first-degree (you know them)"),
    "second": N_("second-degree (someone you know knows them)"),
    "cold": N_("cold (no link yet)"),
}


SENIORITIES = ("junior", "mid", "senior")  # T3


SENIORITY_LABELS = {"junior": N_("junior"), "mid": N_("mid-level"), "senior": N_("senior")}


FOCUSES = ("both", "position", "organization", "neither")  # O3


MODES = (N_("in person"), N_("video"), N_("phone"))  # T6: the order of preference


SIZE_BANDS = ("1-10", "11-50", "51-200", "201-1000", "1001-5000", "5000+")


_ORG_NOISE = re.compile(
    r"\b(inc|incorporated|ltd|limited|llc|corp|corporation|co|company|gmbh|sa|plc)\b\.?"
)


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """An organization's identity: folded, without punctuation or legal suffixes."""
    folded = re.sub(r"[^\w\s]", " ", fold(name))
    return " ".join(_ORG_NOISE.sub(" ", folded).split())


@lru_cache(maxsize=65536)
def url_key(url: str) -> str:
    """A profile URL's identity: no scheme, no www, no query, no trailing slash, lower case."""
    text = (url or "").strip().lower()
    scheme, found, rest = text.partition("://")
    if found and scheme.isascii() and scheme.isalpha():
        text = rest
    if text.startswith("www."):
        text = text[4:]
    return text.partition("?")[0].partition("#")[0].rstrip("/")


@lru_cache(maxsize=65536)
def email_key(email: str) -> str:
    """An email address's identity (case-insensitive, trimmed)."""
    text = (email or "").strip().lower()
    return text if "@" in text else ""


# Han, kana and Hangul: names in these scripts are written family name first, with no space
_FAMILY_FIRST = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]+")


def person_name(first: str, last: str) -> str:
    """A person's name as it is written: "Jane Doe", but 王小明 (family name first, no space)
    for Chinese, Japanese and Korean names; "" when both are empty."""
    first, last = (first or "").strip(), (last or "").strip()
    if first and last and _FAMILY_FIRST.fullmatch(first) and _FAMILY_FIRST.fullmatch(last):
        return last + first
    return " ".join(p for p in (first, last) if p)


def name_org_key(first: str, last: str, organization: str) -> str:
    """Name plus organization: the last resort for recognising the same person."""
    name = fold(f"{first} {last}")
    return f"{name}|{org_key(organization)}" if name else ""


@dataclass
class Organization:
    """An organization on the long list (T1)."""

    name: str = ""
    industry: str = ""
    size: str = ""  # one of SIZE_BANDS, or ""
    location: str = ""
    website: str = ""
    motivation: int | None = None  # 1-5: your interest
    postings: int | None = None  # 1-3: relevant openings
    advocacy: bool | None = None  # a likely contact there
    notes: str = ""
    archived: bool = False
    id: int | None = None

    def to_row(self) -> dict:
        """Columns of the ``organizations`` table (without id and timestamps)."""
        row = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "id"}
        row["advocacy"] = None if self.advocacy is None else int(bool(self.advocacy))
        row["archived"] = int(bool(self.archived))
        row["name_key"] = org_key(self.name)
        return row

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Organization:
        """Inverse of ``to_row`` (extra columns ignored)."""
        names = {f.name for f in fields(cls)}
        values = {k: row[k] for k in row.keys() if k in names}
        if values.get("advocacy") is not None:
            values["advocacy"] = bool(values["advocacy"])
        values["archived"] = bool(values.get("archived") or 0)
        return cls(**values)


@dataclass
class Contact:
    """A person you might ask for an informational interview."""

    first_name: str = ""
    last_name: str = ""
    email: str = ""
    profile_url: str = ""
    organization: str = ""
    position: str = ""
    connected_on: str = ""  # ISO date (YYYY-MM-DD) or ""
    location: str = ""
    phone: str = ""
    connection: str = ""  # override: one of CONNECTIONS, "" = derived
    via: str = ""  # who connects you to a second-degree contact (T2, R6)
    warm_reason: str = ""  # the shared link that makes them warm (school, club, introduction)
    seniority: str = ""  # override: one of SENIORITIES, "" = derived from title or years (T3)
    years_in_industry: float | None = None
    focus: str = ""  # override: one of FOCUSES, "" = derived from step 1
    local: bool | None = None  # override: None = derived from location
    modes: str = ""  # override: comma-separated MODES, "" = derived (T6)
    alt_titles: list[str] = field(default_factory=list)  # T5
    notes: str = ""
    source: str = ""  # linkedin, file name, form, referral
    target: bool = False  # picked for a request
    referred_by: int | None = None  # contact id (D3, the snowball)
    archived: bool = False
    cadence_days: int | None = None  # S4: days between stay-in-touch updates, None = the default
    language: str = ""  # what to write to them in (i18n.LANGUAGES), "" = the workbook's language
    time_zone: str = ""  # IANA zone they read mail in, "" = from location where obvious (R5)
    id: int | None = None

    @property
    def full_name(self) -> str:
        """First and last name, or a stand-in that says the name is missing."""
        return person_name(self.first_name, self.last_name) or _("(no name)")

    def keys(self) -> dict[str, str]:
        """The three identities used to recognise the same person on re-import."""
        return {
            "url_key": url_key(self.profile_url),
            "email_key": email_key(self.email),
            "name_org_key": name_org_key(self.first_name, self.last_name, self.organization),
        }

    def to_row(self) -> dict:
        """Columns of the ``contacts`` table (without id and timestamps)."""
        # A plain copy of the fields: dataclasses.asdict deep-copies and costs seconds at 30,000
        # rows.
        row = dict(self.__dict__)
        row.pop("id", None)
        row["alt_titles"] = (
            json.dumps(list(self.alt_titles), ensure_ascii=False) if self.alt_titles else "[]"
        )
        row["local"] = None if self.local is None else int(bool(self.local))
        row["target"] = int(bool(self.target))
        row["archived"] = int(bool(self.archived))
        return row

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Contact:
        """Inverse of ``to_row`` (extra columns ignored; damaged JSON gives no alternative
        titles)."""
        values = {k: row[k] for k in CONTACT_FIELDS if k in row}
        values["alt_titles"] = _alt_titles(values.get("alt_titles"))
        values["target"] = bool(values.get("target"))
        values["archived"] = bool(values.get("archived"))
        if values.get("local") is not None:
            values["local"] = bool(values["local"])
        return cls(**values)

    @classmethod
    def from_values(cls, values: tuple) -> Contact:
        """Like ``from_row``, from a row's values in the order of the fields
        (``Workspace.values``)."""
        c = cls(*values)
        c.alt_titles = _alt_titles(c.alt_titles)
        c.target, c.archived = bool(c.target), bool(c.archived)
        if c.local is not None:
            c.local = bool(c.local)
        return c


def _alt_titles(raw: Any) -> list[str]:
    """The stored alternative titles (JSON text) as a new list; damaged JSON gives none."""
    if not raw or raw == "[]":
        return []
    try:
        titles = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return []
    return [t for t in titles if isinstance(t, str)] if isinstance(titles, list) else []


CONTACT_FIELDS = tuple(f.name for f in fields(Contact))


@dataclass
class Draft:
    """A composed message (R1, R6, R7), ready for the user to edit and send from their own mail.

    ``subject`` is "" for a voicemail script or a LinkedIn note (neither has one); ``to`` is the
    contact's address when known, and empty for an introduction request, which goes to the
    person you both know (R6); ``forwardable`` is the paragraph that person can pass on, and
    also appears inside ``body``.
    """

    kind: str
    subject: str
    body: str
    to: str = ""
    forwardable: str = ""
