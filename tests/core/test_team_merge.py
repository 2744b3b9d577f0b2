"""The item-by-item three-way merge of a team sync: one-sided changes are taken, agreeing changes are
merged, and two different changes of one item — deletions included — are conflicts, never decided."""

from __future__ import annotations

import pytest

from policyreader.core.team_merge import Conflict, merge3

B = {"a": "1", "b": "1", "c": "1"}


@pytest.mark.parametrize("ours, theirs, merged", [
    (B, B, B),                                                     # nothing changed
    ({**B, "a": "2"}, B, {**B, "a": "2"}),                         # ours changed
    (B, {**B, "a": "3"}, {**B, "a": "3"}),                         # theirs changed
    ({**B, "a": "2"}, {**B, "a": "2"}, {**B, "a": "2"}),           # both alike
    ({**B, "d": "9"}, {**B, "e": "8"}, {**B, "d": "9", "e": "8"}),  # both added different items
    ({"b": "1", "c": "1"}, B, {"b": "1", "c": "1"}),               # ours deleted
    (B, {"a": "1", "c": "1"}, {"a": "1", "c": "1"}),               # theirs deleted
    ({"b": "1", "c": "1"}, {"b": "1", "c": "1"}, {"b": "1", "c": "1"}),  # both deleted
])
def test_clean_merges(ours: dict[str, str], theirs: dict[str, str], merged: dict[str, str]) -> None:
    assert merge3(B, ours, theirs) == (merged, [])


@pytest.mark.parametrize("ours, theirs, what", [
    ({**B, "a": "2"}, {**B, "a": "3"}, "changed by you and by"),
    ({"b": "1", "c": "1"}, {**B, "a": "3"}, "deleted by you, changed by"),
    ({**B, "a": "2"}, {"b": "1", "c": "1"}, "changed by you, deleted by"),
])
def test_two_different_changes_are_a_conflict_and_the_result_keeps_theirs(ours: dict[str, str],
                                                                         theirs: dict[str, str], what: str) -> None:
    merged, conflicts = merge3(B, ours, theirs)
    assert conflicts == [Conflict("a", "1", ours.get("a"), theirs.get("a"))]
    assert conflicts[0].what == what
    assert merged.get("a") == theirs.get("a")
    assert {k: v for k, v in merged.items() if k != "a"} == {"b": "1", "c": "1"}


def test_an_item_added_on_both_sides_differently_is_a_conflict() -> None:
    merged, conflicts = merge3({}, {"n": "mine"}, {"n": "theirs"})
    assert merged == {"n": "theirs"}
    assert conflicts[0].what == "added differently by you and by"
