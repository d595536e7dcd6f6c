"""The whole journey inside the one app page, by real clicks: shared by the app's browser test
and the JupyterHub test (where several participants walk it at once).

``walk_the_journey`` starts on an empty workspace, moves between steps only through the app's
navigation (never a page load), and checks the start page's agenda after each step; it returns
what it entered, for ``assert_journey_landed`` to find in the workspace file afterwards.
"""

from __future__ import annotations

import html
import re
import time
from datetime import date, timedelta
from pathlib import Path

from infoint import i18n
from infoint.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
CONNECTIONS = ROOT / "data" / "demo" / "Connections.csv"
TARGETS = 6  # Pick my top targets picks this many from the demo's LinkedIn export
STEP_TIMEOUT = 60_000  # ms: a first visit builds the step; many participants share two cores
# Each step's first widget: there once the step is built and shown.
READY = {
    "start": ".ii-start-agenda",
    "objectives": ".ii-objectives-name input",
    "targets": ".ii-targets-upload",
    "outreach": ".ii-outreach-sent",
    "questions": ".ii-questions-save-meeting",
    "debrief": ".ii-debrief-held",
    "thanks": ".ii-thanks-note-sent",
}
CURRENT = re.compile(r"\bii-nav-current\b")
_FIELD = re.compile(r"\{(\w*)\}")

# What the participant types, in each language: a student who writes in it.
TYPED = {
    "en": {
        "email": "{first}.rivera@example.edu",
        "field": "user experience research",
        "roles": "UX researcher\nService designer",
        "goal": "Which research methods a UX researcher uses day to day",
        "pitch": "I'm {first}, I run guest services at a hotel and I'm moving into UX research.",
        "insight": "Research operations is a real way into the field, {first} learned.",
        "specific": "Research operations is a real way in",
        "suggestion": "talking to Nadia Okafor",
        "acted": "I wrote to her this morning",
    },
    "es": {
        "email": "sofia.ramirez@example.edu",
        "field": "investigación de experiencia de usuario",
        "roles": "Investigadora UX\nDiseñadora de servicios",
        "goal": "Qué métodos de investigación usa una investigadora UX en su día a día",
        "pitch": "Soy {first}, dirijo la atención al cliente de un hotel y quiero pasar a la "
        "investigación UX.",
        "insight": "Las operaciones de investigación son una vía real de entrada, "
        "aprendió {first}.",
        "specific": "las operaciones de investigación son una vía real de entrada",
        "suggestion": "hablar con Nadia Okafor",
        "acted": "le escribí esta mañana",
    },
    "zh": {
        "email": "wang.fang@example.edu",
        "field": "用户体验研究",
        "roles": "用户体验研究员\n服务设计师",
        "goal": "用户体验研究员日常使用哪些研究方法",
        "pitch": "我是{first}，在一家酒店负责客户服务，正在转向用户体验研究。",
        "insight": "{first}了解到，研究运营是进入这个领域的一条现实途径。",
        "specific": "研究运营是进入这个领域的一条现实途径",
        "suggestion": "联系Nadia Okafor",
        "acted": "我今天上午已经给她写信了",
    },
}
NAMES = {"en": "Sam Rivera", "es": "Sofía Ramírez", "zh": "王芳"}


def say(language: str, msgid: str, plural: str | None = None, n: int | None = None, **fields):
    """What the page shows for ``msgid`` in ``language``, as a pattern: the catalog's
    translation (the plural form for ``n``), the ``fields`` given filled in, the others any text."""
    with i18n.using(language):
        text = i18n.ngettext(msgid, plural, n) if plural is not None else i18n._(msgid)
    if n is not None:
        fields.setdefault("n", n)
    pattern, at = [], 0
    for match in _FIELD.finditer(text):
        pattern.append(re.escape(text[at : match.start()]))
        name = match.group(1)
        pattern.append(re.escape(str(fields[name])) if name in fields else ".+?")
        at = match.end()
    pattern.append(re.escape(text[at:]))
    return re.compile(re.sub(r"(\\ )+", r"\\s+", "".join(pattern)))


def first_name(name: str) -> str:
    """The name a student signs with: the given name (a Chinese name is written whole)."""
    return name if any("\u4e00" <= ch <= "\u9fff" for ch in name) else name.split()[0]


def open_step(page, key: str) -> None:
    """Click ``key`` in the app's navigation and wait until the step shows its first widget."""
    from playwright.sync_api import expect

    page.click(f".ii-app-nav .ii-nav-{key}")
    expect(page.locator(f".ii-nav-{key}")).to_have_class(CURRENT, timeout=STEP_TIMEOUT)
    expect(page.locator(f".ii-step-{key} {READY[key]}").first).to_be_visible(timeout=STEP_TIMEOUT)


def expect_agenda(page, *texts: str, absent: str = "") -> None:
    """Go to the start page and wait (views stay current by themselves) for the agenda to say
    ``texts`` and, if given, no longer say ``absent``."""
    from playwright.sync_api import expect

    open_step(page, "start")
    agenda = page.locator(".ii-step-start .ii-start-agenda")
    for text in texts:
        expect(agenda).to_contain_text(text, timeout=STEP_TIMEOUT)
    if absent:
        expect(agenda).not_to_contain_text(absent, timeout=STEP_TIMEOUT)


def written(workspace: Path, check, timeout: float = 30.0) -> None:
    """Wait until the workspace file holds what ``check(ws)`` looks for: typing saves by
    itself, about a second after it stops."""
    deadline = time.monotonic() + timeout
    while True:
        with Workspace.open(workspace) as ws:
            if check(ws):
                return
        if time.monotonic() > deadline:
            raise AssertionError("what was typed never reached the workspace")
        time.sleep(0.2)


def walk_the_journey(
    page,
    app_url: str,
    name: str | None = None,
    save_dir: Path | None = None,
    language: str = "en",
):
    """Open the app at ``app_url`` on an empty workspace, choose ``language`` in its header
    (English is the default), and go through all six steps by clicks, typing as a student who
    writes in that language would. Returns what was entered (``assert_journey_landed`` checks
    it landed)."""
    from playwright.sync_api import expect

    name = name or NAMES[language]
    first = first_name(name)
    typed = {key: value.format(first=first) for key, value in TYPED[language].items()}
    email = typed["email"].lower()
    t = lambda msgid, *args, **fields: say(language, msgid, *args, **fields)  # noqa: E731
    page.goto(app_url)
    expect(page.locator(".ii-app-header .ii-nav-start")).to_be_visible(timeout=STEP_TIMEOUT)
    page.evaluate("window.__iiOneAppPage = true")  # gone if anything loads another page
    if language != "en":
        page.locator(".ii-app-header .ii-nav-language select").select_option(
            label=i18n.LANGUAGE_NAMES[language]
        )
        expect(page.locator("html")).to_have_attribute(
            "lang", i18n.HTML_LANG[language], timeout=STEP_TIMEOUT
        )
    nothing = (
        "Nothing is due today. When you send requests and meet people, "
        "what to do next shows up here."
    )
    expect_agenda(page, t(nothing))

    # Step 1: objectives, saved as they are typed (there is no Save button)
    open_step(page, "objectives")
    step = page.locator(".ii-step-objectives")
    step.locator(".ii-objectives-name input").fill(name)
    step.locator(".ii-objectives-email input").fill(email)
    step.locator(".ii-objectives-timezone input").fill("America/Toronto")
    step.locator(".ii-objectives-location input").fill("Toronto")
    step.locator(".ii-objectives-kind-role input").check()
    step.locator(".ii-objectives-field input").fill(typed["field"])
    step.locator(".ii-objectives-roles textarea").fill(typed["roles"])
    step.locator(".ii-objectives-goals textarea").fill(typed["goal"])
    pitch = typed["pitch"]
    step.locator(".ii-objectives-pitch textarea").fill(pitch)
    expect(step.locator(".ii-objectives-status")).to_contain_text(
        t("Saved {time}"), timeout=STEP_TIMEOUT
    )

    # Step 2: import the LinkedIn export and pick the top targets
    open_step(page, "targets")
    step = page.locator(".ii-step-targets")
    with page.expect_file_chooser() as chooser:
        step.locator(".ii-targets-upload").click()
    chooser.value.set_files(str(CONNECTIONS))
    status = step.locator(".ii-targets-import-status")
    export = "{file} is a LinkedIn export with {n} row. Press Import to add them."
    exports = "{file} is a LinkedIn export with {n} rows. Press Import to add them."
    expect(status).to_contain_text(t(export, exports, 30), timeout=STEP_TIMEOUT)
    step.locator(".ii-targets-import").click()
    summary = (
        "{file}: {added} added, {updated} updated, {unchanged} already there, {skipped} left out."
    )
    expect(status).to_contain_text(t(summary, added=28), timeout=STEP_TIMEOUT)
    step.locator(".ii-targets-pick-top").click()
    picked = "Picked {n} person from the top of the list. Change them as you like."
    picked_many = "Picked {n} people from the top of the list. Change them as you like."
    expect(step.locator(".ii-targets-table-status")).to_contain_text(
        t(picked, picked_many, TARGETS), timeout=STEP_TIMEOUT
    )
    expect_agenda(page, t("Write your request to {name}."))

    # Step 3: the drafted request, sent, and a yes logged
    open_step(page, "outreach")
    step = page.locator(".ii-step-outreach")
    option = step.locator(".ii-outreach-person select option").first
    person = re.split(r"\s*[(（]", option.text_content().replace("\xa0", " "))[0].strip()
    expect(step.locator(".ii-outreach-body textarea")).not_to_be_empty()
    step.locator(".ii-outreach-sent").click()
    log = step.locator(".ii-outreach-log-status")
    recorded = (
        "Recorded: {draft} to {name}. The follow-up will appear on the start page when it is due."
    )
    expect(log).to_contain_text(t(recorded, name=person), timeout=STEP_TIMEOUT)
    yes = i18n.translate(language, "yes")
    step.locator(".ii-outreach-answer button").filter(has_text=re.compile(f"^{yes}$")).click()
    step.locator(".ii-outreach-log-answer").click()
    said_yes = "They said yes! Agree on a time and place that suits them, then prepare in step 4."
    expect(log).to_contain_text(t(said_yes), timeout=STEP_TIMEOUT)
    agenda_yes = (
        "{who} said yes: answer quickly with a few times that suit them, "
        "how long (20-30 minutes) and where."
    )
    expect_agenda(page, person, t(agenda_yes))

    # Step 4: book the meeting, get questions, download the prep sheet
    open_step(page, "questions")
    step = page.locator(".ii-step-questions")
    expect(step.locator(".ii-questions-person select")).to_contain_text(
        t("{name} ({organization}): said yes")
    )
    step.locator(".ii-questions-date input").fill((date.today() + timedelta(days=1)).isoformat())
    step.locator(".ii-questions-start input").fill("09:30")
    step.locator(".ii-questions-place input").fill("https://meet.example.org/sam")
    step.locator(".ii-questions-place input").press("Tab")
    step.locator(".ii-questions-save-meeting").click()  # Book this meeting: an event
    booked = "Booked: {when}, {minutes} minutes. Add it to your calendar below."
    expect(step.locator(".ii-questions-meeting-status")).to_contain_text(
        t(booked), timeout=STEP_TIMEOUT
    )
    step.locator(".ii-questions-propose").click()
    one = (
        "{n} question suggested for {name} and {minutes} minutes; the last one is the closing ask."
    )
    many = (
        "{n} questions suggested for {name} and {minutes} minutes; the last one is the closing ask."
    )
    suggested = step.locator(".ii-questions-questions-status")
    expect(suggested).to_contain_text(re.compile(".+"), timeout=STEP_TIMEOUT)
    count = int(re.search(r"\d+", suggested.text_content()).group(0))
    expect(suggested).to_contain_text(t(one, many, count, name=person), timeout=STEP_TIMEOUT)
    sheet_text = ""
    if save_dir is not None:
        with page.expect_download(timeout=STEP_TIMEOUT) as info:
            step.locator(".ii-questions-sheet-html button").click()
        sheet = save_dir / info.value.suggested_filename
        info.value.save_as(sheet)
        sheet_text = sheet.read_text(encoding="utf-8")
        assert html.escape(person) in sheet_text  # names appear as text, never as markup
    prepare = (
        "Prepare for your meeting with {who}: "
        "research them, pick your questions, rehearse your pitch."
    )
    expect_agenda(page, t(prepare))

    # Step 5: the meeting took place; the debrief, with a referral
    open_step(page, "debrief")
    step = page.locator(".ii-step-debrief")
    step.locator(".ii-debrief-held").click()
    held = (
        "Marked as held. Write your notes now, while they are fresh, "
        "and thank {name} within 48 hours (step 6)."
    )
    expect(step.locator(".ii-debrief-meeting-note")).to_contain_text(
        t(held, name=person), timeout=STEP_TIMEOUT
    )
    insight = typed["insight"]
    step.locator(".ii-debrief-insights textarea").fill(insight)
    step.locator(".ii-debrief-insights textarea").press("Tab")
    expect(step.locator(".ii-debrief-status")).to_contain_text(
        t("Saved {time}"), timeout=STEP_TIMEOUT
    )
    step.locator(".ii-debrief-ref-first input").fill("Nadia")
    step.locator(".ii-debrief-ref-last input").fill("Okafor")
    step.locator(".ii-debrief-ref-add").click()
    on_list = (
        "{who} is now on your list in step 2: warm, referred by "
        "{referrer}. Rank and contact them from there."
    )
    expect(step.locator(".ii-debrief-ref-status")).to_contain_text(
        t(on_list, who="Nadia Okafor"), timeout=STEP_TIMEOUT
    )
    thank = (
        "Send {who} a thank-you note within {hours} hours of the meeting, "
        "naming something specific you learned."
    )
    expect_agenda(page, t(thank), person)

    # Step 6: the thank-you, composed and recorded as sent
    open_step(page, "thanks")
    step = page.locator(".ii-step-thanks")
    step.locator(".ii-thanks-specific input").fill(typed["specific"])
    step.locator(".ii-thanks-suggestion input").fill(typed["suggestion"])
    step.locator(".ii-thanks-suggestion-status input").fill(typed["acted"])
    step.locator(".ii-thanks-compose").click()
    expect(step.locator(".ii-thanks-note-findings")).to_contain_text(
        t("Personal and ready to send."), timeout=STEP_TIMEOUT
    )
    step.locator(".ii-thanks-note-sent").click()
    expect(step.locator(".ii-thanks-note-status")).to_contain_text(
        t("Recorded. Well done."), timeout=STEP_TIMEOUT
    )
    expect_agenda(page, absent=t(thank))
    assert page.evaluate("window.__iiOneAppPage === true"), "a step loaded a new page"
    return {"name": name, "email": email, "pitch": pitch, "person": person, "insight": insight}


def assert_journey_landed(workspace: Path, entered: dict) -> None:
    """Everything ``walk_the_journey`` entered is in the workspace file."""
    with Workspace.open(workspace) as ws:
        profile = ws.get_row("profile")
        assert (profile["name"], profile["email"]) == (entered["name"], entered["email"])
        assert profile["pitch"] == entered["pitch"]
        assert sum(r["target"] for r in ws.rows("contacts")) == TARGETS
        kinds = [e["kind"] for e in ws.events()]
        for kind in ("request_sent", "reply", "meeting_scheduled", "met", "thanks_sent"):
            assert kinds.count(kind) == 1, (kind, kinds)
        assert [r["insights"] for r in ws.rows("debriefs")] == [entered["insight"]]
        referred = [r for r in ws.rows("contacts") if r["source"] == "referral"]
        assert [(r["first_name"], r["last_name"]) for r in referred] == [("Nadia", "Okafor")]
