"""Step 2, T8: a contact file's headings: which line holds them and what each one means.

Finding the header (below LinkedIn's "Notes:" preamble, or in any sheet) and guessing which
column fills which contact field use the same vocabulary of heading names, so both live here:
``tabular.py`` reads the file around the header found here, ``imports.py`` maps its columns.
"""

from __future__ import annotations

import re

from .text import fold

__all__ = [
    "LINKEDIN_FIELDS",
    "LINKEDIN_HEADER",
    "column_names",
    "find_header",
    "header_key",
    "is_linkedin",
    "linkedin_mapping",
    "suggest_mapping",
]


LINKEDIN_HEADER = (
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
)
LINKEDIN_FIELDS = (  # the contact field each of LinkedIn's columns fills
    "first_name",
    "last_name",
    "profile_url",
    "email",
    "organization",
    "position",
    "connected_on",
)


_SYNONYMS: dict[str, tuple[str, ...]] = {
    # English, then Spanish and Chinese headings (issue 16)
    "first_name": ("first name", "firstname", "first", "given name", "forename", "nombre", "名"),
    "last_name": (
        "last name",
        "lastname",
        "last",
        "surname",
        "family name",
        "apellido",
        "apellidos",
        "姓",
    ),
    "full_name": ("name", "full name", "fullname", "contact name", "nombre completo", "姓名"),
    "email": (
        "email",
        "e mail",
        "email address",
        "e mail address",
        "mail",
        "correo",
        "correo electronico",
        "邮箱",
        "电子邮件",
        "电子邮箱",
    ),
    "profile_url": (
        "url",
        "linkedin",
        "profile",
        "profile url",
        "linkedin url",
        "linkedin profile",
    ),
    "organization": (
        "company",
        "organization",
        "organisation",
        "employer",
        "company name",
        "empresa",
        "organizacion",
        "公司",
        "单位",
        "机构",
    ),
    "position": ("title", "job title", "position", "role", "cargo", "puesto", "职位", "职务"),
    "connected_on": (
        "connected on",
        "connected",
        "date connected",
        "conectado el",  # the workbook's own contacts table, in Spanish and Chinese
        "fecha de conexion",
        "建立联系日期",
    ),
    "location": ("location", "city", "ciudad", "ubicacion", "城市", "地点"),
    "phone": ("phone", "mobile", "phone number", "telephone", "telefono", "movil", "电话", "手机"),
    "notes": ("notes", "comments", "note", "comment", "notas", "comentarios", "备注"),
    "via": ("introduced by", "via", "mutual connection"),
    "warm_reason": ("how we met", "shared link"),
    "years_in_industry": (
        "years in industry",
        "years in the industry",
        "years of experience",
        "years experience",
        "experience years",
    ),
    "language": ("language", "idioma", "lengua", "语言", "语种"),
    "time_zone": ("time zone", "timezone", "tz", "zona horaria", "huso horario", "时区"),
    # the workbook's own contacts table, in English, Spanish and Chinese
    "connection": ("connection", "conexion", "关系"),
    "seniority": ("seniority", "nivel de experiencia", "资历"),
    "focus": ("focus", "enfoque", "侧重"),
}


_HEADER_WORDS = {word: name for name, words in _SYNONYMS.items() for word in words}


def header_key(text: str) -> str:
    """A header cell as compared with the synonyms: folded, punctuation as spaces."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


def suggest_mapping(columns: list[str]) -> dict[str, str]:
    """Guess which column fills which contact field from the header names, so most files need
    no choices.

    Case, accents and punctuation don't matter ("E-mail", "Organisation"); the first column
    that fits a field wins. The user reviews the guess in the mapping UI.
    """
    mapping: dict[str, str] = {}
    for column in columns:
        name = _HEADER_WORDS.get(header_key(column))
        if name and name not in mapping:
            mapping[name] = column
    first = mapping.get("first_name")
    if first and header_key(first) == "nombre" and not {"last_name", "full_name"} & set(mapping):
        # Spanish "Nombre" alone is the whole name (the workbook's own table says so)
        mapping["full_name"] = mapping.pop("first_name")
    return mapping


def is_linkedin(cells: list[str]) -> bool:
    """LinkedIn's header: all seven names, or an older export's subset that has the names."""
    linkedin = {header_key(n) for n in LINKEDIN_HEADER}
    present = {header_key(c) for c in cells if c}
    if linkedin <= present:
        return True
    return {"first name", "last name"} <= present and present <= linkedin and len(present) >= 4


def _looks_like_header(cells: list[str]) -> bool:
    """At least two cells, most of them known header names."""
    filled = [c for c in cells if c]
    known = sum(1 for c in filled if header_key(c) in _HEADER_WORDS)
    return known >= 2 and known * 2 > len(filled)


def find_header(candidates: list[list[str]]) -> int | None:
    """Index of the header among the first lines: "First Name" first, then a line of known names."""
    for index, cells in enumerate(candidates):
        if any(header_key(c) == "first name" for c in cells):
            return index
    for index, cells in enumerate(candidates):
        if _looks_like_header(cells):
            return index
    return None


def column_names(cells: list[str]) -> list[str]:
    """Header cells made usable: trailing empties dropped, empty ones named, duplicates numbered."""
    cells = [c.strip().lstrip("\ufeff").strip() for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    names: list[str] = []
    seen: set[str] = set()
    tried: dict[str, int] = {}  # last number tried per name: keeps 1,000 identical names linear
    for position, cell in enumerate(cells, start=1):
        base = cell or f"Column {position}"
        candidate, n = base, tried.get(base.casefold(), 1)
        while candidate.casefold() in seen:
            n += 1
            candidate = f"{base} ({n})"
        tried[base.casefold()] = n
        seen.add(candidate.casefold())
        names.append(candidate)
    return names


def linkedin_mapping(columns: list[str]) -> dict[str, str]:
    """T8: LinkedIn's columns, as this export names them, mapped to the fields they fill."""
    by_key = {header_key(c): c for c in reversed(columns)}  # the first of duplicates wins
    return {
        f: by_key[header_key(n)]
        for f, n in zip(LINKEDIN_FIELDS, LINKEDIN_HEADER, strict=False)
        if header_key(n) in by_key
    }
