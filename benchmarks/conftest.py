"""Benchmark fixtures. Figures are printed in a summary at the end of ``make bench``; nothing is asserted
about wall-clock time (these machines are shared and noisy)."""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path

import pytest

from policyreader.services.engine import TextEngine
from policyreader.services.paths import resolve_paths

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
