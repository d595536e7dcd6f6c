"""Step 4, the meeting: when, how long, where or how (R4, R8, T6), and what to prepare (Q3, Q5).

Why this module exists: once someone says yes, the practical details decide whether the meeting
goes well. The rules come from docs/method.md:

- R4 the length: 15 to 30 minutes is the polite ask;
- R8 the meeting itself: the time, a neutral public place unless they offered their workplace,
  how they recognise you, the link or number of a call;
- T6 video tools tied to a social network share your personal account;
- Q3 research before the meeting and something to offer in return;
- Q5 etiquette on the day (a small coffee, no bar or meal, keeping to the time).

Pure logic over dataclasses, plus reading and writing the ``meetings`` table through the
workspace's generic methods. Workspace text is untrusted: ``Finding.message`` never contains
user text, and the checklists' texts contain names, to be shown escaped (docs/architecture.md
"Untrusted text").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .clock import zone
from .i18n import N_, _
from .questions import as_int
from .records import MODES, Finding, finding_subject
from .safe import plain_text

__all__ = [
    "MODES",
    "MODE_LABELS",
    "Meeting",
    "check_meeting",
    "current_meeting",
    "load_meetings",
    "save_meeting",
    "start_time",
    "stored_entries",
]

# N_: shown through _() where they are read; the keys are the stored modes.
MODE_LABELS = {"in person": N_("In person"), "video": N_("Video call"), "phone": N_("Phone call")}


# ----------------------------------------------------------------- the meeting (R4, R8, T6)


def _load(value, kind, default):
    """Decode a JSON column into ``kind``.

    Anything else (bad JSON, wrong shape) gives ``default``.
    """
    if isinstance(value, (str, bytes, bytearray)):
        try:
            value = json.loads(value)
        except (ValueError, TypeError, RecursionError):
            return default
    return value if isinstance(value, kind) else default


def _flags(value) -> dict[str, bool]:
    """A checklist column: key -> ticked, keeping only string keys with yes/no values."""
    raw = _load(value, dict, {})
    return {
        k: bool(v)
        for k, v in raw.items()
        if isinstance(k, str) and (isinstance(v, bool) or v in (0, 1))
    }


def stored_entries(value) -> list[dict]:
    """A questions column: entries with text, each with string id, text and theme."""
    out = []
    for item in _load(value, list, []):
        if isinstance(item, dict) and isinstance(item.get("text"), str):
            out.append(
                {
                    key: item.get(key) if isinstance(item.get(key), str) else ""
                    for key in ("id", "text", "theme")
                }
            )
    return out


@dataclass
class Meeting:
    """One agreed meeting (R8): when, how long, where or how, and what you prepared for it."""

    contact_id: int
    starts_at: str = ""  # ISO 8601 with offset
    minutes: int = 30  # R4: 20-30 minutes is the usual ask
    mode: str = "video"  # one of MODES
    place: str = ""  # in person: the address; video: the link or tool; phone: the number
    their_workplace: bool = False  # R8: they offered to meet at their workplace
    recognise: str = ""  # R8: how they will recognise you
    checklist: dict[str, bool] = field(default_factory=dict)  # in_person_checklist keys
    research: dict[str, bool] = field(default_factory=dict)  # research_checklist keys
    notes: str = ""  # Q3: what you found out beforehand
    offer: str = ""  # Q3: something to offer in return
    questions: list[dict] = field(default_factory=list)  # to_entries() form, in order
    cancelled: bool = False
    id: int | None = None

    def to_row(self) -> dict:
        """The ``meetings`` table's columns (without id and timestamps), JSON with accents kept."""
        dump = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731
        return {
            "contact_id": as_int(self.contact_id, 0),
            "starts_at": plain_text(self.starts_at),
            "minutes": as_int(self.minutes, 30),
            "mode": plain_text(self.mode),
            "place": plain_text(self.place),
            "their_workplace": int(bool(self.their_workplace)),
            "recognise": plain_text(self.recognise),
            "checklist": dump(_flags(self.checklist)),
            "research": dump(_flags(self.research)),
            "notes": plain_text(self.notes),
            "offer": plain_text(self.offer),
            "questions": dump(stored_entries(self.questions)),
            "cancelled": int(bool(self.cancelled)),
        }

    @classmethod
    def from_row(cls, row) -> Meeting:
        """Inverse of ``to_row``; never raises: a damaged column falls back to its default."""

        def get(key):
            try:
                return row[key] if row is not None and key in row.keys() else None
            except (KeyError, IndexError, TypeError, AttributeError):
                return None

        mode = get("mode")
        row_id = get("id")
        return cls(
            contact_id=as_int(get("contact_id"), 0),
            starts_at=plain_text(get("starts_at")),
            minutes=as_int(get("minutes"), 30),
            mode=mode if mode in MODES else "video",
            place=plain_text(get("place")),
            their_workplace=bool(as_int(get("their_workplace"), 0)),
            recognise=plain_text(get("recognise")),
            checklist=_flags(get("checklist")),
            research=_flags(get("research")),
            notes=plain_text(get("notes")),
            offer=plain_text(get("offer")),
            questions=stored_entries(get("questions")),
            cancelled=bool(as_int(get("cancelled"), 0)),
            id=None if row_id is None else as_int(row_id, None),
        )


def start_time(value, tz: str) -> datetime | None:
    """``starts_at`` as an aware datetime in ``tz`` (a time without offset is read in ``tz``)."""
    text = plain_text(value).strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    local = zone(tz)
    if parsed.tzinfo is None or parsed.tzinfo.utcoffset(parsed) is None:
        parsed = parsed.replace(tzinfo=local)
    try:
        return parsed.astimezone(local)
    except (OverflowError, ValueError):
        return None


_SOCIAL_RE = re.compile(
    r"\b(?:whats\s?app|wa\.me|facebook|fb\.com|messenger|instagram|snapchat"
    r"|tiktok)\b",
    re.I,
)
# Places and tools in English, Spanish and Chinese (a place is typed in the participant's
# language, or the other person's); Chinese words have no spaces around them, so no \b there.
_VIDEO_TOOL_RE = re.compile(
    r"\b(?:zoom|teams|google\s+meet|meet|webex|skype|jitsi|whereby|facetime"
    r"|gotomeeting|go\s?to\s?meeting|bluejeans|signal|duo|chime|voov|dingtalk|lark|feishu)\b"
    r"|腾讯会议|钉钉|飞书",
    re.I,
)
_LINK_RE = re.compile(
    r"(?:https?://|www\.|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|us|me|ca|co|"
    r"app|edu|gov|uk|de|fr|eu|ly|gl|es|mx|ar|cl|cn)\b)",
    re.I,
)
_HOME_RE = re.compile(
    r"\b(?:home|house|apartment|apt|flat|condo|residence|dorm|my place|"
    r"their place|his place|her place|bedroom"
    r"|mi casa|su casa|tu casa|en casa|domicilio|apartamento|dormitorio)\b"
    r"|家里|住处|住所|公寓|宿舍|我家|他家|她家|您家|卧室",
    re.I,
)
_WORKPLACE_RE = re.compile(
    r"\b(?:office|offices|workplace|headquarters|hq|reception|suite|"
    r"their work|oficinas?|sede|recepción|lugar de trabajo|su trabajo)\b"
    r"|办公室|办公楼|写字楼|总部|前台|单位|公司",
    re.I,
)
_ALCOHOL_MEAL_RE = re.compile(
    r"\b(?:bar|pub|brewery|brewpub|winery|wine|cocktails?|happy hour|"
    r"lunch|dinner|brunch|cervecería|vinoteca|taberna|cantina|copas?|vinos?|almuerzo|"
    r"comida|cena|restaurante)\b"
    r"|酒吧|酒馆|啤酒|红酒|喝酒|午餐|午饭|晚餐|晚饭|饭局|吃饭|饭店|餐厅",
    re.I,
)


def check_meeting(meeting: Meeting, tz: str, now: datetime) -> list[Finding]:
    """R4, R8, T6 (and Q5): what to fix before the meeting, in plain words; never raises.

    R8: a start time is needed (a warning once it is in the past) and a way to meet in a known
    mode. In person means a neutral public place such as a coffee shop unless they offered
    their workplace, and telling them how to recognise you; a video call needs the link or at
    least the tool; a phone call needs the number. R4: 15 to 30 minutes is the polite ask; more
    than 30 is a lot to ask of a stranger (a warning: fine if they offered), and under 10 or
    over 120 is an error. T6: video tools tied to social networks share your personal account,
    so suggest another. Q5: a bar or a meal is not the place for a first conversation. A
    cancelled meeting needs nothing. ``now`` should be aware (a naive one is read as UTC).
    """
    if not isinstance(meeting, Meeting) or meeting.cancelled:
        return []
    found: list[Finding] = []
    now = now if isinstance(now, datetime) else datetime.now(UTC)
    now = now if now.tzinfo is not None else now.replace(tzinfo=UTC)
    add = lambda rule, severity, message, subject="", fix="": found.append(  # noqa: E731
        Finding(rule, severity, message, finding_subject(subject), fix)
    )

    # R8: when
    start = start_time(meeting.starts_at, tz)
    if not plain_text(meeting.starts_at).strip():
        add(
            "R8",
            "error",
            _("Enter the date and time you agreed on."),
            fix=_("Pick the time that suits them best; be flexible, even outside business hours."),
        )
    elif start is None:
        add(
            "R8",
            "error",
            _("This date and time can't be read."),
            meeting.starts_at,
            _("Pick the date and time again."),
        )
    elif start <= now:
        add(
            "R8",
            "warning",
            _("This time is in the past."),
            fix=_("If the meeting happened, record it in step 5; otherwise enter the new time."),
        )

    # R4: how long
    length = as_int(meeting.minutes, 0)
    if not 10 <= length <= 120:
        add(
            "R4",
            "error",
            _("A meeting lasts between 10 and 120 minutes."),
            str(meeting.minutes),
            _("Enter the length you agreed on; 20 to 30 minutes is the usual ask."),
        )
    elif length < 15:
        add(
            "R4",
            "warning",
            _("Under 15 minutes leaves time for only one or two questions."),
            fix=_(
                "If you can, ask for 20 minutes; otherwise pick your two most important questions."
            ),
        )
    elif length > 30:
        add(
            "R4",
            "warning",
            _(
                "More than 30 minutes, and an hour especially, is a lot to ask of "
                "someone who is doing you a favour."
            ),
            fix=_("Fine if they offered the time. Otherwise ask for 20 to 30 minutes."),
        )

    # R8, T6: where and how
    mode = meeting.mode
    place = plain_text(meeting.place).strip()
    if mode not in MODES:
        add(
            "R8",
            "error",
            _("Choose how you will meet: in person, video call or phone call."),
            plain_text(mode),
        )
    elif mode == "in person":
        if not place:
            add(
                "R8",
                "error",
                _("Enter where you will meet."),
                fix=_(
                    "A neutral public place such as a quiet coffee shop, unless they offered "
                    "their workplace."
                ),
            )
        elif _HOME_RE.search(place):
            add(
                "R8",
                "warning",
                _("This sounds like someone's home. Meet in a neutral public place."),
                place,
                _("Suggest a quiet coffee shop or a library near them."),
            )
        elif _WORKPLACE_RE.search(place) and not meeting.their_workplace:
            add(
                "R8",
                "warning",
                _(
                    "This sounds like their workplace. Meet there only if they "
                    "offered it; otherwise a neutral public place is better."
                ),
                place,
                _(
                    "If they offered, tick 'They offered their workplace'; if not, suggest a "
                    "coffee shop near them."
                ),
            )
        if place and _ALCOHOL_MEAL_RE.search(place):
            add(
                "Q5",
                "warning",
                _(
                    "A bar or a meal is not the right setting for a first "
                    "conversation: keep it to a coffee (about $5, you offer to pay)."
                ),
                place,
                _("Suggest a coffee shop instead."),
            )
        if meeting.their_workplace:
            add(
                "R8",
                "info",
                _("Their building may ask for photo ID at reception."),
                fix=_("Bring photo ID and arrive ten minutes early to sign in."),
            )
        if not plain_text(meeting.recognise).strip():
            add(
                "R8",
                "warning",
                _("Tell them how they will recognise you."),
                fix=_(
                    "For example what you will wear, or that you will be at a table near the door."
                ),
            )
    elif mode == "video":
        if not place:
            add(
                "R8",
                "error",
                _("Enter the link of the video call, or at least which tool you will use."),
                fix=_("Paste the meeting link when you have it."),
            )
        elif not (
            _LINK_RE.search(place) or _VIDEO_TOOL_RE.search(place) or _SOCIAL_RE.search(place)
        ):
            add(
                "R8",
                "warning",
                _("This doesn't look like a meeting link or the name of a video tool."),
                place,
                _("Paste the link, or write the tool, such as Zoom, Teams or Google Meet."),
            )
    elif mode == "phone":
        if not place:
            add(
                "R8",
                "error",
                _("Enter the phone number for the call."),
                fix=_("Their number, or yours if they are calling you; note who calls whom."),
            )
        elif sum(ch.isdigit() for ch in place) < 7:
            add(
                "R8",
                "warning",
                _("This doesn't look like a phone number."),
                place,
                _("Write the full number, with the area code."),
            )
    if mode in ("video", "phone") and _SOCIAL_RE.search(place):
        add(
            "T6",
            "warning",
            _(
                "This tool is tied to a social network: it shares your personal "
                "account, and often your phone number or photos, with someone you are meeting "
                "professionally."
            ),
            place,
            _("Suggest a work tool such as Zoom, Teams or Google Meet, or a plain phone call."),
        )
    return found


# ---------------------------------------------------------------- reading and writing the workspace
# These only call the workspace's generic methods; every write is one transaction.
def load_meetings(ws, contact_id: int | None = None) -> list[Meeting]:
    """Meetings (of one contact, or all), oldest first; cancelled ones included."""
    where, params = ("contact_id = ?", (contact_id,)) if contact_id is not None else ("", ())
    return [Meeting.from_row(r) for r in ws.rows("meetings", where, params)]


def current_meeting(ws, contact_id: int) -> Meeting:
    """The contact's latest meeting that isn't cancelled, or a new (unsaved) one."""
    open_ones = [m for m in load_meetings(ws, contact_id) if not m.cancelled]
    return open_ones[-1] if open_ones else Meeting(contact_id=contact_id)


def save_meeting(ws, meeting: Meeting) -> int:
    """Insert or update a meeting; returns its id (set on the object too)."""
    meeting.id = ws.save("meetings", meeting.id, meeting.to_row())
    return meeting.id
