"""Benchmarks for the workbook, run with ``make bench`` (``python -m benchmarks``).

Why ratios against a floor: absolute seconds depend on the machine, its load and its disk
cache, so a number measured on a laptop says nothing on Binder or CI. Each benchmark therefore
also times a *floor* in the same run, the least that any implementation could cost (for
example: a notebook that only imports pandas and ipywidgets), and alternates the two so that
both see the same conditions. The ratio to that floor is what carries across machines, and it
is what the targets in docs/architecture.md ("Performance") are written against.

Benchmarks report; they don't gate. ``python -m benchmarks`` exits 0 even when a target is
missed (it says so clearly), because timings are too noisy on shared runners to fail a build
on. Structural guarantees (which modules get imported, for instance) belong in the tests.

Adding a benchmark: write a module here that defines ``NAME`` and ``TITLE`` and a
``run(repeats: int) -> dict`` returning ``name``, ``title``, ``values`` (measured numbers,
keyed by a label with its unit), ``runs`` (the raw timings), ``ratio``, ``ratio_of``,
``target`` (the highest ratio that passes) and ``passed`` (optionally ``missed``: which
target was missed, when there is more than the ratio to meet; and ``skipped``: why nothing
could be measured on this machine, e.g. no browser, so that the README keeps the earlier
numbers); then add it to ``REGISTRY`` in ``benchmarks/__main__.py`` and describe it in
``benchmarks/README.md``. Import anything heavy
(papermill, voila, ...) inside ``run``, so that listing or running one benchmark never pays for
the others.
"""
