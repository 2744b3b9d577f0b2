"""What a write changed, so that every open view can decide whether to refresh (Anki's OpChanges).

Every service write records its effect in the context's :class:`ChangeLog`; a background operation
in the window takes the log's :class:`Changes` when it finishes and hands them to every view through
one signal. No view calls another view to refresh it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """The effects of one or more writes. Empty means nothing visible changed."""

    documents: frozenset[str] = field(default_factory=frozenset)    # content (segments, alignment) changed
    library: bool = False                                            # documents added, removed or renamed
    glossary: bool = False                                           # user entries changed; links recomputed
    annotations: frozenset[str] = field(default_factory=frozenset)  # documents whose annotations changed
    qa: frozenset[str] = field(default_factory=frozenset)           # documents whose accepted findings changed

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.documents | other.documents, self.library or other.library,
                       self.glossary or other.glossary, self.annotations | other.annotations, self.qa | other.qa)

    @property
    def empty(self) -> bool:
        return not (self.documents or self.library or self.glossary or self.annotations or self.qa)

    def touches(self, doc_id: str) -> bool:
        """True when the open document *doc_id* must be re-read (its text, links or annotations)."""
        return self.glossary or doc_id in self.documents or doc_id in self.annotations


class ChangeLog:
    """Collects the changes of one context's writes until someone takes them; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._changes = Changes()

    def record(self, *, documents: Iterable[str] = (), library: bool = False, glossary: bool = False,
               annotations: Iterable[str] = (), qa: Iterable[str] = ()) -> None:
        with self._lock:
            self._changes = self._changes | Changes(frozenset(documents), library, glossary,
                                                    frozenset(annotations), frozenset(qa))

    def take(self) -> Changes:
        """The changes recorded since the last take, and a fresh start."""
        with self._lock:
            out, self._changes = self._changes, Changes()
            return out
