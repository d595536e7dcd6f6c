"""The Spanish and Chinese notebook sets (``notebooks/es``, ``notebooks/zh``): made from the
English notebooks and the catalog part ``notebooks`` (``infoint.notebook_sets``), their
narrative translated, their code the English code opening the pages in their language; and
every one runs headless with papermill, showing its pages in that language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_notebooks import errors, widget_html

from infoint import i18n
from infoint.catalogs import SET_NOTEBOOKS, TRANSLATED, comment
from infoint.notebook_sets import write_sets

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
STEPS = [name for name in SET_NOTEBOOKS if name[:2].isdigit()]


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def text(cell: dict) -> str:
    source = cell["source"]
    return "".join(source) if isinstance(source, list) else source


def bare_code(source: str, code: str | None = None) -> str:
    """The code without its comments, and without the language the set's pages open in."""
    lines = []
    for line in source.split("\n"):
        match = comment(line)
        lines.append(match["code"].rstrip() if match else line)
    bare = "\n".join(lines)
    return re.sub(rf", language=[\"']{code}[\"']\)", ")", bare) if code else bare


def test_the_committed_sets_are_what_the_catalogs_make():
    assert write_sets(check=True) == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_each_set_has_every_notebook_with_its_language(code):
    assert sorted(p.name for p in (NOTEBOOKS / code).glob("*.ipynb")) == sorted(SET_NOTEBOOKS)
    for name in SET_NOTEBOOKS:
        meta = load(NOTEBOOKS / code / name)["metadata"]["infoint"]
        assert meta == {"language": code, "source": f"../{name}"}


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize("name", SET_NOTEBOOKS)
def test_the_narrative_is_translated_and_the_code_is_the_english(code, name):
    english = load(NOTEBOOKS / name)["cells"]
    translated = load(NOTEBOOKS / code / name)["cells"]
    assert [c["cell_type"] for c in translated] == [c["cell_type"] for c in english]
    opened = 0
    for mine, theirs in zip(english, translated, strict=True):
        if mine["cell_type"] == "markdown":
            assert text(theirs).strip() and text(theirs) != text(mine), text(mine)[:60]
        elif mine["cell_type"] == "code":
            assert bare_code(text(theirs), code) == bare_code(text(mine))
            opened += len(re.findall(rf"language=[\"']{code}[\"']", text(theirs)))
            for line in text(mine).split("\n"):  # every comment translated
                match = comment(line)
                if match:
                    assert match["text"] not in text(theirs), match["text"]
            assert theirs["outputs"] == [] and theirs["execution_count"] is None
    assert opened == 1  # the page (or the app) opens in the set's language


def test_the_markdown_keeps_its_headings_lists_and_links():
    for code in TRANSLATED:
        for name in SET_NOTEBOOKS:
            pairs = zip(
                load(NOTEBOOKS / name)["cells"],
                load(NOTEBOOKS / code / name)["cells"],
                strict=True,
            )
            for mine, theirs in pairs:
                if mine["cell_type"] != "markdown":
                    continue
                en, tr = text(mine).split("\n"), text(theirs).split("\n")
                assert len(en) == len(tr), (code, name, en[0])
                for a, b in zip(en, tr, strict=True):
                    start = r"^(#+ |- |\| |\|---)?"
                    assert re.match(start, a)[0] == re.match(start, b)[0], (code, name, a, b)
                links = r"\]\(([^)]*)\)"
                assert re.findall(links, text(mine)) == re.findall(links, text(theirs))
                assert text(mine).count("**") == text(theirs).count("**"), (code, name, en[0])


def run(code: str, name: str, out: Path, **parameters) -> dict:
    import papermill

    folder = out / code
    folder.mkdir(exist_ok=True)
    papermill.execute_notebook(
        str(NOTEBOOKS / code / name),
        str(folder / name),
        parameters=parameters,
        cwd=str(NOTEBOOKS / code),
        kernel_name="python3",
        progress_bar=False,
    )
    return load(folder / name)


@pytest.mark.notebook
@pytest.mark.parametrize("code", TRANSLATED)
def test_every_notebook_of_the_set_runs_its_demo(code, tmp_path):
    workspace = tmp_path / "ws" / "workspace.sqlite3"
    for name in STEPS:  # one workbook through the steps, as a participant would
        nb = run(code, name, tmp_path, workspace=str(workspace), demo=True)
        assert errors(nb) == [], (code, name)
    app = run(code, "app.ipynb", tmp_path, workspace=str(tmp_path / "app.sqlite3"), demo=True)
    assert errors(app) == [], (code, "app.ipynb")
    cohort = run(code, "facilitator_cohort.ipynb", tmp_path, workspace=None, demo=True)
    assert errors(cohort) == [], (code, "facilitator_cohort.ipynb")
    assert not list(tmp_path.glob("*.sqlite3"))[1:]  # the cohort view made no workbook
    with i18n.using(code):
        counted = i18n.ngettext("{n} card counted.", "{n} cards counted.", 26).format(n=26)
    assert counted in widget_html(cohort, "ii-cohort-status")


def label(nb: dict, css: str) -> str:
    state = nb["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    found = [
        m["state"].get("description", "")
        for m in state.values()
        if css in m["state"].get("_dom_classes", [])
    ]
    assert len(found) == 1, (css, found)
    return found[0]


@pytest.mark.notebook
def test_step_1_in_spanish_shows_spanish_labels(tmp_path):
    nb = run(
        "es",
        "01_define_objectives.ipynb",
        tmp_path,
        workspace=str(tmp_path / "w.sqlite3"),
        demo=True,
    )
    assert errors(nb) == []
    with i18n.using("es"):
        name, concrete = i18n._("Your name"), i18n._("Your goals are concrete.")
    assert name != "Your name" and label(nb, "ii-objectives-name") == name
    feedback = widget_html(nb, "ii-objectives-goals-feedback")
    assert concrete in feedback and "Your goals are concrete." not in feedback
