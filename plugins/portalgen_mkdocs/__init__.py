"""The MkDocs adapter for portalgen. All the work happens in ``portalgen``."""
