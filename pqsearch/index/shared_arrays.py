"""What the readers of one index generation share between threads: the caches, and the
refusal of a reader that opened another generation than its caches'."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from pqsearch.index.columns import SavedColumns
from pqsearch.index.positions_file import StoredPositions
from pqsearch.index.postings import DEFAULT_CACHE_BYTES, FrequentTerms
from pqsearch.index.records import ParsedRecords
from pqsearch.index.whoosh_format import PostingsDecoder

if TYPE_CHECKING:
    from pqsearch.index import store


class GenerationMoved(Exception):
    """A reader given the caches of one generation found, once open, another one live: a
    commit landed while it opened. The caches (records by document number, columns, facet
    tallies) would be read against the other generation's documents, so the reader refuses
    them; whoever gave them (`pqsearch.query.views`) opens again with the new ones."""


class SharedArrays:
    """What the readers of one index generation share: the frequent terms' postings and the
    per-document columns, each read once for all of them. Safe to use from several threads:
    every access holds `lock` (what it guards is immutable once made, so only the lookups
    and insertions need it).

    `generation` is the one live (`store.live_generation`) when they were made, before any
    of their readers opened: each reader checks, once open, that it is still live, so it
    opened that one (a commit only moves forward). None: no check, for caches of one reader.
    """

    def __init__(
        self,
        *,
        cache_bytes: int = DEFAULT_CACHE_BYTES,
        generation: store.LiveGeneration | None = None,
    ) -> None:
        self.generation = generation
        self.lock = threading.RLock()
        self.frequent = FrequentTerms(budget_bytes=cache_bytes)
        self.arrays: dict[tuple[str, str], Any] = {}
        self.saved: dict[str, SavedColumns | None] = {}
        # The files whose checksums were verified (`store.open_live`).
        self.verified: set[tuple[str, int]] = set()
        # How to read the generation's postings, checked once by its first reader.
        self.decoder: PostingsDecoder | None = None
        # Term -> document frequency: each costs a lookup in Whoosh's term table, in Python.
        self.frequencies: dict[tuple[str, str], int] = {}
        # The records shown last, parsed once, shared (`IndexReader.shared_record`).
        self.records = ParsedRecords()
        # The frequent words' positions ingest saved for the generation (`positions_file`),
        # looked for once.
        self.positions: StoredPositions | None = None
        self.positions_looked = False


class LockedTerms:
    """`FrequentTerms` of a `SharedArrays`, each call under its lock."""

    def __init__(self, shared: SharedArrays) -> None:
        self._shared = shared

    def get(self, kind: str, field: str, text: str) -> Any | None:
        with self._shared.lock:
            return self._shared.frequent.get(kind, field, text)

    @property
    def size(self) -> int:
        return self._shared.frequent.size

    def wanted(self, postings: int, kind: str = "positions", *, documents: int = 0) -> bool:
        return self._shared.frequent.wanted(postings, kind, documents=documents)

    def decode_all_now(self, field: str, text: str, *, needed: int, postings: int) -> bool:
        with self._shared.lock:
            return self._shared.frequent.decode_all_now(
                field, text, needed=needed, postings=postings
            )

    def offer(self, kind: str, field: str, text: str, value: Any, size: int) -> None:
        with self._shared.lock:
            self._shared.frequent.offer(kind, field, text, value, size)


__all__ = ["GenerationMoved", "LockedTerms", "SharedArrays"]
