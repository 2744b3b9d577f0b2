"""Translation QA: the English matcher, the terminology rules, numbers and untranslated segments, checked
against the real glossary and our own gold-aligned translations in docs_corpus/."""

from __future__ import annotations

import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from policyreader.core.bilingual import parse_aligned
from policyreader.core.english import contains_rendering, stem
from policyreader.core.glossary import load_glossary
from policyreader.core.matcher import GlossaryMatcher
from policyreader.core.numbers import chinese_numbers, english_numbers
from policyreader.core.qa import Finding, QASegment, TerminologyChecker

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "docs_corpus"


@cache
def checker() -> TerminologyChecker:
    glossary = load_glossary(ROOT / "glossary")
    return TerminologyChecker(glossary.entries, GlossaryMatcher.for_glossary(glossary))


@cache
def documents() -> dict[str, tuple[str, list[QASegment]]]:
    """Document id → (translation status from the manifest, segments); a segment is one aligned block."""
    manifest = tomllib.loads((CORPUS / "manifest.toml").read_text(encoding="utf-8"))
    out = {}
    for doc in manifest["document"]:
        path = CORPUS / f"{doc['id']}.aligned.txt"
        blocks = parse_aligned(path.read_text(encoding="utf-8"), path.name)
        out[doc["id"]] = (doc["translation"], [QASegment(i, "\n".join(b.zh), "\n".join(b.en))
                                               for i, b in enumerate(blocks)])
    return out


def segment(doc: str, zh_start: str) -> QASegment:
    """The corpus segment of *doc* whose Chinese starts with *zh_start*."""
    (seg,) = [s for s in documents()[doc][1] if s.zh.startswith(zh_start)]
    return seg


def check(zh: str, en: str) -> list[Finding]:
    return checker().check([QASegment(0, zh, en)])


def kinds(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.kind, f.entry) for f in findings]


# --- the English matcher ------------------------------------------------------------------------------

@pytest.mark.parametrize(("english", "rendering"), [
    ("credit reports", "credit report"),
    ("the credit-reporting industry", "credit reporting"),
    ("credit reporting agencies", "credit reporting agency"),
    ("entities placed on redlists", "redlist"),
    ("the red list", "redlist"),
    ("a red-list system", "red list"),
    ("redlisted enterprises", "red-list"),
    ("Blacklisted persons", "blacklist"),
    ("black-listing", "blacklist"),
    ("the list", "list"),
    ("those listed", "list"),  # -ed is an inflection: "listed" is a form of "list"
    ("Credit scoring", "credit score"),
    ("JUDGMENT DEFAULTERS", "judgment defaulter"),
    ("judgement defaulters", "judgment defaulter"),
    ("tiered and categorized regulation", "tiered and categorised regulation"),
    ("dishonest behavior", "dishonest behaviour"),
    ("the Credit China website", "“Credit China”"),
    ("credit investigation is", "credit investigation (征信)"),
    ("untrustworthiness", "untrustworthy; untrustworthiness"),
    ("untrustworthy conduct", "untrustworthy; untrustworthiness"),
    ("the “double random, one public” inspections", "\"double random, one public\" inspections"),
    ("the People’s Bank of China", "People's Bank of China"),
    ("the sharing of credit information", "credit information sharing"),
    ("building of integrity", "integrity building"),
])
def test_matcher_accepts_inflections_spelling_and_compound_variants(english: str, rendering: str) -> None:
    assert contains_rendering(english, rendering)


@pytest.mark.parametrize(("english", "rendering"), [
    ("the creditor", "credit"),
    ("accreditation", "credit"),
    ("creditworthiness", "credit"),
    ("a blacklist", "list"),
    ("a specialist", "list"),
    ("listings of blacklists", "black"),
    ("good credit. Information", "credit information"),  # a sentence break ends a phrase
    ("credit (information)", "credit information"),
    ("information on credit", "credit information sharing"),
])
def test_matcher_never_matches_inside_a_longer_word_or_across_a_break(english: str, rendering: str) -> None:
    assert not contains_rendering(english, rendering)


def test_stemmer_strips_inflections_but_keeps_derivations() -> None:
    assert {stem(w) for w in ("credit", "credits", "credited", "crediting")} == {"credit"}
    assert {stem(w) for w in ("agency", "agencies")} == {"agency"}
    assert stem("creditor") != stem("credit") and stem("regulation") != stem("regulate")
    assert stem("red") == "red" and stem("thing") == "thing"


# --- terminology --------------------------------------------------------------------------------------

def test_real_translation_with_the_preferred_rendering_passes() -> None:
    seg = segment("zhengxin_industry_regulation_2013", "第五条")
    assert "credit reporting agency" in seg.en
    assert checker().check([seg]) == []


def test_nested_term_is_not_checked_on_its_own() -> None:
    # 信用 inside 社会信用体系 is part of that occurrence, so "social credit system" satisfies it
    assert check("推进社会信用体系建设", "advance the building of the social credit system") == []
    seg = segment("zhengxin_industry_regulation_2013", "第一条")
    assert not [f for f in checker().check([seg]) if f.entry in ("xinyong", "shehui-xinyong")]


def test_a_stretch_of_english_renders_only_one_term() -> None:
    # 信用 occurs on its own here: "credit" inside "social credit system" is claimed by 社会信用体系
    assert kinds(check("完善社会信用体系，提高信用水平",
                       "improve the social credit system and raise the level of trust")) == [("term-missing", "xinyong")]
    assert check("完善社会信用体系，提高信用水平",
                 "improve the social credit system and raise the level of credit") == []


def test_counts_are_not_compared_because_translators_pronominalise() -> None:
    # 征信机构 occurs twice in the Chinese, "credit reporting agency" once in the English ("another such agency")
    seg = segment("zhengxin_industry_regulation_2013", "(一)与其他征信机构约定")
    assert seg.zh.count("征信机构") == 2 and seg.en.count("credit reporting agenc") == 1
    assert not [f for f in checker().check([seg]) if f.entry == "zhengxin-jigou"]


def test_contested_rendering_is_a_warning() -> None:
    # 归集 as "collection" (an earlier draft of our Zhejiang translation); the glossary prefers "aggregation"
    real = segment("zhejiang_public_credit_info_regulations_2017", "第二条")
    assert "aggregation" in real.en and not [f for f in checker().check([real]) if f.entry == "guiji"]
    seg = QASegment(real.id, real.zh, real.en.replace("aggregation", "collection"))
    (f,) = [f for f in checker().check([seg]) if f.entry == "guiji"]
    assert (f.kind, f.severity, f.term, f.found, f.expected) == (
        "term-contested", "warning", "归集", "collection", "aggregation | aggregate")


def test_avoid_rendering_is_an_error_even_next_to_a_good_one() -> None:
    findings = check("信用承诺书", "a credit commitment letter (not a letter of credit)")
    assert [(f.kind, f.severity, f.entry, f.found) for f in findings] == [
        ("term-avoid", "error", "xinyong-chengnuoshu", "letter of credit")]


def test_shared_rendering_goes_to_the_term_it_is_good_for() -> None:
    # "credit rating" is preferred for 信用评级 and to be avoided for 信用等级
    assert check("信用评级和信用等级", "credit rating and credit grade") == []
    assert kinds(check("信用评级和信用等级", "credit rating and credit rating")) == [("term-avoid", "xinyong-dengji")]


def test_closest_spelling_wins_between_stem_equal_renderings() -> None:
    # "credit report" (信用报告) and "credit reporting" (征信) share stems
    seg = segment("zhengxin_industry_regulation_2013", "第十七条")
    assert checker().check([seg]) == []


# planted errors: real aligned segments from fully translated documents, one rendering changed
PLANTED = [
    ("zhengxin_industry_regulation_2013", "第五条", "credit reporting agency", "",
     "term-missing", "zhengxin-jigou"),
    ("zhengxin_industry_regulation_2013", "第一条", "building of the social credit system", "building of the system",
     "term-missing", "shehui-xinyong-tixi-jianshe"),
    ("spc_shixin_list_provisions_2013", "失信被执行人是国家工作人员的", "judgment defaulter", "person",
     "term-missing", "shixin-bei-zhixing-ren"),
    ("taizhou_enterprise_credit_promotion_regulations_2020", "信用服务机构是指", "credit rating", "credit evaluation",
     "term-avoid", "xinyong-pingji"),
    ("zhejiang_public_credit_info_regulations_2017", "鼓励各单位建立信用管理", "credit commitment letters",
     "letters of credit", "term-avoid", "xinyong-chengnuoshu"),
    ("spc_shixin_list_provisions_2013", "失信被执行人是国家工作人员的", "untrustworthiness", "distrust",
     "term-avoid", "shixin"),
    ("taizhou_enterprise_credit_promotion_regulations_2020", "第八条", "core socialist values", "basic socialist values",
     "term-avoid", "shehui-zhuyi-hexin-jiazhiguan"),
]


@pytest.mark.parametrize(("doc", "zh_start", "old", "new", "kind", "entry"), PLANTED)
def test_planted_error_is_found(doc: str, zh_start: str, old: str, new: str, kind: str, entry: str) -> None:
    seg = segment(doc, zh_start)
    assert old in seg.en
    before = set(kinds(checker().check([seg])))
    assert (kind, entry) not in before
    planted = QASegment(seg.id, seg.zh, seg.en.replace(old, new))
    after = set(kinds(checker().check([planted])))
    assert after - before == {(kind, entry)}


# --- numbers ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("zh", "en"), [
    ("第十二条 征信机构应当……", "Article 12 A credit reporting agency shall ..."),
    ("依照本条例第三十六条、第三十七条、第三十八条规定", "under Articles 36, 37 and 38 of these Regulations"),
    ("第一章 总则", "Chapter I General Provisions"),
    ("适用本条例第五章规定", "are subject to the provisions of Chapter V of these Regulations"),
    ("处5万元以下罚款", "a fine of not more than RMB 50,000"),
    ("处一万元以上十万元以下罚款", "a fine of not less than 10,000 yuan but not more than 100,000 yuan"),
    ("注册资本不少于人民币5000万元", "registered capital of not less than RMB 50 million"),
    ("2013年3月15日 施行", "Effective as of 15 March 2013"),
    ("自公示之日起届满6个月", "6 months after it was made public"),
    ("届满三个月的，停止公示", "publicity shall cease when three months have elapsed"),
    ("第十三届人民代表大会常务委员会第二十二次会议", "the 22nd Meeting of the Standing Committee of the Thirteenth People's Congress"),
    ("（二）上一年度的报告", "(2) the report for the previous year"),
    ("前款第一项至第六项", "items (1) to (6) of the preceding paragraph"),
    ("每年两次", "twice a year"),
])
def test_numbers_that_agree_pass(zh: str, en: str) -> None:
    assert check(zh, en) == []


def test_wrong_article_number_is_an_article_number_error() -> None:
    (f,) = check("第十二条 征信机构应当……", "Article 13 A credit reporting agency shall ...")
    assert (f.kind, f.severity, f.expected, f.found) == ("article-number", "error", "Article 12", "Article 13")


def test_missing_and_extra_numbers_are_one_number_error() -> None:
    (f,) = check("处5万元以下罚款", "a fine of not more than RMB 5,000")
    assert (f.kind, f.severity, f.expected, f.found) == ("number", "error", "50000", "5000")
    assert "50000 missing from the English" in f.message and "5000 not in the Chinese" in f.message


def test_number_extraction_on_a_real_heading_line() -> None:
    seg = segment("zhengxin_industry_regulation_2013", "2013年1月21日")
    z, e = chinese_numbers(seg.zh), english_numbers(seg.en)
    assert z.required == {"2013", "1", "21", "631"}
    assert e.required == {"2013", "21", "631"} and "1" in e.optional  # January


# --- untranslated and identical -----------------------------------------------------------------------

def test_untranslated_segments() -> None:
    assert kinds(check("第一章 总则", "")) == [("untranslated", "")]
    assert kinds(check("第一章 总则", "Chapter I 总则和一般规定的适用范围")) == [("untranslated", "")]
    assert [(f.kind, f.severity) for f in check("征信业管理条例", "征信业管理条例")] == [
        ("identical", "warning"), ("untranslated", "error")]
    assert kinds(check("WTO", " WTO ")) == [("identical", "")]


# --- the unmodified corpus ----------------------------------------------------------------------------

def test_fully_translated_documents_have_no_number_or_untranslated_findings() -> None:
    found: Counter[str] = Counter()
    for translation, segs in documents().values():
        if translation == "full":
            found.update(f.kind for f in checker().check(segs))
    assert not {k: n for k, n in found.items() if k in ("number", "article-number", "untranslated", "identical")}


def test_partially_translated_documents_report_their_untranslated_blocks() -> None:
    _translation, segs = documents()["shanghai_social_credit_regulations_2017"]
    untranslated = [f for f in checker().check(segs) if f.kind == "untranslated"]
    assert len(untranslated) == sum(1 for s in segs if s.zh and not s.en)
