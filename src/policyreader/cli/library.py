"""Commands on the library: ``import``, ``docs``, ``show``, ``search``, ``open``."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from policyreader.cli.options import CliState, emit, emit_rows, json_option, lang_option, main, pass_state
from policyreader.core.errors import UserError
from policyreader.services.paths import resolve_paths


@main.command("import")
@click.argument("path")
@click.option("--translation", help="The English translation, to align.")
@click.option("--title", help="Title for the document (default: from the file).")
@click.option("--replace", "replace", metavar="DOC", help="Re-import a changed version of document DOC.")
@lang_option
@json_option
@pass_state
def import_cmd(state: CliState, path: str, translation: str | None, title: str | None, replace: str | None,
               lang: str | None, as_json: bool) -> None:
    """Import PATH (txt, md, html, docx, pdf, tmx) into the library: a Chinese source (with its translation,
    if given), or an English document, whose glossary renderings are linked.

    PATH may be a folder: every file of a supported format under it is imported as its own document
    (each in the language it reads as), with progress on stderr and a summary. A file that cannot be
    imported is reported on one line and skipped; the exit code is then 2.
    """
    if Path(path).is_dir():
        if translation or title or replace or lang:
            raise UserError(f"{path}: a folder is imported file by file; --translation, --title, --replace and "
                            "--lang apply to a single file")
        _import_folder(state, Path(path), as_json)
        return
    result = state.library().import_path(path, translation, title, replace, lang=lang)
    if as_json:
        emit(result.to_json())
        return
    if result.duplicate:
        click.echo(f"already in the library as {result.id} ({result.title}); nothing imported")
    else:
        verb = "replaced" if result.replaced else "imported"
        what = "English document, " if result.lang == "en" else ""
        aligned = "" if result.lang == "en" else f", {result.aligned} aligned"
        click.echo(f"{verb} {result.id}: {result.title} — {what}{result.segments} segments{aligned}"
                   + (f" (encoding {result.encoding})" if result.encoding else ""))
    if result.report:
        r = result.report
        click.echo(f"annotations: {r.get('exact', 0)} exact, {r.get('fuzzy', 0)} fuzzy, "
                   f"{r.get('orphan', 0)} orphaned")


def _import_folder(state: CliState, folder: Path, as_json: bool) -> None:
    from policyreader.services.folder_import import FolderSummary, import_folder

    summary = FolderSummary()
    started = time.monotonic()
    live = sys.stderr.isatty()
    step = 1

    def progress(done: int, total: int, item: Any) -> None:
        nonlocal step
        if item.result is None:
            click.echo(("\r\x1b[K" if live else "") + f"policyreader: skipped {item.error}", err=True)
        if live:
            click.echo(f"\rimporting {done:,}/{total:,} files…", err=True, nl=False)
        elif done == total or done >= step * max(1, total // 20):  # about every 5 %
            step += 1
            click.echo(f"importing: {done:,}/{total:,} files", err=True)

    items = import_folder(state.library(), folder, progress)
    if as_json:
        emit_rows(item.to_json() for item in _counted(items, summary))
    else:
        for _item in _counted(items, summary):
            pass
    if live:
        click.echo("\r\x1b[K", err=True, nl=False)
    line = (f"{summary.imported:,} imported ({summary.segments:,} segments), {summary.duplicates:,} already in the "
            f"library, {summary.failed:,} failed, of {summary.files:,} files in {folder} "
            f"({time.monotonic() - started:.1f} s)")
    click.echo(line, err=as_json)
    if summary.failed:
        sys.exit(2)


def _counted(items: Iterable[Any], summary: Any) -> Iterator[Any]:
    for item in items:
        summary.add(item)
        yield item


@main.command()
@json_option
@pass_state
def docs(state: CliState, as_json: bool) -> None:
    """List the documents in the library."""
    lib = state.library()
    rows = [{"id": d.id, "title": d.title, "title_en": d.title_en, "translation": d.translation_status,
             "segments": lib.repo.segment_count(d.id), "bundled": d.bundled, "lang": d.lang} for d in lib.documents()]
    if as_json:
        emit(rows)
    else:
        for r in rows:
            click.echo(f"{r['id']}\t{r['segments']}\t{r['translation']}\t{r['title']}  {r['title_en']}")


@main.command()
@click.argument("doc")
@json_option
@pass_state
def show(state: CliState, doc: str, as_json: bool) -> None:
    """Show document DOC segment by segment."""
    data = state.library().show(doc)
    if as_json:
        emit(data)
        return
    click.echo(f"{data['title']}  ({data['id']})")
    for s in data["segments"]:
        click.echo(f"[{s['id']}] {s['zh']}")
        if s["en"]:
            click.echo(f"     {s['en']}")


@main.command()
@click.argument("query")
@click.option("--limit", default=50, show_default=True, help="Maximum number of results.")
@click.option("--doc", help="Search only this document.")
@json_option
@pass_state
def search(state: CliState, query: str, limit: int, doc: str | None, as_json: bool) -> None:
    """Full-text search over the library, Chinese or English."""
    state.library()
    hits = state.app.search.search(query, limit=limit, doc=doc)
    if as_json:
        emit([h.to_json() for h in hits])
        return
    for h in hits:
        click.echo(f"{h.doc}#{h.segment} [{h.side}] {h.snippet}")
    if not hits:
        click.echo(f"no results for {query!r}", err=True)


@main.command("open")
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
@click.option("--translation", type=click.Path(dir_okay=False, exists=True), help="The English translation.")
@pass_state
def open_cmd(state: CliState, file: str, translation: str | None) -> None:
    """Open FILE in the reader window (importing it into the library first)."""
    from policyreader.gui.app import run_app

    sys.exit(run_app(resolve_paths(state.data_dir), open_file=file, translation=translation))
