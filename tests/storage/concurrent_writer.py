"""One writer process of the concurrency test (and of ``scripts/reliability.py``).

    python -m tests.storage.concurrent_writer DATA_DIR FILES_DIR WORKER OPS SEED

Runs OPS commands drawn from a seeded mix (imports of files every writer also imports, imports of its
own files and re-imports of them, annotations, glossary additions to one shared term and to a bundled
one, annotation imports, reads, QA) against the shared data directory. Each command is a complete CLI
invocation through click: a new application context and database connection, as a separate
``policyreader`` process would have. Prints one JSON line per command:
``{"worker", "op", "args", "code", "ms", "rss_mb", "out", "err"}``.
"""

from __future__ import annotations

import json
import random
import resource
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from policyreader.cli import main

SHARED_FILES = 6
"""How many files every writer imports (the same content, raced)."""
SHARED_TERM = "信用承诺书"
"""A term no bundled entry has: every writer adds renderings to the same user entry."""
BUNDLED_TERM = "诚信"
DOCS = ["samr_admin_penalty_info_publicity_2021", "spc_shixin_list_provisions_2013",
        "enterprise_info_publicity_interim_regulation_2014"]
MIX = [("import_shared", 14), ("import_own", 5), ("replace_own", 3), ("annotate", 18), ("glossary_add", 6),
       ("glossary_extend", 4), ("annotations_import", 4), ("docs", 9), ("show", 9), ("search", 4),
       ("annotations_list", 9), ("qa", 5), ("concordance", 4)]
EXPECTED_CODES = {"qa": {0, 1}}
"""Exit codes each command may give; 0 for every other."""


def _ops(rng: random.Random, n: int) -> list[str]:
    names, weights = zip(*MIX, strict=True)
    return rng.choices(names, weights, k=n)


def run(data: Path, files: Path, worker: int, n_ops: int, seed: int) -> None:
    rng = random.Random(seed * 1000 + worker)
    runner = CliRunner()
    own: list[str] = []  # ids of documents this writer imported itself
    for i, op in enumerate(_ops(rng, n_ops)):
        doc = rng.choice(DOCS)
        if op == "import_shared":
            args = ["import", str(files / f"shared-{rng.randrange(SHARED_FILES)}.txt"), "--json"]
        elif op == "import_own":
            args = ["import", str(files / f"own-{worker}-{i}.txt"), "--json"]
            (files / f"own-{worker}-{i}.txt").write_text(
                (files / f"shared-{i % SHARED_FILES}.txt").read_text(encoding="utf-8")
                + f"\n第九十九条 本文件由第{worker}号写入者第{i}次导入。\n", encoding="utf-8")
        elif op == "replace_own":
            if not own:
                continue
            target = rng.choice(own)
            path = files / f"own-{worker}-{i}-v2.txt"
            path.write_text((files / f"shared-{i % SHARED_FILES}.txt").read_text(encoding="utf-8")
                            + f"\n第九十九条 第{worker}号写入者第{i}次改写。\n", encoding="utf-8")
            args = ["import", str(path), "--replace", target, "--json"]
        elif op == "annotate":
            start = rng.randrange(0, 400)
            args = ["annotate", doc, "--start", str(start), "--end", str(start + rng.randint(2, 12)),
                    "--note", f"writer {worker} op {i}", "--tag", f"w{worker}", "--json"]
        elif op == "glossary_add":
            args = ["glossary", "add", SHARED_TERM, "--rendering", f"pledge w{worker} op{i}", "--json"]
        elif op == "glossary_extend":
            args = ["glossary", "add", BUNDLED_TERM, "--rendering", f"integrity w{worker} op{i}", "--json"]
        elif op == "annotations_import":
            args = ["annotations", "import", str(files / "shared.jsonld"), "--json"]
        elif op == "docs":
            args = ["docs", "--json"]
        elif op == "show":
            args = ["show", doc, "--json"]
        elif op == "search":
            args = ["search", rng.choice(["信用", "诚信", "credit", "失信被执行人"]), "--json"]
        elif op == "annotations_list":
            args = ["annotations", "list", "--json"]
        elif op == "qa":
            args = ["qa", doc, "--format", "json"]
        else:
            args = ["concordance", BUNDLED_TERM, "--json"]
        t0 = time.perf_counter()
        r = runner.invoke(main, ["--data-dir", str(data), *args])
        ms = (time.perf_counter() - t0) * 1000
        err = r.stderr + (repr(r.exception) if r.exception and not isinstance(r.exception, SystemExit) else "")
        if op == "import_own" and r.exit_code == 0:
            own.append(json.loads(r.stdout)["id"])
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"worker": worker, "op": op, "args": args, "code": r.exit_code,
                          "ok": r.exit_code in EXPECTED_CODES.get(op, {0}) and "Traceback" not in err,
                          "ms": round(ms, 1), "rss_mb": round(rss, 1), "out": r.stdout[-2000:], "err": err[-2000:]},
                         ensure_ascii=False), flush=True)


if __name__ == "__main__":
    run(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
