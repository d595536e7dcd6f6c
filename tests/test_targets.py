"""Step 2's logic: organizations (T1), classification (T2, T3, T5, T6, O3), ranking (T4), the
mix."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from infoint import classification, imports, organizations, ranking, records
from infoint import targets as tg
from infoint.demo import apply_persona, demo_dir, load_persona
from infoint.records import Objective, Plan, Profile

PROFILE = Profile(name="Leela Varadan", location="Toronto")
OBJECTIVE = Objective(
    kinds=["role"],
    roles=["UX researcher", "User researcher", "Service designer"],
    organizations=["Innkeep Cloud"],
    plan=Plan(),
)
ORGS = [
    tg.Organization(
        name="Innkeep Cloud", location="Toronto", motivation=5, postings=2, advocacy=True
    ),
    tg.Organization(name="Tidewater Travel", location="Montreal", motivation=4, postings=1),
    tg.Organization(name="Small Shop", location="Toronto", motivation=1),
]
CTX = classification.Context.build(PROFILE, OBJECTIVE, ORGS)


def assess(**fields) -> classification.Assessment:
    return classification.Classifier(CTX).assess(tg.Contact(**{"first_name": "Sam", **fields}))


# -- keys ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "a, b",
    [
        ("Innkeep Cloud Inc.", "innkeep cloud"),
        ("Maple, Birch & Co.", "maple birch"),
        ("Café Ñandú Ltd", "cafe nandu"),
        ("  ACME   Corp ", "acme"),
    ],
)
def test_org_key_ignores_case_accents_and_legal_suffixes(a, b):
    assert tg.org_key(a) == tg.org_key(b)


@pytest.mark.parametrize(
    "url, key",
    [
        ("https://www.linkedin.com/in/sam-lee/", "linkedin.com/in/sam-lee"),
        ("http://linkedin.com/in/Sam-Lee?trk=x", "linkedin.com/in/sam-lee"),
        ("", ""),
    ],
)
def test_url_key(url, key):
    assert records.url_key(url) == key


def _url_key_spec(url: str) -> str:
    """url_key's rule written as plainly as possible, to check the fast string version against."""
    text = re.sub(r"^[a-z]+://", "", (url or "").strip().lower())
    text = re.sub(r"^www\.", "", text)
    return re.split(r"[?#]", text, maxsplit=1)[0].rstrip("/")


@settings(max_examples=examples(400), deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ:/?#.w- é\u212a1"), max_size=30) | st.text(max_size=30))
def test_url_key_follows_its_rule_for_any_text(url):
    assert records.url_key(url) == _url_key_spec(url)


def test_contact_row_round_trip_keeps_untrusted_text():
    c = tg.Contact(
        first_name="<b>Theo</b>",
        last_name="Ale$$andra",
        notes="=cmd|' /C calc'!A0",
        alt_titles=["$5M and $10M"],
        local=False,
        target=True,
        years_in_industry=2.5,
        id=4,
    )
    again = tg.Contact.from_row({**c.to_row(), "id": 4})
    assert again == c


@pytest.mark.parametrize("raw", ["not json", "{}", "[1, 2]", None])
def test_damaged_alt_titles_give_none(raw):
    assert tg.Contact.from_row({"first_name": "A", "alt_titles": raw}).alt_titles == []


def test_loading_contacts_reads_what_from_row_reads(ws):
    """load_contacts reads value tuples for speed; it must agree with from_row on every kind of
    value."""
    people = [
        tg.Contact(
            first_name="<b>A</b>",
            alt_titles=["$5 Lead", "UX"],
            local=False,
            target=True,
            years_in_industry=0.0,
            cadence_days=30,
        ),
        tg.Contact(
            first_name="B",
            local=True,
            archived=True,
            referred_by=1,
            seniority="junior",
            modes="video",
        ),
        tg.Contact(last_name="C"),
    ]
    for person in people:
        tg.save_contact(ws, person)
    ws.conn.execute("UPDATE contacts SET alt_titles = 'not json' WHERE last_name = 'C'")
    loaded = tg.load_contacts(ws)
    assert loaded == [tg.Contact.from_row(r) for r in ws.rows("contacts")]
    assert [(c.alt_titles, c.local, c.target, c.archived) for c in loaded] == [
        (["$5 Lead", "UX"], False, True, False),
        ([], True, False, True),
        ([], None, False, False),
    ]
    assert loaded[0].alt_titles is not loaded[2].alt_titles  # each contact gets its own list


# -- T1 organizations -----------------------------------------------------------------------------
def test_t1_sorted_by_motivation_then_postings_then_advocacy():
    orgs = [
        tg.Organization(name="C", motivation=4, postings=1, advocacy=True),
        tg.Organization(name="B", motivation=4, postings=2, advocacy=False),
        tg.Organization(name="A", motivation=5),
        tg.Organization(name="D", motivation=4, postings=1, advocacy=False),
        tg.Organization(name="E"),
        tg.Organization(name="Gone", motivation=5, archived=True),
    ]
    assert [o.name for _, o in organizations.sort_organizations(orgs)] == ["A", "B", "C", "D", "E"]


@pytest.mark.parametrize(
    "org, problem",
    [
        (tg.Organization(name=""), "name"),
        (tg.Organization(name="!!!"), "letter or digit"),
        (tg.Organization(name="X", motivation=6), "1 (a little) to 5"),
        (tg.Organization(name="X", postings=0), "1 (none seen) to 3"),
        (tg.Organization(name="X", size="huge"), "Size"),
        (
            tg.Organization(
                name="<img src=x onerror=alert(1)>", motivation=3, postings=2, size="11-50"
            ),
            None,
        ),
    ],
)
def test_t1_check_organization(org, problem):
    problems = organizations.check_organization(org)
    assert (problem is None and problems == []) or any(problem in p for p in problems)


@pytest.mark.parametrize(
    "count, phrase",
    [
        (0, "0 of about 40"),
        (12, "12 of about 40"),
        (40, "full long list"),
        (55, "55 organizations"),
    ],
)
def test_t1_long_list_note(count, phrase):
    assert phrase in organizations.long_list_note(count)


def test_t1_organizations_from_a_table():
    columns = ["Organisation", "Industry", "Size", "Motivation", "Postings", "Advocacy", "City"]
    rows = [
        (2, ["Acme", "Tech", "51-200", "5", "2", "yes", "Toronto"]),
        (3, ["", "x", "", "", "", "", ""]),
        (4, ["ACME", "", "", "9", "x", "maybe", ""]),
    ]
    orgs, skipped = organizations.organizations_from_table(columns, rows)
    assert [(o.name, o.motivation, o.postings, o.advocacy, o.location) for o in orgs] == [
        ("Acme", 5, 2, True, "Toronto")
    ]
    assert skipped == [(3, "no organization name"), (4, "same organization as line 2")]
    with pytest.raises(ValueError, match="name"):
        organizations.organizations_from_table(["Foo"], [(2, ["x"])])


# -- T2 connection and warmth ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "fields, connection, warm, why",
    [
        ({"source": "linkedin"}, "first", True, "LinkedIn connection"),
        ({"source": "form", "via": "Priya"}, "second", True, "Priya can introduce you"),
        ({"source": "form"}, "cold", False, "no link"),
        ({"source": "form", "warm_reason": "same school"}, "cold", True, "same school"),
        ({"source": "linkedin", "connection": "cold"}, "cold", False, "set by you"),
        ({"source": "form", "connection": "bogus"}, "cold", False, "no link"),
    ],
)
def test_t2_connection_and_warmth(fields, connection, warm, why):
    a = assess(**fields)
    assert (a.connection, a.warm) == (connection, warm)
    assert why in a.connection_why + " " + a.warm_why


# -- T3 seniority ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "position, years, override, expected, why",
    [
        ("Junior Product Designer", None, "", "junior", "'junior'"),
        ("Associate Design Researcher", 12, "", "junior", "'associate'"),
        ("UX Research Intern", None, "", "junior", "'intern'"),
        ("Senior UX Researcher", 1, "", "senior", "'senior'"),
        ("Associate Director, Research", None, "", "senior", "'director'"),
        ("VP, Digital Product Design", None, "", "senior", "'vp'"),
        ("Head of Design", None, "", "senior", "'head'"),
        ("Principal UX Researcher", None, "", "senior", "'principal'"),
        ("Product Designer", 2.5, "", "junior", "under 3"),
        ("Product Designer", 3, "", "mid", "3 years"),
        ("Product Designer", 15, "", "senior", "15 years"),
        ("Product Designer", None, "", "mid", "assumed"),
        ("", None, "", "mid", "assumed"),
        ("Senior UX Researcher", None, "junior", "junior", "set by you"),
        ("Señor Diseñador", None, "", "mid", "assumed"),
    ],
)
def test_t3_seniority(position, years, override, expected, why):
    a = assess(position=position, years_in_industry=years, seniority=override)
    assert a.seniority == expected
    assert why in a.seniority_why


# -- O3 focus and T5 alternative titles ------------------------------------------------------------
@pytest.mark.parametrize(
    "fields, focus",
    [
        ({"position": "Senior UX Researcher", "organization": "Innkeep Cloud Inc."}, "both"),
        ({"position": "User Researcher", "organization": "Elsewhere"}, "position"),
        ({"position": "Lead User Experience Researcher"}, "position"),
        ({"position": "Accountant", "organization": "innkeep cloud"}, "organization"),
        ({"position": "Accountant", "organization": "Tidewater Travel"}, "organization"),
        ({"position": "Accountant", "organization": "Small Shop"}, "neither"),
        ({"position": "Researcher"}, "neither"),
        ({"position": "Design Strategist", "alt_titles": ["Service Designer"]}, "position"),
        ({"position": "Accountant", "focus": "position"}, "position"),
    ],
)
def test_o3_focus(fields, focus):
    assert assess(**fields).focus == focus


def test_focus_why_names_the_role_and_organization():
    a = assess(position="UX Researcher", organization="Innkeep Cloud")
    assert "UX researcher" in a.focus_why and "Innkeep Cloud" in a.focus_why


# -- T6 local and meeting modes --------------------------------------------------------------------
@pytest.mark.parametrize(
    "fields, local, modes",
    [
        ({"location": "Toronto, Ontario"}, True, "in person, video, phone"),
        ({"location": "Greater Toronto Area"}, True, "in person, video, phone"),
        ({"location": "Remote, Toronto"}, False, "video, phone"),
        ({"location": "Vancouver"}, False, "video, phone"),
        ({"organization": "Innkeep Cloud"}, True, "in person, video, phone"),
        ({"organization": "Tidewater Travel"}, False, "video, phone"),
        ({}, False, "video, phone"),
        ({"location": "Vancouver", "local": True}, True, "in person, video, phone"),
        ({"location": "Toronto", "modes": "phone"}, True, "phone"),
    ],
)
def test_t6_local_and_modes(fields, local, modes):
    a = assess(**fields)
    assert (a.local, a.modes) == (local, modes)


def test_t6_without_a_home_city_asks_for_it():
    a = classification.Classifier(classification.Context.build(Profile(), OBJECTIVE, ORGS)).assess(
        tg.Contact(first_name="A", location="Toronto")
    )
    assert not a.local and "add your city" in a.local_why


# -- ranking (T4) and the mix (O3) -----------------------------------------------------------------
def people() -> list[tg.Contact]:
    return [
        tg.Contact(
            first_name="Peer",
            position="UX Researcher",
            organization="Innkeep Cloud",
            source="linkedin",
            id=1,
        ),
        tg.Contact(
            first_name="Boss",
            position="Chief Design Officer",
            organization="Innkeep Cloud",
            source="linkedin",
            id=2,
        ),
        tg.Contact(
            first_name="Cold",
            position="UX Researcher",
            organization="Elsewhere",
            source="form",
            id=3,
        ),
        tg.Contact(
            first_name="Friend",
            position="Accountant",
            organization="Nowhere",
            source="linkedin",
            id=4,
        ),
        tg.Contact(
            first_name="Archived",
            position="UX Researcher",
            organization="Innkeep Cloud",
            source="linkedin",
            archived=True,
            id=5,
        ),
    ]


def test_rank_orders_with_reasons_and_leaves_archived_out():
    ranked = ranking.rank(classification.classify(people(), CTX), CTX)
    assert [a.contact.first_name for a in ranked][0] == "Peer"
    assert [a.rank for a in ranked] == [1, 2, 3, 4]
    assert "Archived" not in [a.contact.first_name for a in ranked]
    assert all(a.why for a in ranked)
    assert "(+3)" in ranked[0].why


def test_t4_top_managers_rank_lower_early_on_but_not_later():
    early = {
        a.contact.first_name: a for a in ranking.rank(classification.classify(people(), CTX), CTX)
    }
    assert early["Boss"].score < early["Peer"].score
    assert "top manager" in early["Boss"].why
    later_ctx = classification.Context.build(PROFILE, OBJECTIVE, ORGS, meetings_held=5)
    later = {
        a.contact.first_name: a
        for a in ranking.rank(classification.classify(people(), later_ctx), later_ctx)
    }
    assert "top manager" not in later["Boss"].why
    assert later["Boss"].score > early["Boss"].score


def test_mix_need_raises_what_the_plan_lacks():
    juniors_needed = classification.Mix(
        total=3, position=3, organization=3, both=3, junior=0, senior=3, warm=3
    )
    a_junior = tg.Contact(first_name="J", position="Junior UX Researcher", source="linkedin", id=9)
    a_mid = tg.Contact(first_name="M", position="UX Researcher", source="linkedin", id=8)
    ranked = ranking.rank(classification.classify([a_mid, a_junior], CTX), CTX, juniors_needed)
    assert ranked[0].contact.first_name == "J"
    assert "your plan still needs" in ranked[0].why


def test_mix_of_and_suggestions():
    assessed = classification.classify(people()[:4], CTX)
    mix = classification.mix_of(assessed)
    assert mix.total == 4 and mix.warm == 3 and mix.cold == 1
    assert (
        mix.position == 2 and mix.organization == 2 and mix.both == 1
    )  # Peer is both; Boss only the organization
    tips = classification.mix_suggestions(Plan(), mix)
    assert any(t.startswith("Add 3 more junior people") for t in tips)
    assert any("4 of the 6" in t for t in tips)
    assert classification.mix_suggestions(
        Plan(total=1, position=1, organization=1, both=1, junior=0, senior=1),
        classification.Mix(1, 1, 1, 1, 0, 1, 1, 0),
    ) == ["Your targets match your plan. Go on to step 3 and write your requests."]


def test_mix_rows_pair_plan_and_actual():
    rows = classification.mix_rows(Plan(), classification.Mix(total=2, junior=2))
    assert ("Junior", 3, 2) in rows and len(rows) == 5


def test_suggest_targets_fills_the_plan_mix():
    contacts = [
        tg.Contact(
            first_name=f"S{i}",
            position="Senior UX Researcher",
            organization="Innkeep Cloud",
            source="linkedin",
            id=i,
        )
        for i in range(6)
    ]
    contacts += [
        tg.Contact(
            first_name=f"J{i}",
            position="Junior UX Researcher",
            organization="Innkeep Cloud",
            source="linkedin",
            id=10 + i,
        )
        for i in range(6)
    ]
    ctx = classification.Context.build(PROFILE, OBJECTIVE, ORGS)
    picks = ranking.suggest_targets(
        ranking.rank(classification.classify(contacts, ctx), ctx), ctx, 6
    )
    assert len(picks) == 6
    assert sum(a.seniority == "junior" for a in picks) == 3


@pytest.mark.parametrize(
    "filters, names",
    [
        ({}, {"Peer", "Boss", "Cold", "Friend"}),
        ({"text": "ux"}, {"Peer", "Cold"}),
        ({"text": "peer innkeep"}, {"Peer"}),
        ({"organization": "innkeep"}, {"Peer", "Boss"}),
        ({"seniority": "senior"}, {"Boss"}),
        ({"connection": "cold"}, {"Cold"}),
        ({"focus": "neither"}, {"Friend"}),
        ({"targets_only": True}, set()),
    ],
)
def test_filters(filters, names):
    assessed = classification.classify(people(), CTX)
    assert {a.contact.first_name for a in assessed if tg.matches(a, **filters)} == names


# -- the workspace side ----------------------------------------------------------------------------
def test_save_and_archive_organization(ws):
    org_id = organizations.save_organization(ws, tg.Organization(name="Acme <b>", motivation=3))
    with pytest.raises(ValueError, match="already on your list"):
        organizations.save_organization(ws, tg.Organization(name="ACME <b> Inc."))
    organizations.set_archived(ws, org_id)
    (org,) = organizations.load_organizations(ws)
    assert org.archived and org.name == "Acme <b>"
    with pytest.raises(ValueError, match="1 \\(a little\\) to 5"):
        organizations.save_organization(ws, tg.Organization(name="Bad", motivation=9))


def test_merge_organizations_adds_then_fills_in(ws):
    merge = organizations.merge_organizations
    assert merge(ws, [tg.Organization(name="Acme")]) == (1, 0)
    assert merge(ws, [tg.Organization(name="acme", motivation=4)]) == (0, 1)
    assert merge(ws, [tg.Organization(name="ACME", motivation=4)]) == (0, 0)
    assert organizations.load_organizations(ws)[0].motivation == 4


def test_t8_linkedin_import_then_reimport_adds_nothing(ws):
    data = (demo_dir() / "Connections.csv").read_bytes()
    existing = tg.load_contacts(ws)
    first = tg.apply_merge(
        ws, imports.plan_merge(existing, imports.read_contacts(data, "Connections.csv")), existing
    )
    assert (first.added, first.updated) == (28, 0)
    assert {reason for _, reason in first.skipped} == {"blank row", "no name"}
    existing = tg.load_contacts(ws)
    again = tg.apply_merge(
        ws, imports.plan_merge(existing, imports.read_contacts(data, "Connections.csv")), existing
    )
    assert (again.added, again.updated, again.unchanged) == (0, 0, 28)
    names = {c.full_name for c in tg.load_contacts(ws)}
    assert "<b>Theo</b> Marchetti" in names and any("$" in n for n in names)


def test_t8_updated_export_updates_without_duplicating(ws):
    data = (demo_dir() / "Connections.csv").read_text(encoding="utf-8")
    existing = tg.load_contacts(ws)
    tg.apply_merge(
        ws,
        imports.plan_merge(existing, imports.read_contacts(data.encode(), "Connections.csv")),
        existing,
    )
    changed = data.replace("Senior UX Researcher", "Lead UX Researcher", 1)
    existing = tg.load_contacts(ws)
    report = tg.apply_merge(
        ws,
        imports.plan_merge(
            existing, imports.read_contacts(changed.encode("utf-16"), "Connections.csv")
        ),
        existing,
    )
    assert (report.added, report.updated) == (0, 1)
    assert len(tg.load_contacts(ws)) == 28
    assert any(c.position == "Lead UX Researcher" for c in tg.load_contacts(ws))


@pytest.mark.parametrize("source", ["linkedin", "table"])
def test_an_import_saves_every_field_it_reads(ws, source):
    """Imports are written as a lean batch of the columns the file fills: what is read back is
    what was imported."""
    if source == "linkedin":
        data, name = (demo_dir() / "Connections.csv").read_bytes(), "Connections.csv"
    else:
        header = (
            "Name,Email,URL,Company,Title,Connected on,Location,Phone,Notes,Introduced by,"
            "How we met,Years in industry\n"
        )
        row = (
            '"Ana <b>Lima</b>",ana@x.org,https://linkedin.com/in/ana,"=Acme, Inc.",$5 Lead,'
            '12 Mar 2021,Toronto,+1 555,"a\nb",Grace,school,2.5\n'
        )
        data, name = (header + row + "Bo Diaz,,,,,,,,,,,0\n").encode(), "people.csv"
    report = tg.apply_merge(ws, imports.plan_merge([], imports.read_contacts(data, name)), [])
    saved = {c.id: c for c in tg.load_contacts(ws)}
    assert report.added == len(saved) > 0
    assert saved == {c.id: c for c in report.contacts}
    if source == "table":
        ana = next(c for c in saved.values() if c.first_name == "Ana")
        assert (
            ana.last_name,
            ana.organization,
            ana.notes,
            ana.years_in_industry,
            ana.connected_on,
        ) == ("<b>Lima</b>", "=Acme, Inc.", "a\nb", 2.5, "2021-03-12")
        assert next(c for c in saved.values() if c.first_name == "Bo").years_in_industry == 0


def test_save_contact_needs_a_name(ws):
    with pytest.raises(ValueError, match="name"):
        tg.save_contact(ws, tg.Contact(email="x@example.org"))
    contact_id = tg.save_contact(ws, tg.Contact(first_name="Ada", via="Grace"))
    tg.set_targets(ws, [contact_id])
    (saved,) = tg.load_contacts(ws)
    assert saved.target and saved.via == "Grace" and saved.id == contact_id


def test_demo_persona_ranks_and_fills_step_2(ws):
    apply_persona(ws)
    profile, objective = load_persona()
    ctx = tg.context(ws)
    ranked = ranking.rank(classification.classify(tg.load_contacts(ws), ctx), ctx)
    assert len(ranked) == 28 and ctx.home == "Toronto" == profile.location
    top = ranked[0]
    assert top.focus == "both" and top.connection == "first" and top.why
    assert tg.step_progress(
        organizations.load_organizations(ws), len(ranked), classification.Mix(), objective.plan
    )[2] == ("Contacts imported or added", True)
