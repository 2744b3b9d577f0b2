"""File formats in and out. :mod:`policyreader.formats.registry` declares every format once; this
module reads the files a user brings.

:func:`read_document` turns a document file (plain text and Markdown in any common Chinese encoding,
HTML pages, Word .docx, PDF, TMX translation memories) into an :class:`ImportedDocument`;
:func:`read_termbase` turns a termbase (TBX, TSV, CSV, JSON) into glossary entries. Writers live with
their format's reader (``termbase/``, ``annotations``, ``reports``). This package knows nothing of the
database and imports only ``policyreader.core``; Qt only inside the PDF writer. Every problem with the
input (missing, too large, wrong type, damaged, undecodable, hostile) is an :class:`ImportFailure`
whose text names the file, the place and what to do; no other exception escapes for bad input.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from policyreader.core.glossary import GlossaryEntry

from .base import MAX_BYTES, MAX_CHARS, ImportedDocument, ImportFailure, check_length
from .registry import Format, Kind, for_path
from .text import decode_text

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "ImportFailure",
    "ImportedDocument",
    "decode_text",
    "read_bytes",
    "read_document",
    "read_termbase",
]


def _too_large(size: int, name: str, limit: int = MAX_BYTES) -> ImportFailure:
    return ImportFailure(
        f"file is too large: {size:,} bytes ({size / 1024 / 1024:.1f} MB); the limit is {limit:,} bytes "
        f"({limit // 1024 // 1024} MB) — split it, or import only the part you need", name)


def _os_failure(exc: OSError, name: str) -> ImportFailure:
    if isinstance(exc, FileNotFoundError):
        return ImportFailure("file not found; check the path and that the file still exists", name)
    if isinstance(exc, PermissionError):
        return ImportFailure("permission denied; check that you may read this file", name)
    if isinstance(exc, IsADirectoryError):
        return ImportFailure("this is a folder, not a file; choose a file in it", name)
    return ImportFailure(
        f"cannot read the file ({exc.strerror or exc}); check the disk or copy the file somewhere local",
        name)


_SPECIAL = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _check_regular(mode: int, name: str) -> None:
    """Only an ordinary file is read: a folder is named as such; a FIFO, device or socket could block
    for ever or never end (its size says 0), so it is refused before anything is read from it."""
    if stat.S_ISDIR(mode):
        raise _os_failure(IsADirectoryError(name), name)
    if not stat.S_ISREG(mode):
        what = next((label for test, label in _SPECIAL if test(mode)), "not an ordinary file")
        raise ImportFailure(f"this is {what}, not an ordinary file; PolicyReader reads only files — save the "
                            "content to a file and use that", name)


def _file_size(path: Path, name: str) -> int:
    try:
        st = os.stat(path)
    except OSError as exc:
        raise _os_failure(exc, name) from None
    _check_regular(st.st_mode, name)
    return st.st_size


def read_bytes(path: Path, name: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a user's file, at most *limit*; every problem an :class:`ImportFailure`.

    The file is checked before it is opened and again through the open descriptor (opened without
    blocking), so a FIFO swapped in between cannot make the read wait for ever.
    """
    size = _file_size(path, name)
    if size > limit:
        raise _too_large(size, name, limit)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise _os_failure(exc, name) from None
    try:
        _check_regular(os.fstat(fd).st_mode, name)
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limit + 1)  # a file that grew since stat() is still caught below
    except OSError as exc:
        raise _os_failure(exc, name) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise _too_large(len(data), name, limit)
    return data


def read_with(fmt: Format, data: bytes, name: str) -> object:
    """Run *fmt*'s reader; anything it did not anticipate still becomes an ImportFailure."""
    reader = fmt.read_function()
    try:
        return reader(data, name)
    except ImportFailure:
        raise
    except RecursionError:
        raise ImportFailure("the file is nested too deeply to read (it may be damaged or hostile)",
                            name) from None
    except Exception as exc:
        # A parser failing in a way none of the readers anticipated: still a bad file for the user,
        # with the cause chained for the log.
        raise ImportFailure(
            f"unexpected error while reading the file ({type(exc).__name__}: {exc}); it may be damaged "
            "or use a feature PolicyReader does not support — please report it with the file", name) from exc


def read_document(path: Path, *, data: bytes | None = None) -> ImportedDocument:
    """Read the document at *path* (or the given *data*, named by *path*) according to its extension.

    Raises :class:`ImportFailure` for any problem with the file; ``str(exc)`` is fit to show the user.
    """
    path = Path(path)
    name = str(path)
    if data is None:
        _file_size(path, name)  # a missing file or a folder is named as such before its extension
    fmt = for_path(Kind.DOCUMENT, path)
    if data is None:
        data = read_bytes(path, name)
    elif len(data) > MAX_BYTES:
        raise _too_large(len(data), name)
    doc = read_with(fmt, data, name)
    assert isinstance(doc, ImportedDocument)
    check_length(sum(len(p.text) for p in doc.paragraphs), name)  # whatever the format
    check_length(sum(len(t) for t in doc.translation or []), name)
    return doc


def read_termbase(path: Path) -> list[GlossaryEntry]:
    """Read the glossary entries of a TBX, TSV/TXT, CSV or JSON file, checked and with ids.

    Raises :class:`ImportFailure` for any problem with the file; ``str(exc)`` is fit to show the user.
    """
    from .termbase.common import finish_entries

    path = Path(path)
    name = str(path)
    fmt = for_path(Kind.TERMBASE, path)
    entries = read_with(fmt, read_bytes(path, name), name)
    assert isinstance(entries, list)
    return finish_entries(entries, name)
