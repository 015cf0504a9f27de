"""Stage 3, site: the pages a reader sees, made from the model.

Takes a :class:`~portalgen.model.portal.Portal` and gives pages and files: one module per
page kind (``pages/``), their permanent addresses and the register of published ones
(``urls``, ``addresses``), navigation, rendering through Jinja2 templates (``render``,
``templates/``, overridable from a site's ``overrides/``), charts and maps drawn at build
time (``charts``, ``maps``), downloads, feeds, citations, JSON-LD and the open-data
catalogue (``downloads``, ``feeds``, ``citation``, ``metadata``, ``packaging``, ``giving``),
the place index behind "Find your area" (``places``),
prose cleaning and the page policy (``prose``, ``csp``), the accessibility statement and
the stylesheet and scripts (``assets/``). May import ``data`` and ``model``; knows nothing of
MkDocs, which only the plugin in ``plugins/`` does.
"""
