"""Translation QA and corpus evidence as use cases: check a library document or two files against the
glossary, remember findings the user accepted, and count which renderings the corpus really uses."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from policyreader.core.evidence import rendering_usage
from policyreader.core.model import SEVERITY_ORDER, Severity, now
from policyreader.core.qa import Finding, QASegment, TerminologyChecker
from policyreader.services.errors import UserError
from policyreader.services.library import Library


def finding_key(f: Finding) -> str:
    """A stable key for remembering that a finding was accepted."""
    return f"{f.segment}|{f.kind}|{f.entry}|{f.found}"


def finding_json(f: Finding, accepted: bool = False) -> dict[str, Any]:
    d = asdict(f)
    d["accepted"] = accepted
    return d


class QAService:
    def __init__(self, library: Library):
        self.library = library
        self.engine = library.engine
        self._checker: TerminologyChecker | None = None

    @property
    def checker(self) -> TerminologyChecker:
        if self._checker is None:
            self._checker = TerminologyChecker(self.engine.glossary.entries, self.engine.matcher)
        return self._checker

    # -- checking -----------------------------------------------------------------------------
    def check_doc(self, doc: str, include_accepted: bool = True) -> list[tuple[Finding, bool]]:
        """Findings for a library document, errors first, each with whether the user accepted it."""
        self.library.get(doc)
        segs = [QASegment(s.idx, s.zh, s.en) for s in self.library.repo.segments(doc)]
        accepted = self.accepted(doc)
        out = [(f, finding_key(f) in accepted) for f in self.checker.check(segs)]
        if not include_accepted:
            out = [x for x in out if not x[1]]
        return sorted(out, key=lambda x: (SEVERITY_ORDER.get(x[0].severity, 3), x[0].segment))

    def check_files(self, source: Path, translation: Path) -> tuple[list[dict[str, Any]], list[Finding]]:
        """Align two files and check them; nothing is written to the library.

        Returns the aligned segments (as ``show`` gives them) and the findings.
        """
        src = self.library.read_file(source)
        tr = self.library.read_file(translation)
        zh = [p.text for p in src.paragraphs]
        en = [p.text for p in tr.paragraphs]
        if not zh:
            raise UserError(f"{source}: no text found")
        links = self.library.aligner().align(zh, en)
        pairs = [("\n".join(zh[j] for j in lk.zh), "\n".join(en[j] for j in lk.en)) for lk in links]
        segments: list[dict[str, Any]] = [{"id": i, "zh": z, "en": e} for i, (z, e) in enumerate(pairs)]
        findings = self.checker.check([QASegment(i, z, e) for i, (z, e) in enumerate(pairs)])
        return segments, sorted(findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 3), f.segment))

    # -- accepted findings --------------------------------------------------------------------
    def accepted(self, doc: str) -> set[str]:
        return {r[0] for r in self.library.repo.db.execute("SELECT key FROM qa_accepted WHERE doc_id = ?", [doc])}

    def set_accepted(self, doc: str, finding: Finding, accepted: bool) -> None:
        db = self.library.repo.db
        with db.atomic():
            if accepted:
                db.table("qa_accepted").upsert({"doc_id": doc, "key": finding_key(finding), "accepted": now()},
                                               pk=("doc_id", "key"))
            else:
                db.execute("DELETE FROM qa_accepted WHERE doc_id = ? AND key = ?", [doc, finding_key(finding)])

    # -- reports ------------------------------------------------------------------------------
    @staticmethod
    def report(findings: list[tuple[Finding, bool]], fmt: str, title: str = "") -> str:
        if fmt == "json":
            return json.dumps([finding_json(f, a) for f, a in findings], ensure_ascii=False, indent=2) + "\n"
        if fmt == "csv":
            buf = io.StringIO()
            w = csv.writer(buf)
            cols = ["segment", "kind", "severity", "term", "entry", "found", "expected", "message", "accepted"]
            w.writerow(cols)
            for f, a in findings:
                d = finding_json(f, a)
                w.writerow([d[c] for c in cols])
            return buf.getvalue()
        if fmt == "html":
            rows = "".join(
                f"<tr class='{html.escape(f.severity)}'><td>{f.segment}</td><td>{html.escape(f.severity)}</td>"
                f"<td>{html.escape(f.kind)}</td><td lang='zh'>{html.escape(f.term)}</td>"
                f"<td>{html.escape(f.found)}</td><td>{html.escape(f.expected)}</td>"
                f"<td>{html.escape(f.message)}</td><td>{'accepted' if a else ''}</td></tr>" for f, a in findings)
            n_err = sum(1 for f, a in findings if f.severity == Severity.ERROR and not a)
            return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>QA report</title><style>"
                    "body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                    "padding:3px 6px;vertical-align:top}.error td:nth-child(2){color:#c62828;font-weight:bold}"
                    ".warning td:nth-child(2){color:#e67e00}</style></head><body>"
                    f"<h1>Terminology QA: {html.escape(title)}</h1><p>{len(findings)} findings, {n_err} open errors."
                    "</p><table><tr><th>Segment</th><th>Severity</th><th>Kind</th><th>Term</th><th>Found</th>"
                    f"<th>Expected</th><th>Message</th><th></th></tr>{rows}</table></body></html>\n")
        raise UserError(f"unknown QA report format {fmt!r} (json, html or csv)")

    # -- corpus evidence ----------------------------------------------------------------------
    def evidence(self, term: str) -> dict[str, Any]:
        """Which renderings of the entry appear in the aligned English, by document and by year."""
        from policyreader.services.workbench import GlossaryWorkbench

        entry = GlossaryWorkbench(self.library).resolve(term)
        occurrences = []
        for d in self.library.documents():
            year = _year(d.metadata.get("date", "") or d.id)
            for s in self.library.repo.segments(d.id):
                if s.en and any(eid == entry.id for _a, _b, eid in s.terms):
                    occurrences.append((d.id, year, s.zh, s.en))
        return rendering_usage(entry, occurrences).to_json()


def _year(text: str) -> int:
    m = re.search(r"(19|20)\d\d", text)
    return int(m.group(0)) if m else 0
