# The workshop hub on one server: JupyterHub with real Unix accounts, each participant's own
# single-user server (LocalProcessSpawner), the workbook app as the page everyone lands on, and
# idle servers stopped by jupyterhub-idle-culler. tests/test_hub.py loads this very file (adding
# only a test login and its ports), so what this says is what the test runs.
#
#   jupyterhub -f jupyterhub_config.py      # as root, from the environment that holds the
#                                           # workbook (see README.md beside this file)
#
# Settings a career center changes, as environment variables (defaults in brackets):
#   INFOINT_HUB_WORKBOOK   the folder nbgitpuller clones the workbook into, in each home
#                          [informational-interview-workbook]: the repository's name
#   INFOINT_HUB_CULL_IDLE  seconds a server may sit idle before the culler stops it [3600]
#   INFOINT_HUB_CULL_EVERY how often the culler looks, in seconds [300]
#   INFOINT_HUB_USERS      the participants' account names, comma-separated [any local account]
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub defines get_config for config files)

WORKBOOK = os.environ.get("INFOINT_HUB_WORKBOOK", "informational-interview-workbook")
CULL_IDLE = int(os.environ.get("INFOINT_HUB_CULL_IDLE", "3600"))
CULL_EVERY = int(os.environ.get("INFOINT_HUB_CULL_EVERY", "300"))
# The environment the hub runs from holds everything a participant's server needs too
# (jupyterhub-singleuser, Voila, nbgitpuller, the workbook), so every user runs the same code.
ENV = Path(sys.prefix)

# Only the proxy faces the network; the hub and the proxy's API listen on this machine alone.
# Behind TLS (The Littlest JupyterHub's Traefik, or nginx) bind_url stays local as here.
c.JupyterHub.bind_url = "http://127.0.0.1:8000"
c.JupyterHub.hub_ip = "127.0.0.1"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:8001"

# Real Unix accounts: the hub runs as root and starts each server as its user, in their home,
# so each workspace file (0600, in a 0700 folder) is theirs alone and the OS keeps others out.
# Accounts need a 0700 home (useradd -m -K HOME_MODE=0700): Debian's default 0755 lets anyone
# read anyone's notebooks. PAM checks their passwords.
c.JupyterHub.spawner_class = "localprocess"
c.JupyterHub.authenticator_class = "pam"
users = [name.strip() for name in os.environ.get("INFOINT_HUB_USERS", "").split(",")]
if any(users):
    c.Authenticator.allowed_users = {name for name in users if name}
else:
    c.Authenticator.allow_all = True  # every account on this machine may log in

c.Spawner.cmd = [str(ENV / "bin" / "jupyterhub-singleuser")]
# Everyone lands on the app: nbgitpuller's link brings the workbook into ~/WORKBOOK first.
c.Spawner.default_url = f"/voila/render/{WORKBOOK}/notebooks/app.ipynb"
c.Spawner.args = [
    # A page's kernel is freed the moment its tab closes (Voila's beacon; the hub sets the
    # _xsrf cookie it needs). For a browser that vanishes without closing (a crash, lost
    # wifi), kernels idle and unconnected for 10 minutes are culled.
    "--MappingKernelManager.cull_idle_timeout=600",
    "--MappingKernelManager.cull_interval=60",
    "--MappingKernelManager.cull_connected=False",
]
# A whole room logs in at once: on 2 cores six participants waited 60-96 s for the app
# (benchmarks/README.md, hub). JupyterHub's defaults (60 s and 30 s) would fail some.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 240

# Idle servers stop (their memory returns to the machine); a participant who comes back just
# logs in again, and their workbook file is where they left it.
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={CULL_IDLE}",
            f"--cull-every={CULL_EVERY}",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
