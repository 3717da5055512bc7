"""The fallback path against Whoosh's own searcher, on the generated index (multi-block,
multi-segment, with deletions).

When the format check at open does not recognise Whoosh's byte layout, the index reads its
postings the public, slow way (`whoosh_format.PUBLIC`). tests/index/test_whoosh_format.py
checks that this path reads what the fast one reads; here its hits and scores are compared
with Whoosh's directly, for every query form and with filters.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pqsearch.index import whoosh_format
from pqsearch.index.reader import IndexReader
from pqsearch.index.whoosh_format import SlowDecodingWarning
from pqsearch.query.match import matched_docs
from pqsearch.query.rank import Ranker
from pqsearch.query.search import QueryRunner, filter_query
from tests.query.test_generated_index import (
    QUERIES,
    _assert_same,
    _filters,
    _has_negation,
    _reference_docs,
    _tree,
    _whoosh,
)


@pytest.fixture(scope="module")
def slow(generated_index: Path) -> Iterator[IndexReader]:
    """A reader on the public path: as if a Whoosh release stored a longer header before
    each posting's positions, which the check at open catches."""
    patch = pytest.MonkeyPatch()
    patch.setattr(whoosh_format, "_COUNT_BYTES", 3)
    try:
        with pytest.warns(SlowDecodingWarning):
            reader = IndexReader(generated_index)
        assert not reader.decoder.fast
        yield reader
        reader.close()
    finally:
        patch.undo()


@pytest.mark.parametrize("text", QUERIES)
def test_the_fallbacks_hits_and_scores_equal_whooshs(slow: IndexReader, text: str) -> None:
    query = _tree(slow, text)
    expected = _whoosh(slow, query)
    assert expected, f"{text!r} should match something"
    scored = Ranker(slow).score(query)
    ours = dict(zip(scored.docs.tolist(), scored.scores.tolist(), strict=True))
    assert matched_docs(slow, query).tolist() == scored.docs.tolist()
    if not _has_negation(query):
        _assert_same(ours, expected)
        return
    # Whoosh's own AND NOT lets excluded documents through: compared as set differences.
    assert set(ours) == _reference_docs(slow, query)
    for docnum, score in ours.items():
        assert score == pytest.approx(expected[docnum], rel=1e-5), docnum


@pytest.mark.parametrize("text", ["bruxelles", '"de la région"', "minist*"])
def test_the_fallbacks_filtered_results_equal_whooshs(slow: IndexReader, text: str) -> None:
    runner = QueryRunner(slow)
    query = _tree(slow, text)
    for filters in _filters(slow):
        restrict = filter_query(runner.compiler, filters)
        assert restrict is not None
        expected = _whoosh(slow, query, restrict)
        result = runner.search(text, filters=filters, limit=20, facets=[], highlight=False)
        assert result.total == len(expected)
        top = sorted(expected.values(), reverse=True)[:20]
        assert [hit.score for hit in result.hits] == pytest.approx(top, rel=1e-5)
