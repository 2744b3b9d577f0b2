"""Compressed input that would inflate into gigabytes (zip and deflate bombs) is refused before a parser
holds it; real files of the same formats still read."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import pytest

from policyreader.formats import ImportFailure, read_document
from policyreader.formats.inflate import MAX_INFLATED, MAX_XML_PART, check_pdf_streams, check_zip

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "importers"
DOCX = FIXTURES / "shanghai.docx"
PDF = FIXTURES / "shanghai.pdf"
PARAGRAPH = ("<w:p><w:r><w:t>" + "社会信用体系建设" * 20 + "</w:t></w:r></w:p>").encode()


def _docx_with(member: str, size: int) -> bytes:
    """The fixture .docx with *member* made to inflate to *size* bytes of real Word paragraphs."""
    out = io.BytesIO()
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info, src.read(info))
        with dst.open(member, "w", force_zip64=True) as w:
            block = PARAGRAPH * 4000
            for _ in range(size // len(block) + 1):
                w.write(block)
    return out.getvalue()


def test_a_docx_whose_text_part_inflates_past_the_limit_is_refused() -> None:
    data = _docx_with("word/document.xml", MAX_XML_PART + 2**20)
    assert len(data) < MAX_XML_PART // 50  # a small file …
    with pytest.raises(ImportFailure, match=r"refused: its part word/document.xml would inflate to 6\d MB \(the limit is 64 MB\)"):
        read_document(Path("bomb.docx"), data=data)


def test_a_docx_whose_parts_together_inflate_past_the_limit_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        for n in range(5):  # pictures are not XML: only their sum is bounded
            dst.writestr(f"word/media/image{n}.png", b"\0" * (MAX_INFLATED // 4))
    with pytest.raises(ImportFailure, match="would inflate to more than 256 MB"):
        check_zip(out.getvalue(), "pictures.docx")


def test_a_zip_that_lies_about_a_member_size_cannot_inflate_further() -> None:
    """zipfile stops at the size a member declares, so the declared sizes bound what a reader gets."""
    real = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload = real.compress(b"\0" * 10**7) + real.flush()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("small.xml", b"\0" * 1000)
    raw = bytearray(out.getvalue())
    # replace the member's compressed data by a 10 MB bomb, keeping the declared 1000 bytes
    local = raw.index(b"PK\x03\x04")
    name_len, extra_len = int.from_bytes(raw[local + 26:local + 28], "little"), int.from_bytes(
        raw[local + 28:local + 30], "little")
    start = local + 30 + name_len + extra_len
    old_size = int.from_bytes(raw[local + 18:local + 22], "little")
    raw[start:start + old_size] = payload
    for at in (local + 18, raw.index(b"PK\x01\x02") + 20):
        raw[at:at + 4] = len(payload).to_bytes(4, "little")
    cd = raw.index(b"PK\x01\x02")
    eocd = raw.index(b"PK\x05\x06")
    raw[eocd + 16:eocd + 20] = cd.to_bytes(4, "little")
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as z, z.open("small.xml") as f:
        assert len(f.read()) == 1000  # not the 10 MB its data inflates to


def _pdf_with_stream(inflated: int) -> bytes:
    data = PDF.read_bytes()
    comp = zlib.compressobj(9)
    payload = b"".join(comp.compress(b"\0" * 2**24) for _ in range(inflated // 2**24)) + comp.flush()
    obj = b"999 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream\nendobj\n" % (len(payload),
                                                                                             payload)
    end = data.rfind(b"%%EOF")
    return data[:end] + obj + data[end:]


def test_a_pdf_whose_streams_inflate_past_the_limit_is_refused() -> None:
    data = _pdf_with_stream(MAX_INFLATED + 2**24)
    assert len(data) < 2 * 2**20
    with pytest.raises(ImportFailure, match="compressed streams would inflate to more than 256 MB"):
        read_document(Path("bomb.pdf"), data=data)


def test_real_files_pass_the_checks() -> None:
    check_zip(DOCX.read_bytes(), DOCX.name)
    check_pdf_streams(PDF.read_bytes(), PDF.name)
    check_pdf_streams(_pdf_with_stream(2**24), "bigger.pdf")  # 16 MB inflated is within bounds
    assert read_document(DOCX).paragraphs and read_document(PDF).paragraphs
