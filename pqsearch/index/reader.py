"""An open index for searching: the Whoosh searcher, the lexicon, and per-document columns.

Columns are arrays indexed by Whoosh document number (one code per document for a single-
valued field, (document, code) pairs for a multi-valued one, the integer for a date). Facet
counts and date sorting read them with numpy instead of walking stored fields, and they are
built once per open index, or read from the file ingest saved for the generation the reader
sees (`save_columns`).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import pickle
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, cast

import numpy as np
import numpy.typing as npt
from whoosh.formats import Positions

from pqsearch.errors import DamagedIndexError, NotFoundError
from pqsearch.index import store
from pqsearch.index.schema import (
    DATE_FIELDS,
    ID_FIELDS,
    KEYWORD_FIELDS,
    SCORED_FIELDS,
)

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class ValueColumn:
    """The values of one metadata field per document."""

    values: tuple[str, ...]
    # Single-valued: codes[docnum] is an index into values, -1 when the document has none.
    # Multi-valued: pair_docs[i] has value values[pair_codes[i]].
    codes: IntArray | None = None
    pair_docs: IntArray | None = None
    pair_codes: IntArray | None = None

    @property
    def multi(self) -> bool:
        return self.codes is None


@dataclass(frozen=True)
class _Postings:
    """One term's postings: document numbers, weights, and raw values when asked for."""

    ids: IntArray
    weights: FloatArray
    values: list[Any] | None


@dataclass(frozen=True)
class _Positions:
    """Every position of one term: those of the posting i are flat[starts[i]:starts[i + 1]]."""

    ids: IntArray
    starts: IntArray
    flat: npt.NDArray[np.int32]

    @property
    def nbytes(self) -> int:
        return int(self.ids.nbytes + self.starts.nbytes + self.flat.nbytes)

    def of(self, docs: IntArray) -> tuple[IntArray, IntArray]:
        at = np.searchsorted(self.ids, docs)
        starts = self.starts[at]
        counts = self.starts[at + 1] - starts
        total = int(counts.sum())
        # The ranges starts[i]..starts[i] + counts[i], end to end.
        before = np.cumsum(counts) - counts
        where = np.arange(total, dtype=np.int64) + np.repeat(starts - before, counts)
        return np.repeat(docs, counts), self.flat[where].astype(np.int64)


# What a reader keeps of its frequent terms by default (FrequentTerms).
DEFAULT_CACHE_BYTES = 96 << 20


class FrequentTerms:
    """What this reader read of its most frequent terms, kept for later searches.

    Reading a term costs a Python call per block of 128 postings, and decoding positions one
    per posting; the words that cost most (bruxelles, région, de: tens of thousands of
    postings each) are the ones most searches share. Only terms with at least
    `min_postings` postings are kept, the least recently used dropped past `budget_bytes`.
    A reader sees one generation of the index, so what it keeps never goes stale.
    """

    def __init__(
        self, *, min_postings: int = 4096, budget_bytes: int = DEFAULT_CACHE_BYTES
    ) -> None:
        self.min_postings = min_postings
        self.budget_bytes = budget_bytes
        self.size = 0
        self._kept: OrderedDict[tuple[str, str, str], tuple[Any, int]] = OrderedDict()

    def get(self, kind: str, field: str, text: str) -> Any | None:
        found = self._kept.get((kind, field, text))
        if found is None:
            return None
        self._kept.move_to_end((kind, field, text))
        return found[0]

    def wanted(self, postings: int) -> bool:
        """Whether a term with this many postings is worth keeping."""
        return self.budget_bytes > 0 and postings >= self.min_postings

    def offer(self, kind: str, field: str, text: str, value: Any, size: int) -> None:
        key = (kind, field, text)
        if size > self.budget_bytes or key in self._kept:
            return
        self._kept[key] = (value, size)
        self.size += size
        while self.size > self.budget_bytes:
            _, (_, dropped) = self._kept.popitem(last=False)
            self.size -= dropped


_NO_IDS = np.zeros(0, dtype=np.int64)
_NO_WEIGHTS = np.zeros(0, dtype=np.float64)


class IndexReader:
    """A read-only view of the live index; use as a context manager or call `close`."""

    def __init__(
        self, index_dir: str | Path | None = None, *, cache_bytes: int = DEFAULT_CACHE_BYTES
    ) -> None:
        self.root = store.resolve_index_dir(index_dir)
        self._memo: dict[tuple[str, str], _Postings] | None = None
        self._frequent = FrequentTerms(budget_bytes=cache_bytes)
        self._open()

    def _open(self) -> None:
        self.data_dir, self.ix, self.searcher = store.open_live(self.root)
        try:
            self.lexicon = store.open_lexicon(self.root, self.data_dir)
        except DamagedIndexError:
            self.searcher.close()
            raise

    def close(self) -> None:
        self.searcher.close()
        self.lexicon.close()

    def __enter__(self) -> IndexReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def reader(self) -> Any:
        return self.searcher.reader()

    @property
    def doc_count(self) -> int:
        return int(self.searcher.doc_count())

    @property
    def doc_count_all(self) -> int:
        return int(self.searcher.doc_count_all())

    def record(self, docnum: int) -> dict[str, Any]:
        """The stored record of a document: {"question": ..., "sectors": ..., ...}."""
        try:
            stored = self.searcher.stored_fields(docnum)
            return dict(json.loads(stored["record"]))
        except store.READ_ERRORS as error:
            raise store.damaged(self.root, error) from error

    def docnum(self, doc_id: str) -> int:
        docnum = self.searcher.document_number(id=doc_id)
        if docnum is None:
            raise NotFoundError(
                f'No document has the id {doc_id!r}. Ids are shown by "pqsearch search"; '
                "a page's id is its moncode (e.g. 170229)."
            )
        return int(docnum)

    def term_docs(self, field: str, text: str, *, keep_positions: bool = False) -> IntArray:
        """The sorted numbers of the live documents whose `field` holds the term `text`;
        with `keep_positions`, inside `reading_once`, `term_positions` then reads nothing."""
        if keep_positions and self._frequent.get("positions", field, text) is not None:
            keep_positions = False  # `term_positions` has them already
        return self._postings(field, text, values=keep_positions).ids

    def term_postings(self, field: str, text: str) -> tuple[IntArray, FloatArray]:
        """The sorted numbers of the live documents holding the term, and its weight (the
        number of occurrences) in each."""
        postings = self._postings(field, text, values=False)
        return postings.ids, postings.weights

    def term_positions(self, field: str, text: str, docs: IntArray) -> tuple[IntArray, IntArray]:
        """Where the term occurs in each of the sorted documents `docs` (which all hold it):
        a document number and a word position per occurrence."""
        table = self._frequent.get("positions", field, text)
        if table is not None:
            return cast(_Positions, table).of(docs)
        postings = self._postings(field, text, values=True)
        assert postings.values is not None
        if self._frequent.wanted(len(postings.ids)):
            # A frequent term: every posting decoded once, kept for the next phrases.
            table = _Positions(postings.ids, *self._decode(field, postings.values))
            self._frequent.offer("positions", field, text, table, table.nbytes)
            return table.of(docs)
        at = np.searchsorted(postings.ids, docs)
        starts, flat = self._decode(field, [postings.values[i] for i in at])
        return np.repeat(docs, np.diff(starts)), flat.astype(np.int64)

    def _decode(self, field: str, values: list[Any]) -> tuple[IntArray, npt.NDArray[np.int32]]:
        """Posting values to (starts, flat positions), as in `_Positions`."""
        decode = _position_decoder(self.searcher.schema[field].format)
        try:
            lists = [decode(value) for value in values]
        except store.READ_ERRORS as error:
            raise store.damaged(self.root, error) from error
        starts = np.zeros(len(lists) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, lists), np.int64, len(lists)), out=starts[1:])
        flat = np.fromiter(itertools.chain.from_iterable(lists), np.int32, int(starts[-1]))
        return starts, flat

    def _postings(self, field: str, text: str, *, values: bool) -> _Postings:
        memo = self._memo
        known = memo.get((field, text)) if memo is not None else None
        if known is None and not values:
            known = self._frequent.get("postings", field, text)
        if known is not None and (known.values is not None or not values):
            return known
        ids: list[IntArray] = []
        weights: list[FloatArray] = []
        raw: list[Any] = []
        try:
            for leaf, offset in self._leaves:
                if (field, text) in leaf:
                    found, weight, found_values = posting_blocks(
                        leaf.postings(field, text), values=values
                    )
                    ids.append(found + offset)
                    weights.append(weight)
                    raw.extend(found_values)
        except store.READ_ERRORS as error:
            raise store.damaged(self.root, error) from error
        if len(ids) == 1:
            postings = _Postings(ids[0], weights[0], raw if values else None)
        elif ids:
            postings = _Postings(
                np.concatenate(ids), np.concatenate(weights), raw if values else None
            )
        else:
            postings = _Postings(_NO_IDS, _NO_WEIGHTS, [] if values else None)
        if memo is not None:
            memo[field, text] = postings
        if self._frequent.wanted(len(postings.ids)):
            kept = _Postings(postings.ids, postings.weights, None)
            size = postings.ids.nbytes + postings.weights.nbytes
            self._frequent.offer("postings", field, text, kept, size)
        return postings

    @contextlib.contextmanager
    def reading_once(self) -> Iterator[None]:
        """Within it each term's postings are read once: one search meets a typed word in
        its ranking, its total, its phrases and its did-you-mean check. Nested uses share
        the outer one."""
        if self._memo is not None:
            yield
            return
        self._memo = {}
        try:
            yield
        finally:
            self._memo = None

    def doc_frequency(self, field: str, text: str) -> int:
        """In how many documents (deleted ones included, as Whoosh counts) the term is."""
        return int(self.reader.doc_frequency(field, text))

    def field_lengths(self, field: str) -> FloatArray:
        """The length of a text field per document, as Whoosh scores it (one byte, rounded)."""
        return cast(FloatArray, self._per_document("lengths", field, build_lengths))

    @cached_property
    def _leaves(self) -> list[tuple[Any, int]]:
        return list(self.reader.leaf_readers())

    @cached_property
    def live_docs(self) -> IntArray:
        """The sorted numbers of every document not deleted."""
        reader = self.reader
        if not reader.has_deletions():
            return np.arange(self.doc_count_all, dtype=np.int64)
        return np.fromiter(reader.all_doc_ids(), dtype=np.int64)

    def field_values(self, field: str) -> tuple[str, ...]:
        """Every value of a metadata field that some document has, sorted."""
        return self.column(field).values

    def column(self, field: str) -> ValueColumn:
        return cast(ValueColumn, self._per_document("column", field, build_column))

    def dates(self, field: str) -> IntArray:
        """`YYYYMMDD` per document for one of the three date fields (0 when unknown)."""
        if field not in DATE_FIELDS:
            raise KeyError(field)
        if self.doc_count_all == 0:
            # An index with no segment yet (a first ingest before its first commit) has no
            # columns: Whoosh's empty reader refuses `column_reader`.
            return np.zeros(0, dtype=np.int64)
        return cast(IntArray, self._per_document("dates", field, build_dates))

    def _per_document(self, kind: str, field: str, build: Callable[[Any, str, int], Any]) -> Any:
        """One of the arrays (or columns) per document: from what this reader already has,
        else from what ingest saved for its generation, else built from the index."""
        found = self._arrays.get((kind, field))
        if found is None:
            saved = self._saved
            found = getattr(saved, kind)(field) if saved is not None else None
            if found is None:
                try:
                    found = build(self.reader, field, self.doc_count_all)
                except store.READ_ERRORS as error:
                    raise store.damaged(self.root, error) from error
            self._arrays[kind, field] = found
        return found

    @cached_property
    def _saved(self) -> SavedColumns | None:
        """The columns ingest saved for the generation this reader sees, if it did."""
        return load_columns(self.data_dir, self.reader.generation(), self.doc_count_all)

    @cached_property
    def _arrays(self) -> dict[tuple[str, str], Any]:
        return {}


def posting_ids(matcher: Any) -> IntArray:
    """The document numbers of a fresh postings matcher, in order."""
    return posting_arrays(matcher)[0]


# What reading Whoosh-Reloaded's (pinned) block matcher a block at a time needs.
_BLOCK_ATTRIBUTES = ("_read_data", "_next_block", "_data", "_blocklength", "_i", "_byteids")


def posting_arrays(matcher: Any) -> tuple[IntArray, FloatArray]:
    """The document numbers and weights of a fresh postings matcher, in order.

    Whoosh's own calls cost a few Python calls per posting and decode each block's ids one
    by one; its block matcher keeps each block as one (delta-coded ids, weights, values)
    tuple, decoded here with numpy. Any other matcher (inlined postings) goes the slow way.
    """
    ids, weights, _ = posting_blocks(matcher, values=False)
    return ids, weights


def posting_blocks(matcher: Any, *, values: bool) -> tuple[IntArray, FloatArray, list[Any]]:
    """As `posting_arrays`, and with `values` each posting's raw value (positions)."""
    if all(hasattr(matcher, name) for name in _BLOCK_ATTRIBUTES) and matcher._i == 0:
        return _read_blocks(matcher, values)
    found: list[int] = []
    weights: list[float] = []
    raw: list[Any] = []
    while matcher.is_active():
        found.append(matcher.id())
        weights.append(matcher.weight())
        if values:
            raw.append(matcher.value())
        matcher.next()
    return np.array(found, dtype=np.int64), np.array(weights, dtype=np.float64), raw


def _read_blocks(matcher: Any, values: bool) -> tuple[IntArray, FloatArray, list[Any]]:
    id_blocks: list[IntArray] = []
    weight_blocks: list[FloatArray] = []
    raw: list[Any] = []
    while matcher.is_active():
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
        matcher._next_block()
    if not id_blocks:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64), raw
    return np.concatenate(id_blocks), np.concatenate(weight_blocks), raw


def _position_decoder(format_: Any) -> Callable[[bytes], list[int]]:
    """Turns one posting's value into its word positions.

    Whoosh's `Positions` format stores a uint32 count and the pickled position deltas
    (without pickle's final STOP byte); decoding them here is several times as fast as
    `decode_positions`, which any other format uses.
    """
    if type(format_) is not Positions:
        return cast(Callable[[bytes], list[int]], format_.decode_positions)

    def decode(value: bytes) -> list[int]:
        body = value[_COUNT_BYTES:]
        return list(
            itertools.accumulate(pickle.loads(body if body.endswith(b".") else body + b"."))
        )

    return decode


_COUNT_BYTES = 4


def build_lengths(reader: Any, field: str, size: int) -> FloatArray:
    """A text field's length per document as Whoosh stores it (0 for none)."""
    lengths = np.zeros(size, dtype=np.float64)
    for leaf, offset in reader.leaf_readers():
        count = int(leaf.doc_count_all())
        lengths[offset : offset + count] = np.fromiter(
            (leaf.doc_field_length(d, field, 0) or 0 for d in range(count)),
            dtype=np.float64,
            count=count,
        )
    return lengths


def build_column(reader: Any, field: str, size: int) -> ValueColumn:
    """One metadata field's column, read from its postings (Whoosh errors pass through)."""
    values: list[str] = []
    docs_per_value: list[IntArray] = []
    for term in reader.lexicon(field):
        docs_per_value.append(posting_ids(reader.postings(field, term)))
        values.append(term.decode("utf-8") if isinstance(term, bytes) else str(term))
    if field in KEYWORD_FIELDS:
        lengths = [len(d) for d in docs_per_value]
        pair_docs = np.concatenate(docs_per_value) if docs_per_value else np.zeros(0, np.int64)
        pair_codes = np.repeat(np.arange(len(values), dtype=np.int64), lengths)
        return ValueColumn(tuple(values), pair_docs=pair_docs, pair_codes=pair_codes)
    codes = np.full(size, -1, dtype=np.int64)
    for code, docs in enumerate(docs_per_value):
        codes[docs] = code
    return ValueColumn(tuple(values), codes=codes)


def build_dates(reader: Any, field: str, size: int) -> IntArray:
    """`YYYYMMDD` per document of one date field, 0 when unknown."""
    dates = np.zeros(size, dtype=np.int64)
    # Segment by segment: Whoosh's multi-segment column reader skips the segments in which no
    # document has the field, which would shift every later document.
    for leaf, offset in reader.leaf_readers():
        if not leaf.has_column(field):
            continue
        count = int(leaf.doc_count_all())
        values = leaf.column_reader(field)
        dates[offset : offset + count] = np.fromiter(
            (v or 0 for v in values), dtype=np.int64, count=count
        )
    return known_dates(dates)


# The largest YYYYMMDD. Whoosh's sortable numeric column gives a document without the date
# the largest 32-bit integer (so that it sorts last), which is no date.
LAST_DATE = 99991231


def known_dates(dates: IntArray) -> IntArray:
    """`dates` with every value that is not a date (Whoosh's "missing") set to 0."""
    return np.where(dates > LAST_DATE, 0, dates)


# Columns of one index generation, saved beside it: reading them back takes milliseconds,
# building them from postings about a second per 100,000 documents, on every cold start.
COLUMNS_PREFIX = "columns-"


@dataclass(frozen=True)
class SavedColumns:
    """The arrays saved for one generation, read one field at a time when first asked for:
    a search reads a few of them (its facets, a date, the lengths of its fields)."""

    path: Path
    names: frozenset[str]

    def column(self, field: str) -> ValueColumn | None:
        if f"codes/{field}" in self.names:
            found = self._read(f"values/{field}", f"codes/{field}")
            if found is None:
                return None
            return ValueColumn(tuple(str(v) for v in found[0]), codes=found[1])
        found = self._read(f"values/{field}", f"pair_docs/{field}", f"pair_codes/{field}")
        if found is None:
            return None
        values, pair_docs, pair_codes = found
        return ValueColumn(
            tuple(str(v) for v in values), pair_docs=pair_docs, pair_codes=pair_codes
        )

    def dates(self, field: str) -> IntArray | None:
        found = self._read(f"dates/{field}")
        # Files saved before `known_dates` hold Whoosh's "missing" value.
        return None if found is None else known_dates(found[0])

    def lengths(self, field: str) -> FloatArray | None:
        found = self._read(f"lengths/{field}")
        return None if found is None else found[0].astype(np.float64)

    def _read(self, *names: str) -> list[Any] | None:
        """The arrays, or None when one is missing or the file is gone (a later ingest
        replaced it): the caller then builds the column from the index."""
        if not self.names.issuperset(names):
            return None
        try:
            with np.load(self.path) as saved:
                return [saved[name] for name in names]
        except (OSError, ValueError, KeyError, EOFError):
            return None


# What a complete file holds besides the facet columns.
_SAVED_NAMES = frozenset(
    [*(f"dates/{f}" for f in DATE_FIELDS), *(f"lengths/{f}" for f in SCORED_FIELDS)]
)


def columns_path(data_dir: Path, generation: int) -> Path:
    return data_dir / f"{COLUMNS_PREFIX}{generation}.npz"


def save_columns(ix: Any, data_dir: Path) -> Path | None:
    """Build every facet and date column of the index's latest generation and save them in
    `data_dir`, replacing older generations' files; returns the file (None: empty index)."""
    with ix.reader() as reader:
        size = int(reader.doc_count_all())
        if size == 0:
            # Whoosh's reader of an index with no segment has no generation.
            return None
        path = columns_path(data_dir, int(reader.generation()))
        saved = load_columns(data_dir, int(reader.generation()), size)
        if saved is not None and saved.names >= _SAVED_NAMES:
            return path
        # Missing, or saved by an older pqsearch (without the field lengths): built again,
        # so that an ingest with nothing new still brings an older index up to date.
        arrays: dict[str, Any] = {"doc_count_all": np.array(size)}
        for field in (*ID_FIELDS, *KEYWORD_FIELDS):
            column = build_column(reader, field, size)
            arrays[f"values/{field}"] = np.array(column.values, dtype=np.str_)
            if column.multi:
                arrays[f"pair_docs/{field}"] = column.pair_docs
                arrays[f"pair_codes/{field}"] = column.pair_codes
            else:
                arrays[f"codes/{field}"] = column.codes
        for field in DATE_FIELDS:
            arrays[f"dates/{field}"] = build_dates(reader, field, size)
        for field in SCORED_FIELDS:
            arrays[f"lengths/{field}"] = build_lengths(reader, field, size).astype(np.float32)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, **arrays)
    os.replace(tmp, path)
    for old in data_dir.glob(f"{COLUMNS_PREFIX}*.npz"):
        if old != path:
            old.unlink(missing_ok=True)
    return path


def load_columns(data_dir: Path, generation: int, size: int) -> SavedColumns | None:
    """The saved columns of `generation`, or None when there are none or they do not fit."""
    path = columns_path(data_dir, generation)
    try:
        with np.load(path) as saved:
            names = frozenset(saved.files)
            count = int(saved["doc_count_all"]) if "doc_count_all" in names else -1
    except (OSError, ValueError, KeyError, EOFError):
        return None
    return SavedColumns(path, names) if count == size else None


__all__ = ["ID_FIELDS", "IndexReader", "ValueColumn", "save_columns"]
