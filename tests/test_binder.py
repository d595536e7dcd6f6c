"""Binder: the lock matches pyproject.toml, the runtime is pinned, repo2docker accepts binder/."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def lock() -> dict[str, Version]:
    pins = {}
    for line in (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        match = re.match(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;]+)", line)
        if match:
            pins[canonicalize_name(match.group(1).split("[")[0])] = Version(match.group(2))
    return pins


def test_lock_installs_the_project_itself():
    lines = [
        line.strip()
        for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[-1] == "-e ."


def test_every_dependency_is_pinned_in_the_lock_within_its_range():
    pins = lock()
    for spec in pyproject()["project"]["dependencies"]:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in pins, (
            f"{req.name} is in pyproject.toml but not in binder/requirements.txt: run make lock"
        )
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"{req.name}=={pins[name]} is outside {req.specifier}"
        )


def test_voila_is_in_the_lock():
    assert canonicalize_name("voila") in lock()


def test_runtime_matches_supported_python():
    runtime = (ROOT / "binder" / "runtime.txt").read_text().strip()
    assert re.fullmatch(r"python-3\.\d+", runtime)
    minimum = pyproject()["project"]["requires-python"].removeprefix(">=")
    assert Version(runtime.removeprefix("python-")) >= Version(minimum)


def test_repo2docker_accepts_the_binder_folder():
    exe = shutil.which("repo2docker") or str(Path(sys.executable).parent / "repo2docker")
    result = subprocess.run(
        [exe, "--no-build", "--debug", "."], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dockerfile = result.stdout + result.stderr
    assert 'pip install --no-cache-dir -r "binder/requirements.txt"' in dockerfile
    assert "python=3.11" in dockerfile
    assert "binder/postBuild" in dockerfile  # the kernel-culling settings for the app


def test_postbuild_culls_only_disconnected_idle_kernels(tmp_path):
    import json
    import os

    script = ROOT / "binder" / "postBuild"
    assert os.access(script, os.X_OK)
    subprocess.run(["bash", str(script)], env={**os.environ, "HOME": str(tmp_path)}, check=True)
    config = json.loads((tmp_path / ".jupyter" / "jupyter_server_config.json").read_text())
    assert config["MappingKernelManager"]["cull_connected"] is False
    assert 60 <= config["MappingKernelManager"]["cull_idle_timeout"] <= 3600


def test_readme_binder_badges_open_existing_notebooks():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    app = re.search(r"mybinder\.org/v2/gh/[^)\s]+\?urlpath=voila%2Frender%2F([^)\s]+)", readme)
    lab = re.search(r"mybinder\.org/v2/gh/[^)\s]+\?urlpath=lab%2Ftree%2F([^)\s]+)", readme)
    assert app and lab
    for match in (app, lab):
        assert (ROOT / match.group(1).replace("%2F", "/")).is_file()
    # the app badge opens the one-page app (every step in one kernel), not a single step
    assert app.group(1) == "notebooks%2Fapp.ipynb"


def test_guide_links_open_the_one_page_app():
    """Every code-free app link of the facilitator guide opens notebooks/app.ipynb."""
    guide = (ROOT / "docs" / "facilitator-guide.md").read_text(encoding="utf-8")
    links = re.findall(r"voila%2Frender%2F([^)\s`]+\.ipynb)", guide)
    assert len(links) >= 3
    assert all(link.endswith("notebooks%2Fapp.ipynb") for link in links), links


def test_readme_binder_badges_build_the_declared_repository_at_main():
    """Both badges name the repository pyproject.toml declares, on the branch the CI runs."""
    repository = pyproject()["project"]["urls"]["Repository"]
    slug = re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+)", repository)
    assert slug, repository
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    badges = re.findall(r"\(https://mybinder\.org/v2/gh/([^)?\s]+)\?urlpath=", readme)
    assert len(badges) == 2
    assert set(badges) == {f"{slug.group(1)}/main"}
    guide = (ROOT / "docs" / "facilitator-guide.md").read_text(encoding="utf-8")
    assert repository in guide
