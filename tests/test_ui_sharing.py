"""The start page's sharing part, in-process: the level (counts only by default), what each
holds, the preview before download, the download at each level, and the workshop card."""

from __future__ import annotations

import json

import pytest
from ipywidgets import HTML

from infoint import sharing
from infoint.demo import apply_persona
from infoint.events import REQUEST_SENT
from infoint.records import Contact
from infoint.targets import save_contact
from infoint.ui.start import StartPage

HOSTILE = '<img src=x onerror=alert(1)> $5M =HYPERLINK("x")'


@pytest.fixture
def page(ws):
    apply_persona(ws)
    cid = save_contact(
        ws,
        Contact(
            first_name=HOSTILE, last_name="Zyxw", organization="Qwerty <b>Org</b>", target=True
        ),
    )
    ws.append_event(REQUEST_SENT, cid, {}, at="2030-01-01T10:00:00+00:00")
    p = StartPage(ws)
    for button in (p.report_button, p.card_button):
        button.send = lambda *a, **k: None  # no browser here
    return p


def test_counts_only_is_the_default_and_says_what_it_holds(page):
    part = page.sharing
    assert part.level.value == sharing.COUNTS
    assert [value for _, value in part.level.options] == list(sharing.LEVELS)
    assert "No names, organizations" in part.holds.value
    assert part.scope.layout.display == "none"  # one step at a time is for everything only
    part.level.value = sharing.EVERYTHING
    assert "Your whole workbook" in part.holds.value and part.scope.layout.display is None
    part.level.value = sharing.ORGANIZATIONS
    assert "initials" in part.holds.value and part.scope.layout.display == "none"


def test_the_preview_is_open_from_the_start_and_follows_the_choice(page):
    part = page.sharing
    assert part.preview.open and part.preview.body.layout.display is None  # seen before download
    shown = part.preview_html.value
    assert "Requests sent" in shown and "The figures: numbers only" in shown
    for private in ("Leela", "Zyxw", "Qwerty", "Tidewater"):
        assert private not in shown
    part.level.value = sharing.ORGANIZATIONS
    shown = part.preview_html.value
    assert "Qwerty &lt;b&gt;Org&lt;/b&gt;" in shown and "I. S. O. M." in shown  # initials
    assert "Zyxw" not in shown and "<img" not in shown
    part.level.value = sharing.EVERYTHING
    part.scope.value = 3
    shown = part.preview_html.value
    assert "Zyxw" in shown and "<img" not in shown and "&lt;img" in shown
    assert "<h4>" in shown or "<table class='ii-table'>" in shown  # headings one level down
    assert "data-label=" in shown  # tables become cards on a phone
    part.preview.toggle.click()  # closed: no more work on changes
    part.level.value = sharing.COUNTS
    assert "Zyxw" in part.preview_html.value


def test_the_download_holds_what_the_preview_showed(page):
    name, mime, data = page.report_button.click()
    text = data.decode("utf-8")
    assert name.startswith("infoint-report-counts-") and mime == "text/html"
    assert "Leela" not in text and "Zyxw" not in text and "Requests sent" in text
    assert "counts only" in page.report_status.value
    page.report_level.value = sharing.ORGANIZATIONS
    name, _, data = page.report_button.click()
    assert name.startswith("infoint-report-organizations-") and b"Zyxw" not in data
    assert b"Tidewater Travel Group" in data
    page.report_level.value = sharing.EVERYTHING
    _, _, data = page.report_button.click()
    assert b"Zyxw" in data and b"Leela Varadan" in data


def test_the_workshop_card_downloads_counts_only_and_says_so_on_the_page(page):
    section = page.report()
    texts = " ".join(w.value for w in section.children[0].children if isinstance(w, HTML))
    assert "A card for your workshop" in texts and "holds no names" in texts
    page.sharing.card_details.toggle.click()
    assert "Requests sent: 1" in page.sharing.card_figures.value
    name, mime, data = page.card_button.click()
    content = json.loads(data)
    assert name.startswith("infoint-card-") and mime == "application/json"
    assert content["figures"]["requests_sent"] == 1
    assert "Zyxw" not in data.decode() and "Leela" not in data.decode()
    assert "counts only" in page.sharing.card_status.value


def test_a_failed_report_says_why_and_the_button_stays(page, monkeypatch):
    import infoint.report as report

    def broken(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(report, "report_html", broken)
    assert page.report_button.click() is None
    assert "could not be made: disk full" in page.report_status.value


def test_an_open_preview_follows_a_change_made_elsewhere(page, ws):
    page.sharing.card_details.toggle.click()
    assert "Requests sent</dt><dd>1</dd>" in page.sharing.preview_html.value
    cid = save_contact(ws, Contact(first_name="New", last_name="Person", target=True))
    ws.append_event(REQUEST_SENT, cid, {}, at="2030-01-02T10:00:00+00:00")
    page.live_refresh()  # what the live watcher calls after another connection's write
    assert "Requests sent</dt><dd>2</dd>" in page.sharing.preview_html.value
    assert "Requests sent: 2" in page.sharing.card_figures.value


def test_the_demo_downloads_the_counts_only_report_and_the_card(page, ws):
    """What the start page's demo does (and so every papermill demo run): both downloads, as
    clicks, with their status lines saying what was made."""
    page.sharing.run_demo()
    assert page.report_button.last_download[0].startswith("infoint-report-counts-")
    assert "Your report was prepared (counts only" in page.report_status.value
    name, _, data = page.card_button.last_download
    assert name == f"infoint-card-{json.loads(data)['made_on']}.json"
    assert "Your workshop card was prepared" in page.sharing.card_status.value


def test_the_card_file_is_named_by_the_participants_day(ws):
    from datetime import UTC, datetime

    from infoint.records import Profile
    from infoint.ui.sharing import ReportSharing

    ws.put_rows({"profile": Profile(name="A", timezone="Asia/Tokyo").to_row()})
    part = ReportSharing(ws, now=datetime(2030, 6, 5, 20, 0, tzinfo=UTC))  # 05:00 the 6th there
    part.card_button.send = lambda *a, **k: None
    name, _, data = part.card_button.click()
    assert name == "infoint-card-2030-06-06.json" and json.loads(data)["made_on"] == "2030-06-06"
