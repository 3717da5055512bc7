"""Reading Whoosh postings into numpy arrays, and what an open index keeps of them.

Whoosh-Reloaded (pinned) stores a term's postings in blocks of 128: one pickled, zlib-
compressed tuple of delta-coded ids, weights and values (for the surface-word fields, each
posting's positions). Whoosh decodes them one posting and one Python call at a time; here a
block becomes numpy arrays at once, through the block matcher's private attributes, with
the slow public path for any other matcher.
"""

from __future__ import annotations

import itertools
import pickle
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import numpy.typing as npt
from whoosh.formats import Positions

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


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
    flat: npt.NDArray[np.int32]

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


def posting_ids(matcher: Any) -> IntArray:
    """The document numbers of a fresh postings matcher, in order."""
    return posting_arrays(matcher)[0]


# What reading Whoosh-Reloaded's (pinned) block matcher a block at a time needs.
_BLOCK_ATTRIBUTES = ("_read_data", "_next_block", "_data", "_blocklength", "_i", "_byteids")


def posting_arrays(matcher: Any) -> tuple[IntArray, FloatArray]:
    """The document numbers and weights of a fresh postings matcher, in order.

    Whoosh's own calls cost a few Python calls per posting and decode each block's ids one
    by one; its block matcher keeps each block as one (delta-coded ids, weights, values)
    tuple, decoded here with numpy. Any other matcher (inlined postings) goes the slow way.
    """
    ids, weights, _ = posting_blocks(matcher, values=False)
    return ids, weights


def posting_blocks(matcher: Any, *, values: bool) -> tuple[IntArray, FloatArray, list[Any]]:
    """As `posting_arrays`, and with `values` each posting's raw value (positions)."""
    if all(hasattr(matcher, name) for name in _BLOCK_ATTRIBUTES) and matcher._i == 0:
        return _read_blocks(matcher, values)
    found: list[int] = []
    weights: list[float] = []
    raw: list[Any] = []
    while matcher.is_active():
        found.append(matcher.id())
        weights.append(matcher.weight())
        if values:
            raw.append(matcher.value())
        matcher.next()
    return np.array(found, dtype=np.int64), np.array(weights, dtype=np.float64), raw


def _read_blocks(matcher: Any, values: bool) -> tuple[IntArray, FloatArray, list[Any]]:
    id_blocks: list[IntArray] = []
    weight_blocks: list[FloatArray] = []
    raw: list[Any] = []
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        ids, weights = matcher._data[0], matcher._data[1]
        count = int(matcher._blocklength)
        if matcher._byteids:
            id_blocks.append(np.asarray(ids, dtype=np.int64))
        else:
            id_blocks.append(np.cumsum(np.asarray(ids, dtype=np.int64)))
        if weights is None:
            weight_blocks.append(np.ones(count, dtype=np.float64))
        elif isinstance(weights, float):
            weight_blocks.append(np.full(count, weights, dtype=np.float64))
        else:
            weight_blocks.append(np.asarray(weights, dtype=np.float64))
        if values:
            matcher._read_values()
            raw.extend(matcher._values)
        matcher._next_block()
    if not id_blocks:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64), raw
    return np.concatenate(id_blocks), np.concatenate(weight_blocks), raw


def position_decoder(format_: Any) -> Callable[[bytes], list[int]]:
    """Turns one posting's value into its word positions.

    Whoosh's `Positions` format stores a uint32 count and the pickled position deltas
    (without pickle's final STOP byte); decoding them here is several times as fast as
    `decode_positions`, which any other format uses.
    """
    if type(format_) is not Positions:
        return cast(Callable[[bytes], list[int]], format_.decode_positions)

    def decode(value: bytes) -> list[int]:
        body = value[_COUNT_BYTES:]
        return list(
            itertools.accumulate(pickle.loads(body if body.endswith(b".") else body + b"."))
        )

    return decode


_COUNT_BYTES = 4


def decode_positions(format_: Any, values: list[Any]) -> tuple[IntArray, npt.NDArray[np.int32]]:
    """Posting values to (starts, flat positions), as in `TermPositions` (Whoosh's errors
    on damaged values pass through)."""
    decode = position_decoder(format_)
    lists = [decode(value) for value in values]
    starts = np.zeros(len(lists) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, lists), np.int64, len(lists)), out=starts[1:])
    flat = np.fromiter(itertools.chain.from_iterable(lists), np.int32, int(starts[-1]))
    return starts, flat


__all__ = [
    "DEFAULT_CACHE_BYTES",
    "FloatArray",
    "FrequentTerms",
    "IntArray",
    "TermPositions",
    "TermPostings",
    "decode_positions",
    "posting_arrays",
    "posting_blocks",
    "posting_ids",
]
