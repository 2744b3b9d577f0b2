"""File formats in: one entry point, :func:`read_document`, that turns a file into paragraphs.

This package owns reading the files a user brings (plain text and Markdown in any common Chinese
encoding, HTML pages, Word .docx, PDF, TMX translation memories) into an :class:`ImportedDocument`.
It knows nothing of Qt or the database and imports only ``policyreader.core``. Every problem with
the input (missing, too large, wrong type, damaged, undecodable, hostile) is an :class:`ImportFailure`
whose text names the file, the place and what to do; no other exception escapes for bad input.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .base import MAX_BYTES, ImportedDocument, ImportFailure
from .text import decode_text, read_text


# The heavier readers (python-docx, pdfminer, the HTML and TMX parsers) load on first use, so that
# starting the app does not pay for formats it may never read.
def read_docx(data: bytes, name: str) -> ImportedDocument:
    from .docx import read_docx as reader

    return reader(data, name)


def read_html(data: bytes, name: str) -> ImportedDocument:
    from .html import read_html as reader

    return reader(data, name)


def read_pdf(data: bytes, name: str) -> ImportedDocument:
    from .pdf import read_pdf as reader

    return reader(data, name)


def read_tmx(data: bytes, name: str) -> ImportedDocument:
    from .tmx import read_tmx as reader

    return reader(data, name)

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_EXTENSIONS",
    "ImportFailure",
    "ImportedDocument",
    "decode_text",
    "read_document",
]

SUPPORTED_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".tmx")

_READERS: dict[str, Callable[[bytes, str], ImportedDocument]] = {
    ".txt": lambda data, name: read_text(data, name, "txt"),
    ".md": lambda data, name: read_text(data, name, "md"),
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".tmx": read_tmx,
}


def _too_large(size: int, name: str) -> ImportFailure:
    return ImportFailure(
        f"file is too large: {size:,} bytes ({size / 1024 / 1024:.1f} MB); the limit is {MAX_BYTES:,} bytes "
        f"({MAX_BYTES // 1024 // 1024} MB) — split the document or import only the part you need", name)


def _os_failure(exc: OSError, name: str) -> ImportFailure:
    if isinstance(exc, FileNotFoundError):
        return ImportFailure("file not found; check the path and that the file still exists", name)
    if isinstance(exc, PermissionError):
        return ImportFailure("permission denied; check that you may read this file", name)
    if isinstance(exc, IsADirectoryError):
        return ImportFailure("this is a folder, not a file; choose a document file", name)
    return ImportFailure(
        f"cannot read the file ({exc.strerror or exc}); check the disk or copy the file somewhere local",
        name)


def _file_size(path: Path, name: str) -> int:
    try:
        if path.is_dir():
            raise IsADirectoryError(path)
        return path.stat().st_size
    except OSError as exc:
        raise _os_failure(exc, name) from None


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(MAX_BYTES + 1)  # a file that grew since stat() is still caught below
    except OSError as exc:
        raise _os_failure(exc, name) from None


def read_document(path: Path, *, data: bytes | None = None) -> ImportedDocument:
    """Read the file at *path* (or the given *data*, named by *path*) according to its extension.

    Raises :class:`ImportFailure` for any problem with the file; ``str(exc)`` is fit to show the user.
    """
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    size = len(data) if data is not None else _file_size(path, name)
    reader = _READERS.get(suffix)
    if reader is None:
        raise ImportFailure(
            f"unsupported file type '{suffix or '(no extension)'}'; PolicyReader imports "
            f"{', '.join(SUPPORTED_EXTENSIONS)} — save the document in one of these formats", name)
    if size > MAX_BYTES:
        raise _too_large(size, name)
    if data is None:
        data = _read_bytes(path, name)
        if len(data) > MAX_BYTES:
            raise _too_large(len(data), name)
    try:
        return reader(data, name)
    except ImportFailure:
        raise
    except RecursionError:
        raise ImportFailure("the file is nested too deeply to read (it may be damaged or hostile)",
                            name) from None
    except Exception as exc:
        # A parser failing in a way none of the importers anticipated: still a bad file for the user,
        # with the cause chained for the log.
        raise ImportFailure(
            f"unexpected error while reading the file ({type(exc).__name__}: {exc}); it may be damaged "
            "or use a feature PolicyReader does not support — please report it with the file", name) from exc
