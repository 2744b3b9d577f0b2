"""Glossary use cases: validate the bundled glossary against the corpus, export it as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from policyreader.core.glossary import Glossary, Problem, validate_glossary
from policyreader.core.pinyin import term_pinyin


def corpus_texts(corpus_dir: Path) -> dict[str, str]:
    """Document id → Chinese text of every bundled corpus document."""
    return {p.name[: -len(".zh.txt")]: p.read_text(encoding="utf-8")
            for p in sorted(corpus_dir.glob("*.zh.txt"))}


def validate(glossary_dir: Path, corpus_dir: Path | None) -> list[Problem]:
    """Every problem in *glossary_dir*; examples are checked against *corpus_dir* when given."""
    corpus = corpus_texts(corpus_dir) if corpus_dir is not None and corpus_dir.is_dir() else None
    return validate_glossary(glossary_dir, corpus, term_pinyin)


def glossary_json(glossary: Glossary) -> list[dict[str, Any]]:
    """The glossary JSON shape, entries sorted by id."""
    return [glossary.entries[k].to_json() for k in sorted(glossary.entries)]


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)
