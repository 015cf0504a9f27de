"""The ``portalgen`` command: validate data, build the site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import report
from .engine import check_data


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
    build = commands.add_parser("build", help="validate, then build the site into site/")
    build.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    build.add_argument("-d", "--site-dir", default=None, type=Path)
    args = parser.parse_args(argv)
    if args.command == "validate":
        return run_validate(args.path, args.format)
    if args.command == "diff":
        return run_diff(args.base, args.head, args.data)
    from .publish import build_site

    return build_site(args.config_file, args.site_dir)


def run_validate(path: Path, output: str = "text") -> int:
    _, problems = check_data(path, Path.cwd())
    if not problems:
        print(f"{path}: all data packages are valid.")
        return 0
    if output == "github":
        print(report.annotations(problems))
        report.write_summary(problems)
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
