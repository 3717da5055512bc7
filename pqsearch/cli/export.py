"""The export command: a search written as a memo, CSV or JSON Lines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from pqsearch import api
from pqsearch.cli.common import IndexOption, app, user_errors
from pqsearch.cli.options import (
    AddresseeOption,
    FromOption,
    PortfolioOption,
    SectorOption,
    SessionOption,
    SortOption,
    StatusOption,
    ToOption,
    WordsArgument,
    make_filters,
)
from pqsearch.export import CSV_DIALECTS, MEMO_LANGUAGES

T = TypeVar("T", bound=str)


@app.command()
def export(
    words: WordsArgument = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="md, csv or jsonl (default: from -o's ending, else md)."
        ),
    ] = None,
    output_file: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    index: IndexOption = None,
    session: SessionOption = None,
    addressee: AddresseeOption = None,
    portfolio: PortfolioOption = None,
    sector: SectorOption = None,
    status: StatusOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    sort: SortOption = "relevance",
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
    memo_language: Annotated[
        str, typer.Option("--memo-language", help="The memo's language: fr or en.")
    ] = "fr",
    csv_dialect: Annotated[
        str,
        typer.Option(
            "--csv-dialect",
            help="excel-fr (UTF-8 with BOM, ';': opens in a French spreadsheet) or comma.",
        ),
    ] = "excel-fr",
) -> None:
    """Write the results of a search as a precedents memo (Markdown), CSV or JSON Lines.

    Example: pqsearch export logement social --status answered --format md -o memo.md
    """
    filters = make_filters(
        session=session,
        addressee=addressee,
        portfolio=portfolio,
        sector=sector,
        status=status,
        date_from=date_from,
        date_to=date_to,
    )
    suffix = output_file.suffix.lower().lstrip(".") if output_file else ""
    chosen = fmt or (suffix if suffix in ("csv", "jsonl") else "md")
    with user_errors(), api.open_index(index) as opened:
        text = opened.export(
            " ".join(words or []),
            fmt=chosen,
            filters=filters,
            sort=sort,
            limit=limit,
            language=_choice(memo_language, MEMO_LANGUAGES, "--memo-language"),
            csv_dialect=_choice(csv_dialect, CSV_DIALECTS, "--csv-dialect"),
        )
    if output_file is None:
        sys.stdout.write(text)
    else:
        with user_errors():
            api.write_export(output_file, text)
        typer.echo(f"Wrote {output_file}", err=True)


def _choice(value: str, allowed: tuple[T, ...], option: str) -> T:
    for choice in allowed:
        if value == choice:
            return choice
    typer.echo(f"Error: {option} takes {' or '.join(allowed)}, not {value!r}.", err=True)
    raise typer.Exit(2)
