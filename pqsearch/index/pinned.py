"""A file of the index as it was when a reader opened, whatever happens to it afterwards.

A reader loads its index's taxonomy only when a search first needs it (a sector filter or
facet), which may be long after it opened: meanwhile an ingest may have installed another
taxonomy over the file, or a rebuild deleted the whole data folder (the reader then took
the shipped taxonomy). Either way the reader labelled and filtered its own documents'
sectors with a taxonomy that was not theirs. Held open from the reader's opening, the file
is the one the reader's version had: a replacement or deletion only unlinks its name.
"""

from __future__ import annotations

import os
from pathlib import Path


class PinnedFile:
    """A file held open since a reader opened; `read` gives its bytes as they were then."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self._fd = fd

    @classmethod
    def open(cls, path: Path) -> PinnedFile:
        """Hold `path` (a file that is not there reads as None)."""
        try:
            return cls(path, os.open(path, os.O_RDONLY))
        except FileNotFoundError:
            return cls(path, None)

    def read(self) -> bytes | None:
        """The whole file as held (files pqsearch replaces are renamed over, never
        rewritten in place), or None when it was not there."""
        if self._fd is None:
            return None
        size = os.fstat(self._fd).st_size
        return os.pread(self._fd, size, 0)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


__all__ = ["PinnedFile"]
