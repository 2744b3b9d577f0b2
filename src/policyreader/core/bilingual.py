"""The aligned bilingual text format used by ``docs_corpus/*.aligned.txt`` (our gold alignment).

Blocks are separated by blank lines. Inside a block, ``zh:`` lines are source paragraphs in document
order and ``en:`` lines their English translation. A block with one zh and one en line is a 1-1 link;
several lines on either side make a 1-2, 2-1 (…) link; a block with only zh lines is untranslated
(1-0) and a block with only en lines is a translator's addition (0-1). Lines starting with ``#`` are
comments. The zh lines, read in order, must equal the paragraphs of the source document.

A reviewed departure from the glossary is recorded right above its block, so QA accepts that finding
in that segment and nowhere else::

    # qa-accept: term-missing 信用修复: the sentence is about repairing the system, not a subject's credit

(``<kind> <term>: <reason>``; the kind is a QA finding kind, the term the Chinese form QA names.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policyreader.core.model import FindingKind


class BilingualFormatError(ValueError):
    """A malformed aligned file; the message names the line."""


@dataclass
class AlignedBlock:
    """One gold alignment link: zero or more zh paragraphs with zero or more en paragraphs."""

    zh: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)
    line: int = 0
    #: reviewed QA findings of this block: (kind, term, reason)
    qa_accept: list[tuple[str, str, str]] = field(default_factory=list)


_QA_ACCEPT = re.compile(r"^#\s*qa-accept:\s*(\S+)\s+([^:：]+?)\s*[:：]\s*(\S.*)$")
_KINDS = {k.value for k in FindingKind}


def parse_aligned(text: str, name: str = "<aligned>") -> list[AlignedBlock]:
    """Parse the aligned format; raise BilingualFormatError naming file and line on bad input."""
    blocks: list[AlignedBlock] = []
    current: AlignedBlock | None = None
    accepts: list[tuple[str, str, str]] = []
    for lineno, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        line = raw.rstrip()
        if not line.strip():
            current = None
            continue
        if line.startswith("#"):
            if line.lstrip("# ").startswith("qa-accept"):
                m = _QA_ACCEPT.match(line)
                if not m or m.group(1) not in _KINDS:
                    raise BilingualFormatError(
                        f"{name}:{lineno}: expected '# qa-accept: <kind> <term>: <reason>' with a kind among "
                        f"{', '.join(sorted(_KINDS))}")
                if current is not None:
                    raise BilingualFormatError(f"{name}:{lineno}: a qa-accept line goes above its block")
                accepts.append((m.group(1), m.group(2).strip(), m.group(3).strip()))
            continue
        if line.startswith("zh:") or line.startswith("en:"):
            side, value = line[:2], line[3:].strip()
            if not value:
                raise BilingualFormatError(f"{name}:{lineno}: empty {side}: line")
            if current is None:
                current = AlignedBlock(line=lineno, qa_accept=accepts)
                accepts = []
                blocks.append(current)
            if side == "zh":
                if current.en:
                    raise BilingualFormatError(
                        f"{name}:{lineno}: zh: line after en: lines in the same block "
                        "(put a blank line between blocks)")
                current.zh.append(value)
            else:
                current.en.append(value)
        else:
            raise BilingualFormatError(
                f"{name}:{lineno}: expected a line starting with 'zh:', 'en:' or '#', got {line[:30]!r}")
    if accepts:
        raise BilingualFormatError(f"{name}: a qa-accept line at the end of the file has no block below it")
    return blocks


def format_aligned(blocks: list[AlignedBlock], header: list[str] | None = None) -> str:
    """Write blocks in the aligned format (inverse of parse_aligned, comments aside)."""
    out = [f"# {h}" for h in (header or [])]
    for b in blocks:
        if out:
            out.append("")
        out.extend(f"zh: {z}" for z in b.zh)
        out.extend(f"en: {e}" for e in b.en)
    return "\n".join(out) + "\n"
