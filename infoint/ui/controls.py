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
