"""Reviewing an alignment the machine made: which segments a person should check, and checking them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policyreader.cli import main
from policyreader.core.alignment import needs_review
from policyreader.core.bilingual import parse_aligned
from policyreader.services.context import AppContext
from policyreader.services.paths import resolve_paths
from tests.conftest import CORPUS

DOC = "zhejiang_public_credit_info_regulations_2017"


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["--data-dir", str(data_dir), *args])
    return r.exit_code, r.stdout, r.stderr


def repaginated_files(tmp_path: Path) -> tuple[Path, Path, int]:
    """The Chinese of a bundled document, and its English paragraphed differently: every third pair of
    paragraphs merged, one paragraph left untranslated. Returns the files and the untranslated index."""
    blocks = [b for b in parse_aligned((CORPUS / f"{DOC}.aligned.txt").read_text(encoding="utf-8"))]
    zh = [z for b in blocks for z in b.zh]
    missing = next(i for i, b in enumerate(blocks) if i > 40 and len(b.zh) == 1 and b.zh[0].startswith("第"))
    en: list[str] = []
    for i, b in enumerate(blocks):
        text = " ".join(b.en)
        if i == missing:
            continue
        if i % 3 == 2 and en:
            en[-1] += " " + text
        else:
            en.append(text)
    zf, ef = tmp_path / "law.txt", tmp_path / "law.en.txt"
    zf.write_text("\n".join([*zh, "附件：本条例英文本仅供参考。"]) + "\n", encoding="utf-8")
    ef.write_text("\n\n".join(en) + "\n", encoding="utf-8")
    return zf, ef, missing


@pytest.fixture
def imported(data_dir: Path, tmp_path: Path) -> tuple[AppContext, str, int]:
    zf, ef, missing = repaginated_files(tmp_path)
    code, out, err = cli(data_dir, "import", str(zf), "--translation", str(ef), "--json")
    assert code == 0, err
    return AppContext(resolve_paths(data_dir)), json.loads(out)["id"], missing


def test_gold_and_hand_made_links_never_need_review() -> None:
    assert not needs_review("2-1", 1.0)
    assert not needs_review("1-0", 1.0)
    assert needs_review("1-0", 0.5) and needs_review("2-1", 0.97) and needs_review("1-1", 0.6)
    assert not needs_review("1-1", 0.95)


def test_bundled_documents_have_nothing_to_review(data_dir: Path) -> None:
    ctx = AppContext(resolve_paths(data_dir))
    assert all(ctx.alignment.to_review(d.id) == [] for d in ctx.library.documents())


def test_an_untranslated_paragraph_is_listed_and_confirming_it_takes_it_off(imported) -> None:  # type: ignore[no-untyped-def]
    ctx, doc, missing = imported
    segs = ctx.library.repo.segments(doc)
    todo = ctx.alignment.to_review(doc)
    untranslated = [s.idx for s in segs if s.zh and not s.en]
    assert untranslated and set(untranslated) <= {r.segment for r in todo}
    assert 0 < len(todo) < len(segs) // 3  # a short list, not the whole document
    first = todo[0]
    ctx.alignment.confirm(doc, first.segment)
    after = {r.segment for r in ctx.alignment.to_review(doc)}
    assert first.segment not in after and len(after) == len(todo) - 1
    assert ctx.library.repo.segments(doc)[first.segment].confidence == 1.0


def test_an_edit_elsewhere_keeps_the_review_list(imported) -> None:  # type: ignore[no-untyped-def]
    ctx, doc, _missing = imported
    todo = {(r.zh, r.en) for r in ctx.alignment.to_review(doc)}
    segs = ctx.library.repo.segments(doc)
    k = next(i for i in range(len(segs) - 1) if (segs[i].zh, segs[i].en) not in todo
             and (segs[i + 1].zh, segs[i + 1].en) not in todo and segs[i].en and segs[i + 1].en)
    ctx.alignment.merge(doc, k)
    assert {(r.zh, r.en) for r in ctx.alignment.to_review(doc)} == todo
