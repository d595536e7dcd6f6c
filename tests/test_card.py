"""The workshop card: a small JSON file, counts only, that says what it holds."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from infoint import card, cohort, sharing
from infoint.events import REPLY, REQUEST_SENT
from infoint.records import Contact, Profile
from infoint.targets import save_contact

NOW = datetime(2030, 6, 5, 15, 0, tzinfo=UTC)


def test_a_card_is_small_readable_json_with_a_version(ws):
    data = card.card_bytes(ws, NOW)
    content = json.loads(data)
    assert len(data) < 2048
    assert content["format"] == card.CARD_FORMAT and content["version"] == card.CARD_VERSION
    assert content["what_this_card_holds"] == card.CARD_HOLDS
    assert "no names, organizations, email addresses" in card.CARD_HOLDS
    assert content["made_on"] == "2030-06-05"  # the day only: no time of day
    assert set(content["figures"]) == {key for key, _ in card.FIGURES}
    assert content["what_the_figures_mean"] == dict(card.FIGURES)
    assert data.decode("utf-8").startswith("{\n  ")  # indented for a person to read


def test_the_card_holds_the_outcome_figures(ws):
    ws.put_rows({"profile": Profile(name="Ana <b>", email="ana@example.com").to_row()})
    for i in range(4):
        cid = save_contact(ws, Contact(first_name=f"P{i}", last_name="X", target=True))
        ws.append_event(REQUEST_SENT, cid, {}, at=f"2030-06-0{i + 1}T10:00:00+00:00")
        if i < 3:
            ws.append_event(REPLY, cid, {"answer": "no"}, at=f"2030-06-0{i + 2}T10:00:00+00:00")
    content = card.card_dict(ws, NOW)
    # known from what was saved, not from outcomes: a name and email but no objective (no
    # goals, so step 1 is not done), four picked and asked, three answered "no", none met
    assert content["figures"] == {
        "steps_done": 0,
        "steps_total": 6,
        "requests_sent": 4,
        "replies": 3,
        "response_rate": 0.75,
        "meetings_held": 0,
        "thanks_within_48h": 0,
        "goals_total": 0,
        "goals_answered": 0,
        "goals_partly": 0,
    }
    o = sharing.outcomes(ws, NOW)  # and the report's derivation says the same
    assert (o.steps_done, o.goals.total, o.requests_sent) == (0, 0, 4)
    assert "Ana" not in json.dumps(content) and "example.com" not in json.dumps(content)


def test_a_workbooks_cards_share_one_random_number_and_the_cohort_reads_it(ws, tmp_path):
    from infoint.workspace import Workspace

    first, second = card.card_dict(ws, NOW), card.card_dict(ws, NOW)
    assert first["card_id"] == second["card_id"] and len(first["card_id"]) == 32
    with Workspace.open(tmp_path / "another.sqlite3") as other:
        assert card.card_dict(other, NOW)["card_id"] != first["card_id"]
    ws.set_meta(card.CARD_ID_KEY, "not a number")  # damaged: a new one is drawn, and kept
    third = card.card_dict(ws, NOW)["card_id"]
    assert third != first and card.card_dict(ws, NOW)["card_id"] == third
    data = card.card_bytes(ws, NOW, card_id="ab" * 16)
    read = cohort.read_card("mine.json", data)
    assert read.card_id == "ab" * 16 and read.figures["requests_sent"] == 0


def test_card_filename_has_the_day_only():
    assert card.card_filename(NOW) == "infoint-card-2030-06-05.json"
    assert card.card_filename("2030-06-06") == "infoint-card-2030-06-06.json"


def test_the_day_is_the_participants_own(ws):
    """At 22:30 UTC it is already the next day in Auckland and still the same one in Los
    Angeles: the card and its file name say the participant's day (step 1's time zone)."""
    late = datetime(2030, 6, 5, 22, 30, tzinfo=UTC)
    ws.put_rows({"profile": Profile(name="A", timezone="Pacific/Auckland").to_row()})
    name, data = card.card_file(ws, late)
    assert json.loads(data)["made_on"] == "2030-06-06" and name == "infoint-card-2030-06-06.json"
    ws.put_rows({"profile": Profile(name="A", timezone="America/Los_Angeles").to_row()})
    early = datetime(2030, 6, 6, 3, 0, tzinfo=UTC)
    name, data = card.card_file(ws, early)
    assert json.loads(data)["made_on"] == "2030-06-05" and name == "infoint-card-2030-06-05.json"


def test_each_card_has_the_next_serial_and_the_newer_of_one_day_counts(ws):
    """The workbook counts its cards (meta): two cards of the same day are told apart by the
    serial, and the cohort counts the newer whichever is read first."""
    first = card.card_bytes(ws, NOW)
    cid = save_contact(ws, Contact(first_name="P", last_name="X", target=True))
    ws.append_event(REQUEST_SENT, cid, {}, at="2030-06-05T16:00:00+00:00")
    second = card.card_bytes(ws, NOW.replace(hour=17))
    a, b = json.loads(first), json.loads(second)
    assert (a["card_serial"], b["card_serial"]) == (1, 2) and a["made_on"] == b["made_on"]
    assert ws.get_meta(card.CARD_SERIAL_KEY) == "2"
    for files in ([("1.json", first), ("2.json", second)], [("2.json", second), ("1.json", first)]):
        read = cohort.read_cards(files)
        assert [c.name for c in read.cards] == ["2.json"] and read.repeated == ["1.json"]
        assert read.cards[0].figures["requests_sent"] == 1
    ws.set_meta(card.CARD_SERIAL_KEY, "damaged")  # a damaged count starts again, never fails
    assert json.loads(card.card_bytes(ws, NOW))["card_serial"] == 1


def test_making_a_card_writes_only_its_number_and_its_count(ws):
    """What a card writes to the workbook: the card number (once) and the count of cards."""
    before = {r["key"]: r["value"] for r in ws.query("SELECT key, value FROM meta")}
    events = len(ws.events())
    card.card_bytes(ws, NOW)
    after = {r["key"]: r["value"] for r in ws.query("SELECT key, value FROM meta")}
    assert set(after) - set(before) == {card.CARD_ID_KEY, card.CARD_SERIAL_KEY}
    assert {k: v for k, v in after.items() if k in before} == before
    assert len(ws.events()) == events
