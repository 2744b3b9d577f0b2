"""One application context per data directory and thread: it builds every service once and wires them
together once (Anki's ``Collection``). Nothing else constructs services.

Both faces use it: the CLI builds one per process; the window builds one for the GUI thread (cheap reads)
and forks one for its background operations (:meth:`AppContext.fork`), each with its own database
connection and the same loaded glossary and segmenter. Services are built on first use, so a command
that never touches the library never opens the database.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from policyreader.services.changes import ChangeLog
from policyreader.services.engine import TextEngine
from policyreader.services.paths import AppPaths, resolve_paths

if TYPE_CHECKING:
    from policyreader.services.alignment_edit import AlignmentEditor
    from policyreader.services.annotations import AnnotationService
    from policyreader.services.coverage import CoverageService
    from policyreader.services.exports import DocumentExporter
    from policyreader.services.glossary_exchange import GlossaryExchange
    from policyreader.services.library import Library
    from policyreader.services.qa import QAService
    from policyreader.services.search import LibrarySearch
    from policyreader.services.team import TeamService
    from policyreader.services.workbench import GlossaryWorkbench


class AppContext:
    """The services of one data directory, built once and wired once."""

    def __init__(self, paths: AppPaths | None = None, engine: TextEngine | None = None):
        self.paths = paths or resolve_paths()
        self.engine = engine or TextEngine(self.paths)
        self.changes = ChangeLog()

    def fork(self) -> AppContext:
        """A context for another thread: its own database connection, the same loaded glossary."""
        return AppContext(self.paths, self.engine.fork())

    def close(self) -> None:
        """Close the database connection, if one was opened."""
        if self.engine.has_database:
            self.engine.db.close()

    # -- the services -------------------------------------------------------------------------
    @cached_property
    def library(self) -> Library:
        from policyreader.services.annotations import AnnotationService
        from policyreader.services.library import Library

        library = Library(self.engine, self.changes)
        annotations = AnnotationService(library)
        library.on_replace(annotations.reanchor)  # the one place this hook is wired
        self.__dict__["annotations"] = annotations
        return library

    @cached_property
    def annotations(self) -> AnnotationService:
        _ = self.library  # builds the annotation service together with the hook that needs it
        service: AnnotationService = self.__dict__["annotations"]
        return service

    @cached_property
    def workbench(self) -> GlossaryWorkbench:
        from policyreader.services.workbench import GlossaryWorkbench

        return GlossaryWorkbench(self.library)

    @cached_property
    def qa(self) -> QAService:
        from policyreader.services.qa import QAService

        return QAService(self.library, self.workbench)

    @cached_property
    def exchange(self) -> GlossaryExchange:
        from policyreader.services.glossary_exchange import GlossaryExchange

        return GlossaryExchange(self.library, self.annotations, self.workbench)

    @cached_property
    def exports(self) -> DocumentExporter:
        from policyreader.services.exports import DocumentExporter

        return DocumentExporter(self.library)

    @cached_property
    def alignment(self) -> AlignmentEditor:
        from policyreader.services.alignment_edit import AlignmentEditor

        return AlignmentEditor(self.library)

    @cached_property
    def coverage(self) -> CoverageService:
        from policyreader.services.coverage import CoverageService

        return CoverageService(self.library)

    @cached_property
    def search(self) -> LibrarySearch:
        from policyreader.services.search import LibrarySearch

        return LibrarySearch(self.engine, self.library.repo)

    @cached_property
    def team(self) -> TeamService:
        from policyreader.services.team import TeamService

        return TeamService(self.library, self.annotations, self.workbench)
