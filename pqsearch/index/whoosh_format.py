"""Whoosh's on-disk postings read as numpy arrays: the one module that relies on Whoosh's
private layout, and checks it against Whoosh's public reading whenever an index is opened.

Whoosh-Reloaded 2.7 (pinned) stores a term's postings in blocks (of 128, or of
`POSTINGS_BLOCK` in segments written since): one pickled, zlib-compressed tuple of
delta-coded ids, weights and values (for the surface-word fields, each posting's positions:
a uint32 count and the pickled position deltas without pickle's final STOP byte). Its public
matcher decodes them one posting and one Python call at a time; a search over 100,000
documents spent most of its time there. The fast path here reads each
block's tuple at once through the block matcher's private attributes (`_data`,
`_blocklength`, `_byteids`, `_i`, `_read_data`, `_next_block`, `_read_values`, `_values`;
`_postfile`, `_startoffset` and `_length` to ask for the list's bytes before reading them)
and the positions' byte layout. Segments written since by `whoosh_codec.py` pickle the same
tuples in protocol 3 (any unpickler reads both) and inline a rare term's few postings into its
term-dictionary entry, which Whoosh's public path reads (a `ListMatcher`): so does this one.

`check_format` decodes a sample of the index both ways when a reader opens it (a frequent
term of a lemma, a surface-word and a metadata field, over several blocks). If they differ,
or the private attributes are gone, a `SlowDecodingWarning` says so and every read takes the
public path: slower, never wrong.
"""

from __future__ import annotations

import contextlib
import itertools
import pickle
import warnings
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import whoosh
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.formats import Positions

from pqsearch.index.array_file import will_need
from pqsearch.index.postings import FloatArray, IntArray, PositionArray
from pqsearch.index.schema import LEMMA_FIELDS, WORD_FIELDS

# New segments (every commit and merge of an ingest) are written with blocks of 512 postings
# compressed at zlib level 6 (`whoosh_codec.py`, which writes them): 10 % smaller postings
# than Whoosh's default of 128 at level 3, mostly the positions of the surface-word fields
# (level 9 gains 0.2 % more for a slower write). Segments written before keep their blocks of
# 128 and read as before: reading never depends on these.
POSTINGS_BLOCK = 512
POSTINGS_COMPRESSION = 6
# Terms decoded both ways at open: a few blocks (of 128 in older segments, 512 in newer), so
# that moving from one block to the next is checked too; fields of each posting format
# (frequencies, positions, existence).
SAMPLE_POSTINGS = 2 * POSTINGS_BLOCK + 1
SAMPLE_FIELDS = (LEMMA_FIELDS["question"], WORD_FIELDS["question"], "language")
# Of the first terms of a field, the most frequent is the sample: reading the whole
# vocabulary for the most frequent of all would cost more than the check itself.
SAMPLE_CANDIDATES = 200
_COUNT_BYTES = 4


class SlowDecodingWarning(RuntimeWarning):
    """This Whoosh version's postings are not what the fast decoder expects."""


class DecodingError(Exception):
    """Bytes read from the index that do not decode: a damaged file."""


@dataclass(frozen=True)
class PostingsDecoder:
    """Reads postings through the fast path when `fast`, else through Whoosh's public calls."""

    fast: bool = True

    def read(self, matcher: Any, *, values: bool) -> tuple[IntArray, FloatArray, list[Any]]:
        """Document numbers, weights and (with `values`) raw values of a fresh matcher."""
        if self.fast and type(matcher) is W3LeafMatcher and matcher._i == 0:
            return _read_blocks(matcher, values=values)
        return _read_public(matcher, values=values)

    def ids(self, matcher: Any) -> IntArray:
        """The document numbers of a fresh matcher, in order."""
        return self.read(matcher, values=False)[0]

    def positions(self, format_: Any, values: list[Any]) -> tuple[IntArray, PositionArray]:
        """Posting values to (starts, flat positions): the positions of posting i are
        flat[starts[i]:starts[i + 1]]."""
        if self.fast and type(format_) is Positions:
            deltas = _deltas_at_once(values)
            if deltas is not None:
                return _accumulated(deltas)
            lists = [_decode_positions(value) for value in values]
        else:
            lists = [format_.decode_positions(value) for value in values]
        starts = _starts(lists)
        flat = np.fromiter(itertools.chain.from_iterable(lists), np.int32, int(starts[-1]))
        return starts, flat


PUBLIC = PostingsDecoder(fast=False)


def read_term(
    leaves: list[tuple[Any, int]], decoder: PostingsDecoder, field: str, text: str, *, values: bool
) -> tuple[IntArray, FloatArray, list[Any]]:
    """One term's postings over every segment (`leaves`: each segment's reader and its
    first document number): the live documents' numbers, weights and, with `values`, raw
    values."""
    ids: list[IntArray] = []
    weights: list[FloatArray] = []
    raw: list[Any] = []
    for leaf, offset in leaves:
        if (field, text) in leaf:
            found, weight, found_values = decoder.read(leaf.postings(field, text), values=values)
            ids.append(found + offset)
            weights.append(weight)
            raw.extend(found_values)
    if len(ids) == 1:
        return ids[0], weights[0], raw
    if ids:
        return np.concatenate(ids), np.concatenate(weights), raw
    return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64), raw


def check_format(reader: Any) -> PostingsDecoder:
    """The decoder for the index `reader` reads: the fast one when it decodes a sample of
    this index as Whoosh's public path does, else the public one (with a warning).

    Errors of the public path (a damaged file) pass through to the caller.
    """
    # A segment with deletions gives filtering matchers, which the fast path leaves to the
    # public one: the sample comes from the largest segment without.
    leaves = [
        leaf
        for leaf, _ in reader.leaf_readers()
        if leaf.doc_count_all() and not leaf.has_deletions()
    ]
    if not leaves:
        return PostingsDecoder()
    leaf = max(leaves, key=lambda one: int(one.doc_count_all()))
    for field in SAMPLE_FIELDS:
        term = _sample_term(leaf, field)
        if term is None:
            continue
        problem = _compare(leaf, field, term)
        if problem is not None:
            warnings.warn(
                f"pqsearch's fast postings decoder does not read this index as Whoosh "
                f"{whoosh.versionstring()} does ({problem}); searches read postings through "
                "Whoosh's public calls, several times slower. pqsearch is built for "
                "Whoosh-Reloaded 2.7.5: install that version for full speed.",
                SlowDecodingWarning,
                stacklevel=2,
            )
            return PUBLIC
    return PostingsDecoder()


def _sample_term(leaf: Any, field: str) -> bytes | None:
    if field not in leaf.schema or not leaf.schema[field].indexed:
        return None
    best: tuple[int, bytes] | None = None
    for term, info in itertools.islice(leaf.iter_field(field), SAMPLE_CANDIDATES):
        frequency = int(info.doc_frequency())
        if best is None or frequency > best[0]:
            best = (frequency, term if isinstance(term, bytes) else str(term).encode())
    return None if best is None else best[1]


def _compare(leaf: Any, field: str, term: bytes) -> str | None:
    """What differs between the two paths on one term's first postings (None: nothing)."""
    if type(leaf.postings(field, term)) is not W3LeafMatcher:
        return None  # inlined postings: the fast path leaves them to the public one too
    format_ = leaf.schema[field].format
    values = isinstance(format_, Positions)
    expected = _read_public(leaf.postings(field, term), values=values, limit=SAMPLE_POSTINGS)
    expected_positions = PUBLIC.positions(format_, expected[2]) if values else None
    try:
        found = _read_blocks(leaf.postings(field, term), values=values, limit=SAMPLE_POSTINGS)
        found_positions = PostingsDecoder().positions(format_, found[2]) if values else None
    except Exception as error:  # whatever the private path breaks on, it is not usable
        return f"{field}: {type(error).__name__}: {error}"
    if not np.array_equal(found[0], expected[0]):
        return f"{field}: document numbers differ"
    if not np.array_equal(found[1], expected[1]):
        return f"{field}: weights differ"
    if expected_positions is not None and found_positions is not None:
        starts_same = np.array_equal(found_positions[0], expected_positions[0])
        if not starts_same or not np.array_equal(found_positions[1], expected_positions[1]):
            return f"{field}: positions differ"
    return None


def _read_public(
    matcher: Any, *, values: bool, limit: int | None = None
) -> tuple[IntArray, FloatArray, list[Any]]:
    """Whoosh's public, one-call-per-posting path."""
    found: list[int] = []
    weights: list[float] = []
    raw: list[Any] = []
    while matcher.is_active() and (limit is None or len(found) < limit):
        found.append(matcher.id())
        weights.append(matcher.weight())
        if values:
            raw.append(matcher.value())
        matcher.next()
    return np.array(found, dtype=np.int64), np.array(weights, dtype=np.float64), raw


def _read_blocks(
    matcher: Any, *, values: bool, limit: int | None = None
) -> tuple[IntArray, FloatArray, list[Any]]:
    """A block at a time, through the matcher's private attributes (see the module)."""
    id_blocks: list[IntArray] = []
    weight_blocks: list[FloatArray] = []
    raw: list[Any] = []
    read = 0
    if limit is None:
        _read_ahead(matcher)
    while matcher.is_active() and (limit is None or read < limit):
        if matcher._data is None:
            matcher._read_data()
        ids, weights = matcher._data[0], matcher._data[1]
        count = int(matcher._blocklength)
        if matcher._byteids:
            id_blocks.append(np.asarray(ids, dtype=np.int64))
        else:
            id_blocks.append(np.cumsum(np.asarray(ids, dtype=np.int64)))
        if weights is None:
            weight_blocks.append(np.ones(count, dtype=np.float64))
        elif isinstance(weights, float):
            weight_blocks.append(np.full(count, weights, dtype=np.float64))
        else:
            weight_blocks.append(np.asarray(weights, dtype=np.float64))
        if values:
            matcher._read_values()
            raw.extend(matcher._values)
        read += count
        matcher._next_block()
    if not id_blocks:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64), raw
    ids_read, weights_read = np.concatenate(id_blocks), np.concatenate(weight_blocks)
    if limit is not None:
        return ids_read[:limit], weights_read[:limit], raw[:limit]
    return ids_read, weights_read, raw


def _read_ahead(matcher: Any) -> None:
    """Have the kernel read the term's whole posting list in the background: read a block
    at a time, a list of 100,000 postings (2 MB) not in memory came in small requests as
    its blocks were decoded."""
    fileno = getattr(matcher._postfile, "fileno", None)  # not for a file in memory
    if fileno is None:
        return
    # Whoosh 2.7 keeps the length as it unpacked it: a one-item tuple.
    length = matcher._length
    length = length[0] if isinstance(length, tuple) and len(length) == 1 else length
    with contextlib.suppress(OSError, ValueError, TypeError):
        will_need(fileno(), int(matcher._startoffset), int(length))


def _deltas_at_once(values: list[Any]) -> list[list[int]] | None:
    """Every posting's position deltas from one `pickle.loads`: the bodies (each a pickled
    list) between a MARK and a TUPLE. A Python call per posting was most of a phrase's
    decoding (100,000 postings: 0.3 s against 0.17 s). None when the values are not all
    such bytes, or do not unpickle together: `_decode_positions` then says which is wrong."""
    try:
        bodies = [value[_COUNT_BYTES:].removesuffix(b".") for value in values]
        lists = pickle.loads(b"\x80\x02(" + b"".join(bodies) + b"t.")
    except Exception:  # any value that does not fit: decoded one by one
        return None
    if type(lists) is not tuple or len(lists) != len(values):
        return None
    if not all(type(one) is list for one in lists):
        return None
    return cast(list[list[int]], lists)


def _accumulated(deltas: list[list[int]]) -> tuple[IntArray, PositionArray]:
    """(starts, flat positions) from each posting's deltas: one running sum over all of
    them, less the sum before each posting's first."""
    starts = _starts(deltas)
    lengths = np.diff(starts)
    sums = np.cumsum(np.fromiter(itertools.chain.from_iterable(deltas), np.int64, starts[-1]))
    before = np.zeros(len(deltas), dtype=np.int64)
    later = starts[:-1] > 0
    before[later] = sums[starts[:-1][later] - 1]
    return starts, (sums - np.repeat(before, lengths)).astype(np.int32)


def _starts(lists: list[list[int]]) -> IntArray:
    starts = np.zeros(len(lists) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, lists), np.int64, len(lists)), out=starts[1:])
    return starts


def _decode_positions(value: bytes) -> list[int]:
    """One posting's positions from Whoosh's `Positions` layout (count, pickled deltas):
    several times as fast as `Positions.decode_positions`."""
    body = value[_COUNT_BYTES:]
    try:
        deltas = pickle.loads(body if body.endswith(b".") else body + b".")
    except Exception as error:  # any failure to unpickle stored bytes is damage
        raise DecodingError(f"positions that do not unpickle ({error})") from error
    return list(itertools.accumulate(deltas))


__all__ = [
    "PUBLIC",
    "DecodingError",
    "PostingsDecoder",
    "SlowDecodingWarning",
    "check_format",
    "read_term",
]
