"""Every file that leaves the workbook, one module per format.

- ``backup``: the whole-workbook backup (a ZIP), read back and restored after a safety copy;
- ``mail``: unsent .eml drafts and mailto: links, their headers cleaned of injected lines;
- ``calendar``: .ics reminders and meetings for the user's own calendar;
- ``tables``: the contacts as CSV and XLSX, no cell ever a formula;
- ``document``: a plain document as a Word file (.docx), its text in plain runs only.

Mail drafts, calendar files and spreadsheets carry untrusted text (names, subjects, notes from
imported files) into formats where a line break can add a recipient or an event, and a cell a
formula; the rules of docs/security.md "Untrusted text" are applied there. Nothing is sent: the
user's own mail client, calendar and spreadsheet open these files. ``icalendar`` and ``openpyxl``
are imported only when a calendar or an XLSX file is made.

Every public name is also here (``exports.table_csv``, ``from infoint.exports import
eml_draft``); its module loads on first use (PEP 562), so a backup doesn't load the mail code.
"""

from ..lazy import lazy_names

# Where each public name lives, by module of this package.
_PUBLIC = {
    "backup": (
        "BACKUP_FORMAT",
        "BACKUP_MEMBER",
        "MAX_BACKUP_BYTES",
        "RestoreReport",
        "backup_bytes",
        "backup_filename",
        "read_backup",
        "restore_backup",
        "save_safety_copy",
    ),
    "mail": (
        "MAILTO_MAX_LENGTH",
        "MAILTO_SHORTENED_NOTE",
        "MAIL_DOMAIN",
        "MAX_DISPLAY_NAME",
        "MAX_SUBJECT",
        "clean_address",
        "clean_header",
        "eml_draft",
        "eml_filename",
        "mailto_link",
    ),
    # Reminder is defined with the event log; it is here too as what ``ics_reminders`` takes.
    "calendar": (
        "CalendarEntry",
        "Reminder",
        "calendar_uid",
        "ics_calendar",
        "ics_event",
        "ics_reminders",
    ),
    "document": ("Block", "DOCX_MIME", "Document", "Part", "docx_bytes", "visible_text"),
    "tables": (
        "CONTACT_COLUMNS",
        "FORMULA_PREFIXES",
        "XLSX_MAX_CELL",
        "contacts_table",
        "export_filename",
        "neutralise_cell",
        "table_csv",
        "table_xlsx",
        "xlsx_text",
    ),
}
__all__, __getattr__, __dir__ = lazy_names(__name__, globals(), _PUBLIC)
