"""Parsing XML that users bring (TBX termbases, TMX memories) without trusting it.

XML is parsed with ``defusedxml``: a file that declares entities (the "billion laughs" expansion bomb,
or an external entity that would read a local file or URL) is refused before anything is expanded. A
plain ``<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`` line is allowed; no DTD is loaded.
Malformed XML names its line and column.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml import ElementTree as SafeElementTree

from policyreader.formats.base import ImportFailure

_POSITION_SUFFIX = re.compile(r":\s*line \d+, column \d+$")


def _line_of(data: bytes, needle: bytes) -> str:
    index = data.find(needle)
    return "line " + str(data.count(b"\n", 0, index) + 1) if index >= 0 else ""


def parse_xml(data: bytes, name: str) -> Element:
    """Parse XML safely: entity declarations are refused, malformed XML names its line and column."""
    try:
        root: Element = SafeElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True,
                                                   forbid_external=True)
        return root
    except EntitiesForbidden as exc:
        where = _line_of(data, b"<!ENTITY")
        if exc.sysid or exc.pubid:
            raise ImportFailure(
                f"refused: the file declares an external XML entity '{exc.name}' ({exc.sysid or exc.pubid}) "
                "that would make the reader open another file or URL (possible XXE attack); export the "
                "termbase again without a DTD", name, where) from None
        raise ImportFailure(
            f"refused: the file declares XML entities (entity '{exc.name}'), which can expand into gigabytes "
            "of text (possible entity-expansion 'billion laughs' attack); export the termbase again without "
            "entity declarations", name, where) from None
    except DefusedXmlException as exc:
        raise ImportFailure(f"refused: the file uses XML features that are not allowed ({exc}); export the "
                            "termbase again without a DTD", name) from None
    except ParseError as exc:
        line, column = exc.position
        detail = _POSITION_SUFFIX.sub("", str(exc))
        raise ImportFailure(f"malformed XML ({detail}); the file is not well-formed — repair it or export it "
                            "again", name, f"line {line}, column {column + 1}") from None
