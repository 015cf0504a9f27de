"""The open-data page: every data package, its files, row counts and columns, as a zip."""

from __future__ import annotations

from ...model.portal import Portal
from ..metadata import CATALOGUE, catalogue
from ..packaging import download
from .page import Page

ADDRESS = "open-data/"


def pages(portal: Portal) -> list[Page]:
    downloads = [download(package) for package in portal.packages]
    return [
        Page(
            ADDRESS,
            "Open data: download every data package",
            "open_data",
            {"downloads": downloads},
            description="Every data package of this portal as a zip, with its licence and columns.",
            downloads={
                **{f"{d.slug}.zip": lambda d=d: d.archive for d in downloads},
                CATALOGUE: lambda: catalogue(downloads, ADDRESS, portal.site_url),
            },
        )
    ]
