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
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pqsearch import Index, PqsearchError, open_index

T = TypeVar("T")
DEFAULT_TIMEOUT = 10.0
# Threads running library calls at once; the Index lends as many readers (its default, 8).
WORKERS = 8


class SearchTimeoutError(PqsearchError):
    """A library call took longer than the server allows; a narrower search may not."""


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
        future = loop.run_in_executor(self._executor, lambda: work(self.open()))
        try:
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError:
            raise SearchTimeoutError(
                f"The search took longer than {self.timeout:g} s and was stopped. "
                "Narrow it with more words or filters."
            ) from None

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        with self._opening:
            if self._index is not None:
                self._index.close()
                self._index = None
