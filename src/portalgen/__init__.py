"""portalgen: community safety partnership portals from versioned data packages.

The names below are imported when first used (PEP 562), so that ``portalgen validate``
starts without importing the whole pipeline: a warm run needs only a little of it."""

from __future__ import annotations

from importlib import import_module

__all__ = ["DataError", "Problem", "check_data", "load_portal"]
_HOMES = {
    "DataError": ".data.problems",
    "Problem": ".data.problems",
    "check_data": ".engine",
    "load_portal": ".engine",
}


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name], __name__), name)
