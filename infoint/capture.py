"""Step 2, quick capture: pasted text proposed as a contact, for the participant to confirm.

People copy an email signature, the experience section of a profile page or a row of an alumni
directory; the workbook proposes first and last name, job title, organization, email, phone
and location from it, on this computer (no network: nothing is looked up). It only proposes:
the participant corrects the fields, then ``save_capture`` adds the person through step 2's
import merge (``imports.plan_merge``), so someone already saved is recognised the same way as
on re-import (T8) and updated, never added twice. The word lists are in ``capture_words``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from .capture_names import cjk_kind, name_order, split_name
from .capture_names import has_word as _has
from .capture_names import name_like as _name_like
from .capture_names import words as _words
from .capture_words import (
    CITIES,
    CLOSINGS,
    COUNTRIES,
    EMPLOYMENT,
    ORG_WORDS,
    REGIONS,
    TITLE_LINKS,
    TITLE_WORDS,
    US_STATES,
)
from .i18n import _
from .imports import ImportPlan, plan_merge
from .records import Contact, email_key, url_key
from .safe import CONTROL_RE, one_line
from .targets import ImportReport, apply_merge, load_contacts

__all__ = [
    "MAX_CAPTURE_CHARS",
    "SOURCE",
    "Captured",
    "Match",
    "Proposal",
    "match_for",
    "propose_contact",
    "save_capture",
    "several_people",
]

MAX_CAPTURE_CHARS = 20_000  # more than any signature or profile section; the rest is ignored
_MAX_SEGMENTS = 400
SOURCE = "quick capture"  # the saved contact's source, shown like an import's file name


@dataclass(frozen=True)
class Proposal:
    """What the pasted text seems to say about one person; every field may be empty."""

    first_name: str = ""
    last_name: str = ""
    position: str = ""
    organization: str = ""
    email: str = ""
    phone: str = ""
    location: str = ""
    profile_url: str = ""

    def found(self) -> tuple[str, ...]:
        """The fields the text filled, in order."""
        return tuple(f.name for f in fields(self) if getattr(self, f.name))

    def contact(self) -> Contact:
        """The proposal as a new contact from quick capture."""
        return Contact(**{f.name: getattr(self, f.name) for f in fields(self)}, source=SOURCE)


# --------------------------------------------------------------------------- the pieces of text
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,6}\.[A-Za-z]{2,24}")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'|,;]{1,300}", re.I)
_LINKEDIN = re.compile(
    r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/in/[^\s<>\"'|,;?#]{1,100}", re.I
)
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\s?|00)?(?:\(\d{1,5}\)[ .\-\u00a0]?)?\d[\d \t().\-/\u00a0]{4,24}\d(?!\w)"
)
_LABEL = re.compile(
    r"^\s*(?:e-?mail|mail|courriel|correo|web(?:site)?|site|url|linkedin|profile|"
    r"tel(?:ephone|efon|éfono|efone)?|tél(?:éphone)?|phone|ph|mobile?|mobil|móvil|cell(?:ular)?|"
    r"handy|portable|direct|office|work|main|m|t|p|o|d|w|e|c)\s*[.:]\s*|^\s*[✉☎📞📱☏]\s*",
    re.I,
)
_FAX = re.compile(r"\bfax\b|\btélécopie\b", re.I)
_FIELD_LABEL = re.compile(
    r"^\s*(name|nom|nombre|title|position|role|job title|titre|cargo|company|organi[sz]ation|"
    r"employer|firma|entreprise|empresa|location|city|ville|ciudad|ort)\s*:\s*|^\s*(based in)\s+",
    re.I,
)
_LABEL_FIELD = {
    "name": "name",
    "nom": "name",
    "nombre": "name",
    "title": "position",
    "position": "position",
    "role": "position",
    "job title": "position",
    "titre": "position",
    "cargo": "position",
}
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|"
    r"août|sept|déc|ene|abr|ago|dic|märz|okt|dez)[a-zé]*\.?"
)
_DATES = re.compile(
    rf"^(?:{_MONTH}\s+)?(?:19|20)\d\d\s*[-–—]\s*(?:(?:{_MONTH}\s+)?(?:19|20)\d\d|present|"
    r"today|now|heute|aujourd'hui|actualidad|presente|atual)\b|^(?:19|20)\d\d-\d\d-\d\d$|"
    rf"^{_MONTH}\s+(?:19|20)\d\d$|^\d{{1,2}}[./]\d{{1,2}}[./](?:19|20)?\d\d$",
    re.I,
)
_DURATION = re.compile(r"^\d+\s*(?:yrs?|years?|mos?|months?|ans?|años|jahre?)\b", re.I)
_NOISE = re.compile(
    r"^(?:class of\s+\d{2,4}|'\d\d|promo(?:tion)?\s+\d{4}|jahrgang\s+\d{4}|\d(?:st|nd|rd|th)\+?|"
    r"\(?(?:he|she|they|ze|xe|il|elle)\s*/\s*\w+(?:\s*/\s*\w+)?\)?|hybrid|remote|on-site|"
    r"onsite|vor ort|présentiel|télétravail|--+|__+|==+|-- ?)$",
    re.I,
)
_SEPARATORS = re.compile(r"\t|\s*\|\s*|\s*[·•◦]\s*|\s{3,}|\s+[–—]\s+")
_LINK_WORDS = re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in TITLE_LINKS) + r")\s+")
_UNIT = re.compile(
    r"(?:department|dept\.?|division|faculty|team|unit|abteilung|département|departamento|"
    r"dipartimento|afdeling)\b",
    re.I,
)
_TITLE_ORG_DASH = re.compile(r"\s+[-–—]\s+|,\s+")
# A US ZIP, a UK or a Canadian postcode at the end of an address part ("MA 02143", "M5S 2E4")
_POSTCODE_AT_END = re.compile(
    r"\s+(?:\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)$"
)
_STATE_NAMES = frozenset(US_STATES.values())
_LEADING_POSTCODE = re.compile(r"^(?:[A-Z]{1,2}-)?\d{4,5}(?:-\d{3})?\s+")
_AREA = re.compile(
    r"^(?:greater\s+)?[A-ZÀ-Þ][\w .'-]{1,40}\s(?:bay\s+)?(?:metropolitan\s+)?area$", re.I
)


_ORG_NOT_PLACE = ORG_WORDS - {"city", "county"}  # "Mexico City, Mexico" is a place


def _segments(text: str) -> list[str]:
    """The pasted text cut into the pieces that each say one thing: lines, then the cells of a
    directory row or a profile line (tab, |, ·, •), then a comma row of four cells or more."""
    found: list[str] = []
    for raw in text[:MAX_CAPTURE_CHARS].splitlines():
        line = CONTROL_RE.sub(lambda m: "\t" if m.group() == "\t" else " ", raw)
        for piece in (
            _name_cells(_SEPARATORS.split(line)) if "\t" in line else _SEPARATORS.split(line)
        ):
            piece = piece.strip(" ,;")
            if not piece:
                continue
            cells = [c.strip() for c in piece.split(",")]
            if len(cells) >= 4 and not _EMAIL.search(piece):
                found.extend(_join_places(cells))
            else:
                found.append(piece)
        if len(found) >= _MAX_SEGMENTS:
            break
    return found[:_MAX_SEGMENTS]


_ONE_NAME = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ'’-]+")


def _name_cells(cells: list[str]) -> list[str]:
    """A directory row's cells with a surname and a given name in cells of their own
    ("Smith<tab>Jennifer") joined into one name, before anything else in the row."""
    for index in range(min(len(cells) - 1, 2)):
        pair = [c.strip() for c in cells[index : index + 2]]
        if all(_ONE_NAME.fullmatch(c) for c in pair) and _name_like(" ".join(pair)):
            return [*cells[:index], " ".join(pair), *cells[index + 2 :]]
    return cells


def _join_places(cells: list[str]) -> list[str]:
    """A comma row's cells, with "Seattle" and "WA" (or "Lyon" and "France") kept together."""
    joined: list[str] = []
    for cell in cells:
        key = cell.casefold()
        if joined and (_POSTCODE_AT_END.sub("", cell).upper() in US_STATES or key in COUNTRIES):
            joined[-1] = f"{joined[-1]}, {cell}"
        elif cell:
            joined.append(cell)
    return joined


def _is_region(part: str) -> bool:
    """A state or province ("MA", "Ontario") or a country."""
    return part.upper() in US_STATES or part in _STATE_NAMES or part.casefold() in COUNTRIES


def _location(text: str) -> str:
    """The place a piece of text names ("Springfield, IL", "Paris, France", "Greater Boston
    Area"), taken from the end of an address, without street and postal code; "" when it
    names none."""
    if _has(text, TITLE_WORDS) or _EMAIL.search(text):
        return ""
    key = text.casefold().strip()
    if key in CITIES or key in COUNTRIES:
        return text.strip()
    if _AREA.match(text.strip()) and not _has(text, ORG_WORDS):
        return text.strip()
    parts, postal = [], []  # postal: the parts that followed a postal code ("04109 Leipzig")
    for part in (p.strip() for p in text.split(",")):
        bare = _POSTCODE_AT_END.sub("", part).strip()
        city = _LEADING_POSTCODE.sub("", bare).strip()
        if city:
            parts.append(city)
            postal.append(city != bare or (bare != part and len(parts) == 1))
    if not parts or len(parts) > 6:
        return ""
    if _is_region(parts[-1]) and len(parts) > 1:
        size = 2
        if len(parts) > 2 and _is_region(parts[-2]) and parts[-1].casefold() in COUNTRIES:
            size = 3  # "Boston, Massachusetts, United States"
        place = parts[-size:]
    elif postal[-1] or (len(parts) == 1 and parts[0].casefold() in CITIES):
        place = parts[-1:]  # "Augustusplatz 7, 04109 Leipzig"
    else:
        return ""
    if not place[0][:1].isupper():
        return ""
    if any(re.search(r"\d", p) or len(p.split()) > 4 for p in place):
        return ""
    if _has(", ".join(place), _ORG_NOT_PLACE):
        return ""
    return ", ".join(place)


def _title_and_org(text: str) -> tuple[str, str]:
    """A title line's title and organization, when it names both ("Designer at Acme", "Head of
    Research, Acme Corp", "Analyst - City of Boston"); else the title alone."""
    parts = _LINK_WORDS.split(text, maxsplit=1)
    if len(parts) == 2 and (parts[1][:1].isupper() or parts[1][:1].isdigit()):
        return parts[0].strip(), _clean_org(parts[1])
    for match in _TITLE_ORG_DASH.finditer(text):
        left, right = text[: match.start()].strip(), text[match.end() :].strip()
        if not (left and right and _has(left, TITLE_WORDS)):
            continue
        if right.casefold() in REGIONS:
            return text.strip(), ""  # "VP Sales, EMEA": the region is part of the title
        if _UNIT.match(right):
            return left, ""  # "Professor, Department of X": the organization comes next
        if _has(right, ORG_WORDS) or not _has(right, TITLE_WORDS):
            return left, _clean_org(right)
    return text.strip(), ""


def _clean_org(text: str) -> str:
    words = text.split()
    while words and words[-1].casefold().strip("()") in EMPLOYMENT:
        words.pop()
    return " ".join(words).strip(" ,;-–")


def _dropped(text: str) -> bool:
    words = _words(text)
    return (
        not words
        or bool(_DATES.match(text) or _DURATION.match(text) or _NOISE.match(text))
        or all(w in CLOSINGS or w in EMPLOYMENT for w in words)
        or (text.endswith(",") and len(words) <= 4 and words[0] in CLOSINGS)
    )


class _Reading:
    """The values found so far, filled once each (the first occurrence wins)."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def put(self, field: str, value: str) -> None:
        value = one_line(value)
        if value and field not in self.values:
            self.values[field] = value


def _take_contact_details(piece: str, reading: _Reading) -> str:
    """Email, profile link and phone out of a piece; what is left of it."""
    for match in _EMAIL.finditer(piece):
        reading.put("email", match.group().strip("."))
    piece = _EMAIL.sub(" ", piece)
    linkedin = _LINKEDIN.search(piece)
    if linkedin:
        url = linkedin.group().rstrip("/.")
        reading.put("profile_url", url if url.startswith("http") else "https://" + url)
    piece = _URL.sub(" ", _LINKEDIN.sub(" ", piece))
    numbers = []
    for match in _PHONE.finditer(piece):
        number = match.group().strip(" .-/")
        digits = sum(ch.isdigit() for ch in number)
        if 7 <= digits <= 15 and not _DATES.match(number):
            numbers.append(match)
            if not _FAX.search(piece[max(0, match.start() - 12) : match.start()]):
                reading.put("phone", number)  # the first number that isn't a fax
    for match in reversed(numbers):
        piece = piece[: match.start()] + " " + piece[match.end() :]
    piece = _FAX.sub(" ", piece) if numbers else piece
    piece = _LABEL.sub("", piece)
    return piece.strip(" ,;:-–|") if _words(piece) else ""


def propose_contact(text: str) -> Proposal:
    """What a pasted signature, profile section or directory row says about one person.

    Never raises and never looks anything up: any text gives a proposal, possibly empty. The
    first name, title, organization, email, phone and place found win; the name comes before
    the title (a name after it is more often an organization), the organization on the title's
    line or right after it.
    """
    reading = _Reading()
    kinds: list[tuple[str, str]] = []  # (kind, text) in order: name, title, org, other
    for segment in _segments(text if isinstance(text, str) else ""):
        rest = _take_contact_details(segment, reading)
        if not rest:
            continue
        labelled = _FIELD_LABEL.match(rest)
        if labelled:
            label = (labelled.group(1) or labelled.group(2)).casefold()
            value = rest[labelled.end() :].strip()
            field = _LABEL_FIELD.get(label)
            if field == "name":
                kinds.append(("name", value))
            elif field == "position":
                kinds.append(("title", value))
            elif label in ("location", "city", "ville", "ciudad", "ort", "based in"):
                reading.put("location", _location(value) or value)
            else:
                kinds.append(("org", value))
            continue
        if _dropped(rest):
            continue
        place = _location(rest)
        if cjk_kind(rest):  # 高级数据工程师, 阿里巴巴集团
            kinds.append((cjk_kind(rest), rest))
        elif place:
            reading.put("location", place)
        elif _name_like(rest):
            kinds.append(("name", rest))
        elif _has(rest, TITLE_WORDS):
            kinds.append(("title", rest))
        elif _has(rest, ORG_WORDS):
            kinds.append(("org", rest))
        else:
            kinds.append(("other", rest))
    _assign(kinds, reading)
    return Proposal(**reading.values)


def several_people(text: str) -> bool:
    """Whether the pasted text seems to list several people (two rows of a table or more, or
    three email addresses or more), when only the first one is proposed."""
    text = text[:MAX_CAPTURE_CHARS] if isinstance(text, str) else ""
    rows = sum(len(_SEPARATORS.split(line)) >= 3 for line in text.splitlines())
    emails = {m.group().casefold() for m in _EMAIL.finditer(text)}
    return rows >= 2 or len(emails) >= 3


def _assign(kinds: list[tuple[str, str]], reading: _Reading) -> None:
    titles = [i for i, (kind, _) in enumerate(kinds) if kind == "title"]
    title_at = titles[0] if titles else len(kinds)
    name = next((t for i, (k, t) in enumerate(kinds) if k == "name" and i < title_at), "")
    if name:
        first, last = name_order(*split_name(name), reading.values.get("email", ""))
        reading.put("first_name", first)
        reading.put("last_name", last)
    if titles:
        title, org = _title_and_org(kinds[title_at][1])
        reading.put("position", title)
        reading.put("organization", org)
        after = kinds[title_at + 1 : title_at + 2]
        if after and after[0][0] in ("org", "other", "name"):
            reading.put("organization", _clean_org(after[0][1]))
    org = next((t for k, t in kinds if k == "org"), "")
    reading.put("organization", _clean_org(org))
    before = kinds[title_at - 1] if name and 0 < title_at < len(kinds) else None
    if before and before[0] == "name" and before[1] != name:  # "Smith Jennifer | Goldman Sachs"
        reading.put("organization", _clean_org(before[1]))
    if "first_name" not in reading.values and "email" in reading.values:
        local = reading.values["email"].split("@")[0]
        match = re.fullmatch(r"([a-z]{2,})[._]([a-z]{2,})", local, re.I)
        if match:
            reading.put("first_name", match.group(1).capitalize())
            reading.put("last_name", match.group(2).capitalize())


_NAMES = ("first_name", "last_name")


@dataclass(frozen=True)
class Match:
    """The saved person a capture matches, and what saving it would change there: ``changes``
    as (field, saved value, new value); ``kept`` the names an email-only match leaves as they
    are unless the participant confirms (a misread paste must not rename someone)."""

    saved: Contact
    by: str  # "profile URL", "email" or "name and organization"
    changes: tuple[tuple[str, str, str], ...]
    kept: tuple[tuple[str, str, str], ...] = ()


def _cleaned(contact: Contact) -> Contact:
    values = {f: one_line(getattr(contact, f)) for f in Proposal.__dataclass_fields__}
    return Contact(**values, source=contact.source or SOURCE)


def _plan(existing: list[Contact], person: Contact, rename: bool):
    """The import merge for one person, with an email-only match's name changes held back
    unless ``rename``; and the match it amounts to (None for someone new)."""
    merge = plan_merge(existing, ImportPlan(SOURCE, contacts=[(1, person)]))
    if merge.add:
        return merge, None
    saved_id = (merge.update or merge.unchanged)[0][1]
    saved = next(c for c in existing if c.id == saved_id)
    if url_key(person.profile_url) and url_key(person.profile_url) == url_key(saved.profile_url):
        by = "profile URL"
    elif email_key(person.email) and email_key(person.email) == email_key(saved.email):
        by = "email"
    else:
        by = "name and organization"
    changes = dict(merge.update[0][2]) if merge.update else {}
    kept = []
    if by == "email" and not rename:
        for name in _NAMES:
            if name in changes and getattr(saved, name).strip():
                kept.append((name, getattr(saved, name), changes.pop(name)))
        merge.update = [(1, saved_id, changes)] if changes else []
        merge.unchanged = [] if changes else [(1, saved_id)]
    listed = tuple((f, str(getattr(saved, f) or ""), str(v)) for f, v in changes.items())
    return merge, Match(saved, by, listed, tuple(kept))


def match_for(existing: list[Contact], contact: Contact, rename: bool = False) -> Match | None:
    """Whom saving ``contact`` would update among ``existing``, and how; None if nobody (it
    would be added). Pure: what the page shows before Save is what Save does."""
    return _plan(existing, _cleaned(contact), rename)[1]


@dataclass(frozen=True)
class Captured:
    """What saving did (as an import report), the person as now saved, and who they were
    before when saving updated someone (for Undo)."""

    report: ImportReport
    contact: Contact
    before: Contact | None = None
    match: Match | None = None


def save_capture(ws, contact: Contact, rename: bool = False) -> Captured:
    """Save a confirmed proposal as a contact, one action in one transaction: matched with the
    saved contacts the way an import is (same profile URL, email, or name and organization), so
    a person already there is updated rather than added twice; on a match by email only, their
    saved names change only with ``rename``. ValueError without a name."""
    person = _cleaned(contact)
    if not (person.first_name or person.last_name):
        raise ValueError(_("Give the person a name (first or last) before saving."))
    with ws.transaction():
        existing = load_contacts(ws)
        merge, match = _plan(existing, person, rename)
        report = apply_merge(ws, merge, existing)
    saved_id = merge.add[0][1].id if match is None else match.saved.id
    saved = next(c for c in report.contacts if c.id == saved_id)
    before = match.saved if match is not None and match.changes else None
    return Captured(report, saved, before, match)
