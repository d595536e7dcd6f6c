"""The whole journey inside the one app page, by real clicks: shared by the app's browser test
and the JupyterHub test (where several participants walk it at once).

``walk_the_journey`` starts on an empty workspace, moves between steps only through the app's
navigation (never a page load), and checks the start page's agenda after each step; it returns
what it entered, for ``assert_journey_landed`` to find in the workspace file afterwards.
"""

from __future__ import annotations

import html
import re
import time
from datetime import date, timedelta
from pathlib import Path

from infoint.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
CONNECTIONS = ROOT / "data" / "demo" / "Connections.csv"
TARGETS = 6  # Pick my top targets picks this many from the demo's LinkedIn export
STEP_TIMEOUT = 60_000  # ms: a first visit builds the step; many participants share two cores
# Each step's first widget: there once the step is built and shown.
READY = {
    "start": ".ii-start-agenda",
    "objectives": ".ii-objectives-name input",
    "targets": ".ii-targets-upload",
    "outreach": ".ii-outreach-sent",
    "questions": ".ii-questions-save-meeting",
    "debrief": ".ii-debrief-held",
    "thanks": ".ii-thanks-note-sent",
}
CURRENT = re.compile(r"\bii-nav-current\b")


def open_step(page, key: str) -> None:
    """Click ``key`` in the app's navigation and wait until the step shows its first widget."""
    from playwright.sync_api import expect

    page.click(f".ii-app-nav .ii-nav-{key}")
    expect(page.locator(f".ii-nav-{key}")).to_have_class(CURRENT, timeout=STEP_TIMEOUT)
    expect(page.locator(f".ii-step-{key} {READY[key]}").first).to_be_visible(timeout=STEP_TIMEOUT)


def expect_agenda(page, *texts: str, absent: str = "") -> None:
    """Go to the start page and wait (views stay current by themselves) for the agenda to say
    ``texts`` and, if given, no longer say ``absent``."""
    from playwright.sync_api import expect

    open_step(page, "start")
    agenda = page.locator(".ii-step-start .ii-start-agenda")
    for text in texts:
        expect(agenda).to_contain_text(text, timeout=STEP_TIMEOUT)
    if absent:
        expect(agenda).not_to_contain_text(absent, timeout=STEP_TIMEOUT)


def written(workspace: Path, check, timeout: float = 30.0) -> None:
    """Wait until the workspace file holds what ``check(ws)`` looks for: typing saves by
    itself, about a second after it stops."""
    deadline = time.monotonic() + timeout
    while True:
        with Workspace.open(workspace) as ws:
            if check(ws):
                return
        if time.monotonic() > deadline:
            raise AssertionError("what was typed never reached the workspace")
        time.sleep(0.2)


def walk_the_journey(page, app_url: str, name: str = "Sam Rivera", save_dir: Path | None = None):
    """Open the app at ``app_url`` on an empty workspace and go through all six steps by
    clicks. Returns what was entered (``assert_journey_landed`` checks it landed)."""
    from playwright.sync_api import expect

    first = name.split()[0]
    email = f"{first.lower()}.rivera@example.edu"
    page.goto(app_url)
    expect(page.locator(".ii-app-header .ii-nav-start")).to_be_visible(timeout=STEP_TIMEOUT)
    page.evaluate("window.__iiOneAppPage = true")  # gone if anything loads another page
    expect_agenda(page, "Nothing is due today")

    # Step 1: objectives, saved as they are typed (there is no Save button)
    open_step(page, "objectives")
    step = page.locator(".ii-step-objectives")
    step.locator(".ii-objectives-name input").fill(name)
    step.locator(".ii-objectives-email input").fill(email)
    step.locator(".ii-objectives-timezone input").fill("America/Toronto")
    step.locator(".ii-objectives-location input").fill("Toronto")
    step.locator(".ii-objectives-kind-role input").check()
    step.locator(".ii-objectives-field input").fill("user experience research")
    step.locator(".ii-objectives-roles textarea").fill("UX researcher\nService designer")
    step.locator(".ii-objectives-goals textarea").fill(
        "Which research methods a UX researcher uses day to day"
    )
    pitch = f"I'm {first}, I run guest services at a hotel and I'm moving into UX research."
    step.locator(".ii-objectives-pitch textarea").fill(pitch)
    expect(step.locator(".ii-objectives-status")).to_contain_text("Saved ", timeout=STEP_TIMEOUT)

    # Step 2: import the LinkedIn export and pick the top targets
    open_step(page, "targets")
    step = page.locator(".ii-step-targets")
    with page.expect_file_chooser() as chooser:
        step.locator(".ii-targets-upload").click()
    chooser.value.set_files(str(CONNECTIONS))
    status = step.locator(".ii-targets-import-status")
    expect(status).to_contain_text("LinkedIn export", timeout=STEP_TIMEOUT)
    step.locator(".ii-targets-import").click()
    expect(status).to_contain_text("28 added", timeout=STEP_TIMEOUT)
    step.locator(".ii-targets-pick-top").click()
    expect(step.locator(".ii-targets-table-status")).to_contain_text(
        f"Picked {TARGETS} people", timeout=STEP_TIMEOUT
    )
    expect_agenda(page, "Write your request to")

    # Step 3: the drafted request, sent, and a yes logged
    open_step(page, "outreach")
    step = page.locator(".ii-step-outreach")
    option = step.locator(".ii-outreach-person select option").first
    person = option.text_content().replace("\xa0", " ").split(" (")[0]
    expect(step.locator(".ii-outreach-body textarea")).not_to_be_empty()
    step.locator(".ii-outreach-sent").click()
    log = step.locator(".ii-outreach-log-status")
    expect(log).to_contain_text("Recorded", timeout=STEP_TIMEOUT)
    step.locator(".ii-outreach-answer button:has-text('yes')").click()
    step.locator(".ii-outreach-log-answer").click()
    expect(log).to_contain_text("said yes", timeout=STEP_TIMEOUT)
    expect_agenda(page, f"{person} (", "said yes")

    # Step 4: book the meeting, get questions, download the prep sheet
    open_step(page, "questions")
    step = page.locator(".ii-step-questions")
    expect(step.locator(".ii-questions-person select")).to_contain_text("said yes")
    step.locator(".ii-questions-date input").fill((date.today() + timedelta(days=1)).isoformat())
    step.locator(".ii-questions-start input").fill("09:30")
    step.locator(".ii-questions-place input").fill("https://meet.example.org/sam")
    step.locator(".ii-questions-place input").press("Tab")
    step.locator(".ii-questions-save-meeting").click()  # Book this meeting: an event
    expect(step.locator(".ii-questions-meeting-status")).to_contain_text(
        "Booked", timeout=STEP_TIMEOUT
    )
    step.locator(".ii-questions-propose").click()
    expect(step.locator(".ii-questions-questions-status")).to_contain_text(
        "questions suggested", timeout=STEP_TIMEOUT
    )
    sheet_text = ""
    if save_dir is not None:
        with page.expect_download(timeout=STEP_TIMEOUT) as info:
            step.locator(".ii-questions-sheet-html button").click()
        sheet = save_dir / info.value.suggested_filename
        info.value.save_as(sheet)
        sheet_text = sheet.read_text(encoding="utf-8")
        assert html.escape(person) in sheet_text  # names appear as text, never as markup
    expect_agenda(page, "Prepare for your meeting")

    # Step 5: the meeting took place; the debrief, with a referral
    open_step(page, "debrief")
    step = page.locator(".ii-step-debrief")
    step.locator(".ii-debrief-held").click()
    expect(step.locator(".ii-debrief-meeting-note")).to_contain_text(
        "Marked as held", timeout=STEP_TIMEOUT
    )
    insight = f"Research operations is a real way into the field, {first} learned."
    step.locator(".ii-debrief-insights textarea").fill(insight)
    step.locator(".ii-debrief-insights textarea").press("Tab")
    expect(step.locator(".ii-debrief-status")).to_contain_text("Saved", timeout=STEP_TIMEOUT)
    step.locator(".ii-debrief-ref-first input").fill("Nadia")
    step.locator(".ii-debrief-ref-last input").fill("Okafor")
    step.locator(".ii-debrief-ref-add").click()
    expect(step.locator(".ii-debrief-ref-status")).to_contain_text(
        "now on your list", timeout=STEP_TIMEOUT
    )
    expect_agenda(page, "thank-you note", person)

    # Step 6: the thank-you, composed and recorded as sent
    open_step(page, "thanks")
    step = page.locator(".ii-step-thanks")
    step.locator(".ii-thanks-specific input").fill("Research operations is a real way in")
    step.locator(".ii-thanks-suggestion input").fill("talking to Nadia Okafor")
    step.locator(".ii-thanks-suggestion-status input").fill("I wrote to her this morning")
    step.locator(".ii-thanks-compose").click()
    expect(step.locator(".ii-thanks-note-findings")).to_contain_text(
        "ready to send", timeout=STEP_TIMEOUT
    )
    step.locator(".ii-thanks-note-sent").click()
    expect(step.locator(".ii-thanks-note-status")).to_contain_text("Recorded", timeout=STEP_TIMEOUT)
    expect_agenda(page, absent="thank-you note")
    assert page.evaluate("window.__iiOneAppPage === true"), "a step loaded a new page"
    return {"name": name, "email": email, "pitch": pitch, "person": person, "insight": insight}


def assert_journey_landed(workspace: Path, entered: dict) -> None:
    """Everything ``walk_the_journey`` entered is in the workspace file."""
    with Workspace.open(workspace) as ws:
        profile = ws.get_row("profile")
        assert (profile["name"], profile["email"]) == (entered["name"], entered["email"])
        assert profile["pitch"] == entered["pitch"]
        assert sum(r["target"] for r in ws.rows("contacts")) == TARGETS
        kinds = [e["kind"] for e in ws.events()]
        for kind in ("request_sent", "reply", "meeting_scheduled", "met", "thanks_sent"):
            assert kinds.count(kind) == 1, (kind, kinds)
        assert [r["insights"] for r in ws.rows("debriefs")] == [entered["insight"]]
        referred = [r for r in ws.rows("contacts") if r["source"] == "referral"]
        assert [(r["first_name"], r["last_name"]) for r in referred] == [("Nadia", "Okafor")]
