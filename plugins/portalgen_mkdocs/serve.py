"""A fast live preview under ``mkdocs serve``: rebuild only the pages whose source changed.

MkDocs rebuilds the whole site after every saved file. Under ``mkdocs serve`` the plugin
instead asks MkDocs for a *dirty* build (``build(..., dirty=True)``, which skips every page
whose ``File.is_modified()`` is false) and decides, page by page, what is modified: a page
portalgen generated is rebuilt only when its source differs from the last build's; an
editor's page in ``content/`` always is (it may count partnerships or hold the find box).
Everything is rebuilt, as MkDocs would, when anything else may have changed: a file outside
``data/`` (``mkdocs.yml``, ``content/``, ``overrides/``), the navigation, the set of files,
feeds, dates, the glossary, the page policy's inputs, broken data, a failed build, or a
plugin portalgen does not know. Pages that are not rebuilt keep their file in the site
folder; their title, front matter and date are carried over from the last build, so the
site on disk is the one a full build would make (the search index is then made from that
folder, beside the preview: ``site/search.py``). ``mkdocs build`` and
``portalgen build`` never get here.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from jinja2 import BytecodeCache
from mkdocs.commands.build import build
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import clean_directory

from portalgen.site.dependencies import file_state

POLL_SECONDS = 0.1
"""How often the preview looks for saved files (MkDocs' own default is 0.5 s)."""

KNOWN_PLUGINS = {"portalgen"}
"""Plugins whose output is known to follow a partial build; any other means full builds
(material's search plugin, for one, would index only the pages rebuilt)."""

_DIRTY_WARNING = "A 'dirty' build is being performed"


def poll_every(server, seconds: float = POLL_SECONDS) -> None:
    """Make ``server`` (MkDocs' ``LiveReloadServer``) look for changes every ``seconds``:
    its watchdog observer and every folder it already watches."""
    observer = server.observer
    observer._timeout = seconds
    for emitter in observer.emitters:
        emitter._timeout = seconds


def dirty_builder(builder, preview: Preview):
    """``builder`` (the function ``mkdocs serve`` rebuilds with) as a dirty build, which
    lists the theme's files as ``preview`` last saw them, or ``builder`` itself if this
    MkDocs builds some other way."""
    module = sys.modules.get(builder.__module__)
    if getattr(module, "build", None) is not build:
        return builder
    listing = Files.add_files_from_theme

    def dirty_build(config, *, serve_url=None, dirty=False):
        build(config, serve_url=serve_url, dirty=True)

    def theme_files(files, env, config) -> None:
        preview.theme_files(files, config, lambda found: listing(found, env, config))

    def rebuild(config=None):
        module.build, Files.add_files_from_theme = dirty_build, theme_files
        try:
            builder(config)
        finally:
            module.build, Files.add_files_from_theme = build, listing

    logging.getLogger("mkdocs.commands.build").addFilter(_quiet_dirty)
    return rebuild


def _quiet_dirty(record: logging.LogRecord) -> bool:
    """MkDocs warns about every dirty build, and a strict build would stop at the warning;
    here the plugin rebuilds whatever a dirty build could get wrong."""
    return not record.getMessage().startswith(_DIRTY_WARNING)


class Preview:
    """What the last successful build made, to rebuild only what changed since."""

    def __init__(self, watched: list[Path]):
        self.watched = watched
        self.compiled = Compiled()
        self.listed: tuple | None = None
        self.forget()

    def theme_files(self, files: Files, config, listing) -> None:
        """Add the theme's static files to ``files`` as ``listing`` (MkDocs' own
        ``Files.add_files_from_theme``) would, listing the theme's folders (thousands of
        files, each matched against a dozen patterns) only when they may have changed: when
        a watched file has (``begin``), or the theme's folders or options are others."""
        key = (repr(config.theme.dirs), repr(config.theme.static_templates), self.started)
        if self.listed is None or self.listed[0] != key:
            found = Files([])
            listing(found)
            self.listed = (key, [(f.src_uri, f.src_dir) for f in found])
        for path, folder in self.listed[1]:
            if files.get_file_from_path(path) is None:  # theme files do not override docs
                files.append(File(path, folder, config.site_dir, config.use_directory_urls))

    def forget(self) -> None:
        """The next build rebuilds everything."""
        self.signature = self.snapshot = self.files = None
        self.sources: dict[str, bytes] = {}
        self.pages: dict[str, tuple] = {}
        self.skipped: set[str] = set()
        self.pending = None

    def begin(self) -> None:
        """Note the files outside ``data/`` as this build starts, before it reads them."""
        self.started = _snapshot(self.watched)

    def plan(self, files: Files, config, signature, sources: dict[str, bytes]) -> None:
        """Mark which pages of ``files`` to rebuild; ``signature`` holds everything a page's
        output depends on beyond its own source (``None``: rebuild everything); ``sources``
        the content of each generated file (a page's source, a download, a feed …)."""
        whole = (
            signature is None
            or signature != self.signature
            or self.started != self.snapshot
            or not set(config.plugins) <= KNOWN_PLUGINS
        )
        if self.started != self.snapshot:  # mkdocs.yml may set the theme's Jinja options
            self.compiled.stored.clear()
        self.pending = (signature, self.started, sources)
        self.files, self.skipped = files, set()
        if whole:
            clean_directory(config.site_dir)
            return
        for file in files:
            if not file.generated_by:
                if file.is_documentation_page():
                    file.is_modified = _modified  # not by its time: it may count partnerships
            elif sources.get(file.src_uri) == self.sources.get(file.src_uri):
                file.is_modified = _unmodified
                if file.is_documentation_page():
                    self.skipped.add(file.src_uri)

    def carry_over(self, files: Files) -> None:
        """Pages not rebuilt keep their title, front matter and date from the last build, so
        other pages' navigation and the sitemap show them as a full build would."""
        for file in files.documentation_pages():
            if file.src_uri in self.skipped and file.page is not None:
                file.page.title, file.page.meta, file.page.update_date = self.pages[file.src_uri]

    def finish(self, config, keep: bool = True) -> None:
        """Remember this build (unless not ``keep``)."""
        if not keep:
            self.forget()
            return
        served = self.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        pages = [f.page for f in served if f.page is not None]
        self.pages = {p.file.src_uri: (p.title, p.meta, p.update_date) for p in pages}
        self.signature, self.snapshot, self.sources = self.pending
        self.pending = None


class Compiled(BytecodeCache):
    """The theme's templates compiled, kept in memory between rebuilds: MkDocs makes a new
    template environment for the theme every build, which would compile each template
    again. Jinja checks each template's source against the one compiled from."""

    def __init__(self) -> None:
        self.stored: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        code = self.stored.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self.stored[bucket.key] = bucket.bytecode_to_string()


def _unmodified() -> bool:
    return False


def _modified() -> bool:
    return True


def _snapshot(paths: list[Path]) -> dict[str, tuple[int, int]]:
    """Size and time of change of every file under ``paths``."""
    found = {}
    for top in paths:
        if top.is_file():
            found[str(top)] = file_state(top)
        for folder, _, names in os.walk(top):
            for name in names:
                path = Path(folder, name)
                found[str(path)] = file_state(path)
    return found
