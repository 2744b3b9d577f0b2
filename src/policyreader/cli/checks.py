"""The user's QA checks, saved by name and run with every ``qa``: ``checks list``, ``checks add``,
``checks delete``."""

from __future__ import annotations

import click

from policyreader.cli.options import CliState, emit, json_option, main, pass_state
from policyreader.core.consistency import UserCheck
from policyreader.core.errors import UserError


@main.group("checks")
def checks_group() -> None:
    """Your own QA checks: English that must or must not occur (run with every 'qa')."""


@checks_group.command("list")
@json_option
@pass_state
def checks_list(state: CliState, as_json: bool) -> None:
    """List the saved checks."""
    checks = state.app.qa.checks()
    if as_json:
        emit([c.to_json() for c in checks])
        return
    for c in checks:
        click.echo(f"{c.name}\t{c.severity}\t{c.describe()}")
    if not checks:
        click.echo("no checks saved (add one with 'policyreader checks add NAME --never TEXT')", err=True)


@checks_group.command("add")
@click.argument("name")
@click.option("--never", "never", help="English that must not occur, e.g. 'social credit score'.")
@click.option("--always", "always", help="English that must occur (use --when to say where).")
@click.option("--when", "chinese", default="", help="Only segments whose Chinese contains this.")
@click.option("--regex", is_flag=True, help="The texts are regular expressions (Python syntax).")
@click.option("--severity", type=click.Choice(["error", "warning"]), default="error", show_default=True)
@json_option
@pass_state
def checks_add(state: CliState, name: str, never: str | None, always: str | None, chinese: str, regex: bool,
               severity: str, as_json: bool) -> None:
    """Save check NAME (replacing a check of that name): --never TEXT or --always TEXT [--when CHINESE]."""
    if bool(never) == bool(always):
        raise UserError("give either --never TEXT or --always TEXT")
    check = state.app.qa.save_check(UserCheck(name, never or always or "", must=bool(always), chinese=chinese,
                                              regex=regex, severity=severity))
    if as_json:
        emit(check.to_json())
    else:
        click.echo(f"saved check {check.name}: {check.describe()}")


@checks_group.command("delete")
@click.argument("name")
@pass_state
def checks_delete(state: CliState, name: str) -> None:
    """Delete the check NAME."""
    state.app.qa.delete_check(name)
    click.echo(f"deleted check {name}")
