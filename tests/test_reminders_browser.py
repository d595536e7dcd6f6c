"""The reminders' downloads in a real browser (Voila, Debian's Chromium), on the demo persona's
workbook after all six steps: the calendar file and the week's draft download from the app's
start page and from 00_start_here; what lands is what is due; the section has no axe-core
violation and nothing scrolls sideways at 1280 and 390 px."""

from __future__ import annotations

import email
import email.policy
import os
from pathlib import Path

import pytest
from browser_support import SIDEWAYS, SMALL, WIDTHS
from browser_support import axe_violations as _axe
from icalendar import Calendar

from infoint.reminders import due_events
from infoint.workspace import Workspace

pytestmark = pytest.mark.browser

APP = "/voila/render/app.ipynb"
SHOTS = os.environ.get("INFOINT_SCREENSHOTS", "")  # a folder: keep screenshots to look at


def _download(page, css: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.click(f"{css} .ii-download-button")
    saved = folder / info.value.suggested_filename
    info.value.save_as(saved)
    return saved


def _check_calendar(path: Path, workspace: Path) -> int:
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    active = [e for e in events if str(e["STATUS"]) == "CONFIRMED"]
    with Workspace.open(workspace) as ws:
        due = due_events(ws)
    assert sorted(str(e["UID"]) for e in active) == sorted(e.uid for e in due)
    assert len({str(e["UID"]) for e in events}) == len(events)
    return len(active)


def _sequences(path: Path) -> dict[str, tuple[int, object]]:
    """Each event's SEQUENCE and start, by UID."""
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    return {str(e["UID"]): (int(e["SEQUENCE"]), e["DTSTART"].dt) for e in events}


@pytest.mark.parametrize("width", list(WIDTHS), ids=list(WIDTHS))
def test_the_app_start_page_downloads_the_calendar_and_the_week(
    demo_voila, browser, width, tmp_path
):
    from playwright.sync_api import expect

    base, workspace = demo_voila
    size = WIDTHS[width]
    context = browser.new_context(
        viewport={"width": size[0], "height": size[1]}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{base}{APP}")
        page.wait_for_selector(".ii-start-calendar .ii-download-button")
        status = page.locator(".ii-start-reminders-status")
        calendar = _download(page, ".ii-start-calendar", tmp_path)
        assert calendar.suffix == ".ics"
        due = _check_calendar(calendar, workspace)
        assert due >= 5
        expect(status).to_contain_text(f"holds {due} things due")
        week = _download(page, ".ii-start-week", tmp_path)
        message = email.message_from_bytes(week.read_bytes(), policy=email.policy.strict)
        assert message["Subject"].startswith("My week:") and message["X-Unsent"] == "1"
        assert "What to do:" in message.get_content()
        expect(status).to_contain_text("nothing was sent")
        (tmp_path / "again").mkdir()
        again = _download(page, ".ii-start-calendar", tmp_path / "again")
        expect(status).to_contain_text("nothing changed since the last one")
        assert _sequences(again) == _sequences(calendar)
        assert _axe(page) == []
        assert page.evaluate(SIDEWAYS) == []
        assert page.evaluate(SMALL, 24) == []
        if SHOTS:
            section = page.locator(".ii-start-reminders")
            section.scroll_into_view_if_needed()
            page.screenshot(path=str(Path(SHOTS) / f"reminders-{width}.png"))
    finally:
        context.close()


def test_the_start_notebook_downloads_the_calendar(demo_voila, page, tmp_path):
    from playwright.sync_api import expect

    base, workspace = demo_voila
    page.goto(f"{base}/voila/render/00_start_here.ipynb")
    page.wait_for_selector(".ii-start-calendar .ii-download-button")
    calendar = _download(page, ".ii-start-calendar", tmp_path)
    due = _check_calendar(calendar, workspace)
    # the app's test may have downloaded before: then nothing changed since
    expect(page.locator(".ii-start-reminders-status")).to_contain_text(f"holds {due} things")
