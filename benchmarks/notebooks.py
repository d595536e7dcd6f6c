"""Headless run: the whole workbook under papermill, as a ratio to a floor in the same run.

What it answers: does running the workbook cost much more than starting the same number of
kernels that merely import what every page needs? The workbook is every
``notebooks/NN_*.ipynb``, run with ``demo=True`` so the pages really do their work (the start
page loads the demo persona, step 1 fills its form and saves). The floor is the same number of
generated notebooks whose only code imports pandas and ipywidgets. Kernel start-up, papermill's
own overhead and those imports are common to both, so the ratio isolates what ``infoint`` and
the notebooks add on top; a slow import creeping into the kernel (docs/architecture.md warns about
jsonschema through nbformat: about 2.4 s) shows up here as a jump in the ratio.

How it stays fair: one untimed warm-up of each first (papermill's first call in a process and
a cold disk cache would otherwise be charged to whichever runs first), then floor and workbook
alternate round by round so that drifting machine load hits both. Each notebook is timed on
its own; a set's time is the sum of its notebooks' medians over the rounds, so a rare slow
kernel moves the result by its own share only. Kernels are shut down at once (papermill's
``shutdown_kernel="immediate"``) on both sides: a graceful shutdown now and then stalls for
seconds, which has nothing to do with the workbook. Every run gets a fresh temporary
workspace, passed both as the ``workspace`` parameter and as ``INFOINT_WORKSPACE`` in the
kernel's environment, so nothing ever touches the user's real workbook; outputs go to a
temporary folder too.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

NAME = "headless-run"
TITLE = (
    "Whole workbook run headless (papermill) vs notebooks that only import pandas and ipywidgets"
)
TARGET_RATIO = 1.5

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR = REPO / "notebooks"
# Spelled out rather than imported from infoint.workspace.ENV_VAR: the harness has no other
# reason to load infoint into its own process.
WORKSPACE_ENV_VAR = "INFOINT_WORKSPACE"
KERNEL = "python3"
FLOOR_SOURCE = "import pandas\nimport ipywidgets"
# Mirrors the workbook's parameters cell, so papermill injects its cell into both alike.
PARAMETERS_SOURCE = "workspace = None\ndemo = False"


def workbook_notebooks() -> list[Path]:
    """The workbook's pages, in order: the numbered notebooks (``00_start_here.ipynb``, ...)."""
    found = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    if not found:
        raise RuntimeError(f"No numbered notebooks (NN_*.ipynb) in {NOTEBOOKS_DIR}.")
    return found


def write_floor(folder: Path, count: int) -> list[Path]:
    """Write ``count`` floor notebooks: a ``parameters`` cell like the workbook's, then the
    imports."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    paths = []
    for i in range(count):
        nb = new_notebook(
            cells=[
                new_code_cell(PARAMETERS_SOURCE, metadata={"tags": ["parameters"]}),
                new_code_cell(FLOOR_SOURCE),
            ],
            metadata={
                "kernelspec": {
                    "display_name": "Python 3 (ipykernel)",
                    "language": "python",
                    "name": KERNEL,
                },
                "language_info": {"name": "python"},
            },
        )
        nbformat.validate(nb)
        path = folder / f"{i:02d}_floor.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def run_set(notebooks: list[Path]) -> list[float]:
    """Run the notebooks one after another, as ``make test`` or a workshop check would, on a
    fresh temporary workspace; return each notebook's wall-clock seconds, in order."""
    import papermill

    with tempfile.TemporaryDirectory(prefix="infoint-bench-") as tmp:
        workspace = str(Path(tmp) / "workspace.sqlite3")
        # The kernel inherits this process's environment: a page that ignored the parameter
        # would still land in the temporary workspace, never in the user's real one.
        os.environ[WORKSPACE_ENV_VAR] = workspace
        seconds = []
        for nb in notebooks:
            start = time.perf_counter()
            try:
                papermill.execute_notebook(
                    str(nb),
                    str(Path(tmp) / f"out-{nb.name}"),
                    parameters={"workspace": workspace, "demo": True},
                    cwd=str(NOTEBOOKS_DIR),
                    kernel_name=KERNEL,
                    progress_bar=False,
                    # A graceful shutdown stalls about 2.6 s in one kernel of five, floor and
                    # workbook alike, which swamped the difference measured here.
                    shutdown_kernel="immediate",
                )
            except Exception as exc:
                raise RuntimeError(f"{nb.name} failed when run headless: {exc}") from exc
            seconds.append(time.perf_counter() - start)
        return seconds


def set_time(rounds: list[list[float]]) -> float:
    """A set's typical time: each notebook's median over the rounds, added up (one slow
    round of one kernel then moves the result by its own share only)."""
    return sum(statistics.median(times) for times in zip(*rounds, strict=True))


def run(repeats: int) -> dict:
    """Warm up, then alternate floor and workbook ``repeats`` times; compare the medians."""
    if repeats < 1:
        raise ValueError("repeats must be at least 1")
    workbook = workbook_notebooks()
    saved_env = os.environ.get(WORKSPACE_ENV_VAR)
    floor_rounds: list[list[float]] = []
    workbook_rounds: list[list[float]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="infoint-bench-floor-") as floor_dir:
            floor = write_floor(Path(floor_dir), len(workbook))
            _log(f"{NAME}: {len(workbook)} notebooks; warm-up (untimed)")
            run_set(floor)
            run_set(workbook)
            for i in range(repeats):
                floor_rounds.append(run_set(floor))
                workbook_rounds.append(run_set(workbook))
                _log(
                    f"{NAME}: round {i + 1}/{repeats}: floor {sum(floor_rounds[-1]):.2f} s, "
                    f"workbook {sum(workbook_rounds[-1]):.2f} s"
                )
    finally:
        if saved_env is None:
            os.environ.pop(WORKSPACE_ENV_VAR, None)
        else:
            os.environ[WORKSPACE_ENV_VAR] = saved_env

    floor_median, workbook_median = set_time(floor_rounds), set_time(workbook_rounds)
    floor_times, workbook_times = [sum(r) for r in floor_rounds], [sum(r) for r in workbook_rounds]
    ratio = workbook_median / floor_median
    return {
        "name": NAME,
        "title": TITLE,
        "values": {
            "notebooks": len(workbook),
            "rounds": repeats,
            "workbook, sum of per-notebook medians (s)": workbook_median,
            "floor, sum of per-notebook medians (s)": floor_median,
        },
        "runs": {"workbook (s)": workbook_times, "floor (s)": floor_times},
        "ratio": ratio,
        "ratio_of": "workbook / floor",
        "target": TARGET_RATIO,
        "passed": ratio <= TARGET_RATIO,
    }


def _log(message: str) -> None:
    """Progress goes to stderr, so stdout carries only the results table."""
    print(message, file=sys.stderr, flush=True)
