"""``policyreader import DIR``: every supported file under a folder, bad ones reported and skipped, batches
written in one transaction each, and two processes importing the same folder store each document once."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyreader.cli import main
from policyreader.core.cjk import has_han
from policyreader.services import folder_import
from policyreader.services.context import AppContext
from policyreader.services.folder_import import document_files, import_folder
from policyreader.services.library import ImportResult
from policyreader.services.paths import resolve_paths
from policyreader.storage.schema import write_transaction
from tests.conftest import CORPUS
from tests.library_generator import write

LAWS = ["spc_shixin_list_provisions_2013", "samr_admin_penalty_info_publicity_2021",
        "enterprise_info_publicity_interim_regulation_2014"]  # three bundled laws, copied as a user's files


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three laws (one in a sub-folder), a copy of one, a binary .txt, an empty .md, a file of another kind
    and a hidden folder."""
    root = tmp_path / "laws"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".drafts").mkdir()
    shutil.copy(CORPUS / f"{LAWS[0]}.zh.txt", root / "a.txt")
    shutil.copy(CORPUS / f"{LAWS[1]}.zh.txt", root / "sub" / "b.txt")
    shutil.copy(CORPUS / f"{LAWS[2]}.zh.txt", root / "sub" / "deeper" / "c.md")
    shutil.copy(CORPUS / f"{LAWS[0]}.zh.txt", root / "sub" / "copy-of-a.txt")
    (root / "broken.txt").write_bytes(b"\x00\x01\x02\x03 not text")
    (root / "empty.md").write_bytes(b"")
    (root / "notes.csv").write_text("a,b\n", encoding="utf-8")
    shutil.copy(CORPUS / "henan_social_credit_regulations_2019.zh.txt", root / ".drafts" / "draft.txt")
    return root


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    return r.exit_code, r.stdout, r.stderr


def test_the_files_are_those_of_supported_formats_outside_hidden_folders(folder: Path) -> None:
    assert [p.relative_to(folder).as_posix() for p in document_files(folder)] == [
        "a.txt", "broken.txt", "empty.md", "sub/b.txt", "sub/copy-of-a.txt", "sub/deeper/c.md"]


def test_good_files_are_imported_bad_ones_reported_on_one_line_each_and_the_exit_code_is_2(
        empty_data_dir: Path, folder: Path) -> None:
    code, out, err = cli(empty_data_dir, "import", str(folder))
    assert code == 2
    skipped = [line for line in err.splitlines() if line.startswith("policyreader: skipped")]
    assert len(skipped) == 2
    assert str(folder / "broken.txt") in skipped[0] and "not a text file" in skipped[0]
    assert str(folder / "empty.md") in skipped[1] and "empty" in skipped[1]
    assert "importing: 6/6 files" in err and "Traceback" not in err
    _code, docs, _ = cli(empty_data_dir, "docs", "--json")
    new = [d for d in json.loads(docs) if not d["bundled"]]
    assert len(new) == 3 and "最高人民法院关于公布失信被执行人名单信息的若干规定" in {d["title"] for d in new}
    assert re.fullmatch(rf"3 imported \({sum(d['segments'] for d in new)} segments\), 1 already in the library, "
                        rf"2 failed, of 6 files in {re.escape(str(folder))} \([\d.]+ s\)\n", out)


def test_json_gives_one_result_per_file(empty_data_dir: Path, folder: Path) -> None:
    code, out, err = cli(empty_data_dir, "import", str(folder), "--json")
    assert code == 2
    results = json.loads(out)
    assert [r["path"] for r in results] == [str(p) for p in document_files(folder)]
    by_name = {Path(r["path"]).name: r for r in results}
    assert set(by_name["broken.txt"]) == {"path", "error"} and set(by_name["empty.md"]) == {"path", "error"}
    assert by_name["a.txt"]["duplicate"] is False and by_name["copy-of-a.txt"]["duplicate"] is True
    assert by_name["copy-of-a.txt"]["id"] == by_name["a.txt"]["id"]
    assert {"id", "title", "segments", "aligned", "duplicate"} <= set(by_name["c.md"])
    assert "2 failed, of 6 files" in err  # the summary goes to stderr, out of the JSON's way
    code, again, _ = cli(empty_data_dir, "import", str(folder), "--json")
    assert [r.get("duplicate") for r in json.loads(again) if "error" not in r] == [True] * 4


def test_a_folder_of_good_files_exits_0(empty_data_dir: Path, folder: Path) -> None:
    for bad in ("broken.txt", "empty.md"):
        (folder / bad).unlink()
    code, out, err = cli(empty_data_dir, "import", str(folder))
    assert code == 0 and "0 failed, of 4 files" in out and "skipped" not in err


def test_options_for_a_single_file_are_refused_for_a_folder(empty_data_dir: Path, folder: Path) -> None:
    code, _out, err = cli(empty_data_dir, "import", str(folder), "--translation", str(folder / "a.txt"))
    assert code == 2 and err.count("\n") == 1 and "a folder is imported file by file" in err


def test_documents_written_in_several_batches_are_whole(empty_data_dir: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(folder_import, "BATCH_CHARACTERS", 10_000)  # a few laws a transaction
    paths = write(tmp_path / "generated", 30, per_folder=10)
    ctx = AppContext(resolve_paths(empty_data_dir))
    seen: list[int] = []
    items = list(import_folder(ctx.library, tmp_path / "generated", lambda done, total, _item: seen.append(done)))
    assert seen == list(range(1, 31))
    assert [i.path for i in items] == [str(p) for p in paths] and all(i.result for i in items)
    for item, path in zip(items, paths, strict=True):
        assert item.result is not None
        segments = ctx.library.repo.segments(item.result.id)
        assert [s.zh for s in segments] == [line.removeprefix("## ") for line in
                                            path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert ctx.search.search(segments[-1].zh[-12:], limit=5, doc=item.result.id)


def test_two_processes_importing_one_folder_store_each_document_once(empty_data_dir: Path, tmp_path: Path) -> None:
    write(tmp_path / "generated", 40, per_folder=40)
    assert cli(empty_data_dir, "docs")[0] == 0  # the bundled corpus first: this test is about the folder
    env = {**os.environ, "POLICYREADER_DATA_DIR": str(empty_data_dir)}
    cmd = [sys.executable, "-m", "policyreader", "import", str(tmp_path / "generated"), "--json"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outs]
    results = [json.loads(o[0]) for o in outs]
    assert all(len(r) == 40 for r in results)
    for a, b in zip(*results, strict=True):
        assert a["id"] == b["id"] and sorted([a["duplicate"], b["duplicate"]]) in ([False, True], [True, True])
    ctx = AppContext(resolve_paths(empty_data_dir))
    assert sum(1 for d in ctx.library.listing() if d.id in {r["id"] for r in results[0]}) == 40


def test_a_folder_named_like_a_file_is_imported_as_a_folder(empty_data_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    code, out, err = cli(empty_data_dir, "import", str(tmp_path / "folder.txt"))
    assert code == 0 and out.startswith("0 imported (0 segments), 0 already in the library, 0 failed, of 0 files")


def _stored(ctx: AppContext) -> list[tuple[object, ...]]:
    """Every imported document as stored: its row's content, every segment's columns, the term index and
    what the full-text index finds for one phrase of it."""
    out: list[tuple[object, ...]] = []
    for d in ctx.library.repo.documents():
        if d.bundled:
            continue
        doc = ctx.library.repo.get(d.id)
        assert doc is not None
        segments = ctx.library.repo.segments(d.id)
        out.append((d.id, doc.title, doc.content_hash, doc.translation_status,
                    [(s.zh, s.en, s.level, s.kind, s.tokens, s.terms, s.en_terms, s.nested) for s in segments],
                    [(o[1], o[2], o[3]) for e in sorted({t for s in segments for *_ab, t in s.terms})
                     for o in ctx.library.repo.term_occurrences(e, d.id)],
                    [(h.doc, h.segment, h.side) for h in ctx.search.search(segments[-1].zh[-10:], limit=5)]))
    return out


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_worker_processes_store_exactly_what_this_process_would(empty_data_dir: Path, tmp_path: Path,
                                                                start_method: str) -> None:
    """The same folder imported by two worker processes (forked, as from the command line on Linux, or
    started afresh, as from the window) and by this one alone: every segment, token, link, term occurrence
    and search hit the same; bad files reported the same; the order kept."""
    paths = write(tmp_path / "laws", 24, seed=5, per_folder=10)
    shutil.copy(paths[3], tmp_path / "laws" / "batch002" / "zz-copy.txt")  # imported once, then a duplicate
    (tmp_path / "laws" / "batch001" / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    outcomes, stored = [], []
    for n, workers in enumerate((0, 2)):
        data = tmp_path / f"data{n}"
        shutil.copytree(empty_data_dir, data)
        ctx = AppContext(resolve_paths(data))
        items = list(import_folder(ctx.library, tmp_path / "laws", workers=workers, start_method=start_method))
        outcomes.append([(Path(i.path).name, i.error, i.result and (i.result.id, i.result.segments,
                                                                    i.result.aligned, i.result.duplicate))
                         for i in items])
        stored.append(_stored(ctx))
        ctx.close()
    assert outcomes[0] == outcomes[1] and len(outcomes[0]) == 26
    assert [name for name, error, _r in outcomes[0] if error] == ["broken.txt"]
    copy = next(r for name, _e, r in outcomes[0] if name == "zz-copy.txt")
    assert copy and copy[3] is True and copy[0] == next(r for name, _e, r in outcomes[0] if name == paths[3].name)[0]
    assert stored[0] == stored[1] and len(stored[0]) == 24 and all(d[-1] for d in stored[0])


def test_a_worker_linked_with_an_older_user_glossary_is_linked_again(empty_data_dir: Path, tmp_path: Path) -> None:
    """A user term added (by another process) after a worker loaded the glossary is linked in what that
    worker analysed, once it is written."""
    write(tmp_path / "laws", 1, seed=3)
    path = next((tmp_path / "laws").rglob("*.txt"))
    ctx = AppContext(resolve_paths(empty_data_dir))
    ctx.library.ensure_bundled()
    old = ctx.engine.user_generation()
    prepared = ctx.library.prepare(path)
    assert not isinstance(prepared, ImportResult)
    prepared.generation = old
    word = next(t.text for s in prepared.segments for t in ctx.engine.segmenter.tokens(s.zh)
                if len(t.text) >= 2 and has_han(t.text) and not any(a <= t.start < b for a, b, _e in s.terms))
    assert ctx.engine.matcher.forms.get(word) is None
    other = AppContext(resolve_paths(empty_data_dir))
    other.workbench.add(word, ["a test rendering"])
    ctx.engine.reload_glossary()  # this process has the new glossary; the worker's copy was older
    with write_transaction(ctx.library.repo.db):
        result = ctx.library.add_prepared(prepared)
    entry = other.workbench.resolve(word).id
    assert any(e == entry for s in ctx.library.repo.segments(result.id) for _a, _b, e in s.terms)


def test_cancelling_a_pooled_import_keeps_what_was_written(empty_data_dir: Path, tmp_path: Path) -> None:
    write(tmp_path / "laws", 12, seed=8, per_folder=12)
    ctx = AppContext(resolve_paths(empty_data_dir))
    asked: list[int] = []

    def cancelled() -> bool:  # the user cancels after a few files were analysed
        asked.append(1)
        return len(asked) > 8

    items = list(import_folder(ctx.library, tmp_path / "laws", cancelled=cancelled, workers=2))
    assert 0 < len(items) < 12 and all(i.result and not i.result.duplicate for i in items)
    assert sum(1 for d in ctx.library.repo.documents() if not d.bundled) == len(items)


def test_jobs_on_the_command_line(empty_data_dir: Path, folder: Path) -> None:
    code, out, err = cli(empty_data_dir, "import", str(folder), "--jobs", "2")
    assert code == 2 and "3 imported" in out and "1 already in the library, 2 failed, of 6 files" in out
    assert err.count("policyreader: skipped") == 2 and "Traceback" not in err
    code, _out, err = cli(empty_data_dir, "import", str(folder / "a.txt"), "--jobs", "2")
    assert code == 2 and err == "policyreader: error: --jobs applies to a folder; a single file is imported in this process\n"
    code, _out, err = cli(empty_data_dir, "import", str(folder), "--jobs", "0")
    assert code == 2 and "0 is not in the range x>=1" in err
