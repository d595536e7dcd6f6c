"""The demo persona: its files load, and loading it never silently replaces the user's data."""

from __future__ import annotations

import csv

import pytest

from infoint.demo import DEMO_ENV_VAR, apply_persona, demo_dir, has_user_data, load_persona
from infoint.exports import read_backup
from infoint.goals import check_goals
from infoint.objectives import check_plan, check_profile
from infoint.schema import WorkspaceError


def test_persona_is_complete_and_passes_step_1_checks():
    profile, objective = load_persona()
    assert profile.name and profile.email and profile.timezone == "America/Toronto"
    assert [f for f in check_profile(profile) if f.severity == "error"] == []
    assert [f for f in check_goals(objective.goals) if f.severity != "info"] == []
    assert [f for f in check_plan(objective.plan) if f.severity == "error"] == []
    assert objective.kinds and objective.roles and objective.organizations


def test_connections_file_has_the_linkedin_shape():
    lines = (demo_dir() / "Connections.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Notes:"
    header = next(i for i, line in enumerate(lines) if line.startswith("First Name"))
    assert lines[header] == "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    rows = list(csv.reader(lines[header + 1 :]))
    assert 25 <= len(rows) <= 35
    names = [r[0] + " " + r[1] for r in rows]
    assert any("$" in n for n in names) and any("<b>" in n for n in names)
    assert any(n.strip() == "" for n in names)  # blank and nameless rows
    assert sum(1 for r in rows if r[3]) < len(rows) / 2  # most emails missing


def test_organizations_file_covers_the_persona():
    _, objective = load_persona()
    with open(demo_dir() / "organizations.csv", encoding="utf-8", newline="") as fh:
        names = {row["Name"] for row in csv.DictReader(fh)}
    assert 10 <= len(names) <= 14
    assert set(objective.organizations) <= names


def test_apply_on_empty_workspace_needs_no_safety_copy(ws):
    assert not has_user_data(ws)
    report = apply_persona(ws)
    assert report.safety_copy is None
    assert ws.get_row("profile")["name"] == report.name
    assert has_user_data(ws)


def test_apply_over_user_data_keeps_a_copy(ws):
    ws.put_row("profile", {"name": "Me"})
    report = apply_persona(ws)
    assert read_backup(report.safety_copy.read_bytes())["tables"]["profile"]["rows"][0][1] == "Me"


def test_missing_demo_folder_is_explained(monkeypatch, tmp_path):
    monkeypatch.setenv(DEMO_ENV_VAR, str(tmp_path / "nowhere"))
    monkeypatch.setattr("infoint.demo.Path.is_file", lambda self: False)
    with pytest.raises(WorkspaceError, match="demo files"):
        demo_dir()


def test_demo_folder_from_environment(monkeypatch, tmp_path):
    (tmp_path / "persona.json").write_text(
        (demo_dir() / "persona.json").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.setenv(DEMO_ENV_VAR, str(tmp_path))
    assert demo_dir() == tmp_path


def test_what_a_page_demo_adds_while_recording_goes_with_the_demo(ws):
    """People a page's demo run imports and facts it types are the demo's; a fact the user
    had before comes back, and one the user changed since stays theirs."""
    from infoint.demo import recording, remove_persona
    from infoint.records import Contact
    from infoint.targets import load_contacts, save_contact

    ws.set_meta("writeup.course", "My own course")
    ws.set_meta("user.fact", "mine")
    mine = save_contact(ws, Contact(first_name="Ana", last_name="Lima"))
    with recording(ws):  # no demo loaded yet: nothing is recorded
        save_contact(ws, Contact(first_name="Before", last_name="Demo"))
    apply_persona(ws)
    with recording(ws):
        save_contact(ws, Contact(first_name="Inês", last_name="Carvalho", source="contacts.vcf"))
        ws.set_meta("writeup.course", "CAREER 210")
        ws.set_meta("demo.typed", "typed by the demo")
        ws.set_meta("user.fact", "the demo's")
    ws.set_meta("user.fact", "changed by the user since")
    remove_persona(ws, safety_copy=False)
    names = sorted(c.full_name for c in load_contacts(ws))
    assert names == ["Ana Lima", "Before Demo"] and mine in {c.id for c in load_contacts(ws)}
    assert ws.get_meta("writeup.course") == "My own course"
    assert ws.get_meta("demo.typed") is None
    assert ws.get_meta("user.fact") == "changed by the user since"
