"""What every command shares: the root group (with its error handling), the typed context that carries
the application context into commands, ``--json``, ``--format`` from the registry, and printing JSON."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any, TypeVar

import click

from policyreader.core.errors import UserError, one_line
from policyreader.services.context import AppContext
from policyreader.services.formats import Kind, names
from policyreader.services.library import Library
from policyreader.services.paths import resolve_paths

F = TypeVar("F", bound=Callable[..., Any])


class CliState:
    """The typed context of one ``policyreader`` process: the data directory and its services."""

    def __init__(self, data_dir: str | None = None):
        self.data_dir = data_dir
        self._bundled_checked = False

    @cached_property
    def app(self) -> AppContext:
        return AppContext(resolve_paths(self.data_dir))

    def close(self) -> None:
        """Close the library database, if this command opened it."""
        if "app" in self.__dict__:
            self.app.close()

    def library(self, bundled: bool = True) -> Library:
        """The library; with *bundled*, the bundled corpus is imported first if this data dir lacks it."""
        lib = self.app.library
        if bundled and not self._bundled_checked:
            lib.ensure_bundled()
            self._bundled_checked = True
        return lib


pass_state = click.make_pass_decorator(CliState, ensure=True)


class _Group(click.Group):
    """A click group that turns user errors, and a broken environment (a damaged, read-only or full
    library, a file that cannot be written), into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            self._fail(ctx, exc)
        except BrokenPipeError:  # the reader of our output went away (`| head`): nothing to say
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            except (OSError, ValueError):
                pass
            ctx.exit(1)
        except (sqlite3.Error, OSError) as exc:
            state = ctx.find_object(CliState) or CliState()
            self._fail(ctx, state.app.explain(exc))

    @staticmethod
    def _fail(ctx: click.Context, exc: UserError) -> None:
        click.echo(f"policyreader: error: {one_line(str(exc))}", err=True)
        ctx.exit(2)


def json_option(f: F) -> F:
    """``--json``: print JSON instead of text."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(f)


def lang_option(f: F) -> F:
    """``--lang zh|en``: the language of the input, when it should not be detected."""
    return click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
                        help="The file's language: zh (a Chinese source) or en (English); detected by default.")(f)


def format_option(kind: Kind, *, default: str | None = None, readable: bool = False, writable: bool = True,
                  required: bool = False, help: str | None = None) -> Callable[[F], F]:
    """``--format`` with the registry's formats of *kind* as choices."""
    return click.option("--format", "fmt", type=click.Choice(names(kind, readable=readable, writable=writable)),
                        default=default, required=required, show_default=default is not None, help=help)


def emit(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


def emit_rows(rows: Iterable[Any]) -> None:
    """A JSON list laid out as ``emit`` lays it out, written a row at a time as the rows come."""
    first = True
    for row in rows:
        text = json.dumps(row, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        click.echo(("[\n  " if first else ",\n  ") + text, nl=False)
        first = False
    click.echo("[]" if first else "\n]")


@click.group(cls=_Group, invoke_without_command=True)
@click.option("--data-dir", type=click.Path(file_okay=False), envvar="POLICYREADER_DATA_DIR",
              help="Where the library database lives (default: the user data directory).")
@click.version_option(package_name="policyreader")
@click.pass_context
def main(ctx: click.Context, data_dir: str | None) -> None:
    """PolicyReader: a bilingual reader and terminology workbench for Chinese policy documents.

    With no command, opens the reader window.
    """
    ctx.obj = CliState(data_dir)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        from policyreader.gui.app import run_app

        sys.exit(run_app(resolve_paths(data_dir)))
