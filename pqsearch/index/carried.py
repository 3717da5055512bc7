"""What a rebuild carries over from the index it replaces: the documents of files that are
there but did not read.

A rebuild indexes the files as they are, and used to switch in without the documents of a
file that failed to read (its permissions changed, a network share whose files time out, an
encrypted home locked, a page the user's editor cut short): they were saved aside in a
`kept-by-rebuild` file and reported as failures, but the live index no longer found them
(final review of session 20, F3). An ordinary ingest keeps the indexed version of a file that
fails, reports the failure and goes on; a rebuild now does the same. Each document of the
previous index whose own file is there and failed in this run, whole or in a line (or is
there, unread, in a folder that could not be listed), and which no file of the run gave, is
written to the new index as the previous index stored it, analysed again by this version's
rules, with a warning naming the file (or line) and why it did not read. The failures stay
failures (exit status 1). A file that read to its end without the document is not a failure:
the rebuild drops that document (saved aside, `rebuild_losses`); so does a file that is gone
(or refuses, as for a share not mounted: `empty_folders`), whatever failed around it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pqsearch.errors import DamagedIndexError
from pqsearch.index import store
from pqsearch.index.existing import existing_without_postings
from pqsearch.index.holders import gone
from pqsearch.index.rebuild_losses import stored_questions
from pqsearch.parse.versions import Version

if TYPE_CHECKING:
    from pqsearch.index.run import IngestRun


def carry_unread(run: IngestRun, root: Path, previous: Path) -> None:
    """Queue in `run` (a rebuild) the documents of the index in `previous` whose file failed
    to read in this run and that the run did not give; each with a warning. An index that
    cannot be read is left to the check before the switch (`rebuild_losses.keep`), which keeps
    it whole."""
    reasons = _reasons(run)
    if not reasons:
        return
    try:
        old_ix = store.open_whoosh(root, previous, check_files=False)
        try:
            wanted = {
                doc_id: existing.source
                for doc_id, existing in existing_without_postings(old_ix).items()
                if doc_id not in run.seen and _why(run, existing.source, reasons)
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
        run.warnings[doc_id] = _warning(doc_id, source, _why(run, source, reasons))
        run.seen[doc_id] = Version.of(question)
        run.batch.append(question)
        if len(run.batch) >= run.batch_size:
            run.flush_batch()
    run.drain()


@dataclass
class _Reason:
    """Why a path did not read: a file, lines of it (their numbers), or a folder."""

    reason: str
    lines: list[int] = field(default_factory=list)
    folder: bool = False


def _reasons(run: IngestRun) -> dict[str, _Reason]:
    """The run's failures by the path that failed (`Files.key`, and as spelt), for the paths
    still there. A line's failure names "path:LINE": the number is taken off only when the
    path as named is not there, so that a folder named `q:2` that cannot be read is its own
    failure (review R2 of session 21). A link into its own folders (a loop, `self -> .`) is
    keyed as spelt only: keyed as the folder it points to, its reason would cover every file
    of that folder (as in `holders.unheld`; review R1 of session 21)."""
    files = run.holders.files
    reasons: dict[str, _Reason] = {}
    for failure in run.failed:
        path, line = failure.source, None
        numbered = _LINE.fullmatch(path)
        if numbered is not None and not os.path.lexists(path):
            path, line = numbered[1], int(numbered[2])
        if not os.path.lexists(path):  # a file gone is dropped, or refused (`empty_folders`)
            continue
        spelt, key = _spelt(path), files.key(path)
        found = reasons.get(spelt) or _Reason(failure.reason, folder=os.path.isdir(path))
        if line is not None:
            found.lines.append(line)
        reasons.setdefault(spelt, found)
        if spelt == key or not _inside(spelt, key):
            reasons.setdefault(key, found)
    return reasons


_LINE = re.compile(r"(.*):(\d+)")


def _why(run: IngestRun, source: str, reasons: dict[str, _Reason]) -> _Reason | None:
    """Why the document of `source` is carried: its own file failed (whole or in a line), or
    a folder above it failed and the file was not read in this run. A file that is gone, or
    that read to its end with no failure of its own, carries nothing (review R1 of session
    21: a loop in a share kept the documents of its files deleted or read, in every rebuild)."""
    key, spelt = run.holders.files.key(source), _spelt(source)
    why = reasons.get(key) or reasons.get(spelt)
    if why is None and key not in run.holders.read:
        why = next(
            (
                reasons[folder]
                for path in (key, spelt)
                for folder in _folders_above(path)
                if folder in reasons and reasons[folder].folder
            ),
            None,
        )
    return None if why is None or gone(source) else why


def _folders_above(path: str) -> list[str]:
    folders = []
    while (parent := os.path.dirname(path)) != path:
        folders.append(parent)
        path = parent
    return folders


def _warning(doc_id: str, source: str, why: _Reason | None) -> str:
    kept = "the rebuild kept the version the previous index held"
    if why is not None and why.lines:
        lines = ", ".join(str(n) for n in why.lines)
        return (
            f"{doc_id}: line{'s' if len(why.lines) > 1 else ''} {lines} of {source} did not "
            f"read in this rebuild ({why.reason}); {kept}, as a line that did not read may be "
            "the one that holds it. Once the file reads to its end, ingest it to bring the "
            "document up to date; to drop the document, fix or remove the broken line (the "
            "file's other records stay) and run the rebuild again"
        )
    reason = "" if why is None else f" ({why.reason})"
    return (
        f"{doc_id}: its file {source} did not read in this rebuild{reason}; {kept}. Once the "
        "file reads again (its permissions, the share), ingest it to bring the document up to "
        "date; to drop it, delete or move the file and run the rebuild again (with "
        "--allow-empty if it was the only file of its folder)"
    )


def _spelt(path: str) -> str:
    return os.path.normpath(os.path.join(os.getcwd(), path))


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
