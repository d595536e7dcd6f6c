"""The meeting's checklists: research the person and organization first (Q3), and for an
in-person meeting a neutral public place, how they will recognise you, photo ID, a small
coffee at most (R8, Q5).

Each item is a (key, label) pair; labels may name the person or organization, so the pages
show them as untrusted text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import _
from .meetings import Meeting
from .organizations import load_organizations
from .records import Contact, Organization, org_key
from .records import person_name as records_person_name
from .safe import plain_text

__all__ = [
    "ResearchStatus",
    "in_person_checklist",
    "meeting_research",
    "organization_name",
    "organization_of",
    "person_name",
    "research_checklist",
    "research_status",
]


def in_person_checklist(meeting: Meeting) -> list[tuple[str, str]]:
    """R8, Q3, Q5: what to do on the day, as (stable key, plain text); ticks live in ``checklist``.

    In person: a neutral public place unless they offered their workplace, how they will
    recognise you, photo ID if their building needs it, arriving early, offering to pay for a
    small coffee (about $5, no alcohol or meals), no gifts, a resume you don't lead with,
    professional clothes and keeping to the agreed time. Video and phone calls get a shorter
    list: test the link or line, a quiet place, their number in case the link fails, the time.
    """
    mode = getattr(meeting, "mode", "video")
    if mode == "in person":
        where = (
            _("Meeting at their workplace (they offered it): check the address and the entrance.")
            if getattr(meeting, "their_workplace", False)
            else _("Meet in a neutral public place, such as a quiet coffee shop.")
        )
        return [
            ("place", where),
            (
                "recognise",
                _("Tell them how they will recognise you (what you'll wear, where you'll sit)."),
            ),
            ("photo_id", _("Bring photo ID in case their building asks for it at reception.")),
            ("arrive_early", _("Arrive ten minutes early.")),
            (
                "coffee",
                _("Offer to buy their coffee: keep it small, about $5; no alcohol or meals."),
            ),
            ("no_gifts", _("No gifts: your thanks and a follow-up note are enough.")),
            (
                "resume",
                _("Bring a copy of your resume, but don't lead with it; share it only if asked."),
            ),
            ("dress", _("Dress professionally, a little smarter than everyday.")),
            ("keep_time", _("Keep to the agreed time; let them offer more if they want to.")),
        ]
    items = [
        (
            "test_link",
            _("Test the link, your camera and your sound beforehand.")
            if mode == "video"
            else _("Check your phone is charged and has a good signal."),
        ),
        ("quiet_place", _("Find a quiet place where you won't be interrupted.")),
        (
            "their_number",
            _("Have their number at hand in case the link fails.")
            if mode == "video"
            else _("Note who calls whom, and have their number at hand."),
        ),
        ("keep_time", _("Keep to the agreed time; let them offer more if they want to.")),
    ]
    return items


def organization_name(contact, organization) -> str:
    """The organization's name from the long list, else the one on the contact."""
    name = plain_text(getattr(organization, "name", "")).strip()
    return name or plain_text(getattr(contact, "organization", "")).strip()


def person_name(contact) -> str:
    """The person's name for a sheet or a file name; "" when they have none yet."""
    first, last = getattr(contact, "first_name", None), getattr(contact, "last_name", None)
    if first is not None or last is not None:  # a Contact: its own name, never the stand-in
        return plain_text(records_person_name(first or "", last or "")).strip()
    return plain_text(getattr(contact, "full_name", "")).strip()


def research_checklist(contact, organization) -> list[tuple[str, str]]:
    """Q3, O4: homework before the meeting, as (stable key, plain text); ticks live in ``research``.

    Their profile, the organization's website (named when known), recent news about the
    organization and about the industry, something to offer in return, and rehearsing your
    pitch out loud. The texts contain names from the workspace: show them escaped.
    """
    person = person_name(contact)
    org = organization_name(contact, organization)
    industry = plain_text(getattr(organization, "industry", "")).strip()
    return [
        (
            "profile",
            _("Read {person}'s profile: their path so far and what they do now.").format(
                person=person
            )
            if person
            else _("Read their profile: their path so far and what they do now."),
        ),
        (
            "website",
            _("Read {organization}'s website: what they do, for whom, and recent projects.").format(
                organization=org
            )
            if org
            else _("Read the organization's website: what they do, for whom, and recent projects."),
        ),
        (
            "news_organization",
            _("Look for recent news about {organization}.").format(organization=org)
            if org
            else _("Look for recent news about the organization."),
        ),
        (
            "news_industry",
            _("Look for recent news and trends in {industry}.").format(industry=industry)
            if industry
            else _("Look for recent news and trends in the industry."),
        ),
        (
            "offer",
            _("Find something to offer in return: an article, a contact, or help with something."),
        ),
        ("pitch", _("Rehearse your 30-second pitch out loud.")),
    ]


@dataclass(frozen=True)
class ResearchStatus:
    """Q3 for one meeting: which research steps are ticked and whether what was found is
    written down. The one answer to "is the research done?" (step 4's progress and the
    write-up's checklist both read it)."""

    ticked: tuple[str, ...]  # the ticked steps, in the checklist's words and order
    total: int  # how many steps the checklist has
    noted: bool  # research notes written (the meeting's, or the organization's)

    @property
    def done(self) -> bool:
        """Every step ticked and what you found written down."""
        return self.total > 0 and len(self.ticked) == self.total and self.noted

    @property
    def detail(self) -> str:
        """How far it is, in words: "2 of 6 research steps ticked; notes written"."""
        if self.noted:
            text = _("{ticked} of {total} research steps ticked; notes written")
        else:
            text = _("{ticked} of {total} research steps ticked; no notes on what you found")
        return text.format(ticked=len(self.ticked), total=self.total)


def research_status(meeting: Meeting, contact=None, organization=None) -> ResearchStatus:
    """Q3: the meeting's research as ticked against ``research_checklist`` (only its keys
    count: a stored tick for a step no longer on the list does not), and its notes."""
    steps = research_checklist(contact, organization)
    ticks = getattr(meeting, "research", None) or {}
    notes = (getattr(meeting, "notes", ""), getattr(organization, "notes", ""))
    return ResearchStatus(
        ticked=tuple(text for key, text in steps if bool(ticks.get(key))),
        total=len(steps),
        noted=any(plain_text(n).strip() for n in notes),
    )


def organization_of(ws, contact) -> Organization | None:
    """The long list's entry for the contact's organization (names compared by ``org_key``)."""
    key = org_key(getattr(contact, "organization", ""))
    if not key:
        return None
    return next((o for o in load_organizations(ws) if org_key(o.name) == key), None)


def meeting_research(ws, meeting: Meeting) -> ResearchStatus:
    """``research_status`` of a saved meeting, with its person and organization read from the
    workspace (the organization's notes count as research notes)."""
    rows = ws.rows("contacts", "id = ?", (meeting.contact_id,))
    contact = Contact.from_row(rows[0]) if rows else None
    organization = organization_of(ws, contact) if contact else None
    return research_status(meeting, contact, organization)
