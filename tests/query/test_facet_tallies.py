"""Facet counts, straight from the columns (a facet's first count in a generation) and from the
per-generation tallies (`tallies.Tallies`), against counts made one
document at a time from the index's columns, on the generated index (four segments,
deleted documents): few documents, most of them (counted as everything less the rest),
all of them, on bit rows and on codes (per document, or per pair for a multi-valued
facet)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from pqsearch.index.columns import ValueColumn
from pqsearch.index.reader import IndexReader
from pqsearch.query import facets
from pqsearch.query import tallies as tally_module
from pqsearch.query.facets import DateFacet, FieldFacet, facet_catalogue
from pqsearch.query.tallies import Selection, Tallies


@pytest.fixture()
def opened(generated_index: Path) -> Iterator[IndexReader]:
    # A reader of its own per test: the tallies are made once per reader's generation.
    reader = IndexReader(generated_index)
    yield reader
    reader.close()


def _one_by_one(index: IndexReader, kind: facets.FacetKind, docs: list[int]) -> dict[str, int]:
    counted: Counter[str] = Counter()
    if isinstance(kind, DateFacet):
        dates = index.dates(kind.field)
        for doc in docs:
            day = int(dates[doc])
            if day:
                counted[str(day // 10000) if kind.granularity == "year" else _month(day)] += 1
        return dict(counted)
    assert isinstance(kind, FieldFacet)
    column = index.column(kind.field)
    chosen = set(docs)
    if column.multi:
        assert column.pair_docs is not None and column.pair_codes is not None
        for doc, code in zip(column.pair_docs.tolist(), column.pair_codes.tolist(), strict=True):
            if doc in chosen:
                counted[column.values[code]] += 1
    else:
        assert column.codes is not None
        for doc in docs:
            code = int(column.codes[doc])
            if code >= 0:
                counted[column.values[code]] += 1
    return dict(counted)


def _kept(index: IndexReader) -> set[str]:
    return {key[1] for key in index._shared.arrays if key[0] == "generation"}


def _month(day: int) -> str:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}"


def _selection(index: IndexReader, docs: np.ndarray) -> Selection:
    mask = np.zeros(index.doc_count_all, dtype=np.bool_)
    mask[docs] = True
    return Selection(mask, docs)


@pytest.mark.parametrize(
    "bit_rows", [(256, 64), (0, 0)], ids=["bit rows", "codes and pairs by document"]
)
@pytest.mark.parametrize("share", [0.0, 0.03, 0.4, 0.7, 1.0])
def test_counts_equal_counts_one_document_at_a_time(
    opened: IndexReader, monkeypatch: pytest.MonkeyPatch, bit_rows: tuple[int, int], share: float
) -> None:
    monkeypatch.setattr(tally_module, "MAX_BIT_ROWS", bit_rows[0])
    monkeypatch.setattr(tally_module, "MAX_SINGLE_BIT_ROWS", bit_rows[1])
    live = opened.live_docs
    assert len(live) < opened.doc_count_all, "the generated index should have deletions"
    rng = np.random.default_rng(int(share * 100))
    docs = np.sort(rng.choice(live, int(share * len(live)), replace=False))
    selection = _selection(opened, docs)
    for name, kind in facet_catalogue().items():
        expected = _one_by_one(opened, kind, docs.tolist())
        # The first count is read from the columns, the second from the tallies it makes.
        assert kind.counts(opened, selection) == expected, name
        assert kind.tallies_name not in _kept(opened)
        assert kind.counts(opened, selection) == expected, name
        assert kind.tallies_name in _kept(opened)
    if share == 1.0:
        assert kind.counts(opened, selection.mask) == expected  # a bare mask


def test_a_sector_label_merges_the_counts_of_its_values(opened: IndexReader) -> None:
    live = opened.live_docs
    selection = _selection(opened, live)
    plain = FieldFacet("sector", "sectors").counts(opened, selection)
    assert len(plain) > 1
    merged = FieldFacet("sector", "sectors", label=lambda value: "one").counts(opened, selection)
    assert merged == {"one": sum(plain.values())}


def test_codes_saved_in_one_byte_count_their_largest_value(opened: IndexReader) -> None:
    # Saved columns come back in their narrowest type: 128 values fit codes -1..127 in a
    # signed byte, where code + 1 does not (it wrapped to -128 before `_plus_one`).
    size = opened.doc_count_all
    values = tuple(f"value {n:03d}" for n in range(128))
    codes = np.full(size, -1, dtype=np.int8)
    codes[::2] = 127
    codes[1::4] = 3
    opened._shared.arrays["column", "author"] = ValueColumn(values, codes=codes)
    docs = opened.live_docs
    expected = Counter(values[c] for c in codes[docs].tolist() if c >= 0)
    kind = FieldFacet("author", "author")
    first = kind.counts(opened, _selection(opened, docs[: len(docs) // 3]))
    assert first == Counter(values[c] for c in codes[docs[: len(docs) // 3]].tolist() if c >= 0)
    assert first["value 127"] > 0
    tallies = Tallies.single(values, codes, docs)
    counted = tallies.count(_selection(opened, docs), docs)
    assert dict(zip(values, counted.tolist(), strict=True)) == {v: expected[v] for v in values}
    pairs = Tallies.multi(
        values, np.flatnonzero(codes >= 0).astype(np.int32), codes[codes >= 0], size, docs
    )
    half = docs[::2]
    assert pairs.count(_selection(opened, half), docs)[127] == int(np.sum(codes[half] == 127))
