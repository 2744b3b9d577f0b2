"""Three-way merge of shared items (glossary entries, annotations), item by item. Pure logic, no I/O.

Each side is a mapping from an item's key to its canonical text; a missing key means the item is not
there (never added, or deleted). Against the common ancestor (*base*), an item one side changed takes
that side's version, an item both sides changed alike takes it too, and an item both sides changed
differently — including "deleted on one side, changed on the other" — is a :class:`Conflict`. A
conflict is never decided here: the merged result carries *theirs* (what the team already has), the
caller keeps *ours* where it lives and asks the user to choose.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Conflict:
    """An item both sides changed differently; ``None`` means that side deleted it (or never had it)."""

    key: str
    base: str | None
    ours: str | None
    theirs: str | None

    @property
    def what(self) -> str:
        """How the two sides differ, from our side's point of view."""
        if self.ours is None:
            return "deleted by you, changed by"
        if self.theirs is None:
            return "changed by you, deleted by"
        if self.base is None:
            return "added differently by you and by"
        return "changed by you and by"


def merge3(base: Mapping[str, str], ours: Mapping[str, str],
           theirs: Mapping[str, str]) -> tuple[dict[str, str], list[Conflict]]:
    """The merged items and the conflicts (sorted by key). Conflicting items take *theirs* in the result."""
    merged: dict[str, str] = {}
    found: list[Conflict] = []
    for key in sorted({*base, *ours, *theirs}):
        b, o, t = base.get(key), ours.get(key), theirs.get(key)
        if o == t or t == b:
            result = o
        elif o == b:
            result = t
        else:
            found.append(Conflict(key, b, o, t))
            result = t
        if result is not None:
            merged[key] = result
    return merged, found
