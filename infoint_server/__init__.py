"""What Voila's app page needs from the server: its kernel freed the moment the page is left
(voila-dashboards/voila#1458), and nothing fetched from outside this server.

Both happen in Voila's ``prelaunch_hook``, :func:`prepare_page`, which Voila calls with the page's
request handler before the page starts streaming.

The kernel. When a page served by Voila 0.5 is closed or reloaded, its ``beforeunload`` handler
posts a beacon to ``/voila/api/shutdown/<kernel id>`` with an ``_xsrf`` form field it reads from
the ``_xsrf`` cookie. Jupyter Server checks that field against the cookie on every POST that is
not token-authenticated. But Voila's render page never reads the handler's ``xsrf_token``, so
tornado never sets the cookie: the beacon carries an empty field, the server answers 403
"_xsrf argument missing", and the kernel (about 60 MB) lives on until idle culling, minutes
later. :func:`set_xsrf_cookie` reads ``handler.xsrf_token``, which makes tornado set the cookie
on the response if the browser has none yet (an existing cookie is kept as it is), exactly as
every JupyterLab page does. XSRF protection stays on: a POST still needs the cookie and a
matching field, and only a page of the same origin can read the cookie to send one. Idle
culling stays configured as the backstop for a browser that vanishes without sending the beacon
(a crash, a lost network).

Nothing from outside. Voila's ``lab`` template links two Font Awesome stylesheets from
cdn.jsdelivr.net (Voila bundles the same icons). Each page load would tell a third party that
someone opened the workbook, from which address; on a closed or flaky network the page waits
on them. :data:`PAGE_POLICY`, sent as the page's Content-Security-Policy, lets the page load
only from its own server (scripts, styles, fonts, images, the kernel's websocket), so the
browser never sends those requests, nor any other a future template or widget might add.

Wiring, in every way Voila runs here (``config/voila.py`` is the Voila config file that sets
the hook; Voila reads ``voila.py`` from its config paths in each set-up):

- standalone ``voila`` (``make app``, the browser tests): ``--Voila.config_file_paths`` names
  ``config/``;
- Voila as a Jupyter Server extension (Binder, a JupyterHub's single-user servers): the file is
  copied into a Jupyter config folder (``~/.jupyter`` by ``binder/postBuild``,
  ``<env>/etc/jupyter`` in a hub image), where Voila's server extension finds it.

Voila refuses a ``prelaunch_hook`` together with ``preheat_kernel``; this project uses neither
pre-heated kernels nor another hook.

A top-level package of its own, outside ``infoint``: the workbook's layers never import the
server, and nothing here imports the workbook.
"""

from __future__ import annotations

__all__ = ["PAGE_POLICY", "prepare_page", "set_xsrf_cookie"]

# Everything from this server only ('self': its scripts, styles, fonts and the kernel's
# websocket); inline scripts and styles, eval and blob: are what JupyterLab's widgets and the
# workbook's anywidgets use; no frames, plugins or form posts elsewhere.
PAGE_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
        "style-src 'self' 'unsafe-inline' blob: data:",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)


def prepare_page(handler, notebook=None, cwd=None):
    """Voila's ``prelaunch_hook``: the ``_xsrf`` cookie and the page's Content-Security-Policy.

    Returns None, so Voila keeps the notebook as it loaded it."""
    set_xsrf_cookie(handler)
    handler.set_header("Content-Security-Policy", PAGE_POLICY)
    return None


def set_xsrf_cookie(handler, notebook=None, cwd=None):
    """Voila's ``prelaunch_hook``: have the page's response set the ``_xsrf`` cookie.

    Reading ``handler.xsrf_token`` makes tornado add the cookie when the request has none
    (keeping the browser's own when it has one). Returns None, so Voila keeps the notebook as
    it loaded it.
    """
    handler.xsrf_token  # noqa: B018 (read for its side effect: tornado sets the cookie)
    return None
