"""Closing or reloading the page while an edit waits to be saved asks first.

Autosave writes about a second after typing stops; in that second the browser's own "Leave
this page?" question is shown (browsers show their own wording, never a page's). The kernel
also writes pending edits when it is shut down (``autosave.flush_all`` at exit), so this is a
second line, not the only one. Only the ``pending`` flag reaches the browser.
"""

from __future__ import annotations

import anywidget
import traitlets

__all__ = ["UnloadGuard"]

_ESM = """
function render({ model, el }) {
  el.style.display = "none";
  const guard = (event) => {
    if (!model.get("pending")) return;
    event.preventDefault();
    event.returnValue = "";
  };
  window.addEventListener("beforeunload", guard);
  return () => window.removeEventListener("beforeunload", guard);
}
export default { render };
"""


class UnloadGuard(anywidget.AnyWidget):
    """Asks before the page goes while ``pending`` is True (link it to a ``SaveState``)."""

    _esm = _ESM
    pending = traitlets.Bool(False).tag(sync=True)

    @classmethod
    def for_state(cls, state) -> UnloadGuard:
        """A guard that follows ``state.pending``."""
        guard = cls(pending=state.pending)
        traitlets.dlink((state, "pending"), (guard, "pending"))
        return guard
