"""HTML import: a government-style page gives exactly the document's paragraphs and none of its furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyreader.core.document import Paragraph, parse_source
from policyreader.formats import ImportFailure, read_document

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "importers"
SHANGHAI = ROOT / "docs_corpus" / "shanghai_social_credit_regulations_2017.zh.txt"
PAGE = FIXTURES / "shanghai_page.html"

# Text that sits in the page's <script>, <style>, site header, <nav>, <form>, <aside>, hidden <div>,
# <noscript> and <footer>.
FURNITURE = ["统计代码", "页面访问统计", "脚本写入的文字", "导航样式", "首页", "新闻中心", "法规库",
             "当前位置", "站内搜索", "相关链接", "上海市公共信用信息归集和使用管理办法", "隐藏的统计文字",
             "请启用JavaScript", "版权所有", "沪ICP备", "上海市人民代表大会常务委员会"]


def expected_paragraphs() -> list[Paragraph]:
    excerpt = "\n".join(SHANGHAI.read_text(encoding="utf-8").split("\n")[:40])
    return parse_source(excerpt).paragraphs


def test_page_gives_the_corpus_paragraphs_with_heading_levels() -> None:
    doc = read_document(PAGE)
    assert doc.format == "html"
    assert doc.paragraphs == expected_paragraphs()
    assert doc.paragraphs[0] == Paragraph("上海市社会信用条例", 1)  # <h1> inside the article's <header>
    assert doc.paragraphs[2] == Paragraph("第一章 总则", 2)  # <h2> with &nbsp;&nbsp;


def test_page_is_decoded_with_its_declared_charset() -> None:
    doc = read_document(PAGE)
    assert b'<meta charset="gb2312">' in PAGE.read_bytes()
    assert doc.encoding == "gb18030"  # GB2312 pages are decoded with their superset, as browsers do
    assert doc.detected_by == "strict"


def test_title_and_meta_fields_become_metadata() -> None:
    doc = read_document(PAGE)
    assert doc.metadata == {"title": "上海市社会信用条例 - 上海人大", "language": "zh-CN",
                            "keywords": "社会信用,条例"}


def test_scripts_styles_navigation_and_page_frame_are_dropped() -> None:
    raw = PAGE.read_bytes().decode("gb2312")
    assert all(noise in raw for noise in FURNITURE)  # the fixture really has the noise ...
    text = "\n".join(p.text for p in read_document(PAGE).paragraphs)
    assert [noise for noise in FURNITURE if noise in text] == []  # ... and none of it comes through


def test_source_line_wrapping_inside_chinese_adds_no_spaces() -> None:
    raw = PAGE.read_bytes().decode("gb2312")
    assert "创新社会治\n" in raw
    doc = read_document(PAGE)
    assert doc.paragraphs[3].text.startswith("第一条 为了完善社会主义市场经济体制，创新社会治理机制")


def test_br_splits_and_inline_elements_do_not() -> None:
    texts = [p.text for p in read_document(PAGE).paragraphs]
    assert texts[4].endswith("遵守法定义务或者履行约定义务的状态。")
    assert texts[5].startswith("本条例所称社会信用信息")  # after <br>
    assert texts[6].startswith("第三条 本市行政区域内")  # <strong>本市</strong><span>…</span>


def test_page_without_charset_is_detected() -> None:
    page = "<html><body><p>第一条 为了完善社会主义市场经济体制。</p></body></html>"
    doc = read_document(Path("page.htm"), data=page.encode("gb18030"))
    assert doc.encoding == "gb18030"
    assert doc.paragraphs == [Paragraph("第一条 为了完善社会主义市场经济体制。")]


def test_page_that_lies_about_its_charset_is_detected() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><h3>第二章 社会信用信息</h3></body></html>'
    doc = read_document(Path("page.html"), data=page.encode("gb18030"))
    assert doc.encoding == "gb18030"
    assert doc.paragraphs == [Paragraph("第二章 社会信用信息", 3)]


def test_http_equiv_charset_is_honoured() -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head>'
            "<body><table><tr><td>條款</td><td>第一條</td></tr></table></body></html>")
    doc = read_document(Path("page.html"), data=page.encode("big5"))
    assert doc.encoding == "big5"
    assert [p.text for p in doc.paragraphs] == ["條款", "第一條"]


def test_unclosed_head_does_not_hide_the_body() -> None:
    page = "<html><head><title>标题</title><body><p>第一条 正文。</p></body></html>"
    doc = read_document(Path("page.html"), data=page.encode())
    assert doc.paragraphs == [Paragraph("第一条 正文。")]
    assert doc.metadata["title"] == "标题"


def test_page_whose_text_is_all_script_is_refused() -> None:
    page = "<html><body><div id='app'></div><script>render('第一条')</script></body></html>"
    with pytest.raises(ImportFailure) as exc:
        read_document(Path("app.html"), data=page.encode())
    assert str(exc.value).startswith("app.html: no text found")
    assert "JavaScript" in exc.value.message


def test_binary_data_named_html_is_refused() -> None:
    data = (FIXTURES / "binary.txt").read_bytes()
    with pytest.raises(ImportFailure) as exc:
        read_document(Path("download.html"), data=data)
    assert "download.html" in str(exc.value)
    assert "not a text file" in exc.value.message
