"""Machine-readable descriptions of the data: schema.org ``Dataset`` JSON-LD on each page
that offers downloads, so search engines and harvesters find the tables and their licence."""

from __future__ import annotations

import json

from markupsafe import Markup

from .citation import permalink

LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
FORMATS = {".csv": "text/csv", ".json": "application/json", ".zip": "application/zip"}
CATALOGUE = "catalog.jsonld"
DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


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


def catalogue(downloads, address: str, site_url: str | None) -> str:
    """A DCAT catalogue of every data package (``catalog.jsonld`` on the open-data page), so
    data.gov.uk-style harvesters find each package, its licence, version and zip."""
    here = permalink(address, site_url)
    described = {
        "@context": DCAT_CONTEXT,
        "@id": f"{here}{CATALOGUE}",
        "@type": "dcat:Catalog",
        "dct:title": "Community safety partnership data packages",
        "dct:license": {"@id": LICENCE_URL},
        "dcat:landingPage": {"@id": here},
        "dcat:dataset": [_dcat_dataset(item, here) for item in downloads],
    }
    return json.dumps(described, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _dcat_dataset(item, here: str) -> dict:
    version = item.version
    dataset = {
        "@id": f"{here}#{item.slug}",
        "@type": "dcat:Dataset",
        "dct:identifier": item.slug,
        "dct:title": item.title,
        "dct:license": {"@id": item.licence.get("path") or LICENCE_URL},
        "dct:rights": item.attribution,
        "dcat:landingPage": {"@id": f"{here}#{item.slug}"},
        "dcat:distribution": [
            {
                "@type": "dcat:Distribution",
                "dcat:downloadURL": {"@id": f"{here}{item.slug}.zip"},
                "dcat:mediaType": "application/zip",
                "dcat:byteSize": {"@value": str(len(item.archive)), "@type": "xsd:decimal"},
            }
        ],
    }
    if version is not None:
        dataset["owl:versionInfo"] = version.version
        if version.changed:
            dataset["dct:modified"] = {"@value": version.changed.isoformat(), "@type": "xsd:date"}
    return dataset


def script(described: dict) -> Markup:
    """A ``<script type="application/ld+json">`` block; ``<`` is escaped so no text in the
    data can close the element."""
    text = json.dumps(described, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return Markup(f'<script type="application/ld+json">{text}</script>')
