"""Findings and status messages as escaped HTML, with words and symbols, never colour alone."""

from __future__ import annotations

from collections.abc import Iterable

from ..safe import escape

_SEVERITY = {
    "error": ("ii-finding-error", "Needs fixing"),
    "warning": ("ii-finding-warning", "Worth a look"),
    "info": ("ii-finding-info", "Tip"),
}

STYLE = """<style>
.ii-findings { margin: 0.2em 0 0.6em 0; padding-left: 1.2em; }
.ii-findings li { margin: 0.15em 0; }
.ii-finding-error strong { color: #a4000f; }
.ii-finding-warning strong { color: #6b4500; }
.ii-finding-info strong { color: #1d4f91; }
.ii-ok { color: #1e5e20; }
.ii-note { border-left: 4px solid #1d4f91; padding: 0.4em 0.8em; background: #f3f6fb; \
color: #1b1b1b; }
.ii-warning-box { border-left: 4px solid #a4000f; padding: 0.4em 0.8em; background: #fdf2f2; \
color: #1b1b1b; }
.ii-muted { color: #4a4a4a; }
</style>"""


def findings_html(findings: Iterable, ok_text: str = "") -> str:
    """A list of findings (rule id, severity word, message, the words concerned and a fix)."""
    items = []
    for f in findings:
        css, word = _SEVERITY.get(f.severity, _SEVERITY["info"])
        parts = [f"<strong>{escape(word)} ({escape(f.rule)}):</strong> {escape(f.message)}"]
        if f.subject:
            parts.append(
                f' <span class="ii-muted">About: &ldquo;{escape(_clip(f.subject))}&rdquo;.</span>'
            )
        if f.fix:
            parts.append(f" <em>Try this:</em> {escape(f.fix)}")
        items.append(f'<li class="{css}">{"".join(parts)}</li>')
    if not items:
        return f'<p class="ii-ok">&#10003; {escape(ok_text)}</p>' if ok_text else ""
    return '<ul class="ii-findings">' + "".join(items) + "</ul>"


def message_html(text: str, kind: str = "note") -> str:
    """A boxed message; ``kind`` is note, warning or ok (the wording carries the meaning too)."""
    css = {"note": "ii-note", "warning": "ii-warning-box", "ok": "ii-note ii-ok"}.get(
        kind, "ii-note"
    )
    return f'<div class="{css}" role="status">{escape(text)}</div>'


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
