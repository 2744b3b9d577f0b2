"""One application context per data directory and thread: it builds every service once and wires them
together once (Anki's ``Collection``). Nothing else constructs services.

Both faces use it: the CLI builds one per process; the window builds one for the GUI thread (cheap reads)
and forks one for its background operations (:meth:`AppContext.fork`), each with its own database
connection and the same loaded glossary and segmenter. Services are built on first use, so a command
that never touches the library never opens the database.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from policyreader.core.errors import UserError
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
        self.engine.close()

    # -- the library database as a whole ------------------------------------------------------
    def check_database(self) -> None:
        """Open the library database now, so a damaged, newer or uncreatable one is reported at once
        (DatabaseDamaged, DatabaseTooNew, DatabaseError) rather than by the first command that reads it."""
        _ = self.engine.db

    def move_database_aside(self) -> Path:
        """Close the library and rename its (damaged) database file out of the way; the next use starts a
        fresh library. Returns where the old file went; nothing is deleted."""
        from policyreader.storage.schema import move_aside

        self.close()
        return move_aside(self.paths.database)

    def explain(self, exc: BaseException) -> UserError:
        """An SQLite or system failure as the one-line error a user sees (what, where, what to do)."""
        from policyreader.storage.schema import database_error

        return exc if isinstance(exc, UserError) else database_error(exc, self.paths.database)

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
