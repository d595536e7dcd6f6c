"""One action, one transaction: a process killed in the middle of an action that writes
several rows leaves the workspace holding all of it or none of it.

Each action runs in a forked child whose connection kills the process right after its k-th
write statement (k = 1, 2, ... up to the action's last write); the parent then opens the file
and compares it, time stamps aside, with the workspace before and after a complete run.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
from datetime import UTC, datetime

import pytest

from infoint import demo, exports, imports, meetings_log, outreach_log, referrals, thanks_log, undo
from infoint import meetings as mt
from infoint import targets as tg
from infoint.objectives import save_objectives
from infoint.organizations import load_organizations, save_organization, set_archived
from infoint.records import Contact, Objective, Organization, Profile
from infoint.workspace import Workspace

AT = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
CSV = (
    b"First Name,Last Name,Company,Position,Email Address\n"
    b"Ana,Lima,Northwind,Researcher,ana@example.org\n"
    b"Ben,Ode,Contoso,Designer,\n"
    b"Amara,Okafor,Northwind,Lead researcher,amara@example.org\n"
)


class _Counting:
    """A connection that counts its write statements and, if told, dies after the k-th."""

    def __init__(self, conn, kill_after: int | None):
        self._conn, self._kill_after, self.writes = conn, kill_after, 0

    def _count(self, sql: str) -> None:
        if sql.lstrip().upper().startswith(WRITES):
            self.writes += 1
            if self.writes == self._kill_after:
                os.kill(os.getpid(), signal.SIGKILL)

    def execute(self, sql, *args):
        result = self._conn.execute(sql, *args)
        self._count(sql)
        return result

    def executemany(self, sql, *args):
        result = self._conn.executemany(sql, *args)
        self._count(sql)
        return result

    def __getattr__(self, name):
        return getattr(self._conn, name)


def _open(path, kill_after=None) -> tuple[Workspace, _Counting]:
    ws = Workspace.open(path)
    counting = _Counting(ws._conn, kill_after)
    ws._conn = counting
    return ws, counting


# -- the actions, each on a workspace that holds Amara, met once, with a meeting booked ----------
def _setup(ws) -> None:
    amara = Contact(first_name="Amara", last_name="Okafor", organization="Northwind")
    amara.id = tg.save_contact(ws, amara)
    save_organization(ws, Organization(name="Northwind"))
    meeting = mt.Meeting(contact_id=amara.id, starts_at=AT.isoformat(), minutes=30)
    meetings_log.book_meeting(ws, meeting, at=AT)


def _amara(ws) -> Contact:
    return next(c for c in tg.load_contacts(ws) if c.first_name == "Amara")


def _meeting(ws) -> mt.Meeting:
    return mt.load_meetings(ws)[-1]


ACTIONS = {
    "save step 1": lambda ws: save_objectives(
        ws, Profile(name="Leela Rao", email="leela@example.org"), Objective(goals=["What skills"])
    ),
    "log a sent request": lambda ws: outreach_log.log_sent(
        ws, _amara(ws), "request_direct", "Hello", "A short request", at=AT
    ),
    "book a meeting": lambda ws: meetings_log.book_meeting(
        ws, mt.Meeting(contact_id=_amara(ws).id, starts_at="2026-04-01T10:00", minutes=20), at=AT
    ),
    "move a meeting": lambda ws: meetings_log.book_meeting(ws, _moved(_meeting(ws)), at=AT),
    "cancel a meeting": lambda ws: meetings_log.cancel_meeting(ws, _meeting(ws), at=AT),
    "record a referral": lambda ws: referrals.record_referral(
        ws,
        referrals.Referral(first_name="Jo", last_name="Park", organization="Contoso"),
        _amara(ws),
    ),
    "log a thank-you": lambda ws: thanks_log.log_note_sent(
        ws, _amara(ws).id, "thanks", "Thank you", "It was kind of you.", at=AT
    ),
    "archive an organization": lambda ws: set_archived(ws, load_organizations(ws)[0].id),
    "import a contact list": lambda ws: _import(ws),
    "restore a backup": lambda ws: exports.restore_backup(ws, _backup(), "backup.zip"),
    "load the demo persona": lambda ws: demo.apply_persona(ws),
    "remove the demo persona": lambda ws: demo.remove_persona(ws),
    "undo a restore": lambda ws: undo.restored(ws, _SAFETY[-1], "backup.zip").run(),
}


def _demo_in_use(ws) -> None:
    """The demo loaded over Amara, with a request to one of its people and a meeting booked."""
    demo.apply_persona(ws)
    rosa = next(c for c in tg.load_contacts(ws) if c.first_name == "Rosa")
    outreach_log.log_sent(ws, rosa, "request_direct", "Hello", "A short request", at=AT)
    meetings_log.book_meeting(ws, mt.Meeting(contact_id=rosa.id, starts_at=AT.isoformat()), at=AT)


_SAFETY: list = []  # the safety copy of the restore an "undo a restore" takes back

# What some actions need before them, beyond _setup.
PREPARE = {
    "remove the demo persona": _demo_in_use,
    "undo a restore": lambda ws: _SAFETY.append(
        exports.restore_backup(ws, _backup(), "backup.zip").safety_copy
    ),
}


def _moved(meeting: mt.Meeting) -> mt.Meeting:
    meeting.starts_at = "2026-04-02T10:00"
    return meeting


def _import(ws) -> None:
    existing = tg.load_contacts(ws)
    tg.apply_merge(ws, imports.plan_merge(existing, imports.read_contacts(CSV, "c.csv")), existing)


_BACKUP: list[bytes] = []


def _backup() -> bytes:
    """A backup of a different workbook: two people, one organization, a saved step 1."""
    return _BACKUP[0]


@pytest.fixture(scope="module", autouse=True)
def other_backup(tmp_path_factory):
    ws = Workspace.open(tmp_path_factory.mktemp("other") / "workspace.sqlite3")
    for first in ("Rosa", "Tariq"):
        tg.save_contact(ws, Contact(first_name=first, last_name="Diaz", organization="Fabrikam"))
    save_objectives(ws, Profile(name="Someone Else"), Objective(goals=["The hiring process"]))
    _BACKUP.append(exports.backup_bytes(ws))
    ws.close()
    yield
    _BACKUP.clear()


def _content(path) -> dict:
    """Every table's rows without time stamps (a later run writes other ones)."""
    ws = Workspace.open(path)
    try:
        tables = ws.dump()["tables"]
    finally:
        ws.close()
    out = {}
    for table, block in tables.items():
        keep = [i for i, c in enumerate(block["columns"]) if c not in ("created_at", "updated_at")]
        rows = [[row[i] for i in keep] for row in block["rows"]]
        if table == "meta":
            rows = [r for r in rows if r[0] != "created_at"]
        out[table] = rows
    return out


def _copy(src, dst) -> None:
    dst.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    shutil.copy2(src, dst)


def _child(path, action, kill_after) -> None:
    ws, _ = _open(path, kill_after)
    ACTIONS[action](ws)
    os._exit(0)  # the kill comes before this for every k up to the action's writes


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_killed_mid_action_leaves_all_or_nothing(tmp_path, action):
    base = tmp_path / "base" / "workspace.sqlite3"
    ws = Workspace.open(base)
    _setup(ws)
    PREPARE.get(action, lambda ws: None)(ws)
    ws.close()
    before = _content(base)

    full = tmp_path / "full" / "workspace.sqlite3"
    _copy(base, full)
    ws, counting = _open(full)
    ACTIONS[action](ws)
    ws.close()
    after = _content(full)
    assert after != before, "the action changed nothing: the test would prove nothing"
    assert counting.writes >= 1, f"{action} wrote nothing through the connection"

    fork = multiprocessing.get_context("fork")
    for k in range(1, counting.writes + 1):
        path = tmp_path / f"kill-{k}" / "workspace.sqlite3"
        _copy(base, path)
        child = fork.Process(target=_child, args=(path, action, k))
        child.start()
        child.join(60)
        assert child.exitcode == -signal.SIGKILL, f"{action}: the child was not killed at {k}"
        state = _content(path)
        assert state in (before, after), f"{action}: killed after write {k}, half of it is there"
        assert state == before, f"{action}: killed before its commit, yet something was kept"


def test_transactions_nest(ws):
    """An action inside an action: the inner one is a savepoint of the outer transaction."""
    with ws.transaction():
        ws.set_meta("outer", "1")
        with pytest.raises(ValueError), ws.transaction():
            ws.set_meta("inner", "1")
            raise ValueError("the inner action fails")
        ws.set_meta("after", "1")
    assert (ws.get_meta("outer"), ws.get_meta("inner"), ws.get_meta("after")) == ("1", None, "1")

    with pytest.raises(RuntimeError), ws.transaction():
        ws.set_meta("kept", "no")
        with ws.transaction():
            ws.set_meta("nested", "no")
        raise RuntimeError("the outer action fails after the inner one finished")
    assert (ws.get_meta("kept"), ws.get_meta("nested")) == (None, None)
    assert not ws.conn.in_transaction
