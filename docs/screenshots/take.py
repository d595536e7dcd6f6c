"""Take the screenshots in this folder: every step of the app at 1280 and 390 px wide.

    .venv/bin/python docs/screenshots/take.py          # English, here
    .venv/bin/python docs/screenshots/take.py es zh    # Spanish and Chinese, in es/ and zh/

The demo persona goes through all six steps in a fresh workspace (tests/browser_support.py's
``full_demo``), Voila serves the app on it, and Debian's Chromium photographs each step: the
first 2,000 px of the page (Voila scrolls inside an inner element, so the viewport is made as
tall as the page first), as ``app-<step>-<width>.png``, made smaller with ``optipng`` when it is
installed. It prints each step's full height, the numbers docs/architecture.md quotes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import (  # noqa: E402 (after the path to tests/)
    CHROMIUM,
    CHROMIUM_ARGS,
    full_demo,
    start_voila,
    stop_voila,
)

from infoint.records import STEPS  # noqa: E402

WIDTHS = {1280: 900, 390: 844}
MAX_HEIGHT = 2000
TALLEST = "Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"


def main(language: str = "en") -> None:
    from playwright.sync_api import sync_playwright

    from infoint.workspace import Workspace

    folder = HERE if language == "en" else HERE / language
    folder.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp) / "workspace.sqlite3"
        full_demo(workspace)
        with Workspace.open(workspace) as ws:
            ws.set_meta("language", language)  # what the language choice saves
        proc, base, log = start_voila(workspace)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
                )
                for width, height in WIDTHS.items():
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.set_default_timeout(90_000)
                    page.goto(f"{base}/voila/render/app.ipynb")
                    page.wait_for_selector(".ii-app-header .ii-nav-start")
                    for step in STEPS:
                        page.set_viewport_size({"width": width, "height": height})
                        page.click(f".ii-nav-{step.key}")
                        page.wait_for_selector(f".ii-step-{step.key}", state="visible")
                        page.wait_for_timeout(1500)  # the live feedback and the tables
                        tallest = page.evaluate(TALLEST)
                        page.set_viewport_size({"width": width, "height": min(tallest, MAX_HEIGHT)})
                        page.wait_for_timeout(400)
                        shot = folder / f"app-{step.key}-{width}.png"
                        page.screenshot(path=str(shot))
                        print(f"{language} {step.key:>10} at {width:>4} px: {tallest:>6} px tall")
                    page.close()
                browser.close()
        finally:
            stop_voila(proc, log)
    if shutil.which("optipng"):
        shots = map(str, folder.glob("app-*.png"))
        subprocess.run(["optipng", "-quiet", "-o2", *shots], check=True)


if __name__ == "__main__":
    for code in sys.argv[1:] or ["en"]:
        main(code)
