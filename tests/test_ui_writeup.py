"""Step 6's write-up in-process: the checklist before any download, the course saved as typed,
a file per format, and what step 5 writes showing up in both."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import docx
from test_writeup import HEADINGS, PAYLOAD, PAYLOAD_SHOWN, contact_id, hold

from infoint import writeup as wu
from infoint.demo import apply_persona
from infoint.exports.document import DOCX_MIME
from infoint.ui.debrief import DebriefPage
from infoint.ui.thanks import ThanksPage
from infoint.ui.writeup import checklist_html

NOW = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)
MET_AT = datetime(2026, 3, 9, 15, 0, tzinfo=UTC)


def word_texts(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_before_any_meeting_took_place_there_is_nothing_to_download(ws):
    apply_persona(ws)
    part = ThanksPage(ws, now=NOW).writeup
    assert part.meeting.options == ()
    assert "Nothing to write up yet" in part.checklist.value
    assert part.buttons.layout.display == "none"


def test_the_checklist_shows_before_download_and_follows_step_5(ws):
    apply_persona(ws)
    meeting = hold(ws, contact_id(ws, "Amara"), MET_AT, questions=["What is a typical day?"])
    page = ThanksPage(ws, now=NOW)
    part = page.writeup
    assert part.meeting.value == meeting.id and part.buttons.layout.display is None
    assert part.meeting.options[0][0] == "Amara Osei, 9 March 2026"
    assert "Still empty:</strong> Your reflection" in part.checklist.value
    assert "add it in step 5, Reflect" in part.checklist.value

    debrief = DebriefPage(ws, now=NOW)  # typed in step 5, as a person would
    debrief.pick.value = meeting.id
    debrief.reflection["field"].value = "Yes: the day-to-day suits me."
    debrief.insights.value = "Research ops is a real path in."
    assert debrief.flush()
    page.live_refresh()  # what the app does when step 6 is shown again
    assert "Done:</strong> Your reflection" in part.checklist.value
    assert "1 of 6 reflection questions answered" in part.checklist.value

    name, mime, data = part.docx.click()
    assert (name, mime) == ("interview-write-up-amara-osei-2026-03-09.docx", DOCX_MIME)
    texts = word_texts(data)
    assert "Yes: the day-to-day suits me." in texts and "Research ops is a real path in." in texts
    assert "Made interview-write-up-amara-osei-2026-03-09.docx" in part.status.value
    name, mime, data = part.markdown.click()
    assert (name, mime) == ("interview-write-up-amara-osei-2026-03-09.md", "text/markdown")
    markdown = data.decode("utf-8")
    assert [line[3:] for line in markdown.splitlines() if line.startswith("## ")] == HEADINGS
    assert "Yes: the day\\-to\\-day" not in markdown  # a hyphen inside a line needs no escape
    assert "Yes: the day-to-day suits me." in markdown
    assert (  # both files made say so, the first not hidden by the second
        "Made interview-write-up-amara-osei-2026-03-09.docx and "
        "interview-write-up-amara-osei-2026-03-09.md: open it" in part.status.value
    )
    part.meeting.value = None  # another choice: what was made of the last one is not repeated
    assert part.status.value == ""


def test_the_course_saves_as_typed_and_titles_the_files(ws):
    apply_persona(ws)
    hold(ws, contact_id(ws, "Amara"), MET_AT)
    part = ThanksPage(ws, now=NOW).writeup
    part.course.value = "CAREER 101: informational interview"
    assert part.form.flush()
    assert wu.load_course(ws) == "CAREER 101: informational interview"
    assert ThanksPage(ws, now=NOW).writeup.course.value == "CAREER 101: informational interview"
    part.course.value = "CAREER 102"  # typed, not yet saved: a download writes it first
    _, _, data = part.docx.click()
    assert "CAREER 102" in word_texts(data) and wu.load_course(ws) == "CAREER 102"


def test_the_newest_held_meeting_comes_first_and_a_choice_is_kept(ws):
    apply_persona(ws)
    amara = hold(ws, contact_id(ws, "Amara"), MET_AT)
    rosa = hold(ws, contact_id(ws, "Rosa"), MET_AT + timedelta(hours=2))
    page = ThanksPage(ws, now=NOW)
    part = page.writeup
    assert [v for _, v in part.meeting.options] == [rosa.id, amara.id]
    part.meeting.value = amara.id
    page.live_refresh()
    assert part.meeting.value == amara.id
    name, _, _ = part.docx.click()
    assert name.startswith("interview-write-up-amara-osei")


def test_a_payload_shows_escaped_on_the_page_and_literal_in_the_files(ws):
    apply_persona(ws)
    cid = contact_id(ws, "Amara")
    ws.write(updates={"contacts": [(cid, {"first_name": "<img src=x onerror=alert(1)>"})]})
    meeting = hold(ws, cid, MET_AT)
    debrief = DebriefPage(ws, now=NOW)
    debrief.pick.value = meeting.id
    debrief.insights.value = PAYLOAD
    assert debrief.flush()
    part = ThanksPage(ws, now=NOW).writeup
    assert "<img" not in part.checklist.value and "&lt;img src=x" in part.checklist.value
    assert part.meeting.options[0][0].startswith("<img src=x onerror=alert(1)> Osei")
    _, _, data = part.docx.click()
    assert PAYLOAD_SHOWN in word_texts(data)
    _, _, md = part.markdown.click()
    assert "\\<img src=x onerror=alert(1)\\> Osei" in md.decode("utf-8")


def test_the_checklist_says_done_and_empty_in_words():
    items = [
        wu.CheckItem("a", "Part <a>", True, "3 of 3", "step 1"),
        wu.CheckItem("b", "Part b", False, "none $5", "step <5>"),
    ]
    html = checklist_html(items)
    assert html.startswith("<p>1 of 2 parts are there; 1 still empty.</p>")
    assert "<strong>Done:</strong> Part &lt;a&gt;" in html
    assert "<strong>Still empty:</strong> Part b" in html
    assert "none &#36;5; add it in step &lt;5&gt;" in html
    assert checklist_html(items[:1]).startswith("<p>Every part an assignment asks for is there.")
