"""The one door to the user's data: a single SQLite file.

Why SQLite: two notebooks (two kernels) may be open at once, a kernel may be killed
mid-write, and the workbook gets updated under the user. WAL plus ``BEGIN IMMEDIATE``
transactions with a busy timeout make concurrent writers wait instead of losing updates;
``PRAGMA user_version`` migrations upgrade old files without dropping data.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import schema
from .clock import now_iso
from .i18n import _
from .location import ENV_VAR, NETWORK_FILESYSTEMS, default_path, filesystem_type, prepare_location
from .schema import SCHEMA_VERSION, WorkspaceError, quote_name

JOURNAL_ENV_VAR = "INFOINT_JOURNAL"
BUSY_TIMEOUT_S = 15.0


@dataclass(frozen=True)
class Batch:
    """Many rows of one table as value tuples in the order of ``columns``.

    What a bulk import writes: binding only the columns that hold something, from tuples,
    costs a fraction of one dict per row with every column.
    """

    columns: tuple[str, ...]
    values: list[tuple]


@dataclass
class Workspace:
    """An open workspace. Reads run in autocommit; every write goes through ``transaction()``."""

    path: Path
    journal_mode: str = "wal"
    notice: str = ""  # why the rollback journal is in use, shown on the start page
    _conn: sqlite3.Connection | None = field(default=None, repr=False)
    _depth: int = field(default=0, repr=False)  # open transactions: 0, 1, or nested savepoints
    _say_notice: Any = field(default=None, repr=False)  # ``notice`` in the language in use

    # -- opening -----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike | None = None, journal: str | None = None) -> Workspace:
        """Open (creating if needed), check integrity and migrate to the current schema."""
        target = Path(path).expanduser() if path else default_path()
        try:
            prepare_location(target)
            conn = sqlite3.connect(
                target, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as exc:
            raise WorkspaceError(
                _(
                    "The workbook can't create or open its data file at {path} ({error}). "
                    "Choose a folder you can write to with the {variable} environment variable "
                    "or the notebooks' workspace parameter."
                ).format(path=target, error=exc, variable=ENV_VAR)
            ) from exc
        conn.row_factory = sqlite3.Row
        ws = cls(path=target, _conn=conn)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            ws._check_integrity()
            ws._set_journal(journal or os.environ.get(JOURNAL_ENV_VAR, ""))
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            ws._migrate()
        except Exception:
            conn.close()
            raise
        return ws

    def _check_integrity(self) -> None:
        try:
            result = self.conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            result = str(exc)
        if result != "ok":
            raise WorkspaceError(
                _(
                    "The workspace file at {path} is damaged or is not a workbook file "
                    "(SQLite says: {result}). Nothing was changed. Move it aside and restore your "
                    "last backup from the start page, or point the workbook at another file."
                ).format(path=self.path, result=result)
            )

    def _set_journal(self, requested: str) -> None:
        requested = requested.strip().lower()
        fs = filesystem_type(self.path)
        wal_answer = ""
        if requested not in ("delete", "rollback") and fs not in NETWORK_FILESYSTEMS:
            wal_answer = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower()
            if wal_answer == "wal":
                self.journal_mode, self.notice, self._say_notice = "wal", "", None
                return

        def reason() -> str:
            if requested in ("delete", "rollback"):
                return _("the rollback journal was requested")
            if fs in NETWORK_FILESYSTEMS:
                return _(
                    "the workspace is on a network file system ({fs}), where WAL is unsafe"
                ).format(fs=fs)
            return _("SQLite could not use WAL here (it answered '{mode}')").format(mode=wal_answer)

        try:
            mode = self.conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0].lower()
        except sqlite3.OperationalError:  # another notebook has it open in WAL: it can't switch
            mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0].lower()
        self.journal_mode = mode

        def say() -> str:
            if mode == "wal":
                return _(
                    "The rollback journal was wanted because {reason}, "
                    "but another notebook has the workbook open. "
                    "It stays in WAL mode until every notebook using it is closed; "
                    "your data is safe either way."
                ).format(reason=reason())
            return _(
                "Using SQLite's rollback journal because {reason}. Your data is safe; "
                "two notebooks writing at the same moment just wait a little longer for each other."
            ).format(reason=reason())

        self.notice, self._say_notice = say(), say

    def notice_now(self) -> str:
        """``notice`` in the language in use now (chosen, maybe, after the workspace opened)."""
        return self._say_notice() if self._say_notice is not None else self.notice

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise WorkspaceError(
                _(
                    "The workspace at {path} was written by a newer version of the workbook "
                    "(data version {version}, this one knows {known}). Update the workbook; "
                    "nothing was changed."
                ).format(path=self.path, version=version, known=SCHEMA_VERSION)
            )
        if version == SCHEMA_VERSION:
            return
        with self.transaction() as tx:
            schema.migrate_connection(tx, SCHEMA_VERSION)
            if not tx.execute("SELECT 1 FROM meta WHERE key = 'created_at'").fetchone():
                tx.execute("INSERT INTO meta (key, value) VALUES ('created_at', ?)", (now_iso(),))

    # -- basics ----------------------------------------------------------------------------------
    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise WorkspaceError(_("This workspace has been closed; open it again."))
        return self._conn

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def change_signal(self) -> tuple[int, int]:
        """A pair that changes whenever anything was written: SQLite's ``data_version`` (moves
        when another connection, in this kernel or another, commits) and this connection's own
        ``total_changes``. Two cheap reads, no table touched: what live views poll."""
        conn = self.conn
        return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes

    def close(self) -> None:
        """Close the connection (the data is already on disk: every write commits)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: ``BEGIN IMMEDIATE`` takes the write lock up front, so a
        read-modify-write in another kernel waits rather than overwriting this one.

        Transactions nest: inside another one this is a savepoint, so an action can call
        another action and the whole stays one transaction (all of it or none of it).
        """
        conn = self.conn
        if self._depth:
            name = f"infoint_{self._depth}"
            conn.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield conn
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                raise
            finally:
                self._depth -= 1
            conn.execute(f"RELEASE {name}")
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise WorkspaceError(
                _(
                    "The workbook is busy ({error}): another notebook kept it locked for too "
                    "long. Nothing was lost; try again."
                ).format(error=exc)
            ) from exc
        self._depth = 1
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0
        try:
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            conn.execute("ROLLBACK")
            raise WorkspaceError(
                _(
                    "The change could not be saved ({error}). Nothing was changed; try again."
                ).format(error=exc)
            ) from exc

    def query(self, sql: str, params: tuple | Mapping = ()) -> list[dict]:
        """Rows of a read-only query as plain dicts."""
        cursor = self.conn.cursor()
        cursor.row_factory = None  # plain tuples zipped with the names: much faster for 30,000 rows
        cursor.execute(sql, params)
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def columns(self, table: str) -> list[str]:
        """The columns of a table of the current schema."""
        return [row["name"] for row in self.conn.execute(f"PRAGMA table_info({quote_name(table)})")]

    def tables(self) -> list[str]:
        """The user's tables (SQLite's own bookkeeping tables excluded)."""
        return schema.user_tables(self.conn)

    # -- single-row tables (profile, objective) -------------------------------------------------
    def get_row(self, table: str) -> dict | None:
        """The one row of a single-row table, or None when nothing was saved yet."""
        rows = self.query(f"SELECT * FROM {quote_name(table)} WHERE id = 1")
        return rows[0] if rows else None

    def put_row(self, table: str, values: Mapping[str, Any]) -> None:
        """Save the given columns of a single-row table; other columns keep their values."""
        self.put_rows({table: values})

    def put_rows(self, tables: Mapping[str, Mapping[str, Any]]) -> None:
        """Save single-row tables together in one transaction (all of them or none)."""
        statements = []
        for table, values in tables.items():
            allowed = set(self.columns(table)) - {"id"}
            unknown = set(values) - allowed
            if not allowed or unknown:
                raise ValueError(f"{table} has no column(s) {sorted(unknown) or 'at all'}")
            cols = [c for c in values if c != "updated_at"] + ["updated_at"]
            params = [values[c] for c in cols[:-1]] + [now_iso()]
            names = ", ".join(quote_name(c) for c in cols)
            marks = ", ".join("?" for _ in cols)
            updates = ", ".join(f"{quote_name(c)} = excluded.{quote_name(c)}" for c in cols)
            statements.append(
                (
                    f"INSERT INTO {quote_name(table)} (id, {names}) VALUES (1, {marks}) "
                    f"ON CONFLICT(id) DO UPDATE SET {updates}",
                    params,
                )
            )
        with self.transaction() as tx:
            for sql, params in statements:
                tx.execute(sql, params)

    # -- many-row tables (organizations, contacts, ...) ------------------------------------------
    def write(
        self,
        inserts: Mapping[str, list[Mapping[str, Any]] | Batch] | None = None,
        updates: Mapping[str, list[tuple[int, Mapping[str, Any]]]] | None = None,
    ) -> dict[str, list[int]]:
        """Insert and update rows of several tables in ONE transaction: all of it or nothing.

        Timestamps are set here. Returns the new ids per table, in the order given. A table's
        inserts are a list of mappings (column -> value) or, for many rows, a ``Batch``.
        """
        stamp = now_iso()
        new_ids: dict[str, list[int]] = {}
        with self.transaction() as tx:
            for table, rows in (inserts or {}).items():
                allowed = set(self.columns(table))
                ids = new_ids.setdefault(table, [])
                if isinstance(rows, Batch):
                    groups = [(rows.columns, rows.values)]
                else:
                    by_shape: dict[tuple[str, ...], list[Mapping[str, Any]]] = {}
                    for row in rows:
                        by_shape.setdefault(tuple(row), []).append(row)
                    groups = [
                        (shape, [[row[c] for c in shape] for row in group])
                        for shape, group in by_shape.items()
                    ]
                for shape, values in groups:
                    if not values:
                        continue
                    if {"id", "created_at", "updated_at"} & set(shape):
                        keep = [
                            i
                            for i, c in enumerate(shape)
                            if c not in ("id", "created_at", "updated_at")
                        ]
                        shape, values = (
                            [shape[i] for i in keep],
                            [[row[i] for i in keep] for row in values],
                        )
                    cols = list(shape)
                    schema.check_columns(table, cols, allowed)
                    extra = [c for c in ("created_at", "updated_at") if c in allowed]
                    names = ", ".join(quote_name(c) for c in cols + extra)
                    # The time stamp is ours (digits, "-", ":", "+", "T"): written into the SQL
                    # once, not bound per row.
                    marks = ", ".join(["?"] * len(cols) + [f"'{stamp}'"] * len(extra))
                    sql = f"INSERT INTO {quote_name(table)} ({names}) VALUES ({marks})"
                    tx.executemany(sql, values)
                    # The write lock is held, so the new rowids are consecutive up to the last one.
                    last = int(tx.execute("SELECT last_insert_rowid()").fetchone()[0])
                    ids.extend(range(last - len(values) + 1, last + 1))
            for table, changes in (updates or {}).items():
                allowed = set(self.columns(table))
                for row_id, values in changes:
                    cols = [c for c in values if c not in ("id", "created_at", "updated_at")]
                    schema.check_columns(table, cols, allowed)
                    if "updated_at" in allowed:
                        cols_sql = [f"{quote_name(c)} = ?" for c in cols] + ["updated_at = ?"]
                        params = [values[c] for c in cols] + [stamp, row_id]
                    else:
                        cols_sql, params = (
                            [f"{quote_name(c)} = ?" for c in cols],
                            [values[c] for c in cols] + [row_id],
                        )
                    if cols_sql:
                        tx.execute(
                            f"UPDATE {quote_name(table)} SET {', '.join(cols_sql)} WHERE id = ?",
                            params,
                        )
        return new_ids

    def save(self, table: str, row_id: int | None, values: Mapping[str, Any]) -> int:
        """Insert a new row (``row_id`` None) or update row ``row_id``; returns the row's id."""
        if row_id is None:
            return self.write(inserts={table: [values]})[table][0]
        self.write(updates={table: [(row_id, values)]})
        return row_id

    def delete(self, table: str, column: str, values) -> int:
        """Delete the rows of ``table`` whose ``column`` holds one of ``values``, in one
        transaction (inside another: part of it); returns how many went. Only removing the demo
        persona deletes: otherwise records are archived and the event log only grows."""
        schema.check_columns(table, [column], set(self.columns(table)))
        values = list(values)
        if not values:
            return 0
        with self.transaction() as tx:
            cursor = tx.execute(
                f"DELETE FROM {quote_name(table)} WHERE {quote_name(column)} IN "
                "(SELECT value FROM json_each(?))",
                (json.dumps(values),),
            )
            return int(cursor.rowcount)

    def rows(self, table: str, where: str = "", params: tuple | Mapping = ()) -> list[dict]:
        """Every row of a table (optionally filtered by a fixed SQL condition), by id."""
        condition = f" WHERE {where}" if where else ""
        return self.query(f"SELECT * FROM {quote_name(table)}{condition} ORDER BY id", params)

    def values(self, table: str, columns: tuple[str, ...] | list[str]) -> list[tuple]:
        """Every row's values for the given columns, by id: for tens of thousands of rows,
        tuples cost a fraction of one dict per row."""
        schema.check_columns(table, list(columns), set(self.columns(table)))
        cursor = self.conn.cursor()
        cursor.row_factory = None
        names = ", ".join(quote_name(c) for c in columns)
        return cursor.execute(f"SELECT {names} FROM {quote_name(table)} ORDER BY id").fetchall()

    # -- facts and the event log ---------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        """A stored workbook fact (text)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        """Store a workbook fact (text)."""
        with self.transaction() as tx:
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def append_event(
        self,
        kind: str,
        contact_id: int | None = None,
        data: Mapping[str, Any] | None = None,
        at: str | None = None,
    ) -> int:
        """Add one event to the append-only log; stages and agendas are derived from it."""
        with self.transaction() as tx:
            cur = tx.execute(
                "INSERT INTO events (at, kind, contact_id, data) VALUES (?, ?, ?, ?)",
                (
                    at or now_iso(),
                    kind,
                    contact_id,
                    json.dumps(dict(data or {}), ensure_ascii=False),
                ),
            )
            return int(cur.lastrowid)

    def events(self, contact_id: int | None = None) -> list[dict]:
        """Events in the order they happened (optionally of one contact), data decoded."""
        where, params = (
            ("WHERE contact_id = ?", (contact_id,)) if contact_id is not None else ("", ())
        )
        rows = self.query(f"SELECT * FROM events {where} ORDER BY at, id", params)
        for row in rows:
            row["data"] = json.loads(row["data"] or "{}")
        return rows

    # -- whole-workbook dump and restore (the backup file is built in exports.py) ---------------
    def dump(self) -> dict:
        """Every user table as columns and rows: the lossless content of a backup."""
        tables = {}
        for table in self.tables():
            cols = self.columns(table)
            rows = self.conn.execute(f"SELECT * FROM {quote_name(table)} ORDER BY rowid").fetchall()
            tables[table] = {"columns": cols, "rows": [list(r) for r in rows]}
        return {"schema_version": self.schema_version, "tables": tables}

    def restore(self, content: Mapping[str, Any]) -> dict[str, int]:
        """Replace everything with a dump (of this or an older schema version) in one transaction.

        The dump is first loaded into a scratch database at its own version and migrated
        forward, so an old backup restores into a newer workbook. Returns rows per table.
        """
        version, tables = schema.validate_dump(content)
        # The scratch copy lives in memory: a restore killed midway leaves no copy of the data on
        # disk.
        scratch = sqlite3.connect(":memory:", isolation_level=None)
        try:
            try:
                scratch.execute("BEGIN")
                schema.migrate_connection(scratch, version)
                for table, block in tables.items():
                    schema.insert_block(scratch, table, block)
                schema.migrate_connection(scratch, SCHEMA_VERSION)
                scratch.execute("COMMIT")
            except sqlite3.Error as exc:
                raise WorkspaceError(
                    _("The backup could not be read back: {error}. Nothing was changed.").format(
                        error=exc
                    )
                ) from exc
            return self._replace_from(scratch)
        finally:
            scratch.close()

    def _replace_from(self, source: sqlite3.Connection) -> dict[str, int]:
        counts = {}
        with self.transaction() as tx:
            for table in self.tables():
                cols = self.columns(table)
                names = ", ".join(quote_name(c) for c in cols)
                rows = source.execute(
                    f"SELECT {names} FROM {quote_name(table)} ORDER BY rowid"
                ).fetchall()
                tx.execute(f"DELETE FROM main.{quote_name(table)}")
                tx.executemany(
                    f"INSERT INTO main.{quote_name(table)} ({names}) "
                    f"VALUES ({', '.join('?' for _ in cols)})",
                    rows,
                )
                counts[table] = len(rows)
        return counts
