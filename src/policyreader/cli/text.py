"""Commands on a text file or a word: ``terms``, ``segment``, ``lookup``."""

from __future__ import annotations

import click

from policyreader.cli.options import CliState, emit, json_option, lang_option, main, pass_state


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
    if as_json:
        emit([{"start": t.start, "end": t.end, "text": t.text, "pinyin": t.pinyin,
               **({"entry": t.entry} if t.entry else {})} for t in tokens])
    else:
        click.echo(" ".join(t.text for t in tokens if t.text.strip()))


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
