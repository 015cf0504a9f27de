"""Atom feeds, so a councillor can follow the whole portal, one partnership, one priority or
one recommendation in a feed reader.

Entries come from dates in the data: a plan adopted, a status reported, a meeting held, a
package's recorded change. Each has an id made from what it records, never from the build,
so a feed changes only when the data does. Written by feedgen.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import uuid
from dataclasses import dataclass, field

from feedgen.feed import FeedGenerator

from ..data import datafiles
from ..model.portal import Partnership, Plan, Portal, Priority
from . import urls
from .assets import FEED_STYLESHEET
from .citation import permalink
from .pages.recommendation import short

FEED = "feed.xml"
MEDIA_TYPE = "application/atom+xml"


@dataclass(frozen=True)
class Entry:
    key: str
    """What the entry records, as a path of ids: its Atom id is made from it."""
    title: str
    date: dt.date
    address: str
    """The page the entry links to."""
    summary: str
    partnership: str | None = None
    topics: tuple[str, ...] = ()
    """The addresses of the item pages that follow this entry (a priority, a recommendation)."""


@dataclass
class Feed:
    page: str
    """The address of the page the feed follows; the feed is ``<page>feed.xml``."""
    title: str
    author: str
    entries: list[Entry] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    """The data the followed page is made from: dates a feed that has no entries yet."""
    updated: dt.date | None = None

    @property
    def path(self) -> str:
        return f"{self.page}{FEED}"


def portal_feeds(portal: Portal, site_name: str) -> list[Feed]:
    """The portal's feed, then one per partnership, priority and recommendation, in a stable
    order; a feed with no date in its data is left out."""
    entries = sorted(_entries(portal), key=lambda e: (e.date, e.key), reverse=True)
    feeds = [Feed("", f"{site_name}: what is new", site_name, entries, list(portal.versions))]
    for partnership in portal.partnerships:
        own = [e for e in entries if e.partnership == partnership.id]
        sources = [key for key in portal.versions if key.startswith(f"{partnership.id}/")]
        name = partnership.name
        title = f"{name}: what is new"
        feeds.append(Feed(urls.partnership(partnership), title, name, own, sources))
        feeds += _item_feeds(partnership, entries)
    for feed in feeds:
        feed.updated = _updated(feed, portal)
    return [feed for feed in feeds if feed.updated]


def follow(pages, feeds: list[Feed]) -> dict[str, Feed]:
    """Tell each page that has a feed about it, so it can link to it; return the feeds by
    the address of the page they follow."""
    followed = {feed.page: feed for feed in feeds}
    for page in pages:
        page.feed = followed.get(page.address)
    return followed


def discovery_link(feed: Feed) -> str:
    """The ``<link>`` in a page's head that lets browsers and feed readers find its feed.

    ``rel="alternate feed"``, not ``rel="alternate"`` alone: feed readers look for the
    alternate keyword (with the feed's type) among the link's keywords, and "feed" says what
    it is; but material's JavaScript takes every ``link[rel=alternate]`` (that exact value)
    for a translation of the site and downloads the ``sitemap.xml`` beside it, on every
    page, to switch languages: the whole site's list of pages (megabytes at 300
    partnerships) for nothing (issue 24)."""
    title = html.escape(feed.title, quote=True)
    return f'<link rel="alternate feed" type="{MEDIA_TYPE}" title="{title}" href="{FEED}">'


def _item_feeds(partnership: Partnership, entries: list[Entry]) -> list[Feed]:
    items = [
        (
            urls.priority(p),
            f"{partnership.name}, {p.plan.title}: priority {p.number}, {p.title}",
            datafiles.plan(partnership.id, p.plan.version),
        )
        for p in _priorities(partnership)
    ]
    if partnership.governance:
        items += [
            (
                urls.recommendation(r),
                f"{partnership.name}: {r.label}, {short(r.text)}",
                datafiles.governance(partnership.id),
            )
            for r in partnership.governance.recommendations
        ]
    return [
        Feed(address, title, partnership.name, _topic(entries, address), [source])
        for address, title, source in items
    ]


def _topic(entries: list[Entry], address: str) -> list[Entry]:
    return [entry for entry in entries if address in entry.topics]


def _priorities(partnership: Partnership) -> list[Priority]:
    return [priority for plan in partnership.plans for priority in plan.priorities]


def _updated(feed: Feed, portal: Portal) -> dt.date | None:
    """The newest entry's date; for a feed with none yet, when its page's data last changed."""
    if feed.entries:
        return feed.entries[0].date
    span = portal.history.span(feed.sources) if portal.history else None
    return span.changed if span else None


def _entries(portal: Portal) -> list[Entry]:
    found = []
    for partnership in portal.partnerships:
        for plan in partnership.plans:
            found += _plan_entries(plan)
        if partnership.governance:
            found += _governance_entries(partnership)
    found += _package_entries(portal)
    return found


def _plan_entries(plan: Plan) -> list[Entry]:
    partnership = plan.partnership
    found = []
    adopted = plan.adopted or plan.source.date
    if adopted:
        found.append(
            Entry(
                f"plans/{partnership.id}/{plan.version}",
                f"{partnership.name}: {plan.title} ({plan.period}), {plan.status.label.lower()}",
                adopted,
                urls.plan(plan),
                plan.summary,
                partnership.id,
            )
        )
    for priority in plan.priorities:
        found += _progress_entries(priority)
    return found


def _progress_entries(priority: Priority) -> list[Entry]:
    """A status reported for the priority or any of its actions, on the date it was given."""
    plan, found = priority.plan, []
    topic = urls.priority(priority)
    items = [(priority, f"priority {priority.number}, {priority.title}", "")]
    items += [
        (action, f"priority {priority.number}, {action.title}", f"#{action.id}")
        for action in priority.actions
    ]
    for item, label, anchor in items:
        progress = item.progress
        if progress.status and progress.date:
            found.append(
                Entry(
                    f"progress/{plan.partnership.id}/{plan.version}/{priority.id}/{anchor}"
                    f"/{progress.date}",
                    f"{plan.title}, {label}: {progress.status.label.lower()}",
                    progress.date,
                    topic + anchor,
                    progress.status.description,
                    plan.partnership.id,
                    (topic,),
                )
            )
    return found


def _governance_entries(partnership: Partnership) -> list[Entry]:
    governance, found = partnership.governance, []
    for meeting in governance.meetings:
        if meeting.date:
            found.append(
                Entry(
                    f"meetings/{partnership.id}/{meeting.id}",
                    f"{meeting.body.name}: {meeting.title}",
                    meeting.date,
                    urls.meeting(meeting),
                    meeting.summary,
                    partnership.id,
                )
            )
    for item in governance.recommendations:
        found += _recommendation_entries(partnership, item)
    return found


def _recommendation_entries(partnership: Partnership, item) -> list[Entry]:
    """Each status a recommendation has had, on the date it was recorded."""
    topic = urls.recommendation(item)
    name = f"{partnership.name}, {item.label} ({short(item.text, 50)})"
    return [
        Entry(
            f"recommendations/{partnership.id}/{item.id}/{change.date}/{change.status.id}",
            f"{name}: {change.status.label.lower()}",
            change.date,
            topic,
            change.note or item.text,
            partnership.id,
            (topic,),
        )
        for change in item.history
        if change.date
    ]


def _package_entries(portal: Portal) -> list[Entry]:
    """Each change a data package records: new figures, corrections, funding updates."""
    found = []
    for key, version in sorted(portal.versions.items()):
        partnership = key.split("/", 1)[0]
        known = any(p.id == partnership for p in portal.partnerships)
        what = _package_name(key, portal) if known else f"Portal data ({partnership})"
        for change in version.changes:
            found.append(
                Entry(
                    f"data/{key}{change.version}",
                    f"{what}: data version {change.version}",
                    change.date,
                    _package_page(key, portal) if known else "open-data/",
                    change.summary,
                    partnership if known else None,
                )
            )
    return found


PACKAGE_NAMES = {
    "plans": "plan",
    "governance": "governance",
    "funding": "funding",
    "performance": "performance",
    "areas": "area boundaries",
    "ward-figures": "ward figures",
}


def _package_name(key: str, portal: Portal) -> str:
    """``haringey/plans/2013-14/`` → "Haringey Community Safety Partnership, plan 2013-14"."""
    partnership_id, kind, *rest = key.strip("/").split("/")
    name = portal.partnership(partnership_id).name
    words = PACKAGE_NAMES.get(kind, kind)
    if kind == "governance" and len(rest) >= 2:
        return f"{name}, terms of reference of {rest[1]} from {rest[2]}"
    return f"{name}, {words}{' ' + rest[0] if rest else ''}"


def _package_page(key: str, portal: Portal) -> str:
    """The page made from a package: ``haringey/funding/`` → the partnership's funding page."""
    partnership_id, kind, *rest = key.strip("/").split("/")
    partnership = portal.partnership(partnership_id)
    if kind == "plans" and rest:
        plan = next((p for p in partnership.plans if p.version == rest[0]), None)
        return urls.plan(plan) if plan else urls.partnership(partnership)
    pages = {
        "governance": urls.governance,
        "funding": urls.funding,
        "performance": urls.performance,
        "areas": urls.areas_index,
        "ward-figures": urls.areas_index,
    }
    return pages.get(kind, urls.partnership)(partnership)


def render_feed(feed: Feed, site_url: str | None, site_name: str = "") -> str:
    """The feed as Atom XML. Links are absolute when the site's address is known, else
    relative to the feed, which feed readers resolve from the feed's own address."""

    def href(address: str) -> str:
        page, hash_, anchor = address.partition("#")
        link = permalink(page, site_url) if site_url else urls.relative(feed.page, page)
        return link + hash_ + anchor

    generator = FeedGenerator()
    generator.id(_id(site_name, f"feeds/{feed.page}"))
    generator.title(feed.title)
    generator.author({"name": feed.author})
    generator.link(href=href(feed.page), rel="alternate", type="text/html")
    own = permalink(feed.path, site_url) if site_url else FEED
    generator.link(href=own, rel="self", type=MEDIA_TYPE)
    generator.language("en-GB")
    generator.rights("Open Government Licence v3.0")
    generator.generator("portalgen")
    generator.updated(_moment(feed.updated))
    for entry in reversed(feed.entries):
        item = generator.add_entry()
        item.id(_id(site_name, entry.key))
        item.title(entry.title)
        item.updated(_moment(entry.date))
        item.link(href=href(entry.address), rel="alternate", type="text/html")
        item.summary(entry.summary, type="text")
    return _with_stylesheet(generator.atom_str(pretty=True).decode("utf-8"), feed.page)


def _with_stylesheet(xml: str, page: str) -> str:
    """The feed with the stylesheet that makes it a readable page in a browser (feed
    readers ignore it), linked relative to the feed so it works wherever the site is."""
    href = posixpath.relpath(FEED_STYLESHEET, page or ".")
    declaration, _, rest = xml.partition("\n")
    return f'{declaration}\n<?xml-stylesheet type="text/xsl" href="{href}"?>\n{rest}'


def _id(site_name: str, key: str) -> str:
    """A permanent Atom id: the same portal and key always give the same id, wherever the
    site is hosted; two portals never share one."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'portalgen:{site_name}:{key}')}"


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
