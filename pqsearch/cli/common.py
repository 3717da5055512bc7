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
        typer.echo(f"Error: {error}{_as_an_option(error)}{_in_a_shell(error)}", err=True)
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


def _as_an_option(error: PqsearchError) -> str:
    """For an empty filter value, its example as the option that sets the filter, quoted for a
    shell (`--addressee '=van den brandt'`); the library's message, which the JSON API says
    too, names no option."""
    if not isinstance(error, QuerySyntaxError) or error.kind != "empty_exact_value":
        return ""
    import dataclasses
    import shlex

    from pqsearch import Filters

    if not error.valid or error.field not in {f.name for f in dataclasses.fields(Filters)}:
        return ""  # a field no option sets (parliament)
    value = error.valid[0].split(":", 1)[1].replace('"', "")
    return f"\nAs an option: --{error.field.replace('_', '-')} {shlex.quote(value)}"


def _in_a_shell(error: PqsearchError) -> str:
    """The suggested query in a form a shell keeps, when it holds double quotes: a shell strips
    those of `pqsearch search recu:"31 mars 2021"`, of `"portfolio=="` and of an empty value's
    example (`addressee:="van den brandt"`)."""
    if not isinstance(error, QuerySyntaxError):
        return ""
    if not error.query and error.kind != "empty_exact_value":
        return ""
    import shlex

    forms = []
    fixed = error.corrected or (error.valid[0] if error.valid else "")
    if '"' in fixed:
        forms.append(fixed)
    if error.as_written:
        forms.append(error.as_written)  # "portfolio==X" in quotes, searched as written
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
