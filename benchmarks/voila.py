"""Voila time to interactive: each workbook page vs a bare Voila page with one button.

What it answers: how long does a person wait, after following a link to a page of the app,
before the page is usable? Time to interactive is measured from the start of
``page.goto(url)`` until the page's widgets are rendered *and* answer: a harmless control is
clicked (or typed into) and its visible effect, a label that the kernel updates, has appeared.
That covers what the person waits for: Voila starting a fresh kernel, running every cell,
streaming the page, the browser loading the widget code and rendering the widgets, and one
round trip through the kernel.

The floor is the least any Voila page can cost: a generated notebook whose only cell shows a
button and a Label, the button setting the Label. It is served by the same Voila server (same
version, same flags, launched like ``make app``) from the same folder as the pages, loaded in
the same browser the same way, and timed the same way: goto until the button is visible and
a click has changed the label. The ratio page / floor is what docs/architecture.md
("Performance") sets a target for: **at most 1.3 for every page**.

How a page is probed: ``PROBES`` maps each notebook (by its file name without ``.ipynb``) to
the selectors that say "rendered" (all visible), the control to click or type into, and the
element whose text must then contain a given text (or, without one, merely change). The
widgets carry CSS classes ``ii-<page>-<name>`` (see ``infoint/ui``). A numbered notebook with no
entry yet is skipped and named in the output, so a new page never breaks the benchmark: add
its line to ``PROBES``.

How it stays fair: the pages and the floor are copied into one temporary folder served by one
Voila server; the workspace is a temporary copy of the demo persona's workbook (set up
untimed in a separate process: ``infoint.demo.apply_persona``, then step 2's and step 3's own
demo, so the pages have people, targets and requests to show), passed as
``INFOINT_WORKSPACE``; your real workbook is never opened. Every load gets a fresh browser
context and a fresh kernel (Voila starts one per page load); after each load the page is left
(Voila's ``beforeunload`` shuts its kernel down) and the next load waits until the server has
no kernel left, so no load pays for its predecessor's dying kernel. One untimed warm-up load
of the floor and of every page first, then ``repeats`` rounds, each the floor and every page
(order reversed every other round); medians are compared.
"""

from __future__ import annotations

import itertools
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

NAME = "voila-tti"
TITLE = (
    "Voila time to interactive (goto until the widgets answer a click) of each page "
    "vs a bare one-button page"
)
TARGET_RATIO = 1.3

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR = REPO / "notebooks"
WORKSPACE_ENV_VAR = "INFOINT_WORKSPACE"  # as in infoint.workspace.ENV_VAR
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# RECIPES.md: without the background-networking flags Chromium floods the closed network.
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
SERVER_START_TIMEOUT_S = 90.0
LOAD_TIMEOUT_S = 120.0  # one page load, goto to the click's answer
KERNELS_GONE_TIMEOUT_S = 30.0
FLOOR_NOTEBOOK = "bench_floor_one_button.ipynb"  # not NN_*: never mistaken for a workbook page


@dataclass(frozen=True)
class Probe:
    """How to tell that one page is interactive.

    ``ready``: selectors that must all be visible (the page's widgets rendered; name one from
    the last section, so the whole page is there). ``action`` is ``"click"`` or ``"fill"``
    (type ``value``, where ``{n}`` becomes the load's number) on ``target``. A click must be
    harmless (nothing saved); a fill is saved, as all typing is, so its value differs on every
    load (``{n}``) and the page answers each time. ``"dispatch"`` sends a click event to
    ``target`` even when it is hidden (see ``answer``). Then ``watch``'s text must contain
    ``expect``, or, when ``expect`` is None, differ from what it was before.
    """

    ready: tuple[str, ...]
    action: str
    target: str
    watch: str
    expect: str | None = None
    value: str = ""


_LOADS = itertools.count(1)  # numbers each fill, so typed text differs from what was saved

# One line per workbook page, keyed by the notebook's file name without ".ipynb". A numbered
# notebook without a line here is skipped (and named in the output): add it when the page lands.
PROBES: dict[str, Probe] = {
    # "Read that file" with no path typed: the backup status says to type one. Nothing is read.
    # The button may sit in a closed "Restore from a path" toggle, so the click is dispatched
    # to it (the same round trip through the kernel; no mouse can reach a hidden button).
    "00_start_here": Probe(
        ready=(".ii-start-demo", ".ii-start-download"),
        action="dispatch",
        target=".ii-start-restore-read",
        watch=".ii-start-backup-status",
        expect="Type the path",
    ),
    # Typing a name re-runs every check and the state says "Saving..." (saved a second later).
    "01_define_objectives": Probe(
        ready=(".ii-objectives-save-state", ".ii-objectives-name input"),
        action="fill",
        target=".ii-objectives-name input",
        value="Bench Mark {n}",
        watch=".ii-objectives-status",
    ),
    # The demo's 28 people make two pages of 25: "Next page" shows the second.
    "02_build_target_list": Probe(
        ready=(".ii-targets-c-new", ".ii-targets-next"),
        action="click",
        target=".ii-targets-next",
        watch=".ii-targets-page-label",
        expect="page 2 of",
    ),
    # Typing in the draft re-runs the checker, and the draft's state says "Saving...".
    "03_compose_requests": Probe(
        ready=(".ii-outreach-3b7", ".ii-outreach-body textarea"),
        action="fill",
        target=".ii-outreach-body textarea",
        value="Hello from the benchmark, load {n}.",
        watch=".ii-outreach-save-state",
    ),
    # "Remove" with no question chosen: the page asks for one. Nothing changes.
    "04_prepare_questions": Probe(
        ready=(".ii-questions-save-meeting", ".ii-questions-remove"),
        action="click",
        target=".ii-questions-remove",
        watch=".ii-questions-questions-status",
        expect="Choose a question",
    ),
    # "Mark as done" with no action item chosen: the page asks for one. Nothing changes.
    "05_debrief": Probe(
        ready=(".ii-debrief-save-state", ".ii-debrief-item-done"),
        action="click",
        target=".ii-debrief-item-done",
        watch=".ii-debrief-items-status",
        expect="Choose an action item",
    ),
    # Typing in the thank-you re-runs its checker and its state says "Saving..."; nothing sent.
    "06_send_thanks": Probe(
        ready=(".ii-thanks-note-sent", ".ii-thanks-note-body textarea"),
        action="fill",
        target=".ii-thanks-note-body textarea",
        value="Thanks for your time (load {n}).",
        watch=".ii-thanks-note-save-state",
    ),
}

FLOOR_PROBE = Probe(
    ready=(".ii-floor-button",),
    action="click",
    target=".ii-floor-button",
    watch=".ii-floor-label",
    expect="Clicked",
)
FLOOR_SOURCE = """\
import ipywidgets as widgets

label = widgets.Label(value="Not clicked yet")
label.add_class("ii-floor-label")
button = widgets.Button(description="Click me")
button.add_class("ii-floor-button")


def on_click(_):
    label.value = "Clicked"


button.on_click(on_click)
widgets.VBox([button, label])"""

# Untimed, in its own process: the demo persona's workbook, with step 2's targets picked and
# step 3's requests logged, so every page has something real to show.
PREPARE_SOURCE = """\
import sys
from infoint.demo import apply_persona
from infoint.workspace import Workspace
from infoint.ui.targets import TargetsPage
from infoint.ui.outreach import OutreachPage
from infoint.ui.questions import QuestionsPage
from infoint.ui.debrief import DebriefPage
from infoint.ui.thanks import ThanksPage

path = sys.argv[1]
with Workspace.open(path) as ws:
    apply_persona(ws)
for page in (TargetsPage, OutreachPage, QuestionsPage, DebriefPage, ThanksPage):
    page.open(path, demo=True)
with Workspace.open(path) as ws:
    targets = sum(1 for r in ws.rows("contacts") if r["target"])
    people = len(ws.rows("contacts"))
print(people, targets)
"""


class LoadError(RuntimeError):
    """A page did not become interactive in time, or its probe failed."""


# --------------------------------------------------------------------------- the served folder
def workbook_notebooks() -> list[Path]:
    found = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    if not found:
        raise RuntimeError(f"No numbered notebooks (NN_*.ipynb) in {NOTEBOOKS_DIR}.")
    return found


def served_copy(tmp: Path) -> Path:
    """``tmp/notebooks``: a snapshot of the pages (notebooks being edited meanwhile can't change
    the run) with the floor notebook beside them; the folder a benchmark's Voila serves."""
    served = tmp / "notebooks"
    shutil.copytree(
        NOTEBOOKS_DIR, served, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    )
    write_floor(served)
    return served


def write_floor(folder: Path) -> Path:
    """The floor notebook: one code cell, a button that sets a Label (plain JSON, nbformat 4.4)."""
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "metadata": {},
                "outputs": [],
                "source": FLOOR_SOURCE.splitlines(keepends=True),
            }
        ],
        "metadata": {
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 4,
    }
    path = folder / FLOOR_NOTEBOOK
    path.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    return path


def prepare_workspace(path: Path) -> tuple[int, int]:
    """Fill a new workspace with the demo persona (untimed, separate process); (people, targets)."""
    env = {**os.environ, WORKSPACE_ENV_VAR: str(path)}
    done = subprocess.run(
        [sys.executable, "-c", PREPARE_SOURCE, str(path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"Could not prepare the demo workspace:\n{done.stderr[-3000:]}")
    people, targets = (int(x) for x in done.stdout.split()[-2:])
    if not targets:
        raise RuntimeError(
            "The demo workspace has no targets: step 3 would have no one to write to."
        )
    return people, targets


# --------------------------------------------------------------------------- the Voila server
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class VoilaServer:
    """``voila FOLDER --no-browser --port=P --Voila.ip=127.0.0.1`` (as ``make app``), in its own
    session so that stopping it stops its kernels too."""

    def __init__(self, folder: Path, workspace: Path, log_path: Path):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self._log = open(log_path, "w", encoding="utf-8")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "voila",
                str(folder),
                "--no-browser",
                f"--port={self.port}",
                "--Voila.ip=127.0.0.1",
            ],
            cwd=REPO,  # as make app: a voila.json of the checkout applies alike
            env={**os.environ, WORKSPACE_ENV_VAR: str(workspace)},
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self) -> None:
        """Poll Voila's static script: polling a page would start a kernel (RECIPES.md)."""
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while True:
            try:
                urllib.request.urlopen(
                    f"{self.base}/voila/templates/lab/static/voila.js", timeout=5
                ).read()
                return
            except OSError as exc:
                if self.proc.poll() is not None:
                    raise RuntimeError(
                        f"Voila exited with code {self.proc.returncode}:\n{self.log_tail()}"
                    ) from exc
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"Voila did not answer within {SERVER_START_TIMEOUT_S:g} s:\n"
                        + self.log_tail()
                    ) from exc
                time.sleep(0.3)

    def kernel_pids(self) -> list[int]:
        """The kernels the server runs now: its ipykernel child processes (Linux /proc)."""
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                if ppid == self.proc.pid and b"ipykernel" in (entry / "cmdline").read_bytes():
                    pids.append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
        return pids

    def kernels(self) -> int:
        """How many kernels the server runs now."""
        return len(self.kernel_pids())

    def kernel_memory(self) -> tuple[int, int]:
        """(how many kernels, their resident memory summed in KiB: VmRSS from /proc)."""
        pids = self.kernel_pids()
        total = 0
        for pid in pids:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except (OSError, ValueError, IndexError):
                continue  # exited meanwhile
        return len(pids), total

    def wait_no_kernels(self) -> bool:
        """Wait until every kernel of earlier loads has exited; False if some are still running."""
        if not Path("/proc/self/stat").exists():
            time.sleep(1.0)  # no /proc to look at: give the shutdown a moment
            return True
        deadline = time.monotonic() + KERNELS_GONE_TIMEOUT_S
        while self.kernels():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        return True

    def log_tail(self, chars: int = 3000) -> str:
        self._log.flush()
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)
        self._log.close()


# --------------------------------------------------------------------------- one timed load
def _text_of(page, selector: str) -> str | None:
    return page.evaluate(
        "s => { const e = document.querySelector(s); return e ? e.textContent : null; }", selector
    )


def new_context(browser, url: str):
    """A fresh browser context whose page, when left, lets Voila shut its kernel down.

    Voila shuts a page's kernel down from a beforeunload beacon that carries the _xsrf cookie,
    which a render page never sets (voila-dashboards/voila#1458: the beacon gets a 403 and the
    kernel lives on). An _xsrf cookie of our own lets the beacon through, so each load leaves no
    kernel behind. It changes nothing in the timed span.
    """
    context = browser.new_context()
    scheme, _, host = url.split("/", 3)[:3]
    context.add_cookies(
        [{"name": "_xsrf", "value": secrets.token_hex(16), "url": f"{scheme}//{host}/"}]
    )
    return context


def leave(page) -> None:
    """Leave the page: Voila's beforeunload handler asks the server to shut the kernel down."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        page.goto("about:blank", timeout=10_000)
    except PlaywrightError:
        pass


def answer(page, probe: Probe, label: str, start: float, goto: str | None = None) -> float:
    """Open ``goto`` first if given; wait until ``probe.ready`` is visible, act on the probe's
    target and wait for the answer. Returns the seconds from ``start`` (a ``perf_counter``)
    until rendered; the caller reads the clock again for the answer.

    ``action`` ``"dispatch"`` sends a click event to the target without Playwright's
    visibility checks: for a hidden probe button (the app's ``ii-app-probe``), whose handler
    in the kernel changes its text. Raises LoadError with the step that did not happen within
    ``LOAD_TIMEOUT_S`` of ``start``.
    """
    from playwright.sync_api import Error as PlaywrightError

    deadline = start + LOAD_TIMEOUT_S

    def remaining_ms() -> float:
        return max(1.0, (deadline - time.perf_counter()) * 1000)

    step = f"opening {goto}"
    try:
        if goto is not None:
            page.goto(goto, wait_until="commit", timeout=remaining_ms())
        for selector in probe.ready:
            step = f"waiting for {selector} to be visible (the page's widgets)"
            page.wait_for_selector(selector, state="visible", timeout=remaining_ms())
        rendered = time.perf_counter() - start
        before = _text_of(page, probe.watch) if probe.expect is None else None
        step = f"{probe.action} on {probe.target}"
        if probe.action == "click":
            page.click(probe.target, timeout=remaining_ms())
        elif probe.action == "fill":
            value = probe.value.replace("{n}", str(next(_LOADS)))
            page.fill(probe.target, value, timeout=remaining_ms())
        elif probe.action == "dispatch":
            page.dispatch_event(probe.target, "click", timeout=remaining_ms())
        else:
            raise LoadError(
                f"{label}: unknown probe action {probe.action!r} "
                "(use 'click', 'fill' or 'dispatch')"
            )
        if probe.expect is not None:
            step = (
                f"waiting for {probe.watch} to contain {probe.expect!r} "
                f"(the answer to the {probe.action})"
            )
            page.wait_for_function(
                "([s, t]) => { const e = document.querySelector(s); "
                "return !!e && e.textContent.includes(t); }",
                arg=[probe.watch, probe.expect],
                timeout=remaining_ms(),
            )
        else:
            step = f"waiting for {probe.watch} to change (the answer to the {probe.action})"
            page.wait_for_function(
                "([s, b]) => { const e = document.querySelector(s); "
                "return !!e && e.textContent !== b; }",
                arg=[probe.watch, before],
                timeout=remaining_ms(),
            )
    except PlaywrightError as exc:
        shown = _text_of(page, probe.watch) if not page.is_closed() else None
        detail = f" ({probe.watch} shows {shown.strip()[:200]!r})" if shown else ""
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise LoadError(
            f"{label}: not interactive after {time.perf_counter() - start:.1f} s "
            f"(limit {LOAD_TIMEOUT_S:g} s): "
            f"stuck {step}{detail}: {first_line}"
        ) from exc
    return rendered


def time_to_interactive(
    browser, url: str, probe: Probe, label: str, while_open=None
) -> tuple[float, float]:
    """Load ``url`` in a fresh context; (seconds to interactive, seconds until rendered).

    ``while_open(page)``, if given, runs after the answer and before the page is left (untimed:
    e.g. reading the kernel's memory). Raises LoadError with the step that did not happen in
    time.
    """
    context = new_context(browser, url)
    try:
        page = context.new_page()
        start = time.perf_counter()
        rendered = answer(page, probe, label, start, goto=url)
        elapsed = time.perf_counter() - start
        if while_open is not None:
            while_open(page)
        leave(page)
        return elapsed, rendered
    finally:
        context.close()


# --------------------------------------------------------------------------- the benchmark
def skipped(name: str, title: str, ratio_of: str, target: float, reason: str) -> dict:
    """A result that says why nothing was measured (``skipped``: the README keeps earlier
    numbers)."""
    _log(f"{name}: skipped: {reason}")
    return {
        "name": name,
        "title": title,
        "values": {"status": f"skipped: {reason}"},
        "runs": {},
        "ratio": float("nan"),
        "ratio_of": ratio_of,
        "target": target,
        "passed": True,
        "skipped": reason,
    }


def missing_browser() -> str | None:
    """Why this machine can't run a browser benchmark, or None."""
    if not os.path.exists(CHROMIUM):
        return "chromium not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright not installed (pip install -e '.[test]')"
    return None


def _skipped(reason: str) -> dict:
    return skipped(NAME, TITLE, "worst page / floor", TARGET_RATIO, reason)


def _loadavg() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "not available"


def run(repeats: int) -> dict:
    """Warm up, then ``repeats`` rounds of the floor and every probed page; compare medians."""
    if repeats < 1:
        raise ValueError("repeats must be at least 1")
    if not os.path.exists(CHROMIUM):
        return _skipped("chromium not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return _skipped("playwright not installed (pip install -e '.[test]')")
    from importlib.metadata import version

    notebooks = workbook_notebooks()
    pages = [nb.stem for nb in notebooks if nb.stem in PROBES]
    unprobed = [nb.stem for nb in notebooks if nb.stem not in PROBES]
    if unprobed:
        _log(f"{NAME}: not measured, no entry in PROBES yet: {', '.join(unprobed)}")
    if not pages:
        raise RuntimeError(f"None of the notebooks has an entry in {__name__}.PROBES.")
    load_start = _loadavg()

    floor_times: list[float] = []
    times: dict[str, list[float]] = {stem: [] for stem in pages}
    rendered: dict[str, list[float]] = {stem: [] for stem in ["floor", *pages]}
    stuck_kernels = 0
    with tempfile.TemporaryDirectory(prefix="infoint-bench-voila-") as tmp_name:
        tmp = Path(tmp_name)
        served = served_copy(tmp)
        workspace = tmp / "workspace.sqlite3"
        _log(f"{NAME}: preparing the demo workspace (untimed)")
        people, targets = prepare_workspace(workspace)

        server = VoilaServer(served, workspace, tmp / "voila.log")
        try:
            server.wait_ready()
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
                )
                try:

                    def load(stem: str) -> tuple[float, float]:
                        nonlocal stuck_kernels
                        if not server.wait_no_kernels():
                            stuck_kernels += 1
                            _log(
                                f"{NAME}: warning: {server.kernels()} kernel(s) "
                                f"still running before {stem}"
                            )
                        name = FLOOR_NOTEBOOK if stem == "floor" else f"{stem}.ipynb"
                        probe = FLOOR_PROBE if stem == "floor" else PROBES[stem]
                        try:
                            return time_to_interactive(
                                browser, f"{server.base}/voila/render/{name}", probe, stem
                            )
                        except LoadError as exc:
                            raise LoadError(
                                f"{exc}\nVoila's log ends with:\n{server.log_tail()}"
                            ) from exc

                    order = ["floor", *pages]
                    _log(
                        f"{NAME}: Voila {version('voila')}, {len(pages)} page(s); warm-up (untimed)"
                    )
                    for stem in order:
                        load(stem)
                    for i in range(repeats):
                        for stem in order if i % 2 == 0 else order[::-1]:
                            elapsed, shown = load(stem)
                            (floor_times if stem == "floor" else times[stem]).append(elapsed)
                            rendered[stem].append(shown)
                        _log(
                            f"{NAME}: round {i + 1}/{repeats}: floor {floor_times[-1]:.2f} s, "
                            + ", ".join(f"{stem[:2]} {times[stem][-1]:.2f} s" for stem in pages)
                        )
                finally:
                    browser.close()
        finally:
            server.stop()

    floor_median = statistics.median(floor_times)
    medians = {stem: statistics.median(times[stem]) for stem in pages}
    ratios = {stem: medians[stem] / floor_median for stem in pages}
    worst = max(pages, key=lambda stem: ratios[stem])
    over = [stem for stem in pages if ratios[stem] > TARGET_RATIO]

    def click_median(stem: str, runs: list[float]) -> float:
        return statistics.median(t - r for t, r in zip(runs, rendered[stem], strict=True))

    values: dict[str, object] = {
        "pages measured": len(pages),
        "rounds": repeats,
        "floor median (s)": floor_median,
    }
    for stem in pages:
        flag = " (over target)" if stem in over else ""
        values[f"{stem} median (s)"] = medians[stem]
        values[f"{stem} / floor"] = f"{ratios[stem]:.2f}{flag}"
    values["click to answer, medians (s)"] = ", ".join(
        [f"floor {click_median('floor', floor_times):.2f}"]
        + [f"{stem[:2]} {click_median(stem, times[stem]):.2f}" for stem in pages]
    )
    values["not measured (no probe yet)"] = ", ".join(unprobed) or "none"
    values["workspace"] = f"demo persona: {people} people, {targets} targets, requests logged"
    values["Voila"] = version("voila")
    values["load average at start / end"] = f"{load_start}; {_loadavg()}"
    if stuck_kernels:
        values["loads started with a kernel still running"] = stuck_kernels
    runs = {"floor (s)": floor_times}
    runs.update({f"{stem[:2]} (s)": times[stem] for stem in pages})
    return {
        "name": NAME,
        "title": TITLE,
        "values": values,
        "runs": runs,
        "ratio": ratios[worst],
        "ratio_of": f"slowest page ({worst}) / floor",
        "target": TARGET_RATIO,
        "passed": not over,
        "missed": (
            f"over {TARGET_RATIO:g}x the floor: "
            + ", ".join(f"{stem} {ratios[stem]:.2f}x" for stem in over)
        )
        if over
        else "",
    }


def _log(message: str) -> None:
    """Progress goes to stderr, so stdout carries only the results table."""
    print(message, file=sys.stderr, flush=True)
