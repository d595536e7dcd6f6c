"""Nothing typed is lost, in a real browser: for each step's notebook in Voila, type into a
field key by key (no button), wait about a second and a half, reload the page (a new kernel
reads the workspace), and find the text there.

Uses the shared fixtures of conftest.py: ``demo_voila`` (a Voila server on a workspace where
the demo persona went through every step) and ``page`` (a fresh Chromium page).
"""

from __future__ import annotations

import pytest

from infoint.records import STEPS
from infoint.workspace import Workspace

pytestmark = pytest.mark.browser

# notebook, the field typed into, its save state, where the text shows after a reload (None:
# the field itself)
FIELDS = [
    (
        "01_define_objectives",
        ".ii-objectives-pitch textarea",
        ".ii-objectives-save-state",
        None,
    ),
    (
        "02_build_target_list",
        ".ii-targets-org-name input",
        ".ii-targets-org-save-state",
        ".ii-targets-org-table",
    ),
    ("03_compose_requests", ".ii-outreach-body textarea", ".ii-outreach-save-state", None),
    ("04_prepare_questions", ".ii-questions-notes textarea", ".ii-questions-save-state", None),
    ("05_debrief", ".ii-debrief-insights textarea", ".ii-debrief-save-state", None),
    ("06_send_thanks", ".ii-thanks-note-body textarea", ".ii-thanks-note-save-state", None),
]


def _type(page, selector: str, text: str) -> None:
    """Replace a field's text key by key, as a person types."""
    page.click(selector)
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text, delay=15)


@pytest.mark.parametrize(
    ("notebook", "field", "state", "shown"), FIELDS, ids=[f[0] for f in FIELDS]
)
def test_typed_text_survives_a_reload(demo_voila, page, notebook, field, state, shown):
    from playwright.sync_api import expect

    base, _ = demo_voila
    text = f"Typed in {notebook}, never saved by a click"
    page.goto(f"{base}/voila/render/{notebook}.ipynb")
    page.wait_for_selector(field)
    _type(page, field, text)
    page.wait_for_timeout(1500)  # about a second after typing stops, it is written
    expect(page.locator(state)).to_contain_text("Saved ")
    page.reload()
    page.wait_for_selector(field)
    if shown is None:
        expect(page.locator(field)).to_have_value(text)
    else:
        expect(page.locator(shown)).to_contain_text(text)


def test_a_reload_while_the_save_is_still_pending_keeps_it(demo_voila, page):
    """Reloaded before the debounce fired: the old kernel's pending save is still written (by
    its timer, or at exit when Voila shuts it down) before the new page reads. The short wait
    only lets the last keystrokes reach the kernel (a browser sends a widget's next value once
    the kernel answered the previous one; what was never sent can't be saved)."""
    from playwright.sync_api import expect

    base, workspace = demo_voila
    text = "Reloaded at once after typing this"
    page.goto(f"{base}/voila/render/05_debrief.ipynb")
    field = ".ii-debrief-surprises textarea"
    page.wait_for_selector(field)
    _type(page, field, text)
    page.wait_for_timeout(400)  # well under the debounce's delay
    expect(page.locator(".ii-debrief-save-state")).to_contain_text("Saving...")
    page.reload()
    page.wait_for_selector(field)
    expect(page.locator(field)).to_have_value(text)
    with Workspace.open(workspace) as ws:
        assert any(r["surprises"] == text for r in ws.rows("debriefs"))


def test_invalid_input_stays_in_the_field_and_says_not_saved(demo_voila, page):
    from playwright.sync_api import expect

    base, _ = demo_voila
    page.goto(f"{base}/voila/render/02_build_target_list.ipynb")
    page.wait_for_selector(".ii-targets-row-pick select")  # Edit this person opens the form
    page.select_option(".ii-targets-row-pick select", index=0)
    page.click(".ii-targets-edit")
    expect(page.locator(".ii-targets-c-status")).to_contain_text("Editing")
    _type(page, ".ii-targets-c-years input", "a few")
    expect(page.locator(".ii-targets-c-save-state")).to_contain_text(
        "Not saved: years in the industry should be a number"
    )
    expect(page.locator(".ii-targets-c-save-state")).to_contain_text("Your text is still here.")
    expect(page.locator(".ii-targets-c-years input")).to_have_value("a few")


@pytest.mark.parametrize(
    ("notebook", "field", "state", "shown"), FIELDS, ids=[f[0][:2] for f in FIELDS]
)
def test_typed_in_the_app_and_reloaded_at_once(demo_voila, page, notebook, field, state, shown):
    """The same for every step inside the one app page, reloaded before the save's delay ran
    out: the app's kernel writes what is pending as it shuts down, and the step's address
    (#key) brings the reloaded app back to the same step."""
    from playwright.sync_api import expect

    base, _ = demo_voila
    key = next(s.key for s in STEPS if s.notebook == f"{notebook}.ipynb")
    text = f"Typed in the app's {key} step, reloaded at once"
    page.goto(f"{base}/voila/render/app.ipynb#{key}")
    step = page.locator(f".ii-step-{key}")
    expect(step.locator(field)).to_be_visible(timeout=30_000)
    _type(page, f".ii-step-{key} {field}", text)
    page.wait_for_timeout(400)  # well under the debounce's delay: only the keys reach the kernel
    expect(step.locator(state)).to_contain_text("Saving...")
    page.reload()
    expect(step.locator(field)).to_be_visible(timeout=30_000)
    if shown is None:
        expect(step.locator(field)).to_have_value(text)
    else:
        expect(step.locator(shown)).to_contain_text(text)
