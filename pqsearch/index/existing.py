"""What the index holds of each document before an ingest run: its hash, source and rank."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Existing:
    content_hash: str
    source: str
    rank: int


def existing_documents(ix: Any) -> dict[str, Existing]:
    """id -> (hash, source, rank) of every live document, read from columns, not stored fields."""
    existing: dict[str, Existing] = {}
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
                    existing[ids[docnum]] = Existing(hashes[docnum], sources[docnum], ranks[docnum])
    return existing
