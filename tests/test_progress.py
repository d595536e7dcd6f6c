"""Progress on the start page comes from the workspace, and unbuilt steps say so."""

from __future__ import annotations

from datetime import UTC

from infoint.demo import apply_persona
from infoint.progress import NOT_BUILT, STEPS, workbook_progress


def test_empty_workspace_has_nothing_done(ws):
    statuses = workbook_progress(ws)
    assert [s.number for s in statuses] == [n for n, _, _ in STEPS]
    assert statuses[0].built and statuses[0].done == 0
    assert statuses[0].summary.startswith("0 of 5 parts done. Next:")
    assert all(s.built and s.done == 0 and s.summary.startswith("0 of") for s in statuses[1:])
    assert NOT_BUILT not in [s.summary for s in statuses]


def test_demo_persona_completes_step_1(ws):
    apply_persona(ws)
    first = workbook_progress(ws)[0]
    assert first.done == len(first.parts)
    assert first.summary.startswith("Done")


def test_demo_targets_show_in_step_2(ws):
    from infoint.ui.targets import TargetsPage

    apply_persona(ws)
    TargetsPage.open(None, demo=True)
    second = workbook_progress(ws)[1]
    assert dict(second.parts)["Contacts imported or added"]
    assert dict(second.parts)["6 targets picked for your plan"]


def test_partial_step_names_the_next_part(ws):
    ws.put_row(
        "profile",
        {"name": "Ada Lovelace", "email": "ada.lovelace@example.edu", "timezone": "Europe/London"},
    )
    first = workbook_progress(ws)[0]
    assert first.done == 1
    assert "Next:" in first.summary


def test_agenda_is_empty_for_a_new_workbook(ws):
    from infoint.progress import todays_agenda

    assert todays_agenda(ws) == []


def test_agenda_collects_requests_to_write_and_overdue_follow_ups(ws):
    from datetime import datetime, timedelta

    from infoint import targets as tg
    from infoint.progress import todays_agenda

    now = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
    ws.put_row("profile", {"timezone": "America/Toronto"})
    waiting = tg.save_contact(ws, tg.Contact(first_name="<img src=x>", target=True))
    asked = tg.save_contact(ws, tg.Contact(first_name="Asked", target=True))
    tg.save_contact(ws, tg.Contact(first_name="Not a target"))
    ws.append_event(
        "request_sent", asked, {"channel": "email"}, at=(now - timedelta(days=9)).isoformat()
    )
    items = todays_agenda(ws, now)
    assert [(i.contact_id, i.kind, i.overdue) for i in items] == [
        (asked, "follow_up", True),
        (waiting, "request", False),
    ]
    assert all(i.step == "03_compose_requests.ipynb" for i in items)
    ws.append_event("reply", asked, {"answer": "no"}, at=now.isoformat())
    assert [i.contact_id for i in todays_agenda(ws, now)] == [waiting]
