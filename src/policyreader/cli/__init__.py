"""The headless face of PolicyReader: ``policyreader <command>``, thin over ``services``.

One module per command group (``text``, ``library``, ``exports``, ``glossary``, ``annotations``, ``qa``,
``checks``, ``coverage``, ``team``); shared options and the typed context live in ``options``. Every command
that prints data takes ``--json``; ``--format`` choices come from the format registry. Bad input or a broken
environment prints one line
on stderr and exits with code 2; no tracebacks for user errors.
"""

from __future__ import annotations

import policyreader.cli.annotate
import policyreader.cli.checks
import policyreader.cli.coverage
import policyreader.cli.exports
import policyreader.cli.glossary
import policyreader.cli.library
import policyreader.cli.qa
import policyreader.cli.team
import policyreader.cli.text  # noqa: F401 - importing the modules registers their commands
from policyreader.cli.options import main

__all__ = ["main"]
