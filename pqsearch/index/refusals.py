"""What an ingest refuses before it writes anything, so that a refused ingest leaves the
index folder as it was, byte for byte: no folder made, no marker, no `ingest.lock`.

Files and folders named of which none exists, a rebuild or a re-analysis with no files
named and no index to read them from, and an index another version of pqsearch wrote, used
to be refused only under the write lock (the first after spaCy had loaded),
after the folder was made, marked and given its lock file. These checks only read (the
`live` link, the folder's entries, the lexicon's version read immutable: no -wal or -shm
file). `ingest` checks again under the lock, where another process cannot build or
replace the index meanwhile.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pqsearch.errors import MissingInputError, NoIndexError, NothingToRebuildError
from pqsearch.index import folders, schema_version, writable


def refuse_before_writing(
    root: Path, paths: Sequence[str | Path], *, rebuild: bool, reanalyze: bool
) -> None:
    """Raise what an ingest into `root` would refuse, before it writes anything there."""
    # Files and folders named of which none exists: said at once, not after spaCy has loaded
    # and an empty index has been made, as "1 failed: no such file or folder" (s19). One
    # missing among others is that file's failure, as before: the others are read. A rebuild
    # says what it would lose instead ("none of its N documents": `rebuild_losses`).
    if paths and not rebuild and all(missing(path) for path in paths):
        raise MissingInputError([str(path) for path in paths], root)
    live = folders.live_data_dir(root, tolerate_damage=True)
    if live is None:
        # A data folder without its `live` link is an index the ingest relinks: not "none".
        if paths or folders.indexed_data_dirs(root) or os.path.lexists(root / folders.LIVE):
            return
        if rebuild:
            raise NothingToRebuildError(root, "no paths were given and it holds no index")
        if reanalyze:
            raise NoIndexError(root, to_reanalyze=True)
        return
    if rebuild:
        schema_version.refuse_newer(root, live)
        # Its new data folder and the `live` switch are written in the index folder.
        if not os.access(root, os.W_OK | os.X_OK):
            raise writable.read_only(root, root, writable.refusal(root), changed=False)
    else:
        # Read immutable although the lock is not held: it writes nothing, and a version
        # being written now is read again under the lock.
        schema_version.check_version(root, live, locked=True)
        writable.refuse_read_only(root, live)


def missing(path: str | Path) -> bool:
    """True when `path` does not exist. A path that cannot be looked at (a folder on the way
    that may not be entered) is not missing: the walk says "cannot be read: Permission
    denied" of it, where `os.path.lexists`, False then, had it called missing (review P, I1)."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False
