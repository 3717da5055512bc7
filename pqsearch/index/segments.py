"""The Whoosh index an ingest writes into: created, or opened with the segments a killed
ingest left unfinished removed; and a new index's segments merged into one at its end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pqsearch.index import schema_version, store
from pqsearch.index.durable import DurableStorage
from pqsearch.index.run import COMPOUND, record_files
from pqsearch.index.schema import build_schema
from pqsearch.index.whoosh_codec import postings_codec


def open_or_create(root: Path, data: Path, fresh: bool) -> Any:
    """A new index in `data` when `fresh`, else the index there, checked and cleaned."""
    if fresh:
        storage = DurableStorage(str(data))
        return storage.create_index(build_schema(), indexname=store.WHOOSH_INDEX_NAME)
    schema_version.check_version(root, data, locked=True)  # before files are checked, cleaned
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


def merge_segments(ix: Any) -> None:
    """Merge a new index's segments (one per commit) into one.

    Each segment carries its own term dictionary and every query visits every segment: on
    30,000 documents in 11 segments, one segment is a fifth smaller and queries 1.4 to 2
    times as fast (BENCHMARKS.md), for a sixth of the ingest time. Later ingests leave
    merging to Whoosh's policy.
    """
    with ix.reader() as reader:
        segments = len(list(reader.leaf_readers()))
    if segments > 1:
        ix.writer(timeout=30.0, compound=COMPOUND, codec=postings_codec()).commit(optimize=True)
        record_files(ix)
