"""Live views: the watcher notices every write, this connection's or another's, and nothing
else; its views are redrawn once per change."""

from __future__ import annotations

import asyncio

from infoint.records import Contact
from infoint.targets import save_contact
from infoint.ui.live import Watcher, watcher_for
from infoint.workspace import Workspace


def test_a_write_from_another_connection_is_seen(ws):
    other = Workspace.open(ws.path)
    try:
        watcher = Watcher(ws)
        drawn = []
        watcher.add(lambda: drawn.append(len(ws.rows("contacts"))))
        assert watcher.check() is False and drawn == []
        save_contact(other, Contact(first_name="Ana", last_name="Lima"))
        assert watcher.check() is True
        assert drawn == [1]  # the view saw the other kernel's row
        assert watcher.check() is False and drawn == [1]
    finally:
        other.close()


def test_own_writes_and_reads(ws):
    watcher = Watcher(ws)
    seen = []
    watcher.add(lambda: seen.append("every change"), own=True)
    watcher.add(lambda: seen.append("another kernel's"))
    ws.rows("contacts")
    ws.get_meta("anything")
    assert watcher.check() is False  # reading changes nothing
    ws.set_meta("outreach.strict", "1")
    assert watcher.check() is True and watcher.external is False
    assert seen == ["every change"]  # the page that wrote has redrawn itself already


def test_a_broken_view_does_not_stop_the_others(ws):
    watcher = Watcher(ws)
    drawn = []

    def broken():
        raise RuntimeError("boom")

    watcher.add(broken, own=True)
    watcher.add(lambda: drawn.append(1), own=True)
    ws.set_meta("k", "v")
    assert watcher.check() is True
    assert drawn == [1] and "boom" in watcher.errors[0]


def test_polls_on_a_running_loop(ws):
    async def scenario():
        watcher = Watcher(ws, interval=0.01)
        drawn = []
        watcher.add(lambda: drawn.append(1), own=True)
        assert watcher.start() is True
        ws.set_meta("k", "v")
        for _ in range(100):
            await asyncio.sleep(0.01)
            if drawn:
                break
        watcher.stop()
        return drawn

    assert asyncio.run(scenario()) == [1]


def test_headless_there_is_no_loop_to_poll_on(ws):
    assert watcher_for(ws) is watcher_for(ws)
    assert Watcher(ws).start() is False


def _other_kernel_adds_a_target(path, first="Ana"):
    """What a notebook open in another kernel does: its own connection, its own write."""
    other = Workspace.open(path)
    try:
        contact = Contact(first_name=first, last_name="Lima", organization="Northwind", target=True)
        contact.id = save_contact(other, contact)
        return contact
    finally:
        other.close()


def test_the_app_follows_another_kernel(ws):
    from infoint.ui.app import App

    app = App(ws)
    app.open_step("outreach")
    app.open_step("targets")
    before = app.nav["targets"].description
    _other_kernel_adds_a_target(ws.path)
    assert app.watcher.check() is True
    assert app.nav["targets"].description != before  # the header counts again
    assert "Ana Lima" in app.pages["targets"].contacts_table.table.value  # the current step
    assert "outreach" in app.stale and "Ana Lima" not in app.pages["outreach"].table.value
    app.open_step("outreach")  # a hidden step is redrawn when it is shown again
    assert "Ana Lima" in app.pages["outreach"].table.value and "outreach" not in app.stale


def test_a_notebook_page_follows_another_kernel(ws):
    from infoint.ui.start import StartPage

    page = StartPage.open(str(ws.path))
    assert "Ana Lima" not in page.agenda_html.value
    _other_kernel_adds_a_target(ws.path)
    assert watcher_for(page.ws).check() is True
    assert "Ana Lima" in page.agenda_html.value  # "send your request" to the new target


def test_closing_with_a_pending_save_asks_first(ws):
    from infoint.ui.app import App
    from infoint.ui.autosave import save_state_for

    app = App(ws)
    state = save_state_for(ws)
    state.saving()
    assert app.guard.pending is True
    state.saved()
    assert app.guard.pending is False


def test_hidden_steps_list_the_people_a_change_elsewhere_added_and_keep_what_is_typed(ws):
    """Steps 3, 4 and 6 were open before: a target picked, a yes logged and a meeting held in
    another kernel put those people in their pickers when the steps are shown again, and the
    draft being typed for the person shown stays as it is."""
    from datetime import UTC, datetime, timedelta

    from infoint import meetings as mt
    from infoint import meetings_log, outreach_log
    from infoint.ui.app import App

    ana_id = save_contact(ws, Contact(first_name="Ana", last_name="Lima", target=True))
    app = App(ws)
    for key in ("outreach", "questions", "thanks", "start"):
        app.open_step(key)
    outreach = app.pages["outreach"]
    assert outreach.person.value == ana_id
    outreach.body.value = "Typed for Ana, not saved yet"
    at = datetime(2026, 3, 2, 10, tzinfo=UTC)
    with Workspace.open(ws.path) as other:  # another kernel: a new target who said yes and met
        ben = Contact(first_name="Ben", last_name="Okafor", target=True)
        ben.id = save_contact(other, ben)
        outreach_log.log_sent(other, ben, "request_direct", "Hello", "A request", at=at)
        outreach_log.log_answer(other, ben.id, "yes", at=at + timedelta(days=1))
        meeting = mt.Meeting(contact_id=ben.id, starts_at=(at + timedelta(days=3)).isoformat())
        meetings_log.book_meeting(other, meeting, at=at + timedelta(days=1))
        assert meetings_log.mark_held(other, meeting, "UTC", at=at + timedelta(days=3))
    assert app.watcher.check() is True
    for key in ("outreach", "questions", "thanks"):
        app.open_step(key)
        picker = app.pages[key].person
        assert ben.id in {value for _, value in picker.options}, key
    assert outreach.person.value == ana_id  # still the person being written to
    assert outreach.body.value == "Typed for Ana, not saved yet"
    assert "said yes" in dict((v, k) for k, v in app.pages["questions"].person.options)[ben.id]
