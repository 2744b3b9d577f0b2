"""Correcting the alignment by hand (Alignment menu and the reader's context menu): merge, split, and
moving English paragraphs between segments, saved in the background with annotations re-anchored; and
reviewing the segments the aligner was unsure of, one after another."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from policyreader.gui.controllers.base import Controller
from policyreader.gui.i18n import tr
from policyreader.services.alignment_edit import AlignmentEditor


class AlignmentController(Controller):
    """Alignment edits at the reader's cursor, and the review of uncertain segments."""

    def __init__(self, window: Any):
        super().__init__(window)
        pane = window.review_pane
        window.documentOpened.connect(lambda _d: pane.set_segments(window.reading.segments))
        pane.segmentActivated.connect(self.go_to)
        pane.stepRequested.connect(self.step)
        pane.confirmRequested.connect(self.confirm)

    def _cursor_segment(self) -> tuple[int, str, int] | None:
        loc = self.window.reader.locate(self.window.reader.textCursor())
        if loc is None:
            self.status(tr("Put the cursor in a segment first"), 4000)
        return loc

    def _apply(self, edit: Callable[[AlignmentEditor], dict[str, Any]]) -> None:
        def saved(report: dict[str, Any]) -> None:
            if report:
                self.status(tr("Alignment saved; annotations: {exact} exact, {fuzzy} moved, {orphan} orphaned").format(
                    exact=report.get("exact", 0), fuzzy=report.get("fuzzy", 0), orphan=report.get("orphan", 0)), 6000)
            else:
                self.status(tr("Alignment saved"), 6000)

        self.ops.run(lambda ctx, _oc: edit(ctx.alignment), label=tr("Saving the alignment"), success=saved,
                     failure=self.error)

    def merge(self) -> None:
        loc, doc = self._cursor_segment(), self.window.reading.doc_id
        if loc is not None:
            self._apply(lambda ed: ed.merge(doc, loc[0]))

    def split(self) -> None:
        loc, doc = self._cursor_segment(), self.window.reading.doc_id
        if loc is not None:
            self._apply(lambda ed: ed.split(doc, loc[0], loc[1], loc[2]))

    def shift_english(self, up: bool) -> None:
        loc, doc = self._cursor_segment(), self.window.reading.doc_id
        if loc is not None:
            self._apply(lambda ed: ed.pull_english_up(doc, loc[0]) if up else ed.push_english_down(doc, loc[0]))

    # -- review -------------------------------------------------------------------------------
    def show_review(self) -> None:
        w = self.window
        w.review_dock.show()
        w.review_dock.raise_()
        w.review_pane.set_segments(w.reading.segments)
        if w.review_pane.segments_to_review():
            self.step(True)

    def go_to(self, segment: int) -> None:
        w = self.window
        w.reader.select_span(segment, "zh", 0, 0)
        w.reader.scroll_to_segment(segment)
        w.review_pane.select_segment(segment)

    def step(self, forward: bool) -> None:
        """Go to the next (or previous) segment to review after the one at the cursor, wrapping round."""
        w = self.window
        todo = w.review_pane.segments_to_review()
        if not todo:
            self.status(tr("Nothing to review in this document"), 4000)
            return
        loc = w.reader.locate(w.reader.textCursor())
        here = loc[0] if loc else (w.reader.top_segment() - (1 if forward else -1))
        after = [s for s in todo if s > here] if forward else [s for s in todo if s < here][::-1]
        self.go_to(after[0] if after else (todo[0] if forward else todo[-1]))

    def confirm(self, segment: int | None = None) -> None:
        """The alignment of *segment* (default: the one at the cursor) is right: off the review list."""
        w, doc = self.window, self.window.reading.doc_id
        if segment is None:
            loc = self._cursor_segment()
            if loc is None:
                return
            segment = loc[0]
        self.ops.run(lambda ctx, _oc: ctx.alignment.confirm(doc, segment), label=tr("Saving the review"),
                     success=lambda _r: self.status(tr("Segment {n} reviewed").format(n=segment + 1), 4000),
                     failure=self.error)
        w.review_pane.select_segment(segment)
