"""Findings and status messages as escaped HTML, with words and symbols, never colour alone."""

from __future__ import annotations

import html as html_text
import re
from collections.abc import Iterable

from ..i18n import N_, _
from ..safe import escape

_SEVERITY = {
    "error": ("ii-finding-error", N_("Needs fixing")),
    "warning": ("ii-finding-warning", N_("Worth a look")),
    "info": ("ii-finding-info", N_("Tip")),
}

# The workbook's look, written once (DESIGN): each page carries it once, through its Landmarks
# widget (ui/landmarks.py: the app's, or a notebook's first section's), and it styles only
# widgets inside the app or a section (both have the class ii-ui):
# - spacing: a 4 px scale (--ii-s1 .. --ii-s6); a card per section, its heading inside;
# - forms: one column, each label above its field, fields at most --ii-field wide, short ones
#   side by side where there is room (.ii-fields), text at most --ii-measure (a readable line);
# - buttons sized to their label, at least 32 px high (touch targets), default buttons outlined,
#   the section's one primary action filled (button_style="primary"), rows of them wrapping;
# - tables (.ii-table) become a list of labelled cards below 40rem (each cell's data-label).
DESIGN = """
:root { --ii-s1: 4px; --ii-s2: 8px; --ii-s3: 12px; --ii-s4: 16px; --ii-s5: 24px; --ii-s6: 32px;
--ii-ink: #1b1b1b; --ii-muted: #4a4a4a; --ii-primary: #1d4f91; --ii-primary-dark: #143a6b;
--ii-line: #d3dae3; --ii-control-line: #6b7785; --ii-surface: #ffffff; --ii-tint: #f3f6fb;
--ii-radius: 8px; --ii-field: 40rem; --ii-measure: 46rem; }
.ii-ui { --jp-widgets-font-size: 14px; --jp-widgets-inline-height: 32px;
--jp-widgets-inline-width: 100%; --jp-widgets-inline-width-short: 100%;
--jp-widgets-inline-label-width: auto; --jp-widgets-radio-item-height: 28px;
--jp-widgets-input-border-color: var(--ii-control-line); --jp-brand-color1: var(--ii-primary);
--jp-brand-color0: var(--ii-primary-dark); --jp-widgets-input-focus-border-color: var(--ii-primary);
color: var(--ii-ink); font-size: 14px; line-height: 1.5; min-width: 0; }
.ii-ui .widget-box, .ii-ui.widget-box { gap: var(--ii-s2); margin: 0; overflow: visible;
min-width: 0; max-width: 100%; box-sizing: border-box; }
.ii-ui .widget-vbox { gap: 10px; }
.ii-ui .widget-hbox { flex-wrap: wrap; align-items: flex-end; }
/* a card per section */
.ii-ui.ii-section { background: var(--ii-surface); border: 1px solid var(--ii-line);
border-radius: var(--ii-radius); padding: var(--ii-s4) var(--ii-s5) 20px;
margin: 0 0 var(--ii-s5) 0; box-sizing: border-box; max-width: 100%; overflow: visible; }
.ii-ui .lm-Widget { min-width: 0; max-width: 100%; }
/* text: a readable measure, no double-spaced paragraphs, helper text muted */
.ii-ui .widget-html, .ii-ui .widget-html-content {
line-height: 1.5; margin: 0; overflow-wrap: break-word; }
/* nothing to show takes no room: empty messages, style-only HTML, rows and boxes with nothing
   visible (a <style> inside a hidden widget still applies) */
.ii-ui .widget-html:has(> .widget-html-content:empty),
.ii-ui .widget-html:has(> .widget-html-content > style:only-child),
.ii-ui .widget-box:not(:has(> *)),
.ii-ui .widget-hbox:not(:has(> :not(.widget-html, [style*="display: none"]))):not(
:has(> .widget-html > .widget-html-content:not(:empty))) { display: none; }
.ii-ui .widget-html-content > :is(p, ul, ol, div:not(.ii-table-wrap)) {
max-width: var(--ii-measure); }
.ii-ui .widget-html-content p { margin: 0 0 var(--ii-s2) 0; }
.ii-ui .widget-html-content > :last-child { margin-bottom: 0; }
.ii-ui :is(ul, ol) { margin: 0 0 var(--ii-s2) 0; padding-left: 1.4em; }
.ii-ui h3 { font-size: 15px; margin: var(--ii-s2) 0 var(--ii-s1) 0; }
.ii-ui a { color: var(--ii-primary); text-decoration: underline; }
.ii-ui svg { max-width: 100%; height: auto; }
.ii-ui select[size] { overflow-x: hidden; }
/* forms: one column, each label above its field */
.ii-ui .widget-inline-hbox { width: 100% !important; height: auto; margin: 0; }
.ii-ui .widget-inline-hbox:not(.widget-html) { max-width: var(--ii-field); }
.ii-ui .widget-inline-hbox:not(.widget-checkbox, .widget-html) {
flex-wrap: wrap; align-items: stretch; row-gap: 2px; }
.ii-ui .widget-inline-hbox:not(.widget-checkbox) > .widget-label {
flex: 1 0 100%; width: auto !important; max-width: none; margin: 0; text-align: left;
white-space: normal; overflow: visible; line-height: 1.4; font-weight: 600; height: auto; }
.ii-ui .widget-inline-hbox > :is(input, select, textarea),
.ii-ui .widget-inline-hbox > .widget-input { flex: 1 1 100%; width: 100%;
min-width: 0; max-width: 100%; min-height: 36px; box-sizing: border-box; border-radius: 4px;
font-size: 14px; padding: var(--ii-s1) var(--ii-s2); }
.ii-ui .widget-textarea { height: auto !important; }
.ii-ui .widget-inline-hbox.widget-textarea > textarea { height: auto; min-height: 4.2em;
max-height: 22em; field-sizing: content; resize: vertical; line-height: 1.45;
font-family: inherit; }
.ii-ui .widget-select select { height: auto; }
.ii-ui .widget-hbox > .widget-inline-hbox { flex: 1 1 14rem; width: auto !important; }
.ii-ui .widget-hbox > :is(.widget-toggle-buttons, .widget-checkbox) { flex: 0 1 auto;
width: auto !important; }
.ii-ui .widget-inline-hbox:is(.widget-datepicker, .widget-bounded-int-text, .widget-int-text) {
max-width: 16rem; }
.ii-ui .widget-checkbox { width: auto !important; min-height: 32px;
height: auto; line-height: 1.4; align-items: center; }
.ii-ui .widget-checkbox > .widget-label { display: none !important; }
.ii-ui .widget-vbox > .widget-checkbox + .widget-checkbox { margin-top: calc(-1 * var(--ii-s2)); }
.ii-ui .widget-checkbox .widget-label-basic { display: flex; gap: var(--ii-s2);
align-items: center; min-height: 32px; white-space: normal; line-height: 1.4; overflow: visible; }
.ii-ui .widget-checkbox .widget-label-basic span { white-space: normal; }
.ii-ui .widget-checkbox input[type=checkbox] { width: 20px; height: 20px;
margin: 0; flex: 0 0 auto; accent-color: var(--ii-primary); }
.ii-ui .widget-radio { width: 100% !important; line-height: 1.4; }
.ii-ui .widget-radio > .widget-label { width: auto !important; max-width: none; height: auto;
text-align: left; font-weight: 600; line-height: 1.4; margin: 0 0 var(--ii-s1) 0; }
.ii-ui .widget-radio-box { flex-direction: row; flex-wrap: wrap;
gap: var(--ii-s1) var(--ii-s4); margin: 0 !important; }
.ii-ui .widget-radio-box label { display: flex; flex-direction: row-reverse;
justify-content: flex-end; align-items: center; gap: var(--ii-s2); min-height: 32px;
height: auto; line-height: 1.4; }
.ii-ui .widget-radio-box input { width: 20px; height: 20px; margin: 0;
float: none; accent-color: var(--ii-primary); }
/* buttons: sized to their label, outlined; the section's primary action filled */
.ii-ui .jupyter-button { width: auto !important; max-width: 100%;
min-height: 36px; height: auto; padding: var(--ii-s1) var(--ii-s4); margin: 0;
border-radius: 6px; border: 1px solid var(--ii-control-line); background: var(--ii-surface);
color: var(--ii-ink); font-size: 14px; line-height: 1.3; white-space: normal;
box-shadow: none; }
.ii-ui .widget-vbox > :is(.jupyter-button, .ii-download) { align-self: flex-start; }
.ii-ui .jupyter-button:hover:enabled { background: var(--ii-tint); }
.ii-ui .jupyter-button:focus-visible { outline: 3px solid var(--ii-primary);
outline-offset: 2px; }
.ii-ui .jupyter-button.mod-primary { background: var(--ii-primary);
border-color: var(--ii-primary); color: #ffffff; font-weight: 600; }
.ii-ui .jupyter-button.mod-primary:hover:enabled {
background: var(--ii-primary-dark); }
.ii-ui .jupyter-button.mod-danger { background: #a4000f;
border-color: #a4000f; color: #ffffff; font-weight: 600; }
.ii-ui .jupyter-button.mod-warning { background: #fff4e0;
border-color: #6b4500; color: #1b1b1b; font-weight: 600; }
.ii-ui .widget-toggle-buttons { width: 100%; max-width: var(--ii-field);
line-height: 1.4; }
.ii-ui .widget-toggle-buttons > .widget-label { display: block;
width: auto !important; max-width: none; text-align: left; white-space: normal;
font-weight: 600; margin: 0 0 var(--ii-s1) 0; height: auto; line-height: 1.4; }
.ii-ui .widget-toggle-buttons > div { display: flex; flex-wrap: wrap; gap: 0; }
.ii-ui .widget-toggle-buttons .widget-toggle-button { margin: 0 -1px 0 0;
border-radius: 0; min-width: 44px; }
.ii-ui .widget-toggle-buttons .widget-toggle-button:first-child {
border-radius: 6px 0 0 6px; }
.ii-ui .widget-toggle-buttons .widget-toggle-button:last-child {
border-radius: 0 6px 6px 0; }
.ii-ui .widget-toggle-buttons .widget-toggle-button.mod-active {
background: var(--ii-primary); border-color: var(--ii-primary); color: #ffffff; }
/* short fields side by side where there is room (.ii-fields); long ones take the whole row */
.ii-ui .widget-box.ii-fields { display: grid; max-width: 48rem; align-items: end;
grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr)); gap: var(--ii-s3); }
.ii-ui .widget-box.ii-fields.ii-narrow {
grid-template-columns: repeat(auto-fill, minmax(min(100%, 9rem), 1fr)); }
.ii-ui .ii-fields > .widget-inline-hbox { max-width: none; }
.ii-ui .ii-fields > :is(.widget-textarea, .widget-toggle-buttons, .widget-radio, .widget-html,
.widget-box, .widget-select, .jupyter-button, .ii-wide) { grid-column: 1 / -1; }
.ii-ui .ii-fields > .jupyter-button { justify-self: start; }
.ii-ui .widget-box.ii-fields.ii-areas {
grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr)); }
.ii-ui .ii-fields.ii-areas > .widget-textarea { grid-column: auto; }
.ii-ui .widget-box.ii-checklist { display: grid; gap: 0 var(--ii-s4); max-width: 60rem;
grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr)); }
.ii-ui .ii-checklist > .widget-checkbox { margin: 0 !important; }
/* a "Details" toggle (ui/details.py): a quiet button with an arrow over an indented box */
.ii-ui .jupyter-button.ii-details-toggle { border-color: transparent; background: none;
color: var(--ii-primary); font-weight: 600; padding-left: 0; text-align: left; }
.ii-ui .jupyter-button.ii-details-toggle:hover:enabled { background: none;
text-decoration: underline; }
.ii-ui .ii-details-toggle::before { content: "\\25B8" / ""; display: inline-block;
width: 1.1em; }
.ii-ui .ii-details-toggle.ii-open::before { content: "\\25BE" / ""; }
.ii-ui .ii-details-body { border-left: 3px solid var(--ii-line); padding-left: var(--ii-s3); }
.ii-ui .ii-details { gap: var(--ii-s1); }
/* tables: header row, lines between rows; a list of labelled cards on a phone */
.ii-table-wrap { max-width: 100%; }
.ii-ui table { border-collapse: collapse; font-size: 14px; line-height: 1.4;
margin: 0 0 var(--ii-s2) 0; width: 100%; }
.ii-ui caption { text-align: left; color: var(--ii-muted); padding: 0 0 var(--ii-s2) 0; }
.ii-ui :is(th, td) { padding: var(--ii-s2); text-align: left; vertical-align: top;
border-bottom: 1px solid var(--ii-line); }
.ii-ui thead th { border-bottom: 2px solid var(--ii-control-line); }
.ii-ui tbody tr:nth-child(even) { background: #f8fafc; }
.ii-ui td > strong:only-child { white-space: nowrap; }
.ii-ui td details summary { cursor: pointer; color: var(--ii-primary); min-height: 24px;
white-space: nowrap; }
.ii-ui td details[open] summary { margin-bottom: var(--ii-s1); }
@media (max-width: 40rem) {
  .ii-ui table.ii-table, .ii-ui table.ii-table tbody, .ii-ui table.ii-table caption {
  display: block; width: auto; }
  .ii-ui table.ii-table thead { display: block; position: absolute; width: 1px; height: 1px;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .ii-ui table.ii-table tbody tr { display: flex; flex-wrap: wrap; gap: 0 var(--ii-s3);
  border: 1px solid var(--ii-line); border-radius: 6px; padding: var(--ii-s2) var(--ii-s3);
  margin: 0 0 var(--ii-s2) 0; background: var(--ii-surface); }
  .ii-ui table.ii-table tbody :is(th, td) { display: block; border: 0; padding: 1px 0;
  flex: 0 1 auto; min-width: 0; }
  .ii-ui table.ii-table tbody th[scope=row] { order: -1; flex: 1 0 100%; font-size: 15px; }
  .ii-ui table.ii-table tbody td[data-label]::before { content: attr(data-label) ": ";
  color: var(--ii-muted); }
  .ii-ui table.ii-table tbody td[data-label]:has(> details)::before { content: none; }
  .ii-ui table.ii-table tbody td:empty { display: none; }
  .ii-ui table.ii-table tbody td:has(> details[open]) { flex-basis: 100%; }
  .ii-ui.ii-section { padding: var(--ii-s3) var(--ii-s3) var(--ii-s4); }
}
"""

# What the messages and findings in HTML values need (kept with each, so any page shows them).
STYLE = """<style>
.ii-muted { color: var(--ii-muted, #4a4a4a); }
.ii-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
/* findings and messages */
.ii-findings { margin: 0.2em 0 0.6em 0; padding-left: 1.2em; }
.ii-findings li { margin: 0.15em 0; }
.ii-finding-error strong { color: #a4000f; }
.ii-finding-warning strong { color: #6b4500; }
.ii-finding-info strong { color: #1d4f91; }
.ii-ok { color: #1e5e20; }
.ii-note { border-left: 4px solid #1d4f91; padding: 0.4em 0.8em; background: #f3f6fb; \
color: #1b1b1b; border-radius: 0 4px 4px 0; max-width: var(--ii-measure); }
.ii-warning-box { border-left: 4px solid #a4000f; padding: 0.4em 0.8em; background: #fdf2f2; \
color: #1b1b1b; border-radius: 0 4px 4px 0; max-width: var(--ii-measure); }
</style>"""


def findings_html(findings: Iterable, ok_text: str = "") -> str:
    """A list of findings (rule id, severity word, message, the words concerned and a fix),
    after ``ok_text`` when none of them is more than a note."""
    findings = list(findings)
    items = []
    for f in findings:
        css, word = _SEVERITY.get(f.severity, _SEVERITY["info"])
        head = _("{severity} ({rule}):").format(severity=_(word), rule=f.rule)
        parts = [f"<strong>{escape(head)}</strong> {escape(f.message)}"]
        if f.subject:
            words = f"&ldquo;{escape(_clip(f.subject))}&rdquo;"
            about = escape(_("About: {words}.")).replace("{words}", words)
            parts.append(f' <span class="ii-muted">{about}</span>')
        if f.fix:
            try_this = escape(_("Try this:"))
            parts.append(f" <em>{try_this}</em> {escape(f.fix)}")
        items.append(f'<li class="{css}">{"".join(parts)}</li>')
    ok = f'<p class="ii-ok">&#10003; {escape(ok_text)}</p>' if ok_text else ""
    if not items:
        return ok
    listed = '<ul class="ii-findings">' + "".join(items) + "</ul>"
    # Notes only (no error, no warning), such as "no spell check runs on Chinese": still ready.
    return (ok + listed) if all(f.severity == "info" for f in findings) else listed


_HEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_HEAD_CELL = re.compile(r"<th\b([^>]*)>(.*?)</th>", re.S)
_LABEL_OVERRIDE = re.compile(r"data-label=(['\"])(.*?)\1")
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)</tr>", re.S)
_CELL = re.compile(r"<(td|th)\b")
_TAG = re.compile(r"<[^>]+>")


def labelled_table(html: str) -> str:
    """``html`` (one escaped table) with each data cell labelled by its column's header
    (``data-label``): below 40rem the shared style shows a table as a list of cards, each value
    after its label. A header's own ``data-label`` names its column instead (``#`` -> "Place");
    a header holding only visually hidden text (``ii-sr-only``) labels nothing."""
    head = _HEAD.search(html)
    if head is None:
        return html
    labels = []
    for attrs, text in _HEAD_CELL.findall(head.group(1)):
        override = _LABEL_OVERRIDE.search(attrs)
        hidden = "ii-sr-only" in text
        text = override.group(2) if override else "" if hidden else _TAG.sub("", text)
        labels.append(html_text.unescape(text).strip())

    def row(match: re.Match) -> str:
        column = -1

        def cell(c: re.Match) -> str:
            nonlocal column
            column += 1
            label = labels[column] if column < len(labels) else ""
            if c.group(1) == "td" and label:
                return f'<td data-label="{escape(label)}"'
            return c.group(0)

        return match.group(1) + _CELL.sub(cell, match.group(2)) + "</tr>"

    return html[: head.end()] + _ROW.sub(row, html[head.end() :])


def message_html(text: str, kind: str = "note") -> str:
    """A boxed message; ``kind`` is note, warning or ok (the wording carries the meaning too)."""
    css = {"note": "ii-note", "warning": "ii-warning-box", "ok": "ii-note ii-ok"}.get(
        kind, "ii-note"
    )
    return f'<div class="{css}" role="status">{escape(text)}</div>'


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
