"""The sharing pages in a real browser (Voila, Debian's Chromium) at 1280 and 390 px.

The facilitator's cohort page: 30 card files chosen at once in the browser's file chooser are
read (26 counted, 4 refused by name), the figures and chart appear, and the page has no
axe-core violation, no sideways scrolling and no control under 24 px. The app's start page:
the preview is open from the start on counts only, the report's level is chosen with a
click and the preview shows what that level shares (organizations and initials, never
names), the page stays accessible with the preview open at every level, and the counts-only
report and the workshop card download, neither with a name in it.
"""

from __future__ import annotations

import json

import pytest
from browser_support import AXE_OPTIONS, MIN_TARGET, SIDEWAYS, SMALL

from infoint.cohort import sample_cards

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
COHORT = "/voila/render/facilitator_cohort.ipynb"
APP = "/voila/render/app.ipynb"


def _problems(page) -> dict:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    found = {
        "axe-core": [(v["id"], v["impact"], v["nodes"][0]["html"][:160]) for v in violations],
        "sideways scrolling": page.evaluate(SIDEWAYS),
        f"smaller than {MIN_TARGET} px": page.evaluate(SMALL, MIN_TARGET),
    }
    return {what: items for what, items in found.items() if items}


def _context(browser, width: str):
    size = WIDTHS[width]
    context = browser.new_context(
        viewport={"width": size[0], "height": size[1]}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    return context, page


def _screenshot(page, path) -> None:
    """The whole page (Voila scrolls inside an element, so the viewport grows to fit it)."""
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"
    )
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(height, 6000)})
    page.screenshot(path=str(path))


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_cohort_page_reads_thirty_cards_chosen_at_once(voila, browser, width, tmp_path):
    from playwright.sync_api import expect

    base, _ = voila
    files = []
    for name, data in sample_cards():
        path = tmp_path / name
        path.write_bytes(data)
        files.append(str(path))
    context, page = _context(browser, width)
    try:
        page.goto(f"{base}{COHORT}")
        page.wait_for_selector(".ii-cohort-upload")
        expect(page.locator(".ii-cohort-clear")).to_be_hidden()  # nothing to start again from
        page.wait_for_timeout(500)
        assert _problems(page) == {}
        with page.expect_file_chooser() as chooser:
            page.click(".ii-cohort-upload")
        chooser.value.set_files(files)
        status = page.locator(".ii-cohort-status")
        expect(status).to_contain_text("26 cards counted.")
        expect(status).to_contain_text("4 files refused (not counted)")
        expect(status).to_contain_text("card-29.json: more answers than requests sent.")
        view = page.locator(".ii-cohort-figures-view")
        expect(view).to_contain_text("26 participants")
        expect(view.locator("svg[role=img]")).to_have_count(1)
        page.wait_for_timeout(500)
        assert _problems(page) == {}
        assert page.evaluate("() => document.querySelectorAll('[role=main]').length") == 1
        _screenshot(page, tmp_path / f"cohort-{width}.png")
        page.click(".ii-cohort-clear")
        expect(status).to_contain_text("No cards read yet")
        expect(page.locator(".ii-cohort-clear")).to_be_hidden()
    finally:
        context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_start_pages_report_levels_preview_and_card(demo_voila, browser, width, tmp_path):
    from playwright.sync_api import expect

    base, _ = demo_voila
    context, page = _context(browser, width)
    try:
        page.goto(f"{base}{APP}")
        page.wait_for_selector(".ii-start-report-level")
        holds = page.locator(".ii-start-report-holds")
        expect(holds).to_contain_text("No names, organizations")
        expect(page.locator(".ii-start-report-scope")).to_be_hidden()
        preview = page.locator(".ii-start-report-preview-body")  # open without a click
        expect(preview).to_be_visible()
        expect(preview).to_contain_text("The figures: numbers only")
        expect(preview).not_to_contain_text("Leela")
        with page.expect_download() as info:
            page.click(".ii-start-report button")
        assert info.value.suggested_filename.startswith("infoint-report-counts-")
        report = info.value.path().read_text(encoding="utf-8")
        assert "Requests sent" in report
        for name in ("Leela", "Varadan", "Amara Osei", "Tidewater"):
            assert name not in report, name
        expect(page.locator(".ii-start-report-status")).to_contain_text("counts only")
        page.get_by_label("Plus organizations and initials").check()
        expect(holds).to_contain_text("initials")
        expect(preview).to_contain_text("Tidewater Travel Group")
        expect(preview).to_contain_text("People asked or met, by initials")
        expect(preview).not_to_contain_text("Leela Varadan")
        expect(preview).not_to_contain_text("Amara Osei")
        page.wait_for_timeout(500)
        problems = {"organizations": _problems(page)}
        page.get_by_label("Everything, notes included").check()
        expect(page.locator(".ii-start-report-scope")).to_be_visible()
        expect(preview).to_contain_text("Amara Osei")
        page.wait_for_timeout(500)
        problems["everything"] = _problems(page)
        _screenshot(page, tmp_path / f"start-report-{width}.png")
        assert {level: p for level, p in problems.items() if p} == {}
        page.get_by_label("Counts only (no names)").check()
        with page.expect_download() as info:
            page.click(".ii-start-card button")
        card = json.loads(info.value.path().read_bytes())
        assert card["format"] == "infoint-workshop-card" and card["version"] == 1
        assert info.value.suggested_filename == f"infoint-card-{card['made_on']}.json"
        assert "Leela" not in json.dumps(card)
        expect(page.locator(".ii-start-card-status")).to_contain_text("counts only")
    finally:
        context.close()
