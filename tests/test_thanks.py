"""Tests for infoint.thanks: step 6 (S1-S4, R3), table by table, plus hostile text."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from infoint.events import CONTACT_LOGGED, MET, MOVED_ON, THANKS_SENT, UPDATE_SENT, Event, Reminder
from infoint.exports import eml_draft, ics_reminders
from infoint.pipeline import next_actions
from infoint.records import Contact, Draft, Profile
from infoint.stages import Settings
from infoint.stay_in_touch import (
    DEFAULT_CADENCE_DAYS,
    MAX_UPDATES_PER_YEAR,
    next_update,
    stay_in_touch_reminders,
)
from infoint.thanks import (
    GIFT_GUIDANCE,
    THANKS_HOURS,
    WORD_LIMITS,
    compose_intro_thanks,
    compose_thanks,
    compose_update,
    thanks_due,
    thanks_status,
)
from infoint.thanks_check import check_thanks

PROFILE = Profile(
    name="Leela Varadan", email="leela.varadan@lakeshoreu.example", timezone="America/Toronto"
)
AMARA = Contact(
    first_name="Amara",
    last_name="Osei",
    email="amara.osei@tidewater.example",
    organization="Tidewater Travel Group",
    position="Senior UX Researcher",
    id=1,
)
NAMES = ["Leela", "Varadan", "Amara", "Osei", "Tidewater", "Priya", "Raman", "Innkeep"]
SPECIFIC = "researchers there run a usability test every sprint"
SUGGESTION = "the book Just Enough Research"
STATUS = "I've ordered it and will read it this week"
HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "$5M and $10M",
    "{{7*7}}",
    "first line\nBcc: evil@example.org",
    "{% raw %}{{ config }}",
]
TORONTO, BERLIN = ZoneInfo("America/Toronto"), ZoneInfo("Europe/Berlin")


def serious(findings) -> list[tuple[str, str]]:
    return sorted((f.rule, f.severity) for f in findings if f.severity != "info")


def rules(findings) -> list[tuple[str, str]]:
    return sorted((f.rule, f.severity) for f in findings)


# ----------------------------------------------------------------- S1 the 48 hours


@pytest.mark.parametrize(
    "met, tz, due",
    [
        # Toronto, the day before the clocks go forward (2026-03-08): 48 exact hours = 11:00 local
        (
            datetime(2026, 3, 7, 10, 0, tzinfo=TORONTO),
            "America/Toronto",
            "2026-03-09T11:00:00-04:00",
        ),
        # Toronto, the day before the clocks go back (2026-11-01): 09:00 local
        (
            datetime(2026, 10, 31, 10, 0, tzinfo=TORONTO),
            "America/Toronto",
            "2026-11-02T09:00:00-05:00",
        ),
        # Berlin, 2026-03-29
        (datetime(2026, 3, 28, 10, 0, tzinfo=BERLIN), "Europe/Berlin", "2026-03-30T11:00:00+02:00"),
        (
            datetime(2026, 10, 24, 18, 30, tzinfo=BERLIN),
            "Europe/Berlin",
            "2026-10-26T17:30:00+01:00",
        ),
        # no change of offset: same clock time
        (
            datetime(2026, 3, 7, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo")),
            "Asia/Tokyo",
            "2026-03-09T10:00:00+09:00",
        ),
        # met in one zone, the user lives in another: the instant is what counts
        (
            datetime(2026, 3, 7, 15, 0, tzinfo=UTC),
            "Europe/Berlin",
            "2026-03-09T16:00:00+01:00",
        ),
        # a naive time is local time in the user's zone
        (datetime(2026, 3, 7, 10, 0), "America/Toronto", "2026-03-09T11:00:00-04:00"),
        # unknown or empty zone: UTC
        (
            datetime(2026, 3, 7, 10, 0, tzinfo=UTC),
            "Mars/Olympus",
            "2026-03-09T10:00:00+00:00",
        ),
        (datetime(2026, 3, 7, 10, 0, tzinfo=UTC), "", "2026-03-09T10:00:00+00:00"),
    ],
)
def test_thanks_due_is_48_exact_hours(met, tz, due):
    result = thanks_due(met, tz)
    assert result.isoformat() == due
    assert THANKS_HOURS == 48


@pytest.mark.parametrize(
    "met, tz",
    [
        (datetime(2026, 3, 7, 10, 0, tzinfo=TORONTO), "America/Toronto"),
        (datetime(2026, 10, 31, 10, 0, tzinfo=TORONTO), "America/Toronto"),
        (datetime(2026, 3, 28, 10, 0, tzinfo=BERLIN), "Europe/Berlin"),
    ],
)
def test_thanks_due_agrees_with_the_pipeline(met, tz):
    events = [Event(1, met.astimezone(UTC), MET, 1)]
    [action] = next_actions(1, events, met, Settings(tz=tz))
    assert action.kind == "thanks" and action.due == thanks_due(met, tz)
    # Python subtracts two times of the same zone on the wall clock; the instants are 48 h apart.
    assert thanks_due(met, tz).astimezone(UTC) - met.astimezone(UTC) == timedelta(hours=48)


MET_AT = datetime(2026, 3, 7, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "sent, now, status",
    [
        (None, MET_AT + timedelta(hours=1), "due"),
        (None, MET_AT + timedelta(hours=48), "due"),  # the deadline itself is still on time
        (None, MET_AT + timedelta(hours=48, seconds=1), "overdue"),
        (None, MET_AT + timedelta(days=30), "overdue"),
        (MET_AT + timedelta(hours=3), MET_AT + timedelta(days=9), "sent on time"),
        (MET_AT + timedelta(hours=48), MET_AT + timedelta(days=9), "sent on time"),
        (MET_AT + timedelta(hours=49), MET_AT + timedelta(days=9), "sent late"),
        # other zones: the instant counts, not the clock
        (
            datetime(2026, 3, 9, 11, 0, tzinfo=TORONTO),
            MET_AT,
            "sent on time",
        ),  # 15:00 UTC, exactly 48 h
        (datetime(2026, 3, 9, 16, 1, tzinfo=BERLIN), MET_AT, "sent late"),  # 15:01 UTC
        (None, datetime(2026, 3, 9, 10, 59, tzinfo=TORONTO), "due"),
        (None, datetime(2026, 3, 9, 11, 1, tzinfo=TORONTO), "overdue"),
        (datetime(2026, 3, 9, 15, 0), MET_AT, "sent on time"),  # naive: read as UTC
    ],
)
def test_thanks_status(sent, now, status):
    assert thanks_status(MET_AT, sent, now) == status


def test_thanks_status_across_dst_in_local_clock_terms():
    met = datetime(2026, 3, 7, 10, 0, tzinfo=TORONTO)
    # 10:30 on the 9th looks like "two days later, still before 10:30"; after the change to
    # daylight time it is 47.5 hours later: still due; 11:30 is past 48 hours.
    assert thanks_status(met, None, datetime(2026, 3, 9, 10, 30, tzinfo=TORONTO)) == "due"
    assert thanks_status(met, None, datetime(2026, 3, 9, 11, 30, tzinfo=TORONTO)) == "overdue"
    met = datetime(2026, 10, 31, 10, 0, tzinfo=TORONTO)
    assert thanks_status(met, None, datetime(2026, 11, 2, 9, 30, tzinfo=TORONTO)) == "overdue"


# ----------------------------------------------------------------- composing


def test_compose_thanks_email():
    draft = compose_thanks(
        PROFILE,
        AMARA,
        specific=SPECIFIC + ".",
        suggestion=SUGGESTION,
        suggestion_status=STATUS + ".",
    )
    assert isinstance(draft, Draft) and draft.kind == "thanks"
    assert draft.to == "amara.osei@tidewater.example"
    assert draft.subject == "Thank you for talking with me about Tidewater Travel Group"
    assert draft.body.startswith("Hi Amara,\n\n")
    assert f"stayed with me: {SPECIFIC}." in draft.body  # closing dot not doubled
    assert f"suggesting {SUGGESTION}. {STATUS}." in draft.body
    assert draft.body.endswith("With thanks,\nLeela Varadan")


def test_compose_thanks_card_has_no_subject_or_address():
    draft = compose_thanks(
        PROFILE,
        AMARA,
        specific=SPECIFIC,
        suggestion=SUGGESTION,
        suggestion_status="i'll read it this week",
        card=True,
    )
    assert draft.kind == "thanks_card" and draft.subject == "" and draft.to == ""
    assert draft.body.startswith("Dear Amara,")
    assert "I'll read it this week." in draft.body  # sentence case


@pytest.mark.parametrize(
    "make, kind, hints",
    [
        (
            lambda: compose_thanks(
                PROFILE, AMARA, specific=SPECIFIC, suggestion=SUGGESTION, suggestion_status=STATUS
            ),
            "thanks",
            dict(specific_hints=[SPECIFIC], suggestion_hints=[SUGGESTION]),
        ),
        (
            lambda: compose_thanks(
                PROFILE,
                AMARA,
                specific=SPECIFIC,
                suggestion=SUGGESTION,
                suggestion_status=STATUS,
                card=True,
            ),
            "card",
            dict(specific_hints=[SPECIFIC], suggestion_hints=[SUGGESTION]),
        ),
        (
            lambda: compose_thanks(
                PROFILE, AMARA, specific=SPECIFIC, suggestion=SUGGESTION, suggestion_status=STATUS
            ),
            "thanks",
            {},
        ),
        (
            lambda: compose_intro_thanks(
                PROFILE,
                "Priya Raman",
                AMARA,
                outcome="She suggested I volunteer on a usability study, and I've signed up",
            ),
            "intro_thanks",
            {},
        ),
        (
            lambda: compose_intro_thanks(
                PROFILE, "Priya Raman", AMARA, outcome="I'm now planning a portfolio case study"
            ),
            "intro_thanks",
            dict(specific_hints=["portfolio case study"]),
        ),
        (
            lambda: compose_update(
                PROFILE,
                AMARA,
                progress="I finished the research certificate and started "
                "volunteering on a usability study",
            ),
            "update",
            {},
        ),
        (
            lambda: compose_update(PROFILE, AMARA, progress="the research certificate is done"),
            "update",
            dict(specific_hints=["research certificate"]),
        ),
    ],
)
def test_composed_drafts_pass_their_own_checker_once_filled(make, kind, hints):
    draft = make()
    assert check_thanks(draft.body, kind=kind, known_words=NAMES, **hints) == []
    assert check_thanks(draft.body, kind=draft.kind, known_words=NAMES, **hints) == []


@pytest.mark.parametrize(
    "draft, kind, rule, placeholders",
    [
        (compose_thanks(PROFILE, AMARA), "thanks", "S2", 3),
        (compose_thanks(PROFILE, AMARA, specific=SPECIFIC), "thanks", "S2", 2),
        (
            compose_thanks(PROFILE, AMARA, specific=SPECIFIC, suggestion=SUGGESTION),
            "thanks",
            "S2",
            1,
        ),
        (compose_thanks(PROFILE, AMARA, card=True), "card", "S2", 3),
        (compose_intro_thanks(PROFILE, "Priya Raman", AMARA), "intro_thanks", "S3", 1),
        (compose_update(PROFILE, AMARA), "update", "S4", 1),
        (
            compose_update(Profile(), Contact(), progress="I started a course"),
            "update",
            "S4",
            1,
        ),  # [your name]
    ],
)
def test_empty_parts_become_placeholders_the_checker_flags(draft, kind, rule, placeholders):
    found = check_thanks(draft.body, kind=kind, known_words=NAMES)
    errors = [f for f in found if f.severity == "error"]
    assert len(errors) == placeholders
    assert all(f.subject.startswith("[") and f.rule == rule for f in errors)


def test_intro_thanks_and_update_texts():
    intro = compose_intro_thanks(
        PROFILE, "Priya Raman", AMARA, outcome="x", introducer_email="priya@innkeep.example"
    )
    assert intro.kind == "intro_thanks" and intro.to == "priya@innkeep.example"
    assert intro.subject == "Thank you for introducing me to Amara Osei"
    assert (
        intro.body.startswith("Hi Priya,")
        and "introducing me to Amara Osei at Tidewater" in intro.body
    )
    nobody = compose_intro_thanks(PROFILE, "", Contact())
    assert nobody.body.startswith("Hello,") and "[their name]" in nobody.body
    update = compose_update(PROFILE, AMARA, progress="x")
    assert update.kind == "update" and update.to == AMARA.email
    assert "No need to reply" in update.body and "?" not in update.body  # asks for nothing


@pytest.mark.parametrize("value", HOSTILE)
def test_untrusted_text_stays_literal_in_every_draft(value):
    contact = Contact(
        first_name=value,
        last_name=value,
        organization=value,
        position=value,
        email="amara@t.example",
    )
    profile = Profile(name=value)
    drafts = [
        compose_thanks(profile, contact, specific=value, suggestion=value, suggestion_status=value),
        compose_thanks(
            profile, contact, specific=value, suggestion=value, suggestion_status=value, card=True
        ),
        compose_intro_thanks(profile, value, contact, outcome=value, introducer_email=value),
        compose_update(profile, contact, progress=value),
    ]
    one_line = " ".join(value.split())
    for draft in drafts:
        assert "\n" not in draft.subject
        assert one_line in draft.body  # literal, on one line
        assert "49" not in draft.body and "49" not in draft.subject  # {{7*7}} never evaluated
        for line in draft.body.splitlines():
            assert not line.startswith("Bcc:")
        if value in ("<img src=x onerror=alert(1)>", "$5M and $10M", "{{7*7}}"):
            assert value in draft.body
        if draft.to:
            raw = eml_draft(
                sender="leela@l.example",
                sender_name=value,
                to=draft.to,
                to_name=value,
                subject=draft.subject,
                body=draft.body,
            )
            parsed = email.message_from_bytes(raw, policy=email.policy.default)
            assert "bcc" not in [k.lower() for k in parsed.keys()]
        assert isinstance(check_thanks(draft.body, kind=draft.kind), list)


# ----------------------------------------------------------------- the checker, rule by rule

GOOD_THANKS = (
    "Hi Amara,\n\nThank you for talking with me on Tuesday. Your point that researchers at "
    "Tidewater run a usability test every sprint changed how I see the role. Thank you also "
    "for suggesting the book Just Enough Research: I've ordered it and will read it this week."
    "\n\nBest,\nLeela"
)


@pytest.mark.parametrize(
    "text, kwargs, expected",
    [
        # S2 good
        (GOOD_THANKS, dict(specific_hints=[SPECIFIC], suggestion_hints=[SUGGESTION]), []),
        (GOOD_THANKS, {}, []),
        # S2 generic only: "thanks for your time" and nothing else
        (
            "Hi Sam, thanks for your time yesterday. I really enjoyed our conversation and all "
            "your advice. Best regards, Leela",
            {},
            [("S2", "warning")],
        ),
        ("Thank you for your time!", {}, [("S2", "warning")]),
        # S2 nothing from the debrief's notes (the organization's name alone doesn't count)
        (
            "Hi Amara, thank you for your time at Tidewater and for all the valuable advice about "
            "the industry. Best, Leela",
            dict(specific_hints=[SPECIFIC, "Tidewater hires from hospitality"]),
            [("S2", "warning")],
        ),
        # S2 the suggestion: not mentioned; mentioned without what you did; mentioned with it
        (
            GOOD_THANKS,
            dict(suggestion_hints=["talk to Priya Raman at Innkeep"]),
            [("S2", "warning")],
        ),
        (
            "Thank you for the chat about usability testing every sprint. Thanks also for "
            "suggesting Just Enough Research. It sounds useful.",
            dict(suggestion_hints=[SUGGESTION]),
            [("S2", "warning")],
        ),
        (
            "Thank you for the chat about usability testing every sprint. Thanks also for "
            "suggesting Just Enough Research. I'll read it this weekend.",
            dict(suggestion_hints=[SUGGESTION]),
            [],
        ),
        # S2 gifts and e-cards
        (GOOD_THANKS + "\nI've sent you a gift card as well.", {}, [("S2", "warning")]),
        (GOOD_THANKS + "\nI also sent you an e-card.", {}, [("S2", "warning")]),
        (GOOD_THANKS + "\nPlease enjoy a Starbucks card on me.", {}, [("S2", "warning")]),
        (GOOD_THANKS + "\nA small gift is on its way.", {}, [("S2", "warning")]),
        (
            GOOD_THANKS + "\nAs a token of my appreciation, here is a voucher.",
            {},
            [("S2", "warning")],
        ),
        (GOOD_THANKS + "\nYou have a gift for explaining research clearly.", {}, []),
        # S2 placeholders and length
        (GOOD_THANKS.replace("Tuesday", "[day]"), {}, [("S2", "error")]),
        (
            GOOD_THANKS + "\n" + "More details about the sprint cadence. " * 25,
            {},
            [("S2", "warning")],
        ),
        # S2 a note that never thanks
        (
            "Hi Amara, your point about a usability test every sprint changed how I see research "
            "planning. Best, Leela",
            {},
            [("S2", "warning")],
        ),
        # R2 no asks in a thank-you; a referral to a named person is not a job referral
        (
            GOOD_THANKS + "\nPlease keep me in mind for any openings on your team.",
            {},
            [("R2", "warning")],
        ),
        (GOOD_THANKS + "\nI also appreciate your referral to Priya Raman.", {}, []),
        # R3 typos (names in known_words are not typos)
        (GOOD_THANKS.replace("changed", "chnaged"), {}, [("R3", "warning")]),
    ],
)
def test_check_thanks_s2(text, kwargs, expected):
    assert serious(check_thanks(text, kind="thanks", known_words=NAMES, **kwargs)) == sorted(
        expected
    )


GOOD_CARD = (
    "Dear Amara,\nThank you for our talk. Your advice on running a usability test every "
    "sprint stays with me, and I've ordered the book you suggested.\nLeela"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (GOOD_CARD, []),
        (
            GOOD_CARD + " " + "More words about research. " * 20,
            [("S2", "warning")],
        ),  # a card is short
        (GOOD_CARD.replace("Dear", "Sending this e-card, dear"), [("S2", "warning")]),
        ("Dear Amara,\nThanks for your time!\nLeela", [("S2", "warning")]),
    ],
)
def test_check_thanks_card(text, expected):
    assert serious(check_thanks(text, kind="card", known_words=NAMES)) == sorted(expected)
    assert serious(check_thanks(text, kind="thanks_card", known_words=NAMES)) == sorted(expected)


GOOD_INTRO = (
    "Hi Priya,\n\nThank you for introducing me to Amara. We met last week and it was a "
    "really helpful conversation. She suggested a portfolio review, and I've booked one.\n\nLeela"
)


@pytest.mark.parametrize(
    "text, kwargs, expected",
    [
        (GOOD_INTRO, {}, []),
        # S3 doesn't say you met
        (
            "Hi Priya,\n\nThank you for introducing me to Amara. It was really helpful. "
            "She suggested a portfolio review, and I've booked one.\n\nLeela",
            {},
            [("S3", "warning")],
        ),
        # S3 doesn't say what came of it
        (
            "Hi Priya,\n\nThank you for introducing me to Amara. We met last week and it was "
            "really helpful.\n\nLeela",
            {},
            [("S3", "warning")],
        ),
        # S3 with the outcome given as hints
        (GOOD_INTRO, dict(specific_hints=["portfolio review"]), []),
        (GOOD_INTRO, dict(specific_hints=["volunteering at the meetup"]), [("S3", "warning")]),
        # S3 how it went is only a hint
        (
            "Hi Priya,\n\nThank you for introducing me to Amara. We met last week. She suggested a "
            "portfolio review, and I've booked one.\n\nLeela",
            {},
            [],
        ),
    ],
)
def test_check_thanks_s3(text, kwargs, expected):
    assert serious(check_thanks(text, kind="intro_thanks", known_words=NAMES, **kwargs)) == sorted(
        expected
    )


def test_check_thanks_s3_info_on_how_it_went():
    text = (
        "Hi Priya, thank you for introducing me to Amara. We met last week. She suggested a "
        "portfolio review, and I've booked one."
    )
    assert rules(check_thanks(text, kind="intro_thanks", known_words=NAMES)) == [("S3", "info")]


GOOD_UPDATE = (
    "Hi Amara,\n\nA quick note since we spoke: I finished the research certificate and "
    "I'm now volunteering on a usability study for a local clinic. Your advice on "
    "planning studies helped a lot. No need to reply.\n\nLeela"
)


@pytest.mark.parametrize(
    "text, kwargs, expected",
    [
        (GOOD_UPDATE, {}, []),
        # S4 no progress shared
        (
            "Hi Amara,\n\nJust checking in to say hello and send an update. "
            "Hope all is well!\n\nLeela",
            {},
            [("S4", "warning")],
        ),
        (GOOD_UPDATE, dict(specific_hints=["portfolio website launch"]), [("S4", "warning")]),
        (GOOD_UPDATE, dict(specific_hints=["research certificate"]), []),
        # S4 asking for a job or a referral
        (GOOD_UPDATE + "\nAre you hiring at the moment?", {}, [("S4", "warning")]),
        (
            GOOD_UPDATE + "\nCould you refer me for a position on your team?",
            {},
            [("S4", "warning")],
        ),
        (GOOD_UPDATE + "\nPlease keep me in mind for any openings.", {}, [("S4", "warning")]),
        # R3 in an update
        (GOOD_UPDATE.replace("finished", "finsihed"), {}, [("R3", "warning")]),
    ],
)
def test_check_thanks_s4(text, kwargs, expected):
    assert serious(check_thanks(text, kind="update", known_words=NAMES, **kwargs)) == sorted(
        expected
    )


def test_check_thanks_s4_other_requests_are_a_hint():
    found = check_thanks(
        GOOD_UPDATE + "\nCould you look at my portfolio sometime?", kind="update", known_words=NAMES
    )
    assert rules(found) == [("S4", "info")]


@pytest.mark.parametrize(
    "kind, rule",
    [("thanks", "S2"), ("card", "S2"), ("intro_thanks", "S3"), ("update", "S4"), ("unknown", "S2")],
)
def test_empty_note_is_an_error(kind, rule):
    assert rules(check_thanks("   \n", kind=kind)) == [(rule, "error")]


def test_r3_names_are_not_typos():
    text = (
        "Thank you, Amara. Your point about Innkeep's usability test every sprint stayed with me."
    )
    assert not [f for f in check_thanks(text, known_words=NAMES) if f.rule == "R3"]
    assert [f.subject for f in check_thanks(text) if f.rule == "R3"] == ["Amara", "Innkeep's"]


def test_user_text_only_in_subjects():
    found = check_thanks("<img src=x onerror=alert(1)> [fill me] e-card", kind="thanks")
    assert found and all("<img" not in f.message and "fill me" not in f.message for f in found)


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(max_size=400),
    kind=st.sampled_from(["thanks", "card", "intro_thanks", "update", "x"]),
    hints=st.lists(st.text(max_size=40), max_size=3),
)
def test_checker_never_raises(text, kind, hints):
    found = check_thanks(
        text, kind=kind, specific_hints=hints, suggestion_hints=hints, known_words=hints
    )
    assert isinstance(found, list)


def test_checker_on_huge_input():
    found = check_thanks("Thank you. " + "usability " * 50_000, kind="thanks")
    assert ("S2", "warning") in rules(found)  # too long


def test_gift_guidance_says_s2_in_full():
    text = GIFT_GUIDANCE.lower()
    for words in (
        "email",
        "handwritten card",
        "address",
        "e-card",
        "gifts",
        "small token",
        "mentor",
    ):
        assert words in text
    assert WORD_LIMITS["thanks"] == 150


# ----------------------------------------------------------------- S4 the stay-in-touch schedule

LAST = datetime(2026, 1, 15, 10, 0, tzinfo=TORONTO)


@pytest.mark.parametrize(
    "cadence, updates, expected",
    [
        (
            None,
            [],
            datetime(2026, 4, 16, 10, 0, tzinfo=TORONTO),
        ),  # default 91 days, same clock time across DST
        (30, [], datetime(2026, 2, 14, 10, 0, tzinfo=TORONTO)),
        (-5, [], datetime(2026, 4, 16, 10, 0, tzinfo=TORONTO)),  # nonsense: the default
        ("60", [], datetime(2026, 3, 16, 10, 0, tzinfo=TORONTO)),
        (0, [], None),  # off
        # two updates in the last year: no cap
        (
            30,
            [datetime(2025, 6, 1, 10, 0, tzinfo=TORONTO), LAST],
            datetime(2026, 2, 14, 10, 0, tzinfo=TORONTO),
        ),
        # three: wait until the oldest of the last three is a year old
        (
            30,
            [
                datetime(2025, 6, 1, 9, 0, tzinfo=TORONTO),
                datetime(2025, 10, 1, 9, 0, tzinfo=TORONTO),
                LAST,
            ],
            datetime(2026, 6, 1, 9, 0, tzinfo=TORONTO),
        ),
        # four: the third most recent counts
        (
            30,
            [
                datetime(2025, 2, 1, tzinfo=TORONTO),
                datetime(2025, 6, 1, 9, 0, tzinfo=TORONTO),
                datetime(2025, 10, 1, 9, 0, tzinfo=TORONTO),
                LAST,
            ],
            datetime(2026, 6, 1, 9, 0, tzinfo=TORONTO),
        ),
        # three, but the oldest is already more than a year before the cadence date
        (
            91,
            [datetime(2024, 12, 1, tzinfo=TORONTO), datetime(2025, 3, 1, tzinfo=TORONTO), LAST],
            datetime(2026, 4, 16, 10, 0, tzinfo=TORONTO),
        ),
        # only a count: at 3 or more, wait a year from the last contact
        (30, 3, datetime(2027, 1, 15, 10, 0, tzinfo=TORONTO)),
        (30, 2, datetime(2026, 2, 14, 10, 0, tzinfo=TORONTO)),
    ],
)
def test_next_update(cadence, updates, expected):
    result = next_update(LAST, cadence, updates, "America/Toronto")
    assert result == expected
    if result is not None:
        assert (
            result.tzinfo is not None
            and result.utcoffset() == result.astimezone(TORONTO).utcoffset()
        )
    assert DEFAULT_CADENCE_DAYS == 91 and MAX_UPDATES_PER_YEAR == 3


def test_next_update_never_allows_four_a_year():
    sent = [LAST]
    for _ in range(8):
        sent.append(next_update(sent[-1], 30, sent, "America/Toronto"))
    for i in range(len(sent) - 3):
        assert sent[i + 3] - sent[i] >= timedelta(days=365) - timedelta(hours=1)


NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def ev(i: int, at: datetime, kind: str, contact: int) -> Event:
    return Event(i, at.astimezone(UTC), kind, contact)


def people_and_events():
    met = datetime(2026, 1, 10, 15, 0, tzinfo=UTC)
    thanked = met + timedelta(hours=20)
    contacts = [
        Contact(first_name="Amara", last_name="Osei", organization="Tidewater", id=1),
        Contact(first_name="Never", last_name="Thanked", id=2),
        Contact(first_name="Turned", last_name="Off", cadence_days=0, id=3),
        Contact(first_name="Moved", last_name="On", id=4),
        Contact(first_name="Archived", archived=True, id=5),
        Contact(first_name="Logged", last_name="Later", cadence_days=30, id=6),
        Contact(first_name="Overdue", id=7),
    ]
    events = {
        1: [ev(1, met, MET, 1), ev(2, thanked, THANKS_SENT, 1)],
        2: [ev(3, met, MET, 2)],
        3: [ev(4, met, MET, 3), ev(5, thanked, THANKS_SENT, 3)],
        4: [
            ev(6, met, MET, 4),
            ev(7, thanked, THANKS_SENT, 4),
            ev(8, thanked + timedelta(days=1), MOVED_ON, 4),
        ],
        5: [ev(9, met, MET, 5), ev(10, thanked, THANKS_SENT, 5)],
        6: [
            ev(11, met, MET, 6),
            ev(12, thanked, THANKS_SENT, 6),
            ev(13, datetime(2026, 2, 20, 18, 0, tzinfo=UTC), CONTACT_LOGGED, 6),
        ],
        7: [
            ev(14, datetime(2025, 6, 1, 15, 0, tzinfo=UTC), MET, 7),
            ev(15, datetime(2025, 6, 2, 15, 0, tzinfo=UTC), THANKS_SENT, 7),
        ],
    }
    return contacts, events


def test_stay_in_touch_reminders():
    contacts, events = people_and_events()
    reminders = stay_in_touch_reminders(contacts, events, NOW, "America/Toronto")
    assert all(isinstance(r, Reminder) for r in reminders)
    by_seed = {r.uid_seed: r for r in reminders}
    assert sorted(by_seed) == ["stay_in_touch:1", "stay_in_touch:6", "stay_in_touch:7"]
    # thanked 2026-01-11 10:00 Toronto + 91 days = 2026-04-12: the reminder rings at 9:00 local
    assert by_seed["stay_in_touch:1"].start == datetime(2026, 4, 12, 9, 0, tzinfo=TORONTO)
    # logging a contact restarts the clock: 2026-02-20 + 30 days
    assert by_seed["stay_in_touch:6"].start == datetime(2026, 3, 22, 9, 0, tzinfo=TORONTO)
    # long overdue: the next 9:00 after now (now is 7:00 in Toronto)
    assert by_seed["stay_in_touch:7"].start == datetime(2026, 3, 1, 9, 0, tzinfo=TORONTO)
    assert by_seed["stay_in_touch:1"].summary == "Send Amara Osei a short update"
    assert "Amara Osei (Tidewater)" in by_seed["stay_in_touch:1"].description
    assert [r.uid_seed for r in reminders] == [
        "stay_in_touch:7",
        "stay_in_touch:6",
        "stay_in_touch:1",
    ]


def test_stay_in_touch_reminders_respect_the_cap_and_reset():
    contacts = [Contact(first_name="Amara", cadence_days=30, id=1)]
    start = datetime(2025, 9, 1, 14, 0, tzinfo=UTC)
    events = [ev(1, start, MET, 1), ev(2, start + timedelta(hours=5), THANKS_SENT, 1)]
    for i, day in enumerate(
        (
            datetime(2025, 10, 1, 14, tzinfo=UTC),
            datetime(2025, 11, 1, 14, tzinfo=UTC),
            datetime(2025, 12, 1, 14, tzinfo=UTC),
        )
    ):
        events.append(ev(10 + i, day, UPDATE_SENT, 1))
    [reminder] = stay_in_touch_reminders(contacts, {1: events}, NOW, "UTC")
    assert reminder.start == datetime(
        2026, 10, 1, 9, 0, tzinfo=UTC
    )  # a year after the oldest of three
    # a later logged contact restarts the clock but can't break the cap
    events.append(ev(20, datetime(2026, 2, 1, 14, tzinfo=UTC), CONTACT_LOGGED, 1))
    [reminder] = stay_in_touch_reminders(contacts, {1: events}, NOW, "UTC")
    assert reminder.start == datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
    # with only two updates the 30-day cadence applies from the last contact
    events = [e for e in events if e.id != 10]
    [reminder] = stay_in_touch_reminders(contacts, {1: events}, NOW, "UTC")
    assert reminder.start == datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


def test_stay_in_touch_reminders_export_to_ics():
    contacts, events = people_and_events()
    contacts[0].first_name = "Amara\nEND:VEVENT"
    data = ics_reminders(
        stay_in_touch_reminders(contacts, events, NOW, "America/Toronto"), "America/Toronto"
    )
    from icalendar import Calendar

    events = list(Calendar.from_ical(data).walk("VEVENT"))
    assert len(events) == 3  # the name's "END:VEVENT" stayed text inside its summary
    assert "Send Amara END:VEVENT Osei a short update" in [str(e.get("summary")) for e in events]
