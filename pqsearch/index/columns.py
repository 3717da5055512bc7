"""Per-document columns: metadata values, dates and field lengths, indexed by Whoosh
document number, built from the index or saved beside it for each generation.

Facet counts, date filters and sorts, and the ranking read them with numpy instead of walking
stored fields. Building them from postings costs about a second per 100,000 documents, so
ingest saves them after its last commit (`save_columns`, in an `array_file`) and readers load
them (`load_columns`), one field at a time. Indexes saved by an older pqsearch hold a
compressed `.npz` instead, read the same way until their next ingest replaces it.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from pqsearch.index import durable
from pqsearch.index.array_file import ArrayFile, write_arrays
from pqsearch.index.postings import FloatArray, IntArray
from pqsearch.index.schema import DATE_FIELDS, ID_FIELDS, KEYWORD_FIELDS, SCORED_FIELDS
from pqsearch.index.whoosh_format import PostingsDecoder, check_format


@dataclass(frozen=True)
class ValueColumn:
    """The values of one metadata field per document."""

    values: tuple[str, ...]
    # Single-valued: codes[docnum] is an index into values, -1 when the document has none.
    # Multi-valued: pair_docs[i] has value values[pair_codes[i]]. Read from a saved file,
    # the integers are in the narrowest type that holds them (a code + 1 may not fit).
    codes: IntArray | None = None
    pair_docs: IntArray | None = None
    pair_codes: IntArray | None = None

    @property
    def multi(self) -> bool:
        return self.codes is None


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


def build_column(reader: Any, field: str, size: int, *, decoder: PostingsDecoder) -> ValueColumn:
    """One metadata field's column, read from its postings (Whoosh errors pass through)."""
    values: list[str] = []
    docs_per_value: list[IntArray] = []
    for term in reader.lexicon(field):
        docs_per_value.append(decoder.ids(reader.postings(field, term)))
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
_SUFFIX = ".arrays"
# What pqsearch saved before `array_file` (0.2): compressed, read until the next ingest.
_OLDER_SUFFIX = ".npz"


@dataclass(frozen=True)
class SavedColumns:
    """The arrays saved for one generation, read one field at a time when first asked for:
    a search reads a few of them (its facets, a date, the lengths of its fields)."""

    path: Path
    names: frozenset[str]
    # The file's header; None for an older index's `.npz` at `path`.
    arrays: ArrayFile | None = None

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

    def prefetch(self) -> None:
        """Start reading the file into memory: a search reads most of it (every facet, the
        lengths of its fields), and meanwhile ranks."""
        if self.arrays is not None:
            self.arrays.prefetch()

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
        if self.arrays is not None:
            # As stored (a code in a byte, a date in four): widened, the columns a fresh
            # process reads cost 20 to 40 ms of copying into new memory, for arrays that
            # a search indexes with or gathers from (facets, dates) or turns into floats.
            return self.arrays.read(names, widen=False)
        try:
            with np.load(self.path) as saved:
                return [saved[name] for name in names]
        except _UNREADABLE:
            return None


# A truncated or flipped file: np.load's zip checks its CRC-32s (BadZipFile "Bad CRC-32").
# Columns can always be built again from the index, so such a file is only a missed
# shortcut, never an error (issue 12: every search and ingest failed until a rebuild).
# A flipped flag bit in a zip header reads as "encrypted" (RuntimeError) or as an unknown
# compression (NotImplementedError); a flipped size, as a huge allocation.
_UNREADABLE = (
    OSError,
    ValueError,
    KeyError,
    EOFError,
    zipfile.BadZipFile,
    zlib.error,
    struct.error,
    NotImplementedError,
    RuntimeError,
    OverflowError,
    MemoryError,
)

# What a complete file holds besides the facet columns.
_SAVED_NAMES = frozenset(
    [*(f"dates/{f}" for f in DATE_FIELDS), *(f"lengths/{f}" for f in SCORED_FIELDS)]
)


def columns_path(data_dir: Path, generation: int) -> Path:
    return data_dir / f"{COLUMNS_PREFIX}{generation}{_SUFFIX}"


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
        if saved is not None and saved.arrays is not None and saved.names >= _SAVED_NAMES:
            return path
        # Missing, or saved by an older pqsearch (compressed, or without the field lengths):
        # built again, so that an ingest with nothing new still brings an older index up to
        # date.
        arrays: dict[str, Any] = {}
        decoder = check_format(reader)
        for field in (*ID_FIELDS, *KEYWORD_FIELDS):
            column = build_column(reader, field, size, decoder=decoder)
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
    tmp = path.with_name(f"{path.name}.tmp")
    try:
        # Uncompressed, in the narrowest integer types: 11 MB at 100,000 documents (1 % of
        # the index), 4 MB compressed, but nothing to inflate at a cold search.
        write_arrays(tmp, arrays, doc_count_all=size)
        durable.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    for old in [
        *data_dir.glob(f"{COLUMNS_PREFIX}*{_SUFFIX}"),
        *data_dir.glob(f"{COLUMNS_PREFIX}*{_OLDER_SUFFIX}"),
    ]:
        if old != path:
            old.unlink(missing_ok=True)
    return path


def load_columns(data_dir: Path, generation: int, size: int) -> SavedColumns | None:
    """The saved columns of `generation`, or None when there are none or they do not fit."""
    path = columns_path(data_dir, generation)
    arrays = ArrayFile.open(path)
    if arrays is not None:
        fits = arrays.meta.get("doc_count_all") == size
        return SavedColumns(path, arrays.names, arrays) if fits else None
    older = path.with_suffix(_OLDER_SUFFIX)
    try:
        with np.load(older) as saved:
            names = frozenset(saved.files)
            count = int(saved["doc_count_all"]) if "doc_count_all" in names else -1
    except _UNREADABLE:
        return None
    return SavedColumns(older, names) if count == size else None


__all__ = [
    "SavedColumns",
    "ValueColumn",
    "build_column",
    "build_dates",
    "build_lengths",
    "known_dates",
    "load_columns",
    "save_columns",
]
