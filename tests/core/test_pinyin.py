"""Pinyin: tone marks and numbers, heteronyms resolved by context, reviewed overrides, glossary wins."""

from __future__ import annotations

import pytest

from policyreader.core.pinyin import marks_to_numbers, overrides, word_pinyin, word_pinyin_numbers


@pytest.mark.parametrize(("word", "marks", "numbers"), [
    ("还款", "huánkuǎn", "huan2 kuan3"),   # pypinyin alone says hái
    ("信用", "xìnyòng", "xin4 yong4"),
    ("银行", "yínháng", "yin2 hang2"),
    ("履行", "lǚxíng", "lv3 xing2"),
])
def test_word_pinyin(word: str, marks: str, numbers: str) -> None:
    assert word_pinyin(word) == marks
    assert word_pinyin_numbers(word) == numbers


def test_glossary_reading_wins_over_everything() -> None:
    assert word_pinyin("还款", {"还款": "hái-kuǎn-test"}) == "hái-kuǎn-test"


def test_overrides_table_is_reviewed_data_with_tone_marks() -> None:
    table = overrides()
    assert table["还款"] == "huánkuǎn"
    assert all(not any(c.isdigit() for c in v) for v in table.values())


def test_marks_to_numbers_handles_multiword_pinyin() -> None:
    assert marks_to_numbers("shèhuì xìnyòng tǐxì") == "she4 hui4 xin4 yong4 ti3 xi4"
