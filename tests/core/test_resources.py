"""Files the package ships in data/: the reviewed ones in the checkout, the built ones only in the bundle."""

from __future__ import annotations

from pathlib import Path

from policyreader.core.resources import DATA_DIR, ICON_PNG, ICON_SVG, font_files, shipped


def test_the_checkout_ships_the_icon_and_the_pinyin_overrides() -> None:
    assert shipped(ICON_SVG) == DATA_DIR / ICON_SVG
    assert shipped(ICON_PNG) == DATA_DIR / ICON_PNG
    assert shipped("pinyin_overrides.tsv") is not None


def test_a_file_the_package_does_not_ship_is_none(tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir()  # a folder is not a file
    assert shipped("cedict.sqlite", tmp_path) is None
    assert shipped("fonts", tmp_path) is None


def test_font_files_are_the_font_formats_in_data_fonts_in_name_order(tmp_path: Path) -> None:
    assert font_files(tmp_path) == []  # no fonts folder: the checkout's case
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for name in ("NotoSansCJK-Regular.ttc", "DejaVuSans.TTF", "Extra.otf", "README.txt", "Collection.otc"):
        (fonts / name).write_bytes(b"")
    (fonts / "nested.ttf").mkdir()
    assert [p.name for p in font_files(tmp_path)] == ["Collection.otc", "DejaVuSans.TTF", "Extra.otf",
                                                      "NotoSansCJK-Regular.ttc"]
