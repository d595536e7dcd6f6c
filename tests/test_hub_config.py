"""The deployment docs say what the hub test runs: one config, one landing page, one sizing.

tests/test_hub.py starts JupyterHub with docs/jupyterhub/jupyterhub_config.py itself; these
checks keep the other ways of deploying (The Littlest JupyterHub's snippet, the Zero to
JupyterHub values) and the facilitator guide's sizing table in step with it, without a hub.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import hub_support as hs
import pytest
import yaml
from traitlets.config import Config

DOCS = hs.ROOT / "docs"
GUIDE = DOCS / "facilitator-guide.md"
BENCH_README = hs.ROOT / "benchmarks" / "README.md"


def load_config(env: dict[str, str], monkeypatch) -> Config:
    """The config file run the way JupyterHub runs it (``get_config`` in its namespace)."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    config = Config()
    code = compile(hs.CONFIG.read_text(encoding="utf-8"), str(hs.CONFIG), "exec")
    exec(code, {"get_config": lambda: config, "__file__": str(hs.CONFIG)})  # noqa: S102
    return config


def test_the_config_lands_on_the_app_and_culls(monkeypatch):
    c = load_config({}, monkeypatch)
    assert c.Spawner.default_url == f"/{hs.APP_PATH}"
    assert c.JupyterHub.spawner_class == "localprocess"
    assert c.Spawner.cmd == [str(Path(sys.prefix) / "bin" / "jupyterhub-singleuser")]
    (culler,) = c.JupyterHub.services
    assert culler["command"][1:] == [
        "-m",
        "jupyterhub_idle_culler",
        "--timeout=3600",
        "--cull-every=300",
    ]
    (role,) = c.JupyterHub.load_roles
    assert role["services"] == ["idle-culler"] and "delete:servers" in role["scopes"]
    assert c.Authenticator.allow_all is True


def test_the_configs_knobs_are_read_from_the_environment(monkeypatch):
    env = {"INFOINT_HUB_CULL_IDLE": "20", "INFOINT_HUB_USERS": "ana, bo"}
    env["INFOINT_HUB_WORKBOOK"] = "w"
    c = load_config(env, monkeypatch)
    assert "--timeout=20" in c.JupyterHub.services[0]["command"]
    assert c.Authenticator.allowed_users == {"ana", "bo"}
    assert c.Spawner.default_url == "/voila/render/w/notebooks/app.ipynb"


def test_littlest_jupyterhub_and_kubernetes_land_on_the_same_app(monkeypatch):
    c = load_config({}, monkeypatch)
    readme = (DOCS / "jupyterhub" / "README.md").read_text(encoding="utf-8")
    assert re.findall(r'c\.Spawner\.default_url = "([^"]+)"', readme) == [c.Spawner.default_url]
    for arg in c.Spawner.args:  # the same kernel culling in the TLJH snippet
        assert f'"{arg}"' in readme
    values = yaml.safe_load((DOCS / "jupyterhub" / "z2jh-values.yaml").read_text())
    assert values["singleuser"]["defaultUrl"] == c.Spawner.default_url
    culling = values["singleuser"]["extraFiles"]["kernel-culling"]["data"]["MappingKernelManager"]
    assert [f"--MappingKernelManager.{k}={v}" for k, v in culling.items()] == c.Spawner.args
    assert values["cull"]["timeout"] == 3600 and values["cull"]["every"] == 300
    assert values["singleuser"]["startTimeout"] == c.Spawner.start_timeout
    voila = values["singleuser"]["extraFiles"]["voila-config"]["stringData"]
    assert "prelaunch_hook = prepare_page" in voila


def measured_sizing() -> dict[int, tuple[int, int]]:
    """The sizing rows of the hub benchmark's last recorded run (benchmarks/README.md)."""
    text = BENCH_README.read_text(encoding="utf-8")
    rows = re.findall(r"\| sizing: (\d+) at once, RAM \(GB\) / cores \| (\d+) / (\d+) \|", text)
    return {int(n): (int(ram), int(cores)) for n, ram, cores in rows}


def test_the_guides_sizing_table_is_the_benchmarks():
    measured = measured_sizing()
    if not measured:
        pytest.fail("benchmarks/README.md holds no hub block: run python -m benchmarks --only hub")
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide.split("### Sizing a JupyterHub", 1)[1].split("\n## ", 1)[0]
    table = re.findall(r"^\| (\d+) \| (\d+) GB \| (\d+) \|$", section, flags=re.MULTILINE)
    assert {int(n): (int(ram), int(cores)) for n, ram, cores in table} == measured
