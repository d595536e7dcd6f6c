"""The meeting's checklists: research the person and organization first (Q3), and for an
in-person meeting a neutral public place, how they will recognise you, photo ID, a small
coffee at most (R8, Q5).

Each item is a (key, label) pair; labels may name the person or organization, so the pages
show them as untrusted text.
"""

from __future__ import annotations

from .meetings import Meeting
from .safe import plain_text


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
            "Meeting at their workplace (they offered it): check the address and the entrance."
            if getattr(meeting, "their_workplace", False)
            else "Meet in a neutral public place, such as a quiet coffee shop."
        )
        return [
            ("place", where),
            (
                "recognise",
                "Tell them how they will recognise you (what you'll wear, where you'll sit).",
            ),
            ("photo_id", "Bring photo ID in case their building asks for it at reception."),
            ("arrive_early", "Arrive ten minutes early."),
            ("coffee", "Offer to buy their coffee: keep it small, about $5; no alcohol or meals."),
            ("no_gifts", "No gifts: your thanks and a follow-up note are enough."),
            (
                "resume",
                "Bring a copy of your resume, but don't lead with it; share it only if asked.",
            ),
            ("dress", "Dress professionally, a little smarter than everyday."),
            ("keep_time", "Keep to the agreed time; let them offer more if they want to."),
        ]
    items = [
        (
            "test_link",
            "Test the link, your camera and your sound beforehand."
            if mode == "video"
            else "Check your phone is charged and has a good signal.",
        ),
        ("quiet_place", "Find a quiet place where you won't be interrupted."),
        (
            "their_number",
            "Have their number at hand in case the link fails."
            if mode == "video"
            else "Note who calls whom, and have their number at hand.",
        ),
        ("keep_time", "Keep to the agreed time; let them offer more if they want to."),
    ]
    return items


def organization_name(contact, organization) -> str:
    """The organization's name from the long list, else the one on the contact."""
    name = plain_text(getattr(organization, "name", "")).strip()
    return name or plain_text(getattr(contact, "organization", "")).strip()


def person_name(contact) -> str:
    """The person's name for a sheet or a file name; "" when they have none yet."""
    full = plain_text(getattr(contact, "full_name", "")).strip()
    return "" if full in ("", "(no name)") else full


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
            f"Read {person}'s profile: their path so far and what they do now."
            if person
            else "Read their profile: their path so far and what they do now.",
        ),
        (
            "website",
            f"Read {org}'s website: what they do, for whom, and recent projects."
            if org
            else "Read the organization's website: what they do, for whom, and recent projects.",
        ),
        (
            "news_organization",
            f"Look for recent news about {org}."
            if org
            else "Look for recent news about the organization.",
        ),
        (
            "news_industry",
            f"Look for recent news and trends in {industry}."
            if industry
            else "Look for recent news and trends in the industry.",
        ),
        (
            "offer",
            "Find something to offer in return: an article, a contact, or help with something.",
        ),
        ("pitch", "Rehearse your 30-second pitch out loud."),
    ]
