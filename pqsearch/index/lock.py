"""The index's write lock: one ingest writes at a time, and a second one says who holds it."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pqsearch.errors import DiskFullError, IndexLockedError

LOCK_FILE = "ingest.lock"


@dataclass(frozen=True)
class LockHolder:
    pid: int | None
    started: str | None
    command: str | None


def _parse_holder(text: str) -> LockHolder:
    fields = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    pid = fields.get("pid", "")
    return LockHolder(
        int(pid) if pid.isdigit() else None, fields.get("started"), fields.get("command")
    )


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class _LocalState:
    """This process's side of one index's lock file. A POSIX lock does not exclude its own
    process, and closing any descriptor of the file releases it; so the ingests of this
    process take `ingest` one at a time, and a probe (`ingest_running`) opens the file only
    while no ingest of this process holds `ingest`, which takes the file lock only once the
    probes holding a descriptor of it (`probes`) have closed theirs."""

    def __init__(self) -> None:
        self.ingest = threading.Lock()
        self.changed = threading.Condition()
        self.probes = 0


_LOCAL: dict[str, _LocalState] = {}
_LOCAL_GUARD = threading.Lock()


def _local_state(path: Path) -> _LocalState:
    with _LOCAL_GUARD:
        return _LOCAL.setdefault(os.path.realpath(path), _LocalState())


@contextlib.contextmanager
def write_lock(root: Path, *, timeout: float = 10.0) -> Iterator[LockHolder | None]:
    """Hold the index's write lock; yields the holder of a stale lock that was cleared, if any.

    The lock is a POSIX record lock (fcntl), which belongs to this process alone: the
    kernel releases it when the process dies, and a child process never inherits it (an
    flock did: a worker orphaned by a kill kept the index locked, issue 12). The file's
    text only says who held it, for messages; it is read through the locked descriptor,
    since closing any other descriptor of the file would release a POSIX lock.
    """
    path = root / LOCK_FILE
    deadline = time.monotonic() + timeout
    local = _local_state(path)
    if not local.ingest.acquire(timeout=max(timeout, 0.0)):
        raise _locked_error(root, timeout, LockHolder(os.getpid(), None, "pqsearch ingest"))
    try:
        with local.changed:
            local.changed.wait_for(lambda: not local.probes)
        with writing(root):
            root.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        # Imported here: a search imports this module (through `store`) but never locks.
        from pqsearch.resources import try_lock

        try:
            while not try_lock(
                lambda: fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB), path, "the index"
            ):
                if time.monotonic() >= deadline:
                    raise _locked_error(root, timeout, _holder_of(fd))
                time.sleep(0.1)
            previous = _holder_of(fd)
            stale = previous if previous.pid and previous.pid != os.getpid() else None
            if stale is not None and stale.pid is not None and _pid_alive(stale.pid):
                # A live process with that pid no longer holds the lock: it is not an ingest.
                stale = None
            started = dt.datetime.now().isoformat(timespec="seconds")
            with writing(root):
                os.ftruncate(fd, 0)
                os.pwrite(
                    fd,
                    f"pid={os.getpid()}\nstarted={started}\ncommand=pqsearch ingest\n".encode(),
                    0,
                )
            try:
                yield stale
            finally:
                os.ftruncate(fd, 0)
                fcntl.lockf(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
    finally:
        local.ingest.release()


def ingest_running(root: Path) -> bool:
    """Whether an ingest holds the index's write lock now.

    Tested on the lock itself, not on the pid its file names (a pid left by a killed ingest
    may belong to another process since: review 17, F2). An ingest of this process says so
    without the file being opened: closing a descriptor of it would release that ingest's
    lock (F1); and it waits to take the lock until the probes of this process have closed
    theirs. Probes do not exclude each other (two at once both said an ingest was running:
    audit 18, T1).
    """
    path = root / LOCK_FILE
    local = _local_state(path)
    with local.changed:
        if local.ingest.locked():
            return True
        local.probes += 1
    try:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return False
        try:
            # A shared lock taken and given back at once: refused while an ingest holds the
            # exclusive one (an ingest trying that instant waits its 0.1 s and tries again).
            fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        else:
            fcntl.lockf(fd, fcntl.LOCK_UN)
            return False
        finally:
            os.close(fd)
    finally:
        with local.changed:
            local.probes -= 1
            local.changed.notify_all()


@contextlib.contextmanager
def writing(root: Path) -> Iterator[None]:
    """Turn "this folder cannot be written" into ReadOnlyIndexError, which names what
    refused and says that searching still works, and "the disk holding it is full" into
    DiskFullError."""
    # Imported here: a search imports this module (through `store`) but never writes.
    from pqsearch.resources import write_refused

    try:
        yield
    except OSError as error:
        refused = write_refused(error, root)
        if refused is None:
            raise
        if refused.kind != "not writable":
            where = f" ({error.filename})" if error.filename else ""
            raise DiskFullError(
                f"Cannot write in the index at {root}{where}: {refused.why}. The index is as "
                f"its last commit left it. {refused.fix}, or pass --index with a folder on "
                "another disk, then run the ingest again."
            ) from error
        from pqsearch.index.writable import read_only, refused_path

        place = refused_path(error.filename) if error.filename else root
        raise read_only(root, place, error.strerror or str(error), changed=False) from error


def _locked_error(root: Path, timeout: float, holder: LockHolder) -> IndexLockedError:
    who = f"process {holder.pid}" if holder.pid else "another process"
    since = f", started {holder.started}" if holder.started else ""
    return IndexLockedError(
        f"Another ingest ({who}{since}) is writing to {root}; waited "
        f"{timeout:g} s. Let it finish and run this again, or pass --wait "
        "SECONDS to wait longer."
    )


def _holder_of(fd: int) -> LockHolder:
    try:
        text = os.pread(fd, 4096, 0).decode("utf-8", errors="replace")
    except OSError:
        return LockHolder(None, None, None)
    return _parse_holder(text)
