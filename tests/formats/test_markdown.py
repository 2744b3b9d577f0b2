"""Markdown and HTML documents: the reader sees the text, never the markup (LawRefBook's
``<!-- INFO END -->``, front matter, links, emphasis, images, raw HTML)."""

from __future__ import annotations

from pathlib import Path

from policyreader.core.document import parse_source
from policyreader.formats import read_document
from tests.conftest import CORPUS

SOURCE = CORPUS / "zhejiang_public_credit_info_regulations_2017.zh.txt"


def paragraphs() -> list[str]:
    """The first twelve paragraphs of the Zhejiang regulations: what every file below must give."""
    return [p.text for p in parse_source(SOURCE.read_text(encoding="utf-8")).paragraphs[:12]]


def lawrefbook_markdown(paras: list[str]) -> str:
    """The layout of a LawRefBook file: front matter, the title, the adoption line, the INFO END comment,
    chapter headings as ##, and our own noise on top: a link, emphasis, an image, inline HTML."""
    title, adopted, chapter, *articles = paras
    first, *rest = articles
    head, tail = first.split("，", 1)
    return "\n".join([
        "---", "title: 浙江省公共信用信息管理条例", "date: 2017-09-30", "---", "",
        f"# {title}", "", adopted, "", "<!-- INFO END -->", "",
        f"## {chapter}", "",
        f"**{head}**，[{tail[:6]}](https://example.org/law){tail[6:]}", "",
        "![国徽](emblem.png)", "",
        *[f"{p}<br>" if k == 0 else f"*{p}*" if k == 1 else p for k, p in enumerate(rest)],
        "", "<div class=\"footer\"><!-- generated --></div>", "",
    ])


def test_lawrefbook_markdown_gives_the_text_and_nothing_else(tmp_path: Path) -> None:
    paras = paragraphs()
    path = tmp_path / "浙江省公共信用信息管理条例.md"
    path.write_text(lawrefbook_markdown(paras), encoding="utf-8")
    got = [p.text for p in read_document(path).paragraphs]
    assert got == paras
    joined = "\n".join(got)
    for noise in ("INFO END", "<!--", "title:", "---", "**", "](", "https://", "国徽", "<br>", "<div", "generated"):
        assert noise not in joined, noise


def test_markdown_headings_keep_their_levels_through_the_noise(tmp_path: Path) -> None:
    path = tmp_path / "law.md"
    path.write_text(lawrefbook_markdown(paragraphs()), encoding="utf-8")
    levels = {p.text: p.level for p in read_document(path).paragraphs}
    assert levels["浙江省公共信用信息管理条例"] == 1
    assert levels["第一章 总则"] == 2


def test_html_comments_and_their_markup_never_become_text(tmp_path: Path) -> None:
    paras = paragraphs()
    body = "".join(f"<p>{p}</p><!-- INFO END -->\n" if k == 1 else f"<p>{p}</p>\n" for k, p in enumerate(paras))
    path = tmp_path / "law.html"
    path.write_text(f"<html><head><meta charset='utf-8'><title>t</title></head><body><!-- nav -->{body}"
                    "<!--[if IE]><p>旧浏览器</p><![endif]--></body></html>", encoding="utf-8")
    got = [p.text for p in read_document(path).paragraphs]
    assert got == paras
