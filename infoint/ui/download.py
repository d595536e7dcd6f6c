"""A real one-click download: the browser asks the kernel for the bytes at click time.

ipywidgets has no download control and a pre-built data: link would hold stale data, so this
small anywidget sends a request, receives fresh bytes and saves them with a Blob.
"""

from __future__ import annotations

from collections.abc import Callable

import anywidget
import traitlets

_ESM = """
function render({ model, el }) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "jupyter-widgets jupyter-button widget-button ii-download-button";
  button.style.width = "auto";
  const sync = () => {
    button.textContent = model.get("label");
    button.setAttribute("aria-label", model.get("label"));
    button.classList.toggle("mod-primary", model.get("button_style") === "primary");
  };
  sync();
  model.on("change:label", sync);
  model.on("change:button_style", sync);
  button.addEventListener("click", () => {
    button.disabled = true;
    model.send({ event: "request" });
  });
  model.on("msg:custom", (msg, buffers) => {
    button.disabled = false;
    if (!msg || msg.event !== "file" || !buffers || !buffers.length) return;
    const blob = new Blob([buffers[0]], { type: msg.mime || "application/octet-stream" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = msg.filename;
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  });
  el.appendChild(button);
}
export default { render };
"""


class DownloadButton(anywidget.AnyWidget):
    """A button that downloads whatever ``provider()`` returns: (file name, MIME type, bytes)."""

    _esm = _ESM
    label = traitlets.Unicode("").tag(sync=True)  # the caller's words (translated)
    button_style = traitlets.Unicode("").tag(sync=True)  # "primary": the section's main action

    def __init__(
        self,
        label: str,
        provider: Callable[[], tuple[str, str, bytes]],
        on_error: Callable[[Exception], None] | None = None,
        **kwargs,
    ):
        super().__init__(label=label, **kwargs)
        self._provider = provider
        self._on_error = on_error
        self.last_download: tuple[str, str, bytes] | None = None
        self.on_msg(self._handle)

    def _handle(self, _widget, content, _buffers) -> None:
        if isinstance(content, dict) and content.get("event") == "request":
            self.click()

    def click(self) -> tuple[str, str, bytes] | None:
        """What a click does: build the file and send it to the browser (also for tests)."""
        try:
            name, mime, data = self._provider()
        except Exception as exc:  # shown to the user by on_error; the button stays usable
            self.send({"event": "error"})
            if self._on_error is None:
                raise
            self._on_error(exc)
            return None
        self.last_download = (name, mime, data)
        self.send({"event": "file", "filename": name, "mime": mime}, [data])
        return self.last_download
