"""Helpers for the real-browser tests: Debian's Chromium, a Voila server, a demo workspace.

Not a test module: conftest.py builds the shared browser fixtures from these, and the browser
test modules import what else they need (``from browser_support import ...``). pytest's default
"prepend" import mode puts tests/ on sys.path (there is no tests/__init__.py), so the import
works from ``make test`` and from running one file alike. Standard library only, so loading
conftest.py stays cheap for the tests that never open a browser.
"""

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

# Every notebook's page with one widget that is there only once the page rendered in Voila.
PAGES = [
    ("00_start_here", ".ii-download-button"),
    ("01_define_objectives", ".ii-objectives-save-state"),
    ("02_build_target_list", ".ii-targets-upload"),
    ("03_compose_requests", ".ii-outreach-sent"),
    ("04_prepare_questions", ".ii-questions-save-meeting"),
    ("05_debrief", ".ii-debrief-save-state"),
    ("06_send_thanks", ".ii-thanks-note-sent"),
]


def require_chromium() -> None:
    """Skip (fail on CI) when Debian's chromium is not installed."""
    if not os.path.exists(CHROMIUM):
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must install it")
        pytest.skip(message)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_voila(workspace: Path):
    """Start Voila on the notebooks folder with its own workspace, configured as ``make app``
    configures it; returns (process, URL, log)."""
    port = free_port()
    log = open(workspace.parent / "voila.log", "w")  # closed by stop_voila
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "voila",
            "notebooks",
            "--no-browser",
            f"--port={port}",
            "--Voila.ip=127.0.0.1",
            # As `make app` runs it: the workbook's Voila config (infoint_server's page hook).
            "--Voila.config_file_paths=.",
            "--Voila.config_file_paths=infoint_server/config",
        ],
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
        except OSError as exc:
            if time.time() > deadline or proc.poll() is not None:
                stop_voila(proc, log)
                raise RuntimeError(
                    "Voila did not start: " + (workspace.parent / "voila.log").read_text()[-2000:]
                ) from exc
            time.sleep(0.3)


def stop_voila(proc, log) -> None:
    """Stop a server started by start_voila (its whole process group) and close its log."""
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)
    log.close()


def full_demo(workspace: Path) -> None:
    """Run every page's demo in-process (what papermill does), so each page has content."""
    from infoint.ui import session
    from infoint.ui.debrief import DebriefPage
    from infoint.ui.objectives import ObjectivesPage
    from infoint.ui.outreach import OutreachPage
    from infoint.ui.questions import QuestionsPage
    from infoint.ui.start import StartPage
    from infoint.ui.targets import TargetsPage
    from infoint.ui.thanks import ThanksPage

    for page in (
        StartPage,
        ObjectivesPage,
        TargetsPage,
        OutreachPage,
        QuestionsPage,
        DebriefPage,
        ThanksPage,
    ):
        page.open(str(workspace), demo=True)
    session._OPEN.pop(workspace.resolve()).close()


# -- the designed look, checked on every page (test_design_browser, test_i18n_browser) ---------
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}  # a laptop and a phone
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
MIN_TARGET = 24

# Sideways scrolling: the document, Voila's own scroller, and any element that scrolls inside.
SIDEWAYS = """() => {
  const found = [];
  const root = document.scrollingElement;
  if (root.scrollWidth > window.innerWidth) found.push(`the page: ${root.scrollWidth} px`);
  for (const e of document.querySelectorAll("#rendered_cells, #rendered_cells *")) {
    const style = getComputedStyle(e);
    const scrolls = e.id === "rendered_cells" ||
      style.overflowX === "auto" || style.overflowX === "scroll";
    if (scrolls && e.scrollWidth > e.clientWidth + 1 && e.getClientRects().length) {
      found.push(`${e.tagName.toLowerCase()}.${String(e.className).slice(0, 60)}: ` +
                 `${e.scrollWidth} px in ${e.clientWidth} px`);
    }
  }
  return found;
}"""

# Controls smaller than the minimum (a checkbox or radio button is measured with its label).
SMALL = """(minimum) => {
  const found = [];
  const controls = "button, select, input:not([type=hidden]), textarea, summary, [role=button]";
  for (const e of document.querySelectorAll(controls)) {
    let box = e.getBoundingClientRect();
    if (!box.width || !box.height || !e.checkVisibility()) continue;
    if (e.type === "checkbox" || e.type === "radio") {
      const label = e.closest("label");
      if (label) box = label.getBoundingClientRect();
    }
    if (box.width < minimum || box.height < minimum) {
      const name = (e.getAttribute("aria-label") || e.textContent || e.value || "").trim();
      found.push(`${e.tagName.toLowerCase()} "${name.slice(0, 40)}": ` +
                 `${Math.round(box.width)}x${Math.round(box.height)} px`);
    }
  }
  return found;
}"""

# How many visible landmarks of each role the page has (Voila's own hidden top panel aside).
LANDMARKS = """() => ["banner", "navigation", "main"].map((role) =>
  [...document.querySelectorAll(`[role=${role}]`)].filter((e) => e.checkVisibility()).length)"""

# Red buttons visible: a destructive action is offered only once it applies.
RED = """() => [...document.querySelectorAll(".jupyter-button.mod-danger")]
  .filter((b) => b.checkVisibility()).map((b) => b.textContent.trim())"""


def axe_violations(page) -> list[tuple[str, str, int, str]]:
    """axe-core's violations on the page (every rule, target-size too): id, impact, count, html."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return [
        (v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["html"][:160]) for v in violations
    ]


def design_problems(page) -> dict[str, list]:
    """What the designed look finds wrong on the page as shown now: axe-core's violations,
    sideways scrolling, targets under MIN_TARGET px, red buttons before they apply, and the
    landmarks (one banner, navigation and main); only the checks that found something."""
    found = {
        "axe-core": axe_violations(page),
        "sideways scrolling": page.evaluate(SIDEWAYS),
        f"smaller than {MIN_TARGET} px": page.evaluate(SMALL, MIN_TARGET),
        "red buttons before they apply": page.evaluate(RED),
    }
    landmarks = page.evaluate(LANDMARKS)
    if landmarks != [1, 1, 1]:
        found["landmarks (banner, navigation, main)"] = [landmarks]
    return {what: items for what, items in found.items() if items}
