"""Mail drafts (.eml), mailto: links and calendar files (.ics) built from untrusted text.

Every test parses the output back with the real parser (the email package, urllib,
icalendar) and checks that no header, recipient or event was added, whatever the input.
"""

from __future__ import annotations

import email
import email.header
import email.policy
import email.utils
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples
from icalendar import Calendar

from infoint.events import Reminder
from infoint.exports import (
    MAILTO_SHORTENED_NOTE,
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


@settings(max_examples=examples(300), deadline=None)
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


@settings(max_examples=examples(200), deadline=None)
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
        # a Han name is not dropped (every draft would be "thanks.eml"): a stand-in
        ("山田 太郎", "thanks", "thanks_contact-ed6d53c9.eml"),
        ("", "", "draft.eml"),
        ("CON", "", "CON.eml"),
    ],
)
def test_eml_filename(name, kind, expected):
    assert eml_filename(name, kind) == expected


def test_eml_filename_of_a_han_name_is_the_contact_s_and_apart_from_another_s():
    assert eml_filename("王芳", "request-direct", contact_id=12) == "request-direct_contact-12.eml"
    assert eml_filename("王芳", "request-direct") != eml_filename("李娜", "request-direct")
    assert eml_filename("王芳", "thanks").isascii()
    assert eml_filename("Wang 芳", "thanks", contact_id=12) == "thanks_Wang.eml"  # ASCII kept


def test_eml_filename_is_short_and_plain():
    name = eml_filename("A" * 200 + " " + "b" * 200, "follow_up")
    assert len(name) <= 60 and name.endswith(".eml") and re.fullmatch(r"[A-Za-z0-9_-]+\.eml", name)


# ------------------------------------------------------------------ mailto:


def split_mailto(url: str) -> tuple[str, list[tuple[str, str]]]:
    """The address and the query's (name, value) pairs in order; no fragment, no host."""
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and not parts.fragment and not parts.netloc
    return unquote(parts.path), parse_qsl(parts.query, keep_blank_values=True, strict_parsing=True)


def mailto_fields(url: str) -> tuple[str, dict[str, list[str]]]:
    """The address and each query name with all its values (what ``parse_qs`` gives)."""
    address, pairs = split_mailto(url)
    fields: dict[str, list[str]] = {}
    for name, value in pairs:
        fields.setdefault(name, []).append(value)
    return address, fields


def test_mailto_encodes_everything_after_the_address():
    url, truncated = mailto_link(
        "ana@example.com", "Coffee & questions?", "Hi Ana,\nA=B & C? #1 100%\n\nMia"
    )
    assert not truncated
    assert url.startswith("mailto:ana@example.com?subject=Coffee%20%26%20questions%3F&body=")
    address, query = mailto_fields(url)
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
    address, query = mailto_fields(url)
    assert address == ""
    assert url.startswith("mailto:?subject=")
    assert set(query) == {"subject", "body"} and all(len(v) == 1 for v in query.values())
    assert query["subject"] == ["s bcc: evil@y.com"] and query["body"] == ["b&cc=evil@y.com"]


@pytest.mark.parametrize("word", ["word", "mot-é", "山田", "🙂x"])
def test_long_bodies_are_cut_on_a_word_under_the_limit(word):
    body = " ".join(f"{word}{i}" for i in range(2000))
    url, truncated = mailto_link("ana@example.com", "Subject", body)
    assert truncated and len(url) <= 1800
    _, query = mailto_fields(url)
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
    assert mailto_fields(url)[1]["body"][0].endswith(MAILTO_SHORTENED_NOTE)


def test_short_body_is_not_truncated():
    url, truncated = mailto_link("ana@example.com", "Hi", "short")
    assert not truncated and url == "mailto:ana@example.com?subject=Hi&body=short"


@settings(max_examples=examples(150), deadline=None)
@given(st.text(max_size=60), st.text(max_size=200), st.text(max_size=3000))
def test_mailto_any_text(to, subject, body):
    url, truncated = mailto_link(to, subject, body)
    assert len(url) <= 1800
    address, query = mailto_fields(url)
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
    for event, reminder in zip(events, reminders(), strict=True):
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
    # the local wall clock is kept (13:00 UTC in summer is 09:00 in Toronto; 14:00 UTC in
    # November is 09:00)
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


@settings(max_examples=examples(150), deadline=None)
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
    for event, reminder in zip(events, rems, strict=True):
        expected = clean_header(reminder.summary, 500)
        if (
            "\\n" not in expected.lower()
        ):  # icalendar's reader turns an escaped backslash + N into a newline
            assert str(event["SUMMARY"]) == expected
        assert str(event["UID"]) == calendar_uid(reminder.uid_seed)


def test_a_literal_backslash_n_stays_inside_its_property():
    # icalendar reads a literal backslash + N as an escaped line break; it must never start a
    # new property.
    data = ics_reminders(
        [Reminder("s", "a\\Nb\\nEND:VEVENT", "d", datetime(2026, 3, 8, 1, 30, tzinfo=TORONTO))], TZ
    )
    lines = data.split(b"\r\n")
    assert sum(line.startswith(b"SUMMARY:") for line in lines) == 1
    assert lines.count(b"END:VEVENT") == 1


# ================================================================== every field at once
# Adversarial tests of the mail and calendar exports over ALL their fields at once. Covered by
# the tests above, not repeated here:
#   .eml     test_names_and_subjects_never_add_headers (names and subject, fixed list),
#            test_invalid_addresses_give_an_empty_header (to and sender, fixed list),
#            test_body_keeps_text_and_loses_control_characters,
#            test_any_text_gives_the_same_header_set (hypothesis: names, subject, body),
#            test_any_text_as_address_never_adds_a_recipient (hypothesis: to and sender).
#   mailto:  test_mailto_never_gains_a_recipient (hostile "to" with hostile subject/body),
#            test_mailto_any_text (hypothesis: to, subject, body; at most one recipient).
#   .ics     test_meeting_invite (one fixed hostile summary and location),
#            test_any_text_keeps_one_vevent_per_reminder (hypothesis: seed, summary, description),
#            test_a_literal_backslash_n_stays_inside_its_property.
# Missing above and added below: every control character in every .eml field; hypothesis over all
# six .eml fields together with hostile fragments; hostile subject/body with a VALID address in
# mailto: (exactly one recipient, only subject and body); the .ics meeting file (location
# included) and reminders checked line by line after unfolding, with hypothesis over every field.


CONTROLS = (
    [chr(c) for c in range(0x20)]
    + ["\x7f"]
    + [chr(c) for c in range(0x80, 0xA0)]
    + ["\u2028", "\u2029", "\u202e", "\u2066", "\ufeff"]
)
INJECTIONS = [
    "\r\nBcc: evil@x.com",
    "\nBcc: evil@x.com",
    "\rBcc: evil@x.com",
    "\r\n\r\nfake body",
    "\nX-Injected: 1",
    "\r\n Bcc: evil@x.com",
    "\u2028Bcc: evil@x.com",
    "\x85Bcc: evil@x.com",
    "\x0bCc: evil@x.com",
    "\x0cTo: evil@x.com",
    "=?utf-8?q?=0D=0ABcc:_evil@x.com?=",
    "=?utf-8?b?DQpCY2M6IGV2aWxAeC5jb20=?=",
    ", evil@x.com",
    "; evil@x.com",
    "<evil@x.com>",
    '"evil" <evil@x.com>',
    "?cc=evil@x.com",
    "&bcc=evil@x.com",
    "%0ABcc:evil@x.com",
    "%0D%0A",
    "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected",
    "\nDTSTART:19700101T000000Z",
    "\\nEND:VEVENT",
    "\\NATTENDEE:x",
    "\r\nATTENDEE:mailto:evil@x.com",
    "\r\n ORGANIZER:mailto:evil@x.com",
    ";TZID=evil:",
    ":",
    ";",
    ",",
    "\\",
]
hostile = st.lists(
    st.one_of(st.text(max_size=12), st.sampled_from(INJECTIONS), st.sampled_from(CONTROLS)),
    max_size=6,
).map("".join)
address = st.one_of(
    st.sampled_from(["ana@example.com", "me@example.org", "o'brien@example.ie", "ana@bücher.de"]),
    hostile,
    st.sampled_from(["ana@example.com", "me@example.org"]).flatmap(
        lambda a: st.sampled_from(INJECTIONS).map(lambda i: a + i)
    ),
)


def eml_header_lines(data: bytes) -> list[bytes]:
    head = data.split(b"\n\n", 1)[0] if b"\r\n\r\n" not in data else data.split(b"\r\n\r\n", 1)[0]
    return head.splitlines()


def mailboxes(data: bytes, field: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(display name, address) pairs of a header as the default-policy parser and as
    ``email.utils.getaddresses`` (the classic parser most tools use) read the raw header."""
    try:
        parsed = [(a.display_name, a.addr_spec) for a in parse(data)[field].addresses]
    except (
        AttributeError,
        IndexError,
        ValueError,
    ) as exc:  # e.g. a group "Bcc: a@x, b@y;" appeared
        parsed = [("<parse error>", f"{type(exc).__name__}: {exc}")]
    raw = email.message_from_bytes(data, policy=email.policy.compat32)[field] or ""
    return parsed, [pair for pair in email.utils.getaddresses([str(raw)]) if any(pair)]


def check_eml(data: bytes, *, sender, sender_name, to, to_name, subject) -> None:
    message = parse(data)
    assert sorted(k.lower() for k in message.keys()) == EXPECTED_HEADERS
    assert not message.defects
    names = [
        line.split(b":", 1)[0].lower()
        for line in eml_header_lines(data)
        if line[:1] not in (b" ", b"\t")
    ]
    assert sorted(n.decode() for n in names) == EXPECTED_HEADERS  # raw: no extra header line either
    for field, addr, name in (("To", to, to_name), ("From", sender, sender_name)):
        clean = clean_address(addr)
        parsed, classic = mailboxes(data, field)
        assert [a for _, a in parsed] == ([clean] if clean else []), (
            f"{field} header recipients: {parsed}"
        )
        assert [a for _, a in classic] == ([clean] if clean else []), (
            f"{field} header recipients (getaddresses): {classic}"
        )
        if clean:
            # Python's address parser (not the draft) adds a space between two encoded words of a
            # long non-ASCII display name; RFC 2047 mail clients join them. Compare without spaces.
            assert parsed[0][0].replace(" ", "") == clean_header(name, 120).replace(" ", "")
    # A folded Subject can come back with the fold's leading space; mail clients drop it.
    assert str(message["Subject"]).lstrip() == clean_header(subject)
    assert message.get_content_type() == "text/plain" and not message.is_multipart()


@pytest.mark.parametrize("field", ["sender", "sender_name", "to", "to_name", "subject", "body"])
@pytest.mark.parametrize("control", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_a_control_character_in_any_eml_field_never_adds_a_header(field, control):
    values = dict(
        sender="me@example.org",
        sender_name="Mia Chen",
        to="ana@example.com",
        to_name="Ana Silva",
        subject="A question",
        body="Hello Ana,\n\nThanks.",
    )
    values[field] = (
        values[field] + control + "Bcc: evil@x.com" + control + control + "X-Injected: 1"
    )
    data = eml_draft(**values)
    check_eml(data, **{k: v for k, v in values.items() if k != "body"})
    assert b"evil@x.com" not in b"\n".join(eml_header_lines(data)).lower() or field in (
        "sender_name",
        "to_name",
        "subject",
    )


LONG_NAME_ATTACK = (
    "Ana Silva <ana@example.com>, Bcc: attacker@evil.example, other@evil.example, x@evil.example"
)
FOUND_BY_HYPOTHESIS = (
    "\r\nBcc: evil@x.com\r\nBcc: evil@x.com=?utf-8?q?=0D=0ABcc:_evil@x.com?=0000000000;"
)


@pytest.mark.parametrize(
    "name",
    [
        LONG_NAME_ATTACK,
        FOUND_BY_HYPOTHESIS,
        "Silva, Ana; Senior UX Researcher: Harbourline Hotels, Toronto, met at CHI 2025",
    ],
)
@pytest.mark.parametrize("field", ["to_name", "sender_name"])
def test_a_long_display_name_with_commas_or_colons_never_adds_a_recipient(field, name):
    """A display name too long for one header line is folded by the email package; the quotes
    around it must survive, or its commas, colons and addresses become recipients."""
    values = dict(
        sender="me@example.org",
        sender_name="Mia Chen",
        to="ana@example.com",
        to_name="Ana Silva",
        subject="s",
        body="b",
    )
    values[field] = name
    data = eml_draft(**values)
    check_eml(data, **{k: v for k, v in values.items() if k != "body"})


@pytest.mark.parametrize(
    "subject",
    [
        "Merci pour votre temps et vos conseils sur la recherche UX chez Hôtels Harbourline, "
        "à bientôt",
        "Gracias por su tiempo: una pregunta sobre la investigación de usuarios en Hoteles "
        "Harbourline, señora Núñez",
    ],
)
def test_a_long_subject_with_accents_keeps_its_spaces(subject):
    """A subject longer than one header line is folded into encoded words; a space between two
    words must survive in every RFC 2047 reader (here: both of Python's parsers)."""
    data = eml_draft(
        sender="me@example.org",
        sender_name="Mia",
        to="ana@example.com",
        to_name="Ana",
        subject=subject,
        body="b",
    )
    assert str(parse(data)["Subject"]).lstrip() == subject
    raw = email.message_from_bytes(data, policy=email.policy.compat32)["Subject"]
    assert str(email.header.make_header(email.header.decode_header(raw))) == subject


@settings(max_examples=examples(400), deadline=None)
@given(
    sender=address, sender_name=hostile, to=address, to_name=hostile, subject=hostile, body=hostile
)
@example(
    sender="ana@example.com",
    sender_name="",
    to="ana@example.com",
    to_name=FOUND_BY_HYPOTHESIS,
    subject="",
    body="",
)
def test_any_text_in_every_eml_field_keeps_the_header_set(
    sender, sender_name, to, to_name, subject, body
):
    data = eml_draft(
        sender=sender, sender_name=sender_name, to=to, to_name=to_name, subject=subject, body=body
    )
    check_eml(data, sender=sender, sender_name=sender_name, to=to, to_name=to_name, subject=subject)
    content = parse(data).get_content()
    assert "\r" not in content.replace("\r\n", "\n")  # the body's line breaks are uniform
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in content.replace("\r\n", "\n"))


MAILTO_TRICKS = [
    ",evil@x.com",
    ";evil@x.com",
    "?cc=evil@x.com",
    "&bcc=evil@x.com",
    "&to=evil@x.com",
    "%0ABcc:evil@x.com",
    "%0D%0Abcc:evil@x.com",
    "\nbcc:evil@x.com",
    "\r\ncc:evil@x.com",
    "#frag",
    "%2C evil@x.com",
    "?",
    "&",
    "=",
    "%",
]


@pytest.mark.parametrize("trick", MAILTO_TRICKS)
def test_mailto_subject_and_body_never_add_a_recipient_or_parameter(trick):
    subject, body = "Coffee" + trick, "Hi" + trick + "\nend" + trick
    url, truncated = mailto_link("ana@example.com", subject, body)
    assert not truncated
    recipient, params = split_mailto(url)
    assert recipient == "ana@example.com"
    assert [k for k, _ in params] == ["subject", "body"]
    assert dict(params) == {
        "subject": clean_header(subject),
        "body": ("Hi" + trick + "\nend" + trick).replace("\r\n", "\n").replace("\n", "\r\n"),
    }


@pytest.mark.parametrize("trick", MAILTO_TRICKS)
def test_mailto_address_with_a_trick_gives_no_recipient(trick):
    url, _ = mailto_link("ana@example.com" + trick, "s", "b")
    recipient, params = split_mailto(url)
    assert recipient == "" and [k for k, _ in params] == ["subject", "body"]


@settings(max_examples=examples(300), deadline=None)
@given(to=address, subject=hostile, body=hostile)
def test_mailto_any_fields_exactly_one_recipient_when_valid(to, subject, body):
    url, _ = mailto_link(to, subject, body)
    recipient, params = split_mailto(url)
    clean = clean_address(to)
    assert recipient == clean
    assert len([r for r in re.split(r"[,;]", recipient) if r]) == (1 if clean else 0)
    assert [k for k, _ in params] == ["subject", "body"]
    assert params[0][1] == clean_header(subject)
    assert not any(ord(ch) < 33 or ord(ch) > 126 for ch in url)


EVENT_PROPERTIES = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION"}
ALARM_PROPERTIES = {"ACTION", "DESCRIPTION", "TRIGGER"}


def ics_lines(data: bytes) -> list[str]:
    """Content lines after unfolding (RFC 5545 3.1), every line checked to end in CRLF."""
    text = data.decode("utf-8")
    assert (
        text.endswith("\r\n")
        and "\r" not in text.replace("\r\n", "")
        and "\n" not in text.replace("\r\n", "")
    )
    return re.sub(r"\r\n[ \t]", "", text).split("\r\n")[:-1]


def ics_structure(data: bytes) -> list[tuple[str, list[str]]]:
    """Each VEVENT and VALARM with its property names, from the raw lines (not icalendar's
    reader)."""
    stack, found = [], []
    for line in ics_lines(data):
        name = re.match(r"[A-Za-z0-9-]+", line)
        assert name, line
        name = name.group(0).upper()
        if name == "BEGIN":
            stack.append((line.split(":", 1)[1], []))
        elif name == "END":
            component, props = stack.pop()
            assert line.split(":", 1)[1] == component
            found.append((component, props))
        else:
            stack[-1][1].append(name)
    assert stack == []
    return found


def check_ics(data: bytes, events: int, with_location: list[bool]) -> None:
    structure = ics_structure(data)
    vevents = [props for comp, props in structure if comp == "VEVENT"]
    alarms = [props for comp, props in structure if comp == "VALARM"]
    assert [
        comp for comp, _ in structure if comp not in ("STANDARD", "DAYLIGHT", "VTIMEZONE")
    ].count("VCALENDAR") == 1
    assert {comp for comp, _ in structure} <= {
        "VCALENDAR",
        "VEVENT",
        "VALARM",
        "VTIMEZONE",
        "STANDARD",
        "DAYLIGHT",
    }
    assert len(vevents) == events and len(alarms) == events
    for props, located in zip(vevents, with_location, strict=True):
        assert sorted(props) == sorted(EVENT_PROPERTIES - (set() if located else {"LOCATION"}))
    for props in alarms:
        assert sorted(props) == sorted(ALARM_PROPERTIES)
    assert len(Calendar.from_ical(data).walk("VEVENT")) == events


@settings(max_examples=examples(300), deadline=None)
@given(uid_seed=hostile, summary=hostile, description=hostile, location=hostile)
def test_any_text_in_every_meeting_field_keeps_one_event(uid_seed, summary, description, location):
    start = datetime(2026, 3, 9, 10, 0, tzinfo=ZoneInfo(TZ))
    data = ics_event(
        uid_seed=uid_seed,
        summary=summary,
        description=description,
        start=start,
        minutes=30,
        tz=TZ,
        location=location,
    )
    check_ics(data, 1, [bool(clean_header(location, 500))])
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["UID"]) == calendar_uid(uid_seed)
    assert event["DTSTART"].dt == start and event["DTEND"].dt == start + timedelta(minutes=30)
    assert "ORGANIZER" not in event and "ATTENDEE" not in event


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.tuples(hostile, hostile, hostile), min_size=1, max_size=3))
def test_any_text_in_every_reminder_field_keeps_one_event_each(items):
    start = datetime(2026, 11, 1, 1, 30, tzinfo=UTC)
    rems = [
        Reminder(seed, summary, description, start + timedelta(days=i))
        for i, (seed, summary, description) in enumerate(items)
    ]
    data = ics_reminders(rems, TZ)
    check_ics(data, len(rems), [False] * len(rems))


@pytest.mark.parametrize("injection", INJECTIONS)
@pytest.mark.parametrize("field", ["uid_seed", "summary", "description", "location"])
def test_each_injection_in_each_meeting_field(field, injection):
    values = dict(uid_seed="meeting:1", summary="Interview", description="Notes", location="Café")
    values[field] = values[field] + injection + "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:x"
    data = ics_event(start=datetime(2026, 3, 9, 10, 0), minutes=30, tz=TZ, **values)
    check_ics(data, 1, [True])
