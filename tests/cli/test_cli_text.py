"""The foundation's CLI contract: terms, segment, lookup, glossary validate/export, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyreader.cli import main
from policyreader.services.engine import TextEngine
from policyreader.services.paths import resolve_paths
from tests.conftest import CORPUS, GLOSSARY


def run(data_dir: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    return r.exit_code, r.stdout, r.stderr


def test_terms_offsets_index_the_decoded_text(data_dir: Path) -> None:
    path = CORPUS / "shanghai_social_credit_regulations_2017.zh.txt"
    code, out, _ = run(data_dir, "terms", str(path), "--json")
    assert code == 0
    hits = json.loads(out)
    text = path.read_text(encoding="utf-8")
    assert len(hits) > 100
    assert all(text[h["start"]:h["end"]] == h["text"] for h in hits)
    assert {h["entry"] for h in hits} >= {"shehui-xinyong", "xinyong-xinxi"}
    assert set(hits[0]) == {"start", "end", "text", "entry"}


def test_terms_in_a_gb18030_file_use_offsets_of_the_decoded_text(data_dir: Path, tmp_path: Path) -> None:
    text = "完善社会信用体系，规范征信活动。"
    f = tmp_path / "gbk.txt"
    f.write_bytes(text.encode("gb18030"))
    code, out, _ = run(data_dir, "terms", str(f), "--json")
    assert code == 0
    hits = json.loads(out)
    assert [(h["text"], text[h["start"]:h["end"]]) for h in hits] == [(h["text"], h["text"]) for h in hits]
    assert [h["entry"] for h in hits] == ["shehui-xinyong-tixi", "zhengxin"]


def test_segment_gives_every_token_with_pinyin(data_dir: Path, tmp_path: Path) -> None:
    f = tmp_path / "s.txt"
    f.write_text("被执行人应当还款。失信被执行人名单", encoding="utf-8")  # the list is an entry of its own
    code, out, _ = run(data_dir, "segment", str(f), "--json")
    assert code == 0
    toks = json.loads(out)
    assert "".join(t["text"] for t in toks) == "被执行人应当还款。失信被执行人名单"
    by_text = {t["text"]: t for t in toks}
    assert by_text["还款"]["pinyin"] == "huánkuǎn"
    assert "失信被执行人名单" in by_text and by_text["失信被执行人名单"]["pinyin"] == "shīxìn bèizhíxíngrén míngdān"  # as the glossary writes it
    assert out == json.dumps(toks, ensure_ascii=False, indent=2) + "\n"  # streamed, in emit()'s layout


def test_segment_of_a_long_file_streams_the_same_tokens_as_a_short_one(data_dir: Path, tmp_path: Path) -> None:
    """Tokens are made a stretch of lines at a time; across the stretches' seams nothing changes."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.zh.txt")))
    (tmp_path / "all.txt").write_text(text, encoding="utf-8")
    code, out, _ = run(data_dir, "segment", str(tmp_path / "all.txt"), "--json", "--tone-numbers")
    assert code == 0
    toks = json.loads(out)
    assert "".join(t["text"] for t in toks) == text
    assert all(text[t["start"]:t["end"]] == t["text"] for t in toks)
    engine = TextEngine(resolve_paths(data_dir))
    whole = engine.segmenter.tokens(text, [(m.start, m.end) for m in engine.terms(text)])
    assert [(t["start"], t["end"]) for t in toks] == [(t.start, t.end) for t in whole]
    code, plain, _ = run(data_dir, "segment", str(tmp_path / "all.txt"))
    assert plain == " ".join(t["text"] for t in toks if t["text"].strip()) + "\n"


def test_lookup_returns_glossary_and_every_dictionary_reading(data_dir: Path) -> None:
    code, out, _ = run(data_dir, "lookup", "诚信", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"word", "pinyin", "glossary", "dictionary"}
    assert data["glossary"][0]["id"] == "chengxin"
    assert {r["text"] for r in data["glossary"][0]["renderings"]} >= {"integrity", "sincerity"}
    assert data["dictionary"] and set(data["dictionary"][0]) >= {"simplified", "traditional", "pinyin",
                                                                  "definitions"}
    code, out, _ = run(data_dir, "lookup", "还", "--json")
    assert {d["pinyin"] for d in json.loads(out)["dictionary"]} >= {"hái", "huán"}


def test_glossary_validate_and_export(data_dir: Path, tmp_path: Path) -> None:
    code, out, err = run(data_dir, "glossary", "validate", str(GLOSSARY))
    assert code == 0, out
    assert "no problems" in err
    out_file = tmp_path / "g.json"
    code, _, _ = run(data_dir, "glossary", "export", "--format", "json", "-o", str(out_file))
    assert code == 0
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert len(data) >= 100
    assert set(data[0]) >= {"id", "term", "traditional", "pinyin", "renderings", "dispute", "related",
                            "domains", "examples"}
    assert set(data[0]["renderings"][0]) >= {"text", "status", "sources"}


def test_glossary_validate_reports_problems_and_fails() -> None:
    broken = Path(__file__).resolve().parents[1] / "fixtures" / "glossary_broken"
    r = CliRunner().invoke(main, ["glossary", "validate", str(broken)])
    assert r.exit_code == 1
    assert "dup-c.toml:1: id: duplicate id 'dup-a'" in r.stdout


@pytest.mark.parametrize("make", ["missing", "binary", "undecodable", "directory"])
def test_bad_files_give_one_line_and_exit_2(data_dir: Path, tmp_path: Path, make: str) -> None:
    f = tmp_path / "input.txt"
    if make == "binary":
        f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    elif make == "undecodable":
        f.write_bytes(bytes([0x81, 0x20, 0xFF, 0xFE, 0x80]) * 50 + b"\x00\x01\x02")
    elif make == "directory":
        f.mkdir()
    proc = subprocess.run([sys.executable, "-m", "policyreader", "--data-dir", str(data_dir), "terms", str(f),
                           "--json"], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert lines[0].startswith("policyreader: error:") and "input.txt" in lines[0]
