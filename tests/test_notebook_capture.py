"""Step 2's notebook and the one-page app headless with the demo persona (issue 15): papermill
runs them, and the demo parameter drives the same callbacks a click would: the phone's vCard
file is imported through the import merge and a pasted signature is saved by quick capture.
The test asserts what landed in the workspace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from infoint import targets as tg
from infoint.workspace import Workspace

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
STEP2 = "02_build_target_list.ipynb"

pytestmark = pytest.mark.notebook


@pytest.mark.parametrize("notebook", [STEP2, "app.ipynb"])
def test_the_demo_imports_the_vcard_and_saves_the_pasted_signature(tmp_path, notebook):
    import papermill

    found = sorted(p.name for p in NOTEBOOKS.glob("02_*.ipynb"))
    assert found == [STEP2]
    workspace = tmp_path / "ws" / "workspace.sqlite3"
    out = tmp_path / notebook
    papermill.execute_notebook(
        str(NOTEBOOKS / notebook),
        str(out),
        parameters={"workspace": str(workspace), "demo": True},
        cwd=str(NOTEBOOKS),
        kernel_name="python3",
        progress_bar=False,
    )
    nb = json.loads(out.read_text(encoding="utf-8"))
    errors = [
        o for c in nb["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"
    ]
    assert errors == []
    with Workspace.open(workspace) as ws:
        contacts = tg.load_contacts(ws)
    by_name = {c.full_name: c for c in contacts}
    # the LinkedIn export, then the phone's three cards: one known (by email), two new
    assert sum(c.source == "linkedin" for c in contacts) == 28
    assert sorted(n for n, c in by_name.items() if c.source == "contacts.vcf") == [
        "Inês Carvalho",
        "Owen Achterberg",
    ]
    assert by_name["Amara Osei"].phone == "+1 757 555 0134"
    assert by_name["Amara Osei"].source == "linkedin"
    assert by_name["Inês Carvalho"].location == "Toronto, ON, Canada"
    # the pasted signature: recognised by name and organization, brought up to date
    tomasz = by_name["Tomasz Wierzbicki"]
    assert (tomasz.phone, tomasz.email) == ("+1 206 555 0148", "tomasz.w@innkeep.example")
    assert tomasz.location == "Toronto, ON" and tomasz.source == "linkedin"
    # nobody added twice (the app's later steps add step 5's referral, Nadia)
    assert len([c for c in contacts if c.source != "referral"]) == 30
    # the targets were picked from the LinkedIn list before the phone's file came in
    assert sum(c.target for c in contacts) == 6
    assert not any(c.target for c in contacts if c.source == "contacts.vcf")
