"""The folders show the pipeline, and the imports keep to it.

``data`` (read and validate) imports nothing from ``model`` or ``site``; ``model`` nothing
from ``site``; ``site`` nothing from ``gates`` (the checks of a built site, which come
after it); nothing in the engine imports MkDocs or its theme, which only the plugin in
``plugins/`` may. Imports inside ``if TYPE_CHECKING:`` and inside functions count too.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

from conftest import REPO

ENGINE = REPO / "src/portalgen"
FORBIDDEN = {
    "portalgen.data": (
        "portalgen.model",
        "portalgen.site",
        "portalgen.gates",
        "mkdocs",
        "material",
    ),
    "portalgen.model": ("portalgen.site", "portalgen.gates", "mkdocs", "material"),
    "portalgen.site": ("portalgen.gates", "mkdocs", "material"),
    "portalgen": ("mkdocs", "material"),
}
TOP_LEVEL = {
    "__init__",
    "__main__",
    "cli",
    "engine",
    "publish",
    "diff",
    "init",
    "scaffold",
    "scaffold_files",
    "report",
    "check",
}
STAGES = {"data", "model", "site", "gates"}


def module_name(root: Path, file: Path) -> str:
    parts = list(file.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(root: Path, file: Path) -> list[tuple[int, str]]:
    """Every module ``file`` imports, by absolute name, with its line."""
    package = module_name(root, file)
    if file.name != "__init__.py":
        package = package.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(file.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            names = [f"{base}.{alias.name}" for alias in node.names]
            found += [(node.lineno, name) for name in (names if not node.module else [base])]
    return found


def broken_rules(root: Path) -> list[str]:
    """One line per import that breaks a rule: the file, its line and what it imports."""
    broken = []
    for file in sorted(root.rglob("*.py")):
        module = module_name(root, file)
        stage = next(s for s in FORBIDDEN if module == s or module.startswith(f"{s}."))
        for line, name in imported(root, file):
            for banned in FORBIDDEN[stage]:
                if name == banned or name.startswith(f"{banned}."):
                    shown = file.relative_to(root.parent.parent)
                    broken.append(f"{shown}:{line} imports {name}, which {stage} may not")
    return broken


def test_each_stage_imports_only_from_the_stages_before_it():
    assert broken_rules(ENGINE) == []


def test_a_planted_import_is_named_with_its_file_and_line(tmp_path):
    root = tmp_path / "src/portalgen"
    shutil.copytree(ENGINE, root)
    validate = root / "data/validate.py"
    validate.write_text(validate.read_text("utf-8") + "\nfrom ..site import urls\n", "utf-8")
    model = root / "model/portal.py"
    model.write_text("import mkdocs.plugins\n" + model.read_text("utf-8"), "utf-8")
    last = len(validate.read_text("utf-8").splitlines())
    assert broken_rules(root) == [
        f"src/portalgen/data/validate.py:{last} imports portalgen.site, "
        "which portalgen.data may not",
        "src/portalgen/model/portal.py:1 imports mkdocs.plugins, which portalgen.model may not",
    ]


def test_the_top_level_holds_only_the_commands_and_the_pipeline():
    modules = {file.stem for file in ENGINE.glob("*.py")}
    folders = {path.name for path in ENGINE.iterdir() if (path / "__init__.py").is_file()}
    assert (modules, folders) == (TOP_LEVEL, STAGES)


def test_each_stage_says_what_it_takes_and_gives():
    for stage in STAGES:
        doc = ast.get_docstring(ast.parse((ENGINE / stage / "__init__.py").read_text("utf-8")))
        assert doc and "Takes" in doc and "gives" in doc, stage
