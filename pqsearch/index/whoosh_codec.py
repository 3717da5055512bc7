"""How new segments' postings and term dictionary are written: the postings in Whoosh's own
W3 layout, in fewer bytes; the term dictionary in compressed blocks (`term_blocks.py`).

Every commit and merge of an ingest writes with `postings_codec()`. The segment records
`term_blocks.TermBlocksCodec` (pickled into the table of contents with its block size and
compression): Whoosh's W3 codec but for reading the term dictionary, in blocks or, for a
segment written before, Whoosh's own. Whoosh's public path reads the postings, and so does
the fast decoder (`whoosh_format.py`). What the postings writer does differently from
Whoosh's:

- blocks of `POSTINGS_BLOCK` postings at zlib level `POSTINGS_COMPRESSION` (Whoosh: 128 at
  3): zlib finds more to share in a longer block;
- each block's tuples pickled in protocol 3 without a memo. Whoosh pickles them in protocol
  2, which writes a bytes value (each posting's positions, its frequency) as a latin-1
  string rebuilt through `_codecs.encode`, about 15 bytes of opcodes and two bytes for each
  byte above 127, and memoizes every value (2 bytes each); protocol 3 writes bytes as they
  are. Any unpickler reads both, so Whoosh's reader sees the same tuples;
- a term whose postings take fewer bytes pickled into its term-dictionary entry than as a
  block of the postings file is written there: Whoosh's "inlined" postings, which its reader
  reads (`W3TermInfo.from_bytes`, then a `ListMatcher`) but its 2.7.5 writer never writes
  (it calls `W3TermInfo.set_inline`, which does not exist). Most of a small index's terms
  have a few postings, and a block costs about 50 bytes of framing (magic, length, block
  header, zlib stream, the extent in the term's entry) before its first posting.

With whole weights pickled as ints (`_counts`), the postings and term dictionary of 1,000
documents of the benchmark corpus take 6.34 MB instead of 11.21 (BENCHMARKS.md, sixth
session); a cap of 8 or 64 postings on inlining instead of `INLINE_MAX_POSTINGS` changes
them by 2 kB.

Writing this way relies on the private state of Whoosh's `W3PostingsWriter` (`_ids`,
`_weights`, `_values`, `_format`, `_terminfo`, `_blockcount`, `_postfile`, `_startoffset`,
`_compression`, `_maxweight`, `_minlength`, `_maxlength`, `_new_block`, `_mini_ids`,
`_mini_weights`, `_mini_values`) and on its block layout; its field writer keeps the field
lengths `FieldWriter.add_postings` asks for (`_RememberedLengths`). `postings_codec` checks
once per process that postings of each format written this way read back through Whoosh's
public path as Whoosh's own writer's do, and its term dictionary answers as Whoosh's; if not,
it warns and returns Whoosh's stock codec (a bigger index, never a wrong one).
"""

from __future__ import annotations

import io
import pickle
import struct
import warnings
import zlib
from functools import cache
from typing import Any

import whoosh
from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3PostingsWriter,
    W3Segment,
    W3TermInfo,
)
from whoosh.util.numeric import length_to_byte

from pqsearch.index.term_blocks import TermBlocksCodec, TermBlocksWriter
from pqsearch.index.whoosh_format import POSTINGS_BLOCK, POSTINGS_COMPRESSION

# A term with more postings is never inlined: inlined postings are read one Python call at
# a time (Whoosh's `ListMatcher`), and past a dozen a compressed block is nearly always
# smaller anyway (a cap of 8 or 64 changes 1,000 documents' index by 2 kB).
INLINE_MAX_POSTINGS = 16

_LENGTH = struct.Struct("!i")
# Pickle's protocol opcode for protocol 3.
_PROTOCOL = b"\x80\x03"
# What a term of one block costs beyond the block: the magic number before it in the postings
# file, and its extent in the term's entry instead of inlined postings (Whoosh's `pack_long`
# offset and `pack_int` length).
_BLOCK_EXTRA = len(WHOOSH3_HEADER_MAGIC) + 12


class StockWriterWarning(RuntimeWarning):
    """This Whoosh version's postings writer is not what the compact writer expects."""


def postings_codec() -> W3Codec:
    """The codec new segments are written with (see the module): the compact writer when it
    writes what Whoosh reads, else Whoosh's own with the same block size and compression."""
    if _compact_writer_works():
        return CompactCodec(blocklimit=POSTINGS_BLOCK, compression=POSTINGS_COMPRESSION)
    warnings.warn(
        f"pqsearch's compact postings writer does not write what Whoosh "
        f"{whoosh.versionstring()} reads back; new segments are written by Whoosh's own "
        "writer, a larger index. pqsearch is built for Whoosh-Reloaded 2.7.5: install that "
        "version for the smaller index.",
        StockWriterWarning,
        stacklevel=2,
    )
    return W3Codec(blocklimit=POSTINGS_BLOCK, compression=POSTINGS_COMPRESSION)


class CompactCodec(TermBlocksCodec):
    """Whoosh's W3 codec whose postings writer is `_CompactPostingsWriter` and whose term
    dictionary is in blocks; its segments record `TermBlocksCodec`, which reads both."""

    def field_writer(self, storage: Any, segment: Any) -> Any:
        return _LengthsOnceFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        if byteids:  # term vectors (our schema has none): Whoosh's own writer
            return super().postings_writer(dbfile, byteids)
        return _CompactPostingsWriter(dbfile, self._blocklimit, compression=self._compression)

    def new_segment(self, storage: Any, indexname: str) -> Any:
        reading = TermBlocksCodec(blocklimit=self._blocklimit, compression=self._compression)
        return W3Segment(reading, indexname)


class _LengthsOnceFieldWriter(W3FieldWriter):  # type: ignore[misc]
    """Whoosh's field writer, which asks the new segment for a document's field length once
    per posting (for each block's shortest and longest document): here once per document
    and field. That lookup was a third of writing the postings at a commit (cProfile,
    BENCHMARKS.md, thirteenth session). Its term dictionary is in blocks
    (`term_blocks.TermBlocksWriter`) instead of Whoosh's ordered hash file."""

    def __init__(self, codec: Any, storage: Any, segment: Any) -> None:
        # What Whoosh's `W3FieldWriter.__init__` sets, but for the term dictionary's writer:
        # Whoosh's would write its file's header at once.
        self._codec = codec
        self._storage = storage
        self._segment = segment
        self._fieldname = self._fieldid = self._btext = self._fieldobj = self._format = None
        self._tindex = TermBlocksWriter(self._create_file(W3Codec.TERMS_EXT))
        self._fieldmap: dict[str, int] = {}
        self._tindex.extras["fieldmap"] = self._fieldmap
        self._postfile = self._create_file(W3Codec.POSTS_EXT)
        self._postwriter = None
        self._infield = False
        self.is_closed = False

    def add_postings(self, schema: Any, lengths: Any, items: Any) -> None:
        super().add_postings(schema, _RememberedLengths(lengths) if lengths else lengths, items)


class _RememberedLengths:
    """A segment's `doc_field_length`, each answer kept: the segment is closed and its
    lengths no longer change while its postings are written."""

    def __init__(self, lengths: Any) -> None:
        self._lengths = lengths
        self._known: dict[str, dict[int, int]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        known = self._known.get(fieldname)
        if known is None:
            known = self._known[fieldname] = {}
        length = known.get(docnum)
        if length is None:
            length = known[docnum] = self._lengths.doc_field_length(docnum, fieldname, default)
        return length

    def __getattr__(self, name: str) -> Any:
        # Whatever else a Whoosh version asks of the lengths, the segment answers.
        return getattr(self._lengths, name)


class _InlinedTermInfo(W3TermInfo):  # type: ignore[misc]
    """Whoosh's term info, whose inlined postings are pickled as `_pickled` does."""

    _packed: bytes | None = None

    def set_packed(self, postings: tuple[Any, Any, Any], packed: bytes) -> None:
        self.set_inlined(*postings)
        self._packed = packed

    def to_bytes(self) -> bytes:
        whole = super().to_bytes()
        if self._packed is None:
            return bytes(whole)
        return bytes(whole[: self._struct.size]) + self._packed


class _CompactPostingsWriter(W3PostingsWriter):  # type: ignore[misc]
    """Whoosh's postings writer with compact pickles and inlined postings (see the module)."""

    _terminfo: Any  # the term being written (None between terms)

    def start_postings(self, format_: Any, terminfo: Any) -> None:
        # Whoosh's field writer passes a plain W3TermInfo, which cannot inline.
        super().start_postings(format_, _InlinedTermInfo())

    def _write_block(self, last: bool = False) -> None:
        self._write(self._block(last=last))
        self._new_block()

    def finish_postings(self) -> Any:
        if self.written() or not 0 < len(self._ids) <= INLINE_MAX_POSTINGS:
            return super().finish_postings()  # ends with `_write_block(last=True)`
        terminfo: _InlinedTermInfo = self._terminfo
        block = self._block(last=True)
        postings = self._inline_postings()
        # Without the protocol opcode, as each block's info (`_block`): Whoosh's
        # `W3TermInfo.from_bytes` reads the postings with `pickle.loads`.
        packed = b"" if postings is None else _pickled(postings).removeprefix(_PROTOCOL)
        if postings is not None and len(packed) < len(block) + _BLOCK_EXTRA:
            terminfo.add_block(self)
            terminfo.set_packed(postings, packed)
        else:
            self._write(block)
            terminfo.set_extent(self._startoffset, self._postfile.tell() - self._startoffset)
        self._terminfo = None
        return terminfo

    def _write(self, block: bytes) -> None:
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        terminfo: _InlinedTermInfo = self._terminfo
        terminfo.add_block(self)
        self._postfile.write(block)
        self._blockcount += 1

    def _block(self, *, last: bool) -> bytes:
        """The buffered postings as a block of Whoosh's layout: a signed length (negative
        for a term's last block), the pickled block info, the compressed data tuple."""
        weights = self._mini_weights()
        if isinstance(weights, tuple):
            weights = _counts(weights)
        data = _pickled((self._mini_ids(), weights, self._mini_values()))
        compression = self._compression
        if compression:
            data = zlib.compress(data, compression)
        info = _pickled(
            (
                len(self._ids),
                self._ids[-1],
                _counts((self._maxweight,))[0],
                compression,
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
            )
        )
        # Without the protocol opcode (2 bytes of every block): the info tuple is read by
        # `pickle.load`, to which the opcode is optional.
        info = info.removeprefix(_PROTOCOL)
        length = len(info) + len(data)
        return _LENGTH.pack(-length if last else length) + info + data

    def _inline_postings(self) -> tuple[Any, Any, Any] | None:
        """(ids, weights, values) as Whoosh's `ListMatcher` reads them, with the values a
        block would give (None for a format without values); None when a value is missing."""
        count = len(self._ids)
        weights = _counts(tuple(self._weights))
        # A ListMatcher without weights gives 1.0 for each, as a block without them does.
        if all(weight == 1 for weight in weights):
            weights = ()
        if self._format.fixed_value_size() == 0:
            values: tuple[Any, ...] = (None,) * count
        else:
            values = tuple(self._values)
            if len(values) != count:
                return None
        return tuple(int(one) for one in self._ids), weights, values


def _counts(weights: tuple[float, ...]) -> tuple[float, ...]:
    """Whole weights as ints (our fields' weights are counts): a pickled int of less than
    256 takes 2 bytes, a float 9. Read back, an int weighs exactly what the float did."""
    if all(float(weight).is_integer() for weight in weights):
        return tuple(int(weight) for weight in weights)
    return weights


def _pickled(value: Any) -> bytes:
    """`value` pickled in protocol 3 without a memo (nothing in these tuples is shared)."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=_PROTOCOL[1])
    pickler.fast = True
    pickler.dump(value)
    return out.getvalue()


@cache
def _compact_writer_works() -> bool:
    """Whether postings of each format, in blocks and inlined, and the term dictionary written
    by the compact writer read back through Whoosh's public path as those of Whoosh's own
    writer (once per process, a few milliseconds)."""
    from whoosh.analysis import SpaceSeparatedTokenizer
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.filedb.filestore import RamStorage

    space = SpaceSeparatedTokenizer()
    schema = Schema(
        key=ID(),
        words=TEXT(analyzer=space, phrase=True),
        lemmas=TEXT(analyzer=space, phrase=False),
    )
    # Some terms in every document (several blocks of 4), some in one or two (inlined).
    documents = [
        {
            "key": f"k{number % 3}" if number % 5 else f"once{number}",
            "words": f"de la rare{number} de" + " la" * (number % 4),
            "lemmas": f"le le{number % 7} lemme{number}",
        }
        for number in range(23)
    ]
    try:
        found = []
        for codec in (W3Codec(blocklimit=4), CompactCodec(blocklimit=4)):
            ix = RamStorage().create_index(schema)
            with ix.writer(codec=codec) as writer:
                for document in documents:
                    writer.add_document(**document)
            found.append(_public_postings(ix))
        with ix.reader() as reader:
            inlined = _has_inlined(reader)
        return inlined and found[0] == found[1]
    except Exception:  # whatever the private state no longer fits, the writer is not usable
        return False


def _public_postings(ix: Any) -> list[Any]:
    with ix.reader() as reader:
        # Terms no document has, and the terms from a prefix, from the term dictionary.
        found: list[Any] = [
            (field, f"absent{n}") in reader for field in ("words", "lemmas") for n in range(40)
        ]
        found.append([list(reader.expand_prefix(field, "r")) for field in ("words", "lemmas")])
        for field, term in reader.all_terms():
            found.append((reader.frequency(field, term), reader.doc_frequency(field, term)))
            matcher = reader.postings(field, term)
            postings = []
            while matcher.is_active():
                postings.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            found.append((field, term, postings))
        return found


def _has_inlined(reader: Any) -> bool:
    return any(reader.term_info(field, term).is_inlined() for field, term in reader.all_terms())


__all__ = [
    "INLINE_MAX_POSTINGS",
    "POSTINGS_BLOCK",
    "POSTINGS_COMPRESSION",
    "CompactCodec",
    "StockWriterWarning",
    "postings_codec",
]
