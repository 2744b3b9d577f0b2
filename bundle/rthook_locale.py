"""PyInstaller run-time hook: the C locale coerced to C.UTF-8, as ``python`` itself does (PEP 538).

PyInstaller's embedded interpreter skips that step, so a run with no locale in the environment (``env -i``,
cron, some service managers) left Qt to warn on every start that the locale is not UTF-8 and to switch
itself. The venv's ``policyreader`` never sees that warning; now neither does the bundle's.
"""

import locale
import os

if not os.environ.get("LC_ALL") and locale.setlocale(locale.LC_CTYPE, None) in ("C", "POSIX"):
    os.environ["LC_CTYPE"] = "C.UTF-8"
