"""Annotations in and out: W3C Web Annotation JSON-LD (both ways), Markdown and CSV (out).

The JSON-LD is an ``AnnotationCollection`` with one page; each annotation targets
``policyreader:doc/<doc>#<side>`` with a TextPositionSelector and a TextQuoteSelector, its note and tags
as TextualBody items and its glossary term as a SpecificResource; PolicyReader's own fields are
``pr:``-prefixed. Reading checks the structure and names the first problem by its JSON path
(``$.first.items[3].target.selector[1].exact``), so a damaged or foreign file imports nothing.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from policyreader.core.model import SIDES, AnchorStatus, Annotation
from policyreader.formats.base import ImportFailure
from policyreader.formats.markdown import md_escape, md_note

JSONLD_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
PR = "https://policyreader.example/ns#"
DOC_PREFIX = "policyreader:doc/"
TERM_PREFIX = "policyreader:glossary/"
MAX_FILE_BYTES = 20 * 1024 * 1024
"""The largest annotation file read (some 30,000 annotations); its parsed form takes several times more."""
MAX_OFFSET = 10**9
CSV_COLUMNS = ["id", "doc", "side", "start", "end", "exact", "prefix", "suffix", "note", "tags", "colour", "term",
               "rendering", "rationale", "status", "created", "modified"]


@dataclass
class AnnotationSet:
    """Annotations to write, with what the Markdown needs to name their documents and terms."""

    items: Sequence[Annotation]
    titles: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # doc id → (title, English title)
    terms: Mapping[str, str] = field(default_factory=dict)               # entry id → term


# --- out -----------------------------------------------------------------------------------------


def jsonld_item(a: Annotation) -> dict[str, Any]:
    body: list[dict[str, Any]] = []
    if a.note:
        body.append({"type": "TextualBody", "value": a.note, "format": "text/markdown", "purpose": "commenting"})
    body += [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in a.tags]
    if a.term:
        body.append({"type": "SpecificResource", "source": f"{TERM_PREFIX}{a.term}", "purpose": "identifying"})
    return {
        "id": f"urn:uuid:{a.id}", "type": "Annotation", "created": a.created, "modified": a.modified,
        "body": body,
        "target": {"source": f"{DOC_PREFIX}{a.doc}#{a.side}", "selector": [
            {"type": "TextPositionSelector", "start": a.start, "end": a.end},
            {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix, "suffix": a.suffix}]},
        "pr:colour": a.colour, "pr:rendering": a.rendering, "pr:rationale": a.rationale,
        "pr:status": a.status,
    }


def to_jsonld(items: Sequence[Annotation]) -> dict[str, Any]:
    """A W3C Web Annotation collection (one page) of *items*."""
    return {"@context": [JSONLD_CONTEXT, {"pr": PR}], "type": "AnnotationCollection",
            "label": "PolicyReader annotations", "total": len(items),
            "first": {"type": "AnnotationPage", "items": [jsonld_item(a) for a in items]}}


def render_jsonld(s: AnnotationSet) -> bytes:
    return (json.dumps(to_jsonld(s.items), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render_markdown(s: AnnotationSet) -> bytes:
    """Quote and note, grouped by document, then by glossary term. Everything but the note is plain text,
    escaped; the note is the user's Markdown with HTML and code-running links made inert (see md_note)."""
    out = ["# Annotations", ""]
    for doc in sorted({a.doc for a in s.items}):
        title, title_en = s.titles.get(doc, (doc, ""))
        out += [f"## {md_escape(title)}" + (f" — {md_escape(title_en)}" if title_en else ""), ""]
        by_term: dict[str, list[Annotation]] = {}
        for a in s.items:
            if a.doc == doc:
                by_term.setdefault(a.term, []).append(a)
        for term in sorted(by_term, key=lambda t: (t == "", t)):
            label = f"{s.terms[term]} ({term})" if term in s.terms else "Not linked to a term"
            out += [f"### {md_escape(label)}", ""]
            for a in by_term[term]:
                out += [f"> {md_escape(line)}" for line in a.exact.splitlines() or [""]] + [""]
                if a.note.strip():
                    out += [md_note(a.note.strip()), ""]
                extra = []
                if a.rendering:
                    why = f" — {md_escape(a.rationale)}" if a.rationale else ""
                    extra.append(f"rendering chosen: *{md_escape(a.rendering)}*{why}")
                if a.tags:
                    extra.append("tags: " + ", ".join(md_escape(t) for t in a.tags))
                if a.status != AnchorStatus.EXACT:
                    extra.append(f"anchoring: {a.status}")
                if extra:
                    out += ["— " + "; ".join(extra), ""]
    return ("\n".join(out).rstrip() + "\n").encode("utf-8")


def render_csv(s: AnnotationSet) -> bytes:
    from policyreader.formats.spreadsheet import SafeWriter

    buf = io.StringIO()
    w = SafeWriter(buf)
    w.writerow(CSV_COLUMNS)
    for a in s.items:
        row = a.to_json()
        row["tags"] = ";".join(a.tags)
        w.writerow([row[c] for c in CSV_COLUMNS])
    return buf.getvalue().encode("utf-8")


# --- in ------------------------------------------------------------------------------------------


class _Shape:
    """Walks a parsed JSON value, naming the first structural problem by its JSON path."""

    def __init__(self, name: str):
        self.name = name

    def fail(self, path: str, message: str) -> ImportFailure:
        return ImportFailure(f"{message}; this is not a PolicyReader Web Annotation file", self.name, path)

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, f"expected an object, found {_kind(value)}")
        return value

    def arr(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list, found {_kind(value)}")
        return value

    def text(self, value: Any, path: str, *, required: bool = True) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            raise self.fail(path, f"expected a string, found {_kind(value)}")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:  # JSON may spell a lone surrogate (\ud800), which is not text
            raise self.fail(path, f"the string holds an unpaired surrogate (U+{ord(value[exc.start]):04X}), "
                            "which is not text") from None
        return value

    def integer(self, value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(path, f"expected a whole number, found {_kind(value)}")
        if not -1 <= value <= MAX_OFFSET:  # -1: no position known (an annotation imported without one)
            raise self.fail(path, f"{value} is not an offset into a text (0 to {MAX_OFFSET:,}, or -1 for none)")
        return value


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__)


def _annotation(item: Any, path: str, shape: _Shape) -> Annotation:
    item = shape.obj(item, path)
    ann_id = shape.text(item.get("id"), f"{path}.id").removeprefix("urn:uuid:").strip()
    if not ann_id:
        raise shape.fail(f"{path}.id", "the annotation has no id")
    target = shape.obj(item.get("target"), f"{path}.target")
    source = shape.text(target.get("source"), f"{path}.target.source")
    if not source.startswith(DOC_PREFIX) or "#" not in source:
        raise shape.fail(f"{path}.target.source", f"{source[:80]!r} is not a PolicyReader document target")
    doc, side = source[len(DOC_PREFIX):].split("#", 1)
    if side not in SIDES:
        raise shape.fail(f"{path}.target.source", f"side {side!r} is not zh or en")
    selectors: dict[str, dict[str, Any]] = {}
    for i, sel in enumerate(shape.arr(target.get("selector"), f"{path}.target.selector")):
        sel = shape.obj(sel, f"{path}.target.selector[{i}]")
        selectors.setdefault(shape.text(sel.get("type"), f"{path}.target.selector[{i}].type"), sel | {"_i": i})
    if "TextQuoteSelector" not in selectors:
        raise shape.fail(f"{path}.target.selector", "there is no TextQuoteSelector")
    quote = selectors["TextQuoteSelector"]
    qp = f"{path}.target.selector[{quote['_i']}]"
    exact = shape.text(quote.get("exact"), f"{qp}.exact")
    if not exact:
        raise shape.fail(f"{qp}.exact", "the quoted text is empty")
    start = end = -1
    if "TextPositionSelector" in selectors:
        pos = selectors["TextPositionSelector"]
        pp = f"{path}.target.selector[{pos['_i']}]"
        start, end = shape.integer(pos.get("start"), f"{pp}.start"), shape.integer(pos.get("end"), f"{pp}.end")
        if end < start or (start < 0) != (end < 0):
            raise shape.fail(f"{pp}.end", f"the span ends ({end}) before it starts ({start})" if end < start
                             else f"{start}–{end} is not a span: -1 stands for no position, on both ends")
    note, tags, term = "", [], ""
    for i, b in enumerate(shape.arr(item.get("body", []), f"{path}.body")):
        b = shape.obj(b, f"{path}.body[{i}]")
        purpose = b.get("purpose")
        if purpose == "commenting":
            note = shape.text(b.get("value"), f"{path}.body[{i}].value")
        elif purpose == "tagging":
            tags.append(shape.text(b.get("value"), f"{path}.body[{i}].value"))
        elif purpose == "identifying":
            term = shape.text(b.get("source"), f"{path}.body[{i}].source").removeprefix(TERM_PREFIX)
    status = shape.text(item.get("pr:status"), f"{path}.pr:status", required=False) or AnchorStatus.EXACT
    if status not in tuple(AnchorStatus):
        raise shape.fail(f"{path}.pr:status", f"{status!r} is not exact, fuzzy or orphan")
    fields = {k: shape.text(item.get(k), f"{path}.{k}", required=False)
              for k in ("pr:colour", "pr:rendering", "pr:rationale", "created", "modified")}
    return Annotation(ann_id, doc, side, start, end, exact, shape.text(quote.get("prefix"), f"{qp}.prefix",
                                                                      required=False),
                      shape.text(quote.get("suffix"), f"{qp}.suffix", required=False), note,
                      sorted(t.strip() for t in tags if t.strip()), fields["pr:colour"], term,
                      fields["pr:rendering"], fields["pr:rationale"], status, 1.0, fields["created"],
                      fields["modified"])


def read_jsonld(data: bytes, name: str) -> list[Annotation]:
    """Parse and check a JSON-LD collection, a single annotation or a list of annotations."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ImportFailure(f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", name) from None
    except json.JSONDecodeError as exc:
        raise ImportFailure(f"not valid JSON ({exc.msg})", name, f"line {exc.lineno}, column {exc.colno}") from None
    shape = _Shape(name)
    if isinstance(doc, dict) and doc.get("type") == "AnnotationCollection":
        first = shape.obj(doc.get("first"), "$.first")
        raw, base = shape.arr(first.get("items"), "$.first.items"), "$.first.items"
    elif isinstance(doc, dict) and doc.get("type") == "Annotation":
        raw, base = [doc], "$"
    elif isinstance(doc, list):
        raw, base = doc, "$"
    else:
        raise shape.fail("$", "expected a Web Annotation collection, an annotation or a list of them")
    items = [_annotation(it, f"{base}[{i}]" if base != "$" or isinstance(doc, list) else "$", shape)
             for i, it in enumerate(raw)]
    seen: dict[str, int] = {}
    for i, a in enumerate(items):
        if a.id in seen:
            raise shape.fail(f"{base}[{i}].id", f"the id {a.id!r} is also used by item {seen[a.id]}")
        seen[a.id] = i
    return items
