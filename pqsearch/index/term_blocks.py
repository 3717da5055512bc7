"""The term dictionary of new segments: sorted terms in zlib-compressed blocks.

Whoosh's term dictionary (an ordered hash file) costs about 90 bytes a term before any
inlined postings: lengths, hash slots, the ordered index and an uncompressed term info per
term. Most of a small index's terms occur once or twice, so that file was more than half of
the shipped corpus's index (BENCHMARKS.md, s14-small). Here the same keys and values (Whoosh's
key, a field number and the term's bytes; Whoosh's `W3TermInfo` bytes, inlined postings
included) are kept in sorted blocks of `BLOCK_TERMS`, each compressed whole: zlib shares
what neighbouring terms and their term infos repeat. 1.10 MB became 0.30 on the shipped
corpus (BENCHMARKS.md, s15-small).

The file: `MAGIC` and a version byte, the blocks, the block index (each block's first key and
extent, the field map) compressed, and a trailer giving the block index's extent. A block
holds its count, each key's and value's length, the keys, the values. Every byte but the
header and trailer is inside a zlib stream, whose checksum turns a damaged byte into a
`DecodingError` rather than another term; the header and trailer are checked against the
file's length.

A segment written this way records `TermBlocksCodec` in the index's table of contents; its
reader looks at the file's first bytes, so a `.trm` written by Whoosh (every segment written
before, or by the stock codec) is read by Whoosh's own reader.
"""

from __future__ import annotations

import bisect
import itertools
import json
import struct
import zlib
from collections.abc import Iterator
from typing import Any

from whoosh.codec.base import FieldCursor
from whoosh.codec.whoosh3 import W3Codec, W3TermInfo, W3TermsReader
from whoosh.filedb.filetables import FileFormatError
from whoosh.reading import TermNotFound

from pqsearch.index.whoosh_format import DecodingError

MAGIC = b"PQTB"
VERSION = 1
# Terms a block holds. The shipped corpus's 12,073 terms take 0.34 MB in blocks of 16, 0.30
# in 32, 0.27 in 64. A lookup in a block not yet read decompresses it: about 30 us of CPU for
# a block of 64 terms (4 kB; 19 of them zlib's), half that for 32, against 12 to 20 us for a
# lookup in Whoosh's hash file (a loaded machine, BENCHMARKS.md, s15-small). A search from a
# fresh process makes about 28 lookups.
BLOCK_TERMS = 32
COMPRESSION = 9
# Decoded blocks a reader keeps (about 5 kB each at 32 terms), each of at most
# CACHED_BLOCK_BYTES: a block of pasted hashes or base64 "words" (2,000 characters each, the
# analysis's limit) is read again rather than kept, so that a reader holds at most 4 MB
# (review 15, V3: 64 MB per reader on such a corpus).
CACHED_BLOCKS = 256
CACHED_BLOCK_BYTES = 16_384

_HEADER = MAGIC + bytes([VERSION])
# The block index's offset and compressed length, then the magic again.
_TRAILER = struct.Struct("<QI4s")
_COUNT = struct.Struct("<I")
# Whoosh's ordered hash file, which a `.trm` of Whoosh's codec begins with.
_WHOOSH_MAGIC = b"HSH3"


class TermBlocksCodec(W3Codec):  # type: ignore[misc]
    """Whoosh's W3 codec whose term dictionary may be in blocks (see the module): what a
    segment written by `whoosh_codec.CompactCodec` records."""

    def terms_reader(self, storage: Any, segment: Any) -> Any:
        name = segment.make_filename(self.TERMS_EXT)
        length = storage.file_length(name)
        dbfile = storage.open_file(name)
        try:
            start = dbfile.get(0, len(_HEADER))
        except BaseException:
            dbfile.close()
            raise
        if start[: len(_WHOOSH_MAGIC)] == _WHOOSH_MAGIC:
            dbfile.close()
            return super().terms_reader(storage, segment)
        try:
            if start != _HEADER:
                raise FileFormatError(f"{name} is not a pqsearch term dictionary ({start!r})")
            postfile = segment.open_file(storage, self.POSTS_EXT)
        except BaseException:
            dbfile.close()
            raise
        return TermBlocksReader(self, dbfile, length, postfile)


class TermBlocksWriter:
    """Writes sorted (key, value) pairs in blocks: what Whoosh's field writer calls its
    `_tindex` (`add`, `close`, and the field map in `extras`)."""

    def __init__(self, dbfile: Any) -> None:
        self.dbfile = dbfile
        self.extras: dict[str, Any] = {}
        self._keys: list[bytes] = []
        self._values: list[bytes] = []
        self._last = b""
        self._firsts: list[bytes] = []
        self._offsets: list[int] = []
        dbfile.write(_HEADER)

    def add(self, key: bytes, value: bytes) -> None:
        if self._last and key <= self._last:
            raise ValueError(f"Keys must increase: {self._last!r}..{key!r}")
        self._last = key
        self._keys.append(key)
        self._values.append(value)
        if len(self._keys) >= BLOCK_TERMS:
            self._write_block()

    def close(self) -> None:
        if self._keys:
            self._write_block()
        dbfile = self.dbfile
        at = dbfile.tell()
        self._offsets.append(at)
        fieldmap = json.dumps(self.extras.get("fieldmap", {}), sort_keys=True).encode()
        count = len(self._firsts)
        raw = b"".join(
            (
                struct.pack("<III", count, len(fieldmap), sum(map(len, self._firsts))),
                struct.pack(f"<{count + 1}Q", *self._offsets),
                struct.pack(f"<{count}I", *map(len, self._firsts)),
                b"".join(self._firsts),
                fieldmap,
            )
        )
        packed = zlib.compress(raw, COMPRESSION)
        dbfile.write(packed)
        dbfile.write(_TRAILER.pack(at, len(packed), MAGIC))
        dbfile.close()

    def _write_block(self) -> None:
        keys, values = self._keys, self._values
        count = len(keys)
        raw = b"".join(
            (
                _COUNT.pack(count),
                struct.pack(f"<{count}I", *map(len, keys)),
                struct.pack(f"<{count}I", *map(len, values)),
                *keys,
                *values,
            )
        )
        self._firsts.append(keys[0])
        self._offsets.append(self.dbfile.tell())
        self.dbfile.write(zlib.compress(raw, COMPRESSION))
        self._keys, self._values = [], []


class _Block:
    """One block decompressed: where each key and value starts in its bytes. Keys are sliced
    out as a search or a walk reaches them (a lookup compares about 5 of 32)."""

    __slots__ = ("count", "raw", "starts")

    def __init__(self, raw: bytes) -> None:
        (count,) = _COUNT.unpack_from(raw)
        lengths = struct.unpack_from(f"<{2 * count}I", raw, 4)
        # The keys, then the values: each one's start, then the end.
        starts = list(itertools.accumulate(lengths, initial=4 + 8 * count))
        if starts[-1] != len(raw) or not count:
            raise DecodingError(f"a term block of {len(raw)} bytes holds {starts[-1]}")
        self.count = count
        self.raw = raw
        self.starts = starts

    def key(self, position: int) -> bytes:
        return self.raw[self.starts[position] : self.starts[position + 1]]

    def value(self, position: int) -> bytes:
        at = self.count + position
        return self.raw[self.starts[at] : self.starts[at + 1]]

    def position(self, key: bytes) -> int:
        """The position of the first key not below `key` (`count` past the last)."""
        low, high = 0, self.count
        raw, starts = self.raw, self.starts
        while low < high:
            middle = (low + high) // 2
            if raw[starts[middle] : starts[middle + 1]] < key:
                low = middle + 1
            else:
                high = middle
        return low


class TermBlocksReader(W3TermsReader):  # type: ignore[misc]
    """Whoosh's terms reader over a term dictionary in blocks: the same answers as
    `W3TermsReader` over the same terms (exact lookups, ordered iteration from a key, field
    cursors, frequencies), the matcher and key coding inherited."""

    def __init__(self, codec: Any, dbfile: Any, length: int, postfile: Any) -> None:
        self._codec = codec
        self._dbfile = dbfile
        self._postfile = postfile
        self._cache: dict[int, _Block] = {}
        try:
            self._read_index(length)
        except (zlib.error, struct.error, ValueError, UnicodeDecodeError, TypeError) as error:
            raise DecodingError(f"the term dictionary's block index: {error}") from error
        self._fieldunmap: list[str | None] = [None] * len(self._fieldmap)
        for fieldname, number in self._fieldmap.items():
            self._fieldunmap[number] = fieldname

    def _read_index(self, length: int) -> None:
        if length < len(_HEADER) + _TRAILER.size:
            raise DecodingError(f"a term dictionary of {length} bytes")
        at, size, magic = _TRAILER.unpack(self._dbfile.get(length - _TRAILER.size, _TRAILER.size))
        if magic != MAGIC or at + size != length - _TRAILER.size:
            raise DecodingError("the term dictionary's trailer does not match its length")
        raw = zlib.decompress(self._dbfile.get(at, size))
        count, map_size, keys_size = struct.unpack_from("<III", raw)
        offsets = struct.unpack_from(f"<{count + 1}Q", raw, 12)
        position = 12 + 8 * (count + 1)
        lengths = struct.unpack_from(f"<{count}I", raw, position)
        starts = list(itertools.accumulate(lengths, initial=position + 4 * count))
        firsts = [raw[start:end] for start, end in itertools.pairwise(starts)]
        position = starts[-1]
        fieldmap = json.loads(raw[position:].decode())
        tiled = offsets[0] == len(_HEADER) and offsets[-1] == at
        if position + map_size != len(raw) or sum(lengths) != keys_size or not tiled:
            raise DecodingError("the term dictionary's block index does not match its blocks")
        if any(a >= b for a, b in itertools.pairwise(offsets)):
            raise DecodingError("the term dictionary's blocks are out of order")
        if not isinstance(fieldmap, dict) or sorted(fieldmap.values()) != list(
            range(len(fieldmap))
        ):
            raise DecodingError("the term dictionary's field map is not one")
        self._offsets = offsets
        self._firsts = firsts
        self._fieldmap: dict[str, int] = fieldmap

    def _block(self, number: int, *, keep: bool = True) -> _Block:
        block = self._cache.get(number)
        if block is not None:
            return block
        start, end = self._offsets[number], self._offsets[number + 1]
        try:
            block = _Block(zlib.decompress(self._dbfile.get(start, end - start)))
        except (zlib.error, struct.error) as error:
            raise DecodingError(f"term block {number}: {error}") from error
        if keep and len(block.raw) <= CACHED_BLOCK_BYTES:
            if len(self._cache) >= CACHED_BLOCKS:
                # The block kept longest goes (dicts keep their order of insertion); a
                # reader shared by threads may see another change the cache meanwhile.
                try:
                    del self._cache[next(iter(self._cache))]
                except (KeyError, RuntimeError, StopIteration):
                    self._cache.clear()
            self._cache[number] = block
        return block

    def _get(self, key: bytes) -> bytes | None:
        """The value of `key`, None when the dictionary does not hold it."""
        number = bisect.bisect_right(self._firsts, key) - 1
        if number < 0:
            return None
        block = self._block(number)
        position = block.position(key)
        if position < block.count and block.key(position) == key:
            return block.value(position)
        return None

    def _items_from_key(self, key: bytes, *, keep: bool = True) -> Iterator[tuple[bytes, bytes]]:
        """Every (key, value) from the first key not below `key`, in order."""
        number = max(bisect.bisect_right(self._firsts, key) - 1, 0)
        for each in range(number, len(self._firsts)):
            block = self._block(each, keep=keep)
            position = block.position(key) if each == number else 0
            for at in range(position, block.count):
                yield block.key(at), block.value(at)

    def __contains__(self, term: tuple[str, bytes]) -> bool:
        return self._get(self._keycoder(*term)) is not None

    def cursor(self, fieldname: str, fieldobj: Any) -> Any:
        return _FieldCursor(self, fieldname, fieldobj)

    def terms(self) -> Iterator[tuple[str, bytes]]:
        decode = self._keydecoder
        return (decode(key) for key, _ in self._items_from_key(b"", keep=False))

    def terms_from(self, fieldname: str, prefix: bytes) -> Iterator[tuple[str, bytes]]:
        decode = self._keydecoder
        start = self._keycoder(fieldname, prefix)
        return (decode(key) for key, _ in self._items_from_key(start))

    def items(self) -> Iterator[tuple[tuple[str, bytes], Any]]:
        decode, info = self._keydecoder, W3TermInfo.from_bytes
        return ((decode(k), info(v)) for k, v in self._items_from_key(b"", keep=False))

    def items_from(self, fieldname: str, prefix: bytes) -> Iterator[tuple[tuple[str, bytes], Any]]:
        decode, info = self._keydecoder, W3TermInfo.from_bytes
        start = self._keycoder(fieldname, prefix)
        return ((decode(k), info(v)) for k, v in self._items_from_key(start))

    def term_info(self, fieldname: str, tbytes: bytes) -> Any:
        value = self._get(self._keycoder(fieldname, tbytes))
        if value is None:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}")
        return W3TermInfo.from_bytes(value)

    def _fixed(self, fieldname: str, tbytes: bytes) -> bytes:
        # As Whoosh's reader: a missing term is a KeyError, which its segment reader makes 0.
        value = self._get(self._keycoder(fieldname, tbytes))
        if value is None:
            raise KeyError((fieldname, tbytes))
        return value

    def frequency(self, fieldname: str, tbytes: bytes) -> float:
        return float(_WEIGHT.unpack_from(self._fixed(fieldname, tbytes), 1)[0])

    def doc_frequency(self, fieldname: str, tbytes: bytes) -> int:
        return int(_DOC_FREQUENCY.unpack_from(self._fixed(fieldname, tbytes), 5)[0])

    def close(self) -> None:
        self._cache.clear()
        self._dbfile.close()
        self._postfile.close()


# Where W3TermInfo's bytes keep the total weight and the document frequency (after a flags byte).
_WEIGHT = struct.Struct("!f")
_DOC_FREQUENCY = struct.Struct("!I")


class _FieldCursor(FieldCursor):  # type: ignore[misc]
    """Whoosh's field cursor (`W3FieldCursor`) over a term dictionary in blocks: the terms of
    one field in order, from its first or from the first not below a given term."""

    def __init__(self, reader: TermBlocksReader, fieldname: str, fieldobj: Any) -> None:
        self._reader = reader
        self._fieldname = fieldname
        self._fieldobj = fieldobj
        self._start = reader._keycoder(fieldname, b"")
        self._items: Iterator[tuple[bytes, bytes]] = iter(())
        self._text: Any = None
        self._value: bytes | None = None
        self.first()

    def first(self) -> Any:
        self._items = self._reader._items_from_key(self._start)
        return self.next()

    def find(self, term: Any) -> Any:
        if not isinstance(term, bytes):
            term = self._fieldobj.to_bytes(term)
        self._items = self._reader._items_from_key(self._reader._keycoder(self._fieldname, term))
        return self.next()

    def next(self) -> Any:
        for key, value in self._items:
            if key[: len(self._start)] == self._start:
                self._text = self._fieldobj.from_bytes(key[len(self._start) :])
                self._value = value
                return self._text
            break
        self._items = iter(())
        self._text = self._value = None
        return None

    def text(self) -> Any:
        return self._text

    def term_info(self) -> Any:
        return None if self._value is None else W3TermInfo.from_bytes(self._value)

    def is_valid(self) -> bool:
        return self._value is not None


__all__ = ["BLOCK_TERMS", "MAGIC", "TermBlocksCodec", "TermBlocksReader", "TermBlocksWriter"]
