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
    o = sharing.outcomes(ws, NOW)
    assert content["figures"] == {
        "steps_done": o.steps_done,
        "steps_total": 6,
        "requests_sent": 4,
        "replies": 3,
        "response_rate": 0.75,
        "meetings_held": 0,
        "thanks_within_48h": 0,
        "goals_total": o.goals.total,
        "goals_answered": 0,
        "goals_partly": 0,
    }
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
