"""English documents in the library: importing them (detected or --lang en; txt, html, docx), their linked
renderings, re-linking when the glossary changes, where a term occurs in the bundled regulations, and
the claims summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyreader.core.errors import UserError
from policyreader.core.model import Language, TranslationStatus
from policyreader.services.context import AppContext
from policyreader.services.coverage import location
from policyreader.services.paths import resolve_paths
from tests.conftest import CORPUS, COVERAGE, article_text, coverage_gold


@pytest.fixture
def app(data_dir: Path) -> AppContext:
    ctx = AppContext(resolve_paths(data_dir))
    yield ctx
    ctx.close()


def article(name: str) -> Path:
    return COVERAGE / str(coverage_gold()[name]["file"])


@pytest.mark.parametrize("name", ["news-qingshan", "blog-translator", "explainer-words"])  # html, txt, docx
def test_an_english_file_is_detected_and_imported_with_its_renderings_linked(app: AppContext, name: str) -> None:
    result = app.library.import_path(article(name))
    assert result.lang == "en" and result.to_json()["lang"] == "en" and not result.duplicate
    doc = app.library.get(result.id)
    assert doc.lang == Language.EN and doc.translation_status == TranslationStatus.NONE
    segments = app.library.repo.segments(result.id)
    assert all(s.zh == "" and s.en for s in segments)
    assert "\n".join(s.en for s in segments) == article_text(name)
    linked = [(s.en[a:b], e) for s in segments for a, b, e in s.en_terms]
    expected = [(h.text, h.entry) for h in app.coverage.mentions(article_text(name))]
    assert linked == expected and len(linked) > 30
    assert app.library.listing()[-1].lang == "en" or any(d.lang == "en" for d in app.library.listing())


def test_the_title_comes_from_the_page_or_the_first_line(app: AppContext) -> None:
    assert app.library.import_path(article("forum-thread")).title.startswith("Serious question: is the Chinese")
    assert "Qingshan eases the way" in app.library.import_path(article("news-qingshan")).title


def test_lang_en_forces_english_and_lang_zh_chinese(app: AppContext, tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.txt"
    # more Chinese than English: detected as Chinese, unless the user says otherwise
    mixed.write_text("信用分 信用评价 信用等级 失信被执行人 严重失信主体名单\nA credit rating is not a credit grade.\n",
                     encoding="utf-8")
    assert app.library.import_path(mixed).lang == "zh"
    forced = app.library.import_path(mixed, lang="en")
    assert forced.lang == "en" and not forced.duplicate
    ids = [s.en_terms for s in app.library.repo.segments(forced.id)]
    assert [e for terms in ids for _a, _b, e in terms] == ["xinyong-pingji", "xinyong-dengji"]
    english = app.library.import_path(article("oped-score"), lang="zh")
    assert english.lang == "zh" and app.library.repo.segments(english.id)[0].en == ""


def test_an_english_document_has_no_translation_to_align(app: AppContext) -> None:
    with pytest.raises(UserError, match="no translation to align"):
        app.library.import_path(article("blog-translator"), translation=article("oped-score"), lang="en")
    assert not any(d.lang == "en" for d in app.library.documents())


def test_importing_the_same_english_text_twice_stores_it_once(app: AppContext, tmp_path: Path) -> None:
    first = app.library.import_path(article("blog-translator"))
    copy = tmp_path / "copy.txt"
    copy.write_text(article_text("blog-translator"), encoding="utf-8")
    again = app.library.import_path(copy)
    assert again.duplicate and again.id == first.id and again.lang == "en"


def test_replacing_an_english_document_keeps_its_annotations(app: AppContext, tmp_path: Path) -> None:
    first = app.library.import_path(article("oped-score"))
    text, _spans = app.library.side_text(first.id, "en")
    start = text.index("judgement defaulters")
    note = app.annotations.create(first.id, start, start + len("judgement defaulters"), side="en", note="British spelling")
    edited = tmp_path / "oped-v2.txt"
    edited.write_text("Editor's note: corrected on 3 May.\n" + article_text("oped-score"), encoding="utf-8")
    result = app.library.import_path(edited, replace=first.id)
    assert result.replaced and result.lang == "en" and result.report["exact"] == 1
    moved = app.annotations.get(note.id)
    assert app.library.side_text(first.id, "en")[0][moved.start:moved.end] == "judgement defaulters"


def test_a_chinese_document_cannot_be_replaced_by_an_english_one(app: AppContext) -> None:
    with pytest.raises(UserError, match="is a Chinese document and this file is an English document"):
        app.library.import_path(article("oped-score"), replace="spc_shixin_list_provisions_2013")
    assert app.library.get("spc_shixin_list_provisions_2013").lang == "zh"


def test_a_new_rendering_is_linked_in_english_documents_at_once(app: AppContext) -> None:
    doc = app.library.import_path(article("forum-thread")).id

    def entries() -> list[str]:
        return [e for s in app.library.repo.segments(doc) for _a, _b, e in s.en_terms]

    before = entries()
    assert "xinyong-zhongguo" in before
    app.workbench.add("信用中国", ["Credit China portal"])  # the user's own longer rendering
    after = [(s.en[a:b], e) for s in app.library.repo.segments(doc) for a, b, e in s.en_terms]
    assert ("Credit China", "xinyong-zhongguo") in after  # "Credit China or the …": still the short one
    assert len(after) == len(before)


def test_qa_has_nothing_to_check_in_an_english_document(app: AppContext) -> None:
    doc = app.library.import_path(article("feature-county")).id
    assert not app.qa.has_translation(doc)


def test_search_finds_english_documents(app: AppContext) -> None:
    doc = app.library.import_path(article("feature-county")).id
    hits = app.search.search("loan officer")
    assert any(h.doc == doc and h.side == "en" for h in hits)


# -- the bundled regulations ----------------------------------------------------------------------------

def test_where_a_term_occurs_in_the_regulations(app: AppContext) -> None:
    app.library.ensure_bundled()
    found = app.coverage.in_regulations(["shehui-xinyong-tixi", "heimingdan"])
    system = found["shehui-xinyong-tixi"]
    assert system.occurrences >= 20 and system.documents >= 5
    assert len(system.examples) == 3 and len({x.doc for x in system.examples}) == 3  # one per regulation first
    for x in system.examples:
        assert "社会信用体系" in x.zh and "social credit system" in x.en.lower()
        assert x.en and x.title and x.where and x.where_en
    assert found["heimingdan"].occurrences == 0 and found["heimingdan"].examples == []


def test_an_item_belongs_to_its_article() -> None:
    from policyreader.core.bilingual import parse_aligned
    from policyreader.core.document import outline_kind
    from policyreader.core.model import SegmentRow

    blocks = parse_aligned((CORPUS / "spc_shixin_list_provisions_2013.aligned.txt").read_text(encoding="utf-8"))
    segments = [SegmentRow(i, "\n".join(b.zh), "\n".join(b.en), kind=outline_kind(b.zh[0], 1 if i == 0 else 0) or "")
                for i, b in enumerate(blocks)]
    item = next(i for i, s in enumerate(segments) if s.zh.startswith("（三）"))
    assert location(segments, item) == ("第一条", "Article 1")
    assert location(segments, 0) == ("标题", "title")
    assert location(segments, 4) == ("序言", "preamble")


def test_the_sentence_pair_is_the_sentence_that_holds_the_term(app: AppContext) -> None:
    from policyreader.core.alignment import zh_sentences

    segs = [s for d in app.library.documents() if d.bundled for s in app.library.repo.segments(d.id)]
    checked = shorter = 0
    for seg in segs:
        sentences = zh_sentences(seg.zh)
        if len(sentences) < 2 or not seg.en:
            continue
        for start, end, _entry in seg.terms:
            zh, en = app.coverage.sentence_pair(seg, start)
            assert zh in sentences and seg.zh.index(zh) <= start and end <= seg.zh.index(zh) + len(zh)
            assert en and en in seg.en
            checked += 1
            shorter += len(en) < len(seg.en)
    assert checked > 50 and shorter > checked // 2  # most pairs are one sentence of a longer segment


# -- the claims summary ---------------------------------------------------------------------------------

def test_claims_of_a_file_and_of_the_same_document_agree(app: AppContext) -> None:
    app.library.ensure_bundled()
    from_file = app.coverage.claims(str(article("news-qingshan")))
    doc = app.library.import_path(article("news-qingshan")).id
    from_doc = app.coverage.claims(doc)
    assert from_file.to_json()["terms"] == from_doc.to_json()["terms"]
    assert from_file.terms[0].worst == "avoid"
    counts = {t.entry: t.in_regulations for t in from_doc.terms}
    assert counts["heimingdan"] == 0 and counts["shehui-xinyong-tixi"] >= 20


def test_claims_read_english_only(app: AppContext, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Chinese document"):
        app.coverage.claims("spc_shixin_list_provisions_2013")
    with pytest.raises(UserError, match="reads as Chinese"):
        app.coverage.claims(str(CORPUS / "spc_shixin_list_provisions_2013.zh.txt"))
    with pytest.raises(UserError, match="file not found"):
        app.coverage.claims(str(tmp_path / "missing.txt"))


def test_an_english_document_outlines_its_headings(app: AppContext) -> None:
    doc = app.library.import_path(article("explainer-words")).id  # a Word file with Title and Heading 2 styles
    outline = app.library.outline(doc)
    assert outline[0]["kind"] == "title" and outline[0]["segment"] == 0
    assert [o["label"] for o in outline[1:4]] == ["What is the system for?", "What information does it collect?",
                                                  "Who is in it?"]
    assert all(o["depth"] == 1 for o in outline[1:])


def test_an_english_document_has_no_alignment_to_correct(app: AppContext) -> None:
    doc = app.library.import_path(article("blog-translator")).id
    before = app.library.repo.segments(doc)
    with pytest.raises(UserError, match="no alignment to correct"):
        app.alignment.merge(doc, 0)
    assert app.library.repo.segments(doc) == before


def test_exporting_claims_writes_the_file_or_says_why_not(app: AppContext, tmp_path: Path) -> None:
    summary = app.coverage.claims(str(article("blog-translator")))
    out = tmp_path / "out"
    out.mkdir()
    target = out / "claims.html"
    app.coverage.export(summary, "html", target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(UserError, match="does not exist"):
        app.coverage.export(summary, "md", out / "missing" / "claims.md")
    assert [p.name for p in out.iterdir()] == ["claims.html"]  # nothing half-written left behind
