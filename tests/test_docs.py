"""The README keeps up with the code: every plugin option and page kind is documented."""

from __future__ import annotations

from conftest import REPO

from portalgen.site.pages import KINDS, accessibility
from portalgen_mkdocs.config import AccessibilityConfig, PortalgenConfig

README = (REPO / "README.md").read_text("utf-8")


def test_every_plugin_option_is_documented():
    for name, _ in PortalgenConfig._schema:
        assert f"      {name}:" in README, name


def test_every_accessibility_option_is_documented():
    for name, _ in AccessibilityConfig._schema:
        assert f"        {name}:" in README, name


def test_every_page_kind_is_documented():
    for module in (*KINDS, accessibility):
        assert f"`pages/{module.__name__.rsplit('.', 1)[1]}.py`" in README, module.__name__


def test_readme_starts_with_the_two_commands():
    assert "make site" in README.split("\n\n")[2]
    assert "make test" in README.split("\n\n")[2]


def test_every_column_is_described_for_readers():
    """Every field of every shipped schema has a plain-English description: it is shown on
    the open-data page and in each download's README."""
    from importlib import resources

    import yaml

    folder = resources.files("portalgen.data").joinpath("schemas")
    for schema in sorted(folder.iterdir(), key=lambda f: f.name):
        descriptor = yaml.safe_load(schema.read_text("utf-8"))
        assert descriptor.get("description"), schema.name
        for field in descriptor["fields"]:
            assert len(field.get("description", "")) > 10, (schema.name, field["name"])


def test_the_pipeline_table_names_every_module_where_it_is():
    """The README's map of the code follows the tree: every engine module and folder."""
    engine = REPO / "src/portalgen"
    table = README[README.index("### The pipeline") : README.index("## Data packages")]
    for file in sorted(engine.rglob("*.py")):
        relative = file.relative_to(engine)
        if file.name in ("__init__.py", "__main__.py") or relative.parts[:2] == ("site", "pages"):
            continue
        assert f"`{relative.as_posix()}`" in table, relative
    for folder in ("data/schemas/", "site/pages/", "site/templates/", "site/assets/"):
        assert f"`{folder}`" in table, folder
