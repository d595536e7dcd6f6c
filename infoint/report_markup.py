"""The advisor report's markup: small HTML builders that escape everything they are given.

Only constant markup is written here; every value passes ``safe.escape`` (or ``safe.link``).
Tables stop at ``MAX_ROWS`` rows and say so; long notes are shortened at ``MAX_TEXT``.
"""

from __future__ import annotations

import re
from datetime import datetime

from . import i18n, pipeline, stages
from . import targets as tg
from .charts import bar_chart
from .i18n import N_, NP_, _, ngettext
from .progress import pipeline_settings
from .records import Objective, Plan, Profile
from .safe import escape, safe_url

MAX_ROWS = 50  # rows per table: a report is read by a person, not scrolled through 30,000 rows
MAX_TEXT = 5000  # characters kept from one note (a 100,000-character paste stays readable)


def text_html(value) -> str:
    """Escaped text, shortened past MAX_TEXT characters; line breaks kept."""
    value = "" if value is None else str(value)
    if len(value) > MAX_TEXT:
        value = value[: MAX_TEXT - 1] + "\u2026 " + _("(shortened)")
    return escape(value).replace("\n", "<br>")


def paragraph(text: str) -> str:
    """A paragraph of already escaped text."""
    return f"<p>{text}</p>"


def none_yet(what: str) -> str:
    """The note a section shows when there is nothing yet."""
    return f"<p class='ii-report-empty'>{escape(what)}</p>"


def html_list(items, ordered: bool = False) -> str:
    """A list of already escaped items."""
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


def html_table(caption: str, head: list[str], rows: list[list[str]]) -> str:
    """A table whose first cell per row is its header; cells are already-escaped HTML.

    At most MAX_ROWS rows, and the caption says how many there are in all.
    """
    shown = rows[:MAX_ROWS]
    more = (
        " " + _("(the first {shown} of {total})").format(shown=len(shown), total=len(rows))
        if len(rows) > len(shown)
        else ""
    )
    head_html = "".join(f"<th scope='col'>{escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + f"<th scope='row'>{row[0]}</th>"
        + "".join(f"<td>{cell}</td>" for cell in row[1:])
        + "</tr>"
        for row in shown
    )
    return (
        f"<table class='ii-report-table'><caption>{escape(caption)}{escape(more)}</caption>"
        f"<thead><tr>{head_html}</tr></thead><tbody>{body}</tbody></table>"
    )


# A reply's answer as step 3's page names it (``ui.outreach``); the workbook stores the code.
ANSWER_LABELS = {"yes": N_("yes"), "no": N_("no"), "later": N_("ask me later")}


def answer_label(code) -> str:
    """The answer in the language in use ("later" is "ask me later"); an unknown code as it is."""
    label = ANSWER_LABELS.get(str(code))
    return _(label) if label else str(code)


def with_detail(text: str, detail: str) -> str:
    """ "text (detail)" in the language in use (full-width brackets in Chinese); just the text
    when there is no detail."""
    return _("{text} ({detail})").format(text=text, detail=detail) if detail else text


def fact_table(pairs: list[tuple[str, str]]) -> str:
    """A definition list of (label, escaped HTML value)."""
    return (
        "<dl class='ii-report-facts'>"
        + "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in pairs)
        + "</dl>"
    )


def chart_block(rows, title: str, compare=None, names=None) -> str:
    """``charts.bar_chart`` (inline SVG, labels escaped there) under a visible title; ``names``
    (untranslated msgids, the chart translates them) say what its two bars are."""
    extra = {} if names is None else {"names": names}
    return (
        f"<div class='ii-report-chart'><p><strong>{escape(title)}</strong></p>"
        f"{bar_chart(rows, title, compare=compare, **extra)}</div>"
    )


# A day in a table, per language (Babel patterns): "mar 10 mar 2026", "2026年3月10日周二".
_DATE = {"es": "EEE d MMM y", "zh": "y年M月d日EEE"}


def date_text(moment: datetime | None, tz) -> str:
    """A day in the user's zone ("Tue 10 Mar 2026"), or ""."""
    if moment is None:
        return ""
    local = moment.astimezone(tz)
    if i18n.language() == "en":
        return f"{local:%a %d %b %Y}"
    return i18n.format_date(local, _DATE.get(i18n.language(), "EEE d MMM y"))


def time_text(moment: datetime | None, tz) -> str:
    """A day and clock time in the user's zone, or ""."""
    if moment is None:
        return ""
    local = moment.astimezone(tz)
    if i18n.language() == "en":
        return f"{local:%a %d %b %Y, %H:%M}"
    return i18n.spoken(local, year=True)


def progress_line(parts: list[tuple[str, bool]]) -> str:
    """ "n of m parts done" for one step's parts."""
    return html_list(f"{'&#10003;' if ok else '&#9675;'} {escape(name)}" for name, ok in parts)


class ReportData:
    """Everything the sections need, read once from the workspace."""

    def __init__(self, ws, now: datetime):
        self.ws = ws
        self.now = now
        self.profile = Profile.from_row(ws.get_row("profile"))
        row = ws.get_row("objective")
        self.objective_saved = row is not None
        self.objective = Objective.from_row(row) if row else Objective(plan=Plan(0, 0, 0, 0, 0, 0))
        self.settings = pipeline_settings(ws)
        self.tz = pipeline.zone(self.settings.tz)
        self.contacts = {c.id: c for c in tg.load_contacts(ws)}
        self.events = stages.group_by_contact(stages.events_from_rows(ws.events()))

    def name(self, contact_id) -> str:
        """The full name of a contact by id, or a stand-in for one that is gone."""
        contact = self.contacts.get(contact_id)
        return contact.full_name if contact else _("(unknown contact)")


# The report's column headers, each written once: ``columns("person organization stage")``.
COLUMNS = {
    "org": N_("Organization"),
    "industry": N_("Industry"),
    "size": N_("Size"),
    "location": N_("Location"),
    "interest": N_("Interest"),
    "openings": N_("Openings"),
    "contact_there": N_("A contact there"),
    "website": N_("Website"),
    "notes": N_("Notes"),
    "person": N_("Person"),
    "job_title": N_("Job title"),
    "connection": N_("Connection"),
    "seniority": N_("Seniority"),
    "stage": N_("Stage"),
    "why_them": N_("Why them"),
    "attempts": N_("Attempts"),
    "first_asked": N_("First asked"),
    "answer": N_("Answer"),
    "next": N_("Next"),
    "with": N_("With"),
    "when": N_("When"),
    "how": N_("How"),
    "questions_in_order": N_("Questions, in order"),
    "research": N_("Research"),
    "offer_in_return": N_("Offer in return"),
    "role": N_("Role"),
    "role_fit": N_("Role fit"),
    "organization_fit": N_("Organization fit"),
    "insights": N_("Insights"),
    "met": NP_("date", "Met"),  # over the day they met, not the stage
    "thank_you_note": N_("Thank-you note"),
    "introducer_thanked": N_("Introducer thanked"),
    "updates_sent": N_("Updates sent"),
    "next_update": N_("Next update"),
}


def columns(keys: str) -> list[str]:
    """The headers named by ``keys`` (keys of ``COLUMNS``), in the language in use."""
    return [_(COLUMNS[k]) for k in keys.split()]


def _h3(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _percent(share: float) -> str:
    """25% as the English report has always said it, else per language (Babel)."""
    return f"{share:.0%}" if i18n.language() == "en" else i18n.format_percent(share)


def _decimal(value: float) -> str:
    return f"{value:.1f}" if i18n.language() == "en" else i18n.format_number(round(value, 1))


def long_list_caption(total: int, shown: int) -> str:
    """The long list's caption: how many organizations, how many shown."""
    return ngettext(
        "The long list, best first ({total} organization; the top {shown} shown)",
        "The long list, best first ({total} organizations; the top {shown} shown)",
        total,
    ).format(total=total, shown=shown)


# ----------------------------------------------------------------- the page's last passes

# What the sanitizer keeps (everything else is shown as text); no style attributes, no images.
_TAGS = frozenset(
    """
a abbr b blockquote br caption code dd div dl dt em h1 h2 h3 h4 i li ol p pre small span strong
table tbody td tfoot th thead tr ul svg rect text title
""".split()
)
_ATTRIBUTES = {
    "*": ["class", "id"],
    "a": ["href", "title", "target", "rel"],
    "abbr": ["title"],
    "th": ["scope", "colspan", "rowspan"],
    "td": ["colspan", "rowspan"],
    "svg": ["role", "aria-label", "width", "height", "viewBox", "viewbox"],
    "rect": ["x", "y", "width", "height", "fill", "stroke", "stroke-dasharray"],
    "text": ["x", "y", "fill"],
}
_PROTOCOLS = ["https", "mailto"]


def _clean_html(element) -> str:
    """nbconvert's ``clean_html`` filter, with this report's allowlist (bleach, imported here)."""
    import bleach

    value = element.decode() if isinstance(element, bytes) else str(element)
    return bleach.clean(
        value,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        protocols=_PROTOCOLS,
        strip=False,
        strip_comments=True,
    )


_LOADING = {
    "script",
    "link",
    "iframe",
    "frame",
    "object",
    "embed",
    "base",
    "img",
    "image",
    "audio",
    "video",
    "source",
    "track",
    "picture",
    "form",
    "input",
    "button",
    "use",
    "foreignobject",
    "noscript",
    "template",
}
_URL_ATTRS = {
    "src",
    "srcset",
    "href",
    "xlink:href",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "ping",
    "manifest",
    "codebase",
    "cite",
    "longdesc",
    "lowsrc",
    "dynsrc",
}
_REMOTE_CSS = re.compile(r"@import|url\(\s*['\"]?(?!data:|#)", re.I)
_CSS_IMPORT = re.compile(r"@import\b[^;]*;?", re.I)
_CSS_REMOTE_URL = re.compile(r"url\(\s*(?!['\"]?(?:data:|#))[^)]*\)", re.I)


def _offline(html: str) -> str:
    """The page with anything that could load or run removed: scripts, frames, embeds, event
    handlers, non-link URLs and remote CSS. The template has none; this holds if that changes."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        name = tag.name.lower()
        if name in _LOADING or (name == "meta" and tag.get("http-equiv", "").lower() == "refresh"):
            tag.decompose()
            changed = True
            continue
        for attr in list(tag.attrs):
            key = attr.lower()
            value = tag.attrs[attr]
            value = " ".join(value) if isinstance(value, list) else str(value)
            if key.startswith("on") or key == "style" and _REMOTE_CSS.search(value):
                del tag.attrs[attr]
                changed = True
            elif key in _URL_ATTRS and not (name == "a" and key == "href" and _allowed_href(value)):
                del tag.attrs[attr]
                changed = True
        if name == "style" and _REMOTE_CSS.search(tag.get_text()):
            tag.string = _CSS_REMOTE_URL.sub("none", _CSS_IMPORT.sub("", tag.get_text()))
            changed = True
    return str(soup) if changed else html


def _allowed_href(value: str) -> bool:
    """An in-page anchor, or an https:/mailto: link."""
    return value.startswith("#") or safe_url(value) is not None


_STYLE_BLOCK = re.compile(r"(<style\b.*?</style\s*>)", re.I | re.S)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def _finish(html: str) -> str:
    """Two last touches. CSS comments go (JupyterLab's cite URLs there; with them gone, every
    "http" left in the page is a link's address). In the body's markup, outside <style>, ``$``
    becomes ``&#36;`` again (nbconvert's serializer had turned the entity back into ``$``), so
    no math renderer that might ever see the page reads "$5M and $10M" as a formula."""
    out, in_body = [], False
    for i, part in enumerate(_STYLE_BLOCK.split(html)):
        if i % 2:
            out.append(_CSS_COMMENT.sub("", part))
            continue
        if not in_body:
            head, sep, body = part.partition("<body")
            in_body = bool(sep)
            out.append(head + sep + body.replace("$", "&#36;"))
        else:
            out.append(part.replace("$", "&#36;"))
    return "".join(out)
