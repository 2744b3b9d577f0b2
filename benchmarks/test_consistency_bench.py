"""Consistency QA over a large library: the bundled corpus's translated segments copied into 500 documents,
each copy's texts made its own (a number appended to both sides), plus in each copy one segment of the
previous copy translated differently (so every copy has findings); against a baseline that only groups
the raw texts, measured interleaved; the best of several runs of each."""

from __future__ import annotations

import time

from benchmarks.conftest import CORPUS, report
from policyreader.core.bilingual import parse_aligned
from policyreader.core.consistency import Pair, consistency

COPIES = 50  # × 10 corpus documents = a 500-document library


def _library() -> list[Pair]:
    base = []
    for path in sorted(CORPUS.glob("*.aligned.txt")):
        doc = path.name.removesuffix(".aligned.txt")
        blocks = parse_aligned(path.read_text(encoding="utf-8"), path.name)
        base += [Pair(doc, i, "\n".join(b.zh), " ".join(b.en)) for i, b in enumerate(blocks) if b.en]
    out = []
    for n in range(COPIES):
        out += [Pair(f"{p.doc}-{n}", p.segment, f"{p.zh}（{n}）", f"{p.en} ({n})") for p in base]
        if n:
            p = base[n]
            out.append(Pair(f"{p.doc}-{n}", 10_000, f"{p.zh}（{n - 1}）", f"{p.en} (variant {n})"))
    return out


def _baseline(pairs: list[Pair]) -> int:
    groups: dict[str, set[str]] = {}
    for p in pairs:
        groups.setdefault(p.zh, set()).add(p.en)
    return sum(len(v) > 1 for v in groups.values())


def test_consistency_over_a_500_document_library(benchmark) -> None:  # type: ignore[no-untyped-def]
    pairs = _library()
    ours, base = [], []
    for _ in range(3):
        t = time.perf_counter()
        findings = consistency(pairs)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        _baseline(pairs)
        base.append(time.perf_counter() - t)
    benchmark.pedantic(lambda: consistency(pairs), rounds=1, iterations=1)
    report("QA consistency: 500 documents", f"{len(pairs)} segments in {min(ours) * 1000:.0f} ms, "
           f"{min(ours) / min(base):.1f}× grouping the raw texts ({min(base) * 1000:.0f} ms); {len(findings)} findings")
