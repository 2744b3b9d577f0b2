"""Errors a user sees fit on one line, whatever the parser or the system put in them."""

from __future__ import annotations

import pytest

from policyreader.core.errors import one_line


@pytest.mark.parametrize(("message", "line"), [
    ("plain", "plain"),
    ("Char 0x0 out of allowed range\n, line 2, column 1180", "Char 0x0 out of allowed range, line 2, column 1180"),
    ("the glossary has errors:\n a.toml:1: term: empty\n b.toml:3: pinyin: wrong\n",
     "the glossary has errors: a.toml:1: term: empty; b.toml:3: pinyin: wrong"),
    ("first\r\n\r\nsecond", "first; second"),
])
def test_one_line(message: str, line: str) -> None:
    assert one_line(message) == line
