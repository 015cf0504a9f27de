"""Render: pages to HTML, with their table of contents, through Jinja2 templates.

Templates ship in ``portalgen/templates/pages`` and can be overridden per site by putting a
file of the same name in ``<overrides>/portalgen/pages``. Autoescaping is on, so data is
always text, never markup. A page template is HTML (``.html.j2``); a site's own Markdown
override (``.md.j2``, as page templates were written before) still works and wins: its
page is rendered to Markdown, which MkDocs then converts.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import html
import itertools
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup, escape

from ..data.formats import (
    NOT_STATED,
    change,
    decimals,
    financial_year,
    money,
    number,
    short_money,
)
from ..model.compare import SECTIONS
from ..model.plan_changes import previous
from . import columns, headings, metadata, plaintext, urls
from .citation import cite, permalink
from .pages import Page
from .prose import summary_html


def environment(
    overrides: Path | None = None,
    data_dir: str = "data",
    repo_url: str | None = None,
    branch: str = "main",
    site_url: str | None = None,
    site_name: str = "",
) -> Environment:
    """The template environment; ``repo_url`` and ``branch`` let each page link to the data
    files it is made from."""
    loaders = [PackageLoader("portalgen.site", "templates")]
    if overrides is not None:
        loaders.insert(0, FileSystemLoader(str(overrides / "portalgen")))
    env = Environment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=plaintext.finalize,
    )
    env.filters.update(
        md=plaintext.markdown_plain,
        para=paragraph,
        prose=summary_html,
        date=long_date,
        number=number,
        figure=figure,
        when=partial_date,
        yesno=yes_no,
        money=money,
        short_money=short_money,
        change=change,
        fy=financial_year,
    )
    env.globals.update(
        NOT_STATED=NOT_STATED, urls=urls, SECTIONS=SECTIONS, table_id=table_id, decimals=decimals
    )
    env.globals.update(previous=previous, cite=cite, site_url=site_url or "")
    env.globals.update(site_name=site_name)
    env.globals.update(dataset=metadata.dataset, jsonld=metadata.script)
    env.globals.update(
        data_dir=data_dir.strip("/"),
        repository={"url": (repo_url or "").rstrip("/"), "branch": branch},
    )
    return env


_TABLES: contextvars.ContextVar = contextvars.ContextVar("tables")


def table_id() -> int:
    """The next table's number on the page being rendered: captions get ids from it, so
    each table's scrolling region is named by its own caption."""
    return next(_TABLES.get())


@dataclass(frozen=True)
class Rendered:
    """A generated page as the site engine receives it: ``text`` is its HTML, or, when a
    Markdown template made it (``markdown``: a site's own ``.md.j2``, or the field
    reference's), its Markdown with front matter, for the site engine to convert."""

    text: str
    meta: dict
    toc: list[dict] = field(default_factory=list)
    """Its headings, nested: each a dict of level, id, name (HTML) and children."""
    markdown: bool = False


def render_page(page: Page, env: Environment) -> str:
    """The page's text: its HTML, or the Markdown of a site's ``.md.j2`` override."""
    return render(page, env).text


def render(page: Page, env: Environment) -> Rendered:
    """``page`` through the most specific template: for this page, then for its kind; a
    Markdown template before an HTML one of the same name."""
    stems = [f"pages/{page.template}-{page.key}", f"pages/{page.template}"]
    names = [f"{stem}{ext}" for stem in stems[0 if page.key else 1 :] for ext in TEMPLATES]
    template = choose(env, tuple(names))
    markdown = template.name.endswith(".md.j2")
    body, meta = _body(page, env, template, markdown), _meta(page)
    if markdown:
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        return Rendered(f"---\n{front}---\n\n{body}", meta, markdown=True)
    text, toc = headings.finish(body)
    return Rendered(text, meta, toc)


def choose(env: Environment, names: tuple[str, ...]):
    """The first template of ``names`` there is. Which one is worked out once a build
    (``forget_choices``): Jinja looks for each missing name in every folder each time, and
    most pages have no template of their own."""
    chosen = env.__dict__.setdefault("portalgen_chosen", {})
    if names not in chosen:
        chosen[names] = env.select_template(names).name
    return env.get_template(chosen[names])


def forget_choices(env: Environment) -> None:
    """A new build: a template added to or taken from ``overrides/`` since counts."""
    env.__dict__.pop("portalgen_chosen", None)


def _body(page: Page, env: Environment, template, markdown: bool) -> str:
    """The template's output, with the share block under the title and the page's sources
    at the foot, from the partials of the same kind (Markdown or HTML)."""
    _TABLES.set(itertools.count(1))
    context = {**page.context, **page.later()} if page.later else page.context
    body = columns.drop_empty(template.render(page=page, link=page.link, **context))
    if not page.sources:
        return body
    kind = "md" if markdown else "html"
    share = env.get_template(f"partials/share.{kind}.j2").render(page=page)
    body = (_after_title if markdown else _after_h1)(body, share)
    return body + env.get_template(f"partials/sources.{kind}.j2").render(page=page)


TEMPLATES = (".md.j2", ".html.j2")
"""A page template's kinds, in the order they win."""


def unused_overrides(overrides: Path) -> list[str]:
    """A message for each Markdown partial in ``<overrides>/portalgen/partials`` that no page
    would use: portalgen's own page templates are HTML and import the ``.html.j2`` partials,
    so only a site's own Markdown page templates still import ``.md.j2`` ones."""
    folder = overrides / "portalgen"
    if any(folder.glob("pages/*.md.j2")):
        return []
    package = Path(__file__).parent / "templates/partials"
    return [
        f"{path.relative_to(overrides.parent).as_posix()}: portalgen's page templates are now "
        f"written in HTML and use partials/{path.name.removesuffix('.md.j2')}.html.j2, so "
        "this Markdown override is no longer used. Copy portalgen's "
        f"partials/{path.name.removesuffix('.md.j2')}.html.j2 into this folder, make the "
        "same change there in HTML, and delete this file."
        for path in sorted(folder.glob("partials/*.md.j2"))
        if (package / path.name.replace(".md.j2", ".html.j2")).exists()
    ]


def _meta(page: Page) -> dict:
    """The page's title, description and search boost (or that search leaves it out), for
    the theme's templates."""
    # material writes the description into <meta content="..."> without escaping it.
    meta = {"title": html.escape(page.title), "description": html.escape(page.description[:300])}
    if page.search_boost is not None:
        meta["search"] = {"boost": page.search_boost}
    if not page.searched:
        meta["search"] = {"exclude": True}
    return meta


def _after_h1(body: str, block: str) -> str:
    """``body`` with ``block`` right after its first-level heading (at the top if none)."""
    end = body.find("</h1>")
    cut = body.index("\n", end) + 1 if end >= 0 and "\n" in body[end:] else 0
    return f"{body[:cut]}\n{block}{body[cut:]}"


def _after_title(body: str, block: str) -> str:
    """``body`` with ``block`` right after its first-level heading (at the top if none)."""
    lines = body.split("\n")
    title = next((n for n, line in enumerate(lines) if line.startswith("# ")), -1)
    return "\n".join([*lines[: title + 1], "", block, *lines[title + 1 :]])


def render_redirect(redirect, env: Environment) -> str:
    """A small HTML page at ``redirect.source`` that sends the reader on, without JavaScript,
    and says where in case the browser does not follow it."""
    source, target = redirect.source.lstrip("/"), redirect.target.lstrip("/")
    link = urls.relative(source, target)
    site_url = env.globals["site_url"]
    canonical = permalink(target, site_url) if site_url else link
    return env.get_template("redirect.html.j2").render(
        redirect=redirect, link=link, canonical=canonical
    )


def paragraph(value) -> Markup:
    """``value`` as a paragraph of text, as Markdown made one from a line of its own:
    nothing when it is empty."""
    text = plaintext.one_line(str(value or "")).strip()
    if not text:
        return Markup("")
    return Markup(f"<p>{escape(text)}</p>{headings.MARK}")  # noqa: S704 - escaped above


def long_date(value: dt.date | None) -> str:
    """27 March 2014, as GOV.UK writes dates; "not stated" when there is none."""
    if value is None:
        return NOT_STATED
    return f"{value.day} {value:%B %Y}"


def partial_date(value: str | None) -> str:
    """A date given as precisely as the source gives it: 2014, April 2014, 1 April 2012."""
    if not value:
        return NOT_STATED
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        return long_date(dt.date(*parts))
    if len(parts) == 2:
        return f"{dt.date(parts[0], parts[1], 1):%B %Y}"
    return str(parts[0])


def yes_no(value: bool | None) -> str:
    if value is None:
        return NOT_STATED
    return "yes" if value else "no"


def figure(value: float | None, unit: str, period: str | None) -> str:
    """A figure with the period it is for: "57% (2013/14 Q3)", or "50% (period not stated)"
    where the source gives none, so no figure reads as current when it may be years old."""
    text = number(value, unit)
    if value is None:
        return text
    return f"{text} ({financial_year(period) if period else 'period not stated'})"
