"""The licence list of the bundle and the check that no GPL/AGPL code ships (bundle/licences.py)."""

from __future__ import annotations

import email.message
import re
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from bundle import licences
from bundle.licences import Component, Sources, chosen, distribution_licence, inventory, is_forbidden, problems


@pytest.mark.parametrize(("licence", "forbidden"), [
    ("MIT", False),
    ("Apache-2.0 OR BSD-3-Clause", False),
    ("GPL-3.0-only", True),
    ("GPL-2.0-or-later", True),
    ("AGPL-3.0-or-later", True),
    ("LGPL-3.0-only", False),
    ("LGPL-2.1-or-later", False),
    ("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", False),  # PySide6: we take the LGPL
    ("GPL-2.0-only OR MIT", False),
    ("MIT AND GPL-2.0-only", True),
    ("(AFL-2.1 OR GPL-2.0-or-later) AND MIT", False),
    ("GPL-2.0-or-later WITH Bootloader-exception", False),
    ("GPL-3.0-or-later WITH GCC-exception-3.1", False),
    ("GPL-2.0-or-later WITH Autoconf-exception-2.0", True),  # an exception that lifts nothing for us
    ("BSD-3-Clause WITH PCRE2-exception", False),
    ("GNU General Public License v3 (GPLv3)", True),
    ("GNU Affero General Public License v3", True),
    ("GNU Lesser General Public License v3 (LGPLv3)", False),
    ("GPLv2-or-later with a special exception which allows to use PyInstaller to build", True),  # prose: not trusted
    ("", False),
])
def test_gpl_and_agpl_are_forbidden_lgpl_and_lifting_exceptions_are_not(licence: str, forbidden: bool) -> None:
    assert is_forbidden(licence) is forbidden


def test_the_allowed_alternative_is_the_one_shipped() -> None:
    assert chosen("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only") == "LGPL-3.0-only"
    assert chosen("GPL-2.0-only OR BSD-3-Clause") == "BSD-3-Clause"
    assert chosen("MIT") == "MIT"


def test_licences_are_read_from_real_metadata() -> None:
    assert distribution_licence(metadata.metadata("PySide6_Essentials"))[0].startswith("LGPL-3.0-only")
    assert distribution_licence(metadata.metadata("jieba")) == ("MIT", "License")
    assert distribution_licence(metadata.metadata("markdown-it-py")) == ("MIT", "classifier")
    assert distribution_licence(metadata.metadata("sqlite-utils")) == ("Apache-2.0", "License-Expression")


def test_prose_and_classifiers_in_metadata() -> None:
    # PyInstaller's metadata (6.22.3) is prose about the GPL: which is why the spec names the parts it embeds
    # (bootloader, loader, run-time hooks) by folder, each with its own licence
    text = ("GPLv2-or-later with a special exception which allows to use PyInstaller to build and "
            "distribute non-free programs (including commercial ones)")
    assert is_forbidden(text)
    prose = email.message.Message()
    prose["License"] = text  # too long to be a licence's name: not taken as one, so the component is unknown
    assert distribution_licence(prose) == ("", "none")
    assert problems([Component("pyinstaller", "6", "", "python-distribution", "metadata", ["x"])]) == [
        "pyinstaller: no known licence for x"]
    classified = email.message.Message()
    classified["License"] = "see LICENSE.txt\nfor the whole text, which is long"
    classified["Classifier"] = "License :: OSI Approved :: GNU General Public License v3 (GPLv3)"
    assert distribution_licence(classified) == ("GPL-3.0", "classifier")
    assert distribution_licence(email.message.Message()) == ("", "none")


def _runtime_closure(name: str) -> dict[str, metadata.Distribution]:
    seen: dict[str, metadata.Distribution] = {}
    todo = [name]
    while todo:
        dist = metadata.distribution(todo.pop())
        key = re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower()
        if key in seen:
            continue
        seen[key] = dist
        for spec in dist.requires or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return seen


def test_no_runtime_dependency_of_policyreader_is_gpl_or_agpl() -> None:
    """What `make dist` can ship, checked on every `make test`: a new GPL dependency fails here first."""
    closure = _runtime_closure("policyreader")
    assert {"pyside6-essentials", "jieba", "genanki", "sqlite-utils"} <= set(closure)
    found = {name: distribution_licence(d.metadata)[0] for name, d in closure.items()}
    assert not [name for name, lic in found.items() if not lic], found
    assert not [name for name, lic in found.items() if is_forbidden(lic)], found


def test_the_native_library_table_parses_and_is_clean() -> None:
    table = licences.native_table()["debian"]
    assert {"libglib2.0-0", "libbz2-1.0", "libstdc++6", "libdbus-1-3"} <= set(table)  # keys with dots and +
    assert all(row["licence"] for row in table.values())
    assert not [pkg for pkg, row in table.items() if is_forbidden(row["licence"])]


def _libz() -> Path:
    return next(p for root in ("/lib", "/usr/lib") for p in sorted(Path(root).glob("*/libz.so.1")))


def test_collected_files_are_grouped_by_where_they_come_from(tmp_path: Path) -> None:
    jieba_dict = Path(str(metadata.distribution("jieba").locate_file("jieba/dict.txt")))
    stdlib = Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "json"
    ours = tmp_path / "glossary"
    ours.mkdir()
    (ours / "xinyong.toml").write_text("", encoding="utf-8")
    libz = _libz()
    sources = Sources(Path(sys.base_prefix).resolve(), licences.installed_files(), licences.debian_owners([libz]),
                      {"debian": {"zlib1g": {"licence": "Zlib"}}},
                      {ours: Component("PolicyReader glossary", "0.1.0", "CC-BY-4.0", "data", "README.md")})
    collected = [("jieba/dict.txt", str(jieba_dict)), ("json", str(stdlib / "__init__.py")),
                 ("glossary/xinyong.toml", str(ours / "xinyong.toml")), ("libz.so.1", str(libz)),
                 ("mystery.so", str(tmp_path / "mystery.so"))]
    comps = {c.name: c for c in inventory(collected, sources, lambda pkg: "1.2")}
    assert (comps["jieba"].licence, comps["jieba"].files) == ("MIT", ["jieba/dict.txt"])
    assert (comps["Python"].licence, comps["Python"].kind) == ("PSF-2.0", "python-runtime")
    assert comps["PolicyReader glossary"].files == ["glossary/xinyong.toml"]
    assert (comps["zlib1g"].licence, comps["zlib1g"].version) == ("Zlib", "1.2")
    assert problems(comps.values()) == [f"{tmp_path / 'mystery.so'}: no known licence for mystery.so"]


def test_a_debian_package_missing_from_the_table_fails_the_build() -> None:
    libz = _libz()
    sources = Sources(Path(sys.base_prefix).resolve(), {}, licences.debian_owners([libz]), {"debian": {}}, {})
    (comp,) = inventory([("libz.so.1", str(libz))], sources)
    assert comp.kind == "unknown" and "native-licences.toml" in comp.source
    assert problems([comp]) == ["zlib1g (Debian package): no known licence for libz.so.1"]


def test_the_list_for_people_and_for_the_checks(tmp_path: Path) -> None:
    comps = [Component("PySide6_Essentials", "6.11.3", "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
                       "python-distribution", "metadata", ["PySide6/Qt/lib/libQt6Core.so.6"]),
             Component("libglib2.0-0", "2.74", "LGPL-2.1-or-later", "native-library", "table", ["libglib-2.0.so.0"]),
             Component("jieba", "0.42.1", "MIT", "python-distribution", "metadata", ["jieba/dict.txt"])]
    text = licences.render_text(comps, {"version": "0.1.0", "source": "commit abc"})
    assert "No GPL or AGPL code ships" in text and "source: commit abc" in text
    assert "Replace them with builds of the same Qt and PySide6 version" in text
    assert "* libglib2.0-0 2.74 (LGPL-2.1-or-later): a shared library" in text
    assert ("* PySide6_Essentials 6.11.3 [python-distribution]: LGPL-3.0-only (shipped under; offered: "
            "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only)") in text
    assert licences.from_json(licences.to_json(comps, {"version": "0.1.0"})) == comps


def test_licence_texts_are_copied_or_taken_from_metadata(tmp_path: Path) -> None:
    comps = [Component("click", "8", "BSD-3-Clause", "python-distribution", "metadata"),
             Component("jieba", "0.42.1", "MIT", "python-distribution", "metadata")]
    extra = tmp_path / "OFL.txt"
    extra.write_text("SIL OPEN FONT LICENSE", encoding="utf-8")
    written = licences.write_texts(comps, tmp_path / "licenses", {"Noto-OFL.txt": extra})
    names = {p.relative_to(tmp_path / "licenses").as_posix() for p in written}
    assert any(n.startswith("click/LICENSE") for n in names)
    jieba = (tmp_path / "licenses" / "jieba" / "METADATA-licence.txt").read_text(encoding="utf-8")
    assert "License: MIT" in jieba and "Sun, Junyi" in jieba  # jieba's wheel ships no licence file
    assert (tmp_path / "licenses" / "Noto-OFL.txt").read_text(encoding="utf-8") == "SIL OPEN FONT LICENSE"
