"""One example address of every page kind of the example portal: every gate runs on each.

To add a page kind to the gates, add one example address of it to ``PAGE_KINDS``. The gates
themselves are in the package (``portalgen.gates``), where ``portalgen check`` runs them.
"""

from __future__ import annotations

PAGE_KINDS = {
    "home": "",
    "places": "places/",
    "partnerships": "partnerships/",
    "partnership": "partnerships/haringey/",
    "county partnership": "partnerships/worcestershire/",
    "plan": "partnerships/haringey/plans/2013-14/",
    "priority": "partnerships/haringey/plans/2013-14/priorities/p3/",
    "plan changes": "partnerships/safer-stronger-bucks/plans/2014-15/changes/",
    "governance": "partnerships/north-lincolnshire/governance/",
    "body": "partnerships/worcestershire/bodies/safer-communities-board/",
    "terms of reference": (
        "partnerships/worcestershire/bodies/safer-communities-board/terms/2012-04-01/"
    ),
    "meetings": "partnerships/safer-stronger-bucks/meetings/",
    "meeting": "partnerships/safer-stronger-bucks/meetings/2014-05-13-select-committee/",
    "recommendations": "partnerships/worcestershire/recommendations/",
    "recommendation": "partnerships/worcestershire/recommendations/scb-2011-r2/",
    "funding": "partnerships/worcestershire/funding/",
    "funding year": "partnerships/worcestershire/funding/2012-13/",
    "performance": "partnerships/haringey/performance/",
    "indicator": "partnerships/north-lincolnshire/indicators/domestic-violence-crimes/",
    "ward map": "partnerships/haringey/maps/anti-social-behaviour/2017-18/",
    "small-area map": "partnerships/redditch/maps/imd-2019-score/2019/",
    "ward": "wards/E05000268/",
    "ward on current boundaries": "wards/E05011782/",
    "ward map on current boundaries": "partnerships/safer-devon/maps/all-crime/2024/",
    "small area": "small-areas/E01032244/",
    "areas A to Z": "partnerships/haringey/areas/",
    "open data": "open-data/",
    "glossary": "glossary/",
    "field reference": "field-reference/",
    "accessibility statement": "accessibility/",
    "editors' page": "how-to-edit/",
    "page not found": "partnerships/no-such-partnership/",
    "search": "search/",
    "feed in a browser": "partnerships/worcestershire/recommendations/scb-2011-r2/feed.xml",
}
