"""The app in Spanish and in Chinese in a real browser (Voila, Debian's Chromium).

The whole journey by real clicks after choosing the language in the app's header; every step
of the demo workbook in each language at 1280 and 390 px: axe-core finds no violation of any
impact (the page's ``lang`` says the language, so screen readers speak it), nothing scrolls
sideways, targets are big enough, and each step shows its headings in that language; and a
change of language keeps the step shown and what was typed.
"""

from __future__ import annotations

import re

import pytest
from browser_support import (
    WIDTHS,
    design_problems,
    full_demo,
    require_chromium,
    start_voila,
    stop_voila,
)

from infoint import i18n
from infoint.records import STEPS
from infoint.text_language import text_language
from infoint.workspace import Workspace

# The fixtures (fresh_voila, browser, page) are in conftest.py.
pytestmark = pytest.mark.browser

APP = "/voila/render/app.ipynb"
LANGUAGES = ["es", "zh"]


def headings(key: str) -> list[str]:
    """The English headings of a step's sections, as the app shows them."""
    from infoint.ui.app import page_class

    return [heading for _, heading in page_class(key).SECTIONS]


@pytest.fixture(scope="module", params=LANGUAGES)
def demo_voila_in(request, tmp_path_factory):
    """Voila on a workbook the demo persona went through, with ``request.param`` chosen."""
    require_chromium()
    workspace = tmp_path_factory.mktemp(f"demo-{request.param}") / "workspace.sqlite3"
    full_demo(workspace)
    with Workspace.open(workspace) as ws:
        ws.set_meta("language", request.param)  # what the language choice saves
    proc, base, log = start_voila(workspace)
    yield request.param, base
    stop_voila(proc, log)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_journey_in_each_language(fresh_voila, page, tmp_path, language):
    from app_journey import assert_journey_landed, walk_the_journey

    base, workspace = fresh_voila
    entered = walk_the_journey(page, f"{base}{APP}", save_dir=tmp_path, language=language)
    assert_journey_landed(workspace, entered)
    with Workspace.open(workspace) as ws:
        assert ws.get_meta("language") == language
        sent = [e for e in ws.events() if e["kind"] == "request_sent"]
        thanked = [e for e in ws.events() if e["kind"] == "thanks_sent"]
    # The drafts went out in the workbook's language (no contact chose another one).
    assert len(sent) == 1 and len(thanked) == 1
    for event in sent + thanked:
        assert text_language(str(event["data"])) == language, event["data"]
    sheet = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert f'<html lang="{i18n.HTML_LANG[language]}">' in sheet  # the prep sheet speaks it too
    assert text_language(re.sub(r"<[^>]+>", " ", sheet)) == language


@pytest.mark.parametrize("width", list(WIDTHS), ids=list(WIDTHS))
def test_every_step_in_each_language_is_accessible_fits_and_speaks_it(
    demo_voila_in, browser, width
):
    from playwright.sync_api import expect

    language, base = demo_voila_in
    size = WIDTHS[width]
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.set_default_timeout(60_000)
    problems: dict[str, dict[str, list]] = {}
    try:
        page.goto(f"{base}{APP}")
        page.wait_for_selector(".ii-app-header .ii-nav-start")
        expect(page.locator("html")).to_have_attribute("lang", i18n.HTML_LANG[language])
        for step in STEPS:
            page.click(f".ii-nav-{step.key}")
            shown = page.locator(f".ii-step-{step.key}")
            expect(shown).to_be_visible()
            for heading in headings(step.key)[:3]:
                expect(shown).to_contain_text(i18n.translate(language, heading))
            page.wait_for_timeout(800)  # let the live feedback and the tables render
            found = design_problems(page)
            if "⟦" in shown.inner_text():
                found["pseudo-language marks"] = ["⟦"]
            if language == "zh":
                han = len(re.findall(r"[\u4e00-\u9fff]", shown.inner_text()))
                if han < 100:
                    found["Chinese characters on the step"] = [han]
            if found:
                problems[step.key] = found
    finally:
        context.close()
    assert problems == {}, problems


def test_choosing_a_language_keeps_the_step_and_what_was_typed(fresh_voila, page):
    from app_journey import open_step
    from playwright.sync_api import expect

    base, _ = fresh_voila
    page.goto(f"{base}{APP}")
    page.wait_for_selector(".ii-app-header .ii-nav-start")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    open_step(page, "objectives")
    step = page.locator(".ii-step-objectives")
    step.locator(".ii-objectives-name input").fill("王芳")
    step.locator(".ii-objectives-field input").fill("用户体验研究")
    page.locator(".ii-app-header .ii-nav-language select").select_option(label="简体中文")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator(".ii-nav-objectives")).to_have_class(re.compile(r"\bii-nav-current\b"))
    step = page.locator(".ii-step-objectives")
    expect(step).to_contain_text(i18n.translate("zh", "About you"))
    expect(step.locator(".ii-objectives-name input")).to_have_value("王芳")
    expect(step.locator(".ii-objectives-field input")).to_have_value("用户体验研究")
    page.locator(".ii-app-header .ii-nav-language select").select_option(label="Español")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator(".ii-step-objectives")).to_contain_text(i18n.translate("es", "About you"))
    page.reload()  # the choice is the workbook's: a new page speaks it too
    page.wait_for_selector(".ii-app-header .ii-nav-start")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    picker = page.locator(".ii-app-header .ii-nav-language select")
    assert picker.evaluate("s => s.options[s.selectedIndex].text") == "Español"
