"""``python -m benchmarks``: run the benchmarks, print a table, record it in README.md.

Usage (from the repository root, or simply ``make bench``)::

    python -m benchmarks                    # every benchmark, 5 rounds each
    python -m benchmarks --repeats 3        # fewer rounds: quicker, noisier
    python -m benchmarks --only headless-run
    python -m benchmarks --only app-switch app-memory   # several: names after one --only

The results section of ``benchmarks/README.md`` (between the ``results:start`` and
``results:end`` markers) holds one block per benchmark. A run replaces the blocks of the
benchmarks it measured and keeps the others, so ``--only`` never erases earlier numbers; each
block carries its own date and machine facts, because a ratio means little without them.

The exit code is 0 whenever the benchmarks ran, even if a target was missed: benchmarks report,
they don't gate (timings on shared machines are too noisy to fail a build on). It is 1 only
when a benchmark could not run at all, e.g. a notebook raised.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import re
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

# (name, module): modules are imported only when their benchmark runs, so that ``--only``
# never pays for the others' imports. Add new benchmarks here, in the order to report them.
REGISTRY: list[tuple[str, str]] = [
    ("headless-run", "benchmarks.notebooks"),
    ("import-rank", "benchmarks.targets"),
    ("voila-tti", "benchmarks.voila"),
    # The one-page app: one measurement (benchmarks/app.py) serves all three.
    ("app-switch", "benchmarks.app_switch"),
    ("app-first-paint", "benchmarks.app_first_paint"),
    ("app-memory", "benchmarks.app_memory"),
    # What an idle app costs: the live views' change-signal poll (benchmarks/app_idle.py).
    ("app-idle", "benchmarks.app_idle"),
    # The app in Spanish and Chinese against English (benchmarks/languages.py).
    ("languages", "benchmarks.languages"),
    # A workshop on a real JupyterHub: a room at once against one alone (benchmarks/hub.py).
    ("hub", "benchmarks.hub"),
]

README = Path(__file__).resolve().parent / "README.md"
START = "<!-- results:start -->"
END = "<!-- results:end -->"
BLOCK = re.compile(r"<!-- bench:(?P<name>[\w.-]+) -->\n.*?<!-- /bench:(?P=name) -->", re.DOTALL)
REQUIRED = ("name", "title", "values", "runs", "ratio", "ratio_of", "target", "passed")


def main(argv: list[str] | None = None) -> int:
    names = [name for name, _ in REGISTRY]
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Run the workbook's benchmarks (ratios against a floor measured in the same "
        "run), print a table and update the results section of benchmarks/README.md.",
    )
    parser.add_argument(
        "--repeats",
        type=positive_int,
        default=5,
        metavar="N",
        help="rounds per benchmark (default 5)",
    )
    parser.add_argument(
        "--only",
        choices=names,
        nargs="+",
        action="extend",
        metavar="NAME",
        help=f"run only these benchmarks: {', '.join(names)}",
    )
    args = parser.parse_args(argv)

    selected = [(name, module) for name, module in REGISTRY if not args.only or name in args.only]
    results: list[dict] = []
    failed: list[str] = []
    for name, module in selected:
        try:
            result = importlib.import_module(module).run(args.repeats)
            missing = [key for key in REQUIRED if key not in result]
            if missing:
                raise RuntimeError(f"{module}.run() returned no {', '.join(missing)}")
            results.append(result)
        except Exception:
            # One broken benchmark should not hide the others' numbers.
            print(f"\nBenchmark {name} could not run:", file=sys.stderr)
            traceback.print_exc()
            failed.append(name)

    facts = machine_facts()
    print()
    print(format_table(results, facts))
    # A skipped benchmark (e.g. no browser here) keeps its earlier block in the README.
    measured = [r for r in results if not r.get("skipped")]
    if measured:
        try:
            update_readme(README, measured, facts)
            print(f"\nResults written to {_shown(README)}.")
        except ValueError as exc:
            print(f"\nREADME not updated: {exc}", file=sys.stderr)
            failed.append("README")
    for result in results:
        if result.get("skipped"):
            print(
                f"SKIPPED: {result['name']}: {result['skipped']} "
                "(its earlier results in the README are kept)."
            )
        elif not result["passed"]:
            # A benchmark with more than the ratio to meet says which target it missed.
            reason = result.get("missed") or f"ratio {result['ratio']:.2f} > {result['target']}"
            print(
                f"TARGET MISSED: {result['name']}: {reason} "
                "(reported, not gating: the exit code stays 0)."
            )
    if failed:
        print(f"FAILED TO RUN: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def machine_facts() -> dict:
    """What a reader needs to judge the numbers: cores, Python, OS, and when."""
    cores = os.cpu_count() or 0
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = cores
    return {
        "cores": f"{cores}" if usable == cores else f"{cores} ({usable} usable)",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": f"{platform.system()} {platform.release()} {platform.machine()}",
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def format_value(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def format_table(results: list[dict], facts: dict) -> str:
    """A plain-text table for the terminal: one row per benchmark."""
    header = ("benchmark", "ratio", "target", "result", "measured")
    rows = [
        (
            r["name"],
            "-" if r.get("skipped") else f"{r['ratio']:.2f}",
            f"<= {r['target']}",
            "SKIPPED" if r.get("skipped") else "PASS" if r["passed"] else "MISSED",
            "; ".join(f"{label} {format_value(v)}" for label, v in r["values"].items()),
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        f"Benchmarks, {facts['date']}: {facts['cores']} cores, {facts['python']}, {facts['os']}"
    ]
    for row in [header, *rows]:
        cells = zip(row, widths, strict=True)
        lines.append("  ".join(cell.ljust(width) for cell, width in cells).rstrip())
    if not rows:
        lines.append("(no results)")
    return "\n".join(lines)


def format_block(result: dict, facts: dict) -> str:
    """One benchmark's Markdown block for the README, fenced by its own markers."""
    name = result["name"]
    lines = [
        f"<!-- bench:{name} -->",
        f"### {name}",
        "",
        result["title"] + ".",
        "",
        "| Measured | Value |",
        "|---|---|",
    ]
    lines += [f"| {label} | {format_value(value)} |" for label, value in result["values"].items()]
    lines += [
        f"| ratio ({result['ratio_of']}) | **{result['ratio']:.2f}** |",
        f"| target | ratio <= {result['target']} |",
        f"| result | {'pass' if result['passed'] else '**missed**'} |",
        "",
        "Every round: "
        + "; ".join(
            f"{label} " + ", ".join(f"{t:.2f}" for t in times)
            for label, times in result["runs"].items()
        )
        + ".",
        "",
        f"Measured {facts['date']} on {facts['os']}, {facts['cores']} cores, {facts['python']}.",
        f"<!-- /bench:{name} -->",
    ]
    return "\n".join(lines)


def update_readme(path: Path, results: list[dict], facts: dict) -> None:
    """Replace the measured benchmarks' blocks between the markers; keep the others' blocks."""
    text = path.read_text(encoding="utf-8")
    if text.count(START) != 1 or text.count(END) != 1 or text.index(START) > text.index(END):
        raise ValueError(f"{_shown(path)} needs exactly one {START} followed by one {END}")
    head, rest = text.split(START)
    section, tail = rest.split(END)
    blocks = {m.group("name"): m.group(0) for m in BLOCK.finditer(section)}
    blocks.update({r["name"]: format_block(r, facts) for r in results})
    order = [name for name, _ in REGISTRY]
    # Registered benchmarks in registry order; blocks of since-removed benchmarks go.
    kept = [blocks[name] for name in order if name in blocks]
    new = head + START + "\n" + "\n\n".join(kept) + "\n" + END + tail
    tmp = path.with_suffix(".md.tmp")
    tmp.write_text(new, encoding="utf-8")
    os.replace(tmp, path)


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
