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


# What a reader keeps of its frequent terms by default (FrequentTerms).
DEFAULT_CACHE_BYTES = 96 << 20


class FrequentTerms:
    """What this reader read of its most frequent terms, kept for later searches.

    Reading a term costs a Python call per block of 128 postings, and decoding positions one
    per posting; the words that cost most (bruxelles, région, de: tens of thousands of
    postings each) are the ones most searches share. Only terms with at least
    `min_postings` postings are kept, the least recently used dropped past `budget_bytes`.
    A reader sees one generation of the index, so what it keeps never goes stale.
    """

    def __init__(
        self, *, min_postings: int = 4096, budget_bytes: int = DEFAULT_CACHE_BYTES
    ) -> None:
        self.min_postings = min_postings
        self.budget_bytes = budget_bytes
        self.size = 0
        self._kept: OrderedDict[tuple[str, str, str], tuple[Any, int]] = OrderedDict()

    def get(self, kind: str, field: str, text: str) -> Any | None:
        found = self._kept.get((kind, field, text))
        if found is None:
            return None
        self._kept.move_to_end((kind, field, text))
        return found[0]

    def wanted(self, postings: int) -> bool:
        """Whether a term with this many postings is worth keeping."""
        return self.budget_bytes > 0 and postings >= self.min_postings

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
    "FloatArray",
    "FrequentTerms",
    "IntArray",
    "PositionArray",
    "TermPositions",
    "TermPostings",
]
