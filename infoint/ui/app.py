"""The one-page app: the start page and all six steps in one kernel, one step shown at a time.

Every notebook is its own Voila page with a fresh kernel, seconds before it can be used;
``notebooks/app.ipynb`` opens this instead. A header holds the step navigation (each step's
parts done), today's agenda count and the save state; below it, the current step. A step's
page is built the first time it is opened and kept, so the first paint costs the start page
alone and returning to a step only shows it again. Each step has its own address
(``app.ipynb#targets``, ``ui.location``), so bookmarks, links and Back and Forward work.

A step shows the same sections, from the same page class, in the same order as its notebook
(each page's ``SECTIONS``; tests/test_hygiene.py keeps the two in step).
"""

from __future__ import annotations

import logging
from typing import Self

import ipywidgets as widgets

from .. import i18n
from ..demo import recording
from ..i18n import N_, _, ngettext
from ..records import STEP_BY_KEY, STEPS
from ..safe import escape
from ..workspace import Workspace
from .autosave import flush_all, save_state_for, state_view
from .feedback import STYLE, message_html
from .landmarks import Landmarks
from .live import watcher_for
from .location import Location
from .page import Page, close_widgets
from .section import Section
from .session import open_workspace
from .snapshot import agenda_now, progress_now
from .start import StartPage, language_picker
from .unload_guard import UnloadGuard

__all__ = ["App", "page_class", "step_link"]

START = "start"
BRAND = N_("Informational interview workbook")
_FAILED = N_(
    "This step could not be opened ({exc}). What you saved is safe: "
    "reload the page to try again, or open the step's own notebook."
)
_log = logging.getLogger(__name__)
# The navigation's short names (the full titles are each step's heading and tooltip).
SHORT_TITLES = {
    "start": N_("Start"),
    "objectives": N_("Objectives"),
    "targets": N_("Targets"),
    "outreach": N_("Requests"),
    "questions": N_("Questions"),
    "debrief": N_("Debrief"),
    "thanks": N_("Thanks"),
}

# The app's own look (the shared one is feedback.DESIGN): the notebook's narrative is for
# JupyterLab readers and hidden here (the banner names the workbook); a centred column; the
# banner with the name, today's count and the save state over the step buttons; each section's
# heading is the top of its card. Its rules start with ".ii-app.ii-ui" to win over the shared
# ones whatever their order in the page.
_CSS = """<style>
body[data-voila] div[cell-index]:has(~ div[cell-index] .ii-app) { display: none; }
.ii-app.ii-ui.widget-box { max-width: 72rem; margin: 0 auto; padding: 0 0 var(--ii-s6) 0;
box-sizing: border-box; }
.ii-app.ii-ui .ii-app-header { gap: var(--ii-s2); padding: var(--ii-s2) 0 var(--ii-s3) 0;
margin: 0 0 var(--ii-s5) 0; border-bottom: 1px solid var(--ii-line); }
.ii-app.ii-ui .ii-app-top { justify-content: space-between; align-items: baseline;
gap: var(--ii-s1) var(--ii-s4); }
.ii-app.ii-ui .ii-app-top > .widget-inline-hbox { width: auto !important; }
.ii-app.ii-ui .ii-app-brand p { margin: 0; font-weight: 700; font-size: 16px; }
.ii-app.ii-ui .ii-app-status { gap: var(--ii-s1) var(--ii-s4); align-items: baseline; }
.ii-app.ii-ui .ii-app-status > .widget-inline-hbox { width: auto !important; }
.ii-app.ii-ui .ii-app-status a { color: var(--ii-primary); font-weight: 600; }
.ii-app.ii-ui .ii-app-status .widget-inline-hbox.ii-nav-language { flex-wrap: nowrap;
align-items: center; column-gap: var(--ii-s1); max-width: none; }
.ii-app.ii-ui .ii-nav-language > .widget-label { flex: 0 0 auto; font-weight: 400; }
.ii-app.ii-ui .ii-nav-language > select { flex: 0 0 auto; width: auto; min-width: 9em;
min-height: 32px; padding-right: 2em; }
.ii-app.ii-ui .ii-save-state .ii-note { border: 0; background: none; padding: 0;
color: var(--ii-muted); }
.ii-app.ii-ui .ii-save-state .ii-warning-box { padding: 0 var(--ii-s2); }
.ii-app.ii-ui .ii-app-nav { flex-wrap: wrap; gap: var(--ii-s1); align-items: center; }
.ii-app.ii-ui .ii-app-nav .ii-nav { margin: 0; border-radius: 18px; min-height: 32px;
padding: var(--ii-s1) var(--ii-s3); border-color: var(--ii-line); }
.ii-app.ii-ui .ii-app-nav .jupyter-button.ii-nav-current { background: var(--ii-primary);
border-color: var(--ii-primary); color: #ffffff; font-weight: 700; text-decoration: underline;
text-underline-offset: 0.2em; }
.ii-app.ii-ui .ii-step { gap: 0; }
.ii-app.ii-ui .ii-app-step-title h1 { font-size: 26px; line-height: 1.25;
margin: 0 0 var(--ii-s4) 0; }
.ii-app.ii-ui .ii-app-section-heading { background: var(--ii-surface);
border: 1px solid var(--ii-line); border-bottom: 0;
border-radius: var(--ii-radius) var(--ii-radius) 0 0; padding: var(--ii-s4) var(--ii-s5) 0; }
.ii-app.ii-ui .ii-app-section-heading h2 { font-size: 19px; line-height: 1.3; margin: 0; }
.ii-app.ii-ui .ii-app-section-heading + .ii-section { border-top: 0; padding-top: var(--ii-s3);
border-radius: 0 0 var(--ii-radius) var(--ii-radius); }
@media (max-width: 40rem) {
  .ii-app.ii-ui .ii-app-section-heading { padding: var(--ii-s3) var(--ii-s3) 0; }
  .ii-app.ii-ui .ii-app-step-title h1 { font-size: 22px; }
}
</style>"""


def page_class(key: str) -> type[Page]:
    """The page class of a step; a step's module is imported only when it is first opened."""
    if key == START:
        return StartPage
    if key == "objectives":
        from .objectives import ObjectivesPage  # lazy: a step loads when first opened

        return ObjectivesPage
    if key == "targets":
        from .targets import TargetsPage  # lazy: a step loads when first opened

        return TargetsPage
    if key == "outreach":
        from .outreach import OutreachPage  # lazy: a step loads when first opened

        return OutreachPage
    if key == "questions":
        from .questions import QuestionsPage  # lazy: a step loads when first opened

        return QuestionsPage
    if key == "debrief":
        from .debrief import DebriefPage  # lazy: a step loads when first opened

        return DebriefPage
    if key == "thanks":
        from .thanks import ThanksPage  # lazy: a step loads when first opened

        return ThanksPage
    raise KeyError(key)


def step_link(key: str, contact_id: int | None = None) -> str:
    """Where a link to a step points inside the app: ``#<key>`` on the same page, or
    ``#<key>/<contact id>`` for a step that shows one person at a time."""
    return f"#{key}/{int(contact_id)}" if contact_id is not None else f"#{key}"


def parse_address(address: str) -> tuple[str, int | None]:
    """``"outreach/12"`` (or ``"#outreach/12"``) -> ("outreach", 12); ``"targets"`` -> ("targets",
    None)."""
    key, _, who = (address or "").lstrip("#").partition("/")
    return key, int(who) if who.isdigit() else None


def _title(step) -> str:
    """A step's heading: "Step 2: Build your target lists" (the start page: its title), in the
    language in use."""
    if not step.number:
        return _(step.title)
    return _("Step {number}: {title}").format(number=step.number, title=_(step.title))


def _html(value: str, css: str) -> widgets.HTML:
    w = widgets.HTML(value)
    w.add_class(css)
    return w


def _probe() -> widgets.Button:
    """A hidden button that counts its clicks in its own text: benchmarks/app.py clicks it to
    time when a step answers (a round trip through the kernel). Nobody sees or reaches it."""
    button = widgets.Button(description="Probe 0", layout=widgets.Layout(display="none"))
    button.add_class("ii-app-probe")

    def count(_) -> None:
        button.description = f"Probe {int(button.description.split()[-1]) + 1}"

    button.on_click(count)
    return button


class App:
    """The whole workbook on one page: the header, then the current step.

    ``open_step(key)`` shows a step, building it the first time; ``refresh_header()`` reads
    each step's progress and today's agenda again (the save state follows by itself). The app
    displays as ``widget``, a Section, whose saved text form names no user data."""

    def __init__(self, ws: Workspace):
        self.ws = ws
        i18n.set_language(i18n.chosen_language(ws))  # the kernel speaks the workbook's language
        self.pages: dict[str, Page] = {}
        self.steps: dict[str, widgets.VBox] = {}  # each opened step's container
        self.built: list[str] = []  # the steps in the order they were built (once each)
        self.current = ""
        self.location = Location()
        self.location.observe(self._on_hash, names="hash")
        self.nav: dict[str, widgets.Button] = {}
        for step in STEPS:
            button = widgets.Button(description=_(SHORT_TITLES[step.key]))
            button.layout.width = "auto"
            button.add_class("ii-nav")
            button.add_class(f"ii-nav-{step.key}")
            button.on_click(lambda _, key=step.key: self.open_step(key))
            self.nav[step.key] = button
        self.agenda = _html("", "ii-app-agenda")
        self.save_state = state_view(save_state_for(ws), "ii-save-state")
        self.guard = UnloadGuard.for_state(save_state_for(ws))
        nav = widgets.HBox(list(self.nav.values()))
        nav.add_class("ii-app-nav")
        self.language = language_picker(ws, "ii-nav-language")
        self.language.observe(self._on_language, names="value")
        status = widgets.HBox([self.agenda, self.save_state, self.language])
        status.add_class("ii-app-status")
        self.brand = _html(f'<p class="ii-app-brand">{escape(_(BRAND))}</p>', "ii-app-brand")
        top = widgets.HBox([self.brand, status])
        top.add_class("ii-app-top")
        self.language_note = _html("", "ii-app-language-note")  # a change refused, and why
        self.language_note.layout.display = "none"
        save_state_for(ws).observe(self._on_saved, names="ok")  # corrected: the note goes
        self.header = widgets.VBox([top, self.language_note, nav])
        self.header.add_class("ii-app-header")
        self.landmarks = Landmarks(title=_(BRAND))  # banner, navigation, main; lang and title
        self.body = widgets.VBox()
        self.body.add_class("ii-app-steps")
        self.widget = Section(
            [
                widgets.HTML(STYLE + _CSS),
                self.header,
                self.body,
                self.location,
                self.guard,
                self.landmarks,
            ],
            title=_("The informational interview workbook"),
        )
        self.widget.add_class("ii-app")
        self.widget.add_class("ii-ui")  # the shared look (feedback.DESIGN) applies inside
        self.stale: set[str] = set()  # built steps whose views changed while hidden
        self.open_step(START)
        self.watcher = watcher_for(ws)
        self.watcher.add(self.refresh_views, own=True)

    @classmethod
    def open(
        cls, workspace: str | None = None, demo: bool = False, language: str | None = None
    ) -> Self:
        """The app on the workspace (the notebook's parameter, else the default one);
        ``demo=True`` then runs every page's demo, in order, inside the app; ``language`` as
        in ``Page.open``."""
        flush_all()  # what other pages of this kernel still hold is written before we read
        app = cls(open_workspace(workspace, language))
        if demo:
            app.run_demo()
        return app

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return repr(self.widget)

    def run_demo(self) -> None:
        """Open each step in turn and run its page's demo, as the notebooks do one by one."""
        for step in STEPS:
            self.open_step(step.key)
            with recording(self.ws):  # what the demo adds is the demo's: removing it goes too
                self.pages[step.key].run_demo()
                flush_all()
        self.open_step(START)

    # -- steps -------------------------------------------------------------------------------
    def open_step(self, key: str, from_address: bool = False) -> None:
        """Show the step ``key`` (building it the first time) and hide the others; an unknown
        key shows the start page. ``from_address``: the browser's address asked for it, so
        no new history entry is made."""
        known = key in STEP_BY_KEY
        key = key if known else START
        if key != self.current or key not in self.pages:
            flush_all()  # what was typed in the step we leave counts in the header and the next
            if key not in self.pages:
                self._build(key)
            elif key in self.stale or key == START:
                self.pages[key].live_refresh()  # its views may have changed while hidden
            self.stale.discard(key)
            for other, box in self.steps.items():
                box.layout.display = None if other == key else "none"
            self.current = key
            self.landmarks.title = f"{_title(STEP_BY_KEY[key])} - {_(BRAND)}"
            for other, button in self.nav.items():
                if other == key:
                    button.add_class("ii-nav-current")
                else:
                    button.remove_class("ii-nav-current")
            self.refresh_header()
        if not known and self.location.hash:
            self.location.replace(START)  # the address named no step: show where we are
        elif not from_address and self.location.hash != key:
            if not (key == START and not self.location.hash):  # the first page: no entry yet
                self.location.hash = key

    def _build(self, key: str) -> None:
        step = STEP_BY_KEY[key]
        children: list[widgets.Widget] = [
            _html(f"<h1>{escape(_title(step))}</h1>", "ii-app-step-title")
        ]
        try:
            cls = page_class(key)
            page = (
                cls(self.ws, link_for=step_link, on_language=self.choose_language)
                if cls is StartPage
                else cls(self.ws)
            )
            for method, heading in cls.SECTIONS:
                children.append(_html(f"<h2>{escape(_(heading))}</h2>", "ii-app-section-heading"))
                children.append(getattr(page, method)())
        except Exception as exc:  # shown in the step: a click must never do nothing
            _log.exception("step %s could not be opened", key)
            failed = _(_FAILED).format(exc=exc)
            children[1:] = [_html(message_html(failed, "warning"), "ii-app-error")]
        else:
            self.pages[key] = page
            self.built.append(key)
        container = widgets.VBox([*children, _probe()])
        container.add_class(f"ii-step-{key}")
        container.add_class("ii-step")
        old = self.steps.get(key)  # a step that failed before is tried again
        self.steps[key] = container
        self.body.children = (*(c for c in self.body.children if c is not old), container)
        if old is not None:
            close_widgets(old)  # the failed attempt's message and probe

    def _on_hash(self, change) -> None:
        wanted, person = parse_address(change["new"] or START)
        if wanted != self.current or wanted not in STEP_BY_KEY:
            self.open_step(wanted, from_address=True)
        if person is not None and wanted == self.current:
            self.show_person(person)

    def show_person(self, contact_id: int) -> bool:
        """Show the person ``contact_id`` in the current step (an agenda link's person): its
        page chooses them (their meeting, in step 5); False when it shows no one at a time or
        doesn't list them."""
        page = self.pages.get(self.current)
        return page is not None and page.show_person(contact_id)

    # -- language ------------------------------------------------------------------------------
    def _on_language(self, change) -> None:
        self.choose_language(change["new"])

    def choose_language(self, code: str) -> None:
        """Speak ``code`` from now (remembered in the workspace): every page built so far is
        built again in it, the current step at once and the others when next opened; the step
        shown stays, and what was typed is written first, so it is all there again. While a
        form holds an edit that can't be saved (a number that is not one), nothing changes:
        the language stays, the picker says so and why, and the text stays to be corrected."""
        if code == i18n.chosen_language(self.ws) and code == i18n.language():
            return
        flush_all()  # a pending edit is in the workspace before its form is built again
        refused = [(key, why) for key, page in self.pages.items() for why in page.refusals()]
        if refused:
            self._keep_language(*refused[0])
            return
        self._say_language("")
        i18n.choose_language(self.ws, code)
        if self.language.value != i18n.chosen_language(self.ws):
            self.language.value = i18n.chosen_language(self.ws)  # an unknown code: English
        key = self.current or START
        for page in self.pages.values():
            page.close()  # its forms leave the save state, its widgets are closed
        close_widgets(*self.steps.values())  # the headings, probes and failed steps too
        self.pages, self.steps, self.built, self.stale = {}, {}, [], set()
        self.body.children = ()
        self.current = ""
        self.relabel()
        self.open_step(key, from_address=True)

    def _keep_language(self, key: str, why: str) -> None:
        """Refuse a change of language: the pickers show the language in use again, and the
        header says which step holds the text that can't be saved, and why."""
        kept = i18n.chosen_language(self.ws)
        self.language.value = kept
        start = self.pages.get(START)
        if isinstance(start, StartPage):
            start.language.value = kept
        text = _(
            "The language was not changed, so nothing you typed is lost: {why} ({step}). "
            "Correct that, then choose the language again."
        ).format(why=why, step=_title(STEP_BY_KEY[key]))
        self._say_language(message_html(text, "warning"))

    def _on_saved(self, change) -> None:
        if change["new"]:
            self._say_language("")

    def _say_language(self, html: str) -> None:
        self.language_note.value = html
        self.language_note.layout.display = None if html else "none"

    def relabel(self) -> None:
        """The header's own words in the language in use (the steps' are rebuilt)."""
        self.brand.value = f'<p class="ii-app-brand">{escape(_(BRAND))}</p>'
        self.language.description = _("Language")
        self.landmarks.relabel()
        self.widget._title = _("The informational interview workbook")
        save_state_for(self.ws).relabel()

    # -- live views --------------------------------------------------------------------------
    def refresh_views(self) -> None:
        """The workspace changed (here, in another tab or in a notebook): redraw the header and
        the current step's views now; the other built steps when they are next shown."""
        self.refresh_header()
        if self.current in self.pages and self.watcher.external:  # our own writes: drawn
            self.pages[self.current].live_refresh()
        self.stale.update(k for k in self.pages if k != self.current)

    # -- header ------------------------------------------------------------------------------
    def refresh_header(self) -> None:
        """Read each step's parts done and today's agenda again (the save state follows by
        itself)."""
        done = {s.number: s for s in progress_now(self.ws)}
        for step in STEPS:
            button = self.nav[step.key]
            status = done.get(step.number)
            here = step.key == self.current
            name, title = _(SHORT_TITLES[step.key]), _(step.title)
            if status is None:
                button.description = name
                tip = _("{title}. You are here.") if here else _("{title}.")
                button.tooltip = tip.format(title=title)
            else:
                total = len(status.parts)
                button.description = f"{step.number} {name} {status.done}/{total}"
                tip = (
                    _("Step {number}: {title}: {done} of {total} parts done. You are here.")
                    if here
                    else _("Step {number}: {title}: {done} of {total} parts done.")
                )
                button.tooltip = tip.format(
                    number=step.number, title=title, done=status.done, total=total
                )
            button.button_style = "primary" if step.key == self.current else ""
        items = agenda_now(self.ws)
        overdue = sum(1 for item in items if item.overdue)
        if not items:
            text = _("Today: nothing due")
        elif overdue:
            text = ngettext(
                "Today: {n} thing to do ({overdue} overdue)",
                "Today: {n} things to do ({overdue} overdue)",
                len(items),
            ).format(n=len(items), overdue=overdue)
        else:
            text = ngettext("Today: {n} thing to do", "Today: {n} things to do", len(items))
            text = text.format(n=len(items))
        self.agenda.value = f'<a href="{step_link(START)}">{escape(text)}</a>'
