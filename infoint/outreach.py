"""Step 3 of the workbook: compose requests for informational interviews, and send them at a
good time (docs/method.md R1-R8, with T2 and T6 where they meet).

A first request to a stranger succeeds or fails on a few things the guide spells out: it is
short, it says first how you got their name, it says what you want to learn, it asks a clear
question for 20-30 minutes by phone or video, and it never asks for a job. This module writes
drafts that follow those rules, as pure functions over the dataclasses of steps 1 and 2; the
checker that judges any draft by them is ``request_check``:

- ``suggested_kind`` picks the kind of draft a contact needs (R6, T2);
- ``compose`` fills a plain-text Jinja2 template (``infoint/templates/<kind>.txt.j2``) from the
  profile, the objective and the contact;
- ``send_time_advice`` says whether now is a good time to send, and when the next one is (R5).

Drafts are in the recipient's language (``draft_language``) from ``templates/es`` and
``templates/zh``, written natively, within that language's ``LENGTH_LIMITS``.
Untrusted text: names, organizations and notes are values handed to the templates, never
template source, so ``{{7*7}}`` or ``{% raw %}`` in a name stays literally what it is. Values
used on one line (all of them; the subject above all) lose newlines and control characters.
No widgets, files or network here; Jinja2 is loaded on first use and cached.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import salutation
from .i18n import N_, _, using
from .records import CONNECTIONS, MODES, Contact, Draft, Objective, Organization, Profile
from .render import first_word, render_block, tidy
from .safe import one_line as _one_line
from .safe import plain_text as _text
from .safe import text_list as _as_list
from .salutation import draft_language, draft_length
from .text import STOP_WORDS, fold, stem, utf16_len, word_count
from .text_language import text_language

__all__ = [
    "DRAFT_KINDS",
    "DRAFT_LABELS",
    "LENGTH_LIMITS",
    "LINKEDIN_LIMITS",
    "WORD_LIMITS",
    "PHONE_PLACEHOLDER",
    "Draft",
    "suggested_kind",
    "compose",
    "draft_language",
    "draft_length",
    "utf16_len",
    "word_count",
    "word_stems",
]

# The drafts step 3 writes: a request in three flavours by connection (T2, R6), then the
# follow-ups of R7 (an email after about a week, then a phone call), and a LinkedIn note (R1).
DRAFT_KINDS: tuple[str, ...] = tuple(
    "request_direct request_intro request_cold follow_up voicemail linkedin_note".split()
)
DRAFT_LABELS: dict[str, str] = {  # shown with _(): the keys are stored, the labels translated
    "request_direct": N_("Request to someone you know or share a link with"),
    "request_intro": N_("Ask the person you both know to introduce you"),
    "request_cold": N_("Request to someone you have no link with yet"),
    "follow_up": N_("Follow-up after about a week without an answer"),
    "voicemail": N_("Script for a voicemail"),
    "linkedin_note": N_("Note to send with a LinkedIn invitation"),
}
LINKEDIN_LIMITS: dict[str, int] = {"free": 200, "premium": 300}  # characters in a note
# R1: (limit, strict limit) in words. Requests: under 100, under 75 is better. An introduction
# request holds two messages (the note to the person you both know, and the paragraph they
# forward), so it gets more room. LinkedIn notes are limited in characters instead.
WORD_LIMITS: dict[str, tuple[int, int]] = {
    "request_direct": (100, 75),
    "request_cold": (100, 75),
    "follow_up": (100, 75),
    "voicemail": (100, 75),
    "request_intro": (175, 150),
}
# R1 per language of the draft: Spanish says the same in about 15% more words, so 115 (85
# strict) words give the reading time of 100 English ones; Chinese is counted in characters
# (``draft_length``), about two per English word: 200 (150 strict), 350 for an introduction.
_ES_LIMITS = dict.fromkeys(("request_direct", "request_cold", "follow_up", "voicemail"), (115, 85))
_ZH_LIMITS = dict.fromkeys(("request_direct", "request_cold", "follow_up", "voicemail"), (200, 150))
LENGTH_LIMITS: dict[str, dict[str, tuple[int, int]]] = {
    "en": WORD_LIMITS,
    "es": _ES_LIMITS | {"request_intro": (200, 170)},
    "zh": _ZH_LIMITS | {"request_intro": (350, 300)},
}
PHONE_PLACEHOLDER = N_("[your phone number]")  # R7: the profile has no phone number (yet)

_TEMPLATES = Path(__file__).resolve().parent / "templates"


# ----------------------------------------------------------------- the draft kinds


def _connection(contact: Contact) -> str:
    """T2: first, second or cold. An override wins; "" (not set) is derived as step 2 does.

    Same order as ``classification.Classifier``: someone recorded in ``via`` makes a contact
    second-degree (that is what ``via`` records); a contact imported from LinkedIn (``source``
    starting with "linkedin") is first-degree; anyone else is cold.
    """
    chosen = _text(contact.connection).strip().lower()
    if chosen in CONNECTIONS:
        return chosen
    if _text(contact.via).strip():
        return "second"
    return "first" if _text(contact.source).strip().lower().startswith("linkedin") else "cold"


def suggested_kind(contact: Contact) -> str:
    """R6, T2: which draft suits this contact.

    Second-degree contacts get an introduction request to the person you both know (R6);
    first-degree contacts and warm ones (a shared link recorded in ``warm_reason``) get a direct
    request; everyone else gets a cold request, which still opens with where you found them.
    ``connection`` "" means not set: a contact with ``via`` filled in counts as second-degree,
    one imported from LinkedIn as first-degree, any other as cold (as in step 2).
    """
    contact = contact if isinstance(contact, Contact) else Contact()
    connection = _connection(contact)
    if connection == "second":
        return "request_intro"
    if connection == "first" or _text(contact.warm_reason).strip():
        return "request_direct"
    return "request_cold"


# ----------------------------------------------------------------- what you want to learn

# Words that say nothing about a topic: they appear in any request, so they prove nothing (R1).
_GENERIC = STOP_WORDS | frozenset(
    """
work works working worked job jobs role roles career careers field fields industry industries
company companies organization organisation organizations people person someone thing things
learn learning know knowing hear hearing want wants like likes much many well good best better
really also whether especially experience experiences time times year years day days week
weeks make makes made get gets getting got look looks looking find finding think new first
one two three kind sort way ways part parts area areas lot lots need needs someone something
""".split()
)
_LOWER_STARTS = frozenset(
    """
how what which whether why who where when if the a an their his her its your my our these those
this that skills skill tools tool culture hiring day daily typical career careers work working
role roles team teams people whatever any some
""".split()
)
_WH = frozenset("how what which whether why who where when if".split())
_GOAL_PREFIX_RE = re.compile(
    r"^(?:i\s+(?:want|would\s+like|'d\s+like|hope)\s+to\s+|to\s+)?"
    r"(?:learn|know|understand|find\s+out|hear|discover|explore|see)(?:\s+more)?(?:\s+about)?\s+",
    re.IGNORECASE,
)
_TOPIC_FALLBACK = {  # O1 kind -> what to ask about when no goal fits in a sentence
    "role": N_("what a typical week in your role looks like"),
    "organization": N_("what it's like to work at {organization}"),
    "industry": N_("how {field} is changing"),
    "career_path": N_("how you got to where you are now"),
}
_TOPIC_DEFAULT = N_("how you got started and what your work involves day to day")
# A Spanish or Chinese goal loses its "I want to learn" opening too ("Quiero saber", "我想了解").
_ES_PREFIX = re.compile(
    r"^(?:(?:yo\s+)?(?:quiero|quisiera|me\s+gustar[ií]a|espero)\s+)?"
    r"(?:aprender|saber|conocer|entender|descubrir|explorar|averiguar)(?:\s+m[aá]s)?"
    r"(?:\s+(?:sobre|acerca\s+de|de))?\s+",
    re.IGNORECASE,
)
_ES_LOWER = frozenset(
    "cómo como qué que cuál cuáles el la los las su sus mi mis si dónde cuándo".split()
)
_ZH_PREFIX = re.compile(
    r"^(?:我)?(?:想要|想|希望|打算)?(?:深入)?(?:了解|知道|学习|弄清楚|搞清楚|明白)(?:一下)?"
)
_TOPIC_WORDS = 16


def word_stems(text: str) -> set[str]:
    """Comparable word stems: folded words of 2+ letters, minus generic words, lightly stemmed."""
    found = set()
    for word in re.findall(r"[a-z]{2,}", fold(text)):
        if word in _GENERIC:
            continue
        found.add(stem(word))
    return found


def _goal_phrase(goal: str) -> str:
    """A goal shortened to a phrase that reads after "especially", or "" if it can't be.

    Keeps the part before a colon, semicolon, dash or bracket; drops a leading "learn about";
    cuts at a comma if still long; gives up above 16 words (the fallback is used instead).
    """
    text = _one_line(goal, 400)
    text = re.split(r"[:;(\[]|\s[-\u2013\u2014]\s|[.?!](?:\s|$)", text, maxsplit=1)[0].strip()
    text = _GOAL_PREFIX_RE.sub("", text).strip(" ,.-")
    words = text.split()
    if len(words) > _TOPIC_WORDS:
        head = " ".join(words[:_TOPIC_WORDS])
        text = head[: head.rfind(",")] if "," in head else ""
        words = text.split()
    if len(words) < 2 or len(words) > _TOPIC_WORDS:
        return ""
    first = words[0]
    if first[:1].isupper() and first[1:].islower() and first.lower() in _LOWER_STARTS:
        text = first.lower() + text[len(first) :]
    return text.strip(" ,")


def _goal_phrase_in(goal: str, lang: str) -> str:
    """``_goal_phrase`` for a goal in the draft's language: Spanish by words (2-16), Chinese
    by characters (4-30), English as ``_goal_phrase``; "" when it isn't in that language."""
    if lang not in ("es", "zh"):
        return _goal_phrase(goal)
    text = _one_line(goal, 400)
    if text_language(text, lang) != lang:
        return ""
    text = re.split(r"[:;：；(（\[]|\s[-\u2013\u2014]\s|[.?!](?:\s|$)|[。？！]", text, maxsplit=1)[
        0
    ]
    text = text.strip(" ,，.、")
    if lang == "zh":
        text = _ZH_PREFIX.sub("", text).strip(" ，、")
        return text if 4 <= len(text) <= 30 else ""
    text = _ES_PREFIX.sub("", text).strip(" ,.-")
    words = text.split()
    if not 2 <= len(words) <= _TOPIC_WORDS:
        return ""
    if words[0].lower() in _ES_LOWER:
        text = words[0].lower() + text[len(words[0]) :]
    return text


def _topic(
    objective: Objective,
    contact: Contact,
    organization_name: str,
    industry: str,
    field: str,
    lang: str = "en",
) -> str:
    """R1: the learning goal most relevant to this person, as a short phrase.

    Goals are scored by the words they share with the person's position, alternative titles,
    organization and industry; ties go to the goal listed first (the user's own order). When no
    goal fits in a sentence, a phrase follows from the kind of objective (O1).
    """
    about = " ".join(
        [
            _text(contact.position),
            " ".join(_as_list(contact.alt_titles)),
            organization_name,
            industry,
        ]
    )
    wanted = word_stems(about)
    goals = [g for g in _as_list(objective.goals) if g.strip()]
    ranked = sorted(enumerate(goals), key=lambda ig: (-len(word_stems(ig[1]) & wanted), ig[0]))
    for _i, goal in ranked:
        phrase = _goal_phrase_in(goal, lang)
        if phrase:
            return phrase
    for kind in _as_list(objective.kinds):
        template = _TOPIC_FALLBACK.get(kind)
        if template is None:
            continue
        if "{organization}" in template and not organization_name:
            continue
        return _(template).format(organization=organization_name, field=field or _("your field"))
    return _(_TOPIC_DEFAULT)


def _about_me(pitch: str, name: str, lang: str = "en") -> str:
    """O4 -> R6: one sentence of the pitch for the forwardable paragraph, or "".

    Skips greetings and "I'm <name>" openers (the paragraph already says who you are) and
    sentences too long to forward.
    """
    sentences = re.split(r"(?<=[.!?])\s+", _one_line(pitch, 1200))
    name_key = fold(name)
    for sentence in sentences:
        folded = fold(sentence).strip()
        words = len(sentence.split())
        if not folded or words < 5 or words > 40:
            continue
        if re.match(r"(?:hi|hello|hey|dear)\b", folded) or "my name is" in folded:
            continue
        if name_key and name_key in folded and words < 10:
            continue
        if lang != "en" and text_language(sentence, "en") != lang:
            continue  # the paragraph is in their language: a sentence in another one won't do
        return sentence if sentence[-1:] in ".!?" else sentence + "."
    return ""


# ----------------------------------------------------------------- templates


def template_name(kind: str, lang: str = "en") -> str:
    """A kind's template in a language: ``es/<kind>.txt.j2``, ``zh/...``, else ``<kind>.txt.j2``."""
    return f"{lang}/{kind}.txt.j2" if lang in ("es", "zh") else f"{kind}.txt.j2"


def _render_block(kind: str, block: str, values: dict) -> str:
    """One block (subject, body, forwardable) in the draft's language, with ``values``."""
    return render_block(template_name(kind, values.get("lang", "en")), block, values)


def _link(contact: Contact, connection: str, org_name: str, field: str) -> dict:
    """R1: which connection sentence opens the message, and the value it names."""
    via = _one_line(contact.via)
    warm = _one_line(contact.warm_reason).rstrip(" .;:,")
    on_linkedin = "linkedin" in _text(contact.profile_url).lower() or _text(
        contact.source
    ).strip().lower().startswith("linkedin")
    if via:
        return {"kind": "via", "value": via}
    if warm:
        return {"kind": "warm", "value": warm}
    if connection == "first":
        return {"kind": "linkedin" if on_linkedin else "known", "value": ""}
    if on_linkedin:
        return {"kind": "profile", "value": ""}
    if org_name:
        return {"kind": "website", "value": org_name}
    return {"kind": "search", "value": field or _("this field")}


def _values(
    profile: Profile,
    objective: Objective,
    contact: Contact,
    organization: Organization | None,
    attempt: int,
    lang: str = "en",
    address: tuple[str, str] = ("auto", ""),
) -> dict:
    """Everything a template may use, one line of plain text each, in ``using(lang)``."""
    org_name = _one_line(contact.organization) or _one_line(getattr(organization, "name", ""))
    industry = _one_line(getattr(organization, "industry", ""))
    field = _one_line(objective.field_of_interest)
    roles = [_one_line(r) for r in _as_list(objective.roles) if r.strip()]
    if field:
        explore = _("careers in {field}").format(field=field)
    elif roles:
        explore = _("roles like {role}").format(role=roles[0])
    else:
        explore = _("my next career step")
    first = _one_line(contact.first_name)
    full = _one_line(salutation.name_in(contact, lang))  # 李伟 in every language, family first
    if lang == "zh":  # a Chinese note never calls them by 伟 alone
        first = _one_line(salutation.addressee(contact, address[0], title=address[1]))
    sender = _one_line(profile.name) or _("[your name]")
    via = _one_line(contact.via)
    modes = [m.strip().lower() for m in _text(contact.modes).split(",") if m.strip()]
    in_person = contact.local is True and (not modes or MODES[0] in modes)
    connection = _connection(contact)
    return {
        "lang": lang,
        "greeting": _one_line(
            salutation.greeting(
                contact, lang, address[0], title=address[1], warm=connection == "first"
            )
        ),
        "addressee": first,
        "first": first,
        "them": first or _("[their name]"),
        "them_full": full or _("[their name]"),
        "them_full_short": _one_line(full, 40) or _("someone you know"),
        "position": _one_line(contact.position),
        "organization": org_name,
        "organization_short": _one_line(org_name, 40),
        "explore": explore,
        "short_field": field or (roles[0] if roles else _("your field")),
        "topic": _topic(objective, contact, org_name, industry, field, lang),
        "link": _link(contact, connection, org_name, field),
        "via_first": first_word(via) or _("someone we both know"),
        "via_greet": first_word(via),
        "sender": sender,
        "sender_first": first_word(sender) if profile.name.strip() else sender,
        "about_me": _about_me(profile.pitch, profile.name, lang)
        or _("I'm exploring {explore}.").format(explore=explore),
        "in_person": in_person,
        "attempt": attempt,
        "phone": _(PHONE_PLACEHOLDER),
        "brief": 0,
        "variant": 0,
    }


_CLIPPED = tuple(
    "first them them_full position organization explore short_field via_first via_greet "
    "sender sender_first addressee topic about_me".split()
)


def _clipped(values: dict, limit: int) -> dict:
    """The same values with each name-like one cut to ``limit`` characters (for tight fits)."""
    out = dict(values)
    for key in _CLIPPED:
        out[key] = _one_line(values[key], limit)
    link = dict(values["link"])
    link["value"] = _one_line(link["value"], limit)
    out["link"] = link
    return out


def _compose_email(kind: str, values: dict, to: str) -> Draft:
    """Render an email-like draft, shortening optional parts until it fits the word limit (R1)."""
    lang = values.get("lang", "en")
    limit = LENGTH_LIMITS.get(lang, WORD_LIMITS).get(kind, WORD_LIMITS.get(kind, (100, 75)))[0]
    draft = None
    # brief 0: everything; 1: without the sentence on flexible times; 2: without the topic too
    for brief, clip in ((0, None), (1, None), (2, None), (2, 40), (2, 20)):
        current = dict(_clipped(values, clip) if clip else values, brief=brief)
        body = tidy(_render_block(kind, "body", current))
        forwardable = ""
        if kind == "request_intro":
            forwardable = tidy(_render_block(kind, "forwardable", current))
        subject = ""
        if kind not in ("voicemail", "linkedin_note"):
            subject = _one_line(_render_block(kind, "subject", current), None)
        draft = Draft(kind, subject, body, to, forwardable)
        if draft_length(body, lang) <= limit:
            break
    return draft


def _compose_linkedin(values: dict, plan: str) -> Draft:
    """A LinkedIn note that always fits the plan's limit: richer variants first, then shorter
    ones with shortened names, then a fixed note; as a last guard, a hard cut."""
    limit = LINKEDIN_LIMITS.get(plan, LINKEDIN_LIMITS["free"])
    # fmt: off
    attempts = ((0, None), (1, None), (2, None), (0, 40), (1, 40), (2, 40),
                (1, 20), (2, 20), (2, 12), (3, None))
    # fmt: on
    body = ""
    for variant, clip in attempts:
        current = dict(_clipped(values, clip) if clip else values, variant=variant)
        body = _one_line(_render_block("linkedin_note", "body", current), None)
        if utf16_len(body) <= limit:
            return Draft("linkedin_note", "", body)
    while utf16_len(body) > limit - 1:  # unreachable with the shipped template; kept as a guard
        body = body[:-1]
    return Draft("linkedin_note", "", body + "\u2026")


def compose(
    kind: str,
    profile: Profile,
    objective: Objective,
    contact: Contact,
    organization: Organization | None = None,
    *,
    linkedin_plan: str = "free",
    attempt: int = 1,
    language: str | None = None,
    address: str = "auto",
    title: str = "",
) -> Draft:
    """R1, R4, R6, R7, T6: a first draft of ``kind`` for this contact, in plain language.

    Every request opens with the connection (how you got their name), says what you want to
    learn (the goal of step 1 most relevant to their position and organization), and asks a
    clear question for 20-30 minutes by phone or video, offering coffee in person only when
    ``contact.local`` is True. Direct and cold requests stay under 100 words: optional parts
    are dropped, then long names shortened, until they do. ``attempt`` counts the tries: a
    follow-up is attempt 2 (after about a week) or 3 and later (the last one); a voicemail from
    attempt 2 on mentions the email sent before. A LinkedIn note always fits
    ``LINKEDIN_LIMITS[linkedin_plan]`` (an unknown plan counts as "free").
    In ``draft_language(contact, language)``; ``address`` (``salutation.FORMS``, ``title``
    for "title") is how a Spanish or Chinese draft greets them (English: "Hi <first>,").

    Values are one line of plain text each and never template code. Raises ValueError only for
    a ``kind`` outside ``DRAFT_KINDS``.
    """
    if kind not in DRAFT_KINDS:
        raise ValueError(f"Unknown draft kind {kind!r}; choose one of {', '.join(DRAFT_KINDS)}.")
    profile = profile if isinstance(profile, Profile) else Profile()
    objective = objective if isinstance(objective, Objective) else Objective()
    contact = contact if isinstance(contact, Contact) else Contact()
    try:
        attempt = max(1, int(attempt))
    except (TypeError, ValueError):
        attempt = 1
    if kind == "follow_up":
        attempt = max(2, attempt)
    lang = draft_language(contact, language)
    form = address if address in salutation.FORMS else "auto"
    with using(lang):
        values = _values(
            profile, objective, contact, organization, attempt, lang, (form, _text(title))
        )
        if kind == "linkedin_note":
            return _compose_linkedin(values, _text(linkedin_plan).strip().lower())
        to = "" if kind in ("request_intro", "voicemail") else _one_line(contact.email, 320)
        return _compose_email(kind, values, to)
