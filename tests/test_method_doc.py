"""docs/method.md and the code check each other.

The page describes every rule of the method (O1-O6, T1-T8, R1-R8, Q1-Q5, D1-D5, S1-S4) and
names, in backticks, the functions and pages that carry it. These tests fail when a rule is
missing or listed twice, when a named function no longer exists where the page says it lives,
or when the code cites a rule id the method doesn't have.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "method.md"
PACKAGE = ROOT / "infoint"

SIZES = {"O": 6, "T": 8, "R": 8, "Q": 5, "D": 5, "S": 4}
RULE_IDS = [f"{letter}{n}" for letter, size in SIZES.items() for n in range(1, size + 1)]

ROW_ID = re.compile(r"^\|\s*([OTRQDS]\d+)\s*\|", re.M)  # a table row's first cell
DOTTED = re.compile(r"`(infoint(?:\.\w+)+)`")
CITED = re.compile(r"\b[OTRQDS]\d\b")
# Comments and strings; Python 3.12 splits an f-string into parts, its text in FSTRING_MIDDLE.
TEXT_TOKENS = {tokenize.COMMENT, tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", -1)}


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _references() -> list[str]:
    return sorted(set(DOTTED.findall(_doc())))


def _resolve(dotted: str):
    """Import the longest importable module prefix, then getattr the rest."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        name = ".".join(parts[:cut])
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is not None and not name.startswith(exc.name):
                raise  # the module exists but one of its own imports is missing
            continue
        obj = module
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return module, obj
    raise ModuleNotFoundError(dotted)


def test_every_rule_has_exactly_one_row():
    ids = ROW_ID.findall(_doc())
    assert sorted(ids) == sorted(RULE_IDS), (
        f"missing: {sorted(set(RULE_IDS) - set(ids))}, "
        f"unknown: {sorted(set(ids) - set(RULE_IDS))}, "
        f"twice: {sorted({i for i in ids if ids.count(i) > 1})}"
    )


def test_the_page_names_code():
    assert len(_references()) >= 100  # a broken pattern must not pass by finding nothing


def _assigned(module) -> set[str]:
    """Names a module assigns at its top level (its constants), not ones it imports."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


@pytest.mark.parametrize("dotted", _references())
def test_reference_resolves_where_the_page_says(dotted):
    module, obj = _resolve(dotted)
    # Defined there, not only imported: the page says where each thing lives.
    if inspect.isclass(obj) or inspect.isfunction(obj):
        assert obj.__module__ == module.__name__, f"{dotted} lives in {obj.__module__}"
    elif not inspect.ismodule(obj) and dotted.count(".") == module.__name__.count(".") + 1:
        assert dotted.rsplit(".", 1)[1] in _assigned(module), f"{dotted} is only imported there"


def _cited_ids(path: Path) -> set[str]:
    """Rule ids in a module's comments and strings (docstrings, rule tables, findings)."""
    with path.open("rb") as source:
        tokens = list(tokenize.tokenize(source.readline))
    text = " ".join(t.string for t in tokens if t.type in TEXT_TOKENS)
    return set(CITED.findall(text))


def test_code_cites_only_rules_of_the_method():
    cited: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for rule in _cited_ids(path):
            cited.setdefault(rule, set()).add(str(path.relative_to(ROOT)))
    for path in sorted(p for p in (PACKAGE / "templates").iterdir() if p.is_file()):
        for rule in set(CITED.findall(path.read_text(encoding="utf-8"))):
            cited.setdefault(rule, set()).add(str(path.relative_to(ROOT)))
    assert len(cited) >= 30  # the scan sees the code's citations at all
    unknown = {rule: sorted(files) for rule, files in cited.items() if rule not in RULE_IDS}
    assert not unknown, f"rule ids the method doesn't have: {unknown}"
