"""The workbook's language, chosen on the start page or in the app's header (in-process, no
browser): remembered in the workspace, spoken by every page built after, the app rebuilt at once
with the step and what was typed kept, and English for a code nobody knows."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import ipywidgets as widgets
import pytest
from browser_support import full_demo

from infoint import i18n
from infoint import targets as tg
from infoint.ui import autosave, session
from infoint.ui.app import App
from infoint.ui.autosave import flush_all, save_state_for
from infoint.ui.landmarks import Landmarks
from infoint.ui.session import open_workspace
from infoint.ui.start import StartPage


@pytest.fixture(autouse=True)
def english_after():
    """Every test leaves the kernel speaking English, as it found it."""
    yield
    i18n.set_language("en")


def _pickers(widget) -> list:
    """Every widget under ``widget`` with the class ``ii-language``."""
    found, todo = [], [widget]
    while todo:
        w = todo.pop()
        if "ii-language" in getattr(w, "_dom_classes", ()):
            found.append(w)
        todo.extend(getattr(w, "children", ()))
    return found


def test_the_start_page_offers_the_three_languages_labelled(ws):
    page = StartPage(ws)
    picker = page.language
    assert {"ii-language", "ii-start-language"} <= set(picker._dom_classes)
    assert picker.description == "Language"
    assert list(picker.options) == [("English", "en"), ("Español", "es"), ("简体中文", "zh")]
    assert picker.value == "en"
    assert _pickers(page.today()) == [picker]  # shown in the start page's first section


def test_choosing_on_the_start_page_saves_it_and_a_new_page_speaks_it(ws):
    page = StartPage(ws)
    page.language.value = "es"
    assert ws.get_meta("language") == "es" and i18n.chosen_language(ws) == "es"
    assert "ii-ok" in page.language_status.value  # said, in the new language
    again = StartPage(ws)
    assert again.language.value == "es"
    assert again.download.label == i18n.translate("es", "Download my whole workbook")
    assert again.download.label != "Download my whole workbook"


def test_a_new_kernel_speaks_the_remembered_language(ws, monkeypatch):
    i18n.choose_language(ws, "zh")
    i18n.set_language("en")  # a new kernel starts in English...
    from infoint.ui import session

    session._OPEN.clear()  # ...and opens the workspace afresh
    other = open_workspace(ws.path)
    assert i18n.language() == "zh"  # ...and speaks what the workspace remembers
    assert StartPage(other).restore_button.description == i18n.translate(
        "zh", "Replace my workbook with this backup"
    )
    other.close()


def test_unknown_codes_fall_back_to_english(ws):
    assert i18n.choose_language(ws, "xx") == "en"
    assert ws.get_meta("language") == "en"
    ws.set_meta("language", "klingon")
    assert i18n.chosen_language(ws) == "en"
    app = App(ws)
    assert app.language.value == "en" and i18n.language() == "en"
    app.choose_language("tlh")
    assert app.language.value == "en" and i18n.chosen_language(ws) == "en"
    assert app.nav["targets"].description.endswith("Targets") or "Targets" in (
        app.nav["targets"].description
    )


def test_the_header_offers_the_choice_and_the_app_rebuilds_in_it(ws):
    app = App(ws)
    assert {"ii-language", "ii-nav-language"} <= set(app.language._dom_classes)
    assert app.language in app.header.children[0].children[1].children
    app.open_step("targets")
    old_targets, old_start = app.pages["targets"], app.pages["start"]
    app.language.value = "es"
    assert ws.get_meta("language") == "es"
    assert app.current == "targets" and list(app.pages) == ["targets"]  # rebuilt at once
    assert app.pages["targets"] is not old_targets
    assert app.steps["targets"].layout.display is None
    assert app.landmarks.lang == "es" and app.landmarks.nav_label == i18n.translate("es", "Steps")
    assert app.language.description == i18n.translate("es", "Language")
    assert app.nav["targets"].description.split()[1] == i18n.translate("es", "Targets")
    assert app.landmarks.title.endswith(i18n.translate("es", "Informational interview workbook"))
    app.open_step("start")  # the others are built again when next opened, in the new language
    assert app.pages["start"] is not old_start
    assert app.pages["start"].language.value == "es"


def test_the_start_page_in_the_app_switches_the_whole_app(ws):
    app = App(ws)
    app.pages["start"].language.value = "zh"
    assert i18n.chosen_language(ws) == "zh" and app.language.value == "zh"
    assert app.landmarks.lang == "zh-Hans"
    assert app.current == "start" and app.pages["start"].language.value == "zh"


def test_the_rebuild_keeps_the_step_and_what_was_typed(ws):
    app = App(ws)
    app.open_step("objectives")
    page = app.pages["objectives"]
    page.pitch.value = "I study statistics and want to hear how analysts spend their day."
    assert page.form.pending  # not written yet: no running loop in a test
    app.choose_language("es")  # the pending edit is written before the page is built again
    again = app.pages["objectives"]
    assert again is not page and app.current == "objectives"
    assert again.pitch.value.startswith("I study statistics")
    saved = i18n.translate("es", "Saved {time}").split("{")[0]
    assert saved != "Saved " and save_state_for(ws).text.startswith(saved)  # said in Spanish
    flush_all()


def test_the_save_state_is_said_again_in_the_new_language(ws):
    state = save_state_for(ws)
    state.saving()
    assert state.text == "Saving..."
    with i18n.using("es"):
        state.relabel()
    assert state.text == i18n.translate("es", "Saving...")
    state.relabel()
    assert state.text == "Saving..."


def test_landmarks_always_carry_the_language(ws):
    assert Landmarks().lang == "en"
    with i18n.using("zh"):
        mark = Landmarks()
        assert mark.lang == "zh-Hans"
    with i18n.using("es"):
        mark.relabel()
    assert mark.lang == "es"
    assert 'root.setAttribute("lang", lang)' in Landmarks._esm  # set whatever the page had


def test_the_header_and_start_page_in_the_pseudo_language(ws):
    """Every header text goes through the catalogs (the pseudo-language brackets it)."""
    with i18n.using(i18n.PSEUDO):
        app = App(ws)
        for button in app.nav.values():
            assert i18n.PSEUDO_OPEN in button.description and i18n.PSEUDO_OPEN in button.tooltip
        assert i18n.PSEUDO_OPEN in app.agenda.value and i18n.PSEUDO_OPEN in app.brand.value
        assert i18n.PSEUDO_OPEN in app.language.description


def test_the_agenda_and_progress_speak_the_language_in_use(ws):
    from infoint import targets as tg

    tg.save_contact(ws, tg.Contact(first_name="Lucía", last_name="Pérez García", target=True))
    with i18n.using("es"):
        page = StartPage(ws)
        agenda = page.agenda_html.value
        progress = page.progress_html.value
    assert "Escribe tu solicitud a Lucía Pérez García." in agenda
    assert "Para el " in agenda and "Paso 3" in agenda  # the due time in Spanish words
    assert "Un borrador guardado para cada contacto" in progress
    with i18n.using("zh"):
        agenda = StartPage(ws).agenda_html.value
    assert "给 Lucía Pérez García 写你的请求。" in agenda and "截止" in agenda
    english = StartPage(ws).agenda_html.value  # and English stays exactly as it was
    assert "Write your request to Lucía Pérez García." in english and "Due " in english


def test_a_next_action_is_written_in_the_participants_language():
    from datetime import UTC, datetime, timedelta

    from infoint import pipeline
    from infoint.events import Event

    sent = datetime(2026, 3, 2, 9, tzinfo=UTC)
    events = [Event(1, sent, pipeline.REQUEST_SENT, 7, {})]
    later = sent + timedelta(days=9)
    with i18n.using("es"):
        (action,) = pipeline.next_actions(7, events, later, name="Wei Li", organization="Acme")
    assert action.text.startswith("Aún sin respuesta de Wei Li (Acme)")
    with i18n.using("zh"):
        (action,) = pipeline.next_actions(7, events, later, name="李伟", organization="Acme")
    assert action.text.startswith("李伟") and "Acme" in action.text and "还没有回复" in action.text
    (action,) = pipeline.next_actions(7, events, later, name="Wei Li", organization="Acme")
    assert action.text == "No answer from Wei Li (Acme) yet: send a short, polite follow-up."


def test_the_journal_notice_is_said_in_the_language_chosen_after_opening(tmp_path):
    from infoint.workspace import Workspace

    w = Workspace.open(tmp_path / "nfs" / "workspace.sqlite3", journal="delete")
    try:
        assert w.notice.startswith("Using SQLite's rollback journal because the rollback journal")
        assert w.notice_now() == w.notice
        with i18n.using("es"):
            spanish = w.notice_now()
        assert spanish.startswith("Se usa el diario de reversión de SQLite porque se pidió")
    finally:
        w.close()


def test_the_guide_to_networking_norms_waits_folded_on_the_start_page(ws):
    from infoint.ui.details import Details

    page = StartPage(ws)
    (guide,) = [w for w in page.today().children[0].children if isinstance(w, Details)]
    assert guide.toggle.description == "New to informational interviews? Read this first"
    assert not guide.open and guide.body.layout.display == "none"  # closed until asked for
    assert "ii-norms-guide" in guide.body.children[0].value
    with i18n.using("es"):
        spanish = StartPage(ws).today().children[0].children[2]
    assert spanish.toggle.description == i18n.translate(
        "es", "New to informational interviews? Read this first"
    )
    assert "lang='es'" in spanish.body.children[0].value


# -- switching loses nothing and leaks nothing --------------------------------------------------
@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """A workspace where the demo persona went through all six steps (made once)."""
    path = tmp_path_factory.mktemp("language-demo") / "workspace.sqlite3"
    full_demo(path)
    return path


@pytest.fixture
def demo_ws(demo_file, isolated_workspace):
    """A copy of the demo workspace at this test's default path, open, with no form of an
    earlier test still pending."""
    isolated_workspace.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.copyfile(demo_file, isolated_workspace)
    os.chmod(isolated_workspace, 0o600)
    autosave._PENDING.clear()
    yield session.open_workspace(None)
    autosave._PENDING.clear()


def _editing_with_bad_years(app: App):
    """Step 2 open on its first contact, "cuatro" typed as their years in the industry."""
    app.open_step("targets")
    page = app.pages["targets"]
    page.row_pick.value = page.row_pick.options[0][1]
    page.edit_button.click()
    page.c_years.value = "cuatro"
    return page, page._editing_contact


def test_a_refused_edit_keeps_the_language_the_page_and_the_text(demo_ws):
    app = App(demo_ws)
    page, person = _editing_with_bad_years(app)
    app.language.value = "es"
    assert app.language.value == "en" and i18n.language() == "en"  # the picker put back
    assert i18n.chosen_language(demo_ws) == "en" and app.landmarks.lang == "en"
    assert app.pages["targets"] is page and page.c_years.value == "cuatro"  # nothing lost
    note = app.language_note.value
    assert app.language_note.layout.display is None and "ii-warning-box" in note
    assert note.startswith('<div class="ii-warning-box" role="status">The language was not')
    assert "years in the industry should be a number" in note  # the field, in plain words
    assert "(Step 2: Build your target lists)" in note  # and where it is
    assert save_state_for(demo_ws).text.startswith("Not saved: years in the industry")
    # the start page's own picker is refused the same way, and put back too
    start = app.pages["start"]
    start.language.value = "zh"
    assert start.language.value == "en" and app.language.value == "en"
    assert i18n.chosen_language(demo_ws) == "en" and app.pages["targets"] is page
    # corrected: the note goes, and the language changes with what was typed written first
    page.c_years.value = "4"
    assert flush_all() and app.language_note.layout.display == "none"
    assert not app.language_note.value
    app.language.value = "es"
    assert i18n.chosen_language(demo_ws) == "es" and app.pages["targets"] is not page
    stored = next(c for c in tg.load_contacts(demo_ws) if c.id == person.id)
    assert stored.years_in_industry == 4
    state = save_state_for(demo_ws)
    assert state.ok and not state.pending
    assert state.text.startswith(i18n.translate("es", "Saved {time}").split("{")[0])
    assert not autosave._PENDING and flush_all()  # no form left pending for good


def test_the_refusal_is_said_in_the_language_in_use(demo_ws):
    i18n.choose_language(demo_ws, "es")
    app = App(demo_ws)
    page, _person = _editing_with_bad_years(app)
    app.choose_language("zh")
    assert i18n.chosen_language(demo_ws) == "es" and app.language.value == "es"
    note = app.language_note.value
    assert "No se ha cambiado el idioma" in note and "(Paso 2: " in note
    assert "los años en el sector deben ser un número" in note
    page.c_years.value = ""  # emptied: nothing to refuse any more
    app.choose_language("zh")
    assert i18n.chosen_language(demo_ws) == "zh" and not app.language_note.value


def _live() -> int:
    return len(widgets.widget._instances)


def _forms(ws) -> int:
    return len(list(autosave._FORMS_OF.get(save_state_for(ws), ())))


def test_switching_closes_the_old_pages_so_nothing_grows(demo_ws):
    app = App(demo_ws)
    for key in ("objectives", "outreach", "targets"):
        app.open_step(key)
    app.pages["objectives"].pitch.value = "I study statistics."  # one edit, saved on the switch
    app.choose_language("es")  # what one switch leaves: the current step built again
    widgets_after, forms_after = _live(), _forms(demo_ws)
    old = app.pages["targets"]
    old_forms = list(old.__dict__["_forms"])
    old_box = app.steps["targets"]
    for code in ("zh", "en", "es", "en"):
        app.choose_language(code)
        assert _live() <= widgets_after + 5 and _forms(demo_ws) <= forms_after
    assert app.current == "targets" and list(app.pages) == ["targets"]
    # the old step's widgets are closed and its forms left every registry
    assert old_box.comm is None and old.c_years.comm is None and old.c_years.layout.comm is None
    registered = set(autosave._FORMS_OF.get(save_state_for(demo_ws), ()))
    assert not registered & set(old_forms) and not autosave._PENDING & set(old_forms)
    assert not registered & set(autosave._FORMS_OF.get(old.save_state, ()))
    state = save_state_for(demo_ws)
    assert state.text.startswith("Saved ") and state.ok and not state.pending
    # what the app shows still draws: no live widget points at a closed one (a shared layout)
    for key in ("start", "objectives", "outreach", "questions", "debrief", "thanks"):
        app.open_step(key)
    for w in list(widgets.widget._instances.values()):
        w.get_state()
