"""Sample data shared by test modules that check one another's inputs (not a test module).

The demo-like persona and contacts the draft tests (test_outreach.py) and the checker's tests
(test_request_check.py) both use, so checks and drafts agree; and the hostile meeting the
meeting tests (test_meetings.py) store and the prep sheet tests (test_prep_sheet.py) render.
Imported as a sibling module (``from sample_data import ...``): pytest's default "prepend"
import mode puts tests/ on sys.path, as there is no tests/__init__.py.
"""

from __future__ import annotations

from infoint.meetings import Meeting
from infoint.questions import propose, to_entries
from infoint.records import Contact, Objective, Plan, Profile

# ----------------------------------------------------------------- step 3: persona and contacts

# A profile and objective like the demo persona's (data/demo/persona.json), kept here so the
# tests don't change when the demo does.
PROFILE = Profile(
    name="Leela Varadan",
    email="leela.varadan@lakeshoreu.example",
    timezone="America/Toronto",
    pitch=(
        "Hi, I'm Leela Varadan. I spent six years in hotel operations in Toronto, most "
        "recently leading guest experience at a downtown hotel, and I'm now finishing a UX "
        "research certificate at Lakeshore University. The part of hospitality I loved was "
        "working out why guests struggled and fixing it."
    ),
)
OBJECTIVE = Objective(
    kinds=["role", "organization"],
    field_of_interest="UX research and product design",
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
    plan=Plan(),
)

CONTACTS = {
    "first_linkedin": Contact(
        first_name="Amara",
        last_name="Osei",
        email="amara.osei@tidewatertravel.example",
        organization="Tidewater Travel Group",
        position="Senior UX Researcher",
        profile_url="https://www.linkedin.com/in/amara-osei-ux",
        source="linkedin",
    ),
    "cold_local": Contact(
        first_name="Hana",
        last_name="Sato-Reyes",
        organization="Northbeam Health Technologies",
        position="Principal UX Researcher",
        connection="cold",
        local=True,
    ),
    "cold_profile": Contact(
        first_name="Marcus",
        last_name="Bellweather",
        organization="Northbeam Health Technologies",
        position="UX Research Intern",
        connection="cold",
        profile_url="https://www.linkedin.com/in/marcus-bellweather-b2",
    ),
    "second": Contact(
        first_name="Kenji",
        last_name="Halvorsen",
        organization="Innkeep Cloud",
        position="Head of Design",
        connection="second",
        via="Priya Raman",
        local=False,
    ),
    "warm": Contact(
        first_name="Rosa",
        last_name="Delgado-Fitch",
        email="rosa.df@example.com",
        organization="Innkeep Cloud",
        position="User Researcher",
        warm_reason="Lakeshore University alumni",
        local=True,
    ),
    "first_known": Contact(
        first_name="Tomasz",
        last_name="Wierzbicki",
        organization="Innkeep Cloud",
        position="Customer Success Manager",
        connection="first",
        source="form",
    ),
    "bare": Contact(),
}


# ----------------------------------------------------------------- step 4: a hostile meeting

TZ = "America/Toronto"
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> Tom & Jerry $5M and $10M {{7*7}}"


def hostile_meeting(**changes) -> Meeting:
    """A meeting whose every text field holds markup, Markdown and template syntax."""
    values = dict(
        contact_id=7,
        starts_at="2026-03-12T10:00:00-04:00",
        minutes=30,
        mode="in person",
        place="Café Olé, 12 Rue <b>Main</b> & Co",
        their_workplace=False,
        recognise="Red scarf, *bold* _italic_ `code`",
        checklist={"coffee": True, "dress": False},
        research={"profile": True},
        notes="# Not a heading\n- not a list\n    not code\n1. not a number\n" + HOSTILE,
        offer="[a link](javascript:alert(1)) " + HOSTILE,
        questions=to_entries(propose(["role"], "mid", 30))
        + [{"id": "", "text": "Mine (Zoë): " + HOSTILE, "theme": "insights"}],
        cancelled=False,
        id=3,
    )
    values.update(changes)
    return Meeting(**values)
