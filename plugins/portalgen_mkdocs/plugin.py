"""``portalgen`` MkDocs plugin: validate the data, then add the generated pages.

A thin adapter: each event hands over to the engine in ``portalgen`` and turns its
results into MkDocs objects.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from portalgen import DataError, load_portal
from portalgen.data.cache import ValidationCache
from portalgen.data.load import linked_files
from portalgen.site import (
    addresses,
    assets,
    content_pages,
    counts,
    csp,
    dependencies,
    feeds,
    places,
    plaintext,
    preview,
    prose,
    search,
    tables,
)
from portalgen.site.abbreviations import Abbreviations
from portalgen.site.navigation import navigation
from portalgen.site.pages import all_pages
from portalgen.site.pages import search as search_page
from portalgen.site.published import site_files
from portalgen.site.render import (
    environment,
    forget_choices,
    render,
    render_redirect,
    unused_overrides,
)
from portalgen.site.statement import AccessibilityStatement

from .config import PortalgenConfig
from .html_pages import serve_html
from .serve import Preview, dirty_builder, poll_every

log = logging.getLogger("mkdocs.plugins.portalgen")
THEME = Path(__file__).parent / "theme"
"""portalgen's own theme templates (the page-not-found page): a site's custom_dir wins."""


class PortalgenPlugin(BasePlugin[PortalgenConfig]):
    """Generate partnership, plan and priority pages from ``data/``."""

    preview: Preview | None = None
    """Under ``mkdocs serve``, what the last build made (``serve.py``)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Under ``mkdocs serve`` broken data gives a page of problems, not a stopped
        preview. (Defining this keeps the plugin across the preview's rebuilds.)"""
        self.serving = command == "serve"
        self.preview = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = self.root_dir = Path(config.config_file_path).parent
        self.site_root = urlsplit(config.site_url or "").path or "/"
        self.data_dir = root / self.config.data_dir
        self.lock = self.data_dir / addresses.LOCK
        self.published = addresses.read_lock(self.lock)
        self.env = self._environment(
            root / self.config.overrides_dir,
            self.config.data_dir,
            config.repo_url,
            self.config.edit_branch,
            config.site_url,
            config.site_name,
        )
        for problem in unused_overrides(root / self.config.overrides_dir):
            log.warning(problem)
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        _refuse_links(root, config.docs_dir, self.config.overrides_dir, config.theme.custom_dir)
        self.problems, self.image_hosts = None, ()
        config.extra_css[:0] = assets.stylesheets()
        if not hasattr(self, "validation_cache"):  # kept between the preview's rebuilds
            self.validation_cache = ValidationCache.for_project(root)
        try:
            self.portal = load_portal(self.data_dir, root, cache=self.validation_cache)
        except DataError as error:
            if not getattr(self, "serving", False):
                raise PluginError(error.summary()) from error
            # Printed, not logged: a logged error would stop a strict preview.
            print(error.summary(), file=sys.stderr)
            self.problems = error
            return config
        for problem in self.portal.warnings:
            # Info, not a warning: MkDocs' strict mode would turn a warning into a stopped build.
            log.info("Warning: %s", problem)
        self.abbreviations = Abbreviations(self.portal.glossary)
        self.portal.site_url = config.site_url or None
        if self.config.map_tiles:
            self.portal.map_tiles = (self.config.map_tiles, self.config.map_tiles_attribution)
        self.image_hosts = csp.tile_hosts(self.config.map_tiles)
        for path in assets.scripts():
            script = ExtraScriptValue(path)
            script.defer = True
            config.extra_javascript.append(script)
        return config

    def _environment(self, *args):
        """The template environment, kept between a preview's rebuilds: its templates are
        compiled once, and Jinja reloads one whose file changed."""
        # A template added to or taken from overrides/ may hide or show one of the same
        # name that Jinja has compiled: a new environment then.
        overrides = sorted(str(p) for p in Path(args[0]).rglob("*")) if args[0] else []
        if getattr(self, "_environment_args", None) != (args, overrides):
            self.env, self._environment_args = environment(*args), (args, overrides)
        forget_choices(self.env)
        return self.env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._check_content(files, config)
        if self.problems is not None:
            return self._known_scripts(self._problem_files(files, config))
        editors_pages = [f.src_uri for f in files.documentation_pages()]
        statement = _statement(self.config.accessibility)
        pages = all_pages(self.portal, statement)
        self.feeds = feeds.portal_feeds(self.portal, config.site_name)
        self._check_addresses(files, pages)
        leaflet = assets.leaflet_files() if any(p.metrics for p in self.portal.partnerships) else {}
        keys = dependencies.package_keys(self.portal) if self.preview is not None else []
        for path, content in {
            **assets.files(csp.policy([], self.image_hosts)),
            **leaflet,
            **self._places(keys),
        }.items():
            files.append(File.generated(config, path, content=content))
        self.followed = feeds.follow(pages, self.feeds)
        self.updated = {page.src_uri: page.updated for page in pages if page.updated}
        for feed in self.feeds:
            content = feeds.render_feed(feed, config.site_url, config.site_name)
            files.append(File.generated(config, feed.path, content=content))
        self.html_pages = {}
        made = self._render(pages, keys)
        for page in pages:
            rendered = made[page.src_uri]
            if not rendered.markdown:
                self.html_pages[page.src_uri] = rendered
            files.append(File.generated(config, page.src_uri, content=rendered.text))
            for name, text in page.downloads.items():
                files.append(File.generated(config, f"{page.address}{name}", content=text))
        for redirect in addresses.resolved(self.portal):
            path = f"{addresses.address(redirect.source)}index.html"
            content = csp.protect(render_redirect(redirect, self.env))
            files.append(File.generated(config, path, content=content))
        config.nav = navigation(
            config.nav, self.portal, self.config.nav_title, editors_pages, statement is not None
        )
        return self._known_scripts(files)

    def _places(self, keys) -> dict[str, str]:
        """The place index and shapes; under ``mkdocs serve`` made again only when the
        shared or areas packages change (``keys``: ``dependencies.package_keys``)."""
        if self.preview is None:
            return places.files(self.portal)
        key = dependencies.places_key(keys)
        return self.place_files.get(key, lambda: places.files(self.portal))

    def _render(self, pages, keys) -> dict:
        """Each page's output; under ``mkdocs serve`` a page whose data, fields and
        templates are as at the last build is not rendered again (``dependencies.py``)."""
        if self.preview is None:
            return {page.src_uri: render(page, self.env) for page in pages}
        world = dependencies.world(self.env, self.preview.started, self.data_dir, self.portal)
        return self.renders.render_all(
            pages, self.portal, keys, world, lambda p: render(p, self.env)
        )

    def _check_content(self, files: Files, config: MkDocsConfig) -> None:
        """Fail if ``content/`` holds a file that could run script in the site's pages."""
        docs = Path(config.docs_dir)
        found = [
            content_pages.file_problem(self._label(f.abs_src_path), Path(f.abs_src_path))
            for f in files
            if not f.generated_by
            and not f.is_documentation_page()
            and Path(f.abs_src_path).is_relative_to(docs)
        ]
        if any(found):
            raise PluginError("\n".join(problem for problem in found if problem))

    def _known_scripts(self, files: Files) -> Files:
        """The site's own scripts (the theme's and portalgen's): a page may load no other."""
        self.scripts = {f.url for f in files if f.url.endswith(".js")}
        return files

    def _label(self, path: str) -> str:
        return Path(os.path.relpath(path, self.root_dir)).as_posix()

    def _problem_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Only the page of problems (the theme's own files stay), at the home address."""
        self.followed, self.updated, self.made, self.html_pages = {}, {}, set(), {}
        kept = Files([f for f in files if not f.is_documentation_page()])
        for path, content in assets.files().items():
            kept.append(File.generated(config, path, content=content))
        content = preview.problem_page(self.problems, self.env)
        kept.append(File.generated(config, preview.ADDRESS, content=content))
        config.nav = [{preview.TITLE: preview.ADDRESS}]
        return kept

    def _check_addresses(self, files: Files, pages) -> None:
        """Fail, before anything is rendered, if a published address would go."""
        self.made = {addresses.path(f.url) for f in files.documentation_pages()}
        self.made |= {addresses.path(p.address) for p in pages if p.template != "withdrawn"}
        label = f"{self.config.data_dir}/{addresses.LOCK}"
        written = {f.dest_uri for f in files} | site_files(self.portal, pages, self.feeds)
        problems = addresses.check(label, self.published, self.made, self.portal, written)
        if problems:
            raise PluginError(DataError(problems).summary())

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Under ``mkdocs serve``, note the files outside ``data/`` before reading any."""
        if getattr(self, "serving", False):
            if self.preview is None:
                self.preview = Preview(self._watched(config))
                self.renders, self.place_files = dependencies.Renders(), dependencies.Kept()
            self.preview.begin()

    def _watched(self, config: MkDocsConfig) -> list[Path]:
        """What a preview's page may depend on besides ``data/``: a change there rebuilds
        every page."""
        folders = [config.docs_dir, self.config.overrides_dir, config.theme.custom_dir, THEME]
        return (
            [Path(config.config_file_path)]
            + [self.root_dir / f for f in folders if f]
            + [Path(w) for w in config.watch]
        )

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        """Under ``mkdocs serve``, only pages whose source changed are rebuilt (``serve.py``)."""
        if self.preview is None:
            return nav
        if self.problems is not None:
            self.preview.plan(files, config, None, {})
            return nav
        sources = {f.src_uri: self._source(f) for f in files if f.generated_by}
        self.preview.plan(files, config, self._signature(files, config), sources)
        return nav

    def _source(self, file: File) -> bytes:
        """What a generated file's output is made from: its content and, for a page, the
        feed link and date the plugin adds to it."""
        feed = self.followed.get(file.dest_uri.removesuffix("index.html"))
        link = feeds.discovery_link(feed) if feed is not None else ""
        # A page handed to MkDocs as HTML takes its front matter from the engine, not the file.
        meta = getattr(getattr(self, "html_pages", {}).get(file.src_uri), "meta", None)
        added = f"\0{link}\0{self.updated.get(file.src_uri)}\0{meta!r}"
        return file.content_bytes + added.encode()

    def _signature(self, files: Files, config: MkDocsConfig) -> str:
        """What a generated page's output depends on besides its own source."""
        return repr(
            (
                config.nav,
                sorted((f.src_uri, f.dest_uri) for f in files),
                sorted(self.followed),
                self.portal.glossary,
                sorted(self.scripts),
                self.image_hosts,
                [str(script) for script in config.extra_javascript],
                config.extra_css,
            )
        )

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """Under ``mkdocs serve``, the theme's templates are compiled once, not every
        rebuild, and pages not rebuilt keep what the last build gave them."""
        if self.preview is not None:
            env.bytecode_cache = self.preview.compiled
            self.preview.carry_over(files)
        return env

    def on_build_error(self, *, error: Exception) -> None:
        if self.preview is not None:
            self.preview.forget()

    def on_pre_page(self, page, *, config: MkDocsConfig, files: Files):
        """sitemap.xml gives each generated page the date its data last changed; a page the
        engine rendered to HTML is handed over as it is, not converted from Markdown."""
        updated = self.updated.get(page.file.src_uri)
        if updated:
            page.update_date = updated.isoformat()
        rendered = self.html_pages.get(page.file.src_uri)
        if rendered is not None:
            serve_html(page, rendered)
        return page

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files):
        """An editor's page may set only a few front matter keys, and their text is escaped
        for the theme's templates, as portalgen's own pages' is; any other key is named,
        left out, and fails a strict build."""
        if not page.file.generated_by:
            label = self._label(page.file.abs_src_path)
            page.meta, problems = content_pages.front_matter(label, page.meta)
            for problem in problems:
                log.warning(problem)
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        """An editor's page in ``content/`` keeps only allowed HTML; what is taken out is
        named, and fails a strict build, so the editor can remove it."""
        if page.file.src_uri in self.html_pages:
            return html
        if page.file.generated_by:
            return _restored(html, page)
        clean, removed = prose.clean_page(html)
        label = self._label(page.file.abs_src_path)
        for item in removed:
            log.warning(
                f"{label}: the portal does not publish the "
                f"{item} on this page. Pages may use Markdown and simple HTML, but no scripts, "
                "frames, forms, inline styles, event handlers or links other than web pages, "
                "email addresses and pages of the site. Remove it."
            )
        clean = counts.fill(clean, self.portal)
        return places.with_find_box(
            tables.scrolling_tables(clean), self.env, page.file.url, self.portal
        )

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        """Abbreviations explained where first used; the page's security policy, and a link
        for browsers and feed readers to find its feed."""
        if self.problems is not None:
            return output  # the preview's own page: its reload script must run
        output = self.abbreviations.mark(output)
        feed = self.followed.get(page.file.dest_uri.removesuffix("index.html"))
        if feed is not None:
            output = output.replace("</head>", f"{feeds.discovery_link(feed)}\n</head>", 1)
        return self._protect(output, page.file.dest_uri, page.file.url)

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig):
        """The "page not found" page carries the same policy as every other page."""
        if not template_name.endswith(".html"):
            return output
        return self._protect(output, template_name, template_name)

    def _protect(self, html: str, path: str, address: str) -> str:
        """``html`` with its security policy; an inline script that is not the theme's is
        not allowed to run, so say where it is and let a strict build fail rather than
        publish a page that does not work as written."""
        scripts = csp.inline_scripts(html)
        for script in csp.unknown_scripts(html, scripts):
            log.warning(
                f"site/{path}: has an inline script that is not the theme's, so the page's "
                f"security policy stops it from running: <script>{script[:60]}… If it comes "
                "from overrides/, move it into a .js file there and load it with src=; if it "
                "comes from data, report it as a bug in portalgen."
            )
        for source in csp.unknown_sources(html, address, self.scripts, self.site_root):
            log.warning(
                f"site/{path}: loads the script {source!r}, which is not one of the theme's "
                "or portalgen's own, so the page could run code nobody reviewed. Scripts may "
                "only come from the theme, portalgen and overrides/; remove it."
            )
        wasm = address == search_page.ADDRESS
        return csp.protect(html, self.image_hosts, scripts, wasm=wasm)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The search index is made from the finished pages. A build for publishing
        (``portalgen build``) proposes the register with its new addresses; it replaces
        ``data/urls.lock`` only if the whole build succeeds."""
        if self.preview is not None:
            self.preview.finish(config, keep=self.problems is None)
        if self.problems is None:
            self._index(Path(config.site_dir))
        proposal = os.environ.get(addresses.PROPOSED)
        if proposal and self.problems is None:
            served = addresses.served(self.made, self.portal)
            addresses.propose_lock(Path(proposal), self.lock, self.published, served)

    def _index(self, site: Path) -> None:
        """The search index; under ``mkdocs serve`` made beside the preview, not waited for
        (an unfinished one from the last rebuild is stopped first)."""
        if not getattr(self, "serving", False):
            try:
                return search.index(site)
            except search.SearchIndexError as error:
                raise PluginError(str(error)) from error
        previous = getattr(self, "indexing", None)
        if previous is not None and previous.poll() is None:
            previous.kill()
            previous.wait()
        self.indexing = search.start(site)

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        """``mkdocs serve`` rebuilds when an editor saves a data file: it looks every 0.1 s,
        and rebuilds only the pages whose source changed (``serve.py``)."""
        poll_every(server)
        server.watch(str(self.data_dir))
        if self.preview is not None:  # not under ``mkdocs serve --clean``
            server.builder = dirty_builder(builder, self.preview)
        return server


def _restored(html: str, page) -> str:
    """A page from a site's Markdown override: its HTML and table of contents with the
    characters that its data's text was escaped as for Markdown written back
    (``plaintext.restore``)."""
    items = list(page.toc)
    while items:
        item = items.pop()
        item.title = plaintext.restore(item.title)
        items += item.children
    return plaintext.restore(html)


def _refuse_links(root: Path, *folders: str | None) -> None:
    """Nothing outside the project is published or read as a template: no symbolic links in
    ``content/`` or ``overrides/``."""
    found = {p for folder in folders if folder for p in linked_files(root / folder, root)}
    if found:
        raise PluginError(DataError(list(found)).summary())


def _statement(options) -> AccessibilityStatement | None:
    if not options.organisation or not options.contact_email:
        return None
    return AccessibilityStatement(**dict(options))
