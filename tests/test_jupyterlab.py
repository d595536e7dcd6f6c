"""JupyterLab smoke test: every notebook opened in a real JupyterLab, Run All, no errors, widgets
shown.

Papermill (tests/test_notebooks.py) runs the kernels without a front end; this test runs the same
notebooks the way a person does after `make start`: JupyterLab in Debian's Chromium, Run > Run All
Cells, then Close and Shut Down. The server works on a temporary copy of notebooks/ (JupyterLab
saves what it opens), with a demo workspace so every page has content.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, ROOT, free_port, require_chromium

EXPECTED = 7

# One widget per page that is there only once the page's widgets rendered in the browser.
READY = {
    "00_start_here.ipynb": ".ii-start-progress",
    "01_define_objectives.ipynb": ".ii-objectives-save-state",
    "02_build_target_list.ipynb": ".ii-targets-upload",
    "03_compose_requests.ipynb": ".ii-outreach-sent",
    "04_prepare_questions.ipynb": ".ii-questions-save-meeting",
    "05_debrief.ipynb": ".ii-debrief-save-state",
    "06_send_thanks.ipynb": ".ii-thanks-note-sent",
}

pytestmark = pytest.mark.browser

# The open notebook's panel (one at a time: each is closed before the next opens).
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# Ready for Run All (clicked earlier, it silently does nothing): the status bar names this notebook
# and says "Python 3 (ipykernel) | Idle". The toolbar's execution indicator alone is not enough:
# it says "idle" while the kernel is still starting ("No Kernel | Initializing").
KERNEL_READY = (
    "(name) => {\n"
    "    const item = document.querySelector(\n"
    '        `.jp-StatusBar-TextItem[title="Change kernel for ${name}"]`);\n'
    f"    const indicator = document.querySelector('{PANEL} .jp-Notebook-ExecutionIndicator');\n"
    "    return !!item && /\\| Idle$/.test(item.textContent.trim()) &&\n"
    "        !!indicator && indicator.dataset.status === 'idle';\n"
    "}"
)

# Run All is over when the kernel is idle again and either the last of the n code cells shows
# its output prompt [n] (cells run in order, a fresh kernel numbers them 1..n) or an error stopped
# the run (JupyterLab aborts the rest of the queue).
RUN_OVER = (
    "(n) => {\n"
    f"    const panel = document.querySelector('{PANEL}');\n"
    "    const indicator = panel.querySelector('.jp-Notebook-ExecutionIndicator');\n"
    "    const cells = panel.querySelectorAll('.jp-CodeCell');\n"
    "    const prompt =\n"
    "        cells.length === n ? cells[n - 1].querySelector('.jp-OutputPrompt') : null;\n"
    "    const done = !!prompt && prompt.textContent.trim() === `[${n}]:`;\n"
    "    const failed = !!panel.querySelector(\n"
    "        '.jp-OutputArea-output[data-mime-type=\"application/vnd.jupyter.stderr\"]');\n"
    "    return indicator.dataset.status === 'idle' && (done || failed);\n"
    "}"
)


def _demo_workspace(path: Path) -> None:
    from infoint.demo import apply_persona
    from infoint.workspace import Workspace

    with Workspace.open(path) as ws:
        apply_persona(ws)


def _start_lab(root: Path, tmp: Path, workspace: Path):
    """JupyterLab on 127.0.0.1 serving root; returns (process, base URL, token, log path)."""
    settings = tmp / "lab-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false"}))
    port, token = free_port(), secrets.token_hex(16)
    log_path = tmp / "jupyterlab.log"
    command = [
        str(Path(sys.executable).parent / "jupyter-lab"),
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.workspaces_dir={tmp / 'lab-workspaces'}",
        "--LabApp.extension_manager=readonly",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(tmp / "lab-settings"),
        "INFOINT_WORKSPACE": str(workspace),
    }
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5)
            return proc, base, token, log_path
        except OSError as exc:
            if time.time() > deadline or proc.poll() is not None:
                _stop_lab(proc)
                raise RuntimeError(
                    "JupyterLab did not start: " + log_path.read_text()[-2000:]
                ) from exc
            time.sleep(0.3)


def _stop_lab(proc) -> None:
    """SIGTERM to the server's process group (it shuts its kernels down), SIGKILL if it hangs."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def _sessions(base: str, token: str) -> list[dict]:
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=10) as response:
        return json.loads(response.read())


def _menu(page, menu: str, command: str) -> None:
    page.click(f".lm-MenuBar-item:has-text('{menu}')")
    page.click(f".lm-Menu-item[data-command='{command}']")


def test_run_all_in_jupyterlab_shows_every_page_without_errors(tmp_path):
    require_chromium()
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    from playwright.sync_api import expect, sync_playwright

    found = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert len(found) == EXPECTED and found == sorted(READY)
    originals = {name: (ROOT / "notebooks" / name).read_bytes() for name in found}

    root = (
        tmp_path / "workbook"
    )  # notebooks/ copied (JupyterLab writes there), data/ as in the repository
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    (root / "data").symlink_to(ROOT / "data", target_is_directory=True)
    workspace = tmp_path / "ws" / "workspace.sqlite3"
    _demo_workspace(workspace)

    proc, base, token, log_path = _start_lab(root, tmp_path, workspace)
    problems: dict[str, list[str]] = {}
    console: list[str] = []  # the browser's console errors, reported with any problem
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(60_000)
            page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
            page.goto(f"{base}/lab/tree/notebooks/{found[0]}?token={token}")
            for i, name in enumerate(found):
                if i:  # open the next one from the file browser, as a person would
                    page.dblclick(f".jp-DirListing-item[title^='Name: {name}']")
                panel = page.locator(PANEL)
                expect(panel.locator(".jp-Notebook")).to_be_attached(timeout=90_000)
                page.wait_for_function(KERNEL_READY, arg=name, timeout=90_000)
                _menu(page, "Run", "runmenu:run-all")
                code_cells = sum(
                    c["cell_type"] == "code" for c in json.loads(originals[name])["cells"]
                )
                page.wait_for_function(RUN_OVER, arg=code_cells, timeout=120_000)

                found_problems = []
                try:  # widget views render after the outputs arrive
                    panel.locator(READY[name]).first.wait_for(state="attached", timeout=30_000)
                except PlaywrightTimeoutError:
                    found_problems.append(f"{READY[name]} did not render")
                errors = panel.locator(
                    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
                ).all_inner_texts()
                found_problems += [e[:2000] for e in errors]
                if "Error displaying widget" in " ".join(
                    panel.locator(".jp-OutputArea-output").all_inner_texts()
                ):
                    found_problems.append("a widget failed to display")
                last_prompt = " ".join(
                    panel.locator(".jp-CodeCell")
                    .last.locator(".jp-OutputPrompt")
                    .all_inner_texts()[:1]
                )
                if (
                    last_prompt.strip() != f"[{code_cells}]:"
                ):  # a fresh kernel numbers the cells 1..n
                    found_problems.append(
                        f"the last cell shows {last_prompt!r}, expected [{code_cells}]:"
                    )
                if found_problems:
                    page.screenshot(path=str(tmp_path / f"{name}.png"))
                    found_problems.append(f"screenshot: {tmp_path / f'{name}.png'}")
                    problems[name] = found_problems

                _menu(page, "File", "filemenu:close-and-cleanup")
                page.click(
                    ".jp-Dialog .jp-mod-accept"
                )  # "Shut down the notebook?": nothing is saved
                expect(page.locator(PANEL)).to_have_count(0, timeout=30_000)
                deadline = time.time() + 30
                while _sessions(base, token) and time.time() < deadline:
                    time.sleep(0.2)
                assert _sessions(base, token) == [], f"{name}: its kernel was not shut down"
            browser.close()
    finally:
        _stop_lab(proc)
    assert problems == {}, (
        f"{problems}\nbrowser console errors: {console[-20:]}\n"
        f"server log: {log_path.read_text()[-3000:]}"
    )
    for name, content in originals.items():
        assert (ROOT / "notebooks" / name).read_bytes() == content, (
            f"{name} in the repository was changed"
        )
