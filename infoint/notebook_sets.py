"""The step notebooks in Spanish and Chinese, made from the English ones and the catalogs.

Ground floor (it reads notebooks as JSON, never runs them). The English notebooks in
``notebooks/`` are the one source: each Markdown cell, and each comment in a code cell, is a
msgid of the catalog part ``notebooks``; ``notebooks/<language>/`` holds the same notebooks with
that text translated, the code unchanged but for the language the pages open in. A test makes
them again and fails when a committed copy differs (``python -m infoint.notebook_sets`` writes
them after an English notebook or a translation changes).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["NOTEBOOK_DIR", "SET_NOTEBOOKS", "notebook_messages", "translated", "write_sets"]

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
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
# The call that opens a page: the generated notebook opens it in its own language.
_OPEN = re.compile(r"\.open\((?P<args>[^()]*)\)")


@dataclass(frozen=True)
class Message:
    msgid: str
    where: str


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def _comment(line: str):
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
            text = _source(cell).strip()
            if cell["cell_type"] == "markdown" and text:
                found.append(Message(text, where))
            elif cell["cell_type"] == "code":
                for line in _source(cell).splitlines():
                    match = _comment(line)
                    if match:
                        found.append(Message(match["text"], where))
    return found


def _translate_code(source: str, table: dict[str, str], code: str) -> str:
    lines = []
    for line in source.split("\n"):
        match = _comment(line)
        if match and match["text"] in table:
            line = f"{match['code']}{match['mark']}{table[match['text']]}"
        lines.append(line)
    text = "\n".join(lines)
    return _OPEN.sub(
        lambda m: f".open({m['args']}, language={code!r})" if m["args"] else m[0], text
    )


def translated(path: Path, code: str) -> dict:
    """The notebook at ``path`` with its narrative in ``code`` (English where the catalog has
    none) and its pages opened in that language; outputs and run counts cleared."""
    from .catalogs import translations  # lazy

    table = translations(code)
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook.setdefault("metadata", {})["language_info"] = {"name": "python"}
    notebook["metadata"]["infoint"] = {"language": code, "source": f"../{path.name}"}
    for cell in notebook["cells"]:
        text = _source(cell)
        if cell["cell_type"] == "markdown":
            cell["source"] = table.get(text.strip(), text)
        elif cell["cell_type"] == "code":
            cell["source"] = _translate_code(text, table, code)
            cell["outputs"] = []
            cell["execution_count"] = None
    return notebook


def _dumped(notebook: dict) -> str:
    return json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"


def write_sets(check: bool = False) -> list[Path]:
    """Write ``notebooks/<language>/`` for each translated language; with ``check``, write
    nothing and return the files that differ from what would be written."""
    from .catalogs import TRANSLATED  # lazy

    differ = []
    for code in TRANSLATED:
        folder = NOTEBOOK_DIR / code
        for name in SET_NOTEBOOKS:
            target = folder / name
            text = _dumped(translated(NOTEBOOK_DIR / name, code))
            if target.exists() and target.read_text(encoding="utf-8") == text:
                continue
            differ.append(target)
            if not check:
                folder.mkdir(exist_ok=True)
                target.write_text(text, encoding="utf-8")
    return differ


if __name__ == "__main__":
    changed = write_sets(check="--check" in sys.argv[1:])
    for path in changed:
        print(path.relative_to(NOTEBOOK_DIR.parent))
    raise SystemExit(1 if changed and "--check" in sys.argv[1:] else 0)
