"""The synthetic demo persona (data/demo): a student changing fields, for trying the workbook.

Loading it (``apply_persona``) is one transaction that also records, in the ``meta`` table,
exactly which rows it added and which of the user's rows it changed (with their values before);
``remove_persona`` takes exactly that back, in one transaction, and nothing of the user's.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .clock import now_iso
from .exports import save_safety_copy
from .i18n import N_, _, ngettext
from .records import Objective, Profile
from .reminders import forget_people
from .schema import WorkspaceError
from .workspace import Workspace

DEMO_ENV_VAR = "INFOINT_DEMO_DIR"
DEMO_KEY = "demo.persona"  # the meta row recording what loading the demo added and changed
_TRACKED = ("profile", "objective", "organizations", "contacts")  # what loading it writes
_SINGLE_ROW = ("profile", "objective")  # step 1: one row each
_STAMPS = ("created_at", "updated_at")
# A workbook fact about one person is kept in ``meta`` under ``<area>.<name>.<contact id>`` (and
# maybe more parts): a draft's "To", a proposed meeting time, what was typed for a thank-you.
# Those of demo people go with them; tests/test_undo.py checks the key functions follow this.
CONTACT_META_PART = 2  # the key's part (split at dots) that holds the contact id


def demo_dir() -> Path:
    """The folder with the demo files.

    The one the environment variable names, else ``data/demo`` of this checkout.
    """
    env = os.environ.get(DEMO_ENV_VAR, "").strip()
    candidates = [Path(env)] if env else []
    candidates += [
        Path(__file__).resolve().parent.parent / "data" / "demo",
        Path.cwd().parent / "data" / "demo",
    ]
    for folder in candidates:
        if (folder / "persona.json").is_file():
            return folder
    raise WorkspaceError(
        _(
            "The demo files ({folder}) are not next to this copy of the workbook. "
            "Run the workbook from its full folder, or set {variable} to the demo folder."
        ).format(folder="data/demo", variable="INFOINT_DEMO_DIR")
    )


def load_persona(folder: Path | None = None) -> tuple[Profile, Objective]:
    """The demo's profile and objective (step 1)."""
    path = (folder or demo_dir()) / "persona.json"
    content = json.loads(path.read_text(encoding="utf-8"))
    objective = dict(content["objective"])
    row = {
        k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
        for k, v in objective.items()
    }
    return Profile.from_row(content["profile"]), Objective.from_row(row)


def has_user_data(ws: Workspace) -> bool:
    """True once anything was saved that loading the demo would replace."""
    return any(
        ws.query(f"SELECT 1 FROM {table} LIMIT 1")
        for table in ("profile", "objective", "organizations", "contacts")
    )


@dataclass(frozen=True)
class DemoReport:
    """What loading the demo did."""

    name: str
    safety_copy: Path | None


def apply_persona(ws: Workspace, folder: Path | None = None) -> DemoReport:
    """Put the demo persona into the workspace, after a safety copy of what was there.

    One transaction: step 1, the organizations and the connections (through the same import
    as a user's own files, so loading twice adds nothing) and the record of what it added and
    changed (``DEMO_KEY`` in ``meta``, what ``remove_persona`` reads), all of it or none.
    """
    from . import imports, organizations, tabular, targets  # lazy: only the demo needs step 2

    folder = folder or demo_dir()
    profile, objective = load_persona(folder)
    parsed = tabular.read_table((folder / "organizations.csv").read_bytes(), "organizations.csv")
    orgs = organizations.organizations_from_table(parsed.columns, parsed.rows)[0]
    plan = imports.read_contacts((folder / "Connections.csv").read_bytes(), "Connections.csv")
    safety = save_safety_copy(ws, "before-demo") if has_user_data(ws) else None
    with ws.transaction():
        before = {table: _snapshot(ws, table) for table in _TRACKED}
        ws.put_rows({"profile": profile.to_row(), "objective": objective.to_row()})
        organizations.merge_organizations(ws, orgs)
        existing = targets.load_contacts(ws)
        targets.apply_merge(ws, imports.plan_merge(existing, plan), existing)
        after = {table: _snapshot(ws, table) for table in _TRACKED}
        record = _combine(_read_record(ws), _diff(before, after), profile.name)
        # People made later with a higher id than this, referred by a demo person, are the demo's.
        record.setdefault("last_contact", max(after["contacts"][1], default=0))
        ws.set_meta(DEMO_KEY, json.dumps(record, ensure_ascii=False, sort_keys=True))
    return DemoReport(name=profile.name, safety_copy=safety)


@contextmanager
def recording(ws: Workspace) -> Iterator[None]:
    """What a page's demo run adds or changes inside is the demo's too: people and
    organizations it imports, step 1 as it types it, and the workbook facts it types (``meta``,
    such as the write-up's course). Removing the demo takes them out like what loading it
    added. A run that loads the demo itself (the start page's) records what it does after
    loading; without a demo in the workspace at the end nothing is recorded."""
    before = {table: _snapshot(ws, table) for table in _TRACKED}
    facts = _facts(ws)
    yield
    record = _read_record(ws)
    if record is None:  # no demo loaded (or the run removed it): nothing is the demo's
        return
    with ws.transaction():
        after = {table: _snapshot(ws, table) for table in _TRACKED}
        record = _combine(record, _diff(before, after), str(record.get("name", "")))
        held = record.setdefault("meta", {})
        for key, value in _facts(ws).items():
            if key != DEMO_KEY and facts.get(key) != value:
                earlier = held.get(key, {}).get("before", facts.get(key))
                held[key] = {"before": earlier, "after": value}
        ws.set_meta(DEMO_KEY, json.dumps(record, ensure_ascii=False, sort_keys=True))


def _facts(ws: Workspace) -> dict[str, str]:
    """The workbook facts (``meta``) by key."""
    return {r["key"]: r["value"] for r in ws.query("SELECT key, value FROM meta")}


def _snapshot(ws: Workspace, table: str) -> tuple[tuple[str, ...], dict[int, tuple]]:
    """A table's columns and its rows by id as value tuples, time stamps left out (tuples: a
    workbook of 30,000 people is read twice per load)."""
    columns = ("id", *(c for c in ws.columns(table) if c not in (*_STAMPS, "id")))
    return columns, {row[0]: row for row in ws.values(table, columns)}


def _diff(before: dict, after: dict) -> dict:
    """Per table, the rows loading added (as they then were) and the rows it changed (the
    changed columns' values before, and the whole row after), by id as text (JSON keys)."""
    out = {}
    for table, (columns, rows) in after.items():
        old = before[table][1]
        added, changed = {}, {}
        for i, values in rows.items():
            if i not in old:
                added[str(i)] = dict(zip(columns, values, strict=True))
            elif old[i] != values:
                changed[str(i)] = {
                    "before": {
                        c: o for c, o, v in zip(columns, old[i], values, strict=True) if o != v
                    },
                    "after": dict(zip(columns, values, strict=True)),
                }
        out[table] = {"added": added, "changed": changed}
    return out


def _combine(record: dict | None, diff: dict, name: str) -> dict:
    """The record after one more load: loading again over the demo adds to what it holds, and
    a row's values before the demo stay those from before the first load."""
    tables = (record or {}).get("tables", {})
    for table, now in diff.items():
        held = tables.setdefault(table, {"added": {}, "changed": {}})
        for i, row in now["added"].items():
            held["added"][i] = row
        for i, change in now["changed"].items():
            if i in held["added"]:
                held["added"][i] = change["after"]
            else:
                earlier = held["changed"].get(i, {}).get("before", {})
                held["changed"][i] = {
                    "before": {**change["before"], **earlier},
                    "after": change["after"],
                }
    out = {**(record or {}), "version": 1, "name": name, "tables": tables}
    out.setdefault("loaded_at", now_iso())
    return out


def _read_record(ws: Workspace) -> dict | None:
    raw = ws.get_meta(DEMO_KEY)
    try:
        record = json.loads(raw) if raw else None
    except ValueError:
        return None
    return record if isinstance(record, dict) and isinstance(record.get("tables"), dict) else None


@dataclass(frozen=True)
class DemoData:
    """What of the demo is in the workspace: its people and organizations, and its name."""

    name: str
    contacts: int
    organizations: int


def demo_data(ws: Workspace) -> DemoData | None:
    """The demo persona's rows still in the workspace, or None when it isn't loaded (or was
    removed, or a backup from before it was restored)."""
    record = _read_record(ws)
    if record is None:
        return None
    counts = {}
    for table in ("contacts", "organizations"):
        ids = [int(i) for i in record["tables"].get(table, {}).get("added", {})]
        counts[table] = ws.query(
            f"SELECT count(*) AS n FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )[0]["n"]
    return DemoData(str(record.get("name", "")), counts["contacts"], counts["organizations"])


@dataclass(frozen=True)
class DemoRemoval:
    """What removing the demo did: rows deleted per table, step 1's tables put back as they
    were before the demo, those kept because they were changed since, and the safety copy."""

    deleted: dict[str, int] = field(default_factory=dict)
    restored: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    safety_copy: Path | None = None

    @property
    def removed_anything(self) -> bool:
        return bool(self.deleted or self.restored)

    def summary(self) -> str:
        """What happened, in a few sentences for the page."""
        if not self.removed_anything:
            return _("There was no demo data to remove: nothing was changed.")
        people, orgs = self.deleted.get("contacts", 0), self.deleted.get("organizations", 0)
        others = sum(self.deleted.values()) - people - orgs
        others -= sum(self.deleted.get(t, 0) for t in _SINGLE_ROW)
        who = ngettext("{n} person", "{n} people", people).format(n=people)
        where = ngettext("{n} organization", "{n} organizations", orgs).format(n=orgs)
        if others:
            removed = ngettext(
                "The demo persona is removed: {people} and {organizations}, with {n} more thing "
                "done with them.",
                "The demo persona is removed: {people} and {organizations}, with {n} more things "
                "done with them.",
                others,
            )
        else:
            removed = _("The demo persona is removed: {people} and {organizations}.")
        parts = [removed.format(people=who, organizations=where, n=others)]
        step1 = [t for t in _SINGLE_ROW if t in self.restored]
        if step1:
            what = _("{first} and {second}") if len(step1) == 2 else "{first}"
            what = what.format(first=_(_WORDS[step1[0]]), second=_(_WORDS[step1[-1]]))
            parts.append(_("Step 1 ({what}) is back as before.").format(what=what))
        if [t for t in _SINGLE_ROW if t in self.kept]:
            parts.append(_("What you changed in step 1 after loading the demo stays as it is."))
        if {"organizations", "contacts"} & set(self.restored):
            parts.append(_("Your own entries that the demo had filled in are back as they were."))
        if self.safety_copy:
            parts.append(
                _("A copy of the workbook with the demo was saved to {copy}.").format(
                    copy=self.safety_copy
                )
            )
        return " ".join(parts)


_WORDS = {"profile": N_("your profile"), "objective": N_("your objectives")}


def remove_persona(ws: Workspace, safety_copy: bool = True) -> DemoRemoval:
    """Remove exactly what loading the demo added, and nothing of the user's, in one
    transaction (after a safety copy of the whole workbook, unless ``safety_copy`` is False).

    - The organizations and people the demo added go, even if you edited them since (they are
      still the demo's rows), with the people a demo person referred you to since (made-up
      too), and everything hanging off those people: their events, drafts, meetings,
      debriefs, action items and the workbook facts kept per person (what the calendar was
      sent about them stays, with no name, to be cancelled: ``reminders.forget_people``). A
      person of yours whom a demo person was noted as referring keeps everything but that
      note (``referred_by``).
    - Step 1 (the profile and the objective, each on its own) goes back to what it was before
      the demo, nothing if nothing was saved, but only if it still holds exactly the demo's
      values: once you changed it, it is yours and stays as it is.
    - An organization or person of yours that the demo's files filled in gets back its values
      from before the demo, unless you changed that row since (then it stays as it is).
    - What a page's demo run added or changed while ``recording`` (the people it imported,
      the facts it typed, such as the write-up's course) goes the same way; a fact you had
      before comes back, one you changed since stays yours.
    - Everything else stays exactly as it is: your own organizations and people, added before
      or after the demo, and everything on them.

    Removing again, or when the demo was never loaded, changes nothing.
    """
    record = _read_record(ws)
    if record is None:
        return DemoRemoval()
    safety = save_safety_copy(ws, "before-demo-removal") if safety_copy else None
    tables = record["tables"]
    deleted: dict[str, int] = {}
    restored, kept = [], []

    def count(table: str, n: int) -> None:
        if n:
            deleted[table] = deleted.get(table, 0) + n

    with ws.transaction():
        people = _demo_people(ws, record)
        meetings = [
            r["id"]
            for r in ws.query(
                "SELECT id FROM meetings WHERE contact_id IN (SELECT value FROM json_each(?))",
                (json.dumps(people),),
            )
        ]
        for table in ws.tables():
            columns = ws.columns(table)
            if table != "contacts" and "contact_id" in columns:
                count(table, ws.delete(table, "contact_id", people))
            if table != "meetings" and "meeting_id" in columns:
                count(table, ws.delete(table, "meeting_id", meetings))
        forget_people(ws, people)  # the calendar still cancels what it was sent about them
        count("meta", ws.delete("meta", "key", _contact_meta_keys(ws, people)))
        count("contacts", ws.delete("contacts", "id", people))
        gone = set(people)
        noted = [(i, {"referred_by": None}) for i, by, _ in _referrals(ws) if by in gone]
        ws.write(updates={"contacts": noted})
        orgs = [int(i) for i in tables.get("organizations", {}).get("added", {})]
        count("organizations", ws.delete("organizations", "id", orgs))
        for table in _SINGLE_ROW:
            for i, row in tables.get(table, {}).get("added", {}).items():
                if _unchanged(ws, table, i, row):
                    count(table, ws.delete(table, "id", [int(i)]))
                    restored.append(table)
                elif _row(ws, table, i) is not None:
                    kept.append(table)
        for table in _TRACKED:
            for i, change in tables.get(table, {}).get("changed", {}).items():
                if _unchanged(ws, table, i, change["after"]):
                    ws.write(updates={table: [(int(i), change["before"])]})
                    restored.append(table)
                elif _row(ws, table, i) is not None:
                    kept.append(table)
        for key, change in record.get("meta", {}).items():
            if ws.get_meta(key) == change["after"]:  # a fact typed since is yours: it stays
                if change["before"] is None:
                    count("meta", ws.delete("meta", "key", [key]))
                else:
                    ws.set_meta(key, change["before"])
        ws.delete("meta", "key", [DEMO_KEY])
    return DemoRemoval(deleted, tuple(dict.fromkeys(restored)), tuple(dict.fromkeys(kept)), safety)


def _row(ws: Workspace, table: str, row_id: str) -> dict | None:
    """One row as it is now, time stamps left out; None when it is gone."""
    rows = ws.rows(table, "id = ?", (int(row_id),))
    return {k: v for k, v in rows[0].items() if k not in _STAMPS} if rows else None


def _unchanged(ws: Workspace, table: str, row_id: str, row: dict) -> bool:
    """Whether the row still holds exactly what the demo left in it (time stamps aside)."""
    return _row(ws, table, row_id) == row


def _referrals(ws: Workspace) -> list[tuple[int, int | None, str]]:
    """Every contact's id, who referred them, and where they came from."""
    return [(int(i), by, source) for i, by, source in ws.values("contacts", _REFERRAL_COLUMNS)]


_REFERRAL_COLUMNS = ("id", "referred_by", "source")


def _demo_people(ws: Workspace, record: dict) -> list[int]:
    """The people the demo added, and those a demo person's referral made after it (and so
    on: a referral's referral). A person of yours matched by such a referral is not one."""
    people = {int(i) for i in record["tables"].get("contacts", {}).get("added", {})}
    last = int(record.get("last_contact") or 0)
    later = [(i, by) for i, by, source in _referrals(ws) if i > last and source == "referral"]
    grew = True
    while grew:
        found = {i for i, by in later if by in people} - people
        people |= found
        grew = bool(found)
    return sorted(people)


def _contact_meta_keys(ws: Workspace, people: list[int]) -> list[str]:
    """The ``meta`` keys holding facts about these people (``CONTACT_META_PART``)."""
    ids = {str(i) for i in people}
    keys = [r["key"] for r in ws.query("SELECT key FROM meta")]
    return [
        k
        for k in keys
        if len(k.split(".")) > CONTACT_META_PART and k.split(".")[CONTACT_META_PART] in ids
    ]
