"""The catalogs: every string the code marks has its Spanish and Chinese, and they read well.

``catalogs.check`` is the same check ``python -m infoint.catalogs check`` prints; these tests
also make sure the catalogs parse, translate into the right script, and that the mechanism
(``_``, ``ngettext``, ``using``) does what the pages rely on.
"""

from __future__ import annotations

import ast
import re

import pytest

from infoint import catalogs, i18n

_HAN = re.compile(r"[\u4e00-\u9fff]")


def test_every_marked_string_is_translated_in_every_language():
    problems = catalogs.check()
    listed = "\n".join(f"{p.language} {p.where} {p.why}: {p.msgid!r}" for p in problems[:60])
    assert not problems, f"{len(problems)} problem(s):\n{listed}"


def _calls_inside_fstrings(tree) -> list[int]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in catalogs.KEYWORDS
                    and any(isinstance(a, ast.Constant) for a in inner.args)
                ):  # a literal: ``_(label)`` of a marked constant is fine
                    found.append(inner.lineno)
    return found


def test_no_translated_string_hides_inside_an_f_string():
    """Babel's extractor cannot see ``_()`` inside an f-string (on Python 3.11), so such a
    string would never reach a catalog and the check above would not know it."""
    hidden = []
    for path in sorted(catalogs.PACKAGE.rglob("*.py")):
        lines = _calls_inside_fstrings(ast.parse(path.read_text(encoding="utf-8")))
        hidden.extend(f"{path.name}:{line}" for line in lines)
    assert not hidden, hidden


def test_the_code_marks_strings_and_the_catalogs_hold_them():
    marked = catalogs.marked_strings()
    assert len({m.msgid for m in marked}) > 500
    for code in catalogs.TRANSLATED:
        assert catalogs.catalog_files(code), code
        assert len(catalogs.translations(code)) > 500, code


@pytest.mark.parametrize("code", catalogs.TRANSLATED)
def test_each_catalog_parses_and_no_entry_is_left_fuzzy_or_english(code):
    for path in catalogs.catalog_files(code):
        for message in catalogs._read(path):
            assert not (message.id and message.fuzzy), (path.name, message.id)
    table = catalogs.translations(code)
    # A translation identical to its English is fine for names and short codes only.
    same = [k for k, v in table.items() if k == v and len(k.split()) > 2]
    assert len(same) <= max(5, len(table) // 100), same[:20]


def test_chinese_is_written_in_chinese_characters():
    table = catalogs.translations("zh")
    latin_only = [k for k, v in table.items() if len(k.split()) > 2 and not _HAN.search(v)]
    assert len(latin_only) <= max(5, len(table) // 100), latin_only[:20]


def test_spanish_keeps_its_accents_and_marks():
    text = " ".join(catalogs.translations("es").values())
    assert re.search(r"[áéíóúñ]", text) and "¿" in text


def test_the_language_in_use_switches_for_a_block_and_falls_back_to_english():
    i18n.set_language("en")
    msgid = next(iter(catalogs.translations("es")))
    assert i18n._(msgid) == msgid
    with i18n.using("es"):
        assert i18n._(msgid) == catalogs.translations("es")[msgid]
        with i18n.using("zh"):
            assert i18n._(msgid) == catalogs.translations("zh")[msgid]
        assert i18n.language() == "es"
    assert i18n.language() == "en"
    with i18n.using("xx"):
        assert i18n.language() == "en"
    with i18n.using("es"):
        assert i18n._("A sentence no catalog holds.") == "A sentence no catalog holds."


def test_counted_phrases_take_each_languages_forms():
    plurals = catalogs.plural_translations("es")
    assert plurals, "the pages count things: some phrase must be marked with ngettext"
    singular = next(iter(plurals))
    english_plural = next(m.plural for m in catalogs.marked_strings() if m.msgid == singular)
    with i18n.using("es"):
        assert i18n.ngettext(singular, english_plural, 1) == plurals[singular][0]
        assert i18n.ngettext(singular, english_plural, 3) == plurals[singular][-1]
    with i18n.using("zh"):
        forms = catalogs.plural_translations("zh")[singular]
        assert (
            i18n.ngettext(singular, english_plural, 1)
            == i18n.ngettext(singular, english_plural, 5)
            == forms[0]
        )
    assert i18n.ngettext(singular, english_plural, 1) == singular


def test_the_workbook_remembers_its_language(ws):
    assert i18n.chosen_language(ws) == "en"
    assert i18n.choose_language(ws, "zh") == "zh" == i18n.language()
    assert ws.get_meta("language") == "zh" and i18n.chosen_language(ws) == "zh"
    assert i18n.choose_language(ws, "klingon") == "en"
    i18n.set_language("en")


def test_dates_and_numbers_follow_the_language():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    moment = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Europe/Madrid"))
    assert i18n.spoken(moment) == "Tuesday 10 March, 9:00"
    with i18n.using("es"):
        assert i18n.spoken(moment) == "martes 10 de marzo, 9:00"
        assert i18n.format_number(1234.5) == "1.234,5"
    with i18n.using("zh"):
        assert i18n.spoken(moment) == "3月10日星期二 09:00"
        assert i18n.format_date(moment, "long") == "2026年3月10日"


def test_one_english_word_meant_two_ways_takes_its_context():
    """pgettext: an organization's "Name" is 名称 in Chinese, a person's 姓名; English is one."""
    assert i18n.pgettext("organization", "Name") == "Name"
    with i18n.using("zh"):
        assert i18n.pgettext("organization", "Name") != i18n._("Name")
        assert i18n.pgettext("replies", "Answered") != i18n._("Answered")
        assert i18n.pgettext("nowhere", "Name") == "Name"  # no such context: the English
    with i18n.using(i18n.PSEUDO):
        assert i18n.pgettext("organization", "Name") == "⟦Name⟧"
    contexts = {m.context for m in catalogs.marked_strings() if m.context}
    assert {"organization", "replies"} <= contexts


def test_a_label_kept_in_a_constant_carries_its_context():
    """NP_: the report's "Met" column (a date) against step 3's "Met" stage, each its own."""
    from infoint.report_markup import COLUMNS
    from infoint.stages import STAGE_LABELS

    assert i18n._(COLUMNS["met"]) == "Met" == i18n._(STAGE_LABELS["met"])
    with i18n.using("zh"):
        assert i18n._(COLUMNS["met"]) == i18n.pgettext("date", "Met") != i18n._("Met")
    assert ("date", "Met") in {(m.context, m.msgid) for m in catalogs.marked_strings()}
