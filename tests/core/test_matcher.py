"""GlossaryMatcher: every occurrence, longest match first, both scripts, independent of jieba."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policyreader.core.matcher import GlossaryMatcher
from tests.conftest import corpus_zh

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
