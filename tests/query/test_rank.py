"""The numpy ranker scores every query the way Whoosh's own scorer does, on the real corpus."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pqsearch import api
from pqsearch.index.reader import FrequentTerms, IndexReader
from pqsearch.query import tree as qt
from pqsearch.query.match import matched_docs
from pqsearch.query.rank import Ranker, Scored
from pqsearch.query.search import QueryRunner
from pqsearch.query.syntax import parse_query
from tests.query.whoosh_reference import to_whoosh

QUERIES = [
    "logement",
    "diplomates",
    "région bruxelles",
    "diplomates logement entreprises",
    "bruxelles -logement",
    "logement OR énergie",
    "logement AND bruxelles",
    "titre:bruxelles",
    "question:emploi reponse:emploi",
    '"région de bruxelles-capitale"',
    '"diplomates technologiques" bruxelles',
    "techno*",
    "bruxel* logement",
    "logement secteur:F",
    "bruxelles recu:2021",
    "(logement OR énergie) -bruxelles",
    '"de la"',
    '"de la région de"',
    '"le cadre de la"',
    '"de la région" "en ce qui concerne"',
    'titre:"de la"',
]


@pytest.fixture(scope="module")
def opened(corpus_index: Path) -> IndexReader:
    reader = IndexReader(corpus_index)
    yield reader
    reader.close()


def _whoosh(reader: IndexReader, query: qt.Query) -> dict[int, float]:
    results = reader.searcher.search(to_whoosh(query), limit=None)
    return {hit.docnum: float(hit.score) for hit in results}


@pytest.mark.parametrize("text", QUERIES)
def test_scores_equal_whoosh_scores(opened: IndexReader, text: str) -> None:
    query = QueryRunner(opened).compiler.compile(parse_query(text)).query
    assert query is not None
    expected = _whoosh(opened, query)
    scored = Ranker(opened).score(query)
    assert expected, f"{text!r} should match something in the corpus"
    # The documents are those the total counts (Whoosh's own NOT can let one through).
    assert scored.docs.tolist() == matched_docs(opened, query).tolist()
    if "-" not in text:
        assert sorted(expected) == scored.docs.tolist()
    if "*" in text:
        return  # see test_a_prefix_scores_as_the_or_of_its_words
    got = dict(zip(scored.docs.tolist(), scored.scores.tolist(), strict=True))
    # Every document we find, Whoosh finds too (with a negation, it may find more).
    for docnum, score in got.items():
        assert score == pytest.approx(expected[docnum], rel=1e-5), (text, docnum)


def test_the_order_is_whooshs_order(opened: IndexReader) -> None:
    query = QueryRunner(opened).compiler.compile(parse_query("bruxelles emploi")).query
    assert query is not None
    expected = [hit.docnum for hit in opened.searcher.search(to_whoosh(query), limit=10)]
    scored = Ranker(opened).score(query)
    assert [doc for doc, _ in scored.top(0, 10)] == expected


def test_a_bare_not_inside_an_or_scores_its_boost(opened: IndexReader) -> None:
    """Once left to Whoosh's searcher: `logement OR -bruxelles` is ranked by our ranker."""
    query = QueryRunner(opened).compiler.compile(parse_query("logement OR -bruxelles")).query
    assert isinstance(query, qt.Or) and isinstance(query.items[1], qt.Not)
    scored = Ranker(opened).score(query)
    housing = set(matched_docs(opened, qt.Term("question_words", "logement")).tolist())
    brussels = matched_docs(opened, query.items[1].item)
    got = dict(zip(scored.docs.tolist(), scored.scores.tolist(), strict=True))
    without = set(opened.live_docs.tolist()) - set(brussels.tolist())
    assert without and set(got) >= without
    assert all(got[doc] >= 1.0 for doc in without)
    expected = _whoosh(opened, query)
    for docnum in set(got) & set(expected):
        assert got[docnum] == pytest.approx(expected[docnum], rel=1e-5)
    assert housing & set(got)


def test_top_breaks_ties_by_document_number_across_the_page_edge() -> None:
    scored = Scored(np.arange(10, dtype=np.int64), np.array([1.0, 3, 2, 2, 2, 2, 0, 2, 5, 2]))
    assert scored.top(0, 3) == [(8, 5.0), (1, 3.0), (2, 2.0)]
    assert scored.top(3, 6) == [(3, 2.0), (4, 2.0), (5, 2.0)]
    assert scored.top(6, 20) == [(7, 2.0), (9, 2.0), (0, 1.0), (6, 0.0)]
    assert scored.top(20, 30) == []


def test_search_pages_come_from_the_ranker_and_agree_with_the_total(index: api.Index) -> None:
    result = index.search("bruxelles logement", limit=1000, facets=[])
    assert len(result.hits) == result.total > 20
    scores = [hit.score for hit in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] > 0


def test_a_prefix_scores_as_the_or_of_its_words(opened: IndexReader) -> None:
    words = [w.decode() for w in opened.reader.expand_prefix("answer_lemmas", "techno")]
    assert len(words) > 1
    ranker = Ranker(opened)
    prefix = ranker.score(qt.Prefix("answer_lemmas", "techno", boost=3.0))
    spelled = ranker.score(qt.Or(tuple(qt.Term("answer_lemmas", w) for w in words), boost=3.0))
    assert prefix.docs.tolist() == spelled.docs.tolist()
    assert prefix.scores.tolist() == pytest.approx(spelled.scores.tolist())


def _everything(searcher: QueryRunner, text: str) -> tuple[object, ...]:
    result = searcher.search(text, limit=50, facets=["session", "sector", "received_year"])
    hits = tuple((hit.id, round(hit.score, 9), hit.highlights) for hit in result.hits)
    return result.total, hits, result.facets, result.suggestions


def test_what_a_reader_keeps_of_frequent_terms_changes_no_result(corpus_index: Path) -> None:
    """Every term counts as frequent here (the corpus is small), so each search below is
    answered from what the first pass kept: postings, weights and phrase positions."""
    plain = IndexReader(corpus_index, cache_bytes=0)
    keeping = IndexReader(corpus_index)
    keeping._frequent = FrequentTerms(min_postings=1)
    try:
        expected = [_everything(QueryRunner(plain), text) for text in QUERIES]
        for _ in range(2):
            assert [_everything(QueryRunner(keeping), text) for text in QUERIES] == expected
        assert keeping._frequent.size > 0
        assert plain._frequent.size == 0
    finally:
        plain.close()
        keeping.close()


def test_frequent_terms_drop_the_least_recently_used_past_their_budget() -> None:
    kept = FrequentTerms(min_postings=1, budget_bytes=100)
    kept.offer("postings", "f", "a", "A", 40)
    kept.offer("postings", "f", "b", "B", 40)
    assert kept.get("postings", "f", "a") == "A"  # now the most recently used
    kept.offer("postings", "f", "c", "C", 40)
    assert kept.get("postings", "f", "b") is None
    assert kept.get("postings", "f", "a") == "A"
    assert kept.get("postings", "f", "c") == "C"
    assert kept.size == 80
    kept.offer("postings", "f", "huge", "H", 101)
    assert kept.get("postings", "f", "huge") is None
    assert not FrequentTerms(min_postings=10).wanted(9)
