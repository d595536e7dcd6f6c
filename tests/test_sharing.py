"""Privacy-graded sharing: the levels, the one derivation of the figures, and what leaves.

The central test fills a workspace with the demo persona through all six steps plus people,
organizations and notes with hostile text, exports a counts-only report and a workshop card,
and searches both for every name, email address, organization, note, title and address in
the workspace (raw, escaped, JSON-escaped and with control characters dropped): none is there.
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
    return path


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


# What the workspace holds that names or describes someone: (table, columns).
PERSONAL = {
    "contacts": (
        "first_name last_name email profile_url organization position location phone via "
        "warm_reason alt_titles notes"
    ),
    "organizations": "name industry location website notes",
    "profile": "name email pitch location",
    "objective": "field_of_interest roles organizations goals",
    "meetings": "place recognise notes offer",
    "debriefs": "answers insights surprises reflection next_changes",
    "action_items": "text",
    "drafts": "subject body forwardable",
}


def personal_values(ws: Workspace) -> set[str]:
    """Every name, email address, organization, note, title and address in the workspace,
    and each person's full name (what a leak would most likely show)."""
    found = set()
    for table, columns in PERSONAL.items():
        for row in ws.rows(table):
            for column in columns.split():
                found.update(s.strip() for s in _strings(row[column]) if s.strip())
    found.update(c.full_name for c in load_contacts(ws))
    return {v for v in found if len(v) >= 3}


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
    assert o.meetings_held == len(met) >= 5
    assert o.thanks_on_time == sum(r.thank_you.status == "sent on time" for r in met)
    progress = workbook_progress(full_ws)
    assert o.steps_total == 6 and o.parts_total == sum(len(s.parts) for s in progress)
    assert o.steps_done == sum(s.done == len(s.parts) for s in progress)
    assert o.goals == coverage_summary(full_ws)
    assert ("Learning goals", o.goals.line) in o.rows()


def test_the_figures_count_the_hostile_people(tmp_path):
    """Nine asked, five answered and met, thanks: 0, 4 and 8 thanked (0 and 8 on time)."""
    with Workspace.open(tmp_path / "w.sqlite3") as ws:
        _hostile(ws)
        o = sharing.outcomes(ws, NOW)
    assert (o.requests_sent, o.replies, o.meetings_held, o.thanks_on_time) == (9, 5, 5, 2)
    assert o.response_rate == pytest.approx(5 / 9)
    rows = dict(o.rows())
    assert rows["Requests answered"] == "5 of 9 (56%)"
    assert rows["Thank-yous sent within 48 hours"] == "2 of 5"


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
