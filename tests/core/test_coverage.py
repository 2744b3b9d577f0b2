"""Reading English coverage: language detection and the English linker, on the real glossary."""

from __future__ import annotations

import pytest

from policyreader.core.bilingual import parse_aligned
from policyreader.core.coverage import EnglishLinker, detect_language
from policyreader.core.glossary import load_glossary
from policyreader.core.model import Language
from tests.conftest import CORPUS, GLOSSARY, article_text, corpus_zh


@pytest.fixture(scope="module")
def linker() -> EnglishLinker:
    g = load_glossary(GLOSSARY)
    return EnglishLinker(g.entries, g.by_form())


def linked(linker: EnglishLinker, text: str) -> list[tuple[str, str, str]]:
    return [(h.text, h.entry, h.status) for h in linker.link(text)]


# -- language ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["news-qingshan", "blog-translator", "forum-thread", "explainer-words",
                                  "feature-county", "oped-score"])
def test_english_articles_read_as_english(name: str) -> None:
    assert detect_language(article_text(name)) == Language.EN


def test_chinese_regulations_read_as_chinese() -> None:
    assert detect_language(corpus_zh("shanghai_social_credit_regulations_2017")) == Language.ZH


def test_a_chinese_text_with_its_translation_interleaved_reads_as_chinese() -> None:
    blocks = parse_aligned((CORPUS / "spc_shixin_list_provisions_2013.aligned.txt").read_text(encoding="utf-8"))
    interleaved = "\n".join(line for b in blocks for line in (*b.zh, *b.en))
    assert detect_language(interleaved) == Language.ZH


def test_english_that_quotes_chinese_terms_reads_as_english() -> None:
    text = "The regulations call them 失信被执行人 (judgment defaulters) and keep a list of them in every court."
    assert detect_language(text) == Language.EN
    assert detect_language("") == Language.ZH


# -- linking ------------------------------------------------------------------------------------------

def test_longest_rendering_first_then_the_next(linker: EnglishLinker) -> None:
    assert linked(linker, "China's social credit system keeps credit records.") == [
        ("social credit system", "shehui-xinyong-tixi", "preferred"), ("credit records", "xinyong-jilu", "preferred")]


def test_leftmost_rendering_wins_an_overlap(linker: EnglishLinker) -> None:
    # "credit regulation" is a rendering too, but English puts the modifier first
    assert linked(linker, "Provinces revise their social credit regulations.") == [
        ("social credit", "shehui-xinyong", "preferred")]


def test_a_quoted_rendering_is_not_cut_by_one_that_crosses_the_quote(linker: EnglishLinker) -> None:
    assert linked(linker, 'Some keep "trust-breaking" for the act.') == [("trust-breaking", "shixin", "accepted")]


@pytest.mark.parametrize(("text", "entry"), [
    ("judgement defaulters", "shixin-bei-zhixing-ren"),          # British spelling, plural
    ("red-listed", "hongmingdan"),                                # hyphen, -ed
    ("Red List", "hongmingdan"),                                  # case, space
    ("blacklisting", "heimingdan"),                               # -ing
    ("administrative licence", "xingzheng-xuke"),                 # licence / license
    ("catalogue of public credit information", "gonggong-xinyong-xinxi-mulu"),  # of-inversion
    ("joint enforcement MOUs", "lianhe-jiangcheng-beiwanglu"),    # plural of an acronym
    ("the People's Bank of China", "zhongguo-renmin-yinhang"),
    ("National Public Credit Information Centre", "guojia-gonggong-xinyong-xinxi-zhongxin"),
])
def test_inflections_and_spellings(linker: EnglishLinker, text: str, entry: str) -> None:
    hits = linker.link(text)
    assert [h.entry for h in hits] == [entry]
    assert text[hits[0].start:hits[0].end] == hits[0].text


def test_words_that_merely_start_like_a_rendering_are_not_linked(linker: EnglishLinker) -> None:
    assert linked(linker, "The creditors met the blacksmith.") == []


def test_no_rendering_crosses_a_sentence_break(linker: EnglishLinker) -> None:
    assert [h.entry for h in linker.link("They studied social credit. System designers disagreed.")] == [
        "shehui-xinyong"]


def test_statuses_come_from_the_entry(linker: EnglishLinker) -> None:
    assert linked(linker, "a social credit score for dishonest judgment debtors") == [
        ("social credit score", "xinyong-fen", "avoid"),
        ("dishonest judgment debtors", "shixin-bei-zhixing-ren", "contested")]


def test_a_shared_rendering_goes_to_the_entry_that_recommends_it(linker: EnglishLinker) -> None:
    # credit rating: preferred for 信用评级, contested for 信用评价, avoid for 信用等级
    assert linked(linker, "a credit rating") == [("credit rating", "xinyong-pingji", "preferred")]
    # social credit system: preferred for 社会信用体系, avoid for 芝麻信用
    assert linked(linker, "the social credit system") == [("social credit system", "shehui-xinyong-tixi", "preferred")]


def test_a_chinese_term_in_brackets_says_which_entry_is_meant(linker: EnglishLinker) -> None:
    assert linked(linker, "a credit rating (信用等级) from A to D") == [("credit rating", "xinyong-dengji", "avoid")]
    assert linked(linker, "信用评价 (credit rating) by an agency") == [("credit rating", "xinyong-pingjia", "contested")]
    # a bracketed term that the stretch cannot render changes nothing
    assert linked(linker, "a credit rating (黑名单)") == [("credit rating", "xinyong-pingji", "preferred")]


def test_the_closest_spelling_decides_between_stem_equal_renderings(linker: EnglishLinker) -> None:
    assert [h.entry for h in linker.link("credit reporting")] == ["zhengxin"]
    assert [h.entry for h in linker.link("credit reports")] == ["xinyong-baogao"]


def test_offsets_index_the_text(linker: EnglishLinker) -> None:
    text = article_text("forum-thread")
    hits = linker.link(text)
    assert len(hits) > 40
    assert all(text[h.start:h.end] == h.text for h in hits)
    assert all(a.end <= b.start for a, b in zip(hits, hits[1:], strict=False))


# -- reverse lookup -----------------------------------------------------------------------------------

def test_readings_list_every_term_a_stretch_renders(linker: EnglishLinker) -> None:
    readings = linker.readings("credit ratings")
    assert [(r.term, r.status) for r in readings] == [("信用评级", "preferred"), ("信用评价", "contested"),
                                                      ("信用等级", "avoid")]
    assert readings[0].accepted and not readings[2].accepted


def test_a_rendering_no_entry_accepts_has_only_unaccepted_readings(linker: EnglishLinker) -> None:
    readings = linker.readings("social credit scores")
    assert [(r.entry, r.status) for r in readings] == [("xinyong-fen", "avoid")]
    assert not any(r.accepted for r in readings)


def test_reading_of_one_entry(linker: EnglishLinker) -> None:
    r = linker.reading("zhima-xinyong", "Social Credit System")
    assert r is not None and r.status == "avoid" and r.term == "芝麻信用"
    assert linker.reading("heimingdan", "social credit system") is None
    assert linker.readings("weather forecast") == []
