"""Data built at build time so that the frozen app does no slow set-up on a user's first start.

* jieba's dictionary cache, built by the same jieba and Python the bundle ships (its format is Python's
  ``marshal``, which changes between Python versions);
* CC-CEDICT as a ready SQLite table (:func:`policyreader.storage.dictionary.write_cedict_database`): a
  first lookup copies it into the user's database in about 0.3 s instead of parsing the data file (5–6 s).

Both go to ``policyreader/data`` in the bundle, where :mod:`policyreader.core.resources` finds them.
"""

from __future__ import annotations

from pathlib import Path

from policyreader.core.resources import CEDICT_DATABASE, JIEBA_CACHE
from policyreader.core.segmenter import Segmenter
from policyreader.storage.dictionary import write_cedict_database


def build(out: Path) -> list[Path]:
    """Write the prebuilt files into *out*; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    cache = out / JIEBA_CACHE
    cache.unlink(missing_ok=True)
    Segmenter(out).warm_up()  # jieba writes its cache into the segmenter's cache directory
    if not cache.is_file():
        raise RuntimeError(f"jieba did not write its cache to {cache}")
    write_cedict_database(out / CEDICT_DATABASE)
    return [cache, out / CEDICT_DATABASE]
