"""Input that could block, never end or exhaust memory is refused in one line: special files (FIFO,
device, folder) for every command that reads a file, a document over the text limit, and errors from
parsers that warn (pdfminer) or put line breaks in their messages (lxml)."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from policyreader.formats import MAX_CHARS, ImportFailure, read_document
from tests.conftest import CORPUS, ROOT
from tests.environment import assert_one_line_error, cli

FIXTURES = ROOT / "tests" / "fixtures" / "importers"
DOC = "spc_shixin_list_provisions_2013"
SOURCE = CORPUS / f"{DOC}.zh.txt"

COMMANDS = [["import", "{f}"], ["import", str(SOURCE), "--translation", "{f}"], ["glossary", "import", "{f}"],
            ["annotations", "import", "{f}"], ["terms", "{f}"], ["segment", "{f}"], ["qa", str(SOURCE), "{f}"]]

RUN_ALL = """
import json, sys
from click.testing import CliRunner
from policyreader.cli import main
out = []
for args in json.loads(sys.argv[2]):
    r = CliRunner().invoke(main, ["--data-dir", sys.argv[1], *args])
    crashed = r.exception is not None and not isinstance(r.exception, SystemExit)
    out.append([args, r.exit_code, r.stderr, repr(r.exception) if crashed else ""])
print(json.dumps(out))
"""


def test_special_files_are_refused_without_blocking(data_dir: Path, tmp_path: Path) -> None:
    """In a separate process with a time limit: a read that blocks on a FIFO would never return."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    device = tmp_path / "zeros.txt"
    device.symlink_to("/dev/zero")  # endless: its size says 0
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    # (import of a folder is import DIR: tests/services/test_folder_import.py)
    cases = [[a.replace("{f}", str(f)) for a in args] for f in (fifo, device, folder) for args in COMMANDS
             if not (f == folder and args == ["import", "{f}"])]
    r = subprocess.run([sys.executable, "-c", RUN_ALL, str(data_dir), json.dumps(cases)], capture_output=True,
                       text=True, timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-2000:]
    results = json.loads(r.stdout)
    assert len(results) == len(cases) == 20
    for args, code, err, crash in results:
        assert crash == "", (args, crash)
        what = ("named pipe" if "pipe" in " ".join(args) else "character device" if "zeros" in " ".join(args)
                else "folder, not a file")
        assert_one_line_error(code, err, what)


def test_a_document_over_the_text_limit_is_refused_at_once(data_dir: Path, tmp_path: Path) -> None:
    chunk = SOURCE.read_text(encoding="utf-8")
    text = (chunk * (MAX_CHARS // len(chunk) + 1))[:MAX_CHARS + 1]
    big = tmp_path / "big.txt"
    big.write_text(text, encoding="utf-8")
    code, _out, err = cli(data_dir, "import", str(big))
    assert_one_line_error(code, err, "too long", f"{MAX_CHARS + 1:,} characters", f"the limit is {MAX_CHARS:,}")
    assert len(json.loads(cli(data_dir, "docs", "--json")[1])) == 10


def test_a_document_at_the_text_limit_is_read(tmp_path: Path) -> None:
    chunk = SOURCE.read_text(encoding="utf-8")
    text = (chunk * (MAX_CHARS // len(chunk) + 1))[:MAX_CHARS]
    path = tmp_path / "at-limit.txt"
    path.write_text(text, encoding="utf-8")
    assert len(read_document(path).paragraphs) > 1000


def _mutated(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        op, pos = rng.random(), rng.randrange(len(b))
        if op < 0.5:
            b[pos] = rng.randrange(256)
        elif op < 0.8:
            del b[pos:pos + rng.randint(1, 200)]
        else:
            b[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 50)))
    return bytes(b)


@pytest.mark.slow
def test_damaged_pdfs_give_one_line_whatever_pdfminer_warns(data_dir: Path, tmp_path: Path) -> None:
    """Damaged copies of a real PDF: each imports or fails in one line; pdfminer's warnings stay quiet."""
    rng = random.Random(14)
    pdf = (FIXTURES / "shanghai.pdf").read_bytes()
    failed = 0
    for i in range(60):
        path = tmp_path / f"damaged-{i}.pdf"
        path.write_bytes(_mutated(pdf, rng))
        code, _out, err = cli(data_dir, "import", str(path), "--title", f"damaged {i}")
        if code:
            failed += 1
            assert_one_line_error(code, err)
        else:
            assert err == "", err
    assert 5 < failed < 60  # both outcomes were exercised


def test_a_parser_message_with_a_line_break_stays_on_one_line(data_dir: Path, tmp_path: Path) -> None:
    """lxml ends 'Char 0x0 out of allowed range' with a line break; the error is still one line."""
    with zipfile.ZipFile(FIXTURES / "shanghai.docx") as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    xml = parts["word/document.xml"]
    at = xml.index(b"<w:t>") + 5
    parts["word/document.xml"] = xml[:at] + b"\x00" + xml[at:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    path = tmp_path / "nul.docx"
    path.write_bytes(out.getvalue())
    with pytest.raises(ImportFailure) as exc:
        read_document(path)
    assert "\n" in exc.value.message and "out of allowed range" in exc.value.message  # lxml's own text
    code, _out, err = cli(data_dir, "import", str(path))
    assert_one_line_error(code, err, "not a readable .docx file", "out of allowed range")
