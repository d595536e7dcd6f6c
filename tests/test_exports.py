"""The backup file: lossless round trip, safety copies, and clear refusals of anything else."""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_budget import examples

from infoint.exports import (
    BACKUP_FORMAT,
    MAX_BACKUP_BYTES,
    backup_bytes,
    backup_filename,
    read_backup,
    restore_backup,
)
from infoint.schema import SCHEMA_VERSION, WorkspaceError


def fill(w):
    w.put_rows(
        {
            "profile": {
                "name": "Ale$$andra <b>Bold</b>",
                "email": "a@example.org",
                "timezone": "Europe/Paris",
                "pitch": "=1+1",
            },
            "objective": {
                "kinds": '["role"]',
                "goals": '["Which skills a UX researcher needs day to day"]',
            },
        }
    )
    for i in range(50):
        w.append_event("tick", i, {"i": i, "text": "é\u0000\n<script>"})


def test_export_then_import_gives_back_the_same_data(ws, fresh):
    fill(ws)
    data = backup_bytes(ws)
    report = restore_backup(fresh, data, "backup.zip")
    assert fresh.dump() == ws.dump()
    assert report.rows["events"] == 50
    # and again from the restored copy: still identical
    assert read_backup(backup_bytes(fresh))["tables"] == read_backup(data)["tables"]


def test_backup_is_a_zip_with_json_and_readme(ws):
    fill(ws)
    with zipfile.ZipFile(io.BytesIO(backup_bytes(ws))) as zf:
        assert set(zf.namelist()) == {"workbook.json", "README.txt"}
        content = json.loads(zf.read("workbook.json"))
    assert content["format"] == BACKUP_FORMAT
    assert content["schema_version"] == SCHEMA_VERSION


def test_restore_saves_a_private_safety_copy_first(ws, fresh):
    fill(ws)
    fresh.put_row("profile", {"name": "Mine"})
    report = restore_backup(fresh, backup_bytes(ws))
    assert report.safety_copy.exists()
    assert stat.S_IMODE(os.stat(report.safety_copy).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(report.safety_copy.parent).st_mode) == 0o700
    assert read_backup(report.safety_copy.read_bytes())["tables"]["profile"]["rows"][0][1] == "Mine"


def test_bare_json_is_accepted(ws, fresh):
    fill(ws)
    with zipfile.ZipFile(io.BytesIO(backup_bytes(ws))) as zf:
        raw = zf.read("workbook.json")
    restore_backup(fresh, raw)
    assert fresh.get_row("profile")["name"] == "Ale$$andra <b>Bold</b>"


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "is empty"),
        (b"PK\x03\x04 broken", "damaged"),
        (zipped({"other.txt": b"x"}), "not a workbook backup"),
        (zipped({"workbook.json": b"{not json"}), "not a workbook backup"),
        (zipped({"workbook.json": b"\xff\xfe\x00"}), "not a workbook backup"),
        (
            json.dumps({"format": "something-else"}).encode(),
            "doesn't say it was made by this workbook",
        ),
        (b"[" * 100000 + b"]" * 100000, "not a workbook backup"),
        (b"First Name,Last Name\nA,B\n", "not a workbook backup"),
        (json.dumps({"format": BACKUP_FORMAT, "schema_version": 99, "tables": {}}).encode(), None),
    ],
)
def test_bad_files_are_refused_plainly(ws, data, message):
    fill(ws)
    before = ws.dump()
    with pytest.raises(WorkspaceError, match=message or "newer version"):
        restore_backup(ws, data, "upload.zip")
    assert ws.dump() == before


def test_zip_bomb_is_refused_without_unpacking(ws):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("workbook.json", b" " * (MAX_BACKUP_BYTES + 10))
    with pytest.raises(WorkspaceError, match="too large"):
        read_backup(buffer.getvalue())


def test_backup_filename_is_dated():
    from datetime import datetime

    assert backup_filename(datetime(2026, 3, 4, 5, 6)) == "infoint-backup-2026-03-04-0506.zip"


@settings(
    max_examples=examples(150),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    deadline=None,
)
@given(
    st.one_of(st.binary(max_size=2000), st.binary(max_size=200).map(lambda b: b"PK\x03\x04" + b))
)
def test_any_bytes_restore_or_refuse_cleanly(ws, data):
    before = ws.dump()
    try:
        restore_backup(ws, data)
    except WorkspaceError:
        assert ws.dump() == before
