"""Each page's security policy allows every inline script the page carries, and nothing
more: a script the policy does not allow would not run, so the page would not work as
written (``site/csp.py`` writes the policy)."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from ..site.csp import inline_scripts
from .pages import address_of, html_files, tree_of

FIX = (
    "If it comes from overrides/, move it into a .js file there and load it with src=; "
    "if it comes from data, report it as a bug in portalgen."
)


def policy_problems(site: Path) -> list[str]:
    """Pages without a policy, with ``unsafe-inline``, or with an inline script that their
    policy does not allow by its hash."""
    found = []
    for html in html_files(site):
        found += [f"{address_of(site, html)}: {problem}" for problem in page_problems(html)]
    return found


def page_problems(html: Path) -> list[str]:
    text = html.read_text("utf-8")
    policies = tree_of(html).xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    if not policies:
        return ["has no security policy (no Content-Security-Policy meta element)"]
    allowed = _script_sources(str(policies[0]))
    if "'unsafe-inline'" in allowed:
        return ["has a security policy that lets any inline script run ('unsafe-inline')"]
    return [
        "has an inline script its security policy does not allow, so it will not run: "
        f"<script>{script[:60]}… {FIX}"
        for script in inline_scripts(text)
        if f"'{_hash(script)}'" not in allowed
    ]


def _script_sources(policy: str) -> set[str]:
    for directive in policy.split(";"):
        name, _, sources = directive.strip().partition(" ")
        if name == "script-src":
            return set(sources.split())
    return set()


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
