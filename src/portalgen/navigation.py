"""The site navigation: the editors' pages, with partnerships and their plans added.

Only partnerships and plans go in the navigation; priorities are reached from their plan,
so the navigation stays small however many priorities there are.
"""

from __future__ import annotations

from . import urls
from .model import Partnership, Portal


def navigation(nav: list | None, portal: Portal, title: str, documents: list[str]) -> list:
    """``nav`` from mkdocs.yml with the partnerships section after the first entry."""
    section = {
        title: [urls.source_path(urls.partnerships_index())]
        + [_entry(p) for p in portal.partnerships if p.parent is None]
    }
    if nav is None:
        nav = _default(documents)
    return [*nav[:1], section, *nav[1:]]


def _entry(partnership: Partnership) -> dict:
    items = [urls.source_path(urls.partnership(partnership))]
    items += [
        {f"Plan {plan.period}": urls.source_path(urls.plan(plan))}
        for plan in reversed(partnership.plans)
    ]
    items += [_entry(child) for child in partnership.children]
    return {partnership.name: items}


def _default(documents: list[str]) -> list:
    """Without a ``nav`` in mkdocs.yml: the home page, then the editors' other pages."""
    own = [d for d in documents if not d.startswith(urls.partnerships_index())]
    return sorted(own, key=lambda d: (d != "index.md", d))
