"""An "Undo" button beside a confirmation, for the last destructive action of one kind.

Shown only while there is something to undo: ``offer`` (after archiving, restoring, loading
the demo, ...) shows it beside the confirmation just written, and the next such action
replaces what it takes back; once another message takes the confirmation's place, it goes.
Clicking it runs the ``undo.Undo`` (one transaction), shows what that did in the
confirmation's place, and hides it again. A page keeps one per kind of action, never a history.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from ..i18n import _
from ..schema import WorkspaceError
from ..undo import Undo
from .feedback import message_html

__all__ = ["UndoButton"]


class UndoButton:
    """The Undo button for one confirmation (``status``); ``after()`` redraws what changed."""

    def __init__(
        self, css: str, status: widgets.HTML, after: Callable[[], None] | None = None
    ) -> None:
        self.status = status
        self.after = after
        self.pending: Undo | None = None
        self.button = widgets.Button(
            description=_("Undo"), layout=widgets.Layout(width="auto", display="none")
        )
        self.button.add_class(css)
        self.button.on_click(self._on_click)
        self._quiet = False  # True while the button writes the message itself
        status.observe(self._on_message, names="value")

    @property
    def shown(self) -> bool:
        """Whether the button is visible (there is something to undo)."""
        return self.button.layout.display != "none"

    def row(self) -> widgets.HBox:
        """The confirmation with the button beside it."""
        box = widgets.HBox([self.status, self.button])
        box.layout.align_items = "center"
        return box

    def offer(self, undo: Undo) -> None:
        """Show the button for ``undo`` (it replaces whatever it offered before)."""
        self.pending = undo
        self.button.tooltip = _("Undo {what}").format(what=undo.what)
        self.button.layout.display = None

    def clear(self) -> None:
        """Nothing to undo any more: hide the button."""
        self.pending = None
        self.button.layout.display = "none"

    def _on_message(self, _change=None) -> None:
        if not self._quiet:
            self.clear()  # another message: the Undo no longer sits beside its confirmation

    def _on_click(self, _click=None) -> None:
        undo = self.pending
        if undo is None:
            self.clear()
            return
        try:
            done = undo.run()
        except (WorkspaceError, OSError, ValueError) as exc:
            self._quiet = True
            try:
                self.status.value = message_html(
                    _("Could not undo {what}: {error}").format(what=undo.what, error=exc),
                    "warning",
                )
            finally:
                self._quiet = False
            return  # still offered: try again
        self.clear()
        self.status.value = message_html(done, "ok")
        if self.after is not None:
            self.after()
