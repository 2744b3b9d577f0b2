"""Benchmark fixtures. Figures are printed in a summary at the end of ``make bench``; nothing is asserted
about wall-clock time (these machines are shared and noisy)."""

from __future__ import annotations

import os
import shutil
import statistics
from pathlib import Path

import pytest

from benchmarks.scale_library import ScaleLibrary, build_3500, replicate
from policyreader.services.engine import TextEngine
from policyreader.services.paths import resolve_paths

# Benchmarks make their data directories themselves; the first-start benchmark uses the installed seed
os.environ["POLICYREADER_SEED_DB"] = ""

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "docs_corpus"
FIGURES: list[tuple[str, str]] = []


def report(name: str, value: str) -> None:
    """Record a figure for the end-of-run summary."""
    FIGURES.append((name, value))


def percentiles(samples_ns: list[int]) -> tuple[float, float, float]:
    """p50, p95 and p99 in milliseconds."""
    s = sorted(samples_ns)
    q = statistics.quantiles(s, n=100, method="inclusive")
    return s[len(s) // 2] / 1e6, q[94] / 1e6, q[98] / 1e6


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("PolicyReader benchmark figures")
        width = max(len(n) for n, _ in FIGURES)
        for name, value in FIGURES:
            terminalreporter.write_line(f"{name.ljust(width)}  {value}")


@pytest.fixture(scope="session")
def bench_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("bench") / "data"
    engine = TextEngine(resolve_paths(d))
    engine.dictionary.lookup("信用")
    return d


@pytest.fixture(scope="session")
def engine(bench_data_dir: Path) -> TextEngine:
    e = TextEngine(resolve_paths(bench_data_dir))
    e.warm_up()
    return e


@pytest.fixture(scope="session")
def corpus_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.zh.txt")))


@pytest.fixture
def fresh_dir(tmp_path: Path) -> Path:
    yield tmp_path
    shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.fixture(scope="session")
def scale_3500(bench_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> ScaleLibrary:
    """3,500 generated laws imported through the real import path, jieba timed on each folder between."""
    return build_3500(bench_data_dir, tmp_path_factory.mktemp("scale"))


@pytest.fixture(scope="session")
def scale_35000(scale_3500: ScaleLibrary, tmp_path_factory: pytest.TempPathFactory) -> ScaleLibrary:
    """The 3,500 replicated ten times by the bulk path (35,000 documents)."""
    return replicate(scale_3500, tmp_path_factory.mktemp("scale-big"))


def ratios(ours: list[float], base: list[float]) -> str:
    """Best and median of interleaved rounds' ratios, and the ratio of the totals."""
    r = sorted(a / b for a, b in zip(ours, base, strict=True))
    return (f"best {r[0]:.2f}x, median {statistics.median(r):.2f}x, total {sum(ours) / sum(base):.2f}x "
            f"({len(r)} rounds)")
