"""An index this process may not write: said before the first write, naming what refused.

An ingest into a data folder, or a lexicon, that the user may not write (a colleague's
index, a read-only mount, an immutable file) ended in a `PermissionError` traceback from the
first file it touched, or SQLite's "attempt to write a readonly database" after it had
already dropped the lexicon's checksum (review 16, W8). It is now refused before anything is
written, and a refusal met later is the same message.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from pqsearch.errors import ReadOnlyIndexError
from pqsearch.index.folders import LEXICON_FILE, WHOOSH_INDEX_NAME, live_data_dir

# Files of a data folder an ingest opens for writing in place (SQLite's own beside the
# lexicon, Whoosh's lock file); every other file it writes is a new one in the folder.
_WRITTEN_IN_PLACE = (
    LEXICON_FILE,
    f"{LEXICON_FILE}-wal",
    f"{LEXICON_FILE}-shm",
    f"{WHOOSH_INDEX_NAME}_WRITELOCK",
)
_UNWRITABLE = (errno.EROFS, errno.EACCES, errno.EPERM)


def refuse_read_only(root: Path, data: Path) -> None:
    """Raise ReadOnlyIndexError when this process may not write `data` (the live data
    folder of the index at `root`) or a file in it that an ingest changes in place."""
    # Asked with access(2), which the kernel answers from the permissions, the mount and the
    # immutable flag, root's capabilities included. Not by opening the files: closing a
    # descriptor of the lexicon would release the POSIX locks SQLite holds on it for any
    # connection of this process (a program holding the index open while it ingests).
    for place in (data, *(data / name for name in _WRITTEN_IN_PLACE)):
        if place.is_dir():
            allowed = os.access(place, os.W_OK | os.X_OK)
        else:
            allowed = not place.exists() or os.access(place, os.W_OK)
        if not allowed:
            raise read_only(root, place, refusal(place), changed=False)


def refusal(place: Path) -> str:
    """Why `place` may not be written, in the system's words (access(2) says only no)."""
    try:
        read_only_mount = bool(os.statvfs(place).f_flag & os.ST_RDONLY)
    except OSError:
        read_only_mount = False
    return os.strerror(errno.EROFS if read_only_mount else errno.EACCES)


def refused_place(error: BaseException, data: Path | None) -> tuple[Path, str] | None:
    """The file or folder whose write `error` (or what caused it) refused, and why: a
    permission, a read-only mount, an immutable file, a lexicon SQLite opened read-only;
    None for anything else."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in _UNWRITABLE and seen.filename:
            return refused_path(seen.filename), seen.strerror or str(seen)
        if (
            isinstance(seen, sqlite3.OperationalError)
            and data is not None
            and getattr(seen, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_READONLY
        ):
            return data / LEXICON_FILE, str(seen)
        seen = seen.__cause__ or seen.__context__
    return None


def refused_path(filename: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> Path:
    """The place to make writable for a write refused on `filename`: the file when it
    exists, else the folder that could not hold it."""
    path = Path(os.fsdecode(filename))
    return path if path.exists() else path.parent


def read_only(root: Path, place: Path, why: str, *, changed: bool) -> ReadOnlyIndexError:
    """The error for an ingest into the index at `root` refused by `place` (a file or a
    folder) for `why`; `changed`: whether it may have committed something before."""
    fix = (
        f"give this account write permission on {place} (chmod u+w, or ask its owner; a "
        "read-only disk must be mounted read-write), then run the ingest again; or pass "
        "--index with a folder of yours."
    )
    if live_data_dir(root, tolerate_damage=True) is None:
        # Nothing to search yet: "searching it works" sent the user to an index that is not
        # there (s18).
        written = "What the ingest wrote before is kept" if changed else "Nothing was written"
        return ReadOnlyIndexError(
            f"No index can be made at {root}: {place} refused a write ({why}). {written}, "
            f"and there is no index there to search yet. To make it, {fix}"
        )
    state = (
        "The index is as its last commit left it"
        if changed
        else "Nothing was changed: the index is as it was"
    )
    return ReadOnlyIndexError(
        f"The index at {root} cannot be written: {place} refused a write ({why}). {state}. "
        f"Searching it works as it is. To update it, {fix}"
    )


__all__ = ["read_only", "refusal", "refuse_read_only", "refused_path", "refused_place"]
