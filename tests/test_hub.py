"""A workshop on a real JupyterHub: real Unix users, the workbook handed out by nbgitpuller.

The hub is JupyterHub from PyPI with configurable-http-proxy from npm (``.ci/hub-env`` puts
both in ``.hub/``), started here on 127.0.0.1 with ``docs/jupyterhub/jupyterhub_config.py``, the
deployment's own config, plus a test login (tests/hub_support.py). The participants are real
accounts (``iitest1``...), each with their own single-user server (LocalProcessSpawner), removed
afterwards whatever happens. Each logs in through the facilitator's nbgitpuller link to a local
git repository, lands on the app (``/user/<name>/voila/render/.../notebooks/app.ipynb``) and goes
through the whole journey by real clicks in Chromium (tests/app_journey.py), all of the room at
once. Then: every workspace is its owner's alone (the OS refuses the others), a closed tab frees
its kernel, a new commit pulled by the same link updates the notebooks and keeps everyone's
data (the app page comes with the workbook's Content-Security-Policy), and the idle culler (a
hub service) stops servers left idle.

ROOM participants at once (6 by default, INFOINT_HUB_ROOM to change): what this 2-core machine
holds with a browser per participant on the same cores; the whole module took 6.5 minutes
here. Eight at once passed too (INFOINT_HUB_ROOM=8: logins 94-107 s, journeys 85-98 s, on a
machine shared with other work), so six keeps CI's time modest with room to spare. Never
skipped in CI: anything missing fails it with what to install.
"""

from __future__ import annotations

import os
import shutil
import stat
import time
import urllib.error

import hub_support as hs
import pytest

import infoint_server

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(1500)]

ROOM = int(os.environ.get("INFOINT_HUB_ROOM", "6"))
FIRST_NAMES = ["Ava", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonah"]
KERNEL_GONE_S = 10  # a closed tab's kernel must be gone within this
CULL_IDLE_S, CULL_EVERY_S = 60, 10  # the culler's timeouts here (an hour in production): long
# enough for a server to render the app before it counts as idle (activity reaches the hub late)
UPDATED = "(this workshop's edition)"  # the facilitator's change, pulled by the same link


def participants() -> list[str]:
    return [f"{hs.PREFIX}{i}" for i in range(1, ROOM + 1)]


@pytest.fixture(scope="module")
def workshop():
    """Users, the hand-out repository and a running hub; all removed afterwards."""
    problem = hs.missing()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"the hub test cannot run: {problem}")
        pytest.skip(problem)
    from browser_support import require_chromium

    require_chromium()
    names = participants()
    folder = hs.make_folder()
    hub = None
    try:
        hs.create_users(names)
        bare = hs.make_handout(folder)
        hub = hs.start_hub(folder, bare, names)
        state = {"hub": hub, "names": names, "folder": folder, "bare": bare}
        yield state
        hub = state["hub"]  # the culler test restarts it
    finally:
        if hub is not None:
            hub.stop()
        for name in names:
            hs.remove_user(name)
        shutil.rmtree(folder, ignore_errors=True)
    assert not hs.leftover_users(), "test users were left on the machine"


def journey_job(hub: hs.Hub, user: str, first_name: str):
    """One participant: log in by the pull link, walk the journey, close the tab."""
    from app_journey import walk_the_journey

    def job(page) -> dict:
        app_url = f"{hub.base}/user/{user}/{hs.APP_PATH}"
        start = time.perf_counter()
        hs.login(page, hub, user, hub.pull_link())
        logged_in = time.perf_counter() - start
        entered = walk_the_journey(page, app_url, name=f"{first_name} Rivera")
        journey = time.perf_counter() - start - logged_in
        open_kernels = hs.kernels(user)
        assert len(open_kernels) == 1, f"{user}: kernels {open_kernels} with the tab open: " + str(
            [(p.pid, p.user, p.args[:70]) for p in hs.processes() if p.user.startswith("iitest")]
        )
        closed = hs.close_tab(page)
        freed = hs.wait_for_no_kernels(user, closed, KERNEL_GONE_S)
        return {"entered": entered, "login": logged_in, "journey": journey, "freed": freed}

    return job


@pytest.fixture(scope="module")
def room(workshop):
    """The whole room through the app at once; each participant's outcome."""
    hub = workshop["hub"]
    jobs = {
        user: journey_job(hub, user, first)
        for user, first in zip(workshop["names"], FIRST_NAMES, strict=False)
    }
    outcomes = hs.in_browsers(jobs)
    workshop["outcomes"] = outcomes
    return outcomes


def test_the_whole_room_goes_through_the_journey_at_once(workshop, room):
    failed = {user: o.error for user, o in room.items() if o.error}
    assert not failed, (
        "participants failed:\n"
        + "\n\n".join(f"{user}:\n{error}" for user, error in failed.items())
        + f"\nhub log:\n{workshop['hub'].log_tail()}"
    )
    assert len(room) == ROOM
    for user, outcome in room.items():
        hs.assert_landed_as(user, outcome.value["entered"])  # nothing lost
    # Each participant's server ran as their own user, from their own home.
    for user in workshop["names"]:
        clone = hs.home(user) / hs.WORKBOOK
        assert (clone / "notebooks" / "app.ipynb").is_file()
        assert clone.stat().st_uid == hs.pwd.getpwnam(user).pw_uid
    timings = {
        u: {k: round(v, 1) for k, v in o.value.items() if k != "entered"} for u, o in room.items()
    }
    print("room timings (s):", timings)


def test_each_workspace_is_its_owners_alone(workshop, room):
    names = workshop["names"]
    for i, user in enumerate(names):
        path = hs.home(user) / hs.WORKSPACE
        info, folder = path.stat(), path.parent.stat()
        owner = hs.pwd.getpwnam(user).pw_uid
        assert (info.st_uid, folder.st_uid) == (owner, owner), user
        assert stat.S_IMODE(info.st_mode) == 0o600, (user, oct(info.st_mode))
        assert stat.S_IMODE(folder.st_mode) == 0o700, (user, oct(folder.st_mode))
        assert stat.S_IMODE(hs.home(user).stat().st_mode) == 0o700, user
        other = names[(i + 1) % len(names)]
        # The operating system refuses: reading the file, listing the folder, even the home.
        for command in (["cat", str(path)], ["ls", str(path.parent)], ["ls", str(hs.home(user))]):
            done = hs.run_as(other, *command)
            assert done.returncode != 0, f"{other} could run {command}"
            assert "Permission denied" in done.stderr, done.stderr
        # The owner can (the same command, so the refusal above is about who asks).
        mine = hs.run_as(user, "head", "-c", "15", str(path))
        assert (mine.returncode, mine.stdout) == (0, "SQLite format 3"), mine.stderr


def test_a_closed_tab_frees_its_kernel(workshop, room):
    for user, outcome in room.items():
        assert outcome.error is None, f"{user} did not finish (see the journey test)"
        assert outcome.value["freed"] <= KERNEL_GONE_S
        assert hs.kernels(user) == []


def test_a_new_commit_pulled_by_the_same_link_keeps_every_participants_data(workshop, room):
    hub = workshop["hub"]
    commit = hs.publish_change(
        workshop["bare"],
        workshop["folder"],
        "notebooks/app.ipynb",
        lambda text: text.replace(
            "# Your informational interview workbook",
            f"# Your informational interview workbook {UPDATED}",
            1,
        ),
    )
    assert commit

    def pull_job(user):
        def job(page):
            policies = []  # the app page's Content-Security-Policy, as the hub served it

            def seen(response):
                if f"/user/{user}/{hs.APP_PATH}" in response.url:
                    policies.append(response.headers.get("content-security-policy"))

            page.on("response", seen)
            hs.login(page, hub, user, hub.pull_link())  # the same link: the app opens again
            hs.close_tab(page)
            return policies

        return job

    outcomes = hs.in_browsers({user: pull_job(user) for user in room})
    failed = {user: o.error for user, o in outcomes.items() if o.error}
    assert not failed, f"pull failed: {failed}\nhub log:\n{hub.log_tail()}"
    for user, outcome in outcomes.items():  # the hub's servers run the workbook's page hook
        assert outcome.value == [infoint_server.PAGE_POLICY], (user, outcome.value)
    for user, outcome in room.items():
        clone = hs.home(user) / hs.WORKBOOK
        notebook = clone / "notebooks" / "app.ipynb"
        assert UPDATED in notebook.read_text(encoding="utf-8"), user
        has_commit = hs.run_as(
            user, "git", "-C", str(clone), "merge-base", "--is-ancestor", commit, "HEAD"
        )
        assert has_commit.returncode == 0, (user, has_commit.stderr)
        hs.assert_landed_as(user, outcome.value["entered"])  # the journey's data, all there


def test_the_idle_culler_stops_idle_servers(workshop):
    """Restart the hub with a short idle timeout; a participant who opened the app and left is
    stopped by jupyterhub-idle-culler, and their workbook is still there when they come back
    (a plain login then lands on the app: the config's default URL)."""
    workshop["hub"].stop()
    hub = workshop["hub"] = hs.start_hub(
        workshop["folder"],
        workshop["bare"],
        workshop["names"],
        env={
            "INFOINT_HUB_CULL_IDLE": str(CULL_IDLE_S),
            "INFOINT_HUB_CULL_EVERY": str(CULL_EVERY_S),
        },
    )
    user = workshop["names"][0]
    assert not hub.server_running(user)

    def visit(page):
        hs.login(page, hub, user, hub.pull_link())  # the way in: the facilitator's link
        return hs.close_tab(page)

    outcome = hs.in_browsers({user: visit})[user]
    assert outcome.error is None, outcome.error
    assert hub.server_running(user)
    server = [p.pid for p in hs.processes(user) if p.is_server]
    assert len(server) == 1
    deadline = outcome.value + CULL_IDLE_S + 4 * CULL_EVERY_S + 30
    while hub.server_running(user):
        assert time.perf_counter() < deadline, f"not culled:\n{hub.log_tail()}"
        time.sleep(1)
    assert f"DELETE /hub/api/users/{user}/server (idle-culler@" in hub.log_tail(50_000)
    while hs.processes(user):  # the server and everything it ran are gone
        assert time.perf_counter() < deadline + 30, hs.processes(user)
        time.sleep(0.5)
    assert (hs.home(user) / hs.WORKSPACE).is_file()
    try:
        hub.api(f"users/{user}")
    except urllib.error.HTTPError as exc:  # the user stays; only the server went
        pytest.fail(f"the culler removed the user: {exc}")

    # Coming back with a plain login: the server starts again and opens its default URL, the app.
    def come_back(page):
        hs.login(page, hub, user, None)
        return page.url

    outcome = hs.in_browsers({user: come_back})[user]
    assert outcome.error is None, outcome.error
    assert outcome.value.startswith(f"{hub.base}/user/{user}/{hs.APP_PATH}"), outcome.value
