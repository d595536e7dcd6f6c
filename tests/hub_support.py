"""A real JupyterHub for the workshop tests and the hub benchmark: Unix users, the hand-out, logins.

Not a test module: tests/test_hub.py and benchmarks/hub.py build on it. The hub runs from the
environment ``.ci/hub-env`` makes in ``.hub/`` (a venv from Debian's python3 that every Unix user
can run, and configurable-http-proxy from npm), with ``docs/jupyterhub/jupyterhub_config.py``,
the deployment's own config, loaded as it is; a small overlay adds only what a test needs: a
shared-password login for the test's users, free ports on 127.0.0.1, an API token for the test
to watch the servers, files in a temporary folder, git's permission for the local hand-out
repository. Users are real (``useradd``), named ``iitest...``, and removed with ``userdel -r``
whatever happens. Standard library only (Playwright is imported by the functions that drive it).
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HUB_ENV = ROOT / ".hub"
VENV = HUB_ENV / "venv"
PROXY_BIN = HUB_ENV / "node_modules" / ".bin"
CONFIG = ROOT / "docs" / "jupyterhub" / "jupyterhub_config.py"
PREFIX = "iitest"
WORKBOOK = "informational-interview-workbook"  # the hand-out repository's name: its folder
APP_PATH = f"voila/render/{WORKBOOK}/notebooks/app.ipynb"  # the config's default URL
WORKSPACE = Path(".local/share/infoint/workspace.sqlite3")  # in each home (platformdirs)
PASSWORD = secrets.token_urlsafe(12)  # the test login's shared password (one per process)
APP_READY = ".ii-step-start .ii-app-probe"  # the app's start step, rendered


def missing() -> str | None:
    """What the hub tests need and this machine lacks, in words, or None."""
    if os.geteuid() != 0:
        return "the hub tests create Unix users and run the hub as root: run them as root"
    for tool in ("useradd", "userdel", "runuser", "git"):
        if not shutil.which(tool):
            return f"{tool} is not installed"
    if not (VENV / "bin" / "jupyterhub").exists():
        return "the hub environment is missing: run `bash .ci/hub-env` (CI does)"
    if not (PROXY_BIN / "configurable-http-proxy").exists():
        return "configurable-http-proxy is missing: run `bash .ci/hub-env` (CI does)"
    # Other users run the venv's python and import the workbook from this tree (editable).
    for folder in [ROOT, *ROOT.parents]:
        if not folder.stat().st_mode & stat.S_IXOTH:
            return f"other Unix users cannot enter {folder} (the hub's users run code from it)"
    found = subprocess.run(
        [
            str(VENV / "bin" / "python"),
            "-c",
            "import infoint, infoint_server; print(infoint.__file__)",
        ],
        cwd="/",  # not this folder: Python would find ./infoint here whatever is installed
        capture_output=True,
        text=True,
    ).stdout.strip()
    if found != str(ROOT / "infoint" / "__init__.py"):
        return "the hub's venv does not run this tree's workbook: run `bash .ci/hub-env` again"
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------------------------ Unix users


def user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def pids_of(name: str) -> list[int]:
    """The processes a user runs now."""
    out = subprocess.run(["ps", "-u", name, "-o", "pid="], capture_output=True, text=True).stdout
    return [int(pid) for pid in out.split()]


def create_users(names: list[str]) -> None:
    """Real accounts with a 0700 home (Debian's default 0755 would let others read it)."""
    for name in names:
        assert name.startswith(PREFIX), name
        if user_exists(name):  # left by a run that was killed before its clean-up
            remove_user(name)
        subprocess.run(
            ["useradd", "-m", "-K", "HOME_MODE=0700", "-s", "/bin/bash", name],
            check=True,
            capture_output=True,
        )


def remove_user(name: str) -> None:
    """Stop what the user still runs (by pid) and delete the account and its home."""
    assert name.startswith(PREFIX), name
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids_of(name):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.time() + 5
        while pids_of(name) and time.time() < deadline:
            time.sleep(0.1)
    if user_exists(name):
        subprocess.run(["userdel", "-r", name], capture_output=True)


def leftover_users() -> list[str]:
    """Test accounts still on the machine (a run killed before its clean-up)."""
    return [p.pw_name for p in pwd.getpwall() if p.pw_name.startswith(PREFIX)]


def run_as(name: str, *args: str) -> subprocess.CompletedProcess:
    """Run a command as that user (no shell), e.g. to show what the OS lets them do."""
    return subprocess.run(
        ["runuser", "-u", name, "--", *args], capture_output=True, text=True, errors="replace"
    )


def home(name: str) -> Path:
    return Path(pwd.getpwnam(name).pw_dir)


# ---------------------------------------------------------------------------- the hand-out repo


def git(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


def make_handout(folder: Path) -> Path:
    """A bare repository of this tree's committed workbook, readable by every user: what a
    facilitator publishes (a local one: no network)."""
    bare = folder / WORKBOOK  # no ".git": nbgitpuller names the clone after the last part
    git("clone", "--quiet", "--bare", "--branch", "main", str(ROOT), str(bare))
    subprocess.run(["chmod", "-R", "a+rX", str(bare)], check=True)
    return bare


def publish_change(bare: Path, workdir: Path, path: str, edit) -> str:
    """Commit ``edit(text) -> text`` of one file of the workbook to the hand-out repository, as
    a facilitator updating the workbook would; returns the new commit."""
    clone = workdir / "facilitator-clone"
    if not clone.exists():
        git("clone", "--quiet", str(bare), str(clone))
    target = clone / path
    target.write_text(edit(target.read_text(encoding="utf-8")), encoding="utf-8")
    ident = ["-c", "user.name=Facilitator", "-c", "user.email=facilitator@example.org"]
    git(*ident, "commit", "--quiet", "-am", "Update the workbook", cwd=clone)
    git("push", "--quiet", "origin", "HEAD:main", cwd=clone)
    subprocess.run(["chmod", "-R", "a+rX", str(bare)], check=True)
    return git("rev-parse", "HEAD", cwd=clone)


# -------------------------------------------------------------------------------------- the hub

OVERLAY = """\
# tests/hub_support.py: the deployment's config, then only what a test needs.
load_subconfig({config!r})
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.JupyterHub.db_url = "sqlite:///{state}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{state}/jupyterhub_cookie_secret"
c.ConfigurableHTTPProxy.pid_file = "{state}/proxy.pid"
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {password!r}
c.Authenticator.allowed_users = set({users!r})
# git refuses a repository another user owns; this tells it the hand-out is safe.
c.Spawner.environment = {{"GIT_CONFIG_GLOBAL": {gitconfig!r}}}
c.JupyterHub.services.append({{"name": "iitest-observer", "api_token": {token!r}}})
c.JupyterHub.load_roles.append(
    {{
        "name": "iitest-observer",
        "scopes": ["list:users", "read:users", "read:servers", "delete:servers"],
        "services": ["iitest-observer"],
    }}
)
"""


@dataclass
class Hub:
    """A running JupyterHub (its proxy and users' servers are its children), with its files."""

    proc: subprocess.Popen
    base: str
    bare: Path
    folder: Path
    token: str
    log_path: Path
    started: float = field(default_factory=time.perf_counter)

    def pull_link(self, base: str | None = None) -> str:
        """The facilitator's nbgitpuller link: clone or update the workbook, then the app."""
        query = urllib.parse.urlencode(
            {"repo": f"file://{self.bare}", "branch": "main", "urlpath": APP_PATH}
        )
        return f"{base or self.base}/hub/user-redirect/git-pull?{query}"

    def login_url(self, next_url: str) -> str:
        path = next_url.removeprefix(self.base)
        return f"{self.base}/hub/login?next={urllib.parse.quote(path, safe='')}"

    def api(self, path: str):
        request = urllib.request.Request(
            f"{self.base}/hub/api/{path}", headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    def server_running(self, name: str) -> bool:
        return bool(self.api(f"users/{name}").get("servers", {}).get(""))

    def proxy_pid(self) -> int | None:
        try:
            return int((self.folder / "state" / "proxy.pid").read_text().strip())
        except (OSError, ValueError):
            return None

    def log_tail(self, chars: int = 4000) -> str:
        return self.log_path.read_text(errors="replace")[-chars:]

    def stop(self) -> None:
        """SIGTERM the hub (it stops the users' servers and the proxy), SIGKILL if it hangs."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        proxy = self.proxy_pid()
        if proxy:
            try:
                os.kill(proxy, signal.SIGTERM)
            except ProcessLookupError:
                pass


def make_folder() -> Path:
    """A folder every user can read (the hand-out lives there), with a private ``state/``."""
    folder = Path(tempfile.mkdtemp(prefix="infoint-hub-"))
    os.chmod(folder, 0o755)
    (folder / "state").mkdir(mode=0o700)
    return folder


def start_hub(folder: Path, bare: Path, users: list[str], env: dict | None = None) -> Hub:
    """Start JupyterHub with the deployment config plus the test overlay; wait until it answers.

    ``env`` sets the config's knobs (INFOINT_HUB_CULL_IDLE, ...) for this hub.
    """
    gitconfig = folder / "gitconfig"
    gitconfig.write_text(f"[safe]\n\tdirectory = {bare}\n")
    gitconfig.chmod(0o644)
    port, token = free_port(), secrets.token_hex(32)
    overlay = folder / "state" / "jupyterhub_config.py"
    overlay.write_text(
        OVERLAY.format(
            config=str(CONFIG),
            port=port,
            hub_port=free_port(),
            api_port=free_port(),
            state=folder / "state",
            password=PASSWORD,
            users=sorted(users),
            gitconfig=str(gitconfig),
            token=token,
        )
    )
    log_path = folder / "state" / "hub.log"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("INFOINT_", "JUPYTER"))}
    clean["PATH"] = f"{VENV / 'bin'}:{PROXY_BIN}:/usr/local/bin:/usr/bin:/bin"
    clean.pop("VIRTUAL_ENV", None)
    clean.pop("PYTHONPATH", None)
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [str(VENV / "bin" / "jupyterhub"), "-f", str(overlay)],
            cwd=folder / "state",
            env={**clean, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    hub = Hub(proc, f"http://127.0.0.1:{port}", bare, folder, token, log_path)
    deadline = time.time() + 90
    while True:
        try:
            hub.api("")
            return hub
        except OSError as exc:
            if time.time() > deadline or proc.poll() is not None:
                hub.stop()
                raise RuntimeError(f"JupyterHub did not start:\n{hub.log_tail()}") from exc
            time.sleep(0.3)


# ------------------------------------------------------------------------ what the OS tells us


@dataclass
class Proc:
    pid: int
    ppid: int
    user: str
    args: str

    @property
    def is_kernel(self) -> bool:
        return "ipykernel" in self.args

    @property
    def is_server(self) -> bool:
        return "jupyterhub-singleuser" in self.args


def processes(user: str | None = None) -> list[Proc]:
    out = subprocess.run(
        ["ps", "-ww", "-eo", "pid=,ppid=,user:32=,args="],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = []
    for line in out.splitlines():
        pid, ppid, owner, *args = line.split(None, 3)
        if user is None or owner == user:
            found.append(Proc(int(pid), int(ppid), owner, args[0] if args else ""))
    return found


def kernels(user: str) -> list[int]:
    return [p.pid for p in processes(user) if p.is_kernel]


def memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process in KiB, from /proc/<pid>/smaps_rollup; (0, 0) once it is gone."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("Rss", "Pss"):
                values[key] = int(rest.split()[0])
    except OSError:
        return 0, 0
    return values.get("Rss", 0), values.get("Pss", 0)


def cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds a process has used so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# ------------------------------------------------------------------------------- in the browser


def login(page, hub: Hub, user: str, next_url: str | None, timeout_ms: int = 240_000) -> None:
    """Log in on the hub's form and follow ``next_url`` (the pull link: the hub spawns the
    user's server, nbgitpuller clones or updates the workbook, and the app opens), or with
    None, nothing: the hub spawns the server and opens its default URL."""
    page.goto(hub.login_url(next_url) if next_url else f"{hub.base}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")
    try:
        page.wait_for_selector(APP_READY, state="attached", timeout=timeout_ms)
    except Exception as exc:  # the app never came: say what the page and the user's server show
        stalled = what_stalled(page, hub, user)
        raise AssertionError(f"{user}: the app did not open\n{stalled}") from exc


def what_stalled(page, hub: Hub, user: str) -> str:
    """What a stalled page shows, what the user runs, where their processes wait (py-spy, when
    installed) and their lines of the hub's log: enough to tell a hang from a slow machine."""
    try:
        shown = page.evaluate("document.body ? document.body.innerText.slice(0, 600) : ''")
    except Exception as exc:  # noqa: BLE001 (the page itself may be gone)
        shown = f"(page unreadable: {exc})"
    parts = [f"url: {page.url}", f"page shows: {shown!r}"]
    for proc in processes(user):
        parts.append(f"process {proc.pid}: {proc.args[:160]}")
        if shutil.which("py-spy") and (proc.is_kernel or proc.is_server):
            dump = subprocess.run(
                ["py-spy", "dump", "--pid", str(proc.pid)], capture_output=True, text=True
            )
            parts.append(dump.stdout[-6000:] or dump.stderr[-500:])
    mine = [line for line in hub.log_tail(2_000_000).splitlines() if f"/{user}/" in line]
    parts.append("hub log, this user's lines:\n" + "\n".join(mine[-60:]))
    return "\n".join(parts)


@dataclass
class Outcome:
    """What one participant's browser did: the job's return value, or the error it hit."""

    user: str
    value: object = None
    error: str | None = None


def in_browsers(jobs: dict, timeout_s: float = 900) -> dict[str, Outcome]:
    """Run ``jobs`` (user -> ``job(page)``) at once, each in its own Chromium and thread (one
    Playwright per thread: its API is not thread-safe), all starting at the same moment once
    every browser is up: a whole room logging in together. Errors are collected, not raised."""
    import collections  # lazy: only the functions that drive browsers need it
    import threading  # lazy: as above
    import traceback  # lazy: as above

    from browser_support import CHROMIUM, CHROMIUM_ARGS

    outcomes = {user: Outcome(user) for user in jobs}
    barrier = threading.Barrier(len(jobs))

    def run(user: str, job) -> None:
        from playwright.sync_api import sync_playwright  # lazy: heavy, browser tests only

        console = collections.deque(maxlen=40)  # the page's last words, for a failure
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
                )
                try:
                    context = browser.new_context(accept_downloads=True)
                    page = context.new_page()
                    page.on("console", lambda m: console.append(f"{m.type}: {m.text[:300]}"))
                    page.on("pageerror", lambda e: console.append(f"page error: {e}"[:300]))
                    page.set_default_timeout(180_000)
                    barrier.wait(timeout=120)
                    outcomes[user].value = job(page)
                finally:
                    browser.close()
        except BaseException as exc:  # noqa: B036 (reported per participant: the test fails)
            where = "".join(traceback.format_tb(exc.__traceback__)[-3:])
            said = "\n".join(console)
            error = f"{type(exc).__name__}: {str(exc)[:20000]}\n{where}"
            outcomes[user].error = f"{error}\nbrowser console:\n{said}"

    threads = [threading.Thread(target=run, args=item, daemon=True) for item in jobs.items()]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout_s
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    for user, thread in zip(jobs, threads, strict=True):
        if thread.is_alive():
            outcomes[user].error = f"still running after {timeout_s:.0f} s"
    return outcomes


def close_tab(page) -> float:
    """Close the tab as a person does (the page's beforeunload runs); returns perf_counter()."""
    page.close(run_before_unload=True)
    return time.perf_counter()


def wait_for_no_kernels(user: str, since: float, deadline_s: float) -> float:
    """Seconds from ``since`` until the user runs no kernel; AssertionError after deadline_s."""
    while True:
        left = kernels(user)
        elapsed = time.perf_counter() - since
        if not left:
            return elapsed
        if elapsed > deadline_s:
            raise AssertionError(f"{user}: kernels {left} still running {elapsed:.0f} s after")
        time.sleep(0.2)


LANDED = """\
import json, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from app_journey import assert_journey_landed
assert_journey_landed(Path({workspace!r}), json.loads(sys.argv[1]))
print("landed")
"""


def assert_landed_as(user: str, entered: dict) -> None:
    """assert_journey_landed run *as the participant*, in the hub's environment: root opening
    their SQLite file could leave root-owned journal files behind in their folder."""
    code = LANDED.format(tests=str(ROOT / "tests"), workspace=str(home(user) / WORKSPACE))
    done = run_as(user, str(VENV / "bin" / "python"), "-c", code, json.dumps(entered))
    assert done.returncode == 0 and "landed" in done.stdout, f"{user}: {done.stderr[-2000:]}"
