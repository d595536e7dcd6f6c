"""Real-browser tests: Voila on 127.0.0.1 driven by Playwright in Debian's Chromium."""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path

import pytest
from browser_support import PAGES, ROOT

from infoint.exports import read_backup
from infoint.workspace import Workspace

# The fixtures (voila, fresh_voila, demo_voila, browser, page) are in conftest.py.
pytestmark = pytest.mark.browser

NAME = "Ale$$andra <b>Bold</b>"
GOALS = (
    "Which research methods a UX researcher uses day to day\n"
    "How the team hires and which experience counts"
)


def test_step1_fill_reload(voila, page):
    from playwright.sync_api import expect

    base, workspace = voila
    page.goto(f"{base}/voila/render/01_define_objectives.ipynb")
    page.wait_for_selector(".ii-objectives-save-state")
    page.fill(".ii-objectives-name input", NAME)
    page.fill(".ii-objectives-email input", "binaryman01@gmail.com")
    expect(page.locator(".ii-objectives-profile-feedback")).to_contain_text("binary")
    page.fill(".ii-objectives-email input", "alessandra.bold@example.edu")
    expect(page.locator(".ii-objectives-profile-feedback")).not_to_contain_text("binary")
    page.fill(".ii-objectives-timezone input", "Europe/Paris")
    page.check(".ii-objectives-kind-role input")
    page.fill(".ii-objectives-goals textarea", GOALS)
    page.fill(".ii-objectives-plan-total input", "4")
    page.press(".ii-objectives-plan-total input", "Tab")
    page.click(".ii-objectives-plan-suggest")
    expect(page.locator(".ii-objectives-plan-both input")).to_have_value("2")
    page.fill(
        ".ii-objectives-pitch textarea",
        "I manage a hotel front desk and I'm moving into UX research; I'd value your view.",
    )
    expect(page.locator(".ii-objectives-pitch-feedback")).to_contain_text("words")
    # no Save button: the answers are written about a second after typing stops
    expect(page.locator(".ii-objectives-status")).to_contain_text("Saved ")

    with Workspace.open(workspace) as ws:
        assert ws.get_row("profile")["name"] == NAME

    page.reload()
    page.wait_for_selector(".ii-objectives-save-state")
    expect(page.locator(".ii-objectives-name input")).to_have_value(NAME)
    expect(page.locator(".ii-objectives-timezone input")).to_have_value("Europe/Paris")
    expect(page.locator(".ii-objectives-goals textarea")).to_have_value(GOALS)
    expect(page.locator(".ii-objectives-plan-total input")).to_have_value("4")
    expect(page.locator(".ii-objectives-kind-role input")).to_be_checked()
    expect(page.locator(".ii-objectives-status")).to_contain_text("Showing what you saved")


def test_start_page_downloads_and_restores_the_backup(voila, page, tmp_path):
    from playwright.sync_api import expect

    base, workspace = voila
    with Workspace.open(workspace) as ws:
        ws.put_row("profile", {"name": NAME})
    page.goto(f"{base}/voila/render/00_start_here.ipynb")
    page.wait_for_selector(".ii-download-button")
    expect(page.locator(".ii-start-path")).to_have_text(str(workspace))
    with page.expect_download() as info:
        page.click(".ii-start-download .ii-download-button")  # the reminders' come first
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name.startswith("infoint-backup-") and saved.suffix == ".zip"
    content = read_backup(saved.read_bytes())
    assert content["tables"]["profile"]["rows"][0][1] == NAME

    with Workspace.open(workspace) as ws:
        ws.put_row("profile", {"name": "Changed after the download"})
    with page.expect_file_chooser() as chooser:  # the same dialog a click opens for a person
        page.click(".ii-start-upload")
    chooser.value.set_files(str(saved))
    expect(page.locator(".ii-start-backup-status")).to_contain_text("is a workbook backup")
    page.click(".ii-start-restore")
    expect(page.locator(".ii-start-backup-status")).to_contain_text("Restored")
    with Workspace.open(workspace) as ws:
        assert ws.get_row("profile")["name"] == NAME


def test_demo_button_in_the_app(voila, page):
    from playwright.sync_api import expect

    base, _ = voila
    page.goto(f"{base}/voila/render/00_start_here.ipynb")
    page.wait_for_selector(".ii-start-demo")
    page.click(".ii-start-demo")
    expect(
        page.locator(".ii-start-demo-confirm")
    ).to_be_visible()  # the earlier tests left data here
    page.click(".ii-start-demo-confirm")
    expect(page.locator(".ii-start-demo-status")).to_contain_text("Leela Varadan")
    expect(page.locator(".ii-start-progress")).to_contain_text("Step 1")
    page.goto(f"{base}/voila/render/01_define_objectives.ipynb")
    page.wait_for_selector(".ii-objectives-save-state")
    expect(page.locator(".ii-objectives-name input")).to_have_value("Leela Varadan")


def test_every_notebook_has_a_browser_page_entry():
    assert sorted(f"{name}.ipynb" for name, _ in PAGES) == sorted(
        p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")
    )


@pytest.mark.parametrize("notebook, ready", PAGES)
def test_pages_have_no_serious_accessibility_violations(demo_voila, page, notebook, ready):
    from axe_playwright_python.sync_playwright import Axe

    base, _ = demo_voila
    page.goto(f"{base}/voila/render/{notebook}.ipynb")
    page.wait_for_selector(ready)
    page.wait_for_timeout(500)  # let the live feedback render too
    violations = Axe().run(page).response["violations"]
    serious = [
        (v["id"], v["impact"], v["nodes"][0]["html"][:200])
        for v in violations
        if v["impact"] in ("critical", "serious")
    ]
    assert serious == []


def test_step2_upload_linkedin_export_and_see_the_ranked_list(fresh_voila, page):
    from playwright.sync_api import expect

    base, workspace = fresh_voila
    page.goto(f"{base}/voila/render/02_build_target_list.ipynb")
    page.wait_for_selector(".ii-targets-upload")
    with page.expect_file_chooser() as chooser:
        page.click(".ii-targets-upload")
    chooser.value.set_files(str(ROOT / "data" / "demo" / "Connections.csv"))
    expect(page.locator(".ii-targets-import-status")).to_contain_text(
        "LinkedIn export with 30 rows"
    )
    page.click(".ii-targets-import")
    expect(page.locator(".ii-targets-import-status")).to_contain_text("28 added")
    table = page.locator(".ii-targets-table")
    expect(table).to_contain_text("Rank")
    expect(page.locator(".ii-targets-page-label")).to_contain_text("of 28 people")
    page.fill(".ii-targets-filter-text input", "theo")
    expect(table.locator("th.ii-name")).to_have_text(
        ["<b>Theo</b> Marchetti"]
    )  # the tag shows as text
    assert table.locator("b").count() == 0
    page.fill(".ii-targets-filter-text input", "Ale$$andra")
    expect(table.locator("th.ii-name").first).to_contain_text("Ale$$andra")
    with Workspace.open(workspace) as ws:
        assert len(ws.rows("contacts")) == 28


def test_step3_job_ask_flagged_then_fixed_sent_and_followed_up_on_the_agenda(fresh_voila, page):
    from datetime import date, timedelta

    from playwright.sync_api import expect

    from infoint.demo import apply_persona

    base, workspace = fresh_voila
    with Workspace.open(workspace) as ws:
        apply_persona(ws)
        amara = next(r["id"] for r in ws.rows("contacts") if r["first_name"] == "Amara")
        ws.write(updates={"contacts": [(amara, {"target": 1})]})
    page.goto(f"{base}/voila/render/03_compose_requests.ipynb")
    page.wait_for_selector(".ii-outreach-body textarea")
    findings = page.locator(".ii-outreach-findings")
    expect(findings).to_contain_text("Nothing to fix")
    body = page.input_value(".ii-outreach-body textarea")
    page.fill(
        ".ii-outreach-body textarea",
        body + "\nBy the way, do you have any job openings on your team?",
    )
    expect(findings).to_contain_text("R2")
    page.fill(".ii-outreach-body textarea", body)
    expect(findings).not_to_contain_text("R2")
    sent_on = date.today() - timedelta(days=9)
    page.fill(".ii-outreach-when input", sent_on.isoformat())
    page.press(".ii-outreach-when input", "Tab")
    page.click(".ii-outreach-sent")
    expect(page.locator(".ii-outreach-log-status")).to_contain_text("Recorded")
    with Workspace.open(workspace) as ws:
        (event,) = ws.events(amara)
        assert event["kind"] == "request_sent" and event["at"].startswith(sent_on.isoformat())
    page.goto(f"{base}/voila/render/00_start_here.ipynb")
    agenda = page.locator(".ii-start-agenda")
    expect(agenda).to_contain_text("Overdue")
    expect(agenda).to_contain_text("No answer from Amara Osei")
    expect(agenda.locator("a", has_text="Step 3")).to_have_attribute(
        "href", "03_compose_requests.ipynb"
    )


def _said_yes(workspace: Path) -> int:
    """A workspace with the demo persona where Amara is a target who said yes; returns her id."""
    from infoint.demo import apply_persona

    with Workspace.open(workspace) as ws:
        apply_persona(ws)
        amara = next(r["id"] for r in ws.rows("contacts") if r["first_name"] == "Amara")
        ws.write(updates={"contacts": [(amara, {"target": 1})]})
        ws.append_event("request_sent", amara, {"channel": "email"})
        ws.append_event("reply", amara, {"answer": "yes"})
    return amara


def test_step4_schedule_propose_remove_and_download_the_prep_sheet(fresh_voila, page, tmp_path):
    from datetime import date, timedelta

    from playwright.sync_api import expect

    base, workspace = fresh_voila
    amara = _said_yes(workspace)
    page.goto(f"{base}/voila/render/04_prepare_questions.ipynb")
    page.wait_for_selector(".ii-questions-save-meeting")
    expect(page.locator(".ii-questions-person select")).to_contain_text("Amara Osei")
    page.fill(".ii-questions-date input", (date.today() + timedelta(days=5)).isoformat())
    page.fill(".ii-questions-start input", "10:30")
    page.fill(".ii-questions-place input", "https://meet.example.org/amara")
    page.press(".ii-questions-place input", "Tab")
    page.click(".ii-questions-save-meeting")  # Book this meeting: an event, still a button
    expect(page.locator(".ii-questions-meeting-status")).to_contain_text("Booked")
    page.click(".ii-questions-propose")
    options = page.locator(".ii-questions-list select option")
    expect(options.first).to_be_attached()
    before = options.count()
    assert before >= 3
    second = (
        options.nth(1).text_content().replace("\xa0", " ")
    )  # Select shows spaces as no-break spaces
    page.select_option(".ii-questions-list select", index=1)
    page.click(".ii-questions-remove")
    expect(options).to_have_count(before - 1)
    assert second.split(". ", 1)[1] not in page.locator(
        ".ii-questions-list select"
    ).text_content().replace("\xa0", " ")
    with page.expect_download() as info:
        page.click(".ii-questions-sheet-html button")
    sheet = tmp_path / info.value.suggested_filename
    info.value.save_as(sheet)
    html = sheet.read_text(encoding="utf-8")
    assert "Amara Osei" in html and second.split(". ", 1)[1] not in html
    with Workspace.open(workspace) as ws:
        (meeting,) = ws.rows("meetings", "contact_id = ?", (amara,))
        assert len(json.loads(meeting["questions"])) == before - 1
        assert [e["kind"] for e in ws.events(amara)][-1] == "meeting_scheduled"


def test_step5_and_6_debrief_referral_in_step2_then_thank_you_sent(fresh_voila, page):
    from datetime import datetime, timedelta

    from playwright.sync_api import expect

    from infoint import meetings as mt
    from infoint import questions as qs

    base, workspace = fresh_voila
    amara = _said_yes(workspace)
    with Workspace.open(workspace) as ws:
        start = datetime.now(UTC) - timedelta(hours=3)
        meeting = mt.Meeting(
            contact_id=amara,
            starts_at=start.isoformat(),
            minutes=30,
            mode="video",
            place="https://meet.example.org/x",
            questions=qs.to_entries(qs.propose(None, "senior", 30)),
        )
        mt.save_meeting(ws, meeting)
        ws.append_event("meeting_scheduled", amara, {"starts_at": meeting.starts_at, "minutes": 30})
    page.goto(f"{base}/voila/render/05_debrief.ipynb")
    page.wait_for_selector(".ii-debrief-save-state")
    page.click(".ii-debrief-held")
    expect(page.locator(".ii-debrief-meeting-note")).to_contain_text("Marked as held")
    page.fill(
        ".ii-debrief-insights textarea",
        "Research ops is a way in; <b>synthesis</b> takes most of the time.",
    )
    page.press(".ii-debrief-insights textarea", "Tab")
    expect(page.locator(".ii-debrief-status")).to_contain_text("Saved")
    page.fill(".ii-debrief-ref-first input", "Nadia")
    page.fill(".ii-debrief-ref-last input", "Okafor")
    page.fill(".ii-debrief-ref-organization input", "Harbourline Hotels")
    page.click(".ii-debrief-ref-add")
    expect(page.locator(".ii-debrief-ref-status")).to_contain_text("now on your list")

    page.goto(f"{base}/voila/render/02_build_target_list.ipynb")
    page.wait_for_selector(".ii-targets-filter-text input")
    page.fill(".ii-targets-filter-text input", "Nadia")
    expect(page.locator(".ii-targets-table th.ii-name")).to_have_text(["Nadia Okafor"])
    expect(page.locator(".ii-targets-table")).to_contain_text("someone you know can introduce you")

    page.goto(f"{base}/voila/render/06_send_thanks.ipynb")
    page.wait_for_selector(".ii-thanks-note-sent")
    expect(page.locator(".ii-thanks-deadline")).to_contain_text("Due")
    page.fill(".ii-thanks-specific input", "Research ops is a way in")
    page.fill(".ii-thanks-suggestion input", "talking to Nadia Okafor")
    page.fill(".ii-thanks-suggestion-status input", "I have written to her today")
    page.click(".ii-thanks-compose")
    expect(page.locator(".ii-thanks-note-findings")).to_contain_text("ready to send")
    page.click(".ii-thanks-note-sent")
    expect(page.locator(".ii-thanks-note-status")).to_contain_text("Recorded")
    with Workspace.open(workspace) as ws:
        kinds = [e["kind"] for e in ws.events(amara)]
        assert kinds.count("met") == 1 and kinds[-1] == "thanks_sent"
        nadia = next(r for r in ws.rows("contacts") if r["first_name"] == "Nadia")
        assert nadia["referred_by"] == amara and nadia["source"] == "referral"


def test_report_downloads_from_the_start_page_and_runs_nothing(demo_voila, page, tmp_path):
    from playwright.sync_api import expect

    base, _ = demo_voila
    page.goto(f"{base}/voila/render/00_start_here.ipynb")
    page.wait_for_selector(".ii-start-report button")
    page.get_by_label("Everything, notes included").check()  # counts only is the default
    with page.expect_download(timeout=90_000) as info:
        page.click(".ii-start-report button")
    report = tmp_path / info.value.suggested_filename
    info.value.save_as(report)
    expect(page.locator(".ii-start-report-status")).to_contain_text("prepared")
    viewer = page.context.new_page()  # a fresh tab: only the report's own requests are recorded
    requests = []
    viewer.on("request", lambda r: requests.append(r.url))
    viewer.goto(report.as_uri())
    body = viewer.inner_text("body")
    for expected in ("Leela Varadan", "Tidewater Travel Group", "<b>Theo</b> Marchetti"):
        assert expected in body
    assert (
        viewer.evaluate("typeof window.__pwned") == "undefined"
        and viewer.locator("script").count() == 0
    )
    assert [u for u in requests if not u.startswith(("file:", "data:", "about:"))] == []
