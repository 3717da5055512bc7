"""Which documents a query tree matches, as a sorted numpy array, without scoring.

Facet counts and totals need every matching document, not a ranking. Every node of
`tree.py` is evaluated here on whole arrays: terms as their posting arrays, AND, OR and NOT
as set operations, prefixes as the union of their words, phrases from the words' positions
(`phrase_docs`), date ranges on the date columns.
"""

from __future__ import annotations

from functools import reduce

import numpy as np
import numpy.typing as npt

from pqsearch.index.reader import FloatArray, IndexReader, IntArray
from pqsearch.index.schema import DATE_FIELDS
from pqsearch.query import tree as qt

_EMPTY = np.zeros(0, dtype=np.int64)


def matched_docs(index: IndexReader, query: qt.Query) -> IntArray:
    """The sorted numbers of the live documents `query` matches."""
    if isinstance(query, qt.Term):
        return index.term_docs(query.field, query.text)
    if isinstance(query, qt.Nothing):
        return _EMPTY
    if isinstance(query, qt.Every):
        return index.live_docs
    if isinstance(query, qt.AndNot):
        positive = matched_docs(index, query.positive)
        if not len(positive):
            return positive
        excluded = matched_docs(index, query.negative)
        return np.setdiff1d(positive, excluded, assume_unique=True)
    if isinstance(query, qt.Not):
        return np.setdiff1d(index.live_docs, matched_docs(index, query.item), assume_unique=True)
    if isinstance(query, qt.And):
        return intersection([matched_docs(index, sub) for sub in query.items])
    if isinstance(query, qt.Or):
        return union([matched_docs(index, sub) for sub in query.items])
    if isinstance(query, qt.Prefix):
        words = index.prefix_terms(query.field, query.text)
        return union([index.term_docs(query.field, word) for word in words])
    if isinstance(query, qt.Phrase):
        if len(query.words) == 1:
            return union([index.term_docs(query.field, form) for form in query.forms(0)])
        places = [query.forms(place) for place in range(len(query.words))]
        return phrase_docs(index, query.field, places)
    if isinstance(query, qt.Range):
        return range_docs(index, query)
    raise TypeError(f"not a query node: {query!r}")


def union(parts: list[IntArray]) -> IntArray:
    """The sorted union of sorted arrays of document numbers."""
    found = [p for p in parts if len(p)]
    if len(found) <= 1:
        return found[0] if found else _EMPTY
    every = np.concatenate(found)
    span = int(every.max()) + 1
    if len(every) * 16 >= span:
        # Many documents: mark them over all document numbers rather than sort them.
        marks = np.zeros(span, dtype=np.bool_)
        marks[every] = True
        return np.flatnonzero(marks)
    # Not `np.unique`: its first call in a process imports numpy.ma (11 to 20 ms of a
    # search at the terminal, in 16 of the benchmark's 55 queries).
    return _unique(every)


def range_docs(index: IndexReader, query: qt.Range) -> IntArray:
    """A date range read from the date column (0 = no date never matches); one value of
    another numeric field read from its term."""
    if query.field not in DATE_FIELDS:
        if query.start is None or query.start != query.end:
            raise ValueError(f"only a date field takes a range, not {query.field}")
        return index.term_docs(query.field, str(query.start))
    dates = index.dates(query.field)
    keep = dates > 0
    if query.start is not None:
        keep &= dates >= query.start
    if query.end is not None:
        keep &= dates <= query.end
    found = np.flatnonzero(keep)
    if len(index.live_docs) == len(keep):
        return found  # no deletions: every number is live (the intersection sorted 100,000)
    return np.intersect1d(found, index.live_docs, assume_unique=True)


def intersection(parts: list[IntArray]) -> IntArray:
    """The sorted intersection of sorted arrays of document numbers."""
    if not parts:
        return _EMPTY
    parts = sorted(parts, key=len)
    if len(parts) > 1 and len(parts[0]):
        span = max(int(p[-1]) for p in parts if len(p)) + 1
        if len(parts[0]) * 16 >= span:
            # Large sets: count over all document numbers rather than intersect pairwise.
            seen = np.zeros(span, dtype=np.int64)
            for part in parts:
                seen[part] += 1
            return np.flatnonzero(seen == len(parts))
    return reduce(lambda a, b: np.intersect1d(a, b, assume_unique=True), parts)


def phrase_docs(index: IndexReader, field: str, places: list[tuple[str, ...]]) -> IntArray:
    """The documents holding, one after the other in `field`, a form of each place of
    `places` (one form per place for a literal phrase; a word's inflections for a
    lemmatized one).

    Whoosh checks a phrase one document and one span at a time. Here the candidates are
    the documents holding every place; the place with the fewest occurrences in them gives
    the phrase's possible starts, keys (document, position minus the place), and each other
    place, fewest first, keeps the keys where one of its forms is at the key plus the place:
    a binary search in that document's positions ("de", at 30 places of each of 100,000
    answers, is looked up at a few of them, not read whole). It stops as soon as no key is
    left.
    """
    with index.reading_once():
        return _phrase_docs(index, field, places)


def _phrase_docs(index: IndexReader, field: str, places: list[tuple[str, ...]]) -> IntArray:
    postings: dict[str, tuple[IntArray, FloatArray]] = {}
    for form in {form for forms in places for form in forms}:
        # A rare word's positions are read with its postings (`keep_positions`).
        index.term_docs(field, form, keep_positions=True)
        postings[form] = index.term_postings(field, form)
    candidates = intersection(
        [union([postings[form][0] for form in forms]) for forms in set(places)]
    )
    if not len(candidates):
        return _EMPTY
    size = index.doc_count_all
    in_candidates = _marks(candidates, size)

    def occurrences(place: int) -> float:
        found = [postings[form] for form in places[place]]
        return sum(float(weights[in_candidates[ids]].sum()) for ids, weights in found)

    order = sorted(range(len(places)), key=occurrences)
    first = order[0]
    starts: list[IntArray] = []
    for form in places[first]:
        ids = postings[form][0]
        mine = ids[in_candidates[ids]]
        if not len(mine):
            continue
        docs, positions = index.term_positions(field, form, mine)
        after = positions >= first
        starts.append(docs[after] * _POSITIONS + (positions[after] - first))
    keys = _unique(np.concatenate(starts))
    for place in order[1:]:
        if not len(keys):
            return _EMPTY
        docs = keys // _POSITIONS
        wanted = keys - docs * _POSITIONS + place
        in_play = _marks(docs, size)
        held = np.zeros(len(keys), dtype=np.bool_)
        for form in places[place]:
            ids = postings[form][0]
            mine = ids[in_play[ids]]
            if len(mine):
                held |= index.positions_table(field, form, mine).holds(docs, wanted)
        keys = keys[held]
    return _unique(keys // _POSITIONS)


def _marks(docs: IntArray, size: int) -> npt.NDArray[np.bool_]:
    """A flag per document number, set for `docs`: `flags[ids]` says which of `ids` are
    among them without a sort."""
    flags = np.zeros(size, dtype=np.bool_)
    flags[docs] = True
    return flags


def _unique(values: IntArray) -> IntArray:
    """`np.unique(values)`; without a sort or a hash table when `values` is in order already
    (one form's keys, document after document: a phrase of frequent words in a fresh
    process spent a third of its time in `np.unique`)."""
    if len(values) < 2:
        return values
    if not bool(np.all(values[1:] >= values[:-1])):
        values = np.sort(values)
    first = np.empty(len(values), dtype=np.bool_)
    first[0] = True
    np.not_equal(values[1:], values[:-1], out=first[1:])
    return values[first]


# Keys are document * _POSITIONS + position: no field holds 2**31 words.
_POSITIONS = 1 << 31
