"""Page sections whose saved text form names the section, never what the user typed.

A notebook saved by JupyterLab keeps each output's plain-text form next to the widget; for a
widget that form is its ``repr``, which includes every value typed into it (names, pitches,
notes). Sections replace it with a neutral line, so saved notebooks hold no personal data.

Each section a page shows carries the classes ``ii-section`` and ``ii-ui``: the shared style
(``feedback.STYLE``) draws it as a card and styles the widgets inside. The first section of a
page a notebook opened (``Page.open``) also holds the page's ``Landmarks`` (ui/landmarks.py);
the one-page app has its own.
"""

from __future__ import annotations

import functools

import ipywidgets as widgets

from ..i18n import _
from .landmarks import Landmarks


class Section(widgets.VBox):
    """A VBox whose text form is only its title."""

    def __init__(self, children, title: str):
        super().__init__(children=children)
        self._title = title

    def __repr__(self) -> str:
        return _("[{title}: open this notebook in JupyterLab or the app to use it]").format(
            title=self._title
        )


def section(method):
    """Decorate a page method so the widget it returns is shown inside a privacy-safe Section."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        title = (method.__doc__ or method.__name__).strip().splitlines()[0].rstrip(".")
        children = [method(self, *args, **kwargs)]
        if self.__dict__.pop("_landmarks_pending", False):  # the notebook's first section
            children.append(Landmarks())
        box = Section(children, title=title[:80])
        box.add_class("ii-section")
        box.add_class("ii-ui")  # the shared style applies inside
        return box

    return wrapper
