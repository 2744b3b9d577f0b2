"""Glossary files in: TBX (v2 ``martif`` and v3 ``tbx``), OmegaT TSV, CSV and our glossary JSON.

:func:`read_glossary_file` turns one file into :class:`GlossaryEntry` objects with ``origin="user"``
or raises :class:`ImportFailure` — a file that fails imports nothing. Ids come from the file; an
entry without one gets the hyphen-joined toneless pinyin of its term (``失信`` → ``shi-xin``),
made unique within the file.

XML is parsed with ``defusedxml``: a file that declares entities (the "billion laughs" expansion
bomb, or an external entity that would read a local file or URL) is refused before anything is
expanded. A plain ``<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">`` line is allowed; no DTD is
loaded.

How each format is read:

* **TBX**: the version is told by the root element (``martif`` → v2, ``tbx`` → v3). The first
  Chinese (``zh…``) term is the term; a term noted "Traditional form" (or in a ``zh-Hant``/``zh-TW``/
  ``zh-HK``/``zh-MO`` section) is the traditional form, others are variants. Each English (``en…``)
  term is a rendering whose status comes from ``administrativeStatus``: preferred → preferred,
  admitted → accepted, deprecated or superseded → avoid, none → accepted; a ``Status: …`` note (which
  PolicyReader's exporter writes for contested and avoid) overrides it. The note prefixes written by
  ``policyreader.exporters.tbx`` (``Pinyin:``, ``Gloss:``, ``Traditional:``, ``Dispute:``,
  ``Notes:``, ``Used by:``, ``Ours:``) are read back into their fields; other notes are added to the
  entry's notes. ``User note:`` notes are annotations (they belong to documents in the exporting
  library) and are not imported as glossary data; neither are the JSON ``annotations`` or the CSV
  ``user_notes`` column. Entries with no Chinese term are skipped.
* **TSV** (``.tsv``/``.txt``, OmegaT): ``term<TAB>rendering[<TAB>comment]``; lines starting with
  ``#`` are comments. Rows are grouped by term into one entry. A rendering's status is the one its
  comment names (``preferred``/``accepted``/``contested``/``avoid``, but not ``avoid: …``, which lists
  other renderings); otherwise the first unlabelled row of a term is preferred — unless another row
  is labelled preferred — and the rest are accepted, since glossary authors list their main rendering
  first and OmegaT shows rows in file order. A comment in PolicyReader's own layout (``pinyin —
  status — gloss — avoid: …``) gives pinyin and gloss; any other comment goes into the notes.
* **CSV**: PolicyReader's columns (``id, zh, zh-Hant, pinyin, en_preferred, en_accepted, …``; see
  ``policyreader.exporters.tabular``) when the header has ``zh`` and ``en_preferred``; otherwise a
  memoQ-style file whose header names a Chinese column (``zh``, ``zh-CN``, ``zho``, ``Chinese``,
  ``中文`` …) and an English one (``en``, ``en-US``, ``eng``, ``English`` …), with rows grouped by
  term as for TSV. Comma-separated; semicolon- or tab-separated files are recognised by their header.
* **JSON**: the glossary JSON shape (a list of entry objects, or ``{"entries": [...]}``).

Text files must be UTF-8 (a byte-order mark is allowed) or UTF-16 with a byte-order mark.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml import ElementTree as SafeElementTree

from policyreader.core.cjk import has_han
from policyreader.core.glossary import STATUSES, Example, GlossaryEntry, Rendering, SourceRef, entry_from_dict
from policyreader.core.model import Status

from .base import MAX_BYTES, ImportFailure

SUPPORTED_EXTENSIONS = (".tbx", ".tsv", ".txt", ".csv", ".json")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# administrativeStatus (and the older normativeAuthorization) values → our statuses.
_ADMIN_STATUS = {
    "preferredterm-admn-sts": Status.PREFERRED, "preferred": Status.PREFERRED,
    "admittedterm-admn-sts": Status.ACCEPTED, "admitted": Status.ACCEPTED,
    "deprecatedterm-admn-sts": Status.AVOID, "deprecated": Status.AVOID,
    "supersededterm-admn-sts": Status.AVOID, "superseded": Status.AVOID,
}
_TRADITIONAL_LANGS = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")
_POSITION_SUFFIX = re.compile(r":\s*line \d+, column \d+$")
_TONE_VOWEL = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]", re.IGNORECASE)
_PINYIN_LIKE = re.compile(r"^[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜ'’ ,·-]+$")
# A status word in a TSV comment; "avoid: x / y" names renderings to avoid, not this row's status.
_STATUS_WORD = re.compile(r"\b(preferred|accepted|contested|avoid)\b(?!\s*:)", re.IGNORECASE)
_SOURCE_ID = re.compile(r"^([a-z0-9][a-z0-9._-]*): (.*)$", re.S)


# --- shared -------------------------------------------------------------------------------------


def slug_for_term(term: str) -> str:
    """An id for a term: its toneless pinyin, syllables joined by hyphens (``失信`` → ``shi-xin``)."""
    from pypinyin import lazy_pinyin  # loaded on first use; it is slow to import

    text = "-".join(lazy_pinyin(term))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "term"


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFailure(f"damaged UTF-16 text (at byte {exc.start}); save the file as UTF-8 and import "
                                "it again", name) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportFailure(
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded); save it as UTF-8 "
            "(in Excel: 'CSV UTF-8'; in a text editor: encoding UTF-8) and import it again",
            name, f"line {line}") from None


@dataclass
class _Row:
    """One (term, rendering) row of a TSV or two-column CSV file."""

    term: str
    target: str
    comment: str
    line: int


@dataclass
class _Comment:
    status: str = ""
    pinyin: str = ""
    text: list[str] = field(default_factory=list)
    ours: bool = False  # laid out by PolicyReader's TSV exporter: "pinyin — status — gloss — avoid: …"


def _parse_comment(comment: str) -> _Comment:
    parts = [p.strip() for p in comment.split(" — ") if p.strip()]
    out = _Comment()
    exact = [p for p in parts if p.lower() in STATUSES]
    if exact:
        out.status, out.ours = exact[0].lower(), True
        if parts and parts[0] not in exact and _PINYIN_LIKE.match(parts[0]) and _TONE_VOWEL.search(parts[0]):
            out.pinyin = parts[0]
            parts = parts[1:]
        out.text = [p for p in parts if p not in exact and not p.lower().startswith("avoid:")]
        return out
    m = _STATUS_WORD.search(comment)
    if m:
        out.status = m.group(1).lower()
    out.text = [comment.strip()] if comment.strip() else []
    return out


def _entries_from_rows(rows: list[_Row]) -> list[GlossaryEntry]:
    """Group rows by term: one entry per term, renderings in file order (see the module docstring)."""
    groups: dict[str, list[_Row]] = {}
    for row in rows:
        groups.setdefault(row.term, []).append(row)
    entries = []
    for term, group in groups.items():
        comments = [_parse_comment(r.comment) for r in group]
        has_preferred = any(c.status == Status.PREFERRED for c in comments)
        renderings: list[Rendering] = []
        seen: set[str] = set()
        notes: list[str] = []
        pinyin = next((c.pinyin for c in comments if c.pinyin), "")
        gloss = ""
        for row, c in zip(group, comments, strict=True):
            status = c.status
            if not status:
                status = Status.ACCEPTED if has_preferred else Status.PREFERRED
                has_preferred = True
            elif status == Status.PREFERRED and any(r.status == Status.PREFERRED for r in renderings):
                status = Status.ACCEPTED  # one preferred rendering per entry: the first one labelled so
            if c.ours:
                gloss = gloss or " — ".join(c.text)
            elif c.text:
                notes.append(f"{row.target}: {' '.join(c.text)}" if len(group) > 1 else " ".join(c.text))
            if row.target.casefold() in seen:
                continue
            seen.add(row.target.casefold())
            renderings.append(Rendering(row.target, status))
        entries.append(GlossaryEntry(id="", term=term, pinyin=pinyin, gloss=gloss, notes="\n".join(notes),
                                     renderings=renderings, origin="user"))
    return entries


# --- TSV ----------------------------------------------------------------------------------------


def _read_tsv(data: bytes, name: str) -> list[GlossaryEntry]:
    rows = []
    for number, line in enumerate(_decode(data, name).split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) not in (2, 3):
            raise ImportFailure(
                f"expected 2 or 3 tab-separated fields (term, rendering, optional comment) but found "
                f"{len(fields)}; fix this line (a tab inside a field splits it) and import again",
                name, f"line {number}")
        term, target = fields[0].strip(), fields[1].strip()
        if not term or not target:
            raise ImportFailure(f"the {'term' if not term else 'rendering'} is empty; fill it in or delete the "
                                "line", name, f"line {number}")
        rows.append(_Row(term, target, fields[2].strip() if len(fields) == 3 else "", number))
    return _entries_from_rows(rows)


# --- CSV ----------------------------------------------------------------------------------------

_ZH_HEADER = re.compile(r"^(?:(?:zh|zho|chi)(?:[-_ (].*)?|chinese.*|source|中文.*|汉语.*|漢語.*|简体.*)$")
_EN_HEADER = re.compile(r"^(?:(?:en|eng)(?:[-_ (].*)?|english.*|target|英文.*|英语.*|英語.*)$")
_COMMENT_HEADER = ("comment", "comments", "note", "notes", "definition", "remark", "备注")


def split_items(cell: str) -> list[str]:
    r"""The items of a ``"; "``-separated cell, where ``\;`` and ``\\`` stand for ``;`` and ``\``."""
    items: list[str] = []
    current: list[str] = []
    chars = iter(cell)
    for ch in chars:
        if ch == "\\":
            current.append(next(chars, "\\"))
        elif ch == ";":
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [i.strip() for i in items if i.strip()]


def _csv_rows(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    first = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first:
        delimiter = ";" if ";" in first else "\t" if "\t" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                yield reader.line_num, row
    except csv.Error as exc:
        raise ImportFailure(f"malformed CSV ({exc}); check the quotes on this line", name,
                            f"line {reader.line_num}") from None


def _check_width(row: list[str], width: int, line: int, name: str) -> None:
    if len(row) != width:
        raise ImportFailure(
            f"expected {width} comma-separated fields, as in the header, but found {len(row)}; fix this row "
            "(a comma inside a field needs quotes around the field) and import again", name, f"line {line}")


def _our_csv_entry(cells: dict[str, str]) -> GlossaryEntry:
    renderings = []
    if cells.get("en_preferred", "").strip():
        renderings.append(Rendering(cells["en_preferred"].strip(), Status.PREFERRED))
    for status in (Status.ACCEPTED, Status.CONTESTED, Status.AVOID):
        renderings += [Rendering(text, status) for text in split_items(cells.get(f"en_{status}", ""))]
    return GlossaryEntry(
        id=cells.get("id", "").strip(), term=cells.get("zh", "").strip(),
        traditional=cells.get("zh-hant", "").strip(), pinyin=cells.get("pinyin", "").strip(),
        gloss=cells.get("gloss", "").strip(), domains=split_items(cells.get("domains", "")),
        dispute=cells.get("dispute", "").strip(), notes=cells.get("notes", "").strip(),
        renderings=renderings, origin="user")


def _read_csv(data: bytes, name: str) -> list[GlossaryEntry]:
    rows = list(_csv_rows(_decode(data, name), name))
    if not rows:
        return []
    header_line, header_row = rows[0]
    header = [h.strip().lower() for h in header_row]
    if "zh" in header and "en_preferred" in header:
        entries = []
        for line, row in rows[1:]:
            _check_width(row, len(header), line, name)
            cells = dict(zip(header, row, strict=True))
            if not cells["zh"].strip():
                raise ImportFailure("the zh (term) cell is empty; fill it in or delete the row", name,
                                    f"line {line}")
            entries.append(_our_csv_entry(cells))
        return entries
    zh_col = next((i for i, h in enumerate(header) if _ZH_HEADER.match(h)), None)
    en_col = next((i for i, h in enumerate(header) if _EN_HEADER.match(h) and i != zh_col), None)
    comment_col = next((i for i, h in enumerate(header) if h in _COMMENT_HEADER), None)
    body = rows[1:]
    if (zh_col is None or en_col is None) and len(header) == 2:
        # No recognisable header: a two-column file is still readable if one column is Chinese. If the
        # first row has Chinese in one cell it is data; otherwise it is a header and the second row tells.
        for index, (_, row) in enumerate(rows[:2]):
            han = [has_han(cell) for cell in row[:2]]
            if len(han) == 2 and han[0] != han[1]:
                zh_col, en_col = (0, 1) if han[0] else (1, 0)
                body = rows[index:]
                break
    if zh_col is None or en_col is None:
        raise ImportFailure(
            "cannot tell which column is Chinese and which English: the first row must be a header naming "
            "them (for example 'zh,en' or 'Chinese,English'), or use PolicyReader's CSV columns (id, zh, "
            f"zh-Hant, pinyin, en_preferred, …); found: {', '.join(header_row)}", name, f"line {header_line}")
    out = []
    for line, row in body:
        _check_width(row, len(header_row), line, name)
        term, target = row[zh_col].strip(), row[en_col].strip()
        if not term or not target:
            raise ImportFailure(f"the {'Chinese' if not term else 'English'} cell is empty; fill it in or delete "
                                "the row", name, f"line {line}")
        out.append(_Row(term, target, row[comment_col].strip() if comment_col is not None else "", line))
    return _entries_from_rows(out)


# --- JSON ---------------------------------------------------------------------------------------


def _read_json(data: bytes, name: str) -> list[GlossaryEntry]:
    try:
        doc = json.loads(_decode(data, name))
    except json.JSONDecodeError as exc:
        raise ImportFailure(f"invalid JSON ({exc.msg}); repair the file or export it again", name,
                            f"line {exc.lineno}, column {exc.colno}") from None
    if isinstance(doc, dict) and isinstance(doc.get("entries"), list):
        doc = doc["entries"]
    if not isinstance(doc, list):
        raise ImportFailure("expected a list of glossary entries (the glossary JSON shape) at the top level, "
                            f"found a JSON {type(doc).__name__}", name)
    entries = []
    for number, item in enumerate(doc, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("term"), str) or not item["term"].strip():
            raise ImportFailure("each entry must be an object with a non-empty \"term\"", name, f"entry {number}")
        entries.append(entry_from_dict(item, origin="user"))
    return entries


# --- TBX ----------------------------------------------------------------------------------------


def _line_of(data: bytes, needle: bytes) -> str:
    index = data.find(needle)
    return "line " + str(data.count(b"\n", 0, index) + 1) if index >= 0 else ""


def parse_xml(data: bytes, name: str) -> Element:
    """Parse XML safely: entity declarations are refused, malformed XML names its line and column."""
    try:
        root: Element = SafeElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True,
                                                   forbid_external=True)
        return root
    except EntitiesForbidden as exc:
        where = _line_of(data, b"<!ENTITY")
        if exc.sysid or exc.pubid:
            raise ImportFailure(
                f"refused: the file declares an external XML entity '{exc.name}' ({exc.sysid or exc.pubid}) "
                "that would make the reader open another file or URL (possible XXE attack); export the "
                "termbase again without a DTD", name, where) from None
        raise ImportFailure(
            f"refused: the file declares XML entities (entity '{exc.name}'), which can expand into gigabytes "
            "of text (possible entity-expansion 'billion laughs' attack); export the termbase again without "
            "entity declarations", name, where) from None
    except DefusedXmlException as exc:
        raise ImportFailure(f"refused: the file uses XML features that are not allowed ({exc}); export the "
                            "termbase again without a DTD", name) from None
    except ParseError as exc:
        line, column = exc.position
        detail = _POSITION_SUFFIX.sub("", str(exc))
        raise ImportFailure(f"malformed XML ({detail}); the file is not well-formed — repair it or export it "
                            "again", name, f"line {line}, column {column + 1}") from None


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _kids(el: Element, *names: str) -> list[Element]:
    return [c for c in el if _local(c.tag) in names]


def _text(el: Element) -> str:
    return "".join(el.itertext()).strip()


def _language(el: Element) -> str:
    return str(el.get(XML_LANG) or el.get("lang") or "").strip().lower()


def _prefixed(text: str, prefix: str) -> str | None:
    return text[len(prefix):].strip() if text.lower().startswith(prefix.lower()) else None


@dataclass
class _TermInfo:
    """What a tig/ntig/termSec holds."""

    term: str = ""
    term_notes: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    contexts: list[Element] = field(default_factory=list)
    descrips: list[str] = field(default_factory=list)


def _term_info(group: Element) -> _TermInfo:
    info = _TermInfo()

    def walk(el: Element) -> None:
        for c in el:
            n = _local(c.tag)
            if n in ("termGrp", "termNoteGrp", "adminGrp", "noteGrp"):
                walk(c)
            elif n == "term" and not info.term:
                info.term = _text(c)
            elif n == "termNote":
                info.term_notes.setdefault(str(c.get("type", "")), _text(c))
            elif n == "note" and _text(c):
                info.notes.append(_text(c))
            elif n == "admin" and c.get("type") == "source" and _text(c):
                info.sources.append(_text(c))
            elif n == "descripGrp":
                info.contexts.append(c)
            elif n == "descrip" and _text(c):
                info.descrips.append(f"{c.get('type', 'description')}: {_text(c)}")

    walk(group)
    return info


def _source_ref(text: str) -> SourceRef:
    """``id: citation — locator: …`` as written by our exporter; any other text is kept whole as the id."""
    m = _SOURCE_ID.match(text)
    if not m:
        return SourceRef(text)
    rest = m.group(2)
    locator = rest.rsplit(" — locator: ", 1)[1] if " — locator: " in rest else ""
    return SourceRef(m.group(1), locator.strip())


def _example(grp: Element) -> Example | None:
    zh = doc = location = en = ""
    for c in grp:
        n = _local(c.tag)
        if n == "descrip" and c.get("type") == "context":
            zh = _text(c)
        elif n == "admin" and c.get("type") == "source":
            doc, _, location = _text(c).partition(", ")
        elif n == "note":
            en = _text(c)
    return Example(doc.strip(), location.strip(), zh, en) if zh else None


def _rendering(info: _TermInfo, notes: list[str]) -> Rendering:
    status_note = info.term_notes.get("administrativeStatus") or info.term_notes.get("normativeAuthorization", "")
    r = Rendering(info.term, _ADMIN_STATUS.get(status_note.strip().lower(), Status.ACCEPTED))
    for note in info.notes:
        if (v := _prefixed(note, "Status:")) is not None and v.lower() in STATUSES:
            r.status = v.lower()
        elif (v := _prefixed(note, "Used by:")) is not None:
            r.used_by = v
        elif (v := _prefixed(note, "Ours:")) is not None:
            r.ours = v
        else:
            notes.append(f"{info.term}: {note}")
    r.sources = [_source_ref(s) for s in info.sources]
    return r


class _TbxEntry:
    """Collects one termEntry/conceptEntry into a GlossaryEntry."""

    def __init__(self, el: Element, lang_name: str, group_names: tuple[str, ...]):
        self.entry = GlossaryEntry(id=str(el.get("id", "")).strip(), term="", origin="user")
        self.notes: list[str] = []
        self.disputes: list[str] = []
        self._zh_forms: list[tuple[str, str]] = []  # (form, "term" | "traditional" | "variant")
        self._entry_level(el)
        for section in _kids(el, lang_name):
            lang = _language(section)
            for c in section:
                if _local(c.tag) == "note":
                    self._note(_text(c))
                elif _local(c.tag) == "descrip" and _text(c):
                    self.notes.append(f"{c.get('type', 'description')} ({lang}): {_text(c)}")
            for group in _kids(section, *group_names):
                info = _term_info(group)
                if not info.term:
                    continue
                if lang.startswith("zh"):
                    self._chinese(info, lang)
                elif lang.startswith("en"):
                    self.entry.renderings.append(_rendering(info, self.notes))
        self._finish()

    def _entry_level(self, el: Element) -> None:
        for c in el:
            n = _local(c.tag)
            if n == "descrip" and c.get("type") == "subjectField" and _text(c):
                self.entry.domains.append(_text(c))
            elif n == "descrip" and _text(c):
                self.notes.append(f"{c.get('type', 'description')}: {_text(c)}")
            elif n == "note":
                self._note(_text(c))
            elif n == "ref" and c.get("type") == "crossReference" and c.get("target"):
                self.entry.related.append(str(c.get("target")))

    def _note(self, text: str) -> None:
        if not text:
            return
        if (v := _prefixed(text, "Dispute:")) is not None:
            self.disputes.append(v)
        elif (v := _prefixed(text, "Notes:")) is not None:
            self.notes.append(v)
        elif _prefixed(text, "User note:") is None:  # annotations are not glossary data
            self.notes.append(text)

    def _chinese(self, info: _TermInfo, lang: str) -> None:
        marks = " ".join(info.notes).lower()
        if "traditional form" in marks or lang in _TRADITIONAL_LANGS:
            kind = "traditional"
        elif any(kind == "term" for _, kind in self._zh_forms):
            kind = "variant"
        elif info.term_notes.get("termType", "").lower() == "variant" or "variant form" in marks:
            kind = "variant"
        else:
            kind = "term"
        self._zh_forms.append((info.term, kind))
        e = self.entry
        for note in info.notes:
            if (v := _prefixed(note, "Pinyin:")) is not None:
                e.pinyin = e.pinyin or v
            elif (v := _prefixed(note, "Gloss:")) is not None:
                e.gloss = e.gloss or v
            elif (v := _prefixed(note, "Traditional:")) is not None:
                e.traditional = e.traditional or v
            elif note.lower() not in ("traditional form", "variant form"):
                self.notes.append(f"{info.term}: {note}")
        self.notes += [f"{info.term}: {d}" for d in info.descrips]
        e.examples += [x for x in (_example(g) for g in info.contexts) if x is not None]

    def _finish(self) -> None:
        e = self.entry
        forms = self._zh_forms
        main = [f for f, kind in forms if kind == "term"] or [f for f, kind in forms if kind == "variant"]
        e.term = main[0] if main else ""
        e.traditional = e.traditional or next((f for f, kind in forms if kind == "traditional"), "")
        e.variants = list(dict.fromkeys(f for f, _ in forms if f not in (e.term, e.traditional)))
        e.dispute = "\n\n".join(self.disputes)
        e.notes = "\n\n".join(dict.fromkeys(self.notes))


def _read_tbx(data: bytes, name: str) -> list[GlossaryEntry]:
    root = parse_xml(data, name)
    kind = _local(root.tag)
    groups: tuple[str, ...]
    if kind == "martif":
        entry_name, lang_name, groups = "termEntry", "langSet", ("tig", "ntig")
    elif kind == "tbx":
        entry_name, lang_name, groups = "conceptEntry", "langSec", ("termSec",)
    else:
        raise ImportFailure(f"not a TBX file: the root element is <{kind}>, expected <martif> (TBX v2) or <tbx> "
                            "(TBX v3)", name)
    text = next(iter(_kids(root, "text")), None)
    body = next(iter(_kids(text, "body")), None) if text is not None else None
    if body is None:
        raise ImportFailure("the TBX file has no <text><body>; export the termbase again", name, f"<{kind}>")
    entries: list[GlossaryEntry] = []
    languages: set[str] = set()
    for el in _kids(body, entry_name):
        languages.update(_language(s) for s in _kids(el, lang_name))
        entry = _TbxEntry(el, lang_name, groups).entry
        if entry.term:
            entries.append(entry)
    if not entries and languages:
        raise ImportFailure(
            "no Chinese terms found: no language section has an xml:lang starting with 'zh' (languages in the "
            f"file: {', '.join(sorted(la for la in languages if la)) or 'none'}); import a Chinese termbase", name)
    return entries


# --- entry point --------------------------------------------------------------------------------

_READERS: dict[str, Callable[[bytes, str], list[GlossaryEntry]]] = {
    ".tbx": _read_tbx,
    ".tsv": _read_tsv,
    ".txt": _read_tsv,
    ".csv": _read_csv,
    ".json": _read_json,
}


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        if path.is_dir():
            raise ImportFailure("this is a folder, not a file; choose a glossary file", name)
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ImportFailure("file not found; check the path and that the file still exists", name) from None
    except PermissionError:
        raise ImportFailure("permission denied; check that you may read this file", name) from None
    except OSError as exc:
        raise ImportFailure(f"cannot read the file ({exc.strerror or exc})", name) from None
    if len(data) > MAX_BYTES:
        raise ImportFailure(f"file is too large: the limit is {MAX_BYTES // 1024 // 1024} MB; split the glossary",
                            name)
    return data


def _finish(entries: list[GlossaryEntry], name: str) -> list[GlossaryEntry]:
    """Check what every format must give, set origin and give entries without an id one of their own."""
    given: dict[str, str] = {}
    for e in entries:
        e.id, e.term = e.id.strip(), e.term.strip()
        if e.id:
            if e.id in given:
                raise ImportFailure(f"two entries have the id {e.id!r} ({given[e.id]} and {e.term}); make the ids "
                                    "unique and import again", name, f"id {e.id!r}")
            given[e.id] = e.term
    taken = set(given)
    for e in entries:
        e.origin, e.path = "user", ""
        if not e.id:
            base = slug_for_term(e.term)
            e.id, n = base, 2
            while e.id in taken:
                e.id, n = f"{base}-{n}", n + 1
            taken.add(e.id)
        for r in e.renderings:
            if not r.text.strip():
                raise ImportFailure(f"entry {e.id!r} ({e.term}) has a rendering with no text; fill it in or remove "
                                    "it", name, f"entry {e.id!r}")
            if r.status not in STATUSES:
                raise ImportFailure(f"rendering {r.text!r} of entry {e.id!r} has the status {r.status!r}; use one "
                                    f"of {', '.join(STATUSES)}", name, f"entry {e.id!r}")
    return entries


def read_glossary_file(path: Path) -> list[GlossaryEntry]:
    """Read the glossary entries of a TBX, TSV/TXT, CSV or JSON file (see the module docstring).

    Raises :class:`ImportFailure` for any problem with the file; ``str(exc)`` is fit to show the user.
    """
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        raise ImportFailure(f"unsupported glossary file type '{suffix or '(no extension)'}'; PolicyReader reads "
                            f"{', '.join(SUPPORTED_EXTENSIONS)}", name)
    data = _read_bytes(path, name)
    try:
        return _finish(reader(data, name), name)
    except ImportFailure:
        raise
    except RecursionError:
        raise ImportFailure("the file is nested too deeply to read (it may be damaged or hostile)", name) from None
    except Exception as exc:
        raise ImportFailure(
            f"unexpected error while reading the file ({type(exc).__name__}: {exc}); it may be damaged or use a "
            "feature PolicyReader does not support — please report it with the file", name) from exc
