"""A workshop on a real JupyterHub: what each participant costs, and a whole room against one.

The hub, its users and the hand-out are tests/hub_support.py's (the config a career center runs,
docs/jupyterhub/jupyterhub_config.py, plus a test login), so the benchmark measures the set-up
the hub test proves. Each round, in a fresh browser per participant:

- *alone*: one participant, their server stopped and their home emptied of the workbook first,
  logs in by the facilitator's nbgitpuller link; timed from the login page until the app's start
  step answers a click (benchmarks/app.py's probe): the spawn, the clone, the kernel and the first
  paint. Then every step's navigation click until the step answers (first visits, then later
  visits: the step-switch times), the memory (RSS and PSS, /proc/<pid>/smaps_rollup) of their
  single-user server and kernel, and the CPU seconds those processes used for the login and for
  the whole journey by clicks (tests/app_journey.py, on a page load of its own);
- *room*: ``ROOM`` other participants doing exactly that at the same moment.

Reported, alone and with the room at once: login-to-click and step-switch p50 and p95, memory per
participant, CPU seconds of the login and of the journey; and the hub's and the proxy's own memory
with the room's servers running. The ratios are the room's p50 and p95 against one alone's, for
the login and for the switch; the target is the cores' fair share, ROOM / cores: a room is no
slower for each than if the machine served them in turn on its cores.
"""

from __future__ import annotations

import math
import os
import shutil
import statistics
import sys
import time
import urllib.request
from pathlib import Path

NAME = "hub"
TITLE = "A real JupyterHub, a room logging in and working at once against one participant alone"
ROOM = int(os.environ.get("INFOINT_BENCH_HUB_ROOM", "6"))
TESTS = Path(__file__).resolve().parent.parent / "tests"


def _support():
    """tests/hub_support.py (and the app journey beside it): the hub test's own machinery."""
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    import hub_support  # lazy: benchmarks import their heavy parts when they run

    return hub_support


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between the closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _usage(hs, user: str) -> dict:
    """Memory (KiB) and CPU seconds of the user's server and kernels, by pid."""
    usage = {}
    for proc in hs.processes(user):
        if proc.is_server or proc.is_kernel:
            rss, pss = hs.memory_kb(proc.pid)
            usage[proc.pid] = {"rss": rss, "pss": pss, "cpu": hs.cpu_seconds(proc.pid)}
    return usage


def step_probe(key: str):
    """The step's container and its first widget visible (app_journey.READY: there in an empty
    workbook too, unlike voila.PROBES' widgets, chosen for the demo's data), then the round trip
    of a click on its hidden probe button, as benchmarks/app.py's probe does."""
    from app_journey import READY  # lazy: imports the workbook

    from . import app, voila

    scope = f".ii-step-{key}"
    target = f"{scope} {app.PROBE}"
    return voila.Probe(
        ready=(scope, f"{scope} {READY[key]}"), action="dispatch", target=target, watch=target
    )


def switch(page, key: str, label: str) -> float:
    """Seconds from a click on the step's navigation button until the step answers its probe."""
    from . import voila

    start = time.perf_counter()
    page.click(f".ii-app-header .ii-nav-{key}", timeout=voila.LOAD_TIMEOUT_S * 1000)
    voila.answer(page, step_probe(key), label, start)
    return time.perf_counter() - start


def participant_job(hs, hub, user: str, first_name: str):
    """The measured visit of one participant (see the module docstring)."""
    from app_journey import walk_the_journey  # lazy: imports the workbook

    from . import app, voila

    def job(page) -> dict:
        start = time.perf_counter()
        hs.login(page, hub, user, hub.pull_link())
        voila.answer(page, step_probe(app.START), f"{user}, login", start)
        login = time.perf_counter() - start
        after_login = _usage(hs, user)
        keys = list(app.steps())
        switches = [switch(page, k, f"{user}, first visit of {k}") for k in keys[1:]]
        switches += [switch(page, k, f"{user}, later visit of {k}") for k in keys]
        before = _usage(hs, user)
        app_url = f"{hub.base}/user/{user}/{hs.APP_PATH}"
        walk_started = time.perf_counter()
        walk_the_journey(page, app_url, name=f"{first_name} Rivera")
        walked = time.perf_counter() - walk_started
        after = _usage(hs, user)
        hs.close_tab(page)
        # The journey's CPU: what the processes alive at its end used since it began (the
        # kernel of its own page load is new; the one it replaced was shutting down).
        journey_cpu = sum(u["cpu"] - before.get(pid, {}).get("cpu", 0) for pid, u in after.items())
        return {
            "login": login,
            "switches": switches,
            "login_cpu": sum(u["cpu"] for u in after_login.values()),
            "journey_cpu": journey_cpu,
            "journey_s": walked,
            "rss_mb": sum(u["rss"] for u in after.values()) / 1024,
            "pss_mb": sum(u["pss"] for u in after.values()) / 1024,
            "processes": len(after),
        }

    return job


def _reset(hs, hub, users: list[str]) -> None:
    """Stop the users' servers and remove the workbook and its data from their homes: every
    round is a participant's first login of the workshop."""
    for user in users:
        request = urllib.request.Request(
            f"{hub.base}/hub/api/users/{user}/server",
            method="DELETE",
            headers={"Authorization": f"token {hub.token}"},
        )
        try:
            urllib.request.urlopen(request, timeout=60)
        except OSError:
            pass  # not running
    deadline = time.time() + 120
    while any(hs.processes(u) for u in users) or any(hub.server_running(u) for u in users):
        if time.time() > deadline:
            raise RuntimeError(f"servers did not stop: {[hs.processes(u) for u in users]}")
        time.sleep(0.5)
    for user in users:
        shutil.rmtree(hs.home(user) / hs.WORKBOOK, ignore_errors=True)
        shutil.rmtree(hs.home(user) / hs.WORKSPACE.parent, ignore_errors=True)


def _visit(hs, hub, users: list[str]) -> dict[str, dict]:
    names = ["Ava", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonah"]
    names = (names * (len(users) // len(names) + 1))[: len(users)]
    jobs = {u: participant_job(hs, hub, u, n) for u, n in zip(users, names, strict=True)}
    outcomes = hs.in_browsers(jobs)
    failed = {u: o.error for u, o in outcomes.items() if o.error}
    if failed:
        raise RuntimeError(f"participants failed: {failed}\nhub log:\n{hub.log_tail()}")
    return {u: o.value for u, o in outcomes.items()}


def run(repeats: int) -> dict:
    from . import voila

    hs = _support()
    reason = hs.missing() or voila.missing_browser()
    if reason:
        result = voila.skipped(NAME, TITLE, "p95 at once / p50 alone", ROOM / 2, reason)
        return result
    alone_user, room_users = f"{hs.PREFIX}1", [f"{hs.PREFIX}{i}" for i in range(2, ROOM + 2)]
    users = [alone_user, *room_users]
    folder = hs.make_folder()
    hub = None
    alone, room, hub_mb, proxy_mb = [], [], [], []
    try:
        hs.create_users(users)
        hub = hs.start_hub(folder, hs.make_handout(folder), users)
        for i in range(repeats + 1):  # round 0 is an untimed warm-up (disk cache, bytecode)
            _reset(hs, hub, users)
            one = _visit(hs, hub, [alone_user])
            _log(f"round {i}: alone, login {one[alone_user]['login']:.1f} s")
            _reset(hs, hub, users)
            many = _visit(hs, hub, room_users)
            # The room's servers are still up: the hub's and the proxy's own memory now.
            hub_mb.append(hs.memory_kb(hub.proc.pid)[0] / 1024)
            proxy_mb.append(hs.memory_kb(hub.proxy_pid() or 0)[0] / 1024)
            logins = sorted(round(v["login"]) for v in many.values())
            _log(f"round {i}: room of {ROOM}, logins {logins} s")
            if i:
                alone += list(one.values())
                room += list(many.values())
    finally:
        if hub is not None:
            hub.stop()
        for user in users:
            hs.remove_user(user)
        shutil.rmtree(folder, ignore_errors=True)
    return summarise(alone, room, hub_mb[1:] or hub_mb, proxy_mb[1:] or proxy_mb)


# The facilitator guide's sizing: how its table is derived from the measured figures.
SIZES = (20, 40, 100)  # participants at once
HEADROOM = 1.5  # a second app tab or a JupyterLab session beside the app
SYSTEM_MB = 2048  # the operating system, page cache for the environment, a shell
RUSH_S = 120  # the whole room's servers started within two minutes of the link going round
WORK_S = 45 * 60  # the journey's CPU spread over the workshop's working time (the run-sheet)


def sizing(participant_mb: float, hub_proxy_mb: float, login_cpu_s: float, journey_cpu_s: float):
    """RAM (GB) and cores for each of SIZES participants at once: memory for every server and
    kernel with headroom, plus the hub, the proxy and the system; cores for the login rush (or
    the work, if that ever costs more), never fewer than 2."""
    rows = {}
    for n in SIZES:
        ram_mb = hub_proxy_mb + n * participant_mb * HEADROOM + SYSTEM_MB
        cpu = max(n * login_cpu_s / RUSH_S, n * journey_cpu_s / WORK_S)
        rows[n] = {"ram_gb": math.ceil(ram_mb / 1024), "cores": max(2, math.ceil(cpu))}
    return rows


def summarise(alone: list[dict], room: list[dict], hub_mb: list[float], proxy_mb: list[float]):
    """The block's values, ratios and target from the participants' measured visits."""
    cores = os.cpu_count() or 1

    def pick(visits, key):
        values = []
        for v in visits:
            values += v[key] if isinstance(v[key], list) else [v[key]]
        return values

    values = {}
    for label, visits in (("alone", alone), (f"{ROOM} at once", room)):
        login, switch = pick(visits, "login"), pick(visits, "switches")
        values[f"login to a click, p50 / p95, {label} (s)"] = (
            f"{percentile(login, 50):.1f} / {percentile(login, 95):.1f}"
        )
        values[f"step switch, p50 / p95, {label} (s)"] = (
            f"{percentile(switch, 50):.2f} / {percentile(switch, 95):.2f}"
        )
        values[f"memory per participant, RSS / PSS, {label} (MB)"] = (
            f"{statistics.median(pick(visits, 'rss_mb')):.0f}"
            f" / {statistics.median(pick(visits, 'pss_mb')):.0f}"
        )
        values[f"CPU of the login / of the journey, {label} (s)"] = (
            f"{statistics.median(pick(visits, 'login_cpu')):.1f}"
            f" / {statistics.median(pick(visits, 'journey_cpu')):.1f}"
        )
        journey_s = statistics.median(pick(visits, "journey_s"))
        values[f"the journey by clicks, wall time, {label} (s)"] = f"{journey_s:.1f}"
    values[f"hub / proxy memory with {ROOM} servers, RSS (MB)"] = (
        f"{statistics.median(hub_mb):.0f} / {statistics.median(proxy_mb):.0f}"
    )
    table = sizing(
        statistics.median(pick(room, "rss_mb")),
        statistics.median(hub_mb) + statistics.median(proxy_mb),
        statistics.median(pick(room, "login_cpu")),
        statistics.median(pick(room, "journey_cpu")),
    )
    for n, row in table.items():
        values[f"sizing: {n} at once, RAM (GB) / cores"] = f"{row['ram_gb']} / {row['cores']}"
    # Each percentile against the same percentile alone: the typical wait, and the slow tail.
    ratios = {
        (what, q): percentile(pick(room, key), q) / percentile(pick(alone, key), q)
        for what, key in (("login", "login"), ("switch", "switches"))
        for q in (50, 95)
    }
    for (what, q), ratio in ratios.items():
        values[f"{what} p{q}: at once / alone"] = f"{ratio:.2f}"
    target = round(ROOM / cores, 2)
    missed = [
        f"{what} p{q} ratio {ratio:.2f} > {target}"
        for (what, q), ratio in ratios.items()
        if ratio > target
    ]
    result = {
        "name": NAME,
        "title": TITLE,
        "values": values,
        "runs": {
            "login alone (s)": pick(alone, "login"),
            f"login, {ROOM} at once (s)": pick(room, "login"),
        },
        "ratio": max(ratios.values()),
        "ratio_of": f"the largest of login and switch, p50 and p95: {ROOM} at once / alone",
        "target": target,
        "passed": not missed,
    }
    if missed:
        result["missed"] = "; ".join(missed)
    return result


def _log(message: str) -> None:
    print(f"[hub] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":  # one run by hand: python -m benchmarks.hub
    print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 1))
