"""Library benchmarks: import throughput on the bundled corpus (the library at scale: test_scale_bench.py)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from benchmarks.conftest import CORPUS, report
from policyreader.services.engine import TextEngine
from policyreader.services.library import Library
from policyreader.services.paths import resolve_paths


def _fresh_library(bench_data_dir: Path, tmp_path: Path, engine: TextEngine) -> Library:
    d = tmp_path / "lib"
    shutil.copytree(bench_data_dir, d)
    e = TextEngine(resolve_paths(d))
    e.__dict__["segmenter"] = engine.segmenter  # already warm: measure importing, not jieba's start-up
    return Library(e)


def test_import_throughput_on_the_corpus(benchmark, bench_data_dir: Path, engine: TextEngine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = sorted(CORPUS.glob("*.zh.txt"))
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    rounds: list[float] = []

    def run() -> None:
        lib = _fresh_library(bench_data_dir, tmp_path / str(len(rounds)), engine)
        t = time.perf_counter()
        for p in files:
            lib.import_path(p)
        rounds.append(time.perf_counter() - t)

    benchmark.pedantic(run, rounds=3, iterations=1)
    best = min(rounds)
    texts = [p.read_text(encoding="utf-8") for p in files]
    import jieba

    jieba.initialize()
    bare_runs = []
    for _ in range(3):
        t = time.perf_counter()
        for text in texts:
            jieba.lcut(text)  # Python jieba itself, the baseline every import row uses
        bare_runs.append(time.perf_counter() - t)
    bare = min(bare_runs)
    report("import throughput, 10 corpus files", f"{chars / best / 1000:.0f}k chars/s (target >= 300k)")
    report("  baseline: jieba alone on the same files", f"{chars / bare / 1000:.0f}k chars/s "
           f"(import = {best / bare:.2f}x jieba's time)")
