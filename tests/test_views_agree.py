"""Views side by side: each fact a user sees is said the same way by every view that shows it.

The same workspace goes through the step pages, the start page's progress and agenda, and the
advisor report. Two cases once disagreed: a meeting marked as held days after it happened
(step 6 said the thank-you was late, the report on time), and a person whose stay-in-touch
updates are turned off (step 3 still proposed an update, the agenda none).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from infoint import meetings as mt
from infoint import meetings_log, outreach_log, pipeline, stages, thanks_log
from infoint import targets as tg
from infoint.progress import pipeline_settings, todays_agenda, workbook_progress
from infoint.records import Contact
from infoint.report import report_sections
from infoint.ui.outreach import OutreachPage
from infoint.ui.thanks import ThanksPage

MET_AT = datetime(2026, 3, 9, 15, 0, tzinfo=UTC)


def _person(ws, first: str, **fields) -> Contact:
    contact = Contact(first_name=first, last_name="Okafor", organization="Northwind", **fields)
    contact.id = tg.save_contact(ws, contact)
    return contact


def _met(ws, contact: Contact, marked_at: datetime) -> None:
    """Requested, booked for MET_AT and marked as held at ``marked_at``, through the actions."""
    outreach_log.log_sent(
        ws, contact, "request_direct", "Hello", "A short request", at=MET_AT - timedelta(days=9)
    )
    outreach_log.log_answer(ws, contact.id, "yes", at=MET_AT - timedelta(days=8))
    meeting = mt.Meeting(contact_id=contact.id, starts_at=MET_AT.isoformat(), minutes=30)
    meetings_log.book_meeting(ws, meeting, at=MET_AT - timedelta(days=7))
    assert meetings_log.mark_held(ws, meeting, "UTC", at=marked_at)


def _report(ws, now) -> str:
    return "".join(html for _, html in report_sections(ws, 6, now=now))


def _thanks_part(ws, now, name: str) -> bool:
    parts = dict(next(s for s in workbook_progress(ws) if s.number == 6).parts)
    return parts[name]


@pytest.mark.parametrize(
    ("thanked_after_marking", "status"),
    [(timedelta(hours=1), "sent late"), (timedelta(hours=-70), "sent on time")],
)
def test_thank_you_status_counts_from_when_the_meeting_took_place(
    ws, thanked_after_marking, status
):
    marked = MET_AT + timedelta(days=3)
    sent = marked + thanked_after_marking
    now = sent + timedelta(hours=2)
    amara = _person(ws, "Amara")
    _met(ws, amara, marked)
    thanks_log.log_note_sent(ws, amara.id, "thanks", "Thank you", "It was kind of you.", at=sent)

    page = ThanksPage(ws, now=now)
    by_contact = stages.group_by_contact(stages.events_from_rows(ws.events()))
    overview = pipeline.thanks_overview({amara.id: amara}, by_contact, now)

    assert page._status(amara.id) == status
    assert f'<td data-label="Thank-you">{status}</td>' in page.table.value
    assert [r.thank_you.status for r in overview] == [status]
    assert f"{status} (" in _report(ws, now)
    assert page.met[amara.id] == overview[0].thank_you.met_at == MET_AT


@pytest.mark.parametrize("cadence", [0, None])
def test_updates_turned_off_show_nowhere_and_on_show_everywhere(ws, cadence):
    now = MET_AT + timedelta(days=200)
    amara = _person(ws, "Amara", target=True, cadence_days=cadence)
    _met(ws, amara, MET_AT + timedelta(hours=1))
    thanks_log.log_note_sent(
        ws, amara.id, "thanks", "Thank you", "It was kind of you.", at=MET_AT + timedelta(hours=5)
    )
    expected = cadence is None  # the default rhythm: an update is long overdue by now

    step3 = OutreachPage(ws, now=now)
    agenda = todays_agenda(ws, now=now)
    step6 = ThanksPage(ws, now=now)
    step6.person.value = amara.id
    by_contact = stages.group_by_contact(stages.events_from_rows(ws.events()))
    actions = pipeline.actions_for(amara, by_contact[amara.id], now, pipeline_settings(ws))

    assert any(a.kind == "update" for a in actions) is expected
    assert ("short update" in step3.table.value) is expected
    assert any(item.kind == "update" for item in agenda) is expected
    assert ("Next update:" in step6.next_update.value) is expected
    report = _report(ws, now)
    assert ("<td>off</td>" in report) is (cadence == 0)
    assert _thanks_part(ws, now, "Stay-in-touch updates on time") is not expected


def test_the_reports_glance_the_counts_report_and_the_card_say_the_same_numbers(ws):
    """Asked, met and thanked: the full report's overview, the counts-only report and the
    workshop card all read ``sharing.outcomes``; a second person asked but not met shows."""
    import json

    from infoint.card import card_dict
    from infoint.sharing import counts_html, outcomes

    now = MET_AT + timedelta(days=5)
    amara = _person(ws, "Amara", target=True)
    _met(ws, amara, MET_AT + timedelta(hours=1))
    thanks_log.log_note_sent(ws, amara.id, "thanks", "Thank you", "Kind.", at=MET_AT)
    ben = _person(ws, "Ben", target=True)
    outreach_log.log_sent(ws, ben, "request_direct", "Hello", "A short request", at=MET_AT)
    o = outcomes(ws, now)
    assert (o.targets, o.requests_sent, o.meetings_held, o.thanks_sent) == (2, 2, 1, 1)
    from infoint.report import overview
    from infoint.report_steps import ReportData

    glance = "At a glance: 2 people picked to ask, 2 asked so far, 1 met, 1 thanked."
    assert glance in overview(ReportData(ws, now))
    figures = json.loads(json.dumps(card_dict(ws, now)))["figures"]
    assert (figures["requests_sent"], figures["meetings_held"]) == (2, 1)
    counts = counts_html(ws, now)
    assert "<dt>Requests sent</dt><dd>2</dd>" in counts
    assert "<dt>Meetings held</dt><dd>1</dd>" in counts
