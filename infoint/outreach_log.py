"""Step 3's actions: the user's own drafts, and the log of what was sent and answered.

Each function is one user action and writes in one transaction (``Workspace.transaction``
nests, so an action may call another). Pages call these; they build no SQL and no event data
themselves. Step 6 keeps its thank-you drafts in the same table (``load_draft``, ``save_draft``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from .events import (
    ANSWERS,
    CALL_MADE,
    FOLLOW_UP_SENT,
    INTRO_REQUESTED,
    MOVED_ON,
    REOPENED,
    REPLY,
    REQUEST_SENT,
)
from .records import Contact, Draft
from .safe import plain_text as _text

__all__ = [
    "SENT_EVENTS",
    "PERSON_SETTING",
    "SETTINGS",
    "SavedDraft",
    "known_words",
    "load_draft",
    "load_setting",
    "log_answer",
    "log_call",
    "log_sent",
    "move_on",
    "reopen",
    "save_draft",
    "save_setting",
]

# What "I sent it" records for each kind of draft (R6, R7): the event and the channel.
SENT_EVENTS = {
    "request_direct": (REQUEST_SENT, "email"),
    "request_cold": (REQUEST_SENT, "email"),
    "request_intro": (INTRO_REQUESTED, "email"),
    "follow_up": (FOLLOW_UP_SENT, "email"),
    "voicemail": (CALL_MADE, "phone"),
    "linkedin_note": (REQUEST_SENT, "linkedin"),
}

# The step's stored choices (workspace facts): the 3B7 routine (R7), the strict checker, the
# LinkedIn plan.
SETTINGS = ("pipeline.mode_3b7", "outreach.strict", "outreach.linkedin_plan")
# And per person: the language a draft is written in, per kind ("outreach.language.<id>.<kind>",
# the draft editor's), and how to address them ("outreach.address.<id>", ``salutation``).
PERSON_SETTING = re.compile(r"outreach\.(?:language\.\d+\.[a-z_]+|address\.\d+)")


def _known_setting(key: str) -> bool:
    return key in SETTINGS or (isinstance(key, str) and PERSON_SETTING.fullmatch(key) is not None)


@dataclass(frozen=True)
class SavedDraft:
    """The user's own wording of one message, and when it was last saved (ISO, UTC)."""

    draft: Draft
    saved_at: str


def load_draft(ws, contact_id: int, kind: str) -> SavedDraft | None:
    """The user's saved wording for one person and kind of message, or None."""
    rows = ws.query(
        "SELECT subject, body, forwardable, updated_at FROM drafts "
        "WHERE contact_id = ? AND kind = ?",
        (contact_id, kind),
    )
    if not rows:
        return None
    row = rows[0]
    draft = Draft(
        kind=kind,
        subject=_text(row["subject"]),
        body=_text(row["body"]),
        forwardable=_text(row["forwardable"]),
        to=_text(ws.get_meta(_to_key(contact_id, kind)) or ""),
    )
    return SavedDraft(draft, _text(row["updated_at"]))


def _to_key(contact_id: int, kind: str) -> str:
    # The address the user typed for one draft: a workbook fact beside the drafts table.
    return f"draft.to.{int(contact_id)}.{kind}"


def save_draft(
    ws,
    contact_id: int,
    kind: str,
    subject: str,
    body: str,
    forwardable: str = "",
    to: str | None = None,
) -> None:
    """Keep the user's edits for one person and kind (one row each, replaced on every save),
    and the address they typed when ``to`` is given."""
    values = {"subject": _text(subject), "body": _text(body), "forwardable": _text(forwardable)}
    with ws.transaction():
        if to is not None:
            ws.set_meta(_to_key(contact_id, kind), _text(to))
        existing = ws.query(
            "SELECT id FROM drafts WHERE contact_id = ? AND kind = ?", (contact_id, kind)
        )
        if existing:
            ws.write(updates={"drafts": [(existing[0]["id"], values)]})
        else:
            ws.write(inserts={"drafts": [{"contact_id": contact_id, "kind": kind, **values}]})


def log_sent(
    ws,
    contact: Contact,
    kind: str,
    subject: str,
    body: str,
    forwardable: str = "",
    *,
    at: datetime,
) -> int:
    """ "I sent it": the draft as sent is kept and the request, introduction request (R6),
    follow-up or call (R7) is logged, together. Returns the event's id."""
    event, channel = SENT_EVENTS[kind]
    data = {"channel": channel, "draft": kind, "subject": _text(subject), "body": _text(body)}
    if event == INTRO_REQUESTED:
        data["via"] = contact.via
    if event == CALL_MADE:
        data["left_voicemail"] = True
    with ws.transaction():
        save_draft(ws, contact.id, kind, subject, body, forwardable)
        return ws.append_event(event, contact.id, data, at=at.isoformat())


def log_answer(ws, contact_id: int, answer: str, *, at: datetime) -> int:
    """Their answer: yes, no or later (R7 counts answers; R8 follows a yes)."""
    if answer not in ANSWERS:
        raise ValueError(f"An answer is one of {', '.join(ANSWERS)}, not {answer!r}.")
    return ws.append_event(REPLY, contact_id, {"answer": answer}, at=at.isoformat())


def log_call(ws, contact_id: int, left_voicemail: bool, *, at: datetime) -> int:
    """R7's one phone call, with or without a voicemail."""
    return ws.append_event(
        CALL_MADE, contact_id, {"left_voicemail": bool(left_voicemail)}, at=at.isoformat()
    )


def move_on(ws, contact_id: int, *, at: datetime) -> int:
    """R7: stop pursuing this person (after three attempts, or any time); undone by ``reopen``."""
    return ws.append_event(MOVED_ON, contact_id, {}, at=at.isoformat())


def reopen(ws, contact_id: int, *, at: datetime) -> int:
    """Pick a person up again after moving on (nothing in the log is ever deleted)."""
    return ws.append_event(REOPENED, contact_id, {}, at=at.isoformat())


def load_setting(ws, key: str, default: str = "") -> str:
    """One of the step's choices (``SETTINGS``, ``PERSON_SETTING``) as stored, or ``default``."""
    if not _known_setting(key):
        raise ValueError(f"{key!r} is not a setting of step 3.")
    return ws.get_meta(key) or default


def save_setting(ws, key: str, value: str) -> None:
    """Store one of the step's choices (``SETTINGS``, ``PERSON_SETTING``)."""
    if not _known_setting(key):
        raise ValueError(f"{key!r} is not a setting of step 3.")
    ws.set_meta(key, _text(value))


def known_words(ws, *extra: str) -> set[str]:
    """R3: the words of every person's and organization's name in the workspace (and of
    ``extra`` texts, such as the user's own name): names are not typos."""
    words: set[str] = set()
    for first, last, organization in ws.values(
        "contacts", ("first_name", "last_name", "organization")
    ):
        words.update(f"{_text(first)} {_text(last)} {_text(organization)}".split())
    for (name,) in ws.values("organizations", ("name",)):
        words.update(_text(name).split())
    for text in extra:
        words.update(_text(text).split())
    return words
