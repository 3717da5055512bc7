"""The one open index the web application shares, and the time a request may take.

Every library call runs on a worker thread (a search is CPU work; the event loop keeps
serving other requests) and is abandoned with `SearchTimeoutError` past `timeout` seconds:
the page then says so instead of hanging. The query parser already bounds the work a query
can ask for (length, terms, prefix expansion), so an abandoned call still ends soon.

The `Index` is shared by every request: it lends each call a reader of its own and serves
the newest generation committed when the call starts, so an ingest run while the server is
up is served without a restart.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pqsearch import Index, PqsearchError, open_index
from pqsearch.errors import ResourceLimitError

# Imported now, not where a failure first needs it: an import reads files, and with every
# file handle taken it failed too (an ImportError, answered 500, instead of the advice).
from pqsearch.resources import exhausted

T = TypeVar("T")
DEFAULT_TIMEOUT = 10.0
# Threads running library calls at once; the Index lends as many readers (its default, 8).
WORKERS = 8


class SearchTimeoutError(PqsearchError):
    """A library call took longer than the server allows; a narrower search may not."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(
            f"The search took longer than {seconds:g} s and was stopped. "
            "Narrow it with more words or filters."
        )


class ServerLimitError(ResourceLimitError):
    """The server process ran out of file handles or memory: a 503 that says what to do;
    the server answers again as soon as some are free."""


class IndexService:
    """Opens the index on first use and runs library calls against it on worker threads."""

    def __init__(self, index_dir: str | Path | None, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.index_dir = index_dir
        self.timeout = timeout
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=WORKERS, thread_name_prefix="pqsearch-index"
        )
        self._index: Index | None = None
        self._opening = threading.Lock()

    def open(self) -> Index:
        """The shared index, opened now if needed (a missing one raises `NoIndexError`)."""
        with self._opening:
            if self._index is None:
                self._index = open_index(self.index_dir, readers=WORKERS)
            return self._index

    async def run(self, work: Callable[[Index], T]) -> T:
        """`work(index)` on a worker thread; `SearchTimeoutError` past the timeout."""
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._executor, lambda: self._call(work))
        try:
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError:
            raise SearchTimeoutError(self.timeout) from None

    def _call(self, work: Callable[[Index], T]) -> T:
        try:
            return work(self.open())
        except (OSError, MemoryError, sqlite3.Error, ResourceLimitError) as error:
            limited = exhausted(error)
            if limited is None:
                raise
            server = ServerLimitError(
                f"{limited} The server runs pqsearch for every client at once: start it "
                "with a higher limit (ulimit -n 4096, then pqsearch serve), or have fewer "
                "clients search at the same time; it answers again as soon as files are free."
            )
            server.code, server.limit = limited.code, limited.limit
            raise server from error

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        with self._opening:
            if self._index is not None:
                self._index.close()
                self._index = None
