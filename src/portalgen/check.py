"""``portalgen check``: every check a portal's editors need on a pull request, in one run.

Run in a portal's folder (the one with ``mkdocs.yml`` and ``data/``): validate the data,
say what the change does to the site (``--base``), build the site strictly into a temporary
folder, run the built-site gates that need no browser (links and #fragments, nothing loaded
from another site, HTML5 parsing, each page's security policy) and, with ``--browser``,
the gates that do (axe-core, no JavaScript, a 360 px phone). Every problem is reported,
file first: while the data has errors, a copy without the rows that have them is built and
checked, so one run names them all. The site replaces ``site/`` only when every check has
passed, so a workflow can publish what ``check`` built.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import gates, publish, report
from .data import setaside
from .data.problems import errors, warnings
from .engine import check_data
from .gates.explain import Explained, SiteProblems


@dataclass
class Portal:
    """Where a portal's parts are, from its ``mkdocs.yml``."""

    root: Path
    config: Path
    site_url: str = ""
    docs_dir: str = "docs"
    data_dir: str = "data"

    @classmethod
    def read(cls, config: Path) -> Portal:
        text = config.read_text("utf-8") if config.is_file() else ""
        found = {
            name: match[1].strip("\"'")
            for name in ("site_url", "docs_dir", "data_dir")
            if (match := re.search(rf"^\s*{name}:\s*(\S+)", text, re.M))
        }
        return cls(config.resolve().parent, config.resolve(), **found)


@dataclass
class Run:
    """The problems found so far, and how to print them."""

    output: str = "text"
    failed: list[str] = field(default_factory=list)
    site: list[str] = field(default_factory=list)
    """What is wrong beyond the data, for the job summary."""

    def step(self, title: str) -> float:
        print(f"\n{title}", flush=True)
        return time.monotonic()

    def say(self, line: str) -> None:
        print(f"  {line}".rstrip(), flush=True)

    def fail(self, step: str, lines: list[Explained]) -> None:
        self.failed += [step] * len(lines)
        self.site += [str(line) for line in lines]
        for line in lines:
            self.say(f"- {line}")
        if self.output == "github":
            print("\n".join(_annotation(step, line) for line in lines), flush=True)


def run_check(config: Path, base: str | None, browser: bool, output: str) -> int:
    """Run every check in order; return 1 if any failed, 0 if all passed."""
    portal, run, started = Portal.read(config), Run(output), time.monotonic()
    if not portal.config.is_file():
        print(f"{config}: there is no such file. Run portalgen check in the portal's folder.")
        return 1
    valid = check_the_data(portal, run)
    compare(portal, run, base, valid)
    target = publish.configured_site_dir(portal.config).resolve()
    with publish.staged(target) as staging:
        built = build(portal, run, staging) if valid else build_set_aside(portal, run, staging)
        if built:
            check_the_site(portal, run, staging)
        else:
            run.step("4. The built site (no browser needed)")
            run.say("Not run: there is no built site to check.")
        run_browser_gates(portal, run, staging if built else None, browser)
        lock = portal.root / portal.data_dir / "urls.lock"
        return finish(run, staging, target, time.monotonic() - started, lock)


def check_the_data(portal: Portal, run: Run) -> bool:
    started = run.step(f"1. Data ({portal.data_dir}/)")
    _, problems = check_data(portal.root / portal.data_dir, portal.root)
    if warnings(problems):
        run.say(report.warnings_text(problems).replace("\n", "\n  "))
    if run.output == "github" and problems:
        print(report.annotations(problems))
        if errors(problems):
            report.write_summary(errors(problems))
    if errors(problems):
        run.failed += ["data"] * len(errors(problems))
        run.say(report.text(errors(problems)).replace("\n", "\n  "))
        return False
    run.say(f"Every data package is valid ({_seconds(started)}).")
    return True


def compare(portal: Portal, run: Run, base: str | None, valid: bool) -> None:
    run.step(f"2. What this change does to the site{f' (against {base})' if base else ''}")
    if base is None:
        return run.say("Not compared: no --base was given (for example --base origin/main).")
    if not _in_git(portal.root):
        return run.say("Not compared: this folder is not in a Git repository.")
    if not valid:
        return run.say("Not compared while the data has problems.")
    from .diff import DiffError, diff

    try:
        summary = diff(portal.root, base, "HEAD", portal.data_dir)
    except DiffError as error:
        return run.fail("diff", [Explained("", f"{error} (it compares committed data only)")])
    for line in summary.lines():
        run.say(line)


def build(portal: Portal, run: Run, staging: Path, config: Path | None = None) -> bool:
    """A strict build into ``staging`` (of the portal, or of the copy whose ``config`` is
    given); True if it wrote the site, even with warnings."""
    started = time.monotonic()
    if config is None:
        run.step("3. Strict build (into a temporary folder)")
    # No validation cache: a cache file committed with the data must not vouch for it.
    result = publish.run_build(config or portal.config, staging, capture=True, cache=False)
    problems = _explainer(portal).build_warnings(result.stderr)
    if result.returncode == 0:
        run.say(f"Built {len(gates.html_files(staging))} pages ({_seconds(started)}).")
    elif problems:
        run.fail("build", problems)
    else:
        stopped = "\n    ".join(result.stderr.strip().splitlines()[-15:])
        run.fail("build", [Explained(portal.config.name, f"the build stopped:\n    {stopped}")])
    return (staging / "index.html").is_file()


def build_set_aside(portal: Portal, run: Run, staging: Path) -> bool:
    """While the data has errors, build a copy without the rows that have them, so the
    pages, overrides and the rest of the data are still checked in this run."""
    run.step("3. Strict build (into a temporary folder), the rows with problems set aside")
    with tempfile.TemporaryDirectory(prefix="portalgen-check-") as folder:
        copy = setaside.copy_portal(portal.root, portal.docs_dir, portal.data_dir, Path(folder))
        removed = setaside.set_aside(copy, portal.data_dir, lambda d, r: check_data(d, r)[1])
        if removed is None:
            run.say(
                "Not built: the site cannot be built until the data problems above are fixed, "
                "so the built-site checks did not run."
            )
            return False
        rows = len({(problem.path, problem.line) for problem in removed})
        noun = "row" if rows == 1 else "rows"
        run.say(
            f"Built with {rows} {noun} set aside (those with problems, and those that refer "
            "to them), to check everything else: links to their pages may be reported too."
        )
        return build(portal, run, staging, copy / portal.config.name)


def check_the_site(portal: Portal, run: Run, staging: Path) -> None:
    started = run.step("4. The built site (no browser needed)")
    found = _explainer(portal)
    for name, words, problems in (
        ("links", "links and #fragments lead somewhere", gates.broken_links),
        ("loads", "nothing is loaded from another site", gates.third_party_loads),
        ("HTML", "every page parses as HTML5", _html_errors),
        ("policy", "each page's security policy allows its scripts", _policy),
    ):
        lines = found.explain(name, problems(staging, portal.site_url))
        if lines:
            run.fail(name, lines)
        else:
            run.say(f"Passed: {words}.")
    run.say(f"({len(gates.html_files(staging))} pages, {_seconds(started)})")


def run_browser_gates(portal: Portal, run: Run, staging: Path | None, asked: bool) -> None:
    run.step("5. In a browser: WCAG 2.2 AA (axe), without JavaScript, on a 360 px phone")
    if not asked:
        return run.say("Not run: add --browser to run them (needs Chromium).")
    from .gates import browser

    executable = browser.chromium()
    if executable is None:
        return run.fail("browser", [Explained("", browser.NO_CHROMIUM)])
    if staging is None:
        return run.say("Not run: there is no built site to open.")
    started = time.monotonic()
    try:
        count, problems = browser.browser_problems(staging, portal.site_url, executable)
    except ImportError:
        return run.fail("browser", [Explained("", browser.NO_EXTRA)])
    lines = _explainer(portal).explain("browser", problems)
    if lines:
        run.fail("browser", lines)
    else:
        run.say(f"Passed on one page of each of {count} kinds ({_seconds(started)}).")


def finish(run: Run, staging: Path, target: Path, seconds: float, lock: Path) -> int:
    if run.failed:
        counts = {step: run.failed.count(step) for step in dict.fromkeys(run.failed)}
        listed = ", ".join(f"{step} {count}" for step, count in counts.items())
        print(f"\nportalgen check failed ({listed}) in {seconds:.0f} s.")
        print(f"{_shown(target)} is unchanged.")
        if run.output == "github":
            report.write_site_summary(run.site)
        return 1
    before = _lines(lock)
    publish.publish(staging, target)
    print(f"\nEvery check passed in {seconds:.0f} s. The site is in {_shown(target)}.")
    added = len(_lines(lock)) - len(before)
    if added > 0:
        noun = "address" if added == 1 else "addresses"
        print(
            f"{_shown(lock).rstrip('/')} now lists {added} new {noun}: commit it with the change."
        )
    return 0


def _lines(path: Path) -> list[str]:
    return path.read_text("utf-8").splitlines() if path.is_file() else []


def _explainer(portal: Portal) -> SiteProblems:
    return SiteProblems(portal.root / portal.docs_dir, portal.root)


def _annotation(step: str, line: Explained) -> str:
    """A GitHub annotation: on the file, when it is one of the portal's own."""
    where = f"file={report.escape_property(line.file)}," if line.in_portal else ""
    return f"::error {where}title={report.escape_property(step)}::{report.escape(str(line))}"


def _html_errors(site: Path, site_url: str) -> list[str]:
    """The first parse error of each page: the errors after it are often its consequences."""
    return [error for html in gates.html_files(site) for error in gates.html_errors(html, site)[:1]]


def _policy(site: Path, site_url: str) -> list[str]:
    return gates.policy_problems(site)


def _in_git(root: Path) -> bool:
    result = subprocess.run(
        ["git", "rev-parse", "--is-inside-work-tree"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0


def _seconds(started: float) -> str:
    return f"{time.monotonic() - started:.0f} s"


def _shown(path: Path) -> str:
    try:
        return f"{path.relative_to(Path.cwd()).as_posix()}/"
    except ValueError:
        return f"{path}/"
