"""Stage 1, data: find, read and validate the data packages in ``data/``.

Takes a folder of packages (YAML descriptors, CSV tables, GeoJSON boundaries) and gives
:class:`~portalgen.data.validate.Checked` packages (typed rows, with their file and line)
and a list of :class:`~portalgen.data.problems.Problem` for editors. Here are the contract
(which packages exist and their Table Schemas, ``schemas/``), safe reading (``load``,
``yamlfile``), frictionless validation and its plain-English explanations (``validate``,
``explain``, ``licences``, ``versions``), the checks that span packages (``checks*``,
``boundaries``) and how figures, money and periods are written (``formats``), which messages
and pages share. Imports nothing from ``model`` or ``site``.
"""
