"""The page's address as a widget: ``hash`` follows ``window.location.hash`` both ways.

The one-page app keeps each step at its own address (``app.ipynb#targets``), so bookmarks,
links and the browser's Back and Forward open the right step. This small anywidget is its
only browser-side part: a step opened from the kernel pushes a history entry; a changed
address (Back, Forward, a ``#key`` link, a bookmark opened on load) sets ``hash``, which the
kernel observes. It touches the address only in a Voila page (``<body data-voila>``), which is
the top document there; inside JupyterLab the address belongs to JupyterLab and is left alone.
"""

from __future__ import annotations

import anywidget
import traitlets

__all__ = ["Location"]

_ESM = """
function render({ model, el }) {
  el.style.display = "none";
  const body = document.body;
  if (!body || !body.dataset || !body.dataset.voila) return;  // JupyterLab owns its address
  const win = window;
  const inUrl = () => {
    try { return decodeURIComponent(win.location.hash.replace(/^#/, "")); }
    catch (e) { return win.location.hash.replace(/^#/, ""); }
  };
  const address = (hash) =>
    win.location.pathname + win.location.search + (hash ? "#" + encodeURIComponent(hash) : "");
  const fromUrl = () => {
    const hash = inUrl();
    if (hash !== model.get("hash")) {
      model.set("hash", hash);
      model.save_changes();
    }
  };
  const toUrl = () => {
    const hash = model.get("hash");
    if (hash !== inUrl()) win.history.pushState({ iiStep: hash }, "", address(hash));
  };
  const onMessage = (msg) => {
    if (msg && msg.event === "replace") {
      win.history.replaceState({ iiStep: msg.hash }, "", address(msg.hash));
    }
  };
  model.on("change:hash", toUrl);
  model.on("msg:custom", onMessage);
  win.addEventListener("hashchange", fromUrl);
  win.addEventListener("popstate", fromUrl);
  if (inUrl()) {
    fromUrl();  // a bookmark or a link: open that step
  } else if (model.get("hash")) {
    win.history.replaceState({ iiStep: model.get("hash") }, "", address(model.get("hash")));
  }
  return () => {
    model.off("change:hash", toUrl);
    model.off("msg:custom", onMessage);
    win.removeEventListener("hashchange", fromUrl);
    win.removeEventListener("popstate", fromUrl);
  };
}
export default { render };
"""


class Location(anywidget.AnyWidget):
    """The address's fragment without ``#`` (``"targets"``); ``""`` when there is none.

    Setting ``hash`` from the kernel adds a history entry; ``replace`` changes the address
    without one (for an address that named nothing)."""

    _esm = _ESM
    hash = traitlets.Unicode("").tag(sync=True)

    def replace(self, value: str) -> None:
        """Show ``value`` in the address instead of the current one, adding no history entry."""
        self.send({"event": "replace", "hash": value})
        self.hash = value
