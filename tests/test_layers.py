"""The package's layers hold, read from its own imports (those inside functions included).

ground floor -> step logic -> cross-step views -> ui -> notebooks: a module imports only its
own layer or the ones below; a step module imports only steps of the same or an earlier
number; nothing outside ``ui`` imports ``ui``; there is no import cycle; and an import inside
a function is there for speed only, marked ``# lazy``.
"""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "infoint"

GROUND = 0
STEP = 1
VIEW = 2
UI = 3

# Step logic, by the step whose rules it holds (a later step may use an earlier one's rules).
STEP_OF = {
    "goals": 1,
    "pitch": 1,
    "goal_words_es": 1,
    "goal_words_zh": 1,
    "email_check": 1,
    "email_words": 1,
    "objectives": 1,
    "organizations": 2,
    "classification": 2,
    "mix_words": 2,
    "ranking": 2,
    "targets": 2,
    "headings": 2,
    "tabular": 2,
    "imports": 2,
    "capture": 2,
    "capture_names": 2,
    "capture_words": 2,
    "vcard": 2,
    "stages": 3,
    "outreach": 3,
    "outreach_log": 3,
    "send_time": 3,
    "spelling": 3,
    "request_words": 3,
    "request_words_es": 3,
    "request_words_zh": 3,
    "request_length": 3,
    "request_rules": 3,
    "spelling_es": 3,
    "request_check": 3,
    "questions": 4,
    "question_bank": 4,
    "meetings": 4,
    "meetings_log": 4,
    "checklists": 4,
    "prep_sheet": 4,
    "debrief": 5,
    "comparison": 5,
    "referrals": 5,
    "action_items": 5,
    "coverage": 5,
    "thanks": 6,
    "thanks_log": 6,
    "thanks_check": 6,
    "thanks_words": 6,
    "thanks_words_es": 6,
    "thanks_words_zh": 6,
    "thanks_marks": 6,
    "stay_in_touch": 6,
    "writeup": 6,
    "writeup_files": 6,
}
# A package (``exports``) is in its top name's layer, all its modules with it.
GROUND_FLOOR = {
    "i18n",
    "catalogs",
    "text_language",
    "notebook_sets",
    "safe",
    "text",
    "clock",
    "records",
    "events",
    "render",
    "bulk",
    "workspace",
    "schema",
    "location",
    "lazy",
    "typed",
    "exports",
    "salutation",
    "zones",
}
VIEWS = {
    "pipeline",
    "progress",
    "report",
    "report_steps",
    "report_markup",
    "charts",
    "demo",
    "undo",
    "sharing",
    "card",
    "cohort",
    "cohort_markup",
    "reminders",
    "reminders_week",
    "norms",
}


def module_names() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def layer(name: str) -> int:
    """The layer of a module of the package (``infoint.x`` or ``infoint.x.y``)."""
    parts = name.split(".")
    if parts[1:2] == ["ui"]:
        return UI
    top = parts[1] if len(parts) > 1 else ""
    if top in GROUND_FLOOR:
        return GROUND
    if top in STEP_OF:
        return STEP
    if top in VIEWS:
        return VIEW
    raise AssertionError(f"{name} is in no layer: add it to tests/test_layers.py")


def imports_of(name: str) -> list[tuple[str, int, bool, str]]:
    """(imported module, line, inside a function, the source line) for each package import."""
    path = PACKAGE.parent / (name.replace(".", "/") + ".py")
    if not path.exists():
        path = PACKAGE.parent / name.replace(".", "/") / "__init__.py"
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[: len(package.split(".")) - child.level + 1]
                    target = ".".join(base + ([child.module] if child.module else []))
                else:
                    target = child.module or ""
                if target == "infoint" or target.startswith("infoint."):
                    for alias in child.names:
                        full = f"{target}.{alias.name}"
                        module = full if full in ALL else target
                        found.append((module, child.lineno, in_function, lines[child.lineno - 1]))
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.startswith("infoint"):
                        found.append((alias.name, child.lineno, in_function, ""))
            visit(child, nested)

    visit(tree, False)
    return [f for f in found if f[0] != name]


ALL = set(module_names())
CHECKED = sorted(n for n in ALL if n != "infoint")  # __init__ maps public names lazily, by name


def test_every_module_has_a_layer():
    for name in CHECKED:
        layer(name)


@pytest.mark.parametrize("name", CHECKED)
def test_imports_go_down_only(name):
    mine = layer(name)
    for target, line, _, _ in imports_of(name):
        assert target in ALL, f"{name}:{line} imports {target}, which is not a module"
        theirs = layer(target)
        assert theirs <= mine, f"{name}:{line} imports {target} from a layer above it"
        if theirs == UI:
            assert mine == UI, f"{name}:{line}: only ui imports ui"
        if mine == STEP and theirs == STEP:
            own, other = STEP_OF[name.split(".")[1]], STEP_OF[target.split(".")[1]]
            assert other <= own, f"{name}:{line} (step {own}) imports a later step's {target}"


@pytest.mark.parametrize("name", CHECKED)
def test_imports_inside_functions_are_marked_lazy(name):
    for target, line, in_function, text in imports_of(name):
        if in_function:
            assert "# lazy" in text, f"{name}:{line} imports {target} inside a function"


def test_no_import_cycles():
    graph = {name: {t for t, *_ in imports_of(name)} & ALL for name in CHECKED}
    state: dict[str, int] = {}
    path: list[str] = []

    def walk(node):
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt) :] + [nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                walk(nxt)
        path.pop()
        state[node] = 2

    for name in CHECKED:
        if name not in state:
            walk(name)


def test_the_layers_are_ordered():
    """The layer numbers the rules compare go up from the ground floor; an unknown module fails."""
    assert layer("infoint.records") < layer("infoint.objectives") < layer("infoint.pipeline")
    assert layer("infoint.pipeline") < layer("infoint.ui.start")
    assert layer("infoint.exports") == layer("infoint.exports.mail") == layer("infoint.records")
    with pytest.raises(AssertionError, match="in no layer"):
        layer("infoint.nowhere")


MAX_LINES = 500


@pytest.mark.parametrize("name", sorted(ALL))
def test_modules_stay_small(name):
    """One job per module: none grows past MAX_LINES lines (split it by meaning instead)."""
    path = PACKAGE.parent / (name.replace(".", "/") + ".py")
    if not path.exists():
        path = PACKAGE.parent / name.replace(".", "/") / "__init__.py"
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines"


def test_the_repository_cites_only_its_own_documents():
    """The method and the design are docs/method.md and docs/architecture.md: nothing points
    at notes a person who clones the repository does not have."""
    root = PACKAGE.parent
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    outside = ("GUIDE" + ".md", "DESIGN" + ".md")
    found = []
    for rel in tracked:
        path = root / rel
        if path.suffix in (".png", ".jpg", ".zip", ".xlsx", ".sqlite3") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{rel}: {name}" for name in outside if name in text]
    assert found == []
