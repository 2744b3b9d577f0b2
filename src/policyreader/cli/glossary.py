"""The ``glossary`` command group: validate, search, add, delete, export, import and bibliography."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from policyreader.cli.options import CliState, emit, format_option, json_option, main, pass_state
from policyreader.core.errors import UserError
from policyreader.core.model import Status
from policyreader.services.formats import Kind
from policyreader.services.paths import resolve_paths

STATUS_CHOICES = [s.value for s in Status]


@main.group()
def glossary() -> None:
    """Validate, search and export the glossary."""


@glossary.command("validate")
@click.argument("directory", required=False, type=click.Path(file_okay=False))
@click.option("--corpus", type=click.Path(file_okay=False), help="Corpus folder for checking examples.")
def glossary_validate(directory: str | None, corpus: str | None) -> None:
    """Check the glossary in DIRECTORY (default: the bundled one); list problems as file:line: field: msg."""
    from policyreader.services.glossary import validate

    paths = resolve_paths()
    gdir = Path(directory) if directory else paths.glossary_dir
    if not gdir.is_dir():
        raise UserError(f"{gdir}: no such glossary directory")
    problems = validate(gdir, Path(corpus) if corpus else paths.corpus_dir)
    for p in problems:
        click.echo(str(p))
    if problems:
        click.echo(f"{len(problems)} problem(s) in {gdir}", err=True)
        sys.exit(1)
    n = len(list((gdir / "entries").glob("*.toml"))) if (gdir / "entries").is_dir() else 0
    click.echo(f"ok: {n} entries, no problems", err=True)


@glossary.command("export")
@format_option(Kind.TERMBASE, default="json")
@click.option("-o", "--output", required=True, help="Output file, or - for standard output (text formats).")
@click.option("--only-annotated", is_flag=True, help="Only entries you have annotated.")
@click.option("--doc", "docs", multiple=True, help="Only entries that occur in this document; repeatable.")
@click.option("--domain", "domains", multiple=True, help="Only entries in this domain; repeatable.")
@click.option("--tag", "tags", multiple=True, help="Only entries with an annotation carrying this tag; repeatable.")
@click.option("--only-user", is_flag=True, help="Only your own entries and extensions.")
@pass_state
def glossary_export(state: CliState, fmt: str, output: str, only_annotated: bool, docs: tuple[str, ...],
                    domains: tuple[str, ...], tags: tuple[str, ...], only_user: bool) -> None:
    """Export the annotated glossary (bundled and user entries, with your notes)."""
    from policyreader.services.glossary_exchange import Selection

    selection = Selection(list(domains), list(tags), list(docs), only_annotated, only_user)
    state.library(bundled=bool(docs) or only_annotated or bool(tags))
    exchange = state.app.exchange
    if output == "-":
        data, done = exchange.render(fmt, selection)
        sys.stdout.write(data.decode("utf-8"))
    else:
        done = exchange.export(fmt, Path(output), selection)
        click.echo(f"wrote {done.entries} entries to {output}", err=True)
    if done.dropped:
        click.echo(f"{fmt}: {done.dropped}", err=True)


@glossary.command("bibliography")
@format_option(Kind.BIBLIOGRAPHY, required=True)
@click.option("-o", "--output", required=True, help="Output file, or - for standard output.")
@pass_state
def glossary_bibliography(state: CliState, fmt: str, output: str) -> None:
    """Every source the glossary cites, as BibTeX or CSL JSON (Zotero imports both)."""
    exchange = state.app.exchange
    if output == "-":
        sys.stdout.write(exchange.render_bibliography(fmt).decode("utf-8"))
        return
    n = exchange.write_bibliography(fmt, Path(output))
    click.echo(f"wrote {n} sources to {output}", err=True)


@glossary.command("import")
@click.argument("file")
@click.option("--dry-run", is_flag=True, help="Only show what would change.")
@click.option("--take-conflicts", is_flag=True, help="Also merge entries that conflict with the glossary.")
@json_option
@pass_state
def glossary_import(state: CliState, file: str, dry_run: bool, take_conflicts: bool, as_json: bool) -> None:
    """Import a termbase (TBX v2/v3, OmegaT TSV, CSV, XLSX, JSON) into your user glossary, after a preview."""
    state.library()
    exchange = state.app.exchange
    _incoming, preview = exchange.preview(Path(file))
    report: dict[str, Any] = exchange.preview_json(preview)
    if not dry_run:
        report["applied"] = exchange.apply(preview, take_conflicts)
    if as_json:
        emit(report)
        return
    click.echo(f"new: {len(report['new'])}, changed: {len(report['changed'])}, "
               f"conflicting: {len(report['conflicting'])}, unchanged: {report['unchanged']}")
    for c in report["conflicting"]:
        click.echo(f"  conflict {c['id']} ({c['term']}): {'; '.join(c['why'])}")
    if dry_run:
        click.echo("dry run: nothing was written")
    elif preview.conflicting and not take_conflicts:
        click.echo("conflicting entries were left out (use --take-conflicts to merge them)")


@glossary.command("search")
@click.argument("query")
@click.option("--domain", help="Only entries in this domain.")
@click.option("--status", type=click.Choice(STATUS_CHOICES), help="Only entries with a rendering of this status.")
@click.option("--limit", default=20, show_default=True)
@json_option
@pass_state
def glossary_search(state: CliState, query: str, domain: str | None, status: str | None, limit: int,
                    as_json: bool) -> None:
    """Search entries by characters, pinyin (xinyong, xin4yong4, xìnyòng) or English; best match first."""
    state.library()
    results = state.app.workbench.search(query, domain, status, limit)
    if as_json:
        emit([{**r.entry.to_json(), "score": r.score, "matched": r.matched} for r in results])
        return
    for r in results:
        pref = r.entry.preferred()
        click.echo(f"{r.entry.term}\t{r.entry.pinyin}\t{pref.text if pref else ''}\t[{r.entry.id}]")
    if not results:
        click.echo(f"no entries match {query!r}", err=True)


@glossary.command("add")
@click.argument("term")
@click.option("--rendering", "renderings", multiple=True, required=True, help="An English rendering; repeatable.")
@click.option("--status", type=click.Choice(STATUS_CHOICES), default="preferred", show_default=True,
              help="Status of the first rendering (others are accepted).")
@click.option("--note", default="", help="A note.")
@click.option("--used-by", default="", help="Who uses the rendering.")
@click.option("--source", "sources", multiple=True, help="A bibliography id; repeatable.")
@json_option
@pass_state
def glossary_add(state: CliState, term: str, renderings: tuple[str, ...], status: str, note: str, used_by: str,
                 sources: tuple[str, ...], as_json: bool) -> None:
    """Add a user entry (or extend the bundled entry for TERM); it is linked at once."""
    state.library()
    entry = state.app.workbench.add(term, list(renderings), status, note, used_by, list(sources))
    if as_json:
        emit(entry.to_json())
    else:
        click.echo(f"saved {entry.id}: {entry.term} — " + "; ".join(f"{r.text} ({r.status})" for r in entry.renderings))


@glossary.command("delete")
@click.argument("entry_id")
@pass_state
def glossary_delete(state: CliState, entry_id: str) -> None:
    """Delete a user entry (bundled entries stay)."""
    state.library()
    state.app.workbench.delete(entry_id)
    click.echo(f"deleted user entry {entry_id}")
