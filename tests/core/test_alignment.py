"""Aligning Chinese paragraphs with an English translation paragraphed differently (sentence level)."""

from __future__ import annotations

import random

from policyreader.core.alignment import Link, apply_overrides, en_sentences, zh_sentences
from policyreader.core.bilingual import parse_aligned
from policyreader.core.sentence_align import SentenceAligner, alignment_units
from tests.conftest import CORPUS

DOC = "zhengxin_industry_regulation_2013"


def gold(doc: str = DOC) -> tuple[list[str], list[str], list[tuple[tuple[int, ...], str]]]:
    blocks = parse_aligned((CORPUS / f"{doc}.aligned.txt").read_text(encoding="utf-8"))
    zh: list[str] = []
    en: list[str] = []
    pairs = []
    for b in blocks:
        pairs.append((tuple(range(len(zh), len(zh) + len(b.zh))), " ".join(b.en)))
        zh += b.zh
        en += b.en
    return zh, en, pairs


def pairs_of(result) -> set[tuple[tuple[int, ...], str]]:  # type: ignore[no-untyped-def]
    return {(lk.zh, " ".join(result.en[j] for j in lk.en)) for lk in result.links}


def test_every_chinese_paragraph_appears_once_in_order() -> None:
    zh, en, _ = gold()
    result = SentenceAligner().align(zh, en)
    assert [i for lk in result.links for i in lk.zh] == list(range(len(zh)))
    assert [j for lk in result.links for j in lk.en] == list(range(len(result.en)))
    assert all(0.0 <= lk.confidence <= 1.0 for lk in result.links)


def test_a_translation_paragraphed_like_the_source_keeps_its_paragraphs() -> None:
    zh, en, want = gold()
    result = SentenceAligner().align(zh, en)
    assert result.en == en
    assert len(pairs_of(result) & set(want)) >= 0.98 * len(want)


def test_an_untranslated_paragraph_is_a_1_0_link() -> None:
    zh, en, want = gold()
    gap = next(k for k, (z, e) in enumerate(want) if len(z) == 1 and zh[z[0]].startswith("第十"))
    en_without = [e for j, e in enumerate(en) if j != gap]
    result = SentenceAligner().align(zh, en_without)
    assert Link((gap,), (), result.links[gap].confidence) in result.links


def test_english_paragraphs_that_merge_articles_are_split_at_sentence_boundaries() -> None:
    """Every two or three English paragraphs merged into one, a few sentences dropped: the Chinese
    paragraphs are never merged to match; each gets its own sentences."""
    zh, en, want = gold()
    rng = random.Random(7)
    merged: list[str] = []
    expected = []
    k = 0
    paras = [" ".join(s for s in en_sentences(e) if rng.random() > 0.03 or len(en_sentences(e)) == 1) for e in en]
    while k < len(paras):
        g = rng.choice((1, 2, 3))
        merged.append(" ".join(paras[k:k + g]))
        k += g
    for (z, _e), text in zip(want, paras, strict=True):
        expected.append((z, text))
    result = SentenceAligner().align(zh, merged)
    got = pairs_of(result)
    assert all(len(lk.zh) == 1 for lk in result.links if lk.zh)
    assert len(got & set(expected)) >= 0.95 * len(expected)


def test_units_are_cut_before_headings_and_items_that_lost_their_line_break() -> None:
    text = ("Regulations on Credit Adopted at the 1st meeting on 1 May 2020 In force from 1 June 2020 "
            "Article 1 These Regulations are formulated. Article 2 They apply to: (1) persons; (2) firms.")
    assert alignment_units(text) == [
        "Regulations on Credit", "Adopted at the 1st meeting on 1 May 2020", "In force from 1 June 2020",
        "Article 1 These Regulations are formulated.", "Article 2 They apply to:", "(1) persons;", "(2) firms."]
    assert alignment_units("as provided in Article 12 of these Regulations.") == [
        "as provided in Article 12 of these Regulations."]


def test_sentence_splitting() -> None:
    assert zh_sentences("第一条 为了……，制定本条例。本条例自公布之日起施行。") == [
        "第一条 为了……，制定本条例。", "本条例自公布之日起施行。"]
    assert en_sentences("See Art. 5 of No. 3. Then (1) apply; (2) report.") == [
        "See Art. 5 of No. 3.", "Then (1) apply;", "(2) report."]


def test_apply_overrides_keeps_a_manual_link() -> None:
    zh = ["甲", "乙", "丙"]
    en = ["A", "B", "C"]
    links = [Link((0,), (0,), 1.0), Link((1,), (1,), 1.0), Link((2,), (2,), 1.0)]
    out = apply_overrides(zh, en, links, [("甲\n乙", "A")])
    assert Link((0, 1), (0,), 1.0) in out and Link((), (1,), 1.0) in out
