"""Tests for infoint.outreach: step 3 (R1-R7, T2, T6, O5), table by table, plus hostile input."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoint import outreach
from infoint.objectives import Finding, Objective, Plan, Profile
from infoint.outreach import (
    DRAFT_KINDS, DRAFT_LABELS, LINKEDIN_LIMITS, PHONE_PLACEHOLDER, WORD_LIMITS, Draft, SendAdvice,
    check_request, compose, linkedin_note_findings, send_time_advice, suggested_kind,
)
from infoint.targets import Contact, Organization

TEMPLATES = Path(outreach.__file__).resolve().parent / "templates"

# A profile and objective like the demo persona's (data/demo/persona.json), kept here so the
# tests don't change when the demo does.
PROFILE = Profile(
    name="Leela Varadan", email="leela.varadan@lakeshoreu.example", timezone="America/Toronto",
    pitch=("Hi, I'm Leela Varadan. I spent six years in hotel operations in Toronto, most "
           "recently leading guest experience at a downtown hotel, and I'm now finishing a UX "
           "research certificate at Lakeshore University. The part of hospitality I loved was "
           "working out why guests struggled and fixing it."))
OBJECTIVE = Objective(
    kinds=["role", "organization"], field_of_interest="UX research and product design",
    roles=["UX researcher", "User researcher", "Service designer", "Product designer"],
    organizations=["Tidewater Travel Group", "Innkeep Cloud", "Northbeam Health Technologies"],
    goals=[
        "The skills and tools a UX researcher uses day to day: planning studies, running "
        "interviews and usability tests, survey design, and synthesising findings",
        "How these teams hire junior researchers: what they look for in a portfolio, and which "
        "experience counts",
        "The culture on product and research teams: how researchers work with designers",
        "Whether the role fits someone coming from hospitality: which front-line skills transfer",
    ],
    plan=Plan())

CONTACTS = {
    "first_linkedin": Contact(
        first_name="Amara", last_name="Osei", email="amara.osei@tidewatertravel.example",
        organization="Tidewater Travel Group", position="Senior UX Researcher",
        profile_url="https://www.linkedin.com/in/amara-osei-ux", source="linkedin"),
    "cold_local": Contact(
        first_name="Hana", last_name="Sato-Reyes", organization="Northbeam Health Technologies",
        position="Principal UX Researcher", connection="cold", local=True),
    "cold_profile": Contact(
        first_name="Marcus", last_name="Bellweather", organization="Northbeam Health Technologies",
        position="UX Research Intern", connection="cold",
        profile_url="https://www.linkedin.com/in/marcus-bellweather-b2"),
    "second": Contact(
        first_name="Kenji", last_name="Halvorsen", organization="Innkeep Cloud",
        position="Head of Design", connection="second", via="Priya Raman", local=False),
    "warm": Contact(
        first_name="Rosa", last_name="Delgado-Fitch", email="rosa.df@example.com",
        organization="Innkeep Cloud", position="User Researcher",
        warm_reason="Lakeshore University alumni", local=True),
    "first_known": Contact(
        first_name="Tomasz", last_name="Wierzbicki", organization="Innkeep Cloud",
        position="Customer Success Manager", connection="first", source="form"),
    "bare": Contact(),
}
ORGS = {"Northbeam Health Technologies": Organization(
    name="Northbeam Health Technologies", industry="Health technology", location="Toronto")}

GOOD = """Hi Sam,

Priya Raman suggested I contact you. I'm exploring careers in UX research, and I'd love to hear \
how you plan usability studies at Innkeep Cloud.

Would you be open to a 20-minute phone or video call next week? I can work around your schedule.

Thank you,
Leela Varadan"""

HOSTILE_TEXT = [
    "", "   \n\t ", "$5M and $10M", "<b>bold</b>", "<img src=x onerror=alert(1)>", "{{7*7}}",
    "{% raw %}x{% endraw %}", "=cmd|' /C calc'!A0", "Zoë Ñúñez-Ærøskøbing 李小龙 🙂",
    "\u202eevil\u202c", "\x00\x1b[31m", "x" * 100_000, "word " * 20_000, "[" * 100_000,
    "a@" + "b" * 100_000, "Would you hire me? " * 5_000, "so inspiring " * 10_000,
    "?" * 50_000, "I " * 30_000, "recieve teh intervew " * 3_000,
]


def draft_for(kind, key, **kwargs):
    contact = CONTACTS[key]
    return compose(kind, PROFILE, OBJECTIVE, contact, ORGS.get(contact.organization), **kwargs)


def check(text, **kwargs):
    kwargs.setdefault("known_words", ["Priya Raman", "Sam Lee"])  # names from the workspace
    kwargs.setdefault("profile", PROFILE)
    kwargs.setdefault("objective", OBJECTIVE)
    return check_request(text, **kwargs)


def rules(findings, severities=("error", "warning")):
    return sorted({f.rule for f in findings if f.severity in severities})


def blocking(findings):
    return [f for f in findings if f.severity in ("error", "warning")]


# ----------------------------------------------------------------- kinds and labels

def test_kinds_labels_limits_and_templates():
    assert DRAFT_KINDS == ("request_direct", "request_intro", "request_cold", "follow_up",
                           "voicemail", "linkedin_note")
    assert list(DRAFT_LABELS) == list(DRAFT_KINDS)
    assert all(label.strip() for label in DRAFT_LABELS.values())
    assert LINKEDIN_LIMITS == {"free": 200, "premium": 300}
    for kind in DRAFT_KINDS:
        assert (TEMPLATES / f"{kind}.txt.j2").is_file()


@pytest.mark.parametrize("contact, kind", [
    (Contact(connection="first"), "request_direct"),
    (Contact(connection="second", via="Priya Raman"), "request_intro"),
    (Contact(connection="second"), "request_intro"),
    (Contact(connection="cold"), "request_cold"),
    (Contact(connection="cold", warm_reason="same school"), "request_direct"),
    (Contact(connection="second", warm_reason="same club"), "request_intro"),
    (Contact(connection="", source="linkedin"), "request_direct"),
    (Contact(connection="", source="LinkedIn"), "request_direct"),
    (Contact(connection="", source="contacts.csv"), "request_cold"),
    (Contact(connection="", source=""), "request_cold"),
    (Contact(connection="", warm_reason="Lakeshore alumni"), "request_direct"),
    (Contact(connection="", via="Priya Raman"), "request_intro"),
    (Contact(connection="", via="Priya Raman", warm_reason="same club"), "request_intro"),
    (Contact(connection="", source="linkedin:Connections.csv"), "request_direct"),
    (Contact(connection="first", via="Priya Raman"), "request_direct"),
    (Contact(connection="cold", via="Priya Raman"), "request_cold"),
    (Contact(connection="bogus", source="linkedin"), "request_direct"),
    (Contact(connection="FIRST"), "request_direct"),
    (None, "request_cold"),
])
def test_suggested_kind(contact, kind):
    assert suggested_kind(contact) == kind


# ----------------------------------------------------------------- compose

@pytest.mark.parametrize("key", [k for k in CONTACTS if k != "bare"])
@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_composed_drafts_pass_their_own_checker(kind, key):
    draft = draft_for(kind, key)
    assert isinstance(draft, Draft) and draft.kind == kind
    findings = check(draft.body, contact=CONTACTS[key], kind=kind, sender=PROFILE.email)
    assert blocking(findings) == [], [(f.rule, f.message, f.subject) for f in blocking(findings)]


@pytest.mark.parametrize("key", list(CONTACTS))
@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_composed_drafts_have_the_parts_of_a_request(kind, key):
    contact = CONTACTS[key]
    draft = draft_for(kind, key)
    body = draft.body
    assert body == body.strip() and "\n\n\n" not in body and "  " not in body
    if kind in ("voicemail", "linkedin_note"):
        assert draft.subject == ""
    else:
        assert draft.subject and "\n" not in draft.subject
    assert draft.to == (contact.email if kind in ("request_direct", "request_cold", "follow_up")
                        else "")
    assert (draft.forwardable != "") == (kind == "request_intro")
    if kind == "request_intro":
        assert draft.forwardable in body
        assert 3 <= draft.forwardable.count(". ") + draft.forwardable.count("? ") + 1 <= 4
        assert "20-30 minute" in draft.forwardable
    if kind != "linkedin_note":
        assert "20-30 minute" in body or "20 to 30 minutes" in body
        assert "Leela Varadan" in body
    else:
        assert "20-minute" in body and "Leela" in body
    if contact.first_name and kind != "request_intro":
        assert contact.first_name in body.splitlines()[0]
    offers_coffee = "coffee" in body
    assert offers_coffee == (contact.local is True and kind in (
        "request_direct", "request_cold", "request_intro"))
    if kind in ("request_direct", "request_cold"):
        assert len(body.split()) < 100
    for banned in ("job", "opening", "referral", "resume", "hire me", "position available"):
        assert banned not in body.lower()


@pytest.mark.parametrize("key, opening", [
    ("first_linkedin", "We're connected on LinkedIn."),
    ("first_known", "I hope you've been well since we last spoke."),
    ("second", "I got your name from Priya Raman."),
    ("warm", "We have a connection in common: Lakeshore University alumni."),
    ("cold_local", "I found your name on the Northbeam Health Technologies website."),
    ("cold_profile", "I came across your profile on LinkedIn."),
    ("bare", "I came across your name while looking into UX research and product design."),
])
def test_every_request_opens_with_the_connection(key, opening):
    kind = "request_cold" if key.startswith(("cold", "bare")) else "request_direct"
    body = draft_for(kind, key).body
    assert body.split("\n\n")[1].startswith(opening)


def test_intro_goes_to_the_mutual_connection():
    draft = draft_for("request_intro", "second")
    assert draft.body.startswith("Hi Priya,")
    assert "Kenji Halvorsen" in draft.body and "introduce" in draft.body
    assert draft.subject == "Could you introduce me to Kenji Halvorsen?"
    assert draft.forwardable.startswith("Hello Kenji, I'm Leela Varadan")
    assert "Priya" in draft.forwardable
    assert "six years in hotel operations" in draft.forwardable  # from the pitch (O4)
    assert draft.to == ""


def test_intro_without_via_or_names_uses_placeholders():
    draft = compose("request_intro", PROFILE, OBJECTIVE, Contact(connection="second"))
    assert draft.body.startswith("Hello,")
    assert "[their name]" in draft.body and "someone we both know" in draft.forwardable


def test_the_most_relevant_goal_is_used():
    objective = Objective(kinds=["role"], field_of_interest="health data", goals=[
        "How hospitals choose which software to buy",
        "What a typical week as a data analyst looks like",
    ])
    analyst = Contact(first_name="Ana", position="Senior Data Analyst", connection="first")
    buyer = Contact(first_name="Bo", position="Procurement lead",
                    organization="St. Mary's Hospital", connection="first")
    assert "especially what a typical week as a data analyst looks like" in compose(
        "request_direct", PROFILE, objective, analyst).body
    assert "especially how hospitals choose which software to buy" in compose(
        "request_direct", PROFILE, objective, buyer).body


@pytest.mark.parametrize("objective, expected", [
    (Objective(kinds=["career_path"]), "how you got to where you are now"),
    (Objective(kinds=["industry"], field_of_interest="urban planning"),
     "how urban planning is changing"),
    (Objective(kinds=["organization"]), "what it's like to work at Innkeep Cloud"),
    (Objective(), "how you got started and what your work involves day to day"),
    (Objective(goals=["Learn about the licences a surveyor needs"]),
     "the licences a surveyor needs"),
    (Objective(goals=["x"]), "how you got started"),
])
def test_topic_falls_back_on_the_kind_of_objective(objective, expected):
    contact = Contact(first_name="Sam", organization="Innkeep Cloud", connection="first")
    assert expected in compose("request_direct", PROFILE, objective, contact).body


def test_follow_up_and_voicemail_attempts():
    second = draft_for("follow_up", "first_linkedin", attempt=2)
    assert "following up on my note from last week" in second.body
    assert draft_for("follow_up", "first_linkedin").body == second.body  # a follow-up is >= 2
    third = draft_for("follow_up", "first_linkedin", attempt=3)
    assert "one last time" in third.body and "won't write again" in third.body
    assert draft_for("follow_up", "first_linkedin", attempt="junk").body == second.body
    first_call = draft_for("voicemail", "first_linkedin")
    assert first_call.body.count(PHONE_PLACEHOLDER) == 2
    assert "this is Leela Varadan" in first_call.body and "email" not in first_call.body
    assert "sent you an email" in draft_for("voicemail", "first_linkedin", attempt=3).body


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        compose("telegram", PROFILE, OBJECTIVE, Contact())


def test_empty_profile_gets_placeholders():
    draft = compose("request_direct", Profile(), Objective(), Contact())
    assert draft.body.startswith("Hello,") and draft.body.endswith("[your name]")
    assert "my next career step" in draft.body


# ----------------------------------------------------------------- untrusted values

HOSTILE_VALUES = {
    "first_name": "<b>Ale$$andra</b>",
    "last_name": "{{7*7}}",
    "organization": "{% raw %}Acme{% endraw %} $5M and $10M",
    "position": "Lead {{ config }}\nBcc: evil@example.com\r\n",
    "via": "Jo {% if 1 %}x{% endif %}",
    "warm_reason": "{#c#} <script>alert(1)</script>",
}
FIRST, LAST, ORG = "<b>Ale$$andra</b>", "{{7*7}}", "{% raw %}Acme{% endraw %} $5M and $10M"
POSITION, VIA, SENDER = "Lead {{ config }} Bcc: evil@example.com", "Jo {% if 1 %}x{% endif %}", \
    "Zoë ${x} O'Hara"
SHOWN = {  # which values each kind of draft shows (in full: none of these needs shortening)
    "request_direct": [FIRST, ORG, POSITION, VIA, SENDER, "{% raw %} goal"],
    "request_cold": [FIRST, ORG, POSITION, VIA, SENDER, "{% raw %} goal"],
    "request_intro": [FIRST, LAST, ORG, POSITION, "Jo", SENDER, "{{ 6*7 }} stuff"],
    "follow_up": [FIRST, ORG, POSITION, SENDER, "{% raw %} goal"],
    "voicemail": [FIRST, ORG, POSITION, VIA, SENDER, "{{ 6*7 }} stuff"],
    "linkedin_note": [FIRST, VIA, "Zoë"],
}


@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_hostile_values_appear_literally(kind):
    contact = Contact(connection="second", local=True, **HOSTILE_VALUES)
    profile = Profile(name=SENDER, email="zoe@example.com")
    objective = Objective(field_of_interest="{{ 6*7 }} stuff", goals=["{% raw %} goal"])
    draft = compose(kind, profile, objective, contact, linkedin_plan="premium")
    text = draft.subject + "\n" + draft.body + "\n" + draft.forwardable
    assert "49" not in text and "42" not in text and "config" not in text.replace(POSITION, "")
    for needle in SHOWN[kind]:
        assert needle in text, needle
    assert "\r" not in text and "\x00" not in text
    assert "\n" not in draft.subject and "\r" not in draft.subject
    if draft.subject and kind != "request_intro":
        assert ORG[:30] in draft.subject


@pytest.mark.parametrize("kind", ["request_direct", "request_cold", "follow_up", "request_intro"])
@pytest.mark.parametrize("value", [
    "Acme\nBcc: evil@example.com", "Acme\r\nX: y", "Acme\x00\x1b\x07", "Acme\u202e\u2028moc.live",
    "Acme\t\x0b\x0c\x85 Corp"])
def test_subject_loses_newlines_and_control_characters(kind, value):
    contact = Contact(first_name=value, last_name=value, organization=value, connection="second")
    subject = compose(kind, PROFILE, OBJECTIVE, contact).subject
    assert "Acme" in subject
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029\u202e"
                   for c in subject)


def test_literal_template_syntax_everywhere():
    literal = "{{7*7}}"
    contact = Contact(first_name=literal, last_name=literal, organization=literal,
                      position=literal, via=literal, connection="second", local=True)
    profile = Profile(name=literal, pitch=f"I build {literal} things every day at work.")
    objective = Objective(field_of_interest=literal, roles=[literal], goals=[literal + " goal"])
    for kind in DRAFT_KINDS:
        draft = compose(kind, profile, objective, contact, Organization(name=literal),
                        linkedin_plan="premium")
        assert "49" not in draft.body + draft.subject
        assert literal in draft.body


# ----------------------------------------------------------------- LinkedIn limits

LONG = "N" * 80
LONG_WORDS = "Maximiliana Alexandrovna Featherstonehaugh-Wolfeschlegelsteinhausen Von Bergen"


@pytest.mark.parametrize("plan", ["free", "premium", "unknown-plan"])
@pytest.mark.parametrize("connection", ["first", "second", "cold", ""])
@pytest.mark.parametrize("name", [LONG, LONG_WORDS, "🙂" * 80, "Amara"])
def test_linkedin_note_always_fits(plan, connection, name):
    contact = Contact(first_name=name, last_name=name, organization=name, position=name,
                      via=name if connection == "second" else "", connection=connection,
                      warm_reason=name if connection == "first" else "")
    profile = Profile(name=f"{name} {name}")
    objective = Objective(field_of_interest=name, goals=[name])
    body = compose("linkedin_note", profile, objective, contact, linkedin_plan=plan).body
    limit = LINKEDIN_LIMITS.get(plan, 200)
    assert 0 < len(body.encode("utf-16-le")) // 2 <= limit
    assert linkedin_note_findings(body, plan) == []
    assert "20-minute" in body and "?" in body


def test_linkedin_premium_keeps_more():
    free = draft_for("linkedin_note", "first_linkedin")
    premium = draft_for("linkedin_note", "first_linkedin", linkedin_plan="premium")
    assert len(free.body) <= 200 < len(premium.body) <= 300
    assert "Senior UX Researcher" in premium.body
    assert draft_for("linkedin_note", "first_linkedin", linkedin_plan=" Premium ") == premium


@pytest.mark.parametrize("text, plan, count", [
    ("x" * 200, "free", None),
    ("x" * 201, "free", 201),
    ("x" * 300, "premium", None),
    ("x" * 301, "premium", 301),
    ("x" * 250, "premium", None),
    ("x" * 250, "bogus", 250),
    ("🙂" * 100, "free", None),
    ("🙂" * 101, "free", 202),
    ("", "free", None),
])
def test_linkedin_note_findings(text, plan, count):
    found = linkedin_note_findings(text, plan)
    if count is None:
        assert found == []
    else:
        assert [(f.rule, f.severity) for f in found] == [("R1", "error")]
        assert str(count) in found[0].message


def test_linkedin_length_is_checked_by_check_request():
    found = check("Hi Sam! " + "x " * 150, kind="linkedin_note")
    assert any(f.rule == "R1" and f.severity == "error" and "characters" in f.message
               for f in found)
    assert not any("characters" in f.message
                   for f in check("Hi! " + "x " * 120, kind="linkedin_note",
                                  linkedin_plan="premium"))


# ----------------------------------------------------------------- check_request: one rule each

def test_good_request_has_no_warnings():
    assert blocking(check(GOOD)) == []
    assert blocking(check(GOOD, strict=True)) == []


BAD = [
    # (text, rule, severity, words expected in the subject)
    ("", "R1", "error", ""),
    (GOOD.replace("Thank you,", "Thank you, " + "really " * 60), "R1", "warning", "words"),
    (GOOD.replace("Priya Raman suggested I contact you. ", "Hope all is well. It is sunny. "),
     "R1", "warning", "hope all is well"),
    (GOOD.replace("UX research", "a new area").replace("usability studies", "things"),
     "R1", "warning", ""),
    (GOOD.replace("Would you be open to", "I would like").replace("week?", "week."),
     "R1", "warning", ""),
    (GOOD.replace("20-minute ", ""), "R4", "warning", ""),
    (GOOD.replace("20-minute phone or video call", "an hour over lunch"), "R4", "warning",
     "an hour"),
    (GOOD.replace("20-minute phone or video call", "60-minute chat"), "R4", "warning", "60-minute"),
    (GOOD.replace("Would you be open to a 20-minute phone or video call",
                  "Would you be open to chatting for 20 minutes"), "R4", "info", ""),
    (GOOD.replace(" I can work around your schedule.", ""), "R4", "info", ""),
    (GOOD.replace("phone or video call", "WhatsApp video call"), "T6", "info", "whatsapp"),
    (GOOD + "\nP.S. Would you hire me?", "R2", "error", "hire me"),
    (GOOD.replace("Priya Raman suggested I contact you.",
                  "Priya Raman suggested I contact you. I'm a huge fan."), "R2", "warning",
     "huge fan"),
    ("Hi Sam,\n\nPriya suggested I write. I am exploring UX research myself and I think I would "
     "like it. I have my notes, I'm ready, and I've planned my questions myself. Would you have "
     "20 minutes for a call?\n\nLeela", "R1", "warning", "I/me/my"),
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
        "info"]
    assert [f.severity for f in check(words_80, strict=True)
            if f.rule == "R1" and "words" in f.subject] == ["warning"]
    assert WORD_LIMITS["request_direct"] == (100, 75)


@pytest.mark.parametrize("opening", [
    "Priya Raman suggested I contact you.", "Priya introduced us last month.",
    "We're both Lakeshore University alumni.", "We met at the UX Toronto meetup.",
    "I saw your talk on survey design.", "I found your name on your team page.",
    "I came across your profile on LinkedIn.", "Your name came up when I spoke with Priya.",
    "Priya Raman referred me to you.", "Dr. Lee recommended I reach out.",
])
def test_connection_phrases_are_recognised(opening):
    text = GOOD.replace("Priya Raman suggested I contact you.", opening)
    assert "R1" not in rules([f for f in check(text) if "how you got" in f.message])


@pytest.mark.parametrize("greeting", ["Hi Sam,\n\n", "Dear Dr. Lee,\n", "Hello!\n", "Hi Sam, ",
                                      "Good morning Sam,\n", ""])
def test_greeting_is_skipped_before_the_connection(greeting):
    text = greeting + GOOD.split("\n\n", 1)[1]
    assert not [f for f in check(text) if "how you got" in f.message]


def test_connection_must_come_first():
    late = GOOD.replace("Priya Raman suggested I contact you. ", "") + "\nPS: Priya suggested it."
    assert [f for f in check(late) if "how you got" in f.message]


JOB_ASKS = [
    "Would you hire me?", "Are you hiring?", "Is your team currently hiring?",
    "Do you know of any openings?", "Could you pass my resume to HR?",
    "Could you refer me for the internship?", "Any job leads would help.",
    "I'm looking for a job in UX.", "Are there positions available on your team?",
    "I would appreciate a referral.", "Is there an internship I could apply for?",
    "I've attached my resume.", "Please keep me in mind.", "I'd love to know if you're hiring.",
    "Could you forward my CV to the hiring manager?", "Do you have a job for me?",
    "Could you put in a good word for me?", "I'm hoping for an internship at your company.",
    "Are there any open roles?", "I wonder whether your company is hiring juniors.",
    "Could you send me job opportunities?", "Would you consider me for the role?",
]
LEARNING_ABOUT_HIRING = [
    "I'd love to learn how you got hired.", "How does your team hire junior researchers?",
    "I'd like to hear how these teams hire junior researchers.",
    "What do you look for when hiring for this role?",
    "How did your internship lead to your current role?",
    "What is the hiring process like at your company?",
    "I'm curious how people land their first job in UX research.",
    "Who else would you suggest I talk to?", "Would you be open to a call about your role?",
    "Could you refer me to one or two other people to talk to?",
    "How did you get your first job offer?", "What do job postings in this field ask for?",
]


@pytest.mark.parametrize("ask", JOB_ASKS)
def test_job_asks_are_errors(ask):
    found = [f for f in check(GOOD + "\n" + ask) if f.rule == "R2" and f.severity == "error"]
    assert len(found) == 1 and found[0].subject and found[0].subject.lower() in ask.lower()


@pytest.mark.parametrize("question", LEARNING_ABOUT_HIRING)
def test_learning_about_hiring_is_fine(question):
    assert not [f for f in check(GOOD + "\n" + question) if f.rule == "R2"]


@pytest.mark.parametrize("praise, flagged", [
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
])
def test_flattery(praise, flagged):
    text = GOOD.replace("Would you", praise + " Would you")
    found = [f for f in check(text) if f.rule == "R2" and f.severity == "warning"]
    assert bool(found) == flagged


@pytest.mark.parametrize("text, warned", [
    (GOOD, False),
    ("Hi Sam, Priya suggested I write. I am exploring UX research and I think I would like it. "
     "I have questions. Would you have 20 minutes for a call?", True),
    ("Hi Sam, Priya suggested I write. Your work on UX research is what I hope to learn about: "
     "how you run your studies and what your team values. Would you have 20 minutes for a "
     "call?", False),
])
def test_more_about_them_than_about_you(text, warned):
    assert any("mostly about you" in f.message for f in check(text)) == warned


def test_first_person_rule_is_skipped_for_an_introduction_request():
    text = ("Hi Priya, I wonder if you could introduce me to Sam. I'm exploring UX research, I "
            "think I'd learn a lot, and I'm free any time. Would you be willing? I'd ask for 20 "
            "minutes by phone.")
    assert any("mostly about you" in f.message for f in check(text))
    assert not any("mostly about you" in f.message for f in check(text, kind="request_intro"))


@pytest.mark.parametrize("text, local, expected", [
    (GOOD, None, set()),
    (GOOD, False, set()),
    (GOOD, True, {"T6"}),  # nearby: you could offer to meet
    (GOOD.replace("call next week", "call, or a coffee near your office,"), False, {"T6"}),
    (GOOD.replace("call next week", "call, or a coffee near your office,"), True, set()),
])
def test_in_person_only_when_local(text, local, expected):
    contact = Contact(first_name="Sam", local=local)
    assert {f.rule for f in check(text, contact=contact) if f.rule == "T6"} == expected


def test_modes_missing_is_info():
    text = GOOD.replace("a 20-minute phone or video call", "20 minutes of your time")
    found = [f for f in check(text) if f.rule == "R4" and "phone or video" in f.message]
    assert [f.severity for f in found] == ["info"]


@pytest.mark.parametrize("kind, text, rule", [
    ("request_intro", "Hi Priya, I hope you're well. I'm exploring UX research. Would you have "
                      "20 minutes for a call?", "R6"),
    ("follow_up", "Hi Sam, I'm exploring UX research. Would you have 20 minutes for a call?",
     "R7"),
    ("voicemail", "Hi Sam, this is Leela. Priya gave me your name. I'm exploring UX research. "
                  "Would you have 20 minutes for a call? My number is 416 555 0199.", "R7"),
    ("voicemail", "Hi Sam, this is Leela. Priya gave me your name. I'm exploring UX research. "
                  "Would you have 20 minutes for a call?", "R7"),
])
def test_kind_specific_rules(kind, text, rule):
    assert rule in rules(check(text, kind=kind))


@pytest.mark.parametrize("kind, text", [
    ("request_intro", "Hi Priya, would you be willing to introduce me to Sam? I'm exploring UX "
                      "research and would ask Sam for a 20-minute phone call."),
    ("follow_up", "Hi Sam, I'm following up on my note from last week. I'd still love to hear "
                  "about your UX research. Would you have 20 minutes for a call? Any time that "
                  "suits you works."),
    ("voicemail", "Hi Sam, this is Leela. Priya gave me your name. I'm exploring UX research "
                  "and would love to hear about your work. Would you have 20 minutes for a call? "
                  "My number is 416 555 0199. Again, 416 555 0199."),
])
def test_kind_specific_rules_pass(kind, text):
    assert blocking(check(text, kind=kind)) == []


# ----------------------------------------------------------------- R3 spelling

def test_typos_get_a_correction():
    found = [f for f in check(GOOD.replace("schedule", "schedul").replace("usability", "usabilty"))
             if f.rule == "R3"]
    by_word = {f.subject: f for f in found}
    assert set(by_word) == {"schedul", "usabilty"}
    assert by_word["usabilty"].severity == "warning" and "usability" in by_word["usabilty"].fix


def test_names_links_and_known_words_are_not_typos():
    text = ("Hi Xochitl, Wrenfield suggested I write to you about Quillory. See "
            "https://quillory.example/abt-us or mail xochitl.zz@quillory.example. iPhone, NASA, "
            "COVID19, abc123 and Grb2k are fine. Would you have 20 minutes for a call?")
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
    loaded = outreach._spell().word_frequency
    assert loaded.dictionary == reference.dictionary and loaded.letters == reference.letters
    assert loaded.longest_word_length == reference.longest_word_length


def test_spellchecker_is_cached_and_findings_are_capped():
    assert outreach._spell() is outreach._spell()
    gibberish = " ".join(f"qzx{chr(97 + i)}{chr(97 + j)}" for i in range(26) for j in range(26))
    found = [f for f in check(gibberish) if f.rule == "R3"]
    assert len(found) == 11 and "more words" in found[-1].message


# ----------------------------------------------------------------- O5 sender

@pytest.mark.parametrize("sender, flagged", [
    ("leela.varadan@lakeshoreu.example", False),
    ("", False),
    ("binaryman01@gmail.com", True),
    ("not an address", True),
])
def test_sender_address_is_checked(sender, flagged):
    found = [f for f in check(GOOD, sender=sender) if f.rule == "O5"]
    assert bool(found) == flagged


# ----------------------------------------------------------------- never raises

@pytest.mark.parametrize("text", HOSTILE_TEXT, ids=range(len(HOSTILE_TEXT)))
@pytest.mark.parametrize("kind", DRAFT_KINDS + ("nonsense",))
def test_check_request_never_raises(text, kind):
    found = check_request(text, profile=PROFILE, objective=OBJECTIVE, contact=CONTACTS["warm"],
                          kind=kind, strict=True, known_words=["Sam", None, 5], sender=text[:400])
    assert isinstance(found, list) and all(isinstance(f, Finding) for f in found)
    assert all(len(f.subject) <= 80 for f in found)
    if not text.strip():
        assert ("R1", "error") in {(f.rule, f.severity) for f in found}


def test_check_request_with_odd_arguments():
    for found in (
        check_request(GOOD, profile=None, objective=None),
        check_request(None, profile=Profile(), objective=Objective(), contact="x"),
        check_request(GOOD, profile=Profile(name=None), objective=Objective(goals=None),
                      known_words=None, sender=None),
    ):
        assert isinstance(found, list) and all(isinstance(f, Finding) for f in found)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=400))
def test_check_request_never_raises_on_any_text(text):
    found = check_request(text, profile=PROFILE, objective=OBJECTIVE)
    assert all(isinstance(f, Finding) for f in found)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.text(max_size=90), org=st.text(max_size=90), position=st.text(max_size=90),
       via=st.text(max_size=40), local=st.sampled_from([None, True, False]),
       plan=st.sampled_from(["free", "premium"]))
def test_compose_handles_any_values(first, org, position, via, local, plan):
    contact = Contact(first_name=first, organization=org, position=position, via=via,
                      local=local)
    for kind in DRAFT_KINDS:
        draft = compose(kind, PROFILE, OBJECTIVE, contact, linkedin_plan=plan)
        assert "\n" not in draft.subject and "\r" not in draft.subject
        if kind == "linkedin_note":
            assert linkedin_note_findings(draft.body, plan) == []


# ----------------------------------------------------------------- light import, lazy spelling

def test_import_is_light_and_spelling_is_lazy(tmp_path):
    heavy = ["pandas", "ipywidgets", "matplotlib", "jsonschema", "nbformat"]
    probe = (
        "import sys, json\n"
        "import infoint.outreach as o\n"
        f"before = [m for m in {heavy + ['spellchecker', 'jinja2']!r} if m in sys.modules]\n"
        "o.compose('request_direct', o.Profile(), o.Objective(), o.Contact())\n"
        "after_compose = 'spellchecker' in sys.modules\n"
        "o.check_request('Hi Sam', profile=o.Profile(), objective=o.Objective())\n"
        "print(json.dumps([before, after_compose, 'spellchecker' in sys.modules]))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"INFOINT_WORKSPACE": str(tmp_path / "ws.sqlite3"),
                              "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [[], False, True]


# ----------------------------------------------------------------- R5 send time

TORONTO = ZoneInfo("America/Toronto")
MONDAY = datetime(2026, 6, 15)  # a week with no daylight-saving change


@pytest.mark.parametrize("day, hour, minute, ok, next_day, next_is_now, said", [
    (0, 10, 0, False, 1, False, "Monday"),
    (1, 7, 0, True, 1, False, "morning"),
    (1, 8, 0, True, 1, True, "best"),
    (1, 10, 59, True, 1, True, "best"),
    (1, 11, 0, True, 2, False, "morning"),
    (2, 9, 30, True, 2, True, "best"),
    (2, 15, 0, True, 8, False, "morning"),
    (3, 9, 0, True, 8, False, "Tuesday and Wednesday are best"),
    (3, 11, 59, True, 8, False, "Thursday morning"),
    (3, 12, 0, False, 8, False, "Thursday afternoon"),
    (4, 10, 0, False, 8, False, "Friday"),
    (5, 10, 0, False, 8, False, "Weekend"),
    (6, 22, 0, False, 8, False, "Weekend"),
])
def test_send_time_across_the_week(day, hour, minute, ok, next_day, next_is_now, said):
    now = (MONDAY + timedelta(days=day)).replace(hour=hour, minute=minute, tzinfo=TORONTO)
    advice = send_time_advice(now, "America/Toronto")
    assert isinstance(advice, SendAdvice)
    assert advice.now_ok is ok
    assert said.lower() in advice.note.lower()
    if next_is_now:
        assert advice.next_good == now
    else:
        expected = (MONDAY + timedelta(days=next_day)).replace(hour=9, tzinfo=TORONTO)
        assert advice.next_good == expected
        assert (advice.next_good.hour, advice.next_good.minute) == (9, 0)
    assert advice.next_good.tzinfo is not None and advice.next_good >= now


def _expected_next(local: datetime) -> datetime:
    """Brute force: the first Tue/Wed 09:00 at or after ``local`` (or now, in the morning)."""
    if local.weekday() in (1, 2) and 8 <= local.hour < 11:
        return local
    for offset in range(8):
        date = (local + timedelta(days=offset)).date()
        candidate = datetime(date.year, date.month, date.day, 9, tzinfo=local.tzinfo)
        if date.weekday() in (1, 2) and candidate >= local:
            return candidate
    raise AssertionError


ZONE_WEEKS = [
    # (zone, a date in a daylight-saving week (or any week), the UTC offset of the next Tue 9:00)
    ("America/Toronto", datetime(2026, 3, 6, 15), timedelta(hours=-4)),   # DST starts 8 March
    ("America/Toronto", datetime(2026, 10, 30, 15), timedelta(hours=-5)),  # DST ends 1 November
    ("Europe/Berlin", datetime(2026, 3, 26, 14), timedelta(hours=2)),     # starts 29 March
    ("Europe/Berlin", datetime(2026, 10, 23, 16), timedelta(hours=1)),    # ends 25 October
    ("Australia/Sydney", datetime(2026, 4, 2, 15), timedelta(hours=10)),  # ends 5 April
    ("Australia/Sydney", datetime(2026, 10, 2, 15), timedelta(hours=11)),  # starts 4 October
    ("Asia/Kolkata", datetime(2026, 3, 6, 15), timedelta(hours=5, minutes=30)),
    ("UTC", datetime(2026, 10, 30, 15), timedelta(0)),
]


@pytest.mark.parametrize("zone, start, offset", ZONE_WEEKS)
def test_next_good_across_daylight_saving(zone, start, offset):
    tz = ZoneInfo(zone)
    now = start.replace(tzinfo=tz)
    advice = send_time_advice(now, zone)
    assert advice.now_ok is False
    assert advice.next_good.weekday() == 1 and advice.next_good.hour == 9
    assert advice.next_good.utcoffset() == offset
    assert advice.next_good.astimezone(timezone.utc) == (
        advice.next_good.replace(tzinfo=None) - offset).replace(tzinfo=timezone.utc)


@pytest.mark.parametrize("zone, start, _", ZONE_WEEKS)
def test_every_hour_of_the_week_in_every_zone(zone, start, _):
    tz = ZoneInfo(zone)
    base = start.replace(hour=0, tzinfo=timezone.utc)
    for hours in range(0, 24 * 9, 1):
        now = base + timedelta(hours=hours)
        advice = send_time_advice(now, zone)
        local = now.astimezone(tz)
        assert advice.next_good == _expected_next(local)
        assert advice.next_good.tzinfo is not None
        assert advice.next_good.utcoffset() == advice.next_good.astimezone(tz).utcoffset()
        assert advice.now_ok == (local.weekday() in (1, 2) or (
            local.weekday() == 3 and local.hour < 12))


def test_aware_now_is_converted_and_naive_now_is_local():
    utc_now = datetime(2026, 6, 16, 13, 30, tzinfo=timezone.utc)  # Tue 9:30 in Toronto
    advice = send_time_advice(utc_now, "America/Toronto")
    assert advice.now_ok and advice.next_good == utc_now
    assert advice.next_good.utcoffset() == timedelta(hours=-4)
    naive = send_time_advice(datetime(2026, 6, 16, 9, 30), "Asia/Kolkata")
    assert naive.next_good.utcoffset() == timedelta(hours=5, minutes=30)
    assert naive.next_good.hour == 9 and naive.next_good.minute == 30


@pytest.mark.parametrize("tz", ["", "Mars/Olympus", "../../etc/passwd", "america/toronto\x00",
                                None])
def test_unknown_zone_means_utc_and_says_so(tz):
    advice = send_time_advice(datetime(2026, 6, 15, 10, tzinfo=timezone.utc), tz)
    assert "UTC" in advice.note and advice.next_good.utcoffset() == timedelta(0)
    assert advice.next_good == datetime(2026, 6, 16, 9, tzinfo=timezone.utc)
