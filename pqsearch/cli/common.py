"""What every command shares: the typer app, the --index and --json options, error printing."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from pqsearch.errors import PqsearchError

app = typer.Typer(
    name="pqsearch",
    help="Search parliamentary written questions and the ministers' answers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

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
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        typer.echo("Interrupted. What was committed is kept; run the command again.", err=True)
        raise typer.Exit(130) from None


def use_color() -> bool:
    return sys.stdout.isatty()
