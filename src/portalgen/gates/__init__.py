"""Gates: the checks a built site must pass before it is published.

Takes the folder a build wrote (``site/`` or a staging folder) and the site's published
address (``site_url``); gives one line per problem, ``<page>: <what is wrong>``, the page
named by its path in the built site. ``links``, ``loads``, ``markup`` and ``policy`` read the
files alone; ``browser`` opens pages in Chromium (the ``browser`` extra) through ``serve``.
"""

from .links import broken_links, external_links
from .loads import third_party_loads
from .markup import html_errors
from .pages import html_files
from .policy import policy_problems

__all__ = [
    "broken_links",
    "external_links",
    "html_errors",
    "html_files",
    "policy_problems",
    "third_party_loads",
]
