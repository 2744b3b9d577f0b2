"""Where the bundled glossary and corpus are read from: the checkout, or the frozen app's own folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from policyreader.services.paths import bundle_root, resolve_paths

CHECKOUT = Path(__file__).resolve().parents[2]


def test_from_the_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLICYREADER_GLOSSARY_DIR", raising=False)
    monkeypatch.delenv("POLICYREADER_DOCS_CORPUS_DIR", raising=False)
    paths = resolve_paths(tmp_path)
    assert paths.glossary_dir == CHECKOUT / "glossary"
    assert paths.corpus_dir == CHECKOUT / "docs_corpus"
    assert (paths.corpus_dir / "manifest.toml").is_file()


def test_a_frozen_app_reads_its_own_copies_without_any_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLICYREADER_GLOSSARY_DIR", raising=False)
    monkeypatch.delenv("POLICYREADER_DOCS_CORPUS_DIR", raising=False)
    unpacked = tmp_path / "PolicyReader" / "_internal"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(unpacked), raising=False)
    assert bundle_root() == unpacked
    paths = resolve_paths(tmp_path / "data")
    assert (paths.glossary_dir, paths.corpus_dir) == (unpacked / "glossary", unpacked / "docs_corpus")


def test_the_variables_still_win_in_a_frozen_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    monkeypatch.setenv("POLICYREADER_GLOSSARY_DIR", str(tmp_path / "my-glossary"))
    monkeypatch.setenv("POLICYREADER_DOCS_CORPUS_DIR", str(tmp_path / "my-corpus"))
    paths = resolve_paths(tmp_path / "data")
    assert (paths.glossary_dir, paths.corpus_dir) == (tmp_path / "my-glossary", tmp_path / "my-corpus")


def test_frozen_by_another_tool_without_an_unpack_folder_reads_the_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert bundle_root() == CHECKOUT
