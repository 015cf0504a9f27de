"""The site navigation: the editors' pages, with partnerships and their plans added.

Only partnerships, their plans, and their governance, meetings, recommendations, funding and
performance pages go in the navigation; priorities, bodies, meetings, recommendations,
funding years and indicators are reached from those pages, so the navigation stays small
however much data there is.
"""

from __future__ import annotations

import html

from ..model.portal import Partnership, Portal
from . import urls
from .pages import accessibility, glossary, open_data


def navigation(
    nav: list | None, portal: Portal, title: str, documents: list[str], statement: bool
) -> list:
    """``nav`` from mkdocs.yml with the partnerships section after the first entry.

    ``documents`` are the editors' own pages, used when mkdocs.yml has no ``nav``;
    ``statement`` adds the accessibility statement at the end.
    """
    section = {
        title: [urls.source_path(urls.partnerships_index())]
        + [_entry(p) for p in portal.partnerships if p.parent is None]
    }
    if nav is None:
        nav = sorted(documents, key=lambda d: (d != "index.md", d))
    ending = [{"Open data": urls.source_path(open_data.ADDRESS)}]
    if portal.glossary:
        ending.insert(0, {"Glossary": urls.source_path(glossary.ADDRESS)})
    if statement:
        ending.append({"Accessibility statement": urls.source_path(accessibility.ADDRESS)})
    return [*nav[:1], section, *nav[1:], *ending]


def _entry(partnership: Partnership) -> dict:
    items = [urls.source_path(urls.partnership(partnership))]
    items += [
        {f"Plan {plan.period}": urls.source_path(urls.plan(plan))}
        for plan in reversed(partnership.plans)
    ]
    if partnership.governance:
        items += _governance_entries(partnership)
    if partnership.funding:
        items.append({"Funding": urls.source_path(urls.funding(partnership))})
    if partnership.indicators:
        items.append({"Performance": urls.source_path(urls.performance(partnership))})
    if partnership.area_sets:
        items.append({"Wards and areas": urls.source_path(urls.areas_index(partnership))})
    items += [_entry(child) for child in partnership.children]
    # material writes navigation titles into the page without escaping them
    return {html.escape(partnership.name): items}


def _governance_entries(partnership: Partnership) -> list[dict]:
    governance = partnership.governance
    entries = [{"How it is run": urls.source_path(urls.governance(partnership))}]
    if governance.meetings:
        entries.append({"Meetings": urls.source_path(urls.meetings(partnership))})
    if governance.recommendations:
        entries.append({"Recommendations": urls.source_path(urls.recommendations(partnership))})
    return entries
