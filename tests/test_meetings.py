"""Tests for infoint.meetings: the meeting's storage (R8), its checks (R4, R8, T6) and the
checklists (Q3, Q5), with hostile workspace text."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sample_data import TZ, hostile_meeting  # shared with test_prep_sheet.py

from infoint.checklists import in_person_checklist, research_checklist
from infoint.meetings import Meeting, check_meeting
from infoint.records import Contact, Finding, Organization

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


# ----------------------------------------------------------------- Meeting (R8) storage


def test_meeting_row_matches_the_table_and_round_trips(ws):
    meeting = hostile_meeting(id=None)
    row = meeting.to_row()
    table = set(ws.columns("meetings")) - {"id", "created_at", "updated_at"}
    assert set(row) == table
    assert "Olé" in row["place"] and "Zoë" in row["questions"]  # JSON keeps accents readable
    assert "\\u" not in row["questions"] and isinstance(json.loads(row["questions"]), list)
    new_id = ws.write(inserts={"meetings": [row]})["meetings"][0]
    stored = ws.rows("meetings")[0]
    back = Meeting.from_row(stored)
    meeting.id = new_id
    assert back == meeting


@pytest.mark.parametrize(
    "row, check",
    [
        (None, lambda m: m == Meeting(contact_id=0)),
        ({}, lambda m: m.minutes == 30 and m.mode == "video" and m.questions == []),
        (
            {"checklist": "{not json", "research": "[1, 2]", "questions": "nope"},
            lambda m: m.checklist == {} and m.research == {} and m.questions == [],
        ),
        (
            {
                "checklist": json.dumps({"a": True, "b": 0, "c": "yes", "d": None}),
                "questions": json.dumps(
                    [{"id": 5, "text": "Real?", "theme": None}, "junk", {"id": "x"}, {"text": 3}]
                ),
            },
            lambda m: (
                m.checklist == {"a": True, "b": False}
                and m.questions == [{"id": "", "text": "Real?", "theme": ""}]
            ),
        ),
        (
            {"minutes": "soon", "contact_id": "x", "mode": "carrier pigeon", "cancelled": "?"},
            lambda m: (m.minutes, m.contact_id, m.mode, m.cancelled) == (30, 0, "video", False),
        ),
        ({"questions": "[" * 100_000}, lambda m: m.questions == []),
        (
            {"id": 4, "their_workplace": 1, "cancelled": 1},
            lambda m: m.id == 4 and m.their_workplace and m.cancelled,
        ),
    ],
)
def test_meeting_from_row_is_tolerant(row, check):
    assert check(Meeting.from_row(row))


# ----------------------------------------------------------------- check_meeting (R4, R8, T6)

FUTURE = "2026-03-12T10:00:00-04:00"


@pytest.mark.parametrize(
    "changes",
    [
        dict(mode="in person", place="Blue Door Café, 5 King St", recognise="Green coat"),
        dict(
            mode="in person",
            place="Their office, 20 Bay St, 5th floor",
            their_workplace=True,
            recognise="Green coat",
        ),
        dict(mode="video", place="https://zoom.us/j/123456"),
        dict(mode="video", place="Google Meet (they'll send the link)"),
        dict(mode="video", place="Microsoft Teams"),
        dict(mode="phone", place="+1 416 555 0199"),
        dict(minutes=20, mode="phone", place="(416) 555-0199, I call them"),
        dict(
            starts_at="2026-03-12T10:00:00", mode="phone", place="416 555 0199"
        ),  # no offset: read in tz
    ],
)
def test_check_meeting_good(changes):
    meeting = Meeting(
        **{"contact_id": 1, "starts_at": FUTURE, "minutes": 30, "mode": "video", **changes}
    )
    found = check_meeting(meeting, TZ, NOW)
    assert [f for f in found if f.severity != "info"] == [], found


@pytest.mark.parametrize(
    "changes, rule, severity, words",
    [
        (dict(starts_at=""), "R8", "error", "date and time"),
        (dict(starts_at="next Tuesday"), "R8", "error", "can't be read"),
        (dict(starts_at="2026-02-01T10:00:00-05:00"), "R8", "warning", "in the past"),
        (dict(minutes=5), "R4", "error", "between 10 and 120"),
        (dict(minutes=180), "R4", "error", "between 10 and 120"),
        (dict(minutes="half an hour"), "R4", "error", "between 10 and 120"),
        (dict(minutes=12), "R4", "warning", "Under 15"),
        (dict(minutes=60), "R4", "warning", "a lot to ask"),
        (dict(minutes=45), "R4", "warning", "a lot to ask"),
        (dict(mode="carrier pigeon"), "R8", "error", "Choose how you will meet"),
        (
            dict(mode="in person", place="", recognise="Green coat"),
            "R8",
            "error",
            "where you will meet",
        ),
        (
            dict(mode="in person", place="My apartment", recognise="Green coat"),
            "R8",
            "warning",
            "someone's home",
        ),
        (
            dict(mode="in person", place="Their office on Bay St", recognise="Green coat"),
            "R8",
            "warning",
            "their workplace",
        ),
        (
            dict(mode="in person", place="The Elm pub", recognise="Green coat"),
            "Q5",
            "warning",
            "bar or a meal",
        ),
        (dict(mode="in person", place="Blue Door Café"), "R8", "warning", "recognise you"),
        (
            dict(mode="in person", place="Their office", their_workplace=True, recognise="x"),
            "R8",
            "info",
            "photo ID",
        ),
        (dict(mode="video", place=""), "R8", "error", "link of the video call"),
        (dict(mode="video", place="we'll figure it out"), "R8", "warning", "meeting link"),
        (dict(mode="video", place="WhatsApp video"), "T6", "warning", "social network"),
        (dict(mode="video", place="Facebook Messenger"), "T6", "warning", "social network"),
        (dict(mode="video", place="instagram call"), "T6", "warning", "social network"),
        (dict(mode="phone", place="WhatsApp +1 416 555 0199"), "T6", "warning", "social network"),
        (dict(mode="phone", place=""), "R8", "error", "phone number"),
        (dict(mode="phone", place="they'll call"), "R8", "warning", "phone number"),
    ],
)
def test_check_meeting_bad(changes, rule, severity, words):
    base = dict(
        contact_id=1, starts_at=FUTURE, minutes=30, mode="video", place="https://meet.example.com/x"
    )
    meeting = Meeting(**{**base, **changes})
    found = check_meeting(meeting, TZ, NOW)
    assert any(f.rule == rule and f.severity == severity and words in f.message for f in found), (
        found
    )
    for f in found:
        assert isinstance(f, Finding) and f.message and f.rule in ("R4", "R8", "T6", "Q5")
        if meeting.place.strip():
            assert meeting.place.strip() not in f.message  # user text only in subject


def test_check_meeting_edges():
    assert check_meeting(hostile_meeting(cancelled=True), TZ, NOW) == []
    assert check_meeting(None, TZ, NOW) == []
    naive_now = check_meeting(
        Meeting(1, FUTURE, 30, "phone", "416 555 0199"), "", NOW.replace(tzinfo=None)
    )
    assert naive_now == []
    huge = Meeting(1, "x" * 100_000, 10**12, "video", "y" * 100_000)
    found = check_meeting(huge, "Not/AZone", NOW)
    assert found and all(len(f.subject) <= 80 for f in found)


# ----------------------------------------------------------------- checklists (Q3, Q5, R8)


def test_in_person_checklist():
    items = in_person_checklist(Meeting(1, mode="in person"))
    keys = [k for k, _ in items]
    assert keys == [
        "place",
        "recognise",
        "photo_id",
        "arrive_early",
        "coffee",
        "no_gifts",
        "resume",
        "dress",
        "keep_time",
    ]
    text = dict(items)
    assert "neutral public place" in text["place"]
    assert "$5" in text["coffee"] and "no alcohol or meals" in text["coffee"]
    assert "don't lead with it" in text["resume"]
    workplace = dict(in_person_checklist(Meeting(1, mode="in person", their_workplace=True)))
    assert "their workplace" in workplace["place"]
    assert [
        k for k, _ in in_person_checklist(Meeting(1, mode="in person", their_workplace=True))
    ] == keys


@pytest.mark.parametrize("mode", ["video", "phone", "unknown"])
def test_call_checklist_is_shorter(mode):
    items = in_person_checklist(Meeting(1, mode=mode))
    assert [k for k, _ in items] == ["test_link", "quiet_place", "their_number", "keep_time"]
    assert len(items) < len(in_person_checklist(Meeting(1, mode="in person")))


def test_research_checklist():
    contact = Contact(first_name="Amara", last_name="Osei", organization="Fallback Inc")
    org = Organization(name="Northwind Health", industry="health care")
    items = research_checklist(contact, org)
    keys = [k for k, _ in items]
    assert keys == ["profile", "website", "news_organization", "news_industry", "offer", "pitch"]
    text = dict(items)
    assert "Amara Osei" in text["profile"] and "Northwind Health's website" in text["website"]
    assert "health care" in text["news_industry"] and "pitch" in text["pitch"]
    assert "Fallback Inc" in dict(research_checklist(contact, None))["website"]
    bare = dict(research_checklist(Contact(), None))
    assert [k for k, _ in research_checklist(Contact(), None)] == keys
    assert "the organization's website" in bare["website"] and "their profile" in bare["profile"]
