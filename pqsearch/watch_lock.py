"""The exclusive lock held while the saved searches change (`watch`)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from pqsearch.errors import WatchError
from pqsearch.resources import try_lock


@contextlib.contextmanager
def exclusive(
    path: Path, *, wait: float, what: str, unwritable: Callable[[OSError], WatchError]
) -> Iterator[None]:
    """Hold an flock on `path` (created if need be), waiting up to `wait` seconds for another
    process `what` (e.g. "changing the saved searches of index")."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise unwritable(error) from error
    try:
        deadline = time.monotonic() + wait
        while not try_lock(
            lambda: fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB), path, "the saved searches"
        ):
            if time.monotonic() >= deadline:
                raise WatchError(
                    f"Another process is {what} (it holds {path}); waited {wait:g} s. "
                    "Run this again when it has finished."
                )
            time.sleep(0.05)
        yield
    finally:
        os.close(fd)
