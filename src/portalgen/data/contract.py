"""The data contract: which packages exist, where they live, and the Table Schemas they follow.

Schemas ship with portalgen (``schemas/*.yaml``) so an editor's package says only what its
files are; statuses are filled in from the shared vocabulary, so the vocabulary is the one
place that lists them.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
VERSION_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}")
DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MAX_ID_LENGTH = 100
"""An id is part of web addresses and file names (at most 255 bytes each on most file
systems, with a prefix or suffix added), so it is kept well short of that."""
EARLIEST_DATE, LATEST_DATE = "1990-01-01", "2099-12-31"
"""Dates outside these are typing mistakes: partnerships date from the Crime and Disorder
Act 1998, and their papers from a few years before it."""
UNCOUNTED = ("provisional", "tbc")
"""Funding statuses whose figures are shown but not added into totals."""


@dataclass(frozen=True)
class PackageKind:
    """A kind of data package: its resources (each with a schema of the same name)."""

    name: str
    resources: tuple[str, ...]
    metadata: str | None = None
    """Key in ``datapackage.yaml`` holding one record checked against the schema of that name."""
    optional: tuple[str, ...] = ()
    """Resources a package may leave out (a partnership that publishes no staffing, say)."""

    @property
    def all_resources(self) -> tuple[str, ...]:
        return self.resources + self.optional


VOCABULARY = PackageKind(
    "vocabulary",
    ("financial-years", "statuses", "organisations", "local-authorities"),
    optional=("glossary",),
)
PARTNERSHIPS = PackageKind("partnerships", ("partnerships",))
PLAN = PackageKind("plan", ("priorities", "actions"), metadata="plan")
GOVERNANCE = PackageKind(
    "governance",
    ("bodies",),
    metadata="governance",
    optional=(
        "ties",
        "meetings",
        "papers",
        "recommendations",
        "recommendation-history",
        "staffing",
    ),
)
TERMS = PackageKind("terms", ("clauses", "members"), metadata="terms")
FUNDING = PackageKind("funding", ("amounts",), metadata="funding", optional=("totals", "grants"))
PERFORMANCE = PackageKind("performance", ("indicators", "observations"))
AREAS = PackageKind("areas", ("areas",), metadata="areas")
WARD_FIGURES = PackageKind("ward-figures", ("metrics", "figures"), metadata="figures")
ADDRESSES = PackageKind("addresses", (), optional=("redirects", "withdrawn"))
KINDS = {
    kind.name: kind
    for kind in (
        VOCABULARY,
        PARTNERSHIPS,
        PLAN,
        GOVERNANCE,
        TERMS,
        FUNDING,
        PERFORMANCE,
        AREAS,
        WARD_FIGURES,
        ADDRESSES,
    )
}
METADATA_SCHEMAS = {"areas": "areas-block", "figures": "figures-block"}
"""Metadata blocks whose schema file is not named after the block (the name is taken)."""

STATUS_SCHEMES = {
    "plan": "plan",
    "priorities": "progress",
    "actions": "progress",
    "observations": "progress",
    "amounts": "funding",
    "totals": "funding",
    "terms": "plan",
    "recommendation-history": "recommendation",
}
"""Which status scheme of ``statuses.csv`` each schema's ``status`` field takes."""


@cache
def _schema(name: str) -> dict:
    """The parsed schema, read once: parsing YAML was a tenth of a national build."""
    text = resources.files("portalgen.data").joinpath("schemas", f"{name}.yaml").read_text("utf-8")
    descriptor = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    for field in descriptor["fields"]:
        constraints = field.setdefault("constraints", {})
        if field.get("type") == "date":
            constraints.setdefault("minimum", EARLIEST_DATE)
            constraints.setdefault("maximum", LATEST_DATE)
        if constraints.get("pattern") == ID_PATTERN.pattern:
            constraints.setdefault("maxLength", MAX_ID_LENGTH)
        if not constraints:
            del field["constraints"]
    return descriptor


def anchored(descriptor: dict) -> dict:
    """``descriptor`` with each pattern anchored at the true end of the value, for checking.

    frictionless matches a pattern as ``^pattern$``, and Python's ``$`` also matches just
    before a final line break, so ``"p1\\n"`` passed as an id. ``\\Z`` matches only at the
    end. The schemas keep their patterns as the Table Schema specification writes them
    (implicitly anchored), for the data packages people download."""
    for field in descriptor["fields"]:
        constraints = field.get("constraints", {})
        if "pattern" in constraints:
            constraints["pattern"] = f"(?:{constraints['pattern']})\\Z"
    return descriptor


def schema_descriptor(name: str, statuses: dict[str, list[str]] | None = None) -> dict:
    """A fresh Table Schema descriptor for ``name``, with status enums from the vocabulary."""
    descriptor = copy.deepcopy(_schema(name))
    scheme = STATUS_SCHEMES.get(name)
    if scheme and statuses and statuses.get(scheme):
        for field in descriptor["fields"]:
            if field["name"] == "status":
                field.setdefault("constraints", {})["enum"] = list(statuses[scheme])
    return descriptor


def field_names(name: str) -> list[str]:
    return [field["name"] for field in schema_descriptor(name)["fields"]]


def optional_columns(descriptor: dict) -> list[str]:
    """Columns a file may leave out (``optional: true`` on the field), such as the ``areas``
    of priorities and actions, added after files without it were published. ``required``
    is about a column's cells; ``optional`` about the column itself. A schema with one says
    ``fieldsMatch: superset``, so a downloaded file without the column still validates."""
    return [field["name"] for field in descriptor["fields"] if field.get("optional")]
