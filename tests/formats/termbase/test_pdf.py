"""PDF export: the HTML typeset by Qt with an embedded CJK font, and a text layer that reads back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text
from PySide6.QtWidgets import QApplication

from policyreader.formats.termbase import AnnotatedGlossary, export_glossary
from policyreader.formats.termbase import pdf as pdf_module


@pytest.fixture(scope="module")
def pdf_file(exported: AnnotatedGlossary, tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> Path:
    # qapp: the exporter uses the application pytest-qt made instead of creating a QGuiApplication.
    path = tmp_path_factory.mktemp("pdf") / "glossary.pdf"
    export_glossary(exported, "pdf", path)
    return path


# Text extraction takes pdfminer about 0.3 s a page, so the text is checked on a PDF of a few entries.
SAMPLE = ("baihang-zhengxin", "chengxin", "shixin-bei-zhixing-ren", "shehui-xinyong-tixi", "xinyong")


@pytest.fixture(scope="module")
def text(exported: AnnotatedGlossary, tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> str:
    sample = AnnotatedGlossary([ae for ae in exported.entries if ae.entry.id in SAMPLE], exported.sources)
    assert len(sample.entries) == len(SAMPLE)
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    export_glossary(sample, "pdf", path)
    return " ".join(extract_text(str(path)).split())


def test_the_whole_glossary_is_typeset_on_a4_pages(pdf_file: Path) -> None:
    data = pdf_file.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.count(b"/Type /Page\n") > 50
    assert re.search(rb"/MediaBox \[0 0 595(\.\d+)? 842(\.\d+)?\]", data), "A4 is 595 x 842 points"


def test_chinese_terms_can_be_found_in_the_text(text: str) -> None:
    # 行 and 用 share their glyph with the Kangxi radicals ⾏ and ⽤; the text layer must give the ideographs.
    for term in ("诚信", "失信被执行人", "信用", "誠信", "社会信用体系"):
        assert term in text
    assert not re.search("[\u2f00-\u2fdf]", text)


def test_english_renderings_and_digits_can_be_found(text: str) -> None:
    for phrase in ("integrity", "person subject to enforcement", "honesty and integrity", "5 entries",
                   "Domains: finance", "(Feb 2018)", "Your notes"):
        assert phrase in text
    assert "(cid:" not in text


def test_fonts_are_embedded(pdf_file: Path) -> None:
    data = pdf_file.read_bytes()
    descriptors = data.count(b"/Type /FontDescriptor")
    assert descriptors >= 1
    assert data.count(b"/FontFile") == descriptors
    assert re.search(rb"/FontName /[A-Z]{6}\+NotoSans(Serif)?CJK", data)


def test_radical_mappings_are_rewritten_in_place() -> None:
    cmap = (b"begincmap\n2 beginbfrange\n<0004> <0006> [<2F8F> <2F00> <0041>]\n<2F8F> <2F8F> <2F08>\n"
            b"endbfrange\n1 beginbfchar\n<2F00> <2F64>\nendbfchar\nendcmap")
    fixed = pdf_module.fix_radical_mappings(b"%PDF-1.4\n" + cmap)
    assert fixed == (b"%PDF-1.4\nbegincmap\n2 beginbfrange\n<0004> <0006> [<884C> <4E00> <0041>]\n"
                     b"<2F8F> <2F8F> <4EBA>\nendbfrange\n1 beginbfchar\n<2F00> <7528>\nendbfchar\nendcmap")


def test_missing_cjk_font_says_what_to_install(monkeypatch: pytest.MonkeyPatch, qapp: QApplication,
                                               exported: AnnotatedGlossary, tmp_path: Path) -> None:
    monkeypatch.setattr(pdf_module, "CJK_FAMILIES", ("No Such Font SC",))
    with pytest.raises(RuntimeError, match="fonts-noto-cjk"):
        export_glossary(exported, "pdf", tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []
