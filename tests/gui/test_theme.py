"""The fonts the self-contained app ships are registered with Qt when the window starts."""

from __future__ import annotations

from pathlib import Path

from policyreader.gui.theme import register_shipped_fonts


def test_shipped_fonts_are_registered_with_their_families(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # make test installs fonts-noto-cjk (scripts/ensure-system-deps.sh): stand in for the bundle's copy
    noto = sorted(Path("/usr/share/fonts").rglob("NotoSansCJK-Regular.ttc"))[0]
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / noto.name).symlink_to(noto)
    (fonts / "notes.txt").write_text("not a font", encoding="utf-8")
    families = register_shipped_fonts(tmp_path)
    assert "Noto Sans CJK SC" in families and "Noto Sans CJK TC" in families  # every face of the collection
    assert register_shipped_fonts(tmp_path / "nothing-here") == []
