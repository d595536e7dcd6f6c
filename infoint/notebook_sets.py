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
from pathlib import Path

from .catalogs import NOTEBOOK_DIR, SET_NOTEBOOKS, TRANSLATED, comment, source, translations

__all__ = ["translated", "write_sets"]

# The call that opens a page: the generated notebook opens it in its own language.
_OPEN = re.compile(r"\.open\((?P<args>[^()]*)\)")


def _translate_code(source: str, table: dict[str, str], code: str) -> str:
    lines = []
    for line in source.split("\n"):
        match = comment(line)
        if match and match["text"] in table:
            line = f"{match['code']}{match['mark']}{table[match['text']]}"
        lines.append(line)
    text = "\n".join(lines)
    return _OPEN.sub(
        lambda m: f'.open({m["args"]}, language="{code}")' if m["args"] else m[0], text
    )


def translated(path: Path, code: str) -> dict:
    """The notebook at ``path`` with its narrative in ``code`` (English where the catalog has
    none) and its pages opened in that language; outputs and run counts cleared."""
    table = translations(code)
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook.setdefault("metadata", {})["language_info"] = {"name": "python"}
    notebook["metadata"]["infoint"] = {"language": code, "source": f"../{path.name}"}
    for cell in notebook["cells"]:
        text = source(cell)
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
