"""The compact postings writer (`whoosh_codec.py`) against Whoosh's own: every term of a real
index, read through Whoosh's public path, holds what Whoosh's writer would have written."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher, W3TermsReader
from whoosh.filedb.filestore import FileStorage
from whoosh.matching import ListMatcher

from pqsearch.index import store, whoosh_codec
from pqsearch.index.term_blocks import TermBlocksCodec, TermBlocksReader
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


def _dictionary(reader: Any, terms: list[tuple[str, bytes]]) -> list[Any]:
    """What the term dictionary answers through Whoosh's public reader: each term's counts
    and bounds, the terms from prefixes, field cursors walked and moved, absent terms."""
    found: list[Any] = []
    for field, term in terms:
        info = reader.term_info(field, term)
        found.append(
            (
                (field, term) in reader,
                reader.frequency(field, term),
                reader.doc_frequency(field, term),
                (info.min_id(), info.max_id(), info.max_weight(), info.min_length()),
            )
        )
    for field, term in terms[::97]:
        found.append(list(reader.expand_prefix(field, term[:2])))
        found.append(
            [(key, info.doc_frequency()) for key, info in reader.iter_from(field, term)][:50]
        )
        if reader.is_atomic():  # Whoosh's cursor over several segments calls a missing `term`
            cursor = reader.cursor(field)
            found.append((cursor.text(), cursor.find(term), cursor.next(), cursor.is_valid()))
            found.append(cursor.term_info().doc_frequency() if cursor.is_valid() else None)
    absent = sorted({(field, term + b"zq") for field, term in terms[::7]} - set(terms))
    found.append([(term in reader, reader.doc_frequency(*term)) for term in absent])
    found.append([(field, b"\x00") in reader for field, _ in terms[::500]])
    found.append(sorted(reader.indexed_field_names()))
    return found


def _counts(reader: Any, terms: list[tuple[str, bytes]]) -> list[tuple[bool, float, int]]:
    return [
        (term in reader, reader.frequency(*term), reader.doc_frequency(*term)) for term in terms
    ]


def test_the_term_dictionary_in_blocks_answers_as_whooshs_in_a_third_of_the_bytes(
    whoosh_index: Any, tmp_path: Path
) -> None:
    """Every lookup, prefix, cursor and count the term dictionary gives through Whoosh's
    public reader is the same in blocks as in Whoosh's ordered hash file, which takes more
    than 3 times the bytes even without inlined postings (3.6 times at 64 terms a block)."""
    leaf = max((leaf for leaf, _ in whoosh_index.leaf_readers()), key=lambda one: one.doc_count())
    stock_codec = W3Codec(blocklimit=POSTINGS_BLOCK, compression=POSTINGS_COMPRESSION)
    stock = _rewritten(leaf, tmp_path / "stock", stock_codec)
    compact = _rewritten(leaf, tmp_path / "compact", postings_codec())
    with stock.reader() as expected, compact.reader() as found:
        assert type(found._terms) is TermBlocksReader
        assert type(expected._terms) is W3TermsReader
        terms = list(expected.all_terms())
        assert len(terms) > 10_000
        assert list(found.all_terms()) == terms
        assert _dictionary(found, terms) == _dictionary(expected, terms)
    sizes = {
        name: sum(p.stat().st_size for p in (tmp_path / name).glob("*.trm"))
        for name in ("stock", "compact")
    }
    assert sizes["compact"] * 3 < sizes["stock"]


def test_a_segment_whose_term_dictionary_whoosh_wrote_reads_beside_new_ones(
    whoosh_index: Any, tmp_path: Path
) -> None:
    """An index written before (Whoosh's `.trm`, the stock codec recorded) takes new segments
    in blocks; one reader answers over both as over the old segment alone."""
    leaf = max((leaf for leaf, _ in whoosh_index.leaf_readers()), key=lambda one: one.doc_count())
    stock_codec = W3Codec(blocklimit=POSTINGS_BLOCK, compression=POSTINGS_COMPRESSION)
    ix = _rewritten(leaf, tmp_path / "mixed", stock_codec)
    with ix.reader() as alone:
        terms = list(alone.all_terms())
        expected = (_public(alone), _dictionary(alone, terms), _counts(alone, terms))
    writer = ix.writer(codec=postings_codec(), compound=False)
    writer.add_document(**{name: "zzzunique" for name in ("question_words", "answer_words")})
    writer.commit(merge=False)
    with ix.reader() as reader:
        codecs = sorted(type(sub.segment().codec()).__name__ for sub, _ in reader.leaf_readers())
        assert codecs == ["TermBlocksCodec", "W3Codec"]
        assert reader.doc_frequency("question_words", "zzzunique") == 1
        new = {("question_words", b"zzzunique"), ("answer_words", b"zzzunique")}
        public = {term: postings for term, postings in _public(reader).items() if term not in new}
        # Whoosh's multi-segment term infos combine bounds of their own: counts compared here,
        # the old segment's whole dictionary below.
        assert (public, _counts(reader, terms)) == (expected[0], expected[2])
        # The old segment's file, read by the codec new segments record, as Whoosh reads it.
        old = next(
            sub for sub, _ in reader.leaf_readers() if sub.segment().codec().__class__ is W3Codec
        )
        reading = TermBlocksCodec().terms_reader(old.storage(), old.segment())
        assert type(reading) is W3TermsReader
        assert _dictionary(old, terms) == expected[1]
        reading.close()


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
    # The segment names the codec that reads its term dictionary in blocks, not the writer.
    assert type(leaf.segment().codec()) is TermBlocksCodec


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
