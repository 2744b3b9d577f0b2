"""Team sharing through a local bare repository, with two libraries acting as two people (Alice and Bob):
entries and annotations travel both ways in either order, deletions arrive as deletions, two different
changes of one item are kept both ways until the person chooses, and an annotation of a document the
other lacks waits for it."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from policyreader.core.errors import UserError
from policyreader.services.context import AppContext
from policyreader.services.git import TeamUnreachable
from policyreader.services.paths import resolve_paths
from policyreader.services.team_sync import TeamSync
from tests.teams import DOC, assert_every_commit_is_whole, bare_repository, member

CORPUS = Path(__file__).resolve().parents[2] / "docs_corpus"


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    return bare_repository(tmp_path / "team.git")


@pytest.fixture
def alice(corpus_seed: Path, tmp_path: Path, remote: Path) -> Iterator[AppContext]:
    ctx = AppContext(resolve_paths(member(corpus_seed, tmp_path, "alice")))
    ctx.team.join(str(remote), "Alice")
    yield ctx
    ctx.close()


@pytest.fixture
def bob(corpus_seed: Path, tmp_path: Path, remote: Path) -> Iterator[AppContext]:
    ctx = AppContext(resolve_paths(member(corpus_seed, tmp_path, "bob")))
    ctx.team.join(str(remote), "Bob")
    yield ctx
    ctx.close()


def renderings(ctx: AppContext, entry_id: str) -> list[str]:
    record = ctx.workbench.users.get(entry_id)
    return [] if record is None else [r.text for r in record.entry.renderings]


def notes(ctx: AppContext) -> dict[str, str]:
    return {a.id: a.note for a in ctx.annotations.find(DOC)}


def sync_all(*people: AppContext) -> None:
    for ctx in people:
        assert ctx.team.sync().conflicts == []


@pytest.mark.parametrize("first", ["alice", "bob"])
def test_both_add_entries_and_annotations_and_both_get_everything(alice: AppContext, bob: AppContext, remote: Path,
                                                                  first: str) -> None:
    a_entry = alice.workbench.add("信用修复承诺", ["credit repair pledge"], note="seen in Shanghai notices")
    b_entry = bob.workbench.add("失信惩戒备忘录", ["memorandum on punishing untrustworthiness"])
    a_note = alice.annotations.create(DOC, 0, 4, note="Alice: the title", tags=["title"])
    b_note = bob.annotations.create(DOC, 10, 14, note="Bob: the date")
    order = [alice, bob] if first == "alice" else [bob, alice]
    r1 = order[0].team.sync()
    assert r1.pushed and r1.sent.count == 2 and r1.received.count == 0
    r2 = order[1].team.sync()
    assert r2.pushed and r2.sent.count == 2 and r2.received.count == 2
    r3 = order[0].team.sync()
    assert r3.received.count == 2 and not r3.pushed  # nothing new of its own to send
    for ctx in (alice, bob):
        assert renderings(ctx, a_entry.id) == ["credit repair pledge"]
        assert renderings(ctx, b_entry.id) == ["memorandum on punishing untrustworthiness"]
        assert notes(ctx) == {a_note.id: "Alice: the title", b_note.id: "Bob: the date"}
        # the received entries are linked in the texts at once, as the user's own would be
        assert ctx.engine.glossary.entries[a_entry.id].origin == "user"
    placed = next(a for a in bob.annotations.find(DOC) if a.id == a_note.id)
    assert (placed.start, placed.end, placed.exact, placed.tags, placed.status) == (0, 4, a_note.exact, ["title"],
                                                                                    "exact")
    assert assert_every_commit_is_whole(remote) >= 3
    log = subprocess.run(["git", "--git-dir", str(remote), "log", "--format=%an", "main"], capture_output=True,
                         text=True, check=True).stdout.split()
    assert {"Alice", "Bob"} <= set(log)
    # and another round changes nothing anywhere
    before = subprocess.run(["git", "--git-dir", str(remote), "rev-parse", "main"], capture_output=True,
                            text=True).stdout
    sync_all(alice, bob, alice)
    assert subprocess.run(["git", "--git-dir", str(remote), "rev-parse", "main"], capture_output=True,
                          text=True).stdout == before


def test_the_files_are_the_bundled_format_and_web_annotations(alice: AppContext) -> None:
    entry = alice.workbench.add("信用修复承诺", ["credit repair pledge"])
    alice.workbench.add("诚信", ["good faith (our team's use)"])  # an addition to a bundled entry
    alice.annotations.create(DOC, 0, 4, note="x")
    alice.team.sync()
    work = alice.team.workdir
    text = (work / "glossary" / "entries" / f"{entry.id}.toml").read_text(encoding="utf-8")
    assert text.startswith(f'id = "{entry.id}"\nterm = "信用修复承诺"\n') and "[[renderings]]" in text
    assert "extends = true" in (work / "glossary" / "entries" / "chengxin.toml").read_text(encoding="utf-8")
    [jsonld] = (work / "annotations").glob("*.jsonld")
    doc = alice.library.repo.get(DOC)
    assert doc is not None and jsonld.stem == doc.content_hash


def test_editing_the_same_entry_on_both_sides_is_a_conflict_until_the_user_chooses(alice: AppContext,
                                                                                   bob: AppContext) -> None:
    entry = alice.workbench.add("信用修复承诺", ["credit repair pledge"])
    sync_all(alice, bob)
    alice.workbench.edit_entry(entry.id, ["credit restoration pledge"])
    bob.workbench.edit_entry(entry.id, ["pledge to repair credit"])
    assert alice.team.sync().conflicts == []
    report = bob.team.sync()
    [conflict] = report.conflicts
    assert (conflict.id, conflict.label, conflict.what) == (entry.id, "信用修复承诺", "changed by you and by Alice")
    assert [r.text for r in conflict.ours.renderings] == ["pledge to repair credit"]
    assert [r.text for r in conflict.theirs.renderings] == ["credit restoration pledge"]
    # both versions are kept meanwhile: each library its own, and syncing again decides nothing
    for _ in range(2):
        assert [c.id for c in bob.team.sync().conflicts] == [entry.id]
        assert alice.team.sync().conflicts == []
    assert renderings(bob, entry.id) == ["pledge to repair credit"]
    assert renderings(alice, entry.id) == ["credit restoration pledge"]


@pytest.mark.parametrize("keep, expected", [
    ("mine", ["pledge to repair credit"]),
    ("theirs", ["credit restoration pledge"]),
    ("both", ["pledge to repair credit", "credit restoration pledge"]),
])
def test_the_chosen_version_reaches_everyone(alice: AppContext, bob: AppContext, keep: str,
                                             expected: list[str]) -> None:
    entry = alice.workbench.add("信用修复承诺", ["credit repair pledge"])
    sync_all(alice, bob)
    alice.workbench.edit_entry(entry.id, ["credit restoration pledge"])
    bob.workbench.edit_entry(entry.id, ["pledge to repair credit"])
    sync_all(alice)
    assert bob.team.sync().conflicts
    bob.team.resolve(entry.id, keep)
    assert bob.team.conflicts() == []
    sync_all(bob, alice)
    assert renderings(alice, entry.id) == renderings(bob, entry.id) == expected


def test_a_deletion_arrives_as_a_deletion_and_can_be_undone_there(alice: AppContext, bob: AppContext) -> None:
    entry = alice.workbench.add("信用修复承诺", ["credit repair pledge"])
    note = alice.annotations.create(DOC, 0, 4, note="to be deleted")
    sync_all(alice, bob)
    assert note.id in notes(bob) and renderings(bob, entry.id)
    alice.workbench.delete(entry.id)
    alice.annotations.delete(note.id)
    report = alice.team.sync()
    assert report.sent.deleted == {"entry": [entry.id], "annotation": [note.id]}
    report = bob.team.sync()
    assert report.received.deleted == {"entry": [entry.id], "annotation": [note.id]}
    assert entry.id not in bob.engine.glossary.entries and note.id not in notes(bob)
    # deleted as the window deletes: marked, so Bob can bring it back, and that travels too
    bob.annotations.undelete(note.id)
    sync_all(bob, alice)
    assert notes(alice) == {note.id: "to be deleted"}


@pytest.mark.parametrize("deleter", ["alice", "bob"])
def test_deleted_on_one_side_and_edited_on_the_other_is_a_conflict(alice: AppContext, bob: AppContext,
                                                                   deleter: str) -> None:
    note = alice.annotations.create(DOC, 0, 4, note="first")
    sync_all(alice, bob)
    deleting, editing = (alice, bob) if deleter == "alice" else (bob, alice)
    deleting.annotations.delete(note.id)
    editing.annotations.edit(note.id, note="edited")
    sync_all(alice)
    [conflict] = bob.team.sync().conflicts
    assert conflict.what.startswith("deleted by you" if deleter == "bob" else "changed by you, deleted by")
    # nothing lost meanwhile: the editor's note is still in one of the two places
    assert "edited" in (notes(alice).get(note.id), notes(bob).get(note.id))
    bob.team.resolve(note.id, "theirs")
    sync_all(bob, alice)
    assert notes(alice) == notes(bob)


def test_an_annotation_of_a_document_the_other_lacks_waits_for_it(alice: AppContext, bob: AppContext,
                                                                  tmp_path: Path) -> None:
    source = tmp_path / "notice.txt"
    source.write_text("关于加强诚信建设的通知\n\n各地区要加强社会信用体系建设，完善守信激励和失信惩戒机制。\n", encoding="utf-8")
    doc = alice.library.import_path(source).id
    note = alice.annotations.create(doc, 0, 4, note="on Alice's own document")
    sync_all(alice)
    report = bob.team.sync()
    assert report.pending == 1 and report.received.count == 0
    assert bob.team.sync().pending == 1  # still waiting, still in the repository
    bob_doc = bob.library.import_path(source).id
    report = bob.team.sync()
    assert report.pending == 0 and report.received.added["annotation"] == [note.id]
    [placed] = bob.annotations.find(bob_doc)
    assert (placed.id, placed.note, placed.start, placed.status) == (note.id, "on Alice's own document", 0, "exact")


def test_an_edit_made_while_a_sync_runs_is_neither_lost_nor_overwritten(alice: AppContext, bob: AppContext) -> None:
    entry = alice.workbench.add("信用修复承诺", ["credit repair pledge"])
    sync_all(alice, bob)
    alice.workbench.edit_entry(entry.id, ["credit restoration pledge"])
    sync_all(alice)
    sync = TeamSync(bob.team)
    s = bob.team.settings()
    with bob.team.lock() as fd:
        git = bob.team.git((fd,))
        sync.prepare(git, s)
        from policyreader.services.team import SyncReport

        attempt = sync.send(git, s, SyncReport(s.remote))
        bob.workbench.edit_entry(entry.id, ["my edit during the sync"])  # the window, while the CLI syncs
        sync.receive(attempt)
        sync.store(attempt)
        assert sync.push(attempt)
    assert renderings(bob, entry.id) == ["my edit during the sync"]
    [conflict] = bob.team.conflicts()
    assert [r.text for r in conflict.theirs.renderings] == ["credit restoration pledge"]


def test_the_same_term_added_before_joining_is_merged_or_a_conflict(alice: AppContext, bob: AppContext) -> None:
    same_a = alice.workbench.add("信用修复承诺", ["credit repair pledge"])
    same_b = bob.workbench.add("信用修复承诺", ["credit repair pledge"])
    other_a = alice.workbench.add("失信惩戒备忘录", ["memorandum on punishment"])
    other_b = bob.workbench.add("失信惩戒备忘录", ["joint punishment memorandum"])
    assert (same_a.id, other_a.id) == (same_b.id, other_b.id)  # one slug for one term, in every library
    sync_all(alice)
    [conflict] = bob.team.sync().conflicts
    assert (conflict.id, conflict.what) == (other_a.id, "added differently by you and by Alice")
    assert renderings(bob, same_a.id) == ["credit repair pledge"]


def test_a_lost_working_copy_is_made_again_and_nothing_is_sent_twice(alice: AppContext, bob: AppContext,
                                                                     remote: Path) -> None:
    alice.workbench.add("信用修复承诺", ["credit repair pledge"])
    alice.annotations.create(DOC, 0, 4, note="first")
    sync_all(alice, bob)
    shutil.rmtree(alice.team.workdir)
    later = alice.workbench.add("失信惩戒备忘录", ["memorandum on punishment"])
    report = alice.team.sync()
    assert report.sent.added == {"entry": [later.id], "annotation": []} and report.received.count == 0
    sync_all(bob)
    assert renderings(bob, later.id) == ["memorandum on punishment"]
    # the new working copy found the synced commit: one commit on top of it, no second history to merge
    assert assert_every_commit_is_whole(remote) == 2


def test_joining_checks_the_repository(corpus_seed: Path, tmp_path: Path, remote: Path) -> None:
    ctx = AppContext(resolve_paths(member(corpus_seed, tmp_path, "carol")))
    try:
        plain = tmp_path / "just-a-folder"
        plain.mkdir()
        for bad in (str(tmp_path / "missing.git"), str(plain)):
            with pytest.raises(TeamUnreachable, match="cannot reach the team repository"):
                ctx.team.join(bad, "Carol")
            assert not ctx.team.joined and not ctx.team.workdir.exists()
        with pytest.raises(UserError, match="has not joined a team"):
            ctx.team.sync()
        ctx.team.join(str(remote), "Carol")
        assert ctx.team.settings().branch == "main"
        with pytest.raises(UserError, match="already syncs with"):
            ctx.team.join(str(plain), "Carol")
        ctx.team.leave()
        assert not ctx.team.joined and not ctx.team.workdir.exists()
    finally:
        ctx.close()


def test_status_tells_what_is_new_on_either_side(alice: AppContext, bob: AppContext) -> None:
    entry = alice.workbench.add("信用修复承诺", ["credit repair pledge"])
    note = bob.annotations.create(DOC, 0, 4, note="Bob's")
    sync_all(bob)
    status = alice.team.status()
    assert status["local"]["entries"]["added"] == [entry.id]
    assert status["team"]["annotations"]["added"] == [note.id]
    assert status["team"]["authors"] == ["Bob"] and status["team"]["commits"] == 1
    sync_all(alice)
    status = alice.team.status()
    assert status["local"]["entries"]["added"] == [] and status["team"]["commits"] == 0
    assert status["last_sync"]
