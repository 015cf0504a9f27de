"""``portalgen`` MkDocs plugin: validate the data, then add the generated pages.

A thin adapter: each event hands over to the engine in ``portalgen`` and turns its
results into MkDocs objects.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from portalgen import DataError, addresses, assets, feeds, load_portal
from portalgen.navigation import navigation
from portalgen.pages import all_pages
from portalgen.render import environment, render_page, render_redirect
from portalgen.statement import AccessibilityStatement

from .config import PortalgenConfig


class PortalgenPlugin(BasePlugin[PortalgenConfig]):
    """Generate partnership, plan and priority pages from ``data/``."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.data_dir = root / self.config.data_dir
        self.lock = self.data_dir / addresses.LOCK
        self.published = addresses.read_lock(self.lock)
        try:
            self.portal = load_portal(self.data_dir, root)
        except DataError as error:
            raise PluginError(error.summary()) from error
        self.portal.site_url = config.site_url or None
        if self.config.map_tiles:
            self.portal.map_tiles = (self.config.map_tiles, self.config.map_tiles_attribution)
        self.env = environment(
            root / self.config.overrides_dir,
            self.config.data_dir,
            config.repo_url,
            self.config.edit_branch,
            config.site_url,
        )
        config.extra_css[:0] = assets.stylesheets()
        for path in assets.scripts():
            script = ExtraScriptValue(path)
            script.defer = True
            config.extra_javascript.append(script)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        editors_pages = [f.src_uri for f in files.documentation_pages()]
        statement = _statement(self.config.accessibility)
        pages = all_pages(self.portal, statement)
        self._check_addresses(files, pages)
        leaflet = assets.leaflet_files() if any(p.metrics for p in self.portal.partnerships) else {}
        for path, content in {**assets.files(), **leaflet}.items():
            files.append(File.generated(config, path, content=content))
        self.feeds = feeds.portal_feeds(self.portal, config.site_name)
        self.followed = feeds.follow(pages, self.feeds)
        self.updated = {page.src_uri: page.updated for page in pages if page.updated}
        for feed in self.feeds:
            content = feeds.render_feed(feed, config.site_url, config.site_name)
            files.append(File.generated(config, feed.path, content=content))
        for page in pages:
            files.append(File.generated(config, page.src_uri, content=render_page(page, self.env)))
            for name, text in page.downloads.items():
                files.append(File.generated(config, f"{page.address}{name}", content=text))
        for redirect in addresses.resolved(self.portal):
            path = f"{addresses.address(redirect.source)}index.html"
            content = render_redirect(redirect, self.env)
            files.append(File.generated(config, path, content=content))
        config.nav = navigation(
            config.nav, self.portal, self.config.nav_title, editors_pages, statement is not None
        )
        return files

    def _check_addresses(self, files: Files, pages) -> None:
        """Fail, before anything is rendered, if a published address would go."""
        self.made = {addresses.path(f.url) for f in files.documentation_pages()}
        self.made |= {addresses.path(p.address) for p in pages if p.template != "withdrawn"}
        label = f"{self.config.data_dir}/{addresses.LOCK}"
        problems = addresses.check(label, self.published, self.made, self.portal)
        if problems:
            raise PluginError(DataError(problems).summary())

    def on_pre_page(self, page, *, config: MkDocsConfig, files: Files):
        """sitemap.xml gives each generated page the date its data last changed."""
        updated = self.updated.get(page.file.src_uri)
        if updated:
            page.update_date = updated.isoformat()
        return page

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        """Let browsers and feed readers find the page's feed."""
        feed = self.followed.get(page.file.dest_uri.removesuffix("index.html"))
        if feed is None:
            return output
        return output.replace("</head>", f"{feeds.discovery_link(feed)}\n</head>", 1)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """A build for publishing (``portalgen build``) proposes the register with its new
        addresses; it replaces ``data/urls.lock`` only if the whole build succeeds."""
        proposal = os.environ.get(addresses.PROPOSED)
        if proposal:
            served = addresses.served(self.made, self.portal)
            addresses.propose_lock(Path(proposal), self.lock, self.published, served)

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        """``mkdocs serve`` rebuilds when an editor saves a data file."""
        server.watch(str(self.data_dir))
        return server


def _statement(options) -> AccessibilityStatement | None:
    if not options.organisation or not options.contact_email:
        return None
    return AccessibilityStatement(**dict(options))
