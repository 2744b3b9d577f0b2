"""Reports out: terminology QA findings (text, JSON, HTML, CSV) and concordance lines (CSV).

A QA report is written from ``(title, [(finding, accepted), …])``; a concordance from its lines.
"""

from __future__ import annotations

import html
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from policyreader.core.model import ConcordanceLine, Severity
from policyreader.core.qa import Finding
from policyreader.formats.spreadsheet import SafeWriter


@dataclass(frozen=True)
class QAReport:
    """What a QA report shows: a title and each finding with whether the user accepted it."""

    title: str
    findings: Sequence[tuple[Finding, bool]]

    @property
    def open_errors(self) -> int:
        return sum(1 for f, a in self.findings if f.severity == Severity.ERROR and not a)


QA_COLUMNS = ["segment", "kind", "severity", "term", "entry", "found", "expected", "message", "accepted"]


def finding_json(f: Finding, accepted: bool = False) -> dict[str, Any]:
    """A finding as JSON; ``doc`` first, and only when findings of several documents are listed together."""
    d = asdict(f)
    doc = d.pop("doc")
    d["accepted"] = accepted
    return {"doc": doc, **d} if doc else d


def columns(report: QAReport) -> list[str]:
    """The report's columns: ``doc`` first when it lists findings of several documents."""
    return (["doc"] if any(f.doc for f, _a in report.findings) else []) + QA_COLUMNS


def render_qa_text(report: QAReport) -> bytes:
    return "".join(f"{f.doc}#{f.segment}\t{f.severity}\t{f.kind}\t{f.term}\t{f.message}"
                   f"{' (accepted)' if a else ''}\n" for f, a in report.findings).encode("utf-8")


def render_qa_json(report: QAReport) -> bytes:
    return (json.dumps([finding_json(f, a) for f, a in report.findings], ensure_ascii=False, indent=2)
            + "\n").encode("utf-8")


def render_qa_csv(report: QAReport) -> bytes:
    buf = io.StringIO()
    w = SafeWriter(buf)
    header = columns(report)
    w.writerow(header)
    for f, a in report.findings:
        d = finding_json(f, a)
        w.writerow([d.get(c, "") for c in header])
    return buf.getvalue().encode("utf-8")


def render_qa_html(report: QAReport) -> bytes:
    rows = "".join(
        f"<tr class='{html.escape(f.severity)}'><td>{html.escape(f.doc + ' ' if f.doc else '')}{f.segment}</td>"
        f"<td>{html.escape(f.severity)}</td>"
        f"<td>{html.escape(f.kind)}</td><td lang='zh'>{html.escape(f.term)}</td>"
        f"<td>{html.escape(f.found)}</td><td>{html.escape(f.expected)}</td>"
        f"<td>{html.escape(f.message)}</td><td>{'accepted' if a else ''}</td></tr>" for f, a in report.findings)
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>QA report</title><style>"
            "body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
            "padding:3px 6px;vertical-align:top}.error td:nth-child(2){color:#c62828;font-weight:bold}"
            ".warning td:nth-child(2){color:#e67e00}</style></head><body>"
            f"<h1>Terminology QA: {html.escape(report.title)}</h1><p>{len(report.findings)} findings, "
            f"{report.open_errors} open errors.</p><table><tr><th>Segment</th><th>Severity</th><th>Kind</th>"
            "<th>Term</th><th>Found</th>"
            f"<th>Expected</th><th>Message</th><th></th></tr>{rows}</table></body></html>\n").encode()


def render_concordance_csv(lines: Sequence[ConcordanceLine]) -> bytes:
    buf = io.StringIO()
    w = SafeWriter(buf)
    w.writerow(["doc", "segment", "left", "match", "right", "en"])
    for ln in lines:
        w.writerow([ln.doc, ln.segment, ln.left, ln.match, ln.right, ln.en])
    return buf.getvalue().encode("utf-8")
