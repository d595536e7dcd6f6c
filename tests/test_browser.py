"""Real-browser tests: Voila on 127.0.0.1 driven by Playwright in Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from infoint.exports import read_backup
from infoint.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


def _require_chromium() -> None:
    if not os.path.exists(CHROMIUM):
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must install it")
        pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_voila(workspace: Path):
    """Start Voila on the notebooks folder with its own workspace; returns (process, base URL, log)."""
    port = _free_port()
    log = open(workspace.parent / "voila.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "voila", "notebooks", "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"],
        cwd=ROOT,
        env={**os.environ, "INFOINT_WORKSPACE": str(workspace)},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while True:
        try:
            urllib.request.urlopen(f"{base}/voila/templates/lab/static/voila.js", timeout=5)
            return proc, base, log
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                _stop(proc, log)
                raise RuntimeError("Voila did not start: " + (workspace.parent / "voila.log").read_text()[-2000:])
            time.sleep(0.3)


def _stop(proc, log) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)
    log.close()


@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    """A Voila server shared by this module's tests, with its own workspace file."""
    _require_chromium()
    workspace = tmp_path_factory.mktemp("browser") / "workspace.sqlite3"
    proc, base, log = _start_voila(workspace)
    yield base, workspace
    _stop(proc, log)


@pytest.fixture
def fresh_voila(tmp_path_factory):
    """A Voila server on an empty workspace, for a test that starts from nothing."""
    _require_chromium()
    workspace = tmp_path_factory.mktemp("fresh") / "workspace.sqlite3"
    proc, base, log = _start_voila(workspace)
    yield base, workspace
    _stop(proc, log)


@pytest.fixture(scope="module")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    yield pg
    context.close()


NAME = "Ale$$andra <b>Bold</b>"
GOALS = "Which research methods a UX researcher uses day to day\nHow the team hires and which experience counts"


def test_step1_fill_save_reload(voila, page):
    from playwright.sync_api import expect

    base, workspace = voila
    page.goto(f"{base}/voila/render/01_define_objectives.ipynb")
    page.wait_for_selector(".ii-objectives-save")
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
    page.fill(".ii-objectives-pitch textarea", "I manage a hotel front desk and I'm moving into UX research; I'd value your view.")
    expect(page.locator(".ii-objectives-pitch-feedback")).to_contain_text("words")
    page.click(".ii-objectives-save")
    expect(page.locator(".ii-objectives-status")).to_contain_text("Saved at")

    with Workspace.open(workspace) as ws:
        assert ws.get_row("profile")["name"] == NAME

    page.reload()
    page.wait_for_selector(".ii-objectives-save")
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
        page.click(".ii-download-button")
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
    expect(page.locator(".ii-start-demo-confirm")).to_be_visible()  # the earlier tests left data here
    page.click(".ii-start-demo-confirm")
    expect(page.locator(".ii-start-demo-status")).to_contain_text("Leela Varadan")
    expect(page.locator(".ii-start-progress")).to_contain_text("Step 1")
    page.goto(f"{base}/voila/render/01_define_objectives.ipynb")
    page.wait_for_selector(".ii-objectives-save")
    expect(page.locator(".ii-objectives-name input")).to_have_value("Leela Varadan")


@pytest.mark.parametrize(
    "notebook, ready",
    [
        ("00_start_here", ".ii-download-button"),
        ("01_define_objectives", ".ii-objectives-save"),
        ("02_build_target_list", ".ii-targets-import"),
        ("03_compose_requests", ".ii-outreach-sent"),
    ],
)
def test_pages_have_no_serious_accessibility_violations(voila, page, notebook, ready):
    from axe_playwright_python.sync_playwright import Axe

    base, _ = voila
    page.goto(f"{base}/voila/render/{notebook}.ipynb")
    page.wait_for_selector(ready)
    page.wait_for_timeout(500)  # let the live feedback render too
    violations = Axe().run(page).response["violations"]
    serious = [(v["id"], v["impact"], v["nodes"][0]["html"][:200]) for v in violations if v["impact"] in ("critical", "serious")]
    assert serious == []


def test_step2_upload_linkedin_export_and_see_the_ranked_list(fresh_voila, page):
    from playwright.sync_api import expect

    base, workspace = fresh_voila
    page.goto(f"{base}/voila/render/02_build_target_list.ipynb")
    page.wait_for_selector(".ii-targets-upload")
    with page.expect_file_chooser() as chooser:
        page.click(".ii-targets-upload")
    chooser.value.set_files(str(ROOT / "data" / "demo" / "Connections.csv"))
    expect(page.locator(".ii-targets-import-status")).to_contain_text("LinkedIn export with 30 rows")
    page.click(".ii-targets-import")
    expect(page.locator(".ii-targets-import-status")).to_contain_text("28 added")
    table = page.locator(".ii-targets-table")
    expect(table).to_contain_text("Rank")
    expect(page.locator(".ii-targets-page-label")).to_contain_text("of 28 people")
    page.fill(".ii-targets-filter-text input", "theo")
    expect(table.locator("th.ii-name")).to_have_text(["<b>Theo</b> Marchetti"])  # the tag shows as text
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
    page.fill(".ii-outreach-body textarea", body + "\nBy the way, do you have any job openings on your team?")
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
    expect(agenda.locator("a", has_text="Step 3")).to_have_attribute("href", "03_compose_requests.ipynb")
