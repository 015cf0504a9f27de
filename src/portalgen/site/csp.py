"""The Content Security Policy each page carries in a ``<meta>`` element.

Pages load scripts, styles, fonts and images only from the site itself. The few inline
scripts material writes (``THEME_SCRIPTS``) are allowed by their SHA-256 hash; any other
inline script, such as one that found its way in through data, is not hashed, so it does
not run, and ``unknown_scripts`` names it so the build can fail. Inline styles and event
handler attributes are not allowed at all.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urljoin, urlsplit

_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_SOURCE = re.compile(r"""<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_DATA_TYPES = ("application/json", "application/ld+json")
_SCOPE = re.compile(r'^__md_scope=new URL\("(?:\.|\.\.(?:/\.\.)*|/[\w.~/-]*)",location\)')
THEME_SCRIPTS = frozenset(
    {
        # material 9.8.1, base.html: where the site is, and its local storage helpers
        "__md_scope=new URL(BASE,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_."
        "charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem("
        't.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.'
        'pathname+"."+e,JSON.stringify(_))}catch(e){}}',
        # material 9.8.1, base.html: open the content tab a link points to
        "var target=document.getElementById(location.hash.slice(1));target&&target.name&&"
        '(target.checked=target.name.startsWith("__tabbed_"))',
    }
)


def policy(scripts: list[str], image_hosts: tuple[str, ...] = (), wasm: bool = False) -> str:
    """The policy for a page whose inline scripts are ``scripts``; ``image_hosts`` are
    the origins of map tiles, when a site configures a tile server. ``wasm``: the page
    runs the site's own WebAssembly (the search page's Pagefind)."""
    hashes = " ".join(f"'{_hash(script)}'" for script in sorted(set(scripts)))
    if wasm:
        hashes = f"'wasm-unsafe-eval' {hashes}"
    images = " ".join(("'self'", "data:", *image_hosts))
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src 'self' {hashes}".strip(),
            "style-src 'self'",
            f"img-src {images}",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        )
    )


def protect(
    html: str,
    image_hosts: tuple[str, ...] = (),
    scripts: list[str] | None = None,
    wasm: bool = False,
) -> str:
    """``html`` with its policy as the first element of ``<head>``, before any script;
    ``scripts`` are its ``inline_scripts``, if the caller has them already; ``wasm`` lets
    the page compile WebAssembly (the search page's Pagefind)."""
    if "<head>" not in html:
        return html
    scripts = inline_scripts(html) if scripts is None else scripts
    content = policy([s for s in scripts if is_theme_script(s)], image_hosts, wasm)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{_attribute(content)}">'
    return html.replace("<head>", f"<head>\n{meta}", 1)


def inline_scripts(html: str) -> list[str]:
    """The text of each script written in the page itself (not data blocks such as JSON-LD)."""
    return [
        match["body"]
        for match in _SCRIPT.finditer(html)
        if "src=" not in match["attributes"]
        and not any(kind in match["attributes"] for kind in _DATA_TYPES)
    ]


def is_theme_script(script: str) -> bool:
    """Whether ``script`` is one material writes, with the page's path to the site root."""
    return _SCOPE.sub("__md_scope=new URL(BASE,location)", script) in THEME_SCRIPTS


def unknown_scripts(html: str, scripts: list[str] | None = None) -> list[str]:
    """Inline scripts in ``html`` that are not the theme's: the policy stops them.
    ``scripts`` are its ``inline_scripts``, if the caller has them already."""
    scripts = inline_scripts(html) if scripts is None else scripts
    return [script for script in scripts if not is_theme_script(script)]


def script_sources(html: str) -> list[str]:
    """The address in each ``<script src=…>`` of ``html``, as written."""
    return [
        next(value for value in match.groups() if value is not None)
        for match in _SOURCE.finditer(html)
    ]


def unknown_sources(html: str, page: str, known: set[str], root: str = "/") -> list[str]:
    """Scripts ``html`` loads that are not files of the site in ``known`` (theme and
    portalgen assets, as addresses under the site's root ``root``), for the page at
    ``page`` (``partnerships/haringey/``): another host's script, or one that is missing."""
    base = urljoin(root, page)
    return [src for src in script_sources(html) if not _known(urljoin(base, src), known, root)]


def _known(address: str, known: set[str], root: str) -> bool:
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path.startswith(root):
        return False
    return parts.path[len(root) :] in known


_TILES = re.compile(
    r"https://(?:\{s\}\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:[0-9]{1,5})?"
    r"/[A-Za-z0-9._~/@%&=?+{}-]*",
    re.I,
)
_PLACEHOLDERS = re.compile(r"\{[sxyzr]\}")
TILES_EXAMPLE = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def tile_problem(template: str) -> str | None:
    """Why ``template`` cannot be a tile server's URL template, if it cannot: it must be an
    https:// address on a host name, with {z}, {x} and {y}, and no spaces or quotes."""
    placeholders = set(_PLACEHOLDERS.findall(template))
    if (
        _TILES.fullmatch(template)
        and {"{z}", "{x}", "{y}"} <= placeholders
        and "{" not in _PLACEHOLDERS.sub("", template)
        and "}" not in _PLACEHOLDERS.sub("", template)
    ):
        return None
    return (
        f"must be a tile server's web address starting https:// and a host name, "
        f"with {{z}}, {{x}} and {{y}} where the tile's zoom and position go ({{s}} may stand "
        f"for the server's subdomains), and no spaces, quotes or other punctuation, such as "
        f"{TILES_EXAMPLE}; {template!r} is not."
    )


def tile_hosts(template: str | None) -> tuple[str, ...]:
    """The origin of a tile server's URL template (``https://{s}.tile.example/{z}/…``)."""
    if not template:
        return ()
    parts = urlsplit(template.replace("{s}", "*"))
    return (f"{parts.scheme}://{parts.netloc}",)


def _attribute(value: str) -> str:
    """``value`` safe inside a double-quoted attribute; its single quotes stay as they are."""
    return (
        value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
