"""Options of the ``portalgen`` plugin in ``mkdocs.yml``."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PortalgenConfig(Config):
    data_dir = c.Type(str, default="data")
    """Folder of data packages, relative to ``mkdocs.yml``."""

    nav_title = c.Type(str, default="Partnerships")
    """Title of the navigation section listing partnerships and their plans."""

    overrides_dir = c.Type(str, default="overrides")
    """Folder whose ``portalgen/`` subfolder may override portalgen's page templates."""
