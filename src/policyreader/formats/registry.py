"""Every file format PolicyReader reads or writes, declared once.

A :class:`Format` states its name (the ``--format`` value), its kind (what the file holds), its
extensions (the first is the default), and the functions that read and write it, named as
``"module:function"`` inside :mod:`policyreader.formats` so that a heavy parser (python-docx, pdfminer,
Qt for PDF, genanki) loads only when its format is used. The CLI's ``--format`` choices, the window's
file filters and the error for an unknown extension are all generated from :data:`FORMATS`; adding a
format is one line here plus its module.

Readers take ``(data: bytes, name: str)``. Writers take the object to write and return its bytes,
except those marked ``to_path``, which write a file themselves (Qt's PDF writer, genanki).
"""

from __future__ import annotations

import importlib
import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from policyreader.core.errors import UserError


class Kind(StrEnum):
    """What a file holds."""

    DOCUMENT = "document"        # a text to read: Chinese (with or without its translation) or English
    TERMBASE = "termbase"        # glossary entries
    ANNOTATIONS = "annotations"  # the user's annotations
    QA_REPORT = "qa-report"      # terminology QA findings
    CONCORDANCE = "concordance"  # keyword-in-context lines
    BIBLIOGRAPHY = "bibliography"  # the glossary's sources, for reference managers
    CLAIMS = "claims"            # the claims summary of an English document


KIND_LABEL = {Kind.DOCUMENT: "Documents", Kind.TERMBASE: "Termbases", Kind.ANNOTATIONS: "Annotations",
              Kind.QA_REPORT: "QA reports", Kind.CONCORDANCE: "Concordances", Kind.BIBLIOGRAPHY: "Bibliographies",
              Kind.CLAIMS: "Claims summaries"}


@dataclass(frozen=True)
class Format:
    """One file format of one kind."""

    name: str
    kind: Kind
    label: str
    extensions: tuple[str, ...]
    reader: str = ""
    writer: str = ""
    to_path: bool = False  # the writer writes a file itself (binary formats)

    @property
    def readable(self) -> bool:
        return bool(self.reader)

    @property
    def writable(self) -> bool:
        return bool(self.writer)

    @property
    def extension(self) -> str:
        return self.extensions[0]

    def read_function(self) -> Callable[[bytes, str], Any]:
        if not self.reader:
            raise UserError(f"PolicyReader cannot read {self.label} files")
        return _load(self.reader)

    def write_function(self) -> Callable[..., Any]:
        if not self.writer:
            raise UserError(f"PolicyReader cannot write {self.label} files")
        return _load(self.writer)


def _load(ref: str) -> Callable[..., Any]:
    module, _, function = ref.partition(":")
    fn: Callable[..., Any] = getattr(importlib.import_module(f"policyreader.formats.{module}"), function)
    return fn


D, T, A, Q, C, B = Kind.DOCUMENT, Kind.TERMBASE, Kind.ANNOTATIONS, Kind.QA_REPORT, Kind.CONCORDANCE, Kind.BIBLIOGRAPHY
S = Kind.CLAIMS

FORMATS: tuple[Format, ...] = (
    # documents in; out, the library's aligned documents: English text, a bilingual Word table, TMX
    Format("txt", D, "Plain text", (".txt",), reader="text:read_txt",
           writer="segments_out:render_english_text"),
    Format("md", D, "Markdown", (".md", ".markdown"), reader="text:read_md"),
    Format("html", D, "HTML page", (".html", ".htm"), reader="html:read_html"),
    Format("docx", D, "Word document", (".docx",), reader="docx:read_docx",
           writer="segments_out:write_bilingual_docx", to_path=True),
    Format("pdf", D, "PDF", (".pdf",), reader="pdf:read_pdf"),
    Format("tmx", D, "TMX translation memory", (".tmx",), reader="tmx:read_tmx", writer="segments_out:render_tmx"),
    # termbases: the glossary with the user's annotations out, other people's termbases in
    Format("tbx", T, "TBX-Basic (TBX v2, martif) — memoQ, Trados", (".tbx",),
           reader="termbase.tbx:read_tbx", writer="termbase.tbx:render_tbx2"),
    Format("tbx-omegat", T, "TBX for OmegaT (renderings to avoid named, never offered)", (".tbx",),
           writer="termbase.tbx_omegat:render_tbx_omegat"),
    Format("tbx3", T, "TBX v3 (ISO 30042:2019)", (".tbx",), writer="termbase.tbx:render_tbx3"),
    Format("tsv", T, "OmegaT glossary (TSV)", (".tsv", ".txt"), reader="termbase.tabular:read_tsv",
           writer="termbase.tabular:render_tsv"),
    Format("csv", T, "CSV (memoQ, spreadsheets)", (".csv",), reader="termbase.tabular:read_csv",
           writer="termbase.tabular:render_csv"),
    Format("xlsx", T, "Excel termbase, one row per rendering (memoQ, Trados)", (".xlsx",),
           reader="termbase.xlsx:read_xlsx", writer="termbase.xlsx:write_xlsx", to_path=True),
    Format("md", T, "Markdown study glossary", (".md",), writer="termbase.study:render_markdown"),
    Format("html", T, "HTML study glossary", (".html",), writer="termbase.study:render_html"),
    Format("pdf", T, "PDF study glossary", (".pdf",), writer="termbase.pdf:write_pdf", to_path=True),
    Format("anki", T, "Anki deck (.apkg)", (".apkg",), writer="termbase.anki:write_apkg", to_path=True),
    Format("json", T, "JSON with annotations", (".json",), reader="termbase.jsonfile:read_json",
           writer="termbase.jsonfile:render_json"),
    # annotations
    Format("jsonld", A, "W3C Web Annotation (JSON-LD)", (".jsonld", ".json"), reader="annotations:read_jsonld",
           writer="annotations:render_jsonld"),
    Format("md", A, "Markdown", (".md",), writer="annotations:render_markdown"),
    Format("csv", A, "CSV", (".csv",), writer="annotations:render_csv"),
    # QA reports
    Format("text", Q, "Text (one finding a line)", (".txt",), writer="reports:render_qa_text"),
    Format("json", Q, "JSON", (".json",), writer="reports:render_qa_json"),
    Format("html", Q, "HTML", (".html",), writer="reports:render_qa_html"),
    Format("csv", Q, "CSV", (".csv",), writer="reports:render_qa_csv"),
    Format("xlsx", Q, "Excel workbook", (".xlsx",), writer="workbook:write_qa_xlsx", to_path=True),
    # concordances
    Format("csv", C, "CSV", (".csv",), writer="reports:render_concordance_csv"),
    # the glossary's bibliography
    Format("bibtex", B, "BibTeX", (".bib",), writer="bibliography:render_bibtex"),
    Format("csl-json", B, "CSL JSON (Zotero, citeproc)", (".json",), writer="bibliography:render_csl_json"),
    # claims summaries of English documents
    Format("md", S, "Markdown", (".md",), writer="claims:render_claims_markdown"),
    Format("html", S, "HTML", (".html",), writer="claims:render_claims_html"),
    Format("json", S, "JSON", (".json",), writer="claims:render_claims_json"),
)


def formats(kind: Kind, *, readable: bool = False, writable: bool = False) -> list[Format]:
    """The formats of *kind*, in declaration order; only readable/writable ones when asked."""
    return [f for f in FORMATS if f.kind == kind and (not readable or f.readable) and (not writable or f.writable)]


def names(kind: Kind, *, readable: bool = False, writable: bool = False) -> list[str]:
    """``--format`` choices."""
    return [f.name for f in formats(kind, readable=readable, writable=writable)]


def by_name(kind: Kind, name: str, purpose: str = "") -> Format:
    """The format *name* of *kind*; *purpose* ("export", "import") names it in the error."""
    for f in formats(kind):
        if f.name == name:
            return f
    raise UnknownFormat(f"unknown {purpose or kind.value} format {name!r}; choose one of: {', '.join(names(kind))}")


def extensions(kind: Kind, *, readable: bool = True) -> list[str]:
    """Every extension the readable (or writable) formats of *kind* claim, without duplicates."""
    chosen = formats(kind, readable=readable, writable=not readable)
    return list(dict.fromkeys(e for f in chosen for e in f.extensions))


def for_path(kind: Kind, path: str | Path) -> Format:
    """The readable format of *kind* a file's extension names; a UserError that lists them otherwise."""
    suffix = Path(path).suffix.lower()
    for f in formats(kind, readable=True):
        if suffix in f.extensions:
            return f
    from policyreader.formats.base import ImportFailure

    what, verb = _UNSUPPORTED.get(kind, (f"{kind.value} file", "reads"))
    raise ImportFailure(f"unsupported {what} type '{suffix or '(no extension)'}'; PolicyReader {verb} "
                        f"{', '.join(extensions(kind))} — save the file in one of these formats", str(path))


_UNSUPPORTED = {Kind.DOCUMENT: ("file", "imports"), Kind.TERMBASE: ("glossary file", "reads"),
                Kind.ANNOTATIONS: ("annotation file", "reads")}


class UnknownFormat(UserError, ValueError):
    """A ``--format`` name that is not in the registry."""


class BinaryFormat(UserError, ValueError):
    """A binary format asked for as text (for standard output)."""


def file_filter(kind: Kind, *, readable: bool = True) -> str:
    """A file-dialog filter: all formats of *kind* together, then each one, then all files."""
    chosen = formats(kind, readable=readable, writable=not readable)
    parts = [f"{KIND_LABEL[kind]} ({' '.join('*' + e for e in extensions(kind, readable=readable))})"]
    parts += [f"{f.label} ({' '.join('*' + e for e in f.extensions)})" for f in chosen]
    return ";;".join([*parts, "All files (*)"])


def default_file_name(fmt: Format, stem: str) -> str:
    return stem + fmt.extension


def write_file(fmt: Format, obj: Any, path: Path) -> None:
    """Write *obj* to *path* in *fmt*, atomically.

    The file is written next to *path* under a temporary name and moved into place when complete, so
    a failed export never leaves a truncated file (or destroys an earlier export).
    """
    writer = fmt.write_function()
    path = Path(path)
    if not path.parent.is_dir():
        raise UserError(f"{path}: the folder {path.parent} does not exist; create it or choose another place")
    # A fresh name rather than mkstemp(), whose 0600 mode would be kept by the finished file.
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        if fmt.to_path:
            writer(obj, tmp)
        else:
            tmp.write_bytes(writer(obj))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def render(fmt: Format, obj: Any) -> bytes:
    """The bytes of a text format (every writer that does not write a file itself)."""
    if fmt.to_path:
        raise BinaryFormat(f"--format {fmt.name} writes a binary file: give -o FILE (it is a binary format)")
    data: bytes = fmt.write_function()(obj)
    return data


def described(kinds: Iterable[Kind] = tuple(Kind)) -> list[dict[str, Any]]:
    """The table as data (for documentation checks and ``--help`` texts)."""
    return [{"name": f.name, "kind": f.kind.value, "label": f.label, "extensions": list(f.extensions),
             "read": f.readable, "write": f.writable} for f in FORMATS if f.kind in kinds]
