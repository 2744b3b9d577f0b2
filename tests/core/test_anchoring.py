"""Re-anchoring: exact where the text is unchanged, fuzzy after light edits, orphan otherwise —
and never a wrong placement reported as exact."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policyreader.core.anchoring import Anchorer, make_quote
from tests.conftest import corpus_zh

TEXT = corpus_zh("zhengxin_industry_regulation_2013")


def quote_of(phrase: str, text: str = TEXT):  # type: ignore[no-untyped-def]
    start = text.index(phrase)
    return make_quote(text, start, start + len(phrase))


def test_unchanged_text_is_exact_in_place() -> None:
    q = quote_of("保护当事人合法权益")
    a = Anchorer(TEXT).anchor(q)
    assert (a.status, a.start, a.end) == ("exact", q.start, q.end)


def test_text_inserted_before_moves_the_annotation_exactly() -> None:
    q = quote_of("保护当事人合法权益")
    new = "【编者按：本条例已修订。】\n" + TEXT
    a = Anchorer(new, len(TEXT)).anchor(q)
    assert a.status == "exact" and new[a.start:a.end] == q.exact and a.start == q.start + 14


def test_light_edit_inside_the_quote_is_fuzzy() -> None:
    q = quote_of("不得危害国家秘密，不得侵犯商业秘密和个人隐私")
    new = TEXT.replace("不得危害国家秘密，不得侵犯商业秘密和个人隐私", "不得危害国家秘密，不得侵犯他人商业秘密和个人隐私")
    a = Anchorer(new, len(TEXT)).anchor(q)
    assert a.status == "fuzzy"
    assert new[a.start:a.end].startswith("不得危害国家秘密") and new[a.start:a.end].endswith("个人隐私")


def test_deleted_passage_makes_an_orphan() -> None:
    para = next(line for line in TEXT.splitlines() if line.startswith("第三条"))
    q = quote_of("不得危害国家秘密")
    assert TEXT.count(q.exact) == 1
    a = Anchorer(TEXT.replace(para + "\n", ""), len(TEXT)).anchor(q)
    assert (a.status, a.start, a.end) == ("orphan", -1, -1)


def test_same_quote_elsewhere_with_other_context_is_not_exact() -> None:
    # "征信机构" occurs many times; delete the annotated occurrence's sentence
    q = quote_of("设立经营个人征信业务的征信机构")
    new = TEXT.replace("设立经营个人征信业务的征信机构", "设立机构")
    a = Anchorer(new, len(TEXT)).anchor(q)
    assert a.status != "exact"


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=len(TEXT) - 40), st.integers(min_value=2, max_value=30),
       st.integers(min_value=0, max_value=len(TEXT)), st.integers(min_value=0, max_value=60),
       st.text(alphabet="的信用征个人机构，。条例", max_size=20))
def test_exact_is_never_wrong(start: int, length: int, at: int, cut: int, insert: str) -> None:
    q = make_quote(TEXT, start, start + length)
    new = TEXT[:at] + insert + TEXT[at + cut:]
    a = Anchorer(new, len(TEXT)).anchor(q)
    if a.status == "exact":
        assert new[a.start:a.end] == q.exact
        assert new[max(0, a.start - len(q.prefix)):a.start] == q.prefix
        assert new[a.end:a.end + len(q.suffix)] == q.suffix


def test_a_text_converted_to_traditional_keeps_its_quotes_exact_in_place() -> None:
    import opencc

    new = opencc.OpenCC("s2tw").convert(TEXT)
    assert new != TEXT and len(new) == len(TEXT)
    q = quote_of("保护当事人合法权益")
    a = Anchorer(new, old_text=TEXT).anchor(q)
    assert (a.status, a.start, a.end) == ("exact", q.start, q.end)
    assert new[a.start:a.end] == "保護當事人合法權益"


def test_folding_the_script_never_makes_an_ambiguous_quote_exact() -> None:
    """The same words in the same context twice: after a change of script, moving is still a guess."""
    import opencc

    from policyreader.core.anchoring import TextQuote

    twice = TEXT + "\n" + TEXT
    q = quote_of("保护当事人合法权益", twice)
    moved = TextQuote(q.start + 5, q.end + 5, q.exact, q.prefix, q.suffix)  # not where it was
    a = Anchorer(opencc.OpenCC("s2hk").convert(twice), old_text=twice).anchor(moved)
    assert a.status == "fuzzy"
