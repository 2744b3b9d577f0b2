"""Consistency across segments (Xbench's two checks) and the user's saved checks, on the real corpus's
aligned pairs and on planted cases."""

from __future__ import annotations

import pytest

from policyreader.core.bilingual import parse_aligned
from policyreader.core.consistency import CompiledCheck, Pair, UserCheck, consistency, normalise, run_checks
from policyreader.core.errors import UserError
from policyreader.core.model import FindingKind, Severity
from policyreader.core.qa import QASegment
from tests.conftest import CORPUS


def corpus_pairs() -> list[Pair]:
    out = []
    for path in sorted(CORPUS.glob("*.aligned.txt")):
        doc = path.name.removesuffix(".aligned.txt")
        blocks = parse_aligned(path.read_text(encoding="utf-8"))
        out += [Pair(doc, i, "\n".join(b.zh), " ".join(b.en)) for i, b in enumerate(blocks) if b.en]
    return out


def test_normalise_folds_widths_whitespace_and_spaces_inside_chinese() -> None:
    assert normalise("第一章 总 则") == normalise("第一章　总则") == normalise("第一章总则") == "第一章总则"
    assert normalise("信用信息，依法公开。") == normalise("信用信息,依法公开。")
    assert normalise("Chapter  I\tGeneral Provisions ") == "Chapter I General Provisions"
    assert normalise("Credit") != normalise("credit")  # case counts, as in Xbench


def test_the_bundled_corpus_is_consistent() -> None:
    pairs = corpus_pairs()
    assert len(pairs) > 500
    # "第一章 总 则" and "第一章 总则" both become "Chapter I General Provisions": the same Chinese, no finding
    assert sum(1 for p in pairs if p.en == "Chapter I General Provisions") >= 2
    assert consistency(pairs) == []


def test_the_same_chinese_translated_two_ways() -> None:
    pairs = corpus_pairs()
    target = next(p for p in pairs if p.zh.startswith("第二条 本条例所称社会信用"))
    planted = Pair("mine", 7, target.zh, target.en.replace("social credit means", "social credit refers to"))
    findings = consistency([*pairs, planted])
    assert {(f.doc, f.segment, f.kind) for f in findings} == {
        (target.doc, target.segment, FindingKind.INCONSISTENT_TARGET), ("mine", 7, FindingKind.INCONSISTENT_TARGET)}
    mine = next(f for f in findings if f.doc == "mine")
    assert (mine.found, mine.expected, mine.severity) == (planted.en, target.en, Severity.WARNING)
    assert f"({target.doc} §{target.segment + 1})" in mine.message
    assert [f.doc for f in consistency([*pairs, planted], ["mine"])] == ["mine"]  # one document's findings


def test_the_same_english_for_different_chinese() -> None:
    pairs = corpus_pairs()
    target = next(p for p in pairs if p.zh.startswith("第三条") and len(p.en) > 80)
    planted = Pair("mine", 0, "第三条 本办法适用于全省。", target.en)
    findings = [f for f in consistency([*pairs, planted]) if f.kind == FindingKind.INCONSISTENT_SOURCE]
    assert {(f.doc, f.segment) for f in findings} == {(target.doc, target.segment), ("mine", 0)}
    assert next(f for f in findings if f.doc == "mine").expected == target.zh


SEGMENTS = [QASegment(0, "信用分是评价结果。", "The social credit scores are results."),
            QASegment(1, "信用信息应当公开。", "Credit information shall be made public."),
            QASegment(2, "信用分", ""),  # untranslated: not checked
            QASegment(3, "失信被执行人名单", "the list of judgment defaulters")]


def test_never_matches_whole_words_with_plurals_case_insensitively() -> None:
    never = UserCheck("no score", "social credit score")
    [f] = run_checks([never], SEGMENTS)
    assert (f.segment, f.kind, f.severity, f.term, f.found) == (0, FindingKind.USER_CHECK, Severity.ERROR,
                                                                "no score", "social credit scores")
    assert run_checks([UserCheck("no cred", "cred")], SEGMENTS) == []  # "cred" is not a word of "Credit"
    [g] = run_checks([UserCheck("no defaulty", "judgment defaulter")], SEGMENTS)  # plural with -s
    assert g.found == "judgment defaulters"
    penalties = [QASegment(0, "处罚", "Penalties apply."), QASegment(1, "处罚", "A penalty's effect."),
                 QASegment(2, "处罚", "He was penalised.")]
    assert [f.found for f in run_checks([UserCheck("p", "penalty")], penalties)] == ["Penalties", "penalty's"]


def test_always_where_the_chinese_has_a_term() -> None:
    always = UserCheck("shixin", "dishonest", must=True, chinese="失信", severity="warning")
    [f] = run_checks([always], SEGMENTS, doc="d")
    assert (f.segment, f.severity, f.expected, f.doc) == (3, Severity.WARNING, "dishonest", "d")
    assert "where the Chinese has “失信”" in f.message


def test_regular_expressions_and_bad_rules() -> None:
    [f] = run_checks([UserCheck("shall", r"\bshall be made (public|known)\b", regex=True)], SEGMENTS)
    assert f.found == "shall be made public"
    with pytest.raises(UserError, match="check 'broken': not a valid regular expression"):
        CompiledCheck(UserCheck("broken", "(unclosed", regex=True))
    with pytest.raises(UserError, match="severity 'fatal'"):
        CompiledCheck(UserCheck("x", "y", severity="fatal"))
    assert UserCheck.from_json(UserCheck("a", "b", True, "信用", True, "warning").to_json()) == UserCheck(
        "a", "b", True, "信用", True, "warning")


def test_de_and_the_choice_of_conjunction_do_not_make_the_chinese_different() -> None:
    from policyreader.core.consistency import Pair

    same = [Pair("a", 0, "第四章 信息主体的权益保护", "Chapter IV Protection of the Rights and Interests of Information Subjects"),
            Pair("b", 0, "第四章 信息主体权益保护", "Chapter IV Protection of the Rights and Interests of Information Subjects"),
            Pair("c", 0, "第四章 守信激励与失信惩戒", "Chapter IV Incentives"),
            Pair("d", 0, "第四章 守信激励和失信惩戒", "Chapter IV Incentives")]
    assert consistency(same) == []
    differ = [*same[:1], Pair("e", 3, "第四章 信息主体权益保护", "Chapter IV Rights of Information Subjects")]
    assert {(f.doc, f.kind.value) for f in consistency(differ)} == {("a", "inconsistent-target"),
                                                                   ("e", "inconsistent-target")}
