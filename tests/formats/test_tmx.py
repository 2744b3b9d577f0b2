"""TMX import: Chinese segments with their English, hostile XML refused before it is expanded."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyreader.core.bilingual import parse_aligned
from policyreader.core.document import Paragraph
from policyreader.formats import ImportFailure, read_document

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "importers"
ALIGNED = ROOT / "docs_corpus" / "shanghai_social_credit_regulations_2017.aligned.txt"
TMX = FIXTURES / "shanghai.tmx"


def one_to_one_links() -> list[tuple[str, str]]:
    """The gold alignment's one-to-one links, in order: the fixture holds the first eleven."""
    blocks = parse_aligned(ALIGNED.read_text(encoding="utf-8"))
    return [(b.zh[0], b.en[0]) for b in blocks if len(b.zh) == 1 and len(b.en) == 1]


def tmx(body: str, header: str = '<header srclang="zh-CN" datatype="plaintext"/>') -> bytes:
    return f'<?xml version="1.0"?>\n<tmx version="1.4">{header}<body>{body}</body></tmx>'.encode()


def test_units_give_chinese_paragraphs_and_their_english() -> None:
    links = one_to_one_links()[:11]
    doc = read_document(TMX)
    assert doc.format == "tmx"
    assert doc.paragraphs == [Paragraph(zh) for zh, _ in links]
    # The last unit has no English <tuv>: its translation is empty, and the lists stay aligned.
    assert doc.translation == [en for _, en in links[:10]] + [""]
    assert doc.translation[0] == "Shanghai Municipal Social Credit Regulations"


def test_header_fields_become_metadata() -> None:
    doc = read_document(TMX)
    assert doc.metadata["srclang"] == "zh-CN"
    assert doc.metadata["creationtool"] == "PolicyReader test fixtures"
    assert doc.metadata["segtype"] == "paragraph"


def test_plain_doctype_line_is_accepted() -> None:
    assert b'<!DOCTYPE tmx SYSTEM "tmx14.dtd">' in TMX.read_bytes()
    assert len(read_document(TMX).paragraphs) == 11


def test_inline_codes_are_not_text() -> None:
    assert b'<bpt i="1" type="bold">&lt;b&gt;</bpt>' in TMX.read_bytes()
    assert Paragraph("第一章 总则") in read_document(TMX).paragraphs


def test_malformed_xml_names_line_and_column() -> None:
    with pytest.raises(ImportFailure) as exc:
        read_document(FIXTURES / "malformed.tmx")
    assert str(exc.value).startswith(f"{FIXTURES / 'malformed.tmx'}: line 7, column 45: malformed XML")
    assert "mismatched tag" in exc.value.message
    assert "export it again" in exc.value.message


def test_entity_bomb_is_refused_before_expansion() -> None:
    with pytest.raises(ImportFailure) as exc:
        read_document(FIXTURES / "entity_bomb.tmx")
    assert "entity_bomb.tmx" in str(exc.value)
    assert exc.value.message.startswith(
        "refused: the file declares XML entities/DTD (possible entity-expansion attack)")
    assert exc.value.where == "line 3"


def test_external_entity_is_refused_without_reading_the_target() -> None:
    with pytest.raises(ImportFailure) as exc:
        read_document(FIXTURES / "external_entity.tmx")
    message = str(exc.value)
    assert "external_entity.tmx" in message
    assert "refused: the file declares an external XML entity 'xxe' (file:///etc/passwd)" in message
    assert "root:" not in message


def test_srclang_picks_among_chinese_variants() -> None:
    body = ('<tu><tuv xml:lang="zh-CN"><seg>信用</seg></tuv><tuv xml:lang="zh-TW"><seg>信用（繁）</seg></tuv>'
            '<tuv xml:lang="en-GB"><seg>credit</seg></tuv></tu>')
    doc = read_document(Path("v.tmx"), data=tmx(body, '<header srclang="zh-TW"/>'))
    assert doc.paragraphs == [Paragraph("信用（繁）")]
    assert doc.translation == ["credit"]


def test_tmx_1_1_lang_attribute_and_hi_markup() -> None:
    body = ('<tu><tuv lang="ZH"><seg><hi type="b">失信</hi>被执行人</seg></tuv>'
            '<tuv lang="EN"><seg>defaulter</seg></tuv></tu>')
    doc = read_document(Path("old.tmx"), data=tmx(body))
    assert doc.paragraphs == [Paragraph("失信被执行人")]
    assert doc.translation == ["defaulter"]


def test_memory_without_chinese_is_refused_listing_its_languages() -> None:
    body = ('<tu><tuv xml:lang="en-US"><seg>credit</seg></tuv>'
            '<tuv xml:lang="fr-FR"><seg>crédit</seg></tuv></tu>')
    with pytest.raises(ImportFailure) as exc:
        read_document(Path("enfr.tmx"), data=tmx(body))
    assert "no Chinese segments found" in exc.value.message
    assert "en-US, fr-FR" in exc.value.message


def test_tuv_without_seg_names_the_unit() -> None:
    body = '<tu><tuv xml:lang="zh-CN"><seg>一</seg></tuv></tu><tu><tuv xml:lang="zh-CN"></tuv></tu>'
    with pytest.raises(ImportFailure) as exc:
        read_document(Path("broken.tmx"), data=tmx(body))
    assert exc.value.where == "<tu> #2"
    assert "has no <seg>" in exc.value.message


def test_other_xml_is_not_taken_for_tmx() -> None:
    with pytest.raises(ImportFailure) as exc:
        read_document(Path("glossary.tmx"), data=b"<?xml version='1.0'?><martif><text/></martif>")
    assert "not a TMX file: the root element is <martif>" in exc.value.message
