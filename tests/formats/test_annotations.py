"""Importing W3C Web Annotation JSON-LD: every structural problem is named by its JSON path, a file
with any problem imports nothing, and no input crashes the import (a structural fuzz of a real export)."""

from __future__ import annotations

import copy
import json
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from policyreader.formats import ImportFailure
from policyreader.formats.annotations import MAX_FILE_BYTES, read_jsonld
from policyreader.storage.schema import DB_FILE
from tests.environment import assert_one_line_error, cli

DOC = "spc_shixin_list_provisions_2013"


def _export(data_dir: Path, tmp_path: Path, n: int = 6) -> dict[str, Any]:
    """A real export of *n* annotations of a corpus document."""
    for i in range(n):
        extra = ["--term", "shixin-bei-zhixing-ren"] if i % 2 else []
        code, _out, err = cli(data_dir, "annotate", DOC, "--start", str(10 + 30 * i), "--end", str(18 + 30 * i),
                              "--note", f"note {i}", "--tag", "checked", *extra)
        assert code == 0, err
    out = tmp_path / "export.jsonld"
    assert cli(data_dir, "annotations", "export", "--format", "jsonld", "-o", str(out))[0] == 0
    doc: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return doc


def _annotation_count(data_dir: Path) -> int:
    con = sqlite3.connect(data_dir / DB_FILE)
    try:
        return int(con.execute("SELECT count(*) FROM annotations").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def export(data_dir: Path, tmp_path: Path) -> dict[str, Any]:
    return _export(data_dir, tmp_path)


def _set(doc: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return doc


ITEM = ["first", "items", 3]
CASES = [
    (["first"], "a string", "$.first: expected an object, found a string"),
    (["first", "items"], {"a": 1}, "$.first.items: expected a list, found an object"),
    ([*ITEM], "an annotation", "$.first.items[3]: expected an object, found a string"),
    ([*ITEM, "target"], ["x"], "$.first.items[3].target: expected an object, found a list"),
    ([*ITEM, "target", "selector", 1, "exact"], 12, "$.first.items[3].target.selector[1].exact: expected a string"),
    ([*ITEM, "target", "selector", 0, "start"], -5, "$.first.items[3].target.selector[0].start: -5 is not an offset"),
    ([*ITEM, "target", "selector", 0, "start"], -1, "$.first.items[3].target.selector[0].end: -1–"),
    ([*ITEM, "target", "selector", 0, "start"], 10**30, "selector[0].start: 1000000000000000000000000000000 is not"),
    ([*ITEM, "target", "selector", 0, "end"], 0, "$.first.items[3].target.selector[0].end: the span ends (0) before"),
    ([*ITEM, "target", "source"], "https://example.org/x", "$.first.items[3].target.source: 'https://example.org/x'"),
    ([*ITEM, "body", 0, "value"], "\ud800", "$.first.items[3].body[0].value: the string holds an unpaired surrogate"),
    ([*ITEM, "pr:status"], "lost", "$.first.items[3].pr:status: 'lost' is not exact, fuzzy or orphan"),
    ([*ITEM, "id"], None, "$.first.items[3].id: expected a string, found null"),
]


@pytest.mark.parametrize(("path", "value", "message"), CASES)
def test_the_first_problem_is_named_by_its_json_path(export: dict[str, Any], path: list[Any], value: Any,
                                                     message: str) -> None:
    data = json.dumps(_set(export, path, value)).encode()
    with pytest.raises(ImportFailure) as exc:
        read_jsonld(data, "notes.jsonld")
    assert message in str(exc.value)
    assert "\n" not in str(exc.value)


def test_two_items_with_one_id(export: dict[str, Any]) -> None:
    items = export["first"]["items"]
    doc = _set(export, ["first", "items", 4, "id"], items[1]["id"])
    with pytest.raises(ImportFailure, match=r"\$\.first\.items\[4\]\.id: the id '.*' is also used by item 1"):
        read_jsonld(json.dumps(doc).encode(), "notes.jsonld")


@pytest.mark.parametrize("bad_item", [0, 3, 5])
def test_a_file_with_one_bad_item_imports_nothing(data_dir: Path, tmp_path: Path, export: dict[str, Any],
                                                  bad_item: int) -> None:
    other = json.loads(json.dumps(export).replace(f"policyreader:doc/{DOC}", "policyreader:doc/samr_admin_penalty"
                                                                            "_info_publicity_2021"))
    for a in other["first"]["items"]:
        a["id"] = a["id"][:-4] + "beef"  # new ids: without the bad item, all would be imported
    before = _annotation_count(data_dir)
    path = tmp_path / "one-bad.jsonld"
    path.write_text(json.dumps(_set(other, ["first", "items", bad_item, "target", "selector"], "none")),
                    encoding="utf-8")
    code, _out, err = cli(data_dir, "annotations", "import", str(path))
    assert_one_line_error(code, err, f"$.first.items[{bad_item}].target.selector: expected a list")
    assert _annotation_count(data_dir) == before
    path.write_text(json.dumps(other), encoding="utf-8")
    assert json.loads(cli(data_dir, "annotations", "import", str(path), "--json")[1]) == {"imported": 6, "skipped": 0}


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonld"
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: takes no disk space
    code, _out, err = cli(data_dir, "annotations", "import", str(path))
    assert_one_line_error(code, err, "file is too large", f"the limit is {MAX_FILE_BYTES:,} bytes")


def test_a_folder_is_refused(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "annotations.jsonld"
    folder.mkdir()
    code, _out, err = cli(data_dir, "annotations", "import", str(folder))
    assert_one_line_error(code, err, "this is a folder, not a file")


VALUES: list[Any] = [None, True, 0, -1, 10**30, 1.5, float("nan"), "", "x", "\ud800", "\x00", [], {}, [[[[]]]],
                     {"a": {}}, "urn:uuid:", "policyreader:doc/", "policyreader:doc/x#zh",
                     f"policyreader:doc/{DOC}#fr", f"policyreader:doc/{DOC}#zh"]


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*path, i))
    return out


def _fuzzed(base: dict[str, Any], rng: random.Random) -> Any:
    doc: Any = copy.deepcopy(base)
    for _ in range(rng.randint(1, 4)):
        path = rng.choice(_paths(doc)) if isinstance(doc, dict | list) else ()
        if not path:
            doc = rng.choice([*VALUES, base["first"]["items"], base["first"]["items"][0]])
            continue
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        key, op = path[-1], rng.random()
        if op < 0.55:
            parent[key] = rng.choice(VALUES)
        elif op < 0.75 and isinstance(parent, dict):
            del parent[key]
        elif op < 0.9 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))  # a second item with the same id
        elif isinstance(parent[key], str):
            parent[key] = parent[key] * rng.randint(0, 3)
    return doc


@pytest.mark.slow
def test_structurally_fuzzed_files_never_crash_and_import_all_or_nothing(data_dir: Path, tmp_path: Path,
                                                                         export: dict[str, Any]) -> None:
    """300 damaged copies of a real export: each imports whole (exit 0) or not at all (one line, exit 2)."""
    rng = random.Random(14)
    imported = refused = 0
    for i in range(300):
        doc = _fuzzed(export, rng)
        path = tmp_path / f"fuzz-{i}.jsonld"
        path.write_bytes(json.dumps(doc, ensure_ascii=bool(i % 2)).encode("utf-8", "surrogatepass"))
        before = _annotation_count(data_dir)
        code, out, err = cli(data_dir, "annotations", "import", str(path), "--json")
        if code == 0:
            imported += 1
            assert _annotation_count(data_dir) == before + json.loads(out)["imported"]
        else:
            refused += 1
            assert_one_line_error(code, err)
            assert _annotation_count(data_dir) == before
    assert imported > 20 and refused > 150  # both outcomes were exercised
