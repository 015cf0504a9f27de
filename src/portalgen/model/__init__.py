"""Stage 2, model: the typed portal, built from validated packages.

Takes the checked packages of ``data`` and gives one :class:`~portalgen.model.portal.Portal`:
partnerships, plans and priorities (``portal``); governance, funding, performance and areas,
each with its builder (``governance`` and ``build_governance``, and so on; ``build`` runs
them all); what changed between versions (``compare``, ``plan_changes``, ``history``); and
the redirects and withdrawals editors declare (``addresses``). Imports from ``data`` only,
never from ``site``.
"""
