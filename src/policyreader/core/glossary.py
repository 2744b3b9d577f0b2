"""The glossary schema: entries, renderings, sources, examples, and the validator.

This module is the one place that knows what a glossary entry looks like. Bundled entries are TOML
files in ``glossary/entries/`` with a ``glossary/bibliography.toml``; user entries (stored in SQLite)
use the same dataclasses. Validation reports every problem as ``file:line: field: message``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from policyreader.core.cjk import has_han
from policyreader.core.model import Status

STATUSES = tuple(Status)
DOMAINS = ("core", "moral", "finance", "judicial", "regulation", "lists", "institution", "platform",
           "campaign", "market", "legal", "rights", "scoring", "policy", "user")
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class SourceRef:
    """A citation of a bibliography source, optionally with a page/article locator or deep URL."""

    id: str
    locator: str = ""
    url: str = ""


@dataclass
class Rendering:
    """One English rendering of a term, with its status and who uses it."""

    text: str
    status: str
    used_by: str = ""
    sources: list[SourceRef] = field(default_factory=list)
    ours: str = ""


@dataclass
class Example:
    """A usage example from the bundled corpus."""

    doc: str
    location: str
    zh: str
    en: str


@dataclass
class GlossaryEntry:
    """A glossary entry: a term, its forms and readings, renderings, dispute note and examples."""

    id: str
    term: str
    traditional: str = ""
    pinyin: str = ""
    gloss: str = ""
    variants: list[str] = field(default_factory=list)
    #: longer strings that contain a form of the term but are not the term (信用分类 holds 信用分 "credit
    #: score" but means 信用 + 分类, "classification"): nothing is linked there
    excludes: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    dispute: str = ""
    notes: str = ""
    pinyin_override: str = ""
    renderings: list[Rendering] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)
    origin: str = "bundled"  # "bundled" | "user"
    path: str = ""

    def forms(self) -> list[str]:
        """Every written form of the term that should be linked in a text (deduplicated)."""
        out: list[str] = []
        for f in [self.term, self.traditional, *self.variants]:
            if f and f not in out:
                out.append(f)
        return out

    def preferred(self) -> Rendering | None:
        """The preferred rendering, if any."""
        return next((r for r in self.renderings if r.status == Status.PREFERRED), None)

    def to_json(self) -> dict[str, Any]:
        """The glossary JSON shape (``policyreader glossary export --format json``)."""
        return {
            "id": self.id,
            "term": self.term,
            "traditional": self.traditional,
            "pinyin": self.pinyin,
            "gloss": self.gloss,
            "variants": list(self.variants),
            **({"excludes": list(self.excludes)} if self.excludes else {}),
            "renderings": [
                {"text": r.text, "status": r.status, "used_by": r.used_by,
                 "sources": [{k: v for k, v in asdict(s).items() if v} for s in r.sources],
                 **({"ours": r.ours} if r.ours else {})}
                for r in self.renderings
            ],
            "dispute": self.dispute,
            "notes": self.notes,
            "related": list(self.related),
            "domains": list(self.domains),
            "examples": [asdict(e) for e in self.examples],
            "origin": self.origin,
        }


@dataclass
class BibSource:
    """A bibliography source."""

    id: str
    author: str = ""
    title: str = ""
    publisher: str = ""
    year: int | None = None
    url: str = ""
    note: str = ""


@dataclass
class Glossary:
    """All entries (by id) and the bibliography (by id)."""

    entries: dict[str, GlossaryEntry] = field(default_factory=dict)
    sources: dict[str, BibSource] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.entries)

    def exclusions(self) -> dict[str, list[tuple[int, str]]]:
        """For each form, where it must not be linked: (its offset in a longer string, that string)."""
        out: dict[str, list[tuple[int, str]]] = {}
        for e in self.entries.values():
            for x in e.excludes:
                for f in e.forms():
                    at = x.find(f)
                    while at >= 0:
                        out.setdefault(f, []).append((at, x))
                        at = x.find(f, at + 1)
        return out

    def by_form(self) -> dict[str, str]:
        """Map every written form to its entry id (user entries win over bundled ones)."""
        out: dict[str, str] = {}
        for e in sorted(self.entries.values(), key=lambda e: e.origin == "user"):
            for f in e.forms():
                out[f] = e.id
        return out


@dataclass(frozen=True)
class Problem:
    """One validation problem, printed as ``file:line: field: message``."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class GlossaryError(Exception):
    """The glossary could not be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _LineIndex:
    """Finds the line of a key inside a TOML file, including keys of ``[[array]]`` tables."""

    def __init__(self, text: str):
        self._keys: dict[tuple[str, int, str], int] = {}
        self._tables: dict[tuple[str, int], int] = {}
        counts: dict[str, int] = {}
        table, index = "", 0
        for lineno, line in enumerate(text.splitlines(), start=1):
            s = line.strip()
            m = re.match(r"^\[\[\s*([A-Za-z_]+)\s*\]\]", s)
            if m:
                table = m.group(1)
                index = counts.get(table, 0)
                counts[table] = index + 1
                self._tables[(table, index)] = lineno
                continue
            m = re.match(r"^([A-Za-z_]+)\s*=", s)
            if m:
                self._keys.setdefault((table, index, m.group(1)), lineno)

    def line(self, key: str, table: str = "", index: int = 0) -> int:
        if (table, index, key) in self._keys:
            return self._keys[(table, index, key)]
        if table:
            return self._tables.get((table, index), 1)
        return 1


def _str_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return []


def _entry_from_dict(data: Mapping[str, Any], origin: str = "bundled", path: str = "") -> GlossaryEntry:
    """Build an entry from a mapping (a parsed TOML file or JSON object); unknown keys are ignored."""
    renderings = []
    for r in data.get("renderings", []) or []:
        if not isinstance(r, Mapping):
            continue
        sources = []
        for s in r.get("sources", []) or []:
            if isinstance(s, Mapping):
                sources.append(SourceRef(str(s.get("id", "")), str(s.get("locator", "")), str(s.get("url", ""))))
            else:
                sources.append(SourceRef(str(s)))
        renderings.append(Rendering(str(r.get("text", "")), str(r.get("status", "")), str(r.get("used_by", "")),
                                    sources, str(r.get("ours", ""))))
    examples = [Example(str(x.get("doc", "")), str(x.get("location", "")), str(x.get("zh", "")), str(x.get("en", "")))
                for x in data.get("examples", []) or [] if isinstance(x, Mapping)]
    return GlossaryEntry(
        id=str(data.get("id", "")), term=str(data.get("term", "")), traditional=str(data.get("traditional", "")),
        pinyin=str(data.get("pinyin", "")), gloss=str(data.get("gloss", "")),
        variants=_str_list(data.get("variants")), excludes=_str_list(data.get("excludes")),
        domains=_str_list(data.get("domains")),
        related=_str_list(data.get("related")), dispute=str(data.get("dispute", "")).strip(),
        notes=str(data.get("notes", "")).strip(), pinyin_override=str(data.get("pinyin_override", "")),
        renderings=renderings, examples=examples, origin=origin, path=path)


entry_from_dict = _entry_from_dict


def _toml_error_line(exc: tomllib.TOMLDecodeError) -> int:
    m = re.search(r"line (\d+)", str(exc))
    return int(m.group(1)) if m else 1


def load_bibliography(path: Path, problems: list[Problem]) -> dict[str, BibSource]:
    """Read the bibliography, appending any problem found to *problems*."""
    name = path.name
    if not path.exists():
        problems.append(Problem(name, 1, "bibliography", "file is missing"))
        return {}
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(name, _toml_error_line(exc), "toml", f"syntax error: {exc}"))
        return {}
    lines = _LineIndex(text)
    sources: dict[str, BibSource] = {}
    for i, s in enumerate(data.get("source", [])):
        sid = str(s.get("id", ""))
        line = lines.line("id", "source", i)
        if not sid:
            problems.append(Problem(name, line, "id", "source has no id"))
            continue
        if sid in sources:
            problems.append(Problem(name, line, "id", f"duplicate source id {sid!r}"))
        for req in ("author", "title"):
            if not s.get(req):
                problems.append(Problem(name, line, req, f"source {sid!r} needs a {req}"))
        if not s.get("url") and not s.get("publisher"):
            problems.append(Problem(name, line, "url", f"source {sid!r} needs a url or a publisher"))
        year = s.get("year")
        sources[sid] = BibSource(sid, str(s.get("author", "")), str(s.get("title", "")),
                                 str(s.get("publisher", "")), year if isinstance(year, int) else None,
                                 str(s.get("url", "")), str(s.get("note", "")))
    return sources


BUNDLED_SOURCE_PREFIX = "doc-"


def is_external_source(source_id: str) -> bool:
    """True for a source other than a bundled Chinese text (``doc-<document id>``).

    A bundled text attests the Chinese term, not an English rendering; every other source is an
    external attestation, whose claim must carry a locator quoting the words where it appears.
    """
    return not source_id.startswith(BUNDLED_SOURCE_PREFIX)


PinyinFn = Callable[[str], str]


def normalise_pinyin(p: str) -> str:
    """Lower-case pinyin with separators removed, for comparing readings (ü kept; tone marks kept)."""
    p = unicodedata.normalize("NFC", p.lower())
    return re.sub(r"[\s'’\-·,，、]", "", p)


def _check_entry(entry: GlossaryEntry, lines: _LineIndex, name: str, problems: list[Problem],
                 pinyin_fn: PinyinFn | None) -> None:
    def add(fld: str, msg: str, table: str = "", index: int = 0, key: str | None = None) -> None:
        problems.append(Problem(name, lines.line(key or fld.split(".")[-1].split("[")[0], table, index), fld, msg))

    if not entry.id:
        add("id", "missing required field")
    elif not _ID_RE.match(entry.id):
        add("id", f"{entry.id!r} is not a slug (lowercase letters, digits and hyphens)")
    elif name.endswith(".toml") and Path(name).stem != entry.id:
        add("id", f"id {entry.id!r} does not match the file name {name!r}")
    if not entry.term:
        add("term", "missing required field")
    elif not has_han(entry.term):
        add("term", f"{entry.term!r} contains no Chinese characters")
    if not entry.traditional:
        add("traditional", "missing required field")
    for i, x in enumerate(entry.excludes):
        if not any(f in x and f != x for f in entry.forms()):
            add(f"excludes[{i}]", f"{x!r} does not contain a form of the term (an exclusion is a longer string "
                "that holds the term but is not it)", key="excludes")
    if not entry.pinyin:
        add("pinyin", "missing required field")
    elif re.search(r"[1-5]", entry.pinyin):
        add("pinyin", "use tone marks, not tone numbers")
    elif pinyin_fn is not None and entry.term and not entry.pinyin_override:
        expected = pinyin_fn(entry.term)
        if normalise_pinyin(expected) != normalise_pinyin(entry.pinyin):
            add("pinyin", f"{entry.pinyin!r} differs from pypinyin {expected!r}; fix it or set pinyin_override")
    if not entry.gloss:
        add("gloss", "missing required field")
    if not entry.domains:
        add("domains", "at least one domain is required")
    for d in entry.domains:
        if d not in DOMAINS:
            add("domains", f"unknown domain {d!r} (one of: {', '.join(DOMAINS)})")
    if not entry.renderings:
        add("renderings", "at least one rendering is required", key="renderings")
    n_pref = 0
    for i, r in enumerate(entry.renderings):
        if not r.text:
            add(f"renderings[{i}].text", "missing required field", "renderings", i, "text")
        if r.status not in STATUSES:
            add(f"renderings[{i}].status", f"{r.status!r} is not one of {', '.join(STATUSES)}",
                "renderings", i, "status")
        n_pref += r.status == Status.PREFERRED
        if not r.sources and not r.ours:
            add(f"renderings[{i}].sources", f"rendering {r.text!r} needs a source, or 'ours' with a reason",
                "renderings", i, "sources")
        if not r.used_by:
            add(f"renderings[{i}].used_by", f"say who uses {r.text!r}", "renderings", i, "used_by")
    if entry.renderings and n_pref != 1:
        add("renderings", f"exactly one rendering must be preferred (found {n_pref})", key="renderings")
    disputed = len(entry.renderings) >= 2 or any(r.status in (Status.CONTESTED, Status.AVOID) for r in entry.renderings)
    if disputed and not entry.dispute:
        add("dispute", "required when there are two or more renderings or a contested/avoid one")
    if entry.id in entry.related:
        add("related", "an entry cannot be related to itself")


def validate_entries(entries: list[GlossaryEntry], texts: Mapping[str, str], sources: Mapping[str, BibSource],
                     corpus: Mapping[str, str] | None, pinyin_fn: PinyinFn | None) -> list[Problem]:
    """Check entries (already parsed) for schema, cross-reference, pinyin and example problems.

    *texts* maps an entry's file name to its TOML text (for line numbers); *corpus* maps a
    document id to its Chinese text (examples must occur verbatim in it).
    """
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    forms: dict[str, str] = {}
    for e in entries:
        name = e.path or f"{e.id}.toml"
        lines = _LineIndex(texts.get(name, ""))
        _check_entry(e, lines, name, problems, pinyin_fn)
        if e.id in ids:
            problems.append(Problem(name, lines.line("id"), "id", f"duplicate id {e.id!r} (also in {ids[e.id]})"))
        ids.setdefault(e.id, name)
        for f in e.forms():
            if f in forms and forms[f] != e.id:
                problems.append(Problem(name, lines.line("term"), "term",
                                        f"form {f!r} is also a form of entry {forms[f]!r}"))
            forms.setdefault(f, e.id)
    for e in entries:
        name = e.path or f"{e.id}.toml"
        lines = _LineIndex(texts.get(name, ""))
        for rel in e.related:
            if rel not in ids:
                problems.append(Problem(name, lines.line("related"), "related", f"unknown entry id {rel!r}"))
        for i, r in enumerate(e.renderings):
            for j, s in enumerate(r.sources):
                if s.id not in sources:
                    problems.append(Problem(name, lines.line("sources", "renderings", i),
                                            f"renderings[{i}].sources", f"unknown source id {s.id!r}"))
                if is_external_source(s.id) and not s.locator.strip():
                    problems.append(Problem(name, lines.line("sources", "renderings", i),
                                            f"renderings[{i}].sources[{j}].locator",
                                            f"claim on external source {s.id!r} needs a locator quoting "
                                            "the words where the rendering appears"))
        for i, x in enumerate(e.examples):
            line = lines.line("zh", "examples", i)
            if corpus is None:
                continue
            if x.doc not in corpus:
                problems.append(Problem(name, lines.line("doc", "examples", i), f"examples[{i}].doc",
                                        f"unknown document {x.doc!r}"))
            elif not x.zh or x.zh not in corpus[x.doc]:
                problems.append(Problem(name, line, f"examples[{i}].zh",
                                        f"sentence not found verbatim in {x.doc}"))
            elif not any(f in x.zh for f in e.forms()):
                problems.append(Problem(name, line, f"examples[{i}].zh", f"example does not contain {e.term!r}"))
            if not x.en:
                problems.append(Problem(name, lines.line("en", "examples", i), f"examples[{i}].en",
                                        "missing our English"))
    return problems


def read_glossary_dir(directory: Path) -> tuple[list[GlossaryEntry], dict[str, str], dict[str, BibSource],
                                                  list[Problem]]:
    """Parse every entry file and the bibliography; return entries, texts, sources and parse problems."""
    problems: list[Problem] = []
    if not directory.is_dir():
        raise GlossaryError([Problem(str(directory), 1, "glossary", "not a directory")])
    entry_dir = directory / "entries" if (directory / "entries").is_dir() else directory
    entries: list[GlossaryEntry] = []
    texts: dict[str, str] = {}
    for path in sorted(entry_dir.glob("*.toml")):
        if path.name == "bibliography.toml":
            continue
        name = path.name
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(name, 1, "encoding", f"not UTF-8 ({exc.reason} at byte {exc.start})"))
            continue
        texts[name] = text
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            problems.append(Problem(name, _toml_error_line(exc), "toml", f"syntax error: {exc}"))
            continue
        entries.append(_entry_from_dict(data, "bundled", name))
    sources = load_bibliography(directory / "bibliography.toml", problems)
    return entries, texts, sources, problems


def validate_glossary(directory: Path, corpus: Mapping[str, str] | None = None,
                      pinyin_fn: PinyinFn | None = None) -> list[Problem]:
    """Every problem in a glossary directory, in file order."""
    entries, texts, sources, problems = read_glossary_dir(directory)
    problems += validate_entries(entries, texts, sources, corpus, pinyin_fn)
    return sorted(problems, key=lambda p: (p.file, p.line))


def glossary_fingerprint(directory: Path) -> str:
    """Names, sizes and modification times of every glossary file: changes when any file does."""
    parts = []
    for p in sorted(directory.rglob("*.toml")):
        st = p.stat()
        parts.append(f"{p.relative_to(directory)}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def glossary_to_json(g: Glossary) -> dict[str, Any]:
    return {"entries": [{**e.to_json(), "path": e.path, "pinyin_override": e.pinyin_override}
                        for e in g.entries.values()],
            "sources": [asdict(s) for s in g.sources.values()]}


def glossary_from_json(data: Mapping[str, Any]) -> Glossary:
    entries = {}
    for d in data["entries"]:
        e = _entry_from_dict(d, d.get("origin", "bundled"), d.get("path", ""))
        entries[e.id] = e
    return Glossary(entries, {s["id"]: BibSource(**s) for s in data["sources"]})


def load_glossary(directory: Path, extra: Iterable[GlossaryEntry] = ()) -> Glossary:
    """Load a glossary directory (raising GlossaryError on parse errors) and merge *extra* entries.

    Extra (user) entries with the id of a bundled entry override it.
    """
    entries, _texts, sources, problems = read_glossary_dir(directory)
    if problems:
        raise GlossaryError(problems)
    g = Glossary({e.id: e for e in entries}, sources)
    for e in extra:
        g.entries[e.id] = e
    return g
