"""Which documents a query matches, as a sorted numpy array, without scoring.

Facet counts and totals need every matching document, not a ranking. Whoosh yields them
one Python call per document and per level of the query tree; here the term, boolean and
"every" nodes the compiler builds are evaluated as set operations on the terms' posting
arrays, prefixes as the union of their words, date ranges on the date columns. Phrases and
anything else are left to Whoosh.
"""

from __future__ import annotations

from functools import reduce
from typing import Any

import numpy as np
from whoosh import query as wq

from pqsearch.index.reader import IndexReader, IntArray
from pqsearch.index.schema import DATE_FIELDS

_EMPTY = np.zeros(0, dtype=np.int64)


def matched_docs(index: IndexReader, query: Any) -> IntArray:
    """The sorted numbers of the live documents `query` matches."""
    if isinstance(query, wq.Term):
        return index.term_docs(query.fieldname, query.text)
    if query is wq.NullQuery:
        return _EMPTY
    if isinstance(query, wq.Every) and query.fieldname in (None, "", "*"):
        return index.live_docs
    if isinstance(query, wq.AndNot):
        positive = matched_docs(index, query.a)
        if not len(positive):
            return positive
        return np.setdiff1d(positive, matched_docs(index, query.b), assume_unique=True)
    if isinstance(query, wq.Not):
        return np.setdiff1d(index.live_docs, matched_docs(index, query.query), assume_unique=True)
    if type(query) is wq.And:
        return _intersection([matched_docs(index, sub) for sub in query.subqueries])
    if type(query) is wq.Or and not query.minmatch:
        return _union([matched_docs(index, sub) for sub in query.subqueries])
    if isinstance(query, wq.Prefix):
        words = index.reader.expand_prefix(query.fieldname, query.text)
        return _union([index.term_docs(query.fieldname, _text(word)) for word in words])
    if isinstance(query, wq.Phrase) and query.slop == 1 and len(query.words) > 1:
        return phrase_docs(index, query.fieldname, list(query.words))
    if isinstance(query, wq.NumericRange) and query.fieldname in DATE_FIELDS:
        return _date_range(index, query)
    docs = np.fromiter(index.searcher.docs_for_query(query), dtype=np.int64)
    docs.sort()
    return docs


def _union(parts: list[IntArray]) -> IntArray:
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
    return np.unique(every)


def _text(word: str | bytes) -> str:
    return word.decode("utf-8") if isinstance(word, bytes) else word


def _date_range(index: IndexReader, query: Any) -> IntArray:
    """A date range read from the date column (0 = no date never matches)."""
    dates = index.dates(query.fieldname)
    keep = dates > 0
    if query.start is not None:
        keep &= dates > query.start if query.startexcl else dates >= query.start
    if query.end is not None:
        keep &= dates < query.end if query.endexcl else dates <= query.end
    return np.intersect1d(np.flatnonzero(keep), index.live_docs, assume_unique=True)


def _intersection(parts: list[IntArray]) -> IntArray:
    if not parts:
        return _EMPTY
    parts.sort(key=len)
    if len(parts) > 1 and len(parts[0]):
        span = max(int(p[-1]) for p in parts if len(p)) + 1
        if len(parts[0]) * 16 >= span:
            # Large sets: count over all document numbers rather than intersect pairwise.
            seen = np.zeros(span, dtype=np.int64)
            for part in parts:
                seen[part] += 1
            return np.flatnonzero(seen == len(parts))
    return reduce(lambda a, b: np.intersect1d(a, b, assume_unique=True), parts)


def phrase_docs(index: IndexReader, field: str, words: list[str]) -> IntArray:
    """The documents holding `words` one after the other in `field`.

    Whoosh checks a phrase one document and one span at a time. Here each word's positions
    become keys (document, position minus the word's place in the phrase) and the phrase is
    where every word has the same key. The rarest word goes first, and each word's
    positions are decoded only in the documents still in the running.
    """
    with index.reading_once():
        return _phrase_docs(index, field, words)


def _phrase_docs(index: IndexReader, field: str, words: list[str]) -> IntArray:
    candidates = _intersection(
        [index.term_docs(field, word, keep_positions=True) for word in set(words)]
    )
    order = sorted(range(len(words)), key=lambda i: len(index.term_docs(field, words[i])))
    keys: IntArray | None = None
    for place in order:
        if not len(candidates):
            return _EMPTY
        docs, positions = index.term_positions(field, words[place], candidates)
        starts = positions >= place
        mine = np.unique(docs[starts] * _POSITIONS + (positions[starts] - place))
        keys = mine if keys is None else np.intersect1d(keys, mine, assume_unique=True)
        candidates = np.unique(keys // _POSITIONS)
    return candidates


# Keys are document * _POSITIONS + position: no field holds 2**31 words.
_POSITIONS = 1 << 31
