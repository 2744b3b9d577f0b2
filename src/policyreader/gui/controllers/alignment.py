"""Correcting the alignment by hand (Alignment menu and the reader's context menu): merge, split, and
moving English paragraphs between segments, saved in the background with annotations re-anchored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from policyreader.gui.controllers.base import Controller
from policyreader.services.alignment_edit import AlignmentEditor


class AlignmentController(Controller):
    """Alignment edits at the reader's cursor."""

    def _cursor_segment(self) -> tuple[int, str, int] | None:
        loc = self.window.reader.locate(self.window.reader.textCursor())
        if loc is None:
            self.status("Put the cursor in a segment first", 4000)
        return loc

    def _apply(self, edit: Callable[[AlignmentEditor], dict[str, Any]]) -> None:
        def saved(report: dict[str, Any]) -> None:
            moved = (f"; annotations: {report.get('exact', 0)} exact, {report.get('fuzzy', 0)} moved, "
                     f"{report.get('orphan', 0)} orphaned") if report else ""
            self.status("Alignment saved" + moved, 6000)

        self.ops.run(lambda ctx, _oc: edit(ctx.alignment), label="Saving the alignment", success=saved,
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
