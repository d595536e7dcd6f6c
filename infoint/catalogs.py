"""The translation catalogs: gettext ``.po`` files, read with Babel, one folder per language.

Ground floor. A language's folder may hold several ``.po`` files (one per part of the
workbook, so that they stay small); together they are its catalog. The English strings in the
code are the msgids; ``python -m infoint.catalogs check`` lists every string the code marks
that a language lacks, and ``update PART PATH...`` adds the ones from ``PATH`` to ``PART.po``
with an empty translation, for a translator to fill in.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "CATALOG_DIR",
    "Problem",
    "catalog_files",
    "check",
    "marked_strings",
    "plural_translations",
    "translations",
]

CATALOG_DIR = Path(__file__).resolve().parent / "locale"
PACKAGE = Path(__file__).resolve().parent
# The functions whose first argument(s) are the English text (Babel's keyword spec).
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "NP_": ((1, "c"), 2),
}
# How gettext keys a message with a context: "context\x04message".
_CONTEXT = "\x04"
TRANSLATED = ("es", "zh")
NOTEBOOK_DIR = PACKAGE.parent / "notebooks"
# The English notebooks whose narrative is translated (``notebook_sets`` makes the copies).
SET_NOTEBOOKS = (
    "00_start_here.ipynb",
    "01_define_objectives.ipynb",
    "02_build_target_list.ipynb",
    "03_compose_requests.ipynb",
    "04_prepare_questions.ipynb",
    "05_debrief.ipynb",
    "06_send_thanks.ipynb",
    "app.ipynb",
    "facilitator_cohort.ipynb",
)
# A comment: a whole line "# text", or "code  # text" (two spaces, as ruff formats it).
_COMMENT = re.compile(r"^(?P<code>(?:.*\S)?\s*?)(?P<mark>(?:^|  )# )(?P<text>.*\S)\s*$")
_FIELD = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)?(?:[!:][^{}]*)?\}")


def catalog_files(code: str) -> list[Path]:
    """The ``.po`` files of one language, in name order."""
    return sorted((CATALOG_DIR / code).glob("*.po"))


def _read(path: Path):
    from babel.messages.pofile import read_po  # lazy: only a translated language reads

    with path.open("rb") as handle:
        return read_po(handle, locale=None, abort_invalid=True)


def _key(msgid: str, context: str | None) -> str:
    return f"{context}{_CONTEXT}{msgid}" if context else msgid


@cache
def _catalog(code: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    singles: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for path in catalog_files(code):
        for message in _read(path):
            if not message.id or message.fuzzy:
                continue
            if isinstance(message.id, tuple):
                plurals[message.id[0]] = tuple(message.string)
            elif message.string:
                singles[_key(message.id, message.context)] = message.string
    return singles, plurals


def translations(code: str) -> dict[str, str]:
    """msgid -> translation for one language (read once per kernel)."""
    return _catalog(code)[0]


def plural_translations(code: str) -> dict[str, tuple[str, ...]]:
    """Singular msgid -> the translated forms of a counted phrase."""
    return _catalog(code)[1]


@dataclass(frozen=True)
class Marked:
    """One string the code marks for translation, and where."""

    msgid: str
    plural: str | None
    where: str
    context: str | None = None


def marked_strings(paths: list[Path] | None = None) -> list[Marked]:
    """Every string marked with ``_``, ``N_`` or ``ngettext`` in the package's Python files,
    as Babel's extractor reads them, and the English notebooks' narrative (``notebook_sets``);
    or those of ``paths`` only."""
    from babel.messages.extract import extract_from_file  # lazy

    files = paths or [
        *sorted(PACKAGE.rglob("*.py")),
        *(NOTEBOOK_DIR / name for name in SET_NOTEBOOKS),
    ]
    found = []
    notebooks = [p for p in files if p.suffix == ".ipynb"]
    if notebooks:
        found.extend(Marked(m.msgid, None, m.where) for m in notebook_messages(notebooks))
    for path in (p for p in files if p.suffix == ".py"):
        for line, message, _comments, context in extract_from_file(
            "python", str(path), keywords=KEYWORDS
        ):
            shown = (
                path.relative_to(PACKAGE.parent) if path.is_relative_to(PACKAGE.parent) else path
            )
            where = f"{shown}:{line}"
            if isinstance(message, tuple):
                found.append(Marked(message[0], message[1], where))
            elif message:
                found.append(Marked(message, None, where, context))
    return found


@dataclass(frozen=True)
class Message:
    """One text of a notebook a reader sees, and where."""

    msgid: str
    where: str


def source(cell: dict) -> str:
    """A notebook cell's source as one string."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def comment(line: str):
    """The match of a code line's comment (code, mark, text), or None."""
    match = _COMMENT.match(line)
    if not match or line.lstrip().startswith("#!"):
        return None
    return match


def notebook_messages(paths: list[Path] | None = None) -> list[Message]:
    """Every text of the English notebooks a reader sees: each Markdown cell whole, and each
    code comment."""
    found = []
    for path in paths or [NOTEBOOK_DIR / name for name in SET_NOTEBOOKS]:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for number, cell in enumerate(cells, 1):
            where = f"notebooks/{path.name}:cell {number}"
            text = source(cell).strip()
            if cell["cell_type"] == "markdown" and text:
                found.append(Message(text, where))
            elif cell["cell_type"] == "code":
                for line in source(cell).splitlines():
                    match = comment(line)
                    if match:
                        found.append(Message(match["text"], where))
    return found


@dataclass(frozen=True)
class Problem:
    """Why one string is not ready in one language."""

    language: str
    msgid: str
    where: str
    why: str


def _fields(text: str) -> set[str]:
    return {m.group(0).split(":")[0].split("!")[0] for m in _FIELD.finditer(text)}


def check(paths: list[Path] | None = None) -> list[Problem]:
    """Every marked string that a language lacks, or whose translation drops or invents a
    ``{field}``; and every msgid two files of one language translate differently."""
    problems = []
    marked = marked_strings(paths)
    for code in TRANSLATED:
        singles, plurals = {}, {}
        for path in catalog_files(code):
            for message in _read(path):
                if not message.id:
                    continue
                key = (
                    message.id[0]
                    if isinstance(message.id, tuple)
                    else _key(message.id, message.context)
                )
                value = tuple(message.string) if isinstance(message.id, tuple) else message.string
                table = plurals if isinstance(message.id, tuple) else singles
                if key in table and table[key] != value and value:
                    problems.append(Problem(code, key, path.name, "translated differently"))
                if value and (key not in table or not table[key]):
                    table[key] = value
        for item in marked:
            if item.plural is not None:
                forms = plurals.get(item.msgid)
                if not forms or not all(forms):
                    problems.append(Problem(code, item.msgid, item.where, "not translated"))
                    continue
                wanted = _fields(item.plural) | _fields(item.msgid)
                if any(_fields(form) - wanted for form in forms):
                    problems.append(Problem(code, item.msgid, item.where, "a {field} differs"))
                continue
            text = singles.get(_key(item.msgid, item.context))
            if not text:
                problems.append(Problem(code, item.msgid, item.where, "not translated"))
            elif _fields(text) != _fields(item.msgid):
                problems.append(Problem(code, item.msgid, item.where, "a {field} differs"))
    return problems


def update(part: str, paths: list[Path]) -> dict[str, int]:
    """Add to ``<language>/<part>.po`` every string marked in ``paths`` that no file of that
    language has yet, with an empty translation; returns how many were added per language."""
    from babel.messages.catalog import Catalog  # lazy
    from babel.messages.pofile import write_po  # lazy

    marked = marked_strings([Path(p).resolve() for p in paths])
    added = {}
    for code in TRANSLATED:
        known = set()
        for path in catalog_files(code):
            known |= {
                m.id[0] if isinstance(m.id, tuple) else _key(m.id, m.context)
                for m in _read(path)
                if m.id
            }
        target = CATALOG_DIR / code / f"{part}.po"
        catalog = _read(target) if target.exists() else _new_catalog(Catalog, code, part)
        count = 0
        for item in marked:
            if _key(item.msgid, item.context) in known:
                continue
            msgid = (item.msgid, item.plural) if item.plural is not None else item.msgid
            string = ("",) * catalog.num_plurals if item.plural is not None else ""
            where = [(item.where.rsplit(":", 1)[0], None)]
            catalog.add(msgid, string, locations=where, context=item.context)
            known.add(_key(item.msgid, item.context))
            count += 1
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False, sort_output=False)
        added[code] = count
    return added


def _new_catalog(factory, code: str, part: str):
    from datetime import datetime  # lazy

    made = datetime(2026, 12, 1)
    return factory(
        locale=code,
        project="infoint",
        version="1",
        header_comment=f"# infoint: {part} ({code}). The English strings are in the code.",
        copyright_holder="the infoint authors",
        creation_date=made,
        revision_date=made,
        fuzzy=False,
        msgid_bugs_address="the project's issue tracker",
        last_translator="the infoint authors",
        language_team=code,
    )


def _main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        problems = check([Path(p).resolve() for p in argv[1:]] or None)
        for p in problems:
            print(f"{p.language}\t{p.where}\t{p.why}\t{p.msgid!r}")
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1 if problems else 0
    if argv[:1] == ["update"] and len(argv) >= 3:
        print(update(argv[1], argv[2:]))
        return 0
    print("usage: python -m infoint.catalogs check [PATH...] | update PART PATH...")
    return 2


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
