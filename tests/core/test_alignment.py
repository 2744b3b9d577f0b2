"""The aligner on real corpus paragraphs: anchors keep articles together, gaps become 1-0 / 0-1 links,
and the sentence-level pass splits a paragraph that faces two."""

from __future__ import annotations

from policyreader.core.alignment import (
    Link,
    ParagraphAligner,
    en_sentences,
    refine_links,
    roman_to_int,
    zh_sentences,
)
from policyreader.core.bilingual import parse_aligned
from tests.conftest import CORPUS


def pairs(doc: str) -> tuple[list[str], list[str]]:
    blocks = parse_aligned((CORPUS / f"{doc}.aligned.txt").read_text(encoding="utf-8"))
    return [z for b in blocks for z in b.zh], [e for b in blocks for e in b.en]


def test_every_index_appears_once_in_order() -> None:
    zh, en = pairs("spc_shixin_list_provisions_2013")
    links = ParagraphAligner().align(zh, en)
    assert [i for lk in links for i in lk.zh] == list(range(len(zh)))
    assert [j for lk in links for j in lk.en] == list(range(len(en)))
    assert all(0.0 <= lk.confidence <= 1.0 for lk in links)


def test_a_missing_translation_paragraph_becomes_a_1_0_link() -> None:
    zh, en = pairs("samr_admin_penalty_info_publicity_2021")
    gap = next(i for i, t in enumerate(en) if t.startswith("Article 10 "))
    links = ParagraphAligner().align(zh, en[:gap] + en[gap + 1:])
    (lost,) = [lk for lk in links if not lk.en]
    assert zh[lost.zh[0]].startswith("第十条")


def test_untranslated_tail_of_a_partial_document() -> None:
    zh, en = pairs("shandong_social_credit_regulations_2020")
    links = ParagraphAligner().align(zh, en)
    one_to_one = [lk for lk in links if lk.kind == "1-1"]
    assert len(one_to_one) == len(en)
    assert all(zh[lk.zh[0]][:3] != "第二章" for lk in one_to_one)


def test_sentence_splitting() -> None:
    assert zh_sentences("第一条 为了规范。保护权益；制定本条例。") == ["第一条 为了规范。", "保护权益；", "制定本条例。"]
    assert en_sentences("See Art. 5 of Decree No. 3. Then (1) apply it.") == [
        "See Art. 5 of Decree No. 3.", "Then (1) apply it."]
    assert roman_to_int("XIV") == 14


def test_refine_splits_an_english_paragraph_that_covers_two_articles() -> None:
    zh, en = pairs("zhengxin_industry_regulation_2013")
    i = next(k for k, t in enumerate(zh) if t.startswith("第三条"))
    merged_en = en[i] + " " + en[i + 1]
    new_zh, new_en, links = refine_links(zh[i:i + 2], [merged_en], [Link((0, 1), (0,), 0.4)], ParagraphAligner())
    assert new_zh == zh[i:i + 2] and new_en == [en[i], en[i + 1]]
    assert [lk.kind for lk in links] == ["1-1", "1-1"]


def test_refine_leaves_a_link_it_cannot_split_cleanly() -> None:
    zh = ["第一条 本条例自公布之日起施行。", "第二条 本条例由省人民代表大会常务委员会负责解释。"]
    en = ["These Regulations take effect on the day of promulgation and are interpreted by the Standing Committee"]
    links = [Link((0, 1), (0,), 0.3)]
    assert refine_links(zh, en, links, ParagraphAligner())[2] == links
