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


RESEARCH = "Research ticked and what you found noted"


def test_research_done_is_one_fact_in_step_4_and_the_write_up(ws):
    """Q3: step 4's progress and the write-up's checklist both read ``research_status``: two
    ticks stored as the only keys are 2 of 6 in both, and both say done once all six are ticked
    and what was found is noted."""
    from datetime import datetime

    from test_writeup import contact_id, hold

    from infoint import meetings as mt
    from infoint import writeup as wu
    from infoint.checklists import research_checklist
    from infoint.report import report_sections

    apply_persona(ws)
    now = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
    meeting = hold(ws, contact_id(ws, "Amara"), datetime(2026, 3, 9, 15, 0, tzinfo=UTC))

    def both() -> tuple[bool, bool]:
        step_4 = dict(workbook_progress(ws, now)[3].parts)[RESEARCH]
        iv = wu.gather(ws, meeting.id, now)
        return step_4, next(i.done for i in wu.checklist(iv) if i.key == "research")

    def report() -> str:  # the whole report's step 4 says it in the same words
        return report_sections(ws, 4, now=now)[0][1]

    meeting.research = {"profile": True, "website": True}  # what a page stores: the ticks
    mt.save_meeting(ws, meeting)
    assert both() == (False, False)
    assert "2 of 6 research steps ticked; no notes on what you found" in report()
    meeting.research = {key: True for key, _ in research_checklist(None, None)}
    mt.save_meeting(ws, meeting)
    assert both() == (False, False)  # nothing written on what was found
    meeting.notes = "Their team page lists a research ops role."
    mt.save_meeting(ws, meeting)
    assert both() == (True, True)
    assert "Done: 6 of 6 research steps ticked; notes written" in report()
    meeting.research["pitch"] = False
    mt.save_meeting(ws, meeting)
    assert both() == (False, False)


def test_progress_is_counted_at_the_given_moment_in_the_users_day(ws):
    """workbook_progress(ws, now) counts overdue items at ``now`` (its day in the profile's
    zone), not at the wall clock; the report's figures (sharing.outcomes) use the same now."""
    from datetime import datetime

    from test_writeup import contact_id, hold

    from infoint import action_items as ai
    from infoint import debrief as db
    from infoint.sharing import outcomes

    apply_persona(ws)
    ws.put_row("profile", {"timezone": "America/Toronto"})
    cid = contact_id(ws, "Amara")
    meeting = hold(ws, cid, datetime(2026, 3, 9, 15, 0, tzinfo=UTC))
    db.save_debrief(ws, db.Debrief(meeting_id=meeting.id, contact_id=cid, insights="Useful."))
    ai.save_action_item(
        ws, ai.ActionItem("Read the book", due="2026-03-12", meeting_id=meeting.id, contact_id=cid)
    )
    on_time = "No action item overdue"
    late_evening = datetime(2026, 3, 13, 2, 0, tzinfo=UTC)  # 21:00 on the 12th in Toronto
    next_morning = datetime(2026, 3, 13, 14, 0, tzinfo=UTC)
    assert dict(workbook_progress(ws, late_evening)[4].parts)[on_time]
    assert not dict(workbook_progress(ws, next_morning)[4].parts)[on_time]
    for now in (late_evening, next_morning):
        steps = workbook_progress(ws, now)
        assert outcomes(ws, now).parts_done == sum(s.done for s in steps)
    assert outcomes(ws, late_evening).parts_done > outcomes(ws, next_morning).parts_done
