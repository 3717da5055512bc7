"""Which file holds an indexed document, when an ingest reads it from another file.

The index names the file each document was read from (its `source`), and `--prune` goes by it.
When an ingest reads a question unchanged from one file while the file the index names is gone,
or was read to its end without it, the document is written again naming the file that holds
it: else a later `ingest THAT_FILE --prune` would delete it while the other file holds it
(review of session 11: the same question in two record files, taken out of one).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from pqsearch.index.existing import Existing
from pqsearch.models import Question


class Holders:
    """What one ingest saw of where its documents are; `walked` are the files it reads."""

    def __init__(self, walked: Collection[str]) -> None:
        self.walked = frozenset(walked)
        self.read: set[str] = set()
        # Ids the file the index names gave again in this run.
        self.from_indexed: set[str] = set()
        # Read unchanged from another file before the indexed one was read: decided then.
        self.waiting: dict[str, dict[str, Question]] = {}

    def note(self, item: Question, indexed_source: str) -> None:
        if item.source == indexed_source:
            self.from_indexed.add(item.id)

    def moved(self, item: Question, indexed_source: str) -> bool:
        """Whether `item`, the same as the indexed version, must be written again to name its
        file: the indexed file is gone, or was read to its end without it. One whose indexed
        file is still to be read is decided when it is (`file_read`)."""
        if item.source == indexed_source:
            return False
        if not os.path.exists(indexed_source):
            return True
        if indexed_source in self.read:
            return item.id not in self.from_indexed
        if indexed_source in self.walked:
            self.waiting.setdefault(indexed_source, {})[item.id] = item
        return False

    def file_read(self, path: str) -> list[Question]:
        """`path` is read to its end: the documents waiting on it that it did not hold."""
        self.read.add(path)
        waiting = self.waiting.pop(path, {})
        return [item for doc_id, item in waiting.items() if doc_id not in self.from_indexed]


# `unheld`'s key for the documents whose file is gone, kept as the run had failures.
GONE_FILES = "gone files"


def unheld(
    existing: Mapping[str, Existing],
    seen: Collection[str],
    walked_files: Collection[str],
    roots: Sequence[Path],
    failed: Collection[str],
) -> tuple[list[str], dict[str, int]]:
    """The indexed documents `--prune` drops, and per failed path how many it keeps. Dropped:
    those not read in this run whose file was read and no longer has them, or whose file is
    gone from under `roots` (the files and folders given): one whose gone file lay elsewhere
    may be held by a file of another folder (review of session 11). A file or folder with any
    failure this time (`failed`: a file, a line's file, a folder or link the walk could not
    enter) keeps the documents in it until it reads cleanly: a line that did not parse may be
    the one that holds a document, a link to a disk not mounted holds what it held. While any
    path failed, a document whose file is gone is kept too (under `GONE_FILES`): its new file
    may be the failing one (audit of session 12, P4: a folder renamed, a line of its record
    file cut short)."""
    dropped: list[str] = []
    kept: dict[str, int] = {}
    for doc_id, old in existing.items():
        if doc_id in seen:
            continue
        gone = not os.path.exists(old.source) and _under(old.source, roots)
        if gone or old.source in walked_files:
            failing = _failing(old.source, failed)
            if failing is None and gone and failed:
                failing = GONE_FILES
            if failing is not None:
                kept[failing] = kept.get(failing, 0) + 1
            else:
                dropped.append(doc_id)
    return dropped, kept


def kept_note(source: str, count: int) -> str:
    documents = f"{count} indexed document{'s' if count > 1 else ''}"
    if source == GONE_FILES:
        return (
            f"--prune kept {documents} whose file is gone: this run had failures (see "
            "failed), and a file that did not read may be where they are now (a folder "
            "renamed, say); they are dropped once every file reads cleanly"
        )
    return (
        f"--prune kept {documents} of {source} that this run did not read: it had failures "
        "(see failed), so a document may be in what did not read; they are dropped once it "
        "reads cleanly without them"
    )


def _failing(source: str, failed: Collection[str]) -> str | None:
    """The path of `failed` (absolute) that is `source` or a folder holding it, the nearest."""
    path = Path(source)
    return next((str(p) for p in (path, *path.parents) if str(p) in failed), None)


def _under(path: str, roots: Sequence[Path]) -> bool:
    return any(Path(path).is_relative_to(root) for root in roots)
