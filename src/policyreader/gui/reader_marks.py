"""What the reader paints over the text: the hovered segment pair, annotation marks (mixed with a glossary
term's colour where they cross one, so an annotation never hides a term), and the find result. A mixin of
:class:`~policyreader.gui.reader.ReaderView`, drawn as Qt extra selections.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from policyreader.gui import theme
from policyreader.gui.offsets import SpanMark
from policyreader.gui.qt import QBrush, QColor, QTextCharFormat, QTextCursor, QTextEdit

if TYPE_CHECKING:
    from policyreader.core.model import SegmentRow


class Highlights:
    """Hover, annotation marks and the find selection of the reader."""

    segments: list[SegmentRow]
    _marks: list[SpanMark]
    _find_selection: list[QTextEdit.ExtraSelection]
    _hover_segment: int
    _cells_by_seg: dict[tuple[int, str], Any]

    def set_marks(self, marks: list[SpanMark]) -> None:
        self._marks = marks
        self._apply_extra()

    def set_find_selection(self, cursor: QTextCursor | None) -> None:
        self._find_selection = []
        if cursor is not None:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format.setBackground(QBrush(QColor(255, 200, 0, 160)))
            self._find_selection = [sel]
        self._apply_extra()

    def _apply_extra(self) -> None:
        sels: list[QTextEdit.ExtraSelection] = []
        if self._hover_segment >= 0:
            for side in ("zh", "en"):
                ref = self._cells_by_seg.get((self._hover_segment, side))
                if ref is None or not ref.text:
                    continue
                c = self._cursor(self._hover_segment, side, 0, len(ref.text))
                if c is not None:
                    sel = QTextEdit.ExtraSelection()
                    sel.cursor = c
                    sel.format.setBackground(QBrush(theme.hover_colour()))
                    sels.append(sel)
        for m in self._marks:
            sels.extend(self._mark_selections(m))
        view: Any = self
        view.setExtraSelections(sels + self._find_selection)

    def _mark_selections(self, m: SpanMark) -> list[QTextEdit.ExtraSelection]:
        """An annotation's highlight, cut where it crosses a glossary term: there the two colours are mixed
        and the term keeps its underline, so an annotation never hides a term."""
        if not (0 <= m.segment < len(self.segments)):
            return []
        seg = self.segments[m.segment]
        cuts = sorted({m.start, m.end, *(x for a, b, _e in (seg.terms if m.side == "zh" else seg.en_terms)
                                         for x in (a, b) if m.start < x < m.end)})
        out = []
        for lo, hi in zip(cuts, cuts[1:], strict=False):
            c = self._cursor(m.segment, m.side, lo, hi)
            if c is None:
                continue
            term = self._term_at(m.segment, m.side, lo)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = c
            if term is None:
                sel.format.setBackground(QBrush(m.colour))
                sel.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            else:
                sel.format.setBackground(QBrush(theme.mixed(m.colour, theme.term_colour(term))))
            out.append(sel)
        return out

    def _term_at(self, segment: int, side: str, offset: int) -> str | None:
        seg = self.segments[segment]
        entry = next((e for a, b, e in (seg.terms if side == "zh" else seg.en_terms) if a <= offset < b), None)
        if entry is None:
            return None
        found = self._lookup(entry)
        return theme.entry_category(found) if found is not None else None

    def mark_at(self, segment: int, side: str, offset: int) -> SpanMark | None:
        """The annotation mark under a point, if any."""
        return next((m for m in self._marks if (m.segment, m.side) == (segment, side) and m.start <= offset < m.end),
                    None)

    def set_hover_segment(self, segment: int) -> None:
        if segment != self._hover_segment:
            self._hover_segment = segment
            self._apply_extra()
            view: Any = self
            view.segmentHovered.emit(segment)


    def _cursor(self, segment: int, side: str, start: int, end: int | None = None) -> QTextCursor | None:
        view: Any = self
        result: QTextCursor | None = view.cursor_for(segment, side, start, end)
        return result

    def _lookup(self, entry_id: str) -> Any:
        view: Any = self
        return view._entry_lookup(entry_id)
