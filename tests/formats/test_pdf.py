"""PDF import: lines broken by the page layout are re-joined into the document's real paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text

from policyreader.core.document import Paragraph, article_number, parse_source
from policyreader.formats import ImportFailure, read_document
from policyreader.formats.pdf import PAGE_NUMBER, TextLine, join_lines, normalize_line

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "importers"
SHANGHAI = ROOT / "docs_corpus" / "shanghai_social_credit_regulations_2017.zh.txt"
PDF = FIXTURES / "shanghai.pdf"


def expected_paragraphs() -> list[Paragraph]:
    excerpt = "\n".join(SHANGHAI.read_text(encoding="utf-8").split("\n")[:40])
    return parse_source(excerpt).paragraphs


def raw_lines() -> list[str]:
    """The fixture's lines as plain pdfminer extraction gives them (before any re-joining).

    Spaces come out of this PDF as tabs; they are shown as spaces here.
    """
    return [re.sub(r"\s+", " ", line).strip() for line in extract_text(PDF).split("\n") if line.strip()]


def test_fixture_really_breaks_lines_mid_sentence() -> None:
    lines = raw_lines()
    paragraphs = expected_paragraphs()
    assert len(lines) > len(paragraphs) + 30
    assert sum(1 for p in paragraphs if p.text in lines) < 5  # most paragraphs span several lines
    assert any(line.endswith("创新社") for line in lines)  # 创新社 | 会治理机制: broken inside a word


def test_paragraphs_are_rejoined_exactly() -> None:
    doc = read_document(PDF)
    assert doc.format == "pdf"
    assert doc.paragraphs == expected_paragraphs()


def test_articles_start_paragraphs_and_never_appear_inside_one() -> None:
    doc = read_document(PDF)
    starts = [article_number(p.text) for p in doc.paragraphs if article_number(p.text)]
    assert starts == [1, 2, 3, 4, 5, 6, 7, 8]
    for p in doc.paragraphs:
        assert not re.search(r".第[一二三四五六七八九十]+条 ", p.text), p.text


def test_paragraph_broken_across_pages_is_one_paragraph() -> None:
    lines = raw_lines()
    i = lines.index("- 1 -")
    assert lines[i - 1].endswith("适⽤") and lines[i + 1] == "本条例。"  # the page break falls mid-sentence
    texts = [p.text for p in read_document(PDF).paragraphs]
    article_3 = next(t for t in texts if t.startswith("第三条"))
    assert article_3.endswith("信用服务行业规范与发展等活动，适用本条例。")


def test_page_number_footers_are_dropped() -> None:
    assert {"- 1 -", "- 2 -", "- 3 -"} <= set(raw_lines())
    texts = [p.text for p in read_document(PDF).paragraphs]
    assert [t for t in texts if re.fullmatch(r"[-\s\d]+", t)] == []


def test_radical_code_points_are_mapped_to_ideographs() -> None:
    raw = "".join(raw_lines())
    assert "\u2f64" in raw and "\u2ea0" in raw  # ⽤ (Kangxi radical) and ⺠ (radical supplement)
    text = "".join(p.text for p in read_document(PDF).paragraphs)
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in text)
    assert "社会信用" in text and "人民政府" in text


def test_larger_type_becomes_heading_levels() -> None:
    headings = [(p.text, p.level) for p in read_document(PDF).paragraphs if p.level]
    assert headings == [("上海市社会信用条例", 1), ("第一章 总则", 2), ("第二章 社会信用信息", 2)]


def test_document_info_title_becomes_metadata() -> None:
    assert read_document(PDF).metadata == {"title": "上海市社会信用条例"}


@pytest.mark.parametrize("text", ["3", "- 3 -", "— 12 —", "第3页", "第 3 页 共 12 页", "3 / 12",
                                  "Page 3 of 12"])
def test_page_number_patterns(text: str) -> None:
    assert PAGE_NUMBER.match(text)


@pytest.mark.parametrize("text", ["第三条", "2017年6月23日", "3. 信用信息"])
def test_text_is_not_a_page_number(text: str) -> None:
    assert not PAGE_NUMBER.match(text)


def _line(text: str, x1: float = 370.0, x0: float = 50.0) -> TextLine:
    return TextLine(text=text, page=1, x0=x0, x1=x1, y0=0, y1=0, size=11, char_width=11)


def test_wrapped_cross_reference_is_not_taken_for_a_new_article() -> None:
    lines = [_line("违反本条例"), _line("第三十条规定的，由市场监督管理部门责令改正。", x1=300)]
    assert join_lines(lines) == [Paragraph("违反本条例第三十条规定的，由市场监督管理部门责令改正。")]


def test_line_that_stops_short_of_the_margin_ends_its_paragraph() -> None:
    lines = [_line("第一章 总则", x1=120), _line("本章规定一般事项，适用于全市", x1=370),
             _line("范围。", x1=90)]
    assert [p.text for p in join_lines(lines)] == ["第一章 总则", "本章规定一般事项，适用于全市范围。"]


def test_indented_line_starts_a_new_paragraph() -> None:
    lines = [_line("前一段没有标点也到了行尾"), _line("新的一段从缩进开始", x0=72)]
    assert len(join_lines(lines)) == 2


def test_letter_spaced_chinese_loses_its_layout_spaces() -> None:
    assert normalize_line("第 一 条 为 了 完 善\t体制\n") == "第一条为了完善体制"
    assert normalize_line("第一条\t为了完善体制") == "第一条 为了完善体制"


def test_password_protected_pdf_is_refused() -> None:
    with pytest.raises(ImportFailure) as exc:
        read_document(FIXTURES / "encrypted.pdf")
    assert "encrypted.pdf" in str(exc.value)
    assert "password-protected" in exc.value.message
    assert "unprotected copy" in exc.value.message


def test_truncated_pdf_is_refused() -> None:
    with pytest.raises(ImportFailure) as exc:
        read_document(FIXTURES / "truncated.pdf")
    assert "truncated.pdf" in str(exc.value)
    assert "damaged or truncated" in exc.value.message


def test_file_that_is_not_a_pdf_is_refused() -> None:
    with pytest.raises(ImportFailure) as exc:
        read_document(Path("report.pdf"), data=(FIXTURES / "shanghai_page.html").read_bytes())
    assert str(exc.value).startswith("report.pdf: byte 0: not a PDF file")
