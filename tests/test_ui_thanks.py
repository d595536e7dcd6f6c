"""Step 6's page in-process: the 48 hours, a personal note, the introducer, staying in touch,
the files."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from infoint import action_items, pipeline, stages, thanks_check
from infoint import debrief as db
from infoint import meetings as mt
from infoint import targets as tg
from infoint.demo import apply_persona
from infoint.progress import todays_agenda
from infoint.ui.debrief import DebriefPage
from infoint.ui.outreach import OutreachPage
from infoint.ui.questions import QuestionsPage
from infoint.ui.thanks import ThanksPage

TORONTO = ZoneInfo("America/Toronto")
MET_AT = datetime(2026, 3, 9, 15, 0, tzinfo=UTC)  # Monday 11:00 in Toronto
DEADLINE = MET_AT + timedelta(hours=48)  # Wednesday 11 March, 11:00
NOW = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)  # the next morning
INSIGHT = "Research ops is a real path in for people from hospitality."
SUGGESTION = "Read Just Enough Research"


def contact_id(ws, first_name: str) -> int:
    return next(r["id"] for r in ws.rows("contacts") if r["first_name"] == first_name)


def met(ws, cid: int, at: datetime = MET_AT) -> int:
    """A meeting as steps 4 and 5 leave it: the row, the log up to "met"; returns the meeting id."""
    meeting = mt.Meeting(
        contact_id=cid, starts_at=at.isoformat(), minutes=30, mode="video", place="Zoom"
    )
    mt.save_meeting(ws, meeting)
    ws.append_event(pipeline.REPLY, cid, {"answer": "yes"}, at=(at - timedelta(days=5)).isoformat())
    ws.append_event(
        pipeline.MEETING_SCHEDULED,
        cid,
        {"starts_at": at.isoformat(), "minutes": 30, "meeting_id": meeting.id},
        at=(at - timedelta(days=4)).isoformat(),
    )
    ws.append_event(
        pipeline.MET, cid, {"at": at.isoformat(), "meeting_id": meeting.id}, at=at.isoformat()
    )
    return meeting.id


@pytest.fixture
def met_ws(ws):
    """Amara met on 9 March and debriefed (an insight and a suggestion); Rosa only booked."""
    apply_persona(ws)
    amara = contact_id(ws, "Amara")
    meeting_id = met(ws, amara)
    db.save_debrief(ws, db.Debrief(meeting_id=meeting_id, contact_id=amara, insights=INSIGHT))
    action_items.save_action_item(
        ws,
        action_items.ActionItem(
            text=SUGGESTION, due="2026-03-14", meeting_id=meeting_id, contact_id=amara
        ),
    )
    rosa = contact_id(ws, "Rosa")
    ws.append_event(pipeline.REPLY, rosa, {"answer": "yes"}, at="2026-03-02T15:00:00+00:00")
    ws.append_event(
        pipeline.MEETING_SCHEDULED,
        rosa,
        {"starts_at": "2026-03-12T15:00:00+00:00", "minutes": 30},
        at="2026-03-03T15:00:00+00:00",
    )
    return ws


def events(ws, cid: int, kind: str) -> list[dict]:
    return [e for e in ws.events(cid) if e["kind"] == kind]


def stage(ws, cid: int) -> str:
    return stages.stage(stages.events_from_rows(ws.events(cid)))


def compose(page: ThanksPage) -> None:
    page.specific.value = INSIGHT
    page.suggestion_status.value = "I've ordered it and will start it this week"
    page.compose_button.click()


# -- whom to thank, and by when (S1) ---------------------------------------------------------------
def test_only_people_you_met_are_listed(met_ws):
    page = ThanksPage(met_ws, now=NOW)
    assert page.person.options == (("Amara Osei: due", contact_id(met_ws, "Amara")),)
    assert page.contact.first_name == "Amara"
    assert "Amara Osei" in page.table.value and "Rosa" not in page.table.value


def test_opening_checks_each_note_once(met_ws, monkeypatch):
    checked = []
    check_thanks = thanks_check.check_thanks
    monkeypatch.setattr(
        thanks_check,
        "check_thanks",
        lambda *a, **kw: checked.append(kw["kind"]) or check_thanks(*a, **kw),
    )
    ThanksPage(met_ws, now=NOW)
    assert sorted(checked) == ["thanks", "update"]


def test_nobody_met_yet_says_so(ws):
    page = ThanksPage(ws, now=NOW)
    assert page.person.options == () and "Nobody to thank yet" in page.deadline.value
    page.note.sent.click()
    page.logged.click()
    assert ws.events() == []


@pytest.mark.parametrize(
    "now, label, text",
    [
        (NOW, "due", "Thank-you note: Due Wednesday 11 March, 11:00."),
        (
            DEADLINE,
            "due",
            "Thank-you note: Due Wednesday 11 March, 11:00.",
        ),  # the deadline itself is still on time
        (
            DEADLINE + timedelta(minutes=1),
            "overdue",
            "Thank-you note: Overdue: it was due Wednesday 11 March, 11:00.",
        ),
    ],
)
def test_the_deadline_is_48_hours_after_the_meeting(met_ws, now, label, text):
    page = ThanksPage(met_ws, now=now)
    assert page.person.options[0][0] == f"Amara Osei: {label}"
    assert text in page.deadline.value
    assert ("ii-warning-box" in page.deadline.value) == (label == "overdue")


def test_names_are_escaped_in_the_overview(met_ws):
    cid = tg.save_contact(
        met_ws,
        tg.Contact(
            first_name="<script>alert(1)</script>", last_name="$5M and $10M", via="<b>Pat</b>"
        ),
    )
    met(met_ws, cid, MET_AT - timedelta(days=1))
    page = ThanksPage(met_ws, now=NOW)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#36;5M and &#36;10M" in page.table.value
    assert "<script" not in page.table.value and "$5M" not in page.table.value
    page.person.value = cid
    intro = page.intro_box.children[0].value
    assert "&lt;b&gt;Pat&lt;/b&gt; introduced you" in intro and "<b>Pat" not in intro


# -- S2 the note -----------------------------------------------------------------------------------
def test_the_first_draft_has_placeholders_to_fill(met_ws):
    page = ThanksPage(met_ws, now=NOW)
    assert page.note.to.value == "amara.osei@tidewatertravel.example"
    assert page.note.subject.value == "Thank you for talking with me about Tidewater Travel Group"
    assert page.note.body.value.startswith("Hi Amara,")
    assert page.note.findings.value.count("Replace this placeholder") == 3
    assert page.specific.options == (INSIGHT,)  # from the debrief
    assert page.suggestion.value == SUGGESTION  # the action item


def test_a_specific_note_with_the_suggestion_is_ready_to_send(met_ws):
    page = ThanksPage(met_ws, now=NOW)
    compose(page)
    body = page.note.body.value
    assert (
        INSIGHT in body
        and SUGGESTION in body
        and "I've ordered it and will start it this week" in body
    )
    assert "[" not in body
    assert (
        "Personal and ready to send" in page.note.findings.value
        and "<li" not in page.note.findings.value
    )
    assert "mailto:amara.osei@tidewatertravel.example" in page.note.mailto.value
    [draft] = met_ws.rows("drafts")
    assert (draft["contact_id"], draft["kind"], draft["body"]) == (page.contact.id, "thanks", body)
    compose(page)
    assert len(met_ws.rows("drafts")) == 1  # composing again updates the same draft
    assert ThanksPage(met_ws, now=NOW).note.body.value == body  # and it comes back


def test_a_generic_note_gets_an_s2_finding(met_ws):
    page = ThanksPage(met_ws, now=NOW)
    compose(page)
    page.note.body.value = "Thanks for your time."
    assert (
        "S2" in page.note.findings.value
        and "could have been sent to anyone" in page.note.findings.value
    )
    assert "doesn&#x27;t mention what they suggested" in page.note.findings.value
    assert "Personal and ready to send" not in page.note.findings.value


def test_a_generic_note_without_a_debrief_gets_an_s2_finding_too(met_ws):
    cid = contact_id(met_ws, "Rosa")
    met_ws.append_event(
        pipeline.MET, cid, {"at": "2026-03-09T16:00:00+00:00"}, at="2026-03-09T16:00:00+00:00"
    )
    page = ThanksPage(met_ws, now=NOW)
    page.person.value = cid
    assert page.specific.options == () and page.suggestion.value == ""
    page.note.body.value = "Thanks for your time."
    assert (
        "S2" in page.note.findings.value
        and "names nothing from the conversation" in page.note.findings.value
    )


def test_sent_on_time_is_logged_and_shown(met_ws):
    page = ThanksPage(met_ws, now=NOW)
    cid = page.contact.id
    compose(page)
    page.note.sent.click()
    [sent] = events(met_ws, cid, pipeline.THANKS_SENT)
    assert (
        sent["at"] == NOW.isoformat()
        and sent["data"]["body"] == page.note.body.value
        and sent["data"]["subject"]
    )
    assert "Recorded" in page.note.status.value
    assert page.person.options[0][0] == "Amara Osei: sent on time"
    assert "Sent on time (due Wednesday 11 March, 11:00)" in page.deadline.value
    assert '<td data-label="Thank-you">sent on time</td>' in page.table.value
    assert stage(met_ws, cid) == "thanked"
    assert not any(i.contact_id == cid and i.kind == "thanks" for i in todays_agenda(met_ws, NOW))


def test_sent_late_is_shown_as_late(met_ws):
    late = DEADLINE + timedelta(hours=3)
    page = ThanksPage(met_ws, now=late)
    assert any(i.kind == "thanks" and i.overdue for i in todays_agenda(met_ws, late))
    page.note.sent.click()
    assert events(met_ws, page.contact.id, pipeline.THANKS_SENT)[0]["at"] == late.isoformat()
    assert page.person.options[0][0] == "Amara Osei: sent late"
    assert "Sent, a little late (due Wednesday 11 March, 11:00)" in page.deadline.value
    assert (
        ThanksPage(met_ws, now=late + timedelta(days=1)).person.options[0][0]
        == "Amara Osei: sent late"
    )


def test_the_card_checkbox_shows_the_card_text(met_ws):
    page = ThanksPage(met_ws, now=NOW)
    compose(page)
    assert page.card_text.layout.display == "none"
    page.card.value = True
    compose(page)
    assert page.card_text.layout.display is None
    card = page.card_text.value
    assert (
        card.startswith("Dear Amara")
        and INSIGHT in card
        and SUGGESTION in card
        and card != page.note.body.value
    )
    page.card.value = False
    compose(page)
    assert page.card_text.layout.display == "none"


def test_the_eml_has_no_injected_headers(met_ws):
    page = ThanksPage(met_ws, now=NOW)
    compose(page)
    page.note.subject.value = "Thank you\r\nBcc: x@y.z"
    name, mime, data = page.note.eml.click()
    assert name.endswith(".eml") and "Amara" in name and mime == "message/rfc822"
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert message["Bcc"] is None and "x@y.z" not in (message["To"] or "")
    assert {k.lower() for k in message.keys()} == {
        "from",
        "to",
        "subject",
        "date",
        "message-id",
        "x-unsent",
        "content-type",
        "content-transfer-encoding",
        "mime-version",
    }
    assert "\n" not in message["Subject"] and message["Subject"].startswith("Thank you")
    assert (
        message["To"] == "amara.osei@tidewatertravel.example" and "Leela Varadan" in message["From"]
    )
    assert INSIGHT in message.get_content()


# -- S3 the introducer -----------------------------------------------------------------------------
def test_no_introducer_means_no_one_else_to_thank(met_ws):
    page = ThanksPage(met_ws, now=NOW)
    assert "No one introduced you" in page.intro_box.children[0].value
    assert len(page.intro_box.children) == 1  # no draft, no "I thanked the introducer"


def test_the_introducer_is_thanked_and_it_is_logged(met_ws):
    cid = contact_id(met_ws, "Rosa")
    met_ws.write(updates={"contacts": [(cid, {"via": "Priya Natarajan", "connection": "second"})]})
    met_ws.append_event(
        pipeline.MET, cid, {"at": "2026-03-09T16:00:00+00:00"}, at="2026-03-09T16:00:00+00:00"
    )
    page = ThanksPage(met_ws, now=NOW)
    page.person.value = cid
    assert "Priya Natarajan introduced you (not thanked yet)" in page.intro_box.children[0].value
    assert (
        page.intro.body.value.startswith("Hi Priya,")
        and "Rosa Delgado-Fitch" in page.intro.body.value
    )
    assert (
        "Replace this placeholder" in page.intro.findings.value
    )  # what came of it, still to write
    later = [
        i
        for i in todays_agenda(met_ws, datetime(2026, 3, 17, 14, tzinfo=UTC))
        if i.contact_id == cid
    ]
    assert any(i.kind == "intro_thanks" for i in later)
    page.outcome.value = "I've signed up for the research ops meetup she recommended"
    page.intro_compose.click()
    assert "I've signed up for the research ops meetup she recommended." in page.intro.body.value
    assert (
        "Replace this placeholder" not in page.intro.findings.value
        and "S3" not in page.intro.findings.value
    )
    page.intro.sent.click()
    [sent] = events(met_ws, cid, pipeline.INTRO_THANKS_SENT)
    assert sent["at"] == NOW.isoformat() and "meetup" in sent["data"]["body"]
    assert events(met_ws, cid, pipeline.THANKS_SENT) == []  # the introducer's thanks is not theirs
    assert page.contact.id == cid and "(already thanked)" in page.intro_box.children[0].value
    assert '<td data-label="Introducer thanked">thanked</td>' in page.table.value
    later = [
        i
        for i in todays_agenda(met_ws, datetime(2026, 3, 17, 14, tzinfo=UTC))
        if i.contact_id == cid
    ]
    assert not any(i.kind == "intro_thanks" for i in later)


def test_an_introducer_on_your_list_gets_the_draft_addressed(met_ws):
    cid = contact_id(met_ws, "Rosa")
    met_ws.write(updates={"contacts": [(cid, {"via": "Amara Osei", "connection": "second"})]})
    met_ws.append_event(
        pipeline.MET, cid, {"at": "2026-03-09T16:00:00+00:00"}, at="2026-03-09T16:00:00+00:00"
    )
    page = ThanksPage(met_ws, now=NOW)
    page.person.value = cid
    assert page.intro.to.value == "amara.osei@tidewatertravel.example"
    assert page.intro.body.value.startswith("Hi Amara,")


# -- S4 staying in touch ---------------------------------------------------------------------------
def test_the_first_update_waits_for_the_thank_you(met_ws):
    page = ThanksPage(met_ws, now=NOW)
    assert page.cadence.value == 91
    assert "once you have sent your thank-you" in page.next_update.value
    page.note.sent.click()
    assert (
        "Next update: Tuesday 09 June 2026" in page.next_update.value
    )  # 91 days after the thank-you
    assert '<td data-label="Next update">09 Jun 2026</td>' in page.table.value


def test_cadence_is_saved_and_no_updates_means_none(met_ws):
    page = ThanksPage(met_ws, now=NOW)
    cid = page.contact.id
    page.note.sent.click()
    page.cadence.value = 61
    assert met_ws.rows("contacts", "id = ?", (cid,))[0]["cadence_days"] == 61
    assert (
        "Next update: Sunday 10 May 2026" in page.next_update.value and "Saved" in page.status.value
    )
    page.cadence.value = 0
    assert met_ws.rows("contacts", "id = ?", (cid,))[0]["cadence_days"] == 0
    assert "No updates planned for this person" in page.next_update.value
    evs = stages.events_from_rows(met_ws.events(cid))
    assert not any(a.kind == "update" for a in pipeline.next_actions(cid, evs, NOW, cadence_days=0))
    assert any(
        a.kind == "update" for a in pipeline.next_actions(cid, evs, NOW, cadence_days=None)
    )  # the check can fail
    assert not any(
        i.contact_id == cid and i.kind == "update"
        for i in todays_agenda(met_ws, datetime(2027, 3, 1, tzinfo=UTC))
    )
    again = ThanksPage(met_ws, now=NOW)
    assert again.cadence.value == 0 and "No updates planned" in again.next_update.value


def test_in_touch_another_way_is_logged_and_moves_the_next_update(met_ws):
    page = ThanksPage(met_ws, now=NOW)
    cid = page.contact.id
    page.note.sent.click()
    april = datetime(2026, 4, 1, 14, 0, tzinfo=UTC)
    page = ThanksPage(met_ws, now=april)
    page.logged.click()
    [logged] = events(met_ws, cid, pipeline.CONTACT_LOGGED)
    assert logged["at"] == april.isoformat()
    assert "Noted" in page.status.value and page.contact.id == cid
    assert "Next update: Wednesday 01 July 2026" in page.next_update.value  # 91 days after 1 April


def test_calendar_reminders_need_a_thank_you_first(met_ws):
    page = ThanksPage(met_ws, now=NOW)
    assert page.reminders.click() is None
    assert (
        "could not be made" in page.status.value and "send a thank-you first" in page.status.value
    )
    page.note.sent.click()
    name, mime, data = page.reminders.click()
    assert (name, mime) == ("stay-in-touch-reminders.ics", "text/calendar")
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Send Amara Osei a short update"
    assert event.decoded("DTSTART") == datetime(2026, 6, 9, 9, 0, tzinfo=TORONTO)
    assert event.get("UID") and event.get("DTSTAMP")


# -- the whole journey -----------------------------------------------------------------------------
def test_demo_journey_from_the_yes_to_the_thank_you(ws):
    """Steps 3 to 6 as the notebooks' demo runs them, on the real clock (every page agrees on
    it)."""
    apply_persona(ws)
    rows = {r["first_name"]: r["id"] for r in ws.rows("contacts")}
    ws.write(updates={"contacts": [(rows["Amara"], {"target": 1}), (rows["Rosa"], {"target": 1})]})
    OutreachPage(ws).run_demo()
    [yes] = [e["contact_id"] for e in ws.events() if e["kind"] == pipeline.REPLY]
    QuestionsPage(ws).run_demo()
    DebriefPage(ws).run_demo()
    page = ThanksPage(ws)
    assert [v for _, v in page.person.options] == [yes]
    page.run_demo()
    assert [e["kind"] for e in ws.events(yes)][-3:] == [
        pipeline.MEETING_SCHEDULED,
        pipeline.MET,
        pipeline.THANKS_SENT,
    ]
    assert stage(ws, yes) == "thanked"
    assert "Personal and ready to send" in page.note.findings.value
    assert page.person.options[0][0].endswith("sent on time")
    assert len(ws.rows("debriefs")) == 1 and len(ws.rows("action_items")) == 1
    assert [(d["contact_id"], d["kind"]) for d in ws.rows("drafts") if d["kind"] == "thanks"] == [
        (yes, "thanks")
    ]


# -- regressions -----------------------------------------------------------------------------------
def test_the_introducers_note_counts_the_outcome_typed(met_ws):
    amara = contact_id(met_ws, "Amara")
    met_ws.write(updates={"contacts": [(amara, {"via": "Priya Natarajan"})]})
    page = ThanksPage(met_ws, now=NOW)
    page.outcome.value = "I've signed up for the user research meetup she recommended"
    page.intro_compose.click()
    assert "doesn't say what came of" not in page.intro.findings.value
    assert "Priya" not in page.intro.findings.value  # the introducer's name is no typo


def test_changing_the_rhythm_redraws_the_overview_and_explains_the_reminders(met_ws):
    page = ThanksPage(met_ws, now=NOW)
    page.note.sent.click()
    assert "Jun 2026" in page.table.value
    page.cadence.value = 0
    assert "Jun 2026" not in page.table.value
    page.reminders.send = lambda *a, **k: None
    assert page.reminders.click() is None
    assert "set to &#x27;no updates&#x27;" in page.status.value


def test_hand_edits_to_the_thank_you_are_kept(met_ws):
    page = ThanksPage(met_ws, now=NOW)
    page.note.body.value = "My own words, with $5M and $10M and <b>tags</b>."
    assert "Saving..." in page.note.save_status.value
    assert page.note.form.flush()  # what the debounce does; no Save button
    assert "Saved " in page.note.save_status.value
    again = ThanksPage(met_ws, now=NOW)
    assert again.note.body.value == "My own words, with $5M and $10M and <b>tags</b>."
    again.note.body.value = "Edited once more."
    again.note.sent.click()
    assert ThanksPage(met_ws, now=NOW).note.body.value == "Edited once more."
