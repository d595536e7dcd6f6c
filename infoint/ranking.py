"""Step 2, T4 with T1, T2, T5 and O3: a transparent score for each contact, and target picks.

Ranking is apart from classification because it weighs, not describes: each scored reason
carries its points in its text, so the score explains itself, and ``suggest_targets`` re-ranks
after every pick so the plan's mix fills up.
"""

from __future__ import annotations

from .bulk import paused_gc
from .classification import Assessment, Context, Mix, mix_of
from .i18n import N_, _, format_number, language
from .organizations import TOP
from .records import org_key


def _part(points: float, text: str) -> tuple[float, str]:
    """One scored reason: its points and its text (marked ``N_`` here, translated when the why
    is written, where its points are shown beside it so the score explains itself)."""
    return (points, text)


def score_text(score: float) -> str:
    """A score as the language writes numbers ("10.9", "10,9")."""
    return f"{score:g}" if language() == "en" else format_number(score)


def _signed(points: float) -> str:
    """A reason's points with their sign ("+2.4", "+2,4", "-1.5")."""
    if language() == "en":
        return f"{points:+g}"
    return ("+" if points >= 0 else "\u2212") + format_number(abs(points))


def _said(part: tuple[float, str]) -> tuple[float, str]:
    """A reason kept in a module constant, in the language in use."""
    return (part[0], _(part[1]))


_KNOW = _part(3.0, N_("you know them"))


_INTRO = _part(2.0, N_("someone you know can introduce you"))


_FOCUS_PARTS = {
    "both": _part(3.0, N_("fits a target role and a target organization")),
    "position": _part(2.0, N_("in a role you want to learn about")),
    "organization": _part(1.5, N_("at an organization you want to learn about")),
}


_NEED_JUNIOR = _part(1.5, N_("junior, which your plan still needs"))


_NEED_SENIOR = _part(1.5, N_("mid-level or senior, which your plan still needs"))


_NEED_ROLE = _part(1.0, N_("a role your plan still needs"))


_NEED_ORG = _part(1.0, N_("an organization your plan still needs"))


_TOP_MANAGER = _part(-1.5, N_("a top manager: early on, people in roles like yours tell you more"))


_NO_REASON = N_("no strong reason yet: add their role, organization or how you know them")


@paused_gc()
def rank(assessed: list[Assessment], ctx: Context, chosen: Mix | None = None) -> list[Assessment]:
    """A transparent score with a one-line why for each person, best first.

    Warmth (T2), fit to the target roles and organizations (O3, T5), the organization's place
    on the long list (T1), what the plan still lacks (O3), and T4: while you have held few
    meetings, peers in roles like the one you want come before top managers. People with the
    same reasons share one score and one text, so each distinct set of reasons is worked out once.
    """
    places = ctx.org_places()
    plan, chosen = ctx.plan, chosen or Mix()
    lacking = {
        k: plan is not None and int(getattr(plan, k)) > int(getattr(chosen, k))
        for k in ("junior", "senior", "position", "organization")
    }
    early = ctx.meetings_held < 3
    org_parts: dict[
        str, tuple[float, str] | None
    ] = {}  # organization as written -> its long-list part
    scored: dict[tuple, tuple[float, str]] = {}
    for a in assessed:
        c = a.contact
        if c.organization in org_parts:
            org_part = org_parts[c.organization]
        else:
            key = org_key(c.organization)
            rated = ctx.org_ratings.get(key)
            points = (
                0.0
                if rated is None
                else max(0, (rated.motivation or 1) - 1) * 0.4
                + (0.8 if places.get(key, 99) <= TOP else 0.0)
            )
            org_part = org_parts[c.organization] = (
                _part(
                    points,
                    _("{organization} is #{place} on your list of organizations").format(
                        organization=c.organization, place=places.get(key)
                    ),
                )
                if points
                else None
            )
        shared = c.warm_reason.strip() if a.connection == "cold" else ""
        reasons = (
            a.connection,
            shared,
            a.focus,
            org_part,
            c.target,
            a.seniority,
            early and a.top_manager,
        )
        found = scored.get(reasons)
        if found is None:
            found = scored[reasons] = _score(reasons, lacking)
        a.score, a.why = found
    ordered = sorted(assessed, key=_rank_key)
    for i, a in enumerate(ordered, 1):
        a.rank = i
    return ordered


def _score(reasons: tuple, lacking: dict[str, bool]) -> tuple[float, str]:
    """The score and the one-line why for one set of reasons (see ``rank``)."""
    connection, shared, focus, org_part, target, seniority, top_manager = reasons
    parts = []
    if connection == "first":
        parts.append(_said(_KNOW))
    elif connection == "second":
        parts.append(_said(_INTRO))
    elif shared:
        parts.append(_part(1.0, _("a shared link ({link})").format(link=shared)))
    if focus in _FOCUS_PARTS:
        parts.append(_said(_FOCUS_PARTS[focus]))
    if org_part is not None:
        parts.append(org_part)
    if not target:
        if lacking["junior"] and seniority == "junior":
            parts.append(_said(_NEED_JUNIOR))
        elif lacking["senior"] and seniority != "junior":
            parts.append(_said(_NEED_SENIOR))
        if lacking["position"] and focus in ("position", "both"):
            parts.append(_said(_NEED_ROLE))
        elif lacking["organization"] and focus in ("organization", "both"):
            parts.append(_said(_NEED_ORG))
    if top_manager:
        parts.append(_said(_TOP_MANAGER))
    score = round(sum(p[0] for p in parts), 1)
    # The three weightiest reasons, and always any penalty, so a low score explains itself.
    penalties = [p for p in parts if p[0] < 0]
    top = sorted((p for p in parts if p[0] > 0), key=_weight)[: 3 - len(penalties)] + penalties
    why = _("; ").join(f"{text} ({_signed(points)})" for points, text in top)
    return score, why if top else _(_NO_REASON)


_RECENT: dict[str, int] = {}  # ISO date -> its sort number (a few thousand distinct days at most)


def _rank_key(a: Assessment) -> tuple:
    """Best score first, then the most recent connection (ISO dates as numbers), then the name."""
    day = a.contact.connected_on
    recent = _RECENT.get(day)
    if recent is None:
        digits = day[:4] + day[5:7] + day[8:10]
        recent = -int(digits) if len(day) == 10 and digits.isdigit() else 0
        if len(_RECENT) < 100_000:
            _RECENT[day] = recent
    return (-a.score, recent, a.contact.first_name.casefold(), a.contact.last_name.casefold())


def _weight(part: tuple[float, str]) -> float:
    return -abs(part[0])


def suggest_targets(
    assessed: list[Assessment], ctx: Context, count: int, pool: int = 300
) -> list[Assessment]:
    """Pick ``count`` people one at a time, re-scoring after each pick so the plan's mix fills
    up (O3).

    Only the best ``pool`` non-targets are re-scored each round, which keeps this quick at
    30,000 contacts while still letting "what the plan lacks" change the order.
    """
    chosen = [a for a in assessed if a.contact.target]
    candidates = sorted((a for a in assessed if not a.contact.target), key=lambda a: -a.score)[
        :pool
    ]
    picks: list[Assessment] = []
    for _pick in range(max(0, count)):
        if not candidates:
            break
        best = rank(candidates, ctx, mix_of(chosen + picks))[0]
        picks.append(best)
        candidates = [a for a in candidates if a is not best]
    return picks
