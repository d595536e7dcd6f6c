"""The Undo buttons in-process: shown only when there is something to undo, gone after undoing
or the next action of that kind; clicking one brings back what the action took. And the start
page's Remove the demo persona."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from infoint import action_items, demo, organizations, pipeline
from infoint import meetings as mt
from infoint import questions as qs
from infoint import targets as tg
from infoint.exports import backup_bytes
from infoint.records import Contact, Organization
from infoint.ui.debrief import DebriefPage
from infoint.ui.questions import QuestionsPage
from infoint.ui.start import StartPage
from infoint.ui.targets import TargetsPage

NOW = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)


def upload(page: StartPage, name: str, data: bytes) -> None:
    page.upload.value = (
        {
            "name": name,
            "type": "application/zip",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime.now(),
        },
    )


def names(ws) -> list[str]:
    return [c.first_name for c in tg.load_contacts(ws)]


# -- the start page: the demo ----------------------------------------------------------------------
def test_undo_after_loading_the_demo_removes_it_and_keeps_the_users_contact(ws):
    tg.save_contact(ws, Contact(first_name="Mina", last_name="Own"))
    page = StartPage(ws)
    assert not page.demo_undo.shown and page.demo_remove.layout.display == "none"
    page.demo_button.click()
    assert not page.demo_undo.shown  # asking first: nothing done yet
    page.demo_confirm.click()
    assert len(names(ws)) == 29 and "Done: all 5 parts" in page.progress_html.value
    assert page.demo_undo.shown and page.demo_undo.button.description == "Undo"
    assert page.demo_remove.layout.display is None

    page.demo_undo.button.click()

    assert names(ws) == ["Mina"] and ws.rows("organizations") == []
    assert ws.get_row("profile") is None and demo.demo_data(ws) is None
    assert not page.demo_undo.shown and page.demo_remove.layout.display == "none"
    assert "Undone: The demo persona is removed: 28 people" in page.demo_status.value
    progress = page.progress_html.value
    assert "Done: all 5 parts" not in progress and "0 of 5 parts done" in progress  # step 1
    assert "1 of 5 parts done" in progress  # step 2: the user's own contact is still there
    assert "&#10003; Contacts imported or added" in progress


def test_remove_the_demo_asks_first_then_removes_and_can_be_undone(ws):
    page = StartPage(ws)
    page.demo_button.click()
    assert page.demo_remove.layout.display is None
    page.demo_remove.click()
    assert len(names(ws)) == 28  # nothing removed before the confirmation
    assert page.demo_remove_confirm.layout.display is None
    assert "even those you edited" in page.demo_status.value
    assert not page.demo_undo.shown  # the load's Undo went: another action of the kind began

    page.demo_remove_confirm.click()
    assert names(ws) == [] and demo.demo_data(ws) is None
    assert page.demo_remove.layout.display == "none"
    assert page.demo_remove_confirm.layout.display == "none"
    assert "The demo persona is removed" in page.demo_status.value and page.demo_undo.shown

    page.demo_undo.button.click()  # undoing the removal: the demo is back
    assert len(names(ws)) == 28 and demo.demo_data(ws) is not None
    assert page.demo_remove.layout.display is None and not page.demo_undo.shown
    assert "the demo persona is back" in page.demo_status.value


def test_loading_the_demo_again_replaces_what_undo_takes_back(ws):
    page = StartPage(ws)
    page.demo_button.click()
    first = page.demo_undo.pending
    page.demo_button.click()
    page.demo_confirm.click()
    assert page.demo_undo.pending is not first and page.demo_undo.shown


# -- the start page: restore -----------------------------------------------------------------------
def test_undo_after_a_restore_brings_back_the_previous_workbook(ws, fresh):
    fresh.put_row("profile", {"name": "From the backup"})
    ws.put_row("profile", {"name": "Current"})
    tg.save_contact(ws, Contact(first_name="Mina"))
    before = ws.dump()
    page = StartPage(ws)
    page.demo_button.click()
    page.demo_confirm.click()
    assert page.demo_undo.shown
    before_restore = ws.dump()
    upload(page, "mine.zip", backup_bytes(fresh))
    assert not page.restore_undo.shown
    page.restore_button.click()
    assert ws.get_row("profile")["name"] == "From the backup"
    assert page.restore_undo.shown and not page.demo_undo.shown  # one Undo per page

    page.restore_undo.button.click()

    assert ws.dump() == before_restore and ws.dump() != before
    assert not page.restore_undo.shown
    assert "back as it was before you restored mine.zip" in page.backup_status.value
    assert page.demo_remove.layout.display is None  # the demo came back with it


def test_undo_goes_once_another_message_replaces_its_confirmation(ws, fresh):
    fresh.put_row("profile", {"name": "From the backup"})
    page = StartPage(ws)
    upload(page, "mine.zip", backup_bytes(fresh))
    page.restore_button.click()
    assert page.restore_undo.shown
    upload(page, "other.zip", b"not a backup")  # the message now speaks of another file
    assert not page.restore_undo.shown and "not a workbook backup" in page.backup_status.value


def test_a_failed_undo_says_why_and_stays_offered(ws, fresh):
    fresh.put_row("profile", {"name": "From the backup"})
    page = StartPage(ws)
    upload(page, "mine.zip", backup_bytes(fresh))
    page.restore_button.click()
    for copy in (ws.path.parent / "backups").glob("before-restore-*.zip"):
        copy.unlink()
    page.restore_undo.button.click()
    assert "Could not undo restoring mine.zip" in page.backup_status.value
    assert page.restore_undo.shown and ws.get_row("profile")["name"] == "From the backup"


# -- step 2: archiving an organization ---------------------------------------------------------
def test_undo_after_archiving_an_organization(ws):
    org_id = organizations.save_organization(ws, Organization(name="Northwind", motivation=5))
    before = ws.rows("organizations")
    page = TargetsPage(ws)
    undo = page.long_list.org_undo
    assert not undo.shown
    page.org_pick.value = org_id
    page.org_archive.click()
    assert organizations.load_organizations(ws)[0].archived and undo.shown
    assert "Northwind" not in page.org_table.value.split("Archived")[0]

    undo.button.click()

    [org] = organizations.load_organizations(ws)
    assert not org.archived and not undo.shown
    assert {k: v for k, v in ws.rows("organizations")[0].items() if k != "updated_at"} == {
        k: v for k, v in before[0].items() if k != "updated_at"
    }
    assert "Northwind is back on your list" in page.org_status.value
    assert "Northwind" in page.org_table.value and page.org_archive.description == "Archive it"


def test_bringing_it_back_by_hand_leaves_nothing_to_undo(ws):
    org_id = organizations.save_organization(ws, Organization(name="Northwind"))
    page = TargetsPage(ws)
    page.org_pick.value = org_id
    page.org_archive.click()
    assert page.long_list.org_undo.shown
    page.org_archive.click()  # "Bring it back"
    assert not page.long_list.org_undo.shown
    assert not organizations.load_organizations(ws)[0].archived


# -- step 4: removing a question ------------------------------------------------------------------
def _questions_page(ws) -> QuestionsPage:
    demo.apply_persona(ws)
    rosa = next(c for c in tg.load_contacts(ws) if c.first_name == "Rosa")
    tg.set_targets(ws, [rosa.id])
    ws.append_event(pipeline.REPLY, rosa.id, {"answer": "yes"}, at="2026-03-09T15:00:00+00:00")
    page = QuestionsPage(ws, now=NOW)
    page.person.value = rosa.id
    page.mode.value, page.date.value, page.start.value = "video", date(2026, 3, 12), "10:00"
    page.place.value = "https://zoom.us/j/123"
    assert page.save_meeting()
    page.propose_button.click()
    return page


def _stored(ws, page) -> list[str]:
    [row] = ws.rows("meetings", "contact_id = ?", (page.contact.id,))
    return [e["text"] for e in json.loads(row["questions"])]


def test_undo_puts_a_removed_question_back_in_its_place(ws):
    page = _questions_page(ws)
    undo = page.question_list.undo
    before = [q.text for q in page.current]
    assert not undo.shown
    page.list.value = 1
    page.remove_button.click()
    assert _stored(ws, page) == before[:1] + before[2:] and undo.shown

    undo.button.click()

    assert [q.text for q in page.current] == before == _stored(ws, page)
    assert not undo.shown and "is back in your list" in page.questions_status.value
    page.propose_button.click()  # put back, it may be proposed again
    assert before[1] in [q.text for q in page.current]


def test_undo_of_a_swap_and_gone_after_another_change(ws):
    page = _questions_page(ws)
    undo = page.question_list.undo
    before = [q.text for q in page.current]
    page.list.value = 0
    page.swap_button.click()
    assert undo.shown and [q.text for q in page.current] != before
    undo.button.click()
    assert _stored(ws, page) == before
    page.list.value = 0
    page.remove_button.click()
    page.list.value = 0
    page.down_button.click()  # another change of the list: the removal can't be put back as is
    assert not undo.shown


# -- step 5: an action item marked done -----------------------------------------------------------
def test_undo_after_marking_an_action_item_done(ws):
    cid = tg.save_contact(ws, Contact(first_name="Amara", last_name="Osei", target=True))
    meeting = mt.Meeting(
        contact_id=cid, starts_at="2026-03-09T15:00:00+00:00", minutes=30, mode="video"
    )
    meeting.questions = qs.to_entries(qs.propose(None, "mid", 30))
    mt.save_meeting(ws, meeting)
    ws.append_event(pipeline.MEETING_SCHEDULED, cid, {"meeting_id": meeting.id}, at="2026-03-01")
    item = action_items.ActionItem("Read the book", "2026-03-12", meeting_id=meeting.id)
    item.contact_id = cid
    action_items.save_action_item(ws, item)
    before = ws.rows("action_items")
    page = DebriefPage(ws, now=NOW)
    page.pick.value = meeting.id
    undo = page.action_items.items_undo
    page.items_list.value = item.id
    page.item_done.click()
    assert page.items_list.options == () and undo.shown

    undo.button.click()

    assert [v for _, v in page.items_list.options] == [item.id] and not undo.shown
    assert [{**r, "updated_at": ""} for r in ws.rows("action_items")] == [
        {**r, "updated_at": ""} for r in before
    ]
    assert "is open again" in page.items_status.value
