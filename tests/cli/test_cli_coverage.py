"""The CLI on English coverage: ``terms`` on English text, ``claims``, ``import`` of English documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyreader.cli import main
from tests.conftest import CORPUS, COVERAGE, coverage_gold


def run(data_dir: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    return r.exit_code, r.stdout, r.stderr


def article(name: str) -> Path:
    return COVERAGE / str(coverage_gold()[name]["file"])


def test_terms_on_english_text_gives_entry_term_and_status(data_dir: Path) -> None:
    path = article("forum-thread")
    code, out, err = run(data_dir, "terms", str(path), "--json")
    assert code == 0, err
    hits = json.loads(out)
    text = path.read_text(encoding="utf-8")
    assert len(hits) > 40
    assert all(set(h) == {"start", "end", "text", "entry", "term", "status"} for h in hits)
    assert all(text[h["start"]:h["end"]] == h["text"] for h in hits)
    first = hits[0]
    assert (first["text"], first["entry"], first["term"], first["status"]) == (
        "social credit score", "xinyong-fen", "信用分", "avoid")
    assert {h["status"] for h in hits} == {"preferred", "accepted", "contested", "avoid"}
    gold = {(m["start"], m["end"], m["entry"]) for m in coverage_gold()["forum-thread"]["mentions"]}
    assert len(gold & {(h["start"], h["end"], h["entry"]) for h in hits}) >= 0.95 * len(gold)


def test_terms_on_chinese_text_keeps_its_shape(data_dir: Path) -> None:
    code, out, _ = run(data_dir, "terms", str(CORPUS / "spc_shixin_list_provisions_2013.zh.txt"), "--json")
    assert code == 0
    assert all(set(h) == {"start", "end", "text", "entry"} for h in json.loads(out))


def test_terms_lang_overrides_detection(data_dir: Path, tmp_path: Path) -> None:
    f = tmp_path / "short.txt"
    f.write_text("失信被执行人 名单: judgment defaulters", encoding="utf-8")  # more Han than Latin: Chinese
    code, out, _ = run(data_dir, "terms", str(f), "--json")
    assert [h["entry"] for h in json.loads(out)] == ["shixin-bei-zhixing-ren"] and "status" not in out
    code, out, _ = run(data_dir, "terms", str(f), "--json", "--lang", "en")
    assert [(h["text"], h["status"]) for h in json.loads(out)] == [("judgment defaulters", "preferred")]
    code, out, _ = run(data_dir, "terms", str(f), "--lang", "en")
    assert out == "11\t30\tjudgment defaulters\tshixin-bei-zhixing-ren\t失信被执行人\tpreferred\n"


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_claims_prints_the_summary(data_dir: Path, fmt: str) -> None:
    code, out, err = run(data_dir, "claims", str(article("news-qingshan")), "--format", fmt)
    assert code == 0, err
    assert "social credit score" in out and "信用分" in out
    if fmt == "json":
        data = json.loads(out)
        assert data["terms"][0]["status"] == "avoid" and data["mentions"] >= 60
        assert {t["entry"]: t["in_regulations"] for t in data["terms"]}["heimingdan"] == 0
    elif fmt == "md":
        assert out.startswith("# Claims summary: Qingshan eases the way")
    else:
        assert out.startswith("<!DOCTYPE html>")


def test_claims_json_flag_and_output_file(data_dir: Path, tmp_path: Path) -> None:
    code, out, _ = run(data_dir, "claims", str(article("explainer-words")), "--json")
    assert code == 0 and json.loads(out)["title"].startswith("China's social credit system")
    target = tmp_path / "claims.html"
    code, out, err = run(data_dir, "claims", str(article("explainer-words")), "--format", "html", "-o", str(target))
    assert code == 0 and out == "" and "wrote" in err
    assert "Renderings to avoid" in target.read_text(encoding="utf-8")


def test_claims_of_an_imported_document(data_dir: Path) -> None:
    code, out, _ = run(data_dir, "import", str(article("oped-score")), "--json")
    assert code == 0
    imported = json.loads(out)
    assert imported["lang"] == "en"
    code, out, _ = run(data_dir, "claims", imported["id"], "--json")
    assert code == 0 and json.loads(out)["terms_named"] >= 15


@pytest.mark.parametrize(("args", "message"), [
    (["claims", "CORPUS/spc_shixin_list_provisions_2013.zh.txt"], "reads as Chinese"),
    (["claims", "spc_shixin_list_provisions_2013"], "is a Chinese document"),
    (["claims", "no-such-file.txt"], "file not found"),
    (["claims", "COVERAGE/gold.json"], "unsupported file type '.json'"),
    (["import", "COVERAGE/articles/oped-score.txt", "--lang", "en", "--translation", "COVERAGE/articles/oped-score.txt"],
     "no translation to align"),
])
def test_bad_input_is_one_line_and_exit_2(data_dir: Path, args: list[str], message: str) -> None:
    args = [a.replace("CORPUS", str(CORPUS)).replace("COVERAGE", str(COVERAGE)) for a in args]
    code, out, err = run(data_dir, *args)
    assert code == 2, out
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_import_and_docs_say_the_language(data_dir: Path) -> None:
    code, out, _ = run(data_dir, "import", str(article("blog-translator")))
    assert code == 0 and "English document, 22 segments" in out and "aligned" not in out
    code, out, _ = run(data_dir, "docs", "--json")
    langs = {d["id"]: d["lang"] for d in json.loads(out)}
    assert sorted(langs.values()).count("en") == 1 and langs["spc_shixin_list_provisions_2013"] == "zh"


def test_qa_of_an_english_document_points_to_claims(data_dir: Path) -> None:
    code, out, _ = run(data_dir, "import", str(article("forum-thread")), "--json")
    doc = json.loads(out)["id"]
    code, out, err = run(data_dir, "qa", doc)
    assert code == 0 and out == ""
    assert err.strip() == f"{doc}: an English document; there is no Chinese source to check it against " \
                          f"(see 'policyreader claims {doc}')"
