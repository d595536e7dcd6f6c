"""Removing the demo persona takes out exactly its rows, and each Undo brings back exactly what
its action took: compared row by row, every column but the time stamps."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from infoint import action_items, demo, meetings_log, outreach_log, referrals, thanks_log, undo
from infoint import debrief as db
from infoint import meetings as mt
from infoint import questions as qs
from infoint import targets as tg
from infoint.exports import backup_bytes, restore_backup
from infoint.objectives import save_objectives
from infoint.organizations import load_organizations, save_organization, set_archived
from infoint.records import Contact, Objective, Organization, Profile

AT = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
STAMPS = ("created_at", "updated_at")


def content(ws) -> dict[str, dict]:
    """Every table's rows by id (``meta`` by key, its creation time left out), without time
    stamps."""
    out = {}
    for table in ws.tables():
        rows = ws.query(f"SELECT * FROM {table}")
        if table == "meta":
            out[table] = {r["key"]: r["value"] for r in rows if r["key"] != "created_at"}
        else:
            out[table] = {r["id"]: {k: v for k, v in r.items() if k not in STAMPS} for r in rows}
    return out


def new_rows(before: dict, after: dict) -> dict[str, set]:
    """The ids (meta: keys) that appeared between two contents, per table."""
    return {t: set(after[t]) - set(before[t]) for t in after}


def contact_named(ws, first_name: str) -> Contact:
    return next(c for c in tg.load_contacts(ws) if c.first_name == first_name)


def own_rows_before(ws, step_1: bool) -> None:
    """What the user has before trying the demo: a contact with events, an organization (one the
    demo's file also lists, with less filled in), a question of their own, maybe step 1."""
    mine = Contact(first_name="Mina", last_name="Own", organization="My Co", email="m@my.co")
    mine.id = tg.save_contact(ws, mine)
    save_organization(ws, Organization(name="My Co", motivation=4))
    save_organization(ws, Organization(name="Tidewater Travel Group"))
    outreach_log.log_sent(ws, mine, "request_direct", "Hello", "A short request", at=AT)
    ws.append_event("reply", mine.id, {"answer": "yes"}, at=AT.isoformat())
    qs.save_custom_question(ws, "What surprised you in your first year?")
    if step_1:
        save_objectives(ws, Profile(name="Mina Own", email="m@my.co"), Objective(goals=["Skills"]))


def use_the_demo(ws) -> None:
    """What a person does with the demo's people: requests, a meeting, a debrief, an action
    item, a thank-you's notes, a referral and that person's referral, an edit of one of them."""
    amara, rosa = contact_named(ws, "Amara"), contact_named(ws, "Rosa")
    outreach_log.save_draft(ws, amara.id, "request_direct", "Hi", "Body", to="amara@example.org")
    outreach_log.log_sent(ws, amara, "request_direct", "Hi", "Body", at=AT)
    meeting = meetings_log.book_meeting(
        ws, mt.Meeting(contact_id=rosa.id, starts_at="2026-03-12T10:00", minutes=30), at=AT
    )
    meetings_log.save_preparation(ws, meeting, {"date": "2026-03-13", "start": "11:00"})
    meetings_log.mark_held(ws, meeting, "America/Toronto", at=AT)
    db.save_debrief(ws, db.Debrief(meeting_id=meeting.id, contact_id=rosa.id, insights="Lots"))
    action_items.save_action_item(
        ws, action_items.ActionItem("Read", "2026-03-20", meeting_id=meeting.id, contact_id=rosa.id)
    )
    thanks_log.save_note_inputs(ws, rosa.id, {"specific": "The research ops path"})
    referrals.record_referral(ws, referrals.Referral(first_name="Jo", last_name="Park"), rosa)
    jo = contact_named(ws, "Jo")
    outreach_log.log_sent(ws, jo, "request_direct", "Hi Jo", "Rosa suggested you", at=AT)
    referrals.record_referral(ws, referrals.Referral(first_name="Kim", last_name="Lee"), jo)
    tg.set_targets(ws, [amara.id, rosa.id])
    rosa.notes = "Edited by me: still the demo's person"
    tg.save_contact(ws, rosa, tg.FORM_FIELDS)


def own_rows_after(ws) -> None:
    """What the user adds after loading the demo: a person, an organization, events on their
    own person, an action item of theirs, a person their own contact referred, an edit."""
    later = Contact(first_name="Lee", last_name="Later", organization="Later Inc")
    later.id = tg.save_contact(ws, later)
    save_organization(ws, Organization(name="Later Inc", motivation=2))
    mine = contact_named(ws, "Mina")
    outreach_log.log_sent(ws, mine, "follow_up", "Following up", "Just checking", at=AT)
    action_items.save_action_item(
        ws, action_items.ActionItem("Call", "2026-04-01", contact_id=mine.id)
    )
    referrals.record_referral(ws, referrals.Referral(first_name="Ref", last_name="Erred"), mine)
    tg.set_targets(ws, [mine.id])


def expected_after_removal(before_demo: dict, mid: dict, final: dict) -> dict:
    """The user's rows only: those from before the demo as they were then (or as the user changed
    them after it), and those the user added after it, as they are."""
    added_later = new_rows(mid, final)
    out = {}
    for table, rows in final.items():
        keep = {}
        for key, row in before_demo[table].items():
            edited_later = key in mid[table] and final[table].get(key) != mid[table][key]
            keep[key] = final[table][key] if edited_later else row
        for key in added_later[table]:
            keep[key] = rows[key]
        out[table] = keep
    return out


@pytest.mark.parametrize("step_1", [True, False], ids=["own step 1", "no step 1"])
def test_removing_the_demo_leaves_exactly_the_users_rows(ws, step_1):
    own_rows_before(ws, step_1)
    before_demo = content(ws)
    demo.apply_persona(ws)
    assert demo.demo_data(ws) == demo.DemoData("Leela Varadan", 28, 11)  # one org was the user's
    use_the_demo(ws)
    mid = content(ws)
    own_rows_after(ws)
    final = content(ws)
    expected = expected_after_removal(before_demo, mid, final)
    assert len(expected["contacts"]) == 3 and len(expected["organizations"]) == 3

    removal = demo.remove_persona(ws)

    assert content(ws) == expected
    assert removal.deleted["contacts"] == 30 and removal.deleted["organizations"] == 11
    assert {"events", "drafts", "meetings", "debriefs", "action_items", "meta"} <= set(
        removal.deleted
    )
    assert removal.safety_copy is not None and removal.safety_copy.is_file()
    assert demo.demo_data(ws) is None
    tidewater = next(o for o in load_organizations(ws) if o.name == "Tidewater Travel Group")
    assert tidewater.industry == "" and tidewater.motivation is None  # the demo's fill-in is gone
    assert "Step 1" in removal.summary() if step_1 else "profile" in removal.restored

    again = demo.remove_persona(ws)  # removing twice is harmless
    assert not again.removed_anything and again.safety_copy is None
    assert content(ws) == expected and "nothing was changed" in again.summary()


def test_step_1_changed_after_the_demo_stays_as_changed(ws):
    demo.apply_persona(ws)
    ws.put_row("profile", {"name": "My real name"})  # the objective is left as the demo's
    demo.remove_persona(ws)
    assert ws.get_row("profile")["name"] == "My real name"
    assert ws.get_row("objective") is None
    assert content(ws)["contacts"] == {} and content(ws)["organizations"] == {}


def test_step_1_replaced_by_the_demo_comes_back(ws):
    save_objectives(ws, Profile(name="Me", timezone="Europe/Oslo"), Objective(goals=["Paths in"]))
    before = content(ws)
    demo.apply_persona(ws)
    assert ws.get_row("profile")["name"] == "Leela Varadan"
    removal = demo.remove_persona(ws)
    assert content(ws) == before and set(removal.restored) == {"profile", "objective"}


def test_own_rows_the_demo_replaced_and_the_user_changed_since_stay_as_they_are(ws):
    save_objectives(ws, Profile(name="Me"), Objective(goals=["Paths in"]))
    save_organization(ws, Organization(name="Tidewater Travel Group"))
    demo.apply_persona(ws)
    ws.put_row("profile", {"pitch": "My own pitch, typed over the demo's"})
    org = next(o for o in load_organizations(ws) if o.name == "Tidewater Travel Group")
    org.notes = "My notes"
    save_organization(ws, org)
    kept = {t: content(ws)[t] for t in ("profile", "organizations")}
    kept["organizations"] = {org.id: kept["organizations"][org.id]}
    removal = demo.remove_persona(ws)
    assert {t: content(ws)[t] for t in kept} == kept
    assert ws.get_row("objective")["goals"] == '["Paths in"]'  # untouched since: back as before
    assert set(removal.kept) == {"profile", "organizations"} and removal.restored == ("objective",)
    assert "What you changed in step 1 after loading the demo stays" in removal.summary()


def test_loading_twice_then_removing_gives_back_the_start(ws):
    own_rows_before(ws, step_1=True)
    before = content(ws)
    demo.apply_persona(ws)
    ws.put_row("profile", {"pitch": "typed between the two loads"})
    demo.apply_persona(ws)
    assert demo.demo_data(ws).contacts == 28  # the second load added nobody
    demo.remove_persona(ws)
    assert content(ws) == before


def test_an_edited_demo_contact_goes_with_the_demo(ws):
    demo.apply_persona(ws)
    amara = contact_named(ws, "Amara")
    amara.first_name, amara.notes = "Amara (mine now)", "I changed her"
    tg.save_contact(ws, amara)
    demo.remove_persona(ws)
    assert tg.load_contacts(ws) == []


def test_undo_of_loading_the_demo_equals_removing_it(ws, fresh):
    for w in (ws, fresh):
        own_rows_before(w, step_1=True)
        demo.apply_persona(w)
        use_the_demo(w)
    message = undo.demo_loaded(ws).run()
    demo.remove_persona(fresh)
    assert content(ws) == content(fresh)
    assert message.startswith("Undone: The demo persona is removed: 30 people")


def test_a_killed_load_records_nothing(ws, monkeypatch):
    """The record is written in the load's own transaction: a load that fails leaves neither."""

    def fail(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(tg, "apply_merge", fail)
    with pytest.raises(OSError):
        demo.apply_persona(ws)
    assert demo.demo_data(ws) is None and ws.get_row("profile") is None
    assert ws.rows("organizations") == []


def test_per_person_facts_are_keyed_as_the_removal_expects():
    for key in (
        outreach_log._to_key(7, "request_direct"),
        meetings_log._proposal_key(7),
        thanks_log._inputs_key(7),
    ):
        assert key.split(".")[demo.CONTACT_META_PART] == "7", key


def test_a_person_of_yours_a_demo_person_referred_stays_without_that_note(ws):
    mina_id = tg.save_contact(ws, Contact(first_name="Mina", last_name="Own", organization="Co"))
    demo.apply_persona(ws)
    amara = contact_named(ws, "Amara")
    referrals.record_referral(
        ws, referrals.Referral(first_name="Mina", last_name="Own", organization="Co"), amara
    )
    assert contact_named(ws, "Mina").referred_by == amara.id  # matched, not added
    before = {k: v for k, v in ws.rows("contacts", "id = ?", (mina_id,))[0].items()}
    demo.remove_persona(ws)
    [after] = ws.rows("contacts")
    changed = {k for k in after if after[k] != before[k]}
    assert after["id"] == mina_id and changed - {"updated_at"} == {"referred_by"}
    assert after["referred_by"] is None


def test_every_pages_demo_run_then_removal_leaves_an_empty_workbook(ws):
    """What a notebook with demo=True (or the app's) leaves comes out with the demo too:
    drafts, meetings, a debrief, its referral, the per-person facts of step 6."""
    from infoint.ui.app import App

    App(ws).run_demo()
    assert {t for t, rows in content(ws).items() if rows} >= {"events", "drafts", "debriefs"}
    demo.remove_persona(ws)
    assert {t: rows for t, rows in content(ws).items() if rows} == {}


# -- undo ------------------------------------------------------------------------------------------
def test_undo_of_archiving_brings_the_organization_back_unchanged(ws):
    org_id = save_organization(ws, Organization(name="Northwind", motivation=5, notes="Keep"))
    before = content(ws)
    org = next(o for o in load_organizations(ws) if o.id == org_id)
    set_archived(ws, org_id)
    assert content(ws) != before
    assert undo.archived(ws, org).run() == "Undone: Northwind is back on your list."
    assert content(ws) == before


def test_undo_of_a_restore_brings_back_the_previous_workbook_exactly(ws, fresh):
    own_rows_before(ws, step_1=True)
    demo.apply_persona(ws)
    before = ws.dump()
    save_objectives(fresh, Profile(name="Someone Else"), Objective(goals=["The hiring process"]))
    report = restore_backup(ws, backup_bytes(fresh), "other.zip")
    assert ws.get_row("profile")["name"] == "Someone Else"
    message = undo.restored(ws, report.safety_copy, "other.zip").run()
    assert ws.dump() == before  # every row, time stamps included
    assert "before you restored other.zip" in message
    assert demo.demo_data(ws) is not None  # the demo's record came back with its rows


def test_undo_of_a_restore_explains_a_missing_copy(ws, tmp_path):
    from infoint.schema import WorkspaceError

    ws.put_row("profile", {"name": "Kept"})
    with pytest.raises(WorkspaceError, match="can't be read"):
        undo.restored(ws, tmp_path / "gone.zip", "x.zip").run()
    assert ws.get_row("profile")["name"] == "Kept"


def test_undo_of_removing_the_demo_brings_it_back(ws):
    own_rows_before(ws, step_1=False)
    demo.apply_persona(ws)
    before = ws.dump()
    removal = demo.remove_persona(ws)
    undo.demo_removed(ws, removal.safety_copy).run()
    assert ws.dump() == before


def test_undo_of_an_action_item_done_opens_it_again(ws):
    cid = tg.save_contact(ws, Contact(first_name="Ana"))
    item = action_items.ActionItem("Read the article", "2026-03-20", contact_id=cid)
    action_items.save_action_item(ws, item)
    before = content(ws)
    item.done_at = AT.isoformat()
    action_items.save_action_item(ws, item)
    assert "is open again" in undo.action_item_done(ws, item).run()
    assert content(ws) == before
