"""Incremental ingest: files -> records -> analysis -> Whoosh, committed in batches.

A document whose content hash is unchanged is skipped before any analysis; a changed one
replaces the old version by its stable id. The same question arriving twice (a page and its
record) is indexed once: the newer content wins, the page when they say the same
(`parse.versions`), and the other copy is reported.
Every `commit_every` documents the lexicon is flushed and then Whoosh commits, so the
lexicon is always a superset of what the index holds and a killed ingest loses at most the
batch in flight; running ingest again completes it.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pqsearch.analyze.acronyms import Acronyms
from pqsearch.analyze.answers import classify_answer
from pqsearch.analyze.fold import surface_tokens
from pqsearch.analyze.lemmatize import Analysis, Lemmatizer, stopwords
from pqsearch.analyze.lexicon import Lexicon
from pqsearch.analyze.portfolios import PortfolioNames
from pqsearch.analyze.references import Reference, question_references
from pqsearch.analyze.sectors import SectorDetector
from pqsearch.analyze.segments import read_part
from pqsearch.analyze.taxonomy import Taxonomy, default_taxonomy_path, load_taxonomy
from pqsearch.index import durable, ownership, space, store
from pqsearch.index.columns import save_columns
from pqsearch.index.durable import DurableStorage
from pqsearch.index.fingerprint import with_indexed_hash
from pqsearch.index.manifest import record_lexicon, write_manifest
from pqsearch.index.schema import (
    SCHEMA_VERSION,
    TEXT_PARTS,
    DocumentText,
    Enrichment,
    build_schema,
    to_document,
)
from pqsearch.index.worker import analysis_pool
from pqsearch.models import FileFailure, IngestReport, Question, SkippedFile
from pqsearch.parse import iter_parse, versions
from pqsearch.parse.fields import MAX_NUMBER
from pqsearch.parse.versions import Version
from pqsearch.parse.walk import SUFFIX_ORDER, iter_files

# Text beyond this is not a question page but a scraping accident, and spaCy's memory grows
# with it: 1 million characters took 2.6 GB and 25 s, 20 million went past 16 GB.
MAX_TEXT_CHARS = 1_000_000
TAXONOMY_NAME_META = "taxonomy"
TAXONOMY_FINGERPRINT_META = "taxonomy_fingerprint"
REANALYSIS_META = "reanalysis"
# Whoosh's compound segment is one file whose parts a reader copies into memory when it
# opens them (about half a second and the whole postings in RAM at 100,000 documents); the
# parts as separate files are read in place.
COMPOUND = False


@dataclass
class Progress:
    """Where an ingest is, for a progress display."""

    files_total: int
    files_done: int = 0
    documents: int = 0
    analysed: int = 0
    words: int = 0
    failed: int = 0
    started: float = field(default_factory=time.monotonic)
    stage: str = "parse"

    @property
    def words_per_second(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.words / elapsed if elapsed > 0 else 0.0


ProgressCallback = Callable[[Progress], None]


@functools.cache
def shared_lemmatizer() -> Lemmatizer:
    """One spaCy pipeline per process: loading it takes seconds, and a program (or a test
    session) may ingest many times."""
    return Lemmatizer()


def document_files(
    paths: Iterable[Path],
) -> tuple[list[Path], list[FileFailure], list[SkippedFile]]:
    """Every document file under `paths` (`parse.walk`), pages before text renderings before
    records, with the failures and the skipped files of the walk.

    That order makes the first version of a question met in a run the page, when the newer
    content does not decide (see `parse.versions`).
    """
    found: list[Path] = []
    failures: list[FileFailure] = []
    skipped: list[SkippedFile] = []
    for item in iter_files(paths):
        if isinstance(item, FileFailure):
            failures.append(item)
        elif isinstance(item, SkippedFile):
            skipped.append(item)
        else:
            # Absolute, so that --prune and updates agree whatever folder ingest runs from.
            found.append(item.absolute())
    found.sort(key=lambda p: (SUFFIX_ORDER.get(p.suffix.lower(), 3), str(p)))
    return found, failures, skipped


@dataclass
class _Existing:
    content_hash: str
    source: str
    rank: int


def _existing_documents(ix: Any) -> dict[str, _Existing]:
    """id -> (hash, source, rank) of every live document, read from columns, not stored fields."""
    existing: dict[str, _Existing] = {}
    with ix.reader() as reader:
        if reader.doc_count_all() == 0:
            return existing
        # Segment by segment, as in reader.build_dates: every document has these fields, but
        # a segment-wise read does not depend on it.
        for leaf, _ in reader.leaf_readers():
            ids = leaf.column_reader("id")
            hashes = leaf.column_reader("content_hash")
            sources = leaf.column_reader("source")
            ranks = leaf.column_reader("source_rank")
            for docnum in range(leaf.doc_count_all()):
                if not leaf.is_deleted(docnum):
                    existing[ids[docnum]] = _Existing(
                        hashes[docnum], sources[docnum], ranks[docnum]
                    )
    return existing


# Past this many documents to analyse in one run, spaCy moves to a worker process: starting
# it costs a model load (seconds), which only a large ingest wins back.
WORKER_AFTER_DOCUMENTS = 256
# Batches analysed ahead of the one being written: one keeps both cores busy.
BATCHES_IN_FLIGHT = 1


@dataclass
class _Pending:
    """A batch of questions and its analyses, ready or still being computed by the worker."""

    questions: Sequence[Question]
    analyses: list[Analysis] | Future[list[Analysis]]


def _lemmatize_in_worker(texts: list[str]) -> list[Analysis]:
    return list(shared_lemmatizer().analyze(texts))


class _Analyser:
    """Everything ingest adds to a parsed record; spaCy is loaded on the first batch only."""

    def __init__(self, taxonomy: Taxonomy, n_process: int | None, portfolios: PortfolioNames):
        self.lemmatizer = shared_lemmatizer()
        self.n_process = n_process
        self.taxonomy = taxonomy
        self.portfolios = portfolios
        self._detector: SectorDetector | None = None
        self._submitted = 0
        self._pool: ProcessPoolExecutor | None = None

    @property
    def detector(self) -> SectorDetector:
        if self._detector is None:
            self._detector = SectorDetector(self.taxonomy, self.lemmatizer.lemmatize_terms)
        return self._detector

    def submit(self, questions: Sequence[Question]) -> _Pending:
        """Start lemmatizing a batch: in a worker process once the ingest is large, so that
        spaCy runs on one core while this process parses and writes on the other."""
        texts = [getattr(q, part) or "" for q in questions for part in TEXT_PARTS]
        self._submitted += len(questions)
        if self._submitted > WORKER_AFTER_DOCUMENTS:
            if self._pool is None:
                self._pool = analysis_pool()
            return _Pending(questions, self._pool.submit(_lemmatize_in_worker, texts))
        return _Pending(questions, list(self.lemmatizer.analyze(texts, n_process=self.n_process)))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def analyse(
        self, pending: _Pending
    ) -> Iterator[tuple[Question, DocumentText, Enrichment, dict[str, Analysis]]]:
        questions = pending.questions
        result = pending.analyses
        analyses = iter(result if isinstance(result, list) else result.result())
        for question in questions:
            parts = {part: next(analyses) for part in TEXT_PARTS}
            text = DocumentText(
                lemmas={part: a.lemmas for part, a in parts.items()},
                words={part: surface_tokens(getattr(question, part) or "") for part in TEXT_PARTS},
            )
            yield question, text, self.enrich(question, parts), parts

    def enrich(self, question: Question, analyses: Mapping[str, Analysis]) -> Enrichment:
        answer_type = classify_answer(question)
        mentions = self.detector.score(
            {
                part: read_part(getattr(question, part) or "", analysis)
                for part, analysis in analyses.items()
            }
        )
        references = [_reference_dict(r) for r in question_references(question)]
        return Enrichment(
            answer_type=answer_type.type,
            answer_type_evidence=answer_type.evidence,
            sectors=tuple(m.to_dict() for m in mentions),
            references=tuple(references),
            portfolios=self.portfolios.canonical(question.portfolios),
        )


def ingest(
    paths: Sequence[str | Path],
    *,
    index_dir: str | Path | None = None,
    rebuild: bool = False,
    prune: bool = False,
    taxonomy: str | Path | None = None,
    lock_timeout: float = 10.0,
    commit_every: int = 1000,
    batch_size: int = 64,
    n_process: int | None = None,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Bring the index at `index_dir` up to date with the documents under `paths`.

    Returns what was added, updated, unchanged, removed (with `prune`) and every file that
    failed with its reason. A bad file never stops the batch.
    """
    root = store.resolve_index_dir(index_dir)
    started = time.monotonic()
    notes: list[str] = []
    # Before the lock, which would leave its file in a folder that is not ours.
    with store.writing(root):
        ownership.claim(root)
    with store.write_lock(root, timeout=lock_timeout) as stale:
        if stale is not None:
            notes.append(
                f"cleared the lock left by process {stale.pid} (started {stale.started}), "
                "which stopped without releasing it; what it had committed is kept"
            )
        store.remove_orphans(root)
        live = store.live_data_dir(root, tolerate_damage=rebuild)
        rebuilding = rebuild or live is None
        # With no usable index to keep, the new one goes live as soon as it exists (empty), so
        # that every commit of a killed first ingest survives; a rebuild of a readable index
        # stays beside it until whole.
        live_at_once = live is None
        data = store.new_data_dir(root) if rebuilding else live
        assert data is not None
        try:
            report = _ingest_into(
                root,
                data,
                [Path(p) for p in paths],
                fresh=rebuilding,
                live_at_once=live_at_once,
                prune=prune,
                taxonomy_path=Path(taxonomy) if taxonomy else None,
                commit_every=commit_every,
                batch_size=batch_size,
                n_process=n_process,
                progress=progress,
            )
        except BaseException as error:
            full = space.disk_full(root, error)
            if rebuilding and not live_at_once:
                store.remove_data_dir(root, data)
            elif full is not None:
                space.remove_partial(data)
            if full is not None:
                raise full from error
            raise
        _record_lexicon(data)
        if rebuilding:
            previous = store.switch_live(root, data)
            if previous is not None and previous != data:
                store.remove_data_dir(root, previous)
    return IngestReport(
        added=report.added,
        updated=report.updated,
        unchanged=report.unchanged,
        removed=report.removed,
        failed=report.failed,
        duplicates=report.duplicates,
        seconds=time.monotonic() - started,
        words=report.words,
        notes=tuple(notes),
        identical=report.identical,
        skipped=report.skipped,
        warnings=report.warnings,
    )


def _open_or_create(root: Path, data: Path, fresh: bool) -> Any:

    if fresh:
        storage = DurableStorage(str(data))
        return storage.create_index(build_schema(), indexname=store.WHOOSH_INDEX_NAME)
    ix = store.open_whoosh(root, data)
    _remove_unfinished_segments(ix)
    return ix


def _remove_unfinished_segments(ix: Any) -> None:
    """Delete the files of segments a killed ingest was writing (no table of contents names
    them). A commit does this too, but an ingest with nothing new makes none, and each
    segment is some thirty files. We hold the write lock; readers keep what they opened."""
    from whoosh.index import TOC, clean_files

    toc = TOC.read(ix.storage, ix.indexname)
    clean_files(ix.storage, ix.indexname, toc.generation, toc.segments)


def _choose_taxonomy(data: Path, lexicon: Lexicon, path: Path | None) -> Taxonomy:
    """The taxonomy to detect sectors with.

    Without `path`, the index keeps the taxonomy it was built with (its copy in the data
    folder); a new one replaces it, and every document is then analysed again (the
    "reanalysis" mark in the lexicon says so until that is done).
    """
    stored = data / store.TAXONOMY_FILE
    if path is None and stored.exists():
        return load_taxonomy(stored)
    taxonomy = load_taxonomy(path)
    changed = lexicon.get_meta(TAXONOMY_FINGERPRINT_META) not in (None, taxonomy.fingerprint)
    if changed:
        # Marked before the new taxonomy is recorded: a run killed before every document was
        # analysed again leaves the mark, and the next run analyses them all again.
        lexicon.set_meta(REANALYSIS_META, "pending")
    source = path if path is not None else default_taxonomy_path()
    durable.write_atomic(stored, source.read_bytes())
    lexicon.set_meta(TAXONOMY_NAME_META, f"{taxonomy.name} {taxonomy.version}")
    lexicon.set_meta(TAXONOMY_FINGERPRINT_META, taxonomy.fingerprint)
    return taxonomy


def _ingest_into(
    root: Path,
    data: Path,
    paths: list[Path],
    *,
    fresh: bool,
    live_at_once: bool = False,
    prune: bool,
    taxonomy_path: Path | None,
    commit_every: int,
    batch_size: int,
    n_process: int | None,
    progress: ProgressCallback | None,
) -> IngestReport:
    ix = _open_or_create(root, data, fresh)
    if not fresh and not (data / store.LEXICON_FILE).is_file():
        # Writable, the lexicon would be created empty and the index would go on without it.
        raise store.damage(root, f"its lexicon {data / store.LEXICON_FILE} is missing")
    lexicon = store.open_lexicon(root, data, writable=True)
    try:
        taxonomy = _choose_taxonomy(data, lexicon, taxonomy_path)
        reanalyse_all = lexicon.get_meta(REANALYSIS_META) == "pending"
        if fresh:
            lexicon.set_stopwords(stopwords())
        lexicon.set_meta("schema_version", SCHEMA_VERSION)
        lexicon.flush()
        if live_at_once:
            store.switch_live(root, data)
        try:
            existing = {} if fresh else _existing_documents(ix)
        except Exception as error:
            if not store.is_damage(error):
                raise
            raise store.damaged(root, error) from error
        files, failures, skipped = document_files(paths)
        state = _Run(
            ix=ix,
            lexicon=lexicon,
            analyser=_Analyser(taxonomy, n_process, PortfolioNames(lexicon)),
            existing=existing,
            reanalyse_all=reanalyse_all,
            commit_every=commit_every,
            batch_size=batch_size,
            progress=Progress(files_total=len(files)),
            on_progress=progress,
        )
        state.failed.extend(failures)
        state.skipped.extend(skipped)
        try:
            for item in iter_parse(files):
                state.take(item)
            state.drain()
            state.write_late()
            if prune:
                state.prune({str(p) for p in files})
            state.commit()
            if reanalyse_all:
                lexicon.set_meta(REANALYSIS_META, "")
                lexicon.flush()
            if fresh:
                _merge_segments(ix)
            # Readers then load the facet and date columns instead of building them; without
            # the file (a full disk) they build them, so a failure here loses nothing.
            with contextlib.suppress(OSError):
                save_columns(ix, data)
        finally:
            state.close()
        return state.report()
    finally:
        lexicon.close()


class _Run:
    """The state of one ingest run: what was seen, the batch in flight, the open writer."""

    def __init__(
        self,
        *,
        ix: Any,
        lexicon: Lexicon,
        analyser: _Analyser,
        existing: dict[str, _Existing],
        reanalyse_all: bool,
        commit_every: int,
        batch_size: int,
        progress: Progress,
        on_progress: ProgressCallback | None,
    ) -> None:
        self.ix = ix
        self.lexicon = lexicon
        self.analyser = analyser
        self.existing = existing
        self.reanalyse_all = reanalyse_all
        self.commit_every = commit_every
        self.batch_size = batch_size
        self.progress = progress
        self.on_progress = on_progress
        self.writer: Any = None
        self.uncommitted = 0
        self.batch: list[Question] = []
        self.pending: deque[_Pending] = deque()
        self.seen: dict[str, Version] = {}
        self.late: list[Question] = []
        self.identical: list[str] = []
        self.skipped: list[SkippedFile] = []
        self.warnings: dict[str, str] = {}
        self.seen_sources: set[str] = set()
        self.added: list[str] = []
        self.updated: list[str] = []
        self.unchanged: list[str] = []
        self.removed: list[str] = []
        self.failed: list[FileFailure] = []
        self.duplicates: list[str] = []
        self.words = 0
        self._last_file: str | None = None
        # Acronyms the documents define, kept with the lexicon at each commit.
        self.acronyms = Acronyms()
        # The Dutch title of each question that one of its copies gave (a Brussels record
        # has it, the question's page does not): the copy indexed gets it (issue 14).
        self.titles_nl: dict[str, str] = {}

    def _tick(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.progress)

    def take(self, item: Question | FileFailure | SkippedFile) -> None:
        if isinstance(item, SkippedFile):
            self.skipped.append(item)
            return
        source = item.source.split(":")[0] if isinstance(item, FileFailure) else item.source
        if source != self._last_file:
            self._last_file = source
            self.progress.files_done += 1
        size = 0 if isinstance(item, FileFailure) else _text_size(item)
        if size > MAX_TEXT_CHARS:
            item = FileFailure(
                item.source,
                f"{size:,} characters of text; pqsearch analyses up to {MAX_TEXT_CHARS:,} per "
                "document (a question with its answer rarely has 100,000), so it is not indexed",
            )
        if not isinstance(item, FileFailure) and (item.number or 0) > MAX_NUMBER:
            item = FileFailure(
                item.source,
                f"question number {item.number} is beyond {MAX_NUMBER:,}, the "
                "largest the index holds, so it is not indexed",
            )
        if isinstance(item, FileFailure):
            self.failed.append(item)
            self.progress.failed += 1
            self._tick()
            return
        item = with_indexed_hash(item)
        if item.title_nl:
            self.titles_nl[item.id] = item.title_nl
        self.progress.documents += 1
        self.seen_sources.add(item.source)
        version = Version.of(item)
        first = self.seen.get(item.id)
        if first is not None:
            self._another_copy(item, version, first)
            return
        self.seen[item.id] = version
        old = self.existing.get(item.id)
        if old is not None and not self.reanalyse_all:
            if old.content_hash == item.content_hash and version.rank <= old.rank:
                self.unchanged.append(item.id)
                self._tick()
                return
            if old.source != item.source and os.path.exists(old.source):
                indexed = self._indexed_version(item.id)
                replace, why = versions.preferred(version, indexed, tie_replaces=True)
                if not replace:
                    self.duplicates.append(
                        f"{item.id}: {version.describe()} differs from the indexed "
                        f"{indexed.describe()}, which is kept ({why})"
                    )
                    self.unchanged.append(item.id)
                    return
        self._queue(item)

    def _another_copy(self, item: Question, version: Version, first: Version) -> None:
        """A question met again in this run: the newer copy is indexed, the other reported."""
        if first.content_hash == item.content_hash and version.rank <= first.rank:
            self.identical.append(item.id)
            return
        replace, why = versions.preferred(version, first, tie_replaces=False)
        kept = version if replace else first
        self.duplicates.append(
            f"{item.id}: {version.describe()} is another version of the question already read "
            f"from {first.describe()} ({why}); kept {kept.describe()}"
        )
        if not replace:
            return
        self.seen[item.id] = version
        self.warnings.pop(item.id, None)
        waiting = [i for i, queued in enumerate(self.batch) if queued.id == item.id]
        if waiting:
            self.batch[waiting[0]] = item
            self._warn_if_truncated(item)
        elif item.id in self.unchanged:
            # The indexed copy was kept a moment ago; this one replaces it after all.
            self.unchanged.remove(item.id)
            self._queue(item)
        else:
            # The first copy is already on its way to the index: a Whoosh writer does not
            # replace a document it holds itself, so this one is written after a commit.
            self.late.append(item)
            self._warn_if_truncated(item)

    def _queue(self, item: Question) -> None:
        self._warn_if_truncated(item)
        self.batch.append(item)
        if len(self.batch) >= self.batch_size:
            self.flush_batch()

    def _warn_if_truncated(self, item: Question) -> None:
        if versions.truncated_answer(item.answer):
            self.warnings[item.id] = (
                f"{item.id}: the answer in {item.source} is only {item.answer!r}: the source "
                "cut it short (an answer laid out as tables); indexed as such, its answer type "
                "is 'truncated'. Ingest the page to get the whole answer."
            )

    def _indexed_version(self, doc_id: str) -> Version:
        with self.ix.searcher() as searcher:
            stored = json.loads(searcher.document(id=doc_id)["record"])
        return Version.of(Question.from_dict(stored["question"]))

    def write_late(self) -> None:
        """Index the copies that replaced one already written in this run (after a commit)."""
        if not self.late:
            return
        self.commit()
        late, self.late = self.late, []
        for item in late:
            self.batch.append(item)
        self.drain()

    def flush_batch(self) -> None:
        """Send the batch to analysis; write the batches whose analysis is done."""
        if self.batch:
            batch, self.batch = self.batch, []
            self.progress.stage = "analyse"
            self._tick()
            self.pending.append(self.analyser.submit(batch))
        while len(self.pending) > BATCHES_IN_FLIGHT:
            self._write(self.pending.popleft())

    def drain(self) -> None:
        """Write every batch still in analysis (before the last commit)."""
        self.flush_batch()
        while self.pending:
            self._write(self.pending.popleft())

    def _write(self, pending: _Pending) -> None:
        writer = self._writer()
        for question, text, enrichment, analyses in self.analyser.analyse(pending):
            if question.title_nl is None and question.id in self.titles_nl:
                question = replace(question, title_nl=self.titles_nl[question.id])
            self.lexicon.add(analyses.values())
            self.acronyms.add(getattr(question, part) or "" for part in TEXT_PARTS)
            writer.update_document(**to_document(question, text, enrichment))
            words = sum(a.words for a in analyses.values())
            self.words += words
            self.progress.words += words
            self.progress.analysed += 1
            (self.updated if question.id in self.existing else self.added).append(question.id)
            self.uncommitted += 1
        self.progress.stage = "parse"
        self._tick()
        if self.uncommitted >= self.commit_every:
            self.commit()

    def _writer(self) -> Any:
        if self.writer is None:
            self.writer = self.ix.writer(timeout=30.0, compound=COMPOUND)
        return self.writer

    def prune(self, walked_files: set[str]) -> None:
        """Drop documents whose file is gone, or whose file was read but no longer has them."""
        writer = self._writer()
        # A file that failed whole this time (unreadable, undecodable: no "file:line" in the
        # failure) keeps its documents until it is read again.
        failed = {f.source for f in self.failed if not re.search(r":\d+$", f.source)}
        for doc_id, old in self.existing.items():
            if doc_id in self.seen or old.source in failed:
                continue
            if not os.path.exists(old.source) or old.source in walked_files:
                writer.delete_by_term("id", doc_id)
                self.removed.append(doc_id)
                self.uncommitted += 1

    def commit(self) -> None:
        if self.writer is None:
            return
        self.progress.stage = "commit"
        self._tick()
        # The lexicon first: if we die between the two, it describes a superset of the index.
        self.acronyms.save(self.lexicon)
        self.lexicon.flush()
        self.writer.commit()
        self.writer = None
        _record_files(self.ix)
        self.uncommitted = 0
        self.progress.stage = "parse"

    def close(self) -> None:
        self.analyser.close()
        if self.writer is not None:
            space.abandon(self.writer)
            self.writer = None

    def report(self) -> IngestReport:
        return IngestReport(
            # A copy written again after a newer one came (`write_late`) is counted once.
            added=tuple(dict.fromkeys(self.added)),
            updated=tuple(dict.fromkeys(self.updated)),
            unchanged=tuple(self.unchanged),
            removed=tuple(self.removed),
            failed=tuple(self.failed),
            duplicates=tuple(self.duplicates),
            words=self.words,
            identical=tuple(self.identical),
            skipped=tuple(self.skipped),
            warnings=tuple(self.warnings.values()),
        )


def _reference_dict(reference: Reference) -> dict[str, Any]:
    return {
        "number": reference.number,
        "session": reference.session,
        "kind": reference.kind,
        "text": reference.text,
        "date": reference.date.isoformat() if reference.date else None,
    }


def _merge_segments(ix: Any) -> None:
    """Merge a new index's segments (one per commit) into one.

    Each segment carries its own term dictionary and every query visits every segment: on
    30,000 documents in 11 segments, one segment is a fifth smaller and queries 1.4 to 2
    times as fast (BENCHMARKS.md), for a sixth of the ingest time. Later ingests leave
    merging to Whoosh's policy.
    """
    with ix.reader() as reader:
        segments = len(list(reader.leaf_readers()))
    if segments > 1:
        ix.writer(timeout=30.0, compound=COMPOUND).commit(optimize=True)
        _record_files(ix)


def _record_lexicon(data: Path) -> None:
    # As for the file record: without it, opening only skips the lexicon's check.
    with contextlib.suppress(OSError):
        record_lexicon(data, data / store.LEXICON_FILE)


def _record_files(ix: Any) -> None:
    # Without the record (a full disk) opening only skips the check: nothing is lost.
    with contextlib.suppress(OSError):
        write_manifest(ix)


def _text_size(question: Question) -> int:
    return sum(len(getattr(question, part) or "") for part in TEXT_PARTS)
