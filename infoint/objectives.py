"""Step 1 of the workbook: decide what you want to learn, from whom, and how to introduce yourself.

Before anyone writes to a stranger, it pays to know what they are after. This module holds the
rules of step 1 (docs/method.md O1-O6) as plain data and pure checks, so that the notebook, the app
and the tests all judge a profile and an objective the same way:

- O1 what kind of thing you want to learn about (industry, organization, role, career path);
- O2 concrete learning goals, with a reason whenever one is too vague or asks for a job
  (checked in ``goals.py``, which holds its vocabularies);
- O3 a small interview plan (how many people, which mix) with sensible defaults;
- O4 a pitch of about thirty seconds;
- O5 a sender address that looks professional (checked in ``email_check.py``), a name and a
  time zone;
- O6 a reminder that this is not a job interview.

Every check returns a list of ``Finding`` objects instead of raising, so whatever a user types
(empty, huge, HTML, formulas, any script) the worst outcome is a plain-language message.
User text never goes into a ``message``; it goes into ``subject`` (shortened), which the UI
must escape like any other untrusted text. No widgets, files or network here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .clock import known_zones
from .email_check import check_email
from .goals import check_goal, check_goals
from .i18n import N_, _, ngettext
from .pitch import CHARACTERS_PER_MINUTE, WORDS_PER_MINUTE, PitchStats, check_pitch, pitch_stats
from .records import (
    ERROR,
    INFO,
    KIND_LABELS,
    KINDS,
    WARNING,
    Finding,
    Objective,
    Plan,
    Profile,
    finding_subject,
)
from .safe import plain_text as _text
from .safe import text_list as _as_list
from .safe import whole_number as _whole

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "WORDS_PER_MINUTE",
    "CHARACTERS_PER_MINUTE",
    "O6_REMINDER",
    "Finding",
    "Profile",
    "Plan",
    "Objective",
    "PitchStats",
    "check_kinds",
    "suggest_plan",
    "check_plan",
    "plan_mix",
    "pitch_stats",
    "check_pitch",
    "check_profile",
    "objective_findings",
    "step_progress",
]

O6_REMINDER = N_(
    "You are not applying for anything here: you asked for this conversation, so you lead it, "
    "you bring the questions, and for most of the time you listen."
)

_MAX_TOTAL = 20


# ----------------------------------------------------------------- O1 kinds


def _kind_choices() -> str:
    return _("; ").join(_(label) for label in KIND_LABELS.values())


def check_kinds(kinds) -> list[Finding]:
    """O1: pick at least one thing to learn about; a focused request gets more yeses."""
    chosen = _as_list(kinds)
    found = []
    for value in dict.fromkeys(chosen):
        if value not in KINDS:
            found.append(
                Finding(
                    "O1",
                    WARNING,
                    _("This is not one of the choices, so it will be ignored."),
                    finding_subject(value),
                    _("Pick from: {choices}.").format(choices=_kind_choices()),
                )
            )
    valid = {k for k in chosen if k in KINDS}
    if not valid:
        found.append(
            Finding(
                "O1",
                ERROR,
                _(
                    "Choose at least one thing you want to learn about. Your request is shaped "
                    "around it, and people say yes more often to a clear request than to a "
                    "vague one."
                ),
                fix=_("Tick one or more of: {choices}.").format(choices=_kind_choices()),
            )
        )
    elif len(valid) == len(KINDS):
        found.append(
            Finding(
                "O1",
                INFO,
                _("You picked all four. That is allowed, but one or two make a sharper request."),
                fix=_("Keep the one or two that matter most to you right now."),
            )
        )
    return found


# ----------------------------------------------------------------- O3 plan


def suggest_plan(total: int = 6) -> Plan:
    """O3: a balanced plan for ``total`` people (clamped to 1-20).

    Up to 4 people who are both in a position and at an organization you want, the others split
    evenly between the two, half junior and half mid-level or senior.
    """
    n = _whole(total)
    n = 6 if n is None else max(1, min(_MAX_TOTAL, n))
    both = min(4, max(0, n - 2))
    rest = n - both
    position_only = rest - rest // 2
    return Plan(
        total=n,
        position=both + position_only,
        organization=both + rest // 2,
        both=both,
        junior=n // 2,
        senior=n - n // 2,
    )


_PLAN_LABELS = {
    "total": N_("the number of interviews"),
    "position": N_("people in a position you want"),
    "organization": N_("people at an organization you want"),
    "both": N_("people who are both"),
    "junior": N_("junior people"),
    "senior": N_("mid-level or senior people"),
}


def check_plan(plan: Plan) -> list[Finding]:
    """O3: the plan adds up, and follows the advice (3-6 people, half and half)."""
    plan = plan if plan is not None else Plan()
    counts, found = {}, []
    for name, label in _PLAN_LABELS.items():
        number = _whole(getattr(plan, name, None))
        if number is None:
            found.append(
                Finding(
                    "O3",
                    ERROR,
                    _("The count of {label} must be a whole number.").format(label=_(label)),
                    finding_subject(_text(getattr(plan, name, None))),
                    _("Enter a number."),
                )
            )
        elif number < 0:
            found.append(
                Finding(
                    "O3",
                    ERROR,
                    _("The count of {label} cannot be negative.").format(label=_(label)),
                    str(number),
                    _("Enter 0 or more."),
                )
            )
        counts[name] = number
    if found:
        return found
    t, p, o, b = counts["total"], counts["position"], counts["organization"], counts["both"]
    j, s = counts["junior"], counts["senior"]
    if not 1 <= t <= _MAX_TOTAL:
        found.append(
            Finding(
                "O3",
                ERROR,
                _("Plan between 1 and {most} interviews.").format(most=_MAX_TOTAL),
                str(t),
                _("Three to six is a good number."),
            )
        )
    elif t < 3:
        found.append(
            Finding(
                "O3",
                WARNING,
                ngettext(
                    "With {n} interview you have little to compare; different people see the "
                    "same job differently.",
                    "With {n} interviews you have little to compare; different people see the "
                    "same job differently.",
                    t,
                ).format(n=t),
                str(t),
                _("Plan three to six."),
            )
        )
    elif t > 6:
        found.append(
            Finding(
                "O3",
                WARNING,
                _(
                    "{n} interviews is a lot: after about six, each extra one teaches you less."
                ).format(n=t),
                str(t),
                _("Start with three to six; add more later."),
            )
        )
    mix_errors = []
    if p > t or o > t:
        mix_errors.append(
            _("Neither group can be larger than the total ({total}).").format(total=t)
        )
    if b > min(p, o):
        mix_errors.append(
            _(
                "People who are both ({both}) are part of each group, so there cannot be "
                "more of them than in the smaller group."
            ).format(both=b)
        )
    if not mix_errors and p + o - b != t:
        mix_errors.append(
            _(
                "The groups should add up to the total: each person is counted once, except "
                "that people who are both count in both groups. Here {position} + "
                "{organization} \u2212 {both} = {sum}, not {total}."
            ).format(position=p, organization=o, both=b, sum=p + o - b, total=t)
        )
    for message in mix_errors:
        found.append(Finding("O3", ERROR, message, fix=_("Try the suggested plan for this total.")))
    half = t // 2
    if not mix_errors and 1 <= t and (p < half or o < half):
        found.append(
            Finding(
                "O3",
                WARNING,
                _(
                    "About half of the people ({half} or more) should be in a position you "
                    "want, and about half at an organization you want, so you learn about both."
                ).format(half=half),
                fix=_("Move people to the smaller group, or count more people who are both."),
            )
        )
    if j + s != t:
        found.append(
            Finding(
                "O3",
                ERROR,
                _(
                    "Junior plus mid-level or senior ({junior} + {senior}) should equal the "
                    "total ({total}): everyone is one or the other."
                ).format(junior=j, senior=s, total=t),
                fix=_("Change one of the two numbers."),
            )
        )
    elif abs(j - t / 2) > 1 or abs(s - t / 2) > 1:
        found.append(
            Finding(
                "O3",
                WARNING,
                _(
                    "Aim for about half junior and half mid-level or senior: junior people know "
                    "how hiring works today, senior people know what employers look for."
                ),
                fix=_("Try {junior} junior and {senior} mid-level or senior.").format(
                    junior=t // 2, senior=t - t // 2
                ),
            )
        )
    return found


def plan_mix(plan: Plan) -> list[tuple[str, int]]:
    """O3: labelled counts for a small chart of the target mix (later: the actual mix)."""
    plan = plan if plan is not None else Plan()
    labels = [
        (_("In a position you want"), "position"),
        (_("At an organization you want"), "organization"),
        (_("Both"), "both"),
        (_("Junior"), "junior"),
        (_("Mid-level or senior"), "senior"),
    ]
    return [(label, _whole(getattr(plan, name, 0)) or 0) for label, name in labels]


# ----------------------------------------------------------------- O4, O5 the profile


def check_profile(profile: Profile) -> list[Finding]:
    """O4, O5: the sender's name, a professional address and a time zone are all needed.

    The time zone is used to propose send and meeting times; the pitch is checked as in O4.
    """
    profile = profile if isinstance(profile, Profile) else Profile()
    found = []
    if not _text(profile.name).strip():
        found.append(
            Finding(
                "O5",
                ERROR,
                _("Your name is needed: it signs every request."),
                fix=_("Enter your name as you would sign an email."),
            )
        )
    found.extend(check_email(profile.email, profile.name))
    zone = _text(profile.timezone).strip()
    if not zone:
        found.append(
            Finding(
                "O5",
                ERROR,
                _(
                    "Choose your time zone, so suggested send and "
                    "meeting times are in your local time."
                ),
                fix=_("Pick the city nearest you, such as America/Toronto."),
            )
        )
    elif zone not in known_zones():
        folded = zone.casefold()
        match = next((z for z in sorted(known_zones()) if z.casefold() == folded), "")
        found.append(
            Finding(
                "O5",
                ERROR,
                _("This is not a known time zone."),
                finding_subject(zone),
                _("Did you mean {zone}?").format(zone=match)
                if match
                else _("Pick one from the list, such as America/Toronto or Europe/Paris."),
            )
        )
    found.extend(check_pitch(profile.pitch))
    return found


# ----------------------------------------------------------------- step 1 overall


def objective_findings(objective: Objective) -> list[Finding]:
    """O1, O2, O3 together: everything to fix in the objective, in reading order."""
    objective = objective if isinstance(objective, Objective) else Objective()
    return check_kinds(objective.kinds) + check_goals(objective.goals) + check_plan(objective.plan)


def _blocking(findings: list[Finding], severities=(ERROR, WARNING)) -> bool:
    """Whether any finding has one of ``severities`` (info hints never block)."""
    return any(f.severity in severities for f in findings)


def step_progress(profile: Profile, objective: Objective) -> list[tuple[str, bool]]:
    """The parts of step 1 (O1-O5) and whether each is done, for a checklist on the page.

    A part counts as done when nothing in it still needs fixing: the profile has a name, an
    address without errors and a known time zone; at least one kind is chosen; at least one
    goal has no warning; the plan has no error; the pitch exists and is not too long.
    """
    profile = profile if isinstance(profile, Profile) else Profile()
    objective = objective if isinstance(objective, Objective) else Objective()
    profile_done = (
        bool(_text(profile.name).strip())
        and not _blocking(check_email(profile.email, profile.name), (ERROR,))
        and _text(profile.timezone).strip() in known_zones()
    )
    goals = [g for g in _as_list(objective.goals) if g.strip()]
    pitch = _text(profile.pitch)
    return [
        (_("Your details: name, email address and time zone"), profile_done),
        (_("What you want to learn about"), any(k in KINDS for k in _as_list(objective.kinds))),
        (
            _("At least one clear learning goal"),
            any(not _blocking(check_goal(g)) for g in goals),
        ),
        (_("Your interview plan"), not _blocking(check_plan(objective.plan), (ERROR,))),
        (
            _("Your 30-second pitch"),
            bool(pitch.strip()) and not _blocking(check_pitch(pitch), (WARNING,)),
        ),
    ]


# ----------------------------------------------------------------- the step's action


@dataclass(frozen=True)
class SavedObjectives:
    """Step 1 as stored: the profile, the objective (the suggested plan when nothing was saved
    yet) and when it was last saved (ISO, UTC; "" for never)."""

    profile: Profile
    objective: Objective
    saved_at: str


def load_profile(ws) -> Profile:
    """The saved profile (empty when nothing was saved yet)."""
    return Profile.from_row(ws.get_row("profile"))


def load_objective(ws) -> Objective:
    """The saved objective (the defaults when nothing was saved yet)."""
    return Objective.from_row(ws.get_row("objective"))


def load_objectives(ws) -> SavedObjectives:
    """What the workspace holds for step 1."""
    profile_row, objective_row = ws.get_row("profile"), ws.get_row("objective")
    objective = (
        Objective.from_row(objective_row) if objective_row else Objective(plan=suggest_plan(6))
    )
    saved = max(((r["updated_at"] or "") for r in (profile_row, objective_row) if r), default="")
    return SavedObjectives(Profile.from_row(profile_row), objective, saved)


def save_objectives(ws, profile: Profile, objective: Objective) -> None:
    """Save the profile and the objective together, in one transaction."""
    ws.put_rows({"profile": profile.to_row(), "objective": objective.to_row()})
