"""Answers saved as they are typed: a debounced save per form and one visible save state.

Every field saves about a second after the user stops typing in it or leaves it (a number
field sends its value when it is left), so navigating, reloading or closing loses nothing; the
state says "Saving...", "Saved 14:02" or "Not saved: <why>. Your text is still here." Buttons
remain only for events.

One ``SaveState`` per workspace (``save_state_for``), shared by every page and shown in the
app's header; a page reports each save through ``SaveState.saving`` / ``saved`` / ``failed``.

``Autosave`` is the debounce: it observes a form's widgets and calls the form's save function
``DELAY`` seconds after the last change, on the kernel's running asyncio loop (ipykernel,
Voila). Without a running loop (papermill cells that set values and stop, plain pytest, a
script) a change only waits: ``flush()`` writes one form now, ``flush_all()`` every form with a
pending change, and ``flush_all`` also runs at interpreter exit, so a kernel shut down while a
save is pending still writes it. A save function raises ``NotSaved(why)`` when the form's input
can't be saved as it stands (the text stays in the form, and the state says why).
"""

from __future__ import annotations

import asyncio
import atexit
import time
import weakref
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import ipywidgets as widgets
import traitlets

from ..i18n import _
from .feedback import message_html

__all__ = [
    "DELAY",
    "MAX_WAIT",
    "Autosave",
    "NotSaved",
    "SaveState",
    "flush_all",
    "save_state_for",
    "state_html",
    "state_view",
]

DELAY = 0.8  # seconds after the last change: "at most about a second after they stop"
MAX_WAIT = 5.0  # someone typing without a pause is still saved every few seconds


class SaveState(traitlets.HasTraits):
    """The save state of one workspace: ``text`` is what the header shows; ``pending`` is
    True while an edit waits to be written (closing the tab then warns first)."""

    text = traitlets.Unicode("")
    pending = traitlets.Bool(False)
    ok = traitlets.Bool(True)

    said: tuple = ()  # what the text says, to say it again in another language (``relabel``)

    def saving(self) -> None:
        """An edit is waiting to be written."""
        self.said = ("saving",)
        self.pending, self.text = True, _("Saving...")

    def saved(self, at: datetime | None = None) -> None:
        """Everything typed is in the workspace (``at`` shown in its own zone when it has one,
        else in this computer's)."""
        moment = at if at is not None and at.tzinfo is not None else (at or datetime.now())
        moment = moment if moment.tzinfo is not None else moment.astimezone()
        self.said = ("saved", moment)
        self.pending, self.ok = False, True
        self.text = _("Saved {time}").format(time=f"{moment:%H:%M}")

    def failed(self, why: str) -> None:
        """The last save did not reach the workspace; the text stays in the form."""
        self.said = ("failed", why)
        self.pending, self.ok = False, False
        self.text = _("Not saved: {why}. Your text is still here.").format(why=why)

    def relabel(self) -> None:
        """Say the same again in the language in use now (the participant chose another)."""
        if self.said[:1] == ("saving",):
            self.saving()
        elif self.said[:1] == ("saved",):
            self.saved(self.said[1])
        elif self.said[:1] == ("failed",):
            self.failed(self.said[1])


_STATES: dict[Path, SaveState] = {}


def save_state_for(ws) -> SaveState:
    """The one save state of the workspace ``ws`` in this kernel."""
    return _STATES.setdefault(Path(ws.path), SaveState())


def state_html(state: SaveState, extra: str = "") -> str:
    """A save state as a boxed status line (words, not colour alone), ``extra`` appended."""
    if not state.text:
        return ""
    kind = "note" if state.pending else "ok" if state.ok else "warning"
    return message_html(f"{state.text}{extra}", kind)


def state_view(state: SaveState, css: str, extra: Callable[[], str] = lambda: "") -> widgets.HTML:
    """A status line that follows ``state`` (and ``extra()``, appended), with class ``css``."""
    view = widgets.HTML()
    view.add_class(css)

    def draw(_change=None) -> None:
        view.value = state_html(state, extra())

    state.observe(draw, names=["text", "pending", "ok"])
    draw()
    return view


class NotSaved(Exception):
    """A form's input can't be saved as it stands; the message says why in plain words."""


# Every form with a change not yet written, held until it is: a page nobody shows any more
# still writes what was typed into it (at the latest when the kernel exits).
_PENDING: set[Autosave] = set()
# The forms each shared state (a page's, a workspace's) sums up.
_FORMS_OF: weakref.WeakKeyDictionary[SaveState, weakref.WeakSet[Autosave]] = (
    weakref.WeakKeyDictionary()
)
# The last save of the forms each shared state no longer sums up (their page was closed): the
# state still says when the workbook was last saved.
_SAVED_BEFORE: weakref.WeakKeyDictionary[SaveState, datetime] = weakref.WeakKeyDictionary()


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _sum_up(shared: SaveState) -> None:
    """A shared state says what is worst among its forms: one not saved, else one waiting,
    else the last save."""
    forms = list(_FORMS_OF.get(shared, ()))
    refused = [f for f in forms if f.why and f.dirty]
    if refused:
        shared.failed(refused[-1].why)
    elif any(f.dirty for f in forms):
        shared.saving()
    else:
        saves = [f.saved_at for f in forms if f.saved_at]
        if shared in _SAVED_BEFORE:
            saves.append(_SAVED_BEFORE[shared])
        last = max(saves, default=None)
        if last is not None:
            shared.saved(last)
        else:
            shared.said, shared.pending, shared.ok, shared.text = (), False, True, ""


class Autosave:
    """Debounced saving of one form.

    ``save()`` writes the form (one action of the logic layer, one transaction), raises
    ``NotSaved`` with a reason when it can't, and returns False when the form holds nothing to
    keep (a new record left empty). ``state`` is the form's own state; each of
    ``shared`` (the page's, the workspace's) sums up every form reporting to it. ``active()``
    is False while the page fills the form itself: loading a record is not an edit. ``clock()``
    is the time a save is shown with (the user's own zone).
    """

    def __init__(
        self,
        save: Callable[[], object],
        shared: Iterable[SaveState] = (),
        *,
        active: Callable[[], bool] = lambda: True,
        delay: float = DELAY,
        max_wait: float = MAX_WAIT,
        clock: Callable[[], datetime] = lambda: datetime.now().astimezone(),
    ):
        self._save = save
        self._clock = clock
        self.state = SaveState()  # this form's own state
        self.shared = list(shared)
        for state in self.shared:
            _FORMS_OF.setdefault(state, weakref.WeakSet()).add(self)
        self._active = active
        self.delay, self.max_wait = delay, max_wait
        self._handle: asyncio.TimerHandle | None = None
        self._first_change: float | None = None
        self._quiet = 0
        self.dirty = False  # an edit waits to be written
        self.why = ""  # why the last attempt was refused ("" when it was not)
        self.saved_at: datetime | None = None
        self.writes = 0  # successful saves so far (what the debounce tests count)

    # -- watching -------------------------------------------------------------------------------
    def watch(self, *controls: widgets.Widget, names: str = "value") -> Autosave:
        """Save after any change of these widgets' ``names`` trait."""
        for control in controls:
            control.observe(self.changed, names=names)
        return self

    @contextmanager
    def quiet(self):
        """Changes made inside are the page's own (filling the form), not edits to save."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def changed(self, _change=None) -> None:
        """An edit: written ``delay`` seconds after the last one on a running loop (at most
        ``max_wait`` after the first); without a loop it waits for ``flush``."""
        if self._quiet or not self._active():
            return
        self.dirty = True
        _PENDING.add(self)
        self.state.saving()
        self._tell()
        loop = _running_loop()
        if loop is None:
            return
        now = time.monotonic()
        if self._first_change is None:
            self._first_change = now
        wait = min(self.delay, max(0.0, self._first_change + self.max_wait - now))
        if self._handle is not None:
            self._handle.cancel()
        self._handle = loop.call_later(wait, self._timer_fired)

    def _timer_fired(self) -> None:
        self._handle = None
        self.flush()

    # -- writing --------------------------------------------------------------------------------
    @property
    def pending(self) -> bool:
        """An edit waits to be written (or was refused and is still in the form)."""
        return self.dirty

    def flush(self) -> bool:
        """Write a pending edit now; True when nothing is left unsaved."""
        self._cancel_timer()
        if not self.dirty:
            return True
        self._first_change = None
        try:
            kept = self._save()
        except NotSaved as exc:
            return self._refused(str(exc))
        except Exception as exc:  # a full disk, a locked or closed file: say so, keep the text
            return self._refused(str(exc) or type(exc).__name__)
        if kept is False:  # the form holds nothing to keep (a new record left empty)
            self.discard()
            return True
        self.dirty, self.why = False, ""
        _PENDING.discard(self)
        self.writes += 1
        self.saved_at = self._clock()
        self.state.saved(self.saved_at)
        self._tell()
        return True

    def _refused(self, why: str) -> bool:
        # Still dirty: the text is in the form, and the next edit or flush tries again.
        self.why = why.strip().rstrip(".")
        self.state.failed(self.why)
        self._tell()
        return False

    def discard(self) -> None:
        """Forget a pending edit (the page put another record into the form on purpose)."""
        self._cancel_timer()
        self.dirty, self.why, self._first_change = False, "", None
        _PENDING.discard(self)
        self.state.said = ()
        self.state.pending, self.state.ok, self.state.text = False, True, ""
        self._tell()

    def close(self) -> bool:
        """The form's page is gone: write a pending edit, then stop reporting to the shared
        states and leave every registry. False (and nothing changed) when the edit was refused:
        a form still holding unsaved text is never dropped."""
        if not self.flush():
            return False
        self._cancel_timer()
        _PENDING.discard(self)
        for state in self.shared:
            if self.saved_at is not None:
                before = _SAVED_BEFORE.get(state)
                _SAVED_BEFORE[state] = (
                    self.saved_at if before is None else max(before, self.saved_at)
                )
            forms = _FORMS_OF.get(state)
            if forms is not None:
                forms.discard(self)
        self._tell()
        self.shared = []
        return True

    def _cancel_timer(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _tell(self) -> None:
        for state in self.shared:
            _sum_up(state)


def flush_all() -> bool:
    """Write every pending edit of every form in this kernel; True when all were saved."""
    ok = True
    for form in list(_PENDING):
        try:
            ok = form.flush() and ok
        except Exception:  # at exit nothing may stop the other forms from saving
            ok = False
    return ok


atexit.register(flush_all)
