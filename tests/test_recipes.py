"""The editor guide's recipes work as written: each recipe's commands, taken from the guide
itself, are run in order on a copy of the example, followed by what the recipe tells the
editor to write; the data is valid after each recipe, and the portal then builds."""

from __future__ import annotations

import re
import shlex

import pytest
from conftest import REPO, fill_in, problems, run_portalgen, set_cell

from portalgen.scaffold_files import record_change

pytestmark = pytest.mark.build
GUIDE = (REPO / "content/how-to-edit.md").read_text("utf-8")


def recipes() -> dict[str, list[list[str]]]:
    """Each numbered recipe's title → the ``portalgen`` commands in its code blocks."""
    section = GUIDE[GUIDE.index("## Recipes") :]
    section = section[: section.index("\n## ", 1)]
    found = {}
    for part in re.split(r"^### ", section, flags=re.M)[1:]:
        title, body = part.split("\n", 1)
        blocks = re.findall(r"```sh\n(.*?)```", body, flags=re.S)
        lines = [line.strip() for block in blocks for line in block.splitlines()]
        found[title] = [shlex.split(line)[1:] for line in lines if line.startswith("portalgen ")]
    return found


def append(path, line: str) -> None:
    path.write_text(path.read_text("utf-8") + line + "\n", "utf-8")


def plan(project) -> None:
    fill_in(project)
    append(
        project / "data/city-of-london/plans/2024-25/priorities.csv",
        "p1,1,Reduce shop theft,Working with traders on shop theft.,,,,",
    )


def performance(project) -> None:
    folder = project / "data/city-of-london/performance"
    append(folder / "indicators.csv", "shop-theft,Shop thefts reported,count,lower,,,,,,")
    append(folder / "observations.csv", "shop-theft,2024-25,120,yes,,,,,")


def funding(project) -> None:
    fill_in(project)
    append(
        project / "data/city-of-london/funding/amounts.csv",
        "2024-25,income,community-safety-fund,Community Safety Fund,,,,12000,actual,,,",
    )


def progress(project) -> None:
    priorities = project / "data/haringey/plans/2013-14/priorities.csv"
    set_cell(priorities, 2, "status", "at risk")
    set_cell(priorities, 2, "status_date", "2014-03-27")
    record_change(project / "data/haringey/plans/2013-14", "Priority 1 is at risk.")
    governance = project / "data/redditch/governance"
    append(governance / "recommendation-history.csv", "redditch-cabinet-2024-r3,2024-09-01,done,")
    record_change(governance, "Recommendation 3 is done.")


def move(project) -> None:
    addresses = project / "data/addresses"
    append(
        addresses / "redirects.csv",
        "/partnerships/city-of-london/board/,/partnerships/city-of-london/bodies/safer-city/,"
        "2024-07-01,The board's page moved",
    )
    append(
        addresses / "withdrawn.csv",
        "/partnerships/city-of-london/plans/2023-24/,Draft plan 2023-24,2024-07-01,"
        "Published by mistake,/partnerships/city-of-london/plans/2024-25/",
    )
    record_change(addresses, "Moved the board's page and withdrew a draft plan.")


def version(project) -> None:
    folder = project / "data/city-of-london/performance"
    set_cell(folder / "observations.csv", 2, "value", "118")
    record_change(folder, "Corrected the shop thefts of 2024-25.")


EDITS = {
    "1. Add a partnership and its councils": fill_in,
    "2. Start a plan": plan,
    "3. Start a governance package and add a board or committee": fill_in,
    "4. Start a performance package": performance,
    "5. Start a funding package": funding,
    "6. Start a set of ward boundaries": fill_in,
    "7. Record a meeting and its recommendations": fill_in,
    "8. Report progress": progress,
    "9. Add next year's funding": fill_in,
    "10. Withdraw or move a page": move,
    "11. Raise a version": version,
}
"""What each recipe tells the editor to write after its commands."""


def test_every_recipe_is_followed_by_the_test():
    assert list(recipes()) == list(EDITS)


def test_every_recipe_but_the_hand_edits_names_its_command():
    commands = recipes()
    for title in EDITS:
        if title.split(". ", 1)[1] not in (
            "Report progress",
            "Withdraw or move a page",
            "Raise a version",
        ):
            assert any(c[0] == "new" for c in commands[title]), title


def test_the_recipes_as_written_end_in_a_green_build(project, tmp_path):
    for title, commands in recipes().items():
        for command in commands:
            result = run_portalgen(project, *command)
            assert result.returncode == 0, (title, command, result.stderr)
        EDITS[title](project)
        assert problems(project) == [], title
    result = run_portalgen(project, "build", "-d", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for address in (
        "partnerships/city-of-london/",
        "partnerships/city-of-london/plans/2024-25/",
        "partnerships/city-of-london/bodies/safer-city/",
        "partnerships/redditch/recommendations/redditch-cabinet-2024-r3/",
        "partnerships/worcestershire/funding/2013-14/",
        "partnerships/city-of-london/board/",
        "partnerships/city-of-london/plans/2023-24/",
    ):
        assert (site / address / "index.html").is_file(), address
