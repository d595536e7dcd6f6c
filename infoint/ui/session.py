"""One open workspace per kernel and path, shared by every view of a notebook."""

from __future__ import annotations

import os
from pathlib import Path

from .. import i18n
from ..workspace import Workspace, default_path

_OPEN: dict[Path, Workspace] = {}


def open_workspace(path: str | os.PathLike | None = None, language: str | None = None) -> Workspace:
    """The workspace at ``path`` (the notebook's parameter) or the default location; the kernel
    speaks the language chosen for it from now (``i18n.chosen_language``). A ``language`` (a
    Spanish or Chinese notebook's own) is chosen for the workbook first."""
    target = Path(path).expanduser().resolve() if path else default_path().expanduser().resolve()
    ws = _OPEN.get(target)
    if ws is None or ws._conn is None:
        ws = Workspace.open(target)
        _OPEN[target] = ws
    if language is not None:
        i18n.choose_language(ws, language)
    i18n.set_language(i18n.chosen_language(ws))
    return ws


def on_binder() -> bool:
    """True inside a Binder session, whose files vanish when it ends."""
    return any(
        os.environ.get(k)
        for k in ("BINDER_LAUNCH_HOST", "BINDER_REPO_URL", "BINDER_REQUEST", "BINDER_SERVICE_HOST")
    )
