"""Tests for infoint.objectives: the step 1 rules O1-O6, table by table, plus hostile input."""

from __future__ import annotations

import json
import sqlite3

import pytest

from infoint.email_check import check_email
from infoint.goals import check_goal, check_goals
from infoint.objectives import (
    O6_REMINDER,
    WORDS_PER_MINUTE,
    PitchStats,
    check_kinds,
    check_pitch,
    check_plan,
    check_profile,
    objective_findings,
    pitch_stats,
    plan_mix,
    step_progress,
    suggest_plan,
)
from infoint.records import KIND_LABELS, KINDS, Finding, Objective, Plan, Profile

GOOD_GOAL = "What skills a UX researcher uses day to day and which ones I still lack"
GOOD_PITCH = (
    "I'm Jane, a fourth-year statistics student. I'm curious about data work in "
    "health care, and before I choose my last courses I'd like to hear how people "
    "in the field actually spend their days."
)

HOSTILE = [
    "",
    "   \t\n  ",
    "$5M and $10M",
    "<b>bold</b>",
    "<img src=x onerror=alert(1)>",
    "=cmd|' /C calc'!A0",
    "+1",
    "-1",
    "@SUM(1)",
    "Zoë Ñúñez-Ærøskøbing",
    "李小龙 ",
    "\u202eevil\u202c",
    "\x00\x1b[31m",
    "x" * 100_000,
    "word " * 20_000,
    "[" * 100_000,
    "a@" + "b" * 100_000,
    "learn " * 25_000,
    "ask them for " * 10_000,
]


def kinds_of(findings):
    return sorted((f.rule, f.severity) for f in findings)


# ----------------------------------------------------------------- O1


def test_kinds_and_labels_match():
    assert KINDS == ("industry", "organization", "role", "career_path")
    assert list(KIND_LABELS) == list(KINDS)
    assert all(label.strip() for label in KIND_LABELS.values())


@pytest.mark.parametrize(
    "kinds, expected",
    [
        (["role"], []),
        (["industry", "organization"], []),
        (("career_path",), []),
        ("role", []),  # a single string is one choice
        (["role", "role"], []),  # repeats are harmless
        (list(KINDS), [("O1", "info")]),  # allowed, but a hint to narrow
        ([], [("O1", "error")]),
        (None, [("O1", "error")]),
        ([""], [("O1", "error"), ("O1", "warning")]),
        (["Role"], [("O1", "error"), ("O1", "warning")]),  # exact ids only
        (["role", "<img src=x onerror=alert(1)>"], [("O1", "warning")]),
        (["x" * 100_000], [("O1", "error"), ("O1", "warning")]),
    ],
)
def test_check_kinds(kinds, expected):
    assert kinds_of(check_kinds(kinds)) == sorted(expected)


def test_unknown_kind_is_named_in_subject_only():
    (warning,) = [f for f in check_kinds(["role", "<b>x</b>"]) if f.severity == "warning"]
    assert warning.subject == "<b>x</b>" and "<b>" not in warning.message


# ----------------------------------------------------------------- O2


@pytest.mark.parametrize(
    "goal",
    [
        GOOD_GOAL,
        "What the team culture is like at a small game studio",
        "How people get hired at Shopify and what experience counts most",
        "How people get a job at a bank and which certifications matter",
        "Which certifications a junior accountant needs in the first two years",
        "What a typical day looks like for a nurse on night shifts",
        "Whether a career in urban planning would fit someone like me",
        "What salary range and work-life balance to expect as a new paralegal",
        "Learn more about the skills a data analyst needs",  # vague filler, but a real topic
        "Découvrir la culture d'équipe chez Ubisoft Montréal",  # accents folded: "culture"
        "How did she move from teaching into instructional design (career path)?",
        "Which other people I could talk to about hospital pharmacy",
        "Which tools and software $5M-budget teams use",
        "Qué habilidades necesita un analista de datos",  # Spanish: its own word lists (issue 16)
    ],
)
def test_good_goal_has_no_findings(goal):
    assert check_goal(goal) == []


@pytest.mark.parametrize(
    "goal, why",
    [
        ("learn more about the industry", "\u201clearn more\u201d"),
        ("Things I should know in general", "\u201cthings\u201d"),
        ("Pick their brain about the field", "\u201cpick their brain\u201d"),
        ("I want to get advice from someone", "\u201cadvice\u201d"),
        ("Network with people who work there", "\u201cnetwork\u201d"),
        ("Just general stuff about it", "general wording"),
        ("network", "only 1 word"),
        ("Typical day", "only 2 words"),
        ("Salary, culture, hiring", "only 3 words"),
        ("Hear what she thinks of her company", "names no specific topic"),
        ("   ", "empty"),
        ("", "empty"),
    ],
)
def test_vague_goal_is_flagged_with_reason(goal, why):
    (finding,) = check_goal(goal)
    assert (finding.rule, finding.severity) == ("O2", "warning")
    assert why in finding.message
    assert finding.fix


@pytest.mark.parametrize(
    "goal",
    [
        "Ask them for a job at Shopify",
        "Ask her for an internship in the fall",
        "I want to land a job at Shopify soon",
        "Whether they have any job openings for me",
        "Find out about open positions on the data team",
        "Get a referral for the analyst opening",
        "Get them to refer me for a position on their team",
        "See if they are hiring juniors and could hire me",
        "Are they hiring this year?",
        "Ask for a job referral",
    ],
)
def test_goal_that_asks_for_a_job_is_flagged(goal):
    (finding,) = check_goal(goal)
    assert (finding.rule, finding.severity) == ("O2", "warning")
    assert "job" in finding.message and "never ask" in finding.message
    assert finding.fix


@pytest.mark.parametrize(
    "goal",
    [
        "Get referrals to other people I could talk to about hiring",
        "How people get a job at a bank and what experience counts",
        "What recruiters look for in a first job application",
    ],
)
def test_learning_about_hiring_is_not_a_job_ask(goal):
    assert check_goal(goal) == []


@pytest.mark.parametrize(
    "goals, expected",
    [
        ([GOOD_GOAL], []),
        ([GOOD_GOAL, "", "   "], []),  # blank rows are not goals
        (GOOD_GOAL, []),  # a single string is one goal
        ([], [("O2", "error")]),
        (None, [("O2", "error")]),
        (["", "  \n"], [("O2", "error")]),
        ([GOOD_GOAL, "stuff"], [("O2", "warning")]),
        ([GOOD_GOAL, GOOD_GOAL.upper() + "!"], [("O2", "warning")]),  # the same goal twice
        (["stuff", "Stuff"], [("O2", "warning"), ("O2", "warning")]),  # vague once, repeat once
        ([GOOD_GOAL, "Ask them for a job"], [("O2", "warning")]),
    ],
)
def test_check_goals(goals, expected):
    assert kinds_of(check_goals(goals)) == sorted(expected)


def test_duplicate_goal_says_so():
    messages = [
        f.message for f in check_goals(["Which skills matter most", "which SKILLS matter most."])
    ]
    assert any("more than once" in m for m in messages)


# ----------------------------------------------------------------- O3


@pytest.mark.parametrize(
    "total, expected",
    [
        (6, Plan(6, 5, 5, 4, 3, 3)),
        (3, Plan(3, 2, 2, 1, 1, 2)),
        (4, Plan(4, 3, 3, 2, 2, 2)),
        (5, Plan(5, 4, 4, 3, 2, 3)),
        (7, Plan(7, 6, 5, 4, 3, 4)),
        (2, Plan(2, 1, 1, 0, 1, 1)),
        (1, Plan(1, 1, 0, 0, 0, 1)),
        (20, Plan(20, 12, 12, 4, 10, 10)),
        (0, Plan(1, 1, 0, 0, 0, 1)),  # clamped into 1..20
        (-5, Plan(1, 1, 0, 0, 0, 1)),
        (99, Plan(20, 12, 12, 4, 10, 10)),
        ("x", Plan()),  # not a number: the default plan
    ],
)
def test_suggest_plan(total, expected):
    assert suggest_plan(total) == expected


def test_default_plan_is_the_suggested_one():
    assert suggest_plan() == Plan() == Plan(6, 5, 5, 4, 3, 3)


@pytest.mark.parametrize("total", range(1, 21))
def test_every_suggested_plan_is_valid(total):
    findings = check_plan(suggest_plan(total))
    assert not [f for f in findings if f.severity == "error"]
    if 3 <= total <= 6:
        assert findings == []


@pytest.mark.parametrize(
    "plan, expected, words",
    [
        (Plan(), [], ""),
        (Plan(6, 3, 3, 0, 3, 3), [], ""),  # nobody is both: still fine
        (Plan(4, 2, 2, 0, 2, 2), [], ""),
        (Plan(0, 0, 0, 0, 0, 0), [("O3", "error")], "between 1 and 20"),
        (Plan(21, 12, 13, 4, 10, 11), [("O3", "error")], "between 1 and 20"),
        (Plan(6, -1, 5, 0, 3, 3), [("O3", "error")], "negative"),
        (Plan(6, 5, 5, 4, 3, -3), [("O3", "error")], "negative"),
        (Plan(6, "five", 5, 4, 3, 3), [("O3", "error")], "whole number"),
        (Plan(6, None, 5, 4, 3, 3), [("O3", "error")], "whole number"),
        (Plan(6, True, 5, 4, 3, 3), [("O3", "error")], "whole number"),
        (Plan(6, 5, 5, 4, 2, 3), [("O3", "error")], "should equal"),
        (Plan(6, 6, 6, 4, 3, 3), [("O3", "error")], "6 + 6 \u2212 4 = 8, not 6"),
        (Plan(6, 4, 4, 1, 3, 3), [("O3", "error")], "counted once"),
        (Plan(6, 3, 5, 4, 3, 3), [("O3", "error")], "cannot be more of them"),
        (Plan(6, 7, 3, 4, 3, 3), [("O3", "error"), ("O3", "error")], "larger than the total"),
        (Plan(2, 1, 1, 0, 1, 1), [("O3", "warning")], "little to compare"),
        (Plan(1, 1, 1, 1, 0, 1), [("O3", "warning")], "little to compare"),
        (Plan(8, 6, 6, 4, 4, 4), [("O3", "warning")], "teaches you less"),
        (Plan(6, 6, 1, 1, 3, 3), [("O3", "warning")], "about half"),
        (Plan(6, 5, 5, 4, 1, 5), [("O3", "warning")], "half junior"),
        (Plan(6, 5, 5, 4, 5, 1), [("O3", "warning")], "half junior"),
        (Plan(6, 5, 5, 4, 2, 4), [], ""),  # off by one is fine
        (Plan(10**30, 0, 0, 0, 0, 0), [("O3", "error")] * 3, "between 1 and 20"),
    ],
)
def test_check_plan(plan, expected, words):
    findings = check_plan(plan)
    assert kinds_of(findings) == sorted(expected)
    assert words in " ".join(f.message for f in findings)


def test_check_plan_none_is_the_default():
    assert check_plan(None) == []


def test_plan_mix_rows():
    assert plan_mix(Plan()) == [
        ("In a position you want", 5),
        ("At an organization you want", 5),
        ("Both", 4),
        ("Junior", 3),
        ("Mid-level or senior", 3),
    ]
    assert [n for _, n in plan_mix(Plan(6, None, "x", 4, 3, 3))] == [0, 0, 4, 3, 3]


# ----------------------------------------------------------------- O4


@pytest.mark.parametrize(
    "text, words, seconds",
    [
        ("", 0, 0.0),
        ("   \n\t ", 0, 0.0),
        ("one", 1, 0.4),
        ("word " * 75, 75, 30.0),
        ("word " * 150, 150, 60.0),
        (GOOD_PITCH, len(GOOD_PITCH.split()), round(len(GOOD_PITCH.split()) * 0.4, 1)),
        (None, 0, 0.0),
    ],
)
def test_pitch_stats(text, words, seconds):
    assert WORDS_PER_MINUTE == 150
    assert pitch_stats(text) == PitchStats(words, seconds)


@pytest.mark.parametrize(
    "text, expected, words",
    [
        (GOOD_PITCH, [], ""),
        ("word " * 15, [], ""),
        ("word " * 80, [], ""),  # 32.0 s: about 30
        ("word " * 81, [("O4", "warning")], "32.4 seconds"),
        ("word " * 200, [("O4", "warning")], "80 seconds"),
        ("word " * 14, [("O4", "info")], "14 words"),
        ("Hi, I'm Jane.", [("O4", "info")], "who you are"),
        ("", [("O4", "info")], "short pitch"),
        ("  ", [("O4", "info")], "short pitch"),
    ],
)
def test_check_pitch(text, expected, words):
    findings = check_pitch(text)
    assert kinds_of(findings) == sorted(expected)
    assert words in " ".join(f.message for f in findings)


# ----------------------------------------------------------------- O5


@pytest.mark.parametrize(
    "address, name",
    [
        ("jane.doe@gmail.com", "Jane Doe"),
        ("j.doe@utoronto.ca", "Jane Doe"),
        ("maria.garcia@student.ubc.ca", "María García"),
        ("jdoe@outlook.com", "Jane Doe"),
        ("jd@janedoe.studio", "Jane Doe"),  # initials together; own domain is fine
        ("jane.doe@gmail.com", ""),
        ("JANE.DOE@GMAIL.COM", "jane doe"),
        ("janeking@gmail.com", "Jane King"),  # "king" is her name, not a nickname
        ("angel.ruiz@gmail.com", "Ángel Ruiz"),
        ("glover.sam@yahoo.com", ""),  # "lover" inside a surname is not a hobby
        ("norman.smith@yahoo.com", ""),  # nor "man" inside "norman"
        ("wei.zhang@qq.com", "张伟"),  # no Latin name parts: no name check
        ("  jane.doe@gmail.com  ", "Jane Doe"),  # pasted spaces
        ("jane+jobs@gmail.com", "Jane Doe"),
    ],
)
def test_professional_address_has_no_findings(address, name):
    assert check_email(address, name) == []


@pytest.mark.parametrize(
    "address, name, subjects",
    [
        ("binaryman01@gmail.com", "", {"01", "binary", "man"}),
        ("likes.tech@gmail.com", "", {"likes"}),
        ("coolguy1985@hotmail.com", "Tom Lee", {"1985", "cool", "guy", "coolguy1985"}),
        ("jane.doe1999@gmail.com", "Jane Doe", {"1999"}),
        ("jane.doe2004@gmail.com", "", {"2004"}),
        ("jane2001doe@gmail.com", "Jane Doe", {"2001"}),
        ("jane.doe85@gmail.com", "Jane Doe", {"85"}),
        ("jane.doe123456@gmail.com", "Jane Doe", {"123456"}),
        ("jane.doe.777@gmail.com", "Jane Doe", {"777"}),
        ("tomthegamer@gmail.com", "Tom Smith", {"gamer"}),
        ("crazycatlady@gmail.com", "", {"crazy"}),
        ("xxgamerxx@gmail.com", "", {"gamer", "xx"}),
        ("jane_ninja@gmail.com", "Jane Doe", {"ninja"}),
        ("princess.jane@gmail.com", "Jane Doe", {"princess"}),
        ("partyboy@gmail.com", "", {"party", "boy"}),
        ("soccerfan@gmail.com", "", {"fan"}),
        ("king.james@gmail.com", "James Smith", {"king"}),
        ("Sunshine@gmail.com", "Jane Doe", {"Sunshine"}),  # no part of the name
        ("$$@x.com", "Jane", {"$", "$$"}),
        ("=cmd@x.com", "", {"="}),
    ],
)
def test_unprofessional_address_is_flagged_with_reasons(address, name, subjects):
    findings = check_email(address, name)
    assert {(f.rule, f.severity) for f in findings} == {("O5", "warning")}
    assert {f.subject for f in findings} == subjects
    assert all(f.message and f.fix for f in findings)


@pytest.mark.parametrize(
    "address, reason",
    [
        ("", "needed"),
        ("   ", "needed"),
        (None, "needed"),
        ("jane", "@ sign"),
        ("jane@", "after the @ sign"),
        ("@gmail.com", "before the @ sign"),
        ("jane doe@gmail.com", "characters"),
        ("jane..doe@gmail.com", "two dots"),
        ("jane@localhost", "needs a dot"),
        ("Jane <jane@x.com>", "extra text"),
        ("<b>@x.com", "extra text"),
        ("<img src=x onerror=alert(1)>", "@ sign"),
        ("jane@x.123", "ending"),
        ("jane@[1.2.3.4]", "brackets"),
        (".jane@gmail.com", "start or end"),
        ("a@" + "b" * 100_000, "too long"),
        ("x" * 100_000 + "@gmail.com", "too long"),
        ("jane@gmail.com\nBcc: all@x.com", "characters"),
    ],
)
def test_invalid_address_is_one_error(address, reason):
    (finding,) = check_email(address, "Jane Doe")
    assert (finding.rule, finding.severity) == ("O5", "error")
    assert reason in finding.message


def test_check_email_never_quotes_the_address_in_the_message():
    for address in ["<img src=x onerror=alert(1)>@x.com", "$x$@x.com", "a\u202e@x.com"]:
        for finding in check_email(address, "<b>Jane</b>"):
            assert "<img" not in finding.message and "$x$" not in finding.message


# ----------------------------------------------------------------- profile (O4, O5)

GOOD_PROFILE = Profile("Jane Doe", "jane.doe@gmail.com", "America/Toronto", GOOD_PITCH)


@pytest.mark.parametrize(
    "profile, expected, words",
    [
        (GOOD_PROFILE, [], ""),
        (Profile("Zoë Ñúñez", "zoe.nunez@gmail.com", "Europe/Madrid", GOOD_PITCH), [], ""),
        (
            Profile("", "jane.doe@gmail.com", "America/Toronto", GOOD_PITCH),
            [("O5", "error")],
            "name",
        ),
        (Profile("  ", "jane.doe@gmail.com", "UTC", GOOD_PITCH), [("O5", "error")], "name"),
        (Profile("Jane Doe", "", "America/Toronto", GOOD_PITCH), [("O5", "error")], "needed"),
        (
            Profile("Jane Doe", "binaryman01@gmail.com", "America/Toronto", GOOD_PITCH),
            [("O5", "warning")] * 4,
            "nickname",
        ),
        (Profile("Jane Doe", "jane.doe@gmail.com", "", GOOD_PITCH), [("O5", "error")], "time zone"),
        (
            Profile("Jane Doe", "jane.doe@gmail.com", "Mars/Olympus", GOOD_PITCH),
            [("O5", "error")],
            "not a known time zone",
        ),
        (
            Profile("Jane Doe", "jane.doe@gmail.com", "localtime", GOOD_PITCH),
            [("O5", "error")],
            "not a known time zone",
        ),
        (
            Profile("Jane Doe", "jane.doe@gmail.com", "America/Toronto", ""),
            [("O4", "info")],
            "pitch",
        ),
        (
            Profile("Jane Doe", "jane.doe@gmail.com", "America/Toronto", "word " * 100),
            [("O4", "warning")],
            "40 seconds",
        ),
        (Profile(), [("O5", "error")] * 3 + [("O4", "info")], ""),
        (None, [("O5", "error")] * 3 + [("O4", "info")], ""),
    ],
)
def test_check_profile(profile, expected, words):
    findings = check_profile(profile)
    assert kinds_of(findings) == sorted(expected)
    assert words in " ".join(f.message for f in findings)


def test_time_zone_in_the_wrong_case_gets_a_suggestion():
    (finding,) = check_profile(
        Profile("Jane Doe", "jane.doe@gmail.com", "america/toronto", GOOD_PITCH)
    )
    assert "America/Toronto" in finding.fix


# ----------------------------------------------------------------- storage rows


@pytest.mark.parametrize(
    "profile",
    [
        Profile(),
        GOOD_PROFILE,
        Profile("<img src=x onerror=alert(1)>", "=cmd@x.com", "UTC", "$5M and $10M"),
        Profile("李小龙", "x" * 100_000, "Asia/Shanghai", "Zoë\n\ttabs"),
    ],
)
def test_profile_row_round_trip(profile):
    row = profile.to_row()
    assert set(row) == {"name", "email", "timezone", "pitch", "location"}
    assert all(isinstance(v, str) for v in row.values())
    assert Profile.from_row(row) == profile


@pytest.mark.parametrize(
    "row, expected",
    [
        (None, Profile()),
        ({}, Profile()),
        ({"name": "Jane", "extra": 1}, Profile(name="Jane")),
        ({"name": None, "email": 42}, Profile(email="42")),
    ],
)
def test_profile_from_odd_rows(row, expected):
    assert Profile.from_row(row) == expected


def test_rows_from_sqlite():
    con = sqlite3.connect(":memory:")
    con.row_factory = sqlite3.Row
    con.execute("create table profile (name, email, timezone, pitch, location, other)")
    con.execute(
        "insert into profile values (?, ?, ?, ?, ?, ?)", (*GOOD_PROFILE.to_row().values(), "x")
    )
    assert Profile.from_row(con.execute("select * from profile").fetchone()) == GOOD_PROFILE
    assert Profile.from_row(con.execute("select name from profile").fetchone()) == Profile(
        "Jane Doe"
    )
    objective = Objective(
        ["role"], "Health data", ["Analyst"], ["UHN"], [GOOD_GOAL], suggest_plan(4)
    )
    con.execute(
        "create table objective (kinds, field_of_interest, roles, organizations, goals, plan)"
    )
    row = objective.to_row()
    con.execute("insert into objective values (?, ?, ?, ?, ?, ?)", tuple(row[k] for k in row))
    assert Objective.from_row(con.execute("select * from objective").fetchone()) == objective


@pytest.mark.parametrize(
    "objective",
    [
        Objective(),
        Objective(
            ["role", "career_path"],
            "Santé publique",
            ["Épidémiologiste"],
            ["Santé Québec"],
            [GOOD_GOAL, "Ce qui compte à l'embauche"],
            suggest_plan(3),
        ),
        Objective(
            ["industry"],
            "<b>x</b>",
            ["=cmd", "$5M"],
            ["<img src=x onerror=alert(1)>"],
            ["x" * 100_000],
            Plan(6, 5, 5, 4, 3, 3),
        ),
    ],
)
def test_objective_row_round_trip(objective):
    row = objective.to_row()
    assert set(row) == {"kinds", "field_of_interest", "roles", "organizations", "goals", "plan"}
    assert all(isinstance(v, str) for v in row.values())
    assert json.loads(row["plan"])["total"] == objective.plan.total
    assert Objective.from_row(row) == objective


def test_objective_row_keeps_accents_readable():
    assert "Épidémiologiste" in Objective(roles=["Épidémiologiste"]).to_row()["roles"]


@pytest.mark.parametrize(
    "row, expected",
    [
        (None, Objective()),
        ({}, Objective()),
        ({"kinds": '["role", "astrology", "role", 3]'}, Objective(kinds=["role"])),
        ({"kinds": "not json"}, Objective()),
        ({"goals": '{"a": 1}'}, Objective()),
        ({"goals": '["a", null, 2, "b"]'}, Objective(goals=["a", "b"])),
        ({"roles": "[" * 100_000}, Objective()),  # absurd nesting
        ({"roles": ["already", "a list"]}, Objective(roles=["already", "a list"])),
        ({"plan": "oops"}, Objective()),
        ({"plan": "[1, 2]"}, Objective()),
        (
            {"plan": '{"total": 4, "junior": "2", "senior": 2.0, "both": NaN, "x": 1}'},
            Objective(plan=Plan(total=4, junior=2, senior=2)),
        ),
        ({"plan": '{"total": true}'}, Objective()),
        ({"field_of_interest": None, "unknown": "x"}, Objective()),
    ],
)
def test_objective_from_odd_rows(row, expected):
    assert Objective.from_row(row) == expected


# ----------------------------------------------------------------- step 1 together


def test_objective_findings_combines_o1_o2_o3():
    assert objective_findings(Objective(["role"], goals=[GOOD_GOAL])) == []
    rules = {f.rule for f in objective_findings(Objective(plan=Plan(0, 0, 0, 0, 0, 0)))}
    assert rules == {"O1", "O2", "O3"}
    assert {f.rule for f in objective_findings(None)} == {"O1", "O2"}


DONE_OBJECTIVE = Objective(["role"], goals=["stuff", GOOD_GOAL])


@pytest.mark.parametrize(
    "profile, objective, expected",
    [
        (GOOD_PROFILE, DONE_OBJECTIVE, [True] * 5),
        (Profile(), Objective(), [False, False, False, True, False]),
        (None, None, [False, False, False, True, False]),
        (
            Profile("Jane Doe", "binaryman01@gmail.com", "UTC", GOOD_PITCH),
            DONE_OBJECTIVE,
            [True] * 5,
        ),
        (Profile("Jane Doe", "jane@", "UTC", GOOD_PITCH), DONE_OBJECTIVE, [False] + [True] * 4),
        (
            Profile("Jane Doe", "jane.doe@gmail.com", "Nowhere/City", GOOD_PITCH),
            DONE_OBJECTIVE,
            [False] + [True] * 4,
        ),
        (
            Profile("Jane Doe", "jane.doe@gmail.com", "UTC", "word " * 90),
            DONE_OBJECTIVE,
            [True] * 4 + [False],
        ),
        (
            Profile("Jane Doe", "jane.doe@gmail.com", "UTC", "Hi, I'm Jane."),
            DONE_OBJECTIVE,
            [True] * 5,
        ),
        (
            GOOD_PROFILE,
            Objective(["astrology"], goals=[GOOD_GOAL]),
            [True, False, True, True, True],
        ),
        (
            GOOD_PROFILE,
            Objective(["role"], goals=["stuff", "Ask for a job"]),
            [True, True, False, True, True],
        ),
        (
            GOOD_PROFILE,
            Objective(["role"], goals=[GOOD_GOAL], plan=Plan(6, 6, 6, 4, 3, 3)),
            [True, True, True, False, True],
        ),
        (
            GOOD_PROFILE,
            Objective(["role"], goals=[GOOD_GOAL], plan=Plan(9, 7, 6, 4, 4, 5)),
            [True] * 5,
        ),
    ],
)
def test_step_progress(profile, objective, expected):
    progress = step_progress(profile, objective)
    assert [done for _, done in progress] == expected
    assert all(isinstance(label, str) and label for label, _ in progress)


def test_o6_reminder():
    text = O6_REMINDER.lower()
    assert "not" in text and "lead" in text and "listen" in text
    assert 1 <= text.count(".") <= 2


# ----------------------------------------------------------------- hostile input everywhere

STRING_CHECKS = [
    ("check_kinds", lambda s: check_kinds([s])),
    ("check_goal", check_goal),
    ("check_goals", lambda s: check_goals([s, s])),
    ("check_pitch", check_pitch),
    ("check_email", check_email),
    ("check_email name", lambda s: check_email("jane.doe@gmail.com", s)),
    ("check_email both", lambda s: check_email(s + "@gmail.com", s)),
    ("check_profile", lambda s: check_profile(Profile(s, s, s, s))),
    ("objective_findings", lambda s: objective_findings(Objective([s], s, [s], [s], [s]))),
]


@pytest.mark.timeout(10)
@pytest.mark.parametrize("text", HOSTILE, ids=lambda s: repr(s[:20]) + f"/{len(s)}")
@pytest.mark.parametrize("name, check", STRING_CHECKS, ids=[n for n, _ in STRING_CHECKS])
def test_hostile_text_never_crashes(name, check, text):
    findings = check(text)
    assert isinstance(findings, list)
    for finding in findings:
        assert isinstance(finding, Finding)
        assert finding.rule in {"O1", "O2", "O3", "O4", "O5", "O6"}
        assert finding.severity in {"error", "warning", "info"}
        assert finding.message
        assert len(finding.subject) <= 80  # long pastes are shortened
        if len(text.strip()) > 2:
            assert text.strip()[:40] not in finding.message  # user text stays in subject


@pytest.mark.timeout(10)
@pytest.mark.parametrize("text", HOSTILE, ids=lambda s: repr(s[:20]) + f"/{len(s)}")
def test_hostile_text_in_progress_and_rows(text):
    profile = Profile(text, text, text, text)
    objective = Objective([text], text, [text], [text], [text])
    assert len(step_progress(profile, objective)) == 5
    assert Profile.from_row(profile.to_row()) == profile
    assert Objective.from_row({k: text for k in Objective().to_row()}) == Objective(
        field_of_interest=text
    )


# ----------------------------------------------------------------- docs and imports


@pytest.mark.parametrize(
    "func, rule",
    [
        (check_kinds, "O1"),
        (check_goal, "O2"),
        (check_goals, "O2"),
        (suggest_plan, "O3"),
        (check_plan, "O3"),
        (plan_mix, "O3"),
        (pitch_stats, "O4"),
        (check_pitch, "O4"),
        (check_email, "O5"),
        (check_profile, "O5"),
        (objective_findings, "O1"),
    ],
)
def test_rule_ids_in_docstrings(func, rule):
    assert rule in (func.__doc__ or "")
