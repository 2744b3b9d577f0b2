"""What the bundle contains, with licences, and the check that no GPL or AGPL code ships.

At build time the spec hands every file PyInstaller collected (destination in the bundle, source on the
build machine) to :func:`inventory`, which names the component each comes from:

* a Python distribution (its installed file list says so): licence from its metadata
  (``License-Expression``, else ``License``, else the trove classifiers);
* the Python installation itself (the standard library, ``libpython``): PSF-2.0;
* a Debian package that owns a system library PyInstaller copied (``dpkg-query -S``): licence from
  ``native-licences.toml``, reviewed by hand from the package's copyright file;
* our own data (glossary, corpus, icon), the fonts, and the data built at build time.

A file that fits none is ``unknown``, and :func:`problems` fails the build on it, as on any component
whose licence is GPL or AGPL (:func:`is_forbidden`). LGPL is allowed (Qt, PySide6 and a few system
libraries, each a separately replaceable shared library or module; LICENSES.txt says how), and so are
GPL licences with an exception that lifts the GPL's conditions from programs that merely ship the code
(:data:`LIFTING_EXCEPTIONS`): PyInstaller's bootloader and GCC's runtime libraries.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

NATIVE_TABLE = Path(__file__).with_name("native-licences.toml")

# SPDX exceptions that let a program ship the code under its own terms. Bootloader-exception: PyInstaller's
# ("unlimited permission to link or embed compiled bootloader and related files into combinations with
# other programs"); GCC-exception-3.1: the GCC runtime library exception (libgcc_s, libstdc++).
LIFTING_EXCEPTIONS = {"Bootloader-exception", "GCC-exception-3.1"}

# GPL or AGPL named in an SPDX id or in prose, but not LGPL ("LGPL", "Lesser/Library General Public").
_COPYLEFT = re.compile(r"(?<![A-Za-z])A?GPL|GNU (?:Affero )?General Public License", re.IGNORECASE)

CLASSIFIER_LICENCES = {
    "License :: OSI Approved :: MIT License": "MIT",
    "License :: OSI Approved :: BSD License": "BSD",
    "License :: OSI Approved :: Apache Software License": "Apache-2.0",
    "License :: OSI Approved :: Python Software Foundation License": "PSF-2.0",
    "License :: OSI Approved :: ISC License (ISCL)": "ISC",
    "License :: Public Domain": "LicenseRef-Public-Domain",
    "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0",
    "License :: OSI Approved :: GNU General Public License v3 (GPLv3)": "GPL-3.0",
    "License :: OSI Approved :: GNU General Public License v2 (GPLv2)": "GPL-2.0",
    "License :: OSI Approved :: GNU Affero General Public License v3": "AGPL-3.0",
}


def _split_top(expr: str, op: str) -> list[str]:
    """Split *expr* on `` op `` outside parentheses."""
    parts, depth, start, token = [], 0, 0, f" {op} "
    i = 0
    while i < len(expr):
        c = expr[i]
        depth += (c == "(") - (c == ")")
        if depth == 0 and expr.startswith(token, i):
            parts.append(expr[start:i])
            i += len(token)
            start = i
            continue
        i += 1
    parts.append(expr[start:])
    return [p.strip() for p in parts]


def _closing(expr: str) -> int:
    """The index of the parenthesis that closes ``expr[0]`` (-1 if none)."""
    depth = 0
    for index, char in enumerate(expr):
        depth += (char == "(") - (char == ")")
        if depth == 0:
            return index
    return -1


def _unwrap(expr: str) -> str:
    """``(A OR B)`` → ``A OR B``, only when the first parenthesis closes at the very end."""
    expr = expr.strip()
    while expr.startswith("(") and _closing(expr) == len(expr) - 1:
        expr = expr[1:-1].strip()
    return expr


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    return str(meta[key] or "") if key in meta else ""


def is_forbidden(licence: str) -> bool:
    """True when *licence* (an SPDX expression, or prose) obliges us to GPL or AGPL terms.

    ``A OR B`` is allowed when either is; ``A AND B`` is forbidden when either is; ``X WITH E`` is
    allowed when E is one of :data:`LIFTING_EXCEPTIONS`. An empty or unknown licence is not forbidden
    here (:func:`problems` reports it as unknown).
    """
    expr = _unwrap(licence)
    alternatives = _split_top(expr, "OR")
    if len(alternatives) > 1:
        return all(is_forbidden(a) for a in alternatives)
    conjuncts = _split_top(expr, "AND")
    if len(conjuncts) > 1:
        return any(is_forbidden(c) for c in conjuncts)
    name, _, exception = expr.partition(" WITH ")
    return bool(_COPYLEFT.search(name)) and exception.strip() not in LIFTING_EXCEPTIONS


def chosen(licence: str) -> str:
    """The alternative we ship under: the first allowed one of an ``OR`` (the whole expression otherwise)."""
    alternatives = _split_top(_unwrap(licence), "OR")
    return next((a for a in alternatives if not is_forbidden(a)), licence) if len(alternatives) > 1 else licence


def distribution_licence(meta: metadata.PackageMetadata) -> tuple[str, str]:
    """``(licence, where it was read)`` from a distribution's metadata."""
    expression = _field(meta, "License-Expression").strip()
    if expression:
        return expression, "License-Expression"
    text = _field(meta, "License").strip()
    if text and "\n" not in text and len(text) <= 100:  # a name, not the licence's full text
        return text, "License"
    classifiers = [CLASSIFIER_LICENCES.get(c, c.rsplit(" :: ", 1)[-1])
                   for c in (meta.get_all("Classifier") or []) if c.startswith("License ::")]
    if classifiers:
        return " OR ".join(classifiers), "classifier"
    return "", "none"


@dataclass
class Component:
    """One thing the bundle contains, with its licence and the bundle paths it accounts for."""

    name: str
    version: str
    licence: str
    kind: str  # program, python-distribution, python-runtime, native-library, font, data, unknown
    source: str  # where the licence was read
    files: list[str] = field(default_factory=list)
    notes: str = ""

    @property
    def shipped_under(self) -> str:
        return chosen(self.licence)


def problems(components: Iterable[Component]) -> list[str]:
    """One line per component that must not ship: GPL/AGPL, or a file nobody could account for."""
    out = []
    for c in components:
        if c.kind == "unknown" or not c.licence:
            out.append(f"{c.name}: no known licence for {', '.join(c.files[:5]) or 'its files'}")
        elif is_forbidden(c.licence):
            out.append(f"{c.name} {c.version}: {c.licence} is GPL/AGPL; it must not ship")
    return out


# -- where a collected file comes from --------------------------------------------------------------------
def installed_files() -> dict[Path, metadata.Distribution]:
    """Every file of every installed distribution, resolved, mapped to its distribution."""
    owners: dict[Path, metadata.Distribution] = {}
    for dist in metadata.distributions():
        for f in dist.files or []:
            try:
                owners.setdefault(Path(str(dist.locate_file(f))).resolve(), dist)
            except OSError:
                continue
    return owners


def debian_owners(paths: Iterable[Path]) -> dict[Path, str]:
    """The Debian package owning each path, keyed by the resolved path (dpkg is asked for the path as
    given and resolved, each with and without /usr: it knows a file by the path its package ships)."""
    candidates: dict[str, Path] = {}
    for p in paths:
        resolved = p.resolve()
        for q in {str(p), str(resolved)}:
            candidates[q] = resolved
            other = q[4:] if q.startswith("/usr/") else "/usr" + q
            candidates[other] = resolved
    if not candidates:
        return {}
    try:
        out = subprocess.run(["dpkg-query", "-S", *candidates], capture_output=True, text=True).stdout
    except FileNotFoundError:  # not a Debian system
        return {}
    owners: dict[Path, str] = {}
    for line in out.splitlines():
        pkgs, _, path = line.partition(": ")
        if path in candidates:
            owners.setdefault(candidates[path], pkgs.split(",")[0].split(":")[0].strip())
    return owners


NativeTable = dict[str, dict[str, dict[str, str]]]


def native_table(path: Path = NATIVE_TABLE) -> NativeTable:
    """``{"debian": {package: {"licence": …, "notes": …}}}`` from ``native-licences.toml``."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return {system: {pkg: {str(k): str(v) for k, v in row.items()} for pkg, row in table.items()}
            for system, table in data.items()}


@dataclass
class Sources:
    """What the resolver knows about the build machine."""

    python_prefix: Path
    distributions: dict[Path, metadata.Distribution]
    debian: dict[Path, str]
    native: NativeTable
    known: dict[Path, Component]  # files and folders whose component is known by where they are: our data,
    # fonts, the prebuilt files, PyInstaller's loader and run-time hooks (licensed apart from PyInstaller)


def inventory(collected: Iterable[tuple[str, str]], sources: Sources,
              version_of: Callable[[str], str] = lambda pkg: "") -> list[Component]:
    """Group ``(destination, source)`` pairs into components, in a stable order."""
    by_key: dict[tuple[str, str], Component] = {}
    for dest, src in collected:
        c = owner(Path(src).resolve(), sources, version_of)
        by_key.setdefault((c.kind, c.name), c).files.append(dest)
    order = {"program": 0, "data": 1, "font": 2, "python-runtime": 3, "python-distribution": 4,
             "native-library": 5, "unknown": 6}
    comps = sorted(by_key.values(), key=lambda c: (order.get(c.kind, 9), c.name.lower()))
    for c in comps:
        c.files.sort()
    return comps


def owner(path: Path, sources: Sources, version_of: Callable[[str], str]) -> Component:
    """The component a collected file (its resolved source path) belongs to, with no files yet."""
    known = next((c for p, c in sources.known.items() if path == p or p in path.parents), None)
    if known is not None:
        return Component(known.name, known.version, known.licence, known.kind, known.source, [], known.notes)
    dist = sources.distributions.get(path)
    if dist is not None:
        licence, where = distribution_licence(dist.metadata)
        return Component(dist.metadata["Name"], dist.version, licence, "python-distribution", f"metadata: {where}")
    pkg = sources.debian.get(path)
    if pkg is not None:
        row = sources.native.get("debian", {}).get(pkg)
        if row is None:
            return Component(f"{pkg} (Debian package)", version_of(pkg), "", "unknown",
                             "not in bundle/native-licences.toml: read its copyright file and add it")
        return Component(pkg, version_of(pkg), row["licence"], "native-library",
                         f"/usr/share/doc/{pkg}/copyright, reviewed in bundle/native-licences.toml", [],
                         row.get("notes", ""))
    if sources.python_prefix in path.parents and "site-packages" not in path.parts:
        return Component("Python", sys.version.split()[0], "PSF-2.0", "python-runtime", "the Python installation")
    return Component(str(path), "", "", "unknown", "no owner found")


def debian_version(package: str) -> str:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", package], capture_output=True, text=True)
    except FileNotFoundError:
        return ""
    return out.stdout.strip()


# -- writing and reading the list -------------------------------------------------------------------------
def to_json(components: list[Component], header: dict[str, str]) -> str:
    return json.dumps({"header": header, "components": [asdict(c) for c in components]}, ensure_ascii=False,
                      indent=1)


def from_json(text: str) -> list[Component]:
    return [Component(**c) for c in json.loads(text)["components"]]


QT_NOTE = """\
* Qt 6 and its Python bindings PySide6 and shiboken6 (Qt offers LGPL-3.0 or GPL; we use the LGPL-3.0,
  licenses/LGPL-3.0.txt with licenses/GPL-3.0.txt, which it builds on). The Qt libraries are ordinary
  shared libraries in _internal/PySide6/Qt/lib/ (libQt6*.so.6 on Linux, Qt6*.dll on Windows,
  Qt*.framework on macOS), its plugins are in _internal/PySide6/Qt/plugins/, the bindings in
  _internal/PySide6/ and _internal/shiboken6/. Replace them with builds of the same Qt and PySide6 version
  (the same ABI), or build the bundle again from PolicyReader's source (MIT) with `make dist` against the
  PySide6 of your choice. Qt's and PySide6's source: https://download.qt.io/official_releases/ (qt/ and
  QtForPython/)."""


def is_lgpl(licence: str) -> bool:
    return "LGPL" in chosen(licence).upper()


def render_text(components: list[Component], header: dict[str, str]) -> str:
    """LICENSES.txt: what the bundle contains, with licences, for people."""
    lines = [f"PolicyReader {header.get('version', '')}: what this bundle contains, with licences", "=" * 72, ""]
    lines += [f"{k}: {v}" for k, v in header.items() if k != "version"]
    lines += ["", "No GPL or AGPL code ships in this bundle: the build fails if any component's licence is GPL",
              "or AGPL. Two GPL licences appear below with exceptions that lift the GPL's conditions from",
              "programs that ship the code: PyInstaller's bootloader (the `policyreader` program that starts",
              "Python; GPL-2.0-or-later WITH Bootloader-exception) and GCC's runtime libraries (libgcc_s,",
              "libstdc++; GPL-3.0-or-later WITH GCC-exception-3.1). Where a component offers a choice of",
              "licences we ship it under the one shown as 'shipped under'.", ""]
    lgpl = [c for c in components if is_lgpl(c.licence)]
    if lgpl:
        lines += ["LGPL components, and how to replace them", "-" * 40,
                  "The LGPL lets you use your own modified versions of these; each is kept a separate file so you can:",
                  ""]
        if any(c.name.lower().startswith(("pyside6", "shiboken6")) for c in lgpl):
            lines.append(QT_NOTE)
        for c in lgpl:
            if c.name.lower().startswith(("pyside6", "shiboken6")):
                continue
            how = ("a shared library: replace it with a compatible build of the same library"
                   if c.kind == "native-library" else
                   "Python code inside the program's module archive: install your version and build the bundle "
                   "again from PolicyReader's source with `make dist`")
            lines.append(f"* {c.name} {c.version} ({c.shipped_under}): {how} ({', '.join(c.files[:2])}).")
        lines.append("")
    lines += ["Licence texts are in licenses/ beside this file.", "", "Components", "----------"]
    for c in components:
        shipped = c.shipped_under
        lic = shipped if shipped == c.licence else f"{shipped} (shipped under; offered: {c.licence})"
        lines.append(f"* {c.name} {c.version} [{c.kind}]: {lic}")
        if c.notes:
            lines.append(f"    {c.notes}")
        if c.files:
            more = f" and {len(c.files) - 3} more" if len(c.files) > 3 else ""
            lines.append(f"    {', '.join(c.files[:3])}{more}")
    return "\n".join(lines) + "\n"


LICENCE_FILE_NAMES = ("LICEN", "COPYING", "NOTICE", "AUTHORS")


def write_texts(components: list[Component], folder: Path, extra: dict[str, Path]) -> list[Path]:
    """Copy the licence texts into *folder*: each distribution's licence files from its metadata (or, when it
    ships none, its metadata's licence fields), and *extra* (file name → source). Returns what was written."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    by_name = {d.metadata["Name"]: d for d in metadata.distributions()}
    for c in components:
        dist = by_name.get(c.name) if c.kind == "python-distribution" else None
        if dist is None:
            continue
        target = folder / c.name
        target.mkdir(exist_ok=True)
        files = [f for f in dist.files or []
                 if ".dist-info" in str(f) and f.name.upper().startswith(LICENCE_FILE_NAMES)]
        for f in files:
            written.append(target / f.name)
            shutil.copyfile(str(dist.locate_file(f)), written[-1])
        if not files:
            meta = dist.metadata
            fields = [f"{k}: {_field(meta, k)}" for k in ("Name", "Version", "License-Expression", "License",
                                                          "Author", "Author-email", "Home-page") if _field(meta, k)]
            written.append(target / "METADATA-licence.txt")
            written[-1].write_text("The distribution ships no licence file; its metadata says:\n\n"
                                   + "\n".join(fields) + "\n", encoding="utf-8")
    for name, source in extra.items():
        written.append(folder / name)
        shutil.copyfile(source, written[-1])
    return written
