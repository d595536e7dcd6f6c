"""Files handed to a FileUpload from Python, in the shape the browser sends them.

The demo mode and the tests put files into the same upload widgets a person uses, so the same
callbacks run.
"""

from __future__ import annotations

import mimetypes
from datetime import UTC, datetime


def as_upload(name: str, data: bytes) -> tuple[dict, ...]:
    """A FileUpload ``value`` holding one file."""
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return (
        {
            "name": name,
            "type": mime,
            "size": len(data),
            "content": memoryview(data),
            "last_modified": datetime.now(UTC),
        },
    )
