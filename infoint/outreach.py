"""Step 3 of the workbook: compose requests for informational interviews, check them, and send
them at a good time (GUIDE.md R1-R8, with T2, T6 and O5 where they meet).

A first request to a stranger succeeds or fails on a few things the guide spells out: it is
short, it says first how you got their name, it says what you want to learn, it asks a clear
question for 20-30 minutes by phone or video, and it never asks for a job. This module holds
those rules as pure functions over the dataclasses of steps 1 and 2, so the notebook, the app
and the tests judge a draft the same way:

- ``suggested_kind`` picks the kind of draft a contact needs (R6, T2);
- ``compose`` fills a plain-text Jinja2 template (``infoint/templates/<kind>.txt.j2``) from the
  profile, the objective and the contact;
- ``check_request`` reviews any text, the user's own or a composed one (R1-R4, R6, R7, O5);
- ``linkedin_note_findings`` checks the length of a LinkedIn invitation note;
- ``send_time_advice`` says whether now is a good time to send, and when the next one is (R5).

Untrusted text: names, organizations and notes are values handed to the templates, never
template source, so ``{{7*7}}`` or ``{% raw %}`` in a name stays literally what it is. Values
used on one line (all of them; the subject above all) lose newlines and control characters.
Like step 1, checks return ``Finding`` objects instead of raising; user text goes into a
finding's ``subject`` (shortened), never into its ``message``. No widgets, files or network here;
Jinja2 and the spelling list are loaded on first use and cached.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from .objectives import Finding, Objective, Profile, check_email
from .safe import one_line as _one_line
from .safe import plain_text as _text
from .safe import text_list as _as_list
from .targets import CONNECTIONS, MODES, Contact, Organization

__all__ = [
    "DRAFT_KINDS", "DRAFT_LABELS", "LINKEDIN_LIMITS", "WORD_LIMITS", "PHONE_PLACEHOLDER",
    "Draft", "SendAdvice",
    "suggested_kind", "compose", "check_request", "linkedin_note_findings", "send_time_advice",
]

# The drafts step 3 writes: a request in three flavours by connection (T2, R6), then the
# follow-ups of R7 (an email after about a week, then a phone call), and a LinkedIn note (R1).
DRAFT_KINDS: tuple[str, ...] = (
    "request_direct", "request_intro", "request_cold", "follow_up", "voicemail", "linkedin_note",
)
DRAFT_LABELS: dict[str, str] = {
    "request_direct": "Request to someone you know or share a link with",
    "request_intro": "Ask the person you both know to introduce you",
    "request_cold": "Request to someone you have no link with yet",
    "follow_up": "Follow-up after about a week without an answer",
    "voicemail": "Script for a voicemail",
    "linkedin_note": "Note to send with a LinkedIn invitation",
}
LINKEDIN_LIMITS: dict[str, int] = {"free": 200, "premium": 300}  # characters in a note
# R1: (limit, strict limit) in words. Requests: under 100, under 75 is better. An introduction
# request holds two messages (the note to the person you both know, and the paragraph they
# forward), so it gets more room. LinkedIn notes are limited in characters instead.
WORD_LIMITS: dict[str, tuple[int, int]] = {
    "request_direct": (100, 75), "request_cold": (100, 75), "follow_up": (100, 75),
    "voicemail": (100, 75), "request_intro": (175, 150),
}
PHONE_PLACEHOLDER = "[your phone number]"  # R7: the profile has no phone number (yet)

_ERROR, _WARNING, _INFO = "error", "warning", "info"
_TEMPLATES = Path(__file__).resolve().parent / "templates"
_MAX_VALUE = 200  # characters kept from any one value in a draft
_SPELL_MAX_FINDINGS = 10


# ----------------------------------------------------------------- plain text helpers

def _clip(value: str, limit: int = 80) -> str:
    """Shorten user text for a finding's ``subject`` so a huge paste stays readable."""
    return _one_line(value, limit)


def _fold(value: str) -> str:
    """Lower case without accents, typographic apostrophes and dashes made plain."""
    value = value.replace("\u2019", "'").replace("\u2018", "'")
    value = value.replace("\u2013", "-").replace("\u2014", "-").replace("\u2011", "-")
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _utf16_len(text: str) -> int:
    """Length as a browser's text box counts it (UTF-16 units: an emoji counts as two)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _word_count(text: str) -> int:
    """Words separated by white space that hold at least one letter or digit ("20-30" is one)."""
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


# ----------------------------------------------------------------- the draft kinds

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


def _connection(contact: Contact) -> str:
    """T2: first, second or cold. An override wins; "" (not set) is derived as step 2 does.

    Same order as ``targets.Classifier``: someone recorded in ``via`` makes a contact
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

_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
like me more most my myself no nor not now of off on once only or other our ours out over own
same she should so some such than that the their theirs them themselves then there these they
this those through to too under until up very was we were what when where which while who whom
why will with would you your yours yourself
""".split())
# Words that say nothing about a topic: they appear in any request, so they prove nothing (R1).
_GENERIC = _STOP | frozenset("""
work works working worked job jobs role roles career careers field fields industry industries
company companies organization organisation organizations people person someone thing things
learn learning know knowing hear hearing want wants like likes much many well good best better
really also whether especially experience experiences time times year years day days week
weeks make makes made get gets getting got look looks looking find finding think new first
one two three kind sort way ways part parts area areas lot lots need needs someone something
""".split())
_LOWER_STARTS = frozenset("""
how what which whether why who where when if the a an their his her its your my our these those
this that skills skill tools tool culture hiring day daily typical career careers work working
role roles team teams people whatever any some
""".split())
_WH = frozenset("how what which whether why who where when if".split())
_GOAL_PREFIX_RE = re.compile(
    r"^(?:i\s+(?:want|would\s+like|'d\s+like|hope)\s+to\s+|to\s+)?"
    r"(?:learn|know|understand|find\s+out|hear|discover|explore|see)(?:\s+more)?(?:\s+about)?\s+",
    re.IGNORECASE)
_TOPIC_FALLBACK = {  # O1 kind -> what to ask about when no goal fits in a sentence
    "role": "what a typical week in your role looks like",
    "organization": "what it's like to work at {organization}",
    "industry": "how {field} is changing",
    "career_path": "how you got to where you are now",
}
_TOPIC_DEFAULT = "how you got started and what your work involves day to day"
_TOPIC_WORDS = 16


def _stems(text: str) -> set[str]:
    """Comparable word stems: folded words of 2+ letters, minus generic words, lightly stemmed."""
    found = set()
    for word in re.findall(r"[a-z]{2,}", _fold(text)):
        if word in _GENERIC:
            continue
        found.add(_stem(word))
    return found


def _stem(word: str) -> str:
    """A crude stem (plural -s dropped, first six letters) so "researcher" meets "research"."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:6]


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
        text = first.lower() + text[len(first):]
    return text.strip(" ,")


def _topic(objective: Objective, contact: Contact, organization_name: str, industry: str,
           field: str) -> str:
    """R1: the learning goal most relevant to this person, as a short phrase.

    Goals are scored by the words they share with the person's position, alternative titles,
    organization and industry; ties go to the goal listed first (the user's own order). When no
    goal fits in a sentence, a phrase follows from the kind of objective (O1).
    """
    about = " ".join([_text(contact.position), " ".join(_as_list(contact.alt_titles)),
                      organization_name, industry])
    wanted = _stems(about)
    goals = [g for g in _as_list(objective.goals) if g.strip()]
    ranked = sorted(enumerate(goals), key=lambda ig: (-len(_stems(ig[1]) & wanted), ig[0]))
    for _, goal in ranked:
        phrase = _goal_phrase(goal)
        if phrase:
            return phrase
    for kind in _as_list(objective.kinds):
        template = _TOPIC_FALLBACK.get(kind)
        if template is None:
            continue
        if "{organization}" in template and not organization_name:
            continue
        return template.format(organization=organization_name, field=field or "your field")
    return _TOPIC_DEFAULT


def _first_word(name: str) -> str:
    """The first word of a name ("Priya Raman" -> "Priya"), or "" for an empty one."""
    parts = name.split()
    return parts[0] if parts else ""


def _about_me(pitch: str, name: str) -> str:
    """O4 -> R6: one sentence of the pitch for the forwardable paragraph, or "".

    Skips greetings and "I'm <name>" openers (the paragraph already says who you are) and
    sentences too long to forward.
    """
    sentences = re.split(r"(?<=[.!?])\s+", _one_line(pitch, 1200))
    name_key = _fold(name)
    for sentence in sentences:
        folded = _fold(sentence).strip()
        words = len(sentence.split())
        if not folded or words < 5 or words > 40:
            continue
        if re.match(r"(?:hi|hello|hey|dear)\b", folded) or "my name is" in folded:
            continue
        if name_key and name_key in folded and words < 10:
            continue
        return sentence if sentence[-1:] in ".!?" else sentence + "."
    return ""


# ----------------------------------------------------------------- templates

@lru_cache(maxsize=1)
def _env():
    """The Jinja2 environment for plain-text drafts (loaded on first use, then cached).

    Autoescape is off because these are plain text, not HTML; the values never become template
    source, so they cannot run. StrictUndefined turns a missing value into an error in tests
    rather than a silent gap in a message.
    """
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _render_block(kind: str, block: str, values: dict) -> str:
    """One block (subject, body or forwardable) of ``<kind>.txt.j2`` rendered with ``values``."""
    template = _env().get_template(f"{kind}.txt.j2")
    context = template.new_context(values)
    return "".join(template.blocks[block](context))


def _tidy(text: str) -> str:
    """Trailing spaces, doubled spaces and runs of blank lines left by optional parts removed."""
    lines = [re.sub(r"[ \t]{2,}", " ", line).rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _link(contact: Contact, connection: str, org_name: str, field: str) -> dict:
    """R1: which connection sentence opens the message, and the value it names."""
    via = _one_line(contact.via)
    warm = _one_line(contact.warm_reason).rstrip(" .;:,")
    on_linkedin = ("linkedin" in _text(contact.profile_url).lower()
                   or _text(contact.source).strip().lower().startswith("linkedin"))
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
    return {"kind": "search", "value": field or "this field"}


def _values(profile: Profile, objective: Objective, contact: Contact,
            organization: Organization | None, attempt: int) -> dict:
    """Everything a template may use, each value one line of plain text."""
    org_name = _one_line(contact.organization) or _one_line(getattr(organization, "name", ""))
    industry = _one_line(getattr(organization, "industry", ""))
    field = _one_line(objective.field_of_interest)
    roles = [_one_line(r) for r in _as_list(objective.roles) if r.strip()]
    if field:
        explore = f"careers in {field}"
    elif roles:
        explore = f"roles like {roles[0]}"
    else:
        explore = "my next career step"
    first = _one_line(contact.first_name)
    full = _one_line(" ".join([_text(contact.first_name), _text(contact.last_name)]))
    sender = _one_line(profile.name) or "[your name]"
    via = _one_line(contact.via)
    modes = [m.strip().lower() for m in _text(contact.modes).split(",") if m.strip()]
    in_person = contact.local is True and (not modes or MODES[0] in modes)
    connection = _connection(contact)
    return {
        "first": first,
        "them": first or "[their name]",
        "them_full": full or "[their name]",
        "them_full_short": _one_line(full, 40) or "someone you know",
        "position": _one_line(contact.position),
        "organization": org_name,
        "organization_short": _one_line(org_name, 40),
        "explore": explore,
        "short_field": field or (roles[0] if roles else "your field"),
        "topic": _topic(objective, contact, org_name, industry, field),
        "link": _link(contact, connection, org_name, field),
        "via_first": _first_word(via) or "someone we both know",
        "via_greet": _first_word(via),
        "sender": sender,
        "sender_first": _first_word(sender) if profile.name.strip() else sender,
        "about_me": _about_me(profile.pitch, profile.name) or f"I'm exploring {explore}.",
        "in_person": in_person,
        "attempt": attempt,
        "phone": PHONE_PLACEHOLDER,
        "brief": 0,
        "variant": 0,
    }


_CLIPPED = ("first", "them", "them_full", "position", "organization", "explore", "short_field",
            "via_first", "via_greet", "sender", "sender_first", "topic", "about_me")


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
    limit = WORD_LIMITS.get(kind, (100, 75))[0]
    draft = None
    # brief 0: everything; 1: without the sentence on flexible times; 2: without the topic too
    for brief, clip in ((0, None), (1, None), (2, None), (2, 40), (2, 20)):
        current = dict(_clipped(values, clip) if clip else values, brief=brief)
        body = _tidy(_render_block(kind, "body", current))
        forwardable = ""
        if kind == "request_intro":
            forwardable = _tidy(_render_block(kind, "forwardable", current))
        subject = ""
        if kind not in ("voicemail", "linkedin_note"):
            subject = _one_line(_render_block(kind, "subject", current), None)
        draft = Draft(kind, subject, body, to, forwardable)
        if _word_count(body) <= limit:
            break
    return draft


def _compose_linkedin(values: dict, plan: str) -> Draft:
    """A LinkedIn note that always fits the plan's limit: richer variants first, then shorter
    ones with shortened names, then a fixed note; as a last guard, a hard cut."""
    limit = LINKEDIN_LIMITS.get(plan, LINKEDIN_LIMITS["free"])
    attempts = ((0, None), (1, None), (2, None), (0, 40), (1, 40), (2, 40), (1, 20), (2, 20),
                (2, 12), (3, None))
    body = ""
    for variant, clip in attempts:
        current = dict(_clipped(values, clip) if clip else values, variant=variant)
        body = _one_line(_render_block("linkedin_note", "body", current), None)
        if _utf16_len(body) <= limit:
            return Draft("linkedin_note", "", body)
    while _utf16_len(body) > limit - 1:  # unreachable with the shipped template; kept as a guard
        body = body[:-1]
    return Draft("linkedin_note", "", body + "\u2026")


def compose(kind: str, profile: Profile, objective: Objective, contact: Contact,
            organization: Organization | None = None, *, linkedin_plan: str = "free",
            attempt: int = 1) -> Draft:
    """R1, R4, R6, R7, T6: a first draft of ``kind`` for this contact, in plain language.

    Every request opens with the connection (how you got their name), says what you want to
    learn (the goal of step 1 most relevant to their position and organization), and asks a
    clear question for 20-30 minutes by phone or video, offering coffee in person only when
    ``contact.local`` is True. Direct and cold requests stay under 100 words: optional parts
    are dropped, then long names shortened, until they do. ``attempt`` counts the tries: a
    follow-up is attempt 2 (after about a week) or 3 and later (the last one); a voicemail from
    attempt 2 on mentions the email sent before. A LinkedIn note always fits
    ``LINKEDIN_LIMITS[linkedin_plan]`` (an unknown plan counts as "free").

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
    values = _values(profile, objective, contact, organization, attempt)
    if kind == "linkedin_note":
        return _compose_linkedin(values, _text(linkedin_plan).strip().lower())
    to = "" if kind in ("request_intro", "voicemail") else _one_line(contact.email, 320)
    return _compose_email(kind, values, to)


# ----------------------------------------------------------------- LinkedIn note length

def linkedin_note_findings(text: str, plan: str = "free") -> list[Finding]:
    """R1: a LinkedIn invitation note must fit 200 characters (free) or 300 (premium).

    Characters are counted as a browser's text box counts them, so an emoji counts as two. An
    unknown plan is treated as "free", the stricter one.
    """
    limit = LINKEDIN_LIMITS.get(_text(plan).strip().lower(), LINKEDIN_LIMITS["free"])
    text = _text(text)
    count = _utf16_len(text)
    if count > limit:
        return [Finding(
            "R1", _ERROR,
            f"This note has {count} characters; LinkedIn accepts at most {limit} on this plan, "
            f"so {count - limit} would be cut off or the note refused.", _clip(text),
            "Keep the link between you, what you want to learn and the question; drop the rest.")]
    return []


# ----------------------------------------------------------------- check_request patterns

_GREETING_RE = re.compile(
    r"^\s*(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening))\b[^\n!?]{0,80}?"
    r"(?:[,:!\n]|$)")
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+|\n+")

_CONNECTION_RE = re.compile(r"\b(?:" + "|".join([
    r"via", r"introduc\w*", r"recommend\w*", r"referr\w*", r"refer\s+me",
    r"suggest\w*\s+(?:that\s+)?(?:i|me|we|you)\b", r"pointed\s+me",
    r"passed\s+(?:on\s+|along\s+)?your",
    r"gave\s+me\s+your", r"got\s+your\s+(?:name|details|contact|email|address|number)",
    r"your\s+name\s+(?:came|from|was)", r"mentioned\s+(?:you|your)", r"told\s+me\s+about\s+you",
    r"alumn\w*", r"classmates?", r"fellow", r"we\s+met", r"met\s+(?:you|at|in|during)",
    r"we\s+(?:last\s+)?(?:spoke|talked|worked)", r"worked\s+(?:with|together)", r"colleagues?",
    r"connected", r"connection", r"we\s+share", r"in\s+common", r"mutual", r"friend\s+of",
    r"both\s+(?:studied|attended|went|worked|graduated|belong|volunteer\w*)",
    r"same\s+(?:school|university|college|program|programme|club|team|company|class|course)",
    r"member\s+of", r"saw\s+(?:you|your)", r"heard\s+(?:you|your)", r"read\s+your",
    r"came\s+across", r"found\s+(?:your|you)", r"your\s+(?:talk|post|article|blog|podcast|book|"
    r"interview|presentation|panel|newsletter|paper|profile|bio|page|session|webinar|video)",
    r"(?:team|staff|about|company|people|leadership)\s+page", r"website", r"linkedin",
    r"at\s+the\s+(?:event|conference|meetup|fair|workshop|session)",
]) + r")")

_REQUEST_VERB_RE = re.compile(
    r"\b(?:(?:would|could|can|may|might|will)\s+(?:you|we|i)\b|would\s+it\s+be\b"
    r"|(?:are|were)\s+you\s+(?:open|willing|available|free|up\s+for)\b|do\s+you\s+have\b"
    r"|is\s+there\s+(?:a|any)\s+(?:time|chance|way)\b|be\s+(?:open|willing)\s+to\b)")

_TIME_OK_RE = re.compile(
    r"\b(?:(?:10|15|20|25|30|ten|fifteen|twenty|twenty-five|thirty)"
    r"(?:\s*(?:-|to|or)\s*(?:15|20|25|30|fifteen|twenty|twenty-five|thirty))?"
    r"[\s-]*(?:min(?:ute)?s?|mins)\b|half\s+an\s+hour|half-hour|half\s+hour)")
_TIME_TOO_MUCH_RE = re.compile(
    r"\b(?:(?:an?|one|1|full|whole|couple\s+of|few|two|2|several)\s+hours?"
    r"|(?:45|60|90|120|forty-five|sixty|ninety)[\s-]*min(?:ute)?s?"
    r"|lunch(?:es)?|dinners?|drinks?|beers?|a\s+meal|breakfast)\b")

_MODES_RE = re.compile(r"\b(?:phone|telephone|call|calls|video|zoom|teams|google\s+meet|webex"
                       r"|skype|facetime|jitsi)\b")
_SOCIAL_VIDEO_RE = re.compile(r"\b(?:whatsapp|messenger|facebook|instagram|snapchat|tiktok)\b")
_IN_PERSON_RE = re.compile(r"\b(?:in\s+person|in-person|face[\s-]to[\s-]face|coffee|meet\s+up"
                           r"|stop\s+by|drop\s+by|visit\s+(?:you|your)|your\s+office)\b")
_FLEXIBLE_RE = re.compile(r"\b(?:flexible|any\s+(?:day|time)|whenever|suits\s+you|works\s+for\s+you"
                          r"|convenient|your\s+schedule|around\s+your|fit\s+(?:you|your)"
                          r"|best\s+for\s+you|time\s+that\s+suits|early\s+mornings?|evenings?"
                          r"|weekends?)\b")

_JOB = r"(?:jobs?|positions?|roles?|internships?|co-?ops?|openings?|vacanc(?:y|ies)|work)"
_JOB_ASK_RES = (
    re.compile(r"\b(?:hire|hiring|employ|employing|recruit|recruiting|take\s+on|bring\s+on)\s+"
               r"(?:me|someone\s+like\s+me)\b"),
    re.compile(r"\b(?:job|position|role|internship|co-?op|employment)\s+(?:openings?|"
               r"opportunit(?:y|ies)|leads|vacanc(?:y|ies))\b"),
    re.compile(r"\b(?:any|open|available|upcoming|vacant)\s+(?:openings?|positions?|roles?|jobs?"
               r"|vacanc(?:y|ies)|internships?|co-?ops?)\b"),
    re.compile(r"\b(?:openings?|positions?|jobs?|vacanc(?:y|ies)|internships?)\s+"
               r"(?:available|open|going)\b"),
    re.compile(r"\b(?:are|is)\s+(?:you|they|it|(?:your|the)\s+\w+)\s+(?:\w+\s+)?hiring\b"),
    re.compile(r"\b(?:if|whether)\s+(?:you|they|(?:your|the)\s+\w+)\s+(?:is|are|'re|were)\s+"
               r"(?:\w+\s+)?hiring\b"),
    re.compile(r"\b(?:you're|you\s+are|they're|they\s+are)\s+(?:currently\s+|still\s+|now\s+)?"
               r"hiring\b"),
    re.compile(r"\b(?:refer|recommend|put)\s+me\s+(?:for|to|forward\s+for)\s+(?:a|an|the|any|"
               r"your|their)?\s*(?:job|position|opening|role|internship|posting|hiring\s+manager"
               r"|recruiter|hr)\b"),
    re.compile(r"\b(?:job|employee|internal)\s+referrals?\b"),
    re.compile(r"\b(?:get|give\s+me|ask(?:ing)?\s+(?:you\s+)?for|request(?:ing)?|need|want|"
               r"appreciate)\s+(?:a\s+|your\s+)?referral\b(?!\s+to\s+(?:other|more|another|"
               r"someone|people|contacts))"),
    re.compile(r"\b(?:pass|forward|send|share|give|hand|circulate)\s+(?:along\s+|on\s+)?my\s+"
               r"(?:resume|cv|application)\b"),
    re.compile(r"\bmy\s+(?:resume|cv|application)\s+(?:to|along|on\s+to)\s+(?:the\s+|your\s+)?"
               r"(?:hr|hiring|recruit\w*|manager|team)\b"),
    re.compile(r"\b(?:attached|attaching|enclosed|enclosing)\s+(?:is\s+)?my\s+(?:resume|cv)\b"),
    re.compile(r"\bleads?\s+(?:on|for|about)\s+(?:a\s+|any\s+)?" + _JOB + r"\b"),
    re.compile(r"\b(?:looking|searching|applying|hoping|asking)\s+for\s+(?:a\s+|an\s+|any\s+)?"
               r"(?:job|position|internship|role|employment|opening|co-?op)\b"),
    re.compile(r"\bi\s+(?:could|can|might|should)\s+apply\s+(?:for|to)\b"),
    re.compile(r"\b(?:for|get|land|give|offer)\s+me\s+(?:a|an|the)\s+(?:job|position|"
               r"internship|role|interview|offer)\b"),
    re.compile(r"\b(?:job|position|role|internship|opening)\s+for\s+me\b"),
    re.compile(r"\b(?:consider\s+me|keep\s+me\s+in\s+mind|put\s+in\s+a\s+(?:good\s+)?word)\b"),
)

_FLATTERY_STRONG_RE = re.compile(r"\b(?:" + "|".join([
    r"huge\s+fan", r"big(?:gest)?\s+fan", r"biggest\s+admirer", r"geni(?:us|uses)",
    r"legend(?:ary)?",
    r"(?:incredibly|amazingly|insanely|so|super|extremely|unbelievably)\s+talented",
    r"most\s+talented", r"amazing", r"awesome", r"incredible", r"phenomenal", r"extraordinary",
    r"unparalleled", r"world-class", r"rock\s*star", r"idol", r"my\s+hero", r"in\s+awe",
    r"visionary", r"brilliant", r"greatest", r"blown\s+away", r"worship",
    r"the\s+best\s+(?:\w+\s+)?in\s+(?:the\s+)?(?:industry|field|business|world|country|city)",
    r"(?:admire|love)\s+(?:you|your\s+work)\s+so\s+much",
]) + r")\b")
_FLATTERY_MILD_RE = re.compile(
    r"\b((?:so|really|truly|very|incredibly|extremely|absolutely|deeply|hugely)\s+)?"
    r"(inspir(?:ing|ed|ation|ational)|impressive|impressed|admire|admired|admiration|fascinating"
    r"|wonderful|fantastic|remarkable|outstanding)\b")
_FLATTERY_MILD_LIMIT = 3  # one plain compliment = 1, an intensified one = 2

_FIRST_PERSON = frozenset("i me my mine myself i'm i've i'd i'll".split())
_SECOND_PERSON = frozenset("you your yours yourself yourselves you're you've you'd you'll".split())
_PRONOUN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")
_SELF_SHARE = 0.08  # R1: first person above 8% of the words, and more often than "you"

_INTRO_ASK_RE = re.compile(
    r"\b(?:introduc\w*|forward\w*|pass\s+(?:this|it|my|the|these|along|on)\b|put\s+(?:me|us)\s+"
    r"in\s+touch|connect\s+(?:me|us)|share\s+(?:this|my)\s+(?:note|message|email))")
_FOLLOW_UP_REF_RE = re.compile(
    r"\b(?:follow(?:ing)?[\s-]up|my\s+(?:earlier\s+|last\s+|previous\s+|first\s+)?(?:note|message"
    r"|email|e-mail|request|notes|messages|emails)|last\s+week|(?:a|one)\s+week\s+ago"
    r"|wrote\s+(?:to\s+you\s+)?(?:last|a\s+week|earlier|recently)|reached\s+out|sent\s+you"
    r"|circling\s+back|checking\s+in|earlier\s+(?:note|message|email))\b")
_PHONE_RE = re.compile(r"\[your phone number\]|\+?\d[\d\s().-]{6,}\d")


def _sentences(text: str) -> list[str]:
    """The text's sentences (split at . ! ? and line breaks), after a greeting like "Hi Sam,"."""
    body = _GREETING_RE.sub("", text, count=1)
    return [s.strip() for s in _SENTENCE_SPLIT_RE.split(body) if s.strip()]


def _finding_for(rule: str, severity: str, message: str, match: re.Match | None, fix: str,
                 subject: str = "") -> Finding:
    """A finding whose subject is the matched words (shortened)."""
    return Finding(rule, severity, message, _clip(subject or (match.group(0) if match else "")),
                   fix)


# ----------------------------------------------------------------- R3 spelling

@lru_cache(maxsize=1)
def _spell():
    """The offline English word list (pyspellchecker), loaded on the first check only (R3).

    Loaded as a case-sensitive list: pyspellchecker's English list is lower case already, and so is
    every word looked up here, so the words and counts are the same while the 160,000 keys are not
    lower-cased again (over a third of the load, paid in every kernel that checks a draft).
    """
    import gzip
    import json
    import pkgutil

    from spellchecker import SpellChecker

    words = json.loads(gzip.decompress(pkgutil.get_data("spellchecker", "resources/en.json.gz")))
    spell = SpellChecker(language=None, distance=1, case_sensitive=True)
    spell.word_frequency.load_json(words)
    return spell


_DOTTED_RE = re.compile(r"[^\W_]\.[^\W_]")  # "example.org", "e.g": a link or an abbreviation
_MAX_WORD = 30  # longer runs of letters are not words (and would be slow to correct)
_WORD_RE = re.compile(r"\w+(?:'\w+)*")
_PROPER_RE = re.compile(r"\b[A-Z][\w'-]*")  # capitalized words of the pitch: places, schools
_SUFFIX_RE = re.compile(r"(?:'s|'re|'ve|'ll|'d|'m|n't|')$")


def _known_set(values: Iterable[str]) -> set[str]:
    """Lower-case words from names and titles, to be accepted as correctly spelled (R3)."""
    known = set()
    for value in values:
        for word in _WORD_RE.findall(_text(value)[:10_000].replace("\u2019", "'")):
            word = word.casefold()
            known.add(word)
            known.add(_SUFFIX_RE.sub("", word))
    return known


def _suggest(spell, word: str) -> str:
    """The most common known word one edit away, or "" (linear in the word's length)."""
    if len(word) > 20:
        return ""
    candidates = spell.known(spell.edit_distance_1(word))
    if not candidates:
        return ""
    return max(sorted(candidates), key=lambda w: spell.word_usage_frequency(w))


def _add_candidate(original: str, known: set[str], candidates: dict[str, str]) -> None:
    """Record a word to look up (R3) unless it is a name, an acronym, a number or already known."""
    if not original.isascii() or "_" in original or any(c.isdigit() for c in original):
        return
    base = _SUFFIX_RE.sub("", original)
    if not 3 <= len(base) <= _MAX_WORD or any(c.isupper() for c in base[1:]):
        return
    key = base.lower()
    if key in known or original.lower() in known or key in candidates:
        return
    candidates[key] = original


def _typo_findings(text: str, known: set[str]) -> list[Finding]:
    """R3: words not in the English word list, skipping names, acronyms, links and numbers.

    A word is checked when it has three or more ASCII letters, no digit, and no capital letter
    after its first (so "iPhone", "McKinsey" and "NASA" pass). Each distinct word is looked up
    once. Lower-case unknown words with a likely correction are warnings (probably typos); the
    others, capitalized or without a suggestion (probably names or jargon), are info.
    """
    candidates: dict[str, str] = {}
    for chunk in text.replace("\u2019", "'").split():
        if len(chunk) > 2 * _MAX_WORD or "@" in chunk or "://" in chunk or "www." in chunk \
                or _DOTTED_RE.search(chunk):
            continue  # links, addresses and run-on strings are not spelled words
        for token in _WORD_RE.finditer(chunk):
            _add_candidate(token.group(0), known, candidates)
    if not candidates:
        return []
    try:
        spell = _spell()
    except Exception:  # noqa: BLE001 - no word list: say so instead of failing the whole check
        return [Finding("R3", _INFO, "The spelling could not be checked on this computer.",
                        fix="Read the message out loud once before sending it.")]
    unknown = [k for k in candidates if k not in spell]
    found = []
    for key in unknown[:_SPELL_MAX_FINDINGS]:
        original = candidates[key]
        suggestion = _suggest(spell, key)
        capitalized = original[:1].isupper()
        severity = _WARNING if suggestion and not capitalized else _INFO
        message = ("This word isn't in the spelling list. A typo in a first message can make a "
                   "careful person look careless.")
        if capitalized:
            message = ("This word isn't in the spelling list. If it is a name, it is probably "
                       "fine; otherwise check it.")
        fix = (f"Did you mean \u201c{suggestion}\u201d?" if suggestion
               else "Check how it is spelled.")
        found.append(Finding("R3", severity, message, _clip(original, 40), fix))
    if len(unknown) > _SPELL_MAX_FINDINGS:
        found.append(Finding("R3", _INFO,
                             f"{len(unknown) - _SPELL_MAX_FINDINGS} more words are not in the "
                             "spelling list.", fix="Fix the ones above, then check again."))
    return found


# ----------------------------------------------------------------- check_request

def _objective_stems(objective: Objective) -> set[str]:
    """R1: the meaningful words of the objective (roles, field, goals): 4+ letters, not generic."""
    words = " ".join([_text(objective.field_of_interest), *_as_list(objective.roles),
                      *_as_list(objective.goals)])[:20_000]
    return {s for s in _stems(words) if len(s) >= 4}


def _check(text: str, profile: Profile, objective: Objective, contact: Contact | None, kind: str,
           strict: bool, known_words: Iterable[str], sender: str, linkedin_plan: str
           ) -> list[Finding]:
    """All the rules of ``check_request`` in reading order (see there)."""
    found: list[Finding] = []
    if sender:
        found.extend(check_email(sender, profile.name))
    if not text.strip():
        found.insert(0, Finding("R1", _ERROR, "The message is empty.",
                                fix="Start from a composed draft, or write a few sentences."))
        return found
    folded = _fold(text)
    sentences = _sentences(folded)

    # R1 length
    if kind == "linkedin_note":
        found.extend(linkedin_note_findings(text, linkedin_plan))
    else:
        limit, strict_limit = WORD_LIMITS.get(kind, (100, 75))
        words = _word_count(text)
        if words > (strict_limit if strict else limit):
            found.append(Finding(
                "R1", _WARNING,
                f"At {words} words this is longer than "
                f"{strict_limit if strict else limit} words: a busy person reads a first message "
                "on a phone and answers a short one more often.", f"{words} words",
                "Keep the link between you, what you want to learn and the question; cut the "
                "rest."))
        elif words > strict_limit:
            found.append(Finding("R1", _INFO,
                                 f"{words} words is fine; under {strict_limit} is even better.",
                                 f"{words} words", "See if a sentence can go."))

    # R1 connection first (R6 for an introduction request, R7 for a follow-up)
    head = " ".join(sentences[:2])
    if kind == "request_intro":
        if not _INTRO_ASK_RE.search(folded):
            found.append(Finding(
                "R6", _WARNING,
                "It doesn't ask them to introduce you or to forward your note, which is the "
                "point of writing to the person you both know.", fix=(
                    "Ask, for example: 'Would you be willing to introduce us, or to forward the "
                    "note below?'")))
    elif kind == "follow_up":
        if not _FOLLOW_UP_REF_RE.search(folded):
            found.append(Finding(
                "R7", _WARNING,
                "It doesn't mention your first message, so it reads like a new request.",
                _clip(head), "Open with, for example: 'I'm following up on my note from last "
                             "week.'"))
    elif not _CONNECTION_RE.search(head):
        found.append(Finding(
            "R1", _WARNING,
            "The opening doesn't say how you got their name. Saying it first tells them why you "
            "are writing to them in particular, and people answer that more often.", _clip(head),
            "Start with the link, for example: 'Sam Lee suggested I contact you' or 'I found "
            "your name on your team's page'."))

    # R1 what you want to learn, tied to the objective
    wanted = _objective_stems(objective)
    if wanted:
        if not (_stems(folded[:50_000]) & wanted):
            found.append(Finding(
                "R1", _WARNING,
                "It doesn't say what you want to learn: none of the words of your objective "
                "(field, roles or goals) appear in it.",
                fix="Name one thing you want to learn from them, taken from your goals in step 1."))
    elif not re.search(r"\b(?:learn|hear|understand|find\s+out|ask\s+(?:you\s+)?about|curious)\b",
                       folded):
        found.append(Finding(
            "R1", _WARNING, "It doesn't say what you want to learn.",
            fix="Add one sentence on what you hope to learn from them (and fill in step 1)."))

    # R1 a clear question
    questions = [s for s in sentences if "?" in s]
    if not any(_REQUEST_VERB_RE.search(s) for s in questions):
        found.append(Finding(
            "R1", _WARNING,
            "There is no clear question asking for their time. A direct question is easy to "
            "answer with a yes.", fix="Ask, for example: 'Would you be open to a 20-minute "
                                      "phone call next week?'"))

    # R4 how much time
    too_much = _TIME_TOO_MUCH_RE.search(folded)
    if too_much:
        found.append(_finding_for(
            "R4", _WARNING,
            "This asks for a lot of their time (or a meal). Twenty to thirty minutes is easier to "
            "say yes to.", too_much,
            "Ask for 20-30 minutes; they can always offer more, and coffee is enough."))
    elif not _TIME_OK_RE.search(folded):
        found.append(Finding(
            "R4", _WARNING,
            "It doesn't say how much of their time you are asking for. Naming 20-30 minutes shows "
            "you will respect it.", fix="Add it to your question, e.g. 'a 20-minute call'."))

    # R4, T6 how to meet, and when
    if kind not in ("voicemail",) and not _MODES_RE.search(folded):
        found.append(Finding(
            "R4", _INFO, "It doesn't offer a phone or video call, which is the easiest thing to "
                         "say yes to.", fix="Offer both, e.g. 'a short phone or video call'."))
    social = _SOCIAL_VIDEO_RE.search(folded)
    if social:
        found.append(_finding_for(
            "T6", _INFO, "Video tools tied to a social network mix private life and work, and "
                         "not everyone has an account.", social,
            "Offer a phone call or a common video tool instead."))
    in_person = _IN_PERSON_RE.search(folded)
    local = getattr(contact, "local", None) if contact is not None else None
    if in_person and local is False:
        found.append(_finding_for(
            "T6", _INFO, "It offers to meet in person, but they don't seem to be nearby.",
            in_person, "Offer a phone or video call instead."))
    elif not in_person and local is True and kind in ("request_direct", "request_cold",
                                                      "request_intro"):
        found.append(Finding(
            "T6", _INFO, "They are nearby, so you could also offer to meet in person.",
            fix="Add, for example: 'or a coffee near your work, if you prefer'."))
    if kind in ("request_direct", "request_cold", "follow_up") and not _FLEXIBLE_RE.search(folded):
        found.append(Finding(
            "R4", _INFO, "It doesn't say you are flexible about times.",
            fix="Add, for example: 'I can work around your schedule.'"))

    # R2 no job ask, no flattery
    spans: list[tuple[int, int]] = []
    seen_jobs: set[str] = set()
    for pattern in _JOB_ASK_RES:
        if len(spans) >= 5:
            break
        for match in pattern.finditer(folded):
            start, end = match.span()
            words = match.group(0)
            if words in seen_jobs or any(start < e and s < end for s, e in spans):
                continue  # the same words, or words overlapping an ask already reported
            spans.append((start, end))
            seen_jobs.add(words)
            found.append(_finding_for(
                "R2", _ERROR,
                "This asks for a job, an opening or a referral. An informational interview is "
                "only for learning, and asking turns it into an application most people turn "
                "down. If they know of something, they will tell you.", match,
                "Remove it; ask what you want to learn instead, e.g. how people in their role "
                "got hired."))
            if len(spans) >= 5:
                break
    strong = _FLATTERY_STRONG_RE.search(folded)
    mild = list(_FLATTERY_MILD_RE.finditer(folded[:50_000]))
    mild_score = sum(2 if m.group(1) else 1 for m in mild)
    if strong or mild_score >= _FLATTERY_MILD_LIMIT:
        subject = strong.group(0) if strong else ", ".join(dict.fromkeys(m.group(0) for m in mild))
        found.append(Finding(
            "R2", _WARNING,
            "This praise is strong for someone who doesn't know you yet, and can sound "
            "insincere. One honest, specific compliment is plenty.", _clip(subject),
            "Keep one concrete compliment, e.g. what you found useful in a talk or article of "
            "theirs."))

    # R1 more than half about them
    if kind not in ("request_intro",):
        mine = yours = total = 0
        for word in _PRONOUN_RE.findall(folded):
            total += 1
            if word in _FIRST_PERSON:
                mine += 1
            elif word in _SECOND_PERSON:
                yours += 1
        if mine > yours and mine > _SELF_SHARE * total:
            found.append(Finding(
                "R1", _WARNING,
                f"This is mostly about you: {mine} words like 'I' and 'my' against {yours} like "
                "'you' and 'your'. People answer more readily when a request is about them.",
                f"I/me/my: {mine}; you/your: {yours}",
                "Turn a sentence around, e.g. 'Your work on X is what I hope to learn about' "
                "instead of 'I am interested in X'."))

    # R7 a voicemail gives the number twice
    if kind == "voicemail":
        numbers = len(_PHONE_RE.findall(folded))
        if numbers < 2:
            found.append(Finding(
                "R7", _WARNING,
                "A voicemail should give your phone number twice, slowly, so they can write it "
                "down without replaying the message." if numbers else
                "The script doesn't give your phone number.",
                fix="Say your number near the end, then once more: 'Again, that's ...'."))

    # R3 typos
    known = _known_set([
        *_as_list(known_words), profile.name, *_PROPER_RE.findall(_text(profile.pitch)[:10_000]),
        objective.field_of_interest,
        *_as_list(objective.roles), *_as_list(objective.organizations),
        *_as_list(objective.goals),
        *([contact.first_name, contact.last_name, contact.organization, contact.position,
           contact.via, contact.warm_reason, contact.location, *_as_list(contact.alt_titles)]
          if contact is not None else []),
    ])
    found.extend(_typo_findings(text[:100_000], known))
    return found


def check_request(text: str, *, profile: Profile, objective: Objective,
                  contact: Contact | None = None, kind: str = "request_direct",
                  strict: bool = False, known_words: Iterable[str] = (), sender: str = "",
                  linkedin_plan: str = "free") -> list[Finding]:
    """R1-R4, R6, R7, T6, O5: everything to improve in a request before sending it.

    Rules, each a ``Finding`` with the rule id, the reason and what to do:

    - R1 (error) empty; (warning) over the word limit of ``WORD_LIMITS`` (100 words, or 75 with
      ``strict``; every word of the text counts, greeting and sign-off included, since that is
      what the reader scrolls through), or over ``LINKEDIN_LIMITS[linkedin_plan]`` characters
      for a LinkedIn note (error); (info) between 75 and 100 words;
    - R1 (warning) the first two sentences after the greeting don't say how you got their name;
      for a follow-up, R7 (warning) it doesn't mention the first message; for an introduction
      request, R6 (warning) it doesn't ask to introduce you or forward your note;
    - R1 (warning) no word of the objective (field, roles, goals) appears: it doesn't say what
      you want to learn; no clear question (a sentence with "?" and "would you", "could we"...);
      more "I/me/my" than "you/your" and above 8% of the words (not for an introduction request,
      which is about you by nature);
    - R4 (warning) no 20-30 minutes named, or an hour, a meal or drinks asked for; (info) no
      phone or video offered, no flexibility about times; T6 (info) in person offered to someone
      not local, or not offered to someone local, or a social network's video tool;
    - R2 (error) any ask for a job, an opening, a referral to one, or to pass on a resume
      (learning how people get hired is fine); (warning) strong or repeated praise;
    - R7 (warning) a voicemail that doesn't give the number twice;
    - R3 (warning/info) words not in the English word list; names from ``known_words``, the
      profile, the objective and the contact are accepted;
    - O5 the sender address (``sender``), checked by ``objectives.check_email``.

    Never raises: any input (empty, huge, HTML, unicode) gives findings; work is linear in the
    length of the text.
    """
    try:
        profile = profile if isinstance(profile, Profile) else Profile()
        objective = objective if isinstance(objective, Objective) else Objective()
        contact = contact if isinstance(contact, Contact) else None
        kind = kind if kind in DRAFT_KINDS else "request_direct"
        return _check(_text(text), profile, objective, contact, kind, bool(strict),
                      known_words if known_words is not None else (), _text(sender).strip(),
                      _text(linkedin_plan).strip().lower())
    except Exception:  # noqa: BLE001 - a checker must never take the page down
        return [Finding("R1", _INFO, "This message could not be checked completely.",
                        fix="Read it once more yourself before sending.")]


# ----------------------------------------------------------------- R5 when to send

@dataclass(frozen=True)
class SendAdvice:
    """R5: whether now is a good time to send, why in one plain sentence, and the next good time.

    ``next_good`` is an aware datetime in the user's time zone: now, when it is already
    Tuesday or Wednesday between 8:00 and 11:00, else the next Tuesday or Wednesday at 9:00.
    """

    now_ok: bool
    note: str
    next_good: datetime


_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_GOOD_DAYS = (1, 2)  # Tuesday, Wednesday
_MORNING = (8, 11)  # 08:00 <= hour < 11:00
_SEND_HOUR = 9


def _zone(tz: str):
    """The IANA zone named ``tz``, or None when it is empty or unknown."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = _text(tz).strip()
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError, TypeError):
        return None


def _when(moment: datetime) -> str:
    """A local time in plain words, whatever the computer's locale: "Tuesday 10 March, 9:00"."""
    return (f"{_DAY_NAMES[moment.weekday()]} {moment.day} {_MONTH_NAMES[moment.month - 1]}, "
            f"{moment.hour}:{moment.minute:02d}")


def send_time_advice(now: datetime, tz: str) -> SendAdvice:
    """R5: is now a good time to send a request, and when is the next good one?

    Judged in the user's time zone (``tz``, an IANA name; an empty or unknown one counts as UTC,
    and the note says so). A naive ``now`` is read as local time in that zone. Tuesday and
    Wednesday are the best days, mornings best of all; Thursday morning is acceptable; Monday
    (full inboxes), Thursday afternoon, Friday and the weekend (mail gets buried) are not.
    ``next_good`` is correct across daylight-saving changes: 9:00 local on the day, whatever
    the offset.
    """
    zone = _zone(tz)
    prefix = ""
    if zone is None:
        zone = timezone.utc
        prefix = ("Your time zone isn't set or isn't recognised, so these times are in UTC "
                  "(choose it in step 1). ")
    if now.tzinfo is None or now.utcoffset() is None:
        local = now.replace(tzinfo=zone)
    else:
        local = now.astimezone(zone)
    day, hour = local.weekday(), local.hour
    in_morning = _MORNING[0] <= hour < _MORNING[1]

    if day in _GOOD_DAYS and in_morning:
        next_good = local
    else:
        start = 0 if (day in _GOOD_DAYS and hour < _SEND_HOUR) else 1
        next_good = None
        for offset in range(start, 8):
            date = (local + timedelta(days=offset)).date()
            if date.weekday() in _GOOD_DAYS:
                next_good = datetime(date.year, date.month, date.day, _SEND_HOUR, tzinfo=zone)
                break
    next_words = _when(next_good)
    today = _DAY_NAMES[day]

    if day in _GOOD_DAYS and in_morning:
        ok, note = True, (f"{today} morning is one of the best times to send: people have "
                          "settled into the week and aren't yet swamped.")
    elif day in _GOOD_DAYS:
        ok, note = True, (f"{today} is a good day to send. A morning (8 to 11) is even better, "
                          f"as your note lands near the top of the inbox; the next one is "
                          f"{next_words}.")
    elif day == 3 and hour < 12:
        ok, note = True, ("Thursday morning is fine. Tuesday and Wednesday are best, so if it "
                          f"can wait, the next one is {next_words}.")
    elif day == 0:
        ok, note = False, ("On Mondays inboxes are full after the weekend and a new request "
                           f"easily gets lost. Wait for {next_words}.")
    elif day == 3:
        ok, note = False, ("By Thursday afternoon people are wrapping up their week, and new "
                           f"requests get put off. Better: {next_words}.")
    elif day == 4:
        ok, note = False, ("On Fridays people are finishing the week, and a note sent now is "
                           f"often buried by Monday. Better: {next_words}.")
    else:
        ok, note = False, ("Weekend mail piles up and is skimmed on Monday, so a request sent "
                           f"now easily gets lost. Better: {next_words}.")
    return SendAdvice(now_ok=ok, note=prefix + note, next_good=next_good)
