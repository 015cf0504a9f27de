"""Machine-readable descriptions of the data: schema.org ``Dataset`` JSON-LD on each page
that offers downloads, so search engines and harvesters find the tables and their licence."""

from __future__ import annotations

import json

from markupsafe import Markup

from .citation import permalink

LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
FORMATS = {".csv": "text/csv", ".json": "application/json", ".js": None}


def dataset(page, partnership, site_url: str | None) -> dict:
    """The page's tables as a schema.org Dataset with one DataDownload per file."""
    here = permalink(page.address, site_url)
    described = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": page.title,
        "description": page.description or page.title,
        "url": here,
        "license": LICENCE_URL,
        "isAccessibleForFree": True,
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": kind, "contentUrl": f"{here}{name}"}
            for name in page.downloads
            if (kind := FORMATS.get(name[name.rfind(".") :]))
        ],
    }
    if partnership is not None:
        described["creator"] = {"@type": "Organization", "name": partnership.name}
    if page.updated:
        described["dateModified"] = page.updated.isoformat()
    if len(page.versions) == 1:
        described["version"] = page.versions[0].version
    return described


def script(described: dict) -> Markup:
    """A ``<script type="application/ld+json">`` block; ``<`` is escaped so no text in the
    data can close the element."""
    text = json.dumps(described, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return Markup(f'<script type="application/ld+json">{text}</script>')
