"""What is typed for a new item before it is added (infoint/typed.py)."""

from __future__ import annotations

from infoint.typed import forget_typed, keep_typed, typed


def test_kept_text_reads_back_and_empty_fields_keep_nothing(ws):
    assert typed(ws, "debrief.referral") == {}
    assert keep_typed(ws, "debrief.referral", {"first_name": "Zoë <i>", "last_name": "  "})
    assert typed(ws, "debrief.referral") == {"first_name": "Zoë <i>"}
    assert typed(ws, "questions.own") == {}  # each form its own
    assert not keep_typed(ws, "debrief.referral", {"first_name": " ", "last_name": ""})
    assert typed(ws, "debrief.referral") == {}


def test_forgotten_once_added_and_a_damaged_value_reads_as_nothing(ws):
    keep_typed(ws, "questions.own", {"text": "What surprised you?"})
    forget_typed(ws, "questions.own")
    assert typed(ws, "questions.own") == {}
    for damaged in ("{not json", "[1, 2]", '{"text": 3, "4": "x"}'):
        ws.set_meta("typed.questions.own", damaged)
        assert typed(ws, "questions.own") == ({"4": "x"} if damaged.startswith('{"') else {})
