"""The assignment write-up of one interview: its parts, the checklist of what is still empty, and
the Word and Markdown files, with the participant's text kept literal in both."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime, timedelta

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from infoint import action_items as ai
from infoint import debrief as db
from infoint import meetings as mt
from infoint import pipeline, thanks_log
from infoint import writeup as wu
from infoint import writeup_files as wf
from infoint.checklists import research_checklist
from infoint.demo import apply_persona
from infoint.exports.document import Block, Document, Part, docx_bytes, visible_text

MET_AT = datetime(2026, 3, 9, 15, 0, tzinfo=UTC)
NOW = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
TZ = "America/Toronto"
HEADINGS = [
    "The interview",
    "My objective",
    "Research beforehand",
    "Questions and answers",
    "What I learned",
    "Reflection",
    "Next steps",
    "Thank-you",
]
# Text a participant might paste: HTML, a spreadsheet formula, Markdown structure, math, a
# bell character (which XML can't hold) and a right-to-left override.
PAYLOAD = (
    '<script>alert(1)</script> =HYPERLINK("https://evil.example","click") '
    "[a link](javascript:alert(2)) **bold** $5M and $10M \x07bell \u202eevil"
)
PAYLOAD_SHOWN = PAYLOAD.replace("\x07", "\u2407").replace("\u202e", "\ufffd")


def contact_id(ws, first_name: str) -> int:
    return next(r["id"] for r in ws.rows("contacts") if r["first_name"] == first_name)


def hold(ws, cid: int, at: datetime = MET_AT, questions=()) -> mt.Meeting:
    """A meeting as steps 4 and 5 leave it: saved with its questions, booked, then held."""
    meeting = mt.Meeting(
        contact_id=cid,
        starts_at=at.isoformat(),
        mode="video",
        place="Zoom",
        questions=[{"id": f"q{i}", "text": q, "theme": ""} for i, q in enumerate(questions)],
    )
    mt.save_meeting(ws, meeting)
    ws.append_event(
        pipeline.MEETING_SCHEDULED,
        cid,
        {"starts_at": at.isoformat(), "meeting_id": meeting.id},
        at=(at - timedelta(days=3)).isoformat(),
    )
    ws.append_event(
        pipeline.MET, cid, {"at": at.isoformat(), "meeting_id": meeting.id}, at=at.isoformat()
    )
    return meeting


@pytest.fixture
def demo_ws(ws):
    apply_persona(ws)
    return ws


def fill_everything(ws, meeting: mt.Meeting, note: str = "Research ops is a path in.") -> None:
    """Every part the assignment asks for, as a participant would have written it."""
    cid = meeting.contact_id
    meeting.notes = f"Their team page says {note}"
    meeting.research = {key: True for key, _ in research_checklist(None, None)}  # all six ticked
    mt.save_meeting(ws, meeting)
    debrief = db.Debrief(
        meeting_id=meeting.id,
        contact_id=cid,
        answers={q: f"Answer: {note}" for q in db.question_texts(meeting.questions)},
        insights=note,
        surprises="They hire juniors every spring.",
        reflection={"field": f"Yes. {note}", "learned": "Synthesis takes time."},
        role_fit=4,
        org_fit=5,
        next_changes="Add research ops to my targets.",
    )
    db.save_debrief(ws, debrief)
    ai.save_action_item(
        ws, ai.ActionItem("Read the book", due="2026-03-16", meeting_id=meeting.id, contact_id=cid)
    )
    ws.save("contacts", None, {"first_name": "Nadia", "last_name": "Okafor", "referred_by": cid})
    thanks_log.log_note_sent(
        ws, cid, "thanks", "Thank you", f"Dear Amara,\n{note}", at=MET_AT + timedelta(hours=20)
    )


# ----------------------------------------------------------------- which meetings, which parts


def test_only_meetings_that_took_place_can_be_written_up_newest_first(demo_ws):
    ws = demo_ws
    amara, rosa = contact_id(ws, "Amara"), contact_id(ws, "Rosa")
    first = hold(ws, amara)
    booked = mt.Meeting(contact_id=rosa, starts_at=(MET_AT + timedelta(days=2)).isoformat())
    mt.save_meeting(ws, booked)  # booked, never held
    assert [(m.id, c.id) for m, c, _ in wu.held_meetings(ws, NOW, TZ)] == [(first.id, amara)]
    assert wu.gather(ws, booked.id, NOW, TZ) is None
    later = hold(ws, rosa, MET_AT + timedelta(days=1))
    assert [m.id for m, _, _ in wu.held_meetings(ws, NOW, TZ)] == [later.id, first.id]


def test_a_held_meeting_with_nothing_written_lists_what_is_still_empty(demo_ws):
    ws = demo_ws
    meeting = hold(ws, contact_id(ws, "Amara"), questions=["What is a typical day?"])
    items = {i.key: i for i in wu.checklist(wu.gather(ws, meeting.id, NOW, TZ))}
    assert list(items) == [key for key, _, _ in wu.PARTS]
    done = {k for k, i in items.items() if i.done}
    assert done == {"person", "objective", "questions"}  # the demo filled steps 1 and 2
    assert items["answers"].detail == "0 of 1 questions have notes"
    assert items["reflection"].where == "step 5, Reflect"
    assert items["thanks"].detail == "not sent yet; due, by 11 March 2026"  # within 48 hours


def test_once_every_part_is_written_the_checklist_is_all_done(demo_ws):
    ws = demo_ws
    meeting = hold(ws, contact_id(ws, "Amara"), questions=["What is a typical day?", "And then?"])
    fill_everything(ws, meeting)
    items = wu.checklist(wu.gather(ws, meeting.id, NOW, TZ))
    assert [i.key for i in items if not i.done] == []
    by_key = {i.key: i for i in items}
    assert by_key["next_steps"].detail == (
        "1 action item (1 open), 1 person they suggested, changes planned"
    )
    assert by_key["thanks"].detail == "sent on time"


def test_research_is_there_once_every_step_is_ticked_and_what_was_found_is_noted(demo_ws):
    """Q3: the write-up counts research as step 4's progress does (``research_status``): two
    ticks stored as the only keys are 2 of 6, not all of them."""
    ws = demo_ws
    meeting = hold(ws, contact_id(ws, "Amara"))
    meeting.research = {"profile": True, "website": True}
    mt.save_meeting(ws, meeting)

    def research() -> wu.CheckItem:
        iv = wu.gather(ws, meeting.id, NOW, TZ)
        return next(i for i in wu.checklist(iv) if i.key == "research")

    assert (research().done, research().detail) == (
        False,
        "2 of 6 research steps ticked; no notes on what you found",
    )
    meeting.notes = "Their team page lists a research ops role."
    mt.save_meeting(ws, meeting)
    assert not research().done  # notes alone: four steps still not ticked
    meeting.research = {key: True for key, _ in research_checklist(None, None)}
    mt.save_meeting(ws, meeting)
    assert (research().done, research().detail) == (
        True,
        "6 of 6 research steps ticked; notes written",
    )


def test_the_course_is_one_line_kept_in_the_workbook(ws):
    assert wu.load_course(ws) == ""
    wu.save_course(ws, "  CAREER 101\n informational\x00interview  ")
    assert wu.load_course(ws) == "CAREER 101 informational interview"


# ----------------------------------------------------------------- the files


def _docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _parts(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == "Heading 1"]


def test_the_word_file_opens_and_holds_every_section(demo_ws):
    ws = demo_ws
    meeting = hold(ws, contact_id(ws, "Amara"), questions=["What is a typical day?"])
    fill_everything(ws, meeting)
    wu.save_course(ws, "CAREER 101")
    link = {"warm_reason": "same school", "via": "Jo Park"}
    ws.write(updates={"contacts": [(meeting.contact_id, link)]})
    iv = wu.gather(ws, meeting.id, NOW, TZ)
    data = wf.writeup_docx(wf.writeup_document(iv, NOW), NOW)
    document = _docx(data)
    assert _parts(document) == HEADINGS
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Informational interview with Amara Osei"
    assert document.paragraphs[0].style.name == "Title"
    assert "CAREER 101" in texts and "By Leela Varadan" in texts
    assert "1. What is a typical day?" in texts
    assert "Answer: Research ops is a path in." in texts
    assert "Read the book (by 16 March 2026)" in texts
    assert any(t.startswith("Talk to Nadia Okafor") for t in texts)
    assert "Sent: 10 March 2026 (sent on time)" in texts
    assert "How we are connected: same school; introduced by Jo Park" in texts
    assert "How I introduced myself" in texts  # step 1's pitch (O4)
    assert texts[texts.index("How I introduced myself") + 1] == iv.profile.pitch.strip()
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["Read the book (by 16 March 2026)"] == "List Bullet"
    assert document.core_properties.author == "Leela Varadan"
    assert document.core_properties.title == texts[0]
    assert not any("Still empty" in t for t in texts)
    assert wf.writeup_filename(iv, "docx") == "interview-write-up-amara-osei-2026-03-09.docx"


def test_an_empty_part_says_where_to_fill_it_in_both_files(demo_ws):
    ws = demo_ws
    meeting = hold(ws, contact_id(ws, "Amara"))
    document = wf.writeup_document(wu.gather(ws, meeting.id, NOW, TZ), NOW)
    word = [p.text for p in _docx(wf.writeup_docx(document, NOW)).paragraphs]
    assert "Still empty: add it in step 5, Reflect, then download again." in word
    markdown = wf.writeup_markdown(document)
    assert "*Still empty: add it in step 5, Reflect, then download again.*" in markdown
    assert [line[3:] for line in markdown.splitlines() if line.startswith("## ")] == HEADINGS


def test_a_payload_in_a_note_stays_literal_text_in_the_word_file(demo_ws):
    ws = demo_ws
    meeting = hold(ws, contact_id(ws, "Amara"), questions=[PAYLOAD])
    fill_everything(ws, meeting, note=PAYLOAD)
    iv = wu.gather(ws, meeting.id, NOW, TZ)
    data = wf.writeup_docx(wf.writeup_document(iv, NOW), NOW)  # a control character: no crash
    texts = [p.text for p in _docx(data).paragraphs]
    assert PAYLOAD_SHOWN in texts  # the insights, exactly as typed, the bell made visible
    assert f"Answer: {PAYLOAD_SHOWN}" in texts
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    for active in ("<w:hyperlink", "<w:fldSimple", "<w:instrText", "<w:fldChar", "<script"):
        assert active not in xml
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in xml


def test_a_payload_in_a_note_stays_literal_text_in_the_markdown(demo_ws):
    mistune = pytest.importorskip("mistune")
    ws = demo_ws
    meeting = hold(ws, contact_id(ws, "Amara"), questions=[PAYLOAD, "# Not a heading"])
    fill_everything(ws, meeting, note=PAYLOAD + "\n# Not a heading\n1. not a list\n> no quote")
    iv = wu.gather(ws, meeting.id, NOW, TZ)
    markdown = wf.writeup_markdown(wf.writeup_document(iv, NOW))
    html = mistune.create_markdown(escape=False)(markdown)
    assert "<script" not in html and "<a " not in html
    assert html.count("<h1>") == 1 and "<ol>" not in html and "<blockquote>" not in html
    assert "<strong>bold</strong>" not in html
    assert [line[3:] for line in markdown.splitlines() if line.startswith("## ")] == HEADINGS
    shown = html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    assert "<script>alert(1)</script>" in shown and "**bold**" in shown
    assert "\x07" not in markdown and "\u2407bell" in markdown
    assert "\\$5M and \\$10M" in markdown  # MathJax and Markdown viewers leave it alone


def test_runs_of_spaces_and_tabs_stay_as_typed_in_the_markdown(demo_ws):
    """The participant's layout is kept: a viewer shows runs of spaces, tabs (to the next
    multiple of four) and indentation as typed, and none of it becomes Markdown (no code
    block, no list)."""
    mistune = pytest.importorskip("mistune")
    ws = demo_ws
    meeting = hold(ws, contact_id(ws, "Amara"), questions=["What is a typical day?"])
    typed = "Pay:   about $50k\tto $60k\n    indented four\n  1.  not a list\n\t- no bullet"
    fill_everything(ws, meeting, note=typed)
    markdown = wf.writeup_markdown(wf.writeup_document(wu.gather(ws, meeting.id, NOW, TZ), NOW))
    html = mistune.create_markdown(escape=False)(markdown)
    assert "<pre" not in html and "<code" not in html and "<ol" not in html
    assert "<li>no bullet" not in html
    shown = re.sub(r"<[^>]+>", "", html).replace("&#36;", "$").replace("\u00a0", " ")
    for line in typed.expandtabs(4).splitlines():
        assert line in shown, line
    assert "Pay: \u00a0\u00a0about \\$50k \u00a0\u00a0to \\$60k  \n" in markdown


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("", ""),
        ("plain", "plain"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("tab\tkept", "tab\tkept"),
        ("nul\x00 bell\x07 esc\x1b", "nul\u2400 bell\u2407 esc\u241b"),
        ("del\x7f c1\x85", "del\u2421 c1\ufffd"),
        ("rlo\u202e isolate\u2066", "rlo\ufffd isolate\ufffd"),
        ("lone\ud800 nonchar\uffff", "lone\ufffd nonchar\ufffd"),
        (None, ""),
    ],
)
def test_control_characters_become_visible_stand_ins(typed, shown):
    assert visible_text(typed) == shown


def test_every_block_kind_becomes_a_plain_paragraph_of_its_style():
    document = Document(
        "Title\x07",
        ("line one",),
        (
            Part(
                "Part <b>",
                (
                    Block("heading", "Sub"),
                    Block("text", "two\nlines"),
                    Block("bullet", "a bullet"),
                    Block("number", "a number"),
                    Block("field", "=1+1", "Label"),
                    Block("note", "a note"),
                ),
            ),
        ),
        author="Me\x00",
    )
    result = _docx(docx_bytes(document))
    got = [(p.style.name, p.text) for p in result.paragraphs]
    assert got == [
        ("Title", "Title\u2407"),
        ("Normal", "line one"),
        ("Heading 1", "Part <b>"),
        ("Heading 2", "Sub"),
        ("Normal", "two\nlines"),
        ("List Bullet", "a bullet"),
        ("List Number", "a number"),
        ("Normal", "Label: =1+1"),
        ("Normal", "a note"),
    ]
    label, value = result.paragraphs[7].runs
    assert label.bold and not value.bold  # only the workbook's label is bold
    assert result.paragraphs[8].runs[0].italic
    assert result.core_properties.author == "Me\u2400"


@settings(max_examples=examples(40), deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_any_text_makes_a_word_file_that_reads_back_as_shown(heading, text):
    """Whatever a participant typed, the .docx is made and holds the visible form of it."""
    document = Document("T", (), (Part(heading, (Block("text", text),)),))
    paragraphs = _docx(docx_bytes(document)).paragraphs
    assert [p.text for p in paragraphs[1:]] == [visible_text(heading), visible_text(text)]
    assert not any(ord(ch) < 32 and ch not in "\t\n" for ch in visible_text(text))
