"""Pinyin: tone marks and numbers, heteronyms resolved by context, reviewed overrides, glossary wins."""

from __future__ import annotations

from pathlib import Path

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


def test_the_phrase_table_decoded_in_steps_is_pypinyins_own() -> None:
    """pypinyin's phrase table read a slice at a time (so that no single step holds the interpreter for
    long) is the table ``json.loads`` gives of the whole file, and a file laid out otherwise still loads."""
    import json
    from importlib.util import find_spec

    from policyreader.core import pinyin

    spec = find_spec("pypinyin")
    assert spec is not None and spec.origin is not None
    table = Path(spec.origin).with_name("phrases_dict.json")
    text = table.read_text(encoding="utf-8")
    assert pinyin._read_in_steps(table, step=1000) == text  # a step may end inside a character
    whole = json.loads(text)
    stepped = pinyin._phrases(text)
    assert len(stepped) == len(whole) > 40_000
    assert stepped == whole
    compact = json.dumps(dict(list(whole.items())[:50]), ensure_ascii=False)  # one line: no key lines
    assert pinyin._phrases(compact) == json.loads(compact)


def test_readings_are_those_of_pypinyin_imported_as_it_is() -> None:
    """Every word of the bundled corpus, and every tenth phrase of pypinyin's table, reads the same through
    ``pinyin.pypinyin()`` (phrases added after the import) as through pypinyin imported plainly: each in a
    process of its own, so that neither finds the other's module loaded."""
    import json
    import subprocess
    import sys

    import jieba

    from tests.conftest import CORPUS

    text = "".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.zh.txt")))
    words = sorted({w for w in jieba.lcut(text) if len(w) > 1 and all("\u4e00" <= c <= "\u9fff" for c in w)})
    assert len(words) > 1500
    plain = ("import json, sys\nfrom pypinyin import Style, lazy_pinyin\n"
             "from pypinyin.constants import PHRASES_DICT\n")
    ours = ("import json, sys\nfrom policyreader.core.pinyin import pypinyin\np = pypinyin()\n"
            "assert 'pypinyin.phrases_dict' not in sys.modules  # the phrases were added, not imported\n"
            "Style, lazy_pinyin = p.Style, p.lazy_pinyin\nfrom pypinyin.constants import PHRASES_DICT\n")
    read = ("words = json.load(sys.stdin) + sorted(PHRASES_DICT)[::10]\n"
            "print(json.dumps([len(PHRASES_DICT), [''.join(lazy_pinyin(w, style=Style.TONE)) for w in words]]))")
    results = [json.loads(subprocess.run([sys.executable, "-c", head + read], input=json.dumps(words), text=True,
                                         capture_output=True, check=True).stdout) for head in (plain, ours)]
    (n_plain, plain_readings), (n_ours, our_readings) = results
    assert n_plain == n_ours > 40_000
    assert len(plain_readings) > 6000
    differ = [(a, b) for a, b in zip(our_readings, plain_readings, strict=True) if a != b]
    assert not differ, differ[:10]
