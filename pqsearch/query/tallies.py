"""The matched documents and one facet's values per document, shaped for counting.

`Selection` is what a search matched; `Tallies` is a facet's column made once per generation so
that counting it for any selection is a gather or a popcount (`facets.py` says which facet
builds which).
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

Mask = npt.NDArray[np.bool_]
Codes = npt.NDArray[np.unsignedinteger[Any]]


class Selection:
    """The matched documents, as a mask over document numbers and, when given or first
    needed, as their sorted numbers. They are live documents only (as matching gives
    them): a facet counts more than half of the index as its count over the whole index
    less its count over the rest."""

    def __init__(self, mask: Mask, docs: npt.NDArray[np.int64] | None = None) -> None:
        self.mask = mask
        self._docs = docs
        self._bits: npt.NDArray[np.uint64] | None = None

    @classmethod
    def of(cls, matched: Mask | Selection) -> Selection:
        return matched if isinstance(matched, Selection) else cls(matched)

    @property
    def docs(self) -> npt.NDArray[np.int64]:
        if self._docs is None:
            self._docs = np.flatnonzero(self.mask)
        return self._docs

    @property
    def bits(self) -> npt.NDArray[np.uint64]:
        """The mask as bits, one 64-bit word per 64 documents (`Tallies.bits`)."""
        if self._bits is None:
            padded = np.zeros(_words(len(self.mask)) * 64, dtype=np.bool_)
            padded[: len(self.mask)] = self.mask
            self._bits = np.packbits(padded, bitorder="little").view(np.uint64)
        return self._bits

    def pick(self, per_document: npt.NDArray[Any]) -> npt.NDArray[Any]:
        """The values of the selected documents in a per-document column."""
        return per_document[self.docs]

    def rest(self, live: npt.NDArray[np.int64]) -> Selection:
        """The live documents not selected."""
        if len(live) == len(self.mask):
            # No deletions (`live` is every number): the unselected numbers.
            return Selection(~self.mask)
        mask = np.zeros(len(self.mask), dtype=np.bool_)
        mask[live] = True
        mask &= ~self.mask
        return Selection(mask)


@dataclass(frozen=True)
class Tallies:
    """One facet's values per document, shaped for counting, made once per generation.

    Single-valued: `codes` holds a value's number + 1 (0: none) per document, in the
    smallest unsigned type that holds them. Few values: `bits`, one row per value, one bit
    per document: a count is the popcount of a row and of the selected documents' bits,
    whatever their number (at 100,000 documents, gathering the 825,000 (document, value)
    pairs of `sectors_mentioned` in value order was a third of a search); a single-valued
    facet has both, and counts on bits when they are fewer words than the documents.
    Multi-valued with many values: `codes` per (document, value) pair, in document order,
    `starts[d]` to `starts[d + 1]` being document d's. `everywhere`: each value's count
    over every live document, the answer of a browse without filters."""

    values: tuple[str, ...]
    everywhere: npt.NDArray[np.int64]
    codes: Codes | None = None
    starts: npt.NDArray[np.int64] | None = None
    bits: npt.NDArray[np.uint64] | None = None

    @classmethod
    def single(
        cls, values: tuple[str, ...], codes: npt.NDArray[np.int64], live: npt.NDArray[np.int64]
    ) -> Tallies:
        """From a value number per document (-1: none)."""
        small = plus_one(codes).astype(np.min_scalar_type(len(values)))
        bits = None
        if len(values) <= MAX_SINGLE_BIT_ROWS:
            known = codes >= 0
            bits = _bit_rows(len(values), len(codes), codes[known], np.flatnonzero(known))
        found = cls(values, _NONE, codes=small, bits=bits)
        return dataclasses.replace(found, everywhere=found._of(_every(live, len(codes))))

    @classmethod
    def multi(
        cls,
        values: tuple[str, ...],
        pair_docs: npt.NDArray[np.int64],
        pair_codes: npt.NDArray[np.int64],
        size: int,
        live: npt.NDArray[np.int64],
    ) -> Tallies:
        """From (document, value number) pairs, each once, in any order."""
        if len(values) <= MAX_BIT_ROWS:
            found = cls(values, _NONE, bits=_bit_rows(len(values), size, pair_codes, pair_docs))
        else:
            order = np.argsort(pair_docs, kind="stable")
            small = plus_one(pair_codes[order]).astype(np.min_scalar_type(len(values)))
            starts = np.zeros(size + 1, dtype=np.int64)
            np.cumsum(np.bincount(pair_docs, minlength=size), out=starts[1:])
            found = cls(values, _NONE, codes=small, starts=starts)
        return dataclasses.replace(found, everywhere=found._of(_every(live, size)))

    @functools.cached_property
    def ranks(self) -> npt.NDArray[np.int64]:
        """Each value's place among the values in Python's order of strings (made once per
        generation: a facet orders its counts in numpy, ties by value)."""
        ranks = np.empty(len(self.values), dtype=np.int64)
        ranks[sorted(range(len(self.values)), key=self.values.__getitem__)] = np.arange(
            len(self.values)
        )
        return ranks

    def count(self, selection: Selection, live: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """How many selected documents have each value."""
        selected = len(selection.docs)
        if selected == len(live):
            return self.everywhere
        if self.bits is not None and (self.codes is None or self.bits.size <= selected):
            return self._bits_of(selection)
        if 2 * selected > len(live):
            # Most of the index: the rest is fewer documents to read.
            return self.everywhere - self._of(selection.rest(live))
        return self._of(selection)

    def _bits_of(self, selection: Selection) -> npt.NDArray[np.int64]:
        assert self.bits is not None
        counts: npt.NDArray[np.int64] = np.bitwise_count(self.bits & selection.bits).sum(
            axis=1, dtype=np.int64
        )
        return counts

    def _of(self, selection: Selection) -> npt.NDArray[np.int64]:
        if self.codes is None:
            return self._bits_of(selection)
        docs = selection.docs
        if self.starts is None:
            # By number, not by mask: a gather reads in order and never branches.
            return np.bincount(self.codes[docs], minlength=len(self.values) + 1)[1:]
        # Each selected document's run of pairs, end to end.
        first = self.starts[docs]
        lengths = self.starts[docs + 1] - first
        before = np.cumsum(lengths) - lengths
        where = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(first - before, lengths)
        return np.bincount(self.codes[where], minlength=len(self.values) + 1)[1:]


# A multi-valued facet of up to this many values is counted on bit rows (`Tallies`): a
# count reads values x documents / 8 bytes; a single-valued one may be.
MAX_BIT_ROWS = 256
MAX_SINGLE_BIT_ROWS = 64
_NONE = np.zeros(0, dtype=np.int64)


def _bit_rows(
    rows: int, size: int, codes: npt.NDArray[np.int64], docs: npt.NDArray[np.int64]
) -> npt.NDArray[np.uint64]:
    """One row of `size` bits per value: document d's bit set in row c for each pair."""
    marks = np.zeros((rows, _words(size) * 64), dtype=np.bool_)
    marks[codes, docs] = True
    return np.packbits(marks, axis=1, bitorder="little").view(np.uint64)


def plus_one(codes: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
    """`codes` + 1 in 64 bits: saved codes come in their narrowest type (`columns.py`),
    where the largest code + 1 may not fit."""
    shifted: npt.NDArray[np.int64] = np.add(codes, 1, dtype=np.int64)
    return shifted


def _words(size: int) -> int:
    """64-bit words for one bit per document."""
    return (size + 63) // 64


def _every(live: npt.NDArray[np.int64], size: int) -> Selection:
    mask = np.zeros(size, dtype=np.bool_)
    mask[live] = True
    return Selection(mask, live)
