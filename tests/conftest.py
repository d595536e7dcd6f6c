"""Shared fixtures: every test gets its own workspace file, never the user's real one; and the
real-browser fixtures (a Chromium, a page, Voila servers) the browser test modules share."""

from __future__ import annotations

import pytest
from browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    full_demo,
    require_chromium,
    start_voila,
    stop_voila,
)

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


# ------------------------------------------------------------------ real browser (Voila, Chromium)


@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    """A Voila server shared by a module's tests, with its own workspace file."""
    require_chromium()
    workspace = tmp_path_factory.mktemp("browser") / "workspace.sqlite3"
    proc, base, log = start_voila(workspace)
    yield base, workspace
    stop_voila(proc, log)


@pytest.fixture
def fresh_voila(tmp_path_factory):
    """A Voila server on an empty workspace, for a test that starts from nothing."""
    require_chromium()
    workspace = tmp_path_factory.mktemp("fresh") / "workspace.sqlite3"
    proc, base, log = start_voila(workspace)
    yield base, workspace
    stop_voila(proc, log)


@pytest.fixture(scope="module")
def demo_voila(tmp_path_factory):
    """A Voila server on a workspace where the demo persona went through all six steps."""
    require_chromium()
    workspace = tmp_path_factory.mktemp("demo") / "workspace.sqlite3"
    full_demo(workspace)
    proc, base, log = start_voila(workspace)
    yield base, workspace
    stop_voila(proc, log)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright; one per module."""
    require_chromium()
    from playwright.sync_api import expect, sync_playwright

    # An expectation waits as long as a step may take on a busy 2-core machine (Playwright's
    # default is 5 s); what never happens still fails, only later.
    expect.set_options(timeout=20_000)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page that accepts downloads, with a 60 s default timeout."""
    context = browser.new_context(accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    context.close()
