"""Tests for infoint.outreach: step 3's drafts and send times (R1-R7, T2, T6), table by table,
plus hostile input. The checker's own tests are in test_request_check.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples
from sample_data import CONTACTS, OBJECTIVE, PROFILE  # shared with test_request_check.py

from infoint import outreach
from infoint.outreach import (
    DRAFT_KINDS,
    DRAFT_LABELS,
    LINKEDIN_LIMITS,
    PHONE_PLACEHOLDER,
    compose,
    suggested_kind,
)
from infoint.records import Contact, Draft, Objective, Organization, Profile
from infoint.request_check import check_request, linkedin_note_findings
from infoint.send_time import SendAdvice, send_time_advice

TEMPLATES = Path(outreach.__file__).resolve().parent / "templates"

ORGS = {
    "Northbeam Health Technologies": Organization(
        name="Northbeam Health Technologies", industry="Health technology", location="Toronto"
    )
}


def draft_for(kind, key, **kwargs):
    contact = CONTACTS[key]
    return compose(kind, PROFILE, OBJECTIVE, contact, ORGS.get(contact.organization), **kwargs)


def check(text, **kwargs):
    kwargs.setdefault("known_words", ["Priya Raman", "Sam Lee"])  # names from the workspace
    kwargs.setdefault("profile", PROFILE)
    kwargs.setdefault("objective", OBJECTIVE)
    return check_request(text, **kwargs)


def blocking(findings):
    return [f for f in findings if f.severity in ("error", "warning")]


# ----------------------------------------------------------------- kinds and labels


def test_kinds_labels_limits_and_templates():
    assert DRAFT_KINDS == (
        "request_direct",
        "request_intro",
        "request_cold",
        "follow_up",
        "voicemail",
        "linkedin_note",
    )
    assert list(DRAFT_LABELS) == list(DRAFT_KINDS)
    assert all(label.strip() for label in DRAFT_LABELS.values())
    assert LINKEDIN_LIMITS == {"free": 200, "premium": 300}
    for kind in DRAFT_KINDS:
        assert (TEMPLATES / f"{kind}.txt.j2").is_file()


@pytest.mark.parametrize(
    "contact, kind",
    [
        (Contact(connection="first"), "request_direct"),
        (Contact(connection="second", via="Priya Raman"), "request_intro"),
        (Contact(connection="second"), "request_intro"),
        (Contact(connection="cold"), "request_cold"),
        (Contact(connection="cold", warm_reason="same school"), "request_direct"),
        (Contact(connection="second", warm_reason="same club"), "request_intro"),
        (Contact(connection="", source="linkedin"), "request_direct"),
        (Contact(connection="", source="LinkedIn"), "request_direct"),
        (Contact(connection="", source="contacts.csv"), "request_cold"),
        (Contact(connection="", source=""), "request_cold"),
        (Contact(connection="", warm_reason="Lakeshore alumni"), "request_direct"),
        (Contact(connection="", via="Priya Raman"), "request_intro"),
        (Contact(connection="", via="Priya Raman", warm_reason="same club"), "request_intro"),
        (Contact(connection="", source="linkedin:Connections.csv"), "request_direct"),
        (Contact(connection="first", via="Priya Raman"), "request_direct"),
        (Contact(connection="cold", via="Priya Raman"), "request_cold"),
        (Contact(connection="bogus", source="linkedin"), "request_direct"),
        (Contact(connection="FIRST"), "request_direct"),
        (None, "request_cold"),
    ],
)
def test_suggested_kind(contact, kind):
    assert suggested_kind(contact) == kind


# ----------------------------------------------------------------- compose


@pytest.mark.parametrize("key", [k for k in CONTACTS if k != "bare"])
@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_composed_drafts_pass_their_own_checker(kind, key):
    draft = draft_for(kind, key)
    assert isinstance(draft, Draft) and draft.kind == kind
    findings = check(draft.body, contact=CONTACTS[key], kind=kind, sender=PROFILE.email)
    assert blocking(findings) == [], [(f.rule, f.message, f.subject) for f in blocking(findings)]


@pytest.mark.parametrize("key", list(CONTACTS))
@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_composed_drafts_have_the_parts_of_a_request(kind, key):
    contact = CONTACTS[key]
    draft = draft_for(kind, key)
    body = draft.body
    assert body == body.strip() and "\n\n\n" not in body and "  " not in body
    if kind in ("voicemail", "linkedin_note"):
        assert draft.subject == ""
    else:
        assert draft.subject and "\n" not in draft.subject
    assert draft.to == (
        contact.email if kind in ("request_direct", "request_cold", "follow_up") else ""
    )
    assert (draft.forwardable != "") == (kind == "request_intro")
    if kind == "request_intro":
        assert draft.forwardable in body
        assert 3 <= draft.forwardable.count(". ") + draft.forwardable.count("? ") + 1 <= 4
        assert "20-30 minute" in draft.forwardable
    if kind != "linkedin_note":
        assert "20-30 minute" in body or "20 to 30 minutes" in body
        assert "Leela Varadan" in body
    else:
        assert "20-minute" in body and "Leela" in body
    if contact.first_name and kind != "request_intro":
        assert contact.first_name in body.splitlines()[0]
    offers_coffee = "coffee" in body
    assert offers_coffee == (
        contact.local is True and kind in ("request_direct", "request_cold", "request_intro")
    )
    if kind in ("request_direct", "request_cold"):
        assert len(body.split()) < 100
    for banned in ("job", "opening", "referral", "resume", "hire me", "position available"):
        assert banned not in body.lower()


@pytest.mark.parametrize(
    "key, opening",
    [
        ("first_linkedin", "We're connected on LinkedIn."),
        ("first_known", "I hope you've been well since we last spoke."),
        ("second", "I got your name from Priya Raman."),
        ("warm", "We have a connection in common: Lakeshore University alumni."),
        ("cold_local", "I found your name on the Northbeam Health Technologies website."),
        ("cold_profile", "I came across your profile on LinkedIn."),
        ("bare", "I came across your name while looking into UX research and product design."),
    ],
)
def test_every_request_opens_with_the_connection(key, opening):
    kind = "request_cold" if key.startswith(("cold", "bare")) else "request_direct"
    body = draft_for(kind, key).body
    assert body.split("\n\n")[1].startswith(opening)


def test_intro_goes_to_the_mutual_connection():
    draft = draft_for("request_intro", "second")
    assert draft.body.startswith("Hi Priya,")
    assert "Kenji Halvorsen" in draft.body and "introduce" in draft.body
    assert draft.subject == "Could you introduce me to Kenji Halvorsen?"
    assert draft.forwardable.startswith("Hello Kenji, I'm Leela Varadan")
    assert "Priya" in draft.forwardable
    assert "six years in hotel operations" in draft.forwardable  # from the pitch (O4)
    assert draft.to == ""


def test_intro_without_via_or_names_uses_placeholders():
    draft = compose("request_intro", PROFILE, OBJECTIVE, Contact(connection="second"))
    assert draft.body.startswith("Hello,")
    assert "[their name]" in draft.body and "someone we both know" in draft.forwardable


def test_the_most_relevant_goal_is_used():
    objective = Objective(
        kinds=["role"],
        field_of_interest="health data",
        goals=[
            "How hospitals choose which software to buy",
            "What a typical week as a data analyst looks like",
        ],
    )
    analyst = Contact(first_name="Ana", position="Senior Data Analyst", connection="first")
    buyer = Contact(
        first_name="Bo",
        position="Procurement lead",
        organization="St. Mary's Hospital",
        connection="first",
    )
    assert (
        "especially what a typical week as a data analyst looks like"
        in compose("request_direct", PROFILE, objective, analyst).body
    )
    assert (
        "especially how hospitals choose which software to buy"
        in compose("request_direct", PROFILE, objective, buyer).body
    )


@pytest.mark.parametrize(
    "objective, expected",
    [
        (Objective(kinds=["career_path"]), "how you got to where you are now"),
        (
            Objective(kinds=["industry"], field_of_interest="urban planning"),
            "how urban planning is changing",
        ),
        (Objective(kinds=["organization"]), "what it's like to work at Innkeep Cloud"),
        (Objective(), "how you got started and what your work involves day to day"),
        (
            Objective(goals=["Learn about the licences a surveyor needs"]),
            "the licences a surveyor needs",
        ),
        (Objective(goals=["x"]), "how you got started"),
    ],
)
def test_topic_falls_back_on_the_kind_of_objective(objective, expected):
    contact = Contact(first_name="Sam", organization="Innkeep Cloud", connection="first")
    assert expected in compose("request_direct", PROFILE, objective, contact).body


def test_follow_up_and_voicemail_attempts():
    second = draft_for("follow_up", "first_linkedin", attempt=2)
    assert "following up on my note from last week" in second.body
    assert draft_for("follow_up", "first_linkedin").body == second.body  # a follow-up is >= 2
    third = draft_for("follow_up", "first_linkedin", attempt=3)
    assert "one last time" in third.body and "won't write again" in third.body
    assert draft_for("follow_up", "first_linkedin", attempt="junk").body == second.body
    first_call = draft_for("voicemail", "first_linkedin")
    assert first_call.body.count(PHONE_PLACEHOLDER) == 2
    assert "this is Leela Varadan" in first_call.body and "email" not in first_call.body
    assert "sent you an email" in draft_for("voicemail", "first_linkedin", attempt=3).body


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        compose("telegram", PROFILE, OBJECTIVE, Contact())


def test_empty_profile_gets_placeholders():
    draft = compose("request_direct", Profile(), Objective(), Contact())
    assert draft.body.startswith("Hello,") and draft.body.endswith("[your name]")
    assert "my next career step" in draft.body


# ----------------------------------------------------------------- untrusted values

HOSTILE_VALUES = {
    "first_name": "<b>Ale$$andra</b>",
    "last_name": "{{7*7}}",
    "organization": "{% raw %}Acme{% endraw %} $5M and $10M",
    "position": "Lead {{ config }}\nBcc: evil@example.com\r\n",
    "via": "Jo {% if 1 %}x{% endif %}",
    "warm_reason": "{#c#} <script>alert(1)</script>",
}
FIRST, LAST, ORG = "<b>Ale$$andra</b>", "{{7*7}}", "{% raw %}Acme{% endraw %} $5M and $10M"
POSITION, VIA, SENDER = (
    "Lead {{ config }} Bcc: evil@example.com",
    "Jo {% if 1 %}x{% endif %}",
    "Zoë ${x} O'Hara",
)
SHOWN = {  # which values each kind of draft shows (in full: none of these needs shortening)
    "request_direct": [FIRST, ORG, POSITION, VIA, SENDER, "{% raw %} goal"],
    "request_cold": [FIRST, ORG, POSITION, VIA, SENDER, "{% raw %} goal"],
    "request_intro": [FIRST, LAST, ORG, POSITION, "Jo", SENDER, "{{ 6*7 }} stuff"],
    "follow_up": [FIRST, ORG, POSITION, SENDER, "{% raw %} goal"],
    "voicemail": [FIRST, ORG, POSITION, VIA, SENDER, "{{ 6*7 }} stuff"],
    "linkedin_note": [FIRST, VIA, "Zoë"],
}


@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_hostile_values_appear_literally(kind):
    contact = Contact(connection="second", local=True, **HOSTILE_VALUES)
    profile = Profile(name=SENDER, email="zoe@example.com")
    objective = Objective(field_of_interest="{{ 6*7 }} stuff", goals=["{% raw %} goal"])
    draft = compose(kind, profile, objective, contact, linkedin_plan="premium")
    text = draft.subject + "\n" + draft.body + "\n" + draft.forwardable
    assert "49" not in text and "42" not in text and "config" not in text.replace(POSITION, "")
    for needle in SHOWN[kind]:
        assert needle in text, needle
    assert "\r" not in text and "\x00" not in text
    assert "\n" not in draft.subject and "\r" not in draft.subject
    if draft.subject and kind != "request_intro":
        assert ORG[:30] in draft.subject


@pytest.mark.parametrize("kind", ["request_direct", "request_cold", "follow_up", "request_intro"])
@pytest.mark.parametrize(
    "value",
    [
        "Acme\nBcc: evil@example.com",
        "Acme\r\nX: y",
        "Acme\x00\x1b\x07",
        "Acme\u202e\u2028moc.live",
        "Acme\t\x0b\x0c\x85 Corp",
    ],
)
def test_subject_loses_newlines_and_control_characters(kind, value):
    contact = Contact(first_name=value, last_name=value, organization=value, connection="second")
    subject = compose(kind, PROFILE, OBJECTIVE, contact).subject
    assert "Acme" in subject
    assert not any(
        ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029\u202e" for c in subject
    )


def test_literal_template_syntax_everywhere():
    literal = "{{7*7}}"
    contact = Contact(
        first_name=literal,
        last_name=literal,
        organization=literal,
        position=literal,
        via=literal,
        connection="second",
        local=True,
    )
    profile = Profile(name=literal, pitch=f"I build {literal} things every day at work.")
    objective = Objective(field_of_interest=literal, roles=[literal], goals=[literal + " goal"])
    for kind in DRAFT_KINDS:
        draft = compose(
            kind, profile, objective, contact, Organization(name=literal), linkedin_plan="premium"
        )
        assert "49" not in draft.body + draft.subject
        assert literal in draft.body


# ----------------------------------------------------------------- LinkedIn limits

LONG = "N" * 80
LONG_WORDS = "Maximiliana Alexandrovna Featherstonehaugh-Wolfeschlegelsteinhausen Von Bergen"


@pytest.mark.parametrize("plan", ["free", "premium", "unknown-plan"])
@pytest.mark.parametrize("connection", ["first", "second", "cold", ""])
@pytest.mark.parametrize("name", [LONG, LONG_WORDS, "🙂" * 80, "Amara"])
def test_linkedin_note_always_fits(plan, connection, name):
    contact = Contact(
        first_name=name,
        last_name=name,
        organization=name,
        position=name,
        via=name if connection == "second" else "",
        connection=connection,
        warm_reason=name if connection == "first" else "",
    )
    profile = Profile(name=f"{name} {name}")
    objective = Objective(field_of_interest=name, goals=[name])
    body = compose("linkedin_note", profile, objective, contact, linkedin_plan=plan).body
    limit = LINKEDIN_LIMITS.get(plan, 200)
    assert 0 < len(body.encode("utf-16-le")) // 2 <= limit
    assert linkedin_note_findings(body, plan) == []
    assert "20-minute" in body and "?" in body


def test_linkedin_premium_keeps_more():
    free = draft_for("linkedin_note", "first_linkedin")
    premium = draft_for("linkedin_note", "first_linkedin", linkedin_plan="premium")
    assert len(free.body) <= 200 < len(premium.body) <= 300
    assert "Senior UX Researcher" in premium.body
    assert draft_for("linkedin_note", "first_linkedin", linkedin_plan=" Premium ") == premium


# ----------------------------------------------------------------- any values


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    first=st.text(max_size=90),
    org=st.text(max_size=90),
    position=st.text(max_size=90),
    via=st.text(max_size=40),
    local=st.sampled_from([None, True, False]),
    plan=st.sampled_from(["free", "premium"]),
)
def test_compose_handles_any_values(first, org, position, via, local, plan):
    contact = Contact(first_name=first, organization=org, position=position, via=via, local=local)
    for kind in DRAFT_KINDS:
        draft = compose(kind, PROFILE, OBJECTIVE, contact, linkedin_plan=plan)
        assert "\n" not in draft.subject and "\r" not in draft.subject
        if kind == "linkedin_note":
            assert linkedin_note_findings(draft.body, plan) == []


# ----------------------------------------------------------------- R5 send time

TORONTO = ZoneInfo("America/Toronto")
MONDAY = datetime(2026, 6, 15)  # a week with no daylight-saving change


@pytest.mark.parametrize(
    "day, hour, minute, ok, next_day, next_is_now, said",
    [
        (0, 10, 0, False, 1, False, "Monday"),
        (1, 7, 0, True, 1, False, "morning"),
        (1, 8, 0, True, 1, True, "best"),
        (1, 10, 59, True, 1, True, "best"),
        (1, 11, 0, True, 2, False, "morning"),
        (2, 9, 30, True, 2, True, "best"),
        (2, 15, 0, True, 8, False, "morning"),
        (3, 9, 0, True, 8, False, "Tuesday and Wednesday are best"),
        (3, 11, 59, True, 8, False, "Thursday morning"),
        (3, 12, 0, False, 8, False, "Thursday afternoon"),
        (4, 10, 0, False, 8, False, "Friday"),
        (5, 10, 0, False, 8, False, "Weekend"),
        (6, 22, 0, False, 8, False, "Weekend"),
    ],
)
def test_send_time_across_the_week(day, hour, minute, ok, next_day, next_is_now, said):
    now = (MONDAY + timedelta(days=day)).replace(hour=hour, minute=minute, tzinfo=TORONTO)
    advice = send_time_advice(now, "America/Toronto")
    assert isinstance(advice, SendAdvice)
    assert advice.now_ok is ok
    assert said.lower() in advice.note.lower()
    if next_is_now:
        assert advice.next_good == now
    else:
        expected = (MONDAY + timedelta(days=next_day)).replace(hour=9, tzinfo=TORONTO)
        assert advice.next_good == expected
        assert (advice.next_good.hour, advice.next_good.minute) == (9, 0)
    assert advice.next_good.tzinfo is not None and advice.next_good >= now


def _expected_next(local: datetime) -> datetime:
    """Brute force: the first Tue/Wed 09:00 at or after ``local`` (or now, in the morning)."""
    if local.weekday() in (1, 2) and 8 <= local.hour < 11:
        return local
    for offset in range(8):
        date = (local + timedelta(days=offset)).date()
        candidate = datetime(date.year, date.month, date.day, 9, tzinfo=local.tzinfo)
        if date.weekday() in (1, 2) and candidate >= local:
            return candidate
    raise AssertionError


ZONE_WEEKS = [
    # (zone, a date in a daylight-saving week (or any week), the UTC offset of the next Tue 9:00)
    ("America/Toronto", datetime(2026, 3, 6, 15), timedelta(hours=-4)),  # DST starts 8 March
    ("America/Toronto", datetime(2026, 10, 30, 15), timedelta(hours=-5)),  # DST ends 1 November
    ("Europe/Berlin", datetime(2026, 3, 26, 14), timedelta(hours=2)),  # starts 29 March
    ("Europe/Berlin", datetime(2026, 10, 23, 16), timedelta(hours=1)),  # ends 25 October
    ("Australia/Sydney", datetime(2026, 4, 2, 15), timedelta(hours=10)),  # ends 5 April
    ("Australia/Sydney", datetime(2026, 10, 2, 15), timedelta(hours=11)),  # starts 4 October
    ("Asia/Kolkata", datetime(2026, 3, 6, 15), timedelta(hours=5, minutes=30)),
    ("UTC", datetime(2026, 10, 30, 15), timedelta(0)),
]


@pytest.mark.parametrize("zone, start, offset", ZONE_WEEKS)
def test_next_good_across_daylight_saving(zone, start, offset):
    tz = ZoneInfo(zone)
    now = start.replace(tzinfo=tz)
    advice = send_time_advice(now, zone)
    assert advice.now_ok is False
    assert advice.next_good.weekday() == 1 and advice.next_good.hour == 9
    assert advice.next_good.utcoffset() == offset
    assert advice.next_good.astimezone(UTC) == (
        advice.next_good.replace(tzinfo=None) - offset
    ).replace(tzinfo=UTC)


@pytest.mark.parametrize("zone, start, _", ZONE_WEEKS)
def test_every_hour_of_the_week_in_every_zone(zone, start, _):
    tz = ZoneInfo(zone)
    base = start.replace(hour=0, tzinfo=UTC)
    for hours in range(0, 24 * 9, 1):
        now = base + timedelta(hours=hours)
        advice = send_time_advice(now, zone)
        local = now.astimezone(tz)
        assert advice.next_good == _expected_next(local)
        assert advice.next_good.tzinfo is not None
        assert advice.next_good.utcoffset() == advice.next_good.astimezone(tz).utcoffset()
        assert advice.now_ok == (
            local.weekday() in (1, 2) or (local.weekday() == 3 and local.hour < 12)
        )


def test_aware_now_is_converted_and_naive_now_is_local():
    utc_now = datetime(2026, 6, 16, 13, 30, tzinfo=UTC)  # Tue 9:30 in Toronto
    advice = send_time_advice(utc_now, "America/Toronto")
    assert advice.now_ok and advice.next_good == utc_now
    assert advice.next_good.utcoffset() == timedelta(hours=-4)
    naive = send_time_advice(datetime(2026, 6, 16, 9, 30), "Asia/Kolkata")
    assert naive.next_good.utcoffset() == timedelta(hours=5, minutes=30)
    assert naive.next_good.hour == 9 and naive.next_good.minute == 30


@pytest.mark.parametrize(
    "tz", ["", "Mars/Olympus", "../../etc/passwd", "america/toronto\x00", None]
)
def test_unknown_zone_means_utc_and_says_so(tz):
    advice = send_time_advice(datetime(2026, 6, 15, 10, tzinfo=UTC), tz)
    assert "UTC" in advice.note and advice.next_good.utcoffset() == timedelta(0)
    assert advice.next_good == datetime(2026, 6, 16, 9, tzinfo=UTC)
