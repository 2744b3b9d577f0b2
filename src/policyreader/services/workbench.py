"""The glossary workbench: searching entries (characters, pinyin with or without tones, English),
concordances across the library, and the user's own entries (add, extend, edit, delete)."""

from __future__ import annotations

import contextlib
import copy
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from policyreader.core.cjk import has_han
from policyreader.core.errors import UserError
from policyreader.core.glossary import STATUSES, GlossaryEntry, Rendering, SourceRef
from policyreader.core.model import GOOD_STATUSES, ConcordanceLine, Status
from policyreader.core.pinyin import marks_to_numbers, word_pinyin
from policyreader.services.concordance import Concordance, LazyLines
from policyreader.services.library import Library, slugify
from policyreader.storage.schema import write_transaction
from policyreader.storage.user_glossary import UserGlossaryRepository


def _fold(text: str) -> str:
    """Lower-case, no separators; ü→v."""
    return re.sub(r"[\s'’\-·]", "", text.lower()).replace("ü", "v")


def _toneless(pinyin: str) -> str:
    decomposed = unicodedata.normalize("NFD", pinyin.replace("ü", "v").replace("Ü", "v"))
    return _fold("".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


@dataclass(frozen=True)
class SearchResult:
    entry: GlossaryEntry
    score: float
    matched: str  # what matched: "term", "pinyin", "english", …


class GlossaryWorkbench:
    """Glossary search, concordance and user entries for one library."""

    def __init__(self, library: Library):
        self.library = library
        self.engine = library.engine
        self.users = UserGlossaryRepository(library.repo.db)

    # -- search -------------------------------------------------------------------------------
    def search(self, query: str, domain: str | None = None, status: str | None = None,
               limit: int = 50) -> list[SearchResult]:
        """Entries matching *query*, best first: characters, pinyin (marks, numbers or none), English."""
        q = query.strip()
        if not q:
            raise UserError("empty glossary search")
        results: list[SearchResult] = []
        for e in self.engine.glossary.entries.values():
            if domain and domain not in e.domains:
                continue
            if status and not any(r.status == status for r in e.renderings):
                continue
            score, how = self._score(e, q)
            if score > 0:
                results.append(SearchResult(e, score, how))
        results.sort(key=lambda r: (-r.score, len(r.entry.term), r.entry.id))
        return results[:limit]

    @staticmethod
    def _score(e: GlossaryEntry, q: str) -> tuple[float, str]:
        if has_han(q):
            forms = e.forms()
            if q in forms:
                return 100.0, "term"
            if any(f.startswith(q) for f in forms):
                return 80.0 - len(e.term) * 0.1, "term"
            if any(q in f for f in forms):
                return 60.0 - len(e.term) * 0.1, "term"
            if any(q in x.zh for x in e.examples):
                return 10.0, "example"
            return 0.0, ""
        folded = _fold(q)
        if re.search(r"[1-5]", folded):
            numbered = _fold(marks_to_numbers(e.pinyin)).replace("5", "")
            target = folded.replace("5", "")
            if numbered == target:
                return 95.0, "pinyin"
            if numbered.startswith(target):
                return 75.0, "pinyin"
        elif any(ch in folded for ch in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"):
            marked = _fold(unicodedata.normalize("NFC", e.pinyin))
            if marked == folded:
                return 95.0, "pinyin"
            if marked.startswith(folded):
                return 75.0, "pinyin"
        else:
            toneless = _toneless(e.pinyin)
            if toneless == folded:
                return 90.0, "pinyin"
            if len(folded) >= 3 and toneless.startswith(folded):
                return 70.0, "pinyin"
        low = q.lower()
        best = 0.0
        for r in e.renderings:
            text = r.text.lower()
            if text == low:
                best = max(best, 85.0 if r.status in GOOD_STATUSES else 65.0)
            elif re.search(r"(?<![\w-])" + re.escape(low) + r"(?![\w-])", text):
                best = max(best, 55.0 if r.status in GOOD_STATUSES else 45.0)
            elif low in text:
                best = max(best, 30.0)
        if best:
            return best, "english"
        if low in e.gloss.lower():
            return 20.0, "gloss"
        return 0.0, ""

    # -- concordance --------------------------------------------------------------------------
    def resolve(self, term: str) -> GlossaryEntry:
        """An entry by id or by any of its written forms."""
        entries = self.engine.glossary.entries
        if term in entries:
            return entries[term]
        for e in entries.values():
            if term in e.forms():
                return e
        raise UserError(f"{term!r} is not a glossary entry id or term (try 'policyreader glossary search')")

    def concordance(self, term: str, doc: str | None = None) -> Concordance:
        """Every occurrence of the entry across the library (or in *doc*), as keyword-in-context lines: where
        it is linked, and where it is written inside a longer linked term (社会信用体系 in 社会信用体系建设).
        Read from the term index, which holds both: no segment's links are decoded, and the lines are read
        when they are asked for (see :mod:`policyreader.services.concordance`)."""
        entry = self.resolve(term)
        if doc:
            self.library.get(doc)
        return Concordance(entry.id, entry.term, self.library.repo.term_runs(entry.id, doc),
                           self.library.repo.term_page)

    def bind(self, lines: Sequence[ConcordanceLine]) -> Sequence[ConcordanceLine]:
        """A concordance (sorted or not) opened on another thread, read through this service's connection
        (lines already built as they are)."""
        return lines.reading_with(self.library.repo.term_page) if isinstance(lines, LazyLines) else lines

    # -- user entries -------------------------------------------------------------------------
    def add(self, term: str, renderings: list[str], status: str = Status.PREFERRED, note: str = "",
            used_by: str = "", sources: list[str] | None = None, traditional: str = "", pinyin: str = "",
            gloss: str = "", domains: list[str] | None = None) -> GlossaryEntry:
        """Add a user entry, or extend the bundled entry that has this term, and re-link the library."""
        term = term.strip()
        if not has_han(term):
            raise UserError(f"{term!r}: a glossary term must contain Chinese characters")
        if not renderings or not all(r.strip() for r in renderings):
            raise UserError("give at least one --rendering")
        if status not in STATUSES:
            raise UserError(f"--status must be one of {', '.join(STATUSES)}")
        rend = [Rendering(r.strip(), status if i == 0 else Status.ACCEPTED, used_by or "my own choice",
                          [SourceRef(s) for s in (sources or [])], "" if sources else "user's own rendering")
                for i, r in enumerate(renderings)]
        with self._writing():
            return self._add(term, rend, note, traditional, pinyin, gloss, domains)

    def _add(self, term: str, rend: list[Rendering], note: str, traditional: str, pinyin: str, gloss: str,
             domains: list[str] | None) -> GlossaryEntry:
        existing = next((e for e in self.engine.glossary.entries.values() if term in e.forms()), None)
        if existing is not None and existing.origin in ("bundled", "extended"):
            record = self.users.get(existing.id)
            base = record.entry if record else GlossaryEntry(id=existing.id, term=existing.term, origin="user")
            known = {r.text.lower() for r in base.renderings}
            base.renderings += [r for r in rend if r.text.lower() not in known]
            if note:
                base.notes = (base.notes + "\n" if base.notes else "") + note
            self.users.save(base, "extends")
        else:
            entry_id = existing.id if existing is not None else self._new_id(term)
            entry = GlossaryEntry(
                id=entry_id, term=term, traditional=traditional or self._traditional(term),
                pinyin=pinyin or word_pinyin(term), gloss=gloss, domains=domains or ["user"],
                renderings=rend, notes=note, origin="user")
            if existing is not None:  # editing an existing user entry: keep what it had
                known = {r.text.lower() for r in existing.renderings}
                entry.renderings = [*existing.renderings, *(r for r in rend if r.text.lower() not in known)]
                entry.notes = "\n".join(x for x in (existing.notes, note) if x)
            self.users.save(entry, "new")
        self._changed()
        return self.engine.glossary.entries[existing.id if existing is not None else entry_id]

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One write transaction around a change of the user's entries and the re-linking it causes.

        The glossary is re-read under the write lock first: a read-modify-write on what another process
        had already replaced would lose that process's change (two additions to the same entry, or two
        new terms given the same id).
        """
        with write_transaction(self.library.repo.db):
            self.engine.reload_glossary()
            yield

    def edit_entry(self, entry_id: str, renderings: list[str], status: str = Status.PREFERRED, note: str = "",
                   used_by: str = "", sources: list[str] | None = None, pinyin: str = "") -> GlossaryEntry:
        """Replace the renderings and notes of one of the user's entries (the first rendering gets *status*,
        the others are accepted) and re-link the library."""
        if not renderings or not all(r.strip() for r in renderings):
            raise UserError("give at least one rendering")
        if status not in STATUSES:
            raise UserError(f"status must be one of {', '.join(STATUSES)}")
        with self._writing():
            return self._edit_entry(entry_id, renderings, status, note, used_by, sources or [], pinyin)

    def _edit_entry(self, entry_id: str, renderings: list[str], status: str, note: str, used_by: str,
                    sources: list[str], pinyin: str) -> GlossaryEntry:
        current = self.engine.glossary.entries.get(entry_id)
        if current is None:
            raise UserError(f"{entry_id!r} is not a glossary entry")
        entry = copy.deepcopy(current)
        refs = [SourceRef(x) for x in sources]
        entry.renderings = [Rendering(text.strip(), status if i == 0 else Status.ACCEPTED, used_by or "my own choice",
                                      list(refs), "" if refs else "user's own rendering")
                            for i, text in enumerate(renderings)]
        entry.notes, entry.pinyin = note, pinyin or entry.pinyin
        self.save_user_entry(entry)
        return self.engine.glossary.entries[entry_id]

    def save_user_entry(self, entry: GlossaryEntry, mode: str = "new") -> None:
        """Store an edited user entry (from the GUI or an import) and re-link the library."""
        entry.origin = "user"
        with write_transaction(self.library.repo.db):
            self.users.save(entry, mode)
            self._changed()

    def delete(self, entry_id: str) -> None:
        with write_transaction(self.library.repo.db):
            if not self.users.delete(entry_id):
                raise UserError(f"{entry_id!r} is not a user entry (bundled entries cannot be deleted)")
            self._changed()

    def user_entries(self) -> list[GlossaryEntry]:
        return [r.entry for r in self.users.all()]

    def _changed(self) -> None:
        self.engine.reload_glossary()
        self.library.relink()
        self.library.changes.record(glossary=True)

    def _new_id(self, term: str) -> str:
        base = "user-" + slugify(term, "term")
        ids = set(self.engine.glossary.entries)
        n, out = 2, base
        while out in ids:
            out, n = f"{base}-{n}", n + 1
        return out

    @staticmethod
    def _traditional(term: str) -> str:
        from policyreader.core.matcher import script_variants

        variants = sorted(v for v in script_variants(term) if v != term)
        return variants[0] if variants else term
