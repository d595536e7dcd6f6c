"""Taking back a page's last destructive action, right after it, as one action.

What can be undone, and how (each ``run`` is one transaction and returns what it did, in
words, for the confirmation):

- archiving an organization (step 2's long list): it is brought back (``set_archived``);
- a quick capture that updated a saved person (step 2): the fields it changed are as before;
- marking an action item done (step 5): it is open again, on the agenda as before;
- unlinking a meeting from a learning goal it answered (step 5): the link is back as it was
  (``coverage.set_link``);
- restoring a backup over the workbook (start page): the safety copy the restore saved is
  restored, which saves what the restore had put there as a safety copy in turn;
- loading the demo persona (start page): the demo is removed (``demo.remove_persona``);
- removing the demo persona (start page): the safety copy the removal saved is restored.

A question removed from the list of step 4 is put back by its page (the list is saved with
the meeting, ``meetings.save_meeting``). A page keeps only its last such action
(``ui/undo.UndoButton``), never a history across pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from . import action_items, coverage, demo, organizations, targets
from .exports import restore_backup
from .i18n import _
from .records import Contact, Organization
from .schema import WorkspaceError

__all__ = [
    "Undo",
    "archived",
    "capture_updated",
    "action_item_done",
    "goal_unlinked",
    "restored",
    "demo_loaded",
    "demo_removed",
]


@dataclass(frozen=True)
class Undo:
    """One action that can be taken back: ``what`` it takes back, in words ("archiving
    Northwind"), and ``run``, which takes it back and says what it did."""

    what: str
    run: Callable[[], str]


def archived(ws, org: Organization) -> Undo:
    """Undo archiving ``org``: it is on the long list again, as it was."""

    def run() -> str:
        organizations.set_archived(ws, org.id, False)
        return _("Undone: {name} is back on your list.").format(name=org.name)

    return Undo(_("archiving {name}").format(name=org.name), run)


def capture_updated(ws, before: Contact, changed: tuple[str, ...]) -> Undo:
    """Undo a quick capture that updated ``before``: the ``changed`` fields as they were."""

    def run() -> str:
        targets.save_contact(ws, before, fields=changed)
        return _("Undone: {name}'s details are as they were before.").format(name=before.full_name)

    return Undo(_("updating {name}").format(name=before.full_name), run)


def action_item_done(ws, item: action_items.ActionItem) -> Undo:
    """Undo marking an action item done: it is open again, with its date, on the agenda."""

    def run() -> str:
        action_items.save_action_item(ws, replace(item, done_at=""))
        return _("Undone: “{item}” is open again.").format(item=item.text)

    return Undo(_("marking “{item}” done").format(item=item.text), run)


def goal_unlinked(ws, before: coverage.GoalLink, name: str) -> Undo:
    """Undo taking back that the meeting with ``name`` answered a goal: the link as it was."""

    def run() -> str:
        coverage.set_link(ws, before.meeting_id, before.goal, before.extent)
        word = _(coverage.EXTENT_LABELS[before.extent]).lower()
        return _(
            "Undone: your meeting with {name} is linked to that goal again ({extent})."
        ).format(name=name, extent=word)

    return Undo(_("unlinking your meeting with {name} from a goal").format(name=name), run)


def restored(ws, safety_copy: Path, name: str) -> Undo:
    """Undo restoring ``name``: the workbook as it was before, from the restore's safety copy."""

    def run() -> str:
        again = _restore_copy(ws, safety_copy)
        return _(
            "Undone: your workbook is back as it was before you restored {name}. "
            "What the restore had put here was saved to {copy}."
        ).format(name=name, copy=again)

    return Undo(_("restoring {name}").format(name=name), run)


def demo_loaded(ws) -> Undo:
    """Undo loading the demo: the same as removing it (``demo.remove_persona``)."""

    def run() -> str:
        removal = demo.remove_persona(ws)
        if removal.removed_anything:
            return _("Undone: {summary}").format(summary=removal.summary())
        return removal.summary()

    return Undo(_("loading the demo persona"), run)


def demo_removed(ws, safety_copy: Path) -> Undo:
    """Undo removing the demo: the workbook as it was before, from the removal's safety copy."""

    def run() -> str:
        again = _restore_copy(ws, safety_copy)
        return _(
            "Undone: the demo persona is back, and your workbook is as it was before you "
            "removed it. The workbook without the demo was saved to {copy}."
        ).format(copy=again)

    return Undo(_("removing the demo persona"), run)


def _restore_copy(ws, path: Path) -> Path | None:
    """Restore a safety copy (one transaction, after a safety copy of what is here now)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise WorkspaceError(
            _(
                "The copy of your previous workbook ({path}) can't be read "
                "({error}). Nothing was changed."
            ).format(path=path, error=exc.strerror or exc)
        ) from exc
    return restore_backup(ws, data, Path(path).name).safety_copy
