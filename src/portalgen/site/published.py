"""Every address and file the site publishes, worked out without MkDocs, so that
``portalgen validate`` runs the same address checks as a build (``addresses.check``): the
register ``data/urls.lock``, redirects and withdrawals, and none of them on a file the site
writes itself (a feed, a download, an asset).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..data.load import linked_files
from ..data.problems import Problem
from . import addresses, assets, feeds, places
from .pages import all_pages
from .project import Project, read_project

__all__ = ["Project", "check", "content_files", "read_project", "site_files"]

MKDOCS_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz")
"""Files MkDocs writes after the pages (the search index is in ``search/``, a folder
no page or redirect may use: ``addresses.SITE_FOLDERS``)."""


def site_files(portal, pages, portal_feeds) -> set[str]:
    """The files portalgen and MkDocs write beside the pages (their paths in the site)."""
    written = set(MKDOCS_FILES) | set(assets.files()) | set(places.PATHS)
    if any(partnership.metrics for partnership in portal.partnerships):
        written |= set(assets.leaflet_files())
    written |= {feed.path for feed in portal_feeds}
    return written | {f"{page.address}{name}" for page in pages for name in page.downloads}


def content_files(docs_dir: Path) -> tuple[set[str], set[str]]:
    """The pages (``/about/``) and the files (``about/index.html``) an editor's content
    folder makes, as MkDocs makes them with directory URLs."""
    made, written = set(), set()
    for file in sorted(docs_dir.rglob("*")) if docs_dir.is_dir() else []:
        relative = PurePosixPath(file.relative_to(docs_dir).as_posix())
        if not file.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        if relative.suffix != ".md":
            written.add(str(relative))
            continue
        folder = (
            relative.parent if relative.stem in ("index", "README") else relative.with_suffix("")
        )
        page = "" if str(folder) == "." else f"{folder}/"
        made.add(addresses.path(page))
        written.add(f"{page}index.html")
    return made, written


def check(data_dir: Path, data_label: str, portal) -> list[Problem]:
    """The checks a build runs beyond the data, for ``portalgen validate``: no symbolic
    links in the content or template folders, and the addresses. The project is the folder
    holding ``data_dir`` and ``mkdocs.yml``; without ``mkdocs.yml`` there is no site to
    check, only data."""
    root = data_dir.resolve().parent
    project = read_project(root)
    if project is None:
        return []
    folders = dict.fromkeys((project.docs_dir, *project.templates))
    links = {p for folder in folders for p in linked_files(folder, root)}
    return sorted(links) + _address_problems(project, data_dir, data_label, portal)


def _address_problems(project: Project, data_dir: Path, data_label: str, portal):
    pages = all_pages(portal, project.statement)
    made, written = content_files(project.docs_dir)
    made |= {addresses.path(p.address) for p in pages if p.template != "withdrawn"}
    written |= site_files(portal, pages, feeds.portal_feeds(portal, ""))
    published = addresses.read_lock(data_dir / addresses.LOCK)
    return addresses.check(f"{data_label}/{addresses.LOCK}", published, made, portal, written)
