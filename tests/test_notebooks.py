"""Every notebook runs headless with papermill; demo=True drives the same callbacks a click
would."""

from __future__ import annotations

import json
import re
from datetime import UTC
from pathlib import Path

import pytest

from infoint import action_items, stages
from infoint.demo import load_persona
from infoint.records import Objective, Profile
from infoint.workspace import Workspace

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
EXPECTED = [
    "00_start_here.ipynb",
    "01_define_objectives.ipynb",
    "02_build_target_list.ipynb",
    "03_compose_requests.ipynb",
    "04_prepare_questions.ipynb",
    "05_debrief.ipynb",
    "06_send_thanks.ipynb",
]

pytestmark = pytest.mark.notebook


def notebooks() -> list[str]:
    return sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def run(name: str, workspace: Path, out: Path, demo: bool) -> dict:
    import papermill

    papermill.execute_notebook(
        str(NOTEBOOKS / name),
        str(out / name),
        parameters={"workspace": str(workspace), "demo": demo},
        cwd=str(NOTEBOOKS),
        kernel_name="python3",
        progress_bar=False,
    )
    return json.loads((out / name).read_text(encoding="utf-8"))


def errors(nb: dict) -> list[str]:
    return [
        o.get("ename", "")
        for c in nb["cells"]
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]


def test_the_expected_notebooks_are_found():
    assert notebooks() == EXPECTED


def test_demo_run_of_every_notebook_fills_the_workspace(tmp_path):
    workspace = tmp_path / "ws" / "workspace.sqlite3"
    found = notebooks()
    assert len(found) == len(EXPECTED)
    for name in found:
        nb = run(name, workspace, tmp_path, demo=True)
        assert errors(nb) == []
        if name == "00_start_here.ipynb":  # the report's and the card's downloads, as clicked
            assert_sharing_downloads(nb)
        if name == "06_send_thanks.ipynb":
            assert_writeup_downloads(nb)
        saved_text = json.dumps(
            [
                o.get("data", {}).get("text/plain", "")
                for c in nb["cells"]
                for o in c.get("outputs", [])
            ]
        )
        assert (
            "Leela" not in saved_text and "Varadan" not in saved_text
        )  # nothing personal in the saved file
    assert_demo_workspace(workspace)


def widget_html(nb: dict, css: str) -> str:
    """The value of the one widget with the class ``css``, from the notebook's saved widget
    state (what the page showed when the run ended)."""
    state = nb["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    values = [
        m["state"].get("value", "")
        for m in state.values()
        if css in m["state"].get("_dom_classes", [])
    ]
    assert len(values) == 1, (css, len(values))
    return values[0]


def assert_sharing_downloads(nb: dict) -> None:
    """The start page's demo downloaded the counts-only report and the workshop card: a
    download's error is caught and shown, so the status lines say whether each was made."""
    report_status = widget_html(nb, "ii-start-report-status")
    made = r"Your report was prepared \(counts only \(no names\); \d+ KB\)\."
    assert re.search(made, report_status), report_status
    card_status = widget_html(nb, "ii-start-card-status")
    made = r"Your workshop card was prepared \([\d,]+ bytes, counts only\)\."
    assert re.search(made, card_status), card_status
    for status in (report_status, card_status):
        assert "could not be made" not in status
    preview = widget_html(nb, "ii-start-report-preview-body")  # open: seen before download
    assert "The figures: numbers only" in preview and "Leela" not in preview


def assert_writeup_downloads(nb: dict) -> None:
    """Step 6's demo downloaded the write-up as .docx and as .md: a download's error is caught
    and shown, so the status line (saved widget state) says whether both were made."""
    status = widget_html(nb, "ii-thanks-writeup-status")
    assert re.search(r"Made interview-write-up-[a-z-]+-\d{4}-\d\d-\d\d\.docx and ", status), status
    assert re.search(r" and interview-write-up-[a-z-]+-\d{4}-\d\d-\d\d\.md: ", status), status
    assert "could not be made" not in status


def assert_demo_workspace(workspace: Path) -> None:
    """The workspace holds what the demo persona does in every step, steps 1 to 6."""
    profile, objective = load_persona()
    with Workspace.open(workspace) as ws:
        assert Profile.from_row(ws.get_row("profile")) == profile
        saved = Objective.from_row(ws.get_row("objective"))
        assert saved == objective
        assert saved.goals and saved.kinds and saved.plan.total == 6
        assert ws.get_row("profile")["updated_at"]
        # step 2: the demo's organizations and connections, imported once, and the ranked targets
        from infoint import classification, organizations, ranking
        from infoint import targets as tg

        contacts = tg.load_contacts(ws)
        assert (
            sum(c.source == "linkedin" for c in contacts) == 28
            and len(organizations.load_organizations(ws)) == 12
        )
        chosen = [c for c in contacts if c.target]
        assert len(chosen) == saved.plan.total
        ctx = tg.context(ws)
        ranked = ranking.rank(
            classification.classify(contacts, ctx),
            ctx,
            classification.mix_of(classification.classify(chosen, ctx)),
        )
        picked = [a for a in ranked if a.contact.target]
        assert all(a.warm and a.focus != "neither" for a in picked)
        assert all(a.why for a in ranked) and ranked[0].rank == 1
        picked_mix = classification.mix_of(classification.classify(chosen, ctx))
        assert picked_mix.junior >= 2  # the picks followed the plan's mix
        # step 3: three requests drafted and sent (one nine days ago), one yes
        from infoint.progress import todays_agenda

        by_contact = stages.group_by_contact(stages.events_from_rows(ws.events()))
        assert (
            len(by_contact) == 3
            and len([d for d in ws.rows("drafts") if d["kind"].startswith("request")]) == 3
        )
        assert len([cid for cid, events in by_contact.items() if stages.attempts(events)]) == 3
        answers = [
            e.data["answer"] for events in by_contact.values() for e in events if e.kind == "reply"
        ]
        assert answers == ["yes"]
        kinds = {item.kind for item in todays_agenda(ws)}
        assert {"follow_up", "request"} <= kinds
        # step 4: the meeting with the person who said yes, its questions ending with the closing
        # ask
        from infoint import debrief, meetings, questions

        (meeting,) = meetings.load_meetings(ws)
        yes = next(
            cid for cid, events in by_contact.items() if any(e.kind == "reply" for e in events)
        )
        assert meeting.contact_id == yes and meeting.mode == "in person" and meeting.starts_at
        bank = {q.id: q for q in questions.load_bank()}
        assert len(meeting.questions) >= 3 and bank[meeting.questions[-1]["id"]].closing
        assert meeting.offer and any(meeting.research.values())
        assert stages.stage(by_contact[yes]) in ("scheduled", "met", "thanked")
        # step 5: the debrief, the action item on the agenda, the referral as a warm contact
        (saved_debrief,) = debrief.load_debriefs(ws)
        assert saved_debrief.role_fit == 4 and saved_debrief.org_fit == 5 and saved_debrief.insights
        (item,) = action_items.load_action_items(ws)
        assert item.due and not item.done and item.contact_id == yes
        from datetime import date, datetime, time

        on_the_day = datetime.combine(date.fromisoformat(item.due), time(12), UTC)
        assert any(
            i.kind == "action_item" and i.contact_id == yes for i in todays_agenda(ws, on_the_day)
        )
        referral = next(c for c in tg.load_contacts(ws) if c.first_name == "Nadia")
        assert (
            referral.referred_by == yes
            and referral.source == "referral"
            and "referred by" in referral.warm_reason
        )
        # step 5: the learning goals this meeting answered: the first in full, the second in
        # part, the other two open, each with people on the target list who could answer it
        from infoint import coverage

        items = coverage.load_coverage(ws)
        assert [i.status for i in items] == ["answered", "partly", "open", "open"]
        assert [a.contact_id for a in items[0].answers + items[1].answers] == [yes, yes]
        assert coverage.coverage_summary(ws) == coverage.CoverageSummary(4, 1, 1, 2)
        who = coverage.load_candidates(ws, items)
        assert all(who[i.key] and yes not in {c.contact_id for c in who[i.key]} for i in items[1:])
        # step 6: the thank-you, sent on time, and the next update planned
        events = stages.events_from_rows(ws.events(yes))
        assert [e.kind for e in events].count("thanks_sent") == 1
        assert stages.stage(events) == "thanked"
        assert any(d["kind"] == "thanks" for d in ws.rows("drafts"))
        # step 6: the write-up's course, typed; the held meeting's parts, all there but the
        # research notes the demo never writes
        from infoint import writeup

        assert writeup.load_course(ws).startswith("CAREER 210")
        ((meeting, _, _),) = writeup.held_meetings(ws, datetime.now(UTC))
        parts = writeup.checklist(writeup.gather(ws, meeting.id, datetime.now(UTC)))
        assert [p.key for p in parts if not p.done] == ["research"]


def test_run_all_on_an_empty_workspace_shows_the_pages_and_saves_nothing(tmp_path):
    workspace = tmp_path / "ws" / "workspace.sqlite3"
    for name in notebooks():
        nb = run(name, workspace, tmp_path, demo=False)
        assert errors(nb) == []
        widgets_shown = [
            o
            for c in nb["cells"]
            for o in c.get("outputs", [])
            if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
        ]
        assert widgets_shown, f"{name} displayed no widgets"
    with Workspace.open(workspace) as ws:
        assert ws.get_row("profile") is None and ws.get_row("objective") is None


# ------------------------------------------------------------------ the one-page app
def widgets_shown(nb: dict) -> list:
    return [
        o
        for c in nb["cells"]
        for o in c.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]


def test_the_app_runs_every_steps_demo_in_one_kernel(tmp_path):
    """app.ipynb with demo=True drives every page's demo inside the app, in order, and fills
    the workspace exactly as the seven notebooks run one after another do."""
    workspace = tmp_path / "ws" / "workspace.sqlite3"
    nb = run("app.ipynb", workspace, tmp_path, demo=True)
    assert errors(nb) == []
    (shown,) = widgets_shown(nb)  # one widget: the whole app
    assert "Leela" not in json.dumps(shown) and "Varadan" not in json.dumps(shown)
    assert_writeup_downloads(nb)
    assert_sharing_downloads(nb)
    assert_demo_workspace(workspace)


def test_the_app_on_an_empty_workspace_shows_itself_and_saves_nothing(tmp_path):
    workspace = tmp_path / "ws" / "workspace.sqlite3"
    nb = run("app.ipynb", workspace, tmp_path, demo=False)
    assert errors(nb) == [] and len(widgets_shown(nb)) == 1
    with Workspace.open(workspace) as ws:
        assert ws.get_row("profile") is None and ws.get_row("objective") is None
