"""Shared fixtures: every test gets its own workspace file, never the user's real one."""

from __future__ import annotations

import pytest

from infoint.workspace import Workspace


@pytest.fixture(autouse=True)
def isolated_workspace(tmp_path, monkeypatch):
    """Point the default workspace at a temporary file and forget any cached open workspace."""
    path = tmp_path / "home" / "workspace.sqlite3"
    monkeypatch.setenv("INFOINT_WORKSPACE", str(path))
    from infoint.ui import session

    session._OPEN.clear()
    yield path
    for ws in session._OPEN.values():
        ws.close()
    session._OPEN.clear()


@pytest.fixture
def ws(isolated_workspace):
    """An open workspace at the isolated default path."""
    from infoint.ui.session import open_workspace

    return open_workspace(None)


@pytest.fixture
def fresh(tmp_path):
    """A second, independent workspace."""
    w = Workspace.open(tmp_path / "other" / "workspace.sqlite3")
    yield w
    w.close()
