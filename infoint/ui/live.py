"""Views that stay current: a change anywhere (this page, another tab, a notebook open in
JupyterLab on the same workspace) shows in every view within a few seconds, without a
refresh button.

A ``Watcher`` polls the workspace's change signal (``Workspace.change_signal``: SQLite's
``data_version`` and the connection's own change count, two reads that touch no table) every
``interval`` seconds on the kernel's event loop, and calls the views registered with it when
the signal moved. Headless runs (papermill, tests) have no running loop: ``check()`` does one
poll on demand.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from pathlib import Path

__all__ = ["INTERVAL_S", "Watcher", "watcher_for"]

INTERVAL_S = 2.0


class Watcher:
    """Calls its views when the workspace changed since the last look."""

    def __init__(self, ws, interval: float = INTERVAL_S):
        self.ws, self.interval = ws, interval
        self._views: list[Callable[[], None]] = []
        self._own: list[Callable[[], None]] = []  # views that also follow our own writes
        self.external = False  # whether the last change seen came from another connection
        self._seen = ws.change_signal()
        self._timer: asyncio.TimerHandle | None = None
        self.errors: list[str] = []

    def add(self, view: Callable[[], None], own: bool = False) -> None:
        """Redraw ``view`` (a callable taking nothing) whenever another connection changed the
        workspace; with ``own``, also after this kernel's own writes (a page that wrote has
        already redrawn itself, so most views don't need those)."""
        if view not in self._views:
            self._views.append(view)
        if own and view not in self._own:
            self._own.append(view)

    def remove(self, view: Callable[[], None]) -> None:
        """Stop redrawing ``view``."""
        with contextlib.suppress(ValueError):
            self._views.remove(view)
        with contextlib.suppress(ValueError):
            self._own.remove(view)

    def check(self) -> bool:
        """One poll: True (and every view redrawn) when something changed since the last one."""
        try:
            now = self.ws.change_signal()
        except Exception as exc:  # a closed or busy workspace: try again at the next tick
            self.errors.append(str(exc))
            return False
        if now == self._seen:
            return False
        self.external = now[0] != self._seen[0]
        self._seen = now
        for view in list(self._views):
            if not self.external and view not in self._own:
                continue
            try:
                view()
            except Exception as exc:  # one broken view must not stop the others
                self.errors.append(f"{getattr(view, '__qualname__', view)}: {exc}")
        # Redrawing reads only, but a view may save what it shows: count that as seen.
        with contextlib.suppress(Exception):
            self._seen = self.ws.change_signal()
        return True

    def start(self) -> bool:
        """Poll every ``interval`` seconds on the running event loop (a kernel's); False when
        there is none (headless), where ``check`` is called on demand instead."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            try:
                loop = asyncio.get_event_loop()
            except RuntimeError:
                return False
            if not loop.is_running():
                return False
        if self._timer is None:
            self._timer = loop.call_later(self.interval, self._tick, loop)
        return True

    def stop(self) -> None:
        """Stop polling."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _tick(self, loop) -> None:
        self.check()
        self._timer = loop.call_later(self.interval, self._tick, loop)


_WATCHERS: dict[Path, Watcher] = {}


def watcher_for(ws) -> Watcher:
    """The one watcher of workspace ``ws`` in this kernel, polling once a loop is running."""
    watcher = _WATCHERS.get(Path(ws.path))
    if watcher is None or watcher.ws is not ws:
        watcher = _WATCHERS[Path(ws.path)] = Watcher(ws)
    watcher.start()
    return watcher
