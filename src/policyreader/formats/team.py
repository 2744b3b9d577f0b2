"""The files of a team repository: what a library shares with its team, as plain text reviewed like code.

    glossary/entries/<entry id>.toml     one user entry, in the bundled glossary's TOML format; a user's
                                         additions to a bundled entry carry ``extends = true``
    annotations/<content hash>.jsonld    a W3C Web Annotation collection: every shared annotation of one
                                         document, the document named by the SHA-256 of its content, so
                                         that each member finds it under whatever id their library gave it

Every item (an entry, an annotation) also has a *canonical text*: sorted-key JSON of what it says, used
to compare and merge versions however a file was laid out. Files are written whole to a temporary name
and renamed into place, so a file is never half-written. A file that cannot be read is reported, and its
items are unknown (never taken as deleted).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from policyreader.core.glossary import GlossaryEntry, GlossaryError, entry_from_dict
from policyreader.core.glossary_toml import entry_from_toml, entry_to_toml
from policyreader.core.model import Annotation
from policyreader.formats.annotations import DOC_PREFIX, jsonld_item, read_jsonld, to_jsonld
from policyreader.formats.base import MAX_BYTES, ImportFailure

ENTRY_DIR = "glossary/entries"
ANNOTATION_DIR = "annotations"
ENTRY = "entry"
ANNOTATION = "annotation"
_SAFE_ID = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class TeamItem:
    """One shared item as it is in the repository: its key, canonical text and file."""

    key: str   # "entry:<id>" or "annotation:<uuid>"
    text: str
    path: str


@dataclass
class TeamTree:
    """Every item of a working copy (or of a commit), and the files that could not be read."""

    items: dict[str, TeamItem] = field(default_factory=dict)
    unreadable: dict[str, str] = field(default_factory=dict)  # path → why

    def texts(self) -> dict[str, str]:
        return {k: it.text for k, it in self.items.items()}


# --- keys and canonical texts ---------------------------------------------------------------------


def item_key(kind: str, item_id: str) -> str:
    return f"{kind}:{item_id}"


def split_key(key: str) -> tuple[str, str]:
    """``("entry", id)`` or ``("annotation", id)``."""
    kind, _, item_id = key.partition(":")
    return kind, item_id


def _dumps(data: object) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def entry_text(entry: GlossaryEntry, extends: bool) -> str:
    """The canonical text of a shared entry (outer spaces of the dispute and notes do not count)."""
    data = entry_from_dict({**entry.to_json(), "pinyin_override": entry.pinyin_override}).to_json()
    data.pop("origin")
    return _dumps({**data, "pinyin_override": entry.pinyin_override, "extends": extends})


def entry_from_text(text: str) -> tuple[GlossaryEntry, bool]:
    data = json.loads(text)
    extends = bool(data.pop("extends", False))
    return entry_from_dict(data, "user"), extends


def doc_key(content_hash: str, doc_id: str = "") -> str:
    """How the team names a document: its content hash (SHA-256 hex), or a hash of whatever stands in for it."""
    if _HEX64.fullmatch(content_hash):
        return content_hash
    return hashlib.sha256(f"policyreader:{content_hash or doc_id}".encode()).hexdigest()


def annotation_text(a: Annotation, document: str) -> str:
    """The canonical text of a shared annotation of the document whose team name is *document*."""
    item = jsonld_item(a)
    item["target"]["source"] = f"{DOC_PREFIX}{document}#{a.side}"
    return _dumps(item)


def annotation_from_text(text: str) -> Annotation:
    """The annotation (its ``doc`` is the document's team name, a content hash)."""
    return read_jsonld(text.encode("utf-8"), "annotation")[0]


def annotation_document(text: str) -> str:
    source = str(json.loads(text)["target"]["source"])
    return source[len(DOC_PREFIX):].split("#", 1)[0]


# --- paths ------------------------------------------------------------------------------------------


def entry_path(entry_id: str) -> str:
    """``glossary/entries/<id>.toml``; an id that is not a plain lower-case slug is named by its hash."""
    if _SAFE_ID.fullmatch(entry_id) and len(entry_id) <= 120:
        return f"{ENTRY_DIR}/{entry_id}.toml"
    return f"{ENTRY_DIR}/id-{hashlib.sha256(entry_id.encode()).hexdigest()[:20]}.toml"


def annotation_path(document: str) -> str:
    return f"{ANNOTATION_DIR}/{doc_key(document)}.jsonld"


def is_shared_path(path: str) -> bool:
    """Whether *path* (relative, with /) is one of the files a library shares."""
    folder, _, name = path.rpartition("/")
    return (folder == ENTRY_DIR and name.endswith(".toml")) or (folder == ANNOTATION_DIR and name.endswith(".jsonld"))


# --- files ------------------------------------------------------------------------------------------


def render_entry(text: str) -> bytes:
    entry, extends = entry_from_text(text)
    return entry_to_toml(entry, extends).encode("utf-8")


def render_annotations(document: str, texts: Iterable[str]) -> bytes:
    items = sorted((annotation_from_text(t) for t in texts), key=lambda a: (a.side, a.start, a.end, a.id))
    collection = to_jsonld(items)
    collection["label"] = f"PolicyReader annotations of document {document}"
    return (json.dumps(collection, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def parse_file(path: str, data: bytes) -> list[TeamItem]:
    """The items of one shared file. Raises ValueError with a one-line reason when it cannot be read."""
    try:
        text = data.decode("utf-8")
        if path.startswith(ENTRY_DIR + "/"):
            entry, extends = entry_from_toml(text, path)
            return [TeamItem(item_key(ENTRY, entry.id), entry_text(entry, extends), path)]
        return [TeamItem(item_key(ANNOTATION, a.id), annotation_text(a, a.doc), path)
                for a in read_jsonld(data, path)]
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 (byte {exc.start})") from None
    except (GlossaryError, ImportFailure) as exc:
        raise ValueError(" ".join(str(exc).split())) from None


ParseCache = dict[tuple[str, bytes], list[TeamItem] | str]
"""Files already parsed, by path and content digest (a sync reads its working copy several times)."""


def read_files(files: Iterable[tuple[str, bytes]], cache: ParseCache | None = None) -> TeamTree:
    """A tree from (path, bytes) pairs; files that are not shared files are ignored."""
    tree = TeamTree()
    cache = {} if cache is None else cache
    for path, data in sorted(files):
        if not is_shared_path(path):
            continue
        key = (path, hashlib.sha256(data).digest())
        if key not in cache:
            try:
                cache[key] = parse_file(path, data)
            except ValueError as exc:
                cache[key] = str(exc)
        items = cache[key]
        if isinstance(items, str):
            tree.unreadable[path] = items
            continue
        for it in items:
            # the same item in two files (a document re-imported on one side, the annotation edited on the
            # other): the first file in path order holds it, so every member reads the same tree alike
            tree.items.setdefault(it.key, it)
    return tree


def read_worktree(root: Path, cache: ParseCache | None = None) -> TeamTree:
    """The shared items of a working copy. A symbolic link (which could point anywhere on this machine) or
    a file over the import size limit is not read: it is reported as unreadable."""
    files = []
    refused: dict[str, str] = {}
    for folder, pattern in ((ENTRY_DIR, "*.toml"), (ANNOTATION_DIR, "*.jsonld")):
        for p in sorted((root / folder).glob(pattern)):
            path = f"{folder}/{p.name}"
            if p.is_symlink():
                refused[path] = f"{path}: a symbolic link, not a file; ignored"
            elif p.is_file() and p.stat().st_size > MAX_BYTES:
                refused[path] = f"{path}: larger than {MAX_BYTES // 2**20} MB; ignored"
            elif p.is_file():
                files.append((path, p.read_bytes()))
    tree = read_files(files, cache)
    tree.unreadable.update(refused)
    return tree


def write_file(root: Path, path: str, data: bytes | None) -> None:
    """Write (or, with None, remove) one file of the working copy: whole, through a temporary name."""
    target = root / path
    if data is None:
        target.unlink(missing_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    with tmp.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, target)


def write_changes(root: Path, tree: TeamTree, changes: Mapping[str, str | None]) -> list[str]:
    """Put *changes* (key → new canonical text, None to delete) into the working copy whose items are
    *tree*; returns the paths written. Annotation files are rewritten whole with their other items."""
    entry_files: dict[str, bytes | None] = {}
    touched_docs: dict[str, dict[str, str]] = {}  # annotation file → its items after the change

    def doc_items(path: str) -> dict[str, str]:
        if path not in touched_docs:
            touched_docs[path] = {k: it.text for k, it in tree.items.items() if it.path == path}
        return touched_docs[path]

    for key, text in sorted(changes.items()):
        kind, item_id = split_key(key)
        old = tree.items.get(key)
        if kind == ENTRY:
            new_path = entry_path(item_id)
            if old is not None and old.path != new_path:
                entry_files.setdefault(old.path, None)
            entry_files[new_path] = None if text is None else render_entry(text)
            continue
        if old is not None:
            doc_items(old.path).pop(key, None)
        if text is not None:
            doc_items(annotation_path(annotation_document(text)))[key] = text
    written = []
    for path, data in sorted(entry_files.items()):
        write_file(root, path, data)
        written.append(path)
    for path, items in sorted(touched_docs.items()):
        document = path.rpartition("/")[2].removesuffix(".jsonld")
        write_file(root, path, render_annotations(document, items.values()) if items else None)
        written.append(path)
    return written
