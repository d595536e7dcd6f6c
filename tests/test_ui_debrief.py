"""Step 5's page in-process: held or not, notes that save as you type, action items, referrals,
comparison."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from infoint import action_items, classification, pipeline, stages
from infoint import debrief as db
from infoint import meetings as mt
from infoint import questions as qs
from infoint import targets as tg
from infoint.demo import apply_persona
from infoint.progress import todays_agenda
from infoint.ui.debrief import DebriefPage

NOW = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)  # a Tuesday morning in Toronto
ROSA_AT = datetime(2026, 3, 5, 15, 0, tzinfo=UTC)  # 10:00 in Toronto
AMARA_AT = datetime(2026, 3, 9, 15, 0, tzinfo=UTC)  # 11:00 in Toronto (summer time since Sunday)
QUESTIONS = qs.propose(None, "mid", 30)


def contact_id(ws, first_name: str) -> int:
    return next(r["id"] for r in ws.rows("contacts") if r["first_name"] == first_name)


def book(ws, cid: int, start: datetime, questions=QUESTIONS, cancelled: bool = False) -> mt.Meeting:
    """A meeting as step 4 leaves it: the row, the yes before it and the meeting_scheduled event."""
    meeting = mt.Meeting(
        contact_id=cid,
        starts_at=start.isoformat(),
        minutes=30,
        mode="video",
        place="https://zoom.us/j/1",
        questions=qs.to_entries(questions),
        cancelled=cancelled,
    )
    mt.save_meeting(ws, meeting)
    ws.append_event(
        pipeline.REPLY, cid, {"answer": "yes"}, at=(start - timedelta(days=5)).isoformat()
    )
    ws.append_event(
        pipeline.MEETING_SCHEDULED,
        cid,
        {"starts_at": start.isoformat(), "minutes": 30, "meeting_id": meeting.id},
        at=(start - timedelta(days=4)).isoformat(),
    )
    if cancelled:
        ws.append_event(
            pipeline.MEETING_CANCELLED,
            cid,
            {"meeting_id": meeting.id},
            at=(start - timedelta(days=1)).isoformat(),
        )
    return meeting


@pytest.fixture
def demo_ws(ws):
    """The demo persona with a meeting with Rosa (5 March), Amara (9 March) and a cancelled one
    with Theo."""
    apply_persona(ws)
    book(ws, contact_id(ws, "Rosa"), ROSA_AT)
    book(ws, contact_id(ws, "Amara"), AMARA_AT)
    book(
        ws,
        contact_id(ws, "<b>Theo</b>"),
        datetime(2026, 3, 8, 15, 0, tzinfo=UTC),
        cancelled=True,
    )
    return ws


def page_for(ws, first_name: str, now: datetime = NOW) -> DebriefPage:
    page = DebriefPage(ws, now=now)
    page.pick.value = next(
        m.id for m in page.meetings.values() if m.contact_id == contact_id(ws, first_name)
    )
    return page


def events(ws, cid: int, kind: str | None = None) -> list[dict]:
    return [e for e in ws.events(cid) if kind is None or e["kind"] == kind]


def stage(ws, cid: int) -> str:
    return stages.stage(stages.events_from_rows(ws.events(cid)))


def debrief_row(ws, meeting_id: int) -> dict:
    [row] = ws.rows("debriefs", "meeting_id = ?", (meeting_id,))
    return row


# -- which meeting, and whether it took place ------------------------------------------------------
def test_meetings_are_listed_newest_first_without_cancelled_ones(demo_ws):
    page = DebriefPage(demo_ws, now=NOW)
    labels = [label for label, _ in page.pick.options]
    assert labels == [
        "Amara Osei, Mon 09 Mar 2026 11:00",
        "Rosa Delgado-Fitch, Thu 05 Mar 2026 10:00",
    ]
    assert page.contact.first_name == "Amara"  # the newest is open first
    assert (
        "Not marked as held yet" in page.meeting_note.value
        and "Tidewater Travel Group" in page.meeting_note.value
    )


def test_opening_shows_the_newest_meeting_once(demo_ws, monkeypatch):
    shown = []
    load_debrief = db.load_debrief
    monkeypatch.setattr(
        db, "load_debrief", lambda ws, mid, cid: shown.append(cid) or load_debrief(ws, mid, cid)
    )
    DebriefPage(demo_ws, now=NOW)
    assert shown == [contact_id(demo_ws, "Amara")]


def test_no_meetings_says_so(ws):
    page = DebriefPage(ws, now=NOW)
    assert page.pick.options == () and "No meetings yet" in page.meeting_note.value
    page.held_button.click()
    assert not page.save()  # nothing to save: no meeting
    assert ws.events() == [] and ws.rows("debriefs") == []


def test_it_took_place_logs_one_met_event_and_the_thanks_reaches_the_agenda(demo_ws):
    page = page_for(demo_ws, "Amara")
    cid = page.contact.id
    assert stage(demo_ws, cid) == "scheduled"
    assert [i.kind for i in todays_agenda(demo_ws, NOW) if i.contact_id == cid] == ["debrief"]
    page.held_button.click()
    [met] = events(demo_ws, cid, pipeline.MET)
    assert datetime.fromisoformat(met["data"]["at"]) == AMARA_AT  # when it happened, in the data
    assert (
        met["at"] == NOW.isoformat()
    )  # logged when recorded, after the booking, so the stage moves on
    assert met["data"]["meeting_id"] == page.meeting.id
    assert "Marked as held" in page.meeting_note.value and "48 hours" in page.meeting_note.value
    assert stage(demo_ws, cid) == "met"
    thanks = [i for i in todays_agenda(demo_ws, NOW) if i.contact_id == cid]
    assert [i.kind for i in thanks] == ["thanks"] and thanks[0].due == AMARA_AT + timedelta(
        hours=48
    )
    assert not thanks[0].overdue
    page.held_button.click()
    assert len(events(demo_ws, cid, pipeline.MET)) == 1
    assert "Already marked as held" in page.meeting_note.value
    assert "Held:" in page_for(demo_ws, "Amara").meeting_note.value
    assert "Not marked as held yet" in page_for(demo_ws, "Rosa").meeting_note.value


def test_a_meeting_marked_held_before_its_start_is_held_now(demo_ws):
    page = page_for(demo_ws, "Amara", now=AMARA_AT - timedelta(hours=2))
    page.held_button.click()
    [met] = events(demo_ws, page.contact.id, pipeline.MET)
    assert datetime.fromisoformat(met["data"]["at"]) == AMARA_AT - timedelta(
        hours=2
    )  # never in the future


# -- D1, D2 notes that save as you go --------------------------------------------------------------
def test_notes_per_question_are_shown_under_each_prepared_question(demo_ws):
    page = page_for(demo_ws, "Amara")
    headings = [w.value for w in page.answers_box.children[0::2]]
    assert len(page.answer_boxes) == len(QUESTIONS) == len(headings)
    assert all(f"<strong>{i}.</strong>" in h for i, h in enumerate(headings, 1))
    assert all(
        box.description == f"Your notes on question {i}"
        for i, box in enumerate(page.answer_boxes, 1)
    )


def test_notes_insights_reflection_and_fit_save_as_they_change(demo_ws):
    page = page_for(demo_ws, "Amara")
    mid = page.meeting.id
    assert demo_ws.rows("debriefs") == [] and "Not started yet" in page.status.value
    page.answer_boxes[0].value = "Mostly usability tests."
    assert demo_ws.rows("debriefs") == [] and "Saving..." in page.status.value
    page.flush()  # what the debounce does about a second after typing stops
    assert json.loads(debrief_row(demo_ws, mid)["answers"]) == {
        QUESTIONS[0].text: "Mostly usability tests."
    }
    assert "Saved " in page.status.value
    page.answer_boxes[2].value = "People who ask good questions early."
    page.insights.value = "Research ops is a real path in."
    page.surprises.value = "They hire juniors every spring."
    page.reflection["field"].value = "Yes, more than before."
    page.role_fit.value = 4
    page.org_fit.value = 5
    page.next_changes.value = "Add research ops to my targets."
    page.flush()
    row = debrief_row(demo_ws, mid)
    assert json.loads(row["answers"]) == {
        QUESTIONS[0].text: "Mostly usability tests.",
        QUESTIONS[2].text: "People who ask good questions early.",
    }
    assert (row["insights"], row["surprises"], row["next_changes"]) == (
        "Research ops is a real path in.",
        "They hire juniors every spring.",
        "Add research ops to my targets.",
    )
    assert json.loads(row["reflection"]) == {"field": "Yes, more than before."}
    assert (row["role_fit"], row["org_fit"], row["contact_id"]) == (4, 5, page.contact.id)
    assert len(demo_ws.rows("debriefs")) == 1  # one debrief per meeting, updated in place

    again = page_for(demo_ws, "Amara")
    assert [b.value for b in again.answer_boxes] == [
        "Mostly usability tests.",
        "",
        "People who ask good questions early.",
    ] + [""] * (len(QUESTIONS) - 3)
    assert (
        again.insights.value == "Research ops is a real path in."
        and again.surprises.value == "They hire juniors every spring."
    )
    assert (
        again.reflection["field"].value == "Yes, more than before."
        and again.reflection["learned"].value == ""
    )
    assert (again.role_fit.value, again.org_fit.value) == (4, 5)
    assert again.next_changes.value == "Add research ops to my targets."
    assert "Saved earlier" in again.status.value
    other = page_for(demo_ws, "Rosa")  # another meeting starts empty
    assert (
        other.insights.value == ""
        and other.role_fit.value == 0
        and all(b.value == "" for b in other.answer_boxes)
    )


def test_a_rating_can_be_taken_back(demo_ws):
    page = page_for(demo_ws, "Amara")
    page.role_fit.value = 2
    page.flush()
    assert debrief_row(demo_ws, page.meeting.id)["role_fit"] == 2
    page.role_fit.value = 0
    page.flush()
    assert debrief_row(demo_ws, page.meeting.id)["role_fit"] is None


def test_findings_prompt_for_what_is_missing_until_it_is_there(demo_ws):
    page = page_for(demo_ws, "Amara")
    assert page.findings.value.count("No notes for this question yet") == len(QUESTIONS)
    for text in (
        "main insights",
        "reflect on the meeting",
        "how well the role fits",
        "how well the organization fits",
    ):
        assert text in page.findings.value
    for box in page.answer_boxes:
        box.value = "noted"
    page.insights.value = "Research ops is a real path in."
    assert (
        "No notes for this question yet" not in page.findings.value
        and "main insights" not in page.findings.value
    )
    assert "reflect on the meeting" in page.findings.value
    page.reflection["learned"].value = "Portfolios matter less than I thought."
    page.role_fit.value, page.org_fit.value = 3, 4
    assert "<li" not in page.findings.value


def test_question_texts_are_escaped_in_the_headings(ws):
    apply_persona(ws)
    hostile = [
        qs.custom_question("<img src=x onerror=alert(1)> costs $5M and $10M?"),
        QUESTIONS[-1],
    ]
    book(ws, contact_id(ws, "Amara"), AMARA_AT, questions=hostile)
    page = page_for(ws, "Amara")
    heading = page.answers_box.children[0].value
    assert (
        "&lt;img src=x onerror=alert(1)&gt; costs &#36;5M and &#36;10M?" in heading
        and "<img" not in heading
    )
    page.answer_boxes[0].value = "Too much"
    page.flush()
    assert json.loads(debrief_row(ws, page.meeting.id)["answers"]) == {
        "<img src=x onerror=alert(1)> costs $5M and $10M?": "Too much"
    }
    assert "<img" not in page.findings.value


def test_a_meeting_without_questions_still_takes_notes(ws):
    apply_persona(ws)
    book(ws, contact_id(ws, "Amara"), AMARA_AT, questions=[])
    page = page_for(ws, "Amara")
    assert (
        page.answer_boxes == []
        and "No questions were prepared" in page.answers_box.children[0].value
    )
    page.insights.value = "Research ops is a real path in."
    page.flush()
    assert debrief_row(ws, page.meeting.id)["insights"] == "Research ops is a real path in."


# -- D4 action items -------------------------------------------------------------------------------
def test_action_items_need_text_and_a_date(demo_ws):
    page = page_for(demo_ws, "Amara")
    page.item_add.click()
    assert (
        "Say what you will do" in page.items_status.value
        and "Give it a date" in page.items_status.value
    )
    page.item_text.value = "Read the book she recommended"
    page.item_add.click()
    assert (
        "Give it a date" in page.items_status.value
        and "Say what you will do" not in page.items_status.value
    )
    page.item_text.value = "   "
    page.item_due.value = date(2026, 3, 12)
    page.item_add.click()
    assert (
        "Say what you will do" in page.items_status.value
        and "Give it a date" not in page.items_status.value
    )
    assert demo_ws.rows("action_items") == [] and page.items_list.options == ()


def test_action_items_reach_the_agenda_on_their_day_until_done(demo_ws):
    page = page_for(demo_ws, "Amara")
    cid = page.contact.id
    page.item_text.value = "Read the book she recommended"
    page.item_due.value = date(2026, 3, 12)
    page.item_add.click()
    assert (
        "Added" in page.items_status.value
        and page.item_text.value == ""
        and page.item_due.value is None
    )
    [row] = demo_ws.rows("action_items")
    assert (row["text"], row["due"], row["done_at"], row["contact_id"], row["meeting_id"]) == (
        "Read the book she recommended",
        "2026-03-12",
        "",
        cid,
        page.meeting.id,
    )
    assert [label for label, _ in page.items_list.options] == [
        "Read the book she recommended (by 2026-03-12)"
    ]

    def agenda(day: int) -> list:
        return [
            i
            for i in todays_agenda(demo_ws, datetime(2026, 3, day, 14, 0, tzinfo=UTC))
            if i.kind == action_items.ACTION_ITEM_KIND
        ]

    assert agenda(11) == []
    [item] = agenda(12)
    assert (
        item.contact_id == cid
        and "Amara Osei" in item.text
        and "Read the book she recommended" in item.text
    )
    assert not item.overdue and agenda(13)[0].overdue
    assert [label for label, _ in page_for(demo_ws, "Amara").items_list.options] == [
        "Read the book she recommended (by 2026-03-12)"
    ]
    assert page_for(demo_ws, "Rosa").items_list.options == ()  # only this person's items

    page.items_list.value = None
    page.item_done.click()
    assert (
        "Choose an action item first" in page.items_status.value
        and demo_ws.rows("action_items")[0]["done_at"] == ""
    )
    page.items_list.value = row["id"]
    page.item_done.click()
    assert "Done" in page.items_status.value and page.items_list.options == ()
    assert demo_ws.rows("action_items")[0]["done_at"] == NOW.isoformat()
    assert agenda(12) == [] and agenda(13) == []


# -- D3 referrals ----------------------------------------------------------------------------------
def test_a_referral_becomes_a_warm_contact_once(demo_ws):
    page = page_for(demo_ws, "Amara")
    before = len(demo_ws.rows("contacts"))
    page.ref_add.click()
    assert (
        "Give the person a name first" in page.ref_status.value
        and len(demo_ws.rows("contacts")) == before
    )
    page.ref_org.value = "Harbourline Hotels"
    page.ref_add.click()
    assert (
        "Give the person a name first" in page.ref_status.value
        and len(demo_ws.rows("contacts")) == before
    )

    page.ref_first.value, page.ref_last.value = "Nadia", "Okafor"
    page.ref_position.value, page.ref_email.value = (
        "Junior UX Researcher",
        "nadia@harbourline.example",
    )
    page.ref_add.click()
    assert (
        "Nadia Okafor is now on your list" in page.ref_status.value
        and "referred by Amara Osei" in page.ref_status.value
    )
    assert [
        w.value
        for w in (page.ref_first, page.ref_last, page.ref_org, page.ref_position, page.ref_email)
    ] == [""] * 5
    [new] = [c for c in tg.load_contacts(demo_ws) if c.first_name == "Nadia"]
    assert (new.last_name, new.organization, new.position, new.email) == (
        "Okafor",
        "Harbourline Hotels",
        "Junior UX Researcher",
        "nadia@harbourline.example",
    )
    assert (new.referred_by, new.via, new.source) == (page.contact.id, "Amara Osei", "referral")
    assert new.warm_reason == "referred by Amara Osei"
    assessed = classification.Classifier(tg.context(demo_ws)).assess(new)
    assert assessed.warm and assessed.connection == "second"
    assert len(demo_ws.rows("contacts")) == before + 1

    page.ref_first.value, page.ref_last.value, page.ref_org.value = (
        "nadia",
        "OKAFOR",
        "Harbourline Hotels",
    )
    page.ref_add.click()
    assert "already on your list" in page.ref_status.value
    assert len(demo_ws.rows("contacts")) == before + 1
    [same] = [c for c in tg.load_contacts(demo_ws) if c.first_name == "Nadia"]
    assert (same.first_name, same.last_name) == (
        "Nadia",
        "Okafor",
    )  # a hurried retype changes nothing


def test_a_referral_you_already_know_gets_referred_by_but_stays_first_degree(demo_ws):
    rosa = contact_id(demo_ws, "Rosa")
    demo_ws.write(updates={"contacts": [(rosa, {"connection": "first"})]})
    page = page_for(demo_ws, "Amara")
    before = len(demo_ws.rows("contacts"))
    page.ref_first.value, page.ref_last.value, page.ref_org.value = (
        "Rosa",
        "Delgado-Fitch",
        "Innkeep Cloud",
    )
    page.ref_add.click()
    assert "Rosa Delgado-Fitch was already on your list" in page.ref_status.value
    assert len(demo_ws.rows("contacts")) == before
    [row] = demo_ws.rows("contacts", "id = ?", (rosa,))
    assert row["referred_by"] == page.contact.id
    assert row["connection"] == "first" and row["via"] == "" and row["source"] == "linkedin"


# -- D5 the comparison -----------------------------------------------------------------------------
def test_the_comparison_shows_debriefed_meetings_escaped(demo_ws):
    cid = tg.save_contact(
        demo_ws,
        tg.Contact(
            first_name="<script>alert(1)</script>",
            last_name="$5M and $10M",
            organization="<b>Acme</b> & {{7*7}}",
            position="UX <i>Lead</i>",
        ),
    )
    book(demo_ws, cid, datetime(2026, 3, 6, 15, 0, tzinfo=UTC))
    page = DebriefPage(demo_ws, now=NOW)
    assert (
        "will appear here side by side" in page.compare_table.value
        and page.compare_chart.value == ""
    )
    page.pick.value = next(m.id for m in page.meetings.values() if m.contact_id == cid)
    page.insights.value = "<img src=x onerror=alert(1)> budgets of $5M"
    page.role_fit.value, page.org_fit.value = 2, 3
    page.flush()
    table, chart = page.compare_table.value, page.compare_chart.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#36;5M and &#36;10M" in table
    assert (
        "&lt;b&gt;Acme&lt;/b&gt; &amp; {{7*7}}" in table and "UX &lt;i&gt;Lead&lt;/i&gt;" in table
    )
    assert "&lt;img src=x onerror=alert(1)&gt; budgets of &#36;5M" in table
    for html in (table, chart):
        assert (
            "<script" not in html and "<img" not in html and "<b>" not in html and "$5M" not in html
        )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in chart and chart.startswith("<svg")
    assert "Amara Osei" not in table and "Rosa" not in table  # not debriefed yet

    page.pick.value = next(
        m.id for m in page.meetings.values() if m.contact_id == contact_id(demo_ws, "Amara")
    )
    page.insights.value = "Research ops is a real path in."
    page.role_fit.value, page.org_fit.value = 5, 5
    page.flush()
    table = page.compare_table.value
    assert table.count("<tr><th scope='row'>") == 2
    assert table.index("Amara Osei") < table.index("&lt;script&gt;")  # best fit first
    fits = '<td data-label="Role fit">{}</td><td data-label="Organization fit">{}</td>'
    assert fits.format(5, 5) in table and fits.format(2, 3) in table
    reopened = DebriefPage(demo_ws, now=NOW)
    assert reopened.compare_table.value == table


# -- the demo --------------------------------------------------------------------------------------
def test_demo_debriefs_the_newest_meeting(demo_ws):
    page = DebriefPage(demo_ws, now=NOW)
    page.run_demo()
    amara = contact_id(demo_ws, "Amara")
    assert len(events(demo_ws, amara, pipeline.MET)) == 1 and stage(demo_ws, amara) == "met"
    [row] = demo_ws.rows("debriefs")
    assert row["contact_id"] == amara and (row["role_fit"], row["org_fit"]) == (4, 5)
    assert len(json.loads(row["answers"])) == len(QUESTIONS) and row["insights"].startswith(
        "Research ops"
    )
    [item] = demo_ws.rows("action_items")
    assert item["due"] == "2026-03-17" and item["contact_id"] == amara
    [nadia] = [c for c in tg.load_contacts(demo_ws) if c.first_name == "Nadia"]
    assert nadia.referred_by == amara and nadia.source == "referral"
    assert "Amara Osei" in page.compare_table.value


def test_a_meeting_recorded_after_it_happened_moves_on_to_met(ws):
    """Booked today for yesterday (as people do), then marked held: the stage is met, thanks is
    due."""
    apply_persona(ws)
    cid = next(r["id"] for r in ws.rows("contacts") if r["first_name"] == "Amara")
    yesterday = NOW - timedelta(days=1)
    meeting = mt.Meeting(
        contact_id=cid, starts_at=yesterday.isoformat(), minutes=30, mode="video", place="Zoom"
    )
    mt.save_meeting(ws, meeting)
    ws.append_event(
        pipeline.MEETING_SCHEDULED,
        cid,
        {"starts_at": meeting.starts_at, "minutes": 30},
        at=(NOW - timedelta(hours=1)).isoformat(),
    )
    page = DebriefPage(ws, now=NOW)
    page.held_button.click()
    assert stages.stage(stages.events_from_rows(ws.events(cid))) == "met"
    assert any(i.kind == "thanks" and i.contact_id == cid for i in todays_agenda(ws, NOW))


def test_fit_chart_names_the_two_ratings(demo_ws):
    page = page_for(demo_ws, "Amara")
    page.role_fit.value = 4
    page.flush()
    chart = page.compare_chart.value
    assert "role fit" in chart and "organization fit not rated" in chart and "planned" not in chart
