"""Where the workspace file lives, and what holds it.

Ground floor, below ``workspace``. The default is a per-user data folder outside the
repository, so updating the notebooks (git pull, nbgitpuller) never touches the user's data;
the folder is created 0700 and the file 0600 before SQLite opens it. A network file system is
recognised so the workspace can avoid WAL there.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "INFOINT_WORKSPACE"


FILE_NAME = "workspace.sqlite3"


# File systems where SQLite's WAL (shared memory between processes) is unsafe.
NETWORK_FILESYSTEMS = frozenset(
    "nfs nfs4 cifs smb3 smbfs afs 9p fuse.sshfs fuse.s3fs lustre gpfs ceph".split()
)


def default_path() -> Path:
    """Where the workspace lives unless told otherwise: the environment variable, else a
    per-user data folder outside the repository, so updating the notebooks never touches it."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("infoint", appauthor=False)) / FILE_NAME


def filesystem_type(path: Path, mounts_text: str | None = None) -> str:
    """The file system type holding ``path`` according to /proc/mounts ('' if unknown)."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
    target = str(Path(path).resolve())
    best, best_type = -1, ""
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > best:
            best, best_type = len(mount_point), parts[2]
    return best_type


def prepare_location(path: Path) -> None:
    """Create the folder (0700) and file (0600) before SQLite does, so nobody else can read them."""
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True, mode=0o700)
            os.chmod(folder, 0o700)
        except FileExistsError:  # another kernel created it a moment ago
            pass
    if not path.exists():
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            pass
    try:
        os.chmod(path, 0o600)
    except OSError:  # not ours to change (a read-only share): SQLite will say so if it matters
        pass
