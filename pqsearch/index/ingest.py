"""Incremental ingest: files -> records -> analysis -> Whoosh, committed in batches.

A document whose content hash is unchanged is skipped before any analysis; a changed one
replaces the old version by its stable id. The same question arriving twice (a page and its
record) is indexed once: the newer content wins, the page when they say the same
(`parse.versions`), and the other copy is reported.
Every `commit_every` documents the lexicon is flushed and then Whoosh commits, so the
lexicon is always a superset of what the index holds and a killed ingest loses at most the
documents since the last commit; running ingest again completes it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import Sequence
from pathlib import Path

from pqsearch.analyze import acronyms
from pqsearch.analyze.lemmatize import stopwords
from pqsearch.analyze.portfolios import PortfolioNames
from pqsearch.errors import InvalidChoiceError, NothingToRebuildError
from pqsearch.index import (
    answer_version,
    ownership,
    rebuild_losses,
    refusals,
    schema_version,
    sector_version,
    space,
    store,
)
from pqsearch.index.analysis import Analyzer
from pqsearch.index.carried import carry_unread
from pqsearch.index.columns import save_columns
from pqsearch.index.existing import existing_documents
from pqsearch.index.holder_files import prune_unheld, remember_holders
from pqsearch.index.holders import distinct, read_from
from pqsearch.index.manifest import record_lexicon
from pqsearch.index.positions_file import save_positions
from pqsearch.index.progress import Progress, ProgressCallback
from pqsearch.index.rebuild_paths import refuse_missing_paths
from pqsearch.index.run import IngestRun, record_files
from pqsearch.index.schema import SCHEMA_VERSION
from pqsearch.index.segments import merge_segments, open_or_create
from pqsearch.index.worker import default_jobs
from pqsearch.index.writable import refuse_read_only
from pqsearch.models import IngestReport
from pqsearch.parse import iter_parse
from pqsearch.parse.walk import MISSING, document_files

__all__ = ["Progress", "ProgressCallback", "ingest"]

# Documents between commits: a killed ingest loses at most these (an ingest run again
# analyses them again). Each commit of a new index is a segment, merged into one at its end:
# a merge rewrites every posting in Python (a fifth of a 10,000-document ingest), so a new
# index commits less often, and up to `NEW_INDEX_COMMIT_EVERY` documents need no merge.
COMMIT_EVERY = 1000
NEW_INDEX_COMMIT_EVERY = 5000


def ingest(
    paths: Sequence[str | Path],
    *,
    index_dir: str | Path | None = None,
    rebuild: bool = False,
    prune: bool = False,
    allow_empty: bool = False,
    taxonomy: str | Path | None = None,
    reanalyze: bool = False,
    lock_timeout: float = 10.0,
    commit_every: int | None = None,
    batch_size: int = 64,
    n_process: int | None = None,
    progress: ProgressCallback | None = None,
    jobs: int | None = None,
) -> IngestReport:
    """Bring the index at `index_dir` up to date with the documents under `paths`.

    Returns what was added, updated, unchanged, removed (with `prune`: a folder that held
    documents and is empty now fails, keeping them, unless `allow_empty`) and every file that
    failed with its reason. A bad file never stops the batch. A large ingest lemmatizes in
    `jobs` worker processes (default: the cores available, up to `MAX_DEFAULT_JOBS`). It
    commits every `commit_every` documents (default: `COMMIT_EVERY`, or
    `NEW_INDEX_COMMIT_EVERY` for a new index). `reanalyze` analyses every indexed document
    again from its source, with the taxonomy and detector of this pqsearch unless the index
    has its own taxonomy (see `sector_version`).
    """
    if jobs is not None and jobs < 1:
        raise InvalidChoiceError("number of jobs", jobs, ("a whole number from 1 up",))
    root = store.resolve_index_dir(index_dir)
    started = time.monotonic()
    notes: list[str] = []
    # Before the lock, which would leave its file in a folder that is not ours, or in one
    # that a refused ingest must leave as it was (`refusals`).
    with store.writing(root):
        refusals.refuse_before_writing(root, paths, rebuild=rebuild, reanalyze=reanalyze)
        ownership.claim(root)
    with store.write_lock(root, timeout=lock_timeout) as stale:
        if stale is not None:
            notes.append(
                f"cleared the lock left by process {stale.pid} (started {stale.started}), "
                "which stopped without releasing it; what it had committed is kept"
            )
        # Before anything is taken for an orphan or for "no index": a lost `live` beside an
        # index is relinked, never read as a first ingest that starts empty (audit 9, #2).
        relinked = store.repair_live(root)
        if relinked is not None:
            notes.append(
                f"the index's `live` link was missing or named a missing folder: relinked it "
                f"to {relinked}, which holds the index"
            )
        for kept in store.remove_orphans(root):
            notes.append(
                f"kept {kept}: a finished index that `live` does not name; delete it yourself "
                "if you do not need it"
            )
        live = store.live_data_dir(root, tolerate_damage=rebuild)
        rebuilding = rebuild or live is None
        if rebuild and live is not None:
            schema_version.refuse_newer(root, live)
        if rebuild and paths and live is not None and not allow_empty:
            refuse_missing_paths(root, live, paths)
        if rebuild and not paths:
            if live is None:
                raise NothingToRebuildError(root, "no paths were given and it holds no index")
            paths = rebuild_losses.indexed_files(root, live, allow_empty=allow_empty)
        # With no usable index to keep, the new one goes live as soon as it exists (empty), so
        # that every commit of a killed first ingest survives; a rebuild of a readable index
        # stays beside it until whole.
        live_at_once = live is None
        taxonomy_path = Path(taxonomy) if taxonomy else None
        if taxonomy_path is None and rebuild and live is not None:
            taxonomy_path = sector_version.kept_on_rebuild(live)
        data = None if rebuilding else live
        try:
            # A rebuild's folder that cannot be made or switched in is not left (s16 D7, D8).
            data = store.new_data_dir(root) if rebuilding else live
            assert data is not None
            report = _ingest_into(
                root,
                data,
                [Path(p) for p in paths],
                fresh=rebuilding,
                live_at_once=live_at_once,
                prune=prune,
                allow_empty=allow_empty,
                taxonomy_path=taxonomy_path,
                reanalyze=reanalyze,
                carry_from=live if rebuilding and not live_at_once else None,
                commit_every=commit_every
                or (NEW_INDEX_COMMIT_EVERY if rebuilding else COMMIT_EVERY),
                batch_size=batch_size,
                n_process=n_process,
                jobs=jobs or default_jobs(),
                progress=progress,
            )
            _record_lexicon(data)
            unchecked = None
            if rebuilding and not live_at_once:
                assert live is not None
                report, unchecked = rebuild_losses.before_switch(
                    root, live, data, paths, report, allow_empty=allow_empty
                )
            previous = store.switch_live(root, data) if rebuilding else None
        except BaseException as error:
            full = space.clean_up(root, data, error, rebuild_of=live if rebuilding else None)
            if full is not None:
                raise full from error
            raise
        if rebuilding:
            if previous is not None and previous != data and unchecked is not None:
                report = rebuild_losses.set_aside(root, previous, unchecked, report)
            elif previous is not None and previous != data:
                store.remove_data_dir(root, previous)
            # And the older folders `live` no longer named (a link damaged into a file): the
            # rebuild, now live, replaces them as it replaces the previous live one.
            store.remove_orphans(root)
    return IngestReport(
        added=report.added,
        updated=report.updated,
        unchanged=report.unchanged,
        removed=report.removed,
        failed=report.failed,
        duplicates=report.duplicates,
        seconds=time.monotonic() - started,
        words=report.words,
        notes=(*notes, *report.notes),
        identical=report.identical,
        skipped=report.skipped,
        warnings=report.warnings,
        jobs=report.jobs,
        main_cpu_seconds=report.main_cpu_seconds,
        analysis_cpu_seconds=report.analysis_cpu_seconds,
    )


def _ingest_into(
    root: Path,
    data: Path,
    paths: list[Path],
    *,
    fresh: bool,
    live_at_once: bool = False,
    prune: bool,
    allow_empty: bool = False,
    taxonomy_path: Path | None,
    reanalyze: bool = False,
    carry_from: Path | None = None,
    commit_every: int,
    batch_size: int,
    n_process: int | None,
    jobs: int,
    progress: ProgressCallback | None,
) -> IngestReport:
    if not fresh:
        refuse_read_only(root, data)  # before the first write (a stamp, the lexicon's sum)
    ix = open_or_create(root, data, fresh)
    if not fresh and not (data / store.LEXICON_FILE).is_file():
        # Writable, the lexicon would be created empty and the index would go on without it.
        raise store.damaged_index(root, f"its lexicon {data / store.LEXICON_FILE} is missing")
    lexicon = store.open_lexicon(root, data, writable=True)
    # Rows are written before Whoosh commits the documents they describe: they carry that
    # commit's number, so that readers of the generation before do not see them.
    lexicon.next_generation = lambda: int(ix.latest_generation()) + 1
    try:
        acronyms.discard_uncommitted(lexicon, int(ix.latest_generation()))
        choice = sector_version.choose_taxonomy(
            data, lexicon, taxonomy_path, reanalyze=reanalyze, documents=ix.doc_count()
        )
        taxonomy = choice.taxonomy
        files, failures, skipped = document_files(paths)
        files = distinct(files)
        missing = tuple(failure.source for failure in failures if failure.reason == MISSING)
        if missing and progress is not None:  # said now, not after the others are read (s20)
            progress(Progress(files_total=len(files), bytes_total=_bytes(files), missing=missing))
        # Made first: a large ingest's workers load spaCy while this process gets the index
        # ready (for a new one, spaCy's stopword list: seconds of imports).
        analyzer = Analyzer(
            taxonomy, n_process, PortfolioNames(lexicon), jobs, _bytes(files), warm=fresh
        )
        try:
            if choice.installed and not fresh:
                # The file record lists the taxonomy copy: readers would take the new one for
                # damage until the run's first commit, which an ingest of nothing new never makes.
                record_files(ix)
            reanalyze_all = lexicon.get_meta(sector_version.REANALYSIS_META) == "pending"
            # A new index's documents are all typed by these rules; an index typed by others (or
            # by rules it never recorded) is brought up to date at the end of the run.
            retype = not fresh and answer_version.behind(lexicon)
            if fresh:
                answer_version.record_rules(lexicon)
                lexicon.set_stopwords(stopwords())
            lexicon.set_meta("schema_version", SCHEMA_VERSION)
            # Cleared by the first ingest that reaches its end (this one, or one run again after).
            unfinished = live_at_once or (
                lexicon.get_meta(sector_version.FIRST_INGEST_META) == "unfinished"
            )
            if live_at_once:
                lexicon.set_meta(sector_version.FIRST_INGEST_META, "unfinished")
            lexicon.flush()
            if live_at_once:
                store.switch_live(root, data)
            try:
                existing = {} if fresh else existing_documents(ix)
            except Exception as error:
                if not store.is_damage(error):
                    raise
                raise store.read_failure(root, error) from error
            notes = [choice.notice] if choice.notice else []
            if reanalyze_all and existing:
                # Every document, not only those under `paths`: its source is read again.
                extra, gone = sector_version.sources_to_reanalyse(
                    (e.source for e in existing.values()), files
                )
                if extra:
                    files, failures, skipped = document_files([*paths, *extra])
                    files = distinct(files)
                    analyzer.expect(_bytes(files))
                if gone:
                    notes.append(
                        f"{gone} source files of indexed documents are gone: their documents keep "
                        "the sectors found before (--prune with their folders drops those that no "
                        "other file holds)"
                    )
            cpu_started = time.process_time()
            state = IngestRun(
                ix=ix,
                lexicon=lexicon,
                analyzer=analyzer,
                existing=existing,
                reanalyze_all=reanalyze_all,
                commit_every=commit_every,
                batch_size=batch_size,
                progress=Progress(
                    files_total=len(files), bytes_total=_bytes(files), missing=missing
                ),
                on_progress=progress,
                merge_on_commit=not fresh,
                walked=[str(p) for p in files],
            )
        except BaseException:
            analyzer.close()  # `state.close` does it from here on
            raise
        state.failed.extend(failures)
        state.skipped.extend(skipped)
        try:
            files_read = 0  # their bytes: a file's lines may not add up to its size
            for path in files:
                source = str(path)
                for item in iter_parse([path], on_read=state.progress.read):
                    state.take(read_from(item, source))
                files_read += _bytes([path])
                state.progress.bytes_done = files_read
                state.file_read(source)
            state.drain()
            state.write_late()
            if carry_from is not None:  # a rebuild: what did not read is not dropped
                carry_unread(state, root, carry_from)
            if prune:
                prune_unheld(state, [Path(p).absolute() for p in paths], allow_empty=allow_empty)
            if retype:
                retyped = state.retype_answers()
                notes.append(answer_version.retyped_note(retyped, lexicon))
            remember_holders(state)
            state.commit()
            if retype:
                answer_version.record_rules(lexicon)
            if reanalyze_all:
                sector_version.finish_reanalysis(lexicon)
            if unfinished:
                lexicon.set_meta(sector_version.FIRST_INGEST_META, "done")
            if retype or reanalyze_all or unfinished:
                lexicon.flush()
            if fresh:
                merge_segments(ix)
            # Readers then load the facet and date columns instead of building them; without
            # the file (a full disk) they build them, so a failure here loses nothing.
            with contextlib.suppress(OSError):
                save_columns(ix, data)
            # Likewise the frequent words' positions, for phrases (`positions_file`).
            with contextlib.suppress(OSError):
                save_positions(ix, data)
        finally:
            state.close()
        # Lemmatization done in this process (the first batches) is the workers' kind of work.
        main_cpu = time.process_time() - cpu_started - analyzer.inline_cpu
        report = state.report()
        return dataclasses.replace(
            report,
            notes=(*notes, *report.notes),
            jobs=analyzer.workers_started,
            main_cpu_seconds=main_cpu,
            analysis_cpu_seconds=analyzer.inline_cpu + analyzer.worker_cpu,
        )
    finally:
        lexicon.close(compact=fresh)


def _bytes(files: list[Path]) -> int:
    total = 0
    for file in files:
        with contextlib.suppress(OSError):  # gone since the walk: reported when read
            total += file.stat().st_size
    return total


def _record_lexicon(data: Path) -> None:
    # As for the file record: without it, opening only skips the lexicon's check.
    with contextlib.suppress(OSError):
        record_lexicon(data, data / store.LEXICON_FILE)
