"""How a draft greets its reader, by the draft's language and the way the participant chose to
address them (docs/method.md R1, O5: a professional note starts with the right name).

Ground floor, pure. ``greeting(contact, lang, form)`` gives the opening line of a draft:

- English: "Hi Priya," (the English templates keep their own greeting; this is for callers
  that want the line, and for "Dear Ms. Raman," when a title is chosen).
- Spanish: a formal note uses the FIRST surname only, with its particles ("María García
  López" -> "Estimada Sra. García:"; "Juan de la Cruz" -> "Estimado Sr. de la Cruz:"), and a
  colon, as Spanish letters do. Without a chosen "Sr."/"Sra." the gender is unknown and is
  never guessed from the first name; "Estimado/a" reads like a form letter, so the neutral
  greeting is "Buenos días, María García:" (formal, works in every country) and, for someone
  you know, "Hola, María:".
- Chinese: the family name comes first (``records.person_name``) and the greeting follows the
  name: "李伟您好：" (the full name: never a gender guessed from the name), "李先生您好：",
  "李女士您好：" or with their title "李经理您好：", "王老师您好：", "张教授您好：".
  Two-character family names (欧阳, 司马...) are recognised.

``FORMS`` are the choices the draft editor offers ("How to address them"); "auto" means the
full name (formal) or the first name (someone you know) without a title.
"""

from __future__ import annotations

import re

from .i18n import LANGUAGES
from .i18n import language as _in_use
from .records import person_name
from .text import word_count

__all__ = [
    "FORMS",
    "addressee",
    "choice",
    "draft_language",
    "draft_length",
    "family_name",
    "first_surname",
    "form_of",
    "greeting",
    "name_in",
    "setting_key",
]

FORMS: tuple[str, ...] = ("auto", "full", "mr", "ms", "title")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
_COMPOUND = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 慕容 令狐 司徒 夏侯 尉迟 长孙 宇文 公孙 端木 西门 南宫 "
    "独孤 澹台 轩辕 申屠 呼延 百里 钟离 闻人 赫连 万俟 濮阳 太史 公羊".split()
)
# Particles that belong to a Spanish surname: "de la Cruz", "del Río", "de los Santos".
_PARTICLES = frozenset("de del la las los y san e i".split())


def _clean(text) -> str:
    return re.sub(r"\s+", " ", str(text or "").replace("\x00", "")).strip()[:80]


def first_surname(last_name: str) -> str:
    """The first of two Spanish surnames, with its particles: "García López" -> "García",
    "de la Cruz Ramos" -> "de la Cruz", "Fernández-Pacheco Ruiz" -> "Fernández-Pacheco",
    "Ortega y Gasset" -> "Ortega"; a single surname as it is."""
    words = _clean(last_name).split()
    taken: list[str] = []
    for word in words:
        taken.append(word)
        if word.lower() not in _PARTICLES:
            break
    return " ".join(taken)


def family_name(first: str, last: str) -> tuple[str, str]:
    """(family name, given name) of a Chinese name, from the two fields or from a full name in
    one of them ("李伟" -> ("李", "伟"), "欧阳娜娜" -> ("欧阳", "娜娜")); non-Chinese names keep
    their last name as the family name ("Wei Li" -> ("Li", "Wei"))."""
    first, last = _clean(first), _clean(last)
    if first and last:
        return last, first
    whole = first or last
    if _CJK.match(whole) and len(whole) >= 2:
        size = 2 if whole[:2] in _COMPOUND and len(whole) >= 3 else 1
        return whole[:size], whole[size:]
    parts = whole.split()
    if len(parts) >= 2:
        return parts[-1], " ".join(parts[:-1])
    return whole, ""


def name_in(contact, lang: str) -> str:
    """The full name as it is written in every language (``records.person_name``): family
    first without a space for Chinese characters (李伟), otherwise "first last"."""
    return person_name(
        _clean(getattr(contact, "first_name", "")), _clean(getattr(contact, "last_name", ""))
    )


def _spanish(first: str, last: str, form: str, title: str, warm: bool) -> str:
    surname = first_surname(last)
    if not first and not surname:
        return "Buenos días:"
    if form == "mr" and surname:
        return f"Estimado Sr. {surname}:"
    if form == "ms" and surname:
        return f"Estimada Sra. {surname}:"
    if form == "title" and title and surname:
        return f"Buenos días, {title} {surname}:"
    if form == "auto" and warm and first:
        return f"Hola, {first}:"
    if _CJK.match(first) and _CJK.match(surname):  # 李伟: family name first, no space
        return f"Buenos días, {person_name(first, last)}:"
    return f"Buenos días, {' '.join(p for p in (first, surname) if p)}:"


def addressee(contact, form: str = "auto", *, title: str = "") -> str:
    """How a Chinese note names its reader: "李先生", "李女士", "王经理", else the full name
    "李伟" (never a gender guessed from the name); "" without a name."""
    form = form if form in FORMS else "auto"
    first, last = getattr(contact, "first_name", ""), getattr(contact, "last_name", "")
    family, _given = family_name(first, last)
    honorific = {"mr": "先生", "ms": "女士", "title": _clean(title)[:20]}.get(form, "")
    if honorific and family:
        return f"{family}{honorific}"
    return name_in(contact, "zh")


def _chinese(contact, form: str, title: str) -> str:
    name = addressee(contact, form, title=title)
    return f"{name}您好：" if name else "您好："


def _english(first: str, last: str, form: str, title: str) -> str:
    words = {"mr": "Mr.", "ms": "Ms.", "title": title}
    if words.get(form) and last:
        return f"Dear {words[form]} {last},"
    return f"Hi {first}," if first else "Hello,"


def greeting(contact, lang: str, form: str = "auto", *, title: str = "", warm: bool = False) -> str:
    """The greeting line of a draft to ``contact`` written in ``lang`` ("en", "es", "zh").

    ``form`` is one of ``FORMS`` (anything else counts as "auto"); ``title`` is their title
    for the "title" form ("Dr.", "Lic.", "经理", "老师", "教授"); ``warm`` says you know them,
    which lets "auto" use the first name in Spanish. Names are cleaned to one line.
    """
    form = form if form in FORMS else "auto"
    title = _clean(title)[:20]
    if form == "title" and not title:
        form = "auto"
    first, last = (
        _clean(getattr(contact, "first_name", "")),
        _clean(getattr(contact, "last_name", "")),
    )
    if lang == "zh":
        return _chinese(contact, form, title)
    if lang == "es":
        return _spanish(first, last, form, title, warm)
    return _english(first, last, form, title)


def setting_key(contact_id) -> str:
    """Where the draft editor keeps how to address one contact (an ``outreach_log`` setting):
    "form" or "title:<their title>"; the thanks drafts read the same choice."""
    return f"outreach.address.{contact_id}"


def choice(value: str) -> tuple[str, str]:
    """(form, title) from a stored choice ("ms", "title:经理"); anything unknown is "auto"."""
    text = _clean(value)
    if text.startswith("title:"):
        title = text[6:].strip()[:20]
        return ("title", title) if title else ("auto", "")
    return (text, "") if text in FORMS else ("auto", "")


def form_of(contact, lang: str, text: str) -> tuple[str, str]:
    """(form, title) a draft's first line was written with, re-derived from the saved text (the
    draft is what is saved; the choice isn't stored apart): "李经理您好：" -> ("title", "经理"),
    "Estimada Sra. García:" -> ("ms", ""); ("auto", "") when no form matches."""
    lines = (text or "").strip().splitlines()
    first_line = lines[0].strip() if lines else ""
    for form in ("auto", "mr", "ms", "full"):
        if first_line == greeting(contact, lang, form):
            return form, ""
    if lang == "zh":
        family, _given = family_name(
            getattr(contact, "first_name", ""), getattr(contact, "last_name", "")
        )
        match = re.fullmatch(re.escape(family) + r"(.{1,20}?)您好[：:！!，,]?", first_line)
        if family and match:
            return "title", match.group(1)
    elif lang == "es":
        surname = first_surname(getattr(contact, "last_name", ""))
        match = re.fullmatch(r"Buenos días, (.{1,20}?) " + re.escape(surname) + ":", first_line)
        if surname and match:
            return "title", match.group(1)
    return "auto", ""


# ----------------------------------------------------------------- the draft's language


def draft_language(contact, language: str | None = None) -> str:
    """The language a draft to ``contact`` is written in: ``language`` when given, else the
    contact's own (``Contact.language``), else the workbook's (``i18n.language()``)."""
    for code in (language, getattr(contact, "language", ""), _in_use()):
        if code in LANGUAGES:
            return code
    return "en"


def draft_length(text: str, lang: str = "en") -> int:
    """R1's measure of a draft: words, or for Chinese its Chinese characters plus the words
    written in other scripts (an English company name counts as one)."""
    if lang != "zh":
        return word_count(text)
    return len(_HAN.findall(text)) + len(re.findall(r"[^\W_]+", _HAN.sub(" ", text)))
