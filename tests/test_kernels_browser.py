"""A closed or reloaded page (the app, or a step notebook) frees its kernel within seconds, in
both ways Voila runs here.

Voila 0.5.13 shuts a page's kernel down only when the page's ``beforeunload`` beacon carries
the ``_xsrf`` cookie, which a plain render page never set (voila#1458, see infoint_server).
Each test starts a real server the way the project runs it, opens a step in Chromium, leaves
the page the way a person does (closes the tab, or reloads it) and counts the server's kernel
processes (its ``ipykernel`` children), which must drop within ``DEADLINE`` seconds:

- standalone Voila with exactly the command ``make app`` runs (read from ``make -n app``);
- a Jupyter Server with Voila as its extension, configured by ``binder/postBuild`` as on Binder
  and reached straight at ``/voila/render/...?token=...``, as Binder's app badge does.

Each test also checks that XSRF protection is still on: the same beacon without the cookie's
value is refused with 403 and frees nothing.
"""

from __future__ import annotations

import os
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from browser_support import ROOT, free_port, require_chromium

# The browser fixtures (browser, page) are in conftest.py; the servers are started here.
pytestmark = pytest.mark.browser

# The one app page and a step notebook, each with what shows once its widgets are there.
PAGES = {
    "app.ipynb": ".ii-app-header .ii-nav-start",
    "01_define_objectives.ipynb": ".ii-objectives-name input",
}
DEADLINE = 10.0  # seconds from leaving the page until its kernel must be gone
BIN = Path(sys.executable).parent


@dataclass
class Server:
    """A server under test: its process, the page to open, and its log."""

    proc: subprocess.Popen
    base: str
    render: str  # the render URL of a notebook, with {notebook} in it
    log_path: Path
    timings: list[float] = field(default_factory=list)

    def page_url(self, notebook: str) -> str:
        return self.render.format(notebook=notebook)

    def kernels(self) -> set[int]:
        """The pids of the server's kernels: its child processes running ``ipykernel``."""
        out = subprocess.run(
            ["ps", "-ww", "-eo", "pid=,ppid=,args="], capture_output=True, text=True, check=True
        ).stdout
        pids = set()
        for line in out.splitlines():
            pid, ppid, *args = line.split(None, 2)
            if int(ppid) == self.proc.pid and "ipykernel" in "".join(args):
                pids.add(int(pid))
        return pids

    def wait_for_kernels(self, expected, what: str, since: float) -> float:
        """Poll until ``expected(kernels)`` holds; the seconds since ``since`` (a monotonic
        time: when the page was left), or fail DEADLINE seconds after it."""
        start = since
        while True:
            found = self.kernels()
            if expected(found):
                elapsed = time.monotonic() - start
                self.timings.append(elapsed)
                return elapsed
            if time.monotonic() - start > DEADLINE:
                pytest.fail(
                    f"{what}: still {len(found)} kernel(s) {sorted(found)} {DEADLINE:.0f} s after"
                    f" leaving the page.\nThe server's shutdown requests:\n{self.shutdown_log()}"
                )
            time.sleep(0.1)

    def shutdown_log(self) -> str:
        lines = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(line for line in lines if "shutdown" in line.lower()) or "(none)"


def _wait_until_up(proc, url: str, log_path: Path, what: str) -> None:
    deadline = time.time() + 90
    while True:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError as exc:
            if time.time() > deadline or proc.poll() is not None:
                _stop(proc)
                tail = log_path.read_text()[-2000:]
                raise RuntimeError(f"{what} did not start: {tail}") from exc
            time.sleep(0.3)


def _stop(proc) -> None:
    """SIGTERM to the server's process group (its kernels too), SIGKILL if it hangs."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def _require_installed_server_package() -> None:
    """The servers below import infoint_server from the environment, as Binder's do."""
    check = subprocess.run(
        [sys.executable, "-c", "import infoint_server"], cwd="/", capture_output=True, text=True
    )
    if check.returncode:
        pytest.fail(
            "infoint_server is not installed in this environment (pyproject.toml declares it): "
            "run `make` or `pip install -e .` again.\n" + check.stderr[-500:]
        )


def make_app_command(port: int) -> list[str]:
    """The voila command of the Makefile's ``app`` target, with this environment's bin."""
    make = shutil.which("make")
    if make is None:
        pytest.fail("make is not installed: the test runs the command of `make app`")
    dry = subprocess.run(
        [make, "--no-print-directory", "-n", "app", f"PORT={port}", f"BIN={BIN}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.replace("\\\n", " ")
    commands = [shlex.split(line) for line in dry.splitlines() if line.strip()]
    found = [c for c in commands if c and Path(c[0]).name == "voila"]
    assert len(found) == 1, f"`make -n app` runs no single voila command:\n{dry}"
    return found[0]


@pytest.fixture
def make_app(tmp_path):
    """Standalone Voila started with the exact command of ``make app``."""
    require_chromium()
    _require_installed_server_package()
    port = free_port()
    command = make_app_command(port)
    log_path = tmp_path / "voila.log"
    env = {**os.environ, "INFOINT_WORKSPACE": str(tmp_path / "workspace.sqlite3")}
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    base = f"http://127.0.0.1:{port}"
    _wait_until_up(proc, f"{base}/voila/templates/lab/static/voila.js", log_path, "make app")
    server = Server(proc, base, f"{base}/voila/render/{{notebook}}", log_path)
    yield server
    _stop(proc)
    if server.timings:
        print(f"make app: kernel gone after {', '.join(f'{t:.1f} s' for t in server.timings)}")


@pytest.fixture
def binder_server(tmp_path):
    """A Jupyter Server with Voila as its extension, configured by binder/postBuild."""
    require_chromium()
    _require_installed_server_package()
    home = tmp_path / "home"
    home.mkdir()
    subprocess.run(
        ["bash", str(ROOT / "binder" / "postBuild")],
        env={**os.environ, "HOME": str(home)},
        check=True,
    )
    port, token = free_port(), secrets.token_hex(16)
    command = [
        str(BIN / "jupyter-server"),
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={ROOT}",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / ".jupyter"),  # Binder's ~/.jupyter, from postBuild
        "INFOINT_WORKSPACE": str(tmp_path / "workspace.sqlite3"),
    }
    log_path = tmp_path / "jupyter-server.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    base = f"http://127.0.0.1:{port}"
    _wait_until_up(proc, f"{base}/api/status?token={token}", log_path, "Jupyter Server")
    render = f"{base}/voila/render/notebooks/{{notebook}}?token={token}"
    server = Server(proc, base, render, log_path)
    yield server
    _stop(proc)
    if server.timings:
        print(f"Binder set-up: kernel gone after {', '.join(f'{t:.1f} s' for t in server.timings)}")


SERVERS = ["make_app", "binder_server"]


def _open(server: Server, page, notebook: str) -> int:
    """Open the page and wait for its widgets; the pid of the one kernel it started."""
    assert server.kernels() == set()
    page.goto(server.page_url(notebook))
    page.wait_for_selector(PAGES[notebook])
    kernels = server.kernels()
    assert len(kernels) == 1, kernels
    return kernels.pop()


def _kernel_id(page) -> str:
    return page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').text).kernelId")


def _cookies(server: Server, page) -> dict[str, str]:
    return {c["name"]: c["value"] for c in page.context.cookies(server.base)}


def _assert_refused_without_xsrf(server: Server, page) -> None:
    """A shutdown POST with the page's cookies but no _xsrf value is still refused (403): the
    fix sets the cookie the beacon reads, it turns no check off."""
    others = "; ".join(f"{k}={v}" for k, v in _cookies(server, page).items() if k != "_xsrf")
    request = urllib.request.Request(
        f"{server.base}/voila/api/shutdown/{_kernel_id(page)}",
        data=b"",
        method="POST",
        headers={"Cookie": others} if others else {},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    assert "_xsrf" in refused.value.read().decode(errors="replace")


@pytest.mark.parametrize("notebook", list(PAGES))
@pytest.mark.parametrize("server_name", SERVERS)
def test_closing_the_page_shuts_its_kernel_down(server_name, notebook, request, page):
    server: Server = request.getfixturevalue(server_name)
    kernel = _open(server, page, notebook)
    _assert_refused_without_xsrf(server, page)
    assert server.kernels() == {kernel}, "a refused shutdown request freed the kernel"
    cookies = _cookies(server, page)

    left = time.monotonic()
    page.close(run_before_unload=True)  # as closing the tab: the page's beforeunload runs
    server.wait_for_kernels(lambda found: found == set(), "after closing the page", left)
    assert "_xsrf" in cookies, f"the page set no _xsrf cookie: {sorted(cookies)}"


@pytest.mark.parametrize("notebook", list(PAGES))
@pytest.mark.parametrize("server_name", SERVERS)
def test_reloading_the_page_leaves_only_the_new_pages_kernel(server_name, notebook, request, page):
    server: Server = request.getfixturevalue(server_name)
    old = _open(server, page, notebook)

    left = time.monotonic()
    page.reload(wait_until="commit")  # the old page's beforeunload runs, the new one loads
    server.wait_for_kernels(lambda found: old not in found, "after reloading the page", left)
    page.wait_for_selector(PAGES[notebook])
    new = server.kernels()
    assert len(new) == 1 and old not in new, f"the new page should have one kernel: {new}"
