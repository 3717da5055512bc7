"""An open index for searching: the Whoosh reader, the lexicon and the taxonomy of its
generation, per-document columns (`columns.py`) and term postings as numpy arrays
(`postings.py`), through the caches its generation's readers share (`shared_arrays.py`)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property, partial
from pathlib import Path
from typing import Any, TypeVar, cast

import numpy as np
from whoosh.reading import TermNotFound

from pqsearch.errors import DamagedIndexError, NotFoundError
from pqsearch.index import store
from pqsearch.index.columns import (
    SavedColumns,
    ValueColumn,
    build_column,
    build_dates,
    build_lengths,
    load_columns,
    save_columns,
)
from pqsearch.index.pinned import PinnedFile
from pqsearch.index.positions_file import (
    POSITION_FIELDS,
    POSTINGS_FIELDS,
    StoredPositions,
    open_positions,
)
from pqsearch.index.postings import (
    DEFAULT_CACHE_BYTES,
    ENTRY_BYTES,
    FloatArray,
    FrequentTerms,
    IntArray,
    TermPositions,
    TermPostings,
)
from pqsearch.index.records import own_copy, record_json
from pqsearch.index.schema import DATE_FIELDS, ID_FIELDS
from pqsearch.index.shared_arrays import GenerationMoved, LockedTerms, SharedArrays
from pqsearch.index.whoosh_format import read_term

# The fields whose positions ingest saves (`positions_file`), and those whose postings.
_POSITIONAL = frozenset(POSITION_FIELDS)
_SAVED_POSTINGS = frozenset((*POSITION_FIELDS, *POSTINGS_FIELDS))
# Document frequencies kept per generation; cleared when full (a few MB at most).
_MAX_FREQUENCIES = 100_000
T = TypeVar("T")


class IndexReader:
    """A read-only view of the live index; use as a context manager or call `close`.

    One thread at a time: its Whoosh reader and SQLite connection are not for sharing
    (`pqsearch.query.views` leases readers to threads). Readers of the same generation may share
    their caches (`shared`).
    """

    def __init__(
        self,
        index_dir: str | Path | None = None,
        *,
        cache_bytes: int = DEFAULT_CACHE_BYTES,
        shared: SharedArrays | None = None,
    ) -> None:
        self.root = store.resolve_index_dir(index_dir).absolute()
        self._memo: dict[tuple[str, str], TermPostings] | None = None
        self._shared = shared if shared is not None else SharedArrays(cache_bytes=cache_bytes)
        self._frequent = LockedTerms(self._shared)
        self._open()

    def _open(self) -> None:
        verified = self._shared.verified
        self.data_dir, self.ix, self._whoosh = store.open_live(self.root, verified=verified)
        try:
            # Before the caches are first touched (the decoder below): `verified` is keyed
            # by generation, so what the open added to it stays true.
            expected = self._shared.generation
            live = store.live_generation(self.root) if expected is not None else None
            if live != expected:
                raise GenerationMoved(f"{self.root}: {live} committed while {expected} opened")
            with self._shared.lock, self._reading():
                if self._shared.decoder is None:
                    self._shared.decoder = store.postings_decoder(self.data_dir, self._whoosh)
                self.decoder = self._shared.decoder
            self.lexicon = store.open_lexicon(self.root, self.data_dir, verified=verified)
            # Its rows of this generation only, and the taxonomy as it opened (`pinned`).
            self.lexicon.pin(self._whoosh.generation() or 0)
            self.taxonomy = PinnedFile.open(self.data_dir / store.TAXONOMY_FILE)
        except BaseException:
            self._whoosh.close()
            raise

    def close(self) -> None:
        # A searcher made for a comparison closes the reader it was given.
        (self.__dict__.get("searcher") or self._whoosh).close()
        self.lexicon.close()
        self.taxonomy.close()

    def __enter__(self) -> IndexReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def reader(self) -> Any:
        """Whoosh's reader of the generation this reader sees."""
        return self._whoosh

    @cached_property
    def searcher(self) -> Any:
        """Whoosh's own searcher on the same reader, for comparing with Whoosh's results:
        searches never use it (its module imports Whoosh's query machinery)."""
        from whoosh.searching import Searcher

        return Searcher(self._whoosh, fromindex=self.ix)

    @property
    def cache_bytes(self) -> int:
        """What the readers of this generation may keep of its frequent terms, in bytes."""
        return self._shared.frequent.budget_bytes

    @property
    def doc_count(self) -> int:
        return int(self._whoosh.doc_count())

    @property
    def doc_count_all(self) -> int:
        return int(self._whoosh.doc_count_all())

    def record(self, docnum: int) -> dict[str, Any]:
        """The stored record of a document: {"question": ..., "sectors": ..., ...}, a copy
        of its own for the caller to change."""
        return cast(dict[str, Any], own_copy(self.shared_record(docnum)))

    def shared_record(self, docnum: int) -> Mapping[str, Any]:
        """The stored record of a document as the readers of this generation keep it:
        shared by every thread, so never to be changed (neither it nor what it holds). A
        search's page reads its hits this way: a copy of each cost 100 µs, parsing its JSON
        again 70 to 125 µs (the texts and the sectors' evidence), 2 to 3 ms of a page."""
        return self._shared.records.get(docnum, partial(self._stored_json, docnum))

    def _stored_json(self, docnum: int) -> str:
        with self._reading():
            return record_json(self._whoosh.stored_fields(docnum)["record"])

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """Around reads of the index files: what Whoosh (or the decoder) raises on damaged
        bytes becomes DamagedIndexError; any other error, a bug, keeps its traceback."""
        try:
            yield
        except DamagedIndexError:
            raise
        except Exception as error:
            if not store.is_damage(error):
                raise
            raise store.read_failure(self.root, error) from error

    def docnum(self, doc_id: str) -> int:
        try:
            docnum = self._whoosh.first_id("id", doc_id)
        except TermNotFound:
            docnum = None
        if docnum is None:
            raise NotFoundError(
                f'No document has the id {doc_id!r}. Ids are shown by "pqsearch search"; '
                "a page's id is its moncode (e.g. 170229)."
            )
        return int(docnum)

    def term_docs(self, field: str, text: str, *, keep_positions: bool = False) -> IntArray:
        """The sorted numbers of the live documents whose `field` holds the term `text`;
        with `keep_positions`, inside `reading_once`, `term_positions` then reads nothing."""
        if keep_positions and self._positions_kept(field, text):
            keep_positions = False  # `term_positions` reads them without decoding
        return self._postings(field, text, values=keep_positions).ids

    def term_postings(self, field: str, text: str) -> tuple[IntArray, FloatArray]:
        """The sorted numbers of the live documents holding the term, and its weight (the
        number of occurrences) in each."""
        postings = self._postings(field, text, values=False)
        return postings.ids, postings.weights

    def term_positions(self, field: str, text: str, docs: IntArray) -> tuple[IntArray, IntArray]:
        """Where the term occurs in each of the sorted documents `docs` (which all hold it):
        a document number and a word position per occurrence."""
        return self.positions_table(field, text, docs).of(docs)

    def positions_table(self, field: str, text: str, docs: IntArray) -> TermPositions:
        """The term's positions in (at least) the sorted documents `docs`, which all hold
        it: from the saved positions file, from what this reader kept, else decoded."""
        table = self._frequent.get("positions", field, text)
        if table is not None:
            return cast(TermPositions, table)
        stored = self._saved_file(field, _POSITIONAL)
        saved = stored.positions(field, text) if stored is not None else None
        if saved is not None:
            # The positions stay in the mapping: only the arrays made here cost memory.
            self._frequent.offer(
                "positions", field, text, saved, saved.ids.nbytes + saved.starts.nbytes
            )
            return saved
        postings = self._postings(field, text, values=True)
        assert postings.values is not None
        count = len(postings.ids)
        if self._frequent.wanted(count, documents=self.doc_count_all) and (
            self._frequent.decode_all_now(field, text, needed=len(docs), postings=count)
        ):
            # A frequent term: every posting decoded once, kept for the next phrases.
            table = TermPositions(postings.ids, *self._decode(field, postings.values))
            self._frequent.offer("positions", field, text, table, table.nbytes)
            return table
        at = np.searchsorted(postings.ids, docs)
        return TermPositions(docs, *self._decode(field, [postings.values[i] for i in at]))

    def _positions_kept(self, field: str, text: str) -> bool:
        """Whether the term's positions are at hand without decoding Whoosh's postings."""
        if self._frequent.get("positions", field, text) is not None:
            return True
        stored = self._saved_file(field, _POSITIONAL)
        return stored is not None and stored.has_positions(field, text)

    def _saved_file(self, field: str, kept: frozenset[str]) -> StoredPositions | None:
        """The positions file, for a field of `kept` (those whose positions, or postings, it
        may hold): a metadata field's are never there, and the file is not opened for them."""
        return self._stored_positions if field in kept else None

    @property
    def _stored_positions(self) -> StoredPositions | None:
        """The positions file ingest saved for the generation this reader sees, if valid."""
        shared = self._shared
        with shared.lock:
            if not shared.positions_looked:
                shared.positions_looked = True
                # An empty index has no generation (nor frequent words).
                if self.doc_count_all:
                    shared.positions = open_positions(self.reader, self.data_dir, self.ix)
            return shared.positions

    def _decode(self, field: str, values: list[Any]) -> tuple[IntArray, Any]:
        """Posting values to (starts, flat positions), as in `TermPositions`."""
        with self._reading():
            return self.decoder.positions(self._whoosh.schema[field].format, values)

    def _postings(self, field: str, text: str, *, values: bool) -> TermPostings:
        memo = self._memo
        known = memo.get((field, text)) if memo is not None else None
        if known is None and not values:
            known = self._frequent.get("postings", field, text)
            stored = self._saved_file(field, _SAVED_POSTINGS) if known is None else None
            if stored is not None:
                known = stored.postings(field, text)
                if known is not None:
                    if memo is not None:
                        memo[field, text] = known
                    self._offer_postings(field, text, known)
        if known is not None and (known.values is not None or not values):
            return known
        with self._reading():
            ids, weights, raw = read_term(self._leaves, self.decoder, field, text, values=values)
        postings = TermPostings(ids, weights, raw if values else None)
        if memo is not None:
            memo[field, text] = postings
        self._offer_postings(field, text, postings)
        return postings

    def _offer_postings(self, field: str, text: str, postings: TermPostings) -> None:
        if self._frequent.wanted(len(postings.ids), "postings"):
            kept = TermPostings(postings.ids, postings.weights, None)
            size = postings.ids.nbytes + postings.weights.nbytes + ENTRY_BYTES
            self._frequent.offer("postings", field, text, kept, size)

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
        known = self._shared.frequencies.get((field, text))
        if known is None:
            with self._reading():
                known = int(self.reader.doc_frequency(field, text))
            if len(self._shared.frequencies) >= _MAX_FREQUENCIES:
                self._shared.frequencies.clear()
            self._shared.frequencies[field, text] = known
        return known

    def average_field_length(self, field: str) -> float:
        """A text field's average length over the documents, as Whoosh's BM25F takes it."""
        # As Whoosh's searcher computes it: the field's total length over every document.
        return float(self._whoosh.field_length(field) / (self.doc_count_all or 1) or 1)

    def prefix_terms(self, field: str, prefix: str) -> list[str]:
        """Every term of `field` that starts with `prefix`, in order."""
        return [
            term.decode("utf-8") if isinstance(term, bytes) else term
            for term in self.reader.expand_prefix(field, prefix)
        ]

    def generation_cache(self, name: str, build: Callable[[], T]) -> T:
        """`build()` made once per index generation and shared by its readers (a structure
        derived from the whole vocabulary, such as the spelling corrector's)."""
        with self._shared.lock:
            key = ("generation", name)
            if key not in self._shared.arrays:
                self._shared.arrays[key] = build()
            value: T = self._shared.arrays[key]
            return value

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
        build = partial(build_column, decoder=self.decoder)
        return cast(ValueColumn, self._per_document("column", field, build))

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
        shared = self._shared
        with shared.lock:
            found = shared.arrays.get((kind, field))
            if found is None:
                saved = self._saved
                found = getattr(saved, kind)(field) if saved is not None else None
                if found is None:
                    with self._reading():
                        found = build(self.reader, field, self.doc_count_all)
                shared.arrays[kind, field] = found
            return found

    @property
    def _saved(self) -> SavedColumns | None:
        """The columns ingest saved for the generation this reader sees, if it did."""
        shared = self._shared
        with shared.lock:
            if "columns" not in shared.saved:
                saved = load_columns(self.data_dir, self.reader.generation(), self.doc_count_all)
                if saved is not None:
                    # From a fresh process (the terminal), with the file not in memory, its
                    # 10 MB at 100,000 documents are read while the search ranks instead of
                    # when it counts facets (16 ms of waiting).
                    saved.prefetch()
                shared.saved["columns"] = saved
            return shared.saved["columns"]


__all__ = [
    "ID_FIELDS",
    "FloatArray",
    "FrequentTerms",
    "IndexReader",
    "IntArray",
    "ValueColumn",
    "save_columns",
]
