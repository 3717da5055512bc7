"""`cache_mb`: what an open index keeps of its frequent terms stays within that budget.

That the results do not depend on it is checked on the generated index
(tests/query/test_generated_index.py); here, the budget itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pqsearch import api
from pqsearch.index import reader as reader_module
from pqsearch.index.postings import FrequentTerms
from pqsearch.index.reader import IndexReader
from pqsearch.index.shared_arrays import SharedArrays
from pqsearch.query.search import QueryRunner

QUERIES = ["bruxelles", "région logement", '"de la région"', "minist*", "emploi énergie"]


def test_cache_mb_is_the_budget_of_every_reader_of_an_open_index(corpus_index: Path) -> None:
    for cache_mb in (0, 3):
        with api.open_index(corpus_index, cache_mb=cache_mb) as index:
            index.search("bruxelles")
            with index._pool.lease() as view:
                frequent = view.reader._shared.frequent
        assert frequent.budget_bytes == cache_mb << 20
        assert frequent.wanted(10**6) is (cache_mb > 0)


def test_the_least_recently_used_terms_go_past_the_budget() -> None:
    kept = FrequentTerms(min_postings=1, budget_bytes=1000)
    for word in ("a", "b", "c"):
        kept.offer("postings", "question_words", word, word.upper(), 400)
        assert kept.size <= kept.budget_bytes
    assert kept.get("postings", "question_words", "a") is None
    assert kept.get("postings", "question_words", "b") == "B"  # now the most recent
    kept.offer("postings", "question_words", "d", "D", 400)
    assert kept.get("postings", "question_words", "c") is None
    assert kept.get("postings", "question_words", "b") == "B"
    assert kept.size == 800
    # A term larger than the whole budget is not kept, and drops nothing.
    kept.offer("postings", "question_words", "huge", "H", 1001)
    assert kept.get("postings", "question_words", "huge") is None
    assert kept.size == 800


def test_a_zero_budget_keeps_nothing() -> None:
    kept = FrequentTerms(min_postings=1, budget_bytes=0)
    assert not kept.wanted(10**6)


def test_a_small_budget_bounds_what_real_searches_keep(generated_index: Path) -> None:
    """On the generated index, every term's documents are worth keeping and the positions of
    those in 100 documents or more: a budget of 64 KiB holds some of them, never more than
    the budget, and changes no result."""
    budget = 64 << 10
    shared = SharedArrays(cache_bytes=budget)
    shared.frequent = FrequentTerms(min_postings=100, budget_bytes=budget)
    plain = IndexReader(generated_index, cache_bytes=0)
    small = IndexReader(generated_index, shared=shared)
    try:
        for _ in range(2):
            for text in QUERIES:
                expected = QueryRunner(plain).search(text, limit=50, facets=[])
                assert QueryRunner(small).search(text, limit=50, facets=[]) == expected
                assert 0 < shared.frequent.size <= budget
        assert plain._shared.frequent.size == 0
    finally:
        plain.close()
        small.close()


def test_a_rare_word_is_read_from_the_index_once(
    generated_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word of a few documents is kept as a frequent one is: reading it again through
    Whoosh cost 150 µs, a fixed cost of every search that meets it."""
    reads: list[tuple[str, str]] = []
    read_term = reader_module.read_term

    def counted(leaves: Any, decoder: Any, field: str, text: str, **options: Any) -> Any:
        reads.append((field, text))
        return read_term(leaves, decoder, field, text, **options)

    monkeypatch.setattr(reader_module, "read_term", counted)
    with IndexReader(generated_index) as reader:
        rare = next(
            term
            for term in (t.decode() for t in reader.reader.lexicon("question_lemmas"))
            if 2 <= reader.doc_frequency("question_lemmas", term) <= 5 and term.isalpha()
        )
        runner = QueryRunner(reader)
        first = runner.search(rare, facets=[])
        assert first.total and ("question_lemmas", rare) in reads
        read_once = len(reads)
        assert runner.search(rare, facets=[]) == first
        assert len(reads) == read_once
