"""app-switch: in the one-page app, a step's navigation click until that step answers a probe
click, per step, first visits (the step is built) and later visits (only shown again), against
the bare one-button page's load (time to interactive) in the same run. Measured together with
app-first-paint and app-memory: see benchmarks/app.py."""

from __future__ import annotations

import statistics

from . import app, voila

NAME = "app-switch"
TITLE = (
    "One-page app: a navigation click until the step answers a probe click, first and later "
    "visits of each step, vs the bare one-button page's load"
)
TARGET_LATER = 0.10  # every step's later visits, x the floor's load
TARGET_FIRST = 0.6  # every step's first visit (built then), x the floor's load
RATIO_OF = "slowest later visit / floor load"


def run(repeats: int) -> dict:
    m = app.measured_or_raise(repeats)
    if m.skipped:
        return voila.skipped(NAME, TITLE, RATIO_OF, TARGET_LATER, m.skipped)
    return result(m)


def result(m: app.Measured) -> dict:
    floor = m.floor_median
    first = {k: statistics.median(s.first[k] for s in m.sessions) for k in m.sessions[0].first}
    later = {k: statistics.median(s.later[k] for s in m.sessions) for k in m.keys}
    over_first = [k for k in first if first[k] / floor > TARGET_FIRST]
    over_later = [k for k in later if later[k] / floor > TARGET_LATER]
    values: dict[str, object] = {"rounds": m.repeats, "floor median (s)": floor}
    for key in m.keys:
        flags = []
        if key in over_first:
            flags.append(f"first over {TARGET_FIRST:g}")
        if key in over_later:
            flags.append(f"later over {TARGET_LATER:g}")
        flag = f" ({', '.join(flags)})" if flags else ""
        if key in first:
            values[f"{key}: first / later visit, medians (s)"] = (
                f"{first[key]:.3f} / {later[key]:.3f}"
            )
            values[f"{key}: first / later visit / floor"] = (
                f"{first[key] / floor:.2f} / {later[key] / floor:.2f}{flag}"
            )
        else:  # the start page is built with the page: its first visit is app-first-paint
            values[f"{key}: later visit, median (s)"] = f"{later[key]:.3f}"
            values[f"{key}: later visit / floor"] = f"{later[key] / floor:.2f}{flag}"
    values["first visits"] = f"each <= {TARGET_FIRST:g} x floor: " + (
        "met"
        if not over_first
        else "missed by "
        + ", ".join(f"{k} {first[k] / floor - TARGET_FIRST:.2f}" for k in over_first)
    )
    values["first visits: shown to the probe's answer, medians (s)"] = ", ".join(
        f"{k} {statistics.median(s.first[k] - s.first_shown[k] for s in m.sessions):.2f}"
        for k in first
    )
    build = m.build
    values["the same in a plain Python process, first / later (s), widgets made"] = ", ".join(
        f"{k} {build['first'][k]:.3f}"
        + (f" / {build['later'][k]:.3f}" if k != app.START else " (App.open)")
        + f" ({build['widgets'][k]})"
        for k in m.keys
    )
    values.update(app.common_values(m))
    runs: dict[str, list[float]] = {"floor (s)": m.floor}
    runs.update({f"{k} first (s)": [s.first[k] for s in m.sessions] for k in first})
    runs.update({f"{k} later (s)": [s.later[k] for s in m.sessions] for k in later})
    worst = max(later, key=lambda k: later[k])
    missed = []
    if over_later:
        missed.append(
            f"later visits over {TARGET_LATER:g}x the floor: "
            + ", ".join(f"{k} {later[k] / floor:.2f}x" for k in over_later)
        )
    if over_first:
        missed.append(
            f"first visits over {TARGET_FIRST:g}x the floor: "
            + ", ".join(f"{k} {first[k] / floor:.2f}x" for k in over_first)
        )
    return {
        "name": NAME,
        "title": TITLE,
        "values": values,
        "runs": runs,
        "ratio": later[worst] / floor,
        "ratio_of": f"slowest later visit ({worst}) / floor load",
        "target": TARGET_LATER,
        "passed": not missed,
        "missed": "; ".join(missed),
    }
