"""The files of a team repository: one TOML file per entry, one JSON-LD collection per document named by
its content hash; canonical texts that survive a write and a read; changes written into a working copy;
a file that cannot be read is reported, and its items are unknown rather than deleted."""

from __future__ import annotations

import json
from pathlib import Path

from policyreader.core.glossary import GlossaryEntry, Rendering, load_glossary
from policyreader.core.model import Annotation
from policyreader.formats.annotations import read_jsonld
from policyreader.formats.team import (
    annotation_text,
    doc_key,
    entry_path,
    entry_text,
    parse_file,
    read_worktree,
    render_entry,
    write_changes,
)

GLOSSARY_DIR = Path(__file__).resolve().parents[2] / "glossary"
H1, H2 = "a" * 64, "b" * 64


def note(ann_id: str, start: int, text: str = "a note", exact: str = "社会信用") -> Annotation:
    return Annotation(ann_id, "local-doc-id", "zh", start, start + len(exact), exact, "上海市", "条例", text,
                      ["team"], "#f4d03f", "shehui-xinyong", "social credit", "usual rendering", "exact", 1.0,
                      "2024-01-01T00:00:00+00:00", "2024-01-02T00:00:00+00:00")


def test_every_bundled_entry_keeps_its_canonical_text_through_a_file() -> None:
    for entry in load_glossary(GLOSSARY_DIR).entries.values():
        text = entry_text(entry, extends=False)
        [item] = parse_file(entry_path(entry.id), render_entry(text))
        assert (item.key, item.text) == (f"entry:{entry.id}", text)


def test_annotations_of_one_document_share_a_file_that_is_a_web_annotation_collection(tmp_path: Path) -> None:
    a, b = note("1", 3), note("2", 10, "another")
    written = write_changes(tmp_path, read_worktree(tmp_path), {
        "annotation:1": annotation_text(a, H1), "annotation:2": annotation_text(b, H1),
        "annotation:3": annotation_text(note("3", 0), H2)})
    assert written == [f"annotations/{H1}.jsonld", f"annotations/{H2}.jsonld"]
    data = (tmp_path / "annotations" / f"{H1}.jsonld").read_bytes()
    collection = json.loads(data)
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 2
    # the document is named by its content hash, whatever id each library gave it
    assert [x.doc for x in read_jsonld(data, "f")] == [H1, H1]
    tree = read_worktree(tmp_path)
    assert tree.texts() == {"annotation:1": annotation_text(a, H1), "annotation:2": annotation_text(b, H1),
                            "annotation:3": annotation_text(note("3", 0), H2)}


def test_changing_deleting_and_moving_items(tmp_path: Path) -> None:
    entry = GlossaryEntry(id="user-xinyong-xiufu", term="信用修复", domains=["user"],
                          renderings=[Rendering("credit repair", "preferred", "me", [], "mine")], origin="user")
    write_changes(tmp_path, read_worktree(tmp_path), {
        "entry:user-xinyong-xiufu": entry_text(entry, False), "annotation:1": annotation_text(note("1", 3), H1),
        "annotation:2": annotation_text(note("2", 9), H1)})
    assert (tmp_path / "glossary" / "entries" / "user-xinyong-xiufu.toml").is_file()
    moved = annotation_text(note("1", 3, "edited"), H2)  # re-imported elsewhere: another content hash
    write_changes(tmp_path, read_worktree(tmp_path), {"entry:user-xinyong-xiufu": None, "annotation:1": moved,
                                                       "annotation:2": None})
    assert read_worktree(tmp_path).texts() == {"annotation:1": moved}
    assert not (tmp_path / "annotations" / f"{H1}.jsonld").exists()  # its last annotation went
    assert not (tmp_path / "glossary" / "entries" / "user-xinyong-xiufu.toml").exists()
    assert not list(tmp_path.rglob("*.tmp"))


def test_an_unreadable_file_is_reported_and_its_items_are_unknown(tmp_path: Path) -> None:
    write_changes(tmp_path, read_worktree(tmp_path), {"annotation:1": annotation_text(note("1", 3), H1)})
    path = tmp_path / "annotations" / f"{H1}.jsonld"
    path.write_text(path.read_text(encoding="utf-8")[:200], encoding="utf-8")  # cut short
    (tmp_path / "glossary" / "entries").mkdir(parents=True)
    (tmp_path / "glossary" / "entries" / "broken.toml").write_text("id = 'broken'\nterm = ", encoding="utf-8")
    (tmp_path / "README.md").write_text("# our team glossary\n", encoding="utf-8")  # not ours: ignored
    secret = tmp_path / "secret.toml"
    secret.write_text('id = "leak"\nterm = "秘密"\n', encoding="utf-8")
    (tmp_path / "glossary" / "entries" / "leak.toml").symlink_to(secret)  # a teammate's link to a local file
    tree = read_worktree(tmp_path)
    assert tree.items == {}
    assert sorted(tree.unreadable) == [f"annotations/{H1}.jsonld", "glossary/entries/broken.toml",
                                       "glossary/entries/leak.toml"]
    assert all("\n" not in why for why in tree.unreadable.values())


def test_ids_that_are_not_plain_slugs_get_a_safe_file_name() -> None:
    assert entry_path("user-xinyong") == "glossary/entries/user-xinyong.toml"
    for odd in ("../../etc/passwd", "C:\\x", "Tbx/Concept 12", "CAPS", "a" * 200):
        path = entry_path(odd)
        assert path.startswith("glossary/entries/id-") and path.count("/") == 2 and path.endswith(".toml")
    assert entry_path("Tbx/Concept 12") != entry_path("Tbx/Concept 13")


def test_documents_without_a_content_hash_still_get_a_stable_team_name() -> None:
    assert doc_key(H1) == H1
    assert doc_key("fixture#copy-x") == doc_key("fixture#copy-x") != doc_key("fixture")
    assert len(doc_key("", "some-doc")) == 64
