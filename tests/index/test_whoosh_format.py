"""The fast postings decoder (`whoosh_format.py`) against Whoosh's public reading, on an
index whose frequent terms span many blocks of 128 postings in several segments."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import whoosh
from whoosh.codec.whoosh3 import W3LeafMatcher

from pqsearch.errors import DamagedIndexError
from pqsearch.index import whoosh_format
from pqsearch.index.reader import IndexReader
from pqsearch.index.whoosh_format import PUBLIC, PostingsDecoder, SlowDecodingWarning, check_format
from pqsearch.query.search import QueryRunner

FAST = PostingsDecoder()
# (field, term): positions, frequencies, existence; frequent and rare ("": the field's most
# frequent term).
TERMS = [
    ("question_words", "de"),
    ("question_words", "bruxelles"),
    ("answer_words", "la"),
    ("question_lemmas", ""),
    ("answer_lemmas", ""),
    ("title_lemmas", "bruxelles"),
    ("language", "fr"),
    ("status", "answered"),
]


@pytest.fixture(scope="module")
def opened(generated_index: Path) -> Iterator[IndexReader]:
    reader = IndexReader(generated_index)
    yield reader
    reader.close()


@pytest.mark.parametrize(("field", "term"), TERMS)
def test_fast_and_public_paths_read_the_same_postings(
    opened: IndexReader, field: str, term: str
) -> None:
    if not term:
        ((_, found),) = opened.reader.most_frequent_terms(field, 1)
        term = found.decode("utf-8")
        assert opened.reader.doc_frequency(field, term) > 128
    format_ = opened.searcher.schema[field].format
    leaves = [leaf for leaf, _ in opened.reader.leaf_readers() if (field, term) in leaf]
    assert len(leaves) >= 2
    for leaf in leaves:
        ids, weights, values = FAST.read(leaf.postings(field, term), values=True)
        expected = PUBLIC.read(leaf.postings(field, term), values=True)
        assert ids.tolist() == expected[0].tolist()
        assert weights.tolist() == expected[1].tolist()
        assert values == expected[2]
        if field.endswith("_words"):
            starts, flat = FAST.positions(format_, values)
            expected_starts, expected_flat = PUBLIC.positions(format_, expected[2])
            assert starts.tolist() == expected_starts.tolist()
            assert flat.tolist() == expected_flat.tolist()
    biggest = max(leaves, key=lambda leaf: leaf.doc_count_all())
    # Blocks, not inlined postings: the fast path really reads them.
    assert type(biggest.postings(field, term)) is W3LeafMatcher
    assert len(FAST.ids(biggest.postings("question_words", "de"))) > 4 * 128


def test_the_readers_positions_are_whooshs_across_blocks_and_segments(opened: IndexReader) -> None:
    docs = opened.term_docs("question_words", "de")
    assert len(docs) > 4 * 128
    found_docs, positions = opened.term_positions("question_words", "de", docs)
    expected: list[tuple[int, int]] = []
    for leaf, offset in opened.reader.leaf_readers():
        matcher = leaf.postings("question_words", "de")
        while matcher.is_active():
            if not leaf.is_deleted(matcher.id()):
                expected += [(matcher.id() + offset, p) for p in matcher.value_as("positions")]
            matcher.next()
    assert list(zip(found_docs.tolist(), positions.tolist(), strict=True)) == expected


def test_the_check_at_open_keeps_the_fast_path_on_this_whoosh(opened: IndexReader) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert check_format(opened.reader) == FAST
    assert opened.decoder.fast


def test_a_changed_layout_is_caught_at_open_and_read_the_public_way(
    generated_index: Path, opened: IndexReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As if a Whoosh release stored a longer header before each posting's positions."""
    texts = ['"de la région"', '"région de bruxelles-capitale"', "bruxelles emploi"]
    expected = [QueryRunner(opened).search(text, limit=30, facets=[]) for text in texts]
    monkeypatch.setattr(whoosh_format, "_COUNT_BYTES", 3)
    # A release has its own version: a verdict stamped for this one does not apply to it.
    monkeypatch.setattr(whoosh, "versionstring", lambda *args, **kwargs: "2.7.99")
    with pytest.warns(SlowDecodingWarning, match="positions|question_words"):
        slow = IndexReader(generated_index)
    try:
        assert not slow.decoder.fast
        assert [QueryRunner(slow).search(text, limit=30, facets=[]) for text in texts] == expected
    finally:
        slow.close()


def test_undecodable_positions_are_damage_and_a_bug_of_ours_keeps_its_traceback(
    opened: IndexReader,
) -> None:
    with pytest.raises(DamagedIndexError, match="rebuild"):
        opened._decode("question_words", [b"\x01\x00\x00\x00\x80garbage"])
    with pytest.raises(TypeError):
        opened._decode("question_words", [12345])


def test_public_reading_of_a_fresh_matcher_needs_no_private_attribute(opened: IndexReader) -> None:
    leaf = next(leaf for leaf, _ in opened.reader.leaf_readers())
    matcher = leaf.postings("question_words", "de")
    matcher.next()  # no longer fresh: the fast path must not start mid-block
    ids = FAST.ids(matcher)
    assert np.array_equal(ids, PUBLIC.ids(leaf.postings("question_words", "de"))[1:])
