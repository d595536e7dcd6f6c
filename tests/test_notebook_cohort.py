"""The facilitator's cohort notebook runs headless with papermill: with ``demo=True`` it uploads
30 made-up cards through the same upload callback a person's choice runs, and with ``cards``
it reads a folder; what the page shows is read back from the saved widget state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_notebooks import widget_html

from infoint.cohort import sample_cards

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAME = "facilitator_cohort.ipynb"

pytestmark = pytest.mark.notebook


def run(out: Path, **parameters) -> dict:
    import papermill

    papermill.execute_notebook(
        str(NOTEBOOKS / NAME),
        str(out / NAME),
        parameters=parameters,
        cwd=str(NOTEBOOKS),
        kernel_name="python3",
        progress_bar=False,
    )
    return json.loads((out / NAME).read_text(encoding="utf-8"))


def shown(nb: dict, css: str) -> str:
    """The value of the HTML widget with the class ``css``, from the saved widget state."""
    return widget_html(nb, css)


def errors(nb: dict) -> list:
    return [o for c in nb["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]


def test_the_demo_reads_thirty_cards_and_shows_the_figures(tmp_path):
    nb = run(tmp_path, workspace=None, demo=True)
    assert errors(nb) == []
    status = shown(nb, "ii-cohort-status")
    assert "26 cards counted." in status and "4 files refused (not counted)" in status
    assert "card-27.json: not a workshop card (it is not readable JSON)." in status
    figures = shown(nb, "ii-cohort-figures-view")
    assert "(26 participants" in figures and "<th scope='row'>Response rate</th>" in figures
    assert '<svg role="img"' in figures
    assert not list(tmp_path.glob("*.sqlite3"))  # no workbook was made


def test_a_folder_of_cards_given_as_the_parameter(tmp_path):
    cards = tmp_path / "cards"
    cards.mkdir()
    for name, data in sample_cards(12, broken=2):
        (cards / name).write_bytes(data)
    (cards / "<img src=x onerror=alert(1)>.json").write_bytes(b"not json")
    out = tmp_path / "out"
    out.mkdir()
    nb = run(out, workspace=None, demo=False, cards=str(cards))
    assert errors(nb) == []
    status = shown(nb, "ii-cohort-status")
    assert "Read 13 file(s)" in status and "10 cards counted." in status
    assert "&lt;img src=x onerror=alert(1)&gt;.json: not a workshop card" in status
    assert "<img" not in status
    assert "(10 participants" in shown(nb, "ii-cohort-figures-view")


def test_run_all_without_cards_shows_the_empty_page(tmp_path):
    nb = run(tmp_path, workspace=None, demo=False)
    assert errors(nb) == []
    assert "No cards read yet" in shown(nb, "ii-cohort-status")
