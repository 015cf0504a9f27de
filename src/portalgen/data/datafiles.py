"""Where in ``data/`` each page's data lives, so a page can say which files to edit.

Paths are relative to the data folder and follow the layout ``load.py`` reads; a folder
ends in ``/``.
"""

from __future__ import annotations

PARTNERSHIPS = "partnerships/partnerships.csv"
LOCAL_AUTHORITIES = "vocabulary/local-authorities.csv"


def plan(partnership_id: str, version: str) -> str:
    return f"{partnership_id}/plans/{version}/"


def governance(partnership_id: str) -> str:
    return f"{partnership_id}/governance/"


def terms(partnership_id: str, body_id: str, version: str) -> str:
    return f"{partnership_id}/governance/terms/{body_id}/{version}/"


def funding(partnership_id: str) -> str:
    return f"{partnership_id}/funding/"


def performance(partnership_id: str) -> str:
    return f"{partnership_id}/performance/"


def ward_figures(partnership_id: str) -> str:
    return f"{partnership_id}/ward-figures/"


def areas(partnership_id: str, vintage: str) -> str:
    return f"{partnership_id}/areas/{vintage}/"
