"""One ingest run: the records met, the batches in analysis, the open writer, the commits.

`IngestRun.take` decides for each parsed record whether it is new, changed, unchanged or
another copy of a question already read or indexed (`parse.versions`, `indexed_copy`);
`flush_batch` sends batches to analysis and writes those done; `commit` flushes the lexicon
(with the files read: `holder_files`), then Whoosh; `retype_answers` re-types answers."""

from __future__ import annotations

import contextlib
import re
from collections import deque
from collections.abc import Collection, Iterable
from typing import Any

from pqsearch.analyze.acronyms import Acronyms
from pqsearch.analyze.lexicon import Lexicon
from pqsearch.index import answer_version, indexed_copy, limits, space
from pqsearch.index.analysis import Analyzer, PendingBatch
from pqsearch.index.existing import Existing
from pqsearch.index.fingerprint import with_indexed_hash
from pqsearch.index.holder_files import remember_holders
from pqsearch.index.holders import Holders
from pqsearch.index.manifest import write_manifest
from pqsearch.index.progress import Progress, ProgressCallback
from pqsearch.index.records import decode_record
from pqsearch.index.schema import TEXT_PARTS, to_document
from pqsearch.index.supplements import Supplements, gives, lacking
from pqsearch.index.whoosh_codec import postings_codec
from pqsearch.models import FileFailure, IngestReport, Question, SkippedFile
from pqsearch.parse import versions
from pqsearch.parse.versions import Version

# Whoosh's compound segment is one file whose parts a reader copies into memory when it
# opens them (about half a second and the whole postings in RAM at 100,000 documents); the
# parts as separate files are read in place.
COMPOUND = False

# Batches analysed ahead of the one being written, per worker: one keeps every worker busy
# while the main process writes.
BATCHES_IN_FLIGHT = 1


class IngestRun:
    """The state of one ingest run: what was seen, the batch in flight, the open writer."""

    def __init__(
        self,
        *,
        ix: Any,
        lexicon: Lexicon,
        analyzer: Analyzer,
        existing: dict[str, Existing],
        reanalyze_all: bool,
        commit_every: int,
        batch_size: int,
        progress: Progress,
        on_progress: ProgressCallback | None,
        merge_on_commit: bool = True,
        walked: Collection[str] = (),
    ) -> None:
        self.ix = ix
        self.holders = Holders(walked)
        # A new index is merged into one segment at the end (`segments.merge_segments`): the
        # merges Whoosh's policy does at commits before it would rewrite the same postings
        # again (at 100,000 documents they were 26 % of the ingest, the final merge 16 %).
        self.merge_on_commit = merge_on_commit
        self.lexicon = lexicon
        self.analyzer = analyzer
        self.existing = existing
        self.reanalyze_all = reanalyze_all
        self.commit_every = commit_every
        self.batch_size = batch_size
        self.progress = progress
        self.on_progress = on_progress
        self.writer: Any = None
        self.uncommitted = 0
        self.batch: list[Question] = []
        self.pending: deque[PendingBatch] = deque()
        self.seen: dict[str, Version] = {}
        self.late: list[Question] = []
        self.identical: list[str] = []
        self.skipped: list[SkippedFile] = []
        self.warnings: dict[str, str] = {}
        self.added: list[str] = []
        self.updated: list[str] = []
        self.unchanged: list[str] = []
        self.removed: list[str] = []
        self.failed: list[FileFailure] = []
        self.duplicates: list[str] = []
        self.notes: list[str] = []
        self.words = 0
        self._words_of: dict[str, int] = {}
        # Acronyms the documents define, kept with the lexicon at each commit.
        self.acronyms = Acronyms()
        # The Dutch title and link a copy gave (a page lacks the title): the copy indexed gets
        # them (issue 14, audit 9 finding 4). What the questions written got for the fields
        # they lack, which a copy read later may give (`write_late`); the indexed copies kept
        # while another copy gave some; those written again for them (words already counted).
        self.supplements = Supplements()
        self.written_lacking: dict[str, dict[str, str | None]] = {}
        self.kept_indexed: set[str] = set()
        self.completed: set[str] = set()
        self.kept_versions = indexed_copy.KeptVersions(
            self.warnings, self.duplicates, self.holders.files.same
        )
        # Stored records are read through one searcher until the next commit.
        self._searcher: Any = None
        # Indexed questions written again as the answer-type rules now type them otherwise
        # (`retype_answers`): their words are in the lexicon, neither added nor updated.
        self.retyped: set[str] = set()

    def _tick(self) -> None:
        if self.on_progress is not None:
            self.on_progress(self.progress)

    def file_read(self, path: str) -> None:
        """`path` read to its end (counted so: a record's `source` may name another file)."""
        self.progress.files_done += 1
        for item in self.holders.file_read(path):
            if item.id in self.unchanged:  # not replaced by another copy meanwhile
                self.unchanged.remove(item.id)
                self._replacing_indexed(item, None)
                self._queue(item)
        self._tick()

    def take(self, item: Question | FileFailure | SkippedFile) -> None:
        if isinstance(item, SkippedFile):
            self.skipped.append(item)
            return
        if not isinstance(item, FileFailure):
            item = limits.refusal(item) or item
        if isinstance(item, FileFailure):
            self.failed.append(item)
            self.progress.failed += 1
            self._tick()
            return
        item = with_indexed_hash(item)
        self.holders.held(item)
        self.supplements.note(item)
        self.progress.documents += 1
        version = Version.of(item)
        old = self.existing.get(item.id)
        if old is not None:
            self.holders.note(item, old.source)
        from_indexed = old is not None and self.holders.files.same(item.source, old.source)
        if old is not None and not from_indexed and gives(item):
            self.kept_indexed.add(item.id)
        first = self.seen.get(item.id)
        if first is not None:
            self._another_copy(item, version, first)
            return
        self.seen[item.id] = version
        indexed: Question | None = None
        if old is not None and old.content_hash == item.content_hash and version.rank <= old.rank:
            # Written again if the file the index names no longer holds it (`holders`).
            if not self.reanalyze_all and not self.holders.moved(item, old.source):
                self.unchanged.append(item.id)
                self._tick()
                return
        elif old is not None and indexed_copy.weighed(from_indexed, old.source, self.reanalyze_all):
            indexed = self._indexed_question(item.id)
            if self.kept_versions.weigh(item.id, version, Version.of(indexed)):
                if not self.reanalyze_all:
                    self.unchanged.append(item.id)
                    return
                item = indexed  # kept, and analysed again as all are (a new taxonomy)
        if old is not None:
            self._replacing_indexed(item, indexed)
        self._queue(item)

    def _replacing_indexed(self, item: Question, indexed: Question | None) -> None:
        """`item` replaces the indexed copy of its question: it takes what only that copy has
        (an earlier run's record, or a page that got the record's Dutch title)."""
        if lacking(item):
            self.supplements.note(indexed or self._indexed_question(item.id), indexed=True)

    def _another_copy(self, item: Question, version: Version, first: Version) -> None:
        """A question met again in this run: the newer copy is indexed, the other reported."""
        if first.content_hash == item.content_hash and version.rank <= first.rank:
            self.identical.append(item.id)
            return
        replace, why = versions.preferred(version, first, tie_replaces=False)
        # One that beats the copies read before may still lose to the indexed version kept.
        held = self.kept_versions.weigh_again(item.id, version) if replace else None
        kept = first if not replace else version if held is None else held.indexed
        self.duplicates.append(
            f"{item.id}: {version.describe()} is another version of the question already read "
            f"from {first.describe()} ({why}); kept {kept.describe()}"
        )
        if not replace:
            return
        self.seen[item.id] = version
        if held is not None:
            return
        self.warnings.pop(item.id, None)
        waiting = [i for i, queued in enumerate(self.batch) if queued.id == item.id]
        if waiting:
            self.batch[waiting[0]] = item
            self._warn_if_truncated(item)
        elif item.id in self.unchanged:
            # The indexed copy was kept a moment ago; this one replaces it after all.
            self.unchanged.remove(item.id)
            self._replacing_indexed(item, None)
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

    def _indexed_question(self, doc_id: str) -> Question:
        """The question as the index holds it (as last committed)."""
        if self._searcher is None:
            self._searcher = self.ix.searcher()
        stored = decode_record(self._searcher.document(id=doc_id)["record"])
        return Question.from_dict(stored["question"])

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def write_late(self) -> None:
        """Index the copies that replaced one already written in this run (after a commit);
        again the questions written before a copy read later gave a field they lack (which
        were is a matter of timing: how many batches were in flight, and the index must not
        depend on it); and the indexed copies kept that lack a field another copy gave."""
        late_ids = {item.id for item in self.late}
        written = set(self.added) | set(self.updated)
        # Not written by this run, so read as indexed before the commit.
        unwritten = sorted(self.kept_indexed - written - late_ids)
        indexed = (self._indexed_question(doc_id) for doc_id in unwritten)
        kept = [question for question in indexed if self.supplements.changes(question)]
        again = sorted(
            doc_id
            for doc_id, given in self.written_lacking.items()
            if doc_id not in late_ids and self._given_since(doc_id, given)
        )
        self.written_lacking = {}
        if not self.late and not kept and not again:
            return
        self.commit()
        # Read back as indexed (not kept in memory: most questions have no Dutch title).
        for doc_id in again:
            self.late.append(self._indexed_question(doc_id))
        rewritten = {question.id for question in kept}
        self.late.extend(kept)
        # Written again, so updated rather than unchanged (a list: one pass, not a search each).
        self.unchanged = [doc_id for doc_id in self.unchanged if doc_id not in rewritten]
        self.completed.update(rewritten, again)
        late, self.late = self.late, []
        for item in late:
            self.batch.append(item)
        self.drain()

    def _given_since(self, doc_id: str, given: dict[str, str | None]) -> bool:
        """Whether a copy read since gives a field another value than the one written."""
        run = self.supplements.by_id.get(doc_id, {})
        return any(run.get(name) not in (None, value) for name, value in given.items())

    def retype_answers(self) -> int:
        """Write again, with their answer type as the rules now give it, the indexed
        documents this run did not write whose stored type or evidence differs; how many.

        Committed first, so that the documents written in this run are read as written; all
        read before any is written, as a write may commit (and merge) under an open reader."""
        self.drain()
        self.commit()
        written = set(self.added) | set(self.updated)
        stale = answer_version.stale_questions(self.ix, written, self.progress, self._tick)
        for question in list(stale):
            self.retyped.add(question.id)
            self.batch.append(question)
            if len(self.batch) >= self.batch_size:
                self.flush_batch()
        self.drain()
        return len(self.retyped)

    def flush_batch(self) -> None:
        """Send the batch to analysis; write the batches whose analysis is done."""
        if self.batch:
            batch, self.batch = self.batch, []
            self.progress.stage = "analyse"
            self._tick()
            self.pending.append(self.analyzer.submit(batch))
        while len(self.pending) > BATCHES_IN_FLIGHT * self.analyzer.jobs:
            self._write(self.pending.popleft())

    def drain(self) -> None:
        """Write every batch still in analysis (before the last commit)."""
        self.flush_batch()
        while self.pending:
            self._write(self.pending.popleft())

    def _write(self, pending: PendingBatch) -> None:
        writer = self._writer()
        for question, text, enrichment, analyses in self.analyzer.analyze(pending):
            question = self.supplements.complete(question)
            if missing := lacking(question):
                self.written_lacking[question.id] = {n: getattr(question, n) for n in missing}
            else:
                self.written_lacking.pop(question.id, None)
            if question.id in self.completed:
                self.completed.discard(question.id)
            elif question.id not in self.retyped:
                self.lexicon.add(analyses.values())
                self.acronyms.add(question.id, (getattr(question, p) or "" for p in TEXT_PARTS))
            writer.update_document(**to_document(question, text, enrichment))
            self.uncommitted += 1
            if question.id in self.retyped:
                continue
            words = sum(a.words for a in analyses.values())
            # A question written again (`write_late`) counts once.
            self.words += words - self._words_of.get(question.id, 0)
            self._words_of[question.id] = words
            self.progress.words += words
            self.progress.analyzed += 1
            (self.updated if question.id in self.existing else self.added).append(question.id)
        self.progress.stage = "parse"
        self._tick()
        if self.uncommitted >= self.commit_every:
            self.commit()

    def _writer(self) -> Any:
        if self.writer is None:
            self.writer = self.ix.writer(timeout=30.0, compound=COMPOUND, codec=postings_codec())
        return self.writer

    def failed_files(self) -> set[str]:
        """The files with a failure in this run, whole or in a line ("file:LINE")."""
        return {re.sub(r":\d+$", "", failure.source) for failure in self.failed}

    def remove(self, doc_ids: Iterable[str]) -> None:
        """Delete these indexed documents (`--prune`: `holder_files.prune_unheld`)."""
        writer = self._writer()
        for doc_id in doc_ids:
            writer.delete_by_term("id", doc_id)
            self.acronyms.remove(doc_id)
            self.removed.append(doc_id)
            self.uncommitted += 1

    def commit(self) -> None:
        if self.writer is None:
            return
        self.progress.stage = "commit"
        self._tick()
        # The lexicon first: if we die between the two, it describes a superset of the index.
        remember_holders(self, final=False)
        self.acronyms.save(self.lexicon)
        self.lexicon.flush()
        self._close_searcher()
        self.writer.commit(merge=self.merge_on_commit)
        self.writer = None
        record_files(self.ix)
        self.uncommitted = 0
        self.progress.stage = "parse"

    def close(self) -> None:
        self._close_searcher()
        self.analyzer.close()
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
            notes=tuple(self.notes),
        )


def record_files(ix: Any) -> None:
    # Without the record (a full disk) opening only skips the check: nothing is lost.
    with contextlib.suppress(OSError):
        write_manifest(ix)
