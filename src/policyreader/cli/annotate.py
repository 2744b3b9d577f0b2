"""Annotation commands: ``annotate``, and the ``annotations`` group (list, export, import)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from policyreader.cli.options import CliState, emit, format_option, json_option, main, pass_state
from policyreader.core.model import AnchorStatus, Annotation
from policyreader.services.files import write_user_text
from policyreader.services.formats import Kind


def annotation_json(a: Annotation) -> dict[str, Any]:
    d = a.to_json()
    return {"id": d["id"], "doc": d["doc"], "side": d["side"], "start": d["start"], "end": d["end"],
            "exact": d["exact"], "prefix": d["prefix"], "suffix": d["suffix"], "note": d["note"], "tags": d["tags"],
            "term": d["term"] or None, "status": d["status"], "colour": d["colour"], "rendering": d["rendering"],
            "rationale": d["rationale"], "created": d["created"], "modified": d["modified"]}


@main.command()
@click.argument("doc")
@click.option("--start", type=int, required=True, help="Start offset (characters) in the side's text.")
@click.option("--end", type=int, required=True, help="End offset (exclusive).")
@click.option("--side", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("--note", default="", help="The note (Markdown).")
@click.option("--tag", "tags", multiple=True, help="A tag; repeat for several.")
@click.option("--term", default="", help="Link to a glossary entry id.")
@click.option("--colour", default="", help="Highlight colour, e.g. #f4d03f.")
@click.option("--rendering", default="", help="The rendering you chose (for translators).")
@click.option("--why", "rationale", default="", help="Why you chose it.")
@json_option
@pass_state
def annotate(state: CliState, doc: str, start: int, end: int, side: str, note: str, tags: tuple[str, ...],
             term: str, colour: str, rendering: str, rationale: str, as_json: bool) -> None:
    """Annotate a span of DOC. Offsets index the side's text as 'show DOC --json' gives it, segments
    joined by single newlines."""
    state.library()
    a = state.app.annotations.create(doc, start, end, side, note, tags, term, colour, rendering, rationale)
    if as_json:
        emit(annotation_json(a))
    else:
        click.echo(f"annotated {a.doc} [{a.side} {a.start}–{a.end}] “{a.exact}” as {a.id}")


@main.group("annotations")
def annotations_group() -> None:
    """List, export and import annotations."""


@annotations_group.command("list")
@click.argument("doc", required=False)
@click.option("--tag", help="Only annotations with this tag.")
@click.option("--term", help="Only annotations linked to this glossary entry.")
@click.option("--text", help="Only annotations whose note or quote contains this text.")
@click.option("--status", type=click.Choice([s.value for s in AnchorStatus]), help="Only this anchoring status.")
@json_option
@pass_state
def annotations_list(state: CliState, doc: str | None, tag: str | None, term: str | None, text: str | None,
                     status: str | None, as_json: bool) -> None:
    """List annotations (of DOC, or of the whole library)."""
    state.library()
    items = state.app.annotations.find(doc, tag, term, text, status)
    if as_json:
        emit([annotation_json(a) for a in items])
        return
    for a in items:
        click.echo(f"{a.id[:8]}  {a.doc} [{a.side} {a.start}–{a.end}] {a.status:6} “{a.exact}”  {a.note}")


@annotations_group.command("export")
@format_option(Kind.ANNOTATIONS, required=True)
@click.option("-o", "--output", required=True, help="Output file, or - for standard output.")
@click.option("--doc", help="Only this document's annotations.")
@pass_state
def annotations_export(state: CliState, fmt: str, output: str, doc: str | None) -> None:
    """Export annotations as W3C Web Annotation JSON-LD, Markdown or CSV."""
    state.library()
    svc = state.app.annotations
    text = svc.export(fmt, svc.find(doc))
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_user_text(Path(output), text)
        click.echo(f"wrote {output}", err=True)


@annotations_group.command("import")
@click.argument("file")
@json_option
@pass_state
def annotations_import(state: CliState, file: str, as_json: bool) -> None:
    """Import annotations from W3C Web Annotation JSON-LD (ids already present are skipped)."""
    state.library()
    result = state.app.annotations.import_jsonld(Path(file))
    if as_json:
        emit(result)
    else:
        click.echo(f"imported {result['imported']} annotation(s), skipped {result['skipped']} already present")
