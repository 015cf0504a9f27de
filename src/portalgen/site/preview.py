"""The preview's problem page: while the data is broken, ``make serve`` (``mkdocs serve``)
shows every problem in the browser, in the words ``portalgen validate`` uses, instead of
leaving the browser waiting; the preview rebuilds, and the page reloads, when a fix is saved.
"""

from __future__ import annotations

from jinja2 import Environment

from ..data.problems import DataError

ADDRESS = "index.md"
TITLE = "The data has problems"


def problem_page(error: DataError, env: Environment) -> str:
    """The Markdown of the page: the count, then each problem on its own line."""
    summary, *lines = error.summary().split("\n")
    template = env.get_template("preview_problems.md.j2")
    return template.render(title=TITLE, summary=summary, problems=lines)
