"""Step 3's page in-process: drafts, the checker as you type, outputs, logging, the pipeline."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, date, datetime

import pytest

from infoint import pipeline, request_check, stages
from infoint import targets as tg
from infoint.demo import apply_persona
from infoint.progress import todays_agenda
from infoint.ui.outreach import OutreachPage

NOW = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)  # a Tuesday morning in Toronto


@pytest.fixture
def demo_ws(ws):
    apply_persona(ws)
    rows = ws.rows("contacts")
    first = next(r for r in rows if r["first_name"] == "Amara")
    second = next(r for r in rows if r["first_name"] == "Rosa")
    ws.write(
        updates={
            "contacts": [
                (first["id"], {"target": 1}),
                (second["id"], {"target": 1, "via": "Priya <b>", "connection": "second"}),
            ]
        }
    )
    return ws


def page_for(ws, name: str) -> OutreachPage:
    page = OutreachPage(ws, now=NOW)
    page.person.value = next(v for label, v in page.person.options if label.startswith(name))
    return page


def test_targets_are_offered_with_their_stage(demo_ws):
    page = OutreachPage(demo_ws, now=NOW)
    labels = [label for label, _ in page.person.options]
    assert len(labels) == 2 and all(
        label.endswith(stages.STAGE_LABELS["to_contact"]) for label in labels
    )


def test_first_degree_gets_a_direct_request_that_passes_the_checker(demo_ws):
    page = page_for(demo_ws, "Amara")
    assert page.kind.value == "request_direct"
    assert "Amara" in page.body.value and page.subject.value
    assert "Nothing to fix" in page.findings.value
    assert page.to.value == page.contact.email and "@" in page.to.value


def test_second_degree_gets_an_introduction_request(demo_ws):
    page = page_for(demo_ws, "Rosa")
    assert page.kind.value == "request_intro"
    assert page.forwardable.layout.display is None and page.forwardable.value
    assert page.to.value == ""  # the user writes to the mutual connection


def test_choosing_a_person_checks_their_draft_once(demo_ws, monkeypatch):
    page = page_for(demo_ws, "Amara")
    checked = []
    check_request = request_check.check_request
    monkeypatch.setattr(
        request_check,
        "check_request",
        lambda *a, **kw: checked.append(kw["kind"]) or check_request(*a, **kw),
    )
    page.person.value = next(v for label, v in page.person.options if label.startswith("Rosa"))
    assert checked == ["request_intro"]


def test_checker_flags_a_job_ask_as_you_type_and_clears_when_fixed(demo_ws):
    page = page_for(demo_ws, "Amara")
    good = page.body.value
    page.body.value = (
        good + "\nAlso, are there any openings on your team? Could you refer me for a job?"
    )
    assert "R2" in page.findings.value and "Needs fixing" in page.findings.value
    assert "Saving..." in page.save_status.value and page.draft_form.pending
    page.body.value = good
    assert "R2" not in page.findings.value


def test_checker_escapes_the_text_it_quotes(demo_ws):
    page = page_for(demo_ws, "Amara")
    page.body.value = "<img src=x onerror=alert(1)> please give me a job"
    assert "<img" not in page.findings.value


def test_saved_draft_comes_back(demo_ws):
    page = page_for(demo_ws, "Amara")
    page.body.value = page.body.value + "\nP.S. $5M and $10M"
    page.to.value = "amara.typed@example.org"
    assert page.draft_form.flush()  # what the debounce does; no Save button
    assert "Saved " in page.save_status.value
    again = page_for(demo_ws, "Amara")
    assert again.body.value.endswith("P.S. $5M and $10M")
    assert again.to.value == "amara.typed@example.org"
    assert "Your saved draft" in again.draft_status.value


def test_send_time_advice_uses_the_profile_time_zone(demo_ws):
    page = page_for(demo_ws, "Amara")
    assert "A good time to send" in page.advice.value and "America/Toronto" in page.advice.value
    friday = OutreachPage(demo_ws, now=datetime(2026, 3, 13, 20, 0, tzinfo=UTC))
    assert "Better to wait" in friday.advice.value


def test_eml_and_mailto_outputs(demo_ws):
    page = page_for(demo_ws, "Amara")
    page.subject.value = "Hello\r\nBcc: evil@example.com"
    name, mime, data = page.eml_button.click()
    assert name.endswith(".eml") and mime == "message/rfc822"
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert message["Bcc"] is None and message["X-Unsent"] == "1"
    assert "mailto:" in page.mailto.value and "%0D%0A" in page.mailto.value


def test_ics_reminder_before_and_after_sending(demo_ws):
    page = page_for(demo_ws, "Amara")
    name, mime, data = page.ics_button.click()
    assert name.endswith(".ics") and mime == "text/calendar" and data.count(b"BEGIN:VEVENT") == 1
    page.sent_button.click()
    name, _, data = page.ics_button.click()
    assert b"follow" in data.lower()


def test_logging_moves_the_stage_and_fills_the_agenda(demo_ws):
    page = page_for(demo_ws, "Amara")
    contact_id = page.contact.id
    page.when.value = date(2026, 3, 1)
    page.sent_button.click()
    events = demo_ws.events(contact_id)
    assert [e["kind"] for e in events] == ["request_sent"]
    assert events[0]["data"]["body"] and events[0]["at"].startswith("2026-03-01")
    assert stages.stage(stages.events_from_rows(events)) == "requested"
    agenda = todays_agenda(demo_ws, NOW)
    assert any(i.contact_id == contact_id and i.kind == "follow_up" and i.overdue for i in agenda)
    assert page.kind.value == "follow_up"  # the next message to write
    page.when.value = None
    page.answer.value = "yes"
    page.answer_button.click()
    assert "said yes" in page.log_status.value
    assert stages.stage(stages.events_from_rows(demo_ws.events(contact_id))) == "requested"
    assert any(
        i.contact_id == contact_id and i.kind == "schedule" for i in todays_agenda(demo_ws, NOW)
    )
    assert "1 of 1 answered" in page.stats.value


def test_three_attempts_then_move_on_and_never_more(demo_ws):
    page = page_for(demo_ws, "Amara")
    contact_id = page.contact.id
    for day, kind in ((1, "request_direct"), (8, "follow_up")):
        page.kind.value = kind
        page.when.value = date(2026, 2, day)
        page.sent_button.click()
    page.when.value = date(2026, 2, 16)
    page.call_button.click()
    actions = pipeline.next_actions(
        contact_id, stages.events_from_rows(demo_ws.events(contact_id)), NOW
    )
    assert [a.kind for a in actions] == ["move_on"]
    page.move_on_button.click()
    assert stages.stage(stages.events_from_rows(demo_ws.events(contact_id))) == "moved_on"
    assert not any(i.contact_id == contact_id for i in todays_agenda(demo_ws, NOW))
    page.reopen_button.click()
    assert stages.stage(stages.events_from_rows(demo_ws.events(contact_id))) != "moved_on"


def test_settings_are_remembered(demo_ws):
    page = OutreachPage(demo_ws, now=NOW)
    page.mode_3b7.value = True
    page.strict.value = True
    page.linkedin_plan.value = "premium"
    again = OutreachPage(demo_ws, now=NOW)
    assert again.mode_3b7.value and again.strict.value and again.linkedin_plan.value == "premium"


def test_pipeline_table_escapes_names(demo_ws):
    contact_id = tg.save_contact(demo_ws, tg.Contact(first_name="<script>x</script>", target=True))
    page = OutreachPage(demo_ws, now=NOW)
    assert "&lt;script&gt;" in page.table.value and "<script>x" not in page.table.value
    assert contact_id in [v for _, v in page.person.options]


def test_demo_run_sends_three_and_logs_a_yes(demo_ws):
    page = OutreachPage(demo_ws, now=NOW)
    page.run_demo()
    kinds = [e["kind"] for e in demo_ws.events()]
    assert (
        kinds.count("request_sent") + kinds.count("intro_requested") == 2
        and kinds.count("reply") == 1
    )


def test_no_targets_says_what_to_do(ws):
    page = OutreachPage(ws, now=NOW)
    assert "pick the people you want to ask in step 2" in page.facts.value
