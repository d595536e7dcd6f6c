"""The informational interview workbook's helper package.

Logic lives in one module per step; ``infoint.ui`` holds the widgets (imported separately, so
that ``import infoint`` stays light and has no side effects).
"""

from .lazy import lazy_names

# Where each public name lives. Modules load on first use of one of their names (PEP 562), so
# opening one step's page loads only what that page needs, not every step's rules.
_PUBLIC = {
    "classification": ("Assessment", "Context", "classify", "mix_of"),
    "action_items": ("ActionItem",),
    "comparison": ("compare",),
    "coverage": ("CoverageSummary", "coverage_summary", "load_coverage", "set_link"),
    "debrief": ("Debrief",),
    "referrals": ("Referral", "referral_contacts"),
    "demo": ("apply_persona", "demo_dir", "load_persona"),
    "email_check": ("check_email",),
    "events": ("Event",),
    "exports": (
        "RestoreReport",
        "backup_bytes",
        "backup_filename",
        "eml_draft",
        "ics_calendar",
        "ics_event",
        "ics_reminders",
        "mailto_link",
        "read_backup",
        "restore_backup",
        "save_safety_copy",
    ),
    "goals": ("check_goal", "check_goals"),
    "imports": ("plan_merge", "read_contacts"),
    "capture": ("propose_contact", "save_capture"),
    "vcard": ("read_vcards", "vcard_bytes"),
    "meetings": ("Meeting",),
    "objectives": (
        "PitchStats",
        "check_kinds",
        "check_pitch",
        "check_plan",
        "check_profile",
        "objective_findings",
        "pitch_stats",
        "plan_mix",
        "step_progress",
        "suggest_plan",
    ),
    "outreach": ("compose", "suggested_kind"),
    "send_time": ("send_time_advice",),
    "pipeline": ("agenda", "next_actions", "response_stats"),
    "prep_sheet": ("prep_sheet_html", "prep_sheet_markdown"),
    "progress": ("StepStatus", "todays_agenda", "workbook_progress"),
    "sharing": ("LEVELS", "Outcomes", "initials", "meetings_held", "outcomes"),
    "card": ("card_bytes", "card_dict", "card_file", "card_filename"),
    "cohort": ("CardRefused", "cohort_figures", "read_card", "read_cards", "sample_cards"),
    "reminders": ("download_calendar", "due_events"),
    "reminders_week": ("week_draft",),
    "question_bank": ("load_bank",),
    "questions": ("propose",),
    "ranking": ("rank", "suggest_targets"),
    "records": (
        "Contact",
        "Draft",
        "Finding",
        "KINDS",
        "Objective",
        "Organization",
        "Plan",
        "Profile",
        "STEPS",
        "person_name",
    ),
    "request_check": ("check_request",),
    "safe": ("escape", "link", "safe_url"),
    "stages": ("Settings", "stage"),
    "tabular": ("ImportFailed", "read_table"),
    "stay_in_touch": ("next_update",),
    "thanks": ("compose_thanks", "thank_you", "thanks_due"),
    "thanks_check": ("check_thanks",),
    "writeup": ("held_meetings",),
    "writeup_files": ("writeup_document", "writeup_docx", "writeup_markdown"),
    "location": ("ENV_VAR", "default_path"),
    "schema": ("SCHEMA_VERSION", "WorkspaceError"),
    "workspace": ("Workspace",),
}
__version__ = "0.1.0"

__all__, __getattr__, __dir__ = lazy_names(__name__, globals(), _PUBLIC)
