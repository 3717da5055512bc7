"""Facet counts over the whole result set: one interface, one class per kind of facet.

A facet counts, for the documents a search matched (a boolean mask over document numbers),
how many have each value. Multi-valued fields count a document once under each of its values.
"""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from pqsearch.errors import QuerySyntaxError
from pqsearch.index.reader import IndexReader
from pqsearch.results import Facet, FacetCount

Mask = npt.NDArray[np.bool_]
Codes = npt.NDArray[np.unsignedinteger[Any]]
DEFAULT_TOP = 10


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
        small = _plus_one(codes).astype(np.min_scalar_type(len(values)))
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
            small = _plus_one(pair_codes[order]).astype(np.min_scalar_type(len(values)))
            starts = np.zeros(size + 1, dtype=np.int64)
            np.cumsum(np.bincount(pair_docs, minlength=size), out=starts[1:])
            found = cls(values, _NONE, codes=small, starts=starts)
        return dataclasses.replace(found, everywhere=found._of(_every(live, size)))

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


def _plus_one(codes: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
    """`codes` + 1 in 64 bits: saved codes come in their narrowest type (`columns.py`),
    where the largest code + 1 may not fit."""
    plus_one: npt.NDArray[np.int64] = np.add(codes, 1, dtype=np.int64)
    return plus_one


def _names() -> set[str]:
    return set()


def _words(size: int) -> int:
    """64-bit words for one bit per document."""
    return (size + 63) // 64


def _every(live: npt.NDArray[np.int64], size: int) -> Selection:
    mask = np.zeros(size, dtype=np.bool_)
    mask[live] = True
    return Selection(mask, live)


class FacetKind(ABC):
    """How one facet is counted."""

    name: str

    @abstractmethod
    def tallies(self, index: IndexReader) -> Tallies:
        """The facet's values per document (made once per index generation)."""

    @abstractmethod
    def direct(
        self, index: IndexReader, selection: Selection
    ) -> tuple[tuple[str, ...], npt.NDArray[np.int64]]:
        """Values and their counts over the selection, read from the columns without
        tallies: a facet's first count in a generation."""

    @property
    @abstractmethod
    def tallies_name(self) -> str:
        """The name its tallies are kept under for a generation."""

    def counts(self, index: IndexReader, matched: Mask | Selection) -> dict[str, int]:
        """Value -> number of matched documents that have it (zero counts left out)."""
        selection = Selection.of(matched)
        if self._first_count(index):
            values, tally = self.direct(index, selection)
        else:
            tallies = self.tallies(index)
            values, tally = tallies.values, tallies.count(selection, index.live_docs)
        # Plain Python numbers from here: numpy scalars cost a conversion each.
        found = np.flatnonzero(tally)
        present, counts = found.tolist(), tally[found].tolist()
        return dict(zip([values[c] for c in present], counts, strict=True))

    def _first_count(self, index: IndexReader) -> bool:
        """Whether this is the facet's first count in the generation. Tallies cost more to
        make than one count straight from the columns (at 100,000 documents, 60 ms for all
        17 facets against 5: a third of a search from a fresh process, as at the
        terminal): they are made at the second count, when the index serves more."""
        counted = index.generation_cache("facets counted", _names)
        if self.tallies_name in counted:
            return False
        counted.add(self.tallies_name)
        return True

    def count(
        self, index: IndexReader, matched: Mask | Selection, *, top: int | None = DEFAULT_TOP
    ) -> Facet:
        counts = self.counts(index, matched)
        ordered = self.ordered(counts)
        shown = ordered if top is None else ordered[:top]
        return Facet(
            name=self.name,
            results=tuple(FacetCount(value, n) for value, n in shown),
            truncated=top is not None and len(ordered) > top,
        )

    def ordered(self, counts: dict[str, int]) -> list[tuple[str, int]]:
        """Most frequent first, ties by value."""
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


@dataclass
class FieldFacet(FacetKind):
    """Values of a metadata field (single- or multi-valued)."""

    name: str
    field: str
    label: Callable[[str], str] | None = None

    def tallies(self, index: IndexReader) -> Tallies:
        def build() -> Tallies:
            column = index.column(self.field)
            if not column.multi:
                assert column.codes is not None
                return Tallies.single(column.values, column.codes, index.live_docs)
            assert column.pair_docs is not None and column.pair_codes is not None
            return Tallies.multi(
                column.values,
                column.pair_docs,
                column.pair_codes,
                index.doc_count_all,
                index.live_docs,
            )

        return index.generation_cache(self.tallies_name, build)

    @property
    def tallies_name(self) -> str:
        return f"facet tallies/{self.field}"

    def direct(
        self, index: IndexReader, selection: Selection
    ) -> tuple[tuple[str, ...], npt.NDArray[np.int64]]:
        column = index.column(self.field)
        if column.multi:
            assert column.pair_docs is not None and column.pair_codes is not None
            picked = column.pair_codes[selection.mask[column.pair_docs]]
            return column.values, np.bincount(picked, minlength=len(column.values))
        assert column.codes is not None
        # Codes + 1: a document without a value (-1) counts in bucket 0, left out.
        picked = _plus_one(column.codes[selection.docs])
        return column.values, np.bincount(picked, minlength=len(column.values) + 1)[1:]

    def counts(self, index: IndexReader, matched: Mask | Selection) -> dict[str, int]:
        counts = super().counts(index, matched)
        if self.label is None:
            return counts
        result: dict[str, int] = {}
        for value, count in counts.items():
            key = self.label(value)
            result[key] = result.get(key, 0) + count
        return result


@dataclass
class DateFacet(FacetKind):
    """Year or month buckets of one of the three dates."""

    name: str
    field: str
    granularity: str  # "year" or "month"

    def tallies(self, index: IndexReader) -> Tallies:
        def build() -> Tallies:
            dates = index.dates(self.field)
            known = dates > 0
            buckets = dates // (10000 if self.granularity == "year" else 100)
            present = _present(buckets[known])
            codes = np.full(len(dates), -1, dtype=np.int64)
            codes[known] = np.searchsorted(present, buckets[known])
            return Tallies.single(self._labels(present), codes, index.live_docs)

        return index.generation_cache(self.tallies_name, build)

    @property
    def tallies_name(self) -> str:
        return f"facet tallies/{self.field} {self.granularity}"

    def direct(
        self, index: IndexReader, selection: Selection
    ) -> tuple[tuple[str, ...], npt.NDArray[np.int64]]:
        dates = selection.pick(index.dates(self.field))
        buckets = dates[dates > 0] // (10000 if self.granularity == "year" else 100)
        present, counts = _present_counts(buckets)
        return self._labels(present), counts

    def _labels(self, present: npt.NDArray[np.int64]) -> tuple[str, ...]:
        if self.granularity == "year":
            return tuple(str(b) for b in present.tolist())
        return tuple(f"{b // 100:04d}-{b % 100:02d}" for b in present.tolist())

    def ordered(self, counts: dict[str, int]) -> list[tuple[str, int]]:
        """Time reads best in time order: newest first."""
        return sorted(counts.items(), reverse=True)


# Past this many buckets between the first and the last, `_present` sorts instead of counting.
_SPAN = 1 << 16


def _present(buckets: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The distinct values of `buckets` (years or months, never negative), in order."""
    return _present_counts(buckets)[0]


def _present_counts(
    buckets: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The distinct values of `buckets` (never negative), in order, and how often each
    occurs: counted over their span, as `np.unique` would give them, whose first call in a
    process imports numpy.ma (6 ms of a terminal search)."""
    if not len(buckets):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    first = int(buckets.min())
    if int(buckets.max()) - first >= _SPAN:
        present, counts = np.unique(buckets, return_counts=True)
        return present.astype(np.int64), counts.astype(np.int64)
    spread = np.bincount(buckets - first)
    found = np.flatnonzero(spread)
    return (found + first).astype(np.int64), spread[found].astype(np.int64)


def facet_catalogue(sector_label: Callable[[str], str] | None = None) -> dict[str, FacetKind]:
    """Every facet pqsearch can count, by the name users give it."""
    catalogue: dict[str, FacetKind] = {
        "legislature": FieldFacet("legislature", "legislature"),
        "session": FieldFacet("session", "session"),
        "addressee": FieldFacet("addressee", "addressee"),
        "author": FieldFacet("author", "author"),
        "portfolio": FieldFacet("portfolio", "portfolios"),
        "status": FieldFacet("status", "status"),
        "answer_type": FieldFacet("answer_type", "answer_type"),
        "language": FieldFacet("language", "language"),
        "kind": FieldFacet("kind", "kind"),
        "sector": FieldFacet("sector", "sectors", label=sector_label),
        "sector_mentioned": FieldFacet("sector_mentioned", "sectors_mentioned", label=sector_label),
    }
    for date_name in ("received", "published", "answered"):
        for granularity in ("year", "month"):
            name = f"{date_name}_{granularity}"
            catalogue[name] = DateFacet(name, date_name, granularity)
    return catalogue


DEFAULT_FACETS = (
    "legislature",
    "session",
    "addressee",
    "portfolio",
    "sector",
    "status",
    "answer_type",
    "received_year",
)
FACET_ALIASES = {
    "ministre": "addressee",
    "destinataire": "addressee",
    "auteur": "author",
    "portefeuille": "portfolio",
    "portfolios": "portfolio",
    "secteur": "sector",
    "sectors": "sector",
    "statut": "status",
    "langue": "language",
    "type": "answer_type",
    "type_question": "kind",
    "year": "received_year",
    "month": "received_month",
}


def facet_names(requested: Sequence[str] | None, catalogue: dict[str, FacetKind]) -> list[str]:
    """Resolve user facet names (aliases allowed) to catalogue names; unknown ones are errors."""
    if requested is None:
        return list(DEFAULT_FACETS)
    names: list[str] = []
    for raw in requested:
        for part in raw.split(","):
            name = part.strip().lower().replace("-", "_")
            if not name:
                continue
            name = FACET_ALIASES.get(name, name)
            if name not in catalogue:
                raise QuerySyntaxError(
                    f"Unknown facet {part.strip()!r}. Facets: {', '.join(sorted(catalogue))}."
                )
            if name not in names:
                names.append(name)
    return names
