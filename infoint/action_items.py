"""D4, the things a contact suggested you do: each gets a due date, shows in the agenda until
it is done, and can be mentioned in the thank-you (S2).

Pure checks over ``ActionItem`` records plus their reads and writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from .clock import iso_day, zone
from .events import AgendaItem
from .i18n import _
from .records import ERROR, STEP_NOTEBOOKS, WARNING, Finding, row_value
from .safe import one_line as _one_line
from .safe import plain_text as _text
from .safe import whole_number as _whole

ACTION_ITEM_KIND = "action_item"  # D4: the AgendaItem kind for action items


@dataclass
class ActionItem:
    """Something the person suggested you do (D4), with the day you mean to do it by.

    ``due`` is an ISO date ("2026-03-10"); ``done_at`` is when you ticked it off (ISO), or ""
    while it is still open.
    """

    text: str
    due: str = ""
    done_at: str = ""
    meeting_id: int | None = None
    contact_id: int | None = None
    id: int | None = None

    @property
    def done(self) -> bool:
        """Whether it has been ticked off."""
        return bool(_text(self.done_at).strip())

    def to_row(self) -> dict:
        """Columns of the ``action_items`` table (without id and timestamps)."""
        return {
            "meeting_id": _whole(self.meeting_id),
            "contact_id": _whole(self.contact_id),
            "text": _text(self.text),
            "due": _text(self.due).strip(),
            "done_at": _text(self.done_at).strip(),
        }

    @classmethod
    def from_row(cls, row) -> ActionItem:
        """Inverse of ``to_row``; missing columns give the defaults."""
        return cls(
            text=_text(row_value(row, "text")),
            due=_text(row_value(row, "due")),
            done_at=_text(row_value(row, "done_at")),
            meeting_id=_whole(row_value(row, "meeting_id")),
            contact_id=_whole(row_value(row, "contact_id")),
            id=_whole(row_value(row, "id")),
        )


def check_action_item(item: ActionItem, today: date) -> list[Finding]:
    """D4: an action item needs words and a due date, or it never reaches the agenda.

    - D4 (error) no text; no due date, or one that can't be read as a date;
    - D4 (warning) the due date has passed and the item is still open.
    """
    item = item if isinstance(item, ActionItem) else ActionItem("")
    found = []
    if not _text(item.text).strip():
        found.append(
            Finding(
                "D4",
                ERROR,
                _("Say what you will do, in a few words."),
                fix=_("For example: 'Read the article she mentioned'."),
            )
        )
    due_text = _text(item.due).strip()
    due = iso_day(due_text)
    if not due_text:
        found.append(
            Finding(
                "D4",
                ERROR,
                _("Give it a date so it shows in your agenda."),
                fix=_("Pick the day you mean to do it by; sooner keeps it fresh."),
            )
        )
    elif due is None:
        found.append(
            Finding(
                "D4",
                ERROR,
                _("This is not a date the workbook can read, so it can't show in your agenda."),
                _one_line(due_text, 40),
                _("Pick the date from the calendar."),
            )
        )
    elif not item.done and isinstance(today, date) and due < iso_day(today):
        found.append(
            Finding(
                "D4",
                WARNING,
                _("This date has passed and it isn't done yet."),
                due.isoformat(),
                _("Do it soon, or give it a new date."),
            )
        )
    return found


def action_agenda(
    items: Iterable[ActionItem], now: datetime, tz: str, names: Mapping[int, str] | None = None
) -> list[AgendaItem]:
    """D4: every open action item as an agenda entry, due at the end of its day in ``tz``.

    Done items and items without a readable date are left out (``check_action_item`` asks for
    the date). ``overdue`` is true once that moment has passed; ``pipeline.agenda`` picks what
    is due today. ``names`` maps contact ids to names, so the entry says whose suggestion it
    was. Due times are aware UTC datetimes, like every time in the pipeline.
    """
    tzinfo = zone(tz)
    now = (now if now.tzinfo is not None else now.replace(tzinfo=UTC)).astimezone(UTC)
    names = names or {}
    out = []
    for item in items:
        if not isinstance(item, ActionItem) or item.done:
            continue
        day = iso_day(item.due)
        if day is None:
            continue
        end_of_day = datetime.combine(day, time(23, 59, 59), tzinfo=tzinfo).astimezone(UTC)
        what = _one_line(item.text) or _("(no description)")
        who = _one_line(names.get(item.contact_id, ""), 80) if item.contact_id is not None else ""
        text = (
            _("Action item from your meeting with {who}: {what}").format(who=who, what=what)
            if who
            else _("Action item: {what}").format(what=what)
        )
        out.append(
            AgendaItem(
                end_of_day,
                now > end_of_day,
                text,
                STEP_NOTEBOOKS["debrief"],
                item.contact_id,
                ACTION_ITEM_KIND,
            )
        )
    return sorted(out, key=lambda a: (a.due, a.text))


def load_action_items(ws, contact_id: int | None = None) -> list[ActionItem]:
    """Action items (of one contact, or all), oldest first."""
    where, params = ("contact_id = ?", (contact_id,)) if contact_id is not None else ("", ())
    return [ActionItem.from_row(r) for r in ws.rows("action_items", where, params)]


def save_action_item(ws, item: ActionItem) -> int:
    """Insert or update an action item; returns its id."""
    item.id = ws.save("action_items", item.id, item.to_row())
    return item.id
