"""Anchoring annotations to text that changes, after the W3C Web Annotation selectors.

Each annotation keeps a TextPositionSelector (start/end, code points into one side's text) and a
TextQuoteSelector (the exact text with ~32 characters of prefix and suffix). When the text changes we
re-anchor in order of confidence:

1. the quote still sits at the old position with its context → **exact**;
2. the quote occurs elsewhere: the occurrence whose context matches best, nearest the old position →
   **exact** if its full context matches, else **fuzzy**;
3. an approximate match (bounded edit distance) scored on quote, prefix, suffix and distance from the
   old position → **fuzzy**;
4. otherwise **orphan**: the annotation is kept with its quote, never deleted.

"Exact" is only reported when quote, prefix and suffix all match, so a wrong placement is never exact.

A document re-imported in the other script (traditional characters for simplified, or back) changes
every character but no position: when the quote is not found as it is, the same steps run again on
both texts and the quote folded to one script (:func:`policyreader.core.cjk.fold_script`), and a quote
whose folded context matches in full is exact there too.
"""

from __future__ import annotations

from dataclasses import dataclass

from policyreader.core.cjk import fold_script
from policyreader.core.model import AnchorStatus

CONTEXT = 32


@dataclass(frozen=True)
class TextQuote:
    """A TextQuoteSelector plus the TextPositionSelector it was made with."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Anchor:
    """Where an annotation landed: status is 'exact', 'fuzzy' or 'orphan' (start/end -1)."""

    status: str
    start: int
    end: int
    score: float = 1.0

    def quote(self, text: str) -> TextQuote:
        return make_quote(text, self.start, self.end)


def make_quote(text: str, start: int, end: int) -> TextQuote:
    """The selectors for text[start:end]."""
    if not (0 <= start <= end <= len(text)):
        raise ValueError(f"span {start}–{end} is outside the text (length {len(text)})")
    return TextQuote(start, end, text[start:end], text[max(0, start - CONTEXT):start], text[end:end + CONTEXT])


def _context_ok(text: str, start: int, end: int, q: TextQuote) -> bool:
    before = text[max(0, start - len(q.prefix)):start]
    after = text[end:end + len(q.suffix)]
    return before == q.prefix and after == q.suffix


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    from rapidfuzz.distance import Levenshtein

    return float(Levenshtein.normalized_similarity(a, b))


def _context_score(text: str, start: int, end: int, q: TextQuote) -> float:
    before = text[max(0, start - len(q.prefix)):start]
    after = text[end:end + len(q.suffix)]
    # compare the ends nearest the quote most: they are what a reader sees around it
    return 0.5 * _similarity(before[-16:], q.prefix[-16:]) + 0.5 * _similarity(after[:16], q.suffix[:16])


def _occurrences(text: str, needle: str) -> list[int]:
    out, pos = [], text.find(needle)
    while pos != -1 and needle:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


class Anchorer:
    """Re-anchors quotes in a new text. Build once per text; call ``anchor`` per annotation."""

    MIN_QUOTE_SIMILARITY = 0.7
    MIN_SCORE = 0.62

    def __init__(self, text: str, old_length: int | None = None, old_text: str | None = None):
        self.text = text
        self.old_text = old_text
        if old_text is not None:
            old_length = len(old_text)
        self.scale = (len(text) / old_length) if old_length else 1.0
        self._folded_anchorer: Anchorer | None = None

    def anchor(self, q: TextQuote) -> Anchor:
        found = self._anchor(q)
        if found.status == AnchorStatus.EXACT:
            return found
        folded_quote = TextQuote(q.start, q.end, fold_script(q.exact), fold_script(q.prefix), fold_script(q.suffix))
        folded = self._folded()
        if folded is self and folded_quote == q:
            return found  # nothing to fold: the same search would find the same
        other = folded._anchor(folded_quote)
        rank = {AnchorStatus.EXACT: 2, AnchorStatus.FUZZY: 1, AnchorStatus.ORPHAN: 0}
        return max((found, other), key=lambda a: (rank[AnchorStatus(a.status)], a.score))

    def _folded(self) -> Anchorer:
        """This anchorer over the texts folded to one script (itself when folding changes nothing)."""
        if self._folded_anchorer is None:
            text = fold_script(self.text)
            old = fold_script(self.old_text) if self.old_text is not None else None
            self._folded_anchorer = self
            if text != self.text or old != self.old_text:
                self._folded_anchorer = Anchorer(text, old_text=old)
                self._folded_anchorer.scale = self.scale
        return self._folded_anchorer

    def _anchor(self, q: TextQuote) -> Anchor:
        text = self.text
        if not q.exact:
            return Anchor(AnchorStatus.ORPHAN, -1, -1, 0.0)
        expected = int(q.start * self.scale)
        # 1. still in place, context and all
        if text[q.start:q.end] == q.exact and _context_ok(text, q.start, q.end, q):
            return Anchor(AnchorStatus.EXACT, q.start, q.end)
        # 2. the exact quote elsewhere
        occ = _occurrences(text, q.exact)
        if occ:
            full = [p for p in occ if _context_ok(text, p, p + len(q.exact), q)]
            if full:
                p = min(full, key=lambda p: abs(p - expected))
                # The same words in the same context more than once in the old text: moving to one of
                # them is a guess, so it is not reported as exact.
                ambiguous = self.old_text is not None and self.old_text.count(q.prefix + q.exact + q.suffix) > 1
                status = AnchorStatus.FUZZY if ambiguous else AnchorStatus.EXACT
                return Anchor(status, p, p + len(q.exact), 0.9 if ambiguous else 1.0)
            scored = [(self._score(p, p + len(q.exact), 1.0, q, expected), p) for p in occ]
            best, p = max(scored)
            # a short quote that occurs many times needs its context to agree
            if best >= self.MIN_SCORE and (len(occ) == 1 or self._ctx(p, p + len(q.exact), q) >= 0.5):
                return Anchor(AnchorStatus.FUZZY, p, p + len(q.exact), round(best, 3))
        # 3. approximate match
        found = self._fuzzy(q, expected)
        if found is not None:
            return found
        return Anchor(AnchorStatus.ORPHAN, -1, -1, 0.0)

    def _ctx(self, start: int, end: int, q: TextQuote) -> float:
        return _context_score(self.text, start, end, q)

    def _score(self, start: int, end: int, quote_sim: float, q: TextQuote, expected: int) -> float:
        distance = abs(start - expected) / max(len(self.text), 1)
        return 0.55 * quote_sim + 0.35 * self._ctx(start, end, q) + 0.10 * (1.0 - min(1.0, distance * 4))

    def _candidates(self, q: TextQuote, expected: int) -> list[tuple[int, int]]:
        text, n = self.text, len(q.exact)
        spans: set[tuple[int, int]] = set()
        # regions framed by the surviving context
        pre, suf = q.prefix[-12:], q.suffix[:12]
        pre_ends = [p + len(pre) for p in _occurrences(text, pre)] if len(pre) >= 4 else []
        suf_starts = _occurrences(text, suf) if len(suf) >= 4 else []
        for a in pre_ends:
            for b in suf_starts:
                if a <= b <= a + 2 * n + 16:
                    spans.add((a, b))
                    break
            spans.add((a, min(len(text), a + n)))
        for b in suf_starts:
            spans.add((max(0, b - n), b))
        # the best partial alignment in a window around the expected position
        lo = max(0, expected - 4 * n - 400)
        hi = min(len(text), expected + 5 * n + 400)
        if hi > lo:
            from rapidfuzz import fuzz

            al = fuzz.partial_ratio_alignment(q.exact, text[lo:hi])
            if al is not None and al.score > 0:
                spans.add((lo + al.dest_start, lo + al.dest_end))
        return [(a, b) for a, b in spans if b > a]

    def _fuzzy(self, q: TextQuote, expected: int) -> Anchor | None:
        best: tuple[float, int, int] | None = None
        for a, b in self._candidates(q, expected):
            sim = _similarity(self.text[a:b], q.exact)
            if sim < self.MIN_QUOTE_SIMILARITY:
                continue
            score = self._score(a, b, sim, q, expected)
            if best is None or score > best[0]:
                best = (score, a, b)
        if best is None or best[0] < self.MIN_SCORE:
            return None
        return Anchor(AnchorStatus.FUZZY, best[1], best[2], round(best[0], 3))
