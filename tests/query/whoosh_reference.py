"""Our query tree as the Whoosh query that means the same, for tests that compare our
matching and scores with Whoosh's own searcher (the reference implementation)."""

from __future__ import annotations

import itertools
from functools import partial
from typing import Any

from whoosh import query as wq
from whoosh.query.qcolumns import ColumnQuery

from pqsearch.index.columns import LAST_DATE
from pqsearch.index.reader import IndexReader
from pqsearch.index.schema import DATE_FIELDS
from pqsearch.query import tree as qt


def to_whoosh(query: qt.Query, *, spell_prefixes: IndexReader | None = None) -> wq.Query:
    """The Whoosh query for `query`; with `spell_prefixes`, each prefix as the OR of the
    words it stands for in that index (how our ranker scores it, see `rank.py`)."""

    def convert(item: qt.Query) -> wq.Query:
        return to_whoosh(item, spell_prefixes=spell_prefixes)

    if isinstance(query, qt.Prefix) and spell_prefixes is not None:
        words = spell_prefixes.prefix_terms(query.field, query.text)
        if len(words) == 1:
            # Whoosh's Or of one query normalizes to that query and drops the Or's boost.
            return wq.Term(query.field, words[0], boost=query.boost)
        return wq.Or([wq.Term(query.field, word) for word in words], boost=query.boost)
    if isinstance(query, qt.Term):
        return wq.Term(query.field, query.text, boost=query.boost)
    if isinstance(query, qt.Phrase) and query.alternatives:
        # A lemmatized phrase: matched as any phrase of one form per place, scored as the
        # sum over places of the forms the document holds (`rank.py`).
        places = [query.forms(place) for place in range(len(query.words))]
        scoring = wq.And(
            [wq.Or([wq.Term(query.field, form) for form in forms]) for forms in places],
            boost=query.boost,
        )
        phrases = [wq.Phrase(query.field, list(words)) for words in itertools.product(*places)]
        return wq.Require(scoring, wq.Or(phrases))
    if isinstance(query, qt.Phrase):
        return wq.Phrase(query.field, list(query.words), boost=query.boost)
    if isinstance(query, qt.Prefix):
        return wq.Prefix(query.field, query.text, boost=query.boost)
    if isinstance(query, qt.Range) and query.field in DATE_FIELDS:
        # Dates are columns without terms (`schema.column_only`): Whoosh's own column query,
        # scored as its NumericRange scores (the boost).
        return wq.ConstantScoreQuery(
            _DateColumn(query.field, partial(_in_range, query.start, query.end)), query.boost
        )
    if isinstance(query, qt.Range):
        return wq.NumericRange(query.field, query.start, query.end, boost=query.boost)
    if isinstance(query, qt.Every):
        return wq.Every(boost=query.boost)
    if isinstance(query, qt.Nothing):
        return wq.NullQuery
    if isinstance(query, qt.And):
        return wq.And([convert(item) for item in query.items], boost=query.boost)
    if isinstance(query, qt.Or):
        return wq.Or([convert(item) for item in query.items], boost=query.boost)
    if isinstance(query, qt.Not):
        return wq.Not(convert(query.item), boost=query.boost)
    if isinstance(query, qt.AndNot):
        return wq.AndNot(convert(query.positive), convert(query.negative))
    raise TypeError(query)


class _DateColumn(ColumnQuery):  # type: ignore[misc]
    """Whoosh's column query, with the size estimate its And asks for (at most every
    document)."""

    def estimate_size(self, ixreader: Any) -> int:
        return int(ixreader.doc_count_all())

    def estimate_min_size(self, ixreader: Any) -> int:
        return 0


def _in_range(start: int | None, end: int | None, value: int) -> bool:
    """Whether a date column's value lies in [start, end] (a missing date is Whoosh's
    largest 32-bit integer, no date)."""
    if value > LAST_DATE:
        return False
    return (start is None or value >= start) and (end is None or value <= end)
