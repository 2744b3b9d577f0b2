"""Building the self-contained app (``make dist``) and checking it (``make dist-check``).

``policyreader.spec`` is PyInstaller's recipe; it calls :mod:`bundle.collect` for what goes in,
:mod:`bundle.prebuild` for the caches built at build time, and :mod:`bundle.licences` for the list of
what the bundle contains with its licences. :mod:`bundle.check` runs the acceptance checks on the built
archive as a user would, with a clean environment (the window through :mod:`bundle.xdisplay`).
"""
