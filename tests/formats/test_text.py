"""Text and Markdown import: the encodings of real Chinese files, the provenance header, bad files refused."""

from __future__ import annotations

import random
from pathlib import Path

import opencc
import pytest

from policyreader.core.document import Paragraph, parse_source
from policyreader.formats import (
    MAX_BYTES,
    ImportFailure,
    decode_text,
    read_document,
)
from policyreader.formats.registry import Kind, extensions
from policyreader.formats.text import plausibility

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "docs_corpus"
FIXTURES = ROOT / "tests" / "fixtures" / "importers"
SHANGHAI = CORPUS / "shanghai_social_credit_regulations_2017.zh.txt"
TO_TRADITIONAL = opencc.OpenCC("s2tw")


def shanghai_excerpt() -> str:
    """The first 40 lines of the Shanghai regulations: the text every shanghai_* fixture encodes."""
    return "\n".join(SHANGHAI.read_text(encoding="utf-8").split("\n")[:40]) + "\n"


def corpus_texts() -> list[Path]:
    return sorted(CORPUS.glob("*.zh.txt"))


@pytest.mark.parametrize(("name", "encoding"), [
    ("shanghai_utf8.txt", "utf-8"),
    ("shanghai_utf8_bom.txt", "utf-8-sig"),
    ("shanghai_utf16.txt", "utf-16"),
    ("shanghai_gb18030.txt", "gb18030"),
])
def test_simplified_text_in_each_encoding_gives_the_corpus_paragraphs(name: str, encoding: str) -> None:
    expected = parse_source(shanghai_excerpt())
    doc = read_document(FIXTURES / name)
    assert doc.encoding == encoding
    assert doc.detected_by == "strict"
    assert doc.format == "txt"
    assert doc.paragraphs == expected.paragraphs
    assert doc.paragraphs[0] == Paragraph("上海市社会信用条例", 1)
    assert doc.paragraphs[2] == Paragraph("第一章 总则", 2)
    assert doc.translation is None


def test_provenance_header_becomes_metadata_not_paragraphs() -> None:
    doc = read_document(FIXTURES / "shanghai_gb18030.txt")
    assert doc.metadata["document"] == "上海市社会信用条例"
    assert doc.metadata["source"].startswith("https://github.com/LawRefBook/Laws")
    assert set(doc.metadata) == {"source", "document", "document number / issuer", "completeness",
                                 "license note"}
    assert not any(p.text.startswith(("SOURCE:", "LICENSE NOTE:", "----")) for p in doc.paragraphs)


def test_big5_traditional_text_is_read_as_big5() -> None:
    expected = [Paragraph(TO_TRADITIONAL.convert(p.text), p.level)
                for p in parse_source(shanghai_excerpt()).paragraphs]
    doc = read_document(FIXTURES / "shanghai_big5.txt")
    assert doc.encoding == "big5"
    assert doc.detected_by == "strict"
    assert doc.paragraphs == expected
    assert doc.paragraphs[3].text.startswith("第一條 為了完善社會主義市場經濟體制")


def test_markdown_file_keeps_heading_levels() -> None:
    source = (CORPUS / "zhejiang_public_credit_info_regulations_2017.zh.txt").read_text(encoding="utf-8")
    expected = parse_source("\n".join(source.split("\n")[:30]) + "\n")
    doc = read_document(FIXTURES / "zhejiang_excerpt.md")
    assert doc.format == "md"
    assert doc.encoding == "utf-8"
    assert doc.paragraphs == expected.paragraphs
    assert doc.paragraphs[0] == Paragraph("浙江省公共信用信息管理条例", 1)
    assert [p.text for p in doc.paragraphs if p.level == 2][0] == "第一章 总则"


@pytest.mark.parametrize("path", corpus_texts(), ids=lambda p: p.name.split(".")[0])
def test_whole_corpus_documents_are_told_apart_in_gb18030_and_big5(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    traditional = TO_TRADITIONAL.convert(text)
    assert decode_text(text.encode("gb18030")) == (text, "gb18030", "strict")
    assert decode_text(traditional.encode("big5")) == (traditional, "big5", "strict")


def test_every_corpus_paragraph_alone_is_told_apart_in_gb18030_and_big5() -> None:
    """The hard case: short texts (a chapter heading is 6 characters) in either legacy encoding."""
    paragraphs = [p.text for path in corpus_texts()
                  for p in parse_source(path.read_text(encoding="utf-8")).paragraphs]
    assert len(paragraphs) > 1000
    wrong = []
    for text in paragraphs:
        traditional = TO_TRADITIONAL.convert(text)
        for data, original, encoding in ((text.encode("gb18030"), text, "gb18030"),
                                         (traditional.encode("big5"), traditional, "big5")):
            decoded, found, _ = decode_text(data)
            if (decoded, found) != (original, encoding):
                wrong.append((encoding, found, original))
    assert wrong == []


def test_plausibility_separates_real_text_from_mis_decoded_bytes() -> None:
    text = parse_source(shanghai_excerpt()).paragraphs[3].text
    big5_bytes = TO_TRADITIONAL.convert(text).encode("big5")
    assert plausibility(text) == 1.0
    assert plausibility(big5_bytes.decode("gb18030")) < 0.5  # what GB18030 makes of Big5 bytes
    assert plausibility("hello") == 1.0  # nothing non-ASCII to judge


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(codec: str) -> None:
    text = shanghai_excerpt()
    assert decode_text(text.encode(codec)) == (text, codec, "strict")


def test_text_in_another_legacy_encoding_falls_back_to_charset_normalizer() -> None:
    text = "Le règlement est entré en vigueur. Résumé: la société a été sanctionnée à Genève.\n" * 5
    decoded, encoding, detected_by = decode_text(text.encode("cp1252"))
    # Neither UTF-8 nor the Chinese encodings fit, so the statistical detector chooses; which Latin
    # code page it picks for a short text is its call (cp1252 and cp1250 differ only in the accents).
    assert detected_by == "charset-normalizer"
    assert encoding not in {"utf-8", "gb18030", "big5", "cp950"}
    assert len(decoded) == len(text)
    assert [c for c in decoded if c.isascii()] == [c for c in text if c.isascii()]


# -- bad files ----------------------------------------------------------------------------------


def test_empty_file_is_refused() -> None:
    with pytest.raises(ImportFailure) as exc:
        read_document(FIXTURES / "empty.txt")
    assert "empty.txt" in str(exc.value)
    assert "file is empty" in exc.value.message


def test_whitespace_only_file_is_refused_as_empty() -> None:
    with pytest.raises(ImportFailure) as exc:
        read_document(FIXTURES / "whitespace_only.txt")
    assert "whitespace_only.txt" in str(exc.value)
    assert "file is empty" in exc.value.message


def test_binary_file_is_refused_with_the_byte_offset() -> None:
    with pytest.raises(ImportFailure) as exc:
        read_document(FIXTURES / "binary.txt")
    assert "binary.txt" in str(exc.value)
    assert "not a text file" in exc.value.message
    assert exc.value.where == "byte 8"  # the first NUL after the 8-byte PNG signature
    assert ".docx, .pdf, .html" in exc.value.message  # what to do instead


def test_terminal_escape_codes_are_not_text() -> None:
    with pytest.raises(ImportFailure) as exc:
        decode_text("第一条\x1b[0m 总则".encode(), "log.txt")
    assert exc.value.where == f"byte {len('第一条'.encode())}"
    assert "U+001B" in exc.value.message


def test_undecodable_bytes_list_what_was_tried() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(ImportFailure) as exc:
        decode_text(data, "noise.txt")
    message = str(exc.value)
    assert message.startswith("noise.txt: byte ")
    assert "cannot decode: tried utf-8 (invalid byte" in message
    assert "gb18030" in message and "big5" in message and "charset-normalizer" in message
    assert "save the file as UTF-8" in message


def test_damaged_utf16_after_a_bom_names_the_byte() -> None:
    with pytest.raises(ImportFailure) as exc:
        decode_text(b"\xff\xfe" + "第一条".encode("utf-16-le") + b"\x00", "cut.txt")
    assert exc.value.where == "byte 8"
    assert "byte-order mark" in exc.value.message


# -- read_document itself -----------------------------------------------------------------------


def test_import_failure_formats_path_where_and_message() -> None:
    assert str(ImportFailure("bad", "a.tmx", "line 3")) == "a.tmx: line 3: bad"
    assert str(ImportFailure("bad", "a.tmx")) == "a.tmx: bad"
    assert str(ImportFailure("bad", where="byte 9")) == "byte 9: bad"
    assert str(ImportFailure("bad")) == "bad"


def test_missing_file_is_an_import_failure() -> None:
    missing = FIXTURES / "no_such_file.txt"
    with pytest.raises(ImportFailure) as exc:
        read_document(missing)
    assert str(exc.value) == f"{missing}: file not found; check the path and that the file still exists"


def test_folder_is_an_import_failure() -> None:
    with pytest.raises(ImportFailure, match="folder, not a file"):
        read_document(FIXTURES)


def test_unsupported_extension_lists_the_supported_ones() -> None:
    with pytest.raises(ImportFailure) as exc:
        read_document(Path("notes.rtf"), data=b"{\\rtf1}")
    assert "unsupported file type '.rtf'" in exc.value.message
    assert all(ext in exc.value.message for ext in extensions(Kind.DOCUMENT))


def test_too_large_file_is_refused_naming_size_and_limit(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: takes no disk space
    with pytest.raises(ImportFailure) as exc:
        read_document(big)
    assert "huge.txt" in str(exc.value)
    assert f"{MAX_BYTES + 1:,} bytes" in exc.value.message
    assert f"the limit is {MAX_BYTES:,} bytes (50 MB)" in exc.value.message


def test_data_can_be_given_instead_of_a_file() -> None:
    data = (FIXTURES / "shanghai_gb18030.txt").read_bytes()
    doc = read_document(Path("upload/shanghai.TXT"), data=data)
    assert doc.encoding == "gb18030"
    assert doc.paragraphs == parse_source(shanghai_excerpt()).paragraphs


def test_unreadable_file_is_an_import_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("第一条")

    def refuse(path: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("policyreader.formats.os.open", refuse)  # as root, chmod 0 would not stop the read
    with pytest.raises(ImportFailure) as exc:
        read_document(locked)
    assert str(exc.value) == f"{locked}: permission denied; check that you may read this file"


def _aligned(doc: str) -> list[tuple[str, str]]:
    from policyreader.core.bilingual import parse_aligned

    blocks = parse_aligned((CORPUS / f"{doc}.aligned.txt").read_text(encoding="utf-8"))
    return [(" ".join(b.zh), " ".join(b.en)) for b in blocks if b.zh and b.en]


def test_hard_wrapped_english_is_unwrapped_into_its_paragraphs(tmp_path: Path) -> None:
    import textwrap

    english = [en for _zh, en in _aligned("zhengxin_industry_regulation_2013")][:40]
    path = tmp_path / "translation.txt"
    path.write_text("\n\n".join(textwrap.fill(p, 72) for p in english) + "\n", encoding="utf-8")
    assert sum(p.count("\n") for p in path.read_text().split("\n\n")) > 40  # really wrapped
    assert [p.text for p in read_document(path).paragraphs] == english


def test_hard_wrapped_chinese_from_a_pdf_is_unwrapped(tmp_path: Path) -> None:
    chinese = [zh for zh, _en in _aligned("zhejiang_public_credit_info_regulations_2017")][3:30]
    wrapped = ["\n".join(p[i:i + 38] for i in range(0, len(p), 38)) for p in chinese]
    path = tmp_path / "law.txt"
    path.write_text("\n\n".join(wrapped) + "\n", encoding="utf-8")
    assert [p.text for p in read_document(path).paragraphs] == chinese


def test_one_paragraph_per_line_stays_so_even_with_blank_lines_between_chapters(tmp_path: Path) -> None:
    lines = [zh for zh, _en in _aligned("zhengxin_industry_regulation_2013")]
    text = "\n".join(f"\n{z}\n" if z.startswith("第") and "章" in z[:5] else z for z in lines)
    path = tmp_path / "law.txt"
    path.write_text(text, encoding="utf-8")
    assert [p.text for p in read_document(path).paragraphs] == lines
    english = [en for _zh, en in _aligned("zhengxin_industry_regulation_2013")]
    path.write_text("\n".join(english), encoding="utf-8")
    assert [p.text for p in read_document(path).paragraphs] == english


def test_a_line_that_plainly_continues_the_one_before_is_joined(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Article 1 These Regulations are formulated\nin order to regulate credit reporting.\n"
                    "Article 2 They apply to credit reporting.\n", encoding="utf-8")
    assert [p.text for p in read_document(path).paragraphs] == [
        "Article 1 These Regulations are formulated in order to regulate credit reporting.",
        "Article 2 They apply to credit reporting."]
