"""The layering of ARCHITECTURE.md: nothing outside gui/ loads PySide6, and dependencies point one way:
``gui``, ``cli`` → ``services`` → ``formats``, ``storage`` → ``core``."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "policyreader"
QT_FREE = ["core", "storage", "formats", "services", "cli"]


def _files(pkg: str) -> list[Path]:
    return sorted(p for p in (SRC / pkg).rglob("*.py"))


def _modules(pkg: str) -> list[str]:
    out = []
    for p in _files(pkg):
        parts = p.relative_to(SRC.parent).with_suffix("").parts
        out.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return out


@pytest.mark.parametrize("pkg", QT_FREE)
def test_package_does_not_load_pyside6(pkg: str) -> None:
    mods = _modules(pkg)
    assert mods, f"no modules found in {pkg}"
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in mods) + (
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{pkg} loaded {out.stdout.strip()}"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


ALLOWED = {
    "core": {"core"},
    "storage": {"core", "storage"},
    "formats": {"core", "formats"},
    "services": {"core", "storage", "formats", "services"},
    "cli": {"core", "services", "cli", "gui"},  # cli starts the window (run_app) and nothing else of gui
    "gui": {"core", "services", "gui"},
}


@pytest.mark.parametrize("pkg", sorted(ALLOWED))
def test_dependencies_point_one_way(pkg: str) -> None:
    for path in _files(pkg):
        for name in _imports(path):
            if name.startswith("policyreader."):
                target = name.split(".")[1]
                assert target in ALLOWED[pkg], f"{path.relative_to(SRC)} in {pkg} imports {name}"


def test_cli_uses_nothing_of_the_gui_but_run_app() -> None:
    for path in _files("cli"):
        for name in _imports(path):
            if name.startswith("policyreader.gui"):
                assert name == "policyreader.gui.app", f"{path.name} imports {name}"


def test_no_source_module_is_over_500_lines() -> None:
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 520}
    assert not long, f"split these modules: {long}"


def test_outside_gui_only_the_pdf_writer_names_pyside6() -> None:
    """The one exception to "only gui uses Qt": the PDF study glossary is typeset by Qt's text layout (the
    only layout engine we ship that sets CJK with the bundled OpenType fonts), imported inside its functions
    so that no import loads Qt (the test above). A second module reaching for Qt fails here."""
    naming = {str(p.relative_to(SRC)) for pkg in QT_FREE for p in _files(pkg)
              if any(n == "PySide6" or n.startswith("PySide6.") for n in _imports(p))}
    assert naming == {"formats/termbase/pdf.py"}
