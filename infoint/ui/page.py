"""What every notebook opens: a page on the workspace, optionally driven by the demo persona."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

import ipywidgets as widgets

from ..clock import find_zone
from ..demo import recording
from ..objectives import load_profile
from ..typed import forget_typed, keep_typed, typed
from .autosave import Autosave, SaveState, flush_all, save_state_for
from .live import _WATCHERS, watcher_for
from .session import open_workspace

__all__ = ["KeptTyping", "Page", "close_widgets"]


def _shared_widgets() -> set[int]:
    """The widgets the ui modules keep for every page (a shared ``Layout``): never closed."""
    found = set()
    for name, module in list(sys.modules.items()):
        if name.startswith("infoint.") and module is not None:
            found.update(id(v) for v in vars(module).values() if isinstance(v, widgets.Widget))
    return found


def close_widgets(*roots: object) -> int:
    """Close every widget reachable from ``roots`` (widgets, and the objects a page keeps them
    in): their children, layouts and styles, and the widgets held in the attributes of a page
    and its helper objects (a form, a table), shared module widgets aside. The number closed."""
    keep, seen, todo, closed = _shared_widgets(), set(), list(roots), 0
    while todo:
        item = todo.pop()
        if id(item) in seen or id(item) in keep:
            continue
        seen.add(id(item))
        if isinstance(item, widgets.Widget):
            for name in item.keys:
                value = getattr(item, name, None)
                if isinstance(value, widgets.Widget | list | tuple):
                    todo.append(value)
            if item.comm is not None:
                item.close()
                closed += 1
        elif isinstance(item, list | tuple | set | frozenset):
            todo.extend(item)
        elif isinstance(item, dict):
            todo.extend(item.values())
        elif type(item).__module__.startswith("infoint.ui.") and hasattr(item, "__dict__"):
            todo.extend(vars(item).values())  # a page or one of its parts: its widgets
    return closed


class Page:
    """A step's page. Each notebook calls ``SomePage.open(workspace, demo)``; the page's own
    ``run_demo`` types and clicks what a person would, so headless runs use the same callbacks.

    Each form of a page saves as it is typed (``autosave``); ``save_state`` sums up the page's
    forms, and ``save_state_for(ws)`` every page's on the workspace."""

    _now: datetime | None = None  # a fixed "now" for tests; pages that take one set it

    @classmethod
    def open(
        cls, workspace: str | None = None, demo: bool = False, language: str | None = None
    ) -> Self:
        """Open the page on the workspace (the notebook's parameter, else the default one);
        ``demo=True`` then runs the page's demo; ``language``: the notebook's own (notebooks/es/,
        notebooks/zh/), chosen for the workbook, else the workbook's choice."""
        flush_all()  # what other pages of this kernel still hold is written before we read
        page = cls(open_workspace(workspace, language))
        page._landmarks_pending = True  # the first section shown carries the page's landmarks
        if demo:
            with recording(page.ws):  # what the demo adds is the demo's: removing it goes too
                page.run_demo()
                flush_all()
        watcher_for(page.ws).add(page.live_refresh)  # a change elsewhere shows here too
        return page

    def live_refresh(self) -> None:
        """Redraw the page's read-only views (lists, tables, progress) from the workspace after
        a change made elsewhere; forms are left alone, so nothing being typed is touched."""

    def keep_choice(self, picker, options: list) -> bool:
        """A picker's new options after a change made elsewhere (a new target, an answer, a
        meeting), the one shown kept without reloading its form (it may be being typed in);
        False when it is no longer among them, and then the caller shows another."""
        current = picker.value
        if current not in {value for _, value in options}:
            return False
        if list(picker.options) != list(options):
            self._loading = True  # the pages' select() ignores changes while loading
            try:
                picker.options = options
                picker.value = current
            finally:
                self._loading = False
        return True

    def show_person(self, contact_id: int) -> bool:
        """Show the person ``contact_id`` (an agenda link's person) in the page's person picker;
        False when the page shows no one at a time or doesn't list them."""
        picker = getattr(self, "person", None)
        if picker is None or contact_id not in {value for _, value in picker.options}:
            return False
        picker.value = contact_id
        return True

    def now(self) -> datetime:
        """The current time (fixed in tests)."""
        return self._now or datetime.now(UTC)

    @property
    def save_state(self) -> SaveState:
        """This page's save state: "Saving...", "Saved 14:02" or "Not saved: <why>. ..."."""
        return self.__dict__.setdefault("_save_state", SaveState())

    def autosave(self, save: Callable[[], object], active: Callable[[], bool]) -> Autosave:
        """A debounced save for one of this page's forms, reported to the page's state and the
        workspace's; ``active()`` is False while the page fills the form itself."""
        form = Autosave(
            save, (self.save_state, save_state_for(self.ws)), active=active, clock=self._local_now
        )
        self.__dict__.setdefault("_forms", []).append(form)
        return form

    def keep_typed(self, form: str, fields: dict[str, widgets.Text]) -> KeptTyping:
        """Keep what is typed into the fields of ``form`` (a new item not added yet) as it is
        typed, and put back what was kept before into those still empty."""
        return KeptTyping(self, form, fields)

    def _local_now(self) -> datetime:
        """Now on the user's clock (step 1's time zone), else this computer's."""
        try:
            found = find_zone(load_profile(self.ws).timezone)
        except Exception:  # a closed workspace at exit: the save itself went through
            found = None
        return self.now().astimezone(found) if found else self.now().astimezone()

    def flush(self) -> bool:
        """Write every pending edit of this page now; True when all of it was saved."""
        return all([form.flush() for form in self.__dict__.get("_forms", [])])

    def refusals(self) -> list[str]:
        """Why each of this page's forms holding a refused edit can't save it as it stands
        (the text is still in the form); empty when nothing typed here is unsaved."""
        return [f.why for f in self.__dict__.get("_forms", []) if f.dirty and f.why]

    def close(self) -> bool:
        """The page is discarded (the app is built again in another language): write what is
        pending, then drop its forms from the save states and its view from the workspace's
        watcher, and close its widgets. False, and the page left as it is, when a form holds a
        refused edit (``refusals``)."""
        forms = self.__dict__.get("_forms", [])
        if not all([form.flush() for form in forms]):
            return False
        for form in forms:
            form.close()
        watcher = _WATCHERS.get(Path(self.ws.path))
        if watcher is not None:
            watcher.remove(self.live_refresh)
        close_widgets(self)
        return True

    def run_demo(self) -> None:
        """Drive the page with the demo persona, as a person would."""
        raise NotImplementedError


class KeptTyping:
    """The fields of a form for a new item (``Page.keep_typed``): saved as they are typed,
    put back when the page is built again, forgotten by ``done()`` once the item is added."""

    def __init__(self, page: Page, form: str, fields: dict[str, widgets.Text]):
        self.ws, self.form, self.fields = page.ws, form, fields
        self._filling = False
        self.autosave = page.autosave(self._save, active=lambda: not self._filling)
        kept = typed(self.ws, form)
        with self.filling():
            for name, field in fields.items():
                if name in kept and not field.value:
                    field.value = kept[name]
        self.autosave.watch(*fields.values())

    @contextmanager
    def filling(self):
        """Changes made inside are the page's own (clearing the fields after adding)."""
        self._filling = True
        try:
            yield
        finally:
            self._filling = False

    def _save(self) -> bool:
        return keep_typed(self.ws, self.form, {n: f.value for n, f in self.fields.items()})

    def done(self) -> None:
        """The item was added: clear its fields and forget what was kept for it."""
        self.autosave.discard()
        with self.filling():
            for field in self.fields.values():
                field.value = ""
        forget_typed(self.ws, self.form)
