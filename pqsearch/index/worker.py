"""The processes a large ingest lemmatizes in, which must never outlive the ingest.

A forked worker inherited the ingest's open files, the index's write lock among them, and
when the ingest was killed (SIGKILL or a plain SIGTERM) it lived on under pid 1 for minutes
with some 390 MB, keeping the index locked and the caller's pipes open (issue 12: 6 kills of
6). So the worker is *spawned* (a fresh interpreter: it inherits no open file but stdin,
stdout and stderr), and asks the kernel to kill it when its parent dies.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor

# prctl(2): deliver a signal to this process when its parent dies.
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """Worker initializer: SIGKILL when the ingest dies, however it dies."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    # The parent may have died before the request was made: then nobody would kill us.
    if os.getppid() != parent:
        os._exit(1)


# The default number of workers is the cores this process may run on, up to this many: each
# worker holds its own spaCy model (some 400 MB), and past 1 / (the main process's share of
# the CPU per document) more workers wait on the main process anyway (BENCHMARKS.md).
MAX_DEFAULT_JOBS = 8


def default_jobs() -> int:
    """The cores available to this process (its affinity, not the machine's count), capped."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_DEFAULT_JOBS, cores or 1))


def analysis_pool(jobs: int = 1) -> ProcessPoolExecutor:
    """`jobs` worker processes that die with this one and hold none of its files or locks.

    The executor hands each batch to whichever worker is free."""
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    )


__all__ = ["MAX_DEFAULT_JOBS", "analysis_pool", "default_jobs"]
