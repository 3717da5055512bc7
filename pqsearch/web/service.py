"""The one open index the web application shares, and the time a request may take.

Every library call runs on a worker thread (a search is CPU work; the event loop keeps
serving other requests) and is abandoned with `TimeoutError` past `timeout` seconds: the
page then says so instead of hanging. The query parser already bounds the work a query can
ask for (length, terms, prefix expansion), so an abandoned call still ends soon.
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


class SearchTimeoutError(PqsearchError):
    """A library call took longer than the server allows; a narrower search may not."""


class IndexService:
    """Opens the index on first use and runs library calls against it, one at a time.

    One at a time, on one thread: the open index reads its lexicon through SQLite, whose
    connection refuses other threads, and its caches are not guarded for concurrent use.
    """

    def __init__(self, index_dir: str | Path | None, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.index_dir = index_dir
        self.timeout = timeout
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="pqsearch-index"
        )
        self._index: Index | None = None
        self._lock = threading.Lock()

    def _opened(self) -> Index:
        if self._index is None:
            self._index = open_index(self.index_dir)
        return self._index

    def open(self) -> None:
        """Open the index now (a missing one raises `NoIndexError` before serving starts)."""
        self._executor.submit(self._call, lambda index: None).result()

    def _call(self, work: Callable[[Index], T]) -> T:
        with self._lock:
            return work(self._opened())

    async def run(self, work: Callable[[Index], T]) -> T:
        """`work(index)` on the index's thread; `SearchTimeoutError` past the timeout."""
        future = asyncio.get_running_loop().run_in_executor(self._executor, self._call, work)
        try:
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError:
            raise SearchTimeoutError(
                f"The search took longer than {self.timeout:g} s and was stopped. "
                "Narrow it with more words or filters."
            ) from None

    def close(self) -> None:
        """Close the index (on its own thread, where SQLite wants it) and stop the thread."""
        self._executor.submit(self._close).result()
        self._executor.shutdown(wait=True, cancel_futures=True)

    def _close(self) -> None:
        with self._lock:
            if self._index is not None:
                self._index.close()
                self._index = None
