"""The app in Spanish and Chinese against English: what translating every string costs.

What it answers: does a participant who chose Español or 简体中文 wait longer for the app than
one in English? The timed operation is what the app does when a language is chosen or a kernel
starts: build the app on the demo persona's workbook and open each of its seven steps (every
label through ``_()``, every date through Babel), in-process, on the same workspace.

The floor is the same build in English, measured in the same run; the ratio is the slower of
Spanish and Chinese over it. The first reading of a language's catalogs (Babel parsing the .po
files once per kernel) is reported apart, measured in a fresh interpreter each round, because a
kernel pays it once, not per build.

How it stays fair: one untimed warm-up build per language; then the three languages alternate
round by round (order rotated every round), each build after a garbage collection, timed with
``time.process_time`` (CPU of this process only, so other work on the machine counts less).
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAME = "languages"
TITLE = "The app built in Spanish and Chinese against English (every step, the demo persona)"
TARGET_RATIO = 1.3
RATIO_OF = "slower of es and zh / en, median CPU s to build the app and open every step"
LANGUAGES = ("en", "es", "zh")
_FIRST_READ = (
    "import time; t = time.process_time(); from infoint import catalogs; "
    "catalogs.translations({code!r}); print(time.process_time() - t)"
)


def _build(app_class, ws, steps) -> float:
    gc.collect()
    started = time.process_time()
    app = app_class(ws)
    for key in steps:
        app.open_step(key)
    return time.process_time() - started


def _first_read(code: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _FIRST_READ.format(code=code)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip())


def run(repeats: int = 5) -> dict:
    from infoint import i18n
    from infoint.records import STEPS
    from infoint.ui import session
    from infoint.ui.app import App

    steps = [s.key for s in STEPS]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INFOINT_WORKSPACE"] = str(Path(tmp) / "workspace.sqlite3")
        session._OPEN.clear()
        demo = App.open(None, demo=True)  # the demo persona through all six steps, untimed
        ws = demo.ws
        times: dict[str, list[float]] = {code: [] for code in LANGUAGES}
        for code in LANGUAGES:  # warm-up: imports, catalogs, Babel's locale data
            with i18n.using(code):
                _build(App, ws, steps)
        for round_number in range(repeats):
            order = LANGUAGES[round_number % 3 :] + LANGUAGES[: round_number % 3]
            for code in order:
                with i18n.using(code):
                    times[code].append(_build(App, ws, steps))
        first = {code: [_first_read(code) for _ in range(repeats)] for code in ("es", "zh")}
        people = len(ws.rows("contacts"))
        ws.close()
        session._OPEN.clear()
    median = {code: statistics.median(values) for code, values in times.items()}
    ratio = max(median["es"], median["zh"]) / median["en"]
    return {
        "name": NAME,
        "title": TITLE,
        "values": {
            "rounds": repeats,
            "English: CPU s to build the app and open every step, median (floor)": median["en"],
            "Spanish: the same, median": median["es"],
            "Chinese: the same, median": median["zh"],
            "first reading of the Spanish catalogs in a new kernel, CPU s, median": (
                statistics.median(first["es"])
            ),
            "first reading of the Chinese catalogs in a new kernel, CPU s, median": (
                statistics.median(first["zh"])
            ),
            "workspace": f"demo persona: {people} people",
        },
        "runs": {
            **{f"{code} build CPU s": values for code, values in times.items()},
            **{f"{code} first catalog read CPU s": values for code, values in first.items()},
        },
        "ratio": ratio,
        "ratio_of": RATIO_OF,
        "target": TARGET_RATIO,
        "passed": ratio <= TARGET_RATIO,
    }
