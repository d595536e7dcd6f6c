"""A fresh virtual environment built from binder/requirements.txt alone runs every notebook.

What Binder and `make start` do: a new venv, `pip install -r binder/requirements.txt` (the pinned
lock plus `-e .`), then the notebooks. Papermill is a test tool, not in the lock: it is added at
the version this test environment has. The venv installs from the registry, so this takes a
minute or more; the project is installed from a copy of the repository, so nothing here changes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from infoint.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = 7

# notebook: it runs the notebooks with papermill; slow: it builds a venv from the registry.
pytestmark = [pytest.mark.notebook, pytest.mark.slow, pytest.mark.timeout(1500)]

# What a clone would not have: the developer's venv, caches and build leftovers.
NOT_IN_A_CLONE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    ".hypothesis",
    ".ipynb_checkpoints",
    "build",
    "dist",
    "results",
)

PROBE = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "probe",
            "metadata": {},
            "outputs": [],
            "source": "import sys, infoint\nprint(sys.executable)\nprint(infoint.__file__)",
        }
    ],
    "metadata": {
        "kernelspec": {
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
            "name": "python3",
        }
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}


def _run(command: list[str], cwd: Path, env: dict, timeout: int) -> subprocess.CompletedProcess:
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, (
        f"{' '.join(map(str, command))} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result


def _outputs(path: Path, kind: str) -> list[dict]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [o for c in cells for o in c.get("outputs", []) if o.get("output_type") == kind]


def test_a_fresh_venv_from_the_lock_runs_every_notebook(tmp_path):
    repo = tmp_path / "repo"  # a clean copy: the editable install writes its metadata there
    shutil.copytree(ROOT, repo, ignore=NOT_IN_A_CLONE)
    notebooks = sorted(p.name for p in (repo / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert len(notebooks) == EXPECTED

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")
        and not k.startswith(("JUPYTER", "INFOINT"))
    }
    env.update(
        PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        JUPYTER_PATH=str(
            venv / "share" / "jupyter"
        ),  # the venv's own kernelspec python3 before any user-wide one
        JUPYTER_DATA_DIR=str(tmp_path / "jupyter-data"),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_NO_INPUT="1",
    )
    _run(
        [str(python), "-m", "pip", "install", "-r", "binder/requirements.txt"],
        repo,
        env,
        timeout=1200,
    )
    _run(
        [str(python), "-m", "pip", "install", f"papermill=={version('papermill')}"],
        repo,
        env,
        timeout=600,
    )

    out = tmp_path / "out"
    out.mkdir()
    papermill = [str(python), "-m", "papermill", "--kernel", "python3", "--no-progress-bar"]

    # The kernel python3 is the new venv's interpreter, and infoint comes from the copy.
    (tmp_path / "probe.ipynb").write_text(json.dumps(PROBE), encoding="utf-8")
    _run(
        papermill + [str(tmp_path / "probe.ipynb"), str(out / "probe.ipynb")],
        tmp_path,
        env,
        timeout=300,
    )
    printed = "".join("".join(o["text"]) for o in _outputs(out / "probe.ipynb", "stream")).split()
    assert printed[0] == str(python) and Path(printed[1]).is_relative_to(repo / "infoint"), printed

    workspace = tmp_path / "ws" / "workspace.sqlite3"
    for name in notebooks:
        _run(
            papermill
            + [
                f"notebooks/{name}",
                str(out / name),
                "-p",
                "workspace",
                str(workspace),
                "-p",
                "demo",
                "True",
                "--cwd",
                "notebooks",
            ],
            repo,
            env,
            timeout=300,
        )
        assert _outputs(out / name, "error") == [], name
        assert [o for o in _outputs(out / name, "stream") if o["name"] == "stderr"] == [], (
            name
        )  # a red box in JupyterLab
        shown = [
            o for kind in ("display_data", "execute_result") for o in _outputs(out / name, kind)
        ]
        assert any(
            "application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in shown
        ), f"{name} displayed no widgets"

    with Workspace.open(workspace) as ws:
        assert ws.get_row("profile")["name"] == "Leela Varadan"
        assert sum(r["source"] == "linkedin" for r in ws.rows("contacts")) == 28
        assert "thanks_sent" in [e["kind"] for e in ws.events()]
