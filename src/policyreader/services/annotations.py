"""Annotation use cases: create, list and filter, edit, delete and undo, re-anchor after a document
changes, re-attach orphans, and exchange as W3C Web Annotation JSON-LD, Markdown or CSV."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from policyreader.core.anchoring import Anchorer, TextQuote, make_quote
from policyreader.core.document import join_side
from policyreader.core.model import SIDES, AnchorStatus, Annotation, SegmentRow, now
from policyreader.services.errors import UserError
from policyreader.services.library import Library
from policyreader.storage.annotations import AnnotationRepository

JSONLD_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
PR = "https://policyreader.example/ns#"


class AnnotationService:
    """Annotations of the library's documents; registers itself to re-anchor on document replacement."""

    def __init__(self, library: Library):
        self.library = library
        self.repo = AnnotationRepository(library.repo.db)
        if self._reanchor_hook not in library.replace_hooks:
            library.replace_hooks.append(self._reanchor_hook)

    # -- creating and editing -----------------------------------------------------------------
    def side_text(self, doc: str, side: str) -> str:
        if side not in SIDES:
            raise UserError(f"--side must be zh or en, not {side!r}")
        return self.library.side_text(doc, side)[0]

    def create(self, doc: str, start: int, end: int, side: str = "zh", note: str = "",
               tags: Iterable[str] = (), term: str = "", colour: str = "", rendering: str = "",
               rationale: str = "") -> Annotation:
        """Annotate text[start:end] of one side of *doc* (offsets as in ``show DOC --json``, joined by newlines)."""
        self.library.get(doc)
        text = self.side_text(doc, side)
        if not (0 <= start < end <= len(text)):
            raise UserError(f"{doc}: span {start}–{end} is outside the {side} text (length {len(text)}); "
                            "offsets count characters of the segments joined by single newlines")
        if term and term not in self.library.engine.glossary.entries:
            raise UserError(f"--term {term}: no such glossary entry (see 'policyreader glossary export')")
        q = make_quote(text, start, end)
        stamp = now()
        a = Annotation(str(uuid.uuid4()), doc, side, start, end, q.exact, q.prefix, q.suffix, note,
                       sorted(dict.fromkeys(t.strip() for t in tags if t.strip())), colour, term, rendering,
                       rationale, AnchorStatus.EXACT, 1.0, stamp, stamp)
        self.repo.insert(a)
        return a

    def get(self, ann_id: str) -> Annotation:
        a = self.repo.get(ann_id)
        if a is None:
            raise UserError(f"no annotation {ann_id!r}")
        return a

    def edit(self, ann_id: str, **changes: Any) -> Annotation:
        a = self.get(ann_id)
        for key, value in changes.items():
            if value is None:
                continue
            if key == "tags":
                value = sorted(dict.fromkeys(t.strip() for t in value if t.strip()))
            if not hasattr(a, key) or key in ("id", "doc", "side", "start", "end", "exact", "prefix", "suffix"):
                raise UserError(f"cannot edit {key!r} of an annotation")
            setattr(a, key, value)
        self.repo.update(a)
        return a

    def delete(self, ann_id: str) -> None:
        self.get(ann_id)
        self.repo.set_deleted(ann_id, True)

    def undelete(self, ann_id: str) -> Annotation:
        self.repo.set_deleted(ann_id, False)
        return self.get(ann_id)

    def reattach(self, ann_id: str, start: int, end: int, side: str | None = None) -> Annotation:
        """Place an (orphaned) annotation by hand on a new span; its quote becomes that span."""
        a = self.get(ann_id)
        side = side or a.side
        text = self.side_text(a.doc, side)
        if not (0 <= start < end <= len(text)):
            raise UserError(f"span {start}–{end} is outside the {side} text (length {len(text)})")
        q = make_quote(text, start, end)
        a.side, a.start, a.end, a.exact, a.prefix, a.suffix = side, start, end, q.exact, q.prefix, q.suffix
        a.status, a.score = AnchorStatus.EXACT, 1.0
        self.repo.update(a)
        return a

    # -- listing ------------------------------------------------------------------------------
    def find(self, doc: str | None = None, tag: str | None = None, term: str | None = None,
             text: str | None = None, status: str | None = None) -> list[Annotation]:
        if doc is not None:
            self.library.get(doc)
        out = []
        needle = (text or "").lower()
        for a in self.repo.find(doc):
            if tag and tag not in a.tags:
                continue
            if term and a.term != term:
                continue
            if status and a.status != status:
                continue
            if needle and needle not in (a.note + " " + a.exact + " " + a.rationale + " " + a.rendering).lower():
                continue
            out.append(a)
        return out

    def tags(self) -> list[str]:
        return sorted({t for a in self.repo.find() for t in a.tags})

    # -- re-anchoring -------------------------------------------------------------------------
    def _reanchor_hook(self, doc: str, old: list[SegmentRow], new: list[SegmentRow]) -> dict[str, Any]:
        """Runs inside the replacement transaction: place every annotation of *doc* in the new text."""
        counts = {s.value: 0 for s in AnchorStatus}
        items = self.repo.find(doc)
        if not items:
            return {}
        texts: dict[str, str] = {side: join_side([s.zh if side == "zh" else s.en for s in new])[0] for side in SIDES}
        old_texts = {side: join_side([s.zh if side == "zh" else s.en for s in old])[0] for side in SIDES}
        anchorers: dict[str, Anchorer] = {side: Anchorer(texts[side], old_text=old_texts[side]) for side in SIDES}
        changed = []
        for a in items:
            anchor = anchorers[a.side].anchor(TextQuote(a.start, a.end, a.exact, a.prefix, a.suffix))
            counts[anchor.status] += 1
            if anchor.status == AnchorStatus.ORPHAN:
                a.status, a.score = AnchorStatus.ORPHAN, 0.0  # keep the old selectors: the quote is what the user sees
            else:
                q = anchor.quote(texts[a.side])
                a.start, a.end, a.exact, a.prefix, a.suffix = q.start, q.end, q.exact, q.prefix, q.suffix
                a.status, a.score = anchor.status, anchor.score
            a.modified = now()
            changed.append(a)
        self.repo.update_many(changed)
        return counts

    # -- exchange -----------------------------------------------------------------------------
    def to_jsonld(self, items: list[Annotation]) -> dict[str, Any]:
        """A W3C Web Annotation collection (one page) of *items*."""
        return {"@context": [JSONLD_CONTEXT, {"pr": PR}], "type": "AnnotationCollection",
                "label": "PolicyReader annotations", "total": len(items),
                "first": {"type": "AnnotationPage", "items": [self._jsonld_item(a) for a in items]}}

    @staticmethod
    def _jsonld_item(a: Annotation) -> dict[str, Any]:
        body: list[dict[str, Any]] = []
        if a.note:
            body.append({"type": "TextualBody", "value": a.note, "format": "text/markdown", "purpose": "commenting"})
        body += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in a.tags]
        if a.term:
            body.append({"type": "SpecificResource", "source": f"policyreader:glossary/{a.term}",
                         "purpose": "identifying"})
        return {
            "id": f"urn:uuid:{a.id}", "type": "Annotation", "created": a.created, "modified": a.modified,
            "body": body,
            "target": {"source": f"policyreader:doc/{a.doc}#{a.side}", "selector": [
                {"type": "TextPositionSelector", "start": a.start, "end": a.end},
                {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix}]},
            "pr:colour": a.colour, "pr:rendering": a.rendering, "pr:rationale": a.rationale,
            "pr:status": a.status,
        }

    @staticmethod
    def from_jsonld_item(item: dict[str, Any], where: str) -> Annotation:
        try:
            target = item["target"]
            source = target["source"]
            if not source.startswith("policyreader:doc/") or "#" not in source:
                raise ValueError(f"target source {source!r} is not a PolicyReader document")
            doc, side = source[len("policyreader:doc/"):].split("#", 1)
            sel = {s["type"]: s for s in target["selector"]}
            pos, quote = sel.get("TextPositionSelector", {}), sel["TextQuoteSelector"]
            note, tags, term = "", [], ""
            for b in item.get("body", []):
                if b.get("purpose") == "commenting":
                    note = b.get("value", "")
                elif b.get("purpose") == "tagging":
                    tags.append(b.get("value", ""))
                elif b.get("purpose") == "identifying":
                    term = str(b.get("source", "")).removeprefix("policyreader:glossary/")
            ann_id = str(item["id"]).removeprefix("urn:uuid:")
            return Annotation(ann_id, doc, side, int(pos.get("start", -1)), int(pos.get("end", -1)), quote["exact"],
                              quote.get("prefix", ""), quote.get("suffix", ""), note, sorted(tags),
                              item.get("pr:colour", ""), term, item.get("pr:rendering", ""),
                              item.get("pr:rationale", ""), item.get("pr:status", "exact"), 1.0,
                              item.get("created", ""), item.get("modified", ""))
        except (KeyError, TypeError, ValueError) as exc:
            raise UserError(f"{where}: not a PolicyReader Web Annotation ({type(exc).__name__}: {exc})") from exc

    def to_markdown(self, items: list[Annotation]) -> str:
        """Quote and note, grouped by document, then by glossary term."""
        out = ["# Annotations", ""]
        titles = {d.id: d for d in self.library.documents()}
        entries = self.library.engine.glossary.entries
        for doc in sorted({a.doc for a in items}):
            d = titles.get(doc)
            out += [f"## {d.title if d else doc}" + (f" — {d.title_en}" if d and d.title_en else ""), ""]
            by_term: dict[str, list[Annotation]] = {}
            for a in items:
                if a.doc == doc:
                    by_term.setdefault(a.term, []).append(a)
            for term in sorted(by_term, key=lambda t: (t == "", t)):
                label = f"{entries[term].term} ({term})" if term in entries else "Not linked to a term"
                out += [f"### {label}", ""]
                for a in by_term[term]:
                    out.append(f"> {a.exact}")
                    out.append("")
                    if a.note:
                        out += [a.note, ""]
                    extra = []
                    if a.rendering:
                        why = f" — {a.rationale}" if a.rationale else ""
                        extra.append(f"rendering chosen: *{a.rendering}*{why}")
                    if a.tags:
                        extra.append("tags: " + ", ".join(f"`{t}`" for t in a.tags))
                    if a.status != AnchorStatus.EXACT:
                        extra.append(f"anchoring: {a.status}")
                    if extra:
                        out += ["— " + "; ".join(extra), ""]
        return "\n".join(out).rstrip() + "\n"

    @staticmethod
    def to_csv(items: list[Annotation]) -> str:
        buf = io.StringIO()
        cols = ["id", "doc", "side", "start", "end", "exact", "prefix", "suffix", "note", "tags", "colour", "term",
                "rendering", "rationale", "status", "created", "modified"]
        w = csv.writer(buf)
        w.writerow(cols)
        for a in items:
            row = a.to_json()
            row["tags"] = ";".join(a.tags)
            w.writerow([row[c] for c in cols])
        return buf.getvalue()

    def export(self, fmt: str, items: list[Annotation] | None = None) -> str:
        items = self.find() if items is None else items
        if fmt == "jsonld":
            return json.dumps(self.to_jsonld(items), ensure_ascii=False, indent=2) + "\n"
        if fmt == "md":
            return self.to_markdown(items)
        if fmt == "csv":
            return self.to_csv(items)
        raise UserError(f"unknown format {fmt!r} (jsonld, md or csv)")

    def import_jsonld(self, path: Path) -> dict[str, int]:
        """Import a JSON-LD collection (or a single annotation); existing ids are skipped, all in one transaction."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise UserError(f"{path}: file not found") from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            where = f"line {exc.lineno}, column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "encoding"
            raise UserError(f"{path}: {where}: not valid JSON ({exc})") from exc
        if isinstance(data, dict) and data.get("type") == "AnnotationCollection":
            raw = data.get("first", {}).get("items", [])
        elif isinstance(data, dict) and data.get("type") == "Annotation":
            raw = [data]
        elif isinstance(data, list):
            raw = data
        else:
            raise UserError(f"{path}: expected a Web Annotation collection, annotation or list")
        items = [self.from_jsonld_item(it, f"{path}: item {i}") for i, it in enumerate(raw)]
        docs = {d.id for d in self.library.documents()}
        for i, a in enumerate(items):
            if a.doc not in docs:
                raise UserError(f"{path}: item {i}: document {a.doc!r} is not in the library; import it first")
            if a.side not in SIDES:
                raise UserError(f"{path}: item {i}: side {a.side!r} is not zh or en")
        new = [a for a in items if not self.repo.exists(a.id)]
        texts: dict[tuple[str, str], Anchorer] = {}
        for a in new:  # place each one in the text as it is in this library
            key = (a.doc, a.side)
            if key not in texts:
                texts[key] = Anchorer(self.side_text(a.doc, a.side))
            anchor = texts[key].anchor(TextQuote(a.start, a.end, a.exact, a.prefix, a.suffix))
            if anchor.status == AnchorStatus.ORPHAN:
                a.status, a.score = AnchorStatus.ORPHAN, 0.0
            else:
                q = anchor.quote(texts[key].text)
                a.start, a.end, a.exact, a.prefix, a.suffix = q.start, q.end, q.exact, q.prefix, q.suffix
                a.status, a.score = anchor.status, anchor.score
        self.repo.insert_many(new)
        return {"imported": len(new), "skipped": len(items) - len(new)}
