"""Redirects and withdrawals: what an editor declares about an address the site no longer
makes (``data/addresses/``). The register of published addresses is ``site/addresses.py``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Redirect:
    source: str
    target: str
    date: dt.date | None
    reason: str
    line: int | None = None
    """Its line in redirects.csv; None for the ``latest`` addresses the site makes itself."""


@dataclass(frozen=True)
class Withdrawal:
    address: str
    title: str
    date: dt.date
    reason: str
    see_also: str | None = None
    line: int | None = None
