"""QA benchmarks: the whole corpus through the checker, and precision/recall of the term check on planted
errors.

Planted set: for every (segment, glossary entry) of the fully translated documents whose unmodified
English contains a preferred/accepted rendering of the entry (and nothing contested or avoided for it),
one variant with every such rendering replaced by "thing" (expect ``term-missing``) and, when the entry
has an ``avoid`` rendering, one with them replaced by it (expect ``term-avoid``). Several occurrences of
one entry in a segment give one variant, because the checker does not compare counts; so a variant has
every good rendering of the entry replaced, also those the unmodified segment's matching had given to a
neighbouring term (which the checker rightly gives to the entry once the others are gone: 9 variants of
2,444 had kept one and were not missing the term). A planted error
is detected when the variant has the expected (kind, entry) finding and the unmodified segment did not;
precision counts every term-missing/term-avoid finding of a variant that the unmodified segment did
not have.
"""

from __future__ import annotations

import time
import tomllib
from collections import Counter
from pathlib import Path

from benchmarks.conftest import CORPUS, ROOT, report
from policyreader.core.bilingual import parse_aligned
from policyreader.core.english import rendering_alternatives
from policyreader.core.glossary import load_glossary
from policyreader.core.matcher import GlossaryMatcher
from policyreader.core.model import GOOD_STATUSES as GOOD
from policyreader.core.qa import QASegment, TerminologyChecker


def _documents() -> list[tuple[str, str, list[QASegment]]]:
    manifest = tomllib.loads((CORPUS / "manifest.toml").read_text(encoding="utf-8"))
    out = []
    for doc in manifest["document"]:
        path = Path(CORPUS / f"{doc['id']}.aligned.txt")
        blocks = parse_aligned(path.read_text(encoding="utf-8"), path.name)
        segs = [QASegment(i, "\n".join(b.zh), "\n".join(b.en)) for i, b in enumerate(blocks)]
        out.append((doc["id"], doc["translation"], segs))
    return out


def _checker() -> TerminologyChecker:
    glossary = load_glossary(ROOT / "glossary")
    return TerminologyChecker(glossary.entries, GlossaryMatcher.for_glossary(glossary))


def test_qa_whole_corpus(benchmark) -> None:  # type: ignore[no-untyped-def]
    docs = _documents()
    t = time.perf_counter()
    checker = _checker()
    build = time.perf_counter() - t
    segments = [s for _, _, segs in docs for s in segs]

    def run() -> int:
        return sum(len(checker.check(segs)) for _, _, segs in docs)

    n = benchmark.pedantic(run, rounds=5, iterations=1)
    kinds = Counter(f.kind for _, _, segs in docs for f in checker.check(segs))
    report("QA: whole corpus (10 documents)", f"{benchmark.stats.stats.median * 1000:.0f} ms median for "
           f"{len(segments)} segments (target ≤ 1000 ms); checker build {build * 1000:.0f} ms")
    report("QA: findings on the unmodified corpus", f"{n}: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))


def test_term_check_precision_recall_on_planted_errors(benchmark) -> None:  # type: ignore[no-untyped-def]
    checker = _checker()
    entries = load_glossary(ROOT / "glossary").entries
    full = [segs for _, translation, segs in _documents() if translation == "full"]

    def term_findings(seg: QASegment) -> set[tuple[str, str]]:
        return {(f.kind, f.entry) for f in checker.check_segment(seg) if f.kind in ("term-missing", "term-avoid")}

    planted: list[tuple[QASegment, str, str, set[tuple[str, str]]]] = []
    for segs in full:
        for seg in segs:
            if not seg.en:
                continue
            base = term_findings(seg)
            checked, _counts = checker.occurrences(seg.zh)
            by_entry: dict[str, list[tuple[int, int, str]]] = {}
            for h in checker.hits(seg.zh, seg.en):
                if h.entry in checked:  # nested terms claim English but are not checked themselves
                    by_entry.setdefault(h.entry, []).append((h.start, h.end, h.status))
            for eid, hits in by_entry.items():
                if any(status not in GOOD for _, _, status in hits):
                    continue
                avoid = [r.text for r in entries[eid].renderings if r.status == "avoid"]
                variants = [("term-missing", "thing")]
                if avoid:
                    variants.append(("term-avoid", rendering_alternatives(avoid[0])[0]))
                for kind, replacement in variants:
                    en, spans = seg.en, [(a, b) for a, b, _ in hits]
                    for _round in range(5):  # until no good rendering of the entry is left anywhere
                        for start, end in sorted(spans, reverse=True):
                            en = en[:start] + replacement + en[end:]
                        spans = [(h.start, h.end) for h in checker.hits(seg.zh, en) if h.entry == eid and h.status in GOOD]
                        if not spans:
                            break
                    planted.append((QASegment(seg.id, seg.zh, en), kind, eid, base))

    def run() -> tuple[int, int, list[tuple[str, str, str]]]:
        detected, new_findings, missed = 0, 0, []
        for variant, kind, eid, base in planted:
            new = term_findings(variant) - base
            new_findings += len(new)
            if (kind, eid) in new:
                detected += 1
            else:
                missed.append((kind, eid, variant.en[:120]))
        return detected, new_findings, missed

    detected, new_findings, missed = benchmark.pedantic(run, rounds=1, iterations=1)
    kinds = Counter(k for _, k, _, _ in planted)
    recall = detected / len(planted) if planted else 0.0
    precision = detected / new_findings if new_findings else 0.0
    report("QA planted errors", f"{len(planted)} variants ({kinds['term-missing']} removed, "
           f"{kinds['term-avoid']} replaced by an avoid rendering) in the {len(full)} fully translated documents")
    report("QA planted errors: recall (target 100%)", f"{recall:.2%} ({detected}/{len(planted)})")
    report("QA planted errors: precision (target ≥ 95%)", f"{precision:.2%} ({detected}/{new_findings} new findings)")
    for kind, eid, en in missed[:10]:
        print(f"missed {kind} {eid}: {en}")
