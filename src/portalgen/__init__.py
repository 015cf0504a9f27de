"""portalgen: community safety partnership portals from versioned data packages."""

from .engine import check_data, load_portal
from .problems import DataError, Problem

__all__ = ["DataError", "Problem", "check_data", "load_portal"]
