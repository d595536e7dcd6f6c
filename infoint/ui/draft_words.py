"""Words the draft editors put in their sentences: a language's name, and the send-time line.

The pickers offer each language by its own name ("English", "Español", "简体中文": a reader
finds their language whatever the page speaks); a sentence names it in the language of the
page ("Tu borrador está en inglés."). The send-time line names places, not zone ids.
"""

from __future__ import annotations

from .. import send_time
from ..i18n import LANGUAGES, N_, _, language

__all__ = ["language_name", "send_time_line"]

# A language as named inside a sentence (msgids), by code.
_IN_A_SENTENCE = {"en": N_("English"), "es": N_("Spanish"), "zh": N_("Chinese")}


def language_name(code: str) -> str:
    """``code``'s name in the language in use, for a sentence: "English", "inglés", "英文"."""
    return _(_IN_A_SENTENCE[code if code in LANGUAGES else "en"])


def send_time_line(now, own_tz: str, contact) -> str:
    """R5's advice for sending to ``contact`` now, as one line of plain text.

    When they read mail in another zone the advice gives both places' times already, so no
    trailer; otherwise it says which zone the times are in (the id in English, as before; the
    place in Spanish and Chinese).
    """
    theirs = send_time.recipient_zone(contact, own_tz)
    advice = send_time.send_time_advice(now, own_tz, theirs)
    verdict = _("A good time to send.") if advice.now_ok else _("Better to wait.")
    if theirs and advice.zone == theirs:
        return _("{verdict} {note}").format(verdict=verdict, note=advice.note)
    zone = (own_tz or advice.zone) if language() == "en" else send_time.place_name(advice.zone)
    return _("{verdict} {note} (Times are in {zone}.)").format(
        verdict=verdict, note=advice.note, zone=zone
    )
