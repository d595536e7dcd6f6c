"""Quick capture and the vCard import and download in a real browser (issue 15): Voila on
127.0.0.1, Debian's Chromium via Playwright, in the one-page app (#targets) and in step 2's
notebook, which show the same page class. Real clicks and typing; the workspace is checked
afterwards; with the new parts open, axe-core finds nothing, nothing scrolls sideways and no
control is too small, at 1280 and at 390 px. Set INFOINT_SCREENSHOTS to a folder to keep
screenshots of the open parts at both widths."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import vobject
from browser_support import SIDEWAYS, SMALL, WIDTHS
from browser_support import axe_violations as _axe

from infoint import targets as tg
from infoint.workspace import Workspace

# The fixtures (voila, browser) are in conftest.py.
pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parent / "data" / "vcard"
WHERE = {
    "app": ("/voila/render/app.ipynb#targets", ".ii-step-targets "),
    "notebook": ("/voila/render/02_build_target_list.ipynb", ""),
}
SHOTS = os.environ.get("INFOINT_SCREENSHOTS", "")
PEOPLE = {"app": ("Ingrid", "Halvorsen"), "notebook": ("Tomás", "Ferreira")}


def _open(browser, base: str, where: str):
    context = browser.new_context(
        viewport={"width": WIDTHS["desktop"][0], "height": WIDTHS["desktop"][1]},
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    path, scope = WHERE[where]
    page.goto(base + path)
    page.wait_for_selector(f"{scope}.ii-targets-capture-toggle")
    return context, page, scope


def _fits_at_both_widths(page, name: str, css: str) -> None:
    """axe-core, sideways scrolling and target sizes with the parts open, 1280 and 390 px."""
    for width, (w, h) in WIDTHS.items():
        page.set_viewport_size({"width": w, "height": h})
        page.wait_for_timeout(400)
        assert _axe(page) == [], width
        assert page.evaluate(SIDEWAYS) == [], width
        assert page.evaluate(SMALL, 24) == [], width
        if SHOTS:
            page.locator(css).first.scroll_into_view_if_needed()
            page.screenshot(path=str(Path(SHOTS) / f"{name}-{width}.png"))


@pytest.mark.parametrize("where", list(WHERE))
def test_paste_check_correct_and_save_a_person(voila, browser, where):
    from playwright.sync_api import expect

    base, workspace = voila
    first, last = PEOPLE[where]
    context, page, scope = _open(browser, base, where)
    try:
        page.click(f"{scope}.ii-targets-capture-toggle")
        expect(page.locator(f"{scope}.ii-targets-capture-propose")).to_be_hidden()  # no text yet
        page.fill(
            f"{scope}.ii-targets-capture-text textarea",
            f"Best regards,\n{first} {last}\nSenior Service Designer at Fernlight Studio\n"
            f"{first.lower()}@fernlight.example | +1 416 555 0199\nToronto, ON",
        )
        page.click(f"{scope}.ii-targets-capture-propose")
        field = lambda name: page.locator(f"{scope}.ii-targets-capture-{name} input")  # noqa: E731
        expect(field("first")).to_have_value(first)
        expect(field("last")).to_have_value(last)
        expect(field("position")).to_have_value("Senior Service Designer")
        expect(field("organization")).to_have_value("Fernlight Studio")
        expect(field("phone")).to_have_value("+1 416 555 0199")
        expect(field("location")).to_have_value("Toronto, ON")
        status = page.locator(f"{scope}.ii-targets-capture-status")
        expect(status).to_contain_text("Suggested 7 of 7")
        _fits_at_both_widths(page, f"capture-{where}", f"{scope}.ii-targets-capture-form")
        page.set_viewport_size({"width": 1280, "height": 900})
        field("position").fill("Lead Service Designer")  # the participant corrects a guess
        field("position").press("Tab")
        page.wait_for_timeout(2500)  # what is typed is kept about a second after it stops
        page.reload()  # nothing typed is lost: the paste and the correction come back
        page.wait_for_selector(f"{scope}.ii-targets-capture-text textarea")
        expect(page.locator(f"{scope}.ii-targets-capture-text textarea")).to_have_value(
            re.compile(f"{first} {last}")
        )
        expect(field("position")).to_have_value("Lead Service Designer")
        page.click(f"{scope}.ii-targets-capture-save")
        expect(status).to_contain_text(f"Saved {first} {last}")
        expect(field("first")).to_be_hidden()
        with Workspace.open(workspace) as ws:
            saved = next(c for c in tg.load_contacts(ws) if c.last_name == last)
        assert saved.first_name == first and saved.position == "Lead Service Designer"
        assert (
            saved.source == "quick capture" and saved.email == f"{first.lower()}@fernlight.example"
        )
        page.click(f"{scope}.ii-targets-capture-edit")  # the connection goes in the form
        expect(page.locator(f"{scope}.ii-targets-c-first input")).to_have_value(first)
        expect(page.locator(f"{scope}.ii-targets-c-position input")).to_have_value(
            "Lead Service Designer"
        )
        # markup typed into a field is saved as text and shown as text, never run
        page.fill(
            f"{scope}.ii-targets-capture-text textarea",
            f"Lena Fischer\nEngineer at {where.title()} SE",
        )
        page.click(f"{scope}.ii-targets-capture-propose")
        field("first").fill("<img src=x onerror=window.__pwned=1>")
        field("first").press("Tab")
        page.click(f"{scope}.ii-targets-capture-save")
        expect(status).to_contain_text("Saved <img src=x onerror=window.__pwned=1> Fischer")
        assert page.evaluate("() => window.__pwned") is None
        assert page.locator(f"{scope}.ii-targets-capture-status img").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("where", list(WHERE))
def test_import_a_vcard_file_refuse_a_bad_one_and_download_vcard(voila, browser, where, tmp_path):
    from playwright.sync_api import expect

    base, workspace = voila
    context, page, scope = _open(browser, base, where)
    try:
        status = page.locator(f"{scope}.ii-targets-import-status")
        with page.expect_file_chooser() as chooser:
            page.click(f"{scope}.ii-targets-upload")
        chooser.value.set_files(str(DATA / "google-contacts.vcf"))
        expect(status).to_contain_text("vCard file with 3 people, 1 left out")
        page.click(f"{scope}.ii-targets-import")
        expect(status).to_contain_text("google-contacts.vcf: ")
        expect(status).to_contain_text("Line 35: no name")
        with Workspace.open(workspace) as ws:
            names = {c.full_name for c in tg.load_contacts(ws)}
        assert {"Kenji Halvorsen", "Rosa Delgado-Fitch", "王小明"} <= names
        # a cut-off file: refused with its line, nothing imported
        cut = tmp_path / "cut.vcf"
        cut.write_bytes((DATA / "outlook.vcf").read_bytes().rsplit(b"END:VCARD", 1)[0])
        with Workspace.open(workspace) as ws:
            before = len(ws.rows("contacts"))
        with page.expect_file_chooser() as chooser:
            page.click(f"{scope}.ii-targets-upload")
        chooser.value.set_files(str(cut))
        expect(status).to_contain_text("line 19 never ends")
        expect(status).to_contain_text("Nothing was imported")
        expect(page.locator(f"{scope}.ii-targets-import")).to_be_hidden()
        with Workspace.open(workspace) as ws:
            assert len(ws.rows("contacts")) == before
            active = [c for c in tg.load_contacts(ws) if not c.archived]
        # the download: everyone, read back by vobject
        page.click(f"{scope}.ii-targets-vcard-toggle")
        with page.expect_download() as info:
            page.click(f"{scope}.ii-targets-vcard-download .ii-download-button")
        saved = tmp_path / info.value.suggested_filename
        info.value.save_as(saved)
        assert saved.name == "infoint-contacts.vcf"
        cards = list(vobject.readComponents(saved.read_text(encoding="utf-8")))
        assert sorted(c.fn.value for c in cards) == sorted(c.full_name for c in active)
        vcard_status = page.locator(f"{scope}.ii-targets-vcard-status")
        expect(vcard_status).to_contain_text(f"{len(active)} people, without your notes")
        assert not any("note" in c.contents for c in cards)  # private notes only when ticked
        page.check(f"{scope}.ii-targets-vcard-targets-only input")
        expect(page.locator(f"{scope}.ii-targets-vcard-download")).to_be_hidden()  # no targets
        waiting = page.locator(f"{scope}.ii-targets-vcard-waiting")
        expect(waiting).to_contain_text("You have picked no targets yet")
        _fits_at_both_widths(page, f"vcard-{where}", f"{scope}.ii-targets-vcard")
    finally:
        context.close()


def test_a_capture_matching_someone_saved_shows_the_change_then_undoes_it(voila, browser):
    from playwright.sync_api import expect

    base, workspace = voila
    with Workspace.open(workspace) as ws:
        tg.save_contact(
            ws,
            tg.Contact(
                first_name="Mireille",
                last_name="Okonkwo",
                email="mireille@tidewater.example",
                position="Analyst",
            ),
        )
    context, page, scope = _open(browser, base, "app")
    try:
        page.click(f"{scope}.ii-targets-capture-toggle")
        page.fill(
            f"{scope}.ii-targets-capture-text textarea",
            "Tidewater Okafor\nSenior Analyst\nmireille@tidewater.example",
        )
        page.click(f"{scope}.ii-targets-capture-propose")
        status = page.locator(f"{scope}.ii-targets-capture-status")
        expect(status).to_contain_text("Matches Mireille Okonkwo, already saved (same email)")
        expect(status).to_contain_text("job title Analyst → Senior Analyst")
        expect(status).to_contain_text("first name Mireille → Tidewater")
        rename = page.locator(f"{scope}.ii-targets-capture-rename")
        expect(rename).to_be_visible()
        _fits_at_both_widths(page, "capture-match", f"{scope}.ii-targets-capture-status")
        page.set_viewport_size({"width": 1280, "height": 900})
        page.click(f"{scope}.ii-targets-capture-save")
        expect(status).to_contain_text("Mireille Okonkwo was already in your contacts")
        with Workspace.open(workspace) as ws:
            saved = next(c for c in tg.load_contacts(ws) if c.email.startswith("mireille@"))
        assert saved.full_name == "Mireille Okonkwo" and saved.position == "Senior Analyst"
        page.click(f"{scope}.ii-targets-capture-undo")
        expect(status).to_contain_text("Undone")
        expect(page.locator(f"{scope}.ii-targets-capture-undo")).to_be_hidden()
        with Workspace.open(workspace) as ws:
            saved = next(c for c in tg.load_contacts(ws) if c.email.startswith("mireille@"))
        assert saved.position == "Analyst"
    finally:
        context.close()
