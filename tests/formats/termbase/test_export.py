"""The exporters' entry points: formats, unknown formats, and files written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyreader.formats.termbase import FORMATS, AnnotatedGlossary, export_glossary, render


def test_formats() -> None:
    assert FORMATS == ("tbx", "tbx-omegat", "tbx3", "tsv", "csv", "xlsx", "md", "html", "pdf", "anki", "json")


def test_unknown_format_is_a_value_error(exported: AnnotatedGlossary, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format 'docx'"):
        export_glossary(exported, "docx", tmp_path / "x.docx")
    with pytest.raises(ValueError, match="unknown export format"):
        render(exported, "docx")
    assert list(tmp_path.iterdir()) == []


def test_render_refuses_binary_formats(exported: AnnotatedGlossary) -> None:
    for fmt in ("pdf", "anki", "xlsx"):
        with pytest.raises(ValueError, match="binary format"):
            render(exported, fmt)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f not in ("pdf", "anki", "xlsx")])
def test_export_writes_what_render_returns(exported: AnnotatedGlossary, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"glossary.{fmt}"
    path.write_text("an earlier export")
    export_glossary(exported, fmt, path)
    assert path.read_bytes() == render(exported, fmt)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


def test_a_failed_export_leaves_the_earlier_file(exported: AnnotatedGlossary, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "glossary.apkg"
    path.write_text("an earlier export")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("policyreader.formats.termbase.anki.write_apkg", fail)
    with pytest.raises(OSError, match="disk full"):
        export_glossary(exported, "anki", path)
    assert path.read_text() == "an earlier export"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
