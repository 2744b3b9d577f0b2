"""Where things live: the data directory, the cache, and the bundled glossary and corpus.

Settings are declared once here. The data directory is, in order: an explicit argument
(``--data-dir``), ``POLICYREADER_DATA_DIR``, or the platform's user data directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from policyreader.storage.schema import DB_FILE

APP_NAME = "PolicyReader"
ENV_DATA_DIR = "POLICYREADER_DATA_DIR"
ENV_SEED = "POLICYREADER_SEED_DB"
_PROJECT_ROOT = Path(__file__).resolve().parents[3]
_SEED = Path(__file__).resolve().parents[1] / "data" / "seed" / "library.db"


@dataclass(frozen=True)
class AppPaths:
    """Resolved locations for one run of the app."""

    data_dir: Path
    cache_dir: Path
    glossary_dir: Path
    corpus_dir: Path
    seed: Path | None = None  # a library built at install time, the start of every new data directory

    @property
    def database(self) -> Path:
        return self.data_dir / DB_FILE


def bundled_dir(name: str) -> Path:
    """A bundled data folder (``glossary`` or ``docs_corpus``) of the source tree."""
    env = os.environ.get(f"POLICYREADER_{name.upper()}_DIR")
    return Path(env) if env else _PROJECT_ROOT / name


def resolve_paths(data_dir: str | Path | None = None) -> AppPaths:
    """Resolve every location, honouring an explicit data dir and the environment."""
    chosen = data_dir or os.environ.get(ENV_DATA_DIR)
    if chosen:
        base = Path(chosen).expanduser().resolve()
        cache = base / "cache"
    else:
        base = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        cache = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    return AppPaths(base, cache, bundled_dir("glossary"), bundled_dir("docs_corpus"), seed_database())


def seed_database() -> Path | None:
    """The library ``make install`` builds (``services/seed.py``): ``POLICYREADER_SEED_DB`` if set (empty
    for none), else ``data/seed/library.db`` in the package."""
    env = os.environ.get(ENV_SEED)
    if env is not None:
        return Path(env) if env else None
    return _SEED
