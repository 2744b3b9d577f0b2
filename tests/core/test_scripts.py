"""OpenCC through its C interface gives exactly the binding's conversions, on the real glossary and corpus."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from policyreader.core.scripts import CConverter, converter

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    lines = [line for p in sorted((ROOT / "glossary" / "entries").glob("*.toml"))
             for line in p.read_text(encoding="utf-8").splitlines()]
    lines += [line for p in sorted((ROOT / "docs_corpus").glob("*.zh.txt"))
              for line in p.read_text(encoding="utf-8").splitlines()]
    return [x for x in lines if x.strip()]


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk", "t2s"])
def test_the_c_interface_converts_as_the_binding_does(config: str) -> None:
    ours, binding = converter(config), opencc.OpenCC(config)
    assert isinstance(ours, CConverter)  # the interface that lets go of the interpreter lock was found
    texts = _texts()
    assert len(texts) > 3000
    assert [ours.convert(t) for t in texts] == [binding.convert(t) for t in texts]
    assert ours.convert("") == "" and converter(config) is ours


def test_traditional_texts_fold_back() -> None:
    s2tw = converter("s2tw")
    assert s2tw.convert("社会信用体系台湾") == "社會信用體系臺灣"
    assert converter("t2s").convert("社會信用體系") == "社会信用体系"
