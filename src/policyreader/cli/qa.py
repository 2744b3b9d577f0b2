"""Terminology commands over the library: ``qa``, ``stats``, ``concordance``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from policyreader.cli.options import CliState, emit, format_option, json_option, main, pass_state
from policyreader.core.errors import UserError
from policyreader.core.model import ConcordanceLine, Severity
from policyreader.services.formats import Kind, by_name


@main.command()
@click.argument("target", nargs=-1)
@click.option("--all", "all_docs", is_flag=True, help="Every translated document of the library.")
@format_option(Kind.QA_REPORT, default="text")
@click.option("-o", "--output", default="-",
              help="Write the report here (default: standard output; xlsx needs a file).")
@pass_state
def qa(state: CliState, target: tuple[str, ...], all_docs: bool, fmt: str, output: str) -> None:
    """Check a translation against the glossary, for consistency across the library and against your saved
    checks: 'qa DOC' for a library document, 'qa --all' for the library, 'qa SOURCE TRANSLATION' for two
    files. Exits with code 1 when errors (not accepted) exist."""
    if by_name(Kind.QA_REPORT, fmt).to_path and output == "-":
        raise UserError(f"--format {fmt} writes a binary file: give -o FILE")
    state.library()
    svc = state.app.qa
    if all_docs:
        if target:
            raise UserError("give a document id, two files, or --all, not both")
        findings = svc.check_all()
        title = "the whole library"
    elif len(target) == 1:
        title = target[0]
        if not svc.has_translation(title):
            click.echo(svc.report([], fmt, title) if fmt not in ("text", "xlsx") else "", nl=False)
            if state.library().get(title).lang == "en":
                click.echo(f"{title}: an English document; there is no Chinese source to check it against "
                           f"(see 'policyreader claims {title}')", err=True)
            else:
                click.echo(f"{title}: no translation to check (the document has no English)", err=True)
            return
        findings = svc.check_doc(title)
    elif len(target) == 2:
        _segments, plain = svc.check_files(Path(target[0]), Path(target[1]))
        findings = [(f, False) for f in plain]
        title = f"{target[0]} / {target[1]}"
    else:
        raise UserError("give a document id, a source file and its translation, or --all")
    if output == "-":
        click.echo(svc.report(findings, fmt, title), nl=False)
    else:
        svc.write_report(findings, fmt, Path(output), title)
        click.echo(f"wrote {output}", err=True)
    errors = sum(1 for f, a in findings if f.severity == Severity.ERROR and not a)
    click.echo(f"{len(findings)} finding(s), {errors} error(s)", err=True)
    if errors:
        sys.exit(1)


@main.command()
@click.argument("term")
@json_option
@pass_state
def stats(state: CliState, term: str, as_json: bool) -> None:
    """Corpus evidence: how TERM's renderings are actually used across the aligned documents."""
    state.library()
    data = state.app.qa.evidence(term)
    if as_json:
        emit(data)
        return
    click.echo(f"{data['term']} ({data['entry']}): {data['total']} aligned occurrence(s)")
    for text, n in sorted(data["renderings"].items(), key=lambda kv: -kv[1]):
        click.echo(f"  {n:4}  {text}")
    click.echo(f"  {data['none']:4}  (none of the known renderings)")


@main.command()
@click.argument("term")
@click.option("--doc", help="Only this document.")
@click.option("--sort", type=click.Choice(["doc", "left", "right"]), default="doc", show_default=True)
@click.option("--limit", type=click.IntRange(min=0), help="Only the first N lines (of the order asked for).")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@json_option
@pass_state
def concordance(state: CliState, term: str, doc: str | None, sort: str, limit: int | None, as_csv: bool,
                as_json: bool) -> None:
    """Every occurrence of TERM (an entry id or form) across the library, in context, with the aligned English."""
    from policyreader.services.concordance import concordance_csv, sort_concordance

    state.library()
    lines: Sequence[ConcordanceLine] = sort_concordance(state.app.workbench.concordance(term, doc), sort)
    if limit is not None:
        lines = lines[:limit]  # read as far as needed: the first lines of a concordance are read alone
    if as_json:
        emit([ln.to_json() for ln in lines])
    elif as_csv:
        click.echo(concordance_csv(lines), nl=False)
    else:
        for ln in lines:
            click.echo(f"{ln.left:>20}【{ln.match}】{ln.right:<20}  {ln.doc}#{ln.segment}")
