"""What every notebook opens: a page on the workspace, optionally driven by the demo persona."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Self

from .session import open_workspace

__all__ = ["Page"]


class Page:
    """A step's page. Each notebook calls ``SomePage.open(workspace, demo)``; the page's own
    ``run_demo`` types and clicks what a person would, so headless runs use the same callbacks."""

    _now: datetime | None = None  # a fixed "now" for tests; pages that take one set it

    @classmethod
    def open(cls, workspace: str | None = None, demo: bool = False) -> Self:
        """Open the page on the workspace (the notebook's parameter, else the default one);
        ``demo=True`` then runs the page's demo."""
        page = cls(open_workspace(workspace))
        if demo:
            page.run_demo()
        return page

    def now(self) -> datetime:
        """The current time (fixed in tests)."""
        return self._now or datetime.now(UTC)

    def run_demo(self) -> None:
        """Drive the page with the demo persona, as a person would."""
        raise NotImplementedError
