"""Addresses that never break: the register of every address the site has published
(``data/urls.lock``), and what happens to one the site no longer makes.

A published address must go on being served: by the page itself, by a redirect to the
page that replaced it, or by a page saying it was withdrawn, when and why. Redirects and
withdrawals are data (``data/addresses/``), so an editor declares them in a pull request.
Addresses are written as a reader sees them in the browser: ``/partnerships/haringey/``.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from ..data.problems import Problem
from ..model.addresses import Redirect
from . import urls

LOCK = "urls.lock"
LOCK_HEADER = (
    "# Every address this site has published, one a line. The build adds new ones; never\n"
    "# delete a line. If a page goes, send its address on in data/addresses/redirects.csv\n"
    "# or say why it went in data/addresses/withdrawn.csv.\n"
)
ADDRESS = re.compile(r"/(?:[^/\s]+/)*")
"""A line of the register: an address from the root, ending in ``/``."""
SITE_FOLDERS = ("assets", "search")
"""Folders of the theme's and portalgen's own files (stylesheets, scripts, search index)."""
REDIRECTS = "data/addresses/redirects.csv"
WITHDRAWN = "data/addresses/withdrawn.csv"


def path(address: str) -> str:
    """A page's address (``partnerships/haringey/``) as a reader sees it, from the root."""
    return "/" if address in ("", "./") else f"/{address}"


def address(path_: str) -> str:
    return path_.lstrip("/")


def read_lock(file: Path) -> list[str]:
    """The addresses in the register, in file order; none if there is no register yet."""
    if not file.is_file():
        return []
    lines = file.read_text("utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


PROPOSED = "PORTALGEN_URLS_LOCK"
"""The environment variable naming the file where a build proposes the new register. Only
``portalgen build`` sets it, and keeps the proposal only if the build succeeds, so previews,
bare MkDocs builds and failed builds never change ``data/urls.lock``."""


def propose_lock(proposal: Path, file: Path, published: list[str], made: set[str]) -> None:
    """Propose the register with the addresses this build made added; never remove one.
    Validation refuses an id or address with a line break, so each address is one line;
    a line that is not an address is never written back."""
    every = sorted(line for line in set(published) | made if is_address(line))
    text = LOCK_HEADER + "".join(f"{line}\n" for line in every)
    proposal.write_text(json.dumps({"path": str(file), "text": text}), "utf-8")


def keep_proposed(proposal: Path) -> None:
    """Put a successful build's proposed register in place."""
    if proposal.is_file():
        proposed = json.loads(proposal.read_text("utf-8"))
        Path(proposed["path"]).write_text(proposed["text"], "utf-8")


def latest_redirects(portal) -> list[Redirect]:
    """``…/plans/latest/`` and ``…/terms/latest/``: addresses that always open the current
    plan of a partnership and the current terms of reference of a body."""
    found = []
    for partnership in portal.partnerships:
        if partnership.current_plan:
            current = urls.plan(partnership.current_plan)
            found.append(_latest(urls.plans_latest(partnership), current))
        bodies = partnership.governance.bodies if partnership.governance else []
        for body in bodies:
            if body.current_terms:
                found.append(_latest(urls.terms_latest(body), urls.terms(body.current_terms)))
    return found


def _latest(source: str, target: str) -> Redirect:
    return Redirect(path(source), path(target), None, "It always opens the current version.")


def redirects(portal) -> list[Redirect]:
    """Every redirect the site serves: the ``latest`` addresses, then those in the data."""
    return [*latest_redirects(portal), *portal.redirects]


def resolved(portal) -> list[Redirect]:
    """Every redirect, sending readers straight to where its chain ends (one hop, not two)."""
    every = redirects(portal)
    ends = chain_ends({redirect.source: redirect for redirect in every})
    return [
        replace(redirect, target=ends.get(redirect.target, redirect.target) or redirect.target)
        for redirect in every
    ]


def served(made: set[str], portal) -> set[str]:
    """Every address the site answers: its pages, redirects and withdrawal notices."""
    moved = {redirect.source for redirect in redirects(portal)}
    return made | moved | {item.address for item in portal.withdrawn}


def check(
    lock_label: str, published: list[str], made: set[str], portal, written: set[str] = frozenset()
) -> list[Problem]:
    """Problems with the register: published addresses the site would drop, and redirects
    or withdrawals that clash with pages or files or lead nowhere. ``made`` is the site's
    pages; ``written`` every other file it writes (feeds, downloads, assets)."""
    moves = {redirect.source: redirect for redirect in redirects(portal)}
    withdrawn = {w.address: w for w in portal.withdrawn}
    kept = made | set(moves) | set(withdrawn)
    problems = [
        Problem(lock_label, number, None, _lock_message(line))
        for number, line in _numbered(published)
        if line not in kept
    ]
    problems += _file_clashes(portal, written)
    latest = {source for source, redirect in moves.items() if redirect.line is None}
    ends = chain_ends(moves)
    problems += _redirect_problems(portal.redirects, made | latest, ends, withdrawn)
    problems += _withdrawn_problems(portal.withdrawn, made | latest, ends)
    return problems


def _numbered(published: list[str]):
    """The register's addresses with their line numbers (after the header)."""
    offset = LOCK_HEADER.count("\n")
    return ((offset + number, line) for number, line in enumerate(published, 1))


def is_address(line: str) -> bool:
    """Whether a line of the register is an address a build can have written: from the
    root, ending in ``/``, nothing that cannot be seen or printed on one line."""
    return ADDRESS.fullmatch(line) is not None and line.isprintable()


def _lock_message(line: str) -> str:
    if is_address(line):
        return _dropped_message(line)
    return (
        f'"{line}" is not an address (one a line, starting and ending with /), so it is '
        "what is left of a broken line. Delete this line: it was never a page of the site."
    )


def _file_clashes(portal, written: set[str]) -> list[Problem]:
    """Redirects and withdrawals of an address where the site writes a file of its own (a
    feed, a download, the sitemap, an asset): the notice cannot be put there."""
    rows = [(REDIRECTS, "from", "redirected", r.source, r.line) for r in portal.redirects]
    rows += [(WITHDRAWN, "address", "withdrawn", w.address, w.line) for w in portal.withdrawn]
    problems = []
    for label, field, done, source, line in rows:
        clash = _clash(address(source), written)
        if clash:
            message = f"{source} is {clash}, not a page, so it cannot be {done}. Remove this row."
            problems.append(Problem(label, line, field, message))
    return problems


def _clash(folder: str, written: set[str]) -> str | None:
    """What the site already keeps at ``folder`` (``feed.xml/``), if anything."""
    parts = folder.rstrip("/").split("/")
    for end in range(1, len(parts) + 1):
        prefix = "/".join(parts[:end])
        if prefix in written:
            return f"the address of a file the site publishes itself (/{prefix})"
    if parts[0] in SITE_FOLDERS:
        return f"in /{parts[0]}/, where the site keeps its own files"
    return None


def _dropped_message(line: str) -> str:
    return (
        f"{line} was published, but the site no longer has a page there, so links to it in "
        f"papers and minutes would break. Add a row to {REDIRECTS} sending it to the page "
        f"that replaces it, or to {WITHDRAWN} saying when and why it was withdrawn."
    )


def _redirect_problems(rows, made, ends, withdrawn) -> list[Problem]:
    problems = []
    for row in rows:
        number = row.line
        if row.source in made:
            problems.append(
                Problem(
                    REDIRECTS,
                    number,
                    "from",
                    f"{row.source} is still a page on the site, so it cannot also send readers "
                    "elsewhere. Remove this row, or remove the page.",
                )
            )
        elif row.source in withdrawn:
            problems.append(
                Problem(
                    REDIRECTS,
                    number,
                    "from",
                    f"{row.source} is also in {WITHDRAWN}. Keep it in one file only.",
                )
            )
        target = ends.get(row.target, row.target)
        if target is None:
            problems.append(
                Problem(
                    REDIRECTS,
                    number,
                    "to",
                    f"{row.target} goes round in a circle of redirects. Send it to a page.",
                )
            )
        elif target not in made:
            problems.append(
                Problem(
                    REDIRECTS,
                    number,
                    "to",
                    f"{target} is not a page on the site. Check the address against "
                    "data/urls.lock, or send readers to a page the site still makes.",
                )
            )
    return problems


def _withdrawn_problems(rows, made, ends) -> list[Problem]:
    problems = []
    for row in rows:
        number = row.line
        if row.address in made:
            problems.append(
                Problem(
                    WITHDRAWN,
                    number,
                    "address",
                    f"{row.address} is still a page on the site. Remove this row, or remove "
                    "the page.",
                )
            )
        if row.see_also and ends.get(row.see_also, row.see_also) not in made:
            problems.append(
                Problem(
                    WITHDRAWN,
                    number,
                    "see_also",
                    f"{row.see_also} is not a page on the site. Leave it empty, or give a page "
                    "the site still makes.",
                )
            )
    return problems


def chain_ends(redirects: dict[str, Redirect]) -> dict[str, str | None]:
    """Where the chain of redirects from each source ends (None if it goes round in a
    circle). Each redirect is followed once, and a chain's end is kept for every address
    on it, so the time grows with the number of redirects, not with its square (8,000
    redirects in one chain took 9 s when each was followed to its end)."""
    ends: dict[str, str | None] = {}
    for start in redirects:
        path: dict[str, None] = {}
        target = start
        while target in redirects and target not in ends and target not in path:
            path[target] = None
            target = redirects[target].target
        end = ends[target] if target in ends else None if target in path else target
        ends.update(dict.fromkeys(path, end))
    return ends
