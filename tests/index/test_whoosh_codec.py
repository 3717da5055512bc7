"""The compact postings writer (`whoosh_codec.py`) against Whoosh's own: every term of a real
index, read through Whoosh's public path, holds what Whoosh's writer would have written."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher
from whoosh.filedb.filestore import FileStorage
from whoosh.matching import ListMatcher

from pqsearch.index import store, whoosh_codec
from pqsearch.index.whoosh_codec import (
    POSTINGS_BLOCK,
    POSTINGS_COMPRESSION,
    CompactCodec,
    StockWriterWarning,
    postings_codec,
)
from pqsearch.index.whoosh_format import PUBLIC, PostingsDecoder

Postings = dict[tuple[str, bytes], list[tuple[int, float, Any]]]


@pytest.fixture(scope="module")
def whoosh_index(generated_index: Path) -> Iterator[Any]:
    data = store.live_data_dir(generated_index)
    assert data is not None
    ix = store.open_whoosh(generated_index, data)
    with ix.reader() as reader:
        yield reader


def _public(reader: Any) -> Postings:
    """Every term's (document, weight, value) through Whoosh's public matcher calls."""
    found: Postings = {}
    for field, term in reader.all_terms():
        matcher = reader.postings(field, term)
        postings = []
        while matcher.is_active():
            postings.append((matcher.id(), matcher.weight(), matcher.value()))
            matcher.next()
        found[(field, term)] = postings
    return found


def _lengths(reader: Any) -> dict[tuple[str, bytes], tuple[int, int]]:
    found = {}
    for field, term in reader.all_terms():
        info = reader.term_info(field, term)
        found[(field, term)] = (info.min_length(), info.max_length())
    return found


def _rewritten(leaf: Any, folder: Path, codec: Any) -> Any:
    """The segment `leaf` written again, alone, by `codec`, opened."""
    folder.mkdir()
    ix = FileStorage(str(folder)).create_index(leaf.schema)
    writer = ix.writer(codec=codec, compound=False)
    writer.add_reader(leaf)
    writer.commit()
    return ix


def _bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.suffix in (".pst", ".trm"))


def test_every_term_reads_as_whooshs_own_writer_wrote_it(whoosh_index: Any, tmp_path: Path) -> None:
    stock_codec = W3Codec(blocklimit=POSTINGS_BLOCK, compression=POSTINGS_COMPRESSION)
    leaves = [leaf for leaf, _ in whoosh_index.leaf_readers()]
    assert len(leaves) >= 2
    for number, leaf in enumerate(leaves):
        stock = _rewritten(leaf, tmp_path / f"stock-{number}", stock_codec)
        compact = _rewritten(leaf, tmp_path / f"compact-{number}", postings_codec())
        with stock.reader() as expected, compact.reader() as found:
            assert _public(found) == _public(expected)
            # The shortest and longest document of each term (BM25's block bounds), from the
            # field lengths the compact writer remembers instead of asking for each posting.
            assert _lengths(found) == _lengths(expected)
            if not leaf.has_deletions():
                # The segment as the ingest wrote it (same document numbers).
                assert _public(leaf) == _public(expected)
        assert _bytes(tmp_path / f"compact-{number}") < 0.75 * _bytes(tmp_path / f"stock-{number}")


def test_every_term_is_found_in_a_term_dictionary_of_fewer_hash_slots(
    whoosh_index: Any, tmp_path: Path
) -> None:
    """The term dictionary's hash tables take 1.5 slots per term, not Whoosh's 2 (12 bytes
    each: 6 bytes per term less), and Whoosh's reader finds every term and no other."""
    leaf = max((leaf for leaf, _ in whoosh_index.leaf_readers()), key=lambda one: one.doc_count())
    compact = _rewritten(leaf, tmp_path / "compact", postings_codec())
    with compact.reader() as reader:
        tables = reader._terms._tindex.tables  # Whoosh's HashReader: (position, slots) x 256
        terms = list(reader.all_terms())
        assert len(terms) > 10_000
        assert sum(slots for _, slots in tables) <= 1.5 * len(terms) + len(tables)
        assert all(reader.frequency(field, term) > 0 for field, term in terms)
        assert all(term in reader for term in terms)
        absent = {(field, term + b"zq") for field, term in terms[::7]} - set(terms)
        assert absent and not any(term in reader for term in absent)


def test_rare_terms_are_inlined_and_read_alike_by_both_decoders(whoosh_index: Any) -> None:
    leaf = max((leaf for leaf, _ in whoosh_index.leaf_readers()), key=lambda one: one.doc_count())
    kinds: dict[type, int] = {}
    for field in ("question_words", "answer_lemmas", "author"):
        for term, _ in leaf.iter_field(field):
            matcher = leaf.postings(field, term)
            kinds[type(matcher)] = kinds.get(type(matcher), 0) + 1
            if type(matcher) is ListMatcher:
                values = field.endswith("_words")
                fast = PostingsDecoder().read(leaf.postings(field, term), values=values)
                public = PUBLIC.read(leaf.postings(field, term), values=values)
                assert fast[0].tolist() == public[0].tolist()
                assert fast[1].tolist() == public[1].tolist()
                assert fast[2] == public[2]
    # Both forms are there: most terms of a small index are rare.
    assert kinds[ListMatcher] > kinds[W3LeafMatcher] > 100
    # The segment names Whoosh's own codec: reading never needs pqsearch's writer.
    assert type(leaf.segment().codec()) is W3Codec


def _raising(self: Any, *, last: bool) -> bytes:
    raise AttributeError("'W3PostingsWriter' object has no attribute '_mini_ids'")


_INLINE_POSTINGS = whoosh_codec._CompactPostingsWriter._inline_postings


def _shifted(self: Any) -> tuple[Any, Any, Any]:
    ids, weights, values = _INLINE_POSTINGS(self)
    return tuple(one + 1 for one in ids), weights, values


# A private attribute gone; inlined postings that Whoosh would read as other documents.
@pytest.mark.parametrize(
    ("name", "replacement"), [("_block", _raising), ("_inline_postings", _shifted)]
)
def test_a_writer_that_does_not_write_what_whoosh_reads_is_not_used(
    monkeypatch: pytest.MonkeyPatch, name: str, replacement: Any
) -> None:
    assert type(postings_codec()) is CompactCodec
    monkeypatch.setattr(whoosh_codec._CompactPostingsWriter, name, replacement)
    whoosh_codec._compact_writer_works.cache_clear()
    try:
        with pytest.warns(StockWriterWarning, match="larger index"):
            codec = postings_codec()
        assert type(codec) is W3Codec
        assert (codec._blocklimit, codec._compression) == (POSTINGS_BLOCK, POSTINGS_COMPRESSION)
    finally:
        monkeypatch.undo()
        whoosh_codec._compact_writer_works.cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert type(postings_codec()) is CompactCodec
