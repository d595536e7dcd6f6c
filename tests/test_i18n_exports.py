"""Every file that leaves the workbook, in Spanish and in Chinese: the advisor report, the
sharing levels, the workshop card, the reminders calendar (.ics), the "my week" draft (.eml),
the write-up (.docx and Markdown), the prep sheet (HTML and Markdown) and the contacts table.

Each export is made in each language (``i18n.using``) from the demo workbook; it holds the
translated headings (looked up with ``i18n.translate``, so the test follows the catalogs), it
still parses (icalendar, ``email.policy.strict``, python-docx, JSON) and keeps the untrusted-text
rules, and the English one is unchanged."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from browser_support import full_demo
from icalendar import Calendar

from infoint import card, i18n, reminders, reminders_week, report, sharing
from infoint import writeup as wu
from infoint import writeup_files as wf
from infoint.checklists import organization_of
from infoint.cohort import read_card
from infoint.exports import contacts_table, table_csv, table_xlsx
from infoint.imports import coded_value, read_contacts
from infoint.meetings import load_meetings
from infoint.objectives import load_profile
from infoint.prep_sheet import meeting_ics, prep_sheet_html, prep_sheet_markdown
from infoint.records import (
    CONNECTION_LABELS,
    CONNECTIONS,
    FOCUSES,
    SENIORITIES,
    SENIORITY_LABELS,
)
from infoint.targets import Contact, load_contacts
from infoint.workspace import Workspace
from tests.i18n_support import data_words, html_texts, unmarked

LANGUAGES = ("es", "zh")
NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def tr(code: str, msgid: str) -> str:
    """The catalog's translation of ``msgid``, asserted to exist (a test of the catalog too)."""
    text = i18n.translate(code, msgid)
    assert text != msgid, f"{msgid!r} has no {code} translation"
    return text


def lead(code: str, msgid: str) -> str:
    """The fixed words of a translated sentence before its first ``{field}``."""
    return tr(code, msgid).split("{", 1)[0].strip()


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("i18n-exports")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INFOINT_WORKSPACE", str(folder / "default" / "workspace.sqlite3"))
        path = folder / "workspace.sqlite3"
        full_demo(path)
    return path


@pytest.fixture
def demo_ws(demo_path):
    w = Workspace.open(demo_path)
    yield w
    w.close()


# ----------------------------------------------------------------- the report and sharing


@pytest.mark.parametrize("code", LANGUAGES)
def test_report_sections_speak_the_language(demo_ws, code):
    with i18n.using(code):
        sections = report.report_sections(demo_ws, now=NOW)
    headings = [h for h, _ in sections]
    assert headings[0] == tr(code, report.OVERVIEW)
    html = "".join(body for _, body in sections)
    for msgid in (
        "Who is asking",
        "Requests and follow-ups",
        "Meetings and the questions prepared for them",
        "Everyone they met",
        "The plan (solid) and the targets so far (dashed)",
    ):
        assert tr(code, msgid) in html, msgid
    for column in ("Industry", "Job title", "First asked", "Thank-you note"):
        assert f"<th scope='col'>{tr(code, column)}</th>" in html
    # the participant's own text is never translated, and stays escaped
    assert "Amara Osei" in html and "<b>" not in html.replace("<b>Theo", "")
    assert "Overview: progress and what is due" not in html


def test_report_page_in_chinese_is_offline_and_titled(demo_ws):
    with i18n.using("zh"):
        page = report.report_html(demo_ws, now=NOW, level=sharing.COUNTS).decode("utf-8")
    assert tr("zh", "The figures: numbers only") in page
    assert tr("zh", "Informational interview workbook: report") in page
    assert '<html lang="zh">' in page  # nbconvert takes ISO 639-1 codes only
    assert "<script" not in page.lower()
    assert report.CSP in page


@pytest.mark.parametrize("code", LANGUAGES)
def test_sharing_levels_and_card_words(demo_ws, code):
    with i18n.using(code):
        counts = sharing.level_sections(demo_ws, sharing.ORGANIZATIONS, NOW)
        figures = sharing.outcomes(demo_ws, NOW).rows()
        content = card.card_dict(demo_ws, NOW)
    assert [h for h, _ in counts] == [
        tr(code, sharing.COUNTS_HEADING),
        tr(code, sharing.ORGANIZATIONS_HEADING),
    ]
    assert figures[0][0] == tr(code, "Steps done")
    # the card's words are translated, its keys and figures are the file format
    assert content["what_this_card_holds"] == tr(code, card.CARD_HOLDS)
    assert set(content["what_the_figures_mean"]) == {k for k, _ in card.FIGURES}
    assert content["what_the_figures_mean"]["replies"] == tr(code, "of them who answered")
    data = json.dumps(content, ensure_ascii=False).encode("utf-8")
    assert read_card("card.json", data).figures["steps_total"] == content["figures"]["steps_total"]


# ----------------------------------------------------------------- calendar and mail


def test_english_calendar_and_week_are_unchanged(demo_ws):
    made = reminders.download_calendar(demo_ws, NOW)
    cal = Calendar.from_ical(made.data)
    assert str(cal["X-WR-CALNAME"]) == reminders.CALENDAR_NAME
    subject, body = reminders_week.week_text(demo_ws, NOW)
    assert subject.startswith("My week: ")
    assert body.startswith("Your week in the informational interview workbook, ")


@pytest.mark.parametrize("code", LANGUAGES)
def test_calendar_in_the_language_parses(demo_ws, code):
    with i18n.using(code):
        made = reminders.download_calendar(demo_ws, NOW)
    cal = Calendar.from_ical(made.data)
    assert str(cal["X-WR-CALNAME"]) == tr(code, reminders.CALENDAR_NAME)
    # what is due now; a cancelled event keeps the words it was first sent with
    events = [c for c in cal.walk("VEVENT") if str(c.get("STATUS")) == "CONFIRMED"]
    assert events, "the demo has things due"
    titles = {tr(code, t) for t in reminders.TITLES.values()}
    for event in events:
        summary, description = str(event["SUMMARY"]), str(event["DESCRIPTION"])
        assert any(summary.startswith(t) for t in titles), summary
        assert lead(code, "In the workbook: {where}.") in description
        assert "\n" not in summary and "END:VEVENT" not in summary


@pytest.mark.parametrize("code", LANGUAGES)
def test_week_draft_in_the_language_parses_strictly(demo_ws, code):
    with i18n.using(code):
        draft = reminders_week.week_draft(demo_ws, NOW)
        said = i18n.ngettext("My week: {span} ({n} to do)", "My week: {span} ({n} to do)", 2)
    assert said != "My week: {span} ({n} to do)"
    message = email.message_from_bytes(draft.data, policy=email.policy.strict)
    subject = str(message["Subject"])
    assert subject.startswith(said.split("{", 1)[0])
    # a non-ASCII subject is encoded (RFC 2047), never raw bytes in the header
    raw_subject = draft.data.split(b"\nSubject: ", 1)[1].split(b"\n", 1)[0]
    assert raw_subject.isascii()
    if code == "zh":
        assert b"=?utf-8?" in raw_subject.lower()
    body = message.get_content()
    assert body.startswith(lead(code, "Your week in the informational interview workbook, {span}."))
    assert lead(code, "Times are in {zone}. A draft to yourself: nothing was sent.") in body
    assert message["X-Unsent"] == "1"
    assert {k.lower() for k in message.keys()} >= {"from", "to", "subject", "date"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_days_are_said_the_language_s_way(code):
    moment = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    with i18n.using(code):
        day = reminders.day_words(moment)
    assert day == {"es": "martes 10 de marzo", "zh": "3月10日星期二"}[code]


# ----------------------------------------------------------------- the write-up


def _interview(ws):
    held = wu.held_meetings(ws, NOW, "America/Toronto")
    assert held, "the demo has a meeting that took place"
    return wu.gather(ws, held[0][0].id, NOW, "America/Toronto")


@pytest.mark.parametrize("code", LANGUAGES)
def test_writeup_docx_and_markdown_in_the_language(demo_ws, code):
    iv = _interview(demo_ws)
    with i18n.using(code):
        document = wf.writeup_document(iv, NOW)
        data = wf.writeup_docx(document, NOW)
        markdown = wf.writeup_markdown(document)
        items = wu.checklist(iv)
    parts = ["The interview", "My objective", "Questions and answers", "Next steps", "Thank-you"]
    opened = docx.Document(io.BytesIO(data))
    headings = [p.text for p in opened.paragraphs if p.style.name == "Heading 1"]
    for part in parts:
        assert tr(code, part) in headings
        assert f"## {tr(code, part)}" in markdown
    assert opened.paragraphs[0].text.startswith(lead(code, "Informational interview with {who}"))
    assert items[0].label == tr(code, wu.PARTS[0][1])


def test_english_writeup_is_unchanged(demo_ws):
    document = wf.writeup_document(_interview(demo_ws), NOW)
    assert [p.heading for p in document.parts][:2] == ["The interview", "My objective"]


# ----------------------------------------------------------------- the prep sheet


def _sheet_args(ws):
    meeting = load_meetings(ws)[0]
    contact = next(c for c in load_contacts(ws) if c.id == meeting.contact_id)
    return dict(
        profile=load_profile(ws),
        contact=contact,
        organization=organization_of(ws, contact),
        meeting=meeting,
        tz="America/Toronto",
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_prep_sheet_in_the_language(demo_ws, code):
    args = _sheet_args(demo_ws)
    with i18n.using(code):
        page = prep_sheet_html(**args)
        markdown = prep_sheet_markdown(**args)
    assert f'<html lang="{i18n.HTML_LANG[code]}">' in page
    for msgid in ("When and where", "Your questions", "Before you go", "Good manners"):
        assert tr(code, msgid) in page
        assert f"## {tr(code, msgid)}" in markdown
    assert "When and where" not in page and "Good manners" not in markdown


def test_english_prep_sheet_is_unchanged(demo_ws):
    page = prep_sheet_html(**_sheet_args(demo_ws))
    assert '<html lang="en">' in page and '<h2 id="when">When and where</h2>' in page


# ----------------------------------------------------------------- the contacts table


@pytest.mark.parametrize("code", LANGUAGES)
def test_contacts_table_headers_translated_and_still_formula_safe(demo_ws, code):
    contacts = load_contacts(demo_ws)
    with i18n.using(code):
        header, rows = contacts_table(contacts)
    assert header[0] == i18n.translate(code, "Name")
    text = table_csv(header, rows + [["=1+1"] + [""] * (len(header) - 1)]).decode("utf-8-sig")
    assert '"\'=1+1"' in text


# ----------------------------------------------------------------- the pseudo-language scan


def _pseudo_exports(ws) -> list[tuple[str, str]]:
    """``(where, text)`` for every text of every export, made in the pseudo-language."""
    texts: list[tuple[str, str]] = []
    with i18n.using(i18n.PSEUDO):
        for heading, body in report.report_sections(ws, now=NOW):
            texts.append(("report.heading", heading))
            texts += [("report", t) for t in html_texts(body)]
        header, rows = contacts_table(load_contacts(ws))
        table = table_csv(header, rows).decode("utf-8-sig")
        for n, row in enumerate(csv.reader(io.StringIO(table))):
            texts += [(f"contacts.csv:{n}", cell) for cell in row if cell]
        cal = Calendar.from_ical(reminders.download_calendar(ws, NOW).data)
        texts.append(("ics.name", str(cal["X-WR-CALNAME"])))
        for event in cal.walk("VEVENT"):
            if str(event.get("STATUS")) != "CONFIRMED":
                continue  # a cancelled event keeps the words it was first sent with
            for key in ("SUMMARY", "DESCRIPTION", "LOCATION"):
                if event.get(key):
                    texts += [(f"ics.{key}", line) for line in str(event[key]).splitlines()]
        draft = reminders_week.week_draft(ws, NOW)
        message = email.message_from_bytes(draft.data, policy=email.policy.strict)
        texts.append(("week.subject", str(message["Subject"])))
        texts += [("week.body", line) for line in message.get_content().splitlines()]
        args = _sheet_args(ws)
        texts += [("prep.html", t) for t in html_texts(prep_sheet_html(**args))]
        texts += [("prep.md", line) for line in prep_sheet_markdown(**args).splitlines()]
        document = wf.writeup_document(_interview(ws), NOW)
        markdown = wf.writeup_markdown(document)
        texts += [("writeup.md", line) for line in markdown.splitlines()]
    return texts


# The codes the workbook stores (they are in its data, so the word scan lets them through):
# an export that shows one of them as a whole cell or line shows the code, not its label.
STORED_CODES = frozenset(
    {*CONNECTIONS, *SENIORITIES, *FOCUSES, "yes", "no", "later", "linkedin", "form", "referral"}
)


def test_every_export_in_the_pseudo_language_is_all_translated(demo_ws):
    """Each export, made in ``i18n.PSEUDO``, holds only bracketed (translated) words and the
    participant's own data: English left in a file is what a Spanish or Chinese reader gets."""
    texts = _pseudo_exports(demo_ws)
    problems = unmarked(texts, data_words(demo_ws))
    problems += [f"{where}: {text!r}" for where, text in texts if text.strip() in STORED_CODES]
    assert not problems, f"{len(problems)} text(s) not translated:\n" + "\n".join(problems[:80])


@pytest.mark.parametrize("code", ("en", "es", "zh"))
@pytest.mark.parametrize("kind", ("csv", "xlsx"))
def test_contacts_table_in_any_language_reads_back(code, kind):
    """The table's connection, seniority, focus and source are labels outside English (the
    codes in English); the importer reads either back to the codes, from any language."""
    people = [
        Contact(
            id=n + 1,
            first_name=first,
            last_name="Ríos",
            email=f"p{n}@example.com",
            organization="Acme",
            position="Designer",
            connection=CONNECTIONS[n % 3],
            seniority=SENIORITIES[n % 3],
            focus=FOCUSES[n % 4],
            notes="Met at a meetup",
            source="referral" if n else "linkedin",
            connected_on="2024-05-01",
        )
        for n, first in enumerate(("Ana", "Bo", "Cy", "Dee"))
    ]
    with i18n.using(code):
        header, rows = contacts_table(people)
    if code != "en":
        assert rows[0][4] == i18n.translate(code, CONNECTION_LABELS["first"])
        assert rows[0][9] == "LinkedIn" and rows[1][9] == tr(code, "a referral")
    data = table_csv(header, rows) if kind == "csv" else table_xlsx(header, rows)
    with i18n.using(code):
        plan = read_contacts(data, f"contacts.{kind}")
    assert not plan.skipped
    back = [c for _line, c in plan.contacts]
    assert [(c.first_name, c.last_name, c.email) for c in back] == [
        (p.first_name, p.last_name, p.email) for p in people
    ]
    for field_name in ("organization", "position", "notes", "connected_on"):
        assert [getattr(c, field_name) for c in back] == [getattr(p, field_name) for p in people]
    for field_name in ("connection", "seniority", "focus"):
        assert [getattr(c, field_name) for c in back] == [getattr(p, field_name) for p in people]


def test_coded_cells_read_in_every_language_and_as_codes():
    assert coded_value("connection", "first") == "first"
    assert coded_value("connection", "First-degree (you know them)") == "first"
    assert coded_value("seniority", i18n.translate("es", SENIORITY_LABELS["mid"])) == "mid"
    assert coded_value("seniority", i18n.translate("zh", SENIORITY_LABELS["mid"])) == "mid"
    assert coded_value("focus", i18n.translate("zh", "neither")) == "neither"
    assert coded_value("focus", "whatever") == ""


@pytest.mark.parametrize("code, tag", [("en", "en-CA"), ("es", "es-ES"), ("zh", "zh-CN")])
def test_writeup_docx_says_its_language(demo_ws, code, tag):
    from docx.oxml.ns import qn

    iv = _interview(demo_ws)
    with i18n.using(code):
        data = wf.writeup_docx(wf.writeup_document(iv, NOW), NOW)
    opened = docx.Document(io.BytesIO(data))
    assert opened.core_properties.language == tag
    lang = opened.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == tag
    if code == "zh":
        assert lang.get(qn("w:eastAsia")) == "zh-CN"  # what Word reads for Han text
    if code == "zh":
        fields = [p.text for p in opened.paragraphs if "：" in p.text]
        assert fields and not any("： " in t for t in fields)  # full-width colon, no space


def test_report_fit_chart_names_its_bars(demo_ws):
    with i18n.using("es"):
        html = "".join(body for _, body in report.report_sections(demo_ws, now=NOW))
    chart = html.split(tr("es", "Role fit (solid) and organization fit (dashed), 1-5"), 1)[1]
    chart = chart.split("</svg>", 1)[0]
    assert tr("es", "role fit") in chart and tr("es", "organization fit") in chart
    assert tr("es", "planned") not in chart


def test_chinese_exports_use_full_width_punctuation(demo_ws):
    with i18n.using("zh"):
        cal = Calendar.from_ical(reminders.download_calendar(demo_ws, NOW).data)
        args = {k: v for k, v in _sheet_args(demo_ws).items() if k != "profile"}
        sheet = meeting_ics(**args)
    # what is due now (a cancelled event keeps the words it was first sent with)
    events = [e for e in cal.walk("VEVENT") if str(e.get("STATUS")) == "CONFIRMED"]
    summaries = [str(e["SUMMARY"]) for e in events]
    assert any("（" in s for s in summaries)
    assert not any(" (" in s for s in summaries)
    event = next(iter(Calendar.from_ical(sheet).walk("VEVENT")))
    assert "（" in str(event["SUMMARY"]) and " (" not in str(event["SUMMARY"])
    assert str(event["DESCRIPTION"]).splitlines()[0].count("：") == 1


def test_writeup_file_of_a_han_name_is_its_own(demo_ws):
    iv = _interview(demo_ws)
    iv.contact.first_name, iv.contact.last_name = "芳", "王"
    name = wf.writeup_filename(iv, "md")
    assert name.startswith(f"interview-write-up-contact-{iv.contact.id}-") and name.isascii()
