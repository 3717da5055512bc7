"""Commands that read the index: search, show, facets, sectors, similar."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pqsearch import Filters, PqsearchError, api, output
from pqsearch.cli.common import IndexOption, JsonOption, app, use_color, user_errors
from pqsearch.cli.options import (
    DEFAULT_FILTERS,
    SortOption,
    WordsArgument,
    sort_of,
    with_filters,
)


@app.command()
@with_filters
def search(
    words: WordsArgument = None,
    index: IndexOption = None,
    filters: Filters = DEFAULT_FILTERS,
    all_words: Annotated[
        bool, typer.Option("--all-words", help="Only documents holding every word.")
    ] = False,
    no_correct: Annotated[
        bool,
        typer.Option("--no-correct", help="Search a word that matches nothing as typed."),
    ] = False,
    sort: SortOption = "relevance",
    page: Annotated[int, typer.Option(min=1)] = 1,
    limit: Annotated[int, typer.Option(min=0, max=1000)] = 10,
    facets: Annotated[str | None, typer.Option(help="Facets to count, comma-separated.")] = None,
    no_facets: Annotated[bool, typer.Option("--no-facets", help="Do not count facets.")] = False,
    json: JsonOption = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show what each word was searched as.")
    ] = False,
    all_copies: Annotated[
        bool,
        typer.Option(
            "--all-copies", help="List each copy of a question sent to several ministers."
        ),
    ] = False,
) -> None:
    """Search questions and answers; prints ranked hits and facet counts.

    Example: pqsearch search diplomates technologiques --session 20/21
    """
    chosen = [] if no_facets else ([facets] if facets else None)
    with user_errors(), api.open_index(index) as opened:
        result = opened.search(
            " ".join(words or []),
            filters=filters,
            facets=chosen,
            sort=sort_of(sort),
            page=page,
            limit=limit,
            all_words=all_words,
            correct=not no_correct,
            group_copies=not all_copies,
        )
        # Asked only when nothing matched: an index whose first ingest was killed is empty;
        # one whose first ingest is running fills as it commits.
        note = ""
        if not result.total:
            status = opened.sector_status()
            if status.first_ingest_running:
                note = output.FIRST_INGEST_RUNNING
            elif status.first_ingest_unfinished:
                note = output.FIRST_INGEST_UNFINISHED
    if note:
        typer.echo(f"Note: {note}.", err=True)
    if json:
        typer.echo(output.as_json(result))
    else:
        typer.echo(
            output.search_text(
                result, color=use_color(), show_facets=not no_facets, explain=explain
            ),
            nl=False,
        )


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="A document id from search.")],
    index: IndexOption = None,
    json: JsonOption = False,
) -> None:
    """Print one document: metadata, sectors, cross-references, question and answer.

    Example: pqsearch show 170229
    """
    with user_errors(), api.open_index(index) as opened:
        document = opened.show(doc_id)
    typer.echo(output.as_json(document) if json else output.document_text(document), nl=json)


@app.command()
def facets(
    field: Annotated[str, typer.Argument(help="session, addressee, portfolio, sector, ...")],
    index: IndexOption = None,
    json: JsonOption = False,
) -> None:
    """List every value of a field with its document count.

    Example: pqsearch facets session
    """
    with user_errors(), api.open_index(index) as opened:
        facet = opened.facet(field)
    typer.echo(output.as_json(facet) if json else output.facet_text(facet), nl=json)


@app.command()
def sectors(index: IndexOption = None, json: JsonOption = False) -> None:
    """List the sectors of the index's taxonomy with how many documents mention each.

    Example: pqsearch sectors
    """
    with user_errors(), api.open_index(index) as opened:
        counts = opened.sectors()
    typer.echo(output.as_json(counts) if json else output.sectors_text(counts), nl=json)


@app.command()
def info(index: IndexOption = None, json: JsonOption = False) -> None:
    """Show the index's sector taxonomy and detector, whether to re-analyse its documents, and
    the answer-type rules that typed them.

    Example: pqsearch info
    """
    with user_errors(), api.open_index(index) as opened:
        status = opened.sector_status()
    typer.echo(output.as_json(status) if json else output.sector_status_text(status), nl=json)


@app.command()
def synonyms(
    word: Annotated[str, typer.Argument(help="A word as typed in a query.")],
    index: IndexOption = None,
    json: JsonOption = False,
) -> None:
    """Show what a query word is also searched as, and where each term comes from.

    Example: pqsearch synonyms SIAMU
    """
    with user_errors():
        if not word.strip():
            # It said '"" is searched as itself only' (s18).
            raise PqsearchError("Give a word to look up, e.g. pqsearch synonyms SIAMU.")
        with api.open_index(index) as opened:
            found = opened.synonyms(word)
    typer.echo(output.as_json(found) if json else output.synonyms_text(word, found), nl=json)


@app.command()
@with_filters
def similar(
    doc_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="An indexed document.")
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="A file holding a draft question, or - for stdin.")
    ] = None,
    index: IndexOption = None,
    filters: Filters = DEFAULT_FILTERS,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 10,
    json: JsonOption = False,
) -> None:
    """List the past questions most similar to a document or to a draft, with their answers.

    Example: pqsearch similar 170290   or   pqsearch similar --text draft.txt --status answered
    """
    with user_errors():
        draft = _read_text(text) if text is not None else None
        with api.open_index(index) as opened:
            result = opened.similar(doc_id, text=draft, filters=filters, limit=limit)
    if json:
        typer.echo(output.as_json(result))
    else:
        typer.echo(output.similar_text(result, color=use_color()), nl=False)


def _read_text(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    # The system's words, not Python's ("[Errno 21] Is a directory: '/tmp'"), and the fix.
    try:
        return Path(name).read_text(encoding="utf-8")
    except OSError as error:
        raise PqsearchError(
            f"Cannot read the draft {name}: {error.strerror or error}. Give a text file, or "
            "--text - to read the draft from standard input."
        ) from error
    except UnicodeDecodeError as error:
        raise PqsearchError(
            f"The draft {name} is not UTF-8 text (byte {error.start + 1} cannot be read). Save "
            "it as UTF-8 text, or paste it through standard input with --text -."
        ) from error
