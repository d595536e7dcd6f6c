"""Every page, built in the pseudo-language, shows no text that skipped the catalogs.

``i18n.PSEUDO`` brackets every string that went through ``_()`` (and every date and number
``i18n`` formats), so English left on a page stands out: it is what a participant who chose
Spanish or Chinese would still read in English. The app is built twice: on an empty workbook
(every word must be bracketed) and with the demo persona through all six steps (findings,
agenda lines and tables shown; the participant's own words may appear as they are).
"""

from __future__ import annotations

import pytest

from infoint import i18n
from infoint.records import STEPS
from infoint.ui.app import App
from tests.i18n_support import data_words, unmarked, visible_texts


def _report(problems: list[str]) -> str:
    return f"{len(problems)} text(s) not translatable:\n" + "\n".join(problems[:80])


@pytest.mark.parametrize("key", [s.key for s in STEPS])
def test_each_step_of_an_empty_workbook_is_all_translatable(ws, key):
    with i18n.using(i18n.PSEUDO):
        app = App(ws)
        app.open_step(key)
        problems = unmarked(visible_texts(app.widget))
    assert not problems, _report(problems)


def test_the_demo_workbook_through_every_step_is_all_translatable(isolated_workspace):
    with i18n.using(i18n.PSEUDO):
        app = App.open(None, demo=True)
        for step in STEPS:
            app.open_step(step.key)
        problems = unmarked(visible_texts(app.widget), data_words(app.ws))
    assert not problems, _report(problems)


def test_the_check_finds_english_left_on_a_page():
    """The check itself: an untranslated label is found, a bracketed one and data are not."""
    import ipywidgets as widgets

    with i18n.using(i18n.PSEUDO):
        box = widgets.VBox(
            [
                widgets.Button(description=i18n._("Save")),
                widgets.Text(description="Your name", value="Leela"),
                widgets.HTML(f"<p>{i18n._('Hello')} <b>Leela</b></p>"),
                widgets.HTML('<p title="Open it">x</p>'),
            ]
        )
        problems = unmarked(visible_texts(box), frozenset({"leela"}))
    assert len(problems) == 2
    assert "Your name" in problems[0] and "Open it" in problems[1]
