"""The whole journey in a real browser: a new user, an empty workspace, all seven pages in Voila.

Real typing and clicks in Debian's Chromium; the start page's agenda is checked after each step.
Also a keyboard-only pass through step 1's form.
"""

from __future__ import annotations

import html
from datetime import date, timedelta
from pathlib import Path

import pytest
from app_journey import written

from infoint.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
CONNECTIONS = ROOT / "data" / "demo" / "Connections.csv"

# The browser fixtures (browser, page, fresh_voila) are in conftest.py.
pytestmark = pytest.mark.browser


def agenda_text(pg, base: str) -> str:
    pg.goto(f"{base}/voila/render/00_start_here.ipynb")
    pg.wait_for_selector(".ii-start-agenda")
    return pg.inner_text(".ii-start-agenda")


def test_a_new_user_goes_through_every_step(fresh_voila, page, tmp_path):
    from playwright.sync_api import expect

    base, workspace = fresh_voila
    assert "Nothing is due today" in agenda_text(page, base)

    # Step 1: objectives
    page.goto(f"{base}/voila/render/01_define_objectives.ipynb")
    page.wait_for_selector(".ii-objectives-save-state")
    page.fill(".ii-objectives-name input", "Sam Rivera")
    page.fill(".ii-objectives-email input", "sam.rivera@example.edu")
    page.fill(".ii-objectives-timezone input", "America/Toronto")
    page.fill(".ii-objectives-location input", "Toronto")
    page.check(".ii-objectives-kind-role input")
    page.check(".ii-objectives-kind-organization input")
    page.fill(".ii-objectives-field input", "user experience research")
    page.fill(".ii-objectives-roles textarea", "UX researcher\nUser researcher\nService designer")
    page.fill(
        ".ii-objectives-organizations textarea",
        "Tidewater Travel Group\nInnkeep Cloud\nFernlight Studio",
    )
    page.fill(
        ".ii-objectives-goals textarea",
        "Which research methods a UX researcher uses day to day\n"
        "How the team hires and which experience counts",
    )
    page.fill(
        ".ii-objectives-pitch textarea",
        "I'm Sam, I run guest services at a hotel and I'm moving into UX research. "
        "I'd love to hear how you work and how you got started.",
    )
    # no Save button: the answers are written about a second after typing stops
    written(workspace, lambda ws: "got started" in (ws.get_row("profile") or {}).get("pitch", ""))
    expect(page.locator(".ii-objectives-status")).to_contain_text("Saved ")

    # Step 2: import the LinkedIn export and pick targets
    page.goto(f"{base}/voila/render/02_build_target_list.ipynb")
    page.wait_for_selector(".ii-targets-upload")
    with page.expect_file_chooser() as chooser:
        page.click(".ii-targets-upload")
    chooser.value.set_files(str(CONNECTIONS))
    expect(page.locator(".ii-targets-import-status")).to_contain_text("LinkedIn export")
    page.click(".ii-targets-import")
    expect(page.locator(".ii-targets-import-status")).to_contain_text("28 added")
    page.click(".ii-targets-pick-top")
    expect(page.locator(".ii-targets-table-status")).to_contain_text("Picked 6 people")
    expect(page.locator(".ii-targets-mix-tips")).to_contain_text("among your 6 targets")
    assert "Write your request to" in agenda_text(page, base)

    # Step 3: draft, send, and log a yes
    page.goto(f"{base}/voila/render/03_compose_requests.ipynb")
    page.wait_for_selector(".ii-outreach-sent")
    person = (
        page.locator(".ii-outreach-person select option")
        .first.text_content()
        .replace("\xa0", " ")
        .split(" (")[0]
    )
    expect(page.locator(".ii-outreach-body textarea")).not_to_be_empty()
    expect(page.locator(".ii-outreach-findings")).to_contain_text("words")
    page.click(".ii-outreach-sent")
    expect(page.locator(".ii-outreach-log-status")).to_contain_text("Recorded")
    page.click(".ii-outreach-answer button:has-text('yes')")
    page.click(".ii-outreach-log-answer")
    expect(page.locator(".ii-outreach-log-status")).to_contain_text("said yes")
    assert f"{person} (" in agenda_text(page, base) and "said yes" in page.inner_text(
        ".ii-start-agenda"
    )

    # Step 4: schedule the meeting, get questions, print the prep sheet
    page.goto(f"{base}/voila/render/04_prepare_questions.ipynb")
    page.wait_for_selector(".ii-questions-save-meeting")
    expect(page.locator(".ii-questions-person select")).to_contain_text("said yes")
    page.fill(".ii-questions-date input", (date.today() + timedelta(days=1)).isoformat())
    page.fill(".ii-questions-start input", "09:30")
    page.fill(".ii-questions-place input", "https://meet.example.org/sam")
    page.press(".ii-questions-place input", "Tab")
    page.click(".ii-questions-save-meeting")  # Book this meeting: an event, still a button
    expect(page.locator(".ii-questions-meeting-status")).to_contain_text("Booked")
    page.click(".ii-questions-propose")
    expect(page.locator(".ii-questions-questions-status")).to_contain_text("questions suggested")
    with page.expect_download() as info:
        page.click(".ii-questions-sheet-html button")
    sheet = tmp_path / info.value.suggested_filename
    info.value.save_as(sheet)
    assert html.escape(person) in sheet.read_text(
        encoding="utf-8"
    )  # names appear as text, never as markup
    assert "Prepare for your meeting" in agenda_text(page, base)

    # Step 5: debrief, with a referral
    page.goto(f"{base}/voila/render/05_debrief.ipynb")
    page.wait_for_selector(".ii-debrief-save-state")
    page.click(".ii-debrief-held")
    expect(page.locator(".ii-debrief-meeting-note")).to_contain_text("Marked as held")
    page.fill(".ii-debrief-insights textarea", "Research operations is a real way into the field.")
    page.press(".ii-debrief-insights textarea", "Tab")
    expect(page.locator(".ii-debrief-status")).to_contain_text("Saved")
    page.fill(".ii-debrief-ref-first input", "Nadia")
    page.fill(".ii-debrief-ref-last input", "Okafor")
    page.click(".ii-debrief-ref-add")
    expect(page.locator(".ii-debrief-ref-status")).to_contain_text("now on your list")
    text = agenda_text(page, base)
    assert "thank-you note" in text and person in text

    # Step 6: the thank-you
    page.goto(f"{base}/voila/render/06_send_thanks.ipynb")
    page.wait_for_selector(".ii-thanks-note-sent")
    page.fill(".ii-thanks-specific input", "Research operations is a real way into the field")
    page.fill(".ii-thanks-suggestion input", "talking to Nadia Okafor")
    page.fill(".ii-thanks-suggestion-status input", "I wrote to her this morning")
    page.click(".ii-thanks-compose")
    expect(page.locator(".ii-thanks-note-findings")).to_contain_text("ready to send")
    page.click(".ii-thanks-note-sent")
    expect(page.locator(".ii-thanks-note-status")).to_contain_text("Recorded")
    assert "thank-you note" not in agenda_text(page, base)

    with Workspace.open(workspace) as ws:
        assert ws.get_row("profile")["name"] == "Sam Rivera"
        assert sum(r["target"] for r in ws.rows("contacts")) == 6
        kinds = [e["kind"] for e in ws.events()]
        for kind in ("request_sent", "reply", "meeting_scheduled", "met", "thanks_sent"):
            assert kind in kinds
        assert any(
            r["first_name"] == "Nadia" and r["source"] == "referral" for r in ws.rows("contacts")
        )


def test_step1_form_by_keyboard_only(fresh_voila, page):
    from playwright.sync_api import expect

    base, workspace = fresh_voila
    page.goto(f"{base}/voila/render/01_define_objectives.ipynb")
    page.wait_for_selector(".ii-objectives-save-state")

    def focused_class() -> str:
        return page.evaluate(
            "() => { const e = document.activeElement;"
            " const w = e && e.closest('[class*=\"ii-objectives-\"]');"
            " return w ? [...w.classList].find(c => c.startsWith('ii-objectives-')) : ''; }"
        )

    def tab_to(name: str, limit: int = 60) -> None:
        for _ in range(limit):
            if focused_class() == f"ii-objectives-{name}":
                return
            page.keyboard.press("Tab")
        raise AssertionError(f"Tab never reached {name}")

    tab_to("name")
    page.keyboard.type("Kim Lee")
    tab_to("email")
    page.keyboard.type("kim.lee@example.edu")
    tab_to("timezone")
    page.keyboard.type("Europe/London")
    tab_to("kind-role")
    page.keyboard.press("Space")
    tab_to("goals")
    page.keyboard.type("Which skills a data analyst uses day to day")
    tab_to("pitch")
    page.keyboard.type("I study statistics and I want to learn how analysts work.")
    page.keyboard.press("Tab")  # leaving the field; there is no Save button to reach
    written(workspace, lambda ws: "analysts work" in (ws.get_row("profile") or {}).get("pitch", ""))
    expect(page.locator(".ii-objectives-status")).to_contain_text("Saved ")
    with Workspace.open(workspace) as ws:
        profile = ws.get_row("profile")
        assert (profile["name"], profile["email"], profile["timezone"]) == (
            "Kim Lee",
            "kim.lee@example.edu",
            "Europe/London",
        )
        assert (
            "role" in ws.get_row("objective")["kinds"]
            and "data analyst" in ws.get_row("objective")["goals"]
        )
