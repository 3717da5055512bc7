"""The export command: a search written as a memo, CSV or JSON Lines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pqsearch import Filters, api, choose
from pqsearch.cli.common import IndexOption, app, user_errors
from pqsearch.cli.options import (
    DEFAULT_FILTERS,
    SortOption,
    WordsArgument,
    sort_of,
    with_filters,
)

if TYPE_CHECKING:
    from pqsearch import ExportFormat

# The format an -o file's ending names; md otherwise.
FORMAT_BY_SUFFIX: dict[str, ExportFormat] = {"csv": "csv", "jsonl": "jsonl"}


@app.command()
@with_filters
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
    force: Annotated[
        bool, typer.Option("--force", help="Replace the -o file if it exists (refused otherwise).")
    ] = False,
    index: IndexOption = None,
    filters: Filters = DEFAULT_FILTERS,
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
    # Imported here: the exports load the answer classifier, which a search does not need.
    from pqsearch import CSV_DIALECTS, EXPORT_FORMATS, MEMO_LANGUAGES, write_export

    suffix = output_file.suffix.lower().lstrip(".") if output_file else ""
    with user_errors():
        chosen = (
            choose("format", fmt, EXPORT_FORMATS) if fmt else FORMAT_BY_SUFFIX.get(suffix, "md")
        )
        language = choose("--memo-language", memo_language, MEMO_LANGUAGES)
        dialect = choose("--csv-dialect", csv_dialect, CSV_DIALECTS)
        with api.open_index(index) as opened:
            text = opened.export(
                " ".join(words or []),
                fmt=chosen,
                filters=filters,
                sort=sort_of(sort),
                limit=limit,
                language=language,
                csv_dialect=dialect,
            )
    if output_file is None:
        sys.stdout.write(text)
    else:
        with user_errors():
            write_export(output_file, text, force=force)
        typer.echo(f"Wrote {output_file}", err=True)
