"""The shared vocabulary of PolicyReader: the closed sets of values (as StrEnums) and the row
dataclasses that cross every layer (a library document, an aligned segment, an annotation).

These types are plain data: no SQL, no Qt. ``storage`` persists them, ``services`` pass them on and
the GUI shows them, so neither face needs to import ``storage`` to know what a row is. StrEnum
members compare equal to their string values, which keeps every JSON shape and stored value as it was.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """How we recommend a rendering of a glossary term."""

    PREFERRED = "preferred"
    ACCEPTED = "accepted"
    CONTESTED = "contested"
    AVOID = "avoid"


#: renderings that QA takes as a correct translation of their term
GOOD_STATUSES = (Status.PREFERRED, Status.ACCEPTED)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class FindingKind(StrEnum):
    """What a QA finding is about."""

    TERM_MISSING = "term-missing"
    TERM_CONTESTED = "term-contested"
    TERM_AVOID = "term-avoid"
    NUMBER = "number"
    ARTICLE_NUMBER = "article-number"
    UNTRANSLATED = "untranslated"
    IDENTICAL = "identical"
    INCONSISTENT_TARGET = "inconsistent-target"  # the same Chinese translated differently across the library
    INCONSISTENT_SOURCE = "inconsistent-source"  # the same English for different Chinese
    USER_CHECK = "user-check"                    # one of the user's saved checks


class AnchorStatus(StrEnum):
    """Where an annotation stands after its document changed."""

    EXACT = "exact"
    FUZZY = "fuzzy"
    ORPHAN = "orphan"


class TranslationStatus(StrEnum):
    """How much of a library document has English."""

    NONE = "none"
    PARTIAL = "partial"
    FULL = "full"


class Side(StrEnum):
    """One language side of an aligned document."""

    ZH = "zh"
    EN = "en"


SIDES = (Side.ZH, Side.EN)


class Language(StrEnum):
    """The language of a library document: a Chinese source (with or without its translation), or an
    English text read against the glossary (news, blogs, forum posts about the terms)."""

    ZH = "zh"
    EN = "en"


def now() -> str:
    """The current time as stored everywhere: UTC, ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class SegmentRow:
    """One aligned segment as stored: texts, structure, alignment and cached analysis."""

    idx: int
    zh: str
    en: str = ""
    level: int = 0
    kind: str = ""
    link: str = "1-1"
    confidence: float = 1.0
    tokens: list[int] = field(default_factory=list)  # token boundaries (end offsets) in zh
    terms: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, entry id) in zh
    en_terms: list[tuple[int, int, str]] = field(default_factory=list)  # renderings found in en
    # glossary terms written inside a longer linked term (社会信用体系 in 社会信用体系建设), as the library's
    # term index holds them; the library computes them when it stores the segment
    nested: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentListing:
    """What a list of documents shows of each: id, titles and how much of it is translated."""

    id: str
    title: str
    title_en: str
    translation_status: str
    lang: str = Language.ZH


@dataclass
class DocumentRow:
    """A library document's metadata."""

    id: str
    title: str
    title_en: str = ""
    source_path: str = ""
    format: str = ""
    encoding: str = ""
    content_hash: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    translation_status: str = TranslationStatus.NONE
    bundled: bool = False
    imported_at: str = ""
    updated_at: str = ""
    lang: str = Language.ZH  # an English document keeps its text on the English side (segments' ``en``)


@dataclass(slots=True)
class ConcordanceLine:
    """One keyword-in-context line: an occurrence of a glossary term with its context and the English.
    (Not frozen: a concordance can have hundreds of thousands of lines, and a frozen dataclass is built
    five times slower.)"""

    doc: str
    segment: int
    left: str
    match: str
    right: str
    en: str
    start: int

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "segment": self.segment, "left": self.left, "match": self.match,
                "right": self.right, "en": self.en}


@dataclass
class Annotation:
    """A user's annotation of a span of one side of a document (W3C position + quote selectors)."""

    id: str
    doc: str
    side: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    tags: list[str] = field(default_factory=list)
    colour: str = ""
    term: str = ""
    rendering: str = ""
    rationale: str = ""
    status: str = AnchorStatus.EXACT
    score: float = 1.0
    created: str = ""
    modified: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
