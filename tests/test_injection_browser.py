"""Untrusted text in a real browser: every text field the workbook shows holds an injection payload.

A workspace is built where the profile, objectives, organizations, contacts, drafts, meetings,
questions, debriefs, action items, referrals and thank-you drafts all hold HTML, script, URL,
template and MathJax payloads, written through the app's own functions (the step modules' save
functions, and the pages driven in-process as a click would). Voila then serves it to Debian's
Chromium and, on every page, nothing may run (``window.__pwned`` stays undefined), no element
may be created from the data (``img[src=x]``, ``svg[onload]``, ``javascript:`` links, scripts,
``on*`` attributes), and the payloads must show literally (``{{7*7}}`` and ``$5M and $10M``,
not 49 or a MathJax formula). The prep sheet, the one exported HTML file, gets the same
checks opened from disk, plus: no network request at all.

The Voila and Chromium helpers are tests/browser_support.py's; the shared ``browser`` fixture is
conftest.py's (``page`` is this module's own, with ``window.__pwned`` reset in every document).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from browser_support import PAGES, full_demo, require_chromium, start_voila, stop_voila

from infoint import action_items
from infoint.workspace import Workspace

pytestmark = pytest.mark.browser

# ------------------------------------------------------------------ payloads

IMG = '<img src=x onerror="window.__pwned=1">'
SVG = '<svg onload="window.__pwned=1">'
JS_URL = "javascript:window.__pwned=1"
SCRIPT = '"><script>window.__pwned=1</script>'
QUOTE = "' onmouseover='window.__pwned=1' autofocus onfocus='window.__pwned=1' x='"
TEMPLATE = "{{7*7}}"
MATH = "$x$"
MONEY = "$5M and $10M"
LITERALS = (TEMPLATE, MONEY, MATH)  # must be visible literally wherever a payload field is shown


def payload(tag: str) -> str:
    """One field's text: a tag naming the field, then every payload."""
    return f"{tag} {IMG} {SVG} {SCRIPT} {QUOTE} {JS_URL} {TEMPLATE} {MATH} {MONEY}"


# ------------------------------------------------------------------ the payload workspace


def build_payload_workspace(workspace: Path) -> None:
    """The demo's journey through all six steps, then every text field overwritten with payloads.

    Written through the app: step 1 and the debrief's action item and referral by driving the
    pages in-process (values set, buttons clicked); organizations, contacts, meetings, custom
    questions and debriefs through the step modules' save functions; drafts (requests and
    thank-yous) through the same ``ws.write`` the pages use.
    """
    from infoint import debrief as db
    from infoint import meetings as mt
    from infoint import organizations
    from infoint import questions as qs
    from infoint import targets as tg
    from infoint.ui import session
    from infoint.ui.debrief import DebriefPage
    from infoint.ui.objectives import ObjectivesPage
    from infoint.ui.questions import QuestionsPage
    from infoint.ui.thanks import ThanksPage

    full_demo(workspace)

    # Step 1, typed into the form (it saves by itself; flush is what the debounce does).
    page = ObjectivesPage.open(str(workspace))
    page.name.value = payload("ProfileName")
    page.email.value = f"a{SCRIPT}@example.org {IMG}"
    page.location.value = payload("ProfileLocation")
    page.pitch.value = payload("ProfilePitch") + "\n" + payload("ProfilePitchLine2")
    page.field_of_interest.value = payload("ObjectiveField")
    page.roles.value = "UX Researcher\n" + payload("ObjectiveRole")
    page.organizations.value = payload("ObjectiveOrg")
    page.goals.value = payload("ObjectiveGoal1") + "\n" + payload("ObjectiveGoal2")
    assert page.flush()
    assert "Saved " in page.status.value, page.status.value
    ws = page.ws

    # Step 2: every organization and every contact.
    new_org_names = {}
    for i, org in enumerate(organizations.load_organizations(ws)):
        old = tg.org_key(org.name)
        org.name, org.industry, org.location = (
            payload(f"Org{i}Name"),
            payload(f"Org{i}Industry"),
            payload(f"Org{i}Location"),
        )
        org.website, org.notes = JS_URL, payload(f"Org{i}Notes")
        organizations.save_organization(ws, org)
        new_org_names[old] = org.name
    for i, c in enumerate(tg.load_contacts(ws)):
        # drafts shorten long names: the literals come first
        c.first_name = f"{TEMPLATE} {MONEY} P{i} {IMG} {SCRIPT}"
        c.last_name = f"{TEMPLATE} {MATH} {MONEY} {SVG} {QUOTE}"
        c.email = f"p{i}{SCRIPT}@example.com"
        c.profile_url = JS_URL
        c.organization = new_org_names.get(tg.org_key(c.organization), payload(f"Contact{i}Org"))
        c.position = "UX Researcher " + payload(f"Contact{i}Position")
        c.location = payload(f"Contact{i}Location")
        c.via = payload(f"Contact{i}Via")
        c.warm_reason = payload(f"Contact{i}Warm")
        c.notes = payload(f"Contact{i}Notes")
        c.alt_titles = [payload(f"Contact{i}AltTitle"), JS_URL]
        tg.save_contact(ws, c)

    # Step 3 and 6: the saved drafts (requests, follow-ups, thank-yous).
    ws.write(
        updates={
            "drafts": [
                (
                    row["id"],
                    {
                        "subject": payload(f"Draft{row['id']}Subject"),
                        "body": payload(f"Draft{row['id']}Body"),
                        "forwardable": payload(f"Draft{row['id']}Forwardable"),
                    },
                )
                for row in ws.rows("drafts")
            ]
        }
    )

    # Step 4: meetings with payload place, recognition, notes, offer and one question of the
    # user's own.
    own = payload("CustomQuestion")
    qs.save_custom_question(ws, own)
    qs.save_custom_question(ws, payload("BankOnlyQuestion"))  # offered in the question bank picker
    for i, meeting in enumerate(mt.load_meetings(ws)):
        meeting.place, meeting.recognise = (
            payload(f"Meeting{i}Place"),
            payload(f"Meeting{i}Recognise"),
        )
        meeting.notes, meeting.offer = payload(f"Meeting{i}Notes"), payload(f"Meeting{i}Offer")
        meeting.mode = "in person"
        meeting.questions = [qs.to_entries([qs.custom_question(" ".join(own.split()))])[0]] + list(
            meeting.questions
        )
        mt.save_meeting(ws, meeting)

    # Step 5: debriefs, then an action item and a referral typed into the page.
    for i, d in enumerate(db.load_debriefs(ws)):
        meeting = next(m for m in mt.load_meetings(ws) if m.id == d.meeting_id)
        d.answers = {
            text: payload(f"Debrief{i}Answer{j}")
            for j, text in enumerate(db.question_texts(meeting.questions))
        }
        d.insights, d.surprises = payload(f"Debrief{i}Insights"), payload(f"Debrief{i}Surprises")
        d.reflection = {
            key: payload(f"Debrief{i}Reflection{key}") for key, _ in db.REFLECTION_QUESTIONS
        }
        d.next_changes = payload(f"Debrief{i}NextChanges")
        db.save_debrief(ws, d)
    for item in action_items.load_action_items(ws):
        item.text = payload(f"Action{item.id}")
        action_items.save_action_item(ws, item)
    debrief_page = DebriefPage.open(str(workspace))
    debrief_page.item_text.value = payload("ActionTyped")
    debrief_page.item_due.value = date.today() - timedelta(days=1)
    debrief_page.item_add.click()
    assert "Added" in debrief_page.items_status.value, debrief_page.items_status.value
    debrief_page.ref_first.value, debrief_page.ref_last.value = (
        f"Ref {IMG}",
        f"{TEMPLATE} {MONEY} {SCRIPT}",
    )
    debrief_page.ref_org.value, debrief_page.ref_position.value = (
        payload("ReferralOrg"),
        payload("ReferralPosition"),
    )
    debrief_page.ref_email.value = f"r{SCRIPT}@example.com"
    debrief_page.ref_add.click()
    assert "now on your list" in debrief_page.ref_status.value, debrief_page.ref_status.value

    # Step 4 once more, in-process: the user's own question typed and added on the page.
    questions_page = QuestionsPage.open(str(workspace))
    questions_page.own.value = payload("TypedQuestion")
    questions_page.own_add.click()

    # Step 6, in-process: what was typed to have the thank-you written, kept per person.
    thanks_page = ThanksPage.open(str(workspace))
    thanks_page.suggestion.value = payload("ThanksSuggestionTyped")
    thanks_page.specific.value = payload("ThanksSpecificTyped")
    assert thanks_page.flush()
    session._OPEN.pop(workspace.resolve()).close()


# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def payload_workspace(tmp_path_factory):
    workspace = tmp_path_factory.mktemp("injection") / "workspace.sqlite3"
    build_payload_workspace(workspace)
    return workspace


@pytest.fixture(scope="module")
def payload_voila(payload_workspace):
    """A Voila server on the payload workspace."""
    require_chromium()
    proc, base, log = start_voila(payload_workspace)
    yield base, payload_workspace
    stop_voila(proc, log)


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    pg.add_init_script("window.__pwned = undefined")
    yield pg
    context.close()


# ------------------------------------------------------------------ what is checked on every page

INJECTED = """() => {
  const found = [];
  const show = (e) => e.outerHTML.slice(0, 160);
  document.querySelectorAll('img[src="x"]').forEach(e => found.push('img[src=x]: ' + show(e)));
  document.querySelectorAll('svg[onload]').forEach(e => found.push('svg[onload]: ' + show(e)));
  document.querySelectorAll('a[href]').forEach(a => {
    if (a.protocol === 'javascript:' || /^\\s*javascript:/i.test(a.getAttribute('href')))
      found.push('javascript: link: ' + show(a));
  });
  document.querySelectorAll('script').forEach(s => {
    if (s.textContent.includes('__pwned')) found.push('script: ' + show(s));
  });
  document.querySelectorAll('*').forEach(e => {
    for (const at of e.attributes) {
      if (at.name.startsWith('on') && at.value.includes('__pwned'))
        found.push('attribute ' + at.name + ': ' + show(e));
    }
  });
  return found;
}"""
# MathJax output nodes, each with the ii- class of the widget it sits in
MATHJAX = """() => [...document.querySelectorAll(
    'mjx-container, .MathJax, .MathJax_Display, .MathJax_Preview, script[type^="math/tex"]')]
  .map(e => {
    const w = e.closest('[class*="ii-"]');
    const cls = w ? [...w.classList].filter(c => c.startsWith('ii-')).join(' ') : '(no ii- widget)';
    return cls + ': ' + e.textContent.slice(0, 40);
  })"""


def _plain(text: str) -> str:
    return text.replace("\xa0", " ")  # Select options show spaces as no-break spaces


class Checks:
    """Every check of one page, collected, so one bug doesn't hide the next; reported together."""

    def __init__(self, page, where: str, wait_ms: int = 20_000):
        self.page, self.where, self.problems, self.wait_ms = page, where, [], wait_ms

    def fail(self, message: str) -> None:
        self.problems.append(f"{self.where}: {message}")

    def inert(self, when: str = "") -> None:
        """Nothing ran and no element was made from the data."""
        self.page.wait_for_timeout(800)  # an image error or an onload fires within this
        label = f" ({when})" if when else ""
        if self.page.evaluate("window.__pwned") is not None:
            self.fail(
                f"a payload RAN{label}: window.__pwned = {self.page.evaluate('window.__pwned')!r}"
            )
        for found in self.page.evaluate(INJECTED):
            self.fail(f"element created from the data{label}: {found}")

    def literal(self, selector: str, field: str, literals=LITERALS) -> None:
        """The element's visible text holds every literal as typed (no template evaluated, no
        MathJax)."""
        locator = self.page.locator(selector).first
        try:
            locator.wait_for(state="attached", timeout=self.wait_ms)
            self.page.wait_for_function(
                "([sel, lit]) => { const e = document.querySelector(sel); "
                "return e && e.innerText.replace(/\\u00a0/g, ' ').includes(lit); }",
                arg=[selector, literals[0]],
                timeout=self.wait_ms,
            )
        except Exception:  # noqa: BLE001 - reported below with the text that is there
            pass
        text = _plain(locator.inner_text()) if locator.count() else ""
        missing = [s for s in literals if s not in text]
        if missing:
            math = [
                m
                for m in self.page.evaluate(MATHJAX)
                if any(c in m for c in selector.split()[0].lstrip(".").split("."))
            ]
            self.fail(
                f"{field} [{selector}]: {missing} not shown literally; "
                f"MathJax typeset: {math[:6]}; shown: {text[:300]!r}"
            )

    def values(self, selectors: list[str], needles=(TEMPLATE, MATH, MONEY, IMG, SCRIPT)) -> None:
        """Inputs and text areas hold the payload text unchanged."""
        for selector in selectors:
            value = self.page.input_value(selector)
            missing = [s for s in needles if s not in value]
            if missing:
                self.fail(f"{selector} lost {missing}: {value[:200]!r}")

    def done(self) -> None:
        """The whole page once more: inert, the literals somewhere in the visible text; then
        report."""
        self.inert("at the end")
        body = _plain(self.page.inner_text("body"))
        missing = [s for s in LITERALS if s not in body]
        if missing:
            self.fail(f"{missing} nowhere in the page's visible text")
        math = self.page.evaluate(MATHJAX)
        if math:
            self.fail(
                f"MathJax typeset {len(math)} pieces of the page: "
                f"{sorted(set(m.split(':')[0] for m in math))}"
            )
        assert not self.problems, "\n".join(self.problems)


def load(page, base: str, notebook: str, ready: str) -> None:
    page.goto(f"{base}/voila/render/{notebook}.ipynb")
    page.wait_for_selector(ready)
    # MathJax (which typesets widget descriptions) loads on demand: let it arrive and run
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)  # let every widget render, the live feedback run, MathJax typeset


# ------------------------------------------------------------------ the pages


def test_start_page(payload_voila, page):
    base, _ = payload_voila
    load(page, base, "00_start_here", READY["00_start_here"])
    check = Checks(page, "00_start_here")
    check.literal(".ii-start-agenda", "today's agenda (action item text, contact names)")
    check.done()


def test_step1_objectives(payload_voila, page):
    base, _ = payload_voila
    load(page, base, "01_define_objectives", READY["01_define_objectives"])
    check = Checks(page, "01_define_objectives")
    check.values(
        [
            ".ii-objectives-name input",
            ".ii-objectives-location input",
            ".ii-objectives-field input",
            ".ii-objectives-roles textarea",
            ".ii-objectives-organizations textarea",
            ".ii-objectives-goals textarea",
            ".ii-objectives-pitch textarea",
        ]
    )
    check.values([".ii-objectives-email input"], (IMG, SCRIPT))
    # typing fires the live feedback (goals, pitch), which may quote what was typed
    page.fill(".ii-objectives-goals textarea", payload("TypedGoal"))
    page.fill(".ii-objectives-pitch textarea", payload("TypedPitch"))
    page.fill(".ii-objectives-name input", payload("TypedName"))
    page.wait_for_timeout(500)
    check.inert("after typing")
    check.values(
        [
            ".ii-objectives-goals textarea",
            ".ii-objectives-pitch textarea",
            ".ii-objectives-name input",
        ]
    )
    # step 1 shows these fields only in inputs: the page-wide literal check applies to the input
    # values
    check.inert("at the end")
    assert not check.problems, "\n".join(check.problems)


def test_step2_targets(payload_voila, page):
    base, _ = payload_voila
    load(page, base, "02_build_target_list", READY["02_build_target_list"])
    check = Checks(page, "02_build_target_list")
    check.literal(".ii-targets-org-table", "organizations table (name, industry, location)")
    check.literal(".ii-targets-table", "ranked contacts table (name, organization, position, why)")
    check.literal(".ii-targets-row-pick", "person picker (Select options)")
    if page.locator(".ii-targets-org-table a").count():
        check.fail("a javascript: website became a link in the organizations table")
    # reveal the contact form and the "why" list for the first person
    page.select_option(".ii-targets-row-pick select", index=0)
    page.click(".ii-targets-edit")
    check.literal(".ii-targets-c-why", "why this rank (via, warm reason)")
    if page.input_value(".ii-targets-c-url input") != JS_URL:
        check.fail("the profile URL changed in the form")
    check.values([".ii-targets-c-first input"], (IMG, SCRIPT, TEMPLATE, MONEY))
    check.values([".ii-targets-c-last input"], (TEMPLATE, MATH, MONEY, SVG, QUOTE))
    check.values(
        [
            ".ii-targets-c-notes textarea",
            ".ii-targets-c-via input",
            ".ii-targets-c-warm input",
            ".ii-targets-c-alt-titles input",
        ]
    )
    # reveal an organization in its form
    page.select_option(".ii-targets-org-pick select", index=1)
    page.wait_for_timeout(300)
    if page.input_value(".ii-targets-org-website input") != JS_URL:
        check.fail("the website changed in the form")
    check.values(
        [
            ".ii-targets-org-name input",
            ".ii-targets-org-notes textarea",
            ".ii-targets-org-industry input",
        ]
    )
    check.done()


def test_step2_uploaded_file_name_headers_and_cells(payload_voila, page, tmp_path):
    """A contact list whose file name and column names are payloads: the status and the column
    mapping show them as text."""
    import csv

    base, _ = payload_voila
    load(page, base, "02_build_target_list", READY["02_build_target_list"])
    name = f"{TEMPLATE} {MONEY} {MATH} {IMG} {SVG}.csv".replace("/", " ")
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Name", payload("Header"), "Email", f"{SCRIPT} {MONEY} {TEMPLATE}"])
        writer.writerow([payload("Cell"), payload("Cell2"), "x@example.org", JS_URL])
    with page.expect_file_chooser() as chooser:
        page.click(".ii-targets-upload")
    chooser.value.set_files(str(path))
    check = Checks(page, "02_build_target_list, uploaded file")
    check.literal(".ii-targets-import-status", "import status (the file's name)")
    check.literal(
        ".ii-targets-mapping",
        "column mapping (Dropdown options: the file's column names)",
        (TEMPLATE, MONEY, IMG),
    )
    check.done()


def test_step3_requests(payload_voila, page):
    base, _ = payload_voila
    load(page, base, "03_compose_requests", READY["03_compose_requests"])
    check = Checks(page, "03_compose_requests")
    check.literal(".ii-outreach-facts", "facts (connection via, email)")
    check.literal(".ii-outreach-pipeline", "pipeline table (names, organizations, next step)")
    check.literal(".ii-outreach-person", "person picker (Dropdown options)")
    # composed drafts quote the (shortened) names literally: templates never evaluate data; the
    # saved drafts (one per person and kind) come back exactly as saved
    check.values([".ii-outreach-body textarea"], (TEMPLATE,))
    saved_shown = 0
    for index in range(page.locator(".ii-outreach-kind select option").count()):
        page.select_option(".ii-outreach-kind select", index=index)
        page.wait_for_timeout(300)
        check.inert(f"draft kind {index}")
        check.values([".ii-outreach-body textarea"], (TEMPLATE,))
        if "Body " in page.input_value(".ii-outreach-body textarea"):
            saved_shown += 1
            check.values([".ii-outreach-subject input", ".ii-outreach-body textarea"])
    if not saved_shown:
        check.fail("no saved payload draft was shown for the first person")
    # the forwardable paragraph of an introduction request
    from infoint.outreach import DRAFT_LABELS

    page.select_option(".ii-outreach-kind select", label=DRAFT_LABELS["request_intro"])
    page.wait_for_timeout(500)
    check.values([".ii-outreach-forwardable textarea"], (TEMPLATE,))
    check.literal(".ii-outreach-mailto", "mail link", ("Open in my mail program",))
    check.done()


def test_step4_questions(payload_voila, page):
    base, _ = payload_voila
    load(page, base, "04_prepare_questions", READY["04_prepare_questions"])
    check = Checks(page, "04_prepare_questions")
    check.literal(".ii-questions-person", "person picker (Dropdown options)")
    check.literal(".ii-questions-facts", "facts (title, organization)")
    check.literal(".ii-questions-pitch", "your pitch (HTML widget)")
    check.literal(
        ".ii-questions-research",
        "research checklist (Checkbox descriptions naming the person, organization and industry)",
    )
    check.literal(
        ".ii-questions-checklist", "on-the-day checklist (Checkbox descriptions)", ("$5",)
    )
    check.literal(".ii-questions-list", "question list (the user's own question, Select options)")
    check.literal(
        ".ii-questions-bank-pick",
        "question bank picker (the user's own question, Dropdown options)",
    )
    check.values(
        [
            ".ii-questions-place input",
            ".ii-questions-recognise input",
            ".ii-questions-notes textarea",
            ".ii-questions-offer input",
        ]
    )
    check.done()


def test_step4_checklist_labels_read_literally(payload_voila, page):
    """Checklist items name people and organizations; their labels are typeset by MathJax, so the
    workbook escapes each $ for it: the visible label must read exactly as typed."""
    base, _ = payload_voila
    load(page, base, "04_prepare_questions", READY["04_prepare_questions"])
    labels = page.evaluate(
        "[...document.querySelectorAll('.ii-questions-research-item label')].map(e => e.innerText)"
    )
    assert labels and any(MONEY in t for t in labels), labels[:2]
    assert not any("\\$" in t for t in labels), labels[:2]


def test_step4_prep_sheet_downloaded_from_the_page(payload_voila, page, tmp_path):
    base, _ = payload_voila
    load(page, base, "04_prepare_questions", READY["04_prepare_questions"])
    with page.expect_download() as info:
        page.click(".ii-questions-sheet-html button")
    sheet = tmp_path / info.value.suggested_filename
    info.value.save_as(sheet)
    check_prep_sheet(page.context.browser, sheet, "prep sheet downloaded in step 4")


def test_step5_debrief(payload_voila, page):
    base, _ = payload_voila
    load(page, base, "05_debrief", READY["05_debrief"])
    check = Checks(page, "05_debrief")
    check.literal(".ii-debrief-meeting", "meeting picker (Dropdown options)")
    check.literal(".ii-debrief-meeting-note", "meeting note (name, organization)")
    check.literal(".ii-debrief-answers", "question headings (the user's own question)")
    check.literal(
        ".ii-debrief-compare-table", "comparison table (name, organization, role, insights)"
    )
    check.literal(".ii-debrief-items", "open action items (Select options)")
    check.values(
        [
            ".ii-debrief-insights textarea",
            ".ii-debrief-surprises textarea",
            ".ii-debrief-next-changes textarea",
            ".ii-debrief-answer textarea",
            ".ii-debrief-reflect-field textarea",
        ]
    )
    check.done()


def test_step6_thanks(payload_voila, page):
    base, _ = payload_voila
    load(page, base, "06_send_thanks", READY["06_send_thanks"])
    check = Checks(page, "06_send_thanks")
    check.literal(".ii-thanks-person", "person picker (Dropdown options)")
    check.literal(".ii-thanks-intro", "introducer (via)")
    check.literal(".ii-thanks-table", "everyone you met (names)")
    check.values(
        [
            ".ii-thanks-note-subject input",
            ".ii-thanks-note-body textarea",
            ".ii-thanks-suggestion input",
        ]
    )
    # the composed update and the card quote the name literally
    check.values([".ii-thanks-update-body textarea"], (TEMPLATE, MONEY, IMG))
    page.check(".ii-thanks-card input")
    page.click(".ii-thanks-compose")
    page.wait_for_timeout(500)
    check.values(
        [".ii-thanks-card-text textarea", ".ii-thanks-note-body textarea"], (TEMPLATE, MONEY, IMG)
    )
    check.done()


READY = {
    "00_start_here": ".ii-download-button",
    "01_define_objectives": ".ii-objectives-save-state",
    "02_build_target_list": ".ii-targets-upload",
    "03_compose_requests": ".ii-outreach-sent",
    "04_prepare_questions": ".ii-questions-save-meeting",
    "05_debrief": ".ii-debrief-save-state",
    "06_send_thanks": ".ii-thanks-note-sent",
}


def test_every_page_is_covered():
    """The pages here are browser_support's PAGES (test_browser.py's), each with its own test."""
    assert READY == dict(PAGES)
    tested = {name for name in globals() if name.startswith("test_st")}
    for number, notebook in enumerate(READY):
        assert any(
            name.startswith("test_start_page" if number == 0 else f"test_step{number}_")
            for name in tested
        ), notebook


def test_the_checks_catch_injected_elements_and_typeset_text(page):
    """The checks themselves can fail: a page where every payload became markup is reported."""
    page.set_content(
        f"<p>{IMG}{SVG}<a href='{JS_URL}'>x</a></p><p class='ii-x'>5M and 10M</p>"
        "<script>window.__pwned=1</script>"
    )
    check = Checks(page, "self-test", wait_ms=500)
    check.inert()
    check.literal(".ii-x", "typeset text")
    assert any("RAN" in p for p in check.problems)
    for word in (
        "img[src=x]",
        "svg[onload]",
        "javascript: link",
        "attribute onerror",
        "typeset text",
    ):
        assert any(word in p for p in check.problems), word


# ------------------------------------------------------------------ the exported HTML


def check_prep_sheet(browser, path: Path, where: str) -> None:
    """Open an exported HTML file from disk: nothing runs, nothing is fetched, the payloads show
    as text."""
    html = path.read_text(encoding="utf-8")
    context = browser.new_context()
    try:
        pg = context.new_page()
        pg.add_init_script("window.__pwned = undefined")
        requests = []
        pg.on("request", lambda r: requests.append(r.url))
        url = path.resolve().as_uri()
        pg.goto(url)
        check = Checks(pg, where)
        check.inert()
        text = pg.inner_text("body")
        missing = [s for s in (TEMPLATE, MONEY, MATH, IMG, SVG, SCRIPT, JS_URL) if s not in text]
        if missing:
            check.fail(f"{missing} not shown literally")
        if requests != [url]:
            check.fail(f"requests other than the file itself: {requests}")
        if "<script" in html.lower():
            check.fail("the file holds a <script> element")
        assert not check.problems, "\n".join(check.problems)
    finally:
        context.close()


def test_prep_sheet_html_for_every_payload_meeting(payload_workspace, browser, tmp_path):
    from infoint import meetings as mt
    from infoint import organizations
    from infoint import prep_sheet as ps
    from infoint import targets as tg
    from infoint.records import Profile

    with Workspace.open(payload_workspace) as ws:
        profile = Profile.from_row(ws.get_row("profile"))
        contacts = {c.id: c for c in tg.load_contacts(ws)}
        orgs = {tg.org_key(o.name): o for o in organizations.load_organizations(ws)}
        meetings = mt.load_meetings(ws)
    assert meetings
    # step 1's browser test above types a pitch, and typing saves itself
    pitch = "TypedPitch" if "TypedPitch" in profile.pitch else "ProfilePitch"
    for meeting in meetings:
        contact = contacts[meeting.contact_id]
        html = ps.prep_sheet_html(
            profile=profile,
            contact=contact,
            organization=orgs.get(tg.org_key(contact.organization)),
            meeting=meeting,
            tz="America/Toronto",
        )
        assert (
            "Meeting0Place" in html
            and "CustomQuestion" in html
            and pitch in html
            and "Org0Industry" in html
        )
        path = tmp_path / f"sheet-{meeting.id}.html"
        path.write_text(html, encoding="utf-8")
        check_prep_sheet(browser, path, f"prep sheet of meeting {meeting.id}")
