"""The pipeline: stages and next actions from event sequences (R7, R8, D1, S1, S3, S4), 3B7 in
business days across weekends and daylight-saving changes, the agenda and response statistics."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from hypothesis_budget import examples

from infoint import pipeline as pl
from infoint.clock import add_business_days, add_days
from infoint.events import EVENT_KINDS, AgendaItem, Event
from infoint.pipeline import ACTION_KINDS, Action, agenda, next_actions, response_stats
from infoint.stages import (
    STAGE_LABELS,
    STAGES,
    Settings,
    attempts,
    events_from_rows,
    group_by_contact,
    stage,
)

UTC = UTC
TORONTO = ZoneInfo("America/Toronto")


def D(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def T(*args) -> datetime:
    """A Toronto wall-clock time."""
    return datetime(*args, tzinfo=TORONTO)


def seq(*items, contact: int = 1) -> list[Event]:
    """Events from (at, kind) or (at, kind, data) tuples."""
    out = []
    for number, item in enumerate(items, start=1):
        at, kind, data = (item + ({},))[:3]
        out.append(Event(number, at, kind, contact, data))
    return out


def summary(actions: list[Action]) -> list[tuple]:
    return [(a.kind, a.due, a.overdue) for a in actions]


REQ = D(2026, 3, 3, 15)  # a Tuesday
MEET = "2026-03-12T14:00:00+00:00"

# name, events, now, settings, stage, [(kind, due, overdue)]
CASES = [
    ("nothing yet", [], D(2026, 3, 4), Settings(), "to_contact", []),
    (
        "request: follow up a week later",
        [(REQ, "request_sent", {"channel": "email"})],
        D(2026, 3, 4),
        Settings(),
        "requested",
        [("follow_up", D(2026, 3, 10, 15), False)],
    ),
    (
        "follow-up overdue",
        [(REQ, "request_sent")],
        D(2026, 3, 11),
        Settings(),
        "requested",
        [("follow_up", D(2026, 3, 10, 15), True)],
    ),
    (
        "intro request counts as the request (R6)",
        [(REQ, "intro_requested", {"via": "Bo Lee"})],
        D(2026, 3, 4),
        Settings(),
        "requested",
        [("follow_up", D(2026, 3, 10, 15), False)],
    ),
    (
        "after the follow-up: one call",
        [(REQ, "request_sent"), (D(2026, 3, 10, 16), "follow_up_sent")],
        D(2026, 3, 11),
        Settings(),
        "followed_up",
        [("call", D(2026, 3, 17, 16), False)],
    ),
    (
        "after the call: move on",
        [
            (REQ, "request_sent"),
            (D(2026, 3, 10, 16), "follow_up_sent"),
            (D(2026, 3, 17, 17), "call_made", {"left_voicemail": True}),
        ],
        D(2026, 3, 18),
        Settings(),
        "followed_up",
        [("move_on", D(2026, 3, 24, 17), False)],
    ),
    (
        "a fourth attempt logged anyway: still only move on",
        [
            (REQ, "request_sent"),
            (D(2026, 3, 10), "follow_up_sent"),
            (D(2026, 3, 17), "call_made"),
            (D(2026, 3, 25), "follow_up_sent"),
        ],
        D(2026, 4, 20),
        Settings(),
        "followed_up",
        [("move_on", D(2026, 4, 1), True)],
    ),
    (
        "max_attempts above three is capped (R7: never more)",
        [(REQ, "request_sent"), (D(2026, 3, 10), "follow_up_sent"), (D(2026, 3, 17), "call_made")],
        D(2026, 3, 18),
        Settings(max_attempts=10),
        "followed_up",
        [("move_on", D(2026, 3, 24), False)],
    ),
    (
        "called already: the next attempt is a message, not a second call",
        [(REQ, "request_sent"), (D(2026, 3, 10), "call_made")],
        D(2026, 3, 11),
        Settings(),
        "followed_up",
        [("follow_up", D(2026, 3, 17), False)],
    ),
    (
        "two attempts allowed: request then call",
        [(REQ, "request_sent")],
        D(2026, 3, 4),
        Settings(max_attempts=2),
        "requested",
        [("call", D(2026, 3, 10, 15), False)],
    ),
    (
        "intro then the direct request is one attempt",
        [(D(2026, 3, 1), "intro_requested"), (REQ, "request_sent")],
        D(2026, 3, 4),
        Settings(),
        "requested",
        [("follow_up", D(2026, 3, 10, 15), False)],
    ),
    (
        "yes: book the meeting within a day (R8)",
        [(REQ, "request_sent"), (D(2026, 3, 5, 12), "reply", {"answer": "yes"})],
        D(2026, 3, 5, 13),
        Settings(),
        "requested",
        [("schedule", D(2026, 3, 6, 12), False)],
    ),
    (
        "no: declined, nothing more",
        [(REQ, "request_sent"), (D(2026, 3, 5), "reply", {"answer": "no"})],
        D(2026, 5, 1),
        Settings(),
        "declined",
        [],
    ),
    (
        "later: follow up in 14 days",
        [(REQ, "request_sent"), (D(2026, 3, 5, 12), "reply", {"answer": "later"})],
        D(2026, 3, 6),
        Settings(),
        "requested",
        [("follow_up", D(2026, 3, 19, 12), False)],
    ),
    (
        "later then a follow-up: the count starts again",
        [
            (REQ, "request_sent"),
            (D(2026, 3, 5, 12), "reply", {"answer": "Later "}),
            (D(2026, 3, 19, 12), "follow_up_sent"),
        ],
        D(2026, 3, 20),
        Settings(),
        "followed_up",
        [("follow_up", D(2026, 3, 26, 12), False)],
    ),
    (
        "an unclear answer counts as later",
        [(REQ, "request_sent"), (D(2026, 3, 5, 12), "reply", {"answer": "maybe?"})],
        D(2026, 3, 6),
        Settings(),
        "requested",
        [("follow_up", D(2026, 3, 19, 12), False)],
    ),
    (
        "booked: prepare the day before",
        [
            (REQ, "request_sent"),
            (D(2026, 3, 5), "reply", {"answer": "yes"}),
            (
                D(2026, 3, 6),
                "meeting_scheduled",
                {"starts_at": MEET, "minutes": 30, "mode": "video"},
            ),
        ],
        D(2026, 3, 9),
        Settings(),
        "scheduled",
        [("prepare", D(2026, 3, 11, 14), False)],
    ),
    (
        "meeting started: debrief due at its end (D1)",
        [
            (REQ, "request_sent"),
            (D(2026, 3, 6), "meeting_scheduled", {"starts_at": MEET, "minutes": 30}),
        ],
        D(2026, 3, 12, 14, 10),
        Settings(),
        "scheduled",
        [("debrief", D(2026, 3, 12, 14, 30), False)],
    ),
    (
        "meeting passed without 'met'",
        [
            (REQ, "request_sent"),
            (D(2026, 3, 6), "meeting_scheduled", {"starts_at": MEET, "minutes": "45"}),
        ],
        D(2026, 3, 13),
        Settings(),
        "scheduled",
        [("debrief", D(2026, 3, 12, 14, 45), True)],
    ),
    (
        "meeting time unreadable: ask for it",
        [
            (REQ, "request_sent"),
            (D(2026, 3, 6), "meeting_scheduled", {"starts_at": "next tuesday"}),
        ],
        D(2026, 3, 7),
        Settings(),
        "scheduled",
        [("schedule", D(2026, 3, 6), True)],
    ),
    (
        "cancelled: back to booking",
        [
            (REQ, "request_sent"),
            (D(2026, 3, 5), "reply", {"answer": "yes"}),
            (D(2026, 3, 6), "meeting_scheduled", {"starts_at": MEET}),
            (D(2026, 3, 10, 9), "meeting_cancelled"),
        ],
        D(2026, 3, 10, 10),
        Settings(),
        "requested",
        [("schedule", D(2026, 3, 11, 9), False)],
    ),
    (
        "met: thanks within 48 hours (S1)",
        [
            (REQ, "request_sent"),
            (D(2026, 3, 6), "meeting_scheduled", {"starts_at": MEET}),
            (D(2026, 3, 12, 18), "met", {"at": "2026-03-12T14:30:00+00:00"}),
        ],
        D(2026, 3, 13),
        Settings(),
        "met",
        [("thanks", D(2026, 3, 14, 14, 30), False)],
    ),
    (
        "thanks overdue after 48 hours",
        [(REQ, "request_sent"), (D(2026, 3, 12, 14, 30), "met")],
        D(2026, 3, 14, 14, 31),
        Settings(),
        "met",
        [("thanks", D(2026, 3, 14, 14, 30), True)],
    ),
    (
        "thanks_hours setting",
        [(D(2026, 3, 12, 14, 30), "met")],
        D(2026, 3, 13),
        Settings(thanks_hours=24),
        "met",
        [("thanks", D(2026, 3, 13, 14, 30), False)],
    ),
    (
        "introduced: thank the introducer too (S3)",
        [
            (D(2026, 3, 1), "intro_requested", {"via": "Bo Lee"}),
            (REQ, "reply", {"answer": "yes"}),
            (D(2026, 3, 12, 14, 30), "met"),
        ],
        D(2026, 3, 13),
        Settings(),
        "met",
        [
            ("thanks", D(2026, 3, 14, 14, 30), False),
            ("intro_thanks", D(2026, 3, 19, 14, 30), False),
        ],
    ),
    (
        "thanked: stay in touch in 91 days (S4), introducer still owed",
        [
            (D(2026, 3, 1), "intro_requested"),
            (D(2026, 3, 12, 14, 30), "met"),
            (D(2026, 3, 13, 9), "thanks_sent"),
        ],
        D(2026, 3, 14),
        Settings(),
        "thanked",
        [("intro_thanks", D(2026, 3, 19, 14, 30), False), ("update", D(2026, 6, 12, 9), False)],
    ),
    (
        "introducer thanked",
        [
            (D(2026, 3, 1), "intro_requested"),
            (D(2026, 3, 12, 14, 30), "met"),
            (D(2026, 3, 13, 9), "thanks_sent"),
            (D(2026, 3, 14), "intro_thanks_sent"),
        ],
        D(2026, 3, 15),
        Settings(),
        "thanked",
        [("update", D(2026, 6, 12, 9), False)],
    ),
    (
        "contact_logged restarts the S4 clock",
        [
            (D(2026, 3, 12, 14, 30), "met"),
            (D(2026, 3, 13, 9), "thanks_sent"),
            (D(2026, 5, 1, 8), "contact_logged"),
        ],
        D(2026, 7, 1),
        Settings(),
        "thanked",
        [("update", D(2026, 7, 31, 8), False)],
    ),
    (
        "an update: in touch, next one 91 days later",
        [
            (D(2026, 3, 12, 14, 30), "met"),
            (D(2026, 3, 13, 9), "thanks_sent"),
            (D(2026, 6, 10, 8), "update_sent"),
        ],
        D(2026, 9, 10),
        Settings(),
        "in_touch",
        [("update", D(2026, 9, 9, 8), True)],
    ),
    (
        "a second meeting needs new thanks",
        [
            (D(2026, 3, 12, 14, 30), "met"),
            (D(2026, 3, 13, 9), "thanks_sent"),
            (D(2026, 4, 2, 10), "met"),
        ],
        D(2026, 4, 3),
        Settings(),
        "met",
        [("thanks", D(2026, 4, 4, 10), False)],
    ),
    (
        "moved on: nothing",
        [
            (REQ, "request_sent"),
            (D(2026, 3, 10), "follow_up_sent"),
            (D(2026, 3, 17), "call_made"),
            (D(2026, 3, 25), "moved_on"),
        ],
        D(2026, 4, 1),
        Settings(),
        "moved_on",
        [],
    ),
    (
        "reopened: back where it was (and still no fourth attempt)",
        [
            (REQ, "request_sent"),
            (D(2026, 3, 10), "follow_up_sent"),
            (D(2026, 3, 17), "call_made"),
            (D(2026, 3, 25), "moved_on"),
            (D(2026, 3, 26), "reopened"),
        ],
        D(2026, 4, 1),
        Settings(),
        "followed_up",
        [("move_on", D(2026, 3, 24), True)],
    ),
    (
        "moved on early, reopened: the follow-up is back",
        [(REQ, "request_sent"), (D(2026, 3, 4), "moved_on"), (D(2026, 3, 5), "reopened")],
        D(2026, 3, 6),
        Settings(),
        "requested",
        [("follow_up", D(2026, 3, 10, 15), False)],
    ),
    (
        "an answer after moving on brings them back",
        [
            (REQ, "request_sent"),
            (D(2026, 3, 25), "moved_on"),
            (D(2026, 3, 26), "reply", {"answer": "yes"}),
        ],
        D(2026, 3, 26, 1),
        Settings(),
        "requested",
        [("schedule", D(2026, 3, 27), False)],
    ),
    (
        "a no after booking withdraws the meeting",
        [
            (REQ, "request_sent"),
            (D(2026, 3, 6), "meeting_scheduled", {"starts_at": MEET}),
            (D(2026, 3, 8), "reply", {"answer": "no"}),
        ],
        D(2026, 3, 9),
        Settings(),
        "declined",
        [],
    ),
    (
        "unknown kinds are ignored",
        [(REQ, "request_sent"), (D(2026, 3, 4), "note_added", {"text": "hi"})],
        D(2026, 3, 5),
        Settings(),
        "requested",
        [("follow_up", D(2026, 3, 10, 15), False)],
    ),
    (
        "a reply without any request",
        [(REQ, "reply", {"answer": "yes"})],
        D(2026, 3, 3, 16),
        Settings(),
        "requested",
        [("schedule", D(2026, 3, 4, 15), False)],
    ),
]


@pytest.mark.parametrize(
    "name, items, now, settings, expected_stage, expected", CASES, ids=[c[0] for c in CASES]
)
def test_stage_and_next_actions(name, items, now, settings, expected_stage, expected):
    events = seq(*items)
    assert stage(events) == expected_stage
    actions = next_actions(1, events, now, settings, name="Ana Silva", organization="Acme")
    assert summary(actions) == expected
    for action in actions:
        assert action.step == ACTION_KINDS[action.kind]
        assert action.contact_id == 1 and action.text and action.due.tzinfo is not None


def test_every_stage_has_a_label():
    assert set(STAGE_LABELS) == set(STAGES)


def test_action_steps_name_the_notebooks():
    assert {
        a: ACTION_KINDS[a] for a in ("follow_up", "call", "move_on", "second_contact")
    } == dict.fromkeys(
        ("follow_up", "call", "move_on", "second_contact"), "03_compose_requests.ipynb"
    )
    assert ACTION_KINDS["schedule"] == ACTION_KINDS["prepare"] == "04_prepare_questions.ipynb"
    assert ACTION_KINDS["debrief"] == "05_debrief.ipynb"
    assert (
        ACTION_KINDS["thanks"]
        == ACTION_KINDS["intro_thanks"]
        == ACTION_KINDS["update"]
        == "06_send_thanks.ipynb"
    )


def test_texts_name_the_person_and_introducer():
    events = seq((D(2026, 3, 12), "met"), (D(2026, 3, 13), "thanks_sent"))
    actions = next_actions(
        7, events, D(2026, 3, 14), name="  Zoë  O'Brien ", organization="Café $5M", via="Bo Lee"
    )
    intro = next(a for a in actions if a.kind == "intro_thanks")
    assert "Bo Lee" in intro.text and "Zoë O'Brien (Café $5M)" in intro.text
    # without a name the text still reads well
    (follow,) = next_actions(7, seq((REQ, "request_sent")), D(2026, 3, 4))
    assert "this contact" in follow.text


def test_via_in_event_data_names_the_introducer():
    events = seq((REQ, "request_sent", {"via": "Bo Lee"}), (D(2026, 3, 12), "met"))
    (_, intro) = next_actions(1, events, D(2026, 3, 13))
    assert intro.kind == "intro_thanks" and "Bo Lee" in intro.text


def test_attempts_counts_requests_follow_ups_and_calls():
    events = seq(
        (REQ, "intro_requested"),
        (REQ, "request_sent"),
        (D(2026, 3, 10), "follow_up_sent"),
        (D(2026, 3, 11), "reply", {"answer": "later"}),
        (D(2026, 3, 25), "call_made"),
        (D(2026, 3, 26), "met"),
    )
    assert attempts(events) == 4
    assert attempts([]) == 0


@hsettings(max_examples=examples(60), deadline=None)
@given(
    st.lists(st.sampled_from(["follow_up_sent", "call_made"]), min_size=2, max_size=8),
    st.integers(min_value=0, max_value=120),
)
def test_never_a_fourth_attempt(kinds, days_later):
    """R7: once three attempts went unanswered, only "move on" is ever proposed."""
    items = [(REQ, "request_sent")] + [
        (REQ + timedelta(days=7 * (i + 1)), k) for i, k in enumerate(kinds)
    ]
    events = seq(*items)
    now = items[-1][0] + timedelta(days=days_later)
    for max_attempts in (1, 2, 3, 4, 99):
        kinds_out = [
            a.kind
            for a in next_actions(
                1, events, now, Settings(max_attempts=max_attempts, mode_3b7=True)
            )
        ]
        assert kinds_out == ["move_on"]


@hsettings(max_examples=examples(80), deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(sorted(EVENT_KINDS) + ["junk"]),
            st.integers(min_value=0, max_value=400),
            st.dictionaries(
                st.sampled_from(["answer", "starts_at", "minutes", "at", "via", "left_voicemail"]),
                st.one_of(
                    st.none(),
                    st.text(max_size=30),
                    st.integers(),
                    st.booleans(),
                    st.sampled_from(["yes", "no", "later", MEET, "2026-13-01"]),
                ),
                max_size=3,
            ),
        ),
        max_size=12,
    ),
    st.booleans(),
)
def test_any_event_sequence_gives_a_stage_and_sane_actions(raw, mode_3b7):
    events = seq(*[(D(2026, 1, 1) + timedelta(hours=h), k, d) for k, h, d in raw])
    assert stage(events) in STAGES
    actions = next_actions(
        1, events, D(2026, 2, 1), Settings(mode_3b7=mode_3b7, tz="America/Toronto")
    )
    assert all(a.kind in ACTION_KINDS and a.due.utcoffset() == timedelta(0) for a in actions)
    assert [a.due for a in actions] == sorted(a.due for a in actions)
    if stage(events) in ("moved_on", "declined", "to_contact"):
        assert actions == []


# ------------------------------------------------------------------ time zones and 3B7


@pytest.mark.parametrize(
    "start, days, expected",
    [
        (T(2026, 3, 5, 10), 7, T(2026, 3, 12, 10)),  # across the spring change: same wall clock
        (T(2026, 10, 29, 10), 7, T(2026, 11, 5, 10)),  # across the autumn change
        (T(2026, 3, 8, 12), -1, T(2026, 3, 7, 12)),
    ],
)
def test_calendar_days_keep_the_local_clock(start, days, expected):
    result = add_days(start, days, "America/Toronto")
    assert result == expected and result.tzinfo == UTC
    assert result.astimezone(TORONTO).hour == start.hour


def test_calendar_days_across_dst_are_not_24_hour_multiples():
    assert add_days(T(2026, 3, 5, 10), 7, "America/Toronto") - T(2026, 3, 5, 10) == timedelta(
        days=7, hours=-1
    )
    assert add_days(T(2026, 10, 29, 10), 7, "America/Toronto") - T(2026, 10, 29, 10) == timedelta(
        days=7, hours=1
    )


@pytest.mark.parametrize(
    "start, days, expected",
    [
        (T(2026, 3, 3, 10), 3, T(2026, 3, 6, 10)),  # Tuesday + 3 = Friday
        (
            T(2026, 3, 5, 10),
            3,
            T(2026, 3, 10, 10),
        ),  # Thursday, over the weekend and the spring change
        (T(2026, 3, 5, 10), 7, T(2026, 3, 16, 10)),
        (T(2026, 10, 23, 16), 3, T(2026, 10, 28, 16)),  # Friday over a weekend
        (T(2026, 10, 23, 16), 7, T(2026, 11, 3, 16)),  # ... and over the autumn change
        (T(2026, 10, 31, 12), 3, T(2026, 11, 4, 12)),  # sent on a Saturday
        (T(2026, 11, 1, 1, 30), 1, T(2026, 11, 2, 1, 30)),  # from inside the repeated hour
        (T(2026, 3, 4, 9), 0, T(2026, 3, 4, 9)),
    ],
)
def test_business_days(start, days, expected):
    assert add_business_days(start, days, "America/Toronto") == expected


def test_business_days_are_counted_in_the_users_zone():
    # Friday 23:30 in Toronto is already Saturday in UTC: +1 business day is Monday in Toronto.
    friday_night = T(2026, 10, 23, 23, 30)
    assert add_business_days(friday_night, 1, "America/Toronto") == T(2026, 10, 26, 23, 30)
    # Counted in UTC (where it is already Saturday) it would land on Sunday night in Toronto.
    in_utc = add_business_days(friday_night, 1, "UTC")
    assert in_utc.astimezone(TORONTO).weekday() == 6 and in_utc != T(2026, 10, 26, 23, 30)


THREE_B7 = Settings(mode_3b7=True, tz="America/Toronto")

CASES_3B7 = [
    (
        "spring change: second contact and follow-up in business days",
        [(T(2026, 3, 5, 10), "request_sent")],
        T(2026, 3, 6, 9),
        [("second_contact", T(2026, 3, 10, 10), False), ("follow_up", T(2026, 3, 16, 10), False)],
    ),
    (
        "second contact due once three business days passed",
        [(T(2026, 3, 5, 10), "request_sent")],
        T(2026, 3, 11, 9),
        [("second_contact", T(2026, 3, 10, 10), True), ("follow_up", T(2026, 3, 16, 10), False)],
    ),
    (
        "autumn change over a weekend",
        [(T(2026, 10, 23, 16), "request_sent")],
        T(2026, 10, 24),
        [("second_contact", T(2026, 10, 28, 16), False), ("follow_up", T(2026, 11, 3, 16), False)],
    ),
    (
        "second contact started: only the follow-up",
        [
            (T(2026, 3, 5, 10), "request_sent"),
            (T(2026, 3, 10, 11), "second_contact_started", {"other": 9}),
        ],
        T(2026, 3, 11),
        [("follow_up", T(2026, 3, 16, 10), False)],
    ),
    (
        "after the follow-up the call is still a week later; second contact still suggested",
        [(T(2026, 3, 5, 10), "request_sent"), (T(2026, 3, 16, 10), "follow_up_sent")],
        T(2026, 3, 17),
        [("second_contact", T(2026, 3, 10, 10), True), ("call", T(2026, 3, 23, 10), False)],
    ),
    (
        "an answer ends the 3B7 routine",
        [(T(2026, 3, 5, 10), "request_sent"), (T(2026, 3, 6, 10), "reply", {"answer": "later"})],
        T(2026, 3, 7),
        [("follow_up", T(2026, 3, 20, 10), False)],
    ),
]


@pytest.mark.parametrize("name, items, now, expected", CASES_3B7, ids=[c[0] for c in CASES_3B7])
def test_3b7(name, items, now, expected):
    actions = next_actions(1, seq(*items), now, THREE_B7, organization="Acme")
    assert summary(actions) == expected
    for action in actions:
        if action.kind == "second_contact":
            assert "Acme" in action.text and action.step == "03_compose_requests.ipynb"


def test_without_3b7_the_follow_up_is_seven_calendar_days_in_the_users_zone():
    events = seq((T(2026, 3, 5, 10), "request_sent"))
    (action,) = next_actions(1, events, T(2026, 3, 6), Settings(tz="America/Toronto"))
    assert action.kind == "follow_up" and action.due == T(2026, 3, 12, 10)


def test_unknown_time_zone_falls_back_to_utc():
    events = seq((REQ, "request_sent"))
    (action,) = next_actions(1, events, D(2026, 3, 4), Settings(tz="Mars/Olympus"))
    assert action.due == D(2026, 3, 10, 15)
    assert pl.zone("") == pl.zone(None) == ZoneInfo("UTC")


def test_prepare_is_the_day_before_in_local_time():
    events = seq(
        (
            T(2026, 3, 1),
            "meeting_scheduled",
            {"starts_at": "2026-03-09T10:00:00-04:00", "minutes": 30},
        )
    )
    (action,) = next_actions(1, events, T(2026, 3, 2), Settings(tz="America/Toronto"))
    assert action.kind == "prepare" and action.due == T(
        2026, 3, 8, 10
    )  # Sunday, the day clocks changed


def test_naive_meeting_time_is_read_in_the_users_zone():
    events = seq(
        (T(2026, 3, 1), "meeting_scheduled", {"starts_at": "2026-03-09T10:00:00", "minutes": 20})
    )
    (action,) = next_actions(1, events, T(2026, 3, 9, 10, 5), Settings(tz="America/Toronto"))
    assert action.kind == "debrief" and action.due == T(2026, 3, 9, 10, 20)


# ------------------------------------------------------------------ events from the workspace


def test_events_from_rows_tolerates_bad_rows_and_orders_by_instant():
    rows = [
        {
            "id": 1,
            "at": "2026-03-03T15:00:00+00:00",
            "kind": "request_sent",
            "contact_id": 4,
            "data": {"channel": "email"},
        },
        {"id": 2, "at": "not a date", "kind": "reply", "contact_id": 4, "data": {}},
        {"id": 3, "at": None, "kind": "reply", "contact_id": 4, "data": {}},
        {"id": 4, "at": "", "kind": "reply", "contact_id": 4, "data": {}},
        {
            "id": 5,
            "at": "2026-03-03T16:30:00+02:00",
            "kind": "intro_requested",
            "contact_id": "4",
            "data": '{"via": "Bo"}',
        },
        {
            "id": 6,
            "at": "2026-03-04T10:00:00Z",
            "kind": "reply",
            "contact_id": 4,
            "data": ["not", "a", "dict"],
        },
        {
            "id": 7,
            "at": "2026-03-04T09:00:00",
            "kind": "contact_logged",
            "contact_id": None,
            "data": "{broken",
        },
    ]
    events = events_from_rows(rows)
    assert [e.id for e in events] == [5, 1, 7, 6]  # 16:30+02:00 is 14:30 UTC, before 15:00 UTC
    assert all(e.at.tzinfo is not None and e.at.utcoffset() == timedelta(0) for e in events)
    assert events[0].data == {"via": "Bo"} and events[0].contact_id == 4
    assert events[2].at == D(2026, 3, 4, 9) and events[2].data == {}
    assert events[3].data == {}
    assert group_by_contact(events) == {4: [events[0], events[1], events[3]]}


def test_round_trip_through_the_workspace(ws):
    ws.append_event(
        "request_sent", 3, {"channel": "email", "draft": "request"}, at="2026-03-03T15:00:00+00:00"
    )
    ws.append_event("reply", 3, {"answer": "yes"}, at="2026-03-04T15:00:00+00:00")
    ws.append_event(
        "meeting_scheduled",
        3,
        {"starts_at": MEET, "minutes": 30, "mode": "video", "place": ""},
        at="2026-03-05T15:00:00+00:00",
    )
    ws.append_event("request_sent", 8, {}, at="2026-03-03T15:00:00+00:00")
    by_contact = group_by_contact(events_from_rows(ws.events()))
    assert stage(by_contact[3]) == "scheduled" and stage(by_contact[8]) == "requested"
    assert events_from_rows(ws.events(3)) == by_contact[3]


# ------------------------------------------------------------------ agenda


def test_agenda_keeps_due_and_overdue_items_soonest_first():
    now = D(2026, 3, 10, 12)
    actions = [
        Action(
            1,
            "follow_up",
            D(2026, 3, 11, 11),
            "tomorrow morning",
            "03_compose_requests.ipynb",
            False,
        ),
        Action(2, "thanks", D(2026, 3, 9), "overdue thanks", "06_send_thanks.ipynb", True),
        Action(3, "update", D(2026, 6, 1), "far away", "06_send_thanks.ipynb", False),
        Action(
            4,
            "call",
            D(2026, 3, 11, 12, 1),
            "just beyond a day",
            "03_compose_requests.ipynb",
            False,
        ),
        Action(
            5, "debrief", D(2026, 3, 10, 11), "stale flag", "05_debrief.ipynb", False
        ),  # due passed: overdue now
    ]
    extra = [
        AgendaItem(
            D(2026, 3, 10, 18),
            False,
            "send the article you promised (D4)",
            "05_debrief.ipynb",
            2,
            "action_item",
        ),
        AgendaItem(
            D(2026, 3, 1), True, "back up your workbook", "00_start_here.ipynb", None, "backup"
        ),
        AgendaItem(D(2026, 4, 1), False, "later item", "05_debrief.ipynb", 2, "action_item"),
    ]
    items = agenda(actions, extra, now=now)
    assert [i.text for i in items] == [
        "back up your workbook",
        "overdue thanks",
        "stale flag",
        "send the article you promised (D4)",
        "tomorrow morning",
    ]
    assert [i.overdue for i in items] == [True, True, True, False, False]
    assert items[2].kind == "debrief" and items[2].contact_id == 5


def test_agenda_from_next_actions_and_default_now():
    events = group_by_contact(
        seq((REQ, "request_sent"), contact=1) + seq((D(2026, 3, 12), "met"), contact=2)
    )
    now = D(2026, 3, 15)
    actions = [a for cid, evs in events.items() for a in next_actions(cid, evs, now)]
    items = agenda(actions, now=now)
    assert [(i.contact_id, i.kind, i.overdue) for i in items] == [
        (1, "follow_up", True),
        (2, "thanks", True),
    ]
    assert agenda([], []) == []
    future = Action(
        1,
        "follow_up",
        datetime.now(UTC) + timedelta(hours=2),
        "soon",
        "03_compose_requests.ipynb",
        False,
    )
    assert agenda([future]) and not agenda([future])[0].overdue


# ------------------------------------------------------------------ response statistics


def test_response_stats():
    by_contact = {
        1: seq(
            (D(2026, 3, 1), "request_sent"), (D(2026, 3, 2), "reply", {"answer": "yes"}), contact=1
        ),
        2: seq(
            (D(2026, 3, 1), "request_sent"), (D(2026, 3, 6), "reply", {"answer": "no"}), contact=2
        ),
        3: seq((D(2026, 3, 1), "request_sent"), (D(2026, 3, 8), "follow_up_sent"), contact=3),
        4: seq((D(2026, 3, 1), "reply", {"answer": "yes"}), contact=4),  # never asked: not counted
        5: seq(
            (D(2026, 3, 1), "intro_requested"),
            (D(2026, 3, 3), "reply", {"answer": "later"}),
            (D(2026, 3, 20), "reply", {"answer": "yes"}),
            contact=5,
        ),
        6: [],
    }
    stats = response_stats(by_contact)
    assert (stats.requests, stats.replies) == (4, 3)
    assert stats.rate == pytest.approx(0.75)
    assert stats.median_days == pytest.approx(2.0)  # waits of 1, 5 and 2 days
    assert stats.boosters == [1, 5]  # answered within two days


def test_response_stats_empty():
    stats = response_stats({})
    assert (stats.requests, stats.replies, stats.rate, stats.median_days, stats.boosters) == (
        0,
        0,
        None,
        None,
        [],
    )
    only_asked = response_stats({1: seq((REQ, "request_sent"))})
    assert only_asked.rate == 0 and only_asked.median_days is None and only_asked.boosters == []
