"""The export command: a search written as a memo, CSV or JSON Lines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pqsearch import Filters, PqsearchError, api, choose
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

# The documents a memo holds unless --limit or --all says otherwise: a memo is read.
MEMO_LIMIT = 20
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
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="Write here instead of stdout (- is stdout: -o ./- for a file)."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the -o file if it exists (refused otherwise).")
    ] = False,
    index: IndexOption = None,
    filters: Filters = DEFAULT_FILTERS,
    sort: SortOption = "relevance",
    limit: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Write at most this many documents (default: every match as csv or jsonl, "
            "the 20 most relevant in a memo).",
        ),
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Write every match, also in a memo.")
    ] = False,
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

    # "-" is standard output, as for most tools (it wrote a file named "-": s18); a file of
    # that name is still reachable as ./- (the option is read as text to tell them apart).
    output_file = Path(output) if output is not None and output != "-" else None
    suffix = output_file.suffix.lower().lstrip(".") if output_file else ""
    with user_errors():
        chosen = (
            choose("format", fmt, EXPORT_FORMATS) if fmt else FORMAT_BY_SUFFIX.get(suffix, "md")
        )
        language = choose("--memo-language", memo_language, MEMO_LANGUAGES)
        dialect = choose("--csv-dialect", csv_dialect, CSV_DIALECTS)
        if every and limit is not None:
            raise PqsearchError("Give --limit N or --all, not both.")
        # A data format holds every match (it may go back into an index); a memo is read.
        wanted = None if every or (limit is None and chosen != "md") else limit or MEMO_LIMIT
        with api.open_index(index) as opened:
            stream = opened.export_stream(
                " ".join(words or []),
                fmt=chosen,
                filters=filters,
                sort=sort_of(sort),
                limit=wanted,
                language=language,
                csv_dialect=dialect,
            )
            if output_file is None:
                for piece in stream:
                    sys.stdout.write(piece)
            else:
                write_export(output_file, stream, force=force)
    if stream.written < stream.total:
        where = f" to {output}" if output_file else ""
        typer.echo(
            f"Wrote {stream.written} of {stream.total} matching documents{where}: "
            f"--limit {stream.total} or --all writes every one.",
            err=True,
        )
    elif output_file is not None:
        typer.echo(f"Wrote {stream.written} documents to {output}", err=True)
