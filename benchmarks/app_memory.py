"""app-memory: the resident memory (RSS) of every kernel the participant's app session holds
after visiting each step twice, against the bare one-button page's kernel after one view, in
the same run. Kernels are the Voila server's ipykernel child processes (RECIPES.md). Measured
together with app-switch and app-first-paint: see benchmarks/app.py."""

from __future__ import annotations

import statistics

from . import app, voila

NAME = "app-memory"
TITLE = (
    "One-page app: RSS of the session's kernels after visiting every step twice, vs the bare "
    "one-button page's kernel after one view"
)
TARGET_RATIO = 2.5
RATIO_OF = "app session's kernels / floor's kernel"
MIB = 1024  # KiB


def run(repeats: int) -> dict:
    m = app.measured_or_raise(repeats)
    if m.skipped:
        return voila.skipped(NAME, TITLE, RATIO_OF, TARGET_RATIO, m.skipped)
    return result(m)


def result(m: app.Measured) -> dict:
    floor_mib = [kib / MIB for _, kib in m.floor_memory]
    app_mib = [s.rss_kib / MIB for s in m.sessions]
    floor = statistics.median(floor_mib)
    used = statistics.median(app_mib)
    ratio = used / floor
    counts = sorted({s.kernels for s in m.sessions})
    floor_counts = sorted({n for n, _ in m.floor_memory})
    values: dict[str, object] = {
        "rounds": m.repeats,
        "floor's kernel RSS, median (MiB)": floor,
        "app session's kernels RSS, median (MiB)": used,
        "kernels running at the reading (app / floor)": (
            f"{'/'.join(map(str, counts))} / {'/'.join(map(str, floor_counts))}"
        ),
    }
    values.update(app.common_values(m))
    return {
        "name": NAME,
        "title": TITLE,
        "values": values,
        "runs": {"floor (MiB)": floor_mib, "app (MiB)": app_mib},
        "ratio": ratio,
        "ratio_of": RATIO_OF,
        "target": TARGET_RATIO,
        "passed": ratio <= TARGET_RATIO,
    }
