"""The one-page app in Voila: switching steps, the first paint and the session's kernel memory.

Three benchmarks share one measurement (``measure``, run once per process and ``repeats``):
``app-switch`` (benchmarks/app_switch.py), ``app-first-paint`` (app_first_paint.py) and
``app-memory`` (app_memory.py). Each is a ratio against the floor of benchmarks/voila.py, a
bare Voila page with one button and a Label, loaded from the same server in the same run.

What a round does, in a fresh browser context each (voila.new_context):

- *floor*: load the bare page until its button's click has changed the label
  (voila.time_to_interactive with voila.FLOOR_PROBE); while it is still open, read the resident
  memory of the server's kernels (one: this page's).
- *app*: load ``app.ipynb`` until the start step answers its probe (*first paint*); then click
  every other step's navigation button in order (``ii-nav-<key>``), each a *first visit* that
  builds the step; then every step again, the start page first (*later visits*: the step is
  only shown again, the start page's views redrawn). Each visit is timed from the click until
  that step answers its probe. Then, every step having been seen twice, the resident memory
  (RSS) of all the kernels the server runs: those this participant's session holds.

A step *answers its probe* when its container (``ii-step-<key>``) and the "ready" selectors of
its notebook's entry in voila.PROBES are visible inside it, and then a click sent to its hidden
probe button (``ii-app-probe``, infoint/ui/app.py: the handler in the kernel counts the clicks
in the button's text) has come back changed: a real round trip through the kernel, queued
behind whatever the navigation click still has the kernel doing.

As in voila-tti: one Voila server serves a temporary copy of ``notebooks/`` plus the floor,
on a temporary workspace holding the demo persona (voila.prepare_workspace, untimed); one
untimed warm-up of each, then ``repeats`` rounds, floor and app in turn (order reversed every
other round), each load waiting until the server runs no kernel; medians compared. Before the
server starts, the same steps are also built in a plain Python process (no kernel, no
browser: ``App.open`` then ``open_step``), so that the report says how much of a visit is the
Python building the step.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from . import voila

APP_NOTEBOOK = "app.ipynb"
PROBE = ".ii-app-probe"  # infoint/ui/app.py: one hidden button per step container
START = "start"
BUILD_ROUNDS = 3  # plain-process builds (medians), before the server starts

# The steps (infoint.records.STEPS) in the navigation's order, and each one's notebook stem,
# whose voila.PROBES entry names the widgets that say the step is rendered.
STEP_STEMS: dict[str, str] = {}


def steps() -> dict[str, str]:
    """key -> notebook stem, in the navigation's order (read once from infoint.records)."""
    if not STEP_STEMS:
        from infoint.records import STEPS

        STEP_STEMS.update((s.key, Path(s.notebook).stem) for s in STEPS)
    return STEP_STEMS


def step_probe(key: str) -> voila.Probe:
    """The step's container and its page's ready widgets visible, then its probe's round trip."""
    scope = f".ii-step-{key}"
    page_probe = voila.PROBES.get(steps()[key])
    ready = page_probe.ready if page_probe else ()
    target = f"{scope} {PROBE}"
    return voila.Probe(
        ready=(scope, *(f"{scope} {selector}" for selector in ready)),
        action="dispatch",
        target=target,
        watch=target,  # the button's text: "Probe <clicks>"
    )


# Untimed, in its own process: how long the Python alone takes to build and to show each step.
BUILD_SOURCE = """\
import json, os, sys, time
t = time.perf_counter()
from ipywidgets.widgets.widget import _instances
from infoint.records import STEPS
from infoint.ui.app import App
imported = time.perf_counter() - t
n, t = len(_instances), time.perf_counter()
app = App.open(sys.argv[1])
first, made = {"start": time.perf_counter() - t}, {"start": len(_instances) - n}
for step in STEPS[1:]:
    n, t = len(_instances), time.perf_counter()
    app.open_step(step.key)
    first[step.key], made[step.key] = time.perf_counter() - t, len(_instances) - n
later = {}
for step in STEPS:
    t = time.perf_counter()
    app.open_step(step.key)
    later[step.key] = time.perf_counter() - t
out = {"import": imported, "first": first, "later": later, "widgets": made}
print(json.dumps(out), flush=True)
os._exit(0)  # the live-view watcher may hold a thread
"""


@dataclass
class Session:
    """One participant's app page: its first paint, each visit, the kernels' memory after."""

    first_paint: float
    rendered: float  # the start step's widgets visible, before the probe
    first: dict[str, float]  # every step but the start page (built with the page)
    later: dict[str, float]  # every step
    first_shown: dict[str, float]  # the step's widgets visible, before its probe
    later_shown: dict[str, float]
    kernels: int
    rss_kib: int


@dataclass
class Measured:
    repeats: int
    keys: list[str]
    floor: list[float] = field(default_factory=list)
    floor_rendered: list[float] = field(default_factory=list)
    floor_memory: list[tuple[int, int]] = field(default_factory=list)  # (kernels, KiB)
    sessions: list[Session] = field(default_factory=list)
    build: dict = field(default_factory=dict)  # plain process: medians per phase and step
    people: int = 0
    targets: int = 0
    voila_version: str = ""
    load: list[str] = field(default_factory=list)  # load averages: start, each round, end
    stuck_kernels: int = 0
    skipped: str | None = None
    failed: str | None = None  # the traceback, when the measurement could not be taken

    @property
    def floor_median(self) -> float:
        return statistics.median(self.floor)


def _switch(page, server, key: str, visit: str) -> tuple[float, float]:
    """Click the step's navigation button; (seconds until the step answers its probe, seconds
    until its widgets were visible)."""
    from playwright.sync_api import Error as PlaywrightError

    label = f"app, {visit} of {key}"
    start = time.perf_counter()
    try:
        page.click(f".ii-app-header .ii-nav-{key}", timeout=voila.LOAD_TIMEOUT_S * 1000)
        shown = voila.answer(page, step_probe(key), label, start)
    except (PlaywrightError, voila.LoadError) as exc:
        raise voila.LoadError(
            f"{label}: {exc}\nVoila's log ends with:\n{server.log_tail()}"
        ) from exc
    return time.perf_counter() - start, shown


def app_session(browser, server, keys: list[str]) -> Session:
    """Load the app, visit every other step, then every step again; read the kernels' memory."""
    url = f"{server.base}/voila/render/{APP_NOTEBOOK}"
    context = voila.new_context(browser, url)
    try:
        page = context.new_page()
        start = time.perf_counter()
        try:
            rendered = voila.answer(page, step_probe(START), "app, first paint", start, goto=url)
        except voila.LoadError as exc:
            raise voila.LoadError(f"{exc}\nVoila's log ends with:\n{server.log_tail()}") from exc
        first_paint = time.perf_counter() - start
        first = {key: _switch(page, server, key, "first visit") for key in keys if key != START}
        later = {key: _switch(page, server, key, "later visit") for key in keys}
        kernels, rss = server.kernel_memory()
        voila.leave(page)
    finally:
        context.close()
    return Session(
        first_paint=first_paint,
        rendered=rendered,
        first={k: t for k, (t, _) in first.items()},
        later={k: t for k, (t, _) in later.items()},
        first_shown={k: s for k, (_, s) in first.items()},
        later_shown={k: s for k, (_, s) in later.items()},
        kernels=kernels,
        rss_kib=rss,
    )


def build_in_process(workspace: Path, tmp: Path, rounds: int) -> dict:
    """Medians of BUILD_SOURCE's timings over ``rounds`` fresh processes, each on its own copy
    of the workspace (nothing the app writes reaches the benchmark's)."""
    runs = []
    for i in range(rounds):
        copy = tmp / f"build-{i}.sqlite3"
        with sqlite3.connect(workspace) as src, sqlite3.connect(copy) as dst:
            src.backup(dst)
        done = subprocess.run(
            [sys.executable, "-c", BUILD_SOURCE, str(copy)],
            cwd=voila.REPO,
            env={**os.environ, voila.WORKSPACE_ENV_VAR: str(copy)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"Building the app in a plain process failed:\n{done.stderr[-3000:]}"
            )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {
        "widgets": runs[0]["widgets"],  # widgets made: the same every time
        "import": statistics.median(r["import"] for r in runs),
        "first": {k: statistics.median(r["first"][k] for r in runs) for k in runs[0]["first"]},
        "later": {k: statistics.median(r["later"][k] for r in runs) for k in runs[0]["later"]},
    }


@functools.cache
def measure(repeats: int) -> Measured:
    """The rounds behind all three app benchmarks, once per process and ``repeats``: a failure
    is kept too and raised to each of them, so that the others don't run it again."""
    if repeats < 1:
        raise ValueError("repeats must be at least 1")
    m = Measured(repeats=repeats, keys=list(steps()))
    reason = voila.missing_browser()
    if reason:
        m.skipped = reason
        return m
    try:
        _rounds(m)
    except Exception:
        m.failed = traceback.format_exc()
    return m


def measured_or_raise(repeats: int) -> Measured:
    """``measure(repeats)``, raising if the measurement failed (in this run or before)."""
    m = measure(repeats)
    if m.failed:
        raise RuntimeError(f"the app benchmarks' measurement failed:\n{m.failed}")
    return m


def _rounds(m: Measured) -> None:
    """Prepare, warm up and run ``m.repeats`` rounds, filling ``m``."""
    from importlib.metadata import version

    from playwright.sync_api import sync_playwright

    repeats, keys = m.repeats, m.keys
    m.voila_version = version("voila")
    m.load.append(voila._loadavg())
    name = "app benchmarks"
    with tempfile.TemporaryDirectory(prefix="infoint-bench-app-") as tmp_name:
        tmp = Path(tmp_name)
        served = voila.served_copy(tmp)
        if not (served / APP_NOTEBOOK).exists():
            raise RuntimeError(f"No {APP_NOTEBOOK} in {voila.NOTEBOOKS_DIR}.")
        workspace = tmp / "workspace.sqlite3"
        _log(f"{name}: preparing the demo workspace (untimed)")
        m.people, m.targets = voila.prepare_workspace(workspace)
        rounds = min(repeats, BUILD_ROUNDS)
        _log(f"{name}: building every step in a plain process ({rounds}x, untimed by Voila)")
        m.build = build_in_process(workspace, tmp, rounds)

        server = voila.VoilaServer(served, workspace, tmp / "voila.log")
        try:
            server.wait_ready()
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=voila.CHROMIUM, headless=True, args=voila.CHROMIUM_ARGS
                )
                try:
                    floor_url = f"{server.base}/voila/render/{voila.FLOOR_NOTEBOOK}"

                    def settle(what: str) -> None:
                        if not server.wait_no_kernels():
                            m.stuck_kernels += 1
                            _log(
                                f"{name}: warning: {server.kernels()} kernel(s) "
                                f"still running before {what}"
                            )

                    def floor() -> tuple[float, float, tuple[int, int]]:
                        settle("the floor")
                        memory: list[tuple[int, int]] = []
                        try:
                            elapsed, shown = voila.time_to_interactive(
                                browser,
                                floor_url,
                                voila.FLOOR_PROBE,
                                "floor",
                                while_open=lambda _page: memory.append(server.kernel_memory()),
                            )
                        except voila.LoadError as exc:
                            raise voila.LoadError(
                                f"{exc}\nVoila's log ends with:\n{server.log_tail()}"
                            ) from exc
                        return elapsed, shown, memory[0]

                    def app() -> Session:
                        settle("the app")
                        return app_session(browser, server, keys)

                    _log(f"{name}: Voila {m.voila_version}; warm-up (untimed)")
                    floor()
                    app()
                    for i in range(repeats):
                        for what in ("floor", "app") if i % 2 == 0 else ("app", "floor"):
                            if what == "floor":
                                elapsed, shown, memory = floor()
                                m.floor.append(elapsed)
                                m.floor_rendered.append(shown)
                                m.floor_memory.append(memory)
                            else:
                                m.sessions.append(app())
                        s = m.sessions[-1]
                        m.load.append(voila._loadavg())
                        _log(
                            f"{name}: round {i + 1}/{repeats}: floor {m.floor[-1]:.2f} s, "
                            f"app first paint {s.first_paint:.2f} s, first visits "
                            + ", ".join(f"{k[:3]} {t:.2f}" for k, t in s.first.items())
                            + "; later "
                            + ", ".join(f"{k[:3]} {t:.2f}" for k, t in s.later.items())
                            + f"; kernels {s.rss_kib / 1024:.0f} MiB"
                            f" vs {m.floor_memory[-1][1] / 1024:.0f} MiB"
                        )
                finally:
                    browser.close()
        finally:
            server.stop()
    m.load.append(voila._loadavg())


# --------------------------------------------------------------------------- reporting helpers
def common_values(m: Measured) -> dict[str, object]:
    """What every app benchmark's table ends with."""
    one_minute = [float(x.split(" / ")[0]) for x in m.load if x != "not available"]
    values: dict[str, object] = {
        "workspace": f"demo persona: {m.people} people, {m.targets} targets, requests logged",
        "Voila": m.voila_version,
        "load average at start / end": f"{m.load[0]}; {m.load[-1]}",
    }
    if one_minute:
        values["1-minute load average during the rounds (min-max)"] = (
            f"{min(one_minute):.2f}-{max(one_minute):.2f}"
        )
    if m.stuck_kernels:
        values["loads started with a kernel still running"] = m.stuck_kernels
    return values


def median_of(sessions: list[Session], get) -> float:
    return statistics.median(get(s) for s in sessions)


def _log(message: str) -> None:
    """Progress goes to stderr, so stdout carries only the results table."""
    print(message, file=sys.stderr, flush=True)
