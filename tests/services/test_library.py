"""The library: bundled corpus on first use, imports with alignment, duplicates, search, atomicity."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyreader.cli import main
from policyreader.core.bilingual import parse_aligned
from policyreader.core.errors import UserError
from policyreader.services.engine import TextEngine
from policyreader.services.library import Library
from policyreader.services.paths import AppPaths, resolve_paths
from policyreader.services.search import LibrarySearch
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def corpus_library(tmp_path_factory: pytest.TempPathFactory, seeded_data_dir: Path) -> Library:
    import shutil

    d = tmp_path_factory.mktemp("lib") / "data"
    shutil.copytree(seeded_data_dir, d)
    from policyreader.services.paths import resolve_paths

    lib = Library(TextEngine(resolve_paths(d)))
    assert lib.ensure_bundled() is True
    return lib


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    return r.exit_code, r.stdout, r.stderr


def test_new_data_dir_starts_with_the_bundled_corpus(empty_data_dir: Path) -> None:
    code, out, _ = cli(empty_data_dir, "docs", "--json")
    assert code == 0
    docs = json.loads(out)
    assert len(docs) == 10
    full = [d for d in docs if d["translation"] == "full"]
    assert len(full) >= 6
    assert all(d["bundled"] for d in docs)


def test_bundled_corpus_is_imported_once(corpus_library: Library) -> None:
    assert corpus_library.ensure_bundled() is False


def test_show_has_gold_aligned_segments(corpus_library: Library) -> None:
    data = corpus_library.show("spc_shixin_list_provisions_2013")
    assert set(data) >= {"id", "title", "segments"}
    blocks = parse_aligned((CORPUS / "spc_shixin_list_provisions_2013.aligned.txt").read_text(encoding="utf-8"))
    assert [(s["zh"], s["en"]) for s in data["segments"]] == [("\n".join(b.zh), "\n".join(b.en)) for b in blocks]


def test_opening_a_document_uses_cached_links(corpus_library: Library) -> None:
    segs = corpus_library.repo.segments("zhengxin_industry_regulation_2013")
    linked = [s for s in segs if s.terms]
    assert len(linked) > 50
    for s in linked:
        for start, end, entry in s.terms:
            assert entry in corpus_library.engine.glossary.entries
            assert s.zh[start:end] in corpus_library.engine.glossary.entries[entry].forms() or start < end
    assert all(s.tokens and s.tokens[-1] == len(s.zh) for s in segs if s.zh)


@pytest.mark.parametrize("query", ["诚信", "信用", "征信机构", "失信被执行人名单"])
def test_search_finds_short_chinese_words(corpus_library: Library, query: str) -> None:
    hits = LibrarySearch(corpus_library.engine, corpus_library.repo).search(query, limit=100_000)
    assert hits, query
    assert all(f"【{query}】" in h.snippet for h in hits)
    # recall: every segment containing the query is found
    expected = sum(1 for d in corpus_library.documents() for s in corpus_library.repo.segments(d.id)
                   if query in s.zh)
    assert len([h for h in hits if h.side == "zh"]) == expected


def test_search_english_case_insensitive(corpus_library: Library) -> None:
    hits = LibrarySearch(corpus_library.engine, corpus_library.repo).search("Judgment Defaulters")
    assert hits and all(h.side == "en" for h in hits)
    assert any("spc_shixin" in h.doc for h in hits)


def test_empty_query_is_a_user_error(corpus_library: Library) -> None:
    with pytest.raises(UserError):
        LibrarySearch(corpus_library.engine, corpus_library.repo).search("  ")


def _write_pair(tmp_path: Path, doc: str, extra: str = "") -> tuple[Path, Path, list[str]]:
    blocks = parse_aligned((CORPUS / f"{doc}.aligned.txt").read_text(encoding="utf-8"))
    zh = tmp_path / f"{doc}{extra and '-edited'}.txt"
    en = tmp_path / f"{doc}.en.txt"
    zh.write_text((CORPUS / f"{doc}.zh.txt").read_text(encoding="utf-8") + extra, encoding="utf-8")
    en_lines = [e for b in blocks for e in b.en]
    en.write_text("\n\n".join(en_lines) + "\n", encoding="utf-8")
    return zh, en, en_lines


def test_importing_a_bundled_text_again_is_detected(data_dir: Path, tmp_path: Path) -> None:
    zh, en, _ = _write_pair(tmp_path, "samr_admin_penalty_info_publicity_2021")
    code, out, _ = cli(data_dir, "import", str(zh), "--translation", str(en), "--json")
    assert code == 0, out
    res = json.loads(out)
    assert res["duplicate"] is True and res["id"] == "samr_admin_penalty_info_publicity_2021"


def test_import_with_translation_aligns_and_detects_duplicates(data_dir: Path, tmp_path: Path) -> None:
    zh, en, en_lines = _write_pair(tmp_path, "samr_admin_penalty_info_publicity_2021",
                                   "\n本规定由国家市场监督管理总局负责解释。\n")
    code, out, _ = cli(data_dir, "import", str(zh), "--translation", str(en), "--title", "SAMR copy", "--json")
    assert code == 0, out
    res = json.loads(out)
    assert set(res) >= {"id", "title", "segments", "aligned"}
    assert res["aligned"] == len(en_lines)
    # same content again: detected, nothing new
    code, out, _ = cli(data_dir, "import", str(zh), "--translation", str(en), "--json")
    again = json.loads(out)
    assert again["duplicate"] is True and again["id"] == res["id"]
    code, out, _ = cli(data_dir, "docs", "--json")
    assert len(json.loads(out)) == 11


def test_failed_import_leaves_the_database_untouched(data_dir: Path, tmp_path: Path, paths: AppPaths) -> None:
    cli(data_dir, "docs")  # bundled corpus in
    before = sqlite3.connect(paths.database).execute("SELECT count(*) FROM segments").fetchone()
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 this is not a real zip file")
    code, _, err = cli(data_dir, "import", str(bad))
    assert code == 2 and "broken.docx" in err
    after = sqlite3.connect(paths.database).execute("SELECT count(*) FROM segments").fetchone()
    assert before == after
    assert sqlite3.connect(paths.database).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_import_failure_midway_rolls_back(corpus_library: Library, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "x.txt"
    f.write_text("第一条 为了规范征信活动，制定本条例。\n\n第二条 本条例自公布之日起施行。\n", encoding="utf-8")
    n_docs = len(corpus_library.documents())
    n_segs = corpus_library.repo.db.execute("SELECT count(*) FROM segments").fetchone()[0]

    def explode(*_a: object, **_k: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(corpus_library.repo, "_write_segments", explode)
    with pytest.raises(RuntimeError):
        corpus_library.import_path(f)
    assert len(corpus_library.documents()) == n_docs
    assert corpus_library.repo.db.execute("SELECT count(*) FROM segments").fetchone()[0] == n_segs


def test_outline_lists_chapters_and_articles(corpus_library: Library) -> None:
    items = corpus_library.outline("zhengxin_industry_regulation_2013")
    kinds = [i["kind"] for i in items]
    assert kinds.count("chapter") == 8 and kinds.count("article") == 47


BAD = Path(__file__).resolve().parents[1] / "fixtures" / "importers"


@pytest.mark.parametrize("name", ["empty.txt", "whitespace_only.txt", "binary.txt", "truncated.docx", "encrypted.pdf",
                                  "truncated.pdf", "malformed.tmx", "entity_bomb.tmx", "external_entity.tmx",
                                  "wrong.xyz", "huge.txt"])
def test_bad_input_is_refused_with_exit_2_and_the_database_untouched(data_dir: Path, paths: AppPaths,
                                                                     tmp_path: Path, name: str) -> None:
    cli(data_dir, "docs")
    path = BAD / name
    if name == "wrong.xyz":
        path = tmp_path / name
        path.write_text("第一条 本规定自公布之日起施行。", encoding="utf-8")
    elif name == "huge.txt":
        path = tmp_path / name
        with path.open("wb") as fh:
            fh.truncate(100 * 1024 * 1024)  # a 100 MB file (sparse)
    con = sqlite3.connect(paths.database)
    before = con.execute("SELECT count(*), (SELECT count(*) FROM segments) FROM documents").fetchone()
    code, out, err = cli(data_dir, "import", str(path), "--json")
    assert code == 2 and out == ""
    assert name in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    after = con.execute("SELECT count(*), (SELECT count(*) FROM segments) FROM documents").fetchone()
    assert before == after


@pytest.mark.parametrize(("name", "encoding", "aligned"), [
    ("shanghai_big5.txt", "big5", False), ("shanghai_gb18030.txt", "gb18030", False),
    ("shanghai_utf16.txt", "utf-16", False), ("shanghai.docx", "", False), ("shanghai.pdf", "", False),
    ("shanghai_page.html", "", False), ("shanghai.tmx", "", True)])
def test_every_format_imports_and_links_the_glossary(data_dir: Path, name: str, encoding: str, aligned: bool) -> None:
    code, out, err = cli(data_dir, "import", str(BAD / name), "--json")
    assert code == 0, err
    res = json.loads(out)
    if encoding:
        assert res["encoding"].replace("_", "-").startswith(encoding)
    assert (res["aligned"] > 0) == aligned
    lib = Library(TextEngine(resolve_paths(data_dir)))
    linked = {e for s in lib.repo.segments(res["id"]) for _a, _b, e in s.terms}
    # traditional-script (Big5) documents link to the same entries as simplified ones
    assert {"shehui-xinyong", "xinxi-zhuti"} <= linked, name
