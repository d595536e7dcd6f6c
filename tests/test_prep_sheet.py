"""Tests for infoint.prep_sheet: the printable prep sheet (HTML and Markdown) with hostile
workspace text, its file name, and the meeting's calendar file."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples
from sample_data import TZ, hostile_meeting  # the hostile meeting the sheet is rendered from

from infoint.meetings import Meeting
from infoint.prep_sheet import (
    md_block,
    md_inline,
    meeting_ics,
    prep_sheet_filename,
    prep_sheet_html,
    prep_sheet_markdown,
    slug,
)
from infoint.records import Contact, Organization, Profile

# ----------------------------------------------------------------- the prep sheet

PROFILE = Profile(
    name="Jo <img src=x onerror=alert(1)>",
    email="jo@example.org",
    timezone=TZ,
    pitch="I study <b>design</b> & data; budgets of $5M and $10M {{7*7}} `rm -rf`",
)
CONTACT = Contact(
    first_name="Amara <script>alert(1)</script>",
    last_name="Osei & Sons",
    position="Senior <i>UX</i> Researcher",
    organization="Acme",
)
ORG = Organization(name="Northwind $5M & <b>Co</b>", industry="health {{7*7}}")


def render(kind, meeting=None):
    fn = prep_sheet_html if kind == "html" else prep_sheet_markdown
    return fn(
        profile=PROFILE,
        contact=CONTACT,
        organization=ORG,
        meeting=meeting or hostile_meeting(),
        tz=TZ,
    )


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


SHEET_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "p",
    "section",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "ol",
    "ul",
    "li",
    "span",
    "div",
    "strong",
    "footer",
}


def test_prep_sheet_html_escapes_everything():
    out = render("html")
    assert "<script" not in out and "<img" not in out and "<b>" not in out and "<i>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "Osei &amp; Sons" in out and "Northwind &#36;5M &amp; &lt;b&gt;Co&lt;/b&gt;" in out
    assert "&#36;5M and &#36;10M" in out and "$5M" not in out
    assert "{{7*7}}" in out and "49" not in out
    assert "[a link](javascript:alert(1))" in out
    parser = Tags()
    parser.feed(out)
    assert set(parser.tags) <= SHEET_TAGS
    assert not [a for a, _ in parser.attrs if a.startswith("on") or a in ("src", "href", "action")]


def test_prep_sheet_html_content_and_print_styles():
    meeting = hostile_meeting()
    out = render("html", meeting)
    plain = html.unescape(out)
    assert "@page" in out and "@media print" in out and "page-break-inside: avoid" in out
    assert 'class="line"' in out
    assert not re.search(r"https?:|url\(|@import|<link|<script|<iframe|<object", out, re.I)
    assert "Content-Security-Policy" in out and "default-src 'none'" in out
    assert "Thursday 12 March 2026, 10:00 (America/Toronto)" in plain and "30 minutes" in plain
    positions = [plain.index(html.unescape(html.escape(e["text"]))) for e in meeting.questions]
    assert positions == sorted(positions)  # the questions in order
    for words in (
        "one or two other people",
        "follow up",
        "LinkedIn",
        "about $5",
        "no gifts",
        "Bring photo ID",
        "Rehearse your 30-second pitch",
        "48 hours",
        "Senior <i>UX</i> Researcher",
    ):
        assert words in plain, words
    assert "\u2611" in out and "\u2610" in out  # ticked and open boxes
    assert "(their workplace" not in plain


def test_prep_sheet_time_zone_and_modes():
    utc = hostile_meeting(
        starts_at="2026-07-01T14:30:00+00:00",
        mode="video",
        place="https://zoom.us/j/1",
        questions=[],
    )
    plain = html.unescape(render("html", utc))
    assert "Wednesday 1 July 2026, 10:30 (America/Toronto)" in plain
    assert "Link or tool" in plain and "https://zoom.us/j/1" in plain  # shown as text, never a link
    assert "No questions chosen yet" in plain and "Test the link" in plain
    assert "They'll recognise you by" not in plain
    assert "Not set yet" in html.unescape(render("html", hostile_meeting(starts_at="")))
    workplace = html.unescape(render("html", hostile_meeting(their_workplace=True)))
    assert "(their workplace, as they offered)" in workplace


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=200))
def test_prep_sheet_html_shows_any_text_literally(text):
    meeting = hostile_meeting(notes=text, questions=[{"id": "", "text": text, "theme": ""}])
    out = render("html", meeting)
    parser = Tags()
    parser.feed(out)
    assert set(parser.tags) <= SHEET_TAGS
    assert text.strip() in html.unescape(out)


def test_prep_sheet_markdown_escapes_everything():
    out = render("markdown")
    body = [line[2:] if line.startswith("> ") else line for line in out.splitlines()]  # our quote
    assert not [line for line in body if re.search(r"(?<!\\)[<>]", line)]  # no raw HTML
    assert "\\<script\\>alert(1)\\</script\\>" in out
    assert "\\$5M and \\$10M" in out and not re.search(r"(?<!\\)\$", out)
    assert "{{7\\*7}}" in out
    assert "\\[a link\\](javascript:alert(1))" in out
    assert "\\`rm -rf\\`" in out and "Osei \\& Sons" in out
    assert "\\*bold\\* \\_italic\\_" in out
    lines = out.splitlines()
    assert "\\# Not a heading  " in lines and "\\- not a list  " in lines
    assert "not code  " in lines and "1\\. not a number  " in lines
    assert not any(line.startswith("    ") for line in lines)  # nothing turns into a code block
    assert out.startswith("# Informational interview with ")


def test_prep_sheet_markdown_renders_literally():
    mistune = pytest.importorskip("mistune")
    render_md = mistune.create_markdown(
        escape=False, plugins=["strikethrough", "table", "url", "task_lists"]
    )
    out = render_md(render("markdown"))
    plain = html.unescape(re.sub(r"<[^>]+>", "", out))
    assert "<script" not in out and "<img" not in out and 'href="javascript' not in out
    assert "Amara <script>alert(1)</script> Osei & Sons" in plain
    assert "$5M and $10M {{7*7}}" in plain and "*bold* _italic_ `code`" in plain
    assert "# Not a heading" in plain and "[a link](javascript:alert(1))" in plain
    assert "<h1>" in out and out.count("<h1>") == 1 and out.count("<h2>") >= 8


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("<>&$*_`[]()#!-+=.1 \n|~\\{}ab:/")), max_size=80))
def test_prep_sheet_markdown_never_makes_markup(text):
    mistune = pytest.importorskip("mistune")
    render_md = mistune.create_markdown(escape=False, plugins=["strikethrough", "table", "url"])
    meeting = hostile_meeting(
        notes=text, offer=text, questions=[{"id": "", "text": text, "theme": ""}]
    )
    out = render_md(
        prep_sheet_markdown(
            profile=Profile(),
            contact=Contact(first_name=text),
            organization=None,
            meeting=meeting,
            tz=TZ,
        )
    )
    allowed = {"h1", "h2", "p", "ul", "ol", "li", "strong", "em", "blockquote", "br", "input"}
    assert set(re.findall(r"<([a-z0-9]+)", out)) <= allowed, out


def test_the_escaping_helpers_are_public_and_the_prep_sheet_keeps_collapsing_spaces():
    """The write-up uses the same escaping (``md_inline``, ``md_block``, ``slug``); the prep
    sheet, a page to print, keeps folding runs of spaces and dropping indentation."""
    assert md_inline("  a   *b*\n\tc  ") == "a \\*b\\* c"
    assert md_block("a   b\n\n\n    1.  c\td\n- e") == "a b\n\n1\\. c d  \n\\- e"
    assert slug("Zoë   Ñúñez / <b>") == "zoe-nunez-b"
    out = render("markdown", hostile_meeting(notes="Pay:   $5\n    indented"))
    assert "Pay: \\$5  \nindented" in out and "\u00a0" not in out and "&nbsp;" not in out


def test_keep_spaces_keeps_runs_tabs_and_indentation():
    assert md_inline("a   b\tc\nd", keep_spaces=True) == "a \u00a0\u00a0b \u00a0\u00a0c d"
    assert md_block("  1.  x\n\t# y  \n\nz", keep_spaces=True) == (
        "&nbsp;&nbsp;1\\. \u00a0x  \n&nbsp;&nbsp;&nbsp;&nbsp;\\# y\n\nz"
    )


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("<>&$*_`[]#!-+=.1 \t\n|~ab:")), max_size=80))
def test_keep_spaces_never_makes_markup_and_shows_each_line_as_typed(text):
    mistune = pytest.importorskip("mistune")
    out = mistune.create_markdown(escape=False, plugins=["strikethrough", "table", "url"])(
        md_block(text, keep_spaces=True)
    )
    assert set(re.findall(r"<([a-z0-9]+)", out)) <= {"p", "br"}, out
    shown = html.unescape(re.sub(r"<[^>]+>", "", out.replace("<br />\n", "\n")))
    shown_lines = [line for line in shown.replace("\u00a0", " ").splitlines() if line]
    typed_lines = [line.expandtabs(4).rstrip() for line in text.split("\n")]
    assert shown_lines == [line for line in typed_lines if line.strip()]


@pytest.mark.parametrize(
    "contact, starts_at, ext, expected",
    [
        (
            Contact(first_name="Amara", last_name="Osei"),
            "2026-03-12T10:00:00-04:00",
            "html",
            "prep-sheet-amara-osei-2026-03-12.html",
        ),
        (
            Contact(first_name="Zoë", last_name="Ñúñez-Ærø"),
            "2026-03-12T10:00",
            ".MD",
            "prep-sheet-zoe-nunez-r-2026-03-12.md",
        ),
        (
            Contact(first_name="../../etc", last_name="passwd"),
            "",
            "html",
            "prep-sheet-etc-passwd.html",
        ),
        (Contact(), "2026-03-12", "html", "prep-sheet-2026-03-12.html"),
        # a Han name gets a stand-in, never dropped (two people's sheets would collide)
        (
            Contact(first_name="李", last_name="小龙"),
            "garbage",
            "exe/../x",
            "prep-sheet-contact-f293c3ef.html",
        ),
        (Contact(id=12, first_name="王", last_name="芳"), "", "md", "prep-sheet-contact-12.md"),
        (Contact(first_name="A" * 200), "", "html", "prep-sheet-" + "a" * 40 + ".html"),
    ],
)
def test_prep_sheet_filename(contact, starts_at, ext, expected):
    name = prep_sheet_filename(contact, Meeting(1, starts_at=starts_at), ext)
    assert name == expected
    assert re.fullmatch(r"[a-z0-9.-]+", name)


def test_meeting_ics_uses_the_calendar_export():
    meeting = hostile_meeting()
    data = meeting_ics(contact=CONTACT, organization=ORG, meeting=meeting, tz=TZ)
    text = data.decode("utf-8")
    assert "BEGIN:VEVENT" in text and "UID:" in text and "DTSTAMP" in text
    assert "TZID=America/Toronto" in text and "LOCATION:" in text
    assert text.count("BEGIN:VEVENT") == 1  # a newline in a name never adds an event
    again = meeting_ics(
        contact=CONTACT,
        organization=ORG,
        meeting=hostile_meeting(starts_at="2026-03-13T09:00:00-04:00"),
        tz=TZ,
    )
    uid = lambda b: re.search(r"UID:(\S+)", b.decode()).group(1)  # noqa: E731
    assert uid(data) == uid(again)  # a moved meeting replaces the old event
    assert (
        meeting_ics(contact=CONTACT, organization=ORG, meeting=hostile_meeting(starts_at=""), tz=TZ)
        is None
    )


@pytest.mark.parametrize("language", ["es", "zh"])
def test_a_bank_question_picked_in_english_shows_in_the_language_in_use(language):
    """Picked unedited from the bank, a question follows the workbook's language on the sheet
    and in its calendar event; one the participant edited stays as typed."""
    from infoint import i18n
    from infoint.question_bank import english_bank

    bank = english_bank()[0]
    own = "My own question, as I typed it?"
    meeting = hostile_meeting(
        questions=[
            {"id": bank.id, "text": bank.text, "theme": bank.theme},
            {"id": "", "text": own, "theme": ""},
        ]
    )
    args = dict(contact=Contact(first_name="Ana"), organization=None, meeting=meeting, tz=TZ)
    with i18n.using(language):
        translated = i18n._(bank.text)
        sheet = prep_sheet_markdown(profile=Profile(), **args)
        calendar = meeting_ics(**args)
    assert translated != bank.text
    assert translated in sheet and bank.text not in sheet and own in sheet
    assert calendar is not None and translated.encode() in calendar.replace(b"\r\n ", b"")
