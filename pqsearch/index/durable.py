"""Writes that survive a power cut: fsync the files, then their folder, before a switch.

Whoosh writes segment files and a new table of contents, renames it over the old one and
deletes the old one at once, all without an fsync; a power cut in the write-back window
could leave an index that does not open (issue 12, point 5). `DurableStorage` is Whoosh's
file storage with every file it creates synced when closed and its folder synced after each
rename, so that the new table of contents is on disk, with every file it names, before the
previous one is deleted. Our own files (file record, columns, lexicon checksum) go through
`write_atomic`: a temporary file, synced, renamed, the folder synced. Files the user names
(exports) go through `write_new`, which also refuses to replace an existing file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage

from pqsearch import temporary


def fsync_dir(path: Path | str) -> None:
    """Make the folder's entries (files created, renamed, deleted) durable."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path | str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace(tmp: Path, path: Path) -> None:
    """Rename the finished `tmp` over `path`, both the bytes and the rename made durable."""
    fsync_file(tmp)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all, durably."""
    fd, tmp = temporary.create(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_new(path: Path, data: bytes | Iterable[bytes], *, replace: bool = False) -> None:
    """Write a file the user named whole or not at all, durably, through a temporary file
    beside it: a failure (disk full, a kill, an error raised by `data` given in pieces)
    leaves what was at `path` as it was.

    Unless `replace`, a `path` that exists is refused with FileExistsError, also one that
    appears while writing: the finished file is hard-linked to `path`, which never replaces.
    A file replaced keeps its permission bits (a private 0600 export stays private).
    """
    mode = _mode_to_keep(path) if replace else None
    fd, tmp = temporary.create(path, 0o666 if mode is None else 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            for piece in [data] if isinstance(data, bytes) else data:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)


def _mode_to_keep(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None


def _link_new(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as error:
        # A file system without hard links (FAT on a USB stick): look, then rename. Only a
        # file created at that very instant could be replaced.
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS):
            raise
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.replace(tmp, path)


def write_quietly(path: Path, text: str) -> None:
    """Write `path` whole or not at all, without a sync, and give up silently if it cannot
    be written: for derived files whose loss costs only their making again (stamps, saved
    labels), which a search may write into an index it can only read. The temporary name is
    new for each write (`temporary.create`), so that writers at the same moment never share it."""
    with contextlib.suppress(OSError):
        fd, tmp = temporary.create(path)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(text.encode("utf-8"))
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)


class DurableStorage(FileStorage):  # type: ignore[misc]
    """Whoosh's FileStorage, syncing each file it wrote when it is closed and the folder
    after each rename (the table of contents' switch)."""

    def create_file(self, name: str, excl: bool = False, mode: str = "wb", **kwargs: Any) -> Any:
        structfile = super().create_file(name, excl, mode, **kwargs)
        then = structfile.onclose

        def sync(closing: Any) -> None:
            if then is not None:
                then(closing)
            raw = closing.file
            if hasattr(raw, "fileno"):
                raw.flush()
                os.fsync(raw.fileno())

        structfile.onclose = sync
        return structfile

    def rename_file(self, oldname: str, newname: str, safe: bool = False) -> None:
        super().rename_file(oldname, newname, safe)
        fsync_dir(self.folder)


__all__ = [
    "DurableStorage",
    "fsync_dir",
    "fsync_file",
    "replace",
    "write_atomic",
    "write_new",
]


def write_some(fd: int, data: memoryview) -> int:
    """`os.write` of `data` to `fd`, waiting while a non-blocking descriptor is full (a pipe
    or terminal left non-blocking by another program: EAGAIN is not a refusal; review 16,
    W1); how many bytes it took."""
    while True:
        try:
            return os.write(fd, data)
        except BlockingIOError:
            select.select([], [fd], [])
