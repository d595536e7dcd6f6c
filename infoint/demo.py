"""The synthetic demo persona (data/demo): a student changing fields, for trying the workbook."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .exports import save_safety_copy
from .records import Objective, Profile
from .schema import WorkspaceError
from .workspace import Workspace

DEMO_ENV_VAR = "INFOINT_DEMO_DIR"


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
        "The demo files (data/demo) are not next to this copy of the workbook. "
        "Run the workbook from its full folder, or set INFOINT_DEMO_DIR to the demo folder."
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

    Step 1 is written in one transaction; the organizations and connections go through the
    same import as a user's own files (each in one transaction), so loading twice adds nothing.
    """
    from . import imports, organizations, tabular, targets  # lazy: only the demo needs step 2

    folder = folder or demo_dir()
    profile, objective = load_persona(folder)
    safety = save_safety_copy(ws, "before-demo") if has_user_data(ws) else None
    ws.put_rows({"profile": profile.to_row(), "objective": objective.to_row()})
    parsed = tabular.read_table((folder / "organizations.csv").read_bytes(), "organizations.csv")
    organizations.merge_organizations(
        ws, organizations.organizations_from_table(parsed.columns, parsed.rows)[0]
    )
    plan = imports.read_contacts((folder / "Connections.csv").read_bytes(), "Connections.csv")
    existing = targets.load_contacts(ws)
    targets.apply_merge(ws, imports.plan_merge(existing, plan), existing)
    return DemoReport(name=profile.name, safety_copy=safety)
