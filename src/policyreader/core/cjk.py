"""What counts as a Chinese (Han) character, defined once for every layer, and one script for comparing.

The CJK Unified Ideographs with Extension A, the compatibility ideographs, and the supplementary
planes (Extensions B and later), so rare characters in names and traditional texts count too.
:func:`fold_script` maps traditional characters to simplified ones, so that a text and its conversion
to the other script compare equal.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: the ranges, for building other character classes (e.g. phrase breaks in the English matcher)
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
HAN = re.compile(f"[{HAN_RANGES}]")


def is_han(ch: str) -> bool:
    """True for one Han character."""
    return bool(ch) and HAN.fullmatch(ch) is not None


def has_han(text: str) -> bool:
    """True when *text* contains at least one Han character."""
    return HAN.search(text) is not None


@lru_cache(maxsize=65536)
def _simplified(ch: str) -> str:
    from policyreader.core.scripts import converter

    out = converter("t2s").convert(ch)
    return out if len(out) == 1 else ch


def fold_script(text: str) -> str:
    """*text* with each traditional character replaced by its simplified form (OpenCC t2s), one
    character for one, so offsets into the result are offsets into *text*.

    Character by character rather than phrase by phrase: the same character always folds the same
    way, whatever surrounds it, which is what comparing a quote with a text needs.
    """
    table = {ord(ch): out for ch in set(text) if is_han(ch) and (out := _simplified(ch)) != ch}
    return text.translate(table) if table else text
