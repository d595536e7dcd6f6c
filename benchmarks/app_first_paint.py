"""app-first-paint: loading the one-page app until its start step answers a probe click,
against the bare one-button page's load in the same run. Measured together with app-switch and
app-memory: see benchmarks/app.py."""

from __future__ import annotations

import statistics

from . import app, voila

NAME = "app-first-paint"
TITLE = (
    "One-page app: goto until the start step answers a probe click, vs the bare one-button "
    "page's load"
)
TARGET_RATIO = 1.1
RATIO_OF = "app first paint / floor load"


def run(repeats: int) -> dict:
    m = app.measured_or_raise(repeats)
    if m.skipped:
        return voila.skipped(NAME, TITLE, RATIO_OF, TARGET_RATIO, m.skipped)
    return result(m)


def result(m: app.Measured) -> dict:
    floor = m.floor_median
    paint = statistics.median(s.first_paint for s in m.sessions)
    ratio = paint / floor
    answer_app = statistics.median(s.first_paint - s.rendered for s in m.sessions)
    answer_floor = statistics.median(t - r for t, r in zip(m.floor, m.floor_rendered, strict=True))
    values: dict[str, object] = {
        "rounds": m.repeats,
        "floor median (s)": floor,
        "app first paint median (s)": paint,
        # Each round's two loads are neighbours in time: their ratio shows how much of the
        # spread is the machine's load drifting between rounds (not the headline ratio).
        "each round's app / floor, median": statistics.median(
            s.first_paint / f for s, f in zip(m.sessions, m.floor, strict=True)
        ),
        "rendered, medians (s)": (
            f"app {statistics.median(s.rendered for s in m.sessions):.2f}, "
            f"floor {statistics.median(m.floor_rendered):.2f}"
        ),
        "rendered to the probe's answer, medians (s)": (
            f"app {answer_app:.2f}, floor {answer_floor:.2f}"
        ),
        "in a plain Python process (s)": (
            f"import infoint.ui.app {m.build['import']:.3f}, "
            f"App.open {m.build['first'][app.START]:.3f}"
        ),
    }
    values.update(app.common_values(m))
    return {
        "name": NAME,
        "title": TITLE,
        "values": values,
        "runs": {"floor (s)": m.floor, "app (s)": [s.first_paint for s in m.sessions]},
        "ratio": ratio,
        "ratio_of": RATIO_OF,
        "target": TARGET_RATIO,
        "passed": ratio <= TARGET_RATIO,
    }
