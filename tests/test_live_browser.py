"""Views that stay current, in a real browser: two tabs of the app on one workspace (two
kernels), and a notebook in another kernel, each change showing in the other within 5 s."""

from __future__ import annotations

import re

import pytest

from infoint.records import Contact
from infoint.targets import save_contact
from infoint.workspace import Workspace

pytestmark = pytest.mark.browser

APP = "/voila/render/app.ipynb"
PITCH = (
    "I run a hotel front desk and I am moving into UX research. I would love to hear how you "
    "got started and what your week looks like."
)


def _open(context, base: str, fragment: str = ""):
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    tab.goto(f"{base}{APP}{fragment}")
    tab.wait_for_selector(".ii-app-header .ii-nav-start")
    return tab


def test_a_change_in_one_tab_shows_in_the_other(fresh_voila, browser):
    from playwright.sync_api import expect

    base, _ = fresh_voila
    context = browser.new_context()
    try:
        watching = _open(context, base)
        typing = _open(context, base, "#objectives")
        typing.wait_for_selector(".ii-step-objectives .ii-objectives-pitch textarea")
        label = watching.locator(".ii-nav-objectives")
        before = label.inner_text()
        typing.fill(".ii-step-objectives .ii-objectives-pitch textarea", PITCH)
        # autosave (about a second), then the other tab's poll (every two seconds)
        expect(label).not_to_have_text(before, timeout=5_000)
        assert re.fullmatch(r"1 \w+ \d/\d", label.inner_text())
    finally:
        context.close()


def test_a_change_from_another_kernel_shows_in_the_app(fresh_voila, page):
    from playwright.sync_api import expect

    base, workspace = fresh_voila
    page.goto(f"{base}{APP}")
    page.wait_for_selector(".ii-start-agenda")
    other = Workspace.open(workspace)  # what a notebook open in JupyterLab would do
    try:
        save_contact(other, Contact(first_name="Ana", last_name="Lima", target=True))
    finally:
        other.close()
    expect(page.locator(".ii-start-agenda")).to_contain_text("Ana Lima", timeout=5_000)
