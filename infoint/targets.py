"""Step 2, build target lists: the contacts, kept in the workspace and picked as targets.

The contact model is shared by every later step (requests, meetings, thanks all name a
contact). This module reads and writes contacts (one by one, or a whole planned import in one
transaction), filters the contact table, builds the ``Context`` that classification and
ranking need from the workspace, and says how far step 2 has got. The long list of
organizations (T1) is in ``organizations.py``, classification (T2, T3, T5, T6, O3) and the mix
in ``classification.py``, ranking (T4) in ``ranking.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from operator import attrgetter, ne

from .bulk import paused_gc
from .classification import Assessment, Context, Mix, missing_in_mix
from .events import met_contacts
from .i18n import _
from .organizations import TOP, load_organizations
from .records import CONTACT_FIELDS, Contact, Objective, Organization, Profile, org_key
from .text import fold
from .workspace import Batch


def matches(
    a: Assessment,
    *,
    text: str = "",
    organization: str = "",
    seniority: str = "",
    connection: str = "",
    focus: str = "",
    targets_only: bool = False,
) -> bool:
    """The contact table's filters: free text (name, title, organization), exact facets."""
    c = a.contact
    if targets_only and not c.target:
        return False
    if (
        seniority
        and a.seniority != seniority
        or connection
        and a.connection != connection
        or focus
        and a.focus != focus
    ):
        return False
    if organization and org_key(organization) not in org_key(c.organization):
        return False
    if text:
        haystack = fold(f"{c.first_name} {c.last_name} {c.position} {c.organization} {c.notes}")
        return all(word in haystack for word in fold(text).split())
    return True


# --------------------------------------------------------------- reading and writing the workspace
# These only call the workspace's generic methods; every write is one transaction.
@dataclass(frozen=True)
class ImportReport:
    """What an import did, line by line where something was left out."""

    file: str
    added: int
    updated: int
    unchanged: int
    skipped: list[tuple[int, str]]
    contacts: list[Contact] = field(
        default_factory=list, repr=False
    )  # everyone after the import, with ids

    def summary(self) -> str:
        """One sentence for the page."""
        return _(
            "{file}: {added} added, {updated} updated, {unchanged} already there, "
            "{skipped} left out."
        ).format(
            file=self.file,
            added=self.added,
            updated=self.updated,
            unchanged=self.unchanged,
            skipped=len(self.skipped),
        )


@paused_gc()
def load_contacts(ws) -> list[Contact]:
    """Every contact, archived ones included (classification leaves those out)."""
    return [Contact.from_values(v) for v in ws.values("contacts", CONTACT_FIELDS)]


def contacts_per_organization(ws) -> dict[str, int]:
    """How many active (not archived) contacts each organization has, by ``org_key``: the
    long list shows who you already know there (T1's advocacy)."""
    counts: dict[str, int] = {}
    for organization, archived in ws.values("contacts", ("organization", "archived")):
        if not archived:
            key = org_key(organization or "")
            counts[key] = counts.get(key, 0) + 1
    return counts


# What step 2's contact form edits: saving the form updates only these columns, so it never
# undoes what happened meanwhile elsewhere (picked as a target, archived, a cadence set).
FORM_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "profile_url",
    "organization",
    "position",
    "alt_titles",
    "location",
    "phone",
    "connection",
    "via",
    "warm_reason",
    "seniority",
    "years_in_industry",
    "focus",
    "local",
    "notes",
    "language",
    "time_zone",
)


def save_contact(ws, contact: Contact, fields: tuple[str, ...] | None = None) -> int:
    """Add or update one contact from the form; ValueError when it has no name. An update
    writes only ``fields`` when given (the form's: ``FORM_FIELDS``)."""
    if not (contact.first_name.strip() or contact.last_name.strip()):
        raise ValueError(_("Give the person a name (first or last)."))
    row = contact.to_row()
    if contact.id is not None and fields is not None:
        row = {k: v for k, v in row.items() if k in fields}
    return ws.save("contacts", contact.id, row)


def set_targets(ws, ids, target: bool = True) -> None:
    """Pick (or drop) contacts as targets for requests."""
    ws.write(updates={"contacts": [(i, {"target": int(target)}) for i in ids]})


_ROW_FIELDS = tuple(f for f in CONTACT_FIELDS if f != "id")
_DEFAULTS = Contact()
# Whether a value differs from the field's default: for text, whether it is non-empty (the
# quickest test).
_FILLED = {
    f: bool if getattr(_DEFAULTS, f) == "" else partial(ne, getattr(_DEFAULTS, f))
    for f in _ROW_FIELDS
}
_STORED_AS_IS = frozenset(_ROW_FIELDS) - {
    "alt_titles",
    "local",
    "target",
    "archived",
}  # to_row converts the others


def _contact_batch(contacts: list[Contact], fields: tuple[str, ...] = ()) -> Batch | list[dict]:
    """New contacts as rows of only the columns they fill (the table's defaults are the
    dataclass's): an import of 30,000 people fills about eight of the 25 columns. ``fields``
    are those columns when the importer knows them; otherwise they are looked for."""
    columns = fields or tuple(
        f for f in _ROW_FIELDS if any(map(_FILLED[f], map(attrgetter(f), contacts)))
    )
    if not columns or not set(columns) <= _STORED_AS_IS:
        return [c.to_row() for c in contacts]
    values = attrgetter(*columns)
    if len(columns) == 1:
        return Batch(columns, [(values(c),) for c in contacts])
    return Batch(columns, list(map(values, contacts)))


@paused_gc()
def apply_merge(ws, merge, existing: list[Contact]) -> ImportReport:
    """Write a planned import (imports.plan_merge) in one transaction: all rows or none.

    The report carries every contact as it now stands, so the page can rank them without
    reading 30,000 rows back.
    """
    by_id = {c.id: c for c in existing}
    updates, merged = [], {}
    for _line, contact_id, changes in merge.update:
        contact = Contact.from_row({**by_id[contact_id].to_row(), **changes, "id": contact_id})
        merged[contact_id] = contact
        updates.append((contact_id, dict(changes)))
    added = [c for _, c in merge.add]
    ids = ws.write(
        inserts={"contacts": _contact_batch(added, getattr(merge, "fields", ()))},
        updates={"contacts": updates},
    ).get("contacts", [])
    for contact, new_id in zip(
        added, ids, strict=False
    ):  # the import's own objects: give them their ids in place
        contact.id = new_id
    contacts = [merged.get(c.id, c) for c in existing] + added
    return ImportReport(
        file=getattr(merge, "file", "") or _("the file"),
        added=len(merge.add),
        updated=len(merge.update),
        unchanged=len(merge.unchanged),
        skipped=list(merge.skipped),
        contacts=contacts,
    )


def context(ws, profile=None, objective=None) -> Context:
    """The context for classification and ranking, read from the workspace."""

    profile = profile or Profile.from_row(ws.get_row("profile"))
    objective = objective or Objective.from_row(ws.get_row("objective"))
    held = len(met_contacts(ws))
    return Context.build(profile, objective, load_organizations(ws), meetings_held=held)


def step_progress(
    orgs: list[Organization], contacts: int, targets_mix: Mix, plan
) -> list[tuple[str, bool]]:
    """Step 2's parts for the start page, each done or not."""
    active = [o for o in orgs if not o.archived]
    rated = [o for o in active if o.motivation]
    missing = missing_in_mix(plan, targets_mix)
    return [
        (_("At least {n} organizations on your long list").format(n=TOP), len(active) >= TOP),
        (
            _("Your organizations rated for motivation"),
            bool(active) and len(rated) == len(active),
        ),
        (_("Contacts imported or added"), contacts > 0),
        (
            _("{n} targets picked for your plan").format(n=plan.total),
            targets_mix.total >= plan.total > 0,
        ),
        (_("Targets that match your planned mix"), targets_mix.total > 0 and not missing),
    ]
