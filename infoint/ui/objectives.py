"""Step 1's form: profile, what to learn, the plan, the pitch.

Live feedback, and every answer saved as it is typed (``autosave``): there is no Save button.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import ipywidgets as widgets

from .. import demo as demo_data
from ..charts import bar_chart
from ..clock import time_zone_names
from ..goals import check_goals
from ..i18n import N_, _, language, ngettext, spoken
from ..objectives import (
    O6_REMINDER,
    check_kinds,
    check_pitch,
    check_plan,
    check_profile,
    load_objectives,
    pitch_stats,
    plan_mix,
    save_objectives,
    suggest_plan,
)
from ..records import KIND_LABELS, KINDS, Objective, Plan, Profile
from ..schema import WorkspaceError
from ..workspace import Workspace
from .autosave import NotSaved, state_html
from .controls import fields
from .coverage import CoverageView
from .feedback import STYLE, findings_html, message_html
from .page import Page
from .section import section

_WIDE = widgets.Layout(width="95%")
_LABEL = {"description_width": "initial"}
_PLAN_FIELDS = (
    ("total", N_("Interviews in total")),
    ("position", N_("With people in a position you want")),
    ("organization", N_("With people at an organization you want")),
    ("both", N_("People who are both (counted in both numbers)")),
    ("junior", N_("Junior people")),
    ("senior", N_("Mid-level or senior people")),
)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _css(widget: widgets.Widget, name: str) -> widgets.Widget:
    widget.add_class(f"ii-objectives-{name}")
    return widget


class ObjectivesPage(Page):
    """The views of 01_define_objectives, bound to one workspace."""

    # The sections in the order the notebook shows them, each with its heading in the app
    # (tests/test_hygiene.py: the notebook calls exactly these, in this order).
    SECTIONS = (
        ("profile_section", N_("About you")),
        ("learning_section", N_("What do you want to learn?")),
        ("goals_answered_section", N_("Which goals your meetings answered")),
        ("plan_section", N_("Your interview plan")),
        ("pitch_section", N_("Your 30-second pitch")),
        ("reminder", N_("Remember")),
        ("save_bar", N_("Saved as you type")),
    )

    def __init__(self, ws: Workspace):
        self.ws = ws
        text = lambda name, label, **kw: _css(  # noqa: E731
            widgets.Text(description=label, style=_LABEL, layout=_WIDE, **kw), name
        )
        area = lambda name, label, rows, **kw: _css(  # noqa: E731
            widgets.Textarea(
                description=label,
                style=_LABEL,
                layout=widgets.Layout(width="95%", height=f"{rows * 1.6 + 1}em"),
                **kw,
            ),
            name,
        )
        self.name = text("name", _("Your name"), placeholder=_("as you sign your emails"))
        self.email = text(
            "email", _("Your own email address"), placeholder=_("firstname.lastname@school.edu")
        )
        self.timezone = _css(
            widgets.Combobox(
                description=_("Your time zone"),
                options=time_zone_names(),
                placeholder=_("type a city, e.g. Toronto"),
                ensure_option=False,
                style=_LABEL,
                layout=widgets.Layout(width="60%"),
            ),
            "timezone",
        )
        self.location = text(
            "location",
            _("Your city (to tell who could meet you in person)"),
            placeholder=_("e.g. Toronto"),
        )
        self.profile_feedback = _css(widgets.HTML(), "profile-feedback")
        self.kinds = {
            kind: _css(
                widgets.Checkbox(
                    description=_("About {kind}").format(kind=_(KIND_LABELS[kind])),
                    indent=False,
                    layout=_WIDE,
                ),
                f"kind-{kind}",
            )
            for kind in KINDS
        }
        self.kinds_feedback = _css(widgets.HTML(), "kinds-feedback")
        self.field_of_interest = text(
            "field",
            _("Your field or industry of interest"),
            placeholder=_("e.g. user experience research"),
        )
        self.roles = area(
            "roles",
            _("Positions that interest you (one per line; add other titles used for them)"),
            3,
        )
        self.organizations = area(
            "organizations", _("Organizations that interest you (one per line)"), 3
        )
        self.goals = area("goals", _("What you want to learn (one goal per line)"), 4)
        self.goals_feedback = _css(widgets.HTML(), "goals-feedback")
        self.plan_inputs = {
            key: _css(
                widgets.BoundedIntText(value=0, min=0, max=50, description=_(label), style=_LABEL),
                f"plan-{key}",
            )
            for key, label in _PLAN_FIELDS
        }
        self.suggest_button = _css(
            widgets.Button(
                description=_("Suggest a mix for this total"),
                layout=widgets.Layout(width="auto"),
            ),
            "plan-suggest",
        )
        self.suggest_button.on_click(self._suggest)
        self.plan_feedback = _css(widgets.HTML(), "plan-feedback")
        self.plan_chart = _css(widgets.HTML(), "plan-chart")
        self.pitch = area(
            "pitch", _("Your pitch: who you are, what interests you, why you're asking"), 5
        )
        self.pitch_feedback = _css(widgets.HTML(), "pitch-feedback")
        # No Save button: every answer is written about a second after typing stops.
        self.status = _css(_css(widgets.HTML(), "status"), "save-state")
        self._loading = False
        self._loaded_note = ""
        self.form = self.autosave(self._write, active=lambda: not self._loading)
        # D5.1-D5.5: where each goal stands, from the links of step 5
        self.coverage = CoverageView(ws, "ii-objectives-coverage", _("step 5"))
        self.coverage.draw()
        self.save_state.observe(self._show_state, names=["text", "pending", "ok"])
        self.load()
        for w in [
            self.name,
            self.email,
            self.timezone,
            self.location,
            self.field_of_interest,
            self.roles,
            self.organizations,
            self.goals,
            self.pitch,
        ]:
            w.observe(self._changed, names="value")
        for w in list(self.kinds.values()) + list(self.plan_inputs.values()):
            w.observe(self._changed, names="value")

    def run_demo(self) -> None:
        """As a person would: type the demo persona's answers, then leave the page."""
        profile, objective = demo_data.load_persona()
        self.fill(profile, objective, typed=True)
        self.flush()

    # -- sections ------------------------------------------------------------------------------
    @section
    def profile_section(self) -> widgets.VBox:
        """Name, own address (O5) and time zone."""
        return fields(
            [
                _css(widgets.HTML(STYLE), "style"),
                self.name,
                self.email,
                self.timezone,
                self.location,
                self.profile_feedback,
            ]
        )

    @section
    def learning_section(self) -> widgets.VBox:
        """What you want to learn about (O1) and concrete learning goals (O2)."""
        heading = widgets.HTML(
            "<p><strong>{}</strong> {}</p>".format(
                _("I want to learn about…"), _("(tick all that apply)")
            )
        )
        return fields(
            [
                heading,
                widgets.HBox(list(self.kinds.values())),
                self.kinds_feedback,
                self.field_of_interest,
                self.roles,
                self.organizations,
                self.goals,
                self.goals_feedback,
            ]
        )

    @section
    def goals_answered_section(self) -> widgets.VBox:
        """D5.1-D5.5: each goal answered, partly answered or open, and who could answer it."""
        intro = widgets.HTML(
            "<p>{}</p>".format(
                _(
                    "After each meeting, step 5 asks which of these goals it answered. Here is "
                    "where they stand, and who on your target list could answer those still "
                    "open."
                )
            )
        )
        return widgets.VBox([intro, self.coverage.html])

    def live_refresh(self) -> None:
        """The goals' coverage follows links given in step 5 (the form is left alone)."""
        self.coverage.draw()

    @section
    def plan_section(self) -> widgets.VBox:
        """How many interviews and with whom (O3), with the target mix as a chart."""
        return fields(
            [*self.plan_inputs.values(), self.suggest_button, self.plan_feedback, self.plan_chart],
            "ii-narrow",
        )

    @section
    def pitch_section(self) -> widgets.VBox:
        """The 30-second pitch (O4) with its spoken length."""
        return widgets.VBox([self.pitch, self.pitch_feedback])

    @section
    def reminder(self) -> widgets.VBox:
        """O6: who leads the conversation."""
        return _css(widgets.HTML(STYLE + message_html(_(O6_REMINDER), "note")), "reminder")

    @section
    def save_bar(self) -> widgets.VBox:
        """Saved as you type: whether your answers are in your workbook."""
        return widgets.VBox([self.status])

    # -- state ------------------------------------------------------------------------------------
    def collect(self) -> tuple[Profile, Objective]:
        """The form's current values as step 1's dataclasses."""
        profile = Profile(
            name=self.name.value.strip(),
            email=self.email.value.strip(),
            timezone=self.timezone.value.strip(),
            pitch=self.pitch.value.strip(),
            location=self.location.value.strip(),
        )
        objective = Objective(
            kinds=[k for k, box in self.kinds.items() if box.value],
            field_of_interest=self.field_of_interest.value.strip(),
            roles=_lines(self.roles.value),
            organizations=_lines(self.organizations.value),
            goals=_lines(self.goals.value),
            plan=Plan(**{k: int(w.value) for k, w in self.plan_inputs.items()}),
        )
        return profile, objective

    def fill(self, profile: Profile, objective: Objective, typed: bool = False) -> None:
        """Put values into the form: what reopening does, or (``typed``) what the demo types,
        which then saves like anyone's typing."""
        self._loading = not typed
        try:
            self.name.value = profile.name
            self.email.value = profile.email
            self.timezone.value = profile.timezone
            self.pitch.value = profile.pitch
            self.location.value = profile.location
            for kind, box in self.kinds.items():
                box.value = kind in objective.kinds
            self.field_of_interest.value = objective.field_of_interest
            self.roles.value = "\n".join(objective.roles)
            self.organizations.value = "\n".join(objective.organizations)
            self.goals.value = "\n".join(objective.goals)
            for key, w in self.plan_inputs.items():
                w.value = max(w.min, min(w.max, int(getattr(objective.plan, key))))
        finally:
            self._loading = False
        self.update_feedback()

    def load(self) -> None:
        """Show what the workspace holds (a new workbook shows the suggested plan)."""
        saved = load_objectives(self.ws)
        self.fill(saved.profile, saved.objective)
        self._loaded_note = (
            _("Showing what you saved ({time}). Every change saves as you type.").format(
                time=self._local_time(saved.saved_at)
            )
            if saved.saved_at
            else _("Nothing saved yet for step 1: your answers save as you type.")
        )
        self._show_state()

    def save(self, _=None) -> bool:
        """Write what the form holds now (the debounce does this by itself); True when saved."""
        self.form.changed()
        return self.form.flush()

    def _write(self) -> None:
        """Save profile and objective together: one action, one transaction."""
        profile, objective = self.collect()
        try:
            save_objectives(self.ws, profile, objective)
        except (WorkspaceError, OSError) as exc:
            raise NotSaved(str(exc)) from exc
        self.coverage.draw()  # a goal written or reworded starts open

    def _show_state(self, _change=None) -> None:
        """The page's save state, with what still needs attention once saved."""
        state = self.save_state
        if not state.text:
            self.status.value = message_html(self._loaded_note, "note")
            return
        note = ""
        if state.ok and not state.pending:
            profile, objective = self.collect()
            findings = (
                check_profile(profile)
                + check_kinds(objective.kinds)
                + check_goals(objective.goals)
                + check_plan(objective.plan)
            )
            open_items = sum(1 for f in findings if f.severity in ("error", "warning"))
            if open_items:
                note = ngettext(
                    ". {n} point above could still be improved.",
                    ". {n} points above could still be improved.",
                    open_items,
                ).format(n=open_items)
        self.status.value = state_html(state, note)

    # -- feedback -------------------------------------------------------------------------------
    def _changed(self, _change=None) -> None:
        if self._loading:
            return
        self.update_feedback()
        self.form.changed()

    def update_feedback(self) -> None:
        """Recompute every check from the form's values (runs as the user types)."""
        profile, objective = self.collect()
        profile_findings = [f for f in check_profile(profile) if f.rule != "O4"]
        self.profile_feedback.value = findings_html(profile_findings, _("Your details look good."))
        self.kinds_feedback.value = findings_html(check_kinds(objective.kinds))
        self.goals_feedback.value = findings_html(
            check_goals(objective.goals), _("Your goals are concrete.")
        )
        self.plan_feedback.value = findings_html(
            check_plan(objective.plan), _("The plan follows the suggested mix.")
        )
        self.plan_chart.value = bar_chart(plan_mix(objective.plan), _("Your planned interview mix"))
        stats = pitch_stats(profile.pitch)
        self.pitch_feedback.value = "<p class='ii-objectives-pitch-stats'>{}</p>".format(
            (
                ngettext(
                    "{n} character, about {seconds} seconds spoken.",
                    "{n} characters, about {seconds} seconds spoken.",
                    stats.characters,
                )
                if stats.chinese
                else ngettext(
                    "{n} word, about {seconds} seconds spoken.",
                    "{n} words, about {seconds} seconds spoken.",
                    stats.words,
                )
            ).format(
                n=stats.characters if stats.chinese else stats.words, seconds=round(stats.seconds)
            )
        ) + findings_html(check_pitch(profile.pitch))

    def _suggest(self, _=None) -> None:
        plan = suggest_plan(max(1, int(self.plan_inputs["total"].value)))
        for key, w in self.plan_inputs.items():
            w.value = getattr(plan, key)

    def _local_time(self, iso: str | None) -> str:
        when = datetime.fromisoformat(iso) if iso else datetime.now().astimezone()
        try:
            zone = ZoneInfo(self.timezone.value.strip()) if self.timezone.value.strip() else None
        except (ZoneInfoNotFoundError, ValueError):
            zone = None
        local = when.astimezone(zone) if zone else when.astimezone()
        if language() == "en":
            return local.strftime("%Y-%m-%d %H:%M")
        return spoken(local, year=True)
