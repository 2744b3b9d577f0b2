"""HTML study glossary: well-formed, self-contained, escaped, with lang attributes on Chinese text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from policyreader.core.glossary import Glossary
from policyreader.formats.termbase import AnnotatedGlossary, render

from .conftest import NOTE, RATIONALE

VOID = {"meta", "br", "hr", "img", "link", "input", "col", "wbr"}


class Checker(HTMLParser):
    """Fails on a tag closed out of order or left open; collects text and attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.zh_langs: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="module")
def page(exported: AnnotatedGlossary) -> Checker:
    checker = Checker()
    checker.feed(render(exported, "html").decode("utf-8"))
    checker.close()
    assert checker.stack == [], f"left open: {checker.stack}"
    return checker


def text_of(page: Checker) -> str:
    return " ".join(" ".join(page.text).split())


def test_document_declares_utf8_and_english(page: Checker) -> None:
    assert ("meta", {"charset": "utf-8"}) in page.tags
    assert ("html", {"lang": "en"}) in page.tags


def test_contains_every_term_and_the_dispute_of_chengxin(page: Checker, glossary: Glossary) -> None:
    text = text_of(page)
    for e in glossary.entries.values():
        assert e.term in text
    assert " ".join(glossary.entries["chengxin"].dispute.split()) in text


def test_chinese_text_carries_lang_attributes(page: Checker) -> None:
    langs = [a.get("lang") for tag, a in page.tags if tag == "span" and a.get("lang")]
    assert "zh-Hans" in langs and "zh-Hant" in langs
    assert ("p", {"class": "pinyin", "lang": "zh-Latn-pinyin"}) in page.tags


def test_nothing_is_fetched_from_outside(exported: AnnotatedGlossary, page: Checker) -> None:
    html = render(exported, "html").decode("utf-8")
    assert not [tag for tag, _ in page.tags if tag in ("link", "script", "img", "iframe", "object")]
    assert not [a for _, a in page.tags if "src" in a]
    assert "@import" not in html and "url(" not in html


def test_user_notes_are_shown_and_escaped(exported: AnnotatedGlossary, page: Checker) -> None:
    html = render(exported, "html").decode("utf-8")
    text = text_of(page)
    assert NOTE in text and RATIONALE in text and "Rendering chosen: integrity" in text
    assert "Second reading: <b>not</b> markup & not a tag" in text  # shown as text …
    assert "&lt;b&gt;not&lt;/b&gt; markup &amp; not" in html  # … because it was escaped


def test_bibliography_lists_cited_sources_with_anchors(page: Checker) -> None:
    ids = [a["id"] for tag, a in page.tags if tag == "li" and (a.get("id") or "").startswith("src-")]
    assert "src-clt-2014" in ids
    targets = {a["href"] for tag, a in page.tags if tag == "a" and (a.get("href") or "").startswith("#src-")}
    assert targets <= {f"#{i}" for i in ids}
    assert re.search(r"Bibliography", text_of(page))
