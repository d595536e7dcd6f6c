"""Answers saved as they are typed: a debounced save per form and one visible save state.

Every field saves about a second after the user stops typing (or at once when they leave it),
so navigating, reloading or closing loses nothing; the state says "Saving...", "Saved 14:02"
or "Not saved: <why>. Your text is still here." Buttons remain only for events.

One ``SaveState`` per workspace (``save_state_for``), shared by every page and shown in the
app's header; a page reports each save through ``SaveState.saving`` / ``saved`` / ``failed``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import traitlets

__all__ = ["SaveState", "save_state_for"]


class SaveState(traitlets.HasTraits):
    """The save state of one workspace: ``text`` is what the header shows; ``pending`` is
    True while an edit waits to be written (closing the tab then warns first)."""

    text = traitlets.Unicode("")
    pending = traitlets.Bool(False)
    ok = traitlets.Bool(True)

    def saving(self) -> None:
        """An edit is waiting to be written."""
        self.pending, self.text = True, "Saving..."

    def saved(self, at: datetime | None = None) -> None:
        """Everything typed is in the workspace."""
        moment = (at or datetime.now()).astimezone()
        self.pending, self.ok, self.text = False, True, f"Saved {moment:%H:%M}"

    def failed(self, why: str) -> None:
        """The last save did not reach the workspace; the text stays in the form."""
        self.pending, self.ok = False, False
        self.text = f"Not saved: {why}. Your text is still here."


_STATES: dict[Path, SaveState] = {}


def save_state_for(ws) -> SaveState:
    """The one save state of the workspace ``ws`` in this kernel."""
    return _STATES.setdefault(Path(ws.path), SaveState())
