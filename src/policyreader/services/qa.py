"""Translation QA and corpus evidence as use cases: check a library document, the whole library or two
files against the glossary, for consistency and against the user's saved checks; remember findings the
user accepted, and count which renderings the corpus really uses."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from policyreader.core.consistency import Pair, UserCheck, consistency, run_checks
from policyreader.core.errors import UserError
from policyreader.core.evidence import rendering_usage
from policyreader.core.model import SEVERITY_ORDER, TranslationStatus
from policyreader.core.qa import Finding, QASegment, TerminologyChecker
from policyreader.formats.registry import Kind, by_name, render, write_file
from policyreader.formats.reports import QAReport, finding_json
from policyreader.services.library import Library
from policyreader.services.workbench import GlossaryWorkbench
from policyreader.storage.qa_checks import QACheckRepository
from policyreader.storage.reviews import AcceptedFindingRepository

__all__ = ["QAService", "finding_json", "finding_key"]


def finding_key(f: Finding) -> str:
    """A stable key for remembering that a finding was accepted (a user check is named by its term)."""
    return f"{f.segment}|{f.kind}|{f.entry or f.term}|{f.found}"


def _is_reviewed(f: Finding, reviewed: set[tuple[int, str, str]]) -> bool:
    return (f.segment, f.kind.value, f.term) in reviewed or (f.segment, f.kind.value, "*") in reviewed


def _order(f: Finding) -> tuple[int, str, int]:
    return SEVERITY_ORDER.get(f.severity, 3), f.doc, f.segment


class QAService:
    def __init__(self, library: Library, workbench: GlossaryWorkbench):
        self.library = library
        self.engine = library.engine
        self.workbench = workbench
        self.accepted_findings = AcceptedFindingRepository(library.repo.db)
        self.user_checks = QACheckRepository(library.repo.db)
        self._checker: tuple[int, TerminologyChecker] | None = None

    @property
    def checker(self) -> TerminologyChecker:
        """The checker for the glossary as it is now (rebuilt when the glossary changed)."""
        version = self.engine.glossary_version
        if self._checker is None or self._checker[0] != version:
            self._checker = (version, TerminologyChecker(self.engine.glossary.entries, self.engine.matcher))
        return self._checker[1]

    # -- checking -----------------------------------------------------------------------------
    def check_doc(self, doc: str, include_accepted: bool = True) -> list[tuple[Finding, bool]]:
        """Findings for a library document (terminology, numbers, the user's checks, consistency with the
        whole library), errors first, each with whether the user accepted it."""
        self.library.get(doc)
        segs = [QASegment(s.idx, s.zh, s.en) for s in self.library.repo.segments(doc)]
        findings = self.checker.check(segs) + run_checks(self.checks(), segs)
        findings += [dataclasses.replace(f, doc="") for f in consistency(self._pairs(), [doc])]
        accepted = self.accepted(doc)
        reviewed = self.reviewed(doc)
        out = [(f, finding_key(f) in accepted or _is_reviewed(f, reviewed)) for f in findings]
        if not include_accepted:
            out = [x for x in out if not x[1]]
        return sorted(out, key=lambda x: _order(x[0]))

    def check_all(self, include_accepted: bool = True) -> list[tuple[Finding, bool]]:
        """Findings for every document with a translation, each naming its document; errors first."""
        checks = self.checks()
        out: list[tuple[Finding, bool]] = []
        pairs = self._pairs()
        inconsistent: dict[str, list[Finding]] = {}
        for f in consistency(pairs):
            inconsistent.setdefault(f.doc, []).append(f)
        for d in self.library.documents():
            if d.translation_status == TranslationStatus.NONE:
                continue
            segs = [QASegment(s.idx, s.zh, s.en) for s in self.library.repo.segments(d.id)]
            findings = [dataclasses.replace(f, doc=d.id) for f in self.checker.check(segs)]
            findings += run_checks(checks, segs, d.id) + inconsistent.get(d.id, [])
            accepted, reviewed = self.accepted(d.id), self.reviewed(d.id)
            out += [(f, finding_key(f) in accepted or _is_reviewed(f, reviewed)) for f in findings]
        if not include_accepted:
            out = [x for x in out if not x[1]]
        return sorted(out, key=lambda x: _order(x[0]))

    def _pairs(self) -> list[Pair]:
        return [Pair(*row) for row in self.library.repo.translated_pairs()]

    def has_translation(self, doc: str) -> bool:
        """False for a document with no English at all: there is nothing to check."""
        return self.library.get(doc).translation_status != TranslationStatus.NONE

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
        aligned = self.library.analyser.sentence_aligner().align(zh, en)
        pairs = [("\n".join(zh[j] for j in lk.zh), "\n".join(aligned.en[j] for j in lk.en)) for lk in aligned.links]
        segments: list[dict[str, Any]] = [{"id": i, "zh": z, "en": e} for i, (z, e) in enumerate(pairs)]
        segs = [QASegment(i, z, e) for i, (z, e) in enumerate(pairs)]
        findings = self.checker.check(segs) + run_checks(self.checks(), segs)
        findings += consistency([Pair("", i, z, e) for i, (z, e) in enumerate(pairs) if e.strip()])
        return segments, sorted(findings, key=_order)

    # -- the user's checks --------------------------------------------------------------------
    def checks(self) -> list[UserCheck]:
        """The user's saved checks, by name."""
        return [UserCheck.from_json(d) for d in self.user_checks.all()]

    def save_check(self, check: UserCheck) -> UserCheck:
        """Save (or replace) the check of that name; it runs with every QA from now on."""
        from policyreader.core.consistency import CompiledCheck

        CompiledCheck(check)  # a bad rule is refused before it is saved
        self.user_checks.save(check.name, check.to_json())
        self._all_documents_changed()
        return check

    def delete_check(self, name: str) -> None:
        if not self.user_checks.delete(name):
            known = ", ".join(c.name for c in self.checks()) or "none"
            raise UserError(f"no check named {name!r} (saved checks: {known})")
        self._all_documents_changed()

    def _all_documents_changed(self) -> None:
        self.library.changes.record(qa=[d.id for d in self.library.listing()])

    # -- accepted findings --------------------------------------------------------------------
    def accepted(self, doc: str) -> set[str]:
        return self.accepted_findings.keys(doc)

    def reviewed(self, doc: str) -> set[tuple[int, str, str]]:
        """Findings the bundled translation's reviewers accepted (``# qa-accept:`` lines of the aligned
        file), as (segment, kind, term); ``*`` as the term accepts that kind for any term."""
        rows = self.library.get(doc).metadata.get("qa_accept") or []
        return {(int(r[0]), str(r[1]), str(r[2])) for r in rows if isinstance(r, list) and len(r) >= 3}

    def set_accepted(self, doc: str, finding: Finding, accepted: bool) -> None:
        self.accepted_findings.set(doc, finding_key(finding), accepted)
        self.library.changes.record(qa=[doc])

    # -- reports ------------------------------------------------------------------------------
    @staticmethod
    def report(findings: list[tuple[Finding, bool]], fmt: str, title: str = "") -> str:
        """A QA report in one of the registry's text report formats."""
        return render(by_name(Kind.QA_REPORT, fmt), QAReport(title, findings)).decode("utf-8")

    @staticmethod
    def write_report(findings: list[tuple[Finding, bool]], fmt: str, path: Path, title: str = "") -> None:
        """Write a QA report in any of the registry's report formats (XLSX too), atomically."""
        try:
            write_file(by_name(Kind.QA_REPORT, fmt), QAReport(title, findings), Path(path))
        except OSError as exc:
            raise UserError(f"{path}: cannot write the report ({exc.strerror or exc})") from exc

    # -- corpus evidence ----------------------------------------------------------------------
    def evidence(self, term: str) -> dict[str, Any]:
        """Which renderings of the entry appear in the aligned English, by document and by year."""
        entry = self.workbench.resolve(term)
        occurrences = []
        years: dict[str, int] = {}
        seen: set[tuple[str, int]] = set()
        for doc_id, idx, _start, _end, zh, en in self.library.repo.term_occurrences(entry.id):  # the term index
            if not en or (doc_id, idx) in seen:
                continue
            seen.add((doc_id, idx))
            if doc_id not in years:
                d = self.library.get(doc_id)
                years[doc_id] = _year(d.metadata.get("date", "") or d.id)
            occurrences.append((doc_id, years[doc_id], zh, en))
        return rendering_usage(entry, occurrences).to_json()


def _year(text: str) -> int:
    m = re.search(r"(19|20)\d\d", text)
    return int(m.group(0)) if m else 0
