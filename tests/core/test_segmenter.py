"""Segmenter: jieba's output from a compiled trie, terms kept whole, thread-safe, code-point offsets."""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

import jieba
import pytest

from policyreader.core.segmenter import Segmenter
from policyreader.services.engine import TextEngine
from tests.conftest import CORPUS, ROOT
from tests.library_generator import generate

#: the generated library the benchmarks import (tests/library_generator.py; benchmarks/test_scale_bench.py)
LIBRARY_SIZE = 3_500

#: jieba's block pattern (jieba/__init__.py, ``re_han_default``)
JIEBA_BLOCK = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+")

#: what jieba does with text that is not Chinese prose: digits with a decimal point or a per cent sign,
#: runs of dashes, ASCII words, characters outside jieba's Han range, CR LF, tabs, full-width space
EDGES = ("总额5%以上 3.5% ABC123 a-b_c 2014年 T恤 B超 卡拉OK 3G手机 100% x%y ---- -- 5.5.5 ..% ％５ 〇一二 "
         "㐀㐁 龥鿕鿖 F1 0.993 Apache-2.0 https://github.com/LawRefBook/Laws \r\n\r\n  \t x\u3000y 𠀀🙂")


@pytest.fixture(scope="module")
def reference(session_engine: TextEngine, tmp_path_factory: pytest.TempPathFactory) -> jieba.Tokenizer:
    """Python jieba itself, with the glossary forms added exactly as the segmenter adds them."""
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(tmp_path_factory.mktemp("jieba"))
    tok.initialize()
    for w in session_engine.matcher.forms:
        tok.add_word(w, freq=max(tok.suggest_freq(w, tune=False), 10_000))
    return tok


def test_cache_lives_in_the_given_directory_not_the_shared_temp_file(tmp_path: Path) -> None:
    seg = Segmenter(tmp_path / "cache")
    seg.warm_up()
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [Segmenter.CACHE_FILE]
    again = Segmenter(tmp_path / "cache")  # a second process reads the cache instead of the dictionary
    assert again.words("社会信用体系建设") == seg.words("社会信用体系建设")


def test_same_words_as_jieba_on_the_whole_bundled_corpus(session_engine: TextEngine,
                                                        reference: jieba.Tokenizer) -> None:
    files = sorted(CORPUS.glob("*.txt")) + [ROOT / "README.md"]
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert session_engine.segmenter.words(text) == reference.lcut(text, HMM=True), path.name
    assert session_engine.segmenter.words(EDGES) == reference.lcut(EDGES, HMM=True)


@pytest.mark.slow
def test_same_words_as_jieba_on_the_generated_library(session_engine: TextEngine, reference: jieba.Tokenizer) -> None:
    """The 3,500 generated laws the benchmarks import (about 12 million characters).

    jieba cuts each run of characters its block pattern matches on its own (whatever surrounds it is
    split off by whitespace or character by character), so the library's distinct blocks, newline
    between them, hold every case of the whole library: 4.7 of its 10.9 million block characters.
    """
    blocks = dict.fromkeys(b for doc in generate(LIBRARY_SIZE) for b in JIEBA_BLOCK.findall(doc.text))
    assert len(blocks) > 200_000
    batch = list(blocks)
    for i in range(0, len(batch), 5_000):
        text = "\n".join(batch[i:i + 5_000])
        assert session_engine.segmenter.words(text) == reference.lcut(text, HMM=True)


def test_words_added_later_change_the_output_as_in_jieba(tmp_path: Path) -> None:
    text = "推进征信体系和信用修复机制建设，落实首违不罚清单"
    seg = Segmenter(tmp_path)
    ref = jieba.Tokenizer()
    ref.tmp_dir = str(tmp_path)
    for w in ["信用修复机制", "首违不罚清单", "征信体系"]:
        seg.add_words([w])
        ref.add_word(w, freq=max(ref.suggest_freq(w, tune=False), 10_000))
        assert seg.words(text) == ref.lcut(text, HMM=True)
    assert "首违不罚清单" in seg.words(text)


def test_tokens_cover_the_text_with_code_point_offsets(tmp_path: Path) -> None:
    seg = Segmenter(tmp_path)
    text = "𠀀信用信息共享平台🙂建设"
    toks = seg.tokens(text)
    assert "".join(t.text for t in toks) == text
    assert all(text[t.start:t.end] == t.text for t in toks)


def test_added_words_come_out_whole(tmp_path: Path) -> None:
    seg = Segmenter(tmp_path, ["失信被执行人", "联合奖惩备忘录"])
    words = seg.words("签署联合奖惩备忘录，公布失信被执行人名单")
    assert "联合奖惩备忘录" in words and "失信被执行人" in words


def test_keep_spans_merge_terms_jieba_would_split(tmp_path: Path) -> None:
    seg = Segmenter(tmp_path)
    text = "推行双随机、一公开监管"
    start = text.index("双")
    toks = seg.tokens(text, keep=[(start, start + 7)])
    assert "双随机、一公开" in [t.text for t in toks]


def test_two_threads_segment_and_add_words_safely(tmp_path: Path) -> None:
    seg = Segmenter(tmp_path)
    text = "社会信用体系建设应当坚持政府推动、社会共建的原则。" * 20
    expected = seg.words(text)
    errors: list[BaseException] = []

    def cut() -> None:
        try:
            for _ in range(20):
                assert "".join(seg.words(text)) == text
        except BaseException as exc:  # noqa: BLE001 - collected and re-raised below
            errors.append(exc)

    def add() -> None:
        try:
            for i in range(200):
                seg.add_words([f"测试词{i}"])
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=cut), threading.Thread(target=add), threading.Thread(target=cut)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert seg.words(text) == expected


def test_the_word_at_a_point_and_the_next_one_from_cached_token_ends() -> None:
    from policyreader.core.document import next_word, word_at

    text = "市人民政府应当设立议事协调机构。\n本条例"
    ends = [1, 5, 7, 9, 11, 13, 15, 16, 17, 18, 20]  # 市|人民政府|应当|设立|议事|协调|机构|。|\n|本|条例
    assert text[slice(*word_at(text, ends, 2))] == "人民政府"  # inside the word, not from the point
    words, at = [], 0
    while at is not None:
        words.append(text[slice(*word_at(text, ends, at))])
        at = next_word(text, ends, at, True)
    assert words == ["市", "人民政府", "应当", "设立", "议事", "协调", "机构", "本", "条例"]  # 。 and the break skipped
    assert text[slice(*word_at(text, ends, next_word(text, ends, 17, False) or 0))] == "机构"
    assert next_word(text, ends, 0, False) is None and word_at(text, ends, 99) == (99, 99)


def test_a_prebuilt_cache_seeds_an_empty_cache_directory(tmp_path: Path) -> None:
    built = Segmenter(tmp_path / "build")
    built.warm_up()
    prebuilt = tmp_path / "build" / Segmenter.CACHE_FILE
    seg = Segmenter(tmp_path / "user", prebuilt_cache=prebuilt)
    seeded = tmp_path / "user" / Segmenter.CACHE_FILE
    assert seeded.read_bytes() == prebuilt.read_bytes()  # copied before jieba ever runs
    assert seg.words("建立健全社会信用体系") == built.words("建立健全社会信用体系")
    assert sorted(p.name for p in seeded.parent.iterdir()) == [Segmenter.CACHE_FILE]  # no temporary copy left


def test_a_cache_already_there_is_kept_and_a_missing_prebuilt_one_is_no_error(tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / Segmenter.CACHE_FILE).write_bytes(b"the user's own")
    Segmenter(user, prebuilt_cache=tmp_path / "elsewhere.cache")
    assert (user / Segmenter.CACHE_FILE).read_bytes() == b"the user's own"
    fresh = tmp_path / "fresh"
    Segmenter(fresh, prebuilt_cache=tmp_path / "missing.cache")
    assert list(fresh.iterdir()) == []  # nothing copied; jieba builds its cache on warm-up


def test_kept_spans_in_text_order_give_the_boundaries_of_the_general_rule() -> None:
    """The quick path for a matcher's spans (in order, none empty or overlapping) against the general rule:
    boundaries strictly inside a kept span go, the spans' own edges stay."""
    import random
    from bisect import bisect_left, bisect_right

    from policyreader.core.segmenter import _kept_in_order

    def general(bounds: list[int], spans: list[tuple[int, int]]) -> list[int]:
        inside = {k for a, b in spans for k in range(bisect_right(bounds, a), bisect_left(bounds, b))}
        return sorted({x for k, x in enumerate(bounds) if k not in inside} | {x for span in spans for x in span})

    rng = random.Random(7)
    for _ in range(20_000):
        length = rng.randint(1, 30)
        bounds = [0, *sorted(rng.sample(range(1, length), rng.randint(0, length - 1))), length]
        spans, at = [], 0
        while at < length:
            a = rng.randint(at, length)
            b = rng.randint(a, length)
            if b > a and rng.random() < 0.5:
                spans.append((a, b))
            at = max(b, a + 1)
        assert _kept_in_order(bounds, spans) == general(bounds, spans), (bounds, spans)
