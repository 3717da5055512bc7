"""The `pqsearch` command: a thin coat over `pqsearch.api`.

Each command parses its options, calls one public function and formats the result. Only
`PqsearchError` is caught (printed, non-zero exit); anything else is a bug and keeps its
traceback.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from pqsearch import api, output
from pqsearch.errors import PqsearchError
from pqsearch.export import CSV_DIALECTS, MEMO_LANGUAGES
from pqsearch.query.overdue import REPLY_DELAY_DAYS
from pqsearch.query.search import Filters

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
T = TypeVar("T", bound=str)


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


def _color() -> bool:
    return sys.stdout.isatty()


@app.command()
def parse(
    files: Annotated[
        list[Path], typer.Argument(help="Pages, text renderings, .jsonl files, folders.")
    ],
) -> None:
    """Print the records extracted from FILES as JSON Lines; failures go to stderr.

    Example: pqsearch parse corpus/brussels/html/170229.html
    """
    with user_errors():
        batch = api.parse_files(files)
    sys.stdout.write(output.jsonl(q.to_dict() for q in batch.questions))
    for skipped in batch.skipped:
        typer.echo(f"Skipped: {skipped.source}: {skipped.reason}", err=True)
    for failure in batch.failures:
        typer.echo(f"Error: {failure.source}: {failure.reason}", err=True)
    if batch.failures:
        raise typer.Exit(1)


class _ProgressPrinter:
    """A one-line progress display on a terminal; a line every few seconds otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, progress: Any) -> None:
        now = time.monotonic()
        if now - self.last < (0.2 if self.tty else 5.0):
            return
        self.last = now
        line = self.line(progress, now)
        if self.tty:
            sys.stderr.write("\r" + line.ljust(100)[:100])
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def line(self, progress: Any, now: float) -> str:
        done, total = progress.files_done, max(progress.files_total, 1)
        elapsed = now - progress.started
        eta = elapsed / done * (total - done) if done else 0.0
        return (
            f"{done}/{total} files · {progress.documents} documents · {progress.analysed} "
            f"analysed · {progress.words_per_second:,.0f} words/s · ETA {eta:.0f} s"
        )

    def finish(self) -> None:
        if self.tty and self.last:
            sys.stderr.write("\r" + " " * 100 + "\r")


class _FetchProgressPrinter(_ProgressPrinter):
    """The same display for a harvest: a bar over the index entries' pages, then counts."""

    def line(self, progress: Any, now: float) -> str:
        done, total = progress.done, max(progress.total, 1)
        filled = 20 * done // total
        eta = (now - progress.started) / done * (total - done) if done else 0.0
        return (
            f"[{'#' * filled}{'.' * (20 - filled)}] {done}/{total} pages · "
            f"{progress.requested} requested · {progress.failed} failed · ETA {eta / 60:.0f} min"
        )


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files and folders to ingest (default: corpus/).")
    ] = None,
    index: IndexOption = None,
    rebuild: Annotated[bool, typer.Option(help="Build a fresh index beside the old one.")] = False,
    prune: Annotated[bool, typer.Option(help="Drop documents whose source is gone.")] = False,
    taxonomy: Annotated[
        Path | None, typer.Option(help="A sector taxonomy TOML file to use instead of NACE.")
    ] = None,
    wait: Annotated[float, typer.Option(help="Seconds to wait for another ingest.")] = 10.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    json: JsonOption = False,
) -> None:
    """Index new and changed documents; unchanged ones are skipped.

    Example: pqsearch ingest corpus/ --index index/
    """
    printer = None if quiet else _ProgressPrinter()
    with user_errors():
        report = api.ingest(
            paths or [api.DEFAULT_CORPUS],
            index_dir=index,
            rebuild=rebuild,
            prune=prune,
            taxonomy=taxonomy,
            wait=wait,
            progress=printer,
        )
    if printer:
        printer.finish()
    typer.echo(output.as_json(report) if json else output.ingest_text(report), nl=json)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def fetch(
    legislature: Annotated[
        list[str] | None, typer.Option(help="e.g. 24/29 (repeatable; default 24/29).")
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            help="Pages of: written (default), oral, interpellation, request_for_explanations, "
            "topical, other, all. Every index entry is kept as metadata whatever this says."
        ),
    ] = None,
    language: Annotated[list[str] | None, typer.Option(help="fr, nl (default both).")] = None,
    folder: Annotated[
        Path | None, typer.Option(help="Corpus folder (default corpus/brussels-harvest/).")
    ] = None,
    base_url: Annotated[
        str | None, typer.Option(help="The site (default https://www.parlement.brussels).")
    ] = None,
    delay: Annotated[
        float | None, typer.Option(help="Seconds between requests (default 2).")
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for an answer.")] = 30.0,
    recent_days: Annotated[
        int, typer.Option(help="Ask again for pages answered in the last DAYS days.")
    ] = 90,
    recheck_all: Annotated[
        bool, typer.Option(help="Ask again for every page held (a 304 if unchanged).")
    ] = False,
    max_pages: Annotated[
        int | None, typer.Option(help="Stop after requesting this many pages (resumable).")
    ] = None,
    ingest: Annotated[bool, typer.Option(help="Ingest the folder afterwards.")] = False,
    index: IndexOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    json: JsonOption = False,
) -> None:
    """Harvest the Parliament's index and question pages (politely, resumably) into a folder.

    Run it again to go on after an interruption or to refresh: only new entries and pages
    that may have changed are asked for. Dutch pages are stored but not parsed yet.

    Example: pqsearch fetch --legislature 24/29 --ingest
    """
    from pqsearch.fetch import harvest
    from pqsearch.fetch.report import report_text

    printer = None if quiet else _FetchProgressPrinter()
    with user_errors():
        report = harvest(
            legislature or ["24/29"],
            kinds=kind or ["written"],
            languages=language or ["fr", "nl"],
            folder=folder,
            base_url=base_url,
            delay=delay,
            timeout=timeout,
            recent_days=recent_days,
            recheck_all=recheck_all,
            max_pages=max_pages,
            progress=printer,
        )
        if printer:
            printer.finish()
        if not json:
            typer.echo(report_text(report), nl=False)
        ingested = api.ingest([Path(report.folder)], index_dir=index) if ingest else None
    if json:
        typer.echo(output.as_json({"fetch": report, "ingest": ingested} if ingest else report))
    elif ingested is not None:
        typer.echo(output.ingest_text(ingested), nl=False)
    else:
        typer.echo(f"Next: pqsearch ingest {report.folder}")
    if report.failed or (ingested is not None and ingested.failed):
        raise typer.Exit(1)


Many = list[str] | None
# Filter options, declared once: search, similar, export and watch add take them all.
LegislatureOption = Annotated[Many, typer.Option(help="e.g. 19/24 (repeatable).")]
SessionOption = Annotated[Many, typer.Option(help="e.g. 20/21 (repeatable).")]
AuthorOption = Annotated[Many, typer.Option(help="Member who asked (repeatable).")]
AddresseeOption = Annotated[
    Many, typer.Option("--addressee", "--minister", help="Minister (repeatable).")
]
PortfolioOption = Annotated[Many, typer.Option(help="Competence, e.g. urbanisme.")]
LanguageOption = Annotated[Many, typer.Option(help="fr, nl.")]
SectorOption = Annotated[Many, typer.Option(help="Sector id or label, e.g. F or construction.")]
SectorMentionedOption = Annotated[
    Many, typer.Option(help="A sector the document mentions, even in passing (e.g. H).")
]
AnswerTypeOption = Annotated[
    Many, typer.Option(help="substantive, by_reference, not_competent, ... or a French label.")
]
StatusOption = Annotated[str | None, typer.Option(help="answered or unanswered.")]
FromOption = Annotated[
    str | None, typer.Option("--from", help="2021, 2021-03, 31/03/2021, mars 2021.")
]
ToOption = Annotated[str | None, typer.Option("--to", help="Included, like --from.")]
DateOption = Annotated[
    str, typer.Option(help="The date --from/--to and sorting use: received, published, answered.")
]
SortOption = Annotated[str, typer.Option(help="relevance, newest or oldest.")]
KindOption = Annotated[
    Many,
    typer.Option(help="written, oral_turned_written, explanations_turned_written, ..."),
]
OverdueOption = Annotated[
    bool,
    typer.Option("--overdue", help="Only questions unanswered past the reply delay."),
]
ReplyDelayOption = Annotated[
    int,
    typer.Option(min=0, help="Days a minister has to answer, for --overdue (an assumption)."),
]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="The day --overdue counts to (default: today).")
]
WordsArgument = Annotated[list[str] | None, typer.Argument(help="Query words and syntax.")]


def _filters(
    *,
    legislature: Many = None,
    session: Many = None,
    author: Many = None,
    addressee: Many = None,
    portfolio: Many = None,
    language: Many = None,
    sector: Many = None,
    sector_mentioned: Many = None,
    answer_type: Many = None,
    status: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    date: str = "received",
    kind: Many = None,
    overdue: bool = False,
    reply_delay: int = REPLY_DELAY_DAYS,
    as_of: str | None = None,
) -> Filters:
    return Filters(
        legislature=tuple(legislature or ()),
        session=tuple(session or ()),
        author=tuple(author or ()),
        addressee=tuple(addressee or ()),
        portfolio=tuple(portfolio or ()),
        language=tuple(language or ()),
        sector=tuple(sector or ()),
        sector_mentioned=tuple(sector_mentioned or ()),
        answer_type=tuple(answer_type or ()),
        status=status,
        date_from=date_from,
        date_to=date_to,
        date_field=date,
        kind=tuple(kind or ()),
        overdue=overdue,
        reply_delay_days=reply_delay,
        as_of=as_of,
    )


@app.command()
def search(
    words: WordsArgument = None,
    index: IndexOption = None,
    legislature: LegislatureOption = None,
    session: SessionOption = None,
    author: AuthorOption = None,
    addressee: AddresseeOption = None,
    portfolio: PortfolioOption = None,
    language: LanguageOption = None,
    sector: SectorOption = None,
    sector_mentioned: SectorMentionedOption = None,
    answer_type: AnswerTypeOption = None,
    status: StatusOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    date: DateOption = "received",
    kind: KindOption = None,
    overdue: OverdueOption = False,
    reply_delay: ReplyDelayOption = REPLY_DELAY_DAYS,
    as_of: AsOfOption = None,
    all_words: Annotated[
        bool, typer.Option("--all-words", help="Only documents holding every word.")
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
    filters = _filters(
        kind=kind,
        overdue=overdue,
        reply_delay=reply_delay,
        as_of=as_of,
        legislature=legislature,
        session=session,
        author=author,
        addressee=addressee,
        portfolio=portfolio,
        language=language,
        sector=sector,
        sector_mentioned=sector_mentioned,
        answer_type=answer_type,
        status=status,
        date_from=date_from,
        date_to=date_to,
        date=date,
    )
    with user_errors(), api.open_index(index) as opened:
        result = opened.search(
            " ".join(words or []),
            filters=filters,
            facets=chosen,
            sort=sort,
            page=page,
            limit=limit,
            all_words=all_words,
            all_copies=all_copies,
        )
    if json:
        typer.echo(output.as_json(result))
    else:
        text = output.search_text(
            result, color=_color(), show_facets=not no_facets, explain=explain
        )
        typer.echo(text, nl=False)


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
def similar(
    doc_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="An indexed document.")
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="A file holding a draft question, or - for stdin.")
    ] = None,
    index: IndexOption = None,
    session: SessionOption = None,
    addressee: AddresseeOption = None,
    portfolio: PortfolioOption = None,
    sector: SectorOption = None,
    status: StatusOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 10,
    json: JsonOption = False,
) -> None:
    """List the past questions most similar to a document or to a draft, with their answers.

    Example: pqsearch similar 170290   or   pqsearch similar --text draft.txt --status answered
    """
    filters = _filters(
        session=session,
        addressee=addressee,
        portfolio=portfolio,
        sector=sector,
        status=status,
        date_from=date_from,
        date_to=date_to,
    )
    with user_errors():
        draft = _read_text(text) if text is not None else None
        with api.open_index(index) as opened:
            result = opened.similar(doc_id, text=draft, filters=filters, limit=limit)
    if json:
        typer.echo(output.as_json(result))
    else:
        typer.echo(output.similar_text(result, color=_color()), nl=False)


def _read_text(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PqsearchError(f"Cannot read the draft {name}: {error}") from error


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
    filters = _filters(
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


watch_app = typer.Typer(help="Saved searches: what is new on your topics since last time.")
app.add_typer(watch_app, name="watch")


@watch_app.command("add")
def watch_add(
    name: Annotated[str, typer.Argument(help="A short name for the saved search.")],
    words: WordsArgument = None,
    index: IndexOption = None,
    session: SessionOption = None,
    addressee: AddresseeOption = None,
    portfolio: PortfolioOption = None,
    sector: SectorOption = None,
    status: StatusOption = None,
    any_word: Annotated[
        bool,
        typer.Option(
            "--any-word", help="Report documents holding any of the words (default: all of them)."
        ),
    ] = False,
) -> None:
    """Save a search; "pqsearch watch run" then shows what is new for it.

    Example: pqsearch watch add logement logement social --portfolio logement
    """
    from pqsearch import watch

    filters = _filters(
        session=session, addressee=addressee, portfolio=portfolio, sector=sector, status=status
    )
    with user_errors(), api.open_index(index) as opened:
        saved = watch.add_watch(
            opened, name, " ".join(words or []), filters, all_words=not any_word
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

    Example: pqsearch watch run
    """
    from pqsearch import watch

    with user_errors(), api.open_index(index) as opened:
        reports = watch.run_watches(opened, tuple(names or ()))
    typer.echo(output.as_json(reports) if json else output.watch_text(reports), nl=json)


@watch_app.command("list")
def watch_list(index: IndexOption = None, json: JsonOption = False) -> None:
    """List the saved searches.

    Example: pqsearch watch list
    """
    from pqsearch import watch

    with user_errors(), api.open_index(index) as opened:
        watches = watch.list_watches(opened)
    if json:
        typer.echo(
            output.as_json(
                [{"name": w.name, "query": w.query, "last_run": w.last_run} for w in watches]
            )
        )
    else:
        for w in watches:
            typer.echo(
                f"{w.name}: {w.query or '(filters only)'} · last run {w.last_run or 'never'}"
            )


@watch_app.command("remove")
def watch_remove(
    name: Annotated[str, typer.Argument(help="The saved search to delete.")],
    index: IndexOption = None,
) -> None:
    """Delete a saved search.

    Example: pqsearch watch remove logement
    """
    from pqsearch import watch

    with user_errors(), api.open_index(index) as opened:
        watch.remove_watch(opened, name)
    typer.echo(f"Removed {name!r}.")


@app.command()
def serve(
    index: IndexOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    timeout: Annotated[float, typer.Option(help="Seconds a search may take.")] = 10.0,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Server processes (one per core scales best).")
    ] = 1,
) -> None:
    """Serve the web interface and the JSON API (read-only) until Ctrl-C.

    Example: pqsearch serve --index index/ --port 8000, then open http://127.0.0.1:8000/
    """
    from pqsearch.web import serve as run_server

    with user_errors():
        run_server(index, host=host, port=port, timeout=timeout, workers=workers)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
