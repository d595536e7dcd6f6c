"""Reminders that live outside the app (infoint/reminders.py, ui/reminders.py): the rolling
calendar file, read back by icalendar and imported twice into a real calendar client (khal),
and the "my week" mail draft, parsed strictly; both from the one derivation of what is due."""

from __future__ import annotations

import email
import email.policy
import html
import json
import os
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples
from icalendar import Calendar

from infoint import reminders
from infoint.action_items import ActionItem, save_action_item
from infoint.clock import add_days
from infoint.demo import remove_persona
from infoint.exports import CalendarEntry, ics_calendar
from infoint.meetings import Meeting
from infoint.meetings_log import book_meeting, cancel_meeting, mark_held
from infoint.outreach_log import log_answer, log_sent
from infoint.progress import todays_agenda
from infoint.records import Contact, Profile
from infoint.reminders import (
    META_PREFIX,
    download_calendar,
    due_events,
    reminder_start,
)
from infoint.reminders_week import WEEK, week_draft, week_text
from infoint.targets import load_contacts, save_contact
from infoint.thanks_log import log_note_sent
from infoint.ui.start import StartPage

TZ = "America/Toronto"
NOW = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)  # Tuesday, 10:00 in Toronto (EDT, UTC-4)
HOSTILE = "Ben\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nBcc: evil@example.org <b>=1+2"


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def person(ws, first: str, last: str, org: str, target: bool = True) -> int:
    return save_contact(
        ws, Contact(first_name=first, last_name=last, organization=org, target=target)
    )


def sent(ws, cid: int, at: datetime) -> None:
    contact = next(c for c in load_contacts(ws) if c.id == cid)
    log_sent(ws, contact, "request_direct", "Hello", "Could we talk?", at=at)


def workbook(ws, first_name: str = "Ben") -> dict[str, int]:
    """Five people at five stages, and an action item: one of each kind the calendar holds."""
    ws.put_row(
        "profile",
        Profile(name="Ana Lima", email="ana.lima@example.edu", timezone=TZ).to_row(),
    )
    ids = {
        "ben": person(ws, first_name, "Okafor", "Northwind"),  # follow-up due Thursday
        "chen": person(ws, "Chen", "Wu", "Acme"),  # follow-up overdue
        "dana": person(ws, "Dana", "Roy", "Globex"),  # meeting booked for Friday
        "eli": person(ws, "Eli", "Sand", "Initech"),  # met yesterday: thank-you due
        "fay": person(ws, "Fay", "Moss", "Umbrella"),  # a target not written to yet
    }
    sent(ws, ids["ben"], utc(2026, 3, 5, 15))  # 10:00 EST: follow-up Thursday 12 March 10:00 EDT
    sent(ws, ids["chen"], utc(2026, 3, 2, 15))  # follow-up was due Monday 9 March
    sent(ws, ids["dana"], utc(2026, 3, 3, 15))
    log_answer(ws, ids["dana"], "yes", at=utc(2026, 3, 4, 15))
    book_meeting(
        ws,
        Meeting(
            contact_id=ids["dana"],
            starts_at="2026-03-13T14:00:00-04:00",
            minutes=30,
            mode="in person",
            place="Café Luna, 5 King St",
        ),
        at=utc(2026, 3, 4, 16),
    )
    sent(ws, ids["eli"], utc(2026, 3, 2, 15))
    log_answer(ws, ids["eli"], "yes", at=utc(2026, 3, 3, 15))
    meeting = book_meeting(
        ws,
        Meeting(contact_id=ids["eli"], starts_at="2026-03-09T12:00:00-04:00", minutes=30),
        at=utc(2026, 3, 3, 16),
    )
    mark_held(ws, meeting, TZ, at=utc(2026, 3, 9, 17))  # held at 16:00 UTC: thanks by Wed 16:00
    save_action_item(
        ws,
        ActionItem(
            text="Read the <UX> = research article", due="2026-03-12", contact_id=ids["eli"]
        ),
    )
    return ids


def parsed(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def by_summary(events) -> dict[str, object]:
    return {str(e["SUMMARY"]): e for e in events}


# ------------------------------------------------------------------------ when reminders ring


@pytest.mark.parametrize(
    "kind, due, expected",
    [
        # at the due time when it is in the day (local 9:00-20:00)
        ("follow_up", utc(2026, 3, 12, 14), utc(2026, 3, 12, 14)),
        # at night: the next 9:00 (22:30 local -> 9:00 the next day)
        ("follow_up", utc(2026, 3, 13, 2, 30), utc(2026, 3, 13, 13)),
        # early morning: 9:00 the same day (6:00 local)
        ("update", utc(2026, 6, 9, 10), utc(2026, 6, 9, 13)),
        # a deadline two hours before it (S1: 12:00 local -> 10:00 local)
        ("thanks", utc(2026, 3, 11, 16), utc(2026, 3, 11, 14)),
        # a deadline at night: the evening before, 19:45 (deadline 7:00 local on the 12th)
        ("thanks", utc(2026, 3, 12, 11), utc(2026, 3, 11, 23, 45)),
        # an action item: 9:00 on its day (its due time is the end of that day)
        ("action_item", utc(2026, 3, 13, 3, 59, 59), utc(2026, 3, 12, 13)),
        # already due: the next quarter hour after now
        ("follow_up", utc(2026, 3, 9, 14), utc(2026, 3, 10, 14, 15)),
        ("request", NOW, utc(2026, 3, 10, 14, 15)),
    ],
)
def test_reminders_ring_in_the_day_in_the_users_zone(kind, due, expected):
    assert reminder_start(kind, due, NOW, TZ) == expected


def test_already_due_at_night_rings_the_next_morning():
    late = utc(2026, 3, 11, 1, 5)  # 21:05 in Toronto
    assert reminder_start("follow_up", utc(2026, 3, 9), late, TZ) == utc(2026, 3, 11, 13)


def test_a_deadline_with_no_daytime_left_rings_before_it_anyway():
    now = utc(2026, 3, 11, 1)  # 21:00 local; deadline 23:30 local
    assert reminder_start("thanks", utc(2026, 3, 11, 3, 30), now, TZ) == utc(2026, 3, 11, 1, 30)


# ------------------------------------------------------------------------ the calendar file


def test_the_calendar_holds_exactly_what_is_due(ws):
    ids = workbook(ws)
    found = due_events(ws, NOW)
    agenda = todays_agenda(ws, NOW, within=None)
    # one event per agenda item, plus the booked meeting being prepared for
    assert len(found) == len(agenda) + 1 == 7
    assert sorted(e.kind for e in found) == sorted(
        ["action_item", "follow_up", "follow_up", "meeting", "prepare", "request", "thanks"]
    )
    made = download_calendar(ws, NOW)
    assert (made.due, made.new, made.changed, made.cancelled) == (7, 7, 0, 0)
    events = parsed(made.data)
    assert len(events) == 7 and len({str(e["UID"]) for e in events}) == 7
    assert all(str(e["STATUS"]) == "CONFIRMED" and int(e["SEQUENCE"]) == 0 for e in events)
    assert all(e["DTSTAMP"].dt == NOW for e in events)
    got = by_summary(events)
    local = {s: e["DTSTART"].dt for s, e in got.items()}
    assert all(str(t.tzinfo) == TZ for t in local.values())
    assert local["Follow up: Ben Okafor (Northwind)"].isoformat() == "2026-03-12T10:00:00-04:00"
    assert local["Follow up: Chen Wu (Acme)"].isoformat() == "2026-03-10T10:15:00-04:00"
    meeting = got["Informational interview with Dana Roy (Globex)"]
    assert meeting["DTSTART"].dt.isoformat() == "2026-03-13T14:00:00-04:00"
    assert meeting["DTEND"].dt - meeting["DTSTART"].dt == timedelta(minutes=30)
    assert str(meeting["LOCATION"]) == "Café Luna, 5 King St"
    assert local["Prepare your meeting: Dana Roy (Globex)"].isoformat().startswith("2026-03-12T14")
    assert local["Thank-you due: Eli Sand (Initech)"].isoformat() == "2026-03-11T10:00:00-04:00"
    assert local["Action item: Eli Sand (Initech)"].isoformat() == "2026-03-12T09:00:00-04:00"
    assert "Write your request: Fay Moss (Umbrella)" in got
    thanks = str(got["Thank-you due: Eli Sand (Initech)"]["DESCRIPTION"])
    assert "within 48 hours" in thanks and "Step 6" in thanks and "06_send_thanks" in thanks
    # the meeting keeps the UID of step 4's own meeting file: importing both adds no copy
    assert str(meeting["UID"]) == reminders.calendar_uid(f"meeting:{_meeting_id(ws, ids)}")
    assert str(Calendar.from_ical(made.data)["X-WR-CALNAME"]) == reminders.CALENDAR_NAME


def _meeting_id(ws, ids) -> int:
    return ws.query("SELECT id FROM meetings WHERE contact_id = ?", (ids["dana"],))[0]["id"]


def test_downloading_again_hours_later_with_nothing_changed_changes_nothing(ws):
    """What is already due keeps the time it was sent with until that day has passed: no
    "changed", no higher SEQUENCE, nothing rings again; the next day it rings once more."""
    workbook(ws)
    first = {str(e["UID"]): e for e in parsed(download_calendar(ws, NOW).data)}
    for hours in (1, 2, 9):  # 11:00, 12:00 and 19:00 in Toronto
        again = download_calendar(ws, NOW + timedelta(hours=hours))
        assert (again.new, again.changed, again.cancelled) == (0, 0, 0), hours
        events = {str(e["UID"]): e for e in parsed(again.data)}
        assert events.keys() == first.keys()
        assert all(int(e["SEQUENCE"]) == 0 for e in events.values()), hours
        assert {u: e["DTSTART"].dt for u, e in events.items()} == {
            u: e["DTSTART"].dt for u, e in first.items()
        }
    night = download_calendar(ws, utc(2026, 3, 11, 2))  # 22:00: still the same day
    assert night.changed == 0
    next_day = download_calendar(ws, utc(2026, 3, 11, 12))  # 8:00 the next morning
    rang_again = {str(e["SUMMARY"]): e for e in parsed(next_day.data) if int(e["SEQUENCE"])}
    assert "Follow up: Chen Wu (Acme)" in rang_again
    assert rang_again["Follow up: Chen Wu (Acme)"]["DTSTART"].dt.isoformat() == (
        "2026-03-11T09:00:00-04:00"
    )


def test_several_things_already_due_ring_a_quarter_hour_apart(ws):
    workbook(ws)
    for first in ("Gil", "Hana", "Ivo"):
        person(ws, first, "Target", "Soylent")  # three more requests not written yet
    events = parsed(download_calendar(ws, NOW).data)
    already = sorted(
        e["DTSTART"].dt
        for e in events
        if str(e["SUMMARY"]).startswith(("Write your request", "Follow up: Chen"))
    )
    assert len(already) == len(set(already)) == 5
    assert [t.strftime("%H:%M") for t in already] == ["10:15", "10:30", "10:45", "11:00", "11:15"]


def test_downloading_again_changes_nothing_that_did_not_change(ws):
    workbook(ws)
    first = {str(e["UID"]): e for e in parsed(download_calendar(ws, NOW).data)}
    again = download_calendar(ws, NOW)
    assert (again.due, again.new, again.changed, again.cancelled) == (7, 0, 0, 0)
    second = {str(e["UID"]): e for e in parsed(again.data)}
    assert second.keys() == first.keys()
    assert all(int(e["SEQUENCE"]) == 0 for e in second.values())


def test_a_changed_event_goes_with_a_higher_sequence_a_done_one_as_cancelled(ws):
    ids = workbook(ws)
    download_calendar(ws, NOW)
    meeting = next(m for m in _meetings(ws) if m.contact_id == ids["dana"])
    book_meeting(
        ws, Meeting(**{**meeting.__dict__, "starts_at": "2026-03-13T15:00:00-04:00"}), at=NOW
    )
    log_note_sent(ws, ids["eli"], "thanks", "Thank you", "Thanks for your time", at=NOW)
    later = NOW + timedelta(minutes=5)
    made = download_calendar(ws, later)
    events = by_summary(parsed(made.data))
    moved = events["Informational interview with Dana Roy (Globex)"]
    assert moved["DTSTART"].dt.isoformat() == "2026-03-13T15:00:00-04:00"
    assert int(moved["SEQUENCE"]) == 1
    thanks = events["Thank-you due: Eli Sand (Initech)"]
    assert str(thanks["STATUS"]) == "CANCELLED" and int(thanks["SEQUENCE"]) == 1
    assert not thanks.walk("VALARM")  # a cancelled event never rings
    assert "Stay-in-touch update: Eli Sand (Initech)" in events  # what the thank-you leads to
    assert made.cancelled == 1 and made.due == 7
    assert made.due == len(due_events(ws, later))


def _meetings(ws):
    from infoint.meetings import load_meetings

    return load_meetings(ws)


def test_a_cancellation_is_sent_for_a_month_then_no_more(ws):
    ids = workbook(ws)
    download_calendar(ws, NOW)
    log_note_sent(ws, ids["eli"], "thanks", "Thank you", "Thanks", at=NOW)
    download_calendar(ws, NOW)  # cancelled here
    for days, present in ((29, True), (31, False)):
        made = download_calendar(ws, NOW + timedelta(days=days))
        summaries = {str(e["SUMMARY"]): e for e in parsed(made.data)}
        assert ("Thank-you due: Eli Sand (Initech)" in summaries) is present, days
        if present:
            assert int(summaries["Thank-you due: Eli Sand (Initech)"]["SEQUENCE"]) == 1


def test_an_item_that_comes_back_outranks_its_cancellation(ws):
    ids = workbook(ws)
    download_calendar(ws, NOW)
    meeting = next(m for m in _meetings(ws) if m.contact_id == ids["dana"])
    cancelled = cancel_meeting(ws, meeting, at=NOW)
    gone = by_summary(parsed(download_calendar(ws, NOW).data))
    assert str(gone["Informational interview with Dana Roy (Globex)"]["STATUS"]) == "CANCELLED"
    book_meeting(ws, Meeting(**{**cancelled.__dict__, "cancelled": False}), at=NOW)
    back = by_summary(parsed(download_calendar(ws, NOW).data))
    event = back["Informational interview with Dana Roy (Globex)"]
    assert str(event["STATUS"]) == "CONFIRMED" and int(event["SEQUENCE"]) == 2


def test_a_meeting_that_took_place_is_history_not_cancelled(ws):
    ids = workbook(ws)
    download_calendar(ws, NOW)
    after = utc(2026, 3, 13, 19)  # the meeting (18:00-18:30 UTC) is over
    made = download_calendar(ws, after)
    summaries = {str(e["SUMMARY"]): str(e["STATUS"]) for e in parsed(made.data)}
    assert "Informational interview with Dana Roy (Globex)" not in summaries
    assert summaries["Debrief your meeting: Dana Roy (Globex)"] == "CONFIRMED"
    rows = {
        r["key"]: json.loads(r["value"])
        for r in ws.query("SELECT key, value FROM meta")
        if META_PREFIX in r["key"]
    }
    states = {v["summary"]: v["state"] for v in rows.values()}
    assert states["Informational interview with Dana Roy (Globex)"] == "past"
    assert ids["dana"]


def test_two_items_alike_still_get_two_events(ws):
    ids = workbook(ws)
    twin = ActionItem(
        text="Read the <UX> = research article", due="2026-03-13", contact_id=ids["eli"]
    )
    save_action_item(ws, twin)
    events = parsed(download_calendar(ws, NOW).data)
    assert len(events) == 8 and len({str(e["UID"]) for e in events}) == 8


def test_untrusted_names_cannot_add_events_or_properties(ws):
    workbook(ws, first_name=HOSTILE)
    data = download_calendar(ws, NOW).data
    events = parsed(data)
    assert len(events) == 7
    lines = data.decode("utf-8").replace("\r\n ", "").split("\r\n")  # unfolded
    assert sum(line == "BEGIN:VEVENT" for line in lines) == 7
    assert not any(line.startswith(("SUMMARY:x", "Bcc", "END:VEVENT ")) for line in lines)
    summary = next(str(e["SUMMARY"]) for e in events if "Okafor" in str(e["SUMMARY"]))
    assert "\n" not in summary and "\r" not in summary and "BEGIN:VEVENT" in summary


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.tuples(st.text(max_size=120), st.text(max_size=300)), max_size=4))
def test_any_text_gives_exactly_its_events(texts):
    entries = [
        CalendarEntry(
            uid=f"{n}@infoint.local",
            summary=summary,
            description=description,
            start=NOW + timedelta(hours=n),
            location=summary,
            sequence=n,
            cancelled=n % 2 == 1,
        )
        for n, (summary, description) in enumerate(texts)
    ]
    events = parsed(ics_calendar(entries, TZ, stamp=NOW, name="x\r\nBEGIN:VEVENT"))
    assert [str(e["UID"]) for e in events] == [e.uid for e in entries]
    assert [int(e["SEQUENCE"]) for e in events] == list(range(len(entries)))
    assert [str(e["STATUS"]) for e in events] == [
        "CANCELLED" if e.cancelled else "CONFIRMED" for e in entries
    ]
    assert all("\n" not in str(e["SUMMARY"]) and "\r" not in str(e["SUMMARY"]) for e in events)


def test_what_today_shows_is_in_the_calendar_and_the_week(ws):
    workbook(ws)
    for now in (NOW, NOW + timedelta(days=2), NOW + timedelta(days=9)):
        today = {(i.kind, i.contact_id, i.due) for i in todays_agenda(ws, now)}
        week = {(e.kind, e.contact_id, e.due) for e in due_events(ws, now, WEEK)}
        everything = {(e.kind, e.contact_id, e.due) for e in due_events(ws, now)}
        assert today <= week <= everything, now


def test_removing_the_demo_cancels_its_events_and_keeps_no_name(ws):
    """The demo's events are in the participant's calendar: the next download cancels each
    one (a calendar never drops an event by itself), and what is kept names no one."""
    from infoint.demo import apply_persona
    from infoint.targets import set_targets

    apply_persona(ws)
    people = load_contacts(ws)
    set_targets(ws, [c.id for c in people][:3])
    first = download_calendar(ws, NOW)
    assert first.due == 3
    sent_uids = sorted(str(e["UID"]) for e in parsed(first.data))
    remove_persona(ws, safety_copy=False)
    assert load_contacts(ws) == []
    kept = calendar_rows(ws)
    assert sorted(kept) == sent_uids
    everything = json.dumps(ws.query("SELECT key, value FROM meta"))
    assert not any(c.last_name in everything for c in people)  # no name left behind
    later = NOW + timedelta(hours=1)
    made = download_calendar(ws, later)
    assert (made.due, made.new, made.changed, made.cancelled) == (0, 0, 0, 3)
    events = parsed(made.data)
    assert sorted(str(e["UID"]) for e in events) == sent_uids
    assert all(str(e["STATUS"]) == "CANCELLED" and int(e["SEQUENCE"]) == 1 for e in events)
    assert {str(e["SUMMARY"]) for e in events} == {reminders.REMOVED_SUMMARY}
    assert not any(e.walk("VALARM") for e in events)
    # sent again for a month in case a download was skipped, then no more
    assert download_calendar(ws, later + timedelta(days=29)).cancelled == 3
    assert download_calendar(ws, later + timedelta(days=31)).cancelled == 0


def test_a_past_demo_meeting_is_cancelled_too(ws):
    """A meeting whose time has passed is history for the participant, but a removed person's
    meeting must still leave their calendar, as everything else sent about them."""
    ids = workbook(ws)
    download_calendar(ws, NOW)
    after = utc(2026, 3, 13, 19)  # Dana's meeting (18:00-18:30 UTC) is over
    download_calendar(ws, after)
    rows = calendar_rows(ws)
    states = {v["summary"]: v["state"] for v in rows.values()}
    assert states["Informational interview with Dana Roy (Globex)"] == "past"
    hers = {u for u, v in rows.items() if "Dana Roy" in v["summary"]}
    assert len(hers) == 3  # the meeting, preparing for it (done), the debrief (due)
    with ws.transaction():  # as removing the demo does
        reminders.forget_people(ws, [ids["dana"]])
        for table in ws.tables():
            if table != "contacts" and "contact_id" in ws.columns(table):
                ws.delete(table, "contact_id", [ids["dana"]])
        ws.delete("contacts", "id", [ids["dana"]])
    made = download_calendar(ws, after)
    assert "Dana" not in made.data.decode("utf-8")
    gone = {str(e["UID"]): e for e in parsed(made.data) if str(e["STATUS"]) == "CANCELLED"}
    assert hers <= set(gone)
    assert {str(gone[u]["SUMMARY"]) for u in hers} == {reminders.REMOVED_SUMMARY}


def calendar_rows(ws) -> dict[str, dict]:
    """What the downloads recorded: uid -> what was last sent."""
    return {
        r["key"].split(".", 3)[3]: json.loads(r["value"])
        for r in ws.query("SELECT key, value FROM meta")
        if r["key"].startswith(META_PREFIX)
    }


# ------------------------------------------------------------------------ a real calendar: khal


def khal_binary() -> str:
    found = shutil.which("khal")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("khal is missing: .ci/run installs it")
        pytest.skip("khal is not installed (apt-get install khal)")
    return found


def khal(tmp: Path, *args: str) -> str:
    config = tmp / "khal.conf"
    if not config.exists():
        (tmp / "calendar").mkdir()
        config.write_text(
            "[calendars]\n[[workbook]]\n"
            f"path = {tmp / 'calendar'}\ntype = calendar\n"
            "[locale]\n"
            f"default_timezone = {TZ}\nlocal_timezone = {TZ}\n"
            "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
            "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
            f"[sqlite]\npath = {tmp / 'khal.db'}\n",
            encoding="utf-8",
        )
    env = {**os.environ, "HOME": str(tmp), "XDG_CONFIG_HOME": str(tmp), "XDG_DATA_HOME": str(tmp)}
    done = subprocess.run(
        [khal_binary(), "-c", str(config), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def khal_events(tmp: Path) -> list[tuple[str, str, str, str]]:
    """(status, uid, start, title) of every event khal lists from March to the end of June."""
    out = khal(
        tmp,
        "list",
        "--day-format",
        "",
        "--format",
        "{cancelled}|{uid}|{start}|{title}",
        "2026-03-01",
        "2026-06-30",
    )
    rows = []
    for line in out.splitlines():
        if line.strip():
            status, uid, start, title = line.split("|", 3)
            rows.append((status.strip(), uid, start, title))
    return rows


def test_khal_imports_two_downloads_a_day_apart_without_copies(ws, tmp_path):
    khal_binary()
    ids = workbook(ws, first_name=HOSTILE)
    first = download_calendar(ws, NOW)
    (tmp_path / "first.ics").write_bytes(first.data)
    khal(tmp_path, "import", "--batch", str(tmp_path / "first.ics"))
    listed = khal_events(tmp_path)
    assert len(listed) == first.due == 7
    # a day later (the project's clock: one calendar day in the user's zone), the thank-you sent
    log_note_sent(ws, ids["eli"], "thanks", "Thank you", "Thanks for your time", at=NOW)
    day_two = add_days(NOW, 1, TZ)
    second = download_calendar(ws, day_two)
    (tmp_path / "second.ics").write_bytes(second.data)
    khal(tmp_path, "import", "--batch", str(tmp_path / "second.ics"))
    listed = khal_events(tmp_path)
    active = [row for row in listed if row[0] != "CANCELLED"]
    due = due_events(ws, day_two)
    assert len(active) == second.due == len(due) == 7
    assert len({uid for _, uid, _, _ in listed}) == len(listed)  # no duplicates
    assert sorted(uid for _, uid, _, _ in active) == sorted(e.uid for e in due)
    # the done item is gone: khal keeps it only marked CANCELLED (it shows cancelled events)
    [gone] = [row for row in listed if row[0] == "CANCELLED"]
    assert gone[3] == "Thank-you due: Eli Sand (Initech)"
    assert not any("Thank-you due" in title for _, _, _, title in active)
    # one file per UID in khal's calendar folder: the second import updated, it added nothing
    assert len(list((tmp_path / "calendar").glob("*.ics"))) == 8
    # times in the participant's zone
    starts = {title: start for _, _, start, title in active}
    assert starts["Informational interview with Dana Roy (Globex)"] == "2026-03-13 14:00"
    assert starts["Follow up: Chen Wu (Acme)"] == "2026-03-11 10:15"  # overdue: the next 1/4 h
    assert starts["Stay-in-touch update: Eli Sand (Initech)"] == "2026-06-09 10:00"  # S4: 91 days
    hostile = [title for title in starts if "Okafor" in title]
    assert len(hostile) == 1 and "BEGIN:VEVENT" in hostile[0]


def vdirsyncer(tmp: Path, *args: str) -> None:
    """vdirsyncer (Debian's) syncing the downloaded file ``tmp/download.ics`` into the folder
    khal reads (``tmp/calendar``), as a calendar subscribed to the file does."""
    found = shutil.which("vdirsyncer")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("vdirsyncer is missing: .ci/run installs it")
        pytest.skip("vdirsyncer is not installed (apt-get install vdirsyncer)")
    config = tmp / "vdirsyncer.conf"
    if not config.exists():
        (tmp / "status").mkdir()
        config.write_text(
            f'[general]\nstatus_path = "{tmp / "status"}/"\n'
            '[pair workbook]\na = "download"\nb = "khal"\ncollections = null\n'
            'conflict_resolution = "a wins"\n'
            f'[storage download]\ntype = "singlefile"\npath = "{tmp / "download.ics"}"\n'
            "read_only = true\n"
            f'[storage khal]\ntype = "filesystem"\npath = "{tmp / "calendar"}/"\n'
            'fileext = ".ics"\n',
            encoding="utf-8",
        )
    env = {**os.environ, "HOME": str(tmp), "XDG_CONFIG_HOME": str(tmp), "XDG_DATA_HOME": str(tmp)}
    done = subprocess.run(
        [found, "-c", str(config), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_a_calendar_synced_from_the_file_drops_what_it_no_longer_holds(ws, tmp_path):
    """khal fed by vdirsyncer from the downloaded file: the done item is listed cancelled while
    the file still sends its cancellation, then it is really gone; never a copy."""
    khal_binary()
    ids = workbook(ws)
    khal_events(tmp_path)  # khal's config and its (empty) calendar folder
    rounds = []

    def sync(at: datetime):
        made = download_calendar(ws, at)
        (tmp_path / "download.ics").write_bytes(made.data)
        if not rounds:
            vdirsyncer(tmp_path, "discover")
        vdirsyncer(tmp_path, "sync")
        rounds.append(made)
        listed = khal_events(tmp_path)
        uids = [uid for _, uid, _, _ in listed]
        assert len(set(uids)) == len(uids)  # no duplicates
        assert sorted(uids) == sorted(str(e["UID"]) for e in parsed(made.data))
        return made, listed

    first, listed = sync(NOW)
    assert len(listed) == first.due == 7
    log_note_sent(ws, ids["eli"], "thanks", "Thank you", "Thanks for your time", at=NOW)
    day_two = add_days(NOW, 1, TZ)
    second, listed = sync(day_two)
    [(_, thanks_uid, _, title)] = [row for row in listed if row[0] == "CANCELLED"]
    assert title == "Thank-you due: Eli Sand (Initech)"
    active = sorted(uid for status, uid, _, _ in listed if status != "CANCELLED")
    assert active == sorted(e.uid for e in due_events(ws, day_two)) and len(active) == 7
    later = add_days(day_two, reminders.KEEP_CANCELLED_DAYS + 1, TZ)
    third, listed = sync(later)  # the file no longer holds the thank-you: it is gone
    assert thanks_uid not in {uid for _, uid, _, _ in listed}
    assert not any("Thank-you due" in title for _, _, _, title in listed)
    active = sorted(uid for status, uid, _, _ in listed if status != "CANCELLED")
    assert active == sorted(e.uid for e in due_events(ws, later)) and len(active) == third.due
    assert len(list((tmp_path / "calendar").glob("*.ics"))) == len(listed)


# ------------------------------------------------------------------------ my week


def test_my_week_lists_the_weeks_agenda_with_what_to_do(ws):
    workbook(ws)
    subject, body = week_text(ws, NOW)
    assert subject == "My week: Tuesday 10 March to Tuesday 17 March (7 to do)"
    assert body.index("Overdue") < body.index("Follow up: Chen Wu (Acme)")
    assert body.index("Wednesday 11 March") < body.index("Thank-you due: Eli Sand (Initech)")
    assert body.index("Friday 13 March") < body.index("Informational interview with Dana Roy")
    assert "What to do: No answer from Chen Wu (Acme) yet" in body
    assert "Step 3, Compose requests and follow up (03_compose_requests.ipynb)" in body
    assert "Times are in America/Toronto" in body and "nothing was sent" in body
    # what is further away than a week is not in it
    far = ActionItem(text="Reread my notes", due="2026-04-30", contact_id=None)
    save_action_item(ws, far)
    assert "Reread my notes" not in week_text(ws, NOW)[1]
    assert len(due_events(ws, NOW)) == 8


def test_my_week_is_a_strict_draft_to_yourself(ws):
    workbook(ws)
    draft = week_draft(ws, NOW)
    assert (draft.filename, draft.items, draft.addressed) == ("my-week-2026-03-10.eml", 7, True)
    data = draft.data
    msg = email.message_from_bytes(data, policy=email.policy.strict)
    assert msg["To"].addresses[0].addr_spec == "ana.lima@example.edu"
    assert msg["From"].addresses[0].addr_spec == "ana.lima@example.edu"
    assert msg["X-Unsent"] == "1" and msg["Subject"].startswith("My week:")
    assert "Dana Roy" in msg.get_content()


def test_my_week_headers_cannot_be_injected(ws):
    workbook(ws, first_name=HOSTILE)
    ws.put_row(
        "profile",
        Profile(
            name="Ana\r\nBcc: evil@example.org =?utf-8?q?x?= <a@b.c>",
            email="ana.lima@example.edu\r\nBcc: evil@example.org",
            timezone=TZ,
        ).to_row(),
    )
    draft = week_draft(ws, NOW)
    assert not draft.addressed
    msg = email.message_from_bytes(draft.data, policy=email.policy.strict)
    assert msg["Bcc"] is None and msg["Cc"] is None
    assert not msg["To"].addresses  # not a valid address: no recipient at all, never a guess
    assert "evil" not in "".join(msg.keys())
    names = sorted(k.lower() for k in msg.keys())
    assert names == sorted(
        ["from", "to", "subject", "date", "message-id", "x-unsent"]
        + ["mime-version", "content-type", "content-transfer-encoding"]
    )
    assert "Okafor" in msg.get_content()


# ------------------------------------------------------------------------ the start page


def test_the_start_page_downloads_both_files(ws):
    workbook(ws)
    page = StartPage(ws)
    page._now = NOW
    name, mime, data = page.reminder_part.calendar_button.click()
    assert (name, mime) == (reminders.CALENDAR_FILENAME, "text/calendar")
    assert len(parsed(data)) == 7
    assert "holds 7 things due (7 new)" in page.reminder_part.status.value
    saved = [r for r in ws.query("SELECT key, value FROM meta") if r["key"].startswith(META_PREFIX)]
    assert len(saved) == 7
    page.reminder_part.calendar_button.click()
    assert "nothing changed since the last one" in page.reminder_part.status.value
    name, mime, data = page.reminder_part.week_button.click()
    assert (name, mime) == ("my-week-2026-03-10.eml", "message/rfc822")
    email.message_from_bytes(data, policy=email.policy.strict)
    assert "lists 7 things to do" in page.reminder_part.status.value
    assert "nothing was sent" in page.reminder_part.status.value
    ws.put_row("profile", Profile(name="Ana Lima", timezone=TZ).to_row())  # no address
    page.reminder_part.week_button.click()
    assert "add your email address in step 1" in page.reminder_part.status.value
    section = page.reminders()
    assert "ii-start-reminders" in section.children[0]._dom_classes


def test_with_nothing_due_the_page_says_so(ws):
    page = StartPage(ws)
    page.reminder_part.calendar_button.click()
    assert "Nothing is due yet" in page.reminder_part.status.value
    _, _, data = page.reminder_part.week_button.click()
    body = email.message_from_bytes(data, policy=email.policy.strict).get_content()
    assert "Nothing is due this week" in body


def test_the_start_page_says_why_a_file_could_not_be_made(ws, monkeypatch):
    page = StartPage(ws)

    def broken(*_a, **_k):
        raise ValueError("the disk is full")

    monkeypatch.setattr(reminders, "download_calendar", broken)
    assert page.reminder_part.calendar_button.click() is None
    assert "could not be made: the disk is full" in page.reminder_part.status.value


@pytest.mark.notebook
def test_the_start_notebook_downloads_the_calendar_in_its_demo_run(tmp_path):
    """The demo persona through every step (in-process, as the notebooks' demo runs do), then
    00_start_here run headless with demo=True: its demo downloads the calendar with all of it."""
    import papermill
    from browser_support import full_demo

    from infoint.workspace import Workspace

    notebooks = Path(__file__).resolve().parent.parent / "notebooks"
    workspace = tmp_path / "ws" / "workspace.sqlite3"
    full_demo(workspace)
    papermill.execute_notebook(
        str(notebooks / "00_start_here.ipynb"),
        str(tmp_path / "out.ipynb"),
        parameters={"workspace": str(workspace), "demo": True},
        cwd=str(notebooks),
        kernel_name="python3",
        progress_bar=False,
    )
    with Workspace.open(workspace) as ws:
        saved = calendar_rows(ws)
        due = due_events(ws)
        kinds = {e.kind for e in due}
        assert {"follow_up", "request", "action_item", "update"} <= kinds  # steps 3, 5, 6
        active = sorted(uid for uid, v in saved.items() if v["state"] == "active")
        assert active == sorted(e.uid for e in due)
        week = week_draft(ws)
    # the week's draft was made too: its status is what the page last showed (the saved state)
    nb = json.loads((tmp_path / "out.ipynb").read_text(encoding="utf-8"))
    state = nb["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    [status] = [
        m["state"].get("value", "")
        for m in state.values()
        if "ii-start-reminders-status" in m["state"].get("_dom_classes", [])
    ]
    status = html.unescape(status)
    assert week.items > 0 and f"Your week's draft lists {week.items} things to do" in status
    assert week.filename in status and "nothing was sent" in status.lower()
