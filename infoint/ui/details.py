"""A "Details"-style toggle: secondary parts of a form, shown when asked for.

HTML's ``<details>`` can't hold widgets, and ipywidgets' ``Accordion`` header is neither a
button nor readable in the default theme, so this is a plain button above a box. The button
says what it shows and stays one name ("More about this person"); the page's ``Landmarks``
give it ``aria-expanded`` from its ``ii-open`` class, and the shared style draws an arrow.
Hidden parts are only hidden: their widgets keep their values and still save.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..i18n import _

__all__ = ["Details"]


class Details(widgets.VBox):
    """``summary`` as a toggle button over ``children``; ``css`` names the toggle
    (``<css>-toggle``) and the box (``css``). Closed unless ``open``."""

    def __init__(self, summary: str, children, css: str, open: bool = False):
        self.toggle = widgets.Button(description=summary, layout=widgets.Layout(width="auto"))
        self.toggle.add_class("ii-details-toggle")
        self.toggle.add_class(f"{css}-toggle")
        self.body = widgets.VBox(list(children))
        self.body.add_class("ii-details-body")
        self.body.add_class(css)
        super().__init__([self.toggle, self.body])
        self.add_class("ii-details")
        self.toggle.on_click(lambda _: self.set_open(not self.open))
        self.open = False
        self.set_open(open)

    def set_open(self, value: bool) -> None:
        """Show (True) or hide the box."""
        self.open = bool(value)
        self.body.layout.display = None if self.open else "none"
        if self.open:
            self.toggle.add_class("ii-open")
        else:
            self.toggle.remove_class("ii-open")
        shown = _("Hide: {what}") if self.open else _("Show: {what}")
        self.toggle.tooltip = shown.format(what=self.toggle.description)
