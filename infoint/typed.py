"""What was typed into a form for something not added yet (a referral, an action item, a
question of one's own): kept in the workspace as it is typed, so that a reload, a closed tab
or a switch of step loses none of it, and forgotten once the item is added.

Stored as one JSON object per form in ``meta`` (key ``typed.<form>``): text only, never
evaluated; what is not text is dropped on reading.
"""

from __future__ import annotations

import json

from .workspace import Workspace

_PREFIX = "typed."


def keep_typed(ws: Workspace, form: str, values: dict[str, str]) -> bool:
    """Keep what is in ``form``'s fields now (one write); False when they are all empty, and
    then nothing is kept."""
    filled = {k: v for k, v in values.items() if isinstance(v, str) and v.strip()}
    ws.set_meta(_PREFIX + form, json.dumps(filled, ensure_ascii=False) if filled else "")
    return bool(filled)


def typed(ws: Workspace, form: str) -> dict[str, str]:
    """What was kept for ``form`` (field name -> text); empty when nothing was."""
    try:
        found = json.loads(ws.get_meta(_PREFIX + form) or "{}")
    except ValueError:  # not ours to fix: start empty rather than fail the page
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)}


def forget_typed(ws: Workspace, form: str) -> None:
    """The item was added: nothing typed for it is kept any more."""
    if ws.get_meta(_PREFIX + form):
        ws.set_meta(_PREFIX + form, "")
