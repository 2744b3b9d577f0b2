"""Reading English coverage: ``claims``. (``terms`` on English text is in ``text``.)"""

from __future__ import annotations

from pathlib import Path

import click

from policyreader.cli.options import CliState, format_option, json_option, lang_option, main, pass_state
from policyreader.services.files import write_user_text
from policyreader.services.formats import Kind


@main.command()
@click.argument("target", metavar="FILE")
@format_option(Kind.CLAIMS, default="md", help="Markdown, HTML or JSON.")
@json_option
@lang_option
@click.option("-o", "--output", default="-", help="Write the summary here (default: standard output).")
@pass_state
def claims(state: CliState, target: str, fmt: str, as_json: bool, lang: str | None, output: str) -> None:
    """The claims summary of an English FILE (txt, md, html, docx, pdf; or a library document id): the
    glossary terms it names, the renderings the glossary contests or says to avoid, and each entry's note."""
    state.library()  # the bundled regulations, for where each term occurs
    summary = state.app.coverage.claims(target, lang)
    text = state.app.coverage.render(summary, "json" if as_json else fmt).decode("utf-8")
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_user_text(Path(output), text)
        click.echo(f"wrote {output}", err=True)
