"""Tests for infoint.request_check: step 3's checker (R1-R4, R6, R7, T6, O5), rule by rule,
plus hostile input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

# The demo-like persona and contacts the draft tests use, so checks and drafts agree.
from sample_data import CONTACTS, OBJECTIVE, PROFILE

from infoint import spelling
from infoint.outreach import DRAFT_KINDS, WORD_LIMITS
from infoint.records import Contact, Finding, Objective, Profile
from infoint.request_check import check_request, linkedin_note_findings

GOOD = """Hi Sam,

Priya Raman suggested I contact you. I'm exploring careers in UX research, and I'd love to hear \
how you plan usability studies at Innkeep Cloud.

Would you be open to a 20-minute phone or video call next week? I can work around your schedule.

Thank you,
Leela Varadan"""

HOSTILE_TEXT = [
    "",
    "   \n\t ",
    "$5M and $10M",
    "<b>bold</b>",
    "<img src=x onerror=alert(1)>",
    "{{7*7}}",
    "{% raw %}x{% endraw %}",
    "=cmd|' /C calc'!A0",
    "Zoë Ñúñez-Ærøskøbing 李小龙 🙂",
    "\u202eevil\u202c",
    "\x00\x1b[31m",
    "x" * 100_000,
    "word " * 20_000,
    "[" * 100_000,
    "a@" + "b" * 100_000,
    "Would you hire me? " * 5_000,
    "so inspiring " * 10_000,
    "?" * 50_000,
    "I " * 30_000,
    "recieve teh intervew " * 3_000,
]


def check(text, **kwargs):
    kwargs.setdefault("known_words", ["Priya Raman", "Sam Lee"])  # names from the workspace
    kwargs.setdefault("profile", PROFILE)
    kwargs.setdefault("objective", OBJECTIVE)
    return check_request(text, **kwargs)


def rules(findings, severities=("error", "warning")):
    return sorted({f.rule for f in findings if f.severity in severities})


def blocking(findings):
    return [f for f in findings if f.severity in ("error", "warning")]


# ----------------------------------------------------------------- LinkedIn note length


@pytest.mark.parametrize(
    "text, plan, count",
    [
        ("x" * 200, "free", None),
        ("x" * 201, "free", 201),
        ("x" * 300, "premium", None),
        ("x" * 301, "premium", 301),
        ("x" * 250, "premium", None),
        ("x" * 250, "bogus", 250),
        ("🙂" * 100, "free", None),
        ("🙂" * 101, "free", 202),
        ("", "free", None),
    ],
)
def test_linkedin_note_findings(text, plan, count):
    found = linkedin_note_findings(text, plan)
    if count is None:
        assert found == []
    else:
        assert [(f.rule, f.severity) for f in found] == [("R1", "error")]
        assert str(count) in found[0].message


def test_linkedin_length_is_checked_by_check_request():
    found = check("Hi Sam! " + "x " * 150, kind="linkedin_note")
    assert any(
        f.rule == "R1" and f.severity == "error" and "characters" in f.message for f in found
    )
    assert not any(
        "characters" in f.message
        for f in check("Hi! " + "x " * 120, kind="linkedin_note", linkedin_plan="premium")
    )


# ----------------------------------------------------------------- check_request: one rule each


def test_good_request_has_no_warnings():
    assert blocking(check(GOOD)) == []
    assert blocking(check(GOOD, strict=True)) == []


BAD = [
    # (text, rule, severity, words expected in the subject)
    ("", "R1", "error", ""),
    (GOOD.replace("Thank you,", "Thank you, " + "really " * 60), "R1", "warning", "words"),
    (
        GOOD.replace("Priya Raman suggested I contact you. ", "Hope all is well. It is sunny. "),
        "R1",
        "warning",
        "hope all is well",
    ),
    (
        GOOD.replace("UX research", "a new area").replace("usability studies", "things"),
        "R1",
        "warning",
        "",
    ),
    (
        GOOD.replace("Would you be open to", "I would like").replace("week?", "week."),
        "R1",
        "warning",
        "",
    ),
    (GOOD.replace("20-minute ", ""), "R4", "warning", ""),
    (
        GOOD.replace("20-minute phone or video call", "an hour over lunch"),
        "R4",
        "warning",
        "an hour",
    ),
    (GOOD.replace("20-minute phone or video call", "60-minute chat"), "R4", "warning", "60-minute"),
    (
        GOOD.replace(
            "Would you be open to a 20-minute phone or video call",
            "Would you be open to chatting for 20 minutes",
        ),
        "R4",
        "info",
        "",
    ),
    (GOOD.replace(" I can work around your schedule.", ""), "R4", "info", ""),
    (GOOD.replace("phone or video call", "WhatsApp video call"), "T6", "info", "whatsapp"),
    (GOOD + "\nP.S. Would you hire me?", "R2", "error", "hire me"),
    (
        GOOD.replace(
            "Priya Raman suggested I contact you.",
            "Priya Raman suggested I contact you. I'm a huge fan.",
        ),
        "R2",
        "warning",
        "huge fan",
    ),
    (
        "Hi Sam,\n\nPriya suggested I write. I am exploring UX research myself and I think I would "
        "like it. I have my notes, I'm ready, and I've planned my questions myself. Would you have "
        "20 minutes for a call?\n\nLeela",
        "R1",
        "warning",
        "I/me/my",
    ),
    (GOOD.replace("usability", "usabilty"), "R3", "warning", "usabilty"),
]


@pytest.mark.parametrize("text, rule, severity, subject", BAD)
def test_each_rule_fires_with_a_reason(text, rule, severity, subject):
    found = [f for f in check(text) if f.rule == rule and f.severity == severity]
    assert found, [(f.rule, f.severity, f.message) for f in check(text)]
    assert all(f.message and f.fix for f in found)
    assert any(subject.lower() in f.subject.lower() for f in found)


def test_length_limits_and_strict_mode():
    words_80 = GOOD + " " + " ".join(["more"] * (80 - len(GOOD.split())))
    assert len(words_80.split()) == 80
    assert [f.severity for f in check(words_80) if f.rule == "R1" and "words" in f.subject] == [
        "info"
    ]
    assert [
        f.severity for f in check(words_80, strict=True) if f.rule == "R1" and "words" in f.subject
    ] == ["warning"]
    assert WORD_LIMITS["request_direct"] == (100, 75)


@pytest.mark.parametrize(
    "opening",
    [
        "Priya Raman suggested I contact you.",
        "Priya introduced us last month.",
        "We're both Lakeshore University alumni.",
        "We met at the UX Toronto meetup.",
        "I saw your talk on survey design.",
        "I found your name on your team page.",
        "I came across your profile on LinkedIn.",
        "Your name came up when I spoke with Priya.",
        "Priya Raman referred me to you.",
        "Dr. Lee recommended I reach out.",
    ],
)
def test_connection_phrases_are_recognised(opening):
    text = GOOD.replace("Priya Raman suggested I contact you.", opening)
    assert "R1" not in rules([f for f in check(text) if "how you got" in f.message])


@pytest.mark.parametrize(
    "greeting",
    ["Hi Sam,\n\n", "Dear Dr. Lee,\n", "Hello!\n", "Hi Sam, ", "Good morning Sam,\n", ""],
)
def test_greeting_is_skipped_before_the_connection(greeting):
    text = greeting + GOOD.split("\n\n", 1)[1]
    assert not [f for f in check(text) if "how you got" in f.message]


def test_connection_must_come_first():
    late = GOOD.replace("Priya Raman suggested I contact you. ", "") + "\nPS: Priya suggested it."
    assert [f for f in check(late) if "how you got" in f.message]


JOB_ASKS = [
    "Would you hire me?",
    "Are you hiring?",
    "Is your team currently hiring?",
    "Do you know of any openings?",
    "Could you pass my resume to HR?",
    "Could you refer me for the internship?",
    "Any job leads would help.",
    "I'm looking for a job in UX.",
    "Are there positions available on your team?",
    "I would appreciate a referral.",
    "Is there an internship I could apply for?",
    "I've attached my resume.",
    "Please keep me in mind.",
    "I'd love to know if you're hiring.",
    "Could you forward my CV to the hiring manager?",
    "Do you have a job for me?",
    "Could you put in a good word for me?",
    "I'm hoping for an internship at your company.",
    "Are there any open roles?",
    "I wonder whether your company is hiring juniors.",
    "Could you send me job opportunities?",
    "Would you consider me for the role?",
]
LEARNING_ABOUT_HIRING = [
    "I'd love to learn how you got hired.",
    "How does your team hire junior researchers?",
    "I'd like to hear how these teams hire junior researchers.",
    "What do you look for when hiring for this role?",
    "How did your internship lead to your current role?",
    "What is the hiring process like at your company?",
    "I'm curious how people land their first job in UX research.",
    "Who else would you suggest I talk to?",
    "Would you be open to a call about your role?",
    "Could you refer me to one or two other people to talk to?",
    "How did you get your first job offer?",
    "What do job postings in this field ask for?",
]


@pytest.mark.parametrize("ask", JOB_ASKS)
def test_job_asks_are_errors(ask):
    found = [f for f in check(GOOD + "\n" + ask) if f.rule == "R2" and f.severity == "error"]
    assert len(found) == 1 and found[0].subject and found[0].subject.lower() in ask.lower()


@pytest.mark.parametrize("question", LEARNING_ABOUT_HIRING)
def test_learning_about_hiring_is_fine(question):
    assert not [f for f in check(GOOD + "\n" + question) if f.rule == "R2"]


@pytest.mark.parametrize(
    "praise, flagged",
    [
        ("Your talk was inspiring.", False),
        ("I really admire your work.", False),
        ("Your talk was so inspiring, and your article was so inspiring too.", True),
        ("Your work is inspiring, impressive and fascinating.", True),
        ("I'm your biggest admirer.", True),
        ("You are a genius.", True),
        ("You're incredibly talented.", True),
        ("Your amazing portfolio caught my eye.", True),
        ("You are legendary in this field.", True),
        ("You are the best designer in the industry.", True),
    ],
)
def test_flattery(praise, flagged):
    text = GOOD.replace("Would you", praise + " Would you")
    found = [f for f in check(text) if f.rule == "R2" and f.severity == "warning"]
    assert bool(found) == flagged


@pytest.mark.parametrize(
    "text, warned",
    [
        (GOOD, False),
        (
            "Hi Sam, Priya suggested I write. I am exploring UX research and I think I would "
            "like it. I have questions. Would you have 20 minutes for a call?",
            True,
        ),
        (
            "Hi Sam, Priya suggested I write. Your work on UX research is what I hope to learn "
            "about: how you run your studies and what your team values. Would you have 20 minutes "
            "for a call?",
            False,
        ),
    ],
)
def test_more_about_them_than_about_you(text, warned):
    assert any("mostly about you" in f.message for f in check(text)) == warned


def test_first_person_rule_is_skipped_for_an_introduction_request():
    text = (
        "Hi Priya, I wonder if you could introduce me to Sam. I'm exploring UX research, I "
        "think I'd learn a lot, and I'm free any time. Would you be willing? I'd ask for 20 "
        "minutes by phone."
    )
    assert any("mostly about you" in f.message for f in check(text))
    assert not any("mostly about you" in f.message for f in check(text, kind="request_intro"))


@pytest.mark.parametrize(
    "text, local, expected",
    [
        (GOOD, None, set()),
        (GOOD, False, set()),
        (GOOD, True, {"T6"}),  # nearby: you could offer to meet
        (GOOD.replace("call next week", "call, or a coffee near your office,"), False, {"T6"}),
        (GOOD.replace("call next week", "call, or a coffee near your office,"), True, set()),
    ],
)
def test_in_person_only_when_local(text, local, expected):
    contact = Contact(first_name="Sam", local=local)
    assert {f.rule for f in check(text, contact=contact) if f.rule == "T6"} == expected


def test_modes_missing_is_info():
    text = GOOD.replace("a 20-minute phone or video call", "20 minutes of your time")
    found = [f for f in check(text) if f.rule == "R4" and "phone or video" in f.message]
    assert [f.severity for f in found] == ["info"]


@pytest.mark.parametrize(
    "kind, text, rule",
    [
        (
            "request_intro",
            "Hi Priya, I hope you're well. I'm exploring UX research. Would you have "
            "20 minutes for a call?",
            "R6",
        ),
        (
            "follow_up",
            "Hi Sam, I'm exploring UX research. Would you have 20 minutes for a call?",
            "R7",
        ),
        (
            "voicemail",
            "Hi Sam, this is Leela. Priya gave me your name. I'm exploring UX research. "
            "Would you have 20 minutes for a call? My number is 416 555 0199.",
            "R7",
        ),
        (
            "voicemail",
            "Hi Sam, this is Leela. Priya gave me your name. I'm exploring UX research. "
            "Would you have 20 minutes for a call?",
            "R7",
        ),
    ],
)
def test_kind_specific_rules(kind, text, rule):
    assert rule in rules(check(text, kind=kind))


@pytest.mark.parametrize(
    "kind, text",
    [
        (
            "request_intro",
            "Hi Priya, would you be willing to introduce me to Sam? I'm exploring UX "
            "research and would ask Sam for a 20-minute phone call.",
        ),
        (
            "follow_up",
            "Hi Sam, I'm following up on my note from last week. I'd still love to hear "
            "about your UX research. Would you have 20 minutes for a call? Any time that "
            "suits you works.",
        ),
        (
            "voicemail",
            "Hi Sam, this is Leela. Priya gave me your name. I'm exploring UX research "
            "and would love to hear about your work. Would you have 20 minutes for a call? "
            "My number is 416 555 0199. Again, 416 555 0199.",
        ),
    ],
)
def test_kind_specific_rules_pass(kind, text):
    assert blocking(check(text, kind=kind)) == []


# ----------------------------------------------------------------- R3 spelling


def test_typos_get_a_correction():
    found = [
        f
        for f in check(GOOD.replace("schedule", "schedul").replace("usability", "usabilty"))
        if f.rule == "R3"
    ]
    by_word = {f.subject: f for f in found}
    assert set(by_word) == {"schedul", "usabilty"}
    assert by_word["usabilty"].severity == "warning" and "usability" in by_word["usabilty"].fix


def test_names_links_and_known_words_are_not_typos():
    text = (
        "Hi Xochitl, Wrenfield suggested I write to you about Quillory. See "
        "https://quillory.example/abt-us or mail xochitl.zz@quillory.example. iPhone, NASA, "
        "COVID19, abc123 and Grb2k are fine. Would you have 20 minutes for a call?"
    )
    found = [f.subject for f in check(text) if f.rule == "R3"]
    assert "abt" not in found and "zz" not in found and "iPhone" not in found
    assert {"Xochitl", "Wrenfield", "Quillory"} <= set(found)
    assert all(f.severity == "info" for f in check(text) if f.rule == "R3")
    known = check(text, known_words=["xochitl", "WRENFIELD", "Quillory Labs"])
    assert [f for f in known if f.rule == "R3"] == []
    contact = Contact(first_name="Xochitl", via="Wrenfield", organization="Quillory")
    assert [f for f in check(text, contact=contact) if f.rule == "R3"] == []


def test_objective_and_profile_words_are_known():
    text = GOOD + "\nI enjoy synthesising findings, as at Lakeshore."
    assert not [f for f in check(text) if f.rule == "R3"]
    assert [f for f in check(text, objective=Objective()) if f.rule == "R3"]


def test_spellchecker_holds_pyspellcheckers_english_list():
    from spellchecker import SpellChecker

    reference = SpellChecker(language="en", distance=1).word_frequency
    loaded = spelling.spell_checker().word_frequency
    assert loaded.dictionary == reference.dictionary and loaded.letters == reference.letters
    assert loaded.longest_word_length == reference.longest_word_length


def test_spellchecker_is_cached_and_findings_are_capped():
    assert spelling.spell_checker() is spelling.spell_checker()
    gibberish = " ".join(f"qzx{chr(97 + i)}{chr(97 + j)}" for i in range(26) for j in range(26))
    found = [f for f in check(gibberish) if f.rule == "R3"]
    assert len(found) == 11 and "more words" in found[-1].message


# ----------------------------------------------------------------- O5 sender


@pytest.mark.parametrize(
    "sender, flagged",
    [
        ("leela.varadan@lakeshoreu.example", False),
        ("", False),
        ("binaryman01@gmail.com", True),
        ("not an address", True),
    ],
)
def test_sender_address_is_checked(sender, flagged):
    found = [f for f in check(GOOD, sender=sender) if f.rule == "O5"]
    assert bool(found) == flagged


# ----------------------------------------------------------------- never raises


@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=range(len(HOSTILE_TEXT)))
@pytest.mark.parametrize("kind", DRAFT_KINDS + ("nonsense",))
def test_check_request_never_raises(text, kind):
    found = check_request(
        text,
        profile=PROFILE,
        objective=OBJECTIVE,
        contact=CONTACTS["warm"],
        kind=kind,
        strict=True,
        known_words=["Sam", None, 5],
        sender=text[:400],
    )
    assert isinstance(found, list) and all(isinstance(f, Finding) for f in found)
    assert all(len(f.subject) <= 80 for f in found)
    if not text.strip():
        assert ("R1", "error") in {(f.rule, f.severity) for f in found}


def test_check_request_with_odd_arguments():
    for found in (
        check_request(GOOD, profile=None, objective=None),
        check_request(None, profile=Profile(), objective=Objective(), contact="x"),
        check_request(
            GOOD,
            profile=Profile(name=None),
            objective=Objective(goals=None),
            known_words=None,
            sender=None,
        ),
    ):
        assert isinstance(found, list) and all(isinstance(f, Finding) for f in found)


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=400))
def test_check_request_never_raises_on_any_text(text):
    found = check_request(text, profile=PROFILE, objective=OBJECTIVE)
    assert all(isinstance(f, Finding) for f in found)


# ----------------------------------------------------------------- lazy spelling
# (that importing outreach and request_check loads no spellchecker, jinja2 or heavier module:
# test_hygiene.py)


def test_spelling_is_loaded_by_the_first_check_not_by_composing(tmp_path):
    probe = (
        "import sys, json\n"
        "import infoint.outreach as o\n"
        "import infoint.request_check as r\n"
        "o.compose('request_direct', o.Profile(), o.Objective(), o.Contact())\n"
        "after_compose = 'spellchecker' in sys.modules\n"
        "r.check_request('Hi Sam', profile=r.Profile(), objective=r.Objective())\n"
        "print(json.dumps([after_compose, 'spellchecker' in sys.modules]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={
            "INFOINT_WORKSPACE": str(tmp_path / "ws.sqlite3"),
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
        },
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [False, True]
