"""The short guide to networking norms: its parts, shown by ``norms_section``, and written
in Spanish and Chinese as well (every heading and paragraph differs from the English)."""

from __future__ import annotations

import html
import re

import pytest

from infoint import i18n
from infoint.norms import PARTS, norms_guide, norms_title
from infoint.ui.norms import norms_html, norms_section


def words(text: str) -> int:
    return len(text.split())


def test_the_guide_has_its_parts_in_order():
    guide = norms_guide()
    assert [heading for heading, _ in guide] == [
        "What it is, and what it is not",
        "How direct to be",
        "How to address people",
        "How long, and on time",
        "After the conversation",
        "Writing across cultures",
    ]
    text = " ".join(paragraph for _, paragraph in guide)
    for needed in (
        "not a job interview",
        "never ask for a job",
        "20 to 30 minutes",
        "follow up once after about a week",
        "Silence is not a rejection",
        "usted",
        '"Sr." or "Sra."',
        "您",
        "李经理",
        "王老师",
        "on time",
        "within 24 hours",
        "keep in touch",
        "time zone",
        "introduction",
        "Gifts are not expected",
    ):
        assert needed in text, needed


def test_the_guide_is_short_and_readable():
    total = words(norms_title()) + sum(words(h) + words(p) for h, p in norms_guide())
    assert 350 <= total <= 450, total
    assert all(words(p) <= 90 for _, p in norms_guide())  # short paragraphs, no wall of text


def test_norms_section_shows_every_part():
    widget = norms_section(None)
    assert "ii-norms" in widget._dom_classes
    shown = html.unescape(re.sub(r"<[^>]+>", " ", widget.value.split("</style>", 1)[1]))
    assert norms_title() in shown
    for heading, paragraph in norms_guide():
        assert heading in shown and paragraph in shown
    assert widget.value.count("<h4>") == len(PARTS)
    assert "lang='en'" in widget.value


@pytest.mark.parametrize("code", ["es", "zh"])
def test_the_guide_is_translated(code):
    english = [norms_title(), *(t for part in norms_guide() for t in part)]
    with i18n.using(code):
        translated = [norms_title(), *(t for part in norms_guide() for t in part)]
        page = norms_html()
    assert len(translated) == len(english)
    for mine, theirs in zip(english, translated, strict=True):
        assert theirs and theirs != mine, mine
    assert f"lang='{i18n.HTML_LANG[code]}'" in page
    assert "<" not in "".join(translated) and "&" not in "".join(translated)


def test_the_spanish_and_chinese_keep_what_matters():
    with i18n.using("es"):
        es = " ".join(p for _, p in norms_guide())
    with i18n.using("zh"):
        zh = " ".join(p for _, p in norms_guide())
    for needed in ("usted", "Sr.", "李经理", "20 a 30 minutos", "24 horas", "zona horaria"):
        assert needed in es, needed
    for needed in ("您", "李经理", "王老师", "usted", "20 到 30 分钟", "24 小时", "时区"):
        assert needed in zh, needed


def test_every_string_on_the_norms_section_is_translatable():
    with i18n.using(i18n.PSEUDO):
        value = norms_section(None).value
    body = value.split("</style>", 1)[1]
    texts = [t.strip() for t in re.split(r"<[^>]+>", body) if t.strip()]
    assert texts and all(
        t.startswith(i18n.PSEUDO_OPEN) and t.endswith(i18n.PSEUDO_CLOSE) for t in texts
    ), texts


def test_docs_norms_md_is_the_english_guide():
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "norms.md").read_text("utf-8")
    assert doc.startswith(f"# {norms_title()}\n")
    for heading, paragraph in norms_guide():
        assert f"## {heading}\n\n{paragraph}\n" in doc, heading
    assert "infoint/locale/es/norms.po" in doc and "infoint/locale/zh/norms.po" in doc
