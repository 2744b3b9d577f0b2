"""English coverage: precision and recall of the English linking against the hand-marked gold set (six
fictional articles, tests/fixtures/coverage), and the linker's speed on 1 MB of English against the cost
of preparing the same text for the English matcher (tokenising and stemming it), interleaved."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks.conftest import ROOT, report
from policyreader.core.coverage import EnglishLinker, score_mentions
from policyreader.core.english import EnglishText
from policyreader.core.glossary import load_glossary

GOLD = ROOT / "tests" / "fixtures" / "coverage" / "gold.json"


def _articles() -> list[dict]:  # type: ignore[type-arg]
    return list(json.loads(GOLD.read_text(encoding="utf-8"))["articles"])


def _linker() -> EnglishLinker:
    g = load_glossary(ROOT / "glossary")
    return EnglishLinker(g.entries, g.by_form())


def test_english_linking_against_the_gold(benchmark) -> None:  # type: ignore[no-untyped-def]
    linker = _linker()
    articles = _articles()

    def run() -> tuple[int, int, int, Counter[str]]:
        tp = fp = fn = 0
        wrong: Counter[str] = Counter()
        for a in articles:
            gold = {(m["start"], m["end"], m["entry"]) for m in a["mentions"]}
            linked = {(h.start, h.end, h.entry) for h in linker.link(a["text"])}
            t, p, n = score_mentions(linked, gold)
            tp, fp, fn = tp + t, fp + p, fn + n
            wrong.update(a["text"][s:e] for s, e, _x in (linked ^ gold))
        return tp, fp, fn, wrong

    tp, fp, fn, wrong = benchmark.pedantic(run, rounds=3, iterations=1)
    styles = ", ".join(sorted(a["name"].split("-")[0] for a in articles))
    report("English linking vs gold (target >= 0.95 both)",
           f"precision {tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f} — {tp + fn} gold mentions in "
           f"{len(articles)} articles ({styles}); {fp} wrong, {fn} missed")
    report("English linking: the stretches it gets wrong", ", ".join(f"{t!r}×{n}" for t, n in wrong.most_common(6)))


def _megabyte() -> str:
    text = "\n".join(a["text"] for a in _articles())
    out = text
    while len(out) < 1_000_000:
        out += "\n" + text
    return out[:1_000_000]


def test_english_linking_speed(benchmark) -> None:  # type: ignore[no-untyped-def]
    """Ours (prepare the text, find every rendering key, claim) against preparing the text alone, five
    interleaved rounds each, best of each compared."""
    linker = _linker()
    text = _megabyte()
    linker.link(text[:10_000])
    base: list[float] = []
    ours: list[float] = []
    found: list[int] = []

    def run() -> None:
        for _ in range(5):
            t = time.perf_counter()
            EnglishText(text)
            base.append(time.perf_counter() - t)
            t = time.perf_counter()
            found.append(len(linker.link(text)))
            ours.append(time.perf_counter() - t)

    benchmark.pedantic(run, rounds=1, iterations=1)
    report("English linking, 1 MB of coverage", f"{min(ours) * 1000:.0f} ms best of 5, {found[-1]} renderings, "
           f"{linker.keys} rendering forms ({len(text) / min(ours) / 1000:.0f}k chars/s)")
    report("ratio linking / preparing the text alone", f"{min(ours) / min(base):.2f}x (prepare: "
           f"{min(base) * 1000:.0f} ms)")


def test_terms_command_on_1mb_of_english(benchmark, bench_data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "coverage.txt"
    f.write_text(_megabyte(), encoding="utf-8")
    cmd = [sys.executable, "-m", "policyreader", "--data-dir", str(bench_data_dir), "terms", str(f), "--json"]

    def run() -> None:
        subprocess.run(cmd, check=True, capture_output=True)

    benchmark.pedantic(run, rounds=3, iterations=1)
    report("policyreader terms on 1 MB of English (whole process)", f"{benchmark.stats.stats.median:.2f} s median")
