"""Step 5's action items (D4): what they suggested you do, with a date, until it is done.

The debrief page composes one. It reads its page's chosen meeting and person (``meeting``,
``contact``, ``ws``, ``now()``); an open item shows on the start page's agenda until done.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import action_items, i18n
from .. import undo as undoing
from ..clock import iso_day
from ..i18n import _
from .controls import controls
from .feedback import findings_html, message_html
from .page import Page
from .undo import UndoButton

__all__ = ["ActionItems"]

_LABEL = {"description_width": "initial"}
_WIDE = widgets.Layout(width="95%")

_css, _button = controls("debrief")


def _due_text(due: str) -> str:
    """The due date as the list shows it: ISO in English (as always), the language's own
    way of writing a date in the others."""
    day = iso_day(due)
    if day is None:
        return due or _("no date")
    return (
        due if i18n.language() == "en" else i18n.format_date(day)
    )  # the items' widgets are the page's: ii-debrief-<name>


class ActionItems:
    """D4: what they suggested you do, with a date, shown on the start page until done."""

    def __init__(self, page: Page):
        self.page = page
        self.item_text = _css(
            widgets.Text(
                description=_("Something they suggested you do"), style=_LABEL, layout=_WIDE
            ),
            "item-text",
        )
        self.item_due = _css(
            widgets.DatePicker(description=_("Do it by"), style=_LABEL), "item-due"
        )
        # A button: adding a new item to the list is an event (it reaches the start page's
        # agenda); the text is checked first, and stays in the field until it is added.
        self.item_add = _button("item-add", _("Add the action item"), button_style="primary")
        self.item_add.on_click(self._on_item_add)
        self.typed = page.keep_typed("debrief.action_item", {"text": self.item_text})
        self.items_list = _css(
            widgets.Select(
                description=_("Open action items"), options=[], rows=5, style=_LABEL, layout=_WIDE
            ),
            "items",
        )
        # A button: only the user knows they did it (an event; the item leaves the agenda).
        self.item_done = _button("item-done", _("Mark as done"))
        self.item_done.on_click(self._on_item_done)
        self.items_status = _css(widgets.HTML(), "items-status")
        # Undo beside the confirmation: the item last marked done is open again (ui/undo.py).
        self.items_undo = UndoButton("ii-debrief-items-undo", self.items_status, self.draw)

    def widgets(self) -> list:
        """The items' widgets, in the order the page shows them."""
        return [
            self.item_text,
            self.item_due,
            widgets.HBox([self.item_add]),
            self.items_list,
            widgets.HBox([self.item_done]),
            self.items_undo.row(),
        ]

    def draw(self) -> None:
        """List the chosen person's open items."""
        page = self.page
        items = (
            [i for i in action_items.load_action_items(page.ws, page.contact.id) if not i.done]
            if page.contact
            else []
        )
        self.items_list.options = [
            (_("{text} (by {due})").format(text=i.text, due=_due_text(i.due)), i.id) for i in items
        ]

    def _on_item_add(self, _click=None) -> None:
        page = self.page
        if page.contact is None:
            return
        item = action_items.ActionItem(
            text=self.item_text.value.strip(),
            due=self.item_due.value.isoformat() if self.item_due.value else "",
            meeting_id=page.meeting.id,
            contact_id=page.contact.id,
        )
        problems = [
            f
            for f in action_items.check_action_item(item, page.now().date())
            if f.severity == "error"
        ]
        if problems:
            self.items_status.value = findings_html(problems)
            return
        action_items.save_action_item(page.ws, item)
        self.typed.done()
        self.item_due.value = None
        self.draw()
        self.items_status.value = message_html(
            _("Added. It shows on the start page's agenda until you mark it done."), "ok"
        )

    def _on_item_done(self, _click=None) -> None:
        page = self.page
        chosen = (
            next(
                (
                    i
                    for i in action_items.load_action_items(page.ws, page.contact.id)
                    if i.id == self.items_list.value
                ),
                None,
            )
            if page.contact
            else None
        )
        if chosen is None:
            self.items_status.value = message_html(_("Choose an action item first."), "warning")
            return
        chosen.done_at = page.now().isoformat()
        action_items.save_action_item(page.ws, chosen)
        self.draw()
        self.items_status.value = message_html(
            _("Done. Mention it in your thank-you or your next update."), "ok"
        )
        self.items_undo.offer(undoing.action_item_done(page.ws, chosen))
