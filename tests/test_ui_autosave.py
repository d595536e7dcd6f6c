"""Nothing typed is ever lost: every page saves as it is typed, in-process.

For every page: set a field like a user, let the debounce write it (``flush()`` is what the
timer does about a second after typing stops; without a running event loop a change waits for
it), open a NEW page object on the same workspace and find the text there, with the state
saying "Saved". Invalid input keeps its text and says "Not saved: ...". On a real asyncio loop
(the kernel's), rapid typing writes once, after the delay, not once per keystroke. And a
process that exits with a save pending still writes it.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import ipywidgets as widgets
import pytest
from browser_support import full_demo

from infoint import organizations
from infoint import targets as tg
from infoint.schema import WorkspaceError
from infoint.ui import autosave, session
from infoint.ui.autosave import DELAY, Autosave, NotSaved, SaveState, flush_all, save_state_for
from infoint.ui.debrief import DebriefPage
from infoint.ui.objectives import ObjectivesPage
from infoint.ui.outreach import OutreachPage
from infoint.ui.questions import QuestionsPage
from infoint.ui.start import StartPage
from infoint.ui.targets import TargetsPage
from infoint.ui.thanks import ThanksPage

PAGES = (ObjectivesPage, TargetsPage, OutreachPage, QuestionsPage, DebriefPage, ThanksPage)
TYPED = "Typed, never clicked: $5M and <b>bold</b>"


@pytest.fixture(autouse=True)
def no_pending_from_other_tests():
    """Forms left pending by earlier tests (their workspaces closed since) are not this test's."""
    autosave._PENDING.clear()
    yield
    autosave._PENDING.clear()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """A workspace where the demo persona went through all six steps (made once)."""
    path = tmp_path_factory.mktemp("autosave-demo") / "workspace.sqlite3"
    full_demo(path)
    return path


@pytest.fixture
def demo_ws(demo_file, isolated_workspace):
    """A copy of the demo workspace at this test's default path, open."""
    isolated_workspace.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.copyfile(demo_file, isolated_workspace)
    os.chmod(isolated_workspace, 0o600)
    return session.open_workspace(None)


def saved(page) -> bool:
    """The page and the workspace both say Saved, with nothing pending."""
    states = (page.save_state, save_state_for(page.ws))
    return all(s.text.startswith("Saved ") and s.ok and not s.pending for s in states)


# -- every page: typed, flushed, there on a new page -----------------------------------------------
def test_step1_name(ws):
    page = ObjectivesPage(ws)
    page.name.value = TYPED
    assert page.save_state.pending and page.save_state.text == "Saving..."
    assert page.flush() and saved(page)
    assert ObjectivesPage(ws).name.value == TYPED


def test_step2_new_organization_saves_once_it_has_a_name(ws):
    page = TargetsPage(ws)
    page.org_industry.value = "Hotels"
    assert not page.org_form.flush()
    assert page.org_form.state.text == (
        "Not saved: add a name to save this organization. Your text is still here."
    )
    assert organizations.load_organizations(ws) == [] and page.org_industry.value == "Hotels"
    page.org_name.value = "Harbourline Hotels"
    assert page.org_form.flush() and saved(page)
    again = TargetsPage(ws)
    (org,) = organizations.load_organizations(ws)
    again.org_pick.value = org.id
    assert (again.org_name.value, again.org_industry.value) == ("Harbourline Hotels", "Hotels")


def test_step2_contact_form(demo_ws):
    page = TargetsPage(demo_ws)
    page.row_pick.value = page.row_pick.options[0][1]
    page.edit_button.click()
    person = page._editing_contact.id
    page.c_notes.value = TYPED
    assert page.person_form.flush() and saved(page)
    again = TargetsPage(demo_ws)
    again.edit_contact(next(c for c in tg.load_contacts(demo_ws) if c.id == person))
    assert again.c_notes.value == TYPED


def test_step3_draft(demo_ws):
    page = OutreachPage(demo_ws)
    person = page.person.value
    page.body.value = TYPED
    assert page.flush() and saved(page)
    again = OutreachPage(demo_ws)
    again.person.value = person
    assert again.body.value == TYPED


def test_step4_preparation_and_meeting_details(demo_ws):
    page = QuestionsPage(demo_ws)
    person = page.person.value
    page.notes.value = TYPED
    page.place.value = "Balzac's, upstairs"
    assert page.flush() and saved(page)
    again = QuestionsPage(demo_ws)
    again.person.value = person
    assert (again.notes.value, again.place.value) == (TYPED, "Balzac's, upstairs")


def test_step5_debrief(demo_ws):
    page = DebriefPage(demo_ws)
    page.surprises.value = TYPED
    assert page.flush() and saved(page)
    assert DebriefPage(demo_ws).surprises.value == TYPED


def test_step6_note_and_what_was_typed_to_write_it(demo_ws):
    page = ThanksPage(demo_ws)
    page.update.body.value = TYPED
    page.progress_text.value = "I start a UX certificate in May"
    page.outcome.value = "We met for coffee"
    assert page.flush() and saved(page)
    again = ThanksPage(demo_ws)
    assert again.update.body.value == TYPED
    assert again.progress_text.value == "I start a UX certificate in May"
    assert again.outcome.value == "We met for coffee"


def test_the_issue_type_a_name_go_to_the_start_page_and_back(ws):
    """Issue 13: typed in step 1, to the start page and back: the new name, without a click
    and without anyone calling flush (opening a page writes what others still hold)."""
    page = ObjectivesPage.open(None)
    page.name.value = "The new name"
    StartPage.open(None)
    assert ObjectivesPage.open(None).name.value == "The new name"


# -- invalid input keeps the text ------------------------------------------------------------------
def test_invalid_years_keep_the_text_and_say_not_saved(demo_ws):
    page = TargetsPage(demo_ws)
    page.row_pick.value = page.row_pick.options[0][1]
    page.edit_button.click()
    person = page._editing_contact
    page.c_years.value = "a few"
    page.c_notes.value = "notes typed with the bad years"
    assert not page.person_form.flush()
    assert page.c_years.value == "a few"  # the text stays
    expected = (
        "Not saved: years in the industry should be a number, like 4 or 2.5. "
        "Your text is still here."
    )
    assert page.person_form.state.text == expected
    assert page.save_state.text == save_state_for(demo_ws).text == expected
    stored = next(c for c in tg.load_contacts(demo_ws) if c.id == person.id)
    assert stored.notes != "notes typed with the bad years"  # nothing half-written
    # choosing someone else does not throw the text away
    other = page.row_pick.options[1][1]
    page.row_pick.value = other
    page.edit_button.click()
    assert page._editing_contact.id == person.id and page.c_years.value == "a few"
    page.c_years.value = "4"
    assert page.person_form.flush() and saved(page)
    stored = next(c for c in tg.load_contacts(demo_ws) if c.id == person.id)
    assert stored.years_in_industry == 4 and stored.notes == "notes typed with the bad years"


def test_a_duplicate_organization_name_keeps_the_text(ws):
    organizations.save_organization(ws, tg.Organization(name="Acme"))
    page = TargetsPage(ws)
    page.org_name.value = "ACME"
    page.org_notes.value = "my notes"
    assert not page.org_form.flush()
    assert "Not saved: ACME is already on your list" in page.org_save_state.value
    assert (page.org_name.value, page.org_notes.value) == ("ACME", "my notes")
    assert len(organizations.load_organizations(ws)) == 1


def test_a_failed_write_keeps_the_text_and_the_next_attempt_saves(ws, monkeypatch):
    from infoint.ui import objectives as page_module

    real = page_module.save_objectives

    def full_disk(*args, **kwargs):
        raise OSError("the disk is full")

    monkeypatch.setattr(page_module, "save_objectives", full_disk)
    page = ObjectivesPage(ws)
    page.pitch.value = TYPED
    assert not page.flush()
    assert page.save_state.text == "Not saved: the disk is full. Your text is still here."
    assert not page.save_state.ok and page.pitch.value == TYPED
    assert "Not saved: the disk is full" in page.status.value
    assert ws.get_row("profile") is None
    monkeypatch.setattr(page_module, "save_objectives", real)
    assert page.flush() and saved(page)  # still pending: the next attempt writes it
    assert ObjectivesPage(ws).pitch.value == TYPED


def test_a_closed_workspace_is_not_saved_and_says_so(ws):
    page = ObjectivesPage(ws)
    page.name.value = TYPED
    ws.close()
    assert not page.flush()
    assert page.save_state.text.startswith("Not saved: ")
    assert page.save_state.text.endswith("Your text is still here.")
    assert page.name.value == TYPED


# -- the right record ------------------------------------------------------------------------------
def test_switching_person_in_step3_writes_the_draft_for_the_one_typed_for(demo_ws):
    page = OutreachPage(demo_ws)
    first, second = [v for _, v in page.person.options][:2]
    page.person.value = first
    kind = page.kind.value
    page.body.value = "For the first person only"
    page.person.value = second  # no flush: choosing someone else writes what was typed
    assert page.body.value != "For the first person only"
    again = OutreachPage(demo_ws)
    again.person.value = first
    assert again.kind.value == kind and again.body.value == "For the first person only"
    again.person.value = second
    assert again.body.value != "For the first person only"


def test_switching_kind_in_step3_keeps_each_kind_apart(demo_ws):
    page = OutreachPage(demo_ws)
    first_kind = page.kind.value
    other_kind = next(v for _, v in page.kind.options if v != first_kind)
    page.subject.value = "Subject of the first kind"
    page.kind.value = other_kind
    page.kind.value = first_kind
    assert page.subject.value == "Subject of the first kind"


def test_switching_person_in_step4_keeps_each_preparation_apart(demo_ws):
    page = QuestionsPage(demo_ws)
    first, second = [v for _, v in page.person.options][:2]
    page.person.value = first
    page.offer.value = "Only for the first"
    page.person.value = second
    assert page.offer.value != "Only for the first"
    page.person.value = first
    assert page.offer.value == "Only for the first"


def test_a_time_typed_but_not_booked_comes_back_and_is_not_a_booking(demo_ws):
    page = QuestionsPage(demo_ws)
    person = page.person.value
    booked = page.meeting.starts_at
    events_before = len(demo_ws.events(person))
    page.start.value = "16:45"
    assert page.flush()
    assert len(demo_ws.events(person)) == events_before  # nothing logged
    again = QuestionsPage(demo_ws)
    again.person.value = person
    assert again.start.value == "16:45" and again.meeting.starts_at == booked
    assert "not booked yet" in again.meeting_status.value


# -- the debounce, on a real event loop ----------------------------------------------------------
def test_rapid_typing_writes_once_after_the_delay(ws, monkeypatch):
    from infoint.ui import objectives as page_module

    writes = []
    real = page_module.save_objectives
    monkeypatch.setattr(
        page_module,
        "save_objectives",
        lambda *a, **kw: writes.append(a[1].name) or real(*a, **kw),
    )

    async def typing() -> None:
        page = ObjectivesPage(ws)
        for i in range(1, 9):  # eight keystrokes, 50 ms apart
            page.name.value = "Leela V"[:i]
            await asyncio.sleep(0.05)
        assert writes == [] and page.save_state.text == "Saving..."
        await asyncio.sleep(DELAY + 0.4)
        assert writes == ["Leela V"] and saved(page)
        await asyncio.sleep(DELAY + 0.2)
        assert writes == ["Leela V"]  # nothing more: nothing new was typed

    asyncio.run(typing())
    assert ObjectivesPage(ws).name.value == "Leela V"


def test_the_debounce_waits_for_the_last_change_but_not_forever():
    calls = []

    async def run() -> None:
        form = Autosave(lambda: calls.append(1), delay=0.2, max_wait=0.5)
        start = asyncio.get_running_loop().time()
        while asyncio.get_running_loop().time() - start < 0.9:  # typing without a pause
            form.changed()
            await asyncio.sleep(0.05)
        assert len(calls) >= 1  # written after at most max_wait, though typing went on
        await asyncio.sleep(0.4)
        assert not form.pending

    asyncio.run(run())


# -- the states ----------------------------------------------------------------------------------
def test_the_shared_state_says_what_is_worst():
    page_state = SaveState()
    good = Autosave(lambda: None, [page_state])
    bad = Autosave(lambda: (_ for _ in ()).throw(NotSaved("a reason")), [page_state])
    good.changed()
    assert page_state.text == "Saving..." and page_state.pending
    good.flush()
    assert page_state.text.startswith("Saved ")
    bad.changed()
    good.changed()
    good.flush()
    assert page_state.pending  # one form still waits
    bad.flush()
    assert page_state.text == "Not saved: a reason. Your text is still here."
    assert not page_state.ok
    bad.discard()
    assert page_state.text.startswith("Saved ") and page_state.ok


def test_flush_all_writes_every_page_with_a_pending_edit(demo_ws):
    step1, step5 = ObjectivesPage(demo_ws), DebriefPage(demo_ws)
    step1.location.value = "Hamilton"
    step5.insights.value = TYPED
    assert step1.save_state.pending and step5.save_state.pending
    assert save_state_for(demo_ws).pending
    assert flush_all()
    assert saved(step1) and saved(step5)
    assert ObjectivesPage(demo_ws).location.value == "Hamilton"
    assert DebriefPage(demo_ws).insights.value == TYPED


def test_a_process_that_exits_with_a_save_pending_still_writes_it(tmp_path):
    """atexit: a kernel shut down (or a script ending) while a save waits writes it first."""
    path = tmp_path / "exit" / "workspace.sqlite3"
    script = textwrap.dedent(
        f"""
        from infoint.ui.objectives import ObjectivesPage
        page = ObjectivesPage.open({str(path)!r})
        page.name.value = "Written at exit"
        assert page.save_state.pending
        """
    )
    env = {**os.environ, "INFOINT_WORKSPACE": str(path)}
    subprocess.run([sys.executable, "-c", script], check=True, env=env, timeout=120)
    assert ObjectivesPage.open(str(path)).name.value == "Written at exit"


# -- no Save button is left, and typing reaches the kernel ---------------------------------------
def _controls(page) -> list[widgets.Widget]:
    """The widgets a page holds within three steps of its attributes, nearest first (breadth
    first, so a part that two attributes reach is walked from the nearer one)."""
    found, seen = [], set()
    queue = [(vars(page), 0)]
    while queue:
        value, depth = queue.pop(0)
        if id(value) in seen or depth > 3:
            continue
        seen.add(id(value))
        if isinstance(value, widgets.Widget):
            found.append(value)
        elif isinstance(value, dict):
            queue.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list | tuple):
            queue.extend((item, depth + 1) for item in value)
        elif hasattr(value, "__dict__") and type(value).__module__.startswith("infoint.ui"):
            queue.extend((item, depth + 1) for item in vars(value).values())
    return found


@pytest.mark.parametrize("page_class", PAGES, ids=lambda c: c.__name__)
def test_no_button_only_saves_a_form(demo_ws, page_class):
    page = page_class(demo_ws)
    labels = [w.description for w in _controls(page) if isinstance(w, widgets.Button)]
    assert labels, "the walk found the page's buttons"
    assert not [label for label in labels if label.lower().startswith("save")], labels


@pytest.mark.parametrize("page_class", PAGES, ids=lambda c: c.__name__)
def test_text_fields_send_every_key(demo_ws, page_class):
    page = page_class(demo_ws)
    texts = [
        w
        for w in _controls(page)
        if isinstance(w, widgets.Text | widgets.Textarea | widgets.Combobox)
    ]
    assert texts and all(w.continuous_update for w in texts)


def test_every_page_shows_its_save_state_with_a_class(demo_ws):
    for page_class, css in (
        (ObjectivesPage, "ii-objectives-save-state"),
        (TargetsPage, "ii-targets-c-save-state"),
        (TargetsPage, "ii-targets-org-save-state"),
        (OutreachPage, "ii-outreach-save-state"),
        (QuestionsPage, "ii-questions-save-state"),
        (DebriefPage, "ii-debrief-save-state"),
        (ThanksPage, "ii-thanks-note-save-state"),
    ):
        page = page_class(demo_ws)
        assert any(css in w._dom_classes for w in _controls(page)), css


def test_the_pending_registry_lets_go_once_written(ws):
    page = ObjectivesPage(ws)
    page.name.value = "x"
    assert page.form in autosave._PENDING
    page.flush()
    assert page.form not in autosave._PENDING


def test_a_workspace_error_is_reported_not_raised(ws, monkeypatch):
    page = TargetsPage(ws)

    def locked(*a, **kw):
        raise WorkspaceError("the workbook is locked by another program")

    monkeypatch.setattr(organizations, "save_organization", locked)
    page.org_name.value = "Acme"
    assert not page.org_form.flush()
    assert "Not saved: the workbook is locked by another program" in page.org_save_state.value


# -- fields for a new item, typed before its Add button: kept, then forgotten once added ---------
def test_a_referral_typed_but_not_added_is_there_on_a_new_page_and_gone_once_added(demo_ws):
    page = DebriefPage(demo_ws)
    page.referrals.ref_first.value = "Nadia"
    page.referrals.ref_last.value = "<b>Okafor</b> =1+1"
    assert page.save_state.pending
    assert page.flush() and saved(page)
    again = DebriefPage(demo_ws).referrals
    assert (again.ref_first.value, again.ref_last.value) == ("Nadia", "<b>Okafor</b> =1+1")
    assert again.ref_org.value == ""
    again._on_referral()
    assert "now on your list" in again.ref_status.value
    assert again.ref_first.value == "" and not again.page.save_state.pending
    third = DebriefPage(demo_ws).referrals
    assert (third.ref_first.value, third.ref_last.value) == ("", "")
    names = [(c.first_name, c.last_name) for c in tg.load_contacts(demo_ws)]
    assert names.count(("Nadia", "<b>Okafor</b> =1+1")) == 1  # added once, not again


def test_an_action_item_and_an_own_question_typed_but_not_added_are_kept(demo_ws):
    page = DebriefPage(demo_ws)
    page.action_items.item_text.value = "Read the team's research playbook"
    questions = QuestionsPage(demo_ws)
    questions.question_list.own.value = "What does a research week look like?"
    assert flush_all()
    assert DebriefPage(demo_ws).action_items.item_text.value == "Read the team's research playbook"
    again = QuestionsPage(demo_ws).question_list
    assert again.own.value == "What does a research week look like?"
    again._on_own_add()
    assert "added" in again.questions_status.value
    assert QuestionsPage(demo_ws).question_list.own.value == ""
    page.action_items.item_text.value = ""  # emptied by hand: nothing is kept
    assert flush_all()
    assert DebriefPage(demo_ws).action_items.item_text.value == ""
