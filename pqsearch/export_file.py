"""Writing an export to the file the user named, never over a file by surprise.

The file named with -o may be anything, even a source document of the index: an existing
one is replaced only when asked (`force`), and the export is written beside it and renamed
into place, so that a failure (a full disk, a kill) leaves whatever was there whole.
A name that is not a regular file (/dev/stdout, a pipe, `>(...)`, a terminal, /dev/null) is
a stream the user wants the export sent into: it is written in place, never replaced.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from pqsearch.errors import PqsearchError
from pqsearch.index import durable


def write_export(path: str | Path, text: str | Iterable[str], *, force: bool = False) -> None:
    """Write an export to `path`, whole or not at all; an existing file only with `force`.

    `text` may come in pieces (an `Index.export_stream`), written as they come.

    What cannot be written (a file that exists, a folder that does not exist or cannot be
    written, a full disk) is a message (PqsearchError), not a traceback.
    """
    target = Path(path)
    if target.is_dir():
        raise PqsearchError(
            f"{target} is a folder; give a file name with -o, e.g. {target}/memo.md."
        )
    try:
        if _is_stream(target):
            _write_in_place(target, _encoded(text))
            return
        if not force and os.path.lexists(target):
            # Said before the export is read, not after: a long one would be read for nothing.
            raise FileExistsError(target)
        durable.write_new(target, _encoded(text), replace=force)
    except FileExistsError as error:
        raise PqsearchError(
            f"{_shown(target)} already exists; the export does not replace a file. Give a new name "
            "with -o, or add --force to replace it (force=True from Python)."
        ) from error
    except _CutShort as cut:
        raise PqsearchError(
            f"Could not write the whole export to {target}: {cut.error.strerror}; "
            f"the first {cut.written:,} bytes reached it, and the output is incomplete. "
            "Send it where there is room (free some space on that disk, or give -o a file on "
            "another one), then run the command again."
        ) from cut.error
    except OSError as error:
        where = target.parent if not target.parent.is_dir() else target
        raise PqsearchError(
            f"Cannot write the export to {target}: {error.strerror} ({where}). "
            "Give a file in a folder that exists, that you can write and that has room; "
            "nothing was changed."
        ) from error


def _encoded(text: str | Iterable[str]) -> Iterator[bytes]:
    for piece in [text] if isinstance(text, str) else text:
        yield piece.encode("utf-8")


def _shown(target: Path) -> str:
    """`target` as a user types it again: a file named "-" is "./-" ("-o -" is standard
    output: review W6)."""
    return f"./{target}" if str(target) == "-" else str(target)


def _is_stream(target: Path) -> bool:
    """Whether `target` names one of this process's descriptors (/dev/stdout, /dev/fd/63 of
    `>(...)`), even one redirected to a regular file, or exists and is not a regular file
    (a FIFO, a device): a name with nothing to replace and no folder to write a copy in."""
    if _descriptor_named(target) is not None:
        return True
    try:
        return not stat.S_ISREG(target.stat().st_mode)
    except FileNotFoundError:
        return False


def _descriptor_named(target: Path) -> int | None:
    """The descriptor number `target` names through /dev/fd or /proc/self/fd, following
    the symlinks on the way (/dev/stdout -> /proc/self/fd/1), or None."""
    folders = {os.path.realpath(f) for f in ("/dev/fd", "/proc/self/fd") if os.path.isdir(f)}
    name = os.path.abspath(target)
    for _ in range(40):  # the kernel's own limit on symlinks followed
        if os.path.realpath(os.path.dirname(name)) in folders:
            base = os.path.basename(name)
            return int(base) if base.isdigit() else None
        if not os.path.islink(name):
            return None
        name = os.path.join(os.path.dirname(name), os.readlink(name))
    return None


def _write_in_place(target: Path, data: Iterable[bytes]) -> None:
    """Write into the stream itself: through the descriptor the name stands for, so that a
    shell's `>>` appends and `>` writes from the start, else by opening the name without
    creating or truncating it (a pipe has nothing to truncate, a device no file to create)."""
    number = _descriptor_named(target)
    fd = os.dup(number) if number is not None else os.open(target, os.O_WRONLY)
    written = 0
    try:
        # `os.write` in a loop, not a buffered file: that one loses the error when the
        # kernel takes part of a write and refuses the rest (a disk filling up), and the
        # export ended cut short with no message (s16 audit, D5).
        for piece in data:
            view = memoryview(piece)
            while view:
                try:
                    done = durable.write_some(fd, view)
                except OSError as error:
                    if written == 0:
                        raise
                    raise _CutShort(error, written) from error
                written += done
                view = view[done:]
    finally:
        os.close(fd)


class _CutShort(Exception):
    """Part of an export reached a stream written in place, and the rest was refused."""

    def __init__(self, error: OSError, written: int) -> None:
        super().__init__(error.strerror)
        self.error = error
        self.written = written
