"""The hub benchmark's arithmetic: percentiles, its report and the facilitator guide's sizing.

No hub, no browser: the visits are made up (the numbers are arbitrary); the real run is
``python -m benchmarks --only hub`` (benchmarks/README.md), and the hub itself is tested by
tests/test_hub.py.
"""

from __future__ import annotations

import math

import pytest

from benchmarks import hub


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([5.0], 50, 5.0),
        ([5.0], 95, 5.0),
        ([1.0, 2.0, 3.0, 4.0], 50, 2.5),
        ([1.0, 2.0, 3.0, 4.0, 5.0], 95, 4.8),
        ([3.0, 1.0, 2.0], 0, 1.0),
        ([3.0, 1.0, 2.0], 100, 3.0),
    ],
)
def test_percentile_interpolates_between_ranks(values, q, expected):
    assert hub.percentile(values, q) == pytest.approx(expected)


def test_percentile_of_nothing_is_not_a_number():
    assert math.isnan(hub.percentile([], 50))


def test_sizing_grows_with_the_room_and_never_goes_below_two_cores():
    rows = hub.sizing(participant_mb=230, hub_proxy_mb=200, login_cpu_s=6.0, journey_cpu_s=10.0)
    assert list(rows) == list(hub.SIZES)
    # 100 x 230 MB x 1.5 + 200 MB + 2,048 MB = 36,748 MB: 35.9 GB, rounded up; 100 x 6 s / 120 s.
    assert rows[100] == {"ram_gb": 36, "cores": 5}
    assert rows[20]["cores"] == 2  # 1 core's worth of login rush: the floor of 2 applies
    assert rows[20]["ram_gb"] < rows[40]["ram_gb"] < rows[100]["ram_gb"]


def test_sizing_counts_the_work_when_it_costs_more_than_the_rush():
    rows = hub.sizing(participant_mb=100, hub_proxy_mb=0, login_cpu_s=0.1, journey_cpu_s=400.0)
    assert rows[100]["cores"] == math.ceil(100 * 400 / hub.WORK_S)


def visit(login: float, switch: float) -> dict:
    return {
        "login": login,
        "switches": [switch] * 13,
        "login_cpu": 5.0,
        "journey_cpu": 8.0,
        "journey_s": 20.0,
        "rss_mb": 230.0,
        "pss_mb": 190.0,
        "processes": 2,
    }


@pytest.mark.parametrize(
    ("room_login", "room_switch", "passed", "missed"),
    [(40.0, 0.5, True, None), (200.0, 0.5, False, "login"), (40.0, 9.0, False, "switch")],
)
def test_the_report_compares_the_room_with_one_alone(room_login, room_switch, passed, missed):
    alone = [visit(20.0, 0.4), visit(22.0, 0.4)]
    room = [visit(room_login, room_switch) for _ in range(hub.ROOM)]
    result = hub.summarise(alone, room, hub_mb=[130.0], proxy_mb=[70.0])
    assert result["passed"] is passed
    assert result["target"] == pytest.approx(hub.ROOM / (hub.os.cpu_count() or 1), abs=0.01)
    assert (missed in result.get("missed", "")) if missed else "missed" not in result
    assert result["ratio"] == pytest.approx(max(room_login / 21.0, room_switch / 0.4))
    values = result["values"]
    assert values["memory per participant, RSS / PSS, alone (MB)"] == "230 / 190"
    assert values[f"hub / proxy memory with {hub.ROOM} servers, RSS (MB)"] == "130 / 70"
    for n in hub.SIZES:
        assert f"sizing: {n} at once, RAM (GB) / cores" in values
    for key in ("name", "title", "values", "runs", "ratio", "ratio_of", "target", "passed"):
        assert key in result
