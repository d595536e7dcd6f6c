"""Public names that load their module on first use (PEP 562), for a package's ``__init__``.

Opening one step's page then loads only what that page needs, not every step's rules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module

__all__ = ["lazy_names"]


def lazy_names(
    package: str, namespace: dict, table: Mapping[str, tuple[str, ...]]
) -> tuple[list[str], Callable[[str], object], Callable[[], list[str]]]:
    """``__all__``, ``__getattr__`` and ``__dir__`` for ``package`` whose public names live in
    the modules of ``table`` (module -> names); a loaded name is kept in ``namespace``."""
    module_of = {name: module for module, names in table.items() for name in names}

    def __getattr__(name: str):  # noqa: N807 - the module-level hook PEP 562 names
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return sorted(set(namespace) | set(module_of))

    return sorted(module_of), __getattr__, __dir__
