"""Options of the ``portalgen`` plugin in ``mkdocs.yml``."""

from __future__ import annotations

import datetime

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from portalgen.site.csp import tile_problem


class TileTemplate(c.Optional):
    """A tile server's https:// URL template; with it, ``map_tiles_attribution``."""

    def __init__(self):
        super().__init__(c.Type(str))

    def run_validation(self, value):
        value = super().run_validation(value)
        problem = tile_problem(value) if value is not None else None
        if problem:
            raise ValidationError(problem)
        return value

    def post_validation(self, config, key_name):
        if config[key_name] and not (config.get("map_tiles_attribution") or "").strip():
            raise ValidationError(
                "needs map_tiles_attribution: the credit the tile server's licence "
                "requires (for OpenStreetMap: © OpenStreetMap contributors). Add it under "
                "the portalgen plugin in mkdocs.yml."
            )


class AccessibilityConfig(Config):
    organisation = c.Optional(c.Type(str))
    """The public body that publishes the portal; without it there is no statement."""

    contact_email = c.Optional(c.Type(str))
    """Where people report accessibility problems or ask for another format."""

    compliance = c.Choice(("full", "partial", "none"), default="partial")
    """How far the site meets WCAG 2.2 AA: full, partial or none."""

    known_issues = c.ListOfItems(c.Type(str), default=[])
    """What is not accessible yet, in plain English, one item each."""

    prepared = c.Optional(c.Type(datetime.date))
    """When the statement was first prepared (YYYY-MM-DD)."""

    reviewed = c.Optional(c.Type(datetime.date))
    """When it was last reviewed (YYYY-MM-DD)."""

    response_days = c.Type(int, default=10)
    """Working days within which the publisher answers."""


class PortalgenConfig(Config):
    data_dir = c.Type(str, default="data")
    """Folder of data packages, relative to ``mkdocs.yml``."""

    nav_title = c.Type(str, default="Partnerships")
    """Title of the navigation section listing partnerships and their plans."""

    overrides_dir = c.Type(str, default="overrides")
    """Folder whose ``portalgen/`` subfolder may override portalgen's page templates."""

    edit_branch = c.Type(str, default="main")
    """The branch that links to a page's data files point to, when ``repo_url`` is set."""

    map_tiles_attribution = c.Type(str, default="")
    """The attribution the tile server requires, shown on the map as text."""

    map_tiles = TileTemplate()
    """A tile server's URL template, https:// on a host name, with {z}, {x} and {y}
    ({s} for its subdomains), to draw under maps; off by default, so maps show the areas
    alone and make no request to another host."""

    accessibility = c.SubConfig(AccessibilityConfig)
    """Facts for the generated accessibility statement; without them there is none."""
