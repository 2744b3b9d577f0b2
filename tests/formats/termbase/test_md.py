"""Markdown study glossary."""

from __future__ import annotations

from policyreader.core.glossary import Glossary
from policyreader.formats.termbase import AnnotatedGlossary, render

from .conftest import CHENGXIN_DISPUTE, NOTE, RATIONALE


def markdown(glossary: AnnotatedGlossary) -> str:
    return render(glossary, "md").decode("utf-8")


def test_contains_every_term_as_a_heading(exported: AnnotatedGlossary, glossary: Glossary) -> None:
    headings = [line for line in markdown(exported).splitlines() if line.startswith("## ")]
    for e in glossary.entries.values():
        assert any(h[3:].startswith(e.term) for h in headings), e.term


def test_renderings_table_and_dispute(exported: AnnotatedGlossary) -> None:
    md = markdown(exported)
    section = md.split("## 诚信 (誠信)")[1].split("\n## ")[0]
    assert "| **integrity** | preferred |" in section
    assert "| **sincerity** | contested |" in section
    assert "### How the translation is disputed" in section
    assert " ".join(CHENGXIN_DISPUTE.split())[:60] in " ".join(section.split())


def test_user_notes_are_included_as_written(exported: AnnotatedGlossary) -> None:
    md = markdown(exported)
    assert f"  {NOTE}" in md  # the user's own Markdown, indented into the list item
    assert f"Why: {RATIONALE}" in md
    assert "Rendering chosen: **integrity**" in md


def test_table_cells_escape_pipes(exported: AnnotatedGlossary) -> None:
    for line in markdown(exported).splitlines():
        if line.startswith("| **"):
            assert line.replace("\\|", "").count("|") == 5, line


def test_ends_with_the_bibliography(exported: AnnotatedGlossary) -> None:
    md = markdown(exported)
    assert "\n## Bibliography\n" in md
    assert "- **clt-2014**: " in md.split("## Bibliography")[1]
