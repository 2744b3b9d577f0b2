"""Annotations in the window: annotate the selection, the annotations pane (this document or the whole
library, filtered), edit, delete with undo, re-attach an orphan, and the marks in the reader."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from policyreader.core.model import AnchorStatus, Annotation
from policyreader.gui import theme
from policyreader.gui.annotations import COLOURS, AnnotationDialog
from policyreader.gui.controllers.base import Controller
from policyreader.gui.i18n import tr
from policyreader.gui.offsets import SpanMark
from policyreader.gui.qt import QUndoCommand
from policyreader.services.changes import Changes
from policyreader.services.context import AppContext


class DeleteAnnotation(QUndoCommand):
    """Deleting an annotation, undoable (the row is only marked deleted); both run in the background."""

    def __init__(self, controller: AnnotationController, annotation: Annotation):
        super().__init__(tr("Delete annotation “{quote}”").format(quote=annotation.exact[:16]))
        self.controller, self.ann_id = controller, annotation.id

    def redo(self) -> None:
        ann_id = self.ann_id
        self.controller.write(lambda ctx: ctx.annotations.delete(ann_id), tr("Deleting the annotation"))

    def undo(self) -> None:
        ann_id = self.ann_id
        self.controller.write(lambda ctx: ctx.annotations.undelete(ann_id), tr("Restoring the annotation"))


class AnnotationController(Controller):
    """Keeps the annotations pane and the reader's marks in step with the annotations."""

    def __init__(self, window: Any):
        super().__init__(window)
        ap = window.annotations_pane
        ap.activated.connect(self.jump_to)
        ap.editRequested.connect(self.edit)
        ap.deleteRequested.connect(self.delete)
        ap.reattachRequested.connect(self.reattach)
        ap.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        ap.tag.currentIndexChanged.connect(lambda _i: self.refresh())
        ap.term.currentIndexChanged.connect(lambda _i: self.refresh())
        ap.filter.textChanged.connect(lambda _t: self.refresh())
        window.documentOpened.connect(lambda _d: self.refresh())
        self._pending_jump: Annotation | None = None
        window.documentOpened.connect(self._opened)

    def write(self, fn: Callable[[AppContext], Any], label: str, done: Callable[[Any], None] | None = None) -> None:
        """Run an annotation write in the background; the pane refreshes from the changes it records."""
        self.ops.run(lambda ctx, _oc: fn(ctx), label=label, success=done)

    # -- refreshing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the pane and the marks in the text."""
        w = self.window
        pane = w.annotations_pane
        doc_id = w.reading.doc_id
        scope_doc = doc_id if pane.scope.currentData() == "doc" else None
        filters = pane.filters()
        entries = self.ctx.engine.glossary.entries

        def read(ctx: AppContext, _oc: Any) -> tuple[list[str], list[Annotation], dict[str, str], list[Annotation]]:
            tags = ctx.annotations.tags()
            items = [] if scope_doc == "" else ctx.annotations.find(scope_doc, **filters)
            titles = ctx.library.titles(list({a.doc for a in items}))
            marks = ctx.annotations.find(doc_id) if doc_id else []
            return tags, items, titles, marks

        def show(result: tuple[list[str], list[Annotation], dict[str, str], list[Annotation]]) -> None:
            tags, items, titles, doc_items = result
            pane.set_filters(tags, [(f"{e.term} ({e.id})", e.id) for e in sorted(entries.values(),
                                                                                key=lambda e: e.pinyin)])
            pane.set_annotations(items, titles)
            if doc_id == w.reading.doc_id:
                w.reader.set_marks(self._marks(doc_items))

        self.ops.run(read, label=tr("Reading annotations"), success=show)

    def _marks(self, items: list[Annotation]) -> list[SpanMark]:
        reading = self.window.reading
        marks: list[SpanMark] = []
        for a in items:
            if a.status == AnchorStatus.ORPHAN:
                continue
            for i, (s0, s1) in enumerate(reading.spans(a.side)):
                lo, hi = max(a.start, s0), min(a.end, s1)
                if lo < hi:
                    marks.append(SpanMark(i, a.side, lo - s0, hi - s0, theme.annotation_colour(a.colour),
                                          a.note or ", ".join(a.tags) or a.exact))
        return marks

    def on_changes(self, changes: Changes) -> None:
        if changes.annotations or changes.glossary:
            self.refresh()

    # -- actions ------------------------------------------------------------------------------
    def show_pane(self) -> None:
        self.window.annotations_dock.show()
        self.window.annotations_dock.raise_()

    def annotate_selection(self) -> None:
        w = self.window
        loc = w.reader.selection_location()
        if loc is None:
            self.status(tr("Select some text in one segment to annotate it"), 5000)
            return
        seg, side, start, end = loc
        reading = w.reading
        text = reading.segment_text(seg, side)
        row = reading.segments[seg]
        suggested = next((eid for s0, s1, eid in (row.terms if side == "zh" else row.en_terms) if s0 <= start < s1), "")
        dlg = AnnotationDialog(w, text[start:end], list(self.ctx.engine.glossary.entries.values()),
                               suggested_term=suggested)
        if not dlg.exec():
            return
        v = dlg.values()
        doc_id = reading.doc_id
        a0, a1 = reading.to_side_offset(seg, side, start), reading.to_side_offset(seg, side, end)

        def saved(_a: Annotation) -> None:
            self.show_pane()
            self.status(tr("Annotation saved"), 4000)

        self.write(lambda ctx: ctx.annotations.create(doc_id, a0, a1, side, v["note"], v["tags"], v["term"],
                                                      v["colour"] or COLOURS["yellow"], v["rendering"],
                                                      v["rationale"]), tr("Saving the annotation"), saved)

    def jump_to(self, a: Annotation) -> None:
        w = self.window
        if a.doc != w.reading.doc_id:
            self._pending_jump = a
            w.reading.open(a.doc)
            return
        self._select(a)

    def _opened(self, doc_id: str) -> None:
        if self._pending_jump is not None and self._pending_jump.doc == doc_id:
            a, self._pending_jump = self._pending_jump, None
            self._select(a)

    def _select(self, a: Annotation) -> None:
        w = self.window
        if a.status == AnchorStatus.ORPHAN:
            self.status(tr("This annotation lost its place: select the text it belongs to and press "
                           "“Re-attach to selection”"), 8000)
            return
        if a.side == "en" and w.reader.layout_mode == "zh":
            w.reading.set_layout("side")
        for i, (s0, s1) in enumerate(w.reading.spans(a.side)):
            if s0 <= a.start <= s1:
                w.reader.select_span(i, a.side, a.start - s0, min(a.end, s1) - s0)
                break

    def edit(self, a: Annotation) -> None:
        dlg = AnnotationDialog(self.window, a.exact, list(self.ctx.engine.glossary.entries.values()), a)
        if dlg.exec():
            values = dlg.values()
            self.write(lambda ctx: ctx.annotations.edit(a.id, **values), tr("Saving the annotation"))

    def delete(self, a: Annotation) -> None:
        self.window.undo_stack.push(DeleteAnnotation(self, a))
        self.status(tr("Annotation deleted — Ctrl+Z to undo"), 6000)

    def reattach(self, a: Annotation) -> None:
        w = self.window
        loc = w.reader.selection_location()
        if loc is None or a.doc != w.reading.doc_id:
            self.status(tr("Open the annotation's document and select the text to attach it to"), 6000)
            return
        seg, side, start, end = loc
        s0, s1 = w.reading.to_side_offset(seg, side, start), w.reading.to_side_offset(seg, side, end)
        self.write(lambda ctx: ctx.annotations.reattach(a.id, s0, s1, side), tr("Re-attaching the annotation"))
