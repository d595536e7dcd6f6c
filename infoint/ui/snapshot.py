"""What the app's header and the start page both show (each step's progress, today's agenda),
derived once per change of the workspace rather than once per view.

Opening the app draws the start page and then the header, and every change redraws both:
without this each would ask ``progress`` again for the same answer. The answer is kept while
the workspace's change signal and the minute stay the same (the agenda's "due" and "overdue"
move with the clock) and the language is the same (the texts are in it), so a view can never
show an older answer than the other.
"""

from __future__ import annotations

from datetime import UTC, datetime

from ..i18n import language
from ..progress import StepStatus, todays_agenda, workbook_progress

__all__ = ["agenda_now", "progress_now"]

_KEPT: dict[tuple, object] = {}


def _key(ws, what: str) -> tuple:
    minute = datetime.now(UTC).replace(second=0, microsecond=0)
    return (what, id(ws), ws.path, language(), ws.change_signal(), minute)


def _kept(ws, what: str, derive):
    key = _key(ws, what)
    if key not in _KEPT:
        for old in [k for k in _KEPT if k[:3] == key[:3]]:
            del _KEPT[old]  # one answer per workspace and view: the latest
        _KEPT[key] = derive(ws)
    return _KEPT[key]


def progress_now(ws) -> list[StepStatus]:
    """``progress.workbook_progress(ws)``, derived once per change."""
    return _kept(ws, "progress", workbook_progress)


def agenda_now(ws) -> list:
    """``progress.todays_agenda(ws)`` for now, derived once per change and minute."""
    return _kept(ws, "agenda", todays_agenda)
