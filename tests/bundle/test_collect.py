"""What the spec adds to the bundle and what it leaves out (bundle/collect.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bundle.collect import (
    FONT_DIRS_VARIABLE,
    FONTS,
    MissingFont,
    find_fonts,
    font_search_dirs,
    package_data,
    wanted_data,
    wanted_qt_plugin,
)

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "policyreader"


def test_every_non_python_file_of_the_package_ships_translations_included(tmp_path: Path) -> None:
    pkg = tmp_path / "policyreader"
    for rel in ("__init__.py", "core/x.py", "core/x.pyi", "core/__pycache__/x.cpython-311.pyc",
                "data/pinyin_overrides.tsv", "data/i18n/policyreader_zh_CN.qm", "data/icons/policyreader.svg"):
        (pkg / rel).parent.mkdir(parents=True, exist_ok=True)
        (pkg / rel).write_bytes(b"x")
    assert package_data(pkg) == [
        (str(pkg / "data/i18n/policyreader_zh_CN.qm"), "policyreader/data/i18n"),
        (str(pkg / "data/icons/policyreader.svg"), "policyreader/data/icons"),
        (str(pkg / "data/pinyin_overrides.tsv"), "policyreader/data"),
    ]


def test_the_real_package_data() -> None:
    shipped = {Path(src).relative_to(PACKAGE).as_posix(): dest for src, dest in package_data(PACKAGE)}
    assert shipped["data/pinyin_overrides.tsv"] == "policyreader/data"
    assert shipped["data/icons/policyreader-256.png"] == "policyreader/data/icons"
    assert not [name for name in shipped if name.endswith((".py", ".pyc"))]


@pytest.mark.parametrize(("dest", "kept"), [
    ("jieba/dict.txt", True),
    ("jieba/finalseg/prob_emit.py", True),
    ("jieba/finalseg/prob_emit.p", True),  # the segmenter reads the pickled HMM tables
    ("jieba/analyse/idf.txt", False),
    ("jieba/posseg/char_state_tab.p", False),
    ("jieba/lac_small/model_baseline/word_emb", False),
    ("opencc/clib/share/opencc/s2t.json", True),
    ("opencc/clib/bin/opencc", False),
    ("opencc/clib/lib64/libopencc.a", False),
    ("opencc/clib/include/opencc/opencc.h", False),
    ("pdfminer/cmap/UniGB-UCS2-H.pickle.gz", True),
])
def test_unused_data_is_left_out(dest: str, kept: bool) -> None:
    assert wanted_data(dest) is kept


@pytest.mark.parametrize(("plugin", "kept"), [
    ("/venv/PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("/venv/PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("/venv/PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("/venv/PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("/venv/PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("/venv/PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("/venv/PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
    ("/venv/PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", False),
    ("/venv/PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-egldevice-integration.so", False),
    ("/venv/PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("/venv/PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    (r"C:\venv\PySide6\plugins\platforms\qwindows.dll", True),
])
def test_qt_plugins_for_devices_and_the_gtk_theme_are_left_out(plugin: str, kept: bool) -> None:
    assert wanted_qt_plugin(plugin) is kept


def _font_dir(root: Path, *names: str) -> Path:
    root.mkdir(parents=True)
    for name in names:
        (root / "sub" / name).parent.mkdir(exist_ok=True)
        (root / "sub" / name).write_bytes(b"font")
    return root


def test_fonts_are_found_in_the_first_folder_that_has_them(tmp_path: Path) -> None:
    mine = _font_dir(tmp_path / "mine", "NotoSansCJKsc-Regular.otf")
    system = _font_dir(tmp_path / "system", "NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc", "DejaVuSans.ttf")
    found = find_fonts([mine, tmp_path / "absent", system])
    by_role = {font.role: path for font, path in found.items()}
    assert by_role["Chinese text"] == mine / "sub" / "NotoSansCJKsc-Regular.otf"
    assert by_role["Chinese headings"] == system / "sub" / "NotoSansCJK-Bold.ttc"
    assert by_role["Latin text in PDF exports"] == system / "sub" / "DejaVuSans.ttf"
    assert "Latin headings in PDF exports" not in by_role  # optional, and missing
    assert all(f.licence in ("OFL-1.1", "Bitstream-Vera AND LicenseRef-Public-Domain") for f in FONTS)


def test_a_missing_chinese_font_says_what_to_install(tmp_path: Path) -> None:
    only_latin = _font_dir(tmp_path / "latin", "DejaVuSans.ttf")
    with pytest.raises(MissingFont, match=f"fonts-noto-cjk.*{FONT_DIRS_VARIABLE}"):
        find_fonts([only_latin])


def test_the_variable_names_font_folders_searched_first(tmp_path: Path) -> None:
    dirs = font_search_dirs({FONT_DIRS_VARIABLE: f"{tmp_path / 'a'}:{tmp_path / 'b'}"})
    assert dirs[:2] == [tmp_path / "a", tmp_path / "b"]
    assert len(dirs) > 2  # then the system's folders
