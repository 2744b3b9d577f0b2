"""The layering of STYLE.md: nothing outside gui/ loads PySide6, and core imports no sibling package."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "policyreader"
QT_FREE = ["core", "storage", "importers", "services", "cli"]


def _modules(pkg: str) -> list[str]:
    if pkg == "cli":
        return ["policyreader.cli"]
    return [f"policyreader.{pkg}." + p.stem for p in sorted((SRC / pkg).glob("*.py")) if p.stem != "__init__"]


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
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


ALLOWED = {
    "core": {"core"},
    "storage": {"core", "storage"},
    "importers": {"core", "importers"},
    "exporters": {"core", "exporters", "storage"},
    "services": {"core", "storage", "importers", "exporters", "services"},
}


@pytest.mark.parametrize("pkg", sorted(ALLOWED))
def test_dependencies_point_one_way(pkg: str) -> None:
    for path in sorted((SRC / pkg).glob("*.py")):
        for name in _imports(path):
            if name.startswith("policyreader."):
                target = name.split(".")[1]
                assert target in ALLOWED[pkg], f"{path.name} in {pkg} imports {name}"
