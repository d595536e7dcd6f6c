"""A plain document (title, parts, blocks of text) and the Word file (.docx) made from it.

Why this module exists: an assignment write-up is handed in as an editable Word document, and
everything in it is the participant's own text, which may hold anything (``<script>``,
``=HYPERLINK(...)``, a control character pasted from elsewhere). So the document is only text
with a kind per block: the .docx has headings, paragraphs and lists made of plain runs, never
a field, a hyperlink or anything parsed from the text. XML can't hold most control characters
(lxml refuses them), so ``visible_text`` replaces each with a visible stand-in: the file always
opens, and the reader sees that something was there. python-docx is imported only when a file
is made.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import datetime

from ..i18n import _, language

__all__ = ["Block", "Part", "Document", "visible_text", "docx_bytes", "DOCX_MIME"]

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Block kinds: a sub-heading, a paragraph, a bulleted or numbered item, a "label: value" line,
# and a note from the workbook (what is still missing), shown in italics.
KINDS = ("heading", "text", "bullet", "number", "field", "note")

# C0 controls other than tab and line feed, DEL, C1 controls; XML 1.0 refuses most of them.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional overrides and isolates can make a line read as something else; lone surrogates
# and the two non-characters can't be written as XML at all.
_HIDDEN = re.compile("[\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def _picture(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: U+2407 for BEL, and so on
    return "\u2421" if code == 0x7F else "\ufffd"


def visible_text(value) -> str:
    """Text fit for any document: CR LF and CR become line breaks, each other control character
    its visible stand-in (a control picture such as \u2407, or \ufffd), never dropped
    silently. Tabs and line breaks stay."""
    text = "" if value is None else str(value)
    text = _CONTROLS.sub(_picture, text.replace("\r\n", "\n").replace("\r", "\n"))
    return _HIDDEN.sub("\ufffd", text)


@dataclass(frozen=True)
class Block:
    """One block of a part: its kind (one of ``KINDS``) and its text; a "field" has a label."""

    kind: str
    text: str
    label: str = ""


@dataclass(frozen=True)
class Part:
    """A section of the document: a heading and its blocks, in order."""

    heading: str
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Document:
    """A whole document: its title, the lines under it (who, when), its parts and its author."""

    title: str
    byline: tuple[str, ...] = ()
    parts: tuple[Part, ...] = field(default_factory=tuple)
    author: str = ""


def _runs(paragraph, text: str, *, bold: bool = False, italic: bool = False) -> None:
    """Text as one plain run: python-docx writes line breaks and tabs as their own elements."""
    run = paragraph.add_run(visible_text(text))
    run.bold = bold or None
    run.italic = italic or None


def docx_bytes(document: Document, *, created: datetime | None = None) -> bytes:
    """The document as a Word file (.docx), built with python-docx from plain runs only.

    The title is the document's Title paragraph, each part a level-1 heading, a "heading" block
    a level-2 heading, bullets and numbers Word's own list styles, a "field" a bold label and
    its plain value, a "note" italics. The file's properties name the title and author (not
    the library's defaults); ``created`` is the creation time recorded in it.
    """
    import docx  # lazy: python-docx and lxml load only when a file is made

    doc = docx.Document()
    props = doc.core_properties
    props.title = visible_text(document.title)[:255]
    props.author = props.last_modified_by = visible_text(document.author)[:255]
    props.comments = props.subject = props.keywords = props.category = ""
    if created is not None:
        props.created = props.modified = created.replace(tzinfo=None)
    _set_language(doc, DOCX_LANGUAGES.get(language(), "en-CA"))
    _runs(doc.add_paragraph(style="Title"), document.title)
    for line in document.byline:
        _runs(doc.add_paragraph(), line)
    for part in document.parts:
        _runs(doc.add_heading(level=1), part.heading)
        for block in part.blocks:
            if block.kind == "heading":
                _runs(doc.add_heading(level=2), block.text)
            elif block.kind == "bullet":
                _runs(doc.add_paragraph(style="List Bullet"), block.text)
            elif block.kind == "number":
                _runs(doc.add_paragraph(style="List Number"), block.text)
            elif block.kind == "field":
                paragraph = doc.add_paragraph()
                _runs(paragraph, _("{label}: ").format(label=block.label), bold=True)
                _runs(paragraph, block.text)
            elif block.kind == "note":
                _runs(doc.add_paragraph(), block.text, italic=True)
            else:
                _runs(doc.add_paragraph(), block.text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# The document's language as Word names it (spelling, hyphenation and the East Asian font).
DOCX_LANGUAGES = {"en": "en-CA", "es": "es-ES", "zh": "zh-CN"}


def _set_language(doc, tag: str) -> None:
    """The file's language: its properties and the Normal style's ``w:lang`` (``w:eastAsia``
    too for Chinese, which Word reads for Han text)."""
    from docx.oxml.ns import qn  # lazy, with python-docx

    doc.core_properties.language = tag
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    if tag.startswith("zh"):
        lang.set(qn("w:eastAsia"), tag)
