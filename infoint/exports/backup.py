"""The whole-workbook backup: a ZIP file made, read back and restored, with a safety copy first.

A backup is a ZIP holding ``workbook.json`` (every table, lossless) and a short README,
because a ZIP opens on every computer and compresses a 30,000-contact workbook well below
the browser upload limit. A ZIP bomb, a damaged file or someone else's ZIP is refused with a
plain-language ``WorkspaceError``; nothing is replaced before a safety copy is saved.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..clock import now_iso
from ..i18n import N_, _
from ..workspace import Workspace, WorkspaceError

BACKUP_FORMAT = "infoint-workbook-backup"
BACKUP_MEMBER = "workbook.json"
MAX_BACKUP_BYTES = 200 * 1024 * 1024  # uncompressed; a zip bomb is refused, not unpacked

_README = N_("""This file is a backup of your informational interview workbook.
Keep it somewhere safe. To restore it, open the workbook's start page and use
"Restore from a backup". The data is in workbook.json; nothing in it is encrypted,
so treat it like any private document.
""")


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did, for the confirmation message."""

    rows: dict[str, int]
    exported_at: str
    safety_copy: Path | None


def backup_filename(when: datetime | None = None) -> str:
    """A dated file name the user will recognise in their downloads folder."""
    return f"infoint-backup-{(when or datetime.now()).strftime('%Y-%m-%d-%H%M')}.zip"


def backup_bytes(ws: Workspace) -> bytes:
    """The whole workbook as one ZIP file's bytes."""
    content = {"format": BACKUP_FORMAT, "exported_at": now_iso(), **ws.dump()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(BACKUP_MEMBER, json.dumps(content, ensure_ascii=False, indent=1))
        zf.writestr("README.txt", _(_README))
    return buffer.getvalue()


def read_backup(data: bytes, name: str = "") -> dict[str, Any]:
    """Parse a backup (a ZIP, or its bare workbook.json), or raise a plain-language
    ``WorkspaceError``."""
    name = name or _("the file")
    if not data:
        raise WorkspaceError(
            _("{name} is empty. Choose the .zip file the workbook downloaded.").format(name=name)
        )
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                try:
                    info = zf.getinfo(BACKUP_MEMBER)
                except KeyError:
                    raise WorkspaceError(
                        _(
                            "{name} is a ZIP file but not a workbook backup (it has no {member})."
                        ).format(name=name, member=BACKUP_MEMBER)
                    ) from None
                if info.file_size > MAX_BACKUP_BYTES:
                    raise WorkspaceError(
                        _("{name} is too large to be a workbook backup.").format(name=name)
                    )
                with zf.open(info) as member:
                    raw = member.read(MAX_BACKUP_BYTES + 1)
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            OSError,
            EOFError,
            NotImplementedError,
        ) as exc:
            raise WorkspaceError(
                _("{name} is damaged and can't be opened as a ZIP file ({error}).").format(
                    name=name, error=exc
                )
            ) from exc
        if len(raw) > MAX_BACKUP_BYTES:
            raise WorkspaceError(
                _("{name} is too large to be a workbook backup.").format(name=name)
            )
    elif len(data) > MAX_BACKUP_BYTES:
        raise WorkspaceError(_("{name} is too large to be a workbook backup.").format(name=name))
    else:
        raw = data
    try:
        content = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise WorkspaceError(
            _("{name} is not a workbook backup (its content is not the workbook's format).").format(
                name=name
            )
        ) from None
    if not isinstance(content, dict) or content.get("format") != BACKUP_FORMAT:
        raise WorkspaceError(
            _(
                "{name} is not a workbook backup (it doesn't say it was made by this workbook)."
            ).format(name=name)
        )
    return content


def restore_backup(ws: Workspace, data: bytes, name: str = "") -> RestoreReport:
    """Restore a backup over the workspace, after saving the current state beside it.

    The safety copy means a restore of the wrong file never loses anything.
    """
    content = read_backup(data, name)
    safety = save_safety_copy(ws, "before-restore")
    rows = ws.restore(content)
    return RestoreReport(
        rows=rows, exported_at=str(content.get("exported_at", "")), safety_copy=safety
    )


def save_safety_copy(ws: Workspace, reason: str) -> Path:
    """Save a backup beside the workspace (in ``backups/``) before anything replaces its data."""
    folder = ws.path.parent / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / f"{reason}-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}.zip"
    _write_private(path, backup_bytes(ws))
    return path


def _write_private(path: Path, data: bytes) -> None:
    """Write a file only its owner can read (0600)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
