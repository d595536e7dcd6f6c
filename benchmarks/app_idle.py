"""app-idle: what keeping the app open costs when nobody touches it.

The app's views stay current by polling the workspace's change signal every two seconds
(infoint/ui/live.py: SQLite's ``data_version``, one cheap query per poll), so an idle app
kernel still wakes up thirty times a minute. This measures what that costs, in the same run
against the floor of benchmarks/voila.py (the bare one-button page):

- *floor*: load the bare page until it answers its click, then leave it alone for ``WINDOW_S``
  seconds; the kernel's CPU time (all its threads, in nanoseconds, from
  ``/proc/<pid>/task/*/schedstat``) at the answer is what one bare page costs to open, and its
  growth over the window is what an idle kernel costs anyway (heartbeat, the event loop).
- *app*: load ``app.ipynb``, open every step once (each step registers its views with the
  watcher), then leave it alone for ``WINDOW_S`` seconds and read the kernel's CPU time growth.

The ratio: the app kernel's idle CPU time per minute over the bare kernel's, in the same run.
Also reported: the share of one core an idle app takes, the poll's own part (the difference),
and what opening the bare page cost, for scale.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import traceback
from pathlib import Path

from . import app, voila

NAME = "app-idle"
TITLE = (
    "One-page app left idle with every step open: its kernel's CPU time per idle minute (the "
    "2 s change-signal poll), vs the bare one-button page's kernel idle as long"
)
TARGET_RATIO = 2.0  # the poll may at most double what an idle kernel costs anyway
RATIO_OF = "app kernel's idle CPU per minute / bare kernel's"
WINDOW_S = 60.0
MAX_ROUNDS = 3  # each round is two idle minutes


def cpu_seconds(pid: int) -> float:
    """CPU time of a process, all its threads, to the nanosecond (Linux schedstat: the clock
    ticks of /proc/<pid>/stat are too coarse for an idle minute's few milliseconds)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue  # a thread that ended meanwhile
    return total / 1e9


def _only_kernel(server: voila.VoilaServer) -> int:
    pids = server.kernel_pids()
    if len(pids) != 1:
        raise voila.LoadError(f"expected one kernel, found {len(pids)}")
    return pids[0]


def floor_round(browser, server) -> tuple[float, float]:
    """(the floor kernel's CPU s to open, its CPU s per idle minute)."""
    url = f"{server.base}/voila/render/{voila.FLOOR_NOTEBOOK}"
    readings: list[float] = []

    def idle(_page) -> None:
        pid = _only_kernel(server)
        opened = cpu_seconds(pid)
        time.sleep(WINDOW_S)
        readings.extend([opened, cpu_seconds(pid) - opened])

    voila.time_to_interactive(browser, url, voila.FLOOR_PROBE, "floor", while_open=idle)
    opened, idle_cpu = readings
    return opened, idle_cpu * 60.0 / WINDOW_S


def app_round(browser, server, keys: list[str]) -> float:
    """The app kernel's CPU s per idle minute, every step opened once."""
    url = f"{server.base}/voila/render/{app.APP_NOTEBOOK}"
    context = voila.new_context(browser, url)
    try:
        page = context.new_page()
        voila.answer(page, app.step_probe(app.START), "app", time.perf_counter(), goto=url)
        for key in keys:
            if key != app.START:
                app._switch(page, server, key, "visit")
        app._switch(page, server, app.START, "visit")  # left on the start page, as people do
        pid = _only_kernel(server)
        time.sleep(2.0)  # the last visit's redraws are over
        before = cpu_seconds(pid)
        time.sleep(WINDOW_S)
        used = cpu_seconds(pid) - before
        voila.leave(page)
    finally:
        context.close()
    return used * 60.0 / WINDOW_S


def run(repeats: int) -> dict:
    reason = voila.missing_browser() or (
        None if Path("/proc/self/stat").exists() else "no /proc to read CPU time from"
    )
    if reason:
        return voila.skipped(NAME, TITLE, RATIO_OF, TARGET_RATIO, reason)
    rounds = min(repeats, MAX_ROUNDS)
    opened: list[float] = []
    floor_idle: list[float] = []
    app_idle: list[float] = []
    load = [voila._loadavg()]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="infoint-bench-idle-") as tmp_name:
        tmp = Path(tmp_name)
        served = voila.served_copy(tmp)
        workspace = tmp / "workspace.sqlite3"
        people, targets = voila.prepare_workspace(workspace)
        server = voila.VoilaServer(served, workspace, tmp / "voila.log")
        try:
            server.wait_ready()
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=voila.CHROMIUM, headless=True, args=voila.CHROMIUM_ARGS
                )
                try:
                    keys = list(app.steps())
                    for i in range(rounds):
                        for what in ("floor", "app") if i % 2 == 0 else ("app", "floor"):
                            server.wait_no_kernels()
                            if what == "floor":
                                o, f = floor_round(browser, server)
                                opened.append(o)
                                floor_idle.append(f)
                            else:
                                app_idle.append(app_round(browser, server, keys))
                        load.append(voila._loadavg())
                        _log(
                            f"{NAME}: round {i + 1}/{rounds}: floor opens in {opened[-1]:.2f}"
                            f" CPU s, idles {floor_idle[-1]:.3f} CPU s/min; app idles"
                            f" {app_idle[-1]:.3f} CPU s/min"
                        )
                finally:
                    browser.close()
        except Exception as exc:
            raise RuntimeError(
                f"{traceback.format_exc()}\nVoila's log ends with:\n{server.log_tail()}"
            ) from exc
        finally:
            server.stop()
    to_open = statistics.median(opened)
    idle = statistics.median(app_idle)
    bare = statistics.median(floor_idle)
    ratio = idle / bare
    return {
        "name": NAME,
        "title": TITLE,
        "values": {
            "rounds (each: a bare page and the app, idle for a minute)": rounds,
            "floor kernel: CPU s to open, median": to_open,
            "floor kernel: CPU s per idle minute, median": bare,
            "app kernel: CPU s per idle minute, median": idle,
            "app kernel idle: share of one core": f"{idle / 60.0:.2%}",
            "the poll's part (app minus floor, per minute)": idle - bare,
            "workspace": f"demo persona: {people} people, {targets} targets",
            "load average at start / end": f"{load[0]}; {load[-1]}",
        },
        "runs": {
            "floor CPU s to open": opened,
            "floor CPU s per idle minute": floor_idle,
            "app CPU s per idle minute": app_idle,
        },
        "ratio": ratio,
        "ratio_of": RATIO_OF,
        "target": TARGET_RATIO,
        "passed": ratio <= TARGET_RATIO,
    }


def _log(message: str) -> None:
    voila._log(message)
