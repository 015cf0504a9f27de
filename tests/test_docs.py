"""The README keeps up with the code: every plugin option and page kind is documented."""

from __future__ import annotations

from conftest import REPO

from portalgen.pages import KINDS, accessibility
from portalgen_mkdocs.config import AccessibilityConfig, PortalgenConfig

README = (REPO / "README.md").read_text("utf-8")


def test_every_plugin_option_is_documented():
    for name, _ in PortalgenConfig._schema:
        assert f"      {name}:" in README, name


def test_every_accessibility_option_is_documented():
    for name, _ in AccessibilityConfig._schema:
        assert f"        {name}:" in README, name


def test_every_page_kind_is_documented():
    for module in (*KINDS, accessibility):
        assert f"`pages/{module.__name__.rsplit('.', 1)[1]}.py`" in README, module.__name__


def test_readme_starts_with_the_two_commands():
    assert "make site" in README.split("\n\n")[2]
    assert "make test" in README.split("\n\n")[2]
