"""What a phrase decodes: every posting's positions at once, and only the candidates' in a
fresh process.

The fast decoder unpickles all the postings' position lists in one call; here it is checked
against Whoosh's own `decode_positions` on values of every shape its `Positions` format
writes (no position, one, a thousand and more, large gaps, with and without the final STOP
byte). That phrases give the same documents however much is decoded is checked on the
generated index (tests/query/test_generated_index.py).
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from whoosh.formats import Positions

from pqsearch.index.postings import FrequentTerms
from pqsearch.index.reader import IndexReader
from pqsearch.index.shared_arrays import SharedArrays
from pqsearch.index.whoosh_format import PUBLIC, PostingsDecoder
from pqsearch.query.search import QueryRunner


def _values(seed: int) -> list[bytes]:
    rng = random.Random(seed)
    format_ = Positions()
    values = []
    for _ in range(400):
        count = rng.choice([0, 1, 1, 2, 5, 40, 1500])
        positions = sorted(rng.sample(range(200_000), count))
        value = format_.encode(positions)
        # The codec stores values without pickle's STOP byte; keep some with it.
        values.append(value if rng.random() < 0.2 else value.removesuffix(b"."))
    return values


def test_all_positions_at_once_are_whooshs_one_by_one() -> None:
    format_ = Positions()
    for seed in range(3):
        values = _values(seed)
        starts, flat = PostingsDecoder().positions(format_, values)
        expected_starts, expected_flat = PUBLIC.positions(format_, values)
        assert np.array_equal(starts, expected_starts)
        assert np.array_equal(flat, expected_flat)
        assert flat.dtype == expected_flat.dtype
    starts, flat = PostingsDecoder().positions(format_, [])
    assert starts.tolist() == [0] and len(flat) == 0


def test_a_frequent_term_is_decoded_whole_when_half_is_needed_or_asked_again() -> None:
    kept = FrequentTerms()
    assert not kept.decode_all_now("question_words", "de", needed=10, postings=1000)
    assert kept.decode_all_now("question_words", "de", needed=10, postings=1000)
    assert kept.decode_all_now("question_words", "la", needed=500, postings=1000)


def test_a_fresh_reader_keeps_a_frequent_words_positions_from_its_second_phrase(
    generated_index: Path,
) -> None:
    """ "de" is in most documents of the generated index, "de la région" in fewer than half:
    the first phrase decodes its candidates only, the second every posting (kept), and both
    find what a reader keeping nothing finds."""
    shared = SharedArrays()
    shared.frequent = FrequentTerms(min_postings=100)
    plain = IndexReader(generated_index, cache_bytes=0)
    fresh = IndexReader(generated_index, shared=shared)
    try:
        expected = QueryRunner(plain).search('"de la région"', facets=[], limit=50)
        assert expected.total > 0
        first = QueryRunner(fresh).search('"de la région"', facets=[], limit=50)
        assert shared.frequent.get("positions", "question_words", "de") is None
        second = QueryRunner(fresh).search('"de la région"', facets=[], limit=50)
        assert shared.frequent.get("positions", "question_words", "de") is not None
        assert first == second == expected
    finally:
        plain.close()
        fresh.close()
