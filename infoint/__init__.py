"""The informational interview workbook's helper package.

Logic lives in one module per step; ``infoint.ui`` holds the widgets (imported separately, so
that ``import infoint`` stays light and has no side effects).
"""

from .debrief import ActionItem, Debrief, Referral, compare, referral_contacts
from .demo import apply_persona, demo_dir, load_persona
from .exports import (
    RestoreReport,
    backup_bytes,
    backup_filename,
    eml_draft,
    ics_event,
    ics_reminders,
    mailto_link,
    read_backup,
    restore_backup,
    save_safety_copy,
)
from .imports import ImportFailed, plan_merge, read_contacts, read_table
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
from .outreach import Draft, check_request, compose, send_time_advice, suggested_kind
from .pipeline import Event, Settings, agenda, next_actions, response_stats, stage
from .progress import STEPS, StepStatus, todays_agenda, workbook_progress
from .questions import Meeting, load_bank, prep_sheet_html, prep_sheet_markdown, propose
from .safe import escape, link, safe_url
from .targets import Assessment, Contact, Context, Organization, classify, mix_of, rank, suggest_targets
from .thanks import check_thanks, compose_thanks, next_update, thanks_due
from .workspace import ENV_VAR, SCHEMA_VERSION, Workspace, WorkspaceError, default_path

__version__ = "0.1.0"

__all__ = [
    "ActionItem",
    "Assessment",
    "Contact",
    "Context",
    "Debrief",
    "Draft",
    "ENV_VAR",
    "Event",
    "Finding",
    "ImportFailed",
    "KINDS",
    "Meeting",
    "Objective",
    "Organization",
    "PitchStats",
    "Plan",
    "Profile",
    "Referral",
    "RestoreReport",
    "SCHEMA_VERSION",
    "STEPS",
    "Settings",
    "StepStatus",
    "Workspace",
    "WorkspaceError",
    "agenda",
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
    "check_request",
    "check_thanks",
    "classify",
    "compare",
    "compose",
    "compose_thanks",
    "default_path",
    "demo_dir",
    "eml_draft",
    "escape",
    "ics_event",
    "ics_reminders",
    "link",
    "load_bank",
    "load_persona",
    "mailto_link",
    "mix_of",
    "next_actions",
    "next_update",
    "objective_findings",
    "pitch_stats",
    "plan_merge",
    "plan_mix",
    "prep_sheet_html",
    "prep_sheet_markdown",
    "propose",
    "rank",
    "read_backup",
    "read_contacts",
    "read_table",
    "referral_contacts",
    "response_stats",
    "restore_backup",
    "safe_url",
    "save_safety_copy",
    "send_time_advice",
    "stage",
    "step_progress",
    "suggest_plan",
    "suggest_targets",
    "suggested_kind",
    "thanks_due",
    "todays_agenda",
    "workbook_progress",
]
