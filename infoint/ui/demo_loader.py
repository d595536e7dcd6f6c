"""The start page's demo persona: load it, remove it again, and undo either right after.

The start page composes one (its ``demo_loader`` section) and keeps every widget as a page
attribute (``ii-start-<name>``). Loading and removing go through ``demo`` (each one
transaction); "Remove the demo persona" is there only while demo data is in the workbook.
"""

from __future__ import annotations

from typing import Protocol

import ipywidgets as widgets

from .. import demo
from .. import undo as undoing
from ..i18n import _
from ..schema import WorkspaceError
from ..workspace import Workspace
from .controls import controls
from .feedback import message_html
from .undo import UndoButton

__all__ = ["DemoLoader"]

_css, _button = controls("start")
_FAILED = (WorkspaceError, OSError, ValueError, KeyError)


class _StartPage(Protocol):
    ws: Workspace

    def refresh(self) -> None: ...

    def offer_undo(self, button: UndoButton, undo: undoing.Undo) -> None: ...


class DemoLoader:
    """Load the demo persona (asking first over the user's data), remove it, undo either."""

    def __init__(self, page: _StartPage):
        self.page = page
        self.demo_button = _button(
            "demo",
            _("Load the demo persona"),
            tooltip=_("Fill the workbook with a made-up student's data"),
        )
        self.demo_button.on_click(self._on_demo)
        self.demo_confirm = _button(
            "demo-confirm", _("Yes, replace my data with the demo"), button_style="warning"
        )
        self.demo_confirm.layout.display = "none"
        self.demo_confirm.on_click(self._on_demo_confirmed)
        self.remove_button = _button(
            "demo-remove",
            _("Remove the demo persona"),
            tooltip=_("Delete the demo's people and organizations, and put step 1 back"),
        )
        self.remove_button.layout.display = "none"
        self.remove_button.on_click(self._on_remove)
        self.remove_confirm = _button(
            "demo-remove-confirm", _("Yes, remove the demo's data"), button_style="danger"
        )
        self.remove_confirm.layout.display = "none"
        self.remove_confirm.on_click(self._on_remove_confirmed)
        self.demo_status = _css(widgets.HTML(), "demo-status")
        self.undo = UndoButton("ii-start-demo-undo", self.demo_status, after=page.refresh)

    @property
    def ws(self) -> Workspace:
        return self.page.ws

    def widgets(self) -> widgets.VBox:
        """The buttons, their confirmations, and the message with its Undo."""
        return widgets.VBox(
            [
                widgets.HBox([self.demo_button, self.remove_button]),
                self.demo_confirm,
                self.remove_confirm,
                self.undo.row(),
            ]
        )

    def refresh(self) -> None:
        """Show "Remove the demo persona" only while demo data is in the workbook."""
        present = demo.demo_data(self.ws) is not None
        self.remove_button.layout.display = None if present else "none"
        if not present:
            self.remove_confirm.layout.display = "none"

    # -- loading ---------------------------------------------------------------------------------
    def _on_demo(self, _click=None) -> None:
        self.remove_confirm.layout.display = "none"
        if demo.has_user_data(self.ws):
            self.undo.clear()  # the message beside it now asks a question
            self.demo_confirm.layout.display = None
            self.demo_status.value = message_html(
                _(
                    "Your workbook already has data. Loading the demo replaces your profile and "
                    "objectives and adds its organizations and contacts to your lists. "
                    "A safety copy of your data is saved first, and "
                    "Remove the demo persona takes exactly the demo's data out again."
                ),
                "warning",
            )
            return
        self._load_demo()

    def _on_demo_confirmed(self, _click=None) -> None:
        self.demo_confirm.layout.display = "none"
        self._load_demo()

    def _load_demo(self) -> None:
        try:
            report = demo.apply_persona(self.ws)
        except _FAILED as exc:
            self.demo_status.value = message_html(
                _("The demo could not be loaded: {error}").format(error=exc), "warning"
            )
            return
        if report.safety_copy:
            loaded = _(
                "The demo persona, {name}, is loaded: open Step 1 to see her objectives. "
                "Your own data was saved to {copy}."
            )
        else:
            loaded = _("The demo persona, {name}, is loaded: open Step 1 to see her objectives.")
        self.demo_status.value = message_html(
            loaded.format(name=report.name, copy=report.safety_copy), "ok"
        )
        self.page.offer_undo(self.undo, undoing.demo_loaded(self.ws))
        self.page.refresh()

    # -- removing --------------------------------------------------------------------------------
    def _on_remove(self, _click=None) -> None:
        self.demo_confirm.layout.display = "none"
        found = demo.demo_data(self.ws)
        if found is None:
            self.refresh()
            self.demo_status.value = message_html(_("There is no demo data to remove."), "note")
            return
        self.undo.clear()  # the message beside it now asks a question
        self.remove_confirm.layout.display = None
        self.demo_status.value = message_html(
            _(
                "Remove the demo persona? This deletes the {people} people and "
                "{organizations} organizations the demo added, even those you edited, "
                "and the people they referred you to, with everything done with those people "
                "(requests, meetings, debriefs, action items, thank-yous). "
                "Your own people and organizations stay as they are. "
                "Step 1 goes back to what it was before the demo, unless you changed it since. "
                "A safety copy of the whole workbook is saved first."
            ).format(people=found.contacts, organizations=found.organizations),
            "warning",
        )

    def _on_remove_confirmed(self, _click=None) -> None:
        self.remove_confirm.layout.display = "none"
        try:
            removal = demo.remove_persona(self.ws)
        except _FAILED as exc:
            self.demo_status.value = message_html(
                _("The demo could not be removed: {error} Nothing was changed.").format(error=exc),
                "warning",
            )
            return
        self.demo_status.value = message_html(removal.summary(), "ok")
        if removal.safety_copy is not None:
            self.page.offer_undo(self.undo, undoing.demo_removed(self.ws, removal.safety_copy))
        self.page.refresh()
