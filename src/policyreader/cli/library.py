"""Commands on the library: ``import``, ``docs``, ``show``, ``search``, ``open``."""

from __future__ import annotations

import sys

import click

from policyreader.cli.options import CliState, emit, json_option, lang_option, main, pass_state
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
    if given), or an English document, whose glossary renderings are linked."""
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
