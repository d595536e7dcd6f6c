"""The app's designed look in a real browser (Voila, Debian's Chromium), with the demo persona's
data, at a desktop width (1280 px) and a phone's (390 px).

On every step: axe-core finds no violation of any impact (its ``target-size`` rule switched on
too, so every landmark, name and contrast rule counts); nothing scrolls sideways (the document,
Voila's scrolling container, any inner scroller); every control a finger or a pointer aims at
is at least 24 by 24 px (a checkbox or radio button counts with its label, which toggles it);
and no destructive (red) button shows before it applies. The start page shows no restore button
until a backup file was chosen and read, and shows it then. Each step notebook, on its own page,
has no axe-core violation either (its landmarks come from its first section).
"""

from __future__ import annotations

import pytest
from browser_support import (
    PAGES,
    WIDTHS,
    axe_violations,
    design_problems,
)

from infoint.exports import backup_bytes
from infoint.records import STEPS
from infoint.workspace import Workspace

# The fixtures (demo_voila, browser) are in conftest.py.
pytestmark = pytest.mark.browser

APP = "/voila/render/app.ipynb"


def _open_app(browser, base: str, size: tuple[int, int]):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{base}{APP}")
    page.wait_for_selector(".ii-app-header .ii-nav-start")
    return context, page


def _show(page, key: str) -> None:
    from playwright.sync_api import expect

    page.click(f".ii-nav-{key}")
    expect(page.locator(f".ii-step-{key}")).to_be_visible()
    expect(page.locator(".ii-step:visible")).to_have_count(1)
    page.wait_for_timeout(800)  # let the live feedback and the tables render


@pytest.mark.parametrize("width", list(WIDTHS), ids=list(WIDTHS))
def test_every_step_is_accessible_fits_and_has_targets_big_enough(demo_voila, browser, width):
    base, _ = demo_voila
    context, page = _open_app(browser, base, WIDTHS[width])
    problems: dict[str, dict[str, list]] = {}
    try:
        for step in STEPS:
            _show(page, step.key)
            found = design_problems(page)
            if found:
                problems[step.key] = found
    finally:
        context.close()
    assert problems == {}, problems


def test_the_restore_button_appears_only_once_a_backup_was_read(demo_voila, browser, tmp_path):
    from playwright.sync_api import expect

    base, workspace = demo_voila
    with Workspace.open(workspace) as ws:
        backup = tmp_path / "infoint-backup.zip"
        backup.write_bytes(backup_bytes(ws))
    context, page = _open_app(browser, base, WIDTHS["desktop"])
    try:
        restore = page.locator(".ii-start-restore")
        expect(page.locator(".ii-start-upload")).to_be_visible()
        expect(restore).to_be_hidden()
        with page.expect_file_chooser() as chooser:
            page.click(".ii-start-upload")
        chooser.value.set_files(str(backup))
        expect(page.locator(".ii-start-backup-status")).to_contain_text("is a workbook backup")
        expect(restore).to_be_visible()
        expect(restore).to_be_enabled()
    finally:
        context.close()


@pytest.mark.parametrize("notebook, ready", PAGES, ids=[name for name, _ in PAGES])
def test_each_step_notebook_has_no_axe_violation(demo_voila, page, notebook, ready):
    base, _ = demo_voila
    page.goto(f"{base}/voila/render/{notebook}.ipynb")
    page.wait_for_selector(ready)
    page.wait_for_timeout(800)  # let the live feedback render too
    assert axe_violations(page) == []
    assert page.evaluate("() => document.querySelectorAll('[role=main]').length") == 1
