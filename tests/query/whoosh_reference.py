"""Our query tree as the Whoosh query that means the same, for tests that compare our
matching and scores with Whoosh's own searcher (the reference implementation)."""

from __future__ import annotations

from whoosh import query as wq

from pqsearch.query import tree as qt


def to_whoosh(query: qt.Query) -> wq.Query:
    if isinstance(query, qt.Term):
        return wq.Term(query.field, query.text, boost=query.boost)
    if isinstance(query, qt.Phrase):
        return wq.Phrase(query.field, list(query.words), boost=query.boost)
    if isinstance(query, qt.Prefix):
        return wq.Prefix(query.field, query.text, boost=query.boost)
    if isinstance(query, qt.Range):
        return wq.NumericRange(query.field, query.start, query.end, boost=query.boost)
    if isinstance(query, qt.Every):
        return wq.Every(boost=query.boost)
    if isinstance(query, qt.Nothing):
        return wq.NullQuery
    if isinstance(query, qt.And):
        return wq.And([to_whoosh(item) for item in query.items], boost=query.boost)
    if isinstance(query, qt.Or):
        return wq.Or([to_whoosh(item) for item in query.items], boost=query.boost)
    if isinstance(query, qt.Not):
        return wq.Not(to_whoosh(query.item), boost=query.boost)
    if isinstance(query, qt.AndNot):
        return wq.AndNot(to_whoosh(query.positive), to_whoosh(query.negative))
    raise TypeError(query)
