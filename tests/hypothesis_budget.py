"""How many examples each Hypothesis property runs (not a test module).

``make test`` runs every property with the count its ``@settings`` names; ``make test-quick``
sets ``INFOINT_QUICK_TESTS=1`` and runs a quarter of them (at least 10), so the quick loop
still tries every property on fresh random input while staying short. A property that fails
in either run is shrunk and reported the same way. Imported as a sibling module (pytest's
default "prepend" import mode puts tests/ on sys.path; there is no tests/__init__.py).
"""

from __future__ import annotations

import os

QUICK = os.environ.get("INFOINT_QUICK_TESTS") == "1"


def examples(count: int) -> int:
    """``count`` in the full run; a quarter of it, at least 10, in the quick loop."""
    return max(10, count // 4) if QUICK else count
