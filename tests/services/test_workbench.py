"""The glossary workbench on the real glossary and corpus: search, concordance, user entries."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from policyreader.cli import main
from policyreader.core.errors import UserError
from policyreader.core.matcher import with_nested
from policyreader.services.context import AppContext
from policyreader.services.paths import resolve_paths


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    return r.exit_code, r.stdout, r.stderr


@pytest.mark.parametrize(("query", "first"), [
    ("信用", "xinyong"), ("xinyong", "xinyong"), ("xin4yong4", "xinyong"), ("xìnyòng", "xinyong"),
    ("zhengxin", "zhengxin"), ("zheng1xin4", "zhengxin"), ("credit reporting", "zhengxin"),
    ("judgment defaulter", "shixin-bei-zhixing-ren"), ("Credit China", "xinyong-zhongguo"),
    ("誠信", "chengxin"), ("redlist", "hongmingdan"),
])
def test_glossary_search_best_match_first(data_dir: Path, query: str, first: str) -> None:
    code, out, err = cli(data_dir, "glossary", "search", query, "--json")
    assert code == 0, err
    results = json.loads(out)
    assert results and results[0]["id"] == first
    assert results == sorted(results, key=lambda r: -r["score"])


def test_search_filters_by_domain_and_status(data_dir: Path) -> None:
    code, out, _ = cli(data_dir, "glossary", "search", "信用", "--domain", "finance", "--json")
    assert all("finance" in r["domains"] for r in json.loads(out))
    code, out, _ = cli(data_dir, "glossary", "search", "credit", "--status", "avoid", "--json")
    assert all(any(x["status"] == "avoid" for x in r["renderings"]) for r in json.loads(out))


def test_concordance_contract_and_sorting(data_dir: Path) -> None:
    code, out, _ = cli(data_dir, "concordance", "征信机构", "--json")
    lines = json.loads(out)
    assert len(lines) > 20
    assert set(lines[0]) == {"doc", "segment", "left", "match", "right", "en"}
    assert all(ln["match"] == "征信机构" for ln in lines)
    code, out, _ = cli(data_dir, "concordance", "zhengxin-jigou", "--sort", "right", "--json")
    rights = [ln["right"] for ln in json.loads(out)]
    assert rights == sorted(rights)
    code, out, _ = cli(data_dir, "concordance", "征信机构", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(lines) and rows[0]["match"] == "征信机构"


def test_concordance_lines_point_at_real_text(data_dir: Path) -> None:
    code, out, _ = cli(data_dir, "concordance", "失信被执行人", "--json")
    for ln in json.loads(out):
        seg = json.loads(cli(data_dir, "show", ln["doc"], "--json")[1])["segments"][ln["segment"]]
        assert (ln["left"][-5:] + ln["match"] + ln["right"][:5]) in seg["zh"].replace("\n", " ")
        assert ln["en"] == seg["en"]


def test_glossary_add_links_at_once_and_delete_unlinks(data_dir: Path, tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text("信息主体守法、履约状况良好。", encoding="utf-8")
    assert json.loads(cli(data_dir, "terms", str(f), "--json")[1]) == [
        {"start": 0, "end": 4, "text": "信息主体", "entry": "xinxi-zhuti"}]
    code, out, _ = cli(data_dir, "glossary", "add", "履约", "--rendering", "performance of agreements",
                       "--note", "paired with 守法", "--json")
    assert code == 0
    entry = json.loads(out)
    assert entry["origin"] == "user" and entry["renderings"][0]["status"] == "preferred"
    hits = json.loads(cli(data_dir, "terms", str(f), "--json")[1])
    assert {"start": 7, "end": 9, "text": "履约", "entry": entry["id"]} in hits
    conc = json.loads(cli(data_dir, "concordance", "履约", "--json")[1])
    assert conc, "the library is re-linked at once"
    assert cli(data_dir, "glossary", "delete", entry["id"])[0] == 0
    assert len(json.loads(cli(data_dir, "terms", str(f), "--json")[1])) == 1
    assert cli(data_dir, "glossary", "delete", "chengxin")[0] == 2  # bundled entries cannot be deleted


def test_extending_a_bundled_entry_keeps_the_bundled_files(data_dir: Path) -> None:
    before = (Path(__file__).resolve().parents[2] / "glossary" / "entries" / "chengxin.toml").read_text(encoding="utf-8")
    code, out, _ = cli(data_dir, "glossary", "add", "诚信", "--rendering", "probity", "--status", "accepted", "--json")
    data = json.loads(out)
    assert data["id"] == "chengxin" and data["origin"] == "extended"
    texts = [r["text"] for r in data["renderings"]]
    assert texts[0] == "integrity" and texts[-1] == "probity"
    after = (Path(__file__).resolve().parents[2] / "glossary" / "entries" / "chengxin.toml").read_text(encoding="utf-8")
    assert before == after
    exported = json.loads(cli(data_dir, "glossary", "export", "--format", "json", "-o", "-")[1])
    assert "probity" in [r["text"] for e in exported if e["id"] == "chengxin" for r in e["renderings"]]


def _scanned_concordance(ctx: AppContext, entry: str) -> list[tuple[str, int, str, str, str, int]]:
    """The concordance as it was computed before the term index: every segment's links decoded, with the
    terms nested in them."""
    forms = ctx.engine.matcher.forms
    return [(d.id, s.idx, s.zh[max(0, a - 20):a].replace("\n", " "), s.zh[a:b], s.zh[b:b + 20].replace("\n", " "), a)
            for d in ctx.library.documents() for s in ctx.library.repo.segments(d.id)
            for a, b, eid in with_nested(s.zh, s.terms, forms) if eid == entry]


def test_concordance_from_the_term_index_is_the_scan_of_every_segment(data_dir: Path) -> None:
    ctx = AppContext(resolve_paths(data_dir))
    ctx.library.ensure_bundled()
    entries = ["xinyong", "shehui-xinyong-tixi", "chengxin", "gongshi", "shixin-bei-zhixing-ren", "zhengxin"]
    for entry in entries:
        lines = [(ln.doc, ln.segment, ln.left, ln.match, ln.right, ln.start) for ln in ctx.workbench.concordance(entry)]
        assert lines == _scanned_concordance(ctx, entry) and lines, entry
    nested = [ln for ln in ctx.workbench.concordance("shehui-xinyong-tixi") if ln.right.startswith("建设")]
    assert nested  # 社会信用体系 inside 社会信用体系建设, which is linked as itself


def test_the_term_index_follows_a_new_user_entry_inside_linked_terms(data_dir: Path) -> None:
    ctx = AppContext(resolve_paths(data_dir))
    ctx.library.ensure_bundled()
    entry = ctx.workbench.add("信用体系", ["credit system"])
    lines = ctx.workbench.concordance(entry.id)
    assert lines and {ln.match for ln in lines} == {"信用体系"}
    assert [(ln.doc, ln.segment, ln.start) for ln in lines] == [(d, i, a) for d, i, _l, _m, _r, a in
                                                                   _scanned_concordance(ctx, entry.id)]
    ctx.workbench.delete(entry.id)
    with pytest.raises(UserError):
        ctx.workbench.concordance(entry.id)
    assert ctx.library.repo.term_occurrences(entry.id) == []


def test_a_concordance_reads_only_the_lines_asked_for(data_dir: Path) -> None:
    """Opening a concordance counts; a line is read when it is asked for, a page at a time; every way of
    reading it gives the same lines."""
    from policyreader.services.concordance import Concordance, sort_concordance

    ctx = AppContext(resolve_paths(data_dir))
    ctx.library.ensure_bundled()
    read: list[int] = []

    def counting(entry: str, run: Any, offset: int, limit: int) -> Any:
        rows = ctx.library.repo.term_page(entry, run, offset, limit)
        read.append(len(rows))
        return rows

    lines = ctx.workbench.concordance("xinyong").reading_with(counting)
    assert isinstance(lines, Concordance) and len(lines) > 2 * Concordance.PAGE and not read
    assert lines[0].match == "信用" and 0 < sum(read) <= Concordance.PAGE
    every = list(lines)
    assert len(every) == len(lines) == len(ctx.library.repo.term_occurrences("xinyong"))
    assert [lines[i] for i in range(len(lines))] == every
    assert lines[-1] == every[-1] and lines[5:9] == every[5:9] and lines[::-97] == every[::-97]
    with pytest.raises(IndexError):
        lines[len(lines)]
    assert [ln.doc for ln in every] == [ln.doc for ln in ctx.workbench.concordance("xinyong")]
    ordered = sort_concordance(lines, "right").reading_with(counting)  # a sorted view is rebound too
    read.clear()
    assert ordered[0].right == min(ln.right for ln in every) and read
    assert ctx.workbench.bind(ordered) is not ordered and ctx.workbench.bind(every) is every
    one = ctx.workbench.concordance("xinyong", doc=every[-1].doc)
    assert list(one) == [ln for ln in every if ln.doc == every[-1].doc]


def test_a_concordance_of_a_document_changed_since_shows_gone_lines(data_dir: Path) -> None:
    """Lines whose document was replaced after the concordance opened come out empty, going nowhere: no
    error, no line of another document."""
    ctx = AppContext(resolve_paths(data_dir))
    ctx.library.ensure_bundled()
    lines = ctx.workbench.concordance("xinyong")
    doc = lines[len(lines) // 2].doc
    ctx.library.replace_content(ctx.library.get(doc), ctx.library.repo.segments(doc)[:1])
    after = list(lines)
    assert len(after) == len(lines)
    changed = [ln for ln in after if ln.doc == doc]
    assert changed and all(ln.segment == -1 and not ln.match for ln in changed[1:])
    assert all(ln.match == "信用" for ln in after if ln.doc != doc)


def test_concordance_sort_orders(data_dir: Path) -> None:
    from policyreader.services.concordance import sort_concordance

    ctx = AppContext(resolve_paths(data_dir))
    ctx.library.ensure_bundled()
    lines = ctx.workbench.concordance("shehui-xinyong-tixi")
    titles = ctx.library.titles(lines.documents())
    assert sort_concordance(lines, "doc") is lines
    assert [ln.en for ln in sort_concordance(lines, "english")] == sorted(ln.en for ln in lines)
    right = sort_concordance(lines, "right", descending=True)
    assert [ln.right for ln in right] == sorted((ln.right for ln in lines), reverse=True)
    by_title = sort_concordance(lines, "document", titles=titles)
    assert [titles[ln.doc] for ln in by_title] == sorted(titles[ln.doc] for ln in lines)
    assert [ln for ln in by_title if ln.doc == lines[0].doc] == [ln for ln in lines if ln.doc == lines[0].doc]
    assert list(sort_concordance(lines, "doc", descending=True)) == list(lines)[::-1]
    left = sort_concordance(right, "left")  # sorting sorted lines sorts the lines
    assert [ln.left[::-1] for ln in left] == sorted(ln.left[::-1] for ln in lines)
    assert [left[i] for i in range(len(left))] == list(left) and left[3:7] == list(left)[3:7]
    with pytest.raises(ValueError):
        sort_concordance(lines, "colour")


def test_a_large_concordance_sorts_stably_in_chunks(data_dir: Path) -> None:
    """More lines than a sorting chunk: the merged order is sorted() 's, ties in library order."""
    from policyreader.services import concordance

    ctx = AppContext(resolve_paths(data_dir))
    ctx.library.ensure_bundled()
    lines = ctx.workbench.concordance("xinyong")
    every = list(lines)
    assert len(every) > 3 * 97
    chunk, concordance.SORT_CHUNK = concordance.SORT_CHUNK, 97
    try:
        for key, of in (("term", lambda ln: ln.match), ("right", lambda ln: ln.right)):
            for descending in (False, True):
                got = list(concordance.sort_concordance(lines, key, descending))
                assert got == sorted(every, key=of, reverse=descending), (key, descending)
    finally:
        concordance.SORT_CHUNK = chunk


def test_cli_concordance_limit_prints_the_first_lines_of_the_order(data_dir: Path) -> None:
    code, full, _ = cli(data_dir, "concordance", "信用", "--json")
    code3, three, _ = cli(data_dir, "concordance", "信用", "--json", "--limit", "3")
    assert code == code3 == 0 and json.loads(three) == json.loads(full)[:3] and len(json.loads(full)) > 3
    _, left, _ = cli(data_dir, "concordance", "信用", "--json", "--sort", "left")
    _, left2, _ = cli(data_dir, "concordance", "信用", "--json", "--sort", "left", "--limit", "2")
    assert json.loads(left2) == json.loads(left)[:2] != json.loads(full)[:2]
    code, _out, err = cli(data_dir, "concordance", "信用", "--limit", "-1")
    assert code == 2 and "--limit" in err
