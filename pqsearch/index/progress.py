"""Where an ingest is, for a progress display."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Progress:
    """Where an ingest is, for a progress display."""

    files_total: int
    files_done: int = 0
    documents: int = 0
    analyzed: int = 0
    words: int = 0
    failed: int = 0
    started: float = field(default_factory=time.monotonic)
    stage: str = "parse"
    # Once the files are read, when the answer-type rules changed: the indexed documents
    # read again against them (`stage` "retype"), of how many.
    checked: int = 0
    to_check: int = 0
    # The bytes of the files to read, and read so far: within a JSON Lines file too, record
    # by record, so that one large file is not "0/1 files" until its end.
    bytes_total: int = 0
    bytes_done: int = 0
    # The files and folders named that do not exist, as given: known before any file is
    # read, and said then (they are also among the report's `failed`, at the end).
    missing: tuple[str, ...] = ()

    def read(self, size: int) -> None:
        """`size` more bytes read."""
        self.bytes_done += size

    @property
    def words_per_second(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.words / elapsed if elapsed > 0 else 0.0


ProgressCallback = Callable[[Progress], None]
