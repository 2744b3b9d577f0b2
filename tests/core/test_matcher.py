"""GlossaryMatcher: every occurrence, longest match first, both scripts, independent of jieba."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policyreader.core.matcher import GlossaryMatcher
from tests.conftest import GLOSSARY, corpus_zh

FORMS = {"信用": "xinyong", "社会信用": "shehui-xinyong", "社会信用体系": "shehui-xinyong-tixi",
         "双随机、一公开": "shuang-suiji-yi-gongkai", "征信": "zhengxin"}


def test_longest_match_wins_and_every_occurrence_is_found() -> None:
    m = GlossaryMatcher(FORMS)
    text = "推进社会信用体系建设，提高社会信用水平和信用意识。"
    found = [(x.text, x.entry) for x in m.find(text)]
    assert found == [("社会信用体系", "shehui-xinyong-tixi"), ("社会信用", "shehui-xinyong"), ("信用", "xinyong")]


def test_terms_with_punctuation_are_matched_although_jieba_splits_them() -> None:
    m = GlossaryMatcher(FORMS)
    text = "全面推行双随机、一公开监管"
    (hit,) = m.find(text)
    assert text[hit.start:hit.end] == "双随机、一公开"


def test_traditional_script_is_matched_through_opencc_variants() -> None:
    m = GlossaryMatcher(FORMS)
    hits = m.find("推進社會信用體系建設，規範徵信活動")
    assert [(h.text, h.entry) for h in hits] == [("社會信用體系", "shehui-xinyong-tixi"), ("徵信", "zhengxin")]


def test_real_glossary_links_the_real_corpus(session_engine) -> None:  # type: ignore[no-untyped-def]
    text = corpus_zh("spc_shixin_list_provisions_2013")
    hits = session_engine.terms(text)
    entries = {h.entry for h in hits}
    assert "shixin-bei-zhixing-ren" in entries
    assert all(text[h.start:h.end] == h.text for h in hits)
    # 失信被执行人 is one match, never 失信 + 被执行人
    assert not any(h.entry == "shixin" and text[h.start:h.start + 6] == "失信被执行人" for h in hits)


@given(st.text(alphabet="社会信用体系征双随机、一公开的和", max_size=60))
def test_matches_are_ordered_disjoint_and_exact(text: str) -> None:
    hits = GlossaryMatcher(FORMS, derive_scripts=False).find(text)
    last = 0
    for h in hits:
        assert h.start >= last and text[h.start:h.end] == h.text and FORMS[h.text] == h.entry
        last = h.end
    # every occurrence of 信用 is linked, unless an earlier (leftmost) match already took a character of it
    pos = text.find("信用")
    while pos != -1:
        assert any(h.start < pos + 2 and pos < h.end for h in hits)
        pos = text.find("信用", pos + 1)


def test_an_exclusion_stops_a_false_match_and_nothing_else() -> None:
    """信用分 ("credit score") inside 信用分类管理 is 信用 + 分类, classification: the real glossary says so."""
    from policyreader.core.glossary import load_glossary

    glossary = load_glossary(GLOSSARY)
    matcher = GlossaryMatcher.for_glossary(glossary)
    text = "实行信用分类管理，不设信用分，推进信用分级分類监管和全社会信用体系建设。"
    found = [(m.text, m.entry) for m in matcher.find(text)]
    assert ("信用分", "xinyong-fen") in found                      # the score itself is still linked
    assert sum(1 for t, _ in found if t == "信用分") == 1            # but not inside 信用分类 / 信用分级
    assert ("信用", "xinyong") in [(t, e) for t, e in found][:1]    # 信用 of 信用分类 is still 信用
    assert "社会信用" not in [t for t, _ in found]                   # 全社会 + 信用, not 社会信用
    plain = GlossaryMatcher(glossary.by_form())
    assert sum(1 for m in plain.find(text) if m.text == "信用分") == 3  # without the exclusions: false matches
