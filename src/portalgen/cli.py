"""The ``portalgen`` command: validate data, build the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import report
from .data.cache import ValidationCache
from .data.problems import errors
from .engine import check_data
from .scaffold_files import ScaffoldError

PARTNERSHIP = ("partnership", "partnership id, e.g. haringey")
NEW_KINDS = {
    "partnership": (
        [
            ("id", "short id, e.g. city-of-london"),
            ("name", "its name"),
            ("areas", "ONS code of each council it covers, separated by ;"),
        ],
        [
            ("--council", "the council's name, if its code is not in the vocabulary yet"),
            ("--tier", "the council's tier (worked out from the code if left out)"),
            ("--kind", "the partnership's kind (worked out from the codes if left out)"),
            ("--parent", "id of the partnership it reports to, e.g. its county's"),
        ],
        "a partnership row, and its council's row if the vocabulary lacks it",
    ),
    "plan": (
        [PARTNERSHIP, ("version", "first year, e.g. 2015-16")],
        [("--to", "last year it covers (as long as the latest plan if left out)")],
        "a draft plan version, its priorities copied from the latest plan",
    ),
    "governance": ([PARTNERSHIP], [], "a governance package to add bodies and meetings to"),
    "performance": ([PARTNERSHIP], [], "a performance package: indicators and their figures"),
    "funding": ([PARTNERSHIP], [], "a funding package: amounts by year"),
    "areas": (
        [PARTNERSHIP, ("vintage", "short id of the set of boundaries, e.g. wd22")],
        [("--kind", "ward (the default) or small area")],
        "a package for one set of ward or small-area boundaries",
    ),
    "body": (
        [PARTNERSHIP, ("id", "short id, e.g. cabinet"), ("name", "the body's name")],
        [
            ("--kind", "e.g. board, council committee or other (see the field reference)"),
            ("--reports-to", "id of the body it reports to"),
            ("--organisation", "id of the organisation it belongs to, e.g. the council"),
        ],
        "a board, group or committee row to fill in (starts governance if need be)",
    ),
    "meeting": (
        [PARTNERSHIP, ("date", "YYYY-MM-DD"), ("body", "id of the body that meets")],
        [],
        "a meeting row to fill in",
    ),
    "recommendation": (
        [
            PARTNERSHIP,
            ("meeting", "id of the meeting it was made at"),
            ("id", "short id, e.g. cabinet-2024-r1"),
        ],
        [
            ("--number", "its number in the minutes, e.g. 3 or R17"),
            ("--kind", "recommendation (the default) or action"),
            ("--status", "its status at the meeting: proposed (the default) or agreed"),
        ],
        "a recommendation row to fill in, with the first line of its history",
    ),
    "year": (
        [PARTNERSHIP, ("year", "financial year, e.g. 2013-14")],
        [],
        "next year's funding rows, each line of the latest year with its amount TBC",
    ),
}
INIT_OPTIONS = [
    ("--name", 'the partnership\'s name, e.g. "Anytown Community Safety Partnership"'),
    ("--council", "the ONS code of the council it covers, e.g. E06000013"),
    ("--council-name", "the council's name, if portalgen does not know its code"),
    ("--id", "the partnership's short id for its addresses (made from its name if left out)"),
    ("--site-url", "where the portal will be published, e.g. https://<owner>.github.io/<repo>/"),
    ("--email", "where people write about the portal's accessibility"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="portalgen", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check data packages and list every problem")
    validate.add_argument(
        "path", nargs="?", default="data", type=Path, help="the data folder (default: data)"
    )
    validate.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: workflow annotations on each file and line, and a job summary",
    )
    _add_no_cache(validate)
    changes = commands.add_parser(
        "diff", help="say what the data changes between two Git commits do to the site"
    )
    changes.add_argument("base", help="the commit before, for example origin/main")
    changes.add_argument("head", nargs="?", default="HEAD", help="the commit after (HEAD)")
    changes.add_argument("--data", default="data", help="the data folder (default: data)")
    new = commands.add_parser(
        "new", help="start a package, or next year's rows, from what is there"
    )
    kinds = new.add_subparsers(dest="kind", required=True)
    for kind, (arguments, options, text) in NEW_KINDS.items():
        parser_of_kind = kinds.add_parser(kind, help=text, description=text)
        parser_of_kind.add_argument(
            "--data", default="data", type=Path, help="the data folder (default: data)"
        )
        for argument, argument_help in arguments:
            parser_of_kind.add_argument(argument, help=argument_help)
        for option, option_help in options:
            dest = option[2:].replace("-", "_").replace("kind", "kind_")
            metavar = option[2:].upper().replace("-", "_")
            parser_of_kind.add_argument(option, dest=dest, metavar=metavar, help=option_help)
    fields = commands.add_parser(
        "reference", help="write the field reference (every file and column) as Markdown"
    )
    fields.add_argument("--data", default="data", type=Path, help="the data folder (data)")
    fields.add_argument(
        "-o", "--output", default=None, type=Path, help="the file to write (default: print it)"
    )
    start = commands.add_parser(
        "init", help="write a new portal for one partnership into a new folder"
    )
    start.add_argument("folder", type=Path, help="the new portal's folder")
    for option, option_help in INIT_OPTIONS:
        start.add_argument(option, help=option_help, required=option in ("--name", "--council"))
    build = commands.add_parser("build", help="validate, then build the site into site/")
    build.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    build.add_argument("-d", "--site-dir", default=None, type=Path)
    _add_no_cache(build)
    _add_check(commands)
    args = parser.parse_args(argv)
    if args.command == "check":
        from .check import run_check

        return run_check(args.config_file, args.base, args.browser, args.format)
    if args.command == "validate":
        return run_validate(args.path, args.format, cache=not args.no_cache)
    if args.command == "diff":
        return run_diff(args.base, args.head, args.data)
    if args.command == "new":
        return run_new(args)
    if args.command == "reference":
        return run_reference(args.data, args.output)
    if args.command == "init":
        return run_init(args)
    from .publish import build_site

    return build_site(args.config_file, args.site_dir, cache=not args.no_cache)


def _add_no_cache(command) -> None:
    command.add_argument(
        "--no-cache",
        action="store_true",
        help="validate every package again, and neither read nor write .portalgen-cache/",
    )


def _add_check(commands) -> None:
    check = commands.add_parser(
        "check",
        help="every check for a pull request: data, changes, strict build, built-site gates",
    )
    check.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    check.add_argument("--base", help="say what the data changes since this commit do")
    check.add_argument(
        "--browser", action="store_true", help="also axe, no JavaScript and 360 px in Chromium"
    )
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: workflow annotations on each file and line, and a job summary",
    )


def run_validate(path: Path, output: str = "text", cache: bool = True) -> int:
    found = ValidationCache.for_project(path.resolve().parent) if cache else None
    packages, problems = check_data(path, Path.cwd(), found)
    if not errors(problems):
        problems = problems + _address_problems(path, (packages, problems), found)
    if not problems:
        print(f"{path}: all data packages are valid.")
        return 0
    if not errors(problems):
        print(report.warnings_text(problems), file=sys.stderr)
        if output == "github":
            print(report.annotations(problems))
        print(f"{path}: all data packages are valid; please look at the warnings above.")
        return 0
    if output == "github":
        print(report.annotations(problems))
        report.write_summary(errors(problems))
    else:
        print(report.text(problems), file=sys.stderr)
    return 1


def _address_problems(path: Path, checked, cache: ValidationCache | None) -> list:
    """The checks a build runs beyond the data: no links in content/ or overrides/, and the
    addresses (the register, redirects and withdrawals). They make every page, so with a
    cache they are made again only when the data, the project or portalgen has changed."""
    import os

    from .data.cache import code_fingerprint
    from .site.project import addresses_key

    label = Path(os.path.relpath(path, Path.cwd())).as_posix()

    def find() -> list:
        from .engine import load_portal
        from .site import published

        return published.check(path, label, load_portal(path, Path.cwd(), checked))

    key = cache and addresses_key(path, label, cache.keys, code_fingerprint())
    return cache.problems("site addresses", key, find) if cache and key else find()


def run_diff(base: str, head: str, data: str) -> int:
    from .diff import DiffError, diff

    try:
        summary = diff(Path.cwd(), base, head, data)
    except DiffError as error:
        print(str(error), file=sys.stderr)
        return 1
    print("\n".join(summary.lines()))
    return 0


GUIDE_FROM_DOCS = "../content/how-to-edit.md"


def run_reference(data: Path, output: Path | None) -> int:
    """Print the field reference, or write it to ``output`` (``docs/field-reference.md``)."""
    from .data.reference import vocabulary_statuses
    from .scaffold_files import rows
    from .site.pages.field_reference import markdown
    from .site.render import environment

    statuses = vocabulary_statuses(rows(data / "vocabulary" / "statuses.csv"))
    text = markdown(environment(), statuses, GUIDE_FROM_DOCS)
    if output is None:
        print(text, end="")
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, "utf-8")
        print(f"Written: {output.as_posix()}")
    return 0


def run_init(args) -> int:
    from .init import init

    try:
        written = init(
            args.folder,
            args.name,
            args.council,
            partnership=args.id,
            council_name=args.council_name,
            site_url=args.site_url,
            email=args.email,
        )
    except ScaffoldError as error:  # InitError, or a code that is not a council's
        print(str(error), file=sys.stderr)
        return 1
    for path in written:
        print(f"Written: {path.as_posix()}")
    print(
        f"Next: cd {args.folder.as_posix()} && portalgen check. Before publishing, read "
        f"{(args.folder / 'README.md').as_posix()}: set site_url and the accessibility contact."
    )
    return 0


def run_new(args) -> int:
    from . import scaffold

    try:
        written = _new(scaffold, args)
    except scaffold.ScaffoldError as error:
        print(str(error), file=sys.stderr)
        return 1
    for path in dict.fromkeys(written):
        print(f"Written: {path.as_posix()}")
    return _still_to_write(args.data)


def _new(scaffold, args) -> list[Path]:
    data, kind = args.data, args.kind
    scaffold.check_arguments(vars(args))
    if kind == "partnership":
        return scaffold.new_partnership(
            data,
            args.id,
            args.name,
            args.areas,
            args.council,
            args.tier,
            getattr(args, "kind_", None),
            args.parent,
        )
    if kind == "plan":
        return scaffold.new_plan(data, args.partnership, args.version, args.to)
    if kind in ("governance", "performance", "funding"):
        return getattr(scaffold, f"new_{kind}")(data, args.partnership)
    if kind == "areas":
        return scaffold.new_areas(
            data, args.partnership, args.vintage, getattr(args, "kind_", None) or "ward"
        )
    if kind == "body":
        return scaffold.new_body(
            data,
            args.partnership,
            args.id,
            args.name,
            getattr(args, "kind_", None),
            args.reports_to,
            args.organisation,
        )
    if kind == "meeting":
        return scaffold.new_meeting(data, args.partnership, args.date, args.body)
    if kind == "recommendation":
        return scaffold.new_recommendation(
            data,
            args.partnership,
            args.meeting,
            args.id,
            args.number,
            getattr(args, "kind_", None) or "recommendation",
            args.status or "proposed",
        )
    return scaffold.new_year(data, args.partnership, args.year)


def _still_to_write(data: Path) -> int:
    """Validate: what is left to fill in is listed, and is not a failure of the command;
    any other problem is."""
    from .data.placeholders import is_placeholder

    _, problems = check_data(data, Path.cwd())
    todo = [problem for problem in problems if is_placeholder(problem)]
    if todo:
        print(f'Fill in each "To be written" before publishing ({len(todo)} left):')
        print("\n".join(str(problem) for problem in sorted(todo)))
    others = [problem for problem in problems if not is_placeholder(problem)]
    if others:
        print(report.text(others), file=sys.stderr)
        return 1
    print("Then run: portalgen validate")
    return 0
