"""The accessibility statement, in the form UK public bodies publish it."""

from __future__ import annotations

from ..statement import AccessibilityStatement
from .page import Page

ADDRESS = "accessibility/"


def page(statement: AccessibilityStatement) -> Page:
    return Page(
        ADDRESS,
        "Accessibility statement",
        "accessibility",
        {"statement": statement},
        description="How accessible this portal is, and how to report a problem.",
    )
