"""Our matching and ranking against Whoosh's own searcher on a generated index of about
2,000 documents: terms in many blocks of 128 postings, four segments, deleted documents.

Every query form the syntax has (words, phrases, prefixes, AND/OR/NOT, field-restricted
words, metadata values, dates) and the filters are compiled to our tree, then evaluated by
us and, through the same tree translated (`whoosh_reference.py`), by Whoosh.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pqsearch import api
from pqsearch.index.postings import FrequentTerms
from pqsearch.index.reader import IndexReader
from pqsearch.index.shared_arrays import SharedArrays
from pqsearch.query import tree as qt
from pqsearch.query.match import matched_docs
from pqsearch.query.rank import Ranker
from pqsearch.query.search import Filters, QueryRunner, filter_query
from pqsearch.query.syntax import parse_query
from tests.query.whoosh_reference import to_whoosh

QUERIES = [
    "bruxelles",
    "région bruxelles",
    "logement énergie emploi",
    '"de la région"',
    '"région de bruxelles-capitale" emploi',
    'titre:"de la"',
    "minist*",
    "région*",
    "bruxel* logement",
    "région AND bruxelles",
    "logement OR énergie",
    "région AND (bruxelles OR logement)",
    "bruxelles -région",
    "-bruxelles",
    "bruxelles OR -région",
    "(logement OR énergie) -bruxelles",
    "titre:bruxelles",
    "question:emploi reponse:emploi",
    "logement recu:2015",
    "bruxelles statut:repondu",
    "région langue:fr",
]


@pytest.fixture(scope="module")
def opened(generated_index: Path) -> Iterator[IndexReader]:
    reader = IndexReader(generated_index)
    yield reader
    reader.close()


def test_the_index_is_multi_segment_multi_block_with_deletions(opened: IndexReader) -> None:
    segments = [int(leaf.doc_count_all()) for leaf, _ in opened.reader.leaf_readers()]
    assert len(segments) >= 3
    assert opened.reader.has_deletions() and opened.doc_count < opened.doc_count_all
    biggest = max(opened.reader.leaf_readers(), key=lambda pair: pair[0].doc_count_all())[0]
    assert biggest.doc_frequency("question_words", "de") > 4 * 128


def _tree(opened: IndexReader, text: str) -> qt.Query:
    query = QueryRunner(opened).compiler.compile(parse_query(text)).query
    assert query is not None
    return query


def _whoosh(
    opened: IndexReader, query: qt.Query, restrict: qt.Query | None = None
) -> dict[int, float]:
    """Whoosh's hits and scores for the same tree, a prefix spelled as its words."""
    results = opened.searcher.search(
        to_whoosh(query, spell_prefixes=opened),
        filter=None if restrict is None else to_whoosh(restrict),
        limit=None,
    )
    return {hit.docnum: float(hit.score) for hit in results}


def _assert_same(ours: dict[int, float], whoosh: dict[int, float]) -> None:
    assert sorted(ours) == sorted(whoosh)
    for docnum, score in whoosh.items():
        assert ours[docnum] == pytest.approx(score, rel=1e-5), docnum


def _has_negation(query: qt.Query) -> bool:
    return isinstance(query, qt.Not | qt.AndNot) or any(map(_has_negation, qt.children(query)))


def _reference_docs(opened: IndexReader, query: qt.Query) -> set[int]:
    """The documents Whoosh finds for `query`, its negations taken as set differences of
    what Whoosh finds: its own AND NOT lets documents through ((logement OR énergie)
    -bruxelles finds two documents with "bruxelles" in the text here)."""
    if not _has_negation(query):
        return set(_whoosh(opened, query))
    if isinstance(query, qt.AndNot):
        positive = _reference_docs(opened, query.positive)
        return positive - _reference_docs(opened, query.negative)
    if isinstance(query, qt.Not):
        return set(opened.live_docs.tolist()) - _reference_docs(opened, query.item)
    parts = [_reference_docs(opened, item) for item in qt.children(query)]
    assert isinstance(query, qt.And | qt.Or)
    return set.intersection(*parts) if isinstance(query, qt.And) else set.union(*parts)


@pytest.mark.parametrize("text", QUERIES)
def test_hits_and_scores_equal_whooshs(opened: IndexReader, text: str) -> None:
    query = _tree(opened, text)
    expected = _whoosh(opened, query)
    assert expected, f"{text!r} should match something"
    scored = Ranker(opened).score(query)
    ours = dict(zip(scored.docs.tolist(), scored.scores.tolist(), strict=True))
    assert matched_docs(opened, query).tolist() == scored.docs.tolist()
    if not _has_negation(query):
        _assert_same(ours, expected)
        return
    assert set(ours) == _reference_docs(opened, query)
    for docnum, score in ours.items():
        assert score == pytest.approx(expected[docnum], rel=1e-5), docnum


def test_whooshs_and_not_lets_excluded_documents_through(opened: IndexReader) -> None:
    """Why negations are checked against set differences (and why none is left to Whoosh):
    the documents Whoosh adds do hold the excluded word."""
    query = _tree(opened, "(logement OR énergie) -bruxelles")
    extra = set(_whoosh(opened, query)) - set(matched_docs(opened, query).tolist())
    assert extra
    for docnum in extra:
        question = opened.record(docnum)["question"]
        text = " ".join(str(question[k] or "") for k in ("title", "question", "answer"))
        assert "bruxelles" in text.lower()


def test_a_question_number_finds_what_whoosh_finds(opened: IndexReader) -> None:
    brussels = matched_docs(opened, _tree(opened, "bruxelles"))
    number = opened.record(int(brussels[7]))["question"]["number"]
    query = _tree(opened, f"numero:{number} bruxelles")
    expected = _whoosh(opened, query)
    assert int(brussels[7]) in expected
    scored = Ranker(opened).score(query)
    _assert_same(dict(zip(scored.docs.tolist(), scored.scores.tolist(), strict=True)), expected)


def _filters(opened: IndexReader) -> list[Filters]:
    return [
        Filters(status="answered"),
        Filters(date_from="2010", date_to="2014"),
        Filters(date_from="2012-03", date_field="answered"),
        Filters(session=(opened.field_values("session")[3],)),
        Filters(author=opened.field_values("author")[:2], language=("fr",)),
        Filters(portfolio=(opened.field_values("portfolios")[0],), status="unanswered"),
    ]


@pytest.mark.parametrize("text", ["bruxelles", "région logement", '"de la région"', "minist*"])
def test_filtered_hits_and_scores_equal_whooshs(opened: IndexReader, text: str) -> None:
    runner = QueryRunner(opened)
    query = _tree(opened, text)
    for filters in _filters(opened):
        restrict = filter_query(runner.compiler, filters)
        assert restrict is not None
        expected = _whoosh(opened, query, restrict)
        scored = Ranker(opened).score(query).within(matched_docs(opened, restrict))
        ours = dict(zip(scored.docs.tolist(), scored.scores.tolist(), strict=True))
        _assert_same(ours, expected)
        result = runner.search(text, filters=filters, limit=20, facets=[], highlight=False)
        assert result.total == len(expected)
        top = sorted(expected.values(), reverse=True)[:20]
        assert [hit.score for hit in result.hits] == pytest.approx(top, rel=1e-5)


def test_every_filter_finds_documents(opened: IndexReader) -> None:
    runner = QueryRunner(opened)
    for filters in _filters(opened):
        result = runner.search("", filters=filters, limit=0, facets=[])
        restrict = filter_query(runner.compiler, filters)
        assert restrict is not None
        assert 0 < result.total == len(_whoosh(opened, qt.Every(), restrict)), filters


def _everything(index: api.Index | QueryRunner, text: str) -> tuple[object, ...]:
    result = index.search(text, limit=50, facets=["session", "status", "received_year"])
    hits = tuple((hit.id, round(hit.score, 9), hit.highlights) for hit in result.hits)
    return result.total, hits, result.facets, result.suggestions


def test_cache_mb_zero_and_default_give_the_same_results(generated_index: Path) -> None:
    with api.open_index(generated_index, cache_mb=0) as plain:
        expected = [_everything(plain, text) for text in QUERIES]
    with api.open_index(generated_index) as caching:
        for _ in range(2):
            assert [_everything(caching, text) for text in QUERIES] == expected


def test_what_is_kept_of_frequent_terms_changes_no_result(generated_index: Path) -> None:
    """Few terms of this index reach the default threshold (4,096 postings): here every term
    in more than 100 documents is kept, postings and phrase positions, across segments."""
    shared = SharedArrays()
    shared.frequent = FrequentTerms(min_postings=100)
    plain = IndexReader(generated_index, cache_bytes=0)
    keeping = IndexReader(generated_index, shared=shared)
    try:
        expected = [_everything(QueryRunner(plain), text) for text in QUERIES]
        for _ in range(2):  # the second pass is answered from what the first kept
            assert [_everything(QueryRunner(keeping), text) for text in QUERIES] == expected
        assert shared.frequent.get("positions", "question_words", "de") is not None
        assert shared.frequent.get("postings", "question_words", "bruxelles") is not None
    finally:
        plain.close()
        keeping.close()
