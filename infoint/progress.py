"""How far the user is through the six steps, computed from the workspace (nothing assumed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from . import action_items, stages
from .action_items import action_agenda, load_action_items
from .clock import zone
from .i18n import N_, _
from .objectives import step_progress
from .records import STEP_NOTEBOOKS, Objective, Plan, Profile
from .records import STEPS as ALL_STEPS
from .workspace import Workspace

_ONE_DAY = timedelta(days=1)  # today's agenda: due within the next day, or overdue
NOT_BUILT = N_("Not built yet in this version of the workbook.")  # kept for steps added later


@dataclass(frozen=True)
class StepStatus:
    """One step's progress for the start page."""

    number: int
    title: str
    notebook: str
    built: bool
    parts: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(1 for _name, ok in self.parts if ok)

    @property
    def summary(self) -> str:
        """One line: what is done, what is next, or that the step does not exist yet."""
        if not self.built:
            return _(NOT_BUILT)
        if self.done == len(self.parts):
            return _("Done: all {n} parts.").format(n=len(self.parts))
        todo = next(name for name, ok in self.parts if not ok)
        return _("{done} of {total} parts done. Next: {todo}.").format(
            done=self.done, total=len(self.parts), todo=todo
        )


# (number, title, notebook) of steps 1-6, from the one table of steps in ``records``.
STEPS = [(s.number, s.title, s.notebook) for s in ALL_STEPS if s.number]


def workbook_progress(ws: Workspace, now: datetime | None = None) -> list[StepStatus]:
    """Every step's status, read from the workspace as it stands at ``now`` (default: the wall
    clock), so a report or card made for a given moment counts overdue items at that moment."""
    now = now or datetime.now(UTC)
    now = now if now.tzinfo is not None else now.replace(tzinfo=UTC)  # a naive time is UTC
    profile = Profile.from_row(ws.get_row("profile"))
    row = ws.get_row("objective")
    # Nothing saved means nothing planned: the form's suggested plan is not the user's yet.
    objective = Objective.from_row(row) if row else Objective(plan=Plan(0, 0, 0, 0, 0, 0))
    statuses = []
    for number, title, notebook in STEPS:
        if number == 1:
            statuses.append(
                StepStatus(number, title, notebook, True, step_progress(profile, objective))
            )
        elif number == 2:
            statuses.append(
                StepStatus(number, title, notebook, True, _targets_progress(ws, objective))
            )
        elif number == 3:
            statuses.append(StepStatus(number, title, notebook, True, _outreach_progress(ws, now)))
        else:
            step = {4: _questions_progress, 5: _debrief_progress, 6: _thanks_progress}[number]
            parts = step(ws, now)
            statuses.append(StepStatus(number, title, notebook, True, parts))
    return statuses


def _targets_progress(ws: Workspace, objective: Objective) -> list[tuple[str, bool]]:
    from . import classification, organizations, targets  # lazy: loads step 2 only to count it

    contacts = targets.load_contacts(ws)
    ctx = targets.context(ws, objective=objective)
    chosen = classification.mix_of(classification.classify([c for c in contacts if c.target], ctx))
    active = sum(1 for c in contacts if not c.archived)
    return targets.step_progress(
        organizations.load_organizations(ws), active, chosen, objective.plan
    )


def _outreach_progress(ws: Workspace, now: datetime) -> list[tuple[str, bool]]:
    from . import pipeline  # lazy: the start page loads a step only to count it

    targets = [
        r["id"] for r in ws.query("SELECT id FROM contacts WHERE target = 1 AND archived = 0")
    ]
    drafted = {r["contact_id"] for r in ws.query("SELECT DISTINCT contact_id FROM drafts")}
    by_contact = stages.group_by_contact(stages.events_from_rows(ws.events()))
    asked = {cid for cid, events in by_contact.items() if stages.attempts(events) > 0}
    settings = pipeline_settings(ws)
    contacts = _contacts(ws)
    overdue = any(
        a.overdue and a.kind in ("follow_up", "call", "move_on")
        for cid, events in by_contact.items()
        if cid in contacts
        for a in pipeline.actions_for(contacts[cid], events, now, settings)
    )
    answered = any(e.kind == pipeline.REPLY for events in by_contact.values() for e in events)
    return [
        (_("A draft saved for each target"), bool(targets) and set(targets) <= drafted),
        (_("Requests sent to all your targets"), bool(targets) and set(targets) <= asked),
        (_("No follow-up overdue"), bool(asked) and not overdue),
        (_("At least one answer logged"), answered),
    ]


def _questions_progress(ws: Workspace, now: datetime) -> list[tuple[str, bool]]:
    from . import meetings as mt  # lazy: the start page loads a step only to count it
    from .checklists import meeting_research  # lazy: the start page loads a step only to count it

    meetings = [m for m in mt.load_meetings(ws) if not m.cancelled and m.starts_at]
    last = meetings[-1] if meetings else None
    return [
        (_("A meeting booked with someone who said yes"), bool(meetings)),
        (_("Questions chosen, ending with the closing ask"), bool(last and last.questions)),
        (  # Q3: the one derivation, as the write-up and the report say it
            _("Research ticked and what you found noted"),
            bool(last) and meeting_research(ws, last).done,
        ),
        (_("Something to offer in return"), bool(last and last.offer.strip())),
    ]


def _debrief_progress(ws: Workspace, now: datetime) -> list[tuple[str, bool]]:
    from . import debrief  # lazy: the start page loads a step only to count it
    from .coverage import coverage_summary  # lazy: the start page loads a step only to count it

    debriefs = debrief.load_debriefs(ws)
    items = action_items.load_action_items(ws)
    today = now.astimezone(zone(pipeline_settings(ws).tz)).date().isoformat()  # the user's day
    overdue = any(not i.done and i.due and i.due < today for i in items)
    goals = coverage_summary(ws)  # D5.1: answered means a meeting answered it in full
    return [
        (_("A meeting debriefed"), any(d.insights.strip() or d.answers for d in debriefs)),
        (_("Role and organization fit rated"), any(d.role_fit and d.org_fit for d in debriefs)),
        (_("No action item overdue"), bool(debriefs) and not overdue),
        (_("Every learning goal answered"), goals.total > 0 and goals.answered == goals.total),
    ]


def _thanks_progress(ws: Workspace, now: datetime) -> list[tuple[str, bool]]:
    from . import pipeline  # lazy: the start page loads a step only to count it

    by_contact = stages.group_by_contact(stages.events_from_rows(ws.events()))
    settings = pipeline_settings(ws)
    overview = pipeline.thanks_overview(_contacts(ws), by_contact, now, settings)
    return [
        (
            _("A thank-you sent to everyone you met"),
            bool(overview) and all(r.thank_you.sent_at for r in overview),
        ),
        (
            _("Introducers thanked"),
            bool(overview) and all(r.introducer_thanked for r in overview if r.introduced),
        ),
        (
            _("Stay-in-touch updates on time"),
            bool(overview) and all(r.next_update is None or r.next_update >= now for r in overview),
        ),
    ]


def _contacts(ws: Workspace) -> dict:
    """Every contact by id (archived ones too: their history still counts)."""
    from . import targets  # lazy: the start page loads a step only to count it

    return {c.id: c for c in targets.load_contacts(ws)}


# --------------------------------------------------------------------------- today's agenda
def pipeline_settings(ws: Workspace):
    """The pacing settings (``pipeline.Settings``).

    The profile's time zone and the 3B7 choice (R7).
    """
    from . import pipeline  # lazy: the start page loads a step only to count it

    tz = Profile.from_row(ws.get_row("profile")).timezone or "UTC"
    return pipeline.Settings(tz=tz, mode_3b7=ws.get_meta("pipeline.mode_3b7") == "1")


def todays_agenda(ws: Workspace, now=None, within=_ONE_DAY) -> list:
    """Every due and overdue action from every step, soonest first (pipeline.agenda assembles it).

    Targets not written to yet appear as "send your request"; later steps add their items here.
    ``within`` is how far ahead to look (``pipeline.agenda``): the week's mail draft and the
    rolling calendar (``reminders``) read the same items with a wider window.
    """
    from . import pipeline, targets  # lazy: the start page loads a step only to count it

    now = now or datetime.now(UTC)
    settings = pipeline_settings(ws)
    by_contact = stages.group_by_contact(stages.events_from_rows(ws.events()))
    contacts = {c.id: c for c in targets.load_contacts(ws) if not c.archived}
    actions, extra = [], []
    for contact_id, contact in contacts.items():
        events = by_contact.get(contact_id, [])
        if events:
            actions += pipeline.actions_for(contact, events, now, settings)
        elif contact.target:
            extra.append(
                pipeline.AgendaItem(
                    now,
                    False,
                    _("Write your request to {name}.").format(name=contact.full_name),
                    STEP_NOTEBOOKS["requests"],
                    contact_id,
                    "request",
                )
            )
    names = {cid: c.full_name for cid, c in contacts.items()}
    extra += action_agenda(load_action_items(ws), now, settings.tz, names)  # D4
    return pipeline.agenda(actions, extra, now, within)
