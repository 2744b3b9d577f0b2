"""Importing a folder of documents (``policyreader import DIR``): every supported file under it, in
order, each as its own document.

Files are read and analysed one by one, then written a batch at a time: a batch is one write
transaction (``BEGIN IMMEDIATE``) in which each document's duplicate check, choice of id and insert are
made together, as for a single import. Committing batches instead of single documents keeps a large
import close to the segmenter's own speed. A file that cannot be imported is reported and skipped; the
others are imported. Nothing of a batch is half-written: a failure while writing undoes that batch.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policyreader.core.errors import UserError
from policyreader.services.formats import Kind, extensions
from policyreader.services.library import ImportResult, Library, PreparedImport
from policyreader.storage.schema import write_transaction

BATCH_CHARACTERS = 1_000_000
"""Text written per transaction (about 300 laws of average length; under a second of writing)."""


@dataclass
class FolderItem:
    """What happened to one file: its result, or why it was skipped."""

    path: str
    result: ImportResult | None = None
    error: str = ""

    def to_json(self) -> dict[str, Any]:
        if self.result is None:
            return {"path": self.path, "error": self.error}
        return {"path": self.path, **self.result.to_json()}


@dataclass
class FolderSummary:
    """Counts of a folder import."""

    files: int = 0
    imported: int = 0
    duplicates: int = 0
    failed: int = 0
    segments: int = 0

    def add(self, item: FolderItem) -> None:
        self.files += 1
        if item.result is None:
            self.failed += 1
        elif item.result.duplicate:
            self.duplicates += 1
        else:
            self.imported += 1
            self.segments += item.result.segments


def document_files(folder: Path) -> list[Path]:
    """Every entry under *folder* (recursively; hidden files and folders, and links to folders, left out)
    with a document format's extension, in path order. Entries that are not regular files are kept: the
    importer reports each of them."""
    known = set(extensions(Kind.DOCUMENT))
    found: list[Path] = []
    for here, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(here) / n for n in names if not n.startswith(".") and Path(n).suffix.lower() in known)
    return sorted(found)


def import_folder(library: Library, folder: str | Path, progress: Callable[[int, int, FolderItem], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Iterator[FolderItem]:
    """Import every document file under *folder*; yields each file's outcome as it is settled (in path
    order), and calls *progress(done, total, item)* for each. Stops between files when *cancelled*
    returns True; what was imported before stays."""
    root = Path(folder)
    if not root.is_dir():
        raise UserError(f"{root}: not a folder")
    library.repo.require_writable()  # a read-only library is refused before any file is read
    files = document_files(root)
    done = 0
    pending: list[tuple[Path, PreparedImport | FolderItem]] = []
    size = 0

    def settle() -> Iterator[FolderItem]:
        nonlocal done, size
        items: list[FolderItem] = []
        ready = [(p, x) for p, x in pending if isinstance(x, PreparedImport)]
        stored: dict[Path, ImportResult] = {}
        if ready:
            with write_transaction(library.repo.db):
                for path, x in ready:
                    stored[path] = library.add_prepared(x)
        for path, outcome in pending:
            items.append(outcome if isinstance(outcome, FolderItem) else FolderItem(str(path), stored[path]))
        pending.clear()
        size = 0
        for item in items:
            done += 1
            if progress is not None:
                progress(done, len(files), item)
            yield item

    for path in files:
        if cancelled is not None and cancelled():
            break
        try:
            prepared = library.prepare(path)
        except UserError as exc:
            pending.append((path, FolderItem(str(path), error=str(exc))))
            continue
        if isinstance(prepared, ImportResult):  # already in the library
            pending.append((path, FolderItem(str(path), prepared)))
            continue
        pending.append((path, prepared))
        size += sum(len(s.zh) + len(s.en) for s in prepared.segments)
        if size >= BATCH_CHARACTERS:
            yield from settle()
    yield from settle()
