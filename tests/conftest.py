"""Shared fixtures: the real glossary and corpus, and a data directory with CC-CEDICT loaded once."""

from __future__ import annotations

import json
import os
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from policyreader.services.engine import TextEngine
from policyreader.services.paths import AppPaths, resolve_paths

# A new data directory in a test starts empty, not as a copy of the library built at install (which a
# checkout may or may not have); the tests of the seed itself say which seed they use.
os.environ["POLICYREADER_SEED_DB"] = ""

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "docs_corpus"
GLOSSARY = ROOT / "glossary"
COVERAGE = ROOT / "tests" / "fixtures" / "coverage"  # English test articles and the linking gold set


@pytest.fixture(scope="session")
def seeded_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory whose database already holds CC-CEDICT (loading it takes a few seconds)."""
    d = tmp_path_factory.mktemp("seed")
    engine = TextEngine(resolve_paths(d))
    assert engine.dictionary.lookup("信用")  # forces the load
    engine.db.close()
    return d


@pytest.fixture(scope="session")
def corpus_seed(seeded_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory that also holds the bundled corpus, imported once per test run (3–4 s)."""
    from policyreader.services.library import Library

    d = tmp_path_factory.mktemp("corpus-seed") / "data"
    shutil.copytree(seeded_data_dir, d)
    engine = TextEngine(resolve_paths(d))
    assert Library(engine).ensure_bundled() is True
    engine.db.close()
    return d


@pytest.fixture
def data_dir(corpus_seed: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded data directory (CC-CEDICT and the bundled corpus) for one test."""
    d = tmp_path / "data"
    shutil.copytree(corpus_seed, d)
    return d


@pytest.fixture
def empty_data_dir(seeded_data_dir: Path, tmp_path: Path) -> Path:
    """A data directory with CC-CEDICT but no documents yet: what a first start finds."""
    d = tmp_path / "empty-data"
    shutil.copytree(seeded_data_dir, d)
    return d


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    return resolve_paths(data_dir)


@pytest.fixture(scope="session")
def session_engine(seeded_data_dir: Path) -> TextEngine:
    """One engine (jieba warmed once) for read-only tests."""
    engine = TextEngine(resolve_paths(seeded_data_dir))
    engine.warm_up()
    return engine


def corpus_zh(doc_id: str) -> str:
    return (CORPUS / f"{doc_id}.zh.txt").read_text(encoding="utf-8")


def make_long_law(ctx: Any, doc_id: str, chars: int) -> None:
    """Store a long bilingual law of about *chars* Chinese characters, made of the bundled corpus's
    aligned paragraphs repeated and numbered (so no paragraph repeats), with its gold links: the sizes
    users reported (382,000 and 765,000 characters) without waiting for the aligner."""
    from policyreader.core.alignment import Link
    from policyreader.core.bilingual import parse_aligned
    from policyreader.core.model import DocumentRow, TranslationStatus

    blocks = [b for p in sorted(CORPUS.glob("*.aligned.txt"))
              for b in parse_aligned(p.read_text(encoding="utf-8")) if len(b.zh) == 1 and len(b.en) == 1]
    zh: list[str] = []
    en: list[str] = []
    n = k = 0
    while n < chars:
        b, rep = blocks[k % len(blocks)], k // len(blocks)
        zh.append(b.zh[0] + (f"（第{rep}编）" if rep else ""))
        en.append(b.en[0] + (f" (Part {rep})" if rep else ""))
        n += len(zh[-1])
        k += 1
    lib = ctx.library
    segments = lib.build_segments(zh, [0] * len(zh), en, [Link((i,), (i,), 1.0) for i in range(len(zh))])
    lib.repo.insert(DocumentRow(id=doc_id, title=f"{doc_id} (generated)", format="txt", content_hash=doc_id,
                                translation_status=TranslationStatus.FULL), segments)


@cache
def coverage_gold() -> dict[str, Any]:
    """The hand-marked English articles (tests/fixtures/coverage/gold.json): text, file and mentions."""
    data: dict[str, Any] = json.loads((COVERAGE / "gold.json").read_text(encoding="utf-8"))
    return {a["name"]: a for a in data["articles"]}


def article_text(name: str) -> str:
    """An English test article's text as PolicyReader shows it (paragraphs joined by newlines)."""
    return str(coverage_gold()[name]["text"])
