"""The headless face of PolicyReader: ``policyreader <command>``, thin over ``services``.

Every command that prints data takes ``--json``. Bad input prints one line on stderr and exits with
code 2; no tracebacks for user errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from policyreader.core.model import AnchorStatus, Severity, Status
from policyreader.services.errors import UserError
from policyreader.services.paths import resolve_paths

STATUS_CHOICES = [s.value for s in Status]


class _Group(click.Group):
    """A click group that turns user errors into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        from policyreader.importers import ImportFailure

        try:
            return super().invoke(ctx)
        except (UserError, ImportFailure) as exc:
            click.echo(f"policyreader: error: {exc}", err=True)
            ctx.exit(2)


def _emit(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


def _engine(ctx: click.Context) -> Any:
    from policyreader.services.engine import TextEngine

    if "engine" not in ctx.obj:
        ctx.obj["engine"] = TextEngine(resolve_paths(ctx.obj.get("data_dir")))
    return ctx.obj["engine"]


@click.group(cls=_Group, invoke_without_command=True)
@click.option("--data-dir", type=click.Path(file_okay=False), envvar="POLICYREADER_DATA_DIR",
              help="Where the library database lives (default: the user data directory).")
@click.version_option(package_name="policyreader")
@click.pass_context
def main(ctx: click.Context, data_dir: str | None) -> None:
    """PolicyReader: a bilingual reader and terminology workbench for Chinese policy documents.

    With no command, opens the reader window.
    """
    ctx.ensure_object(dict)
    ctx.obj["data_dir"] = data_dir
    if ctx.invoked_subcommand is None:
        from policyreader.gui.app import run_app

        sys.exit(run_app(resolve_paths(data_dir)))


@main.command()
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def terms(ctx: click.Context, file: str, as_json: bool) -> None:
    """List glossary terms found in FILE (offsets into its decoded text)."""
    from policyreader.services.files import read_user_text

    text, _enc = read_user_text(file)
    matches = _engine(ctx).terms(text)
    if as_json:
        _emit([{"start": m.start, "end": m.end, "text": m.text, "entry": m.entry} for m in matches])
    else:
        for m in matches:
            click.echo(f"{m.start}\t{m.end}\t{m.text}\t{m.entry}")


@main.command()
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--tone-numbers", is_flag=True, help="Pinyin with tone numbers instead of marks.")
@click.pass_context
def segment(ctx: click.Context, file: str, as_json: bool, tone_numbers: bool) -> None:
    """Segment FILE into words with pinyin."""
    from policyreader.services.files import read_user_text

    text, _enc = read_user_text(file)
    tokens = _engine(ctx).segment(text, tone_numbers=tone_numbers)
    if as_json:
        _emit([{"start": t.start, "end": t.end, "text": t.text, "pinyin": t.pinyin,
                **({"entry": t.entry} if t.entry else {})} for t in tokens])
    else:
        click.echo(" ".join(t.text for t in tokens if t.text.strip()))


@main.command()
@click.argument("word")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def lookup(ctx: click.Context, word: str, as_json: bool) -> None:
    """Look up WORD in the glossary and in CC-CEDICT."""
    result = _engine(ctx).lookup(word)
    if as_json:
        _emit(result)
        return
    click.echo(f"{result['word']}  {result['pinyin']}")
    for e in result["glossary"]:
        click.echo(f"  glossary [{e['id']}]: " + "; ".join(f"{r['text']} ({r['status']})" for r in e["renderings"]))
    for d in result["dictionary"]:
        click.echo(f"  {d['traditional']} [{d['pinyin']}] " + "; ".join(d["definitions"]))
    if not result["glossary"] and not result["dictionary"]:
        click.echo("  (not found)")


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
@click.option("--format", "fmt", type=click.Choice(["tbx", "tbx3", "tsv", "csv", "md", "html", "pdf", "anki", "json"]),
              default="json", show_default=True)
@click.option("-o", "--output", required=True, help="Output file, or - for standard output (text formats).")
@click.option("--only-annotated", is_flag=True, help="Only entries you have annotated.")
@click.option("--doc", "docs", multiple=True, help="Only entries that occur in this document; repeatable.")
@click.option("--domain", "domains", multiple=True, help="Only entries in this domain; repeatable.")
@click.option("--tag", "tags", multiple=True, help="Only entries with an annotation carrying this tag; repeatable.")
@click.option("--only-user", is_flag=True, help="Only your own entries and extensions.")
@click.pass_context
def glossary_export(ctx: click.Context, fmt: str, output: str, only_annotated: bool, docs: tuple[str, ...],
                    domains: tuple[str, ...], tags: tuple[str, ...], only_user: bool) -> None:
    """Export the annotated glossary (bundled and user entries, with your notes)."""
    from policyreader.services.glossary_exchange import GlossaryExchange, Selection

    selection = Selection(list(domains), list(tags), list(docs), only_annotated, only_user)
    exchange = GlossaryExchange(_library(ctx, bundled=bool(docs) or only_annotated or bool(tags)))
    if output == "-":
        if fmt in ("pdf", "anki"):
            raise UserError(f"--format {fmt} writes a binary file: give -o FILE")
        from policyreader.exporters import render

        sys.stdout.write(render(exchange.build(selection), fmt).decode("utf-8"))
        return
    n = exchange.export(fmt, Path(output), selection)
    click.echo(f"wrote {n} entries to {output}", err=True)


@glossary.command("import")
@click.argument("file")
@click.option("--dry-run", is_flag=True, help="Only show what would change.")
@click.option("--take-conflicts", is_flag=True, help="Also merge entries that conflict with the glossary.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def glossary_import(ctx: click.Context, file: str, dry_run: bool, take_conflicts: bool, as_json: bool) -> None:
    """Import a termbase (TBX v2/v3, OmegaT TSV, CSV, JSON) into your user glossary, after a preview."""
    from policyreader.services.glossary_exchange import GlossaryExchange

    exchange = GlossaryExchange(_library(ctx))
    _incoming, preview = exchange.preview(Path(file))
    report: dict[str, Any] = exchange.preview_json(preview)
    if not dry_run:
        report["applied"] = exchange.apply(preview, take_conflicts)
    if as_json:
        _emit(report)
        return
    click.echo(f"new: {len(report['new'])}, changed: {len(report['changed'])}, "
               f"conflicting: {len(report['conflicting'])}, unchanged: {report['unchanged']}")
    for c in report["conflicting"]:
        click.echo(f"  conflict {c['id']} ({c['term']}): {'; '.join(c['why'])}")
    if dry_run:
        click.echo("dry run: nothing was written")
    elif preview.conflicting and not take_conflicts:
        click.echo("conflicting entries were left out (use --take-conflicts to merge them)")


def _library(ctx: click.Context, bundled: bool = True) -> Any:
    from policyreader.services.library import Library

    if "library" not in ctx.obj:
        lib = Library(_engine(ctx))
        if bundled:
            lib.ensure_bundled()
        ctx.obj["library"] = lib
    return ctx.obj["library"]


@main.command("import")
@click.argument("path")
@click.option("--translation", help="The English translation, to align.")
@click.option("--title", help="Title for the document (default: from the file).")
@click.option("--replace", "replace", metavar="DOC", help="Re-import a changed version of document DOC.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def import_cmd(ctx: click.Context, path: str, translation: str | None, title: str | None, replace: str | None,
               as_json: bool) -> None:
    """Import PATH (txt, md, html, docx, pdf, tmx) into the library."""
    if replace:
        _annotations(ctx)  # re-anchor annotations inside the replacement transaction
    result = _library(ctx).import_path(path, translation, title, replace)
    if as_json:
        _emit(result.to_json())
        return
    if result.duplicate:
        click.echo(f"already in the library as {result.id} ({result.title}); nothing imported")
    else:
        verb = "replaced" if result.replaced else "imported"
        click.echo(f"{verb} {result.id}: {result.title} — {result.segments} segments, {result.aligned} aligned"
                   + (f" (encoding {result.encoding})" if result.encoding else ""))
    if result.report:
        r = result.report
        click.echo(f"annotations: {r.get('exact', 0)} exact, {r.get('fuzzy', 0)} fuzzy, "
                   f"{r.get('orphan', 0)} orphaned")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def docs(ctx: click.Context, as_json: bool) -> None:
    """List the documents in the library."""
    lib = _library(ctx)
    rows = [{"id": d.id, "title": d.title, "title_en": d.title_en, "translation": d.translation_status,
             "segments": lib.repo.segment_count(d.id), "bundled": d.bundled} for d in lib.documents()]
    if as_json:
        _emit(rows)
    else:
        for r in rows:
            click.echo(f"{r['id']}\t{r['segments']}\t{r['translation']}\t{r['title']}  {r['title_en']}")


@main.command()
@click.argument("doc")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def show(ctx: click.Context, doc: str, as_json: bool) -> None:
    """Show document DOC segment by segment."""
    data = _library(ctx).show(doc)
    if as_json:
        _emit(data)
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
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def search(ctx: click.Context, query: str, limit: int, doc: str | None, as_json: bool) -> None:
    """Full-text search over the library, Chinese or English."""
    hits = _library(ctx).search(query, limit=limit, doc=doc)
    if as_json:
        _emit([h.to_json() for h in hits])
        return
    for h in hits:
        click.echo(f"{h.doc}#{h.segment} [{h.side}] {h.snippet}")
    if not hits:
        click.echo(f"no results for {query!r}", err=True)


@main.command("open")
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
@click.option("--translation", type=click.Path(dir_okay=False, exists=True), help="The English translation.")
@click.pass_context
def open_cmd(ctx: click.Context, file: str, translation: str | None) -> None:
    """Open FILE in the reader window (importing it into the library first)."""
    from policyreader.gui.app import run_app

    sys.exit(run_app(resolve_paths(ctx.obj.get("data_dir")), open_file=file, translation=translation))


def _annotations(ctx: click.Context) -> Any:
    from policyreader.services.annotations import AnnotationService

    if "annotations" not in ctx.obj:
        ctx.obj["annotations"] = AnnotationService(_library(ctx))
    return ctx.obj["annotations"]


def _annotation_json(a: Any) -> dict[str, Any]:
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
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def annotate(ctx: click.Context, doc: str, start: int, end: int, side: str, note: str, tags: tuple[str, ...],
             term: str, colour: str, rendering: str, rationale: str, as_json: bool) -> None:
    """Annotate a span of DOC. Offsets index the side's text as 'show DOC --json' gives it, segments
    joined by single newlines."""
    a = _annotations(ctx).create(doc, start, end, side, note, tags, term, colour, rendering, rationale)
    if as_json:
        _emit(_annotation_json(a))
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
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def annotations_list(ctx: click.Context, doc: str | None, tag: str | None, term: str | None, text: str | None,
                     status: str | None, as_json: bool) -> None:
    """List annotations (of DOC, or of the whole library)."""
    items = _annotations(ctx).find(doc, tag, term, text, status)
    if as_json:
        _emit([_annotation_json(a) for a in items])
        return
    for a in items:
        click.echo(f"{a.id[:8]}  {a.doc} [{a.side} {a.start}–{a.end}] {a.status:6} “{a.exact}”  {a.note}")


@annotations_group.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonld", "md", "csv"]), required=True)
@click.option("-o", "--output", required=True, help="Output file, or - for standard output.")
@click.option("--doc", help="Only this document's annotations.")
@click.pass_context
def annotations_export(ctx: click.Context, fmt: str, output: str, doc: str | None) -> None:
    """Export annotations as W3C Web Annotation JSON-LD, Markdown or CSV."""
    svc = _annotations(ctx)
    text = svc.export(fmt, svc.find(doc))
    if output == "-":
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


@annotations_group.command("import")
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def annotations_import(ctx: click.Context, file: str, as_json: bool) -> None:
    """Import annotations from W3C Web Annotation JSON-LD (ids already present are skipped)."""
    result = _annotations(ctx).import_jsonld(Path(file))
    if as_json:
        _emit(result)
    else:
        click.echo(f"imported {result['imported']} annotation(s), skipped {result['skipped']} already present")


def _workbench(ctx: click.Context) -> Any:
    from policyreader.services.workbench import GlossaryWorkbench

    if "workbench" not in ctx.obj:
        ctx.obj["workbench"] = GlossaryWorkbench(_library(ctx))
    return ctx.obj["workbench"]


@glossary.command("search")
@click.argument("query")
@click.option("--domain", help="Only entries in this domain.")
@click.option("--status", type=click.Choice(STATUS_CHOICES),
              help="Only entries with a rendering of this status.")
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def glossary_search(ctx: click.Context, query: str, domain: str | None, status: str | None, limit: int,
                    as_json: bool) -> None:
    """Search entries by characters, pinyin (xinyong, xin4yong4, xìnyòng) or English; best match first."""
    results = _workbench(ctx).search(query, domain, status, limit)
    if as_json:
        _emit([{**r.entry.to_json(), "score": r.score, "matched": r.matched} for r in results])
        return
    for r in results:
        pref = r.entry.preferred()
        click.echo(f"{r.entry.term}\t{r.entry.pinyin}\t{pref.text if pref else ''}\t[{r.entry.id}]")
    if not results:
        click.echo(f"no entries match {query!r}", err=True)


@glossary.command("add")
@click.argument("term")
@click.option("--rendering", "renderings", multiple=True, required=True, help="An English rendering; repeatable.")
@click.option("--status", type=click.Choice(STATUS_CHOICES), default="preferred",
              show_default=True, help="Status of the first rendering (others are accepted).")
@click.option("--note", default="", help="A note.")
@click.option("--used-by", default="", help="Who uses the rendering.")
@click.option("--source", "sources", multiple=True, help="A bibliography id; repeatable.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def glossary_add(ctx: click.Context, term: str, renderings: tuple[str, ...], status: str, note: str, used_by: str,
                 sources: tuple[str, ...], as_json: bool) -> None:
    """Add a user entry (or extend the bundled entry for TERM); it is linked at once."""
    entry = _workbench(ctx).add(term, list(renderings), status, note, used_by, list(sources))
    if as_json:
        _emit(entry.to_json())
    else:
        click.echo(f"saved {entry.id}: {entry.term} — " + "; ".join(f"{r.text} ({r.status})" for r in entry.renderings))


@glossary.command("delete")
@click.argument("entry_id")
@click.pass_context
def glossary_delete(ctx: click.Context, entry_id: str) -> None:
    """Delete a user entry (bundled entries stay)."""
    _workbench(ctx).delete(entry_id)
    click.echo(f"deleted user entry {entry_id}")


@main.command()
@click.argument("term")
@click.option("--doc", help="Only this document.")
@click.option("--sort", type=click.Choice(["doc", "left", "right"]), default="doc", show_default=True)
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def concordance(ctx: click.Context, term: str, doc: str | None, sort: str, as_csv: bool, as_json: bool) -> None:
    """Every occurrence of TERM (an entry id or form) across the library, in context, with the aligned English."""
    from policyreader.services.workbench import concordance_csv, sort_concordance

    lines = sort_concordance(_workbench(ctx).concordance(term, doc), sort)
    if as_json:
        _emit([ln.to_json() for ln in lines])
    elif as_csv:
        click.echo(concordance_csv(lines), nl=False)
    else:
        for ln in lines:
            click.echo(f"{ln.left:>20}【{ln.match}】{ln.right:<20}  {ln.doc}#{ln.segment}")


def _qa(ctx: click.Context) -> Any:
    from policyreader.services.qa import QAService

    if "qa" not in ctx.obj:
        ctx.obj["qa"] = QAService(_library(ctx))
    return ctx.obj["qa"]


@main.command()
@click.argument("target", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "html", "csv", "text"]), default="text",
              show_default=True)
@click.option("-o", "--output", default="-", help="Write the report here (default: standard output).")
@click.pass_context
def qa(ctx: click.Context, target: tuple[str, ...], fmt: str, output: str) -> None:
    """Check a translation against the glossary: 'qa DOC' for a library document, 'qa SOURCE TRANSLATION'
    for two files. Exits with code 1 when errors (not accepted) exist."""
    svc = _qa(ctx)
    if len(target) == 1:
        findings = svc.check_doc(target[0])
        title = target[0]
    elif len(target) == 2:
        _segments, plain = svc.check_files(Path(target[0]), Path(target[1]))
        findings = [(f, False) for f in plain]
        title = f"{target[0]} / {target[1]}"
    else:
        raise UserError("give a document id, or a source file and its translation")
    if fmt == "text":
        text = "".join(f"#{f.segment}\t{f.severity}\t{f.kind}\t{f.term}\t{f.message}"
                       f"{' (accepted)' if a else ''}\n" for f, a in findings)
    else:
        text = svc.report(findings, fmt, title)
    if output == "-":
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    errors = sum(1 for f, a in findings if f.severity == Severity.ERROR and not a)
    click.echo(f"{len(findings)} finding(s), {errors} error(s)", err=True)
    if errors:
        sys.exit(1)


@main.command()
@click.argument("term")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def stats(ctx: click.Context, term: str, as_json: bool) -> None:
    """Corpus evidence: how TERM's renderings are actually used across the aligned documents."""
    data = _qa(ctx).evidence(term)
    if as_json:
        _emit(data)
        return
    click.echo(f"{data['term']} ({data['entry']}): {data['total']} aligned occurrence(s)")
    for text, n in sorted(data["renderings"].items(), key=lambda kv: -kv[1]):
        click.echo(f"  {n:4}  {text}")
    click.echo(f"  {data['none']:4}  (none of the known renderings)")
