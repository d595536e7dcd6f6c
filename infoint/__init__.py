"""The informational interview workbook's helper package.

Logic lives in one module per step; ``infoint.ui`` holds the widgets (imported separately, so
that ``import infoint`` stays light and has no side effects).
"""

from .demo import apply_persona, demo_dir, load_persona
from .exports import RestoreReport, backup_bytes, backup_filename, read_backup, restore_backup, save_safety_copy
from .objectives import (
    KINDS,
    Finding,
    Objective,
    PitchStats,
    Plan,
    Profile,
    check_email,
    check_goal,
    check_goals,
    check_kinds,
    check_pitch,
    check_plan,
    check_profile,
    objective_findings,
    pitch_stats,
    plan_mix,
    step_progress,
    suggest_plan,
)
from .progress import STEPS, StepStatus, workbook_progress
from .safe import escape, link, safe_url
from .workspace import ENV_VAR, SCHEMA_VERSION, Workspace, WorkspaceError, default_path

__version__ = "0.1.0"

__all__ = [
    "ENV_VAR",
    "KINDS",
    "SCHEMA_VERSION",
    "STEPS",
    "Finding",
    "Objective",
    "PitchStats",
    "Plan",
    "Profile",
    "RestoreReport",
    "StepStatus",
    "Workspace",
    "WorkspaceError",
    "apply_persona",
    "backup_bytes",
    "backup_filename",
    "check_email",
    "check_goal",
    "check_goals",
    "check_kinds",
    "check_pitch",
    "check_plan",
    "check_profile",
    "default_path",
    "demo_dir",
    "escape",
    "link",
    "load_persona",
    "objective_findings",
    "pitch_stats",
    "plan_mix",
    "read_backup",
    "restore_backup",
    "safe_url",
    "save_safety_copy",
    "step_progress",
    "suggest_plan",
    "workbook_progress",
]
