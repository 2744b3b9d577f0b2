"""A library built at install time, so that a first start shows a document at once.

``make install`` runs ``python -m policyreader.services.seed``: it imports the bundled corpus and loads
CC-CEDICT into a fresh database and keeps a compact copy in the package (``data/seed/library.db``, not
under version control). A new data directory starts as a copy of it (``plant``) instead of an empty
database. The copy records the corpus fingerprint it was built from, like any library, so if the bundled
corpus or glossary changed since the install, the library refreshes it in the background as usual; the
bundled documents are readable meanwhile.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import uuid
from dataclasses import replace
from pathlib import Path

from policyreader.services.paths import AppPaths, resolve_paths, seed_database


def plant(paths: AppPaths) -> bool:
    """Start a new data directory's database as a copy of the seed; False if there is nothing to do (a
    database exists, no seed was built) or it cannot be done (the data directory then starts empty)."""
    seed, target = paths.seed, paths.database
    if seed is None or target.exists() or not seed.is_file():
        return False
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.seed")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(seed, tmp)
        os.link(tmp, target)  # never replaces a database another process has just created
        return True
    except OSError:
        return False
    finally:
        tmp.unlink(missing_ok=True)


def build(out: Path) -> None:
    """Write the seed: the bundled corpus imported and CC-CEDICT loaded, vacuumed into *out*."""
    from policyreader.services.context import AppContext

    with tempfile.TemporaryDirectory() as tmp:
        ctx = AppContext(replace(resolve_paths(Path(tmp) / "data"), seed=None))
        ctx.library.ensure_bundled()
        ctx.engine.dictionary.headwords()
        out.parent.mkdir(parents=True, exist_ok=True)
        part = out.with_name(f".{out.name}.{os.getpid()}.part")
        part.unlink(missing_ok=True)
        ctx.engine.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ctx.engine.db.execute("VACUUM INTO ?", [str(part)])
        ctx.close()
        os.replace(part, out)


def main() -> int:
    out = seed_database()
    if out is None:
        print("policyreader: no seed library to build (POLICYREADER_SEED_DB is empty)", file=sys.stderr)
        return 0
    build(out)
    print(f"built the seed library {out} ({out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
