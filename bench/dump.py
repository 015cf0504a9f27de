"""Write out the pages portalgen generates, as plain MkDocs input, to compare builds.

Runs the plugin's ``on_config`` and ``on_files`` (no rendering to HTML), then writes every
file of the site (the editors' pages, the generated Markdown, downloads, feeds, redirects
and assets) into ``<target>/docs``, and a ``mkdocs.yml`` with the same theme, extensions,
navigation, stylesheets and scripts, but without the portalgen plugin. ``mkdocs build`` of
that folder does what MkDocs and material do for the real site, so the ratio of the two
build times is the plugin's overhead. Generated pages are written as the engine's HTML under
the front matter the plugin hands MkDocs (title, description, search boost), so plain
MkDocs converts them as Markdown, as any MkDocs site's pages are. The plain site keeps
MkDocs' own ``search`` plugin, as a plain MkDocs site has: both sites then have a search
index (portalgen's is Pagefind, made in the plugin's ``on_post_build``).

    python bench/dump.py bench/out/p10/mkdocs.yml bench/out/p10-plain
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import get_files


def dump(config_file: Path, target: Path) -> int:
    """Write the plain project; return the number of Markdown pages."""
    config = load_config(str(config_file))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    handed = getattr(config.plugins["portalgen"], "html_pages", {})
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    for file in files:
        out = docs / file.src_uri
        out.parent.mkdir(parents=True, exist_ok=True)
        if file.abs_src_path and not file.generated_by:
            shutil.copyfile(file.abs_src_path, out)
        elif file.src_uri in handed:
            meta = yaml.safe_dump(handed[file.src_uri].meta, allow_unicode=True, width=1000)
            out.write_bytes(f"---\n{meta}---\n\n".encode() + file.content_bytes)
        else:
            out.write_bytes(file.content_bytes)
    overrides = config_file.parent / "overrides"
    if overrides.is_dir():
        shutil.copytree(overrides, target / "overrides")
    (target / "mkdocs.yml").write_text(plain_config(config_file, config), "utf-8")
    return len(files.documentation_pages())


def plain_config(config_file: Path, config) -> str:
    """The project's own ``mkdocs.yml`` without portalgen, with what the plugin added."""
    raw = yaml.safe_load(config_file.read_text("utf-8"))
    raw["docs_dir"] = "docs"
    raw["plugins"] = [p for p in raw["plugins"] if not _is_portalgen(p)]
    if not any(_is_search(p) for p in raw["plugins"]):
        raw["plugins"].insert(0, "search")
    raw["nav"] = config.nav
    raw["extra_css"] = list(config.extra_css)
    raw["extra_javascript"] = [
        {"path": script.path, "defer": True} if getattr(script, "defer", False) else str(script)
        for script in config.extra_javascript
    ]
    return yaml.safe_dump(raw, allow_unicode=True, sort_keys=False)


def _is_search(plugin) -> bool:
    names = plugin if isinstance(plugin, dict) else {plugin: None}
    return any(name in ("search", "material/search") for name in names)


def _is_portalgen(plugin) -> bool:
    return plugin == "portalgen" or (isinstance(plugin, dict) and "portalgen" in plugin)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config_file", type=Path)
    parser.add_argument("target", type=Path)
    args = parser.parse_args(argv)
    pages = dump(args.config_file.resolve(), args.target)
    print(f"{args.target}: {pages} Markdown pages")


if __name__ == "__main__":
    main()
