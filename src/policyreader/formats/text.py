"""Plain-text and Markdown files: finding the encoding of the bytes, then ``parse_source``.

This module owns the encoding decision for every format read as text (the HTML importer reuses
:func:`decode_text` when a page declares no charset). Strict decodings are tried from the most to
the least self-checking: a BOM, UTF-8 (random bytes are almost never valid UTF-8), BOM-less UTF-16
(recognised by its NUL bytes), then the two legacy Chinese encodings. GB18030 accepts almost any byte
string and Big5 accepts many GB strings, so a legacy decoding is only taken when the text it yields
*reads* like Chinese: :func:`plausibility` scores each character against the frequent-character
tables of GB2312 (level 1, 3755 characters) and Big5 (frequent set, 5401 characters), which the
codecs themselves provide. Both are decoded and the better score wins (a tie goes to GB18030);
charset-normalizer is the fallback when neither is plausible.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache

from policyreader.core.document import parse_source

from .base import ImportedDocument, ImportFailure, check_length, require_text

# The legacy decoding with the higher score wins; below this it is not trusted at all. Real Chinese
# text scores above 0.95 (each corpus paragraph, both scripts); Shift-JIS read as GB18030 about 0.5.
PLAUSIBLE_SCORE = 0.7
# A text whose NUL bytes sit (nearly) all at even or all at odd offsets is read as BOM-less UTF-16.
_UTF16_NUL_PARITY = 0.9
# Control characters (Unicode category Cc) other than tab, newline, vertical tab, form feed and CR:
# no text document contains them, binary data is full of them.
_FORBIDDEN_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Plausibility is judged on the start of the text: enough to decide, cheap on a 50 MB file.
PLAUSIBILITY_SAMPLE = 200_000

_LEGACY_CANDIDATES = ("gb18030", "big5", "cp950")

_COMMON_PUNCTUATION = frozenset(
    "、。〃〈〉《》「」『』【】〔〕〖〗〘〙〝〞〜・"  # CJK punctuation
    "—–‘’“”…‥·•※№℃°±×÷‰′″→←↑↓■□▲△◆◇○●◎★☆"
    "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑"
    "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩\u3000"
)


_GB_TRAILS = list(range(0xA1, 0xFF))
_BIG5_TRAILS = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))


def _decode_table(encoding: str, leads: range, trails: list[int]) -> frozenset[str]:
    chars: set[str] = set()
    for lead in leads:
        for trail in trails:
            try:
                chars.add(bytes((lead, trail)).decode(encoding))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


@cache
def common_hanzi() -> frozenset[str]:
    """The frequent Chinese characters: GB2312 level 1 plus the Big5 frequent-use set."""
    gb_level1 = _decode_table("gb2312", range(0xB0, 0xD8), _GB_TRAILS)
    big5_frequent = _decode_table("big5", range(0xA4, 0xC7), _BIG5_TRAILS)
    return gb_level1 | big5_frequent


@cache
def less_common_hanzi() -> frozenset[str]:
    """The rest of the national standard sets: GB2312 level 2 and the Big5 less-frequent set."""
    gb_level2 = _decode_table("gb2312", range(0xD8, 0xF8), _GB_TRAILS)
    big5_less = _decode_table("big5", range(0xC9, 0xFA), _BIG5_TRAILS)
    return (gb_level2 | big5_less) - common_hanzi()


def _char_weight(ch: str) -> float:
    if ch in common_hanzi() or ch in _COMMON_PUNCTUATION or 0xFF01 <= ord(ch) <= 0xFF5E:
        return 1.0
    if ch in less_common_hanzi():
        return 0.5  # real but rarer: names, technical terms
    if unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH"):
        return 0.2  # outside both national standards: seldom in real text, typical of mis-decoding
    return 0.0  # kana, Greek, box drawing, private use, unassigned: what mis-decoded bytes look like


def plausibility(text: str) -> float:
    """Share (0..1) of the non-ASCII characters of *text* that are common in Chinese documents.

    Frequent hanzi and CJK/fullwidth punctuation count fully, rarer hanzi partly, anything else (the
    kana, box-drawing characters and private-use code points that mis-decoded Chinese bytes turn
    into) not at all. Returns 1.0 for a text without non-ASCII characters. Only the first
    ``PLAUSIBILITY_SAMPLE`` characters are judged.
    """
    total = 0
    score = 0.0
    for ch in text[:PLAUSIBILITY_SAMPLE]:
        if ord(ch) < 0x80:
            continue
        total += 1
        score += _char_weight(ch)
    return score / total if total else 1.0


def _control_char(text: str) -> int | None:
    """Index of the first control character that no text document contains, else None."""
    m = _FORBIDDEN_CONTROLS.search(text)
    return m.start() if m else None


def _byte_offset(text: str, index: int, encoding: str) -> int:
    return len(text[:index].encode(encoding))


def _bom_encoding(data: bytes) -> tuple[str, str, int] | None:
    """For a byte-order mark: the encoding to report, the codec without BOM, and the BOM's length."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "utf-8", 3
    for bom, codec, reported in (
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),  # before UTF-16: FF FE is a prefix of FF FE 00 00
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    ):
        if data.startswith(bom):
            return reported, codec, len(bom)
    return None


def _utf16_parity(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` if (nearly) all NUL bytes sit at odd/even offsets, else None.

    ASCII characters in UTF-16LE are ``41 00``: the zero byte is the second of the pair. Chinese text
    has fewer zero bytes (only from ASCII and characters such as 一 U+4E00), so this is a hint, not
    proof; :func:`_decode_utf16_without_bom` also checks what the decoding reads like.
    """
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= _UTF16_NUL_PARITY * (even + odd):
        return "utf-16-le"
    if even >= _UTF16_NUL_PARITY * (even + odd):
        return "utf-16-be"
    return None


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Read bytes that contain NULs as BOM-less UTF-16 if one byte order gives believable text."""
    if len(data) % 2:
        return None
    decoded: list[tuple[float, str, str]] = []
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue  # lone surrogates: not this byte order
        if _control_char(text) is None:
            decoded.append((plausibility(text), codec, text))
    plausible = [item for item in decoded if item[0] >= PLAUSIBLE_SCORE]
    if plausible:
        score, codec, text = max(plausible, key=lambda item: item[0])
        return text, codec
    # Not Chinese (e.g. Cyrillic): trust a clear NUL pattern if that byte order decodes cleanly.
    by_parity = _utf16_parity(data)
    for _, codec, text in decoded:
        if codec == by_parity:
            return text, codec
    return None


def _not_text(name: str, byte: int, what: str) -> ImportFailure:
    return ImportFailure(
        f"not a text file ({what}); choose a .txt or .md file saved as text, "
        "or import the document in its own format (.docx, .pdf, .html)",
        name, f"byte {byte}")


def _check_controls(text: str, codec: str, name: str, bom_bytes: int = 0) -> None:
    index = _control_char(text)
    if index is not None:
        byte = bom_bytes + _byte_offset(text, index, codec)
        raise _not_text(name, byte, f"control character U+{ord(text[index]):04X}")


def _decode_legacy(data: bytes) -> tuple[list[tuple[float, str, str]], list[str]]:
    """Strict decodings with the legacy Chinese encodings: (score, encoding, text) and failures."""
    decoded: list[tuple[float, str, str]] = []
    tried: list[str] = []
    big5_ok = False
    for encoding in _LEGACY_CANDIDATES:
        if encoding == "cp950" and big5_ok:
            continue  # cp950 is a superset of big5; only needed when big5 itself failed
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            tried.append(f"{encoding} (invalid byte 0x{data[exc.start]:02X} at byte {exc.start})")
            continue
        if _control_char(text) is not None:
            tried.append(f"{encoding} (decodes to control characters)")
            continue
        score = plausibility(text)
        if encoding == "big5":
            big5_ok = True
        if score < PLAUSIBLE_SCORE:
            tried.append(f"{encoding} (decodes, but only {score:.0%} of the characters are usual in Chinese)")
            continue
        decoded.append((score, encoding, text))
    return decoded, tried


def _decode_with_charset_normalizer(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    text = str(best)
    if _control_char(text) is not None:
        return None
    return text, codecs.lookup(best.encoding).name


def decode_text(data: bytes, name: str = "") -> tuple[str, str, str]:
    """Decode the bytes of a text file; return ``(text, encoding, detected_by)``.

    *detected_by* is ``"strict"`` when a strict decoding fitted and ``"charset-normalizer"`` when the
    statistical detector had to choose. A BOM is not part of the returned text. Raises ImportFailure
    for an empty file, a binary file or bytes no candidate decodes.
    """
    if not data:
        raise ImportFailure("file is empty; choose a file that contains the document's text", name)

    bom = _bom_encoding(data)
    if bom is not None:
        encoding, codec, bom_bytes = bom
        try:
            text = data[bom_bytes:].decode(codec)
        except UnicodeDecodeError as exc:
            raise ImportFailure(
                f"the file starts with a {encoding.upper()} byte-order mark but is not valid {encoding} "
                "(it may be damaged); re-save it as UTF-8 and import it again",
                name, f"byte {bom_bytes + exc.start}") from None
        _check_controls(text, codec, name, bom_bytes)
        return _nonempty(text, name), encoding, "strict"

    nul = data.find(b"\x00")
    if nul >= 0:
        utf16 = _decode_utf16_without_bom(data)
        if utf16 is not None:
            return _nonempty(utf16[0], name), utf16[1], "strict"
        raise _not_text(name, nul, "it contains NUL bytes and is not UTF-16")

    tried: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        tried.append(f"utf-8 (invalid byte 0x{data[exc.start]:02X} at byte {exc.start})")
        first_bad = exc.start
    else:
        _check_controls(text, "utf-8", name)
        return _nonempty(text, name), "utf-8", "strict"

    decoded, failures = _decode_legacy(data)
    tried.extend(failures)
    if decoded:
        # Highest score wins; on a tie the earlier candidate (gb18030, the mainland encoding) stays.
        best = max(decoded, key=lambda item: item[0])
        return _nonempty(best[2], name), best[1], "strict"

    fallback = _decode_with_charset_normalizer(data)
    if fallback is not None:
        text, encoding = fallback
        return _nonempty(text, name), encoding, "charset-normalizer"
    tried.append("charset-normalizer (no match)")
    raise ImportFailure(
        f"cannot decode: tried {', '.join(tried)}; save the file as UTF-8 and import it again",
        name, f"byte {first_bad}")


def _nonempty(text: str, name: str) -> str:
    if not text.strip():
        raise ImportFailure(
            "file is empty (it contains only whitespace); choose a file that contains the document's text",
            name)
    return text


def read_text(data: bytes, name: str, fmt: str) -> ImportedDocument:
    """Import a .txt or .md file: decode it, keep the provenance header as metadata, split paragraphs."""
    text, encoding, detected_by = decode_text(data, name)
    check_length(len(text), name)
    parsed = parse_source(text, unwrap=True)
    require_text(parsed.paragraphs, name, "the file holds only a provenance header")
    return ImportedDocument(
        paragraphs=parsed.paragraphs,
        metadata=parsed.metadata,
        encoding=encoding,
        format=fmt,
        detected_by=detected_by,
    )


def read_txt(data: bytes, name: str) -> ImportedDocument:
    return read_text(data, name, "txt")


def read_md(data: bytes, name: str) -> ImportedDocument:
    """A Markdown file: decoded as text, its provenance header kept, its markup (comments, front matter,
    links, emphasis) dropped by a Markdown parser."""
    from policyreader.core.document import split_header

    from .markdown import markdown_paragraphs

    text, encoding, detected_by = decode_text(data, name)
    check_length(len(text), name)
    metadata, lines = split_header(text)
    paragraphs = markdown_paragraphs(lines)
    require_text(paragraphs, name, "the file holds only a provenance header or markup")
    return ImportedDocument(paragraphs=paragraphs, metadata=metadata, encoding=encoding, format="md",
                            detected_by=detected_by)
