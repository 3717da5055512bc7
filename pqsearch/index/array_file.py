"""A file of named numpy arrays that a reader takes one at a time, as stored: no inflating.

The saved columns (`columns.py`) were a compressed `.npz`: a cold search at 100,000
documents spent 60 ms inflating the dozen arrays it reads (BENCHMARKS.md, "Cold start").
Here each array is stored raw, in the narrowest integer type that holds its values (a facet
code fits a byte, a document number four), and read back widened to 64 bits: a search
reads a few hundred kilobytes and inflates nothing.

Layout: a magic line, the header's length and CRC-32 (two little-endian 32-bit integers),
the header (JSON: each array's dtype, shape, offset after the header, length and CRC-32),
then the arrays' bytes. Every array is checked against its CRC-32 when read, and the header
when the file is opened: a flipped or truncated file reads as unreadable (None), never as
other values.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

MAGIC = b"pqsearch arrays 1\n"
_HEADER = struct.Struct("<II")
# What reading a damaged file may raise, besides a failed check: a short or garbled header,
# a dtype or shape that is not one (flipped bits), an allocation as large as a flipped size.
UNREADABLE = (
    OSError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    struct.error,
    OverflowError,
    MemoryError,
)


def narrowest(array: np.ndarray) -> np.ndarray:
    """`array` in the smallest integer type that holds its values exactly (whole-number
    floats included), or as it is."""
    if array.size == 0 or array.dtype.kind not in "iuf":
        return array
    if array.dtype.kind == "f" and not np.array_equal(array, np.trunc(array)):
        return array
    low, high = array.min(), array.max()
    for kind in (np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32):
        limits = np.iinfo(kind)
        if limits.min <= low and high <= limits.max:
            return array.astype(kind)
    return array


def write_arrays(path: Path, arrays: Mapping[str, np.ndarray], **meta: int) -> None:
    """Write `arrays` (each narrowed) and the integers `meta` to `path`."""
    entries: dict[str, list[Any]] = {}
    chunks: list[bytes] = []
    offset = 0
    for name, array in arrays.items():
        stored = np.ascontiguousarray(narrowest(array))
        data = stored.tobytes()
        entries[name] = [stored.dtype.str, list(stored.shape), offset, len(data), zlib.crc32(data)]
        chunks.append(data)
        offset += len(data)
    header = json.dumps({"meta": meta, "arrays": entries}).encode()
    with path.open("wb") as out:
        out.write(MAGIC + _HEADER.pack(len(header), zlib.crc32(header)) + header)
        for data in chunks:
            out.write(data)


def will_need(descriptor: int, offset: int, length: int) -> None:
    """Ask the kernel to read `length` bytes (0: to the end) of an open file from `offset` in
    the background; nothing where the system has no `posix_fadvise`, or refuses."""
    advise = getattr(os, "posix_fadvise", None)  # not on every system
    if advise is not None:
        with contextlib.suppress(OSError):
            advise(descriptor, offset, length, os.POSIX_FADV_WILLNEED)


class ArrayFile:
    """The header of a file `write_arrays` wrote; `read` takes arrays from it."""

    def __init__(self, path: Path, meta: Mapping[str, int], entries: Mapping[str, Any], start: int):
        self.path = path
        self.meta = meta
        self._entries = entries
        self._start = start

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self._entries)

    @classmethod
    def open(cls, path: Path) -> ArrayFile | None:
        """The file's header, or None when the file is missing or damaged."""
        try:
            with path.open("rb") as file:
                lead = file.read(len(MAGIC) + _HEADER.size)
                if not lead.startswith(MAGIC):
                    return None
                length, checksum = _HEADER.unpack(lead[len(MAGIC) :])
                header = file.read(length)
            if len(header) != length or zlib.crc32(header) != checksum:
                return None
            parsed = json.loads(header)
            return cls(path, dict(parsed["meta"]), dict(parsed["arrays"]), len(lead) + length)
        except UNREADABLE:
            return None

    def prefetch(self) -> None:
        """Have the kernel read the whole file in the background (nothing waits for it)."""
        with contextlib.suppress(OSError):
            descriptor = os.open(self.path, os.O_RDONLY)
            try:
                will_need(descriptor, 0, 0)
            finally:
                os.close(descriptor)

    def read(self, names: Sequence[str], *, widen: bool = True) -> list[np.ndarray] | None:
        """The arrays `names` (integers as int64, or as stored when not `widen`), or None
        when one is missing or damaged."""
        found: list[np.ndarray] = []
        try:
            with self.path.open("rb") as file:
                for name in names:
                    dtype, shape, offset, length, checksum = self._entries[name]
                    file.seek(self._start + offset)
                    data = file.read(length)
                    if len(data) != length or zlib.crc32(data) != checksum:
                        return None
                    array = np.frombuffer(data, dtype=np.dtype(dtype)).reshape(shape)
                    if widen and array.dtype.kind in "iu":
                        array = array.astype(np.int64)
                    found.append(array)
        except UNREADABLE:
            return None
        return found


__all__ = ["MAGIC", "UNREADABLE", "ArrayFile", "narrowest", "will_need", "write_arrays"]
