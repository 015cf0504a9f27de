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
    build = commands.add_parser("build", help="validate, then build the site into site/")
    build.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    build.add_argument("-d", "--site-dir", default=None, type=Path)
    args = parser.parse_args(argv)
    if args.command == "validate":
        return run_validate(args.path, args.format)
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
