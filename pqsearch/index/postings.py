"""Term postings as numpy arrays, and what an open index keeps of its frequent terms.

Reading them from Whoosh's files is `whoosh_format.py`'s job; these are the shapes they take.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
PositionArray = npt.NDArray[np.int32]


@dataclass(frozen=True)
class TermPostings:
    """One term's postings: document numbers, weights, and raw values when asked for."""

    ids: IntArray
    weights: FloatArray
    values: list[Any] | None


@dataclass(frozen=True)
class TermPositions:
    """Every position of one term: those of the posting i are flat[starts[i]:starts[i + 1]]."""

    ids: IntArray
    starts: IntArray
    flat: PositionArray

    @property
    def nbytes(self) -> int:
        return int(self.ids.nbytes + self.starts.nbytes + self.flat.nbytes)

    def of(self, docs: IntArray) -> tuple[IntArray, IntArray]:
        at = np.searchsorted(self.ids, docs)
        starts = self.starts[at]
        counts = self.starts[at + 1] - starts
        total = int(counts.sum())
        # The ranges starts[i]..starts[i] + counts[i], end to end.
        before = np.cumsum(counts) - counts
        where = np.arange(total, dtype=np.int64) + np.repeat(starts - before, counts)
        return np.repeat(docs, counts), self.flat[where].astype(np.int64)

    def holds(self, docs: IntArray, positions: IntArray) -> npt.NDArray[np.bool_]:
        """Whether the term is at positions[i] of document docs[i], for each i: a binary
        search in each document's sorted positions, all at once. A phrase checks its
        frequent words this way, reading a few positions per candidate instead of all of
        them ("de" is at 30 places of an answer)."""
        found = np.zeros(len(docs), dtype=np.bool_)
        if not len(docs) or not len(self.ids) or not len(self.flat):
            return found
        at = rows_of(self.ids, docs)
        chosen = np.flatnonzero(at >= 0)
        if not len(chosen):
            return found
        at = at[chosen]
        end = self.starts[at + 1]
        wanted = positions[chosen]
        # Branchless, on every candidate at once: `last` is the last place known to be
        # below the one wanted, moved by halving steps from the largest count's power of
        # two. No candidate leaves the arrays early: the halving of a shrinking subset
        # (which needs a gather and a compaction per step) took half again as long.
        last = self.starts[at] - 1
        top = len(self.flat) - 1
        step = 1 << (int((end - last).max()) - 1).bit_length() >> 1
        while step:
            probe = last + step
            move = probe < end
            move &= self.flat[np.minimum(probe, top)] < wanted
            last = np.where(move, probe, last)
            step >>= 1
        first = last + 1
        hit = first < end
        hit[hit] = self.flat[first[hit]] == wanted[hit]
        found[chosen] = hit
        return found


def rows_of(ids: IntArray, docs: IntArray) -> npt.NDArray[np.int32]:
    """For each of `docs`, its index in the sorted, distinct `ids` (-1 when not there), from
    a map over document numbers: a scatter and a gather, a third of the time of a binary
    search of 40,000 documents among 60,000."""
    if not len(ids) or not len(docs):
        return np.full(len(docs), -1, dtype=np.int32)
    rows = np.full(max(int(ids[-1]), int(docs.max())) + 1, -1, dtype=np.int32)
    rows[ids] = np.arange(len(ids), dtype=np.int32)
    return rows[docs]


# From this many postings a term's positions are worth keeping decoded: decoding them costs
# about 7 ms (0.17 s per 100,000 postings), below that a phrase reads them quickly enough.
FREQUENT_POSTINGS = 4096
# In a small index, a term's positions are kept from a share of the documents, but from one
# block of postings at least: below that a phrase decodes them quickly enough.
FEWEST_POSITIONS = 128
# What a term kept costs beyond its arrays (their headers, its key, the cache's entry): a
# rare term's arrays are smaller than that.
ENTRY_BYTES = 512
# What a reader keeps of its frequent terms by default (FrequentTerms).
DEFAULT_CACHE_BYTES = 96 << 20
# Frequent terms remembered as asked for once (`decode_all_now`); forgotten when full.
_MAX_ASKED = 100_000


class FrequentTerms:
    """What this reader read of its most frequent terms, kept for later searches.

    Reading a term costs a Python call per block of 128 postings, and decoding positions one
    per posting; the words that cost most (bruxelles, région, de: tens of thousands of
    postings each) are the ones most searches share. A term's positions are kept when it
    has at least `min_postings` postings (keeping them decodes every posting's positions,
    which a phrase of rarer words need not do); its document numbers and weights from
    `min_ids` postings, by default every term read: a read through Whoosh costs about 150 µs
    of Python whatever the term's size (two term-table lookups, a matcher, a block), a
    lookup here 1 µs, and the rare words of a search (3 a search in the benchmark's mix)
    come back as often as the frequent ones. In an index of a few thousand documents no word
    reaches 4,096 postings: there positions are kept from an eighth of the documents (and
    at least `FEWEST_POSITIONS` postings). The least recently used are dropped past
    `budget_bytes`. A reader sees one generation of the index, so what it keeps never goes
    stale.
    """

    def __init__(
        self,
        *,
        min_postings: int = FREQUENT_POSTINGS,
        budget_bytes: int = DEFAULT_CACHE_BYTES,
        min_ids: int = 1,
    ) -> None:
        self.min_postings = min_postings
        self.min_ids = min(min_ids, min_postings)
        self.min_share = 0.125
        self.budget_bytes = budget_bytes
        self.size = 0
        self._kept: OrderedDict[tuple[str, str, str], tuple[Any, int]] = OrderedDict()
        # The frequent terms whose positions were asked for but not all decoded.
        self._asked: set[tuple[str, str]] = set()

    def get(self, kind: str, field: str, text: str) -> Any | None:
        found = self._kept.get((kind, field, text))
        if found is None:
            return None
        self._kept.move_to_end((kind, field, text))
        return found[0]

    def wanted(self, postings: int, kind: str = "positions", *, documents: int = 0) -> bool:
        """Whether a term with this many postings, in an index of `documents`, is worth
        keeping (`kind`: "positions", or "postings" for its document numbers and weights).
        In a small index a word in a share `min_share` of the documents is frequent too."""
        if kind == "positions":
            least = min(self.min_postings, max(FEWEST_POSITIONS, int(self.min_share * documents)))
            if not documents:
                least = self.min_postings
        else:
            least = self.min_ids
        return self.budget_bytes > 0 and postings >= least

    def decode_all_now(self, field: str, text: str, *, needed: int, postings: int) -> bool:
        """Whether to decode every posting's positions of a frequent term now, to keep them:
        when at least half are needed anyway, or when its positions are asked for again.
        A phrase of "de" in 16,000 of 100,000 documents, in a fresh process (a terminal
        search), so decodes the 16,000 only."""
        key = (field, text)
        if 2 * needed >= postings or key in self._asked:
            return True
        if len(self._asked) >= _MAX_ASKED:
            self._asked.clear()
        self._asked.add(key)
        return False

    def offer(self, kind: str, field: str, text: str, value: Any, size: int) -> None:
        key = (kind, field, text)
        if size > self.budget_bytes or key in self._kept:
            return
        self._kept[key] = (value, size)
        self.size += size
        while self.size > self.budget_bytes:
            _, (_, dropped) = self._kept.popitem(last=False)
            self.size -= dropped


EMPTY_IDS = np.zeros(0, dtype=np.int64)
EMPTY_WEIGHTS = np.zeros(0, dtype=np.float64)


__all__ = [
    "DEFAULT_CACHE_BYTES",
    "EMPTY_IDS",
    "EMPTY_WEIGHTS",
    "ENTRY_BYTES",
    "FREQUENT_POSTINGS",
    "FloatArray",
    "FrequentTerms",
    "IntArray",
    "PositionArray",
    "TermPositions",
    "TermPostings",
    "rows_of",
]
