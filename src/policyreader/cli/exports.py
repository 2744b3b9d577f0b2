"""Documents out of the library: ``export DOC`` and ``export --all`` (TMX, the English as text, a bilingual
Word table)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from policyreader.cli.options import CliState, format_option, main, pass_state
from policyreader.core.errors import UserError
from policyreader.services.formats import Kind


@main.command("export")
@click.argument("doc", required=False)
@click.option("--all", "all_docs", is_flag=True, help="Every document that has a translation.")
@format_option(Kind.DOCUMENT, default="tmx", help="tmx: TMX 1.4b of the aligned segments; txt: the English only; "
               "docx: a two-column Chinese | English table.")
@click.option("-o", "--output", required=True, help="Output file, or - for standard output (tmx, txt).")
@pass_state
def export_cmd(state: CliState, doc: str | None, all_docs: bool, fmt: str, output: str) -> None:
    """Export document DOC (or --all documents) with its translation."""
    if bool(doc) == all_docs:
        raise UserError("give a document id (see 'policyreader docs') or --all, not both")
    state.library()
    exporter = state.app.exports
    docs = None if all_docs else [doc or ""]
    if output == "-":
        sys.stdout.write(exporter.render(fmt, docs).decode("utf-8"))
        return
    written = exporter.export(fmt, Path(output), docs)
    n = written.translated
    click.echo(f"wrote {len(written.documents)} document(s), {n} translated segment(s), to {output}", err=True)
