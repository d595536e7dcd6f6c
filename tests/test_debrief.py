"""Tests for infoint.debrief: step 5 (D1-D5), table by table, plus hostile text."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from infoint.action_items import ActionItem, action_agenda, check_action_item
from infoint.comparison import Comparison, compare, fit_chart_rows
from infoint.debrief import (
    REFLECTION_QUESTIONS,
    Debrief,
    answer_for,
    check_debrief,
    insight_choices,
    question_texts,
)
from infoint.events import AgendaItem
from infoint.imports import plan_merge
from infoint.outreach import suggested_kind
from infoint.pipeline import agenda
from infoint.records import Contact
from infoint.referrals import Referral, record_referrer, referral_contacts
from infoint.targets import apply_merge, load_contacts

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "$5M and $10M",
    "{{7*7}}",
    "first line\nBcc: evil@example.org",
    "{% raw %}<script>",
]
TORONTO = ZoneInfo("America/Toronto")


def rules(findings) -> list[tuple[str, str]]:
    return sorted((f.rule, f.severity) for f in findings)


# ----------------------------------------------------------------- D2 reflection questions


def test_reflection_questions_cover_d2_in_order():
    keys = [k for k, _ in REFLECTION_QUESTIONS]
    assert keys == ["field", "open_questions", "employer", "learned", "network", "strengths"]
    assert all(q.endswith("?") and len(q) > 20 for _, q in REFLECTION_QUESTIONS)


# ----------------------------------------------------------------- D1 debrief round trip


def full_debrief(**changes) -> Debrief:
    values = dict(
        meeting_id=7,
        contact_id=3,
        answers={"How did you get started?": "Through a research bootcamp.", "2": "Résumé tips"},
        insights="Portfolio review matters more than degrees.",
        surprises="They hire from hospitality.",
        reflection={"field": "Yes, more than before.", "learned": "Usability tests every sprint."},
        role_fit=4,
        org_fit=5,
        next_changes="Add a case study to my portfolio.",
    )
    values.update(changes)
    return Debrief(**values)


def test_debrief_round_trip_through_the_workspace(fresh):
    original = full_debrief(insights=" / ".join(HOSTILE), answers={h: h for h in HOSTILE})
    new_id = fresh.write(inserts={"debriefs": [original.to_row()]})["debriefs"][0]
    stored = fresh.rows("debriefs")[0]
    again = Debrief.from_row(stored)
    assert again.id == new_id
    original.id = new_id
    assert again == original
    assert json.loads(stored["answers"])["$5M and $10M"] == "$5M and $10M"  # accents and $ kept


def test_one_debrief_per_meeting(fresh):
    import sqlite3

    fresh.write(inserts={"debriefs": [full_debrief().to_row()]})
    with pytest.raises(sqlite3.IntegrityError):
        fresh.write(inserts={"debriefs": [full_debrief(contact_id=9).to_row()]})


@pytest.mark.parametrize(
    "row, expected",
    [
        (None, Debrief(0, 0)),
        ({}, Debrief(0, 0)),
        (
            {"meeting_id": "5", "contact_id": 2, "answers": "not json", "reflection": "[1, 2]"},
            Debrief(5, 2),
        ),
        (
            {
                "meeting_id": 1,
                "contact_id": 1,
                "answers": '{"0": "notes", "1": 5, "2": null, "3": [1]}',
            },
            Debrief(1, 1, answers={"0": "notes", "1": "5"}),
        ),
        (
            {"meeting_id": 1, "contact_id": 1, "role_fit": "4", "org_fit": 2.0, "insights": None},
            Debrief(1, 1, role_fit=4, org_fit=2),
        ),
        (
            {"meeting_id": 1, "contact_id": 1, "role_fit": True, "answers": "[" * 100_000},
            Debrief(1, 1),
        ),
    ],
)
def test_from_row_is_tolerant(row, expected):
    assert Debrief.from_row(row) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        (
            '[{"id": "q1", "text": "What is a typical week?", "theme": "role"}, '
            '{"id": "q2", "text": ""}]',
            ["What is a typical week?"],
        ),
        (
            ["Plain question?", {"text": "Dict question?"}, 5, None],
            ["Plain question?", "Dict question?"],
        ),
        ("not json", []),
        ('{"text": "not a list"}', []),
        ("", []),
        (None, []),
    ],
)
def test_question_texts(raw, expected):
    assert question_texts(raw) == expected


def test_answer_for_uses_text_then_index():
    d = Debrief(1, 1, answers={"Why this field?": "Curiosity", "1": "By index"})
    assert answer_for(d, 0, "Why this field?") == "Curiosity"
    assert answer_for(d, 1, "Something else?") == "By index"
    assert answer_for(d, 2, "Unknown?") == ""


def test_insight_choices_are_lines_without_repeats():
    d = Debrief(
        1,
        1,
        answers={"q": "- Usability tests every sprint\n\n"},
        insights="Portfolio matters.\nusability tests every sprint",
        surprises="\u2022 They hire from hospitality",
    )
    assert insight_choices(d) == [
        "Portfolio matters.",
        "usability tests every sprint",
        "They hire from hospitality",
    ]


# ----------------------------------------------------------------- D1, D2 checks

QUESTIONS = [
    "How did you get started?",
    "What does a typical week look like?",
    "Who else should I talk to?",
]


@pytest.mark.parametrize(
    "changes, expected",
    [
        # complete: every question has notes (by text or by index), insights, reflection, ratings
        (dict(answers={QUESTIONS[0]: "a", "1": "b", QUESTIONS[2]: "c"}), []),
        # D1: one question without notes (blank notes count as none), no insights
        (dict(answers={QUESTIONS[0]: "a", QUESTIONS[1]: "   "}), [("D1", "info"), ("D1", "info")]),
        (dict(answers={QUESTIONS[0]: "a", "1": "b", "2": "c"}, insights=""), [("D1", "info")]),
        # D2: no reflection; ratings missing
        (
            dict(answers={QUESTIONS[0]: "a", "1": "b", "2": "c"}, reflection={"other": "x"}),
            [("D2", "info")],
        ),
        (
            dict(answers={QUESTIONS[0]: "a", "1": "b", "2": "c"}, role_fit=None, org_fit=None),
            [("D2", "info"), ("D2", "info")],
        ),
        # D2: out of range or not whole numbers
        (
            dict(answers={QUESTIONS[0]: "a", "1": "b", "2": "c"}, role_fit=0, org_fit=6),
            [("D2", "error"), ("D2", "error")],
        ),
        (dict(answers={QUESTIONS[0]: "a", "1": "b", "2": "c"}, role_fit=2.5), [("D2", "error")]),
        (dict(answers={QUESTIONS[0]: "a", "1": "b", "2": "c"}, org_fit="great"), [("D2", "error")]),
        (dict(answers={QUESTIONS[0]: "a", "1": "b", "2": "c"}, role_fit=1, org_fit=5), []),
    ],
)
def test_check_debrief(changes, expected):
    assert rules(check_debrief(full_debrief(**changes), QUESTIONS)) == sorted(expected)


def test_check_debrief_names_the_question_and_accepts_meeting_json():
    raw = json.dumps([{"id": "q1", "text": QUESTIONS[1], "theme": "role"}])
    found = check_debrief(full_debrief(answers={}), question_texts(raw))
    assert [f.subject for f in found] == [QUESTIONS[1]]


def test_check_debrief_never_raises_on_odd_input():
    assert rules(check_debrief(None, None)) == [
        ("D1", "info"),
        ("D2", "info"),
        ("D2", "info"),
        ("D2", "info"),
    ]


# ----------------------------------------------------------------- D4 action items

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize(
    "item, expected, fragment",
    [
        (ActionItem("Read the article she sent", due="2026-03-12"), [], ""),
        (ActionItem("Read it", due="2026-03-10"), [], ""),  # due today is not late
        (ActionItem("", due="2026-03-12"), [("D4", "error")], "Say what you will do"),
        (ActionItem("   ", due="2026-03-12"), [("D4", "error")], "Say what you will do"),
        (ActionItem("Email Priya"), [("D4", "error")], "Give it a date so it shows in your agenda"),
        (ActionItem("Email Priya", due="next week"), [("D4", "error")], "not a date"),
        (ActionItem("Email Priya", due="2026-02-30"), [("D4", "error")], "not a date"),
        (ActionItem("Email Priya", due="2026-03-01"), [("D4", "warning")], "has passed"),
        (ActionItem("Email Priya", due="2026-03-01", done_at="2026-03-02T10:00:00+00:00"), [], ""),
        (ActionItem("", due=""), [("D4", "error"), ("D4", "error")], ""),
    ],
)
def test_check_action_item(item, expected, fragment):
    found = check_action_item(item, TODAY)
    assert rules(found) == sorted(expected)
    if fragment:
        assert any(fragment in f.message for f in found)


def test_action_item_round_trip(fresh):
    item = ActionItem(HOSTILE[0], due="2026-03-12", meeting_id=4, contact_id=2)
    new_id = fresh.write(inserts={"action_items": [item.to_row()]})["action_items"][0]
    again = ActionItem.from_row(fresh.rows("action_items")[0])
    item.id = new_id
    assert again == item and not again.done


NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)  # 11:00 in Toronto


def test_action_agenda_entries_and_what_the_agenda_picks():
    items = [
        ActionItem("Read the report", due="2026-03-09", contact_id=1, id=1),  # overdue
        ActionItem("Email Priya", due="2026-03-10", contact_id=2, id=2),  # due today
        ActionItem("Sign up for the meetup", due="2026-03-20", id=3),  # later
        ActionItem("Done already", due="2026-03-01", done_at="2026-03-01T12:00:00+00:00", id=4),
        ActionItem("No date", id=5),
    ]
    entries = action_agenda(items, NOW, "America/Toronto", names={1: "Amara Osei"})
    assert [e.text for e in entries] == [
        "Action item from your meeting with Amara Osei: Read the report",
        "Action item: Email Priya",
        "Action item: Sign up for the meetup",
    ]
    assert all(e.kind == "action_item" and e.step == "05_debrief.ipynb" for e in entries)
    assert [e.overdue for e in entries] == [True, False, False]
    # due at the end of the due day, in the user's zone
    assert entries[1].due == datetime(2026, 3, 10, 23, 59, 59, tzinfo=TORONTO)
    assert entries[1].due.utcoffset() == timedelta(0)  # stored as UTC, like the pipeline
    assert [e.contact_id for e in entries] == [1, 2, None]
    picked = agenda([], extra=entries, now=NOW)
    assert [e.text for e in picked] == [entries[0].text, entries[1].text]
    assert picked[0].overdue


def test_action_agenda_end_of_day_across_dst():
    # 2026-03-08: Toronto moves to daylight time; the day still ends at 23:59:59 local.
    [entry] = action_agenda([ActionItem("x", due="2026-03-08")], NOW, "America/Toronto")
    assert entry.due == datetime(2026, 3, 9, 3, 59, 59, tzinfo=UTC)
    [entry] = action_agenda([ActionItem("x", due="2026-03-07")], NOW, "America/Toronto")
    assert entry.due == datetime(2026, 3, 8, 4, 59, 59, tzinfo=UTC)
    [entry] = action_agenda([ActionItem("x", due="2026-03-10")], NOW, "")  # no zone: UTC
    assert entry.due == datetime(2026, 3, 10, 23, 59, 59, tzinfo=UTC)


@pytest.mark.parametrize("text", HOSTILE)
def test_action_agenda_text_stays_literal_on_one_line(text):
    [entry] = action_agenda(
        [ActionItem(text, due="2026-03-12", contact_id=1)], NOW, "UTC", names={1: "Ana\nBcc: x"}
    )
    assert isinstance(entry, AgendaItem) and "\n" not in entry.text
    assert " ".join(text.split()) in entry.text


# ----------------------------------------------------------------- D3 referrals

REFERRER = Contact(
    first_name="Amara",
    last_name="Osei",
    organization="Tidewater Travel Group",
    source="linkedin",
    id=1,
)


def test_referrals_become_warm_second_degree_contacts():
    plan = referral_contacts(
        [
            Referral(
                "Priya", "Raman", "Innkeep Cloud", "UX Researcher", email="priya@innkeep.example"
            ),
            Referral(" ", "", "Nowhere Inc"),
            Referral(
                "Jonah", "", "", notes="Runs the local research meetup.\nAsk about volunteering."
            ),
        ],
        REFERRER,
    )
    assert plan.skipped == [(2, "no name")]
    assert [line for line, _ in plan.contacts] == [1, 3]
    priya = plan.contacts[0][1]
    assert (priya.first_name, priya.last_name, priya.organization, priya.position) == (
        "Priya",
        "Raman",
        "Innkeep Cloud",
        "UX Researcher",
    )
    assert priya.referred_by == 1 and priya.source == "referral"
    assert priya.via == "Amara Osei" and priya.warm_reason == "referred by Amara Osei"
    assert suggested_kind(priya) == "request_intro"  # R6: ask Amara to introduce you
    assert plan.contacts[1][1].notes == "Runs the local research meetup.\nAsk about volunteering."


def test_referrals_repeated_in_the_list_are_skipped():
    plan = referral_contacts(
        [
            Referral("Priya", "Raman", "Innkeep Cloud"),
            Referral("PRIYA", "Ráman", "Innkeep Cloud Inc."),  # same name and organization
            Referral("P.", "R.", email="priya@innkeep.example"),
            Referral("Priya", "R", email="PRIYA@innkeep.example"),  # same email
            Referral("Sam", "Lee", profile_url="https://www.linkedin.com/in/samlee"),
            Referral("Sam", "Lee", profile_url="https://linkedin.com/in/sam-lee-2"),  # a namesake
        ],
        REFERRER,
    )
    assert plan.skipped == [(2, "same person as line 1"), (4, "same person as line 3")]
    assert [line for line, _ in plan.contacts] == [1, 3, 5, 6]


@pytest.mark.parametrize(
    "saved, matched",
    [
        (
            Contact(
                first_name="Priya",
                last_name="Raman",
                organization="Innkeep Cloud",
                email="priya@innkeep.example",
                via="Amara Osei",
                warm_reason="referred by Amara Osei",
                id=5,
            ),
            True,
        ),
        (
            Contact(first_name="priya", last_name="RÁMAN", organization="Innkeep Cloud Ltd", id=5),
            True,
        ),
        (Contact(first_name="P.", last_name="R.", email="Priya@Innkeep.example", id=5), True),
        (
            Contact(first_name="Someone", last_name="Else", organization="Innkeep Cloud", id=5),
            False,
        ),
        (Contact(first_name="Priya", last_name="Raman", organization="Another Org", id=5), False),
    ],
)
def test_referral_already_on_the_list_is_never_added_twice(saved, matched):
    plan = referral_contacts(
        [Referral("Priya", "Raman", "Innkeep Cloud", email="priya@innkeep.example")], REFERRER
    )
    merge = plan_merge([saved], plan)
    assert len(merge.add) == (0 if matched else 1)
    assert len(merge.update) + len(merge.unchanged) == (1 if matched else 0)
    if matched and saved.via:
        assert merge.unchanged == [(1, 5)]  # nothing new to say about them


def test_record_referrer_marks_matched_contacts_and_keeps_friends_first_degree():
    friend = Contact(
        first_name="Priya", last_name="Raman", organization="Innkeep Cloud", source="linkedin", id=5
    )
    recorded = Contact(first_name="Jonah", last_name="Fox", referred_by=9, via="Kim", id=6)
    plan = referral_contacts(
        [
            Referral("Priya", "Raman", "Innkeep Cloud"),
            Referral("Jonah", "Fox"),
            Referral("New", "Person"),
        ],
        REFERRER,
    )
    merge = record_referrer(plan_merge([friend, recorded], plan), [friend, recorded], REFERRER)
    assert [c.first_name for _, c in merge.add] == ["New"]
    assert merge.update == [
        (
            1,
            5,
            {"warm_reason": "referred by Amara Osei", "referred_by": 1},
        ),  # no "via" for a friend
        (2, 6, {"warm_reason": "referred by Amara Osei"}),  # already referred by someone: kept
    ]


def test_record_referrer_fills_but_never_overwrites_what_you_saved():
    saved = Contact(
        first_name="priya", last_name="Raman", organization="Innkeep Cloud Ltd", position="", id=5
    )
    plan = referral_contacts(
        [Referral("Priya", "Raman", "Innkeep Cloud", "UX Researcher")], REFERRER
    )
    merge = record_referrer(plan_merge([saved], plan), [saved], REFERRER)
    [(_, _, changes)] = merge.update
    assert changes == {
        "position": "UX Researcher",
        "via": "Amara Osei",
        "warm_reason": "referred by Amara Osei",
        "referred_by": 1,
    }


def test_referral_import_is_idempotent_in_the_workspace(fresh):
    fresh.write(inserts={"contacts": [REFERRER.to_row()]})
    referrer = load_contacts(fresh)[0]
    referrals = [Referral("Priya", "Raman", "Innkeep Cloud"), Referral("Jonah", "Fox", "Meetup")]
    for _ in range(2):
        existing = load_contacts(fresh)
        merge = record_referrer(
            plan_merge(existing, referral_contacts(referrals, referrer)), existing, referrer
        )
        apply_merge(fresh, merge, existing)
    saved = load_contacts(fresh)
    assert sorted(c.full_name for c in saved) == ["Amara Osei", "Jonah Fox", "Priya Raman"]
    assert all(c.referred_by == referrer.id for c in saved if c.id != referrer.id)


def test_referrer_without_a_name():
    plan = referral_contacts([Referral("Priya")], Contact(id=4))
    contact = plan.contacts[0][1]
    assert contact.via == "" and contact.warm_reason == "referred by someone you met"
    assert contact.referred_by == 4 and plan.file == "referrals"


# ----------------------------------------------------------------- D5 comparison

PEOPLE = {
    1: Contact(
        first_name="Amara",
        last_name="Osei",
        organization="Tidewater Travel Group",
        position="UX Researcher",
        id=1,
    ),
    2: Contact(
        first_name="Hana",
        last_name="Sato",
        organization="Northbeam Health",
        position="UX Researcher",
        id=2,
    ),
    3: Contact(
        first_name="Marcus",
        last_name="Bell",
        organization="Northbeam Health",
        position="Service Designer",
        id=3,
    ),
    4: Contact(
        first_name="Priya", last_name="Raman", organization="Innkeep Cloud", referred_by=1, id=4
    ),
    5: Contact(
        first_name="Jonah",
        last_name="Fox",
        organization="Tidewater Travel Group",
        referred_by=2,
        id=5,
    ),
    6: Contact(first_name="Lee", last_name="Park", referred_by=1, id=6),
}
DEBRIEFS = [
    Debrief(
        10,
        2,
        answers={"q": "They want a portfolio review before any interview."},
        insights="Hana said stakeholder interviews take most of the week.",
        role_fit=4,
        org_fit=2,
    ),
    Debrief(
        11,
        1,
        answers={"q": "A portfolio review with two case studies is expected."},
        insights="Stakeholder interviews matter at Tidewater too.",
        surprises="Remote research is common.",
        role_fit=5,
        org_fit=5,
    ),
    Debrief(
        12,
        3,
        insights="Service blueprints; the portfolio review is where juniors fail.",
        surprises="Remote research again.",
        role_fit=2,
        org_fit=2,
    ),
    Debrief(13, 99, insights="Nothing rated yet."),
]


def test_compare_rows_sorted_by_fit():
    result = compare(DEBRIEFS, PEOPLE)
    assert isinstance(result, Comparison)
    assert [r["meeting_id"] for r in result.rows] == [11, 10, 12, 13]
    assert result.rows[0] == {
        "meeting_id": 11,
        "contact_id": 1,
        "name": "Amara Osei",
        "organization": "Tidewater Travel Group",
        "position": "UX Researcher",
        "role_fit": 5,
        "org_fit": 5,
        "insights": "Stakeholder interviews matter at Tidewater too.",
    }
    assert result.rows[-1]["name"] == "(unknown contact)"
    assert result.rows[-1]["role_fit"] is None


def test_compare_recurring_words_and_phrases():
    recurring = dict(compare(DEBRIEFS, PEOPLE).recurring)
    assert recurring["portfolio review"] == 3
    assert recurring["stakeholder interviews"] == 2
    assert recurring["remote research"] == 2
    assert "portfolio" not in recurring and "review" not in recurring  # the phrase says it
    assert not {"the", "they", "is", "a", "said"} & set(recurring)  # stop words
    assert not {"hana", "tidewater"} & set(recurring)  # names recur trivially
    assert all(n >= 2 for n in recurring.values()) and len(recurring) <= 10
    counts = [n for _, n in compare(DEBRIEFS, PEOPLE).recurring]
    assert counts == sorted(counts, reverse=True)


def test_compare_suggestions():
    tips = compare(DEBRIEFS, PEOPLE, contacted={5}).suggestions
    text = "\n".join(tips)
    assert (
        "Both meetings at Northbeam Health rated the organization 2/5: consider moving "
        "Northbeam Health down your list."
    ) in tips
    assert "The role that fits you best so far: UX Researcher (4.5/5 on average)." in text
    assert "You rated the role of Service Designer 2/5." in text
    assert (
        "Your meeting at Tidewater Travel Group rated the organization 5/5: keep Tidewater "
        "Travel Group near the top of your list"
    ) in text
    assert "Rate the role and organization fit in 1 more debrief" in text
    assert "\u201cportfolio review\u201d" in text
    # whom next: referrals not contacted yet (Jonah was), best-fitting organization first
    talk = [t for t in tips if t.startswith("Talk to")]
    assert talk == [
        "Talk to Lee Park next: Amara Osei suggested them.",
        "Talk to Priya Raman at Innkeep Cloud next: Amara Osei suggested them.",
    ]
    everyone = [t for t in compare(DEBRIEFS, PEOPLE).suggestions if t.startswith("Talk to")]
    assert everyone[0] == (
        "Talk to Jonah Fox at Tidewater Travel Group next: Hana Sato suggested them."
    )  # the organization rated 5/5 comes first
    assert everyone[1:] == talk


def test_compare_with_few_meetings():
    assert compare([], PEOPLE).suggestions[0] == "Debrief your first meeting to start comparing."
    single = compare([DEBRIEFS[1]], PEOPLE)
    assert single.recurring == []
    assert single.suggestions[0].startswith("Debrief one more meeting")


def test_compare_limits_referral_suggestions():
    many = {i: Contact(first_name=f"Person{i}", referred_by=1, id=i) for i in range(100, 110)}
    tips = compare(DEBRIEFS[:1], {**PEOPLE, **many}, max_referrals=2).suggestions
    assert sum(t.startswith("Talk to") for t in tips) == 2
    assert "You have 11 more referrals waiting in your contact list (step 2)." in tips


def test_fit_chart_rows():
    rows = fit_chart_rows(compare(DEBRIEFS, PEOPLE))
    assert rows == [
        ("Amara Osei (Tidewater Travel Group)", 5, 5),
        ("Hana Sato (Northbeam Health)", 4, 2),
        ("Marcus Bell (Northbeam Health)", 2, 2),
        ("(unknown contact)", 0, 0),
    ]


def test_compare_ignores_ratings_out_of_range():
    result = compare([Debrief(1, 1, role_fit=9, org_fit=-1)], PEOPLE)
    assert (result.rows[0]["role_fit"], result.rows[0]["org_fit"]) == (None, None)


@pytest.mark.parametrize("text", HOSTILE)
def test_untrusted_text_stays_literal_in_compare_rows(text):
    people = {1: Contact(first_name=text, last_name="", organization=text, position=text, id=1)}
    result = compare([Debrief(1, 1, insights=text, role_fit=3, org_fit=3)], people)
    row = result.rows[0]
    assert row["name"] == text.strip()  # Contact.full_name trims; nothing else changes
    assert row["organization"] == text and row["position"] == text and row["insights"] == text
    label, *_ = fit_chart_rows(result)[0]
    assert "\n" not in label


def test_compare_handles_a_large_input_quickly_enough():
    big = [Debrief(i, 1, insights="portfolio review " + "word " * 200_000) for i in range(3)]
    assert dict(compare(big, PEOPLE).recurring)["portfolio review"] == 3
