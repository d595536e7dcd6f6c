"""Step 2, build target lists: organizations and contacts, their classification and ranking.

The model here is shared by every later step (requests, meetings, thanks all name a contact).
Derived values (connection, warmth, seniority, focus, locality, meeting modes) are computed
from a contact's fields and the objectives of step 1; the user can override each one, and the
override columns hold that choice.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Mapping

CONNECTIONS = ("first", "second", "cold")  # T2
CONNECTION_LABELS = {"first": "first-degree (you know them)", "second": "second-degree (someone you know knows them)", "cold": "cold (no link yet)"}
SENIORITIES = ("junior", "mid", "senior")  # T3
SENIORITY_LABELS = {"junior": "junior", "mid": "mid-level", "senior": "senior"}
FOCUSES = ("both", "position", "organization", "neither")  # O3
MODES = ("in person", "video", "phone")  # T6: the order of preference
SIZE_BANDS = ("1-10", "11-50", "51-200", "201-1000", "1001-5000", "5000+")
LONG_LIST = 40  # T1: about 40 organizations on the long list
TOP = 5  # T1: work the top five first


def fold(text: str) -> str:
    """Lower case, accents removed, spaces collapsed: how names are compared."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


_ORG_NOISE = re.compile(r"\b(inc|incorporated|ltd|limited|llc|corp|corporation|co|company|gmbh|sa|plc)\b\.?")


def org_key(name: str) -> str:
    """An organization's identity: folded, without punctuation or legal suffixes."""
    folded = re.sub(r"[^\w\s]", " ", fold(name))
    return " ".join(_ORG_NOISE.sub(" ", folded).split())


def url_key(url: str) -> str:
    """A profile URL's identity: no scheme, no www, no query, no trailing slash, lower case."""
    text = (url or "").strip().lower()
    text = re.sub(r"^[a-z]+://", "", text)
    text = re.sub(r"^www\.", "", text)
    text = re.split(r"[?#]", text, maxsplit=1)[0]
    return text.rstrip("/")


def email_key(email: str) -> str:
    """An email address's identity (case-insensitive, trimmed)."""
    text = (email or "").strip().lower()
    return text if "@" in text else ""


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
    def from_row(cls, row: Mapping[str, Any]) -> "Organization":
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
    id: int | None = None

    @property
    def full_name(self) -> str:
        """First and last name, or a stand-in that says the name is missing."""
        name = " ".join(p for p in (self.first_name.strip(), self.last_name.strip()) if p)
        return name or "(no name)"

    def keys(self) -> dict[str, str]:
        """The three identities used to recognise the same person on re-import."""
        return {
            "url_key": url_key(self.profile_url),
            "email_key": email_key(self.email),
            "name_org_key": name_org_key(self.first_name, self.last_name, self.organization),
        }

    def to_row(self) -> dict:
        """Columns of the ``contacts`` table (without id and timestamps)."""
        row = asdict(self)
        row.pop("id")
        row["alt_titles"] = json.dumps(list(self.alt_titles), ensure_ascii=False)
        row["local"] = None if self.local is None else int(bool(self.local))
        row["target"] = int(bool(self.target))
        row["archived"] = int(bool(self.archived))
        row.update(self.keys())
        return row

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Contact":
        """Inverse of ``to_row`` (extra columns ignored; damaged JSON gives no alternative titles)."""
        names = {f.name for f in fields(cls)}
        values = {k: row[k] for k in row.keys() if k in names}
        try:
            titles = json.loads(values.get("alt_titles") or "[]")
        except (TypeError, ValueError):
            titles = []
        values["alt_titles"] = [t for t in titles if isinstance(t, str)] if isinstance(titles, list) else []
        for flag in ("target", "archived"):
            values[flag] = bool(values.get(flag) or 0)
        if values.get("local") is not None:
            values["local"] = bool(values["local"])
        return cls(**values)
