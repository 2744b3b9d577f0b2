"""How the window names the values the library stores: rendering statuses, domains, QA kinds and
severities, languages, annotation colours, file formats. The values themselves (``contested``,
``term-missing``, ``tbx``) stay as they are in the data, the CLI and the exports; only what a person reads
goes through :func:`~policyreader.gui.i18n.tr`. In English a label is the value itself wherever the
window showed the value before, so English users see what they always saw.

Every label is looked up when it is shown, never at import time (the translator is installed after the
modules are imported).
"""

from __future__ import annotations

from policyreader.gui.i18n import tr
from policyreader.services.formats import Format, Kind, extensions, formats


def status_label(status: str) -> str:
    """A rendering's status (preferred, accepted, contested, avoid)."""
    labels = {"preferred": tr("preferred"), "accepted": tr("accepted"), "contested": tr("contested"),
              "avoid": tr("avoid")}
    return labels.get(str(status), str(status))


def domain_label(domain: str) -> str:
    """A glossary domain (core, finance, judicial …)."""
    labels = {"core": tr("core"), "moral": tr("moral"), "finance": tr("finance"), "judicial": tr("judicial"),
              "regulation": tr("regulation"), "lists": tr("lists"), "institution": tr("institution"),
              "platform": tr("platform"), "campaign": tr("campaign"), "market": tr("market"),
              "legal": tr("legal"), "rights": tr("rights"), "scoring": tr("scoring"), "policy": tr("policy"),
              "user": tr("user")}
    return labels.get(domain, domain)


def side_label(side: str) -> str:
    """A segment's side, as a search result or an annotation names it ("zh", "en")."""
    return {"zh": tr("zh"), "en": tr("en")}.get(side, side)


def severity_label(severity: str) -> str:
    """One severity (error, warning), as a saved check names it."""
    return {"error": tr("error"), "warning": tr("warning"), "info": tr("info")}.get(str(severity), str(severity))


def severity_group(severity: str) -> str:
    """The heading of a group of QA findings of one severity."""
    return {"error": tr("Errors"), "warning": tr("Warnings"), "info": tr("Notes")}.get(str(severity),
                                                                                        str(severity))


def kind_label(kind: str) -> str:
    """A QA finding's kind, as the QA pane's Kind column shows it."""
    labels = {"term-missing": tr("term-missing"), "term-contested": tr("term-contested"),
              "term-avoid": tr("term-avoid"), "number": tr("number"), "article-number": tr("article-number"),
              "untranslated": tr("untranslated"), "identical": tr("identical"),
              "inconsistent-target": tr("inconsistent-target"), "inconsistent-source": tr("inconsistent-source"),
              "user-check": tr("user-check")}
    return labels.get(str(kind), str(kind))


def colour_label(colour: str) -> str:
    """An annotation colour's name."""
    labels = {"yellow": tr("yellow"), "green": tr("green"), "blue": tr("blue"), "pink": tr("pink"),
              "orange": tr("orange")}
    return labels.get(colour, colour)


# -- file formats ---------------------------------------------------------------------------------

def format_labels() -> dict[tuple[str, str], str]:
    """(kind, name) → the format's label in the interface language (the registry's, translated)."""
    d, t, a, q = Kind.DOCUMENT, Kind.TERMBASE, Kind.ANNOTATIONS, Kind.QA_REPORT
    c, b, s = Kind.CONCORDANCE, Kind.BIBLIOGRAPHY, Kind.CLAIMS
    return {
        (d, "txt"): tr("Plain text"), (d, "md"): tr("Markdown"), (d, "html"): tr("HTML page"),
        (d, "docx"): tr("Word document"), (d, "pdf"): tr("PDF"), (d, "tmx"): tr("TMX translation memory"),
        (t, "tbx"): tr("TBX-Basic (TBX v2, martif) — memoQ, Trados"),
        (t, "tbx-omegat"): tr("TBX for OmegaT (renderings to avoid named, never offered)"),
        (t, "tbx3"): tr("TBX v3 (ISO 30042:2019)"), (t, "tsv"): tr("OmegaT glossary (TSV)"),
        (t, "csv"): tr("CSV (memoQ, spreadsheets)"),
        (t, "xlsx"): tr("Excel termbase, one row per rendering (memoQ, Trados)"),
        (t, "md"): tr("Markdown study glossary"), (t, "html"): tr("HTML study glossary"),
        (t, "pdf"): tr("PDF study glossary"), (t, "anki"): tr("Anki deck (.apkg)"),
        (t, "json"): tr("JSON with annotations"),
        (a, "jsonld"): tr("W3C Web Annotation (JSON-LD)"), (a, "md"): tr("Markdown"), (a, "csv"): tr("CSV"),
        (q, "text"): tr("Text (one finding a line)"), (q, "json"): tr("JSON"), (q, "html"): tr("HTML"),
        (q, "csv"): tr("CSV"), (q, "xlsx"): tr("Excel workbook"),
        (c, "csv"): tr("CSV"),
        (b, "bibtex"): tr("BibTeX"), (b, "csl-json"): tr("CSL JSON (Zotero, citeproc)"),
        (s, "md"): tr("Markdown"), (s, "html"): tr("HTML"), (s, "json"): tr("JSON"),
    }


def format_label(fmt: Format) -> str:
    """A format's label in the interface language (the registry's own for a format not listed here)."""
    return format_labels().get((fmt.kind, fmt.name), fmt.label)


def kind_files(kind: Kind) -> str:
    """What files of one kind are called in a file dialog's first filter."""
    labels = {Kind.DOCUMENT: tr("Documents"), Kind.TERMBASE: tr("Termbases"), Kind.ANNOTATIONS: tr("Annotations"),
              Kind.QA_REPORT: tr("QA reports"), Kind.CONCORDANCE: tr("Concordances"),
              Kind.BIBLIOGRAPHY: tr("Bibliographies"), Kind.CLAIMS: tr("Claims summaries")}
    return labels[kind]


def format_filter(fmt: Format) -> str:
    """One format's entry of a file dialog's filter: ``Label (*.ext …)``."""
    return f"{format_label(fmt)} ({' '.join('*' + e for e in fmt.extensions)})"


def file_filter(kind: Kind, *, readable: bool = True) -> str:
    """A file-dialog filter in the interface language: all formats of *kind* together, then each one, then
    all files (the registry's :func:`~policyreader.services.formats.file_filter`, translated)."""
    chosen = formats(kind, readable=readable, writable=not readable)
    parts = [f"{kind_files(kind)} ({' '.join('*' + e for e in extensions(kind, readable=readable))})"]
    parts += [format_filter(f) for f in chosen]
    return ";;".join([*parts, tr("All files (*)")])


def chosen_format(chosen_filter: str, candidates: list[Format]) -> Format | None:
    """The format whose entry of a file dialog's filter the user chose, if any."""
    return next((f for f in candidates if chosen_filter == format_filter(f)), None)
