"""Step 6's overview table (everyone you met, the thank-you, the introducer, the next update)
and the page's sentences about them: the deadline, the introducer, the next update, the
update rhythm; with how steps 5 and 6 write a local moment in each language."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from .. import i18n, pipeline
from ..i18n import N_, _, pgettext
from ..records import DEFAULT_CADENCE_DAYS
from ..safe import escape
from .feedback import STYLE, labelled_table

__all__ = [
    "CADENCES",
    "STATUS_LABELS",
    "deadline_text",
    "introducer_text",
    "moment_text",
    "next_update_text",
    "person_label",
    "status_label",
    "thanks_table_html",
]

# S4: how often to send a short update, as step 6 offers it.
CADENCES = [  # (label, shown with _(); days between updates, the value kept)
    (N_("every 2 months"), 61),
    (N_("every 3 months (suggested)"), DEFAULT_CADENCE_DAYS),
    (N_("every 4 months"), 122),
    (N_("every 6 months"), 182),
    (N_("no updates"), 0),
]

# A thank-you's status (``thanks.thank_you``: a value, matched elsewhere) as the page says it.
STATUS_LABELS = {
    "due": N_("due"),
    "overdue": N_("overdue"),
    "sent on time": N_("sent on time"),
    "sent late": N_("sent late"),
}

# How steps 5 and 6 write a local moment: (English, as it always was; Babel's pattern in the
# other languages).
_MOMENTS = {
    "short": ("%a %d %b %Y %H:%M", {"es": "EEE d MMM y, H:mm", "zh": "y年M月d日EEE HH:mm"}),
    "date": ("%d %b %Y", {"es": "d MMM y", "zh": "y年M月d日"}),
    "day": ("%A %d %B %Y", {"es": "EEEE d 'de' MMMM 'de' y", "zh": "y年M月d日EEEE"}),
    "day_time": ("%A %d %B, %H:%M", {"es": "EEEE d 'de' MMMM, H:mm", "zh": "M月d日EEEE HH:mm"}),
    "day_at": (
        "%A %d %B at %H:%M",
        {"es": "EEEE d 'de' MMMM 'a las' H:mm", "zh": "M月d日EEEE HH:mm"},
    ),
}


def moment_text(moment: datetime, form: str) -> str:
    """A local moment as steps 5 and 6 show it (``form``: short, date, day, day_time, day_at),
    in the language in use; English exactly as before ("Tue 10 Mar 2026 09:00")."""
    english, patterns = _MOMENTS[form]
    code = i18n.language()
    if code in patterns:
        return i18n.format_datetime(moment, patterns[code])
    text = moment.strftime(english)
    return f"{i18n.PSEUDO_OPEN}{text}{i18n.PSEUDO_CLOSE}" if code == i18n.PSEUDO else text


def status_label(status: str) -> str:
    """A thank-you's status in the language in use."""
    return _(STATUS_LABELS.get(status, status))


def person_label(name: str, status: str) -> str:
    """ "Amara Osei: due", a person to thank and where their thank-you stands."""
    return _("{name}: {status}").format(name=name, status=status_label(status))


# S1: the thank-you's deadline, one whole sentence per status (``thanks.thank_you``'s values).
_DEADLINE = {
    "due": N_("Thank-you note: Due {when}. Within 48 hours of the meeting; sooner is better."),
    "overdue": N_(
        "Thank-you note: Overdue: it was due {when}. Within 48 hours of the meeting; "
        "sooner is better."
    ),
    "sent on time": N_(
        "Thank-you note: Sent on time (due {when}). Within 48 hours of the meeting; "
        "sooner is better."
    ),
    "sent late": N_(
        "Thank-you note: Sent, a little late (due {when}). Within 48 hours of the meeting; "
        "sooner is better."
    ),
}


def deadline_text(status: str, due: datetime) -> str:
    """S1: the thank-you's deadline (``due``, local) and where it stands, in one sentence."""
    return _(_DEADLINE[status]).format(when=moment_text(due, "day_time"))


def thanks_table_html(
    contacts: Mapping, events: Mapping, now: datetime, settings: pipeline.Settings
) -> str:
    """The overview of ``pipeline.thanks_overview`` (contacts and events by contact id) as
    escaped HTML, with the page style; a line saying nobody yet when no one was met."""
    tz = pipeline.zone(settings.tz)
    rows = []
    for r in pipeline.thanks_overview(contacts, events, now, settings):
        intro = (_("thanked") if r.introducer_thanked else _("not yet")) if r.introduced else "-"
        update = "" if r.next_update is None else moment_text(r.next_update.astimezone(tz), "date")
        rows.append(
            f"<tr><th scope='row'>{escape(r.contact.full_name)}</th>"
            f"<td>{escape(moment_text(r.thank_you.met_at.astimezone(tz), 'date'))}</td>"
            f"<td>{escape(status_label(r.thank_you.status))}</td><td>{escape(intro)}</td>"
            f"<td>{escape(update)}</td></tr>"
        )
    head = "".join(
        f"<th scope='col'>{escape(h)}</th>"
        for h in (
            _("Person"),
            pgettext("date", "Met"),
            _("Thank-you"),
            _("Introducer thanked"),
            _("Next update"),
        )
    )
    caption = escape(_("Everyone you met"))
    nobody = escape(_("Nobody yet."))
    return STYLE + (
        labelled_table(
            f"<table class='ii-table'><caption>{caption}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
        if rows
        else f"<p>{nobody}</p>"
    )


def next_update_text(cadence_days: int, due: datetime | None) -> str:
    """S4: when the next update is planned (``due``, local), or why none is."""
    if cadence_days == 0:
        return _("No updates planned for this person.")
    if due is None:
        return _("The first update is planned once you have sent your thank-you.")
    return _("Next update: {day}. Logging any contact moves it on.").format(
        day=moment_text(due, "day")
    )


_NO_INTRODUCER = N_("No one introduced you to this person, so there is no one else to thank.")


def introducer_text(name: str, thanked: bool) -> str:
    """S3: who introduced you (``name``; "" when nobody did) and whether they were thanked."""
    if not name:
        return _(_NO_INTRODUCER)
    said = (
        _(
            "{name} introduced you (already thanked). "
            "Tell them you met, how it went, and what came of it."
        )
        if thanked
        else _(
            "{name} introduced you (not thanked yet). "
            "Tell them you met, how it went, and what came of it."
        )
    )
    return said.format(name=name)
