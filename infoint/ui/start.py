"""The start page: where the data lives, progress, backup and restore, and the demo persona."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets

from .. import i18n
from .. import undo as undoing
from ..clock import zone
from ..coverage import coverage_summary
from ..exports import backup_bytes, backup_filename, read_backup, restore_backup
from ..i18n import N_, _, ngettext
from ..progress import STEPS, pipeline_settings
from ..records import STEP_BY_KEY
from ..records import STEPS as ALL_STEPS
from ..safe import escape
from ..schema import WorkspaceError
from ..workspace import Workspace
from .demo_loader import DemoLoader
from .details import Details
from .download import DownloadButton
from .feedback import STYLE, labelled_table, message_html
from .page import Page
from .reminders import ReminderDownloads
from .section import section
from .session import on_binder
from .sharing import ReportSharing
from .snapshot import agenda_now, progress_now
from .undo import UndoButton

UPLOAD_LIMIT_MB = 10
_KEY_OF_NOTEBOOK = {s.notebook: s.key for s in ALL_STEPS}


def notebook_link(step_key: str, contact_id: int | None = None) -> str:
    """Where a step's link points in the notebooks: that step's notebook, beside this one
    (a notebook opens on its own first person, so ``contact_id`` is not part of it)."""
    return STEP_BY_KEY[step_key].notebook


def language_picker(ws, css: str) -> widgets.Dropdown:
    """The labelled choice of the workbook's language (English, Español, 简体中文: each in its
    own language), showing the one chosen for ``ws``; the caller observes its ``value`` (a
    language code)."""
    picker = widgets.Dropdown(
        options=[(name, code) for code, name in i18n.LANGUAGE_NAMES.items()],
        value=i18n.chosen_language(ws),
        description=_("Language"),
        style={"description_width": "initial"},
        layout=widgets.Layout(width="auto"),
    )
    picker.add_class("ii-language")
    picker.add_class(css)
    return picker


def _norms(ws) -> widgets.Widget:
    """The short guide to networking norms (``ui/norms.py``), in the language in use."""
    from .norms import norms_section  # lazy: the guide's text loads when the page is built

    return norms_section(ws)


def _when(moment) -> str:
    """A due time in the agenda: "Tue 10 Mar, 09:00" ("martes 10 de marzo, 09:00",
    "3月10日周二 09:00")."""
    code = i18n.language()
    if code in _AGENDA_TIME:
        return i18n.format_datetime(moment, _AGENDA_TIME[code])
    return moment.strftime("%a %d %b, %H:%M")


_AGENDA_TIME = {"es": "EEEE d 'de' MMMM, HH:mm", "zh": "M月d日EEE HH:mm"}


def _auto() -> widgets.Layout:
    return widgets.Layout(width="auto")


def _html(value: str = "", css: str = "") -> widgets.HTML:
    w = widgets.HTML(value=value)
    if css:
        w.add_class(css)
    return w


class StartPage(Page):
    """The views of 00_start_here; each method returns one section's widget.

    ``link_for(step_key)`` is where a link to a step points: its notebook (the default), or
    ``#<key>`` inside the one-page app."""

    # The sections in the order the notebook shows them, each with its heading in the app
    # (tests/test_hygiene.py: the notebook calls exactly these, in this order).
    SECTIONS = (
        ("today", N_("What to do today")),
        ("reminders", N_("Reminders in your calendar and mail")),
        ("where", N_("Where your data lives")),
        ("progress", N_("Your progress")),
        ("backup", N_("Keep a copy: download and restore")),
        ("report", N_("A report for an advising appointment")),
        ("demo_loader", N_("Try it with a demo persona")),
    )

    def __init__(
        self,
        ws: Workspace,
        link_for: Callable[..., str] = notebook_link,
        on_language: Callable[[str], None] | None = None,
    ):
        self.ws = ws
        self.link_for = link_for
        # the workbook's language: in the app the whole app speaks it at once (``on_language``);
        # in a notebook, from the next page opened
        self.on_language = on_language
        self.language = language_picker(ws, "ii-start-language")
        self.language.observe(self._on_language, names="value")
        self.language_status = _html(css="ii-start-language-status")
        # progress and today's agenda
        self.progress_html = _html(css="ii-start-progress")
        self.agenda_html = _html(css="ii-start-agenda")
        self.reminder_part = ReminderDownloads(self)  # the calendar file and my week's draft
        # backup
        self.download = DownloadButton(
            _("Download my whole workbook"),
            self._backup_file,
            on_error=self._download_failed,
            button_style="primary",
        )
        self.download.add_class("ii-start-download")
        self.upload = widgets.FileUpload(
            accept=".zip,.json",
            multiple=False,
            description=_("Choose a backup file"),
            tooltip=_("Upload a workbook backup (.zip) that you downloaded earlier"),
            layout=_auto(),
        )
        self.upload.add_class("ii-start-upload")
        self.upload.observe(self._on_upload, names="value")
        self.restore_path = widgets.Text(
            description=_("Or the backup's path on the computer running the workbook"),
            placeholder=_("for example {path}").format(
                path="~/Downloads/infoint-backup-2026-01-31-0930.zip"
            ),
            style={"description_width": "initial"},
            layout=widgets.Layout(width="90%"),
        )
        self.restore_path.add_class("ii-start-restore-path")
        self.check_path_button = widgets.Button(description=_("Read that file"), layout=_auto())
        self.check_path_button.add_class("ii-start-restore-read")
        self.check_path_button.on_click(self._on_path)
        # Shown only once a backup file was chosen and read (nothing to replace it with before).
        self.restore_button = widgets.Button(
            description=_("Replace my workbook with this backup"),
            button_style="danger",
            disabled=True,
            layout=widgets.Layout(width="auto", display="none"),
        )
        self.restore_button.add_class("ii-start-restore")
        self.restore_button.on_click(self._on_restore)
        self.backup_status = _html(css="ii-start-backup-status")
        self.restore_undo = UndoButton("ii-start-restore-undo", self.backup_status, self.refresh)
        self._pending: tuple[str, bytes] | None = None
        # the advisor report at three levels, and the workshop card (ui/sharing.py)
        self.sharing = ReportSharing(ws)
        self.report_level, self.report_scope = self.sharing.level, self.sharing.scope
        self.report_button, self.report_status = self.sharing.button, self.sharing.status
        self.card_button = self.sharing.card_button
        # the demo persona: load, remove, undo (ui/demo_loader.py)
        self.demo_part = DemoLoader(self)
        self.demo_button = self.demo_part.demo_button
        self.demo_confirm = self.demo_part.demo_confirm
        self.demo_remove, self.demo_remove_confirm = (
            self.demo_part.remove_button,
            self.demo_part.remove_confirm,
        )
        self.demo_status, self.demo_undo = self.demo_part.demo_status, self.demo_part.undo
        self.refresh()

    def run_demo(self) -> None:
        """As a person would: click "Load the demo persona" (and confirm), then download the
        reminders, the counts-only report and the workshop card."""
        self.demo_button.click()
        if self.demo_confirm.layout.display != "none":
            self.demo_confirm.click()
        self.reminder_part.run_demo()
        self.sharing.run_demo()

    # -- sections ------------------------------------------------------------------------------
    @section
    def where(self) -> widgets.VBox:
        """Where the data lives, what stays private, and the Binder warning."""
        parts = [STYLE]
        saved = _(
            "Your workbook is saved in one file on this computer: {path}. "
            "Nothing you type is sent anywhere; the workbook never uses the internet."
        )
        path = f'<code class="ii-start-path">{escape(self.ws.path)}</code>'
        parts.append(f"<p>{escape(saved).replace('{path}', path)}</p>")
        if self.ws.notice:
            parts.append(message_html(self.ws.notice_now(), "note"))
        if on_binder():
            parts.append(
                message_html(
                    _(
                        "You are on Binder, a free temporary computer in the cloud. "
                        "Everything here, your workbook included, is deleted when the session "
                        "ends (after about 10 minutes without activity, or when you close the "
                        "tab). Download your workbook before you leave, and restore it next time."
                    ),
                    "warning",
                )
            )
        return _html("".join(parts), "ii-start-where")

    @section
    def progress(self) -> widgets.VBox:
        """The six steps with what is done in each, and links to them."""
        return widgets.VBox([self.progress_html])  # live: no refresh button (ui/live.py)

    @section
    def today(self) -> widgets.VBox:
        """What to do today: every due and overdue action, soonest first, with the step for it.

        The workbook's language is chosen here (the start page's first section), and the short
        guide to networking norms waits here, folded, for whoever is new to this."""
        guide = Details(
            _("New to informational interviews? Read this first"),
            [_norms(self.ws)],
            "ii-start-norms",
        )
        return widgets.VBox(
            [widgets.HBox([self.language]), self.language_status, guide, self.agenda_html]
        )

    @section
    def reminders(self) -> widgets.VBox:
        """Everything due, in your calendar and your mail (ui/reminders.py)."""
        return self.reminder_part.widgets()

    @section
    def backup(self) -> widgets.VBox:
        """Download everything as one file; restore it later (here or on another computer)."""
        words = escape(
            _(
                "{download} saves your whole workbook as one .zip file. {restore} puts a "
                "downloaded workbook back; what is here now is saved to a safety copy first, "
                "so nothing is lost."
            )
        )
        download, restore = escape(_("Download")), escape(_("Restore"))
        words = words.replace("{download}", f"<strong>{download}</strong>")
        words = words.replace("{restore}", f"<strong>{restore}</strong>")
        intro = _html(f"<p>{words}</p>")
        return widgets.VBox(
            [
                intro,
                self.download,
                self.upload,
                Details(
                    _("Restore from a path on this computer instead"),
                    [
                        _html(
                            '<p class="ii-muted">'
                            + escape(
                                _(
                                    "Files above {size} MB can't be uploaded in the browser: "
                                    "give their path instead."
                                ).format(size=UPLOAD_LIMIT_MB)
                            )
                            + "</p>"
                        ),
                        widgets.HBox([self.restore_path, self.check_path_button]),
                    ],
                    "ii-start-restore-by-path",
                ),
                self.restore_undo.row(),
                self.restore_button,
            ]
        )

    @section
    def report(self) -> widgets.VBox:
        """A code-free page for an advising appointment (counts only, or more), and a card."""
        return self.sharing.widgets()

    @section
    def demo_loader(self) -> widgets.VBox:
        """The demo persona, for trying things out, and removing it again."""
        return self.demo_part.widgets()

    # -- behaviour ------------------------------------------------------------------------------
    def live_refresh(self) -> None:
        """Progress and today's agenda follow changes made anywhere (an open preview too)."""
        self.refresh()
        self.sharing.live_refresh()

    def refresh(self) -> None:
        """Recompute progress and the agenda from the workspace.

        Another notebook may have changed it.
        """
        self.demo_part.refresh()
        self.agenda_html.value = self._agenda_html()
        rows = []
        for step in progress_now(self.ws):
            href = self.link_for(_KEY_OF_NOTEBOOK[step.notebook])
            title = _("Step {number}: {title}").format(number=step.number, title=_(step.title))
            name = f'<a href="{escape(href)}">{escape(title)}</a>'
            if step.built:
                parts = ", ".join(
                    f"{'&#10003;' if ok else '&#9675;'} {escape(p)}" for p, ok in step.parts
                )
                detail = f"{escape(step.summary)}<br><span class='ii-muted'>{parts}</span>"
            else:
                detail = f"<span class='ii-muted'>{escape(step.summary)}</span>"
            rows.append(f"<tr><th scope='row'>{name}</th><td>{detail}</td></tr>")
        caption = escape(_("Your progress ({done} done, {todo} still to do)"))
        caption = caption.replace("{done}", "&#10003;").replace("{todo}", "&#9675;")
        step_word, where_word = escape(_("Step")), escape(_("Where you are"))
        table = STYLE + labelled_table(
            f"<table class='ii-table ii-progress'><caption>{caption}</caption>"
            f"<thead><tr><th scope='col'>{step_word}</th>"
            f"<th scope='col'>{where_word}</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        self.progress_html.value = table + self._goals_html()

    def _goals_html(self) -> str:
        """D5.1-D5.3 in one line: how many learning goals your meetings answered."""
        line = coverage_summary(self.ws).line
        href = escape(self.link_for("debrief"))
        label = escape(_("Your learning goals:"))
        link = escape(_("See which ones in step 5"))
        return (
            f"<p class='ii-start-goals'><strong>{label}</strong> {escape(line)} "
            f'<a href="{href}">{link}</a>.</p>'
        )

    def _agenda_html(self) -> str:
        tz = zone(pipeline_settings(self.ws).tz)
        titles = {
            notebook: _("Step {number}").format(number=number) for number, _t, notebook in STEPS
        }
        items = agenda_now(self.ws)
        if not items:
            nothing = _(
                "Nothing is due today. When you send requests and meet people, "
                "what to do next shows up here."
            )
            return STYLE + f"<p>{escape(nothing)}</p>"
        lines = []
        for item in items:
            when = escape(_when(item.due.astimezone(tz)))
            if item.overdue:
                status = escape(_("{overdue} since {when}")).replace("{when}", when)
                overdue = escape(_("Overdue"))
                status = status.replace("{overdue}", f"<strong>{overdue}</strong>")
            else:
                status = escape(_("Due {when}")).replace("{when}", when)
            key = _KEY_OF_NOTEBOOK.get(item.step)
            name = titles.get(item.step) or _("Open the step")
            step = (
                f'<a href="{escape(self.link_for(key, item.contact_id) if key else item.step)}">'
                f"{escape(name)}</a>"
            )
            lines.append(f"<li>{status}: {escape(item.text)} ({step})</li>")
        return STYLE + f"<ol class='ii-agenda'>{''.join(lines)}</ol>"

    def _backup_file(self) -> tuple[str, str, bytes]:
        data = backup_bytes(self.ws)
        self.backup_status.value = message_html(
            _(
                "Your workbook was prepared for download ({size} KB). Keep the file somewhere safe."
            ).format(size=len(data) // 1024 + 1),
            "ok",
        )
        return backup_filename(), "application/zip", data

    def _download_failed(self, exc: Exception) -> None:
        self.backup_status.value = message_html(
            _("The download could not be prepared: {error}").format(error=exc), "warning"
        )

    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0]
        self._check_backup(str(item.get("name", _("the file"))), bytes(item["content"]))

    def _on_path(self, _click=None) -> None:
        raw = self.restore_path.value.strip()
        if not raw:
            self.backup_status.value = message_html(
                _("Type the path of a backup file first."), "warning"
            )
            return
        path = Path(raw).expanduser()
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.backup_status.value = message_html(
                _("Could not read {path}: {error}.").format(path=raw, error=exc.strerror or exc),
                "warning",
            )
            return
        self._check_backup(path.name, data)

    def _show_restore(self, ready: bool) -> None:
        """The destructive button appears only while a checked backup waits to be restored."""
        self.restore_button.disabled = not ready
        self.restore_button.layout.display = None if ready else "none"

    def _check_backup(self, name: str, data: bytes) -> None:
        self._pending = None
        self._show_restore(False)
        try:
            content = read_backup(data, name)
        except WorkspaceError as exc:
            self.backup_status.value = message_html(
                _("{error} Your workbook was not changed.").format(error=exc), "warning"
            )
            return
        counts = {
            t: len(b.get("rows", []))
            for t, b in content.get("tables", {}).items()
            if isinstance(b, dict)
        }
        summary = _(", ").join(
            ngettext("{table}: {n} row", "{table}: {n} rows", n).format(table=t, n=n)
            for t, n in counts.items()
        )
        self._pending = (name, data)
        self._show_restore(True)
        made = content.get("exported_at") or _("at an unknown time")
        self.backup_status.value = message_html(
            _(
                "{name} is a workbook backup made {made} ({summary}). "
                "Press the red button below, Replace my workbook with this backup, to use it; "
                "a safety copy of the current one is saved first."
            ).format(name=name, made=made, summary=summary),
            "note",
        )

    def _on_restore(self, _click=None) -> None:
        if self._pending is None:
            self.backup_status.value = message_html(_("Choose a backup file first."), "warning")
            return
        name, data = self._pending
        try:
            report = restore_backup(self.ws, data, name)
        except WorkspaceError as exc:
            self.backup_status.value = message_html(f"{exc}", "warning")
            return
        self._pending = None
        self._show_restore(False)
        self.backup_status.value = message_html(
            _(
                "Restored {name}. Your previous workbook was saved to {copy}. "
                "Reopen the other steps to see the restored data."
            ).format(name=name, copy=report.safety_copy),
            "ok",
        )
        if report.safety_copy is not None:
            self.offer_undo(self.restore_undo, undoing.restored(self.ws, report.safety_copy, name))
        self.refresh()

    def _on_language(self, change) -> None:
        code = change["new"]
        if self.on_language is not None:  # the app: everything speaks it at once
            self.on_language(code)
            return
        i18n.choose_language(self.ws, code)
        self.language_status.value = message_html(
            _("Chosen. The pages you open from now on are in this language."), "ok"
        )

    def offer_undo(self, button: UndoButton, undo: undoing.Undo) -> None:
        """Offer ``undo`` on ``button``: the page keeps only its last action (a restore or the
        demo's loading or removal replaces the whole workbook or much of it, so the other's
        Undo would no longer take back what it says)."""
        for other in (self.restore_undo, self.demo_undo):
            other.clear()
        button.offer(undo)
