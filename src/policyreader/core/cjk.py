"""What counts as a Chinese (Han) character, defined once for every layer.

The CJK Unified Ideographs with Extension A, the compatibility ideographs, and the supplementary
planes (Extensions B and later), so rare characters in names and traditional texts count too.
"""

from __future__ import annotations

import re

#: the ranges, for building other character classes (e.g. phrase breaks in the English matcher)
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
HAN = re.compile(f"[{HAN_RANGES}]")


def is_han(ch: str) -> bool:
    """True for one Han character."""
    return bool(ch) and HAN.fullmatch(ch) is not None


def has_han(text: str) -> bool:
    """True when *text* contains at least one Han character."""
    return HAN.search(text) is not None
