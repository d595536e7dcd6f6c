"""The page's landmarks, language and title, for screen readers and axe-core's ``region`` rule.

ipywidgets can't set ARIA attributes and Voila's template wraps the notebook in plain ``<div>``s,
so nothing on a Voila page is inside a landmark. This small anywidget is the browser-side fix,
rendered once per page (the app holds one; a step notebook's first section carries one):

- in the one-page app it gives the header ``role="banner"``, the step buttons
  ``role="navigation"`` and the current step's container ``role="main"``, found by their
  classes (``ii-app-header``, ``ii-app-nav``, ``ii-app-steps``);
- in a step notebook it makes Voila's container of the rendered cells ``role="main"``
  (the narrative and every section are the page's main content);
- it sets ``<html lang="en">`` when the page has no language, and the document's title
  (``title``, or else the page's first heading);
- states ipywidgets can't express: ``aria-current="page"`` on the step button of the step shown
  (class ``ii-nav-current``) and ``aria-expanded`` on each ``Details`` toggle (``ii-open``).

It also carries the workbook's look (``feedback.DESIGN``) into the page, once.

It acts only in a Voila page (``<body data-voila>``); inside JupyterLab the landmarks and the
title belong to JupyterLab and are left alone. Roles are set again if Voila redraws a part.
"""

from __future__ import annotations

import anywidget
import traitlets

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
    if (!root.getAttribute("lang")) root.setAttribute("lang", "en");
    const title = model.get("title") || heading();
    if (title && document.title !== title) document.title = title;
    const app = document.querySelector(".ii-app");
    if (app) {
      return [
        mark(app.querySelector(".ii-app-header"), "banner"),
        mark(app.querySelector(".ii-app-nav"), "navigation", "Steps"),
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
  model.on("change:title", apply);
  return () => {
    observer.disconnect();
    model.off("change:title", apply);
  };
}
export default { render };
"""


class Landmarks(anywidget.AnyWidget):
    """Sets the page's landmarks, ``lang`` and title when rendered in Voila (see the module).

    ``title`` is the document's title; empty means the page's first heading."""

    _esm = _ESM
    _css = DESIGN  # the workbook's look (ui/feedback.py), once per page
    title = traitlets.Unicode("").tag(sync=True)
