"""The start page's reminders that live outside the app: the rolling calendar file and the
"my week" mail draft, beside today's agenda (``infoint.reminders`` makes both)."""

from __future__ import annotations

import ipywidgets as widgets

from ..i18n import N_, _, ngettext
from ..safe import escape
from .download import DownloadButton
from .feedback import message_html

INTRO = N_("The workbook can't remind you by itself: take what is due to where you look.")
CALENDAR_HELP = N_(
    "Every follow-up, meeting, thank-you deadline, action item and update, as daytime events "
    "with an alarm. Import it again when things change: each event keeps its ID, so it is "
    "updated, not doubled. What you did comes back marked cancelled; a calendar synced from "
    "the file drops it a month later. Checked with khal; Google, Outlook and Apple may differ."
)
WEEK_HELP = N_(
    "A message to yourself with this week's agenda and what to do for each. It opens in your "
    "mail program; nothing is sent."
)


class ReminderDownloads:
    """The two downloads and what the last one made; ``page`` gives the workspace and now."""

    def __init__(self, page):
        self.page = page
        self.calendar_button = DownloadButton(
            _("Download my calendar of reminders (.ics)"),
            self._calendar_file,
            on_error=self._failed,
            button_style="primary",
        )
        self.calendar_button.add_class("ii-start-calendar")
        self.week_button = DownloadButton(
            _("Download my week as an email draft (.eml)"), self._week_file, on_error=self._failed
        )
        self.week_button.add_class("ii-start-week")
        self.status = widgets.HTML()
        self.status.add_class("ii-start-reminders-status")

    def widgets(self) -> widgets.VBox:
        """The intro, both buttons and the status line."""
        intro = widgets.HTML("<p>" + _(INTRO) + "</p>")  # trusted text: no < or & in it
        intro.add_class("ii-start-reminders-intro")
        box = widgets.VBox(
            [
                intro,
                self.calendar_button,
                widgets.HTML('<p class="ii-muted">' + escape(_(CALENDAR_HELP)) + "</p>"),
                self.week_button,
                widgets.HTML('<p class="ii-muted">' + escape(_(WEEK_HELP)) + "</p>"),
                self.status,
            ]
        )
        box.add_class("ii-start-reminders")
        return box

    def run_demo(self) -> None:
        """As a person would: download both files."""
        self.calendar_button.click()
        self.week_button.click()

    def _calendar_file(self) -> tuple[str, str, bytes]:
        from .. import reminders  # lazy: the calendar and mail code load on the first download

        made = reminders.download_calendar(self.page.ws, self.page.now())
        news = []
        if made.new:
            news.append(_("{n} new").format(n=made.new))
        if made.changed:
            news.append(_("{n} changed").format(n=made.changed))
        if made.cancelled:
            news.append(_("{n} no longer due, sent as cancelled").format(n=made.cancelled))
        detail = (
            " (" + _(", ").join(news) + ")"
            if news
            else " " + _("(nothing changed since the last one)")
        )
        if made.due:
            things = ngettext("{n} thing due", "{n} things due", made.due).format(n=made.due)
            text = _(
                "Your calendar file holds {things}{detail}. Open it, or import it into your "
                "calendar; import each newer one the same way to update these events."
            ).format(things=things, detail=detail)
        else:
            text = _(
                "Nothing is due yet, so your calendar file holds no reminders{detail}. "
                "Send a request or two, then download it again."
            ).format(detail=detail if made.cancelled else "")
        self.status.value = message_html(text, "ok")
        return made.filename, "text/calendar", made.data

    def _week_file(self) -> tuple[str, str, bytes]:
        from .. import reminders_week  # lazy: as above

        draft = reminders_week.week_draft(self.page.ws, self.page.now())
        things = ngettext("{n} thing", "{n} things", draft.items).format(n=draft.items)
        if draft.addressed:
            text = _(
                "Your week's draft lists {things} to do ({file}). Open it in your mail "
                "program; it is addressed to you and nothing was sent."
            ).format(things=things, file=draft.filename)
        else:
            text = _(
                "Your week's draft lists {things} to do ({file}), but it has no "
                "address: add your email address in step 1 to have it addressed to you. "
                "Nothing was sent."
            ).format(things=things, file=draft.filename)
        self.status.value = message_html(text, "ok" if draft.addressed else "note")
        return draft.filename, "message/rfc822", draft.data

    def _failed(self, exc: Exception) -> None:
        self.status.value = message_html(
            _("The file could not be made: {error}").format(error=exc), "warning"
        )
