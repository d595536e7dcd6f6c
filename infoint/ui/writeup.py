"""Step 6's assignment write-up: pick a held meeting, see which parts are still empty, download.

The parts and the checklist are ``writeup.py``'s; this part shows the checklist before any
download (done or still empty, in words, with where to fill each in) and offers the write-up as
an editable Word file and as Markdown. The course's name saves as it is typed.

It sits on step 6, at the end of the journey rather than in step 5's debrief: a write-up is
handed in once the thank-you is sent (it is one of the parts courses ask about), and by then
every other part exists; each empty part on the checklist names the step that fills it.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import writeup as wu
from .. import writeup_files as wf
from ..exports.document import DOCX_MIME
from ..i18n import _
from ..safe import escape
from .controls import controls, fields
from .download import DownloadButton
from .feedback import message_html

__all__ = ["WriteUp"]

_LABEL = {"description_width": "initial"}
_css, _button = controls("thanks")  # the part's widgets are the thanks page's: ii-thanks-writeup-*


def checklist_html(items: list[wu.CheckItem]) -> str:
    """The checklist as an escaped list: each part done or still empty in words (not colour
    alone), how much is there, and where to add what is missing."""
    empty = [i for i in items if not i.done]
    summary = (
        _("{done} of {total} parts are there; {empty} still empty.").format(
            done=len(items) - len(empty), total=len(items), empty=len(empty)
        )
        if empty
        else _("Every part an assignment asks for is there.")
    )
    rows = "".join(
        f"<li class='ii-writeup-{'done' if i.done else 'empty'}'>"
        + "<strong>"
        + escape(_("Done") if i.done else _("Still empty"))
        + ":</strong> "
        f"{escape(i.label)} <span class='ii-muted'>("
        + escape(
            i.detail
            if i.done
            else _("{detail}; add it in {where}").format(detail=i.detail, where=i.where)
        )
        + ")</span></li>"
        for i in items
    )
    return f"<p>{escape(summary)}</p><ul class='ii-writeup-checklist'>{rows}</ul>"


class WriteUp:
    """The write-up part of the thanks page (``page``: its workspace, clock, time zone and
    autosave)."""

    def __init__(self, page):
        self.page = page
        self._loading = False
        self.meeting = _css(
            widgets.Dropdown(description=_("Interview to write up"), options=[], style=_LABEL),
            "writeup-meeting",
        )
        self.meeting.observe(lambda _: self.draw_checklist(), names="value")
        self.course = _css(
            widgets.Text(
                description=_("Course or assignment (shown under the title)"),
                placeholder=_("For example: CAREER 101, informational interview report"),
                style=_LABEL,
            ),
            "writeup-course",
        )
        self.course.value = wu.load_course(page.ws)
        self.form = page.autosave(
            lambda: wu.save_course(page.ws, self.course.value), active=lambda: not self._loading
        )
        self.form.watch(self.course)
        self.checklist = _css(widgets.HTML(), "writeup-checklist")
        self.docx = _css(
            DownloadButton(
                _("Download for Word (.docx)"),
                lambda: self._file("docx"),
                on_error=self._failed,
                button_style="primary",
            ),
            "writeup-docx",
        )
        self.markdown = _css(
            DownloadButton(
                _("Download as Markdown (.md)"), lambda: self._file("md"), on_error=self._failed
            ),
            "writeup-md",
        )
        self.status = _css(widgets.HTML(), "writeup-status")
        self._made: list[str] = []  # the files made of the interview shown, for the status line
        self.intro = widgets.HTML(
            "<p class='ii-muted'>"
            + escape(
                _(
                    "For a course assignment: one interview as a file to edit and "
                    "hand in, in the order such reports usually take. Your own words are copied "
                    "as you wrote them. Check what is still empty before you download."
                )
            )
            + "</p>"
        )
        self.buttons = widgets.HBox([self.docx, self.markdown])

    def widgets(self) -> widgets.VBox:
        """The part's widgets, in the order the page shows them."""
        return fields(
            [self.intro, self.meeting, self.course, self.checklist, self.buttons, self.status],
        )

    def draw(self) -> None:
        """The held meetings (newest first, the one chosen kept) and the chosen one's
        checklist."""
        page = self.page
        held = wu.held_meetings(page.ws, page.now(), page.settings.tz)
        tz = page.settings.tz
        options = [
            (_("{name}, {day}").format(name=c.full_name, day=wu.day_in_words(at, tz)), m.id)
            for m, c, at in held
        ]
        keep = self.meeting.value
        self._loading = True
        try:
            self.meeting.options = options
            ids = [o[1] for o in options]
            self.meeting.value = keep if keep in ids else (ids[0] if ids else None)
        finally:
            self._loading = False
        self.draw_checklist()

    def draw_checklist(self) -> None:
        """What the chosen interview's write-up holds and what is still empty."""
        interview = self.interview()
        self.buttons.layout.display = None if interview else "none"  # downloads once it applies
        self.status.value, self._made = "", []
        if interview is None:
            self.checklist.value = message_html(
                _(
                    "Nothing to write up yet: once a meeting took place (step 5's It took place), "
                    "its write-up is here."
                ),
                "note",
            )
            return
        self.checklist.value = checklist_html(wu.checklist(interview))

    def interview(self) -> wu.Interview | None:
        """The chosen held meeting's parts, read now."""
        if self.meeting.value is None:
            return None
        page = self.page
        return wu.gather(page.ws, self.meeting.value, page.now(), page.settings.tz)

    def _file(self, ext: str) -> tuple[str, str, bytes]:
        """A download: the write-up of the chosen interview as it is now, course saved first."""
        self.form.flush()
        interview = self.interview()
        if interview is None:
            raise ValueError(_("choose an interview that took place first"))
        document = wf.writeup_document(interview, self.page.now())
        name = wf.writeup_filename(interview, ext)
        if ext == "docx":
            data = wf.writeup_docx(document, self.page.now())
            mime = DOCX_MIME
        else:
            data, mime = wf.writeup_markdown(document).encode("utf-8"), "text/markdown"
        made = [n for n in self._made if n != name] + [name]  # both files say so once made
        self.draw_checklist()
        self._made = made
        self.status.value = message_html(
            _("Made {files}: open it, edit it, hand it in.").format(files=_(" and ").join(made)),
            "ok",
        )
        return name, mime, data

    def _failed(self, exc: Exception) -> None:
        self.status.value = message_html(
            _("The write-up could not be made: {error}").format(error=exc), "warning"
        )

    def run_demo(self) -> None:
        """As a person would: the course typed, the Word file and the Markdown downloaded."""
        self.course.value = _("CAREER 210: Exploring careers, informational interview report")
        self.docx.click()
        self.markdown.click()
