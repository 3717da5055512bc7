"""Facet counts over the whole result set: one interface, one class per kind of facet.

A facet counts, for the documents a search matched (a boolean mask over document numbers),
how many have each value. Multi-valued fields count a document once under each of its values.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from pqsearch.errors import QuerySyntaxError
from pqsearch.index.reader import IndexReader
from pqsearch.query.spellings import merged, spelling_groups
from pqsearch.query.status import STATUS_VALUES, status_codes
from pqsearch.query.tallies import Mask, Selection, Tallies, plus_one
from pqsearch.results import Facet, FacetCount

DEFAULT_TOP = 10


def _names() -> set[str]:
    return set()


def _as_dict(values: tuple[str, ...], tally: npt.NDArray[np.int64]) -> dict[str, int]:
    """Value -> count, zero counts left out."""
    # Plain Python numbers: numpy scalars cost a conversion each.
    found = np.flatnonzero(tally)
    present, counts = found.tolist(), tally[found].tolist()
    return dict(zip([values[c] for c in present], counts, strict=True))


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
        values, tally, _ = self._tally(index, Selection.of(matched))
        return _as_dict(values, tally)

    def _tally(
        self, index: IndexReader, selection: Selection
    ) -> tuple[tuple[str, ...], npt.NDArray[np.int64], Tallies | None]:
        """The values, the count of each over the selection, and the tallies counted
        (None at the facet's first count in the generation, counted without)."""
        if self._first_count(index):
            return (*self.direct(index, selection), None)
        tallies = self.tallies(index)
        return tallies.values, tallies.count(selection, index.live_docs), tallies

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
        values, tally, tallies = self._tally(index, Selection.of(matched))
        found = np.flatnonzero(tally)
        order = self._in_order(tallies, found, tally[found]) if tallies is not None else None
        if order is None:
            ordered = self.ordered(self._labelled(_as_dict(values, tally)))
            shown, listed = (ordered if top is None else ordered[:top]), len(ordered)
        else:
            # The order `ordered` gives, in numpy: only the values shown become Python
            # objects (sorting every author's count in Python was a third of the facets).
            at = order if top is None else order[:top]
            shown = list(zip([values[i] for i in at.tolist()], tally[at].tolist(), strict=True))
            listed = len(order)
        return Facet(
            name=self.name,
            results=tuple(FacetCount(value, n) for value, n in shown),
            truncated=top is not None and listed > top,
        )

    def ordered(self, counts: dict[str, int]) -> list[tuple[str, int]]:
        """Most frequent first, ties by value."""
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def _in_order(
        self, tallies: Tallies, found: npt.NDArray[np.intp], counts: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.intp] | None:
        """The value numbers `found` (with `counts`) in the order of `ordered`, or None
        where that order needs their values (labels that merge values)."""
        return found[np.lexsort((tallies.ranks[found], -counts))]

    def _labelled(self, counts: dict[str, int]) -> dict[str, int]:
        """The counts under the names users see."""
        return counts


@dataclass
class FieldFacet(FacetKind):
    """Values of a metadata field (single- or multi-valued)."""

    name: str
    field: str
    label: Callable[[str], str] | None = None
    # Values that differ only in case or accents are one entry (`spellings`).
    merge_spellings: bool = False

    def _tally(
        self, index: IndexReader, selection: Selection
    ) -> tuple[tuple[str, ...], npt.NDArray[np.int64], Tallies | None]:
        values, tally, tallies = super()._tally(index, selection)
        if self.merge_spellings:
            tally = merged(tally, spelling_groups(index, self.field), selection.mask)
        return values, tally, tallies

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
        picked = plus_one(column.codes[selection.docs])
        return column.values, np.bincount(picked, minlength=len(column.values) + 1)[1:]

    def counts(self, index: IndexReader, matched: Mask | Selection) -> dict[str, int]:
        return self._labelled(super().counts(index, matched))

    def _in_order(
        self, tallies: Tallies, found: npt.NDArray[np.intp], counts: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.intp] | None:
        return None if self.label is not None else super()._in_order(tallies, found, counts)

    def _labelled(self, counts: dict[str, int]) -> dict[str, int]:
        if self.label is None:
            return counts
        result: dict[str, int] = {}
        for value, count in counts.items():
            key = self.label(value)
            result[key] = result.get(key, 0) + count
        return result


class StatusFacet(FieldFacet):
    """answered / unanswered, an answer sent to the member and not printed counting as
    unanswered, as the status filter reads them (`query.status`)."""

    def tallies(self, index: IndexReader) -> Tallies:
        def build() -> Tallies:
            return Tallies.single(STATUS_VALUES, status_codes(index), index.live_docs)

        return index.generation_cache(self.tallies_name, build)

    @property
    def tallies_name(self) -> str:
        return "facet tallies/published status"

    def direct(
        self, index: IndexReader, selection: Selection
    ) -> tuple[tuple[str, ...], npt.NDArray[np.int64]]:
        picked = plus_one(status_codes(index)[selection.docs])
        return STATUS_VALUES, np.bincount(picked, minlength=len(STATUS_VALUES) + 1)[1:]


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

    def _in_order(
        self, tallies: Tallies, found: npt.NDArray[np.intp], counts: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.intp] | None:
        # Each label once: by label alone, as `ordered`.
        return found[np.argsort(-tallies.ranks[found])]


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
        "addressee": FieldFacet("addressee", "addressee", merge_spellings=True),
        "author": FieldFacet("author", "author", merge_spellings=True),
        "portfolio": FieldFacet("portfolio", "portfolios", merge_spellings=True),
        "status": StatusFacet("status", "status"),
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
                raise _unknown_facet(part.strip(), name, catalogue)
            if name not in names:
                names.append(name)
    return names


def facet_name(requested: str, catalogue: dict[str, FacetKind]) -> str:
    """The one facet of the catalogue that `requested` names."""
    names = facet_names([requested], catalogue)
    if len(names) != 1:
        known = ", ".join(sorted(catalogue))
        raise QuerySyntaxError(f"Give one facet name, not {requested!r}. Facets: {known}.")
    return names[0]


def _unknown_facet(typed: str, name: str, catalogue: dict[str, FacetKind]) -> QuerySyntaxError:
    """An unknown facet, with the nearest names ("sectr": sector) when one is near."""
    import difflib  # only for this error: a search does not load it (test_cold_start)

    # A close alias counts as its facet ("secteurs": sector).
    known = {**FACET_ALIASES, **{n: n for n in catalogue}}
    near = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    close = list(dict.fromkeys(known[n] for n in near if known[n] in catalogue))
    hint = f" Did you mean {' or '.join(repr(n) for n in close)}?" if close else ""
    return QuerySyntaxError(
        f"Unknown facet {typed!r}.{hint} Facets: {', '.join(sorted(catalogue))}.",
        kind="unknown_facet",
        value=typed,
        valid=tuple(close),
    )
