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
from policyreader.services.context import AppContext
from policyreader.services.paths import resolve_paths
from tests.conftest import CORPUS


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    return r.exit_code, r.stdout, r.stderr


def test_clean_document_passes_with_exit_0(data_dir: Path) -> None:
    code, out, err = cli(data_dir, "qa", "zhengxin_industry_regulation_2013", "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    assert "0 error(s)" in err


def test_partly_translated_document_reports_untranslated_segments(data_dir: Path) -> None:
    code, out, _ = cli(data_dir, "qa", "shanghai_social_credit_regulations_2017", "--format", "json")
    findings = json.loads(out)
    assert code == 1
    assert set(findings[0]) >= {"segment", "kind", "severity", "term", "entry", "found", "expected"}
    untranslated = [f for f in findings if f["kind"] == "untranslated"]
    show = json.loads(cli(data_dir, "show", "shanghai_social_credit_regulations_2017", "--json")[1])
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


def test_accepted_findings_are_kept(data_dir: Path) -> None:
    svc = AppContext(resolve_paths(data_dir)).qa
    svc.library.ensure_bundled()
    doc = "shanghai_social_credit_regulations_2017"
    finding, accepted = svc.check_doc(doc)[0]
    assert not accepted
    svc.set_accepted(doc, finding, True)
    again = AppContext(resolve_paths(data_dir)).qa
    assert (finding, True) in again.check_doc(doc)
    assert finding not in [f for f, _ in again.check_doc(doc, include_accepted=False)]


def test_html_report_is_a_page(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "qa.html"
    cli(data_dir, "qa", "shanghai_social_credit_regulations_2017", "--format", "html", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "untranslated" in text


def test_stats_counts_renderings_in_the_aligned_english(data_dir: Path) -> None:
    code, out, _ = cli(data_dir, "stats", "征信", "--json")
    data = json.loads(out)
    assert data["entry"] == "zhengxin" and data["total"] > 40
    assert data["renderings"]["credit reporting"] >= data["total"] - 2
    assert "zhengxin_industry_regulation_2013" in data["by_document"]
    assert "2013" in {str(k) for k in data["by_year"]}


def test_a_reviewed_departure_in_the_bundled_translation_is_accepted_there_only(
        tmp_path: Path, empty_data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A `# qa-accept:` line above a block of the bundled corpus accepts that finding in that segment."""
    doc = "zhengxin_industry_regulation_2013"
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    path = corpus / f"{doc}.aligned.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    # two blocks whose English carries "credit reporting" for 征信 lose it: two term-missing errors
    hits = [i for i, ln in enumerate(lines) if ln.startswith("en: ") and "credit reporting" in ln
            and "征信" in lines[i - 1]][:2]
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
    assert code == 1 and "1 error(s)" in err
