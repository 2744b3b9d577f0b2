"""The aligned bilingual text format used by ``docs_corpus/*.aligned.txt`` (our gold alignment).

Blocks are separated by blank lines. Inside a block, ``zh:`` lines are source paragraphs in document
order and ``en:`` lines their English translation. A block with one zh and one en line is a 1-1 link;
several lines on either side make a 1-2, 2-1 (…) link; a block with only zh lines is untranslated
(1-0) and a block with only en lines is a translator's addition (0-1). Lines starting with ``#`` are
comments. The zh lines, read in order, must equal the paragraphs of the source document.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class BilingualFormatError(ValueError):
    """A malformed aligned file; the message names the line."""


@dataclass
class AlignedBlock:
    """One gold alignment link: zero or more zh paragraphs with zero or more en paragraphs."""

    zh: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)
    line: int = 0


def parse_aligned(text: str, name: str = "<aligned>") -> list[AlignedBlock]:
    """Parse the aligned format; raise BilingualFormatError naming file and line on bad input."""
    blocks: list[AlignedBlock] = []
    current: AlignedBlock | None = None
    for lineno, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        line = raw.rstrip()
        if not line.strip():
            current = None
            continue
        if line.startswith("#"):
            continue
        if line.startswith("zh:") or line.startswith("en:"):
            side, value = line[:2], line[3:].strip()
            if not value:
                raise BilingualFormatError(f"{name}:{lineno}: empty {side}: line")
            if current is None:
                current = AlignedBlock(line=lineno)
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
