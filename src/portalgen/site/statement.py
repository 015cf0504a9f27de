"""The accessibility statement's facts, as a site sets them (in mkdocs.yml for MkDocs)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

COMPLIANCE = {
    "full": "fully compliant",
    "partial": "partially compliant",
    "none": "not compliant",
}


@dataclass(frozen=True)
class AccessibilityStatement:
    """What the UK model accessibility statement asks a public body to say."""

    organisation: str
    contact_email: str
    compliance: str = "partial"
    """full, partial or none: how far the site meets WCAG 2.2 AA."""
    known_issues: list[str] = field(default_factory=list)
    prepared: dt.date | None = None
    reviewed: dt.date | None = None
    response_days: int = 10

    @property
    def compliance_text(self) -> str:
        return COMPLIANCE[self.compliance]
