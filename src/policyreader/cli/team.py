"""The ``team`` command group: join a team repository, sync, see what is new, settle conflicts."""

from __future__ import annotations

import sys
from typing import Any

import click

from policyreader.cli.options import CliState, emit, json_option, main, pass_state


@main.group()
def team() -> None:
    """Share your glossary entries and annotations with a team, through a git repository."""


def _counts(side: dict[str, Any]) -> str:
    parts = []
    for kind, label in (("entries", "entries"), ("annotations", "annotations")):
        n = sum(len(v) for v in side[kind].values())
        parts.append(f"{n} {label if n != 1 else label[:-1].replace('entrie', 'entry')}")
    return ", ".join(parts)


def _print_conflicts(conflicts: list[dict[str, Any]]) -> None:
    click.echo(f"{len(conflicts)} conflict{'s' if len(conflicts) != 1 else ''}; both versions are kept until you "
               "choose one with 'policyreader team resolve ID --keep mine|theirs|both':")
    for c in conflicts:
        click.echo(f"  {c['kind']} {c['id']} ({c['label']}): {c['what']}")


@team.command("join")
@click.argument("remote")
@click.option("--name", default="", help="Your name on commits (default: git's user.name, or your login).")
@click.option("--email", default="", help="Your e-mail on commits (default: git's user.email).")
@json_option
@pass_state
def team_join(state: CliState, remote: str, name: str, email: str, as_json: bool) -> None:
    """Connect this library to the team repository REMOTE (a git URL, or the folder of a bare repository)."""
    s = state.app.team.join(remote, name, email)
    if as_json:
        emit({"remote": s.remote, "branch": s.branch, "name": s.name, "email": s.email})
        return
    click.echo(f"joined {s.remote} (branch {s.branch}) as {s.name} <{s.email}>; run 'policyreader team sync' "
               "to send your entries and annotations and receive the team's")


@team.command("sync")
@json_option
@pass_state
def team_sync(state: CliState, as_json: bool) -> None:
    """Send your entries and annotations, merge the team's, receive them. Exit code 1 while conflicts wait."""
    state.library()
    report = state.app.team.sync().to_json()
    if as_json:
        emit(report)
    else:
        commit = f" at {report['commit'][:10]}" if report["commit"] else ""
        click.echo(f"synced with {report['remote']}{commit}: sent {_counts(report['sent'])}; "
                   f"received {_counts(report['received'])}")
        if report["pending"]:
            click.echo(f"{report['pending']} annotation(s) wait for documents this library does not have; they "
                       "are placed when you import those documents and sync")
        for problem in report["problems"]:
            click.echo(f"skipped an unreadable file: {problem}", err=True)
        if report["conflicts"]:
            _print_conflicts(report["conflicts"])
    if report["conflicts"]:
        sys.exit(1)


@team.command("status")
@click.option("--no-fetch", is_flag=True, help="Do not ask the team repository; compare with what was last fetched.")
@json_option
@pass_state
def team_status(state: CliState, no_fetch: bool, as_json: bool) -> None:
    """What is new on either side since the last sync, and the conflicts waiting for you."""
    state.library(bundled=False)
    status = state.app.team.status(fetch=not no_fetch)
    if as_json:
        emit(status)
        return
    click.echo(f"team {status['remote']} (branch {status['branch']}), you are {status['name']}; "
               f"last sync: {status['last_sync'] or 'never'}")
    click.echo(f"yours, not sent yet: {_counts(status['local'])}")
    team_side = status["team"]
    if team_side:
        who = f" by {', '.join(team_side['authors'])}" if team_side["authors"] else ""
        click.echo(f"the team's, not received yet: {_counts(team_side)} in {team_side['commits']} commit(s){who}")
    if status["conflicts"]:
        _print_conflicts(status["conflicts"])


@team.command("conflicts")
@json_option
@pass_state
def team_conflicts(state: CliState, as_json: bool) -> None:
    """The conflicts waiting for you, with both versions."""
    state.library(bundled=False)
    conflicts = [c.to_json() for c in state.app.team.conflicts()]
    if as_json:
        emit(conflicts)
    elif conflicts:
        _print_conflicts(conflicts)
    else:
        click.echo("no conflicts")


@team.command("resolve")
@click.argument("ids", nargs=-1)
@click.option("--keep", type=click.Choice(["mine", "theirs", "both"]), required=True,
              help="Which version to keep: yours, the team's, or both (an entry gains the other's renderings "
                   "and notes; an annotation is kept twice).")
@click.option("--all", "every", is_flag=True, help="Every waiting conflict.")
@pass_state
def team_resolve(state: CliState, ids: tuple[str, ...], keep: str, every: bool) -> None:
    """Settle conflicts by id (an entry id, or an annotation id or its first characters)."""
    from policyreader.core.errors import UserError

    state.library(bundled=False)
    service = state.app.team
    if every and ids:
        raise UserError("team: give conflict ids or --all, not both")
    refs = [c.key for c in service.conflicts()] if every else list(ids)
    if every and not refs:
        click.echo("no conflicts to resolve")
        return
    if not refs:
        raise UserError("team: name the conflicts to resolve (see 'policyreader team conflicts'), or give --all")
    for ref in refs:
        key = service.resolve(ref, keep)
        click.echo(f"kept {keep} for {key}")
    click.echo("run 'policyreader team sync' to send your choice to the team", err=True)


@team.command("leave")
@pass_state
def team_leave(state: CliState) -> None:
    """Disconnect this library from its team; your entries and annotations stay."""
    state.library(bundled=False)
    remote = state.app.team.leave()
    click.echo(f"left {remote}; your entries and annotations stay in this library")
