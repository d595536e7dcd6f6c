"""Make Voila free a closed or reloaded page's kernel at once (voila-dashboards/voila#1458).

Why this exists: when a page served by Voila 0.5 is closed or reloaded, its ``beforeunload``
handler posts a beacon to ``/voila/api/shutdown/<kernel id>`` with an ``_xsrf`` form field it
reads from the ``_xsrf`` cookie. Jupyter Server checks that field against the cookie on every
POST that is not token-authenticated. But Voila's render page never reads the handler's
``xsrf_token``, so tornado never sets the cookie: the beacon carries an empty field, the server
answers 403 "_xsrf argument missing", and the kernel (about 60 MB) lives on until idle culling,
minutes later. Only a browser that already holds the cookie (set by JupyterHub or by a
JupyterLab page of the same server) got its kernels freed.

The fix: Voila calls its ``prelaunch_hook`` with the page's request handler before the page
starts streaming. :func:`set_xsrf_cookie` reads ``handler.xsrf_token`` there, which makes
tornado set the ``_xsrf`` cookie on the response if the browser has none yet (an existing
cookie is kept as it is), exactly as every JupyterLab page does. XSRF protection stays on: a
POST still needs the cookie and a matching field, and only a page of the same origin can read
the cookie to send one. Idle culling stays configured as the backstop for a browser that
vanishes without sending the beacon (a crash, a lost network).

Wiring, in both ways Voila runs here (``config/voila.py`` is the Voila config file that sets
the hook; Voila reads ``voila.py`` from its config paths in both set-ups):

- standalone ``voila`` (``make app``): ``--Voila.config_file_paths`` names ``config/``;
- Voila as a Jupyter Server extension (Binder, a JupyterHub's single-user servers): the file is
  copied into a Jupyter config folder (``~/.jupyter`` by ``binder/postBuild``,
  ``<env>/etc/jupyter`` in a hub image), where Voila's server extension finds it.

Voila refuses a ``prelaunch_hook`` together with ``preheat_kernel``; this project uses neither
pre-heated kernels nor another hook.

A top-level package of its own, outside ``infoint``: the workbook's layers never import the
server, and nothing here imports the workbook.
"""

from __future__ import annotations

__all__ = ["set_xsrf_cookie"]


def set_xsrf_cookie(handler, notebook=None, cwd=None):
    """Voila's ``prelaunch_hook``: have the page's response set the ``_xsrf`` cookie.

    Reading ``handler.xsrf_token`` makes tornado add the cookie when the request has none
    (keeping the browser's own when it has one). Returns None, so Voila keeps the notebook as
    it loaded it.
    """
    handler.xsrf_token  # noqa: B018 (read for its side effect: tornado sets the cookie)
    return None
