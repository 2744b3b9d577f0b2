"""The claims summary of an English text: which terms it names, how, and what the glossary says of each."""

from __future__ import annotations

import pytest

from policyreader.core.claims import ClaimsSummary, summarise
from policyreader.core.coverage import EnglishLinker
from policyreader.core.glossary import Glossary, load_glossary
from tests.conftest import GLOSSARY

TEXT = ("China's social credit system has no social credit score. Reports of a national Social Credit Score, "
        "of dishonest judgment debtors and of credit ratings (信用等级) mislead; the court list names judgment "
        "defaulters, and the social credit system keeps credit records.")


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY)


def summary_of(glossary: Glossary, text: str, counts: dict[str, int] | None = None) -> ClaimsSummary:
    linker = EnglishLinker(glossary.entries, glossary.by_form())
    return summarise("A test", "test.txt", linker.link(text), glossary.entries, linker.readings, counts)


def test_avoided_renderings_first_then_contested_then_the_rest(glossary: Glossary) -> None:
    s = summary_of(glossary, TEXT)
    assert [t.entry for t in s.terms] == ["xinyong-fen", "xinyong-dengji", "shixin-bei-zhixing-ren",
                                          "shehui-xinyong-tixi", "xinyong-jilu"]
    assert [t.worst for t in s.terms] == ["avoid", "avoid", "contested", "preferred", "preferred"]
    assert s.mentions == 8


def test_each_rendering_with_its_count_and_the_ways_it_is_written(glossary: Glossary) -> None:
    score = summary_of(glossary, TEXT).terms[0]
    assert score.term == "信用分" and score.preferred == "credit score" and score.mentions == 2
    (use,) = score.renderings
    assert (use.rendering, use.status, use.count) == ("social credit score", "avoid", 2)
    assert use.written == ["social credit score", "Social Credit Score"]
    assert use.unaccepted  # no entry accepts these words for any term
    assert "universal score" in score.dispute and score.notes


def test_a_rendering_another_entry_accepts_is_not_unaccepted(glossary: Glossary) -> None:
    grade = summary_of(glossary, TEXT).terms[1]
    (use,) = grade.renderings
    assert use.status == "avoid" and not use.unaccepted
    assert [(r.term, r.status) for r in use.also] == [("信用评级", "preferred"), ("信用评价", "contested")]


def test_a_term_named_two_ways_lists_the_worse_rendering_first(glossary: Glossary) -> None:
    defaulters = summary_of(glossary, TEXT).terms[2]
    assert [(u.rendering, u.status) for u in defaulters.renderings] == [
        ("dishonest judgment debtor", "contested"), ("judgment defaulter", "preferred")]
    assert defaulters.flagged


def test_counts_in_the_regulations_are_carried_when_known(glossary: Glossary) -> None:
    assert all(t.in_regulations is None for t in summary_of(glossary, TEXT).terms)
    s = summary_of(glossary, TEXT, {"shehui-xinyong-tixi": 40})
    assert {t.entry: t.in_regulations for t in s.terms}["shehui-xinyong-tixi"] == 40
    assert {t.entry: t.in_regulations for t in s.terms}["xinyong-jilu"] == 0


def test_json_shape(glossary: Glossary) -> None:
    data = summary_of(glossary, TEXT).to_json()
    assert set(data) == {"title", "source", "mentions", "terms_named", "contested", "avoid", "unaccepted", "terms"}
    assert (data["mentions"], data["terms_named"], data["avoid"], data["contested"]) == (8, 5, 2, 1)
    assert data["unaccepted"] == ["dishonest judgment debtor", "social credit score"]
    assert set(data["terms"][0]) == {"entry", "term", "pinyin", "preferred", "mentions", "status", "renderings",
                                     "dispute", "notes", "in_regulations"}


def test_a_text_without_renderings_names_no_terms(glossary: Glossary) -> None:
    s = summary_of(glossary, "The weather was fine in Qingshan.")
    assert s.terms == [] and s.mentions == 0
