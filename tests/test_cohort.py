"""The cohort view's logic: cards checked one by one, refused with the file's name, counted,
and summed up with their spread."""

from __future__ import annotations

import json
import statistics

import pytest

from infoint import card, cohort
from infoint.cohort_markup import figures_table, number, reading_html, spread_chart

ID = "0123456789abcdef" * 2


def good(**figures) -> dict:
    base = {
        "steps_done": 2,
        "steps_total": 6,
        "requests_sent": 4,
        "replies": 2,
        "response_rate": 0.5,
        "meetings_held": 1,
        "thanks_within_48h": 1,
        "goals_total": 3,
        "goals_answered": 1,
        "goals_partly": 1,
    }
    return {
        "format": card.CARD_FORMAT,
        "version": 1,
        "what_this_card_holds": card.CARD_HOLDS,
        "card_id": ID,
        "figures": {**base, **figures},
    }


def raw(content) -> bytes:
    return json.dumps(content).encode("utf-8")


REFUSED = [
    (b"", "not readable JSON"),
    (b"\xff\xfe\x00garbage", "not readable JSON"),
    (b"Dear facilitator", "not readable JSON"),
    (b"[1, 2, 3]", "not a workshop card"),
    (raw({"format": "other", "version": 1}), "not a workshop card"),
    (raw({**good(), "version": 2}), "newer version"),
    (raw({**good(), "version": "1"}), "no valid version"),
    (raw({**good(), "version": True}), "no valid version"),
    (raw({**good(), "card_id": "x"}), "no valid card number"),
    (raw({**good(), "figures": [1]}), "holds no figures"),
    (raw(good(requests_sent="4")), "'requests_sent' is missing or not a whole number"),
    (raw(good(meetings_held=None)), "'meetings_held' is missing"),
    (raw(good(meetings_held=True)), "'meetings_held' is missing"),
    (raw(good(meetings_held=1.5)), "'meetings_held' is missing"),
    (raw(good(replies=-1)), "out of range"),
    (raw(good(requests_sent=10**9)), "out of range"),
    (raw(good(replies=5, response_rate=1.25)), "more answers than requests"),
    (raw(good(steps_done=7)), "more steps done than there are steps"),
    (raw(good(thanks_within_48h=2)), "more thank-yous on time than meetings"),
    (raw(good(goals_answered=3)), "more learning goals answered than written"),
    (raw(good(response_rate=0.9)), "response rate does not match"),
    (raw(good(response_rate=None)), "response rate does not match"),
    (raw(good(requests_sent=0, replies=0, response_rate=0.0)), "response rate does not match"),
    (b"{" + b" " * cohort.MAX_CARD_BYTES + b"}", "too big"),
]


@pytest.mark.parametrize("data, why", REFUSED)
def test_a_damaged_card_is_refused_with_the_files_name(data, why):
    with pytest.raises(cohort.CardRefused) as info:
        cohort.read_card("<b>anna's card</b>.json", data)
    assert str(info.value).startswith("<b>anna's card</b>.json: ") and why in str(info.value)


def test_a_good_card_is_read_with_a_bom_and_extra_fields_ignored():
    content = {**good(), "name": "Ana López", "notes": "secret"}
    c = cohort.read_card("a.json", b"\xef\xbb\xbf" + raw(content))
    assert c.figures["requests_sent"] == 4 and "name" not in c.figures
    c = cohort.read_card("b.json", raw(good(requests_sent=0, replies=0, response_rate=None)))
    assert c.figures["response_rate"] is None


def test_thirty_generated_cards_some_damaged_are_counted_or_refused():
    files = cohort.sample_cards(30, broken=4)
    assert len(files) == 30
    read = cohort.read_cards(files)
    assert len(read.cards) == 26 and read.repeated == []
    assert [name for name, _ in read.refused] == [f"card-{n}.json" for n in (27, 28, 29, 30)]
    for name, why in read.refused:
        assert why.startswith(name + ": ")
    figures = {f.key: f for f in cohort.cohort_figures(read.cards)}
    requests = [c.figures["requests_sent"] for c in read.cards]
    s = figures["requests_sent"].spread
    assert s.n == 26 and s.median == statistics.median(requests)
    assert (s.low, s.high) == (min(requests), max(requests))
    assert [s.q1, s.median, s.q3] == statistics.quantiles(requests, n=4, method="inclusive")
    assert s.mean == pytest.approx(statistics.fmean(requests))
    assert figures["requests_sent"].total == str(sum(requests))
    rates = [c.figures["response_rate"] for c in read.cards if c.figures["requests_sent"]]
    assert figures["response_rate"].spread.n == len(rates) < 26
    assert figures["response_rate"].spread.median == pytest.approx(statistics.median(rates))
    met = sum(c.figures["meetings_held"] for c in read.cards)
    thanked = sum(c.figures["thanks_within_48h"] for c in read.cards)
    assert figures["thanks_within_48h"].total.startswith(f"{thanked} of {met} meetings")
    assert set(figures) == {
        "steps_done",
        "requests_sent",
        "response_rate",
        "meetings_held",
        "thanks_within_48h",
        "goals_answered",
    }


def test_the_same_card_twice_counts_once_and_equal_figures_count_twice():
    one = raw(good())
    other = raw({**good(), "card_id": "f" * 32})  # another participant, the same figures
    read = cohort.read_cards([("a.json", one), ("a copy.json", one), ("b.json", other)])
    assert [c.name for c in read.cards] == ["a.json", "b.json"]
    assert read.repeated == ["a copy.json"]
    assert "1 repeated file(s) counted once: a copy.json" in reading_html(read)


def test_reading_adds_to_an_earlier_reading():
    read = cohort.read_cards([("a.json", raw(good()))])
    cohort.read_cards([("b.json", raw({**good(), "card_id": "e" * 32}))], into=read)
    assert len(read.cards) == 2


def test_spread_of_one_value_and_of_none():
    assert cohort.spread([]) is None
    s = cohort.spread([3])
    assert (s.n, s.low, s.q1, s.median, s.q3, s.high, s.mean) == (1, 3, 3, 3, 3, 3, 3)


def test_a_folder_of_cards(tmp_path):
    for name, data in cohort.sample_cards(6, broken=2):
        (tmp_path / name).write_bytes(data)
    (tmp_path / "notes.txt").write_text("not a card")
    (tmp_path / "sub.json").mkdir()
    files = cohort.read_folder(tmp_path)
    assert [n for n, _ in files] == [f"card-0{i}.json" for i in range(1, 7)]
    read = cohort.read_cards(files)
    assert (len(read.cards), len(read.refused)) == (4, 2)
    with pytest.raises(FileNotFoundError, match="is not a folder"):
        cohort.read_folder(tmp_path / "missing")


def test_the_markup_escapes_file_names_and_shows_the_spread():
    read = cohort.read_cards(
        [("<img src=x onerror=alert(1)>.json", b"nope"), ("$5M.json", raw(good()))]
    )
    page = reading_html(read)
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;.json" in page
    assert "$" not in page and "1 card counted." in page and "1 file refused" in page
    figures = cohort.cohort_figures(read.cards)
    table = figures_table(figures, 1)
    assert "<th scope='row'>Requests sent</th><td>1</td><td>4</td>" in table
    chart = spread_chart(figures)
    assert chart.startswith('<svg role="img" aria-label="How the cohort spreads. Steps done')
    assert "Response rate: median 50%, middle half 50% to 50%" in chart


@pytest.mark.parametrize(
    "value, percent, text", [(3.0, False, "3"), (2.25, False, "2.2"), (0.456, True, "46%")]
)
def test_numbers_read_as_people_write_them(value, percent, text):
    assert number(value, percent) == text


def test_a_workbooks_cards_carry_one_number_and_its_newest_card_counts(ws):
    """Two downloads from one workbook a week apart: one participant, counted by the newer."""
    from datetime import UTC, datetime

    from infoint.card import card_bytes

    first = card_bytes(ws, datetime(2026, 3, 2, tzinfo=UTC))
    ws.set_meta("unrelated", "a change")
    later = card_bytes(ws, datetime(2026, 3, 9, tzinfo=UTC))
    assert json.loads(first)["card_id"] == json.loads(later)["card_id"]
    other = raw({**good(), "card_id": "f" * 32})
    read = cohort.read_cards([("later.json", later), ("b.json", other), ("first.json", first)])
    assert [c.name for c in read.cards] == ["later.json", "b.json"]
    assert read.repeated == ["first.json"]
    read = cohort.read_cards([("first.json", first), ("later.json", later)])
    assert [c.name for c in read.cards] == ["later.json"] and read.repeated == ["first.json"]


def test_the_serial_decides_before_the_day_and_a_card_without_one_is_the_oldest():
    """A workbook's card with the higher serial counts, even against a later day (a clock set
    wrong, a zone changed); a card made before the serial existed is older than any with one."""
    older = raw({**good(requests_sent=1, replies=1, response_rate=1.0), "made_on": "2026-03-09"})
    serial_1 = raw({**good(), "made_on": "2026-03-08", "card_serial": 1})
    serial_2 = raw({**good(requests_sent=5, response_rate=0.4), "made_on": "2026-03-08",
                    "card_serial": 2})  # fmt: skip
    for order in ([older, serial_1, serial_2], [serial_2, serial_1, older]):
        files = [(f"{json.loads(d).get('card_serial', 0)}.json", d) for d in order]
        read = cohort.read_cards(files)
        assert [c.name for c in read.cards] == ["2.json"]
        assert sorted(read.repeated) == ["0.json", "1.json"]
        assert read.cards[0].figures["requests_sent"] == 5


@pytest.mark.parametrize("serial", ["2", -1, True, 1.5, 10**10])
def test_a_card_with_a_broken_serial_is_refused(serial):
    with pytest.raises(cohort.CardRefused, match="serial number is not a whole number"):
        cohort.read_card("a.json", raw({**good(), "card_serial": serial}))


def test_the_sample_cards_have_the_cards_own_layout(ws):
    """One layout: a made-up card has exactly the keys a workbook's card has."""
    from datetime import UTC, datetime

    made = json.loads(card.card_bytes(ws, datetime(2026, 3, 4, tzinfo=UTC)))
    name, data = cohort.sample_cards(3, broken=0)[0]
    sample = json.loads(data)
    assert list(sample) == list(made)
    assert sample["what_the_figures_mean"] == made["what_the_figures_mean"]
    assert sample["what_this_card_holds"] == made["what_this_card_holds"]


def test_the_steps_label_says_the_cards_own_number_of_steps():
    figures = {f.key: f for f in cohort.cohort_figures([cohort.read_card("a.json", raw(good()))])}
    assert figures["steps_done"].label == "Steps done (of 6)"
    seven = raw({**good(steps_total=7), "card_id": "e" * 32})
    read = cohort.read_cards([("a.json", raw(good())), ("b.json", seven)])
    figures = {f.key: f for f in cohort.cohort_figures(read.cards)}
    assert figures["steps_done"].label == "Steps done"  # cards that disagree: no number
    read = cohort.read_cards([("b.json", seven)])
    assert cohort.cohort_figures(read.cards)[0].label == "Steps done (of 7)"
