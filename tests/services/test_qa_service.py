"""Translation QA and corpus evidence through the CLI and the service, on the real corpus."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from policyreader.cli import main
from policyreader.core.bilingual import parse_aligned
from policyreader.core.glossary import load_glossary
from policyreader.core.matcher import GlossaryMatcher
from policyreader.core.qa import QASegment, TerminologyChecker
from policyreader.services.context import AppContext
from policyreader.services.paths import resolve_paths
from tests.conftest import CORPUS, GLOSSARY


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    return r.exit_code, r.stdout, r.stderr


def test_clean_document_passes_with_exit_0(data_dir: Path) -> None:
    code, out, err = cli(data_dir, "qa", "zhengxin_industry_regulation_2013", "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    assert "0 error(s)" in err


def _partly_translated(data_dir: Path, tmp_path: Path) -> str:
    """A user's document translated through its first chapter only (the bundled corpus is complete)."""
    blocks = parse_aligned((CORPUS / "shanghai_social_credit_regulations_2017.aligned.txt").read_text(encoding="utf-8"))
    zh, en = tmp_path / "partial.txt", tmp_path / "partial.en.txt"
    zh.write_text("\n\n".join([*(z for b in blocks for z in b.zh), "附：本条例由市人大常委会负责解释。"]), encoding="utf-8")
    chapter_two = next(i for i, b in enumerate(blocks) if b.zh[0].startswith("第二章"))
    en.write_text("\n\n".join(e for b in blocks[:chapter_two] for e in b.en), encoding="utf-8")
    code, out, err = cli(data_dir, "import", str(zh), "--translation", str(en), "--json")
    assert code == 0, err
    return str(json.loads(out)["id"])


def test_partly_translated_document_reports_untranslated_segments(data_dir: Path, tmp_path: Path) -> None:
    doc = _partly_translated(data_dir, tmp_path)
    code, out, _ = cli(data_dir, "qa", doc, "--format", "json")
    findings = json.loads(out)
    assert code == 1
    assert set(findings[0]) >= {"segment", "kind", "severity", "term", "entry", "found", "expected"}
    untranslated = [f for f in findings if f["kind"] == "untranslated"]
    show = json.loads(cli(data_dir, "show", doc, "--json")[1])
    assert len(untranslated) > 100
    assert {f["segment"] for f in untranslated} == {s["id"] for s in show["segments"] if s["zh"] and not s["en"]}


def _pair(tmp_path: Path, doc: str, edit: tuple[str, str] | None = None) -> tuple[Path, Path]:
    blocks = parse_aligned((CORPUS / f"{doc}.aligned.txt").read_text(encoding="utf-8"))
    zh = tmp_path / "source.txt"
    en = tmp_path / "translation.txt"
    zh.write_text("\n\n".join(z for b in blocks for z in b.zh), encoding="utf-8")
    english = "\n\n".join(e for b in blocks for e in b.en)
    if edit:
        assert edit[0] in english
        english = english.replace(edit[0], edit[1], 1)
    en.write_text(english, encoding="utf-8")
    return zh, en


def test_two_files_with_a_planted_avoid_rendering(data_dir: Path, tmp_path: Path) -> None:
    zh, en = _pair(tmp_path, "spc_shixin_list_provisions_2013")
    code, out, _ = cli(data_dir, "qa", str(zh), str(en), "--format", "json")
    clean = json.loads(out)
    assert all(f["kind"] != "term-avoid" for f in clean)
    zh, en = _pair(tmp_path, "samr_admin_penalty_info_publicity_2021",
                   ("National Enterprise Credit Information Publicity System", "credit blacklist website"))
    code, out, _ = cli(data_dir, "qa", str(zh), str(en), "--format", "json")
    findings = json.loads(out)
    assert code == 1
    missing = [f for f in findings if f["kind"] == "term-missing"
               and f["entry"] == "guojia-qiye-xinyong-xinxi-gongshi-xitong"]
    assert len(missing) == 1


def test_article_number_mismatch(data_dir: Path, tmp_path: Path) -> None:
    zh, en = _pair(tmp_path, "samr_admin_penalty_info_publicity_2021", ("Article 12 ", "Article 21 "))
    code, out, _ = cli(data_dir, "qa", str(zh), str(en), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert any(r["kind"] == "article-number" and r["severity"] == "error" for r in rows)


def test_accepted_findings_are_kept(data_dir: Path, tmp_path: Path) -> None:
    doc = _partly_translated(data_dir, tmp_path)
    svc = AppContext(resolve_paths(data_dir)).qa
    finding, accepted = svc.check_doc(doc)[0]
    assert not accepted
    svc.set_accepted(doc, finding, True)
    again = AppContext(resolve_paths(data_dir)).qa
    assert (finding, True) in again.check_doc(doc)
    assert finding not in [f for f, _ in again.check_doc(doc, include_accepted=False)]


def test_html_report_is_a_page(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "qa.html"
    cli(data_dir, "qa", _partly_translated(data_dir, tmp_path), "--format", "html", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "untranslated" in text


def test_stats_counts_renderings_in_the_aligned_english(data_dir: Path) -> None:
    code, out, _ = cli(data_dir, "stats", "征信", "--json")
    data = json.loads(out)
    # 征信 on its own (征信机构, 征信业, 征信业务 … are entries of their own)
    assert data["entry"] == "zhengxin" and data["total"] >= 5
    assert data["renderings"]["credit reporting"] == data["total"]
    assert sum(v["credit reporting"] for v in data["by_document"].values()) == data["total"]
    assert len(data["by_document"]) >= 3 and "2013" in {str(k) for k in data["by_year"]}


def test_a_reviewed_departure_in_the_bundled_translation_is_accepted_there_only(
        tmp_path: Path, empty_data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A `# qa-accept:` line above a block of the bundled corpus accepts that finding in that segment."""
    doc = "zhengxin_industry_regulation_2013"
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    path = corpus / f"{doc}.aligned.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    # two blocks whose English loses "credit reporting" and so misses a glossary term: two term-missing errors
    glossary = load_glossary(GLOSSARY)
    checker = TerminologyChecker(glossary.entries, GlossaryMatcher.for_glossary(glossary))

    def misses(zh: str, en: str) -> bool:
        return any(f.kind == "term-missing" and f.term == "征信"
                   for f in checker.check_segment(QASegment(0, zh, en.replace("credit reporting", "credit checking"))))

    hits = [i for i, ln in enumerate(lines) if ln.startswith("en: ") and lines[i - 1].startswith("zh: ")
            and misses(lines[i - 1][4:], ln[4:])][:2]
    assert len(hits) == 2
    for i in hits:
        lines[i] = lines[i].replace("credit reporting", "credit checking")
    first_block = max(j for j in range(hits[0]) if lines[j] == "") + 1
    lines.insert(first_block, "# qa-accept: term-missing 征信: a test of the reviewed-departure line")
    path.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setenv("POLICYREADER_DOCS_CORPUS_DIR", str(corpus))

    code, out, err = cli(empty_data_dir, "qa", doc, "--format", "json")
    missing = [f for f in json.loads(out) if f["kind"] == "term-missing" and f["term"] == "征信"]
    assert len({f["segment"] for f in missing}) == 2
    app = AppContext(resolve_paths(empty_data_dir))
    try:
        accepted = {f.segment: a for f, a in app.qa.check_doc(doc) if f.kind == "term-missing" and f.term == "征信"}
    finally:
        app.close()
    assert sorted(accepted.values()) == [False, True]  # the reviewed segment only
    assert code == 1  # the other segment still fails


def test_every_reviewed_departure_in_the_bundled_corpus_still_accepts_a_finding(data_dir: Path) -> None:
    """A `# qa-accept:` line whose finding no longer occurs (the English or the glossary changed) is stale:
    it would hide a future error in that segment, so the corpus must not keep one."""
    app = AppContext(resolve_paths(data_dir))
    try:
        stale = []
        for path in sorted(CORPUS.glob("*.aligned.txt")):
            doc = path.name.removesuffix(".aligned.txt")
            found = {(f.segment, f.kind.value, f.term) for f, _accepted in app.qa.check_doc(doc)}
            for i, block in enumerate(parse_aligned(path.read_text(encoding="utf-8"), path.name)):
                for kind, term, _reason in block.qa_accept:
                    if not any(s == i and k == kind and term in (t, "*") for s, k, t in found):
                        stale.append(f"{path.name}:{block.line}: {kind} {term}")
    finally:
        app.close()
    assert stale == []


def test_the_bundled_corpus_has_no_unaccepted_error(data_dir: Path) -> None:
    app = AppContext(resolve_paths(data_dir))
    try:
        errors = [(d.id, f.segment, f.kind.value, f.term) for d in app.library.documents()
                  for f, accepted in app.qa.check_doc(d.id) if f.severity == "error" and not accepted]
    finally:
        app.close()
    assert errors == []
