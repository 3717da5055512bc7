"""What a rebuild carries over from the index it replaces: the documents of files that are
there but did not read.

A rebuild indexes the files as they are, and used to switch in without the documents of a
file that failed to read (its permissions changed, a network share whose files time out, an
encrypted home locked, a page the user's editor cut short): they were saved aside in a
`kept-by-rebuild` file and reported as failures, but the live index no longer found them
(final review of session 20, F3). An ordinary ingest keeps the indexed version of a file that
fails, reports the failure and goes on; a rebuild now does the same. Each document of the
previous index whose file failed in this run, whole or in a line (or is there in a folder that
could not be listed), and which no file of the run gave, is written to the new index as the
previous index stored it, analysed again by this version's rules, with a warning naming the
file and why it did not read. The failures stay failures (exit status 1). A file that read to
its end without the document is not a failure: the rebuild drops that document (saved aside,
`rebuild_losses`); so does a file that is gone (or refuses, as for a share not mounted:
`empty_folders`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from pqsearch.errors import DamagedIndexError
from pqsearch.index import store
from pqsearch.index.existing import existing_without_postings
from pqsearch.index.rebuild_losses import stored_questions
from pqsearch.parse.versions import Version

if TYPE_CHECKING:
    from pqsearch.index.run import IngestRun


def carry_unread(run: IngestRun, root: Path, previous: Path) -> None:
    """Queue in `run` (a rebuild) the documents of the index in `previous` whose file failed
    to read in this run and that the run did not give; each with a warning. An index that
    cannot be read is left to the check before the switch (`rebuild_losses.keep`), which keeps
    it whole."""
    files = run.holders.files
    reasons: dict[str, str] = {}
    for failure in run.failed:
        source = re.sub(r":\d+$", "", failure.source)
        if os.path.exists(source):  # a file gone is dropped, or refused (`empty_folders`)
            reasons.setdefault(files.key(source), failure.reason)
    if not reasons:
        return
    try:
        old_ix = store.open_whoosh(root, previous, check_files=False)
        try:
            wanted = {
                doc_id: existing.source
                for doc_id, existing in existing_without_postings(old_ix).items()
                if doc_id not in run.seen and _why(files.key(existing.source), reasons)
            }
            carried = stored_questions(old_ix, set(wanted))
        finally:
            old_ix.close()
    except Exception as error:
        if not isinstance(error, DamagedIndexError | KeyError) and not store.is_damage(error):
            raise
        return
    for doc_id in sorted(carried):
        question = carried[doc_id]
        source = wanted[doc_id]
        why = _why(files.key(source), reasons)
        run.warnings[doc_id] = (
            f"{doc_id}: its file {source} did not read in this rebuild "
            f"({why}); the rebuild kept the version the previous index "
            "held. Once the file reads again (its permissions, the share), ingest it to bring "
            "the document up to date; to drop it, delete or move the file and run the rebuild "
            "again"
        )
        run.seen[doc_id] = Version.of(question)
        run.batch.append(question)
        if len(run.batch) >= run.batch_size:
            run.flush_batch()
    run.drain()


def _why(key: str, reasons: dict[str, str]) -> str | None:
    """Why the file of `key` did not read: its own failure, or its folder's (one that may be
    entered but not listed)."""
    while True:
        if key in reasons:
            return reasons[key]
        parent = os.path.dirname(key)
        if parent == key:
            return None
        key = parent
