"""What every command shares: the typer app, the --index and --json options, error printing."""

from __future__ import annotations

import contextlib
import errno
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Annotated

import typer

from pqsearch.errors import PqsearchError, QuerySyntaxError, ResourceLimitError


def _new_app(callback: Callable[[], None] | None = None) -> typer.Typer:
    return typer.Typer(
        name="pqsearch",
        help="Search parliamentary written questions and the ministers' answers.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        callback=callback,
    )


app = _new_app()

IndexOption = Annotated[
    Path | None,
    typer.Option("--index", help="Index folder (default: $PQSEARCH_INDEX, else index/)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the typed result as JSON.")]


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    try:
        yield
    except PqsearchError as error:
        typer.echo(f"Error: {error}{_in_a_shell(error)}", err=True)
        raise typer.Exit(2) from None
    except (OSError, MemoryError) as error:
        # Too many open files or no memory, wherever met: a message, not a traceback.
        limited = _exhausted(error)
        if limited is None:
            raise
        typer.echo(f"Error: {limited}", err=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        typer.echo("Interrupted. What was committed is kept; run the command again.", err=True)
        raise typer.Exit(130) from None


def _in_a_shell(error: PqsearchError) -> str:
    """The suggested query in a form a shell keeps, when it holds double quotes: a shell strips
    those of `pqsearch search recu:"31 mars 2021"` and of `"portfolio=="`."""
    if not isinstance(error, QuerySyntaxError) or not error.query:
        return ""
    import shlex

    forms = []
    fixed = error.corrected or (error.valid[0] if error.valid else "")
    if '"' in fixed:
        forms.append(fixed)
    if error.kind == "field_equals" and error.position is not None:
        # The word as written, in quotes; not when a quoted value follows its "=".
        typed, at = str(error.value), error.position
        rest = error.query[at + len(typed) :]
        if not rest.startswith(('"', "“", "”", "„", "«")):
            forms.append(f'{error.query[:at]}"{typed}"{rest}')
    if not forms:
        return ""
    shown = " or ".join(shlex.quote(form) for form in forms)
    return f"\nIn a shell, put the query in single quotes to keep its double quotes: {shown}"


def _exhausted(error: OSError | MemoryError) -> str | None:
    # Importing anything more here may fail for the same want of file handles or memory.
    if isinstance(error, MemoryError):
        return str(ResourceLimitError.of(errno.ENOMEM, error))
    if error.errno in (errno.EMFILE, errno.ENFILE, errno.ENOMEM):
        return str(ResourceLimitError.of(error.errno, error))
    return None


def app_for(arguments: Sequence[str]) -> typer.Typer:
    """`app`, or when `arguments` start with the name of one of its commands (or groups) an
    app of the same settings holding that command alone.

    typer builds every command's options when the app runs (reading each callback's
    signature and type hints): 25 to 30 ms of the 0.3 s of `pqsearch search` from a fresh
    process here, for the one command that runs. A group with a callback that does nothing
    runs the command as the whole app would, and prints the same help and errors for it;
    anything else (no command, `--help`, a misspelt name) gets the whole app.
    """
    name = arguments[0] if arguments else None
    commands = [c for c in app.registered_commands if _command_name(c) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    alone = _new_app(callback=_no_group_options)
    alone.registered_commands = commands
    alone.registered_groups = groups
    return alone


def _command_name(command: typer.models.CommandInfo) -> str | None:
    if command.name:
        return command.name
    # typer's own naming of a command registered without a name.
    return command.callback.__name__.lower().replace("_", "-") if command.callback else None


def _no_group_options() -> None:
    """The group's callback when it holds one command: it takes no options."""


def use_color() -> bool:
    return sys.stdout.isatty()
