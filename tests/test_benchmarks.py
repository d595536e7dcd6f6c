"""The benchmark code runs: the registry, the app benchmarks' reports and the README's blocks.

No browser, no Voila, nothing timed: the reports are built from made-up measurements (the
numbers below are arbitrary), and nothing here asserts how fast anything is.
"""

from __future__ import annotations

import importlib
import math

import pytest

from benchmarks import __main__ as runner
from benchmarks import app
from infoint.records import STEPS

KEYS = [s.key for s in STEPS]


def measured(rounds: int = 2) -> app.Measured:
    m = app.Measured(repeats=rounds, keys=KEYS, people=29, targets=6, voila_version="0.5.13")
    m.load = ["1.00 / 1.00 / 1.00", "2.00 / 1.50 / 1.10", "1.50 / 1.40 / 1.10"]
    m.floor = [3.0, 3.2][:rounds]
    m.floor_rendered = [2.9, 3.1][:rounds]
    m.floor_memory = [(1, 55_000), (1, 56_000)][:rounds]
    m.build = {
        "import": 0.2,
        "first": dict.fromkeys(KEYS, 0.05),
        "later": dict.fromkeys(KEYS, 0.002),
        "widgets": dict.fromkeys(KEYS, 40),
    }
    for i in range(rounds):
        first = {k: 0.5 + i for k in KEYS[1:]} | {"targets": 2.5}  # targets over 0.6x
        later = dict.fromkeys(KEYS, 0.15)
        m.sessions.append(
            app.Session(
                first_paint=3.1,
                rendered=3.0,
                first=first,
                later=later,
                first_shown={k: t - 0.1 for k, t in first.items()},
                later_shown={k: t - 0.05 for k, t in later.items()},
                kernels=1,
                rss_kib=90_000,
            )
        )
    return m


def test_every_registered_benchmark_has_a_name_a_title_and_run():
    for name, module in runner.REGISTRY:
        mod = importlib.import_module(module)
        assert mod.NAME == name and mod.TITLE and callable(mod.run)


def test_only_takes_several_names(monkeypatch, tmp_path, capsys):
    from benchmarks import voila

    ran = []

    class Fake:
        def __init__(self, name):
            self.name = name

        def run(self, repeats):
            ran.append(self.name)
            return voila.skipped(self.name, "t", "r", 1.0, "not here")

    modules = {module: name for name, module in runner.REGISTRY}
    monkeypatch.setattr(runner.importlib, "import_module", lambda m: Fake(modules[m]))
    monkeypatch.setattr(runner, "README", tmp_path / "README.md")
    assert runner.main(["--only", "app-memory", "app-switch", "--repeats", "1"]) == 0
    assert ran == ["app-switch", "app-memory"]  # in the registry's order
    assert "SKIPPED: app-switch" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        runner.main(["--only", "no-such-benchmark"])


def test_every_step_has_a_probe_scoped_to_its_container():
    for key in KEYS:
        probe = app.step_probe(key)
        assert probe.ready[0] == f".ii-step-{key}"
        assert all(s.startswith(f".ii-step-{key}") for s in probe.ready)
        assert probe.action == "dispatch" and probe.target.endswith(app.PROBE)
        assert len(probe.ready) > 1, f"{key}: no ready selectors in benchmarks.voila.PROBES"


@pytest.mark.parametrize(
    ("module", "passed"),
    [("app_switch", False), ("app_first_paint", True), ("app_memory", True)],
)
def test_the_app_reports_have_what_the_runner_needs(module, passed, tmp_path):
    mod = importlib.import_module(f"benchmarks.{module}")
    result = mod.result(measured())
    assert not [key for key in runner.REQUIRED if key not in result]
    assert result["passed"] is passed and math.isfinite(result["ratio"])
    if not passed:
        assert "first visits over 0.6x the floor: targets" in result["missed"]
    readme = tmp_path / "README.md"
    readme.write_text("x\n<!-- results:start -->\n<!-- results:end -->\n", encoding="utf-8")
    runner.update_readme(readme, [result], runner.machine_facts())
    assert f"<!-- bench:{mod.NAME} -->" in readme.read_text(encoding="utf-8")


def test_a_machine_without_a_browser_skips(monkeypatch):
    from benchmarks import app_memory, voila

    app.measure.cache_clear()
    monkeypatch.setattr(voila, "missing_browser", lambda: "no browser here")
    try:
        result = app_memory.run(1)
    finally:
        app.measure.cache_clear()
    assert result["skipped"] == "no browser here"


def test_a_failed_measurement_is_taken_once_and_raised_to_each(monkeypatch):
    from benchmarks import app_first_paint, app_switch, voila

    calls = []

    def broken(m):
        calls.append(m.repeats)
        raise RuntimeError("stuck waiting")

    app.measure.cache_clear()
    monkeypatch.setattr(voila, "missing_browser", lambda: None)
    monkeypatch.setattr(app, "_rounds", broken)
    try:
        for mod in (app_switch, app_first_paint):
            with pytest.raises(RuntimeError, match="stuck waiting"):
                mod.run(1)
    finally:
        app.measure.cache_clear()
    assert calls == [1]


def test_app_idle_reads_a_processs_cpu_time_finely():
    """app-idle compares milliseconds per idle minute: its reading must see a few of them."""
    import os
    import time

    from benchmarks import app_idle

    before = app_idle.cpu_seconds(os.getpid())
    deadline = time.perf_counter() + 0.02
    while time.perf_counter() < deadline:
        pass
    used = app_idle.cpu_seconds(os.getpid()) - before
    assert 0 < used < 5.0
    assert abs(used * 100 - round(used * 100)) > 1e-6  # finer than the 10 ms clock tick
