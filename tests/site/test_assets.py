"""The scripts are served without their comment lines, blank lines and indentation (issue
24: a first search downloads search.js), and the code itself is unchanged."""

from __future__ import annotations

from importlib import resources

import pytest

from portalgen.site import assets


def test_comment_lines_blank_lines_and_indentation_are_left_out():
    script = (
        "/* What the script does,\n   on two lines. */\n(function () {\n"
        '  // a comment line\n\n  var root = "../../"; // kept: after code\n'
        '  var link = "https://example.org/*x*/";\n})();\n'
    )
    assert assets.compact(script) == (
        '(function () {\nvar root = "../../"; // kept: after code\n'
        'var link = "https://example.org/*x*/";\n})();\n'
    )


def test_the_served_scripts_are_the_packaged_ones_compacted(tmp_path):
    served = assets.files()
    package = resources.files("portalgen.site.assets")
    for name in (*assets.SCRIPTS, *assets.MAP_SCRIPTS, *assets.SEARCH_SCRIPTS):
        source = package.joinpath(name).read_text("utf-8")
        script = served[f"{assets.FOLDER}/{name}"].decode("utf-8")
        assert script == assets.compact(source)
        assert len(script) < len(source) * 0.85, name
        assert "\n " not in script and not script.startswith("/*"), name
    search = served[f"{assets.FOLDER}/search.js"].decode("utf-8")
    assert search.startswith('(function () {\n"use strict";\nvar PAGE = 10;')


@pytest.mark.parametrize(
    "script",
    [
        "/* a comment */ var kept = 1;\n",
        "/* a comment\n   ending */ var kept = 1;\n",
        "var text = `two\n  lines`;\n",
    ],
)
def test_a_script_compacting_could_break_is_refused(script):
    """Code after a comment's end, or a template string, would lose lines or spaces."""
    with pytest.raises(ValueError):
        assets.compact(script)
