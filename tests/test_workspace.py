"""The workspace: durability, concurrency, permissions, migrations, journal fallback,
dump/restore."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from infoint import location
from infoint import workspace as wsmod
from infoint.schema import SCHEMA_VERSION, WorkspaceError, migrate_connection
from infoint.workspace import Workspace, default_path, filesystem_type


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# -- location and permissions ---------------------------------------------------------------
def test_new_workspace_is_private(tmp_path):
    path = tmp_path / "new" / "deeper" / "ws.sqlite3"
    with Workspace.open(path) as w:
        w.put_row("profile", {"name": "Ada"})
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    for extra in ("-wal", "-shm"):
        side = Path(str(path) + extra)
        if side.exists():
            assert mode(side) & 0o077 == 0


def test_existing_loose_file_is_tightened(tmp_path):
    path = tmp_path / "ws.sqlite3"
    Workspace.open(path).close()
    os.chmod(path, 0o644)
    Workspace.open(path).close()
    assert mode(path) == 0o600


def test_default_path_honours_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(wsmod.ENV_VAR, str(tmp_path / "mine.sqlite3"))
    assert default_path() == tmp_path / "mine.sqlite3"


def test_default_path_is_under_home_not_repository(monkeypatch):
    monkeypatch.delenv(wsmod.ENV_VAR, raising=False)
    path = default_path()
    repo = Path(__file__).resolve().parent.parent
    assert str(path).startswith(str(Path.home()))
    assert repo not in path.parents
    assert path.name == location.FILE_NAME


def test_unwritable_location_gives_plain_message(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        if os.access(locked, os.W_OK):  # root ignores permissions; use a path under a file instead
            target = tmp_path / "afile"
            target.write_text("x")
            bad = target / "ws.sqlite3"
        else:
            bad = locked / "ws.sqlite3"
        with pytest.raises(WorkspaceError, match="can't create or open"):
            Workspace.open(bad)
    finally:
        os.chmod(locked, 0o700)


# -- integrity and versions ------------------------------------------------------------------
def test_damaged_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "ws.sqlite3"
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    with pytest.raises(WorkspaceError, match="damaged or is not a workbook file"):
        Workspace.open(path)
    assert path.read_bytes() == garbage


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "ws.sqlite3"
    Workspace.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(WorkspaceError, match="newer version"):
        Workspace.open(path)


def test_previous_schema_version_opens_and_migrates(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    migrate_connection(conn, SCHEMA_VERSION - 1)
    conn.execute("INSERT INTO profile (id, name, email) VALUES (1, 'Zoë <b>', 'zoe@example.org')")
    conn.execute("INSERT INTO objective (id, goals) VALUES (1, '[\"How teams hire\"]')")
    conn.execute("COMMIT")
    conn.close()
    with Workspace.open(path) as w:
        assert w.schema_version == SCHEMA_VERSION
        assert w.get_row("profile")["name"] == "Zoë <b>"
        assert w.get_row("objective")["goals"] == '["How teams hire"]'
        w.append_event("note", data={"ok": True})
        assert w.get_meta("created_at")


@pytest.mark.parametrize("start", range(0, SCHEMA_VERSION))
def test_every_version_migrates_to_current(tmp_path, start):
    path = tmp_path / "v.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    migrate_connection(conn, start)
    conn.execute("COMMIT")
    conn.close()
    with Workspace.open(path) as w:
        assert w.schema_version == SCHEMA_VERSION
        assert set(w.tables()) >= {"profile", "objective", "meta", "events"}


# -- basic reads and writes -----------------------------------------------------------------------
def test_put_row_keeps_other_columns(ws):
    ws.put_row("profile", {"name": "Ada", "email": "ada@example.org"})
    ws.put_row("profile", {"pitch": "Hello"})
    row = ws.get_row("profile")
    assert (row["name"], row["email"], row["pitch"]) == ("Ada", "ada@example.org", "Hello")
    assert row["updated_at"]


def test_put_row_rejects_unknown_columns(ws):
    with pytest.raises(ValueError):
        ws.put_row("profile", {"name; DROP TABLE profile": "x"})
    assert "profile" in ws.tables()


def test_put_rows_is_all_or_nothing(ws):
    with pytest.raises(ValueError):
        ws.put_rows({"profile": {"name": "Ada"}, "objective": {"nope": 1}})
    assert ws.get_row("profile") is None


def test_transaction_rolls_back_on_error(ws):
    with pytest.raises(RuntimeError):
        with ws.transaction() as tx:
            tx.execute("INSERT INTO meta (key, value) VALUES ('a', 'b')")
            raise RuntimeError("boom")
    assert ws.get_meta("a") is None


def test_events_are_appended_in_order_with_data(ws):
    ws.append_event(
        "request_sent",
        contact_id=7,
        data={"subject": "Hi $x <img src=x>"},
        at="2026-01-02T10:00:00+00:00",
    )
    ws.append_event("reply", contact_id=7, data={"answer": "yes"}, at="2026-01-03T10:00:00+00:00")
    ws.append_event("note", contact_id=8)
    events = ws.events(7)
    assert [e["kind"] for e in events] == ["request_sent", "reply"]
    assert events[0]["data"]["subject"] == "Hi $x <img src=x>"
    assert len(ws.events()) == 3


def test_closed_workspace_says_so(tmp_path):
    w = Workspace.open(tmp_path / "c.sqlite3")
    w.close()
    with pytest.raises(WorkspaceError, match="closed"):
        w.get_row("profile")


# -- journal modes ---------------------------------------------------------------------------------
def test_wal_is_the_default(ws):
    assert ws.journal_mode == "wal"
    assert ws.notice == ""


def test_rollback_journal_on_request(tmp_path):
    with Workspace.open(tmp_path / "r.sqlite3", journal="delete") as w:
        assert w.journal_mode == "delete"
        assert "rollback journal" in w.notice
        w.put_row("profile", {"name": "Ada"})
        assert w.get_row("profile")["name"] == "Ada"


def test_rollback_journal_on_network_file_system(tmp_path, monkeypatch):
    monkeypatch.setattr(wsmod, "filesystem_type", lambda path: "nfs4")
    with Workspace.open(tmp_path / "n.sqlite3") as w:
        assert w.journal_mode == "delete"
        assert "network file system (nfs4)" in w.notice


def test_rollback_journal_when_sqlite_refuses_wal(tmp_path, monkeypatch):
    # Where shared memory is unavailable, SQLite answers the WAL pragma with the old mode.
    real_connect = sqlite3.connect

    class NoWal(sqlite3.Connection):
        def execute(self, sql, *args):
            if sql.strip().upper() == "PRAGMA JOURNAL_MODE = WAL":
                return super().execute("PRAGMA journal_mode")
            return super().execute(sql, *args)

    monkeypatch.setattr(
        wsmod.sqlite3, "connect", lambda *a, **k: real_connect(*a, factory=NoWal, **k)
    )
    with Workspace.open(tmp_path / "s.sqlite3") as w:
        assert w.journal_mode == "delete"
        assert "could not use WAL" in w.notice


@pytest.mark.parametrize(
    "mounts, path, expected",
    [
        (
            "/dev/vda / ext4 rw 0 0\nserver:/home /home nfs4 rw 0 0\n",
            "/home/jovyan/ws.sqlite3",
            "nfs4",
        ),
        ("/dev/vda / ext4 rw 0 0\nserver:/home /home nfs4 rw 0 0\n", "/tmp/ws.sqlite3", "ext4"),
        (
            "/dev/vda / ext4 rw 0 0\n//srv/share /mnt/my\\040share cifs rw 0 0\n",
            "/mnt/my share/ws",
            "cifs",
        ),
        ("", "/tmp/x", ""),
        ("garbage\n", "/tmp/x", ""),
    ],
)
def test_filesystem_type(mounts, path, expected):
    assert filesystem_type(Path(path), mounts) == expected


# -- two processes, and a crash --------------------------------------------------------------------
WRITER = textwrap.dedent(
    """
    import sys
    from infoint.workspace import Workspace
    ws = Workspace.open(sys.argv[1])
    for i in range(int(sys.argv[2])):
        with ws.transaction() as tx:
            row = tx.execute("SELECT value FROM meta WHERE key = 'counter'").fetchone()
            value = int(row[0]) if row else 0
            tx.execute("INSERT INTO meta (key, value) VALUES ('counter', ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(value + 1),))
        ws.append_event("tick", data={"writer": sys.argv[3], "i": i})
    """
)


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_two_processes_lose_no_update(tmp_path, journal):
    path = tmp_path / "shared.sqlite3"
    Workspace.open(path, journal=journal).close()
    env = {**os.environ, "INFOINT_JOURNAL": journal}
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), "500", name], env=env)
        for name in ("a", "b")
    ]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    with Workspace.open(path, journal=journal) as w:
        assert w.get_meta("counter") == "1000"
        writers = [e["data"]["writer"] for e in w.events()]
        assert writers.count("a") == 500 and writers.count("b") == 500


CRASHER = textwrap.dedent(
    """
    import sys
    from infoint.workspace import Workspace
    ws = Workspace.open(sys.argv[1])
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        with ws.transaction() as tx:
            tx.execute("INSERT INTO events (at, kind, data) VALUES ('2026-01-01', 'tick', ?)",
                       ("x" * 2000,))
            n = tx.execute("SELECT count(*) FROM events").fetchone()[0]
            tx.execute("INSERT INTO meta (key, value) VALUES ('count', ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(n),))
    """
)


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.5])
def test_killed_writer_leaves_a_readable_consistent_workspace(tmp_path, delay):
    path = tmp_path / "crash.sqlite3"
    for _round in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", CRASHER, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        with Workspace.open(path) as w:  # the integrity check runs on open
            count = w.query("SELECT count(*) AS n FROM events")[0]["n"]
            assert count > 0
            assert w.get_meta("count") == str(count)


# -- dump and restore ------------------------------------------------------------------------------
def fill(w: Workspace) -> None:
    w.put_rows(
        {
            "profile": {
                "name": "Zoë <img src=x onerror=alert(1)>",
                "email": "z@example.org",
                "pitch": "$5M and $10M",
            },
            "objective": {"goals": '["=cmd|x", "naïve"]', "plan": '{"total": 4}'},
        }
    )
    w.append_event("request_sent", 3, {"text": "line1\nline2", "n": 1.5})
    w.set_meta("custom", "value")


def test_dump_restore_round_trip(tmp_path):
    with Workspace.open(tmp_path / "a.sqlite3") as a, Workspace.open(tmp_path / "b.sqlite3") as b:
        fill(a)
        b.put_row("profile", {"name": "someone else"})
        b.append_event("other")
        counts = b.restore(a.dump())
        assert counts["events"] == 1
        assert b.dump() == a.dump()


def test_restore_of_an_older_version_dump(tmp_path):
    old = {
        "schema_version": 1,
        "tables": {
            "profile": {
                "columns": ["id", "name", "email", "timezone", "pitch", "updated_at"],
                "rows": [[1, "Old", "o@example.org", "UTC", "", None]],
            }
        },
    }
    with Workspace.open(tmp_path / "c.sqlite3") as w:
        fill(w)
        w.restore(old)
        assert w.get_row("profile")["name"] == "Old"
        assert w.events() == []
        assert w.schema_version == SCHEMA_VERSION


@pytest.mark.parametrize(
    "content, message",
    [
        ([], "not what the workbook writes"),
        ({"tables": {}}, "no valid data version"),
        ({"schema_version": True, "tables": {}}, "no valid data version"),
        ({"schema_version": SCHEMA_VERSION + 1, "tables": {}}, "newer version"),
        (
            {"schema_version": 1, "tables": {"evil": {"columns": ["a"], "rows": []}}},
            "does not know",
        ),
        (
            {"schema_version": 1, "tables": {"profile": {"columns": ["id", "nope"], "rows": []}}},
            "columns",
        ),
        (
            {"schema_version": 1, "tables": {"profile": {"columns": ["id"], "rows": [[1, 2]]}}},
            "malformed",
        ),
        (
            {
                "schema_version": 1,
                "tables": {"profile": {"columns": ["id", "name"], "rows": [[1, {"x": 1}]]}},
            },
            "malformed",
        ),
        (
            {
                "schema_version": 1,
                "tables": {"profile": {"columns": ["id", "name"], "rows": [[1, "a"], [1, "b"]]}},
            },
            "could not be read back",
        ),
        ({"schema_version": 1, "tables": {"profile": "x"}}, "malformed"),
    ],
)
def test_bad_dumps_change_nothing(tmp_path, content, message):
    with Workspace.open(tmp_path / "d.sqlite3") as w:
        fill(w)
        before = w.dump()
        with pytest.raises(WorkspaceError, match=message):
            w.restore(content)
        assert w.dump() == before
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".restore-")] == []


# -- batch inserts ----------------------------------------------------------------------------
def test_batch_insert_gives_consecutive_ids_stamps_and_column_defaults(tmp_path):
    with Workspace.open(tmp_path / "ws.sqlite3") as w:
        first = w.write(inserts={"contacts": [{"first_name": "Before"}]})["contacts"]
        batch = wsmod.Batch(
            ("first_name", "notes"), [("A<b>", "=1+1"), ("B'); DROP TABLE contacts;--", "$x")]
        )
        ids = w.write(inserts={"contacts": batch})["contacts"]
        assert ids == [first[0] + 1, first[0] + 2]
        rows = w.rows("contacts", "id IN (?, ?)", tuple(ids))
    assert [(r["first_name"], r["notes"]) for r in rows] == [
        ("A<b>", "=1+1"),
        ("B'); DROP TABLE contacts;--", "$x"),
    ]
    assert all(
        r["created_at"] == r["updated_at"] and r["created_at"].startswith("20") for r in rows
    )
    assert all(
        (r["alt_titles"], r["target"], r["local"], r["email"]) == ("[]", 0, None, "") for r in rows
    )


def test_batch_with_an_unknown_column_writes_nothing(tmp_path):
    with Workspace.open(tmp_path / "ws.sqlite3") as w:
        with pytest.raises(ValueError, match="no_such_column"):
            w.write(
                inserts={"contacts": wsmod.Batch(("first_name", "no_such_column"), [("A", "x")])}
            )
        assert w.rows("contacts") == []
