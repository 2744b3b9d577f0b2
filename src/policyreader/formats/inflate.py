"""How far compressed input may expand: a small file must not turn into gigabytes in memory.

A .docx is a zip archive and a PDF holds deflate-compressed streams; either can be built to inflate a
thousandfold (a "zip bomb"). Before a parser sees such a file, the sizes its parts declare (zip) or
actually inflate to (PDF streams, inflated here with a budget, never in full) are added up and the
file is refused past :data:`MAX_INFLATED`. Python's zipfile never returns more than a member's
declared size, so the declarations bound what python-docx can read.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from .base import ImportFailure

MAX_INFLATED = 256 * 1024 * 1024
"""What all the parts of one file may inflate to, together."""
MAX_XML_PART = 64 * 1024 * 1024
"""What one XML part of an archive may inflate to: its parsed tree takes several times as much memory."""
MAX_MEMBERS = 10_000


def _refuse(name: str, what: str) -> ImportFailure:
    return ImportFailure(f"refused: {what}; the file may be damaged or hostile (a 'zip bomb') — save it again "
                         "from the program that made it, or import its text as .txt", name)


def check_zip(data: bytes, name: str) -> None:
    """Refuse an archive whose members would inflate past the limits. A damaged archive is left to the
    format's own reader, which names it as damaged."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        return
    if len(members) > MAX_MEMBERS:
        raise _refuse(name, f"the archive has {len(members):,} parts (the limit is {MAX_MEMBERS:,})")
    total = 0
    for m in members:
        if m.filename.lower().endswith((".xml", ".rels")) and m.file_size > MAX_XML_PART:
            raise _refuse(name, f"its part {m.filename} would inflate to {m.file_size / 2**20:,.0f} MB (the "
                          f"limit is {MAX_XML_PART // 2**20} MB)")
        total += m.file_size
        if total > MAX_INFLATED:
            raise _refuse(name, f"its {len(data) / 2**20:,.1f} MB would inflate to more than "
                          f"{MAX_INFLATED // 2**20} MB")


_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1024 * 1024


def check_pdf_streams(data: bytes, name: str) -> None:
    """Refuse a PDF whose deflate-compressed streams inflate past :data:`MAX_INFLATED` together.

    Each stream is inflated with the remaining budget as its output limit, so a bomb is found after
    inflating at most the budget, never its full size. Streams that are not deflate data (images,
    encrypted content) do not inflate and count for nothing.
    """
    budget = MAX_INFLATED
    for m in _STREAM.finditer(data):
        start = m.end()
        if start >= len(data) or data[start] & 0x0F != 8:  # not a zlib header (compression method 8, deflate)
            continue
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        inflater = zlib.decompressobj()
        pending: bytes | memoryview = memoryview(data)[start:end]
        try:
            while True:  # a megabyte at a time, counted and dropped: memory stays flat
                out = inflater.decompress(pending, _CHUNK)
                budget -= len(out)
                if budget < 0:
                    raise _refuse(name, f"its compressed streams would inflate to more than "
                                  f"{MAX_INFLATED // 2**20} MB")
                if inflater.eof or not out:  # the stream ended (what follows is "endstream"), or no progress
                    break
                pending = inflater.unconsumed_tail
        except zlib.error:
            continue
