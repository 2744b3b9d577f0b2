"""Where things live: the data directory, the cache, and the bundled glossary and corpus.

Settings are declared once here. The data directory is, in order: an explicit argument
(``--data-dir``), ``POLICYREADER_DATA_DIR``, or the platform's user data directory. The bundled glossary
and corpus are read from the checkout, or, in the self-contained app that ``make dist`` builds, from the
app's own folder; ``POLICYREADER_GLOSSARY_DIR`` and ``POLICYREADER_DOCS_CORPUS_DIR`` override either.
"""

from __future__ import annotations

import os
import sys
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


def bundle_root() -> Path:
    """The folder that holds ``glossary/`` and ``docs_corpus/``: the checkout, or in an app frozen by
    PyInstaller the folder it unpacked its data to (``sys._MEIPASS``, ``_internal/`` beside the program)."""
    unpacked = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and unpacked:
        return Path(unpacked)
    return _PROJECT_ROOT


def bundled_dir(name: str) -> Path:
    """A bundled data folder (``glossary`` or ``docs_corpus``), unless the environment names another."""
    env = os.environ.get(f"POLICYREADER_{name.upper()}_DIR")
    return Path(env) if env else bundle_root() / name


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
