"""The other files a question was read from: remembered by every ingest, read by `--prune`.

The index names one file per document. A run that reads the same question in another file
reported that copy and forgot the file, so once the question was taken out of the named file
(merged into the other, moved there on purpose), `ingest NAMED_FILE --prune` deleted it while
the other file held it (audit of session 12, P3; README: `--prune` drops documents that no
file holds any more). Each run now records, for every file it read to its end, the questions
it gave (`remember_holders`, in the lexicon: `analyze.lexicon_holders`); a file read without a
question, or gone, is forgotten as its holder. Before `--prune` drops a question, it reads
again the other files that held it when last read (`prune_unheld`): a copy found there is taken as
any copy read in the run is (the same content re-points the document to that file; another
version is weighed against the indexed one, which is kept when it wins, as `indexed_copy`
says), and a note names the file that kept it. A file the index was never told about (read
before this version, or never read) cannot keep a question.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pqsearch.index.empty_folders import empty_folders
from pqsearch.index.holders import gone, kept_note, read_from, unheld
from pqsearch.models import Question
from pqsearch.parse import iter_parse

if TYPE_CHECKING:
    from pqsearch.index.run import IngestRun


def remember_holders(run: IngestRun, *, final: bool = True) -> None:
    """Record what each file `run` read to its end gave (not yet recorded: this is called at
    every commit, so that a killed run leaves the table describing what it committed; review
    of session 12); a file with failures keeps what it gave before too. At the end, the
    remembered files found gone are forgotten."""
    holders = run.holders
    failed = {holders.files.key(source) for source in run.failed_files()}
    new = [key for key in holders.read if key not in holders.remembered]
    run.lexicon.holders.replace(
        ((key, holders.read[key], holders.gave.get(key, set())) for key in new),
        partial=failed,
        forget=holders.gone if final else (),
    )
    holders.remembered.update(new)


def prune_unheld(run: IngestRun, roots: Sequence[Path], *, allow_empty: bool = False) -> None:
    """Drop the documents no file holds any more (`holders.unheld`), once the other files
    each was last read from have been read again for it. A folder that held documents and is
    empty now fails, keeping them, unless `allow_empty` (`empty_folders`)."""
    holders = run.holders
    if not allow_empty:
        # Only documents this run did not read again are at stake (one moved out of an
        # inbox folder, read from its new file, leaves the inbox empty and nothing to keep).
        sources = (old.source for i, old in run.existing.items() if i not in run.seen)
        failed = run.failed_files()
        run.failed += empty_folders(sources, holders.walked, roots, failed, holders.files)
    dropped, _ = unheld(
        run.existing, run.seen, holders.walked, roots, run.failed_files(), holders.files
    )
    unsure = _read_remembered(run, dropped) if dropped else set()
    dropped, kept = unheld(
        run.existing, run.seen, holders.walked, roots, run.failed_files(), holders.files
    )
    run.remove(doc_id for doc_id in dropped if doc_id not in unsure)
    run.notes += [kept_note(source, count) for source, count in kept.items()]


def _read_remembered(run: IngestRun, doc_ids: Collection[str]) -> set[str]:
    """Read the files not read in this run that held `doc_ids` when last read, taking the
    copies of those found there; the ids kept as unsure (their file had failures)."""
    holders, files = run.holders, run.holders.files
    failed = {files.key(source) for source in run.failed_files()}
    asked: dict[str, set[str]] = {}
    spelling: dict[str, str] = {}
    unsure: dict[str, str] = {}
    for doc_id, rows in run.lexicon.holders.of(doc_ids).items():
        named = files.key(run.existing[doc_id].source)
        for key, source in rows:
            if key == named:
                continue
            if key in failed:
                # Read in this run with failures: the line that did not read may be this
                # question's (review of session 12: `ingest a b --prune` dropped it).
                unsure.setdefault(doc_id, source)
            elif key not in holders.walked and key not in holders.read:
                asked.setdefault(key, set()).add(doc_id)
                # The spelling it was read by, while it still names that file (a link may
                # have gone since): else the file itself.
                spelling[key] = source if files.key(source) == key else key
    for key, wanted in sorted(asked.items()):
        path = spelling[key]
        if gone(path):
            holders.gone.add(key)
            continue
        run.progress.files_total += 1
        found_before, failures = wanted & run.seen.keys(), len(run.failed)
        for item in iter_parse([Path(path)]):
            item = read_from(item, path)
            if isinstance(item, Question) and item.id not in wanted:
                holders.held(item)  # the file's other questions: known, not taken
            else:
                run.take(item)
        run.file_read(path)
        found = (wanted & run.seen.keys()) - found_before
        if len(run.failed) > failures:
            unsure.update(dict.fromkeys(wanted - run.seen.keys(), path))
        run.notes += [_kept_line(run, doc_id, path) for doc_id in sorted(found)]
    if asked:
        run.drain()
        run.write_late()
    run.notes += [
        f"--prune kept {doc_id}: no file read holds it, but {path}, which held it when last "
        "read, had failures (see failed); it is dropped once that file reads cleanly without it"
        for doc_id, path in sorted(unsure.items())
    ]
    return set(unsure)


def _kept_line(run: IngestRun, doc_id: str, path: str) -> str:
    named = run.existing[doc_id].source
    why = "is gone" if gone(named) else "no longer holds it"
    return (
        f"--prune kept {doc_id}: {named} {why}, but {path}, which an earlier ingest read it "
        "from, does (read again for it)"
    )
