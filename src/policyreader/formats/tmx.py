"""TMX translation memories: each ``<tu>`` gives a Chinese paragraph and its English translation.

This module owns reading TMX safely and mapping it onto a document side. The XML is parsed with
``defusedxml``: a file that declares entities (the "billion laughs" expansion bomb, or an external
entity that would read a local file or URL) is refused before anything is expanded. A plain
``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` line, which most TMX writers emit, is allowed: no DTD is loaded.

Within a ``<tu>``, the Chinese variant is the ``<tuv>`` whose ``xml:lang`` starts with ``zh`` (the
header's ``srclang`` first, when it is a Chinese variant) and the English one the first ``en…``.
Inline codes (``<bpt>``, ``<ept>``, ``<ph>``, ``<it>``, ``<ut>``) hold the original file's markup and
are left out of the text; ``<hi>`` text is kept.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml import ElementTree as SafeElementTree

from policyreader.core.document import Paragraph

from .base import ImportedDocument, ImportFailure, collapse_whitespace

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
INLINE_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})
HEADER_FIELDS = ("srclang", "adminlang", "creationtool", "creationtoolversion", "datatype", "segtype",
                 "o-tmf")
_POSITION_SUFFIX = re.compile(r":\s*line \d+, column \d+$")


def segment_text(seg: Any) -> str:
    """The text of a ``<seg>`` without its inline codes, folded onto one line."""
    parts: list[str] = [seg.text or ""]
    for child in seg:
        if child.tag not in INLINE_CODES and child.tag != "sub":
            parts.append(segment_text(child))
        parts.append(child.tail or "")
    return collapse_whitespace("".join(parts))


def _language(tuv: Any) -> str:
    # TMX 1.4 uses xml:lang; TMX 1.1 used a plain "lang" attribute.
    return str(tuv.get(XML_LANG) or tuv.get("lang") or "").strip()


def _line_of(data: bytes, needle: bytes) -> str:
    index = data.find(needle)
    if index < 0:
        return ""
    line = data.count(b"\n", 0, index) + 1
    return f"line {line}"


def parse_tmx(data: bytes, name: str) -> Any:
    """Parse TMX bytes safely; entity declarations and malformed XML raise ImportFailure."""
    try:
        return SafeElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True,
                                          forbid_external=True)
    except EntitiesForbidden as exc:
        where = _line_of(data, b"<!ENTITY")
        if exc.sysid or exc.pubid:
            raise ImportFailure(
                f"refused: the file declares an external XML entity '{exc.name}' "
                f"({exc.sysid or exc.pubid}) that would make the reader open another file or URL "
                "(possible XXE attack); export the translation memory again without a DTD",
                name, where) from None
        raise ImportFailure(
            "refused: the file declares XML entities/DTD (possible entity-expansion attack); "
            "export the translation memory again without entity declarations", name, where) from None
    except DefusedXmlException as exc:
        raise ImportFailure(
            f"refused: the file uses XML features that are not allowed ({exc}); "
            "export the translation memory again without a DTD", name) from None
    except ParseError as exc:
        line, column = exc.position
        detail = _POSITION_SUFFIX.sub("", str(exc))
        raise ImportFailure(
            f"malformed XML ({detail}); the file is not well-formed — repair it in a TMX editor or export "
            "it again", name, f"line {line}, column {column + 1}") from None


def _pick(tuvs: list[tuple[str, str]], prefix: str, preferred: str) -> str | None:
    if preferred.lower().startswith(prefix):
        for lang, text in tuvs:
            if lang.lower() == preferred.lower():
                return text
    for lang, text in tuvs:
        if lang.lower().startswith(prefix):
            return text
    return None


def read_tmx(data: bytes, name: str) -> ImportedDocument:
    """Import a TMX file: Chinese segments as paragraphs, English segments as their translation."""
    root = parse_tmx(data, name)
    if root.tag != "tmx":
        raise ImportFailure(f"not a TMX file: the root element is <{root.tag}>, expected <tmx>", name,
                            f"<{root.tag}>")
    header = root.find("header")
    metadata = {field: header.get(field, "").strip() for field in HEADER_FIELDS} if header is not None else {}
    metadata = {key: value for key, value in metadata.items() if value}
    srclang = metadata.get("srclang", "")
    body = root.find("body")
    if body is None:
        raise ImportFailure("the TMX file has no <body>; export the translation memory again", name, "<tmx>")

    paragraphs: list[Paragraph] = []
    translation: list[str] = []
    languages: set[str] = set()
    for number, tu in enumerate(body.findall("tu"), start=1):
        tuvs: list[tuple[str, str]] = []
        for tuv in tu.findall("tuv"):
            seg = tuv.find("seg")
            lang = _language(tuv)
            if seg is None:
                raise ImportFailure(f"<tuv xml:lang=\"{lang}\"> has no <seg>; repair or re-export the file",
                                    name, f"<tu> #{number}")
            languages.add(lang)
            tuvs.append((lang, segment_text(seg)))
        zh = _pick(tuvs, "zh", srclang)
        if not zh:
            continue  # a unit with no Chinese text has nothing to read
        paragraphs.append(Paragraph(zh))
        translation.append(_pick(tuvs, "en", "") or "")
    if not paragraphs:
        found = ", ".join(sorted(lang for lang in languages if lang)) or "none"
        raise ImportFailure(
            f"no Chinese segments found: no <tuv> has an xml:lang starting with 'zh' (languages in the "
            f"file: {found}); import a translation memory with Chinese text", name)
    return ImportedDocument(paragraphs=paragraphs, metadata=metadata, encoding=None, format="tmx",
                            translation=translation)
