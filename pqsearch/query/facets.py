"""Facet counts over the whole result set: one interface, one class per kind of facet.

A facet counts, for the documents a search matched (a boolean mask over document numbers),
how many have each value. Multi-valued fields count a document once under each of its values.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from pqsearch.errors import QuerySyntaxError
from pqsearch.index.reader import IndexReader
from pqsearch.models import Facet, FacetCount

Mask = npt.NDArray[np.bool_]
DEFAULT_TOP = 10
# Below this share of the index, gathering the matched documents' values by number beats
# filtering a whole column with the mask.
SPARSE_SHARE = 0.125


class Selection:
    """The matched documents, as a mask over document numbers and, when given or first
    needed, as their sorted numbers."""

    def __init__(self, mask: Mask, docs: npt.NDArray[np.int64] | None = None) -> None:
        self.mask = mask
        self._docs = docs

    @classmethod
    def of(cls, matched: Mask | Selection) -> Selection:
        return matched if isinstance(matched, Selection) else cls(matched)

    @property
    def docs(self) -> npt.NDArray[np.int64]:
        if self._docs is None:
            self._docs = np.flatnonzero(self.mask)
        return self._docs

    def pick(self, per_document: npt.NDArray[Any]) -> npt.NDArray[Any]:
        """The values of the selected documents in a per-document column."""
        if self._docs is not None and len(self._docs) < SPARSE_SHARE * len(self.mask):
            return per_document[self._docs]
        return per_document[self.mask]


class FacetKind(ABC):
    """How one facet is counted."""

    name: str

    @abstractmethod
    def counts(self, index: IndexReader, matched: Mask | Selection) -> dict[str, int]:
        """Value -> number of matched documents that have it (zero counts left out)."""

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

    def counts(self, index: IndexReader, matched: Mask | Selection) -> dict[str, int]:
        column = index.column(self.field)
        selection = Selection.of(matched)
        if column.multi:
            assert column.pair_docs is not None and column.pair_codes is not None
            selected = column.pair_codes[selection.mask[column.pair_docs]]
        else:
            assert column.codes is not None
            codes = selection.pick(column.codes)
            selected = codes[codes >= 0]
        tally = np.bincount(selected, minlength=len(column.values))
        # Plain Python numbers from here: numpy scalars cost a conversion each.
        found = np.flatnonzero(tally)
        present, counts = found.tolist(), tally[found].tolist()
        values = column.values
        if self.label is None:
            return dict(zip([values[c] for c in present], counts, strict=True))
        result: dict[str, int] = {}
        for code, count in zip(present, counts, strict=True):
            key = self.label(values[code])
            result[key] = result.get(key, 0) + count
        return result


@dataclass
class DateFacet(FacetKind):
    """Year or month buckets of one of the three dates."""

    name: str
    field: str
    granularity: str  # "year" or "month"

    def counts(self, index: IndexReader, matched: Mask | Selection) -> dict[str, int]:
        dates = Selection.of(matched).pick(index.dates(self.field))
        dates = dates[dates > 0] // (10000 if self.granularity == "year" else 100)
        if not len(dates):
            return {}
        # Counting over the span of years or months: no sort of the matched dates.
        first = int(dates.min())
        spread = np.bincount(dates - first)
        buckets = np.flatnonzero(spread)
        tally = spread[buckets].tolist()
        found = (buckets + first).tolist()
        if self.granularity == "year":
            return {str(b): n for b, n in zip(found, tally, strict=True)}
        return {f"{b // 100:04d}-{b % 100:02d}": n for b, n in zip(found, tally, strict=True)}

    def ordered(self, counts: dict[str, int]) -> list[tuple[str, int]]:
        """Time reads best in time order: newest first."""
        return sorted(counts.items(), reverse=True)


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
