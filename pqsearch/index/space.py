"""A full disk during an ingest: one sentence for the user, and no partial files left; and
the other failures a user can act on: a write refused, a switch the disk did not confirm.

The index itself stays as its last commit left it (Whoosh switches only whole commits), but
the user got a raw `OSError: [Errno 28]` or `sqlite3.OperationalError` traceback, and the
segment files of the commit that could not finish (24 to 53 of them) kept the disk full
until the next ingest (issue 12, point 7).
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Any

from pqsearch import temporary
from pqsearch.errors import DiskFullError, IndexProblemError, PqsearchError, SwitchNotDurableError
from pqsearch.index.folders import discard_rebuild, went_live
from pqsearch.index.writable import read_only, refused_place
from pqsearch.resources import no_room


def disk_full(
    root: Path, error: BaseException, *, replacing: Path | None = None
) -> DiskFullError | None:
    """The DiskFullError that `error` (or what caused it) stands for: a full disk, or this
    process's file-size limit (`ulimit -f`); else None. `replacing`: the data folder of the
    index a rebuild was to replace, whose size the message gives."""
    room = no_room(error, root)
    if room is None:
        return None
    if replacing is not None:
        # A rebuild starts again, and needs room for a second index (s16 audit, D6).
        needed = (
            f" (about {_size(replacing) / 1e6:,.1f} MB, the size of the index, and some more "
            "for its temporary files)"
            if room.kind == "disk full"
            else ""
        )
        return DiskFullError(
            f"The rebuild stopped: {room.why}. The index at {root} is unchanged and the files "
            "of the new one are removed. A rebuild writes a whole new index beside the "
            f"current one, and starts again from the beginning. {room.fix}{needed}, then run "
            "it again."
        )
    return DiskFullError(
        f"The ingest stopped: {room.why}. The index at {root} is as its last commit left it "
        f"and the files of the unfinished one are removed. {room.fix}, then run the ingest "
        "again; it goes on from where this one stopped."
    )


def clean_up(
    root: Path, data: Path | None, error: BaseException, *, rebuild_of: Path | None
) -> IndexProblemError | None:
    """After an ingest into `data` (None: not made) stopped by `error`: delete a rebuild's
    folder (`rebuild_of`: the index it was to replace) unless it went live, or the files of
    an unfinished commit when the disk is full; returns the error to raise, if any: the
    disk is full, the index may not be written, or a rebuild went live and then failed."""
    if (
        data is not None
        and rebuild_of is not None
        and isinstance(error, Exception)
        and went_live(root, data)
    ):
        # Only the folder's sync after the switch comes after it (`switch_live`): the new
        # index is the index, and the previous one is still there (review 16, W4).
        return SwitchNotDurableError(
            f"The rebuild finished and its new index is live: searches of {root} use it. "
            f"The system then failed to confirm that the switch is on disk ({error}), so "
            "after a crash or a power cut the index could come back as it was before the "
            f"rebuild. Nothing was deleted: the previous index is still in {rebuild_of} (the "
            "next ingest clears it away, or says why it keeps it). Check the disk that holds "
            f"{root} (free some space if it is full); nothing needs to be run again."
        )
    full = disk_full(root, error, replacing=rebuild_of)
    if data is not None and rebuild_of is not None:
        discard_rebuild(root, data)
    elif data is not None and full is not None:
        remove_partial(data)
    if full is not None:
        return full
    refused = None if isinstance(error, PqsearchError) else refused_place(error, data)
    if refused is not None:
        place, why = refused
        return read_only(root, place, why, changed=rebuild_of is None and data is not None)
    return None


def _size(folder: Path) -> int:
    total = 0
    for file in folder.rglob("*"):
        with contextlib.suppress(OSError):
            total += file.lstat().st_size if file.is_file() else 0
    return total


def remove_partial(data: Path) -> None:
    """Delete the files of segments no table of contents names (the unfinished commit's).

    Our own data folder, under the write lock; a failure here leaves them for the next
    ingest, which removes them too."""
    from whoosh.index import TOC, clean_files

    from pqsearch.index.columns import COLUMNS_PREFIX
    from pqsearch.index.durable import DurableStorage
    from pqsearch.index.positions_file import POSITIONS_PREFIX
    from pqsearch.index.store import WHOOSH_INDEX_NAME

    with contextlib.suppress(Exception):
        storage = DurableStorage(str(data))
        toc = TOC.read(storage, WHOOSH_INDEX_NAME)
        clean_files(storage, WHOOSH_INDEX_NAME, toc.generation, toc.segments)
    # Our temporary files by their exact names only (`temporary`; the columns' and the
    # phrase positions' are named after their own files), and Whoosh's temporary storage,
    # a folder named after the index.
    temporary.remove_leftovers(data)
    for leftover in [*data.glob(f"{COLUMNS_PREFIX}*.tmp"), *data.glob(f"{POSITIONS_PREFIX}*.tmp")]:
        with contextlib.suppress(OSError):
            leftover.unlink()
    whoosh_temporary = data / f"{WHOOSH_INDEX_NAME}.tmp"
    if whoosh_temporary.is_dir() and not whoosh_temporary.is_symlink():
        shutil.rmtree(whoosh_temporary, ignore_errors=True)


def abandon(writer: Any) -> None:
    """Cancel a Whoosh writer, even one whose commit failed half-way: its cancel then
    fails too (closing files flushes them onto the full disk) and would keep Whoosh's write
    lock, so that no later writer of this process could start."""
    try:
        writer.cancel()
    except Exception:
        with contextlib.suppress(Exception):
            writer._tempstorage.destroy()
        lock = getattr(writer, "writelock", None)
        if lock is not None:
            with contextlib.suppress(Exception):
                lock.release()
        writer.is_closed = True


__all__ = ["abandon", "clean_up", "disk_full", "remove_partial"]
