"""The workspace's tables, how old files are brought forward, and how a dump is checked.

Ground floor, below ``workspace``. ``PRAGMA user_version`` counts the migrations applied: a
migration is never edited once released and never drops data, so an old file (or an old
backup, restored through a scratch copy) is migrated forward, never lost.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from .i18n import _


class WorkspaceError(Exception):
    """A problem with the workspace, worded for the user (what happened and what to do)."""


# Each migration is a list of statements run in one transaction. Never edit a released
# migration and never drop user data: add a new one instead.
MIGRATIONS: list[list[str]] = [
    # 1: step 1, the seeker's profile and objective.
    [
        """CREATE TABLE profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            timezone TEXT NOT NULL DEFAULT '',
            pitch TEXT NOT NULL DEFAULT '',
            updated_at TEXT)""",
        """CREATE TABLE objective (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            kinds TEXT NOT NULL DEFAULT '[]',
            field_of_interest TEXT NOT NULL DEFAULT '',
            roles TEXT NOT NULL DEFAULT '[]',
            organizations TEXT NOT NULL DEFAULT '[]',
            goals TEXT NOT NULL DEFAULT '[]',
            plan TEXT NOT NULL DEFAULT '{}',
            updated_at TEXT)""",
    ],
    # 2: workbook facts and the append-only event log the pipeline is derived from.
    [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            contact_id INTEGER,
            data TEXT NOT NULL DEFAULT '{}')""",
        "CREATE INDEX events_contact ON events (contact_id, at)",
    ],
    # 3: step 2, organizations and contacts. Empty text means "not set"; override columns
    # hold the user's choice over the derived classification.
    [
        "ALTER TABLE profile ADD COLUMN location TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE organizations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            industry TEXT NOT NULL DEFAULT '',
            size TEXT NOT NULL DEFAULT '',
            location TEXT NOT NULL DEFAULT '',
            website TEXT NOT NULL DEFAULT '',
            motivation INTEGER,
            postings INTEGER,
            advocacy INTEGER,
            notes TEXT NOT NULL DEFAULT '',
            archived INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        """CREATE TABLE contacts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            first_name TEXT NOT NULL DEFAULT '',
            last_name TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            profile_url TEXT NOT NULL DEFAULT '',
            organization TEXT NOT NULL DEFAULT '',
            position TEXT NOT NULL DEFAULT '',
            connected_on TEXT NOT NULL DEFAULT '',
            location TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            connection TEXT NOT NULL DEFAULT '',
            via TEXT NOT NULL DEFAULT '',
            warm_reason TEXT NOT NULL DEFAULT '',
            seniority TEXT NOT NULL DEFAULT '',
            years_in_industry REAL,
            focus TEXT NOT NULL DEFAULT '',
            local INTEGER,
            modes TEXT NOT NULL DEFAULT '',
            alt_titles TEXT NOT NULL DEFAULT '[]',
            notes TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            target INTEGER NOT NULL DEFAULT 0,
            referred_by INTEGER,
            archived INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
    ],
    # 4: step 3, the user's own edits of each draft (one per contact and kind).
    [
        """CREATE TABLE drafts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            contact_id INTEGER NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            forwardable TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (contact_id, kind))""",
    ],
    # 5: step 4, meetings (R8) with their prepared questions (Q1-Q4), and the user's own questions.
    [
        """CREATE TABLE meetings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            contact_id INTEGER NOT NULL,
            starts_at TEXT NOT NULL DEFAULT '',
            minutes INTEGER NOT NULL DEFAULT 30,
            mode TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            their_workplace INTEGER NOT NULL DEFAULT 0,
            recognise TEXT NOT NULL DEFAULT '',
            checklist TEXT NOT NULL DEFAULT '{}',
            research TEXT NOT NULL DEFAULT '{}',
            notes TEXT NOT NULL DEFAULT '',
            offer TEXT NOT NULL DEFAULT '',
            questions TEXT NOT NULL DEFAULT '[]',
            cancelled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        """CREATE TABLE custom_questions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            text TEXT NOT NULL,
            themes TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
    ],
    # 6: steps 5 and 6, debriefs (D1, D2, D5), action items (D4), and each contact's S4 cadence.
    [
        """CREATE TABLE debriefs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            meeting_id INTEGER NOT NULL UNIQUE,
            contact_id INTEGER NOT NULL,
            answers TEXT NOT NULL DEFAULT '{}',
            insights TEXT NOT NULL DEFAULT '',
            surprises TEXT NOT NULL DEFAULT '',
            reflection TEXT NOT NULL DEFAULT '{}',
            role_fit INTEGER,
            org_fit INTEGER,
            next_changes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        """CREATE TABLE action_items (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            meeting_id INTEGER,
            contact_id INTEGER,
            text TEXT NOT NULL,
            due TEXT NOT NULL DEFAULT '',
            done_at TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        "ALTER TABLE contacts ADD COLUMN cadence_days INTEGER",
    ],
    # 7: step 5, which learning goals (step 1, O2) a meeting's debrief answers (D2, D5): the
    # goal by its key (goals.goal_key) and its wording then; extent answered, partly or none.
    [
        """CREATE TABLE goal_links (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            meeting_id INTEGER NOT NULL,
            goal_key TEXT NOT NULL,
            goal TEXT NOT NULL DEFAULT '',
            extent TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (meeting_id, goal_key))""",
    ],
    # 8: the language a contact is written to ('' = the workbook's own, i18n.LANGUAGES) and the
    # time zone they read mail in ('' = guessed from their location, else unknown; R5).
    [
        "ALTER TABLE contacts ADD COLUMN language TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE contacts ADD COLUMN time_zone TEXT NOT NULL DEFAULT ''",
    ],
]


SCHEMA_VERSION = len(MIGRATIONS)


def quote_name(name: str) -> str:
    """An SQL identifier, quoted (table and column names never come from the user, but still)."""
    return '"' + name.replace('"', '""') + '"'


def user_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables holding user data, in creation order."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY rowid"
    ).fetchall()
    return [r[0] for r in rows]


def migrate_connection(conn: sqlite3.Connection, target: int) -> None:
    """Apply the migrations from the connection's version up to ``target``.

    The caller holds the transaction.
    """
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    for number in range(version + 1, target + 1):
        for statement in MIGRATIONS[number - 1]:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {number}")


def check_columns(table: str, cols: list[str], allowed: set[str]) -> None:
    """Refuse column names a table does not have (names are never bound, so they are checked)."""
    unknown = set(cols) - allowed
    if unknown:
        raise ValueError(f"{table} has no column(s) {sorted(unknown)}")


def validate_dump(content: Mapping[str, Any]) -> tuple[int, dict]:
    """The schema version and tables of a dump, or WorkspaceError saying what is wrong with it."""
    if not isinstance(content, Mapping):
        raise WorkspaceError(
            _("The backup's content is not what the workbook writes. Nothing was changed.")
        )
    version = content.get("schema_version")
    tables = content.get("tables")
    if (
        not isinstance(version, int)
        or isinstance(version, bool)
        or version < 1
        or not isinstance(tables, Mapping)
    ):
        raise WorkspaceError(
            _("The backup has no valid data version or tables. Nothing was changed.")
        )
    if version > SCHEMA_VERSION:
        raise WorkspaceError(
            _(
                "This backup was made by a newer version of the workbook (data version "
                "{version}; this one knows {known}). Update the workbook, then restore it. "
                "Nothing was changed."
            ).format(version=version, known=SCHEMA_VERSION)
        )
    return version, dict(tables)


def insert_block(conn: sqlite3.Connection, table: str, block: Any) -> None:
    """Insert one table's columns and rows of a dump into a scratch database."""
    known = set(user_tables(conn))
    if table not in known:
        raise WorkspaceError(
            _(
                "The backup has a table '{table}' this workbook does not know. Nothing was changed."
            ).format(table=table)
        )
    if (
        not isinstance(block, Mapping)
        or not isinstance(block.get("columns"), list)
        or not isinstance(block.get("rows"), list)
    ):
        raise WorkspaceError(
            _("The backup's table '{table}' is malformed. Nothing was changed.").format(table=table)
        )
    cols = block["columns"]
    have = {r[1] for r in conn.execute(f"PRAGMA table_info({quote_name(table)})")}
    if not cols or any(not isinstance(c, str) or c not in have for c in cols):
        raise WorkspaceError(
            _(
                "The backup's table '{table}' has columns this workbook does not know. "
                "Nothing was changed."
            ).format(table=table)
        )
    names = ", ".join(quote_name(c) for c in cols)
    marks = ", ".join("?" for _ in cols)
    for row in block["rows"]:
        if (
            not isinstance(row, list)
            or len(row) != len(cols)
            or any(
                not (v is None or isinstance(v, (str, int, float))) or isinstance(v, bool)
                for v in row
            )
        ):
            raise WorkspaceError(
                _(
                    "A row of the backup's table '{table}' is malformed. Nothing was changed."
                ).format(table=table)
            )
        conn.execute(f"INSERT INTO {quote_name(table)} ({names}) VALUES ({marks})", row)
