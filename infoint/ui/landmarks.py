"""The page's landmarks, language and title, for screen readers and axe-core's ``region`` rule.

ipywidgets can't set ARIA attributes and Voila's template wraps the notebook in plain ``<div>``s,
so nothing on a Voila page is inside a landmark. This small anywidget is the browser-side fix,
rendered once per page (the app holds one; a step notebook's first section carries one):

- in the one-page app it gives the header ``role="banner"``, the step buttons
  ``role="navigation"`` and the current step's container ``role="main"``, found by their
  classes (``ii-app-header``, ``ii-app-nav``, ``ii-app-steps``);
- in a step notebook it makes Voila's container of the rendered cells ``role="main"``
  (the narrative and every section are the page's main content);
- it sets ``<html lang>`` to the workbook's language (``lang``: ``i18n.HTML_LANG``), and the
  document's title (``title``, or else the page's first heading);
- states ipywidgets can't express: ``aria-current="page"`` on the step button of the step shown
  (class ``ii-nav-current``) and ``aria-expanded`` on each ``Details`` toggle (``ii-open``).

It also carries the workbook's look (``feedback.DESIGN``) into the page, once.

It acts only in a Voila page (``<body data-voila>``); inside JupyterLab the landmarks and the
title belong to JupyterLab and are left alone. Roles are set again if Voila redraws a part.
"""

from __future__ import annotations

import anywidget
import traitlets

from ..i18n import HTML_LANG, _, language
from .feedback import DESIGN

__all__ = ["Landmarks"]

_ESM = """
function render({ model, el }) {
  el.style.display = "none";
  const body = document.body;
  if (!body || !body.dataset || !body.dataset.voila) return;  // JupyterLab owns its landmarks
  const mark = (node, role, label) => {
    if (!node) return false;
    if (node.getAttribute("role") !== role) node.setAttribute("role", role);
    if (label && node.getAttribute("aria-label") !== label) node.setAttribute("aria-label", label);
    return true;
  };
  const heading = () => {
    const h = document.querySelector("#rendered_cells h1");
    return h ? h.textContent.replace(/\\u00b6/g, "").trim() : "";
  };
  const states = () => {
    for (const b of document.querySelectorAll(".ii-details-toggle")) {
      const open = String(b.classList.contains("ii-open"));
      if (b.getAttribute("aria-expanded") !== open) b.setAttribute("aria-expanded", open);
    }
    for (const b of document.querySelectorAll(".ii-app-nav .ii-nav")) {
      const here = b.classList.contains("ii-nav-current");
      if (here && b.getAttribute("aria-current") !== "page") b.setAttribute("aria-current", "page");
      if (!here && b.hasAttribute("aria-current")) b.removeAttribute("aria-current");
    }
  };
  const apply = () => {
    states();
    const root = document.documentElement;
    const lang = model.get("lang") || "en";
    if (root.getAttribute("lang") !== lang) root.setAttribute("lang", lang);
    const title = model.get("title") || heading();
    if (title && document.title !== title) document.title = title;
    const app = document.querySelector(".ii-app");
    if (app) {
      return [
        mark(app.querySelector(".ii-app-header"), "banner"),
        mark(app.querySelector(".ii-app-nav"), "navigation", model.get("nav_label") || "Steps"),
        mark(app.querySelector(".ii-app-steps"), "main"),
      ].every(Boolean);
    }
    const cells = document.querySelector("#rendered_cells > div") ||
      document.querySelector("#rendered_cells");
    return mark(cells, "main");
  };
  apply();
  // The app's parts may be drawn after this widget, and Voila may redraw them: watch the page
  // (one check per frame, however many nodes changed).
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; apply(); });
  });
  observer.observe(document.querySelector("#rendered_cells") || body,
                   { childList: true, subtree: true, attributes: true,
                     attributeFilter: ["class"] });
  const traits = ["change:title", "change:lang", "change:nav_label"];
  for (const t of traits) model.on(t, apply);
  return () => {
    observer.disconnect();
    for (const t of traits) model.off(t, apply);
  };
}
export default { render };
"""


class Landmarks(anywidget.AnyWidget):
    """Sets the page's landmarks, ``lang`` and title when rendered in Voila (see the module).

    ``title`` is the document's title; empty means the page's first heading. ``lang`` is the
    page's language (BCP 47), the language in use when it is made unless told;
    ``nav_label`` names the app's step navigation for screen readers."""

    _esm = _ESM
    _css = DESIGN  # the workbook's look (ui/feedback.py), once per page
    title = traitlets.Unicode("").tag(sync=True)
    lang = traitlets.Unicode("en").tag(sync=True)
    nav_label = traitlets.Unicode("Steps").tag(sync=True)

    def __init__(self, **kwargs):
        kwargs.setdefault("lang", HTML_LANG.get(language(), "en"))
        kwargs.setdefault("nav_label", _("Steps"))
        super().__init__(**kwargs)

    def relabel(self) -> None:
        """Speak the language in use now (after the participant chose another)."""
        self.lang = HTML_LANG.get(language(), "en")
        self.nav_label = _("Steps")
