"""Links between pages are relative, so the site works under any path: ``urls.relative``
gives what ``posixpath.relpath`` gives, without asking the working folder for each link."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from portalgen.site import urls

ADDRESSES = [
    "",
    "./",
    "partnerships/",
    "partnerships/haringey/",
    "partnerships/haringey/plans/2013-14/",
    "partnerships/haringey/plans/2013-14/priorities/p1/",
    "partnerships/haringey-2/",
    "partnerships/redditch/areas/",
    "wards/e05000268/",
    "small-areas/",
    "a/b/../c/",
    "glossary/",
]


def relpath(start: str, target: str) -> str:
    link = posixpath.relpath(target or ".", start or ".")
    return "./" if link == "." else f"{link}/"


@pytest.mark.parametrize(("start", "target"), list(itertools.product(ADDRESSES, repeat=2)))
def test_a_link_is_what_relpath_gives(start: str, target: str):
    assert urls.relative(start, target) == relpath(start, target)


def test_examples():
    assert urls.relative("partnerships/haringey/", "partnerships/haringey/") == "./"
    assert urls.relative("partnerships/haringey/plans/2013-14/", "glossary/") == (
        "../../../../glossary/"
    )
    assert urls.relative("", "partnerships/haringey/") == "partnerships/haringey/"
