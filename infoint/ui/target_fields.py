"""The labelled fields step 2's page builds its forms from, named ``ii-targets-<name>``.

The long list, the import, the contact form and the contact table (``long_list``,
``contact_import``, ``contact_form``, ``contacts_table``) all build their widgets from these,
so every control has a visible label and the CSS class the browser tests select on.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..i18n import _
from .controls import controls

__all__ = ["LABEL", "dropdown", "text_field", "uploaded"]

LABEL = {"description_width": "initial"}

_css, _button = controls("targets")


def text_field(name: str, label: str, **kw) -> widgets.Text:
    """A full-width labelled text field with the class ``ii-targets-<name>``."""
    return _css(
        widgets.Text(description=label, style=LABEL, layout=widgets.Layout(width="95%"), **kw),
        name,
    )


def dropdown(name: str, label: str, options, **kw) -> widgets.Dropdown:
    """A labelled dropdown with the class ``ii-targets-<name>``."""
    return _css(widgets.Dropdown(description=label, options=options, style=LABEL, **kw), name)


def uploaded(change) -> tuple[str, bytes] | None:
    """The name and bytes of the file a FileUpload just received (None when it was cleared)."""
    files = change["new"]
    if not files:
        return None
    return str(files[0].get("name", _("the file"))), bytes(files[0]["content"])
