"""The positions file's layout (`positions_file`): its magic, its trailer, and the writer
that lays its arrays out aligned, keeping the CRC-32 the trailer ends with."""

from __future__ import annotations

import json
import struct
import zlib
from typing import Any, BinaryIO

import numpy as np

MAGIC = b"PQSEARCH POSITIONS 1\n"
# After the directory: its length (uint64) and the CRC-32 of every byte before the CRC.
TRAILER = struct.Struct("<QI")
ALIGN = 8


class Writer:
    """Appends aligned arrays to the file, keeping the running CRC-32."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.crc = 0
        self.offset = 0
        self.write(MAGIC)

    def write(self, data: bytes) -> None:
        self.out.write(data)
        self.crc = zlib.crc32(data, self.crc)
        self.offset += len(data)

    def array(self, values: np.ndarray[Any, Any]) -> int:
        """Write `values` at the next aligned offset; returns that offset."""
        self.write(b"\0" * (-self.offset % ALIGN))
        at = self.offset
        self.write(values.tobytes())
        return at

    def finish(self, directory: dict[str, Any]) -> None:
        """The directory, its length and the CRC-32 of everything before the CRC."""
        encoded = json.dumps(directory).encode("utf-8")
        self.write(encoded)
        self.write(struct.pack("<Q", len(encoded)))
        self.out.write(struct.pack("<I", self.crc))
        self.out.flush()


def narrowest(largest: int, least: str = "<u1") -> str:
    for dtype in ("<u1", "<u2", "<u4"):
        if np.dtype(dtype).itemsize >= np.dtype(least).itemsize and largest <= np.iinfo(dtype).max:
            return dtype
    raise ValueError(f"a count or position of {largest} does not fit 32 bits")


__all__ = ["ALIGN", "MAGIC", "TRAILER", "Writer", "narrowest"]
