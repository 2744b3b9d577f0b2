"""The aligned bilingual format of docs_corpus/*.aligned.txt: blocks, and reviewed QA departures."""

from __future__ import annotations

import pytest

from policyreader.core.bilingual import BilingualFormatError, parse_aligned
from tests.conftest import CORPUS


def test_every_bundled_aligned_file_parses_and_has_a_block_per_link() -> None:
    files = sorted(CORPUS.glob("*.aligned.txt"))
    assert len(files) == 10
    for path in files:
        blocks = parse_aligned(path.read_text(encoding="utf-8"), path.name)
        assert blocks and all(b.zh or b.en for b in blocks), path.name


def test_a_qa_accept_line_belongs_to_the_block_below_it() -> None:
    text = (
        "# header comment\n\n"
        "zh: 第一条 甲\nen: Article 1 A\n\n"
        "# qa-accept: term-missing 信用修复: the sentence is about repairing the system\n"
        "# qa-accept: number *: the English spells the figure out\n"
        "zh: 第二条 乙\nen: Article 2 B\n\n"
        "zh: 第三条 丙\nen: Article 3 C\n")
    blocks = parse_aligned(text, "x.aligned.txt")
    assert [b.qa_accept for b in blocks] == [
        [],
        [("term-missing", "信用修复", "the sentence is about repairing the system"),
         ("number", "*", "the English spells the figure out")],
        [],
    ]


@pytest.mark.parametrize(("text", "message"), [
    ("# qa-accept: misspelt 信用: why\nzh: 甲\nen: A\n", "x.aligned.txt:1: expected '# qa-accept: <kind> <term>: <reason>'"),
    ("# qa-accept: term-missing 信用\nzh: 甲\nen: A\n", "x.aligned.txt:1: expected"),
    ("zh: 甲\n# qa-accept: term-missing 信用: why\nen: A\n", "x.aligned.txt:2: a qa-accept line goes above its block"),
    ("zh: 甲\nen: A\n\n# qa-accept: term-missing 信用: why\n", "x.aligned.txt: a qa-accept line at the end"),
])
def test_a_malformed_qa_accept_line_is_reported_with_its_line(text: str, message: str) -> None:
    with pytest.raises(BilingualFormatError) as err:
        parse_aligned(text, "x.aligned.txt")
    assert str(err.value).startswith(message)
