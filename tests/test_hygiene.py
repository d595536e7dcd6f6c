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


@pytest.mark.parametrize(
    "code",
    [
        "import infoint",
        "from infoint.ui.start import StartPage; StartPage.open(None)",
        "from infoint.ui.objectives import ObjectivesPage; ObjectivesPage.open(None)",
    ],
)
def test_heavy_modules_stay_unimported(code, tmp_path):
    probe = (
        f"{code}\nimport sys, json\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={
            "INFOINT_WORKSPACE": str(tmp_path / "ws.sqlite3"),
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
        },
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def modules():
    yield infoint
    for info in pkgutil.walk_packages(infoint.__path__, "infoint."):
        yield importlib.import_module(info.name)


def test_public_functions_and_classes_have_docstrings():
    missing = []
    for module in modules():
        assert module.__doc__, f"{module.__name__} has no docstring"
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) or inspect.isclass(obj):
                if not inspect.getdoc(obj):
                    missing.append(f"{module.__name__}.{name}")
                if inspect.isclass(obj):
                    for attr, member in vars(obj).items():
                        if (
                            not attr.startswith("_")
                            and inspect.isfunction(member)
                            and not member.__doc__
                        ):
                            missing.append(f"{module.__name__}.{name}.{attr}")
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
