"""The ``portalgen`` command: validate data, build the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import report
from .data.problems import errors
from .engine import check_data

NEW_KINDS = [
    (
        "plan",
        [("partnership", "partnership id"), ("version", "first year, e.g. 2015-16")],
        "a draft plan version, its priorities copied from the latest plan",
    ),
    (
        "year",
        [("partnership", "partnership id"), ("year", "financial year, e.g. 2013-14")],
        "next year's funding rows, each line of the latest year with its amount TBC",
    ),
    (
        "meeting",
        [
            ("partnership", "partnership id"),
            ("date", "YYYY-MM-DD"),
            ("body", "id of the body that meets"),
        ],
        "a meeting row to fill in",
    ),
    (
        "body",
        [
            ("partnership", "partnership id"),
            ("id", "short id, e.g. executive-group"),
            ("name", "the body's name"),
        ],
        "a board, group or committee row to fill in",
    ),
    (
        "partnership",
        [
            ("id", "short id, e.g. north-worcestershire"),
            ("name", "its name"),
            ("areas", "ONS codes of its local authorities, separated by ;"),
        ],
        "a partnership row to fill in",
    ),
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
    for kind, arguments, text in NEW_KINDS:
        parser_of_kind = kinds.add_parser(kind, help=text)
        parser_of_kind.add_argument("--data", default="data", type=Path)
        for argument, argument_help in arguments:
            parser_of_kind.add_argument(argument, help=argument_help)
    build = commands.add_parser("build", help="validate, then build the site into site/")
    build.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    build.add_argument("-d", "--site-dir", default=None, type=Path)
    args = parser.parse_args(argv)
    if args.command == "validate":
        return run_validate(args.path, args.format)
    if args.command == "diff":
        return run_diff(args.base, args.head, args.data)
    if args.command == "new":
        return run_new(args)
    from .publish import build_site

    return build_site(args.config_file, args.site_dir)


def run_validate(path: Path, output: str = "text") -> int:
    _, problems = check_data(path, Path.cwd())
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


def run_diff(base: str, head: str, data: str) -> int:
    from .diff import DiffError, diff

    try:
        summary = diff(Path.cwd(), base, head, data)
    except DiffError as error:
        print(str(error), file=sys.stderr)
        return 1
    print("\n".join(summary.lines()))
    return 0


def run_new(args) -> int:
    from . import scaffold

    makers = {
        "plan": lambda: scaffold.new_plan(args.data, args.partnership, args.version),
        "year": lambda: scaffold.new_year(args.data, args.partnership, args.year),
        "meeting": lambda: scaffold.new_meeting(args.data, args.partnership, args.date, args.body),
        "body": lambda: scaffold.new_body(args.data, args.partnership, args.id, args.name),
        "partnership": lambda: scaffold.new_partnership(args.data, args.id, args.name, args.areas),
    }
    try:
        written = makers[args.kind]()
    except scaffold.ScaffoldError as error:
        print(str(error), file=sys.stderr)
        return 1
    for path in written:
        print(f"Written: {path}")
    print('Fill in each "To be written", then run: portalgen validate')
    return run_validate(args.data)
