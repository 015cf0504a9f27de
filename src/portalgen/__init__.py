"""portalgen: community safety partnership portals from versioned data packages."""

from .data.problems import DataError, Problem
from .engine import check_data, load_portal

__all__ = ["DataError", "Problem", "check_data", "load_portal"]
