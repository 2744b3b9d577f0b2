"""``make interop``: PolicyReader's exports opened by the real consumers that are too heavy for ``make test``.

* OmegaT (Debian's ``omegat``, 3.6): its own TBX glossary reader (``GlossaryReaderTBX``, through
  ``omegat/TbxPairs.java``) reads our TBX for OmegaT and our TBX-Basic; we count the (source, target)
  pairs it offers, the *avoid* renderings among the targets, and comments carrying raw status codes.
  Then OmegaT translates the bundled corpus in ``--mode=console-translate``, given each Chinese source
  as a plain-text file (one paragraph per block, as the library holds it) and our ``export --all --format
  tmx`` in ``tm/auto/``; we count the translated paragraphs it fills with exactly our English.
* LibreOffice Calc, headless: converts our XLSX termbase and QA report to CSV; every row must be there,
  and text that looks like a formula must stay text.

Everything runs on a fresh data directory through the ``policyreader`` command of this environment.
What is missing (OmegaT, a JDK, LibreOffice) is installed with apt-get when run as root; otherwise the
script prints the command to run and exits with code 2. It prints the figures and exits with code 1
when one misses its target: TMX fill rate ≥ 95 %, no avoid rendering offered, no raw status code shown.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
POLICYREADER = Path(sys.executable).with_name("policyreader")
OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")
PACKAGES = {"omegat": "omegat", "javac": "default-jdk-headless", "soffice": "libreoffice-calc-nogui"}
FILL_TARGET = 0.95
HOSTILE = "=HYPERLINK(\"http://example.invalid\",\"click\")"


def say(text: str) -> None:
    print(f"interop: {text}", flush=True)


def ensure_tools() -> None:
    missing = [pkg for tool, pkg in PACKAGES.items() if shutil.which(tool) is None]
    if not missing:
        return
    command = ["apt-get", "install", "-y", "-qq", *missing]
    if os.geteuid() != 0:
        say(f"needs the Debian packages {', '.join(missing)}; install them with: sudo {' '.join(command)}")
        sys.exit(2)
    say(f"installing {', '.join(missing)} with apt-get (OmegaT, a JDK, LibreOffice Calc: a few minutes) …")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(command, env=env, stdout=subprocess.DEVNULL).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
        if subprocess.run(command, env=env, stdout=subprocess.DEVNULL).returncode != 0:
            say(f"could not install {', '.join(missing)}; run: {' '.join(command)}")
            sys.exit(2)


def policyreader(data: Path, *args: str) -> str:
    r = subprocess.run([str(POLICYREADER), "--data-dir", str(data), *args], capture_output=True, text=True)
    if r.returncode not in (0, 1):  # qa exits 1 when it finds errors
        raise SystemExit(f"interop: policyreader {' '.join(args)} failed: {r.stderr.strip()}")
    return r.stdout


def omegat_classpath() -> str:
    manifest = zipfile.ZipFile(OMEGAT_JAR).read("META-INF/MANIFEST.MF").decode("utf-8")
    lines: list[str] = []
    for line in manifest.splitlines():
        if line.startswith(" ") and lines:
            lines[-1] += line[1:]
        else:
            lines.append(line)
    class_path = next((ln.split(":", 1)[1].split() for ln in lines if ln.startswith("Class-Path:")), [])
    return ":".join([str(OMEGAT_JAR), *[str(OMEGAT_JAR.parent / p) for p in class_path]])


def new_project(where: Path) -> Path:
    proj = where / "proj"
    for sub in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (proj / sub).mkdir(parents=True)
    shutil.copy(HERE / "omegat" / "omegat.project", proj / "omegat.project")
    return proj


def _unescape(text: str) -> str:
    out, chars = [], iter(text)
    for ch in chars:
        if ch == "\\":
            nxt = next(chars, "")
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(nxt, nxt))
        else:
            out.append(ch)
    return "".join(out)


def omegat_pairs(work: Path, tbx: Path) -> list[tuple[str, str, str]]:
    """(source, target, comment) of every pair OmegaT's TBX reader offers."""
    cp = omegat_classpath()
    classes = work / "classes"
    if not (classes / "TbxPairs.class").exists():
        classes.mkdir(exist_ok=True)
        subprocess.run(["javac", "-nowarn", "-d", str(classes), "-cp", cp, str(HERE / "omegat" / "TbxPairs.java")],
                       check=True, capture_output=True)
    proj = new_project(work / tbx.stem)
    r = subprocess.run(["java", "-cp", f"{cp}:{classes}", "TbxPairs", str(proj), str(tbx)], capture_output=True,
                       text=True, timeout=600)
    if r.returncode != 0:
        raise SystemExit(f"interop: OmegaT's TBX reader failed on {tbx.name}: {r.stderr.strip()[-500:]}")
    pairs = []
    for line in r.stdout.splitlines():
        src, tgt, comment = (line.split("\t") + ["", ""])[:3]
        pairs.append((_unescape(src), _unescape(tgt), _unescape(comment)))
    return pairs


def tbx_figures(pairs: Sequence[tuple[str, str, str]], glossary: list[dict[str, object]]) -> dict[str, int]:
    avoid: dict[str, set[str]] = {}
    disputed: set[str] = set()
    for e in glossary:
        forms = [str(f) for f in [e["term"], e.get("traditional"), *e.get("variants", [])] if f]  # type: ignore[misc]
        bad = {str(r["text"]) for r in e["renderings"] if r["status"] == "avoid"}  # type: ignore[index, union-attr]
        for f in forms:
            avoid.setdefault(f, set()).update(bad)
            if e.get("dispute"):
                disputed.add(f)
    return {
        "pairs": len(pairs),
        "avoid offered": sum(1 for s, t, _c in pairs if t in avoid.get(s, set())),
        "raw status codes": sum(1 for _s, _t, c in pairs if "-admn-sts" in c),
        "dispute not first": sum(1 for s, _t, c in pairs if s in disputed and not c.startswith("Dispute:")),
    }


def check_tbx(work: Path, data: Path) -> list[str]:
    glossary = json.loads(policyreader(data, "glossary", "export", "--format", "json", "-o", "-"))
    failures = []
    for fmt in ("tbx-omegat", "tbx"):
        path = work / f"{fmt}.tbx"
        policyreader(data, "glossary", "export", "--format", fmt, "-o", str(path))
        f = tbx_figures(omegat_pairs(work, path), glossary)
        say(f"OmegaT reads {fmt}: {f['pairs']} pairs offered, {f['avoid offered']} of them with an avoid rendering "
            f"as the target, {f['raw status codes']} comments with raw status codes, dispute not first in "
            f"{f['dispute not first']}")
        if fmt == "tbx-omegat" and (f["avoid offered"] or f["raw status codes"] or f["dispute not first"]):
            failures.append(f"{fmt}: avoid renderings or raw status codes reach OmegaT")
    return failures


def check_tmx(work: Path, data: Path) -> list[str]:
    proj = new_project(work / "tmx")
    policyreader(data, "export", "--all", "--format", "tmx", "-o", str(proj / "tm" / "auto" / "policyreader.tmx"))
    docs = [d["id"] for d in json.loads(policyreader(data, "docs", "--json")) if d["translation"] != "none"]
    expected: dict[str, list[tuple[str, str]]] = {}
    for doc in docs:
        segments = json.loads(policyreader(data, "show", doc, "--json"))["segments"]
        paragraphs = [(p, s["en"] if "\n" not in s["zh"] else "\x00") for s in segments for p in s["zh"].split("\n")]
        expected[doc] = [(zh, en) for zh, en in paragraphs]
        (proj / "source" / f"{doc}.txt").write_text("".join(zh + "\n\n" for zh, _ in paragraphs), encoding="utf-8")
    r = subprocess.run(["omegat", str(proj), "--mode=console-translate"], capture_output=True, text=True,
                       timeout=900)
    if r.returncode != 0:
        return [f"OmegaT console-translate failed: {r.stdout[-300:]} {r.stderr[-300:]}"]
    translated = filled = 0
    for doc, paragraphs in expected.items():
        target = (proj / "target" / f"{doc}.txt").read_text(encoding="utf-8").split("\n\n")
        for i, (_zh, en) in enumerate(paragraphs):
            if en:
                translated += 1
                filled += i < len(target) and target[i] == en
    rate = filled / translated if translated else 0.0
    say(f"OmegaT with our TMX in tm/auto: {filled} of {translated} translated paragraphs filled with exactly our "
        f"English ({rate:.1%}; target ≥ {FILL_TARGET:.0%}), {len(docs)} documents")
    return [] if rate >= FILL_TARGET else [f"TMX fill rate {rate:.1%} < {FILL_TARGET:.0%}"]


def calc_rows(work: Path, xlsx: Path) -> list[list[str]]:
    out = work / "calc"
    out.mkdir(exist_ok=True)
    r = subprocess.run(["soffice", f"-env:UserInstallation=file://{work / 'lo-profile'}", "--headless",
                        "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(xlsx)],
                       capture_output=True, text=True, timeout=300)
    produced = out / (xlsx.stem + ".csv")
    if r.returncode != 0 or not produced.exists():
        raise SystemExit(f"interop: LibreOffice could not convert {xlsx.name}: {r.stderr.strip()[-300:]}")
    with produced.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def check_xlsx(work: Path, data: Path) -> list[str]:
    failures = []
    policyreader(data, "glossary", "add", "测试条目", "--rendering", HOSTILE, "--note", "interop check")
    glossary = json.loads(policyreader(data, "glossary", "export", "--format", "json", "-o", "-"))
    termbase = work / "termbase.xlsx"
    policyreader(data, "glossary", "export", "--format", "xlsx", "-o", str(termbase))
    rows = calc_rows(work, termbase)
    renderings = sum(max(len(e["renderings"]), 1) for e in glossary)
    hostile_kept = any(HOSTILE in row for row in rows)
    say(f"LibreOffice opens the XLSX termbase: {len(rows) - 1} rows for {renderings} renderings, header "
        f"{rows[0][:5]}…; formula-like text kept as text: {'yes' if hostile_kept else 'NO'}")
    if len(rows) - 1 != renderings or not hostile_kept:
        failures.append("XLSX termbase: rows missing in LibreOffice, or text turned into a formula")
    report = work / "qa.xlsx"
    findings = json.loads(policyreader(data, "qa", "--all", "--format", "json"))
    policyreader(data, "qa", "--all", "--format", "xlsx", "-o", str(report))
    rows = calc_rows(work, report)
    say(f"LibreOffice opens the XLSX QA report of the library: {len(rows) - 1} rows for {len(findings)} findings")
    if len(rows) - 1 != len(findings):
        failures.append("XLSX QA report: rows missing in LibreOffice")
    return failures


def main() -> int:
    ensure_tools()
    with tempfile.TemporaryDirectory(prefix="policyreader-interop-") as tmp:
        work = Path(tmp)
        data = work / "data"
        say("importing the bundled corpus into a fresh data directory …")
        policyreader(data, "docs")
        failures = check_tbx(work, data) + check_tmx(work, data) + check_xlsx(work, data)
    for f in failures:
        say(f"FAILED: {f}")
    say("all interoperability checks passed" if not failures else f"{len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
