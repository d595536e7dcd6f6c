"""The assignment write-up in a real browser: step 6's checklist shows before any download, the
course typed there titles the files, and the Word and Markdown files Chromium saves hold every
part with a pasted payload as literal text; the part fits a phone's width."""

from __future__ import annotations

import zipfile

import pytest
from test_writeup import HEADINGS, PAYLOAD, PAYLOAD_SHOWN

from infoint.workspace import Workspace

pytestmark = pytest.mark.browser

STEP6 = "/voila/render/06_send_thanks.ipynb"
APP = "/voila/render/app.ipynb#thanks"
COURSE = "CAREER 210 <b>$5</b> =SUM(A1)"
PART = ".ii-thanks-writeup-checklist"


@pytest.fixture(scope="module")
def payload_demo(demo_voila):
    """The demo after all six steps, with the debrief's insights replaced by a payload."""
    base, workspace = demo_voila
    with Workspace.open(workspace) as ws:
        (row,) = ws.rows("debriefs")
        ws.save("debriefs", row["id"], {"insights": PAYLOAD})
    return base, workspace


def _open(page, url: str) -> None:
    page.set_default_timeout(60_000)
    page.goto(url)
    page.wait_for_selector(PART)


def _download(page, selector: str, tmp_path):
    with page.expect_download() as info:
        page.click(f"{selector} button")
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    return saved


def test_the_checklist_shows_then_both_files_download_literal(payload_demo, page, tmp_path):
    import docx
    from playwright.sync_api import expect

    base, workspace = payload_demo
    _open(page, f"{base}{STEP6}")
    checklist = page.locator(PART)
    expect(checklist).to_contain_text("8 of 9 parts are there; 1 still empty.")
    expect(checklist).to_contain_text("Still empty: The research you did beforehand")
    expect(checklist).to_contain_text("add it in step 4, research notes")
    expect(page.locator(".ii-thanks-writeup-meeting select")).to_contain_text("Amara Osei")
    page.fill(".ii-thanks-writeup-course input", COURSE)

    saved = _download(page, ".ii-thanks-writeup-docx", tmp_path)
    assert saved.name.startswith("interview-write-up-amara-osei-") and saved.suffix == ".docx"
    document = docx.Document(str(saved))
    texts = [p.text for p in document.paragraphs]
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == HEADINGS
    assert COURSE in texts and PAYLOAD_SHOWN in texts
    xml = zipfile.ZipFile(saved).read("word/document.xml").decode("utf-8")
    assert "<w:hyperlink" not in xml and "<w:instrText" not in xml and "<w:fldSimple" not in xml
    expect(page.locator(".ii-thanks-writeup-status")).to_contain_text(f"Made {saved.name}")

    md = _download(page, ".ii-thanks-writeup-md", tmp_path).read_text(encoding="utf-8")
    assert "CAREER 210 \\<b\\>\\$5\\</b\\> =SUM(A1)" in md
    assert "\\<script\\>alert(1)\\</script\\>" in md and "\\*\\*bold\\*\\*" in md
    assert "\x07" not in md and "\u2407bell" in md
    assert [line[3:] for line in md.splitlines() if line.startswith("## ")] == HEADINGS
    with Workspace.open(workspace) as ws:  # typed on the page, kept in the workbook
        assert ws.get_meta("writeup.course") == COURSE
    assert PAYLOAD.startswith("<script>")


@pytest.mark.parametrize("width", [1280, 390])
def test_the_write_up_in_the_app_fits_and_reads_in_words(payload_demo, browser, width, tmp_path):
    from playwright.sync_api import expect

    base, _ = payload_demo
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        _open(page, f"{base}{APP}")
        part = page.locator(".ii-step-thanks " + PART)
        part.scroll_into_view_if_needed()
        expect(part).to_contain_text("Done: Whom you interviewed")
        section = page.locator(".ii-step-thanks .ii-section").filter(has=page.locator(PART))
        box = section.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        wide = page.evaluate(
            """(sel) => [...document.querySelectorAll(sel + ' *')]
              .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
              .map((e) => e.className || e.tagName).slice(0, 5)""",
            ".ii-step-thanks .ii-thanks-writeup-checklist",
        )
        assert wide == []
        for name in ("docx", "md"):
            button = page.locator(f".ii-step-thanks .ii-thanks-writeup-{name} button")
            size = button.bounding_box()
            assert size["height"] >= 24 and size["width"] >= 24
            assert button.get_attribute("aria-label").startswith("Download")
        section.screenshot(path=str(tmp_path / f"writeup-{width}.png"))
    finally:
        context.close()
