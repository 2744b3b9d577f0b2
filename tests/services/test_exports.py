"""Documents out of the library — TMX, the English as text, a bilingual Word table — read back by their
real consumers: translate-toolkit's tmxfile, python-docx, and our own importers. (OmegaT fills the
corpus from our TMX in ``make interop``.)"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from translate.storage.tmx import tmxfile

from policyreader.cli import main
from policyreader.core.bilingual import parse_aligned
from policyreader.core.errors import UserError
from policyreader.formats import read_document
from policyreader.services.context import AppContext
from policyreader.services.paths import resolve_paths
from tests.conftest import CORPUS

SHANGHAI = "shanghai_social_credit_regulations_2017"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def ctx(data_dir: Path) -> AppContext:
    return AppContext(resolve_paths(data_dir))


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    return r.exit_code, r.stdout, r.stderr


def test_tmx_of_one_document_as_translate_toolkit_reads_it(data_dir: Path, tmp_path: Path) -> None:
    from tests.services.test_qa_service import _partly_translated

    doc = _partly_translated(data_dir, tmp_path)  # untranslated segments are left out
    ctx = AppContext(resolve_paths(data_dir))
    out = tmp_path / "shanghai.tmx"
    ctx.exports.export("tmx", out, [doc])
    segments = ctx.library.repo.segments(doc)
    translated = [s for s in segments if s.en]
    assert 0 < len(translated) < len(segments)
    store = tmxfile.parsefile(str(out))
    assert [(u.source, u.target) for u in store.units] == [(s.zh, s.en) for s in translated]
    root = ET.parse(out).getroot()
    header = root.find("header")
    assert header is not None and (root.get("version"), header.get("srclang"), header.get("segtype")) == (
        "1.4", "zh-CN", "paragraph")
    assert header.get("creationtool") == "PolicyReader" and len(header.get("creationdate", "")) == 16
    tus = root.findall("body/tu")
    assert [tuv.get(XML_LANG) for tuv in tus[0].findall("tuv")] == ["zh-CN", "en"]
    props = {(tu.get("tuid"), p.get("type")): p.text for tu in tus for p in tu.findall("prop")}
    assert props[(f"{doc}:{translated[0].idx}", "x-document")] == doc
    article_2 = next(s for s in translated if s.zh.startswith("本条例所称社会信用信息"))  # 2nd paragraph of 第二条
    assert props[(f"{doc}:{article_2.idx}", "x-article")] == "第二条"
    assert (f"{doc}:{translated[0].idx}", "x-article") not in props  # the title belongs to no article


def test_tmx_of_the_whole_library_reads_back_as_documents(ctx: AppContext, tmp_path: Path) -> None:
    out = tmp_path / "library.tmx"
    written = ctx.exports.export("tmx", out, None)
    n = sum(1 for d in ctx.library.documents() for s in ctx.library.repo.segments(d.id) if s.en and s.zh)
    assert len(written.documents) == 10 and written.translated == n > 1000
    assert len(tmxfile.parsefile(str(out)).units) == n
    doc = read_document(out)  # our own TMX importer
    assert len(doc.paragraphs) == n and doc.translation is not None and all(doc.translation)


def test_english_text_and_bilingual_word_table(ctx: AppContext, tmp_path: Path) -> None:
    segments = ctx.library.repo.segments(SHANGHAI)
    text = ctx.exports.render("txt", [SHANGHAI]).decode("utf-8")
    assert text == "\n\n".join(s.en for s in segments if s.en) + "\n"  # a blank line between paragraphs
    out = tmp_path / "shanghai.docx"
    ctx.exports.export("docx", out, [SHANGHAI])
    table = docx.Document(str(out)).tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["中文", "English"]
    assert rows[1:] == [[s.zh, s.en] for s in segments]  # every segment, English empty where there is none
    assert read_document(out).paragraphs[0].text.startswith("上海市社会信用条例")


def test_nothing_to_export_and_bad_places_are_user_errors(ctx: AppContext, tmp_path: Path) -> None:
    zh = tmp_path / "zh.txt"
    zh.write_text("第一条 为了推进诚信建设，制定本办法。\n", encoding="utf-8")
    doc = ctx.library.import_path(zh).id
    with pytest.raises(UserError, match="has no English"):
        ctx.exports.export("tmx", tmp_path / "x.tmx", [doc])
    with pytest.raises(UserError, match="does not exist"):
        ctx.exports.export("tmx", tmp_path / "missing" / "x.tmx", [SHANGHAI])
    with pytest.raises(UserError, match="no document 'nope'"):
        ctx.exports.export("txt", tmp_path / "x.txt", ["nope"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "zh.txt"]


def test_export_command(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.tmx"
    code, _out, err = cli(data_dir, "export", "--all", "--format", "tmx", "-o", str(out))
    n = sum(1 for p in CORPUS.glob("*.aligned.txt") for b in parse_aligned(p.read_text(encoding="utf-8"))
            if b.zh and b.en)
    assert code == 0 and f"10 document(s), {n} translated segment(s)" in err
    code, text, _ = cli(data_dir, "export", SHANGHAI, "--format", "txt", "-o", "-")
    assert code == 0 and text.startswith("Shanghai Municipal Social Credit Regulations\n\n")
    for args, message in [((), "give a document id"), ((SHANGHAI, "--all"), "not both"),
                          (("nope",), "no document 'nope'"), ((SHANGHAI, "--format", "docx"), "binary file")]:
        code, _out, err = cli(data_dir, "export", *args, "-o", "-")
        assert code == 2 and message in err and err.count("\n") == 1, (args, err)
