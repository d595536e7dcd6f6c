"""Untrusted text: escaping and links."""

from __future__ import annotations

import pytest

from infoint.safe import escape, link, safe_url


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("", ""),
        (None, ""),
        ("plain", "plain"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ('"><script>alert(1)</script>', "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("$5M and $10M", "&#36;5M and &#36;10M"),
        ("Tom & Jerry's", "Tom &amp; Jerry&#x27;s"),
        ("Zoë Ñúñez", "Zoë Ñúñez"),
        ("{{7*7}}", "{{7*7}}"),
        (42, "42"),
    ],
)
def test_escape(raw, shown):
    assert escape(raw) == shown


@pytest.mark.parametrize(
    "url, allowed",
    [
        ("https://example.org/a?b=c", True),
        ("mailto:someone@example.org", True),
        ("  https://example.org  ", True),
        ("http://example.org", False),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("file:///etc/passwd", False),
        ("", False),
        ("https://[broken", False),
    ],
)
def test_safe_url(url, allowed):
    assert (safe_url(url) is not None) == allowed


def test_link_is_escaped_and_isolated():
    html = link('https://example.org/?q="><x', "<b>Name</b>")
    assert 'rel="noopener noreferrer"' in html and "&lt;b&gt;Name" in html and '"><x' not in html


def test_disallowed_link_shows_only_text():
    assert link("javascript:alert(1)", "<i>x</i>") == "&lt;i&gt;x&lt;/i&gt;"
