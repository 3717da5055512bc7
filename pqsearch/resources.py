"""A write refused for want of room, told apart from damage: a full disk, a file-size limit;
and a file or memory refused for want of resources (`exhausted`).

A full disk or a small `ulimit -f` met while searching (SQLite writes a shared-memory file
beside the lexicon to read it) or ingesting was reported as a damaged index to rebuild, or
as a traceback (session 9's closing note). A rebuild is the worst advice on a full disk.
SQLite does not pass on the system's error: for its "disk I/O error" the cause is inferred
from this process's file-size limit and the room left on the disk.
"""

from __future__ import annotations

import errno
import os
import resource
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pqsearch.errors import (
    DiskFullError,
    IndexProblemError,
    LockUnsupportedError,
    ResourceLimitError,
)

_FULL = (errno.ENOSPC, errno.EDQUOT)
# What a lock request gives on a file system without locks (NFS without its lock service,
# some FUSE and SMB mounts), or with no lock left to give: not another process holding it.
_NO_LOCKS = (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EINVAL)
# Below this much room, a write that failed is taken to have failed for want of it (SQLite's
# shared-memory file alone takes 32 KiB; a commit writes several MB).
_ALMOST_FULL = 1 << 20


@dataclass(frozen=True)
class NoRoom:
    """Why the file system refused to grow a file, and what the user can do about it."""

    kind: Literal["disk full", "file-size limit", "not writable"]
    why: str
    fix: str


def no_room(error: BaseException, folder: Path) -> NoRoom | None:
    """The lack of room `error` (or an error that caused it) stands for, writing in
    `folder`; None when it is something else (damage, a bug)."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in _FULL:
            return _disk_full(folder)
        if isinstance(seen, OSError) and seen.errno == errno.EFBIG:
            return _size_limit() or _disk_full(folder)
        if isinstance(seen, sqlite3.OperationalError):
            code = getattr(seen, "sqlite_errorcode", None)
            if code == sqlite3.SQLITE_FULL or "disk is full" in str(seen):
                return _disk_full(folder)
            if (code is not None and code & 0xFF == sqlite3.SQLITE_IOERR) or (
                "disk I/O error" in str(seen)
            ):
                full = _room(folder) < _ALMOST_FULL
                found = _size_limit() or (_disk_full(folder) if full else None)
                if found is not None:
                    return found
        seen = seen.__cause__ or seen.__context__
    return None


# A folder this process may not write: a read-only file system, or permissions.
_UNWRITABLE = (errno.EROFS, errno.EACCES, errno.EPERM)


def write_refused(error: BaseException, folder: Path) -> NoRoom | None:
    """Why writing in `folder` was refused, when the disk or the folder refused it: no room
    (`no_room`: ENOSPC, EDQUOT, a file-size limit), or a folder this process may not write
    (EROFS, EACCES, EPERM); None for anything else. The one mapping that the ingest's lock,
    the harvest and the saved searches share."""
    room = no_room(error, folder)
    if room is not None:
        return room
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in _UNWRITABLE:
            return NoRoom(
                "not writable",
                f"{folder} cannot be written ({seen.strerror})",
                "Use a folder you can write",
            )
        seen = seen.__cause__ or seen.__context__
    return None


def _disk_full(folder: Path) -> NoRoom:
    return NoRoom(
        "disk full",
        f"the disk holding {folder} is full",
        "Free some space on that disk",
    )


def _size_limit() -> NoRoom | None:
    """The file-size limit of this process (`ulimit -f`), when it has one."""
    limit, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    if limit == resource.RLIM_INFINITY:
        return None
    return NoRoom(
        "file-size limit",
        f"this process may not write a file of more than {limit:,} bytes (ulimit -f)",
        'Raise the limit ("ulimit -f unlimited" in the shell that runs pqsearch)',
    )


def _room(folder: Path) -> int:
    """Bytes this process may still write on the disk holding `folder` (its nearest
    existing ancestor); a disk that cannot be asked counts as roomy."""
    for place in (folder, *folder.parents):
        try:
            found = os.statvfs(place)
        except OSError:
            continue
        return found.f_bavail * found.f_frsize
    return _ALMOST_FULL


def search_refused(place: Path, error: BaseException) -> IndexProblemError | None:
    """The error to raise when reading `place` (an index or its lexicon) failed for want of
    room (SQLite writes a shared-memory file beside the lexicon to read it) or of a file
    handle or memory (`exhausted`); None for any other failure."""
    limited = exhausted(error)
    if limited is not None:
        return limited
    room = no_room(error, place if place.is_dir() else place.parent)
    if room is None:
        return None
    return DiskFullError(
        f"Cannot read {place}: {room.why}, and reading it needs to write a small file beside "
        f"it ({error}). The index is unchanged. {room.fix}, then search again."
    )


# The system refusing this process a file handle or memory: nothing on disk is wrong, so
# neither the damage message (whose rebuild takes an hour at 100,000 documents) nor "move
# your saved searches aside" is the advice.
_EXHAUSTED = (errno.EMFILE, errno.ENFILE, errno.ENOMEM)
# SQLite does not pass the system's error on: "unable to open database file" with this many
# of the process's file handles in use is taken to be the open-file limit.
_FEW_HANDLES_LEFT = 8


def exhausted(error: BaseException) -> ResourceLimitError | None:
    """The ResourceLimitError `error` (or an error that caused it) stands for: too many open
    files (this process's limit or the system's), or no memory; None for anything else."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in _EXHAUSTED:
            return ResourceLimitError.of(seen.errno, seen)
        if isinstance(seen, MemoryError):
            return ResourceLimitError.of(errno.ENOMEM, seen)
        if (
            isinstance(seen, sqlite3.OperationalError)
            and "unable to open" in str(seen)
            and _few_handles_left()
        ):
            return ResourceLimitError.of(errno.EMFILE, seen)
        seen = seen.__cause__ or seen.__context__
    return None


def _few_handles_left() -> bool:
    limit, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        in_use = len(os.listdir("/proc/self/fd"))
    except OSError:
        return False
    return limit != resource.RLIM_INFINITY and in_use >= limit - _FEW_HANDLES_LEFT


_BUSY = (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK)


def try_lock(take: Callable[[], object], path: Path, guarded: str) -> bool:
    """Take a lock on `path` without waiting (`take`: an flock or lockf call with LOCK_NB,
    keeping `guarded` to one process at a time): True when taken, False when another process
    holds it. A file system that gives no locks raises LockUnsupportedError, saying so; any
    other failure its own OSError."""
    try:
        take()
    except OSError as error:
        if error.errno in _BUSY:
            return False
        if error.errno in _NO_LOCKS:
            raise LockUnsupportedError(
                f"Cannot lock {path} ({error.strerror}): the file system holding it does not "
                "give file locks (NFS without its lock service, some FUSE or SMB mounts), and "
                f"pqsearch locks it so that two processes never change {guarded} at once. "
                "Nothing was changed. Use a folder on a local disk, or turn locking on for that "
                "file system."
            ) from error
        raise
    return True


__all__ = ["NoRoom", "exhausted", "no_room", "search_refused", "try_lock", "write_refused"]
