"""What the search page says when a search finds nothing: of the index itself (empty, or its
first ingest unfinished), so that "0 documents" is never the whole answer."""

from __future__ import annotations

from dataclasses import dataclass

from pqsearch import Index


@dataclass(frozen=True)
class IndexState:
    """An index that cannot hold the documents sought: empty, or its first ingest stopped."""

    root: str
    empty: bool
    unfinished: bool

    @classmethod
    def of(cls, index: Index) -> IndexState | None:
        """The state of `index` worth saying, or None for an index holding its documents."""
        empty = index.document_count == 0
        unfinished = index.sector_status().first_ingest_unfinished
        return cls(str(index.root), empty, unfinished) if empty or unfinished else None
