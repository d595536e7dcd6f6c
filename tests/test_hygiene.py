"""Hygiene: clean notebooks with no logic, a README that lists them, light imports, docstrings."""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import infoint

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_PATHS = sorted((ROOT / "notebooks").glob("*.ipynb"))
HEAVY = ["jsonschema", "nbconvert", "nbformat", "matplotlib"]


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(path: Path) -> list[str]:
    return ["".join(c["source"]) for c in load(path)["cells"] if c["cell_type"] == "code"]


def test_there_are_notebooks():
    assert len(NOTEBOOK_PATHS) >= 2


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda p: p.name)
def test_notebook_has_no_outputs_and_kernel_python3(path):
    nb = load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda p: p.name)
def test_first_code_cell_is_the_parameters_cell(path):
    first = next(c for c in load(path)["cells"] if c["cell_type"] == "code")
    assert "parameters" in first["metadata"].get("tags", [])
    tree = ast.parse("".join(first["source"]))
    names = {t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets}
    assert {"workspace", "demo"} <= names


ALLOWED = (
    ast.Module,
    ast.Expr,
    ast.Assign,
    ast.Call,
    ast.Name,
    ast.Attribute,
    ast.Constant,
    ast.keyword,
    ast.Load,
    ast.Store,
    ast.ImportFrom,
    ast.alias,
)


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda p: p.name)
def test_notebook_cells_hold_no_logic(path):
    for source in code_cells(path):
        assert source.lstrip().startswith("#"), (
            "each code cell starts with a friendly comment (shown when collapsed)"
        )
        for node in ast.walk(ast.parse(source)):
            assert isinstance(node, ALLOWED), f"{type(node).__name__} in {path.name}: {source!r}"
            if isinstance(node, ast.ImportFrom):
                assert node.module.startswith("infoint") and all(a.name != "*" for a in node.names)
        assert "sys.path" not in source


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda p: p.name)
def test_code_is_collapsed_for_readers(path):
    for cell in load(path)["cells"]:
        if cell["cell_type"] == "code":
            assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True


def test_readme_lists_every_notebook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in NOTEBOOK_PATHS:
        assert f"notebooks/{path.name}" in readme


# ------------------------------------------------------------------ stays light
# Building any page, importing the package, and importing each step module leaves the heavy
# (or, for a step, the not-yet-needed) modules out of sys.modules, in a fresh interpreter. A
# case's code may assert more about what the import leaves undone (templates not yet loaded);
# ``tmp`` is a temporary folder.

UI = ROOT / "infoint" / "ui"
PAGE_CLASSES = sorted(
    (path.stem, name)
    for path in UI.glob("*.py")
    for name in re.findall(r"^class (\w+Page)\(Page\):", path.read_text(encoding="utf-8"), re.M)
)
STEP_LIGHT = ["pandas", "ipywidgets", "matplotlib", "jsonschema", "nbformat"]
LIGHT = {
    "infoint": ("import infoint", HEAVY),
    **{
        f"page-{module}": (
            f"from infoint.ui.{module} import {cls}\n{cls}.open(None)",
            HEAVY,
        )
        for module, cls in PAGE_CLASSES
    },
    "debrief": ("import infoint.debrief", STEP_LIGHT + ["jinja2"]),
    "exports-pipeline": ("import infoint.exports, infoint.pipeline", STEP_LIGHT + ["icalendar"]),
    "imports": ("import infoint.imports", ["openpyxl", "pandas", "numpy"]),
    "objectives": (
        "import infoint.objectives as module\n"
        "module.check_profile(module.Profile('Jane Doe', 'jane.doe@gmail.com', 'UTC', 'Hi'))",
        ["pandas", "ipywidgets", "IPython", "numpy", "matplotlib", "jsonschema"],
    ),
    "prep_sheet": (
        "import infoint.prep_sheet as p\n"
        "assert p._env.cache_info().currsize == 0, 'templates loaded on import'",
        STEP_LIGHT + ["jinja2", "icalendar"],
    ),
    "questions": (
        "import infoint.questions\n"
        "import infoint.question_bank as q\n"
        "assert q._bank.cache_info().currsize == 0, 'question bank loaded on import'",
        STEP_LIGHT + ["jinja2", "icalendar"],
    ),
    "report-sections": (
        "import infoint.report as r\n"
        "from infoint.workspace import Workspace\n"
        "ws = Workspace.open(tmp / 'ws.sqlite3')\n"
        "assert r.report_sections(ws)",
        HEAVY + ["bleach", "bs4"],
    ),
    "outreach-request_check": (
        "import infoint.outreach, infoint.request_check",
        STEP_LIGHT + ["spellchecker", "jinja2"],
    ),
    "thanks": ("import infoint.thanks", STEP_LIGHT + ["jinja2", "spellchecker", "icalendar"]),
}


def test_every_page_is_checked_for_staying_light():
    """PAGE_CLASSES (found in the source, so collecting imports nothing) is every Page there is."""
    from infoint.ui.page import Page

    for info in pkgutil.iter_modules([str(UI)], "infoint.ui."):
        importlib.import_module(info.name)
    found = sorted(
        (cls.__module__.rsplit(".", 1)[1], cls.__name__) for cls in Page.__subclasses__()
    )
    assert found == PAGE_CLASSES and len(found) >= 7


@pytest.mark.parametrize("case", list(LIGHT))
def test_heavy_modules_stay_unimported(case, tmp_path):
    code, absent = LIGHT[case]
    probe = (
        f"import json, pathlib, sys\ntmp = pathlib.Path({str(tmp_path)!r})\n"
        + code
        + f"\nprint(json.dumps([m for m in {absent!r} if m in sys.modules]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={
            "INFOINT_WORKSPACE": str(tmp_path / "default.sqlite3"),
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
        },
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


# ------------------------------------------------------------------ documented


def module_names() -> list[str]:
    return ["infoint"] + [info.name for info in pkgutil.walk_packages(infoint.__path__, "infoint.")]


@pytest.mark.parametrize("name", module_names())
def test_public_functions_and_classes_have_docstrings(name):
    """The module, what it defines in public (functions, classes, their public methods) and
    every callable it exports in ``__all__`` (wherever it is defined) have docstrings."""
    module = importlib.import_module(name)
    assert module.__doc__, f"{name} has no docstring"
    missing = []
    for attr, obj in vars(module).items():
        if attr.startswith("_") or getattr(obj, "__module__", None) != name:
            continue
        if inspect.isfunction(obj) or inspect.isclass(obj):
            if not inspect.getdoc(obj):
                missing.append(attr)
            if inspect.isclass(obj):
                for method, member in vars(obj).items():
                    if (
                        not method.startswith("_")
                        and inspect.isfunction(member)
                        and not member.__doc__
                    ):
                        missing.append(f"{attr}.{method}")
    for attr in getattr(module, "__all__", []):
        obj = getattr(module, attr)
        if callable(obj) and not (obj.__doc__ or "").strip():
            missing.append(f"{attr} (in __all__)")
    assert missing == []


def test_public_api_is_explicit():
    declared = [name for names in infoint._PUBLIC.values() for name in names]
    assert (
        sorted(declared) == sorted(set(declared)) == infoint.__all__
    )  # each name in one module only
    for module, names in infoint._PUBLIC.items():
        home = importlib.import_module(f"infoint.{module}")
        for name in names:
            assert getattr(infoint, name) is getattr(home, name), name
    with pytest.raises(AttributeError):
        infoint.no_such_name  # noqa: B018


def test_no_machine_paths_or_star_imports_in_package():
    for path in (ROOT / "infoint").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^from \S+ import \*", text, re.M), path
        assert "sys.path" not in text, path


def test_every_step_links_to_the_previous_and_next_step():
    numbered = sorted(p.name for p in NOTEBOOK_PATHS if re.match(r"\d\d_", p.name))
    for i, name in enumerate(numbered):
        text = "\n".join(
            "".join(c["source"])
            for c in load(ROOT / "notebooks" / name)["cells"]
            if c["cell_type"] == "markdown"
        )
        links = set(re.findall(r"\]\(([^)]+\.ipynb)\)", text))
        assert all((ROOT / "notebooks" / link).is_file() for link in links), name
        if i > 0:
            assert numbered[i - 1] in links, f"{name} has no link back to {numbered[i - 1]}"
        if i < len(numbered) - 1:
            assert numbered[i + 1] in links, f"{name} has no link on to {numbered[i + 1]}"


# ------------------------------------------------------------------ one view, two hosts
# A step's notebook and the one-page app (ui/app.py) show the same page class's sections in
# the same order: both read the page's SECTIONS, so no view exists twice and they can't drift.


def notebook_page_calls(path: Path) -> tuple[tuple[str, str] | None, list[str]]:
    """(the page module and class the notebook imports, the ``page.<section>()`` calls in
    order)."""
    imported, calls = None, []
    for source in code_cells(path):
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and node.module.startswith("infoint.ui."):
                imported = (node.module, node.names[0].name)
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "page"
            ):
                calls.append(node.func.attr)
    return imported, calls


def _steps():
    from infoint.records import STEPS

    return STEPS


@pytest.mark.parametrize("step", _steps(), ids=lambda s: s.key)
def test_notebook_shows_exactly_its_pages_sections_in_order(step):
    from infoint.ui.app import page_class

    imported, calls = notebook_page_calls(ROOT / "notebooks" / step.notebook)
    assert imported, f"{step.notebook} opens no page"
    cls = getattr(importlib.import_module(imported[0]), imported[1])
    assert cls is page_class(step.key), f"the app hosts another page than {step.notebook}"
    assert calls == [method for method, _ in cls.SECTIONS]
    for method, heading in cls.SECTIONS:
        assert callable(getattr(cls, method)) and heading.strip(), method


def test_the_app_notebook_is_one_call():
    imported, calls = notebook_page_calls(ROOT / "notebooks" / "app.ipynb")
    assert imported == ("infoint.ui.app", "App") and calls == []
    sources = code_cells(ROOT / "notebooks" / "app.ipynb")
    assert len(sources) == 2 and "App.open(workspace, demo=demo)" in sources[1]
