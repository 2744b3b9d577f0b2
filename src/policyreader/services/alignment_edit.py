"""Correcting the alignment by hand: merge, split and re-link segments. Saved at once (annotations are
re-anchored in the same transaction) and remembered, so a re-import keeps them where the text is unchanged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policyreader.core.alignment import Link, needs_review
from policyreader.core.errors import UserError
from policyreader.core.model import Language
from policyreader.services.library import Library
from policyreader.storage.schema import write_transaction


@dataclass(frozen=True)
class ReviewItem:
    """A segment whose alignment should be checked: its index, link kind and confidence, and its text."""

    segment: int
    link: str
    confidence: float
    zh: str
    en: str


def _paras(text: str) -> list[str]:
    return text.split("\n") if text else []


class AlignmentEditor:
    """Manual alignment edits of one library's documents (annotations are re-anchored by the library's
    replace hook, in the same transaction)."""

    def __init__(self, library: Library):
        self.library = library

    # -- review -------------------------------------------------------------------------------
    def to_review(self, doc: str) -> list[ReviewItem]:
        """The segments whose alignment a person should check, in reading order."""
        self.library.get(doc)
        return [ReviewItem(s.idx, s.link, s.confidence, s.zh, s.en) for s in self.library.repo.segments(doc)
                if needs_review(s.link, s.confidence)]

    def confirm(self, doc: str, idx: int) -> None:
        """A person checked this segment's alignment and it is right: it leaves the review list."""
        self._check(self.pairs(doc), idx)
        self.library.repo.set_confidence(doc, idx, 1.0)
        self.library.changes.record(documents=[doc])

    def pairs(self, doc: str) -> list[tuple[str, str]]:
        if self.library.get(doc).lang == Language.EN:
            raise UserError(f"{doc} is an English document: it has no alignment to correct")
        self.library.get(doc)
        return [(s.zh, s.en) for s in self.library.repo.segments(doc)]

    # -- edits ----------------------------------------------------------------------------------
    def merge(self, doc: str, idx: int) -> dict[str, Any]:
        pairs = self.pairs(doc)
        self._check(pairs, idx, need_next=True)
        (z1, e1), (z2, e2) = pairs[idx], pairs[idx + 1]
        pairs[idx:idx + 2] = [("\n".join(x for x in (z1, z2) if x), "\n".join(x for x in (e1, e2) if x))]
        return self.save(doc, pairs)

    def split(self, doc: str, idx: int, side: str, offset: int) -> dict[str, Any]:
        """Split a segment at *offset* in its *side* text; the other side stays with the first half."""
        pairs = self.pairs(doc)
        self._check(pairs, idx)
        zh, en = pairs[idx]
        text = zh if side == "zh" else en
        if not (0 < offset < len(text)):
            raise UserError("put the cursor inside the text, not at its start or end, to split a segment")
        first, second = text[:offset].rstrip("\n"), text[offset:].lstrip("\n")
        if side == "zh":
            pairs[idx:idx + 1] = [(first, en), (second, "")]
        else:
            pairs[idx:idx + 1] = [(zh, first), ("", second)]
        return self.save(doc, pairs)

    def pull_english_up(self, doc: str, idx: int) -> dict[str, Any]:
        """Move the first English paragraph of the next segment into this one."""
        pairs = self.pairs(doc)
        self._check(pairs, idx, need_next=True)
        nxt = _paras(pairs[idx + 1][1])
        if not nxt:
            raise UserError("the next segment has no English to pull up")
        pairs[idx] = (pairs[idx][0], "\n".join([*_paras(pairs[idx][1]), nxt[0]]))
        pairs[idx + 1] = (pairs[idx + 1][0], "\n".join(nxt[1:]))
        return self.save(doc, [p for p in pairs if p[0] or p[1]])

    def push_english_down(self, doc: str, idx: int) -> dict[str, Any]:
        """Move the last English paragraph of this segment to the start of the next one."""
        pairs = self.pairs(doc)
        self._check(pairs, idx, need_next=True)
        mine = _paras(pairs[idx][1])
        if not mine:
            raise UserError("this segment has no English to push down")
        pairs[idx] = (pairs[idx][0], "\n".join(mine[:-1]))
        pairs[idx + 1] = (pairs[idx + 1][0], "\n".join([mine[-1], *_paras(pairs[idx + 1][1])]))
        return self.save(doc, [p for p in pairs if p[0] or p[1]])

    @staticmethod
    def _check(pairs: list[tuple[str, str]], idx: int, need_next: bool = False) -> None:
        if not (0 <= idx < len(pairs)) or (need_next and idx + 1 >= len(pairs)):
            raise UserError(f"no segment {idx}{' with a segment after it' if need_next else ''}")

    # -- saving ---------------------------------------------------------------------------------
    def save(self, doc: str, pairs: list[tuple[str, str]]) -> dict[str, Any]:
        """Store the new segmentation (one transaction, annotations re-anchored) and remember it."""
        old = self.library.repo.segments(doc)
        levels = {s.zh.split("\n")[0]: s.level for s in old if s.zh}
        # an untouched segment keeps its confidence (and its place in the review list); an edited one is
        # the person's own alignment
        kept = {(s.zh, s.en): s.confidence for s in old}
        zh: list[str] = []
        en: list[str] = []
        links: list[Link] = []
        for z, e in pairs:
            zp, ep = _paras(z), _paras(e)
            links.append(Link(tuple(range(len(zh), len(zh) + len(zp))), tuple(range(len(en), len(en) + len(ep))),
                              kept.get((z, e), 1.0)))
            zh += zp
            en += ep
        segments = self.library.build_segments(zh, [levels.get(p, 0) for p in zh], en, links)
        row = self.library.get(doc)
        with write_transaction(self.library.repo.db):
            report = self.library.replace_content(row, segments)
            self.library.overrides.replace(doc, pairs)
        return report
