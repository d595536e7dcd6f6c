"""Privacy-graded sharing: the levels, the one derivation of the figures, and what leaves.

The central test fills a workspace with the demo persona through all six steps plus people,
organizations, notes, questions, goals, thank-you specifics and a course with hostile text
(control characters, CR and LF among them), exports a counts-only report and a workshop card,
and searches both for every text the workspace holds (raw, escaped, JSON-escaped and with
control characters dropped): none is there. The search is complete by construction: every
text value of every column of every table (the meta table's values and the events' data
included), minus the workbook's own words, so a column added later is searched too.
"""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from browser_support import full_demo

from infoint import pipeline, report, sharing, stages
from infoint.card import card_bytes
from infoint.coverage import coverage_summary
from infoint.events import MET, REPLY, REQUEST_SENT, THANKS_SENT
from infoint.organizations import save_organization
from infoint.progress import workbook_progress
from infoint.records import Contact, Organization
from infoint.safe import escape
from infoint.targets import load_contacts, save_contact
from infoint.workspace import Workspace

NOW = datetime(2030, 6, 5, 15, 0, tzinfo=UTC)

HOSTILE = [
    "<script>window.__pwned=1</script>",
    '=HYPERLINK("https://evil.example/x","click me")',
    "$5M and $10M",
    "Bell\x07 Esc\x1b[31m Tab\tVt\x0b",
    "+SUM(A1:A9)",
    "@cmd|' /C calc'!A0",
    "<img src=x onerror=alert(1)>",
    "Zoë Ünïcødé-Øster",
    "{{7*7}} ${7*7}",
    "Carriage\rReturn Cr\rName",
    "Line\nFeed Crlf\r\nName",
]


def _hostile(ws: Workspace) -> None:
    """People, organizations and notes whose every field is hostile, with events up to thanks
    for some of them, so they count in the figures."""
    start = NOW - timedelta(days=20)
    for i, payload in enumerate(HOSTILE):
        save_organization(
            ws,
            Organization(
                name=f"{payload} Org{i}",
                industry=f"{payload} industry{i}",
                location=f"{i} {payload} Street",
                website=f"https://org{i}.evil.example/{i}",
                motivation=5,
                notes=f"{payload} orgnote{i}",
            ),
        )
        cid = save_contact(
            ws,
            Contact(
                first_name=f"{payload} First{i}",
                last_name=f"Hostile{i}",
                email=f"hostile{i}@evil.example",
                organization=f"{payload} Org{i}",
                position=f"{payload} Director{i}",
                location=f"{i} {payload} Avenue",
                phone=f"+1 555 010{i}",
                notes=f"{payload} contactnote{i}",
                target=True,
            ),
        )
        at = start + timedelta(days=i)
        ws.append_event(REQUEST_SENT, cid, {"channel": "email"}, at=at.isoformat())
        if i % 2 == 0:
            ws.append_event(REPLY, cid, {"answer": "yes"}, at=(at + timedelta(days=1)).isoformat())
            met = at + timedelta(days=3)
            ws.append_event(MET, cid, {"at": met.isoformat()}, at=met.isoformat())
            if i % 4 == 0:
                late = timedelta(hours=3 if i % 8 == 0 else 72)
                ws.append_event(THANKS_SENT, cid, {"subject": payload}, at=(met + late).isoformat())


@pytest.fixture(scope="module")
def full_path(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sharing")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INFOINT_WORKSPACE", str(folder / "default" / "workspace.sqlite3"))
        path = folder / "workspace.sqlite3"
        full_demo(path)
        with Workspace.open(path) as ws:
            _hostile(ws)
            _hostile_typed(ws)
    return path


def _hostile_typed(ws: Workspace) -> None:
    """Hostile text where the workbook keeps what is typed outside the people and their
    organizations: an own question, a goal a meeting answered, a thank-you's specifics (meta),
    the write-up's course (meta)."""
    from infoint.coverage import set_link
    from infoint.questions import save_custom_question
    from infoint.thanks_log import save_note_inputs
    from infoint.writeup import save_course

    (meeting,) = ws.rows("meetings")
    first = next(c for c in load_contacts(ws) if c.last_name == "Hostile0")
    for i, payload in enumerate(HOSTILE):
        save_custom_question(ws, f"{payload} ownquestion{i}")
        set_link(ws, meeting["id"], f"{payload} goal{i}", "partly")
    save_note_inputs(ws, first.id, {"specific": f"{HOSTILE[0]} specific", "outcome": "won"})
    save_course(ws, f"{HOSTILE[1]} course")


@pytest.fixture
def full_ws(full_path):
    w = Workspace.open(full_path)
    yield w
    w.close()


def _strings(value) -> list[str]:
    """Every string inside a JSON column's value (lists and dicts opened)."""
    if isinstance(value, str):
        try:
            inner = json.loads(value)
        except ValueError:
            return [value]
        return [value] if isinstance(inner, str | int | float) or inner is None else _strings(inner)
    if isinstance(value, dict):  # the keys are the workbook's own (question ids, reflections)
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


# The workbook's own words: values the workbook itself stores (a reply's answer, a goal's
# extent, a question's theme, a draft's channel...), which its reports name as vocabulary.
WORKBOOK_WORDS = {
    "answered",
    "partly",
    "closing",
    "email",
    "met",
    "organization",
    "role",
    "thanks",
    "yes",
}
# Meta values a card carries on purpose: the workbook's random card number and its serial
# (left out wherever the workbook keeps them, e.g. in the demo's record of what it changed).
SHARED_META = {"card.id", "card.serial"}


def personal_values(ws: Workspace) -> set[str]:
    """Every text the workspace holds: each string value of every column of every table (a
    JSON column's strings one by one, the meta table's values among them), and each person's
    full name, less the workbook's own words and the card's own number."""
    found = set()
    for table in ws.tables():
        for row in ws.query(f'SELECT * FROM "{table}"'):
            if table == "meta" and row["key"] in SHARED_META:
                continue
            for value in row.values():
                if isinstance(value, str):
                    found.update(s.strip() for s in _strings(value) if s.strip())
    found.update(c.full_name for c in load_contacts(ws))
    shared = {ws.get_meta(key) for key in SHARED_META}
    return {v for v in found if len(v) >= 3} - WORKBOOK_WORDS - shared


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def forms(value: str) -> set[str]:
    """The ways a value could appear in an exported file."""
    plain = " ".join(_CONTROL.sub(" ", value).split())
    out = {value, plain, html.escape(value), html.escape(plain), escape(value), escape(plain)}
    out |= {json.dumps(v)[1:-1] for v in (value, plain)}
    return {f for f in out if len(f) >= 3}


def leaks(text: str, values: set[str]) -> list[str]:
    """The values found in ``text`` (also once its HTML entities are decoded)."""
    decoded = html.unescape(text)
    return sorted(v for v in values if any(f in text or f in decoded for f in forms(v)))


# --------------------------------------------------------------------------- what leaves


def test_the_search_finds_what_is_there(full_ws):
    """The search itself works: the whole report holds the names, organizations and notes."""
    values = personal_values(full_ws)
    assert len(values) > 60
    # every place typed text is kept is in the search: meta values, events' data, own
    # questions, goal links, and names with CR and LF in them
    for expected in (
        f"{HOSTILE[0]} specific",
        f"{HOSTILE[1]} course",
        f"{HOSTILE[4]} ownquestion4",
        f"{HOSTILE[4]} goal4",
        HOSTILE[8],  # a thank-you's subject, in the event's data
        f"{HOSTILE[9]} First9 Hostile9",
        f"{HOSTILE[10]} First10",
    ):
        assert expected in values, expected
    page = report.report_html(full_ws, now=NOW).decode("utf-8")
    found = leaks(page, values)
    email = full_ws.get_row("profile")["email"]
    for expected in ("Leela Varadan", "Hostile0", email, HOSTILE[0] + " Org0"):
        assert expected in found, expected
    assert any("contactnote" in v for v in found) and any("Director" in v for v in found)


def test_counts_only_report_and_card_hold_no_name_email_organization_note_or_title(full_ws):
    values = personal_values(full_ws)
    page = report.report_html(full_ws, now=NOW, level=sharing.COUNTS).decode("utf-8")
    card = card_bytes(full_ws, NOW).decode("utf-8")
    assert leaks(page, values) == []
    assert leaks(card, values) == []
    # and they hold the figures (the same ones): 9 hostile requests among the rest
    figures = json.loads(card)["figures"]
    assert figures["requests_sent"] >= len(HOSTILE)
    assert "Requests sent" in page and str(figures["requests_sent"]) in page
    assert "<script" not in page.split("</head>", 1)[1]


def test_organizations_level_adds_organizations_and_initials_only(full_ws):
    values = personal_values(full_ws)
    page = report.report_html(full_ws, now=NOW, level=sharing.ORGANIZATIONS).decode("utf-8")
    orgs = {r["name"] for r in full_ws.rows("organizations")}
    organizations = {r["organization"] for r in full_ws.rows("contacts")} | orgs
    industries = {r["industry"] for r in full_ws.rows("organizations")}
    allowed = organizations | industries
    assert "Tidewater Travel Group" in leaks(page, values), "the organizations are there"
    decoded = html.unescape(page)
    rest = decoded
    for value in sorted(allowed, key=len, reverse=True):  # a name inside an organization's
        rest = rest.replace(value, " ")
    assert leaks(rest, values - allowed) == []
    assert "L. V." in decoded  # the student, by initials
    assert "Z. Ü. F. H." in decoded  # Zoë Ünïcødé-Øster First7 Hostile7


def test_counts_only_report_has_no_name_in_its_title_or_cover(full_ws):
    nb = report.report_notebook(full_ws, now=NOW, level=sharing.COUNTS)
    assert nb.metadata["title"] == "Informational interview workbook: report"
    assert "Leela" not in json.dumps(nb)
    headings = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert headings[1:] == ["## The figures: numbers only"]


def test_a_level_below_everything_ignores_the_step(full_ws):
    nb = report.report_notebook(full_ws, 3, now=NOW, level=sharing.ORGANIZATIONS)
    headings = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert headings[0] == "# Informational interview workbook: report"
    assert len(headings) == 3


# --------------------------------------------------------------------------- one derivation


def test_the_figures_are_the_ones_the_pages_show(full_ws):
    """Each figure equals what the logic layer's own function says for every view."""
    o = sharing.outcomes(full_ws, NOW)
    events = stages.group_by_contact(stages.events_from_rows(full_ws.events()))
    stats = pipeline.response_stats(events)
    assert (o.requests_sent, o.replies, o.response_rate) == (
        stats.requests,
        stats.replies,
        stats.rate,
    )
    contacts = {c.id: c for c in load_contacts(full_ws)}
    met = pipeline.thanks_overview(contacts, events, NOW)
    assert len(met) >= 5
    # meetings marked held: one "met" event each here (one meeting per person met)
    assert o.meetings_held == sum(1 for e in full_ws.events() if e["kind"] == MET) == len(met)
    assert o.thanks_on_time == sum(r.thank_you.status == "sent on time" for r in met)
    progress = workbook_progress(full_ws)
    assert o.steps_total == 6 and o.parts_total == sum(len(s.parts) for s in progress)
    assert o.steps_done == sum(s.done == len(s.parts) for s in progress)
    assert o.goals == coverage_summary(full_ws)
    assert ("Learning goals", o.goals.line) in o.rows()


def test_the_figures_count_the_hostile_people(tmp_path):
    """Eleven asked, six answered and met, thanks: 0, 4 and 8 thanked (0 and 8 on time)."""
    with Workspace.open(tmp_path / "w.sqlite3") as ws:
        _hostile(ws)
        o = sharing.outcomes(ws, NOW)
    assert (o.requests_sent, o.replies, o.meetings_held, o.thanks_on_time) == (11, 6, 6, 2)
    assert o.response_rate == pytest.approx(6 / 11)
    rows = dict(o.rows())
    assert rows["Requests answered"] == "6 of 11 (55%)"
    assert rows["Thank-yous sent within 48 hours"] == "2 of 6"


def test_an_empty_workbook_has_zero_figures_and_says_so(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite3") as ws:
        o = sharing.outcomes(ws, NOW)
        html_ = sharing.counts_html(ws, NOW)
        orgs = sharing.organizations_html(ws, NOW)
    assert (o.requests_sent, o.meetings_held, o.response_rate, o.steps_done) == (0, 0, None, 0)
    assert dict(o.rows())["Requests answered"] == "no requests sent yet"
    assert "Requests sent" in html_ and "No organizations on the long list yet." in orgs
    assert "Nobody asked yet." in orgs


# --------------------------------------------------------------------------- small rules


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Ana María López", "A. M. L."),
        ("leela varadan", "L. V."),
        ("<script>alert(1)</script>", "S."),
        ("=HYPERLINK(1)", "H."),
        ("$5M and $10M", "M. A. M."),
        ("", "(no initials)"),
        ("123 456", "(no initials)"),
        ("A B C D E F", "A. B. C. D."),
        ("Bell\x07 Esc\x1b[31m", "B. E."),
    ],
)
def test_initials(name, expected):
    assert sharing.initials(name) == expected


def test_unknown_level_is_refused(full_ws):
    with pytest.raises(ValueError, match="no sharing level"):
        report.report_html(full_ws, level="some")
    with pytest.raises(ValueError, match="no sharing level"):
        report.report_filename(level="names")


def test_filenames_say_the_level():
    day = datetime(2026, 3, 4)
    assert (
        report.report_filename(None, day, sharing.COUNTS) == "infoint-report-counts-2026-03-04.html"
    )
    assert (
        report.report_filename(None, day, sharing.ORGANIZATIONS)
        == "infoint-report-organizations-2026-03-04.html"
    )
    assert report.report_filename(2, day) == "infoint-report-step-2-2026-03-04.html"


def test_every_level_says_what_it_holds():
    assert set(sharing.LEVEL_HOLDS) == set(sharing.LEVELS) == set(sharing.LEVEL_LABELS)
    assert "No names" in sharing.LEVEL_HOLDS[sharing.COUNTS]
    assert "No full names" in sharing.LEVEL_HOLDS[sharing.ORGANIZATIONS]


def test_the_report_the_card_and_the_preview_say_the_same(full_ws):
    """One derivation: every figure row of the counts-only report, the card's numbers and the
    start page's preview agree."""
    from infoint.ui.sharing import preview_html

    o = sharing.outcomes(full_ws, NOW)
    page = html.unescape(report.report_html(full_ws, now=NOW, level=sharing.COUNTS).decode())
    preview = html.unescape(
        preview_html(report.sections_for(full_ws, None, sharing.COUNTS, now=NOW))
    )
    for what, value in o.rows():
        assert f"<dt>{what}</dt><dd>{value}</dd>" in page.replace("&#36;", "$"), what
        assert f"<dt>{what}</dt><dd>{value}</dd>" in preview, what
    figures = json.loads(card_bytes(full_ws, NOW))["figures"]
    assert (figures["requests_sent"], figures["replies"], figures["meetings_held"]) == (
        o.requests_sent,
        o.replies,
        o.meetings_held,
    )
    assert (figures["thanks_within_48h"], figures["goals_answered"]) == (
        o.thanks_on_time,
        o.goals.answered,
    )


def test_meetings_held_counts_the_meetings_marked_held_not_the_people(tmp_path):
    """Two meetings held with one person count two; a "met" logged twice for one meeting
    counts once; an older "met" that names no meeting counts on its own."""
    with Workspace.open(tmp_path / "w.sqlite3") as ws:
        people = [
            save_contact(ws, Contact(first_name=f"P{i}", last_name="X", target=True))
            for i in range(3)
        ]
        for cid, meeting_ids in zip(people, ([1, 2], [3, 3], [None]), strict=True):
            ws.append_event(REQUEST_SENT, cid, {}, at="2030-05-01T10:00:00+00:00")
            ws.append_event(REPLY, cid, {"answer": "yes"}, at="2030-05-02T10:00:00+00:00")
            for day, meeting_id in enumerate(meeting_ids, start=10):
                data = {"at": f"2030-05-{day}T10:00:00+00:00"}
                if meeting_id is not None:
                    data["meeting_id"] = meeting_id
                ws.append_event(MET, cid, data, at=f"2030-05-{day}T11:00:00+00:00")
        o = sharing.outcomes(ws, NOW)
        card = json.loads(card_bytes(ws, NOW))
    assert o.meetings_held == 4
    assert dict(o.rows())["Meetings held"] == "4"
    assert card["figures"]["meetings_held"] == 4
    assert dict(o.rows())["Thank-yous sent within 48 hours"] == "0 of 4"


def test_the_organizations_level_says_all_it_adds():
    """What the level shares beyond the counts, each named: the student's initials, the
    organizations' industry and the student's ratings, each thank-you's status."""
    holds = sharing.LEVEL_HOLDS[sharing.ORGANIZATIONS]
    for shared in (
        "your own initials",
        "industry",
        "your interest, 1 to 5",
        "its openings, 1 to 3",
        "initials, organization, where things stand",
        "thank-you note was sent",
    ):
        assert shared in holds, shared
