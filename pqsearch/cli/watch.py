"""The watch commands: saved searches and what is new for them."""

from __future__ import annotations

from typing import Annotated

import typer

# The watch functions are named through the package, which imports `pqsearch.watch` when a
# watch command first calls one: registering these commands must not load it for a search.
import pqsearch
from pqsearch import Filters, api, output
from pqsearch.cli.common import IndexOption, JsonOption, app, user_errors
from pqsearch.cli.options import DEFAULT_FILTERS, WordsArgument, with_filters

watch_app = typer.Typer(help="Saved searches: what is new on your topics since last time.")
app.add_typer(watch_app, name="watch")


@watch_app.command("add")
@with_filters
def watch_add(
    name: Annotated[str, typer.Argument(help="A short name for the saved search.")],
    words: WordsArgument = None,
    index: IndexOption = None,
    filters: Filters = DEFAULT_FILTERS,
    any_word: Annotated[
        bool,
        typer.Option(
            "--any-word", help="Report documents holding any of the words (default: all of them)."
        ),
    ] = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace", help="Replace the saved search of that name, forgetting what it showed."
        ),
    ] = False,
) -> None:
    """Save a search; "pqsearch watch run" then shows what is new for it.

    Example: pqsearch watch add logement logement social --portfolio logement
    """
    with user_errors(), api.open_index(index) as opened:
        saved = pqsearch.add_watch(
            opened, name, " ".join(words or []), filters, all_words=not any_word, replace=replace
        )
    typer.echo(f'Saved {saved.name!r}. Run "pqsearch watch run" after each ingest.')


@watch_app.command("run")
def watch_run(
    names: Annotated[
        list[str] | None, typer.Argument(help="Saved searches (default: all).")
    ] = None,
    index: IndexOption = None,
    json: JsonOption = False,
) -> None:
    """Show, for each saved search, the documents new or changed since its last run.

    A saved search that cannot run is an error line in its place; the others still run and
    are recorded, then the exit status is 1.

    Example: pqsearch watch run
    """
    with user_errors(), api.open_index(index) as opened:
        reports = pqsearch.run_watches(opened, tuple(names or ()))
    typer.echo(output.as_json(reports) if json else output.watch_text(reports), nl=json)
    failed = [report.name for report in reports if report.error is not None]
    if failed:
        searches = "saved search" if len(reports) == 1 else "saved searches"
        others = "" if len(failed) == len(reports) else "; the others ran and were recorded"
        typer.echo(
            f"Error: {len(failed)} of {len(reports)} {searches} could not run "
            f"({', '.join(failed)}){others}.",
            err=True,
        )
        raise typer.Exit(1)


@watch_app.command("list")
def watch_list(index: IndexOption = None, json: JsonOption = False) -> None:
    """List the saved searches.

    Example: pqsearch watch list
    """
    with user_errors(), api.open_index(index) as opened:
        watches = pqsearch.list_watches(opened)
    if json:
        typer.echo(
            output.as_json(
                [
                    {
                        "name": w.name,
                        "query": w.query,
                        "filters": w.filters,
                        "all_words": w.all_words,
                        "last_run": w.last_run,
                    }
                    for w in watches
                ]
            )
        )
    else:
        for w in watches:
            # What follows "watch add NAME" to save it again: its query and options, quoted
            # for a shell; a search without a query says so in words, not as a query.
            name = w.name if w.query else f"{w.name} (no query)"
            typer.echo(f"{name}: {w.arguments()} · last run {w.last_run or 'never'}")


@watch_app.command("remove")
def watch_remove(
    name: Annotated[str, typer.Argument(help="The saved search to delete.")],
    index: IndexOption = None,
) -> None:
    """Delete a saved search.

    Example: pqsearch watch remove logement
    """
    with user_errors(), api.open_index(index) as opened:
        pqsearch.remove_watch(opened, name)
    typer.echo(f"Removed {name!r}.")
