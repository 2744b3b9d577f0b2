"""Corpus scale (issue 17): every row as a ratio against a baseline measured in the same run, on the 3,500
generated laws and, for the rows that grow with the library, on the 35,000-document copy.

Baselines: bare ``jieba.lcut`` on the same text (interleaved), a process running jieba on the same file,
``policyreader --version`` as a whole process, the imported text's size, the same measure on the 3,500
library (scaling), the window on a library of only the bundled corpus, and a start on a library that
exists already.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.conftest import percentiles, ratios, report
from benchmarks.scale_library import ScaleLibrary, database_bytes
from policyreader.services.context import AppContext
from policyreader.services.folder_import import import_folder
from policyreader.services.paths import resolve_paths

PYTHON = sys.executable


def _run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time and peak memory (MB) of one process."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _pid, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)  # reaped here, to read its peak memory
    assert p.returncode == 0, cmd
    return time.perf_counter() - t, usage.ru_maxrss / 1024


def test_import_of_3500_laws_vs_jieba_alone(benchmark, scale_3500: ScaleLibrary) -> None:  # type: ignore[no-untyped-def]
    lib = scale_3500
    ctx = AppContext(resolve_paths(lib.data_dir))
    folder = next(p for p in (lib.data_dir.parent / "laws").iterdir())

    def again() -> None:  # the same folder imported again: every file read, hashed and found in the library
        assert all(i.result and i.result.duplicate for i in import_folder(ctx.library, folder))

    benchmark.pedantic(again, rounds=1, iterations=1)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in (lib.data_dir.parent / "laws").rglob("*.txt"))
    report("import DIR: 3,500 laws vs bare jieba.lcut on the same texts (target <= 1.0x)",
           ratios(lib.import_seconds, lib.jieba_seconds))
    report("  import throughput / jieba's", f"{chars / sum(lib.import_seconds) / 1000:.0f}k / "
           f"{chars / sum(lib.jieba_seconds) / 1000:.0f}k chars/s ({chars / 1e6:.1f}M chars, {lib.documents:,} docs)")
    report("  importing a folder of 500 already imported laws again", f"{benchmark.stats.stats.median:.1f} s")


def test_database_size_vs_raw_text(benchmark, scale_3500: ScaleLibrary, scale_35000: ScaleLibrary) -> None:  # type: ignore[no-untyped-def]
    sizes = benchmark.pedantic(lambda: [database_bytes(x.data_dir) for x in (scale_3500, scale_35000)],
                               rounds=1, iterations=1)
    for lib, total in zip((scale_3500, scale_35000), sizes, strict=True):
        report(f"database size vs raw text, {lib.documents:,} docs (target <= 3x)",
               f"{total / lib.raw_bytes:.2f}x ({total / 1e6:.0f} MB for {lib.raw_bytes / 1e6:.0f} MB of UTF-8; "
               "CC-CEDICT is kept apart, in the cache folder)")
    report("  35,000-doc library built by the bulk path in", f"{scale_35000.build_seconds:.0f} s "
           f"(the 3,500 through import DIR in {scale_3500.build_seconds:.0f} s)")


WORST = ["府政", "民人"]  # common characters in a rare order
QUERIES = ["信", "诚信", "信用信息", "失信被执行人", "征信机构", "个人信息", "行政处罚", "信用修复", "异议",
           "公共信用信息", "守信激励", "营商环境", "人民政府", "本条例自公布之日起施行", "credit", "第三条", *WORST]


def test_search_latency_at_3500_and_35000_documents(benchmark, scale_3500: ScaleLibrary,  # type: ignore[no-untyped-def]
                                                    scale_35000: ScaleLibrary) -> None:
    searches = [AppContext(resolve_paths(x.data_dir)).search for x in (scale_3500, scale_35000)]
    for s in searches:
        for q in QUERIES:
            s.search(q)  # pages warm
    samples: dict[tuple[int, bool], list[int]] = {}

    def run() -> None:
        for _ in range(5):
            for q in QUERIES:
                for n, s in enumerate(searches):  # interleaved: each query on both libraries in turn
                    t = time.perf_counter_ns()
                    s.search(q, limit=50)
                    samples.setdefault((n, q in WORST), []).append(time.perf_counter_ns() - t)

    benchmark.pedantic(run, rounds=1, iterations=1)
    for worst in (True, False):
        p95 = []
        for n, lib in enumerate((scale_3500, scale_35000)):
            p50, p95n, _ = percentiles(samples[(n, worst)])
            p95.append(p95n)
            what = "worst cases 府政, 民人" if worst else f"{len(QUERIES) - 2} everyday queries"
            report(f"search p95, {what}, {lib.documents:,} docs (target <= 50 ms)", f"p50 {p50:.1f} ms, p95 {p95n:.1f} ms")
        report("  p95 at 35,000 / at 3,500 (the scaling)", f"{p95[1] / p95[0]:.2f}x")


def test_search_process_vs_version(benchmark, scale_35000: ScaleLibrary) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "POLICYREADER_DATA_DIR": str(scale_35000.data_dir)}
    search = [PYTHON, "-m", "policyreader", "search", "信用", "--json"]
    version = [PYTHON, "-m", "policyreader", "--version"]
    ours: list[float] = []
    base: list[float] = []

    def run() -> None:
        for _ in range(5):
            ours.append(_run(search, env)[0])
            base.append(_run(version, env)[0])

    benchmark.pedantic(run, rounds=1, iterations=1)
    report("policyreader search 信用 vs policyreader --version, whole processes (target <= 3x)", ratios(ours, base))
    report("  search / --version, median", f"{statistics.median(ours):.2f} s / {statistics.median(base):.2f} s "
           f"({scale_35000.documents:,} docs)")


def _open_concordance(ctx: AppContext) -> None:
    """What the window does: open the concordance (its count) and read the lines a pane shows first."""
    lines = ctx.workbench.concordance("信用")
    ctx.library.titles(lines.documents())
    lines[:100]


def test_concordance_and_stats(benchmark, scale_3500: ScaleLibrary, scale_35000: ScaleLibrary) -> None:  # type: ignore[no-untyped-def]
    contexts = [AppContext(resolve_paths(x.data_dir)) for x in (scale_3500, scale_35000)]
    times: dict[tuple[int, str], list[float]] = {}
    calls = (("concordance 信用, opened: count, titles, first 100 lines", _open_concordance),
             ("concordance 信用, every line built (as the CLI prints them)", lambda c: list(c.workbench.concordance("信用"))),
             ("stats 诚信", lambda c: c.qa.evidence("诚信")))

    def run() -> None:
        for _ in range(3):
            for n, ctx in enumerate(contexts):
                for what, call in calls:
                    t = time.perf_counter()
                    call(ctx)
                    times.setdefault((n, what), []).append(time.perf_counter() - t)

    benchmark.pedantic(run, rounds=1, iterations=1)
    lines = [len(ctx.workbench.concordance("信用")) for ctx in contexts]
    for what, _call in calls:
        best = [min(times[(n, what)]) for n in range(2)]
        median = [statistics.median(times[(n, what)]) for n in range(2)]
        report(f"{what}, 3,500 / 35,000 docs (target <= 200 ms at 3,482)",
               f"best {best[0] * 1000:.0f} / {best[1] * 1000:.0f} ms, median {median[0] * 1000:.0f} / "
               f"{median[1] * 1000:.0f} ms (3 rounds; scaling {best[1] / best[0]:.1f}x)")
    report("  concordance 信用 lines, 3,500 / 35,000 docs", f"{lines[0]:,} / {lines[1]:,}")


CONCORDANCE_WINDOW = r"""
import json, sys, time
from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from policyreader.gui.window import MainWindow
from policyreader.services.paths import resolve_paths
app = QApplication(sys.argv[:1])
from policyreader.gui.app import keep_start_up_out_of_collections
w = MainWindow(resolve_paths(sys.argv[1]), QSettings(sys.argv[2], QSettings.Format.IniFormat))
keep_start_up_out_of_collections(w)  # as the app does
w.resize(1280, 800)
ready = []
w.ready.connect(lambda: ready.append(True))
w.show()
clock, gaps, beat = QElapsedTimer(), [], QTimer()
beat.setInterval(5)
beat.timeout.connect(lambda: gaps.append(clock.restart()))
def wait(cond, seconds=120):
    end = time.time() + seconds
    while not cond() and time.time() < end:
        app.processEvents()
        time.sleep(0.001)
def block(start):
    wait(lambda: not w.ops.is_busy)
    gaps.clear(); clock.start(); beat.start()
    start()
    wait(lambda: w.ops.is_busy, 0.05)
    wait(lambda: not w.ops.is_busy)
    wait(lambda: False, 0.05)
    beat.stop()
    return max(gaps, default=0)
wait(lambda: ready and not w.ops.is_busy)
out = {"open": [], "sort": []}
for key in ("left", "right", "english"):
    out["open"].append(block(lambda: w.glossary.show_concordance("xinyong")))
    out["sort"].append(block(lambda: w.concordance_pane.sortRequested.emit(key, False)))
out["lines"] = len(w.concordance_pane.lines)
print(json.dumps(out))
w.ops.shutdown()
"""


def test_concordance_in_the_window_at_3500_documents(benchmark, scale_3500: ScaleLibrary,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    """The longest stretch the window's thread is busy (a 5 ms heartbeat) while the concordance of 信用 opens
    (242,000 lines) and while it is sorted by left context, right context and English, in a fresh process."""
    import json

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    data = tmp_path / "data"
    shutil.copytree(scale_3500.data_dir, data)
    seen: dict[str, list[float]] = {}

    def run() -> None:
        out = subprocess.run([PYTHON, "-c", CONCORDANCE_WINDOW, str(data), str(tmp_path / "s.ini")],
                             capture_output=True, text=True, env=env, check=True, timeout=600)
        seen.update(json.loads(out.stdout.strip().splitlines()[-1]))

    benchmark.pedantic(run, rounds=1, iterations=1)
    for what, name in (("open", "open 信用's concordance"), ("sort", "sort it by a context")):
        report(f"longest GUI-thread block, 3,500 docs: {name} (target <= 100 ms)",
               f"best {min(seen[what]):.0f} ms, worst {max(seen[what]):.0f} ms (3 rounds; {seen['lines']:,} lines)")


WINDOW = r"""
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from policyreader.gui.window import MainWindow
from policyreader.services.paths import resolve_paths
app = QApplication(sys.argv[:1])
w = MainWindow(resolve_paths(sys.argv[2]), QSettings(sys.argv[3], QSettings.Format.IniFormat))
w.show()
seen = {}
def peak():
    # VmHWM: this program's peak (ru_maxrss would count the benchmark process it was forked from)
    return next(int(x.split()[1]) for x in open("/proc/self/status") if x.startswith("VmHWM")) / 1024
def settled():
    if "painted" in seen and "ready" in seen:
        print(f"{seen['painted']:.3f} {seen['memory']:.0f} {peak():.0f}", flush=True)
        app.quit()
def ready():
    seen["ready"] = True
    QTimer.singleShot(0, settled)
w.ready.connect(ready)
orig = w.reader.paintEvent
def paint(ev):
    orig(ev)
    if w.reader.segments and "painted" not in seen:
        seen["painted"], seen["memory"] = time.time() - t0, peak()
        QTimer.singleShot(0, settled)
w.reader.paintEvent = paint
app.exec()
"""


def _start(data: Path, settings: Path, env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds to the first painted document, peak memory (MB) then, and once the window is ready (its
    start-up work done: pinyin tables, the dictionary's headwords, the first document)."""
    out = subprocess.run([PYTHON, "-c", WINDOW, repr(time.time()), str(data), str(settings)], capture_output=True,
                         text=True, env=env, check=True, timeout=300)
    seconds, painted, ready = out.stdout.split()
    return float(seconds), float(painted), float(ready)


def test_window_start_with_3500_documents(benchmark, scale_3500: ScaleLibrary, bench_data_dir: Path,  # type: ignore[no-untyped-def]
                                          tmp_path: Path) -> None:
    small = tmp_path / "bundled-only"
    shutil.copytree(bench_data_dir, small)
    AppContext(resolve_paths(small)).library.ensure_bundled()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    big: list[tuple[float, float, float]] = []
    base: list[tuple[float, float, float]] = []

    def run() -> None:
        for _ in range(3):
            big.append(_start(scale_3500.data_dir, tmp_path / "a.ini", env))
            base.append(_start(small, tmp_path / "b.ini", env))

    benchmark.pedantic(run, rounds=1, iterations=1)
    report(f"window start -> first painted document, {scale_3500.documents:,} docs (target <= 1.5 s)",
           f"median {statistics.median(t for t, _, _ in big):.2f} s; vs 10 docs: "
           + ratios([t for t, _, _ in big], [t for t, _, _ in base]))

    def more(n: int) -> str:
        return f"{statistics.median(m[n] for m in big) - statistics.median(m[n] for m in base):+.0f} MB " \
               f"({statistics.median(m[n] for m in big):.0f} MB)"

    # At the first paint the start-up work (pypinyin's tables, ~35 MB) may or may not have been done yet,
    # depending on which came first; once the window is ready both starts have done all of it.
    report("  peak memory once ready, 3,500 docs - 10 docs (target <= +50 MB)", more(2))
    report("  peak memory at the first paint, 3,500 docs - 10 docs", more(1))


def test_first_start_on_an_empty_data_directory(benchmark, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """As installed (the seed library ``make install`` builds), and without it; the baseline is the next
    start, on the library the first one made."""
    installed = Path(__file__).resolve().parents[1] / "src/policyreader/data/seed/library.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "POLICYREADER_SEED_DB": str(installed)}
    first: list[float] = []
    again: list[float] = []

    def run() -> None:
        for n in range(3):
            data = tmp_path / f"new{n}"
            first.append(_start(data, tmp_path / f"s{n}.ini", env)[0])
            again.append(_start(data, tmp_path / f"s{n}.ini", env)[0])

    benchmark.pedantic(run, rounds=1, iterations=1)
    report("first start, empty data directory -> first document painted (target <= 1.5 s)",
           f"median {statistics.median(first):.2f} s (seed library {'found' if installed.exists() else 'MISSING'}); "
           f"vs the next start: {ratios(first, again)}")
    shutil.rmtree(tmp_path / "bare", ignore_errors=True)
    bare = _start(tmp_path / "bare", tmp_path / "bare.ini", {**env, "POLICYREADER_SEED_DB": ""})[0]
    report("  without the seed library (bundled corpus imported, first document shown first)", f"{bare:.2f} s")
