"""The bibliography as BibTeX and CSL JSON, read by their real consumers: bibtexparser, and citeproc-py
(which formats a bibliography from either), with every source of the real glossary; and the citation of
one entry."""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.bibtex import BibTeX
from citeproc.source.json import CiteProcJSON

from policyreader.core.glossary import BibSource, Glossary, GlossaryEntry, load_glossary
from policyreader.formats.bibliography import Bibliography, entry_citation, render_bibtex, render_csl_json
from tests.conftest import GLOSSARY

STYLE = "harvard-cite-them-right"  # the style citeproc-py ships


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY)


@pytest.fixture(scope="module")
def bib(glossary: Glossary) -> Bibliography:
    return Bibliography([glossary.sources[k] for k in sorted(glossary.sources)])


def unlatex(value: str) -> str:
    """A BibTeX value as a reference manager shows it: outer braces and LaTeX escapes undone."""
    value = value[1:-1] if value.startswith("{") and value.endswith("}") else value
    return re.sub(r"\\([&%$#_{}])", r"\1", value)


def formatted(source: object, keys: list[str]) -> list[str]:
    bibliography = CitationStylesBibliography(CitationStylesStyle(STYLE, validate=False), source, formatter.plain)
    for key in keys:
        bibliography.register(Citation([CitationItem(key)]))
    return [str(item) for item in bibliography.bibliography()]


def test_bibtexparser_reads_every_source_with_its_fields(bib: Bibliography) -> None:
    library = bibtexparser.parse_string(render_bibtex(bib).decode("utf-8"))
    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == [s.id for s in bib.sources]
    for s, e in zip(bib.sources, library.entries, strict=True):
        fields = {f.key: f.value for f in e.fields}
        assert e.entry_type == "misc"
        assert unlatex(fields.get("author", "")) == s.author
        assert unlatex(fields.get("title", "")) == s.title
        assert fields.get("url", "") == s.url
        assert fields.get("year", "") == (str(s.year) if s.year else "")
        assert unlatex(fields.get("note", "")) == " ".join(s.note.split())


def test_citeproc_formats_the_csl_json_bibliography(bib: Bibliography) -> None:
    items = json.loads(render_csl_json(bib))
    assert len(items) == len(bib.sources) > 150
    assert {"legislation", "webpage"} <= {i["type"] for i in items} <= {"legislation", "webpage", "document"}
    assert next(i for i in items if i["id"] == "doc-spc_shixin_list_provisions_2013")["type"] == "legislation"
    out = formatted(CiteProcJSON(items), [i["id"] for i in items])
    assert len(out) == len(bib.sources)
    creemers = next(o for o in out if "Planning Outline for the Construction of a Social Credit System" in o)
    assert creemers.startswith("Rogier Creemers (translator) (2015)")  # a literal name, never split
    assert "Available at: https://digichina.stanford.edu/" in creemers


def test_citeproc_reads_the_bibtex_too(bib: Bibliography, tmp_path: Path) -> None:
    path = tmp_path / "sources.bib"
    path.write_bytes(render_bibtex(bib))
    with pytest.warns(UserWarning, match="Unsupported BibTeX field 'url'"):  # citeproc-py's BibTeX has no url
        source = BibTeX(str(path), encoding="utf-8")
        out = formatted(source, [s.id for s in bib.sources])
    assert len(out) == len(bib.sources)
    assert any(o.startswith("Alexander Trauth-Goik and Pierre Sel (2022) “What's new about China's new (draft) social "
                            "credit law?”")
               for o in out)


def test_special_characters_survive_bibtex() -> None:
    odd = BibSource("odd_1", author="A & B {Ltd}", title="50% of #1 ~ ^x \\ y", publisher="p_q", year=2020,
                    url="https://x.invalid/a_b%20c?d=1#e", note="n")
    library = bibtexparser.parse_string(render_bibtex(Bibliography([odd])).decode("utf-8"))
    [e] = library.entries
    fields = {f.key: f.value for f in e.fields}
    assert unlatex(fields["author"]) == "A & B {Ltd}"
    assert fields["url"] == "https://x.invalid/a_b%20c?d=1#e"
    assert fields["title"] == "{50\\% of \\#1 \\textasciitilde{} \\textasciicircum{}x \\textbackslash{} y}"


def test_entry_citation_names_the_entry_the_version_and_the_project(glossary: Glossary) -> None:
    text = entry_citation(glossary.entries["chengxin"], "0.1.0")
    assert text == ("PolicyReader project. (n.d.). 诚信 (chéngxìn) [Glossary entry “chengxin”]. In PolicyReader "
                    "glossary of Chinese social-credit terminology (Version 0.1.0). CC BY 4.0.")
    mine = entry_citation(GlossaryEntry("mine", "履约", pinyin="lǚyuē", origin="user"), "0.1.0")
    assert "Personal glossary entry “mine”, not part of the published" in mine
