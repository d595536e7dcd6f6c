"""The app page loads nothing from outside its own server (infoint_server.PAGE_POLICY).

Voila's lab template links Font Awesome from cdn.jsdelivr.net; the page's Content-Security-Policy
stops the browser from sending those requests (or any other to a third party). The browser
test opens the demo's app in Chromium, goes through every step and fails on any request that
leaves the browser for another server (Playwright's routing sees what reaches the network; what
the policy blocks never does), and on a refusal of anything of the server's own: the app's
scripts, styles, websocket and downloads must all work under the policy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from traitlets.config.loader import PyFileConfigLoader

import infoint_server
from infoint.records import STEPS

ROOT = Path(__file__).resolve().parent.parent
APP = "/voila/render/app.ipynb"


class FakeHandler:
    """What the hook touches on Voila's request handler."""

    def __init__(self):
        self.headers: dict[str, str] = {}
        self.token_reads = 0

    @property
    def xsrf_token(self) -> bytes:
        self.token_reads += 1
        return b"token"

    def set_header(self, name: str, value: str) -> None:
        self.headers[name] = value


def test_the_hook_sets_the_xsrf_cookie_and_the_policy():
    handler = FakeHandler()
    assert infoint_server.prepare_page(handler, notebook=None, cwd=None) is None
    assert handler.token_reads == 1  # tornado sets the _xsrf cookie when the token is read
    assert handler.headers == {"Content-Security-Policy": infoint_server.PAGE_POLICY}
    directives = dict(d.split(" ", 1) for d in infoint_server.PAGE_POLICY.split("; "))
    assert directives["default-src"] == "'self'"
    for name in ("script-src", "style-src", "img-src", "font-src", "connect-src"):
        sources = directives[name].split()
        assert "'self'" in sources, name
        # Only this server, inline code and the page's own blob:/data: objects: no host.
        assert set(sources) <= {"'self'", "'unsafe-inline'", "'unsafe-eval'", "blob:", "data:"}


def test_the_config_file_installs_the_hook():
    config = PyFileConfigLoader("voila.py", path=str(ROOT / "infoint_server" / "config"))
    assert config.load_config().VoilaConfiguration.prelaunch_hook is infoint_server.prepare_page


@pytest.mark.browser
def test_the_app_loads_nothing_from_outside_its_server(demo_voila, page):
    from playwright.sync_api import expect

    base, _ = demo_voila
    sent: list[str] = []  # what reached the network: Playwright routes only those
    blocked: list[str] = []  # what the browser refused to send, under the policy
    errors: list[str] = []

    def observe(route) -> None:
        sent.append(route.request.url)
        route.continue_()

    page.route("**/*", observe)
    page.on("requestfailed", lambda r: r.failure == "csp" and blocked.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(f"{base}{APP}")
    assert response.headers["content-security-policy"] == infoint_server.PAGE_POLICY
    page.wait_for_selector(".ii-app-header .ii-nav-start")
    for step in STEPS[1:]:  # every step built in the browser: its widgets, styles and scripts
        page.locator(f".ii-nav-{step.key}").click()
        expect(page.locator(f".ii-step-{step.key}")).to_be_visible()
    page.locator(".ii-nav-start").click()
    with page.expect_download() as download:  # a download (a blob: the page makes) still works
        page.locator(".ii-step-start .ii-start-download .ii-download-button").first.click()
    assert Path(download.value.path()).stat().st_size > 0

    outside = [u for u in sent if not u.startswith(base + "/")]
    assert not outside, f"the page asked other servers: {outside}"
    assert len(sent) > 20  # the page's own scripts and styles went through here: it looked
    # The policy refused only what points away from this server (the template's CDN links),
    # and nothing the app runs broke on it.
    assert not [u for u in blocked if u.startswith(base)], blocked
    assert not [e for e in errors if "Content Security Policy" in e], errors


@pytest.mark.browser
def test_the_app_opens_when_other_servers_never_answer(demo_voila, page):
    """A network that swallows requests to other hosts (a firewall dropping packets, a captive
    portal, a DNS server that never answers): without the policy the page's pending CDN
    stylesheets held Voila's scripts back and the app never appeared ("Running ..." for good,
    as a participant's page did once on the test hub). With it, nothing waits on them."""
    base, _ = demo_voila
    held = []  # requests to another host, never answered
    page.route(
        re.compile(r"^(?!" + re.escape(base) + r"/)https?://"), lambda route: held.append(route)
    )
    page.goto(f"{base}{APP}", wait_until="commit")
    page.wait_for_selector(".ii-step-start .ii-app-probe", state="attached", timeout=60_000)
    assert held == []
