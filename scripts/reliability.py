"""The reliability figures of issue 14, measured on real processes, files and SQLite: how many tries,
how many failed, the worst time and the worst memory of each kind of adversity.

    make reliability            (or: .venv/bin/python scripts/reliability.py [--quick] ["CHECK" ...],
                                 e.g. "special files": only those checks)

A failure is anything but the documented outcome: a traceback, an exit code other than the one
promised, more than one line on stderr, a change to the library where none may happen, a duplicate, a
lost write, a wrong placement reported as exact. Some checks need root (a read-only bind mount, a
small tmpfs that fills up); without it they are reported as not run. Nothing here is asserted: the
tests in tests/ assert the same behaviour on smaller runs.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.environment import ROOT as AS_ROOT  # noqa: E402
from tests.environment import read_only, small_disk  # noqa: E402
from tests.storage.test_concurrent_writers import check_library, prepare, run_writers  # noqa: E402

POLICYREADER = Path(sys.executable).with_name("policyreader")
CORPUS = ROOT / "docs_corpus"
DB = "policyreader.db"


@dataclass
class Row:
    """One line of the report."""

    check: str
    tries: int = 0
    failures: int = 0
    worst_s: float = 0.0
    worst_mb: float = 0.0
    note: str = ""
    examples: list[str] = field(default_factory=list)

    def add(self, ok: bool, seconds: float = 0.0, mb: float = 0.0, example: str = "") -> None:
        self.tries += 1
        self.failures += not ok
        self.worst_s, self.worst_mb = max(self.worst_s, seconds), max(self.worst_mb, mb)
        if not ok and example and len(self.examples) < 3:
            self.examples.append(example[:160])


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float
    mb: float


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 600) -> Run:
    """``policyreader ARGS`` as a process: its exit code, output, time and peak memory (RSS)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen([str(POLICYREADER), *args], stdout=out, stderr=err, env={**os.environ, **(env or {})})
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                p.kill()
                pid, status, usage = os.wait4(p.pid, 0)
                status = -9 << 8
                break
            time.sleep(0.02)
        p.returncode = os.waitstatus_to_exitcode(status) if status >= 0 else -9
        seconds = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        return Run(p.returncode, out.read(), err.read(), seconds, usage.ru_maxrss / 1024)


def one_line_error(r: Run) -> bool:
    return r.code == 2 and r.err.count("\n") == 1 and r.err.startswith("policyreader: error:")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fresh(seed: Path, work: Path, name: str) -> Path:
    d = work / name
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(seed, d)
    return d


# --- 1. concurrent writers -------------------------------------------------------------------------


def concurrency(seed: Path, work: Path, quick: bool) -> list[Row]:
    writers, ops = (3, 40) if quick else (4, 100)
    data, files = fresh(seed, work, "concurrent"), work / "concurrent-files"
    shutil.rmtree(files, ignore_errors=True)
    prepare(files)
    results = run_writers(data, files, writers, ops, seed=int(time.time()))
    row = Row(f"concurrent writers: {writers} processes, mixed CLI commands")
    for r in results:
        row.add(r["ok"], r["ms"] / 1000, r["rss_mb"], f"{r['op']}: {r['err'][-120:]}")
    try:
        counts = check_library(data, files, results)
        row.note = (f"0 duplicates, nothing lost ({counts['shared files']} files imported by every writer, "
                    f"{counts['annotations']} annotations, {counts['renderings added']} renderings); "
                    "was: 15 of 310 failed with 'database is locked'")
    except AssertionError as exc:
        row.failures += 1
        row.note = f"library check failed: {str(exc)[:200]}"
    races = Row("the same file imported by 3 processes at once")
    data = fresh(seed, work, "races")
    source = (CORPUS / "zhengxin_industry_regulation_2013.zh.txt").read_text(encoding="utf-8")
    for attempt in range(3 if quick else 5):
        path = work / f"race-{attempt}.txt"
        path.write_text(source + f"\n附则{attempt}：同时导入。\n", encoding="utf-8")
        t0 = time.perf_counter()
        procs = [subprocess.Popen([str(POLICYREADER), "--data-dir", str(data), "import", str(path), "--json"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
        outs = [p.communicate() for p in procs]
        seconds = time.perf_counter() - t0
        con = sqlite3.connect(data / DB)
        stored = con.execute("SELECT count(*) FROM documents WHERE source_path = ?", [str(path)]).fetchone()[0]
        con.close()
        ok = all(p.returncode == 0 for p in procs) and stored == 1
        races.add(ok, seconds, example=f"stored {stored} times; " + " | ".join(e[-80:] for _o, e in outs if e))
    races.note = "was: stored twice in 4 of 5 tries"
    return [row, races]


# --- 2. broken environments ------------------------------------------------------------------------

DOC = "spc_shixin_list_provisions_2013"
SOURCE = CORPUS / f"{DOC}.zh.txt"
COMMANDS = [["docs"], ["show", DOC], ["import", str(SOURCE), "--title", "t"], ["annotations", "list"],
            ["annotate", DOC, "--start", "0", "--end", "4"], ["glossary", "add", "信用修复", "--rendering", "r"]]


def damaged(seed: Path, work: Path) -> Row:
    row = Row("damaged library (garbage, truncated, overwritten, text) x 6 commands")
    for how in ("garbage", "truncated", "overwritten", "text"):
        data = fresh(seed, work, f"damaged-{how}")
        db = data / DB
        raw = db.read_bytes()
        db.write_bytes({"garbage": os.urandom(len(raw) // 4), "truncated": raw[: len(raw) // 2],
                        "overwritten": raw[:4096] + b"\xa5" * 4096 * 40 + raw[4096 * 41:],
                        "text": b"not a database\n"}[how])
        before = digest(db)
        for args in COMMANDS:
            r = run("--data-dir", str(data), *args)
            row.add(one_line_error(r) and digest(db) == before, r.seconds, r.mb, f"{how} {args[0]}: {r.err[-120:]}")
    return row


def newer(seed: Path, work: Path) -> Row:
    row = Row("library of a newer PolicyReader x 6 commands")
    data = fresh(seed, work, "newer")
    with sqlite3.connect(data / DB) as con:
        con.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                    "VALUES ('policyreader', 'm999_future', '2030-01-01')")
    con.close()
    before = digest(data / DB)
    for args in COMMANDS:
        r = run("--data-dir", str(data), *args)
        row.add(one_line_error(r) and "newer PolicyReader" in r.err and digest(data / DB) == before, r.seconds,
                r.mb, r.err[-120:])
    return row


def read_only_library(seed: Path, work: Path) -> Row:
    row = Row("read-only data directory: 4 reads work, 3 writes refused")
    data = fresh(seed, work, "read-only")
    reads = [["docs", "--json"], ["show", DOC, "--json"], ["search", "信用", "--json"], ["lookup", "信用", "--json"]]
    expected = [run("--data-dir", str(data), *a).out for a in reads]
    with read_only(data):
        for args, want in zip(reads, expected, strict=True):
            r = run("--data-dir", str(data), *args)
            row.add(r.code == 0 and r.out == want and r.err == "", r.seconds, r.mb, f"{args[0]}: {r.err[-120:]}")
        for args in (COMMANDS[2], COMMANDS[4], COMMANDS[5]):
            r = run("--data-dir", str(data), *args)
            row.add(one_line_error(r) and "read-only" in r.err, r.seconds, r.mb, f"{args[0]}: {r.err[-120:]}")
    return row


def full_disk(seed: Path, work: Path) -> Row:
    row = Row("full disk during import (tmpfs), then a small import")
    data = fresh(seed, work, "full-src")
    big = work / "compilation.txt"
    big.write_text("\n\n".join(p.read_text(encoding="utf-8").replace("第一条", f"第一条（{i}）")
                               for i in range(8) for p in sorted(CORPUS.glob("*.zh.txt"))), encoding="utf-8")
    size = sum(p.stat().st_size for p in data.rglob("*") if p.is_file()) // 2**20 + 4
    with small_disk(work / "disk", size) as disk:
        shutil.copytree(data, disk / "data")
        con = sqlite3.connect(disk / "data" / DB)
        before = con.execute("SELECT count(*) FROM segments").fetchone()[0]
        con.close()
        r = run("--data-dir", str(disk / "data"), "import", str(big))
        con = sqlite3.connect(disk / "data" / DB)
        after = con.execute("SELECT count(*) FROM segments").fetchone()[0]
        intact = con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
        row.add(one_line_error(r) and "disk is full" in r.err and intact and after == before, r.seconds, r.mb,
                r.err[-160:])
        small = run("--data-dir", str(disk / "data"), "import", str(SOURCE), "--title", "after")
        row.add(small.code == 0, small.seconds, small.mb, small.err[-160:])
    return row


def home_and_output(seed: Path, work: Path) -> Row:
    row = Row("HOME is a file; -o into a missing folder (4 commands)")
    home = work / "home-file"
    home.write_text("x", encoding="utf-8")
    env = {"HOME": str(home), "XDG_DATA_HOME": "", "XDG_CACHE_HOME": "", "POLICYREADER_DATA_DIR": ""}
    r = run("docs", env=env)
    row.add(one_line_error(r), r.seconds, r.mb, r.err)
    data = fresh(seed, work, "outputs")
    for args in (["annotations", "export", "--format", "csv"], ["qa", DOC, "--format", "json"],
                 ["glossary", "export", "--format", "csv"]):
        r = run("--data-dir", str(data), *args, "-o", str(work / "missing" / "out"))
        row.add(one_line_error(r) and "does not exist" in r.err, r.seconds, r.mb, r.err)
    return row


# --- 3. bounded inputs -----------------------------------------------------------------------------


def special_files(seed: Path, work: Path) -> Row:
    row = Row("FIFO, device, folder x 7 commands that read a file")
    data = fresh(seed, work, "special")
    fifo, device, folder = work / "pipe.txt", work / "zeros.txt", work / "folder.txt"
    os.mkfifo(fifo)
    device.symlink_to("/dev/zero")
    folder.mkdir()
    for f in (fifo, device, folder):
        for args in (["import", str(f)], ["import", str(SOURCE), "--translation", str(f)],
                     ["glossary", "import", str(f)], ["annotations", "import", str(f)], ["terms", str(f)],
                     ["segment", str(f)], ["qa", str(SOURCE), str(f)]):
            r = run("--data-dir", str(data), *args, timeout=60)
            if f is folder and args[:1] == ["import"] and len(args) == 2:  # import DIR: an empty folder
                ok = r.code == 0 and "0 imported" in r.out and "of 0 files" in r.out
            else:
                ok = one_line_error(r)
            row.add(ok, r.seconds, r.mb, f"{f.name} {args[0]}: {r.err[-100:]} (exit {r.code})")
    row.note = "import of a folder is import DIR: an empty one imports nothing and says so"
    return row


def bombs(seed: Path, work: Path) -> list[Row]:
    data = fresh(seed, work, "bombs")
    docx_row = Row("2 GB .docx zip bomb (11 MB file)")
    src = zipfile.ZipFile(ROOT / "tests" / "fixtures" / "importers" / "shanghai.docx")
    bomb = work / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info.filename, src.read(info.filename))
        with out.open("word/document.xml", "w", force_zip64=True) as w:
            para = ("<w:p><w:r><w:t>" + "信用" * 50 + "</w:t></w:r></w:p>").encode() * 2000
            for _ in range(2 * 2**30 // len(para)):
                w.write(para)
    r = run("--data-dir", str(data), "import", str(bomb))
    docx_row.add(one_line_error(r) and "zip bomb" in r.err, r.seconds, r.mb, r.err)
    docx_row.note = "was: 4.1 GB of memory"
    pdf_row = Row("1 GB PDF deflate bomb (1 MB stream)")
    import zlib

    comp = zlib.compressobj(9)
    payload = b"".join(comp.compress(b"\0" * 2**26) for _ in range(16)) + comp.flush()
    pdf = (ROOT / "tests" / "fixtures" / "importers" / "shanghai.pdf").read_bytes()
    end = pdf.rfind(b"%%EOF")
    obj = b"999 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream\nendobj\n" % (len(payload), payload)
    (work / "bomb.pdf").write_bytes(pdf[:end] + obj + pdf[end:])
    r = run("--data-dir", str(data), "import", str(work / "bomb.pdf"))
    pdf_row.add(one_line_error(r) and "zip bomb" in r.err, r.seconds, r.mb, r.err)
    return [docx_row, pdf_row]


def long_texts(seed: Path, work: Path, quick: bool) -> list[Row]:
    data = fresh(seed, work, "long")
    from policyreader.formats import MAX_CHARS

    corpus = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.zh.txt")))
    over = Row("49 MB text file (was 185 s and 3.3 GB): refused")
    big = work / "49mb.txt"
    big.write_text((corpus * (49 * 2**20 // len(corpus.encode()) + 1))[: 49 * 2**20 // 3], encoding="utf-8")
    r = run("--data-dir", str(data), "import", str(big))
    over.add(one_line_error(r) and "too long" in r.err, r.seconds, r.mb, r.err)
    rows = [over]
    if not quick:
        from policyreader.core.bilingual import parse_aligned

        zh, en = [], []
        for p in sorted(CORPUS.glob("*.aligned.txt")):
            for b in parse_aligned(p.read_text(encoding="utf-8")):
                if b.en:
                    zh += b.zh
                    en += b.en
        zh_text, en_text = "\n\n".join(zh), "\n\n".join(en)
        z = "\n\n".join(zh_text.replace("第一条", f"第一条（{i}）") for i in range(MAX_CHARS // len(zh_text) + 1))
        e = "\n\n".join(en_text.replace("Article 1 ", f"Article 1 ({i}) ")
                        for i in range(MAX_CHARS // len(en_text) + 1))
        (work / "limit.zh.txt").write_text(z[:MAX_CHARS], encoding="utf-8")
        (work / "limit.en.txt").write_text(e[:MAX_CHARS], encoding="utf-8")
        at = Row(f"import at the limit: {MAX_CHARS:,} Chinese + {MAX_CHARS:,} English characters, aligned")
        r = run("--data-dir", str(data), "import", str(work / "limit.zh.txt"), "--translation",
                str(work / "limit.en.txt"))
        at.add(r.code == 0 and r.mb < 1024, r.seconds, r.mb, r.err)
        at.note = "target: under 1 GB"
        rows.append(at)
    return rows


# --- 4. fuzzing -----------------------------------------------------------------------------------


def in_process(data: Path, cases: list[list[str]]) -> list[dict[str, Any]]:
    """Many CLI commands in one process (each a fresh CLI invocation), for fuzzing at speed."""
    code = ("import json, sys\nfrom click.testing import CliRunner\nfrom policyreader.cli import main\nout = []\n"
            "for args in json.loads(open(sys.argv[2]).read()):\n"
            "    r = CliRunner().invoke(main, ['--data-dir', sys.argv[1], *args])\n"
            "    crashed = r.exception is not None and not isinstance(r.exception, SystemExit)\n"
            "    out.append({'code': r.exit_code, 'err': r.stderr, 'crash': repr(r.exception) if crashed else ''})\n"
            "print(json.dumps(out))\n")
    spec = data.parent / f"{data.name}-cases.json"
    spec.write_text(json.dumps(cases), encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", code, str(data), str(spec)], capture_output=True, text=True, cwd=ROOT)
    result: list[dict[str, Any]] = json.loads(r.stdout)
    return result


def fuzz_annotations(seed: Path, work: Path, quick: bool) -> Row:
    from tests.formats.test_annotations import _fuzzed

    data = fresh(seed, work, "fuzz-notes")
    for i in range(6):
        run("--data-dir", str(data), "annotate", DOC, "--start", str(10 + 30 * i), "--end", str(18 + 30 * i),
            "--note", f"n{i}")
    run("--data-dir", str(data), "annotations", "export", "--format", "jsonld", "-o", str(work / "notes.jsonld"))
    base = json.loads((work / "notes.jsonld").read_text(encoding="utf-8"))
    rng = random.Random(int(time.time()))
    cases = []
    for i in range(100 if quick else 300):
        path = work / "fuzz-notes" / f"{i}.jsonld"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(json.dumps(_fuzzed(base, rng), ensure_ascii=bool(i % 2)).encode("utf-8", "surrogatepass"))
        cases.append(["annotations", "import", str(path)])
    row = Row(f"structurally fuzzed annotation files ({len(cases)})")
    _accepted_or_refused(data, cases, row)
    row.note = "time: average per file; a refused file imports nothing; was: 48 of 300 crashed"
    return row


def _accepted_or_refused(data: Path, cases: list[list[str]], row: Row) -> None:
    """Run each command in-process: it must import cleanly or be refused on one line with exit code 2 (no
    crash); the row's time is the average per command."""
    t0 = time.perf_counter()
    for res in in_process(data, cases):
        ok = not res["crash"] and (res["code"] == 0 and not res["err"]
                                   or res["code"] == 2 and res["err"].count("\n") == 1)
        row.add(ok, example=res["crash"] or res["err"])
    row.worst_s = (time.perf_counter() - t0) / max(1, row.tries)


def fuzz_pdfs(seed: Path, work: Path, quick: bool) -> Row:
    data = fresh(seed, work, "fuzz-pdf")
    pdf = (ROOT / "tests" / "fixtures" / "importers" / "shanghai.pdf").read_bytes()
    rng = random.Random(int(time.time()))
    cases = []
    for i in range(60 if quick else 200):
        b = bytearray(pdf)
        for _ in range(rng.randint(1, 20)):
            pos = rng.randrange(len(b))
            b[pos:pos + rng.randint(0, 100)] = bytes(rng.randrange(256) for _ in range(rng.randint(0, 30)))
        path = work / "fuzz-pdf-files" / f"{i}.pdf"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(bytes(b))
        cases.append(["import", str(path), "--title", f"fuzz {i}"])
    row = Row(f"damaged PDFs ({len(cases)}): one line, whatever pdfminer warns")
    _accepted_or_refused(data, cases, row)
    row.note = "time: average per file; was: pdfminer's warnings before the error line in 23 cases"
    return row


# --- 5. script re-anchoring -----------------------------------------------------------------------


def script_reanchoring(seed: Path, work: Path, quick: bool) -> Row:
    import opencc

    from policyreader.core.anchoring import Anchorer, make_quote
    from policyreader.core.document import parse_source

    row = Row("annotations after a re-import in traditional script (s2t, s2tw, s2hk)")
    counts = {"exact": 0, "fuzzy": 0, "orphan": 0}
    wrong = 0
    rng = random.Random(14)
    docs = sorted(CORPUS.glob("*.zh.txt"))[: 3 if quick else 10]
    for path in docs:
        text = "\n".join(p.text for p in parse_source(path.read_text(encoding="utf-8")).paragraphs)
        for config in ("s2t", "s2tw", "s2hk"):
            new = opencc.OpenCC(config).convert(text)
            anchorer = Anchorer(new, old_text=text)
            for _ in range(50):
                n = rng.randint(4, 20)
                start = rng.randrange(0, len(text) - n)
                a = anchorer.anchor(make_quote(text, start, start + n))
                counts[a.status] += 1
                bad = a.status == "exact" and (a.start, a.end) != (start, start + n)
                wrong += bad
                row.add(a.status != "orphan" and not bad)
    row.note = (f"{counts['exact']} exact, {counts['fuzzy']} fuzzy, {counts['orphan']} orphaned; {wrong} wrong as "
                "exact; was: 23 of 50 placed, 26 orphaned")
    return row


def seed_library(work: Path) -> Path:
    seed = work / "seed"
    r = run("--data-dir", str(seed), "lookup", "信用")  # the bundled corpus and CC-CEDICT, once
    if r.code:
        raise SystemExit(f"cannot prepare a library: {r.err}")
    run("--data-dir", str(seed), "docs")
    return seed


def main() -> int:
    quick = "--quick" in sys.argv
    work = Path(tempfile.mkdtemp(prefix="policyreader-reliability-"))
    seed = seed_library(work)
    rows: list[Row] = []
    steps: list[tuple[str, Callable[[], list[Row] | Row]]] = [
        ("concurrency", lambda: concurrency(seed, work, quick)),
        ("damaged", lambda: damaged(seed, work)), ("newer", lambda: newer(seed, work)),
        ("read-only", lambda: read_only_library(seed, work)), ("full disk", lambda: full_disk(seed, work)),
        ("home and -o", lambda: home_and_output(seed, work)), ("special files", lambda: special_files(seed, work)),
        ("bombs", lambda: bombs(seed, work)), ("long texts", lambda: long_texts(seed, work, quick)),
        ("annotation fuzz", lambda: fuzz_annotations(seed, work, quick)),
        ("pdf fuzz", lambda: fuzz_pdfs(seed, work, quick)),
        ("script re-anchoring", lambda: script_reanchoring(seed, work, quick)),
    ]
    only = [a for a in sys.argv[1:] if not a.startswith("--")]  # e.g. reliability.py "special files"
    unknown = set(only) - {name for name, _ in steps}
    if unknown:
        print(f"no such check: {', '.join(sorted(unknown))}; the checks: {', '.join(n for n, _ in steps)}",
              file=sys.stderr)
        return 2
    for name, step in steps:
        if only and name not in only:
            continue
        if name in ("read-only", "full disk") and not AS_ROOT:
            rows.append(Row(f"{name}: needs root (a bind mount, a tmpfs); not run here"))
            continue
        print(f"… {name}", file=sys.stderr, flush=True)
        got = step()
        rows += got if isinstance(got, list) else [got]
    width = max(len(r.check) for r in rows)
    print(f"\n{'check'.ljust(width)}  tries  failures  worst time  worst memory")
    for r in rows:
        mem = f"{r.worst_mb:8.0f} MB" if r.worst_mb else ""
        print(f"{r.check.ljust(width)}  {r.tries:5}  {r.failures:8}  {r.worst_s:8.2f} s  {mem}")
        if r.note:
            print(f"{''.ljust(width)}  {r.note}")
        for ex in r.examples:
            print(f"{''.ljust(width)}  failed: {ex}")
    failed = any(r.failures for r in rows)
    if failed:
        print(f"\nwork files kept for a look: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    print(f"peak memory of this script: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
