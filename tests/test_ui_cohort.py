"""The facilitator's cohort page, in-process: cards uploaded several at once or read from a
folder, refusals naming the file, the figures with their spread, starting again; it opens no
workbook and stays light."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from infoint.cohort import sample_cards
from infoint.ui.cohort import CohortPage
from infoint.ui.upload import as_upload

ROOT = Path(__file__).resolve().parent.parent


def upload(page: CohortPage, files) -> None:
    page.upload.value = tuple(item for name, data in files for item in as_upload(name, data))


def test_an_empty_page_says_what_to_do():
    page = CohortPage()
    assert "No cards read yet" in page.status.value
    assert "once at least one card is read" in page.figures_html.value
    assert page.upload.multiple is True and page.upload.accept == ".json"
    assert page.clear_button.layout.display == "none"  # nothing to start again from yet


def test_start_again_shows_only_once_a_file_was_read():
    page = CohortPage()
    upload(page, [("note.txt.json", b"not a card")])  # a refused file is something read too
    assert page.clear_button.layout.display is None
    page.clear_button.click()
    assert page.clear_button.layout.display == "none" and "No cards read yet" in page.status.value
    upload(page, sample_cards(2, broken=0))
    assert page.clear_button.layout.display is None


def test_thirty_uploaded_cards_some_damaged():
    page = CohortPage()
    upload(page, sample_cards())
    status = page.status.value
    assert "26 cards counted." in status and "4 files refused (not counted)" in status
    for n in (27, 28, 29, 30):
        assert f"card-{n}.json: " in status
    assert "made by a newer version of the workbook" in status
    shown = page.figures_html.value
    assert "The cohort&#x27;s figures (26 participants" in shown or "(26 participants" in shown
    for label in ("Requests sent", "Response rate", "Meetings held", "Thank-yous within 48 h"):
        assert f"<th scope='row'>{label}</th>" in shown
    assert "Learning goals answered" in shown and "Steps done (of 6)" in shown
    assert 'data-label="Median"' in shown and 'data-label="Middle half"' in shown
    assert '<svg role="img" aria-label="How the cohort spreads.' in shown


def test_a_second_upload_adds_and_a_repeat_counts_once():
    page = CohortPage()
    files = sample_cards(10, broken=0)
    upload(page, files[:6])
    upload(page, files[4:])  # two of them again
    assert "10 cards counted." in page.status.value
    assert "2 repeated file(s) counted once: card-05.json, card-06.json." in page.status.value
    page.clear_button.click()
    assert "No cards read yet" in page.status.value


def test_a_folder_of_cards(tmp_path):
    for name, data in sample_cards(8, broken=1):
        (tmp_path / name).write_bytes(data)
    page = CohortPage.open(folder=str(tmp_path))
    assert "Read 8 file(s)" in page.status.value and "7 cards counted." in page.status.value
    page.folder.value = str(tmp_path / "missing")
    page.folder_button.click()
    assert "Could not read" in page.status.value and "is not a folder" in page.status.value
    page.folder.value = ""
    page.folder_button.click()
    assert "Type the path of a folder" in page.status.value
    empty = tmp_path / "empty"
    empty.mkdir()
    page.folder.value = str(empty)
    page.folder_button.click()
    assert "holds no .json files" in page.status.value


def test_hostile_file_names_are_shown_as_text():
    page = CohortPage()
    upload(page, [('<img src=x onerror="alert(1)">.json', b"{}"), ("$x$.json", b"[]")])
    assert "<img" not in page.status.value and "&lt;img src=x" in page.status.value
    assert "$x$" not in page.status.value and "&#36;x&#36;.json" in page.status.value


def test_the_demo_reads_thirty_cards_and_sections_are_neutral():
    page = CohortPage.open(demo=True)
    assert "26 cards counted." in page.status.value
    for method, _ in CohortPage.SECTIONS:
        box = getattr(page, method)()
        assert "ii-section" in box._dom_classes
        assert "card" not in repr(box).lower() or "open this notebook" in repr(box)


def test_the_page_stays_light_and_opens_no_workbook(tmp_path):
    probe = (
        "import json, sys\n"
        "from infoint.ui.cohort import CohortPage\n"
        "page = CohortPage.open(None, demo=True)\n"
        "print(json.dumps([m for m in ('nbconvert', 'nbformat', 'jsonschema', 'matplotlib',"
        " 'pandas', 'infoint.workspace') if m in sys.modules]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"INFOINT_WORKSPACE": str(tmp_path / "w.sqlite3"), "HOME": str(tmp_path)},
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
    assert not (tmp_path / "w.sqlite3").exists()
