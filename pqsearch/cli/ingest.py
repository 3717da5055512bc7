"""Commands that read documents: parse, ingest, fetch."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Generic, TypeVar

import typer

from pqsearch import api, output
from pqsearch.cli.common import IndexOption, JsonOption, app, user_errors

if TYPE_CHECKING:
    # Named in quotes below: a search at the terminal loads neither ingest nor the fetcher.
    from pqsearch import HarvestProgress, IngestProgress

# The CLI's default corpus, relative to the current folder (the API takes no default).
DEFAULT_CORPUS = Path("corpus")
P = TypeVar("P", "IngestProgress", "HarvestProgress")


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


class _ProgressPrinter(Generic[P]):
    """A one-line progress display on a terminal; a line every few seconds otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, progress: P) -> None:
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

    def line(self, progress: P, now: float) -> str:
        raise NotImplementedError

    def finish(self) -> None:
        if self.tty and self.last:
            sys.stderr.write("\r" + " " * 100 + "\r")


class _IngestProgressPrinter(_ProgressPrinter["IngestProgress"]):
    """Files, documents, analysis speed and the time left."""

    def line(self, progress: IngestProgress, now: float) -> str:
        if progress.stage == "retype" and progress.to_check:
            return (
                f"answer types: {progress.checked:,}/{progress.to_check:,} indexed documents "
                "read again with this pqsearch's rules"
            )
        done, total = progress.files_done, max(progress.files_total, 1)
        elapsed = now - progress.started
        eta = elapsed / done * (total - done) if done else 0.0
        read = ""
        if progress.bytes_total:
            # By bytes: one large JSON Lines file is read record by record.
            share = min(progress.bytes_done / progress.bytes_total, 1.0)
            read = f" ({share:.0%} read)"
            eta = elapsed / share * (1 - share) if share else 0.0
        return (
            f"{done}/{total} files{read} · {progress.documents} documents · "
            f"{progress.analyzed} analysed · {progress.words_per_second:,.0f} words/s · "
            f"ETA {eta:.0f} s"
        )


class _FetchProgressPrinter(_ProgressPrinter["HarvestProgress"]):
    """The same display for a harvest: a bar over the index entries' pages, then counts."""

    def line(self, progress: HarvestProgress, now: float) -> str:
        done, total = progress.done, max(progress.total, 1)
        filled = 20 * done // total
        eta = (now - progress.started) / done * (total - done) if done else 0.0
        return (
            f"[{'#' * filled}{'.' * (20 - filled)}] {done}/{total} pages · "
            f"{progress.requested} requested · {progress.failed} failed · ETA {eta / 60:.0f} min"
        )


class _MissingThenProgress:
    """Says the named files and folders that do not exist as soon as the ingest knows them,
    then shows its progress (`printer`, None with --quiet): they were said only at the end,
    after minutes of reading the others (s20). The exit code is as before: 1 for them."""

    def __init__(self, printer: _IngestProgressPrinter | None) -> None:
        self.printer = printer
        self.said = False

    def __call__(self, progress: IngestProgress) -> None:
        if progress.missing and not self.said:
            self.said = True
            typer.echo(
                f"Warning: no such file or folder: {', '.join(progress.missing)}. Reading the "
                "others; these are counted as failed at the end.",
                err=True,
            )
        if self.printer is not None:
            self.printer(progress)

    def finish(self) -> None:
        if self.printer is not None:
            self.printer.finish()


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files and folders to ingest (default: corpus/; with --rebuild, the files the "
            "index was built from)."
        ),
    ] = None,
    index: IndexOption = None,
    rebuild: Annotated[
        bool,
        typer.Option(
            help="Build a fresh index beside the old one; what the old one alone held is "
            "saved aside, except the documents of a file that is there but did not read, "
            "kept as the old one held them."
        ),
    ] = False,
    prune: Annotated[bool, typer.Option(help="Drop documents whose source is gone.")] = False,
    allow_empty: Annotated[
        bool,
        typer.Option(
            help="With --prune or --rebuild, also drop the documents of a folder that is "
            "empty now (no document file), or with --rebuild gone or unreadable, or of a "
            "file or folder given that is not there (refused otherwise: a disk or share "
            "not mounted, a typo)."
        ),
    ] = False,
    taxonomy: Annotated[
        Path | None,
        typer.Option(help='A sector taxonomy TOML file to use instead of NACE ("default": NACE).'),
    ] = None,
    reanalyze: Annotated[
        bool,
        typer.Option(help="Analyse every indexed document's sectors again (see pqsearch info)."),
    ] = False,
    wait: Annotated[float, typer.Option(help="Seconds to wait for another ingest.")] = 10.0,
    jobs: Annotated[
        int | None,
        typer.Option(min=1, help="spaCy worker processes (default: the cores available, up to 8)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    json: JsonOption = False,
) -> None:
    """Index new and changed documents; unchanged ones are skipped.

    Example: pqsearch ingest corpus/ --index index/
    """
    if not paths and not (reanalyze or rebuild) and not DEFAULT_CORPUS.exists():
        # Before the index is made and spaCy loaded: a new user's first command, elsewhere.
        typer.echo(
            f"Error: there is no {DEFAULT_CORPUS}/ folder in {Path.cwd()}, which `pqsearch "
            "ingest` reads when no files are named. Run it in the project's folder, or name "
            "the folders and files to read: pqsearch ingest FOLDER ...",
            err=True,
        )
        raise typer.Exit(2)
    printer = _MissingThenProgress(None if quiet else _IngestProgressPrinter())
    with user_errors():
        report = api.ingest(
            # A rebuild given no paths reads the files the index names, not corpus/.
            paths or ([] if reanalyze or rebuild else [DEFAULT_CORPUS]),
            index_dir=index,
            rebuild=rebuild,
            prune=prune,
            allow_empty=allow_empty,
            taxonomy=taxonomy,
            reanalyze=reanalyze,
            wait=wait,
            progress=printer,
            jobs=jobs,
        )
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
    from pqsearch.fetch import harvest, report_text

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
