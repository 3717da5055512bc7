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

# The most documents one export holds.
MAX_LIMIT = 1000
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
    limit: Annotated[int, typer.Option(min=1, max=MAX_LIMIT)] = 20,
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
            query = " ".join(words or [])
            matching = opened.search(query, filters=filters, facets=[], limit=0).total
            text = opened.export(
                query,
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
    if chosen != "md" and matching > limit:
        # The memo's heading says it; a file for a machine (an export to ingest again) must
        # not look whole when it is not (audit of session 14, D9).
        typer.echo(_left_out(limit, matching), err=True)


def _left_out(limit: int, matching: int) -> str:
    more = (
        f"--limit {matching} writes them all"
        if matching <= MAX_LIMIT
        else f"an export holds at most {MAX_LIMIT:,}: export them in parts with filters "
        "(--session, --from/--to)"
    )
    return f"Note: the export holds the first {limit} of {matching:,} matching documents; {more}."
