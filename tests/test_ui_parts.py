"""The shared UI pieces: findings, messages, charts and the download button."""

from __future__ import annotations

import pytest

from infoint.charts import bar_chart
from infoint.records import Finding
from infoint.ui.download import DownloadButton
from infoint.ui.feedback import findings_html, message_html

EVIL = '<img src=x onerror="alert(1)"> $5M and $10M'


def test_findings_escape_every_part():
    html = findings_html([Finding("O2", "warning", EVIL, subject=EVIL, fix=EVIL)])
    assert "<img" not in html and html.count("&lt;img") == 3
    assert "Worth a look (O2)" in html  # a word, not only a colour


def test_findings_empty_shows_the_ok_text_or_nothing():
    assert "All good" in findings_html([], "All good")
    assert findings_html([]) == ""


@pytest.mark.parametrize("kind", ["note", "warning", "ok", "unknown"])
def test_message_is_escaped(kind):
    html = message_html(EVIL, kind)
    assert "<img" not in html and 'role="status"' in html


def test_chart_escapes_labels_and_prints_values():
    svg = bar_chart([(EVIL, 3), ("Junior", 0)], EVIL)
    assert "<img" not in svg and 'onerror="' not in svg
    assert ">3<" in svg and ">0<" in svg
    assert 'role="img"' in svg and "<title>" in svg


def test_chart_with_comparison_says_so_far():
    svg = bar_chart([("Junior", 3)], "Mix", compare=[1])
    assert "1 so far" in svg and "3 planned, 1 so far" in svg


def test_download_button_sends_the_file():
    sent = []
    button = DownloadButton("Get it", lambda: ("a.zip", "application/zip", b"PK data"))
    button.send = lambda content, buffers=None: sent.append((content, buffers))
    button._handle(button, {"event": "request"}, [])
    assert sent == [
        ({"event": "file", "filename": "a.zip", "mime": "application/zip"}, [b"PK data"])
    ]
    assert button.last_download[0] == "a.zip"


def test_download_button_reports_errors():
    errors = []

    def broken():
        raise OSError("disk full")

    button = DownloadButton("Get it", broken, on_error=errors.append)
    button.send = lambda content, buffers=None: None
    assert button.click() is None
    assert str(errors[0]) == "disk full"


def test_sections_never_put_typed_text_in_saved_notebooks(ws):
    from infoint.ui.objectives import ObjectivesPage

    page = ObjectivesPage(ws)
    page.name.value = "Very Private Name"
    page.pitch.value = "my secret pitch"
    for view in (page.profile_section(), page.pitch_section()):
        text = view._repr_mimebundle_()["text/plain"]
        assert "Private" not in text and "secret" not in text
        assert "open this notebook" in text
