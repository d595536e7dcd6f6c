"""The report for an advising appointment: content per step, escaping, offline, and Chromium."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser_support import ROOT, full_demo

from infoint import report
from infoint.action_items import ActionItem, save_action_item
from infoint.debrief import Debrief, save_debrief
from infoint.events import MEETING_SCHEDULED, MET, REPLY, REQUEST_SENT, THANKS_SENT
from infoint.meetings import Meeting, save_meeting
from infoint.organizations import save_organization
from infoint.records import Contact, Objective, Organization, Plan, Profile
from infoint.safe import escape
from infoint.targets import save_contact
from infoint.workspace import Workspace

LOCAL_SCHEMES = ("file:", "data:", "about:")

PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    '<svg onload="window.__pwned=1">',
    '<a href="javascript:window.__pwned=1">click</a>',
    '"><script>window.__pwned=1</script>',
    "{{7*7}}",
    "$x$",
    "$5M and $10M",
]
JS_URL = "javascript:window.__pwned=1"
PAYLOAD_NAME = 'Ale$$x <img src=x onerror="window.__pwned=1"> {{7*7}}'


# --------------------------------------------------------------------------- workspaces


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    """A workspace where the demo persona went through all six steps (built once)."""
    folder = tmp_path_factory.mktemp("report-demo")
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


def _fill_with_payloads(ws: Workspace) -> None:
    """Every step's free text holds the payloads: profile, goals, organizations, contacts,
    a meeting with its questions, a debrief, an action item, and the events up to thanks."""
    joined = "\n".join(PAYLOADS)
    profile = Profile(
        name=PAYLOAD_NAME,
        email="a@example.com",
        timezone="America/Toronto",
        pitch=joined,
        location=PAYLOADS[5],
    )
    objective = Objective(
        kinds=["role"],
        field_of_interest=PAYLOADS[6],
        roles=[PAYLOADS[3]],
        organizations=[PAYLOADS[0]],
        goals=list(PAYLOADS),
        plan=Plan(total=6, position=5, organization=5, both=4, junior=3, senior=3),
    )
    ws.put_rows({"profile": profile.to_row(), "objective": objective.to_row()})
    for i, payload in enumerate(PAYLOADS):
        save_organization(
            ws,
            Organization(
                name=f"{payload} {i}",
                industry=payload,
                location=payload,
                website=JS_URL,
                motivation=5,
                postings=3,
                advocacy=True,
                notes=payload,
            ),
        )
    ids = [
        save_contact(
            ws,
            Contact(
                first_name=payload,
                last_name=f"Person{i}",
                organization=f"{payload} {i}",
                position=payload,
                profile_url=JS_URL,
                notes=payload,
                target=True,
            ),
        )
        for i, payload in enumerate(PAYLOADS)
    ]
    first = ids[0]
    start = datetime.now(UTC) - timedelta(days=5)
    ws.append_event(REQUEST_SENT, first, {"channel": "email"}, at=start.isoformat())
    ws.append_event(REPLY, first, {"answer": "yes"}, at=(start + timedelta(days=1)).isoformat())
    meeting = Meeting(
        contact_id=first,
        starts_at=(start + timedelta(days=3)).isoformat(),
        mode="in person",
        place=PAYLOADS[1],
        recognise=PAYLOADS[2],
        notes=PAYLOADS[3],
        offer=PAYLOADS[4],
        research={"profile": True},
        questions=[{"id": "", "text": payload, "theme": ""} for payload in PAYLOADS],
    )
    meeting_id = save_meeting(ws, meeting)
    ws.append_event(
        MEETING_SCHEDULED,
        first,
        {"starts_at": meeting.starts_at, "meeting_id": meeting_id},
        at=(start + timedelta(days=2)).isoformat(),
    )
    met_at = start + timedelta(days=3)
    ws.append_event(
        MET, first, {"at": met_at.isoformat(), "meeting_id": meeting_id}, at=met_at.isoformat()
    )
    ws.append_event(
        THANKS_SENT,
        first,
        {"subject": PAYLOADS[0], "body": joined},
        at=(met_at + timedelta(hours=3)).isoformat(),
    )
    save_debrief(
        ws,
        Debrief(
            meeting_id=meeting_id,
            contact_id=first,
            insights=joined,
            surprises=PAYLOADS[6],
            answers={PAYLOADS[0]: PAYLOADS[1]},
            reflection={"field": PAYLOADS[3]},
            role_fit=4,
            org_fit=5,
            next_changes=PAYLOADS[4],
        ),
    )
    save_action_item(
        ws, ActionItem(text=PAYLOADS[2], due="2030-01-01", meeting_id=meeting_id, contact_id=first)
    )


@pytest.fixture
def payload_ws(tmp_path):
    w = Workspace.open(tmp_path / "payload" / "workspace.sqlite3")
    _fill_with_payloads(w)
    yield w
    w.close()


# --------------------------------------------------------------------------- content per step

# (step, what the HTML fragment must hold, as escaped text): the persona's name and a goal, an
# organization from the long list, a target with a stage, a request stage, a question of the
# meeting, the debrief's insight and action item, the thank-you status.
STEP_CONTENT = [
    (
        1,
        [
            "Leela Varadan",
            "UX research and product design",
            "The skills and tools a UX researcher uses day to day",
            "Hi, I&#x27;m Leela Varadan.",
        ],
    ),
    (
        2,
        [
            "Tidewater Travel Group",
            "Civic Commons Digital Service",
            "Amara Osei",
            "&lt;b&gt;Theo&lt;/b&gt; Marchetti",
            "Request sent",
            "Thanked",
            "The plan (solid) and the targets so far (dashed)",
        ],
    ),
    (
        3,
        [
            "Requests and follow-ups",
            "Daniel Whitcombe",
            "Request sent",
            "Not asked yet",
            "Responses: 1 of 3 answered",
        ],
    ),
    (
        4,
        [
            "What are you working on at the moment that you find most interesting?",
            "Closing ask",
            "An article on hotel check-in research I wrote for a class",
        ],
    ),
    (
        5,
        [
            "Research ops is a real path in",
            "The team hires juniors from a certificate program every spring.",
            "Read the book she recommended on interviewing users",
            "Role fit (solid) and organization fit (dashed), 1-5",
        ],
    ),
    (6, ["Everyone they met", "Amara Osei", "sent on time"]),
]
CHART_TITLES = {
    "The plan (solid) and the targets so far (dashed)",
    "Role fit (solid) and organization fit (dashed), 1-5",
}


@pytest.mark.parametrize("step, expected", STEP_CONTENT, ids=[f"step{s}" for s, _ in STEP_CONTENT])
def test_each_step_shows_its_content(demo_ws, step, expected):
    sections = report.report_sections(demo_ws, step)
    assert [heading for heading, _ in sections] == [f"Step {step}: {report.STEP_TITLES[step]}"]
    html = sections[0][1]
    for text in expected:
        assert text in html, f"step {step} lacks {text!r}"


def test_whole_workbook_has_overview_then_six_steps(demo_ws):
    sections = report.report_sections(demo_ws)
    assert [h for h, _ in sections] == [report.OVERVIEW] + [
        f"Step {n}: {t}" for n, t in report.STEP_TITLES.items()
    ]
    overview = sections[0][1]
    assert (
        "Progress through the six steps" in overview
        and "Write your request to Zo\u00eb Lachance-B\u00e9langer." in overview
    )
    assert "<strong>Overdue</strong>" in overview  # Theo's follow-up in the demo


def test_step_titles_come_from_progress():
    from infoint.progress import STEPS

    assert report.STEP_TITLES == {n: t for n, t, _ in STEPS}


def test_organizations_stop_at_the_top_ten_sorted(demo_ws):
    html = report.report_sections(demo_ws, 2)[0][1]
    orgs = html.split("<h3>People they chose to ask</h3>")[0]
    places = [int(n) for n in re.findall(r"<th scope='row'>(\d+)\. ", orgs)]
    assert places == list(range(1, 11))
    assert "12 organizations; the top 10 shown" in orgs
    assert orgs.index("Tidewater Travel Group") < orgs.index("Innkeep Cloud")


@pytest.mark.parametrize("step", [None, 1, 2, 3, 4, 5, 6])
def test_an_empty_workspace_gives_a_report_too(tmp_path, step):
    with Workspace.open(tmp_path / "empty.sqlite3") as ws:
        sections = report.report_sections(ws, step)
        assert all(html for _, html in sections)
        page = report.report_html(ws, step).decode("utf-8")
    assert "<title>Informational interview workbook: report</title>" in page


@pytest.mark.parametrize("step", [0, 7, "2", True, 2.5])
def test_unknown_step_is_refused(demo_ws, step):
    with pytest.raises(ValueError):
        report.report_sections(demo_ws, step)
    with pytest.raises(ValueError):
        report.report_filename(step)


@pytest.mark.parametrize(
    "step, expected",
    [
        (None, "infoint-report-2026-03-04.html"),
        (2, "infoint-report-step-2-2026-03-04.html"),
        (6, "infoint-report-step-6-2026-03-04.html"),
    ],
)
def test_report_filename(step, expected):
    assert report.report_filename(step, datetime(2026, 3, 4, 9, 30)) == expected
    assert re.fullmatch(
        r"infoint-report-(step-\d-)?\d{4}-\d\d-\d\d\.html", report.report_filename(step)
    )


# --------------------------------------------------------------------------- the notebook


def test_notebook_keeps_user_text_out_of_markdown(payload_ws):
    import nbformat

    nb = report.report_notebook(payload_ws)
    nbformat.validate(nb)
    assert nb.nbformat == 4
    markdown = [c for c in nb.cells if c.cell_type == "markdown"]
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert markdown[0].source.startswith("# ") and len(markdown) == 1 + 7
    for cell in markdown:
        assert not any(p in cell.source for p in ("Ale", "img", "7*7", "window"))
    assert len(code) == 1 + 7
    for cell in code:
        assert cell.source == "" and cell.metadata["jupyter"]["source_hidden"] is True
        [out] = cell.outputs
        assert out.output_type == "display_data" and list(out.data) == ["text/html"]
    assert nb.metadata["title"] == f"Informational interview workbook: report for {PAYLOAD_NAME}"


def test_one_step_notebook_has_only_that_step(demo_ws):
    nb = report.report_notebook(demo_ws, 4)
    headings = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert headings[1:] == ["## Step 4: Prepare questions and the meeting"]


# --------------------------------------------------------------------------- untrusted text


def test_payloads_are_escaped_in_every_section(payload_ws):
    sections = dict(report.report_sections(payload_ws))
    where = {
        report.OVERVIEW: [PAYLOAD_NAME, PAYLOADS[6]],
        "Step 1: Define your objectives": PAYLOADS + [PAYLOAD_NAME],
        "Step 2: Build your target lists": PAYLOADS,
        "Step 3: Compose requests and follow up": PAYLOADS,
        "Step 4: Prepare questions and the meeting": PAYLOADS,
        "Step 5: Debrief": PAYLOADS,
        "Step 6: Send thanks and stay in touch": [PAYLOADS[0]],
    }
    for heading, payloads in where.items():
        html = sections[heading]
        for payload in payloads:
            assert escape(payload) in html, (heading, payload)
        assert "<script" not in html and "<img" not in html and "<svg onload" not in html
        assert not re.search(r"href\s*=\s*['\"]?\s*javascript", html, re.I), heading
        parser = _Tags()
        parser.feed(html)
        assert not [(t, a) for t, a in parser.tags if any(k.startswith("on") for k in a)], heading
        assert not {t for t, _ in parser.tags} & {
            "script",
            "img",
            "iframe",
            "object",
            "embed",
            "a",
        }, heading


class _Tags(HTMLParser):
    """Every start tag and its attributes, as the browser's tokenizer would see them, and the
    page's title (the first <title>; SVG charts have their own)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title" and self.title is None
        if self._in_title:
            self.title = ""

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        self._in_title = False


@pytest.fixture
def payload_page(payload_ws) -> str:
    return report.report_html(payload_ws).decode("utf-8")


def test_page_has_payloads_as_text_only(payload_page):
    parser = _Tags()
    parser.feed(payload_page)
    names = {t for t, _ in parser.tags}
    assert not names & {
        "script",
        "img",
        "iframe",
        "object",
        "embed",
        "link",
        "base",
        "form",
        "image",
        "use",
    }
    for tag, attrs in parser.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for key in ("href", "src", "xlink:href", "action"):
            value = (attrs.get(key) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "http:")), (tag, attrs)
    assert parser.title == f"Informational interview workbook: report for {PAYLOAD_NAME}"
    assert "&lt;img src=x onerror=" in payload_page and "&lt;svg onload=" in payload_page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in payload_page
    assert (
        "{{7*7}}" in payload_page
        and "&#36;5M and &#36;10M" in payload_page
        and "&#36;x&#36;" in payload_page
    )


def test_page_is_code_free_and_offline(payload_page):
    page = payload_page.lower()
    head = page.split("<body", 1)[0]
    assert "<script" not in page
    assert (
        "mathjax" not in page
        and "require.js" not in page
        and "requirejs" not in page
        and "mermaid.esm" not in page
    )
    assert "cdn" not in head and "@import" not in page and "<link" not in page
    assert not re.search(r"url\(\s*['\"]?(?!data:|#)", page)
    assert not re.search(r"\bsrc\s*=", page.replace("&lt;img src=x", "").replace("&lt;img src", ""))
    # No address at all: the payload's URLs are javascript:, shown as text (SVG's namespace is
    # dropped too).
    assert "http:" not in page and "https:" not in page and "/*" not in page
    parser = _Tags()
    parser.feed(payload_page)
    metas = [
        a
        for t, a in parser.tags
        if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    assert [m["content"] for m in metas] == [report.CSP]
    assert "script-src 'none'" in report.CSP and "default-src 'none'" in report.CSP
    body = page.split("<body", 1)[1]
    assert body.count("jp-mod-noinput") == 1 + 7  # every code cell without its input
    assert (
        "jp-inputprompt" not in body
        and "jp-outputprompt" not in body
        and "jp-codemirroreditor" not in body
    )


def test_links_are_https_or_mailto_only(demo_ws):
    parser = _Tags()
    parser.feed(report.report_html(demo_ws, 2).decode("utf-8"))
    hrefs = [attrs["href"] for tag, attrs in parser.tags if tag == "a"]
    assert hrefs and all(h.startswith("https://") for h in hrefs)
    assert all(
        attrs.get("rel") == "noopener noreferrer" for tag, attrs in parser.tags if tag == "a"
    )


def test_one_step_page_has_that_step_only(demo_ws):
    page = report.report_html(demo_ws, 5).decode("utf-8")
    assert "Step 5: Debrief" in page and "Research ops is a real path in" in page
    assert "Step 4:" not in page and report.OVERVIEW not in page
    assert "covering step 5 only" in page


def test_sanitizer_holds_even_if_a_section_forgot_to_escape(demo_ws, monkeypatch):
    """The second line: raw payloads in a fragment come out inert; the report's own markup stays."""
    raw = (
        "<table class='ii-report-table'><caption>kept</caption>"
        "<tr><th scope='row'>a</th><td>b</td></tr></table>"
        + "".join(PAYLOADS)
        + "<svg role='img' aria-label='chart' width='10' height='10' onload='window.__pwned=1'>"
        "<rect width='5' height='5'/></svg>"
    )
    monkeypatch.setattr(report, "report_sections", lambda ws, step=None, now=None: [("Raw", raw)])
    parser = _Tags()
    parser.feed(report.report_html(demo_ws).decode("utf-8"))
    names = [t for t, _ in parser.tags]
    assert not set(names) & {"script", "img", "iframe", "object", "embed"}
    assert not [(t, a) for t, a in parser.tags if any(k.startswith("on") for k in a)]
    assert not [a for t, a in parser.tags if t == "a" and "href" in a]
    assert {"table", "caption", "th", "td", "svg", "rect"} <= set(names)


def test_offline_pass_removes_anything_that_loads_or_runs():
    page = (
        "<html><head><script src='https://cdn.example/x.js'></script>"
        "<link rel='stylesheet' href='https://cdn.example/y.css'>"
        "<style>@import url(https://cdn.example/z.css); "
        "p { background: url(https://cdn.example/p.png) }</style></head>"
        "<body><img src='https://cdn.example/p.png'><iframe src='https://example.com'></iframe>"
        "<object data='x'></object>"
        "<a href='javascript:window.__pwned=1' onclick='window.__pwned=1'>bad</a>"
        "<a href='https://ok.example/'>ok</a>"
        "<p style='background: url(https://cdn.example/q.png)' onmouseover='x'>text</p>"
        "</body></html>"
    )
    cleaned = report._offline(page)
    parser = _Tags()
    parser.feed(cleaned)
    assert [t for t, _ in parser.tags] == ["html", "head", "style", "body", "a", "a", "p"]
    assert [a.get("href") for t, a in parser.tags if t == "a"] == [None, "https://ok.example/"]
    assert (
        "cdn.example" not in cleaned and "onclick" not in cleaned and "onmouseover" not in cleaned
    )


# --------------------------------------------------------------------------- nbconvert when made
# (that importing the report and building its sections stays light: test_hygiene.py)


def test_report_html_loads_nbconvert_when_made(tmp_path):
    probe = (
        "import sys, json\n"
        "import infoint.report as r\n"
        "from infoint.workspace import Workspace\n"
        f"ws = Workspace.open({str(tmp_path / 'ws.sqlite3')!r})\n"
        "before = [m for m in ('nbconvert', 'nbformat') if m in sys.modules]\n"
        "r.report_html(ws, 1)\n"
        "print(json.dumps([before, [m for m in ('nbconvert', 'nbformat') if m in sys.modules]]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={
            "INFOINT_WORKSPACE": str(tmp_path / "default.sqlite3"),
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
        },
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [[], ["nbconvert", "nbformat"]]


# --------------------------------------------------------------------------- in Chromium
# (the browser fixture is conftest.py's)


def _open(browser, path: Path, bypass_csp: bool = False):
    """Open the report file; returns (page, context, requested URLs, console messages)."""
    context = browser.new_context(bypass_csp=bypass_csp, java_script_enabled=True)
    page = context.new_page()
    requests, console = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: console.append(m.text))
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_timeout(300)  # let any onload/onerror handler have its chance
    return page, context, requests, console


@pytest.mark.browser
def test_demo_report_in_chromium_shows_every_step(browser, demo_ws, tmp_path):
    path = tmp_path / report.report_filename()
    path.write_bytes(report.report_html(demo_ws))
    page, context, requests, console = _open(browser, path)
    try:
        text = page.inner_text("body")
        assert page.title() == "Informational interview workbook: report for Leela Varadan"
        for heading in [report.OVERVIEW] + [
            f"Step {n}: {t}" for n, t in report.STEP_TITLES.items()
        ]:
            assert page.get_by_role("heading", name=heading, exact=True).count() == 1, heading
        charts = page.eval_on_selector_all(
            "svg[role=img]", "els => els.map(e => e.getAttribute('aria-label'))"
        )
        for step, expected in STEP_CONTENT:
            for snippet in expected:
                if (
                    snippet in CHART_TITLES
                ):  # a chart: its title (and its numbers) are its accessible name too
                    assert any(label.startswith(snippet + ". ") for label in charts), snippet
                visible = snippet.replace("&#x27;", "'").replace("&lt;", "<").replace("&gt;", ">")
                assert visible in text, f"step {step}: {visible!r} not visible"
        assert len(charts) == 4  # the plan, the plan against the targets, the stages, the fit
        assert page.locator("svg[role=img] rect").first.is_visible()
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("document.scripts.length") == 0
        assert [u for u in requests if not u.startswith(LOCAL_SCHEMES)] == []
        assert not [m for m in console if "Content Security Policy" in m]
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("bypass_csp", [False, True], ids=["csp-enforced", "csp-bypassed"])
def test_payload_report_in_chromium_runs_nothing(browser, payload_ws, tmp_path, bypass_csp):
    path = tmp_path / "report.html"
    path.write_bytes(report.report_html(payload_ws))
    page, context, requests, console = _open(browser, path, bypass_csp=bypass_csp)
    try:
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert (
            page.evaluate(
                "document.querySelectorAll('script, img, iframe, object, embed, link').length"
            )
            == 0
        )
        assert page.evaluate("document.querySelectorAll('a[href^=\"javascript\" i]').length") == 0
        text = page.inner_text("body")
        for payload in PAYLOADS:
            assert payload in text, payload
        assert "$5M and $10M" in text and "{{7*7}}" in text and "<img src=x" in text
        assert page.title() == f"Informational interview workbook: report for {PAYLOAD_NAME}"
        assert [u for u in requests if not u.startswith(LOCAL_SCHEMES)] == []
        assert not [m for m in console if "Content Security Policy" in m], console
    finally:
        context.close()
