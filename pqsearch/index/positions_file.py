"""The positions of the frequent words, saved beside an index generation as raw arrays.

A phrase of frequent words ("Région de Bruxelles-Capitale", "à ce jour") needs the positions
of words in most documents. Whoosh stores them pickled, a posting at a time: decoding them
costs about 0.17 s per 100,000 postings, which every search from a fresh process (the
terminal) paid again, and a warm searcher paid whenever its cache had dropped them. Ingest
therefore saves, after its last commit, the postings of every term of the surface-word
fields with at least `FREQUENT_POSTINGS` postings as arrays that need no decoding
(`save_positions`); a reader maps the file (`load_positions`) and touches only the pages of
the arrays it reads, asking for them before it touches them (`_wanted`).

The same file holds the postings alone (documents and weights, no positions) of the frequent
terms of the other scored fields (lemmas, Dutch stems): a word search from a fresh process
read them through Whoosh's pickled blocks, a Python call and an unpickling per 512 postings
(`commune` at 100,000 documents: 22 terms, 340,000 postings, 30 ms of its 165). A reader of
an older pqsearch, which asks the file only for the surface-word fields, reads the file as
before.

Per term: its documents (a bitmap over the generation's documents, or uint32 numbers when
that is smaller), the number of positions in each (uint8 when they fit, else wider) and its
positions, document after document (uint16 when they fit, else uint32).

The file is derived data, never a source of answers of its own: it names the generation it
was made from (number, document counts and the checksum of its table of contents) and ends
with a CRC-32 of everything before it. A file of another generation, damaged, missing or
unreadable is ignored and the postings are read from Whoosh's files: slower, never wrong.
The checksum is read whole once, then stamped (`verified.py`, as the segment files are).
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from pqsearch.index import durable, verified
from pqsearch.index.manifest import fingerprint
from pqsearch.index.positions_layout import MAGIC, TRAILER, Writer, narrowest
from pqsearch.index.postings import (
    FREQUENT_POSTINGS,
    IntArray,
    TermPositions,
    TermPostings,
)
from pqsearch.index.schema import DUTCH_FIELDS, LEMMA_FIELDS, WORD_FIELDS
from pqsearch.index.whoosh_format import check_format, read_term

POSITIONS_PREFIX = "positions-"
_BITS = "bits"
_DTYPES = frozenset(["<u1", "<u2", "<u4"])
_NO_TERMS: dict[str, list[Any]] = {}
# Fields whose frequent terms' positions are saved, and those whose postings alone are.
POSITION_FIELDS = tuple(WORD_FIELDS.values())
POSTINGS_FIELDS = (*LEMMA_FIELDS.values(), *DUTCH_FIELDS.values())


def positions_path(data_dir: Path, generation: int) -> Path:
    return data_dir / f"{POSITIONS_PREFIX}{generation}.bin"


@dataclass(frozen=True)
class Generation:
    """What ties a positions file to the one index generation it was made from."""

    number: int
    doc_count_all: int
    doc_count: int
    table_of_contents: tuple[int, int]

    @classmethod
    def of(cls, reader: Any, data_dir: Path, index_name: str) -> Generation:
        number = int(reader.generation())
        toc = fingerprint(data_dir / f"_{index_name}_{number}.toc")
        return cls(number, int(reader.doc_count_all()), int(reader.doc_count()), (toc[0], toc[1]))

    def as_json(self) -> dict[str, Any]:
        return {
            "generation": self.number,
            "doc_count_all": self.doc_count_all,
            "doc_count": self.doc_count,
            "table_of_contents": list(self.table_of_contents),
        }


class StoredPositions:
    """An open positions file: the postings and positions of its terms, read from the
    mapping when asked for (safe to share between threads: nothing changes once open)."""

    def __init__(
        self,
        path: Path,
        data: np.ndarray[Any, Any],
        terms: dict[str, dict[str, list[Any]]],
        documents: int,
    ) -> None:
        self.path = path
        self._data = data
        self._terms = terms
        self._documents = documents
        self._end = len(data) - TRAILER.size

    def fields(self) -> set[str]:
        """The fields whose frequent terms were saved (those without any too)."""
        return set(self._terms)

    def has(self, field: str, text: str) -> bool:
        return self._record(field, text) is not None

    def has_positions(self, field: str, text: str) -> bool:
        record = self._record(field, text)
        return record is not None and _with_positions(record)

    def postings(self, field: str, text: str) -> TermPostings | None:
        """The term's documents and weights (the number of positions, or of occurrences, in
        each), as Whoosh's postings give them; None when the file does not have the term."""
        record = self._record(field, text)
        if record is None:
            return None
        ids = self._ids(record)
        weights = self._array(record[3], record[4], len(ids)).astype(np.float64)
        return TermPostings(ids, weights, None)

    def positions(self, field: str, text: str) -> TermPositions | None:
        """Every position of the term (None when the file does not have them); the flat
        positions stay in the mapping."""
        record = self._record(field, text)
        if record is None or not _with_positions(record):
            return None
        ids = self._ids(record)
        starts = np.zeros(len(ids) + 1, dtype=np.int64)
        np.cumsum(self._array(record[3], record[4], len(ids)), out=starts[1:])
        return TermPositions(ids, starts, self._array(record[5], record[6], record[7]))

    def _record(self, field: str, text: str) -> list[Any] | None:
        """The term's record, when the arrays it names lie inside the file in a known type
        (the checksum catches damage; this catches a file we did not write). Checked when
        read: checking the directory's 3,000 records at open cost a fresh search 6 ms."""
        record = self._terms.get(field, _NO_TERMS).get(text)
        if record is None or not _fits(record, self._end, self._documents):
            return None
        return record

    def _ids(self, record: list[Any]) -> IntArray:
        kind, offset, count, documents = record[0], record[1], record[2], record[8]
        if kind == _BITS:
            bits = _wanted(self._data, offset, (documents + 7) // 8)
            return np.flatnonzero(np.unpackbits(bits, count=documents)).astype(np.int64)
        return self._array(kind, offset, count).astype(np.int64)

    def _array(self, dtype: str, offset: int, count: int) -> np.ndarray[Any, Any]:
        return _wanted(self._data, offset, count * np.dtype(dtype).itemsize).view(dtype)


def _wanted(data: np.ndarray[Any, Any], offset: int, length: int) -> np.ndarray[Any, Any]:
    """`length` bytes of the mapped file at `offset`, their pages asked of the disk at once.

    A fault on a page not in memory reads the readahead window around it (8 MB on some
    disks): from a fresh process, a ranked query of three words read 56 MB of this file for
    the 2 MB of arrays it used, a phrase 84 MB for 10. Asked for first, the array's pages are
    read in large requests and its faults find them: nothing around them is read. (Reading
    the mapping at random instead costs a request per page: 20 times as long for 10 MB.)"""
    # `data` is `_mapped`'s array: over a memoryview of the mapping.
    mapping = getattr(data.base, "obj", None)
    if isinstance(mapping, mmap.mmap) and length > 0:
        start = offset - offset % mmap.PAGESIZE
        with contextlib.suppress(OSError, ValueError):
            mapping.madvise(mmap.MADV_WILLNEED, start, offset + length - start)
    return data[offset : offset + length]


def load_positions(data_dir: Path, generation: Generation) -> StoredPositions | None:
    """The positions file of `generation`, or None when there is none, or it is of another
    generation, damaged or unreadable (the caller then reads Whoosh's postings)."""
    path = positions_path(data_dir, generation.number)
    try:
        started = verified.check_started()
        data = _mapped(path)
        directory = _directory(data)
        if directory is None or directory.get("index") != generation.as_json():
            return None
        terms = directory["terms"]
        if not isinstance(terms, dict) or not all(isinstance(t, dict) for t in terms.values()):
            return None
        key = f"{POSITIONS_PREFIX}{generation.number}"
        if not verified.is_stamped(data_dir, key, [path]):
            end = len(data) - TRAILER.size
            if zlib.crc32(data[: end + 8].data) != TRAILER.unpack_from(data.data, end)[1]:
                return None
            verified.stamp(data_dir, key, [path], started)
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError, struct.error):
        return None
    return StoredPositions(path, data, terms, generation.doc_count_all)


def open_positions(reader: Any, data_dir: Path, ix: Any) -> StoredPositions | None:
    """The positions file of the generation `reader` (of the index `ix`) sees, if valid."""
    try:
        generation = Generation.of(reader, data_dir, ix.indexname)
    except OSError:  # a later commit removed this generation's table of contents
        return None
    return load_positions(data_dir, generation)


def _mapped(path: Path) -> np.ndarray[Any, Any]:
    """The file's bytes, mapped read-only: a plain array over the mapping (`np.memmap`'s
    subclass costs a Python call per slice, a few hundred per phrase)."""
    with path.open("rb") as handle:
        mapping = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    return np.frombuffer(mapping, dtype=np.uint8)


def _directory(data: np.ndarray[Any, Any]) -> dict[str, Any] | None:
    if len(data) < len(MAGIC) + TRAILER.size:
        return None
    if bytes(_wanted(data, 0, len(MAGIC))) != MAGIC:
        return None
    end = len(data) - TRAILER.size
    length = TRAILER.unpack_from(_wanted(data, end, TRAILER.size).data)[0]
    if not len(MAGIC) <= end - length <= end:
        return None
    found = json.loads(bytes(_wanted(data, end - length, length)).decode("utf-8"))
    return found if isinstance(found, dict) else None


def _fits(record: Any, end: int, documents: int) -> bool:
    """Whether every array a term's record names lies inside the file, in a known type."""
    try:
        ids, count, counts_type, positions_type = record[0], record[2], record[3], record[5]
        if ids != _BITS and ids not in _DTYPES:
            return False
        if counts_type not in _DTYPES or positions_type not in _DTYPES:
            return False
        ids_bytes = (documents + 7) // 8 if ids == _BITS else 4 * count
        if record[8] != documents or record[1] + ids_bytes > end:
            return False
        counts_end = record[4] + count * np.dtype(counts_type).itemsize
        positions_end = record[6] + record[7] * np.dtype(positions_type).itemsize
        return bool(max(counts_end, positions_end) <= end)
    except (TypeError, IndexError, KeyError, ValueError):
        return False


def _with_positions(record: list[Any]) -> bool:
    """Whether the record holds positions: a term with postings has at least one position
    in each of them, so a term saved with postings and no position was saved without
    (`POSTINGS_FIELDS`)."""
    return bool(record[7]) or not record[2]


# The terms saved: those with at least this many postings (read at each call, so that a
# test can save a small index's terms), up to `SAVED_SHARE_FROM` documents; in a larger
# index, those in as large a share of the documents as that (4.1 %). A fixed count let more
# words in as an index grew (0.37 x the text at 100,000 documents, the postings of every
# word in 4,096 of them): a fixed share keeps about the same words, so the file stays about
# the same fraction of the text, and the phrases it was made for (of the most frequent
# words) keep it. Up to 100,000 documents nothing changes.
SAVED_MIN_POSTINGS = FREQUENT_POSTINGS
SAVED_SHARE_FROM = 100_000


def saved_min_postings(documents: int) -> int:
    """The fewest postings a term of an index of `documents` documents needs to be saved."""
    return max(SAVED_MIN_POSTINGS, -(-SAVED_MIN_POSTINGS * documents // SAVED_SHARE_FROM))


def save_positions(ix: Any, data_dir: Path, *, min_postings: int | None = None) -> Path | None:
    """Save the positions of the frequent terms of the latest generation in `data_dir`, and
    the postings of those of `POSTINGS_FIELDS`
    (unless a valid file is there already), removing older generations' files; returns the
    file, or None when no term has `min_postings` (default `saved_min_postings`) postings:
    an index of a few thousand documents, whose phrases decode quickly enough."""
    with ix.reader() as reader:
        if int(reader.doc_count_all()) == 0:
            return None
        if min_postings is None:
            min_postings = saved_min_postings(int(reader.doc_count_all()))
        generation = Generation.of(reader, data_dir, ix.indexname)
        path = positions_path(data_dir, generation.number)
        saved = load_positions(data_dir, generation)
        # A file written before the postings of `POSTINGS_FIELDS` were saved is written again.
        wanted = set(POSTINGS_FIELDS) & set(reader.schema.names())
        if saved is not None and saved.fields() >= wanted:
            return path
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as out:
                writer = Writer(out)
                terms = _write_terms(reader, writer, generation, min_postings)
                if any(terms.values()):
                    writer.finish({"index": generation.as_json(), "terms": terms})
            if any(terms.values()):
                durable.replace(tmp, path)
            else:
                tmp.unlink()
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    # Older generations' files, and what an ingest killed while writing one left (only one
    # ingest writes at a time).
    for old in data_dir.glob(f"{POSITIONS_PREFIX}*"):
        if old != path:
            old.unlink(missing_ok=True)
    return path if path.exists() else None


def _write_terms(
    reader: Any, writer: Writer, generation: Generation, min_postings: int
) -> dict[str, dict[str, list[Any]]]:
    decoder = check_format(reader)
    leaves = list(reader.leaf_readers())
    documents = generation.doc_count_all
    terms: dict[str, dict[str, list[Any]]] = {}
    for field in (*POSITION_FIELDS, *POSTINGS_FIELDS):
        if field not in reader.schema:
            continue
        with_positions = field in POSITION_FIELDS
        format_ = reader.schema[field].format
        kept: dict[str, list[Any]] = {}
        frequent = [
            term.decode("utf-8") if isinstance(term, bytes) else str(term)
            for term, info in reader.iter_field(field)
            if int(info.doc_frequency()) >= min_postings
        ]
        for text in frequent:
            ids, weights, values = read_term(leaves, decoder, field, text, values=with_positions)
            if with_positions:
                starts, flat = decoder.positions(format_, values)
                counts = np.diff(starts)
            else:
                counts = weights.astype(np.int64)
                flat = np.zeros(0, dtype=np.int64)
            # The file's weights are whole counts: a term whose Whoosh weights differ (none
            # does with the Positions and Frequency formats) is left to Whoosh's postings.
            if not len(ids) or counts.min() < 0 or not np.array_equal(counts, weights):
                continue
            if (documents + 7) // 8 < 4 * len(ids):
                marks = np.zeros(documents, dtype=np.bool_)
                marks[ids] = True
                ids_record = [_BITS, writer.array(np.packbits(marks)), len(ids)]
            else:
                ids_record = ["<u4", writer.array(ids.astype("<u4")), len(ids)]
            counts_type = narrowest(int(counts.max()))
            flat_type = narrowest(int(flat.max()) if len(flat) else 0, least="<u2")
            kept[text] = [
                *ids_record,
                counts_type,
                writer.array(counts.astype(counts_type)),
                flat_type,
                writer.array(flat.astype(flat_type)),
                len(flat),
                documents,
            ]
        terms[field] = kept
    return terms


__all__ = [
    "POSITIONS_PREFIX",
    "POSITION_FIELDS",
    "POSTINGS_FIELDS",
    "SAVED_MIN_POSTINGS",
    "Generation",
    "StoredPositions",
    "load_positions",
    "open_positions",
    "positions_path",
    "save_positions",
    "saved_min_postings",
]
