"""The small helpers every page uses to name its widgets ``ii-<page>-<name>`` and make buttons."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets


def controls(page: str) -> tuple[Callable, Callable]:
    """``(css, button)`` for one page: ``css(widget, name)`` adds the class ``ii-<page>-<name>``
    (what the browser tests and accessibility checks select on); ``button(name, label)`` is a
    button as wide as its label with that class."""

    def css(widget, name: str):
        widget.add_class(f"ii-{page}-{name}")
        return widget

    def button(name: str, label: str, **kw) -> widgets.Button:
        return css(
            widgets.Button(description=label, layout=widgets.Layout(width="auto"), **kw), name
        )

    return css, button


def fields(children, *classes: str) -> widgets.VBox:
    """A form whose short fields sit side by side where there is room (``ii-fields`` in the
    shared look, ``feedback.DESIGN``), with any further ``classes`` (``ii-areas``: text areas
    two by two; ``ii-narrow``: narrow columns for numbers)."""
    box = widgets.VBox(list(children))
    for css in ("ii-fields", *classes):
        box.add_class(css)
    return box
