"""Step 2, importing contact lists: rows turned into contacts, merged with the saved ones.

Every file here is untrusted: ``tabular.read_table`` reads it as text only (no type guessing:
"NA" is a name and "02139" a zip code, and formulas are never evaluated) and any problem
refuses the whole file with a plain-language message that names the file, the line and what
to do; importing the same file again never adds anyone twice (T8). This module only plans; the
UI shows the plan and the workspace applies it in one transaction.

The flow: ``tabular.read_table`` (bytes -> header and rows of text) -> ``to_contacts`` (rows ->
contacts, with a column mapping; ``headings.suggest_mapping`` guesses one) -> ``plan_merge``
(contacts vs the saved ones -> add, update, unchanged). ``read_contacts`` does the first two
with the automatic mapping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Any

from .bulk import paused_gc
from .clock import MONTH_NAMES, known_zones
from .exports.tables import FOCUS_LABELS
from .headings import header_key, linkedin_mapping, suggest_mapping
from .i18n import LANGUAGES, N_, _, translate
from .records import CONNECTION_LABELS, SENIORITY_LABELS, Contact, email_key, name_org_key, url_key
from .tabular import ImportFailed, ParsedFile, read_table

__all__ = [
    "IMPORT_FIELDS",
    "FIELD_LABELS",
    "ImportPlan",
    "MergePlan",
    "plan_merge",
    "read_contacts",
    "to_contacts",
]


IMPORT_FIELDS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "full_name",
    "email",
    "profile_url",
    "organization",
    "position",
    "connected_on",
    "location",
    "phone",
    "notes",
    "via",
    "warm_reason",
    "years_in_industry",
    "language",
    "time_zone",
    "connection",
    "seniority",
    "focus",
)

FIELD_LABELS: dict[str, str] = {
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "full_name": N_("Full name (split into first and last)"),
    "email": N_("Email"),
    "profile_url": N_("Profile URL (LinkedIn)"),
    "organization": N_("Organization"),
    "position": N_("Position (job title)"),
    "connected_on": N_("Connected on (date)"),
    "location": N_("Location"),
    "phone": N_("Phone"),
    "notes": N_("Notes"),
    "via": N_("Introduced by (mutual connection)"),
    "warm_reason": N_("Shared link (how you know them)"),
    "years_in_industry": N_("Years in the industry"),
    "language": N_("Language to write to them in"),
    "time_zone": N_("Their time zone"),
    "connection": N_("Connection"),
    "seniority": N_("Seniority"),
    "focus": N_("Focus"),
}


# The fields a file keeps up to date on re-import, and the user's own fields a file may only fill.
_IMPORTED = (
    "first_name",
    "last_name",
    "email",
    "profile_url",
    "organization",
    "position",
    "connected_on",
    "location",
    "phone",
)
_FILL_IF_EMPTY = ("via", "warm_reason", "notes", "years_in_industry", "language", "time_zone")
_FILL_IF_EMPTY += ("connection", "seniority", "focus")  # codes (``coded_value``)
_TEXT_FIELDS = tuple(
    f for f in IMPORT_FIELDS if f not in ("full_name", "connected_on", "years_in_industry")
)


@dataclass
class ImportPlan:
    """The contacts a file holds and the rows left out (with why), before any merge."""

    file: str
    contacts: list[tuple[int, Contact]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    # The only Contact fields the file fills (the rest keep their defaults); () when not known.
    fields: tuple[str, ...] = ()


@dataclass
class MergePlan:
    """What importing would change in the saved contacts: shown to the user before it is applied."""

    add: list[tuple[int, Contact]] = field(default_factory=list)
    update: list[tuple[int, int, dict[str, Any]]] = field(default_factory=list)
    unchanged: list[tuple[int, int]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    file: str = ""  # the imported file's name, for the report after the import
    # ImportPlan.fields: lets the new contacts be written as a lean batch
    fields: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# Rows to contacts


_MONTHS = tuple(m.lower() for m in MONTH_NAMES)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4})")
_ISO_DATE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d+)?")


def _iso_date(text: str) -> str:
    """LinkedIn's "12 Mar 2021" or an ISO date (time ignored) as "2021-03-12"; anything else ""."""
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if match:
        day, word, year = match.groups()
        word = word.lower()
        month = next((i for i, m in enumerate(_MONTHS, start=1) if m.startswith(word)), 0)
        parts = (int(year), month, int(day))
    else:
        match = _ISO_DATE.fullmatch(text)
        if not match:
            return ""
        parts = tuple(int(p) for p in match.groups())
    try:
        return date(*parts).isoformat()
    except ValueError:
        return ""


def _years(text: str) -> float | None:
    """ "3", "3.5" or "3,5" as a number of years; anything else None."""
    if not _NUMBER.fullmatch(text):
        return None
    years = float(text.replace(",", "."))
    return years if years <= 100 else None


def _split_name(full: str) -> tuple[str, str]:
    """First and last name from a full name: the last word is the last name."""
    words = full.split()
    if len(words) < 2:
        return (words[0] if words else ""), ""
    return " ".join(words[:-1]), words[-1]


_name_org = lru_cache(maxsize=1 << 16)(name_org_key)


def _name_key(contact: Contact) -> str:
    return _name_org(contact.first_name, contact.last_name, contact.organization)


class _People:
    """Who is who: the same profile URL, else the same email, else the same name and organization.

    A name and organization never join two different profile URLs: namesakes are common in a
    30,000-connection network. (An email does: two people don't share one, while a profile URL
    changes when its owner picks a new one.) Each person is remembered with a number (a line,
    or a position in the saved list); the lowest wins.
    """

    def __init__(self) -> None:
        self.by_url: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.name_bare: dict[str, int] = {}  # name and organization of people without a URL
        # of everyone: built when first needed (it costs the most)
        self.name_any: dict[str, int] | None = None
        self.with_url: list[tuple[int, Contact]] = []

    def add(self, value: int, contact: Contact, url: str, email: str) -> None:
        """Remember a person (url_key and email_key given) under each identity; the first one
        seen wins."""
        if email:
            self.by_email.setdefault(email, value)
        if url:
            self.by_url.setdefault(url, value)
            self.with_url.append((value, contact))
            if self.name_any is not None:
                self.name_any.setdefault(_name_key(contact), value)
            return
        name = _name_key(contact)
        if name:
            self.name_bare.setdefault(name, value)
            if self.name_any is not None:
                self.name_any.setdefault(name, value)

    def find(self, contact: Contact, url: str, email: str) -> int | None:
        """The number remembered for the same person, or None."""
        found = self.by_url.get(url) if url else None
        if found is None and email:
            found = self.by_email.get(email)
        if found is not None:
            return found
        if url:  # only people without a URL can match by name
            return self.name_bare.get(_name_key(contact)) if self.name_bare else None
        if not (self.name_bare or self.with_url):
            return None
        if self.name_any is None:
            self.name_any = {}
            for value, other in self.with_url:
                self.name_any.setdefault(_name_key(other), value)
            for name, value in self.name_bare.items():
                self.name_any[name] = min(value, self.name_any.get(name, value))
        name = _name_key(contact)
        return self.name_any.get(name) if name else None


def _checked_mapping(parsed: ParsedFile, mapping: dict[str, str]) -> dict[str, str]:
    used = {f: c for f, c in mapping.items() if c}
    unknown = [f for f in used if f not in IMPORT_FIELDS]
    if unknown:
        raise ImportFailed(
            _(
                "{file}: the workbook has no contact field called {fields}. Choose among: "
                "{choices}."
            ).format(
                file=parsed.name,
                fields=", ".join(map(repr, unknown)),
                choices=_(", ").join(_(FIELD_LABELS[f]) for f in IMPORT_FIELDS),
            ),
            file=parsed.name,
        )
    missing = sorted({c for c in used.values() if c not in parsed.columns})
    if missing:
        raise ImportFailed(
            _(
                "{file} has no column called {missing}. Its columns are: {columns}. Choose "
                "again from these."
            ).format(
                file=parsed.name,
                missing=", ".join(map(repr, missing)),
                columns=", ".join(parsed.columns) or _("(none)"),
            ),
            file=parsed.name,
        )
    if not any(f in used for f in ("first_name", "last_name", "full_name")):
        raise ImportFailed(
            _(
                "{file}: choose which column holds the names (first and last name, or the "
                "full name); the workbook couldn't tell from the headings ({columns})."
            ).format(file=parsed.name, columns=", ".join(parsed.columns) or _("none")),
            file=parsed.name,
        )
    return used


# What a "Language" column may say for each of the workbook's languages (folded).
_LANGUAGE_WORDS = {
    "en": ("en", "eng", "english", "ingles", "英语", "英文"),
    "es": ("es", "spa", "spanish", "espanol", "castellano", "西班牙语", "西班牙文"),
    "zh": (
        "zh",
        "zh cn",
        "zh hans",
        "chinese",
        "mandarin",
        "chino",
        "中文",
        "汉语",
        "普通话",
        "简体中文",
        "简体",
    ),
}
_LANGUAGE_OF = {word: code for code, words in _LANGUAGE_WORDS.items() for word in words}


def language_code(text: str) -> str:
    """The workbook's code ("en", "es", "zh") for what a cell says ("Español", "中文", "EN");
    "" for anything else (the contact is then written to in the workbook's language)."""
    return _LANGUAGE_OF.get(header_key(text or ""), "")


# Connection, seniority and focus as a file says them: the code, or its label in any of the
# workbook's languages (its own contacts table, made in Spanish or Chinese, reads back).
_CODED = {"connection": CONNECTION_LABELS, "seniority": SENIORITY_LABELS, "focus": FOCUS_LABELS}


@lru_cache(maxsize=1)
def _code_words() -> dict[str, dict[str, str]]:
    return {
        name: {
            header_key(word): code
            for code, label in labels.items()
            for word in (code, *(translate(lang, label) for lang in LANGUAGES))
        }
        for name, labels in _CODED.items()
    }


def coded_value(field_name: str, text: str) -> str:
    """The stored code for a connection, seniority or focus cell ("first", "mid", "both"):
    from the code or a label in English, Spanish or Chinese; "" for anything else (the
    workbook then works it out, as for an empty cell)."""
    return _code_words()[field_name].get(header_key(text or ""), "")


def _zone(text: str) -> str:
    """An IANA zone as the file writes it, if it is one ("" otherwise: guessed later)."""
    text = (text or "").strip()
    if text in known_zones():
        return text
    folded = text.casefold()
    return next((z for z in known_zones() if z.casefold() == folded), "")


@paused_gc()
def to_contacts(parsed: ParsedFile, mapping: dict[str, str], source: str) -> ImportPlan:
    """Turn rows into contacts with a column mapping (contact field -> column), keeping every
    row's line number.

    Blank rows, rows without any name and second appearances of a person in the same file are
    skipped with a reason the UI shows; a row with a date it can't read is still imported (the
    date stays empty). Refuses (ImportFailed) a mapping that names no column for the names or a
    column the file doesn't have.
    """
    used = _checked_mapping(parsed, mapping)
    position = {c: i for i, c in enumerate(parsed.columns)}
    text_fields = [(f, position[used[f]]) for f in _TEXT_FIELDS if f in used]
    full = position[used["full_name"]] if "full_name" in used else None
    connected = position[used["connected_on"]] if "connected_on" in used else None
    years = position[used["years_in_industry"]] if "years_in_industry" in used else None
    same = (
        _("same person as row {line}")
        if parsed.encoding == "xlsx"
        else _("same person as line {line}")
    )
    filled = {f for f, _ in text_fields} | {"source"}
    filled |= {"first_name", "last_name"} if full is not None else set()
    filled |= {"connected_on"} if connected is not None else set()
    filled |= {"years_in_industry"} if years is not None else set()
    plan = ImportPlan(
        parsed.name, fields=tuple(f for f in IMPORT_FIELDS + ("source",) if f in filled)
    )
    people = _People()
    names = [f for f, _ in text_fields]
    pick = itemgetter(*[i for _, i in text_fields]) if len(text_fields) > 1 else None
    dates: dict[str, str] = {}  # a LinkedIn export has a few thousand distinct days for 30,000 rows
    for line, cells in parsed.rows:
        if not any(cells):
            plan.skipped.append((line, _("blank row")))
            continue
        if pick is not None:
            values: dict[str, Any] = dict(zip(names, pick(cells), strict=False))
        else:
            values = {f: cells[i] for f, i in text_fields}
        if full is not None and not values.get("first_name") and not values.get("last_name"):
            values["first_name"], values["last_name"] = _split_name(cells[full])
        if not values.get("first_name") and not values.get("last_name"):
            plan.skipped.append((line, _("no name")))
            continue
        if connected is not None:
            day = cells[connected]
            iso = dates.get(day)
            if iso is None:
                iso = dates[day] = _iso_date(day)
            values["connected_on"] = iso
        if years is not None:
            values["years_in_industry"] = _years(cells[years])
        if "language" in values:
            values["language"] = language_code(values["language"])
        if "time_zone" in values:
            values["time_zone"] = _zone(values["time_zone"])
        for coded in _CODED.keys() & values.keys():
            values[coded] = coded_value(coded, values[coded])
        contact = Contact(**values, source=source)
        url, email = url_key(contact.profile_url), email_key(contact.email) if contact.email else ""
        earlier = people.find(contact, url, email)
        if earlier is not None:
            plan.skipped.append((line, same.format(line=earlier)))
            continue
        people.add(line, contact, url, email)
        plan.contacts.append((line, contact))
    return plan


@paused_gc()
def read_contacts(data: bytes, name: str, mapping: dict[str, str] | None = None) -> ImportPlan:
    """Read a file straight to contacts: LinkedIn's export with its known columns, other files
    with the given or guessed mapping.

    A LinkedIn export's contacts get the source "linkedin" (they are first-degree connections);
    other files' contacts get the file name, so the user can see where each person came from.
    """
    parsed = read_table(data, name)
    if parsed.kind == "linkedin":
        return to_contacts(
            parsed,
            mapping if mapping is not None else linkedin_mapping(parsed.columns),
            "linkedin",
        )
    return to_contacts(
        parsed, mapping if mapping is not None else suggest_mapping(parsed.columns), name
    )


# ---------------------------------------------------------------------------------------------
# Merging with the saved contacts


_imported = attrgetter(*_IMPORTED)
_fillable = attrgetter(*_FILL_IF_EMPTY)
_NOTHING_TO_FILL = _fillable(Contact())  # what a new contact has in those fields


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@paused_gc()
def plan_merge(existing: list[Contact], plan: ImportPlan) -> MergePlan:
    """Match each imported contact to a saved one and say what would change, so re-importing
    never duplicates anyone.

    Matching: the same profile URL; else the same email; else the same name and organization,
    unless the two have different profile URLs (namesakes). A match gets the file's non-empty
    values for the fields a file owns (name, email, URL, organization, position, date,
    location, phone); the user's own fields are only filled when still empty (introduced by,
    shared link, notes, years in the industry) and never changed otherwise.
    """
    merge = MergePlan(skipped=list(plan.skipped), file=plan.file, fields=plan.fields)
    if not existing:  # a first import: nobody to match
        merge.add = list(plan.contacts)
        return merge
    saved = _People()
    for index, contact in enumerate(existing):
        saved.add(index, contact, url_key(contact.profile_url), email_key(contact.email))
    matched: dict[int, int] = {}  # index in existing -> line that matched it
    for line, contact in plan.contacts:
        index = saved.find(contact, url_key(contact.profile_url), email_key(contact.email))
        if index is None:
            merge.add.append((line, contact))
            continue
        if index in matched:
            merge.skipped.append(
                (
                    line,
                    _("matches the same saved contact as line {line}").format(line=matched[index]),
                )
            )
            continue
        matched[index] = line
        old = existing[index]
        changes: dict[str, Any] = {}
        new, before = _imported(contact), _imported(old)
        if new != before:
            changes = {
                name: value
                for name, value, was in zip(_IMPORTED, new, before, strict=False)
                if value and value != was
            }
        new = _fillable(contact)
        if new != _NOTHING_TO_FILL:
            for name, value, was in zip(_FILL_IF_EMPTY, new, _fillable(old), strict=False):
                if not _is_empty(value) and _is_empty(was):
                    changes[name] = value
        if changes:
            merge.update.append((line, old.id, changes))
        else:
            merge.unchanged.append((line, old.id))
    merge.skipped.sort(key=lambda item: item[0])
    return merge
