"""Commands on a text file or a word: ``terms``, ``segment``, ``lookup``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring as _string
from typing import TYPE_CHECKING

import click

from policyreader.cli.options import CliState, emit, json_option, lang_option, main, pass_state

if TYPE_CHECKING:
    from policyreader.services.engine import SegmentedToken


@main.command()
@click.argument("file")
@json_option
@lang_option
@pass_state
def terms(state: CliState, file: str, as_json: bool, lang: str | None) -> None:
    """List glossary terms found in FILE (offsets into its decoded text). In English text, the glossary's
    English renderings, each with its entry, Chinese term and status."""
    from policyreader.core.coverage import detect_language
    from policyreader.services.coverage import english_mentions
    from policyreader.services.files import read_user_text

    text, _enc = read_user_text(file)
    if (lang or detect_language(text)) == "en":
        mentions = english_mentions(state.app.engine, text)
        if as_json:
            emit([m.to_json() for m in mentions])
        else:
            for n in mentions:
                click.echo(f"{n.start}\t{n.end}\t{n.text}\t{n.entry}\t{n.term}\t{n.status}")
        return
    matches = state.app.engine.terms(text)
    if as_json:
        emit([{"start": m.start, "end": m.end, "text": m.text, "entry": m.entry} for m in matches])
    else:
        for m in matches:
            click.echo(f"{m.start}\t{m.end}\t{m.text}\t{m.entry}")


@main.command()
@click.argument("file")
@json_option
@click.option("--tone-numbers", is_flag=True, help="Pinyin with tone numbers instead of marks.")
@pass_state
def segment(state: CliState, file: str, as_json: bool, tone_numbers: bool) -> None:
    """Segment FILE into words with pinyin."""
    from policyreader.services.files import read_user_text

    text, _enc = read_user_text(file)
    tokens = state.app.engine.segment(text, tone_numbers=tone_numbers)
    # Written as the tokens come (a 10 MB file has two million), in the shape and layout emit() gives.
    def out(text: str) -> None:
        click.echo(text, nl=False)

    if as_json:
        _write_pieces(out, _token_json(tokens), "[\n", ",\n", "\n]\n", "[]\n")
    else:
        _write_pieces(out, (t.text for t in tokens if t.text.strip()), "", " ", "\n", "\n")


def _token_json(tokens: Iterable[SegmentedToken]) -> Iterator[str]:
    """Each token as ``json.dumps(token, ensure_ascii=False, indent=2)`` would lay it out inside a list."""
    for t in tokens:
        entry = f',\n    "entry": {_string(t.entry)}' if t.entry else ""
        yield (f'  {{\n    "start": {t.start},\n    "end": {t.end},\n    "text": {_string(t.text)},\n'
               f'    "pinyin": {_string(t.pinyin)}{entry}\n  }}')


def _write_pieces(out: Callable[[str], None], pieces: Iterable[str], opening: str, separator: str, closing: str,
                  empty: str) -> None:
    """*pieces* joined by *separator* between *opening* and *closing* (or *empty* when there is none),
    written a few thousand at a time."""
    batch: list[str] = []
    first = True
    for piece in pieces:
        batch.append(piece)
        if len(batch) >= 4096:
            out((opening if first else separator) + separator.join(batch))
            first, batch = False, []
    if batch:
        out((opening if first else separator) + separator.join(batch))
        first = False
    out(empty if first else closing)


@main.command()
@click.argument("word")
@json_option
@pass_state
def lookup(state: CliState, word: str, as_json: bool) -> None:
    """Look up WORD in the glossary and in CC-CEDICT."""
    result = state.app.engine.lookup(word)
    if as_json:
        emit(result)
        return
    click.echo(f"{result['word']}  {result['pinyin']}")
    for e in result["glossary"]:
        click.echo(f"  glossary [{e['id']}]: " + "; ".join(f"{r['text']} ({r['status']})" for r in e["renderings"]))
    for d in result["dictionary"]:
        click.echo(f"  {d['traditional']} [{d['pinyin']}] " + "; ".join(d["definitions"]))
    if not result["glossary"] and not result["dictionary"]:
        click.echo("  (not found)")
