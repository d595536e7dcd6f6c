"""Step 5's referrals (D3): people they suggested become warm contacts in step 2.

The debrief page composes one. It reads its page's chosen person (``contact``, ``ws``) and
records each referral through the logic layer's ``debrief.record_referral``, "referred by"
included.
"""

from __future__ import annotations

import ipywidgets as widgets

from .. import referrals
from ..i18n import _
from ..schema import WorkspaceError
from .controls import controls
from .feedback import message_html
from .page import Page

__all__ = ["Referrals"]

_LABEL = {"description_width": "initial"}

_css, _button = controls("debrief")  # the form's widgets are the page's: ii-debrief-<name>


class Referrals:
    """D3: people they suggested become warm contacts in step 2, "referred by" recorded."""

    def __init__(self, page: Page):
        self.page = page
        self.ref_first = _css(widgets.Text(description=_("First name"), style=_LABEL), "ref-first")
        self.ref_last = _css(widgets.Text(description=_("Last name"), style=_LABEL), "ref-last")
        self.ref_org = _css(
            widgets.Text(description=_("Organization"), style=_LABEL), "ref-organization"
        )
        self.ref_position = _css(
            widgets.Text(description=_("Job title"), style=_LABEL), "ref-position"
        )
        self.ref_email = _css(
            widgets.Text(description=_("Email (if they gave it)"), style=_LABEL), "ref-email"
        )
        # A button: adding a new person to the list is an event (a warm contact in step 2,
        # "referred by" recorded); the fields stay filled until they are added.
        self.ref_add = _button("ref-add", _("Add to my list of people"), button_style="primary")
        self.ref_add.on_click(self._on_referral)
        # What is typed for the person is kept until they are added (a reload loses none of it).
        self.typed = page.keep_typed(
            "debrief.referral",
            {
                "first_name": self.ref_first,
                "last_name": self.ref_last,
                "organization": self.ref_org,
                "position": self.ref_position,
                "email": self.ref_email,
            },
        )
        self.ref_status = _css(widgets.HTML(), "ref-status")

    def widgets(self) -> list:
        """The form's widgets, in the order the page shows them."""
        return [
            self.ref_first,
            self.ref_last,
            self.ref_org,
            self.ref_position,
            self.ref_email,
            widgets.HBox([self.ref_add]),
            self.ref_status,
        ]

    def _on_referral(self, _click=None) -> None:
        page = self.page
        if page.contact is None:
            return
        referral = referrals.Referral(
            first_name=self.ref_first.value.strip(),
            last_name=self.ref_last.value.strip(),
            organization=self.ref_org.value.strip(),
            position=self.ref_position.value.strip(),
            email=self.ref_email.value.strip(),
        )
        try:
            report = referrals.record_referral(page.ws, referral, page.contact)
        except (WorkspaceError, ValueError) as exc:
            self.ref_status.value = message_html(
                _("Not added: {reason}").format(reason=exc), "warning"
            )
            return
        who = " ".join(p for p in (referral.first_name, referral.last_name) if p)
        if report.added:
            text = _(
                "{who} is now on your list in step 2: warm, referred by "
                "{referrer}. Rank and contact them from there."
            ).format(who=who, referrer=page.contact.full_name)
        else:
            text = _("{who} was already on your list; noted that {referrer} referred you.").format(
                who=who, referrer=page.contact.full_name
            )
        self.ref_status.value = message_html(text, "ok")
        self.typed.done()
