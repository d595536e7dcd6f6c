"""D3, the snowball: the people a contact suggested become new warm contacts on the target
list, with "referred by" recorded; someone already there gets the referrer noted, nothing else.

De-duplication is ``imports.plan_merge``'s job, not re-done here; ``record_referral`` is the
one action the step 5 page calls, in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .i18n import _
from .imports import ImportPlan, MergePlan
from .records import Contact, email_key, name_org_key, url_key
from .safe import one_line as _one_line
from .safe import plain_text as _text


@dataclass(frozen=True)
class Referral:
    """Someone the person you met suggested you talk to (D3), as typed in the debrief."""

    first_name: str
    last_name: str = ""
    organization: str = ""
    position: str = ""
    email: str = ""
    profile_url: str = ""
    notes: str = ""


def real_name(contact: Contact) -> str:
    """The contact's full name, or "" when it has none (``full_name`` then says "(no name)")."""
    return " ".join(p for p in (_one_line(contact.first_name), _one_line(contact.last_name)) if p)


def referral_contacts(referrals: Iterable[Referral], referrer: Contact) -> ImportPlan:
    """D3, the snowball: each referral as a new warm contact, "referred by" recorded.

    Each becomes a ``Contact`` with ``referred_by`` = the referrer's id, ``via`` = the
    referrer's name (so step 2 counts them second-degree and step 3 writes them an
    introduction request: the referrer can introduce you, R6), ``warm_reason`` "referred by
    <name>" and ``source`` "referral". Lines are numbered from 1 in the order given; nameless
    referrals and repeats within the list are skipped with a reason.

    Matching against the saved contacts is not done here: pass the result to
    ``imports.plan_merge(existing, plan)`` so someone already on your list is updated or left
    alone, never added twice (then ``record_referrer`` to note who referred them).
    """
    name = real_name(referrer) if isinstance(referrer, Contact) else ""
    referrer_id = referrer.id if isinstance(referrer, Contact) else None
    plan = ImportPlan(_("referrals from {name}").format(name=name) if name else _("referrals"))
    by_url: dict[str, int] = {}
    by_email: dict[str, int] = {}
    name_bare: dict[str, int] = {}  # people without a profile URL
    name_any: dict[str, int] = {}
    for line, ref in enumerate(referrals, start=1):
        if not isinstance(ref, Referral):
            plan.skipped.append((line, _("not a referral")))
            continue
        first, last = _one_line(ref.first_name), _one_line(ref.last_name)
        if not (first or last):
            plan.skipped.append((line, _("no name")))
            continue
        contact = Contact(
            first_name=first,
            last_name=last,
            organization=_one_line(ref.organization),
            position=_one_line(ref.position),
            email=_one_line(ref.email, 320),
            profile_url=_one_line(ref.profile_url, 2000),
            notes=_text(ref.notes).strip(),
            via=name,
            # Written in the participant's language: they read (and may edit) it in step 2.
            warm_reason=(
                _("referred by {name}").format(name=name)
                if name
                else _("referred by someone you met")
            ),
            referred_by=referrer_id,
            source="referral",
        )
        # The same person twice in the list: as plan_merge matches (URL, else email, else
        # name and organization, but never across two different profile URLs).
        url, mail = url_key(contact.profile_url), email_key(contact.email)
        person = name_org_key(first, last, contact.organization)
        earlier = by_url.get(url) if url else None
        if earlier is None and mail:
            earlier = by_email.get(mail)
        if earlier is None:
            earlier = (name_bare if url else name_any).get(person)
        if earlier is not None:
            plan.skipped.append((line, _("same person as line {line}").format(line=earlier)))
            continue
        if url:
            by_url.setdefault(url, line)
        else:
            name_bare.setdefault(person, line)
        if mail:
            by_email.setdefault(mail, line)
        name_any.setdefault(person, line)
        plan.contacts.append((line, contact))
    return plan


def record_referrer(merge: MergePlan, existing: list[Contact], referrer: Contact) -> MergePlan:
    """D3 for referrals who were already on your list: note who referred them, change nothing else.

    ``plan_merge`` treats the referral like a file row: it would overwrite the saved name,
    organization or email with what was typed in the debrief, and it never sets
    ``referred_by``. Here, for each matched contact, changes only fill fields that are still
    empty, and ``referred_by`` is added when the contact has none yet (moving it from
    unchanged to updated). A saved first-degree contact gets no ``via``: you know them
    already, and a "via" would make them second-degree. Nobody is ever added here. Returns a
    new plan; ``targets.apply_merge`` writes it.
    """
    by_id = {c.id: c for c in existing if isinstance(c, Contact)}
    referrer_id = referrer.id if isinstance(referrer, Contact) else None
    out = MergePlan(add=list(merge.add), skipped=list(merge.skipped), file=merge.file)

    def adjusted(contact_id: int, changes: dict) -> dict:
        saved = by_id.get(contact_id)
        changes = dict(changes)
        if saved is None:
            return changes
        first_degree = saved.connection == "first" or (
            not saved.connection and not saved.via.strip() and saved.source.startswith("linkedin")
        )
        for key in list(changes):  # a name typed in a hurry never overwrites a saved one
            current = getattr(saved, key, None)
            if current is not None and not (isinstance(current, str) and not current.strip()):
                changes.pop(key)
        if first_degree:
            changes.pop("via", None)
        if referrer_id is not None and saved.referred_by is None and saved.id != referrer_id:
            changes["referred_by"] = referrer_id
        return changes

    matched = [*merge.update, *((line, contact_id, {}) for line, contact_id in merge.unchanged)]
    for line, contact_id, changes in matched:
        new = adjusted(contact_id, changes)
        if new:
            out.update.append((line, contact_id, new))
        else:
            out.unchanged.append((line, contact_id))
    out.update.sort(key=lambda u: u[0])
    out.unchanged.sort(key=lambda u: u[0])
    return out


def record_referral(ws, referral: Referral, referrer: Contact):
    """D3 as one action: the person they suggested joins the target list as a warm contact
    "referred by" them, or, if already there, gets the referrer noted; in one transaction.
    Returns the import report (``targets.ImportReport``); ValueError for a nameless referral."""
    from . import imports, targets  # lazy: step 2's import code loads only when a referral is added

    plan = referral_contacts([referral], referrer)
    if not plan.contacts:
        raise ValueError(_("Give the person a name first."))
    with ws.transaction():
        existing = targets.load_contacts(ws)
        merge = record_referrer(imports.plan_merge(existing, plan), existing, referrer)
        return targets.apply_merge(ws, merge, existing)
