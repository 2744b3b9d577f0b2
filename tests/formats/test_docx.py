"""Word import: headings, body paragraphs and table cells in document order; damaged files refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import docx.enum.style
import docx.oxml
import docx.oxml.ns
import pytest

from policyreader.core.document import Paragraph, parse_source
from policyreader.formats import ImportFailure, read_document

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "importers"
SHANGHAI = ROOT / "docs_corpus" / "shanghai_social_credit_regulations_2017.zh.txt"
DOCX = FIXTURES / "shanghai.docx"

# The table in the fixture (after article 8): a merged title row, then kind | provider rows.
TABLE_CELLS = ["社会信用信息的分类", "类别", "提供单位",
               "公共信用信息", "行政机关、司法机关、公共企业事业单位等公共信用信息提供单位",
               "市场信用信息", "信用服务机构及其他企业事业单位等市场信用信息提供单位"]


def source_lines() -> list[str]:
    return SHANGHAI.read_text(encoding="utf-8").split("\n")


def test_body_then_table_then_body_in_document_order() -> None:
    lines = source_lines()
    excerpt = parse_source("\n".join(lines[:40])).paragraphs
    doc = read_document(DOCX)
    assert doc.format == "docx"
    assert doc.encoding is None
    assert doc.paragraphs == (excerpt + [Paragraph(cell) for cell in TABLE_CELLS]
                              + [Paragraph(lines[41])])  # line 42 follows the table


def test_heading_styles_become_levels() -> None:
    doc = read_document(DOCX)
    headings = [(p.text, p.level) for p in doc.paragraphs if p.level]
    assert headings == [("上海市社会信用条例", 1),  # "Title" style
                        ("第一章 总则", 2), ("第二章 社会信用信息", 2)]  # "Heading 2"


def test_manual_line_break_splits_paragraphs() -> None:
    texts = [p.text for p in read_document(DOCX).paragraphs]
    i = next(i for i, t in enumerate(texts) if t.startswith("第二条"))
    assert texts[i + 1].startswith("本条例所称社会信用信息")


def test_merged_cell_is_read_once() -> None:
    texts = [p.text for p in read_document(DOCX).paragraphs]
    assert texts.count("社会信用信息的分类") == 1


def test_core_properties_become_metadata() -> None:
    doc = read_document(DOCX)
    assert doc.metadata["title"] == "上海市社会信用条例"
    assert doc.metadata["author"] == "PolicyReader test fixtures"
    assert doc.metadata["language"] == "zh-CN"
    assert doc.metadata["created"] == "2017-06-23T09:00:00+00:00"


def test_localised_heading_style_and_outline_level() -> None:
    document = docx.Document()
    chinese_heading = document.styles.add_style("标题 3", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("第一节 一般规定", style=chinese_heading)
    outlined = document.add_paragraph("附则")  # plain style, but outline level 2 set on the paragraph
    ppr = outlined._p.get_or_add_pPr()
    outline = docx.oxml.OxmlElement("w:outlineLvl")
    outline.set(docx.oxml.ns.qn("w:val"), "1")
    ppr.append(outline)
    document.add_paragraph("正文。")
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_document(Path("local.docx"), data=buffer.getvalue())
    assert doc.paragraphs == [Paragraph("第一节 一般规定", 3), Paragraph("附则", 2), Paragraph("正文。")]


def test_truncated_docx_is_refused_naming_the_file() -> None:
    with pytest.raises(ImportFailure) as exc:
        read_document(FIXTURES / "truncated.docx")
    assert str(exc.value).startswith(f"{FIXTURES / 'truncated.docx'}: not a readable .docx file")
    assert "damaged or truncated" in exc.value.message
    assert "save it again as .docx" in exc.value.message


def test_zip_that_is_not_a_word_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("readme.txt", "not a word document")
    with pytest.raises(ImportFailure) as exc:
        read_document(Path("archive.docx"), data=buffer.getvalue())
    assert "archive.docx" in str(exc.value)
    assert "not a readable .docx file" in exc.value.message


def test_old_binary_word_file_gets_a_specific_hint() -> None:
    ole_header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    with pytest.raises(ImportFailure) as exc:
        read_document(Path("legacy.docx"), data=ole_header)
    assert "old binary Word (.doc)" in exc.value.message
    assert "save it as .docx" in exc.value.message


def test_document_without_text_is_refused() -> None:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(ImportFailure) as exc:
        read_document(Path("blank.docx"), data=buffer.getvalue())
    assert str(exc.value).startswith("blank.docx: no text found")
