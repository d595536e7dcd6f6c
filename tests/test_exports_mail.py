"""Mail drafts (.eml), mailto: links and calendar files (.ics) built from untrusted text.

Every test parses the output back with the real parser (the email package, urllib,
icalendar) and checks that no header, recipient or event was added, whatever the input.
"""

from __future__ import annotations

import email
import email.policy
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from infoint.exports import (
    MAILTO_SHORTENED_NOTE,
    Reminder,
    calendar_uid,
    clean_address,
    clean_header,
    eml_draft,
    eml_filename,
    ics_event,
    ics_reminders,
    mailto_link,
)

EXPECTED_HEADERS = [
    "content-transfer-encoding",
    "content-type",
    "date",
    "from",
    "message-id",
    "mime-version",
    "subject",
    "to",
    "x-unsent",
]
NASTY = [
    "Ana\r\nBcc: evil@x.com",
    "Ana\nBcc: evil@x.com",
    "Ana\rBcc: evil@x.com",
    "Ana\x00Silva",
    "=?utf-8?q?=0D=0ABcc:_evil@x.com?=",
    "=?utf-8?b?DQpCY2M6IGV2aWxAeC5jb20=?=",
    'Zoë "the boss" O\'Brien, PhD <ceo@x.com>',
    "José Müller-Łukasz 山田 太郎 🙂",
    "$5M and $10M",
    "<img src=x onerror=alert(1)>",
    "\u202egnp.exe\u2028Bcc: evil@x.com\u0085x",
    '\\\\ back \\ slash "',
    "",
    "   ",
    "x" * 2000,
    "word " * 300,
]


def parse(data: bytes):
    return email.message_from_bytes(data, policy=email.policy.default)


def draft(**overrides) -> bytes:
    values = dict(
        sender="me@example.org",
        sender_name="Mia Chen",
        to="ana@example.com",
        to_name="Ana Silva",
        subject="A question about your work",
        body="Hello Ana,\n\nThanks.",
    )
    values.update(overrides)
    return eml_draft(**values)


def header_names(message) -> list[str]:
    return sorted(k.lower() for k in message.keys())


# ------------------------------------------------------------------ .eml


def test_draft_has_the_expected_headers_and_body():
    when = datetime(2026, 3, 3, 15, 0, tzinfo=UTC)
    message = parse(draft(when=when, body="Hello Ana,\r\n\r\nDo you have 20 minutes? Café ☕"))
    assert header_names(message) == EXPECTED_HEADERS
    assert message["X-Unsent"] == "1"
    assert message["From"].addresses[0].addr_spec == "me@example.org"
    assert message["From"].addresses[0].display_name == "Mia Chen"
    assert message["To"].addresses[0].addr_spec == "ana@example.com"
    assert message["Subject"] == "A question about your work"
    assert message["Date"].datetime == when
    assert message["Message-ID"].endswith("@infoint.local>")
    assert message.get_content_type() == "text/plain" and message.get_content_charset() == "utf-8"
    assert message.get_content() == "Hello Ana,\n\nDo you have 20 minutes? Café ☕\n"


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_names_and_subjects_never_add_headers(text):
    data = draft(sender_name=text, to_name=text, subject=text)
    message = parse(data)
    assert header_names(message) == EXPECTED_HEADERS
    assert message["To"].addresses[0].addr_spec == "ana@example.com"
    assert message["From"].addresses[0].addr_spec == "me@example.org"
    assert message["To"].addresses[0].display_name == clean_header(text, 120)
    assert str(message["Subject"]) == clean_header(text)
    for line in data.split(b"\r\n\r\n" if b"\r\n\r\n" in data else b"\n\n", 1)[0].splitlines():
        assert not line.lower().startswith(b"bcc") and b"\x00" not in line


@pytest.mark.parametrize(
    "address",
    [
        "a@x.com\r\nBcc: evil@x.com",
        "a@x.com\nBcc: evil@x.com",
        "a@x.com,b@y.com",
        "a@x.com;b@y.com",
        "a@x.com?cc=evil@y.com",
        "a@x.com%0Abcc:evil",
        "Ana <a@x.com>",
        "a b@x.com",
        "no-at-sign",
        "a@@x.com",
        "a@x",
        "@x.com",
        "a@",
        ".a@x.com",
        "a..b@x.com",
        "josé@example.org",
        "",
        "a@x.com\x00",
    ],
)
def test_invalid_addresses_give_an_empty_header(address):
    assert clean_address(address) == ""
    message = parse(draft(to=address, sender=address))
    assert header_names(message) == EXPECTED_HEADERS
    assert str(message["To"]) == "" and str(message["From"]) == ""


@pytest.mark.parametrize(
    "address, expected",
    [
        ("ana@example.com", "ana@example.com"),
        ("  Ana.Silva+jobs@Example.COM ", "Ana.Silva+jobs@example.com"),
        ("o'brien@example.ie", "o'brien@example.ie"),
        ("ana@bücher.de", "ana@xn--bcher-kva.de"),
    ],
)
def test_valid_addresses(address, expected):
    assert clean_address(address) == expected
    assert parse(draft(to=address))["To"].addresses[0].addr_spec == expected


def test_body_keeps_text_and_loses_control_characters():
    body = "Line one\r\nLine two\rLine three\x00\x07\tend ?&=#%0A\n" + "long " * 400
    message = parse(draft(body=body))
    content = message.get_content()
    assert (
        "Line one\nLine two\nLine three\tend ?&=#%0A\n" in content
        and "\x00" not in content
        and "\x07" not in content
    )
    assert header_names(message) == EXPECTED_HEADERS


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200), st.text(max_size=300), st.text(max_size=500))
def test_any_text_gives_the_same_header_set(sender_name, to_name, subject, body):
    message = parse(draft(sender_name=sender_name, to_name=to_name, subject=subject, body=body))
    assert header_names(message) == EXPECTED_HEADERS
    assert [a.addr_spec for a in message["To"].addresses] == ["ana@example.com"]
    assert [a.addr_spec for a in message["From"].addresses] == ["me@example.org"]
    assert str(message["Subject"]) == clean_header(subject)
    # Python's address parser (not the draft) adds a space between two encoded words of a long
    # non-ASCII display name; RFC 2047 mail clients join them. Compare without spaces.
    shown = message["To"].addresses[0].display_name
    assert shown.replace(" ", "") == clean_header(to_name, 120).replace(" ", "")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_as_address_never_adds_a_recipient(text):
    message = parse(draft(to=text, sender=text))
    assert header_names(message) == EXPECTED_HEADERS
    assert len(message["To"].addresses) <= 1 and len(message["From"].addresses) <= 1


@pytest.mark.parametrize(
    "name, kind, expected",
    [
        ("Ana Silva", "request", "request_Ana-Silva.eml"),
        ("Zoë O'Brien <script>", "thanks", "thanks_Zoe-O-Brien-script.eml"),
        ("../../etc/passwd", "request", "request_etc-passwd.eml"),
        ("山田 太郎", "thanks", "thanks.eml"),
        ("", "", "draft.eml"),
        ("CON", "", "CON.eml"),
    ],
)
def test_eml_filename(name, kind, expected):
    assert eml_filename(name, kind) == expected


def test_eml_filename_is_short_and_plain():
    name = eml_filename("A" * 200 + " " + "b" * 200, "follow_up")
    assert len(name) <= 60 and name.endswith(".eml") and re.fullmatch(r"[A-Za-z0-9_-]+\.eml", name)


# ------------------------------------------------------------------ mailto:


def split_mailto(url: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    return unquote(parts.path), parse_qs(parts.query, keep_blank_values=True)


def test_mailto_encodes_everything_after_the_address():
    url, truncated = mailto_link(
        "ana@example.com", "Coffee & questions?", "Hi Ana,\nA=B & C? #1 100%\n\nMia"
    )
    assert not truncated
    assert url.startswith("mailto:ana@example.com?subject=Coffee%20%26%20questions%3F&body=")
    address, query = split_mailto(url)
    assert address == "ana@example.com"
    assert query == {
        "subject": ["Coffee & questions?"],
        "body": ["Hi Ana,\r\nA=B & C? #1 100%\r\n\r\nMia"],
    }
    assert "\n" not in url and " " not in url


@pytest.mark.parametrize(
    "to",
    [
        "a@x.com,b@y.com",
        "a@x.com?cc=evil@y.com",
        "a@x.com%0Abcc:evil",
        "a@x.com;b@y.com",
        "a@x.com&cc=evil@y.com",
        "a@x.com\r\nbcc: evil@y.com",
        "a@x.com\nb@y.com",
        "Ana <a@x.com>",
        "javascript:alert(1)",
        "a@x.com#frag",
    ],
)
def test_mailto_never_gains_a_recipient(to):
    url, _ = mailto_link(to, "s\r\nbcc: evil@y.com", "b&cc=evil@y.com")
    address, query = split_mailto(url)
    assert address == ""
    assert url.startswith("mailto:?subject=")
    assert set(query) == {"subject", "body"} and all(len(v) == 1 for v in query.values())
    assert query["subject"] == ["s bcc: evil@y.com"] and query["body"] == ["b&cc=evil@y.com"]


@pytest.mark.parametrize("word", ["word", "mot-é", "山田", "🙂x"])
def test_long_bodies_are_cut_on_a_word_under_the_limit(word):
    body = " ".join(f"{word}{i}" for i in range(2000))
    url, truncated = mailto_link("ana@example.com", "Subject", body)
    assert truncated and len(url) <= 1800
    _, query = split_mailto(url)
    text = query["body"][0]
    assert text.endswith(MAILTO_SHORTENED_NOTE)
    kept = text[: -len(MAILTO_SHORTENED_NOTE)].rstrip("\r\n")
    assert body.startswith(kept) and body[len(kept)] == " "  # cut between two words
    assert len(kept) > 20


@pytest.mark.parametrize("limit", [300, 500, 1000, 1800, 4000])
def test_mailto_respects_any_reasonable_limit(limit):
    url, truncated = mailto_link(
        "ana@example.com", "Subject " * 100, "body " * 2000, max_length=limit
    )
    assert truncated and len(url) <= limit
    assert split_mailto(url)[1]["body"][0].endswith(MAILTO_SHORTENED_NOTE)


def test_short_body_is_not_truncated():
    url, truncated = mailto_link("ana@example.com", "Hi", "short")
    assert not truncated and url == "mailto:ana@example.com?subject=Hi&body=short"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60), st.text(max_size=200), st.text(max_size=3000))
def test_mailto_any_text(to, subject, body):
    url, truncated = mailto_link(to, subject, body)
    assert len(url) <= 1800
    address, query = split_mailto(url)
    assert address in ("", clean_address(to))
    assert set(query) <= {"subject", "body"} and all(len(v) == 1 for v in query.values())
    assert not any(ord(ch) < 33 or ord(ch) > 126 for ch in url)


# ------------------------------------------------------------------ .ics

TZ = "America/Toronto"
TORONTO = ZoneInfo(TZ)
EVIL = "Call Ana END:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected"


def reminders() -> list[Reminder]:
    return [
        Reminder(
            "follow_up:1",
            "Follow up with Ana",
            "Send a short follow-up.",
            datetime(2026, 3, 10, 9, tzinfo=TORONTO),
        ),
        Reminder(
            "thanks:2",
            EVIL,
            "Line 1\nEND:VEVENT\r\nBEGIN:VEVENT\nDTSTART:19700101T000000Z; a, b \\ c\x00\x1b",
            datetime(2026, 11, 2, 14, 0, tzinfo=UTC),
            minutes=30,
            alarm_minutes_before=1440,
        ),
        Reminder("update:3", "Café ☕ $5 <b>", "", datetime(2026, 7, 1, 12, tzinfo=TORONTO)),
    ]


def test_one_vevent_per_reminder_with_uid_dtstamp_and_time_zone():
    data = ics_reminders(reminders(), TZ)
    assert data.count(b"\r\nBEGIN:VEVENT\r\n") == 3 and data.count(b"\r\nEND:VEVENT\r\n") == 3
    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0" and "infoint" in str(calendar["PRODID"])
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [TZ]
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    for event, reminder in zip(events, reminders()):
        assert str(event["UID"]) == calendar_uid(reminder.uid_seed)
        assert event["DTSTAMP"].dt.utcoffset() == timedelta(0)
        assert event["DTSTART"].params["TZID"] == TZ and event["DTEND"].params["TZID"] == TZ
        assert event["DTSTART"].dt == reminder.start
        assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(minutes=reminder.minutes)
        assert str(event["SUMMARY"]) == clean_header(reminder.summary, 500)
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY" and alarm["TRIGGER"].dt == -timedelta(
            minutes=reminder.alarm_minutes_before
        )
    assert (
        str(events[1]["DESCRIPTION"])
        == "Line 1\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART:19700101T000000Z; a, b \\ c"
    )
    # the local wall clock is kept (13:00 UTC in summer is 09:00 in Toronto; 14:00 UTC in November is 09:00)
    assert (
        events[1]["DTSTART"].dt.astimezone(TORONTO).hour == 9 and events[2]["DTSTART"].dt.hour == 12
    )


def test_uids_are_stable_and_distinct():
    first = Calendar.from_ical(ics_reminders(reminders(), TZ)).walk("VEVENT")
    second = Calendar.from_ical(ics_reminders(reminders(), TZ)).walk("VEVENT")
    uids = [str(e["UID"]) for e in first]
    assert uids == [str(e["UID"]) for e in second] and len(set(uids)) == 3
    assert all(uid.endswith("@infoint.local") for uid in uids)


def test_meeting_invite():
    start = datetime(2026, 3, 9, 10, 0, tzinfo=TORONTO)  # the day after the spring change
    data = ics_event(
        uid_seed="meeting:4",
        summary="Informational interview with Ana\r\nEND:VEVENT",
        description="Ask about the team.\nBring: photo ID",
        start=start,
        minutes=30,
        tz=TZ,
        location="Café Olimpico, 124 Rue Saint-Viateur O; Montréal",
    )
    calendar = Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    assert [str(t["TZID"]) for t in calendar.walk("VTIMEZONE")] == [TZ]
    assert event["DTSTART"].dt == start and event["DTSTART"].params["TZID"] == TZ
    assert event["DTEND"].dt == start + timedelta(minutes=30)
    assert str(event["LOCATION"]) == "Café Olimpico, 124 Rue Saint-Viateur O; Montréal"
    assert str(event["SUMMARY"]) == "Informational interview with Ana END:VEVENT"
    assert "UID" in event and "DTSTAMP" in event and event.walk("VALARM")
    assert "ORGANIZER" not in event and "ATTENDEE" not in event


def test_utc_and_unknown_zones_write_utc_times():
    start = datetime(2026, 3, 9, 10, 0, tzinfo=TORONTO)
    for tz in ("UTC", "", "Not/AZone"):
        data = ics_event(uid_seed="m", summary="s", description="d", start=start, minutes=20, tz=tz)
        (event,) = Calendar.from_ical(data).walk("VEVENT")
        assert b"DTSTART:20260309T140000Z" in data and event["DTSTART"].dt == start


def test_naive_start_means_the_users_local_time():
    data = ics_event(
        uid_seed="m", summary="s", description="d", start=datetime(2026, 7, 1, 9), minutes=20, tz=TZ
    )
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert event["DTSTART"].dt == datetime(2026, 7, 1, 9, tzinfo=TORONTO)


def test_empty_reminder_list_is_a_valid_calendar():
    calendar = Calendar.from_ical(ics_reminders([], TZ))
    assert calendar.walk("VEVENT") == []


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(max_size=40), st.text(max_size=120), st.text(max_size=300)),
        min_size=1,
        max_size=4,
    )
)
def test_any_text_keeps_one_vevent_per_reminder(items):
    start = datetime(2026, 3, 8, 1, 30, tzinfo=TORONTO)
    rems = [
        Reminder(seed, summary, description, start + timedelta(days=i))
        for i, (seed, summary, description) in enumerate(items)
    ]
    data = ics_reminders(rems, TZ)
    events = Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == len(rems)
    assert sum(1 for line in data.split(b"\r\n") if line == b"BEGIN:VEVENT") == len(rems)
    for event, reminder in zip(events, rems):
        expected = clean_header(reminder.summary, 500)
        if (
            "\\n" not in expected.lower()
        ):  # icalendar's reader turns an escaped backslash + N into a newline
            assert str(event["SUMMARY"]) == expected
        assert str(event["UID"]) == calendar_uid(reminder.uid_seed)


def test_a_literal_backslash_n_stays_inside_its_property():
    # icalendar reads a literal backslash + N as an escaped line break; it must never start a new property.
    data = ics_reminders(
        [Reminder("s", "a\\Nb\\nEND:VEVENT", "d", datetime(2026, 3, 8, 1, 30, tzinfo=TORONTO))], TZ
    )
    lines = data.split(b"\r\n")
    assert sum(line.startswith(b"SUMMARY:") for line in lines) == 1
    assert lines.count(b"END:VEVENT") == 1


# ------------------------------------------------------------------ light imports


def test_importing_exports_and_pipeline_stays_light():
    probe = (
        "import sys, json, infoint.exports, infoint.pipeline\n"
        "print(json.dumps([m for m in ('pandas', 'ipywidgets', 'matplotlib', 'jsonschema', 'nbformat', 'icalendar') if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
