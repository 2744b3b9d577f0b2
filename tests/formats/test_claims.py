"""The claims summary written as Markdown, HTML and JSON, through the format registry."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from policyreader.core.claims import ClaimsSummary, summarise
from policyreader.core.coverage import EnglishLinker
from policyreader.core.glossary import load_glossary
from policyreader.formats.registry import Kind, by_name, names, render
from tests.conftest import GLOSSARY, article_text


@pytest.fixture(scope="module")
def summary() -> ClaimsSummary:
    g = load_glossary(GLOSSARY)
    linker = EnglishLinker(g.entries, g.by_form())
    text = article_text("forum-thread")
    return summarise("Serious question | <is it> a *thing*?", "forum.txt", linker.link(text), g.entries,
                     linker.readings, {"xinyong-fen": 0, "shehui-xinyong-tixi": 43})


def test_the_registry_declares_markdown_html_and_json() -> None:
    assert names(Kind.CLAIMS, writable=True) == ["md", "html", "json"]
    assert by_name(Kind.CLAIMS, "html").extension == ".html"


def test_markdown(summary: ClaimsSummary) -> None:
    md = render(by_name(Kind.CLAIMS, "md"), summary).decode("utf-8")
    assert md.startswith("# Claims summary: Serious question \\| \\<is it\\> a \\*thing\\*?\n")
    avoid, contested = md.index("## Renderings to avoid"), md.index("## Contested renderings")
    assert avoid < md.index("### “social credit score” for 信用分") < contested
    assert md.index("## Every term named") > md.index("## Renderings no glossary entry accepts")
    assert "No regulation in the library uses 信用分." in md
    assert "社会信用体系 occurs 43 times in the bundled regulations" not in md  # only flagged terms get the line
    assert "| 社会信用体系 | shèhuì xìnyòng tǐxì | social credit system (preferred) ×" in md
    assert "> **Dispute.** 'Credit score' is the ordinary rendering" in md


def test_html_is_a_whole_escaped_page(summary: ClaimsSummary) -> None:
    page = render(by_name(Kind.CLAIMS, "html"), summary).decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>Claims summary: Serious question | &lt;is it&gt;" in page
    assert "<is it>" not in page
    assert "<span lang='zh-Hans'>信用分</span>" in page
    texts: list[str] = []

    class Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            texts.append(data)

    Text().feed(page)
    body = "".join(texts)
    assert "Renderings to avoid" in body and "Every term named" in body and "credit score" in body


def test_json_round_trips(summary: ClaimsSummary) -> None:
    data = json.loads(render(by_name(Kind.CLAIMS, "json"), summary))
    assert data == summary.to_json()
    assert data["terms"][0]["status"] == "avoid"
